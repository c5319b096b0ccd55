//! The analysis layer: pure, deterministic functions from an article's text to
//! spans — paragraphs, sentences, named entities, quotations with their kind and
//! speaker — and the corpus-wide linking of name variants to one identity.
//!
//! No I/O, no terminal, no annotations. Every offset is a byte offset into the
//! normalised article text; conversion to character offsets happens at the edges.

pub mod entities;
pub mod lexicon;
pub mod names;
pub mod quotes;
pub mod reported;
pub mod segment;
pub mod speakers;
pub mod tokens;
mod words;

use serde::Serialize;

/// A half-open byte range `[start, end)` into an article's normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }
    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }
    /// True when the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// The text the span covers (empty if it does not lie on char boundaries).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
    /// True when `other` lies entirely inside this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// The type of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityLabel {
    Person,
    Org,
    Place,
    Date,
}

/// One mention of a named entity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    pub span: Span,
    pub label: EntityLabel,
}

/// What kind of statement a quotation is (see the gold annotation guide).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The speaker's own words, set off from the reporter's sentence.
    Direct,
    /// Quoted words embedded in the reporter's own sentence.
    Fragment,
    /// Quoted words that are no one's speech: a name, a title, a so-called term.
    Term,
    /// Reported speech without quotation marks (the content clause).
    Indirect,
}

/// One statement found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// The content: inside the marks, or the reported clause.
    pub span: Span,
    pub kind: QuoteKind,
    /// The speaker's most complete name in this article, without titles.
    pub speaker: Option<String>,
}

/// Everything the analysis finds in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Analysis {
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Span>,
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
}

/// Analyses one article's normalised text.
pub fn analyze(text: &str) -> Analysis {
    let paragraphs = segment::paragraphs(text);
    // Sized for news text (a sentence every hundred bytes or so), so that the
    // vectors of an article seldom regrow.
    let mut sentences = Vec::with_capacity(paragraphs.len() + text.len() / 64);
    for &p in &paragraphs {
        segment::sentences_in(text, p, &mut sentences);
    }
    let found = quotes::find_quotes(text, &paragraphs);
    let units = units(&paragraphs, &sentences, &found);
    // About one token in five bytes of news text; room for more avoids regrowing.
    let mut all_toks = Vec::with_capacity(text.len() / 4);
    tokens::tokenize(text, Span::new(0, text.len()), &[], &mut all_toks);
    let entities = entities::find_entities(text, &sentences);
    let names = speakers::Names::build(text, &all_toks, &entities);
    let attribution = speakers::attribute(text, &units, &found, &names, &all_toks);
    let mut quotes: Vec<Quote> = Vec::with_capacity(found.len() + attribution.indirect.len());
    quotes.extend(
        found
            .iter()
            .zip(attribution.quotes)
            .map(|(q, (kind, speaker))| Quote {
                span: q.span,
                kind,
                speaker,
            }),
    );
    quotes.extend(
        attribution
            .indirect
            .into_iter()
            .map(|(span, speaker)| Quote {
                span,
                kind: QuoteKind::Indirect,
                speaker,
            }),
    );
    quotes.sort_by_key(|q| (q.span.start, q.span.end));
    Analysis {
        entities,
        paragraphs,
        sentences,
        quotes,
    }
}

/// Clause units for attribution: sentences, joined where a quotation runs
/// across a sentence end, each with the index of its paragraph.
fn units(
    paragraphs: &[Span],
    sentences: &[Span],
    found: &[quotes::QuoteSpan],
) -> Vec<speakers::Unit> {
    let mut out: Vec<speakers::Unit> = Vec::with_capacity(sentences.len());
    let mut p = 0;
    let mut q = 0;
    for &s in sentences {
        while p + 1 < paragraphs.len() && paragraphs[p].end <= s.start {
            p += 1;
        }
        while q < found.len() && found[q].outer().end <= s.start {
            q += 1;
        }
        // A quotation that began in the previous sentence and is still open here.
        let crossing = found
            .get(q)
            .is_some_and(|fq| fq.outer().start < s.start && fq.outer().end > s.start);
        match out.last_mut() {
            Some(last) if crossing && last.para == p => last.span.end = s.end,
            _ => out.push(speakers::Unit { span: s, para: p }),
        }
    }
    out
}
