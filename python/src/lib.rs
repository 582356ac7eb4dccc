//! Python bindings of article-cleaner (the `article_cleaner._native` module; the Python
//! package `article_cleaner` re-exports it). A thin layer: options and results are
//! converted in `convert`, exceptions live in `errors`, and the work is the crate's.
//!
//! Every call releases the GIL while it cleans, so Python threads run meanwhile and
//! `clean_batch` and `clean_files` use every core. Nothing is kept between calls.

mod convert;
mod errors;
mod files;

use std::num::NonZeroUsize;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use article_cleaner::{Article, Cleaner, Error, Options};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};

use convert::Page;

/// What became of one page.
enum Outcome {
    Article(Box<Article>),
    Failed(Error),
    /// The cleaner panicked: a bug, reported as code `INTERNAL`.
    Panicked,
}

/// Cleans one page; a panic is caught so that one bad page never takes the caller down.
fn clean_page(page: &Page, options: &Options) -> Outcome {
    let result = catch_unwind(AssertUnwindSafe(|| match page {
        Page::Text(text) => article_cleaner::clean(text, options),
        Page::Bytes(bytes) => Cleaner::new(options.clone()).and_then(|mut cleaner| {
            cleaner.write(bytes)?;
            cleaner.finish()
        }),
    }));
    match result {
        Ok(Ok(article)) => Outcome::Article(Box::new(article)),
        Ok(Err(error)) => Outcome::Failed(error),
        Err(_) => Outcome::Panicked,
    }
}

/// clean(html, url=None, **options) -> dict
///
/// Cleans a page given as `str`, or as `bytes` in any charset (BOM, the `encoding` option,
/// else the first `<meta charset>`, else UTF-8).
#[pyfunction]
#[pyo3(signature = (html, url=None, **options))]
fn clean<'py>(
    py: Python<'py>,
    html: &Bound<'py, PyAny>,
    url: Option<String>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyDict>> {
    let page = Page::from_py(html)?;
    let options = convert::options(url, options)?;
    match py.detach(|| clean_page(&page, &options)) {
        Outcome::Article(article) => convert::article(py, &article),
        Outcome::Failed(error) => Err(errors::to_py(&error)),
        Outcome::Panicked => Err(errors::internal()),
    }
}

/// is_probably_readerable(html, url=None, **options) -> bool
///
/// Readability.js's cheap pre-check (`min_content_length` and `min_score` apply). Bytes are
/// decoded with the `encoding` option or their BOM, else as UTF-8.
#[pyfunction]
#[pyo3(signature = (html, url=None, **options))]
fn is_probably_readerable<'py>(
    py: Python<'py>,
    html: &Bound<'py, PyAny>,
    url: Option<String>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<bool> {
    let page = Page::from_py(html)?;
    let options = convert::options(url, options)?;
    Ok(py.detach(|| match &page {
        Page::Text(text) => article_cleaner::is_probably_readerable(text, &options),
        Page::Bytes(bytes) => {
            // validate() has checked the label.
            let fallback = options
                .encoding
                .as_deref()
                .and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes()))
                .unwrap_or(encoding_rs::UTF_8);
            let (text, _, _) = fallback.decode(bytes);
            article_cleaner::is_probably_readerable(&text, &options)
        }
    }))
}

