//! Phase 11, markup: what the author wrote, kept as written. Footnotes stay linked (with ids
//! of our own), code keeps its language and loses the highlighter's line numbers and
//! buttons, callouts say their kind. Math is kept as MathML at ingest; `math` gives its
//! LaTeX and readable text to the renderers.

mod callouts;
mod code;
mod footnotes;

use crate::explain::Trace;
use crate::tree::{NodeId, Tree};

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
    code::keep_code(tree, article, trace);
    footnotes::keep_footnotes(tree, article, trace);
    callouts::mark_callouts(tree, article);
}
