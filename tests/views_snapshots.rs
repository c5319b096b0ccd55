//! The speakers, entities and variants views on ratatui's `TestBackend`,
//! driven through the same `update` the terminal uses, on a small corpus with
//! hand-made analyses (so that the pictures pin the views, not the analysis).
//! Annotating from a view writes to a sidecar in a temporary folder.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;

use gloss::analysis::{Analysis, Entity, EntityLabel, Quote, QuoteKind, Span};
use gloss::annotations::AnnotationStore;
use gloss::corpus::{Article, Corpus, CorpusSource};
use gloss::tui::action::{Action, Motion};
use gloss::tui::annotate::{Edit, Op};
use gloss::tui::keymap::Context;
use gloss::tui::theme::Role;
use gloss::tui::update::update;
use gloss::tui::view::speakers::BarChart;
use gloss::tui::view::view;
use gloss::tui::views::{self, Screen, ViewOp};
use gloss::tui::{App, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;

const ARTICLES: [(&str, &str); 3] = [
    (
        "world/001.txt",
        "Talks resume in Geneva\n\n\
         \"We will not accept any plan that divides the country,\" said Anna Berg on Monday. \
         The Northern Alliance met in Geneva. Berg said the talks would go on.\n",
    ),
    (
        "world/002.txt",
        "Geneva talks go on\n\n\
         Berg told reporters: \"We will not accept a plan that divides the country.\" \
         Officials of the Northern Alliance agreed. \"Nothing is settled,\" said Tom Reyes.\n",
    ),
    (
        "politics/003.txt",
        "Reyes in Oslo\n\n\
         \"Nothing is settled yet,\" Reyes said in Oslo. \"The numbers do not add up,\" he added. \
         \"We are ready,\" said Anna Berg.\n",
    ),
];

/// Spans of `needle` in `text` (every occurrence).
fn all(text: &str, needle: &str) -> Vec<Span> {
    text.match_indices(needle)
        .map(|(i, m)| Span::new(i, i + m.len()))
        .collect()
}

fn quote(text: &str, needle: &str, kind: QuoteKind, who: &str) -> Quote {
    Quote {
        span: all(text, needle)[0],
        kind,
        speaker: Some(who.to_string()),
    }
}

/// What the analysis would find, written out by hand.
fn analysis(i: usize, text: &str) -> Analysis {
    use QuoteKind::*;
    let quotes = match i {
        0 => vec![
            quote(
                text,
                "We will not accept any plan that divides the country,",
                Direct,
                "Anna Berg",
            ),
            quote(text, "the talks would go on", Indirect, "Berg"),
        ],
        1 => vec![
            quote(
                text,
                "We will not accept a plan that divides the country.",
                Direct,
                "Berg",
            ),
            quote(text, "Nothing is settled,", Direct, "Tom Reyes"),
        ],
        _ => vec![
            quote(text, "Nothing is settled yet,", Direct, "Reyes"),
            quote(text, "We are ready,", Direct, "Anna Berg"),
        ],
    };
    let mut entities = Vec::new();
    for (needle, label) in [
        ("Anna Berg", EntityLabel::Person),
        ("Tom Reyes", EntityLabel::Person),
        ("Geneva", EntityLabel::Place),
        ("Oslo", EntityLabel::Place),
        ("Northern Alliance", EntityLabel::Org),
    ] {
        entities.extend(
            all(text, needle)
                .into_iter()
                .map(|span| Entity { span, label }),
        );
    }
    entities.sort_by_key(|e| e.span.start);
    Analysis {
        quotes,
        entities,
        ..Analysis::default()
    }
}

fn app(width: u16, height: u16) -> App {
    let articles = ARTICLES
        .iter()
        .map(|(p, t)| Article::from_bytes(p, t.as_bytes()).unwrap())
        .collect();
    let corpus = Corpus {
        source: CorpusSource::Bundled,
        articles,
        skipped: Vec::new(),
    };
    let mut a = App::new(corpus, Theme::default(), Rect::new(0, 0, width, height));
    for i in 0..a.articles.len() {
        let an = Arc::new(analysis(i, &a.articles[i].text));
        update(
            &mut a,
            Action::AnalysisReady {
                article: i,
                analysis: an,
            },
        );
    }
    views::group_now(&mut a);
    a
}

fn op(a: &mut App, op: ViewOp) {
    update(a, Action::View(op));
}

fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.area.width, app.area.height)).unwrap();
    t.draw(|f| view(app, f)).unwrap();
    t
}

