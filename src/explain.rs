//! Explain mode: which rule removed what, and why the winner won.
//!
//! Phases report to a trace. When explain mode is off the trace is off and every report
//! is one untaken branch, so output and speed are unchanged; when it is on, the reports never
//! change the tree, so `content`, `textContent` and `markdown` are byte-identical.

use serde::{Deserialize, Serialize};

use crate::measure::is_whitespace_node;
use crate::patterns::{EXPLAIN_PATH_DEPTH, EXPLAIN_TEXT_CHARS};
use crate::rules::Rule;
use crate::tree::{Attr, NodeData, NodeId, Tag, Tree, NONE};

/// Why the article is what it is (the result's `explain`, with the `explain` option).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Explain {
    /// One entry per subtree taken out of the page or the winner, in document order.
    pub removed: Vec<Removal>,
    /// The top-scoring candidates of the attempt that succeeded, best first.
    pub candidates: Vec<Candidate>,
    /// How the winner was chosen from the top candidate, step by step.
    pub winner: Vec<Step>,
    /// The scoring attempt that succeeded and the rules in force in it.
    pub retry: Retry,
}

/// A subtree a rule removed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Removal {
    /// The rule's stable name (`precision.related-links`).
    pub rule: String,
    /// The phase that applied it (`precision`).
    pub phase: String,
    /// A short path to the element: `article > div.related-coverage`.
    pub path: String,
    /// The start of its text (collapsed whitespace).
    pub text: String,
    /// Characters of its text.
    pub text_length: usize,
}

/// A scored candidate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    pub path: String,
    /// Final score (after the link-density scaling).
    pub score: f64,
    pub text_length: usize,
    pub link_density: f64,
    /// The adjustments that make up the score, in the order they apply.
    pub reasons: Vec<Reason>,
    /// The top candidate (the winner starts from it; see `winner`).
    pub top: bool,
}

/// One score adjustment: points added, or a factor the score is multiplied by. (Numbers,
/// not text: formatting floats would cost the wasm its float printer.)
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    pub rule: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub multiply: Option<f64>,
}

/// One step from the top candidate to the article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Step {
    pub rule: String,
    pub path: String,
}

/// The attempt that succeeded (1 = the strictest rules) and its flags.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Retry {
    pub attempt: usize,
    pub strip_unlikely: bool,
    pub weight_classes: bool,
    pub clean_conditionally: bool,
}

/// What the phases report. Off: every method returns at once.
#[derive(Debug, Default)]
pub(crate) struct Trace {
    on: bool,
    /// (document-order key, sequence, entry): sorted at the end.
    removed: Vec<(NodeId, usize, Removal)>,
    /// An ingest removal still collecting the text of its subtree.
    open_drop: Option<usize>,
    pub candidates: Vec<Candidate>,
    pub winner: Vec<Step>,
}

impl Trace {
    pub fn new(on: bool) -> Self {
        Trace {
            on,
            ..Trace::default()
        }
    }

    #[inline]
    pub fn is_on(&self) -> bool {
        self.on
    }

    /// Records that `rule` takes `node`'s subtree out; call it before the node moves.
    #[inline]
    pub fn removing(&mut self, tree: &Tree, node: NodeId, rule: Rule) {
        if self.on {
            self.record(tree, node, rule);
        }
    }

    /// Records and detaches.
    #[inline]
    pub fn remove(&mut self, tree: &mut Tree, node: NodeId, rule: Rule) {
        self.removing(tree, node, rule);
        tree.detach(node);
    }

    fn record(&mut self, tree: &Tree, node: NodeId, rule: Rule) {
        let text = spaced_text(tree, node);
        // Nodes are numbered in document order at ingest; a node made later (a wrapper)
        // sorts by the first original node inside it.
        let key = std::iter::once(node)
            .chain(tree.descendants(node))
            .min()
            .unwrap_or(node);
        self.push(key, rule, path(tree, node), &text);
    }

    fn push(&mut self, key: NodeId, rule: Rule, path: String, text: &str) -> usize {
        let sequence = self.removed.len();
        self.removed.push((
            key,
            sequence,
            Removal {
                rule: rule.name().to_owned(),
                phase: rule.phase().name().to_owned(),
                path,
                text: preview(text),
                text_length: text.chars().count(),
            },
        ));
        sequence
    }

