//! Finding the main content: Readability.js's scoring, on the compact tree.
//!
//! One pass removes what cannot be content and collects paragraph-like elements; their
//! text (length, commas) scores their ancestors; link density scales the scores; the best
//! candidate climbs to a better ancestor where the evidence says so; its qualifying
//! siblings join it. The caller retries with relaxed [`Flags`] when the result is short.

use crate::explain::{path, Candidate, Reason, Retry, Step, Trace};
use crate::measure::{
    class_weight, has_single_tag_inside, inner_text, is_phrasing, is_whitespace_node,
    is_without_content, link_density, text_len, LinkDensities, DIV_TO_P_ELEMS,
};
use crate::page_type::PageType;
use crate::patterns::{
    ALTERNATIVE_CANDIDATE_RATIO, ANCESTOR_SCORE_DIVIDER_PER_LEVEL, ANCESTOR_TAG_MAX_DEPTH,
    BETTER_PARENT_SCORE_DIVIDER, BYLINE_HINTS, COVERAGE_MAX_ARTICLE_CHARS,
    COVERAGE_MIN_SHARE_OF_MAIN, DISCLOSURE_HINTS, DIV_BASE_SCORE, EXPLAIN_CANDIDATES,
    GRANDPARENT_SCORE_DIVIDER, HEADING_BASE_SCORE, LIST_BASE_SCORE, MAX_BYLINE_CHARS,
    MAYBE_CANDIDATES, MIN_ALTERNATIVE_CANDIDATES, MIN_PARAGRAPH_CHARS, NAVIGATION_HINTS,
    N_TOP_CANDIDATES, PARAGRAPH_BASE_SCORE, PARAGRAPH_CHARS_PER_POINT, PARAGRAPH_MAX_LENGTH_POINTS,
    REGION_MAX_ARTICLE_PROBABILITY, SCORE_ANCESTOR_LEVELS, SECTIONS_MAX_ARTICLE_CHARS,
    SECTIONS_MAX_PROBABILITY, SECTIONS_MAX_PROBABILITY_WITH_MAIN, SECTIONS_MIN_SHARE,
    SIBLING_PARAGRAPH_MAX_LINK_DENSITY, SIBLING_PARAGRAPH_MIN_CHARS, SIBLING_SCORE_MIN,
    SIBLING_SCORE_RATIO, SINGLE_P_DIV_MAX_LINK_DENSITY, TEXT_BLOCK_BASE_SCORE,
    THREAD_POST_MIN_SHARE, TITLE_SIMILARITY, UNLIKELY_CANDIDATES, UNLIKELY_ROLES,
};
use crate::region::{extract_region, main_region};
use crate::rules::Rule;
use crate::text::{count_commas, hint_has_token, text_similarity};
use crate::tree::{Attr, Element, NodeId, Tag, Tree, NONE};

/// How a page of a given type is extracted: what its reader wants kept.
#[derive(Clone, Copy, Debug)]
pub struct Strategy {
    /// The rules the first attempt starts with. Readability.js's conditional cleaning is tuned
    /// on articles: elsewhere it takes the cards, sections and link lists that are the page's
    /// content. Forum posts carry "comment" classes that strip as unlikely.
    pub first: Flags,
    /// Look for the author line in the body: a thread's post authors are not the page's.
    pub byline_in_body: bool,
    /// The article is the thread: every post, question and answers, not the best one.
    pub whole_thread: bool,
    /// Post author and date lines, quoted replies: content in a thread.
    pub keep_post_meta: bool,
    /// The article is the page's main region, not its best block (`region`).
    pub whole_region: bool,
    /// Reviews, ratings and carousels of other products are not a product's content.
    pub drop_shop_widgets: bool,
    /// The page's items are links (a listing's headlines, a category's cards, a post's
    /// author): a block that is all links is content, not a list of related links.
    pub items_are_links: bool,
    /// A result list's filters, facets and sort controls are not its content.
    pub drop_result_controls: bool,
    /// A short best block beside much more text may be one section of a landing page, whose
    /// sections are all content (not on threads and documentation, whose region is chrome).
    pub sections_may_be_content: bool,
    /// The page-type model's probability that the page is an article.
    pub article_probability: f32,
    /// The page says it is an article: an author, a publication date, `og:type` article.
    pub article_evidence: bool,
    /// Shop pages and threads repeat blocks (a mobile and a desktop copy, carousel clones,
    /// a poster's signature): one is content, the others are not.
    pub drop_repeated_blocks: bool,
}

