//! Clean-up of the winner: Readability.js's `_prepArticle` rules, lazy images, absolute
//! URLs, and our own precision pass that takes out the boilerplate the Readability family
//! lets through (share bars, related-coverage blocks, ad labels, gallery counters).

use crate::measure::{
    class_weight, count_tag, has_ancestor_tag, has_descendant, has_single_tag_inside, has_text,
    inner_text, is_phrasing, is_without_content, text_len, TextCache,
};
use crate::patterns::{
    AD_WORDS, BOILERPLATE_HINTS, BOILERPLATE_MAX_CHARS, BOILERPLATE_PREFIXES,
    BOILERPLATE_PREFIX_MAX_CHARS, BOILERPLATE_TEXTS, DATELINE_PREFIXES,
    DECLARED_BODY_BLOCK_OVERLAP, DECLARED_BODY_MIN_SHARE, DECLARED_BODY_MIN_WORDS,
    DEFAULT_CHAR_THRESHOLD, LINK_BLOCK_MAX_CHARS, LINK_BLOCK_MIN_DENSITY, LOADING_WORDS,
    SHARE_HINTS, SHORT_FURNITURE_HINTS, SHORT_FURNITURE_MAX_CHARS,
};
use crate::score::Flags;
use crate::text::{find_bytes, lower_case};
use crate::tree::{Attr, Element, NodeId, Tag, Tree, NONE};
use crate::url::Resolver;

/// Whether an attribute value looks like an image URL: `Some(true)` for a srcset,
/// `Some(false)` for a single URL.
pub fn image_url_kind(value: &str) -> Option<bool> {
    let lower = value.trim().to_ascii_lowercase();
    const EXTENSIONS: [&str; 4] = [".jpg", ".jpeg", ".png", ".webp"];
    let mut srcset = false;
    let mut found = false;
    for ext in EXTENSIONS {
        let mut rest = lower.as_str();
        while let Some(at) = rest.find(ext) {
            found = true;
            let after = &rest[at + ext.len()..];
            let trimmed = after.trim_start();
            if trimmed.len() < after.len() && trimmed.starts_with(|c: char| c.is_ascii_digit()) {
                srcset = true;
            }
            rest = after;
        }
    }
    if !found {
        None
    } else if srcset {
        Some(true)
    } else if !lower.contains(char::is_whitespace) {
        Some(false)
    } else {
        None
    }
}

