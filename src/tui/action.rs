//! Everything the user (or a background worker) can ask the app to do.
//!
//! Keys and mouse events are translated into [`Action`]s (through the keymap
//! and the layout); [`super::update::update`] is the only place that applies
//! them to the state. Nothing here knows about terminals or widgets.

use std::sync::Arc;

use crate::analysis::Analysis;
use crate::corpus::{Article, Skipped};
use crate::search::Filter;

use super::views::ViewOp;

/// A movement inside the focused pane or the open overlay.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    /// One line (reader, overlays) or one article (list) up.
    Up,
    /// One line or one article down.
    Down,
    /// One screenful up.
    PageUp,
    /// One screenful down.
    PageDown,
    /// To the very start.
    Top,
    /// To the very end.
    Bottom,
}

/// One of the two panes of the main layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The article list on the left.
    List,
    /// The reader on the right.
    Reader,
}

/// A request to change the app state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Leave gloss.
    Quit,
    /// Close the open overlay; quit when none is open.
    Back,
    /// Move inside the focused pane (or the open overlay).
    Move(Motion),
    /// Move the focus to the other pane.
    FocusNext,
    /// Focus a given pane.
    Focus(Pane),
    /// Open the article selected in the list in the reader and focus the reader.
    Open,
    /// Show or hide the help overlay (every key, the highlight legend).
    ToggleHelp,
    /// Show or hide the warnings overlay (skipped files, per-article warnings).
    ToggleWarnings,
    /// Show or hide entity and quotation highlights in the reader.
    ToggleHighlights,
    /// Scroll the given pane by `lines` (mouse wheel; negative is up).
    Scroll {
        /// The pane under the pointer.
        pane: Pane,
        /// Lines (reader) or articles (list) to scroll; negative scrolls up.
        lines: isize,
    },
    /// Select the list entry at `index` and open it (mouse click).
    Select(usize),
    /// The terminal now has this many columns and rows.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// The background loader found this many article files.
    FilesFound(usize),
    /// The next articles of the corpus, continuing corpus order.
    ArticlesLoaded(Vec<Article>),
    /// Files the loader could not load.
    FilesSkipped(Vec<Skipped>),
    /// The whole corpus is loaded.
    LoadingDone,
    /// Select statements, annotate them, undo (see [`super::annotate::Op`]).
    Annotate(super::annotate::Op),
    /// Open, change or close the export dialog, or write the export (see
    /// [`super::export_dialog::Op`]).
    Export(super::export_dialog::Op),
    /// The background analysis of article `article` (its corpus index) is done.
    AnalysisReady {
        /// Index of the article in the corpus.
        article: usize,
        /// What the analysis found.
        analysis: Arc<Analysis>,
    },
    /// The background analysis of article `article` failed (a bug in a
    /// rule): the article is shown without highlights and the user told why.
    AnalysisFailed {
        /// Index of the article in the corpus.
        article: usize,
        /// The failure, as the analysis reported it.
        reason: String,
    },
    /// Time passed: pick up background progress, catch up a narrowed list.
    Tick(std::time::Instant),
    /// Open the search line.
    SearchOpen,
    /// A character typed into the search line.
    SearchInput(char),
    /// Remove the last character of the search line.
    SearchBackspace,
    /// Keep the search and return to the list.
    SearchAccept,
    /// Close the search line and restore the list and selection as they were.
    SearchCancel,
    /// Go to the next search match (on to the next matching article).
    NextMatch,
    /// Go to the previous search match (back to the previous matching article).
    PrevMatch,
    /// Add a filter to the filter line.
    AddFilter(Filter),
    /// Filter by the speaker of the quotation in view.
    FilterBySelection,
    /// Remove every filter and the search.
    ClearFilters,
    /// Sort the list by the next sort order.
    CycleSort,
    /// Open the filter menu (kind of filter, then a value).
    FilterMenu,
    /// A character typed into the filter menu's picker.
    MenuInput(char),
    /// Remove the last character of the filter menu's query.
    MenuBackspace,
    /// Highlight the previous entry of the filter menu.
    MenuUp,
    /// Highlight the next entry of the filter menu.
    MenuDown,
    /// Choose the highlighted entry of the filter menu.
    MenuChoose,
    /// Close the filter menu without setting a filter.
    MenuClose,
    /// Something for the speakers, entities or variants views.
    View(ViewOp),
}
