//! Phase 7, our precision pass: the boilerplate the Readability rules keep inside the winner
//! (share bars, related-coverage blocks, ad labels, gallery counters, link lists).

use crate::explain::Trace;
use crate::measure::{
    has_ancestor_tag, has_text, inner_text, is_phrasing, is_without_content, TextCache,
};
use crate::patterns::{
    AGE_STAMP_MAX_DIGITS, AGE_STAMP_UNITS, AVATAR_HINTS, AVATAR_TEXT_MAX_CHARS, BOILERPLATE_HINTS,
    BOILERPLATE_MAX_CHARS, BOILERPLATE_MIN_LINK_DENSITY, BOILERPLATE_PREFIXES,
    BOILERPLATE_PREFIX_MAX_CHARS, BOILERPLATE_TEXTS, CALL_TO_ACTION_MAX_CHARS,
    CALL_TO_ACTION_TEXTS, CALL_TO_ACTION_TRAILERS, DATELINE_PREFIXES, FORUM_HINTS,
    LINK_BLOCK_MAX_CHARS, LINK_BLOCK_MIN_DENSITY, NAVIGATION_MIN_LINK_DENSITY, POST_NUMBER_LABELS,
    POST_NUMBER_MAX_DIGITS, POST_TEXT_HINTS, REACTION_WORDS, REPEATED_BLOCK_MIN_WORDS,
    REVIEW_COUNT_WORDS, SCORE_MAX_CHARS, SHOP_BADGE_MAX_CHARS, SHOP_BADGE_TEXTS,
    SHORT_FURNITURE_HINTS, SHORT_FURNITURE_MAX_CHARS, SIGNATURE_SHORT_WORDS, SIGNATURE_WORD,
    SIGN_IN_PHRASES, SIGN_IN_PROMPT_MAX_CHARS, THREAD_ACTIONS_MAX_CHARS, THREAD_ACTION_HINTS,
    THREAD_FURNITURE_HINTS, THREAD_FURNITURE_TEXTS, USER_STATS_HINTS, USER_STATS_MAX_CHARS,
    USER_STAT_LINE_MAX_CHARS, USER_STAT_PREFIXES,
};
use crate::rules::Rule;
use crate::score::Strategy;
use crate::text::{hint_has_token, lower_case};
use crate::tree::{Attr, Element, NodeId, Tag, Tree, NONE};

