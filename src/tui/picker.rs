//! A fuzzy picker's state: a title, candidates (each with a count and an
//! optional mark), a typed query that filters and ranks them with
//! [`crate::search::fuzzy`], and — when allowed — a `new: …` entry that
//! creates the typed value. Used for speakers and tags, and by anything else
//! that asks the user to choose one name among many.
//!
//! Pure state: no keys, no drawing (the widget is `view::picker`). The owner
//! feeds it typed characters and moves, and asks [`Picker::confirm`] what was
//! chosen.

use crate::search::fuzzy::fuzzy_rank;

/// One value to choose from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The value, as shown and as returned.
    pub label: String,
    /// How often it is used (shown beside it).
    pub count: usize,
    /// Marked values are shown with a check (e.g. tags the statement has).
    pub marked: bool,
}

impl Candidate {
    /// An unmarked candidate.
    pub fn new(label: impl Into<String>, count: usize) -> Self {
        Self {
            label: label.into(),
            count,
            marked: false,
        }
    }
}

/// One line of the picker's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry<'a> {
    /// An existing value.
    Existing(&'a Candidate),
    /// The typed value, not among the candidates yet.
    New(&'a str),
}

/// What the user chose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// An existing value (its label).
    Existing(String),
    /// A value typed by the user (trimmed, not empty).
    New(String),
}

impl Picked {
    /// The chosen value.
    pub fn value(&self) -> &str {
        match self {
            Self::Existing(s) | Self::New(s) => s,
        }
    }
}

/// The state of an open picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// Shown in the window's border.
    pub title: String,
    candidates: Vec<Candidate>,
    query: String,
    allow_new: bool,
    /// Indices of the candidates matching the query, best first.
    matches: Vec<usize>,
    /// Index of the highlighted entry.
    selected: usize,
}

impl Picker {
    /// A picker over `candidates`, shown in the given order while the query
    /// is empty. With `allow_new`, a typed value that is not a candidate can
    /// be chosen through a `new: …` entry.
    pub fn new(title: impl Into<String>, candidates: Vec<Candidate>, allow_new: bool) -> Self {
        let mut p = Self {
            title: title.into(),
            candidates,
            query: String::new(),
            allow_new,
            matches: Vec::new(),
            selected: 0,
        };
        p.refilter();
        p
    }

    /// The typed query.
    pub fn query(&self) -> &str {
        &self.query
    }

    /// Every candidate, in the order given.
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    /// Replaces the query (and highlights the best match).
    pub fn set_query(&mut self, query: &str) {
        self.query = query.to_string();
        self.refilter();
    }

    /// Types a character into the query.
    pub fn push(&mut self, c: char) {
        if !c.is_control() {
            self.query.push(c);
            self.refilter();
        }
    }

    /// Deletes the last character of the query.
    pub fn pop(&mut self) {
        if self.query.pop().is_some() {
            self.refilter();
        }
    }

    /// Highlights the previous entry (from the first, the last).
    pub fn up(&mut self) {
        let n = self.len();
        if n > 0 {
            self.selected = (self.selected + n - 1) % n;
        }
    }

    /// Highlights the next entry (from the last, the first).
    pub fn down(&mut self) {
        let n = self.len();
        if n > 0 {
            self.selected = (self.selected + 1) % n;
        }
    }

    /// Number of entries shown (matches, plus the `new: …` entry).
    pub fn len(&self) -> usize {
        self.matches.len() + usize::from(self.new_value().is_some())
    }

