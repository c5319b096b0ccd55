//! Which statements an export keeps (`--tag`, `--speaker`, `--article`) and
//! which speaker names belong to one person.
//!
//! Name forms are compared through `analysis::names` (its key and its speaker
//! index); on top of that a shorter form matches a longer one that ends with
//! the same words (`Putin` ↔ `Vladimir Putin`, `al-Sudani` ↔ `Mohammed Shia
//! Al Sudani`), the way articles shorten a name after its first mention.

use std::collections::HashMap;

use crate::analysis::names::{SpeakerIndex, name_key};

use super::ExportRecord;

/// Filters of an export. Within one list any value may match (OR); every
/// non-empty list must match (AND). Empty lists keep everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Keep statements carrying any of these tags (case-insensitive).
    pub tags: Vec<String>,
    /// Keep statements by any of these speakers, in any form of the name.
    pub speakers: Vec<String>,
    /// Keep statements of these articles (id, or path with its extension).
    pub articles: Vec<String>,
}

impl Filter {
    /// True when the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        self.tags.is_empty() && self.speakers.is_empty() && self.articles.is_empty()
    }

    /// Whether an article (by id and path) passes the article filter.
    pub fn keeps_article(&self, id: &str, path: &str) -> bool {
        self.articles.is_empty() || self.articles.iter().any(|a| a == id || a == path)
    }

    /// Whether a row with these tags passes the tag filter.
    pub fn keeps_tags(&self, tags: &[String]) -> bool {
        self.tags.is_empty()
            || self
                .tags
                .iter()
                .any(|want| tags.iter().any(|t| same_tag(t, want)))
    }

    /// Whether a row passes every filter; `speakers` tells which names are one person.
    pub fn keeps(&self, record: &ExportRecord, speakers: &SpeakerMatcher) -> bool {
        self.keeps_article(&record.article_id, &record.path)
            && self.keeps_tags(&record.tags)
            && (self.speakers.is_empty()
                || record.speaker.as_deref().is_some_and(|s| {
                    self.speakers
                        .iter()
                        .any(|want| speakers.same_person(want, s))
                }))
    }
}

fn same_tag(a: &str, b: &str) -> bool {
    a == b || a.to_lowercase() == b.to_lowercase()
}

/// Tells whether two name forms name the same person, and which form to show
/// for a person, over a fixed set of names (those of one export).
#[derive(Debug, Clone, Default)]
pub struct SpeakerMatcher {
    index: SpeakerIndex,
    /// Name key → the longest key it unambiguously shortens (itself if none).
    longest: HashMap<String, String>,
    /// Key of the longest form → the name shown for the person.
    display: HashMap<String, String>,
}

impl SpeakerMatcher {
    /// A matcher over `names` (every speaker name of the export and of the
    /// filter; repeats allowed).
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str> + Clone) -> Self {
        let index = SpeakerIndex::build(names.clone());
        let mut keys: Vec<(String, &str)> = names
            .into_iter()
            .map(|n| (name_key(n), n))
            .filter(|(k, _)| !k.is_empty())
            .collect();
        keys.sort();
        keys.dedup_by(|a, b| a.0 == b.0);
        // Proper word-suffix → the longer keys that end with it.
        let mut shortened_by: HashMap<&str, Vec<&str>> = HashMap::new();
        for (key, _) in &keys {
            for (i, _) in key.match_indices(' ') {
                shortened_by.entry(&key[i + 1..]).or_default().push(key);
            }
        }
        let mut longest = HashMap::with_capacity(keys.len());
        for (key, _) in &keys {
            let target = shortened_by
                .get(key.as_str())
                .and_then(|longer| nested_longest(longer))
                .unwrap_or(key);
            longest.insert(key.clone(), target.to_string());
        }
        let display = keys
            .iter()
            .map(|(k, name)| (k.clone(), (*name).to_string()))
            .collect();
        Self {
            index,
            longest,
            display,
        }
    }

    /// True when `a` and `b` name the same person: the same name key, one
    /// identity in the names index, or one form ending with the other's words.
    pub fn same_person(&self, a: &str, b: &str) -> bool {
        let (ka, kb) = (name_key(a), name_key(b));
        if ka.is_empty() || kb.is_empty() {
            return false;
        }
        if ka == kb || ends_with_words(&ka, &kb) || ends_with_words(&kb, &ka) {
            return true;
        }
        matches!((self.index.id_of(a), self.index.id_of(b)), (Some(x), Some(y)) if x == y)
    }

    /// The name shown for the person `name` belongs to: its longest form
    /// among the matcher's names (`Putin` → `Vladimir Putin`).
    pub fn display_name<'a>(&'a self, name: &'a str) -> &'a str {
        let key = name_key(name);
        self.longest
            .get(&key)
            .and_then(|k| self.display.get(k))
            .map_or(name, String::as_str)
    }
}

