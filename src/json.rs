//! A small JSON parser for JSON-LD metadata, so the wasm build does not carry serde_json.
//!
//! It accepts exactly what `serde_json::from_str::<serde_json::Value>` accepts (strict JSON:
//! no comments, no trailing commas, no control characters in strings, paired surrogates in
//! `\u` escapes, at most 127 nested arrays and objects, numbers that fit an `f64`), and
//! objects behave like serde_json's default map: keys in sorted order, a repeated key keeps
//! its last value. Numbers are checked, not kept: metadata only reads strings. The parser
//! uses an explicit stack, so hostile nesting cannot overflow the call stack.

/// A parsed JSON value.
pub enum Value {
    /// `null`, `true`, `false` or a number.
    Scalar,
    String(String),
    Array(Vec<Value>),
    /// Members sorted by key, each key once (its last value).
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members
                .binary_search_by(|(k, _)| k.as_str().cmp(key))
                .ok()
                .map(|i| &members[i].1),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
}

/// serde_json's recursion limit: the 128th open array or object is an error.
const MAX_DEPTH: usize = 127;

/// Parses a whole document; `None` if it is not valid JSON.
pub fn parse(text: &str) -> Option<Value> {
    Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    }
    .document()
}

/// An array or object being filled.
enum Open {
    Array(Vec<Value>),
    /// The members so far and the key of the value being parsed.
    Object(Vec<(String, Value)>, String),
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.pos += 1;
        Some(byte)
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\t' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Skips whitespace and consumes `byte` if it comes next.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_whitespace();
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn document(&mut self) -> Option<Value> {
        let mut stack: Vec<Open> = Vec::new();
        loop {
            // A value starts here.
            self.skip_whitespace();
            let mut value = match self.next()? {
                open @ (b'[' | b'{') => {
                    if stack.len() + 1 > MAX_DEPTH {
                        return None;
                    }
                    let (close, empty) = if open == b'[' {
                        (b']', Value::Array(Vec::new()))
                    } else {
                        (b'}', Value::Object(Vec::new()))
                    };
                    if self.eat(close) {
                        empty
                    } else {
                        stack.push(if open == b'[' {
                            Open::Array(Vec::new())
                        } else {
                            Open::Object(Vec::new(), self.key()?)
                        });
                        continue;
                    }
                }
                b'"' => Value::String(self.string()?),
                b't' => self.literal(b"rue")?,
                b'f' => self.literal(b"alse")?,
                b'n' => self.literal(b"ull")?,
                b'-' => self.number(None)?,
                digit @ b'0'..=b'9' => self.number(Some(digit))?,
                _ => return None,
            };
            // The value is complete: store it, closing the arrays and objects it ends.
            loop {
                match stack.last_mut() {
                    None => {
                        self.skip_whitespace();
                        return (self.pos == self.bytes.len()).then_some(value);
                    }
                    Some(Open::Array(items)) => {
                        items.push(value);
                        if self.eat(b',') {
                            break;
                        }
                        if !self.eat(b']') {
                            return None;
                        }
                        value = Value::Array(std::mem::take(items));
                    }
                    Some(Open::Object(members, key)) => {
                        members.push((std::mem::take(key), value));
                        if self.eat(b',') {
                            *key = self.key()?;
                            break;
                        }
                        if !self.eat(b'}') {
                            return None;
                        }
                        value = Value::Object(sorted(std::mem::take(members)));
                    }
                }
                stack.pop();
            }
        }
    }

    /// A member's key and the colon after it.
    fn key(&mut self) -> Option<String> {
        if !self.eat(b'"') {
            return None;
        }
        let key = self.string()?;
        self.eat(b':').then_some(key)
    }

    fn literal(&mut self, rest: &[u8]) -> Option<Value> {
        let end = self.pos + rest.len();
        if self.bytes.get(self.pos..end) != Some(rest) {
            return None;
        }
        self.pos = end;
        Some(Value::Scalar)
    }

    /// The rest of a string whose opening quote has been read.
    fn string(&mut self) -> Option<String> {
        let mut out = String::new();
        loop {
            let start = self.pos;
            while matches!(self.peek(), Some(byte) if byte >= 0x20 && byte != b'"' && byte != b'\\')
            {
                self.pos += 1;
            }
            // Stops only at ASCII bytes, so always at a character boundary.
            out.push_str(&self.text[start..self.pos]);
            match self.next()? {
                b'"' => break,
                b'\\' => {}
                _ => return None, // a control character
            }
            let unescaped = match self.next()? {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => self.unicode_escape()?,
                _ => return None,
            };
            out.push(unescaped);
        }
        Some(out)
    }

