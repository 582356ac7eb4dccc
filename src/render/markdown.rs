//! Markdown (CommonMark with GFM tables) of the article.

use super::{walk, Event};
use crate::tree::{Attr, NodeData, NodeId, Tag, Tree, NONE};
use crate::url::{clean_url, is_safe_url};

struct Writer {
    out: String,
    pending_breaks: usize,
    pending_space: bool,
    quote_depth: usize,
}

impl Writer {
    fn new_line(&mut self) {
        self.out.push('\n');
        for _ in 0..self.quote_depth {
            self.out.push_str("> ");
        }
    }

    fn flush(&mut self) {
        if self.out.is_empty() {
            self.pending_breaks = 0;
            self.pending_space = false;
            for _ in 0..self.quote_depth {
                self.out.push_str("> ");
            }
            return;
        }
        if self.pending_breaks > 0 {
            let kept = self.out.trim_end_matches([' ', '>']).len();
            self.out.truncate(kept);
            let existing = self.out.len() - self.out.trim_end_matches('\n').len();
            for _ in existing..self.pending_breaks {
                self.new_line();
            }
            if existing >= self.pending_breaks {
                for _ in 0..self.quote_depth {
                    self.out.push_str("> ");
                }
            }
            self.pending_breaks = 0;
            self.pending_space = false;
        } else if self.pending_space {
            if !self.out.ends_with([' ', '\n']) {
                self.out.push(' ');
            }
            self.pending_space = false;
        }
    }

    fn markup(&mut self, text: &str) {
        self.flush();
        self.out.push_str(text);
    }

    /// Writes text; `literal` inside code spans, where Markdown shows backslashes as is.
    fn text(&mut self, text: &str, literal: bool) {
        for ch in text.chars() {
            if ch.is_whitespace() && ch != '\u{A0}' {
                self.pending_space = true;
                continue;
            }
            self.flush();
            if !literal
                && matches!(
                    ch,
                    '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
                )
            {
                self.out.push('\\');
            }
            self.out.push(ch);
        }
    }
}

/// A URL as a Markdown link destination: characters that could end it or open markup
/// are percent-encoded, so a hostile URL cannot smuggle in a second link or raw HTML.
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for ch in url.chars() {
        match ch {
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '[' => out.push_str("%5B"),
            ']' => out.push_str("%5D"),
            '"' => out.push_str("%22"),
            '\\' => out.push_str("%5C"),
            c if c.is_whitespace() => out.push_str("%20"),
            c => out.push(c),
        }
    }
    out
}

/// Backticks enough to fence `node`'s text: one more than its longest run.
fn fence_for(tree: &Tree, node: NodeId, minimum: usize) -> String {
    let longest = tree
        .descendants(node)
        .filter_map(|id| tree.text(id))
        .flat_map(|text| text.split(|c| c != '`'))
        .map(str::len)
        .max()
        .unwrap_or(0);
    "`".repeat(minimum.max(longest + 1))
}

