//! Speakers across the corpus: every statement with its speaker, one identity
//! per person across name variants, the user's merges and splits applied, and
//! the counts of the speakers view.
//!
//! [`SpeakerCatalog`] is filled article by article as analyses arrive (and
//! again for an article whose annotations change); opening the view builds a
//! [`SpeakerTable`] from it, which touches only compact records. Name linking
//! itself is [`crate::analysis::names::SpeakerIndex`]'s job; this module
//! applies the user's corrections on top and never reads files.

use std::collections::HashMap;
use std::sync::Arc;

use super::index::ArticleIdx;
use crate::analysis::names::{SpeakerIndex, name_key};
use crate::analysis::{Quote, QuoteKind, Span};
pub use crate::annotations::SpeakerDecisions;
use crate::annotations::{Anchor, Annotation, CharIndex, anchor::anchor_in};

/// A speaker name form as written in some article, interned by the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NameId(pub u32);

/// A person (speaker identity) after the user's decisions; valid within one
/// [`SpeakerDirectory`] and the table built with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Who(pub u32);

/// A statement the user annotated, anchored to a byte span of the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserStatement {
    pub span: Span,
    /// The speaker the user set, if any; it overrides the analysis.
    pub speaker: Option<String>,
    /// The statement kind; `None` for a free selection (counted as a quotation).
    pub kind: Option<QuoteKind>,
}

impl UserStatement {
    /// The statements among one article's annotations: those with a target
    /// that can be placed in `text` (moved ones at their new place; orphans
    /// and whole-article notes are left out). Kinds other than the analysis'
    /// four (a free `selection`) count as quotations.
    pub fn from_annotations<'a>(
        text: &str,
        annotations: impl IntoIterator<Item = &'a Annotation>,
    ) -> Vec<UserStatement> {
        let index = CharIndex::new(text);
        annotations
            .into_iter()
            .filter_map(|a| {
                let span = match anchor_in(a.target.as_ref()?, &index) {
                    Anchor::Anchored(span) | Anchor::Moved { span, .. } => span,
                    Anchor::WholeArticle | Anchor::Orphaned(_) => return None,
                };
                let kind = match a.kind.as_deref() {
                    Some("direct") => Some(QuoteKind::Direct),
                    Some("fragment") => Some(QuoteKind::Fragment),
                    Some("term") => Some(QuoteKind::Term),
                    Some("indirect") => Some(QuoteKind::Indirect),
                    _ => None,
                };
                Some(UserStatement {
                    span,
                    speaker: a.speaker.clone().filter(|s| !s.trim().is_empty()),
                    kind,
                })
            })
            .collect()
    }
}

/// One statement in the speakers view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Statement {
    pub article: ArticleIdx,
    /// Index into the article's `Analysis::quotes`; `None` for a statement
    /// only the user marked.
    pub quote: Option<u32>,
    pub span: Span,
    /// `None` for a free selection the user attributed.
    pub kind: Option<QuoteKind>,
    pub annotated: bool,
    pub name: NameId,
}

impl Statement {
    /// The statement's words, given its article's text.
    pub fn text<'a>(&self, article_text: &'a str) -> &'a str {
        self.span.slice(article_text)
    }

    /// True for reported (indirect) speech.
    pub fn is_reported(&self) -> bool {
        self.kind == Some(QuoteKind::Indirect)
    }
}

/// Compact per-statement record (the catalogue may hold millions).
#[derive(Debug, Clone, Copy)]
struct Rec {
    quote: u32,
    start: u32,
    end: u32,
    name: u32,
    kind: u8,
    annotated: bool,
}

const NONE: u32 = u32::MAX;
const SELECTION: u8 = u8::MAX;

fn kind_code(k: Option<QuoteKind>) -> u8 {
    match k {
        Some(QuoteKind::Direct) => 0,
        Some(QuoteKind::Fragment) => 1,
        Some(QuoteKind::Term) => 2,
        Some(QuoteKind::Indirect) => 3,
        None => SELECTION,
    }
}

fn kind_of(code: u8) -> Option<QuoteKind> {
    match code {
        0 => Some(QuoteKind::Direct),
        1 => Some(QuoteKind::Fragment),
        2 => Some(QuoteKind::Term),
        3 => Some(QuoteKind::Indirect),
        _ => None,
    }
}

/// Every attributed statement of the corpus, by article.
#[derive(Debug, Clone, Default)]
pub struct SpeakerCatalog {
    names: Vec<String>,
    by_name: HashMap<String, NameId>,
    per_article: Vec<Vec<Rec>>,
}

