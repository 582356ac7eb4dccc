//! Structure-aware: documents built from a small HTML vocabulary (tags, hostile attributes,
//! entities, comments, CDATA, JSON-LD, raw-text elements), rendered to a string and
//! cleaned with `output_markdown`.
//!
//! Checks, on every `Ok` article:
//! - `content` is what our serialiser writes: every `<` opens a tag `<name attr="value">`
//!   or `</name>` (text and values are escaped), and the scanner below parses all of it;
//! - no dangerous element (`script`, `style`, `iframe`, `svg`, `form`...) is written, no
//!   attribute named `on*`, `style`, `srcdoc`...; URL attributes (`href`, `src`, `srcset`,
//!   `cite`) carry no `javascript:`/`vbscript:` scheme (as a browser reads it: control
//!   characters and tabs/newlines stripped) and `data:` only as `data:image/` on images;
//!   `class` only with `keep_classes`;
//! - Markdown link destinations carry no `javascript:`/`vbscript:` scheme;
//! - `text_content` is not empty;
//! - cleaning `content` again (wrapped in `<html><body><article>`, `char_threshold` 0)
//!   does not panic;
//! - `Cleaner` fed the document's bytes in two chunks gives the same result as `clean`.
#![no_main]

use arbitrary::Arbitrary;
use article_cleaner::{clean, is_probably_readerable, Article, Cleaner, Error, Options};
use libfuzzer_sys::fuzz_target;

const PAGE_URL: &str = "https://www.example.org/news/2026/11/story.html";

#[derive(Arbitrary, Debug)]
struct Input {
    /// Bit 0 keep_classes, bit 1 text_captions, bit 2 url, bits 3-4 char_threshold
    /// (default 500, 100, 20, 0).
    flags: u8,
    /// Where the bytes are split for the two-chunk `Cleaner` run (modulo length + 1).
    split: u16,
    tokens: Vec<Token>,
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Name {
    Html,
    Head,
    Body,
    Title,
    Meta,
    Base,
    Link,
    P,
    Div,
    Article,
    Main,
    Section,
    Nav,
    Header,
    Footer,
    Aside,
    H1,
    H2,
    H3,
    Ul,
    Ol,
    Li,
    Table,
    Tr,
    Td,
    Th,
    Tbody,
    Pre,
    Code,
    Blockquote,
    Figure,
    Figcaption,
    Picture,
    Source,
    Img,
    A,
    Br,
    Span,
    B,
    I,
    Time,
    Script,
    Style,
    Noscript,
    Template,
    Svg,
    Math,
    Mi,
    Mtext,
    AnnotationXml,
    Iframe,
    Object,
    Form,
    Input,
    Button,
    Textarea,
    Select,
    Option,
    Xmp,
    Plaintext,
    Font,
    Center,
}

impl Name {
    fn as_str(self) -> &'static str {
        use Name::*;
        match self {
            Html => "html",
            Head => "head",
            Body => "body",
            Title => "title",
            Meta => "meta",
            Base => "base",
            Link => "link",
            P => "p",
            Div => "div",
            Article => "article",
            Main => "main",
            Section => "section",
            Nav => "nav",
            Header => "header",
            Footer => "footer",
            Aside => "aside",
            H1 => "h1",
            H2 => "h2",
            H3 => "h3",
            Ul => "ul",
            Ol => "ol",
            Li => "li",
            Table => "table",
            Tr => "tr",
            Td => "td",
            Th => "th",
            Tbody => "tbody",
            Pre => "pre",
            Code => "code",
            Blockquote => "blockquote",
            Figure => "figure",
            Figcaption => "figcaption",
            Picture => "picture",
            Source => "source",
            Img => "img",
            A => "a",
            Br => "br",
            Span => "span",
            B => "b",
            I => "i",
            Time => "time",
            Script => "script",
            Style => "style",
            Noscript => "noscript",
            Template => "template",
            Svg => "svg",
            Math => "math",
            Mi => "mi",
            Mtext => "mtext",
            AnnotationXml => "annotation-xml",
            Iframe => "iframe",
            Object => "object",
            Form => "form",
            Input => "input",
            Button => "button",
            Textarea => "textarea",
            Select => "select",
            Option => "option",
            Xmp => "xmp",
            Plaintext => "plaintext",
            Font => "FONT",
            Center => "CeNtEr",
        }
    }
}

#[derive(Arbitrary, Debug, Clone, Copy)]
enum Quote {
    Double,
    Single,
    Bare,
}

