//! The one table of key bindings: key → [`Action`], with a description.
//!
//! The same table answers key presses ([`lookup`]), writes the help overlay
//! ([`help_sections`]) and the status-bar hints ([`hints`]), so the three can
//! never disagree. A new feature adds rows here and an [`Action`] variant; it
//! does not add key handling anywhere else. This module draws nothing.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Motion, Pane};
use super::annotate::{Edit, Op};
use super::export_dialog::Op as ExportOp;
use super::views::ViewOp;

/// Where a binding applies. Keys are looked up in the innermost context first
/// (an open overlay, else the focused pane), then in [`Context::Global`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Anywhere, unless an inner context binds the same key.
    Global,
    /// The article list has the focus.
    List,
    /// The reader has the focus.
    Reader,
    /// The help overlay is open.
    Help,
    /// The warnings overlay is open.
    Warnings,
    /// The reader has the focus and a statement is selected (then the
    /// reader's keys apply too).
    Statement,
    /// Sentences are being selected in the reader (`v`).
    Range,
    /// A picker (speaker, tag) is open: typed characters go to its query.
    Picker,
    /// The note editor is open: typed characters go into the note.
    NoteEditor,
    /// The list of annotations that could not be placed is open.
    Orphans,
    /// The search line is open: typed characters go into it.
    Search,
    /// The filter menu is open: typed characters narrow its picker.
    FilterMenu,
    /// The export dialog is open: typed characters go into its path.
    Export,
    /// The speakers view's table.
    Speakers,
    /// One speaker's statements in the speakers view.
    SpeakerStatements,
    /// The entities view's table.
    Entities,
    /// One entity's mentions in the entities view.
    Mentions,
    /// The variants window: one statement as other articles report it.
    Variants,
}

impl Context {
    /// Heading of this context's section in the help overlay.
    pub const fn title(self) -> &'static str {
        match self {
            Self::Global => "Anywhere",
            Self::List => "Article list",
            Self::Reader => "Reader",
            Self::Help => "Help",
            Self::Warnings => "Warnings",
            Self::Statement => "Selected statement",
            Self::Range => "Selecting sentences",
            Self::Picker => "Speaker and tag picker",
            Self::NoteEditor => "Note editor",
            Self::Orphans => "Annotations not placed",
            Self::Search => "Search line",
            Self::Speakers => "Speakers view",
            Self::SpeakerStatements => "A speaker's statements",
            Self::Entities => "Entities view",
            Self::Mentions => "An entity's mentions",
            Self::Variants => "Same statement in other articles",
            Self::FilterMenu => "Filter menu",
            Self::Export => "Export dialog",
        }
    }

    /// Where keys not bound here are looked up next: a selection falls back
    /// to the reader, panes and overlays to [`Context::Global`]; the picker
    /// and the note editor take typed text, so nothing else applies there.
    pub const fn parent(self) -> Option<Context> {
        match self {
            Self::Statement | Self::Range => Some(Self::Reader),
            Self::List
            | Self::Reader
            | Self::Help
            | Self::Warnings
            | Self::Orphans
            | Self::Speakers
            | Self::SpeakerStatements
            | Self::Entities
            | Self::Mentions
            | Self::Variants => Some(Self::Global),
            Self::Global
            | Self::Picker
            | Self::NoteEditor
            | Self::Search
            | Self::FilterMenu
            | Self::Export => None,
        }
    }

    /// True when characters typed here are text, not commands (global keys
    /// such as `q` do not apply).
    pub const fn takes_text(self) -> bool {
        matches!(
            self,
            Self::Search | Self::FilterMenu | Self::Picker | Self::NoteEditor | Self::Export
        )
    }
}

/// One key with its modifiers (Shift is implied by the character for letters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt… (never Shift for character keys).
    pub modifiers: KeyModifiers,
}

impl Key {
    /// A key without modifiers.
    pub const fn plain(code: KeyCode) -> Self {
        Self {
            code,
            modifiers: KeyModifiers::NONE,
        }
    }

    /// A character key without modifiers.
    pub const fn char(c: char) -> Self {
        Self::plain(KeyCode::Char(c))
    }

    /// A character key with Ctrl.
    pub const fn ctrl(c: char) -> Self {
        Self {
            code: KeyCode::Char(c),
            modifiers: KeyModifiers::CONTROL,
        }
    }

