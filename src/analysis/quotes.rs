//! Quotation spans: the text between quotation marks, paragraph by paragraph.
//!
//! Double marks (`"…"`, `“…”`, `„…“`, `«…»`) and single marks (`'…'`, `‘…’`)
//! are paired separately; single marks are told apart from apostrophes
//! (`don’t`, `Hamas’`, `'90s`, `rock 'n' roll`). A straight mark opens or
//! closes according to what stands beside it. A quotation is bounded by its
//! paragraph: an unclosed one ends there, and continues in the next
//! paragraph when that paragraph re-opens a mark. This module finds spans
//! only; kinds and speakers are decided elsewhere.

use super::lexicon::Lower;
use super::tokens::{self, Tok, TokKind, next_byte_in};
use super::{QuoteKind, Span, words};

/// One quotation found between marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    /// The content inside the marks, trimmed of white space.
    pub span: Span,
    /// The opening mark.
    pub open: Span,
    /// The closing mark, when the paragraph closes the quotation.
    pub close: Option<Span>,
    /// Index of the paragraph the span lies in.
    pub para: usize,
    /// True when the span continues a quotation left open by the previous paragraph.
    pub continues: bool,
}

impl QuoteSpan {
    /// The whole quotation including its marks.
    pub fn outer(&self) -> Span {
        Span::new(self.open.start, self.close.map_or(self.span.end, |c| c.end))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

/// Which way a glyph leans when its context does not decide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lean {
    Open,
    Close,
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    at: Span,
    lean: Lean,
    /// Stands where an opening mark stands: after space or a bracket, before a word.
    open_ctx: bool,
    /// Stands where a closing mark stands: after a word, before space or punctuation.
    close_ctx: bool,
}

fn classify(c: char) -> Option<(Family, Lean)> {
    Some(match c {
        '"' | '\u{FF02}' => (Family::Double, Lean::Either),
        '“' | '„' | '«' | '\u{201F}' | '\u{301D}' => (Family::Double, Lean::Open),
        '”' | '»' | '\u{301E}' => (Family::Double, Lean::Close),
        '\'' => (Family::Single, Lean::Either),
        '‘' | '‚' | '‹' | '\u{201B}' => (Family::Single, Lean::Open),
        '’' | '›' => (Family::Single, Lean::Close),
        _ => return None,
    })
}

fn is_quote_char(c: char) -> bool {
    classify(c).is_some()
}

/// Characters after which a mark opens (besides white space and the paragraph start).
fn opens_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '<' | '—' | '–' | '-' | '/' | ':' | ';' | ','
        )
        || is_quote_char(c)
}

/// Characters before which a mark closes (besides white space and the paragraph end).
fn closes_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '>' | '—' | '–' | '-' | '/' | '…'
        )
        || is_quote_char(c)
}

/// Leading-apostrophe words (`'90s`, `'em`, `'til`) that look like an opening mark.
fn is_elision(after: &str) -> bool {
    // Byte length of the word in `after` itself: lower-casing can change the
    // length (`Ⱥ` is 2 bytes, `ⱥ` 3), so the rest is cut by the original.
    let raw_len = after
        .char_indices()
        .find(|(_, c)| !c.is_alphanumeric())
        .map_or(after.len(), |(i, _)| i);
    let word: String = after[..raw_len]
        .chars()
        .flat_map(char::to_lowercase)
        .collect();
    if word.starts_with(|c: char| c.is_ascii_digit()) {
        // '90s, '05 — but not a quoted number followed by more quoted words.
        let rest = &after[raw_len..];
        return !rest.starts_with(' ') || word.ends_with('s') || word.len() == 2;
    }
    matches!(
        word.as_str(),
        "em" | "til" | "tis" | "twas" | "cause" | "n" | "bout" | "round" | "nuff" | "ere"
    )
}

