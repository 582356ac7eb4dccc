//! Tree construction from lol_html's token stream: our own open-element stack with HTML's
//! implied-end rules (lol_html has none), what to drop before it costs memory, and the
//! metadata that streams past.

use std::borrow::Cow;

use encoding_rs::Encoding;

use super::decode::declared_by_meta;
use crate::entities::{decode_attribute, decode_text};
use crate::explain::{describe, describe_element, Trace};
use crate::metadata::{MetaTag, RawMetadata};
use crate::patterns::{
    DISCLOSURE_HINTS, EXPLAIN_PATH_DEPTH, HIDDEN_CONTENT_MAX_DEPTH, HIDDEN_CONTENT_MIN_CHARS,
    HIDDEN_CONTENT_MIN_SHARE, INGEST_DROP_HINTS, MAX_JSON_LD_BYTES, MAX_NOSCRIPT_BYTES,
    MAX_OPEN_ELEMENTS, MAX_TEXT_NODE_BYTES, MAX_TREE_NODES, MAX_TREE_TEXT_BYTES, NAVIGATION_HINTS,
    VIDEO_HOSTS,
};
use crate::rules::Rule;
use crate::text::collapse_whitespace_into;
use crate::text::hint_has_token;
use crate::tree::{Attr, Element, NodeId, SharedStr, Tag, Tree, NONE};

/// What happens to the content of an open element.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Stored in the tree.
    Keep,
    /// Never stored (scripts, hidden elements, page furniture that is never an article).
    Skip,
    /// Inside `<head>`: metadata only.
    Head,
    /// `<title>`: its text is the document title.
    Title,
    /// `<script type="application/ld+json">`.
    JsonLd,
}

#[derive(Clone, Copy, Debug)]
struct Open {
    tag: Tag,
    node: NodeId,
    mode: Mode,
}

/// The kind of text lol_html reports, reduced to what we need.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    /// Ordinary text: character references are decoded.
    Data,
    /// `<title>`/`<textarea>`: references decoded, markup is text.
    RcData,
    /// Script, style, noscript: taken literally.
    Raw,
}

/// A start tag and the (lower-cased name, raw value) attributes ingest reads
/// ([`reads_attribute`]), as lol_html gives them.
pub struct StartTag {
    pub tag: Tag,
    pub attrs: Vec<(String, String)>,
    pub can_have_content: bool,
}

pub struct Builder {
    pub tree: Tree,
    pub meta: RawMetadata,
    stack: Vec<Open>,
    pending_text: String,
    pending_kind: TextKind,
    /// The last text node made and its text, which the next text may still extend (after
    /// a dropped element or a comment): written to the tree when another text node starts
    /// or the build ends, so that a text grown in many pieces is copied once.
    open_text: Option<(NodeId, String)>,
    pre_depth: usize,
    text_bytes: usize,
    /// The encoding the first `<meta charset>` with a known label declares.
    pub declared_encoding: Option<&'static Encoding>,
    /// Past `<head>`: a later `<meta charset>` no longer changes the encoding.
    pub head_over: bool,
    /// What is dropped, in explain mode.
    pub trace: Trace,
    /// The markup inside each `<noscript>` (a scripting browser reads it as text), kept in
    /// case it holds the page's content (see `Ingest::finish`).
    pub noscript_sources: Vec<(NodeId, String)>,
    noscript_bytes: usize,
    /// Hidden elements kept in case they hold the page's content, in document order.
    pub hidden_roots: Vec<NodeId>,
    /// A React streaming placeholder was seen: segments may need placing.
    pub streamed: bool,
}

impl Builder {
    pub fn new(explain: bool) -> Self {
        Builder {
            tree: Tree::new(),
            meta: RawMetadata::default(),
            stack: Vec::new(),
            pending_text: String::new(),
            pending_kind: TextKind::Data,
            open_text: None,
            pre_depth: 0,
            text_bytes: 0,
            declared_encoding: None,
            head_over: false,
            trace: Trace::new(explain),
            noscript_sources: Vec::new(),
            noscript_bytes: 0,
            hidden_roots: Vec::new(),
            streamed: false,
        }
    }

    fn current(&self) -> (NodeId, Mode) {
        match self.stack.last() {
            Some(open) => (open.node, open.mode),
            None => (Tree::ROOT, Mode::Keep),
        }
    }

    fn tree_full(&self) -> bool {
        self.tree.len() >= MAX_TREE_NODES || self.text_bytes >= MAX_TREE_TEXT_BYTES
    }

    /// Whether the next start tag's attributes are read at all: not inside an element whose
    /// content is skipped, except for the metadata elements.
    pub fn reads_attributes(&self, tag: Tag) -> bool {
        let (_, parent_mode) = self.current();
        !matches!(parent_mode, Mode::Skip | Mode::Title | Mode::JsonLd)
            || matches!(
                tag,
                Tag::Html | Tag::Body | Tag::Meta | Tag::Link | Tag::Base
            )
    }

