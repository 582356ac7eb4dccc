//! A streaming WARC record reader: one record at a time from any `BufRead` (a gzip stream
//! of per-record members reads as one stream). Only the blocks asked for are kept in
//! memory; the others are read past.

use std::io::{self, BufRead, Read};

use super::{clip, read_line};

/// A header line longer than this is cut (what is kept still says what went wrong).
const MAX_LINE_BYTES: usize = 64 << 10;
/// A record head (the WARC headers) longer than this is malformed.
const MAX_HEAD_BYTES: usize = 1 << 20;

/// One WARC record's headers, and its block when it was asked for.
#[derive(Debug, Default)]
pub struct Record {
    /// `WARC-Type`, lower-cased (`response`, `request`, `warcinfo`...).
    pub warc_type: String,
    /// `WARC-Target-URI`, without the angle brackets WARC 1.0 examples put around it.
    pub target_uri: Option<String>,
    /// `Content-Length`: the block's size.
    pub length: u64,
    /// The block: only for records `keep` accepts and no larger than the limit.
    pub block: Option<Vec<u8>>,
}

/// A record that cannot be read, with its URI when the headers gave one.
#[derive(Debug, PartialEq, Eq)]
pub struct BadRecord {
    pub uri: Option<String>,
    pub message: String,
}

/// Reads records from `input`. `keep(warc_type)` says whose blocks to load; blocks longer
/// than `max_block` bytes are read past (the record comes with `block: None`).
pub struct WarcReader<R, K> {
    input: R,
    keep: K,
    max_block: u64,
    /// A version line was found while skipping garbage: the next record starts after it.
    at_headers: bool,
    /// A record without a length was reported: skip to the next version line quietly.
    resyncing: bool,
    /// The stream broke (I/O error, truncation): nothing more can be read.
    done: bool,
    line: Vec<u8>,
}

impl<R: BufRead, K: Fn(&str) -> bool> WarcReader<R, K> {
    pub fn new(input: R, keep: K, max_block: u64) -> Self {
        WarcReader {
            input,
            keep,
            max_block,
            at_headers: false,
            resyncing: false,
            done: false,
            line: Vec::new(),
        }
    }

    fn read_record(&mut self) -> Option<Result<Record, BadRecord>> {
        if !self.at_headers {
            // Records are separated by blank lines; anything else before `WARC/` is garbage.
            let mut garbage = 0usize;
            loop {
                match read_line(&mut self.input, &mut self.line, MAX_LINE_BYTES) {
                    Err(error) => return Some(Err(self.broken(None, &error))),
                    Ok(0) if garbage == 0 || self.resyncing => return None,
                    Ok(0) => return Some(Err(self.truncated(None, "garbage at the end"))),
                    Ok(n) => {
                        if self.line.starts_with(b"WARC/") {
                            break;
                        }
                        if !self.line.iter().all(u8::is_ascii_whitespace) {
                            garbage += n;
                        }
                    }
                }
            }
            if garbage > 0 && !std::mem::take(&mut self.resyncing) {
                self.at_headers = true;
                return Some(Err(BadRecord {
                    uri: None,
                    message: format!("{garbage} bytes that are not a WARC record"),
                }));
            }
        }
        self.at_headers = false;
        self.resyncing = false;

        let mut record = Record::default();
        let mut length = None;
        let mut malformed = None;
        let mut head_bytes = 0;
        loop {
            match read_line(&mut self.input, &mut self.line, MAX_LINE_BYTES) {
                Err(error) => return Some(Err(self.broken(record.target_uri, &error))),
                Ok(0) => {
                    return Some(Err(
                        self.truncated(record.target_uri, "the headers end early")
                    ))
                }
                Ok(n) => head_bytes += n,
            }
            if self.line.is_empty() {
                break;
            }
            if head_bytes > MAX_HEAD_BYTES {
                malformed = Some("WARC headers longer than 1 MiB".to_owned());
                break;
            }
            let line = String::from_utf8_lossy(&self.line);
            let Some((name, value)) = line.split_once(':') else {
                malformed = Some(format!("bad WARC header line {:?}", clip(&line)));
                continue;
            };
            let (name, value) = (name.trim(), value.trim());
            if name.eq_ignore_ascii_case("warc-type") {
                record.warc_type = value.to_ascii_lowercase();
            } else if name.eq_ignore_ascii_case("warc-target-uri") {
                let uri = value.trim_start_matches('<').trim_end_matches('>');
                record.target_uri = Some(uri.to_owned());
            } else if name.eq_ignore_ascii_case("content-length") {
                match value.parse::<u64>() {
                    Ok(value) => length = Some(value),
                    Err(_) => malformed = Some(format!("bad Content-Length {:?}", clip(value))),
                }
            }
        }
        let Some(length) = length else {
            // Without a length the block cannot be found: look for the next record, and
            // do not report what lies before it a second time.
            self.resyncing = true;
            let message = malformed.unwrap_or_else(|| "no Content-Length".to_owned());
            return Some(Err(BadRecord {
                uri: record.target_uri,
                message,
            }));
        };
        record.length = length;
        let keep = malformed.is_none() && (self.keep)(&record.warc_type);
        if keep && length <= self.max_block {
            // The length is the writer's word; memory grows with what actually arrives.
            let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
            let read = (&mut self.input).take(length).read_to_end(&mut block);
            if let Err(error) = read {
                return Some(Err(self.broken(record.target_uri, &error)));
            }
            if (block.len() as u64) < length {
                let message = format!("record truncated: {} of {length} bytes", block.len());
                return Some(Err(self.truncated(record.target_uri, &message)));
            }
            record.block = Some(block);
        } else {
            match io::copy(&mut (&mut self.input).take(length), &mut io::sink()) {
                Err(error) => return Some(Err(self.broken(record.target_uri, &error))),
                Ok(read) if read < length => {
                    let message = format!("record truncated: {read} of {length} bytes");
                    return Some(Err(self.truncated(record.target_uri, &message)));
                }
                Ok(_) => {}
            }
        }
        match malformed {
            Some(message) => Some(Err(BadRecord {
                uri: record.target_uri,
                message,
            })),
            None => Some(Ok(record)),
        }
    }

