//! Hostile and degenerate input: no panic, no hang, and every result is either an article or
//! a typed error. Also the error kinds for bad options and the serde form of `Options`.
//!
//! The 50 MB page test is `#[ignore]`d because it is slow in debug builds; run it with
//!
//! ```text
//! cargo test --release --test hostile -- --include-ignored
//! ```
// Native only: `wasm-pack test` builds every test target for wasm32 (tests/web.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

use article_cleaner::{clean, Article, Cleaner, Error, ErrorKind, Options};

/// Three paragraphs of real article text, long enough to pass the default thresholds.
const PARAGRAPHS: &[&str] = &[
    "The county water board voted on Thursday to replace the ageing pumping station at Mill \
     Lane, ending two years of arguments over cost, location and the fate of the old brick \
     engine house, which campaigners want to keep as a museum.",
    "Engineers told the meeting that the station, built in 1931, now fails several times a \
     winter, and that each failure leaves about four thousand homes on low pressure for a day \
     or more while parts are found, made or borrowed from other sites.",
    "The new station will be built on the field behind the current one, the board said, so \
     that the engine house can stay where it is. Work should begin in the spring and take \
     about eighteen months, with the old pumps kept running until the switch-over.",
];

fn article_html() -> String {
    PARAGRAPHS.iter().map(|p| format!("<p>{p}</p>\n")).collect()
}

fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Water board approves new pumping \
         station</title></head><body>{body}</body></html>"
    )
}

fn through_cleaner(bytes: &[u8], options: &Options, chunk: usize) -> Result<Article, Error> {
    let mut cleaner = Cleaner::new(options.clone())?;
    for piece in bytes.chunks(chunk.max(1)) {
        cleaner.write(piece)?;
    }
    cleaner.finish()
}

/// A result is acceptable when it is an article whose HTML holds no script, or one of the
/// error kinds a page (rather than the caller) can cause.
fn assert_acceptable(what: &str, result: &Result<Article, Error>) {
    match result {
        Ok(article) => {
            assert!(
                !article.content.to_ascii_lowercase().contains("<script"),
                "{what}: script in output"
            );
            assert_eq!(
                article.length,
                article.text_content.chars().count(),
                "{what}: length is not the text's character count"
            );
        }
        Err(error) => assert!(
            matches!(
                error.kind(),
                ErrorKind::NotReaderable | ErrorKind::InputTooLarge
            ),
            "{what}: unexpected error kind {:?}: {error}",
            error.kind()
        ),
    }
}

/// Runs `html` through `clean` and through `Cleaner` (in 8 KiB chunks) and checks both.
fn both(what: &str, html: &str, options: &Options) -> Result<Article, Error> {
    let text = clean(html, options);
    // Shown with --nocapture: what each hostile input gives.
    eprintln!(
        "{}: {}",
        what.chars().take(80).collect::<String>(),
        match &text {
            Ok(article) => format!("Ok(article of {} chars)", article.length),
            Err(error) => format!("Err({error})"),
        }
    );
    assert_acceptable(&format!("{what} (clean)"), &text);
    let bytes = through_cleaner(html.as_bytes(), options, 8192);
    assert_acceptable(&format!("{what} (Cleaner)"), &bytes);
    assert_eq!(
        text.as_ref().map(|a| &a.text_content),
        bytes.as_ref().map(|a| &a.text_content),
        "{what}: clean and Cleaner disagree"
    );
    text
}

/// As [`both`], for inputs where any acceptable result will do.
fn survives(what: &str, html: &str, options: &Options) {
    let _ = both(what, html, options);
}

fn assert_has_article_text(what: &str, result: &Result<Article, Error>) {
    let article = match result {
        Ok(article) => article,
        Err(error) => panic!("{what}: expected an article, got {error}"),
    };
    let text = article
        .text_content
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for paragraph in PARAGRAPHS {
        let start: String = paragraph.chars().take(60).collect();
        assert!(
            text.contains(&start),
            "{what}: paragraph starting {start:?} missing; text starts {:?}",
            text.chars().take(300).collect::<String>()
        );
    }
}

/// splitmix64, for deterministic "random" bytes.
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

// ---------------------------------------------------------------------------------------
// Empty and garbage

