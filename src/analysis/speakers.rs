//! Speakers: who says each quotation and each reported statement.
//!
//! Walks the article's clause units in order, keeping the last speakers seen
//! so that pronouns (`he said`), role phrases (`the spokesman`) and quotations
//! without a cue (a paragraph continuing the previous speaker) resolve to a
//! name. Names are written in their most complete form in the article, without
//! titles. Uses the cues found by `reported`; finds no spans of its own.

use super::lexicon::{Lower, WordBuild, lexicon};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::quotes::QuoteSpan;
use super::reported::{self, Cue, CueForm};
use super::tokens::{self, Tok, TokKind};
use super::words::WordClass;
use super::{Entity, EntityLabel, QuoteKind, Span, names, quotes, words};

/// A resolved speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The most complete name the article uses (or the article's words for an unnamed source).
    pub name: Rc<str>,
    /// True when the speaker is most likely a person (a pronoun `he`/`she` may refer to it).
    pub person: bool,
}

/// Grammatical gender shown by a title or role (`Mrs`, `spokeswoman`), for pronouns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

fn gender_of_word(w: &str) -> Option<Gender> {
    let w = w.trim_end_matches('.');
    if w.len() > 14 || !w.is_ascii() {
        return None;
    }
    let mut buf = [0u8; 14];
    let lw = &mut buf[..w.len()];
    lw.copy_from_slice(w.as_bytes());
    lw.make_ascii_lowercase();
    match &*lw {
        b"mr" | b"sir" | b"lord" | b"king" | b"prince" | b"spokesman" | b"chairman" | b"actor"
        | b"father" | b"husband" | b"son" | b"brother" | b"baron" | b"duke" | b"businessman" => {
            Some(Gender::Male)
        }
        b"mrs" | b"ms" | b"miss" | b"dame" | b"lady" | b"queen" | b"princess" | b"baroness"
        | b"spokeswoman" | b"chairwoman" | b"actress" | b"mother" | b"wife" | b"daughter"
        | b"sister" | b"widow" | b"businesswoman" | b"duchess" => Some(Gender::Female),
        _ => None,
    }
}

/// One capitalised name run of the article, titles stripped.
#[derive(Debug, Clone)]
struct NameRun {
    start: usize,
    name: Span,
    /// The name's key.
    key: Key,
    /// `word_hash` of the key's last word: a quick test before comparing keys.
    last_hash: u64,
    /// Role words written before or after the name (`spokesman`, `minister`).
    roles: Vec<String>,
    /// A title or role stood beside the name: most likely a person.
    titled: bool,
    /// The entity label the recogniser gave this mention.
    label: Option<EntityLabel>,
    /// Gender shown by a title or role beside the name.
    gender: Option<Gender>,
    /// The gender the whole article shows for this run's name (see `Names::gender`).
    name_gender: Option<Gender>,
}

/// The article's name runs, for completing short forms and resolving roles.
#[derive(Debug, Default)]
pub struct Names {
    runs: Vec<NameRun>,
    /// The person names the entity recogniser found: (key, span), titles already left out.
    persons: Vec<(Key, Span)>,
    /// The organisations the entity recogniser found, in text order.
    orgs: Vec<Span>,
    /// The first gender the article shows for a name, by the name's last word.
    by_last: HashMap<String, Gender, WordBuild>,
    /// The article's name index over its entities.
    article: names::ArticleNames,
    /// Completed names already looked up in this article.
    cache: RefCell<HashMap<String, (Rc<str>, bool), WordBuild>>,
    /// Entity labels already looked up by name in this article.
    labels: RefCell<HashMap<String, Option<EntityLabel>, WordBuild>>,
}

/// A name's comparison key: its words (split at white space and hyphens)
/// with possessives stripped and letters and digits lower-cased, empty words
/// left out, joined by single spaces in one string. Key words hold no spaces,
/// so the string says where each word starts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Key {
    text: String,
    words: usize,
}

impl Key {
    fn of(s: &str) -> Key {
        let mut key = Key {
            text: String::with_capacity(s.len()),
            words: 0,
        };
        if s.is_ascii() {
            // The same split without decoding characters: the ASCII white
            // space characters and the hyphen.
            let is_sep = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b'-');
            let bytes = s.as_bytes();
            let mut start = 0;
            loop {
                let end = bytes[start..]
                    .iter()
                    .position(|&b| is_sep(b))
                    .map_or(bytes.len(), |n| start + n);
                key.push_word(&s[start..end]);
                if end == bytes.len() {
                    break;
                }
                start = end + 1;
            }
        } else {
            for w in s.split(|c: char| c.is_whitespace() || c == '-') {
                key.push_word(w);
            }
        }
        key
    }
    /// Appends the key word of `w`, if it has one.
    fn push_word(&mut self, w: &str) {
        let before = self.text.len();
        if self.words > 0 {
            self.text.push(' ');
        }
        let start = self.text.len();
        push_key_word(w, &mut self.text);
        if self.text.len() == start {
            self.text.truncate(before);
        } else {
            self.words += 1;
        }
    }
    /// The number of words.
    fn len(&self) -> usize {
        self.words
    }
    fn is_empty(&self) -> bool {
        self.words == 0
    }
    fn last(&self) -> Option<&str> {
        let from = self
            .text
            .bytes()
            .rposition(|b| b == b' ')
            .map_or(0, |i| i + 1);
        (self.words > 0).then(|| &self.text[from..])
    }
    /// True when `w` is one of the key's words.
    fn has_word(&self, w: &str) -> bool {
        self.words > 0 && self.text.split(' ').any(|x| x == w)
    }
    /// True when `other`'s words are the last words of this key.
    fn ends_with(&self, other: &Key) -> bool {
        let (a, b) = (self.text.as_bytes(), other.text.as_bytes());
        other.words == 0
            || (a.ends_with(b) && (a.len() == b.len() || a[a.len() - b.len() - 1] == b' '))
    }
}

/// The last word of `Key::of(s)`, without keying the other words.
fn last_key_word(s: &str) -> Option<String> {
    s.rsplit(|c: char| c.is_whitespace() || c == '-')
        .map(key_word)
        .find(|w| !w.is_empty())
}

/// `last_key_word` of a key's text: an ASCII key word is its own key.
fn last_key_word_of(key: &Key) -> Option<Cow<'_, str>> {
    // The words from the last, as `rsplit(' ')` gives them, by byte search.
    let t = key.text.as_str();
    let mut end = t.len();
    loop {
        let start = t[..end].rfind(' ').map_or(0, |i| i + 1);
        let w = &t[start..end];
        let k = if w.is_ascii() {
            Cow::Borrowed(w)
        } else {
            Cow::Owned(key_word(w))
        };
        if !k.is_empty() {
            return Some(k);
        }
        if start == 0 {
            return None;
        }
        end = start - 1;
    }
}

/// The entity whose span holds `name`, in sorted, non-overlapping `entities`.
fn entity_around(entities: &[Entity], name: Span) -> Option<&Entity> {
    // Only the last entity starting at or before the name can hold it.
    let i = entities.partition_point(|en| en.span.start <= name.start);
    let en = entities.get(i.checked_sub(1)?)?;
    (name.end <= en.span.end).then_some(en)
}

/// A cheap hash of a key word (FNV-1a): equal words hash equal.
fn word_hash(w: &str) -> u64 {
    w.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// One word of a key: possessive stripped, letters and digits lower-cased.
fn key_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    push_key_word(w, &mut out);
    out
}

/// Appends `key_word(w)` to `out`.
fn push_key_word(w: &str, out: &mut String) {
    let w = tokens::strip_possessive(w);
    if w.bytes().all(|b| b.is_ascii_alphanumeric()) {
        // Most key words: copied whole and lower-cased in place.
        let start = out.len();
        out.push_str(w);
        out[start..].make_ascii_lowercase();
    } else if w.is_ascii() {
        // The same as below without the Unicode case tables.
        out.extend(
            w.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
    } else {
        out.extend(
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase),
        );
    }
}

/// The role-noun family a word belongs to (`spokeswoman` → `spokesman`).
fn role_key(w: &str) -> String {
    let lw = w.to_lowercase();
    match lw.as_str() {
        "spokeswoman" | "spokesperson" => "spokesman".into(),
        "chairwoman" => "chairman".into(),
        _ => lw,
    }
}

impl Names {
    /// Collects the capitalised runs of `text` (tokens of the whole article),
    /// with the labels of the `entities` found on them (sorted and
    /// non-overlapping, as `entities::find_entities` returns them).
    pub fn build(text: &str, toks: &[Tok], entities: &[Entity]) -> Names {
        let mut runs = Vec::with_capacity(toks.len() / 8);
        let mut class: Vec<WordClass> = Vec::new();
        let lex = lexicon();
        let mut k = 0;
        while k < toks.len() {
            let w = toks[k].word(text);
            if w.is_empty() || !tokens::is_capitalised(w) || tokens::is_name_adjective(w) {
                k += 1;
                continue;
            }
            let s = k;
            let mut e = k + 1;
            while e < toks.len() {
                let prev = toks[e - 1].word(text);
                if tokens::is_possessive(prev) {
                    break;
                }
                // `Harlow & Finch`: an ampersand inside a name.
                if toks[e].is_punct('&')
                    && toks
                        .get(e + 1)
                        .is_some_and(|t| tokens::is_capitalised(t.word(text)))
                {
                    e += 2;
                    continue;
                }
                let w = toks[e].word(text);
                let adjacent = toks[e].span.start <= toks[e - 1].span.end + 1;
                let particle = tokens::is_name_particle(w)
                    && toks
                        .get(e + 1)
                        .is_some_and(|t| tokens::is_capitalised(t.word(text)));
                if adjacent
                    && ((tokens::is_capitalised(w) && !tokens::is_name_adjective(w)) || particle)
                {
                    e += 1;
                } else {
                    break;
                }
            }
            // The word classes of the run's tokens, looked up once.
            class.clear();
            class.extend(toks[s..e].iter().map(|t| WordClass::of(t.word(text))));
            let class_at = |j: usize| class[j - s];
            // Strip up to the last title or role word, and leading demonyms;
            // an organisation's name keeps them (`Dunmore Energy Systems`).
            let mut ns = s;
            let mut titled = false;
            let org_name = std::cell::OnceCell::new();
            let org_name = || {
                *org_name.get_or_init(|| {
                    let last = toks[e - 1].word(text);
                    e - s >= 2
                        && words::is_org_word(tokens::strip_possessive(last))
                        && !class_at(e - 1).is_role_noun()
                })
            };
            for j in s..e {
                let c = class_at(j);
                if (c.is_title() || c.is_role_noun()) && !org_name() {
                    ns = j + 1;
                    titled = true;
                }
            }
            while ns < e && {
                let w = toks[ns].word(text);
                let next = toks.get(ns + 1).map_or("", |t| t.word(text));
                class_at(ns).is_function_word()
                    || (words::is_demonym(w)
                        && (ns + 1 == e
                            || class_at(ns + 1).is_title()
                            || lex.is_given_name(next)
                            || words::is_demonym(next)))
            } {
                ns += 1;
            }
            // `Novelist Arthur Hailey`: a capitalised description before a given name.
            if let Some(g) = (ns + 1..e).find(|&j| lex.is_given_name(toks[j].word(text)))
                && (ns..g).all(|j| {
                    let w = toks[j].word(text);
                    !lex.is_given_name(w) && !tokens::is_name_particle(w)
                })
            {
                ns = g;
            }
            if ns < e {
                let mut roles = Vec::new();
                // `spokesman Dmitry Peskov`: a lower-case role right before.
                if s > 0 {
                    let before = toks[s - 1].word(text);
                    if words::is_role_noun(before) {
                        roles.push(role_key(before));
                        titled = true;
                    }
                    if let Some(g) = gender_of_word(before) {
                        roles.push(if g == Gender::Female {
                            "mrs".into()
                        } else {
                            "mr".into()
                        });
                    }
                }
                for (t, c) in toks[s..ns].iter().zip(&class) {
                    if c.is_role_noun() {
                        roles.push(role_key(t.word(text)));
                    }
                }
                // `the foreign minister of Norland, Erik Sandvik,`: a role
                // in the phrase the name stands in apposition to.
                if s > 1 && toks[s - 1].is_punct(',') {
                    for t in toks[s.saturating_sub(6)..s - 1].iter().rev() {
                        let w = t.word(text);
                        if w.is_empty() {
                            break;
                        }
                        if w.starts_with(char::is_lowercase) && words::is_role_noun(w) {
                            roles.push(role_key(w));
                            break;
                        }
                    }
                }
                // `Dmitry Peskov, Putin's spokesperson,`: a role after a comma
                // (`In Paris, the ministry said`: not after a place).
                let place = || {
                    let run = Span::new(toks[ns].span.start, toks[e - 1].span.end);
                    entity_around(entities, run).is_some_and(|en| en.label == EntityLabel::Place)
                };
                if toks.get(e).is_some_and(|t| t.is_punct(',')) && !place() {
                    let mut prev = toks[e];
                    for t in toks.iter().take(e + 5).skip(e + 1) {
                        let w = t.word(text);
                        // `"… Central Asia," an MEA spokesperson said`: a
                        // closing quotation mark (no token here) ends the
                        // phrase; a single mark only after punctuation, as
                        // after a word it is a plural's possessive.
                        let gap = text.get(prev.span.end..t.span.start).unwrap_or("");
                        let quote_mark = gap.contains(['"', '”'])
                            || (prev.kind != TokKind::Word && gap.contains(['\'', '’']));
                        // (`Media, Culture and Sport spokeswoman`: a list
                        // going on is part of a longer name, no apposition.)
                        if w.is_empty() || quote_mark || w == "and" {
                            break;
                        }
                        prev = *t;
                        if words::is_role_noun(w) {
                            roles.push(role_key(w));
                            titled = true;
                        }
                    }
                }
                let last = toks[e - 1];
                let bare = tokens::strip_possessive(last.word(text));
                let name = Span::new(toks[ns].span.start, last.span.start + bare.len());
                let key = Key::of(name.slice(text));
                let gender = (s.saturating_sub(1)..ns)
                    .find_map(|j| gender_of_word(toks[j].word(text)))
                    .or_else(|| roles.iter().find_map(|r| gender_of_word(r)));
                let label = entity_around(entities, name).map(|en| en.label);
                if !key.is_empty() {
                    runs.push(NameRun {
                        start: toks[s].span.start,
                        name,
                        last_hash: key.last().map_or(0, word_hash),
                        key,
                        roles,
                        titled,
                        label,
                        gender,
                        name_gender: None,
                    });
                }
            }
            k = e;
        }
        // The first gender shown for each last word, in article order, so that
        // `gender` is one lookup rather than a scan of every run.
        let mut by_last: HashMap<String, Gender, WordBuild> = HashMap::default();
        for r in &runs {
            if let (Some(last), Some(g)) = (r.key.last(), r.gender) {
                by_last.entry(last.to_string()).or_insert(g);
            }
        }
        for r in &mut runs {
            r.name_gender = last_key_word_of(&r.key).and_then(|l| by_last.get(&*l).copied());
        }
        let persons = entities
            .iter()
            .filter(|en| en.label == EntityLabel::Person)
            .map(|en| (Key::of(en.span.slice(text)), en.span))
            .filter(|(k, _)| !k.is_empty())
            .collect();
        let orgs = entities
            .iter()
            .filter(|en| en.label == EntityLabel::Org)
            .map(|en| en.span)
            .collect();
        Names {
            runs,
            persons,
            orgs,
            by_last,
            article: names::ArticleNames::build(text, entities),
            cache: RefCell::default(),
            labels: RefCell::default(),
        }
    }

