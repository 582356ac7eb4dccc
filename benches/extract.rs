//! Criterion benchmark: article_cleaner vs dom_smoothie on a size-spread subset of the
//! scrapinghub corpus (smallest, quartiles, largest page). `cargo bench --bench extract`.
//! For a run over all 181 pages see `cargo run --release --example compare_speed`.

mod common;

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn extract(c: &mut Criterion) {
    let mut pages = common::load_scrapinghub();
    pages.sort_by_key(|page| page.html.len());
    let last = pages.len() - 1;
    let subset = [0, last / 4, last / 2, 3 * last / 4, last].map(|i| &pages[i]);

    for page in subset {
        let mut group = c.benchmark_group(format!("{:.8}-{}KB", page.id, page.html.len() / 1024));
        group.throughput(Throughput::Bytes(page.html.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter("article_cleaner"),
            page,
            |b, p| b.iter(|| common::ours(black_box(p))),
        );
        group.bench_with_input(BenchmarkId::from_parameter("dom_smoothie"), page, |b, p| {
            b.iter(|| common::dom_smoothie(black_box(p)))
        });
        group.finish();
    }
}

criterion_group!(benches, extract);
criterion_main!(benches);
