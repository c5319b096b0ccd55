//! Search speed on a 100,000-article corpus made by repeating the BBC
//! articles of the shared material (skipped when it is missing): index
//! build, each keystroke of a typed query, filter + sort of the list, the
//! speakers view, cross-outlet grouping, and the index's memory.
//!
//! Statements and entities come from the real analysis of each BBC article
//! (repeats reuse it); should the analysis find no quotation at all, the
//! spans between straight quotation marks stand in, attributed to made-up
//! speakers.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::analysis::{Quote, QuoteKind, Span};
use gloss::search::{
    ArticleFacts, DateRange, Filter, FilterSet, Query, SortKey, SpeakerCatalog, SpeakerDecisions,
    SpeakerSort, TextIndex, VariantGroups, VariantInput, VariantParams, article_list,
    sort_articles,
};
use rayon::prelude::*;

const ARTICLES: usize = 100_000;
const TYPED: &str = "prime minister said";

struct Base {
    path: String,
    text: String,
    quotes: Vec<Quote>,
    entities: Vec<gloss::analysis::Entity>,
}

fn load_bbc() -> Option<Vec<Base>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/bbc");
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).ok()?.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    let t = Instant::now();
    let mut bases: Vec<Base> = files
        .par_iter()
        .filter_map(|p| {
            let text = String::from_utf8_lossy(&std::fs::read(p).ok()?).into_owned();
            let path = p.strip_prefix(&root).ok()?.to_string_lossy().into_owned();
            let found = gloss::analysis::analyze(&text);
            Some(Base {
                path,
                quotes: found.quotes,
                entities: found.entities,
                text,
            })
        })
        .collect();
    let quotes: usize = bases.iter().map(|b| b.quotes.len()).sum();
    eprintln!(
        "analysed {} BBC articles in {:.1} s: {quotes} statements",
        bases.len(),
        t.elapsed().as_secs_f64()
    );
    if quotes == 0 {
        eprintln!("no statements found: using synthetic ones");
        for b in &mut bases {
            b.quotes = synthetic_quotes(&b.text);
        }
    }
    (!bases.is_empty()).then_some(bases)
}

