//! Callouts (GitHub alerts, Obsidian callouts, Docusaurus, MkDocs and Sphinx admonitions):
//! a block quote that says its kind, with its title marked, so the Markdown can write
//! `> [!NOTE]` and a reader view can style it.

use super::role;
use crate::measure::inner_text;
use crate::patterns::{CALLOUT_HINTS, CALLOUT_KINDS, CALLOUT_TITLE_HINTS, CALLOUT_TITLE_MAX_CHARS};
use crate::text::lower_case;
use crate::tree::{Attr, NodeId, Tag, Tree};

pub fn mark_callouts(tree: &mut Tree, article: NodeId) {
    let callouts: Vec<NodeId> = tree
        .descendants(article)
        .filter(|&id| {
            tree.element(id).is_some_and(|element| {
                matches!(
                    element.tag,
                    Tag::Div | Tag::Aside | Tag::Section | Tag::Blockquote | Tag::Details
                ) && class_words(&element.hint).any(|word| CALLOUT_HINTS.contains(&word))
            })
        })
        .collect();
    for callout in callouts {
        let Some(hint) = tree.element(callout).map(|e| e.hint.clone()) else {
            continue;
        };
        let title = tree.element_children(callout).next().filter(|&first| {
            let is_title = tree.element(first).is_some_and(|element| {
                element.tag == Tag::Summary
                    || class_words(&element.hint)
                        .any(|word| CALLOUT_TITLE_HINTS.iter().any(|title| word.contains(title)))
            });
            is_title && inner_text(tree, first).chars().count() <= CALLOUT_TITLE_MAX_CHARS
        });
        let title_text = title.map(|t| lower_case(inner_text(tree, t).trim()));
        let kind = kind_from_classes(&hint)
            .or_else(|| {
                let first_word = title_text.as_deref()?.split_whitespace().next()?;
                CALLOUT_KINDS
                    .iter()
                    .copied()
                    .find(|kind| *kind == first_word)
            })
            .unwrap_or("note");
        if let Some(title) = title {
            if let Some(element) = tree.element_mut(title) {
                element.set_attr(Attr::Markup, role::CALLOUT_TITLE.to_owned());
            }
        }
        if let Some(element) = tree.element_mut(callout) {
            element.tag = Tag::Blockquote;
            element.set_attr(Attr::Callout, kind.to_owned());
        }
    }
}

fn class_words(hint: &str) -> impl Iterator<Item = &str> {
    hint.split_ascii_whitespace()
}

/// `markdown-alert-warning`, `admonition warning`, `theme-admonition-tip`, `callout-note`...
fn kind_from_classes(hint: &str) -> Option<&'static str> {
    class_words(hint).find_map(|word| {
        CALLOUT_KINDS.iter().copied().find(|kind| {
            word == *kind
                || word
                    .strip_suffix(kind)
                    .is_some_and(|before| before.ends_with('-'))
        })
    })
}
