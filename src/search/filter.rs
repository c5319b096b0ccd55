//! Article filters for the filter line: by speaker (any of a person's name
//! forms), entity, tag, annotation state, date range and folder, combined
//! with AND. A filter is evaluated on [`ArticleFacts`], a small per-article
//! summary the application keeps up to date as analyses and annotations
//! change, so filtering 100,000 articles never reads their text.

use super::entities::EntityKey;
use super::index::ArticleIdx;
use super::speakers::{NameId, SpeakerDirectory, Who};
use crate::corpus::Article;

/// What the filters and sort orders need to know about one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleFacts {
    /// Path relative to the corpus root, `/`-separated.
    pub path: String,
    /// The title in lower case (the title sort order).
    pub title_key: String,
    /// ISO date (`YYYY-MM-DD`), when known.
    pub date: Option<String>,
    /// The user's tags on the article and its statements.
    pub tags: Vec<String>,
    /// Speaker name forms of its statements, sorted ([`super::SpeakerCatalog::names_in`]).
    pub speakers: Vec<NameId>,
    /// Its entities, sorted ([`super::EntityCatalog::keys_in`]).
    pub entities: Vec<EntityKey>,
    /// Number of quotations found (the quotations sort order).
    pub quotes: u32,
    /// Number of the user's annotations.
    pub annotations: u32,
}

impl ArticleFacts {
    /// The facts known from the article alone (path, title, date); the
    /// rest is filled as analysis and annotations arrive.
    pub fn from_article(article: &Article) -> Self {
        ArticleFacts {
            path: article.path.clone(),
            title_key: article.meta.title.to_lowercase(),
            date: article.meta.date.clone(),
            ..ArticleFacts::default()
        }
    }
}

/// An inclusive date range on ISO dates; either end may be open, and an end
/// may be a year (`2023`) or a month (`2023-10`), compared on that precision.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<String>,
    pub to: Option<String>,
}

impl DateRange {
    /// True when `date` lies in the range.
    pub fn contains(&self, date: &str) -> bool {
        let after = self.from.as_deref().is_none_or(|f| cut(date, f) >= f);
        let before = self.to.as_deref().is_none_or(|t| cut(date, t) <= t);
        after && before
    }
}

/// `date` shortened to the precision of `bound` (`2023-10-11` vs `2023` → `2023`).
fn cut<'a>(date: &'a str, bound: &str) -> &'a str {
    date.get(..bound.len()).unwrap_or(date)
}

fn same_ignoring_case(a: &str, b: &str) -> bool {
    a.chars()
        .flat_map(char::to_lowercase)
        .eq(b.chars().flat_map(char::to_lowercase))
}

/// One filter of the filter line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// Articles quoting this person under any of their name forms.
    Speaker { name: String, names: Vec<NameId> },
    /// Articles mentioning this entity.
    Entity { name: String, key: EntityKey },
    /// Articles with this tag (case-insensitive).
    Tag(String),
    /// Articles with (`true`) or without (`false`) annotations.
    Annotated(bool),
    /// Articles dated in this range (undated articles never match).
    Date(DateRange),
    /// Articles under this folder (`politics/`).
    Folder(String),
}

impl Filter {
    /// A speaker filter for one person of `dir`.
    pub fn speaker(dir: &SpeakerDirectory, who: Who) -> Filter {
        let mut names = dir.name_ids(who).to_vec();
        names.sort_unstable();
        Filter::Speaker {
            name: dir.canonical(who).to_string(),
            names,
        }
    }

    /// True when the article passes this filter.
    pub fn matches(&self, f: &ArticleFacts) -> bool {
        match self {
            Filter::Speaker { names, .. } => {
                f.speakers.iter().any(|n| names.binary_search(n).is_ok())
            }
            Filter::Entity { key, .. } => f.entities.binary_search(key).is_ok(),
            Filter::Tag(t) => f.tags.iter().any(|x| same_ignoring_case(x, t)),
            Filter::Annotated(yes) => (f.annotations > 0) == *yes,
            Filter::Date(range) => f.date.as_deref().is_some_and(|d| range.contains(d)),
            Filter::Folder(prefix) => {
                let prefix = prefix.trim_start_matches('/');
                let dir = prefix.trim_end_matches('/');
                dir.is_empty()
                    || f.path
                        .strip_prefix(dir)
                        .is_some_and(|rest| rest.starts_with('/'))
            }
        }
    }

    /// The filter as shown in the filter line (`speaker: Vladimir Putin`).
    pub fn label(&self) -> String {
        match self {
            Filter::Speaker { name, .. } => format!("speaker: {name}"),
            Filter::Entity { name, .. } => format!("entity: {name}"),
            Filter::Tag(t) => format!("tag: {t}"),
            Filter::Annotated(true) => "annotated".to_string(),
            Filter::Annotated(false) => "not annotated".to_string(),
            Filter::Date(r) => format!(
                "date: {}…{}",
                r.from.as_deref().unwrap_or(""),
                r.to.as_deref().unwrap_or("")
            ),
            Filter::Folder(p) => format!("folder: {p}"),
        }
    }
}

/// Filters combined with AND; empty passes everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterSet {
    pub filters: Vec<Filter>,
}

impl FilterSet {
    /// No filter.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a filter unless the same one is already set.
    pub fn push(&mut self, f: Filter) {
        if !self.filters.contains(&f) {
            self.filters.push(f);
        }
    }

