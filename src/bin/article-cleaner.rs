//! Command-line front end: clean a file (or stdin), or write benchmark predictions for a
//! corpus in ../shared/corpus.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use article_cleaner::explain::Explain;
use article_cleaner::rules::Rule;
use article_cleaner::{clean, is_probably_readerable, Article, Cleaner, Options, PageType};
use serde_json::{json, Map, Value};

const USAGE: &str = "usage:
  article-cleaner [--format json|html|text|markdown] [--url URL] [--encoding LABEL]
                  [--page-type article|forum|documentation|product|service|collection|listing]
                  [--explain] FILE|-
  article-cleaner eval scrapinghub|readability|wcxb CORPUS_DIR -o PREDICTIONS.json [--page-types TYPES.json]
  article-cleaner outputs scrapinghub|readability|wcxb CORPUS_DIR -o OUTPUTS.json [--explain]
  article-cleaner features wcxb CORPUS_DIR -o FEATURES.json   (page-type model training data)
  article-cleaner rules      (the named rules, as the README's Markdown table)
  article-cleaner batch [--format text|markdown] [--threads N] [--progress] [-o OUT.jsonl] FILE...
             (WARC, .warc.gz, JSON Lines {\"url\", \"html\"}: one JSON line per page, in order)

--explain: which rule removed each block and why the winner won; printed readably, or in
the JSON result with --format json.";

/// URL the readability test pages are scored against.
const READABILITY_TEST_URL: &str = "http://fakehost/test/page.html";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("eval") => eval(&args[1..]),
        Some("outputs") => outputs(&args[1..]),
        Some("features") => features(&args[1..]),
        Some("batch") => batch(&args[1..]),
        Some("rules") => {
            print!("{}", rules_table());
            return ExitCode::SUCCESS;
        }
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
    let mut format: Option<String> = None;
    let mut options = Options::default();
    let mut input: Option<String> = None;
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--format" => format = Some(iter.next().ok_or("--format needs a value")?.clone()),
            "--explain" => options.explain = true,
            "--url" => options.url = Some(iter.next().ok_or("--url needs a value")?.clone()),
            "--encoding" => {
                options.encoding = Some(iter.next().ok_or("--encoding needs a value")?.clone())
            }
            "--page-type" => {
                let name = iter.next().ok_or("--page-type needs a value")?;
                let page_type = PageType::ALL.into_iter().find(|t| t.name() == name);
                options.page_type =
                    Some(page_type.ok_or_else(|| format!("unknown page type {name:?}\n{USAGE}"))?);
            }
            other if other.starts_with("--") => {
                return Err(format!("unknown flag {other}\n{USAGE}"))
            }
            other => input = Some(other.to_owned()),
        }
    }
    let input = input.ok_or_else(|| USAGE.to_owned())?;
    // `--explain` alone prints only the explanation; with a format, that output first.
    let print_article = format.is_some() || !options.explain;
    let format = format.unwrap_or_else(|| "json".to_owned());
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
    let mut stdout = std::io::stdout().lock();
    if print_article {
        let output = match format.as_str() {
            "json" => serde_json::to_string_pretty(&article).map_err(|e| e.to_string())?,
            "html" => article.content.clone(),
            "text" => article.text_content.clone(),
            _ => article.markdown.clone().unwrap_or_default(),
        };
        writeln!(stdout, "{output}").map_err(|e| e.to_string())?;
    }
    if let (Some(explain), false) = (&article.explain, format == "json" && print_article) {
        write!(stdout, "{}", explain_report(&article, explain)).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// `batch` reads files and runs threads: native only (`wasm-pack test` builds this binary
/// for wasm32 too).
#[cfg(target_arch = "wasm32")]
fn batch(_args: &[String]) -> Result<(), String> {
    Err("batch runs natively only".to_owned())
}

/// `batch`: a crawl's pages cleaned into JSON Lines (see `article_cleaner::batch`).
#[cfg(not(target_arch = "wasm32"))]
fn batch(args: &[String]) -> Result<(), String> {
    use article_cleaner::batch::{self, BatchOptions};
    let mut options = BatchOptions::default();
    let mut output: Option<String> = None;
    let mut paths = Vec::new();
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--format" => match iter.next().map(String::as_str) {
                Some("text") => options.markdown = false,
                Some("markdown") => options.markdown = true,
                other => return Err(format!("--format takes text or markdown, not {other:?}")),
            },
            "--threads" => {
                options.threads = iter
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n: &usize| n > 0)
                    .ok_or("--threads needs a number above 0")?;
            }
            "--progress" => options.progress = true,
            "-o" => output = Some(iter.next().ok_or("-o needs a file")?.clone()),
            other if other.starts_with("--") => {
                return Err(format!("unknown flag {other}\n{USAGE}"))
            }
            path => paths.push(path.to_owned()),
        }
    }
    if paths.is_empty() {
        return Err(format!("batch needs input files\n{USAGE}"));
    }
    // Every input opens before any work starts: a typo fails at once.
    let inputs = paths
        .iter()
        .map(|path| batch::open(path))
        .collect::<Result<Vec<_>, _>>()?;
    let mut out: Box<dyn Write> = match &output {
        Some(path) => {
            Box::new(std::fs::File::create(path).map_err(|e| format!("cannot write {path}: {e}"))?)
        }
        None => Box::new(std::io::stdout()),
    };
    let mut out = std::io::BufWriter::with_capacity(1 << 16, &mut out);
    let summary =
        batch::run(inputs, &options, &mut out).map_err(|e| format!("cannot write: {e}"))?;
    eprintln!("{summary}");
    Ok(())
}

