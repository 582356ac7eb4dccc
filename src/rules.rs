//! Every rule that removes part of a page or moves a candidate's score, by stable name.
//!
//! A rule's name is `phase.what` and never changes once released: explain mode reports it,
//! users search for it, and the README lists every one (`article-cleaner rules` prints the
//! table). A new rule is one line here and one call where it acts.

use serde::{Deserialize, Serialize};

/// The pipeline's phases, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    Ingest,
    Prepare,
    Score,
    Cleanup,
    PostProcess,
    Precision,
    DeclaredBody,
    Markup,
}

impl Phase {
    pub fn name(self) -> &'static str {
        match self {
            Phase::Ingest => "ingest",
            Phase::Prepare => "prepare",
            Phase::Score => "score",
            Phase::Cleanup => "cleanup",
            Phase::PostProcess => "post-process",
            Phase::Precision => "precision",
            Phase::DeclaredBody => "declared-body",
            Phase::Markup => "markup",
        }
    }
}

macro_rules! rules {
    ($($rule:ident = $name:literal, $phase:ident, $doc:literal;)*) => {
        /// A named rule; see [`Rule::doc`] for what each targets and why.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Rule { $(#[doc = $doc] $rule,)* }

        impl Rule {
            /// Every rule, in pipeline order.
            pub const ALL: &'static [Rule] = &[$(Rule::$rule,)*];

            /// The stable name, `phase.what`.
            pub fn name(self) -> &'static str {
                match self { $(Rule::$rule => $name,)* }
            }

            pub fn phase(self) -> Phase {
                match self { $(Rule::$rule => Phase::$phase,)* }
            }

            /// One line: what the rule targets and why.
            pub fn doc(self) -> &'static str {
                match self { $(Rule::$rule => $doc,)* }
            }
        }
    };
}

