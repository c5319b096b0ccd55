//! The corpus-wide views: the speakers view (`S`: every person who speaks,
//! with counts, a bar chart of the most quoted, and one person's statements),
//! the entities view (`E`: people, organisations and places with their
//! mentions) and the variants window (`V`: the same statement as other
//! articles report it, word differences marked).
//!
//! Tables are built from the catalogues the article list keeps
//! ([`crate::search::SpeakerCatalog`], [`crate::search::EntityCatalog`]) when a
//! view opens or something it shows changes — never while drawing. The
//! grouping of quotations across articles runs on a background thread once
//! the corpus is analysed, and again when the user's speaker decisions change.
//! Annotation edits go through the annotation code; merges and splits of
//! speakers are stored in the sidecar. State and its changes only: no drawing.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use ratatui::layout::Rect;

use super::action::Motion;
use super::annotate::{Notice, Op};
use super::app::App;
use super::keymap::Context;
use crate::analysis::{Analysis, EntityLabel, QuoteKind, Span};
use crate::search::variants::Member;
use crate::search::{
    EntityCatalog, EntityKey, EntitySort, EntityTable, SpeakerCatalog, SpeakerDecisions,
    SpeakerDirectory, SpeakerSort, SpeakerTable, Statement, VariantGroups, VariantInput,
    VariantParams, Who, WordDiff, word_diff,
};

/// Speakers shown in the bar chart.
pub const CHART_BARS: usize = 12;

/// Something the views are asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ViewOp {
    /// Open the speakers view.
    OpenSpeakers,
    /// Open the entities view.
    OpenEntities,
    /// Open the variants window for the selected quotation (or the first
    /// one in view that other articles report).
    OpenVariants,
    /// Go back one level (statements → table → the reader).
    Back,
    /// Move the highlight.
    Move(Motion),
    /// Open the highlighted row (a person, an entity) or jump to the
    /// highlighted statement or mention in the reader.
    Enter,
    /// Sort by the next column.
    CycleSort,
    /// Reverse the sort order.
    ReverseSort,
    /// Show the next entity label only (all, people, organisations, places).
    CycleLabel,
    /// Merge the highlighted speaker into another one (picked).
    Merge,
    /// Split a name form off the highlighted speaker (picked).
    Split,
    /// Filter the article list by the highlighted speaker or entity.
    Filter,
    /// An annotation action (tag, note, speaker…) on the highlighted
    /// statement, done by the reader's annotation code.
    Annotate(Op),
}

/// Which column the speakers table is sorted by; `>` cycles through them.
const SPEAKER_SORTS: [SpeakerSort; 5] = [
    SpeakerSort::Quotations,
    SpeakerSort::Reported,
    SpeakerSort::Articles,
    SpeakerSort::Annotated,
    SpeakerSort::Name,
];

/// Which column the entities table is sorted by.
const ENTITY_SORTS: [EntitySort; 3] =
    [EntitySort::Mentions, EntitySort::Articles, EntitySort::Name];

/// The label filters of the entities view, in cycling order (`None`: all).
const LABELS: [Option<EntityLabel>; 4] = [
    None,
    Some(EntityLabel::Person),
    Some(EntityLabel::Org),
    Some(EntityLabel::Place),
];

/// A highlighted row in a scrolled list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cursor {
    /// The highlighted row.
    pub selected: usize,
    /// The first row shown.
    pub offset: usize,
}

impl Cursor {
    /// Moves by `motion` within `len` rows, `rows` of them visible.
    pub fn apply(&mut self, motion: Motion, len: usize, rows: usize) {
        let rows = rows.max(1);
        let last = len.saturating_sub(1);
        self.selected = match motion {
            Motion::Up => self.selected.saturating_sub(1),
            Motion::Down => self.selected + 1,
            Motion::PageUp => self.selected.saturating_sub(rows),
            Motion::PageDown => self.selected + rows,
            Motion::Top => 0,
            Motion::Bottom => last,
        }
        .min(last);
        self.clamp(len, rows);
    }

    /// Keeps the highlight inside `len` rows and in view.
    pub fn clamp(&mut self, len: usize, rows: usize) {
        let rows = rows.max(1);
        self.selected = self.selected.min(len.saturating_sub(1));
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + rows {
            self.offset = self.selected + 1 - rows;
        }
        self.offset = self.offset.min(len.saturating_sub(rows));
    }
}

/// One person's statements, opened from the speakers table.
#[derive(Debug, Clone)]
pub struct PersonView {
    /// Who.
    pub who: Who,
    /// Their display name.
    pub name: String,
    /// Their name forms as written in the articles.
    pub variants: Vec<String>,
    /// Every statement, in corpus order.
    pub statements: Vec<Statement>,
    /// The highlight.
    pub cursor: Cursor,
}

/// The speakers view.
#[derive(Debug, Clone)]
pub struct SpeakersView {
    /// People with counts, in display order.
    pub table: SpeakerTable,
    /// The sort column.
    pub sort: SpeakerSort,
    /// True when the order is reversed.
    pub reverse: bool,
    /// The most quoted people and their quotations, for the bar chart.
    pub chart: Vec<(String, u32)>,
    /// The highlight in the table.
    pub cursor: Cursor,
    /// The opened person, if any.
    pub person: Option<PersonView>,
}

impl SpeakersView {
    /// The highlighted person.
    pub fn selected(&self) -> Option<Who> {
        self.table.rows().nth(self.cursor.selected).map(|r| r.who)
    }
}

