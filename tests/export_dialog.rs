//! The export dialog on ratatui's `TestBackend`, driven through the same
//! `update` and export job the terminal uses: snapshots of the window (as
//! opened, after a write, after an error) and a real write into a temporary
//! folder.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

use gloss::corpus::{Corpus, CorpusSource};
use gloss::export::{ExportFormat, ExportSummary};
use gloss::tui::action::Action;
use gloss::tui::app::Overlay;
use gloss::tui::export_dialog::{Op, Outcome, pending_job};
use gloss::tui::update::update;
use gloss::tui::view::view;
use gloss::tui::{App, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

/// The sample corpus, as if opened from `/data/news`, so the default path is
/// the same on every machine.
fn app(width: u16, height: u16) -> App {
    let mut corpus = Corpus::bundled();
    corpus.source = CorpusSource::Folder(PathBuf::from("/data/news"));
    App::new(corpus, Theme::default(), Rect::new(0, 0, width, height))
}

fn screen(app: &App) -> String {
    let mut t = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    t.draw(|f| view(app, f)).unwrap();
    t.backend().to_string()
}

fn ops(app: &mut App, ops: impl IntoIterator<Item = Op>) {
    for op in ops {
        update(app, Action::Export(op));
    }
}

fn type_path(app: &mut App, path: &str) {
    ops(app, [Op::ClearPath]);
    ops(app, path.chars().map(Op::Type));
}

/// Snapshots with the file name's time stamp masked.
macro_rules! assert_screen {
    ($name:expr, $app:expr) => {
        insta::with_settings!({filters => vec![(r"\d{8}-\d{6}", "YYYYMMDD-hhmmss")]}, {
            insta::assert_snapshot!($name, screen($app));
        })
    };
}

#[test]
fn e_opens_the_dialog_with_the_default_destination() {
    let mut a = app(100, 30);
    ops(&mut a, [Op::Open]);
    assert_eq!(a.overlay, Some(Overlay::Export));
    let shown = screen(&a);
    assert!(shown.contains("/data/news/.gloss/exports/news-"), "{shown}");
    assert_screen!("dialog_default", &a);
}

#[test]
fn after_a_write_the_dialog_shows_the_file_and_the_count() {
    let mut a = app(100, 30);
    ops(
        &mut a,
        [Op::Open, Op::Right, Op::Right, Op::NextField, Op::Space],
    );
    type_path(&mut a, "/data/news/exports/putin.csv");
    ops(&mut a, [Op::Write]);
    ops(
        &mut a,
        [Op::Finished(Ok(ExportSummary {
            path: PathBuf::from("/data/news/exports/putin.csv"),
            statements: 7,
            articles: 1,
        }))],
    );
    assert_screen!("dialog_after_success", &a);
}

#[test]
fn after_an_error_the_dialog_stays_open_with_every_choice() {
    let mut a = app(100, 30);
    ops(
        &mut a,
        [Op::Open, Op::Left, Op::NextField, Op::NextField, Op::Space],
    );
    type_path(&mut a, "/data/notes.txt/out.jsonld");
    ops(&mut a, [Op::Write]);
    let message =
        "cannot write /data/notes.txt/out.jsonld: /data/notes.txt is a file, not a folder";
    ops(&mut a, [Op::Finished(Err(message.to_string()))]);
    assert_eq!(a.overlay, Some(Overlay::Export));
    assert_screen!("dialog_after_error", &a);
}

#[test]
fn a_long_path_scrolls_to_keep_the_cursor_in_view() {
    let mut a = app(80, 24);
    ops(&mut a, [Op::Open]);
    let long = format!("/{}/end-of-the-path.md", "very-long-folder-name/".repeat(6));
    type_path(&mut a, &long);
    let shown = screen(&a);
    assert!(shown.contains("…"), "{shown}");
    assert!(shown.contains("end-of-the-path.md"), "{shown}");
    ops(&mut a, [Op::Home]);
    let shown = screen(&a);
    assert!(shown.contains("/very-long-folder-name/very"), "{shown}");
}

#[test]
fn the_dialog_writes_through_the_export_module_and_reports_the_rows() {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sidecars/export/sample.json");
    let t = tempfile::tempdir().unwrap();
    let sidecar = t.path().join("sidecar.json");
    std::fs::copy(&fixture, &sidecar).unwrap();
    let mut a = App::new(
        Corpus::bundled(),
        Theme::default(),
        Rect::new(0, 0, 100, 30),
    );
    a.export.annotations = Some(sidecar);
    let out = t.path().join("out.md");
    ops(&mut a, [Op::Open, Op::Left, Op::Left]);
    assert_eq!(a.export.dialog.as_ref().unwrap().format, ExportFormat::Md);
    type_path(&mut a, &out.to_string_lossy());
    assert!(pending_job(&a).is_none(), "nothing runs before Enter");
    ops(&mut a, [Op::Write]);
    let job = pending_job(&a).unwrap();
    ops(&mut a, [Op::Finished(job.run())]);
    assert!(pending_job(&a).is_none(), "the job runs once");
    let Outcome::Written(done) = &a.export.dialog.as_ref().unwrap().outcome else {
        panic!("not written: {:?}", a.export.dialog);
    };
    assert_eq!(done.path, out);
    let report = std::fs::read_to_string(&out).unwrap();
    assert!(report.starts_with('#'), "{report}");
    let shown = screen(&a);
    assert!(
        shown.contains(&format!("✓ wrote {} statements from", done.statements)),
        "{shown}"
    );
    // Esc closes it; the next `e` starts afresh.
    ops(&mut a, [Op::Close]);
    assert_eq!((a.overlay, a.export.dialog.is_none()), (None, true));
}

#[test]
fn a_narrowed_list_shows_its_filters_and_is_exported_as_narrowed() {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sidecars/export/sample.json");
    let mut a = app(100, 30);
    a.export.annotations = Some(fixture);
    update(&mut a, Action::SearchOpen);
    for c in "Peskov".chars() {
        update(&mut a, Action::SearchInput(c));
    }
    update(&mut a, Action::SearchAccept);
    let listed: Vec<String> = (0..a.row_count())
        .map(|r| a.articles[a.row_article(r).unwrap()].id.0.clone())
        .collect();
    assert!(!listed.is_empty() && listed.len() < 5);
    ops(&mut a, [Op::Open]);
    let shown = screen(&a);
    assert!(shown.contains("search: Peskov"), "{shown}");
    assert!(
        shown.contains(&format!(
            "articles in the list only ({} of 5)",
            listed.len()
        )),
        "{shown}"
    );
    assert_screen!("dialog_with_the_list_narrowed", &a);

    let t = tempfile::tempdir().unwrap();
    ops(&mut a, [Op::Right]);
    type_path(&mut a, &t.path().join("narrowed.jsonl").to_string_lossy());
    ops(&mut a, [Op::Write]);
    let result = pending_job(&a).unwrap().run().unwrap();
    let text = std::fs::read_to_string(&result.path).unwrap();
    assert!(result.statements > 0);
    for line in text.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = row["article_id"].as_str().unwrap();
        assert!(listed.iter().any(|l| l == id), "{id} is not in the list");
    }
}