impl SpeakerCatalog {
    /// An empty catalogue.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets (or replaces) the statements of one article: the analysis'
    /// quotations, with the user's annotated statements laid over them. A
    /// user statement on the same text as a quotation (one span inside the
    /// other) marks it annotated and its speaker, if set, wins; any other
    /// user statement with a speaker is added. Statements without a speaker
    /// and terms (no one's speech) are not kept.
    pub fn set_article(&mut self, article: ArticleIdx, quotes: &[Quote], user: &[UserStatement]) {
        let mut recs: Vec<(Rec, Option<&str>)> = quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let rec = Rec {
                    quote: i as u32,
                    start: q.span.start as u32,
                    end: q.span.end as u32,
                    name: NONE,
                    kind: kind_code(Some(q.kind)),
                    annotated: false,
                };
                (rec, q.speaker.as_deref())
            })
            .collect();
        for u in user {
            let same = recs.iter_mut().find(|(r, _)| {
                let s = Span::new(r.start as usize, r.end as usize);
                s.contains(u.span) || u.span.contains(s)
            });
            match same {
                Some((r, name)) => {
                    r.annotated = true;
                    if u.speaker.is_some() {
                        *name = u.speaker.as_deref();
                    }
                }
                None => recs.push((
                    Rec {
                        quote: NONE,
                        start: u.span.start as u32,
                        end: u.span.end as u32,
                        name: NONE,
                        kind: kind_code(u.kind),
                        annotated: true,
                    },
                    u.speaker.as_deref(),
                )),
            }
        }
        let mut kept = Vec::with_capacity(recs.len());
        for (mut r, name) in recs {
            let Some(name) = name.filter(|n| !name_key(n).is_empty()) else {
                continue;
            };
            if kind_of(r.kind) == Some(QuoteKind::Term) {
                continue;
            }
            r.name = self.intern(name).0;
            kept.push(r);
        }
        let a = article as usize;
        if self.per_article.len() <= a {
            self.per_article.resize_with(a + 1, Vec::new);
        }
        self.per_article[a] = kept;
    }

    fn intern(&mut self, name: &str) -> NameId {
        if let Some(&id) = self.by_name.get(name) {
            return id;
        }
        let id = NameId(self.names.len() as u32);
        self.names.push(name.to_string());
        self.by_name.insert(name.to_string(), id);
        id
    }

    /// Every name form seen, indexed by [`NameId`].
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The id of a name form exactly as written, if seen.
    pub fn name_id(&self, name: &str) -> Option<NameId> {
        self.by_name.get(name).copied()
    }

    /// The distinct speaker names of one article, sorted (for [`super::ArticleFacts`]).
    pub fn names_in(&self, article: ArticleIdx) -> Vec<NameId> {
        let mut v: Vec<NameId> = self
            .per_article
            .get(article as usize)
            .map(|recs| recs.iter().map(|r| NameId(r.name)).collect())
            .unwrap_or_default();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// The attributed statements of one article.
    pub fn statements_in(&self, article: ArticleIdx) -> impl Iterator<Item = Statement> + '_ {
        self.per_article
            .get(article as usize)
            .into_iter()
            .flatten()
            .map(move |r| statement(article, r))
    }

    /// Number of statements held.
    pub fn len(&self) -> usize {
        self.per_article.iter().map(Vec::len).sum()
    }

    /// True when no statement is held.
    pub fn is_empty(&self) -> bool {
        self.per_article.iter().all(Vec::is_empty)
    }

    /// Groups the names into people: automatic linking, then the user's decisions.
    pub fn directory(&self, decisions: &SpeakerDecisions) -> SpeakerDirectory {
        SpeakerDirectory::build(&self.names, decisions)
    }

    /// Every statement of one person (as grouped by `dir`), in corpus order:
    /// one pass over the compact records, done when a speaker is opened.
    pub fn statements_of(&self, dir: &SpeakerDirectory, who: Who) -> Vec<Statement> {
        let mut out = Vec::new();
        for (a, recs) in self.per_article.iter().enumerate() {
            for r in recs {
                if dir.of_name.get(r.name as usize) == Some(&who) {
                    out.push(statement(a as u32, r));
                }
            }
        }
        out
    }

    /// The speakers view: one row per person with counts (no statement is
    /// copied: see [`SpeakerCatalog::statements_of`]). Builds the directory;
    /// to open the view repeatedly, keep one and use [`SpeakerCatalog::table_with`].
    pub fn table(&self, decisions: &SpeakerDecisions) -> SpeakerTable {
        self.table_with(Arc::new(self.directory(decisions)))
    }

    /// The speakers view with a directory built before (check it with
    /// [`SpeakerDirectory::is_current`]): only counts, one pass over the records.
    pub fn table_with(&self, dir: Arc<SpeakerDirectory>) -> SpeakerTable {
        let people = dir.len();
        let mut rows: Vec<SpeakerRow> = (0..people)
            .map(|i| SpeakerRow {
                who: Who(i as u32),
                quotations: 0,
                reported: 0,
                articles: 0,
                annotated: 0,
            })
            .collect();
        let of_name = &dir.of_name;
        let mut last_article = vec![NONE; people];
        for (a, recs) in self.per_article.iter().enumerate() {
            for r in recs {
                let w = of_name[r.name as usize].0 as usize;
                let row = &mut rows[w];
                if r.kind == kind_code(Some(QuoteKind::Indirect)) {
                    row.reported += 1;
                } else {
                    row.quotations += 1;
                }
                row.annotated += u32::from(r.annotated);
                if last_article[w] != a as u32 {
                    last_article[w] = a as u32;
                    row.articles += 1;
                }
            }
        }
        let order = (0..people as u32)
            .filter(|&i| rows[i as usize].statements() > 0)
            .collect();
        SpeakerTable { dir, rows, order }
    }
}