#[test]
fn empty_input_is_not_readerable() {
    let options = Options::default();
    for (what, result) in [
        ("clean", clean("", &options)),
        (
            "Cleaner, no write",
            Cleaner::new(options.clone()).unwrap().finish(),
        ),
        ("Cleaner, empty write", through_cleaner(b"", &options, 1)),
    ] {
        let error = result.expect_err(what);
        assert_eq!(error.kind(), ErrorKind::NotReaderable, "{what}: {error}");
    }
}

#[test]
fn whitespace_only_is_not_readerable() {
    let options = Options::default();
    for html in [
        " ",
        "\n\n\t  \r\n",
        &" \n".repeat(100_000),
        "\u{A0}\u{2003}\u{3000}",
    ] {
        let error = both("whitespace", html, &options).expect_err("whitespace only");
        assert_eq!(error.kind(), ErrorKind::NotReaderable);
    }
    // Fewer than the three bytes the BOM sniffer waits for, and BOMs with nothing after.
    for bytes in [
        &b" "[..],
        b"\n\n",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\xFE\xFF",
        b"\xEF\xBB\xBF \n",
        b"\xFF\xFE \x00",
    ] {
        for chunk in [1, 2, 3] {
            let error = through_cleaner(bytes, &options, chunk).expect_err("no text");
            assert_eq!(error.kind(), ErrorKind::NotReaderable, "{bytes:?}");
        }
    }
    // A truncated BOM is not a BOM: the bytes are text (invalid UTF-8, so U+FFFD).
    for bytes in [&b"\xEF"[..], b"\xEF\xBB"] {
        for chunk in [1, 2] {
            let result = through_cleaner(bytes, &options, chunk);
            assert_acceptable(&format!("{bytes:?}"), &result);
            if let Ok(article) = result {
                assert!(
                    article.text_content.chars().all(|c| c == '\u{FFFD}'),
                    "{bytes:?}: {:?}",
                    article.text_content
                );
            }
        }
    }
}

#[test]
fn binary_garbage() {
    let mut rng = SplitMix(0x5EED_0001);
    let bytes: Vec<u8> = (0..(1 << 20) / 8)
        .flat_map(|_| rng.next().to_le_bytes())
        .collect();
    assert_eq!(bytes.len(), 1 << 20);
    let options = Options::default();
    for chunk in [1 << 20, 4096, 7] {
        let result = through_cleaner(&bytes, &options, chunk);
        assert_acceptable(&format!("binary garbage in {chunk}-byte chunks"), &result);
    }
    let lossy = String::from_utf8_lossy(&bytes);
    assert_acceptable("binary garbage (lossy text)", &clean(&lossy, &options));
    // Garbage with a low threshold, so that whatever text it has may become an article.
    let low = Options {
        char_threshold: 1,
        ..Options::default()
    };
    assert_acceptable(
        "binary garbage, threshold 1",
        &through_cleaner(&bytes, &low, 65536),
    );
    // Garbage as "windows-1252" and as UTF-16 (every byte sequence decodes).
    for label in ["windows-1252", "utf-16le", "shift_jis", "iso-2022-jp"] {
        let options = Options {
            encoding: Some(label.to_owned()),
            ..Options::default()
        };
        assert_acceptable(
            &format!("binary garbage as {label}"),
            &through_cleaner(&bytes, &options, 65536),
        );
    }
}

// ---------------------------------------------------------------------------------------
// Depth

const DEPTH: usize = 100_000;

#[test]
fn deep_div_nesting() {
    let html = page(&format!(
        "{}{}{}",
        "<div>".repeat(DEPTH),
        article_html(),
        "</div>".repeat(DEPTH)
    ));
    let result = both("100,000 nested divs", &html, &Options::default());
    assert_has_article_text("100,000 nested divs", &result);
    // Unclosed: the same without end tags.
    let html = page(&format!("{}{}", "<div>".repeat(DEPTH), article_html()));
    let result = both("100,000 unclosed divs", &html, &Options::default());
    assert_has_article_text("100,000 unclosed divs", &result);
}

#[test]
fn deep_p_span_nesting() {
    let html = page(&format!(
        "{}{}{}",
        "<p><span>".repeat(DEPTH / 2),
        article_html(),
        "</span></p>".repeat(DEPTH / 2)
    ));
    survives("<p><span> x 50,000", &html, &Options::default());
    let html = page(&format!(
        "{}{}",
        "<span><p><em>text ".repeat(DEPTH / 3),
        article_html()
    ));
    survives("<span><p><em> x 33,000", &html, &Options::default());
}

