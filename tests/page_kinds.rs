//! Pages that are not news articles: what a reader of each kind expects to get.

// Native only: `wasm-pack test` builds every test target for wasm32 (tests/web.rs runs there).
#![cfg(not(target_arch = "wasm32"))]

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

fn page_type_of(html: &str, url: &str) -> article_cleaner::PageType {
    let options = Options {
        url: Some(url.to_owned()),
        ..Options::default()
    };
    clean(html, &options).expect("an article").page_type
}

#[test]
fn the_page_type_is_detected() {
    use article_cleaner::PageType;
    let news = include_str!("fixtures/pages/wire-news.html");
    assert_eq!(
        page_type_of(
            news,
            "https://www.example.com/business/2026/12/05/dockworkers-strike-port"
        ),
        PageType::Article
    );
    let posts: String = (1..=4)
        .map(|n| {
            format!(
                "<div class='topic-post' itemprop='comment'><div class='post-meta'>\
                 <span class='username'>user{n}</span> <time datetime='2026-01-0{n}'>Jan {n}</time>\
                 </div><div class='post-body' itemprop='text'>{POST}</div>\
                 <div class='post-controls'><a class='reply'>Reply</a></div></div>"
            )
        })
        .collect();
    let forum = format!(
        "<html><head><script type='application/ld+json'>{{\"@type\": \"DiscussionForumPosting\"}}\
         </script></head><body><main class='thread'>{posts}</main></body></html>"
    );
    assert_eq!(
        page_type_of(&forum, "https://forum.example.org/t/msrv-bumps/1234"),
        PageType::Forum
    );
    let product = format!(
        "<html><head><script type='application/ld+json'>{{\"@type\": \"Product\", \
         \"offers\": {{\"@type\": \"Offer\", \"price\": \"39.99\"}}}}</script></head><body>\
         <div class='product-detail'><h1>Kettle</h1><div class='price'>$39.99</div>\
         <div class='product-description'>{POST}</div><div class='add-to-cart'>Add to cart</div>\
         <div class='reviews rating'>4.5 stars</div></div></body></html>"
    );
    assert_eq!(
        page_type_of(
            &product,
            "https://shop.example.com/products/electric-kettle"
        ),
        PageType::Product
    );
    // The option overrides detection.
    let options = Options {
        page_type: Some(PageType::Listing),
        ..Options::default()
    };
    assert_eq!(clean(news, &options).unwrap().page_type, PageType::Listing);
}

/// A closed tab or accordion panel is content its reader opens; a closed menu is not.
#[test]
fn closed_tab_panels_are_read_and_closed_menus_are_not() {
    let html = format!(
        "<html><body><article><h1>Kettle</h1>{POST}\
         <div class='tabs'><div class='tab-pane' id='specs' hidden><p>Capacity 1.7 litres, \
         3,000 watts, boils a full jug in four minutes, with a limescale filter.</p></div>\
         <div role='tabpanel' style='display:none'><p>Free returns within thirty days of \
         delivery, collected from your door at a time you choose.</p></div></div>\
         <div class='navbar-collapse' hidden><p>Shop all kettles, toasters and blenders in \
         our spring sale, with free delivery on everything.</p></div></article></body></html>"
    );
    let article = clean(&html, &Options::default()).expect("an article");
    assert!(article.text_content.contains("Capacity 1.7 litres"));
    assert!(article.text_content.contains("Free returns"));
    assert!(!article.text_content.contains("spring sale"));
}

/// A product page is its name, description and facts, not its reviews or other products.
#[test]
fn a_product_page_keeps_the_product_not_its_reviews() {
    let html = format!(
        "<html><body><header><nav><a href='/'>Home</a> <a href='/kettles'>Kettles</a></nav>\
         </header><main><h1>Electric kettle</h1><div class='price'>$39.99</div>\
         <div class='product-description'>{POST}</div>\
         <table class='specs'><tr><th>Capacity</th><td>1.7 litres</td></tr>\
         <tr><th>Power</th><td>3,000 watts</td></tr></table>\
         <section class='reviews'><h2>Customer reviews</h2><p>Boils fast and looks smart on the \
         counter, though the lid is stiff at first and the light is very bright.</p></section>\
         <div class='related-products'><h2>You may also like</h2><p>Matching four-slice toaster \
         in brushed steel, with a defrost setting and a crumb tray.</p></div></main>\
         <footer>Fernhollow Outfitters</footer></body></html>"
    );
    let options = Options {
        page_type: Some(article_cleaner::PageType::Product),
        ..Options::default()
    };
    let article = clean(&html, &options).expect("the product");
    let text = &article.text_content;
    assert!(text.contains("no longer breaks"), "{text}");
    assert!(text.contains("1.7 litres"), "{text}");
    assert!(!text.contains("Boils fast"), "{text}");
    assert!(!text.contains("toaster"), "{text}");
    assert!(!text.contains("Kettles"), "{text}");
}
