//! Name forms and identities.
//!
//! Within one article, [`ArticleNames`] maps any mention (`Putin`, `Mr Putin`,
//! `Russian President Vladimir Putin`) to the most complete name the article
//! uses, without titles (`Vladimir Putin`). Across the corpus,
//! [`SpeakerIndex`] groups the variants of one name (`al-Sudani`,
//! `Mohammed Shia' Al Sudani`, `Mohammad Shia Al-Sudani`) into one identity,
//! folding case, diacritics, hyphens, name particles and common
//! transliterations, without merging people whose given names conflict.
//! Pure functions over strings; no I/O.

use std::collections::HashMap;

use super::lexicon::{WordBuild, class, lexicon};
use super::{Entity, EntityLabel};

/// A speaker identity, valid within one [`SpeakerIndex`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SpeakerId(pub u32);

/// A comparison key for a name: lower case, hyphens and apostrophes folded.
pub fn name_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
    {
        let w: String = word
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if w.is_empty() {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&w);
    }
    key
}

/// Name particles that do not tell two people apart (`al`, `bin`, `van`, `de`).
const PARTICLES: &[&str] = &[
    "al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ul", "bin", "ibn", "bint", "ben",
    "van", "von", "de", "da", "di", "du", "del", "della", "der", "den", "la", "le", "dos", "das",
    "ter",
];

/// True when `word` is one of the `PARTICLES` in any case. They are short
/// ASCII words, so longer or non-ASCII words are rejected without lower-casing.
fn is_particle(word: &str) -> bool {
    if word.len() > 5 || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 5];
    let lw = &mut buf[..word.len()];
    lw.copy_from_slice(word.as_bytes());
    lw.make_ascii_lowercase();
    PARTICLES.iter().any(|p| p.as_bytes() == &lw[..])
}

/// Strips leading titles and roles (with what stands before them), a leading
/// `the` and a trailing possessive: `Russian President Vladimir Putin` → `Vladimir Putin`,
/// `Kremlin spokesman Dmitry Peskov` → `Dmitry Peskov`, `Mr Putin's` → `Putin`.
/// A name that is nothing but such words is returned trimmed.
pub fn strip_titles(name: &str) -> &str {
    let lex = lexicon();
    let name = super::lexicon::strip_possessive(name.trim());
    let mut cut = 0;
    let mut after_of = false;
    // Asked only after `of` (`Secretary of State …`), so looked up only then.
    let ends_org = std::cell::OnceCell::new();
    let ends_org = || {
        *ends_org.get_or_init(|| {
            name.rsplit(char::is_whitespace)
                .next()
                .is_some_and(|w| lex.is_org_word(w))
        })
    };
    // Where each word starts: a character that is not white space after one that is.
    let mut words = name
        .char_indices()
        .scan(true, |after_space, (i, c)| {
            let starts = *after_space && !c.is_whitespace();
            *after_space = c.is_whitespace();
            Some((i, starts))
        })
        .filter(|&(_, starts)| starts)
        .map(|(i, _)| i)
        .peekable();
    while let Some(start) = words.next() {
        let Some(&next) = words.peek() else {
            break;
        };
        let word = name[start..next].trim_end().trim_end_matches(['.', ',']);
        // Every list question about the word, with one lookup.
        let classes = lex.classes(word);
        let lower_start = word.chars().next().is_some_and(char::is_lowercase);
        let hyphen_title =
            word.contains('-') && word.split('-').all(|p| !p.is_empty() && lex.is_title(p));
        // `Secretary of State Ana Lind`: a portfolio word after `of` belongs to the title.
        let portfolio = after_of && cut == start && lex.is_common_word(word) && !ends_org();
        after_of = cut == start && matches!(word, "of" | "the");
        if classes & (class::TITLE | class::ROLE_NOUN) != 0
            || hyphen_title
            || portfolio
            || word.eq_ignore_ascii_case("the")
            || (lower_start && !word.contains('-') && !is_particle(word))
        {
            cut = next;
        }
    }
    name[cut..].trim()
}

