//! Every word list, tag set and threshold the pipeline uses, in one place.
//!
//! Class/id lists are matched as lower-case substrings of an element's `class` and `id`
//! (the "hint"), the way Readability.js's regular expressions match them.

use crate::text::Needles;
use crate::tree::Tag;

// ---------------------------------------------------------------- limits

/// Default for `Options::max_input_bytes`.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 << 20;
/// Default for `Options::char_threshold`: an article shorter than this triggers a retry
/// with relaxed rules.
pub const DEFAULT_CHAR_THRESHOLD: usize = 500;
/// Memory lol_html may buffer (a single tag, comment or attribute larger than this is
/// refused, however the input is split).
pub const PARSER_MEMORY_LIMIT: usize = 32 << 20;
/// Input reaches the parser in blocks of this size at fixed offsets (see `Ingest::write`).
pub const PARSER_BLOCK_BYTES: usize = 64 << 10;
/// Bytes kept while no `<meta charset>` has settled the encoding, to parse again with the
/// declared one; past this the guess stands.
pub const MAX_CHARSET_REPLAY_BYTES: usize = 1 << 20;
/// While the encoding is a guess, the parser is fed this much at a time, so a declaration
/// near the start restarts it after little work.
pub const CHARSET_SNIFF_SLICE: usize = 4 << 10;
/// Heap the wasm build takes and frees once at start-up. Grown page by page, dlmalloc's
/// layout depends on where the first pages leave its few long-lived blocks, and in some
/// layouts `malloc`/`free` take up to 30% longer for the same calls (3% per page: all of
/// explain mode's apparent cost); with the reserve every build measured gets the fast one.
#[cfg(target_arch = "wasm32")]
pub const WASM_HEAP_RESERVE_BYTES: usize = 4 << 20;
/// Elements nested deeper than this are flattened into their ancestor, as browsers do.
pub const MAX_OPEN_ELEMENTS: usize = 512;
/// Nodes the compact tree may hold; later content is ignored.
pub const MAX_TREE_NODES: usize = 1 << 20;
/// A single text node is cut at this many bytes.
pub const MAX_TEXT_NODE_BYTES: usize = 1 << 20;
/// Total text the tree may hold.
pub const MAX_TREE_TEXT_BYTES: usize = 48 << 20;
/// JSON-LD kept per page (bytes).
pub const MAX_JSON_LD_BYTES: usize = 1 << 20;
/// Markup kept from `<noscript>` elements, in case the page's content is only there.
pub const MAX_NOSCRIPT_BYTES: usize = 4 << 20;
/// A `<noscript>` is read as the page's content when its markup holds at least this much
/// text, and more than the rest of the page: a page rendered by script for its readers
/// and given to readers without script (and crawlers) in a `<noscript>`.
pub const NOSCRIPT_CONTENT_MIN_CHARS: usize = 200;

// ---------------------------------------------------------------- scoring

/// Paragraph-like elements shorter than this do not score.
pub const MIN_PARAGRAPH_CHARS: usize = 25;
/// How many ancestors a paragraph's score reaches.
pub const SCORE_ANCESTOR_LEVELS: usize = 5;
pub const N_TOP_CANDIDATES: usize = 5;
/// Top candidates scoring at least this share of the best count as alternatives.
pub const ALTERNATIVE_CANDIDATE_RATIO: f64 = 0.75;
/// In a thread, a candidate scoring this share of the best is a post of the thread.
pub const THREAD_POST_MIN_SHARE: f64 = 0.3;
/// A post's author and date line is shorter than this.
pub const POST_META_MAX_CHARS: usize = 200;
pub const MIN_ALTERNATIVE_CANDIDATES: usize = 3;
pub const CLASS_WEIGHT: f64 = 25.0;
/// Links to `#fragment` count this much towards link density.
pub const HASH_LINK_WEIGHT: f64 = 0.3;
pub const SIBLING_SCORE_MIN: f64 = 10.0;
pub const SIBLING_SCORE_RATIO: f64 = 0.2;
/// Words per minute for `readingTimeMinutes`.
pub const READING_WORDS_PER_MINUTE: usize = 230;

/// A scored paragraph's base points (Readability.js: one for the paragraph, plus one because
/// it counts `split(commas).length`, the commas plus one).
pub const PARAGRAPH_BASE_SCORE: f64 = 2.0;
/// A paragraph gains a point per this many characters (Readability.js: 100)...
pub const PARAGRAPH_CHARS_PER_POINT: usize = 100;
/// ...up to this many points (Readability.js: 3), so a long paragraph does not outweigh many.
pub const PARAGRAPH_MAX_LENGTH_POINTS: usize = 3;
/// A paragraph's grandparent gets its score divided by this (Readability.js: 2; the parent
/// gets it whole).
pub const GRANDPARENT_SCORE_DIVIDER: f64 = 2.0;
/// Farther ancestors get it divided by their level times this (Readability.js: 3), so the
/// evidence fades with distance.
pub const ANCESTOR_SCORE_DIVIDER_PER_LEVEL: f64 = 3.0;
/// Readability.js's `_hasAncestorTag` default `maxDepth` (3): ancestors at depths 0 to this,
/// four levels, count (an unlikely candidate inside a table or code, a block cleaned
/// conditionally inside code or a figure).
pub const ANCESTOR_TAG_MAX_DEPTH: usize = 3;
/// A `<div>` holding a single `<p>` is replaced by it when less link-dense than this
/// (Readability.js: 0.25); a link-heavier one stays a container.
pub const SINGLE_P_DIV_MAX_LINK_DENSITY: f64 = 0.25;
/// A candidate's starting score when it is a `<div>` (Readability.js's `_initializeNode`: 5),
/// the usual article container.
pub const DIV_BASE_SCORE: f64 = 5.0;
/// ... a `<pre>`, `<td>` or `<blockquote>` (Readability.js: 3): text blocks.
pub const TEXT_BLOCK_BASE_SCORE: f64 = 3.0;
/// ... an `<address>`, a list or list part, a `<form>` (Readability.js: -3): rarely the article.
pub const LIST_BASE_SCORE: f64 = -3.0;
/// ... a heading or `<th>` (Readability.js: -5): labels, not text.
pub const HEADING_BASE_SCORE: f64 = -5.0;
/// The climb to a better-scoring parent stops at an ancestor scoring less than the winner's
/// score divided by this (Readability.js: 3): the scores must not get too low.
pub const BETTER_PARENT_SCORE_DIVIDER: f64 = 3.0;
/// A sibling `<p>` longer than this joins the article when less link-dense than
/// [`SIBLING_PARAGRAPH_MAX_LINK_DENSITY`]; a shorter one only without links and with a
/// sentence end (Readability.js: 80).
pub const SIBLING_PARAGRAPH_MIN_CHARS: usize = 80;
/// See [`SIBLING_PARAGRAPH_MIN_CHARS`] (Readability.js: 0.25).
pub const SIBLING_PARAGRAPH_MAX_LINK_DENSITY: f64 = 0.25;

/// Class/id fragments of page furniture: removed before scoring (first attempt only).
pub static UNLIKELY_CANDIDATES: Needles = Needles::new(&[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
]);

/// Class/id fragments that save an element from [`UNLIKELY_CANDIDATES`].
pub static MAYBE_CANDIDATES: Needles = Needles::new(&[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
]);

/// ARIA roles of page furniture.
pub const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

pub static POSITIVE_HINTS: Needles = Needles::new(&[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
]);

pub static NEGATIVE_HINTS: Needles = Needles::new(&[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
]);

/// [`NEGATIVE_HINTS`] that name one of a thread's posts (a forum's replies are its
/// comments): as a whole class/id word, they do not weigh against a block in a thread.
pub const THREAD_POST_HINTS: &[&str] = &["comment"];
/// In a thread, a comment section holding at least this share of the thread's text is its
/// replies; a shorter one is the comments under one post.
pub const THREAD_REPLIES_MIN_SHARE: f64 = 0.2;

