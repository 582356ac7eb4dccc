//! `article-cleaner batch` end to end: WARC files (plain, gzip per record, whole-file gzip,
//! truncated) and JSON Lines written here from the fixture pages, run through the binary.
//! Every record must be accounted for, in input order, the same with 1 and 4 threads.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use flate2::write::GzEncoder;
use flate2::Compression;
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_article-cleaner");

fn page(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pages")
        .join(format!("{name}.html"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn expected_title(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pages")
        .join(format!("{name}.expect.json"));
    let expect: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    expect["title"].as_str().unwrap().to_owned()
}

fn warc_record(kind: &str, uri: Option<&str>, block: &[u8]) -> Vec<u8> {
    let mut head = format!("WARC/1.0\r\nWARC-Type: {kind}\r\n");
    if let Some(uri) = uri {
        head += &format!("WARC-Target-URI: {uri}\r\n");
    }
    head += &format!("Content-Length: {}\r\n\r\n", block.len());
    let mut record = head.into_bytes();
    record.extend_from_slice(block);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

fn response(headers: &[&str], body: &[u8]) -> Vec<u8> {
    let mut block = b"HTTP/1.1 200 OK\r\n".to_vec();
    for header in headers {
        block.extend_from_slice(header.as_bytes());
        block.extend_from_slice(b"\r\n");
    }
    block.extend_from_slice(b"\r\n");
    block.extend_from_slice(body);
    block
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn chunked(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in body.chunks(1000) {
        out.extend(format!("{:x}\r\n", chunk.len()).into_bytes());
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

fn url(n: usize) -> String {
    format!("https://example.com/news/{n}")
}

/// The test crawl: every kind of record once, and what each should give
/// (`Some(title)`, `Some("!CODE")` for an error line, `None` for a skipped record).
fn records() -> (Vec<Vec<u8>>, Vec<Option<String>>) {
    // The page (windows-1252 bytes) without its meta charset: only the HTTP header says so.
    let windows_1252: Vec<u8> = page("windows-1252")
        .split(|&byte| byte == b'\n')
        .filter(|line| !line.windows(10).any(|w| w == b"http-equiv"))
        .flat_map(|line| line.iter().copied().chain([b'\n']))
        .collect();
    let uri = |n| Some(url(n));
    let records = vec![
        (
            warc_record("warcinfo", None, b"software: test\r\n"),
            None,
        ),
        (
            warc_record("request", uri(1).as_deref(), b"GET / HTTP/1.1\r\n\r\n"),
            None,
        ),
        (
            warc_record(
                "response",
                uri(2).as_deref(),
                &response(&["Content-Type: text/html; charset=utf-8"], &page("sample-article")),
            ),
            Some(expected_title("sample-article")),
        ),
        (
            warc_record(
                "response",
                uri(3).as_deref(),
                &response(&["Content-Type: image/png"], b"\x89PNG\r\n\x1a\n"),
            ),
            None,
        ),
        (
            warc_record(
                "response",
                uri(4).as_deref(),
                &response(
                    &["Content-Type: text/html", "Transfer-Encoding: chunked"],
                    &chunked(&page("blog-post")),
                ),
            ),
            Some(expected_title("blog-post")),
        ),
        (
            warc_record(
                "response",
                uri(5).as_deref(),
                &response(
                    &["Content-Type: text/html", "Content-Encoding: gzip"],
                    &gzip(&page("magazine-feature")),
                ),
            ),
            Some(expected_title("magazine-feature")),
        ),
        (
            warc_record(
                "response",
                uri(6).as_deref(),
                &response(&["Server: test"], &page("wire-news")),
            ),
            Some(expected_title("wire-news")),
        ),
        (
            warc_record(
                "response",
                uri(7).as_deref(),
                &response(
                    &["Content-Type: text/html; charset=windows-1252"],
                    &windows_1252,
                ),
            ),
            Some(expected_title("windows-1252")),
        ),
        (
            warc_record(
                "response",
                uri(8).as_deref(),
                &response(
                    &["Content-Type: text/html"],
                    b"<html><body></body></html>",
                ),
            ),
            Some("!NOT_READERABLE".to_owned()),
        ),
        (
            warc_record("metadata", uri(9).as_deref(), b"fetchTimeMs: 12\r\n"),
            None,
        ),
        (
            format!(
                "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {}\r\nContent-Length: many\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>lost</p>\r\n\r\n",
                url(10)
            )
            .into_bytes(),
            Some("!BAD_RECORD".to_owned()),
        ),
        (
            warc_record("response", uri(11).as_deref(), b"not an HTTP response\r\n\r\n"),
            Some("!BAD_RECORD".to_owned()),
        ),
        (
            warc_record(
                "response",
                uri(12).as_deref(),
                &response(&["Content-Type: text/html; charset=x-bogus"], &page("rtl-article")),
            ),
            Some(expected_title("rtl-article")),
        ),
    ];
    records.into_iter().unzip()
}

/// A truncated last record: its headers and half its block.
fn truncated_record() -> Vec<u8> {
    let record = warc_record(
        "response",
        Some(&url(13)),
        &response(&["Content-Type: text/html"], &page("sample-article")),
    );
    record[..record.len() / 2].to_vec()
}

struct Run {
    lines: Vec<Value>,
    stdout: String,
    summary: String,
}

fn run(args: &[&str]) -> Run {
    let output = Command::new(BIN).arg("batch").args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{args:?} failed: {stderr}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines = stdout
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}")))
        .collect();
    let summary = stderr.lines().last().unwrap_or_default().to_owned();
    Run {
        lines,
        stdout,
        summary,
    }
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "article-cleaner-batch-{}-{name}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

/// Checks the lines against what each record should give, in order.
fn check(run: &Run, expected: &[Option<String>]) {
    let written: Vec<&String> = expected.iter().flatten().collect();
    assert_eq!(run.lines.len(), written.len(), "{}", run.stdout);
    for (line, expected) in run.lines.iter().zip(written) {
        match expected.strip_prefix('!') {
            Some(code) => assert_eq!(line["error"]["code"], code, "{line}"),
            None => {
                assert_eq!(line["title"].as_str(), Some(expected.as_str()), "{line}");
                assert!(
                    line["text"].as_str().is_some_and(|t| t.len() > 500),
                    "{line}"
                );
                assert_eq!(line["page_type"], "article", "{line}");
            }
        }
    }
    // Lines carry their record's URL, in input order.
    let numbers: Vec<usize> = run
        .lines
        .iter()
        .filter_map(|line| line["url"].as_str()?.rsplit('/').next()?.parse().ok())
        .collect();
    assert!(numbers.windows(2).all(|w| w[0] <= w[1]), "{numbers:?}");
}

#[test]
fn warc_plain_per_record_gzip_and_whole_file_gzip() {
    let dir = temp_dir("warc");
    let (records, mut expected) = records();
    expected.push(Some("!BAD_RECORD".to_owned()));
    let truncated = truncated_record();

    let plain: Vec<u8> = records
        .iter()
        .flatten()
        .chain(&truncated)
        .copied()
        .collect();
    let per_record: Vec<u8> = records
        .iter()
        .chain([&truncated])
        .flat_map(|record| gzip(record))
        .collect();
    let files = [
        write(&dir, "plain.warc", &plain),
        write(&dir, "per-record.warc.gz", &per_record),
        write(&dir, "whole.warc.gz", &gzip(&plain)),
    ];
    let mut projections = Vec::new();
    for file in &files {
        let run = run(&["--threads", "2", file]);
        check(&run, &expected);
        let last = run.lines.last().unwrap();
        assert_eq!(last["url"], url(13), "{last}");
        assert!(
            last["error"]["message"]
                .as_str()
                .unwrap()
                .contains("truncated"),
            "{last}"
        );
        assert!(
            run.summary.starts_with(
                "batch: 14 records, 6 pages cleaned, 4 errors (by code BAD_RECORD 3, NOT_READERABLE 1), 4 skipped, "
            ),
            "{}",
            run.summary
        );
        // The same lines whatever the compression, but for the file name in messages.
        projections.push(run.stdout.replace(file.as_str(), "FILE"));
    }
    assert!(projections.windows(2).all(|w| w[0] == w[1]));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn truncated_gzip_gives_one_bad_record_and_success() {
    let dir = temp_dir("truncated-gzip");
    let (records, expected) = records();
    let mut bytes: Vec<u8> = records.iter().flat_map(|record| gzip(record)).collect();
    // Cut into the last member's compressed data.
    let last = gzip(records.last().unwrap());
    bytes.truncate(bytes.len() - last.len() / 2);
    let file = write(&dir, "cut.warc.gz", &bytes);
    let run = run(&[&file]);
    let mut expected = expected;
    *expected.last_mut().unwrap() = Some("!BAD_RECORD".to_owned());
    check(&run, &expected);
    assert!(
        run.summary.starts_with("batch: 13 records, "),
        "{}",
        run.summary
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn json_lines_and_thread_counts_give_identical_output() {
    let dir = temp_dir("jsonl");
    let names = [
        "sample-article",
        "blog-post",
        "magazine-feature",
        "rtl-article",
        "wire-news",
    ];
    let mut jsonl = String::new();
    let mut expected = Vec::new();
    for n in 0..40 {
        let name = names[n % names.len()];
        let html = String::from_utf8(page(name)).unwrap();
        let line = serde_json::json!({"url": url(n), "html": html, "extra": n});
        jsonl += &format!("{line}\n");
        expected.push(Some(expected_title(name)));
        if n % 13 == 5 {
            jsonl += "{\"url\": \"https://example.com/news/";
            jsonl += &format!("{}\"}}\n\n", n);
            jsonl += "this is not json\n";
            expected.push(Some("!BAD_RECORD".to_owned()));
            expected.push(Some("!BAD_RECORD".to_owned()));
        }
    }
    let plain = write(&dir, "pages.jsonl", jsonl.as_bytes());
    let zipped = write(&dir, "pages.jsonl.gz", &gzip(jsonl.as_bytes()));
    let one = run(&["--threads", "1", &plain]);
    let four = run(&["--threads", "4", &zipped]);
    check(&one, &expected);
    assert_eq!(one.stdout, four.stdout.replace(&zipped, &plain));

    // WARC and JSON Lines in one run, in argument order, with 1 and 4 threads.
    let (records, warc_expected) = records();
    let warc = write(&dir, "crawl.warc", &records.concat());
    let one = run(&["--threads", "1", &warc, &plain, &warc]);
    let four = run(&["--threads", "4", &warc, &plain, &warc]);
    assert_eq!(one.stdout, four.stdout);
    let lines = |expected: &[Option<String>]| expected.iter().flatten().count();
    assert_eq!(
        one.lines.len(),
        2 * lines(&warc_expected) + lines(&expected),
        "{}",
        one.summary
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn markdown_output_file_and_bad_arguments() {
    let dir = temp_dir("markdown");
    let html = String::from_utf8(page("blog-post")).unwrap();
    let line = serde_json::json!({"url": url(1), "html": html});
    let input = write(&dir, "one.jsonl", format!("{line}\n").as_bytes());
    let out = dir.join("out.jsonl");
    let run = run(&["--format", "markdown", "-o", out.to_str().unwrap(), &input]);
    assert!(run.stdout.is_empty());
    assert!(run
        .summary
        .starts_with("batch: 1 records, 1 pages cleaned, 0 errors, 0 skipped"));
    let written: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert!(
        written["markdown"].as_str().unwrap().starts_with("# "),
        "{written}"
    );
    assert!(written.get("text").is_none());

    for args in [
        vec!["batch"],
        vec!["batch", "/no/such/file.warc"],
        vec!["batch", "--threads", "0", &input],
        vec!["batch", "--format", "html", &input],
    ] {
        let output = Command::new(BIN).args(&args).output().unwrap();
        assert!(!output.status.success(), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
    let _ = std::fs::remove_dir_all(dir);
}

/// The single-page CLI: `--page-type` forces the extraction of a type (and reports it), and
/// an unknown type is an error that names it.
#[test]
fn the_cli_takes_a_page_type() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/blog-post.html");
    let run = |page_type: &str| {
        Command::new(BIN)
            .args(["--page-type", page_type])
            .arg(&path)
            .output()
            .unwrap()
    };
    for page_type in ["forum", "service"] {
        let output = run(page_type);
        assert!(output.status.success(), "{output:?}");
        let article: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(article["pageType"], page_type);
    }
    let output = run("brochure");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown page type \"brochure\""));
}
