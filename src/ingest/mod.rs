//! Ingest: one streaming lol_html pass that turns bytes into the compact tree and the raw
//! metadata. Charset: a BOM wins, then the caller's label, then `<meta charset>` (lol_html
//! switches mid-stream). Encodings lol_html cannot parse (UTF-16, ISO-2022-JP) are
//! transcoded to UTF-8 by encoding_rs before it.

mod builder;

use std::cell::RefCell;
use std::rc::Rc;

use encoding_rs::{CoderResult, Decoder, Encoding, UTF_16BE, UTF_16LE, UTF_8};
use lol_html::html_content::{Element, TextChunk, TextType};
use lol_html::{
    doc_text, element, end_tag, AsciiCompatibleEncoding, HtmlRewriter, MemorySettings, OutputSink,
    Settings,
};

pub use builder::{Builder, StartTag, TextKind};

use crate::error::{Error, ErrorKind};
use crate::metadata::RawMetadata;
use crate::patterns::PARSER_MEMORY_LIMIT;
use crate::tree::Tree;

/// Where the bytes' charset comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charset {
    /// Already UTF-8 text (a `&str`): no sniffing, no meta switching.
    Text,
    /// Bytes: BOM, then the caller's label, then `<meta charset>`.
    Bytes(Option<&'static Encoding>),
}

/// Discards the rewriter's output. Shared with `readerable`: one sink type means one copy of
/// lol_html's parser in the wasm.
pub(crate) struct NullSink;

impl OutputSink for NullSink {
    fn handle_chunk(&mut self, _chunk: &[u8]) {}
}

/// The result of ingest.
pub struct Page {
    pub tree: Tree,
    pub meta: RawMetadata,
}

/// A streaming ingest pass.
pub struct Ingest {
    state: Rc<RefCell<Builder>>,
    rewriter: Option<HtmlRewriter<'static, NullSink>>,
    charset: Charset,
    /// Bytes held back until a BOM can be ruled in or out.
    head: Vec<u8>,
    transcoder: Option<Decoder>,
    failed: Option<Error>,
}

const BOM_SNIFF_BYTES: usize = 3;

impl Ingest {
    pub fn new(charset: Charset) -> Self {
        let state = Rc::new(RefCell::new(Builder::new()));
        let mut ingest = Ingest {
            state,
            rewriter: None,
            charset,
            head: Vec::new(),
            transcoder: None,
            failed: None,
        };
        if charset == Charset::Text {
            ingest.rewriter = Some(ingest.make_rewriter(UTF_8, false));
        }
        ingest
    }

