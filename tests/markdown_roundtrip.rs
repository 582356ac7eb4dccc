//! The Markdown round-trips: a CommonMark + GFM parser (pulldown-cmark, with footnotes,
//! tables and math) reads our Markdown back to the same words, in the same order, and the
//! same structure (headings by level, list items, quotes, table rows, code blocks with their
//! language and text, footnote references and definitions) as the `content` HTML we wrote,
//! read by an HTML parser (html5ever). Articles are generated from a small grammar with
//! words that are Markdown syntax (`*a*`, `1.`, `#`, `|`, `` ` ``, `&copy;`...).
//!
//! A failure replays with `PROPTEST_RNG_SEED`; proptest prints the smallest body it found.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::rc::Rc;

mod common;

use article_cleaner::{clean, Options};
use common::parse_as_inner_html;
use markup5ever_rcdom::{Handle, NodeData};
use proptest::prelude::*;
use pulldown_cmark::{CodeBlockKind, Event, Options as MdOptions, Parser, Tag, TagEnd};

/// What both sides must agree on.
#[derive(Debug, Default, PartialEq)]
struct Shape {
    words: Vec<String>,
    /// Headings by level, list items, quotes, table rows, footnote references and notes.
    counts: BTreeMap<&'static str, usize>,
    /// Code blocks: language and text (trailing newline trimmed).
    code: Vec<(String, String)>,
}

impl Shape {
    fn words_of(&mut self, text: &str) {
        self.words
            .extend(text.split_whitespace().map(str::to_owned));
    }

    fn count(&mut self, what: &'static str) {
        *self.counts.entry(what).or_insert(0) += 1;
    }
}

fn attr(node: &Handle, name: &str) -> Option<String> {
    match &node.data {
        NodeData::Element { attrs, .. } => attrs
            .borrow()
            .iter()
            .find(|a| &*a.name.local == name)
            .map(|a| a.value.to_string()),
        _ => None,
    }
}

fn text_of(node: &Handle) -> String {
    let mut out = String::new();
    let mut stack = vec![Rc::clone(node)];
    while let Some(node) = stack.pop() {
        if let NodeData::Text { contents } = &node.data {
            out.push_str(&contents.borrow());
        }
        for child in node.children.borrow().iter().rev() {
            stack.push(Rc::clone(child));
        }
    }
    out
}

/// Elements whose start and end separate words.
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "table"
            | "tbody"
            | "thead"
            | "tr"
            | "td"
            | "th"
            | "section"
            | "article"
            | "header"
            | "pre"
            | "figure"
            | "figcaption"
            | "br"
            | "hr"
    )
}

/// The shape of `content`, parsed as `innerHTML` would parse it.
fn html_shape(content: &str) -> Shape {
    let dom = parse_as_inner_html(content);
    let mut shape = Shape::default();
    let mut text = String::new();
    // `None` marks the end of a block: a word boundary.
    let mut stack: Vec<Option<Handle>> = dom
        .document
        .children
        .borrow()
        .iter()
        .rev()
        .cloned()
        .map(Some)
        .collect();
    while let Some(entry) = stack.pop() {
        let Some(node) = entry else {
            text.push(' ');
            continue;
        };
        match &node.data {
            NodeData::Text { contents } => text.push_str(&contents.borrow()),
            NodeData::Element { name, .. } => {
                let tag = &*name.local;
                let role = attr(&node, "role");
                if is_block(tag) {
                    text.push(' ');
                    stack.push(None);
                }
                match tag {
                    "pre" => {
                        let language = node
                            .children
                            .borrow()
                            .iter()
                            .find_map(|c| attr(c, "class"))
                            .and_then(|c| c.strip_prefix("language-").map(str::to_owned))
                            .unwrap_or_default();
                        let code = text_of(&node);
                        shape
                            .code
                            .push((language, code.trim_end_matches('\n').to_owned()));
                        continue;
                    }
                    "a" if role.as_deref() == Some("doc-backlink") => continue,
                    "a" if role.as_deref() == Some("doc-noteref") => {
                        shape.count("footnote reference")
                    }
                    "li" if attr(&node, "id").is_some_and(|id| id.starts_with("fn-")) => {
                        shape.count("footnote")
                    }
                    "li" => shape.count("list item"),
                    "h1" => shape.count("h1"),
                    "h2" => shape.count("h2"),
                    "h3" => shape.count("h3"),
                    "h4" => shape.count("h4"),
                    // An empty quote (its content removed as boilerplate) shows nothing.
                    "blockquote" if !text_of(&node).trim().is_empty() => shape.count("quote"),
                    "tr" => shape.count("table row"),
                    _ => {}
                }
                for child in node.children.borrow().iter().rev() {
                    stack.push(Some(Rc::clone(child)));
                }
            }
            _ => {
                for child in node.children.borrow().iter().rev() {
                    stack.push(Some(Rc::clone(child)));
                }
            }
        }
    }
    shape.words_of(&text);
    shape
}

