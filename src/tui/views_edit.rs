//! Where the views meet the user's annotations: the speaker decisions
//! (merges and splits, kept in the sidecar's `speakers` section) and the
//! annotation actions on a statement highlighted in a view — done by the
//! reader's own annotation code, on the statement selected behind the view.
//! Nothing is written here but through the annotation store. No drawing.

use super::annotate::{self, Modal, Op, Purpose, Target};
use super::app::App;
use super::picker::{Candidate, Picker};
use super::views::{self, Screen, SpeakersView, say};
use crate::analysis::Span;

/// The speakers view's highlighted person and the table, if the view shows one.
fn speakers(app: &App) -> Option<&SpeakersView> {
    match &app.views.screen {
        Some(Screen::Speakers(s)) if s.person.is_none() => Some(s),
        _ => None,
    }
}

/// `m`: picks the person the highlighted one is merged into.
pub fn start_merge(app: &mut App) {
    let Some(s) = speakers(app) else { return };
    let Some(from) = s.selected() else { return };
    let dir = s.table.directory();
    let name = dir.canonical(from).to_string();
    let candidates: Vec<Candidate> = s
        .table
        .rows()
        .filter(|r| r.who != from)
        .map(|r| Candidate::new(dir.canonical(r.who), r.statements() as usize))
        .collect();
    if candidates.is_empty() {
        say(app, "no other speaker to merge with");
        return;
    }
    app.views.merging = Some(name.clone());
    open_picker(
        app,
        Picker::new(format!("Merge {name} into…"), candidates, false),
        Purpose::MergeSpeaker,
    );
}

/// `X`: picks the name form split off the highlighted person.
pub fn start_split(app: &mut App) {
    let Some(s) = speakers(app) else { return };
    let Some(who) = s.selected() else { return };
    let dir = s.table.directory();
    let forms: Vec<Candidate> = dir.variants(who).map(|v| Candidate::new(v, 0)).collect();
    if forms.len() < 2 {
        say(app, "this speaker has one name form only: nothing to split");
        return;
    }
    let title = format!("Split a name off {}", dir.canonical(who));
    open_picker(app, Picker::new(title, forms, false), Purpose::SplitSpeaker);
}

fn open_picker(app: &mut App, picker: Picker, purpose: Purpose) {
    // The choice is about the corpus, not one statement.
    let target = Target {
        article: app.reader.article.unwrap_or(0),
        statement: None,
    };
    app.annotate.modal = Some(Modal::Picker {
        picker,
        purpose,
        target,
    });
}

/// The picker of a merge or a split chose `value`.
pub fn picked(app: &mut App, purpose: Purpose, value: &str) {
    match purpose {
        Purpose::MergeSpeaker => {
            if let Some(from) = app.views.merging.take() {
                merge_into(app, &from, value);
            }
        }
        Purpose::SplitSpeaker => split_off(app, value),
        Purpose::Speaker | Purpose::Tag => {}
    }
}

/// Records in the sidecar that the person named `from` is the person named
/// `into`, and applies it everywhere.
pub fn merge_into(app: &mut App, from: &str, into: &str) {
    let stored = app
        .annotate
        .store
        .as_mut()
        .map(|s| s.merge_speakers(from, into));
    decided(app, stored, format!("{from} merged into {into}"));
}

/// Records in the sidecar that the name form `name` is a person of their
/// own, and applies it everywhere.
pub fn split_off(app: &mut App, name: &str) {
    let stored = app.annotate.store.as_mut().map(|s| s.split_speaker(name));
    decided(app, stored, format!("{name} is a speaker of their own"));
}

fn decided(app: &mut App, stored: Option<Result<(), crate::annotations::EditError>>, said: String) {
    match stored {
        Some(Ok(())) => {
            say(app, said);
            sync_decisions(app);
        }
        Some(Err(e)) => {
            app.annotate.notice = Some(annotate::Notice {
                text: e.to_string(),
                error: true,
            });
        }
        None => say(app, "speaker decisions need an annotations file"),
    }
}

/// After the speaker decisions changed: the tables and the reader labels
/// follow (the grouping follows in the background, see [`views::tick`]).
pub fn decisions_changed(app: &mut App) {
    // Group the names again once, for the tables and the reader's labels.
    views::directory(app);
    views::rebuild_speakers(app);
    app.relayout_reader();
}

/// Takes the speaker decisions from the annotations when they changed there
/// (opened, undone, redone); true when they did.
pub fn sync_decisions(app: &mut App) -> bool {
    let Some(store) = &app.annotate.store else {
        return false;
    };
    let now = store.speaker_decisions();
    if app.views.decisions_seen.as_ref() == Some(now) {
        return false;
    }
    let first = app.views.decisions_seen.is_none();
    app.views.decisions_seen = Some(now.clone());
    if first && now.is_empty() {
        return false;
    }
    decisions_changed(app);
    true
}

/// After any change to the annotations (called by the annotation code):
/// the decisions, the annotated statements and the open view follow.
pub fn annotations_changed(app: &mut App) {
    sync_decisions(app);
    // The list's catalogue has taken the edit in (see `App::catalog_speakers`).
    if matches!(app.views.screen, Some(Screen::Speakers(_))) {
        views::rebuild_speakers(app);
    }
}

/// Selects the statement on `span` in the reader, if it is one.
pub fn select_statement(app: &mut App, span: Span) {
    let found = app
        .annotate
        .marks
        .statements
        .iter()
        .find(|s| s.span == span)
        .cloned();
    if let Some(st) = found {
        app.annotate.range = None;
        app.annotate.selected = Some(st);
    }
}

/// The span of the reader's selected statement.
pub fn selected_span(app: &App) -> Option<Span> {
    app.annotate.selected.as_ref().map(|s| s.span)
}

/// `t`, `c`, `s`… on the statement highlighted in a speaker's statements:
/// the statement is selected in the reader behind the view and the reader's
/// annotation action runs on it, so a picker or the note editor opens over
/// the view and the edit is the reader's own.
pub fn annotate_highlighted(app: &mut App, op: Op) {
    let Some(Screen::Speakers(s)) = &app.views.screen else {
        return;
    };
    let Some(st) = s
        .person
        .as_ref()
        .and_then(|p| p.statements.get(p.cursor.selected))
        .copied()
    else {
        return;
    };
    views::show_in_reader(app, st.article as usize, st.span);
    if selected_span(app) != Some(st.span) {
        say(app, "this statement cannot be selected in its article");
        return;
    }
    annotate::update(app, op);
}
