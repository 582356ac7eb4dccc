//! URL resolution against `<base href>` and the page URL (RFC 3986 §5, enough for links and
//! images), and the scheme allow-list that keeps output safe.

/// Resolves references against a base URL (when there is one).
#[derive(Clone, Debug, Default)]
pub struct Resolver {
    base: Option<String>,
}

impl Resolver {
    /// `page_url` is the caller's URL; `base_href` the page's `<base href>`, itself
    /// resolved against the page URL.
    pub fn new(page_url: Option<&str>, base_href: Option<&str>) -> Self {
        let page = page_url.map(clean_url).filter(|url| is_absolute_http(url));
        // A `<base href>` that does not resolve to http(s) is ignored, as browsers ignore
        // `javascript:` and `data:` bases: the page URL stays the base.
        let base = match (&page, base_href.map(clean_url)) {
            (Some(page), Some(base)) => Some(resolve(page, &base)),
            (None, Some(base)) => Some(base),
            (None, None) | (Some(_), None) => None,
        }
        .filter(|url| is_absolute_http(url));
        Resolver {
            base: base.or(page),
        }
    }

    pub fn resolve(&self, reference: &str) -> String {
        let reference = clean_url(reference);
        match &self.base {
            Some(base) if scheme(&reference).is_none() => resolve(base, &reference),
            _ => reference,
        }
    }