/// Our precision pass: boilerplate the Readability rules keep.
pub fn remove_boilerplate(
    tree: &mut Tree,
    article: NodeId,
    strategy: &Strategy,
    trace: &mut Trace,
) {
    let mut cache = TextCache::new(tree, article);
    let article_length = cache.text_len(article);
    let nodes: Vec<NodeId> = tree.descendants(article).collect();
    for &node in &nodes {
        if tree.parent(node) == NONE || !tree.has_ancestor(node, article) {
            continue;
        }
        if strategy.keep_post_meta {
            if let Some(rule) = thread_furniture(tree, &cache, node, article, article_length) {
                trace.removing(tree, node, rule);
                cache.detach(tree, node);
                continue;
            }
        }
        let Some(element) = tree.element(node) else {
            continue;
        };
        let tag = element.tag;
        // In a thread, posts are "comments" and "replies", with author and date lines.
        let post_part = strategy.keep_post_meta && FORUM_HINTS.found_in(&element.hint);
        if is_navigation(element) && cache.link_density(node) > NAVIGATION_MIN_LINK_DENSITY {
            trace.removing(tree, node, Rule::PrecisionNavigation);
            cache.detach(tree, node);
            continue;
        }
        if !element.hint.is_empty()
            && !post_part
            && hint_has_token(&element.hint, BOILERPLATE_HINTS, false)
        {
            let length = cache.text_len(node);
            if length < BOILERPLATE_MAX_CHARS
                || cache.link_density(node) > BOILERPLATE_MIN_LINK_DENSITY
            {
                trace.removing(tree, node, Rule::PrecisionBoilerplateHint);
                cache.detach(tree, node);
                continue;
            }
        }
        if !element.hint.is_empty()
            && !strategy.keep_post_meta
            && hint_has_token(&element.hint, SHORT_FURNITURE_HINTS, false)
            && cache.text_len(node) < SHORT_FURNITURE_MAX_CHARS
            // A code block in a highlighter's toolbar wrapper is the author's, however short.
            && !tree.descendants(node).any(|id| tree.is_tag(id, Tag::Pre))
        {
            trace.removing(tree, node, Rule::PrecisionShortFurniture);
            cache.detach(tree, node);
            continue;
        }
        if !strategy.items_are_links
            && (tag.is_subheading() || matches!(tag, Tag::P | Tag::Div))
            && !has_ancestor_tag(tree, node, Tag::Table, None)
            && !has_ancestor_tag(tree, node, Tag::Li, None)
            && is_link_block(&cache, node)
        {
            trace.removing(tree, node, Rule::PrecisionRelatedLinks);
            cache.detach(tree, node);
            continue;
        }
        if is_text_block(tag)
            && (!is_inline(tag) || holds_all_parent_text(tree, &cache, node))
            && is_boilerplate_text(tree, &cache, node)
            // A label above a post's text ("Advertisement") does not speak for the post.
            && !(strategy.keep_post_meta && holds_post_text(tree, node))
        {
            trace.removing(tree, node, Rule::PrecisionBoilerplateText);
            cache.detach(tree, node);
            continue;
        }
        // Not only links and buttons: a script link is a `<span>` by now, and a shop's
        // buttons are often `<div>`s.
        if matches!(tag, Tag::A | Tag::Button | Tag::Span | Tag::P | Tag::Div)
            && is_call_to_action(tree, &cache, node)
            && is_alone_on_its_line(tree, node, tag)
        {
            trace.removing(tree, node, Rule::PrecisionCallToAction);
            cache.detach(tree, node);
            continue;
        }
        if (strategy.drop_shop_widgets || strategy.drop_result_controls)
            && matches!(tag, Tag::Span | Tag::P | Tag::Div | Tag::Li)
            && is_shop_badge(tree, &cache, node)
            && is_alone_on_its_line(tree, node, tag)
        {
            trace.removing(tree, node, Rule::PrecisionShopBadge);
            cache.detach(tree, node);
        }
    }
}

/// A block is on a line of its own; an inline element when nothing stands beside it.
fn is_alone_on_its_line(tree: &Tree, node: NodeId, tag: Tag) -> bool {
    !is_inline(tag) || stands_alone(tree, node)
}

/// A card's merchandising badge or review count: "Best seller", "(1,024 reviews)".
fn is_shop_badge(tree: &Tree, cache: &TextCache, node: NodeId) -> bool {
    let length = cache.text_len(node);
    if length == 0 || length > SHOP_BADGE_MAX_CHARS {
        return false;
    }
    let text = lower_case(&inner_text(tree, node));
    let bare = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '!'));
    if SHOP_BADGE_TEXTS.contains(&bare) {
        return true;
    }
    bare.split_once(' ')
        .is_some_and(|(count, word)| is_count(count) && REVIEW_COUNT_WORDS.contains(&word))
}

/// A quote, list, list item, div or section left with no text and no image once its
/// content was removed goes too: an empty `<blockquote>` is not the author's.
pub fn remove_emptied(tree: &mut Tree, article: NodeId, trace: &mut Trace) {
    let nodes: Vec<NodeId> = tree.descendants(article).collect();
    for &node in nodes.iter().rev() {
        let container = matches!(
            tree.tag(node),
            Some(Tag::Blockquote | Tag::Ul | Tag::Ol | Tag::Li | Tag::Div | Tag::Section)
        );
        if container && tree.parent(node) != NONE && is_without_content(tree, node) {
            trace.remove(tree, node, Rule::PrecisionEmptied);
        }
    }
}

