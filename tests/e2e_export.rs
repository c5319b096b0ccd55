//! End-to-end: the export dialog of the real `gloss` binary in a real
//! terminal (tmux). The sidecar is a fixture copied into a temporary folder
//! and every file is written there; the user's data folder is pointed there
//! too, so nothing outside it is touched. Skipped, with a message, without tmux.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::{Path, PathBuf};

use support::tmux::{Tmux, gloss_command_with_env};

fn fixture_sidecar() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sidecars/export/sample.json")
}

fn golden_csv() -> Vec<csv::StringRecord> {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/export/sample.csv");
    csv::Reader::from_path(golden)
        .unwrap()
        .records()
        .map(Result::unwrap)
        .collect()
}

/// A temporary folder with a copy of the fixture sidecar; gloss runs on the
/// sample corpus with that sidecar and its data folder inside.
fn start(name: &str) -> Option<(Tmux, tempfile::TempDir)> {
    let t = Tmux::start(name, 110, 32)?;
    let dir = tempfile::tempdir().unwrap();
    let sidecar = dir.path().join("sidecar.json");
    std::fs::copy(fixture_sidecar(), &sidecar).unwrap();
    let data = dir.path().join("data");
    t.type_line(&gloss_command_with_env(
        &format!("XDG_DATA_HOME='{}'", data.display()),
        &format!("--annotations '{}'", sidecar.display()),
    ));
    t.wait_for("article 1/5");
    Some((t, dir))
}

/// The screen's text with line breaks, borders and runs of spaces folded, so
/// that a wrapped message can be found whole.
fn flat(screen: &str) -> String {
    screen
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Opens the dialog, chooses csv and types `path` as the destination.
fn csv_to(t: &Tmux, path: &Path) {
    t.keys(&["e"]);
    t.wait_for("Export annotations");
    t.wait_for("→ .json");
    t.keys(&["Right", "Right"]);
    t.wait_for("→ .csv");
    t.keys(&["C-u"]);
    t.type_text(&path.to_string_lossy());
    t.wait_for(&path.to_string_lossy());
}

#[test]
fn export_the_sample_annotations_as_csv_from_the_dialog() {
    let Some((t, dir)) = start("export-csv") else {
        return;
    };
    let out = dir.path().join("exports/mine.csv");
    csv_to(&t, &out);
    t.keys(&["Enter"]);
    let rows = golden_csv();
    let said = format!("✓ wrote {} statements from", rows.len());
    let screen = t.wait_until(&said, |s| flat(s).contains(&said));
    assert!(
        flat(&screen).contains(&out.display().to_string()),
        "{screen}"
    );

    // Esc closes the dialog, q quits.
    t.keys(&["Escape"]);
    t.wait_until("the dialog to close", |s| !s.contains("Export annotations"));
    t.keys(&["q"]);
    t.wait_for("EXIT=0");

    let written: Vec<csv::StringRecord> = csv::Reader::from_path(&out)
        .unwrap()
        .records()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        written, rows,
        "the same rows as `gloss export --format csv`"
    );
    let header = csv::Reader::from_path(&out)
        .unwrap()
        .headers()
        .unwrap()
        .clone();
    assert_eq!(&header[0], "article_id");
    assert!(
        !dir.path().join("data").exists(),
        "the data folder is untouched"
    );
}

#[test]
fn an_unwritable_destination_shows_the_error_and_keeps_the_dialog() {
    let Some((t, dir)) = start("export-error") else {
        return;
    };
    // A regular file where a folder should be.
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "not a folder").unwrap();
    let bad = blocker.join("out.csv");
    csv_to(&t, &bad);
    t.keys(&["Enter"]);
    let expected = format!("{} is a file, not a folder", blocker.display());
    let screen = t.wait_until("the error", |s| flat(s).contains(&expected));
    assert!(flat(&screen).contains("✗ cannot write"), "{screen}");
    // Still open, with the format and the path as they were.
    assert!(screen.contains("Export annotations"), "{screen}");
    assert!(screen.contains("→ .csv"), "{screen}");
    assert!(screen.contains(&bad.display().to_string()), "{screen}");
    assert!(!bad.exists());

    // Fix the path (the format stays csv) and write again.
    let good = dir.path().join("good.csv");
    t.keys(&["C-u"]);
    t.type_text(&good.to_string_lossy());
    t.keys(&["Enter"]);
    t.wait_until("the retry", |s| flat(s).contains("✓ wrote"));
    assert!(t.screen().contains("→ .csv"));
    // Wait for Esc to land: Esc and q in one read would be Alt-q.
    t.keys(&["Escape"]);
    t.wait_until("the dialog to close", |s| !s.contains("Export annotations"));
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    assert_eq!(
        csv::Reader::from_path(&good).unwrap().records().count(),
        golden_csv().len()
    );
}
