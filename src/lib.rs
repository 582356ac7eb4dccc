//! # article-cleaner
//!
//! Raw HTML of a web page in, a clean reader-mode article out: headline, body with its real
//! structure, and metadata, with field names that follow Mozilla Readability.js. The output
//! HTML is rebuilt by allow-list, so it is safe to assign to `innerHTML`.
//!
//! ```
//! use article_cleaner::{clean, Options};
//! let html = "<html><head><title>Hello</title></head><body><article>
//!   <p>One paragraph of a story, long enough to count as content, with a comma or two.</p>
//!   <p>Another paragraph follows it, also long enough, so the article is found.</p>
//! </article></body></html>";
//! let article = clean(html, &Options { char_threshold: 20, ..Options::default() }).unwrap();
//! assert!(article.text_content.contains("Another paragraph"));
//! ```
//!
//! ## The pipeline
//!
//! `src/pipeline.rs` runs the phases after ingest in this order, one call each:
//!
//! 1. **Ingest** (`ingest`): one streaming lol_html pass builds a compact tree of what may
//!    be content (scripts, styles, forms, hidden elements and consent banners never enter it)
//!    and captures metadata as it streams past.
//! 2. **Page type** (`page_type`): article, forum, documentation, product, service, collection
//!    or listing, from cheap signals weighed by a small linear model; it chooses how the
//!    article is found.
//! 3. **Prepare** (`prepare`): `<noscript>` image fallbacks replace lazy placeholders,
//!    images without a source go, `<br><br>` runs become paragraphs.
//! 4. **Metadata** (`metadata`): title, byline, excerpt, site name, date, lead image,
//!    resolved with Readability.js's precedence.
//! 5. **Score** (`score`): paragraph text scores its ancestors; the best candidate and its
//!    qualifying siblings form the article. Each attempt is cleaned conditionally
//!    (`cleanup::conditional`) and retried with relaxed rules when too short. A thread is
//!    all its posts; service, product, collection and listing pages take their main region
//!    (`region`).
//! 6. **Post-process** (`cleanup::post_process`): absolute URLs, script links, empty
//!    containers, nested wrappers.
//! 7. **Conform** (`conform`): the tree becomes one that a browser's parser builds back from
//!    our HTML (rows get a `<tbody>`, a `<p>` holding a block becomes a `<div>`...).
//! 8. **Precision** (`cleanup::precision`): share bars, related blocks, ad labels and the
//!    other boilerplate the Readability rules keep.
//! 9. **Declared body** (`cleanup::declared_body`): blocks outside the page's JSON-LD
//!    `articleBody`, when that is the full text.
//! 10. **Structure** (`structure`): a thread's posts and a list's items become
//!     `<article>`s, a post's author line its `<header>`.
//! 11. **Markup** (`markup`): what the author wrote, kept as written: footnotes linked with
//!     ids of our own and gathered at the end, code blocks with their language and without
//!     line numbers or copy buttons, callouts with their kind.
//! 12. **Render** (`render`): sanitised HTML, plain text (math as readable text), Markdown
//!     (a document: title, byline line, footnotes, fenced code with its language, math as
//!     `$...$`, callouts as `> [!NOTE]`).
//!
//! Every removal and score adjustment is a named [`rules::Rule`]; with
//! [`Options::explain`] the result says which rule removed what ([`explain::Explain`]).

#![forbid(unsafe_code)]

mod article;
#[cfg(not(target_arch = "wasm32"))]
pub mod batch;
mod cleanup;
mod conform;
mod entities;
mod entities_table;
mod error;
pub mod explain;
mod ingest;
mod json;
mod markup;
mod measure;
mod metadata;
mod options;
mod page_type;
mod page_type_model;
mod patterns;
mod pipeline;
mod prepare;
mod readerable;
mod region;
mod render;
pub mod rules;
mod score;
mod structure;
mod text;
mod tree;
mod url;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use article::Article;
pub use error::{Error, ErrorKind};
pub use ingest::decode::{HostDecoderFactory, Transcode};
pub use options::Options;
pub use page_type::PageType;
pub use render::html::{HtmlSink, SafeAttribute};