/// One entity's mentions, opened from the entities table.
#[derive(Debug, Clone)]
pub struct MentionsView {
    /// Which entity.
    pub key: EntityKey,
    /// Its display name.
    pub name: String,
    /// Its label.
    pub label: Option<EntityLabel>,
    /// Every mention (article, span), in corpus order.
    pub mentions: Vec<(u32, Span)>,
    /// The highlight.
    pub cursor: Cursor,
}

/// The entities view.
#[derive(Debug, Clone)]
pub struct EntitiesView {
    /// Entities with counts, in display order.
    pub table: EntityTable,
    /// The label shown (`None`: all).
    pub label: Option<EntityLabel>,
    /// The sort column.
    pub sort: EntitySort,
    /// True when the order is reversed.
    pub reverse: bool,
    /// The highlight in the table.
    pub cursor: Cursor,
    /// The opened entity, if any.
    pub mentions: Option<MentionsView>,
}

/// A full-screen view in place of the list and the reader.
#[derive(Debug, Clone)]
pub enum Screen {
    /// The speakers view.
    Speakers(SpeakersView),
    /// The entities view.
    Entities(EntitiesView),
}

/// One quotation of a variants group, with its words compared to the
/// reference quotation.
#[derive(Debug, Clone)]
pub struct VariantEntry {
    /// Where it is.
    pub member: Member,
    /// Its span in the article text.
    pub span: Span,
    /// Reference words (left) against this quotation's words (right);
    /// spans relative to each quotation's text.
    pub diff: WordDiff,
}

/// The variants window: one quotation and the same statement elsewhere.
#[derive(Debug, Clone)]
pub struct VariantsOverlay {
    /// The quotation it was opened on.
    pub reference: Member,
    /// Its span.
    pub reference_span: Span,
    /// The speaker, when known.
    pub speaker: Option<String>,
    /// The other articles' quotations, in corpus order.
    pub entries: Vec<VariantEntry>,
    /// The highlighted entry.
    pub selected: usize,
}

/// The grouping of quotations across articles, built in the background.
#[derive(Debug, Clone, Default)]
pub struct VariantState {
    /// The last finished grouping.
    pub groups: Option<Arc<VariantGroups>>,
    /// A grouping under way: filled by the thread when done.
    pending: Option<Arc<Mutex<Option<VariantGroups>>>>,
    /// What the last grouping started from: analyses seen and the decisions.
    built_for: Option<(usize, SpeakerDecisions)>,
}

/// The state of the views.
#[derive(Debug, Clone, Default)]
pub struct Views {
    /// The open full-screen view.
    pub screen: Option<Screen>,
    /// The open variants window.
    pub variants: Option<VariantsOverlay>,
    /// Cross-article grouping of quotations.
    pub groups: VariantState,
    /// The speaker decisions as last taken from the annotations.
    pub decisions_seen: Option<SpeakerDecisions>,
    /// The speaker a merge was started on (the picker chooses the other).
    pub merging: Option<String>,
    /// Speaker names grouped into people, kept between openings.
    pub directory: Option<Arc<SpeakerDirectory>>,
    /// Analyses the open view's tables count, and when they were built.
    built: Option<(usize, std::time::Instant)>,
}

impl Views {
    /// The keymap context while a view or the variants window is open.
    pub fn context(&self) -> Option<Context> {
        if self.variants.is_some() {
            return Some(Context::Variants);
        }
        match self.screen.as_ref()? {
            Screen::Speakers(s) if s.person.is_some() => Some(Context::SpeakerStatements),
            Screen::Speakers(_) => Some(Context::Speakers),
            Screen::Entities(e) if e.mentions.is_some() => Some(Context::Mentions),
            Screen::Entities(_) => Some(Context::Entities),
        }
    }

    /// True when a full-screen view covers the panes.
    pub fn is_open(&self) -> bool {
        self.screen.is_some()
    }

    /// The other quotations reported like quotation `quote` of `article`.
    pub fn others(&self, article: usize, quote: usize) -> Vec<Member> {
        match (
            &self.groups.groups,
            u32::try_from(article),
            u32::try_from(quote),
        ) {
            (Some(g), Ok(a), Ok(q)) => g.others(a, q),
            _ => Vec::new(),
        }
    }
}

/// Where the parts of a view go on a screen of `area` (status bar excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewLayout {
    /// The table or list, border included.
    pub table: Rect,
    /// The bar chart, border included (zero-sized when there is no room).
    pub chart: Rect,
}

/// Rows of the speakers table take one line; statements and mentions two.
pub const ITEM_HEIGHT: u16 = 2;

impl ViewLayout {
    /// Splits the screen above the status bar: the table left, the bar
    /// chart right (in the speakers table only, when wide enough).
    pub fn new(area: Rect, chart: bool) -> Self {
        let main = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
        if !chart || main.width < 70 {
            return Self {
                table: main,
                chart: Rect::new(main.right(), main.y, 0, 0),
            };
        }
        let chart_w = (main.width * 2 / 5).clamp(28, 60);
        Self {
            table: Rect::new(main.x, main.y, main.width - chart_w, main.height),
            chart: Rect::new(main.x + main.width - chart_w, main.y, chart_w, main.height),
        }
    }

    /// Table rows that fit: border and header line taken off.
    pub fn table_rows(&self) -> usize {
        usize::from(self.table.height.saturating_sub(3)).max(1)
    }

    /// Two-line items (statements, mentions) that fit below a header line.
    pub fn item_rows(&self) -> usize {
        usize::from(self.table.height.saturating_sub(3) / ITEM_HEIGHT).max(1)
    }
}

