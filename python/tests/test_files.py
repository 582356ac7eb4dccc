"""clean_files / clean_file_lines: `article-cleaner batch` from Python, line for line."""

import json
import os
import time

import pytest

import article_cleaner

from conftest import FIXTURE_HOST

# Generous: the batch threads notice within one page.
THREADS_END_WITHIN_S = 10
# Well over the lines the iterator buffers (1,024) and the batch's window.
MANY_LINES = 5000


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


def threads_now():
    return len(os.listdir("/proc/self/task"))


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="needs Linux /proc")
def test_dropping_the_iterator_early_stops_the_batch_threads(tmp_path):
    # More lines than the channel holds, so that the batch is still running when dropped.
    pages = tmp_path / "pages.jsonl"
    with pages.open("w") as out:
        for number in range(MANY_LINES):
            html = f"<p>Page {number}, a short one, but long enough to be an article.</p>"
            out.write(json.dumps({"url": f"{FIXTURE_HOST}/{number}", "html": html}) + "\n")
    before = threads_now()
    lines = article_cleaner.clean_file_lines(pages, threads=2)
    assert json.loads(next(lines))["url"] == f"{FIXTURE_HOST}/0"
    assert threads_now() > before  # the batch thread, its reader and its workers
    del lines  # the batch stops at its next line, and its threads end
    deadline = time.monotonic() + THREADS_END_WITHIN_S
    while threads_now() > before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert threads_now() == before