/// Whole class/id words that are negative on their own (`hid`).
pub const NEGATIVE_WORDS: &[&str] = &["hid"];

pub static BYLINE_HINTS: Needles =
    Needles::new(&["byline", "author", "dateline", "writtenby", "p-author"]);
pub const MAX_BYLINE_CHARS: usize = 100;

/// Share widgets left inside the article (class/id fragments).
pub const SHARE_HINTS: &[&str] = &["share", "sharedaddy"];

/// Hosts whose embeds are kept (as links).
pub static VIDEO_HOSTS: Needles = Needles::new(&[
    "youtube.com",
    "youtube-nocookie.com",
    "youtu.be",
    "player.vimeo.com",
    "dailymotion.com",
    "twitch.tv",
    "archive.org",
    "upload.wikimedia.org",
    "v.qq.com",
    "bilibili.com",
]);

/// Class/id words of tab and accordion panels: hidden until opened, kept at ingest.
pub const DISCLOSURE_HINTS: &[&str] = &[
    "tab-pane",
    "tabpanel",
    "tab-panel",
    "tabs-panel",
    "tab-content",
    "accordion",
    "collapse",
    "collapsible",
    "expandable",
];
/// Class/id words of menus, whose collapsed panels stay dropped.
pub const NAVIGATION_HINTS: &[&str] = &["nav", "menu", "navbar", "dropdown", "megamenu"];

/// A hidden element is the page's content, hidden until a script shows it, when it holds
/// at least this much text and this share of the page's.
pub const HIDDEN_CONTENT_MIN_CHARS: usize = 1000;
pub const HIDDEN_CONTENT_MIN_SHARE: f64 = 0.5;
/// ... and sits at most this deep (a page-level wrapper; deeper hidden blocks are panels and
/// overlays, not worth building to drop).
pub const HIDDEN_CONTENT_MAX_DEPTH: usize = 8;

/// Class/id fragments of containers that never hold article text: dropped at ingest.
/// (Not `cmp-container`: besides consent platforms, it is Adobe AEM's layout container,
/// which holds whole pages.)
pub static INGEST_DROP_HINTS: Needles = Needles::new(&[
    // MathJax's preview of a formula whose TeX source (the script after it) is kept.
    "mathjax_preview",
    "cookie-banner",
    "cookie-consent",
    "cookieconsent",
    "cookie-notice",
    "cookie-bar",
    "onetrust",
    "truste-",
    "consent-banner",
    "gdpr-banner",
    "sp_message",
    "newsletter-signup",
    "newsletter-form",
    // MediaWiki's notes pointing elsewhere ("For other uses, see ...").
    "hatnote",
    "dablink",
    "rellink",
]);

// ------------------------------------------- conditional cleaning (Readability.js)

/// A block with this many commas is prose: never cleaned conditionally.
pub const CONDITIONAL_KEEP_COMMAS: usize = 10;
/// Text shorter than this is looked at for a lone "Advertisement" or "Loading" label.
pub const AD_LABEL_MAX_CHARS: usize = 40;
/// Text shorter than this, with links, is a link stub.
pub const SHORT_LINKED_MAX_CHARS: usize = 25;
/// One embed needs at least this much text beside it to stay.
pub const EMBED_MIN_CHARS: usize = 75;
/// A table with at least this many rows is data, not layout (Readability.js's
/// `_markDataTables`: 10).
pub const DATA_TABLE_MIN_ROWS: usize = 10;
/// A table with more columns than this is data (Readability.js: 4).
pub const LAYOUT_TABLE_MAX_COLUMNS: usize = 4;
/// A table with more cells (rows times columns) than this is data (Readability.js: 10).
pub const LAYOUT_TABLE_MAX_CELLS: usize = 10;
/// A `rowspan` or `colspan` counts as at most this (HTML caps `colspan` there), so a hostile
/// value cannot overflow the cell count. Ours, not Readability.js's.
pub const TABLE_SPAN_MAX: usize = 1000;
/// A base64 `data:` image with fewer bytes of data than this is a lazy loader's blank
/// placeholder, dropped when the element has a lazy source (Readability.js's
/// `_fixLazyImages`: 133; an SVG can be meaningful that small and is kept).
pub const LAZY_PLACEHOLDER_MAX_BASE64_BYTES: usize = 133;
/// A block with more than this share of its text in lists counts as a list
/// (Readability.js: 0.9): lists are spared the list-like and link-density rules.
pub const LIST_TEXT_SHARE: f64 = 0.9;
/// `<li>`s beyond this many count against a block's paragraphs in the list-like rule
/// (Readability.js: `li - 100`).
pub const LIST_ITEM_ALLOWANCE: f64 = 100.0;
/// A block (outside a figure) with more images than this...
pub const IMAGE_HEAVY_MIN_IMAGES: f64 = 1.0;
/// ...and fewer paragraphs per image than this is a gallery of furniture (Readability.js:
/// `img > 1 && p / img < 0.5`).
pub const IMAGE_HEAVY_MAX_PARAGRAPHS_PER_IMAGE: f64 = 0.5;
/// A block with more `<input>`s than its paragraphs divided by this (rounded down) is a form
/// (Readability.js: `p / 3`).
pub const PARAGRAPHS_PER_INPUT: f64 = 3.0;
/// A short block with links is a link stub only when less of its text than this is in
/// headings (Readability.js: 0.9): a linked heading stays.
pub const SHORT_LINKED_MAX_HEADING_DENSITY: f64 = 0.9;
/// ...and when it has no image or more than this many (Readability.js: 2): one or two
/// images make it an image link.
pub const SHORT_LINKED_IMAGE_LINK_MAX_IMAGES: f64 = 2.0;
/// A block (not a list) without a positive class weight is removed when more link-dense than
/// this (Readability.js: 0.2, plus its `linkDensityModifier`, 0 by default).
pub const CONDITIONAL_MAX_LINK_DENSITY: f64 = 0.2;
/// ...and a block with a positive class weight ([`CLASS_WEIGHT`] or more) when more
/// link-dense than this (Readability.js: 0.5).
pub const CONDITIONAL_MAX_LINK_DENSITY_POSITIVE: f64 = 0.5;

// ------------------------------------------------------- precision clean-up

/// Class/id fragments of blocks that are boilerplate wherever they sit, even inside the
/// article: removed from the winner when they are short or link-heavy.
pub const BOILERPLATE_HINTS: &[&str] = &[
    "share",
    "social",
    "related",
    "recommend",
    "newsletter",
    "subscribe",
    "signup",
    "sign-up",
    "promo",
    "advert",
    "ad-slot",
    "adslot",
    "ad-container",
    "ad-wrapper",
    "dfp",
    "outbrain",
    "taboola",
    "most-read",
    "mostread",
    "most-popular",
    "more-from",
    "read-more",
    "readmore",
    "read-next",
    "tags",
    "breadcrumb",
    "comment",
    "print",
    "copy-link",
    "author-bio",
    "author-info",
    "carousel-control",
    "gallery-count",
    "slide-count",
    "paywall",
    "disclaimer",
];

/// Class/id fragments of page furniture that sits inside article bodies (bylines, dates,
/// credits, tag lists, screen-reader labels): removed from the winner when short.
pub const SHORT_FURNITURE_HINTS: &[&str] = &[
    "byline",
    "author",
    "dateline",
    "timestamp",
    "date",
    "time",
    "credit",
    "tags",
    "keywords",
    "topics",
    "toolbar",
    "tools",
    "skip",
    "sr-only",
    "visually-hidden",
    "screen-reader",
    "kicker",
];