/// Finds every quotation span in `text`, paragraph by paragraph, in order.
/// Spans never overlap: a quotation nested in another is left out.
pub fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<QuoteSpan> {
    // Room for the marks of a typical article, so that the vectors seldom regrow.
    let mut out: Vec<QuoteSpan> = Vec::with_capacity(16);
    let mut doubles = Vec::with_capacity(16);
    let mut singles = Vec::with_capacity(16);
    let mut found = Vec::with_capacity(16);
    for (pi, &para) in paragraphs.iter().enumerate() {
        collect_marks(text, para, &mut doubles, &mut singles);
        found.clear();
        let next_opens = |family: Family| {
            paragraphs
                .get(pi + 1)
                .and_then(|p| p.slice(text).chars().next())
                .and_then(classify)
                .is_some_and(|(f, lean)| f == family && lean != Lean::Close)
        };
        pair_double(text, para, &doubles, &mut found);
        pair_single(text, para, &singles, next_opens(Family::Single), &mut found);
        let before = out.len();
        merge_into(pi, &mut found, &mut out);
        // A paragraph that begins with an opening mark while the previous
        // paragraph left a quotation open continues it.
        if before > 0
            && before < out.len()
            && out[before].open.start == para.start
            && out[before - 1].para + 1 == pi
            && out[before - 1].close.is_none()
        {
            out[before].continues = true;
        }
    }
    out
}

fn collect_marks(text: &str, para: Span, doubles: &mut Vec<Mark>, singles: &mut Vec<Mark>) {
    doubles.clear();
    singles.clear();
    let p = para.slice(text);
    let bytes = p.as_bytes();
    let mut i = 0;
    loop {
        // Every quotation mark starts with one of these bytes (`"`, `'`, or
        // the lead byte of a two- or three-byte mark); most text has none.
        i = next_byte_in(bytes, i, [b'"', b'\'', 0xC2, 0xE2, 0xE3, 0xEF]);
        if i >= bytes.len() {
            break;
        }
        let at = i;
        i += 1;
        let Some(c) = p[at..].chars().next() else {
            continue;
        };
        let Some((family, lean)) = classify(c) else {
            continue;
        };
        let prev = p[..at].chars().next_back();
        let next = p[at + c.len_utf8()..].chars().next();
        let mark = Mark {
            at: Span::new(para.start + at, para.start + at + c.len_utf8()),
            lean,
            open_ctx: prev.is_none_or(opens_after) && next.is_some_and(|n| !n.is_whitespace()),
            close_ctx: prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(closes_before),
        };
        match family {
            Family::Double => doubles.push(mark),
            Family::Single => singles.push(mark),
        }
    }
}

/// Pushes the span between `open` and `end` (exclusive), trimmed, when not empty.
fn push_span(text: &str, open: Span, end: usize, close: Option<Span>, found: &mut Vec<QuoteSpan>) {
    if let Some(span) = super::segment::trim(text, Span::new(open.end, end)) {
        found.push(QuoteSpan {
            span,
            open,
            close,
            para: 0,
            continues: false,
        });
    }
}

/// Pairs double marks. A mark that can only open while a quotation is open
/// closes the open one first (two quotations run together), so one stray
/// mark never pairs with a far-away one.
fn pair_double(text: &str, para: Span, marks: &[Mark], found: &mut Vec<QuoteSpan>) {
    let mut open: Option<Span> = None;
    for m in marks {
        match open {
            Some(o) => {
                if m.close_ctx || !m.open_ctx || m.lean == Lean::Close {
                    push_span(text, o, m.at.start, Some(m.at), found);
                    open = None;
                } else {
                    push_span(text, o, m.at.start, None, found);
                    open = Some(m.at);
                }
            }
            None => {
                let opens = if m.open_ctx {
                    !(m.close_ctx && m.lean == Lean::Close)
                } else {
                    m.lean == Lean::Open && !m.close_ctx
                };
                if opens {
                    open = Some(m.at);
                }
            }
        }
    }
    if let Some(o) = open {
        push_span(text, o, para.end, None, found);
    }
}

