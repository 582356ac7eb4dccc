"""clean_batch: parallel, in order, every page accounted for, the GIL released."""

import threading
import time

import pytest

import article_cleaner
from article_cleaner import ArticleCleanerError, NotReaderable

URL = "https://example.org/page"


def test_results_in_input_order_equal_clean(pages):
    htmls = [html for _, html in pages]
    one_by_one = [article_cleaner.clean(html) for html in htmls]
    for threads in (1, 3):
        assert article_cleaner.clean_batch(htmls, threads=threads) == one_by_one


def test_every_input_shape_and_per_page_errors(pages):
    html = pages[0][1]
    items = [
        html,
        html.decode(),
        (html, URL),
        {"html": html, "url": URL, "warc_id": "ignored"},
        "<html><body></body></html>",
        (b"<p>x</p>" * 10, "mailto:nobody@example.com"),
    ]
    results = article_cleaner.clean_batch(items, threads=2, output_html=False)
    assert len(results) == len(items)
    assert all(isinstance(result, dict) for result in results[:4])
    assert results[0]["content"] == ""
    assert results[2] == results[3] == article_cleaner.clean(html, url=URL, output_html=False)
    assert isinstance(results[4], NotReaderable) and results[4].code == "NOT_READERABLE"
    assert isinstance(results[5], ArticleCleanerError) and results[5].code == "BAD_OPTION"


def test_bad_items_and_threads():
    with pytest.raises(TypeError, match=r"pages\[1\]"):
        article_cleaner.clean_batch(["<p>a</p>", 3])
    with pytest.raises(TypeError):
        article_cleaner.clean_batch([{"url": URL}])
    with pytest.raises(ValueError):
        article_cleaner.clean_batch(["<p>a</p>"], threads=0)
    assert article_cleaner.clean_batch([]) == []


def test_the_gil_is_released_while_cleaning(pages):
    """A Python thread keeps running while clean_batch works: with the GIL held for the
    whole call it could not count at all."""
    htmls = [html for _, html in pages] * 20
    counts = []
    running = threading.Event()
    stop = threading.Event()

    def count():
        running.set()
        while not stop.is_set():
            counts.append(time.perf_counter())

    counter = threading.Thread(target=count)
    counter.start()
    running.wait()
    started = time.perf_counter()
    article_cleaner.clean_batch(htmls, threads=1)
    ended = time.perf_counter()
    stop.set()
    counter.join()
    during = [moment for moment in counts if started < moment < ended]
    # Many thousands when released; at most a few when held (the GIL's switch interval).
    assert len(during) > 1000, (len(during), ended - started)
