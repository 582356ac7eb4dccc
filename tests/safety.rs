//! Safety of the output against hostile markup: each vector is embedded in a real
//! multi-paragraph article, so the extractor keeps the content around it, and then
//!
//! * the article text before and after the vector must survive;
//! * `content` is scanned with a small tokenizer (our output is regular: `<name a="v">`,
//!   `</name>`, escaped text): every tag must be in the allow-list of tags we emit, every
//!   attribute in the attribute allow-list, no `on*` attribute, no `<script`, tags balanced,
//!   and every `href`/`src`/`srcset`/`cite` URL must be `http:`, `https:`, `mailto:`,
//!   `data:image/` (images only), `#...`, `/...` or relative without a scheme, judged after
//!   the clean-up browsers do (tabs and newlines removed, leading controls trimmed);
//! * `markdown` must hold no raw HTML outside code and no link or image destination with
//!   another scheme;
//! * `leadImage` must be an http(s) or raster `data:image/` URL.
//!
//! Each vector runs with the page URL, without it (relative URLs stay relative), and with
//! `keep_classes` and Markdown.
// Native only: `wasm-pack test` builds every test target for wasm32 (tests/web.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

use article_cleaner::{clean, Article, Options};

const PAGE_URL: &str = "https://news.example.com/2026/story.html";

const BEFORE: &str = "The harbour committee met on Tuesday evening to discuss the new ferry \
     timetable, which has been criticised by commuters, shop owners and the island school.";
const VECTOR_BEFORE: &str = "Several speakers argued that the early crossing, dropped in the \
     spring, should return before the autumn term begins";
const VECTOR_AFTER: &str = "because pupils now miss the first lesson twice a week, and the \
     head teacher said so in a letter read out at the meeting.";
const AFTER: &[&str] = &[
    "The operator said it would publish revised figures next month, after a survey of \
     passengers, and promised that any change would be announced at least a fortnight ahead.",
    "Councillors will vote on the timetable at their next full meeting, in September, when \
     the results of the passenger survey and the operator's costings should be available.",
];

/// Tags our HTML output may contain (HTML and MathML).
const ALLOWED_TAGS: &[&str] = &[
    "a",
    "abbr",
    "article",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr", // MathML
    "math",
    "mi",
    "mn",
    "mo",
    "ms",
    "mtext",
    "mrow",
    "msup",
    "msub",
    "msubsup",
    "mfrac",
    "msqrt",
    "mroot",
    "mover",
    "munder",
    "munderover",
    "mtable",
    "mtr",
    "mtd",
    "mspace",
    "mstyle",
    "mpadded",
    "mphantom",
    "menclose",
    "mfenced",
    "semantics",
    "annotation",
];

const VOID_TAGS: &[&str] = &["br", "col", "hr", "img", "wbr"];

const ALLOWED_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "srcset",
    "sizes",
    "alt",
    "title",
    "width",
    "height",
    "colspan",
    "rowspan",
    "headers",
    "scope",
    "start",
    "type",
    "datetime",
    "cite",
    "display",
    "mathvariant",
    "encoding",
    "lang",
    "dir",
    "class",
];

// ---------------------------------------------------------------------------------------
// The output checker

#[derive(Debug)]
struct StartTag {
    name: String,
    attrs: Vec<(String, String)>,
}