#[test]
fn letters_type_into_the_file_while_the_dialog_is_open() {
    use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    use gloss::tui::event::action_for;
    let key = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    let mut a = app(100, 30);
    assert_eq!(action_for(&a, &key('q')), Some(Action::Quit));
    assert_eq!(action_for(&a, &key('e')), Some(Action::Export(Op::Open)));
    ops(&mut a, [Op::Open]);
    assert_eq!(
        action_for(&a, &key('q')),
        Some(Action::Export(Op::Type('q')))
    );
    let esc = Event::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
    assert_eq!(action_for(&a, &esc), Some(Action::Export(Op::Close)));
}

#[test]
fn the_export_takes_the_annotations_the_reader_holds_not_the_file() {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sidecars/export/sample.json");
    let t = tempfile::tempdir().unwrap();
    let sidecar = t.path().join("sidecar.json");
    std::fs::copy(&fixture, &sidecar).unwrap();
    let mut a = App::new(
        Corpus::bundled(),
        Theme::default(),
        Rect::new(0, 0, 100, 30),
    );
    let opened = gloss::annotations::AnnotationStore::open_for_corpus(
        &CorpusSource::Bundled,
        Some(&sidecar),
    );
    a.attach_annotations(opened);
    a.export.annotations = Some(sidecar.clone());
    // The file is gone: only the reader still has the annotations.
    std::fs::remove_file(&sidecar).unwrap();
    ops(&mut a, [Op::Open, Op::Right, Op::Right]);
    type_path(&mut a, &t.path().join("held.csv").to_string_lossy());
    ops(&mut a, [Op::Write]);
    let done = pending_job(&a).unwrap().run().unwrap();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/export/sample.csv");
    assert_eq!(
        std::fs::read_to_string(&done.path).unwrap(),
        std::fs::read_to_string(golden).unwrap()
    );
}
