//! Pages that are not news articles: what a reader of each kind expects to get.

use article_cleaner::{clean, Options};

const POST: &str = "<p>Since the resolver became the default, a raised minimum version no longer \
    breaks anyone who depends on the crate, which is why most maintainers now ship it in a \
    minor release, as the guidelines suggest.</p>";

/// A page its scripts render: readers without script get the thread in a `<noscript>`.
#[test]
fn content_given_only_in_a_noscript_is_read() {
    let html = format!(
        "<html><body><header><a href='/'>Forum home</a></header>\
         <noscript><div id='main'><div class='post'>{POST}</div>\
         <div class='post'>{POST}<p>Second reply &amp; more.</p></div></div></noscript>\
         <footer>Powered by forum software</footer></body></html>"
    );
    let article = clean(&html, &Options::default()).expect("the noscript content");
    assert!(
        article.text_content.contains("no longer breaks"),
        "{}",
        article.text_content
    );
    assert!(article.text_content.contains("Second reply & more."));
}

/// A short "enable JavaScript" notice beside a real article stays out.
#[test]
fn a_noscript_notice_beside_the_content_stays_out() {
    let html = format!(
        "<html><body><noscript><p>Please enable JavaScript to use every feature of this \
         site, including comments, search, the newsletter sign-up and the account area, \
         which all need script to run in your browser.</p></noscript>\
         <article>{POST}{POST}{POST}</article></body></html>"
    );
    let article = clean(&html, &Options::default()).expect("an article");
    assert!(!article.text_content.contains("enable JavaScript"));
    assert!(article.text_content.contains("no longer breaks"));
}
