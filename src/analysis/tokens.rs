//! Word tokens of a stretch of text, with every quotation folded into one
//! opaque token, and the word classes the attribution rules ask about.
//!
//! Tokens borrow nothing: they are byte spans into the article text. This
//! module knows word shapes and small closed classes of grammar words; open
//! word lists (speech verbs, titles, names) live in the lexicon.

use super::Span;
use super::lexicon::Lower;

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
    #[inline]
    pub fn word<'a>(&self, text: &'a str) -> &'a str {
        match self.kind {
            TokKind::Word => self.span.slice(text),
            _ => "",
        }
    }
    /// True for the punctuation character `c`.
    #[inline]
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == TokKind::Punct(c)
    }
}

/// The character at byte `i` of `s` (a char boundary) and its length.
#[inline]
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        Some((b as char, 1))
    } else {
        let c = s.get(i..)?.chars().next()?;
        Some((c, c.len_utf8()))
    }
}

#[inline]
fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Tokenises `span` of `text`; `quotes` (outer spans, sorted, with their
/// indices) become single [`TokKind::Quote`] tokens.
pub fn tokenize(text: &str, span: Span, quotes: &[(usize, Span)], out: &mut Vec<Tok>) {
    let s = span.slice(text);
    let base = span.start;
    let mut qi = quotes.partition_point(|(_, q)| q.end <= span.start);
    let mut i = 0;
    while let Some((c, len)) = char_at(s, i) {
        let at = base + i;
        if let Some(&(idx, q)) = quotes.get(qi)
            && q.start <= at
        {
            if q.end > at {
                out.push(Tok {
                    span: Span::new(at.max(q.start), q.end.min(span.end)),
                    kind: TokKind::Quote(idx),
                });
                // Resume at the first character that starts at or after the quotation's end.
                i = q.end - base;
                while i < s.len() && !s.is_char_boundary(i) {
                    i += 1;
                }
            }
            qi += 1;
            continue;
        }
        if c == ' ' || c == '\n' {
            i += 1;
            continue;
        }
        if is_alnum(c) {
            let bytes = s.as_bytes();
            let mut end = i + len;
            loop {
                // Runs of ASCII letters and digits first.
                end = ascii_alnum_end(bytes, end);
                let Some((d, dl)) = char_at(s, end) else {
                    break;
                };
                if !d.is_ascii() && d.is_alphanumeric() {
                    end += dl;
                    continue;
                }
                // Only a joiner needs a look at the character after it.
                if matches!(d, '-' | '\'' | '’' | '.' | '&')
                    && char_at(s, end + dl).is_some_and(|(n, _)| is_alnum(n))
                {
                    end += dl;
                    continue;
                }
                if d == '.' && is_dotted(&s[i..end]) {
                    // Keep the final stop of `U.S.` and `Mr.`.
                    end += 1;
                }
                break;
            }
            out.push(Tok {
                span: Span::new(base + i, base + end),
                kind: TokKind::Word,
            });
            i = end;
        } else {
            i += len;
            if !c.is_whitespace() && !matches!(c, '\'' | '’' | '"') {
                out.push(Tok {
                    span: Span::new(at, at + len),
                    kind: TokKind::Punct(c),
                });
            }
        }
    }
}

/// The end of the run of ASCII letters and digits starting at byte `i` of
/// `bytes` (`i` itself when none stands there). It tests eight bytes at a
/// time, so that finding where a word ends costs one well-predicted branch
/// per eight bytes instead of a branch per byte that mispredicts at the end.
#[inline]
pub(crate) fn ascii_alnum_end(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // The high bit of each byte whose value lies strictly between `m` and
    // `n` (at most 128): per byte, `127 + n - v` and `v + 127 - m` neither
    // borrow nor carry into the next byte, so every byte is exact.
    let between = |x: u64, m: u64, n: u64| {
        let low = x & (ONES * 0x7f);
        (ONES * (127 + n) - low) & !x & (low + ONES * (127 - m)) & HIGHS
    };
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let x = u64::from_le_bytes(w);
        let digits = between(x, u64::from(b'0') - 1, u64::from(b'9') + 1);
        // Setting bit 5 folds capitals onto small letters.
        let letters = between(x | (ONES * 0x20), u64::from(b'a') - 1, u64::from(b'z') + 1);
        let other = !(digits | letters) & HIGHS;
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    i
}

/// The first byte at or after `i` in `bytes` whose value is in `set`
/// (`bytes.len()` when none is), eight bytes at a time: for scans over whole
/// articles for the few bytes that matter (sentence ends, quotation marks).
#[inline]
pub(crate) fn next_byte_in<const N: usize>(bytes: &[u8], mut i: usize, set: [u8; N]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOWS: u64 = ONES * 0x7f;
    const HIGHS: u64 = ONES * 0x80;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let x = u64::from_le_bytes(w);
        let mut hits = 0;
        for b in set {
            let v = x ^ (ONES * u64::from(b));
            // The high bit of each byte of `v` that is zero (exact: adding
            // 0x7f to seven bits never carries into the next byte).
            hits |= !(((v & LOWS) + LOWS) | v) & HIGHS;
        }
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(|b| !set.contains(b)) {
        i += 1;
    }
    i.min(bytes.len())
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
#[inline]
pub fn is_capitalised(w: &str) -> bool {
    // Most words open with an ASCII letter and hold no hyphen early on:
    // answered here, inlined; the rest below.
    match w.as_bytes().first() {
        Some(b) if b.is_ascii_uppercase() => true,
        Some(b) if b.is_ascii_lowercase() && !hyphen_in_1_to_3(w.as_bytes()) => false,
        _ => is_capitalised_rest(w),
    }
}

/// True when byte 1, 2 or 3 of `b` is a hyphen (tested without a loop: the
/// answer is nearly always no, and a loop's exit would mispredict).
#[inline]
fn hyphen_in_1_to_3(b: &[u8]) -> bool {
    let at = |i: usize| b.get(i) == Some(&b'-');
    at(1) | at(2) | at(3)
}

/// [`is_capitalised`] in full.
fn is_capitalised_rest(w: &str) -> bool {
    // ASCII fast path: the first hyphen must stand within the first four bytes.
    if let Some(&b) = w.as_bytes().first()
        && b.is_ascii()
    {
        if b.is_ascii_uppercase() {
            return true;
        }
        if !b.is_ascii_lowercase() {
            return false;
        }
        return w
            .bytes()
            .take(4)
            .position(|c| c == b'-')
            .is_some_and(|i| w[i + 1..].starts_with(char::is_uppercase));
    }
    let mut chars = w.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() => true,
        Some(c) if c.is_lowercase() => w
            .split_once('-')
            .is_some_and(|(head, tail)| head.len() <= 3 && tail.starts_with(char::is_uppercase)),
        _ => false,
    }
}

/// `Ballymena-born`, `Oscar-nominated`, `London-based`: a capitalised word
/// joined to a lower-case last part is an adjective made from a name, not a
/// name (`al-Sadr`, `Lloyd-Webber` end in a capital).
pub fn is_name_adjective(w: &str) -> bool {
    // Only the participle and `-born` endings: `Co-operation`, `Mong-koo`
    // are words and names of their own. The last letter turns nearly every
    // word away before the search for a hyphen (this runs on every token).
    w.ends_with(['d', 'g', 'n'])
        && w.rsplit_once('-').is_some_and(|(head, tail)| {
            !head.is_empty()
                && tail.starts_with(char::is_lowercase)
                && (tail.ends_with("ed") || tail.ends_with("ing") || tail == "born")
                && is_capitalised(w)
        })
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
#[inline]
pub fn is_possessive(w: &str) -> bool {
    strip_possessive(w).len() != w.len()
}

/// Words that may stand between a subject and its verb without ending the
/// subject: auxiliaries, negation and adverbs (`has also`, `firmly`).
pub fn is_verb_companion(w: &str) -> bool {
    let b = w.as_bytes();
    // Tested on the word's own bytes: `ly` in any case is what lower-casing
    // would turn into `ly`, and no listed word is longer than ten bytes, so
    // most words need no lower-cased copy.
    (b.len() > 3
        && b[b.len() - 2..].eq_ignore_ascii_case(b"ly")
        && w.starts_with(char::is_lowercase))
        || (b.len() <= 10
            && matches!(
                Lower::ascii(w).as_bytes(),
                b"has"
                    | b"have"
                    | b"had"
                    | b"will"
                    | b"would"
                    | b"could"
                    | b"should"
                    | b"can"
                    | b"may"
                    | b"might"
                    | b"must"
                    | b"did"
                    | b"does"
                    | b"do"
                    | b"not"
                    | b"never"
                    | b"also"
                    | b"then"
                    | b"later"
                    | b"again"
                    | b"already"
                    | b"further"
                    | b"once"
                    | b"still"
                    | b"too"
                    | b"earlier"
                    | b"now"
                    | b"often"
                    | b"always"
                    | b"just"
                    | b"even"
                    | b"reportedly"
                    | b"previously"
                    | b"yesterday"
                    | b"today"
            ))
}

/// Forms of `be`: a speech verb after one is passive (`is accused of`).
pub fn is_be(w: &str) -> bool {
    // No form is longer than five bytes: longer words need no lower-casing.
    w.len() <= 5
        && matches!(
            Lower::ascii(w).as_bytes(),
            b"is" | b"are" | b"was" | b"were" | b"be" | b"been" | b"being" | b"am"
        )
}

/// Determiners that may open a noun phrase.
pub fn is_determiner(w: &str) -> bool {
    // No determiner is longer than five bytes: longer words need no lower-casing.
    w.len() <= 5
        && matches!(
            Lower::ascii(w).as_bytes(),
            b"the"
                | b"a"
                | b"an"
                | b"this"
                | b"that"
                | b"its"
                | b"his"
                | b"her"
                | b"their"
                | b"our"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_joined_to_a_lower_case_word_is_an_adjective() {
        assert!(is_name_adjective("Leeds-born") && is_name_adjective("Nobel-winning"));
        assert!(!is_name_adjective("al-Sadr") && !is_name_adjective("Smith-Jones"));
        assert!(!is_name_adjective("well-known") && !is_name_adjective("Bell"));
        assert!(!is_name_adjective("Co-operation") && !is_name_adjective("Chung-hee"));
    }

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
    fn alnum_runs_end_where_a_byte_by_byte_scan_ends() {
        // Every byte value at every position of a chunk, and runs across chunks.
        for pos in 0..12 {
            for b in 0..=255u8 {
                let mut bytes = vec![b'a'; 12];
                bytes[pos] = b;
                for from in [0, 1, 3] {
                    let mut want = from;
                    while bytes.get(want).is_some_and(u8::is_ascii_alphanumeric) {
                        want += 1;
                    }
                    assert_eq!(ascii_alnum_end(&bytes, from), want, "{pos} {b} {from}");
                }
            }
        }
        assert_eq!(ascii_alnum_end(b"Zz09 ", 0), 4);
        assert_eq!(ascii_alnum_end(b"", 0), 0);
    }

    #[test]
    fn next_byte_in_a_set_is_the_first_one_a_byte_scan_finds() {
        let set = [b'.', b'!', 0xE2];
        for pos in 0..12 {
            for b in 0..=255u8 {
                let mut bytes = vec![b'x'; 12];
                bytes[pos] = b;
                bytes[(pos + 5) % 12] = b'!';
                for from in [0, 2, 7, 12] {
                    let want = (from..12).find(|&k| set.contains(&bytes[k])).unwrap_or(12);
                    assert_eq!(next_byte_in(&bytes, from, set), want, "{pos} {b} {from}");
                }
            }
        }
        assert_eq!(next_byte_in(b"", 0, [b'.']), 0);
    }

    #[test]
    fn capitalised_names_with_particles() {
        assert!(is_capitalised("al-Sudani"));
        assert!(is_capitalised("Putin"));
        assert!(!is_capitalised("said"));
        assert!(!is_capitalised("well-known"));
        assert!(!is_capitalised("abcd-Efg"));
        assert!(is_capitalised("bin-Laden"));
        assert!(!is_capitalised("-Abc"));
        assert!(!is_capitalised(""));
        assert!(is_capitalised("Émile") && !is_capitalised("élan"));
        assert_eq!(strip_possessive("Putin’s"), "Putin");
    }
}
