//! Segmentation of the normalised article text into paragraphs and sentences.
//!
//! A paragraph is a non-blank line (news text puts one paragraph per line,
//! with or without blank lines between). A sentence ends at `.`, `!`, `?` or
//! `…`, possibly followed by closing quotation marks or brackets, when white
//! space and a plausible sentence start follow; abbreviations (`Mr.`, `Jan.`,
//! `U.S.`), initials (`J. K.`) and decimals (`3.5`) do not end a sentence.
//! Sentences never cross paragraphs. Pure functions; no other analysis here.

use super::Span;
use super::lexicon::Lower;
use super::tokens::next_byte_in;

/// The paragraphs of `text`: every non-blank line, trimmed of surrounding white space.
pub fn paragraphs(text: &str) -> Vec<Span> {
    // Room for a paragraph every hundred bytes or so: news text seldom needs more.
    let mut out = Vec::with_capacity(text.len() / 100 + 1);
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        if let Some(span) = trim(text, Span::new(start, end)) {
            out.push(span);
        }
        start = end;
    }
    out
}

/// The sentences of `text`, in order, trimmed, never crossing a paragraph.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for para in paragraphs(text) {
        sentences_in(text, para, &mut out);
    }
    out
}

/// Appends the sentences of one paragraph span to `out`.
pub fn sentences_in(text: &str, para: Span, out: &mut Vec<Span>) {
    let p = para.slice(text);
    let bytes = p.as_bytes();
    let mut sent_start = 0;
    // A byte scan: every terminator starts with a byte no other character
    // starts with at a character boundary, and no continuation byte matches.
    let mut i = 0;
    loop {
        i = next_byte_in(bytes, i, [b'.', b'!', b'?', 0xE2]);
        if i >= bytes.len() {
            break;
        }
        let Some(len) = terminator_at(p, i) else {
            i += 1;
            continue;
        };
        let period = bytes[i] == b'.';
        // Runs of terminators ("?!", "...") end together.
        let mut end = i + len;
        while let Some(l) = terminator_at(p, end) {
            end += l;
        }
        // A sentence may end inside closing quotation marks or brackets.
        while let Some(d) = p[end..].chars().next().filter(|&d| is_closer(d)) {
            end += d.len_utf8();
        }
        let at = i;
        i = end;
        // White space must follow, then a plausible sentence start.
        let rest = &p[end..];
        let after_ws = rest.trim_start();
        if after_ws.len() == rest.len() || after_ws.is_empty() {
            continue;
        }
        if !starts_sentence(after_ws) {
            continue;
        }
        if period && end == at + 1 && !ends_sentence_at_period(&p[..at], after_ws) {
            continue;
        }
        push_trimmed(text, para.start + sent_start, para.start + end, out);
        sent_start = end;
    }
    if sent_start < bytes.len() {
        push_trimmed(text, para.start + sent_start, para.end, out);
    }
}

/// The byte length of the sentence terminator (`.`, `!`, `?`, `…`) at byte `i` of `p`.
#[inline]
fn terminator_at(p: &str, i: usize) -> Option<usize> {
    match p.as_bytes().get(i)? {
        b'.' | b'!' | b'?' => Some(1),
        0xE2 if p[i..].starts_with('…') => Some('…'.len_utf8()),
        _ => None,
    }
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    if let Some(span) = trim(text, Span::new(start, end)) {
        out.push(span);
    }
}

/// `span` without leading and trailing white space; `None` when nothing is left.
pub(crate) fn trim(text: &str, span: Span) -> Option<Span> {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    (!trimmed.is_empty()).then(|| Span::new(span.start + lead, span.start + lead + trimmed.len()))
}

/// Closing quotation marks and brackets that may follow a sentence's final stop.
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | '“' | ')' | ']' | '›' | '」'
    )
}

/// Opening marks that may precede a sentence's first letter.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '„' | '(' | '[' | '‹')
}

/// True when `s` (no leading white space) can begin a sentence: an upper-case
/// letter or a digit, possibly after opening marks.
fn starts_sentence(s: &str) -> bool {
    let first = s.chars().find(|&c| !is_opener(c));
    // Letters of scripts without case count as capitals.
    first.is_some_and(|c| c.is_numeric() || (c.is_alphabetic() && !c.is_lowercase()))
}

