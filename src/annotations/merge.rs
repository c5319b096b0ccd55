//! Three-way merge of sidecar contents, used when the file changed on disk
//! since this process read it (another gloss, or another program).
//!
//! For each annotation id the state last read or written (`base`), this
//! process's state (`mine`) and the file's state (`theirs`) are compared: a side
//! that did not change gives way to the side that did; when both changed, each
//! field is taken from the side that changed it, and a field both changed goes
//! to the newer `modified` time. Deletions are respected: an annotation this
//! process deleted stays deleted unless the other side changed it later; one
//! the other side deleted but this process edited is kept, since losing an
//! edit is worse than keeping a deleted note. Pure functions: no I/O.

use std::cmp::Ordering;

use serde_json::{Map, Value};

use super::model::{Annotation, SpeakerDecisions, compare_times};

/// The merged state of one annotation id; `None` means deleted.
///
/// `deleted_at` is when this process deleted it (its tombstone), if it did.
pub fn merge_annotation(
    base: Option<&Annotation>,
    mine: Option<&Annotation>,
    theirs: Option<&Annotation>,
    deleted_at: Option<&str>,
) -> Option<Annotation> {
    let later_than_deletion = |a: &Annotation| {
        deleted_at.is_none_or(|t| compare_times(&a.modified, t) == Ordering::Greater)
    };
    if mine == theirs || theirs == base {
        return mine.cloned();
    }
    match (mine, theirs) {
        // Unchanged here, or deleted here and not touched there since.
        (None, Some(th)) => later_than_deletion(th).then(|| th.clone()),
        _ if mine == base => theirs.cloned(),
        // Changed here, deleted there: keep the edit.
        (Some(m), None) => Some(m.clone()),
        (Some(m), Some(th)) => Some(match base {
            Some(b) => merge_fields(b, m, th),
            // Created on both sides under one id: the newer one wins.
            None if compare_times(&th.modified, &m.modified) == Ordering::Greater => th.clone(),
            None => m.clone(),
        }),
        (None, None) => None,
    }
}

/// Field by field: the side that changed a field wins; a field both sides
/// changed goes to the newer annotation.
fn merge_fields(base: &Annotation, mine: &Annotation, theirs: &Annotation) -> Annotation {
    let mine_newer = compare_times(&mine.modified, &theirs.modified) != Ordering::Less;
    Annotation {
        id: mine.id.clone(),
        article: pick3(&base.article, &mine.article, &theirs.article, mine_newer),
        target: pick3(&base.target, &mine.target, &theirs.target, mine_newer),
        kind: pick3(&base.kind, &mine.kind, &theirs.kind, mine_newer),
        speaker: pick3(&base.speaker, &mine.speaker, &theirs.speaker, mine_newer),
        tags: merge_list(&base.tags, &mine.tags, &theirs.tags),
        note: pick3(&base.note, &mine.note, &theirs.note, mine_newer),
        created: pick3(&base.created, &mine.created, &theirs.created, mine_newer),
        modified: if mine_newer {
            mine.modified.clone()
        } else {
            theirs.modified.clone()
        },
        extra: merge_map(&base.extra, &mine.extra, &theirs.extra, mine_newer),
    }
}

fn pick3<T: PartialEq + Clone>(base: &T, mine: &T, theirs: &T, mine_newer: bool) -> T {
    if mine == base || (theirs != base && !mine_newer) {
        theirs.clone()
    } else {
        mine.clone()
    }
}

/// A list treated as a set: the other side's list, minus what this side
/// removed, plus what this side added (in its order).
pub fn merge_list<T: PartialEq + Clone>(base: &[T], mine: &[T], theirs: &[T]) -> Vec<T> {
    let mut out: Vec<T> = theirs
        .iter()
        .filter(|t| mine.contains(t) || !base.contains(t))
        .cloned()
        .collect();
    for m in mine {
        if !base.contains(m) && !out.contains(m) {
            out.push(m.clone());
        }
    }
    out
}

