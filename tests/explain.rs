//! Explain mode on a wire-service page full of furniture: each block is reported once, by the
//! rule that removed it, in document order; the article is the same with and without it.

// Native only: `wasm-pack test` builds every test target for wasm32 (tests/web.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

use article_cleaner::explain::{Explain, Removal};
use article_cleaner::rules::Rule;
use article_cleaner::{clean, Options};

const WIRE: &str = include_str!("fixtures/pages/wire-news.html");

fn explained(html: &str) -> Explain {
    let options = Options {
        explain: true,
        ..Options::default()
    };
    clean(html, &options)
        .expect("an article")
        .explain
        .expect("explain requested")
}

/// The entries whose text contains `needle`.
fn removals<'a>(explain: &'a Explain, needle: &str) -> Vec<&'a Removal> {
    explain
        .removed
        .iter()
        .filter(|removal| removal.text.contains(needle))
        .collect()
}

#[test]
fn the_article_is_byte_identical_with_explain() {
    for html in [
        WIRE,
        include_str!("fixtures/pages/magazine-feature.html"),
        include_str!("fixtures/pages/blog-post.html"),
        include_str!("fixtures/pages/sample-article.html"),
    ] {
        let plain = Options {
            output_markdown: true,
            ..Options::default()
        };
        let without = clean(html, &plain).expect("an article");
        let with = clean(
            html,
            &Options {
                explain: true,
                ..plain
            },
        )
        .expect("an article");
        assert!(without.explain.is_none());
        assert!(with.explain.is_some());
        assert_eq!(with.content, without.content);
        assert_eq!(with.text_content, without.text_content);
        assert_eq!(with.markdown, without.markdown);
    }
}

/// The rule of the one entry whose path ends with `element`.
fn rule_of(explain: &Explain, element: &str) -> String {
    let found: Vec<&Removal> = explain
        .removed
        .iter()
        .filter(|removal| removal.path.ends_with(element))
        .collect();
    assert_eq!(found.len(), 1, "{element}: {found:?}");
    found[0].rule.clone()
}

#[test]
fn each_furniture_block_is_named_by_its_rule() {
    let explain = explained(WIRE);
    // Consent banner: never enters the tree.
    assert_eq!(
        rule_of(&explain, "div#onetrust-consent-sdk"),
        Rule::IngestFurniture.name()
    );
    assert_eq!(removals(&explain, "We use cookies").len(), 1);
    // The share bar sits in the story header, which goes whole: one entry, not one per link.
    assert_eq!(
        rule_of(&explain, "header.story__header"),
        Rule::ScoreUnlikelyCandidate.name()
    );
    assert!(!explain
        .removed
        .iter()
        .any(|r| r.path.ends_with("div.share-bar")));
    assert_eq!(
        rule_of(&explain, "div.related-coverage"),
        Rule::ScoreUnlikelyCandidate.name()
    );
    // The footer with its privacy links, as one subtree.
    assert_eq!(
        rule_of(&explain, "footer.site-footer"),
        Rule::ScoreUnlikelyCandidate.name()
    );
    let footer = removals(&explain, "Meridian Wire About us")[0];
    assert!(footer.text_length > footer.text.chars().count());
    assert!(footer.text.ends_with('…'));
    // Hidden gallery slides, dropped at ingest.
    assert!(removals(&explain, "2 of 3")
        .iter()
        .all(|removal| removal.rule == Rule::IngestHidden.name()));
    for removal in &explain.removed {
        let rule = Rule::ALL
            .iter()
            .find(|rule| rule.name() == removal.rule)
            .unwrap_or_else(|| panic!("unknown rule {}", removal.rule));
        assert_eq!(rule.phase().name(), removal.phase);
    }
}

#[test]
fn removals_are_in_document_order() {
    let explain = explained(WIRE);
    let position = |element: &str| {
        explain
            .removed
            .iter()
            .position(|removal| removal.path.ends_with(element))
            .unwrap_or_else(|| panic!("{element} not reported"))
    };
    let order = [
        position("a.skip-link"),
        position("div#onetrust-consent-sdk"),
        position("header.story__header"),
        position("div.related-coverage"),
        position("footer.site-footer"),
    ];
    assert!(order.windows(2).all(|pair| pair[0] < pair[1]), "{order:?}");
}

#[test]
fn candidates_and_the_winner_are_explained() {
    let explain = explained(WIRE);
    assert!(explain.candidates.len() >= 5);
    assert!(explain.candidates[0].top);
    assert!(explain
        .candidates
        .windows(2)
        .all(|pair| pair[0].score >= pair[1].score));
    let top = &explain.candidates[0];
    assert!(top.path.ends_with("div.story__body"), "{}", top.path);
    let rules: Vec<&str> = top.reasons.iter().map(|r| r.rule.as_str()).collect();
    assert!(rules.contains(&Rule::ScoreParagraphs.name()), "{rules:?}");
    assert!(rules.contains(&Rule::ScoreClassWeight.name()), "{rules:?}");
    assert_eq!(explain.winner[0].rule, Rule::ScoreTopCandidate.name());
    assert_eq!(explain.retry.attempt, 1);
    assert!(explain.retry.strip_unlikely && explain.retry.clean_conditionally);
}

#[test]
fn a_relaxed_attempt_reports_its_flags() {
    // The only text sits in a "sidebar": the first attempt strips it and finds nothing; every
    // attempt is under the threshold, and the longest, the second, is taken.
    let html = "<html><body><div class='sidebar'><p>Only a short paragraph of text, with a comma \
        or two, and not much else to go on.</p></div></body></html>";
    let explain = explained(html);
    assert_eq!(explain.retry.attempt, 2);
    assert!(!explain.retry.strip_unlikely && explain.retry.weight_classes);
    let article = clean(html, &Options::default()).expect("an article");
    assert!(article.text_content.contains("short paragraph"));
}