impl App {
    /// The geometry of the open view.
    pub fn view_layout(&self) -> ViewLayout {
        let chart = matches!(
            &self.views.screen,
            Some(Screen::Speakers(SpeakersView { person: None, .. }))
        );
        ViewLayout::new(self.area, chart)
    }

    /// The analysis the reader lays out for article `i`: the speaker labels
    /// use the merged identity when the user merged or split speakers, and a
    /// quotation other articles report carries a `⧉N` mark (N articles).
    pub fn views_display(&self, i: usize, analysis: Arc<Analysis>) -> Arc<Analysis> {
        let decided = self
            .annotate
            .store
            .as_ref()
            .is_some_and(|s| !s.speaker_decisions().is_empty());
        let grouped = self.views.groups.groups.is_some();
        if !decided && !grouped {
            return analysis;
        }
        let dir = decided.then(|| {
            current_directory(self).unwrap_or_else(|| {
                Arc::new(self.browse.speakers.directory(&self.speaker_decisions()))
            })
        });
        let mut shown = (*analysis).clone();
        for (qi, q) in shown.quotes.iter_mut().enumerate() {
            if let (Some(dir), Some(name)) = (&dir, q.speaker.as_deref())
                && let Some(who) = dir.who_by_name(name)
            {
                q.speaker = Some(dir.canonical(who).to_string());
            }
            let n = distinct_articles(&self.views.others(i, qi));
            if n > 0 {
                let mark = variant_mark(n);
                q.speaker = Some(match q.speaker.take() {
                    Some(s) => format!("{s} {mark}"),
                    None => mark,
                });
            }
        }
        Arc::new(shown)
    }
}

/// Shows `text` in the status bar until the next key.
pub fn say(app: &mut App, text: impl Into<String>) {
    app.annotate.notice = Some(Notice {
        text: text.into(),
        error: false,
    });
}

/// The reader's mark for a quotation reported in `n` other articles.
pub fn variant_mark(n: usize) -> String {
    format!("⧉{n}")
}

fn distinct_articles(members: &[Member]) -> usize {
    let mut arts: Vec<u32> = members.iter().map(|m| m.article).collect();
    arts.dedup();
    arts.len()
}

/// Applies `op`; returns true when the screen must be redrawn.
pub fn update(app: &mut App, op: ViewOp) -> bool {
    match op {
        ViewOp::OpenSpeakers => open_speakers(app),
        ViewOp::OpenEntities => open_entities(app),
        ViewOp::OpenVariants => open_variants(app),
        ViewOp::Back => back(app),
        ViewOp::Move(m) => move_highlight(app, m),
        ViewOp::Enter => enter(app),
        ViewOp::CycleSort => cycle_sort(app, false),
        ViewOp::ReverseSort => cycle_sort(app, true),
        ViewOp::CycleLabel => cycle_label(app),
        ViewOp::Merge => super::views_edit::start_merge(app),
        ViewOp::Split => super::views_edit::start_split(app),
        ViewOp::Filter => filter(app),
        ViewOp::Annotate(op) => super::views_edit::annotate_highlighted(app, op),
    }
    true
}

// ----- the speakers view -----

/// The speakers table (people with counts, sorted) and its bar chart (the
/// most quoted): what opening the speakers view computes.
pub fn speakers_table(
    catalog: &SpeakerCatalog,
    dir: Arc<SpeakerDirectory>,
    sort: SpeakerSort,
    reverse: bool,
) -> (SpeakerTable, Vec<(String, u32)>) {
    let mut table = catalog.table_with(dir);
    table.sort(SpeakerSort::Quotations, false);
    let chart = table
        .top(CHART_BARS)
        .filter(|(_, r)| r.quotations > 0)
        .map(|(n, r)| (n.to_string(), r.quotations))
        .collect();
    if (sort, reverse) != (SpeakerSort::Quotations, false) {
        table.sort(sort, reverse);
    }
    (table, chart)
}

/// The entities table for one label (`None`: all), sorted: what opening
/// the entities view computes.
pub fn entities_table(
    catalog: &EntityCatalog,
    label: Option<EntityLabel>,
    sort: EntitySort,
    reverse: bool,
) -> EntityTable {
    let labels: Vec<EntityLabel> = label.into_iter().collect();
    let mut table = catalog.table(&labels);
    // The table comes most mentioned first.
    if sort != EntitySort::Mentions || reverse {
        table.sort(sort, reverse);
    }
    table
}

/// The grouping of speaker names into people under the user's decisions:
/// the one kept since it was last built while no new name form arrived and
/// the decisions stayed the same (linking names is the costly part), else a
/// new one, kept.
pub fn directory(app: &mut App) -> Arc<SpeakerDirectory> {
    if let Some(d) = current_directory(app) {
        return d;
    }
    let d = Arc::new(app.browse.speakers.directory(&app.speaker_decisions()));
    app.views.directory = Some(d.clone());
    d
}

/// The kept directory, if it is still current.
fn current_directory(app: &App) -> Option<Arc<SpeakerDirectory>> {
    app.views
        .directory
        .as_ref()
        .filter(|d| d.is_current(&app.browse.speakers, &app.speaker_decisions()))
        .cloned()
}

/// Builds the speakers view as the catalogue and decisions stand now.
fn speakers_view(app: &mut App, sort: SpeakerSort, reverse: bool) -> SpeakersView {
    let dir = directory(app);
    let (table, chart) = speakers_table(&app.browse.speakers, dir, sort, reverse);
    SpeakersView {
        table,
        sort,
        reverse,
        chart,
        cursor: Cursor::default(),
        person: None,
    }
}