impl Strategy {
    /// `article_probability`: how likely the page is an article after all; region mode
    /// would cost an article its precision, so it needs the page to be clearly something else.
    pub fn for_page(
        page_type: PageType,
        article_probability: f32,
        article_evidence: bool,
    ) -> Strategy {
        let article = Strategy {
            first: Flags::ALL,
            byline_in_body: true,
            whole_thread: false,
            keep_post_meta: false,
            whole_region: false,
            drop_shop_widgets: false,
            items_are_links: false,
            drop_result_controls: false,
            drop_repeated_blocks: false,
            sections_may_be_content: true,
            article_probability,
            article_evidence,
        };
        match page_type {
            PageType::Article => article,
            PageType::Forum => Strategy {
                first: Flags {
                    strip_unlikely: false,
                    ..Flags::ALL
                },
                byline_in_body: false,
                whole_thread: true,
                keep_post_meta: true,
                whole_region: false,
                drop_shop_widgets: false,
                // A post's author line is a link to the poster.
                items_are_links: true,
                drop_result_controls: false,
                drop_repeated_blocks: true,
                sections_may_be_content: false,
                article_probability,
                article_evidence,
            },
            PageType::Documentation
            | PageType::Product
            | PageType::Service
            | PageType::Collection
            | PageType::Listing => Strategy {
                first: Flags {
                    clean_conditionally: false,
                    ..Flags::ALL
                },
                whole_region: page_type != PageType::Documentation
                    && article_probability < REGION_MAX_ARTICLE_PROBABILITY,
                drop_shop_widgets: page_type == PageType::Product,
                items_are_links: matches!(page_type, PageType::Collection | PageType::Listing),
                drop_result_controls: matches!(page_type, PageType::Collection | PageType::Listing),
                drop_repeated_blocks: matches!(
                    page_type,
                    PageType::Product | PageType::Collection | PageType::Listing
                ),
                sections_may_be_content: page_type != PageType::Documentation,
                ..article
            },
        }
    }
}

/// Rules that the retry loop relaxes one by one.
#[derive(Clone, Copy, Debug)]
pub struct Flags {
    pub strip_unlikely: bool,
    pub weight_classes: bool,
    pub clean_conditionally: bool,
}

impl Flags {
    pub const ALL: Flags = Flags {
        strip_unlikely: true,
        weight_classes: true,
        clean_conditionally: true,
    };

    /// Explain mode's account of attempt `attempt` with these flags.
    pub fn retry(self, attempt: usize) -> Retry {
        Retry {
            attempt,
            strip_unlikely: self.strip_unlikely,
            weight_classes: self.weight_classes,
            clean_conditionally: self.clean_conditionally,
        }
    }

    /// The next, more lenient set of rules, or `None` when all are off.
    pub fn relax(self) -> Option<Flags> {
        if self.strip_unlikely {
            Some(Flags {
                strip_unlikely: false,
                ..self
            })
        } else if self.weight_classes {
            Some(Flags {
                weight_classes: false,
                ..self
            })
        } else if self.clean_conditionally {
            Some(Flags {
                clean_conditionally: false,
                ..self
            })
        } else {
            None
        }
    }
}

/// What the scoring pass learns besides the winner.
#[derive(Debug, Default)]
struct Findings {
    /// Byline text found in the page (only looked for when the metadata has none).
    pub byline: Option<String>,
    /// `dir` of the winner or its ancestors.
    pub dir: Option<String>,
}

/// The article found by [`find_article`], on its own copy of the page tree.
pub struct Scored {
    pub tree: Tree,
    /// A detached `<div>` holding the article.
    pub article: NodeId,
    /// `dir` of the winner or its ancestors.
    pub dir: Option<String>,
    /// The byline found in the page (the first attempt that found one).
    pub byline: Option<String>,
    /// What the successful attempt removed and how it chose.
    pub trace: Trace,
    pub retry: Retry,
    /// Characters of the article's text once cleaned ([`text_len`]).
    pub length: usize,
}

/// One attempt's result, kept in case no attempt reaches the threshold.
struct Attempt {
    tree: Tree,
    article: NodeId,
    length: usize,
    dir: Option<String>,
    trace: Trace,
    retry: Retry,
}

/// A clean-up run on each attempt before it is measured (Readability.js's `_prepArticle`).
pub type AttemptCleanup = fn(&mut Tree, NodeId, Flags, &Strategy, &mut Trace);