    /// `\uXXXX` after the `\u`; a leading surrogate must be followed by a trailing one.
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.next()? != b'\\' || self.next()? != b'u' {
                    return None;
                }
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return None;
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            _ => first,
        };
        // Lone trailing surrogates are refused here.
        char::from_u32(code)
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.pos..self.pos + 4)?;
        self.pos += 4;
        digits.iter().try_fold(0, |code, &digit| {
            Some(code << 4 | char::from(digit).to_digit(16)?)
        })
    }

    /// Checks a number, `first` being its first digit (`None`: after a minus sign). Follows
    /// serde_json's arithmetic to refuse exactly the numbers it refuses as out of range:
    /// a `u64` significand that stops taking digits when full, and a decimal exponent.
    fn number(&mut self, first: Option<u8>) -> Option<Value> {
        let first = match first {
            Some(digit) => digit,
            None => match self.next()? {
                digit @ b'0'..=b'9' => digit,
                _ => return None,
            },
        };
        let mut significand = u64::from(first - b'0');
        let mut exponent: i32 = 0;
        let mut full = false;
        if first == b'0' {
            if matches!(self.peek(), Some(b'0'..=b'9')) {
                return None;
            }
        } else {
            while let Some(digit) = self.digit() {
                if full || !push_digit(&mut significand, digit) {
                    // Digits past a full significand only scale it.
                    full = true;
                    exponent += 1;
                }
            }
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            let mut fraction_digits = 0;
            let mut full = false;
            while let Some(digit) = self.digit() {
                fraction_digits += 1;
                if !full && push_digit(&mut significand, digit) {
                    exponent -= 1;
                } else {
                    full = true;
                }
            }
            if fraction_digits == 0 {
                return None;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            let negative = self.peek() == Some(b'-');
            if matches!(self.peek(), Some(b'-' | b'+')) {
                self.pos += 1;
            }
            let mut value = i32::from(self.digit()?);
            while let Some(digit) = self.digit() {
                match value
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(i32::from(digit)))
                {
                    Some(next) => value = next,
                    None => {
                        while self.digit().is_some() {}
                        // An astronomic exponent: zero, or out of range when positive.
                        return (significand == 0 || negative).then_some(Value::Scalar);
                    }
                }
            }
            exponent = if negative {
                exponent.saturating_sub(value)
            } else {
                exponent.saturating_add(value)
            };
        }
        // (A plain integer that fits a u64 has exponent 0 and always passes.)
        in_f64_range(significand, exponent).then_some(Value::Scalar)
    }

    fn digit(&mut self) -> Option<u8> {
        let digit = self.peek().filter(u8::is_ascii_digit)? - b'0';
        self.pos += 1;
        Some(digit)
    }
}

/// Sorts members by key and keeps the last value of a repeated key, as serde_json's map
/// does. A heap sort: little code, and O(n log n) on hostile input.
fn sorted(members: Vec<(String, Value)>) -> Vec<(String, Value)> {
    let count = members.len();
    let mut order: Vec<usize> = (0..count).collect();
    let less = |a: usize, b: usize| (&members[a].0, a) < (&members[b].0, b);
    let sift_down = |order: &mut [usize], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(order[child], order[child + 1]) {
            child += 1;
        }
        if !less(order[root], order[child]) {
            break;
        }
        order.swap(root, child);
        root = child;
    };
    for start in (0..count / 2).rev() {
        sift_down(&mut order, start, count);
    }
    for end in (1..count).rev() {
        order.swap(0, end);
        sift_down(&mut order, 0, end);
    }
    // Of equal keys (now adjacent, in input order) the last one stays.
    let kept: Vec<usize> = (0..count)
        .filter(|&at| {
            order
                .get(at + 1)
                .is_none_or(|&next| members[next].0 != members[order[at]].0)
        })
        .map(|at| order[at])
        .collect();
    let mut slots: Vec<Option<(String, Value)>> = members.into_iter().map(Some).collect();
    kept.into_iter().filter_map(|at| slots[at].take()).collect()
}

/// `significand * 10 + digit` unless that overflows (then `false`, unchanged).
fn push_digit(significand: &mut u64, digit: u8) -> bool {
    match significand
        .checked_mul(10)
        .and_then(|s| s.checked_add(u64::from(digit)))
    {
        Some(next) => {
            *significand = next;
            true
        }
        None => false,
    }
}

/// serde_json's `f64_from_parts` (without `float_roundtrip`) refuses a non-zero significand
/// times `10^exponent` when the exponent is past 308 or the product rounds to infinity; a
/// `u64` times `10^288` or less never does.
fn in_f64_range(significand: u64, exponent: i32) -> bool {
    if significand == 0 || exponent < 289 {
        return true;
    }
    // 1e289 ..= 1e308, the f64 values serde_json multiplies by.
    const POW10: [f64; 20] = [
        1e289, 1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299, 1e300, 1e301,
        1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308,
    ];
    match POW10.get((exponent - 289) as usize) {
        Some(pow) => (significand as f64 * pow).is_finite(),
        None => false,
    }
}

