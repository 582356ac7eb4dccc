"""Shared fixtures: the repository's own fixture pages, a small WARC made from them with
tools/make-warc.py, and the `article-cleaner` CLI's batch output on it."""

import gzip
import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAGES = ROOT / "tests" / "fixtures" / "pages"
MARKUP = ROOT / "tests" / "fixtures" / "markup"
FIXTURE_HOST = "https://fixtures.example"
# A page with no article: its record must come out as a NOT_READERABLE line.
EMPTY_PAGE = b"<!doctype html><html><head><title>Nothing</title></head><body></body></html>"


def page_files():
    return sorted(PAGES.glob("*.html")) + sorted(MARKUP.glob("*.html"))


@pytest.fixture(scope="session")
def pages():
    """(name, bytes) of every fixture page."""
    return [(path.stem, path.read_bytes()) for path in page_files()]


@pytest.fixture(scope="session")
def warc(tmp_path_factory):
    """A gzipped WARC (one member per record) of the fixture pages and one empty page."""
    corpus = tmp_path_factory.mktemp("corpus")
    (corpus / "html").mkdir()
    (corpus / "ground-truth").mkdir()
    named = [(path.stem, path.read_bytes()) for path in page_files()] + [("empty", EMPTY_PAGE)]
    for name, html in named:
        (corpus / "html" / f"{name}.html.gz").write_bytes(gzip.compress(html))
        url = f"{FIXTURE_HOST}/{name}"
        (corpus / "ground-truth" / f"{name}.json").write_text(json.dumps({"url": url}))
    out = corpus / "fixtures.warc.gz"
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make-warc.py"), str(corpus), str(out)],
        check=True,
        capture_output=True,
    )
    return out


def cli_path():
    """The release CLI: $ARTICLE_CLEANER_BIN, else target/release (CARGO_TARGET_DIR)."""
    if os.environ.get("ARTICLE_CLEANER_BIN"):
        return pathlib.Path(os.environ["ARTICLE_CLEANER_BIN"])
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "release" / "article-cleaner"


@pytest.fixture(scope="session")
def cli_lines(warc):
    """`article-cleaner batch` on the fixture WARC: its JSON lines (str)."""
    cli = cli_path()
    if not cli.exists():
        pytest.fail(f"{cli} not found: build it (cargo build --release) or set ARTICLE_CLEANER_BIN")
    run = subprocess.run(
        [str(cli), "batch", str(warc), "--threads", "2"],
        check=True,
        capture_output=True,
    )
    return run.stdout.decode().splitlines()