    /// Handles a start tag; returns whether an end tag for it should be reported back.
    pub fn start_tag(&mut self, start: StartTag) -> bool {
        self.flush_text();
        let tag = start.tag;
        let (_, parent_mode) = self.current();

        match tag {
            Tag::Html => {
                self.capture_root_attrs(&start.attrs, true);
                return false;
            }
            Tag::Body => {
                self.head_over = true;
                self.close_head();
                self.capture_root_attrs(&start.attrs, false);
                return false;
            }
            Tag::Meta => {
                if self.declared_encoding.is_none() && !self.head_over {
                    self.declared_encoding = declared_by_meta(&start.attrs);
                }
                self.capture_meta(&start.attrs);
                return false;
            }
            Tag::Link => {
                self.capture_link(&start.attrs);
                return false;
            }
            Tag::Base => {
                if self.meta.base_href.is_none() {
                    self.meta.base_href = attr_value(&start.attrs, "href")
                        .map(|href| decode_attribute(href).into_owned());
                }
                return false;
            }
            _ => {}
        }

        let head_content = matches!(
            tag,
            Tag::Title | Tag::Script | Tag::Style | Tag::Noscript | Tag::Template
        );
        if !head_content && tag != Tag::Head {
            self.head_over = true;
        }
        if parent_mode == Mode::Head && !head_content {
            self.close_head();
        }
        let (_, parent_mode) = self.current();
        if !start.can_have_content && tag != Tag::Unknown && !tag.is_void() {
            // A self-closed foreign element such as `<path/>`: nothing to keep.
            return false;
        }

        let hint = if parent_mode == Mode::Keep {
            class_id_hint(&start.attrs)
        } else {
            String::new()
        };
        let mut dropped_by = None;
        let mut hidden_root = false;
        let mode = match parent_mode {
            // Nothing inside a dropped subtree is kept, and the subtree ends at its root's
            // end tag: descendants need no place on the stack, nor end-tag handlers.
            Mode::Skip | Mode::Title | Mode::JsonLd => return false,
            Mode::Head => match tag {
                Tag::Title if self.meta.title.is_none() => Mode::Title,
                Tag::Script if is_json_ld(&start.attrs) => Mode::JsonLd,
                _ => Mode::Skip,
            },
            Mode::Keep => match tag {
                Tag::Head => Mode::Head,
                Tag::Title if self.meta.title.is_none() => Mode::Title,
                Tag::Script if is_json_ld(&start.attrs) => Mode::JsonLd,
                // MathJax's source: kept as a formula whose TeX is its annotation.
                Tag::Script if tex_script(&start.attrs).is_some() => Mode::Keep,
                _ => match dropped_by_rule(tag, &start.attrs, &hint) {
                    // Kept for now: it may be the page's content, hidden until a script
                    // shows it (`reveal_hidden_content` decides).
                    Some(Rule::IngestHidden)
                        if (tag == Tag::P || self.stack.len() <= HIDDEN_CONTENT_MAX_DEPTH)
                            && may_be_hidden_content(tag, &start.attrs, &hint) =>
                    {
                        hidden_root = true;
                        Mode::Keep
                    }
                    Some(rule) => {
                        dropped_by = Some(rule);
                        Mode::Skip
                    }
                    None => Mode::Keep,
                },
            },
        };
        // A React streaming placeholder stays in the tree, empty: its segment moves there.
        let placeholder = parent_mode == Mode::Keep
            && tag == Tag::Template
            && attr_value(&start.attrs, "id").is_some_and(is_stream_placeholder);
        if let Some(rule) = dropped_by.filter(|_| !placeholder) {
            if self.trace.is_on() {
                let path = self.open_path(tag, &start.attrs);
                self.trace.dropping(self.tree.len() as NodeId, rule, path);
            }
        }

        if mode == Mode::Keep {
            self.apply_implied_ends(tag);
            self.open_implied_table_parts(tag);
        }
        let pushable = start.can_have_content && !tag.is_void();
        if pushable && self.stack.len() >= MAX_OPEN_ELEMENTS {
            // Flattened: its content joins the current element.
            return false;
        }

        let node = if (mode == Mode::Keep || placeholder) && !self.tree_full() {
            let (parent, _) = self.current();
            if let (Tag::Script, Some(display)) = (tag, tex_script(&start.attrs)) {
                return self.open_tex_formula(parent, display);
            }
            let element = build_element(tag, start.attrs, hint);
            let id = self.tree.new_element(element);
            self.tree.append_child(parent, id);
            id
        } else {
            NONE
        };

        if hidden_root && node != NONE {
            self.hidden_roots.push(node);
        }
        self.streamed |= placeholder && node != NONE;
        if !pushable {
            self.trace.end_drop();
            return false;
        }
        let mode = if mode == Mode::Keep && node == NONE {
            Mode::Skip
        } else {
            mode
        };
        if tag == Tag::Pre && mode == Mode::Keep {
            self.pre_depth += 1;
        }
        self.stack.push(Open { tag, node, mode });
        true
    }

    /// `<math><semantics><annotation encoding="application/x-tex">`, open for the script's
    /// text: the TeX source. Always reports its end tag.
    fn open_tex_formula(&mut self, parent: NodeId, display: bool) -> bool {
        let mut math = Element::new(Tag::Math);
        if display {
            math.set_attr(Attr::Display, "block".to_owned());
        }
        let math = self.tree.new_element(math);
        self.tree.append_child(parent, math);
        let semantics = self.tree.new_element(Element::new(Tag::Semantics));
        self.tree.append_child(math, semantics);
        let mut annotation = Element::new(Tag::Annotation);
        annotation.set_attr(Attr::Encoding, "application/x-tex".to_owned());
        let annotation = self.tree.new_element(annotation);
        self.tree.append_child(semantics, annotation);
        self.stack.push(Open {
            tag: Tag::Script,
            node: annotation,
            mode: Mode::Keep,
        });
        true
    }

    /// A short path to an element about to open: its nearest stored ancestors, then itself.
    fn open_path(&self, tag: Tag, attrs: &[(String, String)]) -> String {
        let mut parts: Vec<String> = self
            .stack
            .iter()
            .rev()
            .filter(|open| open.node != NONE)
            .take(EXPLAIN_PATH_DEPTH - 1)
            .map(|open| describe(&self.tree, open.node))
            .collect();
        parts.reverse();
        parts.push(describe_element(
            tag,
            attr_value(attrs, "id"),
            attr_value(attrs, "class"),
        ));
        parts.join(" > ")
    }