/// The shape of our Markdown as pulldown-cmark reads it, the title heading left out.
fn markdown_shape(markdown: &str) -> Shape {
    let options = MdOptions::ENABLE_TABLES
        | MdOptions::ENABLE_FOOTNOTES
        | MdOptions::ENABLE_MATH
        | MdOptions::ENABLE_STRIKETHROUGH;
    let mut shape = Shape::default();
    let mut in_title = false;
    let mut seen_title = false;
    let mut code: Option<(String, String)> = None;
    let mut in_image = 0usize;
    let mut text = String::new();
    for event in Parser::new_ext(markdown, options) {
        match &event {
            Event::Start(tag)
                if !matches!(
                    tag,
                    Tag::Emphasis
                        | Tag::Strong
                        | Tag::Link { .. }
                        | Tag::Image { .. }
                        | Tag::Strikethrough
                ) =>
            {
                text.push(' ')
            }
            Event::End(tag)
                if !matches!(
                    tag,
                    TagEnd::Emphasis
                        | TagEnd::Strong
                        | TagEnd::Link
                        | TagEnd::Image
                        | TagEnd::Strikethrough
                ) =>
            {
                text.push(' ')
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                if !seen_title {
                    seen_title = true;
                    in_title = true;
                } else {
                    shape.count(match level as usize {
                        1 => "h1",
                        2 => "h2",
                        3 => "h3",
                        _ => "h4",
                    });
                }
            }
            Event::End(TagEnd::Heading(_)) => in_title = false,
            Event::Start(Tag::Item) => shape.count("list item"),
            Event::Start(Tag::BlockQuote(_)) => shape.count("quote"),
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => shape.count("table row"),
            Event::Start(Tag::FootnoteDefinition(_)) => shape.count("footnote"),
            Event::FootnoteReference(label) => {
                shape.count("footnote reference");
                text.push_str(&label);
            }
            Event::Start(Tag::Image { .. }) => in_image += 1,
            Event::End(TagEnd::Image) => in_image -= 1,
            Event::Start(Tag::CodeBlock(kind)) => {
                let language = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                code = Some((language, String::new()));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((language, code_text)) = code.take() {
                    shape
                        .code
                        .push((language, code_text.trim_end_matches('\n').to_owned()));
                }
            }
            Event::Text(fragment) | Event::Code(fragment) => {
                if let Some((_, code_text)) = code.as_mut() {
                    code_text.push_str(&fragment);
                } else if !in_title && in_image == 0 {
                    text.push_str(&fragment);
                }
            }
            _ => {}
        }
    }
    shape.words_of(&text);
    shape
}

const FILLER: &str = "The harbour board voted on Wednesday evening to run a six-month trial of \
    night ferries between the mainland and the two northern islands, ending a campaign by shift \
    workers, hospital staff and publicans that has lasted for almost a decade.";

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "ferry",
        "harbour",
        "night",
        "island",
        "*a*",
        "x_y_",
        "<b>",
        "[1]",
        "](x)",
        "#tag",
        "pipe|bar",
        "back`tick",
        "&copy;",
        "&#60;",
        "1.",
        "2)",
        "-",
        "+",
        "=",
        "~~",
        "!",
        "\\",
        "> q",
        "2026.",
        "__init__",
        "a*b*c",
    ])
    .prop_map(str::to_owned)
}

fn words(range: std::ops::Range<usize>) -> impl Strategy<Value = String> {
    prop::collection::vec(word(), range).prop_map(|w| escape(&w.join(" ")))
}

