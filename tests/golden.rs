//! Golden tests: one named test per page in `tests/fixtures/pages/*.html`.
//!
//! Each page `X.html` has `X.expect.json` with hand-written expectations (phrases the article
//! text must and must not contain, metadata, readerability), and four golden files in
//! `tests/fixtures/golden/` holding the exact current output:
//!
//! * `X.html`: `content` (sanitised HTML),
//! * `X.txt`:  `textContent`,
//! * `X.md`:   `markdown` (with `output_markdown: true`),
//! * `X.json`: the metadata fields, `length` and `wordCount` (or the error, when the page
//!   gives one).
//!
//! The pages are fed as bytes through [`Cleaner`] (so a `<meta charset>` is honoured, e.g.
//! for `windows-1252.html`), with the page URL [`PAGE_URL`].
//!
//! Regenerate the golden files (then review the diff) with:
//!
//! ```text
//! UPDATE_GOLDEN=1 cargo test --test golden
//! ```
//!
//! With `UPDATE_GOLDEN=1` the golden files are (re)written instead of compared; the
//! expectations from `X.expect.json` are still checked.
// Native only: `wasm-pack test` builds every test target for wasm32 (tests/web.rs runs there).
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use article_cleaner::{is_probably_readerable, Article, Cleaner, Error, Options};
use libtest_mimic::{Arguments, Failed, Trial};
use serde::Deserialize;
use serde_json::json;

