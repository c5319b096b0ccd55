//! General word lists: speech verbs, titles, role nouns, pronouns, given names,
//! countries and places, demonyms, organisation words, well-known bodies and
//! sentence-initial function words.
//!
//! The lists live in `assets/lexicon/*.txt` (one entry a line, `#` comments),
//! are compiled in with `include_str!` and parsed once into hash sets. They hold
//! general knowledge only — never names taken from particular articles.
//! This module answers membership questions; it does not decide what a span is.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

/// A small, fast, non-cryptographic hasher for short word keys.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
        self.0 = h;
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

/// Hash-builder for word sets and maps.
pub type WordBuild = BuildHasherDefault<WordHasher>;
/// A set of words with the fast hasher.
pub type WordSet<T> = HashSet<T, WordBuild>;

/// Where a known place or body comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Known {
    /// A country, territory, city, state or region.
    Place,
    /// A well-known organisation or institution.
    Org,
}

/// The parsed word lists. Get it with [`lexicon`].
#[derive(Debug)]
pub struct Lexicon {
    speech_verbs: WordSet<String>,
    titles: WordSet<String>,
    role_nouns: WordSet<String>,
    pronouns: WordSet<String>,
    function_words: WordSet<String>,
    org_words: WordSet<String>,
    geo_words: WordSet<String>,
    org_roles: WordSet<String>,
    event_words: WordSet<String>,
    geo_prefixes: WordSet<String>,
    common_words: WordSet<String>,
    // Proper names are matched case-sensitively: `US` is not `us`, `WHO` not `who`.
    given_names: WordSet<String>,
    countries: WordSet<String>,
    places: WordSet<String>,
    orgs: WordSet<String>,
    /// Places and bodies in one map, so that one lookup answers [`Lexicon::known`].
    known: HashMap<String, Known, WordBuild>,
    demonyms: WordSet<String>,
    max_name_words: usize,
}

fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn lower_set(list: &'static str) -> WordSet<String> {
    entries(list).map(str::to_lowercase).collect()
}

fn exact_set(list: &'static str) -> WordSet<String> {
    entries(list).map(str::to_string).collect()
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let countries = exact_set(include_str!("../../assets/lexicon/countries.txt"));
    let places = exact_set(include_str!("../../assets/lexicon/places.txt"));
    let orgs = exact_set(include_str!("../../assets/lexicon/orgs.txt"));
    let max_name_words = countries
        .iter()
        .chain(&places)
        .chain(&orgs)
        .map(|e| e.split(' ').count())
        .max()
        .unwrap_or(1);
    let mut known: HashMap<String, Known, WordBuild> = HashMap::default();
    for o in &orgs {
        known.insert(o.clone(), Known::Org);
    }
    for p in countries.iter().chain(&places) {
        known.insert(p.clone(), Known::Place);
    }
    Lexicon {
        known,
        speech_verbs: lower_set(include_str!("../../assets/lexicon/speech_verbs.txt")),
        titles: lower_set(include_str!("../../assets/lexicon/titles.txt")),
        role_nouns: lower_set(include_str!("../../assets/lexicon/role_nouns.txt")),
        pronouns: lower_set(include_str!("../../assets/lexicon/pronouns.txt")),
        function_words: lower_set(include_str!("../../assets/lexicon/function_words.txt")),
        org_words: lower_set(include_str!("../../assets/lexicon/org_words.txt")),
        geo_words: lower_set(include_str!("../../assets/lexicon/geo_words.txt")),
        org_roles: lower_set(include_str!("../../assets/lexicon/org_roles.txt")),
        event_words: lower_set(include_str!("../../assets/lexicon/event_words.txt")),
        geo_prefixes: lower_set(include_str!("../../assets/lexicon/geo_prefixes.txt")),
        common_words: lower_set(include_str!("../../assets/lexicon/common_words.txt")),
        given_names: exact_set(include_str!("../../assets/lexicon/given_names.txt")),
        demonyms: exact_set(include_str!("../../assets/lexicon/demonyms.txt")),
        countries,
        places,
        orgs,
        max_name_words,
    }
});

/// The word lists, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// Calls `f` with `word` in lower case, without allocating for short ASCII words.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let bytes = word.as_bytes();
    if bytes.len() <= 48 && word.is_ascii() {
        let mut buf = [0u8; 48];
        let out = &mut buf[..bytes.len()];
        out.copy_from_slice(bytes);
        out.make_ascii_lowercase();
        // Lower-casing ASCII keeps the bytes valid UTF-8.
        match std::str::from_utf8(out) {
            Ok(s) => f(s),
            Err(_) => f(word),
        }
    } else {
        // Typographic apostrophes compare like straight ones (`I’m`).
        f(&word.to_lowercase().replace('’', "'"))
    }
}

/// Strips a possessive `'s` / `’s` (or a bare trailing apostrophe) from a word.
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(w) = word.strip_suffix(suffix)
            && !w.is_empty()
        {
            return w;
        }
    }
    word.trim_end_matches(['\'', '’'])
}

impl Lexicon {
    fn lower_has(set: &WordSet<String>, word: &str) -> bool {
        with_lower(word, |w| set.contains(w))
    }

