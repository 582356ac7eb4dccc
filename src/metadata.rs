//! Metadata: what ingest captured (`<meta>`, JSON-LD, `<title>`, `<html lang dir>`), resolved
//! into the article's fields with Readability.js 0.6's precedence, so results match it.

use crate::json::{self, Value};
use crate::patterns::{
    TITLE_MAX_CHARS, TITLE_MAX_WORDS_BEFORE_COLON, TITLE_MIN_CHARS, TITLE_MIN_WORDS,
    TITLE_SHORT_WORDS, TITLE_SIMILARITY,
};
use crate::text::{lower_case, normalize, text_similarity};

/// Raw metadata as it streamed past.
#[derive(Clone, Debug, Default)]
pub struct RawMetadata {
    /// Text of the first `<title>`.
    pub title: Option<String>,
    /// Every `<meta>` with a `content`.
    pub metas: Vec<MetaTag>,
    /// JSON-LD script bodies; the flag is true while the script is still open.
    pub json_ld: Vec<(bool, String)>,
    pub json_ld_bytes: usize,
    pub html_lang: Option<String>,
    /// `<meta http-equiv=content-language>`.
    pub content_language: Option<String>,
    pub html_dir: Option<String>,
    pub body_dir: Option<String>,
    pub base_href: Option<String>,
    pub image_src: Option<String>,
}

/// One `<meta>` element's keys and content (values decoded and trimmed).
#[derive(Clone, Debug, Default)]
pub struct MetaTag {
    pub property: Option<String>,
    pub name: Option<String>,
    pub itemprop: Option<String>,
    pub content: String,
}

/// Metadata resolved into article fields.
#[derive(Clone, Debug, Default)]
pub struct Metadata {
    pub title: String,
    pub byline: Option<String>,
    pub excerpt: Option<String>,
    pub site_name: Option<String>,
    pub published_time: Option<String>,
    pub lead_image: Option<String>,
    pub lang: Option<String>,
    /// JSON-LD `articleBody`: the publisher's own statement of the article text.
    pub declared_body: Option<String>,
}

#[derive(Debug, Default)]
struct JsonLd {
    title: Option<String>,
    byline: Option<String>,
    excerpt: Option<String>,
    site_name: Option<String>,
    date_published: Option<String>,
    image: Option<String>,
}

/// Resolves metadata. `headings` are the texts of the page's `<h1>`/`<h2>` elements and
/// `single_h1` the text of the only `<h1>`, if there is exactly one (for the title rules).
pub fn resolve(raw: &RawMetadata, headings: &[String], single_h1: Option<&str>) -> Metadata {
    let document_title = raw.title.as_deref().map(normalize).unwrap_or_default();
    let heuristic_title = || article_title(&document_title, headings, single_h1);
    let json_ld = parse_json_ld(raw, &heuristic_title);
    let values = meta_values(raw);
    let get = |key: &str| -> Option<String> {
        values
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty())
    };
    let first = |keys: &[&str]| keys.iter().find_map(|key| get(key));

    let title = json_ld
        .title
        .clone()
        .filter(|t| !t.is_empty())
        .or_else(|| {
            first(&[
                "dc:title",
                "dcterm:title",
                "og:title",
                "weibo:article:title",
                "weibo:webpage:title",
                "title",
                "twitter:title",
                "parsely-title",
            ])
        })
        .unwrap_or_else(heuristic_title);
    let byline = json_ld
        .byline
        .clone()
        .filter(|b| !b.is_empty())
        .or_else(|| first(&["dc:creator", "dcterm:creator", "author", "parsely-author"]))
        .or_else(|| get("article:author").filter(|author| !looks_like_url(author)));
    let excerpt = json_ld
        .excerpt
        .clone()
        .filter(|e| !e.is_empty())
        .or_else(|| {
            first(&[
                "dc:description",
                "dcterm:description",
                "og:description",
                "weibo:article:description",
                "weibo:webpage:description",
                "description",
                "twitter:description",
            ])
        });
    let site_name = json_ld
        .site_name
        .clone()
        .filter(|s| !s.is_empty())
        .or_else(|| get("og:site_name"));
    let published_time = json_ld
        .date_published
        .clone()
        .filter(|d| !d.is_empty())
        .or_else(|| first(&["article:published_time", "parsely-pub-date"]));
    let lead_image = image_meta(raw)
        .or_else(|| json_ld.image.clone())
        .or_else(|| raw.image_src.clone());

    Metadata {
        title: unescape(&title),
        byline: byline.map(|b| unescape(&b)),
        excerpt: excerpt.map(|e| unescape(&e)),
        site_name: site_name.map(|s| unescape(&s)),
        published_time: published_time.map(|p| unescape(&p)),
        lead_image,
        lang: raw.html_lang.clone(),
        declared_body: declared_body(raw),
    }
}

