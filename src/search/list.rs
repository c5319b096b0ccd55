//! The article list as the interface shows it: the search line's matches,
//! narrowed by the filter line, in the chosen order — one call per keystroke
//! or filter change, reading only the index and the per-article facts.

use super::filter::{ArticleFacts, FilterSet};
use super::index::{ArticleIdx, TextIndex};
use super::query::Query;
use super::sort::{SortKey, sort_articles};

/// One row of the article list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListEntry {
    pub article: ArticleIdx,
    /// Matches of the search line in the article (0 without a search).
    pub matches: u32,
}

/// The articles (those with facts: `facts[i]` is article `i`) matching
/// `query` and `filters`, sorted by `key`. With an empty query every article
/// is listed, including those not indexed yet.
pub fn article_list(
    index: &TextIndex,
    facts: &[ArticleFacts],
    query: &Query,
    filters: &FilterSet,
    key: SortKey,
    descending: bool,
) -> Vec<ListEntry> {
    let mut matches = Vec::new();
    let candidates: Vec<ArticleIdx> = if query.is_empty() {
        (0..facts.len() as ArticleIdx).collect()
    } else {
        let hits = index.search(query);
        matches = vec![0u32; facts.len()];
        hits.iter()
            .filter(|h| (h.article as usize) < facts.len())
            .map(|h| {
                matches[h.article as usize] = h.count;
                h.article
            })
            .collect()
    };
    let mut list = if filters.is_empty() {
        candidates
    } else {
        filters.apply(facts, candidates)
    };
    sort_articles(&mut list, facts, key, descending);
    list.into_iter()
        .map(|article| ListEntry {
            article,
            matches: matches.get(article as usize).copied().unwrap_or(0),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::filter::Filter;

    #[test]
    fn search_filter_and_sort_together() {
        let texts = ["tax tax cut", "tax rise", "sport", "tax"];
        let paths = ["b/1.txt", "a/2.txt", "a/3.txt", "c/4.txt"];
        let mut index = TextIndex::new();
        let facts: Vec<ArticleFacts> = texts
            .iter()
            .zip(paths)
            .enumerate()
            .map(|(i, (t, p))| {
                index.add(i as u32, t);
                ArticleFacts {
                    path: p.into(),
                    ..ArticleFacts::default()
                }
            })
            .collect();
        let none = FilterSet::new();
        let all = article_list(
            &index,
            &facts,
            &Query::default(),
            &none,
            SortKey::Path,
            false,
        );
        let order: Vec<u32> = all.iter().map(|e| e.article).collect();
        assert_eq!(order, [1, 2, 0, 3]);
        let tax = article_list(
            &index,
            &facts,
            &Query::parse("tax"),
            &none,
            SortKey::Path,
            true,
        );
        let got: Vec<(u32, u32)> = tax.iter().map(|e| (e.article, e.matches)).collect();
        assert_eq!(got, [(3, 1), (0, 2), (1, 1)]);
        let no_c = FilterSet {
            filters: vec![Filter::Folder("b".into())],
        };
        let got = article_list(
            &index,
            &facts,
            &Query::parse("tax"),
            &no_c,
            SortKey::Path,
            false,
        );
        assert_eq!(
            got,
            [ListEntry {
                article: 0,
                matches: 2
            }]
        );
    }
}
