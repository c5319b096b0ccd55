//! The article list as the user narrows it: which articles it shows (the
//! rows), in which order, with how many search matches each; the facts the
//! filters and sort orders read; the speaker and entity catalogues; the
//! search index; and the matches of the search in the open article, which
//! `n`/`N` step through.
//!
//! The list is recomputed from the index and the facts alone (never from the
//! article text), so a keystroke costs one index lookup plus a pass over
//! small per-article records. While the corpus is still loading, new
//! articles join the list as they arrive. State and its changes only: no I/O,
//! no drawing.

use std::sync::Arc;
use std::time::{Duration, Instant};

use super::action::Action;
use super::app::App;
use super::filters::FilterMenu;
use super::layout::AppLayout;
use super::loading::{Progress, SharedIndex};
use super::picker::Picker;
use super::search_line::{SavedView, SearchLine};
use super::selection::StatementKind;
use crate::analysis::{Analysis, QuoteKind, Span};
use crate::annotations::Anchor;
use crate::corpus::Article;
use crate::search::{
    ArticleFacts, EntityCatalog, Filter, FilterSet, SortKey, SpeakerCatalog, SpeakerDecisions,
    UserStatement, sort_articles,
};

/// While articles stream in, a narrowed or sorted list is recomputed at most
/// this often (an unfiltered list in path order just grows).
const REFRESH_EVERY: Duration = Duration::from_millis(300);

/// What is kept of an article's analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Analysed {
    /// Not analysed yet.
    #[default]
    Not,
    /// The whole analysis.
    Full,
    /// Only its quotations (see [`App::note_analysis`]).
    Slim,
}

/// The narrowing and ordering of the article list.
#[derive(Debug, Clone, Default)]
pub struct Browse {
    /// Per article: what filters and sort orders read.
    pub facts: Vec<ArticleFacts>,
    /// Every attributed statement, for speaker filters.
    pub speakers: SpeakerCatalog,
    /// Every entity mention, for entity filters.
    pub entities: EntityCatalog,
    /// The text index behind the search line.
    pub index: SharedIndex,
    /// Loading, analysis and indexing progress.
    pub progress: Progress,
    /// The filters of the filter line.
    pub filters: FilterSet,
    /// The sort order of the list.
    pub sort: SortKey,
    /// True when the sort order is reversed.
    pub descending: bool,
    /// The search line.
    pub search: SearchLine,
    /// The list: row → article index.
    pub rows: Vec<u32>,
    /// Search matches per article index (empty without a search).
    pub counts: Vec<u32>,
    /// The search matches in the open article, in text order.
    pub matches: Vec<Span>,
    /// The match `n`/`N` last moved to.
    pub current_match: Option<usize>,
    /// The filter menu, while open.
    pub filter_menu: Option<FilterMenu>,
    /// Per article: whether its analysis arrived, whole or slimmed.
    analysed: Vec<Analysed>,
    /// The list must be recomputed (articles, analyses or the index changed).
    stale: bool,
    refreshed_at: Option<Instant>,
    indexed_at_refresh: usize,
}

impl Browse {
    /// True when the list shows every article in path order, so that new
    /// articles can simply be appended.
    pub fn is_plain(&self) -> bool {
        !self.search.active()
            && self.filters.is_empty()
            && self.sort == SortKey::Path
            && !self.descending
    }

    /// True when the filter line is shown above the list.
    pub fn has_filter_line(&self) -> bool {
        !self.is_plain()
    }

    /// The search matches of article `i` (0 without a search).
    pub fn count(&self, i: usize) -> u32 {
        self.counts.get(i).copied().unwrap_or(0)
    }

    /// Moves the sort order on: path ↑, date ↓ (newest first), title ↑,
    /// quotations ↓, annotations ↓, then path again.
    pub fn cycle_sort(&mut self) {
        (self.sort, self.descending) = match self.sort {
            SortKey::Path => (SortKey::Date, true),
            SortKey::Date => (SortKey::Title, false),
            SortKey::Title => (SortKey::Quotes, true),
            SortKey::Quotes => (SortKey::Annotations, true),
            SortKey::Annotations => (SortKey::Path, false),
        };
    }

