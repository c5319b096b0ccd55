//! The reader's wrap table: the article laid out into display lines of a given
//! width, each line a list of segments that are byte ranges of the article text
//! (or of a label gloss adds, such as the metadata line or a `— Name` speaker
//! label), each with its [`TextStyle`].
//!
//! The table is built when the article, the width, the analysis or the
//! highlight switch changes — never while drawing — and is what maps screen
//! lines and columns back to text offsets (selections, clicks, highlights).
//! Widths are measured per grapheme cluster on the character that will be
//! drawn ([`display_char`]), with the same rule ratatui's buffer uses, so wide
//! characters and combining marks keep columns aligned. Nothing here draws.

use std::ops::Range;

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

use super::theme::{TextRole, TextStyle};
use crate::analysis::{Analysis, EntityLabel, QuoteKind};
use crate::corpus::Article;
use crate::corpus::normalize::{display_char, display_safe};

/// Where a segment's characters come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A byte range of the article text.
    Text(Range<usize>),
    /// A byte range of one of the table's labels (see [`WrapTable::label`]).
    Label {
        /// Index of the label.
        label: usize,
        /// Byte range inside the label.
        range: Range<usize>,
    },
}

/// A run of characters drawn with one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The characters.
    pub source: Source,
    /// How they look.
    pub style: TextStyle,
}

/// One line of the reader.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DisplayLine {
    /// The article bytes this line shows (empty, at the position it sits at,
    /// for blank and label-only lines).
    pub range: Range<usize>,
    /// What to draw, left to right.
    pub segments: Vec<Segment>,
}

/// The article laid out for one width.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WrapTable {
    /// The width the lines were wrapped to, in columns.
    pub width: u16,
    /// The display lines, top to bottom.
    pub lines: Vec<DisplayLine>,
    labels: Vec<String>,
}

/// Quotation marks that may close a quotation: a speaker label goes after them.
const CLOSING_MARKS: &[char] = &['"', '”', '’', '\'', '»', '“', '«'];
/// Punctuation that ends a sentence: a label goes after it too.
const SENTENCE_END: &[char] = &['.', '!', '?', '…'];
/// Punctuation that may sit between a quotation's text and its closing mark.
const INNER_PUNCTUATION: &[char] = &[',', ';', ':'];

impl WrapTable {
    /// Lays out `article` to `width` columns: the headline, a metadata line,
    /// then the paragraphs (every line of the text is a paragraph; blank lines
    /// only separate them). With `analysis`, entities and quotations are styled
    /// and each attributed quotation gets a speaker label.
    pub fn build(article: &Article, analysis: Option<&Analysis>, width: u16) -> WrapTable {
        let mut b = Builder {
            width: width.max(1),
            text: &article.text,
            table: WrapTable {
                width,
                ..WrapTable::default()
            },
            runs: analysis
                .map(|a| highlight_runs(&article.text, a))
                .unwrap_or_default(),
        };
        let labels = analysis
            .map(|a| speaker_labels(&article.text, a))
            .unwrap_or_default();
        let label_at: Vec<(usize, usize)> = labels
            .into_iter()
            .map(|(at, name)| (at, b.add_label(name)))
            .collect();

        let mut headline_pending = article.meta.has_headline;
        let mut meta_done = false;
        let mut first = true;
        let mut line_start = 0;
        for line in article.text.split('\n') {
            let start = line_start;
            line_start += line.len() + 1;
            let trimmed = line.trim();
            if trimmed.is_empty() {
                continue;
            }
            let lead = line.len() - line.trim_start().len();
            let range = start + lead..start + lead + trimmed.len();
            if !first {
                b.blank(range.start);
            }
            first = false;
            if headline_pending {
                headline_pending = false;
                b.paragraph(range.clone(), TextRole::Headline, &[]);
                b.blank(range.end);
                b.meta(article, range.end);
                meta_done = true;
                continue;
            }
            if !meta_done {
                b.meta(article, range.start);
                b.blank(range.start);
                meta_done = true;
            }
            let labels: Vec<(usize, usize)> = label_at
                .iter()
                .copied()
                .filter(|(at, _)| *at >= range.start && *at <= range.end)
                .collect();
            b.paragraph(range, TextRole::Body, &labels);
        }
        if !meta_done {
            b.meta(article, 0);
        }
        b.table
    }

