//! Streaming: the same bytes give the same result however they are split into chunks, and
//! byte input is decoded as its BOM, the `encoding` option or its `<meta charset>` says.
//!
//! The split tests derive chunk sizes (1..=64 bytes) from a 64-bit seed that proptest
//! picks. A failure message names the seed; replay exactly that split with
//!
//! ```text
//! CHUNK_SEED=<seed> cargo test --test streaming
//! ```
//!
//! When `CHUNK_SEED` is set, the seeded tests run that one seed instead of random ones.
//! (`random_documents_any_split` draws its document from proptest, which prints the
//! minimal failing document and its seed; `CHUNK_SEED` replays the split of the fixed
//! documents and the fixture pages.)
// Native only: `wasm-pack test` builds every test target for wasm32 (tests/web.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use article_cleaner::{Article, Cleaner, Error, ErrorKind, Options};
use encoding_rs::{ISO_2022_JP, SHIFT_JIS, WINDOWS_1252};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};

const PAGE_URL: &str = "https://news.example.com/2026/story.html";

fn options() -> Options {
    Options {
        url: Some(PAGE_URL.to_owned()),
        output_markdown: true,
        ..Options::default()
    }
}

/// Options for the small generated documents.
fn small_options() -> Options {
    Options {
        char_threshold: 100,
        ..options()
    }
}

fn clean_chunks<'a>(
    chunks: impl IntoIterator<Item = &'a [u8]>,
    options: &Options,
) -> Result<Article, Error> {
    let mut cleaner = Cleaner::new(options.clone())?;
    for chunk in chunks {
        cleaner.write(chunk)?;
    }
    cleaner.finish()
}

fn clean_whole(bytes: &[u8], options: &Options) -> Result<Article, Error> {
    clean_chunks([bytes], options)
}

/// splitmix64: a tiny deterministic generator for chunk sizes.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Splits `bytes` into chunks of 1..=64 bytes chosen by `seed`.
fn split(bytes: &[u8], seed: u64) -> Vec<&[u8]> {
    let mut rng = SplitMix(seed);
    let mut chunks = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        let size = (1 + rng.next() % 64) as usize;
        let (chunk, tail) = rest.split_at(size.min(rest.len()));
        chunks.push(chunk);
        rest = tail;
    }
    chunks
}

fn replay_seed() -> Option<u64> {
    let value = std::env::var("CHUNK_SEED").ok()?;
    Some(
        value
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("CHUNK_SEED must be a u64, got {value:?}")),
    )
}

/// A short description of where two results first differ.
fn difference(whole: &Result<Article, Error>, split: &Result<Article, Error>) -> String {
    match (whole, split) {
        (Ok(a), Ok(b)) => {
            let a = serde_json::to_value(a).expect("serialises");
            let b = serde_json::to_value(b).expect("serialises");
            let mut out = String::new();
            for (key, value) in a.as_object().expect("object") {
                let other = &b[key];
                if other != value {
                    let (x, y) = (value.to_string(), other.to_string());
                    let at = x
                        .char_indices()
                        .zip(y.chars())
                        .find(|((_, p), q)| p != q)
                        .map_or(x.len().min(y.len()), |((i, _), _)| i);
                    let from = floor_boundary(&x, at.saturating_sub(60));
                    out.push_str(&format!(
                        "\n  {key} differs at byte {at}:\n    whole: …{}\n    split: …{}",
                        truncate(&x[from..], 160),
                        truncate(&y[floor_boundary(&y, from)..], 160)
                    ));
                }
            }
            out
        }
        _ => format!("\n  whole: {whole:?}\n  split: {split:?}"),
    }
}

