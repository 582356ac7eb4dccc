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
use crate::tree::{Element, NodeId, Tag, Tree};

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
