//! Named entities across the corpus: people, organisations and places with
//! their mentions, for the entities view and the entity filter.
//!
//! [`EntityCatalog`] is filled article by article as analyses arrive; one
//! entity is one label plus one name key (case, hyphens and apostrophes
//! folded), shown under its most frequent written form. Never reads files.

use std::collections::HashMap;

use super::index::ArticleIdx;
use crate::analysis::names::name_key;
use crate::analysis::{Entity, EntityLabel, Span};

/// An entity (label + name key), interned by the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityKey(pub u32);

#[derive(Debug, Clone)]
struct Known {
    label: EntityLabel,
    /// Written forms with how often each was seen (the most frequent is shown).
    forms: Vec<(String, u32)>,
}

/// Every entity mention of the corpus, by article.
#[derive(Debug, Clone, Default)]
pub struct EntityCatalog {
    by_key: HashMap<(EntityLabel, String), EntityKey>,
    known: Vec<Known>,
    per_article: Vec<Vec<(EntityKey, Span)>>,
}

impl EntityCatalog {
    /// An empty catalogue.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets (or replaces) the entity mentions of one article.
    pub fn set_article(&mut self, article: ArticleIdx, text: &str, entities: &[Entity]) {
        let a = article as usize;
        if self.per_article.len() <= a {
            self.per_article.resize_with(a + 1, Vec::new);
        }
        let old = std::mem::take(&mut self.per_article[a]);
        for (k, span) in &old {
            self.count_form(*k, span.slice(text), false);
        }
        let mut mentions = Vec::with_capacity(entities.len());
        for e in entities {
            let surface = e.span.slice(text);
            let key = name_key(surface);
            if key.is_empty() {
                continue;
            }
            let next = EntityKey(self.known.len() as u32);
            let k = *self.by_key.entry((e.label, key)).or_insert(next);
            if k == next {
                self.known.push(Known {
                    label: e.label,
                    forms: Vec::new(),
                });
            }
            self.count_form(k, surface, true);
            mentions.push((k, e.span));
        }
        self.per_article[a] = mentions;
    }

    fn count_form(&mut self, k: EntityKey, form: &str, add: bool) {
        let Some(known) = self.known.get_mut(k.0 as usize) else {
            return;
        };
        match known.forms.iter_mut().find(|(f, _)| f == form) {
            Some((_, n)) if add => *n += 1,
            Some((_, n)) => *n = n.saturating_sub(1),
            None if add => known.forms.push((form.to_string(), 1)),
            None => {}
        }
    }

    /// The distinct entities of one article, sorted (for [`super::ArticleFacts`]).
    pub fn keys_in(&self, article: ArticleIdx) -> Vec<EntityKey> {
        let mut v: Vec<EntityKey> = self
            .per_article
            .get(article as usize)
            .map(|m| m.iter().map(|(k, _)| *k).collect())
            .unwrap_or_default();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The entity a written form with a label belongs to, if seen.
    pub fn key_of(&self, label: EntityLabel, form: &str) -> Option<EntityKey> {
        self.by_key.get(&(label, name_key(form))).copied()
    }

    /// The label of an entity.
    pub fn label(&self, k: EntityKey) -> Option<EntityLabel> {
        self.known.get(k.0 as usize).map(|e| e.label)
    }

    /// The display name of an entity: its most frequent written form
    /// (the first seen on a tie).
    pub fn name(&self, k: EntityKey) -> &str {
        self.known
            .get(k.0 as usize)
            .and_then(|e| {
                e.forms
                    .iter()
                    .rev()
                    .max_by_key(|(_, n)| *n)
                    .map(|(f, _)| f.as_str())
            })
            .unwrap_or("")
    }

    /// Every mention of an entity (article, span), in corpus order: one pass
    /// over the compact records, done when an entity is opened.
    pub fn mentions_of(&self, k: EntityKey) -> Vec<(ArticleIdx, Span)> {
        let mut out = Vec::new();
        for (a, ms) in self.per_article.iter().enumerate() {
            out.extend(
                ms.iter()
                    .filter(|m| m.0 == k)
                    .map(|m| (a as ArticleIdx, m.1)),
            );
        }
        out
    }

    /// The entities view for some labels (all labels when `labels` is empty).
    pub fn table(&self, labels: &[EntityLabel]) -> EntityTable {
        let n = self.known.len();
        let wanted =
            |k: EntityKey| labels.is_empty() || labels.contains(&self.known[k.0 as usize].label);
        let mut rows: Vec<EntityRow> = (0..n)
            .map(|i| EntityRow {
                key: EntityKey(i as u32),
                label: self.known[i].label,
                mentions: 0,
                articles: 0,
            })
            .collect();
        let mut last = vec![u32::MAX; n];
        for (a, ms) in self.per_article.iter().enumerate() {
            for (k, _) in ms {
                let r = &mut rows[k.0 as usize];
                r.mentions += 1;
                if last[k.0 as usize] != a as u32 {
                    last[k.0 as usize] = a as u32;
                    r.articles += 1;
                }
            }
        }
        let mut order: Vec<u32> = (0..n as u32)
            .filter(|&i| rows[i as usize].mentions > 0 && wanted(EntityKey(i)))
            .collect();
        order.sort_by_key(|&i| std::cmp::Reverse(rows[i as usize].mentions));
        EntityTable {
            names: (0..n)
                .map(|i| self.name(EntityKey(i as u32)).to_string())
                .collect(),
            rows,
            order,
        }
    }
}

/// Counts for one entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntityRow {
    pub key: EntityKey,
    pub label: EntityLabel,
    pub mentions: u32,
    pub articles: u32,
}

