//! The terminal user interface, in the Elm style: an [`App`] state, [`Action`]s
//! (from keys through the [`keymap`], from the mouse through the [`layout`], and
//! from the background analysis [`worker`]), [`update`](update::update) as the
//! only place that changes the state, and [`view`](view::view) drawing it.
//!
//! A thin shell over the lower layers: drawing never analyses text and never
//! touches files; analysis runs on a background thread.

pub mod action;
pub mod app;
pub mod event;
pub mod keymap;
pub mod layout;
pub mod note_editor;
pub mod selection;
pub mod picker;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod worker;
pub mod wrap;

use std::time::Duration;

use anyhow::{Context, Result};
use ratatui::layout::Rect;

pub use action::Action;
pub use app::App;
pub use theme::Theme;

use crate::corpus::Corpus;
use worker::Worker;

/// How long to wait for input before looking for finished analyses.
const TICK: Duration = Duration::from_millis(40);

/// Runs the interactive reader on `corpus` until the user quits. The terminal
/// is restored however this ends (quit, error or panic).
pub fn run(corpus: Corpus) -> Result<()> {
    let theme = Theme::from_env();
    let mut guard = terminal::init().context("cannot set up the terminal")?;
    let result = event_loop(&mut guard.terminal, corpus, theme);
    drop(guard);
    result
}

fn event_loop(terminal: &mut terminal::Tui, corpus: Corpus, theme: Theme) -> Result<()> {
    let size = terminal.size().context("reading the terminal size")?;
    let mut app = App::new(corpus, theme, Rect::new(0, 0, size.width, size.height));
    let worker = Worker::spawn().context("starting the analysis thread")?;
    worker.add(app.articles.iter().cloned().enumerate());
    let mut analysing = app.reader.article;
    if let Some(i) = analysing {
        worker.prioritize(i);
    }
    while !app.quit {
        if app.dirty {
            terminal
                .draw(|frame| view::view(&app, frame))
                .context("drawing the screen")?;
            app.dirty = false;
        }
        if crossterm::event::poll(TICK).context("reading terminal input")? {
            // Handle everything queued before drawing again.
            loop {
                let ev = crossterm::event::read().context("reading terminal input")?;
                if let Some(action) = event::action_for(&app, &ev) {
                    update::update(&mut app, action);
                }
                if app.quit || !crossterm::event::poll(Duration::ZERO)? {
                    break;
                }
            }
        }
        for (article, analysis) in worker.finished() {
            update::update(&mut app, Action::AnalysisReady { article, analysis });
        }
        if app.reader.article != analysing {
            analysing = app.reader.article;
            if let Some(i) = analysing {
                worker.prioritize(i);
            }
        }
    }
    Ok(())
}
