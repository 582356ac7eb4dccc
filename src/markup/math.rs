//! MathML formulas as LaTeX and as readable linear text.
//!
//! Both walk the `<math>` subtree post-order with an explicit stack (a formula nested
//! thousands deep must not cost call stack): each frame holds its node, the next child to
//! visit and what its children gave; an element is written once all its children are.

use crate::patterns::{
    COMBINING_OVER_ACCENTS, COMBINING_UNDER_ACCENTS, LARGE_OPERATORS, LINEAR_INVISIBLES,
    MATH_BRACES, MATH_PRIMES, MATH_RELATIONS, SUBSCRIPTS, SUPERSCRIPTS, TEX_ANNOTATION_ENCODINGS,
    TEX_FUNCTIONS, TEX_LETTERS, TEX_MATH_VARIANTS, TEX_OPERATORS, TEX_OVER_ACCENTS,
    TEX_STYLE_WRAPPERS, TEX_TEXT_ESCAPES, TEX_UNDER_ACCENTS,
};
use crate::tree::{Attr, NodeId, Tag, Tree, NONE};

/// The formula's TeX source when the page gives it (`<annotation encoding="application/x-tex">`,
/// also "text/x-tex" or "TeX", case-insensitive), else LaTeX written from its presentation MathML.
/// A Wikipedia-style `{\displaystyle X}` wrapper is unwrapped to `X`. Trimmed, whitespace runs collapsed to one space.
pub fn latex(tree: &Tree, math: NodeId) -> String {
    if let Some(source) = tex_source(tree, math) {
        return source;
    }
    collapse(&fold(tree, math, tex_leaf, tex_element).text)
}

/// Readable linear text of the formula for textContent: from presentation MathML (e.g. E = mc², x₁, (a+b)/2, √(x+1), ∑ᵢ₌₁ⁿ i), or the TeX source when there is no presentation MathML (only an annotation).
pub fn linear_text(tree: &Tree, math: NodeId) -> String {
    let text = collapse(&fold(tree, math, linear_leaf, linear_element).text);
    if text.is_empty() {
        return tex_source(tree, math).unwrap_or_default();
    }
    text
}

/// Whether the formula is display (block) math: `display="block"` on <math>.
pub fn is_display(tree: &Tree, math: NodeId) -> bool {
    tree.element(math)
        .and_then(|element| element.attr(Attr::Display))
        .is_some_and(|display| display.trim().eq_ignore_ascii_case("block"))
}

/// What a node gave its parent.
#[derive(Default)]
struct Part {
    text: String,
    /// The trimmed text of the token this part is (or wraps alone), else empty: what tells
    /// an accent or a large operator.
    token: String,
    /// Tokens written (linear text parenthesises a fraction side or root of more than one).
    tokens: usize,
    /// A large operator or brace: `<munder>`/`<mover>` scripts are its limits (TeX).
    limits: bool,
    /// A large operator: a space follows it in linear text (`∑ᵢ₌₁ⁿ i`).
    spaced: bool,
    /// Holds words (text with spaces), which script characters would run together.
    prose: bool,
}

impl Part {
    fn text(text: String) -> Part {
        Part {
            text,
            ..Part::default()
        }
    }
}

/// A frame of the post-order walk.
struct Frame {
    node: NodeId,
    /// The next child to visit, or [`NONE`] once all have been.
    next: NodeId,
    parts: Vec<Part>,
}

/// Folds `root`'s subtree: `leaf` writes a node without looking at its children (or gives
/// `None` to have them visited), `element` writes an element from its children's parts.
fn fold(
    tree: &Tree,
    root: NodeId,
    leaf: fn(&Tree, NodeId) -> Option<Part>,
    element: fn(&Tree, NodeId, Vec<Part>) -> Part,
) -> Part {
    if let Some(part) = leaf(tree, root) {
        return part;
    }
    let mut stack = vec![Frame {
        node: root,
        next: first_child(tree, root),
        parts: Vec::new(),
    }];
    while let Some(top) = stack.last_mut() {
        if top.next != NONE {
            let child = top.next;
            top.next = next_child(tree, top.node, child);
            match leaf(tree, child) {
                Some(part) => top.parts.push(part),
                None => stack.push(Frame {
                    node: child,
                    next: first_child(tree, child),
                    parts: Vec::new(),
                }),
            }
            continue;
        }
        let Frame { node, parts, .. } = stack.pop().expect("a frame");
        let part = element(tree, node, parts);
        match stack.last_mut() {
            Some(parent) => parent.parts.push(part),
            None => return part,
        }
    }
    Part::default()
}

/// Whitespace between elements is layout, not content.
fn is_blank_text(tree: &Tree, id: NodeId) -> bool {
    tree.text(id).is_some_and(|text| text.trim().is_empty())
}

fn first_child(tree: &Tree, id: NodeId) -> NodeId {
    let mut child = tree.first_child(id);
    while child != NONE && is_blank_text(tree, child) {
        child = tree.next_sibling(child);
    }
    child
}

fn next_child(tree: &Tree, parent: NodeId, child: NodeId) -> NodeId {
    // `<semantics>` holds the formula first; what follows are its annotations.
    if tree.is_tag(parent, Tag::Semantics) {
        return NONE;
    }
    let mut next = tree.next_sibling(child);
    while next != NONE && is_blank_text(tree, next) {
        next = tree.next_sibling(next);
    }
    next
}

