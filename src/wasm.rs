//! The JavaScript API (wasm32 only): the one module that knows wasm-bindgen, js-sys and
//! web-sys. Results are plain JS objects with Readability.js's field names; errors are JS
//! `Error`s with a stable `code`. Only `cleanToFragment` / `finishToFragment` touch
//! `document`, so everything else works in Web Workers and extension service workers.

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, DocumentFragment, Node, TextDecodeOptions, TextDecoder};

use crate::{Article, Cleaner, Error, ErrorKind, HtmlSink, Options, SafeAttribute, Transcode};

#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT_TYPES: &'static str = r#"
/** What the cleaner is told about a page and what it should produce. Every key is optional. */
export interface Options {
  /** The page's absolute http(s) URL, to resolve relative links and images. */
  url?: string | null;
  /** Minimum characters of article text before the extractor stops relaxing its rules. Default 500. */
  charThreshold?: number;
  /** Keep `class` attributes in `content`. Default false. */
  keepClasses?: boolean;
  /** Larger input is refused with INPUT_TOO_LARGE. Default 67108864 (64 MiB). */
  maxInputBytes?: number;
  /** Encoding label (WHATWG names) for byte input without a BOM; overrides `<meta charset>`. */
  encoding?: string | null;
  /** Produce `content`. Default true. */
  outputHtml?: boolean;
  /** Produce `textContent`. Default true. */
  outputText?: boolean;
  /** Produce `markdown`. Default false. */
  outputMarkdown?: boolean;
  /** Include figure captions and photo credits in `textContent`. Default false. */
  textCaptions?: boolean;
  /** Formulas in `textContent` as readable linear text (`E = mc²`). Default false: as a browser's `textContent` (`E=mc2`). */
  readableMath?: boolean;
  /** `isProbablyReaderable`: characters a block needs to count. Default 140 (as Readability.js). */
  minContentLength?: number;
  /** `isProbablyReaderable`: score the page must pass. Default 20 (as Readability.js). */
  minScore?: number;
  /** Add `explain` to the result: what each named rule removed, and why the winner won. Default false. */
  explain?: boolean;
  /** Treat the page as this type instead of detecting it. Default: detected. */
  pageType?: PageType | null;
}

/** The kind of page; each is extracted the way its readers expect. */
export type PageType = "article" | "forum" | "documentation" | "product" | "service" | "collection" | "listing";

/** A subtree a named rule removed. */
export interface Removal {
  /** Stable rule name, `phase.what` (listed in the README). */
  rule: string;
  phase: "ingest" | "prepare" | "score" | "cleanup" | "post-process" | "precision" | "declared-body";
  /** A short path to the element: `article > div.related-coverage`. */
  path: string;
  /** The start of its text. */
  text: string;
  textLength: number;
}

/** A scored candidate and what makes up its score. */
export interface Candidate {
  path: string;
  score: number;
  textLength: number;
  linkDensity: number;
  /** Points added (`add`) or a factor the score is multiplied by (`multiply`). */
  reasons: { rule: string; add?: number; multiply?: number }[];
  /** The top candidate, where the winner starts. */
  top: boolean;
}

/** Why the article is what it is (with `explain: true`). */
export interface Explain {
  /** In document order, one entry per removed subtree. */
  removed: Removal[];
  /** Best first. */
  candidates: Candidate[];
  /** From the top candidate to the article, step by step. */
  winner: { rule: string; path: string }[];
  /** The scoring attempt that succeeded and the rules in force. */
  retry: { attempt: number; stripUnlikely: boolean; weightClasses: boolean; cleanConditionally: boolean };
}

/** A cleaned article. Field names follow Mozilla Readability.js. */
export interface Article {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: string | null;
  excerpt: string | null;
  /** Absolute URL of the lead image. */
  leadImage: string | null;
  /** Sanitised HTML of the article body, safe to assign to innerHTML. */
  content: string;
  textContent: string;
  /** Only with `outputMarkdown: true`. */
  markdown: string | null;
  /** `textContent.length` (UTF-16 code units), computed even without `outputText`. */
  length: number;
  wordCount: number;
  readingTimeMinutes: number;
  /** The kind of page, detected (or as the `pageType` option says). */
  pageType: PageType;
  /** Only with `explain: true`. */
  explain?: Explain;
}