rules! {
    // Ingest: never stored, so never costs memory.
    IngestNonContent = "ingest.non-content", Ingest,
        "scripts, styles, templates and the head hold no text a reader sees (not listed in explain output)";
    IngestHidden = "ingest.hidden", Ingest,
        "`hidden`, `display:none`, `visibility:hidden`, `aria-hidden=true` or an open modal dialog: invisible to a reader";
    IngestFurniture = "ingest.furniture", Ingest,
        "class/id of a consent or cookie banner, a newsletter sign-up form or a wiki's note pointing elsewhere: never article text";
    IngestFormControl = "ingest.form-control", Ingest,
        "inputs, buttons, selects, text areas, meters: controls, not text";
    IngestEmbed = "ingest.embed", Ingest,
        "frames not from a known video host, objects, canvas, SVG, audio and video players: nothing a reader mode can show";
    // Prepare: what the markup means but does not say.
    PrepareImageWithoutSource = "prepare.image-without-source", Prepare,
        "an image with no source at all shows nothing";
    PrepareLazyPlaceholder = "prepare.lazy-placeholder", Prepare,
        "a lazy-loading placeholder image, replaced by the real image of the `<noscript>` after it";
    PrepareNoscript = "prepare.noscript", Prepare,
        "`<noscript>` fallbacks: the page runs with scripts for its readers (its image, if any, replaces the placeholder)";
    // Score: finding the main content (Readability.js's grabArticle).
    ScoreByline = "score.byline", Score,
        "the author line (rel=author, itemprop=author, a byline class): it becomes `byline`";
    ScoreTitleDuplicate = "score.title-duplicate", Score,
        "an h1/h2 repeating the title: the title is shown once";
    ScoreUnlikelyCandidate = "score.unlikely-candidate", Score,
        "class/id says navigation, sidebar, comments, footer, ads... (UNLIKELY_CANDIDATES) and not article-like";
    ScoreUnlikelyRole = "score.unlikely-role", Score,
        "an ARIA role of menu, navigation, banner, complementary, dialog... (UNLIKELY_ROLES)";
    ScoreEmptyContainer = "score.empty-container", Score,
        "a div, section, header or heading with no text and no media";
    ScoreLowCoverage = "score.low-coverage", Score,
        "the best block is short (under 2,000 chars) and holds under 40% of the `<main>` region's text, or, on a page that is probably not an article (under 0.8; under 0.6 and with a `<main>` when an author, date or og:type says it is one), is under 5,000 chars and half of the region: the page is not one block, so the region is the article";
    ScoreSectionsFallback = "score.sections-fallback", Score,
        "a page whose best block yields no article (nothing found, no text, or only links) is read again as its whole main region, as a service page is, before it is called not readerable";
    ScoreRegion = "score.region", Score,
        "service, product, collection, listing and documentation pages: the article is the main region (`<main>`, `role=main`, else the body), every section and card";
    ScoreRegionProse = "score.region-prose", Score,
        "on collections and listings, beside a `<main>` region, a block of prose outside it (500 chars or more, link density up to 0.2, two paragraphs or more; not a header, footer, nav, aside or form) joins it, in document order: a category's description under its grid";
    ScoreRegionChrome = "score.region-chrome", Score,
        "navigation, header (not a card's or a section's own), footer, aside, landmark roles and menu, cookie, share or breadcrumb widgets inside a main region (unless they hold half its text; a long, link-dense nav at any share); comment sections (but in a thread); a product's reviews, ratings and carousels of other products; a list's filters, facets and sort controls";
    ScoreNotCandidate = "score.not-candidate", Score,
        "outside the winning candidate and the siblings merged with it";
    ScoreParagraphs = "score.paragraphs", Score,
        "a candidate gains from the paragraphs under it: 1 + commas + 1 per 100 chars (up to 3), less with distance";
    ScoreTagBase = "score.tag-base", Score,
        "a candidate's starting score from its tag: div +5, pre/td/blockquote +3, lists and forms -3, headings -5";
    ScoreClassWeight = "score.class-weight", Score,
        "class/id hints: +25 for article-like (POSITIVE_HINTS), -25 for furniture-like (NEGATIVE_HINTS)";
    ScoreLinkDensity = "score.link-density", Score,
        "the score is multiplied by 1 - link density: link lists are navigation";
    ScoreTopCandidate = "score.top-candidate", Score,
        "the candidate with the highest score";
    ScoreThread = "score.thread", Score,
        "forum and Q&A pages: the article is the lowest common ancestor of the posts (top candidates scoring >= 30% of the best): the whole thread";
    ScoreSharedAncestor = "score.shared-ancestor", Score,
        "three or more near-top candidates (>= 75% of the top score) share an ancestor: the content is split, take the ancestor";
    ScoreBetterParent = "score.better-parent", Score,
        "a parent scoring higher than the winner holds more of the content";
    ScoreOnlyChildParent = "score.only-child-parent", Score,
        "the winner is its parent's only element: the parent is the same block";
    ScoreWholeBody = "score.whole-body", Score,
        "no candidate: the whole body is the article";
    ScoreLinksOnly = "score.links-only", Score,
        "an article under 200 chars that is 90% link text is leftover navigation (a script-rendered page's shell): the page is not readerable";
    ScoreSiblingMerged = "score.sibling-merged", Score,
        "a sibling of the winner scoring >= max(10, 20% of the winner), a paragraph-like sibling, or, when the winner is a tab or accordion panel, the other panels join the article";
    // Clean-up of the winner (Readability.js's prepArticle and cleanConditionally).
    CleanupNonContentTag = "cleanup.non-content-tag", Cleanup,
        "footers, asides, objects, embeds and links inside the winner: furniture, not the story";
    CleanupShareBar = "cleanup.share-bar", Cleanup,
        "a block whose class/id says share, under 500 chars: a share bar";
    CleanupFormControl = "cleanup.form-control", Cleanup,
        "inputs, text areas, selects and buttons left in the winner";
    CleanupNegativeHeading = "cleanup.negative-heading", Cleanup,
        "an h1/h2 whose class/id weighs negative: a section label of the page, not of the story";
    CleanupEmptyParagraph = "cleanup.empty-paragraph", Cleanup,
        "a paragraph with no text and no media";
    CleanupBreakBeforeParagraph = "cleanup.break-before-paragraph", Cleanup,
        "a `<br>` just before a paragraph adds nothing";
    CleanupNegativeClass = "cleanup.negative-class", Cleanup,
        "a form, table, list or div whose class/id weighs negative (in a thread, \"comment\" does not weigh on a block named as one comment or on a comment section holding a fifth of the thread: they are its replies)";
    CleanupAdLabel = "cleanup.ad-label", Cleanup,
        "a short block that only says advertisement or loading";
    CleanupImageHeavy = "cleanup.image-heavy", Cleanup,
        "more than one image and fewer than half as many paragraphs as images: a gallery or promo strip";
    CleanupListLike = "cleanup.list-like", Cleanup,
        "not a list, yet more than 100 list items beyond its paragraph count";
    CleanupFormLike = "cleanup.form-like", Cleanup,
        "more inputs than a third of its paragraphs";
    CleanupShortWithLinks = "cleanup.short-with-links", Cleanup,
        "under 25 chars of text with links and no single image: a link stub (in a thread, never a post's own text)";
    CleanupLinkDense = "cleanup.link-dense", Cleanup,
        "link density over 0.2 (over 0.5 with a positive class weight): navigation or related links (in a thread, never a post's own text)";
    CleanupEmbedHeavy = "cleanup.embed-heavy", Cleanup,
        "one embed with under 75 chars of text, or several embeds";
    CleanupNoTextBlocks = "cleanup.no-text-blocks", Cleanup,
        "no image and no text inside paragraphs, lists, tables or divs";
    CleanupSingleCellTable = "cleanup.single-cell-table", Cleanup,
        "a layout table of one cell becomes that cell's content (nothing is lost)";
    // Post-processing of the winner.
    PostProcessEmptyContainer = "post-process.empty-container", PostProcess,
        "a div or section left with no text and no image";
    // Our precision pass: boilerplate the Readability rules keep.
    PrecisionBoilerplateHint = "precision.boilerplate-hint", Precision,
        "class/id says share, social, related, newsletter, promo... (BOILERPLATE_HINTS), and short or link-heavy";
    PrecisionShortFurniture = "precision.short-furniture", Precision,
        "class/id says byline, tags, breadcrumb, caption-credit... (SHORT_FURNITURE_HINTS), under 150 chars";
    PrecisionRelatedLinks = "precision.related-links", Precision,
        "a short block (under 160 chars) that is all links: a related headline or a link list entry (not on listings, collections and threads, whose items and authors are links)";
    PrecisionBoilerplateText = "precision.boilerplate-text", Precision,
        "a block whose whole text is a known label (\"Advertisement\", \"Read more\", a gallery counter, an \"Updated ...\" line); in a thread, never a block holding a post's text";
    PrecisionNavigation = "precision.navigation", Precision,
        "a `<nav>` or `role=\"navigation\"` inside the article, over half its text in links: the site's menu or trail";
    PrecisionCallToAction = "precision.call-to-action", Precision,
        "a link, button, span, paragraph or div alone on its line whose whole text is a call to action (\"Learn more\", \"Add to cart\", \"Apply now\"; CALL_TO_ACTION_TEXTS)";
    PrecisionShopBadge = "precision.shop-badge", Precision,
        "on product, collection and listing pages: a card's badge (\"Top rated\", \"Best seller\"; SHOP_BADGE_TEXTS) or review count (\"12 reviews\") alone on its line";
    PrecisionSignature = "precision.signature", Precision,
        "in a thread: a poster's signature (a class/id word holding `signature`, or `sig`), also when its one wrapper was folded into its content";
    PrecisionUserStats = "precision.user-stats", Precision,
        "in a thread: a poster's stats and rank (USER_STATS_HINTS, or a short \"Posts: 1,234\" / \"Joined ...\" line) and an avatar's initials or \"?\" (AVATAR_HINTS), outside the post's text";
    PrecisionThreadFurniture = "precision.thread-furniture", Precision,
        "in a thread: similar-thread lists, sign-in prompts, answer forms, vote, sort and action bars, poster badges, post action buttons, \"4 Answers\", a score or an age (\"2y\") alone on its line (THREAD_FURNITURE_HINTS, THREAD_FURNITURE_TEXTS), a post's number (\"#12\", \"Reply 12\"), outside the post's text";
    PrecisionRepeatedBlock = "precision.repeated-block", Precision,
        "on product, collection, listing pages and threads: a block (not a quote) repeating an earlier block's text word for word (a card's or a carousel's responsive copy)";
    PrecisionEmptied = "precision.emptied", Precision,
        "a quote, list, list item, div or section left with no text and no image once the precision pass removed its content";
    // The page's own statement of its body.
    DeclaredBodyOutside = "declared-body.outside", DeclaredBody,
        "a block the page's JSON-LD articleBody does not contain, when that body is the full text";
    // What the author wrote, kept as written.
    MarkupCodeLineNumbers = "markup.code-line-numbers", Markup,
        "a code block's line numbers: a highlighter's gutter cell or numbered spans (CODE_LINE_NUMBER_HINTS), not the code";
    MarkupCodeToolbar = "markup.code-toolbar", Markup,
        "beside a code block: its copy button's text or its language label (CODE_TOOLBAR_TEXTS, CODE_TOOLBAR_HINTS); the language goes on the code";
    MarkupFootnoteLabel = "markup.footnote-label", Markup,
        "a note's own number and links back to its references (FOOTNOTE_BACKLINK_HINTS), replaced by ours";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_start_with_their_phase() {
        let mut names: Vec<&str> = Rule::ALL.iter().map(|rule| rule.name()).collect();
        for rule in Rule::ALL {
            assert!(
                rule.name()
                    .starts_with(&format!("{}.", rule.phase().name())),
                "{}",
                rule.name()
            );
            assert!(!rule.doc().is_empty());
        }
        let count = names.len();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), count, "duplicate rule names");
    }

    #[test]
    fn rules_are_in_pipeline_order() {
        let phases: Vec<Phase> = Rule::ALL.iter().map(|rule| rule.phase()).collect();
        assert!(phases.windows(2).all(|pair| pair[0] <= pair[1]));
    }

    #[test]
    fn readme_lists_every_rule() {
        let readme = include_str!("../README.md");
        for rule in Rule::ALL {
            assert!(
                readme.contains(&format!("`{}`", rule.name())),
                "README does not list {} (paste `article-cleaner rules`)",
                rule.name()
            );
        }
    }
}
