//! Targets in text: building a [`TextTarget`] from byte offsets, converting
//! between byte and character offsets, and finding a stored target again in the
//! current text of its article (re-anchoring).
//!
//! Re-anchoring follows the quote-plus-position approach: the stored offsets
//! are trusted when the exact text and its context are still there; otherwise
//! every occurrence of the exact text is scored by how much of the stored
//! context surrounds it, the nearest to the old position breaking ties; a
//! candidate must clear a minimum score, and what cannot be placed is reported
//! orphaned — never attached to other text. Pure functions: no I/O.

use std::fmt;

use crate::analysis::Span;

use super::model::TextTarget;

/// How many characters of context are stored before and after a target.
pub const CONTEXT_CHARS: usize = 32;

/// An exact text that occurs once in the article is accepted without matching
/// context only when it is at least this long: a short phrase that now occurs
/// once may well be a different statement.
const MIN_UNIQUE_EXACT_CHARS: usize = 10;

/// When the best occurrence's context is no longer complete, a runner-up
/// scoring within this many characters of it makes the choice a guess: an
/// edit next to a short target can give a neighbouring copy of its text
/// nearly as much matching context as the target itself.
const AMBIGUITY_MARGIN: usize = CONTEXT_CHARS / 4;

/// Maps between byte and character (Unicode code point) offsets of one text.
/// Build it once per article when converting many offsets.
///
/// Only the characters longer than one byte are recorded, so a mostly ASCII
/// text (most news) costs almost nothing to index; conversions are a binary
/// search.
pub struct CharIndex<'a> {
    text: &'a str,
    wide: Vec<Wide>,
}

/// One character of more than one byte.
struct Wide {
    /// Its character offset.
    ch: usize,
    /// Its byte offset.
    byte: usize,
    /// Bytes beyond one per character, for all wide characters up to and
    /// including this one: `byte offset - character offset` just after it.
    extra: usize,
}

impl<'a> CharIndex<'a> {
    /// An index over `text`.
    pub fn new(text: &'a str) -> Self {
        let mut wide = Vec::new();
        if text.is_ascii() {
            return Self { text, wide };
        }
        let bytes = text.as_bytes();
        let mut extra = 0;
        let mut i = 0;
        while let Some(found) = bytes
            .get(i..)
            .and_then(|rest| rest.iter().position(|b| !b.is_ascii()))
        {
            let at = i + found;
            let len = text
                .get(at..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8);
            wide.push(Wide {
                ch: at - extra,
                byte: at,
                extra: extra + len - 1,
            });
            extra += len - 1;
            i = at + len;
        }
        Self { text, wide }
    }

    /// The indexed text.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Number of characters in the text.
    pub fn char_len(&self) -> usize {
        self.text.len() - self.wide.last().map_or(0, |w| w.extra)
    }

    /// The byte offset of character offset `ch` (`char_len()` maps to the end);
    /// `None` past the end.
    pub fn to_byte(&self, ch: usize) -> Option<usize> {
        if ch > self.char_len() {
            return None;
        }
        let before = self.wide.partition_point(|w| w.ch < ch);
        Some(ch + before.checked_sub(1).map_or(0, |i| self.wide[i].extra))
    }

    /// The character offset of byte offset `byte`; `None` when it is past the
    /// end or not on a character boundary.
    pub fn to_char(&self, byte: usize) -> Option<usize> {
        if !self.text.is_char_boundary(byte) {
            return None;
        }
        let before = self.wide.partition_point(|w| w.byte < byte);
        Some(byte - before.checked_sub(1).map_or(0, |i| self.wide[i].extra))
    }

    /// The byte span of the character range `[start, end)`.
    pub fn byte_span(&self, start: usize, end: usize) -> Option<Span> {
        let (s, e) = (self.to_byte(start)?, self.to_byte(end)?);
        (s <= e).then_some(Span::new(s, e))
    }
}

/// The character offset of byte offset `byte` in `text`; `None` when it is
/// past the end or not on a character boundary.
pub fn byte_to_char(text: &str, byte: usize) -> Option<usize> {
    text.is_char_boundary(byte)
        .then(|| text[..byte].chars().count())
}

/// The byte offset of character offset `ch` in `text` (`None` past the end).
pub fn char_to_byte(text: &str, ch: usize) -> Option<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .nth(ch)
}

