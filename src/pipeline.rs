//! The pipeline after ingest, phase by phase, in the order of the crate docs. Every phase
//! reports what it removes, and why, to the trace (explain mode).

use crate::cleanup::{conditional, declared_body, post_process, precision};
use crate::error::{Error, ErrorKind};
use crate::explain::{Retry, Step, Trace};
use crate::ingest::Page;
use crate::measure::inner_text;
use crate::metadata::Metadata;
use crate::page_type::PageType;
use crate::render::html::HtmlSink;
use crate::rules::Rule;
use crate::score::{Scored, Strategy};
use crate::tree::{NodeId, Tag, Tree};
use crate::url::Resolver;
use crate::{
    conform, markup, metadata, page_type, patterns, prepare, render, score, structure, text, url,
    Article, Options,
};

/// Everything after ingest (phase 1): the page's tree and metadata in, the article out.
pub fn extract(
    page: Page,
    options: &Options,
    sink: Option<&mut dyn HtmlSink>,
) -> Result<Article, Error> {
    let Page {
        mut tree,
        meta,
        mut trace,
    } = page;

    // 2. Page type: what a reader of this page wants decides how it is extracted.
    let (page_type, article_probability) = match options.page_type {
        Some(forced) => (forced, f32::from(forced == page_type::PageType::Article)),
        None => page_type::classify(&tree, &meta, options.url.as_deref()),
    };

    // 3. Prepare: noscript images, images without a source, `<br><br>` paragraphs.
    prepare::prepare(&mut tree, &mut trace);

    // 4. Metadata, with Readability.js's precedence (the headings help choose the title).
    let (headings, single_h1) = title_headings(&tree);
    let metadata = metadata::resolve(&meta, &headings, single_h1.as_deref());
    // What the page says of itself decides, with its type, how it is extracted.
    let article_evidence = metadata.byline.is_some()
        || metadata.published_time.is_some()
        || page_type::og_type(&meta) == "article";
    let strategy = Strategy::for_page(page_type, article_probability, article_evidence);
    let resolver = Resolver::new(options.url.as_deref(), meta.base_href.as_deref());
    let context = Context {
        tree: &tree,
        metadata: &metadata,
        resolver: &resolver,
        options,
        trace: &trace,
    };
    // A page where no block reads as the article may still be a page of short sections (a
    // landing page): read as its whole main region before giving up.
    let extracted = match extract_as(&context, page_type, &strategy) {
        Err(error) if options.page_type.is_none() && !strategy.whole_region => {
            let region_type = match page_type {
                PageType::Product
                | PageType::Service
                | PageType::Collection
                | PageType::Listing => page_type,
                PageType::Article | PageType::Forum | PageType::Documentation => PageType::Service,
            };
            let sections = Strategy::for_page(region_type, 0.0, article_evidence);
            let mut extracted = extract_as(&context, region_type, &sections).map_err(|_| error)?;
            if extracted.trace.is_on() {
                extracted.trace.winner.insert(
                    0,
                    Step {
                        rule: Rule::ScoreSectionsFallback.name().to_owned(),
                        path: "body".to_owned(),
                    },
                );
            }
            extracted
        }
        result => result?,
    };
    let Extracted {
        work,
        article,
        dir,
        byline,
        trace,
        retry,
        text_content,
        page_type,
    } = extracted;
    if let Some(sink) = sink {
        render::html::render_into(&work, article, options.keep_classes, sink);
    }
    let excerpt = metadata
        .excerpt
        .clone()
        .or_else(|| first_paragraph(&work, article));
    let word_count = text::count_words(&text_content);
    let byline = metadata.byline.clone().or(byline);
    let lead_image = metadata
        .lead_image
        .as_deref()
        .map(|image| resolver.resolve(image))
        .filter(|image| url::is_safe_url(image, true) && !image.is_empty());
    Ok(Article {
        title: Some(metadata.title.clone()).filter(|t| !t.is_empty()),
        byline: byline.clone(),
        site_name: metadata.site_name.clone(),
        published_time: metadata.published_time.clone(),
        lang: metadata.lang.clone().or(meta.content_language.clone()),
        dir: dir.or(meta.body_dir.clone()).or(meta.html_dir.clone()),
        excerpt,
        lead_image,
        content: if options.output_html {
            render::html::render(&work, article, options.keep_classes)
        } else {
            String::new()
        },
        length: text_content.encode_utf16().count(),
        word_count,
        reading_time_minutes: word_count
            .div_ceil(patterns::READING_WORDS_PER_MINUTE)
            .max(1),
        markdown: options.output_markdown.then(|| {
            let header = render::markdown::Header {
                title: Some(metadata.title.as_str()),
                byline: byline.as_deref(),
                published_time: metadata.published_time.as_deref(),
            };
            render::markdown::render(&work, article, &header)
        }),
        text_content: if options.output_text {
            text_content
        } else {
            String::new()
        },
        page_type,
        explain: trace.finish(retry),
    })
}