    /// Handles an explicit end tag that lol_html matched.
    pub fn end_tag(&mut self, tag: Tag) {
        self.flush_text();
        if tag == Tag::Head {
            self.head_over = true;
        }
        if let Some(index) = self.find_open(tag) {
            self.pop_to(index);
        }
    }

    /// Index of the element an end tag for `tag` closes, following HTML's scoping rules.
    fn find_open(&self, tag: Tag) -> Option<usize> {
        let special = is_special(tag);
        // Table parts close in "table scope": through open cells and anything in them.
        let table_part = matches!(
            tag,
            Tag::Table
                | Tag::Caption
                | Tag::Tbody
                | Tag::Thead
                | Tag::Tfoot
                | Tag::Tr
                | Tag::Td
                | Tag::Th
        );
        for (index, open) in self.stack.iter().enumerate().rev() {
            if open.tag == tag {
                return Some(index);
            }
            if open.mode != Mode::Keep {
                continue;
            }
            let boundary = if table_part {
                matches!(open.tag, Tag::Html | Tag::Table | Tag::Template)
            } else {
                is_scope_boundary(open.tag) || (!special && is_special(open.tag))
            };
            if boundary {
                return None;
            }
        }
        None
    }

    fn pop_to(&mut self, index: usize) {
        let mut closed_json_ld = false;
        for open in self.stack.drain(index..) {
            if open.tag == Tag::Pre && open.mode == Mode::Keep {
                self.pre_depth -= 1;
            }
            if open.mode == Mode::Skip {
                self.trace.end_drop();
            }
            closed_json_ld |= open.mode == Mode::JsonLd;
        }
        if closed_json_ld {
            if let Some(entry) = self.meta.json_ld.last_mut() {
                entry.0 = false;
            }
        }
    }

    fn close_head(&mut self) {
        if let Some(index) = self.stack.iter().rposition(|open| open.tag == Tag::Head) {
            self.pop_to(index);
        }
    }

    /// HTML's implied end tags: a block closes an open `<p>`, `<li>` closes the previous
    /// `<li>`, table parts close the cells and rows before them.
    fn apply_implied_ends(&mut self, tag: Tag) {
        if closes_paragraph(tag) {
            self.close_in_scope(&[Tag::P], &[]);
        }
        match tag {
            Tag::Li => self.close_in_scope(&[Tag::Li], &[Tag::Ul, Tag::Ol, Tag::Menu]),
            Tag::Dd | Tag::Dt => self.close_in_scope(&[Tag::Dd, Tag::Dt], &[Tag::Dl]),
            Tag::Tr => {
                self.close_in_scope(&[Tag::Td, Tag::Th], &[Tag::Table]);
                self.close_in_scope(&[Tag::Tr], &[Tag::Table]);
            }
            Tag::Td | Tag::Th => self.close_in_scope(&[Tag::Td, Tag::Th], &[Tag::Tr, Tag::Table]),
            Tag::Tbody | Tag::Thead | Tag::Tfoot => {
                // A row group ends the open cell, as a browser's "in cell" mode does.
                self.close_in_scope(&[Tag::Td, Tag::Th], &[Tag::Table]);
                self.close_in_scope(
                    &[
                        Tag::Tbody,
                        Tag::Thead,
                        Tag::Tfoot,
                        Tag::Caption,
                        Tag::Colgroup,
                    ],
                    &[Tag::Table],
                )
            }
            Tag::Caption | Tag::Colgroup => {
                self.close_in_scope(&[Tag::Td, Tag::Th], &[Tag::Table]);
                self.close_in_scope(&[Tag::Caption, Tag::Colgroup], &[Tag::Table])
            }
            Tag::A => self.close_open_link(),
            Tag::Option | Tag::Optgroup => self.close_in_scope(&[Tag::Option], &[]),
            _ if tag.is_heading() => {
                if let Some(open) = self.stack.last() {
                    if open.tag.is_heading() && open.mode == Mode::Keep {
                        self.stack.pop();
                    }
                }
            }
            _ => {}
        }
    }

    /// A row directly in a table opens a `<tbody>`, a cell outside a row a `<tr>`: the tree a
    /// browser builds, and the one our output gives when cleaned again.
    fn open_implied_table_parts(&mut self, tag: Tag) {
        if (tag == Tag::Tr || tag.is_table_cell()) && self.current_tag() == Some(Tag::Table) {
            self.open_implied(Tag::Tbody);
        }
        if tag.is_table_cell() && self.current_tag().is_some_and(Tag::is_row_group) {
            self.open_implied(Tag::Tr);
        }
    }

    /// The innermost open element, if it is in the tree.
    fn current_tag(&self) -> Option<Tag> {
        match self.stack.last() {
            Some(open) if open.mode == Mode::Keep && open.node != NONE => Some(open.tag),
            _ => None,
        }
    }

    fn open_implied(&mut self, tag: Tag) {
        if self.stack.len() >= MAX_OPEN_ELEMENTS || self.tree_full() {
            return;
        }
        let (parent, _) = self.current();
        let node = self.tree.new_element(Element::new(tag));
        self.tree.append_child(parent, node);
        self.stack.push(Open {
            tag,
            node,
            mode: Mode::Keep,
        });
    }

