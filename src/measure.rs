//! Measurements over the tree that scoring and clean-up share: text, link density,
//! class weight, tag counts.

use crate::patterns::{
    CLASS_WEIGHT, HASH_LINK_WEIGHT, NEGATIVE_HINTS, NEGATIVE_WORDS, POSITIVE_HINTS,
    THREAD_POST_HINTS,
};
use crate::text::{has_word, hint_has_token, lower_case};
use crate::tree::{Attr, NodeData, NodeId, Tag, Tree};

/// The element's text, trimmed, with whitespace runs collapsed (Readability's innerText).
pub fn inner_text(tree: &Tree, node: NodeId) -> String {
    let mut out = String::new();
    for id in std::iter::once(node).chain(tree.descendants(node)) {
        if let NodeData::Text(text) = &tree.node(id).data {
            crate::text::collapse_whitespace_into(text, &mut out);
        }
    }
    let trimmed = out.trim();
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_owned()
    }
}

/// Characters of [`inner_text`], without building it.
pub fn text_len(tree: &Tree, node: NodeId) -> usize {
    text_len_up_to(tree, node, usize::MAX)
}

/// Whether the node has fewer than `limit` characters of [`inner_text`]; stops counting at
/// the first text node that reaches it.
pub fn is_shorter_than(tree: &Tree, node: NodeId, limit: usize) -> bool {
    text_len_up_to(tree, node, limit) < limit
}

/// [`text_len`], or some count of at least `limit` once it is reached.
fn text_len_up_to(tree: &Tree, node: NodeId, limit: usize) -> usize {
    let mut count = 0usize;
    let mut pending_space = false;
    let mut started = false;
    for id in std::iter::once(node).chain(tree.descendants(node)) {
        if let NodeData::Text(text) = &tree.node(id).data {
            if text.is_ascii() {
                // The common case, byte by byte: same rules, no UTF-8 decoding.
                for &byte in text.as_bytes() {
                    if byte.is_ascii_whitespace() || byte == 0x0B {
                        pending_space = started;
                    } else {
                        if pending_space {
                            count += 1;
                            pending_space = false;
                        }
                        count += 1;
                        started = true;
                    }
                }
                if count >= limit {
                    break;
                }
                continue;
            }
            for ch in text.chars() {
                if ch.is_whitespace() && ch != '\u{A0}' {
                    pending_space = started;
                } else {
                    if pending_space {
                        count += 1;
                        pending_space = false;
                    }
                    count += 1;
                    started = true;
                }
            }
            if count >= limit {
                break;
            }
        }
    }
    count
}

/// How a run of text looks to [`text_len`]: the characters it counts, and whether the run
/// has content and whitespace at its ends, so that two runs can be joined without
/// re-reading them.
#[derive(Clone, Copy, Default)]
struct TextRun {
    count: u32,
    content: bool,
    leading_space: bool,
    trailing_space: bool,
    /// Whitespace only (no content): it may join the runs on either side.
    space: bool,
}

impl TextRun {
    fn of(text: &str) -> TextRun {
        let mut run = TextRun::default();
        let mut pending_space = false;
        for ch in text.chars() {
            if ch.is_whitespace() && ch != '\u{A0}' {
                pending_space = true;
                if !run.content {
                    run.leading_space = true;
                }
            } else {
                if pending_space && run.content {
                    run.count += 1;
                }
                pending_space = false;
                run.count += 1;
                run.content = true;
            }
        }
        run.trailing_space = pending_space && run.content;
        run.space = pending_space && !run.content;
        run
    }

    fn then(self, next: TextRun) -> TextRun {
        match (self.content, next.content) {
            (false, false) => TextRun {
                space: self.space || next.space,
                ..TextRun::default()
            },
            (false, true) => TextRun {
                leading_space: next.leading_space || self.space,
                ..next
            },
            (true, false) => TextRun {
                trailing_space: self.trailing_space || next.space,
                ..self
            },
            (true, true) => TextRun {
                count: self.count
                    + next.count
                    + u32::from(self.trailing_space || next.leading_space),
                content: true,
                leading_space: self.leading_space,
                trailing_space: next.trailing_space,
                space: false,
            },
        }
    }
}

