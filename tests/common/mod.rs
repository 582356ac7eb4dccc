//! Helpers shared by the test crates that read our output as a browser would.

use html5ever::tendril::TendrilSink;
use html5ever::{local_name, ns, parse_fragment, ParseOpts, QualName};
use markup5ever_rcdom::RcDom;

/// `content` parsed as the `innerHTML` of a `<div>` (what a page assigning it gets). The
/// fragment's nodes are the children of the `<html>` element the parser puts in the document.
pub fn parse_as_inner_html(content: &str) -> RcDom {
    let context = QualName::new(None, ns!(html), local_name!("div"));
    parse_fragment(
        RcDom::default(),
        ParseOpts::default(),
        context,
        Vec::new(),
        true,
    )
    .one(content)
}
