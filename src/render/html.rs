//! Sanitised HTML, rebuilt by allow-list: only the tags and attributes below are written,
//! URLs only with safe schemes, text and attribute values escaped. Nothing from the input
//! is copied through verbatim, so the result is safe to assign to `innerHTML`.

use super::{walk, Event};
use crate::markup::role;
use crate::tree::{Attr, NodeData, NodeId, Tag, Tree};
use crate::url::{clean_url, is_safe_url, srcset_candidates};

/// How an element is written.
pub enum Emit {
    /// Written with this tag name.
    Tag(&'static str),
    /// Only its children are written.
    Transparent,
    /// Not written at all.
    Dropped,
}

pub fn output_for(tag: Tag) -> Emit {
    use Tag::*;
    match tag {
        A | Abbr | B | Bdi | Bdo | Blockquote | Br | Caption | Cite | Code | Col | Colgroup
        | Dd | Del | Details | Dfn | Div | Dl | Dt | Em | Figcaption | Figure | H1 | H2 | H3
        | H4 | H5 | H6 | Hr | I | Img | Ins | Kbd | Li | Mark | Ol | P | Pre | Q | Rp | Rt
        | Ruby | S | Samp | Section | Small | Span | Strong | Sub | Summary | Sup | Table
        | Tbody | Td | Tfoot | Th | Thead | Time | Tr | U | Ul | Var | Wbr | Article | Header => {
            Emit::Tag(tag.name())
        }
        Main | Hgroup | Address | Center | Search => Emit::Tag("div"),
        Strike => Emit::Tag("s"),
        Tt => Emit::Tag("code"),
        Big => Emit::Tag("span"),
        _ if tag.is_math() => Emit::Tag(tag.name()),
        Iframe => Emit::Tag("a"),
        Font | Unknown | Picture | Label | Data | Output | Legend | Fieldset | Form | Nav
        | Aside | Footer | Menu | Dir | Marquee => Emit::Transparent,
        _ => Emit::Dropped,
    }
}

/// Receives the sanitised article as elements and text, in document order. The HTML string
/// and the browser's DOM (in the wasm module) are built from the same walk, so the same
/// allow-list decides both.
pub trait HtmlSink {
    /// Opens an element. `name` is an allowed tag name; `attributes` are allowed names with
    /// values already vetted (safe URLs, numbers, known keywords) but not escaped. `mathml`
    /// elements belong in the MathML namespace. Every `start_element` is followed by its
    /// `end_element`, void elements included.
    fn start_element(&mut self, name: &'static str, mathml: bool, attributes: &[SafeAttribute]);
    /// Text, not escaped.
    fn text(&mut self, text: &str);
    /// Closes the element opened last; `void` elements (`br`, `img`...) have no end tag.
    fn end_element(&mut self, name: &'static str, void: bool);
}

/// An allowed attribute and its vetted value.
pub type SafeAttribute = (&'static str, String);

/// Writes the article's children as sanitised HTML.
pub fn render(tree: &Tree, root: NodeId, keep_classes: bool) -> String {
    let mut out = HtmlString(String::new());
    render_into(tree, root, keep_classes, &mut out);
    out.0
}

/// Walks the article's children and feeds what the allow-list keeps to `sink`.
pub fn render_into(tree: &Tree, root: NodeId, keep_classes: bool, sink: &mut dyn HtmlSink) {
    let mut attributes: Vec<SafeAttribute> = Vec::new();
    // Open `<math>` elements: namespaces must match what a browser's parser would build.
    let mut math_depth = 0usize;
    walk(tree, root, |event| match event {
        Event::Enter(node) => match &tree.node(node).data {
            NodeData::Text(text) => {
                sink.text(text);
                false
            }
            NodeData::Element(element) => match emit_in_context(element.tag, math_depth) {
                Emit::Dropped => false,
                Emit::Transparent => true,
                Emit::Tag(name) => {
                    attributes.clear();
                    safe_attributes(tree, node, keep_classes, &mut attributes);
                    sink.start_element(name, element.tag.is_math(), &attributes);
                    if element.tag == Tag::Math {
                        math_depth += 1;
                    }
                    if element.tag == Tag::Iframe {
                        // An embed becomes a link to it, its URL as the text.
                        let src = element.attr(Attr::Src).map(clean_url).unwrap_or_default();
                        sink.text(&src);
                    }
                    !element.tag.is_void() && element.tag != Tag::Iframe
                }
            },
        },
        Event::Exit(node) => {
            if let Some(element) = tree.element(node) {
                if element.tag == Tag::Math && math_depth > 0 {
                    math_depth -= 1;
                }
                if let Emit::Tag(name) = emit_in_context(element.tag, math_depth) {
                    sink.end_element(name, element.tag.is_void());
                }
            }
            true
        }
    });
}

/// [`output_for`], but HTML elements inside `<math>` and MathML elements outside it keep
/// only their children: a browser would put them in the other namespace (or, for `<p>` and
/// the like, break out of the formula), so the tree it builds would not be ours.
fn emit_in_context(tag: Tag, math_depth: usize) -> Emit {
    let inside_math = math_depth > 0;
    if tag != Tag::Math && tag.is_math() != inside_math {
        return match output_for(tag) {
            Emit::Dropped => Emit::Dropped,
            _ => Emit::Transparent,
        };
    }
    output_for(tag)
}

/// The HTML serialisation: every text and attribute value escaped.
struct HtmlString(String);

impl HtmlSink for HtmlString {
    fn start_element(&mut self, name: &'static str, _mathml: bool, attributes: &[SafeAttribute]) {
        let out = &mut self.0;
        out.push('<');
        out.push_str(name);
        for (attribute, value) in attributes {
            out.push(' ');
            out.push_str(attribute);
            out.push_str("=\"");
            escape_attribute(value, out);
            out.push('"');
        }
        out.push('>');
    }

    fn text(&mut self, text: &str) {
        escape_text(text, &mut self.0);
    }

    fn end_element(&mut self, name: &'static str, void: bool) {
        if !void {
            self.0.push_str("</");
            self.0.push_str(name);
            self.0.push('>');
        }
    }
}

/// The attributes of `node` that the allow-list keeps, with vetted values.
fn safe_attributes(tree: &Tree, node: NodeId, keep_classes: bool, out: &mut Vec<SafeAttribute>) {
    let Some(element) = tree.element(node) else {
        return;
    };
    let tag = element.tag;
    for (attr, value) in element.attrs.iter() {
        let (name, allowed) = match (attr, tag) {
            (Attr::Href, Tag::A) => ("href", true),
            (Attr::Src, Tag::Iframe) => ("href", true),
            (Attr::Src, Tag::Img) => ("src", true),
            (Attr::Srcset, Tag::Img) => ("srcset", true),
            (Attr::Sizes, Tag::Img) => ("sizes", true),
            (Attr::Alt, Tag::Img) => ("alt", true),
            (Attr::Width, Tag::Img) => ("width", true),
            (Attr::Height, Tag::Img) => ("height", true),
            (Attr::Title, Tag::A | Tag::Img | Tag::Abbr | Tag::Dfn) => ("title", true),
            (Attr::Colspan, Tag::Td | Tag::Th) => ("colspan", true),
            (Attr::Rowspan, Tag::Td | Tag::Th) => ("rowspan", true),
            (Attr::Headers, Tag::Td | Tag::Th) => ("headers", true),
            (Attr::Scope, Tag::Th) => ("scope", true),
            (Attr::Start, Tag::Ol) => ("start", true),
            (Attr::Type, Tag::Ol) => ("type", true),
            (Attr::Datetime, Tag::Time | Tag::Del | Tag::Ins) => ("datetime", true),
            (Attr::Cite, Tag::Blockquote | Tag::Q | Tag::Del | Tag::Ins) => ("cite", true),
            (Attr::Display, Tag::Math) => ("display", true),
            (Attr::Mathvariant, _) if tag.is_math() => ("mathvariant", true),
            (Attr::Encoding, Tag::Annotation) => ("encoding", true),
            (Attr::OwnId, _) => ("id", true),
            (Attr::Markup, Tag::A | Tag::Section) => ("role", true),
            (Attr::Callout, Tag::Blockquote) => ("data-callout", true),
            (Attr::CodeLanguage, Tag::Code) => ("class", true),
            (Attr::Class, _) if element.attr(Attr::CodeLanguage).is_some() => ("", false),
            (Attr::Lang, _) => ("lang", true),
            (Attr::Dir, _) => ("dir", true),
            (Attr::Class, _) => ("class", keep_classes),
            _ => ("", false),
        };
        if !allowed {
            continue;
        }
        let value = match attr {
            Attr::Href | Attr::Src | Attr::Cite => {
                let url = clean_url(value);
                if !is_safe_url(&url, *attr == Attr::Src && tag == Tag::Img) {
                    continue;
                }
                url
            }
            Attr::Srcset => match safe_srcset(value) {
                Some(srcset) => srcset,
                None => continue,
            },
            Attr::Start | Attr::Colspan | Attr::Rowspan | Attr::Width | Attr::Height => {
                match value.trim().parse::<u32>() {
                    Ok(number) => number.to_string(),
                    Err(_) => continue,
                }
            }
            Attr::Markup => match value.as_str() {
                role::NOTE_REF => "doc-noteref".to_owned(),
                role::BACKLINK => "doc-backlink".to_owned(),
                role::ENDNOTES => "doc-endnotes".to_owned(),
                _ => continue,
            },
            Attr::CodeLanguage => {
                let mut class = format!("language-{value}");
                if let Some(own) = element.attr(Attr::Class).filter(|_| keep_classes) {
                    class.push(' ');
                    class.push_str(own);
                }
                class
            }
            Attr::Dir => match value.trim().to_ascii_lowercase().as_str() {
                dir @ ("ltr" | "rtl" | "auto") => dir.to_owned(),
                _ => continue,
            },
            _ => value.as_str().to_owned(),
        };
        out.push((name, value));
    }
}

/// Keeps the srcset candidates that are safe however the srcset is split: as browsers split
/// it (a comma inside a URL belongs to it) and as a naive reader splits it, at every comma.
/// (A URL's scheme ends at its first colon: when no comma comes before it, the first piece
/// has the URL's scheme; when one does, the URL has none.)
fn safe_srcset(srcset: &str) -> Option<String> {
    let safe_when_split_at_commas = |text: &str| {
        text.split(',').all(|piece| {
            let url = piece.split_whitespace().next().unwrap_or("");
            is_safe_url(&clean_url(url), true)
        })
    };
    let candidates: Vec<String> = srcset_candidates(srcset)
        .into_iter()
        .filter(|(url, descriptor)| {
            safe_when_split_at_commas(url) && safe_when_split_at_commas(descriptor)
        })
        .map(|(url, descriptor)| {
            let url = clean_url(url);
            if descriptor.is_empty() {
                url
            } else {
                format!("{url} {descriptor}")
            }
        })
        .collect();
    (!candidates.is_empty()).then(|| candidates.join(", "))
}

pub fn escape_text(text: &str, out: &mut String) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{A0}' => out.push_str("&nbsp;"),
            '\0' => {}
            _ => out.push(ch),
        }
    }
}

pub fn escape_attribute(text: &str, out: &mut String) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\0' => {}
            _ => out.push(ch),
        }
    }
}
