//! Applies an [`Action`] to the [`App`]: the only place the state changes.
//! No I/O and no drawing; geometry comes from the layout so that page sizes
//! match what is on screen.

use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::{Action, Motion, Pane};
use super::annotate;
use super::app::{App, Overlay};
use super::browse::browse_update;
use super::export_dialog;
use super::view;
use super::views;
use crate::analysis::Analysis;

/// Lines the reader scrolls per mouse-wheel notch.
pub const WHEEL_LINES: isize = 3;

/// Changes `app` as `action` asks.
pub fn update(app: &mut App, action: Action) {
    let mut redraw = true;
    if annotate::is_user_input(&action) {
        app.annotate.notice = None;
    }
    match action {
        Action::Quit => app.quit = true,
        Action::Back => match app.overlay {
            Some(_) => app.overlay = None,
            None => app.quit = true,
        },
        Action::Move(motion) => move_in_focus(app, motion),
        Action::FocusNext => {
            app.focus = match app.focus {
                Pane::List => Pane::Reader,
                Pane::Reader => Pane::List,
            }
        }
        Action::Focus(pane) => app.focus = pane,
        Action::Open => {
            if let Some(a) = app.selected_article() {
                app.open(a);
                app.focus = Pane::Reader;
            }
        }
        Action::ToggleHelp => toggle(app, Overlay::Help { scroll: 0 }),
        Action::ToggleWarnings => toggle(app, Overlay::Warnings { scroll: 0 }),
        Action::ToggleHighlights => {
            app.highlights = !app.highlights;
            app.relayout_reader();
        }
        Action::Scroll { pane, lines } => scroll(app, pane, lines),
        Action::Select(i) => {
            if let Some(a) = app.row_article(i) {
                app.list.selected = i;
                app.clamp_list();
                if app.reader.article != Some(a) {
                    app.open(a);
                }
                app.focus = Pane::List;
            }
        }
        Action::Resize { width, height } => {
            app.area = Rect::new(0, 0, width, height);
            app.clamp_list();
            if app.layout().reader_text.width != app.reader.table.width {
                app.relayout_reader();
            } else {
                app.clamp_reader();
            }
            if let Some(s) = app.overlay.as_mut().and_then(Overlay::scroll_mut) {
                *s = 0;
            }
        }
        Action::FilesFound(n) => {
            if let Some(l) = app.loading.as_mut() {
                l.files = Some(n);
            }
        }
        Action::ArticlesLoaded(articles) => {
            let from = app.articles.len();
            app.add_articles(articles);
            annotate::articles_added(app, from);
        }
        Action::FilesSkipped(skipped) => app.skipped.extend(skipped),
        Action::LoadingDone => {
            app.loading = None;
            annotate::corpus_loaded(app);
        }
        Action::Annotate(op) => annotate::update(app, op),
        Action::Export(op) => redraw = export_dialog::update(app, op),
        Action::AnalysisReady { article, analysis } => {
            if let Some(slot) = app.analyses.get_mut(article) {
                *slot = Some(analysis);
            }
            app.note_analysis(article);
            if app.reader.article == Some(article) {
                app.relayout_reader();
            } else {
                // Only the list's counts change: redraw if the entry is on screen.
                let rows = app.layout().list_rows();
                redraw = (app.list.offset..app.list.offset + rows)
                    .any(|r| app.row_article(r) == Some(article))
                    || app.browse.progress.active;
            }
        }
        Action::AnalysisFailed { article, reason } => {
            // Plain text, counted as analysed (no retry of a failing article).
            if let Some(slot) = app.analyses.get_mut(article) {
                *slot = Some(Arc::new(Analysis::default()));
            }
            app.note_analysis(article);
            let path = app.articles.get(article).map_or("?", |a| a.path.as_str());
            app.annotate.notice = Some(annotate::Notice {
                text: format!("analysis failed for {path}, shown without highlights: {reason}"),
                error: true,
            });
            if app.reader.article == Some(article) {
                app.relayout_reader();
            }
        }
        Action::View(op) => redraw = views::update(app, op),
        Action::Tick(now) => {
            redraw = browse_update(app, Action::Tick(now));
            redraw |= views::tick(app);
        }
        other => redraw = browse_update(app, other),
    }
    app.dirty |= redraw;
}

fn toggle(app: &mut App, overlay: Overlay) {
    let same = app
        .overlay
        .is_some_and(|o| std::mem::discriminant(&o) == std::mem::discriminant(&overlay));
    app.overlay = if same { None } else { Some(overlay) };
}

/// Applies a motion to the open overlay, or else to the focused pane.
fn move_in_focus(app: &mut App, motion: Motion) {
    if let Some(overlay) = app.overlay {
        let page = app.layout().overlay_rows();
        let max = view::overlay_len(app, &overlay).saturating_sub(page);
        if let Some(s) = app.overlay.as_mut().and_then(Overlay::scroll_mut) {
            *s = step(*s, motion, page, max);
        }
        return;
    }
    match app.focus {
        Pane::List => {
            let last = app.row_count().saturating_sub(1);
            app.list.selected = step(app.list.selected, motion, app.layout().list_rows(), last);
            app.clamp_list();
        }
        Pane::Reader => {
            let page = app.reader_rows().saturating_sub(1).max(1);
            app.reader.scroll = step(app.reader.scroll, motion, page, app.reader_max_scroll());
        }
    }
}

