//! The terminal user interface, in the Elm style: an [`App`] state, [`Action`]s
//! (from keys through the [`keymap`], from the mouse through the [`layout`], and
//! from the background analysis [`worker`]), [`update`](update::update) as the
//! only place that changes the state, and [`view`](view::view) drawing it.
//!
//! A thin shell over the lower layers: drawing never analyses text and never
//! touches files; analysis runs on a background thread.
//!
//! Adding a feature (a picker, a search prompt, another view) means: a variant
//! in [`app::Overlay`] with its own state (or a new [`action::Pane`]), a
//! keymap [`keymap::Context`] and its rows in the keymap table, the
//! [`Action`]s it needs and their arms in [`update::update`], and a widget
//! module under [`view`]. The help overlay and the status bar pick the new keys
//! up from the table by themselves.

pub mod action;
pub mod annotate;
pub mod app;
pub mod browse;
pub mod event;
pub mod export_dialog;
pub mod filters;
pub mod keymap;
pub mod layout;
pub mod loading;
pub mod note_editor;
pub mod picker;
pub mod search_line;
pub mod selection;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod views;
pub mod views_edit;
pub mod worker;
pub mod wrap;

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use ratatui::layout::Rect;

pub use action::Action;
pub use app::App;
pub use theme::Theme;

use crate::annotations::AnnotationStore;
use crate::corpus::CorpusSource;
use crate::corpus::stream::{self, LoadEvent};
use loading::{Indexer, Progress};
use worker::Worker;

/// How long to wait for input before looking for finished analyses.
const TICK: Duration = Duration::from_millis(40);

/// Runs the interactive reader on the corpus at `source` until the user quits.
/// The corpus is read in the background, so the first articles show at once
/// and the list fills as it goes; they are analysed and indexed for search
/// in the background too. The terminal is restored however this ends (quit,
/// error or panic).
pub fn run(source: CorpusSource) -> Result<()> {
    run_with_annotations(source, None)
}

/// [`run`], keeping the annotations in `annotations` instead of the corpus's
/// own sidecar (`--annotations FILE`). They are saved shortly after every
/// change and once more on the way out.
pub fn run_with_annotations(source: CorpusSource, annotations: Option<&Path>) -> Result<()> {
    let theme = Theme::from_env();
    let opened = AnnotationStore::open_for_corpus(&source, annotations);
    let mut guard = terminal::init().context("cannot set up the terminal")?;
    let size = guard.terminal.size().context("reading the terminal size")?;
    let mut app = App::loading(&source, theme, Rect::new(0, 0, size.width, size.height));
    app.browse.progress = Progress::streaming();
    app.attach_annotations(opened);
    app.export.annotations = annotations.map(Path::to_path_buf);
    let result = event_loop(&mut guard.terminal, &source, &mut app);
    drop(guard);
    // Whatever ended the loop, unsaved annotations are written now.
    let saved = annotate::flush(&mut app);
    result.and(saved)
}

fn event_loop(terminal: &mut terminal::Tui, source: &CorpusSource, app: &mut App) -> Result<()> {
    let loader = stream::spawn(source.clone());
    let worker = Worker::spawn().context("starting the analysis thread")?;
    let indexer =
        Indexer::spawn(app.browse.index.clone()).context("starting the indexing thread")?;
    let mut analysing = None;
    while !app.quit {
        if app.dirty {
            terminal
                .draw(|frame| view::view(app, frame))
                .context("drawing the screen")?;
            app.dirty = false;
        }
        if crossterm::event::poll(TICK).context("reading terminal input")? {
            // Handle everything queued before drawing again.
            loop {
                let ev = crossterm::event::read().context("reading terminal input")?;
                if let Some(action) = event::action_for(app, &ev) {
                    update::update(app, action);
                }
                if app.quit || !crossterm::event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        // An export waits for the whole corpus, so that no annotation is missed.
        if app.loading.is_none()
            && let Some(job) = export_dialog::pending_job(app)
        {
            // Show "writing…" first; the export itself takes well under a second.
            terminal
                .draw(|frame| view::view(app, frame))
                .context("drawing the screen")?;
            let result = job.run();
            update::update(app, Action::Export(export_dialog::Op::Finished(result)));
        }
        if app.loading.is_some() {
            for ev in loader.try_iter() {
                let known = app.articles.len();
                let done = matches!(ev, LoadEvent::Done);
                update::update(app, loaded(ev)?);
                // New articles go to the analysis and indexing queues, in corpus order.
                let new: Vec<_> = (known..app.articles.len())
                    .filter_map(|i| Some((i, app.articles.get(i)?.clone())))
                    .collect();
                if !new.is_empty() {
                    worker.add(new.iter().cloned());
                    indexer.add(new);
                }
                if done {
                    indexer.finish();
                }
            }
        }
        for (article, outcome) in worker.finished() {
            let action = match outcome {
                Ok(analysis) => Action::AnalysisReady { article, analysis },
                Err(reason) => Action::AnalysisFailed { article, reason },
            };
            update::update(app, action);
        }
        update::update(app, Action::Tick(Instant::now()));
        if app.reader.article != analysing {
            analysing = app.reader.article;
            if let Some(i) = analysing {
                if app.wants_full_analysis(i)
                    && let Some(article) = app.articles.get(i)
                {
                    worker.add([(i, article.clone())]);
                }
                worker.prioritize(i);
            }
        }
        annotate::save_tick(app, Instant::now());
    }
    Ok(())
}

/// The action for a loader event; a corpus that cannot be listed is an error.
fn loaded(ev: LoadEvent) -> Result<Action> {
    Ok(match ev {
        LoadEvent::Found(n) => Action::FilesFound(n),
        LoadEvent::Articles(a) => Action::ArticlesLoaded(a),
        LoadEvent::Skipped(s) => Action::FilesSkipped(s),
        LoadEvent::Done => Action::LoadingDone,
        LoadEvent::Failed(e) => return Err(e.into()),
    })
}