/// Folds one character to a plain lower-case ASCII letter where it has one.
fn fold_char(c: char, out: &mut String) {
    // ASCII (most letters) needs no table: the same as the general case below.
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        }
        return;
    }
    let f = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ğ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ı' | 'ī' => 'i',
        'ł' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ő' | 'ō' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ů' | 'ű' | 'ū' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        'ß' => {
            out.push_str("ss");
            return;
        }
        _ => {
            for l in c.to_lowercase() {
                if l.is_alphanumeric() {
                    out.push(l);
                }
            }
            return;
        }
    };
    out.push(f);
}

/// Common transliteration variants of given names, folded to one spelling.
/// Keys are already folded by [`fold_word`]'s spelling rules.
const VARIANTS: &[(&str, &str)] = &[
    ("mohamed", "muhamad"),
    ("mohamad", "muhamad"),
    ("muhamed", "muhamad"),
    ("mohamud", "muhamad"),
    ("mohd", "muhamad"),
    ("ahmed", "ahmad"),
    ("husein", "husain"),
    ("husayn", "husain"),
    ("hasan", "hasan"),
    ("yusef", "yusuf"),
    ("yosef", "yusuf"),
    ("abdel", "abd"),
    ("abdul", "abd"),
    ("abdal", "abd"),
    ("usama", "osama"),
    ("umar", "omar"),
    ("khaled", "khalid"),
    ("mustapha", "mustafa"),
    ("saed", "said"),
    ("sayed", "said"),
    ("sayid", "said"),
    ("mikhail", "mihail"),
    ("michail", "mihail"),
];

/// Folds one word of a name: lower case, no diacritics or apostrophes,
/// doubled letters single, and common spelling variants merged.
fn fold_word(word: &str) -> String {
    let mut s = String::with_capacity(word.len() + 1);
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        // Most words: what `fold_char` gives, lower-cased in place.
        s.push_str(word);
        s.make_ascii_lowercase();
    } else {
        for c in word.chars() {
            fold_char(c, &mut s);
        }
    }
    // Spelling rules shared by many transliterations (most words have none,
    // and one scan for all of them says so). Plain byte scans: the patterns
    // are two ASCII letters, which never occur inside a multi-byte character.
    if s.as_bytes()
        .windows(2)
        .any(|w| matches!(w, b"ou" | b"ks" | b"ph"))
    {
        for (from, to) in [("ou", "u"), ("ks", "x"), ("ph", "f")] {
            if s.as_bytes().windows(2).any(|w| w == from.as_bytes()) {
                s = s.replace(from, to);
            }
        }
    }
    // Doubled letters single (an ASCII word without two equal bytes in a
    // row has none, and most words have none).
    if !s.is_ascii() || s.as_bytes().windows(2).any(|w| w[0] == w[1]) {
        let mut last = None;
        s.retain(|c| {
            let keep = Some(c) != last;
            last = Some(c);
            keep
        });
    }
    // Final -ey / -iy / -yy / -i after a consonant: Sergey, Dmitriy, Zelenskyy, Yuri.
    for (from, to) in [("ey", "ei"), ("iy", "y"), ("yy", "y")] {
        if s.ends_with(from) {
            s.truncate(s.len() - from.len());
            s.push_str(to);
        }
    }
    if s.len() > 3
        && let Some(stem) = s.strip_suffix('i')
        && stem.ends_with(|c: char| !"aeiou".contains(c))
    {
        s.truncate(s.len() - 1);
        s.push('y');
    }
    if let Some(&(_, to)) = VARIANTS.iter().find(|(from, _)| *from == s) {
        return to.to_string();
    }
    s
}

/// The words of a name folded for identity: titles stripped, particles
/// dropped, hyphens split, each word folded (`Mohammad Shia Al-Sudani` →
/// `[muhamad, shia, sudani]`).
pub fn fold_key(name: &str) -> Vec<String> {
    fold_words(strip_titles(name))
}

/// [`fold_key`] of a name whose titles are already stripped.
fn fold_words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == '-' || c == '‐')
        .filter(|w| !w.is_empty())
        .filter(|w| !is_particle(w))
        .map(fold_word)
        .filter(|w| !w.is_empty())
        .collect()
}