fn inline() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => words(1..4),
            1 => words(1..3).prop_map(|w| format!("<em>{w}</em>")),
            1 => words(1..3).prop_map(|w| format!("<strong>{w}</strong>")),
            1 => words(1..3).prop_map(|w| format!("<code>{w}</code>")),
            1 => words(1..3).prop_map(|w| format!("<a href=\"/page\">{w}</a>")),
        ],
        1..6,
    )
    .prop_map(|parts| parts.join(" "))
}

fn block() -> impl Strategy<Value = String> {
    let item = prop_oneof![
        inline(),
        (inline(), inline()).prop_map(|(a, b)| format!("<p>{a}</p><p>{b}</p>")),
        (inline(), prop::collection::vec(inline(), 1..3)).prop_map(|(a, items)| {
            let nested: String = items.iter().map(|i| format!("<li>{i}</li>")).collect();
            format!("{a}<ul>{nested}</ul>")
        }),
    ];
    prop_oneof![
        3 => inline().prop_map(|i| format!("<p>{i}</p>")),
        1 => words(1..4).prop_map(|w| format!("<h2>{w}</h2>")),
        1 => words(1..4).prop_map(|w| format!("<h3>{w}</h3>")),
        1 => (any::<bool>(), prop::collection::vec(item, 1..4)).prop_map(|(ordered, items)| {
            let tag = if ordered { "ol" } else { "ul" };
            let items: String = items.iter().map(|i| format!("<li>{i}</li>")).collect();
            format!("<{tag}>{items}</{tag}>")
        }),
        1 => prop::collection::vec(inline(), 1..3).prop_map(|ps| {
            let ps: String = ps.iter().map(|p| format!("<p>{p}</p>")).collect();
            format!("<blockquote>{ps}</blockquote>")
        }),
        1 => (prop::sample::select(vec!["python", "rust", ""]), prop::collection::vec(words(1..5), 1..4))
            .prop_map(|(language, lines)| {
                let class = if language.is_empty() { String::new() } else { format!(" class=\"language-{language}\"") };
                format!("<pre><code{class}>{}\n</code></pre>", lines.join("\n"))
            }),
        1 => prop::collection::vec((inline(), inline()), 2..4).prop_map(|rows| {
            let rows: String = rows.iter().map(|(a, b)| format!("<tr><td>{a}</td><td>{b}</td></tr>")).collect();
            format!("<table>{rows}</table>")
        }),
    ]
}

fn article() -> impl Strategy<Value = (String, usize)> {
    (prop::collection::vec(block(), 1..7), 0usize..3, words(2..5)).prop_map(|(blocks, notes, note_text)| {
        let references: String = (1..=notes)
            .map(|n| format!("<sup><a href=\"#n{n}\" id=\"r{n}\">{n}</a></sup> and"))
            .collect();
        let list: String = (1..=notes)
            .map(|n| format!("<li id=\"n{n}\">{note_text} number {n} <a href=\"#r{n}\">↩</a></li>"))
            .collect();
        let notes_html = if notes > 0 { format!("<section class=\"footnotes\"><ol>{list}</ol></section>") } else { String::new() };
        let html = format!(
            "<html><head><title>Round trip</title></head><body><article><p>{FILLER}</p>\
             <p>{FILLER} {references} more.</p>{}<p>{FILLER}</p>{notes_html}</article></body></html>",
            blocks.join("\n")
        );
        (html, notes)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn markdown_reads_back_to_the_same_words_and_structure((html, notes) in article()) {
        let options = Options { output_markdown: true, ..Options::default() };
        let article = clean(&html, &options).expect("an article");
        let markdown = article.markdown.as_deref().unwrap_or_default();
        let expected = html_shape(&article.content);
        let actual = markdown_shape(markdown);
        prop_assert_eq!(expected.counts.get("footnote").copied().unwrap_or(0), notes);
        prop_assert_eq!(&actual.code, &expected.code, "code blocks\n{}", markdown);
        prop_assert_eq!(&actual.counts, &expected.counts, "structure\n{}\n{}", markdown, article.content);
        prop_assert_eq!(&actual.words, &expected.words, "words\n{}\n{}", markdown, article.content);
    }
}