/// Why a byte span cannot become a target.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    #[error("the span {0:?} is empty")]
    Empty(Span),
    #[error("the span {0:?} lies outside the text or splits a character")]
    Invalid(Span),
}

impl TextTarget {
    /// The target for the byte span `span` of `text`: its exact text, up to
    /// [`CONTEXT_CHARS`] characters before and after, and character offsets.
    pub fn from_byte_span(text: &str, span: Span) -> Result<TextTarget, SpanError> {
        if span.is_empty() {
            return Err(SpanError::Empty(span));
        }
        let (Some(before), Some(exact), Some(after)) = (
            text.get(..span.start),
            text.get(span.start..span.end),
            text.get(span.end..),
        ) else {
            return Err(SpanError::Invalid(span));
        };
        let start = before.chars().count();
        let end = start + exact.chars().count();
        Ok(TextTarget {
            exact: exact.to_string(),
            prefix: last_chars(before, CONTEXT_CHARS).to_string(),
            suffix: first_chars(after, CONTEXT_CHARS).to_string(),
            start,
            end,
            extra: serde_json::Map::new(),
        })
    }

    /// The byte span of the stored character offsets in `text`, without
    /// checking that the exact text is there (see [`anchor`] for that).
    pub fn byte_span(&self, text: &str) -> Option<Span> {
        let s = char_to_byte(text, self.start)?;
        let e = s + char_to_byte(text.get(s..)?, self.end.checked_sub(self.start)?)?;
        Some(Span::new(s, e))
    }
}

fn last_chars(s: &str, n: usize) -> &str {
    let cut = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    if n == 0 { "" } else { &s[cut..] }
}

fn first_chars(s: &str, n: usize) -> &str {
    let cut = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..cut]
}

/// Where an annotation is in the current text of its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// The annotation is about the whole article; it has no target.
    WholeArticle,
    /// Found at its stored offsets (byte span into the article text).
    Anchored(Span),
    /// Found elsewhere: the text moved. `start`/`end` are the new character offsets.
    Moved {
        span: Span,
        start: usize,
        end: usize,
    },
    /// Not placed: kept, listed, never attached to other text.
    Orphaned(OrphanReason),
}

impl Anchor {
    /// The byte span of a placed target.
    pub fn span(&self) -> Option<Span> {
        match self {
            Self::Anchored(span) | Self::Moved { span, .. } => Some(*span),
            Self::WholeArticle | Self::Orphaned(_) => None,
        }
    }

    /// True when the annotation could not be placed.
    pub fn is_orphaned(&self) -> bool {
        matches!(self, Self::Orphaned(_))
    }
}

/// Why an annotation could not be placed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrphanReason {
    /// No article with the annotation's article id is in the corpus.
    ArticleMissing,
    /// The exact text is no longer in the article, or not with enough
    /// context to be sure it is the same statement.
    TextNotFound,
    /// The exact text occurs more than once and what is left of its context
    /// does not tell which occurrence is the annotated one.
    Ambiguous,
}

impl fmt::Display for OrphanReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::ArticleMissing => "the article is not in the corpus",
            Self::TextNotFound => "the text is no longer in the article",
            Self::Ambiguous => {
                "the text occurs more than once and its context no longer tells which"
            }
        })
    }
}

/// Finds `target` in `text` (see the module documentation for the rules).
pub fn anchor(target: &TextTarget, text: &str) -> Anchor {
    anchor_in(target, &CharIndex::new(text))
}