/// The longest of `keys` when every other one is a shorter form of it (all
/// one person); `None` when they name different people (`Ann Smith`, `Bob Smith`).
fn nested_longest<'a>(keys: &[&'a str]) -> Option<&'a str> {
    let longest = keys.iter().copied().max_by_key(|k| k.len())?;
    keys.iter()
        .all(|k| *k == longest || ends_with_words(longest, k))
        .then_some(longest)
}

/// True when the words of `short` are the last words of `long` (both name keys).
fn ends_with_words(long: &str, short: &str) -> bool {
    long.len() > short.len()
        && long.ends_with(short)
        && long.as_bytes()[long.len() - short.len() - 1] == b' '
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Source;

    fn record(article: &str, speaker: Option<&str>, tags: &[&str]) -> ExportRecord {
        ExportRecord {
            article_id: article.into(),
            title: String::new(),
            date: None,
            path: format!("{article}.txt"),
            source: Source::User,
            annotation_id: None,
            kind: "direct".into(),
            speaker: speaker.map(Into::into),
            text: "words".into(),
            prefix: String::new(),
            suffix: String::new(),
            start: Some(0),
            end: Some(5),
            tags: tags.iter().map(|t| (*t).to_string()).collect(),
            note: String::new(),
            created: None,
            modified: None,
        }
    }

    #[test]
    fn a_surname_matches_the_full_name_and_back() {
        let m = SpeakerMatcher::new(["Vladimir Putin", "Putin", "Dmitry Peskov"]);
        assert!(m.same_person("Putin", "Vladimir Putin"));
        assert!(m.same_person("vladimir putin", "Putin"));
        assert!(m.same_person("al-Sudani", "Mohammed Shia' Al Sudani"));
        assert!(!m.same_person("Putin", "Dmitry Peskov"));
        // A word inside a name is not a surname.
        assert!(!m.same_person("Vladimir", "Vladimir Putin"));
        assert!(!m.same_person("", "Putin"));
    }

    #[test]
    fn display_name_is_the_longest_unambiguous_form() {
        let m = SpeakerMatcher::new(["Putin", "Vladimir Putin", "Smith", "Ann Smith", "Bob Smith"]);
        assert_eq!(m.display_name("putin"), "Vladimir Putin");
        assert_eq!(m.display_name("Vladimir Putin"), "Vladimir Putin");
        // Two people share the surname: the short form stays on its own.
        assert_eq!(m.display_name("Smith"), "Smith");
        assert_eq!(m.display_name("Unknown Person"), "Unknown Person");
        // Nested forms of one name all lead to the longest.
        let m = SpeakerMatcher::new(["Putin", "Vladimir Putin", "President Vladimir Putin"]);
        assert_eq!(m.display_name("Putin"), "President Vladimir Putin");
    }

    #[test]
    fn filters_are_or_within_and_across() {
        let m = SpeakerMatcher::new(["Vladimir Putin", "Dmitry Peskov"]);
        let r = record("a", Some("Vladimir Putin"), &["blame-us", "gaza"]);
        let mut f = Filter::default();
        assert!(f.keeps(&r, &m));
        f.tags = vec!["nothing".into(), "GAZA".into()];
        assert!(f.keeps(&r, &m));
        f.speakers = vec!["Peskov".into()];
        assert!(!f.keeps(&r, &m));
        f.speakers.push("Putin".into());
        assert!(f.keeps(&r, &m));
        f.articles = vec!["b".into()];
        assert!(!f.keeps(&r, &m));
        f.articles.push("a.txt".into());
        assert!(f.keeps(&r, &m));
    }

    #[test]
    fn speaker_filter_never_keeps_rows_without_speaker() {
        let m = SpeakerMatcher::new(["Putin"]);
        let f = Filter {
            speakers: vec!["Putin".into()],
            ..Filter::default()
        };
        assert!(!f.keeps(&record("a", None, &[]), &m));
    }
}