/// `S`: the speakers view, counts as of now, most quoted first.
pub fn open_speakers(app: &mut App) {
    super::views_edit::sync_decisions(app);
    app.views.variants = None;
    let view = speakers_view(app, SpeakerSort::Quotations, false);
    app.views.screen = Some(Screen::Speakers(view));
    app.views.built = Some((app.browse.progress.analysed, std::time::Instant::now()));
}

/// Rebuilds the open speakers view after a change (an annotation, a merge),
/// keeping the highlighted person and statement where they still exist.
pub fn rebuild_speakers(app: &mut App) {
    let Some(Screen::Speakers(old)) = &app.views.screen else {
        return;
    };
    let (sort, reverse) = (old.sort, old.reverse);
    let keep_name = old
        .selected()
        .map(|w| old.table.directory().canonical(w).to_string());
    let keep_row = old.cursor;
    let person = old
        .person
        .as_ref()
        .map(|p| (p.name.clone(), p.variants.clone(), p.cursor));
    let mut view = speakers_view(app, sort, reverse);
    let rows = app.view_layout().table_rows();
    view.cursor = keep_row;
    if let Some(name) = keep_name
        && let Some(who) = view.table.directory().who_by_name(&name)
        && let Some(pos) = view.table.rows().position(|r| r.who == who)
    {
        view.cursor.selected = pos;
    }
    view.cursor.clamp(view.table.len(), rows);
    if let Some((name, variants, cursor)) = person {
        let dir = view.table.directory();
        let who = std::iter::once(name.as_str())
            .chain(variants.iter().map(String::as_str))
            .find_map(|n| dir.who_by_name(n));
        if let Some(who) = who {
            let mut p = person_view(app, dir, who);
            p.cursor = cursor;
            p.cursor
                .clamp(p.statements.len(), app.view_layout().item_rows());
            view.person = Some(p);
        }
    }
    app.views.screen = Some(Screen::Speakers(view));
    app.views.built = Some((app.browse.progress.analysed, std::time::Instant::now()));
}

fn person_view(app: &App, dir: &SpeakerDirectory, who: Who) -> PersonView {
    PersonView {
        who,
        name: dir.canonical(who).to_string(),
        variants: dir.variants(who).map(str::to_string).collect(),
        statements: app.browse.speakers.statements_of(dir, who),
        cursor: Cursor::default(),
    }
}

// ----- the entities view -----

fn entities_view(
    app: &App,
    label: Option<EntityLabel>,
    sort: EntitySort,
    reverse: bool,
) -> EntitiesView {
    let table = entities_table(&app.browse.entities, label, sort, reverse);
    EntitiesView {
        table,
        label,
        sort,
        reverse,
        cursor: Cursor::default(),
        mentions: None,
    }
}

/// `E`: the entities view, most mentioned first.
pub fn open_entities(app: &mut App) {
    app.views.variants = None;
    let view = entities_view(app, None, EntitySort::Mentions, false);
    app.views.screen = Some(Screen::Entities(view));
    app.views.built = Some((app.browse.progress.analysed, std::time::Instant::now()));
}

// ----- moving, opening, going back -----

fn back(app: &mut App) {
    if app.views.variants.take().is_some() {
        return;
    }
    match &mut app.views.screen {
        Some(Screen::Speakers(s)) if s.person.is_some() => s.person = None,
        Some(Screen::Entities(e)) if e.mentions.is_some() => e.mentions = None,
        _ => app.views.screen = None,
    }
}

fn move_highlight(app: &mut App, m: Motion) {
    let layout = app.view_layout();
    let (rows, items) = (layout.table_rows(), layout.item_rows());
    if let Some(v) = app.views.variants.as_mut() {
        let n = v.entries.len();
        let mut c = Cursor {
            selected: v.selected,
            offset: 0,
        };
        c.apply(m, n, 1);
        v.selected = c.selected;
        return;
    }
    match &mut app.views.screen {
        Some(Screen::Speakers(s)) => match &mut s.person {
            Some(p) => p.cursor.apply(m, p.statements.len(), items),
            None => s.cursor.apply(m, s.table.len(), rows),
        },
        Some(Screen::Entities(e)) => match &mut e.mentions {
            Some(v) => v.cursor.apply(m, v.mentions.len(), items),
            None => e.cursor.apply(m, e.table.len(), rows),
        },
        None => {}
    }
}

fn enter(app: &mut App) {
    if let Some(v) = &app.views.variants {
        if let Some(e) = v.entries.get(v.selected) {
            let (article, span) = (e.member.article as usize, e.span);
            app.views.variants = None;
            jump(app, article, span);
        }
        return;
    }
    /// What Enter does, decided before the state is changed.
    enum Next {
        Jump(usize, Span),
        Person(PersonView),
        Mentions(MentionsView),
    }
    let next = match &app.views.screen {
        Some(Screen::Speakers(s)) => match &s.person {
            Some(p) => p
                .statements
                .get(p.cursor.selected)
                .map(|st| Next::Jump(st.article as usize, st.span)),
            None => s
                .selected()
                .map(|who| Next::Person(person_view(app, s.table.directory(), who))),
        },
        Some(Screen::Entities(e)) => match &e.mentions {
            Some(m) => m
                .mentions
                .get(m.cursor.selected)
                .map(|(a, span)| Next::Jump(*a as usize, *span)),
            None => e.table.rows().nth(e.cursor.selected).map(|row| {
                Next::Mentions(MentionsView {
                    key: row.key,
                    name: e.table.name(row.key).to_string(),
                    label: Some(row.label),
                    mentions: app.browse.entities.mentions_of(row.key),
                    cursor: Cursor::default(),
                })
            }),
        },
        None => None,
    };
    match (next, &mut app.views.screen) {
        (Some(Next::Jump(a, span)), _) => jump(app, a, span),
        (Some(Next::Person(p)), Some(Screen::Speakers(s))) => s.person = Some(p),
        (Some(Next::Mentions(m)), Some(Screen::Entities(e))) => e.mentions = Some(m),
        _ => {}
    }
}