/// All the text below a token element.
fn token_text(tree: &Tree, id: NodeId) -> String {
    tree.descendants(id)
        .filter_map(|node| tree.text(node))
        .collect()
}

/// Whitespace runs as one space, trimmed.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

fn lookup<K: PartialEq + Copy, V: Copy>(table: &[(K, V)], key: K) -> Option<V> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// The only character of `text`, if it has exactly one.
fn single_char(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let first = chars.next()?;
    chars.next().is_none().then_some(first)
}

// ---------------------------------------------------------------- TeX

/// The trimmed text of the first TeX annotation, unwrapped and collapsed, if not empty.
fn tex_source(tree: &Tree, math: NodeId) -> Option<String> {
    let annotation = tree.descendants(math).find(|&node| {
        tree.element(node).is_some_and(|element| {
            element.tag == Tag::Annotation
                && element.attr(Attr::Encoding).is_some_and(|encoding| {
                    TEX_ANNOTATION_ENCODINGS
                        .iter()
                        .any(|tex| encoding.trim().eq_ignore_ascii_case(tex))
                })
        })
    })?;
    let source = collapse(&token_text(tree, annotation));
    let source = unwrap_style(&source);
    (!source.is_empty()).then(|| source.to_string())
}

/// The TeX of a formula drawn as an image (Wikipedia's fallback `<img>`, WordPress's
/// `img.latex`): its alt text, collapsed and unwrapped like an annotation's.
pub fn image_tex(alt: &str) -> Option<String> {
    let source = collapse(alt);
    let source = unwrap_style(&source);
    (!source.is_empty()).then(|| source.to_string())
}

/// `{\displaystyle X}` as `X`: the wrapper only when its braces enclose the whole source.
fn unwrap_style(source: &str) -> &str {
    if !source.starts_with('{') || !source.ends_with('}') {
        return source;
    }
    let (mut depth, mut escaped) = (0usize, false);
    for (at, c) in source.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 && at + 1 != source.len() {
                    // The first group closes early: `{a}+{b}`.
                    return source;
                }
            }
            _ => {}
        }
    }
    let inner = source[1..source.len() - 1].trim();
    for wrapper in TEX_STYLE_WRAPPERS {
        if let Some(rest) = inner.strip_prefix(wrapper) {
            // `\displaystyleX` would be another command.
            if !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
                return rest.trim();
            }
        }
    }
    source
}

/// Whether `text` ends in a control word (`\alpha`), which a following letter would extend.
fn ends_in_control_word(text: &str) -> bool {
    let letters = text.len()
        - text
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    if letters == 0 {
        return false;
    }
    let before = &text[..text.len() - letters];
    let slashes = before.len() - before.trim_end_matches('\\').len();
    slashes % 2 == 1
}

/// Whether `text` ends in a bare script argument (`^n`): a letter or digit straight after
/// it reads as part of the script (`^ni`), though TeX takes only the first.
fn ends_in_bare_script(text: &str) -> bool {
    let mut last = text.chars().rev();
    matches!(
        (last.next(), last.next()),
        (Some(c), Some('^' | '_')) if c.is_ascii_alphanumeric()
    )
}

/// Appends TeX, with a space where the join would otherwise make another command or
/// seem to lengthen a script.
fn push_tex(out: &mut String, piece: &str) {
    let Some(first) = piece.chars().next() else {
        return;
    };
    if (first.is_ascii_alphabetic() && ends_in_control_word(out))
        || (first.is_ascii_alphanumeric() && ends_in_bare_script(out))
    {
        out.push(' ');
    }
    out.push_str(piece);
}

/// One character or one command: a script argument that needs no braces.
fn is_atom(tex: &str) -> bool {
    if single_char(tex).is_some() {
        return true;
    }
    match tex.strip_prefix('\\') {
        Some(name) => single_char(name).is_some() || name.bytes().all(|b| b.is_ascii_alphabetic()),
        None => false,
    }
}

/// `x`, or `{x+1}` when it is more than one atom.
fn braced(tex: &str) -> String {
    if is_atom(tex) {
        tex.to_string()
    } else {
        format!("{{{tex}}}")
    }
}

/// Symbols as TeX commands, characters TeX reserves escaped.
fn tex_chars(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match lookup(TEX_LETTERS, c).or_else(|| lookup(TEX_OPERATORS, c)) {
            Some(tex) => push_tex(&mut out, tex),
            None => {
                let mut buffer = [0; 4];
                push_tex(&mut out, c.encode_utf8(&mut buffer));
            }
        }
    }
    out
}

/// A name of several letters: `\sin` when TeX knows it, else upright `\mathrm{name}`.
fn tex_name(name: &str) -> String {
    if TEX_FUNCTIONS.contains(&name) {
        format!("\\{name}")
    } else {
        format!("\\mathrm{{{}}}", tex_chars(name))
    }
}

fn tex_text(text: &str) -> String {
    let mut out = String::from("\\text{");
    for c in text.chars() {
        match lookup(TEX_TEXT_ESCAPES, c) {
            Some(escape) => out.push_str(escape),
            None if c.is_whitespace() => out.push(' '),
            None => out.push(c),
        }
    }
    out.push('}');
    out
}