/** An article and its body as DOM nodes, ready to append. */
export interface CleanedFragment {
  article: Article;
  fragment: DocumentFragment;
}

export type ErrorCode =
  | "NOT_READERABLE"
  | "INPUT_TOO_LARGE"
  | "BAD_OPTION"
  | "ENCODING"
  | "INVALID_STATE";

/** What every function here throws. */
export interface ArticleCleanerError extends Error {
  name: "ArticleCleanerError";
  code: ErrorCode;
}
"#;

#[wasm_bindgen]
extern "C" {
    #[derive(Debug)]
    #[wasm_bindgen(typescript_type = "Options")]
    pub type JsOptions;
    #[wasm_bindgen(typescript_type = "Article")]
    #[derive(Debug)]
    pub type JsArticle;
    #[wasm_bindgen(typescript_type = "CleanedFragment")]
    #[derive(Debug)]
    pub type JsCleanedFragment;
    #[wasm_bindgen(typescript_type = "Uint8Array | string")]
    #[derive(Debug)]
    pub type JsChunk;
}

const MATHML_NAMESPACE: &str = "http://www.w3.org/1998/Math/MathML";

#[wasm_bindgen(start)]
fn start() {
    // A panic is a bug; this at least puts its message in the console.
    console_error_panic_hook::set_once();
    // Grow the heap once (see the constant); black_box keeps the allocation from being elided.
    let reserve = Vec::<u8>::with_capacity(crate::patterns::WASM_HEAP_RESERVE_BYTES);
    drop(std::hint::black_box(reserve));
}

/// Cleans a page given as a string.
///
/// @throws {ArticleCleanerError} `BAD_OPTION`, `ENCODING`, `INPUT_TOO_LARGE` or `NOT_READERABLE`.
#[wasm_bindgen]
pub fn clean(html: &str, options: Option<JsOptions>) -> Result<JsArticle, JsValue> {
    let options = options_from_js(options)?;
    let article = crate::clean(html, &options).map_err(to_js_error)?;
    article_to_js(&article).map(JsCast::unchecked_into)
}

/// Whether the page probably holds an article (Readability.js's `isProbablyReaderable`).
///
/// @throws {ArticleCleanerError} `BAD_OPTION` for invalid options.
#[wasm_bindgen(js_name = isProbablyReaderable)]
pub fn is_probably_readerable(html: &str, options: Option<JsOptions>) -> Result<bool, JsValue> {
    let options = options_from_js(options)?;
    Ok(crate::is_probably_readerable(html, &options))
}

/// Cleans a page and builds its body as a `DocumentFragment`, node by node (never through
/// `innerHTML`). Needs `document`, so it works in pages, not in workers.
///
/// @throws {ArticleCleanerError} as `clean`, and `INVALID_STATE` without a `document`.
#[wasm_bindgen(js_name = cleanToFragment)]
pub fn clean_to_fragment(
    html: &str,
    options: Option<JsOptions>,
) -> Result<JsCleanedFragment, JsValue> {
    let options = options_from_js(options)?;
    let mut builder = DomBuilder::new()?;
    let article = crate::clean_into(html, &options, &mut builder).map_err(to_js_error)?;
    builder.into_result(&article)
}

/// A streaming cleaner: `write` the page's chunks as they arrive (`Uint8Array`s in any
/// charset, or strings), then `finish`.
#[wasm_bindgen]
pub struct ArticleCleaner {
    cleaner: Option<Cleaner>,
    max_input_bytes: usize,
    chunk: Vec<u8>,
}

#[wasm_bindgen]
impl ArticleCleaner {
    /// @throws {ArticleCleanerError} `BAD_OPTION` or `ENCODING`.
    #[wasm_bindgen(constructor)]
    pub fn new(options: Option<JsOptions>) -> Result<ArticleCleaner, JsValue> {
        let options = options_from_js(options)?;
        let max_input_bytes = options.max_input_bytes;
        Ok(ArticleCleaner {
            cleaner: Some(
                Cleaner::new(options)
                    .map_err(to_js_error)?
                    .with_host_decoder(host_text_decoder),
            ),
            max_input_bytes,
            chunk: Vec::new(),
        })
    }