/// The longest `articleBody` string anywhere in the page's JSON-LD.
fn declared_body(raw: &RawMetadata) -> Option<String> {
    let mut best: Option<String> = None;
    for (_, source) in &raw.json_ld {
        if !source.contains("articleBody") {
            continue;
        }
        let Some(parsed) = json::parse(source.trim()) else {
            continue;
        };
        let mut stack = vec![&parsed];
        while let Some(value) = stack.pop() {
            match value {
                Value::Object(members) => {
                    if let Some(Value::String(body)) = value.get("articleBody") {
                        if best.as_ref().is_none_or(|b| body.len() > b.len()) {
                            best = Some(body.clone());
                        }
                    }
                    stack.extend(members.iter().map(|(_, v)| v));
                }
                Value::Array(items) => stack.extend(items.iter()),
                _ => {}
            }
        }
    }
    best
}

fn looks_like_url(value: &str) -> bool {
    crate::url::scheme(value.trim()).is_some() && value.contains(':')
}

fn image_meta(raw: &RawMetadata) -> Option<String> {
    const KEYS: [&str; 5] = [
        "og:image",
        "og:image:url",
        "og:image:secure_url",
        "twitter:image",
        "twitter:image:src",
    ];
    KEYS.iter().find_map(|key| {
        raw.metas
            .iter()
            .find(|meta| {
                !meta.content.is_empty()
                    && [&meta.property, &meta.name, &meta.itemprop]
                        .iter()
                        .any(|k| k.as_deref().is_some_and(|k| k.eq_ignore_ascii_case(key)))
            })
            .map(|meta| meta.content.clone())
    })
}

/// `<meta>` values keyed the way Readability.js keys them: a matching `property` wins,
/// else a matching `name`.
fn meta_values(raw: &RawMetadata) -> Vec<(String, String)> {
    raw.metas
        .iter()
        .filter(|meta| !meta.content.is_empty())
        .filter_map(|meta| {
            let key = meta
                .property
                .as_deref()
                .and_then(property_key)
                .or_else(|| meta.name.as_deref().and_then(name_key))?;
            Some((key, meta.content.clone()))
        })
        .collect()
}

const PROPERTY_PREFIXES: [&str; 5] = ["article", "dc", "dcterm", "og", "twitter"];
const PROPERTY_NAMES: [&str; 6] = [
    "author",
    "creator",
    "description",
    "published_time",
    "title",
    "site_name",
];

/// First `prefix:name` in a `property` value (unanchored, as Readability.js matches).
fn property_key(value: &str) -> Option<String> {
    let lower = lower_case(value);
    let compact: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    let bytes = compact.as_bytes();
    // The earliest match, and the longest at that place (`dcterm:` is not `dc` + `term`).
    (0..bytes.len()).find_map(|at| {
        let mut longest: Option<(&str, &str)> = None;
        for prefix in PROPERTY_PREFIXES {
            let Some(rest) = bytes[at..].strip_prefix(prefix.as_bytes()) else {
                continue;
            };
            let Some(rest) = rest.strip_prefix(b":") else {
                continue;
            };
            for name in PROPERTY_NAMES {
                let longer =
                    longest.is_none_or(|(p, n)| prefix.len() + name.len() > p.len() + n.len());
                if rest.starts_with(name.as_bytes()) && longer {
                    longest = Some((prefix, name));
                }
            }
        }
        longest.map(|(prefix, name)| format!("{prefix}:{name}"))
    })
}

/// Readability.js's anchored `name` pattern: optional `dc|dcterm|og|twitter|parsely|weibo:*`
/// prefix with `-`, `.` or `:`, then one of the known names.
fn name_key(value: &str) -> Option<String> {
    let key: String = lower_case(value.trim())
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .replace('.', ":");
    const NAMES: [&str; 6] = [
        "author",
        "creator",
        "pub-date",
        "description",
        "title",
        "site_name",
    ];
    const PREFIXES: [&str; 7] = [
        "dc",
        "dcterm",
        "og",
        "twitter",
        "parsely",
        "weibo:article",
        "weibo:webpage",
    ];
    if NAMES.contains(&key.as_str()) {
        return Some(key);
    }
    for prefix in PREFIXES {
        if let Some(rest) = key.strip_prefix(prefix) {
            if let Some(name) = rest.strip_prefix(['-', ':']) {
                if NAMES.contains(&name) {
                    return Some(key);
                }
            }
        }
    }
    None
}