/// [`anchor`] with a prepared index, for many targets in one article.
pub fn anchor_in(target: &TextTarget, index: &CharIndex<'_>) -> Anchor {
    let text = index.text();
    let exact = target.exact.as_str();
    if exact.is_empty() {
        return Anchor::Orphaned(OrphanReason::TextNotFound);
    }
    let full_context = target.prefix.chars().count() + target.suffix.chars().count();
    // Fast path: the stored offsets still hold the exact text in its context.
    if let Some(span) = index.byte_span(target.start, target.end)
        && span.slice(text) == exact
        && context_score(target, text, span) == full_context
    {
        return Anchor::Anchored(span);
    }
    let mut best: Option<(usize, usize, usize)> = None; // (score, distance, byte start)
    let mut runner_up: Option<usize> = None; // its score
    let mut count = 0usize;
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|rest| rest.find(exact)) {
        let at = from + found;
        count += 1;
        let score = context_score(target, text, Span::new(at, at + exact.len()));
        let distance = index
            .to_char(at)
            .map_or(usize::MAX, |c| c.abs_diff(target.start));
        if best.is_none_or(|(s, d, _)| score > s || (score == s && distance < d)) {
            runner_up = best.map(|(s, _, _)| s);
            best = Some((score, distance, at));
        } else if runner_up.is_none_or(|s| score > s) {
            runner_up = Some(score);
        }
        // Step one character, so that overlapping occurrences are seen too.
        from = at + text[at..].chars().next().map_or(1, char::len_utf8);
    }
    let Some((score, _, at)) = best else {
        return Anchor::Orphaned(OrphanReason::TextNotFound);
    };
    let unique_and_long = count == 1 && exact.chars().count() >= MIN_UNIQUE_EXACT_CHARS;
    if score * 2 < full_context && !unique_and_long {
        return Anchor::Orphaned(OrphanReason::TextNotFound);
    }
    // Identical copies with all their context (a repeated paragraph) are told
    // apart by position; with context lost, a close runner-up is a guess.
    if score < full_context && runner_up.is_some_and(|r| r + AMBIGUITY_MARGIN > score) {
        return Anchor::Orphaned(OrphanReason::Ambiguous);
    }
    let span = Span::new(at, at + exact.len());
    match (index.to_char(span.start), index.to_char(span.end)) {
        (Some(start), _)
            if start == target.start && start + exact.chars().count() == target.end =>
        {
            Anchor::Anchored(span)
        }
        (Some(start), Some(end)) => Anchor::Moved { span, start, end },
        _ => Anchor::Orphaned(OrphanReason::TextNotFound),
    }
}

