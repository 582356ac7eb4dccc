"""Type stubs of article_cleaner (the native module and its Python helpers)."""

import os
from typing import Any, Iterator, Literal, Mapping, Optional, Sequence, TypedDict, Union

PageType = Literal[
    "article", "forum", "documentation", "product", "service", "collection", "listing"
]

class Article(TypedDict, total=False):
    """The result of ``clean``: the JavaScript result's fields in snake_case."""

    title: Optional[str]
    byline: Optional[str]
    site_name: Optional[str]
    published_time: Optional[str]
    lang: Optional[str]
    dir: Optional[str]
    excerpt: Optional[str]
    lead_image: Optional[str]
    content: str
    text_content: str
    markdown: Optional[str]
    length: int
    word_count: int
    reading_time_minutes: int
    page_type: PageType
    explain: dict[str, Any]  # only with explain=True

Html = Union[str, bytes]
BatchPage = Union[Html, tuple[Html, Optional[str]], Mapping[str, Any]]

INTERNAL: str

class ArticleCleanerError(Exception):
    """Base class of the cleaner's errors."""

    code: Optional[str]

class NotReaderable(ArticleCleanerError): ...
class InputTooLarge(ArticleCleanerError): ...
class BadOption(ArticleCleanerError): ...
class UnsupportedEncoding(ArticleCleanerError): ...
class InvalidState(ArticleCleanerError): ...

def clean(
    html: Html,
    url: Optional[str] = None,
    *,
    char_threshold: int = 500,
    keep_classes: bool = False,
    max_input_bytes: int = 64 << 20,
    encoding: Optional[str] = None,
    output_html: bool = True,
    output_text: bool = True,
    output_markdown: bool = False,
    text_captions: bool = False,
    readable_math: bool = False,
    min_content_length: int = 140,
    min_score: float = 20,
    explain: bool = False,
    page_type: Optional[PageType] = None,
) -> Article:
    """Cleans a page (str, or bytes in any charset). Raises an ArticleCleanerError."""

def is_probably_readerable(
    html: Html,
    url: Optional[str] = None,
    *,
    min_content_length: int = 140,
    min_score: float = 20,
    **options: Any,
) -> bool:
    """Readability.js's cheap pre-check."""

def clean_batch(
    pages: Sequence[BatchPage],
    threads: Optional[int] = None,
    **options: Any,
) -> list[Union[Article, ArticleCleanerError]]:
    """Cleans pages in parallel; one result per page in input order, an exception
    instance for a page that failed (never dropped). Options as for ``clean``."""

class FileLines(Iterator[str]):
    def __iter__(self) -> "FileLines": ...
    def __next__(self) -> str: ...
    @property
    def summary(self) -> Optional[dict[str, Any]]: ...

Path = Union[str, bytes, os.PathLike[str]]

def clean_file_lines(
    paths: Union[Path, Sequence[Path]],
    threads: Optional[int] = None,
    markdown: bool = False,
) -> FileLines:
    """The JSON lines ``article-cleaner batch`` writes for these WARC / JSON Lines files."""

def clean_files(
    paths: Union[Path, Sequence[Path]],
    threads: Optional[int] = None,
    markdown: bool = False,
) -> Iterator[dict[str, Any]]:
    """As ``clean_file_lines``, each line parsed."""