    fn broken(&mut self, uri: Option<String>, error: &io::Error) -> BadRecord {
        self.done = true;
        BadRecord {
            uri,
            message: format!("unreadable input: {error}"),
        }
    }

    fn truncated(&mut self, uri: Option<String>, message: &str) -> BadRecord {
        self.done = true;
        BadRecord {
            uri,
            message: format!("truncated input: {message}"),
        }
    }
}

impl<R: BufRead, K: Fn(&str) -> bool> Iterator for WarcReader<R, K> {
    type Item = Result<Record, BadRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        self.read_record()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &str) -> String {
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: <{uri}>\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    /// Type, URI and block of each record.
    type Read = Result<(String, Option<String>, Option<Vec<u8>>), BadRecord>;

    fn read(input: &str) -> Vec<Read> {
        WarcReader::new(input.as_bytes(), |kind| kind == "response", 1000)
            .map(|record| record.map(|r| (r.warc_type, r.target_uri, r.block)))
            .collect()
    }

    #[test]
    fn reads_records_and_keeps_only_wanted_blocks() {
        let input = record("request", "http://a/", "GET / HTTP/1.1\r\n\r\n")
            + &record("response", "http://a/", "HTTP/1.1 200 OK\r\n\r\nhi");
        let records = read(&input);
        assert_eq!(records.len(), 2);
        let Ok((kind, uri, block)) = &records[1] else {
            panic!("{records:?}")
        };
        assert_eq!(
            (kind.as_str(), uri.as_deref()),
            ("response", Some("http://a/"))
        );
        assert_eq!(block.as_deref(), Some(&b"HTTP/1.1 200 OK\r\n\r\nhi"[..]));
        assert!(matches!(&records[0], Ok((_, _, None))));
    }

    #[test]
    fn recovers_from_garbage_and_reports_truncation() {
        let good = record("response", "http://b/", "HTTP/1.1 200 OK\r\n\r\nhi");
        let bad_length = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: x\r\n\r\nzzz\r\n\r\n";
        let input = format!("{bad_length}{good}");
        let records = read(&input);
        assert_eq!(records.len(), 2, "{records:?}");
        assert!(records[0].is_err(), "{records:?}");
        assert!(matches!(&records[1], Ok((_, Some(uri), _)) if uri == "http://b/"));

        let truncated = &good[..good.len() - 8];
        let records = read(&format!("{good}{truncated}"));
        assert_eq!(records.len(), 2);
        let Err(bad) = &records[1] else {
            panic!("{records:?}")
        };
        assert_eq!(bad.uri.as_deref(), Some("http://b/"));
        assert!(bad.message.contains("truncated"), "{bad:?}");
    }
}