    pub fn resolve_srcset(&self, srcset: &str) -> String {
        srcset_candidates(srcset)
            .into_iter()
            .map(|(url, descriptor)| {
                if descriptor.is_empty() {
                    self.resolve(url)
                } else {
                    format!("{} {descriptor}", self.resolve(url))
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A srcset's candidates, `(url, descriptor)`, split as browsers split them (the HTML
/// standard's srcset parser): a URL runs to whitespace, so a comma inside it
/// (`?auto=compress,format`) is part of it; only a comma ending it, or one after its
/// descriptor, ends the candidate.
pub fn srcset_candidates(srcset: &str) -> Vec<(&str, &str)> {
    let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C');
    let mut candidates = Vec::new();
    let mut rest = srcset;
    loop {
        rest = rest.trim_start_matches(|c: char| is_space(c) || c == ',');
        if rest.is_empty() {
            return candidates;
        }
        let url_end = rest.find(is_space).unwrap_or(rest.len());
        let url = &rest[..url_end];
        rest = &rest[url_end..];
        if url.ends_with(',') {
            candidates.push((url.trim_end_matches(','), ""));
            continue;
        }
        // The descriptor runs to the next comma outside parentheses.
        let mut depth = 0usize;
        let descriptor_end = rest
            .char_indices()
            .find(|&(_, c)| match c {
                '(' => {
                    depth += 1;
                    false
                }
                ')' => {
                    depth = depth.saturating_sub(1);
                    false
                }
                ',' => depth == 0,
                _ => false,
            })
            .map_or(rest.len(), |(at, _)| at);
        candidates.push((url, rest[..descriptor_end].trim_matches(is_space)));
        rest = &rest[descriptor_end..];
    }
}

/// What browsers ignore in a URL: leading/trailing C0 controls and spaces, and tabs and
/// newlines anywhere (so `java\tscript:` is seen as `javascript:`). NULs go too: the HTML
/// writer drops them, so `java\0script:` would reach the browser as `javascript:`; the URL
/// must be judged as it will be written.
pub fn clean_url(url: &str) -> String {
    let url = url.trim_matches(|c: char| c <= ' ');
    if !url
        .bytes()
        .any(|b| matches!(b, b'\t' | b'\n' | b'\r' | b'\0'))
    {
        return url.to_owned();
    }
    url.chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r' | '\0'))
        .collect()
}

/// The scheme, lower-cased, if the reference has one.
pub fn scheme(url: &str) -> Option<String> {
    let colon = url.find(':')?;
    let candidate = &url[..colon];
    let mut chars = candidate.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic()
        || !chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    {
        return None;
    }
    Some(candidate.to_ascii_lowercase())
}

fn is_absolute_http(url: &str) -> bool {
    matches!(scheme(url).as_deref(), Some("http" | "https"))
}

/// Whether a (cleaned) URL may appear in output. Relative references carry no scheme and
/// are allowed; `data:` only for raster images.
pub fn is_safe_url(url: &str, image: bool) -> bool {
    match scheme(url).as_deref() {
        None => true,
        Some("http" | "https") => true,
        Some("mailto") => !image,
        Some("data") => {
            let lower = url.to_ascii_lowercase();
            image
                && [
                    "data:image/png",
                    "data:image/jpeg",
                    "data:image/jpg",
                    "data:image/gif",
                    "data:image/webp",
                    "data:image/avif",
                ]
                .iter()
                .any(|prefix| lower.starts_with(prefix))
        }
        Some(_) => false,
    }
}

/// Splits an absolute URL into (scheme + authority, path, query-and-fragment-free rest).
fn split_base(base: &str) -> (&str, &str) {
    let after_scheme = base.find("://").map_or(0, |i| i + 3);
    let authority_end = base[after_scheme..]
        .find(['/', '?', '#'])
        .map_or(base.len(), |i| after_scheme + i);
    let path_end = base[authority_end..]
        .find(['?', '#'])
        .map_or(base.len(), |i| authority_end + i);
    (&base[..authority_end], &base[authority_end..path_end])
}

fn resolve(base: &str, reference: &str) -> String {
    if reference.is_empty() {
        return base.split('#').next().unwrap_or(base).to_owned();
    }
    if scheme(reference).is_some() {
        return reference.to_owned();
    }
    let (origin, base_path) = split_base(base);
    if let Some(rest) = reference.strip_prefix("//") {
        let scheme = scheme(base).unwrap_or_else(|| "https".into());
        return format!("{scheme}://{rest}");
    }
    if reference.starts_with('#') {
        let without_fragment = base.split('#').next().unwrap_or(base);
        return format!("{without_fragment}{reference}");
    }
    if reference.starts_with('?') {
        let path = if base_path.is_empty() { "/" } else { base_path };
        return format!("{origin}{path}{reference}");
    }
    let (path, suffix) = match reference.find(['?', '#']) {
        Some(i) => (&reference[..i], &reference[i..]),
        None => (reference, ""),
    };
    let merged = if path.starts_with('/') {
        path.to_owned()
    } else {
        let directory = match base_path.rfind('/') {
            Some(i) => &base_path[..=i],
            None => "/",
        };
        format!("{directory}{path}")
    };
    format!("{origin}{}{suffix}", remove_dot_segments(&merged))
}

fn remove_dot_segments(path: &str) -> String {
    let mut output: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last_index = segments.len() - 1;
    for (index, segment) in segments.iter().enumerate() {
        match *segment {
            "." => {
                if index == last_index {
                    output.push("");
                }
            }
            ".." => {
                if output.len() > 1 {
                    output.pop();
                }
                if index == last_index {
                    output.push("");
                }
            }
            other => output.push(other),
        }
    }
    let joined = output.join("/");
    if joined.starts_with('/') {
        joined
    } else {
        format!("/{joined}")
    }
}

/// Whether an attribute value looks like an image URL: `Some(true)` for a srcset,
/// `Some(false)` for a single URL.
pub fn image_url_kind(value: &str) -> Option<bool> {
    let lower = value.trim().to_ascii_lowercase();
    const EXTENSIONS: [&str; 4] = [".jpg", ".jpeg", ".png", ".webp"];
    let mut srcset = false;
    let mut found = false;
    for ext in EXTENSIONS {
        let mut rest = lower.as_str();
        while let Some(at) = rest.find(ext) {
            found = true;
            let after = &rest[at + ext.len()..];
            let trimmed = after.trim_start();
            if trimmed.len() < after.len() && trimmed.starts_with(|c: char| c.is_ascii_digit()) {
                srcset = true;
            }
            rest = after;
        }
    }
    if !found {
        None
    } else if srcset {
        Some(true)
    } else if !lower.contains(char::is_whitespace) {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srcset_candidates_split_as_browsers_split_them() {
        assert_eq!(
            srcset_candidates("a.jpg?auto=compress,format&w=404 1x, b.jpg?auto=compress,format 2x"),
            [
                ("a.jpg?auto=compress,format&w=404", "1x"),
                ("b.jpg?auto=compress,format", "2x")
            ]
        );
        assert_eq!(
            srcset_candidates(" a.jpg, b.jpg,c.jpg 100w,d.jpg (50vw, 2x), e.jpg,, "),
            [
                ("a.jpg", ""),
                ("b.jpg,c.jpg", "100w"),
                ("d.jpg", "(50vw, 2x)"),
                ("e.jpg", "")
            ]
        );
        assert_eq!(srcset_candidates(""), []);
        assert_eq!(srcset_candidates(" , ,"), []);
        let resolver = Resolver::new(Some("https://shop.example/pages/set"), None);
        assert_eq!(
            resolver.resolve_srcset("/i.jpg?auto=compress,format 1x,/j.jpg 2x"),
            "https://shop.example/i.jpg?auto=compress,format 1x, https://shop.example/j.jpg 2x"
        );
    }

    #[test]
    fn resolves_relative_references() {
        let r = Resolver::new(Some("https://example.com/news/2026/story.html?x=1"), None);
        assert_eq!(
            r.resolve("pic.jpg"),
            "https://example.com/news/2026/pic.jpg"
        );
        assert_eq!(r.resolve("../a/b.png"), "https://example.com/news/a/b.png");
        assert_eq!(r.resolve("/root"), "https://example.com/root");
        assert_eq!(
            r.resolve("//cdn.example.net/x"),
            "https://cdn.example.net/x"
        );
        assert_eq!(
            r.resolve("?page=2"),
            "https://example.com/news/2026/story.html?page=2"
        );
        assert_eq!(r.resolve("https://other.org/"), "https://other.org/");
        let based = Resolver::new(Some("http://fakehost/test/page.html"), Some("/base/"));
        assert_eq!(
            based.resolve("foo/bar.jpg"),
            "http://fakehost/base/foo/bar.jpg"
        );
        for bad_base in ["javascript:alert(1)", "data:text/html,x", "java\tscript:x"] {
            let ignored = Resolver::new(Some("https://example.com/a/story"), Some(bad_base));
            assert_eq!(ignored.resolve("pic.jpg"), "https://example.com/a/pic.jpg");
        }
    }

    #[test]
    fn rejects_script_schemes_in_any_spelling() {
        for url in [
            "javascript:alert(1)",
            " JaVaScRiPt:x",
            "java\tscript:x",
            "java\0script:x",
            "javascript\0:x",
            "vbscript:x",
            "data:text/html,x",
        ] {
            assert!(!is_safe_url(&clean_url(url), false), "{url}");
        }
        assert!(is_safe_url("data:image/png;base64,AAAA", true));
        assert!(!is_safe_url("data:image/svg+xml,<svg>", true));
        assert!(is_safe_url("mailto:a@b.c", false));
        assert!(is_safe_url("/relative", false));
    }

    #[test]
    fn recognises_image_urls() {
        assert_eq!(image_url_kind("/img/a.JPG"), Some(false));
        assert_eq!(image_url_kind("a.jpg 1x, b.jpg 2x"), Some(true));
        assert_eq!(image_url_kind("a.png 300w"), Some(true));
        assert_eq!(image_url_kind("lazyload"), None);
    }
}
