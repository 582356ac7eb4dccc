//! The hostile corpus: every vector in `tests/hostile/vectors.json` is its own named test.
//!
//! Each vector is embedded in the middle of a paragraph of a realistic news page (head with
//! title, header and navigation, an `<article>` of six long paragraphs, related links and a
//! footer), and the page is cleaned three times: with the page URL, with the page URL plus
//! `keep_classes` and Markdown, and without a URL (with Markdown too: relative URLs stay
//! relative there, so nothing hides behind the page URL). For every result:
//!
//! * `content` is parsed the way `innerHTML` would parse it: html5ever, as a fragment in a
//!   `<div>` context. The DOM is walked with an explicit stack and must hold only the elements
//!   our renderer emits (no SVG, MathML only with MathML names), only allow-listed attributes
//!   (no `on*`, `style`, `srcdoc`, `action`, `formaction`, `xlink:href`), and every URL
//!   (`href`, `src`, `cite`, each `srcset` candidate) must have a safe scheme after the
//!   clean-up a browser does: relative, `http`, `https`, `mailto`, or raster `data:image/`
//!   on images only;
//! * the article text before and after the vector must survive in `text_content` (only the
//!   text before it for vectors marked `"text_may_drop": true`, which swallow the rest of the
//!   page in a browser too);
//! * `markdown` must hold no raw HTML outside code (code spans are matched per paragraph,
//!   as CommonMark does) and no link, image, autolink or reference destination with another
//!   scheme (`javascript:`, `vbscript:`, `data:text/...`), judged as a renderer decodes it
//!   (backslash escapes and character references) with whitespace and controls removed;
//! * `lead_image` must pass the same test as an `<img src>`.
//!
//! Vectors call `window.__xss()` (or `alert(1)`) where they would execute, so a browser test
//! can define `window.__xss` and watch for it.
//!
//! ```text
//! cargo test --release --test hostile_corpus                 # all vectors
//! cargo test --release --test hostile_corpus -- mathml       # one class (names hold it)
//! cargo test --release --test hostile_corpus -- --include-ignored   # also known bugs
//! ```
//!
//! Fields of a vector: `id` (starts with its `class`), `class`, `vector` (one HTML fragment);
//! optional `in_head` (put it in `<head>`), `text_may_drop` with a `note` saying why, and
//! `known_bug`: a documented, still open safety bug. Known-bug tests are ignored, so the suite
//! stays green, and listed at the end of the run; `--include-ignored` runs them, and one that
//! passes fails with a reminder to remove its `known_bug`.
// Native only: `wasm-pack test` builds every test target for wasm32 (tests/web.rs runs there).
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::Path;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

mod common;

use article_cleaner::{clean, Article, Options};
use common::parse_as_inner_html;
use libtest_mimic::{Arguments, Failed, Trial};
use markup5ever_rcdom::{Handle, NodeData};
use serde::Deserialize;

const PAGE_URL: &str = "https://news.example.com/2026/story.html";
const CORPUS: &str = "tests/hostile/vectors.json";
const MIN_VECTORS: usize = 220;
/// Vectors allowed to lose the text after them: keep this list short.
const MAX_TEXT_MAY_DROP: usize = 15;

// ---------------------------------------------------------------------------------------
// The page around each vector

const TITLE: &str = "Harbour board approves night ferry trial";
/// The article's paragraphs; the vector goes into `VECTOR_PARAGRAPH`, between its sentences.
const PARAGRAPHS: &[&str] = &[
    "The harbour board voted on Wednesday evening to run a six-month trial of night ferries \
     between the mainland and the two northern islands, ending a campaign by shift workers, \
     hospital staff and publicans that has lasted, on and off, for almost a decade.",
    "Under the plan, a single vessel will leave the mainland pier at half past eleven and \
     again at two in the morning, returning from the islands in between, with fares set at \
     the daytime rate and a discount for anyone holding a resident's card.",
    "Board members said the trial would be judged on passenger numbers, on complaints about \
     noise from residents near the pier, and on whether the crew rota could be filled \
     without overtime, which the operator said it could not afford for long.",
    "", // VECTOR_PARAGRAPH, built from the two sentences below
    "The operator's chief executive told the meeting that the company had bought a second \
     gangway and would light the pier car park all night, after complaints last winter \
     that it was too dark to find a car, let alone a ticket machine.",
    "A review of the trial is due in the spring, when the board will decide whether night \
     crossings become part of the permanent timetable, are cut back to weekends only, or \
     are dropped altogether, as happened after a shorter trial in 2019.",
];
const VECTOR_PARAGRAPH: usize = 3;
const SENTENCE_BEFORE: &str = "Islanders who work late at the mainland hospital said the \
     last boat, at nine, forced them to sleep on friends' sofas twice a week.";
const SENTENCE_AFTER: &str = "Several of them asked the board to publish its passenger \
     figures every month, so that the trial could not be quietly abandoned in a slow week.";

