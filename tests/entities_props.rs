//! Property tests: entity finding and name linking accept any text without
//! panicking, and entity spans lie on character boundaries, sorted and disjoint.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use gloss::analysis::entities::find_entities;
use gloss::analysis::names::{ArticleNames, SpeakerIndex, fold_key, strip_titles};
use gloss::analysis::segment;
use proptest::prelude::*;

/// Text built from name-like pieces, punctuation and random Unicode.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mr ".to_string()),
        Just("President ".to_string()),
        Just("al-".to_string()),
        Just("Al ".to_string()),
        Just("the ".to_string()),
        Just("'s ".to_string()),
        Just("’ ".to_string()),
        Just(" of ".to_string()),
        Just(" and ".to_string()),
        Just(" & ".to_string()),
        Just("U.S. ".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("“".to_string()),
        Just("\"".to_string()),
        Just("-".to_string()),
        "[A-Z][a-z]{0,8} ",
        "[a-z]{1,8} ",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn entity_spans_are_sound(text in newsy_text()) {
        let sentences = segment::sentences(&text);
        let ents = find_entities(&text, &sentences);
        let mut last_end = 0;
        for e in &ents {
            prop_assert!(e.span.start < e.span.end);
            prop_assert!(e.span.end <= text.len());
            prop_assert!(text.is_char_boundary(e.span.start));
            prop_assert!(text.is_char_boundary(e.span.end));
            prop_assert!(e.span.start >= last_end, "overlap or unsorted");
            last_end = e.span.end;
        }
        let names = ArticleNames::build(&text, &ents);
        for e in &ents {
            let _ = names.display(e.span.slice(&text));
        }
    }

    #[test]
    fn random_unicode_never_panics(text in "\\PC{0,200}") {
        let ents = find_entities(&text, &[]);
        for e in &ents {
            prop_assert!(text.get(e.span.start..e.span.end).is_some());
        }
    }

    #[test]
    fn strip_titles_returns_part_of_the_name(name in newsy_text()) {
        let s = strip_titles(&name);
        prop_assert!(name.contains(s));
    }

    #[test]
    fn every_indexed_name_finds_its_identity(names in prop::collection::vec(newsy_text(), 0..12)) {
        let idx = SpeakerIndex::build(names.iter().map(String::as_str));
        for n in &names {
            if !fold_key(n).is_empty() {
                let id = idx.id_of(n);
                prop_assert!(id.is_some(), "{n:?} lost");
                let id = id.unwrap();
                prop_assert!(idx.variants(id).iter().any(|v| v == n));
            }
        }
        prop_assert_eq!(idx.ids().count(), idx.len());
    }
}
