//! Which statements an export keeps (`--tag`, `--speaker`, `--article`) and
//! which speaker names belong to one person.
//!
//! Name forms are linked into people by the corpus-wide name linking
//! (`analysis::names`, through `search::SpeakerDirectory`) with the user's
//! merges and splits from the sidecar applied, so that `--speaker Putin`
//! keeps `Vladimir Putin`'s statements and the report groups them together.

use std::collections::HashMap;

use crate::annotations::SpeakerDecisions;
use crate::search::{self, SpeakerDirectory, speakers::Who};

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

/// Tells whether two name forms name the same person, and which name to
/// show for a person, over a fixed set of names (those of one export).
#[derive(Debug, Clone, Default)]
pub struct SpeakerMatcher {
    directory: SpeakerDirectory,
    who: HashMap<String, Who>,
}

impl SpeakerMatcher {
    /// A matcher over `names` (every speaker name of the export and of the
    /// filter; repeats allowed) with the user's `decisions` applied.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>, decisions: &SpeakerDecisions) -> Self {
        let mut distinct: Vec<String> = Vec::new();
        let mut seen: HashMap<&str, ()> = HashMap::new();
        for n in names {
            if !n.trim().is_empty() && seen.insert(n, ()).is_none() {
                distinct.push(n.to_string());
            }
        }
        let directory = SpeakerDirectory::build(&distinct, decisions);
        let who = distinct
            .iter()
            .enumerate()
            .filter_map(|(i, n)| {
                let who = directory.who(search::NameId(i as u32))?;
                Some((n.clone(), who))
            })
            .collect();
        Self { directory, who }
    }

    fn who(&self, name: &str) -> Option<Who> {
        self.who
            .get(name)
            .copied()
            .or_else(|| self.directory.who_by_name(name))
    }

    /// True when `a` and `b` name the same person.
    pub fn same_person(&self, a: &str, b: &str) -> bool {
        if a.trim().is_empty() || b.trim().is_empty() {
            return false;
        }
        a == b || matches!((self.who(a), self.who(b)), (Some(x), Some(y)) if x == y)
    }

    /// The name shown for the person `name` belongs to: the most complete
    /// form, without titles (`Putin` → `Vladimir Putin`).
    pub fn display_name<'a>(&'a self, name: &'a str) -> &'a str {
        self.who(name)
            .map(|w| self.directory.canonical(w))
            .filter(|c| !c.is_empty())
            .unwrap_or(name)
    }
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
            orphaned: false,
            tags: tags.iter().map(|t| (*t).to_string()).collect(),
            note: String::new(),
            created: None,
            modified: None,
        }
    }

    fn matcher(names: &[&str]) -> SpeakerMatcher {
        SpeakerMatcher::new(names.iter().copied(), &SpeakerDecisions::default())
    }

    #[test]
    fn a_surname_matches_the_full_name_and_back() {
        let m = matcher(&[
            "Vladimir Putin",
            "Putin",
            "Dmitry Peskov",
            "al-Sudani",
            "Mohammed Shia' Al Sudani",
        ]);
        assert!(m.same_person("Putin", "Vladimir Putin"));
        assert!(m.same_person("Vladimir Putin", "Putin"));
        assert!(m.same_person("al-Sudani", "Mohammed Shia' Al Sudani"));
        assert!(!m.same_person("Putin", "Dmitry Peskov"));
        assert!(!m.same_person("", "Putin"));
    }

    #[test]
    fn display_name_is_the_most_complete_form() {
        let m = matcher(&["Putin", "Vladimir Putin", "Smith", "Ann Smith", "Bob Smith"]);
        assert_eq!(m.display_name("Putin"), "Vladimir Putin");
        assert_eq!(m.display_name("Vladimir Putin"), "Vladimir Putin");
        // Two people share the surname: the short form is not given to either.
        assert_ne!(m.display_name("Smith"), "Ann Smith");
        assert_ne!(m.display_name("Smith"), "Bob Smith");
        assert_eq!(m.display_name("Unknown Person"), "Unknown Person");
    }

    #[test]
    fn the_users_merges_and_splits_decide() {
        let decisions: SpeakerDecisions = serde_json::from_str(
            r#"{"merges": [{"from": "Kremlin", "into": "Dmitry Peskov"}], "splits": ["Putin"]}"#,
        )
        .unwrap();
        let names = [
            "Vladimir Putin",
            "Putin",
            "Dmitry Peskov",
            "Kremlin",
            "Peskov",
        ];
        let m = SpeakerMatcher::new(names, &decisions);
        assert!(m.same_person("Peskov", "Kremlin"));
        assert!(!m.same_person("Putin", "Vladimir Putin"));
    }

    #[test]
    fn filters_are_or_within_and_across() {
        let m = matcher(&["Vladimir Putin", "Dmitry Peskov", "Peskov", "Putin"]);
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
        let m = matcher(&["Putin"]);
        let f = Filter {
            speakers: vec!["Putin".into()],
            ..Filter::default()
        };
        assert!(!f.keeps(&record("a", None, &[]), &m));
    }
}