/// On shop and list pages, a leaf block whose text repeats an earlier one's word for word
/// (responsive copies, carousel clones) goes; the first stays.
pub fn remove_repeated_blocks(tree: &mut Tree, article: NodeId, trace: &mut Trace) {
    let mut seen = std::collections::HashSet::new();
    let nodes: Vec<NodeId> = tree.descendants(article).collect();
    for node in nodes {
        if tree.parent(node) == NONE || !tree.has_ancestor(node, article) {
            continue;
        }
        let is_leaf_block = tree.element(node).is_some_and(|element| {
            (element.tag.is_heading() || matches!(element.tag, Tag::P | Tag::Li | Tag::Div))
                && tree.children(node).all(|child| is_phrasing(tree, child))
        });
        // A quoted reply repeats its post on purpose.
        if !is_leaf_block || has_ancestor_tag(tree, node, Tag::Blockquote, None) {
            continue;
        }
        let text = lower_case(&inner_text(tree, node));
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.len() < REPEATED_BLOCK_MIN_WORDS {
            continue;
        }
        let text = words.join(" ");
        if !seen.insert(text) {
            trace.remove(tree, node, Rule::PrecisionRepeatedBlock);
        }
    }
}

/// In a thread, the furniture around the posts: signatures, posters' stats, lists of other
/// threads, sign-in prompts, vote and action bars. Never inside a post's own text.
fn thread_furniture(
    tree: &Tree,
    cache: &TextCache,
    node: NodeId,
    article: NodeId,
    article_length: usize,
) -> Option<Rule> {
    let element = tree.element(node)?;
    let hint = element.hint.as_str();
    // Some signatures hold rich text of their own: a signature goes before the post-text test.
    if !hint.is_empty()
        && hint.split_ascii_whitespace().any(is_signature_word)
        && !hint_has_token(hint, &["post-signature"], true)
    {
        return Some(Rule::PrecisionSignature);
    }
    // The rule first, the (longer) post-text test only for a block that one finds.
    let rule = furniture_by_hint(hint, cache.text_len(node), article_length)
        .or_else(|| furniture_by_text(tree, cache, node))?;
    (!is_in_post_text(tree, node, article)).then_some(rule)
}

/// Whether a word of an element's (lower-case) class/id hint names a poster's signature.
pub fn is_signature_word(word: &str) -> bool {
    word.contains(SIGNATURE_WORD)
        || word
            .split('-')
            .any(|part| SIGNATURE_SHORT_WORDS.contains(&part))
}

/// Whether the node is inside a post's own text: a POST_TEXT_HINTS container that holds no
/// other such container beside the node's (a `postbody` around both the poster's card and
/// the `postmsg` is the post, not its text).
fn is_in_post_text(tree: &Tree, node: NodeId, article: NodeId) -> bool {
    let is_post_text = |id: NodeId| is_post_text_container(tree, id);
    std::iter::once(node)
        .chain(tree.ancestors(node))
        .take_while(|&id| id != article)
        .filter(|&id| is_post_text(id))
        .any(|container| {
            // Another text container beside the node's own line of descent.
            !tree.descendants(container).any(|below| {
                is_post_text(below)
                    && below != node
                    && !tree.has_ancestor(node, below)
                    && !tree.has_ancestor(below, node)
            })
        })
}

/// A `<nav>` or `role="navigation"`: the site's menus and trails.
fn is_navigation(element: &Element) -> bool {
    element.tag == Tag::Nav
        || element
            .attr(Attr::Role)
            .is_some_and(|role| role.trim().eq_ignore_ascii_case("navigation"))
}

/// Whether the element is a container of a post's own text (POST_TEXT_HINTS).
pub fn is_post_text_container(tree: &Tree, id: NodeId) -> bool {
    tree.element(id)
        .is_some_and(|element| POST_TEXT_HINTS.found_in(&element.hint))
}

