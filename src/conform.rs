//! Conform: the cleaned article is made a tree that a browser's HTML parser builds back from
//! our own serialisation, so that `content` assigned to `innerHTML` gives exactly this tree
//! (nothing re-nested, fostered or dropped) and `textContent` and Markdown, rendered from the
//! same tree, say what `content` shows.
//!
//! Ingest follows HTML's implied-end rules, but scoring and clean-up move, rename and wrap
//! elements (a row can win, a `<div>` holding a heading becomes a `<p>`) and the renderer
//! writes some tags as others (`article` as `div`, `font` not at all). So the rules below are
//! HTML's tree-construction rules that our output could trip, applied to the tags we write.

use crate::measure::is_phrasing;
use crate::patterns::{ITEM_SEARCH_STOPS, PARAGRAPH_CLOSERS};
use crate::render::html::{output_for, Emit};
use crate::tree::{Element, NodeData, NodeId, Tag, Tree, NONE};

pub fn conform(tree: &mut Tree, article: NodeId) {
    fix_nested_links(tree, article);
    fix_tables(tree, article);
    fix_nested_items(tree, article);
    fix_paragraphs(tree, article);
}

/// A link holding another link (a card that is a link, with the brand's link inside) is
/// re-nested by a browser's parser: the outer link gives way to its content.
fn fix_nested_links(tree: &mut Tree, article: NodeId) {
    let outer: Vec<NodeId> = tree
        .descendants(article)
        .filter(|&id| {
            tree.is_tag(id, Tag::A) && tree.descendants(id).any(|inner| tree.is_tag(inner, Tag::A))
        })
        .collect();
    for link in outer {
        tree.unwrap(link);
    }
}

/// How a node is written.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Written {
    /// Text; `true` when it is only ASCII whitespace, which a table keeps in place.
    Text(bool),
    Tag(Tag),
    /// Only its children are written.
    Transparent,
    Dropped,
}

fn written(tree: &Tree, node: NodeId) -> Written {
    match &tree.node(node).data {
        NodeData::Text(text) => Written::Text(text.bytes().all(|b| b.is_ascii_whitespace())),
        NodeData::Element(element) => match output_for(element.tag) {
            Emit::Tag(name) => Written::Tag(Tag::from_name(name)),
            Emit::Transparent => Written::Transparent,
            Emit::Dropped => Written::Dropped,
        },
    }
}

/// The node after `node` in document order within `scope`, not entering what is not written
/// as HTML: dropped elements and formulas (the renderer keeps MathML's rules there).
fn next_html(tree: &Tree, node: NodeId, scope: NodeId) -> NodeId {
    if tree.is_tag(node, Tag::Math) || written(tree, node) == Written::Dropped {
        tree.next_skipping_children(node, scope)
    } else {
        tree.next_in(node, scope)
    }
}

fn html_nodes(tree: &Tree, scope: NodeId) -> Vec<NodeId> {
    let mut nodes = Vec::new();
    let mut node = tree.first_child(scope);
    while node != NONE {
        nodes.push(node);
        node = next_html(tree, node, scope);
    }
    nodes
}

fn new_element(tree: &mut Tree, tag: Tag) -> NodeId {
    tree.new_element(Element::new(tag))
}

// ------------------------------------------------------------------------------- tables

/// Tables as a browser builds them: rows in a `<tbody>`, cells in a `<tr>`, anything else
/// moved before the table (HTML's foster parenting); rows and cells outside a table, whose
/// tags a browser ignores, become their content (a cell as a `<div>`).
fn fix_tables(tree: &mut Tree, article: NodeId) {
    for node in html_nodes(tree, article) {
        // Only wrappers are detached here (their children are moved out first), whitespace
        // and `<col>`: a node without a parent is one of them.
        if tree.parent(node) == NONE {
            continue;
        }
        let Written::Tag(tag) = written(tree, node) else {
            continue;
        };
        let parent = match written(tree, tree.parent(node)) {
            Written::Tag(parent) => parent,
            _ => Tag::Unknown,
        };
        match tag {
            Tag::Table => fix_table(tree, node),
            _ if in_place(tag, parent) => {}
            Tag::Td | Tag::Th | Tag::Caption => {
                if let Some(element) = tree.element_mut(node) {
                    element.tag = Tag::Div;
                }
            }
            Tag::Tr | Tag::Tbody | Tag::Thead | Tag::Tfoot => {
                tree.unwrap(node);
            }
            Tag::Colgroup | Tag::Col => tree.detach(node),
            _ => {}
        }
    }
}

/// Whether a table part is where it belongs (other tags are anywhere).
fn in_place(tag: Tag, parent: Tag) -> bool {
    match tag {
        Tag::Td | Tag::Th => parent == Tag::Tr,
        Tag::Tr => parent.is_row_group(),
        Tag::Col => parent == Tag::Colgroup,
        Tag::Caption | Tag::Colgroup | Tag::Tbody | Tag::Thead | Tag::Tfoot => parent == Tag::Table,
        _ => true,
    }
}