fn floor_boundary(text: &str, index: usize) -> usize {
    let mut index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn truncate(text: &str, chars: usize) -> String {
    text.chars().take(chars).collect()
}

/// Checks that `bytes` split by `seed` give the same result as one write.
fn check_seed(
    name: &str,
    bytes: &[u8],
    whole: &Result<Article, Error>,
    options: &Options,
    seed: u64,
) -> Result<(), String> {
    let chunks = split(bytes, seed);
    let result = clean_chunks(chunks.iter().copied(), options);
    if &result == whole {
        Ok(())
    } else {
        Err(format!(
            "{name}: splitting into {} chunks (seed {seed}; replay with CHUNK_SEED={seed} \
             cargo test --test streaming) changed the result:{}",
            chunks.len(),
            difference(whole, &result)
        ))
    }
}

fn check_bytewise(
    name: &str,
    bytes: &[u8],
    whole: &Result<Article, Error>,
    options: &Options,
) -> Result<(), String> {
    let result = clean_chunks(bytes.chunks(1), options);
    if &result == whole {
        Ok(())
    } else {
        Err(format!(
            "{name}: feeding one byte at a time changed the result:{}",
            difference(whole, &result)
        ))
    }
}

/// Runs `check` for the `CHUNK_SEED` seed, or for `cases` random seeds from proptest.
fn for_seeds(cases: u32, check: impl Fn(u64) -> Result<(), String>) {
    if let Some(seed) = replay_seed() {
        if let Err(message) = check(seed) {
            panic!("{message}");
        }
        return;
    }
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&any::<u64>(), |seed| {
        check(seed).map_err(TestCaseError::fail)
    });
    if let Err(error) = result {
        panic!("{error}");
    }
}

// ---------------------------------------------------------------------------------------
// Documents

struct Doc {
    name: String,
    bytes: Vec<u8>,
    options: Options,
    whole: Result<Article, Error>,
}

impl Doc {
    fn new(name: &str, bytes: Vec<u8>, options: Options) -> Doc {
        let whole = clean_whole(&bytes, &options);
        Doc {
            name: name.to_owned(),
            bytes,
            options,
            whole,
        }
    }
}

fn fixture_pages() -> &'static [Doc] {
    static PAGES: OnceLock<Vec<Doc>> = OnceLock::new();
    PAGES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
        let mut paths: Vec<_> = fs::read_dir(&dir)
            .expect("fixture pages directory")
            .map(|entry| entry.expect("entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "html"))
            .collect();
        paths.sort();
        assert!(paths.len() >= 5, "expected the fixture pages in {dir:?}");
        paths
            .iter()
            .map(|path| {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                Doc::new(&name, fs::read(path).expect("read page"), options())
            })
            .collect()
    })
}

const ARTICLE_PARAGRAPHS: &[&str] = &[
    "The harbour committee met on Tuesday evening to discuss the new ferry timetable, which \
     has been criticised by commuters, shop owners and the island school alike.",
    "Several speakers argued that the early crossing, dropped in the spring, should return \
     before the autumn term begins, because pupils now miss the first lesson twice a week.",
    "The operator said it would publish revised figures next month, after a survey of \
     passengers, and promised that any change would be announced at least a fortnight ahead.",
];

fn paragraphs_html() -> String {
    ARTICLE_PARAGRAPHS
        .iter()
        .map(|p| format!("<p>{p}</p>\n"))
        .collect()
}

/// Entities of every kind, in text and attributes, so that random splits cut through them.
fn entities_doc() -> Vec<u8> {
    let mut html = String::from(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Caf&eacute; &amp; Co &#8211; entities</title>\
         </head><body><article><h1>Caf&eacute; &amp; Co</h1>\n",
    );
    for i in 0..6 {
        html.push_str(&format!(
            "<p>Paragraph {i}: caf&eacute; &amp; cr&egrave;me br&ucirc;l&eacute;e cost \
             &euro;12&nbsp;or &#8364;12 or &#x20AC;12, &ldquo;quoted&rdquo; &lsquo;too&rsquo;, \
             a &lt;tag&gt; in text, &notin; and &NotNestedLessLess; and &amp;amp; twice, \
             an unknown &bogus; entity, a bare & ampersand, and &copy 2026 without a semicolon; \
             <a href=\"/path?a=1&amp;b=2&copy=3\" title=\"T&eacute;l&eacute;phone\">a link</a> \
             and <img src=\"/img/x.jpg?w=1&amp;h=2\" alt=\"&Aring;ngstr&ouml;m &#x1F600;\">.</p>\n"
        ));
    }
    html.push_str(&paragraphs_html());
    html.push_str("</article></body></html>\n");
    html.into_bytes()
}