fn statement(article: ArticleIdx, r: &Rec) -> Statement {
    Statement {
        article,
        quote: (r.quote != NONE).then_some(r.quote),
        span: Span::new(r.start as usize, r.end as usize),
        kind: kind_of(r.kind),
        annotated: r.annotated,
        name: NameId(r.name),
    }
}

/// Name forms grouped into people.
#[derive(Debug, Clone, Default)]
pub struct SpeakerDirectory {
    names: Vec<String>,
    of_name: Vec<Who>,
    canonical: Vec<String>,
    members: Vec<Vec<NameId>>,
    decisions: SpeakerDecisions,
}

impl SpeakerDirectory {
    /// Groups `names` (indexed by [`NameId`]) with the automatic linking, then
    /// applies the splits, then the merges in order (so a split name can be
    /// merged elsewhere). Decisions naming unknown names are ignored.
    pub fn build(names: &[String], decisions: &SpeakerDecisions) -> SpeakerDirectory {
        let index = SpeakerIndex::build(names.iter().map(String::as_str));
        let mut id_of_form: HashMap<&str, usize> = HashMap::new();
        for id in index.ids() {
            for v in index.variants(id) {
                id_of_form.insert(v.as_str(), id.0 as usize);
            }
        }
        let keys: Vec<String> = names.iter().map(|n| name_key(n)).collect();
        // First name form with each exact spelling and each key.
        let mut by_name: HashMap<&str, usize> = HashMap::new();
        let mut by_key: HashMap<&str, usize> = HashMap::new();
        for (i, (n, k)) in names.iter().zip(&keys).enumerate() {
            by_name.entry(n.as_str()).or_insert(i);
            by_key.entry(k.as_str()).or_insert(i);
        }
        // One group per automatic identity, one per unlinked name, one per split key.
        let mut group_of: Vec<usize> = Vec::with_capacity(names.len());
        let mut canonical: Vec<String> = index
            .ids()
            .map(|s| index.canonical(s).to_string())
            .collect();
        let mut split_group: HashMap<&str, usize> = HashMap::new();
        for s in &decisions.splits {
            if let Some(&i) = by_key.get(name_key(s).as_str())
                && !split_group.contains_key(keys[i].as_str())
            {
                split_group.insert(keys[i].as_str(), canonical.len());
                canonical.push(s.clone());
            }
        }
        for (i, name) in names.iter().enumerate() {
            let g = if let Some(&g) = split_group.get(keys[i].as_str()) {
                g
            } else if let Some(&s) = id_of_form.get(name.as_str()) {
                s
            } else {
                canonical.push(name.clone());
                canonical.len() - 1
            };
            group_of.push(g);
        }
        let mut parent: Vec<usize> = (0..canonical.len()).collect();
        let find = |parent: &mut Vec<usize>, mut g: usize| {
            while parent[g] != g {
                parent[g] = parent[parent[g]];
                g = parent[g];
            }
            g
        };
        let group_named = |n: &str| {
            by_name
                .get(n)
                .or_else(|| by_key.get(name_key(n).as_str()))
                .map(|&i| group_of[i])
        };
        for m in &decisions.merges {
            if let (Some(f), Some(t)) = (group_named(&m.from), group_named(&m.into)) {
                let (f, t) = (find(&mut parent, f), find(&mut parent, t));
                if f != t {
                    parent[f] = t;
                }
            }
        }
        // Number the people in the order their first name form was seen.
        let mut who_of_root: HashMap<usize, Who> = HashMap::new();
        let mut dir = SpeakerDirectory {
            names: names.to_vec(),
            decisions: decisions.clone(),
            ..SpeakerDirectory::default()
        };
        for (i, &g) in group_of.iter().enumerate() {
            let root = find(&mut parent, g);
            let next = Who(who_of_root.len() as u32);
            let who = *who_of_root.entry(root).or_insert(next);
            if who == next {
                dir.canonical.push(canonical[root].clone());
                dir.members.push(Vec::new());
            }
            dir.members[who.0 as usize].push(NameId(i as u32));
            dir.of_name.push(who);
        }
        dir
    }

