//! Readability.js's `_prepArticle`, run on every scoring attempt (its result's length decides
//! whether the next attempt relaxes the rules): forms, embeds, asides, share widgets and
//! controls go, lazy images get their source, and `_cleanConditionally` removes the
//! tables, lists and blocks that look like furniture.

use crate::cleanup::precision::is_post_text_container;
use crate::explain::Trace;
use crate::measure::{
    class_weight, class_weight_in, count_tag, has_ancestor_tag, has_descendant,
    has_single_tag_inside, has_text, inner_text, is_phrasing, text_len, TextCache, DIV_TO_P_ELEMS,
};
use crate::patterns::{
    AD_LABEL_MAX_CHARS, AD_WORDS, ANCESTOR_TAG_MAX_DEPTH, CLASS_WEIGHT, CONDITIONAL_KEEP_COMMAS,
    CONDITIONAL_MAX_LINK_DENSITY, CONDITIONAL_MAX_LINK_DENSITY_POSITIVE, DATA_TABLE_MIN_ROWS,
    DEFAULT_CHAR_THRESHOLD, EMBED_MIN_CHARS, IMAGE_HEAVY_MAX_PARAGRAPHS_PER_IMAGE,
    IMAGE_HEAVY_MIN_IMAGES, LAYOUT_TABLE_MAX_CELLS, LAYOUT_TABLE_MAX_COLUMNS,
    LAZY_PLACEHOLDER_MAX_BASE64_BYTES, LIST_ITEM_ALLOWANCE, LIST_TEXT_SHARE, LOADING_WORDS,
    PARAGRAPHS_PER_INPUT, POST_META_MAX_CHARS, SHARE_HINTS, SHORT_LINKED_IMAGE_LINK_MAX_IMAGES,
    SHORT_LINKED_MAX_CHARS, SHORT_LINKED_MAX_HEADING_DENSITY, TABLE_SPAN_MAX, THREAD_POST_HINTS,
    THREAD_REPLIES_MIN_SHARE,
};
use crate::rules::Rule;
use crate::score::{Flags, Strategy};
use crate::text::{hint_has_token, lower_case};
use crate::tree::{Attr, Element, NodeId, Tag, Tree, NONE};

/// Readability.js's `_prepArticle`, in its order.
pub fn prep_article(
    tree: &mut Tree,
    article: NodeId,
    flags: Flags,
    strategy: &Strategy,
    trace: &mut Trace,
) {
    let data_tables = mark_data_tables(tree, article);
    fix_lazy_images(tree, article);
    let thread = strategy.whole_thread;
    clean_conditionally(tree, article, Tag::Form, flags, &data_tables, thread, trace);
    clean_conditionally(
        tree,
        article,
        Tag::Fieldset,
        flags,
        &data_tables,
        thread,
        trace,
    );
    if strategy.keep_post_meta {
        keep_quoted_replies(tree, article);
    }
    remove_tags(
        tree,
        article,
        &[Tag::Object, Tag::Embed, Tag::Footer, Tag::Link, Tag::Aside],
        Rule::CleanupNonContentTag,
        trace,
    );
    remove_share_elements(tree, article, trace);
    remove_tags(
        tree,
        article,
        &[Tag::Input, Tag::Textarea, Tag::Select, Tag::Button],
        Rule::CleanupFormControl,
        trace,
    );
    if flags.weight_classes {
        let headers: Vec<NodeId> = tree
            .descendants(article)
            .filter(|&id| matches!(tree.tag(id), Some(Tag::H1 | Tag::H2)))
            .collect();
        for header in headers {
            if class_weight(tree, header) < 0.0 {
                trace.remove(tree, header, Rule::CleanupNegativeHeading);
            }
        }
    }
    for tag in [Tag::Table, Tag::Ul, Tag::Div] {
        clean_conditionally(tree, article, tag, flags, &data_tables, thread, trace);
    }
    let nodes: Vec<NodeId> = tree.descendants(article).collect();
    for &node in &nodes {
        match tree.tag(node) {
            Some(Tag::H1) => {
                if let Some(element) = tree.element_mut(node) {
                    element.tag = Tag::H2;
                }
            }
            Some(Tag::P)
                if !tree.descendants(node).any(|id| {
                    tree.tag(id)
                        .is_some_and(|tag| tag == Tag::Img || tag.is_embed())
                }) && !has_text(tree, node) =>
            {
                trace.remove(tree, node, Rule::CleanupEmptyParagraph);
            }
            Some(Tag::Br) => {
                let mut next = tree.next_sibling(node);
                while next != NONE && tree.text(next).is_some_and(|t| t.trim().is_empty()) {
                    next = tree.next_sibling(next);
                }
                if next != NONE && tree.is_tag(next, Tag::P) {
                    trace.remove(tree, node, Rule::CleanupBreakBeforeParagraph);
                }
            }
            _ => {}
        }
    }
    for &node in &nodes {
        if tree.is_tag(node, Tag::Table) && tree.parent(node) != NONE {
            unwrap_single_cell_table(tree, node);
        }
    }
}

