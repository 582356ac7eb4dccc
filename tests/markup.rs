//! What the author wrote, kept as written (issue 13): one fixture page of our own per
//! footnote, highlighter, math and callout shape in `tests/fixtures/markup/`, each checked
//! for what its shape must give, with its exact output in `tests/fixtures/markup/golden/`
//! (`X.html`, `X.md`, `X.txt`). Regenerate them (then read the diff) with:
//!
//! ```text
//! UPDATE_GOLDEN=1 cargo test --test markup
//! ```
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

use article_cleaner::{clean, Article, Options};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/markup")
}

fn pages() -> Vec<(String, Article)> {
    let mut names: Vec<String> = fs::read_dir(fixtures())
        .expect("fixtures")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".html").map(str::to_owned)
        })
        .collect();
    names.sort();
    let options = Options {
        output_markdown: true,
        url: Some("https://news.example.com/2026/story.html".to_owned()),
        ..Options::default()
    };
    names
        .into_iter()
        .map(|name| {
            let html = fs::read_to_string(fixtures().join(format!("{name}.html"))).unwrap();
            let article = clean(&html, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, article)
        })
        .collect()
}

fn markdown(article: &Article) -> &str {
    article.markdown.as_deref().unwrap_or_default()
}

#[test]
fn outputs_match_their_golden_files() {
    let golden = fixtures().join("golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    if update {
        fs::create_dir_all(&golden).unwrap();
    }
    let mut stale = Vec::new();
    for (name, article) in pages() {
        for (extension, output) in [
            ("html", article.content.clone()),
            ("md", markdown(&article).to_owned()),
            ("txt", article.text_content.clone()),
        ] {
            let path = golden.join(format!("{name}.{extension}"));
            if update {
                fs::write(&path, &output).unwrap();
            } else if fs::read_to_string(&path).ok().as_deref() != Some(output.as_str()) {
                stale.push(path.display().to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "outputs differ from (run UPDATE_GOLDEN=1 cargo test --test markup and read the diff): {stale:#?}"
    );
}

const FIRST_NOTE: &str = "The first note says the dues were last raised in 2019.";
const SECOND_NOTE: &str = "The second note gives the crossing time in winter.";

#[test]
fn every_footnote_shape_is_linked_with_our_ids() {
    let mut handled = 0;
    for (name, article) in pages()
        .into_iter()
        .filter(|(n, _)| n.starts_with("footnotes-"))
    {
        let content = &article.content;
        for needle in [
            "href=\"#fn-1\"",
            "id=\"fnref-1\"",
            "id=\"fn-1\"",
            "id=\"fn-2\"",
            "href=\"#fnref-1\"",
            "role=\"doc-noteref\"",
            "role=\"doc-endnotes\"",
        ] {
            assert!(content.contains(needle), "{name}: no {needle} in {content}");
        }
        // Never the page's own ids or links to them.
        for page_id in [
            "cite_",
            "user-content",
            "ftnt",
            "footnote-anchor",
            "6f1c",
            "\"#fn1\"",
        ] {
            assert!(!content.contains(page_id), "{name}: {page_id} in {content}");
        }
        let md = markdown(&article);
        assert!(md.contains(&format!("[^1]: {FIRST_NOTE}")), "{name}: {md}");
        assert!(md.contains(&format!("[^2]: {SECOND_NOTE}")), "{name}: {md}");
        assert!(references_to(md, 1) >= 1, "{name}: {md}");
        let text = &article.text_content;
        assert_eq!(text.matches(FIRST_NOTE).count(), 1, "{name}: {text}");
        assert!(
            text.rfind(SECOND_NOTE) > text.find("crossing takes forty minutes"),
            "{name}: notes come after the text: {text}"
        );
        handled += 1;
    }
    assert_eq!(handled, 7, "footnote shapes checked");
}

/// `[^n]` references in the Markdown that are not the definition.
fn references_to(markdown: &str, number: usize) -> usize {
    let reference = format!("[^{number}]");
    let definition = format!("[^{number}]:");
    markdown.matches(&reference).count() - markdown.matches(&definition).count()
}

#[test]
fn every_highlighter_keeps_the_language_and_only_the_code() {
    let expected = [
        ("code-chroma", "go", "func fare(trips int) int {"),
        ("code-copy-button", "bash", "ferry --night --from mainland"),
        ("code-highlightjs", "python", "def fare(trips):"),
        (
            "code-highlightjs-line-numbers",
            "python",
            "def fare(trips):",
        ),
        (
            "code-inline-numbers",
            "rust",
            "fn fare(trips: u32) -> u32 {",
        ),
        ("code-prism", "python", "def fare(trips):"),
        ("code-pygments", "python", "def fare(trips):"),
        ("code-rouge", "ruby", "def fare(trips)"),
        ("code-shiki", "python", "def fare(trips):"),
    ];
    let pages = pages();
    for (name, language, first_line) in expected {
        let (_, article) = pages.iter().find(|(n, _)| n == name).expect(name);
        let md = markdown(article);
        let fence = format!("```{language}\n{first_line}\n");
        assert!(md.contains(&fence), "{name}: no {fence:?} in\n{md}");
        let code = md
            .split(&fence)
            .nth(1)
            .and_then(|rest| rest.split("```").next())
            .unwrap();
        assert!(
            code.lines()
                .all(|line| !line.trim().chars().all(|c| c.is_ascii_digit())
                    || line.trim().is_empty()),
            "{name}: line numbers in\n{code}"
        );
        let class = format!("<code class=\"language-{language}\">");
        assert!(
            article.content.contains(&class),
            "{name}: {}",
            article.content
        );
        for chrome in ["Copy", "Python\n", "bash\n"] {
            assert!(
                !article.text_content.contains(chrome),
                "{name}: {chrome:?} in {}",
                article.text_content
            );
        }
    }
    let shapes = pages.iter().filter(|(n, _)| n.starts_with("code-")).count();
    assert_eq!(shapes, expected.len());
}

#[test]
fn every_math_shape_has_its_tex_in_markdown_and_readable_text() {
    let expected = [
        ("math-delimiters", "$f = \\frac{a}{2}$", "f = \\frac{a}{2}"),
        ("math-katex", "$f = \\frac{a}{2}$", "f=a2"),
        ("math-mathjax2", "$f = \\frac{a}{2}$", "f = \\frac{a}{2}"),
        ("math-mathjax3", "$f=\\frac{a}{2}$", "f=a2"),
        ("math-mathml", "$f=\\frac{a+b}{2}$", "f=a+b2"),
    ];
    let pages = pages();
    for (name, tex, text) in expected {
        let (_, article) = pages.iter().find(|(n, _)| n == name).expect(name);
        let md = markdown(article);
        assert!(md.contains(tex), "{name}: no {tex} in\n{md}");
        assert!(
            article.text_content.contains(text),
            "{name}: no {text} in {}",
            article.text_content
        );
        assert!(
            article.content.contains("<math"),
            "{name}: {}",
            article.content
        );
    }
    let (_, mathml) = pages.iter().find(|(n, _)| n == "math-mathml").unwrap();
    assert!(
        markdown(mathml).contains("$$\n\\sum_{i=1}^n x_i\n$$"),
        "{}",
        markdown(mathml)
    );
    // textContent is the formula's text as a browser gives it (Readability.js's field).
    assert!(
        mathml.text_content.contains("E=mc2"),
        "{}",
        mathml.text_content
    );
    let (_, mathjax) = pages.iter().find(|(n, _)| n == "math-mathjax2").unwrap();
    assert!(markdown(mathjax).contains("$$\n\\sum_{i=1}^n x_i\n$$"));
    assert!(
        !mathjax.text_content.contains("f=a/2"),
        "the preview goes: {}",
        mathjax.text_content
    );
    let (_, delimited) = pages.iter().find(|(n, _)| n == "math-delimiters").unwrap();
    assert!(markdown(delimited).contains("$$\n\\sum_{i=1}^n x_i\n$$"));
    assert!(
        markdown(delimited).contains("printf(\"\\(not math\\)\");"),
        "code stays code"
    );
    // Wikipedia draws a formula as an image (its MathML hidden): the alt text's TeX.
    let (_, wikipedia) = pages.iter().find(|(n, _)| n == "math-wikipedia").unwrap();
    assert!(
        markdown(wikipedia).contains("The fare is $f={\\frac {a}{2}}$ per trip."),
        "{}",
        markdown(wikipedia)
    );
    assert!(wikipedia.content.contains("<img"), "{}", wikipedia.content);
    let (_, katex) = pages.iter().find(|(n, _)| n == "math-katex").unwrap();
    // Once: the visual copy (aria-hidden) goes.
    assert_eq!(
        katex.text_content.matches("f=a2").count(),
        1,
        "{}",
        katex.text_content
    );
}

#[test]
fn every_callout_shape_says_its_kind() {
    let expected = [
        ("callout-docusaurus", "> [!INFO]\n> The ferry"),
        ("callout-github", "> [!WARNING]\n> The ferry"),
        ("callout-mkdocs", "> [!TIP] Book early\n> The ferry"),
        ("callout-obsidian", "> [!NOTE]\n> The ferry"),
    ];
    let pages = pages();
    for (name, callout) in expected {
        let (_, article) = pages.iter().find(|(n, _)| n == name).expect(name);
        assert!(
            markdown(article).contains(callout),
            "{name}:\n{}",
            markdown(article)
        );
        assert!(article.content.contains(" data-callout=\""), "{name}");
    }
}

#[test]
fn markdown_starts_with_the_title() {
    for (name, article) in pages() {
        let title = article.title.clone().unwrap_or_default();
        assert!(
            markdown(&article).starts_with(&format!("# {title}\n\n")),
            "{name}"
        );
        assert_eq!(
            markdown(&article).matches(&title).count(),
            1,
            "{name}: title once"
        );
    }
}

#[test]
fn readable_math_writes_formulas_as_linear_text() {
    let html = fs::read_to_string(fixtures().join("math-mathml.html")).unwrap();
    let options = Options {
        readable_math: true,
        ..Options::default()
    };
    let text = clean(&html, &options).unwrap().text_content;
    for formula in ["f = (a+b)/2", "E = mc²", "∑ᵢ₌₁ⁿ xᵢ"] {
        assert!(text.contains(formula), "no {formula} in {text}");
    }
    assert!(!text.contains("E=mc2"), "{text}");
}

#[test]
fn generated_attributes_have_only_our_forms() {
    for (name, article) in pages() {
        let content = &article.content;
        for (attribute, allowed) in [
            ("id=\"", "fn-0123456789ref"),
            ("data-callout=\"", "abcdefghijklmnopqrstuvwxyz"),
            (
                "class=\"language-",
                "abcdefghijklmnopqrstuvwxyz0123456789+#_.-",
            ),
        ] {
            for value in content.split(attribute).skip(1) {
                let value = value.split('"').next().unwrap_or_default();
                assert!(
                    !value.is_empty() && value.chars().all(|c| allowed.contains(c)),
                    "{name}: {attribute}{value}"
                );
            }
        }
    }
}