    /// The key as the user reads it: `↑`, `PgDn`, `Ctrl-C`, `G`.
    pub fn label(&self) -> String {
        let name = match self.code {
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                c.to_ascii_uppercase().to_string()
            }
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }

    /// True when the terminal event is this key. Shift is ignored for
    /// characters (`G` arrives as Shift+G on some terminals, plain `G` on others).
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let mut mods = ev.modifiers;
        if matches!(ev.code, KeyCode::Char(_)) {
            mods.remove(KeyModifiers::SHIFT);
        }
        ev.code == self.code && mods == self.modifiers
    }
}

/// One row of the keymap.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Where the binding applies.
    pub context: Context,
    /// The keys that trigger it (the first is the one shown in hints).
    pub keys: &'static [Key],
    /// What it does.
    pub action: Action,
    /// One line for the help overlay.
    pub description: &'static str,
    /// A word or two for the status bar, or `None` to show it only in the help.
    /// Bindings of one context sharing a hint are shown together (`↑/↓ move`).
    pub hint: Option<&'static str>,
}

const UP: &[Key] = &[Key::plain(KeyCode::Up), Key::char('k')];
const DOWN: &[Key] = &[Key::plain(KeyCode::Down), Key::char('j')];
const PAGE_UP: &[Key] = &[Key::plain(KeyCode::PageUp)];
const PAGE_DOWN: &[Key] = &[Key::plain(KeyCode::PageDown), Key::char(' ')];
const TOP: &[Key] = &[Key::char('g'), Key::plain(KeyCode::Home)];
const BOTTOM: &[Key] = &[Key::char('G'), Key::plain(KeyCode::End)];

/// Builds a binding row (keeps the table below readable).
const fn bind(
    context: Context,
    keys: &'static [Key],
    action: Action,
    description: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        context,
        keys,
        action,
        description,
        hint,
    }
}

/// The movement rows shared by the reader and the overlays.
macro_rules! scroll_rows {
    ($ctx:expr, $what:literal) => {
        [
            bind(
                $ctx,
                UP,
                Action::Move(Motion::Up),
                concat!("scroll ", $what, " up one line"),
                Some("scroll"),
            ),
            bind(
                $ctx,
                DOWN,
                Action::Move(Motion::Down),
                concat!("scroll ", $what, " down one line"),
                Some("scroll"),
            ),
            bind(
                $ctx,
                PAGE_UP,
                Action::Move(Motion::PageUp),
                concat!("scroll ", $what, " up one page"),
                None,
            ),
            bind(
                $ctx,
                PAGE_DOWN,
                Action::Move(Motion::PageDown),
                concat!("scroll ", $what, " down one page"),
                None,
            ),
            bind(
                $ctx,
                TOP,
                Action::Move(Motion::Top),
                concat!("go to the top of ", $what),
                None,
            ),
            bind(
                $ctx,
                BOTTOM,
                Action::Move(Motion::Bottom),
                concat!("go to the end of ", $what),
                None,
            ),
        ]
    };
}

#[rustfmt::skip]
const GLOBAL: [Binding; 10] = [
    bind(Context::Global, &[Key::char('q'), Key::ctrl('c')], Action::Quit, "quit gloss", Some("quit")),
    bind(Context::Global, &[Key::plain(KeyCode::Esc)], Action::Back, "close the open window, or quit", None),
    bind(Context::Global, &[Key::char('?')], Action::ToggleHelp, "show or hide this help", Some("help")),
    bind(Context::Global, &[Key::char('w')], Action::ToggleWarnings, "show or hide the warnings (skipped files, damaged articles)", None),
    bind(Context::Global, &[Key::char('h')], Action::ToggleHighlights, "turn entity and quotation highlights on or off", None),
    bind(Context::Global, &[Key::char('e')], Action::Export(ExportOp::Open), "export the annotations (format, filters, file)", None),
    bind(Context::Global, &[Key::plain(KeyCode::Tab)], Action::FocusNext, "move the focus to the other pane", Some("pane")),
    bind(Context::Global, &[Key::plain(KeyCode::BackTab)], Action::FocusNext, "move the focus to the other pane", None),
    bind(Context::Global, &[Key::plain(KeyCode::Left)], Action::Focus(Pane::List), "focus the article list", None),
    bind(Context::Global, &[Key::plain(KeyCode::Right)], Action::Focus(Pane::Reader), "focus the reader", None),
];