/// The article, as the page's type wants it: its main region (`strategy.whole_region`), else
/// the best block ([`best_block`]), which gives way to the main region when it holds too
/// little of it. `trace` holds what the phases before scoring reported; each attempt extends
/// a copy.
pub fn find_article(
    page: &Tree,
    title: &str,
    look_for_byline: bool,
    char_threshold: usize,
    strategy: &Strategy,
    cleanup: AttemptCleanup,
    trace: &Trace,
) -> Option<Scored> {
    if strategy.whole_region {
        if let Some(region) = region_article(page, strategy, cleanup, trace) {
            return Some(region);
        }
    }
    let scored = best_block(
        page,
        title,
        look_for_byline,
        char_threshold,
        strategy,
        cleanup,
        trace,
    )?;
    // Too little of the page's region: the page is not one block (or the wrong block won).
    let length = scored.length;
    // Measured first without the region, which takes a walk of the page to find.
    let sections_possible = strategy.sections_may_be_content
        && scored.byline.is_none()
        && length < SECTIONS_MAX_ARTICLE_CHARS
        && strategy.article_probability < sections_max_probability(strategy, true);
    if length >= COVERAGE_MAX_ARTICLE_CHARS && !sections_possible {
        return Some(scored);
    }
    let (region, region_length) = main_region(page);
    let has_main = region != Tree::ROOT;
    // The share of the region the block must hold to stand, when the page may be sections.
    let min_share = if length < COVERAGE_MAX_ARTICLE_CHARS
        && has_main
        && (length as f64) < region_length as f64 * COVERAGE_MIN_SHARE_OF_MAIN
    {
        Some(COVERAGE_MIN_SHARE_OF_MAIN)
    } else if sections_possible
        && (length as f64) < region_length as f64 * SECTIONS_MIN_SHARE
        && strategy.article_probability < sections_max_probability(strategy, has_main)
    {
        Some(SECTIONS_MIN_SHARE)
    } else {
        None
    };
    let Some(min_share) = min_share else {
        return Some(scored);
    };
    if let Some(mut region) = region_article(page, strategy, cleanup, trace) {
        if (length as f64) < region.length as f64 * min_share {
            if region.trace.is_on() {
                region.trace.winner.insert(
                    0,
                    Step {
                        rule: Rule::ScoreLowCoverage.name().to_owned(),
                        path: path(&scored.tree, scored.article),
                    },
                );
            }
            return Some(region);
        }
    }
    Some(scored)
}

/// The article probability under which a short best block gives way to a region of
/// sections: higher with nothing saying the page is an article, and only with a `<main>` when
/// something does.
fn sections_max_probability(strategy: &Strategy, has_main: bool) -> f32 {
    match (strategy.article_evidence, has_main) {
        (false, _) => SECTIONS_MAX_PROBABILITY,
        (true, true) => SECTIONS_MAX_PROBABILITY_WITH_MAIN,
        (true, false) => 0.0,
    }
}

/// The page's main region as the article ([`extract_region`]), cleaned as an attempt is.
fn region_article(
    page: &Tree,
    strategy: &Strategy,
    cleanup: AttemptCleanup,
    trace: &Trace,
) -> Option<Scored> {
    let flags = Flags {
        clean_conditionally: false,
        ..strategy.first
    };
    let mut tree = page.working_copy();
    let mut region_trace = trace.fork();
    let article = extract_region(&mut tree, strategy, &mut region_trace)?;
    cleanup(&mut tree, article, flags, strategy, &mut region_trace);
    let length = text_len(&tree, article);
    Some(Scored {
        tree,
        article,
        length,
        dir: None,
        byline: None,
        trace: region_trace,
        retry: flags.retry(1),
    })
}

/// Readability.js's retry loop: attempts with ever more lenient [`Flags`] until one, after
/// `cleanup`, holds `char_threshold` characters; else the longest (the earliest on ties).
fn best_block(
    page: &Tree,
    title: &str,
    look_for_byline: bool,
    char_threshold: usize,
    strategy: &Strategy,
    cleanup: AttemptCleanup,
    trace: &Trace,
) -> Option<Scored> {
    let mut flags = strategy.first;
    let mut byline: Option<String> = None;
    let mut attempts: Vec<Attempt> = Vec::new();
    for attempt_number in 1.. {
        let mut tree = page.working_copy();
        let mut attempt_trace = trace.fork();
        let mut findings = Findings::default();
        let article = grab_article(
            &mut tree,
            flags,
            strategy,
            title,
            look_for_byline && strategy.byline_in_body && byline.is_none(),
            &mut findings,
            &mut attempt_trace,
        )?;
        if byline.is_none() {
            byline = findings.byline.take();
        }
        cleanup(&mut tree, article, flags, strategy, &mut attempt_trace);
        let length = text_len(&tree, article);
        let attempt = Attempt {
            tree,
            article,
            length,
            dir: findings.dir,
            trace: attempt_trace,
            retry: flags.retry(attempt_number),
        };
        if length >= char_threshold {
            return Some(attempt.scored(byline));
        }
        attempts.push(attempt);
        match flags.relax() {
            Some(next) => flags = next,
            None => break,
        }
    }
    let best = attempts
        .iter()
        .enumerate()
        .max_by(|(i, a), (j, b)| a.length.cmp(&b.length).then(j.cmp(i)))
        .map(|(index, _)| index)?;
    Some(attempts.swap_remove(best).scored(byline))
}

impl Attempt {
    fn scored(self, byline: Option<String>) -> Scored {
        Scored {
            tree: self.tree,
            article: self.article,
            length: self.length,
            dir: self.dir,
            byline,
            trace: self.trace,
            retry: self.retry,
        }
    }
}

/// Scores per node; `None` until a node becomes a candidate.
struct Scores(Vec<Option<f64>>);

