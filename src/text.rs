//! Small text helpers shared by the phases.

/// Appends `text` to `out` with every run of whitespace collapsed to one space, continuing
/// a run that `out` already ends with. Whitespace is `char::is_whitespace` but for the
/// no-break space. Text is copied in spans: a lone `' '` needs no change, so a paragraph
/// is often a single copy.
pub fn collapse_whitespace_into(text: &str, out: &mut String) {
    out.reserve(text.len());
    let bytes = text.as_bytes();
    // Whether what is written, with the pending span `copied..at`, ends with a space.
    let mut in_space = out.ends_with(' ');
    let mut copied = 0;
    let mut at = 0;
    while let Some(offset) = bytes[at..]
        .iter()
        .position(|&byte| MAY_START_WHITESPACE[usize::from(byte)])
    {
        at += offset;
        if offset > 0 {
            in_space = false;
        }
        let space = whitespace_len(bytes, at);
        if space == 0 {
            in_space = false;
            at += 1;
            continue;
        }
        if space == 1 && bytes[at] == b' ' && !in_space {
            in_space = true;
            at += 1;
            continue;
        }
        // `at` starts a character (whitespace), so both slices end on boundaries.
        out.push_str(&text[copied..at]);
        if !in_space {
            out.push(' ');
            in_space = true;
        }
        at += space;
        copied = at;
    }
    out.push_str(&text[copied..]);
}

/// The bytes that [`whitespace_len`] may match at: ASCII whitespace and the lead bytes of
/// the other whitespace characters.
const MAY_START_WHITESPACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0x09;
    while byte <= 0x0D {
        table[byte] = true;
        byte += 1;
    }
    table[0x20] = true;
    table[0xC2] = true;
    table[0xE1] = true;
    table[0xE2] = true;
    table[0xE3] = true;
    table
};

/// Byte length of the whitespace character at `at` (as `char::is_whitespace`, less
/// U+00A0), or 0. Continuation bytes never match, so a match starts a character.
fn whitespace_len(bytes: &[u8], at: usize) -> usize {
    match bytes[at] {
        b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' => 1,
        0xC2 | 0xE1..=0xE3 => match bytes[at..] {
            [0xC2, 0x85, ..] => 2,
            [0xE1, 0x9A, 0x80, ..]
            | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
            | [0xE2, 0x81, 0x9F, ..]
            | [0xE3, 0x80, 0x80, ..] => 3,
            _ => 0,
        },
        _ => 0,
    }
}

/// `text` with whitespace runs collapsed and the ends trimmed.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    collapse_whitespace_into(text.trim(), &mut out);
    out
}

/// Lower-cases `text` for matching, without the Unicode case tables of `str::to_lowercase`
/// (about 8 KB of the gzipped wasm). The same as `to_lowercase` for ASCII, Latin-1, Latin
/// Extended-A and Extended Additional (Vietnamese), Greek, Cyrillic, Armenian, Georgian and
/// full-width Latin, and for the common Latin Extended-B pairs (Romanian, Pinyin); other
/// characters are left as they are. Final and medial sigma both become `σ`, so words compare
/// equal however they were cased. The tests check every character: matching against our
/// lower-case word lists, class/id hints and meta keys decides exactly as with `to_lowercase`.
pub fn lower_case(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if ch == '\u{130}' {
            // Capital I with dot: `i` and a combining dot above, as `to_lowercase` gives.
            out.push_str("i\u{307}");
        } else {
            out.push(lower_char(ch));
        }
    }
    out
}