#[rustfmt::skip]
const LIST: [Binding; 7] = [
    bind(Context::List, UP, Action::Move(Motion::Up), "select the previous article", Some("move")),
    bind(Context::List, DOWN, Action::Move(Motion::Down), "select the next article", Some("move")),
    bind(Context::List, PAGE_UP, Action::Move(Motion::PageUp), "move the selection up one page", None),
    bind(Context::List, PAGE_DOWN, Action::Move(Motion::PageDown), "move the selection down one page", None),
    bind(Context::List, TOP, Action::Move(Motion::Top), "select the first article", None),
    bind(Context::List, BOTTOM, Action::Move(Motion::Bottom), "select the last article", None),
    bind(Context::List, &[Key::plain(KeyCode::Enter)], Action::Open, "open the selected article in the reader", Some("open")),
];

/// Search, filter and sort keys, the same in the list and the reader.
macro_rules! browse_rows {
    ($ctx:expr) => {
        [
            bind(
                $ctx,
                &[Key::char('/')],
                Action::SearchOpen,
                "search: words in any order, \"a phrase\", -word left out",
                Some("search"),
            ),
            bind(
                $ctx,
                &[Key::char('n')],
                Action::NextMatch,
                "next search match (on to the next matching article)",
                None,
            ),
            bind(
                $ctx,
                &[Key::char('N')],
                Action::PrevMatch,
                "previous search match (back to the previous article)",
                None,
            ),
            bind(
                $ctx,
                &[Key::char('F')],
                Action::FilterMenu,
                "filter by speaker, entity, tag, annotation, date or folder",
                Some("filter"),
            ),
            bind(
                $ctx,
                &[Key::char('X')],
                Action::ClearFilters,
                "clear the filters and the search",
                None,
            ),
            bind(
                $ctx,
                &[Key::char('O')],
                Action::CycleSort,
                "sort by path, date, title, quotations, annotations",
                None,
            ),
        ]
    };
}

#[rustfmt::skip]
const LIST_BROWSE: [Binding; 6] = browse_rows!(Context::List);
#[rustfmt::skip]
const READER_BROWSE: [Binding; 6] = browse_rows!(Context::Reader);
#[rustfmt::skip]
const READER_FILTER: [Binding; 1] = [
    bind(Context::Reader, &[Key::char('f')], Action::FilterBySelection, "filter by the speaker of the quotation in view", None),
];

#[rustfmt::skip]
const SEARCH: [Binding; 4] = [
    bind(Context::Search, &[Key::plain(KeyCode::Enter)], Action::SearchAccept, "keep the search and return to the list", Some("keep")),
    bind(Context::Search, &[Key::plain(KeyCode::Esc)], Action::SearchCancel, "cancel: restore the list and the selection", Some("cancel")),
    bind(Context::Search, &[Key::plain(KeyCode::Backspace)], Action::SearchBackspace, "delete the last character", None),
    bind(Context::Search, &[Key::ctrl('c')], Action::Quit, "quit gloss", None),
];

#[rustfmt::skip]
const FILTER_MENU: [Binding; 6] = [
    bind(Context::FilterMenu, &[Key::plain(KeyCode::Enter)], Action::MenuChoose, "choose the highlighted kind or value", Some("choose")),
    bind(Context::FilterMenu, &[Key::plain(KeyCode::Esc)], Action::MenuClose, "close the filter menu", Some("close")),
    bind(Context::FilterMenu, &[Key::plain(KeyCode::Up)], Action::MenuUp, "highlight the previous entry", Some("move")),
    bind(Context::FilterMenu, &[Key::plain(KeyCode::Down)], Action::MenuDown, "highlight the next entry", Some("move")),
    bind(Context::FilterMenu, &[Key::plain(KeyCode::Backspace)], Action::MenuBackspace, "delete the last character typed (on none: back to the kinds)", None),
    bind(Context::FilterMenu, &[Key::ctrl('c')], Action::Quit, "quit gloss", None),
];

/// Shorthand for the export dialog's rows below.
const fn ex(op: ExportOp) -> Action {
    Action::Export(op)
}