fn tex_leaf(tree: &Tree, id: NodeId) -> Option<Part> {
    let Some(element) = tree.element(id) else {
        // Loose text in a layout element reads as a token.
        let text = tree.text(id).unwrap_or_default().trim();
        return Some(token_part(text, tex_chars(text)));
    };
    let part = match element.tag {
        Tag::Mi | Tag::Mo | Tag::Mn => {
            let raw = token_text(tree, id);
            let text = raw.trim();
            let word = text.chars().count() > 1 && text.bytes().all(|b| b.is_ascii_alphabetic());
            let mut tex = if word && element.tag != Tag::Mn {
                tex_name(text)
            } else {
                tex_chars(text)
            };
            if element.tag == Tag::Mi {
                let variant = element.attr(Attr::Mathvariant).unwrap_or_default().trim();
                let letter = single_char(text).is_some_and(|c| c.is_ascii_alphabetic());
                if let Some(font) = lookup(TEX_MATH_VARIANTS, variant) {
                    if variant != "normal" || letter {
                        tex = format!("{font}{{{tex}}}");
                    }
                }
            }
            token_part(text, tex)
        }
        Tag::Mtext => {
            let text = token_text(tree, id);
            let tex = if text.is_empty() {
                String::new()
            } else {
                tex_text(&text)
            };
            token_part(text.trim(), tex)
        }
        Tag::Ms => {
            let text = token_text(tree, id);
            token_part(text.trim(), tex_text(&format!("\"{text}\"")))
        }
        Tag::Mspace => Part::text("\\,".to_string()),
        Tag::Mphantom | Tag::Annotation => Part::default(),
        _ => return None,
    };
    Some(part)
}

/// A token's part: `text` as written out, `token` its trimmed source.
fn token_part(token: &str, text: String) -> Part {
    let large = LARGE_OPERATORS.contains(&token);
    Part {
        text,
        token: token.to_string(),
        tokens: usize::from(!token.is_empty()),
        limits: large,
        spaced: large,
        prose: token.contains(char::is_whitespace),
    }
}

/// `base_{sub}^{sup}`, each argument braced only when it has to be.
fn tex_scripts(base: Part, sub: Option<Part>, sup: Option<Part>) -> Part {
    // A large operator is one command; a brace takes its label as written.
    let mut text = if base.limits {
        base.text
    } else {
        braced(&base.text)
    };
    if let Some(sub) = sub {
        text.push('_');
        text.push_str(&braced(&sub.text));
    }
    if let Some(sup) = sup {
        if MATH_PRIMES.contains(&sup.token.as_str()) {
            // `f'`, `90^\circ`: the mark is its own superscript.
            text.push_str(&sup.text);
        } else {
            text.push('^');
            text.push_str(&braced(&sup.text));
        }
    }
    Part {
        text,
        limits: base.limits,
        spaced: base.spaced,
        ..Part::default()
    }
}

/// `\hat{x}`-style accent of an `<mover>` (`under` false) or `<munder>`, if `mark` is one.
fn tex_accent(base: &Part, mark: &Part, under: bool) -> Option<Part> {
    let c = single_char(&mark.token)?;
    let table = if under {
        TEX_UNDER_ACCENTS
    } else {
        TEX_OVER_ACCENTS
    };
    let mut command = lookup(table, c)?;
    if command == "\\overline" && is_atom(&base.text) {
        command = "\\bar";
    }
    Some(Part {
        text: format!("{command}{{{}}}", base.text),
        // A brace's label is its limit: `\overbrace{a+b}^{n}`.
        limits: command.ends_with("brace"),
        ..Part::default()
    })
}

/// Joins the parts' TeX; a lone part passes through whole (its token and flags too).
fn tex_concat(mut parts: Vec<Part>) -> Part {
    parts.retain(|part| !part.text.is_empty());
    if parts.len() == 1 {
        return parts.pop().expect("one part");
    }
    let mut text = String::new();
    for part in &parts {
        push_tex(&mut text, &part.text);
    }
    Part::text(text)
}

fn tex_join(parts: &[Part], separator: &str) -> String {
    let texts: Vec<&str> = parts.iter().map(|part| part.text.as_str()).collect();
    texts.join(separator)
}

/// How many children an element's layout takes (a base and its script...); 0 for any.
fn arity(tag: Tag) -> usize {
    match tag {
        Tag::Msup | Tag::Msub | Tag::Mfrac | Tag::Mroot | Tag::Mover | Tag::Munder => 2,
        Tag::Msubsup | Tag::Munderover => 3,
        _ => 0,
    }
}

