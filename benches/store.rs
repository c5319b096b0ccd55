//! Speed of the annotation sidecar: saving 10,000 annotations (target < 50 ms),
//! and loading them and re-anchoring against the BBC corpus (target < 100 ms).
//! The BBC corpus is read from `../shared/corpora/bbc`; without it the load
//! benchmark is skipped and saving uses generated text.

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::analysis::Span;
use gloss::annotations::{Annotation, AnnotationId, AnnotationStore, TextTarget};
use gloss::corpus::{Article, Corpus};

const ANNOTATIONS: usize = 10_000;

fn bbc() -> Option<Corpus> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc");
    if !path.is_dir() {
        eprintln!("skipping the BBC benchmarks: {} is missing", path.display());
        return None;
    }
    Corpus::load(&path).ok()
}

/// Sentence-like spans of an article: text between full stops, 20 to 400 bytes.
fn sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '.' || c == '\n' {
            let s = start + (text[start..i].len() - text[start..i].trim_start().len());
            if (20..400).contains(&(i - s)) {
                spans.push(Span::new(s, i + 1));
            }
            start = i + 1;
        }
    }
    spans
}

/// 10,000 annotations on real sentences, spread over the articles, with a
/// speaker, tags and a note each.
fn annotations(articles: &[Article]) -> Vec<Annotation> {
    let per_article: Vec<(&Article, Vec<Span>)> = articles
        .iter()
        .map(|a| (a, sentences(&a.text)))
        .filter(|(_, s)| !s.is_empty())
        .collect();
    let mut out = Vec::with_capacity(ANNOTATIONS);
    let mut round = 0;
    while out.len() < ANNOTATIONS && !per_article.is_empty() {
        for (article, spans) in &per_article {
            if out.len() == ANNOTATIONS {
                break;
            }
            let span = spans[round % spans.len()];
            let Ok(target) = TextTarget::from_byte_span(&article.text, span) else {
                continue;
            };
            let mut a = Annotation::new(article.id.0.clone(), Some(target));
            a.kind = Some("selection".to_string());
            a.speaker = Some(format!("Speaker {}", out.len() % 300));
            a.tags = vec!["review".to_string(), format!("topic-{}", out.len() % 40)];
            a.note = format!("Note number {} about this statement.", out.len());
            out.push(a);
        }
        round += 1;
    }
    out
}

fn generated_articles() -> Vec<Article> {
    (0..2000)
        .filter_map(|i| {
            let text = format!(
                "Title {i}\n\nThe first sentence of article {i} says something. \
                 A second sentence follows with “a quotation” in it. \
                 The third sentence closes the article number {i}.\n"
            );
            Article::from_bytes(&format!("gen/{i}.txt"), text.as_bytes())
        })
        .collect()
}

fn filled_store(path: &Path, annotations: Vec<Annotation>) -> (AnnotationStore, AnnotationId) {
    let mut store = AnnotationStore::open(path).expect("open");
    let mut first = None;
    for a in annotations {
        let id = store.add(a).expect("add");
        first.get_or_insert(id);
    }
    store.flush().expect("save");
    (store, first.expect("annotations"))
}

fn bench_store(c: &mut Criterion) {
    let corpus = bbc();
    let articles = corpus
        .as_ref()
        .map_or_else(generated_articles, |c| c.articles.clone());
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join(".gloss").join("annotations.json");
    let (mut store, id) = filled_store(&path, annotations(&articles));
    let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    eprintln!("sidecar: {} annotations, {bytes} bytes", store.len());

    let mut group = c.benchmark_group("sidecar");
    group
        .measurement_time(Duration::from_secs(3))
        .sample_size(10);

    let mut n = 0u64;
    group.bench_function("save 10k annotations after one edit", |b| {
        b.iter(|| {
            n += 1;
            store.set_note(&id, &format!("edit {n}")).expect("edit");
            black_box(store.flush().expect("save"))
        })
    });

    // The first save after opening renders every annotation; later saves
    // only the changed ones.
    group.bench_function("first save after opening 10k annotations", |b| {
        b.iter_batched(
            || {
                let mut fresh = AnnotationStore::open(&path).expect("open");
                n += 1;
                fresh.set_note(&id, &format!("edit {n}")).expect("edit");
                fresh
            },
            |mut fresh| {
                fresh.flush().expect("save");
                fresh
            },
            criterion::BatchSize::PerIteration,
        )
    });

    let bytes = std::fs::read(&path).expect("read");
    group.bench_function("part: parse 10k annotations", |b| {
        b.iter(|| black_box(gloss::annotations::file::parse(&path, &bytes).expect("parse")))
    });
    let sidecar = gloss::annotations::file::parse(&path, &bytes).expect("parse");
    group.bench_function(
        "part: serialise 10k annotations (serde_json, no cache)",
        |b| b.iter(|| black_box(gloss::annotations::render::to_pretty_json(&sidecar))),
    );
    group.bench_function("part: durable write of the bytes", |b| {
        b.iter(|| gloss::annotations::file::write_durably(&path, &bytes).expect("write"))
    });

    if let Some(corpus) = &corpus {
        let loaded = AnnotationStore::open(&path).expect("open");
        group.bench_function("part: re-anchor 10k in BBC", |b| {
            b.iter_with_large_drop(|| loaded.anchor_all(corpus))
        });
        // Freeing the store afterwards is not part of loading.
        group.bench_function("load 10k annotations and re-anchor in BBC", |b| {
            b.iter_with_large_drop(|| {
                let store = AnnotationStore::open(&path).expect("open");
                let anchors = store.anchor_all(corpus);
                (store, anchors)
            })
        });
        let anchors = AnnotationStore::open(&path)
            .expect("open")
            .anchor_all(corpus);
        eprintln!(
            "re-anchored {} annotations, {} orphaned",
            anchors.len(),
            anchors.orphans().len()
        );
    }
    group.finish();
}

criterion_group!(benches, bench_store);
criterion_main!(benches);
