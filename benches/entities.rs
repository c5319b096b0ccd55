//! Throughput of `analysis::entities::find_entities` over the BBC corpus on
//! one core (MB/s). Skips when the shared corpus is missing.

use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::analysis::{entities::find_entities, segment};
use gloss::corpus::Corpus;

/// The normalised texts of the BBC corpus, read by gloss's own loader
/// (empty when the shared corpus is missing).
fn load_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc");
    Corpus::load(&root)
        .map(|c| c.articles.into_iter().map(|a| a.text).collect())
        .unwrap_or_default()
}

fn bench_entities(c: &mut Criterion) {
    let texts = load_texts();
    if texts.is_empty() {
        eprintln!("skipped: ../shared/corpora/bbc not found");
        return;
    }
    let sentences: Vec<_> = texts.iter().map(|t| segment::sentences(t)).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut group = c.benchmark_group("entities");
    group
        .throughput(Throughput::Bytes(bytes as u64))
        .measurement_time(Duration::from_secs(3))
        .sample_size(10);
    group.bench_function("find_entities_bbc_corpus", |b| {
        b.iter(|| {
            texts
                .iter()
                .zip(&sentences)
                .map(|(t, s)| find_entities(t, s).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_entities);
criterion_main!(benches);
