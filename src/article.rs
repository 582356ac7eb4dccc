//! [`Article`]: the result. Field names follow Mozilla Readability.js.

use serde::{Deserialize, Serialize};

use crate::explain::Explain;
use crate::page_type::PageType;

/// A cleaned article and its metadata.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// The article's headline.
    pub title: Option<String>,
    /// Author line.
    pub byline: Option<String>,
    /// Name of the publishing site.
    pub site_name: Option<String>,
    /// Publication time as the page states it (usually ISO 8601).
    pub published_time: Option<String>,
    /// Language from `<html lang>` (or `content-language`).
    pub lang: Option<String>,
    /// Text direction (`ltr`, `rtl`, `auto`) from the article or its ancestors.
    pub dir: Option<String>,
    /// Short summary: the page's description, or the first paragraph.
    pub excerpt: Option<String>,
    /// Absolute URL of the lead image (`og:image` and the like).
    pub lead_image: Option<String>,
    /// Sanitised HTML of the article body (empty when not requested).
    pub content: String,
    /// Plain text, laid out as a browser shows it (empty when not requested).
    pub text_content: String,
    /// Markdown of the article body (`None` unless requested).
    pub markdown: Option<String>,
    /// Length of the article's text in UTF-16 code units: what `textContent.length` gives in
    /// JavaScript, as Readability.js's `length` (computed even when `textContent` is not
    /// requested).
    pub length: usize,
    /// Words in the article.
    pub word_count: usize,
    /// Estimated reading time at 230 words per minute, at least 1.
    pub reading_time_minutes: usize,
    /// The kind of page: `article`, `forum`, `documentation`, `product`, `service`,
    /// `collection` or `listing`.
    pub page_type: PageType,
    /// Why the article is what it is: only with the `explain` option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explain: Option<Explain>,
}
