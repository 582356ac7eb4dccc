"""The Ray Data job in local mode: its rows are `article-cleaner batch`'s lines."""

import json

import pytest

import ray

from article_cleaner.ray_data import clean_warcs, main, row_to_line


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_job_output_equals_the_batch_cli(local_ray, warc, cli_lines, tmp_path):
    # The same WARC twice: files are split across tasks, and their order must hold.
    copy = tmp_path / "copy.warc.gz"
    copy.write_bytes(warc.read_bytes())
    rows = clean_warcs([str(warc), str(copy)]).take_all()
    expected = [json.loads(line) for line in cli_lines] * 2
    assert [row_to_line(row) for row in rows] == expected


def test_command_line_writes_json_lines(local_ray, warc, cli_lines, tmp_path):
    out = tmp_path / "out"
    main([str(warc.parent), "--output", str(out)])
    rows = [json.loads(line) for path in sorted(out.glob("*.json")) for line in path.read_text().splitlines()]
    assert sorted(json.dumps(row_to_line(row), sort_keys=True) for row in rows) == sorted(
        json.dumps(json.loads(line), sort_keys=True) for line in cli_lines
    )