/// In a thread, an `<aside>` holding a `<blockquote>` is a quoted reply: kept as a block.
fn keep_quoted_replies(tree: &mut Tree, article: NodeId) {
    let quotes: Vec<NodeId> = tree
        .descendants(article)
        .filter(|&id| tree.is_tag(id, Tag::Aside) && has_descendant(tree, id, &[Tag::Blockquote]))
        .collect();
    for quote in quotes {
        if let Some(element) = tree.element_mut(quote) {
            element.tag = Tag::Div;
        }
    }
}

/// Whether all of the node's text is a post's own text (in a POST_TEXT_HINTS container).
fn is_post_text(tree: &Tree, cache: &TextCache, node: NodeId) -> bool {
    let length = cache.text_len(node);
    std::iter::once(node)
        .chain(tree.descendants(node))
        .any(|id| is_post_text_container(tree, id) && cache.text_len(id) == length)
}

/// A post's author and date line: short, with a date (`<time>` or `datetime`).
fn is_post_meta(tree: &Tree, cache: &TextCache, node: NodeId) -> bool {
    cache.text_len(node) < POST_META_MAX_CHARS
        && tree.descendants(node).any(|id| {
            tree.is_tag(id, Tag::Time)
                || tree
                    .element(id)
                    .is_some_and(|e| e.attr(Attr::Datetime).is_some())
        })
}

fn remove_tags(tree: &mut Tree, root: NodeId, tags: &[Tag], rule: Rule, trace: &mut Trace) {
    let doomed: Vec<NodeId> = tree
        .descendants(root)
        .filter(|&id| tree.tag(id).is_some_and(|tag| tags.contains(&tag)))
        .collect();
    for node in doomed {
        // One inside another removed here is reported with it.
        if trace.is_on() && tree.has_ancestor(node, root) {
            trace.removing(tree, node, rule);
        }
        tree.detach(node);
    }
}

fn remove_share_elements(tree: &mut Tree, article: NodeId, trace: &mut Trace) {
    let children: Vec<NodeId> = tree.element_children(article).collect();
    for child in children {
        let mut node = tree.first_child(child);
        while node != NONE {
            let is_share = tree
                .element(node)
                .is_some_and(|e| hint_has_token(&e.hint, SHARE_HINTS, true));
            if is_share && text_len(tree, node) < DEFAULT_CHAR_THRESHOLD {
                let next = tree.next_skipping_children(node, child);
                trace.remove(tree, node, Rule::CleanupShareBar);
                node = next;
            } else {
                node = tree.next_in(node, child);
            }
        }
    }
}