impl Scores {
    fn get(&self, id: NodeId) -> Option<f64> {
        self.0.get(id as usize).copied().flatten()
    }

    fn set(&mut self, id: NodeId, score: f64) {
        let index = id as usize;
        if index >= self.0.len() {
            self.0.resize(index + 1, None);
        }
        self.0[index] = Some(score);
    }
}

/// Runs one extraction pass; returns a new, detached `<div>` holding the article.
fn grab_article(
    tree: &mut Tree,
    flags: Flags,
    strategy: &Strategy,
    title: &str,
    look_for_byline: bool,
    findings: &mut Findings,
    trace: &mut Trace,
) -> Option<NodeId> {
    let to_score = prepare_nodes(tree, flags, title, look_for_byline, findings, trace);
    let mut scores = Scores(vec![None; tree.len()]);
    let mut candidates = Vec::new();

    for &paragraph in &to_score {
        let parent = tree.parent(paragraph);
        if parent == NONE || !tree.is_attached(paragraph) {
            continue;
        }
        let text = inner_text(tree, paragraph);
        let length = text.chars().count();
        if length < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let score = PARAGRAPH_BASE_SCORE
            + count_commas(&text) as f64
            + (length / PARAGRAPH_CHARS_PER_POINT).min(PARAGRAPH_MAX_LENGTH_POINTS) as f64;
        for (level, ancestor) in tree
            .ancestors(paragraph)
            .take(SCORE_ANCESTOR_LEVELS)
            .enumerate()
        {
            if scores.get(ancestor).is_none() {
                scores.set(ancestor, initial_score(tree, ancestor, flags));
                candidates.push(ancestor);
            }
            let divider = match level {
                0 => 1.0,
                1 => GRANDPARENT_SCORE_DIVIDER,
                _ => level as f64 * ANCESTOR_SCORE_DIVIDER_PER_LEVEL,
            };
            let current = scores.get(ancestor).unwrap_or(0.0);
            scores.set(ancestor, current + score / divider);
        }
    }

    let mut top: Vec<NodeId> = Vec::with_capacity(N_TOP_CANDIDATES + 1);
    let densities = LinkDensities::new(tree);
    // Explain mode only: each candidate's score before the link-density scaling.
    let mut unscaled = Vec::new();
    for &candidate in &candidates {
        let raw = scores.get(candidate).unwrap_or(0.0);
        if trace.is_on() {
            unscaled.push((candidate, raw));
        }
        let scaled = raw * (1.0 - densities.link_density(candidate));
        scores.set(candidate, scaled);
        let position = top
            .iter()
            .position(|&other| scores.get(other).unwrap_or(0.0) < scaled)
            .unwrap_or(top.len());
        if position < N_TOP_CANDIDATES {
            top.insert(position, candidate);
            top.truncate(N_TOP_CANDIDATES);
        }
    }

    if trace.is_on() {
        explain_candidates(tree, &top, &scores, &unscaled, &densities, flags, trace);
    }

    let root = Tree::ROOT;
    let mut top_candidate = top.first().copied().unwrap_or(NONE);
    if top_candidate == NONE || top_candidate == root {
        // No structure to go by: the whole body is the candidate.
        let wrapper = tree.new_element(Element::new(Tag::Div));
        tree.move_children(root, wrapper);
        tree.append_child(root, wrapper);
        scores.set(wrapper, initial_score(tree, wrapper, flags));
        top_candidate = wrapper;
        step(tree, top_candidate, Rule::ScoreWholeBody, trace);
    } else {
        step(tree, top_candidate, Rule::ScoreTopCandidate, trace);
        if strategy.whole_thread {
            let thread = thread_ancestor(tree, &scores, &top, top_candidate);
            if thread != top_candidate {
                top_candidate = thread;
                step(tree, top_candidate, Rule::ScoreThread, trace);
            }
        }
        let shared = shared_ancestor_of_alternatives(tree, &scores, &top, top_candidate);
        if shared != top_candidate {
            top_candidate = shared;
            step(tree, top_candidate, Rule::ScoreSharedAncestor, trace);
        }
        if scores.get(top_candidate).is_none() {
            scores.set(top_candidate, initial_score(tree, top_candidate, flags));
        }
        let better = climb_to_better_parent(tree, &scores, top_candidate);
        if better != top_candidate {
            top_candidate = better;
            step(tree, top_candidate, Rule::ScoreBetterParent, trace);
        }
        while tree.parent(top_candidate) != root && tree.parent(top_candidate) != NONE {
            let parent = tree.parent(top_candidate);
            if tree.element_children(parent).count() != 1 {
                break;
            }
            top_candidate = parent;
            step(tree, top_candidate, Rule::ScoreOnlyChildParent, trace);
            if scores.get(top_candidate).is_none() {
                scores.set(top_candidate, initial_score(tree, top_candidate, flags));
            }
        }
    }

    findings.dir = find_dir(tree, top_candidate);
    Some(merge_siblings(tree, &scores, top_candidate, trace))
}

