//! Text normalisation, done once when an article is loaded, and the display
//! sanitising the views apply to every character they draw.
//!
//! The normalised text is the reference for every offset in gloss: it must equal
//! what Python's `open(path, encoding="utf-8-sig").read()` returns (BOM removed,
//! universal newlines), so that offsets computed here agree with other tools.
//! This module must not touch the terminal or the file system.

use std::borrow::Cow;

/// The result of decoding raw file bytes into article text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// Normalised text: no BOM, `\n` line ends only.
    pub text: String,
    /// Number of invalid UTF-8 sequences replaced by U+FFFD.
    pub replaced: usize,
}

/// True when the bytes look like a binary file (any NUL byte), which gloss skips.
pub fn is_binary(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// Decodes bytes as UTF-8 (lossily, counting replacements), strips a leading
/// BOM and turns CRLF and lone CR into LF.
pub fn decode(bytes: &[u8]) -> Decoded {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let (text, replaced) = match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), 0),
        Err(_) => {
            let lossy = String::from_utf8_lossy(bytes);
            let replaced =
                lossy.matches('\u{FFFD}').count() - count_literal_replacement_chars(bytes);
            (lossy, replaced)
        }
    };
    Decoded {
        text: normalize_newlines(&text).into_owned(),
        replaced,
    }
}

/// U+FFFD that were already in the file as valid UTF-8 are not decoding errors.
fn count_literal_replacement_chars(bytes: &[u8]) -> usize {
    bytes.windows(3).filter(|w| *w == b"\xEF\xBF\xBD").count()
}

/// CRLF → LF, then lone CR → LF (Python's universal newlines).
pub fn normalize_newlines(text: &str) -> Cow<'_, str> {
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// The character to draw in place of `c`, so that no article can send control
/// characters or escape sequences to the terminal. Control characters become
/// their visible Unicode "control picture" (ESC → `␛`); newline is kept for
/// the caller to handle and tab becomes a space.
pub fn display_char(c: char) -> char {
    match c {
        '\n' => '\n',
        '\t' => ' ',
        '\u{0}'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('�'),
        '\u{7F}' => '␡',
        // C1 controls (CSI, OSC, … in 8-bit form) and bidi overrides/isolates,
        // which could reorder what the user sees.
        '\u{80}'..='\u{9F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => '�',
        _ => c,
    }
}

/// The whole string with [`display_char`] applied; borrowed when nothing changes.
pub fn display_safe(text: &str) -> Cow<'_, str> {
    if text.chars().all(|c| display_char(c) == c) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.chars().map(display_char).collect())
    }
}

/// Number of characters in `text` that [`display_char`] replaces (newlines
/// and tabs excepted): a loaded article with any is flagged.
pub fn count_control_chars(text: &str) -> usize {
    // Every replaced character starts with a byte below 0x20, 0x7F, 0xC2 (C1
    // controls) or 0xE2 (bidi controls): most articles have none of these and
    // are counted at byte speed; the rest are decoded.
    let suspicious =
        |b: &u8| (*b < 0x20 && *b != b'\n' && *b != b'\t') || matches!(*b, 0x7F | 0xC2 | 0xE2);
    if !text.as_bytes().iter().any(suspicious) {
        return 0;
    }
    text.chars()
        .filter(|&c| c != '\n' && c != '\t' && display_char(c) != c)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_removed_and_newlines_unified() {
        let d = decode(b"\xEF\xBB\xBFone\r\ntwo\rthree\n");
        assert_eq!(d.text, "one\ntwo\nthree\n");
        assert_eq!(d.replaced, 0);
    }

    #[test]
    fn invalid_utf8_is_replaced_and_counted() {
        let d = decode(b"caf\xE9 \xFF ok \xEF\xBF\xBD");
        assert_eq!(d.text, "caf\u{FFFD} \u{FFFD} ok \u{FFFD}");
        assert_eq!(d.replaced, 2);
    }

    #[test]
    fn nul_means_binary() {
        assert!(is_binary(b"abc\0def"));
        assert!(!is_binary("plain “text”".as_bytes()));
    }

    #[test]
    fn escape_sequences_become_visible_placeholders() {
        let shown = display_safe("red \x1b[31mtext\x07\u{9b}2J");
        assert_eq!(shown, "red ␛[31mtext␇�2J");
        assert!(!shown.chars().any(|c| c.is_control() && c != '\n'));
        assert_eq!(count_control_chars("a\x1bb\tc\n"), 1);
        assert_eq!(count_control_chars("“curly” ’quotes’ \u{9b} \u{202e}"), 2);
        assert_eq!(count_control_chars("plain ascii\n\ttext"), 0);
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(
            display_safe("Plain “quoted” text"),
            Cow::Borrowed(_)
        ));
    }
}
