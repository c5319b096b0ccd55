//! Annotating in the interface, on ratatui's `TestBackend`: the selected
//! statement, the pickers, the note editor, annotated statements marked in the
//! reader and counted in the list, and the window of annotations that could
//! not be placed. Driven through the same `update` the terminal uses; every
//! sidecar lives in a temporary folder.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::sync::Arc;

use gloss::analysis::{Analysis, Quote, QuoteKind, Span};
use gloss::annotations::AnnotationStore;
use gloss::corpus::{Corpus, CorpusSource};
use gloss::tui::action::{Action, Motion};
use gloss::tui::annotate::{Edit, Op};
use gloss::tui::update::update;
use gloss::tui::view::marks::GUTTER_MARK;
use gloss::tui::view::view;
use gloss::tui::{App, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

/// The third sample article, open in the reader, with a hand-built analysis
/// (two statements, three sentences) and a sidecar in `dir`.
fn annotating_app(dir: &Path, sidecar: Option<&str>) -> App {
    let corpus = Corpus::bundled();
    let text = corpus.articles[2].text.clone();
    let find = |needle: &str| {
        let s = text.find(needle).unwrap();
        Span::new(s, s + needle.len())
    };
    let first = find("failed U.S. policy in the Middle East");
    let second = find("The U.S. has consistently ignored the Palestinians’ needs in the region");
    // A sentence: from the line start or the last full stop before `s`, up to
    // the next full stop followed by a space or a line end.
    let sentence = |s: Span| {
        let start = text[..s.start].rfind(['\n', '.']).map_or(0, |i| i + 1);
        let start = start + (text[start..].len() - text[start..].trim_start().len());
        let end = s.end + text[s.end..].find([' ', '\n']).map_or(0, |_| 0);
        let stop = text[end..]
            .match_indices('.')
            .find(|(i, _)| text[end + i + 1..].starts_with([' ', '\n']))
            .map_or(text.len(), |(i, _)| end + i + 1);
        Span::new(start, stop)
    };
    let analysis = Analysis {
        sentences: vec![sentence(first), sentence(second)],
        quotes: vec![
            Quote {
                span: first,
                kind: QuoteKind::Indirect,
                speaker: Some("Vladimir Putin".into()),
            },
            Quote {
                span: second,
                kind: QuoteKind::Direct,
                speaker: None,
            },
        ],
        ..Analysis::default()
    };
    let path = dir.join("a.json");
    if let Some(content) = sidecar {
        std::fs::write(&path, content).unwrap();
    }
    let mut a = App::new(corpus, Theme::default(), Rect::new(0, 0, 80, 24));
    a.attach_annotations(AnnotationStore::open_for_corpus(
        &CorpusSource::Bundled,
        Some(&path),
    ));
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

fn op(a: &mut App, op: Op) {
    update(a, Action::Annotate(op));
}

fn type_text(a: &mut App, s: &str) {
    for c in s.chars() {
        let e = if c == '\n' {
            Edit::Newline
        } else {
            Edit::Char(c)
        };
        op(a, Op::Edit(e));
    }
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    t.draw(|f| view(app, f)).unwrap();
    t
}

fn buffer(app: &App) -> Buffer {
    draw(app).backend().buffer().clone()
}

fn rows(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect()
        })
        .collect()
}

fn cell_of(buf: &Buffer, needle: &str) -> (u16, u16) {
    for (y, row) in rows(buf).iter().enumerate() {
        if let Some(byte) = row.find(needle) {
            return (row[..byte].chars().count() as u16, y as u16);
        }
    }
    panic!("{needle:?} not on screen:\n{}", rows(buf).join("\n"));
}

#[test]
fn the_selected_statement_is_reversed_and_described_in_the_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = annotating_app(dir.path(), None);
    op(&mut a, Op::NextStatement);
    let buf = buffer(&a);
    let inside = cell_of(&buf, "failed U.S.");
    assert!(buf[inside].modifier.contains(Modifier::REVERSED));
    let outside = cell_of(&buf, "Vladimir Putin placed");
    assert!(!buf[outside].modifier.contains(Modifier::REVERSED));
    // The bar left of the line, in the reader's margin.
    let margin = a.layout().reader_text.x - 1;
    assert_eq!(buf[(margin, inside.1)].symbol(), GUTTER_MARK);
    let status = rows(&buf).pop().unwrap();
    assert!(
        status.contains("indirect — Vladimir Putin (detected)"),
        "{status}"
    );
    assert!(status.contains("s speaker"), "{status}");
    insta::assert_snapshot!(draw(&a).backend());
}