    /// True when this directory still groups `catalog`'s names under
    /// `decisions` (no new name form seen, same decisions): then it can be
    /// reused to open the speakers view without linking names again.
    pub fn is_current(&self, catalog: &SpeakerCatalog, decisions: &SpeakerDecisions) -> bool {
        self.names.len() == catalog.names.len() && self.decisions == *decisions
    }

    /// Number of people.
    pub fn len(&self) -> usize {
        self.canonical.len()
    }

    /// True when no speaker is known.
    pub fn is_empty(&self) -> bool {
        self.canonical.is_empty()
    }

    /// The person a name form belongs to.
    pub fn who(&self, name: NameId) -> Option<Who> {
        self.of_name.get(name.0 as usize).copied()
    }

    /// The person a name (as written anywhere) belongs to, by exact form or name key.
    pub fn who_by_name(&self, name: &str) -> Option<Who> {
        let key = name_key(name);
        let i = self
            .names
            .iter()
            .position(|n| n == name)
            .or_else(|| self.names.iter().position(|n| name_key(n) == key))?;
        self.of_name.get(i).copied()
    }

    /// The display name of a person.
    pub fn canonical(&self, who: Who) -> &str {
        self.canonical
            .get(who.0 as usize)
            .map_or("", String::as_str)
    }

    /// The name forms of a person (ids, sorted): what a speaker filter matches.
    pub fn name_ids(&self, who: Who) -> &[NameId] {
        self.members.get(who.0 as usize).map_or(&[], Vec::as_slice)
    }

    /// The name forms of a person as written.
    pub fn variants(&self, who: Who) -> impl Iterator<Item = &str> {
        self.name_ids(who)
            .iter()
            .filter_map(|n| self.names.get(n.0 as usize).map(String::as_str))
    }
}

/// Counts for one person in the speakers view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpeakerRow {
    pub who: Who,
    /// Direct quotations and fragments (and free selections the user attributed).
    pub quotations: u32,
    /// Reported (indirect) statements.
    pub reported: u32,
    /// Articles with at least one statement.
    pub articles: u32,
    /// Statements the user annotated.
    pub annotated: u32,
}

impl SpeakerRow {
    /// All statements.
    pub fn statements(&self) -> u32 {
        self.quotations + self.reported
    }
}

/// Sort orders of the speakers view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerSort {
    Name,
    Quotations,
    Reported,
    Articles,
    Annotated,
}

/// The speakers view's data: people with counts, in display order.
#[derive(Debug, Clone)]
pub struct SpeakerTable {
    dir: Arc<SpeakerDirectory>,
    rows: Vec<SpeakerRow>,
    order: Vec<u32>,
}

impl SpeakerTable {
    /// The people with at least one statement, in the current order
    /// (initially most statements first — see [`SpeakerTable::sort`]).
    pub fn rows(&self) -> impl ExactSizeIterator<Item = &SpeakerRow> {
        self.order.iter().map(|&i| &self.rows[i as usize])
    }

    /// Number of people listed.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when no one speaks in the corpus.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The counts of one person.
    pub fn row(&self, who: Who) -> Option<&SpeakerRow> {
        self.rows.get(who.0 as usize)
    }

