//! Annotating from the reader: the selection over the open article's
//! statements, the speaker and tag pickers, the note editor, delete, undo and
//! redo, the marks of annotated statements, the per-article counts of the
//! list, the orphaned-annotations list, and the sidecar's state for the status
//! bar.
//!
//! Every edit goes through the [`AnnotationStore`]; an action on a detected
//! statement that has no annotation yet creates one (target from the
//! statement's span, kind from the analysis, speaker as detected unless the
//! user chose one), so that one user action is one undo step. The store saves
//! itself, debounced, when [`save_tick`] runs on the event loop's tick, and
//! [`flush`] saves what is left at exit. Nothing here draws; the only file
//! access is the store's saving, called from the event loop, never from
//! [`update`].

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use anyhow::{Context as _, Result};

use super::action::{Action, Pane};
use super::app::{App, Overlay};
use super::keymap::Context;
use super::note_editor::NoteEditor;
use super::picker::{Candidate, Picker};
use super::selection::{self, SentenceRange, Statement, StatementKind};
use crate::analysis::{Analysis, QuoteKind, Span};
use crate::annotations::anchor::anchor_in;
use crate::annotations::{
    Anchor, Annotation, AnnotationId, AnnotationStore, CharIndex, Opened, OrphanReason, TextTarget,
};
use crate::corpus::Article;

/// A key of the note editor or the picker's query line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// Type a character.
    Char(char),
    /// Delete before the cursor.
    Backspace,
    /// Delete after the cursor.
    Delete,
    /// Cursor left.
    Left,
    /// Cursor right.
    Right,
    /// Cursor (or picker highlight) up.
    Up,
    /// Cursor (or picker highlight) down.
    Down,
    /// Start of the line.
    Home,
    /// End of the line.
    End,
    /// A line break.
    Newline,
}

/// What the user asks of the annotation features.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Select the next statement.
    NextStatement,
    /// Select the previous statement.
    PreviousStatement,
    /// Forget the selection.
    ClearSelection,
    /// Start selecting a run of sentences.
    StartRange,
    /// One sentence more.
    ExtendRange,
    /// One sentence fewer.
    ShrinkRange,
    /// Select the run of sentences.
    ConfirmRange,
    /// Give up the run of sentences.
    CancelRange,
    /// Set or confirm the selected statement's speaker.
    Speaker,
    /// Add or remove a tag of the selected statement.
    Tag,
    /// Write the selected statement's note.
    Note,
    /// Add or remove a tag of the whole article.
    ArticleTag,
    /// Write the whole article's note.
    ArticleNote,
    /// Delete the selected statement's annotation.
    Delete,
    /// Revert the last change.
    Undo,
    /// Make the last reverted change again.
    Redo,
    /// Show or hide the annotations that could not be placed.
    ToggleOrphans,
    /// A key typed into the open picker or note editor.
    Edit(Edit),
    /// Choose the highlighted picker entry.
    Confirm,
    /// Close the picker or note editor without a change.
    Cancel,
    /// Save the note being edited.
    SaveNote,
    /// A click on the article text at this byte offset.
    Click(usize),
}

/// A message in the status bar, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// What to say.
    pub text: String,
    /// Shown as a warning.
    pub error: bool,
}

/// What an edit applies to: a statement of an article, or the whole article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// Index of the article.
    pub article: usize,
    /// The statement; `None` for the whole article.
    pub statement: Option<Statement>,
}

/// What a picker chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// The speaker of a statement.
    Speaker,
    /// A tag to add or remove.
    Tag,
    /// The speaker another one is merged into (the speakers view).
    MergeSpeaker,
    /// The name form split off a speaker (the speakers view).
    SplitSpeaker,
}

/// A window that takes every key while open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Modal {
    /// The speaker or tag picker.
    Picker {
        /// Its state.
        picker: Picker,
        /// What it chooses.
        purpose: Purpose,
        /// What the choice applies to.
        target: Target,
    },
    /// The note editor.
    Note {
        /// Its state.
        editor: NoteEditor,
        /// Whose note it is.
        target: Target,
    },
}

impl Modal {
    /// The keymap context while it is open.
    pub const fn context(&self) -> Context {
        match self {
            Self::Picker { .. } => Context::Picker,
            Self::Note { .. } => Context::NoteEditor,
        }
    }
}

/// An annotated statement of the open article, where it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Where it is in the current text.
    pub span: Span,
    /// The annotation.
    pub id: AnnotationId,
    /// Its kind.
    pub kind: StatementKind,
    /// The speaker the user set.
    pub speaker: Option<String>,
    /// Its tags.
    pub tags: Vec<String>,
    /// True when it has a note.
    pub has_note: bool,
}

/// An annotation that could not be placed in its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphan {
    /// The article id.
    pub article: String,
    /// The text it was on.
    pub exact: String,
    /// Its note.
    pub note: String,
    /// Why it could not be placed.
    pub reason: String,
}

/// The annotations of the open article, placed in its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleMarks {
    /// The article they belong to.
    pub article: Option<usize>,
    /// The annotated statements, in text order.
    pub marks: Vec<Mark>,
    /// The whole-article annotation, if any.
    pub whole: Option<Annotation>,
    /// The statements one can select: detected ones and annotated ones.
    pub statements: Vec<Statement>,
}

impl ArticleMarks {
    /// The mark on exactly `span`.
    pub fn at(&self, span: Span) -> Option<&Mark> {
        self.marks.iter().find(|m| m.span == span)
    }
}

/// The annotation side of the interface state.
#[derive(Debug, Default)]
pub struct AnnotateState {
    /// The user's annotations (none until a sidecar is attached).
    pub store: Option<AnnotationStore>,
    /// The status bar message, if any.
    pub notice: Option<Notice>,
    /// Annotations per article id.
    pub counts: HashMap<String, usize>,
    /// The tags used in each article (by id), sorted, for the list's filters.
    tags: HashMap<String, Vec<String>>,
    /// The open article's annotations.
    pub marks: ArticleMarks,
    /// The selected statement.
    pub selected: Option<Statement>,
    /// The run of sentences being selected.
    pub range: Option<SentenceRange>,
    /// The open picker or note editor.
    pub modal: Option<Modal>,
    /// What the orphans window lists.
    pub orphans: Vec<Orphan>,
    /// Set once the sidecar has been written in this session.
    pub saved: bool,
}