    /// Feeds the next chunk. Bytes are decoded by BOM, `encoding` or `<meta charset>`;
    /// strings are taken as already decoded text. One input cannot mix the two.
    ///
    /// @throws {ArticleCleanerError} `INPUT_TOO_LARGE`, or `INVALID_STATE` after `finish`.
    pub fn write(&mut self, chunk: JsChunk) -> Result<(), JsValue> {
        let cleaner = self.cleaner.as_mut().ok_or_else(finished_error)?;
        let chunk: JsValue = chunk.into();
        if let Some(text) = chunk.as_string() {
            return cleaner.write_str(&text).map_err(to_js_error);
        }
        let Some(bytes) = chunk.dyn_ref::<Uint8Array>() else {
            return Err(js_sys::TypeError::new("write() takes a Uint8Array or a string").into());
        };
        let length = bytes.length() as usize;
        // Refuse before copying a huge chunk into wasm memory.
        if length > self.max_input_bytes {
            self.cleaner = None;
            return Err(to_js_error(crate::too_large(self.max_input_bytes)));
        }
        self.chunk.resize(length, 0);
        bytes.copy_to(&mut self.chunk);
        cleaner.write(&self.chunk).map_err(to_js_error)
    }

    /// Ends the input and returns the article.
    ///
    /// @throws {ArticleCleanerError} as `clean`, and `INVALID_STATE` when called twice.
    pub fn finish(&mut self) -> Result<JsArticle, JsValue> {
        let cleaner = self.cleaner.take().ok_or_else(finished_error)?;
        let article = cleaner.finish().map_err(to_js_error)?;
        article_to_js(&article).map(JsCast::unchecked_into)
    }

    /// As `finish`, and builds the body as a `DocumentFragment` (pages only).
    ///
    /// @throws {ArticleCleanerError} as `finish`, and `INVALID_STATE` without a `document`.
    #[wasm_bindgen(js_name = finishToFragment)]
    pub fn finish_to_fragment(&mut self) -> Result<JsCleanedFragment, JsValue> {
        let mut builder = DomBuilder::new()?;
        let cleaner = self.cleaner.take().ok_or_else(finished_error)?;
        let article = cleaner.finish_into(&mut builder).map_err(to_js_error)?;
        builder.into_result(&article)
    }
}

/// The host's `TextDecoder`: the release wasm leaves encoding_rs's East Asian tables out
/// (`tools/build-wasm.sh`), and the browser has them anyway.
struct HostTextDecoder {
    decoder: TextDecoder,
    streaming: TextDecodeOptions,
    flushing: TextDecodeOptions,
}

fn host_text_decoder(name: &'static str) -> Option<Box<dyn Transcode>> {
    let decoder = TextDecoder::new_with_label(name).ok()?;
    let streaming = TextDecodeOptions::new();
    streaming.set_stream(true);
    let flushing = TextDecodeOptions::new();
    flushing.set_stream(false);
    Some(Box::new(HostTextDecoder {
        decoder,
        streaming,
        flushing,
    }))
}

impl Transcode for HostTextDecoder {
    fn decode(&mut self, bytes: &[u8], last: bool, out: &mut String) {
        let options = if last {
            &self.flushing
        } else {
            &self.streaming
        };
        // Not fatal: malformed input decodes to U+FFFD, so this cannot fail.
        if let Ok(text) = self
            .decoder
            .decode_with_u8_array_and_options(bytes, options)
        {
            out.push_str(&text);
        }
    }
}