/// Class/id fragments of image captions and credits outside `<figcaption>`.
pub const CAPTION_HINTS: &[&str] = &["caption", "credit", "photo-desc", "image-desc"];
/// Longer "captions" are text, not captions.
pub const CAPTION_MAX_CHARS: usize = 400;

/// A [`SHORT_FURNITURE_HINTS`] block is removed only when shorter than this.
pub const SHORT_FURNITURE_MAX_CHARS: usize = 150;

/// A block whose text is all links (related headlines) is removed when shorter than this.
pub const LINK_BLOCK_MAX_CHARS: usize = 160;
pub const LINK_BLOCK_MIN_DENSITY: f64 = 0.9;

/// A boilerplate-hinted block longer than this (and not link-heavy) is kept anyway.
pub const BOILERPLATE_MAX_CHARS: usize = 600;
/// "Link-heavy" for [`BOILERPLATE_MAX_CHARS`]: a boilerplate-hinted block more link-dense
/// than this is removed at any length.
pub const BOILERPLATE_MIN_LINK_DENSITY: f64 = 0.5;

/// Lower-case text of a whole block (heading, paragraph, list item) that is furniture.
pub const BOILERPLATE_TEXTS: &[&str] = &[
    "advertisement",
    "advertisements",
    "ad",
    "sponsored",
    "sponsored content",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "share on x",
    "tweet",
    "email",
    "print",
    "copy link",
    "copy link to clipboard",
    "link copied",
    "related",
    "related coverage",
    "related articles",
    "related stories",
    "related content",
    "related posts",
    "more from",
    "most read",
    "most popular",
    "read more",
    "read next",
    "recommended",
    "recommended for you",
    "you might also like",
    "you may also like",
    "sign up",
    "subscribe",
    "follow us",
    "comments",
    "leave a comment",
    "load comments",
    "show comments",
    "previous",
    "next",
    "skip advertisement",
    "continue reading",
    "story continues below advertisement",
    "article continues below advertisement",
    "scroll to continue",
    "your privacy choices",
    "do not sell or share my personal information",
    "do not sell my personal information",
    "cookie settings",
    "privacy policy",
    "terms of use",
    "caption",
    "close",
    "tags",
    "topics",
    "share this:",
    "like this:",
    "loading",
    "advert",
    "publicité",
    "publicidad",
    "pubblicità",
    "anzeige",
    "werbung",
    "reklama",
    "in pictures",
    "view full gallery",
    "view gallery",
    "you may also enjoy",
    "more stories",
    "more on this story",
];

/// The whole text of a link or button alone on its line that only asks the reader to act:
/// a card's or a section's button, not content (compared lower-cased, trailing arrows off).
pub const CALL_TO_ACTION_TEXTS: &[&str] = &[
    "learn more",
    "find out more",
    "discover more",
    "more info",
    "more details",
    "see more",
    "show more",
    "view more",
    "load more",
    "see all",
    "view all",
    "shop all",
    "shop now",
    "buy now",
    "add to cart",
    "add to bag",
    "add to basket",
    "add to wishlist",
    "quick shop",
    "quick view",
    "select options",
    "choose options",
    "more options",
    "more colors",
    "more colours",
    "see details",
    "view details",
    "compare",
    "apply now",
    "get started",
    "get in touch",
    "contact us",
    "book now",
    "book a demo",
    "request a demo",
    "watch demo",
    "start free trial",
    "try it free",
    "try for free",
    "read full article",
    "read the article",
    "read full story",
];
/// On shop and list pages: lower-case whole texts of a card's merchandising badges.
pub const SHOP_BADGE_TEXTS: &[&str] = &[
    "top rated",
    "best seller",
    "bestseller",
    "best-seller",
    "new arrival",
    "staff pick",
    "online only",
];
/// ...and of its review count ("12 reviews", "(1,024 reviews)"): the word after the number.
pub const REVIEW_COUNT_WORDS: &[&str] = &["review", "reviews"];
/// Longer blocks are not measured as badges.
pub const SHOP_BADGE_MAX_CHARS: usize = 30;
/// Longer than any [`CALL_TO_ACTION_TEXTS`] with its arrows and spaces: longer links are not
/// measured.
pub const CALL_TO_ACTION_MAX_CHARS: usize = 40;
/// Characters a call to action's text may end with ("Learn more →").
pub const CALL_TO_ACTION_TRAILERS: &[char] = &['→', '›', '»', '>', '➔', '➜', '+'];

/// Lower-case prefixes of short blocks that introduce furniture ("Related: ...", "Read more: ...").
pub const BOILERPLATE_PREFIXES: &[&str] = &[
    "related:",
    "related coverage",
    "read more:",
    "read also:",
    "see also:",
    "more from ",
    "most read",
    "also read:",
    "recommended:",
    "sign up for",
    "subscribe to",
    "get the best of",
    "follow us on",
    "click here to",
    "this article was originally published",
    "all rights reserved",
    "©",
    "copyright ©",
    "published:",
    "updated:",
    "see more:",
    "don't miss",
    "don’t miss",
    "skip to ",
    "this slideshow requires javascript",
    "click here",
    "tell us what you think",
    "this website uses cookies",
    "we use cookies",
    "want more stories like this",
    "photo:",
    "photograph:",
    "image:",
    "credit:",
    "(photo",
    "getty images",
    "advertisement",
];

/// Prefixes of date lines ("Updated 14:05 GMT"): furniture only when the text has a digit,
/// so running text that starts with the word stays.
/// Counted reactions: a block that is only "7 likes" or "3 replies" is a widget.
pub const REACTION_WORDS: &[&str] = &[
    "like",
    "likes",
    "vote",
    "votes",
    "upvote",
    "upvotes",
    "reply",
    "replies",
    "view",
    "views",
    "point",
    "points",
    "comment",
    "comments",
    "reaction",
    "reactions",
    "share",
    "shares",
];

pub const DATELINE_PREFIXES: &[&str] = &["updated ", "posted ", "published "];

/// Whole texts (lower-case, trimmed) that mark a short block as an ad slot.
pub const AD_WORDS: &[&str] = &[
    "ad",
    "advertising",
    "advertisement",
    "pub",
    "publicité",
    "werb",
    "werbung",
    "广告",
    "реклама",
    "anuncio",
];

/// Loading placeholders (lower-case; a trailing "..." or "…" is ignored).
pub const LOADING_WORDS: &[&str] = &["loading", "正在加载", "загрузка", "chargement", "cargando"];

/// A `<nav>` inside the article more link-dense than this is the site's menu or trail.
pub const NAVIGATION_MIN_LINK_DENSITY: f64 = 0.5;

/// A prefix-matched block is only removed when shorter than this.
pub const BOILERPLATE_PREFIX_MAX_CHARS: usize = 200;