/// What every extraction of one page shares.
struct Context<'a> {
    tree: &'a Tree,
    metadata: &'a Metadata,
    resolver: &'a Resolver,
    options: &'a Options,
    trace: &'a Trace,
}

/// The article of one extraction, and its text.
struct Extracted {
    work: Tree,
    article: NodeId,
    dir: Option<String>,
    byline: Option<String>,
    trace: Trace,
    retry: Retry,
    text_content: String,
    page_type: PageType,
}

/// Phases 5 to 12 (up to the text) for one page type and strategy.
fn extract_as(
    context: &Context,
    page_type: PageType,
    strategy: &Strategy,
) -> Result<Extracted, Error> {
    let Context {
        tree,
        metadata,
        resolver,
        options,
        trace,
    } = *context;
    // 5. Score: the best candidate and its siblings; each attempt is cleaned conditionally
    //    and measured, and a short one makes the next attempt relax the rules.
    let Scored {
        tree: mut work,
        article,
        dir,
        byline,
        mut trace,
        retry,
        length: _,
    } = score::find_article(
        tree,
        &metadata.title,
        metadata.byline.is_none(),
        options.char_threshold,
        strategy,
        conditional::prep_article,
        trace,
    )
    .ok_or_else(not_readerable)?;

    // 6. Post-process: absolute URLs, script links, empty containers, nested wrappers.
    post_process::post_process(
        &mut work,
        article,
        resolver,
        strategy.keep_post_meta,
        &mut trace,
    );

    // 7. Conform: the tree a browser's parser builds back from our HTML. Before the
    //    precision pass, which then sees the blocks a second cleaning would see.
    conform::conform(&mut work, article);

    // 8. Precision: the boilerplate the Readability rules keep.
    precision::remove_boilerplate(&mut work, article, strategy, &mut trace);
    if strategy.drop_repeated_blocks {
        precision::remove_repeated_blocks(&mut work, article, &mut trace);
    }

    // 9. The page's declared body (JSON-LD `articleBody`), when it is the full text.
    if let Some(declared) = &metadata.declared_body {
        declared_body::trim_to_declared_body(&mut work, article, declared, &mut trace);
    }

    // Containers the last two phases emptied (a quote whose one link went).
    precision::remove_emptied(&mut work, article, &mut trace);

    // 10. Structure: a thread's posts and a list's items as `<article>`s.
    structure::mark_units(&mut work, article, page_type);

    // 11. Markup: footnotes linked, code with its language, callouts with their kind.
    markup::keep_markup(&mut work, article, &mut trace);

    // 12. Render: text (which also decides readerability).
    let text_content =
        render::text::render(&work, article, options.text_captions, options.readable_math);
    if text_content.trim().is_empty() || is_links_only(&work, article) {
        return Err(not_readerable());
    }
    Ok(Extracted {
        work,
        article,
        dir,
        byline,
        trace,
        retry,
        text_content,
        page_type,
    })
}

/// `score.links-only`: a few links left over, not an article.
fn is_links_only(tree: &Tree, article: NodeId) -> bool {
    crate::measure::is_shorter_than(tree, article, patterns::LINKS_ONLY_MAX_CHARS)
        && crate::measure::link_density(tree, article) >= patterns::LINKS_ONLY_MIN_DENSITY
}

fn not_readerable() -> Error {
    Error::new(
        ErrorKind::NotReaderable,
        "no article content was found in the page",
    )
}

/// Texts of `<h1>`/`<h2>` (for the title heuristics) and of the only `<h1>`, if single.
fn title_headings(tree: &Tree) -> (Vec<String>, Option<String>) {
    let mut headings = Vec::new();
    let mut h1s = Vec::new();
    for id in tree.descendants(Tree::ROOT) {
        match tree.tag(id) {
            Some(Tag::H1) => {
                let text = inner_text(tree, id);
                h1s.push(text.clone());
                headings.push(text);
            }
            Some(Tag::H2) => headings.push(inner_text(tree, id)),
            _ => {}
        }
    }
    let single = if h1s.len() == 1 { h1s.pop() } else { None };
    (headings, single)
}

fn first_paragraph(tree: &Tree, article: NodeId) -> Option<String> {
    tree.descendants(article)
        .find(|&id| tree.is_tag(id, Tag::P))
        .map(|id| inner_text(tree, id))
        .filter(|text| !text.is_empty())
}