/// What a table part does with a child.
enum Place {
    Keep,
    /// Into the row or body group being built (created if needed).
    Group,
    /// Moved before the table.
    Foster,
}

fn fix_table(tree: &mut Tree, table: NodeId) {
    fix_children(tree, table, table, |tag| match tag {
        Tag::Caption | Tag::Colgroup | Tag::Tbody | Tag::Thead | Tag::Tfoot => Place::Keep,
        Tag::Tr | Tag::Td | Tag::Th => Place::Group,
        _ => Place::Foster,
    });
    let parts: Vec<NodeId> = tree.element_children(table).collect();
    for part in parts {
        match tree.tag(part) {
            Some(group) if group.is_row_group() => {
                fix_children(tree, table, part, |tag| match tag {
                    Tag::Tr => Place::Keep,
                    Tag::Td | Tag::Th => Place::Group,
                    _ => Place::Foster,
                });
                let rows: Vec<NodeId> = tree.element_children(part).collect();
                for row in rows {
                    fix_children(tree, table, row, |tag| match tag {
                        Tag::Td | Tag::Th => Place::Keep,
                        _ => Place::Foster,
                    });
                }
            }
            Some(Tag::Colgroup) => fix_children(tree, table, part, |tag| match tag {
                Tag::Col => Place::Keep,
                _ => Place::Foster,
            }),
            _ => {}
        }
    }
}

/// Puts the children of `part` (the table or one of its groups or rows) where a browser
/// would: `place` says where each written tag goes. Wrappers that are not written give
/// their children; whitespace goes.
fn fix_children(tree: &mut Tree, table: NodeId, part: NodeId, place: impl Fn(Tag) -> Place) {
    let group_tag = if tree.is_tag(part, Tag::Table) {
        Tag::Tbody
    } else {
        Tag::Tr
    };
    // The group being filled, and for the table, the row being filled in it.
    let mut group = NONE;
    let mut row = NONE;
    // Fostered text and inline elements go into a paragraph, as the words of a block.
    let mut paragraph = NONE;
    let mut child = tree.first_child(part);
    while child != NONE {
        let mut next = tree.next_sibling(child);
        match written(tree, child) {
            Written::Transparent => next = tree.unwrap(child),
            Written::Text(true) => tree.detach(child),
            Written::Dropped => {}
            Written::Text(false) => paragraph = foster(tree, table, child, paragraph),
            Written::Tag(tag) => match place(tag) {
                Place::Keep => {
                    group = NONE;
                    row = NONE;
                }
                Place::Foster => paragraph = foster(tree, table, child, paragraph),
                Place::Group => {
                    if group == NONE {
                        group = new_element(tree, group_tag);
                        tree.insert_before(child, group);
                    }
                    let cell = tag.is_table_cell();
                    if group_tag == Tag::Tbody && cell {
                        if row == NONE {
                            row = new_element(tree, Tag::Tr);
                            tree.append_child(group, row);
                        }
                        tree.append_child(row, child);
                    } else {
                        row = NONE;
                        tree.append_child(group, child);
                    }
                }
            },
        }
        child = next;
    }
}

/// Moves `node` before the table; text and inline elements join the paragraph fostered
/// just before it, or start one. Returns that paragraph.
fn foster(tree: &mut Tree, table: NodeId, node: NodeId, paragraph: NodeId) -> NodeId {
    if !is_phrasing(tree, node) {
        tree.insert_before(table, node);
        return NONE;
    }
    let paragraph = if paragraph != NONE && tree.next_sibling(paragraph) == table {
        paragraph
    } else {
        let paragraph = new_element(tree, Tag::P);
        tree.insert_before(table, paragraph);
        paragraph
    };
    tree.append_child(paragraph, node);
    paragraph
}

// ------------------------------------------------------------------------ list items

/// A `<li>` outside a list, inside another `<li>` with only `div`s, `p`s and inline elements
/// between (an `<article>` is written as a `<div>`), would close that item in a browser: it
/// gets a `<ul>` of its own, which keeps it where it is. `<dd>`/`<dt>` get a `<dl>`.
fn fix_nested_items(tree: &mut Tree, article: NodeId) {
    let mut list = NONE;
    for node in html_nodes(tree, article) {
        let (items, list_tag): (&[Tag], Tag) = match written(tree, node) {
            Written::Tag(Tag::Li) => (&[Tag::Li], Tag::Ul),
            Written::Tag(Tag::Dd | Tag::Dt) => (&[Tag::Dd, Tag::Dt], Tag::Dl),
            _ => continue,
        };
        if !closes_open_item(tree, node, article, items) {
            continue;
        }
        // Neighbouring items share the list.
        let mut prev = tree.prev_sibling(node);
        while prev != NONE && written(tree, prev) == Written::Text(true) {
            prev = tree.prev_sibling(prev);
        }
        if list == NONE || prev != list || !tree.is_tag(list, list_tag) {
            list = new_element(tree, list_tag);
            tree.insert_before(node, list);
        } else {
            while tree.next_sibling(list) != node {
                let between = tree.next_sibling(list);
                tree.append_child(list, between);
            }
        }
        tree.append_child(list, node);
    }
}