/// The explanation, for a terminal.
fn explain_report(article: &Article, explain: &Explain) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let retry = &explain.retry;
    let on = |flag: bool| if flag { "on" } else { "off" };
    let _ = writeln!(
        out,
        "\n== why: {}\nattempt {}: strip unlikely {}, weight classes {}, clean conditionally {}",
        article.title.as_deref().unwrap_or("(no title)"),
        retry.attempt,
        on(retry.strip_unlikely),
        on(retry.weight_classes),
        on(retry.clean_conditionally)
    );
    let _ = writeln!(out, "\nwinner:");
    for step in &explain.winner {
        let _ = writeln!(out, "  {:<26} {}", step.rule, step.path);
    }
    let _ = writeln!(out, "\ncandidates (best first):");
    for candidate in &explain.candidates {
        let reasons: Vec<String> = candidate
            .reasons
            .iter()
            .map(|reason| match (reason.add, reason.multiply) {
                (Some(add), _) => format!("{} {add:+.2}", reason.rule),
                (_, Some(factor)) => format!("{} x{factor:.3}", reason.rule),
                _ => reason.rule.clone(),
            })
            .collect();
        let _ = writeln!(
            out,
            "  {} {:>8.2}  {}  ({} chars, link density {:.2})\n      {}",
            if candidate.top { "*" } else { " " },
            candidate.score,
            candidate.path,
            candidate.text_length,
            candidate.link_density,
            reasons.join(", ")
        );
    }
    let _ = writeln!(
        out,
        "\nremoved ({}, in document order):",
        explain.removed.len()
    );
    for removal in &explain.removed {
        let _ = writeln!(
            out,
            "  {:<30} {:>6} chars  {}\n  {:<30}               {:?}",
            removal.rule, removal.text_length, removal.path, "", removal.text
        );
    }
    out
}

/// Every named rule as a Markdown table (the README's list).
fn rules_table() -> String {
    let mut table = String::from("| rule | what it targets, and why |\n|---|---|\n");
    for rule in Rule::ALL {
        table.push_str(&format!(
            "| `{}` | {} |\n",
            rule.name(),
            rule.doc().replace('|', "\\|")
        ));
    }
    table
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
        "wcxb" => wcxb_pages(&dir)?,
        other => return Err(format!("unknown corpus {other:?}")),
    };
    Ok((pages, out))
}

/// Writes `content`, `textContent` and `markdown` (or the error code) of every page, with the
/// options `eval` uses, for comparison with the wasm build (tools/wasm-parity.mjs) and of
/// two builds (a refactoring leaves every byte as it was).
fn outputs(args: &[String]) -> Result<(), String> {
    // `--explain` must change nothing here: CI compares the two.
    let explain = args.last().is_some_and(|arg| arg == "--explain");
    let args = if explain {
        &args[..args.len() - 1]
    } else {
        args
    };
    let (pages, out) = corpus_args(args)?;
    let mut outputs = Map::new();
    for (id, html, url) in pages {
        let options = Options {
            url,
            output_markdown: true,
            explain,
            ..Options::default()
        };
        let output = match clean(&html, &options) {
            Ok(article) => json!({
                "content": article.content,
                "textContent": article.text_content,
                "markdown": article.markdown,
            }),
            Err(error) => json!({"error": error.kind().code()}),
        };
        outputs.insert(id, output);
    }
    let text = serde_json::to_string(&Value::Object(outputs)).map_err(|e| e.to_string())?;
    std::fs::write(out, text).map_err(|e| format!("cannot write {out}: {e}"))
}