/// A copy of the annotation state without the sidecar: the copy shows what
/// the original showed, but edits in it are refused ("annotations are not
/// available") — one sidecar has one writer per process. Copies of the app
/// are made to measure the interface, never to run it.
impl Clone for AnnotateState {
    fn clone(&self) -> Self {
        Self {
            store: None,
            notice: self.notice.clone(),
            counts: self.counts.clone(),
            tags: self.tags.clone(),
            marks: self.marks.clone(),
            selected: self.selected.clone(),
            range: self.range.clone(),
            modal: self.modal.clone(),
            orphans: self.orphans.clone(),
            saved: false,
        }
    }
}

impl AnnotateState {
    /// The context of the open picker or editor, if any.
    pub fn modal_context(&self) -> Option<Context> {
        self.modal.as_ref().map(Modal::context)
    }

    /// The reader's context: selecting sentences, a statement selected, or plain.
    pub fn reader_context(&self) -> Context {
        if self.range.is_some() {
            Context::Range
        } else if self.selected.is_some() {
            Context::Statement
        } else {
            Context::Reader
        }
    }

    /// The span shown as selected: the run being selected, else the statement.
    pub fn selected_span(&self, sentences: Option<&[Span]>) -> Option<Span> {
        match (&self.range, sentences) {
            (Some(r), Some(s)) => r.span(s),
            _ => self.selected.as_ref().map(|s| s.span),
        }
    }

    fn say(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: false,
        });
    }

    fn warn(&mut self, text: impl Into<String>) {
        self.notice = Some(Notice {
            text: text.into(),
            error: true,
        });
    }
}

impl App {
    /// Takes the opened sidecar: its place (or why it is read-only, or why
    /// another place is used) goes to the status bar.
    pub fn attach_annotations(&mut self, opened: Opened) {
        let Opened {
            store, location, ..
        } = opened;
        let message = match (store.read_only_reason(), &location.notice) {
            (Some(reason), _) => Notice {
                text: reason.to_string(),
                error: true,
            },
            (None, Some(notice)) => Notice {
                text: notice.clone(),
                error: true,
            },
            (None, None) => Notice {
                text: format!("annotations: {}", store.path().display()),
                error: false,
            },
        };
        self.annotate.store = Some(store);
        self.annotate.notice = Some(message);
        refresh_counts(self);
        self.relayout_reader();
        if self.loading.is_none() {
            corpus_loaded(self);
        }
    }

    /// Places the open article's annotations and lists its statements; on a
    /// change of article the selection is dropped. Called on every relayout.
    pub fn refresh_marks(&mut self) {
        let open = self.reader.article;
        if open != self.annotate.marks.article {
            self.annotate.selected = None;
            self.annotate.range = None;
        }
        let mut marks = ArticleMarks {
            article: open,
            ..ArticleMarks::default()
        };
        if let Some(i) = open
            && let Some(article) = self.articles.get(i)
        {
            if let Some(store) = &self.annotate.store {
                for (a, anchor) in store.anchor_article(&article.id.0, &article.text) {
                    match anchor {
                        Anchor::WholeArticle => marks.whole = Some(a.clone()),
                        _ => {
                            if let Some(span) = anchor.span() {
                                marks.marks.push(mark(a, span));
                            }
                        }
                    }
                }
            }
            marks.marks.sort_by_key(|m| (m.span.start, m.span.end));
            let annotated: Vec<(Span, StatementKind)> =
                marks.marks.iter().map(|m| (m.span, m.kind)).collect();
            marks.statements =
                selection::statements(&article.text, self.analysis(i).map(|a| &**a), &annotated);
        }
        // Keep the selection, with what is known about it now.
        if let Some(sel) = &self.annotate.selected
            && let Some(now) = marks.statements.iter().find(|s| s.span == sel.span)
        {
            self.annotate.selected = Some(now.clone());
        }
        self.annotate.marks = marks;
    }

    /// The analysis the reader lays out: the speaker labels say what the user
    /// set (speaker, tags, a note mark) where a quotation is annotated.
    pub fn display_analysis(&self, i: usize) -> Option<Arc<Analysis>> {
        let base = self.analysis(i).filter(|_| self.highlights)?.clone();
        let marks = &self.annotate.marks;
        if marks.article != Some(i) || marks.marks.is_empty() {
            return Some(base);
        }
        let mut shown = (*base).clone();
        for q in &mut shown.quotes {
            if let Some(m) = marks.at(q.span) {
                q.speaker = label(m, q.speaker.as_deref());
            }
        }
        Some(Arc::new(shown))
    }
}

fn mark(a: &Annotation, span: Span) -> Mark {
    Mark {
        span,
        id: a.id.clone(),
        kind: a
            .kind
            .as_deref()
            .map_or(StatementKind::Selection, StatementKind::from_name),
        speaker: a.speaker.clone(),
        tags: a.tags.clone(),
        has_note: !a.note.trim().is_empty(),
    }
}