fn page(vector: &str, in_head: bool) -> String {
    let (head, body_vector) = if in_head { (vector, "") } else { ("", vector) };
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>{TITLE} | Coastal Courier</title>\
         <meta name=\"viewport\" content=\"width=device-width\">{head}</head>\n<body>\
         <header class=\"site-header\"><a class=\"logo\" href=\"/\">Coastal Courier</a>\
         <nav class=\"main-nav\"><ul><li><a href=\"/news/\">News</a></li>\
         <li><a href=\"/sport/\">Sport</a></li><li><a href=\"/weather/\">Weather</a></li>\
         <li><a href=\"/subscribe/\">Subscribe</a></li></ul></nav></header>\n\
         <main><article class=\"story\"><h1>{TITLE}</h1>\
         <p class=\"byline\">By Morag Lindqvist, transport correspondent</p>\n"
    );
    for (index, paragraph) in PARAGRAPHS.iter().enumerate() {
        if index == VECTOR_PARAGRAPH {
            html.push_str(&format!(
                "<p>{SENTENCE_BEFORE} {body_vector} {SENTENCE_AFTER}</p>\n"
            ));
        } else {
            html.push_str(&format!("<p>{paragraph}</p>\n"));
        }
    }
    html.push_str(
        "</article>\n<aside class=\"related\"><h2>Related</h2><ul>\
         <li><a href=\"/news/ferry-fares\">Ferry fares to rise in April</a></li>\
         <li><a href=\"/news/pier-repairs\">Pier repairs finished early</a></li></ul></aside>\
         </main>\n<footer class=\"site-footer\"><p>&copy; 2026 Coastal Courier. All rights \
         reserved.</p><nav><a href=\"/privacy\">Privacy</a> <a href=\"/contact\">Contact</a>\
         </nav></footer>\n</body></html>\n",
    );
    html
}

// ---------------------------------------------------------------------------------------
// The corpus

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Vector {
    id: String,
    class: String,
    vector: String,
    /// The vector swallows the rest of the page (in a browser too): only the text before
    /// it is checked.
    #[serde(default)]
    text_may_drop: bool,
    /// Why `text_may_drop` is set.
    #[serde(default)]
    note: Option<String>,
    /// Put the vector in `<head>` instead of the paragraph.
    #[serde(default)]
    in_head: bool,
    /// An open safety bug this vector exposes: the test is ignored until it is fixed.
    #[serde(default)]
    known_bug: Option<String>,
}

fn load_corpus() -> Vec<Vector> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(CORPUS);
    let json =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------------------------------
// What the output may contain (from `output_for` and `write_attributes` in
// src/render/html.rs)

/// HTML elements the renderer writes.
const HTML_TAGS: &str = "a abbr article b bdi bdo blockquote br caption cite code col colgroup dd del \
     details dfn div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 header hr i img ins kbd li mark ol p \
     pre q rp rt ruby s samp section small span strong sub summary sup table tbody td tfoot th \
     thead time tr u ul var wbr";

/// MathML elements the renderer writes. Outside `<math>` the parser makes them unknown HTML
/// elements, which is harmless, so they are allowed in both namespaces.
const MATH_TAGS: &str = "math mi mn mo ms mtext mrow msup msub msubsup mfrac msqrt mroot mover \
     munder munderover mtable mtr mtd mspace mstyle mpadded mphantom menclose mfenced \
     semantics annotation";

const ALLOWED_ATTRIBUTES: &str = "href src srcset sizes alt width height title colspan rowspan \
     headers scope start type datetime cite display mathvariant encoding lang dir class id role \
     data-callout";

/// Whether `name` is one of the space-separated names in `list`.
fn listed(list: &str, name: &str) -> bool {
    list.split_whitespace().any(|entry| entry == name)
}

/// Attributes that must never appear, reported by name even though the allow-list
/// already excludes them.
const FORBIDDEN_ATTRIBUTES: &[&str] = &["style", "srcdoc", "formaction", "action", "xlink:href"];

// ---------------------------------------------------------------------------------------
// URL checks, as a browser sees the URL

/// What the URL parser ignores: ASCII tab and newline anywhere, C0 controls and space at
/// either end.
fn browser_clean(url: &str) -> String {
    url.chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .trim_matches(|c: char| c <= ' ')
        .to_owned()
}

/// The scheme the URL parser finds: ASCII alpha, then alnum, `+`, `-`, `.`, then `:`.
fn url_scheme(url: &str) -> Option<String> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_ascii_lowercase())
}

/// Why a URL is unsafe, if it is. `image`: the URL is an `<img>` source.
fn unsafe_url(url: &str, image: bool) -> Option<String> {
    let cleaned = browser_clean(url);
    let lower = cleaned.to_ascii_lowercase();
    match url_scheme(&cleaned).as_deref() {
        None | Some("http" | "https") => None,
        Some("mailto") if !image => None,
        Some("data")
            if image
                && lower.starts_with("data:image/")
                && !lower.starts_with("data:image/svg") =>
        {
            None
        }
        Some(scheme) => Some(format!(
            "scheme {scheme:?} in {url:?} (seen by the browser as {cleaned:?})"
        )),
    }
}