/// Tables Readability.js considers data (kept) rather than layout.
fn mark_data_tables(tree: &Tree, root: NodeId) -> Vec<NodeId> {
    let mut data = Vec::new();
    for table in tree
        .descendants(root)
        .filter(|&id| tree.is_tag(id, Tag::Table))
    {
        let element = tree.element(table).expect("table is an element");
        if element.attr(Attr::Role) == Some("presentation") {
            continue;
        }
        let caption = tree
            .element_children(table)
            .find(|&id| tree.is_tag(id, Tag::Caption));
        if caption.is_some_and(|c| tree.first_child(c) != NONE)
            || has_descendant(
                tree,
                table,
                &[Tag::Col, Tag::Colgroup, Tag::Tfoot, Tag::Thead, Tag::Th],
            )
        {
            data.push(table);
            continue;
        }
        if has_descendant(tree, table, &[Tag::Table]) {
            continue;
        }
        let mut rows = 0usize;
        let mut columns = 0usize;
        for row in tree
            .descendants(table)
            .filter(|&id| tree.is_tag(id, Tag::Tr))
        {
            rows += span(tree, row, Attr::Rowspan);
            let cells: usize = tree
                .element_children(row)
                .filter(|&id| tree.is_tag(id, Tag::Td))
                .map(|cell| span(tree, cell, Attr::Colspan))
                .sum();
            columns = columns.max(cells);
        }
        if rows == 1 || columns == 1 {
            continue;
        }
        if rows >= DATA_TABLE_MIN_ROWS
            || columns > LAYOUT_TABLE_MAX_COLUMNS
            || rows * columns > LAYOUT_TABLE_MAX_CELLS
        {
            data.push(table);
        }
    }
    data
}

fn span(tree: &Tree, node: NodeId, attr: Attr) -> usize {
    tree.element(node)
        .and_then(|e| e.attr(attr))
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
        .clamp(1, TABLE_SPAN_MAX)
}

fn fix_lazy_images(tree: &mut Tree, root: NodeId) {
    let images: Vec<NodeId> = tree
        .descendants(root)
        .filter(|&id| matches!(tree.tag(id), Some(Tag::Img | Tag::Picture | Tag::Figure)))
        .collect();
    for node in images {
        let Some(element) = tree.element_mut(node) else {
            continue;
        };
        let lazy =
            element.attr(Attr::LazySrc).is_some() || element.attr(Attr::LazySrcset).is_some();
        if let Some(src) = element.attr(Attr::Src) {
            if is_tiny_placeholder(src) && lazy {
                element.remove_attr(Attr::Src);
            }
        }
        let has_source = element.attr(Attr::Src).is_some()
            || element.attr(Attr::Srcset).is_some_and(|s| s != "null");
        let lazy_class = element.hint.contains("lazy");
        if has_source && !lazy_class {
            continue;
        }
        let lazy_src = element.remove_attr(Attr::LazySrc);
        let lazy_srcset = element.remove_attr(Attr::LazySrcset);
        if element.tag == Tag::Figure {
            if has_descendant(tree, node, &[Tag::Img, Tag::Picture]) {
                continue;
            }
            let mut image = Element::new(Tag::Img);
            if let Some(src) = lazy_src {
                image.set_attr(Attr::Src, src);
            }
            if let Some(srcset) = lazy_srcset {
                image.set_attr(Attr::Srcset, srcset);
            }
            if image.attrs.is_empty() {
                continue;
            }
            let id = tree.new_element(image);
            tree.append_child(node, id);
        } else {
            if let Some(src) = lazy_src {
                element.set_attr(Attr::Src, src);
            }
            if let Some(srcset) = lazy_srcset {
                element.set_attr(Attr::Srcset, srcset);
            }
        }
    }
}

/// A small base64 placeholder (a blank pixel) that a lazy loader swaps out.
fn is_tiny_placeholder(src: &str) -> bool {
    let lower = src.trim_start().to_ascii_lowercase();
    if !lower.starts_with("data:") || lower.starts_with("data:image/svg+xml") {
        return false;
    }
    match lower.find("base64,") {
        Some(at) => src.len() - at - "base64,".len() < LAZY_PLACEHOLDER_MAX_BASE64_BYTES,
        None => true,
    }
}