    /// The text of label `index` (empty if there is none).
    pub fn label(&self, index: usize) -> &str {
        self.labels.get(index).map_or("", String::as_str)
    }

    /// The characters of `segment` as they must be drawn: control characters
    /// replaced by visible placeholders.
    pub fn segment_text<'a>(
        &'a self,
        text: &'a str,
        segment: &Segment,
    ) -> std::borrow::Cow<'a, str> {
        let raw = match &segment.source {
            Source::Text(r) => text.get(r.clone()).unwrap_or(""),
            Source::Label { label, range } => self.label(*label).get(range.clone()).unwrap_or(""),
        };
        display_safe(raw)
    }

    /// Number of display lines.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True when there are no lines.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The index of the line showing byte `offset` (the last line starting at
    /// or before it), used to keep the reading position when the table is
    /// rebuilt.
    pub fn line_at_offset(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.range.start <= offset)
            .saturating_sub(1)
    }
}

/// One grapheme cluster (or label character run) placed on a line.
#[derive(Debug, Clone)]
struct Atom {
    /// `None`: article text; `Some(i)`: label `i`.
    label: Option<usize>,
    range: Range<usize>,
    width: u16,
    space: bool,
    /// A line may break after this atom (wide characters).
    break_after: bool,
    style: TextStyle,
}

/// Highlight runs: from each start offset on (until the next), the quotation
/// kind and entity label covering the text.
type Runs = Vec<(usize, Option<QuoteKind>, Option<EntityLabel>)>;

struct Builder<'a> {
    width: u16,
    text: &'a str,
    table: WrapTable,
    runs: Runs,
}