/// The URLs of a `srcset`, split the way the HTML spec's srcset parser splits them.
fn srcset_urls_as_browser(srcset: &str) -> Vec<String> {
    let chars: Vec<char> = srcset.chars().collect();
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\x0C' | '\r');
    let mut urls = Vec::new();
    let mut i = 0;
    loop {
        while i < chars.len() && (is_space(chars[i]) || chars[i] == ',') {
            i += 1;
        }
        if i >= chars.len() {
            return urls;
        }
        let start = i;
        while i < chars.len() && !is_space(chars[i]) {
            i += 1;
        }
        let mut url: String = chars[start..i].iter().collect();
        if url.ends_with(',') {
            url = url.trim_end_matches(',').to_owned();
        } else {
            // Descriptors run to a comma outside parentheses.
            let mut in_parens = false;
            while i < chars.len() {
                match chars[i] {
                    '(' => in_parens = true,
                    ')' => in_parens = false,
                    ',' if !in_parens => {
                        i += 1;
                        break;
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        urls.push(url);
    }
}

/// Every candidate URL of a `srcset`, once: the browser's split and a naive split on commas.
fn srcset_urls(srcset: &str) -> Vec<String> {
    let naive = srcset
        .split(',')
        .filter_map(|candidate| candidate.split_whitespace().next())
        .map(str::to_owned);
    let mut urls: Vec<String> = Vec::new();
    for url in srcset_urls_as_browser(srcset).into_iter().chain(naive) {
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    urls
}

// ---------------------------------------------------------------------------------------
// The HTML checker: html5ever parses `content` as `innerHTML` would

/// One problem, with the text to look for in the output when showing a snippet.
#[derive(Debug)]
struct Problem {
    message: String,
    needle: String,
}

fn namespace_label(ns: &str) -> &str {
    match ns {
        "http://www.w3.org/1999/xhtml" => "html",
        "http://www.w3.org/2000/svg" => "svg",
        "http://www.w3.org/1998/Math/MathML" => "mathml",
        other => other,
    }
}

/// Walks the parsed output with an explicit stack; returns every problem.
fn html_problems(content: &str) -> Vec<Problem> {
    let dom = parse_as_inner_html(content);
    let mut problems = Vec::new();
    // (node, path of its ancestors, for messages)
    let mut stack: Vec<(Handle, Rc<str>)> = Vec::new();
    let push_children = |stack: &mut Vec<(Handle, Rc<str>)>, node: &Handle, path: Rc<str>| {
        for child in node.children.borrow().iter().rev() {
            stack.push((Rc::clone(child), Rc::clone(&path)));
        }
    };
    // The fragment parser puts the nodes under an `<html>` element in the document.
    for root in dom.document.children.borrow().iter() {
        push_children(&mut stack, root, Rc::from(""));
    }
    while let Some((node, path)) = stack.pop() {
        match &node.data {
            NodeData::Element {
                name,
                attrs,
                template_contents,
                ..
            } => {
                let local = name.local.to_string();
                let namespace = namespace_label(&name.ns).to_owned();
                let here = if namespace == "html" {
                    local.clone()
                } else {
                    format!("{namespace}:{local}")
                };
                let where_ = format!("{path}<{here}>");
                let allowed = match namespace.as_str() {
                    "html" => listed(HTML_TAGS, &local) || listed(MATH_TAGS, &local),
                    "mathml" => listed(MATH_TAGS, &local),
                    _ => false,
                };
                if !allowed {
                    problems.push(Problem {
                        message: format!("element {where_} is not allowed ({namespace} namespace)"),
                        needle: format!("<{local}"),
                    });
                }
                for attr in attrs.borrow().iter() {
                    let attr_name = match &attr.name.prefix {
                        Some(prefix) => format!("{prefix}:{}", attr.name.local),
                        None => attr.name.local.to_string(),
                    };
                    let value = attr.value.to_string();
                    let lower = attr_name.to_ascii_lowercase();
                    let needle = format!("{attr_name}=");
                    if lower.starts_with("on") {
                        problems.push(Problem {
                            message: format!("event handler {attr_name}={value:?} on {where_}"),
                            needle: needle.clone(),
                        });
                    } else if FORBIDDEN_ATTRIBUTES.contains(&lower.as_str()) {
                        problems.push(Problem {
                            message: format!(
                                "forbidden attribute {attr_name}={value:?} on {where_}"
                            ),
                            needle: needle.clone(),
                        });
                    } else if !listed(ALLOWED_ATTRIBUTES, &attr_name) {
                        problems.push(Problem {
                            message: format!(
                                "attribute {attr_name}={value:?} on {where_} is not allowed"
                            ),
                            needle: needle.clone(),
                        });
                    }
                    let image = namespace == "html" && local == "img";
                    let urls = match lower.as_str() {
                        "href" | "cite" => vec![(value.clone(), false)],
                        "src" => vec![(value.clone(), image)],
                        "srcset" => srcset_urls(&value)
                            .into_iter()
                            .map(|url| (url, image))
                            .collect(),
                        _ => Vec::new(),
                    };
                    for (url, image) in urls {
                        if let Some(why) = unsafe_url(&url, image) {
                            problems.push(Problem {
                                message: format!("unsafe URL in {attr_name} on {where_}: {why}"),
                                needle: needle.clone(),
                            });
                        }
                    }
                }
                let child_path: Rc<str> = Rc::from(format!("{where_} > "));
                push_children(&mut stack, &node, Rc::clone(&child_path));
                if let Some(contents) = template_contents.borrow().as_ref() {
                    push_children(&mut stack, contents, child_path);
                }
            }
            NodeData::Text { contents } => {
                if path.ends_with("script> > ") || path.ends_with("style> > ") {
                    problems.push(Problem {
                        message: format!("text {:?} inside {path}", contents.borrow()),
                        needle: "<s".to_owned(),
                    });
                }
            }
            NodeData::Comment { contents } => problems.push(Problem {
                message: format!("comment {contents:?} at {path}"),
                needle: "<!".to_owned(),
            }),
            NodeData::Document => push_children(&mut stack, &node, path),
            other => problems.push(Problem {
                message: format!("unexpected node {other:?} at {path}"),
                needle: "<".to_owned(),
            }),
        }
    }
    problems
}

// ---------------------------------------------------------------------------------------
// The Markdown checker

/// The destination as a renderer would judge it: backslash escapes and character
/// references decoded (CommonMark decodes both in destinations), then whitespace and
/// controls removed.
fn squeeze(destination: &str) -> String {
    decode_markdown_escapes(destination)
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_ascii_lowercase()
}

/// Backslash escapes of ASCII punctuation, numeric references and the named references
/// that matter for a scheme.
fn decode_markdown_escapes(text: &str) -> String {
    const NAMED: &[(&str, char)] = &[
        ("colon", ':'),
        ("Tab", '\t'),
        ("NewLine", '\n'),
        ("amp", '&'),
        ("sol", '/'),
        ("lpar", '('),
        ("rpar", ')'),
        ("period", '.'),
        ("plus", '+'),
    ];
    let mut out = String::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\\' {
            if let Some(next) = rest[1..].chars().next().filter(char::is_ascii_punctuation) {
                out.push(next);
                rest = &rest[1 + next.len_utf8()..];
                continue;
            }
        }
        if c == '&' {
            if let Some((name, after)) = rest[1..].split_once(';') {
                let numeric = name.strip_prefix('#').and_then(|number| {
                    match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => number.parse::<u32>().ok(),
                    }
                });
                let decoded = match numeric {
                    Some(code) => Some(char::from_u32(code).unwrap_or('\u{FFFD}')),
                    None => NAMED.iter().find(|(n, _)| *n == name).map(|(_, c)| *c),
                };
                if let Some(decoded) = decoded {
                    out.push(decoded);
                    rest = after;
                    continue;
                }
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

fn markdown_destination_problem(destination: &str) -> Option<String> {
    let squeezed = squeeze(destination);
    for bad in ["javascript:", "vbscript:", "data:text"] {
        if squeezed.starts_with(bad) {
            return Some(format!("{bad} destination {destination:?}"));
        }
    }
    // A link may be `mailto:`, an image a raster `data:image/`: either policy will do.
    match (unsafe_url(&squeezed, false), unsafe_url(&squeezed, true)) {
        (Some(why), Some(_)) => Some(format!("destination {destination:?}: {why}")),
        _ => None,
    }
}

/// Raw HTML outside code, and link, image, autolink and reference destinations with an
/// unsafe scheme.
///
/// CommonMark code spans may run from line to line inside a paragraph, so lines are grouped
/// into paragraphs first: a blank line, a change of block-quote depth, a fence, or a line
/// that can interrupt a paragraph (heading, thematic break, list item, HTML block, GFM table
/// header) ends one. Fenced code is skipped.
fn markdown_problems(markdown: &str) -> Vec<Problem> {
    let lines: Vec<(usize, &str)> = markdown.lines().map(strip_quotes).collect();
    let mut problems = Vec::new();
    let mut paragraph: Vec<&str> = Vec::new();
    let mut first_line = 0;
    let mut depth = 0;
    let mut fence: Option<(char, usize)> = None;
    for (index, &(line_depth, body)) in lines.iter().enumerate() {
        if let Some(open) = fence {
            if closes_fence(body, open) {
                fence = None;
            }
            continue;
        }
        let next_is_delimiter = lines
            .get(index + 1)
            .is_some_and(|&(_, next)| is_table_delimiter(next));
        let opens = opens_fence(body);
        if opens.is_some()
            || body.trim().is_empty()
            || line_depth != depth
            || starts_block(body)
            || next_is_delimiter
        {
            inline_problems(&paragraph.join("\n"), first_line, &mut problems);
            paragraph.clear();
        }
        depth = line_depth;
        if opens.is_some() {
            fence = opens;
            continue;
        }
        if body.trim().is_empty() {
            continue;
        }
        if paragraph.is_empty() {
            first_line = index + 1;
        }
        reference_problems(body, index + 1, &mut problems);
        paragraph.push(body);
    }
    inline_problems(&paragraph.join("\n"), first_line, &mut problems);
    problems
}

/// Up to three spaces of indentation removed.
fn unindent(line: &str) -> &str {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    if spaces <= 3 {
        &line[spaces..]
    } else {
        line
    }
}

/// The block-quote depth of a line and the line without its `>` markers.
fn strip_quotes(line: &str) -> (usize, &str) {
    let mut depth = 0;
    let mut rest = line;
    while let Some(after) = unindent(rest).strip_prefix('>') {
        depth += 1;
        rest = after.strip_prefix(' ').unwrap_or(after);
    }
    (depth, rest)
}

fn opens_fence(body: &str) -> Option<(char, usize)> {
    let body = unindent(body);
    let marker = body.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let run = body.chars().take_while(|&c| c == marker).count();
    let info = &body[run..];
    (run >= 3 && !(marker == '`' && info.contains('`'))).then_some((marker, run))
}

fn closes_fence(body: &str, (marker, length): (char, usize)) -> bool {
    let body = unindent(body);
    let run = body.chars().take_while(|&c| c == marker).count();
    run >= length && body[run..].trim().is_empty()
}

/// Whether a line starts a block that interrupts a paragraph.
fn starts_block(body: &str) -> bool {
    let line = unindent(body);
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes)
        && line[hashes..]
            .chars()
            .next()
            .is_none_or(|c| c == ' ' || c == '\t')
    {
        return true;
    }
    let compact: String = line.chars().filter(|c| !matches!(c, ' ' | '\t')).collect();
    if compact.len() >= 3
        && ['-', '*', '_']
            .iter()
            .any(|&m| compact.chars().all(|c| c == m))
    {
        return true;
    }
    let mut chars = line.chars();
    if let Some(first) = chars.next() {
        let rest = chars.as_str();
        if matches!(first, '-' | '+' | '*')
            && rest.starts_with([' ', '\t'])
            && !rest.trim().is_empty()
        {
            return true;
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &line[digits..];
        if (rest.starts_with(". ") || rest.starts_with(") ")) && !rest[2..].trim().is_empty() {
            return true;
        }
    }
    starts_html_block(line)
}

/// CommonMark HTML blocks of kinds 1 to 6, the ones that interrupt a paragraph.
fn starts_html_block(line: &str) -> bool {
    const BLOCK_TAGS: &[&str] = &[
        "address",
        "article",
        "aside",
        "base",
        "basefont",
        "blockquote",
        "body",
        "caption",
        "center",
        "col",
        "colgroup",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "iframe",
        "legend",
        "li",
        "link",
        "main",
        "menu",
        "menuitem",
        "nav",
        "noframes",
        "ol",
        "optgroup",
        "option",
        "p",
        "param",
        "search",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "track",
        "ul",
    ];
    let lower = line.to_ascii_lowercase();
    let Some(rest) = lower.strip_prefix('<') else {
        return false;
    };
    if rest.starts_with("!--") || rest.starts_with('?') || rest.starts_with("![cdata[") {
        return true;
    }
    if rest
        .strip_prefix('!')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphabetic()))
    {
        return true;
    }
    let ends_name =
        |r: &str| r.is_empty() || r.starts_with([' ', '\t', '>']) || r.starts_with("/>");
    if ["script", "pre", "style", "textarea"]
        .iter()
        .any(|name| rest.strip_prefix(name).is_some_and(ends_name))
    {
        return true;
    }
    let name_part = rest.strip_prefix('/').unwrap_or(rest);
    BLOCK_TAGS
        .iter()
        .any(|tag| name_part.strip_prefix(tag).is_some_and(ends_name))
}

/// A GFM table delimiter row such as `| --- | :-: |`.
fn is_table_delimiter(body: &str) -> bool {
    let line = unindent(body).trim();
    line.contains('-')
        && line.contains(['|', ':'])
        && line
            .chars()
            .all(|c| matches!(c, '|' | ':' | '-' | ' ' | '\t'))
}

/// `[label]: destination` at the start of a line.
fn reference_problems(body: &str, number: usize, problems: &mut Vec<Problem>) {
    let Some(rest) = unindent(body).strip_prefix('[') else {
        return;
    };
    let Some((_, after)) = rest.split_once("]:") else {
        return;
    };
    let destination = after.split_whitespace().next().unwrap_or("");
    if let Some(why) = markdown_destination_problem(destination) {
        problems.push(Problem {
            message: format!("markdown line {number}: reference definition: {why}"),
            needle: destination.to_owned(),
        });
    }
}

/// Code spans, raw HTML, autolinks and inline destinations in one paragraph.
fn inline_problems(paragraph: &str, first_line: usize, problems: &mut Vec<Problem>) {
    let chars: Vec<char> = paragraph.chars().collect();
    let at = |i: usize| {
        let line = first_line + chars[..i].iter().filter(|&&c| c == '\n').count();
        format!("markdown line {line}")
    };
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '`' => {
                // A code span runs to the next backtick run of the same length, if any.
                let run = chars[i..].iter().take_while(|&&c| c == '`').count();
                let mut j = i + run;
                let mut end = None;
                while j < chars.len() {
                    let other = chars[j..].iter().take_while(|&&c| c == '`').count();
                    if other == run {
                        end = Some(j + run);
                        break;
                    }
                    j += other.max(1);
                }
                i = end.unwrap_or(i + run);
            }
            '<' => {
                let rest: String = chars[i + 1..].iter().collect();
                let inner = rest.split('>').next().unwrap_or("");
                let opens_tag = rest
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
                if url_scheme(inner).is_some()
                    && rest.contains('>')
                    && !inner.contains([' ', '<', '\n'])
                {
                    if let Some(why) = markdown_destination_problem(inner) {
                        problems.push(Problem {
                            message: format!("{}: autolink: {why}", at(i)),
                            needle: inner.to_owned(),
                        });
                    }
                } else if rest.to_ascii_lowercase().starts_with("script") {
                    problems.push(Problem {
                        message: format!("{}: raw <script", at(i)),
                        needle: "<script".to_owned(),
                    });
                } else if opens_tag {
                    problems.push(Problem {
                        message: format!(
                            "{}: raw HTML {:?}",
                            at(i),
                            rest.chars().take(50).collect::<String>()
                        ),
                        needle: format!("<{}", rest.chars().take(8).collect::<String>()),
                    });
                }
                i += 1;
            }
            ']' if chars.get(i + 1) == Some(&'(') => {
                // Up to the closing parenthesis, title included: `squeeze` judges it with the
                // whitespace gone, as a lenient renderer might.
                let destination: String =
                    chars[i + 2..].iter().take_while(|&&c| c != ')').collect();
                if let Some(why) = markdown_destination_problem(&destination) {
                    problems.push(Problem {
                        message: format!("{}: link destination: {why}", at(i)),
                        needle: destination.clone(),
                    });
                }
                // Not skipped: a destination must not hide raw HTML either.
                i += 2;
            }
            _ => i += 1,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Running one vector

/// What one vector did to one option set.
#[derive(Default)]
struct Findings {
    unsafe_output: Vec<String>,
    lost_text: Vec<String>,
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// About 300 characters of `output` around the first occurrence of `needle`, on one line
/// (line breaks shown as `⏎`).
fn snippet(output: &str, needle: &str) -> String {
    let lower = output.to_ascii_lowercase();
    let at = lower
        .find(&needle.to_ascii_lowercase())
        .or_else(|| lower.find("islanders who work late"))
        .unwrap_or(0);
    let mut from = at.saturating_sub(120);
    while !output.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (at + 180).min(output.len());
    while !output.is_char_boundary(to) {
        to += 1;
    }
    format!("…{}…", output[from..to].replace('\n', "⏎"))
}

fn check_article(article: &Article, vector: &Vector, findings: &mut Findings) {
    for problem in html_problems(&article.content) {
        findings.unsafe_output.push(format!(
            "content: {}\n      output: {}",
            problem.message,
            snippet(&article.content, &problem.needle)
        ));
    }
    if let Some(markdown) = &article.markdown {
        for problem in markdown_problems(markdown) {
            findings.unsafe_output.push(format!(
                "markdown: {}\n      output: {}",
                problem.message,
                snippet(markdown, &problem.needle)
            ));
        }
    }
    if let Some(why) = article
        .lead_image
        .as_deref()
        .and_then(|image| unsafe_url(image, true))
    {
        findings.unsafe_output.push(format!("lead_image: {why}"));
    }

    let text = collapse(&article.text_content);
    let mut required = vec![PARAGRAPHS[0], SENTENCE_BEFORE];
    if !vector.text_may_drop {
        required.extend([SENTENCE_AFTER, PARAGRAPHS[PARAGRAPHS.len() - 1]]);
    }
    for phrase in required {
        let phrase = collapse(phrase);
        if !text.contains(&phrase) {
            findings.lost_text.push(format!(
                "text_content lost {:?}…",
                phrase.chars().take(60).collect::<String>()
            ));
        }
    }
}

fn option_sets() -> [(&'static str, Options); 3] {
    [
        (
            "url",
            Options {
                url: Some(PAGE_URL.to_owned()),
                ..Options::default()
            },
        ),
        (
            "url, markdown, keep_classes",
            Options {
                url: Some(PAGE_URL.to_owned()),
                output_markdown: true,
                keep_classes: true,
                ..Options::default()
            },
        ),
        (
            "no url, markdown",
            Options {
                output_markdown: true,
                ..Options::default()
            },
        ),
    ]
}

static TRIED: AtomicUsize = AtomicUsize::new(0);
static UNSAFE: AtomicUsize = AtomicUsize::new(0);
static LOST_TEXT: AtomicUsize = AtomicUsize::new(0);

fn run_vector(vector: &Vector) -> Result<(), Failed> {
    TRIED.fetch_add(1, Ordering::Relaxed);
    let html = page(&vector.vector, vector.in_head);
    let mut report = Vec::new();
    let mut any_unsafe = false;
    let mut any_lost = false;
    for (label, options) in option_sets() {
        let mut findings = Findings::default();
        match clean(&html, &options) {
            Ok(article) => check_article(&article, vector, &mut findings),
            Err(error) => findings
                .lost_text
                .push(format!("expected an article, got the error {error}")),
        }
        any_unsafe |= !findings.unsafe_output.is_empty();
        any_lost |= !findings.lost_text.is_empty();
        for line in findings.unsafe_output.iter().chain(&findings.lost_text) {
            report.push(format!("  [{label}] {line}"));
        }
    }
    if any_unsafe {
        UNSAFE.fetch_add(1, Ordering::Relaxed);
    }
    if any_lost {
        LOST_TEXT.fetch_add(1, Ordering::Relaxed);
    }
    if report.is_empty() {
        return match &vector.known_bug {
            Some(bug) => Err(format!(
                "vector {} passes now: remove its \"known_bug\" from {CORPUS} ({bug})",
                vector.id
            )
            .into()),
            None => Ok(()),
        };
    }
    let verdict = if any_unsafe {
        "UNSAFE OUTPUT"
    } else {
        "article text lost"
    };
    Err(format!(
        "vector {} ({}): {verdict}\n  vector: {:?}\n{}",
        vector.id,
        vector.class,
        vector.vector,
        report.join("\n")
    )
    .into())
}

// ---------------------------------------------------------------------------------------
// Checks of the corpus and of the checkers themselves

fn check_corpus(corpus: &[Vector]) -> Result<(), Failed> {
    let mut problems = Vec::new();
    if corpus.len() < MIN_VECTORS {
        problems.push(format!(
            "only {} vectors, want at least {MIN_VECTORS}",
            corpus.len()
        ));
    }
    let mut ids = HashSet::new();
    for vector in corpus {
        if !ids.insert(vector.id.as_str()) {
            problems.push(format!("duplicate id {}", vector.id));
        }
        if !vector.id.starts_with(&format!("{}-", vector.class)) {
            problems.push(format!("id {} does not start with its class", vector.id));
        }
        if vector.vector.is_empty() {
            problems.push(format!("{}: empty vector", vector.id));
        }
        if vector
            .known_bug
            .as_deref()
            .is_some_and(|bug| bug.trim().is_empty())
        {
            problems.push(format!("{}: known_bug must say what the bug is", vector.id));
        }
        if vector.text_may_drop && vector.note.as_deref().unwrap_or("").trim().is_empty() {
            problems.push(format!(
                "{}: text_may_drop needs a note saying why",
                vector.id
            ));
        }
    }
    let dropping = corpus.iter().filter(|v| v.text_may_drop).count();
    if dropping > MAX_TEXT_MAY_DROP {
        problems.push(format!(
            "{dropping} vectors may drop text; keep it at most {MAX_TEXT_MAY_DROP}"
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

fn check_checkers() -> Result<(), Failed> {
    let mut failures = Vec::new();
    let unsafe_html = [
        "<p>x</p><script>alert(1)</script>",
        "<p onclick=\"alert(1)\">x</p>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"java&#9;script:alert(1)\">x</a>",
        "<a href=\"&#1; JAVASCRIPT:alert(1)\">x</a>",
        "<a href=\"java\nscript:alert(1)\">x</a>",
        "<img src=\"data:text/html,x\">",
        "<img src=\"data:image/svg+xml,&lt;svg onload=alert(1)&gt;\">",
        "<a href=\"data:image/png,x\">x</a>",
        "<img srcset=\"/a.jpg 1x, vbscript:x 2x\">",
        "<img srcset=\"/a.jpg 1x,javascript:x\">",
        "<div><iframe src=\"/x\"></iframe></div>",
        "<p style=\"x\">x</p>",
        "<svg><a href=\"/x\">x</a></svg>",
        "<math><a href=\"/x\">x</a></math>",
        "<math><mrow><abbr>x</abbr></mrow></math>",
        "<b>a<!-- comment -->b</b>",
        "<span srcdoc=\"x\">x</span>",
        "<q cite=\"vbscript:x\">x</q>",
        "<a href=\"x\" ping=\"https://evil.example/\">x</a>",
    ];
    for html in unsafe_html {
        if html_problems(html).is_empty() {
            failures.push(format!("the HTML checker passed {html:?}"));
        }
    }
    let safe_html = "<div><p>a &amp; b &lt; c&nbsp;d</p><img src=\"data:image/png;base64,AA\" \
                     srcset=\"/a.jpg 1x, https://x.example/b.jpg 2x\" alt=\"&quot;q&quot;\">\
                     <a href=\"mailto:a@b.example\">m</a><a href=\"#f\">f</a>\
                     <a href=\"rel/x\" class=\"c\">r</a><table><tbody><tr><td colspan=\"2\">\
                     c</td></tr></tbody></table><math display=\"block\"><mi \
                     mathvariant=\"bold\">x</mi><mtext><b>html</b></mtext></math></div>";
    for problem in html_problems(safe_html) {
        failures.push(format!(
            "the HTML checker rejected safe output: {}",
            problem.message
        ));
    }

    let unsafe_markdown = [
        "text <img src=x onerror=alert(1)> more",
        "[a](javascript:alert(1))",
        "[a]( java\tscript:alert(1))",
        "![a](data:text/html,x)",
        "![a](https://x/a.png)<script>alert(1)</script>",
        "<javascript:alert(1)>",
        "[x]: vbscript:msgbox(1)",
        "```\ncode\n```\n<b onclick=x>",
        "![<script>alert(1)</script>](/a.jpg)",
        "[a](&#106;avascript:alert(1))",
        "[a](javascript&colon;alert(1))",
        "[a](javascript\\:alert(1))",
        "`a\n\n<script>alert(1)</script>`",
        "`a\n\n| <script>alert(1)</script> |\n| --- |",
    ];
    for markdown in unsafe_markdown {
        if markdown_problems(markdown).is_empty() {
            failures.push(format!("the Markdown checker passed {markdown:?}"));
        }
    }
    let safe_markdown = "# Title\n\ntext \\<b\\> and `<code>` [a](https://x.example/)\n\n\
                         ```\n<script>in code</script>\n```\n\n<https://x.example/>\n\n\
                         ![i](data:image/png;base64,AA) [m](mailto:a@b.example) [r](rel/x)\n";
    for problem in markdown_problems(safe_markdown) {
        failures.push(format!(
            "the Markdown checker rejected safe Markdown: {}",
            problem.message
        ));
    }

    for (srcset, expected) in [
        ("/a.jpg 1x, /b.jpg 2x", vec!["/a.jpg", "/b.jpg"]),
        ("/a.jpg,/b.jpg", vec!["/a.jpg,/b.jpg"]),
        ("/a.jpg 1x (, x 2x), /c.jpg", vec!["/a.jpg", "/c.jpg"]),
        (
            "data:image/png;base64,AA 1x",
            vec!["data:image/png;base64,AA"],
        ),
    ] {
        let urls = srcset_urls_as_browser(srcset);
        if urls != expected {
            failures.push(format!("srcset {srcset:?} split as {urls:?}"));
        }
    }

    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n").into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let corpus = load_corpus();
    let mut per_class: BTreeMap<String, usize> = BTreeMap::new();
    for vector in &corpus {
        *per_class.entry(vector.class.clone()).or_default() += 1;
    }
    // Each known bug once, with the vectors that show it.
    let mut known_bugs: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for vector in &corpus {
        if let Some(bug) = &vector.known_bug {
            known_bugs
                .entry(bug.clone())
                .or_default()
                .push(vector.id.clone());
        }
    }
    let vector_count = corpus.len();

    let corpus = std::sync::Arc::new(corpus);
    let mut trials = vec![
        {
            let corpus = std::sync::Arc::clone(&corpus);
            Trial::test("corpus::well_formed", move || check_corpus(&corpus))
        },
        Trial::test("checker::catches_unsafe_output", check_checkers),
    ];
    for index in 0..corpus.len() {
        let vector = &corpus[index];
        let name = format!("{}::{}", vector.class, vector.id);
        let ignored = vector.known_bug.is_some();
        let corpus = std::sync::Arc::clone(&corpus);
        trials
            .push(Trial::test(name, move || run_vector(&corpus[index])).with_ignored_flag(ignored));
    }

    let list = args.list;
    let conclusion = libtest_mimic::run(&args, trials);
    if !list {
        let classes: Vec<String> = per_class
            .iter()
            .map(|(class, count)| format!("{class} {count}"))
            .collect();
        eprintln!(
            "\nhostile corpus: {vector_count} vectors in {} classes ({})\n\
             hostile corpus: {} vectors tried, {} with unsafe output, {} losing article text",
            per_class.len(),
            classes.join(", "),
            TRIED.load(Ordering::Relaxed),
            UNSAFE.load(Ordering::Relaxed),
            LOST_TEXT.load(Ordering::Relaxed),
        );
        for (bug, ids) in &known_bugs {
            eprintln!(
                "hostile corpus: known bug, {} test(s) ignored: {bug}\n    {}",
                ids.len(),
                ids.join(", ")
            );
        }
    }
    conclusion.exit();
}