#[derive(Arbitrary, Debug)]
enum Attribute {
    /// Bits pick words from `CLASS_WORDS`.
    Class(u16, Quote),
    Id(u8, Quote),
    Href(u8, Quote),
    Src(u8, Quote),
    DataSrc(u8),
    Srcset(u8, u8),
    Style(u8),
    Hidden,
    AriaHidden,
    OnError,
    OnClick(Quote),
    Lang(u8),
    Dir(u8),
    Alt(u8),
    TitleAttr(u8),
    Width(u8),
    Colspan(u8),
    ScriptType(u8),
    MetaProperty(u8),
    MetaContent(u8),
    Charset(u8),
    Datetime,
    Encoding,
    /// `srcdoc`, `formaction`, `xlink:href`, `background`, `action`.
    Dangerous(u8),
    /// `<p/x=y>` style slash noise and duplicate attributes.
    Noise(u8),
}

const CLASS_WORDS: &[&str] = &[
    "article",
    "content",
    "post-body",
    "comment",
    "share",
    "nav",
    "footer",
    "hidden",
    "entry-content",
    "sidebar",
    "related",
    "byline",
    "author",
    "caption",
    "ad",
    "sponsored",
];

const IDS: &[&str] = &[
    "main", "content", "article", "comments", "footer", "story", "x\"y", "a b",
];

const URLS: &[&str] = &[
    "https://example.com/a/b.html",
    "/relative/path?x=1&y=2",
    "../up/one.html",
    "//cdn.example.net/img/photo.jpg",
    "photo.png",
    "#section-2",
    "?q=fuzz",
    "",
    "mailto:editor@example.com",
    "javascript:alert(1)",
    " JaVaScRiPt:alert(document.cookie)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "jav&#x09;ascript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;&#x61;vascript:alert(1)",
    "javascript&colon;alert(1)",
    "\u{1}javascript:alert(1)",
    "\u{0}javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:image/png;base64,iVBORw0KGgoAAAANSUhEUg==",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "ftp://files.example.com/a.txt",
    "file:///etc/passwd",
    "https://example.com/x\" onmouseover=\"alert(1)",
    "https://example.com/a b c",
    "  https://example.com/spaced  ",
    "https://example.com/<script>",
    "HTTPS://EXAMPLE.COM/UPPER",
    "http://[::1]:80/x",
    "java\u{0}script:alert(1)",
    "java&#0;script:alert(1)",
    "javascript\u{0}:alert(1)",
    "j\u{AD}avascript:alert(1)",
    "javascript\u{3000}:alert(1)",
    "\u{FEFF}javascript:alert(1)",
    "javas&Tab;cript:alert(1)",
    "javas&NewLine;cript:alert(1)",
];

const SRCSETS: &[&str] = &[
    "a.jpg 1x, b.jpg 2x",
    "https://example.com/s.jpg 480w, https://example.com/l.jpg 1080w",
    "javascript:alert(1) 1x, ok.jpg 2x",
    "data:image/png;base64,AAAA 1x",
    ",,, ,",
    "x.jpg",
];

const STYLES: &[&str] = &[
    "display:none",
    "visibility:hidden",
    "display: none !important",
    "color:red",
    "background:url(javascript:alert(1))",
    "width:expression(alert(1))",
];

const LANGS: &[&str] = &[
    "en",
    "fr-CA",
    "ar",
    "he",
    "ja",
    "zh-Hant",
    "\"><script>",
    "",
];
const DIRS: &[&str] = &["ltr", "rtl", "auto", "RTL", "sideways", ""];
const ALTS: &[&str] = &[
    "A photo of the harbour, at dawn",
    "\"><img src=x onerror=alert(1)>",
    "&amp; &lt;b&gt;",
    "",
];
const NUMBERS: &[&str] = &["640", "2", " 3 ", "-1", "99999999999", "1e3", "abc"];
const SCRIPT_TYPES: &[&str] = &[
    "application/ld+json",
    "text/javascript",
    "module",
    "text/template",
    "application/json",
];
const META_PROPERTIES: &[&str] = &[
    "og:title",
    "og:description",
    "og:image",
    "og:site_name",
    "article:published_time",
    "author",
    "description",
    "twitter:title",
    "dc.creator",
];
const META_CONTENTS: &[&str] = &[
    "A headline from the metadata",
    "Jane Q. Reporter",
    "javascript:alert(1)",
    "https://example.com/lead.jpg",
    "2026-11-28T10:00:00Z",
    "/relative-lead.png",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
];
const CHARSETS: &[&str] = &["utf-8", "windows-1252", "shift_jis", "utf-16le", "bogus"];
const DANGEROUS: &[&str] = &[
    "srcdoc=\"<script>alert(1)</script>\"",
    "formaction=\"javascript:alert(1)\"",
    "xlink:href=\"javascript:alert(1)\"",
    "background=\"javascript:alert(1)\"",
    "action=\"javascript:alert(1)\"",
    "ONLOAD=\"alert(1)\"",
    "onmouseover=alert(1)",
    "style=\"x:expression(alert(1))\"",
];
const NOISE: &[&str] = &[
    "/", "/x=y", "=\"\"", "a=b=c", "\"", "'", "<", "class", "id id",
];