/// Page-type features of every page (`tools/train_page_type.py` reads them).
fn features(args: &[String]) -> Result<(), String> {
    let (pages, out) = corpus_args(args)?;
    let mut rows = Map::new();
    for (id, html, url) in pages {
        let values = article_cleaner::page_type_features(&html, url.as_deref())
            .map_err(|e| e.to_string())?;
        rows.insert(id, json!(values));
    }
    let text = serde_json::to_string(&json!({
        "features": article_cleaner::PAGE_TYPE_FEATURES,
        "pages": rows,
    }))
    .map_err(|e| e.to_string())?;
    std::fs::write(out, text).map_err(|e| format!("cannot write {out}: {e}"))
}

fn eval(args: &[String]) -> Result<(), String> {
    // `--page-types FILE`: each page's type from a JSON map (e.g. a classifier's
    // cross-validated predictions) instead of detecting it.
    let (args, forced) = match args {
        [rest @ .., flag, file] if flag == "--page-types" => {
            let map = read_json(Path::new(file))?;
            (rest, Some(map))
        }
        _ => (args, None),
    };
    let (pages, out) = corpus_args(args)?;
    let mut predictions = Map::new();
    for (id, html, url) in pages {
        let page_type = forced
            .as_ref()
            .and_then(|map| map.get(&id))
            .map(|value| serde_json::from_value(value.clone()))
            .transpose()
            .map_err(|e| format!("bad page type for {id}: {e}"))?;
        let options = Options {
            url,
            page_type,
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
        "pageType": article.page_type,
        "readerable": readerable,
        "elapsed_ms": elapsed_ms,
    })
}

type CorpusPage = (String, String, Option<String>);

/// Reads a gzip-compressed page (corpus pages are stored as `html/<id>.html.gz`).
fn gunzip(path: &Path) -> Result<String, String> {
    let output = Command::new("gzip")
        .arg("-dc")
        .arg(path)
        .output()
        .map_err(|e| format!("cannot run gzip: {e}"))?;
    if !output.status.success() {
        return Err(format!("cannot decompress {}", path.display()));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("bad JSON in {}: {e}", path.display()))
}

/// The page's URL option: only an absolute http(s) URL is one (a few gold files have none).
fn page_url(value: Option<&Value>) -> Option<String> {
    value
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|url| url.starts_with("http://") || url.starts_with("https://"))
        .map(str::to_owned)
}

fn scrapinghub_pages(dir: &Path) -> Result<Vec<CorpusPage>, String> {
    let truth = read_json(&dir.join("ground-truth.json"))?;
    let truth = truth.as_object().ok_or("ground truth is not an object")?;
    let mut pages = Vec::new();
    for (id, item) in truth {
        let html = gunzip(&dir.join("html").join(format!("{id}.html.gz")))?;
        pages.push((id.clone(), html, page_url(item.get("url"))));
    }
    pages.sort();
    Ok(pages)
}

/// WCXB: `html/<id>.html.gz` with `ground-truth/<id>.json` (its `url`); ids are file stems.
fn wcxb_pages(dir: &Path) -> Result<Vec<CorpusPage>, String> {
    let truth_dir = dir.join("ground-truth");
    let entries = std::fs::read_dir(&truth_dir)
        .map_err(|e| format!("cannot read {}: {e}", truth_dir.display()))?;
    let mut pages = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let Some(id) = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned) else {
            continue;
        };
        let truth = read_json(&path)?;
        let html = gunzip(&dir.join("html").join(format!("{id}.html.gz")))?;
        pages.push((id, html, page_url(truth.get("url"))));
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
            Some(READABILITY_TEST_URL.to_owned()),
        ));
    }
    pages.sort();
    Ok(pages)
}