pub fn render(tree: &Tree, root: NodeId) -> String {
    let mut w = Writer {
        out: String::new(),
        pending_breaks: 0,
        pending_space: false,
        quote_depth: 0,
    };
    let mut lists: Vec<(bool, usize)> = Vec::new();
    let mut pre_depth = 0usize;
    let mut fences: Vec<String> = Vec::new();
    let mut table_cells: Vec<usize> = Vec::new();
    walk(tree, root, |event| match event {
        Event::Enter(node) => {
            let element = match &tree.node(node).data {
                NodeData::Text(text) => {
                    if pre_depth > 0 {
                        w.flush();
                        for (i, line) in text.split('\n').enumerate() {
                            if i > 0 {
                                w.new_line();
                            }
                            w.out.push_str(line);
                        }
                    } else {
                        w.text(text, !fences.is_empty());
                    }
                    return false;
                }
                NodeData::Element(element) => element,
            };
            match element.tag {
                tag if tag.is_heading() => {
                    w.pending_breaks = w.pending_breaks.max(2);
                    let level = (tag as usize - Tag::H1 as usize) + 1;
                    w.markup(&format!("{} ", "#".repeat(level)));
                }
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
                | Tag::Table => w.pending_breaks = w.pending_breaks.max(2),
                Tag::Ul | Tag::Ol => {
                    w.pending_breaks = w.pending_breaks.max(if lists.is_empty() { 2 } else { 1 });
                    lists.push((element.tag == Tag::Ol, 0));
                }
                Tag::Li => {
                    w.pending_breaks = w.pending_breaks.max(1);
                    let indent = "   ".repeat(lists.len().saturating_sub(1));
                    let marker = match lists.last_mut() {
                        Some((true, count)) => {
                            *count += 1;
                            format!("{indent}{count}. ")
                        }
                        _ => format!("{indent}- "),
                    };
                    w.markup(&marker);
                }
                Tag::Blockquote => {
                    w.pending_breaks = w.pending_breaks.max(2);
                    w.flush();
                    w.quote_depth += 1;
                    w.out.push_str("> ");
                }
                Tag::Pre => {
                    w.pending_breaks = w.pending_breaks.max(2);
                    let fence = fence_for(tree, node, 3);
                    w.markup(&fence);
                    w.new_line();
                    fences.push(fence);
                    pre_depth += 1;
                }
                Tag::Code | Tag::Kbd | Tag::Samp if pre_depth == 0 => {
                    let fence = fence_for(tree, node, 1);
                    w.markup(&fence);
                    fences.push(fence);
                }
                Tag::Em | Tag::I => w.markup("*"),
                Tag::Strong | Tag::B => w.markup("**"),
                Tag::A => w.markup("["),
                Tag::Br => {
                    w.flush();
                    w.out.push_str("  ");
                    w.new_line();
                }
                Tag::Hr => {
                    w.pending_breaks = 2;
                    w.markup("---");
                    w.pending_breaks = 2;
                }
                Tag::Img => {
                    let src = element.attr(Attr::Src).map(clean_url).unwrap_or_default();
                    if !src.is_empty() && is_safe_url(&src, true) {
                        let alt = element
                            .attr(Attr::Alt)
                            .unwrap_or("")
                            .replace(['[', ']', '\\'], "");
                        w.markup(&format!("![{alt}]({})", destination(&src)));
                    }
                    return false;
                }
                Tag::Iframe => {
                    let src = element.attr(Attr::Src).map(clean_url).unwrap_or_default();
                    if is_safe_url(&src, false) {
                        w.pending_breaks = w.pending_breaks.max(2);
                        w.markup(&format!("[{}]({})", destination(&src), destination(&src)));
                    }
                    return false;
                }
                Tag::Tr => {
                    w.pending_breaks = w.pending_breaks.max(1);
                    table_cells.push(0);
                    w.markup("|");
                }
                Tag::Td | Tag::Th => {
                    if let Some(count) = table_cells.last_mut() {
                        *count += 1;
                    }
                    w.markup(" ");
                }
                Tag::Annotation => return false,
                _ => {}
            }
            true
        }
        Event::Exit(node) => {
            let Some(element) = tree.element(node) else {
                return true;
            };
            match element.tag {
                tag if tag.is_heading() => w.pending_breaks = 2,
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
                | Tag::Table => w.pending_breaks = w.pending_breaks.max(2),
                Tag::Ul | Tag::Ol => {
                    lists.pop();
                    w.pending_breaks = w.pending_breaks.max(if lists.is_empty() { 2 } else { 1 });
                }
                Tag::Li => w.pending_breaks = w.pending_breaks.max(1),
                Tag::Blockquote => {
                    w.quote_depth = w.quote_depth.saturating_sub(1);
                    w.pending_breaks = 2;
                }
                Tag::Pre => {
                    pre_depth -= 1;
                    if !w.out.ends_with('\n') {
                        w.new_line();
                    }
                    let fence = fences.pop().unwrap_or_default();
                    w.out.push_str(&fence);
                    w.pending_breaks = 2;
                }
                Tag::Code | Tag::Kbd | Tag::Samp if pre_depth == 0 => {
                    let fence = fences.pop().unwrap_or_default();
                    w.out.push_str(&fence);
                }
                Tag::Em | Tag::I => w.out.push('*'),
                Tag::Strong | Tag::B => w.out.push_str("**"),
                Tag::A => {
                    let href = element.attr(Attr::Href).map(clean_url).unwrap_or_default();
                    if !href.is_empty() && is_safe_url(&href, false) {
                        w.out.push_str(&format!("]({})", destination(&href)));
                    } else {
                        w.out.push(']');
                    }
                }
                Tag::Td | Tag::Th => w.out.push_str(" |"),
                Tag::Tr => {
                    let cells = table_cells.pop().unwrap_or(0);
                    let first_row = is_first_row(tree, node);
                    if first_row && cells > 0 {
                        w.new_line();
                        w.out.push('|');
                        for _ in 0..cells {
                            w.out.push_str(" --- |");
                        }
                    }
                    w.pending_breaks = w.pending_breaks.max(1);
                }
                _ => {}
            }
            true
        }
    });
    let mut out = w.out.trim().to_owned();
    out.push('\n');
    out
}

fn is_first_row(tree: &Tree, row: NodeId) -> bool {
    let mut table = tree.parent(row);
    while table != NONE && !tree.is_tag(table, Tag::Table) {
        table = tree.parent(table);
    }
    table != NONE && tree.descendants(table).find(|&id| tree.is_tag(id, Tag::Tr)) == Some(row)
}