/// Whether a post's own text container is inside the node.
fn holds_post_text(tree: &Tree, node: NodeId) -> bool {
    tree.descendants(node)
        .any(|id| is_post_text_container(tree, id))
}

fn furniture_by_hint(hint: &str, length: usize, article_length: usize) -> Option<Rule> {
    if hint.is_empty() {
        None
    } else if (length <= USER_STATS_MAX_CHARS && USER_STATS_HINTS.found_in(hint))
        || (length > 0
            && length <= AVATAR_TEXT_MAX_CHARS
            && hint_has_token(hint, AVATAR_HINTS, false))
    {
        Some(Rule::PrecisionUserStats)
    } else if (length * 2 < article_length && THREAD_FURNITURE_HINTS.found_in(hint))
        || (length <= THREAD_ACTIONS_MAX_CHARS && hint_has_token(hint, THREAD_ACTION_HINTS, true))
    {
        Some(Rule::PrecisionThreadFurniture)
    } else {
        None
    }
}

fn furniture_by_text(tree: &Tree, cache: &TextCache, node: NodeId) -> Option<Rule> {
    let tag = tree.tag(node)?;
    let length = cache.text_len(node);
    if length == 0
        || length > SIGN_IN_PROMPT_MAX_CHARS
        || !is_text_block(tag)
        || (is_inline(tag) && !holds_all_parent_text(tree, cache, node))
    {
        return None;
    }
    let text = lower_case(&inner_text(tree, node));
    let bare = text.trim_end_matches(|c: char| c == ':' || c == '.' || c.is_whitespace());
    if THREAD_FURNITURE_TEXTS.contains(&bare)
        || is_question_stat(bare)
        || is_post_number(bare)
        || is_score(bare)
        || is_age_stamp(bare)
    {
        return Some(Rule::PrecisionThreadFurniture);
    }
    if length <= USER_STAT_LINE_MAX_CHARS && is_user_stat_line(bare) {
        return Some(Rule::PrecisionUserStats);
    }
    hint_has_token(bare, SIGN_IN_PHRASES, true).then_some(Rule::PrecisionThreadFurniture)
}

/// "Viewed 6k times", "Asked 3 years ago", "Modified 2 days ago", "4 Answers".
fn is_question_stat(text: &str) -> bool {
    (text.starts_with("viewed ") && text.ends_with(" times"))
        || text
            .strip_suffix(" answers")
            .or_else(|| text.strip_suffix(" answer"))
            .is_some_and(|count| !count.is_empty() && count.bytes().all(|b| b.is_ascii_digit()))
        || ((text.starts_with("asked ") || text.starts_with("modified ")) && text.ends_with(" ago"))
}

/// "17", "-2", "1.2k": a vote or reaction score alone on its line.
fn is_score(text: &str) -> bool {
    let number = text.strip_prefix(['-', '+', '−']).unwrap_or(text);
    is_count(number) && number.trim_end_matches(['k', 'm']).len() <= SCORE_MAX_CHARS
}