/// Removes elements of `tag` that look like furniture (Readability.js's `_cleanConditionally`).
/// In a thread (`thread`), a post's author and date line stays, and a comment is a post.
fn clean_conditionally(
    tree: &mut Tree,
    root: NodeId,
    tag: Tag,
    flags: Flags,
    data_tables: &[NodeId],
    thread: bool,
    trace: &mut Trace,
) {
    if !flags.clean_conditionally {
        return;
    }
    let nodes: Vec<NodeId> = tree
        .descendants(root)
        .filter(|&id| tree.is_tag(id, tag))
        .collect();
    if nodes.is_empty() {
        return;
    }
    let mut cache = TextCache::new(tree, root);
    let thread_chars = thread.then(|| cache.text_len(root));
    for &node in nodes.iter().rev() {
        if tree.parent(node) == NONE || !tree.has_ancestor(node, root) {
            continue;
        }
        if thread && is_post_meta(tree, &cache, node) {
            continue;
        }
        if let Some(rule) = removal_rule(tree, &cache, node, tag, flags, data_tables, thread_chars)
        {
            trace.removing(tree, node, rule);
            cache.detach(tree, node);
        }
    }
}

/// Whether an ancestor is one comment (a whole class/id word of [`THREAD_POST_HINTS`]).
fn is_inside_comment(tree: &Tree, node: NodeId) -> bool {
    tree.ancestors(node)
        .filter_map(|id| tree.element(id))
        .any(|element| {
            !element.hint.is_empty() && hint_has_token(&element.hint, THREAD_POST_HINTS, true)
        })
}

