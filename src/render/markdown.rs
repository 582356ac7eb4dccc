//! Markdown (CommonMark with GFM tables) of the article.
//!
//! The output must be safe however it is rendered, raw HTML enabled or not, so nothing from
//! the page reaches it unescaped except inside code that cannot end early:
//!
//! * text, link text and image alt text escape the characters that would open Markdown
//!   syntax ([`escape_inline`]); `<` is always `\<`, so it can never start raw HTML;
//! * inline code (`<code>`, `<kbd>`, `<samp>`) is one code span built from the element's
//!   flattened text ([`code_span`]): nested elements give text only, block boundaries and
//!   line breaks become spaces, the fence is longer than any backtick run inside, and a
//!   backtick at either edge is padded with a space, as CommonMark requires;
//! * `<pre>` is a fenced block longer than any backtick run inside; a `<pre>` nested in it
//!   writes no fence of its own;
//! * link and image destinations percent-encode what could end them, open markup or be
//!   decoded into something else ([`destination`]).

use super::text::note_number;
use super::{walk, Event};
use crate::markup::{math, role};
use crate::patterns::MATH_IMAGE_HINTS;
use crate::text::hint_has_token;
use crate::tree::{Attr, Element, NodeData, NodeId, Tag, Tree, NONE};
use crate::url::{clean_url, is_safe_url};

struct Writer {
    out: String,
    pending_breaks: usize,
    pending_space: bool,
    /// Emphasis openers not yet written: they follow any pending space, so `<em> x</em>`
    /// gives ` *x*` (a delimiter followed by a space opens nothing), and an element that
    /// writes nothing drops its opener instead of leaving `**`.
    pending_open: String,
    /// What starts each line inside the open containers, outermost first: `> ` for a block
    /// quote, spaces as wide as its marker for a list item, four spaces for a footnote.
    prefixes: Vec<String>,
    /// Right after a list item's marker or a quote's `> `: the first block goes on that line.
    at_container_start: bool,
    /// The last thing written ends a block (a closing fence, a thematic break, a table
    /// row): the closer of an element opened before it could pair with nothing and would
    /// spoil it (a fence followed by text closes nothing), so it is dropped.
    after_block_end: bool,
    /// Inside a table cell or a figure's caption: blocks are inline there, a line break
    /// would end the row or split the figure.
    flat_depth: usize,
    /// Where the output stood after the last block markup (a line's prefixes, a list
    /// marker): text starting there could open block syntax.
    block_start: usize,
}

impl Writer {
    fn new() -> Self {
        Writer {
            out: String::new(),
            pending_breaks: 0,
            pending_space: false,
            pending_open: String::new(),
            prefixes: Vec::new(),
            at_container_start: false,
            after_block_end: false,
            flat_depth: 0,
            block_start: 0,
        }
    }

    fn new_line(&mut self) {
        // A line holding only container markers keeps the markers (a bare `>` keeps the
        // quote going) but not their trailing spaces.
        let line_start = self.out.rfind('\n').map_or(0, |i| i + 1);
        if self.out[line_start..].chars().all(|c| c == '>' || c == ' ') {
            let kept = self.out.trim_end_matches(' ').len();
            self.out.truncate(kept);
        }
        self.out.push('\n');
        for prefix in &self.prefixes {
            self.out.push_str(prefix);
        }
        self.block_start = self.out.len();
    }

    /// Whether the output ends with a line break and the container prefixes after it.
    fn at_line_start(&self) -> bool {
        let prefixes: String = self.prefixes.concat();
        self.out
            .strip_suffix(&prefixes)
            .is_some_and(|before| before.is_empty() || before.ends_with('\n'))
    }

    /// Asks for `count` line breaks before the next content: two end a paragraph, one a
    /// list item. In a flat context a space stands in.
    fn block(&mut self, count: usize) {
        if self.flat_depth > 0 {
            self.pending_space = true;
        } else {
            self.pending_breaks = self.pending_breaks.max(count);
        }
    }

    /// Drops trailing spaces and the lines at the end that hold nothing but container
    /// markers, before line breaks are written: the breaks write them again with the
    /// markers of the containers open now. Text never ends a line with a bare `>` (it is
    /// written `\>`), so only markers go.
    fn trim_blank_lines(&mut self) {
        loop {
            let kept = self.out.trim_end_matches(' ').len();
            self.out.truncate(kept);
            let Some(line_break) = self.out.rfind('\n') else {
                return;
            };
            if !self.out[line_break + 1..]
                .chars()
                .all(|c| c == '>' || c == ' ')
            {
                return;
            }
            self.out.truncate(line_break);
        }
    }

    fn flush(&mut self) {
        if self.at_container_start {
            // The marker's line takes the item's first content, whatever breaks it asked.
            self.at_container_start = false;
            self.pending_breaks = 0;
            self.pending_space = false;
            return;
        }
        if self.out.is_empty() {
            for prefix in &self.prefixes {
                self.out.push_str(prefix);
            }
            self.block_start = self.out.len();
        } else if self.pending_breaks > 0 {
            self.trim_blank_lines();
            for _ in 0..self.pending_breaks {
                self.new_line();
            }
        } else if self.pending_space && !self.out.ends_with([' ', '\n']) {
            self.out.push(' ');
        }
        self.pending_breaks = 0;
        self.pending_space = false;
    }