fn tex_element(tree: &Tree, id: NodeId, parts: Vec<Part>) -> Part {
    let tag = tree.tag(id).unwrap_or(Tag::Unknown);
    let arity = arity(tag);
    if arity != 0 && parts.len() != arity {
        // Malformed: show what there is.
        return tex_concat(parts);
    }
    let mut args = parts.into_iter();
    let mut next = || args.next().expect("arity checked");
    match tag {
        Tag::Msup => {
            let (base, sup) = (next(), next());
            tex_scripts(base, None, Some(sup))
        }
        Tag::Msub => {
            let (base, sub) = (next(), next());
            tex_scripts(base, Some(sub), None)
        }
        Tag::Msubsup => {
            let (base, sub, sup) = (next(), next(), next());
            tex_scripts(base, Some(sub), Some(sup))
        }
        Tag::Mfrac => {
            let (num, den) = (next(), next());
            Part::text(format!("\\frac{{{}}}{{{}}}", num.text, den.text))
        }
        Tag::Mroot => {
            let (base, index) = (next(), next());
            Part::text(format!("\\sqrt[{}]{{{}}}", index.text, base.text))
        }
        Tag::Mover | Tag::Munder => {
            let under = tag == Tag::Munder;
            let (base, script) = (next(), next());
            if let Some(accent) = tex_accent(&base, &script, under) {
                accent
            } else if base.limits && under {
                tex_scripts(base, Some(script), None)
            } else if base.limits {
                tex_scripts(base, None, Some(script))
            } else {
                let command = if under { "underset" } else { "overset" };
                Part::text(format!("\\{command}{{{}}}{{{}}}", script.text, base.text))
            }
        }
        Tag::Munderover => {
            let (base, under, over) = (next(), next(), next());
            if base.limits {
                tex_scripts(base, Some(under), Some(over))
            } else {
                Part::text(format!(
                    "\\overset{{{}}}{{\\underset{{{}}}{{{}}}}}",
                    over.text, under.text, base.text
                ))
            }
        }
        _ => {
            let parts: Vec<Part> = args.collect();
            match tag {
                Tag::Msqrt => Part::text(format!("\\sqrt{{{}}}", tex_concat(parts).text)),
                Tag::Mtable => Part::text(format!(
                    "\\begin{{matrix}} {} \\end{{matrix}}",
                    tex_join(&parts, " \\\\ ")
                )),
                Tag::Mtr => Part::text(tex_join(&parts, " & ")),
                Tag::Mfenced => Part::text(format!("\\left( {} \\right)", tex_join(&parts, ", "))),
                _ => tex_concat(parts),
            }
        }
    }
}

// ---------------------------------------------------------------- linear text

fn linear_leaf(tree: &Tree, id: NodeId) -> Option<Part> {
    let Some(element) = tree.element(id) else {
        let text = tree.text(id).unwrap_or_default().trim();
        return Some(linear_token(text, text.to_string()));
    };
    let part = match element.tag {
        Tag::Mi | Tag::Mn | Tag::Mo => {
            let raw = token_text(tree, id);
            let token = raw.trim();
            let mut text = String::with_capacity(token.len());
            for c in token.chars() {
                match lookup(LINEAR_INVISIBLES, c) {
                    Some(shown) => text.push_str(shown),
                    None => text.push(c),
                }
            }
            if MATH_RELATIONS.contains(&token) {
                text = format!(" {text} ");
            }
            linear_token(token, text)
        }
        Tag::Mtext => {
            let text = token_text(tree, id);
            linear_token(text.trim(), text.clone())
        }
        Tag::Ms => {
            let text = token_text(tree, id);
            linear_token(text.trim(), format!("\"{text}\""))
        }
        Tag::Mspace => Part::text(" ".to_string()),
        Tag::Mphantom | Tag::Annotation => Part::default(),
        _ => return None,
    };
    Some(part)
}

fn linear_token(token: &str, text: String) -> Part {
    let mut part = token_part(token, text);
    // An invisible operator is no token.
    part.tokens = usize::from(!part.text.trim().is_empty());
    part
}

/// Whether `text` is one bracketed group: `(a+b)`, not `(a)+(b)`.
fn is_wrapped(text: &str) -> bool {
    if !text.starts_with('(') || !text.ends_with(')') {
        return false;
    }
    let mut depth = 0usize;
    for (at, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return at + 1 == text.len();
                }
            }
            _ => {}
        }
    }
    false
}

/// `(a+b)` for a part of more than one token, `a` for one.
fn parenthesised(part: &Part) -> String {
    let text = part.text.trim();
    if part.tokens > 1 && !is_wrapped(text) {
        format!("({text})")
    } else {
        text.to_string()
    }
}

/// `²`, `ᵢ₌₁` when every character has a script form (spaces dropped), else `^2`, `_(ab)`.
fn script(part: &Part, table: &[(char, char)], mark: char) -> String {
    let text = part.text.trim();
    let mapped: Option<String> = if part.prose {
        None
    } else {
        text.chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| lookup(table, c))
            .collect()
    };
    match mapped {
        Some(mapped) if !mapped.is_empty() => mapped,
        _ if text.chars().count() > 1 && !is_wrapped(text) => format!("{mark}({text})"),
        _ => format!("{mark}{text}"),
    }
}

fn linear_scripts(base: Part, sub: Option<Part>, sup: Option<Part>) -> Part {
    let mut text = parenthesised(&base);
    if let Some(sub) = sub {
        text.push_str(&script(&sub, SUBSCRIPTS, '_'));
    }
    if let Some(sup) = sup {
        if MATH_PRIMES.contains(&sup.token.as_str()) {
            text.push_str(&sup.token);
        } else {
            text.push_str(&script(&sup, SUPERSCRIPTS, '^'));
        }
    }
    Part {
        text,
        tokens: base.tokens.max(1),
        spaced: base.spaced,
        ..Part::default()
    }
}