/// Explain mode: one step from the top candidate towards the article.
fn step(tree: &Tree, node: NodeId, rule: Rule, trace: &mut Trace) {
    if trace.is_on() {
        trace.winner.push(Step {
            rule: rule.name().to_owned(),
            path: path(tree, node),
        });
    }
}

/// Explain mode: the top candidates, with what makes up each score.
fn explain_candidates(
    tree: &Tree,
    top: &[NodeId],
    scores: &Scores,
    unscaled: &[(NodeId, f64)],
    densities: &LinkDensities,
    flags: Flags,
    trace: &mut Trace,
) {
    for (rank, &candidate) in top.iter().take(EXPLAIN_CANDIDATES).enumerate() {
        let base = tag_base_score(tree, candidate);
        let weight = if flags.weight_classes {
            class_weight(tree, candidate)
        } else {
            0.0
        };
        let raw = unscaled
            .iter()
            .find(|(id, _)| *id == candidate)
            .map_or(0.0, |(_, raw)| *raw);
        let density = densities.link_density(candidate);
        let mut reasons = Vec::new();
        let mut reason = |rule: Rule, add: Option<f64>, multiply: Option<f64>| {
            reasons.push(Reason {
                rule: rule.name().to_owned(),
                add,
                multiply,
            });
        };
        if base != 0.0 {
            reason(Rule::ScoreTagBase, Some(base), None);
        }
        if weight != 0.0 {
            reason(Rule::ScoreClassWeight, Some(weight), None);
        }
        reason(Rule::ScoreParagraphs, Some(raw - base - weight), None);
        if density > 0.0 {
            reason(Rule::ScoreLinkDensity, None, Some(1.0 - density));
        }
        trace.candidates.push(Candidate {
            path: path(tree, candidate),
            score: scores.get(candidate).unwrap_or(0.0),
            text_length: densities.text_len(candidate),
            link_density: density,
            reasons,
            top: rank == 0,
        });
    }
}

/// The walk that removes unlikely and invisible nodes, finds the byline, turns
/// text-only `<div>`s into paragraphs and collects what to score.
fn prepare_nodes(
    tree: &mut Tree,
    flags: Flags,
    title: &str,
    look_for_byline: bool,
    findings: &mut Findings,
    trace: &mut Trace,
) -> Vec<NodeId> {
    let root = Tree::ROOT;
    let mut to_score = Vec::new();
    let mut title_header_pending = true;
    let mut node = tree.first_child(root);
    while node != NONE {
        let Some(element) = tree.element(node) else {
            node = tree.next_in(node, root);
            continue;
        };
        let tag = element.tag;

        if look_for_byline && findings.byline.is_none() {
            if let Some(byline) = byline_text(tree, node) {
                findings.byline = Some(byline);
                node = remove_and_next(tree, node, Rule::ScoreByline, trace);
                continue;
            }
        }

        if title_header_pending
            && matches!(tag, Tag::H1 | Tag::H2)
            && text_similarity(title, inner_text(tree, node).as_str()) > TITLE_SIMILARITY
        {
            title_header_pending = false;
            node = remove_and_next(tree, node, Rule::ScoreTitleDuplicate, trace);
            continue;
        }

        if flags.strip_unlikely {
            let hint = element.hint.as_str();
            if UNLIKELY_CANDIDATES.found_in(hint)
                && !MAYBE_CANDIDATES.found_in(hint)
                && !has_nearby_ancestor(tree, node, &[Tag::Table, Tag::Code])
                && tag != Tag::A
            {
                node = remove_and_next(tree, node, Rule::ScoreUnlikelyCandidate, trace);
                continue;
            }
            if element
                .attr(Attr::Role)
                .is_some_and(|role| UNLIKELY_ROLES.contains(&role.trim()))
            {
                node = remove_and_next(tree, node, Rule::ScoreUnlikelyRole, trace);
                continue;
            }
        }

        if (tag.is_heading() || matches!(tag, Tag::Div | Tag::Section | Tag::Header))
            && is_without_content(tree, node)
        {
            node = remove_and_next(tree, node, Rule::ScoreEmptyContainer, trace);
            continue;
        }

        // Readability.js's `DEFAULT_TAGS_TO_SCORE`.
        if tag.is_subheading() || matches!(tag, Tag::Section | Tag::P | Tag::Td | Tag::Pre) {
            to_score.push(node);
        }

        if matches!(
            tag,
            Tag::Article
                | Tag::Main
                | Tag::Header
                | Tag::Hgroup
                | Tag::Address
                | Tag::Center
                | Tag::Search
        ) {
            // Written as `<div>`: its loose text gets the paragraphs a second cleaning of
            // our output would give it.
            wrap_phrasing_runs(tree, node);
        }
        if tag == Tag::Div {
            wrap_phrasing_runs(tree, node);
            if has_single_tag_inside(tree, node, Tag::P)
                && link_density(tree, node) < SINGLE_P_DIV_MAX_LINK_DENSITY
            {
                let paragraph = tree.first_child(node);
                let paragraph = if tree.is_tag(paragraph, Tag::P) {
                    paragraph
                } else {
                    tree.element_children(node).next().unwrap_or(paragraph)
                };
                // The paragraph stands for the `<div>` from now on: it keeps its class/id
                // words, which the precision pass reads.
                let hint = tree
                    .element_mut(node)
                    .map(|div| std::mem::take(&mut div.hint));
                if let (Some(hint), Some(element)) = (hint, tree.element_mut(paragraph)) {
                    if element.hint.is_empty() {
                        element.hint = hint;
                    }
                }
                tree.insert_before(node, paragraph);
                tree.detach(node);
                to_score.push(paragraph);
                node = tree.next_in(paragraph, root);
                continue;
            } else if !has_block_descendant(tree, node) {
                if let Some(element) = tree.element_mut(node) {
                    element.tag = Tag::P;
                }
                to_score.push(node);
            }
        }
        node = tree.next_in(node, root);
    }
    to_score
}

