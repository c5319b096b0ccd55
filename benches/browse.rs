//! Speed of browsing a 100,000-article corpus: from start to the first frame
//! drawn (target < 300 ms), from start to the first articles listed, and one
//! keystroke in the search line narrowing the list (target < 30 ms).
//!
//! The corpus is built once from ../shared/corpora/bbc by repeating its files
//! under new folder names (hard links where possible) into
//! target/bench-corpus-100k; without ../shared the benchmarks are skipped.
//! Peak memory is measured on the real binary instead (see the README).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::corpus::stream::{self, LoadEvent};
use gloss::corpus::{Article, CorpusSource};
use gloss::tui::action::Action;
use gloss::tui::update::update;
use gloss::tui::view::view;
use gloss::tui::{App, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const ARTICLES: usize = 100_000;

/// The 100,000-article corpus, built on first use.
fn corpus_100k() -> Option<PathBuf> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let bbc = manifest.join("../shared/corpora/bbc");
    if !bbc.is_dir() {
        eprintln!(
            "skipping the browse benchmarks: {} is missing",
            bbc.display()
        );
        return None;
    }
    let out = manifest.join("target/bench-corpus-100k");
    let marker = out.join(".complete");
    if marker.exists() {
        return Some(out);
    }
    let files = gloss::corpus::load::discover(&bbc).expect("listing the BBC corpus");
    let mut made = 0;
    'copies: for copy in 0.. {
        for rel in &files {
            if made == ARTICLES {
                break 'copies;
            }
            // New folder per copy: new paths, so new article ids.
            let dest = out.join(format!("copy{copy:02}")).join(rel);
            std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
            let src = bbc.join(rel);
            if !dest.exists() && std::fs::hard_link(&src, &dest).is_err() {
                std::fs::copy(&src, &dest).unwrap();
            }
            made += 1;
        }
    }
    std::fs::write(&marker, b"").unwrap();
    Some(out)
}

fn draw(app: &App) {
    let mut t = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    t.draw(|f| view(app, f)).unwrap();
    black_box(t);
}

/// What the user waits for on start: the window (immediately), then the first
/// articles (once the folder is listed and the first batch read).
fn first_frame(c: &mut Criterion) {
    let Some(path) = corpus_100k() else { return };
    let area = Rect::new(0, 0, 160, 48);
    let mut g = c.benchmark_group("browse_100k");
    g.measurement_time(Duration::from_secs(3)).sample_size(10);
    g.bench_function("start_to_first_frame", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let start = Instant::now();
                let source = CorpusSource::Folder(path.clone());
                let events = stream::spawn(source.clone());
                let app = App::loading(&source, Theme::default(), area);
                draw(&app);
                total += start.elapsed();
                // Untimed: let the loader list the folder and stop (it stops
                // at its next batch once nobody listens), so that runs do not
                // pile up listing threads.
                let _ = events.recv();
            }
            total
        });
    });
    g.bench_function("start_to_first_articles_listed", |b| {
        b.iter(|| {
            let source = CorpusSource::Folder(path.clone());
            let events = stream::spawn(source.clone());
            let mut app = App::loading(&source, Theme::default(), area);
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
            draw(&app);
            assert_eq!(app.reader.article, Some(0));
        });
    });
    g.finish();
}

/// The whole corpus loaded and indexed, as after the background work.
fn loaded_app(path: &Path) -> App {
    let start = Instant::now();
    let source = CorpusSource::Folder(path.to_path_buf());
    let mut app = App::loading(&source, Theme::default(), Rect::new(0, 0, 160, 48));
    for ev in stream::spawn(source) {
        match ev {
            LoadEvent::Found(n) => update(&mut app, Action::FilesFound(n)),
            LoadEvent::Articles(a) => update(&mut app, Action::ArticlesLoaded(a)),
            LoadEvent::Done => update(&mut app, Action::LoadingDone),
            _ => {}
        }
    }
    let loaded = start.elapsed();
    let all: Vec<(usize, Arc<Article>)> = app.articles.iter().cloned().enumerate().collect();
    app.browse.index.add(&all);
    app.browse.index.finish();
    eprintln!(
        "100k corpus: loaded in {loaded:.1?}, indexed in {:.1?}; index ≈ {} MB",
        start.elapsed() - loaded,
        app.browse.index.heap_bytes() / 1_000_000
    );
    assert_eq!(app.articles.len(), ARTICLES);
    app
}

/// One keystroke in the search line: the query before it is typed (untimed),
/// the keystroke is timed — index lookup, list rebuild and the reader's
/// matches included.
fn keystroke(c: &mut Criterion) {
    let Some(path) = corpus_100k() else { return };
    let mut app = loaded_app(&path);
    let mut g = c.benchmark_group("browse_100k_keystroke");
    g.measurement_time(Duration::from_secs(3)).sample_size(20);
    for typed in [
        "p",
        "pe",
        "gover",
        "government",
        "prime minister",
        "\"prime minister",
        "brown -blair",
    ] {
        let (before, last) = typed.split_at(typed.len() - 1);
        let last = last.chars().next().unwrap();
        let mut ready = app;
        update(&mut ready, Action::SearchOpen);
        for ch in before.chars() {
            update(&mut ready, Action::SearchInput(ch));
        }
        g.bench_function(typed, |b| {
            // The keystroke is timed; deleting it again (to type it anew) is not.
            b.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    let t = Instant::now();
                    update(&mut ready, Action::SearchInput(last));
                    spent += t.elapsed();
                    update(&mut ready, Action::SearchBackspace);
                }
                spent
            });
        });
        update(&mut ready, Action::SearchInput(last));
        eprintln!("{typed:?}: {} articles", ready.row_count());
        update(&mut ready, Action::SearchCancel);
        app = ready;
    }
    g.finish();
}

criterion_group!(benches, first_frame, keystroke);
criterion_main!(benches);