/// A windows-1252 page whose `<meta charset>` comes after 1 KB of ASCII head.
fn late_meta_doc() -> Vec<u8> {
    let mut html = String::from("<!DOCTYPE html><html lang=\"fr\"><head>\n");
    html.push_str("<style>\n");
    for i in 0..40 {
        html.push_str(&format!(
            ".rule-{i} {{ margin: 0 auto; padding: {i}px; }}\n"
        ));
    }
    html.push_str("</style>\n");
    assert!(html.len() > 1024);
    html.push_str("<meta charset=\"windows-1252\">\n<title>Fête du café – l’été</title></head>\n");
    html.push_str("<body><article><h1>Fête du café – l’été</h1>\n");
    for i in 0..5 {
        html.push_str(&format!(
            "<p>Paragraphe {i} : la fête du café a réuni « beaucoup » de monde, \
             l’entrée coûtait 5 € et l’œuvre exposée — un tableau — a été très admirée.</p>\n"
        ));
    }
    html.push_str("</article></body></html>\n");
    let (bytes, _, unmappable) = WINDOWS_1252.encode(&html);
    assert!(!unmappable, "every character is in windows-1252");
    bytes.into_owned()
}

fn multibyte_text() -> String {
    let mut html = String::from(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Ünïcödé — 日本語 😀</title>\
         </head><body><article><h1>Ünïcödé — 日本語 😀</h1>\n",
    );
    for i in 0..6 {
        html.push_str(&format!(
            "<p>Paragraph {i} with two-byte é ß ñ, three-byte 日本語の文章 € ’ and four-byte \
             😀 🎉 𝔘𝔫𝔦𝔠𝔬𝔡𝔢, Arabic مرحبا بالعالم, Greek Καλημέρα, all mixed together, \
             long enough to be scored as content by the extractor.</p>\n"
        ));
    }
    html.push_str(&paragraphs_html());
    html.push_str("</article></body></html>\n");
    html
}

fn bom_doc() -> Vec<u8> {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(
        multibyte_text()
            .replace("<meta charset=\"utf-8\">", "")
            .as_bytes(),
    );
    bytes
}

fn utf16le_doc() -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in multibyte_text()
        .replace("<meta charset=\"utf-8\">", "")
        .encode_utf16()
    {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    bytes
}

fn shift_jis_text() -> String {
    let mut html = String::from(
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"shift_jis\">\
         <title>港の新しい時刻表</title></head><body><article><h1>港の新しい時刻表</h1>\n",
    );
    for i in 0..8 {
        html.push_str(&format!(
            "<p>第{i}段落：港湾委員会は火曜日の夜、通勤客や商店主、島の学校から批判されている\
             新しいフェリーの時刻表について話し合いました。早朝の便を秋学期の前に復活させるべきだ\
             という意見が、何人もの発言者から出されました。</p>\n"
        ));
    }
    html.push_str("</article></body></html>\n");
    html
}

fn shift_jis_doc() -> Vec<u8> {
    let text = shift_jis_text();
    let (bytes, _, unmappable) = SHIFT_JIS.encode(&text);
    assert!(!unmappable, "every character is in Shift_JIS");
    bytes.into_owned()
}

/// ISO-2022-JP (stateful escape sequences; transcoded before parsing), given by option.
fn iso_2022_jp_doc() -> Vec<u8> {
    let text = shift_jis_text().replace("<meta charset=\"shift_jis\">", "");
    let (bytes, _, unmappable) = ISO_2022_JP.encode(&text);
    assert!(!unmappable, "every character is in ISO-2022-JP");
    assert!(bytes.contains(&0x1B), "escape sequences present");
    bytes.into_owned()
}

fn iso_2022_jp_options() -> Options {
    Options {
        encoding: Some("iso-2022-jp".to_owned()),
        ..small_options()
    }
}

fn generated_docs() -> &'static [Doc] {
    static DOCS: OnceLock<Vec<Doc>> = OnceLock::new();
    DOCS.get_or_init(|| {
        vec![
            Doc::new("entities", entities_doc(), small_options()),
            Doc::new("late-meta-windows-1252", late_meta_doc(), small_options()),
            Doc::new("utf-8-bom", bom_doc(), small_options()),
            Doc::new(
                "utf-8-multibyte",
                multibyte_text().into_bytes(),
                small_options(),
            ),
            Doc::new("utf-16le-bom", utf16le_doc(), small_options()),
            Doc::new("shift_jis-meta", shift_jis_doc(), small_options()),
            Doc::new(
                "iso-2022-jp-option",
                iso_2022_jp_doc(),
                iso_2022_jp_options(),
            ),
        ]
    })
}