/// Leaves the views and shows `span` of article `article` in the reader,
/// selected when it is a statement, the list following.
pub fn jump(app: &mut App, article: usize, span: Span) {
    app.views.screen = None;
    app.views.variants = None;
    show_in_reader(app, article, span);
    app.focus = super::action::Pane::Reader;
}

/// Opens `article` in the reader (unless open) with `span` in view — a
/// third of the way down — and selects the statement on `span`, if it is one.
pub fn show_in_reader(app: &mut App, article: usize, span: Span) {
    if article >= app.articles.len() {
        return;
    }
    if app.reader.article != Some(article) {
        app.open(article);
    }
    if let Some(row) = app.row_of(article) {
        app.list.selected = row;
        app.clamp_list();
    }
    let line = app.reader.table.line_at_offset(span.start);
    let rows = app.reader_rows();
    if line < app.reader.scroll || line + 1 >= app.reader.scroll + rows {
        app.reader.scroll = line.saturating_sub(rows / 3);
        app.clamp_reader();
    }
    super::views_edit::select_statement(app, span);
}

fn cycle_sort(app: &mut App, reverse_only: bool) {
    let layout = app.view_layout();
    let mut rebuilt = None;
    match &mut app.views.screen {
        Some(Screen::Speakers(s)) if s.person.is_none() => {
            if reverse_only {
                s.reverse = !s.reverse;
            } else {
                let i = SPEAKER_SORTS.iter().position(|x| *x == s.sort).unwrap_or(0);
                s.sort = SPEAKER_SORTS[(i + 1) % SPEAKER_SORTS.len()];
                s.reverse = false;
            }
            s.table.sort(s.sort, s.reverse);
            s.cursor = Cursor::default();
        }
        Some(Screen::Entities(e)) if e.mentions.is_none() => {
            if reverse_only {
                e.reverse = !e.reverse;
            } else {
                let i = ENTITY_SORTS.iter().position(|x| *x == e.sort).unwrap_or(0);
                e.sort = ENTITY_SORTS[(i + 1) % ENTITY_SORTS.len()];
                e.reverse = false;
            }
            rebuilt = Some((e.label, e.sort, e.reverse));
        }
        _ => {}
    }
    if let Some((label, sort, reverse)) = rebuilt {
        let mut view = entities_view(app, label, sort, reverse);
        view.cursor.clamp(view.table.len(), layout.table_rows());
        app.views.screen = Some(Screen::Entities(view));
    }
}

fn cycle_label(app: &mut App) {
    let Some(Screen::Entities(e)) = &app.views.screen else {
        return;
    };
    if e.mentions.is_some() {
        return;
    }
    let i = LABELS.iter().position(|l| *l == e.label).unwrap_or(0);
    let label = LABELS[(i + 1) % LABELS.len()];
    let view = entities_view(app, label, e.sort, e.reverse);
    app.views.screen = Some(Screen::Entities(view));
}

/// `f`: narrows the article list to the highlighted speaker or entity and
/// goes back to it.
fn filter(app: &mut App) {
    let filter = match &app.views.screen {
        Some(Screen::Speakers(s)) => {
            let who = s.person.as_ref().map(|p| p.who).or_else(|| s.selected());
            who.map(|w| crate::search::Filter::speaker(s.table.directory(), w))
        }
        Some(Screen::Entities(e)) => {
            let key = e
                .mentions
                .as_ref()
                .map(|m| m.key)
                .or_else(|| e.table.rows().nth(e.cursor.selected).map(|r| r.key));
            key.map(|k| crate::search::Filter::Entity {
                name: e.table.name(k).to_string(),
                key: k,
            })
        }
        None => None,
    };
    if let Some(f) = filter {
        app.views.screen = None;
        app.add_filter(f);
        app.focus = super::action::Pane::List;
    }
}

// ----- variants -----

/// `V`: the variants window for the selected statement, else the first
/// quotation in view that other articles report.
fn open_variants(app: &mut App) {
    if app.views.groups.groups.is_none() {
        say(app, "still grouping quotations across articles…");
        return;
    }
    let target = match &app.views.screen {
        Some(Screen::Speakers(s)) => s.person.as_ref().and_then(|p| {
            let st = p.statements.get(p.cursor.selected)?;
            Some((st.article as usize, st.quote? as usize))
        }),
        Some(Screen::Entities(_)) => None,
        None => quotation_in_reader(app),
    };
    let Some((article, quote)) = target else {
        say(app, "no quotation reported by other articles here");
        return;
    };
    match variants_overlay(app, article, quote) {
        Some(v) => app.views.variants = Some(v),
        None => {
            say(app, "no other article reports this quotation");
        }
    }
}