#[test]
fn deep_table_nesting() {
    let html = page(&format!(
        "{}{}{}",
        "<table><tr><td>".repeat(DEPTH / 3),
        article_html(),
        "</td></tr></table>".repeat(DEPTH / 3)
    ));
    survives("nested tables", &html, &Options::default());
    let html = page(&format!("{}{}", "<table>".repeat(DEPTH), article_html()));
    survives("100,000 <table>", &html, &Options::default());
}

#[test]
fn unclosed_everything() {
    let html = page(&format!(
        "{}{}",
        "<div><p><b><i><ul><li>".repeat(20_000),
        article_html()
    ));
    survives("unclosed div/p/b/i/ul/li", &html, &Options::default());
    let html = format!(
        "<html><head><title>t</title><body><div><p>{}<table><tr><td><a href=\"/x\"><select>\
         <option>{}<textarea>{}<!--",
        PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]
    );
    survives(
        "unclosed comment, textarea, select",
        &html,
        &Options::default(),
    );
    for tail in [
        "<",
        "</",
        "<a",
        "<a href=\"",
        "&",
        "&#",
        "&#x",
        "&am",
        "<!",
        "<!-",
        "<![CDATA[",
    ] {
        let html = page(&format!("{}<p>end{tail}", article_html()));
        let result = both(&format!("ends with {tail:?}"), &html, &Options::default());
        assert_has_article_text(&format!("ends with {tail:?}"), &result);
    }
}

// ---------------------------------------------------------------------------------------
// Size

#[test]
fn input_larger_than_max_input_bytes() {
    let html = page(&article_html());
    let options = Options {
        max_input_bytes: html.len() - 1,
        ..Options::default()
    };
    let error = clean(&html, &options).expect_err("too large");
    assert_eq!(error.kind(), ErrorKind::InputTooLarge, "{error}");
    for chunk in [1, 100, html.len()] {
        let error = through_cleaner(html.as_bytes(), &options, chunk).expect_err("too large");
        assert_eq!(
            error.kind(),
            ErrorKind::InputTooLarge,
            "chunk {chunk}: {error}"
        );
    }
    // Exactly at the limit is fine.
    let options = Options {
        max_input_bytes: html.len(),
        ..Options::default()
    };
    assert_has_article_text("exactly max_input_bytes", &clean(&html, &options));
    assert_has_article_text(
        "exactly max_input_bytes (Cleaner)",
        &through_cleaner(html.as_bytes(), &options, 100),
    );
}

#[test]
fn input_larger_than_default_limit() {
    let limit = Options::default().max_input_bytes;
    let mut html = page(&article_html());
    html.push_str(&" ".repeat(limit + 1 - html.len()));
    assert_eq!(html.len(), limit + 1);
    let error = clean(&html, &Options::default()).expect_err("too large");
    assert_eq!(error.kind(), ErrorKind::InputTooLarge);
    let error =
        through_cleaner(html.as_bytes(), &Options::default(), 1 << 20).expect_err("too large");
    assert_eq!(error.kind(), ErrorKind::InputTooLarge);
}

#[test]
fn huge_attribute_value() {
    let value = "a".repeat(1 << 20);
    let html = page(&format!(
        "<div title=\"{value}\" class=\"{value}\" data-x=\"{value}\"><p>{}</p>\
         <p><a href=\"/x?{value}\">a link with a huge URL</a> {}</p><p>{}</p></div>",
        PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]
    ));
    let result = both("1 MB attribute values", &html, &Options::default());
    assert_has_article_text("1 MB attribute values", &result);
    // An unterminated huge attribute value swallows the rest of the page.
    let html = page(&format!("{}<div title=\"{value}", article_html()));
    survives("unterminated 1 MB attribute", &html, &Options::default());
}

#[test]
fn hundred_thousand_attributes() {
    let attributes: String = (0..100_000).map(|i| format!(" a{i}=\"v{i}\"")).collect();
    let html = page(&format!("<div{attributes}>{}</div>", article_html()));
    let result = both("100,000 attributes", &html, &Options::default());
    assert_has_article_text("100,000 attributes", &result);
    // The same attribute repeated (duplicates are ignored by HTML parsers).
    let repeated = " class=\"x\"".repeat(100_000);
    let html = page(&format!("<article{repeated}>{}</article>", article_html()));
    survives("100,000 duplicate attributes", &html, &Options::default());
}

