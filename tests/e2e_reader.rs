//! End-to-end: the real `gloss` binary in a real terminal (tmux), driven with
//! key presses, its screen read back. Skipped, with a message, without tmux.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::path::Path;

use gloss::corpus::Corpus;
use support::tmux::{Tmux, gloss_command, gloss_command_with_env};

/// The start of a title, short enough to fit the list at 100 columns.
fn title_prefix(title: &str) -> String {
    title.chars().take(20).collect()
}

#[test]
fn browse_the_sample_corpus_and_quit() {
    let Some(t) = Tmux::start("browse", 100, 30) else {
        return;
    };
    let corpus = Corpus::bundled();
    t.type_line(&gloss_command(""));

    // The five titles are listed.
    let titles: Vec<String> = corpus
        .articles
        .iter()
        .map(|a| title_prefix(&a.meta.title))
        .collect();
    t.wait_until("the five titles", |s| {
        titles.iter().all(|p| s.contains(p.as_str()))
    });
    t.wait_for("article 1/5");
    assert_eq!(t.pane_flag("alternate_on"), "1");
    assert_eq!(t.pane_flag("mouse_any_flag"), "1", "mouse reporting is on");

    // Down twice, open: the third article's text is in the reader.
    t.keys(&["j", "Down", "Enter"]);
    let third = &corpus.articles[2];
    let opening: String = third
        .text
        .lines()
        .find(|l| l.split_whitespace().count() > 8)
        .unwrap()
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    t.wait_for("article 3/5 · 0%");
    t.wait_for(&opening);

    // Scroll: the position moves off the top.
    t.keys(&["NPage"]);
    t.wait_until("a scrolled position", |s| {
        s.contains("article 3/5 ·") && !s.contains("article 3/5 · 0%")
    });

    // Resize: smaller layout, then too small, then back.
    t.resize(70, 20);
    t.wait_until("the 70-column layout", |s| {
        s.lines().count() == 20 && s.contains("article 3/5")
    });
    t.resize(50, 12);
    t.wait_for("terminal too small (need 60×15)");
    t.resize(100, 30);
    t.wait_for("article 3/5");

    // Help opens and Esc closes it without quitting.
    t.keys(&["?"]);
    t.wait_for("show or hide this help");
    t.keys(&["Escape"]);
    t.wait_until("the help to close", |s| {
        !s.contains("show or hide this help")
    });
    t.wait_for("article 3/5");

    // q quits: exit code 0 and the shell's screen is back (alternate screen left).
    t.keys(&["q"]);
    let screen = t.wait_for("EXIT=0");
    assert!(screen.contains("BEFORE-GLOSS"), "{screen}");
    assert!(!screen.contains("article 3/5"), "{screen}");
    assert_eq!(t.pane_flag("alternate_on"), "0");
    assert_eq!(
        t.pane_flag("mouse_any_flag"),
        "0",
        "mouse reporting is off again"
    );
}

/// The `terminal_restore` example, built by `cargo test` next to this test.
fn restore_example() -> Option<std::path::PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let path = exe.parent()?.parent()?.join("examples/terminal_restore");
    if path.is_file() {
        Some(path)
    } else {
        eprintln!("skipping: {} is not built", path.display());
        None
    }
}

#[test]
fn the_terminal_is_restored_after_a_panic_and_after_an_error() {
    let Some(example) = restore_example() else {
        return;
    };
    for (how, code) in [("panic", "101"), ("error", "1")] {
        let Some(t) = Tmux::start(&format!("restore-{how}"), 100, 30) else {
            return;
        };
        t.type_line(&format!(
            "printf 'BEFORE-GLOSS\\n'; RUST_BACKTRACE=0 RUST_LIB_BACKTRACE=0 '{}' {how}; echo \"EXIT=$?\"",
            example.display()
        ));
        let screen = t.wait_for(&format!("EXIT={code}"));
        assert!(screen.contains("BEFORE-GLOSS"), "{screen}");
        assert!(
            screen.contains("deliberate"),
            "the message is readable: {screen}"
        );
        assert!(!screen.contains("inside the alternate screen"), "{screen}");
        assert_eq!(t.pane_flag("alternate_on"), "0", "{how}");
        assert_eq!(t.pane_flag("mouse_any_flag"), "0", "{how}");
        // Cooked mode is back: the shell echoes what is typed and runs it.
        t.type_line("echo typed-$((40 + 2))");
        t.wait_for("typed-42");
    }
}

#[test]
fn mouse_click_opens_an_article() {
    let Some(t) = Tmux::start("mouse", 100, 30) else {
        return;
    };
    t.type_line(&gloss_command(""));
    t.wait_for("article 1/5");
    // An SGR mouse press and release on the fourth list entry (row 8, 1-based).
    t.tmux(&["send-keys", "-t", "main", "-l", "\x1b[<0;6;8M\x1b[<0;6;8m"]);
    t.wait_for("article 4/5");
    t.keys(&["C-c"]);
    t.wait_for("EXIT=0");
}