fn remove_and_next(tree: &mut Tree, node: NodeId, rule: Rule, trace: &mut Trace) -> NodeId {
    let next = tree.next_skipping_children(node, Tree::ROOT);
    trace.remove(tree, node, rule);
    next
}

/// An ancestor with one of `tags` within Readability.js's `_hasAncestorTag` depth.
fn has_nearby_ancestor(tree: &Tree, node: NodeId, tags: &[Tag]) -> bool {
    tree.ancestors(node)
        .take(ANCESTOR_TAG_MAX_DEPTH + 1)
        .any(|id| tree.tag(id).is_some_and(|tag| tags.contains(&tag)))
}

fn byline_text(tree: &Tree, node: NodeId) -> Option<String> {
    let element = tree.element(node)?;
    let rel_author = element.attr(Attr::Rel).is_some_and(|rel| rel == "author");
    let itemprop_author = element
        .attr(Attr::Itemprop)
        .is_some_and(|prop| prop.contains("author"));
    if !(rel_author || itemprop_author || BYLINE_HINTS.found_in(&element.hint)) {
        return None;
    }
    let text = inner_text(tree, node);
    let length = text.chars().count();
    if length == 0 || length >= MAX_BYLINE_CHARS {
        return None;
    }
    let named = tree.descendants(node).find(|&id| {
        tree.element(id)
            .and_then(|e| e.attr(Attr::Itemprop))
            .is_some_and(|prop| prop.contains("name"))
    });
    Some(named.map_or(text, |id| inner_text(tree, id)))
}

/// Wraps runs of inline content directly inside a `<div>` into `<p>`s.
fn wrap_phrasing_runs(tree: &mut Tree, div: NodeId) {
    let mut paragraph = NONE;
    let mut child = tree.first_child(div);
    while child != NONE {
        let next = tree.next_sibling(child);
        // An inline element holding a block (`<b>..<p>..</p></b>`) is not put in a `<p>`: a
        // browser would split that `<p>` at the block.
        if is_phrasing(tree, child) && !has_block_descendant(tree, child) {
            if paragraph != NONE {
                tree.append_child(paragraph, child);
            } else if !is_whitespace_node(tree, child) {
                paragraph = tree.new_element(Element::new(Tag::P));
                tree.insert_before(child, paragraph);
                tree.append_child(paragraph, child);
            }
        } else if paragraph != NONE {
            loop {
                let last = tree.node(paragraph).last_child;
                if last == NONE || !is_whitespace_node(tree, last) {
                    break;
                }
                tree.detach(last);
            }
            paragraph = NONE;
        }
        child = next;
    }
}

fn has_block_descendant(tree: &Tree, node: NodeId) -> bool {
    tree.descendants(node).any(|id| {
        tree.tag(id)
            .is_some_and(|tag| DIV_TO_P_ELEMS.contains(&tag))
    })
}

fn initial_score(tree: &Tree, node: NodeId, flags: Flags) -> f64 {
    tag_base_score(tree, node)
        + if flags.weight_classes {
            class_weight(tree, node)
        } else {
            0.0
        }
}

/// A candidate's starting score from its tag (Readability.js's `_initializeNode`).
fn tag_base_score(tree: &Tree, node: NodeId) -> f64 {
    match tree.tag(node) {
        Some(Tag::Div) => DIV_BASE_SCORE,
        Some(Tag::Pre | Tag::Td | Tag::Blockquote) => TEXT_BLOCK_BASE_SCORE,
        Some(
            Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form,
        ) => LIST_BASE_SCORE,
        Some(tag) if tag.is_heading() || tag == Tag::Th => HEADING_BASE_SCORE,
        _ => 0.0,
    }
}