/// The speaker label of an annotated quotation: the user's speaker (else the
/// detected one), its tags and a note mark.
fn label(m: &Mark, detected: Option<&str>) -> Option<String> {
    let mut parts: Vec<String> = m
        .speaker
        .as_deref()
        .or(detected)
        .map(str::to_string)
        .into_iter()
        .collect();
    parts.extend(m.tags.iter().map(|t| format!("#{t}")));
    if m.has_note {
        parts.push("✎".to_string());
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// True for actions that come from the user (keys, clicks): they dismiss
/// the status bar message.
pub fn is_user_input(action: &Action) -> bool {
    matches!(
        action,
        Action::Quit
            | Action::Back
            | Action::Move(_)
            | Action::FocusNext
            | Action::Focus(_)
            | Action::Open
            | Action::ToggleHelp
            | Action::ToggleWarnings
            | Action::ToggleHighlights
            | Action::Scroll { .. }
            | Action::Select(_)
            | Action::Annotate(_)
            | Action::View(_)
    )
}

/// The whole corpus is loaded: annotations that cannot be placed are counted
/// and announced.
pub fn corpus_loaded(app: &mut App) {
    if app.annotate.store.is_none() {
        return;
    }
    app.annotate.orphans = orphans(app);
    let n = app.annotate.orphans.len();
    if n > 0 {
        app.annotate.warn(format!(
            "{n} annotation{} could not be placed in the text — press o to see {}",
            if n == 1 { "" } else { "s" },
            if n == 1 { "it" } else { "them" }
        ));
    }
}

/// Applies `op` to the app.
pub fn update(app: &mut App, op: Op) {
    match op {
        Op::NextStatement => step(app, true),
        Op::PreviousStatement => step(app, false),
        Op::ClearSelection => app.annotate.selected = None,
        Op::StartRange => start_range(app),
        Op::ExtendRange | Op::ShrinkRange => {
            let sentences = open_sentences(app);
            if let Some(r) = app.annotate.range.as_mut() {
                if op == Op::ExtendRange {
                    r.extend(&sentences);
                } else {
                    r.shrink();
                }
                if let Some(span) = r.span(&sentences) {
                    show(app, span);
                }
            }
        }
        Op::ConfirmRange => {
            let sentences = open_sentences(app);
            if let Some(span) = app.annotate.range.take().and_then(|r| r.span(&sentences)) {
                let st = app
                    .annotate
                    .marks
                    .statements
                    .iter()
                    .find(|s| s.span == span)
                    .cloned()
                    .unwrap_or(Statement {
                        span,
                        kind: StatementKind::Selection,
                        detected_speaker: None,
                    });
                app.annotate.selected = Some(st);
            }
        }
        Op::CancelRange => {
            if let Some(r) = app.annotate.range.take() {
                app.annotate.selected = r.previous;
            }
        }
        Op::Speaker => open_speaker_picker(app),
        Op::Tag => {
            if let Some(t) = statement_target(app) {
                open_tag_picker(app, t);
            }
        }
        Op::ArticleTag => {
            if let Some(t) = article_target(app) {
                open_tag_picker(app, t);
            }
        }
        Op::Note => {
            if let Some(t) = statement_target(app) {
                open_note(app, t);
            }
        }
        Op::ArticleNote => {
            if let Some(t) = article_target(app) {
                open_note(app, t);
            }
        }
        Op::Delete => delete(app),
        Op::Undo | Op::Redo => undo_redo(app, op == Op::Undo),
        Op::ToggleOrphans => {
            if matches!(app.overlay, Some(Overlay::Orphans { .. })) {
                app.overlay = None;
            } else {
                app.annotate.orphans = orphans(app);
                app.overlay = Some(Overlay::Orphans { scroll: 0 });
            }
        }
        Op::Edit(e) => edit(app, e),
        Op::Confirm => confirm_picker(app),
        Op::Cancel => app.annotate.modal = None,
        Op::SaveNote => save_note(app),
        Op::Click(offset) => {
            app.focus = Pane::Reader;
            app.annotate.range = None;
            let hit = selection::statement_at(&app.annotate.marks.statements, offset);
            app.annotate.selected = hit.and_then(|i| app.annotate.marks.statements.get(i).cloned());
        }
    }
}

// ----- selection -----

fn top_offset(app: &App) -> usize {
    app.reader
        .table
        .lines
        .get(app.reader.scroll)
        .map_or(0, |l| l.range.start)
}

fn open_sentences(app: &App) -> Vec<Span> {
    app.reader
        .article
        .and_then(|i| app.analysis(i))
        .map(|a| a.sentences.clone())
        .unwrap_or_default()
}

fn step(app: &mut App, forward: bool) {
    let list = &app.annotate.marks.statements;
    if list.is_empty() {
        let analysed = app.reader.article.and_then(|i| app.analysis(i)).is_some();
        app.annotate.say(if analysed {
            "no statement found in this article — v selects sentences"
        } else {
            "still analysing this article…"
        });
        return;
    }
    let from = top_offset(app);
    let current = app.annotate.selected.as_ref();
    let found = if forward {
        selection::next(list, current, from)
    } else {
        selection::previous(list, current, from)
    };
    match found.and_then(|i| list.get(i)).cloned() {
        Some(st) => {
            let span = st.span;
            app.annotate.selected = Some(st);
            show(app, span);
        }
        None => app.annotate.say(if forward {
            "this is the last statement"
        } else {
            "this is the first statement"
        }),
    }
}

/// Scrolls the reader just enough to show `span`.
fn show(app: &mut App, span: Span) {
    let rows = app.reader_rows();
    app.reader.scroll = selection::scroll_to_show(&app.reader.table, span, app.reader.scroll, rows);
    app.clamp_reader();
}

fn start_range(app: &mut App) {
    let sentences = open_sentences(app);
    let at = app
        .annotate
        .selected
        .as_ref()
        .map_or_else(|| top_offset(app), |s| s.span.start);
    let previous = app.annotate.selected.clone();
    match SentenceRange::start(&sentences, at, previous) {
        Some(r) => {
            if let Some(span) = r.span(&sentences) {
                show(app, span);
            }
            app.annotate.range = Some(r);
        }
        None => app.annotate.say("still analysing this article…"),
    }
}

// ----- targets -----

fn writable(app: &mut App) -> bool {
    match app.annotate.store.as_ref().map(|s| s.read_only_reason()) {
        None => {
            app.annotate.warn("annotations are not available");
            false
        }
        Some(Some(reason)) => {
            let reason = reason.to_string();
            app.annotate.warn(reason);
            false
        }
        Some(None) => true,
    }
}

fn statement_target(app: &mut App) -> Option<Target> {
    let article = app.reader.article?;
    let Some(statement) = app.annotate.selected.clone() else {
        app.annotate
            .say("select a statement first: ] or [, or v for sentences");
        return None;
    };
    writable(app).then_some(Target {
        article,
        statement: Some(statement),
    })
}

fn article_target(app: &mut App) -> Option<Target> {
    let article = app.reader.article?;
    writable(app).then_some(Target {
        article,
        statement: None,
    })
}

/// The annotation `target` has now, if any.
fn existing<'a>(app: &'a App, target: &Target) -> Option<&'a Annotation> {
    let store = app.annotate.store.as_ref()?;
    let article = app.articles.get(target.article)?;
    match &target.statement {
        None => store.whole_article(&article.id.0),
        Some(st) => store.at_span(&article.id.0, &article.text, st.span),
    }
}

// ----- pickers and the note editor -----

fn open_speaker_picker(app: &mut App) {
    let Some(target) = statement_target(app) else {
        return;
    };
    let detected = target
        .statement
        .as_ref()
        .and_then(|s| s.detected_speaker.clone());
    let current = existing(app, &target)
        .and_then(|a| a.speaker.clone())
        .or(detected);
    let mut counts: HashMap<String, usize> = HashMap::new();
    for a in app.analyses.iter().flatten() {
        for q in &a.quotes {
            if let (Some(s), false) = (&q.speaker, q.kind == QuoteKind::Term) {
                *counts.entry(s.clone()).or_insert(0) += 1;
            }
        }
    }
    if let Some(store) = &app.annotate.store {
        for (name, n) in store.speakers() {
            *counts.entry(name.to_string()).or_insert(0) += n;
        }
    }
    let mut candidates: Vec<Candidate> = counts
        .into_iter()
        .map(|(label, count)| Candidate::new(label, count))
        .collect();
    candidates.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    // The current speaker first, so that Enter confirms it.
    if let Some(cur) = current {
        let pos = candidates.iter().position(|c| c.label == cur);
        let mut c = pos.map_or_else(|| Candidate::new(cur, 0), |p| candidates.remove(p));
        c.marked = true;
        candidates.insert(0, c);
    }
    app.annotate.modal = Some(Modal::Picker {
        picker: Picker::new("Speaker", candidates, true),
        purpose: Purpose::Speaker,
        target,
    });
}