/// How many characters of the stored prefix and suffix surround `span`.
fn context_score(target: &TextTarget, text: &str, span: Span) -> usize {
    let before = text.get(..span.start).unwrap_or("");
    let after = text.get(span.end..).unwrap_or("");
    let prefix = target
        .prefix
        .chars()
        .rev()
        .zip(before.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let suffix = target
        .suffix
        .chars()
        .zip(after.chars())
        .take_while(|(a, b)| a == b)
        .count();
    prefix + suffix
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target_of(text: &str, needle: &str) -> TextTarget {
        let at = text.find(needle).unwrap();
        TextTarget::from_byte_span(text, Span::new(at, at + needle.len())).unwrap()
    }

    #[test]
    fn target_from_byte_span_counts_characters_and_keeps_context() {
        let text = "Él dijo: «no vamos» y se fue.";
        let t = target_of(text, "no vamos");
        assert_eq!(t.exact, "no vamos");
        assert_eq!(t.prefix, "Él dijo: «");
        assert_eq!(t.suffix, "» y se fue.");
        let chars: Vec<char> = text.chars().collect();
        let back: String = chars[t.start..t.end].iter().collect();
        assert_eq!(back, "no vamos");
        assert_eq!(t.byte_span(text).unwrap().slice(text), "no vamos");
    }

    #[test]
    fn context_is_cut_at_thirty_two_characters() {
        let text = format!("{}QUOTE{}", "é".repeat(40), "ü".repeat(40));
        let t = target_of(&text, "QUOTE");
        assert_eq!(t.prefix, "é".repeat(32));
        assert_eq!(t.suffix, "ü".repeat(32));
    }

    #[test]
    fn spans_that_split_characters_or_are_empty_are_refused() {
        assert_eq!(
            TextTarget::from_byte_span("é", Span::new(1, 2)),
            Err(SpanError::Invalid(Span::new(1, 2)))
        );
        assert!(TextTarget::from_byte_span("abc", Span::new(1, 1)).is_err());
        assert!(TextTarget::from_byte_span("abc", Span::new(1, 9)).is_err());
    }

    #[test]
    fn byte_and_char_offsets_convert_both_ways() {
        let text = "a“é”b";
        let index = CharIndex::new(text);
        for (byte, ch) in [(0, 0), (1, 1), (4, 2), (6, 3), (text.len(), 5)] {
            assert_eq!(byte_to_char(text, byte), Some(ch));
            assert_eq!(char_to_byte(text, ch), Some(byte));
            assert_eq!(index.to_char(byte), Some(ch));
            assert_eq!(index.to_byte(ch), Some(byte));
        }
        assert_eq!(byte_to_char(text, 2), None);
        assert_eq!(index.to_char(2), None);
        assert_eq!(char_to_byte(text, 6), None);
        assert_eq!(index.to_byte(6), None);
        assert_eq!(index.char_len(), 5);
    }

    #[test]
    fn the_index_agrees_with_counting_characters_everywhere() {
        let text = "a£b“c”d 𝄞 e\u{301}f ascii tail";
        let index = CharIndex::new(text);
        assert_eq!(index.char_len(), text.chars().count());
        for byte in 0..=text.len() + 1 {
            assert_eq!(index.to_char(byte), byte_to_char(text, byte), "byte {byte}");
        }
        for ch in 0..=text.chars().count() + 1 {
            assert_eq!(index.to_byte(ch), char_to_byte(text, ch), "char {ch}");
        }
    }

    #[test]
    fn unchanged_text_anchors_at_the_stored_offsets() {
        let text = "The minister said: “We will not move.” Then she left.";
        let t = target_of(text, "We will not move.");
        let span = t.byte_span(text).unwrap();
        assert_eq!(anchor(&t, text), Anchor::Anchored(span));
    }

    #[test]
    fn text_inserted_before_moves_the_anchor() {
        let text = "The minister said: “We will not move.” Then she left.";
        let t = target_of(text, "We will not move.");
        let edited = format!("A new first paragraph. {text}");
        match anchor(&t, &edited) {
            Anchor::Moved { span, start, end } => {
                assert_eq!(span.slice(&edited), "We will not move.");
                assert_eq!(start, t.start + 23);
                assert_eq!(end, t.end + 23);
            }
            other => panic!("expected Moved, got {other:?}"),
        }
    }

    #[test]
    fn context_picks_the_right_one_of_two_occurrences() {
        let text = "Smith said “no” to the plan. Jones said “no” to the budget.";
        let second = text.rfind("no”").unwrap();
        let t = TextTarget::from_byte_span(text, Span::new(second, second + 2)).unwrap();
        // The first occurrence now sits nearer to the stored offset.
        let edited = text.replacen("Smith said", "Smith, the long-serving chair, said", 1);
        let span = anchor(&t, &edited).span().unwrap();
        assert!(edited[span.end..].starts_with("” to the budget."));
    }

    #[test]
    fn equal_context_is_decided_by_the_nearest_position() {
        let unit = "He said “no”. ";
        let text = unit.repeat(10);
        let fifth = unit.len() * 4 + unit.find("no").unwrap();
        let t = TextTarget::from_byte_span(&text, Span::new(fifth, fifth + 2)).unwrap();
        let edited = format!("X{text}");
        let span = anchor(&t, &edited).span().unwrap();
        assert_eq!(span.start, fifth + 1);
    }

    #[test]
    fn a_copy_made_by_an_edit_beside_a_short_target_makes_it_ambiguous() {
        let text = "The chair was asked twice and said no again to the plan on Monday.";
        let t = target_of(text, "no");
        // Inserting "no again, said no" after "said " could equally have
        // inserted "again, said no" after the target's "no": the two copies keep
        // the same amount of context, so neither is chosen.
        let edited = text.replacen("said no", "said no again, said no", 1);
        assert_eq!(edited.matches("no again").count(), 2);
        assert_eq!(
            anchor(&t, &edited),
            Anchor::Orphaned(OrphanReason::Ambiguous)
        );
    }

    #[test]
    fn a_short_text_whose_context_changed_is_orphaned_not_guessed() {
        let text = "He said yes. Later she said yes again.";
        let t = target_of(text, "yes");
        let rewritten = "Completely different: yes, or maybe yes.";
        assert_eq!(
            anchor(&t, rewritten),
            Anchor::Orphaned(OrphanReason::TextNotFound)
        );
    }

    #[test]
    fn a_long_unique_text_is_found_even_when_all_context_changed() {
        let text = "Intro. “This budget is a disgrace,” she said.";
        let t = target_of(text, "This budget is a disgrace");
        let rewritten = "Rewritten lede — This budget is a disgrace — and more.";
        let span = anchor(&t, rewritten).span().unwrap();
        assert_eq!(span.slice(rewritten), "This budget is a disgrace");
    }

    #[test]
    fn deleted_text_is_orphaned() {
        let text = "One. “Gone soon,” he said. Two.";
        let t = target_of(text, "Gone soon");
        assert!(anchor(&t, "One. Two.").is_orphaned());
    }
}
