//! The JavaScript API in a real browser (`wasm-pack test --headless --chrome`, run plainly in
//! the repository root: every other test target and the example compile to nothing on wasm32):
//! every export called with JS values, results inspected as JS sees them.
//! The fixture pages must give exactly the native goldens (`tests/fixtures/golden`).
#![cfg(target_arch = "wasm32")]

use article_cleaner::wasm::{
    clean, clean_to_fragment, is_probably_readerable, ArticleCleaner, JsChunk, JsOptions,
};
use js_sys::{Array, Object, Reflect, Uint8Array, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const PAGE_URL: &str = "https://news.example.com/2026/story.html";

/// (name, page bytes, native `content`, native `textContent`), cleaned with `url: PAGE_URL`.
const FIXTURES: &[(&str, &[u8], &str, &str)] = &[
    (
        "blog-post",
        include_bytes!("fixtures/pages/blog-post.html"),
        include_str!("fixtures/golden/blog-post.html"),
        include_str!("fixtures/golden/blog-post.txt"),
    ),
    (
        "magazine-feature",
        include_bytes!("fixtures/pages/magazine-feature.html"),
        include_str!("fixtures/golden/magazine-feature.html"),
        include_str!("fixtures/golden/magazine-feature.txt"),
    ),
    (
        "rtl-article",
        include_bytes!("fixtures/pages/rtl-article.html"),
        include_str!("fixtures/golden/rtl-article.html"),
        include_str!("fixtures/golden/rtl-article.txt"),
    ),
    (
        "windows-1252",
        include_bytes!("fixtures/pages/windows-1252.html"),
        include_str!("fixtures/golden/windows-1252.html"),
        include_str!("fixtures/golden/windows-1252.txt"),
    ),
    (
        "wire-news",
        include_bytes!("fixtures/pages/wire-news.html"),
        include_str!("fixtures/golden/wire-news.html"),
        include_str!("fixtures/golden/wire-news.txt"),
    ),
];

const NOT_AN_ARTICLE: &str = include_str!("fixtures/pages/not-an-article.html");
const NO_ARTICLE: &str = "<html><body><nav><a href=\"/\">Home</a></nav></body></html>";

fn page(name: &str) -> &'static [u8] {
    FIXTURES
        .iter()
        .find(|fixture| fixture.0 == name)
        .map(|fixture| fixture.1)
        .expect("fixture exists")
}

fn page_text(name: &str) -> &'static str {
    std::str::from_utf8(page(name)).expect("UTF-8 fixture")
}

/// A JS value from JSON text, as a caller would write it in JavaScript.
fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("valid JSON")
}

fn options(json: &str) -> Option<JsOptions> {
    Some(js(json).unchecked_into())
}