/// Before scoring: images without any source go, and `<noscript>` fallback images replace
/// the lazy placeholder just before them (other `<noscript>`s go, as scripts do).
pub fn unwrap_noscript_images(tree: &mut Tree) {
    let nodes: Vec<NodeId> = tree.descendants(Tree::ROOT).collect();
    for &node in &nodes {
        if tree.is_tag(node, Tag::Img) {
            let has_source = tree.element(node).is_some_and(|e| {
                [Attr::Src, Attr::Srcset, Attr::LazySrc, Attr::LazySrcset]
                    .iter()
                    .any(|&attr| e.attr(attr).is_some())
            });
            if !has_source && !tree.is_tag(tree.parent(node), Tag::Noscript) {
                tree.detach(node);
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
                tree.insert_before(previous, image);
                tree.detach(previous);
            }
            _ => {}
        }
        tree.detach(node);
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

/// Readability.js's `_prepArticle`, in its order.
pub fn prep_article(tree: &mut Tree, article: NodeId, flags: Flags) {
    let data_tables = mark_data_tables(tree, article);
    fix_lazy_images(tree, article);
    clean_conditionally(tree, article, Tag::Form, flags, &data_tables);
    clean_conditionally(tree, article, Tag::Fieldset, flags, &data_tables);
    remove_tags(
        tree,
        article,
        &[Tag::Object, Tag::Embed, Tag::Footer, Tag::Link, Tag::Aside],
    );
    remove_share_elements(tree, article);
    remove_tags(
        tree,
        article,
        &[Tag::Input, Tag::Textarea, Tag::Select, Tag::Button],
    );
    if flags.weight_classes {
        let headers: Vec<NodeId> = tree
            .descendants(article)
            .filter(|&id| matches!(tree.tag(id), Some(Tag::H1 | Tag::H2)))
            .collect();
        for header in headers {
            if class_weight(tree, header) < 0.0 {
                tree.detach(header);
            }
        }
    }
    for tag in [Tag::Table, Tag::Ul, Tag::Div] {
        clean_conditionally(tree, article, tag, flags, &data_tables);
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
                if !has_descendant(
                    tree,
                    node,
                    &[Tag::Img, Tag::Embed, Tag::Object, Tag::Iframe],
                ) && !has_text(tree, node) =>
            {
                tree.detach(node);
            }
            Some(Tag::Br) => {
                let mut next = tree.next_sibling(node);
                while next != NONE && tree.text(next).is_some_and(|t| t.trim().is_empty()) {
                    next = tree.next_sibling(next);
                }
                if next != NONE && tree.is_tag(next, Tag::P) {
                    tree.detach(node);
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

fn remove_tags(tree: &mut Tree, root: NodeId, tags: &[Tag]) {
    let doomed: Vec<NodeId> = tree
        .descendants(root)
        .filter(|&id| tree.tag(id).is_some_and(|tag| tags.contains(&tag)))
        .collect();
    for node in doomed {
        tree.detach(node);
    }
}

/// Whether `hint` has one of `words` standing as its own token (bounded by non-letters).
pub fn hint_has_token(hint: &str, words: &[&str], whole: bool) -> bool {
    // Bytes: a neighbour that is part of a multi-byte character is not ASCII alphanumeric
    // either, so the boundary test is the same as on characters.
    let hint = hint.as_bytes();
    let boundary = |at: Option<&u8>| at.is_none_or(|byte| !byte.is_ascii_alphanumeric());
    words.iter().any(|word| {
        let mut start = 0;
        while let Some(begin) = find_bytes(hint, word.as_bytes(), start) {
            let end = begin + word.len();
            let before_ok = begin == 0 || boundary(hint.get(begin - 1));
            if before_ok && (!whole || boundary(hint.get(end))) {
                return true;
            }
            start = end.max(begin + 1);
        }
        false
    })
}

fn remove_share_elements(tree: &mut Tree, article: NodeId) {
    let children: Vec<NodeId> = tree.element_children(article).collect();
    for child in children {
        let mut node = tree.first_child(child);
        while node != NONE {
            let is_share = tree
                .element(node)
                .is_some_and(|e| hint_has_token(&e.hint, SHARE_HINTS, true));
            if is_share && text_len(tree, node) < DEFAULT_CHAR_THRESHOLD {
                let next = tree.next_skipping_children(node, child);
                tree.detach(node);
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
        if rows >= 10 || columns > 4 || rows * columns > 10 {
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
        .clamp(1, 1000)
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
        Some(at) => src.len() - at - 7 < 133,
        None => true,
    }
}

/// Removes elements of `tag` that look like furniture (Readability.js's `_cleanConditionally`).
fn clean_conditionally(
    tree: &mut Tree,
    root: NodeId,
    tag: Tag,
    flags: Flags,
    data_tables: &[NodeId],
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
    for &node in nodes.iter().rev() {
        if tree.parent(node) == NONE || !tree.has_ancestor(node, root) {
            continue;
        }
        if should_remove(tree, &cache, node, tag, flags, data_tables) {
            cache.detach(tree, node);
        }
    }
}

fn should_remove(
    tree: &Tree,
    cache: &TextCache,
    node: NodeId,
    tag: Tag,
    flags: Flags,
    data_tables: &[NodeId],
) -> bool {
    let text_length = cache.text_len(node);
    let is_list = matches!(tag, Tag::Ul | Tag::Ol) || {
        let list_length: usize = tree
            .descendants(node)
            .filter(|&id| matches!(tree.tag(id), Some(Tag::Ul | Tag::Ol)))
            .map(|id| cache.text_len(id))
            .sum();
        text_length == 0 && list_length > 0
            || text_length > 0 && list_length as f64 / text_length as f64 > 0.9
    };
    if tag == Tag::Table && data_tables.contains(&node) {
        return false;
    }
    if tree
        .ancestors(node)
        .any(|id| tree.is_tag(id, Tag::Table) && data_tables.contains(&id))
    {
        return false;
    }
    if has_ancestor_tag(tree, node, Tag::Code, Some(3)) {
        return false;
    }
    if tree
        .descendants(node)
        .any(|id| tree.is_tag(id, Tag::Table) && data_tables.contains(&id))
    {
        return false;
    }
    let weight = if flags.weight_classes {
        class_weight(tree, node)
    } else {
        0.0
    };
    if weight < 0.0 {
        return true;
    }
    if cache.commas(node) >= 10 {
        return false;
    }
    let text_density = |tags: &[Tag]| cache.text_density(tree, node, tags);
    let paragraphs = count_tag(tree, node, Tag::P) as f64;
    let images = count_tag(tree, node, Tag::Img) as f64;
    let items = count_tag(tree, node, Tag::Li) as f64 - 100.0;
    let inputs = count_tag(tree, node, Tag::Input) as f64;
    let heading_density = text_density(&[Tag::H1, Tag::H2, Tag::H3, Tag::H4, Tag::H5, Tag::H6]);
    let mut embeds = 0;
    for id in tree.descendants(node) {
        if matches!(tree.tag(id), Some(Tag::Object | Tag::Embed | Tag::Iframe)) {
            // Only video embeds survive ingest.
            if tree.is_tag(id, Tag::Iframe) {
                return false;
            }
            embeds += 1;
        }
    }
    let content_length = cache.text_len(node);
    // The ad and loading labels are single words: only short texts need a look.
    if content_length < 40 && is_ad_or_loading_word(&lower_case(&inner_text(tree, node))) {
        return true;
    }
    let density = cache.link_density(node);
    let textish = text_density(&[
        Tag::Span,
        Tag::Li,
        Tag::Td,
        Tag::Blockquote,
        Tag::Dl,
        Tag::Div,
        Tag::Img,
        Tag::Ol,
        Tag::P,
        Tag::Pre,
        Tag::Table,
        Tag::Ul,
    ]);
    let in_figure = has_ancestor_tag(tree, node, Tag::Figure, Some(3));
    let remove = (!in_figure && images > 1.0 && paragraphs / images < 0.5)
        || (!is_list && items > paragraphs)
        || (inputs > (paragraphs / 3.0).floor())
        || (!is_list
            && !in_figure
            && heading_density < 0.9
            && content_length < 25
            && (images == 0.0 || images > 2.0)
            && density > 0.0)
        || (!is_list && weight < 25.0 && density > 0.2)
        || (weight >= 25.0 && density > 0.5)
        || ((embeds == 1 && content_length < 75) || embeds > 1)
        || (images == 0.0 && textish == 0.0);
    if is_list && remove {
        let nested = tree
            .element_children(node)
            .any(|child| tree.element_children(child).count() > 1);
        if nested {
            return true;
        }
        return images != count_tag(tree, node, Tag::Li) as f64;
    }
    remove
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

/// Resolves `href`/`src`/`srcset`/`poster` against the page, unwraps `javascript:` links,
/// and folds wrappers that only hold one other wrapper.
pub fn post_process(tree: &mut Tree, article: NodeId, resolver: &Resolver) {
    let nodes: Vec<NodeId> = tree.descendants(article).collect();
    for &node in &nodes {
        let Some(element) = tree.element_mut(node) else {
            continue;
        };
        let script_link = element.tag == Tag::A
            && element.attr(Attr::Href).is_some_and(|href| {
                crate::url::scheme(&crate::url::clean_url(href)).as_deref() == Some("javascript")
            });
        if script_link {
            // A script link is only its text to a reader.
            element.tag = Tag::Span;
            element.remove_attr(Attr::Href);
        }
        for (attr, value) in element.attrs.iter_mut() {
            match attr {
                Attr::Href | Attr::Src | Attr::Poster | Attr::Cite
                    if !value.trim_start().starts_with('#') =>
                {
                    *value = resolver.resolve(value);
                }
                Attr::Srcset => *value = resolver.resolve_srcset(value),
                _ => {}
            }
        }
    }
    for &node in &nodes {
        if !matches!(tree.tag(node), Some(Tag::Div | Tag::Section)) || tree.parent(node) == NONE {
            continue;
        }
        if is_without_content(tree, node) && !has_descendant(tree, node, &[Tag::Img]) {
            tree.detach(node);
        }
    }
    // Single-wrapper folding: a div/section whose only content is another div/section.
    let mut node = tree.first_child(article);
    while node != NONE {
        if matches!(tree.tag(node), Some(Tag::Div | Tag::Section))
            && (has_single_tag_inside(tree, node, Tag::Div)
                || has_single_tag_inside(tree, node, Tag::Section))
        {
            let child = tree.element_children(node).next().unwrap_or(NONE);
            if child != NONE {
                tree.insert_before(node, child);
                tree.detach(node);
                node = child;
                continue;
            }
        }
        node = tree.next_in(node, article);
    }
}

/// Our precision pass: boilerplate the Readability rules keep.
pub fn remove_boilerplate(tree: &mut Tree, article: NodeId) {
    let mut cache = TextCache::new(tree, article);
    let nodes: Vec<NodeId> = tree.descendants(article).collect();
    for &node in &nodes {
        if tree.parent(node) == NONE || !tree.has_ancestor(node, article) {
            continue;
        }
        let Some(element) = tree.element(node) else {
            continue;
        };
        let tag = element.tag;
        if !element.hint.is_empty() && hint_has_token(&element.hint, BOILERPLATE_HINTS, false) {
            let length = cache.text_len(node);
            if length < BOILERPLATE_MAX_CHARS || cache.link_density(node) > 0.5 {
                cache.detach(tree, node);
                continue;
            }
        }
        if !element.hint.is_empty()
            && hint_has_token(&element.hint, SHORT_FURNITURE_HINTS, false)
            && cache.text_len(node) < SHORT_FURNITURE_MAX_CHARS
        {
            cache.detach(tree, node);
            continue;
        }
        if matches!(
            tag,
            Tag::P | Tag::Div | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
        ) && !has_ancestor_tag(tree, node, Tag::Table, None)
            && !has_ancestor_tag(tree, node, Tag::Li, None)
            && is_link_block(&cache, node)
        {
            cache.detach(tree, node);
            continue;
        }
        if is_text_block(tag)
            && (!is_inline(tag) || holds_all_parent_text(tree, &cache, node))
            && is_boilerplate_text(tree, &cache, node)
        {
            cache.detach(tree, node);
        }
    }
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(lower_case)
        .collect()
}

/// Removes the text blocks that the page's own JSON-LD `articleBody` does not contain,
/// when that declared body is the full text (not a teaser) and our extraction holds it.
pub fn trim_to_declared_body(tree: &mut Tree, article: NodeId, declared: &str) {
    use std::collections::HashSet;
    let declared_words = words(declared);
    let extracted_words = words(&inner_text(tree, article));
    if declared_words.len() < DECLARED_BODY_MIN_WORDS
        || (declared_words.len() as f64) < extracted_words.len() as f64 * DECLARED_BODY_MIN_SHARE
    {
        return;
    }
    let shingles: HashSet<&[String]> = declared_words.windows(4).collect();
    let joined = format!(" {} ", declared_words.join(" "));
    // The declared body must itself be found in what we extracted, or it describes other text.
    let extracted: HashSet<&[String]> = extracted_words.windows(4).collect();
    let found = shingles.iter().filter(|s| extracted.contains(*s)).count();
    if (found as f64) < shingles.len() as f64 * 0.8 {
        return;
    }
    let blocks: Vec<NodeId> = tree
        .descendants(article)
        .filter(|&id| {
            matches!(
                tree.tag(id),
                Some(
                    Tag::P
                        | Tag::Li
                        | Tag::H2
                        | Tag::H3
                        | Tag::H4
                        | Tag::H5
                        | Tag::H6
                        | Tag::Figcaption
                        | Tag::Dt
                        | Tag::Dd
                )
            ) && !has_descendant(
                tree,
                id,
                &[Tag::P, Tag::Li, Tag::Table, Tag::Pre, Tag::Ul, Tag::Ol],
            )
        })
        .collect();
    for block in blocks {
        let block_words = words(&inner_text(tree, block));
        if block_words.is_empty() {
            continue;
        }
        let keep = if block_words.len() < 4 {
            joined.contains(&format!(" {} ", block_words.join(" ")))
        } else {
            let total = block_words.len() - 3;
            let inside = block_words
                .windows(4)
                .filter(|w| shingles.contains(w))
                .count();
            inside as f64 >= total as f64 * DECLARED_BODY_BLOCK_OVERLAP
        };
        if !keep {
            tree.detach(block);
        }
    }
}

/// A short block whose text is all links: a related headline or a link list entry.
fn is_link_block(cache: &TextCache, node: NodeId) -> bool {
    let length = cache.text_len(node);
    length > 0
        && length < LINK_BLOCK_MAX_CHARS
        && cache.link_density(node) >= LINK_BLOCK_MIN_DENSITY
}

fn is_text_block(tag: Tag) -> bool {
    matches!(
        tag,
        Tag::P
            | Tag::Div
            | Tag::Li
            | Tag::H1
            | Tag::H2
            | Tag::H3
            | Tag::H4
            | Tag::H5
            | Tag::H6
            | Tag::Span
            | Tag::A
            | Tag::Figcaption
            | Tag::Section
            | Tag::Aside
            | Tag::Ul
            | Tag::Strong
            | Tag::B
            | Tag::Em
    )
}

fn is_inline(tag: Tag) -> bool {
    matches!(tag, Tag::Span | Tag::A | Tag::Strong | Tag::B | Tag::Em)
}

/// An inline element is furniture only on its own ("Advertisement" in a `<span>`), never as
/// a word of a sentence ("meet again <span>next</span> week").
fn holds_all_parent_text(tree: &Tree, cache: &TextCache, node: NodeId) -> bool {
    let mut block = tree.parent(node);
    while block != NONE && tree.element(block).is_some() && is_phrasing(tree, block) {
        block = tree.parent(block);
    }
    block == NONE || cache.text_len(block) <= cache.text_len(node)
}

fn is_boilerplate_text(tree: &Tree, cache: &TextCache, node: NodeId) -> bool {
    let length = cache.text_len(node);
    if length == 0 || length > BOILERPLATE_PREFIX_MAX_CHARS {
        return false;
    }
    let text = lower_case(&inner_text(tree, node));
    let bare = text.trim_end_matches(|c: char| {
        c == ':' || c == '.' || c == '»' || c == '›' || c.is_whitespace()
    });
    if BOILERPLATE_TEXTS.contains(&bare) || is_counter(bare) {
        return true;
    }
    BOILERPLATE_PREFIXES
        .iter()
        .any(|prefix| text.starts_with(prefix))
        || (DATELINE_PREFIXES
            .iter()
            .any(|prefix| text.starts_with(prefix))
            && text.contains(|c: char| c.is_ascii_digit()))
}

/// Gallery counters: "3 of 12", "Image 2 of 6", "2/6".
fn is_counter(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let is_number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    match words.as_slice() {
        [a, "of", b] => is_number(a) && is_number(b),
        [_, a, "of", b] => is_number(a) && is_number(b),
        [pair] => pair
            .split_once('/')
            .is_some_and(|(a, b)| is_number(a) && is_number(b)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_image_urls() {
        assert_eq!(image_url_kind("/img/a.JPG"), Some(false));
        assert_eq!(image_url_kind("a.jpg 1x, b.jpg 2x"), Some(true));
        assert_eq!(image_url_kind("a.png 300w"), Some(true));
        assert_eq!(image_url_kind("lazyload"), None);
    }

    #[test]
    fn hint_tokens_need_a_boundary_before() {
        assert!(hint_has_token("social-share bar", &["share"], true));
        assert!(!hint_has_token("sharebar", &["share"], true));
        assert!(hint_has_token("relatedstories", &["related"], false));
        assert!(!hint_has_token("blueprint", &["print"], false));
        assert!(hint_has_token("blueprint print-button", &["print"], true));
        assert!(!hint_has_token("blueprint printer", &["print"], true));
        assert!(
            hint_has_token("éshare", &["share"], true),
            "é is not ASCII alphanumeric"
        );
        assert!(hint_has_token("share", &["sharebar", "share"], true));
    }

    #[test]
    fn counters() {
        assert!(is_counter("1 of 6"));
        assert!(is_counter("image 2 of 6"));
        assert!(is_counter("3/12"));
        assert!(!is_counter("one of the best"));
    }
}
