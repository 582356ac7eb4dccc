//! Batch cleaning of a crawl (native only; the CLI's `article-cleaner batch`): WARC and
//! JSON Lines in, one JSON line per page out, in input order, on every core.
//!
//! The pipeline, one thread each step:
//!
//! 1. **Read** (one thread): each input file is gunzipped as a stream when it is gzip
//!    (per-record members or the whole file), split into records (`warc`, `jsonl`), and
//!    each record is numbered. Records that are not responses are counted and dropped here;
//!    malformed ones become `BAD_RECORD` lines.
//! 2. **Clean** (`threads` workers): the HTTP head is split from the body (`http`), non-HTML
//!    responses are skipped, and the page is cleaned into its JSON line.
//! 3. **Write** (the calling thread): lines are put back in input order and written.
//!
//! Memory stays bounded on any input: at most `threads * IN_FLIGHT_PER_THREAD` records are
//! between the reader and the writer (a permit channel), so neither the work queue nor the
//! reordering buffer can grow past that.

mod http;
mod jsonl;
mod warc;

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender};
use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use serde::Serialize;

use crate::{clean, Cleaner, Error, Options, PageType};

/// Records allowed between the reader and the writer, per worker thread.
const IN_FLIGHT_PER_THREAD: usize = 8;
/// Read buffer for input files.
const READ_BUFFER_BYTES: usize = 256 << 10;
/// How often the progress line is refreshed.
const PROGRESS_INTERVAL: Duration = Duration::from_secs(1);
/// Megabytes in the summary are 10^6 bytes, as throughput usually is.
const MEGABYTE: f64 = 1e6;
/// Error code of a record that cannot be read.
pub const BAD_RECORD: &str = "BAD_RECORD";
/// Error code of a page the cleaner panicked on (a bug; the batch goes on).
pub const INTERNAL: &str = "INTERNAL";

/// What `run` is asked to do.
#[derive(Clone, Debug)]
pub struct BatchOptions {
    /// Worker threads. Default: every core (`std::thread::available_parallelism`).
    pub threads: usize,
    /// Write `markdown` instead of `text`. Default: false.
    pub markdown: bool,
    /// Print a progress line to stderr every second. Default: when stderr is a terminal.
    pub progress: bool,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions {
            threads: thread::available_parallelism().map_or(1, usize::from),
            markdown: false,
            progress: io::stderr().is_terminal(),
        }
    }
}

/// An input file, opened.
pub struct Input {
    name: String,
    format: Format,
    reader: Box<dyn BufRead + Send>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Warc,
    JsonLines,
}

/// Opens `path` (`-` is stdin), gunzipping it as a stream when it starts with the gzip
/// magic bytes, and tells WARC from JSON Lines by the name or else by the first bytes.
///
/// # Errors
/// A readable message when the file cannot be opened or is neither format.
pub fn open(path: &str) -> Result<Input, String> {
    let raw: Box<dyn io::Read + Send> = if path == "-" {
        Box::new(io::stdin())
    } else {
        Box::new(File::open(path).map_err(|e| format!("cannot read {path}: {e}"))?)
    };
    let mut raw = BufReader::with_capacity(READ_BUFFER_BYTES, raw);
    let gzip = raw
        .fill_buf()
        .map_err(|e| format!("cannot read {path}: {e}"))?
        .starts_with(&[0x1f, 0x8b]);
    let mut reader: Box<dyn BufRead + Send> = if gzip {
        Box::new(BufReader::with_capacity(
            READ_BUFFER_BYTES,
            flate2::bufread::MultiGzDecoder::new(raw),
        ))
    } else {
        Box::new(raw)
    };
    let stem = path.strip_suffix(".gz").unwrap_or(path);
    let format = if stem.ends_with(".warc") {
        Format::Warc
    } else if [".jsonl", ".ndjson", ".json"]
        .iter()
        .any(|extension| stem.ends_with(extension))
    {
        Format::JsonLines
    } else {
        let start = reader
            .fill_buf()
            .map_err(|e| format!("cannot read {path}: {e}"))?;
        let start = &start[start.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
        if start.starts_with(b"WARC/") {
            Format::Warc
        } else if start.starts_with(b"{") {
            Format::JsonLines
        } else {
            return Err(format!("{path} is neither WARC nor JSON Lines"));
        }
    };
    Ok(Input {
        name: path.to_owned(),
        format,
        reader,
    })
}

/// Counts of a finished run.
#[derive(Clone, Debug, Default)]
pub struct Summary {
    /// Every record read: `cleaned + errors + skipped`.
    pub records: u64,
    /// Pages cleaned into an article.
    pub cleaned: u64,
    /// Error lines by code (`NOT_READERABLE`, `BAD_RECORD`...).
    pub errors: BTreeMap<String, u64>,
    /// Records that are not HTML responses (requests, metadata, images...).
    pub skipped: u64,
    /// HTML bytes given to the cleaner.
    pub html_bytes: u64,
    /// Pages given to the cleaner (cleaned or failed).
    pub pages: u64,
    pub seconds: f64,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors: u64 = self.errors.values().sum();
        write!(
            f,
            "batch: {} records, {} pages cleaned, {errors} errors",
            self.records, self.cleaned
        )?;
        if errors > 0 {
            let by_code: Vec<String> = self
                .errors
                .iter()
                .map(|(code, count)| format!("{code} {count}"))
                .collect();
            write!(f, " (by code {})", by_code.join(", "))?;
        }
        let megabytes = self.html_bytes as f64 / MEGABYTE;
        let seconds = self.seconds.max(1e-9);
        write!(
            f,
            ", {} skipped, {megabytes:.1} MB in {:.2} s ({:.0} pages/s, {:.1} MB/s)",
            self.skipped,
            self.seconds,
            self.pages as f64 / seconds,
            megabytes / seconds
        )
    }
}