    /// Flushes before inline content: pending emphasis openers go too. (Block markup
    /// leaves them for the first inline content of the block.)
    fn flush_inline(&mut self) {
        self.flush();
        self.out.push_str(&self.pending_open);
        self.pending_open.clear();
        self.after_block_end = false;
    }

    /// Writes block markup: a heading or list marker, a fence, a table border.
    fn markup(&mut self, text: &str) {
        self.flush();
        self.out.push_str(text);
        self.block_start = self.out.len();
    }

    /// Writes inline markup: a code span, an image.
    fn inline_markup(&mut self, text: &str) {
        self.flush_inline();
        self.out.push_str(text);
    }

    /// Opens a container whose lines all start with `prefix` after `first` on its first
    /// line (a list marker, a quote's `> `).
    fn open_container(&mut self, first: &str, prefix: String) {
        self.markup(first);
        self.prefixes.push(prefix);
    }

    fn close_container(&mut self) {
        self.prefixes.pop();
        // An item that wrote nothing must not take the next item onto its marker's line.
        self.at_container_start = false;
    }

    /// Opens a link's text. A `!` right before it would turn the link into an image (which
    /// a renderer loads), so it is escaped.
    fn open_bracket(&mut self) {
        self.flush_inline();
        if self.out.ends_with('!') {
            self.out.pop();
            self.out.push_str("\\!");
        }
        self.out.push('[');
    }

    /// Closes an emphasis delimiter opened with `pending_open`, or drops the opener when
    /// nothing was written since.
    fn close(&mut self, delimiter: &str) {
        if self.pending_open.ends_with(delimiter) {
            let kept = self.pending_open.len() - delimiter.len();
            self.pending_open.truncate(kept);
        } else {
            self.close_inline(delimiter);
        }
    }

    /// Writes the end of inline markup (an emphasis closer, a link's destination) unless
    /// a block ended since it was opened.
    fn close_inline(&mut self, markup: &str) {
        if !self.after_block_end {
            self.out.push_str(markup);
        }
    }

    /// Writes text outside code: whitespace collapses to one space, Markdown syntax is
    /// escaped.
    fn text(&mut self, text: &str) {
        let mut skip_to = 0;
        for (index, ch) in text.char_indices() {
            if index < skip_to {
                continue;
            }
            if is_space(ch) {
                self.pending_space = true;
                continue;
            }
            self.flush_inline();
            let rest = &text[index + ch.len_utf8()..];
            if self.out.len() == self.block_start {
                // What would open a list, a thematic break or a setext underline here.
                if let Some(end) = list_number_end(&text[index..]) {
                    self.out.push_str(&text[index..index + end]);
                    self.out.push('\\');
                    skip_to = index + end;
                    continue;
                }
                if matches!(ch, '-' | '+' | '=')
                    && (rest.is_empty() || rest.starts_with([' ', '-', '\t']) || ch == '=')
                {
                    self.out.push('\\');
                }
            }
            if needs_escape(ch, rest) {
                self.out.push('\\');
            }
            self.out.push(ch);
        }
    }
}

/// In text at the start of a block, the length of a list number and its `.` or `)` before a
/// space or the end (`12. x`), which would open an ordered list; `None` otherwise.
fn list_number_end(text: &str) -> Option<usize> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let after = text.as_bytes().get(digits);
    let next = text.as_bytes().get(digits + 1);
    ((1..=9).contains(&digits)
        && matches!(after, Some(b'.' | b')'))
        && next.is_none_or(|b| *b == b' ' || *b == b'\t'))
    .then_some(digits)
}

/// Whitespace that HTML collapses (a no-break space is kept).
fn is_space(ch: char) -> bool {
    ch.is_whitespace() && ch != '\u{A0}'
}

/// Whether `ch` (followed by `rest`) needs a backslash in inline text: the characters
/// that open emphasis, code, links, raw HTML or autolinks, block quotes, headings, GFM
/// tables and strikethrough, and an `&` that would start a character reference.
fn needs_escape(ch: char, rest: &str) -> bool {
    match ch {
        '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => true,
        '&' => starts_reference(rest),
        _ => false,
    }
}

/// Whether the text after an `&` could make it a character reference: `#` (HTML decodes
/// numeric references even without the `;`), or a name and `;`.
fn starts_reference(after_ampersand: &str) -> bool {
    let name = after_ampersand
        .bytes()
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    after_ampersand.starts_with('#') || (name > 0 && after_ampersand[name..].starts_with(';'))
}

