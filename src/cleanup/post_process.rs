//! Phase 5, after the winner is chosen: URLs made absolute, `javascript:` links unwrapped,
//! empty containers removed and wrappers that only hold another wrapper folded.

use crate::cleanup::precision::is_signature_word;
use crate::explain::Trace;
use crate::measure::{has_descendant, holds_only_tag, is_without_content};
use crate::patterns::CODE_LANGUAGE_PREFIXES;
use crate::rules::Rule;
use crate::tree::{Attr, NodeId, Tag, Tree, NONE};
use crate::url::{clean_url, scheme, Resolver};

/// Resolves `href`/`src`/`srcset`/`poster` against the page, unwraps `javascript:` links,
/// and folds wrappers that only hold one other wrapper.
pub fn post_process(
    tree: &mut Tree,
    article: NodeId,
    resolver: &Resolver,
    thread: bool,
    trace: &mut Trace,
) {
    let nodes: Vec<NodeId> = tree.descendants(article).collect();
    for &node in &nodes {
        let Some(element) = tree.element_mut(node) else {
            continue;
        };
        let script_link = element.tag == Tag::A
            && element
                .attr(Attr::Href)
                .is_some_and(|href| scheme(&clean_url(href)).as_deref() == Some("javascript"));
        if script_link {
            // A script link is only its text to a reader.
            element.tag = Tag::Span;
            element.remove_attr(Attr::Href);
        }
        element.attrs.update(|attr, value| match attr {
            Attr::Href | Attr::Src | Attr::Poster | Attr::Cite
                if !value.trim_start().starts_with('#') =>
            {
                Some(resolver.resolve(value))
            }
            Attr::Srcset => Some(resolver.resolve_srcset(value)),
            _ => None,
        });
    }
    for &node in &nodes {
        if !matches!(tree.tag(node), Some(Tag::Div | Tag::Section)) || tree.parent(node) == NONE {
            continue;
        }
        if is_without_content(tree, node) && !has_descendant(tree, node, &[Tag::Img]) {
            trace.remove(tree, node, Rule::PostProcessEmptyContainer);
        }
    }
    // Single-wrapper folding: a div/section whose only content is another div/section (no
    // words of its own beside it, as `<div>Weight: <div>0.7 lbs</div></div>` has).
    let mut node = tree.first_child(article);
    while node != NONE {
        if matches!(tree.tag(node), Some(Tag::Div | Tag::Section))
            && (holds_only_tag(tree, node, Tag::Div) || holds_only_tag(tree, node, Tag::Section))
        {
            let child = tree.element_children(node).next().unwrap_or(NONE);
            if child != NONE {
                carry_class_words(tree, node, child, thread);
                tree.insert_before(node, child);
                tree.detach(node);
                node = child;
                continue;
            }
        }
        node = tree.next_in(node, article);
    }
}

/// A folded wrapper's class words naming a code block's language (Rouge's
/// `div.language-ruby` around `div.highlight`), and in a thread a signature
/// (`ipsEntry__signature` around its text), go to the child that takes its place.
fn carry_class_words(tree: &mut Tree, wrapper: NodeId, child: NodeId, thread: bool) {
    let Some(words) = tree.element(wrapper).map(|wrapper| {
        wrapper
            .hint
            .split_ascii_whitespace()
            .filter(|word| {
                (thread && is_signature_word(word))
                    || CODE_LANGUAGE_PREFIXES
                        .iter()
                        .any(|prefix| word.starts_with(prefix))
            })
            .map(str::to_owned)
            .collect::<Vec<_>>()
    }) else {
        return;
    };
    if let Some(child) = tree.element_mut(child) {
        let mut hint = child.hint.to_string();
        for word in words {
            hint.push(' ');
            hint.push_str(&word);
        }
        child.hint = hint.into();
    }
}