/// Sort orders of the entities view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntitySort {
    Name,
    Mentions,
    Articles,
}

/// The entities view's data: entities with counts, in display order.
#[derive(Debug, Clone)]
pub struct EntityTable {
    names: Vec<String>,
    rows: Vec<EntityRow>,
    order: Vec<u32>,
}

impl EntityTable {
    /// The listed entities in display order (initially most mentioned first).
    pub fn rows(&self) -> impl ExactSizeIterator<Item = &EntityRow> {
        self.order.iter().map(|&i| &self.rows[i as usize])
    }

    /// Number of entities listed.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when nothing is listed.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The display name of an entity.
    pub fn name(&self, k: EntityKey) -> &str {
        self.names.get(k.0 as usize).map_or("", String::as_str)
    }

    /// Sorts the rows; ties by name. Counts largest first, names A→Z, unless `reverse`.
    pub fn sort(&mut self, by: EntitySort, reverse: bool) {
        let rows = &self.rows;
        let names = &self.names;
        self.order.sort_by_cached_key(|&i| {
            let r = &rows[i as usize];
            let count = match by {
                EntitySort::Name => 0,
                EntitySort::Mentions => r.mentions,
                EntitySort::Articles => r.articles,
            };
            (std::cmp::Reverse(count), names[i as usize].to_lowercase())
        });
        if reverse {
            self.order.reverse();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ents(text: &str, found: &[(&str, EntityLabel)]) -> Vec<Entity> {
        found
            .iter()
            .flat_map(|(w, label)| {
                text.match_indices(w).map(|(i, m)| Entity {
                    span: Span::new(i, i + m.len()),
                    label: *label,
                })
            })
            .collect()
    }

    #[test]
    fn mentions_and_articles_per_label_and_name() {
        use EntityLabel::*;
        let mut c = EntityCatalog::new();
        let t0 = "Moscow said. The Kremlin and moscow agreed. Moscow (the team) won.";
        c.set_article(
            0,
            t0,
            &ents(
                t0,
                &[("Moscow", Place), ("moscow", Place), ("Kremlin", Org)],
            ),
        );
        let t1 = "In Moscow today.";
        c.set_article(1, t1, &ents(t1, &[("Moscow", Place)]));
        let t = c.table(&[]);
        let moscow = c.key_of(Place, "MOSCOW").unwrap();
        let row = t.rows().find(|r| r.key == moscow).unwrap();
        assert_eq!((row.mentions, row.articles), (4, 2));
        assert_eq!(t.name(moscow), "Moscow");
        assert_eq!(c.mentions_of(moscow)[3], (1, Span::new(3, 9)));
        assert_eq!(t.rows().next().map(|r| r.key), Some(moscow));
        let orgs = c.table(&[Org]);
        assert_eq!(orgs.len(), 1);
        assert_eq!(c.keys_in(0).len(), 2);
    }

    #[test]
    fn replacing_an_article_replaces_its_mentions() {
        use EntityLabel::*;
        let mut c = EntityCatalog::new();
        let t0 = "Paris and PARIS.";
        c.set_article(0, t0, &ents(t0, &[("PARIS", Place)]));
        c.set_article(0, t0, &ents(t0, &[("Paris", Place)]));
        let paris = c.key_of(Place, "paris").unwrap();
        assert_eq!(c.name(paris), "Paris");
        let mut t = c.table(&[Place]);
        assert_eq!(c.mentions_of(paris).len(), 1);
        t.sort(EntitySort::Name, false);
        assert_eq!(t.len(), 1);
    }
}
