//! Footnotes: references and their notes recognised in the shapes pages use (`<sup>` links,
//! `doc-noteref`, Pandoc and GitHub footnotes, Wikipedia references, WordPress and Google
//! Docs footnotes, Substack notes, Tufte-style sidenotes), numbered and linked with ids of
//! our own, the notes gathered in one list at the article's end.

use std::collections::HashMap;

use super::role;
use crate::explain::Trace;
use crate::measure::{has_text, inner_text, text_len};
use crate::patterns::{
    FOOTNOTE_BACKLINK_HINTS, FOOTNOTE_LABEL_MAX_CHARS, FOOTNOTE_NOTE_MAX_CHARS, FOOTNOTE_REF_HINTS,
    NOTES_HEADINGS, SIDENOTE_HINTS,
};
use crate::rules::Rule;
use crate::text::lower_case;
use crate::tree::{Attr, Attrs, Element, NodeId, SharedStr, Tag, Tree, NONE};

/// A reference and the note it points to.
struct Reference {
    link: NodeId,
    note: NodeId,
    /// A sidenote: written where it is referenced, so it has no place in a notes list.
    inline: bool,
}

pub fn keep_footnotes(tree: &mut Tree, article: NodeId, trace: &mut Trace) {
    // In document order: references are numbered as a reader meets them.
    let candidates: Vec<NodeId> = tree
        .descendants(article)
        .filter(|&id| fragment_of(tree, id).is_some() || is_sidenote(tree, id))
        .collect();
    if candidates.is_empty() {
        return;
    }
    let references = find_references(tree, article, &candidates);
    if references.is_empty() {
        return;
    }
    // Numbered by first reference, as readers count them.
    let mut numbers: HashMap<NodeId, usize> = HashMap::new();
    let mut notes: Vec<NodeId> = Vec::new();
    let mut reference_ids: HashMap<String, NodeId> = HashMap::new();
    for reference in &references {
        if let std::collections::hash_map::Entry::Vacant(entry) = numbers.entry(reference.note) {
            notes.push(reference.note);
            entry.insert(notes.len());
        }
        for id in std::iter::once(reference.link).chain(tree.ancestors(reference.link).take(2)) {
            if let Some(value) = tree.element(id).and_then(|e| e.attr(Attr::Id)) {
                reference_ids.insert(value.to_owned(), id);
            }
        }
    }
    // The notes list goes where the first note was, when that is in the article (after a
    // "References" heading, before "External links"); else at the article's end.
    let first_note = references
        .iter()
        .filter(|reference| !reference.inline)
        .map(|reference| reference.note)
        .min()
        .unwrap_or(NONE);
    let place = match first_note {
        NONE => None,
        note => {
            let parent = tree.parent(note);
            let place = if tree.is_tag(parent, Tag::Ol) || tree.is_tag(parent, Tag::Ul) {
                parent
            } else {
                note
            };
            tree.has_ancestor(place, article).then_some(place)
        }
    };
    let list = tree.new_element(Element::new(Tag::Ol));
    let mut section = Element::new(Tag::Section);
    section.set_attr(Attr::Markup, role::ENDNOTES.to_owned());
    let section = tree.new_element(section);
    tree.append_child(section, list);
    match place {
        Some(place) => tree.insert_before(place, section),
        None => tree.append_child(article, section),
    }
    let mut origins = Vec::new();
    for (index, &note) in notes.iter().enumerate() {
        // A note that moves whole leaves its parent behind; one whose content moves, itself.
        origins.push(if tree.is_tag(note, Tag::P) {
            tree.parent(note)
        } else {
            note
        });
        let item = gather_note(tree, note, index + 1, &reference_ids, trace);
        tree.append_child(list, item);
    }
    let mut seen: HashMap<usize, usize> = HashMap::new();
    for reference in &references {
        let number = numbers[&reference.note];
        let count = seen.entry(number).or_insert(0);
        *count += 1;
        mark_reference(tree, reference.link, number, *count);
    }
    for origin in origins {
        remove_if_empty(tree, origin, article);
    }
}

/// The words of an element's class and id, exactly.
fn has_class_word(tree: &Tree, node: NodeId, words: &[&str]) -> bool {
    tree.element(node).is_some_and(|element| {
        element
            .hint
            .split_ascii_whitespace()
            .any(|token| words.contains(&token))
    })
}

/// Class or id words that start with one of `prefixes`.
fn has_class_prefix(tree: &Tree, node: NodeId, prefixes: &[&str]) -> bool {
    tree.element(node).is_some_and(|element| {
        element
            .hint
            .split_ascii_whitespace()
            .any(|token| prefixes.iter().any(|prefix| token.starts_with(prefix)))
    })
}

/// A note written where it is referenced, shown in the margin (Tufte CSS and its kin): it
/// becomes a reference at its place and a note in the list.
fn is_sidenote(tree: &Tree, node: NodeId) -> bool {
    has_class_word(tree, node, SIDENOTE_HINTS)
        && has_text(tree, node)
        && !tree
            .ancestors(node)
            .any(|a| has_class_word(tree, a, SIDENOTE_HINTS))
}

