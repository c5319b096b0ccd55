//! End-to-end: the speakers view in a real terminal (tmux) — search, open
//! the view and its most quoted speaker, tag one of the statements there,
//! and find the tag in the sidecar. Skipped, with a message, without tmux.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::time::{Duration, Instant};

use gloss::corpus::Corpus;
use support::tmux::{Tmux, gloss_command_with_env};

/// The most quoted speaker of the sample corpus, as the speakers view
/// groups name forms into people, and the first of their statements.
fn most_quoted(corpus: &Corpus) -> (String, u32, gloss::search::Statement) {
    use gloss::search::{SpeakerCatalog, SpeakerDecisions, SpeakerSort};
    let mut catalog = SpeakerCatalog::new();
    for (i, a) in corpus.articles.iter().enumerate() {
        catalog.set_article(i as u32, &gloss::analysis::analyze(&a.text).quotes, &[]);
    }
    let mut table = catalog.table(&SpeakerDecisions::default());
    table.sort(SpeakerSort::Quotations, false);
    let top = *table.rows().next().unwrap();
    let name = table.directory().canonical(top.who).to_string();
    let first = catalog.statements_of(table.directory(), top.who)[0];
    (name, top.statements(), first)
}

#[test]
fn search_then_tag_a_statement_of_the_most_quoted_speaker_from_the_speakers_view() {
    let Some(t) = Tmux::start("speakers", 120, 40) else {
        return;
    };
    let corpus = Corpus::bundled();
    let home = tempfile::tempdir().unwrap();
    let sidecar = home.path().join("a.json");
    // The annotations go to a temporary folder, never the user's data folder.
    t.type_line(&gloss_command_with_env(
        &format!(
            "HOME='{h}' XDG_DATA_HOME='{h}/data'",
            h = home.path().display()
        ),
        &format!("--annotations '{}'", sidecar.display()),
    ));
    t.wait_for("5 articles");

    // The search narrows the list.
    let with = corpus
        .articles
        .iter()
        .filter(|a| a.text.to_lowercase().contains("peskov"))
        .count();
    t.keys(&["/"]);
    t.type_text("Peskov");
    t.keys(&["Enter"]);
    t.wait_for(&format!("{with} of 5 articles"));

    // The speakers view, once every article is analysed: the most quoted first.
    let (name, statements, first) = most_quoted(&corpus);
    let title = format!("{name} · {statements} statements");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        t.keys(&["S"]);
        let screen = t.wait_for("Most quoted");
        let top_row = screen
            .lines()
            .find(|l| l.contains("quot▼"))
            .and_then(|_| screen.lines().skip_while(|l| !l.contains("quot▼")).nth(1))
            .unwrap_or("")
            .to_string();
        if top_row.contains(&name) {
            t.keys(&["Enter"]);
            if t.wait_until("the statements", |s| s.contains("name forms:"))
                .contains(&title)
            {
                break;
            }
            t.keys(&["Escape"]);
        }
        assert!(Instant::now() < deadline, "never saw {title}:\n{screen}");
        t.keys(&["Escape"]);
        std::thread::sleep(Duration::from_millis(200));
    }

    // Tag the first statement right there.
    t.keys(&["t"]);
    t.wait_for("Tag (a marked tag is removed)");
    t.type_text("said-it");
    t.wait_for("new: said-it");
    t.keys(&["Enter"]);
    t.wait_for("tagged #said-it");
    let screen = t.wait_for(&title);
    assert!(
        screen.contains(" ●"),
        "the statement is marked annotated:\n{screen}"
    );
    t.keys(&["q"]);
    t.wait_for("EXIT=0");

    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&sidecar).unwrap()).unwrap();
    let list = saved["annotations"].as_array().unwrap();
    assert_eq!(list.len(), 1, "{saved:#}");
    let article = &corpus.articles[first.article as usize];
    assert_eq!(list[0]["article"], article.id.0.as_str());
    assert_eq!(list[0]["target"]["exact"], first.span.slice(&article.text));
    assert_eq!(list[0]["tags"], serde_json::json!(["said-it"]));
}
