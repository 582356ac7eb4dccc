"""clean_files / clean_file_lines: `article-cleaner batch` from Python, line for line."""

import json

import pytest

import article_cleaner

from conftest import FIXTURE_HOST


def test_lines_equal_the_cli_batch_output(warc, cli_lines, pages):
    lines = article_cleaner.clean_file_lines(warc, threads=2)
    assert list(lines) == cli_lines
    # One line per response record: every fixture page and the empty page.
    assert len(cli_lines) == len(pages) + 1
    summary = lines.summary
    assert summary["pages"] == len(pages) + 1
    assert summary["errors"] == {"NOT_READERABLE": 1}
    assert summary["skipped"] == len(pages) + 2  # the requests and the warcinfo


def test_dicts_in_input_order_with_errors(warc, pages):
    records = list(article_cleaner.clean_files([str(warc)], threads=1, markdown=True))
    # tools/make-warc.py writes the pages in the order of their file names.
    names = sorted([name for name, _ in pages] + ["empty"], key=lambda name: f"{name}.html.gz")
    assert [record["url"] for record in records] == [f"{FIXTURE_HOST}/{name}" for name in names]
    for name, record in zip(names, records):
        if name == "empty":
            assert record["error"]["code"] == "NOT_READERABLE"
        else:
            assert "markdown" in record and "text" not in record


def test_a_missing_file_is_an_os_error(tmp_path):
    with pytest.raises(OSError):
        article_cleaner.clean_file_lines(tmp_path / "nothing.warc")


def test_stopping_early_is_fine(warc):
    lines = article_cleaner.clean_file_lines(warc, threads=2)
    assert json.loads(next(lines))["url"].startswith(FIXTURE_HOST)
    del lines  # the batch thread stops at its next line
