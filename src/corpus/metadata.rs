//! Article metadata read from the normalised text: title, date, byline, word count.
//!
//! Heuristics only, no I/O: the text is what the loader normalised.

use serde::Serialize;

/// What gloss knows about an article besides its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Metadata {
    /// The headline, or the first words of the text when there is none.
    pub title: String,
    /// True when `title` is the article's own headline line (not made up from its first words).
    pub has_headline: bool,
    /// An ISO date (`YYYY-MM-DD`) found near the top of the article.
    pub date: Option<String>,
    /// A `By …` line near the top of the article, without the `By`.
    pub byline: Option<String>,
    /// Number of whitespace-separated words.
    pub word_count: usize,
}

/// Longest line, in words, still taken as a headline.
const MAX_HEADLINE_WORDS: usize = 20;
/// Longest line, in characters, still taken as a headline.
const MAX_HEADLINE_CHARS: usize = 160;
/// Words kept when the title is made from the text's first words.
const FALLBACK_TITLE_WORDS: usize = 10;
/// How many non-empty lines at the top are searched for a date or byline.
const HEADER_LINES: usize = 6;

/// Reads the metadata of one article.
pub fn extract(text: &str) -> Metadata {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(HEADER_LINES)
        .collect();
    let headline = lines.first().copied().filter(|l| reads_as_headline(l));
    let title = match headline {
        Some(h) => h.to_string(),
        None => first_words(text, FALLBACK_TITLE_WORDS),
    };
    Metadata {
        title,
        has_headline: headline.is_some(),
        date: lines.iter().find_map(|l| find_iso_date(l)),
        byline: lines.iter().find_map(|l| byline(l)),
        word_count: count_words(text),
    }
}

/// Number of words: the same count as `split_whitespace().count()`, at byte
/// speed for ASCII text.
pub fn count_words(text: &str) -> usize {
    if !text.is_ascii() {
        return text.split_whitespace().count();
    }
    let mut count = 0;
    let mut in_word = false;
    for &b in text.as_bytes() {
        // The ASCII characters `char::is_whitespace` accepts.
        let space = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C);
        count += usize::from(!space && !in_word);
        in_word = !space;
    }
    count
}

fn reads_as_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let last = line.chars().last().unwrap_or('.');
    words <= MAX_HEADLINE_WORDS
        && line.chars().count() <= MAX_HEADLINE_CHARS
        && !matches!(last, '.' | ',' | ';' | ':')
        && find_iso_date(line).is_none_or(|_| words > 2)
}

fn first_words(text: &str, n: usize) -> String {
    let mut words = text.split_whitespace();
    let mut out: Vec<&str> = words.by_ref().take(n).collect();
    // A leading "date 2023-10-11" stamp is metadata, not title text.
    if out.first().is_some_and(|w| w.eq_ignore_ascii_case("date"))
        && out.get(1).is_some_and(|w| is_iso_date(w))
    {
        out.drain(..2);
        out.extend(words.by_ref().take(2));
    }
    let mut title = out.join(" ");
    if words.next().is_some() {
        title.push('…');
    }
    title
}

fn byline(line: &str) -> Option<String> {
    let rest = line.strip_prefix("By ")?;
    let ok = rest.split_whitespace().count() <= 8 && !rest.ends_with('.');
    ok.then(|| rest.trim().to_string())
}

/// The first valid `YYYY-MM-DD` in `line`, not part of a longer number.
pub fn find_iso_date(line: &str) -> Option<String> {
    let b = line.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let before_ok = i == 0 || !b[i - 1].is_ascii_digit();
        let after_ok = b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        let cand = line.get(i..i + 10)?;
        (before_ok && after_ok && is_iso_date(cand)).then(|| cand.to_string())
    })
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|x| x.parse::<u32>().ok());
    matches!(
        (num(0..4), num(5..7), num(8..10)),
        (Some(y), Some(m), Some(d)) if (1800..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_first_line_is_the_headline() {
        let m = extract("Labour plans maternity pay rise\n\nMaternity pay is to rise.\n");
        assert_eq!(m.title, "Labour plans maternity pay rise");
        assert!(m.has_headline);
        assert_eq!(m.word_count, 10);
    }

    #[test]
    fn a_sentence_is_not_a_headline() {
        let m =
            extract("The minister said on Monday that the plan would go ahead as agreed.\nMore.");
        assert!(!m.has_headline);
        assert_eq!(
            m.title,
            "The minister said on Monday that the plan would go…"
        );
    }

    #[test]
    fn date_line_is_found_and_skipped_in_fallback_title() {
        let m = extract(
            " date 2023-10-11 Moscow: The president has denounced the violence in a long opening sentence, which runs on.",
        );
        assert_eq!(m.date.as_deref(), Some("2023-10-11"));
        assert!(m.title.starts_with("Moscow: The president"));
    }

    #[test]
    fn iso_dates_are_validated() {
        assert_eq!(
            find_iso_date("Published 2024-02-29 at noon").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(find_iso_date("ref 12024-01-01"), None);
        assert_eq!(find_iso_date("2024-13-01"), None);
        assert_eq!(find_iso_date("short"), None);
    }

    #[test]
    fn byline_is_read() {
        let m = extract("Headline here\n\nBy Staff Reporter\n\nBody text.");
        assert_eq!(m.byline.as_deref(), Some("Staff Reporter"));
    }

    #[test]
    fn word_count_agrees_with_split_whitespace() {
        for t in [
            "",
            " a  b\tc\n\nd ",
            "x\u{0B}y\u{0C}z",
            "naïve  café\u{A0}x",
            "one",
        ] {
            assert_eq!(count_words(t), t.split_whitespace().count(), "{t:?}");
        }
    }

    #[test]
    fn empty_text_has_empty_title() {
        let m = extract("");
        assert_eq!(m.title, "");
        assert_eq!(m.word_count, 0);
    }
}
