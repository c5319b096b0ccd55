//! The search line's state: what is typed, whether the line is open, the
//! query it stands for, and what to go back to when the user presses Esc.
//!
//! Only the text and its query live here; narrowing the list and moving
//! between matches is done by [`super::browse`]. No I/O, no drawing.

use super::app::ListState;
use crate::search::Query;

/// Where the user was before opening the search line, restored by Esc.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SavedView {
    /// The search text that applied before.
    pub input: String,
    /// The article selected in the list.
    pub selected: Option<usize>,
    /// The list's selection and scroll position.
    pub list: ListState,
    /// The article open in the reader and its scroll position.
    pub reader: Option<(usize, usize)>,
}

/// The search line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SearchLine {
    /// What the user typed.
    pub input: String,
    /// True while the line is open and takes the keys.
    pub editing: bool,
    /// The query the list is narrowed by (empty: no search).
    pub query: Query,
    /// The view to restore on Esc, while the line is open.
    pub saved: Option<SavedView>,
}

impl SearchLine {
    /// Opens the line, remembering `view` for Esc; the current text stays so
    /// that it can be refined.
    pub fn open(&mut self, view: SavedView) {
        self.editing = true;
        self.saved = Some(view);
    }

    /// Adds a typed character; returns true when the query changed.
    pub fn push(&mut self, c: char) -> bool {
        if c.is_control() {
            return false;
        }
        self.input.push(c);
        self.reparse()
    }

    /// Removes the last character; returns true when the query changed.
    pub fn pop(&mut self) -> bool {
        self.input.pop().is_some() && self.reparse()
    }

    /// Empties the line; returns true when the query changed.
    pub fn clear(&mut self) -> bool {
        self.input.clear();
        self.reparse()
    }

    /// Closes the line keeping the search (Enter).
    pub fn accept(&mut self) {
        self.editing = false;
        self.saved = None;
    }

    /// Closes the line and puts the previous search text back (Esc); returns
    /// the view to restore.
    pub fn cancel(&mut self) -> Option<SavedView> {
        self.editing = false;
        let saved = self.saved.take()?;
        self.input.clone_from(&saved.input);
        self.reparse();
        Some(saved)
    }

    /// True when the list is narrowed by a search.
    pub fn active(&self) -> bool {
        !self.query.is_empty()
    }

    /// Parses the text as typed (the last word is a prefix, so the list
    /// narrows on every keystroke); true when the query changed.
    fn reparse(&mut self) -> bool {
        let q = Query::parse_as_typed(&self.input);
        let changed = q != self.query;
        self.query = q;
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_builds_a_prefix_query_and_punctuation_changes_nothing() {
        let mut s = SearchLine::default();
        s.open(SavedView::default());
        assert!(s.editing);
        for c in "pes".chars() {
            assert!(s.push(c));
        }
        assert_eq!(s.query, Query::parse_as_typed("pes"));
        assert!(s.active());
        // A trailing space ends the word: the prefix becomes a whole word.
        assert!(s.push(' '));
        assert!(!s.push('.'), "punctuation alone adds no term");
        assert!(!s.push('\u{1b}'), "control characters are not typed");
        assert_eq!(s.input, "pes .");
    }

    #[test]
    fn enter_keeps_the_search_and_escape_restores_the_previous_one() {
        let mut s = SearchLine::default();
        s.open(SavedView::default());
        "blair".chars().for_each(|c| {
            s.push(c);
        });
        s.accept();
        assert!(!s.editing && s.active());

        let before = SavedView {
            input: s.input.clone(),
            selected: Some(3),
            ..SavedView::default()
        };
        s.open(before.clone());
        s.clear();
        "brown".chars().for_each(|c| {
            s.push(c);
        });
        assert_eq!(s.cancel(), Some(before));
        assert_eq!(s.input, "blair");
        assert_eq!(s.query, Query::parse_as_typed("blair"));
        assert!(!s.editing);
    }

    #[test]
    fn backspace_to_empty_ends_the_search() {
        let mut s = SearchLine::default();
        s.open(SavedView::default());
        s.push('a');
        assert!(s.pop());
        assert!(!s.active());
        assert!(!s.pop(), "nothing left to remove");
    }
}
