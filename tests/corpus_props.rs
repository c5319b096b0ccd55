//! Properties of loading that must hold for any input bytes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use gloss::corpus::normalize::{count_control_chars, decode, display_char, display_safe};
use gloss::corpus::{Article, metadata};
use proptest::prelude::*;

fn slow_control_count(text: &str) -> usize {
    text.chars()
        .filter(|&c| c != '\n' && c != '\t' && display_char(c) != c)
        .count()
}

proptest! {
    #[test]
    fn decoding_any_bytes_is_normalised(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let d = decode(&bytes);
        prop_assert!(!d.text.contains('\r'));
        let bom = '\u{feff}';
        let double_bom = bytes.starts_with(b"\xEF\xBB\xBF\xEF\xBB\xBF");
        prop_assert!(!d.text.starts_with(bom) || double_bom);
        prop_assert_eq!(count_control_chars(&d.text), slow_control_count(&d.text));
    }

    #[test]
    fn displayed_text_never_holds_a_control_character(text in "\\PC*|[\\x00-\\x1f\\x7f-\\u{9f}\\u{202a}-\\u{202e} a-z“”]*") {
        let shown = display_safe(&text);
        prop_assert!(!shown.chars().any(|c| c.is_control() && c != '\n'));
        prop_assert_eq!(count_control_chars(&text), slow_control_count(&text));
    }

    #[test]
    fn word_count_is_split_whitespace(text in "[ a-z\\t\\n\\u{0b}\\u{0c}\\u{a0}\\u{2003}é]*") {
        prop_assert_eq!(metadata::count_words(&text), text.split_whitespace().count());
    }

    #[test]
    fn any_text_file_loads_with_a_title(text in "\\PC{0,300}") {
        let a = Article::from_bytes("x/y.txt", text.as_bytes());
        prop_assume!(!text.contains('\0'));
        let a = a.unwrap();
        prop_assert_eq!(a.id.0.as_str(), "x/y");
        prop_assert!(a.meta.title.chars().count() <= 400);
    }
}