/// Scans our HTML output; returns the start tags, or what is irregular about the output.
fn scan_html(html: &str) -> Result<Vec<StartTag>, String> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut i = 0;
    let context = |at: usize| {
        let mut from = at.saturating_sub(60);
        while !html.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (at + 60).min(html.len());
        while !html.is_char_boundary(to) {
            to += 1;
        }
        format!("at byte {at}: …{}…", &html[from..to])
    };
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                let end = i + 1 < bytes.len() && bytes[i + 1] == b'/';
                let mut j = i + 1 + usize::from(end);
                let name_start = j;
                while j < bytes.len()
                    && (bytes[j].is_ascii_lowercase() || bytes[j].is_ascii_digit())
                {
                    j += 1;
                }
                let name = &html[name_start..j];
                if name.is_empty() {
                    return Err(format!("unescaped '<' {}", context(i)));
                }
                if !ALLOWED_TAGS.contains(&name) {
                    return Err(format!("tag <{name}> is not allowed {}", context(i)));
                }
                let mut attrs = Vec::new();
                if !end {
                    while j < bytes.len() && bytes[j] == b' ' {
                        j += 1;
                        let attr_start = j;
                        while j < bytes.len()
                            && (bytes[j].is_ascii_lowercase()
                                || bytes[j].is_ascii_digit()
                                || bytes[j] == b'-')
                        {
                            j += 1;
                        }
                        let attr = &html[attr_start..j];
                        if attr.is_empty() || !html[j..].starts_with("=\"") {
                            return Err(format!("irregular attribute syntax {}", context(j)));
                        }
                        j += 2;
                        let value_start = j;
                        while j < bytes.len() && bytes[j] != b'"' {
                            if matches!(bytes[j], b'<' | b'>') {
                                return Err(format!(
                                    "unescaped '<' or '>' in attribute value {}",
                                    context(j)
                                ));
                            }
                            j += 1;
                        }
                        if j >= bytes.len() {
                            return Err(format!("unterminated attribute value {}", context(i)));
                        }
                        let value = decode_output_entities(&html[value_start..j], false)
                            .map_err(|e| format!("{e} {}", context(value_start)))?;
                        attrs.push((attr.to_owned(), value));
                        j += 1;
                    }
                }
                if j >= bytes.len() || bytes[j] != b'>' {
                    return Err(format!(
                        "irregular tag syntax {}",
                        context(j.min(html.len()))
                    ));
                }
                if end {
                    match open.pop() {
                        Some(top) if top == name => {}
                        other => {
                            return Err(format!(
                                "end tag </{name}> closes {other:?} {}",
                                context(i)
                            ))
                        }
                    }
                } else {
                    if !VOID_TAGS.contains(&name) {
                        open.push(name.to_owned());
                    }
                    tags.push(StartTag {
                        name: name.to_owned(),
                        attrs,
                    });
                }
                i = j + 1;
            }
            b'>' => return Err(format!("unescaped '>' in text {}", context(i))),
            b'&' => {
                let end = html[i..]
                    .find(';')
                    .map(|k| i + k + 1)
                    .ok_or_else(|| format!("bare '&' {}", context(i)))?;
                decode_output_entities(&html[i..end], true)
                    .map_err(|e| format!("{e} {}", context(i)))?;
                i = end;
            }
            _ => i += 1,
        }
    }
    if !open.is_empty() {
        return Err(format!("unclosed elements at the end: {open:?}"));
    }
    Ok(tags)
}

/// Decodes the few references our output writes; anything else is irregular.
fn decode_output_entities(value: &str, text: bool) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = value;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let (decoded, len) = if after.starts_with("&amp;") {
            ('&', 5)
        } else if after.starts_with("&quot;") {
            ('"', 6)
        } else if after.starts_with("&lt;") {
            ('<', 4)
        } else if after.starts_with("&gt;") {
            ('>', 4)
        } else if text && after.starts_with("&nbsp;") {
            ('\u{A0}', 6)
        } else {
            return Err(format!(
                "unexpected reference {:?}",
                after.chars().take(12).collect::<String>()
            ));
        };
        out.push(decoded);
        rest = &after[len..];
    }
    out.push_str(rest);
    Ok(out)
}

/// What a browser does to a URL attribute before parsing it.
fn browser_clean(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect()
}

/// The scheme as the URL parser would find it: ASCII alpha, then alnum/`+`/`-`/`.`, then `:`.
fn url_scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let scheme = &url[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then(|| scheme.to_ascii_lowercase())
}

fn check_url(url: &str, image: bool) -> Result<(), String> {
    let cleaned = browser_clean(url);
    let lower = cleaned.to_ascii_lowercase();
    if cleaned.starts_with('#') || cleaned.starts_with('/') {
        return Ok(());
    }
    match url_scheme(&cleaned).as_deref() {
        None => Ok(()),
        Some("http" | "https") => Ok(()),
        Some("mailto") if !image => Ok(()),
        Some("data") if image && lower.starts_with("data:image/") => Ok(()),
        Some(other) => Err(format!("URL {url:?} has scheme {other:?}")),
    }
}

