"""The datatrove extractor, fed by datatrove's own WarcReader on the fixture WARC."""

import json

from datatrove.data import Document
from datatrove.pipeline.readers import WarcReader

import article_cleaner
from article_cleaner.datatrove import ArticleCleanerExtractor

from conftest import FIXTURE_HOST


def test_extractor_on_warc_reader_documents(warc, cli_lines):
    reader = WarcReader(str(warc.parent), glob_pattern="*.warc.gz")
    extractor = ArticleCleanerExtractor()
    documents = list(extractor.run(reader.run()))
    expected = {line["url"]: line for line in map(json.loads, cli_lines) if "error" not in line}
    # WarcReader keeps what libmagic calls HTML; the fixture pages all are.
    assert len(documents) == len(expected) >= 7
    for document in documents:
        line = expected[document.metadata["url"]]
        # The record URL was used (links resolved against it), as the batch CLI does.
        assert document.text == line["text"]
        assert document.metadata["title"] == line["title"]
        assert document.metadata["language"] == line["lang"]
        assert document.metadata["published_date"] == line["published_time"]
        assert document.metadata["page_type"] == line["page_type"]
    by_url = {document.metadata["url"]: document for document in documents}
    wire = by_url[f"{FIXTURE_HOST}/wire-news"]
    assert wire.metadata["title"] and wire.metadata["language"] == "en"
    assert wire.metadata["published_date"].startswith("20")
    # The page with no article is dropped and counted by its code.
    assert extractor.stats["not_readerable"].total == 1


def test_extractor_uses_the_document_url_and_options():
    html = (
        "<html lang=de><head><title>Eine Meldung</title></head><body><article>"
        + "<p>Ein Absatz mit genug Text, damit er als Inhalt zählt, und ein paar Kommas, ja.</p>" * 8
        + '<p><a href="/mehr">mehr</a> dazu.</p></article></body></html>'
    )
    document = Document(text=html, id="1", metadata={"url": "https://zeitung.example/a/b"})
    (result,) = ArticleCleanerExtractor(markdown=True).run([document])
    assert "(https://zeitung.example/mehr)" in result.text
    assert result.metadata["language"] == "de"
    assert result.metadata["title"] == "Eine Meldung"
    assert ArticleCleanerExtractor().extract(html) == article_cleaner.clean(html)["text_content"]