    /// The rows for the current search, filters and sort over `n` articles.
    fn compute_rows(&mut self, n: usize) -> Vec<u32> {
        self.counts.clear();
        let mut rows: Vec<u32> = if self.search.active() {
            let hits = self.index.search(&self.search.query);
            self.counts.resize(n, 0);
            hits.iter()
                .filter(|h| (h.article as usize) < n)
                .map(|h| {
                    self.counts[h.article as usize] = h.count;
                    h.article
                })
                .collect()
        } else {
            (0..n as u32).collect()
        };
        if !self.filters.is_empty() {
            rows.retain(|&a| {
                self.facts
                    .get(a as usize)
                    .is_some_and(|f| self.filters.matches(f))
            });
        }
        if self.sort != SortKey::Path || self.descending {
            sort_articles(&mut rows, &self.facts, self.sort, self.descending);
        }
        rows
    }

    /// Whether filters or the sort order read the analysis.
    fn depends_on_analysis(&self) -> bool {
        matches!(self.sort, SortKey::Quotes)
            || self
                .filters
                .filters
                .iter()
                .any(|f| matches!(f, Filter::Speaker { .. } | Filter::Entity { .. }))
    }
}

/// Applies the list, search, filter and loading actions; returns true when
/// the screen must be redrawn. Called by [`super::update::update`].
pub fn browse_update(app: &mut App, action: Action) -> bool {
    match action {
        Action::Tick(now) => return app.browse_tick(now),
        Action::SearchOpen => app.search_open(),
        Action::SearchInput(c) => app.search_edit(Some(c)),
        Action::SearchBackspace => app.search_edit(None),
        Action::SearchAccept => app.search_accept(),
        Action::SearchCancel => app.search_cancel(),
        Action::NextMatch => app.jump_match(true),
        Action::PrevMatch => app.jump_match(false),
        Action::AddFilter(f) => app.add_filter(f),
        Action::FilterBySelection => {
            app.filter_by_visible_speaker();
        }
        Action::ClearFilters => app.clear_filters(),
        Action::CycleSort => app.cycle_sort(),
        Action::FilterMenu => app.browse.filter_menu = Some(FilterMenu::open(app)),
        Action::MenuClose => app.browse.filter_menu = None,
        Action::MenuChoose => {
            let Some(mut menu) = app.browse.filter_menu.take() else {
                return false;
            };
            match menu.choose(app) {
                Some(filter) => app.add_filter(filter),
                // A kind was chosen (its values come next), or nothing yet.
                None => app.browse.filter_menu = Some(menu),
            }
        }
        Action::MenuInput(c) => menu_picker(app, |p| p.push(c)),
        Action::MenuBackspace => {
            let back = app.browse.filter_menu.as_ref().is_some_and(|m| {
                m.picker.query().is_empty() && m.stage != super::filters::MenuStage::Kinds
            });
            if back {
                // Backspace on an empty query goes back to the kinds.
                app.browse.filter_menu = Some(FilterMenu::open(app));
            } else {
                menu_picker(app, Picker::pop);
            }
        }
        Action::MenuUp => menu_picker(app, Picker::up),
        Action::MenuDown => menu_picker(app, Picker::down),
        // The reader and window actions are applied by `update` itself.
        _ => return false,
    }
    true
}

/// Applies `f` to the open filter menu's picker.
fn menu_picker(app: &mut App, f: impl FnOnce(&mut Picker)) {
    if let Some(menu) = app.browse.filter_menu.as_mut() {
        f(&mut menu.picker);
    }
}

impl App {
    /// Indexes every article at once, for a corpus handed over whole (a
    /// streamed corpus is indexed on a background thread instead).
    pub(super) fn index_now(&mut self) {
        let all: Vec<(usize, Arc<Article>)> = self.articles.iter().cloned().enumerate().collect();
        self.browse.index.add(&all);
        self.browse.progress.indexed = self.browse.index.indexed();
    }

    /// `layout` with the filter line taken from the top of the list.
    pub(super) fn browse_layout(&self, mut layout: AppLayout) -> AppLayout {
        if !layout.too_small && self.browse.has_filter_line() && layout.list_inner.height > 0 {
            layout.list_inner.y += 1;
            layout.list_inner.height -= 1;
        }
        layout
    }

    /// Number of entries in the (possibly narrowed) list.
    pub fn row_count(&self) -> usize {
        self.browse.rows.len()
    }

    /// The article shown in list row `row`.
    pub fn row_article(&self, row: usize) -> Option<usize> {
        self.browse.rows.get(row).map(|&a| a as usize)
    }

    /// The article selected in the list.
    pub fn selected_article(&self) -> Option<usize> {
        self.row_article(self.list.selected)
    }

    /// The row showing article `i`, if the list shows it.
    pub fn row_of(&self, i: usize) -> Option<usize> {
        self.browse.rows.iter().position(|&a| a as usize == i)
    }