/// The screen as text, the no-break spaces of speaker labels as spaces.
fn screen(app: &App) -> String {
    draw(app).backend().to_string().replace('\u{a0}', " ")
}

fn speakers(a: &App) -> &views::SpeakersView {
    match &a.views.screen {
        Some(Screen::Speakers(s)) => s,
        _ => panic!("the speakers view is not open"),
    }
}

#[test]
fn speakers_view_lists_people_with_counts_and_a_bar_chart() {
    let mut a = app(100, 20);
    update(&mut a, Action::View(ViewOp::OpenSpeakers));
    insta::assert_snapshot!(draw(&a).backend());
}

#[test]
fn speakers_view_sorted_by_name() {
    let mut a = app(80, 16);
    op(&mut a, ViewOp::OpenSpeakers);
    for _ in 0..4 {
        op(&mut a, ViewOp::CycleSort);
    }
    op(&mut a, ViewOp::Move(Motion::Down));
    insta::assert_snapshot!(draw(&a).backend());
}

#[test]
fn bar_chart_of_the_most_quoted() {
    let mut a = app(100, 20);
    op(&mut a, ViewOp::OpenSpeakers);
    let bars = speakers(&a).chart.clone();
    let mut t = Terminal::new(TestBackend::new(36, 8)).unwrap();
    t.draw(|f| {
        f.render_widget(
            &BarChart {
                app: &a,
                bars: &bars,
            },
            f.area(),
        );
    })
    .unwrap();
    insta::assert_snapshot!(t.backend());
}

#[test]
fn a_speakers_statements_with_titles_and_the_variants_mark() {
    let mut a = app(100, 20);
    op(&mut a, ViewOp::OpenSpeakers);
    op(&mut a, ViewOp::Enter);
    assert_eq!(a.context(), Context::SpeakerStatements);
    insta::assert_snapshot!(draw(&a).backend());
}

#[test]
fn entities_view_and_one_entitys_mentions() {
    let mut a = app(90, 16);
    op(&mut a, ViewOp::OpenEntities);
    insta::assert_snapshot!("entities_view", draw(&a).backend());
    op(&mut a, ViewOp::CycleLabel);
    op(&mut a, ViewOp::CycleLabel);
    op(&mut a, ViewOp::Enter);
    insta::assert_snapshot!("entity_mentions", draw(&a).backend());
}

#[test]
fn variants_window_side_by_side_with_the_differences() {
    let mut a = app(100, 22);
    op(&mut a, ViewOp::OpenSpeakers);
    op(&mut a, ViewOp::Enter);
    // Anna Berg's first statement is the one another article reports.
    op(&mut a, ViewOp::OpenVariants);
    assert_eq!(a.context(), Context::Variants);
    let t = draw(&a);
    // The differing words are marked on both sides, the shared ones are not.
    let buf = t.backend().buffer();
    let changed = Theme::default().ui(Role::DiffChanged);
    let style_of = |word: &str| {
        let rows: Vec<String> = (0..buf.area.height)
            .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
            .collect();
        let (y, line) = rows
            .iter()
            .enumerate()
            .find(|(_, l)| l.contains(word))
            .unwrap();
        // The word starts after the space that leads `word`.
        let col = line[..line.find(word).unwrap()].chars().count() + 1;
        buf[(col as u16, y as u16)].style()
    };
    assert_eq!(style_of(" any ").bg, changed.bg);
    assert_eq!(style_of(" a plan").bg, changed.bg);
    assert_ne!(style_of(" accept ").bg, changed.bg);
    insta::assert_snapshot!(t.backend());
}

#[test]
fn the_reader_marks_a_quotation_other_articles_report() {
    let a = app(100, 20);
    let screen = screen(&a);
    assert!(screen.contains("Anna Berg ⧉1"), "{screen}");
}

/// The app with a sidecar in a temporary folder.
fn annotating(dir: &std::path::Path) -> App {
    let mut a = app(100, 20);
    a.attach_annotations(AnnotationStore::open_for_corpus(
        &CorpusSource::Bundled,
        Some(&dir.join("a.json")),
    ));
    a
}

fn sidecar(dir: &std::path::Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(dir.join("a.json")).unwrap()).unwrap()
}