/// The reader's quotation for `V`: the selected statement when it is one
/// that other articles report, else the first such quotation in view.
fn quotation_in_reader(app: &App) -> Option<(usize, usize)> {
    let i = app.reader.article?;
    let analysis = app.analysis(i)?;
    let grouped = |qi: usize| !app.views.others(i, qi).is_empty();
    if let Some(span) = super::views_edit::selected_span(app)
        && let Some(qi) = analysis.quotes.iter().position(|q| q.span == span)
        && grouped(qi)
    {
        return Some((i, qi));
    }
    let top = app
        .reader
        .table
        .lines
        .get(app.reader.scroll)
        .map_or(0, |l| l.range.start);
    let bottom = app
        .reader
        .table
        .lines
        .get(app.reader.scroll + app.reader_rows())
        .map_or(usize::MAX, |l| l.range.start);
    let in_view = |s: Span| s.end > top && s.start < bottom;
    (0..analysis.quotes.len())
        .find(|&qi| in_view(analysis.quotes[qi].span) && grouped(qi))
        .or_else(|| (0..analysis.quotes.len()).find(|&qi| grouped(qi)))
        .map(|qi| (i, qi))
}

/// The variants window for quotation `quote` of `article`: every other
/// quotation of its group, compared word by word (done here, once).
pub fn variants_overlay(app: &App, article: usize, quote: usize) -> Option<VariantsOverlay> {
    let others = app.views.others(article, quote);
    if others.is_empty() {
        return None;
    }
    let q = app.analysis(article)?.quotes.get(quote)?.clone();
    let text = app.articles.get(article)?.text.as_str();
    let reference = q.span.slice(text);
    let entries = others
        .into_iter()
        .filter_map(|m| {
            let span = app
                .analysis(m.article as usize)?
                .quotes
                .get(m.quote as usize)?
                .span;
            let other = span.slice(&app.articles.get(m.article as usize)?.text);
            Some(VariantEntry {
                member: m,
                span,
                diff: word_diff(reference, other),
            })
        })
        .collect();
    let speaker = q.speaker.map(|name| {
        let dir = current_directory(app)
            .unwrap_or_else(|| Arc::new(app.browse.speakers.directory(&app.speaker_decisions())));
        dir.who_by_name(&name)
            .map_or(name.clone(), |w| dir.canonical(w).to_string())
    });
    Some(VariantsOverlay {
        reference: Member {
            article: u32::try_from(article).ok()?,
            quote: u32::try_from(quote).ok()?,
        },
        reference_span: q.span,
        speaker,
        entries,
        selected: 0,
    })
}

/// What the grouping reads: per analysed article, its text and quotations.
type GroupInput = Vec<(u32, Arc<crate::corpus::Article>, Arc<Analysis>)>;

fn group_input(app: &App) -> GroupInput {
    app.analyses
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let a = a.clone()?;
            Some((u32::try_from(i).ok()?, app.articles.get(i)?.clone(), a))
        })
        .collect()
}

/// Groups the quotations of `input` (speakers identified with `names` and
/// `decisions`): what the background thread runs.
fn group(input: &GroupInput, names: &[String], decisions: &SpeakerDecisions) -> VariantGroups {
    let dir = SpeakerDirectory::build(names, decisions);
    let mut who: HashMap<&str, Who> = HashMap::new();
    for w in 0..dir.len() {
        let w = Who(u32::try_from(w).unwrap_or(u32::MAX));
        for n in dir.variants(w) {
            who.insert(n, w);
        }
    }
    let mut inputs = Vec::new();
    for (a, article, analysis) in input {
        for (qi, q) in analysis.quotes.iter().enumerate() {
            if q.kind == QuoteKind::Term {
                continue;
            }
            let Some(text) = article.text.get(q.span.start..q.span.end) else {
                continue;
            };
            inputs.push(VariantInput {
                article: *a,
                quote: u32::try_from(qi).unwrap_or(u32::MAX),
                text,
                speaker: q.speaker.as_deref().and_then(|n| who.get(n).copied()),
            });
        }
    }
    VariantGroups::build(&inputs, &VariantParams::default())
}

/// While articles are still being analysed, an open view is rebuilt now and
/// then (every [`CATCH_UP`]) so that its counts grow with the corpus.
fn catch_up(app: &mut App) -> bool {
    let analysed = app.browse.progress.analysed;
    let now = std::time::Instant::now();
    match (&app.views.screen, app.views.built) {
        (None, _) => return false,
        (Some(_), Some((n, at))) if n == analysed || now.duration_since(at) < CATCH_UP => {
            return false;
        }
        _ => {}
    }
    match &app.views.screen {
        Some(Screen::Speakers(_)) => rebuild_speakers(app),
        Some(Screen::Entities(_)) => rebuild_entities(app),
        None => {}
    }
    true
}

/// How often an open view catches up with the analyses arriving.
const CATCH_UP: std::time::Duration = std::time::Duration::from_secs(1);

/// Rebuilds the open entities view, keeping the highlighted rows.
pub fn rebuild_entities(app: &mut App) {
    let Some(Screen::Entities(old)) = &app.views.screen else {
        return;
    };
    let (label, sort, reverse, cursor) = (old.label, old.sort, old.reverse, old.cursor);
    let keep = old.table.rows().nth(cursor.selected).map(|r| r.key);
    let mentions = old.mentions.as_ref().map(|m| (m.key, m.cursor));
    let mut view = entities_view(app, label, sort, reverse);
    view.cursor = cursor;
    if let Some(pos) = keep.and_then(|k| view.table.rows().position(|r| r.key == k)) {
        view.cursor.selected = pos;
    }
    let layout = app.view_layout();
    view.cursor.clamp(view.table.len(), layout.table_rows());
    if let Some((key, cursor)) = mentions {
        let mut m = MentionsView {
            key,
            name: view.table.name(key).to_string(),
            label: app.browse.entities.label(key),
            mentions: app.browse.entities.mentions_of(key),
            cursor,
        };
        m.cursor.clamp(m.mentions.len(), layout.item_rows());
        view.mentions = Some(m);
    }
    app.views.screen = Some(Screen::Entities(view));
    app.views.built = Some((app.browse.progress.analysed, std::time::Instant::now()));
}