/// Reads options from a plain JS object. Keys set to `undefined` count as absent; each key
/// is checked on its own first, so an error names the key at fault.
fn options_from_js(options: Option<JsOptions>) -> Result<Options, JsValue> {
    let value: JsValue = match options {
        Some(options) => options.into(),
        None => return Ok(Options::default()),
    };
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    if !value.is_object() || Array::is_array(&value) {
        return Err(bad_option("options must be a plain object"));
    }
    // The known keys are those of the serialised defaults: one list, in `Options`.
    let known = to_plain_object(&Options::default())?;
    let defined = Object::new();
    for entry in Object::entries(value.unchecked_ref()).iter() {
        let pair: Array = entry.unchecked_into();
        let (key, field) = (pair.get(0), pair.get(1));
        if field.is_undefined() {
            continue;
        }
        if !Reflect::has(&known, &key)? {
            let name = key.as_string().unwrap_or_default();
            return Err(bad_option(&format!("unknown option {name:?}")));
        }
        let single = Object::new();
        Reflect::set(&single, &key, &field)?;
        if let Err(error) = serde_wasm_bindgen::from_value::<Options>(single.into()) {
            let name = key.as_string().unwrap_or_default();
            return Err(bad_option(&format!("option {name:?}: {error}")));
        }
        Reflect::set(&defined, &key, &field)?;
    }
    let options: Options = serde_wasm_bindgen::from_value(defined.into())
        .map_err(|error| bad_option(&format!("options: {error}")))?;
    options.validate().map_err(to_js_error)?;
    Ok(options)
}

fn article_to_js(article: &Article) -> Result<JsValue, JsValue> {
    to_plain_object(article)
}

/// JSON-compatible: `None` becomes `null`, as in Readability.js, and objects are plain.
fn to_plain_object(value: &impl serde::Serialize) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&serializer).map_err(JsValue::from)
}

fn to_js_error(error: Error) -> JsValue {
    js_error(error.kind(), error.message())
}

fn js_error(kind: ErrorKind, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name("ArticleCleanerError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(&error, &JsValue::from_str("code"), &kind.code().into());
    error.into()
}

fn bad_option(message: &str) -> JsValue {
    js_error(ErrorKind::BadOption, message)
}

fn finished_error() -> JsValue {
    js_error(
        ErrorKind::InvalidState,
        "this ArticleCleaner has already finished or failed",
    )
}

/// Builds the sanitised article as DOM nodes. The first DOM error stops the building and is
/// reported when the result is taken.
struct DomBuilder {
    document: Document,
    fragment: DocumentFragment,
    open: Vec<Node>,
    failed: Option<JsValue>,
}

impl DomBuilder {
    fn new() -> Result<Self, JsValue> {
        let document = web_sys::window()
            .and_then(|window| window.document())
            .ok_or_else(|| {
                js_error(
                    ErrorKind::InvalidState,
                    "building a DocumentFragment needs a document (a page, not a worker)",
                )
            })?;
        let fragment = document.create_document_fragment();
        Ok(DomBuilder {
            document,
            fragment,
            open: Vec::new(),
            failed: None,
        })
    }

    fn parent(&self) -> &Node {
        self.open.last().unwrap_or(self.fragment.as_ref())
    }

    fn try_start(
        &mut self,
        name: &str,
        mathml: bool,
        attributes: &[SafeAttribute],
    ) -> Result<(), JsValue> {
        let element = if mathml {
            self.document
                .create_element_ns(Some(MATHML_NAMESPACE), name)?
        } else {
            self.document.create_element(name)?
        };
        for (attribute, value) in attributes {
            element.set_attribute(attribute, value)?;
        }
        self.parent().append_child(&element)?;
        self.open.push(element.into());
        Ok(())
    }

    fn into_result(self, article: &Article) -> Result<JsCleanedFragment, JsValue> {
        if let Some(error) = self.failed {
            return Err(error);
        }
        let result = Object::new();
        Reflect::set(&result, &"article".into(), &article_to_js(article)?)?;
        Reflect::set(&result, &"fragment".into(), &self.fragment)?;
        Ok(result.unchecked_into())
    }
}

impl HtmlSink for DomBuilder {
    fn start_element(&mut self, name: &'static str, mathml: bool, attributes: &[SafeAttribute]) {
        if self.failed.is_none() {
            if let Err(error) = self.try_start(name, mathml, attributes) {
                self.failed = Some(error);
            }
        }
    }

    fn text(&mut self, text: &str) {
        if self.failed.is_some() {
            return;
        }
        // NUL never reaches the HTML output either.
        let node = if text.contains('\0') {
            self.document.create_text_node(&text.replace('\0', ""))
        } else {
            self.document.create_text_node(text)
        };
        if let Err(error) = self.parent().append_child(&node) {
            self.failed = Some(error);
        }
    }

    fn end_element(&mut self, _name: &'static str, _void: bool) {
        if self.failed.is_none() {
            self.open.pop();
        }
    }
}
