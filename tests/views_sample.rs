//! The views on the sample corpus: the quotation several outlets report is
//! grouped across the articles that carry it, the reader marks it, and the
//! variants window lists the other articles with the differing words.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::sync::Arc;

use gloss::analysis::analyze;
use gloss::corpus::Corpus;
use gloss::tui::action::Action;
use gloss::tui::update::update;
use gloss::tui::views::{self, ViewOp};
use gloss::tui::wrap::Source;
use gloss::tui::{App, Theme};
use ratatui::layout::Rect;

const SHARED: &str = "a vivid example of the failure of United States policy in the Middle East";

/// The sample corpus, analysed and grouped as the interface does it.
fn sample() -> App {
    let mut app = App::new(
        Corpus::bundled(),
        Theme::default(),
        Rect::new(0, 0, 120, 40),
    );
    for i in 0..app.articles.len() {
        let analysis = Arc::new(analyze(&app.articles[i].text));
        update(
            &mut app,
            Action::AnalysisReady {
                article: i,
                analysis,
            },
        );
    }
    views::group_now(&mut app);
    app
}

/// The articles whose text carries the shared quotation, and the index of
/// the quotation holding it in each.
fn carriers(app: &App) -> Vec<(usize, usize)> {
    (0..app.articles.len())
        .filter_map(|i| {
            let text = &app.articles[i].text;
            let at = text.find(SHARED)?;
            let q = app
                .analysis(i)?
                .quotes
                .iter()
                .position(|q| q.span.start <= at && at + SHARED.len() <= q.span.end)?;
            Some((i, q))
        })
        .collect()
}

#[test]
fn the_quotation_several_outlets_report_is_grouped_across_them() {
    let app = sample();
    let carriers = carriers(&app);
    let carrying: BTreeSet<usize> = (0..app.articles.len())
        .filter(|&i| app.articles[i].text.contains(SHARED))
        .collect();
    assert!(carrying.len() >= 3, "the sample corpus carries it thrice");
    assert_eq!(
        carriers.len(),
        carrying.len(),
        "every carrying article has it in a quotation"
    );
    let (first, q) = carriers[0];
    let speaker = app.analysis(first).unwrap().quotes[q].speaker.clone();
    assert_eq!(speaker.as_deref(), Some("Vladimir Putin"));
    let others: BTreeSet<usize> = app
        .views
        .others(first, q)
        .iter()
        .map(|m| m.article as usize)
        .collect();
    let expected: BTreeSet<usize> = carrying.iter().copied().filter(|&i| i != first).collect();
    assert!(
        expected.is_subset(&others),
        "grouped with {others:?}, carried by {carrying:?}"
    );
}

#[test]
fn the_reader_marks_the_quotation_with_the_number_of_other_articles() {
    let mut app = sample();
    let carriers = carriers(&app);
    let (article, q) = carriers[0];
    let span = app.analysis(article).unwrap().quotes[q].span;
    views::show_in_reader(&mut app, article, span);
    let table = &app.reader.table;
    let n = {
        let mut arts: Vec<u32> = app
            .views
            .others(article, q)
            .iter()
            .map(|m| m.article)
            .collect();
        arts.dedup();
        arts.len()
    };
    let mark = views::variant_mark(n);
    let labels: Vec<&str> = table
        .lines
        .iter()
        .flat_map(|l| &l.segments)
        .filter_map(|s| match &s.source {
            Source::Label { label, .. } => Some(table.label(*label)),
            Source::Text(_) => None,
        })
        .collect();
    assert!(
        labels
            .iter()
            .any(|l| l.contains("Putin") && l.contains(&mark)),
        "no {mark} after the speaker label in {labels:?}"
    );
    // The mark sits just after the quotation.
    let line = table.line_at_offset(span.end.saturating_sub(1));
    let near: String = table.lines[line..(line + 2).min(table.len())]
        .iter()
        .flat_map(|l| &l.segments)
        .map(|s| {
            table
                .segment_text(&app.articles[article].text, s)
                .into_owned()
        })
        .collect();
    assert!(near.contains(&mark), "{near:?}");
}

#[test]
fn v_lists_the_other_articles_with_the_differing_words() {
    let mut app = sample();
    let carriers = carriers(&app);
    let (article, q) = carriers[0];
    let span = app.analysis(article).unwrap().quotes[q].span;
    views::show_in_reader(&mut app, article, span);
    update(&mut app, Action::View(ViewOp::OpenVariants));
    let v = app
        .views
        .variants
        .as_ref()
        .expect("the variants window opens");
    assert_eq!(v.reference.article as usize, article);
    let listed: BTreeSet<usize> = v
        .entries
        .iter()
        .map(|e| e.member.article as usize)
        .collect();
    for (other, _) in &carriers[1..] {
        assert!(listed.contains(other), "{other} missing from {listed:?}");
    }
    // Trimmed or reworded versions differ somewhere; the shared words match.
    for e in &v.entries {
        assert!(e.diff.a.iter().any(|w| w.1), "some words are shared");
    }
    // Enter reads the highlighted article's wording.
    let first = v.entries[0].member.article as usize;
    update(&mut app, Action::View(ViewOp::Enter));
    assert!(app.views.variants.is_none());
    assert_eq!(app.reader.article, Some(first));
}