/// clean_batch(pages, threads=None, **options) -> list
///
/// Cleans many pages in parallel (GIL released). Each page is `str`, `bytes`, a
/// `(html, url)` pair or a dict with `html` and optionally `url` (other keys are ignored).
/// Returns one entry per page in input order: the article dict, or the
/// `ArticleCleanerError` instance (`NotReaderable`...) that page raised; never drops one.
#[pyfunction]
#[pyo3(signature = (pages, threads=None, **options))]
fn clean_batch<'py>(
    py: Python<'py>,
    pages: &Bound<'py, PyAny>,
    threads: Option<usize>,
    options: Option<&Bound<'py, PyDict>>,
) -> PyResult<Bound<'py, PyList>> {
    let base = convert::options(None, options)?;
    let threads = thread_count(threads)?;
    let mut jobs = Vec::new();
    for (index, item) in pages.try_iter()?.enumerate() {
        let (page, url) = batch_item(&item?)
            .map_err(|error| PyTypeError::new_err(format!("pages[{index}]: {error}")))?;
        jobs.push((page, url));
    }
    let outcomes = py.detach(|| clean_all(&jobs, &base, threads));
    let results = PyList::empty(py);
    for outcome in outcomes {
        match outcome {
            Outcome::Article(article) => results.append(convert::article(py, &article)?)?,
            Outcome::Failed(error) => results.append(errors::to_py(&error).into_value(py))?,
            Outcome::Panicked => results.append(errors::internal().into_value(py))?,
        }
    }
    Ok(results)
}

fn batch_item(item: &Bound<'_, PyAny>) -> PyResult<(Page, Option<String>)> {
    if item.is_instance_of::<PyString>() || item.is_instance_of::<pyo3::types::PyBytes>() {
        return Ok((Page::from_py(item)?, None));
    }
    if let Ok(pair) = item.cast::<PyTuple>() {
        if pair.len() == 2 {
            return Ok((
                Page::from_py(&pair.get_item(0)?)?,
                pair.get_item(1)?.extract()?,
            ));
        }
    }
    if let Ok(record) = item.cast::<PyDict>() {
        let html = record
            .get_item("html")?
            .ok_or_else(|| PyTypeError::new_err("a dict page needs an \"html\" key"))?;
        let url = match record.get_item("url")? {
            Some(url) => url.extract()?,
            None => None,
        };
        return Ok((Page::from_py(&html)?, url));
    }
    Err(PyTypeError::new_err(format!(
        "a page is str, bytes, (html, url) or a dict with \"html\", not {}",
        item.get_type().name()?
    )))
}

fn thread_count(threads: Option<usize>) -> PyResult<usize> {
    match threads {
        Some(0) => Err(PyValueError::new_err("threads must be at least 1")),
        Some(threads) => Ok(threads),
        None => Ok(thread::available_parallelism().map_or(1, NonZeroUsize::get)),
    }
}

/// Cleans every job on `threads` threads; each takes the next job in turn, so one slow
/// page does not hold up the others. Outcomes are in input order.
fn clean_all(jobs: &[(Page, Option<String>)], base: &Options, threads: usize) -> Vec<Outcome> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some((page, url)) = jobs.get(index) else {
                return done;
            };
            let outcome = match url {
                None => clean_page(page, base),
                Some(url) => {
                    let options = Options {
                        url: Some(url.clone()),
                        ..base.clone()
                    };
                    clean_page(page, &options)
                }
            };
            done.push((index, outcome));
        }
    };
    let threads = threads.min(jobs.len()).max(1);
    let done: Vec<(usize, Outcome)> = if threads == 1 {
        work()
    } else {
        thread::scope(|scope| {
            let handles: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
            handles
                .into_iter()
                .flat_map(|handle| handle.join().unwrap_or_default())
                .collect()
        })
    };
    let mut outcomes: Vec<Option<Outcome>> = (0..jobs.len()).map(|_| None).collect();
    for (index, outcome) in done {
        outcomes[index] = Some(outcome);
    }
    // A worker that died would leave a hole: report it rather than drop the page.
    outcomes
        .into_iter()
        .map(|outcome| outcome.unwrap_or(Outcome::Panicked))
        .collect()
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(clean, module)?)?;
    module.add_function(wrap_pyfunction!(is_probably_readerable, module)?)?;
    module.add_function(wrap_pyfunction!(clean_batch, module)?)?;
    module.add_function(wrap_pyfunction!(files::clean_files, module)?)?;
    module.add_class::<files::FileLines>()?;
    module.add("INTERNAL", errors::INTERNAL)?;
    errors::register(module)
}
