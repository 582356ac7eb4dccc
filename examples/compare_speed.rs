//! Speed comparison over all scrapinghub pages: article_cleaner vs dom_smoothie 0.19
//! (formatted text). Page by page, the two extractors alternate, REPS runs each; each page's
//! time is its median run. `cargo run --release --example compare_speed`
//! (corpus root: env CORPUS_DIR, default ../shared/corpus).

// Native only: `wasm-pack test` builds examples for wasm32 too (tests/web.rs runs there),
// and dom_smoothie and flate2 are native-only dev-dependencies.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

#[path = "../benches/common/mod.rs"]
mod common;

use std::hint::black_box;
use std::time::Instant;

const REPS: usize = 5;

fn time_ms(f: impl Fn() -> String) -> f64 {
    let start = Instant::now();
    black_box(f());
    start.elapsed().as_secs_f64() * 1000.0
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    }
}

/// Nearest-rank percentile.
fn percentile(values: &mut [f64], p: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    let rank = (p / 100.0 * values.len() as f64).ceil() as usize;
    values[rank.clamp(1, values.len()) - 1]
}

fn main() {
    let pages = common::load_scrapinghub();
    let mut ours = Vec::with_capacity(pages.len());
    let mut theirs = Vec::with_capacity(pages.len());
    let mut empty = (0, 0);
    for page in &pages {
        // One untimed warm-up run each, then REPS timed runs, alternating who goes first.
        empty.0 += usize::from(common::ours(page).trim().is_empty());
        empty.1 += usize::from(common::dom_smoothie(page).trim().is_empty());
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for rep in 0..REPS {
            if rep % 2 == 0 {
                a.push(time_ms(|| common::ours(page)));
                b.push(time_ms(|| common::dom_smoothie(page)));
            } else {
                b.push(time_ms(|| common::dom_smoothie(page)));
                a.push(time_ms(|| common::ours(page)));
            }
        }
        ours.push(median(&mut a));
        theirs.push(median(&mut b));
    }

    let mut ratios: Vec<f64> = theirs.iter().zip(&ours).map(|(t, o)| t / o).collect();
    let (slowest, slowest_ms) = ours
        .iter()
        .enumerate()
        .max_by(|x, y| x.1.total_cmp(y.1))
        .map(|(i, ms)| (&pages[i], *ms))
        .expect("no pages");
    let slowest_theirs = theirs[pages.iter().position(|p| p.id == slowest.id).unwrap()];
    let total_mb = pages.iter().map(|p| p.html.len()).sum::<usize>() as f64 / 1e6;
    let (ours_total, theirs_total) = (ours.iter().sum::<f64>(), theirs.iter().sum::<f64>());

    println!(
        "{} scrapinghub pages, {total_mb:.1} MB, {REPS} runs each, per-page medians",
        pages.len()
    );
    println!(
        "{:<16} {:>12} {:>10} {:>10} {:>10}",
        "", "median ms", "p90 ms", "total ms", "MB/s"
    );
    for (name, times, total) in [
        ("article_cleaner", &mut ours, ours_total),
        ("dom_smoothie", &mut theirs, theirs_total),
    ] {
        println!(
            "{name:<16} {:>12.3} {:>10.3} {:>10.1} {:>10.1}",
            median(times),
            percentile(times, 90.0),
            total,
            total_mb / (total / 1000.0)
        );
    }
    println!(
        "median of per-page ratios (dom_smoothie / ours): {:.2}x",
        median(&mut ratios)
    );
    println!(
        "ratio of medians (dom_smoothie / ours):          {:.2}x",
        median(&mut theirs) / median(&mut ours)
    );
    println!(
        "per-page ratio p10 / p90:                        {:.2}x / {:.2}x",
        percentile(&mut ratios, 10.0),
        percentile(&mut ratios, 90.0)
    );
    println!(
        "pages with empty text (error or nothing found): article_cleaner {}, dom_smoothie {}",
        empty.0, empty.1
    );
    println!(
        "our slowest page: {} ({:.0} KB): {slowest_ms:.3} ms (dom_smoothie {slowest_theirs:.3} ms)",
        slowest.id,
        slowest.html.len() as f64 / 1024.0
    );
}
