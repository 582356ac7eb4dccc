//! Shared by `benches/extract.rs` and `examples/compare_speed.rs`: the scrapinghub corpus
//! pages and one call of each extractor.
//!
//! Corpus root: env `CORPUS_DIR` (as in `.ci/test`), default `../shared/corpus` next to
//! the crate; pages are `scrapinghub/html/<id>.html.gz`, URLs come from `ground-truth.json`.

use std::io::Read;
use std::path::PathBuf;

use article_cleaner::Options;
use dom_smoothie::{Config, Readability, TextMode};

pub struct Page {
    pub id: String,
    pub url: String,
    pub html: String,
    pub options: Options,
}

/// Every scrapinghub page, sorted by id. Panics with a clear message when the corpus is missing.
pub fn load_scrapinghub() -> Vec<Page> {
    let root = std::env::var_os("CORPUS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let dir = root.join("scrapinghub");
    let truth_path = dir.join("ground-truth.json");
    let truth = std::fs::read_to_string(&truth_path)
        .unwrap_or_else(|e| panic!("cannot read {} (set CORPUS_DIR): {e}", truth_path.display()));
    let truth: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&truth).expect("ground-truth.json is not a JSON object");
    let mut pages: Vec<Page> = truth
        .iter()
        .map(|(id, item)| {
            let path = dir.join("html").join(format!("{id}.html.gz"));
            let file = std::fs::File::open(&path)
                .unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
            let mut bytes = Vec::new();
            flate2::read::GzDecoder::new(file)
                .read_to_end(&mut bytes)
                .unwrap_or_else(|e| panic!("cannot decompress {}: {e}", path.display()));
            let url = item["url"].as_str().unwrap_or_default().to_owned();
            Page {
                id: id.clone(),
                html: String::from_utf8_lossy(&bytes).into_owned(),
                options: Options {
                    url: Some(url.clone()).filter(|u| !u.is_empty()),
                    ..Options::default()
                },
                url,
            }
        })
        .collect();
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    pages
}

/// article_cleaner with default options plus the page URL; returns the article text.
pub fn ours(page: &Page) -> String {
    article_cleaner::clean(&page.html, &page.options)
        .map(|article| article.text_content)
        .unwrap_or_default()
}

/// dom_smoothie 0.19 with formatted text output (what the corpus README measured).
pub fn dom_smoothie(page: &Page) -> String {
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let url = Some(page.url.as_str()).filter(|u| !u.is_empty());
    Readability::new(page.html.as_str(), url, Some(config))
        .and_then(|mut readability| readability.parse())
        .map(|article| article.text_content.to_string())
        .unwrap_or_default()
}
