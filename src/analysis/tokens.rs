//! Word tokens of a stretch of text, with every quotation folded into one
//! opaque token, and the word classes the attribution rules ask about.
//!
//! Tokens borrow nothing: they are byte spans into the article text. This
//! module knows word shapes and small closed classes of grammar words; open
//! word lists (speech verbs, titles, names) live in the lexicon.

use super::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// A word: letters and digits with inner hyphens, apostrophes and full stops.
    Word,
    /// One punctuation character (`,` `:` `;` `(` `)` a free-standing dash, …).
    Punct(char),
    /// A whole quotation, marks included; the index is into the article's quotations.
    Quote(usize),
}

/// One token: a byte span of the article text and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub span: Span,
    pub kind: TokKind,
}

impl Tok {
    /// The word's text, or `""` for punctuation and quotations.
    pub fn word<'a>(&self, text: &'a str) -> &'a str {
        match self.kind {
            TokKind::Word => self.span.slice(text),
            _ => "",
        }
    }
    /// True for the punctuation character `c`.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
}

/// Tokenises `span` of `text`; `quotes` (outer spans, sorted, with their
/// indices) become single [`TokKind::Quote`] tokens.
pub fn tokenize(text: &str, span: Span, quotes: &[(usize, Span)], out: &mut Vec<Tok>) {
    let s = span.slice(text);
    let base = span.start;
    let mut qi = quotes.partition_point(|(_, q)| q.end <= span.start);
    let mut iter = s.char_indices().peekable();
    while let Some(&(i, c)) = iter.peek() {
        let at = base + i;
        if let Some(&(idx, q)) = quotes.get(qi)
            && q.start <= at
        {
            if q.end > at {
                out.push(Tok {
                    span: Span::new(at.max(q.start), q.end.min(span.end)),
                    kind: TokKind::Quote(idx),
                });
            }
            qi += 1;
            while iter.peek().is_some_and(|&(j, _)| base + j < q.end) {
                iter.next();
            }
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            iter.next();
            while let Some(&(j, d)) = iter.peek() {
                let joiner = matches!(d, '-' | '\'' | '’' | '.' | '&');
                // Only a joiner needs a look at the character after it.
                let joins = || {
                    s[j + d.len_utf8()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric)
                };
                if d.is_alphanumeric() || (joiner && joins()) {
                    end = j + d.len_utf8();
                    iter.next();
                } else if d == '.' && is_dotted(&s[i..end]) {
                    // Keep the final stop of `U.S.` and `Mr.`.
                    end = j + 1;
                    iter.next();
                    break;
                } else {
                    break;
                }
            }
            out.push(Tok {
                span: Span::new(base + i, base + end),
                kind: TokKind::Word,
            });
        } else {
            iter.next();
            if !c.is_whitespace() && !matches!(c, '\'' | '’' | '"') {
                out.push(Tok {
                    span: Span::new(at, at + c.len_utf8()),
                    kind: TokKind::Punct(c),
                });
            }
        }
    }
}

/// `U.S`, `a.m` (letters with inner stops) or a short title such as `Mr`.
fn is_dotted(w: &str) -> bool {
    (w.contains('.') && w.len() <= 6)
        || matches!(
            w,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "St"
                | "Gen"
                | "Sen"
                | "Rep"
                | "Gov"
                | "Prof"
                | "Lt"
                | "Col"
        )
}

/// A word that begins with a capital letter, or a name with a lower-case
/// particle joined by a hyphen (`al-Sudani`, `el-Sisi`).
pub fn is_capitalised(w: &str) -> bool {
    let mut chars = w.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        Some(c) if c.is_lowercase() => w
            .split_once('-')
            .is_some_and(|(head, tail)| head.len() <= 3 && tail.starts_with(char::is_uppercase)),
        _ => false,
    }
}

/// Lower-case name particles that may stand inside a name (`Ursula von der Leyen`).
pub fn is_name_particle(w: &str) -> bool {
    matches!(
        w,
        "al" | "bin"
            | "ibn"
            | "de"
            | "del"
            | "della"
            | "der"
            | "van"
            | "von"
            | "da"
            | "di"
            | "du"
            | "la"
            | "le"
            | "dos"
            | "das"
            | "el"
            | "abu"
            | "ben"
    )
}

pub use super::lexicon::strip_possessive;

/// True when the word ends in a possessive `'s`.
pub fn is_possessive(w: &str) -> bool {
    strip_possessive(w).len() != w.len()
}

/// Words that may stand between a subject and its verb without ending the
/// subject: auxiliaries, negation and adverbs (`has also`, `firmly`).
pub fn is_verb_companion(w: &str) -> bool {
    let lw = w.to_ascii_lowercase();
    (lw.len() > 3 && lw.ends_with("ly") && w.starts_with(char::is_lowercase))
        || matches!(
            lw.as_str(),
            "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "could"
                | "should"
                | "can"
                | "may"
                | "might"
                | "must"
                | "did"
                | "does"
                | "do"
                | "not"
                | "never"
                | "also"
                | "then"
                | "later"
                | "again"
                | "already"
                | "further"
                | "once"
                | "still"
                | "too"
                | "earlier"
                | "now"
                | "often"
                | "always"
                | "just"
                | "even"
                | "reportedly"
                | "previously"
                | "yesterday"
                | "today"
        )
}

/// Forms of `be`: a speech verb after one is passive (`is accused of`).
pub fn is_be(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am"
    )
}

/// Determiners that may open a noun phrase.
pub fn is_determiner(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "the" | "a" | "an" | "this" | "that" | "its" | "his" | "her" | "their" | "our"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &[], &mut out);
        out.iter()
            .map(|t| match t.kind {
                TokKind::Word => t.span.slice(text).to_string(),
                TokKind::Punct(c) => format!("<{c}>"),
                TokKind::Quote(i) => format!("Q{i}"),
            })
            .collect()
    }

    #[test]
    fn words_keep_inner_marks_and_drop_outer_ones() {
        assert_eq!(
            words("Mr. Smith’s al-Bakr, the U.S. team's (rock) don't."),
            [
                "Mr.",
                "Smith’s",
                "al-Bakr",
                "<,>",
                "the",
                "U.S.",
                "team's",
                "<(>",
                "rock",
                "<)>",
                "don't",
                "<.>"
            ]
        );
    }

    #[test]
    fn quotations_become_one_token() {
        let text = "He said “yes, sir” today.";
        let q = Span::new(8, 8 + "“yes, sir”".len());
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &[(3, q)], &mut out);
        let kinds: Vec<TokKind> = out.iter().map(|t| t.kind).collect();
        assert_eq!(kinds[2], TokKind::Quote(3));
        assert_eq!(out[3].span.slice(text), "today");
    }

    #[test]
    fn capitalised_names_with_particles() {
        assert!(is_capitalised("al-Sudani"));
        assert!(is_capitalised("Putin"));
        assert!(!is_capitalised("said"));
        assert!(!is_capitalised("well-known"));
        assert_eq!(strip_possessive("Putin’s"), "Putin");
    }
}