#[derive(Arbitrary, Debug)]
enum Token {
    Start {
        name: Name,
        attributes: Vec<Attribute>,
        self_closing: bool,
    },
    End(Name),
    Text(u8),
    /// A whole `<p>` of one long sentence, to make documents readerable.
    Paragraph(u8),
    Comment(u8),
    Cdata,
    Doctype(u8),
    JsonLd(u8),
    /// A few characters of arbitrary text (bounded).
    Chars(SmallString),
}

#[derive(Debug)]
struct SmallString(String);

impl<'a> Arbitrary<'a> for SmallString {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        let len = u.int_in_range(0..=12)?;
        let mut s = String::new();
        for _ in 0..len {
            s.push(char::arbitrary(u)?);
        }
        Ok(SmallString(s))
    }
}

const TEXTS: &[&str] = &[
    "The council met on Tuesday, and after a long debate, it voted to rebuild the old bridge, which had been closed since the spring floods.",
    "Residents said they were relieved, though some, like the baker on Mill Street, worried about the cost, the noise, and the detours.",
    "Caf&eacute; owners &amp; shopkeepers welcomed the news, saying it&#x27;s been a hard year&nbsp;for everyone.",
    "Short text.",
    "By Jane Q. Reporter",
    "Share on Facebook",
    "Advertisement",
    "Related stories",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#0; &#xD800; &#x110000; &unknown; &amp &lt",
    "مرحبا بالعالم، هذه فقرة طويلة بما يكفي، مع فواصل، لتكون مقالة.",
    "日本語の文章です。長い文章、読点、そして句点。",
    "emoji \u{1F600} and combining e\u{301}",
    "line one\nline two\r\n\tindented",
    "<",
    "&",
    "a < b && c > d",
    "javascript:alert(1) is just text here",
    "    ",
    "1,2,3,4,5,6,7,8,9,10, lots of commas, in a row, to score well",
];

const COMMENTS: &[&str] = &[
    "<!-- a comment -->",
    "<!-- <p>hidden paragraph, with commas, inside a comment</p> -->",
    "<!--->",
    "<!-- unterminated",
    "<!--[if IE]><p>conditional</p><![endif]-->",
    "<? processing instruction ?>",
    "</ not a tag>",
];

const DOCTYPES: &[&str] = &[
    "<!DOCTYPE html>",
    "<!doctype html public \"-//W3C//DTD HTML 4.01//EN\">",
    "<!DOCTYPE>",
];

const JSON_LD: &[&str] = &[
    r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"JSON-LD headline","author":{"@type":"Person","name":"Ada Byline"},"datePublished":"2026-11-28","articleBody":"The council met on Tuesday, and after a long debate, it voted."}"#,
    r#"[{"@type":"Article","name":"x","author":[{"name":"A"},{"name":"B"}],"publisher":{"name":"The Daily Fuzz"}}]"#,
    r#"{"@graph":[{"@type":"WebPage"},{"@type":"BlogPosting","headline":"</script><script>alert(1)</script>"}]}"#,
    r#"{"@type":"Article","headline":"unterminated"#,
    r#"{"@type":["Article","NewsArticle"],"image":{"url":"javascript:alert(1)"},"author":"\u0041\ud800"}"#,
];

fn pick<'a>(list: &[&'a str], index: u8) -> &'a str {
    list[usize::from(index) % list.len()]
}

fn quoted(out: &mut String, name: &str, value: &str, quote: Quote) {
    out.push(' ');
    out.push_str(name);
    out.push('=');
    match quote {
        Quote::Double => {
            out.push('"');
            out.push_str(&value.replace('"', "&quot;"));
            out.push('"');
        }
        Quote::Single => {
            out.push('\'');
            out.push_str(&value.replace('\'', "&#39;"));
            out.push('\'');
        }
        Quote::Bare => out.push_str(value),
    }
}