/// In a thread: class/id fragments of the containers of a post's own text. Furniture rules
/// never reach inside one (a post may well say "sign in" or "posts: 3").
pub static POST_TEXT_HINTS: Needles = Needles::new(&[
    "post-body",
    "postbody",
    "post_body",
    "post-content",
    "postcontent",
    "post_content",
    "post_message",
    "postmsg",
    "post-message",
    "message-body",
    "messagecontent",
    "bbwrapper",
    "s-prose",
    "cooked",
    "richtext",
    "usertext-body",
    "comment-body",
    "comment-content",
]);
/// In a thread, "Reply 4" or "Post #4" alone is a post's number.
pub const POST_NUMBER_LABELS: &[&str] = &["reply", "post"];
/// In a thread, "2y" or "5 h" alone is a post's age: up to this many digits, then a unit.
pub const AGE_STAMP_MAX_DIGITS: usize = 3;
pub const AGE_STAMP_UNITS: &[&str] = &["s", "m", "h", "d", "w", "y", "mo", "yr", "yrs"];
/// In a thread, a number alone on its line up to this long is a vote or reaction score.
pub const SCORE_MAX_CHARS: usize = 7;
/// In a thread, "#12" alone is a post's number (a link to itself) up to this many digits.
pub const POST_NUMBER_MAX_DIGITS: usize = 6;
/// In a thread: a class/id word holding this names a signature (`ipsEntry__signature`;
/// `post-signature` is Stack Exchange's author card, content).
pub const SIGNATURE_WORD: &str = "signature";
/// In a thread: short words of a signature, as a whole class/id word or a hyphenated part of
/// one (`post-sig`, not `postcontentheight_sig`).
pub const SIGNATURE_SHORT_WORDS: &[&str] = &["sig", "sigcontent"];
/// In a thread: class/id fragments of a poster's stats, rank and badges.
pub static USER_STATS_HINTS: Needles = Needles::new(&[
    "postprofile",
    "userinfo",
    "user-info",
    "user_info",
    "user-details",
    "userdetails",
    "userstats",
    "user-stats",
    "author_statistics",
    "userextras",
    "pairs--justified",
    "usertitle",
    "user-title",
    "userbanner",
    "profile-joined",
    "profile-posts",
    "profile-custom",
    "profile-rank",
    "postbadge",
    "user-card--awards",
    "poster-info",
    "postleft",
    "member-stats",
    "reputation",
    "helpfulvotes",
]);
/// A stats block is removed when shorter than this (a poster's card, not a post).
pub const USER_STATS_MAX_CHARS: usize = 400;
/// In a thread: a class/id word beginning with this names a poster's picture; when it holds
/// text, at most [`AVATAR_TEXT_MAX_CHARS`] of it, that text is their initials or a "?"
/// placeholder, not a post.
pub const AVATAR_HINTS: &[&str] = &["avatar"];
pub const AVATAR_TEXT_MAX_CHARS: usize = 3;
/// A repeated block needs this many words to count as a repeat ("Add to cart" twice is
/// the precision pass's business, "$39" twice is two prices).
pub const REPEATED_BLOCK_MIN_WORDS: usize = 3;
/// Lower-case starts of a poster's stat line ("Posts: 1,234", "Joined Mar 2019").
pub const USER_STAT_PREFIXES: &[&str] = &[
    "posts",
    "joined",
    "join date",
    "messages",
    "reaction score",
    "points",
    "location",
    "registered",
    "reputation",
    "threads",
    "trophy points",
    "likes received",
];
/// A stat line is at most this long ("Location: ..." at any length is a sentence).
pub const USER_STAT_LINE_MAX_CHARS: usize = 60;
/// In a thread: class/id fragments of lists of other threads, sign-in teasers and status
/// notices.
pub static THREAD_FURNITURE_HINTS: Needles = Needles::new(&[
    "related",
    "similar",
    "more-topics",
    "topic-list",
    "othertopics",
    "suggested-topics",
    "more-threads",
    "structitem",
    "blockstatus",
    "cguestteaser",
    "guest-cta",
    "contentalert",
]);
/// In a thread: class/id words of vote, reaction and action bars, removed when shorter than
/// [`THREAD_ACTIONS_MAX_CHARS`].
pub const THREAD_ACTION_HINTS: &[&str] = &[
    "vote",
    "votes",
    "react",
    "reactions",
    "actionbar",
    "post-actions",
    "postcontrols",
    "profile-icons",
    "quote-icon",
    "reply-button",
    "save-button",
    "report",
    "share",
    "flat-list",
    "buttons",
];
pub const THREAD_ACTIONS_MAX_CHARS: usize = 60;
/// In a thread: lower-case whole-block texts of forum and Q&A furniture.
pub const THREAD_FURNITURE_TEXTS: &[&str] = &[
    "similar threads",
    "related threads",
    "related topics",
    "related questions",
    "linked",
    "you may also like",
    "post as a guest",
    "required, but never shown",
    "start asking to get answers",
    "explore related questions",
    "see similar questions with these tags",
    "sign up or log in",
    "sign up using google",
    "sign up using email and password",
    "your answer",
    "not open for further replies",
    "report inappropriate content",
    "reply with quote",
    "ask question",
    "sort by",
    "sorted by",
    "featured replies",
    "all activity",
    "most popular posts",
    "posting permissions",
    "users who are viewing this thread",
    // Compared without trailing dots: "Click to expand..." too.
    "click to expand",
    // A badge beside the poster's name.
    "author",
    "original poster",
    "topic author",
    // A post's own action buttons, one word each.
    "quote",
    "multiquote",
    "reply",
    "report",
    "share",
    "permalink",
    "watch",
    "save",
    "flip",
    "op posts",
];
/// In a thread: a short block (under [`SIGN_IN_PROMPT_MAX_CHARS`]) with one of these
/// phrases outside a post's text asks the reader to sign in.
pub const SIGN_IN_PHRASES: &[&str] = &[
    "log in",
    "login",
    "sign in",
    "signin",
    "sign up",
    "signup",
    "register",
    "create an account",
    "must be a member",
    "join the",
    "join now",
    "join us",
    "join to",
    "as a guest",
];
pub const SIGN_IN_PROMPT_MAX_CHARS: usize = 150;

// -------------------------------------------------------- structure (posts, items)

/// A thread's post holds at least this much text.
pub const POST_MIN_CHARS: usize = 20;
/// A list page's items: at least this many siblings, each with this much text.
pub const ITEM_MIN_COUNT: usize = 3;
pub const ITEM_MIN_CHARS: usize = 10;
/// The posts or items hold at least this share of the article's text, or they are a widget.
pub const ITEM_MIN_SHARE: f64 = 0.5;
/// A post's author and date line is shorter than this; a longer block is its text.
pub const POST_HEADER_MAX_CHARS: usize = 120;

// ---------------------------------------------------------------- page type

// URL path words (the path lower-cased, with `/` around it).
pub static URL_FORUM_WORDS: Needles = Needles::new(&[
    "/t/",
    "/thread",
    "/topic",
    "/forum",
    "/questions/",
    "/comments/",
    "/community",
    "viewtopic",
    "showthread",
    "/discussion",
    "/r/",
    "/post/",
    "/board",
]);
pub static URL_DOCS_WORDS: Needles = Needles::new(&[
    "/docs",
    "/doc/",
    "/documentation",
    "/reference",
    "/api/",
    "/manual",
    "/guide",
    "/learn",
    "/tutorial",
    "/support/",
    "/help/",
    "/kb/",
    "/wiki/",
    "/handbook",
    "/book/",
    "/start/",
    "/getting-started",
]);
pub static URL_PRODUCT_WORDS: Needles = Needles::new(&[
    "/product/",
    "/products/",
    "/p/",
    "/dp/",
    "/item/",
    "/app/",
    "/store/",
    "/buy",
    "/sku",
]);
pub static URL_COLLECTION_WORDS: Needles = Needles::new(&[
    "/c/",
    "/cp/",
    "/collections/",
    "/collection/",
    "/category",
    "/categories",
    "/catalog",
    "/department",
    "/browse",
    "/shop/",
]);
pub static URL_LISTING_WORDS: Needles = Needles::new(&[
    "/news/",
    "/events",
    "/issues",
    "/directory",
    "/tag/",
    "/tags/",
    "/topics/",
    "/search",
    "/archive",
    "/page/",
    "/latest",
    "/blog/",
]);
pub static URL_ARTICLE_WORDS: Needles = Needles::new(&[
    "/20", "/article", "/story", "/posts/", ".html", "/news/", "/blog/",
]);

// Class/id words the page-type model counts; two needle sets of three groups each, so that
// an element's hint is scanned twice, not six times.
static POSTS_SHOP_CARDS_WORDS: [&str; 42] = concat3(FORUM_WORDS, PRODUCT_WORDS, CARD_WORDS);
pub static PAGE_HINTS_POSTS_SHOP_CARDS: Needles = Needles::new(&POSTS_SHOP_CARDS_WORDS);
pub const PAGE_HINTS_POSTS_SHOP_CARDS_GROUPS: [usize; 3] =
    [FORUM_WORDS.len(), PRODUCT_WORDS.len(), CARD_WORDS.len()];