/// [`text_len`] and [`link_density`] of every node, in one bottom-up pass instead of a walk
/// of each candidate's subtree. Valid until the tree changes. Unlike [`TextCache`] (clean-up's,
/// which counts each text node trimmed and follows removals), the numbers are exactly the
/// walks', so scoring keeps Readability.js's.
pub struct LinkDensities {
    runs: Vec<TextRun>,
    /// Text of the outermost links below each node, full weight and `#` links apart.
    links: Vec<[u32; 2]>,
}

impl LinkDensities {
    pub fn new(tree: &Tree) -> Self {
        let mut runs = vec![TextRun::default(); tree.len()];
        let mut links = vec![[0u32; 2]; tree.len()];
        let order: Vec<NodeId> = std::iter::once(Tree::ROOT)
            .chain(tree.descendants(Tree::ROOT))
            .collect();
        for &id in order.iter().rev() {
            let index = id as usize;
            if let NodeData::Text(text) = &tree.node(id).data {
                runs[index] = TextRun::of(text);
                continue;
            }
            let mut run = TextRun::default();
            let mut below = [0u32; 2];
            let mut child = tree.first_child(id);
            while child != crate::tree::NONE {
                let child_index = child as usize;
                run = run.then(runs[child_index]);
                match tree.element(child) {
                    Some(element) if element.tag == Tag::A => {
                        let hash = matches!(element.attr(Attr::Href),
                            Some(href) if href.len() > 1 && href.starts_with('#'));
                        below[usize::from(hash)] += runs[child_index].count;
                    }
                    _ => {
                        below[0] += links[child_index][0];
                        below[1] += links[child_index][1];
                    }
                }
                child = tree.next_sibling(child);
            }
            runs[index] = run;
            links[index] = below;
        }
        LinkDensities { runs, links }
    }

    pub fn text_len(&self, id: NodeId) -> usize {
        self.runs
            .get(id as usize)
            .map_or(0, |run| run.count as usize)
    }

    pub fn link_density(&self, id: NodeId) -> f64 {
        let total = self.text_len(id);
        if total == 0 {
            return 0.0;
        }
        let [full, hash] = self.links.get(id as usize).copied().unwrap_or([0, 0]);
        (f64::from(full) + f64::from(hash) * HASH_LINK_WEIGHT) / total as f64
    }
}

/// Whether any text below the node is more than whitespace (stops at the first).
pub fn has_text(tree: &Tree, node: NodeId) -> bool {
    tree.descendants(node).any(|id| {
        tree.text(id)
            .is_some_and(|text| text.chars().any(|c| !c.is_whitespace() || c == '\u{A0}'))
    })
}

/// Share of the text that sits inside links (in-page `#` links weigh less).
pub fn link_density(tree: &Tree, node: NodeId) -> f64 {
    let total = text_len(tree, node);
    if total == 0 {
        return 0.0;
    }
    let mut links = 0.0;
    let mut id = tree.first_child(node);
    while id != crate::tree::NONE {
        if let Some(element) = tree.element(id) {
            if element.tag == Tag::A {
                let weight = match element.attr(Attr::Href) {
                    Some(href) if href.len() > 1 && href.starts_with('#') => HASH_LINK_WEIGHT,
                    _ => 1.0,
                };
                links += text_len(tree, id) as f64 * weight;
                id = tree.next_skipping_children(id, node);
                continue;
            }
        }
        id = tree.next_in(id, node);
    }
    links / total as f64
}

/// Readability's class weight: ±25 for positive/negative words in the class, and again in the id.
pub fn class_weight(tree: &Tree, node: NodeId) -> f64 {
    class_weight_in(tree, node, false, false)
}