    /// Sorts the rows; ties by name. Counts sort largest first unless
    /// `reverse`; names A→Z unless `reverse`.
    pub fn sort(&mut self, by: SpeakerSort, reverse: bool) {
        let rows = &self.rows;
        let dir = &self.dir;
        let count = |i: u32| {
            let r = &rows[i as usize];
            match by {
                SpeakerSort::Name => 0,
                SpeakerSort::Quotations => r.quotations,
                SpeakerSort::Reported => r.reported,
                SpeakerSort::Articles => r.articles,
                SpeakerSort::Annotated => r.annotated,
            }
        };
        self.order.sort_by_cached_key(|&i| {
            (
                std::cmp::Reverse(count(i)),
                dir.canonical(Who(i)).to_lowercase(),
            )
        });
        if reverse {
            self.order.reverse();
        }
    }

    /// The first `n` rows in the current order (the bar chart).
    pub fn top(&self, n: usize) -> impl Iterator<Item = (&str, &SpeakerRow)> {
        self.rows().take(n).map(|r| (self.dir.canonical(r.who), r))
    }

    /// The grouping of names into people this table was built with.
    pub fn directory(&self) -> &SpeakerDirectory {
        &self.dir
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn merges(pairs: &[(&str, &str)]) -> SpeakerDecisions {
        SpeakerDecisions {
            merges: pairs
                .iter()
                .map(|(from, into)| crate::annotations::SpeakerMerge {
                    from: from.to_string(),
                    into: into.to_string(),
                    extra: serde_json::Map::new(),
                })
                .collect(),
            ..SpeakerDecisions::default()
        }
    }

    fn q(start: usize, kind: QuoteKind, who: Option<&str>) -> Quote {
        Quote {
            span: Span::new(start, start + 5),
            kind,
            speaker: who.map(str::to_string),
        }
    }

    fn catalog() -> SpeakerCatalog {
        use QuoteKind::*;
        let mut c = SpeakerCatalog::new();
        c.set_article(
            0,
            &[
                q(0, Direct, Some("Vladimir Putin")),
                q(10, Indirect, Some("Vladimir Putin")),
                q(20, Term, None),
                q(30, Direct, Some("Dmitry Peskov")),
            ],
            &[],
        );
        c.set_article(
            1,
            &[q(0, Fragment, Some("vladimir putin")), q(10, Direct, None)],
            &[],
        );
        c.set_article(2, &[q(0, Direct, Some("Peskov"))], &[]);
        c
    }

    fn by_name<'a>(t: &'a SpeakerTable, name: &str) -> &'a SpeakerRow {
        let who = t.directory().who_by_name(name).unwrap();
        t.row(who).unwrap()
    }

    #[test]
    fn counts_per_person_across_articles_and_name_variants() {
        let c = catalog();
        let t = c.table(&SpeakerDecisions::default());
        let said = |who| c.statements_of(t.directory(), who);
        let putin = by_name(&t, "Vladimir Putin");
        assert_eq!(
            (putin.quotations, putin.reported, putin.articles),
            (2, 1, 2)
        );
        let variants: Vec<&str> = t.directory().variants(putin.who).collect();
        assert_eq!(variants, ["Vladimir Putin", "vladimir putin"]);
        let kinds: Vec<_> = said(putin.who).iter().map(|s| s.kind).collect();
        use QuoteKind::*;
        assert_eq!(kinds, [Some(Direct), Some(Indirect), Some(Fragment)]);
        assert_eq!(said(putin.who)[2].article, 1);
    }

    #[test]
    fn a_directory_is_reused_until_names_or_decisions_change() {
        let mut c = catalog();
        let none = SpeakerDecisions::default();
        let dir = Arc::new(c.directory(&none));
        assert!(dir.is_current(&c, &none));
        let t = c.table_with(dir.clone());
        assert_eq!(by_name(&t, "Vladimir Putin").statements(), 3);
        assert!(!dir.is_current(&c, &merges(&[("Peskov", "Dmitry Peskov")])));
        c.set_article(3, &[q(0, QuoteKind::Direct, Some("Ann Poe"))], &[]);
        assert!(!dir.is_current(&c, &none));
    }

    #[test]
    fn merge_joins_two_people_under_the_target_name() {
        let decisions = merges(&[("Dmitry Peskov", "Vladimir Putin")]);
        let c = catalog();
        let before = c.table(&SpeakerDecisions::default());
        let both = by_name(&before, "Dmitry Peskov").statements()
            + by_name(&before, "Vladimir Putin").statements();
        let t = c.table(&decisions);
        let merged = by_name(&t, "Dmitry Peskov");
        assert_eq!(t.directory().canonical(merged.who), "Vladimir Putin");
        assert_eq!(merged.statements(), both);
        assert_eq!(
            c.statements_of(t.directory(), merged.who).len() as u32,
            both
        );
    }

    #[test]
    fn split_separates_a_name_form_from_its_person() {
        let t = catalog().table(&SpeakerDecisions {
            splits: vec!["vladimir putin".into(), "Peskov".into()],
            ..SpeakerDecisions::default()
        });
        // Spellings with the same name key leave their group together.
        let split = by_name(&t, "vladimir putin");
        assert_eq!(t.directory().canonical(split.who), "vladimir putin");
        let dir = t.directory();
        assert_ne!(dir.who_by_name("Peskov"), dir.who_by_name("Dmitry Peskov"));
        // A split name can then be merged elsewhere.
        let t = catalog().table(&SpeakerDecisions {
            splits: vec!["Peskov".into()],
            ..merges(&[("Peskov", "Vladimir Putin")])
        });
        assert_eq!(by_name(&t, "Vladimir Putin").statements(), 4);
        assert_eq!(by_name(&t, "Dmitry Peskov").statements(), 1);
    }

    #[test]
    fn user_statements_override_speaker_and_count_as_annotated() {
        let mut c = catalog();
        c.set_article(
            2,
            &[q(0, QuoteKind::Direct, Some("Peskov"))],
            &[
                UserStatement {
                    span: Span::new(1, 4),
                    speaker: Some("Dmitry Peskov".into()),
                    kind: None,
                },
                UserStatement {
                    span: Span::new(50, 60),
                    speaker: Some("Mahmoud Abbas".into()),
                    kind: Some(QuoteKind::Indirect),
                },
            ],
        );
        let t = c.table(&SpeakerDecisions::default());
        let peskov = by_name(&t, "Dmitry Peskov");
        assert_eq!(
            (peskov.quotations, peskov.annotated, peskov.articles),
            (2, 1, 2)
        );
        let abbas = by_name(&t, "Mahmoud Abbas");
        assert_eq!((abbas.reported, abbas.annotated), (1, 1));
        assert_eq!(c.statements_of(t.directory(), abbas.who)[0].quote, None);
        // Replacing an article's statements replaces its counts.
        c.set_article(2, &[], &[]);
        let t = c.table(&SpeakerDecisions::default());
        assert_eq!(by_name(&t, "Dmitry Peskov").quotations, 1);
    }

    #[test]
    fn rows_sort_by_each_count_then_name() {
        let mut t = catalog().table(&SpeakerDecisions::default());
        t.sort(SpeakerSort::Reported, false);
        let first = t.top(1).map(|(n, _)| n.to_string()).next();
        assert_eq!(first.as_deref(), Some("Vladimir Putin"));
        t.sort(SpeakerSort::Quotations, false);
        let counts: Vec<u32> = t.rows().map(|r| r.quotations).collect();
        assert!(counts.windows(2).all(|w| w[0] >= w[1]));
        t.sort(SpeakerSort::Name, false);
        let names: Vec<String> = t.top(10).map(|(n, _)| n.to_string()).collect();
        let mut sorted = names.clone();
        sorted.sort_by_key(|n| n.to_lowercase());
        assert_eq!(names, sorted);
        t.sort(SpeakerSort::Name, true);
        assert_eq!(t.top(10).map(|(n, _)| n).last(), Some(sorted[0].as_str()));
    }

    #[test]
    fn annotations_become_user_statements_where_they_anchor() {
        let text = "He said: “we stay”. Later: more.";
        let ann = |exact: &str, kind: Option<&str>, speaker: Option<&str>| {
            let start = text.find(exact).unwrap();
            let span = Span::new(start, start + exact.len());
            let target = crate::annotations::TextTarget::from_byte_span(text, span).unwrap();
            let mut a = Annotation::new("a", Some(target));
            a.kind = kind.map(str::to_string);
            a.speaker = speaker.map(str::to_string);
            a
        };
        let mut lost = ann("we stay", None, None);
        if let Some(t) = lost.target.as_mut() {
            t.exact = "gone from the text".into();
        }
        let list = [
            ann("we stay", Some("direct"), Some("Ann Poe")),
            ann("more", Some("selection"), Some("  ")),
            lost,
        ];
        let got = UserStatement::from_annotations(text, &list);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].span.slice(text), "we stay");
        assert_eq!(got[0].speaker.as_deref(), Some("Ann Poe"));
        assert_eq!(got[0].kind, Some(QuoteKind::Direct));
        assert_eq!((got[1].kind, got[1].speaker.as_deref()), (None, None));
    }
}