/// A combining mark on a single character (`x̄`); an overline or underline marks every
/// character of a longer base (`A̅B̅`); a brace leaves its base. `None`: not an accent.
fn linear_accent(base: &Part, mark: &Part, under: bool) -> Option<Part> {
    if MATH_BRACES.contains(&mark.token.as_str()) {
        return Some(Part {
            text: base.text.clone(),
            tokens: base.tokens,
            ..Part::default()
        });
    }
    let table = if under {
        COMBINING_UNDER_ACCENTS
    } else {
        COMBINING_OVER_ACCENTS
    };
    let combining = lookup(table, single_char(&mark.token)?)?;
    let text = base.text.trim();
    let line = matches!(combining, '\u{304}' | '\u{305}' | '\u{332}');
    if single_char(text).is_none() && !line {
        return None;
    }
    let mut marked = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        marked.push(c);
        if !c.is_whitespace() {
            marked.push(combining);
        }
    }
    Some(Part {
        text: marked,
        tokens: base.tokens,
        ..Part::default()
    })
}

/// Joins the parts' text, a space after each large operator.
fn linear_concat(mut parts: Vec<Part>) -> Part {
    parts.retain(|part| !part.text.is_empty());
    if parts.len() == 1 {
        return parts.pop().expect("one part");
    }
    let mut joined = Part::default();
    for part in &parts {
        joined.text.push_str(&part.text);
        if part.spaced {
            joined.text.push(' ');
        }
        joined.tokens += part.tokens;
        joined.prose |= part.prose;
    }
    joined
}

fn linear_join(parts: &[Part], separator: &str) -> String {
    let texts: Vec<&str> = parts.iter().map(|part| part.text.trim()).collect();
    texts.join(separator)
}

/// A bracketed whole: one token to what holds it.
fn group(text: String) -> Part {
    Part {
        text,
        tokens: 1,
        ..Part::default()
    }
}

