//! The same statement across outlets: quotations with the same or nearly the
//! same words in different articles (one outlet trims, another translates a
//! little differently) are grouped, and two variants can be diffed word by
//! word for a side-by-side view.
//!
//! Similarity is word-set containment: shared distinct words over the words
//! of the shorter quotation. Identical word sets are collapsed first, and
//! candidate pairs come from a word → quotation index probed only with each
//! quotation's rarest words (prefix filtering), so grouping a million
//! quotations never compares all pairs. Pure: no text is read but the given.

use std::collections::HashMap;

use super::index::ArticleIdx;
use super::speakers::Who;
use super::tokenize::{words, words_with_spans};
use crate::analysis::Span;

/// One quotation to group.
#[derive(Debug, Clone, Copy)]
pub struct VariantInput<'a> {
    pub article: ArticleIdx,
    /// Its index in the article's quotations.
    pub quote: u32,
    /// The quoted words.
    pub text: &'a str,
    /// The speaker's identity, when known: quotations of two different known
    /// speakers are never grouped.
    pub speaker: Option<Who>,
}

/// How alike two quotations must be to be grouped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct VariantParams {
    /// Shorter quotations (distinct words) are not grouped: short phrases
    /// recur without being the same statement.
    pub min_words: usize,
    /// Share of the shorter quotation's words found in the other.
    pub containment: f64,
    /// The same share when both have the same known speaker (a translation
    /// may change more words).
    pub same_speaker_containment: f64,
    /// Shared words needed in that case.
    pub same_speaker_min_shared: usize,
    /// Shared content words needed (words of four letters or more, or with a
    /// digit: a language-neutral stand-in for leaving out "the", "of", "in",
    /// so that a short paraphrase made of common words does not match).
    pub min_shared_content: usize,
    /// Words found in more quotations than this are not used to find
    /// candidates (they would make every pair one).
    pub max_probe_frequency: usize,
}

impl Default for VariantParams {
    fn default() -> Self {
        VariantParams {
            min_words: 5,
            containment: 0.8,
            same_speaker_containment: 0.6,
            same_speaker_min_shared: 8,
            min_shared_content: 5,
            max_probe_frequency: 20_000,
        }
    }
}

/// A grouped quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Member {
    pub article: ArticleIdx,
    pub quote: u32,
}

/// Groups of the same statement found in at least two articles.
#[derive(Debug, Clone, Default)]
pub struct VariantGroups {
    groups: Vec<Vec<Member>>,
    group_of: HashMap<Member, u32>,
}

/// Distinct word set with a speaker: the unit that is compared.
struct Rep {
    set: Vec<u32>,
    /// The content words of `set` (see [`VariantParams::min_shared_content`]).
    content: Vec<u32>,
    speaker: Option<Who>,
    inputs: Vec<usize>,
}

