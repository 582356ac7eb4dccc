//! Command-line front end: clean a file (or stdin), or write benchmark predictions for a
//! corpus in ../shared/corpus.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use article_cleaner::{clean, is_probably_readerable, Article, Cleaner, Options};
use serde_json::{json, Map, Value};

const USAGE: &str = "usage:
  article-cleaner [--format json|html|text|markdown] [--url URL] [--encoding LABEL] FILE|-
  article-cleaner eval scrapinghub|readability CORPUS_DIR -o PREDICTIONS.json
  article-cleaner outputs scrapinghub|readability CORPUS_DIR -o OUTPUTS.json";

/// URL the readability test pages are scored against.
const READABILITY_TEST_URL: &str = "http://fakehost/test/page.html";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("eval") => eval(&args[1..]),
        Some("outputs") => outputs(&args[1..]),
        Some("-h" | "--help") | None => {
            println!("{USAGE}");
            return if args.is_empty() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            };
        }
        _ => run(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("article-cleaner: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let mut format = "json".to_owned();
    let mut options = Options::default();
    let mut input: Option<String> = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--format" => format = iter.next().ok_or("--format needs a value")?.clone(),
            "--url" => options.url = Some(iter.next().ok_or("--url needs a value")?.clone()),
            "--encoding" => {
                options.encoding = Some(iter.next().ok_or("--encoding needs a value")?.clone())
            }
            other if other.starts_with("--") => {
                return Err(format!("unknown flag {other}\n{USAGE}"))
            }
            other => input = Some(other.to_owned()),
        }
    }
    let input = input.ok_or_else(|| USAGE.to_owned())?;
    match format.as_str() {
        "json" | "html" | "text" => {}
        "markdown" => options.output_markdown = true,
        other => {
            return Err(format!(
                "unknown format {other:?} (json, html, text, markdown)"
            ))
        }
    }
    let bytes = if input == "-" {
        let mut buffer = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buffer)
            .map_err(|e| format!("cannot read stdin: {e}"))?;
        buffer
    } else {
        std::fs::read(&input).map_err(|e| format!("cannot read {input}: {e}"))?
    };
    let mut cleaner = Cleaner::new(options).map_err(|e| e.to_string())?;
    cleaner.write(&bytes).map_err(|e| e.to_string())?;
    let article = cleaner.finish().map_err(|e| e.to_string())?;
    let output = match format.as_str() {
        "json" => serde_json::to_string_pretty(&article).map_err(|e| e.to_string())?,
        "html" => article.content,
        "text" => article.text_content,
        _ => article.markdown.unwrap_or_default(),
    };
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{output}").map_err(|e| e.to_string())
}

/// The corpus pages named by `CORPUS CORPUS_DIR -o OUT`, and OUT.
fn corpus_args(args: &[String]) -> Result<(Vec<CorpusPage>, &String), String> {
    let (corpus, dir, out) = match args {
        [corpus, dir, flag, out] if flag == "-o" => (corpus.as_str(), PathBuf::from(dir), out),
        _ => return Err(USAGE.to_owned()),
    };
    let pages = match corpus {
        "scrapinghub" => scrapinghub_pages(&dir)?,
        "readability" => readability_pages(&dir)?,
        other => return Err(format!("unknown corpus {other:?}")),
    };
    Ok((pages, out))
}

/// Writes `content` and `textContent` (or the error code) of every page, with the options
/// `eval` uses, for comparison with the wasm build (tools/wasm-parity.mjs).
fn outputs(args: &[String]) -> Result<(), String> {
    let (pages, out) = corpus_args(args)?;
    let mut outputs = Map::new();
    for (id, html, url) in pages {
        let options = Options {
            url: Some(url),
            ..Options::default()
        };
        let output = match clean(&html, &options) {
            Ok(article) => json!({"content": article.content, "textContent": article.text_content}),
            Err(error) => json!({"error": error.kind().code()}),
        };
        outputs.insert(id, output);
    }
    let text = serde_json::to_string(&Value::Object(outputs)).map_err(|e| e.to_string())?;
    std::fs::write(out, text).map_err(|e| format!("cannot write {out}: {e}"))
}

fn eval(args: &[String]) -> Result<(), String> {
    let (pages, out) = corpus_args(args)?;
    let mut predictions = Map::new();
    for (id, html, url) in pages {
        let options = Options {
            url: Some(url),
            ..Options::default()
        };
        let started = Instant::now();
        let result = clean(&html, &options);
        let serialised = result.as_ref().ok().map(serde_json::to_string);
        let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
        drop(serialised);
        let readerable = is_probably_readerable(&html, &options);
        predictions.insert(id, prediction(result.ok(), readerable, elapsed_ms));
    }
    let text =
        serde_json::to_string_pretty(&Value::Object(predictions)).map_err(|e| e.to_string())?;
    std::fs::write(out, text).map_err(|e| format!("cannot write {out}: {e}"))
}

fn prediction(article: Option<Article>, readerable: bool, elapsed_ms: f64) -> Value {
    let article = article.unwrap_or_default();
    json!({
        "articleBody": article.text_content,
        "title": article.title,
        "byline": article.byline,
        "excerpt": article.excerpt,
        "siteName": article.site_name,
        "lang": article.lang,
        "dir": article.dir,
        "publishedTime": article.published_time,
        "readerable": readerable,
        "elapsed_ms": elapsed_ms,
    })
}

type CorpusPage = (String, String, String);

fn scrapinghub_pages(dir: &Path) -> Result<Vec<CorpusPage>, String> {
    let truth_path = dir.join("ground-truth.json");
    let truth: Value = serde_json::from_str(
        &std::fs::read_to_string(&truth_path)
            .map_err(|e| format!("cannot read {}: {e}", truth_path.display()))?,
    )
    .map_err(|e| format!("bad ground truth: {e}"))?;
    let truth = truth.as_object().ok_or("ground truth is not an object")?;
    let mut pages = Vec::new();
    for (id, item) in truth {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let output = Command::new("gzip")
            .arg("-dc")
            .arg(&path)
            .output()
            .map_err(|e| format!("cannot run gzip: {e}"))?;
        if !output.status.success() {
            return Err(format!("cannot decompress {}", path.display()));
        }
        let html = String::from_utf8_lossy(&output.stdout).into_owned();
        let url = item
            .get("url")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        pages.push((id.clone(), html, url));
    }
    pages.sort();
    Ok(pages)
}

fn readability_pages(dir: &Path) -> Result<Vec<CorpusPage>, String> {
    let mut pages = Vec::new();
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let source = entry.path().join("source.html");
        if !source.is_file() {
            continue;
        }
        let html =
            std::fs::read(&source).map_err(|e| format!("cannot read {}: {e}", source.display()))?;
        let id = entry.file_name().to_string_lossy().into_owned();
        pages.push((
            id,
            String::from_utf8_lossy(&html).into_owned(),
            READABILITY_TEST_URL.to_owned(),
        ));
    }
    pages.sort();
    Ok(pages)
}
