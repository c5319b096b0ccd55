//! Exporting 10,000 annotations in each format (target: under 100 ms each),
//! building the rows included. Run: `cargo bench --bench export`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::annotations::{Annotation, AnnotationId, Sidecar, TextTarget};
use gloss::corpus::{Article, Corpus, CorpusSource};
use gloss::export::{self, ExportFormat, ExportOptions};

const ANNOTATIONS: usize = 10_000;
const ARTICLES: usize = 200;

/// 200 articles (the sample corpus repeated) and 10,000 annotations spread
/// over them, with speakers, tags and notes of realistic size.
fn fixture() -> (Corpus, Sidecar) {
    let sample = Corpus::bundled();
    let articles: Vec<Article> = (0..ARTICLES)
        .filter_map(|i| {
            let src = &sample.articles[i % sample.articles.len()];
            Article::from_bytes(
                &format!("part{:02}/{i:04}.txt", i % 17),
                src.text.as_bytes(),
            )
        })
        .collect();
    let speakers = [
        "Vladimir Putin",
        "Putin",
        "Dmitry Peskov",
        "Mahmoud Abbas",
        "al-Sudani",
    ];
    let tags = [
        "blame-us",
        "gaza",
        "kremlin",
        "mediation",
        "context",
        "quote",
    ];
    let annotations = (0..ANNOTATIONS)
        .map(|i| {
            let article = &articles[i % articles.len()];
            let chars: Vec<char> = article.text.chars().collect();
            let start = (i * 37) % (chars.len() - 200);
            let end = start + 40 + i % 120;
            let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
            Annotation {
                id: AnnotationId(format!("{i:08x}-bench")),
                article: article.id.0.clone(),
                target: (i % 50 != 0).then(|| TextTarget {
                    exact: slice(start, end),
                    prefix: slice(start.saturating_sub(32), start),
                    suffix: slice(end, (end + 32).min(chars.len())),
                    start,
                    end,
                    extra: Default::default(),
                }),
                kind: Some("direct".into()),
                speaker: (i % 7 != 0).then(|| speakers[i % speakers.len()].to_string()),
                tags: (0..i % 4)
                    .map(|k| tags[(i + k) % tags.len()].to_string())
                    .collect(),
                note: if i % 3 == 0 {
                    format!("Note {i}: compare, \"quote\" and *stress*;\nsecond line.")
                } else {
                    String::new()
                },
                created: "2026-11-20T09:00:00Z".into(),
                modified: "2026-11-20T09:05:00Z".into(),
                extra: Default::default(),
            }
        })
        .collect();
    let corpus = Corpus {
        source: CorpusSource::Bundled,
        articles,
        skipped: Vec::new(),
    };
    let sidecar = Sidecar {
        annotations,
        ..Sidecar::default()
    };
    (corpus, sidecar)
}

fn bench(c: &mut Criterion) {
    let (corpus, sidecar) = fixture();
    let options = ExportOptions::default();
    let set = export::build(&corpus, &sidecar, &options);
    assert_eq!(set.len(), ANNOTATIONS);
    assert!(
        set.records.iter().all(|r| !r.orphaned),
        "every target is found"
    );
    let mut group = c.benchmark_group("export_10k");
    group
        .measurement_time(Duration::from_secs(3))
        .sample_size(10);
    group.bench_function("build", |b| {
        b.iter(|| black_box(export::build(&corpus, &sidecar, &options)));
    });
    for format in ExportFormat::ALL {
        group.bench_function(format.name(), |b| {
            let mut out = Vec::with_capacity(16 << 20);
            b.iter(|| {
                out.clear();
                let set = export::build(&corpus, &sidecar, &options);
                export::export(format, &set, &mut out).expect("export");
                black_box(out.len())
            });
        });
    }
    let filtered = ExportOptions {
        filter: export::Filter {
            speakers: vec!["Putin".into()],
            tags: vec!["gaza".into(), "kremlin".into()],
            ..export::Filter::default()
        },
        ..ExportOptions::default()
    };
    group.bench_function("csv_filtered", |b| {
        let mut out = Vec::with_capacity(16 << 20);
        b.iter(|| {
            out.clear();
            let set = export::build(&corpus, &sidecar, &filtered);
            export::export(ExportFormat::Csv, &set, &mut out).expect("export");
            black_box(out.len())
        });
    });
    group.finish();
}

/// The export dialog's whole write (Enter): the annotations taken from the
/// reader's store, the rows built and a csv file written, 10,000 annotations.
fn dialog(c: &mut Criterion) {
    use gloss::tui::action::Action;
    use gloss::tui::export_dialog::{Op, pending_job};
    let (corpus, sidecar) = fixture();
    let dir = tempfile::tempdir().expect("temporary folder");
    let sidecar_path = dir.path().join("sidecar.json");
    std::fs::write(
        &sidecar_path,
        serde_json::to_vec(&sidecar).expect("sidecar json"),
    )
    .expect("sidecar written");
    let area = ratatui::layout::Rect::new(0, 0, 100, 30);
    let mut app = gloss::tui::App::new(corpus, gloss::tui::Theme::default(), area);
    app.attach_annotations(gloss::annotations::AnnotationStore::open_for_corpus(
        &CorpusSource::Bundled,
        Some(&sidecar_path),
    ));
    let out = dir.path().join("out.csv");
    let mut update = |op| gloss::tui::update::update(&mut app, Action::Export(op));
    update(Op::Open);
    update(Op::Right);
    update(Op::Right);
    update(Op::ClearPath);
    for ch in out.to_string_lossy().chars() {
        update(Op::Type(ch));
    }
    update(Op::Write);
    let done = pending_job(&app).expect("a job").run().expect("written");
    assert_eq!(done.statements, ANNOTATIONS);
    let mut group = c.benchmark_group("export_dialog_10k");
    group
        .measurement_time(Duration::from_secs(3))
        .sample_size(10);
    group.bench_function("csv_to_file", |b| {
        b.iter(|| black_box(pending_job(&app).expect("a job").run().expect("written")));
    });
    group.finish();
}

criterion_group!(benches, bench, dialog);
criterion_main!(benches);
