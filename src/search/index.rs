//! The corpus-wide inverted text index behind the search line.
//!
//! Word → postings (article, occurrences, word positions), delta- and
//! varint-encoded, built incrementally as articles load
//! ([`TextIndex::add`]). A query is answered from the postings alone — no
//! article text is read — and phrases are verified through word positions.
//! Owns no article text; the reader's highlights come from
//! [`super::query::Query::match_spans`] on the one article shown.

use std::collections::HashMap;

use super::query::{Query, Term};
use super::tokenize::for_each_word;

/// An article's place in the corpus list (`Corpus::articles[i]`).
pub type ArticleIdx = u32;

/// One article that matches a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub article: ArticleIdx,
    /// How many times the included terms occur (phrases count whole phrases);
    /// 0 for a query that only excludes.
    pub count: u32,
}

#[derive(Debug, Default)]
struct TermData {
    text: Box<str>,
    /// Per article: zigzag varint article delta, varint occurrences, varint
    /// byte length of its positions.
    docs: Vec<u8>,
    /// Word positions per article, varint deltas, in the order of `docs`.
    positions: Vec<u8>,
    last_article: u32,
    doc_count: u32,
}

/// The inverted index. Add each article once; query any time in between.
#[derive(Debug, Default)]
pub struct TextIndex {
    ids: HashMap<Box<str>, u32>,
    terms: Vec<TermData>,
    /// Term ids sorted by text, for prefix lookups.
    sorted: Vec<u32>,
    /// Terms added since `sorted` was last rebuilt (scanned linearly).
    unsorted: Vec<u32>,
    present: Vec<bool>,
    articles: usize,
    words: u64,
    scratch: Vec<(u32, u32)>,
}

/// Most include terms a query may have (the stage counter is a u16).
const MAX_TERMS: usize = 1000;