fn open_tag_picker(app: &mut App, target: Target) {
    let on: Vec<String> = existing(app, &target)
        .map(|a| a.tags.clone())
        .unwrap_or_default();
    let mut candidates: Vec<Candidate> = app
        .annotate
        .store
        .as_ref()
        .map(|s| s.tags())
        .unwrap_or_default()
        .into_iter()
        .map(|(t, n)| Candidate {
            label: t.to_string(),
            count: n,
            marked: on.iter().any(|x| x == t),
        })
        .collect();
    candidates.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    let title = if target.statement.is_some() {
        "Tag (a marked tag is removed)"
    } else {
        "Tag the article (a marked tag is removed)"
    };
    app.annotate.modal = Some(Modal::Picker {
        picker: Picker::new(title, candidates, true),
        purpose: Purpose::Tag,
        target,
    });
}

fn open_note(app: &mut App, target: Target) {
    let note = existing(app, &target)
        .map(|a| a.note.clone())
        .unwrap_or_default();
    let title = match (&target.statement, app.articles.get(target.article)) {
        (Some(st), Some(article)) => {
            let exact = st.span.slice(&article.text);
            let short: String = exact.chars().take(40).collect();
            let more = if short.len() < exact.len() { "…" } else { "" };
            format!("Note on “{short}{more}”")
        }
        _ => "Note on the article".to_string(),
    };
    app.annotate.modal = Some(Modal::Note {
        editor: NoteEditor::new(title, &note),
        target,
    });
}

fn edit(app: &mut App, e: Edit) {
    match app.annotate.modal.as_mut() {
        Some(Modal::Picker { picker, .. }) => match e {
            Edit::Char(c) => picker.push(c),
            Edit::Backspace => picker.pop(),
            Edit::Up => picker.up(),
            Edit::Down => picker.down(),
            _ => {}
        },
        Some(Modal::Note { editor, .. }) => match e {
            Edit::Char(c) => editor.insert(c),
            Edit::Backspace => editor.backspace(),
            Edit::Delete => editor.delete(),
            Edit::Left => editor.left(),
            Edit::Right => editor.right(),
            Edit::Up => editor.up(),
            Edit::Down => editor.down(),
            Edit::Home => editor.home(),
            Edit::End => editor.end(),
            Edit::Newline => editor.newline(),
        },
        None => {}
    }
}

/// One user change, applied to the target's annotation or to a new one.
enum Change {
    Speaker(String),
    Tag(String),
    Note(String),
}

fn confirm_picker(app: &mut App) {
    let Some(Modal::Picker {
        picker,
        purpose,
        target,
    }) = app.annotate.modal.take()
    else {
        return;
    };
    let Some(choice) = picker.confirm() else {
        // Nothing to choose: the picker stays open.
        app.annotate.modal = Some(Modal::Picker {
            picker,
            purpose,
            target,
        });
        return;
    };
    let value = choice.value().to_string();
    let change = match purpose {
        Purpose::Speaker => Change::Speaker(value),
        Purpose::Tag => Change::Tag(value),
        Purpose::MergeSpeaker | Purpose::SplitSpeaker => {
            return super::views_edit::picked(app, purpose, &value);
        }
    };
    apply(app, &target, change);
}

fn save_note(app: &mut App) {
    let Some(Modal::Note { editor, target }) = app.annotate.modal.take() else {
        return;
    };
    if !editor.is_changed() {
        app.annotate.say("note unchanged");
        return;
    }
    apply(app, &target, Change::Note(editor.text()));
}

fn apply(app: &mut App, target: &Target, change: Change) {
    let Some(article) = app.articles.get(target.article).cloned() else {
        return;
    };
    let id = existing(app, target).map(|a| a.id.clone());
    let Some(store) = app.annotate.store.as_mut() else {
        return;
    };
    let result = match id {
        Some(id) => match change {
            Change::Speaker(s) => store
                .set_speaker(&id, Some(&s))
                .map(|()| format!("speaker: {s}")),
            Change::Tag(t) => store.toggle_tag(&id, &t).map(|on| {
                if on {
                    format!("tagged #{t}")
                } else {
                    format!("tag #{t} removed")
                }
            }),
            Change::Note(n) => store.set_note(&id, &n).map(|()| "note saved".to_string()),
        },
        None => match new_annotation(&article, target, change) {
            Ok((annotation, said)) => store.add(annotation).map(|_| said),
            Err(why) => {
                app.annotate.warn(why);
                return;
            }
        },
    };
    match result {
        Ok(said) => {
            app.annotate.say(said);
            after_edit_of(app, target.article);
        }
        Err(e) => app.annotate.warn(e.to_string()),
    }
}

/// A new annotation on `target` carrying `change`, and what to tell the user.
fn new_annotation(
    article: &Article,
    target: &Target,
    change: Change,
) -> Result<(Annotation, String), String> {
    let text_target = match &target.statement {
        Some(st) => {
            Some(TextTarget::from_byte_span(&article.text, st.span).map_err(|e| e.to_string())?)
        }
        None => None,
    };
    let mut a = Annotation::new(article.id.0.clone(), text_target);
    if let Some(st) = &target.statement {
        a.kind = Some(st.kind.name().to_string());
        a.speaker = st.detected_speaker.clone();
    }
    let said = match change {
        Change::Speaker(s) => {
            let s = s.trim().to_string();
            let said = format!("speaker: {s}");
            a.speaker = (!s.is_empty()).then_some(s);
            said
        }
        Change::Tag(t) => {
            let t = t.trim().to_string();
            let said = format!("tagged #{t}");
            a.tags = vec![t];
            said
        }
        Change::Note(n) => {
            if n.trim().is_empty() {
                return Err("an empty note is not saved".to_string());
            }
            a.note = n;
            "note saved".to_string()
        }
    };
    Ok((a, said))
}