/// When several strong candidates share an ancestor, the article is that ancestor.
fn shared_ancestor_of_alternatives(
    tree: &Tree,
    scores: &Scores,
    top: &[NodeId],
    top_candidate: NodeId,
) -> NodeId {
    let top_score = scores.get(top_candidate).unwrap_or(0.0);
    let alternatives: Vec<Vec<NodeId>> = top[1..]
        .iter()
        .filter(|&&other| {
            top_score > 0.0
                && scores.get(other).unwrap_or(0.0) / top_score >= ALTERNATIVE_CANDIDATE_RATIO
        })
        .map(|&other| tree.ancestors(other).collect())
        .collect();
    if alternatives.len() < MIN_ALTERNATIVE_CANDIDATES {
        return top_candidate;
    }
    let mut parent = tree.parent(top_candidate);
    while parent != NONE && parent != Tree::ROOT {
        let containing = alternatives
            .iter()
            .filter(|list| list.contains(&parent))
            .count();
        if containing >= MIN_ALTERNATIVE_CANDIDATES {
            return parent;
        }
        parent = tree.parent(parent);
    }
    top_candidate
}

/// A thread's posts each score as a candidate: the article is their lowest common ancestor
/// (the top candidates scoring at least [`THREAD_POST_MIN_SHARE`] of the best), unless that
/// is the whole page.
fn thread_ancestor(tree: &Tree, scores: &Scores, top: &[NodeId], top_candidate: NodeId) -> NodeId {
    let top_score = scores.get(top_candidate).unwrap_or(0.0);
    let chain: Vec<NodeId> = std::iter::once(top_candidate)
        .chain(tree.ancestors(top_candidate))
        .collect();
    let mut highest = 0;
    for &post in top {
        if post == top_candidate
            || scores.get(post).unwrap_or(0.0) < top_score * THREAD_POST_MIN_SHARE
        {
            continue;
        }
        let common = std::iter::once(post)
            .chain(tree.ancestors(post))
            .find_map(|id| chain.iter().position(|&c| c == id));
        if let Some(index) = common {
            highest = highest.max(index);
        }
    }
    match chain.get(highest) {
        Some(&thread) if thread != Tree::ROOT => thread,
        _ => top_candidate,
    }
}

/// Moves up while a parent scores at least as well (the content is split across children).
fn climb_to_better_parent(tree: &Tree, scores: &Scores, top_candidate: NodeId) -> NodeId {
    let mut last = scores.get(top_candidate).unwrap_or(0.0);
    let threshold = last / BETTER_PARENT_SCORE_DIVIDER;
    let mut parent = tree.parent(top_candidate);
    while parent != NONE && parent != Tree::ROOT {
        let Some(score) = scores.get(parent) else {
            parent = tree.parent(parent);
            continue;
        };
        if score < threshold {
            break;
        }
        if score > last {
            return parent;
        }
        last = score;
        parent = tree.parent(parent);
    }
    top_candidate
}

fn find_dir(tree: &Tree, top_candidate: NodeId) -> Option<String> {
    // Readability.js looks at the parent first, then the winner, then the parent's ancestors.
    let parent = tree.parent(top_candidate);
    let mut order = vec![parent, top_candidate];
    if parent != NONE {
        order.extend(tree.ancestors(parent));
    }
    order
        .into_iter()
        .filter(|&id| id != NONE)
        .filter_map(|id| tree.element(id).and_then(|e| e.attr(Attr::Dir)))
        .find(|dir| !dir.is_empty())
        .map(str::to_owned)
}

/// Builds the article: the winner plus the siblings that look like part of it.
fn merge_siblings(
    tree: &mut Tree,
    scores: &Scores,
    top_candidate: NodeId,
    trace: &mut Trace,
) -> NodeId {
    let article = tree.new_element(Element::new(Tag::Div));
    let top_score = scores.get(top_candidate).unwrap_or(0.0);
    let threshold = SIBLING_SCORE_MIN.max(top_score * SIBLING_SCORE_RATIO);
    let parent = tree.parent(top_candidate);
    if parent == NONE {
        tree.append_child(article, top_candidate);
        return article;
    }
    let top_class = tree
        .element(top_candidate)
        .and_then(|e| e.attr(Attr::Class))
        .unwrap_or("")
        .to_owned();
    // The other panels of a tab set or an accordion are the rest of the same content.
    let top_is_panel = is_panel(tree, top_candidate);
    let siblings: Vec<NodeId> = tree.element_children(parent).collect();
    for sibling in siblings {
        let mut append = sibling == top_candidate || (top_is_panel && is_panel(tree, sibling));
        if !append {
            let class = tree
                .element(sibling)
                .and_then(|e| e.attr(Attr::Class))
                .unwrap_or("");
            let bonus = if !top_class.is_empty() && class == top_class {
                top_score * SIBLING_SCORE_RATIO
            } else {
                0.0
            };
            if let Some(score) = scores.get(sibling) {
                append = score + bonus >= threshold;
            }
            if !append && tree.is_tag(sibling, Tag::P) {
                let density = link_density(tree, sibling);
                let text = inner_text(tree, sibling);
                let length = text.chars().count();
                append = (length > SIBLING_PARAGRAPH_MIN_CHARS
                    && density < SIBLING_PARAGRAPH_MAX_LINK_DENSITY)
                    || (length < SIBLING_PARAGRAPH_MIN_CHARS
                        && length > 0
                        && density == 0.0
                        && (text.contains(". ") || text.ends_with('.')));
            }
        }
        if append {
            if sibling != top_candidate {
                step(tree, sibling, Rule::ScoreSiblingMerged, trace);
            }
            if let Some(element) = tree.element_mut(sibling) {
                // Readability.js's `ALTER_TO_DIV_EXCEPTIONS`.
                if !(element.tag.is_list()
                    || matches!(element.tag, Tag::Div | Tag::Article | Tag::Section | Tag::P))
                {
                    element.tag = Tag::Div;
                }
            }
            tree.append_child(article, sibling);
        }
    }
    trace.outside(tree, parent, NONE, Rule::ScoreNotCandidate);
    article
}