impl Builder<'_> {
    fn add_label(&mut self, text: String) -> usize {
        self.table.labels.push(text);
        self.table.labels.len() - 1
    }

    fn blank(&mut self, at: usize) {
        self.table.lines.push(DisplayLine {
            range: at..at,
            segments: Vec::new(),
        });
    }

    /// The metadata line: path · date · byline · words, then any warnings.
    fn meta(&mut self, article: &Article, at: usize) {
        let mut parts = vec![article.path.clone()];
        parts.extend(article.meta.date.clone());
        parts.extend(article.meta.byline.as_ref().map(|b| format!("by {b}")));
        parts.push(format!("{} words", article.meta.word_count));
        let mut atoms = Vec::new();
        let plain = self.add_label(parts.join(" · "));
        self.label_atoms(plain, TextRole::Meta, &mut atoms);
        for w in &article.warnings {
            let warning = self.add_label(format!(" · ⚠\u{a0}{w}"));
            self.label_atoms(warning, TextRole::MetaWarning, &mut atoms);
        }
        self.lay_out(&atoms, at);
    }

    /// A paragraph of article text with speaker labels inserted at their offsets.
    fn paragraph(&mut self, range: Range<usize>, role: TextRole, labels: &[(usize, usize)]) {
        let mut atoms = Vec::new();
        let mut pending = labels.iter().peekable();
        let mut run = self
            .runs
            .partition_point(|r| r.0 <= range.start)
            .saturating_sub(1);
        let slice = self.text.get(range.clone()).unwrap_or("");
        for (i, g) in slice.grapheme_indices(true) {
            let start = range.start + i;
            while let Some((_, label)) = pending.next_if(|(at, _)| *at <= start) {
                self.label_atoms(*label, TextRole::Speaker, &mut atoms);
            }
            while self.runs.get(run + 1).is_some_and(|r| r.0 <= start) {
                run += 1;
            }
            let (quote, entity) = self
                .runs
                .get(run)
                .filter(|r| r.0 <= start)
                .map_or((None, None), |r| (r.1, r.2));
            atoms.push(atom(
                None,
                start..start + g.len(),
                g,
                TextStyle {
                    base: role,
                    quote,
                    entity,
                },
            ));
        }
        for (_, label) in pending {
            self.label_atoms(*label, TextRole::Speaker, &mut atoms);
        }
        self.lay_out(&atoms, range.start);
    }

    fn label_atoms(&self, label: usize, role: TextRole, out: &mut Vec<Atom>) {
        let text = self.table.label(label);
        for (i, g) in text.grapheme_indices(true) {
            out.push(atom(Some(label), i..i + g.len(), g, TextStyle::of(role)));
        }
    }

    /// Greedy word wrap: break at the last space that fits (or after a wide
    /// character); a word longer than the line is broken where it overflows.
    fn lay_out(&mut self, atoms: &[Atom], at: usize) {
        let width = self.width;
        let mut start = 0;
        let mut used: u16 = 0;
        // (end of this line, start of the next) at the last break opportunity.
        let mut brk: Option<(usize, usize)> = None;
        let mut i = 0;
        let mut any = false;
        while i < atoms.len() {
            let a = &atoms[i];
            if a.space && i == start {
                // No line starts with the space it was broken at.
                start = i + 1;
                i += 1;
                continue;
            }
            if used.saturating_add(a.width) > width && i > start {
                if a.space {
                    self.emit(&atoms[start..i], at);
                    start = i + 1;
                    i += 1;
                } else if let Some((end, next)) = brk {
                    self.emit(&atoms[start..end], at);
                    start = next;
                    i = next;
                } else {
                    self.emit(&atoms[start..i], at);
                    start = i;
                }
                any = true;
                used = 0;
                brk = None;
                continue;
            }
            used = used.saturating_add(a.width);
            if a.space {
                brk = Some((i, i + 1));
            } else if a.break_after {
                brk = Some((i + 1, i + 1));
            }
            i += 1;
        }
        if start < atoms.len() || !any {
            self.emit(&atoms[start.min(atoms.len())..], at);
        }
    }

    /// Adds one display line made of `atoms` (trailing spaces dropped),
    /// merging neighbouring atoms of one source and style into one segment.
    fn emit(&mut self, atoms: &[Atom], at: usize) {
        let end = atoms.iter().rposition(|a| !a.space).map_or(0, |p| p + 1);
        let atoms = &atoms[..end];
        let mut segments: Vec<Segment> = Vec::new();
        let mut range: Option<Range<usize>> = None;
        for a in atoms {
            if a.label.is_none() {
                range = Some(match range {
                    Some(r) => r.start..a.range.end,
                    None => a.range.clone(),
                });
            }
            if let Some(last) = segments.last_mut()
                && last.style == a.style
            {
                match &mut last.source {
                    Source::Text(r) if a.label.is_none() && r.end == a.range.start => {
                        r.end = a.range.end;
                        continue;
                    }
                    Source::Label { label, range }
                        if a.label == Some(*label) && range.end == a.range.start =>
                    {
                        range.end = a.range.end;
                        continue;
                    }
                    _ => {}
                }
            }
            segments.push(Segment {
                source: match a.label {
                    None => Source::Text(a.range.clone()),
                    Some(label) => Source::Label {
                        label,
                        range: a.range.clone(),
                    },
                },
                style: a.style,
            });
        }
        let at = self.table.lines.last().map_or(at, |l| l.range.end.max(at));
        self.table.lines.push(DisplayLine {
            range: range.unwrap_or(at..at),
            segments,
        });
    }
}

fn atom(label: Option<usize>, range: Range<usize>, g: &str, style: TextStyle) -> Atom {
    let width = grapheme_width(g);
    Atom {
        label,
        range,
        width,
        space: g == " " || g == "\t",
        break_after: width >= 2,
        style,
    }
}

