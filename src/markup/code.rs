//! Code blocks as the author wrote them: the language kept, the code text without the
//! highlighter's line numbers, copy button and language label.

use crate::explain::Trace;
use crate::measure::{inner_text, text_len};
use crate::patterns::{
    CODE_LANGUAGE_MAX_CHARS, CODE_LANGUAGE_PREFIXES, CODE_LINE_NUMBER_HINTS, CODE_TOOLBAR_HINTS,
    CODE_TOOLBAR_MAX_CHARS, CODE_TOOLBAR_TEXTS, CODE_WRAPPER_LANGUAGE_PREFIXES,
    CODE_WRAPPER_LEVELS, CODE_WRAPPER_MIN_SHARE, NOT_CODE_LANGUAGES,
};
use crate::rules::Rule;
use crate::text::hint_has_token;
use crate::text::lower_case;
use crate::tree::{Attr, Element, NodeId, Tag, Tree, NONE};

pub fn keep_code(tree: &mut Tree, article: NodeId, trace: &mut Trace) {
    let tables: Vec<NodeId> = tree
        .descendants(article)
        .filter(|&id| tree.is_tag(id, Tag::Table))
        .collect();
    for table in tables {
        if tree.has_ancestor(table, article) && !inside(tree, table, Tag::Pre, article) {
            unwrap_gutter_table(tree, table, trace);
        }
    }
    let blocks: Vec<NodeId> = tree
        .descendants(article)
        .filter(|&id| tree.is_tag(id, Tag::Pre) && !inside(tree, id, Tag::Pre, article))
        .collect();
    for pre in blocks {
        if !tree.has_ancestor(pre, article) {
            continue;
        }
        remove_line_numbers(tree, pre, trace);
        let language = language_of(tree, pre, article);
        remove_toolbar(tree, pre, article, language.as_deref(), trace);
        if let Some(language) = language {
            let code = code_element(tree, pre);
            if let Some(element) = tree.element_mut(code) {
                element.set_attr(Attr::CodeLanguage, language);
            }
        }
    }
}

fn inside(tree: &Tree, node: NodeId, tag: Tag, scope: NodeId) -> bool {
    tree.ancestors(node)
        .take_while(|&id| id != scope)
        .any(|id| tree.is_tag(id, tag))
}

fn is_line_numbers(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace())
}

/// A highlighter's two-cell table (Pygments, Rouge, Chroma): a cell of line numbers beside
/// a cell holding the code. The code takes the table's place.
fn unwrap_gutter_table(tree: &mut Tree, table: NodeId, trace: &mut Trace) {
    let rows: Vec<NodeId> = tree
        .descendants(table)
        .filter(|&id| tree.is_tag(id, Tag::Tr))
        .collect();
    let [row] = rows[..] else {
        return;
    };
    let cells: Vec<NodeId> = tree
        .element_children(row)
        .filter(|&id| tree.tag(id).is_some_and(Tag::is_table_cell))
        .collect();
    let code_cells: Vec<NodeId> = cells
        .iter()
        .copied()
        .filter(|&cell| {
            tree.descendants(cell).any(|id| tree.is_tag(id, Tag::Pre))
                && !is_line_numbers(&inner_text(tree, cell))
        })
        .collect();
    let [code_cell] = code_cells[..] else {
        return;
    };
    if cells.len() < 2
        || !cells
            .iter()
            .filter(|&&cell| cell != code_cell)
            .all(|&cell| is_line_numbers(&inner_text(tree, cell)))
    {
        return;
    }
    let children: Vec<NodeId> = tree.children(code_cell).collect();
    for child in children {
        tree.detach(child);
        tree.insert_before(table, child);
    }
    trace.remove(tree, table, Rule::MarkupCodeLineNumbers);
}

