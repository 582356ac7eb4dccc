"""Raw HTML of a web page in, a clean reader-mode article out (Rust, via PyO3).

    >>> import article_cleaner
    >>> article = article_cleaner.clean(html, url="https://example.com/story")
    >>> article["title"], article["text_content"]

The functions release the GIL while they clean. Options are the README's, in snake_case
(``char_threshold=200``, ``output_markdown=True``...); an unknown one is a ``TypeError``.
"""

import json as _json
import os as _os

from ._native import (
    INTERNAL,
    ArticleCleanerError,
    BadOption,
    FileLines,
    InputTooLarge,
    InvalidState,
    NotReaderable,
    UnsupportedEncoding,
    clean,
    clean_batch,
    is_probably_readerable,
)
from ._native import clean_files as _clean_files

__all__ = [
    "INTERNAL",
    "ArticleCleanerError",
    "BadOption",
    "FileLines",
    "InputTooLarge",
    "InvalidState",
    "NotReaderable",
    "UnsupportedEncoding",
    "clean",
    "clean_batch",
    "clean_file_lines",
    "clean_files",
    "is_probably_readerable",
]


def clean_file_lines(paths, threads=None, markdown=False):
    """The JSON lines (str) that ``article-cleaner batch`` writes for these WARC or JSON
    Lines files, in input order, streamed. ``paths`` is one path or a list of them."""
    if isinstance(paths, (str, bytes, _os.PathLike)):
        paths = [paths]
    return _clean_files([_os.fsdecode(path) for path in paths], threads, markdown)


def clean_files(paths, threads=None, markdown=False):
    """As ``clean_file_lines``, each line as a dict: ``url, title, byline,
    published_time, lang, page_type, text`` (or ``markdown``), or ``url`` and
    ``error: {code, message}`` for a record that gave no article."""
    for line in clean_file_lines(paths, threads, markdown):
        yield _json.loads(line)