    /// The most complete name whose last words are `core`'s (`Putin` → `Vladimir Putin`).
    fn complete(&self, text: &str, core: &str) -> (Rc<str>, bool) {
        if let Some(hit) = self.cache.borrow().get(core) {
            return hit.clone();
        }
        let (name, person) = self.complete_uncached(text, core);
        let found: (Rc<str>, bool) = (name.into(), person);
        self.cache
            .borrow_mut()
            .insert(core.to_string(), found.clone());
        found
    }

    fn complete_uncached(&self, text: &str, core: &str) -> (String, bool) {
        let (name, person) = self.complete_run(text, core);
        // The article's name index (entity forms, folded spellings, first
        // names) wins when it knows a more complete form.
        let core_key = names::fold_key(core);
        match self
            .article
            .full_name_for_key(&core_key)
            .map(trim_description)
        {
            // The index knows no more than the run: nothing to weigh.
            Some(full) if full == name => (full, person),
            Some(full) => {
                let mine = if name == core {
                    core_key
                } else {
                    names::fold_key(name)
                };
                let theirs = names::fold_key(&full);
                // `Sir Digby` → `Digby Jones`: a lone given name no run of
                // the article ends with is the first name of the full form.
                let given = mine.len() == 1
                    && theirs.first() == mine.first()
                    && Key::of(name).len() == Key::of(core).len()
                    && self.article.is_person(&full);
                if theirs.len() > mine.len() && (theirs.last() == mine.last() || given) {
                    (full, person)
                } else {
                    (name.to_string(), person)
                }
            }
            None => (name.to_string(), person),
        }
    }

    /// The most complete capitalised run ending with `core`'s words.
    fn complete_run<'t>(&self, text: &'t str, core: &'t str) -> (&'t str, bool) {
        let key = Key::of(core);
        if key.is_empty() {
            return (core, false);
        }
        let h = key.last().map_or(0, word_hash);
        let mut best: Option<&NameRun> = None;
        for r in &self.runs {
            if r.last_hash == h && r.key.ends_with(&key) {
                // Longest first; among equals, the form the recogniser calls a
                // person (`Tim Henman` over a sentence-initial `Classy Henman`).
                let better = best.is_none_or(|b| {
                    r.key.len() > b.key.len()
                        || (r.key.len() == b.key.len()
                            && self.is_person_form(&r.key)
                            && !self.is_person_form(&b.key))
                });
                if better {
                    best = Some(r);
                }
            }
        }
        match best {
            Some(r) => {
                let same = || {
                    self.runs
                        .iter()
                        .filter(|o| o.last_hash == h && o.key.ends_with(&key))
                };
                let labelled = same().find_map(|o| o.label);
                let person = match labelled {
                    Some(l) => l == EntityLabel::Person,
                    None => r.key.len() >= 2 || same().any(|o| o.titled),
                };
                (r.name.slice(text), person)
            }
            None => (core, false),
        }
    }

    fn is_person_form(&self, key: &Key) -> bool {
        self.persons.iter().any(|(k, _)| k == key)
    }

    /// The gender the article shows for a name (`Mrs Smith`, `spokeswoman Ann Lee`).
    pub fn gender(&self, name: &str) -> Option<Gender> {
        self.by_last.get(&last_key_word(name)?).copied()
    }

    /// The latest name before `pos` written with the role `role`.
    fn with_role(&self, role: &str, pos: usize) -> Option<&NameRun> {
        let rk = role_key(role);
        self.runs
            .iter()
            .take_while(|r| r.start < pos)
            .filter(|r| r.roles.contains(&rk))
            .last()
    }

    /// The first name after `pos` written with the role `role`.
    fn with_role_after(&self, role: &str, pos: usize) -> Option<&NameRun> {
        let rk = role_key(role);
        let from = self.runs.partition_point(|r| r.start <= pos);
        self.runs[from..].iter().find(|r| r.roles.contains(&rk))
    }

    /// The entity label of the runs written exactly as `name`.
    fn label_of(&self, name: &str) -> Option<EntityLabel> {
        if let Some(hit) = self.labels.borrow().get(name) {
            return *hit;
        }
        let found = self.label_of_uncached(name);
        self.labels.borrow_mut().insert(name.to_string(), found);
        found
    }

    fn label_of_uncached(&self, name: &str) -> Option<EntityLabel> {
        let key = Key::of(name);
        let h = key.last().map_or(0, word_hash);
        self.runs
            .iter()
            .filter(|r| r.last_hash == h && r.key == key)
            .find_map(|r| r.label)
    }

    /// The latest name before `pos` with the word `w` (`League`).
    fn with_word(&self, w: &str, pos: usize) -> Option<&NameRun> {
        let lw = Lower::unicode(w);
        self.runs
            .iter()
            .take_while(|r| r.start < pos)
            .filter(|r| r.key.has_word(&lw))
            .last()
    }

    /// The latest organisation found before `pos` whose name has the word
    /// `head` (`the ministry` → `Ministry of Energy and Mines`).
    fn org_with_word<'t>(&self, text: &'t str, head: &str, pos: usize) -> Option<&'t str> {
        self.orgs
            .iter()
            .take_while(|o| o.end <= pos)
            .map(|o| o.slice(text))
            .filter(|n| n.split_whitespace().any(|w| w.eq_ignore_ascii_case(head)))
            .last()
    }

    /// The organisation found whose initials are `short` and whose name has
    /// the word `head` (`FAO` for `Food & Agriculture Organisation`).
    fn acronym_with_word<'t>(&self, text: &'t str, head: &str, short: &str) -> Option<&'t str> {
        if short.len() < 2 || !short.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        self.orgs.iter().map(|o| o.slice(text)).find(|n| {
            n.split_whitespace().any(|w| w.eq_ignore_ascii_case(head))
                && n.split_whitespace()
                    .filter_map(|w| w.chars().next())
                    .filter(|c| c.is_uppercase())
                    .eq(short.chars())
        })
    }

    /// The latest organisation-like name before `pos` (`Acme Holdings`).
    fn org_before(&self, text: &str, pos: usize) -> Option<&NameRun> {
        self.runs
            .iter()
            .take_while(|r| r.start < pos)
            .filter(|r| {
                let name = r.name.slice(text);
                // `an analyst at Acme Securities`: someone's workplace, not the subject.
                let workplace = text
                    .get(..r.start)
                    .is_some_and(|b| b.trim_end().ends_with(" at"));
                !workplace
                    && name
                        .split_whitespace()
                        .last()
                        .is_some_and(words::is_org_word)
            })
            .last()
    }

    /// The latest likely person named before `pos`.
    fn person_before(&self, pos: usize, want: Option<Gender>) -> Option<&NameRun> {
        self.runs
            .iter()
            .take_while(|r| r.start < pos)
            .filter(|r| match r.label {
                Some(l) => l == EntityLabel::Person,
                None => r.titled || r.key.len() >= 2,
            })
            .filter(|r| {
                let g = r.name_gender;
                want.is_none() || g.is_none() || g == want
            })
            .last()
    }
}

/// The state carried through an article: the last speakers seen.
#[derive(Debug, Default)]
pub struct Tracker {
    /// Unnamed sources by their role word (`spokesman` → `Treasury spokesman`),
    /// so that a later `the spokesman` is the same source.
    by_role: HashMap<String, Rc<str>, WordBuild>,
    last_person: Option<Rc<str>>,
    /// Recent persons with the gender the article shows for them, latest last.
    persons: Vec<(Rc<str>, Option<Gender>)>,
    /// Where the unit that last named a person ends.
    noted_at: usize,
    last_any: Option<Speaker>,
    /// Organisations named as speakers or sentence subjects, latest last,
    /// with where they were named: what `it` and `the company` refer to.
    orgs: Vec<(Rc<str>, usize, bool)>,
    /// Where the current paragraph starts.
    para_start: usize,
    /// An unnamed voice (`a company spokesman`) that spoke after the last
    /// person named, with the gender its role word shows: who a following
    /// `he said` most likely means.
    voice: Option<(Rc<str>, Option<Gender>)>,
}

impl Tracker {
    fn note(&mut self, s: &Speaker, names: &Names) {
        if let Some(last) = s.name.split_whitespace().last()
            && last.starts_with(char::is_lowercase)
            && words::is_role_noun(last)
            && s.name.contains(' ')
        {
            self.by_role.insert(role_key(last), s.name.clone());
        }
        if s.person && !indefinite(&s.name) {
            self.voice = None;
            self.last_person = Some(s.name.clone());
            self.persons.retain(|(n, _)| *n != s.name);
            self.persons.push((s.name.clone(), names.gender(&s.name)));
        }
        self.last_any = Some(s.clone());
    }

    /// Records a named organisation (a speaker or a sentence subject): a
    /// speaker not taken for a person, or a name the recogniser calls an
    /// organisation.
    fn note_org(&mut self, s: &Speaker, names: &Names, at: usize, spoke: bool) {
        if !s.name.starts_with(char::is_uppercase) {
            return;
        }
        let org_word = || {
            s.name.split_whitespace().any(|w| {
                tokens::is_capitalised(w) && words::is_org_word(tokens::strip_possessive(w))
            })
        };
        // A speaker taken for a person is looked up only when its name could
        // be an organisation's: not opening with a given name.
        let maybe_org = || {
            s.name
                .split_whitespace()
                .next()
                .is_some_and(|f| !lexicon().is_given_name(f))
        };
        let org = if s.person {
            maybe_org() && names.label_of(&s.name) == Some(EntityLabel::Org)
        } else {
            org_word() || names.label_of(&s.name) == Some(EntityLabel::Org)
        };
        if org {
            self.orgs.retain(|(n, _, _)| *n != s.name);
            self.orgs.push((s.name.clone(), at, spoke));
        }
    }

