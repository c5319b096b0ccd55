//! Snapshots of browsing on ratatui's `TestBackend`: the list narrowed by a
//! search (match counts, filter line), the search matches in the reader, and
//! the progress line while a corpus streams in.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use gloss::corpus::{Corpus, CorpusSource};
use gloss::search::{DateRange, Filter};
use gloss::tui::action::{Action, Pane};
use gloss::tui::loading::Progress;
use gloss::tui::update::update;
use gloss::tui::view::view;
use gloss::tui::{App, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;

fn app(width: u16, height: u16) -> App {
    App::new(
        Corpus::bundled(),
        Theme::default(),
        Rect::new(0, 0, width, height),
    )
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    t.draw(|f| view(app, f)).unwrap();
    t
}

fn search(a: &mut App, text: &str) {
    update(a, Action::SearchOpen);
    for c in text.chars() {
        update(a, Action::SearchInput(c));
    }
}

/// The screen as text, with search matches in `[…]` and the current match in `{…}`.
fn marked(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut open: Option<char> = None;
        for x in 0..area.width {
            let cell = &buf[(x, y)];
            let mark = match cell.bg {
                Color::Yellow => Some('['),
                Color::LightRed => Some('{'),
                _ => None,
            };
            if mark != open {
                match open {
                    Some('[') => out.push(']'),
                    Some(_) => out.push('}'),
                    None => {}
                }
                if let Some(m) = mark {
                    out.push(m);
                }
                open = mark;
            }
            out.push_str(cell.symbol());
        }
        match open {
            Some('[') => out.push(']'),
            Some(_) => out.push('}'),
            None => {}
        }
        out.push('\n');
    }
    out
}

#[test]
fn search_narrows_the_list_with_match_counts_and_a_filter_line() {
    let mut a = app(100, 30);
    search(&mut a, "peskov");
    let typing = draw(&a);
    let text = typing.backend().to_string();
    assert!(text.contains("4 of 5 articles"), "{text}");
    assert!(
        text.contains("/peskov"),
        "the search prompt replaces the status bar"
    );
    insta::assert_snapshot!("search_line_open", typing.backend());

    update(&mut a, Action::SearchAccept);
    update(&mut a, Action::CycleSort);
    insta::assert_snapshot!("narrowed_list_and_filter_line", draw(&a).backend());
}

#[test]
fn filters_show_in_the_filter_line() {
    let mut a = app(160, 30);
    update(&mut a, Action::AddFilter(Filter::Annotated(false)));
    update(
        &mut a,
        Action::AddFilter(Filter::Date(DateRange {
            from: Some("2000".into()),
            to: None,
        })),
    );
    search(&mut a, "\"vivid example\"");
    update(&mut a, Action::SearchAccept);
    let text = draw(&a).backend().to_string();
    assert!(text.contains("not annotated"), "{text}");
    insta::assert_snapshot!(draw(&a).backend());
}

#[test]
fn the_reader_highlights_matches_and_the_current_one() {
    let mut a = app(100, 30);
    search(&mut a, "peskov");
    update(&mut a, Action::SearchAccept);
    update(&mut a, Action::Focus(Pane::Reader));
    update(&mut a, Action::NextMatch);
    update(&mut a, Action::NextMatch);
    let t = draw(&a);
    let screen = marked(t.backend().buffer());
    assert!(screen.contains("{Peskov}"), "{screen}");
    assert!(screen.contains("[Peskov]"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn a_streaming_corpus_shows_a_progress_line() {
    let mut a = App::loading(
        &CorpusSource::Folder("big-corpus".into()),
        Theme::default(),
        Rect::new(0, 0, 100, 20),
    );
    a.browse.progress = Progress::streaming();
    update(&mut a, Action::FilesFound(100_000));
    update(&mut a, Action::ArticlesLoaded(Corpus::bundled().articles));
    let text = draw(&a).backend().to_string();
    assert!(
        text.contains("loaded 5/100,000 · analysed 0/100,000 · indexed 0"),
        "{text}"
    );
    insta::assert_snapshot!(draw(&a).backend());
}

#[test]
fn the_filter_menu_offers_values_with_article_counts() {
    let mut a = app(100, 30);
    update(&mut a, Action::FilterMenu);
    insta::assert_snapshot!("filter_menu_kinds", draw(&a).backend());
    for c in "date".chars() {
        update(&mut a, Action::MenuInput(c));
    }
    update(&mut a, Action::MenuChoose);
    let text = draw(&a).backend().to_string();
    assert!(text.contains("Filter by date"), "{text}");
    assert!(text.contains("2023-10"), "{text}");
    insta::assert_snapshot!("filter_menu_dates", draw(&a).backend());
    update(&mut a, Action::MenuChoose);
    let text = draw(&a).backend().to_string();
    assert!(text.contains("date: 2023…2023"), "{text}");
}
