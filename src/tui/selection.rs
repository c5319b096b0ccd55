//! The statements of the open article and the reader's selection over them.
//!
//! A statement is a detected quotation or reported statement (the analysis's
//! quotes, without `term`s, which are no one's speech), an annotated span, or
//! a run of sentences the user selected. `]` / `[` step through them in text
//! order; `v` starts a run of sentences that `]` / `[` extend and shrink.
//! Also here: mapping a cell of the reader back to a byte offset of the text
//! (mouse clicks, painting marks), from the wrap table.
//!
//! Pure functions over spans and the wrap table: no drawing, no store.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::wrap::{Source, WrapTable, grapheme_width};
use crate::analysis::{Analysis, QuoteKind, Span};

/// What kind of statement a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementKind {
    /// A quotation or reported statement found by the analysis.
    Quote(QuoteKind),
    /// Sentences the user selected.
    Selection,
}

impl StatementKind {
    /// The name used in the sidecar's `kind` field and the status bar.
    pub const fn name(self) -> &'static str {
        match self {
            Self::Quote(QuoteKind::Direct) => "direct",
            Self::Quote(QuoteKind::Fragment) => "fragment",
            Self::Quote(QuoteKind::Term) => "term",
            Self::Quote(QuoteKind::Indirect) => "indirect",
            Self::Selection => "selection",
        }
    }

    /// The kind named `name` (as stored in the sidecar); unknown names are selections.
    pub fn from_name(name: &str) -> Self {
        match name {
            "direct" => Self::Quote(QuoteKind::Direct),
            "fragment" => Self::Quote(QuoteKind::Fragment),
            "term" => Self::Quote(QuoteKind::Term),
            "indirect" => Self::Quote(QuoteKind::Indirect),
            _ => Self::Selection,
        }
    }
}

/// One statement of the open article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// Where it is (bytes of the article text).
    pub span: Span,
    /// What it is.
    pub kind: StatementKind,
    /// The speaker the analysis found, if any.
    pub detected_speaker: Option<String>,
}

impl Statement {
    /// Text order: by start, the longer first.
    fn key(&self) -> (usize, std::cmp::Reverse<usize>) {
        (self.span.start, std::cmp::Reverse(self.span.end))
    }
}

/// The statements of an article in text order: the analysis's quotations and
/// reported statements (not terms), then every annotated span `(span, kind)`
/// that is not one of them. Spans off character boundaries of `text` are left out.
pub fn statements(
    text: &str,
    analysis: Option<&Analysis>,
    annotated: &[(Span, StatementKind)],
) -> Vec<Statement> {
    let valid = |s: &Span| !s.is_empty() && text.get(s.start..s.end).is_some();
    let mut out: Vec<Statement> = analysis
        .map(|a| a.quotes.as_slice())
        .unwrap_or_default()
        .iter()
        .filter(|q| q.kind != QuoteKind::Term && valid(&q.span))
        .map(|q| Statement {
            span: q.span,
            kind: StatementKind::Quote(q.kind),
            detected_speaker: q.speaker.clone(),
        })
        .collect();
    for (span, kind) in annotated {
        if valid(span) && !out.iter().any(|s| s.span == *span) {
            let detected = analysis
                .and_then(|a| a.quotes.iter().find(|q| q.span == *span))
                .and_then(|q| q.speaker.clone());
            out.push(Statement {
                span: *span,
                kind: *kind,
                detected_speaker: detected,
            });
        }
    }
    out.sort_by_key(Statement::key);
    out
}

/// The statement after `current` in text order; with nothing selected, the
/// first one starting at or after `from` (the top of the view), else the first.
pub fn next(statements: &[Statement], current: Option<&Statement>, from: usize) -> Option<usize> {
    match current {
        Some(cur) => statements.iter().position(|s| s.key() > cur.key()),
        None => statements
            .iter()
            .position(|s| s.span.start >= from)
            .or_else(|| (!statements.is_empty()).then_some(0)),
    }
}

/// The statement before `current` in text order; with nothing selected, the
/// same as [`next`] (the first in view).
pub fn previous(
    statements: &[Statement],
    current: Option<&Statement>,
    from: usize,
) -> Option<usize> {
    match current {
        Some(cur) => statements.iter().rposition(|s| s.key() < cur.key()),
        None => next(statements, None, from),
    }
}

/// The innermost statement covering byte `offset` (a click on it).
pub fn statement_at(statements: &[Statement], offset: usize) -> Option<usize> {
    statements
        .iter()
        .enumerate()
        .filter(|(_, s)| s.span.start <= offset && offset < s.span.end)
        .min_by_key(|(_, s)| s.span.len())
        .map(|(i, _)| i)
}

/// A run of sentences being selected: from `first` to `last` (indices into
/// the analysis's sentences, `last >= first`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceRange {
    /// The sentence the run starts with.
    pub first: usize,
    /// The sentence it ends with.
    pub last: usize,
    /// What was selected before, restored when the run is cancelled.
    pub previous: Option<Statement>,
}