/// Abbreviations (lower-cased, without the period) that usually do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "sr", "jr", "gen", "sen", "rep", "gov", "lt", "col",
    "capt", "sgt", "maj", "adm", "cmdr", "rev", "hon", "pres", "supt", "insp", "det", "messrs",
    "mme", "mlle", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "no", "nos", "vs", "v", "etc", "inc", "ltd", "co", "corp", "plc", "bros", "dept",
    "univ", "approx", "est", "fig", "vol", "op", "cf", "ft", "mt", "ave", "blvd", "rd", "e.g",
    "i.e", "al", "gov't", "govt", "eng", "ing", "lic", "dra", "sra", "arq", "pharm", "engr",
];

/// Words that begin a new sentence even after a dotted abbreviation (`… in the U.S. The …`).
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "This",
    "That",
    "These",
    "Those",
    "In",
    "On",
    "At",
    "A",
    "An",
    "His",
    "Her",
    "Their",
    "Its",
    "There",
    "However",
    "Meanwhile",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
];

/// Decides whether the period after `before` ends a sentence, given the text after it.
fn ends_sentence_at_period(before: &str, after: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || is_opener(c))
        .next()
        .unwrap_or("");
    if word.is_empty() {
        return true;
    }
    let next_word: &str = after
        .trim_start_matches(is_opener)
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // Dotted abbreviations (U.S., U.N., a.m.) and single initials (J. K. Rowling).
    let mut letters = word.chars().filter(|c| *c != '.');
    let dotted = word.contains('.') && letters.clone().all(|c| c.is_alphabetic());
    let initial = matches!((letters.next(), letters.next()), (Some(c), None) if c.is_uppercase());
    if dotted || initial {
        return SENTENCE_STARTERS.contains(&next_word);
    }
    let lower = Lower::unicode(word);
    let lower = lower.trim_start_matches(|c: char| !c.is_alphanumeric());
    if ABBREVIATIONS.contains(&lower) {
        // "No." and "Co." end sentences often enough when no number or name follows,
        // but titles before names never do.
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
        spans.iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn paragraphs_are_non_blank_lines_trimmed() {
        let t = "Title\n\n  First para.  \nSecond para.\n\n";
        assert_eq!(
            texts(t, &paragraphs(t)),
            ["Title", "First para.", "Second para."]
        );
    }

    #[test]
    fn sentences_split_on_stops_followed_by_capitals() {
        let t = "The cat sat. The dog ran! Did it? Yes.";
        assert_eq!(
            texts(t, &sentences(t)),
            ["The cat sat.", "The dog ran!", "Did it?", "Yes."]
        );
    }

    #[test]
    fn titles_and_months_do_not_end_sentences() {
        let t = "Mr. Brown met Dr. Green on Jan. 5 in town. They spoke.";
        assert_eq!(
            texts(t, &sentences(t)),
            ["Mr. Brown met Dr. Green on Jan. 5 in town.", "They spoke."]
        );
    }

    #[test]
    fn dotted_abbreviations_and_initials_do_not_end_sentences() {
        let t = "The U.S. Senate voted. J. R. Hartley wrote it.";
        assert_eq!(
            texts(t, &sentences(t)),
            ["The U.S. Senate voted.", "J. R. Hartley wrote it."]
        );
    }

    #[test]
    fn dotted_abbreviation_before_a_function_word_ends_a_sentence() {
        let t = "Troops left the U.S. The war went on.";
        assert_eq!(
            texts(t, &sentences(t)),
            ["Troops left the U.S.", "The war went on."]
        );
    }

    #[test]
    fn decimals_do_not_end_sentences() {
        let t = "Growth was 3.5 percent. Prices rose.";
        assert_eq!(
            texts(t, &sentences(t)),
            ["Growth was 3.5 percent.", "Prices rose."]
        );
    }

    #[test]
    fn a_sentence_may_end_inside_closing_quotes() {
        let t = "She said: \"We won.\" Then she left. “It is over.” Nobody cried.";
        assert_eq!(
            texts(t, &sentences(t)),
            [
                "She said: \"We won.\"",
                "Then she left.",
                "“It is over.”",
                "Nobody cried."
            ]
        );
    }

    #[test]
    fn a_question_inside_quotes_followed_by_lower_case_continues() {
        let t = "\"Why now?\" he asked. Nobody knew.";
        assert_eq!(
            texts(t, &sentences(t)),
            ["\"Why now?\" he asked.", "Nobody knew."]
        );
    }

    #[test]
    fn sentences_never_cross_paragraphs() {
        let t = "One without a stop\nTwo with one.";
        assert_eq!(
            texts(t, &sentences(t)),
            ["One without a stop", "Two with one."]
        );
    }
}
