//! `is_probably_readerable`: Readability.js's quick check, as one streaming lol_html pass
//! that keeps only a few counters and stops as soon as the answer is yes.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::html_content::{Element, TextChunk, TextType};
use lol_html::{doc_text, element, end_tag, HtmlRewriter, MemorySettings, Settings};

use crate::patterns::{
    MAX_OPEN_ELEMENTS, MAYBE_CANDIDATES, PARSER_MEMORY_LIMIT, READERABLE_CHUNK_BYTES,
    UNLIKELY_CANDIDATES,
};
use crate::text::lower_case;

struct Candidate {
    is_paragraph: bool,
    is_div: bool,
    counts: bool,
    has_br_child: bool,
    chars: usize,
    leading_space: usize,
    trailing_space: usize,
    seen_text: bool,
}

struct State {
    open: Vec<Candidate>,
    score: f64,
    next_p_in_list: bool,
    min_content_length: usize,
}

impl State {
    fn close_top(&mut self) {
        let Some(candidate) = self.open.pop() else {
            return;
        };
        if !candidate.counts || (candidate.is_div && !candidate.has_br_child) {
            return;
        }
        let length = candidate.chars
            - candidate.leading_space
            - candidate
                .trailing_space
                .min(candidate.chars - candidate.leading_space);
        if length < self.min_content_length {
            return;
        }
        self.score += ((length - self.min_content_length) as f64).sqrt();
    }

    fn text(&mut self, text: &str) {
        for candidate in &mut self.open {
            for ch in text.chars() {
                candidate.chars += 1;
                if ch.is_whitespace() {
                    if candidate.seen_text {
                        candidate.trailing_space += 1;
                    } else {
                        candidate.leading_space += 1;
                    }
                } else {
                    candidate.seen_text = true;
                    candidate.trailing_space = 0;
                }
            }
        }
    }
}

fn is_visible(el: &Element) -> bool {
    let style_hidden = el.get_attribute("style").is_some_and(|style| {
        let compact: String = style.chars().filter(|c| !c.is_whitespace()).collect();
        compact.to_ascii_lowercase().contains("display:none")
    });
    let aria_hidden = el.get_attribute("aria-hidden").is_some_and(|v| v == "true")
        && !el
            .get_attribute("class")
            .is_some_and(|c| c.contains("fallback-image"));
    !style_hidden && !el.has_attribute("hidden") && !aria_hidden
}

/// Whether the page probably has an article worth extracting. Cheap: one streaming pass,
/// no tree, and it stops reading as soon as it is sure.
pub fn is_probably_readerable(html: &str, min_content_length: usize, min_score: f64) -> bool {
    let state = Rc::new(RefCell::new(State {
        open: Vec::new(),
        score: 0.0,
        next_p_in_list: false,
        min_content_length,
    }));
    let in_list = Rc::clone(&state);
    let on_br = Rc::clone(&state);
    let on_element = Rc::clone(&state);
    let on_text = Rc::clone(&state);
    let settings = Settings::new()
        .with_strict(false)
        .with_memory_settings(
            MemorySettings::new().with_max_allowed_memory_usage(PARSER_MEMORY_LIMIT),
        )
        .append_element_content_handler(element!("li p", move |_el| {
            in_list.borrow_mut().next_p_in_list = true;
            Ok(())
        }))
        .append_element_content_handler(element!("div > br", move |_el| {
            let mut state = on_br.borrow_mut();
            if let Some(div) = state.open.iter_mut().rev().find(|c| c.is_div) {
                div.has_br_child = true;
            }
            Ok(())
        }))
        .append_element_content_handler(element!("p, pre, article, div", move |el| {
            let mut state = on_element.borrow_mut();
            if state.open.last().is_some_and(|top| top.is_paragraph) {
                // A block start closes an open <p>.
                state.close_top();
            }
            let tag = el.tag_name();
            let in_list = std::mem::take(&mut state.next_p_in_list);
            if state.open.len() >= MAX_OPEN_ELEMENTS || !el.can_have_content() {
                return Ok(());
            }
            let hint = lower_case(&format!(
                "{} {}",
                el.get_attribute("class").unwrap_or_default(),
                el.get_attribute("id").unwrap_or_default()
            ));
            let unlikely = UNLIKELY_CANDIDATES.found_in(&hint) && !MAYBE_CANDIDATES.found_in(&hint);
            state.open.push(Candidate {
                is_paragraph: tag == "p",
                is_div: tag == "div",
                counts: is_visible(el) && !unlikely && !(tag == "p" && in_list),
                has_br_child: false,
                chars: 0,
                leading_space: 0,
                trailing_space: 0,
                seen_text: false,
            });
            let depth = state.open.len();
            let state_for_end = Rc::clone(&on_element);
            drop(state);
            el.on_end_tag(end_tag!(move |end| {
                // Also called for an end tag that closes an ancestor in lol_html's stack.
                if end.name() != tag {
                    return Ok(());
                }
                let mut state = state_for_end.borrow_mut();
                while state.open.len() >= depth {
                    state.close_top();
                }
                Ok(())
            }))?;
            Ok(())
        }))
        .append_document_content_handler(doc_text!(move |chunk: &mut TextChunk| {
            if chunk.text_type() == TextType::Data {
                on_text
                    .borrow_mut()
                    .text(&crate::entities::decode_text(chunk.as_str()));
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, crate::ingest::NullSink);
    for chunk in html.as_bytes().chunks(READERABLE_CHUNK_BYTES) {
        if rewriter.write(chunk).is_err() {
            break;
        }
        if state.borrow().score > min_score {
            return true;
        }
    }
    drop(rewriter);
    let mut state = state.borrow_mut();
    while !state.open.is_empty() {
        state.close_top();
    }
    state.score > min_score
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patterns::{READERABLE_MIN_CONTENT_LENGTH, READERABLE_MIN_SCORE};

    const BLOG_POST: &str = include_str!("../tests/fixtures/pages/blog-post.html");
    const NOT_AN_ARTICLE: &str = include_str!("../tests/fixtures/pages/not-an-article.html");

    #[test]
    fn thresholds_are_readabilitys_options() {
        let default = |html| {
            is_probably_readerable(html, READERABLE_MIN_CONTENT_LENGTH, READERABLE_MIN_SCORE)
        };
        assert!(default(BLOG_POST));
        assert!(!default(NOT_AN_ARTICLE));
        assert!(!is_probably_readerable(
            BLOG_POST,
            100_000,
            READERABLE_MIN_SCORE
        ));
        assert!(!is_probably_readerable(
            BLOG_POST,
            READERABLE_MIN_CONTENT_LENGTH,
            1e9
        ));
        assert!(is_probably_readerable(NOT_AN_ARTICLE, 1, 0.0));
    }
}