fn sidenote_reference(tree: &mut Tree, note: NodeId) -> Reference {
    let link = tree.new_element(Element::new(Tag::A));
    tree.insert_before(note, link);
    // The note's content moves to the list; its place keeps the reference.
    let holder = tree.new_element(Element::new(Tag::Div));
    tree.insert_before(note, holder);
    tree.append_child(holder, note);
    Reference {
        link,
        note: holder,
        inline: true,
    }
}

/// `href="#x"`'s `x`.
fn fragment_of(tree: &Tree, node: NodeId) -> Option<&str> {
    let element = tree.element(node)?;
    if element.tag != Tag::A {
        return None;
    }
    element
        .attr(Attr::Href)?
        .strip_prefix('#')
        .filter(|f| !f.is_empty())
}

/// The references among `candidates` (sidenotes and same-page links, in document order)
/// and their notes.
fn find_references(tree: &mut Tree, article: NodeId, candidates: &[NodeId]) -> Vec<Reference> {
    // Only notes in the article: notes the extraction left out (a shop's legal notes at the
    // page's foot) stay out, and their references keep their labels as text.
    let mut ids: HashMap<String, NodeId> = HashMap::new();
    for id in tree.descendants(article) {
        if let Some(value) = tree.element(id).and_then(|e| e.attr(Attr::Id)) {
            ids.entry(value.to_owned()).or_insert(id);
        }
    }
    let mut references = Vec::new();
    let mut dangling = Vec::new();
    for &node in candidates {
        if fragment_of(tree, node).is_none() {
            references.push(sidenote_reference(tree, node));
            continue;
        }
        if !looks_like_reference(tree, node) {
            continue;
        }
        let fragment = fragment_of(tree, node).unwrap_or_default();
        match ids
            .get(fragment)
            .and_then(|&target| note_of(tree, node, target))
        {
            Some(note) => references.push(Reference {
                link: node,
                note,
                inline: false,
            }),
            None if !ids.contains_key(fragment) => dangling.push(node),
            None => {}
        }
    }
    // A reference to a note that is not in the article would link nowhere: its label stays.
    for link in dangling {
        tree.unwrap(link);
    }
    references
}

/// A footnote reference: a short label, marked as a note reference or set in superscript.
fn looks_like_reference(tree: &Tree, link: NodeId) -> bool {
    let label = inner_text(tree, link);
    let label = label.trim();
    if label.is_empty() || label.chars().count() > FOOTNOTE_LABEL_MAX_CHARS {
        return false;
    }
    let near: Vec<NodeId> = std::iter::once(link)
        .chain(tree.ancestors(link).take(2))
        .collect();
    let marked = tree
        .element(link)
        .is_some_and(|e| e.attr(Attr::Role) == Some("doc-noteref"))
        || near
            .iter()
            .any(|&id| has_class_prefix(tree, id, FOOTNOTE_REF_HINTS));
    let superscript = near.iter().any(|&id| tree.is_tag(id, Tag::Sup))
        || tree.descendants(link).any(|id| tree.is_tag(id, Tag::Sup));
    (marked || superscript) && is_note_label(label)
}

/// A note's label: a number, one or two letters, a roman numeral or a mark (`*`, `†`),
/// in brackets or not.
fn is_note_label(label: &str) -> bool {
    let bare = label.trim_matches(|c| "[]()".contains(c));
    let roman = bare.chars().all(|c| "ivxlcIVXLC".contains(c));
    !bare.is_empty()
        && (bare.chars().all(|c| c.is_ascii_digit())
            || bare.chars().count() <= 2 && bare.chars().all(char::is_alphabetic)
            || roman
            || bare.chars().all(|c| "*†‡§¶#".contains(c)))
}

/// The block holding the note a reference points to, if the target is a note: after the
/// reference, not around it, not a section of the article.
fn note_of(tree: &Tree, link: NodeId, target: NodeId) -> Option<NodeId> {
    if target <= link || tree.has_ancestor(link, target) {
        return None;
    }
    let mut note = target;
    while let Some(tag) = tree.tag(note) {
        if matches!(
            tag,
            Tag::Li | Tag::P | Tag::Div | Tag::Dd | Tag::Aside | Tag::Td | Tag::Footer
        ) {
            break;
        }
        if tag.is_heading() || matches!(tag, Tag::Section | Tag::Article | Tag::Body) {
            return None;
        }
        note = tree.parent(note);
        if note == NONE {
            return None;
        }
    }
    // A block holding only the note's own label (split off by clean-up): the note is the
    // block around it.
    let label_chars = text_len(tree, target);
    while text_len(tree, note) <= label_chars
        && tree.parent(note) != NONE
        && tree
            .tag(tree.parent(note))
            .is_some_and(|tag| matches!(tag, Tag::Div | Tag::Li | Tag::Aside | Tag::Dd))
    {
        note = tree.parent(note);
    }
    let too_long = inner_text(tree, note).chars().count() > FOOTNOTE_NOTE_MAX_CHARS;
    let has_heading = tree
        .descendants(note)
        .any(|id| tree.tag(id).is_some_and(Tag::is_heading));
    (!too_long && !has_heading && !tree.has_ancestor(link, note)).then_some(note)
}

