//! The search layer on the sample corpus: text search agrees with the text,
//! and the quotation several outlets report is grouped across them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::Path;

use gloss::analysis::{Quote, QuoteKind, Span, analyze};
use gloss::corpus::Corpus;
use gloss::search::{
    Query, SpeakerCatalog, SpeakerDecisions, TextIndex, VariantGroups, VariantInput, VariantParams,
    word_diff,
};

const SHARED_QUOTE: &str =
    "a vivid example of the failure of United States policy in the Middle East";

/// Spans between quotation marks (straight or curly), one per pair within a
/// paragraph: a stand-in for the analysis' quotations while it finds none.
fn marked_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut offset = 0;
    for para in text.split('\n') {
        let mut open: Option<usize> = None;
        for (i, c) in para.char_indices() {
            match (c, open) {
                ('“', _) => open = Some(i + c.len_utf8()),
                ('"', None) => open = Some(i + 1),
                ('”' | '"', Some(s)) => {
                    out.push(Span::new(offset + s, offset + i));
                    open = None;
                }
                _ => {}
            }
        }
        offset += para.len() + 1;
    }
    out
}

/// Quotations of each article: the analysis' when it finds any, else the
/// marked spans without speakers.
fn quotations(corpus: &Corpus) -> Vec<Vec<Quote>> {
    corpus
        .articles
        .iter()
        .map(|a| {
            let found = analyze(&a.text).quotes;
            if found.is_empty() {
                marked_spans(&a.text)
                    .into_iter()
                    .map(|span| Quote {
                        span,
                        kind: QuoteKind::Direct,
                        speaker: None,
                    })
                    .collect()
            } else {
                found
            }
        })
        .collect()
}

/// Builds the grouping input the way the application does: speakers through
/// the catalogue's identities.
fn group(corpus: &Corpus, quotes: &[Vec<Quote>]) -> (Vec<(u32, u32, String)>, VariantGroups) {
    let mut catalog = SpeakerCatalog::new();
    for (a, qs) in quotes.iter().enumerate() {
        catalog.set_article(a as u32, qs, &[]);
    }
    let dir = catalog.directory(&SpeakerDecisions::default());
    let mut texts = Vec::new();
    let mut inputs = Vec::new();
    for (a, qs) in quotes.iter().enumerate() {
        for (qi, q) in qs.iter().enumerate() {
            if q.kind == QuoteKind::Term {
                continue;
            }
            let text = q.span.slice(&corpus.articles[a].text);
            texts.push((a as u32, qi as u32, text.to_string()));
            inputs.push(VariantInput {
                article: a as u32,
                quote: qi as u32,
                text,
                speaker: q
                    .speaker
                    .as_deref()
                    .and_then(|n| catalog.name_id(n))
                    .and_then(|n| dir.who(n)),
            });
        }
    }
    let groups = VariantGroups::build(&inputs, &VariantParams::default());
    (texts, groups)
}

fn text_of(texts: &[(u32, u32, String)], article: u32, quote: u32) -> &str {
    &texts
        .iter()
        .find(|t| t.0 == article && t.1 == quote)
        .unwrap()
        .2
}

#[test]
fn quotation_reported_by_several_outlets_is_grouped_across_them() {
    let corpus = Corpus::bundled();
    let quotes = quotations(&corpus);
    let (texts, groups) = group(&corpus, &quotes);

    let carrying: BTreeSet<u32> = corpus
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| a.text.contains(SHARED_QUOTE))
        .map(|(i, _)| i as u32)
        .collect();
    assert!(carrying.len() >= 3, "the sample corpus carries it thrice");
    let (first, qi) = texts
        .iter()
        .find(|t| t.2.contains(SHARED_QUOTE))
        .map(|t| (t.0, t.1))
        .expect("the quotation is among the quotations");
    let group = groups
        .group_of(first, qi)
        .expect("the quotation is grouped");
    let grouped: BTreeSet<u32> = group.iter().map(|m| m.article).collect();
    assert!(grouped.is_superset(&carrying), "{grouped:?} ⊉ {carrying:?}");
    // Only that statement is in the group.
    for m in group {
        let text = text_of(&texts, m.article, m.quote);
        assert!(text.contains("example of the failure"), "{text}");
    }
    let others = groups.others(first, qi);
    assert_eq!(others.len(), group.len() - 1);

    // Side by side, two outlets' versions share most of their words.
    let me = text_of(&texts, first, qi);
    let other = others
        .iter()
        .map(|m| text_of(&texts, m.article, m.quote))
        .find(|t| t.contains(SHARED_QUOTE))
        .unwrap();
    let d = word_diff(me, other);
    let same = d.a.iter().filter(|w| w.1).count();
    assert!(same * 10 >= d.a.len() * 8, "mostly the same words");
}

#[test]
fn text_search_on_the_sample_agrees_with_the_text() {
    let corpus = Corpus::bundled();
    let mut index = TextIndex::new();
    for (i, a) in corpus.articles.iter().enumerate() {
        index.add(i as u32, &a.text);
    }
    index.finish();
    for q in [
        "Peskov",
        "\"Middle East\"",
        "putin -peskov",
        "vivid example",
        "zzzz",
    ] {
        let query = Query::parse(q);
        let want: Vec<u32> = corpus
            .articles
            .iter()
            .enumerate()
            .filter(|(_, a)| query.matches_text(&a.text))
            .map(|(i, _)| i as u32)
            .collect();
        let hits = index.search(&query);
        let got: Vec<u32> = hits.iter().map(|h| h.article).collect();
        assert_eq!(got, want, "{q}");
        for h in &hits {
            let text = &corpus.articles[h.article as usize].text;
            let spans = query.match_spans(text);
            assert_eq!(spans.len() as u32, h.count, "{q}: one highlight per match");
        }
    }
    let peskov = index.search(&Query::parse_as_typed("Pesk"));
    assert!(!peskov.is_empty() && peskov.len() < corpus.articles.len());
}

/// With the gold speakers (when the shared material is present), the
/// translation that words the statement differently joins the group too.
#[test]
fn with_known_speakers_the_differently_translated_variant_joins() {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/gold/seeds.jsonl");
    let Ok(lines) = std::fs::read_to_string(&gold) else {
        eprintln!("skipped: {} not found", gold.display());
        return;
    };
    let corpus = Corpus::bundled();
    let mut quotes: Vec<Vec<Quote>> = vec![Vec::new(); corpus.articles.len()];
    for line in lines.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let Some(a) = corpus.articles.iter().position(|x| x.id.0 == v["id"]) else {
            continue;
        };
        let text = &corpus.articles[a].text;
        for q in v["quotes"].as_array().unwrap() {
            let (Some(t), Some(s)) = (q["text"].as_str(), q["speaker"].as_str()) else {
                continue;
            };
            let start = text.find(t).expect("gold text is verbatim");
            quotes[a].push(Quote {
                span: Span::new(start, start + t.len()),
                kind: QuoteKind::Direct,
                speaker: Some(s.to_string()),
            });
        }
    }
    let (texts, groups) = group(&corpus, &quotes);
    let (a, q) = texts
        .iter()
        .find(|t| t.2.contains(SHARED_QUOTE))
        .map(|t| (t.0, t.1))
        .unwrap();
    let articles: BTreeSet<u32> = groups
        .group_of(a, q)
        .expect("grouped")
        .iter()
        .map(|m| m.article)
        .collect();
    assert_eq!(articles.len(), 4, "{articles:?}");
}