static DOCS_LANDING_ARTICLE_WORDS: [&str; 34] = concat3(DOCS_WORDS, LANDING_WORDS, ARTICLE_WORDS);
pub static PAGE_HINTS_DOCS_LANDING_ARTICLE: Needles = Needles::new(&DOCS_LANDING_ARTICLE_WORDS);
pub const PAGE_HINTS_DOCS_LANDING_ARTICLE_GROUPS: [usize; 3] =
    [DOCS_WORDS.len(), LANDING_WORDS.len(), ARTICLE_WORDS.len()];

const fn concat3<const A: usize, const B: usize, const C: usize, const N: usize>(
    a: [&'static str; A],
    b: [&'static str; B],
    c: [&'static str; C],
) -> [&'static str; N] {
    assert!(A + B + C == N, "the lengths must add up");
    let mut out = [""; N];
    let mut i = 0;
    while i < N {
        out[i] = if i < A {
            a[i]
        } else if i < A + B {
            b[i - A]
        } else {
            c[i - A - B]
        };
        i += 1;
    }
    out
}

// Class/id words.
pub const FORUM_WORDS: [&str; 17] = [
    "post",
    "reply",
    "replies",
    "comment",
    "thread",
    "topic",
    "answer",
    "question",
    "vote",
    "message",
    "forum",
    "username",
    "userinfo",
    "user-info",
    "signature",
    "avatar",
    "quote",
];
pub static FORUM_HINTS: Needles = Needles::new(&FORUM_WORDS);
pub const PRODUCT_WORDS: [&str; 15] = [
    "price", "cart", "product", "sku", "rating", "review", "add-to", "addto", "buy", "stock",
    "quantity", "variant", "checkout", "wishlist", "swatch",
];
pub const CARD_WORDS: [&str; 10] = [
    "card", "tile", "grid", "item", "teaser", "result", "listing", "thumb", "feed", "river",
];
pub const DOCS_WORDS: [&str; 14] = [
    "docs",
    "doc-",
    "toc",
    "sidebar",
    "breadcrumb",
    "highlight",
    "language-",
    "copy",
    "admonition",
    "api",
    "sphinx",
    "markdown",
    "edit-this",
    "version",
];
pub const LANDING_WORDS: [&str; 11] = [
    "hero",
    "feature",
    "pricing",
    "faq",
    "testimonial",
    "cta",
    "plan",
    "benefit",
    "logo",
    "solution",
    "service",
];
pub const ARTICLE_WORDS: [&str; 9] = [
    "article",
    "story",
    "byline",
    "author",
    "entry",
    "blog",
    "headline",
    "dateline",
    "published",
];

// ---------------------------------------------------------------- readerability

/// An article shorter than this whose text is (almost) all link text is a page's leftover
/// navigation (a script-rendered page's shell), not content: `score.links-only`.
pub const LINKS_ONLY_MAX_CHARS: usize = 200;
pub const LINKS_ONLY_MIN_DENSITY: f64 = 0.9;

// ---------------------------------------------------------------- region mode

/// A main region with less text than this is not the page's content.
pub const REGION_MIN_CHARS: usize = 200;
/// An article holding less than this share of the `<main>` region's text (after both are
/// cleaned) gives way to the region: the page is not one block, or the wrong block won.
/// (Not for the body of a page without `<main>`: on news pages that takes in every teaser.)
pub const COVERAGE_MIN_SHARE_OF_MAIN: f64 = 0.4;
/// Only an article shorter than this can give way to its region: a long one is one.
pub const COVERAGE_MAX_ARTICLE_CHARS: usize = 2000;
/// A best block shorter than this, holding less than [`SECTIONS_MIN_SHARE`] of the region's
/// text, is one section of a page of sections (a landing page's features, FAQ and pricing)
/// when the page is probably not an article: the region is taken.
pub const SECTIONS_MAX_ARTICLE_CHARS: usize = 5000;
pub const SECTIONS_MIN_SHARE: f64 = 0.5;
/// ... below this article probability when nothing (author, date, `og:type`) says the page
/// is an article;
pub const SECTIONS_MAX_PROBABILITY: f32 = 0.8;
/// ... below this one when something does, and only with a `<main>` region.
pub const SECTIONS_MAX_PROBABILITY_WITH_MAIN: f32 = 0.6;
/// Region mode needs the page-type model to give "article" less than this probability.
pub const REGION_MAX_ARTICLE_PROBABILITY: f32 = 0.1;
/// Chrome that holds this share of the region's text or more is the content after all.
pub const REGION_CHROME_MAX_SHARE: f64 = 0.5;
/// ... but a `<nav>` this long and this link-dense is chrome at any share.
pub const NAV_LINK_LIST_MIN_CHARS: usize = 200;
pub const NAV_LINK_LIST_MIN_DENSITY: f64 = 0.7;
/// Landmark roles of page chrome.
pub const REGION_CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "toolbar",
];
/// Class/id words (whole tokens) of a comment section: chrome in a region, but for a thread.
pub const REGION_COMMENT_HINTS: &[&str] = &[
    "comments",
    "comment-list",
    "commentlist",
    "disqus",
    "respond",
    "comment-respond",
    "comments-area",
];
/// Class/id words (whole, or before `-`/`_`) of a result list's filters, facets and sort
/// controls: chrome on listings and collections.
pub const RESULT_CONTROL_HINTS: &[&str] = &[
    "filter",
    "filters",
    "facet",
    "facets",
    "refine",
    "refinement",
    "refinements",
    "sort",
    "sorting",
    "sortby",
    "toolbar",
];
/// Class/id words (starting a token) of a product page's reviews, ratings and carousels of
/// other products: not the product's content.
pub const REGION_SHOP_WIDGET_HINTS: &[&str] = &[
    "review",
    "rating",
    "related",
    "recommend",
    "carousel",
    "upsell",
    "cross-sell",
    "crosssell",
    "also-",
    "recently-viewed",
    "yotpo",
    "bazaarvoice",
    "trustpilot",
];
/// Beside a `<main>` region, a block of prose (at least this long, under this link density,
/// with this many paragraphs) joins it: `score.region-prose`.
pub const REGION_PROSE_MIN_CHARS: usize = 500;
pub const REGION_PROSE_MAX_LINK_DENSITY: f64 = 0.2;
pub const REGION_PROSE_MIN_PARAGRAPHS: usize = 2;
/// Class/id words (whole tokens) of chrome inside a main region.
pub const REGION_CHROME_HINTS: &[&str] = &[
    "cookie",
    "cookies",
    "consent",
    "newsletter",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "social",
    "modal",
    "popup",
    "menu",
    "nav",
    "navbar",
    "navigation",
    "drawer",
    "skip",
];

// ---------------------------------------------------------------- explain

/// Characters of a removed block's text that explain mode quotes.
pub const EXPLAIN_TEXT_CHARS: usize = 80;
/// Elements in an explain path (`main > article > div.related`).
pub const EXPLAIN_PATH_DEPTH: usize = 3;
/// Candidates explain mode reports (Readability.js keeps 5).
pub const EXPLAIN_CANDIDATES: usize = N_TOP_CANDIDATES;

// ------------------------------------------------------------- readerable

pub const READERABLE_MIN_CONTENT_LENGTH: usize = 140;
pub const READERABLE_MIN_SCORE: f64 = 20.0;
/// Bytes `is_probably_readerable` feeds the parser between checks for an early answer.
pub const READERABLE_CHUNK_BYTES: usize = 16 * 1024;

// ------------------------------------------------ declared body (JSON-LD)

/// A JSON-LD `articleBody` is trusted to trim the article only when it has at least this
/// share of the extracted words (a shorter one is a teaser, not the text).
pub const DECLARED_BODY_MIN_SHARE: f64 = 0.5;
/// ...and at least this many words.
pub const DECLARED_BODY_MIN_WORDS: usize = 80;
/// A block is kept when this share of its word 4-grams occurs in the declared body.
pub const DECLARED_BODY_BLOCK_OVERLAP: f64 = 0.5;
/// Word shingles compared between the declared body and the blocks.
pub const DECLARED_BODY_SHINGLE_WORDS: usize = 4;
/// Share of the declared body's shingles our extraction must hold, or it describes other text.
pub const DECLARED_BODY_FOUND_SHARE: f64 = 0.8;

// ------------------------------------------------- title (Readability.js)

/// Texts more similar than this (`text_similarity`) are the same title (Readability.js: 0.75):
/// an `<h1>`/`<h2>` repeating the title is removed before scoring (`_headerDuplicatesTitle`),
/// and a JSON-LD `headline` close to the document's title wins over its `name` (`_getJSONLD`).
pub const TITLE_SIMILARITY: f64 = 0.75;
/// A document title cut at a separator or colon to fewer words than this is too short: the
/// other part is taken (Readability.js's `_getArticleTitle`: 3).
pub const TITLE_MIN_WORDS: usize = 3;
/// More words than this before a title's colon: the colon does not end a site prefix, so the
/// whole title stays (Readability.js: 5).
pub const TITLE_MAX_WORDS_BEFORE_COLON: usize = 5;
/// A title without separators longer than this, or shorter than [`TITLE_MIN_CHARS`], gives
/// way to the page's only `<h1>` (Readability.js: 150)...
pub const TITLE_MAX_CHARS: usize = 150;
/// ...(Readability.js: 15).
pub const TITLE_MIN_CHARS: usize = 15;
/// A cleaned title of at most this many words is too short: the original is kept, unless a
/// hierarchical separator was cut and only one word went with it (Readability.js: 4).
pub const TITLE_SHORT_WORDS: usize = 4;

// ---------------------------------------------- how a browser parses our output

/// Written tags whose start tag closes an open `<p>` (HTML's "close a p element"): a `<p>`
/// we write must not hold one, at any depth, or a browser splits it.
pub const PARAGRAPH_CLOSERS: &[Tag] = &[
    Tag::Article,
    Tag::Blockquote,
    Tag::Dd,
    Tag::Details,
    Tag::Div,
    Tag::Dl,
    Tag::Dt,
    Tag::Figcaption,
    Tag::Figure,
    Tag::H1,
    Tag::H2,
    Tag::H3,
    Tag::H4,
    Tag::H5,
    Tag::H6,
    Tag::Header,
    Tag::Hr,
    Tag::Li,
    Tag::Ol,
    Tag::P,
    Tag::Pre,
    Tag::Section,
    Tag::Summary,
    Tag::Table,
    Tag::Ul,
];

/// Written tags that are HTML "special" elements: a `<li>` (`<dd>`, `<dt>`) start tag looks
/// for an open item to close up to the nearest of them, except `div` and `p`, which it
/// crosses (`address` is written as `div`).
pub const ITEM_SEARCH_STOPS: &[Tag] = &[
    Tag::Blockquote,
    Tag::Caption,
    Tag::Colgroup,
    Tag::Dd,
    Tag::Details,
    Tag::Dl,
    Tag::Dt,
    Tag::Figcaption,
    Tag::Figure,
    Tag::H1,
    Tag::H2,
    Tag::H3,
    Tag::H4,
    Tag::H5,
    Tag::H6,
    Tag::Li,
    Tag::Ol,
    Tag::Pre,
    Tag::Section,
    Tag::Summary,
    Tag::Table,
    Tag::Tbody,
    Tag::Td,
    Tag::Tfoot,
    Tag::Th,
    Tag::Thead,
    Tag::Tr,
    Tag::Ul,
    Tag::Mi,
    Tag::Mo,
    Tag::Mn,
    Tag::Ms,
    Tag::Mtext,
];

// ---------------------------------------------------------------- markup (phase 11)

/// Class prefixes that name a code block's language: `language-python`, `lang-js` (also on
/// a wrapper, such as Rouge's `div.language-ruby`, whose class words clean-up hands on when
/// it folds the wrapper away)...
pub const CODE_LANGUAGE_PREFIXES: &[&str] = &["language-", "lang-"];
/// ...and on a highlighter's wrapper only: GitHub's `highlight-source-rust`, Sphinx's
/// `highlight-python`.
pub const CODE_WRAPPER_LANGUAGE_PREFIXES: &[&str] = &["highlight-source-", "highlight-"];
/// Language names that mean "no language" (or a highlighter's own name).
pub const NOT_CODE_LANGUAGES: &[&str] = &[
    "none",
    "text",
    "plaintext",
    "plain",
    "txt",
    "nohighlight",
    "no-highlight",
    "default",
    "undefined",
    "null",
    "auto",
    "source",
    "code",
    "sourcecode",
];
pub const CODE_LANGUAGE_MAX_CHARS: usize = 32;
/// Class words of a highlighter's line numbers (Pygments, Chroma, Rouge, highlight.js,
/// react-syntax-highlighter); matched as whole words inside a code block, and only on
/// elements holding nothing but digits.
pub const CODE_LINE_NUMBER_HINTS: &[&str] = &[
    "linenos",
    "lineno",
    "linenumber",
    "line-number",
    "line-numbers",
    "lnt",
    "ln",
    "gutter",
    "hljs-ln-numbers",
    "hljs-ln-n",
    "rouge-gutter",
];
/// How far up from a code block its wrappers (a highlighter's `div.highlight`, a toolbar's
/// container) are looked for...
pub const CODE_WRAPPER_LEVELS: usize = 3;
/// ...each holding at least this share of its text in the code.
pub const CODE_WRAPPER_MIN_SHARE: f64 = 0.8;
/// Texts of a code block's copy button.
pub const CODE_TOOLBAR_TEXTS: &[&str] = &[
    "copy",
    "copy code",
    "copied",
    "copied!",
    "copy to clipboard",
    "copy code to clipboard",
];
/// Class words of a code block's toolbar items.
pub const CODE_TOOLBAR_HINTS: &[&str] = &["copy", "clipboard", "toolbar-item"];
/// A toolbar item is short.
pub const CODE_TOOLBAR_MAX_CHARS: usize = 24;

/// Class/id word prefixes of a footnote reference or its `<sup>` (Pandoc, markdown-it,
/// kramdown, Wikipedia's `cite_ref`, Google Docs' `ftnt_ref`, Substack's `footnote-anchor`).
pub const FOOTNOTE_REF_HINTS: &[&str] = &[
    "footnote-ref",
    "footnote-anchor",
    "footnote-link",
    "fnref",
    "fn-ref",
    "noteref",
    "cite_ref",
    "ftnt_ref",
];
/// Class/id word prefixes of a note's own number or its link back (Pandoc's
/// `footnote-back`, kramdown's `reversefootnote`, Wikipedia's `mw-cite-backlink`,
/// Substack's `footnote-number`).
pub const FOOTNOTE_BACKLINK_HINTS: &[&str] = &[
    "footnote-back",
    "footnote-return",
    "footnote-number",
    "reversefootnote",
    "backref",
    "mw-cite-backlink",
];
/// Class words of a note written where it is referenced (Tufte CSS's `sidenote`).
pub const SIDENOTE_HINTS: &[&str] = &["sidenote", "marginnote", "margin-note", "side-note"];
/// A footnote reference's label ("1", "[12]", "*", "iv") is at most this long.
pub const FOOTNOTE_LABEL_MAX_CHARS: usize = 6;
/// A note longer than this is a section of the article, not a note.
pub const FOOTNOTE_NOTE_MAX_CHARS: usize = 3000;
/// Headings of a notes list, dropped with it when its notes move to our list.
pub const NOTES_HEADINGS: &[&str] = &[
    "notes",
    "footnotes",
    "endnotes",
    "references",
    "notes and references",
    "references and notes",
];

/// TeX between `\(` and `\)` longer than this is not taken for a formula.
pub const TEX_DELIMITED_MAX_CHARS: usize = 2000;

/// Class words of an image that draws a formula, its TeX in the alt text (Wikipedia's
/// `mwe-math-fallback-image-inline`, WordPress's `latex`, QuickLaTeX's `ql-img-inline-formula`).
pub const MATH_IMAGE_HINTS: &[&str] = &[
    "mwe-math-fallback-image",
    "latex",
    "ql-img-",
    "tex-formula",
    "math-image",
];

/// Class words of a callout (GitHub's `markdown-alert`, MkDocs' and Sphinx's `admonition`,
/// Docusaurus' `theme-admonition`, Obsidian's `callout`).
pub const CALLOUT_HINTS: &[&str] = &[
    "markdown-alert",
    "admonition",
    "theme-admonition",
    "callout",
];
/// A callout's kinds, as GitHub, Obsidian, MkDocs and Docusaurus name them.
pub const CALLOUT_KINDS: &[&str] = &[
    "note",
    "tip",
    "important",
    "warning",
    "caution",
    "danger",
    "info",
    "hint",
    "abstract",
    "summary",
    "success",
    "question",
    "failure",
    "bug",
    "example",
    "quote",
    "error",
    "attention",
    "seealso",
    "todo",
];
/// Class words (contained) of a callout's title element.
pub const CALLOUT_TITLE_HINTS: &[&str] = &["title", "heading"];
pub const CALLOUT_TITLE_MAX_CHARS: usize = 80;

// ------------------------------------------------------------------- math (markup::math)

/// `<annotation encoding>` values (compared case-insensitively) whose text is the formula's
/// TeX source.
pub const TEX_ANNOTATION_ENCODINGS: &[&str] = &["application/x-tex", "text/x-tex", "tex"];
/// Style switches a generator wraps the whole source in (`{\displaystyle ...}` on Wikipedia):
/// they say how it was typeset, not what it says.
pub const TEX_STYLE_WRAPPERS: &[&str] = &["\\displaystyle", "\\textstyle"];
/// Letter-like symbols of `<mi>` and their TeX commands.
pub const TEX_LETTERS: &[(char, &str)] = &[
    ('α', "\\alpha"),
    ('β', "\\beta"),
    ('γ', "\\gamma"),
    ('δ', "\\delta"),
    // U+03B5 is the glyph `\varepsilon` draws; U+03F5 is `\epsilon`'s.
    ('ε', "\\varepsilon"),
    ('ϵ', "\\epsilon"),
    ('ζ', "\\zeta"),
    ('η', "\\eta"),
    ('θ', "\\theta"),
    ('ϑ', "\\vartheta"),
    ('ι', "\\iota"),
    ('κ', "\\kappa"),
    ('λ', "\\lambda"),
    ('μ', "\\mu"),
    ('ν', "\\nu"),
    ('ξ', "\\xi"),
    ('ο', "o"),
    ('π', "\\pi"),
    ('ϖ', "\\varpi"),
    ('ρ', "\\rho"),
    ('ϱ', "\\varrho"),
    ('σ', "\\sigma"),
    ('ς', "\\varsigma"),
    ('τ', "\\tau"),
    ('υ', "\\upsilon"),
    // Likewise U+03C6 is `\varphi`'s glyph, U+03D5 `\phi`'s.
    ('φ', "\\varphi"),
    ('ϕ', "\\phi"),
    ('χ', "\\chi"),
    ('ψ', "\\psi"),
    ('ω', "\\omega"),
    ('Γ', "\\Gamma"),
    ('Δ', "\\Delta"),
    ('Θ', "\\Theta"),
    ('Λ', "\\Lambda"),
    ('Ξ', "\\Xi"),
    ('Π', "\\Pi"),
    ('Σ', "\\Sigma"),
    ('Υ', "\\Upsilon"),
    ('Φ', "\\Phi"),
    ('Ψ', "\\Psi"),
    ('Ω', "\\Omega"),
    ('∞', "\\infty"),
    ('∂', "\\partial"),
    ('∇', "\\nabla"),
    ('ℏ', "\\hbar"),
    ('ℓ', "\\ell"),
    ('∅', "\\emptyset"),
    ('ℵ', "\\aleph"),
    ('ℜ', "\\Re"),
    ('ℑ', "\\Im"),
    ('℘', "\\wp"),
    ('ı', "\\imath"),
    ('ȷ', "\\jmath"),
    ('ℕ', "\\mathbb{N}"),
    ('ℤ', "\\mathbb{Z}"),
    ('ℚ', "\\mathbb{Q}"),
    ('ℝ', "\\mathbb{R}"),
    ('ℂ', "\\mathbb{C}"),
];
/// Operators of `<mo>` (and characters TeX reserves) and their TeX. The invisible
/// operators (function application, times, separator, plus) write nothing.
pub const TEX_OPERATORS: &[(char, &str)] = &[
    ('×', "\\times"),
    ('·', "\\cdot"),
    ('⋅', "\\cdot"),
    ('∙', "\\bullet"),
    ('±', "\\pm"),
    ('∓', "\\mp"),
    ('≤', "\\le"),
    ('≥', "\\ge"),
    ('≠', "\\ne"),
    ('≈', "\\approx"),
    ('≡', "\\equiv"),
    ('≪', "\\ll"),
    ('≫', "\\gg"),
    ('→', "\\to"),
    ('←', "\\leftarrow"),
    ('↔', "\\leftrightarrow"),
    ('↦', "\\mapsto"),
    ('⇒', "\\Rightarrow"),
    ('⇐', "\\Leftarrow"),
    ('⇔', "\\Leftrightarrow"),
    ('∈', "\\in"),
    ('∉', "\\notin"),
    ('∋', "\\ni"),
    ('⊂', "\\subset"),
    ('⊆', "\\subseteq"),
    ('⊃', "\\supset"),
    ('⊇', "\\supseteq"),
    ('∪', "\\cup"),
    ('∩', "\\cap"),
    ('∖', "\\setminus"),
    ('∑', "\\sum"),
    ('∏', "\\prod"),
    ('∐', "\\coprod"),
    ('∫', "\\int"),
    ('∬', "\\iint"),
    ('∭', "\\iiint"),
    ('∮', "\\oint"),
    ('⋃', "\\bigcup"),
    ('⋂', "\\bigcap"),
    ('⋁', "\\bigvee"),
    ('⋀', "\\bigwedge"),
    ('⨁', "\\bigoplus"),
    ('⨂', "\\bigotimes"),
    ('⊕', "\\oplus"),
    ('⊗', "\\otimes"),
    ('∀', "\\forall"),
    ('∃', "\\exists"),
    ('¬', "\\neg"),
    ('∧', "\\land"),
    ('∨', "\\lor"),
    ('∴', "\\therefore"),
    ('⊢', "\\vdash"),
    ('…', "\\ldots"),
    ('⋯', "\\cdots"),
    ('⋮', "\\vdots"),
    ('⋱', "\\ddots"),
    ('−', "-"),
    ('{', "\\{"),
    ('}', "\\}"),
    ('∥', "\\|"),
    ('‖', "\\|"),
    ('∣', "\\mid"),
    ('⟨', "\\langle"),
    ('⟩', "\\rangle"),
    ('⌈', "\\lceil"),
    ('⌉', "\\rceil"),
    ('⌊', "\\lfloor"),
    ('⌋', "\\rfloor"),
    ('′', "'"),
    ('″', "''"),
    ('‴', "'''"),
    ('∘', "\\circ"),
    ('∗', "\\ast"),
    ('⋆', "\\star"),
    ('†', "\\dagger"),
    ('÷', "\\div"),
    ('∝', "\\propto"),
    ('∼', "\\sim"),
    ('~', "\\sim"),
    ('≅', "\\cong"),
    ('⊥', "\\perp"),
    ('∠', "\\angle"),
    ('°', "^\\circ"),
    ('\\', "\\backslash"),
    ('#', "\\#"),
    ('$', "\\$"),
    ('%', "\\%"),
    ('&', "\\&"),
    ('_', "\\_"),
    ('\u{2061}', ""),
    ('\u{2062}', ""),
    ('\u{2063}', ""),
    ('\u{2064}', ""),
];
/// Multi-letter `<mi>` names TeX has a command for (`\sin`); others are `\mathrm{...}`.
pub const TEX_FUNCTIONS: &[&str] = &[
    "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
    "coth", "log", "ln", "lg", "exp", "lim", "liminf", "limsup", "max", "min", "det", "sup", "inf",
    "gcd", "deg", "dim", "ker", "arg", "hom", "Pr",
];
/// Operators whose `<munder>`/`<mover>` scripts are limits, written `base_{u}^{o}`.
pub const LARGE_OPERATORS: &[&str] = &[
    "∑", "∏", "∐", "∫", "∬", "∭", "∮", "⋃", "⋂", "⋁", "⋀", "⨁", "⨂", "lim", "liminf", "limsup",
    "max", "min", "sup", "inf",
];
/// `<mover>` accents and their TeX commands; `\overline` becomes `\bar` over one symbol.
pub const TEX_OVER_ACCENTS: &[(char, &str)] = &[
    ('^', "\\hat"),
    ('ˆ', "\\hat"),
    ('\u{302}', "\\hat"),
    ('¯', "\\overline"),
    ('‾', "\\overline"),
    ('\u{304}', "\\overline"),
    ('\u{305}', "\\overline"),
    ('→', "\\vec"),
    ('\u{20D7}', "\\vec"),
    ('~', "\\tilde"),
    ('˜', "\\tilde"),
    ('\u{303}', "\\tilde"),
    ('˙', "\\dot"),
    ('\u{307}', "\\dot"),
    ('¨', "\\ddot"),
    ('\u{308}', "\\ddot"),
    ('˘', "\\breve"),
    ('ˇ', "\\check"),
    ('´', "\\acute"),
    ('`', "\\grave"),
    ('⏞', "\\overbrace"),
];
/// `<munder>` accents and their TeX commands.
pub const TEX_UNDER_ACCENTS: &[(char, &str)] = &[
    ('\u{332}', "\\underline"),
    ('_', "\\underline"),
    ('⏟', "\\underbrace"),
];
/// `mathvariant` values of an `<mi>` and the TeX font commands that draw them (`normal`
/// only matters for a single letter: longer names are upright already).
pub const TEX_MATH_VARIANTS: &[(&str, &str)] = &[
    ("normal", "\\mathrm"),
    ("bold", "\\mathbf"),
    ("double-struck", "\\mathbb"),
    ("script", "\\mathcal"),
    ("fraktur", "\\mathfrak"),
    ("sans-serif", "\\mathsf"),
    ("monospace", "\\mathtt"),
];
/// Characters `\text{...}` must escape.
pub const TEX_TEXT_ESCAPES: &[(char, &str)] = &[
    ('{', "\\{"),
    ('}', "\\}"),
    ('\\', "\\textbackslash{}"),
    ('$', "\\$"),
    ('%', "\\%"),
    ('#', "\\#"),
    ('&', "\\&"),
    ('_', "\\_"),
    ('^', "\\^{}"),
    ('~', "\\textasciitilde{}"),
];
/// Relations that get a space on each side in a formula's linear text (`E = mc²`).
pub const MATH_RELATIONS: &[&str] = &[
    "=", "<", ">", "≤", "≥", "≠", "≈", "≡", "→", "←", "↔", "⇒", "⇐", "⇔", "∈", "∉", "⊂", "⊆", "⊃",
    "⊇", "≅", "∝", "↦", "≪", "≫", ":=",
];
/// Characters with a Unicode superscript form, for linear text (`c²`).
pub const SUPERSCRIPTS: &[(char, char)] = &[
    ('0', '⁰'),
    ('1', '¹'),
    ('2', '²'),
    ('3', '³'),
    ('4', '⁴'),
    ('5', '⁵'),
    ('6', '⁶'),
    ('7', '⁷'),
    ('8', '⁸'),
    ('9', '⁹'),
    ('+', '⁺'),
    ('−', '⁻'),
    ('-', '⁻'),
    ('=', '⁼'),
    ('(', '⁽'),
    (')', '⁾'),
    ('n', 'ⁿ'),
    ('i', 'ⁱ'),
];
/// Characters with a Unicode subscript form, for linear text (`x₁`).
pub const SUBSCRIPTS: &[(char, char)] = &[
    ('0', '₀'),
    ('1', '₁'),
    ('2', '₂'),
    ('3', '₃'),
    ('4', '₄'),
    ('5', '₅'),
    ('6', '₆'),
    ('7', '₇'),
    ('8', '₈'),
    ('9', '₉'),
    ('+', '₊'),
    ('−', '₋'),
    ('-', '₋'),
    ('=', '₌'),
    ('(', '₍'),
    (')', '₎'),
    ('a', 'ₐ'),
    ('e', 'ₑ'),
    ('o', 'ₒ'),
    ('x', 'ₓ'),
    ('h', 'ₕ'),
    ('k', 'ₖ'),
    ('l', 'ₗ'),
    ('m', 'ₘ'),
    ('n', 'ₙ'),
    ('p', 'ₚ'),
    ('s', 'ₛ'),
    ('t', 'ₜ'),
    ('i', 'ᵢ'),
    ('j', 'ⱼ'),
    ('r', 'ᵣ'),
    ('u', 'ᵤ'),
    ('v', 'ᵥ'),
];
/// Superscripts written straight after their base in linear text and TeX (`f′`, `f'`).
pub const MATH_PRIMES: &[&str] = &["′", "″", "‴", "'", "°"];
/// `<mover>` accents and the combining marks that put them on one character (`x̄`).
pub const COMBINING_OVER_ACCENTS: &[(char, char)] = &[
    ('^', '\u{302}'),
    ('ˆ', '\u{302}'),
    ('\u{302}', '\u{302}'),
    ('¯', '\u{304}'),
    ('\u{304}', '\u{304}'),
    ('‾', '\u{305}'),
    ('\u{305}', '\u{305}'),
    ('→', '\u{20D7}'),
    ('\u{20D7}', '\u{20D7}'),
    ('~', '\u{303}'),
    ('˜', '\u{303}'),
    ('\u{303}', '\u{303}'),
    ('˙', '\u{307}'),
    ('\u{307}', '\u{307}'),
    ('¨', '\u{308}'),
    ('\u{308}', '\u{308}'),
    ('˘', '\u{306}'),
    ('ˇ', '\u{30C}'),
    ('´', '\u{301}'),
    ('`', '\u{300}'),
];
/// `<munder>` accents and their combining marks (`x̲`).
pub const COMBINING_UNDER_ACCENTS: &[(char, char)] = &[('\u{332}', '\u{332}'), ('_', '\u{332}')];
/// Over and under braces: in linear text the brace goes, its label becomes a script.
pub const MATH_BRACES: &[&str] = &["⏞", "⏟"];
/// What the invisible operators read as in linear text: function application parts
/// `sin` from `x`; invisible times, separator and plus write nothing.
pub const LINEAR_INVISIBLES: &[(char, &str)] = &[
    ('\u{2061}', " "),
    ('\u{2062}', ""),
    ('\u{2063}', ""),
    ('\u{2064}', ""),
];