/// Cleans every record of `inputs` into `out`, one JSON line each, in input order.
///
/// # Errors
/// Only when writing to `out` fails; bad records are lines of their own.
pub fn run(inputs: Vec<Input>, options: &BatchOptions, out: &mut dyn Write) -> io::Result<Summary> {
    let started = Instant::now();
    let threads = options.threads.max(1);
    let window = threads * IN_FLIGHT_PER_THREAD;
    let clean_options = Options {
        output_html: false,
        output_text: !options.markdown,
        output_markdown: options.markdown,
        ..Options::default()
    };
    let counters = Counters::default();
    let (work_tx, work_rx) = mpsc::sync_channel::<(u64, Work)>(window);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::sync_channel::<(u64, Outcome)>(window);
    let (permit_tx, permit_rx) = mpsc::sync_channel::<()>(window);
    let (stop_tx, stop_rx) = mpsc::channel::<()>();

    let (written, read) = thread::scope(|scope| {
        let reader = {
            let done_tx = done_tx.clone();
            let max_block = clean_options.max_input_bytes as u64;
            scope.spawn(move || read_inputs(inputs, max_block, &work_tx, &done_tx, &permit_tx))
        };
        for _ in 0..threads {
            let done_tx = done_tx.clone();
            let (work_rx, clean_options, counters) = (&work_rx, &clean_options, &counters);
            scope.spawn(move || work(work_rx, &done_tx, clean_options, counters));
        }
        drop(done_tx);
        if options.progress {
            let counters = &counters;
            scope.spawn(move || progress(&stop_rx, counters, started));
        }
        let written = write_in_order(done_rx, permit_rx, out, &counters);
        drop(stop_tx);
        (written, reader.join().unwrap_or_default())
    });
    let mut summary = written?;
    summary.records = read.records;
    summary.skipped += read.skipped;
    summary.html_bytes = counters.html_bytes.load(Ordering::Relaxed);
    summary.seconds = started.elapsed().as_secs_f64();
    if options.progress && io::stderr().is_terminal() {
        eprint!("\r\x1b[K");
    }
    Ok(summary)
}

/// A record for a worker.
enum Work {
    /// A WARC response block (HTTP head and body).
    Warc { uri: Option<String>, block: Vec<u8> },
    /// A page from JSON Lines.
    Html { url: Option<String>, html: String },
}

/// What became of a record.
enum Outcome {
    /// A JSON line; `error` is its error code.
    Line {
        json: String,
        error: Option<&'static str>,
        page: bool,
    },
    /// Not HTML: counted, not written.
    Skipped,
}

#[derive(Default)]
struct Counters {
    html_bytes: AtomicU64,
    pages: AtomicU64,
    errors: AtomicU64,
}

#[derive(Default)]
struct ReadCounts {
    records: u64,
    skipped: u64,
}