use ingest::{Charset, Ingest};
use pipeline::extract;

/// Cleans a page given as text.
///
/// # Errors
/// [`ErrorKind::BadOption`] for unusable options, [`ErrorKind::InputTooLarge`] past
/// `max_input_bytes`, [`ErrorKind::NotReaderable`] when no article text is found.
pub fn clean(html: &str, options: &Options) -> Result<Article, Error> {
    options.validate()?;
    check_size(html.len(), options)?;
    let mut ingest = Ingest::new(Charset::Text, options.explain);
    ingest.write(html.as_bytes())?;
    extract(ingest.finish()?, options, None)
}

/// As [`clean`], and also feeds the sanitised article to `sink` (to build a DOM directly,
/// with the same allow-list as `content`).
///
/// # Errors
/// As [`clean`].
pub fn clean_into(
    html: &str,
    options: &Options,
    sink: &mut dyn HtmlSink,
) -> Result<Article, Error> {
    options.validate()?;
    check_size(html.len(), options)?;
    let mut ingest = Ingest::new(Charset::Text, options.explain);
    ingest.write(html.as_bytes())?;
    extract(ingest.finish()?, options, Some(sink))
}

/// Whether the page probably holds an article (Readability.js's `isProbablyReaderable`, with
/// its `minContentLength` and `minScore` options; the other options do not apply).
/// Cheap: no tree is built and reading stops as soon as the answer is yes.
pub fn is_probably_readerable(html: &str, options: &Options) -> bool {
    readerable::is_probably_readerable(html, options.min_content_length, options.min_score)
}

/// A streaming cleaner: feed the page's bytes as they arrive, in chunks of any size, in any
/// charset; the same bytes give the same [`Article`] however they are split.
///
/// ```
/// use article_cleaner::{Cleaner, Options};
/// let mut cleaner = Cleaner::new(Options { char_threshold: 10, ..Options::default() }).unwrap();
/// for chunk in b"<p>Streaming works, one chunk at a time, as bytes arrive.</p>".chunks(7) {
///     cleaner.write(chunk).unwrap();
/// }
/// assert!(cleaner.finish().unwrap().text_content.starts_with("Streaming works"));
/// ```
pub struct Cleaner {
    ingest: Option<Ingest>,
    options: Options,
    bytes: usize,
    input: Input,
}

/// What the cleaner has been fed so far.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Input {
    Nothing,
    Bytes,
    Text,
}

impl Cleaner {
    /// # Errors
    /// [`ErrorKind::BadOption`] or [`ErrorKind::UnsupportedEncoding`] (unknown `encoding` label).
    pub fn new(options: Options) -> Result<Self, Error> {
        options.validate()?;
        let label = match &options.encoding {
            Some(label) => Some(
                encoding_rs::Encoding::for_label_no_replacement(label.trim().as_bytes())
                    .ok_or_else(|| {
                        Error::new(
                            ErrorKind::UnsupportedEncoding,
                            format!("unknown encoding label {label:?}"),
                        )
                    })?,
            ),
            None => None,
        };
        Ok(Cleaner {
            ingest: Some(Ingest::new(Charset::Bytes(label), options.explain)),
            options,
            bytes: 0,
            input: Input::Nothing,
        })
    }

    /// Decodes the East Asian multi-byte encodings (GBK, gb18030, Big5, EUC-JP, ISO-2022-JP,
    /// Shift_JIS, EUC-KR) with `factory` instead of encoding_rs. The browser build uses the
    /// host's `TextDecoder` and leaves encoding_rs's tables for them out of the wasm.
    #[must_use]
    pub fn with_host_decoder(mut self, factory: HostDecoderFactory) -> Self {
        self.ingest = self.ingest.map(|ingest| ingest.with_host_decoder(factory));
        self
    }