    /// A link opens while one is open. Directly inside it (`<a>one<a>two`) the first
    /// closes. With blocks opened inside it (a card: `<a><div><div><a>`) a browser leaves
    /// those blocks open and only the outer link stops taking content; popping them would
    /// make their end tags close the page's containers.
    fn close_open_link(&mut self) {
        for index in (0..self.stack.len()).rev() {
            let open = self.stack[index];
            if open.tag == Tag::A {
                let blocks_inside = self.stack[index + 1..]
                    .iter()
                    .any(|inner| is_special(inner.tag));
                if blocks_inside {
                    self.stack.remove(index);
                } else {
                    self.pop_to(index);
                }
                return;
            }
            if is_scope_boundary(open.tag) || open.mode != Mode::Keep {
                return;
            }
        }
    }

    /// Pops to the nearest open element among `targets`, unless a scope boundary or one of
    /// `stop_at` comes first.
    fn close_in_scope(&mut self, targets: &[Tag], stop_at: &[Tag]) {
        for index in (0..self.stack.len()).rev() {
            let open = self.stack[index];
            if targets.contains(&open.tag) {
                self.pop_to(index);
                return;
            }
            if stop_at.contains(&open.tag) || is_scope_boundary(open.tag) || open.mode != Mode::Keep
            {
                return;
            }
            // `<li>`, `<dd>` and `<dt>` only close across phrasing and a few wrappers.
            if matches!(targets[0], Tag::Li | Tag::Dd)
                && !matches!(open.tag, Tag::Div | Tag::P | Tag::Address)
                && is_special(open.tag)
            {
                return;
            }
        }
    }

    /// Accumulates a text chunk; lol_html may split a text node anywhere.
    pub fn text_chunk(&mut self, chunk: &str, kind: TextKind, last: bool) {
        if self.pending_text.is_empty() {
            self.pending_kind = kind;
        }
        if self.pending_text.len() < MAX_TEXT_NODE_BYTES + 8 {
            self.pending_text.push_str(chunk);
        }
        if last {
            self.flush_text();
        }
    }

    fn flush_text(&mut self) {
        if self.pending_text.is_empty() {
            return;
        }
        // The buffer goes back afterwards: one allocation serves every text node.
        let mut raw = std::mem::take(&mut self.pending_text);
        truncate_at_char_boundary(&mut raw, MAX_TEXT_NODE_BYTES);
        self.take_text(&raw);
        raw.clear();
        self.pending_text = raw;
    }

    fn take_text(&mut self, raw: &str) {
        let (node, mode) = self.current();
        match mode {
            Mode::Skip => {
                if self.trace.is_on() && self.pending_kind != TextKind::Raw {
                    self.trace.dropped_text(&decode_text(raw));
                }
            }
            Mode::Head => {}
            Mode::Title => {
                let text = decode_text(raw);
                let title = self.meta.title.get_or_insert_with(String::new);
                title.push_str(&text);
            }
            Mode::JsonLd => {
                if self.meta.json_ld_bytes + raw.len() <= MAX_JSON_LD_BYTES {
                    self.meta.json_ld_bytes += raw.len();
                    match self.meta.json_ld.last_mut() {
                        Some((open, text)) if *open => text.push_str(raw),
                        _ => self.meta.json_ld.push((true, raw.to_owned())),
                    }
                }
            }
            Mode::Keep => {
                if self.tree.is_tag(node, Tag::Noscript) {
                    self.noscript_images(node, raw);
                    return;
                }
                let decoded = match self.pending_kind {
                    TextKind::Raw => Cow::Borrowed(raw),
                    TextKind::Data | TextKind::RcData => decode_text(raw),
                };
                self.append_text(node, &decoded);
            }
        }
    }

    fn append_text(&mut self, parent: NodeId, text: &str) {
        if self.tree_full() {
            return;
        }
        let preserve = self.pre_depth > 0;
        let last = self.tree.node(parent).last_child;
        let parent_tag = self.tree.tag(parent).unwrap_or(Tag::Unknown);
        if !preserve && is_whitespace_only(text) && drops_whitespace(parent_tag) {
            return;
        }
        if last != NONE && self.tree.text(last).is_some() {
            if self
                .open_text
                .as_ref()
                .is_none_or(|(open, _)| *open != last)
            {
                self.close_text();
                let existing = self.tree.text(last).unwrap_or_default().to_owned();
                self.open_text = Some((last, existing));
            }
            if let Some((_, existing)) = &mut self.open_text {
                let before = existing.len();
                if preserve {
                    existing.push_str(text);
                } else {
                    collapse_whitespace_into(text, existing);
                }
                self.text_bytes += existing.len() - before;
                return;
            }
        }
        let mut stored = String::with_capacity(text.len());
        if preserve {
            // The newline right after `<pre>` is not content.
            let trimmed = if parent_tag == Tag::Pre && self.tree.first_child(parent) == NONE {
                text.strip_prefix('\n').unwrap_or(text)
            } else {
                text
            };
            stored.push_str(trimmed);
        } else {
            collapse_whitespace_into(text, &mut stored);
        }
        if stored.is_empty() {
            return;
        }
        self.text_bytes += stored.len();
        self.close_text();
        let id = self.tree.new_text(SharedStr::default());
        self.tree.append_child(parent, id);
        self.open_text = Some((id, stored));
    }

    fn close_text(&mut self) {
        if let Some((node, text)) = self.open_text.take() {
            self.tree.set_text(node, text);
        }
    }