fn merge_map(
    base: &Map<String, Value>,
    mine: &Map<String, Value>,
    theirs: &Map<String, Value>,
    mine_newer: bool,
) -> Map<String, Value> {
    let mut out = Map::new();
    for key in theirs.keys().chain(mine.keys()) {
        if out.contains_key(key) {
            continue;
        }
        let value = pick3(&base.get(key), &mine.get(key), &theirs.get(key), mine_newer);
        if let Some(v) = value {
            out.insert(key.clone(), v.clone());
        }
    }
    out
}

/// Merges the speaker decisions the same way (lists as sets).
pub fn merge_speakers(
    base: &SpeakerDecisions,
    mine: &SpeakerDecisions,
    theirs: &SpeakerDecisions,
) -> SpeakerDecisions {
    SpeakerDecisions {
        merges: merge_list(&base.merges, &mine.merges, &theirs.merges),
        splits: merge_list(&base.splits, &mine.splits, &theirs.splits),
        extra: merge_map(&base.extra, &mine.extra, &theirs.extra, true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(note: &str, modified: &str) -> Annotation {
        let mut a = Annotation::new("art", None);
        a.id = "x".into();
        a.note = note.into();
        a.created = "2026-01-01T00:00:00Z".into();
        a.modified = modified.into();
        a
    }

    const T0: &str = "2026-01-01T00:00:00Z";
    const T1: &str = "2026-01-01T00:00:01Z";
    const T2: &str = "2026-01-01T00:00:02Z";

    #[test]
    fn the_side_that_changed_wins() {
        let base = ann("base", T0);
        let changed = ann("changed", T1);
        assert_eq!(
            merge_annotation(Some(&base), Some(&base), Some(&changed), None),
            Some(changed.clone())
        );
        assert_eq!(
            merge_annotation(Some(&base), Some(&changed), Some(&base), None),
            Some(changed)
        );
    }

    #[test]
    fn different_fields_changed_on_both_sides_are_combined() {
        let base = ann("base", T0);
        let mut mine = ann("base", T1);
        mine.tags = vec!["mine".into()];
        let mut theirs = ann("their note", T2);
        theirs.speaker = Some("Someone".into());
        let merged = merge_annotation(Some(&base), Some(&mine), Some(&theirs), None).unwrap();
        assert_eq!(merged.tags, ["mine"]);
        assert_eq!(merged.note, "their note");
        assert_eq!(merged.speaker.as_deref(), Some("Someone"));
        assert_eq!(merged.modified, T2);
    }

    #[test]
    fn the_same_field_changed_on_both_sides_goes_to_the_newer() {
        let base = ann("base", T0);
        let older = ann("older", T1);
        let newer = ann("newer", T2);
        for (mine, theirs) in [(&older, &newer), (&newer, &older)] {
            let merged = merge_annotation(Some(&base), Some(mine), Some(theirs), None).unwrap();
            assert_eq!(merged.note, "newer");
        }
    }

    #[test]
    fn my_deletion_is_not_undone_by_an_older_copy() {
        let old = ann("old", T0);
        assert_eq!(merge_annotation(None, None, Some(&old), Some(T1)), None);
        assert_eq!(
            merge_annotation(Some(&old), None, Some(&old), Some(T1)),
            None
        );
        // Edited there after the deletion here: their edit survives.
        let edited = ann("edited", T2);
        assert_eq!(
            merge_annotation(Some(&old), None, Some(&edited), Some(T1)),
            Some(edited)
        );
    }

    #[test]
    fn an_edit_here_survives_a_deletion_there() {
        let base = ann("base", T0);
        let mine = ann("mine", T1);
        assert_eq!(
            merge_annotation(Some(&base), Some(&mine), None, None),
            Some(mine)
        );
        assert_eq!(merge_annotation(Some(&base), Some(&base), None, None), None);
    }

    #[test]
    fn lists_merge_as_sets() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let merged = merge_list(&s(&["a", "b"]), &s(&["a", "c"]), &s(&["a", "b", "d"]));
        assert_eq!(merged, s(&["a", "d", "c"]));
    }
}