fn delete(app: &mut App) {
    let Some(target) = statement_target(app) else {
        return;
    };
    let Some(id) = existing(app, &target).map(|a| a.id.clone()) else {
        app.annotate.say("this statement has no annotation");
        return;
    };
    let result = app.annotate.store.as_mut().map(|s| s.delete(&id));
    match result {
        Some(Ok(())) => {
            app.annotate.say("annotation deleted (u undoes)");
            after_edit_of(app, target.article);
        }
        Some(Err(e)) => app.annotate.warn(e.to_string()),
        None => {}
    }
}

fn undo_redo(app: &mut App, undo: bool) {
    if !writable(app) {
        return;
    }
    let Some(store) = app.annotate.store.as_mut() else {
        return;
    };
    let result = if undo { store.undo() } else { store.redo() };
    match result {
        Ok(Some(applied)) => {
            let verb = if undo { "undone" } else { "redone" };
            app.annotate
                .say(format!("{verb}: {}", applied.label.describe()));
            match applied.id.as_ref().and_then(|id| article_of(app, id)) {
                Some(i) => after_edit_of(app, i),
                None => after_edit(app),
            }
            // Show the statement the change was about, if it is in this article.
            let span = applied
                .id
                .and_then(|id| app.annotate.marks.marks.iter().find(|m| m.id == id))
                .map(|m| m.span);
            if let Some(span) = span {
                app.annotate.selected = app
                    .annotate
                    .marks
                    .statements
                    .iter()
                    .find(|s| s.span == span)
                    .cloned();
                show(app, span);
            }
        }
        Ok(None) => app.annotate.say(if undo {
            "nothing to undo"
        } else {
            "nothing to redo"
        }),
        Err(e) => app.annotate.warn(e.to_string()),
    }
}

/// The article of annotation `id`: where it is now, else where the open
/// article showed it before the change (an undone addition is gone).
fn article_of(app: &App, id: &AnnotationId) -> Option<usize> {
    let stored = app
        .annotate
        .store
        .as_ref()
        .and_then(|s| s.get(id))
        .map(|a| a.article.as_str());
    match stored {
        Some(article) => app.articles.iter().position(|a| a.id.0 == article),
        None => app
            .annotate
            .marks
            .marks
            .iter()
            .any(|m| &m.id == id)
            .then_some(app.annotate.marks.article)
            .flatten(),
    }
}

/// After a change: counts, marks, labels and the orphans list follow.
fn after_edit(app: &mut App) {
    refresh_counts(app);
    after_any_edit(app);
}

/// After a change to the annotations of article `i` only: its counts are
/// recounted, not the whole corpus's.
fn after_edit_of(app: &mut App, i: usize) {
    refresh_article(app, i);
    after_any_edit(app);
}

fn after_any_edit(app: &mut App) {
    if let Some(i) = app.reader.article {
        app.catalog_speakers(i);
    }
    app.relayout_reader();
    super::views_edit::annotations_changed(app);
    if matches!(app.overlay, Some(Overlay::Orphans { .. })) {
        app.annotate.orphans = orphans(app);
    }
}

/// Counts and tags per article, for the list and its filters and sort
/// orders: articles whose counts or tags changed are told to the list.
fn refresh_counts(app: &mut App) {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut tags: HashMap<String, Vec<String>> = HashMap::new();
    if let Some(store) = &app.annotate.store {
        for a in store.all() {
            *counts.entry(a.article.clone()).or_insert(0) += 1;
            tags.entry(a.article.clone())
                .or_default()
                .extend(a.tags.iter().cloned());
        }
    }
    for t in tags.values_mut() {
        t.sort();
        t.dedup();
    }
    let old_counts = std::mem::replace(&mut app.annotate.counts, counts);
    let old_tags = std::mem::replace(&mut app.annotate.tags, tags);
    let changed: Vec<usize> = app
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            let id = &a.id.0;
            old_counts.get(id) != app.annotate.counts.get(id)
                || old_tags.get(id) != app.annotate.tags.get(id)
        })
        .map(|(i, _)| i)
        .collect();
    for i in changed {
        tell_list(app, i);
    }
}

/// Recounts the annotations and tags of article `i` and tells the list.
fn refresh_article(app: &mut App, i: usize) {
    let Some(id) = app.articles.get(i).map(|a| a.id.0.clone()) else {
        return;
    };
    let (n, tags) = match &app.annotate.store {
        Some(store) => {
            let list = store.for_article(&id);
            let mut tags: Vec<String> = list.iter().flat_map(|a| a.tags.iter().cloned()).collect();
            tags.sort();
            tags.dedup();
            (list.len(), tags)
        }
        None => (0, Vec::new()),
    };
    if n == 0 {
        app.annotate.counts.remove(&id);
        app.annotate.tags.remove(&id);
    } else {
        app.annotate.counts.insert(id.clone(), n);
        app.annotate.tags.insert(id, tags);
    }
    tell_list(app, i);
}

/// Tells the list what the annotations say about article `i`.
fn tell_list(app: &mut App, i: usize) {
    let Some(id) = app.articles.get(i).map(|a| a.id.0.clone()) else {
        return;
    };
    let n = app.annotate.counts.get(&id).copied().unwrap_or(0);
    let tags = app.annotate.tags.get(&id).cloned().unwrap_or_default();
    app.note_annotations(i, u32::try_from(n).unwrap_or(u32::MAX), tags);
}

/// Articles `from..` just arrived: the list learns about their annotations.
pub fn articles_added(app: &mut App, from: usize) {
    for i in from..app.articles.len() {
        if app
            .articles
            .get(i)
            .is_some_and(|a| app.annotate.counts.contains_key(&a.id.0))
        {
            tell_list(app, i);
        }
    }
}

/// The annotations that cannot be placed, article by article. While the
/// corpus is still loading, annotations of articles not loaded yet are not
/// counted as orphans.
fn orphans(app: &App) -> Vec<Orphan> {
    let Some(store) = &app.annotate.store else {
        return Vec::new();
    };
    let texts: HashMap<&str, &Article> = app
        .articles
        .iter()
        .map(|a| (a.id.0.as_str(), &**a))
        .collect();
    let mut out = Vec::new();
    // One pass over every annotation, article by article (the stored order),
    // with one character index per article.
    let all = store.all();
    for group in all.chunk_by(|a, b| a.article == b.article) {
        let Some(first) = group.first() else { continue };
        match texts.get(first.article.as_str()) {
            Some(article) => {
                let index = CharIndex::new(&article.text);
                for a in group {
                    if let Some(t) = &a.target
                        && let Anchor::Orphaned(reason) = anchor_in(t, &index)
                    {
                        out.push(orphan(a, reason.to_string()));
                    }
                }
            }
            None if app.loading.is_none() => {
                let reason = OrphanReason::ArticleMissing.to_string();
                out.extend(group.iter().map(|a| orphan(a, reason.clone())));
            }
            None => {}
        }
    }
    out
}