#[rustfmt::skip]
const EXPORT: [Binding; 13] = [
    bind(Context::Export, &[Key::plain(KeyCode::Enter)], ex(ExportOp::Write), "write the export to the file", Some("write")),
    bind(Context::Export, &[Key::plain(KeyCode::Esc)], ex(ExportOp::Close), "close the dialog", Some("close")),
    bind(Context::Export, &[Key::plain(KeyCode::Tab), Key::plain(KeyCode::Down)], ex(ExportOp::NextField), "next field", Some("field")),
    bind(Context::Export, &[Key::plain(KeyCode::BackTab), Key::plain(KeyCode::Up)], ex(ExportOp::PrevField), "previous field", Some("field")),
    bind(Context::Export, &[Key::plain(KeyCode::Left)], ex(ExportOp::Left), "previous format; switch an option; in the file: cursor left", Some("change")),
    bind(Context::Export, &[Key::plain(KeyCode::Right)], ex(ExportOp::Right), "next format; switch an option; in the file: cursor right", Some("change")),
    bind(Context::Export, &[Key::char(' ')], ex(ExportOp::Space), "switch an option on or off (in the file: a space)", None),
    bind(Context::Export, &[Key::plain(KeyCode::Backspace)], ex(ExportOp::Backspace), "delete before the cursor in the file (typing edits it)", None),
    bind(Context::Export, &[Key::plain(KeyCode::Delete)], ex(ExportOp::Delete), "delete under the cursor in the file", None),
    bind(Context::Export, &[Key::plain(KeyCode::Home)], ex(ExportOp::Home), "cursor to the start of the file", None),
    bind(Context::Export, &[Key::plain(KeyCode::End)], ex(ExportOp::End), "cursor to the end of the file", None),
    bind(Context::Export, &[Key::ctrl('u')], ex(ExportOp::ClearPath), "clear the file, to type another", Some("clear")),
    bind(Context::Export, &[Key::ctrl('c')], Action::Quit, "quit gloss", None),
];

/// Movement rows of a view's list: the highlight moves.
macro_rules! view_rows {
    ($ctx:expr, $what:literal) => {
        [
            bind(
                $ctx,
                UP,
                Action::View(ViewOp::Move(Motion::Up)),
                concat!("highlight the previous ", $what),
                Some("move"),
            ),
            bind(
                $ctx,
                DOWN,
                Action::View(ViewOp::Move(Motion::Down)),
                concat!("highlight the next ", $what),
                Some("move"),
            ),
            bind(
                $ctx,
                PAGE_UP,
                Action::View(ViewOp::Move(Motion::PageUp)),
                "move the highlight up one page",
                None,
            ),
            bind(
                $ctx,
                PAGE_DOWN,
                Action::View(ViewOp::Move(Motion::PageDown)),
                "move the highlight down one page",
                None,
            ),
            bind(
                $ctx,
                TOP,
                Action::View(ViewOp::Move(Motion::Top)),
                concat!("highlight the first ", $what),
                None,
            ),
            bind(
                $ctx,
                BOTTOM,
                Action::View(ViewOp::Move(Motion::Bottom)),
                concat!("highlight the last ", $what),
                None,
            ),
            bind(
                $ctx,
                &[Key::plain(KeyCode::Esc)],
                Action::View(ViewOp::Back),
                "go back",
                Some("back"),
            ),
        ]
    };
}

#[rustfmt::skip]
const VIEWS_GLOBAL: [Binding; 3] = [
    bind(Context::Global, &[Key::char('S')], Action::View(ViewOp::OpenSpeakers), "speakers view: who speaks, how often, what they said", None),
    bind(Context::Global, &[Key::char('E')], Action::View(ViewOp::OpenEntities), "entities view: people, organisations and places", None),
    bind(Context::Global, &[Key::char('V')], Action::View(ViewOp::OpenVariants), "the quotation (selected, else first ⧉ in view) elsewhere", None),
];

#[rustfmt::skip]
const SPEAKERS_MOVE: [Binding; 7] = view_rows!(Context::Speakers, "speaker");
#[rustfmt::skip]
const SPEAKERS: [Binding; 6] = [
    bind(Context::Speakers, &[Key::plain(KeyCode::Enter)], Action::View(ViewOp::Enter), "list the speaker's statements", Some("statements")),
    bind(Context::Speakers, &[Key::char('>')], Action::View(ViewOp::CycleSort), "sort by the next column", Some("sort")),
    bind(Context::Speakers, &[Key::char('<')], Action::View(ViewOp::ReverseSort), "reverse the sort order", None),
    bind(Context::Speakers, &[Key::char('m')], Action::View(ViewOp::Merge), "merge the speaker into another (picked)", Some("merge")),
    bind(Context::Speakers, &[Key::char('X')], Action::View(ViewOp::Split), "split a name form off the speaker (picked)", Some("split")),
    bind(Context::Speakers, &[Key::char('f')], Action::View(ViewOp::Filter), "filter the article list by the speaker", None),
];