impl TextIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Indexes the text of article `article`. Returns false (and changes
    /// nothing) when that article was already added.
    pub fn add(&mut self, article: ArticleIdx, text: &str) -> bool {
        let a = article as usize;
        if self.present.len() <= a {
            self.present.resize(a + 1, false);
        }
        if self.present[a] {
            return false;
        }
        self.present[a] = true;
        self.articles += 1;
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        let mut pos = 0u32;
        for_each_word(text, |_, w| {
            scratch.push((self.intern(w), pos));
            pos = pos.saturating_add(1);
        });
        self.words += u64::from(pos);
        scratch.sort_unstable();
        let mut posbuf = Vec::new();
        for run in scratch.chunk_by(|x, y| x.0 == y.0) {
            let t = &mut self.terms[run[0].0 as usize];
            posbuf.clear();
            let mut prev = 0u32;
            for &(_, p) in run {
                put_varint(&mut posbuf, u64::from(p - prev));
                prev = p;
            }
            let delta = i64::from(article) - i64::from(t.last_article);
            put_varint(&mut t.docs, zigzag(delta));
            put_varint(&mut t.docs, run.len() as u64);
            put_varint(&mut t.docs, posbuf.len() as u64);
            t.positions.extend_from_slice(&posbuf);
            t.last_article = article;
            t.doc_count += 1;
        }
        self.scratch = scratch;
        if self.unsorted.len() > 4096.max(self.sorted.len() / 8) {
            self.merge_vocabulary();
        }
        true
    }

    /// Call when loading is done: sorts the vocabulary and releases spare
    /// capacity (postings grow by doubling).
    pub fn finish(&mut self) {
        self.merge_vocabulary();
        for t in &mut self.terms {
            t.docs.shrink_to_fit();
            t.positions.shrink_to_fit();
        }
        self.scratch = Vec::new();
    }

    /// Number of articles indexed.
    pub fn len(&self) -> usize {
        self.articles
    }

    /// True when nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.articles == 0
    }

    /// Number of distinct words.
    pub fn vocabulary_len(&self) -> usize {
        self.terms.len()
    }

    /// Number of words indexed.
    pub fn word_count(&self) -> u64 {
        self.words
    }

    /// Approximate heap memory held by the index, in bytes.
    pub fn heap_bytes(&self) -> usize {
        let per_term = std::mem::size_of::<TermData>()
            + std::mem::size_of::<(Box<str>, u32)>()
            + 8 // hash table control bytes and load slack, roughly
            + 4;
        self.terms
            .iter()
            .map(|t| t.docs.capacity() + t.positions.capacity() + 2 * t.text.len())
            .sum::<usize>()
            + self.terms.capacity() * per_term
            + (self.sorted.capacity() + self.unsorted.capacity()) * 4
            + self.present.capacity()
            + self.scratch.capacity() * 8
    }

    /// Articles matching `query`, in article order, with match counts. An
    /// empty query matches every article (count 0).
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        let n = self.present.len();
        let mut stage = vec![0u16; n];
        let mut counts = vec![0u32; n];
        let mut includes: Vec<(u64, Resolved)> = Vec::new();
        for t in query.include.iter().take(MAX_TERMS) {
            let r = self.resolve(t);
            if r.is_empty() {
                return Vec::new();
            }
            includes.push((self.cost(&r), r));
        }
        // Rarest first: later terms only touch articles that are still in.
        includes.sort_by_key(|(c, _)| *c);
        for (s, (_, r)) in includes.iter().enumerate() {
            let s = s as u16;
            self.eval(
                r,
                &mut stage,
                |st| st == s || st == s + 1,
                |st, a, c| {
                    *st = s + 1;
                    counts[a as usize] += c;
                },
            );
        }
        let done = includes.len() as u16;
        for t in &query.exclude {
            let r = self.resolve(t);
            self.eval(&r, &mut stage, |st| st == done, |st, _, _| *st = u16::MAX);
        }
        (0..n)
            .filter(|&a| self.present[a] && stage[a] == done)
            .map(|a| Hit {
                article: a as u32,
                count: counts[a],
            })
            .collect()
    }

    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.terms.len() as u32;
        let text: Box<str> = word.into();
        self.ids.insert(text.clone(), id);
        self.terms.push(TermData {
            text,
            ..TermData::default()
        });
        self.unsorted.push(id);
        id
    }

    fn merge_vocabulary(&mut self) {
        if self.unsorted.is_empty() {
            return;
        }
        let terms = &self.terms;
        let key = |id: &u32| &*terms[*id as usize].text;
        self.unsorted.sort_unstable_by(|a, b| key(a).cmp(key(b)));
        let mut merged = Vec::with_capacity(self.sorted.len() + self.unsorted.len());
        let (mut i, mut j) = (0, 0);
        while i < self.sorted.len() && j < self.unsorted.len() {
            if key(&self.sorted[i]) <= key(&self.unsorted[j]) {
                merged.push(self.sorted[i]);
                i += 1;
            } else {
                merged.push(self.unsorted[j]);
                j += 1;
            }
        }
        merged.extend_from_slice(&self.sorted[i..]);
        merged.extend_from_slice(&self.unsorted[j..]);
        self.sorted = merged;
        self.unsorted.clear();
    }

    /// Term ids of every word starting with `prefix`.
    fn prefixed(&self, prefix: &str) -> Vec<u32> {
        let text = |id: &u32| &*self.terms[*id as usize].text;
        let from = self.sorted.partition_point(|id| text(id) < prefix);
        let mut out: Vec<u32> = self.sorted[from..]
            .iter()
            .take_while(|id| text(id).starts_with(prefix))
            .copied()
            .collect();
        out.extend(
            self.unsorted
                .iter()
                .filter(|id| text(id).starts_with(prefix)),
        );
        out
    }

    fn word_ids(&self, word: &str, prefix: bool) -> Vec<u32> {
        if prefix {
            self.prefixed(word)
        } else {
            self.ids.get(word).map(|&id| vec![id]).unwrap_or_default()
        }
    }

    fn resolve(&self, term: &Term) -> Resolved {
        match term {
            Term::Word(w) => Resolved::AnyOf(self.word_ids(w, false)),
            Term::Prefix(w) => Resolved::AnyOf(self.word_ids(w, true)),
            Term::Phrase {
                words,
                last_is_prefix,
            } => Resolved::Phrase(
                words
                    .iter()
                    .enumerate()
                    .map(|(k, w)| self.word_ids(w, *last_is_prefix && k + 1 == words.len()))
                    .collect(),
            ),
        }
    }

    fn doc_counts(&self, ids: &[u32]) -> u64 {
        ids.iter()
            .map(|&id| u64::from(self.terms[id as usize].doc_count))
            .sum()
    }

    fn cost(&self, r: &Resolved) -> u64 {
        match r {
            Resolved::AnyOf(ids) => self.doc_counts(ids),
            // Phrases read positions too: rank them after words of equal frequency.
            Resolved::Phrase(slots) => slots.iter().map(|s| self.doc_counts(s)).sum::<u64>() * 2,
        }
    }

    /// Calls `hit(stage, article, count)` for the articles the resolved term
    /// matches whose stage `keep` accepts (possibly several times per article
    /// for prefixes).
    fn eval(
        &self,
        r: &Resolved,
        stage: &mut [u16],
        keep: impl Fn(u16) -> bool,
        mut hit: impl FnMut(&mut u16, u32, u32),
    ) {
        match r {
            Resolved::AnyOf(ids) => {
                for &id in ids {
                    for d in self.docs(id) {
                        if let Some(st) = stage.get_mut(d.article as usize)
                            && keep(*st)
                        {
                            hit(st, d.article, d.count);
                        }
                    }
                }
            }
            Resolved::Phrase(slots) => {
                let found = self
                    .phrase_counts(slots, |a| stage.get(a as usize).is_some_and(|st| keep(*st)));
                for (a, c) in found {
                    if let Some(st) = stage.get_mut(a as usize) {
                        hit(st, a, c);
                    }
                }
            }
        }
    }

    /// Per article, how often the words of `slots` (each slot: the term ids a
    /// position may hold) occur one after another.
    fn phrase_counts(&self, slots: &[Vec<u32>], keep: impl Fn(u32) -> bool) -> Vec<(u32, u32)> {
        let Some(rarest) = (0..slots.len()).min_by_key(|&k| self.doc_counts(&slots[k])) else {
            return Vec::new();
        };
        // Candidates: kept articles holding the rarest word.
        let mut slot_of: HashMap<u32, usize> = HashMap::new();
        let mut cands: Vec<u32> = Vec::new();
        for &id in &slots[rarest] {
            for d in self.docs(id) {
                if keep(d.article) && !slot_of.contains_key(&d.article) {
                    slot_of.insert(d.article, cands.len());
                    cands.push(d.article);
                }
            }
        }
        let width = slots.len();
        let mut pos: Vec<Vec<u32>> = vec![Vec::new(); cands.len() * width];
        for (k, ids) in slots.iter().enumerate() {
            for &id in ids {
                for d in self.docs(id) {
                    if let Some(&c) = slot_of.get(&d.article) {
                        decode_positions(d.positions, &mut pos[c * width + k]);
                    }
                }
            }
        }
        let mut out = Vec::new();
        for (c, &a) in cands.iter().enumerate() {
            let lists = &mut pos[c * width..(c + 1) * width];
            if lists.iter().any(Vec::is_empty) {
                continue;
            }
            for l in lists.iter_mut() {
                l.sort_unstable();
            }
            let n = lists[0]
                .iter()
                .filter(|&&p| (1..width).all(|k| lists[k].binary_search(&(p + k as u32)).is_ok()))
                .count() as u32;
            if n > 0 {
                out.push((a, n));
            }
        }
        out
    }

    fn docs(&self, id: u32) -> DocIter<'_> {
        let t = &self.terms[id as usize];
        DocIter {
            docs: &t.docs,
            positions: &t.positions,
            at: 0,
            pos_at: 0,
            article: 0,
        }
    }
}