    /// A verb form that reports speech: `said`, `told`, `warned`, `insisted`, …
    pub fn is_speech_verb(&self, word: &str) -> bool {
        Self::lower_has(&self.speech_verbs, word)
    }
    /// A title, honorific or office word written before a name: `Mr`, `President`, `Minister`.
    pub fn is_title(&self, word: &str) -> bool {
        Self::lower_has(&self.titles, word)
    }
    /// A role or group noun that can stand for a named person or body: `spokesman`, `firm`.
    pub fn is_role_noun(&self, word: &str) -> bool {
        Self::lower_has(&self.role_nouns, word)
    }
    /// A personal pronoun.
    pub fn is_pronoun(&self, word: &str) -> bool {
        Self::lower_has(&self.pronouns, word)
    }
    /// A word capitalised only because it opens a sentence, or a capitalised
    /// common word that never names an entity alone (`The`, `However`, `Monday`).
    pub fn is_function_word(&self, word: &str) -> bool {
        Self::lower_has(&self.function_words, word)
    }
    /// A word that makes a name an organisation (`Party`, `Ministry`, `Inc`).
    pub fn is_org_word(&self, word: &str) -> bool {
        Self::lower_has(&self.org_words, word)
    }
    /// A word that makes a name a place (`Strip`, `Island`, `River`).
    pub fn is_geo_word(&self, word: &str) -> bool {
        Self::lower_has(&self.geo_words, word)
    }
    /// A noun that, just before a name, says the name is an organisation
    /// (`agency`, `firm`, `retailer`).
    pub fn is_org_role(&self, word: &str) -> bool {
        Self::lower_has(&self.org_roles, word)
    }
    /// A word that makes a name an event or prize (`Cup`, `Championships`, `Award`).
    pub fn is_event_word(&self, word: &str) -> bool {
        Self::lower_has(&self.event_words, word)
    }
    /// A word that makes a name a place when it starts it (`River`, `Mount`, `St`).
    pub fn is_geo_prefix(&self, word: &str) -> bool {
        Self::lower_has(&self.geo_prefixes, word)
    }
    /// A common lower-case English word (`budget`, `century`, `test`): written
    /// with a capital it is a name only with other evidence.
    pub fn is_common_word(&self, word: &str) -> bool {
        Self::lower_has(&self.common_words, word)
    }
    /// A common given name (case-sensitive: `Mark`, not `mark`).
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }
    /// A nationality or group adjective (`Russian`, `Iraqi`, `Palestinian`).
    pub fn is_demonym(&self, word: &str) -> bool {
        self.demonyms.contains(word)
    }
    /// A country or territory (`Iraq`, `United States`, `US`).
    pub fn is_country(&self, name: &str) -> bool {
        self.countries.contains(name)
    }
    /// A country, city, state or region.
    pub fn is_place(&self, name: &str) -> bool {
        self.countries.contains(name) || self.places.contains(name)
    }
    /// A widely known organisation or institution (`UN`, `NATO`, `Reuters`).
    pub fn is_known_org(&self, name: &str) -> bool {
        self.orgs.contains(name)
    }
    /// What a whole name is known as, if it is on a list.
    pub fn known(&self, name: &str) -> Option<Known> {
        self.known.get(name).copied()
    }
    /// The most words any listed place or body name has.
    pub fn max_name_words(&self) -> usize {
        self.max_name_words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speech_verbs_in_any_case() {
        let l = lexicon();
        for w in [
            "said",
            "Says",
            "told",
            "emphasised",
            "emphasized",
            "cautioned",
        ] {
            assert!(l.is_speech_verb(w), "{w}");
        }
        assert!(!l.is_speech_verb("table"));
    }

    #[test]
    fn titles_and_roles() {
        let l = lexicon();
        for w in [
            "Mr",
            "Mrs",
            "Dr",
            "President",
            "Prime",
            "Minister",
            "spokesman",
            "Sir",
        ] {
            assert!(l.is_title(w), "{w}");
        }
        assert!(l.is_role_noun("chief executive"));
        assert!(l.is_role_noun("firm"));
        assert!(!l.is_title("London"));
    }

    #[test]
    fn places_are_case_sensitive() {
        let l = lexicon();
        assert!(l.is_country("US"));
        assert!(!l.is_country("us"));
        assert!(l.is_place("Middle East"));
        assert!(l.is_place("Baghdad"));
        assert_eq!(l.known("United Nations"), Some(Known::Org));
        assert_eq!(l.known("Iraq"), Some(Known::Place));
        assert_eq!(l.known("Pumpkin"), None);
    }

    #[test]
    fn demonyms_names_and_function_words() {
        let l = lexicon();
        assert!(l.is_demonym("Russian"));
        assert!(l.is_given_name("Mohammed"));
        assert!(l.is_function_word("However"));
        assert!(l.is_function_word("the"));
        assert!(l.is_org_word("Ministry"));
        assert!(l.is_pronoun("She"));
        assert!(l.max_name_words() >= 3);
    }

    #[test]
    fn lower_casing_handles_non_ascii() {
        assert!(with_lower("ÉLAN", |w| w == "élan"));
        assert!(with_lower("Said", |w| w == "said"));
        assert!(with_lower("I’m", |w| w == "i'm"));
    }

    #[test]
    fn possessives_are_stripped() {
        assert_eq!(strip_possessive("Iraq's"), "Iraq");
        assert_eq!(strip_possessive("States’"), "States");
        assert_eq!(strip_possessive("Putin"), "Putin");
    }
}