    /// The organisation `the <head>` most likely means: the latest one whose
    /// name has that word (`the federation` → `Federation of Small
    /// Businesses`), else for a generic head the latest one named, unless
    /// a name run ending in an organisation word came later.
    fn org_for(&self, head: &str, names: &Names, text: &str, pos: usize) -> Option<Rc<str>> {
        let has_head = |n: &str| {
            n.split_whitespace()
                .any(|w| tokens::strip_possessive(w).eq_ignore_ascii_case(head))
        };
        // A name the recogniser found whole (`Ministry of Energy and Mines`)
        // where only its opening was tracked, or nothing.
        let found = names.org_with_word(text, head, pos);
        // (`the organisation` after `the FAO has urged the World Trade
        // Organisation`: the one tracked under its initials, in full.)
        for (n, _, _) in self.orgs.iter().rev() {
            if has_head(n) {
                break;
            }
            if let Some(full) = names.acronym_with_word(text, head, n) {
                return Some(Rc::from(full));
            }
        }
        if let Some((n, _, _)) = self.orgs.iter().rev().find(|(n, _, _)| has_head(n)) {
            return match found {
                Some(f) if f.len() > n.len() && f.starts_with(&**n) => Some(Rc::from(f)),
                _ => Some(n.clone()),
            };
        }
        if let Some(f) = found {
            return Some(Rc::from(f));
        }
        if let Some(r) = names.with_word(head, pos) {
            return Some(names.complete(text, r.name.slice(text)).0);
        }
        if !head_is_role_org(head) && !lexicon().is_org_role(head) {
            return None;
        }
        let run = names.org_before(text, pos);
        match (self.orgs.last(), run) {
            (Some((_, at, _)), Some(r)) if r.start > *at => Some(Rc::from(r.name.slice(text))),
            (Some((n, _, _)), _) => Some(n.clone()),
            (None, r) => r.map(|r| Rc::from(r.name.slice(text))),
        }
    }

    /// `A company spokesman said`, `Ann Bell's spokesman declined …`: an
    /// unnamed voice that a later `he` or `she` may mean. Only a voice role
    /// (`the Kremlin chief` is a person the article may name).
    fn note_voice(&mut self, text: &str, toks: &[Tok], (a, b): (usize, usize), s: &Speaker) {
        let head = toks[b - 1].word(text);
        if !s.person && b - a >= 2 && head.starts_with("spokes") && words::is_role_noun(head) {
            self.voice = Some((s.name.clone(), gender_of_word(head)));
        }
        // `A Treasury spokesman said …. The spokesman added`: the body
        // named for its voice is who the bare role means next.
        if b - a >= 2 && head.starts_with("spokes") && s.name.starts_with(char::is_uppercase) {
            self.by_role.insert(role_key(head), s.name.clone());
        }
    }

    /// Records a person named as a sentence subject, for later pronouns.
    fn note_mention(&mut self, s: &Speaker, names: &Names) {
        // `Everyone on the street …`: no one a later `she` means.
        if indefinite(&s.name) {
            return;
        }
        self.voice = None;
        self.persons.retain(|(n, _)| *n != s.name);
        self.persons.push((s.name.clone(), names.gender(&s.name)));
    }

    /// The latest person a pronoun of gender `want` can refer to.
    fn person_for(&self, want: Option<Gender>) -> Option<Rc<str>> {
        self.persons
            .iter()
            .rev()
            .find(|(_, g)| want.is_none() || g.is_none() || *g == want)
            .map(|(n, _)| n.clone())
    }
}

/// Names the speaker that the noun phrase `np` (tokens) refers to.
pub fn resolve(
    text: &str,
    toks: &[Tok],
    np: (usize, usize),
    names: &Names,
    tracker: &Tracker,
) -> Option<Speaker> {
    let (a, mut b) = np;
    // Past the last token a word is empty, so that rules looking one word
    // ahead of a phrase at the end of a line (`Our Bureau`) see nothing.
    let w = |k: usize| toks.get(k).map_or("", |t| t.word(text));
    // `Ann Lowe of Acme Research`: the person, not where she works.
    if let Some(k) = (a + 1..b).find(|&k| {
        let prev = w(k - 1);
        w(k) == "of"
            && tokens::is_capitalised(prev)
            && !words::is_org_word(prev)
            && !words::is_title(prev)
            && !words::is_role_noun(prev)
    }) {
        b = k;
    }
    // `the mayor's office`: an unnamed source described by its owner, in the
    // article's words.
    let role_at = if tokens::is_determiner(w(a)) {
        a + 1
    } else {
        a
    };
    let owned = role_at + 1 < b
        && {
            let x = w(role_at);
            x.starts_with(char::is_lowercase) && tokens::is_possessive(x)
        }
        && (role_at..b).all(|k| !tokens::is_capitalised(w(k)));
    if owned {
        let span = Span::new(toks[role_at].span.start, toks[b - 1].span.end);
        return Some(Speaker {
            name: Rc::from(span.slice(text)),
            person: true,
        });
    }
    // `Prime Minister Ann Bell's official spokesman`: a voice of the named
    // person, not the person; written in the article's words.
    if let Some(p) = (a..b - 1).rev().find(|&k| tokens::is_possessive(w(k)))
        && tokens::is_capitalised(w(p))
        && p + 1 < b
        && (p + 1..b).all(|k| w(k).starts_with(char::is_lowercase))
        && {
            let head = w(b - 1);
            words::is_role_noun(head) && Lower::unicode(head).starts_with("spokes")
        }
    {
        let s = if tokens::is_determiner(w(a)) {
            a + 1
        } else {
            a
        };
        let span = Span::new(toks[s].span.start, toks[b - 1].span.end);
        return Some(Speaker {
            name: Rc::from(span.slice(text)),
            person: false,
        });
    }
    let pos = toks[a].span.start;
    if b - a == 1 && (words::is_pronoun(w(a)) || matches!(w(a), "him" | "her" | "them")) {
        // `according to him`: the object form stands for the subject's.
        let lw = match Lower::unicode(w(a)).as_str() {
            "him" => Lower::ascii("he"),
            "her" => Lower::ascii("she"),
            "them" => Lower::ascii("they"),
            _ => Lower::unicode(w(a)),
        };
        let want = match lw.as_str() {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        };
        // `A company spokesman said …. "…," he said.`: the unnamed voice.
        if let Some((name, g)) = &tracker.voice
            && matches!(lw.as_str(), "he" | "she")
            && (g.is_none() || *g == want)
        {
            return Some(Speaker {
                name: name.clone(),
                person: false,
            });
        }
        // A person introduced with a title or role after the last speaker
        // (`For analyst Ann Bell, the plan …. "…," she said`) is nearer.
        // (`Mr Lee has failed, he said`: a person named in the statement a
        // trailing cue ends is the one spoken about.)
        let trailing =
            a > 0 && (toks[a - 1].is_punct(',') || matches!(toks[a - 1].kind, TokKind::Quote(_)));
        let unit_start = toks.first().map_or(0, |t| t.span.start);
        if matches!(lw.as_str(), "he" | "she")
            && let Some(r) = names.person_before(pos, want)
            && r.titled
            && r.label == Some(EntityLabel::Person)
            && r.start > tracker.noted_at
            && !(trailing && r.start >= unit_start)
        {
            let name = names.complete(text, r.name.slice(text)).0;
            return Some(Speaker { name, person: true });
        }
        return match lw.as_str() {
            "he" | "she" | "i" => tracker
                .person_for(want)
                .or_else(|| {
                    names
                        .person_before(pos, want)
                        .map(|r| names.complete(text, r.name.slice(text)).0)
                })
                .map(|name| Speaker { name, person: true }),
            // `it said`: an organisation, never a person.
            // The organisation named in this paragraph, else the last one
            // that spoke.
            "it" => tracker
                .orgs
                .iter()
                .rev()
                .find(|(_, at, spoke)| *at >= tracker.para_start || *spoke)
                .map(|(name, _, _)| Speaker {
                    name: name.clone(),
                    person: false,
                })
                .or_else(|| tracker.last_any.clone().filter(|s| !s.person)),
            _ => tracker.last_any.clone(),
        };
    }
    let head = w(b - 1);
    // `The Leeds-based …` cut before its noun: an adjective names no one.
    if tokens::is_name_adjective(head) {
        return None;
    }
    // `South Korea's trade ministry`: an unnamed body of a named owner, in
    // the article's words.
    if is_body_head(head)
        && let Some(p) =
            (a..b - 1).find(|&k| tokens::is_capitalised(w(k)) && tokens::is_possessive(w(k)))
        && !names.complete(text, tokens::strip_possessive(w(p))).1
    {
        let first = (a..=p)
            .find(|&k| tokens::is_capitalised(w(k)) && !tokens::is_determiner(w(k)))
            .unwrap_or(p);
        return Some(Speaker {
            name: Rc::from(Span::new(toks[first].span.start, toks[b - 1].span.end).slice(text)),
            person: false,
        });
    }
    // `the federation`, `the company`: the organisation named before.
    // (`The federation said` opens a sentence with a capital; a name
    // written before with that role, `Acme, the group …`, comes first.)
    if is_org_head(head)
        && head.starts_with(char::is_lowercase)
        && (a..b).all(|k| !tokens::is_capitalised(w(k)) || tokens::is_determiner(w(k)))
        && let Some(name) = if tokens::is_capitalised(w(a)) {
            names
                .with_role(head, pos)
                .map(|r| names.complete(text, r.name.slice(text)).0)
                .or_else(|| tracker.org_for(head, names, text, pos))
        } else {
            tracker.org_for(head, names, text, pos)
        }
    {
        return Some(Speaker {
            name,
            person: false,
        });
    }
    // `Minister warns …` in a headline: a bare title is not a name; it is
    // the holder of that role named before, or in a headline after.
    // (`Analysts say`: a plural group is no title.)
    if !words::is_group_noun(head)
        && (a..b).all(|k| {
            let x = w(k);
            tokens::is_capitalised(x) && (words::is_title(x) || words::is_role_noun(x))
        })
    {
        return names
            .with_role(head, pos)
            .or_else(|| {
                names
                    .with_role(head, usize::MAX)
                    .filter(|_| pos < first_para_end(text))
            })
            .map(|r| Speaker {
                name: names.complete(text, r.name.slice(text)).0,
                person: true,
            });
    }
    // `the Frenchman`, `the American`: a nationality for the person last speaking.
    if b - a == 2
        && tokens::is_determiner(w(a))
        && words::is_demonym(head)
        // Else the person last named as a subject.
        && let Some(name) = tracker
            .last_person
            .clone()
            .or_else(|| tracker.person_for(None))
    {
        return Some(Speaker { name, person: true });
    }
    // An unnamed group: `US officials`, `legal experts`, `a committee of MPs`.
    if words::is_group_noun(head)
        && (head.starts_with(char::is_lowercase)
            || (a..b - 1).all(|k| !tokens::is_capitalised(w(k))))
    {
        let s = if tokens::is_determiner(w(a)) {
            a + 1
        } else {
            a
        };
        if s < b {
            let span = Span::new(toks[s].span.start, toks[b - 1].span.end);
            return Some(Speaker {
                name: Rc::from(span.slice(text)),
                person: false,
            });
        }
    }
    // The last capitalised run of the phrase, titles stripped.
    let mut run_end = None;
    // Brackets still open when walking back (`the Green Path (Jol) party`):
    // a gloss, not the name.
    let mut open = 0;
    for k in (a..b).rev() {
        if toks[k].is_punct(')') {
            open += 1;
        } else if toks[k].is_punct('(') {
            open -= 1;
        }
        if open > 0 || toks[k].is_punct('(') {
            continue;
        }
        let x = w(k);
        // A name may end in a word that is elsewhere a function word (`Theresa May`).
        let named = k > a
            && tokens::is_capitalised(w(k - 1))
            && !words::is_title(w(k - 1))
            && !tokens::is_determiner(x);
        if tokens::is_capitalised(x)
            && (named || !words::is_function_word(x))
            && !tokens::is_name_adjective(x)
        {
            run_end = Some(k + 1);
            break;
        }
    }
    let run = run_end.and_then(|e| {
        let mut s = e - 1;
        while s > a && {
            let x = w(s - 1);
            // `Harlow & Finch`: an ampersand inside a name.
            let amp = toks[s - 1].is_punct('&') && s - 1 > a && tokens::is_capitalised(w(s - 2));
            // `Ann J. Bell`: the full stop of a middle initial.
            let initial = toks[s - 1].is_punct('.') && s - 1 > a && reported::is_initial(w(s - 2));
            // `Department for Business and Trade`: `and` inside a name
            // linked by `of` or `for` to an organisation word.
            // (`Department for Media, Culture and Sport`: a list with commas.)
            let and_at = (s - 1..b).find(|&k| w(k) == "and");
            let and = (x == "and" || toks[s - 1].is_punct(','))
                && s - 1 > a
                && tokens::is_capitalised(w(s - 2))
                && and_at.is_some_and(|n| !(n..b).any(|k| words::is_org_word(w(k))))
                && (a + 1..s - 1).any(|k| {
                    matches!(w(k), "of" | "for")
                        && words::is_org_word(w(k - 1))
                        && (k + 1..s - 1)
                            .all(|m| tokens::is_capitalised(w(m)) || toks[m].is_punct(','))
                });
            // `Ministry of Commerce`, `Institute for Fiscal Studies`; not `Ann Lee of Acme`.
            // (Capitalised: `a spokesman for Acme` is Acme's voice.)
            let linking = matches!(x, "of" | "for")
                && s - 1 > a
                && tokens::is_capitalised(w(s - 2))
                && (words::is_org_word(w(s - 2)) || words::is_title(w(s - 2)));
            // `The High Court`: a capitalised common word after the
            // article inside an organisation's name.
            let inner_word = tokens::is_capitalised(x)
                && !tokens::is_determiner(x)
                && s - 1 > a
                && tokens::is_determiner(w(s - 2))
                && words::is_org_word(w(e - 1));
            ((tokens::is_capitalised(x) || tokens::is_name_particle(x))
                && !tokens::is_possessive(x)
                && !words::is_function_word(x)
                && !tokens::is_name_adjective(x))
                || inner_word
                || linking
                || amp
                || initial
                || and
        } {
            s -= 1;
        }
        let mut ns = s;
        // `Department for Business and Trade`: an organisation word heading
        // the run with `of` or `for` keeps the office words after it.
        let org_named = words::is_org_word(w(s)) && matches!(w(s + 1), "of" | "for");
        for k in s..e {
            // `Department of Homeland Security` keeps its head word.
            let heads_name = k + 1 < e && matches!(w(k + 1), "of" | "for");
            // `the State Department`, `a Treasury spokesman`: an office word
            // naming a body, not a title.
            let body = (k + 1 < e && words::is_org_word(w(k + 1)))
                || (k + 1 == e
                    && e + 1 == b
                    && head.starts_with(char::is_lowercase)
                    && Lower::unicode(head).starts_with("spokes"));
            if (words::is_title(w(k)) || words::is_role_noun(w(k)))
                && !heads_name
                && !org_named
                && !body
            {
                ns = k + 1;
            }
        }
        // A nationality before a title or a given name (`Russian President …`),
        // but not inside a name (`British Airways`).
        while ns + 1 < e && words::is_demonym(w(ns)) && {
            let next = w(ns + 1);
            words::is_title(next) || lexicon().is_given_name(next) || words::is_demonym(next)
        } {
            ns += 1;
        }
        if ns + 1 == e && ns == s && words::is_demonym(w(ns)) {
            ns += 1;
        }
        (ns < e).then_some((ns, e, ns > s))
    });
    // `the survey found`: a study with no named author speaks in the
    // article's words, not for the person last named.
    if run.is_none() && reported::is_finding_head(head) {
        let s = if tokens::is_determiner(w(a)) {
            a + 1
        } else {
            a
        };
        return Some(Speaker {
            name: Rc::from(Span::new(toks[s].span.start, toks[b - 1].span.end).slice(text)),
            person: false,
        });
    }
    let head_is_role = head.starts_with(char::is_lowercase) && words::is_role_noun(head);
    // `the two-time champion`, `the 39-year-old`: a description of the person last named.
    let descriptive = b - a >= 2
        && w(a).eq_ignore_ascii_case("the")
        && head.starts_with(|c: char| c.is_lowercase() || c.is_numeric())
        && !head_is_role
        && !head.ends_with("ed")
        && !words::is_cue_verb(head)
        && !words::is_group_noun(head)
        && !(a..b).any(|k| tokens::is_possessive(w(k)))
        // `the Acme radio station`: a named organisation, not a person described.
        && !(is_org_head(head) && (a + 1..b).any(|k| tokens::is_capitalised(w(k))));
    if descriptive
        && let Some(name) = tracker
            .last_person
            .clone()
            .or_else(|| tracker.person_for(None))
    {
        return Some(Speaker { name, person: true });
    }
    // `one Leeds trader`: a trade placed by a town speaks for no one of
    // that town; an unnamed source in the article's words.
    if head_is_role
        && words::is_trade_noun(head)
        && let Some((s, e, _)) = run
        && e + 1 == b
        && names.label_of(Span::new(toks[s].span.start, toks[e - 1].span.end).slice(text))
            == Some(EntityLabel::Place)
    {
        return Some(Speaker {
            name: Rc::from(Span::new(toks[s].span.start, toks[b - 1].span.end).slice(text)),
            person: true,
        });
    }
    if head_is_role || run.is_none() {
        // `the spokesman`, `a Kremlin spokesman`: the person named with that role before.
        if let Some(r) = names.with_role(head, pos) {
            let (name, _) = names.complete(text, r.name.slice(text));
            return Some(Speaker { name, person: true });
        }
        // `the UN envoy who chaired them said`, `UN envoy says` in a
        // headline: before anyone else is named, one definite holder of
        // the role is the one the article names next with it (not a
        // spokesman, one of many).
        if head_is_role
            && !Lower::unicode(head).starts_with("spokes")
            && !head_is_role_org(head)
            && !lexicon().is_org_role(head)
            && (w(a).eq_ignore_ascii_case("the") || pos < first_para_end(text))
            && let Some(r) = names.with_role_after(head, pos)
        {
            let (name, _) = names.complete(text, r.name.slice(text));
            if tracker.persons.iter().all(|(p, _)| *p == name) {
                return Some(Speaker { name, person: true });
            }
        }
    }
    // (`the French foreign ministry`: a nationality names whose public
    // body it is, in the article's words.)
    if run.is_none()
        && head_is_role_org(head)
        && !(is_body_head(head) && (a..b).any(|k| words::is_demonym(w(k))))
        && let Some(r) = names.org_before(text, pos)
    {
        return Some(Speaker {
            name: Rc::from(r.name.slice(text)),
            person: false,
        });
    }
    // `the veteran striker`: a role with no name given refers to the person last named.
    let spokes = Lower::unicode(head).starts_with("spokes");
    if run.is_none()
        && head_is_role
        && !spokes
        && !head_is_role_org(head)
        && !lexicon().is_org_role(head)
        && w(a).eq_ignore_ascii_case("the")
        && b - a >= 2
        // `the Leeds-born actor`: an adjective made from a name is a description.
        && (a + 1..b).all(|k| {
            let x = w(k);
            x.starts_with(|c: char| !c.is_uppercase()) || tokens::is_name_adjective(x)
        })
        // Such a person's description may also mean the person last named
        // as a subject.
        && let Some(name) = tracker.last_person.clone().or_else(|| {
            (a + 1..b)
                .any(|k| tokens::is_name_adjective(w(k)))
                .then(|| tracker.person_for(None))
                .flatten()
        })
    {
        return Some(Speaker { name, person: true });
    }
    if let Some((s, e, titled)) = run {
        let core = Span::new(toks[s].span.start, toks[e - 1].span.end).slice(text);
        let core = tokens::strip_possessive(core);
        let (name, person) = names.complete(text, core);
        // `the Brit Awards`: a name after an article is not a person's.
        let article = s > a && matches!(Lower::ascii(w(s - 1)).as_str(), "the" | "a" | "an");
        // `a Department for Work spokeswoman`: the body speaks through a
        // person, whom a later `she` means.
        // (`the party's leader` is a person of the party, not its voice.)
        let through_person = head_is_role
            && !lexicon().is_org_role(head)
            && !tokens::is_possessive(w(e - 1))
            && !looks_personal(&name);
        // `…, Prof. Ann Bell, said`: a title written just before the phrase
        // (`Prof.`, `(Dr.)`) makes it a person's name.
        let titled = titled || (s == a && title_before(text, toks, a));
        let person = (person || titled || through_person || looks_personal(&name))
            && !head_is_role_org(head)
            && (titled || through_person || !article);
        return Some(Speaker { name, person });
    }
    // `the statement said`: the source that last issued one.
    if run.is_none()
        && matches!(
            Lower::ascii(head).as_str(),
            "statement" | "letter" | "communique" | "release"
        )
        && let Some(last) = tracker.last_any.clone()
    {
        return Some(last);
    }
    // An unnamed source in the article's words, without the article; a bare
    // role (`the spokesman`) is the source last written with that role.
    if b - a <= 2
        && head_is_role
        && let Some(name) = tracker.by_role.get(&role_key(head))
    {
        return Some(Speaker {
            name: name.clone(),
            person: !head_is_role_org(head),
        });
    }
    let s = if tokens::is_determiner(w(a)) {
        a + 1
    } else {
        a
    };
    (s < b).then(|| Speaker {
        name: Rc::from(Span::new(toks[s].span.start, toks[b - 1].span.end).slice(text)),
        person: !head_is_role_org(head),
    })
}