/// Text for link text or image alt text: whitespace collapsed to single spaces (so it
/// stays on one line), Markdown syntax escaped.
fn escape_inline(text: &str) -> String {
    let words: Vec<&str> = text.split(is_space).filter(|w| !w.is_empty()).collect();
    let text = words.join(" ");
    let mut out = String::with_capacity(text.len());
    for (index, ch) in text.char_indices() {
        if needs_escape(ch, &text[index + ch.len_utf8()..]) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// A URL as a Markdown link destination: characters that could end it, open markup or a
/// code span, or split a GFM table row are percent-encoded; whitespace and control
/// characters too; and an `&` that could start a character reference (which CommonMark
/// decodes in destinations) is escaped as `\&`. So a hostile URL cannot smuggle in a
/// second link, raw HTML or, once decoded, another scheme.
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for (index, ch) in url.char_indices() {
        match ch {
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '[' => out.push_str("%5B"),
            ']' => out.push_str("%5D"),
            '"' => out.push_str("%22"),
            '\\' => out.push_str("%5C"),
            '`' => out.push_str("%60"),
            '|' => out.push_str("%7C"),
            '&' if starts_reference(&url[index + 1..]) => out.push_str("\\&"),
            c if c.is_whitespace() || c.is_control() => {
                let mut bytes = [0; 4];
                for byte in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// The cleaned URL of an attribute when it may be written, else `None`.
fn safe_url(element: &Element, attr: Attr, image: bool) -> Option<String> {
    let url = element.attr(attr).map(clean_url)?;
    (!url.is_empty() && is_safe_url(&url, image)).then_some(url)
}

/// Backticks enough to fence `node`'s text: one more than its longest run.
fn fence_for(tree: &Tree, node: NodeId, minimum: usize) -> String {
    let longest = tree
        .descendants(node)
        .filter_map(|id| tree.text(id))
        .map(longest_backtick_run)
        .max()
        .unwrap_or(0);
    "`".repeat(minimum.max(longest + 1))
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// An inline code element as one code span: the flattened text of its subtree (nested
/// elements give their text only, line breaks and block boundaries a space), whitespace
/// collapsed as HTML shows it, a fence longer than any backtick run inside, and a space
/// inside each fence when the text starts or ends with a backtick. In a GFM table `|` is
/// written `\|`; a `\` before a `|` cannot be (a row splitter may take `\\|` for an
/// escaped backslash and a cell border), so such code is written as escaped text. Also
/// whether the text started and ended with whitespace, which belongs outside the span.
/// `None` when there is no text.
fn code_span(tree: &Tree, node: NodeId, in_table: bool) -> (bool, Option<String>, bool) {
    let mut flat = String::new();
    walk(tree, node, |event| {
        match event {
            Event::Enter(id) => match &tree.node(id).data {
                NodeData::Text(text) => flat.push_str(text),
                NodeData::Element(element) if element.tag == Tag::Annotation => return false,
                NodeData::Element(element) if element.tag == Tag::Br || element.tag.is_block() => {
                    flat.push(' ')
                }
                NodeData::Element(_) => {}
            },
            Event::Exit(id) => {
                if tree.tag(id).is_some_and(Tag::is_block) {
                    flat.push(' ');
                }
            }
        }
        true
    });
    let space_before = flat.starts_with(is_space);
    let space_after = flat.ends_with(is_space);
    let words: Vec<&str> = flat.split(is_space).filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return (space_before || space_after, None, false);
    }
    let mut text = words.join(" ");
    if in_table {
        if text.contains("\\|") {
            return (space_before, Some(escape_inline(&text)), space_after);
        }
        text = text.replace('|', "\\|");
    }
    let fence = "`".repeat(longest_backtick_run(&text) + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    let span = format!("{fence}{pad}{text}{pad}{fence}");
    (space_before, Some(span), space_after)
}

/// What the Markdown document starts with: the title as its heading, then the byline and
/// date line.
#[derive(Default)]
pub struct Header<'a> {
    pub title: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub published_time: Option<&'a str>,
}

pub fn render(tree: &Tree, root: NodeId, header: &Header) -> String {
    let mut r = Renderer {
        tree,
        w: Writer::new(),
        lists: Vec::new(),
        pre_depth: 0,
        fence: String::new(),
        table_cells: Vec::new(),
        table_depth: 0,
        cell_depth: 0,
        skipped_heading: NONE,
        flat_captions: Vec::new(),
    };
    r.write_header(root, header);
    walk(tree, root, |event| match event {
        Event::Enter(node) => r.enter(node),
        Event::Exit(node) => {
            r.exit(node);
            true
        }
    });
    let mut out = r.w.out.trim().to_owned();
    out.push('\n');
    out
}

struct Renderer<'a> {
    tree: &'a Tree,
    w: Writer,
    /// Open lists: ordered or not, and the items so far.
    lists: Vec<(bool, usize)>,
    /// `<pre>` elements open, and the fence of the outermost one.
    pre_depth: usize,
    fence: String,
    table_cells: Vec<usize>,
    /// Open `<table>` and `<tr>` elements: their lines may be GFM table rows.
    table_depth: usize,
    /// Open table cells: a table inside one is flattened to text.
    cell_depth: usize,
    /// The article's first heading when it repeats the title written above it.
    skipped_heading: NodeId,
    /// Open captions written on their image's paragraph (each made the writer flat).
    flat_captions: Vec<NodeId>,
}

impl Renderer<'_> {
    fn write_header(&mut self, root: NodeId, header: &Header) {
        let Some(title) = header.title.filter(|t| !t.trim().is_empty()) else {
            return;
        };
        self.w.markup("# ");
        self.w.text(title);
        self.w.block(2);
        let date = header.published_time.map(date_part);
        let line: Vec<&str> = [header.byline, date]
            .into_iter()
            .flatten()
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .collect();
        if !line.is_empty() {
            self.w.text(&line.join(" · "));
            self.w.block(2);
        }
        let first_heading = self
            .tree
            .descendants(root)
            .find(|&id| {
                self.tree.tag(id).is_some_and(Tag::is_heading)
                    || self.tree.text(id).is_some_and(|t| !t.trim().is_empty())
            })
            .filter(|&id| self.tree.tag(id).is_some_and(Tag::is_heading));
        if let Some(heading) = first_heading {
            if same_words(&crate::measure::inner_text(self.tree, heading), title) {
                self.skipped_heading = heading;
            }
        }
    }

    /// Writes what opens `node`; returns whether its children are walked.
    fn enter(&mut self, node: NodeId) -> bool {
        let tree = self.tree;
        let element = match &tree.node(node).data {
            NodeData::Text(text) => {
                if self.pre_depth > 0 {
                    self.w.flush();
                    for (i, line) in text.split('\n').enumerate() {
                        if i > 0 {
                            self.w.new_line();
                        }
                        self.w.out.push_str(line);
                    }
                } else {
                    self.w.text(text);
                }
                return false;
            }
            NodeData::Element(element) => element,
        };
        let w = &mut self.w;
        let in_cell = self.cell_depth > 0;
        match element.attr(Attr::Markup) {
            Some(role::NOTE_REF) => {
                let number = element
                    .attr(Attr::Href)
                    .and_then(|href| href.strip_prefix("#fn-"))
                    .unwrap_or_default();
                w.inline_markup(&format!("[^{number}]"));
                return false;
            }
            Some(role::BACKLINK | role::CALLOUT_TITLE) => return false,
            _ => {}
        }
        match element.tag {
            _ if node == self.skipped_heading => return false,
            Tag::Math => {
                let tex = math::latex(tree, node);
                let display = math::is_display(tree, node);
                self.formula(&tex, display, || math::linear_text(tree, node));
                return false;
            }
            Tag::Li if w.flat_depth == 0 && note_number(element).is_some() => {
                w.block(2);
                let number = note_number(element).unwrap_or_default();
                w.open_container(&format!("[^{number}]: "), "    ".to_owned());
                w.at_container_start = true;
            }
            Tag::Blockquote if w.flat_depth == 0 && element.attr(Attr::Callout).is_some() => {
                w.block(2);
                w.open_container("> ", "> ".to_owned());
                let kind = element.attr(Attr::Callout).unwrap_or("note");
                w.out.push_str(&format!("[!{}]", kind.to_ascii_uppercase()));
                if let Some(title) =
                    callout_title(tree, node).filter(|t| !t.eq_ignore_ascii_case(kind))
                {
                    w.out.push(' ');
                    w.text(&title);
                }
                w.new_line();
                w.at_container_start = true;
            }
            tag if tag.is_heading() => {
                w.block(2);
                if w.flat_depth == 0 {
                    let level = (tag as usize - Tag::H1 as usize) + 1;
                    w.markup(&format!("{} ", "#".repeat(level)));
                }
            }
            Tag::Figcaption if follows_image(tree, node) && w.flat_depth == 0 => {
                // The caption stays with its image: one paragraph, a hard line break
                // between them.
                w.pending_breaks = 0;
                w.pending_space = false;
                w.flush();
                w.out.push_str("  ");
                w.new_line();
                w.flat_depth += 1;
                self.flat_captions.push(node);
            }
            tag if is_plain_block(tag) => w.block(2),
            Tag::Table | Tag::Tr | Tag::Td | Tag::Th if in_cell => {
                if element.tag.is_table_cell() {
                    self.cell_depth += 1;
                }
                w.pending_space = true;
            }
            Tag::Table => {
                w.block(2);
                self.table_depth += 1;
            }
            tag if tag.is_list() => {
                w.block(if self.lists.is_empty() { 2 } else { 1 });
                self.lists.push((tag == Tag::Ol, 0));
            }
            Tag::Li if w.flat_depth > 0 => w.pending_space = true,
            Tag::Li => {
                w.block(1);
                let marker = match self.lists.last_mut() {
                    Some((true, count)) => {
                        *count += 1;
                        format!("{count}. ")
                    }
                    _ => "- ".to_owned(),
                };
                let width = marker.len();
                w.open_container(&marker, " ".repeat(width));
                w.at_container_start = true;
            }
            Tag::Blockquote if w.flat_depth > 0 => w.pending_space = true,
            Tag::Blockquote => {
                w.block(2);
                w.open_container("> ", "> ".to_owned());
                w.at_container_start = true;
            }
            // A `<pre>` inside another is part of its text: a fence of its own would
            // close the outer one.
            Tag::Pre if self.pre_depth > 0 => {
                w.block(1);
                self.pre_depth += 1;
            }
            // A code block where no line break may go is a code span.
            Tag::Pre if w.flat_depth > 0 => return self.code_span(node),
            Tag::Pre => {
                w.block(2);
                self.fence = fence_for(tree, node, 3);
                w.markup(&self.fence);
                if let Some(language) = code_language(tree, node) {
                    w.out.push_str(language);
                }
                w.new_line();
                self.pre_depth += 1;
            }
            Tag::Code | Tag::Kbd | Tag::Samp if self.pre_depth == 0 => return self.code_span(node),
            Tag::Em | Tag::I if self.pre_depth == 0 => w.pending_open.push('*'),
            Tag::Strong | Tag::B if self.pre_depth == 0 => w.pending_open.push_str("**"),
            Tag::A if self.pre_depth == 0 && safe_url(element, Attr::Href, false).is_some() => {
                w.open_bracket()
            }
            Tag::Br if w.flat_depth > 0 => w.pending_space = true,
            Tag::Br => {
                w.flush();
                // Two trailing spaces make a hard line break; in code they would be
                // part of the text.
                if self.pre_depth == 0 {
                    w.out.push_str("  ");
                }
                w.new_line();
            }
            Tag::Hr if w.flat_depth > 0 => w.pending_space = true,
            Tag::Hr => {
                w.pending_breaks = 2;
                w.markup("---");
                w.pending_breaks = 2;
                w.after_block_end = true;
            }
            Tag::Img if is_formula_image(element) => {
                let alt = element.attr(Attr::Alt).unwrap_or("");
                let tex = math::image_tex(alt).unwrap_or_default();
                let display = hint_has_token(&element.hint, &["display"], false);
                self.formula(&tex, display, || alt.to_owned());
                return false;
            }
            Tag::Img => {
                if let Some(src) = safe_url(element, Attr::Src, true) {
                    let alt = escape_inline(element.attr(Attr::Alt).unwrap_or(""));
                    w.inline_markup(&format!("![{alt}]({})", destination(&src)));
                }
                return false;
            }
            Tag::Iframe => {
                if let Some(src) = safe_url(element, Attr::Src, false) {
                    w.block(2);
                    w.open_bracket();
                    w.out
                        .push_str(&format!("{}]({})", escape_inline(&src), destination(&src)));
                }
                return false;
            }
            Tag::Tr => {
                w.block(1);
                self.table_cells.push(0);
                self.table_depth += 1;
                w.markup("|");
            }
            Tag::Td | Tag::Th => {
                if let Some(count) = self.table_cells.last_mut() {
                    *count += 1;
                }
                w.markup(" ");
                w.flat_depth += 1;
                self.cell_depth += 1;
            }
            Tag::Annotation => return false,
            _ => {}
        }
        true
    }

    /// Writes what closes `node`.
    fn exit(&mut self, node: NodeId) {
        let tree = self.tree;
        let Some(element) = tree.element(node) else {
            return;
        };
        if element.attr(Attr::Markup).is_some() {
            return;
        }
        let w = &mut self.w;
        let nested_in_cell =
            self.cell_depth > 1 || (self.cell_depth > 0 && !element.tag.is_table_cell());
        match element.tag {
            _ if node == self.skipped_heading => {}
            tag if tag.is_heading() => {
                if w.flat_depth > 0 {
                    w.pending_space = true;
                } else {
                    w.pending_breaks = 2;
                }
            }
            Tag::Figcaption if self.flat_captions.last() == Some(&node) => {
                self.flat_captions.pop();
                w.flat_depth -= 1;
                w.block(2);
            }
            tag if is_plain_block(tag) => w.block(2),
            Tag::Table | Tag::Tr | Tag::Td | Tag::Th if nested_in_cell => {
                if element.tag.is_table_cell() {
                    self.cell_depth -= 1;
                }
                w.pending_space = true;
            }
            Tag::Table => {
                w.block(2);
                self.table_depth = self.table_depth.saturating_sub(1);
            }
            tag if tag.is_list() => {
                self.lists.pop();
                w.block(if self.lists.is_empty() { 2 } else { 1 });
            }
            Tag::Li if w.flat_depth > 0 => w.pending_space = true,
            Tag::Li => {
                w.close_container();
                w.block(1);
            }
            Tag::Blockquote if w.flat_depth > 0 => w.pending_space = true,
            Tag::Blockquote => {
                w.close_container();
                w.pending_breaks = 2;
            }
            Tag::Pre if self.pre_depth > 1 => {
                w.block(1);
                self.pre_depth -= 1;
            }
            Tag::Pre if self.pre_depth == 1 => {
                self.pre_depth = 0;
                if !w.at_line_start() {
                    w.new_line();
                }
                // The fence must end its line: nothing may follow it there.
                w.out.push_str(&self.fence);
                w.new_line();
                w.pending_breaks = 2;
                w.after_block_end = true;
            }
            Tag::Em | Tag::I if self.pre_depth == 0 => w.close("*"),
            Tag::Strong | Tag::B if self.pre_depth == 0 => w.close("**"),
            Tag::A if self.pre_depth == 0 => {
                if let Some(href) = safe_url(element, Attr::Href, false) {
                    w.close_inline(&format!("]({})", destination(&href)));
                }
            }
            Tag::Td | Tag::Th => {
                w.flat_depth = w.flat_depth.saturating_sub(1);
                self.cell_depth = self.cell_depth.saturating_sub(1);
                w.pending_space = false;
                w.out.push_str(" |");
            }
            Tag::Tr => {
                let cells = self.table_cells.pop().unwrap_or(0);
                self.table_depth = self.table_depth.saturating_sub(1);
                let first_row = is_first_row(tree, node);
                if first_row && cells > 0 {
                    w.new_line();
                    w.out.push('|');
                    for _ in 0..cells {
                        w.out.push_str(" --- |");
                    }
                }
                w.block(1);
                w.after_block_end = true;
            }
            _ => {}
        }
    }

    /// A formula as `$TeX$`, or `$$` lines around it for display math; as its `fallback`
    /// text when the TeX could not be written safely.
    fn formula(&mut self, tex: &str, display: bool, fallback: impl FnOnce() -> String) {
        let w = &mut self.w;
        let Some(tex) = markdown_tex(tex, self.table_depth > 0) else {
            w.text(&fallback());
            return;
        };
        if display && w.flat_depth == 0 {
            w.block(2);
            w.markup("$$");
            w.new_line();
            w.out.push_str(&tex);
            w.new_line();
            w.out.push_str("$$");
            w.block(2);
            w.after_block_end = true;
        } else {
            w.inline_markup(&format!("${tex}$"));
        }
    }

    /// An inline code element, or a code block where no line break may go, as one code
    /// span. Its children are not walked.
    fn code_span(&mut self, node: NodeId) -> bool {
        let (space_before, code, space_after) = code_span(self.tree, node, self.table_depth > 0);
        self.w.pending_space |= space_before;
        if let Some(code) = code {
            self.w.inline_markup(&code);
        }
        self.w.pending_space |= space_after;
        false
    }
}

/// A callout's title when it says more than the callout's kind.
fn callout_title(tree: &Tree, callout: NodeId) -> Option<String> {
    let title = tree.element_children(callout).find(|&id| {
        tree.element(id).and_then(|e| e.attr(Attr::Markup)) == Some(role::CALLOUT_TITLE)
    })?;
    let text = crate::measure::inner_text(tree, title);
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// TeX made safe for Markdown however it is rendered, math extension or not: on one line,
/// and with a space (which TeX ignores in math) breaking up what could open raw HTML, an
/// autolink, a character reference or a link (`<`, `&name;`, `](`, `]:`); `|` in a table
/// is `\vert`. `None` when it is empty or holds a backtick or a dollar sign, which no
/// spacing makes harmless.
fn markdown_tex(tex: &str, in_table: bool) -> Option<String> {
    let words: Vec<&str> = tex
        .split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect();
    let tex = words.join(" ");
    if tex.is_empty() || tex.contains(['`', '$']) {
        return None;
    }
    let mut out = String::with_capacity(tex.len() + 8);
    for (index, ch) in tex.char_indices() {
        let rest = &tex[index + ch.len_utf8()..];
        match ch {
            '|' if in_table => out.push_str("\\vert "),
            '<' => out.push_str("< "),
            '&' if starts_reference(rest) => out.push_str("& "),
            ']' if rest.starts_with(['(', ':']) => out.push_str("] "),
            _ => out.push(ch),
        }
    }
    Some(out)
}

/// An image that draws a formula and says its TeX in its alt text: class words naming math
/// or LaTeX (MATH_IMAGE_HINTS) and an alt text.
fn is_formula_image(element: &Element) -> bool {
    !element.hint.is_empty()
        && hint_has_token(&element.hint, MATH_IMAGE_HINTS, false)
        && element
            .attr(Attr::Alt)
            .is_some_and(|alt| !alt.trim().is_empty())
}

/// Blocks that write no markup of their own: a blank line before and after.
fn is_plain_block(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::P
            | Tag::Div
            | Tag::Section
            | Tag::Figure
            | Tag::Figcaption
            | Tag::Dl
            | Tag::Dd
            | Tag::Dt
            | Tag::Article
            | Tag::Main
            | Tag::Header
            | Tag::Details
            | Tag::Summary
    )
}

/// Whether a figure caption comes after its figure's image: they are written as one unit.
fn follows_image(tree: &Tree, caption: NodeId) -> bool {
    let figure = tree.parent(caption);
    tree.is_tag(figure, Tag::Figure)
        && tree
            .descendants(figure)
            .take_while(|&id| id != caption)
            .any(|id| tree.is_tag(id, Tag::Img))
}

/// The language a code block was marked with (by the markup phase), for its fence.
fn code_language(tree: &Tree, pre: NodeId) -> Option<&str> {
    std::iter::once(pre)
        .chain(tree.element_children(pre))
        .find_map(|id| tree.element(id)?.attr(Attr::CodeLanguage))
}

/// The date of an ISO 8601 timestamp (`2026-03-01T10:00:00Z` gives `2026-03-01`); other
/// forms as they are.
fn date_part(time: &str) -> &str {
    let time = time.trim();
    match time.get(..10) {
        Some(date)
            if date.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            }) =>
        {
            date
        }
        _ => time,
    }
}

/// Whether two texts have the same words, ignoring case and punctuation around them.
fn same_words(a: &str, b: &str) -> bool {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(crate::text::lower_case)
            .collect()
    };
    let a = words(a);
    !a.is_empty() && a == words(b)
}

