//! Region mode, part of scoring: on service and landing pages, products, collections,
//! listings and documentation the content is the page's whole main region (every section,
//! card and table), not its best-scoring block. The region is the `<main>` (or
//! `role="main"`) holding the most text, else the body; its navigation, header and footer,
//! landmarks and consent, menu and share widgets go.

use crate::explain::{path, Step, Trace};
use crate::measure::{count_tag, link_density, text_len, TextCache};
use crate::patterns::{
    NAV_LINK_LIST_MIN_CHARS, NAV_LINK_LIST_MIN_DENSITY, REGION_CHROME_HINTS,
    REGION_CHROME_MAX_SHARE, REGION_CHROME_ROLES, REGION_COMMENT_HINTS, REGION_MIN_CHARS,
    REGION_PROSE_MAX_LINK_DENSITY, REGION_PROSE_MIN_CHARS, REGION_PROSE_MIN_PARAGRAPHS,
    REGION_SHOP_WIDGET_HINTS, RESULT_CONTROL_HINTS,
};
use crate::rules::Rule;
use crate::score::Strategy;
use crate::text::hint_has_token;
use crate::tree::{Attr, Element, NodeId, Tag, Tree, NONE};

/// Moves the main region into a new, detached `<div>` and returns it, or `None` when the
/// region holds too little text to be the page's content. The strategy says what else is
/// not content: comments (unless the page is a thread), a product page's shop widgets, a
/// result list's filters and sort controls.
pub fn extract_region(tree: &mut Tree, strategy: &Strategy, trace: &mut Trace) -> Option<NodeId> {
    let (region, total) = main_region(tree);
    if total < REGION_MIN_CHARS {
        return None;
    }
    // Collections and listings: product pages' text beside the region is their shop's.
    let (before, after) = if region == Tree::ROOT || !strategy.items_are_links {
        (Vec::new(), Vec::new())
    } else {
        prose_beside(tree, region)
    };
    remove_chrome(tree, region, total, strategy, trace);
    if trace.is_on() {
        trace.winner.push(Step {
            rule: Rule::ScoreRegion.name().to_owned(),
            path: path(tree, region),
        });
        for &block in before.iter().chain(&after) {
            trace.winner.push(Step {
                rule: Rule::ScoreRegionProse.name().to_owned(),
                path: path(tree, block),
            });
        }
    }
    let article = tree.new_element(Element::new(Tag::Div));
    for &block in &before {
        tree.detach(block);
        tree.append_child(article, block);
    }
    tree.move_children(region, article);
    for &block in &after {
        tree.detach(block);
        tree.append_child(article, block);
    }
    trace.outside(tree, tree.parent(region), region, Rule::ScoreNotCandidate);
    Some(article)
}

/// `score.region-prose`: the blocks of prose beside a `<main>` region (a category's
/// description under its grid, outside the `<main>`), before and after it in document order.
fn prose_beside(tree: &Tree, region: NodeId) -> (Vec<NodeId>, Vec<NodeId>) {
    let mut levels_before: Vec<Vec<NodeId>> = Vec::new();
    let mut after = Vec::new();
    let mut kept = region;
    let mut ancestor = tree.parent(region);
    while ancestor != NONE {
        let mut before = Vec::new();
        let mut past_kept = false;
        for child in tree.children(ancestor) {
            if child == kept {
                past_kept = true;
            } else if is_prose_block(tree, child) {
                if past_kept {
                    after.push(child);
                } else {
                    before.push(child);
                }
            }
        }
        levels_before.push(before);
        kept = ancestor;
        ancestor = tree.parent(ancestor);
    }
    // The outermost level's blocks come first in the document.
    let before = levels_before.into_iter().rev().flatten().collect();
    (before, after)
}