fn orphan(a: &Annotation, reason: String) -> Orphan {
    Orphan {
        article: a.article.clone(),
        exact: a
            .target
            .as_ref()
            .map_or_else(|| "(the whole article)".to_string(), |t| t.exact.clone()),
        note: a.note.clone(),
        reason,
    }
}

// ----- status bar -----

/// What the status bar says about the selection: the kind, the speaker
/// (as set, or as detected), the tags and whether there is a note.
pub fn selection_summary(app: &App) -> Option<String> {
    let st = &app.annotate;
    if let Some(r) = &st.range {
        let n = r.last - r.first + 1;
        return Some(format!(
            "selecting {n} sentence{}",
            if n == 1 { "" } else { "s" }
        ));
    }
    let sel = st.selected.as_ref()?;
    let mut parts = vec![sel.kind.name().to_string()];
    let mark = st.marks.at(sel.span);
    match (
        mark.and_then(|m| m.speaker.as_deref()),
        &sel.detected_speaker,
    ) {
        (Some(s), _) => parts.push(format!("— {s}")),
        (None, Some(d)) => parts.push(format!("— {d} (detected)")),
        (None, None) => parts.push("— no speaker".to_string()),
    }
    if let Some(m) = mark {
        parts.extend(m.tags.iter().map(|t| format!("#{t}")));
        if m.has_note {
            parts.push("✎ note".to_string());
        }
    }
    Some(parts.join(" "))
}

/// What the reader's border says about the whole-article annotation.
pub fn article_summary(app: &App) -> Option<String> {
    let a = app.annotate.marks.whole.as_ref()?;
    let mut parts: Vec<String> = a.tags.iter().map(|t| format!("#{t}")).collect();
    if !a.note.trim().is_empty() {
        parts.push("✎ note".to_string());
    }
    (!parts.is_empty()).then(|| format!("article: {}", parts.join(" ")))
}

/// A short word on the sidecar for the right of the status bar: read-only,
/// changes waiting to be saved, or saved (once something was saved).
pub fn sidecar_state(app: &App) -> Option<&'static str> {
    let store = app.annotate.store.as_ref()?;
    if store.is_read_only() {
        Some("read-only")
    } else if store.is_dirty() {
        Some("unsaved")
    } else if app.annotate.saved {
        Some("saved")
    } else {
        None
    }
}

// ----- saving (event loop only) -----

/// Saves the sidecar when its debounce time has come; call it on every tick.
/// The outcome goes to the status bar.
pub fn save_tick(app: &mut App, now: Instant) {
    let Some(store) = app.annotate.store.as_mut() else {
        return;
    };
    match store.save_if_due(now) {
        Ok(None) => {}
        Ok(Some(report)) => {
            // "saved" shows on the right of the status bar; a merge is worth a message.
            app.annotate.saved = true;
            if report.merged > 0 {
                app.annotate.say(format!(
                    "saved · {} change{} by another program merged in",
                    report.merged,
                    if report.merged == 1 { "" } else { "s" }
                ));
                after_edit(app);
            } else if app.annotate.notice.as_ref().is_some_and(|n| n.error) {
                // An earlier "not saved" is no longer true.
                app.annotate.notice = None;
            }
            app.dirty = true;
        }
        Err(e) => {
            app.annotate.warn(format!("not saved: {e}"));
            app.dirty = true;
        }
    }
}