impl VariantGroups {
    /// Groups `inputs`.
    pub fn build(inputs: &[VariantInput<'_>], params: &VariantParams) -> VariantGroups {
        let mut vocab: HashMap<String, u32> = HashMap::new();
        let mut reps: Vec<Rep> = Vec::new();
        let mut exact: HashMap<(Vec<u32>, Option<Who>), usize> = HashMap::new();
        let mut is_content: Vec<bool> = Vec::new();
        for (i, input) in inputs.iter().enumerate() {
            let mut set: Vec<u32> = words(input.text)
                .into_iter()
                .map(|w| {
                    let next = vocab.len() as u32;
                    let content = w.chars().count() >= 4 || w.chars().any(|c| c.is_numeric());
                    let id = *vocab.entry(w).or_insert(next);
                    if id == next {
                        is_content.push(content);
                    }
                    id
                })
                .collect();
            set.sort_unstable();
            set.dedup();
            if set.len() < params.min_words.max(1) {
                continue;
            }
            let r = *exact
                .entry((set.clone(), input.speaker))
                .or_insert_with(|| {
                    let content = set
                        .iter()
                        .copied()
                        .filter(|&w| is_content[w as usize])
                        .collect();
                    reps.push(Rep {
                        content,
                        set,
                        speaker: input.speaker,
                        inputs: Vec::new(),
                    });
                    reps.len() - 1
                });
            reps[r].inputs.push(i);
        }
        drop(exact);
        let mut postings: Vec<Vec<u32>> = vec![Vec::new(); vocab.len()];
        for (r, rep) in reps.iter().enumerate() {
            for &t in &rep.set {
                postings[t as usize].push(r as u32);
            }
        }
        let mut parent: Vec<usize> = (0..reps.len()).collect();
        let mut seen = vec![usize::MAX; reps.len()];
        for (a, rep) in reps.iter().enumerate() {
            let t = if rep.speaker.is_some() {
                params.same_speaker_containment.min(params.containment)
            } else {
                params.containment
            };
            let size = rep.set.len();
            let need = ((t * size as f64).ceil() as usize).max(1);
            let mut by_rarity = rep.set.clone();
            by_rarity.sort_by_key(|&w| (postings[w as usize].len(), w));
            for &w in by_rarity.iter().take(size + 1 - need.min(size)) {
                let list = &postings[w as usize];
                if list.len() > params.max_probe_frequency {
                    continue;
                }
                for &b in list {
                    let b = b as usize;
                    let other = &reps[b];
                    let larger = other.set.len() > size || (other.set.len() == size && b > a);
                    if !larger || seen[b] == a {
                        continue;
                    }
                    seen[b] = a;
                    if alike(rep, other, params) {
                        union(&mut parent, a, b);
                    }
                }
            }
        }
        let mut by_root: HashMap<usize, Vec<Member>> = HashMap::new();
        for (r, rep) in reps.iter().enumerate() {
            let root = find(&mut parent, r);
            by_root
                .entry(root)
                .or_default()
                .extend(rep.inputs.iter().map(|&i| Member {
                    article: inputs[i].article,
                    quote: inputs[i].quote,
                }));
        }
        let mut groups: Vec<Vec<Member>> = by_root
            .into_values()
            .filter_map(|mut g| {
                g.sort_unstable();
                g.dedup();
                let spread = g.windows(2).any(|w| w[0].article != w[1].article);
                spread.then_some(g)
            })
            .collect();
        groups.sort_unstable();
        let group_of = groups
            .iter()
            .enumerate()
            .flat_map(|(gi, g)| g.iter().map(move |m| (*m, gi as u32)))
            .collect();
        VariantGroups { groups, group_of }
    }

    /// Every group, each sorted by article then quotation.
    pub fn groups(&self) -> &[Vec<Member>] {
        &self.groups
    }

    /// The group of a quotation, if it is reported elsewhere.
    pub fn group_of(&self, article: ArticleIdx, quote: u32) -> Option<&[Member]> {
        let g = *self.group_of.get(&Member { article, quote })?;
        self.groups.get(g as usize).map(Vec::as_slice)
    }

    /// The other quotations of its group (empty when it has none).
    pub fn others(&self, article: ArticleIdx, quote: u32) -> Vec<Member> {
        let me = Member { article, quote };
        self.group_of(article, quote)
            .map(|g| g.iter().copied().filter(|m| *m != me).collect())
            .unwrap_or_default()
    }
}

fn alike(a: &Rep, b: &Rep, p: &VariantParams) -> bool {
    let same_speaker = match (a.speaker, b.speaker) {
        (Some(x), Some(y)) if x != y => return false,
        (Some(_), Some(_)) => true,
        _ => false,
    };
    if overlap(&a.content, &b.content) < p.min_shared_content {
        return false;
    }
    let shared = overlap(&a.set, &b.set);
    let smaller = a.set.len().min(b.set.len()).max(1);
    let c = shared as f64 / smaller as f64;
    (c >= p.containment && shared >= p.min_words)
        || (same_speaker && c >= p.same_speaker_containment && shared >= p.same_speaker_min_shared)
}

/// Size of the intersection of two sorted sets.
fn overlap(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}

/// A word-level comparison of two variants: every word of each side with
/// whether it belongs to their longest common word sequence (`true`) or
/// differs (`false`). Spans are byte ranges into the respective text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct WordDiff {
    pub a: Vec<(Span, bool)>,
    pub b: Vec<(Span, bool)>,
}

/// Longest variants compared word by word; longer ones are compared by
/// word presence only (the table would grow quadratically).
const MAX_DIFF_CELLS: usize = 4_000_000;

