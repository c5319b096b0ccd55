//! Speed of the interface: loading the BBC corpus and drawing the first frame,
//! and drawing one reader frame at 200×60 (both on ratatui's TestBackend).
//! Skips the corpus benchmark when ../shared/corpora/bbc is missing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use gloss::analysis::analyze;
use gloss::corpus::stream::{self, LoadEvent};
use gloss::corpus::{Corpus, CorpusSource};
use gloss::tui::action::{Action, Motion};
use gloss::tui::update::update;
use gloss::tui::view::{render, view};
use gloss::tui::{App, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fn bbc() -> Option<std::path::PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping the BBC benchmark: {} is missing", p.display());
        None
    }
}

fn load_and_first_frame(c: &mut Criterion) {
    let Some(path) = bbc() else { return };
    let mut g = c.benchmark_group("tui");
    g.measurement_time(Duration::from_secs(5)).sample_size(10);
    g.bench_function("load_bbc_and_draw_first_frame_120x40", |b| {
        b.iter(|| {
            let corpus = Corpus::load(&path).unwrap();
            let app = App::new(corpus, Theme::default(), Rect::new(0, 0, 120, 40));
            let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
            t.draw(|f| view(&app, f)).unwrap();
            black_box(t);
        });
    });
    // The interface's share: building the app and drawing, corpus already in memory.
    let corpus = Corpus::load(&path).unwrap();
    g.bench_function("app_and_first_frame_of_loaded_bbc_120x40", |b| {
        b.iter_batched(
            || corpus.clone(),
            |corpus| {
                let app = App::new(corpus, Theme::default(), Rect::new(0, 0, 120, 40));
                let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
                t.draw(|f| view(&app, f)).unwrap();
                black_box(t);
            },
            BatchSize::LargeInput,
        );
    });
    g.finish();
}

/// What the user waits for: the corpus is read in the background and the first
/// frame is drawn as soon as the first batch of articles is in.
fn streamed_first_frame(c: &mut Criterion) {
    let Some(path) = bbc() else { return };
    let mut g = c.benchmark_group("tui");
    g.measurement_time(Duration::from_secs(5)).sample_size(10);
    g.bench_function("stream_bbc_to_first_frame_120x40", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let source = CorpusSource::Folder(path.clone());
                let events = stream::spawn(source.clone());
                let mut app = App::loading(&source, Theme::default(), Rect::new(0, 0, 120, 40));
                for ev in events.iter() {
                    match ev {
                        LoadEvent::Found(n) => update(&mut app, Action::FilesFound(n)),
                        LoadEvent::Articles(a) => {
                            update(&mut app, Action::ArticlesLoaded(a));
                            break;
                        }
                        _ => {}
                    }
                }
                let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
                t.draw(|f| view(&app, f)).unwrap();
                total += start.elapsed();
                assert_eq!(app.reader.article, Some(0));
                // Let the loader finish, untimed, before the next run.
                for _ in events {}
            }
            total
        });
    });
    g.finish();
}

/// The whole corpus as the real binary reads it: every batch streamed into the
/// app, then a frame drawn with the complete list (the search index and the
/// analysis are built afterwards on background threads and are not counted).
fn streamed_whole_corpus(c: &mut Criterion) {
    let Some(path) = bbc() else { return };
    let mut g = c.benchmark_group("tui");
    g.measurement_time(Duration::from_secs(5)).sample_size(10);
    g.bench_function("stream_all_bbc_then_draw_120x40", |b| {
        b.iter(|| {
            let source = CorpusSource::Folder(path.clone());
            let events = stream::spawn(source.clone());
            let mut app = App::loading(&source, Theme::default(), Rect::new(0, 0, 120, 40));
            for ev in events {
                match ev {
                    LoadEvent::Found(n) => update(&mut app, Action::FilesFound(n)),
                    LoadEvent::Articles(a) => update(&mut app, Action::ArticlesLoaded(a)),
                    _ => {}
                }
            }
            let mut t = Terminal::new(TestBackend::new(120, 40)).unwrap();
            t.draw(|f| view(&app, f)).unwrap();
            assert!(app.articles.len() > 2000);
            black_box(t);
        });
    });
    g.finish();
}

fn reader_frame(c: &mut Criterion) {
    // The longest sample article, analysed, open and scrolled at 200×60.
    let corpus = Corpus::bundled();
    let longest = (0..corpus.articles.len())
        .max_by_key(|&i| corpus.articles[i].text.len())
        .unwrap();
    let analysis = Arc::new(analyze(&corpus.articles[longest].text));
    let mut app = App::new(corpus, Theme::default(), Rect::new(0, 0, 200, 60));
    update(&mut app, Action::Select(longest));
    update(
        &mut app,
        Action::AnalysisReady {
            article: longest,
            analysis,
        },
    );
    update(&mut app, Action::Open);
    update(&mut app, Action::Move(Motion::Down));
    let mut t = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut g = c.benchmark_group("tui");
    g.measurement_time(Duration::from_secs(3)).sample_size(50);
    g.bench_function("reader_frame_200x60", |b| {
        b.iter(|| {
            // A full redraw each time: clear forces every cell to be sent.
            t.clear().unwrap();
            t.draw(|f| view(black_box(&app), f)).unwrap();
        });
    });
    // The widgets alone, into a buffer (no diff, no backend).
    let area = Rect::new(0, 0, 200, 60);
    let mut buf = Buffer::empty(area);
    g.bench_function("reader_render_only_200x60", |b| {
        b.iter(|| {
            buf.reset();
            render(black_box(&app), area, &mut buf);
        });
    });
    g.finish();
}

criterion_group!(
    benches,
    load_and_first_frame,
    streamed_first_frame,
    streamed_whole_corpus,
    reader_frame
);
criterion_main!(benches);
