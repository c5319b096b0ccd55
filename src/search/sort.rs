//! Sort orders of the article list: path, date, title, number of quotations
//! or of annotations. Reads only [`ArticleFacts`]; ties keep path order so the
//! list never jumps between equal articles.

use std::cmp::Ordering;

use super::filter::ArticleFacts;
use super::index::ArticleIdx;

/// What the article list is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    #[default]
    Path,
    Date,
    Title,
    Quotes,
    Annotations,
}

impl SortKey {
    /// The name shown in the list header.
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Path => "path",
            SortKey::Date => "date",
            SortKey::Title => "title",
            SortKey::Quotes => "quotations",
            SortKey::Annotations => "annotations",
        }
    }
}

/// Sorts `list` (indices into `facts`) by `key`, ascending or descending;
/// undated articles come last either way, ties go by path. Indices without
/// facts go last.
pub fn sort_articles(
    list: &mut [ArticleIdx],
    facts: &[ArticleFacts],
    key: SortKey,
    descending: bool,
) {
    let cmp = |a: &ArticleIdx, b: &ArticleIdx| {
        let (fa, fb) = match (facts.get(*a as usize), facts.get(*b as usize)) {
            (Some(x), Some(y)) => (x, y),
            (x, y) => return x.is_none().cmp(&y.is_none()),
        };
        let dir = |o: Ordering| if descending { o.reverse() } else { o };
        let primary = match key {
            SortKey::Path => dir(fa.path.cmp(&fb.path)),
            SortKey::Date => match (&fa.date, &fb.date) {
                (Some(x), Some(y)) => dir(x.cmp(y)),
                (x, y) => x.is_none().cmp(&y.is_none()),
            },
            SortKey::Title => dir(fa.title_key.cmp(&fb.title_key)),
            SortKey::Quotes => dir(fa.quotes.cmp(&fb.quotes)),
            SortKey::Annotations => dir(fa.annotations.cmp(&fb.annotations)),
        };
        primary.then_with(|| fa.path.cmp(&fb.path))
    };
    list.sort_by(cmp);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(
        path: &str,
        title: &str,
        date: Option<&str>,
        quotes: u32,
        annotations: u32,
    ) -> ArticleFacts {
        ArticleFacts {
            path: path.into(),
            title_key: title.to_lowercase(),
            date: date.map(str::to_string),
            quotes,
            annotations,
            ..ArticleFacts::default()
        }
    }

    fn facts() -> Vec<ArticleFacts> {
        vec![
            f("b.txt", "Zebra", Some("2024-01-02"), 3, 0),
            f("a.txt", "apple", None, 5, 1),
            f("c.txt", "Mango", Some("2023-05-01"), 3, 2),
        ]
    }

    fn sorted(key: SortKey, desc: bool) -> Vec<u32> {
        let mut l = vec![0, 1, 2];
        sort_articles(&mut l, &facts(), key, desc);
        l
    }

    #[test]
    fn by_path() {
        assert_eq!(sorted(SortKey::Path, false), [1, 0, 2]);
        assert_eq!(sorted(SortKey::Path, true), [2, 0, 1]);
    }

    #[test]
    fn by_date_with_undated_last() {
        assert_eq!(sorted(SortKey::Date, false), [2, 0, 1]);
        assert_eq!(sorted(SortKey::Date, true), [0, 2, 1]);
    }

    #[test]
    fn by_title_ignoring_case() {
        assert_eq!(sorted(SortKey::Title, false), [1, 2, 0]);
    }

    #[test]
    fn by_quotation_count_ties_by_path() {
        assert_eq!(sorted(SortKey::Quotes, true), [1, 0, 2]);
        assert_eq!(sorted(SortKey::Quotes, false), [0, 2, 1]);
    }

    #[test]
    fn by_annotation_count() {
        assert_eq!(sorted(SortKey::Annotations, true), [2, 1, 0]);
    }
}