fn is_first_row(tree: &Tree, row: NodeId) -> bool {
    let mut table = tree.parent(row);
    while table != NONE && !tree.is_tag(table, Tag::Table) {
        table = tree.parent(table);
    }
    table != NONE && tree.descendants(table).find(|&id| tree.is_tag(id, Tag::Tr)) == Some(row)
}

#[cfg(test)]
mod tests {
    use crate::{clean, Options};

    const FILLER: &str = "The harbour board voted on Wednesday evening to run a six-month trial \
        of night ferries between the mainland and the two northern islands, ending a campaign \
        by shift workers, hospital staff and publicans that has lasted for almost a decade.";

    /// The Markdown from `BEFORE` to `AFTER` of an article whose third paragraph is
    /// `BEFORE {fragment} AFTER`, cleaned without a page URL (relative URLs stay relative).
    fn markdown(fragment: &str) -> String {
        let html = format!(
            "<html><head><title>T</title></head><body><article><h1>T</h1><p>{FILLER}</p>\
             <p>{FILLER}</p><p>BEFORE {fragment} AFTER</p><p>{FILLER}</p></article></body></html>"
        );
        let options = Options {
            output_markdown: true,
            ..Options::default()
        };
        let markdown = clean(&html, &options)
            .expect("an article")
            .markdown
            .expect("markdown");
        let start = markdown.find("BEFORE").expect("BEFORE in the markdown");
        let end = markdown.find("AFTER").expect("AFTER in the markdown") + "AFTER".len();
        markdown[start..end].to_owned()
    }