    /// Removes the `i`-th filter (nothing when out of range).
    pub fn remove(&mut self, i: usize) {
        if i < self.filters.len() {
            self.filters.remove(i);
        }
    }

    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        self.filters.is_empty()
    }

    /// True when the article passes every filter.
    pub fn matches(&self, f: &ArticleFacts) -> bool {
        self.filters.iter().all(|x| x.matches(f))
    }

    /// The articles among `candidates` that pass (order kept); candidates
    /// without facts are dropped.
    pub fn apply(
        &self,
        facts: &[ArticleFacts],
        candidates: impl IntoIterator<Item = ArticleIdx>,
    ) -> Vec<ArticleIdx> {
        candidates
            .into_iter()
            .filter(|&a| facts.get(a as usize).is_some_and(|f| self.matches(f)))
            .collect()
    }

    /// The filter line: every filter's label, joined.
    pub fn label(&self) -> String {
        self.filters
            .iter()
            .map(Filter::label)
            .collect::<Vec<_>>()
            .join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::QuoteKind;
    use crate::analysis::{Quote, Span};
    use crate::search::speakers::SpeakerCatalog;

    fn facts(path: &str, date: Option<&str>) -> ArticleFacts {
        ArticleFacts {
            path: path.into(),
            date: date.map(str::to_string),
            ..ArticleFacts::default()
        }
    }

    #[test]
    fn speaker_filter_matches_any_name_form_of_the_person() {
        let mut c = SpeakerCatalog::new();
        let q = |who: &str| Quote {
            span: Span::new(0, 3),
            kind: QuoteKind::Direct,
            speaker: Some(who.into()),
        };
        c.set_article(0, &[q("Vladimir Putin")], &[]);
        c.set_article(1, &[q("PUTIN")], &[]);
        c.set_article(2, &[q("Dmitry Peskov")], &[]);
        let decisions = crate::search::speakers::tests::merges(&[("PUTIN", "Vladimir Putin")]);
        let dir = c.directory(&decisions);
        let who = dir.who_by_name("Putin").unwrap();
        let f = Filter::speaker(&dir, who);
        let all: Vec<ArticleFacts> = (0..3)
            .map(|a| ArticleFacts {
                speakers: c.names_in(a),
                ..ArticleFacts::default()
            })
            .collect();
        let set = FilterSet { filters: vec![f] };
        assert_eq!(set.apply(&all, 0..3), [0, 1]);
        assert_eq!(set.label(), "speaker: Vladimir Putin");
    }

    #[test]
    fn entity_filter_matches_articles_with_the_entity() {
        let mut a = facts("a", None);
        a.entities = vec![EntityKey(1), EntityKey(4)];
        let f = Filter::Entity {
            name: "Kremlin".into(),
            key: EntityKey(4),
        };
        assert!(f.matches(&a));
        assert!(!f.matches(&facts("b", None)));
    }

    #[test]
    fn tag_filter_ignores_case() {
        let mut a = facts("a", None);
        a.tags = vec!["Ceasefire".into()];
        assert!(Filter::Tag("ceasefire".into()).matches(&a));
        assert!(Filter::Tag("CÉASEFIRE".into()).matches(&ArticleFacts {
            tags: vec!["céasefire".into()],
            ..ArticleFacts::default()
        }));
        assert!(!Filter::Tag("war".into()).matches(&a));
    }

    #[test]
    fn annotation_state_filter() {
        let mut a = facts("a", None);
        assert!(Filter::Annotated(false).matches(&a));
        a.annotations = 2;
        assert!(Filter::Annotated(true).matches(&a));
        assert!(!Filter::Annotated(false).matches(&a));
    }

    #[test]
    fn date_range_is_inclusive_and_works_at_year_or_month_precision() {
        let r = |from: Option<&str>, to: Option<&str>| {
            Filter::Date(DateRange {
                from: from.map(str::to_string),
                to: to.map(str::to_string),
            })
        };
        let oct11 = facts("a", Some("2023-10-11"));
        assert!(r(Some("2023-10-11"), Some("2023-10-11")).matches(&oct11));
        assert!(r(Some("2023-10"), Some("2023-10")).matches(&oct11));
        assert!(r(None, Some("2023")).matches(&oct11));
        assert!(!r(Some("2023-10-12"), None).matches(&oct11));
        assert!(!r(None, Some("2023-09")).matches(&oct11));
        assert!(!r(None, None).matches(&facts("undated", None)));
    }

    #[test]
    fn folder_filter_matches_whole_folder_names() {
        let f = Filter::Folder("politics/".into());
        assert!(f.matches(&facts("politics/001.txt", None)));
        assert!(f.matches(&facts("politics/2005/001.txt", None)));
        assert!(!f.matches(&facts("politicsx/001.txt", None)));
        assert!(!f.matches(&facts("sport/politics/1.txt", None)));
        assert!(Filter::Folder("politics".into()).matches(&facts("politics/1.txt", None)));
    }

    #[test]
    fn filters_combine_with_and() {
        let mut a = facts("politics/1.txt", Some("2024-01-01"));
        a.annotations = 1;
        let b = facts("politics/2.txt", Some("2024-01-01"));
        let c = facts("sport/3.txt", Some("2024-01-01"));
        let mut set = FilterSet::new();
        set.push(Filter::Folder("politics/".into()));
        set.push(Filter::Annotated(true));
        set.push(Filter::Annotated(true));
        assert_eq!(set.filters.len(), 2);
        assert_eq!(set.apply(&[a, b, c], [2, 1, 0, 7]), [0]);
        assert_eq!(set.label(), "folder: politics/ · annotated");
        set.remove(1);
        assert_eq!(set.filters.len(), 1);
        assert!(FilterSet::new().matches(&facts("x", None)));
    }
}