fn lower_char(ch: char) -> char {
    let code = ch as u32;
    // Blocks where upper and lower case alternate: the upper case has this parity.
    let pair = |first: u32, last: u32, upper_parity: u32| {
        (first..=last).contains(&code) && code % 2 == upper_parity
    };
    let lower = match code {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB => code + 0x20,
        0x410..=0x42F | 0xFF21..=0xFF3A => code + 0x20,
        0x400..=0x40F => code + 0x50,
        0x531..=0x556 => code + 0x30,
        0x1C90..=0x1CBA | 0x1CBD..=0x1CBF => code - 0xBC0,
        0x10A0..=0x10C5 | 0x10C7 | 0x10CD => code + 0x1C60,
        0x37F => 0x3F3,
        0x3CF => 0x3D7,
        0x3F4 => 0x3B8,
        0x3F9 => 0x3F2,
        0x3FD..=0x3FF => code - 0x82,
        0x376 | 0x3F7 | 0x3FA => code + 1,
        0x178 => 0xFF,
        0x386 => 0x3AC,
        0x388..=0x38A => code + 0x25,
        0x38C => 0x3CC,
        0x38E | 0x38F => code + 0x3F,
        0x3C2 => 0x3C3,
        0x4C0 => 0x4CF,
        0x1E9E => 0xDF,
        0x2126 => 0x3C9,
        0x212A => 0x6B,
        0x212B => 0xE5,
        0x1C4 | 0x1C7 | 0x1CA | 0x1F1 => code + 2,
        0x1C5 | 0x1C8 | 0x1CB | 0x1F2 => code + 1,
        _ if pair(0x100, 0x12F, 0)
            || pair(0x132, 0x137, 0)
            || pair(0x139, 0x148, 1)
            || pair(0x14A, 0x177, 0)
            || pair(0x179, 0x17E, 1)
            || pair(0x1CD, 0x1DC, 1)
            || pair(0x1DE, 0x1EF, 0)
            || pair(0x1F8, 0x21F, 0)
            || pair(0x222, 0x233, 0)
            || pair(0x370, 0x373, 0)
            || pair(0x3D8, 0x3EF, 0)
            || pair(0x460, 0x481, 0)
            || pair(0x48A, 0x4BF, 0)
            || pair(0x4C1, 0x4CE, 1)
            || pair(0x4D0, 0x52F, 0)
            || pair(0x1E00, 0x1E95, 0)
            || pair(0x1EA0, 0x1EFF, 0) =>
        {
            code + 1
        }
        _ => code,
    };
    char::from_u32(lower).unwrap_or(ch)
}

/// A fixed list of lower-case needles (at most 64), indexed by their first two bytes:
/// whether any of them occurs takes one pass over the haystack, and at each byte only the
/// needles that start with it and may continue with the next byte are compared (class/id
/// hints are matched for most elements of every page).
pub struct Needles {
    pub words: &'static [&'static str],
    /// Bit `i` of `starting_with[b]`: `words[i]` starts with byte `b`.
    starting_with: [u64; 256],
    /// Bit `i` of `second_in[b % 32]`: `words[i]`'s second byte is `b` modulo 32, or it has
    /// none. Folding keeps the table small; a collision only lets a needle through to the
    /// full comparison.
    second_in: [u64; 32],
}

impl Needles {
    pub const fn new(words: &'static [&'static str]) -> Self {
        assert!(words.len() <= 64, "at most 64 needles");
        let mut starting_with = [0u64; 256];
        let mut second_in = [0u64; 32];
        let mut index = 0;
        while index < words.len() {
            let word = words[index].as_bytes();
            assert!(!word.is_empty(), "a needle cannot be empty");
            starting_with[word[0] as usize] |= 1 << index;
            if word.len() == 1 {
                let mut fold = 0;
                while fold < 32 {
                    second_in[fold] |= 1 << index;
                    fold += 1;
                }
            } else {
                second_in[(word[1] % 32) as usize] |= 1 << index;
            }
            index += 1;
        }
        Needles {
            words,
            starting_with,
            second_in,
        }
    }

    /// The needles that may occur at `at`: their first byte is there, and their second
    /// byte may be next.
    fn candidates_at(&self, haystack: &[u8], at: usize) -> u64 {
        let first = self.starting_with[usize::from(haystack[at])];
        match haystack.get(at + 1) {
            Some(&next) if first != 0 => first & self.second_in[usize::from(next % 32)],
            _ => first,
        }
    }

    /// Whether `words[index]` occurs at `at`, given that its first byte does.
    fn occurs_at(&self, haystack: &[u8], at: usize, index: u32) -> bool {
        rest_matches(haystack, at, self.words[index as usize].as_bytes())
    }

    /// Whether `haystack` contains any of the needles.
    pub fn found_in(&self, haystack: &str) -> bool {
        let haystack = haystack.as_bytes();
        (0..haystack.len()).any(|at| {
            let mut candidates = self.candidates_at(haystack, at);
            while candidates != 0 {
                if self.occurs_at(haystack, at, candidates.trailing_zeros()) {
                    return true;
                }
                candidates &= candidates - 1;
            }
            false
        })
    }

    /// Bit `i` set: `words[i]` occurs in `haystack` (one pass, every needle).
    pub fn matching(&self, haystack: &str) -> u64 {
        let haystack = haystack.as_bytes();
        let mut found = 0u64;
        for at in 0..haystack.len() {
            let mut candidates = self.candidates_at(haystack, at) & !found;
            while candidates != 0 {
                let index = candidates.trailing_zeros();
                if self.occurs_at(haystack, at, index) {
                    found |= 1 << index;
                }
                candidates &= candidates - 1;
            }
        }
        found
    }
}

