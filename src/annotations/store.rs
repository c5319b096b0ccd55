//! The annotation store: the user's annotations in memory, the edits the
//! interface makes on them (each recorded for undo), the queries it needs, and
//! saving to the sidecar — debounced, durable, and merged with whatever another
//! gloss or another program wrote meanwhile.
//!
//! The store never draws anything and never loads articles; re-anchoring takes
//! the article texts from the caller.
//!
//! Typical use by an interface: [`AnnotationStore::open_for_corpus`] at start
//! (showing its messages in the status bar), [`AnnotationStore::anchor_article`]
//! to mark a shown article, an edit method per user action, and
//! [`AnnotationStore::save_if_due`] on every tick plus
//! [`AnnotationStore::flush`] at exit. To edit a statement that has no
//! annotation yet, build one with [`Annotation::new`] carrying the change and
//! [`add`](AnnotationStore::add) it: one user action is one undo step.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Map, Value};

use crate::analysis::Span;
use crate::corpus::{Corpus, CorpusSource};

use super::anchor::{Anchor, CharIndex, OrphanReason, anchor_in};
use super::file::{self, DiskCopy, FolderLock, StoreError};
use super::location::{self, SidecarLocation};
use super::merge::{merge_annotation, merge_speakers};
use super::model::{
    Annotation, AnnotationId, SIDECAR_VERSION, Sidecar, SpeakerDecisions, SpeakerMerge, TextTarget,
    now_rfc3339,
};
use super::render::Renderer;
use super::undo::{Change, ChangeLabel, History};

/// How long after the last edit the store saves.
pub const SAVE_DEBOUNCE: Duration = Duration::from_millis(300);
/// The longest an edit waits for saving while edits keep coming.
pub const SAVE_MAX_DELAY: Duration = Duration::from_secs(2);

/// Why an edit was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("{}: opened read-only, changes are not possible", .0.display())]
    ReadOnly(PathBuf),
    #[error("no annotation with id {0}")]
    NotFound(AnnotationId),
    #[error("an annotation with id {0} exists already")]
    DuplicateId(AnnotationId),
    #[error("a tag cannot be empty")]
    EmptyTag,
}

/// What a save did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SaveReport {
    /// The file was written (false when nothing changed or the bytes were the same).
    pub written: bool,
    /// How many annotations changed because another process had changed the file.
    pub merged: usize,
}

/// What an undo or redo changed, for the status bar and to move the selection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    pub label: ChangeLabel,
    /// The annotation concerned (none for speaker decisions).
    pub id: Option<AnnotationId>,
}

/// Where the annotations of one article are in its current text.
#[derive(Debug, Clone, Default)]
pub struct Anchors {
    map: HashMap<AnnotationId, Anchor>,
}

impl Anchors {
    /// The anchor of one annotation.
    pub fn get(&self, id: &AnnotationId) -> Option<&Anchor> {
        self.map.get(id)
    }
    /// Ids of the annotations that could not be placed, sorted.
    pub fn orphans(&self) -> Vec<&AnnotationId> {
        let mut v: Vec<_> = self
            .map
            .iter()
            .filter(|(_, a)| a.is_orphaned())
            .map(|(id, _)| id)
            .collect();
        v.sort();
        v
    }
    /// How many annotations were anchored.
    pub fn len(&self) -> usize {
        self.map.len()
    }
    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    /// Every (id, anchor) pair.
    pub fn iter(&self) -> impl Iterator<Item = (&AnnotationId, &Anchor)> {
        self.map.iter()
    }
}

/// A store opened for a corpus, with what the status bar should say.
#[derive(Debug)]
pub struct Opened {
    pub store: AnnotationStore,
    pub location: SidecarLocation,
    /// Why the store is read-only, if the sidecar could not be used.
    pub error: Option<StoreError>,
}