/// True when a title ends right before token `a`: `Prof. `, `Dr `, `(Dr.) `.
fn title_before(text: &str, toks: &[Tok], a: usize) -> bool {
    let w = |k: usize| toks.get(k).map_or("", |t| t.word(text));
    let mut k = a;
    if k > 0 && toks[k - 1].is_punct(')') {
        k -= 1;
    }
    if k > 0 && toks[k - 1].is_punct('.') {
        k -= 1;
    }
    k > 0 && tokens::is_capitalised(w(k - 1)) && words::is_title(w(k - 1))
}

/// A name without a description before its given name (`Exchequer Gordon
/// Brown` → `Gordon Brown`) or a title word.
fn trim_description(name: &str) -> String {
    let lex = lexicon();
    let ws: Vec<&str> = name.split_whitespace().collect();
    let after_title = ws
        .iter()
        .rposition(|w| {
            let c = WordClass::of(w);
            c.is_title() || c.is_role_noun()
        })
        .map_or(0, |k| k + 1);
    let start = ws
        .iter()
        .skip(after_title)
        .position(|w| lex.is_given_name(w))
        .map_or(after_title, |k| k + after_title);
    if start >= ws.len() {
        return name.to_string();
    }
    ws[start..].join(" ")
}

/// A name that is not evidently an organisation: no acronym, no organisation word.
fn looks_personal(name: &str) -> bool {
    name.split_whitespace().all(|w| {
        let acronym = w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic());
        !acronym && !words::is_org_word(w)
    })
}

/// Where the first paragraph (the headline) ends.
fn first_para_end(text: &str) -> usize {
    text.find("\n\n").unwrap_or(text.len())
}

/// A lower-case noun for a public body that a named owner has
/// (`South Korea's trade ministry`); statements and reports are not bodies.
fn is_body_head(w: &str) -> bool {
    matches!(
        w,
        "ministry"
            | "department"
            | "government"
            | "committee"
            | "commission"
            | "council"
            | "agency"
            | "authority"
            | "regulator"
            | "watchdog"
            | "federation"
            | "league"
            | "association"
            | "union"
            | "institute"
    )
}

/// A noun that names an organisation when written without its name
/// (`the company`, `the federation`, `the league`).
fn is_org_head(w: &str) -> bool {
    head_is_role_org(w)
        || lexicon().is_org_role(w)
        || matches!(
            Lower::ascii(w).as_str(),
            "federation"
                | "league"
                | "alliance"
                | "association"
                | "department"
                | "institute"
                | "committee"
                | "commission"
                | "authority"
                | "foundation"
                | "exchange"
                | "station"
        )
}

fn head_is_role_org(head: &str) -> bool {
    matches!(
        Lower::unicode(head).as_str(),
        "firm"
            | "company"
            | "group"
            | "bank"
            | "agency"
            | "ministry"
            | "government"
            | "statement"
            | "report"
            | "paper"
            | "newspaper"
            | "council"
            | "party"
            | "club"
            | "team"
    )
}

/// Everything attribution produces for one article.
#[derive(Debug, Default)]
pub struct Attribution {
    /// Kind and speaker of each quotation, in the order of the input quotations.
    pub quotes: Vec<(QuoteKind, Option<String>)>,
    /// Reported statements: content span and speaker.
    pub indirect: Vec<(Span, Option<String>)>,
}

/// A clause unit: a sentence widened so that no quotation crosses it.
#[derive(Debug, Clone, Copy)]
pub struct Unit {
    pub span: Span,
    pub para: usize,
}

