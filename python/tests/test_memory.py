"""No global state that grows: many calls keep the resident memory flat."""

import pathlib

import pytest

import article_cleaner

from conftest import PAGES

CALLS = 3000
WARM_UP = 300
# Allocator noise is well under 1 MB; a leak of 1 KB a call would add 2.7 MB here, and
# keeping each page's results (over 30 KB) would add 80 MB.
MAX_GROWTH_MB = 2


def rss_mb():
    for line in pathlib.Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not pathlib.Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_rss_stays_flat_over_many_calls():
    html = (PAGES / "wire-news.html").read_bytes()
    for _ in range(WARM_UP):
        article_cleaner.clean(html, explain=True)
        article_cleaner.is_probably_readerable(html)
    # Worker threads get allocator arenas of their own: warm those up too.
    article_cleaner.clean_batch([html] * 50, threads=2)
    before = rss_mb()
    for _ in range(CALLS - WARM_UP):
        article_cleaner.clean(html, explain=True)
        article_cleaner.is_probably_readerable(html)
    article_cleaner.clean_batch([html] * 50, threads=2)
    assert rss_mb() - before < MAX_GROWTH_MB
