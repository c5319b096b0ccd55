//! Property tests: any input, including random Unicode and unbalanced
//! quotation marks, gives spans on character boundaries inside the text,
//! quotation spans that do not overlap, and never panics.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use gloss::analysis::{QuoteKind, analyze};
use proptest::prelude::*;

/// Text built from pieces that stress the quotation and sentence rules.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("„".to_string()),
        Just(", he said. ".to_string()),
        Just(" said Mr Smith, ".to_string()),
        Just("According to the firm, ".to_string()),
        Just(": ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" U.S. ".to_string()),
        Just("3.5".to_string()),
        "[A-Za-z ]{1,12}",
        "\\PC{1,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let a = analyze(text);
    let all = a
        .paragraphs
        .iter()
        .chain(&a.sentences)
        .chain(a.entities.iter().map(|e| &e.span))
        .chain(a.quotes.iter().map(|q| &q.span));
    for s in all {
        assert!(s.start <= s.end && s.end <= text.len(), "{s:?} outside");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    }
    let mut marked: Vec<_> = a
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .map(|q| q.span)
        .collect();
    marked.sort();
    for w in marked.windows(2) {
        assert!(w[0].end <= w[1].start, "overlap {:?} {:?}", w[0], w[1]);
    }
    for q in &a.quotes {
        assert!(!q.span.is_empty());
    }
}

/// Words the attribution and entity rules branch on: bodies, titles, roles,
/// links inside names, cues, pronouns and the marks around them.
const RULE_WORDS: &[&str] = &[
    "Our",
    "Bureau",
    "The",
    "the",
    "Ministry",
    "Department",
    "of",
    "for",
    "and",
    "&",
    "said",
    "says",
    "told",
    "according",
    "to",
    "Mr",
    "Dr.",
    "spokesman",
    "he",
    "she",
    "they",
    "Ann",
    "Lee",
    "Acme",
    "Inc.",
    "that",
    ",",
    ".",
    ":",
    "\"",
    "“",
    "”",
    "President",
    "UN",
    "a",
    "who",
    "as",
    "by",
    "officials",
    "company",
    "Party",
    "MP",
    "Staff",
    "Reporter",
    "\n",
];

/// Sentences put together from [`RULE_WORDS`].
fn rule_words() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(RULE_WORDS), 0..30).prop_map(|v| v.join(" "))
}

/// Every line of one to three rule words, as a byline or a headline stands
/// alone: rules that look at the next word must not run off the end.
#[test]
fn every_short_line_of_rule_words_gives_valid_spans() {
    let words: Vec<&str> = RULE_WORDS.iter().copied().filter(|w| *w != "\n").collect();
    for a in &words {
        check(a);
        for b in &words {
            check(&format!("{a} {b}"));
            for c in &words {
                check(&format!("{a} {b} {c}"));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn sentences_of_rule_words_give_valid_spans(text in rule_words()) {
        check(&text);
    }

    #[test]
    fn any_unicode_text_gives_valid_spans(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn quote_heavy_text_gives_valid_non_overlapping_spans(text in newsy()) {
        check(&text);
    }
}

#[test]
fn an_unclosed_mark_does_not_swallow_later_paragraphs() {
    let text = "He said \"this never ends.\nSecond paragraph.\nThird \"quoted\" one.";
    let a = analyze(text);
    let spans: Vec<&str> = a
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .map(|q| q.span.slice(text))
        .collect();
    assert_eq!(spans, ["this never ends.", "quoted"]);
}
