//! Small text helpers shared by the phases.

/// Appends `text` to `out` with every run of whitespace collapsed to one space, continuing
/// a run that `out` already ends with.
pub fn collapse_whitespace_into(text: &str, out: &mut String) {
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

/// `text` with whitespace runs collapsed and the ends trimmed.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    collapse_whitespace_into(text.trim(), &mut out);
    out
}

/// Whether `haystack` contains any of the (lower-case) needles.
pub fn contains_any(haystack: &str, needles: &[&str]) -> bool {
    needles.iter().any(|needle| haystack.contains(needle))
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
        s.to_lowercase()
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
    fn similarity_of_titles() {
        assert!(text_similarity("Big news today", "big news today") > 0.99);
        assert!(text_similarity("Big news today", "Small cats") < 0.1);
    }
}