const PAGE_URL: &str = "https://news.example.com/2026/story.html";
const REGENERATE: &str = "UPDATE_GOLDEN=1 cargo test --test golden";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    title: Option<String>,
    must_contain: Vec<String>,
    must_not_contain: Vec<String>,
    /// Phrases we know the extractor still misses (documented, not checked).
    #[serde(default)]
    #[allow(dead_code)]
    known_gaps: Vec<String>,
    readerable: bool,
    byline: Option<String>,
    #[serde(rename = "siteName")]
    site_name: Option<String>,
    lang: Option<String>,
    dir: Option<String>,
    #[serde(rename = "publishedTime")]
    published_time: Option<String>,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn main() {
    let args = Arguments::from_args();
    let pages_dir = fixtures().join("pages");
    let mut pages: Vec<PathBuf> = fs::read_dir(&pages_dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", pages_dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "html"))
        .collect();
    pages.sort();
    assert!(
        !pages.is_empty(),
        "no pages found in {}",
        pages_dir.display()
    );
    let update = std::env::var("UPDATE_GOLDEN").is_ok_and(|v| v == "1");
    let trials = pages
        .into_iter()
        .map(|path| {
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("UTF-8 page name")
                .to_owned();
            Trial::test(name.clone(), move || check_page(&name, &path, update))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

fn options(markdown: bool) -> Options {
    Options {
        url: Some(PAGE_URL.to_owned()),
        output_markdown: markdown,
        ..Options::default()
    }
}

/// Cleans the page's bytes through the streaming cleaner in one write.
fn clean_bytes(bytes: &[u8], options: Options) -> Result<Article, Error> {
    let mut cleaner = Cleaner::new(options)?;
    cleaner.write(bytes)?;
    cleaner.finish()
}

fn check_page(name: &str, path: &Path, update: bool) -> Result<(), Failed> {
    let bytes = fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let expect_path = path.with_extension("expect.json");
    let expect_text = fs::read_to_string(&expect_path)
        .map_err(|e| format!("cannot read {}: {e}", expect_path.display()))?;
    let expect: Expect = serde_json::from_str(&expect_text)
        .map_err(|e| format!("cannot parse {}: {e}", expect_path.display()))?;

    let mut problems: Vec<String> = Vec::new();

    let plain = clean_bytes(&bytes, options(false));
    let with_markdown = clean_bytes(&bytes, options(true));

    // Readerability, on the page decoded as its charset says.
    let page_text = decode_page(&bytes);
    let readerable = is_probably_readerable(&page_text, &options(false));
    if readerable != expect.readerable {
        problems.push(format!(
            "readerable: is_probably_readerable gave {readerable}, expected {}; clean gave {}",
            expect.readerable,
            describe(&plain)
        ));
    }

    if expect.readerable {
        match (&plain, &with_markdown) {
            (Ok(article), Ok(md_article)) => {
                let captioned = clean_bytes(
                    &bytes,
                    Options {
                        text_captions: true,
                        ..options(false)
                    },
                );
                match &captioned {
                    Ok(captioned) => {
                        check_expectations(article, captioned, &expect, &page_text, &mut problems)
                    }
                    Err(error) => problems.push(format!("textCaptions: true failed: {error}")),
                }
                // Asking for Markdown must not change anything else.
                let mut without_md = md_article.clone();
                without_md.markdown = None;
                if &without_md != article {
                    problems.push(format!(
                        "output_markdown: true changed fields other than markdown:\n{}",
                        field_differences(article, &without_md)
                    ));
                }
                if md_article.markdown.is_none() {
                    problems.push("output_markdown: true gave markdown: None".to_owned());
                }
            }
            (Err(error), _) | (_, Err(error)) => {
                problems.push(format!(
                    "expected an article, clean gave Err({:?}): {error}",
                    error.kind()
                ));
            }
        }
    }

    check_golden(name, &plain, &with_markdown, update, &mut problems);

    if problems.is_empty() {
        Ok(())
    } else {
        let mut message = format!("{name}: {} problem(s)\n", problems.len());
        for (index, problem) in problems.iter().enumerate() {
            let _ = writeln!(message, "{}. {problem}", index + 1);
        }
        Err(message.into())
    }
}

fn describe(result: &Result<Article, Error>) -> String {
    match result {
        Ok(article) => format!(
            "Ok(Article {{ title: {:?}, length: {}, text starts {:?} }})",
            article.title,
            article.length,
            article.text_content.chars().take(120).collect::<String>()
        ),
        Err(error) => format!("Err({:?}: {error})", error.kind()),
    }
}

fn check_expectations(
    article: &Article,
    captioned: &Article,
    expect: &Expect,
    page_text: &str,
    problems: &mut Vec<String>,
) {
    // Phrases that must be in the article are looked for in the text with captions
    // (textContent leaves figure captions out by default; `content` keeps them).
    let text = collapse(&article.text_content);
    let content_text = collapse(&captioned.text_content);
    for phrase in &expect.must_contain {
        let wanted = collapse(phrase);
        if !content_text.contains(&wanted) {
            let source = match page_text.find(phrase.as_str()) {
                Some(at) => format!(
                    "\n   in the page source it is at: {}",
                    snippet(page_text, at, phrase.len())
                ),
                None => String::new(),
            };
            // Say whether the phrase is at least in the HTML `content` (e.g. a caption that
            // textContent leaves out), so the cause of the failure is plain.
            let in_content = if collapse(&html_text(&article.content)).contains(&wanted) {
                " (it IS in `content`: textContent leaves it out)"
            } else {
                " (it is not in `content` either)"
            };
            problems.push(format!(
                "must_contain {wanted:?} is missing from the article{in_content}; {}{source}",
                nearest(&content_text, &wanted)
            ));
        }
    }
    // Unwanted phrases must be in neither output.
    let lower = format!("{text}\n{content_text}").to_lowercase();
    for phrase in &expect.must_not_contain {
        let unwanted = collapse(phrase).to_lowercase();
        if unwanted.is_empty() {
            continue;
        }
        let hits: Vec<usize> = lower.match_indices(&unwanted).map(|(i, _)| i).collect();
        if let Some(&first) = hits.first() {
            problems.push(format!(
                "must_not_contain {phrase:?} found in the output ({} time(s)), first at: {}",
                hits.len(),
                snippet(&lower, first, unwanted.len())
            ));
        }
    }
    let fields = [
        ("title", &expect.title, &article.title),
        ("byline", &expect.byline, &article.byline),
        ("siteName", &expect.site_name, &article.site_name),
        ("lang", &expect.lang, &article.lang),
        ("dir", &expect.dir, &article.dir),
        (
            "publishedTime",
            &expect.published_time,
            &article.published_time,
        ),
    ];
    for (field, expected, actual) in fields {
        if let Some(expected) = expected {
            if actual.as_deref() != Some(expected.as_str()) {
                problems.push(format!("{field}: expected {expected:?}, got {actual:?}"));
            }
        }
    }
}

/// The text of our (regular, escaped) HTML output: tags dropped, the output's few
/// references decoded.
fn html_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => {
                in_tag = true;
                out.push(' ');
            }
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(ch),
            _ => {}
        }
    }
    out.replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

/// Whitespace runs (any Unicode whitespace, including NBSP) become one space; trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Context around byte range `start..start+len` of `text`, on char boundaries.
fn snippet(text: &str, start: usize, len: usize) -> String {
    let mut from = start.saturating_sub(60);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (start + len + 60).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    format!("…{}…", &text[from..to])
}

/// For a missing phrase: the longest prefix of it that does occur, with its context.
fn nearest(text: &str, phrase: &str) -> String {
    let boundaries: Vec<usize> = phrase
        .char_indices()
        .map(|(i, _)| i)
        .chain([phrase.len()])
        .collect();
    for &end in boundaries.iter().rev() {
        let prefix = &phrase[..end];
        if prefix.chars().count() < 8 {
            break;
        }
        if let Some(at) = text.find(prefix) {
            return format!(
                "longest prefix found is {prefix:?}, in: {}",
                snippet(text, at, prefix.len() + 40)
            );
        }
    }
    format!(
        "not even its first 8 characters occur; text_content starts: {:?}",
        text.chars().take(200).collect::<String>()
    )
}

fn field_differences(a: &Article, b: &Article) -> String {
    let a = serde_json::to_value(a).expect("article serialises");
    let b = serde_json::to_value(b).expect("article serialises");
    let mut out = String::new();
    if let (Some(a), Some(b)) = (a.as_object(), b.as_object()) {
        for (key, value) in a {
            if b.get(key) != Some(value) {
                let _ = writeln!(out, "  {key}: {value} vs {}", b[key]);
            }
        }
    }
    out
}

/// The page as text for `is_probably_readerable`: a BOM, else the first `charset=` label
/// in the bytes, else UTF-8.
fn decode_page(bytes: &[u8]) -> String {
    let encoding = encoding_rs::Encoding::for_bom(bytes)
        .map(|(encoding, _)| encoding)
        .or_else(|| declared_charset(bytes))
        .unwrap_or(encoding_rs::UTF_8);
    let (text, _, _) = encoding.decode(bytes);
    text.into_owned()
}

fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let lower = bytes.to_ascii_lowercase();
    let needle = b"charset=";
    let at = lower.windows(needle.len()).position(|w| w == needle)? + needle.len();
    let label: Vec<u8> = lower[at..]
        .iter()
        .copied()
        .skip_while(|&b| b == b'"' || b == b'\'')
        .take_while(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .collect();
    encoding_rs::Encoding::for_label(&label)
}

// ---------------------------------------------------------------------------------------
// Golden files

fn metadata_json(article: &Article) -> String {
    let value = json!({
        "title": article.title,
        "byline": article.byline,
        "siteName": article.site_name,
        "publishedTime": article.published_time,
        "lang": article.lang,
        "dir": article.dir,
        "excerpt": article.excerpt,
        "leadImage": article.lead_image,
        "length": article.length,
        "wordCount": article.word_count,
        "readingTimeMinutes": article.reading_time_minutes,
    });
    serde_json::to_string_pretty(&value).expect("JSON serialises") + "\n"
}

fn error_json(error: &Error) -> String {
    let value = json!({ "error": { "code": error.kind().code(), "message": error.message() } });
    serde_json::to_string_pretty(&value).expect("JSON serialises") + "\n"
}

fn check_golden(
    name: &str,
    plain: &Result<Article, Error>,
    with_markdown: &Result<Article, Error>,
    update: bool,
    problems: &mut Vec<String>,
) {
    let dir = fixtures().join("golden");
    // (extension, Some(contents)) or None when that output does not exist (an error).
    let outputs: Vec<(&str, Option<String>)> = match (plain, with_markdown) {
        (Ok(article), Ok(md)) => vec![
            ("html", Some(article.content.clone())),
            ("txt", Some(article.text_content.clone())),
            ("md", Some(md.markdown.clone().unwrap_or_default())),
            ("json", Some(metadata_json(article))),
        ],
        (Err(error), _) => vec![
            ("html", None),
            ("txt", None),
            ("md", None),
            ("json", Some(error_json(error))),
        ],
        (Ok(_), Err(error)) => {
            problems.push(format!(
                "golden: clean succeeded without markdown but failed with it: {error}"
            ));
            return;
        }
    };
    if update {
        if let Err(e) = fs::create_dir_all(&dir) {
            problems.push(format!("golden: cannot create {}: {e}", dir.display()));
            return;
        }
    }
    for (ext, contents) in outputs {
        let path = dir.join(format!("{name}.{ext}"));
        let shown = format!("tests/fixtures/golden/{name}.{ext}");
        match (update, contents) {
            (true, Some(contents)) => {
                if let Err(e) = fs::write(&path, contents) {
                    problems.push(format!("golden: cannot write {shown}: {e}"));
                }
            }
            (true, None) => {
                if path.exists() {
                    if let Err(e) = fs::remove_file(&path) {
                        problems.push(format!("golden: cannot remove stale {shown}: {e}"));
                    }
                }
            }
            (false, None) => {
                if path.exists() {
                    problems.push(format!(
                        "golden: {shown} exists but the page now gives an error \
                         (regenerate with `{REGENERATE}`)"
                    ));
                }
            }
            (false, Some(actual)) => match fs::read_to_string(&path) {
                Err(e) => problems.push(format!(
                    "golden: cannot read {shown}: {e} (generate it with `{REGENERATE}`)"
                )),
                Ok(expected) => {
                    if let Some(difference) = first_difference(&expected, &actual) {
                        problems.push(format!(
                            "golden: {shown} differs{difference}\n   (if the change is intended, \
                             regenerate with `{REGENERATE}` and review the diff)"
                        ));
                    }
                }
            },
        }
    }
}

/// The first differing line (1-based) between golden `expected` and `actual`, with a window
/// around the first differing column for long lines.
fn first_difference(expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    let mut expected_lines = expected.split('\n');
    let mut actual_lines = actual.split('\n');
    let mut number = 0;
    loop {
        number += 1;
        match (expected_lines.next(), actual_lines.next()) {
            (Some(e), Some(a)) if e == a => continue,
            (Some(e), Some(a)) => {
                let column = e
                    .char_indices()
                    .zip(a.chars())
                    .find(|((_, ec), ac)| ec != ac)
                    .map_or(e.len().min(a.len()), |((i, _), _)| i);
                let column = column.min(a.len());
                return Some(format!(
                    " at line {number}, byte column {}:\n   golden: {}\n   actual: {}",
                    column + 1,
                    window(e, column),
                    window(a, column)
                ));
            }
            (Some(e), None) => {
                return Some(format!(
                    " at line {number}: the output has ended, golden continues with {}",
                    window(e, 0)
                ))
            }
            (None, Some(a)) => {
                return Some(format!(
                    " at line {number}: the golden file has ended, output continues with {}",
                    window(a, 0)
                ))
            }
            (None, None) => return Some(" (no line differs?)".to_owned()),
        }
    }
}

fn window(line: &str, column: usize) -> String {
    let mut from = column.saturating_sub(80).min(line.len());
    while !line.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (column + 80).min(line.len());
    while !line.is_char_boundary(to) {
        to += 1;
    }
    format!(
        "{}{:?}{}",
        if from > 0 { "…" } else { "" },
        &line[from..to],
        if to < line.len() { "…" } else { "" }
    )
}
