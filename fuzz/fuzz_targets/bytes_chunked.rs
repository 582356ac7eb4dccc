//! Raw bytes in any charset, fed to `Cleaner` in the chunks the fuzzer chooses.
//!
//! Checks:
//! - nothing panics: `Cleaner` (chunked and whole), `clean` on the lossy UTF-8 text,
//!   `is_probably_readerable`;
//! - any chunking gives identical output: the chunked result equals the one-write result
//!   (the same `Article`, or an error of the same kind);
//! - with `encoding = "utf-8"` and valid UTF-8 without a BOM, the byte path (`Cleaner`)
//!   and the text path (`clean`) agree.
//!
//! Input layout (what `arbitrary` 1.x derives, so seeds can be written by hand): byte 0
//! encoding index, byte 1 flags, then the chunk lengths, each as an odd "one more" byte
//! followed by a little-endian `u16`, closed by an even byte (`0x00`); the rest of the
//! input is the page's bytes, as is.
#![no_main]

use arbitrary::Arbitrary;
use article_cleaner::{clean, is_probably_readerable, Article, Cleaner, Error, Options};
use libfuzzer_sys::fuzz_target;

const ENCODINGS: &[Option<&str>] = &[
    None,
    Some("utf-8"),
    Some("windows-1252"),
    Some("shift_jis"),
    Some("euc-jp"),
    Some("iso-2022-jp"),
    Some("gb18030"),
    Some("big5"),
    Some("euc-kr"),
    Some("utf-16le"),
    Some("utf-16be"),
    Some("koi8-r"),
    Some("iso-8859-2"),
    Some("x-user-defined"),
];

const PAGE_URL: &str = "https://news.example.com/2026/section/story.html?id=7#top";

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    /// Index into `ENCODINGS` (modulo its length).
    encoding: u8,
    /// Bit 0 output_markdown, bit 1 keep_classes, bit 2 text_captions, bit 3 url,
    /// bits 4-5 char_threshold (default 500, 100, 20, 0), bit 6 max_input_bytes 4096
    /// (else the default).
    flags: u8,
    /// Chunk lengths; a length of 0 writes an empty chunk. Once the list runs out, the
    /// rest of the bytes is written in one chunk.
    chunks: Vec<u16>,
    /// The page.
    bytes: &'a [u8],
}

fn options(input: &Input<'_>) -> Options {
    let flags = input.flags;
    Options {
        encoding: ENCODINGS[input.encoding as usize % ENCODINGS.len()].map(str::to_owned),
        output_markdown: flags & 1 != 0,
        keep_classes: flags & 2 != 0,
        text_captions: flags & 4 != 0,
        url: (flags & 8 != 0).then(|| PAGE_URL.to_owned()),
        char_threshold: [500, 100, 20, 0][usize::from((flags >> 4) & 3)],
        max_input_bytes: if flags & 64 != 0 {
            4096
        } else {
            Options::default().max_input_bytes
        },
        ..Options::default()
    }
}

fn stream<'a>(
    options: &Options,
    chunks: impl IntoIterator<Item = &'a [u8]>,
) -> Result<Article, Error> {
    let mut cleaner = Cleaner::new(options.clone())?;
    for chunk in chunks {
        cleaner.write(chunk)?;
    }
    cleaner.finish()
}

/// The bytes split at the fuzzer's chunk lengths.
fn split<'a>(bytes: &'a [u8], lengths: &[u16]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut rest = bytes;
    for &length in lengths {
        let (chunk, tail) = rest.split_at(usize::from(length).min(rest.len()));
        out.push(chunk);
        rest = tail;
    }
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// Same article, or errors of the same kind.
fn same(a: &Result<Article, Error>, b: &Result<Article, Error>) -> bool {
    match (a, b) {
        (Ok(a), Ok(b)) => a == b,
        (Err(a), Err(b)) => a.kind() == b.kind(),
        _ => false,
    }
}

fn describe(result: &Result<Article, Error>) -> String {
    match result {
        Ok(article) => format!("Ok({article:#?})"),
        Err(error) => format!("Err({:?}: {error})", error.kind()),
    }
}

/// `FUZZ_PRINT=1` prints each input's options, chunks and result (for seeds and
/// reproducers).
fn print_enabled() -> bool {
    static PRINT: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *PRINT.get_or_init(|| std::env::var_os("FUZZ_PRINT").is_some())
}

fuzz_target!(|input: Input| {
    let options = options(&input);
    let bytes = input.bytes;

    let whole = stream(&options, [bytes]);
    let chunks = split(bytes, &input.chunks);
    let chunked = stream(&options, chunks.iter().copied());
    if print_enabled() {
        let lengths: Vec<usize> = chunks.iter().map(|c| c.len()).collect();
        eprintln!(
            "options: {options:?}\nchunk lengths: {lengths:?}\nresult: {}",
            describe(&chunked)
        );
    }
    if !same(&whole, &chunked) {
        let lengths: Vec<usize> = chunks.iter().map(|c| c.len()).collect();
        panic!(
            "chunking changed the output\noptions: {options:?}\nchunk lengths: {lengths:?}\n\
             one write: {}\nchunked:   {}",
            describe(&whole),
            describe(&chunked)
        );
    }

    let text = String::from_utf8_lossy(bytes);
    let from_text = clean(&text, &options);
    let _ = is_probably_readerable(&text, &options);

    // Text path vs byte path: with an authoritative UTF-8 label and no BOM, `clean(&str)`
    // and `Cleaner` see the same characters and must agree.
    let is_utf8_label = options.encoding.as_deref() == Some("utf-8");
    let has_bom = bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFE\xFF")
        || bytes.starts_with(b"\xFF\xFE");
    if is_utf8_label && !has_bom && std::str::from_utf8(bytes).is_ok() && !same(&whole, &from_text)
    {
        panic!(
            "clean(&str) and Cleaner disagree on valid UTF-8 labelled utf-8\noptions: {options:?}\n\
             Cleaner: {}\nclean:   {}",
            describe(&whole),
            describe(&from_text)
        );
    }
});