/// Attributes every quotation and finds reported statements. `article_toks`
/// are the tokens of the whole text with no quotation folded (as `Names::build`
/// takes them): a unit no quotation touches reuses its share of them.
pub fn attribute(
    text: &str,
    units: &[Unit],
    found: &[QuoteSpan],
    names: &Names,
    article_toks: &[Tok],
) -> Attribution {
    let mut out = Attribution {
        quotes: vec![(QuoteKind::Direct, None); found.len()],
        indirect: Vec::new(),
    };
    let outer: Vec<(usize, Span)> = found
        .iter()
        .enumerate()
        .map(|(i, q)| (i, q.outer()))
        .collect();
    let mut tracker = Tracker::default();
    let mut unit_toks = Vec::with_capacity(64);
    // Per paragraph: the last speaker of a quotation or statement.
    let mut para_last: Option<(usize, Speaker)> = None;
    let mut prev_para_last: Option<(usize, Speaker)> = None;
    let mut last_quote_speaker: Option<(usize, Option<Rc<str>>)> = None;
    for unit in units {
        if para_last.as_ref().is_some_and(|(p, _)| *p != unit.para) {
            prev_para_last = para_last.take();
        }
        tracker.para_start = unit_para_start(units, unit);
        let toks = match article_share(text, unit.span, &outer, article_toks) {
            Some(share) => share,
            None => {
                unit_toks.clear();
                tokens::tokenize(text, unit.span, &outer, &mut unit_toks);
                &unit_toks[..]
            }
        };
        let mut cues = reported::find_cues(text, toks);
        // `I think the plan is wrong` in the reporter's own words (a
        // column, a reader's comment) is no one's statement the article
        // names: `I` and `we` stand for a speaker only beside a quotation.
        if cues
            .iter()
            .any(|c| c.subject.is_some_and(|np| first_person(text, toks, np)))
            && !toks.iter().any(|t| matches!(t.kind, TokKind::Quote(_)))
        {
            cues.retain(|c| !c.subject.is_some_and(|np| first_person(text, toks, np)));
        }
        let mut speakers: Vec<Option<Speaker>> = Vec::with_capacity(cues.len());
        for cue in &cues {
            let sp = cue.subject.and_then(|np| {
                it_for_subject(text, toks, cue, np, names, &tracker)
                    .or_else(|| resolve(text, toks, np, names, &tracker))
            });
            if let Some(s) = &sp {
                tracker.note_org(s, names, unit.span.start, true);
                tracker.note(s, names);
                if let Some(np) = cue.subject {
                    tracker.note_voice(text, toks, np, s);
                }
                tracker.noted_at = unit.span.end;
                para_last = Some((unit.para, s.clone()));
            }
            speakers.push(sp);
        }
        // `X said he had met Y, who told him …`: the speaker of a relative
        // clause is not who a later `he` most likely means; the main
        // clause's speaker is.
        let relative = |c: &Cue| {
            c.subject.is_some_and(|(_, e)| {
                let at = |k: usize| toks.get(k).map_or("", |t| t.word(text));
                matches!(at(e), "who" | "which")
                    || (toks.get(e).is_some_and(|t| t.is_punct(','))
                        && matches!(at(e + 1), "who" | "which"))
            })
        };
        if cues.iter().any(relative)
            && let Some(main) = cues
                .iter()
                .zip(&speakers)
                .find(|(c, _)| !relative(c))
                .and_then(|(_, s)| s.as_ref())
                .filter(|s| s.person)
        {
            tracker.note(main, names);
        }
        for (k, cue) in cues.iter().enumerate() {
            // `described it as "a historic day …"`: the quoted words are the
            // characterisation the statement reports.
            let describes = toks[cue.at].word(text).starts_with("describ");
            if let Some(content) = cue.content
                && (describes || !mostly_quoted(text, content, &outer))
                && !(unit.para == 0 && headline_act(text, toks, cue))
            {
                out.indirect
                    .push((content, speakers[k].as_ref().map(|s| s.name.to_string())));
            }
        }
        for (qt, tok) in toks.iter().enumerate() {
            let TokKind::Quote(qi) = tok.kind else {
                continue;
            };
            let q = &found[qi];
            let cue = pick_cue(toks, qt, &cues);
            let has_after = cue.is_some_and(|c| cues[c].at > qt);
            let kind = quotes::kind_of(text, toks, qt, q, !cues.is_empty(), has_after);
            let speaker: Option<Rc<str>> = if kind == QuoteKind::Term {
                None
            } else if let Some(c) = cue {
                speakers[c].as_ref().map(|s| s.name.clone())
            } else if q.continues {
                last_quote_speaker.as_ref().and_then(|(_, s)| s.clone())
            } else if let Some((p, s)) = &last_quote_speaker
                && *p == q.para
                && s.is_some()
            {
                s.clone()
            } else if let Some((p, s)) = &para_last
                && *p == q.para
            {
                Some(s.name.clone())
            } else if q.open.start == unit_para_start(units, unit) {
                prev_para_last
                    .as_ref()
                    .filter(|(p, _)| p + 1 == q.para)
                    .map(|(_, s)| s.name.clone())
            } else {
                None
            };
            if kind != QuoteKind::Term {
                last_quote_speaker = Some((q.para, speaker.clone()));
                if let Some(name) = &speaker {
                    let s = Speaker {
                        name: name.clone(),
                        person: tracker.last_person.as_deref() == Some(&**name),
                    };
                    para_last = Some((q.para, s));
                }
            }
            out.quotes[qi] = (kind, speaker.as_deref().map(str::to_string));
        }
        // A person who is the subject of a sentence is who `he` or `she` most
        // likely means next, even when the sentence reports no speech.
        if cues.iter().all(|c| c.subject.is_none())
            && let Some(np) = reported::clause_subject(text, toks, toks.len())
            && !words::is_pronoun(toks[np.0].word(text))
            // `Acme's decision was …`: the subject is what the name owns.
            && !tokens::is_possessive(toks[np.1 - 1].word(text))
            && let Some(s) = resolve(text, toks, np, names, &tracker)
        {
            // `The Home Builders Alliance was …`, not `the Lisbon agenda is …`.
            if tokens::is_capitalised(toks[np.1 - 1].word(text)) {
                tracker.note_org(&s, names, unit.span.start, false);
            }
            // `Interest has grown …`: a common word opening the sentence
            // that the recogniser names nothing is no one a `he` means.
            let common = np.1 == np.0 + 1
                && !s.name.contains(' ')
                && lexicon().is_common_word(&s.name)
                && names.label_of(&s.name).is_none();
            if s.person && !common {
                tracker.note_mention(&s, names);
                tracker.noted_at = unit.span.end;
            }
            tracker.note_voice(text, toks, np, &s);
        }
    }
    headline_quotes_from_body(text, found, &mut out);
    out
}

/// `'We will appeal': Acme vows to fight` in a headline: words that open a
/// quotation the body gives to a speaker are that speaker's.
fn headline_quotes_from_body(text: &str, found: &[QuoteSpan], out: &mut Attribution) {
    let head_end = first_para_end(text);
    for qi in 0..found.len() {
        if found[qi].span.start >= head_end {
            break;
        }
        if out.quotes[qi].0 != QuoteKind::Direct || out.quotes[qi].1.is_some() {
            continue;
        }
        let words = found[qi]
            .span
            .slice(text)
            .trim_end_matches(|c: char| !c.is_alphanumeric());
        // (A word or two may be anyone's.)
        if words.split_whitespace().nth(2).is_none() {
            continue;
        }
        let speaker = (qi + 1..found.len())
            .filter(|&j| found[j].span.start >= head_end)
            .find_map(|j| {
                let body = found[j].span.slice(text);
                let opens = body.starts_with(words)
                    && !body[words.len()..].starts_with(char::is_alphanumeric);
                opens.then(|| out.quotes[j].1.clone()).flatten()
            });
        if speaker.is_some() {
            out.quotes[qi].1 = speaker;
        }
    }
}

/// `The Acme Board makes no rulings, it said.`: a trailing `it` means the
/// organisation that is the subject of the statement it ends.
fn it_for_subject(
    text: &str,
    toks: &[Tok],
    cue: &Cue,
    np: (usize, usize),
    names: &Names,
    tracker: &Tracker,
) -> Option<Speaker> {
    let content = cue.content?;
    if np.1 != np.0 + 1 || toks[np.0].word(text) != "it" || content.end > toks[np.0].span.start {
        return None;
    }
    let subject = reported::clause_subject(text, toks, np.0)?;
    if toks[subject.0].span.start < content.start
        || !tokens::is_capitalised(toks[subject.1 - 1].word(text))
        || words::is_pronoun(toks[subject.0].word(text))
    {
        return None;
    }
    let s = resolve(text, toks, subject, names, tracker)?;
    let known = tracker.orgs.iter().any(|(n, _, _)| *n == s.name)
        || names.label_of(&s.name) == Some(EntityLabel::Org);
    (!s.person && known).then_some(s)
}

/// True when a speaker's name is an indefinite pronoun (`Others`).
fn indefinite(name: &str) -> bool {
    !name.contains(' ') && words::is_indefinite(name)
}

/// True when the noun phrase `np` is a first-person pronoun (`I`, `we`).
fn first_person(text: &str, toks: &[Tok], np: (usize, usize)) -> bool {
    np.1 == np.0 + 1 && matches!(toks[np.0].word(text), "I" | "we" | "We")
}

/// The tokens of `article_toks` inside `span`, when they are exactly what
/// tokenising `span` alone gives: no quotation touches it, and white space
/// (or the text's edge) stands on both sides, so that no token crosses its
/// edges and no look past its end sees anything but a separator.
fn article_share<'t>(
    text: &str,
    span: Span,
    quotes: &[(usize, Span)],
    article_toks: &'t [Tok],
) -> Option<&'t [Tok]> {
    let q = quotes.partition_point(|(_, q)| q.end <= span.start);
    let quoted = quotes.get(q).is_some_and(|(_, q)| q.start < span.end);
    let before = text.get(..span.start)?.chars().next_back();
    let after = text.get(span.end..)?.chars().next();
    if quoted || !before.is_none_or(char::is_whitespace) || !after.is_none_or(char::is_whitespace) {
        return None;
    }
    let a = article_toks.partition_point(|t| t.span.start < span.start);
    let b = article_toks.partition_point(|t| t.span.start < span.end);
    Some(&article_toks[a..b])
}

/// `Council rejects plan`, `Acme reveals new models`: in a headline a
/// stance verb with a plain object reports an act, not a statement (a
/// `that` clause still is one).
fn headline_act(text: &str, toks: &[Tok], cue: &Cue) -> bool {
    let Some(t) = toks.get(cue.at) else {
        return false;
    };
    let w = Lower::ascii(t.word(text));
    let act = [
        "reject", "welcom", "prais", "dismiss", "deni", "deny", "reveal", "admit", "critici",
        "condemn", "thank", "back", "add", "respond", "defend", "hail", "slam",
    ]
    .iter()
    .any(|p| w.starts_with(p));
    // `Shares slide, company warns on outlook`: a cue with a topic after it
    // in a headline names what it is about, not the clause before.
    let topic = cue.content.is_some_and(|c| c.end <= t.span.start)
        && toks
            .get(cue.at + 1)
            .is_some_and(|n| matches!(n.word(text), "on" | "over" | "of" | "about" | "against"));
    topic || (act && toks.get(cue.at + 1).is_none_or(|n| n.word(text) != "that"))
}

/// The start of the paragraph a unit lies in (the first unit of that paragraph).
fn unit_para_start(units: &[Unit], unit: &Unit) -> usize {
    units
        .iter()
        .find(|u| u.para == unit.para)
        .map_or(unit.span.start, |u| u.span.start)
}

/// True when `content` is a quotation rather than reported speech: it starts
/// inside quotation marks, or lies in them for three quarters of its length.
/// A statement with quoted words in it (`standards had "never been
/// higher"`) is reported speech.
fn mostly_quoted(text: &str, content: Span, outer: &[(usize, Span)]) -> bool {
    // `bemoaned the "catastrophic rise …"`: a quoted phrase with only a
    // determiner outside it is a fragment, not a statement.
    let body = content.slice(text);
    let det = body
        .split_whitespace()
        .next()
        .is_some_and(tokens::is_determiner);
    let mut inside = 0;
    for (_, q) in outer {
        if q.start <= content.start && content.start < q.end {
            return true;
        }
        inside += q
            .end
            .min(content.end)
            .saturating_sub(q.start.max(content.start));
    }
    // `the release became possible "thanks to …"`: a clause of its own
    // before the quoted words makes a statement however long they are.
    let first_quote = outer
        .iter()
        .map(|(_, q)| q.start)
        .filter(|&q| content.start < q && q < content.end)
        .min();
    if let Some(q) = first_quote
        && text[content.start..q].split_whitespace().count() >= 3
    {
        return false;
    }
    let opener = if det {
        body.split_whitespace().next().map_or(0, |w| w.len() + 1)
    } else {
        0
    };
    inside * 4 > content.len() * 3 || inside + opener >= content.len()
}

