//! Ingest: one streaming lol_html pass that turns bytes into the compact tree and the raw
//! metadata. Charset: a BOM wins, then the caller's label, then the first `<meta charset>`;
//! the parser always reads UTF-8, transcoded before it (see [`decode`]).
//!
//! Until a `<meta charset>` or the end of `<head>` settles the encoding, the bytes are kept;
//! a declaration that differs from the guess (UTF-8) restarts the parse from the first byte
//! with the declared encoding, as a browser's "change the encoding" does.

mod builder;
pub mod decode;

use std::cell::RefCell;
use std::rc::Rc;

use encoding_rs::{Encoding, UTF_8};
use lol_html::html_content::{Element, TextChunk, TextType};
use lol_html::{
    doc_text, element, end_tag, AsciiCompatibleEncoding, HtmlRewriter, MemorySettings, OutputSink,
    Settings,
};

pub use builder::{Builder, StartTag, TextKind};
use decode::{HostDecoderFactory, Transcode};

use crate::error::{Error, ErrorKind};
use crate::explain::Trace;
use crate::metadata::RawMetadata;
use crate::patterns::{
    CHARSET_SNIFF_SLICE, MAX_CHARSET_REPLAY_BYTES, MAX_TREE_NODES, NOSCRIPT_CONTENT_MIN_CHARS,
    PARSER_BLOCK_BYTES, PARSER_MEMORY_LIMIT,
};
use crate::tree::{Tag, Tree};

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
    /// What ingest dropped, when explain mode is on.
    pub trace: Trace,
}

/// A streaming ingest pass.
pub struct Ingest {
    state: Rc<RefCell<Builder>>,
    rewriter: Option<HtmlRewriter<'static, NullSink>>,
    charset: Charset,
    host_decoder: Option<HostDecoderFactory>,
    /// Input not yet handed to the parser: less than a block.
    pending: Vec<u8>,
    /// Bytes held back until a BOM can be ruled in or out.
    head: Vec<u8>,
    /// The encoding being parsed (a guess while `replay` is kept).
    encoding: &'static Encoding,
    /// Every byte so far, kept while the encoding is a guess, to parse again if it changes.
    replay: Option<Vec<u8>>,
    transcoder: Option<Box<dyn Transcode>>,
    failed: Option<Error>,
    explain: bool,
    /// Whether a `<noscript>` holding the page's content is read (not inside one).
    read_noscript: bool,
}

const BOM_SNIFF_BYTES: usize = 3;

impl Ingest {
    /// `explain`: record what is dropped (see [`crate::explain`]).
    pub fn new(charset: Charset, explain: bool) -> Self {
        let mut ingest = Ingest {
            state: Rc::new(RefCell::new(Builder::new(explain))),
            rewriter: None,
            charset,
            host_decoder: None,
            pending: Vec::new(),
            head: Vec::new(),
            encoding: UTF_8,
            replay: None,
            transcoder: None,
            failed: None,
            explain,
            read_noscript: true,
        };
        if charset == Charset::Text {
            ingest.rewriter = Some(ingest.make_rewriter());
        }
        ingest
    }

    /// Decodes the encodings of [`decode::is_host_decoded`] with `factory`.
    pub fn with_host_decoder(mut self, factory: HostDecoderFactory) -> Self {
        self.host_decoder = Some(factory);
        self
    }

