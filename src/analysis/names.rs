//! Name forms and identities: linking the variants of one name (`Putin`,
//! `Vladimir Putin`; `al-Sudani`, `Mohammed Shia' Al Sudani`) to one speaker
//! identity across the corpus. Pure functions over strings.

use std::collections::HashMap;

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

/// All speaker names of a corpus grouped into identities.
#[derive(Debug, Clone, Default)]
pub struct SpeakerIndex {
    by_key: HashMap<String, SpeakerId>,
    identities: Vec<Identity>,
}

#[derive(Debug, Clone)]
struct Identity {
    canonical: String,
    variants: Vec<String>,
}

impl SpeakerIndex {
    /// Groups `names` (every speaker name of every article, repeats allowed).
    pub fn build<'a>(names: impl IntoIterator<Item = &'a str>) -> SpeakerIndex {
        let mut index = SpeakerIndex::default();
        for name in names {
            let key = name_key(name);
            if key.is_empty() {
                continue;
            }
            let id = *index.by_key.entry(key).or_insert_with(|| {
                index.identities.push(Identity {
                    canonical: name.to_string(),
                    variants: Vec::new(),
                });
                SpeakerId((index.identities.len() - 1) as u32)
            });
            let ident = &mut index.identities[id.0 as usize];
            if !ident.variants.iter().any(|v| v == name) {
                ident.variants.push(name.to_string());
            }
        }
        index
    }

    /// The identity a name form belongs to.
    pub fn id_of(&self, name: &str) -> Option<SpeakerId> {
        self.by_key.get(&name_key(name)).copied()
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
}
