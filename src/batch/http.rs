//! The HTTP response inside a WARC `response` record: the status line and headers split
//! from the body, and the body de-chunked and gunzipped when the record kept it as sent
//! (most WARC writers store it decoded, but keep the headers that say otherwise).

use std::io::Read;

use flate2::read::GzDecoder;

use super::clip;

/// Headers longer than this are not an HTTP response we can read.
const MAX_HEAD_BYTES: usize = 1 << 20;
/// How much of a body without a Content-Type is looked at to decide whether it is HTML.
const SNIFF_BYTES: usize = 1024;
/// Media types cleaned as HTML.
const HTML_TYPES: &[&str] = &["text/html", "application/xhtml+xml"];
/// A body without a Content-Type is HTML when, lower-cased and after leading white space,
/// it starts with one of these...
const HTML_STARTS: &[&[u8]] = &[b"<!doctype html", b"<html", b"<head", b"<body"];
/// ...or its first `SNIFF_BYTES` hold this (pages that open with a comment or an XML
/// declaration).
const HTML_TAG: &[u8] = b"<html";

/// The parts of an HTTP response the batch cleaner needs.
#[derive(Debug, PartialEq, Eq)]
pub struct Response<'a> {
    pub status: u16,
    pub content_type: Option<&'a str>,
    pub chunked: bool,
    pub content_encoding: Option<&'a str>,
    /// The body as stored in the record.
    pub body: &'a [u8],
}

/// Splits `block` (a WARC `application/http` block) into status, headers and body.
///
/// # Errors
/// A readable message when there is no `HTTP/` status line or the head never ends.
pub fn parse(block: &[u8]) -> Result<Response<'_>, String> {
    let mut lines = Lines {
        rest: block,
        used: 0,
    };
    let status_line = lines.next().ok_or("empty HTTP response")?;
    let status_line = String::from_utf8_lossy(status_line);
    let mut words = status_line.split_ascii_whitespace();
    let status = match (words.next(), words.next()) {
        (Some(version), Some(code)) if version.starts_with("HTTP/") => code
            .parse::<u16>()
            .map_err(|_| format!("bad HTTP status code {code:?}"))?,
        _ => return Err(format!("no HTTP status line: {:?}", clip(&status_line))),
    };
    let mut response = Response {
        status,
        content_type: None,
        chunked: false,
        content_encoding: None,
        body: &[],
    };
    loop {
        if lines.used > MAX_HEAD_BYTES {
            return Err("HTTP headers longer than 1 MiB".to_owned());
        }
        let Some(line) = lines.next() else {
            return Err("HTTP headers do not end".to_owned());
        };
        if line.is_empty() {
            break;
        }
        // Not UTF-8 (or a folded continuation line): not a header we need.
        let Ok(line) = std::str::from_utf8(line) else {
            continue;
        };
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        let name = name.trim();
        if name.eq_ignore_ascii_case("content-type") && !value.is_empty() {
            response.content_type = Some(value);
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            response.chunked = value.to_ascii_lowercase().contains("chunked");
        } else if name.eq_ignore_ascii_case("content-encoding") && !value.is_empty() {
            response.content_encoding = Some(value);
        }
    }
    response.body = &block[lines.used..];
    Ok(response)
}

/// The body as the server meant it: de-chunked and gunzipped when it still is chunked or
/// gzip-compressed, at most `max_bytes` (and one more, so that the cleaner reports the
/// page as too large).
///
/// # Errors
/// A readable message for a broken chunked body or gzip stream.
pub fn decoded_body(response: &Response<'_>, max_bytes: usize) -> Result<Vec<u8>, String> {
    let mut body = match response.chunked.then(|| dechunk(response.body)).flatten() {
        Some(body) => body?,
        None => response.body.to_vec(),
    };
    let gzip = response
        .content_encoding
        .is_some_and(|coding| matches!(coding.to_ascii_lowercase().as_str(), "gzip" | "x-gzip"));
    // The header stays when the writer stored the body decoded: trust the magic bytes.
    if gzip && body.starts_with(&[0x1f, 0x8b]) {
        let mut decoded = Vec::new();
        GzDecoder::new(body.as_slice())
            .take(max_bytes as u64 + 1)
            .read_to_end(&mut decoded)
            .map_err(|e| format!("bad gzip body: {e}"))?;
        body = decoded;
    }
    Ok(body)
}

