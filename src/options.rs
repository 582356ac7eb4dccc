//! [`Options`]: one plain-data struct shared by the Rust API, the CLI and JavaScript.

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::page_type::PageType;
use crate::patterns::{
    DEFAULT_CHAR_THRESHOLD, DEFAULT_MAX_INPUT_BYTES, READERABLE_MIN_CONTENT_LENGTH,
    READERABLE_MIN_SCORE,
};

/// What the cleaner is told about a page and what it should produce.
///
/// Every field has a default, so a partial object (in JSON or JavaScript) works:
///
/// ```
/// let options: article_cleaner::Options = serde_json::from_str(r#"{"url": "https://example.com/a"}"#).unwrap();
/// assert_eq!(options.char_threshold, 500);
/// assert!(options.output_html && options.output_text && !options.output_markdown);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// The page's URL, used to resolve relative links and images.
    /// Default: none (relative URLs are resolved against `<base href>` only, or dropped).
    pub url: Option<String>,
    /// Minimum characters of text an article must have before the extractor stops relaxing
    /// its rules. Default: 500 (as Readability.js).
    pub char_threshold: usize,
    /// Keep `class` attributes in the HTML output. Default: false.
    pub keep_classes: bool,
    /// Input larger than this many bytes is refused with [`crate::ErrorKind::InputTooLarge`].
    /// Default: 64 MiB.
    pub max_input_bytes: usize,
    /// Encoding label (WHATWG names, e.g. `"windows-1252"`) for byte input that has no BOM.
    /// Like an HTTP `Content-Type` charset it is authoritative: a `<meta charset>` does not
    /// override it. Default: none (the first `<meta charset>` in the head, else UTF-8).
    pub encoding: Option<String>,
    /// Produce `content` (sanitised HTML). Default: true.
    pub output_html: bool,
    /// Produce `textContent`. Default: true.
    pub output_text: bool,
    /// Produce `markdown`. Default: false.
    pub output_markdown: bool,
    /// Include figure captions and photo credits in `textContent` (they are always in
    /// `content` and `markdown`). Default: false: `textContent` is the running text of the
    /// article, what one reads aloud, indexes or summarises.
    pub text_captions: bool,
    /// Write formulas in `textContent` as readable linear text (`E = mc²`, `(a+b)/2`,
    /// `√(x+1)`, `∑ᵢ₌₁ⁿ i`). Default: false: a formula's text as a browser's `textContent`
    /// gives it (`E=mc2`), as Readability.js does.
    pub readable_math: bool,
    /// [`crate::is_probably_readerable`]: a block counts only with at least this many
    /// characters of text. Default: 140 (as Readability.js).
    pub min_content_length: usize,
    /// [`crate::is_probably_readerable`]: the page is readerable once the blocks' score
    /// (the sum of `sqrt(length - minContentLength)`) passes this. Default: 20 (as
    /// Readability.js).
    pub min_score: f64,
    /// Add `explain` to the result: every block a rule removed (rule, phase, path, text),
    /// the top candidates with their scores and reasons, and how the winner was chosen.
    /// The article itself is byte-identical either way. Default: false.
    pub explain: bool,
    /// Treat the page as this type instead of detecting it (a crawler that knows it reads a
    /// forum, say). Default: none (detected; see [`crate::PageType`]).
    pub page_type: Option<PageType>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            url: None,
            char_threshold: DEFAULT_CHAR_THRESHOLD,
            keep_classes: false,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            encoding: None,
            output_html: true,
            output_text: true,
            output_markdown: false,
            text_captions: false,
            readable_math: false,
            min_content_length: READERABLE_MIN_CONTENT_LENGTH,
            min_score: READERABLE_MIN_SCORE,
            explain: false,
            page_type: None,
        }
    }
}

impl Options {
    /// Checks the values: a known `encoding` label, `maxInputBytes` above 0, a finite
    /// `minScore`, an absolute http(s) `url`. Every entry point calls it.
    ///
    /// # Errors
    /// [`ErrorKind::UnsupportedEncoding`] or [`ErrorKind::BadOption`].
    pub fn validate(&self) -> Result<(), Error> {
        if let Some(label) = &self.encoding {
            if encoding_rs::Encoding::for_label_no_replacement(label.trim().as_bytes()).is_none() {
                return Err(Error::new(
                    ErrorKind::UnsupportedEncoding,
                    format!("unknown encoding label {label:?}"),
                ));
            }
        }
        if !self.min_score.is_finite() {
            return Err(Error::new(
                ErrorKind::BadOption,
                "minScore must be a finite number",
            ));
        }
        if self.max_input_bytes == 0 {
            return Err(Error::new(
                ErrorKind::BadOption,
                "maxInputBytes must be greater than 0",
            ));
        }
        if let Some(url) = &self.url {
            if !matches!(
                crate::url::scheme(url.trim()).as_deref(),
                Some("http" | "https")
            ) {
                return Err(Error::new(
                    ErrorKind::BadOption,
                    format!("url must be an absolute http(s) URL, got {url:?}"),
                ));
            }
        }
        Ok(())
    }
}