/// True when `short` is `long` with some words left out, ending on the same
/// word (`Tayyip Erdogan` in `Recep Tayyip Erdogan`; not `Jane Smith` in `John Smith`).
fn is_shortening(short: &[String], long: &[String]) -> bool {
    if short.is_empty() || short.len() > long.len() || short.last() != long.last() {
        return false;
    }
    let mut it = long.iter();
    short.iter().all(|w| it.any(|l| l == w))
}

/// The names of one article, to write any mention as the most complete name.
#[derive(Debug, Clone, Default)]
pub struct ArticleNames {
    names: Vec<ArticleName>,
}

#[derive(Debug, Clone)]
struct ArticleName {
    /// The form without titles, as written.
    form: String,
    key: Vec<String>,
    label: EntityLabel,
    count: usize,
}

impl ArticleNames {
    /// Collects the PERSON and ORG names among `entities` of `text`.
    pub fn build(text: &str, entities: &[Entity]) -> Self {
        let mut names: Vec<ArticleName> = Vec::with_capacity(entities.len());
        // Mentions written alike end alike: the name they counted for, if any.
        let mut seen: HashMap<&str, Option<usize>, WordBuild> =
            HashMap::with_capacity_and_hasher(entities.len(), WordBuild::default());
        for e in entities {
            if !matches!(e.label, EntityLabel::Person | EntityLabel::Org) {
                continue;
            }
            let raw = e.span.slice(text);
            if let Some(&done) = seen.get(raw) {
                if let Some(i) = done {
                    names[i].count += 1;
                }
                continue;
            }
            let form = strip_titles(raw);
            if form.is_empty() {
                seen.insert(raw, None);
                continue;
            }
            if let Some(i) = names.iter().position(|n| n.form == form) {
                names[i].count += 1;
                seen.insert(raw, Some(i));
                continue;
            }
            // A mention that stripping left whole strips to itself again:
            // its key needs no second stripping.
            let key = if form.len() == raw.len() {
                fold_words(form)
            } else {
                fold_key(form)
            };
            if key.is_empty() {
                seen.insert(raw, None);
                continue;
            }
            seen.insert(raw, Some(names.len()));
            names.push(ArticleName {
                form: form.to_string(),
                key,
                label: e.label,
                count: 1,
            });
        }
        ArticleNames { names }
    }

    /// The most complete name this article uses for `mention`, without titles
    /// (`Mr Putin` → `Vladimir Putin`); `None` when no name of the article fits.
    pub fn full_name(&self, mention: &str) -> Option<String> {
        self.full_name_for_key(&fold_key(mention))
            .map(str::to_string)
    }

    /// [`Self::full_name`] of a mention whose [`fold_key`] is `key`.
    pub fn full_name_for_key(&self, key: &[String]) -> Option<&str> {
        if key.is_empty() {
            return None;
        }
        let mut best: Option<&ArticleName> = None;
        for n in &self.names {
            // A lone first name (`Tony`) may stand for a full person name too.
            let first_name = key.len() == 1
                && n.label == EntityLabel::Person
                && n.key.len() > 1
                && n.key.first() == key.first();
            if !(is_shortening(key, &n.key) || first_name) {
                continue;
            }
            let better = match best {
                None => true,
                Some(b) => (n.key.len(), n.count) > (b.key.len(), b.count),
            };
            if better {
                best = Some(n);
            }
        }
        best.map(|n| n.form.as_str())
    }

    /// The name to show for `mention`: its full name, or the mention without titles.
    pub fn display(&self, mention: &str) -> String {
        self.full_name(mention)
            .unwrap_or_else(|| strip_titles(mention).to_string())
    }

    /// True when `mention` names a person of this article.
    pub fn is_person(&self, mention: &str) -> bool {
        let key = fold_key(mention);
        self.names
            .iter()
            .any(|n| n.label == EntityLabel::Person && is_shortening(&key, &n.key))
    }
}

/// All speaker names of a corpus grouped into identities.
#[derive(Debug, Clone, Default)]
pub struct SpeakerIndex {
    by_key: HashMap<Vec<String>, SpeakerId>,
    identities: Vec<Identity>,
}

#[derive(Debug, Clone)]
struct Identity {
    canonical: String,
    variants: Vec<String>,
}

/// One distinct folded name while building the index.
struct Node {
    key: Vec<String>,
    /// Raw forms and how often each was seen, in first-seen order.
    forms: Vec<(String, usize)>,
    parent: usize,
}