/// Line numbers inside the code: a highlighter's numbered spans, and a table of
/// number and code cells per line (highlight.js's line-number plugin).
fn remove_line_numbers(tree: &mut Tree, pre: NodeId, trace: &mut Trace) {
    let numbers: Vec<NodeId> = tree
        .descendants(pre)
        .filter(|&id| {
            tree.element(id).is_some_and(|element| {
                !element.hint.is_empty()
                    && hint_has_token(&element.hint, CODE_LINE_NUMBER_HINTS, true)
            }) && is_line_numbers(&inner_text(tree, id))
        })
        .collect();
    for node in numbers {
        if tree.has_ancestor(node, pre) {
            trace.remove(tree, node, Rule::MarkupCodeLineNumbers);
        }
    }
    let tables: Vec<NodeId> = tree
        .descendants(pre)
        .filter(|&id| tree.is_tag(id, Tag::Table))
        .collect();
    for table in tables {
        if tree.has_ancestor(table, pre) {
            flatten_line_table(tree, table, trace);
        }
    }
}

fn flatten_line_table(tree: &mut Tree, table: NodeId, trace: &mut Trace) {
    let rows: Vec<NodeId> = tree
        .descendants(table)
        .filter(|&id| tree.is_tag(id, Tag::Tr))
        .collect();
    for (index, &row) in rows.iter().enumerate() {
        let cells: Vec<NodeId> = tree
            .element_children(row)
            .filter(|&id| tree.tag(id).is_some_and(Tag::is_table_cell))
            .collect();
        let Some(&code) = cells.last() else {
            continue;
        };
        if index > 0 {
            let line_break = tree.new_text("\n".to_owned());
            tree.insert_before(table, line_break);
        }
        // A line's own block (`div.hljs-ln-line`, made a `<p>` by clean-up) is not code.
        let mut children: Vec<NodeId> = Vec::new();
        for child in tree.children(code) {
            if tree.is_tag(child, Tag::P)
                || tree.is_tag(child, Tag::Div)
                || tree.is_tag(child, Tag::Pre)
            {
                children.extend(tree.children(child));
            } else {
                children.push(child);
            }
        }
        for child in children {
            tree.insert_before(table, child);
        }
    }
    trace.remove(tree, table, Rule::MarkupCodeLineNumbers);
}

/// The code block and the wrappers around it that hold little else (a highlighter's
/// `div.highlight`, a toolbar's container), innermost first.
fn wrappers(tree: &Tree, pre: NodeId, article: NodeId) -> Vec<NodeId> {
    let code_chars = text_len(tree, pre).max(1);
    let mut chain = vec![pre];
    for ancestor in tree.ancestors(pre).take(CODE_WRAPPER_LEVELS) {
        if ancestor == article || ancestor == NONE {
            break;
        }
        let chars = text_len(tree, ancestor);
        let around = chars.saturating_sub(code_chars);
        if (code_chars as f64) < chars as f64 * CODE_WRAPPER_MIN_SHARE
            && around > CODE_TOOLBAR_MAX_CHARS
        {
            break;
        }
        chain.push(ancestor);
    }
    chain
}

/// A code block's language, from the first of its `<code>`, itself and its wrappers that
/// names one: `language-x` / `lang-x` classes and their kin, `data-language`, `brush: x`.
fn language_of(tree: &Tree, pre: NodeId, article: NodeId) -> Option<String> {
    let code = tree
        .descendants(pre)
        .find(|&id| tree.is_tag(id, Tag::Code))
        .into_iter();
    // The wrappers are measured only when the code itself names no language.
    code.chain(std::iter::once(pre))
        .filter_map(|id| tree.element(id))
        .find_map(declared_language)
        .or_else(|| {
            wrappers(tree, pre, article)
                .into_iter()
                .skip(1)
                .filter_map(|id| tree.element(id))
                .find_map(declared_language)
        })
}

