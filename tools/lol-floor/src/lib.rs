//! `readAll(html)`: lol_html over the page with the settings article-cleaner uses, a handler
//! on every element that reads its tag name, every attribute's name and value and, through an
//! end-tag handler, its end tag's name, and a handler on every text chunk. Returns a count so
//! that none of it is optimised away.

use std::cell::Cell;
use std::rc::Rc;

use lol_html::html_content::{Element, TextChunk};
use lol_html::{
    doc_text, element, end_tag, AsciiCompatibleEncoding, HtmlRewriter, OutputSink, Settings,
};
use wasm_bindgen::prelude::*;

struct NullSink;

impl OutputSink for NullSink {
    fn handle_chunk(&mut self, _chunk: &[u8]) {}
}

#[wasm_bindgen(js_name = readAll)]
pub fn read_all(html: &str) -> u32 {
    let count = Rc::new(Cell::new(0u32));
    let add = |count: &Cell<u32>, n: usize| count.set(count.get().wrapping_add(n as u32));
    let (on_element, on_text) = (Rc::clone(&count), Rc::clone(&count));
    let settings = Settings::new()
        .with_strict(false)
        .with_encoding(AsciiCompatibleEncoding::utf_8())
        .append_element_content_handler(element!("*", move |el: &mut Element| {
            add(&on_element, el.tag_name().len());
            for attr in el.attributes() {
                add(&on_element, attr.name().len() + attr.value().len());
            }
            if el.can_have_content() {
                let on_end = Rc::clone(&on_element);
                el.on_end_tag(end_tag!(move |end| {
                    add(&on_end, end.name().len());
                    Ok(())
                }))?;
            }
            Ok(())
        }))
        .append_document_content_handler(doc_text!(move |chunk: &mut TextChunk| {
            add(&on_text, chunk.as_str().len());
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, NullSink);
    if rewriter.write(html.as_bytes()).is_ok() {
        let _ = rewriter.end();
    }
    count.get()
}