/// Step 1: every record of every input, numbered, to the workers (or, when it is bad, its
/// line straight to the writer). Returns early when the writer has stopped.
fn read_inputs(
    inputs: Vec<Input>,
    max_block: u64,
    work_tx: &SyncSender<(u64, Work)>,
    done_tx: &SyncSender<(u64, Outcome)>,
    permit_tx: &SyncSender<()>,
) -> ReadCounts {
    let mut counts = ReadCounts::default();
    let mut next = 0u64;
    // Waits for room in the window; false once the writer is gone.
    let mut send = |item: Result<Work, Outcome>| -> bool {
        let sent = permit_tx.send(()).is_ok()
            && match item {
                Ok(work) => work_tx.send((next, work)).is_ok(),
                Err(outcome) => done_tx.send((next, outcome)).is_ok(),
            };
        next += 1;
        sent
    };
    for input in inputs {
        let name = input.name;
        let bad = |record: warc::BadRecord| {
            let message = format!("{name}: {}", record.message);
            Err(error_line(
                record.uri.as_deref(),
                BAD_RECORD,
                &message,
                false,
            ))
        };
        match input.format {
            Format::Warc => {
                let records = warc::WarcReader::new(input.reader, |t| t == "response", max_block);
                for record in records {
                    counts.records += 1;
                    let item = match record {
                        Ok(record) if record.warc_type != "response" => {
                            counts.skipped += 1;
                            continue;
                        }
                        Ok(warc::Record {
                            target_uri,
                            block: Some(block),
                            ..
                        }) => Ok(Work::Warc {
                            uri: target_uri,
                            block,
                        }),
                        Ok(record) => Err(too_large(record.target_uri.as_deref(), record.length)),
                        Err(record) => bad(record),
                    };
                    if !send(item) {
                        return counts;
                    }
                }
            }
            Format::JsonLines => {
                for page in jsonl::JsonLines::new(input.reader, max_block as usize) {
                    counts.records += 1;
                    let item = match page {
                        Ok(page) => Ok(Work::Html {
                            url: page.url,
                            html: page.html,
                        }),
                        Err(record) => bad(record),
                    };
                    if !send(item) {
                        return counts;
                    }
                }
            }
        }
    }
    counts
}

/// Step 2: a worker cleans records until the reader is done or the writer has stopped.
fn work(
    work_rx: &Mutex<Receiver<(u64, Work)>>,
    done_tx: &SyncSender<(u64, Outcome)>,
    options: &Options,
    counters: &Counters,
) {
    loop {
        let received = work_rx
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .recv();
        let Ok((number, job)) = received else {
            return;
        };
        let outcome = match catch_unwind(AssertUnwindSafe(|| clean_record(job, options, counters)))
        {
            Ok(outcome) => outcome,
            Err(_) => error_line(None, INTERNAL, "the cleaner panicked on this page", true),
        };
        if done_tx.send((number, outcome)).is_err() {
            return;
        }
    }
}

fn clean_record(work: Work, options: &Options, counters: &Counters) -> Outcome {
    let markdown = options.output_markdown;
    match work {
        Work::Html { url, html } => {
            let options = Options {
                url: url.as_deref().filter(|url| is_http(url)).map(str::to_owned),
                ..options.clone()
            };
            let result = clean(&html, &options);
            counters
                .html_bytes
                .fetch_add(html.len() as u64, Ordering::Relaxed);
            article_line(url.as_deref(), result, markdown)
        }
        Work::Warc { uri, block } => {
            let uri = uri.as_deref();
            let response = match http::parse(&block) {
                Ok(response) => response,
                Err(message) => return error_line(uri, BAD_RECORD, &message, false),
            };
            let declared_html = response.content_type.map(http::is_html_type);
            if declared_html == Some(false) {
                return Outcome::Skipped;
            }
            let body = match http::decoded_body(&response, options.max_input_bytes) {
                Ok(body) => body,
                Err(message) => return error_line(uri, BAD_RECORD, &message, false),
            };
            if declared_html.is_none() && !http::looks_like_html(&body) {
                return Outcome::Skipped;
            }
            // An unknown charset label would fail the page: leave the guess to the cleaner.
            let encoding = response
                .content_type
                .and_then(http::charset)
                .filter(|label| {
                    encoding_rs::Encoding::for_label_no_replacement(label.as_bytes()).is_some()
                })
                .map(str::to_owned);
            let options = Options {
                url: uri.filter(|url| is_http(url)).map(str::to_owned),
                encoding,
                ..options.clone()
            };
            let result = Cleaner::new(options).and_then(|mut cleaner| {
                cleaner.write(&body)?;
                cleaner.finish()
            });
            counters
                .html_bytes
                .fetch_add(body.len() as u64, Ordering::Relaxed);
            article_line(uri, result, markdown)
        }
    }
}

/// Whether a URL can be the cleaner's `url` option (WARC also records `dns:` and the like).
fn is_http(url: &str) -> bool {
    matches!(
        crate::url::scheme(url.trim()).as_deref(),
        Some("http" | "https")
    )
}

/// A result line: the article's fields, in this order.
#[derive(Serialize)]
struct ArticleLine<'a> {
    url: Option<&'a str>,
    title: Option<&'a str>,
    byline: Option<&'a str>,
    published_time: Option<&'a str>,
    lang: Option<&'a str>,
    page_type: PageType,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    markdown: Option<&'a str>,
}