/// A chunked body decoded; `None` when the body does not start with a chunk size line
/// (the writer stored it decoded).
fn dechunk(body: &[u8]) -> Option<Result<Vec<u8>, String>> {
    let mut first = Lines {
        rest: body,
        used: 0,
    };
    chunk_size(first.next()?)?;
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let mut lines = Lines { rest, used: 0 };
        let Some(size) = lines.next().and_then(chunk_size) else {
            return Some(Err("bad chunk size line in a chunked body".to_owned()));
        };
        rest = &rest[lines.used..];
        if size == 0 {
            return Some(Ok(out));
        }
        if rest.len() < size {
            return Some(Err(format!(
                "chunked body truncated: a chunk of {size} bytes has {}",
                rest.len()
            )));
        }
        out.extend_from_slice(&rest[..size]);
        rest = &rest[size..];
        rest = rest.strip_prefix(b"\r").unwrap_or(rest);
        rest = rest.strip_prefix(b"\n").unwrap_or(rest);
        // A body cut right after a chunk: keep what came.
        if rest.is_empty() {
            return Some(Ok(out));
        }
    }
}

/// The size on a chunk size line (`1a3f`, `1a3f;ext=1`).
fn chunk_size(line: &[u8]) -> Option<usize> {
    let line = std::str::from_utf8(line).ok()?;
    let hex = line.split(';').next()?.trim();
    if hex.is_empty() || hex.len() > 15 {
        return None;
    }
    usize::from_str_radix(hex, 16).ok()
}

/// The media type of a Content-Type value, lower-cased (`text/html`).
pub fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// Whether a Content-Type value names HTML.
pub fn is_html_type(content_type: &str) -> bool {
    HTML_TYPES.contains(&media_type(content_type).as_str())
}

/// The `charset` parameter of a Content-Type value, unquoted.
pub fn charset(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(|c| c == '"' || c == '\''))
            .filter(|value| !value.is_empty())
    })
}

/// Whether a body without a Content-Type looks like HTML.
pub fn looks_like_html(body: &[u8]) -> bool {
    let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let start = body
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(body.len());
    let head = body[start..].iter().take(SNIFF_BYTES);
    let head: Vec<u8> = head.map(u8::to_ascii_lowercase).collect();
    HTML_STARTS.iter().any(|prefix| head.starts_with(prefix))
        || head
            .windows(HTML_TAG.len())
            .any(|window| window == HTML_TAG)
}

/// Lines ending in LF or CRLF, without the ending; `used` counts the bytes consumed.
struct Lines<'a> {
    rest: &'a [u8],
    used: usize,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        let end = self.rest.iter().position(|&byte| byte == b'\n')?;
        let line = &self.rest[..end];
        self.rest = &self.rest[end + 1..];
        self.used += end + 1;
        Some(line.strip_suffix(b"\r").unwrap_or(line))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_head_and_body() {
        let block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=\"ISO-8859-1\"\r\nX: y\r\n\r\n<p>hi</p>";
        let response = parse(block).unwrap();
        assert_eq!(response.status, 200);
        assert_eq!(response.body, b"<p>hi</p>");
        let content_type = response.content_type.unwrap();
        assert!(is_html_type(content_type));
        assert_eq!(charset(content_type), Some("ISO-8859-1"));
        assert!(parse(b"<html>no status</html>\r\n\r\n").is_err());
        assert!(parse(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n").is_err());
    }

    #[test]
    fn dechunks_and_gunzips() {
        let block = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n<p>hi\r\n6;x=1\r\n</p>ok\r\n0\r\n\r\n";
        let response = parse(block).unwrap();
        assert_eq!(decoded_body(&response, 100).unwrap(), b"<p>hi</p>ok");
        // Stored decoded although the header says chunked.
        let block = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n<p>hi</p>";
        assert_eq!(
            decoded_body(&parse(block).unwrap(), 100).unwrap(),
            b"<p>hi</p>"
        );
        let block = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n50\r\n<p>hi";
        assert!(decoded_body(&parse(block).unwrap(), 100).is_err());

        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"<p>zipped</p>").unwrap();
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        block.extend(gz.finish().unwrap());
        assert_eq!(
            decoded_body(&parse(&block).unwrap(), 100).unwrap(),
            b"<p>zipped</p>"
        );
    }

    #[test]
    fn sniffs_html() {
        assert!(looks_like_html(b"\xEF\xBB\xBF  <!DOCTYPE html><p>"));
        assert!(looks_like_html(b"<?xml version=\"1.0\"?>\n<html>"));
        assert!(!looks_like_html(b"{\"json\": true}"));
        assert!(!looks_like_html(b"%PDF-1.4"));
    }
}