/// The rule that finds `node` to be furniture, if one does (`_cleanConditionally`'s tests,
/// in its order).
fn removal_rule(
    tree: &Tree,
    cache: &TextCache,
    node: NodeId,
    tag: Tag,
    flags: Flags,
    data_tables: &[NodeId],
    thread_chars: Option<usize>,
) -> Option<Rule> {
    let text_length = cache.text_len(node);
    let is_list = tag.is_list() || {
        let list_length: usize = tree
            .descendants(node)
            .filter(|&id| tree.tag(id).is_some_and(Tag::is_list))
            .map(|id| cache.text_len(id))
            .sum();
        text_length == 0 && list_length > 0
            || text_length > 0 && list_length as f64 / text_length as f64 > LIST_TEXT_SHARE
    };
    if tag == Tag::Table && data_tables.contains(&node) {
        return None;
    }
    if tree
        .ancestors(node)
        .any(|id| tree.is_tag(id, Tag::Table) && data_tables.contains(&id))
    {
        return None;
    }
    if has_ancestor_tag(tree, node, Tag::Code, Some(ANCESTOR_TAG_MAX_DEPTH)) {
        return None;
    }
    if tree
        .descendants(node)
        .any(|id| tree.is_tag(id, Tag::Table) && data_tables.contains(&id))
    {
        return None;
    }
    let weight = if flags.weight_classes {
        let holds_posts = thread_chars
            .is_some_and(|chars| text_length as f64 >= THREAD_REPLIES_MIN_SHARE * chars as f64);
        let weight = class_weight_in(tree, node, thread_chars.is_some(), holds_posts);
        // The comments inside a comment are its replies, however short.
        if weight < 0.0 && thread_chars.is_some() && !holds_posts && is_inside_comment(tree, node) {
            class_weight_in(tree, node, true, true)
        } else {
            weight
        }
    } else {
        0.0
    };
    if weight < 0.0 {
        return Some(Rule::CleanupNegativeClass);
    }
    if cache.commas(node) >= CONDITIONAL_KEEP_COMMAS {
        return None;
    }
    let paragraphs = count_tag(tree, node, Tag::P) as f64;
    let images = count_tag(tree, node, Tag::Img) as f64;
    let items = count_tag(tree, node, Tag::Li) as f64 - LIST_ITEM_ALLOWANCE;
    let inputs = count_tag(tree, node, Tag::Input) as f64;
    let heading_density = cache.text_density(tree, node, Tag::is_heading);
    let mut embeds = 0;
    for id in tree.descendants(node) {
        if tree.tag(id).is_some_and(Tag::is_embed) {
            // Only video embeds survive ingest.
            if tree.is_tag(id, Tag::Iframe) {
                return None;
            }
            embeds += 1;
        }
    }
    let content_length = cache.text_len(node);
    // The ad and loading labels are single words: only short texts need a look.
    if content_length < AD_LABEL_MAX_CHARS
        && is_ad_or_loading_word(&lower_case(&inner_text(tree, node)))
    {
        return Some(Rule::CleanupAdLabel);
    }
    let density = cache.link_density(node);
    let textish = cache.text_density(tree, node, |tag| {
        matches!(tag, Tag::Span | Tag::Li | Tag::Td) || DIV_TO_P_ELEMS.contains(&tag)
    });
    let in_figure = has_ancestor_tag(tree, node, Tag::Figure, Some(ANCESTOR_TAG_MAX_DEPTH));
    let rule = if !in_figure
        && images > IMAGE_HEAVY_MIN_IMAGES
        && paragraphs / images < IMAGE_HEAVY_MAX_PARAGRAPHS_PER_IMAGE
    {
        Rule::CleanupImageHeavy
    } else if !is_list && items > paragraphs {
        Rule::CleanupListLike
    } else if inputs > (paragraphs / PARAGRAPHS_PER_INPUT).floor() {
        Rule::CleanupFormLike
    } else if !is_list
        && !in_figure
        && heading_density < SHORT_LINKED_MAX_HEADING_DENSITY
        && content_length < SHORT_LINKED_MAX_CHARS
        && (images == 0.0 || images > SHORT_LINKED_IMAGE_LINK_MAX_IMAGES)
        && density > 0.0
    {
        Rule::CleanupShortWithLinks
    } else if (!is_list && weight < CLASS_WEIGHT && density > CONDITIONAL_MAX_LINK_DENSITY)
        || (weight >= CLASS_WEIGHT && density > CONDITIONAL_MAX_LINK_DENSITY_POSITIVE)
    {
        Rule::CleanupLinkDense
    } else if (embeds == 1 && content_length < EMBED_MIN_CHARS) || embeds > 1 {
        Rule::CleanupEmbedHeavy
    } else if images == 0.0 && textish == 0.0 {
        Rule::CleanupNoTextBlocks
    } else {
        return None;
    };
    // A post's own text is the post, however many links it has.
    if thread_chars.is_some()
        && matches!(rule, Rule::CleanupLinkDense | Rule::CleanupShortWithLinks)
        && is_post_text(tree, cache, node)
    {
        return None;
    }
    if is_list {
        let nested = tree
            .element_children(node)
            .any(|child| tree.element_children(child).count() > 1);
        // A list of only images is a gallery: kept.
        if !nested && images == count_tag(tree, node, Tag::Li) as f64 {
            return None;
        }
    }
    Some(rule)
}

fn is_ad_or_loading_word(lower: &str) -> bool {
    let word = lower.trim();
    AD_WORDS.contains(&word) || {
        let stem = word.trim_end_matches("...").trim_end_matches('…');
        LOADING_WORDS.contains(&stem)
    }
}

fn unwrap_single_cell_table(tree: &mut Tree, table: NodeId) {
    let body = if has_single_tag_inside(tree, table, Tag::Tbody) {
        tree.element_children(table).next().unwrap_or(table)
    } else {
        table
    };
    if !has_single_tag_inside(tree, body, Tag::Tr) {
        return;
    }
    let row = tree.element_children(body).next().unwrap_or(body);
    if !has_single_tag_inside(tree, row, Tag::Td) {
        return;
    }
    let cell = tree.element_children(row).next().unwrap_or(row);
    let all_phrasing = tree.children(cell).all(|child| is_phrasing(tree, child));
    if let Some(element) = tree.element_mut(cell) {
        element.tag = if all_phrasing { Tag::P } else { Tag::Div };
    }
    tree.insert_before(table, cell);
    tree.detach(table);
}