/// Every problem with `content`.
fn html_problems(content: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let lower = content.to_ascii_lowercase();
    if lower.contains("<script") {
        problems.push("content contains \"<script\"".to_owned());
    }
    let tags = match scan_html(content) {
        Ok(tags) => tags,
        Err(problem) => {
            problems.push(problem);
            return problems;
        }
    };
    for tag in &tags {
        for (name, value) in &tag.attrs {
            if name.starts_with("on") {
                problems.push(format!("event handler {name}={value:?} on <{}>", tag.name));
            }
            if !ALLOWED_ATTRIBUTES.contains(&name.as_str()) {
                problems.push(format!(
                    "attribute {name}={value:?} on <{}> not allowed",
                    tag.name
                ));
            }
            let image = tag.name == "img";
            let result = match name.as_str() {
                "href" | "cite" => check_url(value, false),
                "src" => check_url(value, image),
                "srcset" => value
                    .split(',')
                    .map(str::trim)
                    .filter(|candidate| !candidate.is_empty())
                    .map(|candidate| candidate.split_whitespace().next().unwrap_or(""))
                    .try_for_each(|url| check_url(url, image)),
                _ => Ok(()),
            };
            if let Err(problem) = result {
                problems.push(format!("<{} {name}>: {problem}", tag.name));
            }
        }
    }
    problems
}

/// Problems with the Markdown: raw HTML outside code, and unsafe link destinations.
fn markdown_problems(markdown: &str) -> Vec<String> {
    let mut problems = Vec::new();
    // CommonMark: a fence is 3+ backticks; it closes on a run at least as long.
    let mut open_fence: Option<usize> = None;
    for (number, line) in markdown.lines().enumerate() {
        let number = number + 1;
        let quoted = line.trim_start_matches(['>', ' ']);
        let run = quoted.chars().take_while(|&c| c == '`').count();
        if run >= 3 && (quoted[run..].trim().is_empty() || open_fence.is_none()) {
            match open_fence {
                None => open_fence = Some(run),
                Some(open) if run >= open => open_fence = None,
                Some(_) => {}
            }
            continue;
        }
        if open_fence.is_some() {
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '\\' => i += 2,
                '`' => {
                    // A code span: skip to the closing run of the same length.
                    let run = chars[i..].iter().take_while(|&&c| c == '`').count();
                    let mut j = i + run;
                    let mut closed = None;
                    while j < chars.len() {
                        let other = chars[j..].iter().take_while(|&&c| c == '`').count();
                        if other == run {
                            closed = Some(j + run);
                            break;
                        }
                        j += other.max(1);
                    }
                    i = closed.unwrap_or(i + run);
                }
                '<' => {
                    let rest: String = chars[i + 1..].iter().collect();
                    let next = rest.chars().next();
                    if next.is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'))
                    {
                        // An autolink `<scheme:...>` is a link; anything else is raw HTML.
                        let end = rest.find('>');
                        let inner = end.map(|e| &rest[..e]);
                        match inner {
                            Some(inner)
                                if url_scheme(inner).is_some()
                                    && !inner.contains([' ', '<', '\n']) =>
                            {
                                if let Err(problem) = check_url(inner, false) {
                                    problems.push(format!("line {number}: autolink: {problem}"));
                                }
                            }
                            _ => problems.push(format!(
                                "line {number}: raw HTML in markdown: {:?}",
                                rest.chars().take(60).collect::<String>()
                            )),
                        }
                    }
                    i += 1;
                }
                ']' if chars.get(i + 1) == Some(&'(') => {
                    let destination: String = chars[i + 2..]
                        .iter()
                        .take_while(|&&c| c != ')' && !c.is_whitespace())
                        .collect();
                    if let Err(problem) = check_url(&destination, true) {
                        problems.push(format!("line {number}: link destination: {problem}"));
                    }
                    // Not skipped: a destination may hide raw HTML that a renderer sees.
                    i += 2;
                }
                _ => i += 1,
            }
        }
    }
    problems
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn page(head: &str, vector: &str) -> String {
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Ferry timetable row reaches the harbour committee</title>{head}</head>\
         <body><article><h1>Ferry timetable row reaches the harbour committee</h1>\n\
         <p>{BEFORE}</p>\n<p>{VECTOR_BEFORE} {vector} {VECTOR_AFTER}</p>\n"
    );
    for paragraph in AFTER {
        html.push_str(&format!("<p>{paragraph}</p>\n"));
    }
    html.push_str("</article></body></html>");
    html
}

