//! `gloss analyze`: one JSON object per article, offsets in Unicode characters.

use std::io::Write;
use std::panic::{self, AssertUnwindSafe};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;
use serde::Serialize;

use crate::analysis::{self, Analysis, EntityLabel, QuoteKind};
use crate::corpus::{Article, Corpus};

#[derive(Serialize)]
struct ArticleOut<'a> {
    id: &'a str,
    path: &'a str,
    title: &'a str,
    quotes: Vec<QuoteOut<'a>>,
    entities: Vec<EntityOut<'a>>,
}

#[derive(Serialize)]
struct QuoteOut<'a> {
    text: &'a str,
    speaker: Option<&'a str>,
    kind: QuoteKind,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    text: &'a str,
    label: EntityLabel,
    start: usize,
    end: usize,
}

/// Converts byte offsets of one text to character offsets, in increasing order
/// of queries, in one pass.
pub struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    /// A converter over `text`.
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            byte: 0,
            chars: 0,
        }
    }
    /// Character offset of byte offset `b` (any order; forward queries are cheap).
    pub fn at(&mut self, b: usize) -> usize {
        if b < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let b = b.min(self.text.len());
        self.chars += self.text.get(self.byte..b).map_or(0, |s| s.chars().count());
        self.byte = b;
        self.chars
    }
}

/// Writes the analysis of every article of `corpus` as JSON Lines, in corpus order.
///
/// An article whose analysis fails (an internal error) is written with no
/// quotations or entities and named in the returned error, so that one article
/// never costs the lines of all the others.
pub fn write_jsonl(corpus: &Corpus, out: impl Write) -> Result<()> {
    write_jsonl_with(corpus, out, analysis::analyze)
}

fn write_jsonl_with(
    corpus: &Corpus,
    mut out: impl Write,
    analyze: impl Fn(&str) -> Analysis + Sync,
) -> Result<()> {
    let lines: Vec<(Result<String>, bool)> = corpus
        .articles
        .par_iter()
        .map(|article| {
            // The panic message itself goes to standard error through the hook.
            match panic::catch_unwind(AssertUnwindSafe(|| analyze(&article.text))) {
                Ok(a) => (article_line(article, &a), true),
                Err(_) => (article_line(article, &Analysis::default()), false),
            }
        })
        .collect();
    let mut failed = Vec::new();
    for ((line, ok), article) in lines.into_iter().zip(&corpus.articles) {
        out.write_all(line?.as_bytes())
            .context("writing to standard output")?;
        if !ok {
            failed.push(article.path.as_str());
        }
    }
    out.flush().context("writing to standard output")?;
    if !failed.is_empty() {
        bail!(
            "the analysis of {} article(s) failed; their lines list no quotations or entities: {}",
            failed.len(),
            failed.join(", ")
        );
    }
    Ok(())
}

fn article_line(article: &Article, a: &Analysis) -> Result<String> {
    let text = article.text.as_str();
    let mut offsets = CharOffsets::new(text);
    let quotes = a
        .quotes
        .iter()
        .map(|q| QuoteOut {
            text: q.span.slice(text),
            speaker: q.speaker.as_deref(),
            kind: q.kind,
            start: offsets.at(q.span.start),
            end: offsets.at(q.span.end),
        })
        .collect();
    let entities = a
        .entities
        .iter()
        .map(|e| EntityOut {
            text: e.span.slice(text),
            label: e.label,
            start: offsets.at(e.span.start),
            end: offsets.at(e.span.end),
        })
        .collect();
    let obj = ArticleOut {
        id: &article.id.0,
        path: &article.path,
        title: &article.meta.title,
        quotes,
        entities,
    };
    let mut line = serde_json::to_string(&obj).context("encoding JSON")?;
    line.push('\n');
    Ok(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_count_code_points() {
        let text = "a“é”b";
        let mut o = CharOffsets::new(text);
        assert_eq!(o.at(0), 0);
        assert_eq!(o.at(1), 1);
        assert_eq!(o.at(4), 2);
        assert_eq!(o.at(text.len()), 5);
        assert_eq!(o.at(1), 1);
    }

    #[test]
    fn an_article_whose_analysis_fails_costs_only_its_own_line() {
        let corpus = Corpus::bundled();
        let bad = corpus.articles[1].text.clone();
        let mut out = Vec::new();
        let err = write_jsonl_with(&corpus, &mut out, |text| {
            assert!(text != bad, "an internal error");
            analysis::analyze(text)
        })
        .expect_err("the failure is reported");
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .expect("UTF-8")
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON"))
            .collect();
        assert_eq!(lines.len(), corpus.articles.len());
        assert_eq!(lines[1]["quotes"].as_array().map(Vec::len), Some(0));
        assert!(
            lines
                .iter()
                .any(|l| l["quotes"].as_array().is_some_and(|q| !q.is_empty()))
        );
        assert!(err.to_string().contains(&corpus.articles[1].path));
    }
}