#[test]
fn tagging_a_statement_from_the_speakers_view_goes_to_the_sidecar() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = annotating(dir.path());
    op(&mut a, ViewOp::OpenSpeakers);
    let before = speakers(&a).table.rows().next().unwrap().annotated;
    op(&mut a, ViewOp::Enter);
    op(&mut a, ViewOp::Move(Motion::Down));
    let st = speakers(&a).person.as_ref().unwrap().statements[1];
    op(&mut a, ViewOp::Annotate(Op::Tag));
    assert_eq!(
        a.context(),
        Context::Picker,
        "the tag picker opens over the view"
    );
    for c in "denial".chars() {
        update(&mut a, Action::Annotate(Op::Edit(Edit::Char(c))));
    }
    update(&mut a, Action::Annotate(Op::Confirm));
    assert_eq!(a.context(), Context::SpeakerStatements, "back in the view");
    let s = speakers(&a);
    let p = s.person.as_ref().unwrap();
    assert_eq!(p.cursor.selected, 1, "the highlight stays");
    assert!(p.statements[1].annotated);
    assert_eq!(s.table.rows().next().unwrap().annotated, before + 1);
    gloss::tui::annotate::flush(&mut a).unwrap();
    let saved = sidecar(dir.path());
    let ann = &saved["annotations"][0];
    assert_eq!(ann["tags"][0], "denial");
    let text = &a.articles[st.article as usize].text;
    assert_eq!(ann["target"]["exact"], st.span.slice(text));
}

#[test]
fn a_merge_picked_in_the_speakers_view_is_stored_and_applied() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = annotating(dir.path());
    op(&mut a, ViewOp::OpenSpeakers);
    let people = speakers(&a).table.len();
    // The second person (Tom Reyes) is merged into the first (Anna Berg).
    op(&mut a, ViewOp::Move(Motion::Down));
    op(&mut a, ViewOp::Merge);
    assert_eq!(a.context(), Context::Picker);
    update(&mut a, Action::Annotate(Op::Confirm));
    let s = speakers(&a);
    assert_eq!(s.table.len(), people - 1);
    assert_eq!(s.table.rows().next().unwrap().quotations, 5);
    gloss::tui::annotate::flush(&mut a).unwrap();
    let merges = &sidecar(dir.path())["speakers"]["merges"];
    assert_eq!(merges[0]["from"], "Tom Reyes");
    assert_eq!(merges[0]["into"], "Anna Berg");
    // Read back from the sidecar by the next session.
    let mut b = annotating(dir.path());
    op(&mut b, ViewOp::OpenSpeakers);
    assert_eq!(
        speakers(&b).table.len(),
        people - 1,
        "the merge is read back"
    );
    // Applied in the reader too: Reyes's quotation is labelled with the merged name.
    op(&mut a, ViewOp::Back);
    update(&mut a, Action::Select(1));
    let shown = screen(&a);
    assert!(
        shown.contains("\"Nothing is settled,\" — Anna Berg"),
        "{shown}"
    );
    assert!(!shown.contains("— Tom Reyes"), "{shown}");
    // Undo takes the merge back everywhere.
    update(&mut a, Action::Annotate(Op::Undo));
    op(&mut a, ViewOp::OpenSpeakers);
    assert_eq!(speakers(&a).table.len(), people);
    op(&mut a, ViewOp::Back);
    let shown = screen(&a);
    assert!(shown.contains("— Tom Reyes"), "{shown}");
}

#[test]
fn a_split_picked_in_the_speakers_view_separates_a_name_form() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = annotating(dir.path());
    op(&mut a, ViewOp::OpenSpeakers);
    let people = speakers(&a).table.len();
    op(&mut a, ViewOp::Split);
    assert_eq!(a.context(), Context::Picker);
    // The name forms of Anna Berg: "Anna Berg", "Berg"; pick "Berg".
    update(&mut a, Action::Annotate(Op::Edit(Edit::Char('B'))));
    update(&mut a, Action::Annotate(Op::Edit(Edit::Char('e'))));
    update(&mut a, Action::Annotate(Op::Edit(Edit::Char('r'))));
    update(&mut a, Action::Annotate(Op::Edit(Edit::Char('g'))));
    update(&mut a, Action::Annotate(Op::Confirm));
    assert_eq!(speakers(&a).table.len(), people + 1);
    gloss::tui::annotate::flush(&mut a).unwrap();
    assert_eq!(sidecar(dir.path())["speakers"]["splits"][0], "Berg");
}