    /// `<noscript>` content is raw text to lol_html; pick out its images, the usual
    /// fallback for lazy-loaded pictures.
    fn noscript_images(&mut self, noscript: NodeId, raw: &str) {
        if self.noscript_bytes + raw.len() <= MAX_NOSCRIPT_BYTES {
            self.noscript_bytes += raw.len();
            match self.noscript_sources.last_mut() {
                Some((node, source)) if *node == noscript => source.push_str(raw),
                _ => self.noscript_sources.push((noscript, raw.to_owned())),
            }
        }
        let mut rest = raw;
        while let Some(start) = find_ascii_case_insensitive(rest, "<img") {
            let after = &rest[start + 4..];
            let end = after.find('>').unwrap_or(after.len());
            let attrs = parse_attributes(&after[..end]);
            if self.tree_full() {
                return;
            }
            let hint = class_id_hint(&attrs);
            let id = self.tree.new_element(build_element(Tag::Img, attrs, hint));
            self.tree.append_child(noscript, id);
            rest = &after[end..];
        }
    }

    fn capture_root_attrs(&mut self, attrs: &[(String, String)], is_html: bool) {
        for (name, value) in attrs {
            let value = decode_attribute(value.trim()).into_owned();
            if value.is_empty() {
                continue;
            }
            match (name.as_str(), is_html) {
                ("lang", true) | ("xml:lang", true) if self.meta.html_lang.is_none() => {
                    self.meta.html_lang = Some(value)
                }
                ("dir", true) if self.meta.html_dir.is_none() => self.meta.html_dir = Some(value),
                ("dir", false) if self.meta.body_dir.is_none() => self.meta.body_dir = Some(value),
                _ => {}
            }
        }
    }

    fn capture_meta(&mut self, attrs: &[(String, String)]) {
        let get =
            |name: &str| attr_value(attrs, name).map(|v| decode_attribute(v.trim()).into_owned());
        let Some(content) = get("content") else {
            return;
        };
        if get("http-equiv").is_some_and(|e| e.eq_ignore_ascii_case("content-language")) {
            self.meta.content_language.get_or_insert(content.clone());
        }
        self.meta.metas.push(MetaTag {
            property: get("property"),
            name: get("name"),
            itemprop: get("itemprop"),
            content,
        });
    }

    fn capture_link(&mut self, attrs: &[(String, String)]) {
        let rel = attr_value(attrs, "rel").unwrap_or("").to_ascii_lowercase();
        let href = attr_value(attrs, "href").map(|v| decode_attribute(v.trim()).into_owned());
        if let Some(href) = href {
            if rel.split_ascii_whitespace().any(|r| r == "image_src")
                && self.meta.image_src.is_none()
            {
                self.meta.image_src = Some(href);
            }
        }
    }

    /// Closes everything still open: the input has ended.
    pub fn finish(&mut self) {
        self.flush_text();
        self.close_text();
        self.trace.end_drop();
        self.stack.clear();
        self.pre_depth = 0;
        for entry in &mut self.meta.json_ld {
            entry.0 = false;
        }
    }
}

fn attr_value<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

fn is_json_ld(attrs: &[(String, String)]) -> bool {
    attr_value(attrs, "type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
}

/// `<script type="math/tex">` (MathJax's TeX source): whether it is display math
/// (`; mode=display`). `None` for other scripts.
fn tex_script(attrs: &[(String, String)]) -> Option<bool> {
    let kind = attr_value(attrs, "type")?.to_ascii_lowercase();
    let (mime, parameters) = kind.split_once(';').unwrap_or((&kind, ""));
    (mime.trim() == "math/tex").then(|| parameters.replace(' ', "").contains("mode=display"))
}

/// The rule that drops an element and its content at ingest, if one does.
fn dropped_by_rule(tag: Tag, attrs: &[(String, String)], hint: &str) -> Option<Rule> {
    if tag.is_non_content() {
        return Some(Rule::IngestNonContent);
    }
    if tag.is_form_control() {
        return Some(Rule::IngestFormControl);
    }
    if tag.is_unshowable_embed() {
        return Some(Rule::IngestEmbed);
    }
    if tag == Tag::Iframe {
        let video = attr_value(attrs, "src").is_some_and(|src| VIDEO_HOSTS.found_in(src));
        return (!video).then_some(Rule::IngestEmbed);
    }
    // A `<dialog>` shows only when opened by script.
    let streamed = || attr_value(attrs, "id").is_some_and(is_streamed_segment);
    if tag == Tag::Dialog || (hidden_by(attrs, hint).is_some() && !streamed()) {
        return Some(Rule::IngestHidden);
    }
    INGEST_DROP_HINTS
        .found_in(hint)
        .then_some(Rule::IngestFurniture)
}

/// React's streaming server rendering sends a suspended part of the page late, as a hidden
/// `<div id="S:n">` that a script moves into the `<template id="B:n">` (or `P:n`) left where
/// it belongs. Read without script, the segment is content: [`place_streamed_segments`]
/// does the move.
fn is_streamed_segment(id: &str) -> bool {
    stream_number(id, "S:").is_some()
}

fn is_stream_placeholder(id: &str) -> bool {
    placeholder_number(id).is_some()
}

/// The `n` of a placeholder's `B:n` (a suspended boundary) or `P:n` (a segment's slot).
fn placeholder_number(id: &str) -> Option<&str> {
    stream_number(id, "B:").or_else(|| stream_number(id, "P:"))
}

/// The `n` of `S:n` / `B:n` / `P:n` (React writes it in hexadecimal).
fn stream_number<'a>(id: &'a str, prefix: &str) -> Option<&'a str> {
    id.strip_prefix(prefix)
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// Moves each streamed segment's content to its placeholder, which goes; a segment without
/// one stays where it is.
pub fn place_streamed_segments(tree: &mut Tree) {
    let mut placeholders = Vec::new();
    let mut segments = Vec::new();
    for id in tree.descendants(Tree::ROOT) {
        let Some(element) = tree.element(id) else {
            continue;
        };
        let Some(value) = element.attr(Attr::Id) else {
            continue;
        };
        if element.tag == Tag::Template {
            if let Some(n) = placeholder_number(value) {
                placeholders.push((n.to_owned(), id));
            }
        } else if let Some(n) = stream_number(value, "S:") {
            segments.push((n.to_owned(), id));
        }
    }
    for (n, segment) in segments {
        let Some(&(_, placeholder)) = placeholders.iter().find(|(p, _)| *p == n) else {
            continue;
        };
        if tree.parent(placeholder) == NONE || tree.has_ancestor(placeholder, segment) {
            continue;
        }
        while tree.first_child(segment) != NONE {
            let child = tree.first_child(segment);
            tree.insert_before(placeholder, child);
        }
        tree.detach(segment);
        tree.detach(placeholder);
    }
}