#[rustfmt::skip]
const SPEAKER_STATEMENTS_MOVE: [Binding; 7] = view_rows!(Context::SpeakerStatements, "statement");
#[rustfmt::skip]
const SPEAKER_STATEMENTS: [Binding; 7] = [
    bind(Context::SpeakerStatements, &[Key::plain(KeyCode::Enter)], Action::View(ViewOp::Enter), "show the statement in the reader", Some("read")),
    bind(Context::SpeakerStatements, &[Key::char('t')], Action::View(ViewOp::Annotate(Op::Tag)), "add or remove a tag of the statement", Some("tag")),
    bind(Context::SpeakerStatements, &[Key::char('c')], Action::View(ViewOp::Annotate(Op::Note)), "write a note on the statement", Some("note")),
    bind(Context::SpeakerStatements, &[Key::char('s')], Action::View(ViewOp::Annotate(Op::Speaker)), "set or confirm the speaker of the statement", Some("speaker")),
    bind(Context::SpeakerStatements, &[Key::char('x')], Action::View(ViewOp::Annotate(Op::Delete)), "delete the statement's annotation", None),
    bind(Context::SpeakerStatements, &[Key::char('V')], Action::View(ViewOp::OpenVariants), "the statement as other articles report it", None),
    bind(Context::SpeakerStatements, &[Key::char('f')], Action::View(ViewOp::Filter), "filter the article list by the speaker", None),
];

#[rustfmt::skip]
const ENTITIES_MOVE: [Binding; 7] = view_rows!(Context::Entities, "entity");
#[rustfmt::skip]
const ENTITIES: [Binding; 5] = [
    bind(Context::Entities, &[Key::plain(KeyCode::Enter)], Action::View(ViewOp::Enter), "list the entity's mentions", Some("mentions")),
    bind(Context::Entities, &[Key::char('l')], Action::View(ViewOp::CycleLabel), "show all, people, organisations or places", Some("label")),
    bind(Context::Entities, &[Key::char('>')], Action::View(ViewOp::CycleSort), "sort by the next column", Some("sort")),
    bind(Context::Entities, &[Key::char('<')], Action::View(ViewOp::ReverseSort), "reverse the sort order", None),
    bind(Context::Entities, &[Key::char('f')], Action::View(ViewOp::Filter), "filter the article list by the entity", None),
];

#[rustfmt::skip]
const MENTIONS_MOVE: [Binding; 7] = view_rows!(Context::Mentions, "mention");
#[rustfmt::skip]
const MENTIONS: [Binding; 2] = [
    bind(Context::Mentions, &[Key::plain(KeyCode::Enter)], Action::View(ViewOp::Enter), "show the mention in the reader", Some("read")),
    bind(Context::Mentions, &[Key::char('f')], Action::View(ViewOp::Filter), "filter the article list by the entity", None),
];

#[rustfmt::skip]
const VARIANTS_MOVE: [Binding; 7] = view_rows!(Context::Variants, "article");
#[rustfmt::skip]
const VARIANTS: [Binding; 1] = [
    bind(Context::Variants, &[Key::plain(KeyCode::Enter)], Action::View(ViewOp::Enter), "show this article's wording in the reader", Some("read")),
];

const READER: [Binding; 6] = scroll_rows!(Context::Reader, "the article");
const ORPHANS: [Binding; 6] = scroll_rows!(Context::Orphans, "the list");

/// Shorthand for the annotation actions in the tables below.
const fn a(op: Op) -> Action {
    Action::Annotate(op)
}

const fn edit(e: Edit) -> Action {
    Action::Annotate(Op::Edit(e))
}