#[derive(Serialize)]
struct ErrorLine<'a> {
    url: Option<&'a str>,
    error: ErrorBody<'a>,
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    code: &'a str,
    message: &'a str,
}

fn article_line(
    url: Option<&str>,
    result: Result<crate::Article, Error>,
    markdown: bool,
) -> Outcome {
    let article = match result {
        Ok(article) => article,
        Err(error) => return error_line(url, error.kind().code(), error.message(), true),
    };
    let line = ArticleLine {
        url,
        title: article.title.as_deref(),
        byline: article.byline.as_deref(),
        published_time: article.published_time.as_deref(),
        lang: article.lang.as_deref(),
        page_type: article.page_type,
        text: (!markdown).then_some(article.text_content.as_str()),
        markdown: markdown.then(|| article.markdown.as_deref().unwrap_or("")),
    };
    Outcome::Line {
        json: to_json(&line),
        error: None,
        page: true,
    }
}

/// An error line; `page` says whether the record was a page given to the cleaner.
fn error_line(url: Option<&str>, code: &'static str, message: &str, page: bool) -> Outcome {
    let line = ErrorLine {
        url,
        error: ErrorBody { code, message },
    };
    Outcome::Line {
        json: to_json(&line),
        error: Some(code),
        page,
    }
}

fn too_large(url: Option<&str>, length: u64) -> Outcome {
    let message = format!("record of {length} bytes is larger than maxInputBytes");
    error_line(url, crate::ErrorKind::InputTooLarge.code(), &message, false)
}

fn to_json(line: &impl Serialize) -> String {
    // Only strings, options and an enum: serialising cannot fail.
    serde_json::to_string(line).unwrap_or_default()
}

/// Step 3: lines in input order. Each written (or skipped) record frees a permit.
fn write_in_order(
    done_rx: Receiver<(u64, Outcome)>,
    permit_rx: Receiver<()>,
    out: &mut dyn Write,
    counters: &Counters,
) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let mut waiting: HashMap<u64, Outcome> = HashMap::new();
    let mut next = 0u64;
    for (number, outcome) in done_rx {
        waiting.insert(number, outcome);
        while let Some(outcome) = waiting.remove(&next) {
            next += 1;
            let _ = permit_rx.recv();
            let Outcome::Line { json, error, page } = outcome else {
                summary.skipped += 1;
                continue;
            };
            out.write_all(json.as_bytes())?;
            out.write_all(b"\n")?;
            summary.pages += u64::from(page);
            match error {
                None => {
                    summary.cleaned += 1;
                    counters.pages.fetch_add(1, Ordering::Relaxed);
                }
                Some(code) => {
                    *summary.errors.entry(code.to_owned()).or_default() += 1;
                    counters.errors.fetch_add(1, Ordering::Relaxed);
                }
            }
        }
    }
    out.flush()?;
    Ok(summary)
}

/// A progress line on stderr every second until `stop` closes.
fn progress(stop: &Receiver<()>, counters: &Counters, started: Instant) {
    let terminal = io::stderr().is_terminal();
    while let Err(RecvTimeoutError::Timeout) = stop.recv_timeout(PROGRESS_INTERVAL) {
        let seconds = started.elapsed().as_secs_f64();
        let megabytes = counters.html_bytes.load(Ordering::Relaxed) as f64 / MEGABYTE;
        let line = format!(
            "batch: {} pages, {:.1} MB/s, {} errors",
            counters.pages.load(Ordering::Relaxed),
            megabytes / seconds,
            counters.errors.load(Ordering::Relaxed)
        );
        if terminal {
            eprint!("\r\x1b[K{line}");
        } else {
            eprintln!("{line}");
        }
    }
}

/// Reads one line into `line` (without its LF or CRLF, cut at `max` bytes); returns
/// the bytes consumed, 0 at the end of the input.
pub(crate) fn read_line(
    input: &mut impl BufRead,
    line: &mut Vec<u8>,
    max: usize,
) -> io::Result<usize> {
    line.clear();
    let mut used = 0;
    loop {
        let buffer = match input.fill_buf() {
            Ok(buffer) => buffer,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if buffer.is_empty() {
            break;
        }
        let (take, end) = match buffer.iter().position(|&byte| byte == b'\n') {
            Some(at) => (at + 1, true),
            None => (buffer.len(), false),
        };
        let room = max.saturating_sub(line.len());
        line.extend_from_slice(&buffer[..take.min(room)]);
        input.consume(take);
        used += take;
        if end {
            break;
        }
    }
    if line.ends_with(b"\n") {
        line.pop();
    }
    if line.ends_with(b"\r") {
        line.pop();
    }
    Ok(used)
}

/// The start of a value for a message.
pub(crate) fn clip(text: &str) -> String {
    text.chars().take(60).collect()
}