/// Whether a browser, seeing this item's start tag, would close an open item of `items`.
fn closes_open_item(tree: &Tree, item: NodeId, article: NodeId, items: &[Tag]) -> bool {
    for ancestor in tree.ancestors(item) {
        if ancestor == article {
            return false;
        }
        if let Written::Tag(tag) = written(tree, ancestor) {
            if items.contains(&tag) {
                return true;
            }
            if ITEM_SEARCH_STOPS.contains(&tag) {
                return false;
            }
        }
    }
    false
}

// ------------------------------------------------------------------------ paragraphs

/// A `<p>` holding a block, at any depth (a `<div>` turned into a `<p>` that held a heading,
/// an inline element holding a paragraph), would be closed by it in a browser: it is written
/// as the `<div>` it can be.
fn fix_paragraphs(tree: &mut Tree, article: NodeId) {
    for node in html_nodes(tree, article) {
        if tree.is_tag(node, Tag::P) && holds_paragraph_closer(tree, node) {
            if let Some(element) = tree.element_mut(node) {
                element.tag = Tag::Div;
            }
        }
    }
}

fn holds_paragraph_closer(tree: &Tree, paragraph: NodeId) -> bool {
    let mut node = tree.first_child(paragraph);
    while node != NONE {
        if let Written::Tag(tag) = written(tree, node) {
            if PARAGRAPH_CLOSERS.contains(&tag) {
                return true;
            }
        }
        node = next_html(tree, node, paragraph);
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::{clean, Options};

    const PARAGRAPH: &str = "<p>The harbour committee met on Tuesday evening to discuss the \
        new ferry timetable, which has been criticised by commuters, shop owners and the \
        island school alike.</p>";

    /// The `content` of a page whose article is `body` between two paragraphs, without them.
    fn content(body: &str) -> String {
        let html = format!("<html><body><div>{PARAGRAPH}{body}{PARAGRAPH}</div></body></html>");
        let article = clean(&html, &Options::default()).expect("an article");
        article.content.replace(PARAGRAPH, "")
    }

    #[test]
    fn rows_get_a_body_and_cells_a_row() {
        let table = "<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table>";
        assert_eq!(
            content("<table><tr><td>a</td><td>b</td></tr></table>"),
            format!("<div>{table}</div>")
        );
        assert_eq!(
            content("<table><td>a<td>b</table>"),
            format!("<div>{table}</div>")
        );
        // A row start tag ends the open cell (ingest), so the rows are not nested.
        assert_eq!(
            content("<table><tr><td>a<b>x<tr><td>b</table>"),
            "<div><table><tbody><tr><td>a<b>x</b></td></tr><tr><td>b</td></tr></tbody></table></div>"
        );
    }

    #[test]
    fn what_a_table_cannot_hold_goes_before_it() {
        assert_eq!(
            content(
                "<table>words <p>para.</p><img src=\"/f.jpg\" alt=\"\"><tr><td>a</td></tr></table>"
            ),
            "<div><p>words </p><p>para.</p><p><img src=\"/f.jpg\" alt=\"\"></p>\
             <table><tbody><tr><td>a</td></tr></tbody></table></div>"
        );
    }

    #[test]
    fn cells_and_rows_outside_a_table_are_their_content() {
        assert_eq!(
            content("<td>loose cell</td><tr><td>loose row</td></tr>"),
            "<div><div>loose cell</div><div>loose row</div></div>"
        );
        // A row that wins is not written as bare cells either.
        let html = "<html><body><article><table><tbody><tr><td>one</td></tr><tr><td>Zürich \
            commuters, published</td><td>shop miss</td></tr></tbody></table></article></body></html>";
        let article = clean(html, &Options::default()).expect("an article");
        assert!(!article.content.contains("<td>"), "{}", article.content);
    }

    #[test]
    fn a_div_read_as_a_paragraph_keeps_its_blocks_out_of_a_p() {
        for (body, expected) in [
            (
                "<div><h5>Heading five</h5></div>",
                "<div><div><h5>Heading five</h5></div></div>",
            ),
            (
                "<div><section>text only</section></div>",
                "<div><div><section>text only</section></div></div>",
            ),
            (
                "<div><li>loose item.</li></div>",
                "<div><div><li>loose item.</li></div></div>",
            ),
        ] {
            assert_eq!(content(body), expected);
        }
    }

    #[test]
    fn an_item_in_a_renamed_wrapper_in_an_item_gets_a_list() {
        // `main` is written as `div`, which a browser's search for an open `<li>` crosses.
        assert_eq!(
            content("<ul><li>one <main><li>two</li><li>three</main></li></ul>"),
            "<div><ul><li>one <div><ul><li>two</li><li>three</li></ul></div></li></ul></div>"
        );
        assert_eq!(
            content("<dl><dt>one <header><dd>two</dd> <dt>three</header></dl>"),
            "<div><dl><dt>one <header><dl><dd>two</dd> <dt>three</dt></dl></header></dt></dl></div>"
        );
    }
}
