//! Phase 2, before scoring: what the page's own markup means but does not say. `<noscript>`
//! fallback images replace lazy placeholders, images without a source go, and `<br><br>`
//! runs become paragraphs.

use crate::explain::Trace;
use crate::measure::{has_text, is_phrasing, is_whitespace_node};
use crate::rules::Rule;
use crate::tree::{Attr, Element, NodeId, Tag, Tree, NONE};

/// Runs the phase on the whole page.
pub fn prepare(tree: &mut Tree, trace: &mut Trace) {
    unwrap_noscript_images(tree, trace);
    replace_double_breaks(tree);
}

/// Before scoring: images without any source go, and `<noscript>` fallback images replace
/// the lazy placeholder just before them (other `<noscript>`s go, as scripts do).
fn unwrap_noscript_images(tree: &mut Tree, trace: &mut Trace) {
    let nodes: Vec<NodeId> = tree.descendants(Tree::ROOT).collect();
    for &node in &nodes {
        if tree.is_tag(node, Tag::Img) {
            let has_source = tree.element(node).is_some_and(|e| {
                [Attr::Src, Attr::Srcset, Attr::LazySrc, Attr::LazySrcset]
                    .iter()
                    .any(|&attr| e.attr(attr).is_some())
            });
            if !has_source && !tree.is_tag(tree.parent(node), Tag::Noscript) {
                trace.remove(tree, node, Rule::PrepareImageWithoutSource);
            }
        }
    }
    for &node in &nodes {
        if !tree.is_tag(node, Tag::Noscript) {
            continue;
        }
        let image = single_image(tree, node);
        let previous = previous_element_sibling(tree, node);
        match (image, previous) {
            (Some(image), Some(previous)) if single_image(tree, previous).is_some() => {
                trace.removing(tree, previous, Rule::PrepareLazyPlaceholder);
                tree.insert_before(previous, image);
                tree.detach(previous);
            }
            _ => {}
        }
        trace.remove(tree, node, Rule::PrepareNoscript);
    }
}

fn single_image(tree: &Tree, node: NodeId) -> Option<NodeId> {
    let mut current = node;
    loop {
        if tree.is_tag(current, Tag::Img) {
            return Some(current);
        }
        let mut elements = tree.element_children(current);
        let (Some(only), None) = (elements.next(), elements.next()) else {
            return None;
        };
        if has_text(tree, current) {
            return None;
        }
        current = only;
    }
}

fn previous_element_sibling(tree: &Tree, node: NodeId) -> Option<NodeId> {
    let mut prev = tree.prev_sibling(node);
    while prev != NONE {
        if tree.element(prev).is_some() {
            return Some(prev);
        }
        prev = tree.prev_sibling(prev);
    }
    None
}

/// `<br><br>` runs become paragraph breaks, as Readability.js's `_replaceBrs` does, but only
/// in blocks: a `<p>` inside an inline element (`<abbr>said <br><br>more</abbr>`) is one a
/// browser would pull out of the paragraph around it, so those breaks stay breaks.
fn replace_double_breaks(tree: &mut Tree) {
    let brs: Vec<NodeId> = tree
        .descendants(Tree::ROOT)
        .filter(|&id| tree.is_tag(id, Tag::Br))
        .collect();
    for br in brs {
        if tree.parent(br) == NONE || !tree.is_attached(br) {
            continue;
        }
        if !tree.tag(tree.parent(br)).is_some_and(Tag::is_block) {
            continue;
        }
        let mut replaced = false;
        let mut next = next_non_whitespace_sibling(tree, br);
        while next != NONE && tree.is_tag(next, Tag::Br) {
            replaced = true;
            let after = next_non_whitespace_sibling(tree, next);
            tree.detach(next);
            next = after;
        }
        if !replaced {
            continue;
        }
        let paragraph = tree.new_element(Element::new(Tag::P));
        tree.insert_before(br, paragraph);
        tree.detach(br);
        let mut sibling = tree.next_sibling(paragraph);
        while sibling != NONE {
            if tree.is_tag(sibling, Tag::Br) {
                let after = next_non_whitespace_sibling(tree, sibling);
                if after != NONE && tree.is_tag(after, Tag::Br) {
                    break;
                }
            }
            if !is_phrasing(tree, sibling) {
                break;
            }
            let following = tree.next_sibling(sibling);
            tree.append_child(paragraph, sibling);
            sibling = following;
        }
        loop {
            let last = tree.node(paragraph).last_child;
            if last == NONE || !is_whitespace_node(tree, last) {
                break;
            }
            tree.detach(last);
        }
        let parent = tree.parent(paragraph);
        if let Some(element) = tree.element_mut(parent) {
            if element.tag == Tag::P {
                element.tag = Tag::Div;
            }
        }
    }
}

fn next_non_whitespace_sibling(tree: &Tree, node: NodeId) -> NodeId {
    let mut next = tree.next_sibling(node);
    while next != NONE && tree.text(next).is_some_and(|text| text.trim().is_empty()) {
        next = tree.next_sibling(next);
    }
    next
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `<div>Some <abbr>said <br><br>more</abbr> end. <br><br>after</div>`, built by hand.
    #[test]
    fn double_breaks_make_paragraphs_only_in_blocks() {
        let mut tree = Tree::new();
        let append = |tree: &mut Tree, parent: NodeId, tag: Option<Tag>, text: &str| {
            let node = match tag {
                Some(tag) => tree.new_element(Element::new(tag)),
                None => tree.new_text(text.to_owned()),
            };
            tree.append_child(parent, node);
            node
        };
        let div = append(&mut tree, Tree::ROOT, Some(Tag::Div), "");
        append(&mut tree, div, None, "Some ");
        let abbr = append(&mut tree, div, Some(Tag::Abbr), "");
        append(&mut tree, abbr, None, "said ");
        append(&mut tree, abbr, Some(Tag::Br), "");
        append(&mut tree, abbr, Some(Tag::Br), "");
        append(&mut tree, abbr, None, "more");
        append(&mut tree, div, None, " end. ");
        append(&mut tree, div, Some(Tag::Br), "");
        append(&mut tree, div, Some(Tag::Br), "");
        append(&mut tree, div, None, "after");
        replace_double_breaks(&mut tree);
        let tags: Vec<Option<Tag>> = tree.children(div).map(|id| tree.tag(id)).collect();
        assert_eq!(tags, [None, Some(Tag::Abbr), None, Some(Tag::P)]);
        assert_eq!(tree.element_children(abbr).count(), 2, "the breaks stay");
    }
}
