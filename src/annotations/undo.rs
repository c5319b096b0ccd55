//! Undo and redo as a stack of recorded changes.
//!
//! Every edit the store makes is recorded as a [`Change`]: the state before and
//! after, of one annotation or of the speaker decisions. Undo hands back the
//! change to apply in reverse, redo the change again. This module only keeps
//! the stacks; the store applies the states.

use std::collections::VecDeque;

use super::model::{Annotation, AnnotationId, SpeakerDecisions};

/// How many changes are kept for undo; older ones are forgotten.
pub const HISTORY_LIMIT: usize = 10_000;

/// What an edit did, for the status bar ("undone: tag added").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeLabel {
    Added,
    Deleted,
    Speaker,
    TagAdded,
    TagRemoved,
    Note,
    Target,
    SpeakerDecisions,
}

impl ChangeLabel {
    /// A short description in the user's words.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Added => "annotation added",
            Self::Deleted => "annotation deleted",
            Self::Speaker => "speaker set",
            Self::TagAdded => "tag added",
            Self::TagRemoved => "tag removed",
            Self::Note => "note changed",
            Self::Target => "selection changed",
            Self::SpeakerDecisions => "speaker merge or split",
        }
    }
}

/// One recorded edit: the states before and after it.
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// An annotation was added (`before` is `None`), deleted (`after` is
    /// `None`) or changed.
    Annotation {
        label: ChangeLabel,
        id: AnnotationId,
        before: Option<Box<Annotation>>,
        after: Option<Box<Annotation>>,
    },
    /// The speaker merges and splits changed.
    Speakers {
        before: Box<SpeakerDecisions>,
        after: Box<SpeakerDecisions>,
    },
}

impl Change {
    /// The same edit in reverse.
    pub fn inverse(self) -> Change {
        match self {
            Self::Annotation {
                label,
                id,
                before,
                after,
            } => Self::Annotation {
                label,
                id,
                before: after,
                after: before,
            },
            Self::Speakers { before, after } => Self::Speakers {
                before: after,
                after: before,
            },
        }
    }

    /// What the edit did.
    pub fn label(&self) -> ChangeLabel {
        match self {
            Self::Annotation { label, .. } => *label,
            Self::Speakers { .. } => ChangeLabel::SpeakerDecisions,
        }
    }

    /// The annotation the edit touched, if any.
    pub fn annotation_id(&self) -> Option<&AnnotationId> {
        match self {
            Self::Annotation { id, .. } => Some(id),
            Self::Speakers { .. } => None,
        }
    }
}

/// The undo and redo stacks of one session.
#[derive(Debug, Default)]
pub struct History {
    done: VecDeque<Change>,
    undone: Vec<Change>,
}

impl History {
    /// Records a new edit; what was undone can no longer be redone.
    pub fn record(&mut self, change: Change) {
        self.undone.clear();
        self.done.push_back(change);
        if self.done.len() > HISTORY_LIMIT {
            self.done.pop_front();
        }
    }

    /// Takes the last edit off the undo stack and returns the change that
    /// reverts it (its inverse); the edit moves to the redo stack.
    pub fn undo(&mut self) -> Option<Change> {
        let change = self.done.pop_back()?;
        self.undone.push(change.clone());
        Some(change.inverse())
    }

    /// Takes the last undone edit and returns it to apply again.
    pub fn redo(&mut self) -> Option<Change> {
        let change = self.undone.pop()?;
        self.done.push_back(change.clone());
        Some(change)
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speakers(split: &str) -> Box<SpeakerDecisions> {
        Box::new(SpeakerDecisions {
            splits: vec![split.to_string()],
            ..SpeakerDecisions::default()
        })
    }

    fn change(n: &str) -> Change {
        Change::Speakers {
            before: speakers(&format!("{n}-before")),
            after: speakers(&format!("{n}-after")),
        }
    }

    #[test]
    fn undo_returns_the_inverse_and_redo_the_original() {
        let mut h = History::default();
        h.record(change("a"));
        h.record(change("b"));
        assert_eq!(h.undo(), Some(change("b").inverse()));
        assert_eq!(h.undo(), Some(change("a").inverse()));
        assert_eq!(h.undo(), None);
        assert_eq!(h.redo(), Some(change("a")));
        assert_eq!(h.redo(), Some(change("b")));
        assert_eq!(h.redo(), None);
    }

    #[test]
    fn a_new_edit_clears_the_redo_stack() {
        let mut h = History::default();
        h.record(change("a"));
        h.undo();
        assert!(h.can_redo());
        h.record(change("b"));
        assert!(!h.can_redo());
        assert!(h.can_undo());
    }

    #[test]
    fn history_is_bounded() {
        let mut h = History::default();
        for i in 0..HISTORY_LIMIT + 5 {
            h.record(change(&i.to_string()));
        }
        let mut n = 0;
        while h.undo().is_some() {
            n += 1;
        }
        assert_eq!(n, HISTORY_LIMIT);
    }
}
