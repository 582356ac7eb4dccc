//! A streaming JSON Lines reader: one `{"url": ..., "html": ...}` object a line.

use std::io::{self, BufRead};

use serde::Deserialize;

use super::read_line;
use super::warc::BadRecord;

/// A page from one line.
#[derive(Debug, PartialEq, Eq)]
pub struct Page {
    pub url: Option<String>,
    pub html: String,
}

#[derive(Deserialize)]
struct Line {
    url: Option<String>,
    html: Option<String>,
}

/// Reads pages from `input`; lines longer than `max_line` bytes are read past and reported.
pub struct JsonLines<R> {
    input: R,
    max_line: usize,
    line: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonLines<R> {
    pub fn new(input: R, max_line: usize) -> Self {
        JsonLines {
            input,
            max_line,
            line: Vec::new(),
            done: false,
        }
    }

    /// Reads the next line that is not blank into `line`, keeping one byte more than a line
    /// may have (so a longer one shows); `false` at the end.
    fn next_line(&mut self) -> io::Result<bool> {
        loop {
            if read_line(&mut self.input, &mut self.line, self.max_line + 1)? == 0 {
                return Ok(false);
            }
            if !self.line.iter().all(u8::is_ascii_whitespace) {
                return Ok(true);
            }
        }
    }
}

impl<R: BufRead> Iterator for JsonLines<R> {
    type Item = Result<Page, BadRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.next_line() {
            Ok(true) => {}
            Ok(false) => return None,
            Err(error) => {
                self.done = true;
                return Some(Err(BadRecord {
                    uri: None,
                    message: format!("unreadable input: {error}"),
                }));
            }
        };
        if self.line.len() > self.max_line {
            return Some(Err(BadRecord {
                uri: None,
                message: format!("line longer than the limit of {} bytes", self.max_line),
            }));
        }
        // A byte order mark may open the file.
        let line = self
            .line
            .strip_prefix(b"\xEF\xBB\xBF")
            .unwrap_or(&self.line);
        Some(match serde_json::from_slice::<Line>(line) {
            Ok(Line {
                url,
                html: Some(html),
            }) => Ok(Page { url, html }),
            Ok(Line { url, html: None }) => Err(BadRecord {
                uri: url,
                message: "no \"html\" string".to_owned(),
            }),
            Err(error) => Err(BadRecord {
                uri: None,
                message: format!("bad JSON line: {error}"),
            }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_reports_bad_ones() {
        let input = "\u{feff}{\"url\": \"http://a/\", \"html\": \"<p>a</p>\"}\n\n  \r\n{\"url\": \"http://b/\"}\nnot json\n{\"html\": \"x\", \"extra\": 1}\n{\"html\": \"0123456789012345678901234567890123456789\"}\n{\"html\": \"cut";
        let pages: Vec<_> = JsonLines::new(input.as_bytes(), 44).collect();
        assert_eq!(pages.len(), 6, "{pages:?}");
        assert_eq!(
            pages[0],
            Ok(Page {
                url: Some("http://a/".to_owned()),
                html: "<p>a</p>".to_owned()
            })
        );
        assert_eq!(
            pages[1].as_ref().unwrap_err().uri.as_deref(),
            Some("http://b/")
        );
        assert!(pages[2].is_err());
        assert_eq!(pages[3].as_ref().unwrap().html, "x");
        assert!(pages[4].as_ref().unwrap_err().message.contains("longer"));
        assert!(pages[5].is_err());
    }
}