/// "1,204", "26.2k": a count as counters and badges write it.
fn is_count(word: &str) -> bool {
    let digits = word.strip_suffix(['k', 'm']).unwrap_or(word);
    digits.starts_with(|c: char| c.is_ascii_digit())
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// "#12": a post's number, the link to itself.
fn is_post_number(text: &str) -> bool {
    let is_number = |number: &str| {
        (1..=POST_NUMBER_MAX_DIGITS).contains(&number.len())
            && number.bytes().all(|b| b.is_ascii_digit())
    };
    if let Some(number) = text.strip_prefix('#') {
        return is_number(number.trim_start());
    }
    // "Reply 4", "Post #4": the number, labelled.
    POST_NUMBER_LABELS.iter().any(|label| {
        text.strip_prefix(label)
            .and_then(|rest| rest.strip_prefix(' '))
            .is_some_and(|rest| {
                let rest = rest.trim_start();
                is_number(rest.strip_prefix('#').unwrap_or(rest))
            })
    })
}

/// "2y", "5 h", "3mo": a post's age alone on its line.
fn is_age_stamp(text: &str) -> bool {
    let unit_at = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    (1..=AGE_STAMP_MAX_DIGITS).contains(&unit_at)
        && AGE_STAMP_UNITS.contains(&text[unit_at..].trim_start())
}

/// "Posts: 1,234", "Joined Mar 2019", "Location: Leeds": a label, then a colon or a number.
fn is_user_stat_line(text: &str) -> bool {
    USER_STAT_PREFIXES.iter().any(|prefix| {
        text.strip_prefix(prefix).is_some_and(|rest| {
            rest.starts_with(':')
                || (rest.starts_with(char::is_whitespace)
                    && rest.contains(|c: char| c.is_ascii_digit()))
        })
    })
}

/// A short block whose text is all links: a related headline or a link list entry.
fn is_link_block(cache: &TextCache, node: NodeId) -> bool {
    let length = cache.text_len(node);
    length > 0
        && length < LINK_BLOCK_MAX_CHARS
        && cache.link_density(node) >= LINK_BLOCK_MIN_DENSITY
}

fn is_text_block(tag: Tag) -> bool {
    tag.is_heading()
        || is_inline(tag)
        || matches!(
            tag,
            Tag::P | Tag::Div | Tag::Li | Tag::Figcaption | Tag::Section | Tag::Aside | Tag::Ul
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
    if BOILERPLATE_TEXTS.contains(&bare) || is_counter(bare) || is_reaction_count(bare) {
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

/// Whether no text runs on either side of the node up to its block: a link on its own line,
/// not a link inside a sentence.
fn stands_alone(tree: &Tree, node: NodeId) -> bool {
    let mut current = node;
    loop {
        let parent = tree.parent(current);
        if parent == NONE {
            return true;
        }
        let text_beside = tree.children(parent).any(|sibling| {
            sibling != current
                && match tree.text(sibling) {
                    Some(text) => !text.trim().is_empty(),
                    None => is_phrasing(tree, sibling) && has_text(tree, sibling),
                }
        });
        if text_beside {
            return false;
        }
        if tree.element(parent).is_none() || !is_phrasing(tree, parent) {
            return true;
        }
        current = parent;
    }
}

/// "Learn more", "Add to cart →": the whole text of the link or button.
fn is_call_to_action(tree: &Tree, cache: &TextCache, node: NodeId) -> bool {
    let length = cache.text_len(node);
    if length == 0 || length > CALL_TO_ACTION_MAX_CHARS {
        return false;
    }
    let text = lower_case(&inner_text(tree, node));
    let bare =
        text.trim_matches(|c: char| c.is_whitespace() || CALL_TO_ACTION_TRAILERS.contains(&c));
    CALL_TO_ACTION_TEXTS.contains(&bare)
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

/// Reaction and reply counters: "7 likes", "1 reply", "12 votes", "Views 26.2k".
fn is_reaction_count(text: &str) -> bool {
    let mut words = text.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some(first), Some(second), None) => {
            (is_count(first) && REACTION_WORDS.contains(&second))
                || (REACTION_WORDS.contains(&first) && is_count(second))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters() {
        assert!(is_counter("1 of 6"));
        assert!(is_counter("image 2 of 6"));
        assert!(is_counter("3/12"));
        assert!(!is_counter("one of the best"));
        assert!(is_reaction_count("7 likes"));
        assert!(is_reaction_count("1,204 views"));
        assert!(!is_reaction_count("7 likes it"));
        assert!(!is_reaction_count("many likes"));
        assert!(is_reaction_count("views 26.2k"));
        assert!(!is_reaction_count("views many"));
    }
}
