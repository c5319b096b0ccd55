//! Fuzzy matching for the pickers (speaker, entity, tag): the typed letters
//! must appear in order in the candidate, case-insensitively; matches at word
//! starts and in runs score higher, gaps and long candidates lower.
//!
//! A few dozen lines cover picker lists of some thousand names; a dedicated
//! matcher crate would add a dependency for no measurable gain here.

/// Score of `pattern` against `candidate`, or `None` when the letters of
/// `pattern` (spaces ignored) do not all appear in order. Higher is better.
pub fn fuzzy_score(pattern: &str, candidate: &str) -> Option<i64> {
    let pat: Vec<char> = pattern
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let cand: Vec<char> = candidate.chars().collect();
    let lower: Vec<char> = cand
        .iter()
        .map(|c| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    if pat.is_empty() {
        return Some(0);
    }
    // Best score of matching pat[..=i] with pat[i] at candidate position j.
    let n = cand.len();
    let neg = i64::MIN / 4;
    let mut prev = vec![neg; n];
    for (i, &p) in pat.iter().enumerate() {
        let mut cur = vec![neg; n];
        // Best prev[k] + 3k over k < j - 1: a gap of j - k - 1 letters costs 3 each.
        let mut best_before = neg;
        for j in 0..n {
            if j >= 2 && prev[j - 2] > neg {
                best_before = best_before.max(prev[j - 2] + 3 * (j as i64 - 2));
            }
            if lower[j] != p {
                continue;
            }
            let word_start = j == 0
                || !cand[j - 1].is_alphanumeric()
                || (cand[j].is_uppercase() && cand[j - 1].is_lowercase());
            let bonus = 10 + if word_start { 8 } else { 0 } + if j == 0 { 4 } else { 0 };
            cur[j] = if i == 0 {
                bonus - j as i64
            } else {
                let run = if j >= 1 && prev[j - 1] > neg {
                    prev[j - 1] + 6
                } else {
                    neg
                };
                let gap = if best_before > neg {
                    best_before - 3 * j as i64 + 3
                } else {
                    neg
                };
                let from = run.max(gap);
                if from <= neg { neg } else { from + bonus }
            };
        }
        prev = cur;
    }
    prev.into_iter()
        .filter(|&s| s > neg)
        .max()
        .map(|s| s - n as i64 / 4)
}

/// The candidates that match `pattern`, best first (ties: shorter, then A→Z),
/// as indices into `candidates` with their scores.
pub fn fuzzy_rank<'a>(
    pattern: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Vec<(usize, i64)> {
    let mut scored: Vec<(usize, i64, &str)> = candidates
        .into_iter()
        .enumerate()
        .filter_map(|(i, c)| fuzzy_score(pattern, c).map(|s| (i, s, c)))
        .collect();
    scored.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(a.2.len().cmp(&b.2.len()))
            .then_with(|| a.2.cmp(b.2))
    });
    scored.into_iter().map(|(i, s, _)| (i, s)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_must_appear_in_order() {
        assert!(fuzzy_score("vp", "Vladimir Putin").is_some());
        assert!(fuzzy_score("pv", "Vladimir Putin").is_none());
        assert!(fuzzy_score("", "anything").is_some());
        assert!(fuzzy_score("x", "").is_none());
    }

    #[test]
    fn word_starts_and_runs_rank_first() {
        let names = [
            "Dmitry Peskov",
            "Palestinian Authority",
            "Pesky Kov",
            "Vladimir Putin",
        ];
        let ranked: Vec<&str> = fuzzy_rank("pes", names)
            .iter()
            .map(|(i, _)| names[*i])
            .collect();
        assert_eq!(ranked[..2], ["Pesky Kov", "Dmitry Peskov"]);
        let ranked: Vec<&str> = fuzzy_rank("putin", names)
            .iter()
            .map(|(i, _)| names[*i])
            .collect();
        assert_eq!(ranked, ["Vladimir Putin"]);
        let ranked: Vec<&str> = fuzzy_rank("vput", names)
            .iter()
            .map(|(i, _)| names[*i])
            .collect();
        assert_eq!(ranked, ["Vladimir Putin"]);
    }

    #[test]
    fn case_and_spaces_are_ignored() {
        assert_eq!(
            fuzzy_score("VLAD put", "vladimir putin"),
            fuzzy_score("vladput", "Vladimir Putin")
        );
        assert!(fuzzy_score("ölp", "Ölpreis").is_some());
    }

    #[test]
    fn a_tighter_match_beats_a_scattered_one() {
        let tight = fuzzy_score("abc", "xx abc").unwrap();
        let loose = fuzzy_score("abc", "a x b x c").unwrap();
        assert!(tight > loose, "{tight} {loose}");
    }
}