impl Opened {
    /// The messages for the status bar: where the sidecar is when that is
    /// unusual, and why it is read-only.
    pub fn messages(&self) -> Vec<String> {
        let mut out: Vec<String> = self.location.notice.iter().cloned().collect();
        if let Some(e) = &self.error {
            out.push(format!("{e} — annotations are read-only"));
        }
        out
    }
}

#[derive(Debug, Clone, Copy)]
struct Unsaved {
    first: Instant,
    last: Instant,
}

/// The user's annotations, bound to one sidecar file.
#[derive(Debug)]
pub struct AnnotationStore {
    path: PathBuf,
    /// Why the store is read-only, if it is.
    read_only: Option<String>,
    annotations: HashMap<AnnotationId, Annotation>,
    speakers: SpeakerDecisions,
    /// Top-level fields this gloss does not know.
    extra: Map<String, Value>,
    /// For every annotation changed since the file was last read or written:
    /// its state in that file (`None`: not there). The merge base.
    base: HashMap<AnnotationId, Option<Annotation>>,
    /// The speaker decisions in the file, when changed since.
    base_speakers: Option<SpeakerDecisions>,
    /// Annotations deleted in this session and when, so a merge with an
    /// older copy of the file does not bring them back.
    tombstones: HashMap<AnnotationId, String>,
    /// The file as last read or written (`None`: there was no file).
    disk: Option<DiskCopy>,
    history: History,
    unsaved: Option<Unsaved>,
    renderer: Renderer,
}

impl AnnotationStore {
    /// Opens the sidecar at `path`, or starts empty when there is none yet.
    ///
    /// A file that does not parse or comes from a newer gloss is an error and
    /// is never written; [`AnnotationStore::open_read_only`] then shows what
    /// can be shown.
    pub fn open(path: &Path) -> Result<AnnotationStore, StoreError> {
        let path = real_path(path);
        let mut store = Self::empty(path.clone(), None);
        if let Some(copy) = file::read(&path)? {
            let sidecar = file::parse(&path, &copy.bytes)?;
            store.load(sidecar);
            store.disk = Some(copy);
        }
        Ok(store)
    }

    /// Opens the sidecar without ever writing it: for a file that does not
    /// parse (then empty) or is of a newer version (then shown as far as this
    /// gloss understands it). `reason` is what the status bar says.
    pub fn open_read_only(path: &Path, reason: impl Into<String>) -> AnnotationStore {
        let path = real_path(path);
        let mut store = Self::empty(path.clone(), Some(reason.into()));
        if let Ok(Some(copy)) = file::read(&path)
            && let Some(sidecar) = file::parse_any_version(&copy.bytes)
        {
            store.load(sidecar);
        }
        // Nothing is ever saved from here.
        store.base.clear();
        store.unsaved = None;
        store
    }

    /// [`open`](Self::open), falling back to [`open_read_only`](Self::open_read_only)
    /// when the file cannot be used; the error says why.
    pub fn open_or_read_only(path: &Path) -> (AnnotationStore, Option<StoreError>) {
        match Self::open(path) {
            Ok(store) => (store, None),
            Err(err) => {
                let reason = format!("read-only: {err}");
                (Self::open_read_only(path, reason), Some(err))
            }
        }
    }

    /// Finds the sidecar of a corpus (see [`location::resolve`]) and opens
    /// it, read-only if it cannot be used.
    pub fn open_for_corpus(source: &CorpusSource, explicit: Option<&Path>) -> Opened {
        let location = location::resolve(source, explicit);
        let (store, error) = Self::open_or_read_only(&location.path);
        Opened {
            store,
            location,
            error,
        }
    }

    fn empty(path: PathBuf, read_only: Option<String>) -> Self {
        Self {
            path,
            read_only,
            annotations: HashMap::new(),
            speakers: SpeakerDecisions::default(),
            extra: Map::new(),
            base: HashMap::new(),
            base_speakers: None,
            tombstones: HashMap::new(),
            disk: None,
            history: History::default(),
            unsaved: None,
            renderer: Renderer::default(),
        }
    }