#[test]
fn the_tag_picker_filters_as_you_type_and_offers_a_new_tag() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = annotating_app(dir.path(), None);
    op(&mut a, Op::NextStatement);
    for tag in ["blame-them", "blame-us", "economy"] {
        op(&mut a, Op::Tag);
        type_text(&mut a, tag);
        op(&mut a, Op::Confirm);
    }
    op(&mut a, Op::NextStatement);
    op(&mut a, Op::Tag);
    op(&mut a, Op::Edit(Edit::Char('b')));
    op(&mut a, Op::Edit(Edit::Char('l')));
    let buf = buffer(&a);
    let picker = rows(&buf)
        .into_iter()
        .filter(|r| r.contains("blame") || r.contains("economy") || r.contains("new:"))
        .filter(|r| !r.contains('#'))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(picker.contains("blame-them"), "{picker}");
    assert!(!picker.contains("economy"), "{picker}");
    assert!(picker.contains("new: bl"), "{picker}");
    insta::assert_snapshot!(draw(&a).backend());
}

#[test]
fn the_note_editor_shows_lines_wide_characters_and_the_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = annotating_app(dir.path(), None);
    op(&mut a, Op::NextStatement);
    op(&mut a, Op::Note);
    type_text(
        &mut a,
        "Compare with the 2014 speech.\n漢字 and café\nthird",
    );
    op(&mut a, Op::Edit(Edit::Up));
    let text = draw(&a).backend().to_string();
    assert!(text.contains("漢字 and café"), "{text}");
    assert!(text.contains("Ctrl-S save"), "{text}");
    insta::assert_snapshot!(draw(&a).backend());
}

#[test]
fn annotated_statements_are_marked_in_the_reader_and_counted_in_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = annotating_app(dir.path(), None);
    op(&mut a, Op::NextStatement);
    op(&mut a, Op::Tag);
    type_text(&mut a, "blame-us");
    op(&mut a, Op::Confirm);
    op(&mut a, Op::Note);
    type_text(&mut a, "check");
    op(&mut a, Op::SaveNote);
    op(&mut a, Op::ClearSelection);
    let buf = buffer(&a);
    let text = rows(&buf).join("\n");
    // The label after the statement carries the tags and a note mark.
    assert!(text.contains("#blame-us"), "{text}");
    assert!(
        text.contains("✎1"),
        "the list counts the article's annotations:\n{text}"
    );
    let annotated = cell_of(&buf, "failed U.S.");
    assert!(buf[annotated].modifier.contains(Modifier::UNDERLINED));
    assert!(!buf[annotated].modifier.contains(Modifier::REVERSED));
    insta::assert_snapshot!(draw(&a).backend());
}

#[test]
fn annotations_that_cannot_be_placed_are_listed_never_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let sidecar = r#"{
  "version": 1,
  "annotations": [
    {
      "id": "gone-1",
      "article": "002_73264b24164e66dd",
      "target": {"exact": "words that are nowhere", "prefix": "", "suffix": "", "start": 5, "end": 27},
      "tags": ["lost"],
      "note": "keep me",
      "created": "2026-01-01T00:00:00Z",
      "modified": "2026-01-01T00:00:00Z"
    }
  ]
}
"#;
    let before = sidecar.to_string();
    let mut a = annotating_app(dir.path(), Some(sidecar));
    op(&mut a, Op::ToggleOrphans);
    let text = rows(&buffer(&a)).join("\n");
    assert!(
        text.contains("Annotations that could not be placed (1)"),
        "{text}"
    );
    assert!(text.contains("words that are nowhere"), "{text}");
    assert!(text.contains("✎ keep me"), "{text}");
    insta::assert_snapshot!(draw(&a).backend());
    op(&mut a, Op::ToggleOrphans);
    assert!(a.overlay.is_none());
    gloss::tui::annotate::flush(&mut a).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.json")).unwrap(),
        before
    );
}

#[test]
fn a_click_on_a_statement_in_the_reader_selects_it() {
    use crossterm::event::{Event, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    let dir = tempfile::tempdir().unwrap();
    let mut a = annotating_app(dir.path(), None);
    let buf = buffer(&a);
    let (column, row) = cell_of(&buf, "policy in the Middle East.");
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    });
    let action = gloss::tui::event::action_for(&a, &click).unwrap();
    assert!(
        matches!(action, Action::Annotate(Op::Click(_))),
        "{action:?}"
    );
    update(&mut a, action);
    let text = &a.articles[2].text;
    let selected = a.annotate.selected.as_ref().expect("a statement");
    assert_eq!(
        selected.span.slice(text),
        "failed U.S. policy in the Middle East"
    );
    // A click on text outside any statement unselects.
    let (column, row) = cell_of(&buffer(&a), "Russian President Vladimir");
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    });
    let action = gloss::tui::event::action_for(&a, &click).unwrap();
    update(&mut a, action);
    assert!(a.annotate.selected.is_none());
}

#[test]
fn a_sidecar_kept_elsewhere_says_where_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = Corpus::bundled();
    let mut a = App::new(corpus, Theme::default(), Rect::new(0, 0, 100, 24));
    let mut opened =
        AnnotationStore::open_for_corpus(&CorpusSource::Bundled, Some(&dir.path().join("a.json")));
    opened.location.notice = Some("/corpus/.gloss/annotations.json cannot be written (read-only file system); annotations are kept in /data/a.json".into());
    a.attach_annotations(opened);
    let status = draw(&a).backend().to_string();
    assert!(
        status.contains("cannot be written (read-only file system)"),
        "{status}"
    );
}