    /// Records what lies around the article as `rule`: the other children of `ancestor` and
    /// of each of its ancestors, one entry per subtree. `kept` is the child of `ancestor` that
    /// held the article (`NONE` once it has been moved out).
    pub fn outside(&mut self, tree: &Tree, ancestor: NodeId, kept: NodeId, rule: Rule) {
        if !self.on {
            return;
        }
        let (mut ancestor, mut kept) = (ancestor, kept);
        while ancestor != NONE {
            for child in tree.children(ancestor) {
                if child != kept && !is_whitespace_node(tree, child) {
                    self.record(tree, child, rule);
                }
            }
            kept = ancestor;
            ancestor = tree.parent(ancestor);
        }
    }

    /// Ingest drops a subtree that never enters the tree: `next_node` is the id the next
    /// stored node gets (its place in document order); its text follows through
    /// [`Trace::dropped_text`] until [`Trace::end_drop`].
    pub fn dropping(&mut self, next_node: NodeId, rule: Rule, path: String) {
        if self.on && rule != Rule::IngestNonContent {
            self.open_drop = Some(self.push(next_node, rule, path, ""));
        }
    }

    /// Text inside the subtree being dropped at ingest.
    pub fn dropped_text(&mut self, text: &str) {
        let Some(index) = self.open_drop else {
            return;
        };
        let entry = &mut self.removed[index].2;
        let mut collapsed = String::new();
        crate::text::collapse_whitespace_into(text, &mut collapsed);
        let collapsed = if entry.text.is_empty() {
            collapsed.trim_start()
        } else {
            collapsed.as_str()
        };
        entry.text_length += collapsed.chars().count();
        if entry.text.chars().count() < EXPLAIN_TEXT_CHARS {
            entry.text.push_str(collapsed);
            entry.text = preview(&entry.text);
        }
    }

    pub fn end_drop(&mut self) {
        if let Some(index) = self.open_drop.take() {
            let entry = &mut self.removed[index].2;
            let trimmed = entry.text.trim_end().len();
            entry.text_length -= entry.text.len() - trimmed;
            entry.text.truncate(trimmed);
        }
    }

    /// A trace for one scoring attempt: what ingest and prepare removed, then the attempt's own.
    pub fn fork(&self) -> Trace {
        Trace {
            on: self.on,
            removed: self.removed.clone(),
            ..Trace::default()
        }
    }

    pub fn finish(mut self, retry: Retry) -> Option<Explain> {
        if !self.on {
            return None;
        }
        self.removed
            .sort_by_key(|(key, sequence, _)| (*key, *sequence));
        Some(Explain {
            removed: self
                .removed
                .into_iter()
                .map(|(_, _, entry)| entry)
                .collect(),
            candidates: self.candidates,
            winner: self.winner,
            retry,
        })
    }
}

/// The text of a subtree with a space between text nodes, so that a preview of a link list
/// reads "World Business Markets", not "WorldBusinessMarkets".
fn spaced_text(tree: &Tree, node: NodeId) -> String {
    let mut joined = String::new();
    for id in std::iter::once(node).chain(tree.descendants(node)) {
        if let NodeData::Text(text) = &tree.node(id).data {
            joined.push_str(text);
            joined.push(' ');
        }
    }
    let mut collapsed = String::new();
    crate::text::collapse_whitespace_into(&joined, &mut collapsed);
    collapsed.trim().to_owned()
}

/// The first characters of a text, on a character boundary, with an ellipsis if cut.
fn preview(text: &str) -> String {
    match text.char_indices().nth(EXPLAIN_TEXT_CHARS) {
        Some((at, _)) => format!("{}…", text[..at].trim_end()),
        None => text.to_owned(),
    }
}

/// `tag#id` or `tag.first-class`.
pub(crate) fn describe(tree: &Tree, node: NodeId) -> String {
    match &tree.node(node).data {
        NodeData::Text(_) => "#text".to_owned(),
        NodeData::Element(element) => describe_element(
            element.tag,
            element.attr(Attr::Id),
            element.attr(Attr::Class),
        ),
    }
}

pub(crate) fn describe_element(tag: Tag, id: Option<&str>, class: Option<&str>) -> String {
    let name = tag.name();
    if let Some(id) = id.map(str::trim).filter(|id| !id.is_empty()) {
        return format!("{name}#{id}");
    }
    match class.and_then(|class| class.split_whitespace().next()) {
        Some(class) => format!("{name}.{class}"),
        None => name.to_owned(),
    }
}

/// The node and up to [`EXPLAIN_PATH_DEPTH`] - 1 of its ancestors, outermost first.
pub(crate) fn path(tree: &Tree, node: NodeId) -> String {
    let mut parts = vec![describe(tree, node)];
    let mut current = tree.parent(node);
    while current != NONE && parts.len() < EXPLAIN_PATH_DEPTH {
        parts.push(describe(tree, current));
        current = tree.parent(current);
    }
    parts.reverse();
    parts.join(" > ")
}
