//! Character reference decoding. lol_html hands us text and attribute values raw, so
//! `&amp;`, `&eacute;` and `&#233;` are decoded here, following the HTML tokenizer's rules
//! closely enough for real pages (numeric references, the windows-1252 remap of C1 controls,
//! legacy references without `;`).

use std::borrow::Cow;

use crate::entities_table::ENTITIES;

/// Longest entity name in the table; bounds the look-ahead after `&`.
const MAX_NAME_LEN: usize = 8;

/// Code points that the HTML tokenizer maps `&#128;`..`&#159;` to (windows-1252).
const C1_REMAP: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
];

/// Decodes character references in text content.
pub fn decode_text(raw: &str) -> Cow<'_, str> {
    decode(raw, false)
}

/// Decodes character references in an attribute value (legacy references followed by an
/// alphanumeric or `=` stay literal, as in the HTML tokenizer).
pub fn decode_attribute(raw: &str) -> Cow<'_, str> {
    decode(raw, true)
}

/// Decodes only numeric references (`&#233;`, `&#xE9;`), leaving named ones as they are.
pub fn decode_numeric_only(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find("&#") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match decode_numeric(after)
            .filter(|(_, used)| after.as_bytes().get(used - 1) == Some(&b';'))
        {
            Some((ch, used)) => {
                out.push(ch);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Borrows `raw` when it holds no reference, as most text and attribute values do.
fn decode(raw: &str, in_attribute: bool) -> Cow<'_, str> {
    let Some(first) = raw.find('&') else {
        return Cow::Borrowed(raw);
    };
    let bytes = raw.as_bytes();
    let mut out = String::with_capacity(raw.len());
    out.push_str(&raw[..first]);
    let mut i = first;
    while i < bytes.len() {
        if bytes[i] != b'&' {
            let next = raw[i..].find('&').map_or(bytes.len(), |n| i + n);
            out.push_str(&raw[i..next]);
            i = next;
            continue;
        }
        match decode_reference(&raw[i + 1..], in_attribute) {
            Some((ch, consumed)) => {
                out.push(ch);
                i += 1 + consumed;
            }
            None => {
                out.push('&');
                i += 1;
            }
        }
    }
    Cow::Owned(out)
}

/// Decodes the reference that follows an `&`; returns the character and bytes consumed.
fn decode_reference(rest: &str, in_attribute: bool) -> Option<(char, usize)> {
    let bytes = rest.as_bytes();
    if bytes.first() == Some(&b'#') {
        return decode_numeric(rest);
    }
    let name_len = bytes
        .iter()
        .take(MAX_NAME_LEN + 1)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 {
        return None;
    }
    if bytes.get(name_len) == Some(&b';') {
        if let Some(cp) = lookup(&rest[..name_len]).map(|(cp, _)| cp) {
            return char::from_u32(cp).map(|c| (c, name_len + 1));
        }
    }
    // Legacy references may omit the `;`: take the longest legacy name that prefixes the run.
    for len in (2..=name_len.min(MAX_NAME_LEN)).rev() {
        if let Some((cp, true)) = lookup(&rest[..len]) {
            let next = bytes.get(len).copied();
            if in_attribute && next.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'=') {
                return None;
            }
            return char::from_u32(cp).map(|c| (c, len));
        }
    }
    None
}

fn lookup(name: &str) -> Option<(u32, bool)> {
    ENTITIES
        .binary_search_by(|(candidate, _, _)| candidate.cmp(&name))
        .ok()
        .map(|index| (ENTITIES[index].1, ENTITIES[index].2))
}

fn decode_numeric(rest: &str) -> Option<(char, usize)> {
    let bytes = rest.as_bytes();
    let (radix, start) = match bytes.get(1) {
        Some(b'x' | b'X') => (16, 2),
        _ => (10, 1),
    };
    let digits = bytes[start..]
        .iter()
        .take_while(|b| {
            if radix == 16 {
                b.is_ascii_hexdigit()
            } else {
                b.is_ascii_digit()
            }
        })
        .count();
    if digits == 0 {
        return None;
    }
    let mut value: u32 = 0;
    for &b in &bytes[start..start + digits] {
        let digit = (b as char).to_digit(radix).unwrap_or(0);
        value = value.saturating_mul(radix).saturating_add(digit);
    }
    let mut consumed = start + digits;
    if bytes.get(consumed) == Some(&b';') {
        consumed += 1;
    }
    let ch = match value {
        0 => '\u{FFFD}',
        0x80..=0x9F => char::from_u32(C1_REMAP[(value - 0x80) as usize]).unwrap_or('\u{FFFD}'),
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    };
    Some((ch, consumed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_for_binary_search() {
        assert!(ENTITIES.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(ENTITIES
            .iter()
            .all(|(name, _, _)| name.len() <= MAX_NAME_LEN));
    }

    #[test]
    fn decodes_named_numeric_and_legacy_references() {
        assert_eq!(decode_text("a &amp; b"), "a & b");
        assert_eq!(decode_text("caf&eacute; &#233; &#xE9;"), "café é é");
        assert_eq!(
            decode_text("&#146;s &#0; &#x110000;"),
            "\u{2019}s \u{FFFD} \u{FFFD}"
        );
        assert_eq!(
            decode_text("AT&T &copy2026 &notit; &bogus;"),
            "AT&T ©2026 ¬it; &bogus;"
        );
        assert_eq!(decode_text("&"), "&");
        assert_eq!(decode_text("&#"), "&#");
    }

    #[test]
    fn attribute_values_keep_legacy_references_before_alphanumerics() {
        assert_eq!(decode_attribute("?a=1&copy=2&amp;b"), "?a=1&copy=2&b");
        assert_eq!(decode_attribute("x&lty"), "x&lty");
        assert_eq!(decode_attribute("x&lt;y"), "x<y");
        assert_eq!(decode_attribute("x&lt y"), "x< y");
    }
}