/// Pairs single marks, skipping apostrophes. An unclosed single quotation is
/// kept only when the next paragraph re-opens one (a quotation running on);
/// otherwise its opening mark was most likely an apostrophe.
fn pair_single(
    text: &str,
    para: Span,
    marks: &[Mark],
    next_para_opens: bool,
    found: &mut Vec<QuoteSpan>,
) {
    let p_end = para.end;
    let opener = |m: &Mark| -> bool {
        m.lean != Lean::Close && m.open_ctx && !is_elision(text.get(m.at.end..p_end).unwrap_or(""))
    };
    let closer = |m: &Mark| -> bool { m.lean != Lean::Open && m.close_ctx };
    let mut open: Option<Span> = None;
    for (k, m) in marks.iter().enumerate() {
        match open {
            None => {
                if opener(m) {
                    open = Some(m.at);
                }
            }
            Some(o) => {
                if closer(m) {
                    // `s’` before a lower-case word is a plural possessive
                    // only when a later mark closes the quotation before
                    // another one opens (`the so-called 'garden towns'
                    // programme. 'That …'` closes at `towns'`).
                    if is_possessive_s(text, m)
                        && marks[k + 1..]
                            .iter()
                            .find(|x| closer(x) || opener(x))
                            .is_some_and(closer)
                    {
                        continue;
                    }
                    let content = text.get(o.end..m.at.start).unwrap_or("");
                    if !is_tiny_word(content) {
                        push_span(text, o, m.at.start, Some(m.at), found);
                    }
                    open = None;
                } else if opener(m) {
                    let before = text.get(o.end..m.at.start).unwrap_or("").trim_end();
                    if before.ends_with(['.', '!', '?']) {
                        push_span(text, o, m.at.start, None, found);
                    }
                    open = Some(m.at);
                }
            }
        }
    }
    if let Some(o) = open
        && next_para_opens
    {
        push_span(text, o, para.end, None, found);
    }
}

/// `s’` followed by a lower-case word: more likely a plural possessive than a closing mark.
fn is_possessive_s(text: &str, m: &Mark) -> bool {
    let before = text.get(..m.at.start).unwrap_or("");
    let after = text.get(m.at.end..).unwrap_or("");
    before.ends_with(['s', 'S'])
        && after.starts_with(' ')
        && after[1..].starts_with(|c: char| c.is_lowercase())
}

/// One or two lower-case letters between marks: `'n'` in `rock 'n' roll`.
fn is_tiny_word(content: &str) -> bool {
    let n = content.chars().count();
    n <= 2 && content.chars().all(|c| c.is_lowercase())
}

/// Adds the spans of one paragraph in text order; a span nested in or crossing
/// an earlier-starting one is dropped (the outer quotation wins).
fn merge_into(para: usize, found: &mut [QuoteSpan], out: &mut Vec<QuoteSpan>) {
    found.sort_by_key(|q| (q.open.start, std::cmp::Reverse(q.outer().end)));
    let mut last_end = 0;
    let first = out.len();
    for q in found.iter() {
        if out.len() > first && q.open.start < last_end {
            continue;
        }
        last_end = q.outer().end;
        out.push(QuoteSpan { para, ..*q });
    }
}