    #[test]
    fn alt_text_is_escaped_and_on_one_line() {
        assert_eq!(
            markdown("<img src=\"/a.jpg\" alt=\"<script>x()</script>\n[a] *b* \\ `c`\">"),
            "BEFORE ![\\<script\\>x()\\</script\\> \\[a\\] \\*b\\* \\\\ \\`c\\`](/a.jpg) AFTER"
        );
    }

    #[test]
    fn link_text_is_escaped() {
        assert_eq!(
            markdown("<a href=\"/x\">&lt;b&gt; [t] _u_ | #</a>"),
            "BEFORE [\\<b\\> \\[t\\] \\_u\\_ \\| \\#](/x) AFTER"
        );
    }

    #[test]
    fn text_escapes_html_references_and_tildes() {
        assert_eq!(
            markdown("&lt;script&gt; &amp;copy; &amp;#60; a &amp; b ~5 km"),
            "BEFORE \\<script\\> \\&copy; \\&\\#60; a & b \\~5 km AFTER"
        );
    }

    #[test]
    fn a_bare_greater_than_sign_at_the_end_of_a_block_is_kept() {
        assert_eq!(
            markdown("a -&gt;</p><p>b -&gt;"),
            "BEFORE a -\\>\n\nb -\\> AFTER"
        );
    }