impl SentenceRange {
    /// A run of one sentence: the one holding byte `at`, else the first after
    /// it, else the last one. `None` without sentences.
    pub fn start(sentences: &[Span], at: usize, previous: Option<Statement>) -> Option<Self> {
        if sentences.is_empty() {
            return None;
        }
        let i = sentences
            .iter()
            .position(|s| s.end > at)
            .unwrap_or(sentences.len() - 1);
        Some(Self {
            first: i,
            last: i,
            previous,
        })
    }

    /// One sentence more, up to the last.
    pub fn extend(&mut self, sentences: &[Span]) {
        if self.last + 1 < sentences.len() {
            self.last += 1;
        }
    }

    /// One sentence fewer, down to one.
    pub fn shrink(&mut self) {
        if self.last > self.first {
            self.last -= 1;
        }
    }

    /// The bytes the run covers.
    pub fn span(&self, sentences: &[Span]) -> Option<Span> {
        let (a, b) = (sentences.get(self.first)?, sentences.get(self.last)?);
        Some(Span::new(a.start, b.end))
    }
}

/// One cell of a reader line: its column (from the text's left edge), its
/// width, and the article bytes drawn there (`None` for gloss's labels).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// Column from the left edge of the text.
    pub x: u16,
    /// Columns taken.
    pub width: u16,
    /// Article bytes shown, if it shows article text.
    pub text: Option<Range<usize>>,
}

/// The cells of display line `line`, left to right, one per grapheme, with
/// the widths the reader draws them with.
pub fn line_cells(table: &WrapTable, text: &str, line: usize) -> Vec<Cell> {
    let mut out = Vec::new();
    let Some(l) = table.lines.get(line) else {
        return out;
    };
    let mut x: u16 = 0;
    for seg in &l.segments {
        match &seg.source {
            Source::Text(r) => {
                let slice = text.get(r.clone()).unwrap_or("");
                for (i, g) in slice.grapheme_indices(true) {
                    let w = grapheme_width(g);
                    let start = r.start + i;
                    out.push(Cell {
                        x,
                        width: w,
                        text: Some(start..start + g.len()),
                    });
                    x = x.saturating_add(w);
                }
            }
            Source::Label { label, range } => {
                let slice = table.label(*label).get(range.clone()).unwrap_or("");
                for g in slice.graphemes(true) {
                    let w = grapheme_width(g);
                    out.push(Cell {
                        x,
                        width: w,
                        text: None,
                    });
                    x = x.saturating_add(w);
                }
            }
        }
    }
    out
}

/// The article byte shown at column `col` of display line `line`, if that
/// cell shows article text.
pub fn offset_at(table: &WrapTable, text: &str, line: usize, col: u16) -> Option<usize> {
    line_cells(table, text, line)
        .into_iter()
        .find(|c| c.x <= col && col < c.x + c.width.max(1))
        .and_then(|c| c.text)
        .map(|r| r.start)
}