/// [`class_weight`], in a thread when `thread`: there a block named as one comment (a whole
/// word of [`THREAD_POST_HINTS`]) is a post, and a block holding much of the thread
/// (`holds_posts`) named as the comments is its replies, not furniture. A short comment
/// section (under one post) stays negative.
pub fn class_weight_in(tree: &Tree, node: NodeId, thread: bool, holds_posts: bool) -> f64 {
    let Some(element) = tree.element(node) else {
        return 0.0;
    };
    let mut weight = 0.0;
    for attr in [Attr::Class, Attr::Id] {
        let Some(value) = element.attr(attr) else {
            continue;
        };
        if value.is_empty() {
            continue;
        }
        let value = lower_case(value);
        let ignored = if thread && (holds_posts || hint_has_token(&value, THREAD_POST_HINTS, true))
        {
            thread_post_mask()
        } else {
            0
        };
        if NEGATIVE_HINTS.matching(&value) & !ignored != 0
            || NEGATIVE_WORDS.iter().any(|word| has_word(&value, word))
        {
            weight -= CLASS_WEIGHT;
        }
        if POSITIVE_HINTS.found_in(&value) {
            weight += CLASS_WEIGHT;
        }
    }
    weight
}

/// The bits of [`THREAD_POST_HINTS`] in [`NEGATIVE_HINTS`]'s matches.
fn thread_post_mask() -> u64 {
    NEGATIVE_HINTS
        .words
        .iter()
        .enumerate()
        .filter(|(_, word)| THREAD_POST_HINTS.contains(word))
        .fold(0, |mask, (index, _)| mask | 1 << index)
}

pub fn count_tag(tree: &Tree, node: NodeId, tag: Tag) -> usize {
    tree.descendants(node)
        .filter(|&id| tree.is_tag(id, tag))
        .count()
}

pub fn has_descendant(tree: &Tree, node: NodeId, tags: &[Tag]) -> bool {
    tree.descendants(node)
        .any(|id| tree.tag(id).is_some_and(|tag| tags.contains(&tag)))
}

/// An ancestor with `tag` within `max_depth` levels (`None`: any depth).
pub fn has_ancestor_tag(tree: &Tree, node: NodeId, tag: Tag, max_depth: Option<usize>) -> bool {
    tree.ancestors(node)
        .take(max_depth.map_or(usize::MAX, |depth| depth + 1))
        .any(|id| tree.is_tag(id, tag))
}

/// No text, and no element children other than `<br>`/`<hr>`.
pub fn is_without_content(tree: &Tree, node: NodeId) -> bool {
    if has_text(tree, node) {
        return false;
    }
    let children = tree.element_children(node).count();
    if children == 0 {
        return true;
    }
    let breaks = tree
        .descendants(node)
        .filter(|&id| matches!(tree.tag(id), Some(Tag::Br | Tag::Hr)))
        .count();
    children == breaks
}

/// Exactly one element child, with `tag`, and no direct text ending in a non-space
/// (Readability.js's `_hasSingleTagInsideElement`, whose test is `/\S$/`).
pub fn has_single_tag_inside(tree: &Tree, node: NodeId, tag: Tag) -> bool {
    single_tag_child(tree, node, tag)
        && !tree.children(node).any(|child| {
            tree.text(child)
                .is_some_and(|text| text.chars().last().is_some_and(|c| !c.is_whitespace()))
        })
}

/// Exactly one element child, with `tag`, and no direct text at all: a wrapper that can give
/// way to its child without losing a word (`<div>Label: <div>value</div></div>` is not one).
pub fn holds_only_tag(tree: &Tree, node: NodeId, tag: Tag) -> bool {
    single_tag_child(tree, node, tag)
        && !tree
            .children(node)
            .any(|child| tree.text(child).is_some_and(|text| !text.trim().is_empty()))
}

fn single_tag_child(tree: &Tree, node: NodeId, tag: Tag) -> bool {
    let mut elements = tree.element_children(node);
    let (Some(only), None) = (elements.next(), elements.next()) else {
        return false;
    };
    tree.is_tag(only, tag)
}