/// Compares two texts word by word, ignoring case and punctuation.
pub fn word_diff(a: &str, b: &str) -> WordDiff {
    let wa = words_with_spans(a);
    let wb = words_with_spans(b);
    let (n, m) = (wa.len(), wb.len());
    let mut same_a = vec![false; n];
    let mut same_b = vec![false; m];
    if n * m <= MAX_DIFF_CELLS {
        // lcs[i][j]: longest common subsequence of wa[i..] and wb[j..].
        let w = m + 1;
        let mut lcs = vec![0u32; (n + 1) * w];
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[i * w + j] = if wa[i].1 == wb[j].1 {
                    lcs[(i + 1) * w + j + 1] + 1
                } else {
                    lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n && j < m {
            if wa[i].1 == wb[j].1 {
                same_a[i] = true;
                same_b[j] = true;
                i += 1;
                j += 1;
            } else if lcs[(i + 1) * w + j] >= lcs[i * w + j + 1] {
                i += 1;
            } else {
                j += 1;
            }
        }
    } else {
        let set_b: std::collections::HashSet<&str> = wb.iter().map(|x| x.1.as_str()).collect();
        let set_a: std::collections::HashSet<&str> = wa.iter().map(|x| x.1.as_str()).collect();
        same_a = wa.iter().map(|x| set_b.contains(x.1.as_str())).collect();
        same_b = wb.iter().map(|x| set_a.contains(x.1.as_str())).collect();
    }
    WordDiff {
        a: wa.iter().zip(same_a).map(|(x, s)| (x.0, s)).collect(),
        b: wb.iter().zip(same_b).map(|(x, s)| (x.0, s)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(article: u32, text: &str, speaker: Option<u32>) -> VariantInput<'_> {
        VariantInput {
            article,
            quote: 0,
            text,
            speaker: speaker.map(Who),
        }
    }

    const FULL: &str =
        "We will not accept any plan that divides the country, the minister said today";

    #[test]
    fn trimmed_and_retyped_quotations_are_grouped() {
        let inputs = [
            input(0, FULL, None),
            input(
                1,
                "we will not accept any plan that divides the country",
                None,
            ),
            input(
                2,
                "“We will not accept any plan that divides the country.”",
                None,
            ),
            input(3, "The weather will be fine across the country today", None),
        ];
        let g = VariantGroups::build(&inputs, &VariantParams::default());
        assert_eq!(g.groups().len(), 1);
        let arts: Vec<u32> = g.groups()[0].iter().map(|m| m.article).collect();
        assert_eq!(arts, [0, 1, 2]);
        assert_eq!(g.others(1, 0).len(), 2);
        assert!(g.others(3, 0).is_empty());
    }

    #[test]
    fn different_known_speakers_are_not_grouped() {
        let inputs = [input(0, FULL, Some(1)), input(1, FULL, Some(2))];
        assert!(
            VariantGroups::build(&inputs, &VariantParams::default())
                .groups()
                .is_empty()
        );
        let inputs = [input(0, FULL, Some(1)), input(1, FULL, None)];
        assert_eq!(
            VariantGroups::build(&inputs, &VariantParams::default())
                .groups()
                .len(),
            1
        );
    }

    #[test]
    fn same_speaker_allows_a_looser_translation() {
        let a = "this is a strong example of the failure of government policy in the region, which tried to monopolize regulation there";
        let b = "many will agree that this is a clear example of the failure of government policy in the region";
        let unknown = [input(0, a, None), input(1, b, None)];
        assert!(
            VariantGroups::build(&unknown, &VariantParams::default())
                .groups()
                .is_empty()
        );
        let same = [input(0, a, Some(7)), input(1, b, Some(7))];
        assert_eq!(
            VariantGroups::build(&same, &VariantParams::default())
                .groups()
                .len(),
            1
        );
    }

    #[test]
    fn a_paraphrase_of_common_words_is_not_the_quotation() {
        let inputs = [
            input(
                0,
                "This is an example of the failure of the States in the East",
                Some(1),
            ),
            input(1, "the States of failing in the East", Some(1)),
        ];
        assert!(
            VariantGroups::build(&inputs, &VariantParams::default())
                .groups()
                .is_empty()
        );
    }

    #[test]
    fn short_quotations_and_one_article_repeats_are_not_groups() {
        let inputs = [input(0, "no comment", None), input(1, "No comment.", None)];
        assert!(
            VariantGroups::build(&inputs, &VariantParams::default())
                .groups()
                .is_empty()
        );
        let mut twice = [input(0, FULL, None), input(0, FULL, None)];
        twice[1].quote = 1;
        assert!(
            VariantGroups::build(&twice, &VariantParams::default())
                .groups()
                .is_empty()
        );
    }

    #[test]
    fn diff_marks_the_words_that_differ() {
        let a = "This is a strong example, sadly";
        let b = "this is a vivid example";
        let d = word_diff(a, b);
        let changed_a: Vec<&str> = d.a.iter().filter(|x| !x.1).map(|x| x.0.slice(a)).collect();
        let changed_b: Vec<&str> = d.b.iter().filter(|x| !x.1).map(|x| x.0.slice(b)).collect();
        assert_eq!(changed_a, ["strong", "sadly"]);
        assert_eq!(changed_b, ["vivid"]);
        assert_eq!(d.a.len(), 6);
    }
}