    fn make_rewriter(
        &self,
        encoding: &'static Encoding,
        adjust_on_meta: bool,
    ) -> HtmlRewriter<'static, NullSink> {
        let on_element = Rc::clone(&self.state);
        let on_text = Rc::clone(&self.state);
        let encoding =
            AsciiCompatibleEncoding::new(encoding).unwrap_or(AsciiCompatibleEncoding::utf_8());
        let settings = Settings::new()
            .with_strict(false)
            .with_encoding(encoding)
            .with_adjust_charset_on_meta_tag(adjust_on_meta)
            .with_memory_settings(
                MemorySettings::new().with_max_allowed_memory_usage(PARSER_MEMORY_LIMIT),
            )
            .append_element_content_handler(element!("*", move |el: &mut Element| {
                let start = StartTag {
                    name: el.tag_name(),
                    attrs: el
                        .attributes()
                        .iter()
                        .map(|attr| (attr.name(), attr.value()))
                        .collect(),
                    can_have_content: el.can_have_content(),
                };
                let name = if start.can_have_content {
                    Some(start.name.clone())
                } else {
                    None
                };
                let wants_end = on_element.borrow_mut().start_tag(start);
                if let (true, Some(name)) = (wants_end, name) {
                    let state = Rc::clone(&on_element);
                    el.on_end_tag(end_tag!(move |_end| {
                        state.borrow_mut().end_tag(&name);
                        Ok(())
                    }))?;
                }
                Ok(())
            }))
            .append_document_content_handler(doc_text!(move |chunk: &mut TextChunk| {
                let kind = match chunk.text_type() {
                    TextType::Data => TextKind::Data,
                    TextType::RCData => TextKind::RcData,
                    _ => TextKind::Raw,
                };
                on_text
                    .borrow_mut()
                    .text_chunk(chunk.as_str(), kind, chunk.last_in_text_node());
                Ok(())
            }));
        HtmlRewriter::new(settings, NullSink)
    }

    /// Feeds the next chunk of input.
    pub fn write(&mut self, chunk: &[u8]) -> Result<(), Error> {
        if let Some(error) = &self.failed {
            return Err(error.clone());
        }
        if self.rewriter.is_none() {
            self.head.extend_from_slice(chunk);
            if self.head.len() < BOM_SNIFF_BYTES {
                return Ok(());
            }
            let head = std::mem::take(&mut self.head);
            return self.start_bytes(&head);
        }
        self.feed(chunk)
    }

    /// Chooses the decoding once the first bytes are known, then feeds them.
    fn start_bytes(&mut self, head: &[u8]) -> Result<(), Error> {
        let label = match self.charset {
            Charset::Bytes(label) => label,
            Charset::Text => None,
        };
        let (encoding, bom_len) = match Encoding::for_bom(head) {
            Some((encoding, len)) => (Some(encoding), len),
            None => (label, 0),
        };
        let encoding_known = encoding.is_some();
        let encoding = encoding.unwrap_or(UTF_8);
        if encoding.is_ascii_compatible() {
            self.rewriter = Some(self.make_rewriter(encoding, !encoding_known));
        } else {
            // UTF-16 / ISO-2022-JP: decode to UTF-8 ourselves.
            let decoder = if encoding == UTF_16LE || encoding == UTF_16BE || bom_len > 0 {
                encoding.new_decoder_without_bom_handling()
            } else {
                encoding.new_decoder()
            };
            self.transcoder = Some(decoder);
            self.rewriter = Some(self.make_rewriter(UTF_8, false));
        }
        self.feed(&head[bom_len..])
    }

    fn feed(&mut self, chunk: &[u8]) -> Result<(), Error> {
        let result = match self.transcoder.as_mut() {
            Some(decoder) => {
                let mut out = String::with_capacity(chunk.len() * 2 + 16);
                transcode(decoder, chunk, &mut out, false);
                self.rewrite(out.as_bytes())
            }
            None => self.rewrite(chunk),
        };
        if let Err(error) = &result {
            self.failed = Some(error.clone());
        }
        result
    }

    fn rewrite(&mut self, bytes: &[u8]) -> Result<(), Error> {
        let Some(rewriter) = self.rewriter.as_mut() else {
            return Ok(());
        };
        rewriter.write(bytes).map_err(rewriting_error)
    }

    /// Ends the input and returns the tree and metadata.
    pub fn finish(mut self) -> Result<Page, Error> {
        if let Some(error) = self.failed.take() {
            return Err(error);
        }
        if self.rewriter.is_none() {
            let head = std::mem::take(&mut self.head);
            self.start_bytes(&head)?;
        }
        if let Some(mut decoder) = self.transcoder.take() {
            let mut out = String::new();
            transcode(&mut decoder, &[], &mut out, true);
            self.rewrite(out.as_bytes())?;
        }
        if let Some(rewriter) = self.rewriter.take() {
            rewriter.end().map_err(rewriting_error)?;
        }
        let state = Rc::try_unwrap(self.state)
            .map_err(|_| Error::new(ErrorKind::InvalidState, "ingest state still shared"))?;
        let mut builder = state.into_inner();
        builder.finish();
        Ok(Page {
            tree: builder.tree,
            meta: builder.meta,
        })
    }
}

fn transcode(decoder: &mut Decoder, mut input: &[u8], out: &mut String, last: bool) {
    loop {
        if out.capacity() - out.len() < 64 {
            out.reserve(input.len() * 3 + 64);
        }
        let (result, read, _) = decoder.decode_to_string(input, out, last);
        input = &input[read..];
        match result {
            CoderResult::InputEmpty => return,
            CoderResult::OutputFull => out.reserve(input.len() * 3 + 64),
        }
    }
}

fn rewriting_error(error: lol_html::errors::RewritingError) -> Error {
    use lol_html::errors::RewritingError;
    match error {
        RewritingError::MemoryLimitExceeded(_) => Error::new(
            ErrorKind::InputTooLarge,
            "the page needs more parser memory than allowed (a huge tag or attribute, or extreme nesting)",
        ),
        other => Error::new(ErrorKind::InvalidState, format!("HTML parser failed: {other}")),
    }
}