/// The scroll position that shows `span` (its start when it is taller than
/// the view), moving as little as possible from `scroll`.
pub fn scroll_to_show(table: &WrapTable, span: Span, scroll: usize, rows: usize) -> usize {
    let rows = rows.max(1);
    let first = table.line_at_offset(span.start);
    let last = table.line_at_offset(span.end.saturating_sub(1).max(span.start));
    if first < scroll {
        first
    } else if last >= scroll + rows {
        (last + 1 - rows).min(first)
    } else {
        scroll
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Quote;
    use crate::corpus::Article;

    const TEXT: &str = "Head\n\n\"We are ready,\" Ann Lee said. The board met. \
                        It said costs rose. \"A so-called plan\" was shown.";

    fn span_of(needle: &str) -> Span {
        let s = TEXT.find(needle).expect("needle");
        Span::new(s, s + needle.len())
    }

    fn analysis() -> Analysis {
        Analysis {
            sentences: vec![
                span_of("\"We are ready,\" Ann Lee said."),
                span_of("The board met."),
                span_of("It said costs rose."),
                span_of("\"A so-called plan\" was shown."),
            ],
            quotes: vec![
                Quote {
                    span: span_of("We are ready,"),
                    kind: QuoteKind::Direct,
                    speaker: Some("Ann Lee".into()),
                },
                Quote {
                    span: span_of("costs rose"),
                    kind: QuoteKind::Indirect,
                    speaker: None,
                },
                Quote {
                    span: span_of("A so-called plan"),
                    kind: QuoteKind::Term,
                    speaker: None,
                },
            ],
            ..Analysis::default()
        }
    }

    fn texts(list: &[Statement]) -> Vec<&str> {
        list.iter().map(|s| s.span.slice(TEXT)).collect()
    }

    #[test]
    fn statements_are_quotes_without_terms_plus_annotated_spans_in_text_order() {
        let a = analysis();
        let annotated = [
            (span_of("The board met."), StatementKind::Selection),
            (
                span_of("costs rose"),
                StatementKind::Quote(QuoteKind::Indirect),
            ),
        ];
        let list = statements(TEXT, Some(&a), &annotated);
        assert_eq!(
            texts(&list),
            ["We are ready,", "The board met.", "costs rose"]
        );
        assert_eq!(list[0].detected_speaker.as_deref(), Some("Ann Lee"));
        assert_eq!(list[1].kind, StatementKind::Selection);
    }

    #[test]
    fn next_and_previous_step_in_text_order_and_stop_at_the_ends() {
        let list = statements(TEXT, Some(&analysis()), &[]);
        let first = next(&list, None, 0).expect("first");
        assert_eq!(first, 0);
        let second = next(&list, Some(&list[first]), 0).expect("second");
        assert_eq!(list[second].span.slice(TEXT), "costs rose");
        assert_eq!(next(&list, Some(&list[second]), 0), None);
        assert_eq!(previous(&list, Some(&list[second]), 0), Some(0));
        assert_eq!(previous(&list, Some(&list[0]), 0), None);
    }

    #[test]
    fn with_nothing_selected_the_first_statement_in_view_is_taken() {
        let list = statements(TEXT, Some(&analysis()), &[]);
        let top = span_of("The board").start;
        assert_eq!(next(&list, None, top), Some(1));
        assert_eq!(previous(&list, None, top), Some(1));
        assert_eq!(
            next(&list, None, TEXT.len()),
            Some(0),
            "past the last: the first"
        );
        assert_eq!(next(&[], None, 0), None);
    }

    #[test]
    fn a_click_selects_the_innermost_statement() {
        let outer = span_of("It said costs rose.");
        let list = statements(
            TEXT,
            Some(&analysis()),
            &[(outer, StatementKind::Selection)],
        );
        let i = statement_at(&list, span_of("rose").start).expect("hit");
        assert_eq!(list[i].span.slice(TEXT), "costs rose");
        let j = statement_at(&list, span_of("It said").start).expect("hit");
        assert_eq!(list[j].span, outer);
        assert_eq!(statement_at(&list, span_of("board").start), None);
    }

    #[test]
    fn a_sentence_run_extends_and_shrinks_within_the_article() {
        let a = analysis();
        let s = &a.sentences;
        let mut r = SentenceRange::start(s, span_of("board").start, None).expect("run");
        assert_eq!(r.span(s).map(|x| x.slice(TEXT)), Some("The board met."));
        r.extend(s);
        assert_eq!(
            r.span(s).map(|x| x.slice(TEXT)),
            Some("The board met. It said costs rose.")
        );
        r.extend(s);
        r.extend(s);
        assert_eq!(r.last, 3, "not past the last sentence");
        for _ in 0..5 {
            r.shrink();
        }
        assert_eq!((r.first, r.last), (1, 1), "never less than one sentence");
        assert!(SentenceRange::start(&[], 0, None).is_none());
        let gap = SentenceRange::start(s, 0, None).expect("run");
        assert_eq!(gap.first, 0, "before the first sentence: the first");
    }

    #[test]
    fn cells_map_columns_back_to_text_offsets() {
        let article = Article::from_bytes("t.txt", TEXT.as_bytes()).expect("text");
        let a = analysis();
        let table = WrapTable::build(&article, Some(&a), 30);
        let line = table.line_at_offset(span_of("We are").start);
        // The line starts with the opening quotation mark.
        assert_eq!(
            offset_at(&table, &article.text, line, 0),
            Some(span_of("\"We").start)
        );
        assert_eq!(
            offset_at(&table, &article.text, line, 1),
            Some(span_of("We").start)
        );
        // The speaker label is no article text.
        let label_line = (0..table.len())
            .find(|&l| {
                line_cells(&table, &article.text, l)
                    .iter()
                    .any(|c| c.text.is_none())
            })
            .expect("a label");
        let label_col = line_cells(&table, &article.text, label_line)
            .iter()
            .find(|c| c.text.is_none())
            .map(|c| c.x)
            .expect("label cell");
        assert_eq!(
            offset_at(&table, &article.text, label_line, label_col),
            None
        );
        assert_eq!(offset_at(&table, &article.text, line, 200), None);
    }

    #[test]
    fn scrolling_moves_just_enough_to_show_a_statement() {
        let text = format!("Head\n\n{}", "word ".repeat(400));
        let article = Article::from_bytes("t.txt", text.as_bytes()).expect("text");
        let table = WrapTable::build(&article, None, 20);
        let at = |line: usize| table.lines[line].range.start;
        let span = Span::new(at(30), at(31) + 4);
        assert_eq!(scroll_to_show(&table, span, 0, 10), 22);
        assert_eq!(scroll_to_show(&table, span, 25, 10), 25, "already visible");
        assert_eq!(scroll_to_show(&table, span, 40, 10), 30);
        let tall = Span::new(at(10), at(40));
        assert_eq!(
            scroll_to_show(&table, tall, 0, 10),
            10,
            "its start when too tall"
        );
    }
}
