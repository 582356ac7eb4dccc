//! Bytes to UTF-8 ahead of the parser. lol_html only ever sees UTF-8: every other encoding
//! is transcoded before it, by encoding_rs or, for the East Asian multi-byte encodings in
//! the browser build, by the host's `TextDecoder` (the wasm leaves their tables out; both
//! implement the WHATWG Encoding Standard, so the text is the same).

use encoding_rs::{
    CoderResult, Decoder, Encoding, BIG5, EUC_JP, EUC_KR, GB18030, GBK, ISO_2022_JP, SHIFT_JIS,
    UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252,
};

/// A streaming decoder from one input's bytes to UTF-8.
pub trait Transcode {
    /// Appends the text of `bytes` to `out`; `last` flushes a partial character.
    fn decode(&mut self, bytes: &[u8], last: bool, out: &mut String);
}

/// Makes a decoder for an encoding, by its WHATWG name (`"Shift_JIS"`), or `None` when the
/// host cannot decode it.
pub type HostDecoderFactory = fn(&'static str) -> Option<Box<dyn Transcode>>;

impl Transcode for Decoder {
    fn decode(&mut self, mut bytes: &[u8], last: bool, out: &mut String) {
        loop {
            if out.capacity() - out.len() < 64 {
                out.reserve(bytes.len() * 3 + 64);
            }
            let (result, read, _) = self.decode_to_string(bytes, out, last);
            bytes = &bytes[read..];
            match result {
                CoderResult::InputEmpty => return,
                CoderResult::OutputFull => out.reserve(bytes.len() * 3 + 64),
            }
        }
    }
}

/// The multi-byte encodings whose tables are most of encoding_rs's size; the browser build
/// decodes them with the host's `TextDecoder`.
pub fn is_host_decoded(encoding: &'static Encoding) -> bool {
    [GBK, GB18030, BIG5, EUC_JP, ISO_2022_JP, SHIFT_JIS, EUC_KR].contains(&encoding)
}

/// A decoder for `encoding` (the BOM, if any, already removed), from the host for the
/// encodings it decodes when a host factory is given, else from encoding_rs.
pub fn transcoder(
    encoding: &'static Encoding,
    host: Option<HostDecoderFactory>,
) -> Option<Box<dyn Transcode>> {
    match host {
        Some(factory) if is_host_decoded(encoding) => factory(encoding.name()),
        _ => Some(Box::new(encoding.new_decoder_without_bom_handling())),
    }
}

/// The encoding a `<meta>` declares, by `charset` or by `http-equiv="content-type"` with a
/// `charset=` parameter in `content` (the HTML standard's rules: a UTF-16 label means UTF-8,
/// `x-user-defined` means windows-1252).
pub fn declared_by_meta(attrs: &[(String, String)]) -> Option<&'static Encoding> {
    let get = |name: &str| {
        attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    };
    let label = match get("charset") {
        Some(label) => label,
        None => {
            let content_type = get("http-equiv")?
                .trim()
                .eq_ignore_ascii_case("content-type");
            if !content_type {
                return None;
            }
            charset_parameter(get("content")?)?
        }
    };
    let encoding = Encoding::for_label_no_replacement(label.trim().as_bytes())?;
    Some(if encoding == UTF_16BE || encoding == UTF_16LE {
        UTF_8
    } else if encoding.name() == "x-user-defined" {
        WINDOWS_1252
    } else {
        encoding
    })
}

/// The value after the first `charset` followed by `=` in a `content` attribute, quoted or
/// not (the HTML standard's "extracting a character encoding from a meta element").
fn charset_parameter(content: &str) -> Option<&str> {
    let bytes = content.as_bytes();
    let mut from = 0;
    loop {
        let at = from + find_ignore_case(&bytes[from..], b"charset")?;
        let mut i = at + b"charset".len();
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        if bytes.get(i) != Some(&b'=') {
            from = at + 1;
            continue;
        }
        i += 1;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let rest = &content[i..];
        return match rest.as_bytes().first() {
            Some(&quote @ (b'"' | b'\'')) => {
                let end = rest[1..].find(quote as char)?;
                Some(&rest[1..1 + end])
            }
            Some(_) => {
                let end = rest
                    .find(|c: char| c.is_ascii_whitespace() || c == ';')
                    .unwrap_or(rest.len());
                Some(&rest[..end])
            }
            None => None,
        };
    }
}

fn find_ignore_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn meta_declarations() {
        let name = |pairs: &[(&str, &str)]| declared_by_meta(&attrs(pairs)).map(|e| e.name());
        assert_eq!(name(&[("charset", " Shift_JIS ")]), Some("Shift_JIS"));
        assert_eq!(name(&[("charset", "utf-16le")]), Some("UTF-8"));
        assert_eq!(name(&[("charset", "x-user-defined")]), Some("windows-1252"));
        assert_eq!(name(&[("charset", "no-such-thing")]), None);
        let http_equiv = |content| name(&[("http-equiv", "Content-Type"), ("content", content)]);
        assert_eq!(http_equiv("text/html; charset=euc-kr"), Some("EUC-KR"));
        assert_eq!(http_equiv("text/html;CHARSET = 'gb2312' "), Some("GBK"));
        assert_eq!(http_equiv("text/html; charset=\"big5\"; x=y"), Some("Big5"));
        assert_eq!(
            http_equiv("text/html; charsetx; charset=koi8-r"),
            Some("KOI8-R")
        );
        assert_eq!(http_equiv("text/html"), None);
        assert_eq!(http_equiv("text/html; charset=\"utf-8"), None);
        assert_eq!(name(&[("content", "text/html; charset=big5")]), None);
    }

    #[test]
    fn host_decoded_encodings() {
        let host: Vec<_> = [
            "gbk",
            "gb18030",
            "big5",
            "euc-jp",
            "iso-2022-jp",
            "shift_jis",
            "euc-kr",
            "utf-8",
            "utf-16le",
            "windows-1252",
            "koi8-r",
            "x-user-defined",
        ]
        .iter()
        .filter(|label| is_host_decoded(Encoding::for_label(label.as_bytes()).unwrap()))
        .copied()
        .collect();
        assert_eq!(
            host,
            [
                "gbk",
                "gb18030",
                "big5",
                "euc-jp",
                "iso-2022-jp",
                "shift_jis",
                "euc-kr"
            ]
        );
    }
}
