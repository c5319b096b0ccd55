//! Whole-screen snapshots of the interface on ratatui's `TestBackend`, driven
//! through the same `update` the terminal uses.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use gloss::analysis::{Analysis, Entity, EntityLabel, Quote, QuoteKind, Span};
use gloss::corpus::{Corpus, CorpusSource, SkipReason, Skipped};
use gloss::tui::action::{Action, Motion};
use gloss::tui::update::update;
use gloss::tui::view::view;
use gloss::tui::{App, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpora")
        .join(name)
}

/// A fixture corpus, with its source renamed so snapshots do not hold the checkout path.
fn load_fixture(name: &str) -> Corpus {
    let mut c = Corpus::load(&fixture(name)).unwrap();
    c.source = CorpusSource::Folder(PathBuf::from(format!("fixtures/{name}")));
    c
}

fn app(corpus: Corpus, width: u16, height: u16) -> App {
    App::new(corpus, Theme::default(), Rect::new(0, 0, width, height))
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    t.draw(|f| view(app, f)).unwrap();
    t
}

fn buffer(app: &App) -> Buffer {
    draw(app).backend().buffer().clone()
}

fn screen_text(app: &App) -> String {
    draw(app).backend().to_string()
}

#[test]
fn list_and_reader_80x24() {
    let a = app(Corpus::bundled(), 80, 24);
    insta::assert_snapshot!(draw(&a).backend());
}

#[test]
fn third_article_open_in_the_reader_120x40() {
    let mut a = app(Corpus::bundled(), 120, 40);
    update(&mut a, Action::Move(Motion::Down));
    update(&mut a, Action::Move(Motion::Down));
    update(&mut a, Action::Open);
    update(&mut a, Action::Move(Motion::Down));
    insta::assert_snapshot!(draw(&a).backend());
}

#[test]
fn help_overlay_lists_every_key_and_the_legend() {
    let mut a = app(Corpus::bundled(), 100, 110);
    update(&mut a, Action::ToggleHelp);
    let first_page = draw(&a);
    // The help is longer than the screen: read it page by page.
    let mut text = screen_text(&a);
    for _ in 0..12 {
        update(&mut a, Action::Move(Motion::PageDown));
        text.push_str(&screen_text(&a));
    }
    for b in gloss::tui::keymap::bindings() {
        assert!(
            text.contains(b.description),
            "help misses {:?}",
            b.description
        );
    }
    assert!(text.contains("a direct quotation"));
    insta::assert_snapshot!(first_page.backend());
}

#[test]
fn too_small_terminal_shows_a_message() {
    let a = app(Corpus::bundled(), 50, 12);
    let text = screen_text(&a);
    assert!(text.contains("terminal too small (need 60×15)"));
    insta::assert_snapshot!(draw(&a).backend());
}

#[test]
fn empty_corpus_says_so() {
    let empty = Corpus {
        source: CorpusSource::Folder(PathBuf::from("corpora/empty")),
        articles: Vec::new(),
        skipped: Vec::new(),
    };
    let a = app(empty, 80, 24);
    let text = screen_text(&a);
    assert!(text.contains("No articles (.txt or .md) in corpora/empty"));
    insta::assert_snapshot!(draw(&a).backend());
}

#[test]
fn warnings_view_lists_skipped_files_and_damaged_articles() {
    let mut corpus = load_fixture("messy");
    corpus.skipped.push(Skipped {
        path: "locked.txt".into(),
        reason: SkipReason::Unreadable("Permission denied (os error 13)".into()),
    });
    let mut a = app(corpus, 80, 24);
    let text = screen_text(&a);
    assert!(text.contains("2 articles · 2 skipped"), "{text}");
    assert!(text.contains('⚠'), "the damaged article is marked");
    update(&mut a, Action::ToggleWarnings);
    insta::assert_snapshot!(draw(&a).backend());
}

