//! Phase 11, markup: what the author wrote, kept as written. Footnotes stay linked (with ids
//! of our own), code keeps its language and loses the highlighter's line numbers and
//! buttons, callouts say their kind. Math is kept as MathML at ingest; `math` gives its
//! LaTeX and readable text to the renderers.

mod callouts;
mod code;
mod footnotes;
pub mod math;

use crate::explain::Trace;
use crate::measure::inner_text;
use crate::patterns::TEX_DELIMITED_MAX_CHARS;
use crate::tree::{Attr, Element, NodeId, Tag, Tree};

/// What a generated element is for ([`crate::tree::Attr::Markup`]).
pub mod role {
    /// A footnote reference: `<a href="#fn-1" id="fnref-1">`.
    pub const NOTE_REF: &str = "noteref";
    /// The list of notes at the article's end.
    pub const ENDNOTES: &str = "endnotes";
    /// A note's link back to its reference.
    pub const BACKLINK: &str = "backlink";
    /// A callout's title ("Note", "Warning"), written by the Markdown as `[!NOTE]`.
    pub const CALLOUT_TITLE: &str = "callout-title";
}

pub fn keep_markup(tree: &mut Tree, article: NodeId, trace: &mut Trace) {
    delimited_tex(tree, article);
    show_tex_sources(tree, article);
    code::keep_code(tree, article, trace);
    footnotes::keep_footnotes(tree, article, trace);
    callouts::mark_callouts(tree, article);
}

/// A formula known only by its TeX (MathJax's source script) shows that source: a browser
/// draws a `<semantics>`' first child, never its annotation.
fn show_tex_sources(tree: &mut Tree, article: NodeId) {
    let bare: Vec<NodeId> = tree
        .descendants(article)
        .filter(|&id| {
            tree.is_tag(id, Tag::Semantics)
                && tree
                    .element_children(id)
                    .next()
                    .is_some_and(|first| tree.is_tag(first, Tag::Annotation))
        })
        .collect();
    for semantics in bare {
        let Some(annotation) = tree.element_children(semantics).next() else {
            continue;
        };
        let source = inner_text(tree, annotation);
        let shown = tree.new_element(Element::new(Tag::Mtext));
        let text = tree.new_text(source);
        tree.append_child(shown, text);
        tree.insert_before(annotation, shown);
    }
}

/// TeX written in the text between `\(` and `\)` (inline) or `\[` and `\]` (display), as
/// MathJax and KaTeX read it before they typeset the page: a formula with its TeX as the
/// annotation. Not inside code, where the delimiters are the code's.
fn delimited_tex(tree: &mut Tree, article: NodeId) {
    let texts: Vec<NodeId> = tree
        .descendants(article)
        .filter(|&id| {
            tree.text(id)
                .is_some_and(|text| text.contains("\\(") || text.contains("\\["))
                && !tree.ancestors(id).any(|a| {
                    tree.tag(a).is_some_and(|tag| {
                        matches!(tag, Tag::Pre | Tag::Code | Tag::Kbd | Tag::Samp) || tag.is_math()
                    })
                })
        })
        .collect();
    for node in texts {
        let text = tree.text(node).unwrap_or_default().to_owned();
        let mut pieces: Vec<(String, Option<bool>)> = Vec::new();
        let mut rest = text.as_str();
        while let Some((start, display)) = next_opener(rest) {
            let closer = if display { "\\]" } else { "\\)" };
            let body = &rest[start + 2..];
            let Some(end) = body.find(closer) else {
                break;
            };
            let tex = body[..end].trim();
            if tex.is_empty() || tex.chars().count() > TEX_DELIMITED_MAX_CHARS {
                break;
            }
            pieces.push((rest[..start].to_owned(), None));
            pieces.push((tex.to_owned(), Some(display)));
            rest = &body[end + 2..];
        }
        if pieces.is_empty() {
            continue;
        }
        pieces.push((rest.to_owned(), None));
        for (piece, formula) in pieces {
            let new = match formula {
                Some(display) => tex_formula(tree, &piece, display),
                None if piece.is_empty() => continue,
                None => tree.new_text(piece),
            };
            tree.insert_before(node, new);
        }
        tree.detach(node);
    }
}

/// Where the next `\(` or `\[` opens, and whether it is display math.
fn next_opener(text: &str) -> Option<(usize, bool)> {
    let inline = text.find("\\(");
    let display = text.find("\\[");
    match (inline, display) {
        (Some(i), Some(d)) if d < i => Some((d, true)),
        (Some(i), _) => Some((i, false)),
        (None, Some(d)) => Some((d, true)),
        (None, None) => None,
    }
}

/// `<math><semantics><annotation encoding="application/x-tex">`: a formula known by its TeX
/// (shown by `show_tex_sources`).
fn tex_formula(tree: &mut Tree, tex: &str, display: bool) -> NodeId {
    let mut math = Element::new(Tag::Math);
    if display {
        math.set_attr(Attr::Display, "block".to_owned());
    }
    let math = tree.new_element(math);
    let semantics = tree.new_element(Element::new(Tag::Semantics));
    tree.append_child(math, semantics);
    let mut annotation = Element::new(Tag::Annotation);
    annotation.set_attr(Attr::Encoding, "application/x-tex".to_owned());
    let annotation = tree.new_element(annotation);
    tree.append_child(semantics, annotation);
    let source = tree.new_text(tex.to_owned());
    tree.append_child(annotation, source);
    math
}