fn fifty_megabyte_page() -> String {
    let mut body = String::with_capacity(52 << 20);
    body.push_str("<article><h1>Water board approves new pumping station</h1>");
    let mut i = 0usize;
    while body.len() < 50 << 20 {
        body.push_str("<p>");
        body.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        body.push_str(&format!(" (paragraph {i})</p>\n"));
        i += 1;
    }
    body.push_str("</article>");
    page(&body)
}

#[test]
#[ignore = "50 MB: slow in debug builds; run with cargo test --release -- --include-ignored"]
fn fifty_megabyte_page_succeeds() {
    let html = fifty_megabyte_page();
    assert!(html.len() >= 50 << 20);
    let article = clean(&html, &Options::default()).expect("a 50 MB page gives an article");
    assert!(
        article.text_content.starts_with(PARAGRAPHS[0]),
        "starts {:?}",
        article.text_content.chars().take(200).collect::<String>()
    );
    assert!(article.text_content.contains("(paragraph 1000)"));
    assert!(article.word_count > 100_000);
    let streamed = through_cleaner(html.as_bytes(), &Options::default(), 1 << 16)
        .expect("a 50 MB page gives an article through Cleaner");
    assert_eq!(streamed, article);
}

#[test]
fn fifty_megabyte_text_node() {
    let mut text = String::with_capacity(51 << 20);
    let sentence = "Words, words and more words in one enormous text node. ";
    while text.len() < 50 << 20 {
        text.push_str(sentence);
    }
    let html = page(&format!("<article><p>{text}</p></article>"));
    let result = both("50 MB text node", &html, &Options::default());
    if let Ok(article) = &result {
        assert!(article.text_content.starts_with("Words, words"));
    }
    // Without any element at all.
    let result = through_cleaner(text.as_bytes(), &Options::default(), 1 << 20);
    assert_acceptable("50 MB bare text", &result);
}

#[test]
fn many_breaks_links_and_siblings() {
    let html = page(&format!(
        "<div>{}{}</div>",
        article_html(),
        "text<br>".repeat(200_000)
    ));
    survives("200,000 <br>", &html, &Options::default());
    let html = page(&format!(
        "<div>{}<p>{}</p></div>",
        article_html(),
        "<a href=\"/l\">link</a> ".repeat(100_000)
    ));
    survives("100,000 links in one paragraph", &html, &Options::default());
    let html = page(&format!(
        "{}{}",
        article_html(),
        "<div><p>short, text.</p></div>".repeat(100_000)
    ));
    survives("100,000 sibling divs", &html, &Options::default());
}

// ---------------------------------------------------------------------------------------
// Encoding damage and foreign content

#[test]
fn invalid_utf8_sequences() {
    let bad: &[&[u8]] = &[
        b"\xFF",
        b"\xC3\x28",
        b"\xC0\xAF",
        b"\xED\xA0\x80",
        b"\xF4\x90\x80\x80",
        b"\xE2\x82",
        b"\xF0\x9F\x98",
        b"\x80\x80\x80",
        b"\xFE\xFE\xFF\xFF",
    ];
    let mut bytes = Vec::new();
    bytes.extend_from_slice(b"<html><head><title>Bad \xFF bytes</title></head><body><article>");
    for (i, paragraph) in PARAGRAPHS.iter().enumerate() {
        bytes.extend_from_slice(b"<p>");
        let (first, second) = paragraph.split_at(paragraph.len() / 2);
        bytes.extend_from_slice(first.as_bytes());
        bytes.extend_from_slice(bad[i % bad.len()]);
        bytes.extend_from_slice(second.as_bytes());
        for sequence in bad {
            bytes.extend_from_slice(b" x");
            bytes.extend_from_slice(sequence);
        }
        bytes.extend_from_slice(b"</p>\n<img alt=\"\xC3\x28\" src=\"/i\xFF.jpg\">");
    }
    bytes.extend_from_slice(b"</article></body></html>\xF0\x9F");
    assert!(std::str::from_utf8(&bytes).is_err());
    for chunk in [bytes.len(), 1, 2, 3, 5] {
        let result = through_cleaner(&bytes, &Options::default(), chunk);
        assert_acceptable(&format!("invalid UTF-8 in {chunk}-byte chunks"), &result);
        let article = result.expect("an article around the invalid bytes");
        assert!(
            article.text_content.contains('\u{FFFD}'),
            "invalid bytes become U+FFFD"
        );
        for paragraph in PARAGRAPHS {
            let (first, _) = paragraph.split_at(paragraph.len() / 2);
            assert!(
                article.text_content.contains(first),
                "chunk {chunk}: {first:?} missing"
            );
        }
    }
}

