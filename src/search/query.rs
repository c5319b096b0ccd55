//! The search-line query language and per-article match highlighting.
//!
//! `prime minister` — both words, any order, case-insensitive;
//! `"prime minister"` — the exact phrase (word by word, punctuation between
//! words ignored); `-labour` or `-"tony blair"` — articles with it are left
//! out. While the user types, the last word may still be incomplete:
//! [`Query::parse_as_typed`] treats it as a prefix so the list narrows on every
//! keystroke. This module only parses and matches one text; the corpus-wide
//! lookup is [`super::index::TextIndex`].

use super::tokenize::{for_each_word, words};
use crate::analysis::Span;

/// One searched item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A whole word (lower case).
    Word(String),
    /// Any word that starts with this (lower case): the word being typed.
    Prefix(String),
    /// Words in this order, adjacent; when `last_is_prefix`, the last one may
    /// be incomplete (a phrase still being typed).
    Phrase {
        words: Vec<String>,
        last_is_prefix: bool,
    },
}

impl Term {
    /// The term for the words of one query item: a word, or a phrase when the
    /// item holds several words (`don't`, `e-mail`).
    fn from_words(mut ws: Vec<String>, prefix: bool) -> Option<Term> {
        match ws.len() {
            0 => None,
            1 => ws.pop().map(|w| {
                if prefix {
                    Term::Prefix(w)
                } else {
                    Term::Word(w)
                }
            }),
            _ => Some(Term::Phrase {
                words: ws,
                last_is_prefix: prefix,
            }),
        }
    }

    /// Does the word sequence starting at `words[i]` match, and how many words does it cover?
    fn matches_at(&self, words: &[String], i: usize) -> Option<usize> {
        let one = |pattern: &str, prefix: bool, w: &String| {
            if prefix {
                w.starts_with(pattern)
            } else {
                w == pattern
            }
        };
        match self {
            Term::Word(p) => one(p, false, &words[i]).then_some(1),
            Term::Prefix(p) => one(p, true, &words[i]).then_some(1),
            Term::Phrase {
                words: ps,
                last_is_prefix,
            } => {
                let window = words.get(i..i + ps.len())?;
                let ok = ps
                    .iter()
                    .zip(window)
                    .enumerate()
                    .all(|(k, (p, w))| one(p, *last_is_prefix && k + 1 == ps.len(), w));
                ok.then_some(ps.len())
            }
        }
    }
}

/// A parsed search line: every `include` term must match, no `exclude` term may.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub include: Vec<Term>,
    pub exclude: Vec<Term>,
}

impl Query {
    /// Parses a finished query: every word is whole.
    pub fn parse(input: &str) -> Query {
        Self::parse_with(input, false)
    }

    /// Parses the search line as the user is typing it: unless the input ends
    /// in a space, its last (included) word or unterminated phrase matches as
    /// a prefix, so `prime min` already finds "prime minister".
    pub fn parse_as_typed(input: &str) -> Query {
        Self::parse_with(input, true)
    }

    /// True when the query matches everything (nothing to search for).
    pub fn is_empty(&self) -> bool {
        self.include.is_empty() && self.exclude.is_empty()
    }

    fn parse_with(input: &str, typing: bool) -> Query {
        let mut q = Query::default();
        let chars: Vec<(usize, char)> = input.char_indices().collect();
        let mut i = 0;
        while i < chars.len() {
            let (_, c) = chars[i];
            if c.is_whitespace() {
                i += 1;
                continue;
            }
            let negated = c == '-' && chars.get(i + 1).is_some_and(|(_, n)| !n.is_whitespace());
            if negated {
                i += 1;
            }
            let quoted = chars[i].1 == '"';
            if quoted {
                i += 1;
            }
            let start = chars.get(i).map_or(input.len(), |(b, _)| *b);
            // A phrase runs to the closing mark; a word to the next space or mark.
            while i < chars.len()
                && !(if quoted {
                    chars[i].1 == '"'
                } else {
                    chars[i].1.is_whitespace() || chars[i].1 == '"'
                })
            {
                i += 1;
            }
            let end = chars.get(i).map_or(input.len(), |(b, _)| *b);
            let closed = quoted && i < chars.len();
            if closed {
                i += 1;
            }
            let at_end = end == input.len();
            let prefix = typing && !negated && at_end && !closed;
            let ws = words(&input[start..end]);
            let term = if quoted && ws.len() == 1 && !prefix {
                ws.into_iter().next().map(Term::Word)
            } else {
                Term::from_words(ws, prefix)
            };
            if let Some(t) = term {
                if negated {
                    q.exclude.push(t);
                } else {
                    q.include.push(t);
                }
            }
        }
        q
    }

    /// True when `text` matches the query (the same rule as the index applies).
    pub fn matches_text(&self, text: &str) -> bool {
        let ws = words(text);
        let found = |t: &Term| (0..ws.len()).any(|i| t.matches_at(&ws, i).is_some());
        self.include.iter().all(found) && !self.exclude.iter().any(found)
    }