fn check_article(article: &Article, with_markdown: bool) -> Vec<String> {
    let mut problems = html_problems(&article.content);
    let text = collapse(&article.text_content);
    for phrase in [BEFORE, VECTOR_BEFORE, VECTOR_AFTER].iter().chain(AFTER) {
        let phrase = collapse(phrase);
        if !text.contains(&phrase) {
            problems.push(format!("article text lost {phrase:?}"));
        }
    }
    if with_markdown {
        match &article.markdown {
            Some(markdown) => problems.extend(markdown_problems(markdown)),
            None => problems.push("markdown was requested but is None".to_owned()),
        }
    }
    if let Some(image) = &article.lead_image {
        let cleaned = browser_clean(image).to_ascii_lowercase();
        if !(cleaned.starts_with("http:")
            || cleaned.starts_with("https:")
            || cleaned.starts_with("data:image/"))
        {
            problems.push(format!("leadImage {image:?} is not http(s)"));
        }
    }
    problems
}

/// Runs one vector (in the body, or in the head when `head` is true) under three option sets.
fn check_vector(name: &str, vector: &str, head: bool) {
    let html = if head {
        page(vector, "")
    } else {
        page("", vector)
    };
    let option_sets = [
        (
            "with url",
            Options {
                url: Some(PAGE_URL.to_owned()),
                ..Options::default()
            },
        ),
        ("without url", Options::default()),
        (
            "with url, keep_classes, markdown",
            Options {
                url: Some(PAGE_URL.to_owned()),
                keep_classes: true,
                output_markdown: true,
                ..Options::default()
            },
        ),
    ];
    let mut report = Vec::new();
    for (label, options) in option_sets {
        match clean(&html, &options) {
            Ok(article) => {
                let problems = check_article(&article, options.output_markdown);
                if !problems.is_empty() {
                    report.push(format!(
                        "[{label}] {}\n    content: {}{}",
                        problems.join("\n    "),
                        article.content,
                        article
                            .markdown
                            .as_deref()
                            .map(|md| format!("\n    markdown: {md}"))
                            .unwrap_or_default()
                    ));
                }
            }
            Err(error) => report.push(format!("[{label}] expected an article, got {error}")),
        }
    }
    assert!(
        report.is_empty(),
        "vector {name}: {vector}\n{}",
        report.join("\n")
    );
}

macro_rules! vectors {
    ($($name:ident: $vector:expr,)*) => {
        $(
            #[test]
            fn $name() {
                check_vector(stringify!($name), $vector, false);
            }
        )*
    };
}

macro_rules! head_vectors {
    ($($name:ident: $vector:expr,)*) => {
        $(
            #[test]
            fn $name() {
                check_vector(stringify!($name), $vector, true);
            }
        )*
    };
}

