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
//! 1. **Ingest** ([`ingest`]): one streaming lol_html pass builds a compact tree of what may
//!    be content (scripts, styles, forms, hidden elements and consent banners never enter it)
//!    and captures metadata as it streams past.
//! 2. **Prepare**: `<noscript>` image fallbacks replace lazy placeholders; `<br><br>` runs
//!    become paragraphs.
//! 3. **Metadata** ([`metadata`]): title, byline, excerpt, site name, date, lead image,
//!    resolved with Readability.js's precedence.
//! 4. **Score** ([`score`]): paragraph text scores its ancestors; the best candidate and its
//!    qualifying siblings form the article. Retried with relaxed rules when too short.
//! 5. **Clean up** ([`cleanup`]): Readability.js's conditional cleaning, lazy images,
//!    absolute URLs, then our precision pass against share bars, related blocks and ads.
//! 6. **Conform** ([`conform`], run before the precision pass): the tree becomes one that a
//!    browser's parser builds back from our HTML (rows get a `<tbody>`, a `<p>` holding a
//!    block becomes a `<div>`...).
//! 7. **Render** ([`render`]): sanitised HTML, plain text, Markdown.

mod article;
mod cleanup;
mod conform;
mod entities;
mod entities_table;
mod error;
mod ingest;
mod json;
mod measure;
mod metadata;
mod options;
mod patterns;
mod readerable;
mod render;
mod score;
mod text;
mod tree;
mod url;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use article::Article;
pub use error::{Error, ErrorKind};
pub use ingest::decode::{HostDecoderFactory, Transcode};
pub use options::Options;
pub use render::html::{HtmlSink, SafeAttribute};

use ingest::{Charset, Ingest, Page};
use score::{Findings, Flags};
use tree::{NodeId, Tag, Tree};

/// Cleans a page given as text.
///
/// # Errors
/// [`ErrorKind::BadOption`] for unusable options, [`ErrorKind::InputTooLarge`] past
/// `max_input_bytes`, [`ErrorKind::NotReaderable`] when no article text is found.
pub fn clean(html: &str, options: &Options) -> Result<Article, Error> {
    options.validate()?;
    check_size(html.len(), options)?;
    let mut ingest = Ingest::new(Charset::Text);
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
    let mut ingest = Ingest::new(Charset::Text);
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
            ingest: Some(Ingest::new(Charset::Bytes(label))),
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
            self.ingest = Some(Ingest::new(Charset::Text));
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

/// One extraction attempt's result.
struct Attempt {
    tree: Tree,
    article: NodeId,
    length: usize,
    dir: Option<String>,
}

/// Everything after ingest: prepare, metadata, score with retries, clean up, render.
fn extract(
    page: Page,
    options: &Options,
    sink: Option<&mut dyn HtmlSink>,
) -> Result<Article, Error> {
    let Page { mut tree, meta } = page;
    cleanup::unwrap_noscript_images(&mut tree);
    score::replace_double_breaks(&mut tree);

    let (headings, single_h1) = title_headings(&tree);
    let metadata = metadata::resolve(&meta, &headings, single_h1.as_deref());

    let mut flags = Flags::ALL;
    let mut found_byline: Option<String> = None;
    let mut attempts: Vec<Attempt> = Vec::new();
    let chosen = loop {
        let mut work = tree.working_copy();
        let mut findings = Findings::default();
        let look_for_byline = metadata.byline.is_none() && found_byline.is_none();
        let Some(article) = score::grab_article(
            &mut work,
            flags,
            &metadata.title,
            look_for_byline,
            &mut findings,
        ) else {
            break None;
        };
        if found_byline.is_none() {
            found_byline = findings.byline.take();
        }
        cleanup::prep_article(&mut work, article, flags);
        let length = measure::text_len(&work, article);
        let attempt = Attempt {
            tree: work,
            article,
            length,
            dir: findings.dir,
        };
        if length >= options.char_threshold {
            break Some(attempt);
        }
        attempts.push(attempt);
        match flags.relax() {
            Some(next) => flags = next,
            None => {
                // Longest attempt; the earliest wins ties.
                let best = attempts
                    .iter()
                    .enumerate()
                    .max_by(|(i, a), (j, b)| a.length.cmp(&b.length).then(j.cmp(i)))
                    .map(|(index, _)| index);
                break best.map(|index| attempts.swap_remove(index));
            }
        }
    };
    let Some(Attempt {
        tree: mut work,
        article,
        length: _,
        dir,
    }) = chosen
    else {
        return Err(not_readerable());
    };

    let resolver = url::Resolver::new(options.url.as_deref(), meta.base_href.as_deref());
    cleanup::post_process(&mut work, article, &resolver);
    // Before the precision pass, which then sees the blocks a second cleaning would see.
    conform::conform(&mut work, article);
    cleanup::remove_boilerplate(&mut work, article);
    if let Some(declared) = &metadata.declared_body {
        cleanup::trim_to_declared_body(&mut work, article, declared);
    }

    let text_content = render::text::render(&work, article, options.text_captions);
    if text_content.trim().is_empty() {
        return Err(not_readerable());
    }
    let excerpt = metadata
        .excerpt
        .clone()
        .or_else(|| first_paragraph(&work, article));
    let word_count = text::count_words(&text_content);
    if let Some(sink) = sink {
        render::html::render_into(&work, article, options.keep_classes, sink);
    }
    let lead_image = metadata
        .lead_image
        .as_deref()
        .map(|image| resolver.resolve(image))
        .filter(|image| url::is_safe_url(image, true) && !image.is_empty());
    Ok(Article {
        title: Some(metadata.title.clone()).filter(|t| !t.is_empty()),
        byline: metadata.byline.clone().or(found_byline),
        site_name: metadata.site_name.clone(),
        published_time: metadata.published_time.clone(),
        lang: metadata.lang.clone().or(meta.content_language.clone()),
        dir: dir.or(meta.body_dir.clone()).or(meta.html_dir.clone()),
        excerpt,
        lead_image,
        content: if options.output_html {
            render::html::render(&work, article, options.keep_classes)
        } else {
            String::new()
        },
        length: text_content.encode_utf16().count(),
        word_count,
        reading_time_minutes: word_count
            .div_ceil(patterns::READING_WORDS_PER_MINUTE)
            .max(1),
        markdown: options
            .output_markdown
            .then(|| render::markdown::render(&work, article)),
        text_content: if options.output_text {
            text_content
        } else {
            String::new()
        },
    })
}

fn not_readerable() -> Error {
    Error::new(
        ErrorKind::NotReaderable,
        "no article content was found in the page",
    )
}

/// Texts of `<h1>`/`<h2>` (for the title heuristics) and of the only `<h1>`, if single.
fn title_headings(tree: &Tree) -> (Vec<String>, Option<String>) {
    let mut headings = Vec::new();
    let mut h1s = Vec::new();
    for id in tree.descendants(Tree::ROOT) {
        match tree.tag(id) {
            Some(Tag::H1) => {
                let text = measure::inner_text(tree, id);
                h1s.push(text.clone());
                headings.push(text);
            }
            Some(Tag::H2) => headings.push(measure::inner_text(tree, id)),
            _ => {}
        }
    }
    let single = if h1s.len() == 1 { h1s.pop() } else { None };
    (headings, single)
}

fn first_paragraph(tree: &Tree, article: NodeId) -> Option<String> {
    tree.descendants(article)
        .find(|&id| tree.is_tag(id, Tag::P))
        .map(|id| measure::inner_text(tree, id))
        .filter(|text| !text.is_empty())
}
