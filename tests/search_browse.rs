//! Browsing a small corpus the way the interface does: text search narrows
//! the list, filters and sort orders apply on top, the speakers table counts
//! one person across name forms, and a merge is applied everywhere.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use gloss::analysis::{Quote, QuoteKind, Span};
use gloss::annotations::SpeakerMerge;
use gloss::corpus::Article;
use gloss::search::{
    ArticleFacts, Filter, FilterSet, Query, SortKey, SpeakerCatalog, SpeakerDecisions, SpeakerSort,
    TextIndex, UserStatement, fuzzy_rank, sort_articles,
};

const ARTICLES: [(&str, &str); 4] = [
    (
        "politics/001.txt",
        "Budget talks resume\n2024-03-02\n\n\"We will cut taxes,\" Jane Doe said. Doe added that the budget was fair.",
    ),
    (
        "politics/002.txt",
        "Opposition answers\n2024-01-15\n\n\"Taxes will rise,\" said John Roe. Ms Doe said: \"Not so.\"",
    ),
    (
        "sport/001.txt",
        "Cup final tonight\n2023-12-30\n\n\"We will win,\" the coach Ann Poe said.",
    ),
    ("world/001.txt", "Quiet day\n\nNothing was said."),
];

fn quote(text: &str, inner: &str, kind: QuoteKind, speaker: &str) -> Quote {
    let start = text.find(inner).unwrap();
    Quote {
        span: Span::new(start, start + inner.len()),
        kind,
        speaker: Some(speaker.to_string()),
    }
}

struct World {
    articles: Vec<Article>,
    index: TextIndex,
    catalog: SpeakerCatalog,
    facts: Vec<ArticleFacts>,
}

fn world() -> World {
    let articles: Vec<Article> = ARTICLES
        .iter()
        .map(|(p, t)| Article::from_bytes(p, t.as_bytes()).unwrap())
        .collect();
    let quotes = |i: usize| -> Vec<Quote> {
        let t = &articles[i].text;
        use QuoteKind::*;
        match i {
            0 => vec![
                quote(t, "We will cut taxes,", Direct, "Jane Doe"),
                quote(t, "the budget was fair", Indirect, "Jane Doe"),
            ],
            1 => vec![
                quote(t, "Taxes will rise,", Direct, "John Roe"),
                quote(t, "Not so.", Direct, "Ms Doe"),
            ],
            2 => vec![quote(t, "We will win,", Direct, "Ann Poe")],
            _ => vec![],
        }
    };
    let mut index = TextIndex::new();
    let mut catalog = SpeakerCatalog::new();
    let mut facts = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        index.add(i as u32, &a.text);
        let qs = quotes(i);
        // The user annotated John Roe's statement.
        let user: Vec<UserStatement> = if i == 1 {
            vec![UserStatement {
                span: qs[0].span,
                speaker: None,
                kind: Some(QuoteKind::Direct),
            }]
        } else {
            vec![]
        };
        catalog.set_article(i as u32, &qs, &user);
        let mut f = ArticleFacts::from_article(a);
        f.speakers = catalog.names_in(i as u32);
        f.quotes = qs.len() as u32;
        f.annotations = user.len() as u32;
        f.tags = if i == 1 { vec!["tax".into()] } else { vec![] };
        facts.push(f);
    }
    index.finish();
    World {
        articles,
        index,
        catalog,
        facts,
    }
}

#[test]
fn search_then_filter_then_sort() {
    let w = world();
    let hits = w.index.search(&Query::parse_as_typed("will"));
    let list: Vec<u32> = hits.iter().map(|h| h.article).collect();
    assert_eq!(list, [0, 1, 2]);
    let mut filters = FilterSet::new();
    filters.push(Filter::Folder("politics/".into()));
    let mut narrowed = filters.apply(&w.facts, list.iter().copied());
    assert_eq!(narrowed, [0, 1]);
    sort_articles(&mut narrowed, &w.facts, SortKey::Date, false);
    assert_eq!(narrowed, [1, 0]);
    filters.push(Filter::Annotated(true));
    filters.push(Filter::Tag("TAX".into()));
    assert_eq!(filters.apply(&w.facts, list.iter().copied()), [1]);
    // The reader's highlights for the shown article.
    let text = &w.articles[1].text;
    let spans = Query::parse("will").match_spans(text);
    assert_eq!(spans.len() as u32, hits[1].count);
    assert!(
        spans
            .iter()
            .all(|s| s.slice(text).eq_ignore_ascii_case("will"))
    );
}

#[test]
fn speakers_table_and_a_merge_applied_to_filters() {
    let w = world();
    let mut table = w.catalog.table(&SpeakerDecisions::default());
    table.sort(SpeakerSort::Reported, false);
    let (top, row) = table.top(1).next().unwrap();
    assert_eq!(top, "Jane Doe");
    assert_eq!(row.reported, 1);
    table.sort(SpeakerSort::Name, false);
    assert_eq!(table.top(1).next().unwrap().0, "Ann Poe");
    let roe = table.directory().who_by_name("John Roe").unwrap();
    assert_eq!(table.row(roe).unwrap().annotated, 1);

    // The picker finds her by a few letters.
    let names: Vec<&str> = table
        .rows()
        .map(|r| table.directory().canonical(r.who))
        .collect();
    let picked = fuzzy_rank("jdoe", names.iter().copied());
    assert_eq!(names[picked[0].0], "Jane Doe");

    // "Ms Doe" is Jane Doe: after the merge she has two articles, and the
    // speaker filter finds both.
    let decisions = SpeakerDecisions {
        merges: vec![SpeakerMerge {
            from: "Ms Doe".into(),
            into: "Jane Doe".into(),
            extra: Default::default(),
        }],
        ..SpeakerDecisions::default()
    };
    let table = w.catalog.table(&decisions);
    let doe = table.directory().who_by_name("Jane Doe").unwrap();
    assert_eq!(table.row(doe).unwrap().articles, 2);
    let said = w.catalog.statements_of(table.directory(), doe);
    let texts: Vec<&str> = said
        .iter()
        .map(|s| s.text(&w.articles[s.article as usize].text))
        .collect();
    assert_eq!(
        texts,
        ["We will cut taxes,", "the budget was fair", "Not so."]
    );
    let only_doe = FilterSet {
        filters: vec![Filter::speaker(table.directory(), doe)],
    };
    assert_eq!(only_doe.apply(&w.facts, 0..4), [0, 1]);
}