/// Spans between straight quotation marks, with a made-up speaker chosen by
/// the quotation's words (so repeats of an article keep their speakers).
fn synthetic_quotes(text: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open = None;
    for (i, c) in text.char_indices() {
        match (c, open) {
            ('"', None) => open = Some(i + 1),
            ('"', Some(s)) => {
                let span = Span::new(s, i);
                let h = span
                    .slice(text)
                    .bytes()
                    .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
                let n = h % 3000;
                out.push(Quote {
                    span,
                    kind: if h % 4 == 0 {
                        QuoteKind::Indirect
                    } else {
                        QuoteKind::Direct
                    },
                    speaker: Some(if h % 3 == 0 {
                        format!("Surname{n}")
                    } else {
                        format!("Given{n} Surname{n}")
                    }),
                });
                open = None;
            }
            ('\n', _) => open = None,
            _ => {}
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let Some(bases) = load_bbc() else {
        eprintln!("search bench skipped: ../shared/corpora/bbc not found");
        return;
    };
    let base_of = |i: usize| &bases[i % bases.len()];
    let corpus_bytes: usize = (0..ARTICLES).map(|i| base_of(i).text.len()).sum();

    // Index build, as the loader would feed it.
    let t = Instant::now();
    let mut index = TextIndex::new();
    for i in 0..ARTICLES {
        index.add(i as u32, &base_of(i).text);
    }
    index.finish();
    let build = t.elapsed();
    eprintln!(
        "index: {ARTICLES} articles, {:.0} MB text, {} words, {} distinct; built in {:.2} s; heap {:.1} MB ({:.2} × text)",
        corpus_bytes as f64 / 1e6,
        index.word_count(),
        index.vocabulary_len(),
        build.as_secs_f64(),
        index.heap_bytes() as f64 / 1e6,
        index.heap_bytes() as f64 / corpus_bytes as f64
    );

    // Every keystroke of the typed query.
    let mut worst = Duration::ZERO;
    for n in 1..=TYPED.len() {
        let q = Query::parse_as_typed(&TYPED[..n]);
        let mut best = Duration::MAX;
        let mut hits = 0;
        for _ in 0..5 {
            let t = Instant::now();
            hits = black_box(index.search(&q)).len();
            best = best.min(t.elapsed());
        }
        eprintln!(
            "keystroke {:>22?}: {:>7.2} ms, {hits} articles",
            &TYPED[..n],
            best.as_secs_f64() * 1e3
        );
        worst = worst.max(best);
    }
    eprintln!("slowest keystroke: {:.2} ms", worst.as_secs_f64() * 1e3);

    let mut g = c.benchmark_group("search");
    g.measurement_time(Duration::from_secs(3)).sample_size(10);
    for prefix in [
        "p",
        "prime",
        "prime m",
        "prime minister said",
        "\"prime minister\"",
    ] {
        let q = Query::parse_as_typed(prefix);
        g.bench_function(format!("keystroke {prefix}"), |b| {
            b.iter(|| index.search(&q))
        });
    }

    // Facts as the application keeps them.
    let mut catalog = SpeakerCatalog::new();
    let t = Instant::now();
    for i in 0..ARTICLES {
        catalog.set_article(i as u32, &base_of(i).quotes, &[]);
    }
    eprintln!(
        "speaker catalogue: {} statements filled in {:.0} ms",
        catalog.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    let facts: Vec<ArticleFacts> = (0..ARTICLES)
        .map(|i| {
            let b = base_of(i);
            ArticleFacts {
                path: format!("copy{:02}/{}", i / bases.len(), b.path),
                title_key: b.text.lines().next().unwrap_or("").to_lowercase(),
                date: Some(format!(
                    "20{:02}-{:02}-{:02}",
                    10 + i % 15,
                    1 + i % 12,
                    1 + i % 28
                )),
                tags: if i % 50 == 0 {
                    vec!["checked".into()]
                } else {
                    Vec::new()
                },
                speakers: catalog.names_in(i as u32),
                quotes: b.quotes.len() as u32,
                annotations: u32::from(i % 50 == 0),
                ..ArticleFacts::default()
            }
        })
        .collect();
    let dir = catalog.directory(&SpeakerDecisions::default());
    let filters = FilterSet {
        filters: vec![
            Filter::Folder("copy03/politics/".into()),
            Filter::Date(DateRange {
                from: Some("2012".into()),
                to: None,
            }),
        ],
    };
    let speaker = FilterSet {
        filters: vec![Filter::speaker(&dir, gloss::search::Who(0))],
    };
    let hits: Vec<u32> = index
        .search(&Query::parse("\"prime minister\""))
        .iter()
        .map(|h| h.article)
        .collect();
    g.bench_function("filter folder+date, sort by date (100k)", |b| {
        b.iter(|| {
            let mut l = filters.apply(&facts, 0..ARTICLES as u32);
            sort_articles(&mut l, &facts, SortKey::Date, true);
            l
        })
    });
    g.bench_function("filter by speaker, sort by title (100k)", |b| {
        b.iter(|| {
            let mut l = speaker.apply(&facts, 0..ARTICLES as u32);
            sort_articles(&mut l, &facts, SortKey::Title, false);
            l
        })
    });
    g.bench_function("search hits, sort by quotations", |b| {
        b.iter(|| {
            let mut l = hits.clone();
            sort_articles(&mut l, &facts, SortKey::Quotes, true);
            l
        })
    });
    let typed = Query::parse_as_typed("prime minister s");
    g.bench_function(
        "article list: typed query + folder/date filter + date sort",
        |b| b.iter(|| article_list(&index, &facts, &typed, &filters, SortKey::Date, true)),
    );
    let decisions = SpeakerDecisions {
        merges: vec![gloss::annotations::SpeakerMerge {
            from: "Surname1".into(),
            into: "Given1 Surname1".into(),
            extra: Default::default(),
        }],
        ..SpeakerDecisions::default()
    };
    // The directory (name linking) is kept while no new name form arrives
    // and the decisions stay; opening the view then only counts.
    let kept = std::sync::Arc::new(catalog.directory(&decisions));
    g.bench_function("open speakers view (table + sort)", |b| {
        b.iter(|| {
            assert!(kept.is_current(&catalog, &decisions));
            let mut t = catalog.table_with(kept.clone());
            t.sort(SpeakerSort::Quotations, false);
            t
        })
    });
    let mut entities = gloss::search::EntityCatalog::new();
    let t = Instant::now();
    for i in 0..ARTICLES {
        let b = base_of(i);
        entities.set_article(i as u32, &b.text, &b.entities);
    }
    eprintln!(
        "entity catalogue filled in {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    g.bench_function("open entities view (table)", |b| {
        b.iter(|| entities.table(&[]))
    });
    // What the interface computes when `S` and `E` are pressed.
    g.bench_function(
        "tui: open speakers view (table, chart, kept directory)",
        |b| {
            b.iter(|| {
                gloss::tui::views::speakers_table(
                    &catalog,
                    kept.clone(),
                    SpeakerSort::Quotations,
                    false,
                )
            })
        },
    );
    g.bench_function("tui: open entities view (all labels)", |b| {
        b.iter(|| {
            gloss::tui::views::entities_table(
                &entities,
                None,
                gloss::search::EntitySort::Mentions,
                false,
            )
        })
    });
    let best_of = |f: &dyn Fn()| {
        (0..5)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .min()
            .unwrap_or_default()
            .as_secs_f64()
            * 1e3
    };
    eprintln!(
        "speakers view: directory {:.1} ms, table + sort {:.1} ms with a kept directory",
        best_of(&|| {
            black_box(catalog.directory(&decisions));
        }),
        best_of(&|| {
            black_box(catalog.table_with(kept.clone())).sort(SpeakerSort::Quotations, false);
        })
    );
    let table = catalog.table(&decisions);
    eprintln!(
        "speakers: {} people from {} name forms",
        table.len(),
        catalog.names().len()
    );
    let top = table
        .rows()
        .next()
        .map(|r| r.who)
        .unwrap_or(gloss::search::Who(0));
    g.bench_function("open one speaker's statements", |b| {
        b.iter(|| catalog.statements_of(table.directory(), top))
    });
    g.finish();

    let inputs: Vec<VariantInput> = (0..ARTICLES)
        .flat_map(|i| {
            let b = base_of(i);
            b.quotes
                .iter()
                .enumerate()
                .map(move |(q, quote)| VariantInput {
                    article: i as u32,
                    quote: q as u32,
                    text: quote.span.slice(&b.text),
                    speaker: None,
                })
        })
        .collect();
    let t = Instant::now();
    let groups = VariantGroups::build(&inputs, &VariantParams::default());
    eprintln!(
        "cross-outlet grouping: {} quotations → {} groups in {:.0} ms",
        inputs.len(),
        groups.groups().len(),
        t.elapsed().as_secs_f64() * 1e3
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
