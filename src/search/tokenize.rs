//! Word tokenisation shared by the text index, the query parser, match
//! highlighting and quotation grouping, so that all of them agree on what a
//! word is: a maximal run of alphanumeric characters, compared in Unicode
//! lower case. Pure functions over strings.

use crate::analysis::Span;

/// Calls `f(span, lowercase_word)` for every word of `text`, in order.
///
/// `span` is the word's byte range in `text`; the lowercase form is only
/// valid during the call (one buffer is reused, so tokenising allocates only
/// when a word is not already lower-case ASCII).
pub fn for_each_word(text: &str, mut f: impl FnMut(Span, &str)) {
    let mut buf = String::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            emit(text, s, i, &mut buf, &mut f);
        }
    }
    if let Some(s) = start {
        emit(text, s, text.len(), &mut buf, &mut f);
    }
}

fn emit(text: &str, start: usize, end: usize, buf: &mut String, f: &mut impl FnMut(Span, &str)) {
    let word = &text[start..end];
    let span = Span::new(start, end);
    if word
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        f(span, word);
    } else {
        buf.clear();
        buf.extend(word.chars().flat_map(char::to_lowercase));
        f(span, buf);
    }
}

/// The lowercase words of `text`, allocated (for short texts: queries, quotations).
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(text, |_, w| out.push(w.to_string()));
    out
}

/// The words of `text` with their byte spans.
pub fn words_with_spans(text: &str) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    for_each_word(text, |s, w| out.push((s, w.to_string())));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_alphanumeric_runs_in_lower_case() {
        assert_eq!(
            words("Prime Minister's “plan”, 2024: Ölpreis!"),
            ["prime", "minister", "s", "plan", "2024", "ölpreis"]
        );
    }

    #[test]
    fn spans_are_byte_ranges_of_the_original_text() {
        let text = "«Été» arrive";
        let w = words_with_spans(text);
        assert_eq!(w[0].0.slice(text), "Été");
        assert_eq!(w[0].1, "été");
        assert_eq!(w[1].0.slice(text), "arrive");
    }

    #[test]
    fn empty_and_punctuation_only_text_has_no_words() {
        assert!(words("").is_empty());
        assert!(words(" — ... ").is_empty());
    }
}