/// A hidden element that may be the page's content: a wrapper (or a paragraph) hidden by
/// attribute or style, not a dialog, a menu or navigation. A `<p>` is kept to be looked at
/// because it then ends where a browser ends it (at the next block), where a dropped one
/// would run to its end tag, which may never come.
fn may_be_hidden_content(tag: Tag, attrs: &[(String, String)], hint: &str) -> bool {
    let wrapper = matches!(
        tag,
        Tag::Div | Tag::Main | Tag::Section | Tag::Article | Tag::P
    );
    let chrome_role = attr_value(attrs, "role").is_some_and(|role| {
        matches!(
            role.trim(),
            "dialog" | "alertdialog" | "navigation" | "menu"
        )
    });
    let menu = !hint.is_empty() && hint_has_token(hint, NAVIGATION_HINTS, false);
    wrapper && !chrome_role && !menu && hidden_by(attrs, hint) == Some(Hidden::ByStyle)
}

/// Hidden elements were kept in the tree: one that holds most of the page's text is its
/// content, hidden until a script shows it (a fade-in wrapper, a paywall teaser's full
/// text); the others go, as they always did.
pub fn reveal_hidden_content(tree: &mut Tree, hidden: &[NodeId], trace: &mut Trace) {
    if hidden.is_empty() {
        return;
    }
    let mut total = None;
    let mut revealed: Vec<NodeId> = Vec::new();
    for &node in hidden {
        // Inside one that went: gone with it.
        if tree.parent(node) == NONE || !tree.has_ancestor(node, Tree::ROOT) {
            continue;
        }
        let length = crate::measure::text_len(tree, node);
        let is_content = length >= HIDDEN_CONTENT_MIN_CHARS
            && length as f64
                >= *total.get_or_insert_with(|| crate::measure::text_len(tree, Tree::ROOT)) as f64
                    * HIDDEN_CONTENT_MIN_SHARE
            && !revealed.iter().any(|&outer| tree.has_ancestor(node, outer));
        if is_content {
            revealed.push(node);
        } else {
            trace.remove(tree, node, Rule::IngestHidden);
        }
    }
}

/// Why an element is hidden.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hidden {
    /// The `hidden` attribute, `display:none` or `visibility:hidden`: a script may show it.
    ByStyle,
    /// Only `aria-hidden`: icons and copies meant for eyes, not screen readers.
    ForScreenReaders,
    /// An open modal dialog.
    Modal,
}

/// Whether, and how, an element is hidden (a closed tab or accordion panel is not).
fn hidden_by(attrs: &[(String, String)], hint: &str) -> Option<Hidden> {
    let mut hidden = false;
    let mut aria_hidden = false;
    let mut modal = false;
    let mut dialog = false;
    for (name, value) in attrs {
        match name.as_str() {
            "hidden" => hidden = true,
            "style" => {
                let style: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                hidden |= style.contains("display:none") || style.contains("visibility:hidden");
            }
            "aria-hidden" => aria_hidden = value.trim().eq_ignore_ascii_case("true"),
            "aria-modal" => modal = value.trim().eq_ignore_ascii_case("true"),
            "role" => dialog = value.trim().eq_ignore_ascii_case("dialog"),
            _ => {}
        }
    }
    let aria_hidden = aria_hidden && !hint.contains("fallback-image");
    if (hidden || aria_hidden) && !is_disclosure_panel(attrs, hint) {
        Some(if hidden {
            Hidden::ByStyle
        } else {
            Hidden::ForScreenReaders
        })
    } else {
        (modal && dialog).then_some(Hidden::Modal)
    }
}

/// A closed tab or accordion panel holds content its reader opens (a product's description,
/// a FAQ's answers): not hidden for a reader mode. A closed menu is.
fn is_disclosure_panel(attrs: &[(String, String)], hint: &str) -> bool {
    attr_value(attrs, "role").is_some_and(|role| role.trim() == "tabpanel")
        || (!hint.is_empty()
            && hint_has_token(hint, DISCLOSURE_HINTS, false)
            && !hint_has_token(hint, NAVIGATION_HINTS, false))
}