fn linear_element(tree: &Tree, id: NodeId, parts: Vec<Part>) -> Part {
    let tag = tree.tag(id).unwrap_or(Tag::Unknown);
    let arity = arity(tag);
    if arity != 0 && parts.len() != arity {
        return linear_concat(parts);
    }
    let mut args = parts.into_iter();
    let mut next = || args.next().expect("arity checked");
    match tag {
        Tag::Msup => {
            let (base, sup) = (next(), next());
            linear_scripts(base, None, Some(sup))
        }
        Tag::Msub => {
            let (base, sub) = (next(), next());
            linear_scripts(base, Some(sub), None)
        }
        Tag::Msubsup => {
            let (base, sub, sup) = (next(), next(), next());
            linear_scripts(base, Some(sub), Some(sup))
        }
        Tag::Mfrac => {
            let (num, den) = (next(), next());
            Part {
                text: format!("{}/{}", parenthesised(&num), parenthesised(&den)),
                tokens: 3,
                ..Part::default()
            }
        }
        Tag::Mroot => {
            let (base, index) = (next(), next());
            let text = base.text.trim();
            let radicand = if is_wrapped(text) {
                text.to_string()
            } else {
                format!("({text})")
            };
            let index_text: String = index.text.split_whitespace().collect();
            let raised: Option<String> = index_text
                .chars()
                .map(|c| lookup(SUPERSCRIPTS, c))
                .collect();
            match raised {
                Some(raised) if !raised.is_empty() => group(format!("{raised}√{radicand}")),
                _ => group(format!("root({}, {text})", index.text.trim())),
            }
        }
        Tag::Mover | Tag::Munder => {
            let under = tag == Tag::Munder;
            let (base, script) = (next(), next());
            match linear_accent(&base, &script, under) {
                Some(accent) => accent,
                None if under => linear_scripts(base, Some(script), None),
                None => linear_scripts(base, None, Some(script)),
            }
        }
        Tag::Munderover => {
            let (base, under, over) = (next(), next(), next());
            linear_scripts(base, Some(under), Some(over))
        }
        _ => {
            let parts: Vec<Part> = args.collect();
            match tag {
                Tag::Msqrt => {
                    let radicand = linear_concat(parts);
                    group(format!("√{}", parenthesised(&radicand)))
                }
                Tag::Mtable => group(format!("[{}]", linear_join(&parts, "; "))),
                Tag::Mtr => Part::text(linear_join(&parts, ", ")),
                Tag::Mfenced => group(format!("({})", linear_join(&parts, ", "))),
                _ => linear_concat(parts),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Charset, Ingest};
    use crate::tree::Element;

    /// The page's tree and its first `<math>`.
    fn parse(html: &str) -> (Tree, NodeId) {
        let mut ingest = Ingest::new(Charset::Text, false);
        ingest
            .write(format!("<html><body><p>{html}</p></body></html>").as_bytes())
            .expect("written");
        let tree = ingest.finish().expect("parsed").tree;
        let math = tree
            .descendants(Tree::ROOT)
            .find(|&node| tree.is_tag(node, Tag::Math))
            .expect("a <math>");
        (tree, math)
    }

    /// (LaTeX, linear text) of `<math>{body}</math>`.
    fn both(body: &str) -> (String, String) {
        let (tree, math) = parse(&format!("<math>{body}</math>"));
        (latex(&tree, math), linear_text(&tree, math))
    }

    fn check(body: &str, tex: &str, text: &str) {
        assert_eq!(both(body), (tex.to_string(), text.to_string()), "{body}");
    }

    #[test]
    fn tokens_and_relations() {
        check(
            "<mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup>",
            "E=mc^2",
            "E = mc²",
        );
        check(
            "<mi>a</mi><mo>≤</mo><mi>b</mi><mo>≠</mo><mn>3.5</mn><mo>−</mo><mi>x</mi>",
            "a\\le b\\ne3.5-x",
            "a ≤ b ≠ 3.5−x",
        );
    }

    #[test]
    fn symbols_become_commands_with_a_space_before_a_letter() {
        check(
            "<mi>α</mi><mi>x</mi><mo>+</mo><mi>Ω</mi><mo>⋅</mo><mi>ℏ</mi><mi>∂</mi><mi>y</mi>",
            "\\alpha x+\\Omega\\cdot\\hbar\\partial y",
            "αx+Ω⋅ℏ∂y",
        );
        check(
            "<mi>x</mi><mo>∈</mo><mi>A</mi><mo>∪</mo><mi>B</mi>",
            "x\\in A\\cup B",
            "x ∈ A∪B",
        );
    }

    #[test]
    fn multi_letter_identifiers() {
        check(
            "<mi>sin</mi><mo>\u{2061}</mo><mi>θ</mi><mo>+</mo><mi>log</mi><mi>x</mi>",
            "\\sin\\theta+\\log x",
            "sin θ+logx",
        );
        check(
            "<mi>speed</mi><mo>×</mo><mi>t</mi>",
            "\\mathrm{speed}\\times t",
            "speed×t",
        );
    }

    #[test]
    fn text_is_escaped() {
        check(
            "<mtext>50% of $a_b {c}</mtext><mspace></mspace><mi>n</mi>",
            "\\text{50\\% of \\$a\\_b \\{c\\}}\\,n",
            "50% of $a_b {c} n",
        );
        check(
            "<mtext>#&amp;^\\</mtext>",
            "\\text{\\#\\&\\^{}\\textbackslash{}}",
            "#&^\\",
        );
    }

    #[test]
    fn scripts_brace_only_what_needs_it() {
        check("<msub><mi>x</mi><mn>1</mn></msub>", "x_1", "x₁");
        check("<msub><mi>x</mi><mi>i</mi></msub>", "x_i", "xᵢ");
        check("<msub><mi>x</mi><mi>b</mi></msub>", "x_b", "x_b");
        check(
            "<msub><mi>a</mi><mrow><mi>n</mi><mo>+</mo><mn>1</mn></mrow></msub>",
            "a_{n+1}",
            "aₙ₊₁",
        );
        check(
            "<msup><mi>e</mi><mrow><mi>i</mi><mi>π</mi></mrow></msup>",
            "e^{i\\pi}",
            "e^(iπ)",
        );
        check("<msup><mi>x</mi><mi>α</mi></msup>", "x^\\alpha", "x^α");
        check("<msup><mi>x</mi><mn>10</mn></msup>", "x^{10}", "x¹⁰");
        check(
            "<msubsup><mi>x</mi><mn>1</mn><mn>2</mn></msubsup>",
            "x_1^2",
            "x₁²",
        );
        check(
            "<msub><mi>x</mi><mrow><mi>a</mi><mi>b</mi></mrow></msub>",
            "x_{ab}",
            "x_(ab)",
        );
    }

    #[test]
    fn a_multi_token_base_is_braced() {
        check(
            "<msup><mrow><mo>(</mo><mi>a</mi><mo>+</mo><mi>b</mi><mo>)</mo></mrow><mn>2</mn></msup>",
            "{(a+b)}^2",
            "(a+b)²",
        );
        check(
            "<msup><msub><mi>x</mi><mi>i</mi></msub><mn>2</mn></msup>",
            "{x_i}^2",
            "xᵢ²",
        );
        check(
            "<msup><mi>sin</mi><mn>2</mn></msup><mi>x</mi>",
            "\\sin^2 x",
            "sin²x",
        );
    }

    #[test]
    fn primes_and_degrees_follow_their_base() {
        check(
            "<msup><mi>f</mi><mo>′</mo></msup><mo>(</mo><mi>x</mi><mo>)</mo>",
            "f'(x)",
            "f′(x)",
        );
        check("<msup><mn>90</mn><mo>°</mo></msup>", "{90}^\\circ", "90°");
    }

    #[test]
    fn fractions() {
        check(
            "<mfrac><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mn>2</mn></mfrac>",
            "\\frac{a+b}{2}",
            "(a+b)/2",
        );
        check(
            "<mfrac><mn>1</mn><mrow><mn>2</mn><mi>x</mi></mrow></mfrac>",
            "\\frac{1}{2x}",
            "1/(2x)",
        );
        check(
            "<mfrac><mfrac><mi>a</mi><mi>b</mi></mfrac><mi>c</mi></mfrac>",
            "\\frac{\\frac{a}{b}}{c}",
            "(a/b)/c",
        );
    }

    #[test]
    fn roots() {
        check("<msqrt><mi>x</mi></msqrt>", "\\sqrt{x}", "√x");
        check(
            "<msqrt><mi>x</mi><mo>+</mo><mn>1</mn></msqrt>",
            "\\sqrt{x+1}",
            "√(x+1)",
        );
        check(
            "<mroot><mi>x</mi><mn>3</mn></mroot>",
            "\\sqrt[3]{x}",
            "³√(x)",
        );
        check(
            "<mroot><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow><mi>k</mi></mroot>",
            "\\sqrt[k]{x+1}",
            "root(k, x+1)",
        );
    }

    #[test]
    fn accents() {
        check(
            "<mover><mi>x</mi><mo>¯</mo></mover>",
            "\\bar{x}",
            "x\u{304}",
        );
        check(
            "<mover><mrow><mi>A</mi><mi>B</mi></mrow><mo>‾</mo></mover>",
            "\\overline{AB}",
            "A\u{305}B\u{305}",
        );
        check(
            "<mover><mi>x</mi><mo>^</mo></mover>",
            "\\hat{x}",
            "x\u{302}",
        );
        check(
            "<mover><mi>v</mi><mo>→</mo></mover>",
            "\\vec{v}",
            "v\u{20D7}",
        );
        check(
            "<mover><mi>x</mi><mo>˙</mo></mover>",
            "\\dot{x}",
            "x\u{307}",
        );
        check(
            "<mover><mi>x</mi><mo>¨</mo></mover>",
            "\\ddot{x}",
            "x\u{308}",
        );
        check(
            "<mover><mi>x</mi><mo>~</mo></mover>",
            "\\tilde{x}",
            "x\u{303}",
        );
        check(
            "<munder><mi>x</mi><mo>_</mo></munder>",
            "\\underline{x}",
            "x\u{332}",
        );
    }

    #[test]
    fn braces_carry_their_label_as_a_script() {
        check(
            "<mover><mover><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mo>⏞</mo></mover>\
             <mi>n</mi></mover>",
            "\\overbrace{a+b}^n",
            "(a+b)ⁿ",
        );
        check(
            "<munder><munder><mrow><mi>x</mi><mi>y</mi></mrow><mo>⏟</mo></munder>\
             <mtext>k times</mtext></munder>",
            "\\underbrace{xy}_{\\text{k times}}",
            "(xy)_(k times)",
        );
    }

    #[test]
    fn large_operators_take_limits() {
        check(
            "<munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi>\
             </munderover><mi>i</mi>",
            "\\sum_{i=1}^n i",
            "∑ᵢ₌₁ⁿ i",
        );
        check(
            "<munder><mi>lim</mi><mrow><mi>x</mi><mo>→</mo><mn>0</mn></mrow></munder>\
             <mi>f</mi>",
            "\\lim_{x\\to0}f",
            "lim_(x → 0) f",
        );
        check(
            "<mover><mo>∏</mo><mi>n</mi></mover><msub><mi>a</mi><mi>k</mi></msub>",
            "\\prod^n a_k",
            "∏ⁿ aₖ",
        );
        check(
            "<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup><mi>x</mi><mi>d</mi><mi>x</mi>",
            "\\int_0^1 xdx",
            "∫₀¹ xdx",
        );
    }

    #[test]
    fn other_under_and_over_scripts() {
        check(
            "<mover><mo>=</mo><mtext>def</mtext></mover>",
            "\\overset{\\text{def}}{=}",
            "=^(def)",
        );
        check(
            "<munder><mo>→</mo><mi>f</mi></munder>",
            "\\underset{f}{\\to}",
            "→_f",
        );
        check(
            "<munderover><mi>A</mi><mn>1</mn><mn>2</mn></munderover>",
            "\\overset{2}{\\underset{1}{A}}",
            "A₁²",
        );
    }

    #[test]
    fn tables_and_fences() {
        check(
            "<mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr>\
             <mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable>",
            "\\begin{matrix} a & b \\\\ c & d \\end{matrix}",
            "[a, b; c, d]",
        );
        check(
            "<mfenced><mi>a</mi><mi>b</mi></mfenced>",
            "\\left( a, b \\right)",
            "(a, b)",
        );
        check(
            "<mfrac><mfenced><mi>a</mi><mi>b</mi></mfenced><mn>2</mn></mfrac>",
            "\\frac{\\left( a, b \\right)}{2}",
            "(a, b)/2",
        );
    }

    #[test]
    fn phantoms_write_nothing_and_wrappers_pass_through() {
        check(
            "<mstyle><mpadded><mi>x</mi></mpadded><mphantom><mi>y</mi></mphantom>\
             <menclose><mn>1</mn></menclose></mstyle>",
            "x1",
            "x1",
        );
    }

    #[test]
    fn a_tex_annotation_wins_over_the_presentation() {
        let (tree, math) = parse(
            "<math><semantics><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn>\
             </msup></mrow><annotation encoding=\"application/x-tex\">E=mc^2</annotation>\
             </semantics></math>",
        );
        assert_eq!(latex(&tree, math), "E=mc^2");
        assert_eq!(linear_text(&tree, math), "E = mc²");
        let (tree, math) = parse(
            "<math><semantics><mi>x</mi><annotation encoding=\"TeX\">  \\mathbf{x}\n </annotation>\
             </semantics></math>",
        );
        assert_eq!(latex(&tree, math), "\\mathbf{x}");
        assert_eq!(linear_text(&tree, math), "x");
    }

    #[test]
    fn other_annotations_give_no_text() {
        let (tree, math) = parse(
            "<math><semantics><mi>y</mi><annotation encoding=\"text/plain\">why</annotation>\
             <annotation-xml encoding=\"MathML-Content\"><ci>y</ci></annotation-xml>\
             </semantics></math>",
        );
        assert_eq!(latex(&tree, math), "y");
        assert_eq!(linear_text(&tree, math), "y");
    }

    #[test]
    fn a_displaystyle_wrapper_is_unwrapped() {
        let (tree, math) = parse(
            "<math display=\"block\"><semantics><mrow><mi>x</mi></mrow>\
             <annotation encoding=\"Application/X-TeX\">{\\displaystyle  x^{2}+\\{y\\} }\
             </annotation></semantics></math>",
        );
        assert_eq!(latex(&tree, math), "x^{2}+\\{y\\}");
        assert!(is_display(&tree, math));
        // Braces that do not enclose the whole source stay.
        let (tree, math) = parse(
            "<math><semantics><mi>x</mi><annotation encoding=\"text/x-tex\">\
             {\\displaystyle a}+{b}</annotation></semantics></math>",
        );
        assert_eq!(latex(&tree, math), "{\\displaystyle a}+{b}");
        assert!(!is_display(&tree, math));
    }

    #[test]
    fn only_an_annotation_gives_the_tex_as_text() {
        let (tree, math) = parse(
            "<math><semantics><annotation encoding=\"application/x-tex\">\
             \\frac{1}{2}</annotation></semantics></math>",
        );
        assert_eq!(latex(&tree, math), "\\frac{1}{2}");
        assert_eq!(linear_text(&tree, math), "\\frac{1}{2}");
    }

    #[test]
    fn empty_math() {
        check("", "", "");
        check("<mrow> </mrow><mtext></mtext>", "", "");
    }

    #[test]
    fn display_is_read_from_the_attribute() {
        let (tree, math) = parse("<math display=\" BLOCK \"><mi>x</mi></math>");
        assert!(is_display(&tree, math));
        let (tree, math) = parse("<math display=\"inline\"><mi>x</mi></math>");
        assert!(!is_display(&tree, math));
        let (tree, math) = parse("<math><mi>x</mi></math>");
        assert!(!is_display(&tree, math));
    }

    #[test]
    fn mathvariant_picks_a_font() {
        check(
            "<mi mathvariant=\"double-struck\">R</mi><mi mathvariant=\"normal\">d</mi>\
             <mi mathvariant=\"bold\">v</mi><mi mathvariant=\"normal\">sin</mi>",
            "\\mathbb{R}\\mathrm{d}\\mathbf{v}\\sin",
            "Rdvsin",
        );
    }

    #[test]
    fn wrong_arity_shows_what_there_is() {
        check("<msup><mi>x</mi></msup>", "x", "x");
        check(
            "<mfrac><mn>1</mn><mn>2</mn><mn>3</mn></mfrac>",
            "123",
            "123",
        );
    }

    #[test]
    fn katex_markup() {
        let (tree, math) = parse(
            "<span class=\"katex\"><span class=\"katex-mathml\"><math \
             xmlns=\"http://www.w3.org/1998/Math/MathML\"><semantics><mrow><mi>E</mi>\
             <mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow>\
             <annotation encoding=\"application/x-tex\">E=mc^2</annotation></semantics>\
             </math></span></span>",
        );
        assert_eq!(latex(&tree, math), "E=mc^2");
        assert_eq!(linear_text(&tree, math), "E = mc²");
    }

    #[test]
    fn control_words_are_not_run_into_letters() {
        assert!(ends_in_control_word("x\\alpha"));
        assert!(!ends_in_control_word("x\\\\alpha"));
        assert!(!ends_in_control_word("\\alpha2"));
        assert!(!ends_in_control_word("abc"));
        assert!(ends_in_bare_script("x^2"));
        assert!(!ends_in_bare_script("x^{2}"));
        let mut tex = String::from("\\int");
        push_tex(&mut tex, "x");
        push_tex(&mut tex, "\\,");
        push_tex(&mut tex, "d");
        assert_eq!(tex, "\\int x\\,d");
    }

    #[test]
    fn nesting_2000_deep_from_html() {
        let depth = 2000;
        let html = format!(
            "<math>{}<mi>x</mi>{}</math>",
            "<msqrt>".repeat(depth),
            "</msqrt>".repeat(depth)
        );
        let (tree, math) = parse(&html);
        let tex = latex(&tree, math);
        // Ingest flattens elements past its open-element limit, so fewer roots survive.
        let roots = tex.matches("\\sqrt{").count();
        assert!((400..=depth).contains(&roots), "{roots} roots");
        assert!(tex.ends_with(&format!("x{}", "}".repeat(roots))));
        let text = linear_text(&tree, math);
        assert_eq!(text, format!("{}x", "√".repeat(roots)));
    }

    #[test]
    fn nesting_far_past_the_call_stack() {
        let mut tree = Tree::new();
        let math = tree.new_element(Element::new(Tag::Math));
        tree.append_child(Tree::ROOT, math);
        let mut parent = math;
        for _ in 0..200_000 {
            let row = tree.new_element(Element::new(Tag::Mrow));
            tree.append_child(parent, row);
            parent = row;
        }
        let sup = tree.new_element(Element::new(Tag::Msup));
        tree.append_child(parent, sup);
        for (tag, text) in [(Tag::Mi, "c"), (Tag::Mn, "2")] {
            let token = tree.new_element(Element::new(tag));
            let leaf = tree.new_text(text.to_string());
            tree.append_child(token, leaf);
            tree.append_child(sup, token);
        }
        assert_eq!(latex(&tree, math), "c^2");
        assert_eq!(linear_text(&tree, math), "c²");
    }
}
