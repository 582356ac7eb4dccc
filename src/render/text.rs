//! Plain text laid out as a browser shows it: blocks on their own lines, a blank line
//! around paragraphs, a line break at `<br>`, table cells apart, words never glued.

use super::{walk, Event};
use crate::markup::{math, role};
use crate::measure::{has_descendant, inner_text, text_len};
use crate::patterns::{CAPTION_HINTS, CAPTION_MAX_CHARS};
use crate::text::hint_has_token;
use crate::tree::{Attr, NodeData, NodeId, Tag, Tree};

/// Accumulates text with collapsible spaces and line breaks.
pub struct LineWriter {
    pub out: String,
    pending_breaks: usize,
    pending_space: bool,
}

impl LineWriter {
    pub fn new() -> Self {
        LineWriter {
            out: String::new(),
            pending_breaks: 0,
            pending_space: false,
        }
    }

    pub fn request_breaks(&mut self, count: usize) {
        self.pending_breaks = self.pending_breaks.max(count);
    }

    pub fn request_space(&mut self) {
        self.pending_space = true;
    }

    fn flush(&mut self) {
        if self.out.is_empty() {
            self.pending_breaks = 0;
            self.pending_space = false;
            return;
        }
        if self.pending_breaks > 0 {
            let kept = self.out.trim_end_matches([' ', '\t']).len();
            self.out.truncate(kept);
            let existing = self.out.len() - self.out.trim_end_matches('\n').len();
            for _ in existing..self.pending_breaks {
                self.out.push('\n');
            }
            self.pending_breaks = 0;
            self.pending_space = false;
        } else if self.pending_space {
            if !self.out.ends_with([' ', '\n', '\t']) {
                self.out.push(' ');
            }
            self.pending_space = false;
        }
    }

    /// Writes text whose whitespace collapses.
    pub fn text(&mut self, text: &str) {
        for ch in text.chars() {
            if ch.is_whitespace() && ch != '\u{A0}' {
                self.pending_space = true;
            } else {
                self.flush();
                self.out.push(ch);
            }
        }
    }

    /// Writes text verbatim (preformatted).
    pub fn raw(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.flush();
        self.out.push_str(text);
    }

    /// A forced line break (`<br>`).
    pub fn line_break(&mut self) {
        self.flush();
        let kept = self.out.trim_end_matches(' ').len();
        self.out.truncate(kept);
        self.out.push('\n');
        self.pending_space = false;
    }

    pub fn finish(self) -> String {
        self.out.trim().to_owned()
    }
}

impl Default for LineWriter {
    fn default() -> Self {
        Self::new()
    }
}

/// Line breaks a block asks for around itself.
pub fn block_breaks(tag: Tag) -> usize {
    match tag {
        Tag::P | Tag::Blockquote | Tag::Pre | Tag::Figure | Tag::Dl | Tag::Table | Tag::Hr => 2,
        _ if tag.is_heading() || tag.is_list() => 2,
        _ if tag.is_block() => 1,
        _ => 0,
    }
}

/// A figure caption or photo credit (left out of the text unless asked for).
fn is_caption(tree: &Tree, node: NodeId) -> bool {
    let Some(element) = tree.element(node) else {
        return false;
    };
    match element.tag {
        Tag::Figcaption => true,
        Tag::Figure => {
            has_descendant(tree, node, &[Tag::Img, Tag::Picture])
                && !has_descendant(tree, node, &[Tag::Pre, Tag::Blockquote, Tag::Table, Tag::P])
        }
        // A "caption" holding a heading is a card's text (`product-caption`), not a caption.
        _ => {
            !element.hint.is_empty()
                && hint_has_token(&element.hint, CAPTION_HINTS, false)
                && text_len(tree, node) < CAPTION_MAX_CHARS
                && !tree
                    .descendants(node)
                    .any(|id| tree.tag(id).is_some_and(Tag::is_heading))
        }
    }
}

pub fn render(tree: &Tree, root: NodeId, captions: bool, readable_math: bool) -> String {
    let mut writer = LineWriter::new();
    let mut pre_depth = 0usize;
    walk(tree, root, |event| match event {
        Event::Enter(node) => match &tree.node(node).data {
            NodeData::Text(text) => {
                if pre_depth > 0 {
                    writer.raw(text);
                } else {
                    writer.text(text);
                }
                false
            }
            NodeData::Element(element) => {
                let tag = element.tag;
                match tag {
                    Tag::Br => writer.line_break(),
                    Tag::Td | Tag::Th if tree.prev_sibling(node) != crate::tree::NONE => {
                        writer.raw("\t");
                    }
                    Tag::Pre => pre_depth += 1,
                    _ => {}
                }
                writer.request_breaks(block_breaks(tag));
                if tag == Tag::Math && readable_math {
                    writer.text(&math::linear_text(tree, node));
                    return false;
                }
                match element.attr(Attr::Markup) {
                    // `[1]`, as references are read aloud and printed.
                    Some(role::NOTE_REF) => {
                        let label = inner_text(tree, node);
                        if label.starts_with('[') {
                            writer.text(&label);
                        } else {
                            writer.text(&format!("[{label}]"));
                        }
                        return false;
                    }
                    Some(role::BACKLINK) => return false,
                    _ => {}
                }
                !matches!(tag, Tag::Iframe | Tag::Img | Tag::Annotation)
                    && (captions || !is_caption(tree, node))
            }
        },
        Event::Exit(node) => {
            if let Some(element) = tree.element(node) {
                if element.tag == Tag::Pre {
                    pre_depth -= 1;
                }
                writer.request_breaks(block_breaks(element.tag));
                if element.tag.is_void() || element.tag == Tag::Img {
                    writer.request_space();
                }
            }
            true
        }
    });
    writer.finish()
}

/// The number of a note in our notes list (`<li id="fn-3">` gives 3).
pub fn note_number(element: &crate::tree::Element) -> Option<&str> {
    element.attr(Attr::OwnId)?.strip_prefix("fn-")
}
