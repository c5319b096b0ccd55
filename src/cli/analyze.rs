//! `gloss analyze`: one JSON object per article, offsets in Unicode characters.

use std::io::Write;

use anyhow::{Context, Result};
use rayon::prelude::*;
use serde::Serialize;

use crate::analysis::{self, EntityLabel, QuoteKind};
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
pub fn write_jsonl(corpus: &Corpus, mut out: impl Write) -> Result<()> {
    let lines: Vec<Result<String>> = corpus.articles.par_iter().map(article_line).collect();
    for line in lines {
        out.write_all(line?.as_bytes())
            .context("writing to standard output")?;
    }
    out.flush().context("writing to standard output")
}

fn article_line(article: &Article) -> Result<String> {
    let text = article.text.as_str();
    let a = analysis::analyze(text);
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
}
