//! General word lists: speech verbs, titles, role nouns, pronouns, given names,
//! countries and places, demonyms, organisation words, well-known bodies and
//! sentence-initial function words.
//!
//! The lists live in `assets/lexicon/*.txt` (one entry a line, `#` comments),
//! are compiled in with `include_str!` and parsed once into two hash tables
//! (one matched in lower case, one exactly); the attribution rules' own
//! short lists (`words`) join the lower-case table. They hold
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
        // The whole word at once, not a multiplication per byte.
        self.0 = (self.0.rotate_left(5) ^ plain_hash(bytes)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl WordHasher {
    /// What [`Hasher::write`] gives for `bytes` with their ASCII capitals
    /// lower-cased, without making the lower-cased copy.
    pub fn write_ascii_lower(&mut self, bytes: &[u8]) {
        self.0 = (self.0.rotate_left(5) ^ fold_hash(bytes)).wrapping_mul(HASH_K);
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

/// Folds the ASCII capitals of eight packed bytes to lower case; other
/// bytes (including every byte of a multi-byte character) stay as they are.
#[inline]
fn lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low7 = x & (0x7f * ONES);
    // The high bit of each byte says `>= 'A'` and `> 'Z'` (no carries: low7 < 0x80).
    let ge_a = low7 + (0x80 - u64::from(b'A')) * ONES;
    let gt_z = low7 + (0x80 - u64::from(b'Z') - 1) * ONES;
    let upper = ge_a & !gt_z & !x & (0x80 * ONES);
    x | (upper >> 2)
}

/// Packs a word of at most eight bytes into a `u64` (overlapping reads, no copy loop).
#[inline]
fn load_short(b: &[u8]) -> u64 {
    let n = b.len();
    let u32_at = |i: usize| {
        let mut w = [0u8; 4];
        w.copy_from_slice(&b[i..i + 4]);
        u64::from(u32::from_le_bytes(w))
    };
    if n >= 4 {
        u32_at(0) | (u32_at(n - 4) << 32)
    } else if n > 0 {
        u64::from(b[0]) | (u64::from(b[n / 2]) << 8) | (u64::from(b[n - 1]) << 16)
    } else {
        0
    }
}

/// A hash of `bytes` with ASCII capitals folded, so that `Said` and `said`
/// hash alike. Up to eight bytes it is one-to-one for words of one length:
/// the packed bytes cover every byte, and multiplying by an odd number is
/// invertible; equal hashes then mean words equal up to ASCII case.
#[inline]
fn fold_hash(bytes: &[u8]) -> u64 {
    packed_hash(bytes, lower8)
}

/// A hash of `bytes` as they are (one-to-one up to eight bytes, as above).
#[inline]
fn plain_hash(bytes: &[u8]) -> u64 {
    packed_hash(bytes, |x| x)
}

/// Hashes `bytes` eight at a time, each word of eight bytes passed through
/// `map` first (a word of up to eight bytes is one packed word).
#[inline]
fn packed_hash(bytes: &[u8], map: impl Fn(u64) -> u64) -> u64 {
    let n = bytes.len();
    if n <= 8 {
        let h = (n as u64).wrapping_mul(HASH_K);
        return (h.rotate_left(5) ^ map(load_short(bytes))).wrapping_mul(HASH_K);
    }
    packed_hash_long(bytes, map)
}

/// The multiplier of [`packed_hash`].
const HASH_K: u64 = 0x517c_c1b7_2722_0a95;

/// [`packed_hash`] of a word longer than eight bytes: out of line, so that
/// the short case (most words) inlines into lookups without the loop.
#[inline(never)]
fn packed_hash_long(bytes: &[u8], map: impl Fn(u64) -> u64) -> u64 {
    const K: u64 = HASH_K;
    let n = bytes.len();
    let mut h = (n as u64).wrapping_mul(K);
    let u64_at = |i: usize| {
        let mut w = [0u8; 8];
        w.copy_from_slice(&bytes[i..i + 8]);
        u64::from_le_bytes(w)
    };
    let mut i = 0;
    while i + 8 <= n {
        h = (h.rotate_left(5) ^ map(u64_at(i))).wrapping_mul(K);
        i += 8;
    }
    if i < n {
        // The last eight bytes, overlapping the previous chunk.
        h = (h.rotate_left(5) ^ map(u64_at(n - 8))).wrapping_mul(K);
    }
    h
}

/// An immutable word table: open addressing over hashes that ignore ASCII
/// case, so that a case-insensitive lookup needs no lower-cased copy of the
/// word. Each word carries a set of class bits.
#[derive(Debug)]
pub(crate) struct WordTable {
    words: Vec<(Box<str>, u32)>,
    slots: Vec<Slot>,
    shift: u32,
    /// One bit per value of a word's hash bits 32 and up, set for every
    /// word of the table: most words asked about are in none of the lists,
    /// and this small bit set (kept in the fastest cache) turns nearly all
    /// of them away without a look at the slots.
    filter: Vec<u64>,
}

/// One slot of a [`WordTable`]: everything a lookup of a short word needs,
/// so that finding it touches no other memory.
#[derive(Debug, Default, Clone, Copy)]
struct Slot {
    hash: u64,
    bits: u32,
    /// `(index into words + 1) << 4 | min(length, 15)`; 0 marks an empty slot.
    meta: u32,
}

impl WordTable {
    /// Builds the table from words and their class bits (bits of a repeated word are merged).
    pub(crate) fn build(entries: impl IntoIterator<Item = (String, u32)>) -> Self {
        let mut merged: HashMap<String, u32> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for (w, bits) in entries {
            let e = merged.entry(w.clone()).or_insert_with(|| {
                order.push(w);
                0
            });
            *e |= bits;
        }
        let words: Vec<(Box<str>, u32)> = order
            .into_iter()
            .map(|w| {
                let bits = merged.get(&w).copied().unwrap_or(0);
                (w.into_boxed_str(), bits)
            })
            .collect();
        // At most half full, so that probes stay short.
        let bits = (words.len() * 2)
            .max(16)
            .next_power_of_two()
            .trailing_zeros();
        let mut slots = vec![Slot::default(); 1 << bits];
        let shift = 64 - bits;
        let mask = slots.len() - 1;
        for (i, (w, class)) in words.iter().enumerate() {
            let h = fold_hash(w.as_bytes());
            let mut at = (h >> shift) as usize;
            while slots[at].meta != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = Slot {
                hash: h,
                bits: *class,
                meta: ((i as u32 + 1) << 4) | w.len().min(15) as u32,
            };
        }
        // About one bit in sixteen set: a missing word passes one time in sixteen.
        let filter_bits = (words.len() * 16).max(64).next_power_of_two();
        let mut filter = vec![0u64; filter_bits / 64];
        for (w, _) in &words {
            let f = Self::filter_bit(fold_hash(w.as_bytes()), filter_bits);
            filter[f / 64] |= 1 << (f % 64);
        }
        WordTable {
            words,
            slots,
            shift,
            filter,
        }
    }

    /// The filter bit of a word with hash `h`: bits the multiplication has
    /// mixed well, apart from the top bits that choose the slot.
    #[inline]
    fn filter_bit(h: u64, filter_bits: usize) -> usize {
        (h >> 32) as usize & (filter_bits - 1)
    }

    /// The class bits of `word`, compared exactly (`fold`: false) or with
    /// ASCII case ignored (`fold`: true).
    #[inline]
    pub(crate) fn get(&self, word: &str, fold: bool) -> u32 {
        self.get_hashed(word, fold_hash(word.as_bytes()), fold)
    }

    /// [`WordTable::get`] of a word whose [`fold_hash`] is `h`.
    #[inline]
    fn get_hashed(&self, word: &str, h: u64, fold: bool) -> u32 {
        let f = Self::filter_bit(h, self.filter.len() * 64);
        if self.filter[f / 64] & (1 << (f % 64)) == 0 {
            return 0;
        }
        self.probe(word, h, fold)
    }

    /// The slot search of [`WordTable::get`] for a word the filter let
    /// through. Kept out of line so that the filter test, which answers
    /// most lookups, inlines into its callers without the register saves
    /// the search loop needs.
    #[inline(never)]
    fn probe(&self, word: &str, h: u64, fold: bool) -> u32 {
        let n = word.len();
        let mask = self.slots.len() - 1;
        let mut at = (h >> self.shift) as usize;
        loop {
            let slot = self.slots[at];
            if slot.meta == 0 {
                return 0;
            }
            if slot.hash == h {
                // For words of up to eight bytes `fold_hash` is one-to-one up
                // to ASCII case, so an equal hash and length is a match.
                if fold && n <= 8 && (slot.meta & 15) as usize == n {
                    return slot.bits;
                }
                let (w, _) = &self.words[(slot.meta >> 4) as usize - 1];
                let same = if fold {
                    w.eq_ignore_ascii_case(word)
                } else {
                    **w == *word
                };
                if same {
                    return slot.bits;
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// The class bits of `word` in lower case: ASCII words are compared
    /// ignoring case; other words are lower-cased (typographic apostrophes
    /// made straight) first, exactly as [`with_lower`] does.
    #[inline]
    fn get_lower(&self, word: &str) -> u32 {
        let b = word.as_bytes();
        if b.len() <= 8 {
            // Most words: the packed bytes that hash the word also say
            // whether it is ASCII (no high bit anywhere), without a scan.
            let x = load_short(b);
            if x & (0x80 * 0x0101_0101_0101_0101) != 0 {
                return self.get_lower_unicode(word);
            }
            let h = ((b.len() as u64).wrapping_mul(HASH_K).rotate_left(5) ^ lower8(x))
                .wrapping_mul(HASH_K);
            return self.get_hashed(word, h, true);
        }
        if word.is_ascii() {
            // The stored words are lower case, so equality ignoring ASCII
            // case is equality with the lower-cased word.
            self.get(word, true)
        } else {
            self.get_lower_unicode(word)
        }
    }

    /// [`WordTable::get_lower`] of a word with non-ASCII characters (few
    /// are): out of line, it keeps the allocation off the common path.
    #[inline(never)]
    fn get_lower_unicode(&self, word: &str) -> u32 {
        self.get(&word.to_lowercase().replace('’', "'"), false)
    }
}

/// The class bits of the lower-case lists, for several questions asked of
/// one [`Lexicon::classes`] answer. They use the low 16 bits; the lists the
/// attribution rules add to the same table (see `words`) use the high ones.
pub mod class {
    /// Speech verbs (`said`, `warned`).
    pub const SPEECH_VERB: u32 = 1;
    /// Titles and honorifics (`Mr`, `President`).
    pub const TITLE: u32 = 1 << 1;
    /// Role nouns (`spokesman`, `firm`).
    pub const ROLE_NOUN: u32 = 1 << 2;
    /// Personal pronouns.
    pub const PRONOUN: u32 = 1 << 3;
    /// Sentence-initial function words (`The`, `However`).
    pub const FUNCTION_WORD: u32 = 1 << 4;
    /// Organisation words (`Party`, `Ministry`).
    pub const ORG_WORD: u32 = 1 << 5;
    /// Place words (`Strip`, `Island`).
    pub const GEO_WORD: u32 = 1 << 6;
    /// Nouns that make the next name an organisation (`agency`).
    pub const ORG_ROLE: u32 = 1 << 7;
    /// Event and prize words (`Cup`, `Award`).
    pub const EVENT_WORD: u32 = 1 << 8;
    /// Words that open a place name (`River`, `Mount`).
    pub const GEO_PREFIX: u32 = 1 << 9;
}
/// Common lower-case English words (a table of their own).
const COMMON_WORD: u32 = 1;
use class::{
    EVENT_WORD, FUNCTION_WORD, GEO_PREFIX, GEO_WORD, ORG_ROLE, ORG_WORD, PRONOUN, ROLE_NOUN,
    SPEECH_VERB, TITLE,
};

// Class bits of the case-sensitive table.
const GIVEN_NAME: u32 = 1;
const DEMONYM: u32 = 1 << 1;
const COUNTRY: u32 = 1 << 2;
const PLACE: u32 = 1 << 3;
const ORG: u32 = 1 << 4;

/// The parsed word lists. Get it with [`lexicon`].
#[derive(Debug)]
pub struct Lexicon {
    /// Common-word classes (speech verbs, titles, …), matched in lower case.
    lower: WordTable,
    /// Common lower-case English words, matched in lower case.
    common: WordTable,
    /// Proper names are matched case-sensitively: `US` is not `us`, `WHO` not `who`.
    exact: WordTable,
    max_name_words: usize,
}

fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let lower_lists: [(&'static str, u32); 10] = [
        (
            include_str!("../../assets/lexicon/speech_verbs.txt"),
            SPEECH_VERB,
        ),
        (include_str!("../../assets/lexicon/titles.txt"), TITLE),
        (
            include_str!("../../assets/lexicon/role_nouns.txt"),
            ROLE_NOUN,
        ),
        (include_str!("../../assets/lexicon/pronouns.txt"), PRONOUN),
        (
            include_str!("../../assets/lexicon/function_words.txt"),
            FUNCTION_WORD,
        ),
        (include_str!("../../assets/lexicon/org_words.txt"), ORG_WORD),
        (include_str!("../../assets/lexicon/geo_words.txt"), GEO_WORD),
        (include_str!("../../assets/lexicon/org_roles.txt"), ORG_ROLE),
        (
            include_str!("../../assets/lexicon/event_words.txt"),
            EVENT_WORD,
        ),
        (
            include_str!("../../assets/lexicon/geo_prefixes.txt"),
            GEO_PREFIX,
        ),
    ];
    let exact_lists: [(&'static str, u32); 5] = [
        (
            include_str!("../../assets/lexicon/given_names.txt"),
            GIVEN_NAME,
        ),
        (include_str!("../../assets/lexicon/demonyms.txt"), DEMONYM),
        (include_str!("../../assets/lexicon/countries.txt"), COUNTRY),
        (include_str!("../../assets/lexicon/places.txt"), PLACE),
        (include_str!("../../assets/lexicon/orgs.txt"), ORG),
    ];
    let max_name_words = exact_lists[2..]
        .iter()
        .flat_map(|&(list, _)| entries(list))
        .map(|e| e.split(' ').count())
        .max()
        .unwrap_or(1);
    Lexicon {
        // The attribution rules' own lists share the table, so that one
        // lookup answers every lower-case question about a word.
        lower: WordTable::build(
            lower_lists
                .iter()
                .flat_map(|&(list, bit)| entries(list).map(move |e| (e.to_lowercase(), bit)))
                .chain(super::words::attribution_lists()),
        ),
        // Asked far less often than the rest: a table of its own keeps the
        // table most lookups go to small enough to stay in the processor's cache.
        common: WordTable::build(
            entries(include_str!("../../assets/lexicon/common_words.txt"))
                .map(|e| (e.to_lowercase(), COMMON_WORD)),
        ),
        exact: WordTable::build(
            exact_lists
                .iter()
                .flat_map(|&(list, bit)| entries(list).map(move |e| (e.to_string(), bit))),
        ),
        max_name_words,
    }
});

/// The word lists, parsed on first use.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// Calls `f` with `word` in lower case, without allocating for short ASCII words.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() {
        f(&Lower::ascii(word))
    } else {
        // Typographic apostrophes compare like straight ones (`I’m`).
        f(&word.to_lowercase().replace('’', "'"))
    }
}

/// A word in lower case, borrowed when it has no capitals and otherwise
/// copied to the stack when it is short (most words are), so that asking a
/// word list about a word allocates nothing.
pub enum Lower<'a> {
    /// The word itself: it has nothing to lower-case.
    Same(&'a str),
    /// A short word's copy, on the stack (a string type, so that reading
    /// it back needs no UTF-8 check).
    Short(arrayvec::ArrayString<LOWER_BUF>),
    Long(String),
}

/// The longest word [`Lower`] copies to the stack.
const LOWER_BUF: usize = 22;

impl<'a> Lower<'a> {
    /// `word` with its ASCII capitals lower-cased and other characters kept,
    /// as [`str::to_ascii_lowercase`] gives it.
    pub fn ascii(word: &'a str) -> Self {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            Lower::Same(word)
        } else {
            match arrayvec::ArrayString::from(word) {
                Ok(mut short) => {
                    short.make_ascii_lowercase();
                    Lower::Short(short)
                }
                Err(_) => Lower::Long(word.to_ascii_lowercase()),
            }
        }
    }

    /// `word` with every capital lower-cased, as [`str::to_lowercase`] gives it.
    pub fn unicode(word: &'a str) -> Self {
        if word.is_ascii() {
            Lower::ascii(word)
        } else {
            Lower::Long(word.to_lowercase())
        }
    }

    /// The lower-cased word's bytes (no UTF-8 check: for matching against
    /// byte-string literals).
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Lower::Same(s) => s.as_bytes(),
            Lower::Short(short) => short.as_bytes(),
            Lower::Long(s) => s.as_bytes(),
        }
    }

    /// The lower-cased word.
    pub fn as_str(&self) -> &str {
        match self {
            Lower::Same(s) => s,
            Lower::Short(short) => short.as_str(),
            Lower::Long(s) => s,
        }
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

/// Strips a possessive `'s` / `’s` (or a bare trailing apostrophe) from a word.
#[inline]
pub fn strip_possessive(word: &str) -> &str {
    // Most words end in none of `s`, `S`, `'` or `’` (whose last byte is
    // 0x99): answered inline, the rest out of line.
    if !matches!(word.as_bytes().last(), Some(b's' | b'S' | b'\'' | 0x99)) {
        return word;
    }
    strip_possessive_suffix(word)
}

/// [`strip_possessive`] of a word ending in `s`, `S` or an apostrophe.
fn strip_possessive_suffix(word: &str) -> &str {
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
    fn lower_has(&self, word: &str, class: u32) -> bool {
        self.lower.get_lower(word) & class != 0
    }
    fn exact_has(&self, word: &str, class: u32) -> bool {
        self.exact.get(word, false) & class != 0
    }

    /// Every lower-case list `word` is on, as [`class`] bits (the common
    /// words aside, see [`Lexicon::is_common_word`]): one lookup for several
    /// questions about the same word.
    pub fn classes(&self, word: &str) -> u32 {
        self.lower.get_lower(word)
    }

    /// A verb form that reports speech: `said`, `told`, `warned`, `insisted`, …
    pub fn is_speech_verb(&self, word: &str) -> bool {
        self.lower_has(word, SPEECH_VERB)
    }
    /// A title, honorific or office word written before a name: `Mr`, `President`, `Minister`.
    pub fn is_title(&self, word: &str) -> bool {
        self.lower_has(word, TITLE)
    }
    /// A role or group noun that can stand for a named person or body: `spokesman`, `firm`.
    pub fn is_role_noun(&self, word: &str) -> bool {
        self.lower_has(word, ROLE_NOUN)
    }
    /// A personal pronoun.
    pub fn is_pronoun(&self, word: &str) -> bool {
        self.lower_has(word, PRONOUN)
    }
    /// A word capitalised only because it opens a sentence, or a capitalised
    /// common word that never names an entity alone (`The`, `However`, `Monday`).
    pub fn is_function_word(&self, word: &str) -> bool {
        self.lower_has(word, FUNCTION_WORD)
    }
    /// A word that makes a name an organisation (`Party`, `Ministry`, `Inc`).
    pub fn is_org_word(&self, word: &str) -> bool {
        self.lower_has(word, ORG_WORD)
    }
    /// A word that makes a name a place (`Strip`, `Island`, `River`).
    pub fn is_geo_word(&self, word: &str) -> bool {
        self.lower_has(word, GEO_WORD)
    }
    /// A noun that, just before a name, says the name is an organisation
    /// (`agency`, `firm`, `retailer`).
    pub fn is_org_role(&self, word: &str) -> bool {
        self.lower_has(word, ORG_ROLE)
    }
    /// A word that makes a name an event or prize (`Cup`, `Championships`, `Award`).
    pub fn is_event_word(&self, word: &str) -> bool {
        self.lower_has(word, EVENT_WORD)
    }
    /// A word that makes a name a place when it starts it (`River`, `Mount`, `St`).
    pub fn is_geo_prefix(&self, word: &str) -> bool {
        self.lower_has(word, GEO_PREFIX)
    }
    /// A common lower-case English word (`budget`, `century`, `test`): written
    /// with a capital it is a name only with other evidence.
    pub fn is_common_word(&self, word: &str) -> bool {
        self.common.get_lower(word) & COMMON_WORD != 0
    }
    /// A common given name (case-sensitive: `Mark`, not `mark`).
    pub fn is_given_name(&self, word: &str) -> bool {
        self.exact_has(word, GIVEN_NAME)
    }
    /// A nationality or group adjective (`Russian`, `Iraqi`, `Palestinian`).
    pub fn is_demonym(&self, word: &str) -> bool {
        self.exact_has(word, DEMONYM)
    }
    /// A country or territory (`Iraq`, `United States`, `US`).
    pub fn is_country(&self, name: &str) -> bool {
        self.exact_has(name, COUNTRY)
    }
    /// A country, city, state or region.
    pub fn is_place(&self, name: &str) -> bool {
        self.exact_has(name, COUNTRY | PLACE)
    }
    /// A widely known organisation or institution (`UN`, `NATO`, `Reuters`).
    pub fn is_known_org(&self, name: &str) -> bool {
        self.exact_has(name, ORG)
    }
    /// What a whole name is known as, if it is on a list.
    pub fn known(&self, name: &str) -> Option<Known> {
        let bits = self.exact.get(name, false);
        // A name on both lists is a place.
        if bits & (COUNTRY | PLACE) != 0 {
            Some(Known::Place)
        } else if bits & ORG != 0 {
            Some(Known::Org)
        } else {
            None
        }
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
    fn folded_hash_ignores_ascii_case_only() {
        // Every byte value at every position of a chunk and of the remainder.
        for len in [1, 5, 8, 13] {
            for pos in 0..len {
                for b in 0..=255u8 {
                    let mut w = vec![b'x'; len];
                    w[pos] = b;
                    let lower = w.to_ascii_lowercase();
                    assert_eq!(fold_hash(&w), fold_hash(&lower), "{w:?}");
                    let expect = if b.is_ascii_uppercase() { b + 32 } else { b };
                    let mut chunk = [0u8; 8];
                    chunk[0] = b;
                    assert_eq!(lower8(u64::from_le_bytes(chunk)) as u8, expect);
                }
            }
        }
        assert_ne!(fold_hash(b"said"), fold_hash(b"sai"));
        assert_ne!(plain_hash(b"Said"), plain_hash(b"said"));
        assert_eq!(plain_hash(b"said"), fold_hash(b"said"));
        let hash = |w: &str| {
            let mut h = WordHasher::default();
            h.write(w.as_bytes());
            h.finish()
        };
        assert_ne!(hash("ab"), hash("ba"));
        for w in [
            "Said",
            "SAID",
            "said",
            "Putin’s",
            "ab",
            "A",
            "",
            "Abcdefghijklm",
        ] {
            let mut h = WordHasher::default();
            h.write_ascii_lower(w.as_bytes());
            assert_eq!(h.finish(), hash(&w.to_ascii_lowercase()), "{w}");
        }
        assert_ne!(hash("abcdefghij"), hash("abcdefghik"));
    }

    #[test]
    fn lower_lookups_of_short_words_tell_ascii_from_unicode_without_a_scan() {
        let t = WordTable::build([
            ("said".to_string(), 1),
            ("zoë".to_string(), 2),
            ("abcdefgh".to_string(), 4),
            ("abcdefghi".to_string(), 8),
            ("é".to_string(), 16),
        ]);
        assert_eq!(t.get_lower("SaId"), 1);
        assert_eq!(t.get_lower("ZOË"), 2);
        assert_eq!(t.get_lower("Zoë"), 2);
        assert_eq!(t.get_lower("ABCDEFGH"), 4);
        assert_eq!(t.get_lower("ABCDEFGHI"), 8);
        assert_eq!(t.get_lower("É"), 16);
        // A non-ASCII byte at any place of a short word is seen.
        for len in 1..=8 {
            for pos in 0..len {
                let mut w: Vec<char> = "said".chars().cycle().take(len).collect();
                w[pos] = 'é';
                let w: String = w.into_iter().collect();
                assert_eq!(t.get_lower(&w), t.get(&w.to_lowercase(), false), "{w}");
            }
        }
        assert_eq!(t.get_lower(""), 0);
    }

    #[test]
    fn short_words_match_by_hash_and_length_only_when_equal_up_to_case() {
        let t = WordTable::build([
            ("said".to_string(), 1),
            ("ab".to_string(), 2),
            ("abcdefgh".to_string(), 4),
            ("abcdefghi".to_string(), 8),
        ]);
        assert_eq!(t.get("SAID", true), 1);
        assert_eq!(t.get("SAID", false), 0);
        assert_eq!(t.get("AbCdEfGh", true), 4);
        assert_eq!(t.get("abcdefghI", true), 8);
        for miss in [
            "saie", "sai", "saidx", "a", "b", "abc", "abcdefgx", "xbcdefgh", "ab\0",
        ] {
            assert_eq!(t.get(miss, true), 0, "{miss:?}");
        }
    }

    #[test]
    fn the_filter_lets_every_word_of_a_table_through() {
        let words: Vec<String> = (0..3000).map(|i| format!("w{i}x{}", i * 7)).collect();
        let t = WordTable::build(words.iter().map(|w| (w.clone(), 1)));
        assert!(
            words
                .iter()
                .all(|w| t.get(w, true) == 1 && t.get(w, false) == 1)
        );
        assert!(words.iter().all(|w| t.get(&w.to_uppercase(), true) == 1));
        assert!((0..3000).all(|i| t.get(&format!("v{i}"), true) == 0));
    }

    #[test]
    fn lookups_ignore_case_for_classes_but_not_for_names() {
        let l = lexicon();
        assert!(l.is_title("PRESIDENT") && l.is_title("president"));
        assert!(l.is_given_name("Mark") && !l.is_given_name("MARK"));
        assert!(!l.is_speech_verb("saidx"));
        assert!(!l.is_speech_verb(""));
    }

    #[test]
    fn lower_copies_match_the_standard_lower_casing() {
        let long = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for w in ["said", "Said", "ÉLAN", "Élan", "I’M", long, ""] {
            assert_eq!(Lower::ascii(w).as_str(), w.to_ascii_lowercase(), "{w}");
            assert_eq!(Lower::unicode(w).as_str(), w.to_lowercase(), "{w}");
        }
        assert!(Lower::ascii("On") == "on");
        assert!(matches!(Lower::ascii("said"), Lower::Same(_)));
    }

    #[test]
    fn possessives_are_stripped() {
        assert_eq!(strip_possessive("Iraq's"), "Iraq");
        assert_eq!(strip_possessive("States’"), "States");
        assert_eq!(strip_possessive("Putin"), "Putin");
        assert_eq!(strip_possessive("boss"), "boss");
        assert_eq!(strip_possessive("Jones'"), "Jones");
    }
}