/// Whether `word` (not empty) occurs at `at` in `haystack`, given that its first byte does.
fn rest_matches(haystack: &[u8], at: usize, word: &[u8]) -> bool {
    // Short words: a byte loop, not a call to `memcmp`.
    haystack.len() - at >= word.len()
        && haystack[at + 1..at + word.len()]
            .iter()
            .zip(&word[1..])
            .all(|(a, b)| a == b)
}

/// Counts commas, including the Arabic, CJK and other full-width forms.
pub fn count_commas(text: &str) -> usize {
    text.chars()
        .filter(|c| {
            matches!(
                c,
                ',' | '\u{060C}'
                    | '\u{FE50}'
                    | '\u{FE10}'
                    | '\u{FE11}'
                    | '\u{2E41}'
                    | '\u{2E34}'
                    | '\u{2E32}'
                    | '\u{FF0C}'
            )
        })
        .count()
}

/// Words as a reader counts them: runs separated by whitespace.
pub fn count_words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Whether a class/id hint has `word` as a whole, space-separated word.
pub fn has_word(hint: &str, word: &str) -> bool {
    hint.split(|c: char| c.is_whitespace()).any(|w| w == word)
}

/// Share of `b`'s characters covered by words that also occur in `a` (Readability.js's
/// measure, words being ASCII alphanumeric runs).
pub fn text_similarity(a: &str, b: &str) -> f64 {
    let tokens = |s: &str| -> Vec<String> {
        lower_case(s)
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let a_tokens = tokens(a);
    let b_tokens = tokens(b);
    if a_tokens.is_empty() || b_tokens.is_empty() {
        return 0.0;
    }
    let unique_b: Vec<&String> = b_tokens.iter().filter(|t| !a_tokens.contains(t)).collect();
    let b_len: usize = b_tokens.iter().map(|t| t.len()).sum::<usize>() + b_tokens.len() - 1;
    let unique_len: usize =
        unique_b.iter().map(|t| t.len()).sum::<usize>() + unique_b.len().saturating_sub(1);
    1.0 - unique_len as f64 / b_len as f64
}

/// Whether `hint` has one of `words` standing as its own token (bounded by non-letters).
// Not inlined: its 31 callers would each get a copy (2.8 KB gzip of wasm).
#[inline(never)]
pub fn hint_has_token(hint: &str, words: &[&str], whole: bool) -> bool {
    // Bytes: a neighbour that is part of a multi-byte character is not ASCII alphanumeric
    // either, so the boundary test is the same as on characters. A token can only begin
    // where a boundary is, so only those places are tried.
    let hint = hint.as_bytes();
    let boundary_at = |at: usize| {
        hint.get(at)
            .is_none_or(|byte| !byte.is_ascii_alphanumeric())
    };
    // Long hints (utility-class lists) have many boundaries: a bit per pair of first two
    // bytes, folded to 256, turns most of them away before any word is compared.
    let pair_bit = |pair: &[u8]| {
        let key =
            usize::from(pair[0]).wrapping_mul(31) ^ usize::from(pair.get(1).copied().unwrap_or(0));
        (key / 64 % 4, 1u64 << (key % 64))
    };
    let mut pairs = [0u64; 4];
    let mut one_byte_words = false;
    for word in words {
        let word = word.as_bytes();
        if word.len() < 2 {
            one_byte_words = true;
        } else {
            let (slot, bit) = pair_bit(word);
            pairs[slot] |= bit;
        }
    }
    (0..hint.len())
        .filter(|&at| at == 0 || boundary_at(at - 1))
        .filter(|&at| {
            one_byte_words || at + 1 >= hint.len() || {
                let (slot, bit) = pair_bit(&hint[at..at + 2]);
                pairs[slot] & bit != 0
            }
        })
        .any(|at| {
            let first = hint[at];
            words.iter().any(|word| {
                let word = word.as_bytes();
                word.first() == Some(&first)
                    && rest_matches(hint, at, word)
                    && (!whole || boundary_at(at + word.len()))
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_and_continues_runs() {
        let mut out = String::from("a ");
        collapse_whitespace_into("  b \n\t c", &mut out);
        assert_eq!(out, "a b c");
        assert_eq!(normalize("  x\u{A0} y  "), "x\u{A0} y");
    }

    #[test]
    fn whitespace_collapses_as_char_by_char() {
        fn char_by_char(text: &str, out: &mut String) {
            let mut in_space = out.ends_with(' ');
            for ch in text.chars() {
                if ch.is_whitespace() && ch != '\u{A0}' {
                    if !in_space {
                        out.push(' ');
                        in_space = true;
                    }
                } else {
                    out.push(ch);
                    in_space = false;
                }
            }
        }
        // Every whitespace character, its UTF-8 neighbours, and other text around them.
        let mut alphabet: Vec<char> = (0..=0x3001)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        alphabet.extend([
            'a',
            '\u{A0}',
            '\u{84}',
            '\u{86}',
            '\u{167F}',
            '\u{1681}',
            '\u{200B}',
            '\u{2027}',
            '\u{202A}',
            '\u{202E}',
            '\u{2030}',
            '\u{205E}',
            '\u{2060}',
            '\u{2FFF}',
            '\u{3001}',
            '\u{1F600}',
            'é',
        ]);
        let mut seed = 0x2545_F491_u32;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(seed % 9) {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                text.push(alphabet[seed as usize % alphabet.len()]);
            }
            for start in ["", "x", "x "] {
                let (mut ours, mut theirs) = (start.to_owned(), start.to_owned());
                collapse_whitespace_into(&text, &mut ours);
                char_by_char(&text, &mut theirs);
                assert_eq!(ours, theirs, "{text:?} after {start:?}");
            }
        }
    }

    #[test]
    fn needles_are_found_anywhere_and_only_whole() {
        static HINTS: Needles = Needles::new(&["cookie-bar", "onetrust", "truste-"]);
        for haystack in ["cookie-bar", "x onetrust", "é truste-x", "a cookie-bar"] {
            assert!(HINTS.found_in(haystack), "{haystack:?}");
        }
        for haystack in ["", "cookie-ba", "trustee", "onetrus t", "cookie bar"] {
            assert!(!HINTS.found_in(haystack), "{haystack:?}");
        }
    }

    #[test]
    fn matchers_agree_with_a_plain_search() {
        // Words sharing first bytes, a one-byte word, second bytes 32 apart (`a`, `A`) that
        // share a folded slot, and a word that starts with a separator.
        static WORDS: Needles = Needles::new(&["ad", "ads", "a", "share", "sh!", "-nav", "aA"]);
        // Without a one-byte word, `hint_has_token` filters places by their first two bytes.
        static LONGER: Needles = Needles::new(&["ad", "ads", "share", "sh!", "-nav", "aA"]);
        let pieces = [
            "a", "d", "s", "A", "share", "-", " ", "nav", "h", "!", "é", "x",
        ];
        let plain_token = |hint: &str, word: &str, whole: bool| {
            hint.match_indices(word).any(|(begin, _)| {
                let before = hint[..begin].chars().next_back();
                let after = hint[begin + word.len()..].chars().next();
                before.is_none_or(|c| !c.is_ascii_alphanumeric())
                    && (!whole || after.is_none_or(|c| !c.is_ascii_alphanumeric()))
            })
        };
        // Every haystack of up to four pieces.
        let mut haystacks = vec![String::new()];
        for _ in 0..4 {
            let longer: Vec<String> = haystacks
                .iter()
                .flat_map(|h| pieces.iter().map(move |p| format!("{h}{p}")))
                .collect();
            haystacks.extend(longer);
        }
        for (haystack, words) in haystacks
            .iter()
            .flat_map(|haystack| [(haystack, &WORDS), (haystack, &LONGER)])
        {
            let found: Vec<bool> = words.words.iter().map(|w| haystack.contains(w)).collect();
            let expected_mask = found
                .iter()
                .enumerate()
                .fold(0u64, |mask, (i, &f)| mask | (u64::from(f) << i));
            assert_eq!(words.matching(haystack), expected_mask, "{haystack:?}");
            assert_eq!(
                words.found_in(haystack),
                found.contains(&true),
                "{haystack:?}"
            );
            for whole in [false, true] {
                let expected = words.words.iter().any(|w| plain_token(haystack, w, whole));
                assert_eq!(
                    hint_has_token(haystack, words.words, whole),
                    expected,
                    "{haystack:?} whole {whole}"
                );
            }
        }
    }

    #[test]
    fn lower_case_decides_as_to_lowercase() {
        use crate::patterns::*;
        // Matched against lower-cased text, so every character of them counts.
        let text_lists = [
            AD_WORDS,
            LOADING_WORDS,
            BOILERPLATE_TEXTS,
            BOILERPLATE_PREFIXES,
        ];
        // Matched against lower-cased class/id hints and meta keys: ASCII only, so only the
        // ASCII a character lower-cases to matters.
        let hint_lists = [
            UNLIKELY_CANDIDATES.words,
            MAYBE_CANDIDATES.words,
            POSITIVE_HINTS.words,
            NEGATIVE_HINTS.words,
            NEGATIVE_WORDS,
            BYLINE_HINTS.words,
            SHARE_HINTS,
            INGEST_DROP_HINTS.words,
            BOILERPLATE_HINTS,
            SHORT_FURNITURE_HINTS,
            CAPTION_HINTS,
        ];
        for word in hint_lists.concat() {
            assert!(word.is_ascii() && word.to_lowercase() == word, "{word:?}");
        }
        let mut alphabet: Vec<char> = text_lists.concat().concat().chars().collect();
        for ch in &alphabet {
            assert_eq!(ch.to_lowercase().to_string(), ch.to_string(), "{ch:?}");
        }
        alphabet.extend((0..128u8).map(char::from));
        let in_alphabet = |s: &str| s.chars().all(|c| alphabet.contains(&c));
        assert!(!alphabet.contains(&'σ'));
        for ch in (0..=0x10FFFF).filter_map(char::from_u32) {
            let ours = lower_case(ch.encode_utf8(&mut [0; 4]));
            let theirs = ch.to_lowercase().to_string();
            if ch == 'Σ' || ch == 'ς' {
                assert_eq!(ours, "σ");
                continue;
            }
            // Never a wrong lower case: the right one, or the character unchanged.
            assert!(ours == theirs || ours == ch.to_string(), "{ch:?}");
            // Wherever the lists could match, the same text as `to_lowercase`.
            if !theirs.is_ascii() && theirs.chars().any(|c| c.is_ascii()) || in_alphabet(&theirs) {
                assert_eq!(ours, theirs, "{ch:?}");
            }
            // The scripts we claim.
            let code = ch as u32;
            if code < 0x180
                || (0x370..0x590).contains(&code)
                || (0x10A0..0x1100).contains(&code)
                || (0x1C90..0x1CC0).contains(&code)
                || (0x1E00..0x1F00).contains(&code)
                || (0xFF00..0xFF60).contains(&code)
            {
                assert_eq!(ours, theirs, "{ch:?} U+{code:04X}");
            }
        }
        assert_eq!(
            lower_case("ÉLAN Ωmega İstanbul ΟΔΟΣ"),
            "élan ωmega i\u{307}stanbul οδοσ"
        );
    }

    #[test]
    fn similarity_of_titles() {
        assert!(text_similarity("Big news today", "big news today") > 0.99);
        assert!(text_similarity("Big news today", "Small cats") < 0.1);
    }

    #[test]
    fn hint_tokens_need_a_boundary_before() {
        assert!(hint_has_token("social-share bar", &["share"], true));
        assert!(!hint_has_token("sharebar", &["share"], true));
        assert!(hint_has_token("relatedstories", &["related"], false));
        assert!(!hint_has_token("blueprint", &["print"], false));
        assert!(hint_has_token("blueprint print-button", &["print"], true));
        assert!(!hint_has_token("blueprint printer", &["print"], true));
        assert!(
            hint_has_token("éshare", &["share"], true),
            "é is not ASCII alphanumeric"
        );
        assert!(hint_has_token("share", &["sharebar", "share"], true));
    }
}