    fn make_rewriter(&self) -> HtmlRewriter<'static, NullSink> {
        let on_element = Rc::clone(&self.state);
        let on_text = Rc::clone(&self.state);
        let settings = Settings::new()
            .with_strict(false)
            .with_encoding(AsciiCompatibleEncoding::utf_8())
            .with_memory_settings(
                MemorySettings::new().with_max_allowed_memory_usage(PARSER_MEMORY_LIMIT),
            )
            .append_element_content_handler(element!("*", move |el: &mut Element| {
                let tag = Tag::from_name(&el.tag_name());
                let can_have_content = el.can_have_content();
                let attrs = if on_element.borrow().reads_attributes(tag) {
                    el.attributes()
                        .iter()
                        .filter_map(|attr| {
                            let name = attr.name();
                            builder::reads_attribute(tag, &name).then(|| (name, attr.value()))
                        })
                        .collect()
                } else {
                    Vec::new()
                };
                let start = StartTag {
                    tag,
                    attrs,
                    can_have_content,
                };
                let wants_end = on_element.borrow_mut().start_tag(start);
                if wants_end && can_have_content {
                    let state = Rc::clone(&on_element);
                    el.on_end_tag(end_tag!(move |end| {
                        // lol_html also calls this for an end tag that closes an ancestor
                        // in its own (tree-less) stack: only our own end tag counts.
                        if Tag::from_name(&end.name()) == tag {
                            state.borrow_mut().end_tag(tag);
                        }
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

    /// Feeds the next chunk of input. The parser gets it in blocks of [`PARSER_BLOCK_BYTES`]
    /// at fixed offsets, so that what it buffers, and so whether a huge token passes its
    /// memory cap, never depends on how the caller split the input.
    pub fn write(&mut self, mut chunk: &[u8]) -> Result<(), Error> {
        if let Some(error) = &self.failed {
            return Err(error.clone());
        }
        if !self.pending.is_empty() {
            let take = (PARSER_BLOCK_BYTES - self.pending.len()).min(chunk.len());
            self.pending.extend_from_slice(&chunk[..take]);
            chunk = &chunk[take..];
            if self.pending.len() < PARSER_BLOCK_BYTES {
                return Ok(());
            }
            let block = std::mem::take(&mut self.pending);
            self.write_block(&block)?;
            self.pending = block;
            self.pending.clear();
        }
        let mut blocks = chunk.chunks_exact(PARSER_BLOCK_BYTES);
        for block in &mut blocks {
            self.write_block(block)?;
        }
        self.pending.extend_from_slice(blocks.remainder());
        Ok(())
    }

    fn write_block(&mut self, chunk: &[u8]) -> Result<(), Error> {
        let result = if self.rewriter.is_none() {
            self.head.extend_from_slice(chunk);
            if self.head.len() < BOM_SNIFF_BYTES {
                return Ok(());
            }
            let head = std::mem::take(&mut self.head);
            self.start_bytes(&head)
        } else {
            self.feed(chunk)
        };
        if let Err(error) = &result {
            self.failed = Some(error.clone());
        }
        result
    }

    /// Chooses the encoding once the first bytes are known, then feeds them.
    fn start_bytes(&mut self, head: &[u8]) -> Result<(), Error> {
        let label = match self.charset {
            Charset::Bytes(label) => label,
            Charset::Text => None,
        };
        let (encoding, bom_len) = match Encoding::for_bom(head) {
            Some((encoding, len)) => (Some(encoding), len),
            None => (label, 0),
        };
        if encoding.is_none() {
            self.replay = Some(Vec::new());
        }
        self.start_parse(encoding.unwrap_or(UTF_8))?;
        self.feed(&head[bom_len..])
    }

    /// A fresh parser (and tree) for `encoding`.
    fn start_parse(&mut self, encoding: &'static Encoding) -> Result<(), Error> {
        self.rewriter = None;
        self.state = Rc::new(RefCell::new(Builder::new(self.explain)));
        self.encoding = encoding;
        self.transcoder = if encoding == UTF_8 {
            None
        } else {
            let transcoder = decode::transcoder(encoding, self.host_decoder).ok_or_else(|| {
                Error::new(
                    ErrorKind::UnsupportedEncoding,
                    format!("this host cannot decode {}", encoding.name()),
                )
            })?;
            Some(transcoder)
        };
        self.rewriter = Some(self.make_rewriter());
        Ok(())
    }

    fn feed(&mut self, chunk: &[u8]) -> Result<(), Error> {
        let Some(replay) = self.replay.as_mut() else {
            return self.parse(chunk, false);
        };
        replay.extend_from_slice(chunk);
        // Small slices, so that a declaration near the start restarts the parse early.
        let mut rest = chunk;
        while !rest.is_empty() {
            let (slice, after) = rest.split_at(rest.len().min(CHARSET_SNIFF_SLICE));
            rest = after;
            self.parse(slice, false)?;
            let (declared, head_over) = {
                let builder = self.state.borrow();
                (builder.declared_encoding, builder.head_over)
            };
            let replay_len = self.replay.as_ref().map_or(0, Vec::len);
            match declared {
                Some(encoding) if encoding != self.encoding => {
                    let replay = self.replay.take().unwrap_or_default();
                    self.start_parse(encoding)?;
                    return self.parse(&replay, false);
                }
                Some(_) => {}
                None if !head_over && replay_len <= MAX_CHARSET_REPLAY_BYTES => continue,
                None => {}
            }
            self.replay = None;
            return self.parse(rest, false);
        }
        Ok(())
    }

    fn parse(&mut self, bytes: &[u8], last: bool) -> Result<(), Error> {
        let Some(rewriter) = self.rewriter.as_mut() else {
            return Ok(());
        };
        match self.transcoder.as_mut() {
            Some(transcoder) => {
                let mut text = String::with_capacity(bytes.len() * 2 + 16);
                transcoder.decode(bytes, last, &mut text);
                rewriter.write(text.as_bytes())
            }
            None => rewriter.write(bytes),
        }
        .map_err(rewriting_error)
    }

    /// Ends the input and returns the tree and metadata.
    pub fn finish(mut self) -> Result<Page, Error> {
        if let Some(error) = self.failed.take() {
            return Err(error);
        }
        let rest = std::mem::take(&mut self.pending);
        if !rest.is_empty() {
            self.write_block(&rest)?;
        }
        if self.rewriter.is_none() {
            let head = std::mem::take(&mut self.head);
            self.start_bytes(&head)?;
        }
        self.parse(&[], true)?;
        if let Some(rewriter) = self.rewriter.take() {
            rewriter.end().map_err(rewriting_error)?;
        }
        let state = Rc::try_unwrap(self.state)
            .map_err(|_| Error::new(ErrorKind::InvalidState, "ingest state still shared"))?;
        let mut builder = state.into_inner();
        builder.finish();
        if builder.streamed {
            builder::place_streamed_segments(&mut builder.tree);
        }
        let hidden = std::mem::take(&mut builder.hidden_roots);
        builder::reveal_hidden_content(&mut builder.tree, &hidden, &mut builder.trace);
        if self.read_noscript {
            read_noscript_content(&mut builder);
        }
        Ok(Page {
            tree: builder.tree,
            meta: builder.meta,
            trace: builder.trace,
        })
    }
}

/// A page that its scripts render gives readers without script (and crawlers) its content in
/// a `<noscript>`, which a scripting browser (and lol_html) reads as text. When one holds
/// more text than the rest of the page, its markup is parsed and takes its place.
fn read_noscript_content(builder: &mut Builder) {
    if builder.noscript_sources.is_empty() {
        return;
    }
    let outside = crate::measure::text_len(&builder.tree, Tree::ROOT);
    let sources = std::mem::take(&mut builder.noscript_sources);
    for (noscript, source) in sources {
        if source.len() < NOSCRIPT_CONTENT_MIN_CHARS || !builder.tree.is_attached(noscript) {
            continue;
        }
        let mut inner = Ingest::new(Charset::Text, false);
        inner.read_noscript = false;
        let Ok(page) = inner.write(source.as_bytes()).and_then(|()| inner.finish()) else {
            continue;
        };
        let length = crate::measure::text_len(&page.tree, Tree::ROOT);
        if length < NOSCRIPT_CONTENT_MIN_CHARS
            || length <= outside
            || builder.tree.len() + page.tree.len() > MAX_TREE_NODES
        {
            continue;
        }
        let tree = &mut builder.tree;
        while tree.first_child(noscript) != crate::tree::NONE {
            let child = tree.first_child(noscript);
            tree.detach(child);
        }
        if let Some(element) = tree.element_mut(noscript) {
            element.tag = Tag::Div;
        }
        tree.append_copies(noscript, &page.tree, Tree::ROOT);
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
