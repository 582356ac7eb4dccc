//! Phase 10, structure: on a thread or a list page, the repeated units a reader scans (posts,
//! items) are written as `<article>`s, and a post's author and date line as its `<header>`,
//! so that a reader view can show posts as posts and items as items. Nothing is removed.

use crate::measure::TextCache;
use crate::page_type::PageType;
use crate::patterns::{
    ITEM_MIN_CHARS, ITEM_MIN_COUNT, ITEM_MIN_SHARE, POST_HEADER_MAX_CHARS, POST_MIN_CHARS,
};
use crate::tree::{NodeId, Tag, Tree};

pub fn mark_units(tree: &mut Tree, article: NodeId, page_type: PageType) {
    let (min_count, min_chars) = match page_type {
        PageType::Forum => (2, POST_MIN_CHARS),
        PageType::Listing | PageType::Collection => (ITEM_MIN_COUNT, ITEM_MIN_CHARS),
        _ => return,
    };
    let cache = TextCache::new(tree, article);
    let total = cache.text_len(article);
    let Some(units) = repeated_units(tree, &cache, article, min_count, min_chars) else {
        return;
    };
    let covered: usize = units.iter().map(|&unit| cache.text_len(unit)).sum();
    if (covered as f64) < total as f64 * ITEM_MIN_SHARE {
        return;
    }
    for &unit in &units {
        if page_type == PageType::Forum {
            mark_post_header(tree, &cache, unit);
        }
        if let Some(element) = tree.element_mut(unit) {
            element.tag = Tag::Article;
        }
    }
}

/// The largest set of sibling blocks of one kind (same tag, same first class word), each with
/// text: the posts of a thread, the cards of a grid. `None` when no set is large enough.
fn repeated_units(
    tree: &Tree,
    cache: &TextCache,
    article: NodeId,
    min_count: usize,
    min_chars: usize,
) -> Option<Vec<NodeId>> {
    let mut best: Option<(usize, Vec<NodeId>)> = None;
    let parents = std::iter::once(article).chain(tree.descendants(article));
    for parent in parents {
        if tree.element(parent).is_none() {
            continue;
        }
        let mut groups: Vec<((Tag, &str), Vec<NodeId>)> = Vec::new();
        for child in tree.element_children(parent) {
            let Some(element) = tree.element(child) else {
                continue;
            };
            if !matches!(element.tag, Tag::Div | Tag::Section | Tag::Article)
                || cache.text_len(child) < min_chars
            {
                continue;
            }
            let kind = (element.tag, element.hint.split(' ').next().unwrap_or(""));
            match groups.iter_mut().find(|(k, _)| *k == kind) {
                Some((_, members)) => members.push(child),
                None => groups.push((kind, vec![child])),
            }
        }
        for (_, members) in groups {
            if members.len() < min_count {
                continue;
            }
            let text: usize = members.iter().map(|&m| cache.text_len(m)).sum();
            if best.as_ref().is_none_or(|(most, _)| text > *most) {
                best = Some((text, members));
            }
        }
    }
    best.map(|(_, members)| members)
}

/// A post's author and date line: its first short block that holds a `<time>` or starts with
/// a link (the poster's name), before the post's text.
fn mark_post_header(tree: &mut Tree, cache: &TextCache, post: NodeId) {
    let mut header = None;
    for id in tree.descendants(post) {
        let Some(element) = tree.element(id) else {
            continue;
        };
        if !matches!(element.tag, Tag::P | Tag::Div) {
            continue;
        }
        let length = cache.text_len(id);
        if length > POST_HEADER_MAX_CHARS {
            // The post's text has begun.
            break;
        }
        let has_time = tree.descendants(id).any(|d| tree.is_tag(d, Tag::Time));
        let has_link = tree.descendants(id).any(|d| tree.is_tag(d, Tag::A));
        let blocks_inside = tree.descendants(id).any(|d| {
            tree.tag(d)
                .is_some_and(|tag| tag.is_block() || tag == Tag::P)
        });
        let blank = crate::measure::inner_text(tree, id).trim().is_empty();
        if !blank && (has_time || has_link) && !blocks_inside {
            header = Some(id);
            break;
        }
    }
    if let Some(element) = header.and_then(|id| tree.element_mut(id)) {
        element.tag = Tag::Header;
    }
}