fn find(nodes: &mut [Node], mut i: usize) -> usize {
    while nodes[i].parent != i {
        let p = nodes[i].parent;
        nodes[i].parent = nodes[p].parent;
        i = p;
    }
    i
}

impl SpeakerIndex {
    /// Groups `names` (every speaker name of every article, repeats allowed).
    pub fn build<'a>(names: impl IntoIterator<Item = &'a str>) -> SpeakerIndex {
        let mut nodes: Vec<Node> = Vec::new();
        let mut node_of: HashMap<Vec<String>, usize> = HashMap::new();
        for name in names {
            let key = fold_key(name);
            if key.is_empty() {
                continue;
            }
            let i = *node_of.entry(key.clone()).or_insert_with(|| {
                nodes.push(Node {
                    key,
                    forms: Vec::new(),
                    parent: nodes.len(),
                });
                nodes.len() - 1
            });
            let forms = &mut nodes[i].forms;
            match forms.iter_mut().find(|(f, _)| f == name) {
                Some((_, n)) => *n += 1,
                None => forms.push((name.to_string(), 1)),
            }
        }
        let count = |n: &Node| n.forms.iter().map(|(_, c)| c).sum::<usize>();
        // Each shorter form joins its most complete longer form (one parent
        // only, so `John Smith` and `Jane Smith` never meet through `Smith`).
        let mut by_last: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, n) in nodes.iter().enumerate() {
            if let Some(last) = n.key.last() {
                by_last.entry(last.as_str()).or_default().push(i);
            }
        }
        let mut links = Vec::new();
        for (i, n) in nodes.iter().enumerate() {
            let Some(last) = n.key.last() else { continue };
            let longer: Vec<usize> = by_last[last.as_str()]
                .iter()
                .copied()
                .filter(|&j| j != i && nodes[j].key.len() > n.key.len())
                .filter(|&j| is_shortening(&n.key, &nodes[j].key))
                .collect();
            if longer.is_empty() {
                continue;
            }
            if n.key.len() == 1 {
                // A bare surname joins only when every fuller form agrees.
                let agree = longer.iter().all(|&j| {
                    longer.iter().all(|&k| {
                        is_shortening(&nodes[j].key, &nodes[k].key)
                            || is_shortening(&nodes[k].key, &nodes[j].key)
                    })
                });
                if !agree {
                    continue;
                }
            }
            if let Some(&j) = longer
                .iter()
                .max_by_key(|&&j| (nodes[j].key.len(), count(&nodes[j]), std::cmp::Reverse(j)))
            {
                links.push((i, j));
            }
        }
        for (i, j) in links {
            let (ri, rj) = (find(&mut nodes, i), find(&mut nodes, j));
            if ri != rj {
                nodes[ri].parent = rj;
            }
        }
        let mut index = SpeakerIndex::default();
        let mut id_of_root: HashMap<usize, SpeakerId> = HashMap::new();
        let mut members: Vec<Vec<usize>> = Vec::new();
        for i in 0..nodes.len() {
            let r = find(&mut nodes, i);
            let id = *id_of_root.entry(r).or_insert_with(|| {
                members.push(Vec::new());
                SpeakerId((members.len() - 1) as u32)
            });
            members[id.0 as usize].push(i);
        }
        for (id, group) in members.iter().enumerate() {
            let mut variants = Vec::new();
            let mut best: Option<(usize, usize, usize, &str)> = None;
            for &i in group {
                for (form, c) in &nodes[i].forms {
                    variants.push(form.clone());
                    let clean = form
                        .chars()
                        .filter(|c| !c.is_alphanumeric() && !matches!(c, ' ' | '-'))
                        .count();
                    // Most complete, then most frequent, then cleanest spelling.
                    let rank = (nodes[i].key.len(), *c, usize::MAX - clean);
                    if best.is_none_or(|b| rank > (b.0, b.1, b.2)) {
                        best = Some((rank.0, rank.1, rank.2, form));
                    }
                }
                index
                    .by_key
                    .insert(nodes[i].key.clone(), SpeakerId(id as u32));
            }
            let canonical = best.map_or(String::new(), |b| strip_titles(b.3).to_string());
            index.identities.push(Identity {
                canonical,
                variants,
            });
        }
        index
    }

    /// The identity a name form belongs to (forms not seen at build time are
    /// matched when they fold to a known form or shorten exactly one identity).
    pub fn id_of(&self, name: &str) -> Option<SpeakerId> {
        let key = fold_key(name);
        if key.is_empty() {
            return None;
        }
        if let Some(&id) = self.by_key.get(&key) {
            return Some(id);
        }
        let mut found = None;
        for (k, &id) in &self.by_key {
            if is_shortening(&key, k) {
                match found {
                    None => found = Some(id),
                    Some(f) if f != id => return None,
                    _ => {}
                }
            }
        }
        found
    }

    /// The display name of an identity.
    pub fn canonical(&self, id: SpeakerId) -> &str {
        self.identities
            .get(id.0 as usize)
            .map_or("", |i| i.canonical.as_str())
    }

    /// Every name form seen for an identity.
    pub fn variants(&self, id: SpeakerId) -> &[String] {
        self.identities
            .get(id.0 as usize)
            .map_or(&[], |i| i.variants.as_slice())
    }

    /// Number of identities.
    pub fn len(&self) -> usize {
        self.identities.len()
    }

    /// True when no speaker is known.
    pub fn is_empty(&self) -> bool {
        self.identities.is_empty()
    }

    /// All identities.
    pub fn ids(&self) -> impl Iterator<Item = SpeakerId> + '_ {
        (0..self.identities.len() as u32).map(SpeakerId)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Span;

    #[test]
    fn hyphens_and_case_fold_into_one_key() {
        assert_eq!(
            name_key("Mohammad Shia Al-Sudani"),
            "mohammad shia al sudani"
        );
        assert_eq!(name_key("al-Sudani"), name_key("Al Sudani"));
    }

    #[test]
    fn same_key_is_one_identity() {
        let idx = SpeakerIndex::build(["Al-Sudani", "al Sudani", "Dmitry Peskov"]);
        assert_eq!(idx.len(), 2);
        let id = idx.id_of("AL-SUDANI").unwrap();
        assert_eq!(idx.variants(id).len(), 2);
    }

    #[test]
    fn titles_roles_and_demonyms_are_stripped() {
        assert_eq!(
            strip_titles("Russian President Vladimir Putin"),
            "Vladimir Putin"
        );
        assert_eq!(
            strip_titles("Kremlin spokesman Dmitry Peskov"),
            "Dmitry Peskov"
        );
        assert_eq!(strip_titles("Mr Putin's"), "Putin");
        assert_eq!(strip_titles("Ms Hewitt"), "Hewitt");
        assert_eq!(strip_titles("UN Secretary-General Ana Lind"), "Ana Lind");
        assert_eq!(strip_titles("Secretary of State Ana Lind"), "Ana Lind");
        assert_eq!(strip_titles("Mohammed al-Sudani"), "Mohammed al-Sudani");
        assert_eq!(strip_titles("Mohammed bin Rashid"), "Mohammed bin Rashid");
        assert_eq!(strip_titles("the Liberal Democrats"), "Liberal Democrats");
        // A surname that is also a title word stays when it ends the name.
        assert_eq!(strip_titles("John Major"), "John Major");
    }

    #[test]
    fn transliterations_particles_and_diacritics_fold() {
        assert_eq!(
            fold_key("Mohammed Shia' Al Sudani"),
            fold_key("Mohammad Shia Al-Sudani")
        );
        assert_eq!(fold_key("Muhammad al-Sudani"), fold_key("Mohammed Sudani"));
        assert_eq!(
            fold_key("Recep Tayyip Erdoğan"),
            fold_key("Recep Tayyip Erdogan")
        );
        assert_eq!(fold_key("Sergey Lavrov"), fold_key("Sergei Lavrov"));
        assert_eq!(fold_key("Dmitriy Peskov"), fold_key("Dmitry Peskov"));
        assert_ne!(fold_key("John Smith"), fold_key("Jane Smith"));
    }

    #[test]
    fn name_variants_are_one_speaker() {
        let idx = SpeakerIndex::build([
            "Mohammed Shia' Al Sudani",
            "Mohammad Shia Al-Sudani",
            "Mohammed al-Sudani",
            "al-Sudani",
            "Putin",
            "Vladimir Putin",
            "Vladimir Putin",
        ]);
        assert_eq!(idx.len(), 2);
        let sudani = idx.id_of("al-Sudani").unwrap();
        assert_eq!(idx.id_of("Mohammed Shia' Al Sudani"), Some(sudani));
        assert_eq!(idx.id_of("Mohammed al-Sudani"), Some(sudani));
        let putin = idx.id_of("Putin").unwrap();
        assert_eq!(idx.id_of("Vladimir Putin"), Some(putin));
        assert_eq!(idx.canonical(putin), "Vladimir Putin");
        assert_eq!(idx.variants(sudani).len(), 4);
        assert!(idx.canonical(sudani).ends_with("Sudani"));
        assert_eq!(idx.canonical(sudani).split(' ').count(), 3);
    }

    #[test]
    fn people_sharing_a_surname_stay_apart() {
        let idx = SpeakerIndex::build(["John Smith", "Jane Smith", "Smith", "John Smith"]);
        let john = idx.id_of("John Smith").unwrap();
        let jane = idx.id_of("Jane Smith").unwrap();
        assert_ne!(john, jane);
        // The bare surname is not forced into either.
        let smith = idx.id_of("Smith").unwrap();
        assert_ne!(smith, john);
        assert_ne!(smith, jane);
    }

    #[test]
    fn a_middle_name_may_be_left_out() {
        let idx = SpeakerIndex::build(["Tayyip Erdogan", "Recep Tayyip Erdogan", "Erdogan"]);
        assert_eq!(idx.len(), 1);
        let id = idx.id_of("Erdogan").unwrap();
        assert_eq!(idx.canonical(id), "Recep Tayyip Erdogan");
    }

    #[test]
    fn unseen_short_form_finds_its_identity() {
        let idx = SpeakerIndex::build(["Vladimir Putin", "Dmitry Peskov"]);
        assert_eq!(idx.id_of("Mr Putin"), idx.id_of("Vladimir Putin"));
        assert!(idx.id_of("Lavrov").is_none());
    }

    fn entity(text: &str, form: &str, label: EntityLabel) -> Entity {
        let start = text.find(form).unwrap();
        Entity {
            span: Span::new(start, start + form.len()),
            label,
        }
    }

    #[test]
    fn article_mentions_resolve_to_the_fullest_name() {
        let text =
            "Russian President Vladimir Putin met Ms Elena Varga. Putin said Ms Varga agreed.";
        let ents = [
            entity(text, "Vladimir Putin", EntityLabel::Person),
            entity(text, "Elena Varga", EntityLabel::Person),
        ];
        let names = ArticleNames::build(text, &ents);
        assert_eq!(names.full_name("Putin").as_deref(), Some("Vladimir Putin"));
        assert_eq!(
            names.full_name("Mr Putin").as_deref(),
            Some("Vladimir Putin")
        );
        assert_eq!(
            names
                .full_name("Russian President Vladimir Putin")
                .as_deref(),
            Some("Vladimir Putin")
        );
        assert_eq!(names.full_name("Ms Varga").as_deref(), Some("Elena Varga"));
        assert_eq!(names.full_name("Elena").as_deref(), Some("Elena Varga"));
        assert_eq!(names.full_name("Lavrov"), None);
        assert_eq!(names.display("the spokesman Lavrov"), "Lavrov");
        assert!(names.is_person("Varga"));
    }

    #[test]
    fn article_prefers_the_most_complete_variant() {
        let text = "Mohammed Shia' Al Sudani arrived. Mohammed al-Sudani spoke. Al-Sudani left.";
        let ents = [
            entity(text, "Mohammed Shia' Al Sudani", EntityLabel::Person),
            entity(text, "Mohammed al-Sudani", EntityLabel::Person),
            entity(text, "Al-Sudani", EntityLabel::Person),
        ];
        let names = ArticleNames::build(text, &ents);
        assert_eq!(
            names.full_name("al-Sudani").as_deref(),
            Some("Mohammed Shia' Al Sudani")
        );
    }
}