#[rustfmt::skip]
const GLOBAL_ANNOTATE: [Binding; 3] = [
    bind(Context::Global, &[Key::char('u')], a(Op::Undo), "undo the last change to the annotations", None),
    bind(Context::Global, &[Key::ctrl('r')], a(Op::Redo), "redo the last undone change", None),
    bind(Context::Global, &[Key::char('o')], a(Op::ToggleOrphans), "show or hide the annotations that could not be placed", None),
];

#[rustfmt::skip]
const READER_ANNOTATE: [Binding; 5] = [
    bind(Context::Reader, &[Key::char(']')], a(Op::NextStatement), "select the next statement (quotation or reported speech)", Some("statement")),
    bind(Context::Reader, &[Key::char('[')], a(Op::PreviousStatement), "select the previous statement", Some("statement")),
    bind(Context::Reader, &[Key::char('v')], a(Op::StartRange), "select sentences, from the selection or the top of the view", None),
    bind(Context::Reader, &[Key::char('T')], a(Op::ArticleTag), "add or remove a tag of the whole article", None),
    bind(Context::Reader, &[Key::char('C')], a(Op::ArticleNote), "write a note on the whole article", None),
];

#[rustfmt::skip]
const STATEMENT: [Binding; 5] = [
    bind(Context::Statement, &[Key::char('s')], a(Op::Speaker), "set or confirm the speaker of the statement", Some("speaker")),
    bind(Context::Statement, &[Key::char('t')], a(Op::Tag), "add or remove a tag of the statement", Some("tag")),
    bind(Context::Statement, &[Key::char('c')], a(Op::Note), "write a note on the statement", Some("note")),
    bind(Context::Statement, &[Key::char('x')], a(Op::Delete), "delete the statement's annotation", Some("delete")),
    bind(Context::Statement, &[Key::plain(KeyCode::Esc)], a(Op::ClearSelection), "unselect the statement", None),
];

#[rustfmt::skip]
const RANGE: [Binding; 4] = [
    bind(Context::Range, &[Key::char(']')], a(Op::ExtendRange), "one sentence more", Some("extend/shrink")),
    bind(Context::Range, &[Key::char('[')], a(Op::ShrinkRange), "one sentence fewer", Some("extend/shrink")),
    bind(Context::Range, &[Key::plain(KeyCode::Enter)], a(Op::ConfirmRange), "select these sentences", Some("confirm")),
    bind(Context::Range, &[Key::plain(KeyCode::Esc)], a(Op::CancelRange), "give up selecting sentences", Some("cancel")),
];

#[rustfmt::skip]
const PICKER: [Binding; 6] = [
    bind(Context::Picker, &[Key::plain(KeyCode::Enter)], a(Op::Confirm), "choose the highlighted entry (a typed new value: its \"new\" entry)", Some("choose")),
    bind(Context::Picker, &[Key::plain(KeyCode::Esc)], a(Op::Cancel), "close the picker without a change", Some("cancel")),
    bind(Context::Picker, &[Key::plain(KeyCode::Up)], edit(Edit::Up), "highlight the entry above", Some("move")),
    bind(Context::Picker, &[Key::plain(KeyCode::Down)], edit(Edit::Down), "highlight the entry below", Some("move")),
    bind(Context::Picker, &[Key::plain(KeyCode::Backspace)], edit(Edit::Backspace), "delete the last typed character", None),
    bind(Context::Picker, &[Key::ctrl('c')], Action::Quit, "quit gloss", None),
];

#[rustfmt::skip]
const NOTE_EDITOR: [Binding; 12] = [
    bind(Context::NoteEditor, &[Key::ctrl('s')], a(Op::SaveNote), "save the note", Some("save")),
    bind(Context::NoteEditor, &[Key::plain(KeyCode::Esc)], a(Op::Cancel), "close the editor without saving", Some("cancel")),
    bind(Context::NoteEditor, &[Key::plain(KeyCode::Enter)], edit(Edit::Newline), "start a new line", None),
    bind(Context::NoteEditor, &[Key::plain(KeyCode::Backspace)], edit(Edit::Backspace), "delete before the cursor", None),
    bind(Context::NoteEditor, &[Key::plain(KeyCode::Delete)], edit(Edit::Delete), "delete after the cursor", None),
    bind(Context::NoteEditor, &[Key::plain(KeyCode::Left)], edit(Edit::Left), "cursor left", None),
    bind(Context::NoteEditor, &[Key::plain(KeyCode::Right)], edit(Edit::Right), "cursor right", None),
    bind(Context::NoteEditor, &[Key::plain(KeyCode::Up)], edit(Edit::Up), "cursor up a line", None),
    bind(Context::NoteEditor, &[Key::plain(KeyCode::Down)], edit(Edit::Down), "cursor down a line", None),
    bind(Context::NoteEditor, &[Key::plain(KeyCode::Home)], edit(Edit::Home), "cursor to the start of the line", None),
    bind(Context::NoteEditor, &[Key::plain(KeyCode::End)], edit(Edit::End), "cursor to the end of the line", None),
    bind(Context::NoteEditor, &[Key::ctrl('c')], Action::Quit, "quit gloss (the note is not saved)", None),
];
const HELP: [Binding; 6] = scroll_rows!(Context::Help, "the help");
const WARNINGS: [Binding; 6] = scroll_rows!(Context::Warnings, "the warnings");