    /// Takes in the articles appended from index `first` on (corpus order
    /// continues): their facts, and their rows when the list is not narrowed.
    pub(super) fn note_articles_added(&mut self, first: usize) {
        let new = self.articles.get(first..).unwrap_or_default();
        self.browse
            .facts
            .extend(new.iter().map(|a| ArticleFacts::from_article(a)));
        if self.browse.is_plain() {
            let end = self.articles.len() as u32;
            self.browse.rows.extend(first as u32..end);
        } else {
            self.browse.stale = true;
        }
    }

    /// Updates the facts of article `i` from its freshly arrived analysis.
    ///
    /// For a streamed corpus, the analysis of an article that is not open
    /// is then slimmed to its quotations (what the list counts): its entities
    /// and statements live on in the corpus-wide catalogues, and the whole
    /// analysis is made again, in a few milliseconds, when the article is
    /// opened ([`App::wants_full_analysis`]). This keeps 100,000 analysed
    /// articles within memory.
    pub fn note_analysis(&mut self, i: usize) {
        let (Some(article), Some(analysis)) = (self.articles.get(i), self.analysis(i).cloned())
        else {
            return;
        };
        let Ok(idx) = u32::try_from(i) else { return };
        if self.browse.analysed.len() <= i {
            self.browse.analysed.resize(i + 1, Analysed::Not);
        }
        if self.browse.analysed[i] == Analysed::Not {
            self.browse.progress.analysed += 1;
            self.browse
                .entities
                .set_article(idx, &article.text, &analysis.entities);
            let entities = self.browse.entities.keys_in(idx);
            if let Some(f) = self.browse.facts.get_mut(i) {
                f.quotes = analysis
                    .quotes
                    .iter()
                    .filter(|q| q.kind != QuoteKind::Term)
                    .count() as u32;
                f.entities = entities;
            }
            self.catalog_speakers(i);
            if self.browse.depends_on_analysis() {
                self.browse.stale = true;
            }
        }
        self.browse.analysed[i] = Analysed::Full;
        if self.browse.progress.active && self.reader.article != Some(i) {
            let slim = Analysis {
                quotes: analysis.quotes.clone(),
                ..Analysis::default()
            };
            if let Some(slot) = self.analyses.get_mut(i) {
                *slot = Some(Arc::new(slim));
            }
            self.browse.analysed[i] = Analysed::Slim;
        }
    }

    /// True when article `i`'s analysis was slimmed and must be made again
    /// for the reader.
    pub fn wants_full_analysis(&self, i: usize) -> bool {
        self.browse.analysed.get(i) == Some(&Analysed::Slim)
    }

    /// Sets what the annotations say about article `i`: how many there are
    /// and their tags (for the tag and annotation-state filters).
    pub fn note_annotations(&mut self, i: usize, annotations: u32, tags: Vec<String>) {
        if let Some(f) = self.browse.facts.get_mut(i) {
            f.annotations = annotations;
            f.tags = tags;
            self.browse.stale = true;
        }
        if self.analysis(i).is_some() {
            self.catalog_speakers(i);
        }
    }

    /// Puts the statements of article `i` in the speaker catalogue: its
    /// quotations, with the speakers the user set laid over them (so that a
    /// speaker filter finds what the user attributed). Called again after
    /// an edit of the article's annotations.
    pub fn catalog_speakers(&mut self, i: usize) {
        let (Some(article), Some(analysis)) = (self.articles.get(i), self.analysis(i).cloned())
        else {
            return;
        };
        let Ok(idx) = u32::try_from(i) else { return };
        let annotated = self.annotate.counts.contains_key(&article.id.0);
        let user: Vec<UserStatement> = match &self.annotate.store {
            Some(store) if annotated => store
                .anchor_article(&article.id.0, &article.text)
                .into_iter()
                .filter_map(|(a, anchor)| {
                    let span = match anchor {
                        Anchor::Anchored(span) | Anchor::Moved { span, .. } => span,
                        _ => return None,
                    };
                    let kind = match a.kind.as_deref().map(StatementKind::from_name) {
                        Some(StatementKind::Quote(k)) => Some(k),
                        _ => None,
                    };
                    Some(UserStatement {
                        span,
                        speaker: a.speaker.clone(),
                        kind,
                    })
                })
                .collect(),
            _ => Vec::new(),
        };
        self.browse
            .speakers
            .set_article(idx, &analysis.quotes, &user);
        let speakers = self.browse.speakers.names_in(idx);
        if let Some(f) = self.browse.facts.get_mut(i) {
            f.speakers = speakers;
        }
    }