/// Columns a grapheme cluster takes once drawn (after placeholder substitution).
pub fn grapheme_width(g: &str) -> u16 {
    if g.chars().all(|c| display_char(c) == c) {
        g.cell_width()
    } else {
        let shown: String = g.chars().map(display_char).collect();
        shown.cell_width()
    }
}

/// Flattens the analysis into non-overlapping runs. Spans that do not lie on
/// character boundaries of `text` are ignored rather than trusted.
fn highlight_runs(text: &str, analysis: &Analysis) -> Runs {
    let valid = |s: &crate::analysis::Span| !s.is_empty() && text.get(s.start..s.end).is_some();
    let quotes: Vec<_> = analysis.quotes.iter().filter(|q| valid(&q.span)).collect();
    let entities: Vec<_> = analysis
        .entities
        .iter()
        .filter(|e| valid(&e.span))
        .collect();
    let mut cuts: Vec<usize> = quotes
        .iter()
        .flat_map(|q| [q.span.start, q.span.end])
        .chain(entities.iter().flat_map(|e| [e.span.start, e.span.end]))
        .collect();
    cuts.push(0);
    cuts.sort_unstable();
    cuts.dedup();
    let mut runs: Runs = Vec::with_capacity(cuts.len());
    for at in cuts {
        let quote = quotes
            .iter()
            .find(|q| q.span.start <= at && at < q.span.end)
            .map(|q| q.kind);
        let entity = entities
            .iter()
            .find(|e| e.span.start <= at && at < e.span.end)
            .map(|e| e.label);
        if runs.last().is_none_or(|r| (r.1, r.2) != (quote, entity)) {
            runs.push((at, quote, entity));
        }
    }
    runs
}

/// `(offset, label)` for each attributed quotation: ` — Name` placed after the
/// quotation's closing marks. A run of quotations by one speaker within one
/// paragraph (an interrupted quote) gets one label, after its last part.
fn speaker_labels(text: &str, analysis: &Analysis) -> Vec<(usize, String)> {
    let mut quotes: Vec<_> = analysis
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Term && text.get(q.span.start..q.span.end).is_some())
        .filter_map(|q| q.speaker.as_deref().map(|s| (q.span, s)))
        .collect();
    quotes.sort_by_key(|(span, _)| (span.start, span.end));
    let mut out = Vec::new();
    for (i, (span, speaker)) in quotes.iter().enumerate() {
        let continued = quotes.get(i + 1).is_some_and(|(next, s)| {
            s == speaker
                && next.start >= span.end
                && !text
                    .get(span.end..next.start)
                    .unwrap_or("\n")
                    .contains('\n')
        });
        if continued {
            continue;
        }
        let skip = closing_marks_after(text.get(span.end..).unwrap_or(""));
        let name = speaker
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("\u{a0}");
        out.push((span.end + skip, format!(" —\u{a0}{name}")));
    }
    out
}