#[test]
fn escape_sequences_in_an_article_never_reach_the_terminal() {
    let Some(t) = Tmux::start("escapes", 100, 30) else {
        return;
    };
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpora/escapes");
    t.type_line(&gloss_command(&format!("'{}'", fixture.display())));
    let screen = t.wait_for("␛[2J");
    assert!(screen.contains("␛]0;owned␇"), "{screen}");
    // The OSC sequence in the text did not retitle the terminal.
    let title = t.tmux(&["display-message", "-p", "-t", "main", "#{pane_title}"]);
    assert!(!String::from_utf8_lossy(&title.stdout).contains("owned"));
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn a_missing_path_exits_2_without_touching_the_screen() {
    let Some(t) = Tmux::start("missing", 100, 30) else {
        return;
    };
    t.type_line(&gloss_command("/no/such/gloss/corpus"));
    let screen = t.wait_for("EXIT=2");
    assert!(screen.contains("/no/such/gloss/corpus"), "{screen}");
}

#[test]
fn an_empty_folder_shows_a_message_not_an_empty_screen() {
    let Some(t) = Tmux::start("empty", 100, 30) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    t.type_line(&gloss_command(&format!("'{}'", dir.path().display())));
    t.wait_for("No articles (.txt or .md) in");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn skipped_and_damaged_files_are_counted_and_listed_in_the_warnings_view() {
    let Some(t) = Tmux::start("warnings", 100, 30) else {
        return;
    };
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpora/messy");
    t.type_line(&gloss_command(&format!("'{}'", fixture.display())));
    t.wait_for("2 articles · 1 skipped");
    t.keys(&["w"]);
    t.wait_for("binary.txt: skipped, binary file");
    t.wait_for("latin1.txt: not valid UTF-8");
    t.keys(&["Escape"]);
    t.wait_until("the warnings to close", |s| {
        !s.contains("binary.txt: skipped")
    });
    t.keys(&["Escape"]);
    t.wait_for("EXIT=0");
}

/// The shell command that runs gloss on the sample corpus with its
/// annotations in `sidecar`, `home` standing in for the user's home.
fn gloss_with_sidecar(home: &Path, sidecar: &Path) -> String {
    gloss_command_with_env(
        &format!("HOME='{h}' XDG_DATA_HOME='{h}/data'", h = home.display()),
        &format!("--annotations '{}'", sidecar.display()),
    )
}

/// Waits until the article at `path` is open in the reader and analysed.
fn wait_for_analysis(t: &Tmux, path: &str) {
    t.wait_until("the analysis of the open article", |s| {
        s.contains(path) && !s.contains("analysing…")
    });
}

/// The first statement `]` selects at the top of an article: the first
/// quotation or reported statement that is not a term.
fn first_statement(text: &str) -> String {
    let analysis = gloss::analysis::analyze(text);
    let mut quotes: Vec<_> = analysis
        .quotes
        .iter()
        .filter(|q| q.kind != gloss::analysis::QuoteKind::Term)
        .collect();
    quotes.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    quotes[0].span.slice(text).to_string()
}

#[test]
fn tag_a_quotation_set_its_speaker_and_note_then_find_it_marked_after_a_restart() {
    let Some(t) = Tmux::start("annotate", 120, 40) else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let sidecar = home.path().join("a.json");
    t.type_line(&gloss_with_sidecar(home.path(), &sidecar));
    // Where the annotations go is said once, at the start.
    t.wait_for("annotations: ");
    t.wait_for("article 1/5");

    // Open the first article and wait for its analysis.
    let corpus = Corpus::bundled();
    let article = &corpus.articles[0];
    t.keys(&["Enter"]);
    wait_for_analysis(&t, &article.path);
    t.keys(&["]"]);
    t.wait_for("s speaker");

    t.keys(&["t"]);
    t.wait_for("Tag (a marked tag is removed)");
    t.type_text("blame-us");
    t.wait_for("new: blame-us");
    t.keys(&["Enter"]);
    t.wait_for("tagged #blame-us");

    t.keys(&["s"]);
    t.wait_for("Speaker");
    t.type_text("Quentin Zorn");
    t.wait_for("new: Quentin Zorn");
    t.keys(&["Enter"]);
    t.wait_for("speaker: Quentin Zorn");

    t.keys(&["c"]);
    t.wait_for("Ctrl-S save");
    t.type_text("Check the date.");
    t.keys(&["C-s"]);
    t.wait_for("note saved");
    // Saved shortly after the change, before quitting.
    t.wait_for(" saved · article 1/5");
    let early: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sidecar).unwrap()).unwrap();
    assert_eq!(early["annotations"][0]["note"], "Check the date.");

    t.keys(&["q"]);
    t.wait_for("EXIT=0");

    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sidecar).unwrap()).unwrap();
    let list = saved["annotations"].as_array().unwrap();
    assert_eq!(list.len(), 1, "{saved:#}");
    let a = &list[0];
    assert_eq!(a["article"], article.id.0.as_str());
    assert_eq!(
        a["target"]["exact"],
        first_statement(&article.text).as_str()
    );
    assert_eq!(a["tags"], serde_json::json!(["blame-us"]));
    assert_eq!(a["speaker"], "Quentin Zorn");
    assert_eq!(a["note"], "Check the date.");

    // Reopened: the article counts one annotation, and the statement is
    // labelled with what was set.
    t.keys(&["C-l"]);
    t.type_line(&gloss_with_sidecar(home.path(), &sidecar));
    t.wait_for("✎1");
    t.keys(&["Enter"]);
    wait_for_analysis(&t, &article.path);
    t.keys(&["]"]);
    t.wait_for("Quentin Zorn #blame-us ✎");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn a_corrupt_sidecar_opens_read_only_says_where_and_is_left_as_it_was() {
    let Some(t) = Tmux::start("corrupt", 160, 30) else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let sidecar = home.path().join("a.json");
    let bytes = b"{\"version\": 1,\n \"annotations\": [\n  {\"id\": 7,".to_vec();
    std::fs::write(&sidecar, &bytes).unwrap();
    t.type_line(&gloss_with_sidecar(home.path(), &sidecar));
    let screen = t.wait_for("read-only: ");
    assert!(screen.contains("a.json, line 3"), "{screen}");
    // Trying to annotate says why it cannot.
    t.wait_for("article 1/5");
    t.keys(&["Enter"]);
    wait_for_analysis(&t, &Corpus::bundled().articles[0].path);
    t.keys(&["]"]);
    t.wait_for("s speaker");
    t.keys(&["t"]);
    t.wait_for("read-only: ");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
    assert_eq!(std::fs::read(&sidecar).unwrap(), bytes);
    let left: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["a.json"], "no backup, no temporary file");
}