    fn load(&mut self, sidecar: Sidecar) {
        self.speakers = sidecar.speakers;
        self.extra = sidecar.extra;
        self.annotations.reserve(sidecar.annotations.len());
        for mut a in sidecar.annotations {
            if self.annotations.contains_key(&a.id) {
                // Two annotations under one id (edited by hand?): keep both,
                // the later one under a new id, saved as a new annotation.
                a.id = AnnotationId::generate();
                self.base.insert(a.id.clone(), None);
                self.touch();
            }
            self.annotations.insert(a.id.clone(), a);
        }
    }

    // ----- status -----

    /// The sidecar file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why the store is read-only (shown in the status bar), if it is.
    pub fn read_only_reason(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// True when edits are refused and nothing is saved.
    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    /// True when there are edits not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.unsaved.is_some()
    }

    /// True when there is an edit to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// True when there is an undone edit to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    // ----- queries -----

    /// The annotation with id `id`.
    pub fn get(&self, id: &AnnotationId) -> Option<&Annotation> {
        self.annotations.get(id)
    }

    /// How many annotations there are.
    pub fn len(&self) -> usize {
        self.annotations.len()
    }

    /// True when there are no annotations.
    pub fn is_empty(&self) -> bool {
        self.annotations.is_empty()
    }

    /// Every annotation, in the written order (article, start, id).
    pub fn all(&self) -> Vec<&Annotation> {
        let mut v: Vec<&Annotation> = self.annotations.values().collect();
        v.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        v
    }

    /// The annotations of one article, whole-article ones first, then by start.
    pub fn for_article(&self, article: &str) -> Vec<&Annotation> {
        let mut v: Vec<&Annotation> = self
            .annotations
            .values()
            .filter(|a| a.article == article)
            .collect();
        v.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        v
    }

    /// How many annotations each article has (for the article list).
    pub fn count_by_article(&self) -> HashMap<&str, usize> {
        let mut counts = HashMap::new();
        for a in self.annotations.values() {
            *counts.entry(a.article.as_str()).or_insert(0) += 1;
        }
        counts
    }

    /// The annotation on exactly this target (character offsets), if any.
    pub fn find_target(&self, article: &str, start: usize, end: usize) -> Option<&Annotation> {
        self.annotations.values().find(|a| {
            a.article == article
                && a.target
                    .as_ref()
                    .is_some_and(|t| t.start == start && t.end == end)
        })
    }

    /// The annotation shown on exactly the byte span `span` of the article's
    /// current `text` (after re-anchoring), if any: what a selection in the
    /// reader edits.
    pub fn at_span(&self, article: &str, text: &str, span: Span) -> Option<&Annotation> {
        self.anchor_article(article, text)
            .into_iter()
            .find(|(_, anchor)| anchor.span() == Some(span))
            .map(|(a, _)| a)
    }

    /// The whole-article annotation of `article`, if any.
    pub fn whole_article(&self, article: &str) -> Option<&Annotation> {
        self.for_article(article)
            .into_iter()
            .find(|a| a.target.is_none())
    }

    /// Every tag in use with how many annotations carry it, sorted by tag.
    pub fn tags(&self) -> Vec<(&str, usize)> {
        count_sorted(self.annotations.values().flat_map(|a| a.tags.iter()))
    }

    /// Every speaker the user set with how many annotations name them, sorted.
    pub fn speakers(&self) -> Vec<(&str, usize)> {
        count_sorted(self.annotations.values().filter_map(|a| a.speaker.as_ref()))
    }

    /// The user's speaker merges and splits.
    pub fn speaker_decisions(&self) -> &SpeakerDecisions {
        &self.speakers
    }

    // ----- anchoring -----

    /// Places the annotations of one article in its current `text`, in the
    /// order of [`for_article`](Self::for_article).
    pub fn anchor_article(&self, article: &str, text: &str) -> Vec<(&Annotation, Anchor)> {
        let index = CharIndex::new(text);
        self.for_article(article)
            .into_iter()
            .map(|a| {
                let anchor = a
                    .target
                    .as_ref()
                    .map_or(Anchor::WholeArticle, |t| anchor_in(t, &index));
                (a, anchor)
            })
            .collect()
    }