vectors! {
    script_tag: "<script>alert(1)</script>",
    script_tag_upper_case_with_src: "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    script_tag_odd_spelling: "<script/xss src=\"//evil.example/x.js\"></script ><scr<script>ipt>alert(1)</script>",
    script_in_inline_markup: "<b>bold<script>alert(1)</script></b> <i><script type=\"module\">import('//evil.example')</script>italic</i>",
    img_onerror: "<img src=x onerror=alert(1)>",
    event_handlers_mixed_case: "<img src=\"/a.jpg\" ONERROR=\"alert(1)\" onLoad=alert(2) OnMouseOver='alert(3)'>",
    event_handler_slash_separated: "<img/src=\"/a.jpg\"/onerror=alert(1)> <b/onclick=alert(2)>bold</b>",
    event_handler_newline_before_equals: "<b onmouseover\n=alert(1)>bold</b> <i\tonclick\t=\talert(2)>italic</i>",
    event_handler_on_paragraph_and_link: "<a href=\"#\" onclick=\"alert(1)\" onfocus=alert(2) autofocus>a link</a> <span onpointerenter=alert(3)>span</span>",
    javascript_href: "<a href=\"javascript:alert(1)\">a link</a>",
    javascript_href_case_mixed: "<a href=\"JaVaScRiPt:alert(1)\">one</a> <a href=\" \tJAVASCRIPT:alert(2)\">two</a>",
    javascript_href_numeric_entities: "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">one</a> <a href=\"&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(2)\">two</a> <a href=\"&#0000106;avascript:alert(3)\">three</a>",
    javascript_href_named_entities: "<a href=\"javascript&colon;alert(1)\">one</a> <a href=\"java&Tab;script:alert(2)\">two</a> <a href=\"java&NewLine;script:alert(3)\">three</a>",
    javascript_href_tab_and_newline_split: "<a href=\"java\tscript:alert(1)\">one</a> <a href=\"java&#x09;script:alert(2)\">two</a> <a href=\"jav&#x0A;ascript:alert(3)\">three</a> <a href=\"java&#13;script:alert(4)\">four</a>",
    javascript_href_leading_controls: "<a href=\"&#14; javascript:alert(1)\">one</a> <a href=\"\u{1}javascript:alert(2)\">two</a> <a href=\"&#x20;&#x0;javascript:alert(3)\">three</a>",
    vbscript_and_livescript: "<a href=\"vbscript:msgbox(1)\">one</a> <a href=\"VBSCRIPT&#58;msgbox(2)\">two</a> <a href=\"livescript:alert(3)\">three</a>",
    data_text_html_urls: "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">one</a> <a href=\"DATA:text/html,&lt;script&gt;alert(2)&lt;/script&gt;\">two</a> <img src=\"data:text/html,<script>alert(3)</script>\" alt=\"three\">",
    data_svg_image: "<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+\" alt=\"an svg\"> <a href=\"data:image/png;base64,AAAA\">png link</a>",
    img_src_and_srcset_schemes: "<img src=\"javascript:alert(1)\" alt=\"one\"> <img src=\"/ok.jpg\" srcset=\"javascript:alert(2) 1x, /ok-2x.jpg 2x, vbscript:x 3x\" alt=\"two\"> <img srcset=\" java&#x09;script:alert(3) 800w\" alt=\"three\">",
    lazy_image_sources: "<img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-src=\"javascript:alert(1)\" data-srcset=\"javascript:alert(2) 2x\" alt=\"lazy\"> <img class=\"lazyload\" data-original=\"vbscript:x\" alt=\"lazy two\">",
    poster_action_formaction: "<video poster=\"javascript:alert(1)\" src=\"javascript:alert(2)\"></video> <form action=\"javascript:alert(3)\"><button formaction=\"javascript:alert(4)\">go</button><input type=\"image\" src=\"javascript:alert(5)\"></form>",
    svg_xlink_href: "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">click</text></a><use href=\"data:image/svg+xml,&lt;svg id='x' xmlns='http://www.w3.org/2000/svg'&gt;&lt;/svg&gt;#x\"/></svg>",
    svg_onload_and_animate: "<svg onload=alert(1)><animate onbegin=alert(2) attributeName=x dur=1s></animate><set attributeName=\"href\" to=\"javascript:alert(3)\"/></svg> <SvG/OnLoAd=alert(4)></svg>",
    math_href: "<math href=\"javascript:alert(1)\"><mi xlink:href=\"javascript:alert(2)\">x</mi><mo>+</mo><mn href=\"javascript:alert(3)\">1</mn></math>",
    math_mutation: "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math> <math><annotation-xml encoding=\"text/html\"><img src=x onerror=alert(2)></annotation-xml></math>",
    iframe_srcdoc_and_src: "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe> <iframe src=\"javascript:alert(2)\"></iframe> <iframe src=\"javascript:alert(3)//www.youtube.com/embed/x\"></iframe> <iframe src=\"https://www.youtube.com/embed/abc\" onload=\"alert(4)\"></iframe>",
    style_attributes_and_elements: "<span style=\"background:url(javascript:alert(1))\">styled</span> <b style=\"x:expression(alert(2))\">bold</b> <style>@import 'javascript:alert(3)'; body{background:url(javascript:alert(4))}</style>",
    object_embed_applet: "<object data=\"javascript:alert(1)\"><param name=\"src\" value=\"javascript:alert(2)\"></object> <embed src=\"javascript:alert(3)\"> <applet code=\"x\"></applet>",
    noscript_mutation: "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></p></noscript> <noscript><img src=\"javascript:alert(2)\" onerror=\"alert(3)\"></noscript>",
    noscript_image_fallback_attributes: "<noscript><img src=\"/real.jpg\" alt='x\" onerror=\"alert(1)' srcset=\"javascript:alert(2) 2x\" onload=alert(3)></noscript>",
    template_contents: "<template><script>alert(1)</script><img src=x onerror=alert(2)></template>",
    xmp_textarea_title: "<xmp><img src=x onerror=alert(1)></xmp> <textarea><script>alert(2)</script></textarea> <title><img src=x onerror=alert(3)></title>",
    rawtext_end_tag_tricks: "<textarea></textarea ><img src=x onerror=alert(1)></textarea> <style></style ><img src=x onerror=alert(2)>",
    attribute_breakout: "<img src=\"/a.jpg\" alt=\"&quot; onerror=&quot;alert(1)\"> <a href=\"https://ok.example/\" title='\"><script>alert(2)</script>'>link</a> <abbr title=\"a&lt;b&gt;c\">abbr</abbr>",
    escaped_markup_in_text: "&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt; as text",
    blockquote_and_q_cite: "<q cite=\"javascript:alert(1)\">quoted</q> <del cite=\"vbscript:x\" datetime=\"2026-01-01\">deleted</del> <ins cite=\" javascript:alert(2)\">inserted</ins>",
    markdown_link_injection: "<a href=\"https://ok.example/a)[x](javascript:alert(1)\">one</a> <img src=\"https://ok.example/i.png)<img src=x onerror=alert(2)>\" alt=\"two\">",
    markdown_pre_fence_breakout: "</p><pre>code\n```\n&lt;img src=x onerror=alert(1)&gt;\n[x](javascript:alert(2))\n```</pre><p>",
}