#[test]
fn search_narrows_the_list_and_escape_restores_it() {
    let Some(t) = Tmux::start("search", 100, 30) else {
        return;
    };
    let corpus = Corpus::bundled();
    t.type_line(&gloss_command(""));
    t.wait_for("5 articles");
    let (with, without): (Vec<_>, Vec<_>) = corpus
        .articles
        .iter()
        .partition(|a| a.text.to_lowercase().contains("peskov"));
    assert!(!with.is_empty() && !without.is_empty());

    t.keys(&["/"]);
    t.tmux(&["send-keys", "-t", "main", "-l", "Peskov"]);
    let narrowed = format!("{} of 5 articles", with.len());
    let screen = t.wait_for(&narrowed);
    for a in &with {
        assert!(screen.contains(&title_prefix(&a.meta.title)), "{screen}");
    }
    for a in &without {
        assert!(!screen.contains(&title_prefix(&a.meta.title)), "{screen}");
    }
    assert!(screen.contains("/Peskov"), "{screen}");

    // Esc: every article again, the search line closed.
    t.keys(&["Escape"]);
    let titles: Vec<String> = corpus
        .articles
        .iter()
        .map(|a| title_prefix(&a.meta.title))
        .collect();
    let screen = t.wait_until("all five articles again", |s| {
        !s.contains(" of 5 articles") && titles.iter().all(|p| s.contains(p.as_str()))
    });
    assert!(screen.contains(" 5 articles "), "{screen}");
    assert!(!screen.contains("/Peskov"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}

#[test]
fn a_folder_filter_from_the_filter_menu_narrows_the_list() {
    let Some(t) = Tmux::start("filter", 100, 30) else {
        return;
    };
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpora/folders");
    t.type_line(&gloss_command(&format!("'{}'", fixture.display())));
    t.wait_for("3 articles");
    // Filter menu → folder → politics/.
    t.keys(&["F"]);
    t.wait_for("annotation state");
    t.tmux(&["send-keys", "-t", "main", "-l", "folder"]);
    t.keys(&["Enter"]);
    t.wait_for("politics/");
    t.tmux(&["send-keys", "-t", "main", "-l", "politics"]);
    t.keys(&["Enter"]);
    let screen = t.wait_for("2 of 3 articles");
    assert!(screen.contains("folder: politics/"), "{screen}");
    assert!(!screen.contains("Cup final"), "{screen}");
    // X clears it.
    t.keys(&["X"]);
    let screen = t.wait_until("all three articles again", |s| {
        !s.contains(" of 3 articles") && s.contains("Cup final")
    });
    assert!(!screen.contains("folder: politics/"), "{screen}");
    t.keys(&["q"]);
    t.wait_for("EXIT=0");
}