/// Bytes from a quotation's end to just after its closing mark or full stop
/// (`,”` in `ready,” he said`), or 0 when neither follows (reported speech
/// going on after a comma: the label goes straight after the clause).
fn closing_marks_after(tail: &str) -> usize {
    let mut end = 0;
    let mut pos = 0;
    for c in tail.chars() {
        if CLOSING_MARKS.contains(&c) || SENTENCE_END.contains(&c) {
            end = pos + c.len_utf8();
        } else if !INNER_PUNCTUATION.contains(&c) {
            break;
        }
        pos += c.len_utf8();
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Entity, Quote, Span};

    fn article(text: &str) -> Article {
        Article::from_bytes("t.txt", text.as_bytes()).expect("text")
    }

    /// The lines as plain strings, as they will be drawn.
    fn shown(t: &WrapTable, text: &str) -> Vec<String> {
        t.lines
            .iter()
            .map(|l| l.segments.iter().map(|s| t.segment_text(text, s)).collect())
            .collect()
    }

    fn width_of(s: &str) -> usize {
        s.graphemes(true).map(|g| grapheme_width(g) as usize).sum()
    }

    #[test]
    fn headline_then_meta_then_wrapped_paragraphs() {
        let a = article("A short headline\n\nOne two three four five six seven.\nNext one.\n");
        let t = WrapTable::build(&a, None, 16);
        assert_eq!(
            shown(&t, &a.text),
            [
                "A short headline",
                "",
                "t.txt · 12 words",
                "",
                "One two three",
                "four five six",
                "seven.",
                "",
                "Next one.",
            ]
        );
        assert_eq!(t.lines[0].segments[0].style.base, TextRole::Headline);
        assert_eq!(t.lines[4].range, 18..31);
        assert_eq!(&a.text[t.lines[5].range.clone()], "four five six");
    }

    #[test]
    fn text_without_headline_starts_with_meta() {
        let a = article("This is a sentence, not a headline at all.");
        assert!(!a.meta.has_headline);
        let t = WrapTable::build(&a, None, 80);
        let lines = shown(&t, &a.text);
        assert_eq!(lines[0], "t.txt · 9 words");
        assert_eq!(lines[2], "This is a sentence, not a headline at all.");
    }

    #[test]
    fn no_line_is_wider_than_the_table() {
        let text = "Head\n\nWide 漢字漢字漢字漢字 and emoji 👍🏽👍🏽👍🏽 mixed with cafe\u{301} words, \
                    averyveryverylongwordthatcannotfitononeline and more.";
        let a = article(text);
        for width in [5u16, 7, 10, 13, 20] {
            let t = WrapTable::build(&a, None, width);
            for l in shown(&t, &a.text) {
                assert!(width_of(&l) <= width as usize, "{l:?} wider than {width}");
            }
            // Every non-space character of the body is shown exactly once.
            let all: String = shown(&t, &a.text).concat();
            let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            assert!(strip(&all).contains(&strip("Wide 漢字漢字漢字漢字 and emoji 👍🏽👍🏽👍🏽")));
        }
    }

    #[test]
    fn wide_characters_take_two_columns_and_may_break_anywhere() {
        let a = article("Head\n\n漢字漢字漢字");
        let t = WrapTable::build(&a, None, 5);
        let lines = shown(&t, &a.text);
        assert_eq!(lines[lines.len() - 3..], ["漢字", "漢字", "漢字"]);
    }

    #[test]
    fn combining_marks_stay_with_their_letter_and_take_no_column() {
        let a = article("Head\n\ne\u{301}e\u{301}e\u{301}e\u{301} ab");
        let t = WrapTable::build(&a, None, 4);
        let lines = shown(&t, &a.text);
        let n = lines.len();
        assert_eq!(lines[n - 2], "e\u{301}e\u{301}e\u{301}e\u{301}");
        assert_eq!(lines[n - 1], "ab");
    }

    #[test]
    fn control_characters_become_one_column_placeholders() {
        let a = article("Head\n\nred \x1b[31mtext\x07 done");
        let t = WrapTable::build(&a, None, 40);
        let lines = shown(&t, &a.text);
        let last = lines.last().expect("lines");
        assert_eq!(last, "red ␛[31mtext␇ done");
        assert!(lines.iter().all(|l| !l.chars().any(char::is_control)));
        assert_eq!(width_of(last), 19);
    }

    #[test]
    fn line_ranges_map_back_to_offsets() {
        let a = article("Head\n\nalpha beta gamma delta");
        let t = WrapTable::build(&a, None, 11);
        let gamma = a.text.find("gamma").expect("gamma");
        let line = t.line_at_offset(gamma);
        assert_eq!(&a.text[t.lines[line].range.clone()], "gamma delta");
        assert!(
            t.lines
                .windows(2)
                .all(|w| w[0].range.start <= w[1].range.start)
        );
    }

    fn hand_built(text: &str) -> Analysis {
        let span = |needle: &str| {
            let s = text.find(needle).expect("needle");
            Span::new(s, s + needle.len())
        };
        Analysis {
            entities: vec![Entity {
                span: span("Ann Lee"),
                label: EntityLabel::Person,
            }],
            quotes: vec![
                Quote {
                    span: span("We are ready,"),
                    kind: QuoteKind::Direct,
                    speaker: Some("Ann Lee".into()),
                },
                Quote {
                    span: span("to go."),
                    kind: QuoteKind::Direct,
                    speaker: Some("Ann Lee".into()),
                },
            ],
            ..Analysis::default()
        }
    }

    #[test]
    fn quotations_are_styled_and_labelled_once_per_speaker_run() {
        let text = "Head\n\n\"We are ready,\" Ann Lee said, \"to go.\" Then she left.";
        let a = article(text);
        let an = hand_built(&a.text);
        let t = WrapTable::build(&a, Some(&an), 80);
        let lines = shown(&t, &a.text);
        assert_eq!(
            lines[4],
            "\"We are ready,\" Ann Lee said, \"to go.\" —\u{a0}Ann\u{a0}Lee Then she left."
        );
        let styles: Vec<TextStyle> = t.lines[4].segments.iter().map(|s| s.style).collect();
        assert!(styles.contains(&TextStyle {
            base: TextRole::Body,
            quote: Some(QuoteKind::Direct),
            entity: None
        }));
        assert!(styles.contains(&TextStyle {
            base: TextRole::Body,
            quote: None,
            entity: Some(EntityLabel::Person)
        }));
        assert!(styles.contains(&TextStyle::of(TextRole::Speaker)));
    }

    #[test]
    fn speaker_labels_go_after_closing_marks_but_before_a_comma_of_reported_speech() {
        assert_eq!(closing_marks_after(",” he said"), ",”".len());
        assert_eq!(closing_marks_after("”. Next"), "”.".len());
        assert_eq!(closing_marks_after(". Next"), 1);
        assert_eq!(closing_marks_after(", he said"), 0);
        assert_eq!(closing_marks_after(""), 0);
    }

    #[test]
    fn spans_off_character_boundaries_are_ignored() {
        let text = "Head\n\nCafé “x”";
        let a = article(text);
        let bad = Analysis {
            quotes: vec![Quote {
                span: Span::new(10, 13),
                kind: QuoteKind::Direct,
                speaker: Some("Nobody".into()),
            }],
            entities: vec![Entity {
                span: Span::new(5, 999),
                label: EntityLabel::Org,
            }],
            ..Analysis::default()
        };
        let t = WrapTable::build(&a, Some(&bad), 80);
        assert_eq!(shown(&t, &a.text)[4], "Café “x”");
    }

    proptest::proptest! {
        #[test]
        fn any_text_wraps_within_the_width_and_keeps_every_character(
            text in r"(\PC|[ \n\t\x1b\x07\u{301}\u{200d}漢字👍🏽])*",
            width in 1u16..60,
        ) {
            let a = article(&text);
            let t = WrapTable::build(&a, None, width);
            for l in shown(&t, &a.text) {
                // A single grapheme wider than the table (a wide character, or a
                // cluster of spacing marks) cannot be split and may overflow alone.
                let alone = l.graphemes(true).count() == 1;
                proptest::prop_assert!(width_of(&l) <= usize::from(width) || alone, "{:?}", l);
                proptest::prop_assert!(!l.chars().any(char::is_control));
            }
            let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            let mut from_lines = String::new();
            for l in &t.lines {
                for seg in &l.segments {
                    if let Source::Text(r) = &seg.source {
                        from_lines.push_str(&a.text[r.clone()]);
                    }
                }
            }
            proptest::prop_assert_eq!(strip(&from_lines), strip(&a.text));
        }
    }

    #[test]
    fn a_cluster_of_spacing_marks_wider_than_the_table_stands_alone() {
        let a = article("𝔇ொਾ x");
        let t = WrapTable::build(&a, None, 1);
        let lines = shown(&t, &a.text);
        assert!(lines.iter().any(|l| l == "𝔇ொਾ"), "{lines:?}");
    }
}