    /// Periodic work while the corpus loads: picks up the indexing progress
    /// and recomputes a narrowed list that has fallen behind. Returns true
    /// when something on screen changed.
    pub fn browse_tick(&mut self, now: Instant) -> bool {
        let indexed = self.browse.index.indexed();
        let mut changed = indexed != self.browse.progress.indexed;
        self.browse.progress.indexed = indexed;
        if self.browse.search.active() && indexed != self.browse.indexed_at_refresh {
            self.browse.stale = true;
        }
        let due = self
            .browse
            .refreshed_at
            .is_none_or(|t| now.duration_since(t) >= REFRESH_EVERY);
        if self.browse.stale && due {
            self.refresh_list();
            self.browse.refreshed_at = Some(now);
            changed = true;
        }
        changed
    }

    /// Recomputes the list, keeping the selected article selected when it is
    /// still listed (else the first row).
    pub fn refresh_list(&mut self) {
        let keep = self.selected_article();
        self.browse.rows = self.browse.compute_rows(self.articles.len());
        self.browse.stale = false;
        self.browse.indexed_at_refresh = self.browse.index.indexed();
        self.list.selected = keep.and_then(|a| self.row_of(a)).unwrap_or(0);
        self.clamp_list();
        self.update_matches();
    }

    /// The list changed because the user narrowed it: recompute it and, when
    /// the open article is no longer listed, open the selected one.
    fn narrowed(&mut self) {
        self.refresh_list();
        let open_listed = self
            .reader
            .article
            .is_some_and(|a| self.row_of(a).is_some());
        if !open_listed && let Some(a) = self.selected_article() {
            self.open(a);
        }
    }

    /// Recomputes the search matches of the open article.
    pub fn update_matches(&mut self) {
        self.browse.current_match = None;
        self.browse.matches = match (self.open_article(), self.browse.search.active()) {
            (Some(a), true) => self.browse.search.query.match_spans(&a.text),
            _ => Vec::new(),
        };
    }

    /// `/`: opens the search line.
    pub fn search_open(&mut self) {
        let view = SavedView {
            input: self.browse.search.input.clone(),
            selected: self.selected_article(),
            list: self.list,
            reader: self.reader.article.map(|a| (a, self.reader.scroll)),
        };
        self.browse.search.open(view);
    }

    /// A key typed into the search line (`None`: backspace).
    pub fn search_edit(&mut self, c: Option<char>) {
        let changed = match c {
            Some(c) => self.browse.search.push(c),
            None => self.browse.search.pop(),
        };
        if changed {
            self.narrowed();
        }
    }

    /// Enter: keeps the search and returns to the list.
    pub fn search_accept(&mut self) {
        self.browse.search.accept();
        self.focus = super::action::Pane::List;
    }

    /// Esc: puts back the search, list and reader as they were before `/`.
    pub fn search_cancel(&mut self) {
        let Some(saved) = self.browse.search.cancel() else {
            return;
        };
        self.refresh_list();
        if let Some((a, scroll)) = saved.reader
            && a < self.articles.len()
        {
            if self.reader.article != Some(a) {
                self.open(a);
            }
            self.reader.scroll = scroll;
            self.clamp_reader();
        }
        self.list.selected = saved
            .selected
            .and_then(|a| self.row_of(a))
            .unwrap_or(saved.list.selected);
        self.list.offset = saved.list.offset;
        self.clamp_list();
    }

    /// Adds a filter to the filter line.
    pub fn add_filter(&mut self, filter: Filter) {
        self.browse.filters.push(filter);
        self.narrowed();
    }

    /// Removes every filter and the search: the whole corpus again.
    pub fn clear_filters(&mut self) {
        self.browse.filters = FilterSet::new();
        self.browse.search.clear();
        self.narrowed();
    }

    /// Moves the list to the next sort order.
    pub fn cycle_sort(&mut self) {
        self.browse.cycle_sort();
        self.refresh_list();
    }