/// The attributes the tree keeps, by name.
fn attr_kind(name: &str) -> Option<Attr> {
    Some(match name {
        "href" => Attr::Href,
        "src" => Attr::Src,
        "srcset" => Attr::Srcset,
        "alt" => Attr::Alt,
        "title" => Attr::Title,
        "class" => Attr::Class,
        "id" => Attr::Id,
        "role" => Attr::Role,
        "itemprop" => Attr::Itemprop,
        "rel" => Attr::Rel,
        "lang" => Attr::Lang,
        "dir" => Attr::Dir,
        "colspan" => Attr::Colspan,
        "rowspan" => Attr::Rowspan,
        "headers" => Attr::Headers,
        "scope" => Attr::Scope,
        "datetime" => Attr::Datetime,
        "cite" => Attr::Cite,
        "start" => Attr::Start,
        "type" => Attr::Type,
        "width" => Attr::Width,
        "height" => Attr::Height,
        "poster" => Attr::Poster,
        "sizes" => Attr::Sizes,
        "display" => Attr::Display,
        "mathvariant" => Attr::Mathvariant,
        "encoding" => Attr::Encoding,
        "data-lang" | "data-language" => Attr::DataLanguage,
        _ => return None,
    })
}

/// Elements whose `data-*` attributes may hold a lazy image's URL.
fn is_imagey(tag: Tag) -> bool {
    matches!(tag, Tag::Img | Tag::Picture | Tag::Figure | Tag::Source)
}

/// Whether ingest reads attribute `name` of a `tag` element: the tree's attributes, those
/// that hide an element, and the metadata's. Reading no others saves copying their values.
pub fn reads_attribute(tag: Tag, name: &str) -> bool {
    attr_kind(name).is_some()
        || matches!(
            name,
            "hidden"
                | "style"
                | "aria-hidden"
                | "aria-modal"
                | "charset"
                | "content"
                | "http-equiv"
                | "name"
                | "property"
                | "xml:lang"
        )
        || (is_imagey(tag) && name.starts_with("data-"))
}

/// `class` and `id`, decoded, lower-cased and joined by a space: what the class/id patterns
/// match ([`Element::hint`]). Empty when the element has neither.
fn class_id_hint(attrs: &[(String, String)]) -> String {
    let (mut class, mut id) = (None, None);
    for (name, raw) in attrs {
        match name.as_str() {
            "class" if class.is_none() => class = Some(raw),
            "id" if id.is_none() => id = Some(raw),
            _ => {}
        }
    }
    if class.is_none_or(|c| c.is_empty()) && id.is_none_or(|i| i.is_empty()) {
        return String::new();
    }
    let class = decode_attribute(class.map_or("", String::as_str));
    let id = decode_attribute(id.map_or("", String::as_str));
    let mut hint = String::with_capacity(class.len() + 1 + id.len());
    // Utility-class variants (`print:hidden`, `md:flex`) style the element only in some
    // media or states: they say nothing about what it holds.
    if class.contains(':') {
        for token in class.split_ascii_whitespace().filter(|t| !t.contains(':')) {
            hint.push_str(token);
            hint.push(' ');
        }
    } else {
        hint.push_str(&class);
    }
    hint.push(' ');
    hint.push_str(&id);
    if hint.is_ascii() {
        hint.make_ascii_lowercase();
        hint
    } else {
        crate::text::lower_case(&hint)
    }
}

/// Builds the stored element: known attributes only, values decoded, and its `hint`.
fn build_element(tag: Tag, attrs: Vec<(String, String)>, hint: String) -> Element {
    let mut element = Element::new(tag);
    element.hint = hint.into();
    let mut kept: Vec<(Attr, SharedStr)> = Vec::new();
    let imagey = is_imagey(tag);
    for (name, raw) in attrs {
        let attr = match (attr_kind(&name), name.as_str()) {
            (Some(attr), _) => attr,
            (None, "data-srcset" | "data-lazy-srcset") if imagey => Attr::LazySrcset,
            (None, other) if imagey && other.starts_with("data-") => {
                match crate::url::image_url_kind(&raw) {
                    Some(true) => Attr::LazySrcset,
                    Some(false) => Attr::LazySrc,
                    None => continue,
                }
            }
            _ => continue,
        };
        if kept.iter().all(|(seen, _)| *seen != attr) {
            // Most values hold no reference: kept as lol_html gave them, not copied.
            let value = if raw.contains('&') {
                decode_attribute(&raw).into_owned()
            } else {
                raw
            };
            kept.push((attr, value.into()));
        }
    }
    element.attrs = kept.into();
    element
}

fn closes_paragraph(tag: Tag) -> bool {
    tag.is_heading()
        || matches!(
            tag,
            Tag::Address
                | Tag::Article
                | Tag::Aside
                | Tag::Blockquote
                | Tag::Center
                | Tag::Details
                | Tag::Dialog
                | Tag::Dir
                | Tag::Div
                | Tag::Dl
                | Tag::Dd
                | Tag::Dt
                | Tag::Fieldset
                | Tag::Figcaption
                | Tag::Figure
                | Tag::Footer
                | Tag::Form
                | Tag::Header
                | Tag::Hgroup
                | Tag::Hr
                | Tag::Li
                | Tag::Main
                | Tag::Menu
                | Tag::Nav
                | Tag::Ol
                | Tag::P
                | Tag::Pre
                | Tag::Search
                | Tag::Section
                | Tag::Summary
                | Tag::Table
                | Tag::Ul
                | Tag::Xmp
                | Tag::Plaintext
        )
}

/// Elements an end tag or implied end does not cross.
fn is_scope_boundary(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Html
            | Tag::Table
            | Tag::Td
            | Tag::Th
            | Tag::Caption
            | Tag::Template
            | Tag::Applet
            | Tag::Object
            | Tag::Marquee
            | Tag::Button
            | Tag::Math
    )
}

/// HTML's "special" elements: an end tag of an inline element does not close them.
fn is_special(tag: Tag) -> bool {
    tag.is_block()
        || matches!(
            tag,
            Tag::Li | Tag::Dd | Tag::Dt | Tag::Tr | Tag::Td | Tag::Th
        )
}

