//! Speed of annotating in the interface on the BBC corpus with a sidecar of
//! about 10,000 annotations: one edit as the user makes it (tag picker
//! opened, tag typed, chosen — store edit, counts, marks and relayout
//! included), and one reader frame with annotated and selected statements at
//! 200×60. The sidecar lives in a temporary folder. Skipped when
//! ../shared/corpora/bbc is missing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::analysis::{Span, analyze};
use gloss::annotations::{Annotation, AnnotationStore, TextTarget};
use gloss::corpus::Corpus;
use gloss::tui::action::Action;
use gloss::tui::annotate::{Edit, Op};
use gloss::tui::update::update;
use gloss::tui::view::render;
use gloss::tui::{App, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

/// The BBC corpus with its articles' first words annotated (five spans per
/// article), the first article open, analysed, in the reader.
fn annotated_bbc(dir: &Path) -> Option<App> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc");
    if !path.is_dir() {
        eprintln!(
            "skipping the annotation benchmarks: {} is missing",
            path.display()
        );
        return None;
    }
    let corpus = Corpus::load(&path).unwrap();
    let sidecar = dir.join("annotations.json");
    let mut store = AnnotationStore::open(&sidecar).unwrap();
    for article in &corpus.articles {
        let words: Vec<(usize, &str)> = article
            .text
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - article.text.as_ptr() as usize, w))
            .take(50)
            .collect();
        for chunk in words.chunks(10).take(5) {
            let (start, _) = chunk[0];
            let (last, w) = chunk[chunk.len() - 1];
            let span = Span::new(start, last + w.len());
            let target = TextTarget::from_byte_span(&article.text, span).unwrap();
            let mut a = Annotation::new(article.id.0.clone(), Some(target));
            a.tags = vec!["bench".into()];
            store.add(a).unwrap();
        }
    }
    store.flush().unwrap();
    let first = Arc::new(analyze(&corpus.articles[0].text));
    let mut app = App::new(corpus, Theme::default(), Rect::new(0, 0, 200, 60));
    app.attach_annotations(AnnotationStore::open_for_corpus(
        &gloss::corpus::CorpusSource::Bundled,
        Some(&sidecar),
    ));
    update(
        &mut app,
        Action::AnalysisReady {
            article: 0,
            analysis: first,
        },
    );
    update(&mut app, Action::Open);
    update(&mut app, Action::Annotate(Op::NextStatement));
    Some(app)
}

fn tag(app: &mut App, name: &str) {
    update(app, Action::Annotate(Op::Tag));
    for c in name.chars() {
        update(app, Action::Annotate(Op::Edit(Edit::Char(c))));
    }
    update(app, Action::Annotate(Op::Confirm));
}

fn annotate(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let Some(mut app) = annotated_bbc(dir.path()) else {
        return;
    };
    let n = app.annotate.store.as_ref().map_or(0, |s| s.len());
    eprintln!("{n} annotations in the sidecar");
    let mut g = c.benchmark_group("annotate_bbc_10k");
    g.measurement_time(Duration::from_secs(3)).sample_size(20);
    // Tagging twice removes the tag again: the state stays the same size.
    g.bench_function("tag_a_statement_through_the_picker", |b| {
        b.iter(|| {
            tag(&mut app, "blame-us");
            black_box(&app);
        });
    });
    tag(&mut app, "blame-us");
    let area = Rect::new(0, 0, 200, 60);
    g.bench_function("reader_frame_with_marks_200x60", |b| {
        let mut buf = Buffer::empty(area);
        b.iter(|| {
            buf.reset();
            render(&app, area, &mut buf);
            black_box(&buf);
        });
    });
    g.finish();
}

criterion_group!(benches, annotate);
criterion_main!(benches);