    /// Feeds the next chunk.
    ///
    /// # Errors
    /// [`ErrorKind::InputTooLarge`] once the input passes `max_input_bytes`;
    /// [`ErrorKind::InvalidState`] after `finish` or a previous error.
    pub fn write(&mut self, chunk: &[u8]) -> Result<(), Error> {
        self.input_kind(Input::Bytes)?;
        self.feed(chunk)
    }

    /// Feeds the next chunk as text that is already decoded: no charset detection, and
    /// `<meta charset>` and the `encoding` option are ignored. Text and byte chunks cannot
    /// be mixed in one input.
    ///
    /// # Errors
    /// As [`Cleaner::write`]; [`ErrorKind::InvalidState`] after byte chunks.
    pub fn write_str(&mut self, chunk: &str) -> Result<(), Error> {
        if self.input == Input::Nothing && self.ingest.is_some() {
            self.ingest = Some(Ingest::new(Charset::Text, self.options.explain));
        }
        self.input_kind(Input::Text)?;
        self.feed(chunk.as_bytes())
    }

    fn input_kind(&mut self, kind: Input) -> Result<(), Error> {
        if self.input != Input::Nothing && self.input != kind {
            self.ingest = None;
            return Err(Error::new(
                ErrorKind::InvalidState,
                "text and byte chunks cannot be mixed in one input",
            ));
        }
        self.input = kind;
        Ok(())
    }

    fn feed(&mut self, chunk: &[u8]) -> Result<(), Error> {
        let ingest = self
            .ingest
            .as_mut()
            .ok_or_else(|| Error::new(ErrorKind::InvalidState, "the cleaner has already failed"))?;
        self.bytes = self.bytes.saturating_add(chunk.len());
        if let Err(error) = check_size(self.bytes, &self.options) {
            self.ingest = None;
            return Err(error);
        }
        ingest.write(chunk)
    }

    /// Ends the input and extracts the article.
    ///
    /// # Errors
    /// As [`clean`].
    pub fn finish(self) -> Result<Article, Error> {
        self.finish_with(None)
    }

    /// As [`Cleaner::finish`], and also feeds the sanitised article to `sink`.
    ///
    /// # Errors
    /// As [`clean`].
    pub fn finish_into(self, sink: &mut dyn HtmlSink) -> Result<Article, Error> {
        self.finish_with(Some(sink))
    }

    fn finish_with(mut self, sink: Option<&mut dyn HtmlSink>) -> Result<Article, Error> {
        let ingest = self
            .ingest
            .take()
            .ok_or_else(|| Error::new(ErrorKind::InvalidState, "the cleaner has already failed"))?;
        extract(ingest.finish()?, &self.options, sink)
    }
}

fn check_size(bytes: usize, options: &Options) -> Result<(), Error> {
    if bytes > options.max_input_bytes {
        return Err(too_large(options.max_input_bytes));
    }
    Ok(())
}

fn too_large(max_input_bytes: usize) -> Error {
    Error::new(
        ErrorKind::InputTooLarge,
        format!("input is larger than maxInputBytes ({max_input_bytes} bytes)"),
    )
}

/// The page-type features of a page, in the model's order (for `tools/train_page_type.py`).
#[doc(hidden)]
pub fn page_type_features(html: &str, url: Option<&str>) -> Result<Vec<f32>, Error> {
    let mut ingest = Ingest::new(Charset::Text, false);
    ingest.write(html.as_bytes())?;
    let page = ingest.finish()?;
    Ok(page_type::features(&page.tree, &page.meta, url))
}

/// The names of [`page_type_features`]' values.
#[doc(hidden)]
pub const PAGE_TYPE_FEATURES: &[&str] = page_type::FEATURES;