/// Every binding, context by context, in help-overlay order.
pub fn bindings() -> impl Iterator<Item = &'static Binding> {
    static ALL: [&[Binding]; 29] = [
        &LIST,
        &LIST_BROWSE,
        &STATEMENT,
        &RANGE,
        &READER_ANNOTATE,
        &READER,
        &READER_BROWSE,
        &READER_FILTER,
        &GLOBAL,
        &GLOBAL_ANNOTATE,
        &HELP,
        &WARNINGS,
        &ORPHANS,
        &SEARCH,
        &FILTER_MENU,
        &PICKER,
        &NOTE_EDITOR,
        &EXPORT,
        &VIEWS_GLOBAL,
        &SPEAKERS_MOVE,
        &SPEAKERS,
        &SPEAKER_STATEMENTS_MOVE,
        &SPEAKER_STATEMENTS,
        &ENTITIES_MOVE,
        &ENTITIES,
        &MENTIONS_MOVE,
        &MENTIONS,
        &VARIANTS_MOVE,
        &VARIANTS,
    ];
    ALL.iter().flat_map(|rows| rows.iter())
}

/// The action bound to `ev` in `context`, else in its parents (see
/// [`Context::parent`]). Key releases are ignored (some terminals report them).
pub fn lookup(context: Context, ev: &KeyEvent) -> Option<Action> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let find = |ctx: Context| {
        bindings()
            .filter(|b| b.context == ctx)
            .find(|b| b.keys.iter().any(|k| k.matches(ev)))
            .map(|b| b.action.clone())
    };
    chain(context).find_map(find)
}

/// `context` and its parents, innermost first.
fn chain(context: Context) -> impl Iterator<Item = Context> {
    std::iter::successors(Some(context), |c| c.parent())
}

/// The character a key types into a text line, when `context` takes text
/// and the key is no binding of it (looked up first).
pub fn typed_char(context: Context, ev: &KeyEvent) -> Option<char> {
    let plain = (ev.modifiers - KeyModifiers::SHIFT).is_empty();
    match ev.code {
        KeyCode::Char(c) if context.takes_text() && plain && ev.kind != KeyEventKind::Release => {
            Some(c)
        }
        _ => None,
    }
}

/// Status-bar hints for `context`: `(keys, what)` pairs such as `("↑/↓", "move")`,
/// the context's own first, then the global ones.
pub fn hints(context: Context) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    let rows = chain(context).flat_map(|ctx| bindings().filter(move |b| b.context == ctx));
    for b in rows {
        let (Some(hint), Some(key)) = (b.hint, b.keys.first()) else {
            continue;
        };
        match out.iter_mut().find(|(_, h)| *h == hint) {
            Some((keys, _)) => {
                keys.push('/');
                keys.push_str(&key.label());
            }
            None => out.push((key.label(), hint)),
        }
    }
    out
}

/// One line of the help overlay: every key of a binding and its description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    /// The keys, e.g. `↑, k`.
    pub keys: String,
    /// What they do.
    pub description: &'static str,
}