/// A tab or accordion panel (`role=tabpanel`, or a panel's class/id, not a menu's).
fn is_panel(tree: &Tree, node: NodeId) -> bool {
    tree.element(node).is_some_and(|element| {
        element
            .attr(Attr::Role)
            .is_some_and(|role| role.trim() == "tabpanel")
            || (!element.hint.is_empty()
                && hint_has_token(&element.hint, DISCLOSURE_HINTS, false)
                && !hint_has_token(&element.hint, NAVIGATION_HINTS, false))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::explain::Trace;
    use crate::page_type::PageType;

    fn find(html: &str, strategy: &Strategy) -> String {
        let mut ingest = crate::ingest::Ingest::new(crate::ingest::Charset::Text, false);
        ingest.write(html.as_bytes()).expect("written");
        let page = ingest.finish().expect("parsed");
        let scored = find_article(
            &page.tree,
            "",
            false,
            200,
            strategy,
            crate::cleanup::conditional::prep_article,
            &Trace::default(),
        )
        .expect("an article");
        crate::measure::inner_text(&scored.tree, scored.article)
    }

    /// A short best block beside much more text is one section of a landing page, unless the
    /// page says it is an article or is very probably one.
    #[test]
    fn a_short_block_among_sections_gives_way_to_the_region() {
        let section = |title: &str| {
            format!(
                "<section><h2>{title}</h2><ul><li>Automatic tax filing in all states</li>\
                 <li>Direct deposit within two working days</li><li>Contractor payments \
                 in forty currencies</li><li>A portal where employees find payslips</li>\
                 </ul></section>"
            )
        };
        let long = "<div class='feature'><p>Pay your team on time, every time, with taxes \
            filed for you in every state, year-end forms sent, and new hires onboarded in \
            minutes, whatever their state, with benefits and time off tracked too.</p>\
            <p>Run payroll in three clicks, or let it run on its own schedule, with alerts \
            before anything goes out, approvals for managers and a full audit trail.</p></div>";
        let html = format!(
            "<html><body>{long}{}{}{}{}</body></html>",
            section("Features"),
            section("Integrations"),
            section("Pricing"),
            section("Support")
        );
        let sections = Strategy::for_page(PageType::Article, 0.5, false);
        assert!(find(&html, &sections).contains("Support"));
        let news = Strategy::for_page(PageType::Article, 0.5, true);
        assert!(!find(&html, &news).contains("Support"));
        let probable_article = Strategy::for_page(PageType::Article, 0.9, false);
        assert!(!find(&html, &probable_article).contains("Support"));
    }

    /// Cleaning the output again gives the same text (the text property of
    /// tests/properties.rs) for loose inline runs and inline elements holding blocks.
    #[test]
    fn recleaning_keeps_loose_inline_text() {
        let long = "<p>The harbour committee met on Tuesday evening to discuss the new ferry \
            timetable, which has been criticised by commuters, shop owners and the school.</p>";
        let options = crate::Options {
            char_threshold: 100,
            ..crate::Options::default()
        };
        for body in [
            format!("{long} <b>next</b>. {long}{long}"),
            format!(
                "{long}<div><b>pupils shop the. <p>the the the <a href='/x'>Tuesday the</a>. \
                     </p></b></div>{long}{long}"
            ),
        ] {
            let html = format!("<html><body><article>{body}</article></body></html>");
            let first = crate::clean(&html, &options).expect("an article");
            let again = format!(
                "<html><body><article>{}</article></body></html>",
                first.content
            );
            let second = crate::clean(&again, &options).expect("an article");
            assert_eq!(second.text_content, first.text_content, "{body}");
        }
    }
}