/// Containers where whitespace-only text is never rendered.
fn drops_whitespace(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Table
            | Tag::Tbody
            | Tag::Thead
            | Tag::Tfoot
            | Tag::Tr
            | Tag::Ul
            | Tag::Ol
            | Tag::Dl
            | Tag::Colgroup
            | Tag::Picture
            | Tag::Body
    )
}

fn is_whitespace_only(text: &str) -> bool {
    text.bytes().all(|b| b.is_ascii_whitespace())
}

fn truncate_at_char_boundary(text: &mut String, max: usize) {
    if text.len() > max {
        let mut cut = max;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        text.truncate(cut);
    }
}

fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    let hay = haystack.as_bytes();
    let needle = needle.as_bytes();
    if hay.len() < needle.len() {
        return None;
    }
    (0..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Parses `name="value" name='value' name=value name` from a tag's inside.
fn parse_attributes(source: &str) -> Vec<(String, String)> {
    let bytes = source.as_bytes();
    let mut attrs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let name_start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'/')
        {
            i += 1;
        }
        if name_start == i {
            i += 1;
            continue;
        }
        let name = source[name_start..i].to_ascii_lowercase();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < bytes.len() && (bytes[i] == b'"' || bytes[i] == b'\'') {
                let quote = bytes[i];
                let start = i + 1;
                let end = source[start..]
                    .bytes()
                    .position(|b| b == quote)
                    .map_or(bytes.len(), |p| start + p);
                value = source[start..end].to_owned();
                i = end + 1;
            } else {
                let start = i;
                while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                    i += 1;
                }
                value = source[start..i].to_owned();
            }
        }
        attrs.push((name, value));
    }
    attrs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn content(body: &str) -> String {
        let paragraph = "<p>The harbour committee met on Tuesday evening to discuss the new \
            ferry timetable, which has been criticised by commuters and shop owners alike.</p>";
        let html = format!("<html><body><div>{paragraph}{body}</div></body></html>");
        let options = crate::Options {
            char_threshold: 50,
            ..crate::Options::default()
        };
        let article = crate::clean(&html, &options).expect("an article");
        article.content.replace(paragraph, "")
    }

    /// lol_html calls the end-tag handlers of everything its own stack pops: an `</i>` that
    /// matches an `<i>` left open paragraphs ago must not close the current paragraph.
    #[test]
    fn only_an_elements_own_end_tag_closes_it() {
        assert_eq!(
            content("<p>one <i>two. <p>three <b><i>four</b></i> <a href='/x'>five</a>. six</p>"),
            "<div><p>one <i>two. </i></p><p>three <b><i>four</i></b> \
             <a href=\"/x\">five</a>. six</p></div>"
        );
    }

    /// A dropped subtree ends at its root's own end tag, however its descendants nest.
    #[test]
    fn dropped_subtrees_end_at_their_root() {
        assert_eq!(
            content(
                "<p>before, kept.</p><div hidden><div><p>x</div>hidden <svg><g><path/></g>\
                 </svg><span>too</div><p>after, kept too.</p>"
            ),
            "<div><p>before, kept.</p><p>after, kept too.</p></div>"
        );
    }

    /// `</table>` closes the cells and rows still open (table scope), as in a browser.
    #[test]
    fn table_end_tags_close_open_cells() {
        assert_eq!(
            content("<table><td>a<td>b<div>c</table><p>after the table, text.</p>"),
            "<div><table><tbody><tr><td>a</td><td>b<p>c</p></td></tr></tbody></table>\
             <p>after the table, text.</p></div>"
        );
    }

    /// A card that is a link holding blocks and another link: the blocks stay open, so their
    /// end tags do not close the list around the cards.
    #[test]
    fn a_link_inside_a_block_inside_a_link_leaves_the_blocks_open() {
        let html = "<html><body><main><div class='grid'>\
            <a href='/p/1'><div><div><a href='/b/1'>Alder</a> kettle</div></div></a>\
            <a href='/p/2'><div><div><a href='/b/2'>Birch</a> toaster</div></div></a>\
            </div><p>After the grid.</p></main></body></html>";
        let mut ingest = crate::ingest::Ingest::new(crate::ingest::Charset::Text, false);
        ingest.write(html.as_bytes()).expect("written");
        let tree = ingest.finish().expect("parsed").tree;
        let grid = tree
            .descendants(Tree::ROOT)
            .find(|&id| tree.element(id).is_some_and(|e| e.hint.contains("grid")))
            .expect("the grid");
        let text = crate::measure::inner_text(&tree, grid);
        assert!(
            text.contains("kettle") && text.contains("toaster"),
            "{text}"
        );
        assert!(!text.contains("After the grid"), "{text}");
        let anchors = tree
            .descendants(grid)
            .filter(|&id| tree.is_tag(id, Tag::A))
            .count();
        assert_eq!(anchors, 4);
    }

    /// Directly inside a link, a new link closes it (`<a>one<a>two`).
    #[test]
    fn a_link_directly_inside_a_link_closes_it() {
        assert_eq!(
            content("<p><a href='/1'>one <a href='/2'>two</a> three</p>"),
            "<div><p><a href=\"/1\">one </a><a href=\"/2\">two</a> three</p></div>"
        );
    }

    #[test]
    fn parses_noscript_attributes() {
        let attrs = parse_attributes(r#" src="a.jpg" alt='x y' width=3 hidden"#);
        assert_eq!(
            attrs,
            vec![
                ("src".into(), "a.jpg".into()),
                ("alt".into(), "x y".into()),
                ("width".into(), "3".into()),
                ("hidden".into(), String::new()),
            ]
        );
    }
}