/// The help overlay's key sections, generated from the table, plus the mouse.
pub fn help_sections() -> Vec<(&'static str, Vec<HelpRow>)> {
    let mut sections = Vec::new();
    for ctx in [
        Context::Global,
        Context::List,
        Context::Reader,
        Context::Statement,
        Context::Range,
        Context::Picker,
        Context::NoteEditor,
        Context::Help,
        Context::Warnings,
        Context::Orphans,
        Context::Search,
        Context::FilterMenu,
        Context::Export,
        Context::Speakers,
        Context::SpeakerStatements,
        Context::Entities,
        Context::Mentions,
        Context::Variants,
    ] {
        let rows = bindings()
            .filter(|b| b.context == ctx)
            .map(|b| HelpRow {
                keys: b.keys.iter().map(Key::label).collect::<Vec<_>>().join(", "),
                description: b.description,
            })
            .collect();
        sections.push((ctx.title(), rows));
    }
    sections.push((
        "Mouse",
        vec![
            HelpRow {
                keys: "wheel".into(),
                description: "scroll the pane under the pointer",
            },
            HelpRow {
                keys: "click".into(),
                description: "open an article in the list; focus a pane",
            },
            HelpRow {
                keys: "click".into(),
                description: "select the statement under the pointer in the reader",
            },
        ],
    ));
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn context_keys_win_over_global_ones() {
        let down = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(
            lookup(Context::List, &down),
            Some(Action::Move(Motion::Down))
        );
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(lookup(Context::Reader, &q), Some(Action::Quit));
        assert_eq!(lookup(Context::Help, &q), Some(Action::Quit));
    }

    #[test]
    fn ctrl_c_quits_and_plain_c_does_nothing() {
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(Context::List, &ctrl_c), Some(Action::Quit));
        let c = press(KeyCode::Char('c'), KeyModifiers::NONE);
        assert_eq!(lookup(Context::List, &c), None);
    }

    #[test]
    fn shifted_letters_match_with_or_without_the_shift_flag() {
        for mods in [KeyModifiers::NONE, KeyModifiers::SHIFT] {
            let g = press(KeyCode::Char('G'), mods);
            assert_eq!(
                lookup(Context::Reader, &g),
                Some(Action::Move(Motion::Bottom))
            );
        }
    }

    #[test]
    fn the_search_line_takes_letters_that_are_commands_elsewhere() {
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(lookup(Context::Search, &q), None);
        assert_eq!(typed_char(Context::Search, &q), Some('q'));
        assert_eq!(typed_char(Context::List, &q), None);
        let shifted = press(KeyCode::Char('P'), KeyModifiers::SHIFT);
        assert_eq!(typed_char(Context::Search, &shifted), Some('P'));
        let ctrl_c = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(lookup(Context::Search, &ctrl_c), Some(Action::Quit));
        assert_eq!(typed_char(Context::Search, &ctrl_c), None);
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(lookup(Context::Search, &esc), Some(Action::SearchCancel));
        let slash = press(KeyCode::Char('/'), KeyModifiers::NONE);
        assert_eq!(lookup(Context::List, &slash), Some(Action::SearchOpen));
        assert_eq!(lookup(Context::Reader, &slash), Some(Action::SearchOpen));
    }

    #[test]
    fn key_releases_are_ignored() {
        let mut ev = press(KeyCode::Char('q'), KeyModifiers::NONE);
        ev.kind = KeyEventKind::Release;
        assert_eq!(lookup(Context::List, &ev), None);
    }

    #[test]
    fn every_binding_has_keys_and_a_description() {
        for b in bindings() {
            assert!(!b.keys.is_empty(), "{:?} has no key", b.action);
            assert!(!b.description.is_empty());
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let all: Vec<_> = bindings().collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                if a.context == b.context {
                    for k in a.keys {
                        assert!(
                            !b.keys.contains(k),
                            "{} bound twice in {:?}",
                            k.label(),
                            a.context
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn hints_merge_keys_sharing_a_word_and_end_with_global_ones() {
        let hints = hints(Context::List);
        assert_eq!(hints[0], ("↑/↓".to_string(), "move"));
        assert!(hints.contains(&("Enter".to_string(), "open")));
        assert_eq!(hints.last(), Some(&("Tab".to_string(), "pane")));
        assert!(hints.contains(&("q".to_string(), "quit")));
    }

    #[test]
    fn help_lists_every_binding() {
        let rows: usize = help_sections().iter().map(|(_, r)| r.len()).sum();
        assert_eq!(rows, bindings().count() + 3);
        let global = &help_sections()[0];
        assert!(
            global
                .1
                .iter()
                .any(|r| r.keys == "q, Ctrl-C" && r.description == "quit gloss")
        );
    }
}