enum Resolved {
    /// Any of these words (one for a word, many for a prefix).
    AnyOf(Vec<u32>),
    /// Per phrase position, the words it may hold.
    Phrase(Vec<Vec<u32>>),
}

impl Resolved {
    fn is_empty(&self) -> bool {
        match self {
            Resolved::AnyOf(ids) => ids.is_empty(),
            Resolved::Phrase(slots) => slots.iter().any(Vec::is_empty),
        }
    }
}

struct Doc<'a> {
    article: u32,
    count: u32,
    positions: &'a [u8],
}

struct DocIter<'a> {
    docs: &'a [u8],
    positions: &'a [u8],
    at: usize,
    pos_at: usize,
    article: i64,
}

impl<'a> Iterator for DocIter<'a> {
    type Item = Doc<'a>;
    fn next(&mut self) -> Option<Doc<'a>> {
        if self.at >= self.docs.len() {
            return None;
        }
        self.article += unzigzag(get_varint(self.docs, &mut self.at));
        let count = get_varint(self.docs, &mut self.at) as u32;
        let len = get_varint(self.docs, &mut self.at) as usize;
        let end = (self.pos_at + len).min(self.positions.len());
        let positions = &self.positions[self.pos_at..end];
        self.pos_at = end;
        Some(Doc {
            article: self.article as u32,
            count,
            positions,
        })
    }
}

fn decode_positions(bytes: &[u8], out: &mut Vec<u32>) {
    let mut at = 0;
    let mut p = 0u32;
    while at < bytes.len() {
        p = p.wrapping_add(get_varint(bytes, &mut at) as u32);
        out.push(p);
    }
}

fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