fn is_prose_block(tree: &Tree, node: NodeId) -> bool {
    let Some(element) = tree.element(node) else {
        return false;
    };
    if is_chrome_tag(element.tag) || element.tag == Tag::Form || is_named_chrome(element) {
        return false;
    }
    text_len(tree, node) >= REGION_PROSE_MIN_CHARS
        && link_density(tree, node) <= REGION_PROSE_MAX_LINK_DENSITY
        && count_tag(tree, node, Tag::P) >= REGION_PROSE_MIN_PARAGRAPHS
}

fn is_chrome_tag(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::Nav | Tag::Header | Tag::Footer | Tag::Aside | Tag::Menu
    )
}

/// Chrome by its landmark role or its class/id words (cookie banners, menus, share bars).
fn is_named_chrome(element: &Element) -> bool {
    element
        .attr(Attr::Role)
        .is_some_and(|role| REGION_CHROME_ROLES.contains(&role.trim()))
        || (!element.hint.is_empty() && hint_has_token(&element.hint, REGION_CHROME_HINTS, true))
}

/// The `<main>` or `role="main"` element with the most text, else the body; and its text
/// length.
pub fn main_region(tree: &Tree) -> (NodeId, usize) {
    let mut best = (Tree::ROOT, 0usize);
    for id in tree.descendants(Tree::ROOT) {
        let Some(element) = tree.element(id) else {
            continue;
        };
        let is_main = element.tag == Tag::Main
            || element
                .attr(Attr::Role)
                .is_some_and(|role| role.trim().eq_ignore_ascii_case("main"));
        if is_main {
            let length = text_len(tree, id);
            if length > best.1 {
                best = (id, length);
            }
        }
    }
    if best.0 != Tree::ROOT && best.1 >= REGION_MIN_CHARS {
        best
    } else {
        (Tree::ROOT, text_len(tree, Tree::ROOT))
    }
}

/// Navigation, header and footer, landmarks and widgets inside the region, unless one holds
/// most of its text (a page that wraps everything in a `<header>`).
fn remove_chrome(
    tree: &mut Tree,
    region: NodeId,
    total: usize,
    strategy: &Strategy,
    trace: &mut Trace,
) {
    let mut cache = TextCache::new(tree, region);
    let mut node = tree.first_child(region);
    while node != NONE {
        let (chrome, comments) = tree.element(node).map_or((false, false), |element| {
            // A `<header>` in a card or a section heads it (its title), not the page.
            let section_header = element.tag == Tag::Header
                && tree
                    .ancestors(node)
                    .take_while(|&id| id != region)
                    .any(|id| matches!(tree.tag(id), Some(Tag::Article | Tag::Li | Tag::Section)));
            let chrome = (is_chrome_tag(element.tag) && !section_header)
                || is_named_chrome(element)
                || (strategy.drop_result_controls
                    && !element.hint.is_empty()
                    && hint_has_token(&element.hint, RESULT_CONTROL_HINTS, true));
            let comments = !element.hint.is_empty()
                && ((!strategy.keep_post_meta
                    && hint_has_token(&element.hint, REGION_COMMENT_HINTS, true))
                    || (strategy.drop_shop_widgets
                        && hint_has_token(&element.hint, REGION_SHOP_WIDGET_HINTS, false)));
            (chrome, comments)
        });
        // Chrome holding most of the region is its content after all (a page wrapped in a
        // `<header>`), unless it is a link list (a documentation site's sidebar beside a
        // short page); comments and shop widgets never are.
        let length = cache.text_len(node);
        let link_list = || {
            tree.is_tag(node, Tag::Nav)
                && length >= NAV_LINK_LIST_MIN_CHARS
                && total - length >= REGION_MIN_CHARS
                && cache.link_density(node) > NAV_LINK_LIST_MIN_DENSITY
        };
        if comments
            || (chrome && ((length as f64) < total as f64 * REGION_CHROME_MAX_SHARE || link_list()))
        {
            let next = tree.next_skipping_children(node, region);
            trace.removing(tree, node, Rule::ScoreRegionChrome);
            cache.detach(tree, node);
            node = next;
        } else {
            node = tree.next_in(node, region);
        }
    }
}