/// The kind of the quotation at token `qt` of its unit (see the annotation
/// guide): `direct` when it stands as an utterance (opening its sentence,
/// after a colon, after a speech verb, or before its attribution), `term`
/// when it is a short title-like name with no one speaking, else `fragment`
/// (words embedded in the reporter's sentence).
pub fn kind_of(
    text: &str,
    toks: &[Tok],
    qt: usize,
    q: &QuoteSpan,
    unit_has_cue: bool,
    cue_after: bool,
) -> QuoteKind {
    let content = q.span.slice(text);
    if q.continues {
        return QuoteKind::Direct;
    }
    let capital = content
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let n_words = content.split_whitespace().count();
    let sentence_like = capital && (n_words >= 4 || content.ends_with(['.', '!', '?', ',']));
    let Some(prev) = qt.checked_sub(1).map(|k| toks[k]) else {
        // The quotation opens its sentence.
        return if !unit_has_cue && is_title_like(content) && toks.len() > 1 {
            QuoteKind::Term
        } else {
            QuoteKind::Direct
        };
    };
    match prev.kind {
        TokKind::Quote(_) => QuoteKind::Direct,
        TokKind::Punct(':') => QuoteKind::Direct,
        TokKind::Punct(',' | '-' | '—' | '–') => {
            let before = qt.checked_sub(2).map_or("", |k| toks[k].word(text));
            if words::is_cue_verb(before) || sentence_like || (cue_after && capital) {
                QuoteKind::Direct
            } else {
                QuoteKind::Fragment
            }
        }
        TokKind::Punct(_) => {
            if sentence_like {
                QuoteKind::Direct
            } else {
                QuoteKind::Fragment
            }
        }
        TokKind::Word => {
            let w = prev.word(text);
            let lw = Lower::unicode(w);
            let naming = matches!(
                lw.as_str(),
                "as" | "the"
                    | "a"
                    | "an"
                    | "of"
                    | "called"
                    | "dubbed"
                    | "named"
                    | "so-called"
                    | "titled"
                    | "entitled"
                    | "word"
                    | "words"
                    | "term"
                    | "phrase"
                    | "its"
                    | "his"
                    | "her"
                    | "their"
                    | "our"
                    | "new"
                    | "film"
                    | "album"
                    | "song"
                    | "book"
                    | "show"
                    | "series"
                    | "single"
                    | "novel"
                    | "play"
            ) || tokens::is_possessive(w);
            if naming {
                return if is_title_like(content) {
                    QuoteKind::Term
                } else {
                    QuoteKind::Fragment
                };
            }
            let cue_near =
                (qt.saturating_sub(3)..qt).any(|k| words::is_cue_verb(toks[k].word(text)));
            if capital && (cue_near || cue_after) && n_words >= 2 {
                QuoteKind::Direct
            } else if !unit_has_cue && is_title_like(content) {
                QuoteKind::Term
            } else {
                QuoteKind::Fragment
            }
        }
    }
}

/// A short name or title: a few words, capitalised, without final punctuation.
fn is_title_like(content: &str) -> bool {
    if content.ends_with(['.', ',', '!', '?', ';', ':']) {
        return false;
    }
    // Words are counted only up to seven: a long quotation is not split
    // whole, and nothing is collected.
    let mut ws = content.split_whitespace();
    let Some(first) = ws.next() else {
        return false;
    };
    let words = 1 + ws.take(6).count();
    if words > 6 {
        return false;
    }
    if matches!(first, "I" | "We" | "You" | "It" | "This" | "There" | "They") && words > 1 {
        return false;
    }
    first.starts_with(char::is_uppercase)
        && content
            .split_whitespace()
            .filter(|w| w.chars().count() >= 4)
            .all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_numeric()))
}

#[cfg(test)]
mod tests {

    #[test]
    fn elision_check_survives_case_changes_that_alter_byte_length() {
        // `Ⱥ` lower-cases to a longer sequence; the word must be cut by its own length.
        assert!(is_elision("0Ⱥ🌀"));
        assert!(is_elision("90s music"));
        let _ = find_quotes("'0Ⱥ🌀", &[Span::new(0, "'0Ⱥ🌀".len())]);
    }

    use super::*;
    use crate::analysis::segment;

    fn quotes(text: &str) -> Vec<&str> {
        find_quotes(text, &segment::paragraphs(text))
            .iter()
            .map(|q| q.span.slice(text))
            .collect()
    }

    #[test]
    fn straight_double_quotes_pair() {
        assert_eq!(
            quotes("She said: \"It works.\" Then \"this\" too."),
            ["It works.", "this"]
        );
    }

    #[test]
    fn curly_german_and_guillemet_quotes_pair() {
        assert_eq!(
            quotes("A “curly one,” then „eine“ and «une» end."),
            ["curly one,", "eine", "une"]
        );
    }

    #[test]
    fn interrupted_quote_is_two_spans() {
        assert_eq!(
            quotes("\"We are ready,\" he said, \"to go on.\""),
            ["We are ready,", "to go on."]
        );
    }

    #[test]
    fn adjacent_quotes_are_two_spans() {
        assert_eq!(quotes("“One.” “Two.”"), ["One.", "Two."]);
    }