fn declared_language(element: &Element) -> Option<String> {
    if let Some(language) = element.attr(Attr::DataLanguage).and_then(safe_language) {
        return Some(language);
    }
    // The hint: class words of wrappers that clean-up merged are there too.
    let tokens: Vec<&str> = element.hint.split_ascii_whitespace().collect();
    for (index, token) in tokens.iter().enumerate() {
        let named = CODE_LANGUAGE_PREFIXES
            .iter()
            .chain(CODE_WRAPPER_LANGUAGE_PREFIXES)
            .find_map(|prefix| token.strip_prefix(prefix));
        // SyntaxHighlighter's `brush: x`, Pandoc's `sourceCode x`.
        let named = named.or_else(|| match *token {
            "brush:" | "sourcecode" => tokens.get(index + 1).copied(),
            _ => None,
        });
        if let Some(language) = named.and_then(safe_language) {
            return Some(language);
        }
    }
    None
}

/// A language name reduced to the characters a class name and a fence's info string can
/// hold; `None` for names that mean "no language".
fn safe_language(name: &str) -> Option<String> {
    let name = name.trim().trim_end_matches(';').to_ascii_lowercase();
    let valid = !name.is_empty()
        && name.len() <= CODE_LANGUAGE_MAX_CHARS
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '#' | '_' | '.' | '-'));
    (valid && !NOT_CODE_LANGUAGES.contains(&name.as_str())).then_some(name)
}

/// The `<code>` element a language goes on: the block's only child element, else a new
/// one around all of the block's content.
fn code_element(tree: &mut Tree, pre: NodeId) -> NodeId {
    let only_code = {
        let mut elements = tree.element_children(pre);
        match (elements.next(), elements.next()) {
            (Some(code), None)
                if tree.is_tag(code, Tag::Code)
                    && tree.children(pre).all(|id| {
                        id == code || tree.text(id).is_some_and(|t| t.trim().is_empty())
                    }) =>
            {
                Some(code)
            }
            _ => None,
        }
    };
    if let Some(code) = only_code {
        return code;
    }
    let code = tree.new_element(Element::new(Tag::Code));
    tree.move_children(pre, code);
    tree.append_child(pre, code);
    code
}

/// Beside the code in its wrappers: a copy button's text, a label naming the language.
fn remove_toolbar(
    tree: &mut Tree,
    pre: NodeId,
    article: NodeId,
    language: Option<&str>,
    trace: &mut Trace,
) {
    let chain = wrappers(tree, pre, article);
    let mut toolbar = Vec::new();
    for window in chain.windows(2) {
        let (inner, outer) = (window[0], window[1]);
        for sibling in tree.element_children(outer) {
            if sibling == inner
                || tree
                    .descendants(sibling)
                    .any(|id| tree.is_tag(id, Tag::Pre))
            {
                continue;
            }
            if is_toolbar(tree, sibling, language) {
                toolbar.push(sibling);
            }
        }
    }
    for node in toolbar {
        if tree.has_ancestor(node, article) {
            trace.remove(tree, node, Rule::MarkupCodeToolbar);
        }
    }
}

/// Whether every text in `node` is a toolbar's: a copy button's, the language's name, or
/// inside an element whose class names a copy button or toolbar item.
fn is_toolbar(tree: &Tree, node: NodeId, language: Option<&str>) -> bool {
    let total = inner_text(tree, node);
    if total.trim().is_empty() || total.trim().chars().count() > CODE_TOOLBAR_MAX_CHARS {
        return false;
    }
    let in_toolbar_item = |id: NodeId| {
        std::iter::once(id)
            .chain(tree.ancestors(id))
            .take_while(|&a| a != tree.parent(node))
            .filter_map(|a| tree.element(a))
            .any(|e| !e.hint.is_empty() && hint_has_token(&e.hint, CODE_TOOLBAR_HINTS, false))
    };
    tree.descendants(node).all(|id| {
        let Some(text) = tree.text(id) else {
            return true;
        };
        let text = lower_case(text.trim());
        text.is_empty()
            || CODE_TOOLBAR_TEXTS.contains(&text.as_str())
            || language.is_some_and(|language| text == language)
            || in_toolbar_item(id)
    })
}