/// Readability's phrasing content: text, inline tags, and links whose children are phrasing.
pub fn is_phrasing(tree: &Tree, node: NodeId) -> bool {
    let Some(element) = tree.element(node) else {
        return true;
    };
    match element.tag {
        Tag::Abbr
        | Tag::Audio
        | Tag::B
        | Tag::Bdo
        | Tag::Br
        | Tag::Button
        | Tag::Cite
        | Tag::Code
        | Tag::Data
        | Tag::Datalist
        | Tag::Dfn
        | Tag::Em
        | Tag::Embed
        | Tag::I
        | Tag::Img
        | Tag::Input
        | Tag::Kbd
        | Tag::Label
        | Tag::Mark
        | Tag::Math
        | Tag::Meter
        | Tag::Noscript
        | Tag::Object
        | Tag::Output
        | Tag::Progress
        | Tag::Q
        | Tag::Ruby
        | Tag::Samp
        | Tag::Script
        | Tag::Select
        | Tag::Small
        | Tag::Span
        | Tag::Strong
        | Tag::Sub
        | Tag::Sup
        | Tag::Textarea
        | Tag::Time
        | Tag::Var
        | Tag::Wbr
        | Tag::Font
        | Tag::Unknown
        | Tag::U
        | Tag::S
        | Tag::Strike
        | Tag::Tt
        | Tag::Big
        | Tag::Picture => true,
        Tag::A | Tag::Del | Tag::Ins => {
            // Walk the subtree: every element in it must be phrasing itself.
            tree.descendants(node).all(|id| match tree.tag(id) {
                None => true,
                Some(Tag::A | Tag::Del | Tag::Ins) => true,
                Some(_) => is_phrasing_shallow(tree, id),
            })
        }
        _ => false,
    }
}

fn is_phrasing_shallow(tree: &Tree, node: NodeId) -> bool {
    match tree.tag(node) {
        Some(Tag::A | Tag::Del | Tag::Ins) => true,
        Some(_) => is_phrasing(tree, node),
        None => true,
    }
}

/// Text node that is only whitespace, or a `<br>`.
pub fn is_whitespace_node(tree: &Tree, node: NodeId) -> bool {
    match &tree.node(node).data {
        NodeData::Text(text) => text.trim().is_empty(),
        NodeData::Element(element) => element.tag == Tag::Br,
    }
}

/// Block-level descendants that stop a `<div>` from being read as a paragraph.
pub const DIV_TO_P_ELEMS: &[Tag] = &[
    Tag::Blockquote,
    Tag::Dl,
    Tag::Div,
    Tag::Img,
    Tag::Ol,
    Tag::P,
    Tag::Pre,
    Tag::Table,
    Tag::Ul,
];

/// Text and link lengths of every node under a root, computed once bottom-up and kept
/// current as nodes are removed, so that clean-up does not re-walk subtrees for each
/// candidate (that walk made nested pages quadratic).
pub struct TextCache {
    chars: Vec<u32>,
    links: Vec<f32>,
    commas: Vec<u32>,
}

impl TextCache {
    pub fn new(tree: &Tree, root: NodeId) -> Self {
        let mut chars = vec![0u32; tree.len()];
        let mut links = vec![0f32; tree.len()];
        let mut commas = vec![0u32; tree.len()];
        let order: Vec<NodeId> = std::iter::once(root)
            .chain(tree.descendants(root))
            .collect();
        for &id in order.iter().rev() {
            let index = id as usize;
            match &tree.node(id).data {
                NodeData::Text(text) => {
                    chars[index] = text.trim().chars().count() as u32;
                    commas[index] = text.bytes().filter(|&b| b == b',').count() as u32;
                }
                NodeData::Element(element) if element.tag == Tag::A => {
                    let weight = match element.attr(Attr::Href) {
                        Some(href) if href.len() > 1 && href.starts_with('#') => HASH_LINK_WEIGHT,
                        _ => 1.0,
                    };
                    links[index] = (chars[index] as f64 * weight) as f32;
                }
                NodeData::Element(_) => {}
            }
            if id != root {
                let parent = tree.parent(id) as usize;
                chars[parent] += chars[index];
                links[parent] += links[index];
                commas[parent] += commas[index];
            }
        }
        TextCache {
            chars,
            links,
            commas,
        }
    }

    /// ASCII commas in the node's text.
    pub fn commas(&self, id: NodeId) -> usize {
        self.commas.get(id as usize).copied().unwrap_or(0) as usize
    }

