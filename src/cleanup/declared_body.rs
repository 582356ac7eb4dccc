//! Phase 8: when the page declares its article body (JSON-LD `articleBody`) and that body
//! is the full text, the blocks it does not contain are furniture.

use std::collections::HashSet;

use crate::explain::Trace;
use crate::measure::{has_descendant, inner_text};
use crate::patterns::{
    DECLARED_BODY_BLOCK_OVERLAP, DECLARED_BODY_FOUND_SHARE, DECLARED_BODY_MIN_SHARE,
    DECLARED_BODY_MIN_WORDS, DECLARED_BODY_SHINGLE_WORDS,
};
use crate::rules::Rule;
use crate::text::lower_case;
use crate::tree::{NodeId, Tag, Tree};

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(lower_case)
        .collect()
}

/// Removes the text blocks that the page's own JSON-LD `articleBody` does not contain,
/// when that declared body is the full text (not a teaser) and our extraction holds it.
pub fn trim_to_declared_body(tree: &mut Tree, article: NodeId, declared: &str, trace: &mut Trace) {
    let declared_words = words(declared);
    let extracted_words = words(&inner_text(tree, article));
    if declared_words.len() < DECLARED_BODY_MIN_WORDS
        || (declared_words.len() as f64) < extracted_words.len() as f64 * DECLARED_BODY_MIN_SHARE
    {
        return;
    }
    let shingles: HashSet<&[String]> = declared_words
        .windows(DECLARED_BODY_SHINGLE_WORDS)
        .collect();
    let joined = format!(" {} ", declared_words.join(" "));
    // The declared body must itself be found in what we extracted, or it describes other text.
    let extracted: HashSet<&[String]> = extracted_words
        .windows(DECLARED_BODY_SHINGLE_WORDS)
        .collect();
    let found = shingles.iter().filter(|s| extracted.contains(*s)).count();
    if (found as f64) < shingles.len() as f64 * DECLARED_BODY_FOUND_SHARE {
        return;
    }
    let blocks: Vec<NodeId> = tree
        .descendants(article)
        .filter(|&id| {
            tree.tag(id).is_some_and(|tag| {
                tag.is_subheading()
                    || matches!(tag, Tag::P | Tag::Li | Tag::Figcaption | Tag::Dt | Tag::Dd)
            }) && !has_descendant(
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
        let keep = if block_words.len() < DECLARED_BODY_SHINGLE_WORDS {
            joined.contains(&format!(" {} ", block_words.join(" ")))
        } else {
            let total = block_words.len() + 1 - DECLARED_BODY_SHINGLE_WORDS;
            let inside = block_words
                .windows(DECLARED_BODY_SHINGLE_WORDS)
                .filter(|w| shingles.contains(w))
                .count();
            inside as f64 >= total as f64 * DECLARED_BODY_BLOCK_OVERLAP
        };
        if !keep {
            trace.remove(tree, block, Rule::DeclaredBodyOutside);
        }
    }
}