/// Groups the quotations now, on this thread (a corpus handed over whole,
/// tests).
pub fn group_now(app: &mut App) {
    let input = group_input(app);
    let decisions = app.speaker_decisions();
    let groups = group(&input, app.browse.speakers.names(), &decisions);
    app.views.groups.groups = Some(Arc::new(groups));
    app.views.groups.built_for = Some((input.len(), decisions));
    app.relayout_reader();
}

/// Periodic work: starts a grouping when the corpus is analysed (or the
/// speaker decisions changed since the last one) and takes in a finished
/// one. Returns true when the screen must be redrawn.
pub fn tick(app: &mut App) -> bool {
    let mut changed = super::views_edit::sync_decisions(app);
    changed |= catch_up(app);
    if let Some(slot) = &app.views.groups.pending {
        let done = slot.lock().ok().and_then(|mut g| g.take());
        if let Some(groups) = done {
            app.views.groups.pending = None;
            app.views.groups.groups = Some(Arc::new(groups));
            app.relayout_reader();
            changed = true;
        }
        return changed;
    }
    let analysed = app.analyses.iter().filter(|a| a.is_some()).count();
    let complete = app.loading.is_none() && analysed == app.articles.len() && analysed > 0;
    let stale = match &app.views.groups.built_for {
        None => complete,
        Some((n, d)) => (complete && *n != analysed) || *d != app.speaker_decisions(),
    };
    if !stale {
        return changed;
    }
    let input = group_input(app);
    let names = app.browse.speakers.names().to_vec();
    let decisions = app.speaker_decisions();
    app.views.groups.built_for = Some((input.len(), decisions.clone()));
    let slot = Arc::new(Mutex::new(None));
    let out = slot.clone();
    let spawned = std::thread::Builder::new()
        .name("gloss-variants".into())
        .spawn(move || {
            let groups = group(&input, &names, &decisions);
            if let Ok(mut s) = out.lock() {
                *s = Some(groups);
            }
        });
    if spawned.is_ok() {
        app.views.groups.pending = Some(slot);
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::corpus::Corpus;
    use crate::tui::action::{Action, Pane};
    use crate::tui::theme::Theme;
    use crate::tui::update::update;

    /// The sample corpus, analysed, on a 100×30 terminal.
    fn sample() -> App {
        let mut app = App::new(
            Corpus::bundled(),
            Theme::default(),
            Rect::new(0, 0, 100, 30),
        );
        for i in 0..app.articles.len() {
            let analysis = Arc::new(analyze(&app.articles[i].text));
            update(
                &mut app,
                Action::AnalysisReady {
                    article: i,
                    analysis,
                },
            );
        }
        app
    }

    fn speakers(app: &App) -> &SpeakersView {
        match &app.views.screen {
            Some(Screen::Speakers(s)) => s,
            _ => panic!("the speakers view is not open"),
        }
    }

    fn entities(app: &App) -> &EntitiesView {
        match &app.views.screen {
            Some(Screen::Entities(e)) => e,
            _ => panic!("the entities view is not open"),
        }
    }

    fn op(app: &mut App, op: ViewOp) {
        update(app, Action::View(op));
    }

    #[test]
    fn the_speakers_view_opens_most_quoted_first_and_sorts_by_each_column() {
        let mut app = sample();
        op(&mut app, ViewOp::OpenSpeakers);
        assert_eq!(app.context(), Context::Speakers);
        let s = speakers(&app);
        assert!(s.table.len() >= 3, "the sample corpus has several speakers");
        let quotes: Vec<u32> = s.table.rows().map(|r| r.quotations).collect();
        assert!(quotes.windows(2).all(|w| w[0] >= w[1]), "{quotes:?}");
        assert_eq!(s.chart.first().map(|c| c.1), quotes.first().copied());
        op(&mut app, ViewOp::CycleSort);
        let s = speakers(&app);
        assert_eq!(s.sort, SpeakerSort::Reported);
        let reported: Vec<u32> = s.table.rows().map(|r| r.reported).collect();
        assert!(reported.windows(2).all(|w| w[0] >= w[1]), "{reported:?}");
        op(&mut app, ViewOp::ReverseSort);
        let reported: Vec<u32> = speakers(&app).table.rows().map(|r| r.reported).collect();
        assert!(reported.windows(2).all(|w| w[0] <= w[1]), "{reported:?}");
        for _ in 0..4 {
            op(&mut app, ViewOp::CycleSort);
        }
        assert_eq!(
            speakers(&app).sort,
            SpeakerSort::Quotations,
            "the cycle comes round"
        );
    }

    #[test]
    fn enter_lists_a_speakers_statements_and_then_jumps_to_one_in_the_reader() {
        let mut app = sample();
        op(&mut app, ViewOp::OpenSpeakers);
        let top = speakers(&app)
            .table
            .rows()
            .next()
            .copied()
            .expect("a speaker");
        op(&mut app, ViewOp::Enter);
        assert_eq!(app.context(), Context::SpeakerStatements);
        let p = speakers(&app).person.as_ref().expect("opened");
        assert_eq!(p.who, top.who);
        assert_eq!(p.statements.len() as u32, top.statements());
        op(&mut app, ViewOp::Move(Motion::Bottom));
        let last = *speakers(&app)
            .person
            .as_ref()
            .and_then(|p| p.statements.last())
            .expect("statements");
        op(&mut app, ViewOp::Enter);
        assert!(
            app.views.screen.is_none(),
            "the view makes way for the reader"
        );
        assert_eq!(app.reader.article, Some(last.article as usize));
        assert_eq!(app.focus, Pane::Reader);
        let line = app.reader.table.line_at_offset(last.span.start);
        assert!(
            (app.reader.scroll..app.reader.scroll + app.reader_rows()).contains(&line),
            "the statement is in view"
        );
        assert_eq!(
            app.row_article(app.list.selected),
            Some(last.article as usize)
        );
        assert_eq!(
            app.annotate.selected.as_ref().map(|s| s.span),
            Some(last.span),
            "the statement is selected"
        );
    }

    #[test]
    fn escape_goes_back_one_level_at_a_time() {
        let mut app = sample();
        op(&mut app, ViewOp::OpenSpeakers);
        op(&mut app, ViewOp::Enter);
        op(&mut app, ViewOp::Back);
        assert_eq!(app.context(), Context::Speakers);
        op(&mut app, ViewOp::Back);
        assert!(app.views.screen.is_none());
        assert!(!app.quit);
    }

    #[test]
    fn the_entities_view_filters_by_label_and_jumps_to_a_mention() {
        let mut app = sample();
        op(&mut app, ViewOp::OpenEntities);
        let all = entities(&app).table.len();
        assert!(all > 0);
        op(&mut app, ViewOp::CycleLabel);
        let e = entities(&app);
        assert_eq!(e.label, Some(EntityLabel::Person));
        assert!(e.table.len() < all);
        assert!(e.table.rows().all(|r| r.label == EntityLabel::Person));
        let mentions: Vec<u32> = e.table.rows().map(|r| r.mentions).collect();
        assert!(mentions.windows(2).all(|w| w[0] >= w[1]));
        op(&mut app, ViewOp::CycleSort);
        let e = entities(&app);
        assert_eq!(e.sort, EntitySort::Articles);
        assert!(e.table.rows().all(|r| r.label == EntityLabel::Person));
        let row = *e.table.rows().next().expect("a person");
        op(&mut app, ViewOp::Enter);
        let m = entities(&app).mentions.as_ref().expect("mentions");
        assert_eq!(m.mentions.len() as u32, row.mentions);
        let (a, span) = m.mentions[0];
        op(&mut app, ViewOp::Enter);
        assert_eq!(app.reader.article, Some(a as usize));
        let line = app.reader.table.line_at_offset(span.start);
        assert!((app.reader.scroll..app.reader.scroll + app.reader_rows()).contains(&line));
    }

    #[test]
    fn a_merge_joins_two_speakers_everywhere_and_a_split_undoes_it() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let mut app = sample();
        app.attach_annotations(crate::annotations::AnnotationStore::open_for_corpus(
            &crate::corpus::CorpusSource::Bundled,
            Some(&dir.path().join("a.json")),
        ));
        op(&mut app, ViewOp::OpenSpeakers);
        let rows: Vec<(String, u32)> = {
            let s = speakers(&app);
            s.table
                .rows()
                .map(|r| {
                    (
                        s.table.directory().canonical(r.who).to_string(),
                        r.statements(),
                    )
                })
                .collect()
        };
        let (a, b) = (&rows[0], &rows[1]);
        super::super::views_edit::merge_into(&mut app, &b.0, &a.0);
        let s = speakers(&app);
        assert_eq!(s.table.len(), rows.len() - 1);
        let merged = s.table.rows().next().expect("row");
        assert_eq!(s.table.directory().canonical(merged.who), a.0);
        assert_eq!(merged.statements(), a.1 + b.1);
        super::super::views_edit::split_off(&mut app, &b.0);
        assert_eq!(speakers(&app).table.len(), rows.len());
    }

    #[test]
    fn filter_from_the_speakers_view_narrows_the_list() {
        let mut app = sample();
        op(&mut app, ViewOp::OpenSpeakers);
        op(&mut app, ViewOp::Move(Motion::Bottom));
        let last = *speakers(&app).table.rows().last().expect("a speaker");
        op(&mut app, ViewOp::Filter);
        assert!(app.views.screen.is_none());
        assert!(app.browse.filters.label().starts_with("speaker: "));
        assert_eq!(app.row_count(), last.articles as usize);
    }

    #[test]
    fn an_open_view_catches_up_with_analyses_arriving() {
        let mut app = App::new(
            Corpus::bundled(),
            Theme::default(),
            Rect::new(0, 0, 100, 30),
        );
        op(&mut app, ViewOp::OpenSpeakers);
        assert!(speakers(&app).table.is_empty(), "nothing analysed yet");
        for i in 0..app.articles.len() {
            let analysis = Arc::new(analyze(&app.articles[i].text));
            update(
                &mut app,
                Action::AnalysisReady {
                    article: i,
                    analysis,
                },
            );
        }
        let long_ago = std::time::Instant::now() - 2 * CATCH_UP;
        app.views.built = app.views.built.map(|(n, _)| (n, long_ago));
        assert!(tick(&mut app));
        assert!(!speakers(&app).table.is_empty());
    }
}