/// `pos` moved by `motion`, with pages of `page`, kept within `0..=max`.
fn step(pos: usize, motion: Motion, page: usize, max: usize) -> usize {
    let pos = match motion {
        Motion::Up => pos.saturating_sub(1),
        Motion::Down => pos + 1,
        Motion::PageUp => pos.saturating_sub(page),
        Motion::PageDown => pos + page,
        Motion::Top => 0,
        Motion::Bottom => max,
    };
    pos.min(max)
}

/// Mouse wheel: scrolls the pane (the view, not the selection, which follows
/// only as far as needed to stay visible) or the open overlay.
fn scroll(app: &mut App, pane: Pane, lines: isize) {
    let by = |pos: usize, max: usize| pos.saturating_add_signed(lines).min(max);
    if let Some(overlay) = app.overlay {
        let max = view::overlay_len(app, &overlay).saturating_sub(app.layout().overlay_rows());
        if let Some(s) = app.overlay.as_mut().and_then(Overlay::scroll_mut) {
            *s = by(*s, max);
        }
        return;
    }
    match pane {
        Pane::List => {
            let rows = app.layout().list_rows();
            let n = app.row_count();
            app.list.offset = by(app.list.offset, n.saturating_sub(rows));
            let last_visible = (app.list.offset + rows).min(n).saturating_sub(1);
            app.list.selected = app
                .list
                .selected
                .clamp(app.list.offset, last_visible.max(app.list.offset));
        }
        Pane::Reader => app.reader.scroll = by(app.reader.scroll, app.reader_max_scroll()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Quote, QuoteKind, Span};
    use crate::corpus::{Article, Corpus, CorpusSource};
    use crate::tui::theme::Theme;

    fn corpus(n: usize) -> Corpus {
        let articles = (0..n)
            .map(|i| {
                let body = "word ".repeat(2000);
                Article::from_bytes(
                    &format!("{i:03}.txt"),
                    format!("Title {i}\n\n{body}").as_bytes(),
                )
                .expect("text")
            })
            .collect();
        Corpus {
            source: CorpusSource::Bundled,
            articles,
            skipped: Vec::new(),
        }
    }

    fn app(n: usize) -> App {
        App::new(corpus(n), Theme::default(), Rect::new(0, 0, 80, 24))
    }

    #[test]
    fn the_first_article_is_open_and_the_list_focused_at_start() {
        let a = app(3);
        assert_eq!(a.reader.article, Some(0));
        assert_eq!(a.focus, Pane::List);
        assert!(!a.reader.table.is_empty());
    }

    #[test]
    fn moving_the_selection_stays_in_bounds_and_in_view() {
        let mut a = app(30);
        update(&mut a, Action::Move(Motion::Up));
        assert_eq!(a.list.selected, 0);
        for _ in 0..12 {
            update(&mut a, Action::Move(Motion::Down));
        }
        assert_eq!(a.list.selected, 12);
        assert_eq!(a.list.offset, 3, "10 rows visible, selection at the bottom");
        update(&mut a, Action::Move(Motion::Bottom));
        assert_eq!((a.list.selected, a.list.offset), (29, 20));
        update(&mut a, Action::Move(Motion::PageUp));
        assert_eq!(a.list.selected, 19);
        update(&mut a, Action::Move(Motion::Top));
        assert_eq!((a.list.selected, a.list.offset), (0, 0));
    }

    #[test]
    fn enter_opens_the_selection_and_focuses_the_reader() {
        let mut a = app(5);
        update(&mut a, Action::Move(Motion::Down));
        update(&mut a, Action::Move(Motion::Down));
        assert_eq!(a.reader.article, Some(0), "moving does not open");
        update(&mut a, Action::Open);
        assert_eq!(a.reader.article, Some(2));
        assert_eq!(a.focus, Pane::Reader);
    }

    #[test]
    fn the_reader_scrolls_within_its_text() {
        let mut a = app(1);
        update(&mut a, Action::Open);
        update(&mut a, Action::Move(Motion::Down));
        assert_eq!(a.reader.scroll, 1);
        update(&mut a, Action::Move(Motion::PageDown));
        assert_eq!(a.reader.scroll, 21);
        update(&mut a, Action::Move(Motion::Bottom));
        assert_eq!(a.reader.scroll, a.reader.table.len() - 21);
        assert_eq!(a.reader_percent(), 100);
        update(&mut a, Action::Move(Motion::Down));
        assert_eq!(a.reader.scroll, a.reader.table.len() - 21);
    }

    #[test]
    fn focus_keys_switch_panes() {
        let mut a = app(2);
        update(&mut a, Action::FocusNext);
        assert_eq!(a.focus, Pane::Reader);
        update(&mut a, Action::FocusNext);
        assert_eq!(a.focus, Pane::List);
        update(&mut a, Action::Focus(Pane::Reader));
        assert_eq!(a.focus, Pane::Reader);
    }

    #[test]
    fn escape_closes_the_overlay_before_quitting() {
        let mut a = app(2);
        update(&mut a, Action::ToggleHelp);
        assert!(matches!(a.overlay, Some(Overlay::Help { .. })));
        update(&mut a, Action::ToggleWarnings);
        assert!(matches!(a.overlay, Some(Overlay::Warnings { .. })));
        update(&mut a, Action::Back);
        assert_eq!(a.overlay, None);
        assert!(!a.quit);
        update(&mut a, Action::Back);
        assert!(a.quit);
    }

    #[test]
    fn keys_move_inside_the_overlay_not_the_list() {
        let mut a = app(5);
        update(&mut a, Action::ToggleHelp);
        update(&mut a, Action::Move(Motion::Down));
        assert_eq!(a.list.selected, 0);
        assert_eq!(a.overlay, Some(Overlay::Help { scroll: 1 }));
    }

    #[test]
    fn resizing_rewraps_and_keeps_the_reading_position() {
        let mut a = app(1);
        update(&mut a, Action::Move(Motion::Bottom));
        update(&mut a, Action::Focus(Pane::Reader));
        update(&mut a, Action::Move(Motion::PageDown));
        let offset = a.reader.table.lines[a.reader.scroll].range.start;
        update(
            &mut a,
            Action::Resize {
                width: 120,
                height: 40,
            },
        );
        assert_eq!(a.reader.table.width, a.layout().reader_text.width);
        let line = &a.reader.table.lines[a.reader.scroll];
        assert!(line.range.start <= offset && offset <= line.range.end + 5);
    }

    #[test]
    fn wheel_scrolls_the_list_view_and_drags_the_selection_along() {
        let mut a = app(30);
        update(
            &mut a,
            Action::Scroll {
                pane: Pane::List,
                lines: 5,
            },
        );
        assert_eq!((a.list.offset, a.list.selected), (5, 5));
        update(
            &mut a,
            Action::Scroll {
                pane: Pane::List,
                lines: -100,
            },
        );
        assert_eq!((a.list.offset, a.list.selected), (0, 5));
    }

    #[test]
    fn click_selects_and_opens() {
        let mut a = app(5);
        update(&mut a, Action::Focus(Pane::Reader));
        update(&mut a, Action::Select(3));
        assert_eq!((a.list.selected, a.reader.article), (3, Some(3)));
        assert_eq!(a.focus, Pane::List);
        update(&mut a, Action::Select(99));
        assert_eq!(a.list.selected, 3);
    }

    #[test]
    fn a_failed_analysis_shows_plain_text_and_says_why() {
        let mut a = app(3);
        let plain = a.reader.table.clone();
        update(
            &mut a,
            Action::AnalysisFailed {
                article: 0,
                reason: "a rule failed".into(),
            },
        );
        // Counted as analysed (empty), so it is not queued again.
        assert_eq!(a.analyses[0].as_deref(), Some(&Analysis::default()));
        assert_eq!(a.reader.table, plain);
        let notice = a.annotate.notice.clone().expect("a notice");
        assert!(notice.error);
        assert!(notice.text.contains("000.txt"), "{}", notice.text);
        assert!(notice.text.contains("a rule failed"), "{}", notice.text);
    }

    #[test]
    fn analysis_of_the_open_article_restyles_the_reader_and_h_toggles_it() {
        let mut a = app(1);
        let analysis = Analysis {
            quotes: vec![Quote {
                span: Span::new(13, 17),
                kind: QuoteKind::Direct,
                speaker: Some("Someone".into()),
            }],
            ..Analysis::default()
        };
        let plain = a.reader.table.clone();
        update(
            &mut a,
            Action::AnalysisReady {
                article: 0,
                analysis: Arc::new(analysis),
            },
        );
        assert_ne!(a.reader.table, plain);
        update(&mut a, Action::ToggleHighlights);
        assert_eq!(a.reader.table, plain);
    }

    #[test]
    fn a_corpus_loaded_in_batches_fills_the_list_and_opens_the_first_article() {
        let mut a = App::loading(
            &CorpusSource::Bundled,
            Theme::default(),
            Rect::new(0, 0, 80, 24),
        );
        assert!(a.articles.is_empty() && a.loading.is_some());
        assert_eq!(a.reader.article, None);
        update(&mut a, Action::FilesFound(4));
        let mut batches = corpus(4).articles;
        let second = batches.split_off(2);
        update(&mut a, Action::ArticlesLoaded(batches));
        assert_eq!(a.reader.article, Some(0));
        assert_eq!(
            crate::tui::view::list::header(&a),
            "2 of 4 files · loading…"
        );
        update(&mut a, Action::Move(Motion::Down));
        update(&mut a, Action::ArticlesLoaded(second));
        update(&mut a, Action::LoadingDone);
        assert_eq!((a.articles.len(), a.analyses.len()), (4, 4));
        assert_eq!(a.list.selected, 1, "the selection survives new batches");
        assert_eq!(crate::tui::view::list::header(&a), "4 articles");
    }
}