// ---------------------------------------------------------------------------------------
// Split properties

#[test]
fn generated_documents_are_articles() {
    // Without this the split tests below could compare two identical errors.
    for doc in generated_docs() {
        match &doc.whole {
            Ok(article) => assert!(
                article.text_content.contains("Paragraph")
                    || article.text_content.contains("Paragraphe")
                    || article.text_content.contains("段落"),
                "{}: unexpected text {:?}",
                doc.name,
                article.text_content
            ),
            Err(error) => panic!("{}: expected an article, got {error}", doc.name),
        }
    }
}

#[test]
fn fixture_pages_random_splits() {
    let pages = fixture_pages();
    for_seeds(24, |seed| {
        for page in pages {
            check_seed(&page.name, &page.bytes, &page.whole, &page.options, seed)?;
        }
        Ok(())
    });
}

#[test]
fn fixture_pages_one_byte_at_a_time() {
    let failures: Vec<String> = fixture_pages()
        .iter()
        .filter_map(|page| {
            check_bytewise(&page.name, &page.bytes, &page.whole, &page.options).err()
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn generated_documents_random_splits() {
    let docs = generated_docs();
    for_seeds(96, |seed| {
        for doc in docs {
            check_seed(&doc.name, &doc.bytes, &doc.whole, &doc.options, seed)?;
        }
        Ok(())
    });
}

#[test]
fn generated_documents_one_byte_at_a_time() {
    let failures: Vec<String> = generated_docs()
        .iter()
        .filter_map(|doc| check_bytewise(&doc.name, &doc.bytes, &doc.whole, &doc.options).err())
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Pieces random documents are made of: entity fragments, multi-byte characters, markup.
const PIECES: &[&str] = &[
    "word ",
    "words, ",
    "text. ",
    "&amp;",
    "&eacute;",
    "&#233;",
    "&#xE9;",
    "&#x1F600;",
    "&",
    "&amp",
    "&notin;",
    "&notit;",
    "&nbsp;",
    "&lt;",
    "&#",
    "&#x",
    ";",
    "é",
    "€",
    "日本",
    "😀",
    "مرحبا",
    " ",
    "\n",
    "\t",
    "<b>",
    "</b>",
    "<i>",
    "</i>",
    "<br>",
    "<span>",
    "</span>",
    "<a href=\"/x?a=1&amp;b=2\">",
    "</a>",
    "<!-- c -->",
    "<p>",
    "</p>",
];

fn random_document() -> impl Strategy<Value = String> {
    let paragraph = prop::collection::vec(prop::sample::select(PIECES), 10..60)
        .prop_map(|pieces| pieces.concat());
    prop::collection::vec(paragraph, 3..8).prop_map(|paragraphs| {
        let mut html = String::from("<html><head><title>Random</title></head><body><article>");
        for paragraph in paragraphs {
            html.push_str("<p>A sentence that gives this paragraph enough text to count, ");
            html.push_str(&paragraph);
            html.push_str("</p>\n");
        }
        html.push_str("</article></body></html>");
        html
    })
}

proptest! {
    #![proptest_config(Config { cases: 96, failure_persistence: None, ..Config::default() })]

    #[test]
    fn random_documents_any_split(html in random_document(), seed in any::<u64>()) {
        let options = Options { char_threshold: 50, ..options() };
        let bytes = html.as_bytes();
        let whole = clean_whole(bytes, &options);
        if let Err(message) = check_seed("random document", bytes, &whole, &options, seed) {
            return Err(TestCaseError::fail(message));
        }
        if let Err(message) = check_bytewise("random document", bytes, &whole, &options) {
            return Err(TestCaseError::fail(message));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Decoding

fn article_of(bytes: &[u8], options: Options) -> Article {
    clean_whole(bytes, &options).unwrap_or_else(|e| panic!("expected an article, got {e}"))
}

fn assert_contains_all(what: &str, text: &str, wanted: &[&str]) {
    for phrase in wanted {
        assert!(
            text.contains(phrase),
            "{what}: {phrase:?} missing; got {:?}",
            truncate(text, 400)
        );
    }
    assert!(
        !text.contains('\u{FFFD}'),
        "{what}: replacement character in {:?}",
        truncate(text, 400)
    );
}

#[test]
fn windows_1252_by_option_without_meta() {
    let mut html = String::from(
        "<html><head><title>L’été à 5 €</title></head><body><article><h1>L’été à 5 €</h1>",
    );
    for i in 0..4 {
        html.push_str(&format!(
            "<p>Paragraphe {i} : l’été dernier, le café coûtait 2 € et la crème brûlée 5 €, \
             “disait-elle” – avec œuvre et naïveté, pour un texte assez long.</p>"
        ));
    }
    html.push_str("</article></body></html>");
    let (bytes, _, unmappable) = WINDOWS_1252.encode(&html);
    assert!(!unmappable);
    // The bytes really are single-byte windows-1252 (0x80 is €, 0x92 is ’, 0xE9 is é).
    assert!(bytes.contains(&0x80) && bytes.contains(&0x92) && bytes.contains(&0xE9));
    assert!(std::str::from_utf8(&bytes).is_err());

    let options = Options {
        encoding: Some("windows-1252".to_owned()),
        char_threshold: 100,
        ..Options::default()
    };
    let article = article_of(&bytes, options.clone());
    assert_contains_all(
        "windows-1252 by option",
        &article.text_content,
        &[
            "l’été dernier",
            "2 €",
            "crème brûlée",
            "“disait-elle” –",
            "œuvre",
            "naïveté",
        ],
    );
    assert_eq!(article.title.as_deref(), Some("L’été à 5 €"));

    // Also the label in another spelling, and chunked one byte at a time.
    let options = Options {
        encoding: Some(" CP1252 ".to_owned()),
        ..options
    };
    let split = clean_chunks(bytes.chunks(1), &options).expect("article");
    assert_eq!(split, article);
}

#[test]
fn utf16le_with_bom_decodes() {
    let bytes = utf16le_doc();
    assert_eq!(&bytes[..2], &[0xFF, 0xFE]);
    let article = article_of(&bytes, small_options());
    assert_contains_all(
        "UTF-16LE",
        &article.text_content,
        &[
            "two-byte é ß ñ",
            "日本語の文章 € ’",
            "😀 🎉 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "مرحبا بالعالم",
            "Καλημέρα",
        ],
    );
    assert_eq!(article.title.as_deref(), Some("Ünïcödé — 日本語 😀"));
    // The BOM wins over a contrary `encoding` option.
    let options = Options {
        encoding: Some("windows-1252".to_owned()),
        ..small_options()
    };
    assert_eq!(
        article_of(&bytes, options).text_content,
        article.text_content
    );
}

#[test]
fn utf16be_with_bom_decodes() {
    let mut bytes = vec![0xFE, 0xFF];
    for unit in multibyte_text()
        .replace("<meta charset=\"utf-8\">", "")
        .encode_utf16()
    {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    let article = article_of(&bytes, small_options());
    assert_contains_all(
        "UTF-16BE",
        &article.text_content,
        &[
            "two-byte é ß ñ",
            "日本語の文章 € ’",
            "😀 🎉",
            "مرحبا بالعالم",
        ],
    );
}

#[test]
fn utf8_bom_decodes_even_with_other_label() {
    let options = Options {
        encoding: Some("windows-1252".to_owned()),
        ..small_options()
    };
    let article = article_of(&bom_doc(), options);
    assert_contains_all(
        "UTF-8 BOM",
        &article.text_content,
        &["two-byte é ß ñ", "日本語の文章 € ’", "😀 🎉"],
    );
    assert!(!article.text_content.starts_with('\u{FEFF}'));
}

#[test]
fn shift_jis_meta_decodes() {
    let bytes = shift_jis_doc();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "really Shift_JIS bytes"
    );
    let article = article_of(&bytes, small_options());
    assert_contains_all(
        "Shift_JIS",
        &article.text_content,
        &[
            "第3段落：港湾委員会は火曜日の夜",
            "早朝の便を秋学期の前に復活させるべきだ",
        ],
    );
    assert_eq!(article.title.as_deref(), Some("港の新しい時刻表"));
    assert_eq!(article.lang.as_deref(), Some("ja"));
}

#[test]
fn iso_2022_jp_by_option_decodes() {
    let article = article_of(&iso_2022_jp_doc(), iso_2022_jp_options());
    assert_contains_all(
        "ISO-2022-JP",
        &article.text_content,
        &[
            "第3段落：港湾委員会は火曜日の夜",
            "早朝の便を秋学期の前に復活させるべきだ",
        ],
    );
    assert_eq!(article.title.as_deref(), Some("港の新しい時刻表"));
}

/// `Options::encoding` is documented as: "a `<meta charset>` in the page still switches it".
#[test]
fn encoding_option_is_authoritative_over_meta_charset() {
    // The caller's label acts like an HTTP charset: a <meta charset> does not override it.
    let utf8 = multibyte_text();
    assert!(utf8.contains("<meta charset=\"utf-8\">"));
    let options = Options {
        encoding: Some("windows-1252".to_owned()),
        ..small_options()
    };
    let article = article_of(utf8.as_bytes(), options);
    assert_contains_all(
        "UTF-8 page with meta utf-8, option windows-1252",
        &article.text_content,
        &["two-byte Ã© ÃŸ Ã±"],
    );

    let options = Options {
        encoding: Some("windows-1252".to_owned()),
        ..small_options()
    };
    let article = article_of(&late_meta_doc(), options);
    assert_contains_all(
        "windows-1252 page with late meta, option windows-1252",
        &article.text_content,
        &["la fête du café", "coûtait 5 €"],
    );
}

#[test]
fn late_meta_windows_1252_decodes() {
    let bytes = late_meta_doc();
    let meta_at = bytes
        .windows(7)
        .position(|w| w == b"<meta c")
        .expect("meta present");
    assert!(meta_at > 1024, "the meta comes after the 1024-byte prescan");
    let article = article_of(&bytes, small_options());
    assert_contains_all(
        "late meta windows-1252",
        &article.text_content,
        &[
            "la fête du café",
            "« beaucoup »",
            "coûtait 5 €",
            "l’œuvre exposée — un tableau —",
        ],
    );
    assert_eq!(article.title.as_deref(), Some("Fête du café – l’été"));
}

/// A declaration restarts the parse from the first byte, so text before it (here the
/// title) is decoded with the declared encoding too, as in a browser.
#[test]
fn meta_charset_decodes_text_before_it() {
    let html = shift_jis_text().replace(
        "<meta charset=\"shift_jis\">",
        "<title>港の新しい時刻表</title><meta charset=\"shift_jis\">",
    );
    assert!(html.find("<title>") < html.find("<meta"));
    let (bytes, _, unmappable) = SHIFT_JIS.encode(&html);
    assert!(!unmappable);
    for chunk in [1, 7, 4096, bytes.len()] {
        let article = clean_chunks(bytes.chunks(chunk), &small_options()).unwrap();
        assert_eq!(
            article.title.as_deref(),
            Some("港の新しい時刻表"),
            "chunks of {chunk}"
        );
    }
}

/// Past `<head>` a `<meta charset>` no longer changes the encoding: the bytes before it are
/// parsed and gone (browsers' prescan looks at the start of the page too).
#[test]
fn meta_charset_in_body_is_ignored() {
    let html = late_meta_doc();
    let at = html.windows(7).position(|w| w == b"<meta c").unwrap();
    let meta_end = at + html[at..].iter().position(|&b| b == b'>').unwrap() + 1;
    let mut moved = html[..at].to_vec();
    moved.extend_from_slice(&html[meta_end..]);
    let body = moved.windows(9).position(|w| w == b"<article>").unwrap() + 9;
    moved.splice(body..body, html[at..meta_end].iter().copied());
    let article = article_of(&moved, small_options());
    assert!(
        article
            .text_content
            .contains("la f\u{FFFD}te du caf\u{FFFD}"),
        "decoded as UTF-8: {}",
        article.text_content
    );
}

/// Which encodings `Cleaner::with_host_decoder` is asked for, and the decoders it returns:
/// encoding_rs's, so the text can be compared with the default path.
static HOST_DECODED: std::sync::Mutex<Vec<&'static str>> = std::sync::Mutex::new(Vec::new());

fn recording_host(name: &'static str) -> Option<Box<dyn article_cleaner::Transcode>> {
    HOST_DECODED.lock().unwrap().push(name);
    let encoding = encoding_rs::Encoding::for_label(name.as_bytes())?;
    Some(Box::new(encoding.new_decoder_without_bom_handling()))
}

fn refusing_host(_name: &'static str) -> Option<Box<dyn article_cleaner::Transcode>> {
    None
}

#[test]
fn host_decoder_decodes_the_east_asian_encodings_only() {
    let clean_with_host = |bytes: &[u8], options: Options| {
        let mut cleaner = Cleaner::new(options)
            .unwrap()
            .with_host_decoder(recording_host);
        for chunk in bytes.chunks(5) {
            cleaner.write(chunk).unwrap();
        }
        cleaner.finish().unwrap()
    };
    HOST_DECODED.lock().unwrap().clear();
    let japanese = shift_jis_doc();
    let by_host = clean_with_host(&japanese, small_options());
    let by_encoding_rs = article_of(&japanese, small_options());
    assert_eq!(by_host.content, by_encoding_rs.content);
    assert_eq!(by_host.title, by_encoding_rs.title);
    let iso = clean_with_host(&iso_2022_jp_doc(), iso_2022_jp_options());
    assert!(iso.text_content.contains("第3段落：港湾委員会は火曜日の夜"));
    clean_with_host(&late_meta_doc(), small_options());
    clean_with_host(multibyte_text().as_bytes(), small_options());
    assert_eq!(*HOST_DECODED.lock().unwrap(), ["Shift_JIS", "ISO-2022-JP"]);

    let mut cleaner = Cleaner::new(small_options())
        .unwrap()
        .with_host_decoder(refusing_host);
    let error = cleaner
        .write(&japanese)
        .and_then(|()| cleaner.finish().map(drop))
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::UnsupportedEncoding);
    assert!(error.to_string().contains("Shift_JIS"), "{error}");
}

/// `length` is Readability.js's `textContent.length`: UTF-16 code units.
#[test]
fn length_counts_utf16_code_units() {
    let paragraph = "<p>The harbour \u{1F6A2} ferry timetable changes in spring, the operator \
                     said, and commuters were told about it on Tuesday evening.</p>";
    let html = format!("<article>{}</article>", paragraph.repeat(6));
    let article = article_of(html.as_bytes(), small_options());
    assert_eq!(article.length, article.text_content.encode_utf16().count());
    assert_eq!(article.length, article.text_content.chars().count() + 6);
}

#[test]
fn entities_decode() {
    let doc = &generated_docs()[0];
    let article = doc.whole.as_ref().expect("article");
    // Whitespace collapsed (this also turns the NBSP into a space).
    let text = article
        .text_content
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_contains_all(
        "entities",
        &text,
        &[
            "café & crème brûlée cost €12 or €12 or €12",
            "“quoted” ‘too’",
            "a <tag> in text",
            // (`&NotNestedLessLess;` is HTML5-only; the crate deliberately knows the HTML 4
            // names only, so it is not asserted either way.)
            "a <tag> in text, ∉ and ",
            " and &amp; twice",
            "an unknown &bogus; entity, a bare & ampersand, and © 2026",
        ],
    );
    let title = article.title.as_deref().unwrap_or_default();
    assert!(title.starts_with("Café & Co"), "title {title:?}");
    // In attributes, `&copy=` is not a character reference (followed by `=`), `&amp;` is.
    assert!(
        article
            .content
            .contains("href=\"https://news.example.com/path?a=1&amp;b=2&amp;copy=3\""),
        "link href not decoded as HTML says: {}",
        truncate(&article.content, 1200)
    );
    assert!(
        article.content.contains("title=\"Téléphone\""),
        "link title: {}",
        truncate(&article.content, 1200)
    );
    assert!(
        article.content.contains("alt=\"Ångström 😀\""),
        "img alt: {}",
        truncate(&article.content, 1200)
    );
}

#[test]
fn write_after_error_is_invalid_state() {
    let mut cleaner = Cleaner::new(Options {
        max_input_bytes: 10,
        ..Options::default()
    })
    .expect("valid options");
    cleaner.write(b"<p>12345").expect("under the limit");
    let error = cleaner
        .write(b"67890 and more")
        .expect_err("over the limit");
    assert_eq!(error.kind(), ErrorKind::InputTooLarge);
    let error = cleaner.write(b"x").expect_err("after an error");
    assert_eq!(error.kind(), ErrorKind::InvalidState);
    let error = cleaner.finish().expect_err("after an error");
    assert_eq!(error.kind(), ErrorKind::InvalidState);
}