    /// True when nothing can be chosen.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Index of the highlighted entry.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Entry `i`: the matches best first, then the `new: …` entry.
    pub fn entry(&self, i: usize) -> Option<Entry<'_>> {
        match self.matches.get(i) {
            Some(&c) => self.candidates.get(c).map(Entry::Existing),
            None if i == self.matches.len() => self.new_value().map(Entry::New),
            None => None,
        }
    }

    /// Every entry, in display order.
    pub fn entries(&self) -> impl Iterator<Item = Entry<'_>> {
        (0..self.len()).filter_map(|i| self.entry(i))
    }

    /// The highlighted value, if any.
    pub fn confirm(&self) -> Option<Picked> {
        match self.entry(self.selected)? {
            Entry::Existing(c) => Some(Picked::Existing(c.label.clone())),
            Entry::New(s) => Some(Picked::New(s.to_string())),
        }
    }

    /// The first entry to show in a list of `rows` rows so that the
    /// highlighted one is visible (at the bottom when it is further down).
    pub fn first_visible(&self, rows: usize) -> usize {
        (self.selected + 1).saturating_sub(rows.max(1))
    }

    /// The typed value when it may be created: allowed, not blank, and not
    /// already a candidate (compared without regard to case).
    fn new_value(&self) -> Option<&str> {
        let q = self.query.trim();
        let exists = self
            .candidates
            .iter()
            .any(|c| c.label.to_lowercase() == q.to_lowercase());
        (self.allow_new && !q.is_empty() && !exists).then_some(q)
    }

    fn refilter(&mut self) {
        self.matches = if self.query.trim().is_empty() {
            (0..self.candidates.len()).collect()
        } else {
            let q = self.query.trim().to_lowercase();
            let mut ranked: Vec<usize> = fuzzy_rank(
                &self.query,
                self.candidates.iter().map(|c| c.label.as_str()),
            )
            .into_iter()
            .map(|(i, _)| i)
            .collect();
            // A value typed out in full comes first, whatever the fuzzy score.
            if let Some(pos) = ranked
                .iter()
                .position(|&i| self.candidates[i].label.to_lowercase() == q)
            {
                let exact = ranked.remove(pos);
                ranked.insert(0, exact);
            }
            ranked
        };
        self.selected = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<Candidate> {
        vec![
            Candidate::new("Vladimir Putin", 12),
            Candidate::new("Dmitry Peskov", 4),
            Candidate::new("Ann Lee", 2),
        ]
    }

    fn shown(p: &Picker) -> Vec<String> {
        p.entries()
            .map(|e| match e {
                Entry::Existing(c) => c.label.clone(),
                Entry::New(s) => format!("new: {s}"),
            })
            .collect()
    }

    #[test]
    fn without_a_query_every_candidate_shows_in_the_given_order() {
        let p = Picker::new("Speaker", names(), true);
        assert_eq!(shown(&p), ["Vladimir Putin", "Dmitry Peskov", "Ann Lee"]);
        assert_eq!(p.confirm(), Some(Picked::Existing("Vladimir Putin".into())));
    }

    #[test]
    fn typing_filters_fuzzily_and_offers_the_typed_value_last() {
        let mut p = Picker::new("Speaker", names(), true);
        for c in "pes".chars() {
            p.push(c);
        }
        assert_eq!(shown(&p), ["Dmitry Peskov", "new: pes"]);
        assert_eq!(p.confirm(), Some(Picked::Existing("Dmitry Peskov".into())));
        p.down();
        assert_eq!(p.confirm(), Some(Picked::New("pes".into())));
        p.down();
        assert_eq!(p.selected(), 0, "moving down from the last wraps around");
        p.up();
        assert_eq!(p.selected(), 1);
    }

    #[test]
    fn a_new_name_matching_nothing_is_the_only_entry() {
        let mut p = Picker::new("Tag", Vec::new(), true);
        p.set_query(" blame-us ");
        assert_eq!(shown(&p), ["new: blame-us"]);
        assert_eq!(p.confirm(), Some(Picked::New("blame-us".into())));
    }

    #[test]
    fn an_existing_value_typed_in_full_comes_first_and_is_not_offered_as_new() {
        let mut cands = names();
        cands.push(Candidate::new("Ann Leeds", 9));
        let mut p = Picker::new("Speaker", cands, true);
        p.set_query("ann lee");
        assert_eq!(shown(&p), ["Ann Lee", "Ann Leeds"]);
    }

    #[test]
    fn backspace_widens_the_filter_again() {
        let mut p = Picker::new("Speaker", names(), true);
        p.set_query("zz");
        assert_eq!(shown(&p), ["new: zz"]);
        p.pop();
        p.pop();
        assert_eq!(p.len(), 3);
        p.pop();
        assert_eq!(p.query(), "");
    }

    #[test]
    fn without_new_values_a_query_matching_nothing_confirms_nothing() {
        let mut p = Picker::new("Filter", names(), false);
        p.set_query("qqq");
        assert!(p.is_empty());
        assert_eq!(p.confirm(), None);
    }

    #[test]
    fn the_highlighted_entry_stays_in_the_visible_rows() {
        let cands = (0..20)
            .map(|i| Candidate::new(format!("tag{i:02}"), 1))
            .collect();
        let mut p = Picker::new("Tag", cands, false);
        assert_eq!(p.first_visible(5), 0);
        for _ in 0..7 {
            p.down();
        }
        assert_eq!(p.first_visible(5), 3);
        p.up();
        assert_eq!(p.first_visible(5), 2);
        p.up();
        p.up();
        assert_eq!(p.first_visible(5), 0);
    }
}