    #[test]
    fn nested_code_elements_give_their_text_only() {
        assert_eq!(
            markdown("<code>a<code>&lt;s&gt;</code>b</code>"),
            "BEFORE `a<s>b` AFTER"
        );
        assert_eq!(
            markdown("<kbd>k<code>&lt;s&gt;</code><em>e</em></kbd>"),
            "BEFORE `k<s>e` AFTER"
        );
    }

    #[test]
    fn inline_code_never_spans_lines_or_blocks() {
        assert_eq!(
            markdown("<code>a<br><br>&lt;s&gt;\nb</code>"),
            "BEFORE `a <s> b` AFTER"
        );
        for block in [
            "<h2>&lt;s&gt;</h2>",
            "<blockquote>&lt;s&gt;</blockquote>",
            "<table><tr><td>&lt;s&gt;</td><td>b</td></tr></table>",
        ] {
            let markdown = markdown(&format!("</p><div><code>a{block}</code></div><p>"));
            assert!(
                markdown.contains("`a <s>`") || markdown.contains("`a <s> b`"),
                "{block}: {markdown}"
            );
            assert!(
                !markdown
                    .lines()
                    .any(|line| line.starts_with(['#', '>', '|'])),
                "{block}: {markdown}"
            );
        }
    }

    #[test]
    fn code_whitespace_collapses_and_edges_go_outside_the_span() {
        assert_eq!(
            markdown("x<code> a \n  b </code>y"),
            "BEFORE x `a b` y AFTER"
        );
        assert_eq!(markdown("x<code> </code>y"), "BEFORE x y AFTER");
    }