/// The note's content in a list item of ours, without its own number and back links, and
/// with a link back to the first reference.
fn gather_note(
    tree: &mut Tree,
    note: NodeId,
    number: usize,
    reference_ids: &HashMap<String, NodeId>,
    trace: &mut Trace,
) -> NodeId {
    let mut item = Element::new(Tag::Li);
    item.set_attr(Attr::OwnId, format!("fn-{number}"));
    let item = tree.new_element(item);
    if tree.is_tag(note, Tag::P) {
        tree.append_child(item, note);
    } else {
        tree.move_children(note, item);
    }
    let labels: Vec<NodeId> = tree
        .descendants(item)
        .filter(|&id| {
            has_class_prefix(tree, id, FOOTNOTE_BACKLINK_HINTS)
                || fragment_of(tree, id).is_some_and(|f| reference_ids.contains_key(f))
        })
        .collect();
    for label in labels {
        if tree.has_ancestor(label, item) {
            let parent = tree.parent(label);
            trace.remove(tree, label, Rule::MarkupFootnoteLabel);
            remove_if_empty(tree, parent, item);
        }
    }
    // One paragraph reads as the item's own text (`[1] text`, not a line of its own).
    let elements: Vec<NodeId> = tree.element_children(item).collect();
    if let [only] = elements[..] {
        if tree.is_tag(only, Tag::P) {
            tree.unwrap(only);
        }
    }
    let ends_spaced = tree
        .descendants(item)
        .filter_map(|id| tree.text(id))
        .last()
        .is_some_and(|text| text.ends_with(char::is_whitespace));
    if !ends_spaced {
        let space = tree.new_text(" ".to_owned());
        tree.append_child(item, space);
    }
    let mut back = Element::new(Tag::A);
    back.set_attr(Attr::Href, format!("#fnref-{number}"));
    back.set_attr(Attr::Markup, role::BACKLINK.to_owned());
    let back = tree.new_element(back);
    let arrow = tree.new_text("\u{21A9}".to_owned());
    tree.append_child(back, arrow);
    tree.append_child(item, back);
    item
}

/// The reference as `<sup><a href="#fn-N" id="fnref-N">label</a></sup>`: the label as the
/// author wrote it ("12", "[a]", "*"), or the number when there was none (a sidenote).
fn mark_reference(tree: &mut Tree, link: NodeId, number: usize, occurrence: usize) {
    let written = inner_text(tree, link);
    let written = written.trim();
    let label = if written.is_empty() {
        number.to_string()
    } else {
        written.to_owned()
    };
    let children: Vec<NodeId> = tree.children(link).collect();
    for child in children {
        tree.detach(child);
    }
    let label = tree.new_text(label);
    tree.append_child(link, label);
    if let Some(element) = tree.element_mut(link) {
        element.attrs = Attrs::default();
        element.hint = SharedStr::default();
        element.set_attr(Attr::Href, format!("#fn-{number}"));
        let id = match occurrence {
            1 => format!("fnref-{number}"),
            n => format!("fnref-{number}-{n}"),
        };
        element.set_attr(Attr::OwnId, id);
        element.set_attr(Attr::Markup, role::NOTE_REF.to_owned());
    }
    let in_superscript = tree
        .ancestors(link)
        .take(2)
        .any(|id| tree.is_tag(id, Tag::Sup));
    if !in_superscript {
        let sup = tree.new_element(Element::new(Tag::Sup));
        tree.insert_before(link, sup);
        tree.append_child(sup, link);
    }
}

/// Detaches `node` if it holds no text, then each ancestor below `scope` that is left
/// without any, and a notes heading left with nothing under it.
fn remove_if_empty(tree: &mut Tree, node: NodeId, scope: NodeId) {
    let mut node = node;
    while node != scope && node != NONE && tree.parent(node) != NONE && !has_text(tree, node) {
        let parent = tree.parent(node);
        let before = tree.prev_sibling(node);
        tree.detach(node);
        let heading_left_bare = before != NONE
            && tree.tag(before).is_some_and(Tag::is_heading)
            && (tree.next_sibling(before) == NONE
                || tree
                    .tag(tree.next_sibling(before))
                    .is_some_and(Tag::is_heading));
        if heading_left_bare
            && NOTES_HEADINGS.contains(&lower_case(inner_text(tree, before).trim()).as_str())
        {
            tree.detach(before);
        }
        node = parent;
    }
}