head_vectors! {
    meta_refresh: "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\"><meta http-equiv=\"Content-Security-Policy\" content=\"script-src *\">",
    base_href_javascript: "<base href=\"javascript:alert(1)//\">",
    link_and_og_image: "<link rel=\"image_src\" href=\"javascript:alert(1)\"><meta property=\"og:image\" content=\"javascript:alert(2)\"><link rel=\"stylesheet\" href=\"javascript:alert(3)\">",
    script_in_head: "<script>alert(1)</script><noscript><img src=x onerror=alert(2)></noscript><style>*{}</style>",
}

/// With `<base href>`, relative links in the article are resolved against it.
#[test]
fn base_href_resolves_relative_links() {
    let html = page(
        "<base href=\"https://cdn.example.org/base/\">",
        "<a href=\"rel/page.html\">relative</a> <img src=\"img/a.jpg\" alt=\"relative image\">",
    );
    let options = Options {
        url: Some(PAGE_URL.to_owned()),
        ..Options::default()
    };
    let article = clean(&html, &options).expect("article");
    let problems = check_article(&article, false);
    assert!(problems.is_empty(), "{problems:?}");
    assert!(
        article
            .content
            .contains("href=\"https://cdn.example.org/base/rel/page.html\""),
        "{}",
        article.content
    );
}

// ---------------------------------------------------------------------------------------
// The checker itself must catch what it is meant to catch.

#[test]
fn checker_catches_unsafe_output() {
    let unsafe_outputs = [
        "<p>x</p><script>alert(1)</script>",
        "<p onclick=\"alert(1)\">x</p>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<img src=\"data:text/html,x\">",
        "<a href=\"data:image/png,x\">x</a>",
        "<img srcset=\"/a.jpg 1x, vbscript:x 2x\">",
        "<iframe src=\"/x\"></iframe>",
        "<p style=\"x\">x</p>",
        "<p>a < b</p>",
        "<p>unclosed",
        "<p>x</div>",
        "<p>&unknown;</p>",
        "<img src=x>", // irregular: unquoted
    ];
    for output in unsafe_outputs {
        assert!(
            !html_problems(output).is_empty(),
            "{output} passed the checker"
        );
    }
    let safe = "<div><p>a &amp; b &lt; c&nbsp;d</p><img src=\"data:image/png;base64,AA\" \
                srcset=\"/a.jpg 1x, https://x.example/b.jpg 2x\" alt=\"&quot;q&quot;\">\
                <a href=\"mailto:a@b.example\">m</a><a href=\"#f\">f</a><a href=\"rel/x\">r</a>\
                <math display=\"block\"><mi mathvariant=\"bold\">x</mi></math></div>";
    assert_eq!(html_problems(safe), Vec::<String>::new());

    for markdown in [
        "text <img src=x onerror=alert(1)> more",
        "[a](javascript:alert(1))",
        "![a](https://x/a.png)<script>alert(1)</script>",
        "<javascript:alert(1)>",
        "```\ncode\n```\n<b onclick=x>",
    ] {
        assert!(
            !markdown_problems(markdown).is_empty(),
            "{markdown} passed the checker"
        );
    }
    let safe_markdown = "# Title\n\ntext \\<b\\> and `<code>` [a](https://x.example/)\n\n\
                         ```\n<script>in code</script>\n```\n\n<https://x.example/>\n";
    assert_eq!(markdown_problems(safe_markdown), Vec::<String>::new());
}