#[test]
fn foreign_content_oddities() {
    let cases = [
        "<svg><p>in svg</p><foreignObject><p>in foreignObject</p></foreignObject></svg>",
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
        "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
        "<math><mi><table><tr><td>cell</td></tr></table></mi></math>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<math><annotation-xml encoding=\"text/html\"><script>alert(1)</script></annotation-xml></math>",
        "<template><p>template text</p><script>alert(1)</script></template>",
        "<template><template><template><div>deep template",
        "<noscript><p>noscript text</p><img src=\"/fallback.jpg\"></noscript>",
        "<noscript><style></noscript><img src=x onerror=alert(1)></style></noscript>",
        "<svg><svg><svg><math><math><svg><desc><p>desc</p></desc></svg></math></math></svg></svg></svg>",
        "<svg><script>alert(1)</script><title><script>alert(2)</script></title></svg>",
        "<table><svg><tr><td>mis-nested</td></tr></svg></table>",
        "<select><svg><option>opt</option></svg></select>",
        "<xmp><script>alert(1)</script></xmp><plaintext><p>rest is text",
    ];
    for (index, case) in cases.iter().enumerate() {
        let html = page(&format!(
            "<article><p>{}</p>{case}<p>{}</p><p>{}</p></article>",
            PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2]
        ));
        let result = both(
            &format!("foreign case {index}: {case}"),
            &html,
            &Options::default(),
        );
        if let Ok(article) = &result {
            let lower = article.content.to_ascii_lowercase();
            assert!(
                !lower.contains("onerror"),
                "case {index}: {}",
                article.content
            );
            assert!(
                !lower.contains("alert("),
                "case {index}: {}",
                article.content
            );
        }
        // Deeply repeated, unclosed.
        let html = page(&format!("{}{}", case.repeat(2_000), article_html()));
        survives(
            &format!("foreign case {index} x 2000"),
            &html,
            &Options::default(),
        );
    }
}

// ---------------------------------------------------------------------------------------
// Error kinds

#[test]
fn bad_url_option() {
    let html = page(&article_html());
    for url in [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "/relative/path",
        "",
    ] {
        let options = Options {
            url: Some(url.to_owned()),
            ..Options::default()
        };
        let error = clean(&html, &options).expect_err(url);
        assert_eq!(
            error.kind(),
            ErrorKind::BadOption,
            "clean, url {url:?}: {error}"
        );
        let error = Cleaner::new(options).err().expect(url);
        assert_eq!(
            error.kind(),
            ErrorKind::BadOption,
            "Cleaner, url {url:?}: {error}"
        );
    }
    for url in [
        "https://example.com/a",
        "HTTP://EXAMPLE.COM/",
        " http://x.example/p?q#f ",
    ] {
        let options = Options {
            url: Some(url.to_owned()),
            ..Options::default()
        };
        assert!(clean(&html, &options).is_ok(), "url {url:?} is acceptable");
    }
}

#[test]
fn unknown_encoding_option() {
    for label in ["no-such-charset", "", "utf-9", "replacement"] {
        let options = Options {
            encoding: Some(label.to_owned()),
            ..Options::default()
        };
        let error = Cleaner::new(options).err().expect(label);
        assert_eq!(
            error.kind(),
            ErrorKind::UnsupportedEncoding,
            "label {label:?}: {error}"
        );
    }
    for label in [
        "utf-8",
        "latin1",
        " Windows-1252 ",
        "sjis",
        "utf-16le",
        "gb18030",
    ] {
        let options = Options {
            encoding: Some(label.to_owned()),
            ..Options::default()
        };
        assert!(Cleaner::new(options).is_ok(), "label {label:?} is known");
    }
}

/// `clean` takes the same `Options` as `Cleaner` (and as the CLI and JavaScript): an unknown
/// label is an unusable option there too, even though text input needs no decoding.
#[test]
fn unknown_encoding_option_in_clean() {
    let options = Options {
        encoding: Some("no-such-charset".to_owned()),
        ..Options::default()
    };
    let result = clean(&page(&article_html()), &options);
    match result {
        Err(error) => assert_eq!(error.kind(), ErrorKind::UnsupportedEncoding, "{error}"),
        Ok(_) => panic!(
            "clean accepted encoding \"no-such-charset\" (Cleaner::new refuses it with \
             UnsupportedEncoding)"
        ),
    }
}