/// Readability.js unescapes only the five basic named references and numeric ones.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let basic = text
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    crate::entities::decode_numeric_only(&basic)
}

const ARTICLE_TYPES: [&str; 18] = [
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "BlogPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "APIReference",
];

fn is_article_type(value: &Value) -> bool {
    let Some(kind) = value.get("@type").and_then(Value::as_str) else {
        return false;
    };
    kind.starts_with("Article") || ARTICLE_TYPES.iter().any(|t| kind.contains(t))
}

fn is_schema_org(context: Option<&Value>) -> bool {
    let matches = |s: &str| {
        let s = s.strip_suffix('/').unwrap_or(s);
        s == "http://schema.org" || s == "https://schema.org"
    };
    match context {
        Some(Value::String(s)) => matches(s),
        Some(object @ Value::Object(_)) => object
            .get("@vocab")
            .and_then(Value::as_str)
            .is_some_and(matches),
        _ => false,
    }
}

fn parse_json_ld(raw: &RawMetadata, heuristic_title: &dyn Fn() -> String) -> JsonLd {
    for (_, source) in &raw.json_ld {
        let trimmed = source.trim();
        let trimmed = trimmed.strip_prefix("<![CDATA[").unwrap_or(trimmed);
        let trimmed = trimmed.strip_suffix("]]>").unwrap_or(trimmed);
        let Some(parsed) = json::parse(trimmed) else {
            continue;
        };
        let mut object = match &parsed {
            Value::Array(items) => match items.iter().find(|item| is_article_type(item)) {
                Some(item) => item,
                None => continue,
            },
            other => other,
        };
        if !is_schema_org(object.get("@context")) {
            continue;
        }
        if object.get("@type").is_none() {
            if let Some(Value::Array(graph)) = object.get("@graph") {
                match graph.iter().find(|item| is_article_type(item)) {
                    Some(item) => object = item,
                    None => continue,
                }
            }
        }
        if !is_article_type(object) {
            continue;
        }
        return json_ld_fields(object, heuristic_title);
    }
    JsonLd::default()
}

fn json_ld_fields(object: &Value, heuristic_title: &dyn Fn() -> String) -> JsonLd {
    let string = |key: &str| object.get(key).and_then(Value::as_str);
    let title = match (string("name"), string("headline")) {
        (Some(name), Some(headline)) if name != headline => {
            let title = heuristic_title();
            let name_matches = text_similarity(name, &title) > TITLE_SIMILARITY;
            let headline_matches = text_similarity(headline, &title) > TITLE_SIMILARITY;
            Some(if headline_matches && !name_matches {
                headline.to_owned()
            } else {
                name.to_owned()
            })
        }
        (Some(name), _) => Some(name.trim().to_owned()),
        (None, Some(headline)) => Some(headline.trim().to_owned()),
        _ => None,
    };
    let byline = match object.get("author") {
        Some(author @ Value::Object(_)) => author
            .get("name")
            .and_then(Value::as_str)
            .map(|n| n.trim().to_owned()),
        Some(Value::Array(authors)) => {
            let names: Vec<String> = authors
                .iter()
                .filter_map(|a| a.get("name").and_then(Value::as_str))
                .map(|n| n.trim().to_owned())
                .collect();
            if authors
                .first()
                .and_then(|a| a.get("name"))
                .and_then(Value::as_str)
                .is_some()
            {
                Some(names.join(", "))
            } else {
                None
            }
        }
        _ => None,
    };
    let image = match object.get("image") {
        Some(Value::String(url)) => Some(url.clone()),
        Some(image @ Value::Object(_)) => {
            image.get("url").and_then(Value::as_str).map(str::to_owned)
        }
        Some(Value::Array(images)) => images.first().and_then(|first| match first {
            Value::String(url) => Some(url.clone()),
            other => other.get("url").and_then(Value::as_str).map(str::to_owned),
        }),
        _ => None,
    };
    JsonLd {
        title,
        byline,
        excerpt: string("description").map(|d| d.trim().to_owned()),
        site_name: object
            .get("publisher")
            .and_then(|p| p.get("name"))
            .and_then(Value::as_str)
            .map(|n| n.trim().to_owned()),
        date_published: string("datePublished").map(|d| d.trim().to_owned()),
        image,
    }
}

