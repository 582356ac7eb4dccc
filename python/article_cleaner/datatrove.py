"""A datatrove extractor: ``ArticleCleanerExtractor`` in place of ``Trafilatura`` in a
datatrove pipeline (after ``WarcReader``, before the filters).

    from datatrove.pipeline.readers import WarcReader
    from article_cleaner.datatrove import ArticleCleanerExtractor

    pipeline = [WarcReader("crawl/"), ArticleCleanerExtractor(), JsonlWriter("out/")]

Each document's HTML is cleaned with its record URL (``metadata["url"]``, which resolves
relative links and feeds page-type detection). The text (or Markdown) replaces the HTML, and
the page's own metadata is added: ``title``, ``language`` (the page's declared language),
``published_date`` (as the page states it; ``date`` stays the crawl date WarcReader set),
``byline`` and ``page_type``. A page that gives no article is dropped and counted
by its error code (``not_readerable``, ``input_too_large``...) in the step's stats.

Unlike the Python extractors it needs no sandbox process with a timeout: the cleaner has no
backtracking patterns, refuses input over ``max_input_bytes`` and catches its own panics, so
a document is cleaned in the worker itself.
"""

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.extractors.base import BaseExtractor
from datatrove.utils.typeshelper import StatHints

from . import ArticleCleanerError, clean, is_probably_readerable

__all__ = ["ArticleCleanerExtractor"]

_HTTP = ("http://", "https://")


class ArticleCleanerExtractor(BaseExtractor):
    """Extracts the article of each HTML document with article-cleaner.

    Args:
        markdown: write Markdown (headings, lists, tables, code, links) instead of text.
        **options: article-cleaner options in snake_case (``char_threshold``,
            ``text_captions``, ``page_type``...), as for ``article_cleaner.clean``.
    """

    name = "🧹 article-cleaner"
    _requires_dependencies = []

    def __init__(self, markdown: bool = False, **options):
        super().__init__()
        self.markdown = markdown
        self.options = dict(
            options,
            output_html=False,
            output_text=not markdown,
            output_markdown=markdown,
        )
        # Checks the options now, in the driver, rather than on the first document.
        is_probably_readerable("", **self.options)

    def extract(self, text: str) -> str:
        """The article's text of one HTML page (BaseExtractor's hook; ``run`` does more)."""
        article = clean(text, **self.options)
        return article["markdown"] if self.markdown else article["text_content"]

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for doc in data:
            self.stat_update(StatHints.total)
            url = doc.metadata.get("url")
            with self.track_time():
                try:
                    article = clean(
                        doc.text,
                        url=url if isinstance(url, str) and url.startswith(_HTTP) else None,
                        **self.options,
                    )
                except ArticleCleanerError as error:
                    self.stat_update((error.code or "error").lower())
                    self.stat_update(StatHints.dropped)
                    continue
            doc.text = article["markdown"] if self.markdown else article["text_content"]
            doc.metadata["title"] = article["title"]
            doc.metadata["language"] = article["lang"]
            doc.metadata["published_date"] = article["published_time"]
            doc.metadata["byline"] = article["byline"]
            doc.metadata["page_type"] = article["page_type"]
            self.stat_update("extracted")
            self.stat_update(StatHints.forwarded)
            self.update_doc_stats(doc)
            yield doc