// Checked against serde_json and proptest, native-only dev-dependencies.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Same acceptance as serde_json, and the same strings, arrays and (sorted) objects.
    fn check(text: &str) {
        let ours = parse(text);
        let theirs = serde_json::from_str::<serde_json::Value>(text).ok();
        assert_eq!(ours.is_some(), theirs.is_some(), "accepts {text:?}");
        if let (Some(ours), Some(theirs)) = (ours, theirs) {
            assert!(same(&ours, &theirs), "value of {text:?}");
        }
    }

    fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
        use serde_json::Value as J;
        match (ours, theirs) {
            (Value::Scalar, J::Null | J::Bool(_) | J::Number(_)) => true,
            (Value::String(a), J::String(b)) => a == b,
            (Value::Array(a), J::Array(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b))
            }
            (Value::Object(a), J::Object(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .zip(b)
                        .all(|((ka, va), (kb, vb))| ka == kb && same(va, vb))
            }
            _ => false,
        }
    }

    #[test]
    fn agrees_with_serde_json() {
        let cases = [
            "",
            " ",
            "null",
            "nul",
            "true ",
            " false",
            "tru",
            "[]",
            "[ ]",
            "{}",
            "{ }",
            "[1,]",
            "[,1]",
            "{\"a\":1,}",
            "{\"a\" : [1, 2.5e3, -0, \"x\"] , \"b\":{}}",
            "{\"b\":1,\"a\":2,\"b\":3}",
            "{a:1}",
            "{\"a\"1}",
            "[1 2]",
            "[1] x",
            "[1]\n\t\r ",
            "\u{a0}[1]",
            "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\"",
            "\"\\u00e9\\u00E9\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud83d\"",
            "\"\\ud83dx\"",
            "\"\\ud83d\\n\"",
            "\"\\ud83d\\u0041\"",
            "\"\\ude00\"",
            "\"\\u12\"",
            "\"\\u12g4\"",
            "\"\\x\"",
            "\"tab\there\"",
            "\"del\u{7f}\"",
            "\"caf\u{e9} \u{1F600}\"",
            "\"unterminated",
            "0",
            "-",
            "-a",
            "01",
            "-01",
            "0.",
            "0.e1",
            ".5",
            "1.5",
            "1e",
            "1e+",
            "1e-5",
            "1E+5",
            "+1",
            "1x",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775809",
            "18446744073709551619.5",
            "1.8446744073709551615999e3",
            "1e308",
            "1e309",
            "0e999999",
            "1e-999999",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "17976931348623158e292",
            "179769313486231580000e288",
            "1797693134862315799999e287",
            "0.0000e400",
            "1e2147483647",
            "1e2147483648",
            "1e-2147483648",
            "0e2147483648",
            "123456789012345678901234567890e280",
        ];
        for case in cases {
            check(case);
        }
        let long_integer = format!("1{}", "0".repeat(400));
        check(&long_integer);
        check(&format!("0.{}1", "0".repeat(400)));
        check(&format!("1{}e-100", "0".repeat(400)));
    }

    #[test]
    fn nesting_limit_matches_serde_json() {
        for depth in [126, 127, 128, 129, 500] {
            check(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
            check(&format!(
                "{}1{}",
                "{\"a\":[".repeat(depth / 2),
                "]}".repeat(depth / 2)
            ));
        }
        // No recursion: deep input is refused, not a stack overflow.
        assert!(parse(&"[".repeat(1_000_000)).is_none());
    }

    fn token() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            ",",
            ":",
            " ",
            "\"",
            "\"a\"",
            "\"b\"",
            "\"\\u00e9\"",
            "\\",
            "\\ud800",
            "\\udc00",
            "\\n",
            "\\u",
            "0",
            "1",
            "9",
            "-",
            ".",
            "e",
            "E",
            "+",
            "true",
            "null",
            "fals",
            "\u{e9}",
            "\t",
            "\u{1}",
            "00",
            "1e400",
            "123456789012345678901",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn random_token_soup(tokens in prop::collection::vec(token(), 0..24)) {
            check(&tokens.concat());
        }

        #[test]
        fn random_numbers(
            sign in "-?",
            int in "(0|[1-9][0-9]{0,30})",
            frac in "(\\.[0-9]{0,25})?",
            exp in "([eE][+-]?[0-9]{1,4})?",
        ) {
            check(&format!("{sign}{int}{frac}{exp}"));
            check(&format!("[{sign}{int}{frac}{exp}]"));
        }

        #[test]
        fn numbers_near_f64_max(digits in "17976931348623[0-9]{0,8}", exp in 280..320i32) {
            check(&format!("{digits}e{exp}"));
            check(&format!("0.{digits}e{exp}"));
        }
    }
}