    pub fn text_len(&self, id: NodeId) -> usize {
        self.chars.get(id as usize).copied().unwrap_or(0) as usize
    }

    pub fn link_density(&self, id: NodeId) -> f64 {
        let total = self.text_len(id);
        if total == 0 {
            return 0.0;
        }
        f64::from(self.links.get(id as usize).copied().unwrap_or(0.0)) / total as f64
    }

    /// Text inside descendants whose tag is `counted`, relative to all text.
    pub fn text_density(&self, tree: &Tree, id: NodeId, counted: impl Fn(Tag) -> bool) -> f64 {
        let total = self.text_len(id);
        if total == 0 {
            return 0.0;
        }
        let inside: usize = tree
            .descendants(id)
            .filter(|&d| tree.tag(d).is_some_and(&counted))
            .map(|d| self.text_len(d))
            .sum();
        inside as f64 / total as f64
    }

    /// Detaches a node and takes its text out of its ancestors' totals.
    pub fn detach(&mut self, tree: &mut Tree, id: NodeId) {
        let chars = self.text_len(id) as u32;
        let commas = self.commas(id) as u32;
        let links = self.links.get(id as usize).copied().unwrap_or(0.0);
        for ancestor in tree.ancestors(id).collect::<Vec<_>>() {
            if let Some(slot) = self.chars.get_mut(ancestor as usize) {
                *slot = slot.saturating_sub(chars);
            }
            if let Some(slot) = self.links.get_mut(ancestor as usize) {
                *slot = (*slot - links).max(0.0);
            }
            if let Some(slot) = self.commas.get_mut(ancestor as usize) {
                *slot = slot.saturating_sub(commas);
            }
        }
        tree.detach(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Charset, Ingest};

    fn tree_of(html: &str) -> Tree {
        let mut ingest = Ingest::new(Charset::Text, false);
        ingest.write(html.as_bytes()).unwrap();
        ingest.finish().unwrap().tree
    }

    /// The early stop answers as the whole count does, at every limit around the length.
    #[test]
    fn is_shorter_than_agrees_with_the_whole_count() {
        let pages = [
            include_str!("../tests/fixtures/pages/blog-post.html"),
            "<div> a <b>é  è</b>\u{2003}x <p>  </p> <i>yz</i> </div>",
        ];
        for html in pages {
            let tree = tree_of(html);
            for id in std::iter::once(Tree::ROOT).chain(tree.descendants(Tree::ROOT)) {
                let length = text_len(&tree, id);
                for limit in [0, 1, length.saturating_sub(1), length, length + 1, 10_000] {
                    assert_eq!(
                        is_shorter_than(&tree, id, limit),
                        length < limit,
                        "node {id}, length {length}, limit {limit}"
                    );
                }
            }
        }
    }

    #[test]
    fn link_densities_equal_the_subtree_walks() {
        let pages = [
            include_str!("../tests/fixtures/pages/magazine-feature.html"),
            include_str!("../tests/fixtures/pages/wire-news.html"),
            include_str!("../tests/fixtures/pages/blog-post.html"),
            include_str!("../www/samples/floodplain.html"),
            "<div> <p> a <a href='#x'> b </a>c<a>d <a href=/>e</a></a> </p>\u{A0} \
             <div>\u{2003}x\u{0B}y<span> </span>z<a href='#'> </a><a href='#t'>é  è</a></div> \
             <p></p><p>   </p><b>end</b></div>",
        ];
        for html in pages {
            let tree = tree_of(html);
            let cache = LinkDensities::new(&tree);
            let mut links = 0;
            for id in std::iter::once(Tree::ROOT).chain(tree.descendants(Tree::ROOT)) {
                assert_eq!(cache.text_len(id), text_len(&tree, id), "text of node {id}");
                let (cached, walked) = (cache.link_density(id), link_density(&tree, id));
                assert!(
                    (cached - walked).abs() < 1e-12,
                    "node {id}: {cached} != {walked}"
                );
                links += usize::from(walked > 0.0);
            }
            assert!(links > 0, "the page has links");
        }
    }
}