fn render_attribute(out: &mut String, attribute: &Attribute) {
    use Attribute::*;
    match *attribute {
        Class(bits, quote) => {
            let words: Vec<&str> = CLASS_WORDS
                .iter()
                .enumerate()
                .filter(|(i, _)| bits & (1 << i) != 0)
                .map(|(_, w)| *w)
                .collect();
            quoted(out, "class", &words.join(" "), quote);
        }
        Id(i, quote) => quoted(out, "id", pick(IDS, i), quote),
        Href(i, quote) => quoted(out, "href", pick(URLS, i), quote),
        Src(i, quote) => quoted(out, "src", pick(URLS, i), quote),
        DataSrc(i) => quoted(out, "data-src", pick(URLS, i), Quote::Double),
        Srcset(i, j) => {
            let value = if j % 2 == 0 {
                pick(SRCSETS, i).to_owned()
            } else {
                format!("{} 1x, {} 2x", pick(URLS, i), pick(URLS, j / 2))
            };
            quoted(out, "srcset", &value, Quote::Double);
        }
        Style(i) => quoted(out, "style", pick(STYLES, i), Quote::Double),
        Hidden => out.push_str(" hidden"),
        AriaHidden => out.push_str(" aria-hidden=\"true\""),
        OnError => out.push_str(" onerror=\"alert(1)\""),
        OnClick(quote) => quoted(out, "onclick", "alert('x')", quote),
        Lang(i) => quoted(out, "lang", pick(LANGS, i), Quote::Double),
        Dir(i) => quoted(out, "dir", pick(DIRS, i), Quote::Double),
        Alt(i) => quoted(out, "alt", pick(ALTS, i), Quote::Double),
        TitleAttr(i) => quoted(out, "title", pick(ALTS, i), Quote::Double),
        Width(i) => quoted(out, "width", pick(NUMBERS, i), Quote::Double),
        Colspan(i) => quoted(out, "colspan", pick(NUMBERS, i), Quote::Double),
        ScriptType(i) => quoted(out, "type", pick(SCRIPT_TYPES, i), Quote::Double),
        MetaProperty(i) => {
            let name = if i & 0x80 != 0 { "name" } else { "property" };
            quoted(out, name, pick(META_PROPERTIES, i & 0x7F), Quote::Double);
        }
        MetaContent(i) => quoted(out, "content", pick(META_CONTENTS, i), Quote::Double),
        Charset(i) => quoted(out, "charset", pick(CHARSETS, i), Quote::Double),
        Datetime => out.push_str(" datetime=\"2026-11-28T09:30:00+01:00\""),
        Encoding => out.push_str(" encoding=\"text/html\""),
        Dangerous(i) => {
            out.push(' ');
            out.push_str(pick(DANGEROUS, i));
        }
        Noise(i) => {
            out.push(' ');
            out.push_str(pick(NOISE, i));
        }
    }
}

fn render(tokens: &[Token]) -> String {
    let mut out = String::new();
    for token in tokens {
        match token {
            Token::Start {
                name,
                attributes,
                self_closing,
            } => {
                out.push('<');
                out.push_str(name.as_str());
                for attribute in attributes {
                    render_attribute(&mut out, attribute);
                }
                out.push_str(if *self_closing { "/>" } else { ">" });
            }
            Token::End(name) => {
                out.push_str("</");
                out.push_str(name.as_str());
                out.push('>');
            }
            Token::Text(i) => out.push_str(pick(TEXTS, *i)),
            Token::Paragraph(i) => {
                out.push_str("<p>");
                out.push_str(pick(&TEXTS[..3], *i));
                out.push_str("</p>\n");
            }
            Token::Comment(i) => out.push_str(pick(COMMENTS, *i)),
            Token::Cdata => out.push_str("<![CDATA[ x < y, <p>not a paragraph</p> ]]>"),
            Token::Doctype(i) => out.push_str(pick(DOCTYPES, *i)),
            Token::JsonLd(i) => {
                out.push_str("<script type=\"application/ld+json\">");
                out.push_str(pick(JSON_LD, *i));
                out.push_str("</script>");
            }
            Token::Chars(s) => out.push_str(&s.0),
        }
    }
    out
}

// ---- checks on the output -------------------------------------------------------------