/// The cue that introduces the quotation token at `qt`: a cue just before it
/// (`X said: "…"`, `he said, "…"`), else one after it in the unit
/// (`"…," X said`), else any cue before it.
fn pick_cue(toks: &[Tok], qt: usize, cues: &[Cue]) -> Option<usize> {
    let quote_between =
        |a: usize, b: usize| (a + 1..b).any(|k| matches!(toks[k].kind, TokKind::Quote(_)));
    let before_near = cues.iter().rposition(|c| {
        let end = c.subject.map_or(c.at, |s| s.1.max(c.at + 1));
        c.at < qt && end <= qt && qt - end <= 6 && !quote_between(c.at, qt)
    });
    if before_near.is_some() {
        return before_near;
    }
    // `"…," X said` / `"…," said X`: the cue follows the quotation at once,
    // not after a clause of its own (`… as "an honour" while X said …`).
    let after = cues.iter().position(|c| {
        c.at > qt
            && c.subject.is_some_and(|s| {
                (qt + 1..s.0.min(c.at)).all(|k| matches!(toks[k].kind, TokKind::Punct(_)))
            })
            && c.form != CueForm::Participle
            && c.subject.is_some_and(|s| s.0 > qt)
            && !quote_between(qt, c.at)
    });
    if after.is_some() {
        return after;
    }
    cues.iter().rposition(|c| c.at < qt)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    #[test]
    fn a_unit_share_of_the_article_tokens_is_its_own_tokenisation() {
        let text = "Talks in the U.S. ended. Ann Lee-Smith said no.\n\
                    \"We wait,\" she said. Rock 'n' roll\u{a0}won. It's over — for now...";
        let paras = crate::analysis::segment::paragraphs(text);
        let found = quotes::find_quotes(text, &paras);
        let outer: Vec<(usize, Span)> = found
            .iter()
            .enumerate()
            .map(|(i, q)| (i, q.outer()))
            .collect();
        let mut all = Vec::new();
        tokens::tokenize(text, Span::new(0, text.len()), &[], &mut all);
        let mut shared = 0;
        for s in crate::analysis::segment::sentences(text) {
            let mut own = Vec::new();
            tokens::tokenize(text, s, &outer, &mut own);
            if let Some(share) = article_share(text, s, &outer, &all) {
                assert_eq!(share, &own[..], "{:?}", s.slice(text));
                shared += 1;
            }
        }
        // Every sentence but the quoted one shares.
        assert_eq!(shared, 4);
    }

    #[test]
    fn the_entity_around_a_name_is_found_among_sorted_entities() {
        let e = |start, end| Entity {
            span: Span::new(start, end),
            label: EntityLabel::Person,
        };
        let ents = [e(0, 5), e(10, 20), e(25, 30)];
        assert_eq!(entity_around(&ents, Span::new(12, 20)), Some(&ents[1]));
        assert_eq!(entity_around(&ents, Span::new(10, 21)), None);
        assert_eq!(entity_around(&ents, Span::new(6, 9)), None);
        assert_eq!(entity_around(&[], Span::new(0, 1)), None);
    }

    #[test]
    fn keys_are_lower_cased_words_compared_by_whole_words() {
        let key = Key::of("Ali al-Sudani's");
        assert_eq!((key.text.as_str(), key.len()), ("ali al sudani", 3));
        assert!(key.ends_with(&Key::of("Sudani")) && key.ends_with(&Key::of("Al Sudani")));
        assert!(!key.ends_with(&Key::of("dani")) && !key.ends_with(&Key::of("Bo Sudani")));
        assert!(key.ends_with(&Key::of("")) && Key::of("' - '").is_empty());
        assert_eq!(Key::of("Éric  ZEMMOUR").text, "éric zemmour");
        for name in [
            "Vladimir Putin",
            "Ali al-Sudani's",
            "Éric Zemmour",
            "X",
            "İlham",
        ] {
            let key = Key::of(name);
            assert_eq!(
                last_key_word_of(&key).map(|w| w.into_owned()),
                last_key_word(&key.text),
                "{name}"
            );
        }
    }

    fn speakers(text: &str) -> Vec<(String, Option<String>)> {
        let a = analyze(text);
        a.quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Indirect)
            .map(|q| (q.span.slice(text).to_string(), q.speaker.clone()))
            .collect()
    }

    fn sp(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn name_after_the_quote_with_said() {
        let t = "“We will win,” Ann Bell said.";
        assert_eq!(speakers(t), [("We will win,".into(), sp("Ann Bell"))]);
    }

    #[test]
    fn inverted_said_with_title_gives_the_full_name_without_title() {
        let t = "Trade minister Karl Otto spoke.\n\"Costs fell,\" said Mr Otto.";
        assert_eq!(speakers(t), [("Costs fell,".into(), sp("Karl Otto"))]);
    }

    #[test]
    fn an_abbreviated_engineer_title_is_no_speaker() {
        let t = "Carlos Ortiz runs the plant.\n\"We will appeal,\" said Eng. Ortiz.";
        assert_eq!(
            speakers(t),
            [("We will appeal,".into(), sp("Carlos Ortiz"))]
        );
    }

    #[test]
    fn a_headline_quote_is_the_speaker_s_whom_the_body_gives_it() {
        let t = "\u{2018}We will not sell the farm\u{2019}: Acme vows to fight\n\n\
                 Acme Farms will challenge the order in court.\n\n\
                 \u{2018}We will not sell the farm, whatever the court says,\u{2019} Ann Bell said.";
        let found = speakers(t);
        assert_eq!(
            found[0],
            ("We will not sell the farm".into(), sp("Ann Bell"))
        );
    }

    #[test]
    fn colon_introduction_names_the_speaker() {
        let t = "Ms Jane Rowe said: \"It is over.\"";
        assert_eq!(speakers(t), [("It is over.".into(), sp("Jane Rowe"))]);
    }

    #[test]
    fn pronoun_refers_to_the_last_person() {
        let t = "Union leader Sam Price attacked the plan.\n“It is a disgrace,” he said.";
        assert_eq!(speakers(t), [("It is a disgrace,".into(), sp("Sam Price"))]);
    }

    #[test]
    fn interrupted_quote_shares_the_speaker() {
        let t = "\"We are ready,\" said Tom Hale, \"to start now.\"";
        assert_eq!(
            speakers(t),
            [
                ("We are ready,".into(), sp("Tom Hale")),
                ("to start now.".into(), sp("Tom Hale"))
            ]
        );
    }

    #[test]
    fn role_phrase_resolves_to_the_named_holder() {
        let t = "Council spokesman Ed Moss confirmed the closure.\n“It is temporary,” the spokesman said.";
        assert_eq!(speakers(t), [("It is temporary,".into(), sp("Ed Moss"))]);
    }

    #[test]
    fn quote_continuing_a_paragraph_keeps_its_speaker() {
        let t = "“First point,” Liz Carr said. “Second point.”";
        assert_eq!(
            speakers(t),
            [
                ("First point,".into(), sp("Liz Carr")),
                ("Second point.".into(), sp("Liz Carr"))
            ]
        );
    }

    #[test]
    fn next_paragraph_quote_continues_the_previous_speaker() {
        let t = "Jo Kent said prices would rise.\n“Nobody likes it.”";
        assert_eq!(speakers(t), [("Nobody likes it.".into(), sp("Jo Kent"))]);
    }

    #[test]
    fn unnamed_group_is_written_as_the_article_words() {
        let t = "“Talks failed,” senior officials said.";
        assert_eq!(
            speakers(t),
            [("Talks failed,".into(), sp("senior officials"))]
        );
    }

    #[test]
    fn organisation_speaks_through_the_firm() {
        let t = "Shares in Acme Holdings fell.\n“Trading was weak,” the firm said.";
        let got = speakers(t);
        assert_eq!(got[0].1, sp("Acme Holdings"));
    }

    #[test]
    fn she_skips_the_last_man_for_a_woman() {
        let t = "Mrs Ann Lowe spoke first. Then Mr Bob Hart said the plan was bad.\n“It was my idea,” she said.";
        assert_eq!(speakers(t), [("It was my idea,".into(), sp("Ann Lowe"))]);
    }

    #[test]
    fn a_description_refers_to_the_person_last_named() {
        let t =
            "“I am thrilled,” Rosa Diaz said.\n“It means a lot,” added the three-time champion.";
        let got = speakers(t);
        assert_eq!(got[1].1, sp("Rosa Diaz"));
    }

    #[test]
    fn a_role_in_apposition_gives_the_name() {
        let t = "“He was kind,” said his widow, Marta.";
        assert_eq!(speakers(t), [("He was kind,".into(), sp("Marta"))]);
    }

    #[test]
    fn a_capitalised_description_before_a_given_name_is_not_part_of_the_name() {
        let t = "Novelist David Crane died.\n“He wrote daily,” Crane's agent said. “Always,” said Crane.";
        let got = speakers(t);
        assert_eq!(got[1].1, sp("David Crane"));
    }

    #[test]
    fn a_bare_role_is_the_unnamed_source_written_before() {
        let t = "A Treasury spokesman said the sums were checked.\nThe spokesman added: “The numbers are robust.”";
        assert_eq!(
            speakers(t),
            [("The numbers are robust.".into(), sp("Treasury"))]
        );
    }

    #[test]
    fn a_described_name_before_a_colon_introduces_the_quote() {
        let t = "Radio Five controller Ann Vale: \"We are thrilled.\"";
        assert_eq!(speakers(t), [("We are thrilled.".into(), sp("Ann Vale"))]);
    }

    #[test]
    fn organisation_names_keep_of_phrases_and_nationality_words() {
        let t = "“Prices will rise,” said the Bank of Ruritania.\n“Profits fell,” British Widgets said.";
        let got = speakers(t);
        assert_eq!(got[0].1, sp("Bank of Ruritania"));
        assert_eq!(got[1].1, sp("British Widgets"));
    }

    #[test]
    fn a_person_of_an_organisation_is_the_person() {
        let t = "“Demand is weak,” said Ann Lowe of Acme Research.";
        assert_eq!(speakers(t), [("Demand is weak,".into(), sp("Ann Lowe"))]);
    }

    #[test]
    fn abbreviated_titles_are_left_out_of_names() {
        let t =
            "Gov. Mary Hill told reporters the state would seek aid. \"We need help,\" she said.";
        assert_eq!(speakers(t), [("We need help,".into(), sp("Mary Hill"))]);
    }

    #[test]
    fn the_statement_speaks_for_whoever_issued_it() {
        let t = "The agency said in a statement that damage was limited. \"Crews are at work,\" the statement said.";
        assert_eq!(speakers(t), [("Crews are at work,".into(), sp("agency"))]);
    }

    #[test]
    fn a_title_with_a_given_name_is_the_full_name() {
        let t = "Sir Alan Pike spoke first.\n“We won,” said Sir Alan.";
        assert_eq!(speakers(t), [("We won,".into(), sp("Alan Pike"))]);
    }

    #[test]
    fn a_spokesman_for_someone_speaks_for_them() {
        let t = "Ann Bell left.\n“No comment,” said a spokesman for Bell.";
        assert_eq!(speakers(t), [("No comment,".into(), sp("Ann Bell"))]);
    }

    #[test]
    fn a_source_described_by_its_owner_is_written_as_the_article_words() {
        let t = "Tom Hale spoke.\n“We will appeal,” the mayor’s office said.";
        assert_eq!(
            speakers(t),
            [("We will appeal,".into(), sp("mayor’s office"))]
        );
    }

    #[test]
    fn an_ampersand_stays_inside_an_organisation_name() {
        let t = "Shares in Hale & Sons Ltd fell.\n“Sales were weak,” the company said.";
        assert_eq!(speakers(t)[0].1, sp("Hale & Sons Ltd"));
    }

    #[test]
    fn the_company_is_not_the_analysts_workplace() {
        let t = "Hale Holdings cut jobs. “It was late,” said Ann Bell, an analyst at Kent Securities.\n“We are confident,” the company said.";
        assert_eq!(speakers(t)[1].1, sp("Hale Holdings"));
    }

    #[test]
    fn a_description_opening_a_sentence_is_the_person_last_named() {
        let t = "Rosa Diaz won the final.\nThe 22-year-old, who lives in Rome, said: “I am happy.”";
        assert_eq!(speakers(t), [("I am happy.".into(), sp("Rosa Diaz"))]);
    }

    #[test]
    fn a_cue_after_a_clause_of_its_own_does_not_take_the_quotation() {
        let t = "Ann Bell described the prize for the best new band as “an honour” while Tom Hale said it was late.";
        assert_eq!(speakers(t), [("an honour".into(), sp("Ann Bell"))]);
    }

    #[test]
    fn a_name_after_an_article_is_not_the_person_a_pronoun_means() {
        let t = "DJ Sam Cole played all night. The Music Prizes announced a change.\n“It was fun,” he said.";
        assert_eq!(speakers(t), [("It was fun,".into(), sp("Sam Cole"))]);
    }

    #[test]
    fn a_possessive_subject_is_not_the_person_a_pronoun_means() {
        let t = "Tom Hale, an analyst, spoke. Acme Mobile's plan was an error.\n“It was late,” he said.";
        assert_eq!(speakers(t), [("It was late,".into(), sp("Tom Hale"))]);
    }

    #[test]
    fn a_noun_like_verb_after_a_quotation_is_an_inverted_cue() {
        let t = "“It was dark,” recalls Ann Bell.";
        assert_eq!(speakers(t), [("It was dark,".into(), sp("Ann Bell"))]);
    }

    #[test]
    fn a_titled_person_named_after_the_last_speaker_is_who_he_means() {
        let t = "Tom Hale spoke first.\nFor analyst Rob Ives, the plan was an error. “It was late,” he said.";
        assert_eq!(speakers(t), [("It was late,".into(), sp("Rob Ives"))]);
    }

    fn indirect(text: &str) -> Vec<(String, Option<String>)> {
        analyze(text)
            .quotes
            .iter()
            .filter(|q| q.kind == QuoteKind::Indirect)
            .map(|q| (q.span.slice(text).to_string(), q.speaker.clone()))
            .collect()
    }

    #[test]
    fn according_to_him_is_the_person_he_stands_for() {
        let t = "Ferry late\n\nTom Hale runs the ferry. According to him, the boat will sail on Monday.";
        assert_eq!(
            indirect(t),
            [("the boat will sail on Monday".into(), sp("Tom Hale"))]
        );
    }

    #[test]
    fn the_ministry_is_the_organisation_named_with_that_word() {
        let t = "Mine shut\n\nHALEB, May 2 (Wire) - Norland's Ministry of Water and Soil shut the mine.\n\n\
                 The Bureau of Trade and Industry said it was aware of the move.\n\n\
                 The ministry said the firm could reopen in a year.";
        let found = indirect(t);
        assert_eq!(
            found.last().and_then(|f| f.1.as_deref()),
            Some("Ministry of Water and Soil")
        );
    }

    #[test]
    fn the_organisation_is_the_one_tracked_under_its_initials() {
        let t = "Farm trade\n\nThe Food & Farming Organisation (FFO) issued a report.\n\n\
                 The FFO has urged the World Trade Organisation to act.\n\n\
                 According to the organisation, tariffs hurt poor farmers.";
        let found = indirect(t);
        assert_eq!(
            found.last().and_then(|f| f.1.as_deref()),
            Some("Food & Farming Organisation")
        );
    }

    #[test]
    fn quoted_words_inside_a_statement_keep_it_reported_speech() {
        let t = "The vote was \"a farce\", Ann Bell said.";
        assert_eq!(
            indirect(t),
            [("The vote was \"a farce\"".into(), sp("Ann Bell"))]
        );
        let t = "Ann Bell said standards had “never been higher”.";
        assert_eq!(
            indirect(t),
            [("standards had “never been higher”".into(), sp("Ann Bell"))]
        );
    }

    #[test]
    fn a_clause_ending_in_a_long_quotation_is_reported_speech() {
        let t = "Ann Bell said the delay came about “because of the storm that closed every road in the valley for two days.”";
        assert_eq!(indirect(t).len(), 1);
        assert_eq!(indirect(t)[0].1, sp("Ann Bell"));
    }

    #[test]
    fn a_named_station_speaks_as_itself_not_as_the_last_person() {
        let t = "Ann Bell opened the show. The mayor opened the bridge on Monday, the Acme Leeds radio station reported.";
        assert_eq!(indirect(t)[0].1, sp("Acme Leeds"));
    }

    #[test]
    fn a_written_source_after_the_quotation_speaks_and_continues() {
        let t = "Tom Hale met Ann Bell.\n\n\"We cannot go on like this,\" reads a short memo for Mr Hale.\n\n\"The party is split.\"";
        assert_eq!(
            speakers(t),
            [
                ("We cannot go on like this,".into(), sp("short memo")),
                ("The party is split.".into(), sp("short memo")),
            ]
        );
        let t = "\"A fine game,\" wrote the respected Pixel magazine in its review.";
        assert_eq!(speakers(t), [("A fine game,".into(), sp("Pixel"))]);
    }

    #[test]
    fn a_middle_initial_stays_in_the_name() {
        let t = "\"Prices will rise,\" said Ann K. Bell, an economist.";
        assert_eq!(
            speakers(t),
            [("Prices will rise,".into(), sp("Ann K. Bell"))]
        );
    }

    #[test]
    fn a_spokeswoman_of_a_body_named_with_and_speaks_for_it_and_is_she() {
        let t = "Tom Hale left.\n\nA Department for Roads and Rail spokeswoman said: \"We are sorry.\" \"It will not happen again,\" she said.";
        let got = speakers(t);
        assert_eq!(got[0].1, sp("Department for Roads and Rail"));
        assert_eq!(got[1].1, sp("Department for Roads and Rail"));
    }

    #[test]
    fn a_name_placed_again_before_a_colon_introduces_the_quotation() {
        let t =
            "Ann Bell spoke first.\n\nBell again, now writing online: \"We are still waiting.\"";
        assert_eq!(
            speakers(t),
            [("We are still waiting.".into(), sp("Ann Bell"))]
        );
    }

    #[test]
    fn nationalities_before_a_group_are_part_of_it_not_the_speaker() {
        let t = "The talks ended on Monday, according to Danish and Swedish officials.";
        assert_eq!(indirect(t)[0].1, sp("Danish and Swedish officials"));
    }

    #[test]
    fn a_quoted_phrase_after_a_determiner_is_no_statement() {
        let t = "Ann Bell bemoaned the “sad decline of the town,” while praising staff.";
        assert!(indirect(t).is_empty());
    }

    #[test]
    fn a_comma_inside_the_marks_ends_the_statement() {
        let t = "Ann Bell said the vote was \"fair,\" adding that she was pleased.";
        let found = indirect(t);
        assert_eq!(found[0].0, "the vote was \"fair,\"");
    }

    #[test]
    fn a_speaker_in_a_relative_clause_is_not_who_he_means_next() {
        let t = "Sam Reid said he had met Tom Hale, who told him that the plan was dead. He added: “It is over.”";
        assert_eq!(speakers(t), [("It is over.".into(), sp("Sam Reid"))]);
    }

    #[test]
    fn an_organisation_named_with_of_speaks_by_its_full_name() {
        let t = "The Federation of Small Traders warned that rents were too high. \
                 A spokeswoman for the federation said: “We are ready.”";
        assert_eq!(
            indirect(t),
            [(
                "rents were too high".into(),
                sp("Federation of Small Traders")
            )]
        );
        assert_eq!(
            speakers(t),
            [("We are ready.".into(), sp("Federation of Small Traders"))]
        );
    }

    #[test]
    fn it_is_the_organisation_named_in_the_paragraph_not_the_last_speaker() {
        let t = "Ann Bell said the port was safe.\n\nThe Harbour Traders Association, which \
                 represents porters, was cautious. In a statement, it said the talks had failed.";
        let found = indirect(t);
        assert_eq!(
            found[1],
            (
                "the talks had failed".into(),
                sp("Harbour Traders Association")
            )
        );
    }

    #[test]
    fn the_company_is_the_organisation_named_by_its_whole_name() {
        let t =
            "Acme Energy Systems said it would close the plant. The company said costs had risen.";
        let found = indirect(t);
        assert!(
            found.iter().all(|(_, s)| *s == sp("Acme Energy Systems")),
            "{found:?}"
        );
    }

    #[test]
    fn a_body_of_a_named_owner_is_written_as_the_article_words() {
        let t = "Norland's trade ministry said in a statement that it regretted the move. \
                 The ministry added that exports were fair.";
        let found = indirect(t);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found
                .iter()
                .all(|(_, s)| *s == sp("Norland's trade ministry")),
            "{found:?}"
        );
    }

    #[test]
    fn a_bare_title_in_a_headline_is_the_holder_named_later() {
        let t = "Minister warns of 'dark days'\n\nHealth Minister Ann Bell said the winter would be hard.";
        assert_eq!(speakers(t), [("dark days".into(), sp("Ann Bell"))]);
    }

    #[test]
    fn an_infinitive_speech_verb_is_no_cue() {
        let t = "Ann Bell is expected to announce the results soon, according to the ministry.";
        assert_eq!(
            indirect(t),
            [(
                "Ann Bell is expected to announce the results soon".into(),
                sp("ministry")
            )]
        );
    }

    #[test]
    fn a_headline_stance_verb_with_an_object_is_no_statement() {
        assert!(indirect("Council rejects downtown bus plan\n\nThe vote was close.").is_empty());
        assert_eq!(
            indirect("Mayor says the bus plan will pass\n\nThe vote was close.").len(),
            1
        );
    }

    #[test]
    fn a_first_person_opinion_in_the_narration_is_no_named_statement() {
        let t =
            "Ann Bell spoke at the launch.\n\nI think the council should do more for young bands.";
        assert!(indirect(t).is_empty());
        let t = "Ann Bell spoke at the launch.\n\nWe believe the plan will fail.";
        assert!(indirect(t).is_empty());
        // Beside a quotation, `I said` still attributes it.
        let t = "Ann Bell spoke.\n\n“It is late,” I said.";
        assert_eq!(speakers(t).len(), 1);
    }

    #[test]
    fn members_of_a_house_are_an_unnamed_group() {
        let t = "Courts are too slow, a committee of MPs has warned.";
        assert_eq!(
            indirect(t),
            [("Courts are too slow".into(), sp("committee of MPs"))]
        );
        let t = "Courts are too slow, the MPs said.";
        assert_eq!(indirect(t), [("Courts are too slow".into(), sp("MPs"))]);
    }

    #[test]
    fn a_study_without_an_author_is_no_person() {
        let t = "Ann Bell runs the shop.\n\nThe survey showed that most shoppers pay by card.";
        assert_eq!(
            indirect(t),
            [("most shoppers pay by card".into(), sp("survey"))]
        );
    }

    #[test]
    fn a_headline_cue_with_a_topic_reports_no_clause_before_it() {
        assert!(
            indirect(
                "Acme shares fall after fire, company warns on profits\n\nThe vote was close."
            )
            .is_empty()
        );
    }

    #[test]
    fn an_indefinite_pronoun_is_no_antecedent() {
        let t = "Ann Bell lives on the hill. Everyone on the street knows the plant.\n\n“It was loud,” she says.";
        assert_eq!(speakers(t), [("It was loud,".into(), sp("Ann Bell"))]);
    }

    #[test]
    fn he_after_an_unnamed_spokesman_is_that_voice() {
        let t = "Tom Hale runs the Acme plant.\n\nAn Acme Chemicals spokesman said the tanks were safe. “There is no risk,” he said.";
        assert_eq!(
            speakers(t),
            [("There is no risk,".into(), sp("Acme Chemicals"))]
        );
    }

    #[test]
    fn a_named_person_s_spokesman_is_not_that_person() {
        let t = "Prime Minister Ann Bell's official spokesman said: “We will study the ruling.”";
        assert_eq!(
            speakers(t),
            [(
                "We will study the ruling.".into(),
                sp("Prime Minister Ann Bell's official spokesman")
            )]
        );
    }

    #[test]
    fn a_trailing_it_means_the_organisation_the_statement_is_about() {
        let t = "Acme Holdings said the plant would reopen. The Safety Board sent a team.\n\nThe Safety Board does not issue fines but makes recommendations, it said.";
        assert_eq!(
            indirect(t).last().map(|x| x.1.clone()),
            Some(sp("Safety Board"))
        );
    }

    #[test]
    fn he_after_a_named_person_s_spokesman_is_the_spokesman() {
        let t = "Ann Bell's official spokesman declined to comment on the plan. He said: “There is a process.”";
        assert_eq!(
            speakers(t),
            [(
                "There is a process.".into(),
                sp("Ann Bell's official spokesman")
            )]
        );
    }

    #[test]
    fn a_name_and_recalls_after_a_quotation_is_a_cue() {
        let t = "“The roof was on fire,” Ann Bell recalls.";
        assert_eq!(
            speakers(t),
            [("The roof was on fire,".into(), sp("Ann Bell"))]
        );
    }

    #[test]
    fn a_long_quoted_description_is_reported_speech() {
        let t = "Ann Bell described the ruling as \"a great day for the rule of law here\".";
        assert_eq!(
            indirect(t),
            [(
                "the ruling as \"a great day for the rule of law here\"".into(),
                sp("Ann Bell")
            )]
        );
        let t = "Ann Bell described the quarter as \"challenging\" and left.";
        assert!(indirect(t).is_empty());
    }

    #[test]
    fn a_common_word_inside_an_organisation_s_name_is_kept() {
        let t = "The High Court ruled on Tuesday that the ban was lawful.";
        assert_eq!(
            indirect(t),
            [("the ban was lawful".into(), sp("High Court"))]
        );
    }

    #[test]
    fn a_nationality_means_the_person_named_before_it() {
        let t = "Ann Bell lost in Brussels on Sunday.\n\nAnd the Belgian, who has been ill, faces a hard season. “I am tired,” she said.";
        assert_eq!(speakers(t), [("I am tired,".into(), sp("Ann Bell"))]);
    }

    #[test]
    fn a_name_made_into_an_adjective_describes_the_person_named_before() {
        let t = "Film star Ann Bell visited Leeds on Monday.\n\nThe Leeds-born actress said the plan was good.";
        assert_eq!(indirect(t), [("the plan was good".into(), sp("Ann Bell"))]);
    }

    #[test]
    fn a_list_inside_a_relative_clause_hides_no_subject() {
        let t = "Ann Bell said the film was a hit.\n\nThe actress, whose films include Red Sky, Blue Moon and Green Field, said: \"It was fun.\"";
        assert_eq!(speakers(t), [("It was fun.".into(), sp("Ann Bell"))]);
    }

    #[test]
    fn a_person_named_in_the_statement_of_a_trailing_pronoun_cue_is_spoken_about() {
        let t = "Tom Hale, the opposition leader, spoke on Monday.\n\nMr Lee has failed the country, he said.";
        assert_eq!(
            indirect(t),
            [("Mr Lee has failed the country".into(), sp("Tom Hale"))]
        );
    }

    #[test]
    fn a_common_word_opening_a_sentence_is_no_one_a_pronoun_means() {
        let t = "Tom Hale, an analyst, spoke on Monday.\n\nDemand has risen sharply this year. \"It will rise,\" he said.";
        assert_eq!(speakers(t), [("It will rise,".into(), sp("Tom Hale"))]);
    }

    #[test]
    fn a_spokesman_for_a_firm_is_the_firm_without_the_preposition() {
        let t = "Acme makes computers.\n\n\"It is cheap,\" a spokesman for Acme said.";
        assert_eq!(speakers(t), [("It is cheap,".into(), sp("Acme"))]);
    }

    #[test]
    fn a_role_after_a_closing_quotation_mark_is_not_the_quoted_name_s() {
        let t =
            "India sent aid.\n\n\"Our aim is a stable Central Asia,\" an MEA spokesperson said.";
        assert_eq!(
            speakers(t),
            [("Our aim is a stable Central Asia,".into(), sp("MEA"))]
        );
    }

    #[test]
    fn a_name_with_initials_in_apposition_speaks_and_its_clause_follows() {
        let t = "Talks ended.\n\nThe envoy, S. V. Lee, said after the talks that he saw a way to a deal.";
        assert_eq!(
            indirect(t),
            [("he saw a way to a deal".into(), sp("S. V. Lee"))]
        );
    }

    #[test]
    fn an_adverb_of_the_saying_is_no_part_of_the_statement() {
        let t = "Tom Hale said recently that the plan was dead.";
        assert_eq!(indirect(t), [("the plan was dead".into(), sp("Tom Hale"))]);
    }

    #[test]
    fn a_news_agency_relaying_a_named_statement_is_not_its_speaker() {
        let t = "Tom Hale met the press.\n\nAccording to the news agency Tass, he warned that the plan would fail.";
        assert_eq!(
            indirect(t),
            [("the plan would fail".into(), sp("Tom Hale"))]
        );
    }

    #[test]
    fn an_office_word_naming_a_body_is_kept_before_its_spokesman() {
        let t = "Talks ended.\n\nA State Department spokesperson said Washington was watching.";
        assert_eq!(
            indirect(t),
            [("Washington was watching".into(), sp("State Department"))]
        );
    }

    #[test]
    fn the_company_opening_a_sentence_is_the_company_named_before() {
        let t = "Shares in Acme Holdings fell.\n\nThe company said it was confident.";
        assert_eq!(
            indirect(t),
            [("it was confident".into(), sp("Acme Holdings"))]
        );
    }

    #[test]
    fn a_cue_between_a_subject_and_its_verb_reports_the_whole_sentence() {
        let t = "Tom Hale spoke.\n\nThe Greens, he said, can cut crime without raising taxes.";
        assert_eq!(
            indirect(t),
            [(
                "The Greens, he said, can cut crime without raising taxes".into(),
                sp("Tom Hale")
            )]
        );
    }

    #[test]
    fn an_inverted_cue_after_an_opening_adjunct_reports_what_follows() {
        let t = "Tom Hale spoke.\n\nBy contrast, says Mr Hale, the plan is almost dead.";
        assert_eq!(
            indirect(t),
            [("the plan is almost dead".into(), sp("Tom Hale"))]
        );
    }

    #[test]
    fn adding_to_or_asking_someone_to_is_no_statement() {
        let t = "Tom Hale spoke.\n\nHe asked them to help with the bill, adding to concern about costs.";
        assert_eq!(indirect(t), []);
    }

    #[test]
    fn a_source_inside_a_relative_clause_attributes_its_rest() {
        let t = "Acme sells a cheap PC that, according to Tom Hale, can run for years.";
        assert_eq!(indirect(t), [("can run for years".into(), sp("Tom Hale"))]);
    }

    #[test]
    fn the_one_named_in_an_as_clause_before_put_it_speaks() {
        let t = "Talks ended.\n\nAs Tom Hale of the Acme website put it: \"It is over.\"";
        assert_eq!(speakers(t), [("It is over.".into(), sp("Tom Hale"))]);
    }

    #[test]
    fn a_short_relative_clause_between_subject_and_verb_keeps_the_subject() {
        let t = "Talks ended.\n\nThe diplomat who led the talks said the gap had narrowed.";
        assert_eq!(
            indirect(t),
            [("the gap had narrowed".into(), sp("diplomat"))]
        );
    }

    #[test]
    fn a_role_before_anyone_is_named_is_its_holder_named_next() {
        let t = "Talks ended.\n\nThe envoy who led the talks said the gap had narrowed.\n\nThe envoy, Ravi Menon, left on Friday.";
        assert_eq!(
            indirect(t)[0],
            ("the gap had narrowed".into(), sp("Ravi Menon"))
        );
    }

    #[test]
    fn a_capitalised_plural_group_opening_a_sentence_speaks_as_written() {
        let t = "Talks ended.\n\nAnalysts say the plan is weak.";
        assert_eq!(indirect(t), [("the plan is weak".into(), sp("Analysts"))]);
    }

    #[test]
    fn opined_is_a_speech_verb() {
        let t = "Prof. Ann Bell opined that the plan was sound.";
        assert_eq!(indirect(t), [("the plan was sound".into(), sp("Ann Bell"))]);
    }

    #[test]
    fn a_role_named_in_the_headline_and_again_is_the_same_holder() {
        let t = "Talks end without a deal, UN envoy says\n\nThe talks ended on Friday, the UN envoy said.\n\nRavi Menon, the UN envoy, left on Saturday.";
        let got = indirect(t);
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(|(_, s)| *s == sp("Ravi Menon")), "{got:?}");
    }

    #[test]
    fn a_gloss_in_brackets_inside_the_subject_hides_no_name() {
        let t = "Talks ended.\n\nThe opposition Green Path (Jol) party accused the government of lying.";
        assert_eq!(
            indirect(t),
            [("the government of lying".into(), sp("Green Path"))]
        );
    }

    #[test]
    fn officials_in_a_named_body_speak_for_it() {
        let t = "Talks ended.\n\nAccording to officials in the Ministry of Trade, India has no plan to take sides.";
        assert_eq!(
            indirect(t),
            [(
                "India has no plan to take sides".into(),
                sp("Ministry of Trade")
            )]
        );
    }

    #[test]
    fn what_a_speaker_calls_a_thing_in_quoted_words_is_a_statement() {
        let t = "Talks ended.\n\nThe Green party called the deal a \"debt trap\".";
        assert_eq!(
            indirect(t),
            [("the deal a \"debt trap\"".into(), sp("Green"))]
        );
    }

    #[test]
    fn a_place_before_a_comma_takes_no_role_of_the_phrase_after() {
        let t = "Acme Bank lends money.\n\nIn Paris, the French foreign ministry said the outcome was bad.";
        assert_eq!(
            indirect(t),
            [("the outcome was bad".into(), sp("French foreign ministry"))]
        );
    }

    #[test]
    fn a_time_of_the_saying_before_that_is_no_part_of_the_statement() {
        let t = "Tom Hale said last month that prices would rise.";
        assert_eq!(indirect(t), [("prices would rise".into(), sp("Tom Hale"))]);
    }

    #[test]
    fn a_body_named_with_a_list_of_words_speaks_by_its_whole_name() {
        let t = "A spokesman for the Department for Farming, Fisheries and Food said the plan was fair.";
        assert_eq!(
            indirect(t),
            [(
                "the plan was fair".into(),
                sp("Department for Farming, Fisheries and Food")
            )]
        );
    }

    #[test]
    fn a_role_after_a_list_in_a_name_is_not_the_first_word_s() {
        let t = "Tom Hale left.\n\nA Department for Farming, Fisheries and Food spokeswoman said: \"We know.\" A Canadian Embassy spokesman said: \"We are aware.\"";
        let got = speakers(t);
        assert_eq!(got[0].1, sp("Department for Farming, Fisheries and Food"));
        assert_eq!(got[1].1, sp("Canadian Embassy"));
    }

    #[test]
    fn a_news_agency_told_after_a_relative_clause_is_the_listener() {
        let t = "\"Prices will fall,\" one analyst, who asked not to be named, told Reuters.";
        assert_eq!(speakers(t), [("Prices will fall,".into(), sp("analyst"))]);
    }

    #[test]
    fn a_news_agency_as_listener_is_followed_by_the_statement() {
        let t = "Tom Hale told Reuters the plan had failed.";
        assert_eq!(
            indirect(t),
            [("the plan had failed".into(), sp("Tom Hale"))]
        );
    }

    #[test]
    fn an_unnamed_dealer_speaks_as_the_article_words_him() {
        let t = "Tom Hale spoke.\n\n\"Prices will fall,\" one dealer said.";
        assert_eq!(speakers(t), [("Prices will fall,".into(), sp("dealer"))]);
    }

    #[test]
    fn a_trader_placed_by_a_town_is_not_the_town() {
        let t = "Tom Hale spoke in Leeds.\n\nOne Leeds broker said the reasons were political.";
        assert_eq!(
            indirect(t),
            [("the reasons were political".into(), sp("Leeds broker"))]
        );
    }

    #[test]
    fn a_title_before_a_name_in_apposition_makes_it_a_person_she_means() {
        let t = "\"Stocks are low,\" Tom Hale said.\n\nA consultant at the clinic, Prof. Chiamaka N. Oduya, advised patients to rest. She said: \"It helps.\"";
        assert_eq!(
            speakers(t)[1],
            ("It helps.".into(), sp("Chiamaka N. Oduya"))
        );
    }

    #[test]
    fn advised_reports_the_advice() {
        let t = "Dr Ann Bell advised patients to rest for a week.";
        assert_eq!(
            indirect(t),
            [("patients to rest for a week".into(), sp("Ann Bell"))]
        );
    }

    #[test]
    fn an_abbreviated_pharmacist_s_title_keeps_the_sentence_whole() {
        let t = "Tom Hale spoke.\n\n\"It is bad,\" Pharm. Obi Nwafor said.";
        assert_eq!(speakers(t), [("It is bad,".into(), sp("Obi Nwafor"))]);
    }

    #[test]
    fn the_one_a_statement_quotes_as_saying_speaks() {
        let t =
            "Tom Hale spoke.\n\n\"We sold every pack,\" the statement quoted Ann Bell as saying.";
        assert_eq!(
            speakers(t),
            [("We sold every pack,".into(), sp("Ann Bell"))]
        );
    }

    #[test]
    fn the_signer_named_in_an_adjunct_is_not_the_subject() {
        let t = "Ann Bell, in a statement signed by her aide, Tom Hale, said the firm had stopped sales.";
        assert_eq!(
            indirect(t),
            [("the firm had stopped sales".into(), sp("Ann Bell"))]
        );
    }

    #[test]
    fn the_town_a_body_sits_in_is_not_the_speaker() {
        let t = "Tom Hale spoke.\n\nThe Northern Medicines Agency in Leeds said it was reviewing other drugs.";
        assert_eq!(
            indirect(t),
            [(
                "it was reviewing other drugs".into(),
                sp("Northern Medicines Agency")
            )]
        );
    }
}
