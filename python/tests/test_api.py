"""clean, is_probably_readerable and the exceptions."""

import json
import re
import subprocess

import pytest

import article_cleaner
from article_cleaner import (
    ArticleCleanerError,
    BadOption,
    InputTooLarge,
    NotReaderable,
    UnsupportedEncoding,
)

from conftest import PAGES, cli_path

URL = "https://news.example.com/2026/story"


def snake(camel):
    return re.sub(r"[A-Z]", lambda upper: "_" + upper.group().lower(), camel)


@pytest.mark.parametrize("name", ["wire-news", "blog-post", "windows-1252"])
def test_same_fields_and_values_as_the_cli_json(name):
    """The dict is the crate's Article (as the CLI's and JavaScript's JSON) in snake_case."""
    path = PAGES / f"{name}.html"
    cli = cli_path()
    if not cli.exists():
        pytest.fail(f"{cli} not found: build it (cargo build --release)")
    run = subprocess.run(
        [str(cli), "--format", "json", "--url", URL, str(path)], check=True, capture_output=True
    )
    expected = {snake(key): value for key, value in json.loads(run.stdout).items()}
    article = article_cleaner.clean(path.read_bytes(), url=URL)
    assert article == expected


def test_text_and_bytes_agree_on_utf8():
    html = (PAGES / "wire-news.html").read_bytes()
    assert article_cleaner.clean(html) == article_cleaner.clean(html.decode())


def test_bytes_honour_meta_charset_and_the_encoding_option():
    html = (PAGES / "windows-1252.html").read_bytes()
    assert b"charset=windows-1252" in html.lower()
    article = article_cleaner.clean(html)
    assert "coopérative" in article["title"]
    assert "\ufffd" not in article["text_content"]
    # An explicit label wins over <meta charset>, as an HTTP header would.
    forced = article_cleaner.clean(html, encoding="utf-8")
    assert "\ufffd" in forced["title"] or "\ufffd" in forced["text_content"]


def test_options_in_snake_case():
    html = (PAGES / "blog-post.html").read_text()
    article = article_cleaner.clean(html, output_markdown=True, output_html=False)
    assert article["content"] == ""
    assert article["markdown"].startswith("# ")
    assert article_cleaner.clean(html, page_type="forum")["page_type"] == "forum"
    explained = article_cleaner.clean(html, explain=True)["explain"]
    assert {"removed", "candidates", "winner", "retry"} <= explained.keys()
    assert "text_length" in explained["removed"][0]


def test_unknown_option_is_a_type_error():
    with pytest.raises(TypeError, match="unknown option"):
        article_cleaner.clean("<p>x</p>", charThreshold=10)
    with pytest.raises(TypeError):
        article_cleaner.clean_batch(["<p>x</p>"], no_such_option=True)
    with pytest.raises(TypeError):
        article_cleaner.clean(42)


def test_errors_are_typed_and_carry_their_code():
    with pytest.raises(NotReaderable) as raised:
        article_cleaner.clean("<html><body></body></html>")
    assert isinstance(raised.value, ArticleCleanerError)
    assert raised.value.code == NotReaderable.code == "NOT_READERABLE"

    cases = [
        (InputTooLarge, "INPUT_TOO_LARGE", {"max_input_bytes": 10}),
        (BadOption, "BAD_OPTION", {"max_input_bytes": 0}),
        (BadOption, "BAD_OPTION", {"char_threshold": "many"}),
        (BadOption, "BAD_OPTION", {"url": "ftp://example.com/"}),
        (UnsupportedEncoding, "ENCODING", {"encoding": "no-such-charset"}),
    ]
    for kind, code, options in cases:
        with pytest.raises(kind) as raised:
            article_cleaner.clean(b"<p>Some text that is long enough.</p>", **options)
        assert raised.value.code == code, options


def test_is_probably_readerable():
    assert article_cleaner.is_probably_readerable((PAGES / "wire-news.html").read_bytes())
    assert article_cleaner.is_probably_readerable((PAGES / "blog-post.html").read_text(), URL)
    assert not article_cleaner.is_probably_readerable("<p>Too short.</p>")
    html = (PAGES / "blog-post.html").read_text()
    assert not article_cleaner.is_probably_readerable(html, min_score=1e9)
    with pytest.raises(TypeError):
        article_cleaner.is_probably_readerable(html, bogus=1)