    /// `f` in the reader: filters by the speaker of the selected statement,
    /// or else of the first attributed quotation visible in the reader.
    /// Returns false when there is no speaker to filter by.
    pub fn filter_by_visible_speaker(&mut self) -> bool {
        let Some(i) = self.reader.article else {
            return false;
        };
        // The selected statement first: the speaker the user set, else the detected one.
        if let Some(sel) = &self.annotate.selected {
            let set = self.annotate.store.as_ref().and_then(|store| {
                let article = self.articles.get(i)?;
                store
                    .at_span(&article.id.0, &article.text, sel.span)?
                    .speaker
                    .clone()
            });
            if let Some(name) = set.or_else(|| sel.detected_speaker.clone()) {
                return self.filter_by_speaker(&name);
            }
        }
        let top = self.reader_top_offset();
        let bottom = self
            .reader
            .table
            .lines
            .get(self.reader.scroll + self.reader_rows())
            .map_or(usize::MAX, |l| l.range.start);
        let Some(analysis) = self.analysis(i).cloned() else {
            return false;
        };
        let Some(name) = analysis
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Term && q.span.end > top && q.span.start < bottom)
            .find_map(|q| q.speaker.clone())
        else {
            return false;
        };
        self.filter_by_speaker(&name)
    }

    /// The user's speaker merges and splits, as kept in the sidecar.
    pub fn speaker_decisions(&self) -> SpeakerDecisions {
        self.annotate
            .store
            .as_ref()
            .map(|s| s.speaker_decisions().clone())
            .unwrap_or_default()
    }

    /// Filters by the person named `name` (any of their name forms).
    pub fn filter_by_speaker(&mut self, name: &str) -> bool {
        let dir = self.browse.speakers.directory(&self.speaker_decisions());
        let Some(who) = dir.who_by_name(name) else {
            return false;
        };
        self.add_filter(Filter::speaker(&dir, who));
        true
    }

    /// `n` (`forward`) or `N`: to the next or previous search match in the
    /// open article, and on to the next or previous listed article with
    /// matches (wrapping around the list).
    pub fn jump_match(&mut self, forward: bool) {
        if !self.browse.search.active() || self.browse.rows.is_empty() {
            return;
        }
        let n = self.browse.matches.len();
        let next = match self.browse.current_match {
            Some(c) if forward => (c + 1 < n).then_some(c + 1),
            Some(c) => c.checked_sub(1),
            None => {
                // From the reading position: the first match on or below the top line.
                let top = self.reader_top_offset();
                let after = self.browse.matches.partition_point(|m| m.start < top);
                if forward {
                    (after < n).then_some(after)
                } else {
                    after.checked_sub(1)
                }
            }
        };
        match next {
            Some(m) => self.show_match(m),
            None => self.jump_article(forward),
        }
    }

    /// Opens the next or previous listed article (from the open one) and
    /// shows its first or last match.
    fn jump_article(&mut self, forward: bool) {
        let rows = self.browse.rows.len();
        let here = self
            .reader
            .article
            .and_then(|a| self.row_of(a))
            .unwrap_or(self.list.selected);
        let to = if forward {
            (here + 1) % rows
        } else {
            (here + rows - 1) % rows
        };
        let Some(a) = self.row_article(to) else {
            return;
        };
        self.list.selected = to;
        self.clamp_list();
        self.open(a);
        let n = self.browse.matches.len();
        if n > 0 {
            self.show_match(if forward { 0 } else { n - 1 });
        }
    }

    /// The text offset at the top of the reader.
    fn reader_top_offset(&self) -> usize {
        self.reader
            .table
            .lines
            .get(self.reader.scroll)
            .map_or(0, |l| l.range.start)
    }

    /// Makes match `m` of the open article current and scrolls it into view.
    fn show_match(&mut self, m: usize) {
        let Some(span) = self.browse.matches.get(m).copied() else {
            return;
        };
        self.browse.current_match = Some(m);
        let line = self.reader.table.line_at_offset(span.start);
        let rows = self.reader_rows();
        if line < self.reader.scroll || line >= self.reader.scroll + rows {
            self.reader.scroll = line.saturating_sub(rows / 3);
            self.clamp_reader();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Analysis, Quote};
    use crate::corpus::{Corpus, CorpusSource};
    use crate::search::DateRange;
    use crate::tui::action::Action;
    use crate::tui::theme::Theme;
    use crate::tui::update::update;
    use ratatui::layout::Rect;

    const TEXTS: [(&str, &str); 5] = [
        (
            "politics/a.txt",
            "Budget row\n\nThe minister said the budget is fair.",
        ),
        (
            "politics/b.txt",
            "Vote\n\nNo budget talk here, only a vote and a vote.",
        ),
        ("sport/c.txt", "Match\n\nThe coach praised the team."),
        (
            "sport/d.txt",
            "Cup\n\nBudget cuts hit the club. Budget again.",
        ),
        ("tech/e.txt", "Phones\n\nNew phones sold well."),
    ];

    fn app() -> App {
        let articles = TEXTS
            .iter()
            .map(|(p, t)| Article::from_bytes(p, t.as_bytes()).expect("text"))
            .collect();
        let corpus = Corpus {
            source: CorpusSource::Bundled,
            articles,
            skipped: Vec::new(),
        };
        App::new(corpus, Theme::default(), Rect::new(0, 0, 100, 30))
    }

    fn listed(a: &App) -> Vec<usize> {
        (0..a.row_count())
            .filter_map(|r| a.row_article(r))
            .collect()
    }

    fn type_search(a: &mut App, text: &str) {
        update(a, Action::SearchOpen);
        for c in text.chars() {
            update(a, Action::SearchInput(c));
        }
    }

    #[test]
    fn typing_narrows_the_list_with_match_counts() {
        let mut a = app();
        assert_eq!(listed(&a), [0, 1, 2, 3, 4]);
        type_search(&mut a, "bud");
        assert_eq!(listed(&a), [0, 1, 3]);
        assert_eq!((a.browse.count(0), a.browse.count(3)), (2, 2));
        type_search(&mut a, "get cuts");
        assert_eq!(listed(&a), [3]);
        assert_eq!(a.reader.article, Some(3), "the only match is opened");
        update(&mut a, Action::SearchBackspace);
        assert_eq!(listed(&a), [3], "`cut` still narrows to one article");
    }

    #[test]
    fn escape_restores_the_list_and_selection_enter_keeps_the_search() {
        let mut a = app();
        update(&mut a, Action::Move(crate::tui::action::Motion::Down));
        update(&mut a, Action::Move(crate::tui::action::Motion::Down));
        type_search(&mut a, "budget");
        assert_eq!(listed(&a), [0, 1, 3]);
        update(&mut a, Action::SearchCancel);
        assert_eq!(listed(&a), [0, 1, 2, 3, 4]);
        assert_eq!(a.selected_article(), Some(2));
        assert!(!a.browse.search.editing);

        type_search(&mut a, "vote");
        update(&mut a, Action::SearchAccept);
        assert_eq!(listed(&a), [1]);
        assert_eq!(a.browse.search.input, "vote");
        assert!(a.browse.has_filter_line());
    }

    #[test]
    fn n_steps_through_matches_and_on_to_the_next_article() {
        let mut a = app();
        type_search(&mut a, "budget");
        update(&mut a, Action::SearchAccept);
        assert_eq!(a.reader.article, Some(0));
        let mut seen = Vec::new();
        for _ in 0..5 {
            update(&mut a, Action::NextMatch);
            seen.push((a.reader.article, a.browse.current_match));
        }
        let at = |art, m| (Some(art), Some(m));
        assert_eq!(seen, [at(0, 0), at(0, 1), at(1, 0), at(3, 0), at(3, 1)]);
        assert_eq!(a.selected_article(), Some(3), "the list follows");
        update(&mut a, Action::PrevMatch);
        assert_eq!((a.reader.article, a.browse.current_match), at(3, 0));
        update(&mut a, Action::PrevMatch);
        assert_eq!((a.reader.article, a.browse.current_match), at(1, 0));
        update(&mut a, Action::PrevMatch);
        assert_eq!((a.reader.article, a.browse.current_match), at(0, 1));
    }

    #[test]
    fn filters_combine_and_clear() {
        let mut a = app();
        update(
            &mut a,
            Action::AddFilter(Filter::Folder("politics/".into())),
        );
        assert_eq!(listed(&a), [0, 1]);
        type_search(&mut a, "vote");
        update(&mut a, Action::SearchAccept);
        assert_eq!(listed(&a), [1]);
        update(&mut a, Action::ClearFilters);
        assert_eq!(listed(&a), [0, 1, 2, 3, 4]);
        assert!(!a.browse.has_filter_line());
    }

    #[test]
    fn the_filter_menu_sets_a_folder_filter_through_the_picker() {
        let mut a = app();
        update(&mut a, Action::FilterMenu);
        assert_eq!(a.context(), crate::tui::keymap::Context::FilterMenu);
        for c in "folder".chars() {
            update(&mut a, Action::MenuInput(c));
        }
        update(&mut a, Action::MenuChoose);
        assert!(
            a.browse.filter_menu.is_some(),
            "the folders are offered next"
        );
        update(&mut a, Action::MenuDown);
        update(&mut a, Action::MenuChoose);
        assert!(a.browse.filter_menu.is_none());
        assert_eq!(a.browse.filters.label(), "folder: sport/");
        assert_eq!(listed(&a), [2, 3]);
        update(&mut a, Action::FilterMenu);
        update(&mut a, Action::MenuInput('d'));
        update(&mut a, Action::MenuChoose);
        assert!(
            a.browse
                .filter_menu
                .as_ref()
                .is_some_and(|m| m.picker.title == "Filter by date")
        );
        update(&mut a, Action::MenuBackspace);
        assert!(
            a.browse
                .filter_menu
                .as_ref()
                .is_some_and(|m| m.picker.title == "Filter by…"),
            "back to the kinds"
        );
        update(&mut a, Action::MenuClose);
        assert!(a.browse.filter_menu.is_none());
        assert_eq!(listed(&a), [2, 3], "closing the menu changes nothing");
    }

    #[test]
    fn annotation_and_date_filters_read_the_facts() {
        let mut a = app();
        a.note_annotations(2, 3, vec!["sport".into()]);
        a.browse.facts[4].date = Some("2005-03-01".into());
        update(&mut a, Action::AddFilter(Filter::Annotated(true)));
        assert_eq!(listed(&a), [2]);
        update(&mut a, Action::ClearFilters);
        update(&mut a, Action::AddFilter(Filter::Annotated(false)));
        assert_eq!(listed(&a), [0, 1, 3, 4]);
        update(&mut a, Action::ClearFilters);
        update(&mut a, Action::AddFilter(Filter::Tag("SPORT".into())));
        assert_eq!(listed(&a), [2]);
        update(&mut a, Action::ClearFilters);
        update(
            &mut a,
            Action::AddFilter(Filter::Date(DateRange {
                from: Some("2005".into()),
                to: None,
            })),
        );
        assert_eq!(listed(&a), [4]);
    }

    /// Delivers article `article`'s analysis: one direct quotation of
    /// `speaker`, the first occurrence of `quoted` in its text.
    fn deliver_quote(a: &mut App, article: usize, quoted: &str, speaker: &str) {
        let at = a.articles[article].text.find(quoted).expect("quoted text");
        let analysis = Analysis {
            quotes: vec![Quote {
                span: Span::new(at, at + quoted.len()),
                kind: QuoteKind::Direct,
                speaker: Some(speaker.into()),
            }],
            ..Analysis::default()
        };
        update(
            a,
            Action::AnalysisReady {
                article,
                analysis: Arc::new(analysis),
            },
        );
    }

    #[test]
    fn speaker_filter_from_the_reader_uses_the_visible_quotation() {
        let mut a = app();
        deliver_quote(&mut a, 0, "the budget", "Ann Lee");
        assert_eq!(a.browse.facts[0].quotes, 1);
        update(&mut a, Action::Focus(crate::tui::action::Pane::Reader));
        update(&mut a, Action::FilterBySelection);
        assert_eq!(listed(&a), [0]);
        assert_eq!(a.browse.filters.label(), "speaker: Ann Lee");
    }

    #[test]
    fn a_streamed_corpus_keeps_whole_analyses_only_for_the_open_article() {
        let mut a = app();
        a.browse.progress = crate::tui::loading::Progress::streaming();
        let text = a.articles[1].text.clone();
        let at = text.find("vote").expect("word");
        let analysis = Analysis {
            quotes: vec![Quote {
                span: Span::new(at, at + 4),
                kind: QuoteKind::Direct,
                speaker: Some("Ann Lee".into()),
            }],
            sentences: vec![Span::new(0, 4)],
            ..Analysis::default()
        };
        for article in [0, 1] {
            update(
                &mut a,
                Action::AnalysisReady {
                    article,
                    analysis: Arc::new(analysis.clone()),
                },
            );
        }
        assert_eq!(a.browse.progress.analysed, 2);
        assert!(!a.wants_full_analysis(0), "the open article keeps it all");
        assert!(a.wants_full_analysis(1));
        let slim = a.analysis(1).expect("kept");
        assert_eq!((slim.quotes.len(), slim.sentences.len()), (1, 0));
        assert_eq!(a.browse.facts[1].quotes, 1);
        // Made again when opened: counted once, whole again.
        update(&mut a, Action::Select(1));
        update(
            &mut a,
            Action::AnalysisReady {
                article: 1,
                analysis: Arc::new(analysis),
            },
        );
        assert_eq!(a.browse.progress.analysed, 2);
        assert!(!a.wants_full_analysis(1));
        assert_eq!(a.analysis(1).map(|x| x.sentences.len()), Some(1));
    }

    #[test]
    fn a_tag_set_in_the_reader_feeds_the_filters_and_f_uses_the_selection() {
        use crate::annotations::AnnotationStore;
        use crate::tui::annotate::{Edit, Op};
        let dir = tempfile::tempdir().expect("temp dir");
        let mut a = app();
        a.attach_annotations(AnnotationStore::open_for_corpus(
            &CorpusSource::Bundled,
            Some(&dir.path().join("a.json")),
        ));
        deliver_quote(&mut a, 0, "the budget", "Ann Lee");
        update(&mut a, Action::Focus(crate::tui::action::Pane::Reader));
        update(&mut a, Action::Annotate(Op::NextStatement));
        assert!(a.annotate.selected.is_some());
        update(&mut a, Action::Annotate(Op::Tag));
        for c in "economy".chars() {
            update(&mut a, Action::Annotate(Op::Edit(Edit::Char(c))));
        }
        update(&mut a, Action::Annotate(Op::Confirm));
        assert_eq!(a.browse.facts[0].annotations, 1);
        assert_eq!(a.browse.facts[0].tags, ["economy"]);
        update(&mut a, Action::AddFilter(Filter::Tag("Economy".into())));
        assert_eq!(listed(&a), [0]);
        update(&mut a, Action::ClearFilters);
        update(&mut a, Action::FilterBySelection);
        assert_eq!(a.browse.filters.label(), "speaker: Ann Lee");
        assert_eq!(listed(&a), [0]);

        // A speaker the user sets is found by the speaker filter too.
        update(&mut a, Action::ClearFilters);
        update(&mut a, Action::Annotate(Op::Speaker));
        for c in "Bob Ray".chars() {
            update(&mut a, Action::Annotate(Op::Edit(Edit::Char(c))));
        }
        update(&mut a, Action::Annotate(Op::Confirm));
        update(&mut a, Action::FilterBySelection);
        assert_eq!(a.browse.filters.label(), "speaker: Bob Ray");
        assert_eq!(listed(&a), [0]);
    }

    #[test]
    fn sort_cycles_and_keeps_the_selection() {
        let mut a = app();
        a.browse.facts[3].date = Some("2005-01-01".into());
        a.browse.facts[1].date = Some("2004-01-01".into());
        update(&mut a, Action::Move(crate::tui::action::Motion::Down));
        update(&mut a, Action::CycleSort);
        assert_eq!((a.browse.sort, a.browse.descending), (SortKey::Date, true));
        assert_eq!(listed(&a), [3, 1, 0, 2, 4]);
        assert_eq!(a.selected_article(), Some(1));
        for _ in 0..4 {
            update(&mut a, Action::CycleSort);
        }
        assert_eq!(listed(&a), [0, 1, 2, 3, 4]);
    }

    #[test]
    fn streamed_articles_join_the_list_and_a_narrowed_list_catches_up() {
        let mut a = App::loading(
            &CorpusSource::Bundled,
            Theme::default(),
            Rect::new(0, 0, 100, 30),
        );
        let arts: Vec<Article> = TEXTS
            .iter()
            .map(|(p, t)| Article::from_bytes(p, t.as_bytes()).expect("text"))
            .collect();
        update(&mut a, Action::FilesFound(5));
        update(&mut a, Action::ArticlesLoaded(arts[..2].to_vec()));
        assert_eq!(listed(&a), [0, 1]);
        let numbered = |from: usize| -> Vec<(usize, Arc<Article>)> {
            a.articles.iter().cloned().enumerate().skip(from).collect()
        };
        a.browse.index.add(&numbered(0));
        type_search(&mut a, "budget");
        update(&mut a, Action::SearchAccept);
        assert_eq!(listed(&a), [0, 1]);
        update(&mut a, Action::ArticlesLoaded(arts[2..].to_vec()));
        assert_eq!(listed(&a), [0, 1], "not yet indexed");
        let rest: Vec<(usize, Arc<Article>)> =
            a.articles.iter().cloned().enumerate().skip(2).collect();
        a.browse.index.add(&rest);
        update(
            &mut a,
            Action::Tick(Instant::now() + Duration::from_secs(1)),
        );
        assert_eq!(listed(&a), [0, 1, 3]);
        assert_eq!(a.browse.progress.indexed, 5);
        assert_eq!(a.browse.facts.len(), 5);
    }
}