/// Saves whatever is unsaved (at exit).
pub fn flush(app: &mut App) -> Result<()> {
    if let Some(store) = app.annotate.store.as_mut() {
        let path = store.path().to_path_buf();
        store
            .flush()
            .with_context(|| format!("saving the annotations to {}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use ratatui::layout::Rect;

    use super::*;
    use crate::analysis::Quote;
    use crate::corpus::{Corpus, CorpusSource};
    use crate::tui::theme::Theme;
    use crate::tui::update::update as app_update;

    const TEXT: &str = "A headline\n\n\"We are ready,\" Ann Lee said. The board met. \
                        It said costs rose.\n";

    fn span_of(text: &str, needle: &str) -> Span {
        let s = text.find(needle).expect("needle");
        Span::new(s, s + needle.len())
    }

    /// An app on one article with a hand-made analysis and a sidecar in `dir`.
    fn app(dir: &std::path::Path) -> App {
        let article = Article::from_bytes("one.txt", TEXT.as_bytes()).expect("text");
        let text = article.text.clone();
        let corpus = Corpus {
            source: CorpusSource::Bundled,
            articles: vec![article],
            skipped: Vec::new(),
        };
        let mut a = App::new(corpus, Theme::default(), Rect::new(0, 0, 100, 30));
        let analysis = Analysis {
            sentences: vec![
                span_of(&text, "\"We are ready,\" Ann Lee said."),
                span_of(&text, "The board met."),
                span_of(&text, "It said costs rose."),
            ],
            quotes: vec![
                Quote {
                    span: span_of(&text, "We are ready,"),
                    kind: QuoteKind::Direct,
                    speaker: Some("Ann Lee".into()),
                },
                Quote {
                    span: span_of(&text, "costs rose"),
                    kind: QuoteKind::Indirect,
                    speaker: None,
                },
            ],
            ..Analysis::default()
        };
        app_update(
            &mut a,
            Action::AnalysisReady {
                article: 0,
                analysis: Arc::new(analysis),
            },
        );
        app_update(&mut a, Action::Focus(Pane::Reader));
        let sidecar = dir.join("a.json");
        a.attach_annotations(AnnotationStore::open_for_corpus(
            &CorpusSource::Bundled,
            Some(&sidecar),
        ));
        a
    }

    fn op(a: &mut App, op: Op) {
        app_update(a, Action::Annotate(op));
    }

    fn type_text(a: &mut App, s: &str) {
        for c in s.chars() {
            let e = if c == '\n' {
                Edit::Newline
            } else {
                Edit::Char(c)
            };
            op(a, Op::Edit(e));
        }
    }

    fn all(a: &App) -> Vec<Annotation> {
        let store = a.annotate.store.as_ref().expect("store");
        store.all().into_iter().cloned().collect()
    }

    #[test]
    fn tagging_a_detected_quotation_creates_its_annotation_in_one_undo_step() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut a = app(dir.path());
        op(&mut a, Op::NextStatement);
        assert_eq!(a.context(), Context::Statement);
        op(&mut a, Op::Tag);
        assert_eq!(a.context(), Context::Picker);
        type_text(&mut a, "blame-us");
        op(&mut a, Op::Confirm);
        assert!(a.annotate.modal.is_none());
        let saved = all(&a);
        assert_eq!(saved.len(), 1);
        let t = saved[0].target.as_ref().expect("target");
        assert_eq!(t.exact, "We are ready,");
        assert_eq!(t.prefix, "A headline\n\n\"");
        assert_eq!(saved[0].kind.as_deref(), Some("direct"));
        assert_eq!(
            saved[0].speaker.as_deref(),
            Some("Ann Lee"),
            "the detected speaker"
        );
        assert_eq!(saved[0].tags, ["blame-us"]);
        assert_eq!(a.annotate.counts.get("one"), Some(&1));
        // The list's filters and sort orders know it too.
        assert_eq!(a.browse.facts[0].annotations, 1);
        assert_eq!(a.browse.facts[0].tags, ["blame-us"]);
        assert_eq!(a.annotate.marks.marks.len(), 1);

        op(&mut a, Op::Undo);
        assert!(all(&a).is_empty());
        assert!(a.annotate.marks.marks.is_empty());
        assert_eq!(a.annotate.counts.get("one"), None);
        assert_eq!(a.browse.facts[0].annotations, 0);
        op(&mut a, Op::Redo);
        assert_eq!(all(&a).len(), 1);
    }

    #[test]
    fn picking_a_tag_the_statement_has_removes_it() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut a = app(dir.path());
        op(&mut a, Op::NextStatement);
        for _ in 0..2 {
            op(&mut a, Op::Tag);
            type_text(&mut a, "blame-us");
            op(&mut a, Op::Confirm);
        }
        assert!(all(&a)[0].tags.is_empty());
    }

    #[test]
    fn the_speaker_picker_offers_the_current_speaker_first_and_takes_a_new_name() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut a = app(dir.path());
        op(&mut a, Op::NextStatement);
        op(&mut a, Op::Speaker);
        let Some(Modal::Picker { picker, .. }) = &a.annotate.modal else {
            panic!("no picker");
        };
        assert_eq!(picker.candidates()[0].label, "Ann Lee");
        assert!(picker.candidates()[0].marked);
        type_text(&mut a, "Jo Bloggs");
        op(&mut a, Op::Confirm);
        assert_eq!(all(&a)[0].speaker.as_deref(), Some("Jo Bloggs"));
        assert_eq!(selection_summary(&a).as_deref(), Some("direct — Jo Bloggs"));
        // The reader's label says what the user set.
        let shown = a.display_analysis(0).expect("analysis");
        assert_eq!(shown.quotes[0].speaker.as_deref(), Some("Jo Bloggs"));
    }

    #[test]
    fn a_note_is_saved_with_ctrl_s_and_dropped_with_esc() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut a = app(dir.path());
        op(&mut a, Op::NextStatement);
        op(&mut a, Op::Note);
        type_text(&mut a, "first\nsecond");
        op(&mut a, Op::Cancel);
        assert!(all(&a).is_empty(), "Esc saves nothing");
        op(&mut a, Op::Note);
        type_text(&mut a, "first\nsecond");
        op(&mut a, Op::SaveNote);
        assert_eq!(all(&a)[0].note, "first\nsecond");
        // Reopened, the editor holds the note.
        op(&mut a, Op::Note);
        let Some(Modal::Note { editor, .. }) = &a.annotate.modal else {
            panic!("no editor");
        };
        assert_eq!(editor.text(), "first\nsecond");
    }

    #[test]
    fn article_tags_and_notes_have_no_target() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut a = app(dir.path());
        op(&mut a, Op::ArticleTag);
        type_text(&mut a, "economy");
        op(&mut a, Op::Confirm);
        op(&mut a, Op::ArticleNote);
        type_text(&mut a, "read again");
        op(&mut a, Op::SaveNote);
        let saved = all(&a);
        assert_eq!(saved.len(), 1, "one annotation for the article");
        assert!(saved[0].target.is_none());
        assert_eq!(saved[0].tags, ["economy"]);
        assert_eq!(saved[0].note, "read again");
        assert_eq!(
            article_summary(&a).as_deref(),
            Some("article: #economy ✎ note")
        );
    }

    #[test]
    fn x_deletes_and_u_brings_it_back_selected() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut a = app(dir.path());
        op(&mut a, Op::NextStatement);
        op(&mut a, Op::NextStatement);
        op(&mut a, Op::Tag);
        type_text(&mut a, "x");
        op(&mut a, Op::Confirm);
        op(&mut a, Op::Delete);
        assert!(all(&a).is_empty());
        op(&mut a, Op::ClearSelection);
        op(&mut a, Op::Undo);
        assert_eq!(all(&a).len(), 1);
        let sel = a.annotate.selected.as_ref().expect("selected again");
        assert_eq!(sel.span.slice(&a.articles[0].text), "costs rose");
    }

    #[test]
    fn sentences_are_selected_with_v_extended_and_confirmed() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut a = app(dir.path());
        op(&mut a, Op::StartRange);
        assert_eq!(a.context(), Context::Range);
        op(&mut a, Op::ExtendRange);
        op(&mut a, Op::ExtendRange);
        op(&mut a, Op::ShrinkRange);
        op(&mut a, Op::ConfirmRange);
        let sel = a.annotate.selected.clone().expect("selected");
        assert_eq!(
            sel.span.slice(&a.articles[0].text),
            "\"We are ready,\" Ann Lee said. The board met."
        );
        assert_eq!(sel.kind, StatementKind::Selection);
        op(&mut a, Op::Tag);
        type_text(&mut a, "context");
        op(&mut a, Op::Confirm);
        let saved = all(&a);
        assert_eq!(saved[0].kind.as_deref(), Some("selection"));
        assert_eq!(saved[0].speaker, None);
        // The annotated sentences are a statement now: ] stops there.
        op(&mut a, Op::ClearSelection);
        op(&mut a, Op::NextStatement);
        assert_eq!(a.annotate.selected.as_ref().map(|s| s.span), Some(sel.span));
        // Esc during a run restores the selection before it.
        op(&mut a, Op::StartRange);
        op(&mut a, Op::ExtendRange);
        op(&mut a, Op::CancelRange);
        assert_eq!(a.annotate.selected.as_ref().map(|s| s.span), Some(sel.span));
    }

    #[test]
    fn a_click_on_a_statement_selects_it() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut a = app(dir.path());
        let text = a.articles[0].text.clone();
        op(&mut a, Op::Click(span_of(&text, "rose").start));
        let sel = a.annotate.selected.as_ref().expect("selected");
        assert_eq!(sel.span.slice(&text), "costs rose");
        op(&mut a, Op::Click(span_of(&text, "board").start));
        assert!(a.annotate.selected.is_none());
    }

    #[test]
    fn changes_are_saved_after_the_debounce_not_only_at_exit() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut a = app(dir.path());
        op(&mut a, Op::NextStatement);
        op(&mut a, Op::Tag);
        type_text(&mut a, "blame-us");
        op(&mut a, Op::Confirm);
        let path = dir.path().join("a.json");
        save_tick(&mut a, Instant::now());
        assert!(!path.exists(), "not before the debounce");
        save_tick(&mut a, Instant::now() + Duration::from_secs(5));
        let written = std::fs::read_to_string(&path).expect("saved");
        assert!(written.contains("blame-us"));
        assert_eq!(sidecar_state(&a), Some("saved"));
    }

    #[test]
    fn a_corrupt_sidecar_is_read_only_and_says_why() {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::write(
            dir.path().join("a.json"),
            "{\"version\": 1,\n \"annotations\": [",
        )
        .expect("w");
        let mut a = app(dir.path());
        let notice = a.annotate.notice.clone().expect("notice");
        assert!(notice.error);
        assert!(notice.text.starts_with("read-only: "), "{}", notice.text);
        assert!(notice.text.contains("a.json, line 2"), "{}", notice.text);
        op(&mut a, Op::NextStatement);
        op(&mut a, Op::Tag);
        assert!(
            a.annotate.modal.is_none(),
            "no picker on a read-only sidecar"
        );
        assert!(
            a.annotate
                .notice
                .as_ref()
                .is_some_and(|n| n.text.starts_with("read-only"))
        );
        assert_eq!(sidecar_state(&a), Some("read-only"));
    }

    #[test]
    fn the_first_key_dismisses_the_sidecar_message() {
        let dir = tempfile::tempdir().expect("tmp");
        let mut a = app(dir.path());
        assert!(
            a.annotate
                .notice
                .as_ref()
                .is_some_and(|n| n.text.starts_with("annotations: "))
        );
        app_update(&mut a, Action::Move(crate::tui::action::Motion::Down));
        assert!(a.annotate.notice.is_none());
    }

    #[test]
    fn articles_arriving_after_the_sidecar_bring_their_counts_and_tags_to_the_list() {
        let dir = tempfile::tempdir().expect("tmp");
        let path = dir.path().join("a.json");
        std::fs::write(
            &path,
            r#"{"version": 1, "annotations": [{"id": "w1", "article": "one", "tags": ["economy"],
                "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z"}]}"#,
        )
        .expect("write");
        let mut a = App::loading(
            &CorpusSource::Bundled,
            Theme::default(),
            Rect::new(0, 0, 100, 30),
        );
        a.attach_annotations(AnnotationStore::open_for_corpus(
            &CorpusSource::Bundled,
            Some(&path),
        ));
        let article = Article::from_bytes("one.txt", TEXT.as_bytes()).expect("text");
        app_update(&mut a, Action::ArticlesLoaded(vec![article]));
        assert_eq!(a.browse.facts[0].annotations, 1);
        assert_eq!(a.browse.facts[0].tags, ["economy"]);
        assert_eq!(article_summary(&a).as_deref(), Some("article: #economy"));
    }

    #[test]
    fn annotations_of_a_missing_article_are_orphans_and_announced() {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::write(
            dir.path().join("a.json"),
            r#"{"version": 1, "annotations": [{"id": "g1", "article": "gone",
                "target": {"exact": "some words", "start": 0, "end": 10}, "note": "n",
                "created": "2026-01-01T00:00:00Z", "modified": "2026-01-01T00:00:00Z"}]}"#,
        )
        .expect("write");
        let a = app(dir.path());
        assert_eq!(a.annotate.orphans.len(), 1);
        assert_eq!(a.annotate.orphans[0].exact, "some words");
        assert_eq!(
            a.annotate.orphans[0].reason,
            OrphanReason::ArticleMissing.to_string()
        );
        let notice = a.annotate.notice.as_ref().expect("notice");
        assert!(
            notice.text.starts_with("1 annotation could not be placed"),
            "{}",
            notice.text
        );
    }

    #[test]
    fn keys_typed_into_an_open_picker_are_its_text() {
        use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
        let dir = tempfile::tempdir().expect("tmp");
        let mut a = app(dir.path());
        op(&mut a, Op::NextStatement);
        op(&mut a, Op::Tag);
        for c in ['q', '?', 'x'] {
            let ev = Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
            let action = crate::tui::event::action_for(&a, &ev).expect("an action");
            app_update(&mut a, action);
        }
        assert!(!a.quit);
        let Some(Modal::Picker { picker, .. }) = &a.annotate.modal else {
            panic!("the picker closed");
        };
        assert_eq!(picker.query(), "q?x");
    }

    #[test]
    fn typed_letters_go_to_the_picker_not_to_commands() {
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(crate::tui::keymap::lookup(Context::Picker, &q), None);
        assert_eq!(
            crate::tui::keymap::typed_char(Context::Picker, &q),
            Some('q')
        );
        assert_eq!(
            crate::tui::keymap::typed_char(Context::NoteEditor, &q),
            Some('q')
        );
        assert_eq!(crate::tui::keymap::typed_char(Context::Reader, &q), None);
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(
            crate::tui::keymap::lookup(Context::NoteEditor, &ctrl_s),
            Some(Action::Annotate(Op::SaveNote))
        );
        assert_eq!(
            crate::tui::keymap::typed_char(Context::NoteEditor, &ctrl_s),
            None
        );
        // Statement keys work only with a statement selected; reader keys too.
        let s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::NONE);
        assert_eq!(crate::tui::keymap::lookup(Context::Reader, &s), None);
        assert_eq!(
            crate::tui::keymap::lookup(Context::Statement, &s),
            Some(Action::Annotate(Op::Speaker))
        );
        let down = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
        assert_eq!(
            crate::tui::keymap::lookup(Context::Statement, &down),
            Some(Action::Move(crate::tui::action::Motion::Down))
        );
    }
}