fn url_options() -> Option<JsOptions> {
    options(&format!(r#"{{"url": "{PAGE_URL}"}}"#))
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &JsValue::from_str(key)).expect("readable property")
}

fn get_string(object: &JsValue, key: &str) -> String {
    get(object, key)
        .as_string()
        .unwrap_or_else(|| panic!("{key} is not a string: {:?}", get(object, key)))
}

fn error_code(error: &JsValue) -> String {
    assert!(
        error.is_instance_of::<js_sys::Error>(),
        "thrown value is an Error: {error:?}"
    );
    assert_eq!(get_string(error, "name"), "ArticleCleanerError");
    get_string(error, "code")
}

fn error_message(error: &JsValue) -> String {
    get_string(error, "message")
}

/// The error of a call that must fail (without printing a whole article when it did not).
fn thrown<T>(result: Result<T, JsValue>, context: &str) -> JsValue {
    match result {
        Ok(_) => panic!("{context}: expected an error, got a result"),
        Err(error) => error,
    }
}

fn bytes_chunk(bytes: &[u8]) -> JsChunk {
    Uint8Array::from(bytes).unchecked_into()
}

fn text_chunk(text: &str) -> JsChunk {
    JsValue::from_str(text).unchecked_into()
}

/// Streams `bytes` in chunks of `size` and finishes.
fn stream(bytes: &[u8], size: usize, options: Option<JsOptions>) -> Result<JsValue, JsValue> {
    let mut cleaner = ArticleCleaner::new(options)?;
    for chunk in bytes.chunks(size) {
        cleaner.write(bytes_chunk(chunk))?;
    }
    cleaner.finish().map(JsValue::from)
}

#[wasm_bindgen_test]
fn clean_returns_a_plain_object_with_readability_fields() {
    let article: JsValue = clean(page_text("blog-post"), url_options())
        .expect("article")
        .into();
    assert_eq!(
        Object::get_prototype_of(&article),
        Object::get_prototype_of(&Object::new()),
        "a plain object, not a Map or a class instance"
    );
    let mut keys: Vec<String> = Object::keys(article.unchecked_ref::<Object>())
        .iter()
        .filter_map(|key| key.as_string())
        .collect();
    keys.sort();
    let mut expected = vec![
        "byline",
        "content",
        "dir",
        "excerpt",
        "lang",
        "leadImage",
        "length",
        "markdown",
        "pageType",
        "publishedTime",
        "readingTimeMinutes",
        "siteName",
        "textContent",
        "title",
        "wordCount",
    ];
    expected.sort_unstable();
    assert_eq!(keys, expected);
    for key in [
        "title",
        "content",
        "textContent",
        "excerpt",
        "byline",
        "lang",
    ] {
        assert!(get(&article, key).is_string(), "{key} is a string");
    }
    for key in ["length", "wordCount", "readingTimeMinutes"] {
        let number = get(&article, key).as_f64().expect("a number");
        assert!(number >= 1.0 && number.fract() == 0.0, "{key} = {number}");
    }
    assert!(
        get(&article, "markdown").is_null(),
        "markdown not requested"
    );
    assert!(get(&article, "dir").is_null(), "no dir on this page");
    assert_eq!(get_string(&article, "pageType"), "article");
    let length = get(&article, "length").as_f64().unwrap() as u32;
    let text: js_sys::JsString = get(&article, "textContent").unchecked_into();
    assert_eq!(length, text.length(), "length is textContent.length");
}

/// `explain: true` adds a plain `explain` object and changes nothing else.
#[wasm_bindgen_test]
fn explain_is_a_plain_object_and_changes_nothing() {
    let html = page_text("wire-news");
    let plain: JsValue = clean(html, url_options()).expect("article").into();
    let explained: JsValue = clean(
        html,
        options(&format!(r#"{{"url": "{PAGE_URL}", "explain": true}}"#)),
    )
    .expect("article")
    .into();
    assert!(get(&plain, "explain").is_undefined());
    for key in ["content", "textContent"] {
        assert_eq!(
            get_string(&explained, key),
            get_string(&plain, key),
            "{key}"
        );
    }
    let explain = get(&explained, "explain");
    let removed: Array = get(&explain, "removed").unchecked_into();
    assert!(removed.length() > 5);
    let first = removed.get(0);
    for key in ["rule", "phase", "path", "text"] {
        assert!(get(&first, key).is_string(), "removed[0].{key}");
    }
    let candidates: Array = get(&explain, "candidates").unchecked_into();
    assert!(candidates.length() >= 5);
    let reasons: Array = get(&candidates.get(0), "reasons").unchecked_into();
    assert!(reasons.length() > 0);
}

/// As in Readability.js, `length` is `textContent.length`: UTF-16 code units, so a character
/// outside the BMP counts twice.
#[wasm_bindgen_test]
fn length_is_the_javascript_length_of_the_text() {
    let paragraph = "<p>The harbour \u{1F6A2} ferry \u{1D11E} timetable changes in spring, \
                     the operator said, and commuters were told on Tuesday evening.</p>";
    let html = format!(
        "<html><body><article>{}</article></body></html>",
        paragraph.repeat(6)
    );
    let article: JsValue = clean(&html, options(r#"{"charThreshold": 100}"#))
        .expect("article")
        .into();
    let text: js_sys::JsString = get(&article, "textContent").unchecked_into();
    let length = get(&article, "length").as_f64().unwrap() as u32;
    assert_eq!(length, text.length());
    let chars = get_string(&article, "textContent").chars().count() as u32;
    assert_eq!(
        length,
        chars + 12,
        "two astral characters per paragraph count twice"
    );
}

#[wasm_bindgen_test]
fn markdown_and_outputs_follow_options() {
    let article: JsValue = clean(
        page_text("blog-post"),
        options(r#"{"outputMarkdown": true, "outputHtml": false}"#),
    )
    .expect("article")
    .into();
    let markdown = get_string(&article, "markdown");
    assert!(markdown.contains("\n\n"), "markdown has paragraphs");
    assert_eq!(get_string(&article, "content"), "");
    assert!(!get_string(&article, "textContent").is_empty());
}

#[wasm_bindgen_test]
fn fixtures_match_native_output() {
    for (name, bytes, native_html, native_text) in FIXTURES {
        for size in [bytes.len(), 4096, 97] {
            let article = stream(bytes, size, url_options())
                .unwrap_or_else(|e| panic!("{name}: {}", error_message(&e)));
            assert_eq!(
                &get_string(&article, "content"),
                native_html,
                "{name} content, chunks of {size}"
            );
            assert_eq!(
                &get_string(&article, "textContent"),
                native_text,
                "{name} textContent, chunks of {size}"
            );
        }
        if let Ok(text) = std::str::from_utf8(bytes) {
            let article: JsValue = clean(text, url_options()).expect("article").into();
            assert_eq!(&get_string(&article, "content"), native_html, "{name}");
            assert_eq!(&get_string(&article, "textContent"), native_text, "{name}");
        }
    }
}

#[wasm_bindgen_test]
fn windows_1252_streams_in_small_chunks() {
    let bytes = page("windows-1252");
    assert!(
        std::str::from_utf8(bytes).is_err(),
        "the fixture really is windows-1252"
    );
    let article = stream(bytes, 3, None).expect("article");
    let text = get_string(&article, "textContent");
    assert!(text.contains("La fromagerie coopérative de Montclar-sur-Loue"));
    assert!(
        text.contains("612 € les mille litres"),
        "0x80 is the euro sign"
    );
    assert_eq!(
        get_string(&article, "title"),
        "Montclar-sur-Loue : la fromagerie coopérative fête ses cent ans"
    );
}

fn shift_jis_page() -> Vec<u8> {
    let mut html = String::from(
        "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"shift_jis\">\
         <title>港の新しい時刻表</title></head><body><article><h1>港の新しい時刻表</h1>",
    );
    for i in 0..8 {
        html.push_str(&format!(
            "<p>第{i}段落：港湾委員会は火曜日の夜、通勤客や商店主、島の学校から批判されている\
             新しいフェリーの時刻表について話し合いました。早朝の便を秋学期の前に復活させるべきだ\
             という意見が、何人もの発言者から出されました。</p>"
        ));
    }
    html.push_str("</article></body></html>");
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&html);
    assert!(!unmappable);
    bytes.into_owned()
}

#[wasm_bindgen_test]
fn shift_jis_streams_by_meta_charset_and_by_option() {
    let bytes = shift_jis_page();
    for (size, options) in [
        (5, None),
        (1, None),
        (64, options(r#"{"encoding": "shift_jis"}"#)),
    ] {
        let article = stream(&bytes, size, options).expect("article");
        let text = get_string(&article, "textContent");
        assert!(
            text.contains("第7段落：港湾委員会は火曜日の夜"),
            "chunks of {size}: {text}"
        );
        assert_eq!(get_string(&article, "lang"), "ja");
    }
}

#[wasm_bindgen_test]
fn streaming_accepts_strings_and_refuses_mixed_input() {
    let text = page_text("blog-post");
    let mut cleaner = ArticleCleaner::new(url_options()).expect("cleaner");
    let split = text.char_indices().nth(text.chars().count() / 2).unwrap().0;
    cleaner
        .write(text_chunk(&text[..split]))
        .expect("first half");
    cleaner
        .write(text_chunk(&text[split..]))
        .expect("second half");
    let article: JsValue = cleaner.finish().expect("article").into();
    let whole: JsValue = clean(text, url_options()).expect("article").into();
    assert_eq!(
        get_string(&article, "content"),
        get_string(&whole, "content")
    );

    let mut mixed = ArticleCleaner::new(None).expect("cleaner");
    mixed.write(text_chunk("<p>text first")).expect("text");
    let error = mixed.write(bytes_chunk(b" then bytes</p>")).unwrap_err();
    assert_eq!(error_code(&error), "INVALID_STATE");
}

#[wasm_bindgen_test]
fn finished_cleaner_refuses_more_work() {
    let mut cleaner = ArticleCleaner::new(None).expect("cleaner");
    cleaner
        .write(bytes_chunk(page("blog-post")))
        .expect("write");
    cleaner.finish().expect("article");
    assert_eq!(error_code(&cleaner.finish().unwrap_err()), "INVALID_STATE");
    let error = cleaner.write(bytes_chunk(b"<p>more</p>")).unwrap_err();
    assert_eq!(error_code(&error), "INVALID_STATE");
    let wrong_type = ArticleCleaner::new(None)
        .expect("cleaner")
        .write(JsValue::from_f64(42.0).unchecked_into())
        .unwrap_err();
    assert!(wrong_type.is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
fn errors_carry_stable_codes() {
    let error = thrown(clean(NO_ARTICLE, None), "no article");
    assert_eq!(error_code(&error), "NOT_READERABLE");
    assert!(!error_message(&error).is_empty());

    let error = clean(page_text("blog-post"), options(r#"{"maxInputBytes": 100}"#)).unwrap_err();
    assert_eq!(error_code(&error), "INPUT_TOO_LARGE");
    assert!(error_message(&error).contains("100"));
    let error = stream(page("blog-post"), 64, options(r#"{"maxInputBytes": 1000}"#)).unwrap_err();
    assert_eq!(error_code(&error), "INPUT_TOO_LARGE");

    let error = ArticleCleaner::new(options(r#"{"encoding": "klingon"}"#))
        .map(|_| ())
        .unwrap_err();
    assert_eq!(error_code(&error), "ENCODING");
    assert!(error_message(&error).contains("klingon"));
    let error = clean("<p>x</p>", options(r#"{"encoding": "klingon"}"#)).unwrap_err();
    assert_eq!(error_code(&error), "ENCODING");
}

#[wasm_bindgen_test]
fn options_are_validated_and_errors_name_the_key() {
    let text = page_text("blog-post");
    let cases = [
        (r#"{"colour": "blue"}"#, "colour"),
        (
            r#"{"url": "https://a.example/", "charTreshold": 5}"#,
            "charTreshold",
        ),
        (r#"{"charThreshold": "many"}"#, "charThreshold"),
        (r#"{"charThreshold": -1}"#, "charThreshold"),
        (r#"{"charThreshold": 1.5}"#, "charThreshold"),
        (r#"{"keepClasses": "yes"}"#, "keepClasses"),
        (r#"{"url": 5}"#, "url"),
        (r#"{"url": "javascript:alert(1)"}"#, "url"),
        (r#"{"maxInputBytes": 0}"#, "maxInputBytes"),
        (r#""fast""#, "object"),
        (r#"[1, 2]"#, "object"),
    ];
    for (json, named) in cases {
        let error = thrown(clean(text, options(json)), json);
        assert_eq!(error_code(&error), "BAD_OPTION", "{json}");
        assert!(
            error_message(&error).contains(named),
            "{json}: message {:?} names {named}",
            error_message(&error)
        );
        let error = is_probably_readerable(text, options(json)).unwrap_err();
        assert_eq!(error_code(&error), "BAD_OPTION", "{json}");
        let error = ArticleCleaner::new(options(json)).map(|_| ()).unwrap_err();
        assert_eq!(error_code(&error), "BAD_OPTION", "{json}");
    }

    // Absent, null and undefined-valued keys are all defaults.
    let undefined_url = Object::new();
    Reflect::set(&undefined_url, &"url".into(), &JsValue::UNDEFINED).unwrap();
    for options in [
        None,
        Some(JsValue::NULL.unchecked_into()),
        Some(JsValue::from(undefined_url).unchecked_into()),
        options(r#"{"url": null, "encoding": null}"#),
    ] {
        clean(text, options).expect("defaults work");
    }
}

#[wasm_bindgen_test]
fn readerable_check() {
    assert!(is_probably_readerable(page_text("blog-post"), None).unwrap());
    assert!(!is_probably_readerable(NOT_AN_ARTICLE, None).unwrap());
    // Readability.js's options: a page needs more, or less, to pass.
    let strict = options(r#"{"minContentLength": 100000}"#);
    assert!(!is_probably_readerable(page_text("blog-post"), strict).unwrap());
    let lenient = options(r#"{"minContentLength": 1, "minScore": 0}"#);
    assert!(is_probably_readerable(NOT_AN_ARTICLE, lenient).unwrap());
    let error = is_probably_readerable(NOT_AN_ARTICLE, options(r#"{"minScore": "high"}"#))
        .expect_err("a string is not a score");
    assert_eq!(get_string(&error, "code"), "BAD_OPTION");
    assert!(get_string(&error, "message").contains("minScore"));
}

/// `innerHTML` of a `<div>` holding `fragment`.
fn serialise(fragment: &JsValue) -> String {
    let document = web_sys::window().unwrap().document().unwrap();
    let holder = document.create_element("div").unwrap();
    holder
        .append_child(fragment.unchecked_ref::<web_sys::Node>())
        .unwrap();
    holder.inner_html()
}

#[wasm_bindgen_test]
fn fragment_is_built_node_by_node_and_matches_content() {
    for (name, bytes, _, _) in FIXTURES {
        let Ok(text) = std::str::from_utf8(bytes) else {
            continue;
        };
        let result: JsValue = clean_to_fragment(text, url_options())
            .expect("fragment")
            .into();
        let article = get(&result, "article");
        let fragment = get(&result, "fragment");
        assert!(
            fragment.is_instance_of::<web_sys::DocumentFragment>(),
            "{name}"
        );
        let node: &web_sys::Node = fragment.unchecked_ref();
        assert!(
            node.child_nodes().length() > 0,
            "{name}: fragment has nodes"
        );
        let content = get_string(&article, "content");
        // The browser serialises the DOM we built exactly as our HTML output.
        assert_eq!(serialise(&fragment), content, "{name}");
    }
}

#[wasm_bindgen_test]
fn fragment_puts_math_in_the_mathml_namespace() {
    let result: JsValue = clean_to_fragment(page_text("blog-post"), url_options())
        .expect("fragment")
        .into();
    let fragment: web_sys::DocumentFragment = get(&result, "fragment").unchecked_into();
    let math = fragment
        .query_selector("math")
        .unwrap()
        .expect("the blog post has a formula");
    assert_eq!(
        math.namespace_uri().as_deref(),
        Some("http://www.w3.org/1998/Math/MathML")
    );
    let paragraph = fragment.query_selector("p").unwrap().expect("a paragraph");
    assert_eq!(
        paragraph.namespace_uri().as_deref(),
        Some("http://www.w3.org/1999/xhtml")
    );
}

#[wasm_bindgen_test]
fn streaming_cleaner_finishes_to_a_fragment() {
    let mut cleaner = ArticleCleaner::new(url_options()).expect("cleaner");
    for chunk in page("windows-1252").chunks(100) {
        cleaner.write(bytes_chunk(chunk)).expect("write");
    }
    let result: JsValue = cleaner.finish_to_fragment().expect("fragment").into();
    let content = get_string(&get(&result, "article"), "content");
    assert_eq!(serialise(&get(&result, "fragment")), content);
}

#[wasm_bindgen_test]
fn hostile_markup_never_reaches_the_fragment() {
    let html = format!(
        "<html><body><article><p>{}</p>\
         <p>Before <img src=x onerror=alert(1)> <a href=\"javascript:alert(2)\">link</a>\
         <svg onload=alert(3)><script>alert(4)</script></svg>\
         <iframe srcdoc=\"&lt;script&gt;alert(5)&lt;/script&gt;\"></iframe> after.</p>\
         <p>{}</p></article></body></html>",
        "The committee met on Tuesday evening to discuss the new timetable, which commuters dislike. ".repeat(5),
        "Councillors will vote on the timetable at their next full meeting in September, after a survey. ".repeat(5),
    );
    let result: JsValue = clean_to_fragment(&html, None).expect("fragment").into();
    let fragment: web_sys::DocumentFragment = get(&result, "fragment").unchecked_into();
    let all = fragment.query_selector_all("*").unwrap();
    for index in 0..all.length() {
        let element: web_sys::Element = all.item(index).unwrap().unchecked_into();
        let names: Array = element.get_attribute_names();
        for name in names.iter() {
            let name = name.as_string().unwrap();
            assert!(!name.starts_with("on"), "{name} on {}", element.tag_name());
            assert_ne!(name, "srcdoc");
            let value = element.get_attribute(&name).unwrap_or_default();
            assert!(
                !value.to_ascii_lowercase().contains("javascript:"),
                "{value}"
            );
        }
        let tag = element.tag_name().to_ascii_lowercase();
        assert!(
            !["script", "svg", "iframe"].contains(&tag.as_str()),
            "{tag}"
        );
    }
    let text = fragment.text_content().unwrap_or_default();
    assert!(text.contains("Before") && text.contains("after."));
}