fn word_count(text: &str) -> usize {
    // JavaScript's `split(/\s+/).length`: empty pieces at the ends count.
    text.split(char::is_whitespace)
        .fold((0, false), |(count, in_space), piece| {
            if piece.is_empty() && in_space {
                (count, true)
            } else {
                (count + 1, piece.is_empty())
            }
        })
        .0
        .max(1)
}

const SEPARATORS: [char; 6] = ['|', '-', '\\', '/', '>', '»'];
const HIERARCHICAL_SEPARATORS: [char; 4] = ['\\', '/', '>', '»'];

/// Byte offsets of every " X " with X a separator (non-overlapping).
fn spaced_separators(text: &str, set: &[char]) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 2 < chars.len() {
        if chars[i].1 == ' ' && set.contains(&chars[i + 1].1) && chars[i + 2].1 == ' ' {
            found.push(chars[i].0);
            i += 3;
        } else {
            i += 1;
        }
    }
    found
}

/// Readability.js's `_getArticleTitle` over the document title.
pub fn article_title(original: &str, headings: &[String], single_h1: Option<&str>) -> String {
    let orig = original.trim().to_owned();
    let mut current = orig.clone();
    let mut hierarchical = false;
    let separators = spaced_separators(&current, &SEPARATORS);
    if !separators.is_empty() {
        hierarchical = !spaced_separators(&current, &HIERARCHICAL_SEPARATORS).is_empty();
        let last = *separators.last().expect("non-empty");
        current = orig[..last].to_owned();
        if word_count(&current) < TITLE_MIN_WORDS {
            current = match orig.find(SEPARATORS) {
                Some(at) => {
                    let sep_len = orig[at..].chars().next().map_or(1, char::len_utf8);
                    orig[at + sep_len..].to_owned()
                }
                None => orig.clone(),
            };
        }
    } else if current.contains(": ") {
        let trimmed = orig.trim();
        if !headings.iter().any(|h| h.trim() == trimmed) {
            let after_last = orig.rfind(':').map_or(orig.as_str(), |i| &orig[i + 1..]);
            current = after_last.to_owned();
            if word_count(&current) < TITLE_MIN_WORDS {
                current = orig
                    .find(':')
                    .map_or(orig.as_str(), |i| &orig[i + 1..])
                    .to_owned();
            } else if word_count(orig.split(':').next().unwrap_or(""))
                > TITLE_MAX_WORDS_BEFORE_COLON
            {
                current = orig.clone();
            }
        }
    } else if current.chars().count() > TITLE_MAX_CHARS || current.chars().count() < TITLE_MIN_CHARS
    {
        if let Some(h1) = single_h1 {
            current = h1.to_owned();
        }
    }
    current = normalize(&current);
    let count = word_count(&current);
    if count <= TITLE_SHORT_WORDS {
        let without_separators: String = orig.chars().filter(|c| !SEPARATORS.contains(c)).collect();
        if !hierarchical || count != word_count(&without_separators) - 1 {
            current = orig;
        }
    }
    current
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_heuristic_matches_readability_examples() {
        assert_eq!(
            article_title("Big News Story About Things | Site Name", &[], None),
            "Big News Story About Things"
        );
        assert_eq!(
            article_title("Short | Site Name Here", &[], None),
            "Short | Site Name Here"
        );
        assert_eq!(
            article_title("Site » Section » A Long Article Title Here", &[], None),
            "Site » Section » A Long Article Title Here"
        );
        assert_eq!(
            article_title("Topic: A fairly long subtitle goes here", &[], None),
            "A fairly long subtitle goes here"
        );
    }

    #[test]
    fn meta_keys_follow_readability() {
        assert_eq!(property_key("og:title").as_deref(), Some("og:title"));
        assert_eq!(
            property_key("dc:title og:title").as_deref(),
            Some("dc:title")
        );
        assert_eq!(
            property_key("article:published_time").as_deref(),
            Some("article:published_time")
        );
        // Unanchored, compacted, lower-cased; `dcterm:` is not `dc` followed by `term`.
        assert_eq!(
            property_key("x DCTerm: Creator og:title").as_deref(),
            Some("dcterm:creator")
        );
        assert_eq!(property_key("og:titles").as_deref(), Some("og:title"));
        assert_eq!(property_key("og:tit le").as_deref(), Some("og:title"));
        assert_eq!(property_key("og:image dc:"), None);
        assert_eq!(name_key("dc.title").as_deref(), Some("dc:title"));
        assert_eq!(name_key("parsely-title").as_deref(), Some("parsely-title"));
        assert_eq!(
            name_key("weibo:article:description").as_deref(),
            Some("weibo:article:description")
        );
        assert_eq!(name_key("viewport"), None);
    }
}