    #[test]
    fn apostrophes_are_not_quotation_marks() {
        assert_eq!(
            quotes("The rebels’ base and Paris' mayor don’t like the '80s or rock 'n' roll."),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn single_quotes_pair_around_apostrophes() {
        assert_eq!(
            quotes(
                "He said ‘we don’t know’ and left. Critics called it 'the farmers' revolt' today."
            ),
            ["we don’t know", "the farmers' revolt"]
        );
    }

    #[test]
    fn plural_possessive_closes_a_quote_when_another_opens_next() {
        let t = "He backed the 'river towns' plan, he said. 'It is time,' she said.";
        assert_eq!(quotes(t), ["river towns", "It is time,"]);
        let t = "'The workers' union is strong,' she said.";
        assert_eq!(quotes(t), ["The workers' union is strong,"]);
    }

    #[test]
    fn nested_quotes_keep_the_outer_one() {
        assert_eq!(
            quotes("“He called it ‘madness’ again,” she said."),
            ["He called it ‘madness’ again,"]
        );
        assert_eq!(
            quotes("‘It is “fine” now,’ she said."),
            ["It is “fine” now,"]
        );
    }

    #[test]
    fn unbalanced_mark_is_bounded_by_its_paragraph() {
        let t = "He said \"this never closes.\nNext paragraph has \"a quote\" here.";
        assert_eq!(quotes(t), ["this never closes.", "a quote"]);
    }

    #[test]
    fn quotation_over_paragraphs_gives_one_span_each() {
        let t = "He said: “First part.\n“Second part.”\nAfter.";
        let found = find_quotes(t, &segment::paragraphs(t));
        let texts: Vec<&str> = found.iter().map(|q| q.span.slice(t)).collect();
        assert_eq!(texts, ["First part.", "Second part."]);
        assert!(found[1].continues);
        assert!(!found[0].continues);
        assert!(found[0].close.is_none());
    }

    #[test]
    fn a_reopening_mark_ends_a_run_together_quote() {
        let t = "She said: \"We did it. \"We will do more.\" Then left.";
        assert_eq!(quotes(t), ["We did it.", "We will do more."]);
    }

    #[test]
    fn stray_closing_mark_is_ignored() {
        assert_eq!(quotes("He is 6'2\" tall and \"fit\"."), ["fit"]);
    }

    fn kinds(text: &str) -> Vec<(String, QuoteKind)> {
        crate::analysis::analyze(text)
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Indirect)
            .map(|q| (q.span.slice(text).to_string(), q.kind))
            .collect()
    }

    #[test]
    fn quote_opening_its_sentence_before_its_cue_is_direct() {
        assert_eq!(
            kinds("“We will stay,” the coach said."),
            [("We will stay,".to_string(), QuoteKind::Direct)]
        );
    }

    #[test]
    fn quote_after_a_colon_is_direct() {
        assert_eq!(
            kinds("The mayor said: \"Roads reopen today.\""),
            [("Roads reopen today.".to_string(), QuoteKind::Direct)]
        );
    }

    #[test]
    fn words_embedded_after_as_or_the_are_a_fragment() {
        assert_eq!(
            kinds("Critics dismissed the budget as \"reckless\" on Monday."),
            [("reckless".to_string(), QuoteKind::Fragment)]
        );
        assert_eq!(
            kinds("She warned of a \"slow and painful decline\" in trade."),
            [("slow and painful decline".to_string(), QuoteKind::Fragment)]
        );
    }

    #[test]
    fn short_capitalised_name_with_no_speaker_is_a_term() {
        assert_eq!(
            kinds("The group joined the \"Northern Alliance\" in 2001."),
            [("Northern Alliance".to_string(), QuoteKind::Term)]
        );
    }

    #[test]
    fn lower_case_continuation_of_an_interrupted_quote_is_direct() {
        let got = kinds("\"We are ready,\" he said, \"to start at once.\"");
        assert_eq!(got[1].1, QuoteKind::Direct);
    }
}