    /// The byte spans in `text` that the included terms match, sorted, not
    /// overlapping (overlaps merged): the reader's highlights and the stops of
    /// `n`/`N`. Empty when the query has nothing to include.
    pub fn match_spans(&self, text: &str) -> Vec<Span> {
        let mut spans_of = Vec::new();
        let mut ws = Vec::new();
        for_each_word(text, |s, w| {
            spans_of.push(s);
            ws.push(w.to_string());
        });
        let mut out: Vec<Span> = Vec::new();
        for i in 0..ws.len() {
            let longest = self
                .include
                .iter()
                .filter_map(|t| t.matches_at(&ws, i))
                .max();
            if let Some(n) = longest {
                let span = Span::new(spans_of[i].start, spans_of[i + n - 1].end);
                match out.last_mut() {
                    Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
                    _ => out.push(span),
                }
            }
        }
        out
    }
}

/// For `n`: the first match starting after byte `offset` (`None` at the
/// last one: the caller moves on to the next article). `spans` as from
/// [`Query::match_spans`].
pub fn next_match(spans: &[Span], offset: usize) -> Option<Span> {
    let i = spans.partition_point(|s| s.start <= offset);
    spans.get(i).copied()
}

/// For `N`: the last match starting before byte `offset` (`None` at the first one).
pub fn previous_match(spans: &[Span], offset: usize) -> Option<Span> {
    let i = spans.partition_point(|s| s.start < offset);
    i.checked_sub(1).and_then(|i| spans.get(i)).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Term {
        Term::Word(s.into())
    }

    #[test]
    fn words_in_any_order_are_all_required_and_lowercased() {
        let q = Query::parse("Minister  PRIME");
        assert_eq!(q.include, vec![w("minister"), w("prime")]);
        assert!(q.matches_text("The prime minister said"));
        assert!(q.matches_text("minister of state, not prime time"));
        assert!(!q.matches_text("The minister said"));
    }

    #[test]
    fn quoted_phrase_must_appear_in_order() {
        let q = Query::parse("\"prime minister\"");
        assert_eq!(
            q.include,
            vec![Term::Phrase {
                words: vec!["prime".into(), "minister".into()],
                last_is_prefix: false
            }]
        );
        assert!(q.matches_text("the Prime Minister, said"));
        assert!(q.matches_text("prime, minister")); // punctuation between words is ignored
        assert!(!q.matches_text("minister prime"));
    }

    #[test]
    fn minus_excludes_words_and_phrases() {
        let q = Query::parse("budget -labour -\"tony blair\"");
        assert_eq!(q.include, vec![w("budget")]);
        assert_eq!(q.exclude.len(), 2);
        assert!(q.matches_text("the budget"));
        assert!(!q.matches_text("Labour budget"));
        assert!(!q.matches_text("budget by Tony Blair"));
        // Not the phrase: another word stands between.
        assert!(q.matches_text("budget by Tony, then Blair"));
    }

    #[test]
    fn a_hyphen_inside_or_alone_is_not_an_exclusion() {
        let q = Query::parse("e-mail - spam");
        assert!(q.exclude.is_empty());
        assert_eq!(
            q.include,
            vec![
                Term::Phrase {
                    words: vec!["e".into(), "mail".into()],
                    last_is_prefix: false
                },
                w("spam")
            ]
        );
    }

    #[test]
    fn while_typing_the_last_word_is_a_prefix() {
        let q = Query::parse_as_typed("prime min");
        assert_eq!(q.include, vec![w("prime"), Term::Prefix("min".into())]);
        assert!(q.matches_text("Prime Minister"));
        let done = Query::parse_as_typed("prime min ");
        assert_eq!(done.include, vec![w("prime"), w("min")]);
        let phrase = Query::parse_as_typed("\"prime min");
        assert!(phrase.matches_text("the prime minister"));
        assert!(!phrase.matches_text("prime time minister"));
        // An exclusion being typed is never widened to a prefix.
        assert_eq!(Query::parse_as_typed("tax -lab").exclude, vec![w("lab")]);
    }

    #[test]
    fn empty_and_punctuation_queries_are_empty() {
        assert!(Query::parse("").is_empty());
        assert!(Query::parse("  \"\" ...").is_empty());
        assert!(!Query::parse("-x").is_empty());
    }

    #[test]
    fn n_and_shift_n_step_through_matches() {
        let spans = [Span::new(4, 8), Span::new(20, 25), Span::new(40, 41)];
        assert_eq!(next_match(&spans, 0), Some(spans[0]));
        assert_eq!(next_match(&spans, 4), Some(spans[1]));
        assert_eq!(next_match(&spans, 40), None);
        assert_eq!(previous_match(&spans, 40), Some(spans[1]));
        assert_eq!(previous_match(&spans, 4), None);
        assert_eq!(previous_match(&spans, usize::MAX), Some(spans[2]));
    }

    #[test]
    fn match_spans_cover_words_and_whole_phrases() {
        let text = "The Prime Minister met the prime minister's aides. Minister!";
        let q = Query::parse("\"prime minister\" aides");
        let got: Vec<&str> = q.match_spans(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, ["Prime Minister", "prime minister", "aides"]);
        let q = Query::parse_as_typed("min");
        let got: Vec<&str> = q.match_spans(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, ["Minister", "minister", "Minister"]);
    }
}