    /// Places every annotation in the corpus; those whose article is missing
    /// or whose text is gone are orphaned (and still kept).
    pub fn anchor_all(&self, corpus: &Corpus) -> Anchors {
        let texts: HashMap<&str, &str> = corpus
            .articles
            .iter()
            .map(|a| (a.id.0.as_str(), a.text.as_str()))
            .collect();
        // One index per article, built when its first annotation comes up.
        let mut indexes: HashMap<&str, Option<CharIndex<'_>>> = HashMap::new();
        let mut map = HashMap::with_capacity(self.annotations.len());
        for a in self.annotations.values() {
            let index = indexes
                .entry(a.article.as_str())
                .or_insert_with(|| texts.get(a.article.as_str()).map(|t| CharIndex::new(t)));
            let anchor = match (&a.target, index) {
                (None, _) => Anchor::WholeArticle,
                (Some(_), None) => Anchor::Orphaned(OrphanReason::ArticleMissing),
                (Some(t), Some(index)) => anchor_in(t, index),
            };
            map.insert(a.id.clone(), anchor);
        }
        Anchors { map }
    }

    // ----- edits -----

    /// Adds a new annotation (build it with [`Annotation::new`]).
    pub fn add(&mut self, annotation: Annotation) -> Result<AnnotationId, EditError> {
        self.writable()?;
        let id = annotation.id.clone();
        if self.annotations.contains_key(&id) {
            return Err(EditError::DuplicateId(id));
        }
        self.tombstones.remove(&id);
        self.record_annotation(ChangeLabel::Added, &id, None, Some(annotation));
        Ok(id)
    }

    /// Sets (or with `None` clears) the speaker; blank names clear it.
    pub fn set_speaker(
        &mut self,
        id: &AnnotationId,
        speaker: Option<&str>,
    ) -> Result<(), EditError> {
        let speaker = speaker.map(str::trim).filter(|s| !s.is_empty());
        self.update(id, ChangeLabel::Speaker, |a| {
            a.speaker = speaker.map(str::to_string);
        })
    }

    /// Adds a tag (surrounding blanks removed); adding one it has is no change.
    pub fn add_tag(&mut self, id: &AnnotationId, tag: &str) -> Result<(), EditError> {
        let tag = tag.trim();
        if tag.is_empty() {
            return Err(EditError::EmptyTag);
        }
        self.update(id, ChangeLabel::TagAdded, |a| {
            if !a.has_tag(tag) {
                a.tags.push(tag.to_string());
            }
        })
    }

    /// Removes a tag; removing one it does not have is no change.
    pub fn remove_tag(&mut self, id: &AnnotationId, tag: &str) -> Result<(), EditError> {
        let tag = tag.trim();
        self.update(id, ChangeLabel::TagRemoved, |a| a.tags.retain(|t| t != tag))
    }

    /// Adds the tag if the annotation lacks it, else removes it; returns
    /// whether it has the tag afterwards.
    pub fn toggle_tag(&mut self, id: &AnnotationId, tag: &str) -> Result<bool, EditError> {
        let has = self
            .get(id)
            .ok_or_else(|| EditError::NotFound(id.clone()))?
            .has_tag(tag.trim());
        if has {
            self.remove_tag(id, tag)?;
        } else {
            self.add_tag(id, tag)?;
        }
        Ok(!has)
    }

    /// Replaces the note.
    pub fn set_note(&mut self, id: &AnnotationId, note: &str) -> Result<(), EditError> {
        self.update(id, ChangeLabel::Note, |a| a.note = note.to_string())
    }

    /// Points the annotation at another statement (or, with `None`, at the whole article).
    pub fn set_target(
        &mut self,
        id: &AnnotationId,
        target: Option<TextTarget>,
    ) -> Result<(), EditError> {
        self.update(id, ChangeLabel::Target, |a| a.target = target)
    }