const FORBIDDEN_ELEMENTS: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "option",
    "svg",
    "base",
    "meta",
    "link",
    "template",
    "noscript",
    "xmp",
    "plaintext",
    "title",
    "annotation-xml",
    "html",
    "head",
    "body",
    "noembed",
    "noframes",
    "foreignobject",
    "portal",
];

const FORBIDDEN_ATTRIBUTES: &[&str] = &[
    "style",
    "srcdoc",
    "formaction",
    "action",
    "xlink:href",
    "background",
    "poster",
    "xmlns",
];

/// Reverses our serialiser's escapes (`&amp;` `&quot;` `&lt;` `&gt;`), as a browser would
/// read the attribute value. Any other `&` sequence stays literal: the serialiser escapes
/// every `&`, so a browser sees `&amp;#106;` as the text `&#106;`.
fn unescape_attribute(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The scheme a browser would see: leading/trailing C0 controls and spaces trimmed,
/// tabs and newlines removed anywhere.
fn browser_scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let candidate = &cleaned[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic()
        || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        return None;
    }
    Some(candidate.to_ascii_lowercase())
}

fn check_url(tag: &str, attribute: &str, url: &str, content: &str) {
    let scheme = browser_scheme(url);
    match scheme.as_deref() {
        Some("javascript" | "vbscript") => {
            panic!("unsafe URL in <{tag} {attribute}>: {url:?}\ncontent: {content}")
        }
        Some("data") => {
            let image = tag == "img" && matches!(attribute, "src" | "srcset");
            let lower = url.trim_matches(|c: char| c <= ' ').to_ascii_lowercase();
            if !image || !lower.starts_with("data:image/") || lower.starts_with("data:image/svg") {
                panic!("data: URL in <{tag} {attribute}>: {url:?}\ncontent: {content}");
            }
        }
        _ => {}
    }
}

/// Scans `content` as our serialiser writes it and checks every tag and attribute.
fn check_content(content: &str, keep_classes: bool) {
    if content.contains("<script") || content.to_ascii_lowercase().contains("<script") {
        panic!("<script in content: {content}");
    }
    let bytes = content.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => panic!("unescaped '>' in text at byte {i}\ncontent: {content}"),
            b'<' => {
                let end = match content[i..].find('>') {
                    Some(end) => i + end,
                    None => panic!("unterminated tag at byte {i}\ncontent: {content}"),
                };
                check_tag(&content[i + 1..end], keep_classes, content);
                i = end + 1;
            }
            _ => i += 1,
        }
    }
}

fn check_tag(tag: &str, keep_classes: bool, content: &str) {
    if let Some(name) = tag.strip_prefix('/') {
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
            panic!("malformed end tag </{tag}>\ncontent: {content}");
        }
        return;
    }
    let name_end = tag.find(' ').unwrap_or(tag.len());
    let name = &tag[..name_end];
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        panic!("malformed start tag <{tag}>\ncontent: {content}");
    }
    if FORBIDDEN_ELEMENTS.contains(&name.to_ascii_lowercase().as_str()) {
        panic!("forbidden element <{name}> in content: {content}");
    }
    // Attributes: ` name="value"` repeated; values never contain `"` (escaped).
    let mut rest = &tag[name_end..];
    while !rest.is_empty() {
        let Some(after_space) = rest.strip_prefix(' ') else {
            panic!("malformed attributes in <{tag}>\ncontent: {content}");
        };
        let Some(eq) = after_space.find("=\"") else {
            panic!("attribute without a quoted value in <{tag}>\ncontent: {content}");
        };
        let attribute = &after_space[..eq];
        let value_start = eq + 2;
        let Some(value_len) = after_space[value_start..].find('"') else {
            panic!("unterminated attribute value in <{tag}>\ncontent: {content}");
        };
        let raw_value = &after_space[value_start..value_start + value_len];
        rest = &after_space[value_start + value_len + 1..];

        if attribute.is_empty()
            || !attribute
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b':')
        {
            panic!("malformed attribute name {attribute:?} in <{tag}>\ncontent: {content}");
        }
        let lower = attribute.to_ascii_lowercase();
        if lower.starts_with("on") {
            panic!("event handler attribute {attribute:?} in <{tag}>\ncontent: {content}");
        }
        if FORBIDDEN_ATTRIBUTES.contains(&lower.as_str()) {
            panic!("forbidden attribute {attribute:?} in <{tag}>\ncontent: {content}");
        }
        if lower == "class" && !keep_classes {
            panic!("class attribute without keep_classes in <{tag}>\ncontent: {content}");
        }
        let value = unescape_attribute(raw_value);
        match lower.as_str() {
            "href" | "src" | "cite" => check_url(name, &lower, &value, content),
            "srcset" => {
                for candidate in value.split(',') {
                    let url = candidate
                        .trim()
                        .split(char::is_whitespace)
                        .next()
                        .unwrap_or("");
                    check_url(name, &lower, url, content);
                }
            }
            _ => {}
        }
    }
}

