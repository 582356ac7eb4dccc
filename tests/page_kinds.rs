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

/// When the best block is one panel of a tab set, the other panels are the rest of it.
#[test]
fn the_best_blocks_sibling_tab_panels_join_it() {
    let html = format!(
        "<html><body><div class='wrap'><div class='tabset'>\
         <div role='tabpanel' class='pane showing'>{POST}<p>Building permits, from a new porch \
         to a loft conversion, are applied for online, and the form asks for a plan, a photo \
         of the site, and the names of the neighbours on each side.</p><p>Fees depend on the \
         cost of the work, are paid when the application is made, and are refunded, less a \
         small charge, if the application is withdrawn before an inspector visits.</p></div>\
         <div role='tabpanel' class='pane' style='display:none'><h3>Fences</h3><p>Permits \
         for a fence or a shed are issued within ten working days.</p></div>\
         <div role='tabpanel' class='pane' style='display:none'><h3>Inspections</h3><p>\
         Inspections are booked by phone, two days ahead.</p></div></div></div></body></html>"
    );
    let text = clean_as(&html, article_cleaner::PageType::Article);
    assert!(text.contains("no longer breaks"), "{text}");
    assert!(text.contains("ten working days"), "{text}");
    assert!(text.contains("two days ahead"), "{text}");
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

/// Adobe Experience Manager wraps whole pages in `cmp-container` components: the class of a
/// layout container, not of a consent banner.
#[test]
fn a_page_built_of_cmp_containers_is_read() {
    let html = format!(
        "<html><body><div class='cmp-container'><div class='cmp-container'>\
         <h1>Moving your pension</h1>{POST}{POST}</div></div>\
         <div id='onetrust-banner-sdk'><p>We use cookies to improve your experience on \
         this site, to measure traffic and to show you offers.</p></div></body></html>"
    );
    let article = clean(&html, &Options::default()).expect("the page's content");
    assert!(article.text_content.contains("no longer breaks"));
    assert!(!article.text_content.contains("cookies"));
}

fn clean_as(html: &str, page_type: article_cleaner::PageType) -> String {
    let options = Options {
        page_type: Some(page_type),
        ..Options::default()
    };
    clean(html, &options).expect("the page").text_content
}

/// On a listing, each item's headline is a link of its own: content, not related links.
#[test]
fn a_listing_keeps_its_linked_headlines() {
    let items: String = [
        "Tide tables for the estuary",
        "Ferry timetable changes",
        "Harbour dredging begins",
    ]
    .iter()
    .map(|title| {
        format!(
            "<div class='entry'><h3><a href='/{}'>{title}</a></h3><p>A summary of the story \
             about the harbour, its boats and the people who work on the quay all year.</p>\
             </div>",
            title.len()
        )
    })
    .collect();
    let html = format!(
        "<html><body><main><h1>Harbour news</h1><p>Everything about the harbour, its \
         ferries and its quays, collected for readers.</p>{items}</main></body></html>"
    );
    let text = clean_as(&html, article_cleaner::PageType::Listing);
    assert!(text.contains("Ferry timetable changes"), "{text}");
    assert!(text.contains("Harbour dredging begins"), "{text}");
}

/// A thread keeps every post with its author line; the furniture around the posts goes,
/// while a post that itself says "sign in" or "posts: 3" keeps every word.
#[test]
fn a_thread_keeps_its_posts_and_drops_their_furniture() {
    let post = |author: &str, body: &str| {
        // The post's number, a link to itself.
        let number = author.len();
        format!(
            "<div class='message'><div class='message-user'><a class='username' \
             href='/u/{author}'>{author}</a><div class='userExtras'><dl><dt>Joined</dt>\
             <dd>Mar 2019</dd></dl><dl><dt>Messages</dt><dd>1,234</dd></dl></div></div>\
             <div class='message-userBadge'>Original poster</div><div class='js-count'>173</div>\
             <div class='post-label'>Reply 9</div><div class='post-age'>7y</div>\
             <div class='post-tools'><a href='/p/9'>Permalink</a></div><div>Views 26.2k</div>\
             <div class='message-main'><time datetime='2024-06-02'>Jun 2, 2024</time>\
             <ul class='message-attribution'><li><a href='/t/7/post-{number}'>#{number}</a></li></ul>\
             <div class='message-body'>{body}</div>\
             <div class='signature'>My rig: a bike shed full of tools and spare wheels</div>\
             <div class='actionBar'><a href='#'>Like</a> <a href='#'>Reply</a></div>\
             </div></div>"
        )
    };
    let first = post("tamsin", POST);
    let second = post(
        "ravi",
        "<p>You have to sign in to the registry before publishing; posts: 3 in the \
         thread below explain why the token expires after a day of use.</p>",
    );
    let html = format!(
        "<html><body><main><h1>Raising the minimum version</h1>\
         <div class='answers-header'><h2>2 Answers</h2><div>Sort by</div></div>{first}{second}\
         <div class='block-similar-threads'><h3>Similar threads</h3><ul><li><a href='/t/1'>\
         Is a new edition a breaking change?</a></li></ul></div>\
         <div class='guest-notice'><p>You must log in or register to reply here.</p></div>\
         </main></body></html>"
    );
    let text = clean_as(&html, article_cleaner::PageType::Forum);
    assert!(text.contains("no longer breaks"), "{text}");
    assert!(text.contains("sign in to the registry"), "{text}");
    assert!(text.contains("tamsin") && text.contains("ravi"), "{text}");
    for furniture in [
        "#6",
        "#4",
        "Original poster",
        "173",
        "Reply 9",
        "7y",
        "Permalink",
        "26.2k",
        "2 Answers",
        "Sort by",
        "My rig",
        "1,234",
        "Similar threads",
        "new edition",
        "must log in",
    ] {
        assert!(!text.contains(furniture), "{furniture} in {text}");
    }
}

/// In a thread the replies are often called comments: a reply named as one comment, and a
/// comment section holding much of the thread, are posts; a short comment section under
/// one post (remarks on it) is not.
#[test]
fn a_threads_replies_named_comments_are_posts() {
    let reply = |author: &str, body: &str| {
        format!(
            "<div class='comment'><div class='details'><a href='/u/{author}'>{author}</a> \
             <time datetime='2024-06-02'>Jun 2, 2024</time><div class='comment_text'>\
             <p>{body}</p></div></div></div>"
        )
    };
    let replies = [
        reply(
            "tamsin",
            "The resolver settles it: nobody who depends on the crate breaks.",
        ),
        reply(
            "ravi",
            "A minor release is what the guidelines suggest for a raised minimum.",
        ),
        reply(
            "odile",
            "We ship it in a patch release and nobody has complained in years.",
        ),
    ]
    .concat();
    let html = format!(
        "<html><body><main><h1>Raising the minimum version</h1>\
         <div class='question'>{POST}{POST}{POST}{POST}</div>\
         <div class='comments'><ul><li>Which resolver, the old or the new? by ana</li></ul>\
         </div><div id='comments'>{replies}</div></main></body></html>"
    );
    let text = clean_as(&html, article_cleaner::PageType::Forum);
    assert!(text.contains("no longer breaks"), "{text}");
    for reply in [
        "nobody who depends",
        "guidelines suggest for",
        "patch release",
    ] {
        assert!(text.contains(reply), "{reply} not in {text}");
    }
    assert!(!text.contains("Which resolver"), "{text}");
}

/// React's streaming rendering sends a suspended part late, hidden, for a script to move into
/// its placeholder: read without script, it is content, in its place.
#[test]
fn a_streamed_segment_is_read_in_its_place() {
    let html = format!(
        "<html><body><main><article><h1>Raising the minimum version</h1>{POST}\
         <template id='B:1'></template><p>Loading…</p>\
         <p>Closing words: ship the change in a minor release and say so loudly.</p>\
         </article></main><footer>Site footer</footer>\
         <div hidden id='S:1'><p>Second part: the resolver reads the rust-version field of \
         every dependency and picks versions that build on your toolchain.</p></div>\
         <script>$RC('B:1','S:1')</script>\
         <div hidden class='menu'><p>A hidden menu with a long description of every section \
         of the site that a reader never sees.</p></div></body></html>"
    );
    let article = clean(&html, &Options::default()).expect("the article");
    let text = &article.text_content;
    let second = text.find("Second part").expect("the streamed segment");
    assert!(text.find("no longer breaks").unwrap() < second, "{text}");
    assert!(second < text.find("Closing words").unwrap(), "{text}");
    assert!(!text.contains("hidden menu"), "{text}");
}

/// Three product cards of a category page of running shoes.
fn shoe_cards() -> String {
    ["Trail runner", "Road racer", "Hiking boot"]
        .iter()
        .map(|name| {
            format!(
                "<div class='product-card'><h3><a href='/p/{}'>{name}</a></h3><p>Light, \
                 grippy and made to last, with a recycled upper and a cushioned sole.</p>\
                 <span class='price'>$120</span></div>",
                name.len()
            )
        })
        .collect()
}

/// A category page is its introduction and its items, not the filters and sort controls.
#[test]
fn a_collection_drops_its_filters_and_sort_controls() {
    let cards = shoe_cards();
    let html = format!(
        "<html><body><main><h1>Running shoes</h1><p>Our full range of running shoes, for \
         road, trail and track, tested by our own staff.</p>\
         <aside class='facets'><h4>Brand</h4><ul><li>Alderwick</li><li>Brambleton</li></ul></aside>\
         <div class='filter-panel'><h4>Size</h4><ul><li>UK 7</li><li>UK 8</li></ul></div>\
         <div class='sort-by'><span>Sort by</span> <a href='?s=price'>Lowest price</a></div>\
         <div class='grid'>{cards}</div></main></body></html>"
    );
    let text = clean_as(&html, article_cleaner::PageType::Collection);
    assert!(
        text.contains("Road racer") && text.contains("Hiking boot"),
        "{text}"
    );
    assert!(text.contains("Our full range"), "{text}");
    for control in ["Brambleton", "UK 8", "Lowest price"] {
        assert!(!text.contains(control), "{control} in {text}");
    }
}

/// Utility-class variants such as `print:break-inside-avoid` say how a block prints, not that
/// it is a print-only block: the page is read.
#[test]
fn utility_class_variants_do_not_hide_a_page() {
    let block = |text: &str| format!("<div class='print:break-inside-avoid mb-4'>{text}</div>");
    let html = format!(
        "<html><body><main><h1>Configure the resolver</h1>{}{}{}</main></body></html>",
        block(POST),
        block(
            "<p>Set the rust-version field in the manifest, then run the update command \
               and commit the lock file with the change, so that reviewers see both.</p>"
        ),
        block("<pre><code>cargo update --precise 1.2.3</code></pre>")
    );
    let article = clean(&html, &Options::default()).expect("the page");
    assert!(
        article.text_content.contains("no longer breaks"),
        "{}",
        article.text_content
    );
    assert!(article.text_content.contains("rust-version field"));
}

/// Cards that are links holding another link: the items stay in the grid, and the output
/// never nests a link in a link (a browser would re-nest it).
#[test]
fn cards_that_are_links_holding_links_stay_items() {
    let cards: String = ["Alder", "Birch", "Cedar"]
        .iter()
        .enumerate()
        .map(|(i, brand)| {
            format!(
                "<a class='card' href='/p/{i}'><div class='card-body'><div class='card-title'>\
                 <a href='/brand/{i}'>{brand}</a> kettle, 1.7 litres, brushed steel</div>\
                 <div class='card-text'>Boils a full jug in four minutes and switches off \
                 by itself.</div></div></a>"
            )
        })
        .collect();
    let html = format!(
        "<html><body><main><h1>Kettles</h1><p>Every kettle we sell, from small travel \
         kettles to large family ones, with free delivery.</p><div class='grid'>{cards}</div>\
         <p>Prices include tax.</p></main><footer>Shop footer</footer></body></html>"
    );
    let options = Options {
        page_type: Some(article_cleaner::PageType::Collection),
        url: Some("https://shop.example/kettles".to_owned()),
        ..Options::default()
    };
    let article = clean(&html, &options).expect("the collection");
    for brand in ["Alder", "Birch", "Cedar"] {
        assert!(
            article.text_content.contains(brand),
            "{}",
            article.text_content
        );
    }
    assert!(article.content.contains("/brand/2"), "{}", article.content);
    assert!(!article.content.contains("/p/2"), "{}", article.content);
}

/// A product page written twice (a mobile and a desktop layout) reads once.
#[test]
fn a_block_written_twice_reads_once() {
    let description = "<p>Heavyweight cotton tee in a regular fit, with side seams and \
        double-needle hems, in forty colours.</p>";
    let html = format!(
        "<html><body><main><h1>Staple tee</h1><div class='mobile-only'>{description}\
         <p>Model wears size L and is 183 cm tall.</p></div>\
         <div class='desktop-only'>{description}<p>Model wears size L and is 183 cm tall.</p>\
         <table><tr><th>Fabric</th><td>100% combed cotton</td></tr></table></div>\
         </main></body></html>"
    );
    let text = clean_as(&html, article_cleaner::PageType::Product);
    assert_eq!(text.matches("Heavyweight cotton tee").count(), 1, "{text}");
    assert_eq!(text.matches("Model wears size L").count(), 1, "{text}");
    assert!(text.contains("combed cotton"), "{text}");
}

/// In a thread, each post is an `<article>` and its author and date line its `<header>`: what
/// a reader view shows as a post.
#[test]
fn a_threads_posts_are_written_as_articles_with_their_author_lines() {
    let post = |author: &str, day: u32| {
        format!(
            "<div class='topic-post'><div class='topic-meta'><a href='/u/{author}'>{author}</a> \
             <time datetime='2024-11-0{day}'>November {day}, 2024</time></div>\
             <div class='cooked'>{POST}</div></div>"
        )
    };
    let html = format!(
        "<html><body><main><h1>Raising the minimum version</h1><div class='posts'>{}{}{}</div>\
         </main></body></html>",
        post("tamsin", 1),
        post("ravi", 2),
        post("oona", 3)
    );
    let options = Options {
        page_type: Some(article_cleaner::PageType::Forum),
        ..Options::default()
    };
    let content = clean(&html, &options).expect("the thread").content;
    assert_eq!(content.matches("<article>").count(), 3, "{content}");
    assert_eq!(content.matches("<header>").count(), 3, "{content}");
    let header = content.find("<header>").unwrap();
    let author = content.find(">tamsin<").unwrap();
    assert!(
        header < author && author < content.find("</header>").unwrap(),
        "{content}"
    );
}

/// A landing page is its sections (features, FAQ, pricing), not the longest one; a news story
/// with a date and an author beside a long list of teasers stays the story.
#[test]
fn a_landing_page_keeps_every_section() {
    let section = |title: &str, body: &str| {
        format!("<section class='band'><h2>{title}</h2><p>{body}</p></section>")
    };
    let html = format!(
        "<html><head><title>Fernhollow Payroll</title></head><body><main>\
         <section class='hero'><h1>Payroll that runs itself</h1><p>Pay your team on time, \
         every time, with taxes filed for you in every state.</p></section>{}{}{}</main>\
         </body></html>",
        section(
            "Features",
            "Automatic tax filing, direct deposit in two days, contractor payments and a \
             self-service portal where employees find their payslips and forms.",
        ),
        section(
            "Frequently asked questions",
            "Can I switch mid-year? Yes: we import your year-to-date totals and file the \
             quarterly forms for the quarters you ran payroll with us.",
        ),
        section(
            "Pricing",
            "Forty dollars a month plus six dollars per person, with no setup fee, cancel \
             any time, and a free month for teams of under ten people.",
        )
    );
    let options = Options {
        url: Some("https://fernhollow.example/payroll".to_owned()),
        ..Options::default()
    };
    let article = clean(&html, &options).expect("the landing page");
    for words in [
        "runs itself",
        "Automatic tax filing",
        "switch mid-year",
        "Forty dollars",
    ] {
        assert!(
            article.text_content.contains(words),
            "{words}: {}",
            article.text_content
        );
    }
}

/// A page that hides its whole content until a script fades it in is read; a hidden menu or
/// a hidden teaser beside visible content stays out.
#[test]
fn content_hidden_until_a_script_shows_it_is_read() {
    let body: String = (0..6).map(|_| POST).collect();
    let html = format!(
        "<html><body><div style='visibility:hidden' class='page-wrapper'><main>\
         <h1>Raising the minimum version</h1>{body}</main></div>\
         <div hidden class='drawer'><p>A drawer of offers nobody opened, with a long text \
         about a sale on every item of the shop this week only.</p></div>\
         <div hidden class='megamenu'>{POST}{POST}{POST}{POST}{POST}{POST}{POST}</div>\
         </body></html>"
    );
    let article = clean(&html, &Options::default()).expect("the hidden content");
    assert!(article.text_content.contains("no longer breaks"));
    assert!(!article.text_content.contains("drawer of offers"));
}

/// On a list page, a card's `<header>` is its title, and a card's "caption" holding a heading
/// is its text: both are read, while the page's own header stays out.
#[test]
fn a_cards_header_and_caption_are_its_content() {
    let cards: String = ["Quayside opens", "Night ferries", "Tide gauge"]
        .iter()
        .map(|title| {
            format!(
                "<article class='card'><header><h3><a href='/n/{}'>{title}</a></h3></header>\
                 <div class='card-caption'><h4>Harbour desk</h4><p>What changes for \
                 passengers, shops and the boats that use the quay.</p></div></article>",
                title.len()
            )
        })
        .collect();
    let html = format!(
        "<html><body><main><header class='site-header'><p>Harbour Gazette: all the news of \
         the port, every day of the week.</p></header><h1>Latest news</h1>{cards}</main>\
         </body></html>"
    );
    let text = clean_as(&html, article_cleaner::PageType::Listing);
    assert!(
        text.contains("Night ferries") && text.contains("Tide gauge"),
        "{text}"
    );
    assert!(text.contains("Harbour desk"), "{text}");
    assert!(!text.contains("every day of the week"), "{text}");
}

/// A documentation site's sidebar inside `<main>` is chrome even when it holds more text than
/// a short page beside it.
#[test]
fn a_long_sidebar_of_links_is_chrome_beside_a_short_page() {
    let links: String = (1..=40)
        .map(|i| format!("<li><a href='/docs/page-{i}'>Configuration topic number {i}</a></li>"))
        .collect();
    let html = format!(
        "<html><body><main><nav class='sidebar'><ul>{links}</ul></nav><div class='content'>\
         <h1>Set the minimum version</h1>{POST}<pre><code>rust-version = \"1.85\"</code></pre>\
         </div></main></body></html>"
    );
    let text = clean_as(&html, article_cleaner::PageType::Service);
    assert!(text.contains("no longer breaks"), "{text}");
    assert!(!text.contains("topic number 17"), "{text}");
}

/// A wiki's note pointing elsewhere ("For other uses, see ...") is neither text nor excerpt.
#[test]
fn a_wiki_hatnote_is_not_the_excerpt() {
    let html = format!(
        "<html><body><main><h1>Harbour</h1><div role='note' class='hatnote \
         navigation-not-searchable'>For other uses, see <a href='/wiki/Harbour_(disambiguation)'>\
         Harbour (disambiguation)</a>.</div><p>A harbour is a sheltered body of water where \
         ships, boats and barges can be moored, loaded and unloaded.</p>{POST}{POST}</main>\
         </body></html>"
    );
    let article = clean(&html, &Options::default()).expect("the wiki page");
    let excerpt = article.excerpt.unwrap_or_default();
    assert!(excerpt.starts_with("A harbour is"), "{excerpt}");
    assert!(!article.text_content.contains("other uses"));
}

/// A page its scripts render, without a `<noscript>` copy: a few leftover links are not an
/// article (`score.links-only`), but a short text of the author's still is.
#[test]
fn a_script_shell_with_a_few_links_is_not_readerable() {
    let shell = "<html><body><div id='top-bar' class='container'><span id='top-links'>\
         <a href='https://example.org/' id='home'>example.org</a> <a href='/calc'>calculator</a> \
         <a href='/donate'>donate now</a></span></div><section id='main'></section>\
         </body></html>";
    let options = Options {
        url: Some("https://forum.example.org/t/which-board-to-buy/3275".into()),
        ..Options::default()
    };
    let error = clean(shell, &options).expect_err("only links");
    assert_eq!(error.kind().code(), "NOT_READERABLE");

    let short = "<html><body><div id='app'><p>The meeting moved to Thursday at noon, \
         in the <a href='/rooms/4'>fourth room</a>.</p></div></body></html>";
    let article = clean(short, &options).expect("a short text is an article");
    assert!(article.text_content.contains("moved to Thursday"));
}

/// A card's link that only asks the reader to act ("Learn more →", "Add to cart") is not
/// content (`precision.call-to-action`), nor is the same button made of a script link (a
/// `<span>` by then) or a `<div>`; the same words inside a sentence are.
#[test]
fn calls_to_action_go_and_the_same_words_in_a_sentence_stay() {
    let card = |name: &str, button: &str| {
        format!(
            "<li class='card'><h3>{name}</h3><p>Hand-thrown stoneware with a matte glaze, \
             fired twice for strength and safe in the dishwasher and the oven.</p>\
             <a class='btn' href='/shop/{name}'>{button}</a></li>"
        )
    };
    let html = format!(
        "<html><head><title>Ceramics</title></head><body><main><h1>Our ceramics</h1>\
         <p>Every piece is made in our studio by the same three potters. For a custom \
         order, <a href='/contact'>contact us</a> with the size you need.</p><ul>{}{}{}{}</ul>\
         </main></body></html>",
        card("Bowl", "Learn more →"),
        card("Mug", "Shop <span>now</span>"),
        card("Plate", "Add to cart"),
        card("Jug", "Quick shop"),
    )
    .replace("'/shop/Plate'", "'javascript:addToCart(7)'")
    .replace(
        "<a class='btn' href='/shop/Jug'>Quick shop</a>",
        "<div class='btn'>Quick shop</div>",
    );
    let options = Options {
        url: Some("https://pottery.example/ceramics".to_owned()),
        ..Options::default()
    };
    let text = clean(&html, &options).expect("the page").text_content;
    for action in ["Learn more", "Shop now", "Add to cart", "Quick shop"] {
        assert!(!text.contains(action), "{action}: {text}");
    }
    for words in ["contact us with the size", "Hand-thrown stoneware", "Mug"] {
        assert!(text.contains(words), "{words}: {text}");
    }
}

/// In a thread, the comments inside a comment are its replies, however short: a nested
/// `comments` list is not the (negative) comment section of a page.
#[test]
fn a_comments_nested_replies_are_posts() {
    let reply = |author: &str, body: &str, replies: &str| {
        format!(
            "<div class='comment'><div class='details'><a href='/u/{author}'>{author}</a> \
             <time datetime='2024-06-02'>Jun 2, 2024</time><div class='comment_text'>\
             <p>{body}</p></div></div>{replies}</div>"
        )
    };
    let nested = format!(
        "<ul class='comments'><li class='comment'>{}</li></ul>",
        reply(
            "dessa",
            "Good point: we will look at an allowlist of servers after this release, once the \
             federation queue is stable, and write up how an instance would keep it current. We \
             would also publish the list, so that instances can compare it with their own.",
            ""
        )
    );
    let replies = [
        reply(
            "tamsin",
            "The resolver settles it: nobody who depends on the crate breaks.",
            &nested,
        ),
        reply(
            "ravi",
            "A minor release is what the guidelines suggest for a raised minimum.",
            "",
        ),
        reply(
            "odile",
            "We ship it in a patch release and nobody has complained in years.",
            "",
        ),
    ]
    .concat();
    let html = format!(
        "<html><body><main><h1>Raising the minimum version</h1>\
         <div class='question'>{}</div>\
         <div id='comments'>{replies}</div></main></body></html>",
        // A long question: the nested replies hold under a fifth of the thread.
        POST.repeat(8)
    );
    let text = clean_as(&html, article_cleaner::PageType::Forum);
    for words in [
        "nobody who depends",
        "an allowlist of servers",
        "patch release",
    ] {
        assert!(text.contains(words), "{words} not in {text}");
    }
}

/// A category's description under its grid, outside the `<main>`, is read with the grid
/// (`score.region-prose`); the footer's short text and links are not.
#[test]
fn a_collections_description_beside_its_main_is_read() {
    let cards = shoe_cards();
    let html = format!(
        "<html><body><header><a href='/'>Alderwick Outdoor</a></header>\
         <main><h1>Running shoes</h1><div class='grid'>{cards}</div></main>\
         <div class='category-seo'><h2>How to choose running shoes</h2>\
         <p>Start with where you run. Road shoes are lighter and cushion the repeated impact \
         of tarmac, while trail shoes trade some of that softness for grip, a rock plate and \
         an upper that sheds mud and water on the way down a wet hill.</p>\
         <p>Then look at fit before looks: your feet swell over a long run, so leave a \
         thumb's width at the toe, try shoes on in the afternoon, and bring the socks you \
         race in. Our staff test every model for a month before it goes on sale, and write \
         up what they found on each product's page.</p></div>\
         <footer><p>Free returns within 30 days.</p><a href='/privacy'>Privacy</a></footer>\
         </body></html>"
    );
    let text = clean_as(&html, article_cleaner::PageType::Collection);
    for words in ["Road racer", "Start with where you run", "thumb's width"] {
        assert!(text.contains(words), "{words} not in {text}");
    }
    assert!(!text.contains("Free returns"), "{text}");
    // Read in document order: the grid, then the description.
    assert!(text.find("Hiking boot") < text.find("Start with where you run"));
}

/// An ad's label above a post's text, in the same container ("Advertisement - members don't
/// see this ad"), does not make the short post furniture: the label goes, the post stays.
#[test]
fn an_ad_label_above_a_post_does_not_take_the_post() {
    let post = |author: &str, body: &str| {
        format!(
            "<article class='message'><a class='username' href='/u/{author}'>{author}</a> \
             <time datetime='2024-07-18'>Jul 18, 2024</time><div class='message-userContent'>\
             <div><div class='ad-unit'>Advertisement - <a href='/register'>Members</a> don't \
             see this ad</div><div class='bbWrapper'>{body}</div></div></div></article>"
        )
    };
    let posts = [
        post(
            "boobook",
            "Interview invitations went out today, so here is the thread for this year.",
        ),
        post("pnomes", POST),
        post("quoll", POST),
    ]
    .concat();
    let html = format!(
        "<html><body><main><h1>Application thread</h1><div class='posts'>{posts}</div>\
         </main></body></html>"
    );
    let text = clean_as(&html, article_cleaner::PageType::Forum);
    assert!(text.contains("Interview invitations went out"), "{text}");
    assert!(!text.contains("see this ad"), "{text}");
}

/// A post's body around both the poster's card and the message (`postbody` holding
/// `postleft` and `postmsg`): the card's stats are furniture, the message is the post.
#[test]
fn a_posters_card_inside_the_post_body_is_furniture() {
    let post = |author: &str, body: &str| {
        format!(
            "<div class='blockpost'><h2><a href='/p/{author}'>2024-08-03 10:59:47</a></h2>\
             <div class='postbody'><div class='postleft'><dl><dt><strong>{author}</strong></dt>\
             <dd><span>Registered: 2012-09-03</span></dd><dd><span>Posts: 73,365</span></dd>\
             </dl></div><div class='postright'><div class='postmsg'>{body}</div></div></div></div>"
        )
    };
    let posts = [
        post("seth", POST),
        post(
            "loqui",
            "<p>Most old boards run on software nobody maintains any more, and the ones that \
             are maintained look nothing like this one.</p>",
        ),
    ]
    .concat();
    let html = format!(
        "<html><body><main><h1>Forum software like this one</h1><div class='posts'>{posts}\
         </div></main></body></html>"
    );
    let text = clean_as(&html, article_cleaner::PageType::Forum);
    assert!(
        text.contains("no longer breaks") && text.contains("nobody maintains"),
        "{text}"
    );
    for furniture in ["Registered", "73,365"] {
        assert!(!text.contains(furniture), "{furniture} in {text}");
    }
}

/// A short post that is mostly a link (a video's address) is still a post: its text
/// container is not link-dense furniture.
#[test]
fn a_post_that_is_mostly_a_link_stays() {
    let post = |author: &str, body: &str| {
        format!(
            "<article class='message'><a class='username' href='/u/{author}'>{author}</a> \
             <time datetime='2024-07-18'>Jul 18, 2024</time><div class='message-userContent'>\
             <div class='bbWrapper'>{body}</div></div></article>"
        )
    };
    let posts = [
        post("tamsin", POST),
        post(
            "odile",
            "<p>We ship a raised minimum in a patch release, and in years of doing so nobody \
             has complained, because the resolver picks an older version for them anyway. \
             Those who pin their dependencies see the change when they update, read the \
             changelog, and move on; those who do not never notice it at all.</p>",
        ),
        post(
            "ravi",
            "Did it years ago.<br><br><i><span><a href='https://video.example/watch?v=abc'>\
             View: https://video.example/watch?v=abcdefghijklmnopqrstuvwxyz0123456789</a>\
             </span></i><br><br>(At 21:49)",
        ),
    ]
    .concat();
    let html = format!(
        "<html><body><main><h1>Who has done it</h1><div class='posts'>{posts}</div>\
         </main></body></html>"
    );
    let text = clean_as(&html, article_cleaner::PageType::Forum);
    assert!(text.contains("Did it years ago"), "{text}");
}

/// A card's attribute written as its label with the value in a block of its own
/// (`<div>Weight: <div>0.7 lbs</div></div>`) keeps its label: that wrapper is not an empty
/// one around the value, and folding it away would take the label's words with it.
#[test]
fn a_cards_label_beside_its_value_block_stays() {
    let cards: String = [("Trail runner", "0.7 lbs"), ("Road racer", "0.6 lbs")]
        .iter()
        .map(|(name, weight)| {
            format!(
                "<div class='product-card'><h3><a href='/p/{}'>{name}</a></h3><p>Light, \
                 grippy and made to last, with a recycled upper and a cushioned sole.</p>\
                 <span class='price'>$120</span><div class='attributes'><div class='row'>\
                 <div class='label'>Heel drop: <div class='value'>6 mm </div></div></div>\
                 <div class='row'><div class='label'>Weight: <div class='value'>{weight} \
                 </div></div></div></div></div>",
                name.len()
            )
        })
        .collect();
    let html = format!(
        "<html><body><main><h1>Running shoes</h1><p>Our full range of running shoes, for \
         road, trail and track, tested by our own staff.</p><div class='grid'>{cards}</div>\
         </main></body></html>"
    );
    let text = clean_as(&html, article_cleaner::PageType::Collection);
    assert!(
        text.contains("Road racer") && text.contains("0.6 lbs"),
        "{text}"
    );
    assert_eq!(text.matches("Weight:").count(), 2, "{text}");
    assert_eq!(text.matches("Heel drop:").count(), 2, "{text}");
}

/// The site's menu inside the block that holds the thread (a `<nav>` of links) goes; a link
/// inside a post stays.
#[test]
fn a_menu_inside_the_article_goes() {
    let post = |author: &str, body: &str| {
        format!(
            "<article class='message'><a class='username' href='/u/{author}'>{author}</a> \
             <time datetime='2024-07-18'>Jul 18, 2024</time><div class='message-body'>{body}\
             </div></article>"
        )
    };
    let posts = [
        post("tamsin", POST),
        post(
            "odile",
            "<p>We ship a raised minimum in a patch release, as the <a href='/guide'>release \
             guide</a> allows, and in years of doing so nobody has complained.</p>",
        ),
    ]
    .concat();
    let menu = [
        "Forums",
        "Guidelines",
        "Staff",
        "Online users",
        "Unread threads",
    ]
    .iter()
    .map(|item| format!("<li><a href='/{}'>{item}</a></li>", item.len()))
    .collect::<String>();
    let html = format!(
        "<html><body><main><nav class='site-nav'><ul>{menu}</ul></nav>\
         <h1>Raising the minimum version</h1>{posts}</main></body></html>"
    );
    let text = clean_as(&html, article_cleaner::PageType::Forum);
    assert!(text.contains("release guide"), "{text}");
    for item in ["Guidelines", "Online users", "Unread threads"] {
        assert!(!text.contains(item), "{item} in {text}");
    }
}

/// A signature that is one wrapper around rich text (`ipsEntry__signature` around
/// `ipsRichText`) is still a signature once the wrapper is folded away; a post body whose
/// wrapper's class only ends in `_sig` is not.
#[test]
fn a_signature_around_one_block_goes_with_it() {
    let post = |author: &str, body: &str| {
        format!(
            "<article class='post'><a class='username' href='/u/{author}'>{author}</a> \
             <time datetime='2024-07-18'>Jul 18, 2024</time>\
             <div class='postcontentheight_sig'><div class='content'>{body}</div></div>\
             <div class='entry__signature'><div class='rich-text'><p>Buying me a coffee is \
             a generous way to say thanks, never expected and always appreciated.</p>\
             <p>Tip of the week: pin your toolchain.</p></div></div></article>"
        )
    };
    let posts = [
        post("tamsin", POST),
        post(
            "odile",
            "<p>We ship a raised minimum in a patch release, and in years of doing so nobody \
             has complained, because the resolver picks an older version for them anyway.</p>",
        ),
    ]
    .concat();
    let html = format!(
        "<html><body><main><h1>Raising the minimum version</h1>{posts}</main></body></html>"
    );
    let text = clean_as(&html, article_cleaner::PageType::Forum);
    assert!(
        text.contains("no longer breaks") && text.contains("patch release"),
        "{text}"
    );
    assert!(
        !text.contains("coffee") && !text.contains("Tip of the week"),
        "{text}"
    );
}

/// A poster's picture drawn as their initial or a "?" (a letter in an `avatar` element) is
/// not text of the thread; a post that begins with a letter stays.
#[test]
fn an_avatars_initials_are_furniture() {
    let post = |author: &str, initial: &str, body: &str| {
        format!(
            "<article class='message'><span class='avatar avatar--default'>\
             <span class='avatar-letter'>{initial}</span></span> <a class='username' \
             href='/u/{author}'>{author}</a> <time datetime='2024-07-18'>Jul 18, 2024</time>\
             <div class='message-userContent'><div class='bbWrapper'>{body}</div></div>\
             </article>"
        )
    };
    let posts = [
        post("zephyr", "Z", POST),
        post(
            "guest",
            "?",
            "<p>Q. Which projector did you end up with? I would keep the old one until the \
             lamp goes, then buy whatever the best laser model is that year.</p>",
        ),
    ]
    .concat();
    let html = format!(
        "<html><body><main><h1>Replacement projector</h1><div class='posts'>{posts}</div>\
         </main></body></html>"
    );
    let text = clean_as(&html, article_cleaner::PageType::Forum);
    assert!(
        text.contains("Q. Which projector") && text.contains("zephyr"),
        "{text}"
    );
    assert!(
        !text.contains("Z zephyr") && !text.contains("? guest"),
        "{text}"
    );
}

/// A shop card's badge ("Best seller") and review count ("(128 reviews)") are not the card's
/// content (`precision.shop-badge`); the same words in the page's introduction are.
#[test]
fn shop_badges_go_and_the_same_words_in_a_sentence_stay() {
    let card = |name: &str, badge: &str| {
        format!(
            "<li class='product-card'><div class='badge'>{badge}</div><h3><a href='/p/{name}'>\
             {name} kettle</a></h3><p>Brushed steel, 1.7 litres, boils a full jug in four \
             minutes.</p><div class='rating'>(128 reviews)</div><span class='price'>$49.00\
             </span></li>"
        )
    };
    let html = format!(
        "<html><body><main><h1>Kettles</h1><p>Our best seller for ten years running is the \
         Alder, and its 128 reviews say why: it is quiet, quick and easy to descale.</p>\
         <ul class='grid'>{}{}{}</ul></main></body></html>",
        card("Alder", "Best seller"),
        card("Birch", "Top rated"),
        card("Cedar", "Staff pick"),
    );
    let text = clean_as(&html, article_cleaner::PageType::Collection);
    for words in [
        "Our best seller for ten years",
        "its 128 reviews say why",
        "Cedar kettle",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    for badge in ["Top rated", "Staff pick", "(128 reviews)"] {
        assert!(!text.contains(badge), "{badge}: {text}");
    }
    assert_eq!(text.matches("Best seller").count(), 0, "{text}");
}