    /// Deletes the annotation (undo brings it back).
    pub fn delete(&mut self, id: &AnnotationId) -> Result<(), EditError> {
        self.writable()?;
        let before = self
            .annotations
            .get(id)
            .cloned()
            .ok_or_else(|| EditError::NotFound(id.clone()))?;
        self.record_annotation(ChangeLabel::Deleted, id, Some(before), None);
        Ok(())
    }

    /// Records that the speaker named `from` is the same person as `into`.
    pub fn merge_speakers(&mut self, from: &str, into: &str) -> Result<(), EditError> {
        let mut d = self.speakers.clone();
        d.merges.retain(|m| m.from != from);
        d.splits.retain(|s| s != from);
        d.merges.push(SpeakerMerge {
            from: from.to_string(),
            into: into.to_string(),
            extra: Map::new(),
        });
        self.set_speaker_decisions(d)
    }

    /// Records that the speaker named `name` is a person of their own, not to
    /// be linked to any other name.
    pub fn split_speaker(&mut self, name: &str) -> Result<(), EditError> {
        let mut d = self.speakers.clone();
        d.merges.retain(|m| m.from != name);
        if !d.splits.iter().any(|s| s == name) {
            d.splits.push(name.to_string());
        }
        self.set_speaker_decisions(d)
    }

    /// Replaces the speaker decisions as a whole.
    pub fn set_speaker_decisions(&mut self, decisions: SpeakerDecisions) -> Result<(), EditError> {
        self.writable()?;
        if decisions == self.speakers {
            return Ok(());
        }
        let before = std::mem::replace(&mut self.speakers, decisions.clone());
        self.base_speakers.get_or_insert_with(|| before.clone());
        self.history.record(Change::Speakers {
            before: Box::new(before),
            after: Box::new(decisions),
        });
        self.touch();
        Ok(())
    }