fn unzigzag(v: u64) -> i64 {
    ((v >> 1) as i64) ^ -((v & 1) as i64)
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn get_varint(bytes: &[u8], at: &mut usize) -> u64 {
    let mut v = 0u64;
    let mut shift = 0;
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            break;
        }
        shift += 7;
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: [&str; 4] = [
        "The Prime Minister said the budget would pass.",
        "Minister for sport: prime seats, prime time. The minister said no.",
        "Labour's budget. The prime minister's aide said it twice: prime minister!",
        "Nothing here.",
    ];

    fn index(order: &[usize]) -> TextIndex {
        let mut ix = TextIndex::new();
        for &i in order {
            assert!(ix.add(i as u32, TEXTS[i]));
        }
        ix
    }

    fn hits(ix: &TextIndex, q: &str) -> Vec<(u32, u32)> {
        ix.search(&Query::parse_as_typed(q))
            .iter()
            .map(|h| (h.article, h.count))
            .collect()
    }

    #[test]
    fn words_match_in_any_order_with_counts() {
        let ix = index(&[0, 1, 2, 3]);
        assert_eq!(hits(&ix, "minister prime "), [(0, 2), (1, 4), (2, 4)]);
        assert_eq!(hits(&ix, "budget "), [(0, 1), (2, 1)]);
        assert_eq!(hits(&ix, "absent "), []);
    }

    #[test]
    fn phrases_are_verified_by_position() {
        let ix = index(&[0, 1, 2, 3]);
        assert_eq!(hits(&ix, "\"prime minister\""), [(0, 1), (2, 2)]);
        assert_eq!(hits(&ix, "\"minister said\""), [(0, 1), (1, 1)]);
    }

    #[test]
    fn each_keystroke_narrows_by_prefix() {
        let ix = index(&[0, 1, 2, 3]);
        assert_eq!(hits(&ix, "p").len(), 3);
        // "s" also matches the "s" of "Labour's" and "minister's".
        assert_eq!(hits(&ix, "prime minister s"), [(0, 3), (1, 7), (2, 7)]);
        assert_eq!(hits(&ix, "\"prime minister s"), [(0, 1), (2, 1)]);
        assert_eq!(hits(&ix, "\"prime min"), [(0, 1), (2, 2)]);
    }

    #[test]
    fn exclusions_remove_articles() {
        let ix = index(&[0, 1, 2, 3]);
        assert_eq!(hits(&ix, "budget -labour"), [(0, 1)]);
        assert_eq!(hits(&ix, "-minister"), [(3, 0)]);
        assert_eq!(hits(&ix, "minister -\"prime minister\""), [(1, 2)]);
    }

    #[test]
    fn empty_query_lists_every_article() {
        let ix = index(&[0, 1, 2, 3]);
        assert_eq!(hits(&ix, "").len(), 4);
    }

    #[test]
    fn articles_may_arrive_in_any_order() {
        let ix = index(&[2, 0, 3, 1]);
        assert_eq!(hits(&ix, "\"prime minister\""), [(0, 1), (2, 2)]);
        assert_eq!(hits(&ix, "minister prime "), [(0, 2), (1, 4), (2, 4)]);
    }

    #[test]
    fn adding_twice_is_refused() {
        let mut ix = index(&[0]);
        assert!(!ix.add(0, TEXTS[0]));
        assert_eq!(hits(&ix, "budget "), [(0, 1)]);
    }

    #[test]
    fn agrees_with_matching_the_text_directly() {
        let ix = index(&[0, 1, 2, 3]);
        for q in [
            "prime",
            "\"the prime\"",
            "said -budget",
            "minister's",
            "seats time",
        ] {
            let q = Query::parse(q);
            let want: Vec<u32> = (0..4)
                .filter(|&i| q.matches_text(TEXTS[i]))
                .map(|i| i as u32)
                .collect();
            let got: Vec<u32> = ix.search(&q).iter().map(|h| h.article).collect();
            assert_eq!(got, want, "{q:?}");
        }
    }

    #[test]
    fn vocabulary_merges_keep_prefix_lookup_complete() {
        let mut ix = TextIndex::new();
        for i in 0..6000u32 {
            ix.add(i, &format!("w{i} common"));
        }
        ix.finish();
        assert_eq!(hits(&ix, "w599").len(), 11); // w599, w5990..w5999
        assert!(ix.heap_bytes() > 0);
    }

    #[test]
    fn varints_and_zigzag_round_trip() {
        for v in [0i64, 1, -1, 300, -70000, i64::from(u32::MAX)] {
            let mut b = Vec::new();
            put_varint(&mut b, zigzag(v));
            let mut at = 0;
            assert_eq!(unzigzag(get_varint(&b, &mut at)), v);
        }
    }
}