#[test]
fn zero_max_input_bytes() {
    let options = Options {
        max_input_bytes: 0,
        ..Options::default()
    };
    let error = clean("<p>x</p>", &options).expect_err("max_input_bytes 0");
    assert_eq!(error.kind(), ErrorKind::BadOption);
    let error = Cleaner::new(options).err().expect("max_input_bytes 0");
    assert_eq!(error.kind(), ErrorKind::BadOption);
}

#[test]
fn page_without_text_is_not_readerable() {
    for body in [
        "<div><img src=\"/a.jpg\"><img src=\"/b.jpg\"></div>",
        "<div><div><span></span></div></div><!-- a comment with plenty of words in it -->",
        "<script>document.write('lots of words, words and more words here')</script>\
         <style>p { color: red }</style>",
        "<form><input value=\"a value\"><button>Submit</button></form>",
    ] {
        let html = page(body);
        let error = both(body, &html, &Options::default()).expect_err(body);
        assert_eq!(error.kind(), ErrorKind::NotReaderable, "{body}: {error}");
    }
}

#[test]
fn error_codes_are_stable() {
    let cases = [
        (ErrorKind::NotReaderable, "NOT_READERABLE"),
        (ErrorKind::InputTooLarge, "INPUT_TOO_LARGE"),
        (ErrorKind::BadOption, "BAD_OPTION"),
        (ErrorKind::UnsupportedEncoding, "ENCODING"),
        (ErrorKind::InvalidState, "INVALID_STATE"),
    ];
    for (kind, code) in cases {
        assert_eq!(kind.code(), code);
    }
    let error = clean("", &Options::default()).expect_err("empty");
    assert!(error.to_string().starts_with("NOT_READERABLE: "), "{error}");
    assert!(!error.message().is_empty());
}

// ---------------------------------------------------------------------------------------
// Options as JSON

#[test]
fn options_json_rejects_unknown_keys() {
    for json in [
        r#"{"nope": 1}"#,
        r#"{"url": "https://example.com/", "charTreshold": 10}"#,
        r#"{"char_threshold": 10}"#,
        r#"{"outputHTML": false}"#,
    ] {
        let result = serde_json::from_str::<Options>(json);
        assert!(result.is_err(), "{json} should be refused, got {result:?}");
    }
}

#[test]
fn options_json_partial_object() {
    let options: Options = serde_json::from_str("{}").expect("empty object");
    assert_eq!(options, Options::default());

    let options: Options = serde_json::from_str(
        r#"{"url": "https://example.com/a", "charThreshold": 20, "outputMarkdown": true}"#,
    )
    .expect("partial object");
    assert_eq!(
        options,
        Options {
            url: Some("https://example.com/a".to_owned()),
            char_threshold: 20,
            output_markdown: true,
            ..Options::default()
        }
    );

    let options: Options = serde_json::from_str(
        r#"{"keepClasses": true, "maxInputBytes": 1000, "encoding": "windows-1252",
            "outputHtml": false, "outputText": false, "url": null}"#,
    )
    .expect("every other field");
    assert!(options.keep_classes);
    assert_eq!(options.max_input_bytes, 1000);
    assert_eq!(options.encoding.as_deref(), Some("windows-1252"));
    assert!(!options.output_html && !options.output_text);
    assert_eq!(options.url, None);

    // Wrong types are refused.
    assert!(serde_json::from_str::<Options>(r#"{"charThreshold": "20"}"#).is_err());
    assert!(serde_json::from_str::<Options>(r#"{"maxInputBytes": -1}"#).is_err());

    // Round trip.
    let json = serde_json::to_string(&options).expect("serialises");
    assert_eq!(
        serde_json::from_str::<Options>(&json).expect("parses"),
        options
    );
}

#[test]
fn output_switches_are_honoured() {
    let html = page(&article_html());
    let options = Options {
        output_html: false,
        output_text: false,
        ..Options::default()
    };
    let article = clean(&html, &options).expect("article");
    assert!(article.content.is_empty() && article.text_content.is_empty());
    assert!(article.markdown.is_none());
    // Length and word count still describe the article.
    let full = clean(&html, &Options::default()).expect("article");
    assert_eq!(article.length, full.length);
    assert_eq!(article.word_count, full.word_count);
    assert!(full.length > 0);
}