    /// Reverts the last edit; `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Result<Option<Applied>, EditError> {
        self.writable()?;
        Ok(self.history.undo().map(|c| self.apply(c)))
    }

    /// Makes the last undone edit again; `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Result<Option<Applied>, EditError> {
        self.writable()?;
        Ok(self.history.redo().map(|c| self.apply(c)))
    }

    fn writable(&self) -> Result<(), EditError> {
        match self.read_only {
            Some(_) => Err(EditError::ReadOnly(self.path.clone())),
            None => Ok(()),
        }
    }

    /// Applies `edit` to a copy of the annotation; records it if it changed anything.
    fn update(
        &mut self,
        id: &AnnotationId,
        label: ChangeLabel,
        edit: impl FnOnce(&mut Annotation),
    ) -> Result<(), EditError> {
        self.writable()?;
        let before = self
            .annotations
            .get(id)
            .ok_or_else(|| EditError::NotFound(id.clone()))?;
        let mut after = before.clone();
        edit(&mut after);
        if after == *before {
            return Ok(());
        }
        after.modified = now_rfc3339();
        let before = before.clone();
        self.record_annotation(label, id, Some(before), Some(after));
        Ok(())
    }

    fn record_annotation(
        &mut self,
        label: ChangeLabel,
        id: &AnnotationId,
        before: Option<Annotation>,
        after: Option<Annotation>,
    ) {
        self.put(id, after.clone());
        self.history.record(Change::Annotation {
            label,
            id: id.clone(),
            before: before.map(Box::new),
            after: after.map(Box::new),
        });
    }

    /// Sets the state of one annotation, keeping the merge base and tombstones.
    fn put(&mut self, id: &AnnotationId, state: Option<Annotation>) {
        match &state {
            Some(_) => self.tombstones.remove(id),
            None => self.tombstones.insert(id.clone(), now_rfc3339()),
        };
        let previous = self.set(id, state);
        self.base.entry(id.clone()).or_insert(previous);
        self.touch();
    }

    fn apply(&mut self, change: Change) -> Applied {
        let label = change.label();
        match change {
            Change::Annotation { id, after, .. } => {
                let state = after.map(|mut a| {
                    // Undoing is an edit made now: it must win a later merge.
                    a.modified = now_rfc3339();
                    *a
                });
                self.put(&id, state);
                Applied {
                    label,
                    id: Some(id),
                }
            }
            Change::Speakers { after, .. } => {
                let before = std::mem::replace(&mut self.speakers, *after);
                self.base_speakers.get_or_insert(before);
                self.touch();
                Applied { label, id: None }
            }
        }
    }

    fn touch(&mut self) {
        let now = Instant::now();
        self.unsaved = Some(match self.unsaved {
            Some(u) => Unsaved {
                first: u.first,
                last: now,
            },
            None => Unsaved {
                first: now,
                last: now,
            },
        });
    }

    // ----- saving -----

    /// When the next save is due (`None`: nothing to save). The interface uses
    /// it as its event-poll timeout.
    pub fn save_due_at(&self) -> Option<Instant> {
        if self.is_read_only() {
            return None;
        }
        self.unsaved
            .map(|u| (u.last + SAVE_DEBOUNCE).min(u.first + SAVE_MAX_DELAY))
    }

    /// Saves when [`SAVE_DEBOUNCE`] passed since the last edit (or
    /// [`SAVE_MAX_DELAY`] since the first unsaved one); call it on every tick.
    pub fn save_if_due(&mut self, now: Instant) -> Result<Option<SaveReport>, StoreError> {
        match self.save_due_at() {
            Some(due) if now >= due => self.flush().map(Some),
            _ => Ok(None),
        }
    }

    /// Saves now if anything is unsaved (call it at exit, too). Merges what
    /// another process wrote since the file was read; a file it cannot parse
    /// is left alone and reported. After an error the save is retried later.
    pub fn flush(&mut self) -> Result<SaveReport, StoreError> {
        if self.unsaved.is_none() {
            return Ok(SaveReport::default());
        }
        if self.is_read_only() {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
            });
        }
        let result = self.save_now();
        if result.is_err() {
            // Retry after the debounce, not on every tick.
            let now = Instant::now();
            self.unsaved = Some(Unsaved {
                first: now,
                last: now,
            });
        }
        result
    }

    fn save_now(&mut self) -> Result<SaveReport, StoreError> {
        let write_error = |path: &Path, source| StoreError::Write {
            path: path.to_path_buf(),
            source,
        };
        let dir = file::folder_of(&self.path);
        std::fs::create_dir_all(&dir).map_err(|e| write_error(&self.path, e))?;
        let _lock = FolderLock::acquire(&dir);
        let merged = self.merge_from_disk()?;
        let bytes = self.render();
        // Nothing is rewritten when the file already says it all: after a
        // merge that took in everything, or when the bytes are the same.
        let pending = self.unsaved.is_some();
        let written = pending && self.disk.as_ref().is_none_or(|d| d.bytes != bytes);
        if written {
            file::write_durably(&self.path, &bytes).map_err(|e| write_error(&self.path, e))?;
            let fingerprint = file::fingerprint(&self.path)
                .map_err(|e| write_error(&self.path, e))?
                .ok_or_else(|| write_error(&self.path, std::io::ErrorKind::NotFound.into()))?;
            self.disk = Some(DiskCopy { bytes, fingerprint });
        }
        self.base.clear();
        self.base_speakers = None;
        self.unsaved = None;
        Ok(SaveReport { written, merged })
    }

    /// Takes in what another process saved since the file was last read or
    /// written, without writing; returns how many annotations changed.
    /// Unsaved edits stay unsaved.
    pub fn refresh(&mut self) -> Result<usize, StoreError> {
        if self.is_read_only() {
            return Ok(0);
        }
        self.merge_from_disk()
    }

    fn merge_from_disk(&mut self) -> Result<usize, StoreError> {
        let now = file::fingerprint(&self.path).map_err(|source| StoreError::Read {
            path: self.path.clone(),
            source,
        })?;
        if now.is_none() {
            // Deleted or moved away: the next write recreates it in full.
            self.disk = None;
            return Ok(0);
        }
        if now == self.disk.as_ref().map(|d| d.fingerprint) {
            return Ok(0);
        }
        let Some(copy) = file::read(&self.path)? else {
            self.disk = None;
            return Ok(0);
        };
        if self.disk.as_ref().is_some_and(|d| d.bytes == copy.bytes) {
            // Touched, not changed.
            self.disk = Some(copy);
            return Ok(0);
        }
        let theirs =
            file::parse(&self.path, &copy.bytes).map_err(|e| StoreError::Conflict(Box::new(e)))?;
        self.disk = Some(copy);
        Ok(self.merge(theirs))
    }

    /// Three-way merge of `theirs` (the file now) into memory; afterwards the
    /// merge base is `theirs`. Returns how many annotations changed here.
    fn merge(&mut self, theirs: Sidecar) -> usize {
        let mut theirs_map: HashMap<AnnotationId, Annotation> = HashMap::new();
        for a in theirs.annotations {
            // As on loading, the first of two annotations under one id keeps it.
            theirs_map.entry(a.id.clone()).or_insert(a);
        }
        let mut ids: Vec<AnnotationId> = self.annotations.keys().cloned().collect();
        ids.extend(
            theirs_map
                .keys()
                .filter(|id| !self.annotations.contains_key(*id))
                .cloned(),
        );
        ids.extend(
            self.base
                .keys()
                .filter(|id| !self.annotations.contains_key(*id) && !theirs_map.contains_key(*id))
                .cloned(),
        );
        let mut changed = 0;
        let mut new_base = HashMap::new();
        for id in ids {
            let mine = self.annotations.get(&id);
            let base = match self.base.get(&id) {
                Some(b) => b.as_ref(),
                None => mine,
            };
            let th = theirs_map.remove(&id);
            let merged = merge_annotation(
                base,
                mine,
                th.as_ref(),
                self.tombstones.get(&id).map(String::as_str),
            );
            if merged != th {
                new_base.insert(id.clone(), th);
            }
            if merged.as_ref() != mine {
                changed += 1;
            }
            if merged.as_ref() != mine {
                self.set(&id, merged);
            }
        }
        self.base = new_base;
        let base_speakers = self.base_speakers.as_ref().unwrap_or(&self.speakers);
        let merged_speakers = merge_speakers(base_speakers, &self.speakers, &theirs.speakers);
        self.base_speakers = (merged_speakers != theirs.speakers).then_some(theirs.speakers);
        self.speakers = merged_speakers;
        self.extra = theirs.extra;
        if self.base.is_empty() && self.base_speakers.is_none() {
            // Everything here is now in the file: nothing left to save.
            self.unsaved = None;
        }
        changed
    }

    /// The sidecar as written: pretty JSON, annotations in stable order, a
    /// final newline.
    fn render(&mut self) -> Vec<u8> {
        let mut annotations: Vec<&Annotation> = self.annotations.values().collect();
        annotations.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.renderer
            .render(SIDECAR_VERSION, &self.speakers, &annotations, &self.extra)
    }

    /// Sets or removes one annotation in memory (every change goes through here).
    fn set(&mut self, id: &AnnotationId, state: Option<Annotation>) -> Option<Annotation> {
        self.renderer.invalidate(id);
        match state {
            Some(a) => self.annotations.insert(id.clone(), a),
            None => self.annotations.remove(id),
        }
    }
}

/// A sidecar that is a symbolic link is written through to its target.
fn real_path(path: &Path) -> PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

fn count_sorted<'a>(names: impl Iterator<Item = &'a String>) -> Vec<(&'a str, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for n in names {
        *counts.entry(n.as_str()).or_insert(0) += 1;
    }
    counts.into_iter().collect()
}