/// Markdown link and image destinations: `](dest)` where the `]` is not escaped. Text
/// escapes `[` and `]` (except inside code spans, which our vocabulary never fills with
/// `](`), so an unescaped `](` opens a destination.
fn check_markdown(markdown: &str) {
    let bytes = markdown.as_bytes();
    let mut from = 0;
    while let Some(pos) = markdown[from..].find("](") {
        let at = from + pos;
        from = at + 2;
        // `\]` is an escaped bracket, `\\]` an escaped backslash before a real one.
        let backslashes = bytes[..at]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        if backslashes % 2 == 1 {
            continue;
        }
        // CommonMark allows spaces (and one line break) before the destination, and
        // `<...>` around it.
        let after = markdown[from..].trim_start_matches([' ', '\t', '\n']);
        let after = after.strip_prefix('<').unwrap_or(after);
        let dest_end = after.find([')', ' ', '>', '\n']).unwrap_or(after.len());
        let dest = &after[..dest_end];
        if let Some(scheme) = browser_scheme(dest) {
            if matches!(scheme.as_str(), "javascript" | "vbscript") {
                panic!("unsafe Markdown destination {dest:?}\nmarkdown: {markdown}");
            }
        }
    }
}

fn describe(result: &Result<Article, Error>) -> String {
    match result {
        Ok(article) => format!("Ok({article:#?})"),
        Err(error) => format!("Err({:?}: {error})", error.kind()),
    }
}

/// `FUZZ_PRINT=1` prints each input's document and result (for seeds and reproducers).
fn print_enabled() -> bool {
    static PRINT: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *PRINT.get_or_init(|| std::env::var_os("FUZZ_PRINT").is_some())
}

fuzz_target!(|input: Input| {
    let html = render(&input.tokens);
    let flags = input.flags;
    let options = Options {
        output_markdown: true,
        keep_classes: flags & 1 != 0,
        text_captions: flags & 2 != 0,
        url: (flags & 4 != 0).then(|| PAGE_URL.to_owned()),
        char_threshold: [500, 100, 20, 0][usize::from((flags >> 3) & 3)],
        ..Options::default()
    };

    let _ = is_probably_readerable(&html, &options);
    let result = clean(&html, &options);
    if print_enabled() {
        eprintln!(
            "options: {options:?}\nhtml: {html}\nresult: {}",
            describe(&result)
        );
    }

    // Two chunks through the byte path. UTF-8 is the label, so a `<meta charset>` in the
    // soup cannot switch the byte path away from what `clean(&str)` reads.
    let stream_options = Options {
        encoding: Some("utf-8".to_owned()),
        ..options.clone()
    };
    let bytes = html.as_bytes();
    let at = usize::from(input.split) % (bytes.len() + 1);
    let streamed = (|| {
        let mut cleaner = Cleaner::new(stream_options.clone())?;
        cleaner.write(&bytes[..at])?;
        cleaner.write(&bytes[at..])?;
        cleaner.finish()
    })();
    let same = match (&result, &streamed) {
        (Ok(a), Ok(b)) => a == b,
        (Err(a), Err(b)) => a.kind() == b.kind(),
        _ => false,
    };
    // A leading U+FEFF is a BOM to the byte path but text to `clean(&str)`.
    if !same && !html.starts_with('\u{FEFF}') {
        panic!(
            "Cleaner (split at {at}) and clean disagree\nhtml: {html:?}\nclean:   {}\nCleaner: {}",
            describe(&result),
            describe(&streamed)
        );
    }

    let Ok(article) = result else {
        return;
    };
    check_content(&article.content, options.keep_classes);
    if let Some(markdown) = &article.markdown {
        check_markdown(markdown);
    }
    if article.text_content.trim().is_empty() {
        panic!("Ok article with empty text_content\nhtml: {html:?}\n{article:#?}");
    }

    // The output is itself a page the cleaner must take without panicking.
    let again = format!(
        "<html><body><article>{}</article></body></html>",
        article.content
    );
    let _ = clean(
        &again,
        &Options {
            char_threshold: 0,
            ..options.clone()
        },
    );
});