    #[test]
    fn code_fence_is_longer_than_any_backtick_run() {
        assert_eq!(markdown("<code>a``b`c</code>"), "BEFORE ```a``b`c``` AFTER");
    }

    #[test]
    fn code_with_a_backtick_at_an_edge_is_padded() {
        assert_eq!(
            markdown("<code>&lt;s&gt;`</code>"),
            "BEFORE `` <s>` `` AFTER"
        );
        assert_eq!(
            markdown("<code>`&lt;s&gt;</code>"),
            "BEFORE `` `<s> `` AFTER"
        );
    }

    #[test]
    fn code_in_a_table_escapes_pipes() {
        let table = |code: &str| {
            markdown(&format!(
                "</p><table><tr><th>h</th></tr><tr><td><code>{code}</code></td></tr></table><p>"
            ))
        };
        assert!(table("a|&lt;s&gt;").contains("| `a\\|<s>` |"));
        // `\\|` would be split as an escaped backslash and a cell border: text instead.
        assert!(table("a\\|&lt;s&gt;").contains("| a\\\\\\|\\<s\\> |"));
    }

    #[test]
    fn pre_nested_in_pre_writes_no_fence() {
        let markdown = markdown("</p><pre>x<pre>&lt;s&gt;</pre>y</pre><p>");
        assert_eq!(markdown, "BEFORE\n\n```\nx\n<s>\ny\n```\n\nAFTER");
    }