#[test]
fn escape_sequences_are_drawn_as_placeholders() {
    let mut a = app(load_fixture("escapes"), 100, 30);
    update(&mut a, Action::Open);
    let buf = buffer(&a);
    let text = screen_text(&a);
    assert!(text.contains("␛[2J"), "{text}");
    assert!(text.contains("␇"));
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "{:?}",
            cell.symbol()
        );
    }
    insta::assert_snapshot!(draw(&a).backend());
}

#[test]
fn wide_characters_and_combining_marks_keep_columns_aligned() {
    let a = app(load_fixture("unicode"), 90, 30);
    let buf = buffer(&a);
    let layout = a.layout();
    // The reader's right border stays in its column on every row.
    let right = layout.reader.right() - 1;
    for y in layout.reader.y + 1..layout.reader.bottom() - 1 {
        let sym = buf[(right, y)].symbol();
        assert!(["│", "┃", "█"].contains(&sym), "row {y}: {sym:?}");
    }
    insta::assert_snapshot!(draw(&a).backend());
}

/// The third sample article with a hand-built analysis of its first quotation.
fn highlighted_app() -> App {
    let corpus = Corpus::bundled();
    let text = corpus.articles[2].text.clone();
    let find = |needle: &str| {
        let s = text.find(needle).unwrap();
        Span::new(s, s + needle.len())
    };
    let analysis = Analysis {
        entities: vec![
            Entity {
                span: find("Vladimir Putin"),
                label: EntityLabel::Person,
            },
            Entity {
                span: find("Hamas’ attack"),
                label: EntityLabel::Org,
            },
            Entity {
                span: find("Israel dead"),
                label: EntityLabel::Place,
            },
        ],
        quotes: vec![Quote {
            span: find("failed U.S. policy in the Middle East"),
            kind: QuoteKind::Indirect,
            speaker: Some("Vladimir Putin".into()),
        }],
        ..Analysis::default()
    };
    let mut a = app(corpus, 80, 24);
    update(&mut a, Action::Move(Motion::Down));
    update(&mut a, Action::Move(Motion::Down));
    update(&mut a, Action::Open);
    update(
        &mut a,
        Action::AnalysisReady {
            article: 2,
            analysis: Arc::new(analysis),
        },
    );
    a
}

fn cell_of(buf: &Buffer, needle: &str) -> (u16, u16) {
    for y in 0..buf.area.height {
        let row: String = (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        if let Some(byte) = row.find(needle) {
            return (row[..byte].chars().count() as u16, y);
        }
    }
    panic!("{needle:?} not on screen");
}

#[test]
fn reader_highlights_entities_and_quotations_with_speaker_labels() {
    let mut a = highlighted_app();
    let buf = buffer(&a);
    let theme = Theme::default();
    let person = cell_of(&buf, "Vladimir Putin placed");
    assert_eq!(
        buf[person].fg,
        theme.entity(EntityLabel::Person).fg.unwrap()
    );
    let quote = cell_of(&buf, "failed U.S.");
    assert_eq!(buf[quote].fg, theme.quote(QuoteKind::Indirect).fg.unwrap());
    let label = cell_of(&buf, "—\u{a0}Vladimir");
    assert!(buf[label].modifier.contains(Modifier::ITALIC));
    insta::assert_snapshot!(draw(&a).backend());

    // `h` turns it all off: plain text, no label.
    update(&mut a, Action::ToggleHighlights);
    let buf = buffer(&a);
    let person = cell_of(&buf, "Vladimir Putin placed");
    assert_eq!(buf[person].fg, Color::Reset);
    assert!(!screen_text(&a).contains("—\u{a0}Vladimir"));
}

#[test]
fn no_color_draws_without_any_colour() {
    let mut a = highlighted_app();
    a.theme = Theme::monochrome();
    update(&mut a, Action::ToggleHighlights);
    update(&mut a, Action::ToggleHighlights);
    let buf = buffer(&a);
    for cell in buf.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
    // Highlights stay visible through modifiers.
    let person = cell_of(&buf, "Vladimir Putin placed");
    assert!(buf[person].modifier.contains(Modifier::BOLD));
}