    #[test]
    fn nothing_follows_a_closing_fence_on_its_line() {
        // An emphasis or link closer, or a table border, after the fence would keep the
        // code block open to the end of the document.
        for fragment in [
            "<em>a<pre>b</pre></em>",
            "<a href=\"/u\">a<pre>b</pre></a>",
            "</p><table><tr><td><pre>b</pre></td></tr></table><p>",
        ] {
            let markdown = markdown(fragment);
            assert!(markdown.contains("\n```\n"), "{fragment}: {markdown}");
            assert!(
                markdown
                    .lines()
                    .all(|line| !line.starts_with("```") || line == "```"),
                "{fragment}: {markdown}"
            );
        }
    }

    #[test]
    fn line_breaks_in_pre_add_no_trailing_spaces() {
        assert_eq!(
            markdown("</p><pre>a<br>b</pre><p>"),
            "BEFORE\n\n```\na\nb\n```\n\nAFTER"
        );
    }

    #[test]
    fn destinations_escape_what_could_be_decoded() {
        assert_eq!(
            markdown("<a href=\"&amp;#106;avascript:x\">l</a>"),
            "BEFORE [l](\\&#106;avascript:x) AFTER"
        );
        assert_eq!(
            markdown("<a href=\"java&amp;Tab;script:x\">l</a>"),
            "BEFORE [l](java\\&Tab;script:x) AFTER"
        );
        assert_eq!(
            markdown("<img src=\"/a.jpg?x=1&amp;y=2&amp;z\" alt=\"\">"),
            "BEFORE ![](/a.jpg?x=1&y=2&z) AFTER"
        );
    }

    #[test]
    fn destinations_percent_encode_delimiters_whitespace_and_controls() {
        assert_eq!(
            markdown("<a href=\"/a b(c)`|&lt;&gt;[]&quot;\\\">l</a>"),
            "BEFORE [l](/a%20b%28c%29%60%7C%3C%3E%5B%5D%22%5C) AFTER"
        );
        assert_eq!(
            markdown("<a href=\"/a\u{7f}b\u{85}c\">l</a>"),
            "BEFORE [l](/a%7Fb%C2%85c) AFTER"
        );
    }

    #[test]
    fn a_backtick_in_a_destination_opens_no_code_span() {
        assert_eq!(
            markdown("<a href=\"/a`\">l</a> <code>&lt;s&gt;</code>"),
            "BEFORE [l](/a%60) `<s>` AFTER"
        );
    }

    #[test]
    fn a_link_without_a_destination_writes_no_brackets() {
        assert_eq!(
            markdown("<a>click</a>(javascript:alert(1))"),
            "BEFORE click(javascript:alert(1)) AFTER"
        );
    }

    #[test]
    fn an_exclamation_mark_before_a_link_is_escaped() {
        assert_eq!(
            markdown("Wow!<a href=\"/x\">l</a>"),
            "BEFORE Wow\\![l](/x) AFTER"
        );
    }

    #[test]
    fn emphasis_keeps_spaces_outside_and_drops_empty_elements() {
        assert_eq!(
            markdown("x<em> a </em>b<strong></strong> c <b>d<i></i></b>"),
            "BEFORE x *a* b c **d** AFTER"
        );
    }
}
