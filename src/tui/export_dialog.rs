//! The export dialog (`e`): its state — format, the filters of the export,
//! the destination path being edited, and what the last write did — its
//! operations, and the export job the event loop runs when the user presses
//! Enter.
//!
//! The dialog only chooses; the writing is [`crate::export`]'s, the same
//! functions `gloss export` calls. [`update`] never touches files: Enter
//! marks the dialog as writing, the event loop takes the [`ExportJob`] from
//! [`pending_job`], runs it and hands the result back as [`Op::Finished`]. A
//! failed write keeps every choice, so the user can fix the path and retry.
//! Nothing here draws (the widget is `view::export_dialog`).

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context as _, Result, bail};

use super::app::{App, Overlay};
use crate::analysis::{self, Analysis};
use crate::annotations::{self, Sidecar, location};
use crate::corpus::{Article, Corpus, CorpusSource};
use crate::export::{
    self, ExportFormat, ExportOptions, ExportSummary, Filter, default_export_path, file_stamp,
};
use crate::search::Filter as SearchFilter;

/// A line of the dialog that takes the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The format, chosen with ←/→.
    Format,
    /// "Current article only", switched with Space or ←/→.
    CurrentArticle,
    /// "Articles in the list only" (when the list is narrowed), switched
    /// with Space or ←/→.
    ListOnly,
    /// "Include detected quotations", switched with Space or ←/→.
    Detected,
    /// The destination file, edited as text.
    Path,
}

impl Field {
    /// Every field, top to bottom.
    pub const ALL: [Field; 5] = [
        Field::Format,
        Field::CurrentArticle,
        Field::ListOnly,
        Field::Detected,
        Field::Path,
    ];
}

/// What the user asks of the dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Open the dialog with the current article and filters.
    Open,
    /// Close it (the choices are forgotten).
    Close,
    /// Focus the next field.
    NextField,
    /// Focus the previous field.
    PrevField,
    /// ←: previous format, switch an option, or cursor left in the path.
    Left,
    /// →: next format, switch an option, or cursor right in the path.
    Right,
    /// Space: switch an option, or a space in the path.
    Space,
    /// A typed character (into the path; it focuses the path).
    Type(char),
    /// Delete the character before the cursor in the path.
    Backspace,
    /// Delete the character under the cursor in the path.
    Delete,
    /// Cursor to the start of the path.
    Home,
    /// Cursor to the end of the path.
    End,
    /// Empty the path, to type another one.
    ClearPath,
    /// Write the export.
    Write,
    /// The export job ended: what it wrote, or why it could not.
    Finished(Result<ExportSummary, String>),
}

/// A one-line text field with a cursor (counted in characters).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    text: String,
    cursor: usize,
}

impl TextField {
    /// A field holding `text`, the cursor at its end.
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let cursor = text.chars().count();
        Self { text, cursor }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cursor, in characters from the start.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte_at(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Inserts `c` at the cursor.
    pub fn insert(&mut self, c: char) {
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
    }

    /// Deletes the character before the cursor.
    pub fn backspace(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte_at(self.cursor);
            self.text.remove(at);
        }
    }

    /// Deletes the character under the cursor.
    pub fn delete(&mut self) {
        let at = self.byte_at(self.cursor);
        if at < self.text.len() {
            self.text.remove(at);
        }
    }

    /// Moves the cursor by one character.
    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    /// Moves the cursor by one character.
    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    /// Cursor to the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// Cursor to the end.
    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    /// Replaces the whole text, the cursor at its end.
    pub fn set(&mut self, text: impl Into<String>) {
        *self = Self::new(text);
    }
}

/// What the last press of Enter led to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Outcome {
    /// Nothing written yet.
    #[default]
    Idle,
    /// The export is being written.
    Writing,
    /// Written: where, and how many statements.
    Written(ExportSummary),
    /// Not written, and why, in one line.
    Failed(String),
}

/// The open article, for "current article only".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleChoice {
    /// Its id (what the export's article filter matches).
    pub id: String,
    /// Its title, shown in the dialog.
    pub title: String,
}

/// An article filter no article id or path can match (paths hold no NUL).
const NO_ARTICLE: &str = "\0";

/// The list's narrowing (filter line and search) when the dialog opened:
/// what "articles in the list only" keeps.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListScope {
    /// The filters and the search, as the filter line shows them.
    pub labels: Vec<String>,
    /// Ids of the articles the list shows.
    pub articles: Vec<String>,
    /// The people of the speaker filters: only their statements are kept.
    pub speakers: Vec<String>,
    /// The tags of the tag filters: only statements with them are kept.
    pub tags: Vec<String>,
    /// Articles in the corpus.
    pub total: usize,
}

impl ListScope {
    /// The scope of the app's list, or `None` when it shows every article.
    pub fn of(app: &App) -> Option<ListScope> {
        let browse = &app.browse;
        if browse.filters.is_empty() && !browse.search.active() {
            return None;
        }
        let mut scope = ListScope {
            total: app.articles.len(),
            ..ListScope::default()
        };
        for f in &browse.filters.filters {
            scope.labels.push(f.label());
            match f {
                SearchFilter::Speaker { name, .. } => scope.speakers.push(name.clone()),
                SearchFilter::Tag(t) => scope.tags.push(t.clone()),
                _ => {}
            }
        }
        if browse.search.active() {
            scope
                .labels
                .push(format!("search: {}", browse.search.input.trim()));
        }
        scope.articles = (0..app.row_count())
            .filter_map(|r| app.articles.get(app.row_article(r)?))
            .map(|a| a.id.0.clone())
            .collect();
        Some(scope)
    }
}

/// The state of the open export dialog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportDialog {
    /// The format to write.
    pub format: ExportFormat,
    /// The field taking the keys.
    pub field: Field,
    /// Export only the annotations of [`ExportDialog::article`].
    pub current_article_only: bool,
    /// Add every detected quotation.
    pub include_detected: bool,
    /// The destination file.
    pub path: TextField,
    /// The article open when the dialog was opened, if any.
    pub article: Option<ArticleChoice>,
    /// The list's filters and search, when it is narrowed.
    pub list: Option<ListScope>,
    /// Export only what [`ExportDialog::list`] keeps.
    pub list_only: bool,
    /// The last write's result.
    pub outcome: Outcome,
    /// The default path as proposed, to tell whether the user changed it.
    default_path: String,
    /// The time stamp of the default file name, fixed when the dialog opened.
    stamp: String,
    source: CorpusSource,
}

impl ExportDialog {
    /// A dialog for the corpus at `source`, proposing
    /// [`default_export_path`] with the time stamp `stamp`. A narrowed list
    /// (`list`) is exported as narrowed unless the user says otherwise.
    pub fn new(
        source: &CorpusSource,
        article: Option<ArticleChoice>,
        list: Option<ListScope>,
        stamp: &str,
    ) -> Self {
        let format = ExportFormat::Json;
        let default_path = default_path_text(source, format, stamp);
        Self {
            format,
            field: Field::Format,
            current_article_only: false,
            include_detected: false,
            path: TextField::new(default_path.clone()),
            article,
            list_only: list.is_some(),
            list,
            outcome: Outcome::Idle,
            default_path,
            stamp: stamp.to_string(),
            source: source.clone(),
        }
    }

    /// What the export will contain.
    pub fn options(&self) -> ExportOptions {
        let mut filter = Filter::default();
        if self.list_only
            && let Some(list) = &self.list
        {
            filter.articles = list.articles.clone();
            filter.speakers = list.speakers.clone();
            filter.tags = list.tags.clone();
            if filter.articles.is_empty() {
                // An empty list exports nothing, not everything.
                filter.articles.push(NO_ARTICLE.to_string());
            }
        }
        if self.current_article_only
            && let Some(a) = &self.article
        {
            let in_list = filter.articles.is_empty() || filter.articles.contains(&a.id);
            filter.articles = vec![if in_list {
                a.id.clone()
            } else {
                NO_ARTICLE.to_string()
            }];
        }
        ExportOptions {
            filter,
            include_detected: self.include_detected,
        }
    }

    /// The filters in words, one entry per filter.
    pub fn filter_summary(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.current_article_only
            && let Some(a) = &self.article
        {
            out.push(format!("article: {}", a.title));
        }
        if self.list_only
            && let Some(list) = &self.list
        {
            out.extend(list.labels.iter().cloned());
            out.push(format!(
                "{} of {} articles",
                list.articles.len(),
                list.total
            ));
        }
        if out.is_empty() {
            out.push("none: the whole corpus".to_string());
        }
        out
    }

    /// The fields that take the keys (the list option only for a narrowed list).
    pub fn fields(&self) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| *f != Field::ListOnly || self.list.is_some())
            .collect()
    }

    fn step_field(&mut self, forward: bool) {
        let fields = self.fields();
        let n = fields.len();
        let i = fields.iter().position(|f| *f == self.field).unwrap_or(0);
        self.field = fields[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
    }

    /// Applies one operation (not [`Op::Open`], which needs the app).
    pub fn apply(&mut self, op: Op) {
        match op {
            Op::Open | Op::Close => {}
            Op::NextField => self.step_field(true),
            Op::PrevField => self.step_field(false),
            Op::Left | Op::Right => {
                let right = op == Op::Right;
                match self.field {
                    Field::Format => self.cycle_format(right),
                    Field::CurrentArticle | Field::ListOnly | Field::Detected => self.switch(),
                    Field::Path if right => self.path.right(),
                    Field::Path => self.path.left(),
                }
            }
            Op::Space => match self.field {
                Field::Path => self.path.insert(' '),
                _ => self.switch(),
            },
            Op::Type(c) => {
                self.field = Field::Path;
                self.path.insert(c);
            }
            Op::Backspace => self.edit_path(TextField::backspace),
            Op::Delete => self.edit_path(TextField::delete),
            Op::Home => self.edit_path(TextField::home),
            Op::End => self.edit_path(TextField::end),
            Op::ClearPath => self.edit_path(|p| p.set("")),
            Op::Write => {
                self.outcome = if self.path.text().trim().is_empty() {
                    Outcome::Failed("type the file to write to".to_string())
                } else {
                    Outcome::Writing
                };
            }
            Op::Finished(result) => {
                self.outcome = match result {
                    Ok(summary) => Outcome::Written(summary),
                    Err(message) => Outcome::Failed(message),
                };
            }
        }
    }

    fn edit_path(&mut self, edit: impl FnOnce(&mut TextField)) {
        self.field = Field::Path;
        edit(&mut self.path);
    }

    /// Switches the focused option (the article option only when an article is open).
    fn switch(&mut self) {
        match self.field {
            Field::CurrentArticle if self.article.is_some() => {
                self.current_article_only = !self.current_article_only;
            }
            Field::ListOnly if self.list.is_some() => self.list_only = !self.list_only,
            Field::Detected => self.include_detected = !self.include_detected,
            _ => {}
        }
    }

    /// The next or previous format. The path follows: the proposed one is
    /// proposed again for the new format; a typed one keeps its name and
    /// changes only an extension that was the old format's.
    fn cycle_format(&mut self, forward: bool) {
        let all = ExportFormat::ALL;
        let n = all.len();
        let i = all.iter().position(|f| *f == self.format).unwrap_or(0);
        let old = self.format;
        self.format = all[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }];
        if self.path.text() == self.default_path {
            self.default_path = default_path_text(&self.source, self.format, &self.stamp);
            self.path.set(self.default_path.clone());
        } else {
            self.default_path = default_path_text(&self.source, self.format, &self.stamp);
            let suffix = format!(".{}", old.extension());
            if let Some(stem) = self.path.text().strip_suffix(&suffix) {
                let renamed = format!("{stem}.{}", self.format.extension());
                self.path.set(renamed);
            }
        }
    }

    /// The destination as a path: `~/` stands for the home folder; a
    /// relative path is taken from the folder gloss was started in.
    pub fn destination(&self) -> PathBuf {
        let text = self.path.text().trim();
        let home = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
        let path = match (text.strip_prefix("~/"), home) {
            (Some(rest), Some(home)) => home.join(rest),
            _ => PathBuf::from(text),
        };
        std::path::absolute(&path).unwrap_or(path)
    }
}

fn default_path_text(source: &CorpusSource, format: ExportFormat, stamp: &str) -> String {
    default_export_path(source, format, stamp)
        .to_string_lossy()
        .into_owned()
}

/// What the export dialog needs from outside the interface: the corpus's
/// place and the sidecar named on the command line; and the open dialog.
#[derive(Debug, Clone, Default)]
pub struct Exports {
    /// Where the corpus comes from (for the default path and the sidecar).
    pub source: Option<CorpusSource>,
    /// The sidecar named with `--annotations`, if any.
    pub annotations: Option<PathBuf>,
    /// The open dialog.
    pub dialog: Option<ExportDialog>,
}

/// Applies `op` to the app: opens, closes or changes the dialog. Returns
/// whether the screen changed.
pub fn update(app: &mut App, op: Op) -> bool {
    match op {
        Op::Open => {
            let article = app.open_article().map(|a| ArticleChoice {
                id: a.id.0.clone(),
                title: a.meta.title.clone(),
            });
            let source = app.export.source.clone().unwrap_or(CorpusSource::Bundled);
            let stamp = file_stamp(time::OffsetDateTime::now_utc());
            let list = ListScope::of(app);
            app.export.dialog = Some(ExportDialog::new(&source, article, list, &stamp));
            app.overlay = Some(Overlay::Export);
            true
        }
        Op::Close => {
            app.export.dialog = None;
            if app.overlay == Some(Overlay::Export) {
                app.overlay = None;
            }
            true
        }
        other => match app.export.dialog.as_mut() {
            // A result arriving for a dialog closed meanwhile is dropped.
            Some(d) if d.outcome != Outcome::Writing || matches!(other, Op::Finished(_)) => {
                d.apply(other);
                true
            }
            _ => false,
        },
    }
}

/// Where the export's annotations come from.
#[derive(Debug, Clone)]
pub enum SidecarSource {
    /// Read the corpus's sidecar (or the one named with `--annotations`).
    File {
        /// The sidecar named on the command line.
        explicit: Option<PathBuf>,
    },
    /// The annotations as the interface holds them.
    Loaded(Arc<Sidecar>),
}

/// One export to write: everything [`crate::export`] needs, taken from the
/// app so that it can run outside [`update`].
#[derive(Debug, Clone)]
pub struct ExportJob {
    /// The format.
    pub format: ExportFormat,
    /// The file to write.
    pub path: PathBuf,
    /// Filters and detected quotations.
    pub options: ExportOptions,
    /// The annotations.
    pub sidecar: SidecarSource,
    source: CorpusSource,
    articles: Vec<Arc<Article>>,
    analyses: Vec<Option<Arc<Analysis>>>,
}

/// The export the dialog is waiting for, if Enter was just pressed.
pub fn pending_job(app: &App) -> Option<ExportJob> {
    let dialog = app.export.dialog.as_ref()?;
    if dialog.outcome != Outcome::Writing {
        return None;
    }
    Some(ExportJob {
        format: dialog.format,
        path: dialog.destination(),
        options: dialog.options(),
        sidecar: sidecar_source(app),
        source: dialog.source.clone(),
        articles: app.articles.clone(),
        analyses: app.analyses.clone(),
    })
}

/// The annotations as the interface holds them, edits not yet saved
/// included. A sidecar the interface could not use (it does not parse, or a
/// newer gloss wrote it) is read again from its file instead, so the export
/// fails with the reason, as `gloss export` does, rather than silently
/// exporting less.
fn sidecar_source(app: &App) -> SidecarSource {
    match app.annotate.store.as_ref() {
        Some(store) if !store.is_read_only() => SidecarSource::Loaded(Arc::new(Sidecar {
            speakers: store.speaker_decisions().clone(),
            annotations: store.all().into_iter().cloned().collect(),
            ..Sidecar::default()
        })),
        _ => SidecarSource::File {
            explicit: app.export.annotations.clone(),
        },
    }
}

impl ExportJob {
    /// Writes the export (creating the destination folder when needed), as
    /// `gloss export -o` does; the error is one line naming the file.
    pub fn run(&self) -> Result<ExportSummary, String> {
        self.try_run()
            .map_err(|e| format!("{e:#}").replace(['\n', '\r'], " "))
    }

    fn try_run(&self) -> Result<ExportSummary> {
        let sidecar = match &self.sidecar {
            SidecarSource::Loaded(s) => Arc::clone(s),
            SidecarSource::File { explicit } => {
                let path = location::path_for_reading(&self.source, explicit.as_deref());
                match annotations::file::load(&path)? {
                    Some(s) => Arc::new(s),
                    None if explicit.is_some() => bail!("{}: no such file", path.display()),
                    None => Arc::new(Sidecar::default()),
                }
            }
        };
        let corpus = Corpus {
            source: self.source.clone(),
            articles: self.articles.iter().map(|a| (**a).clone()).collect(),
            skipped: Vec::new(),
        };
        // Analyses the interface already has are not computed again.
        let cached: HashMap<&str, &Analysis> = self
            .articles
            .iter()
            .zip(&self.analyses)
            .filter_map(|(a, an)| Some((a.text.as_str(), an.as_deref()?)))
            .collect();
        let set = export::build_with(&corpus, &sidecar, &self.options, |text| {
            cached
                .get(text)
                .map_or_else(|| analysis::analyze(text), |a| (*a).clone())
        });
        prepare_folder(&self.path)
            .with_context(|| format!("cannot write {}", self.path.display()))?;
        export::export_to_file(self.format, &set, &self.path)
    }
}

/// Creates the folder `path` goes in when it does not exist yet (the default
/// `.gloss/exports`); a file in the way is named.
fn prepare_folder(path: &Path) -> Result<()> {
    let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) else {
        return Ok(());
    };
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(existing) = dir.ancestors().find(|a| a.exists())
        && !existing.is_dir()
    {
        bail!("{} is a file, not a folder", existing.display());
    }
    fs::create_dir_all(dir).with_context(|| format!("cannot create the folder {}", dir.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dialog() -> ExportDialog {
        let source = CorpusSource::Folder("/data/news".into());
        let article = ArticleChoice {
            id: "politics/001".into(),
            title: "A title".into(),
        };
        ExportDialog::new(&source, Some(article), None, "20261121-091500")
    }

    fn apply_all(d: &mut ExportDialog, ops: impl IntoIterator<Item = Op>) {
        for op in ops {
            d.apply(op);
        }
    }

    #[test]
    fn the_default_path_is_in_the_corpus_exports_folder_and_follows_the_format() {
        let mut d = dialog();
        assert_eq!(d.format, ExportFormat::Json);
        assert_eq!(
            d.path.text(),
            "/data/news/.gloss/exports/news-20261121-091500.json"
        );
        d.apply(Op::Right);
        d.apply(Op::Right);
        assert_eq!(d.format, ExportFormat::Csv);
        assert_eq!(
            d.path.text(),
            "/data/news/.gloss/exports/news-20261121-091500.csv"
        );
    }

    #[test]
    fn formats_cycle_both_ways_and_wrap_around() {
        let mut d = dialog();
        let mut seen = vec![d.format];
        for _ in 0..ExportFormat::ALL.len() {
            d.apply(Op::Right);
            seen.push(d.format);
        }
        assert_eq!(&seen[..5], &ExportFormat::ALL);
        assert_eq!(seen[5], ExportFormat::Json, "wraps around");
        d.apply(Op::Left);
        assert_eq!(d.format, ExportFormat::Webanno);
        assert!(d.path.text().ends_with(".jsonld"));
    }

    #[test]
    fn a_typed_path_keeps_its_name_when_the_format_changes() {
        let mut d = dialog();
        apply_all(&mut d, [Op::ClearPath]);
        for c in "/tmp/out/report.json".chars() {
            d.apply(Op::Type(c));
        }
        d.field = Field::Format;
        d.apply(Op::Right);
        assert_eq!(d.path.text(), "/tmp/out/report.jsonl");
        d.apply(Op::Right);
        assert_eq!(d.path.text(), "/tmp/out/report.csv");
        // A name without the format's extension is left alone.
        d.path.set("/tmp/notes.txt");
        d.apply(Op::Right);
        assert_eq!(d.path.text(), "/tmp/notes.txt");
    }

    #[test]
    fn the_path_is_edited_at_the_cursor() {
        let mut d = dialog();
        d.apply(Op::ClearPath);
        assert_eq!(d.field, Field::Path);
        for c in "/tmp/a.csv".chars() {
            d.apply(Op::Type(c));
        }
        assert_eq!(d.path.cursor(), 10);
        d.apply(Op::Home);
        for _ in 0..5 {
            d.apply(Op::Right);
        }
        apply_all(&mut d, [Op::Delete, Op::Type('é')]);
        assert_eq!(d.path.text(), "/tmp/é.csv");
        for op in [
            Op::End,
            Op::Backspace,
            Op::Backspace,
            Op::Backspace,
            Op::Space,
        ] {
            d.apply(op);
        }
        assert_eq!((d.path.text(), d.path.cursor()), ("/tmp/é. ", 8));
        for op in [Op::Left, Op::Left, Op::Left, Op::Backspace] {
            d.apply(op);
        }
        assert_eq!((d.path.text(), d.path.cursor()), ("/tmpé. ", 4));
        for _ in 0..5 {
            d.apply(Op::Right);
        }
        assert_eq!(d.path.cursor(), 7, "the cursor stops at the end");
    }

    #[test]
    fn fields_cycle_and_options_switch_with_space_or_arrows() {
        let mut d = dialog();
        d.apply(Op::NextField);
        assert_eq!(d.field, Field::CurrentArticle);
        d.apply(Op::Space);
        assert!(d.current_article_only);
        assert_eq!(d.options().filter.articles, ["politics/001"]);
        assert_eq!(d.filter_summary(), ["article: A title"]);
        d.apply(Op::NextField);
        d.apply(Op::Right);
        assert!(d.include_detected && d.options().include_detected);
        apply_all(&mut d, [Op::NextField, Op::NextField]);
        assert_eq!(d.field, Field::Format, "wraps around");
        d.apply(Op::PrevField);
        assert_eq!(d.field, Field::Path);
    }

    fn narrowed() -> ExportDialog {
        let list = ListScope {
            labels: vec!["speaker: Ann Smith".into(), "tag: gaza".into()],
            articles: vec!["a".into(), "b".into()],
            speakers: vec!["Ann Smith".into()],
            tags: vec!["gaza".into()],
            total: 5,
        };
        let article = ArticleChoice {
            id: "c".into(),
            title: "Not in the list".into(),
        };
        ExportDialog::new(&CorpusSource::Bundled, Some(article), Some(list), "x")
    }

    #[test]
    fn a_narrowed_list_is_exported_as_narrowed_unless_switched_off() {
        let mut d = narrowed();
        assert!(d.list_only);
        let f = d.options().filter;
        assert_eq!(
            (f.articles, f.speakers, f.tags),
            (
                vec!["a".to_string(), "b".to_string()],
                vec!["Ann Smith".to_string()],
                vec!["gaza".to_string()]
            )
        );
        assert_eq!(
            d.filter_summary(),
            ["speaker: Ann Smith", "tag: gaza", "2 of 5 articles"]
        );
        assert_eq!(d.fields().len(), 5);
        d.apply(Op::NextField);
        d.apply(Op::NextField);
        assert_eq!(d.field, Field::ListOnly);
        d.apply(Op::Space);
        assert!(d.options().filter.is_empty());
        assert_eq!(d.filter_summary(), ["none: the whole corpus"]);
        // Without a narrowed list the option is skipped.
        let mut plain = dialog();
        plain.apply(Op::NextField);
        plain.apply(Op::NextField);
        assert_eq!(plain.field, Field::Detected);
    }

    #[test]
    fn the_current_article_outside_the_list_exports_nothing() {
        let mut d = narrowed();
        d.current_article_only = true;
        assert_eq!(d.options().filter.articles, [NO_ARTICLE]);
        d.list_only = false;
        assert_eq!(d.options().filter.articles, ["c"]);
    }

    #[test]
    fn current_article_only_needs_an_open_article() {
        let mut d = ExportDialog::new(&CorpusSource::Bundled, None, None, "x");
        d.field = Field::CurrentArticle;
        d.apply(Op::Space);
        assert!(!d.current_article_only);
        assert!(d.options().filter.is_empty());
    }

    #[test]
    fn an_error_keeps_every_choice_and_a_retry_can_succeed() {
        let mut d = dialog();
        apply_all(&mut d, [Op::Right, Op::Right, Op::NextField, Op::Space]);
        apply_all(&mut d, [Op::NextField, Op::Space, Op::ClearPath]);
        for c in "/nope/out.csv".chars() {
            d.apply(Op::Type(c));
        }
        d.apply(Op::Write);
        assert_eq!(d.outcome, Outcome::Writing);
        let before = d.clone();
        d.apply(Op::Finished(Err(
            "cannot write /nope/out.csv: denied".into()
        )));
        assert_eq!(
            d.outcome,
            Outcome::Failed("cannot write /nope/out.csv: denied".into())
        );
        assert_eq!(
            (d.format, d.current_article_only, d.include_detected),
            (before.format, true, true)
        );
        assert_eq!(d.path, before.path);
        assert_eq!(d.field, Field::Path);
        // Fix the path and write again.
        apply_all(
            &mut d,
            [Op::Home, Op::Delete, Op::Delete, Op::Delete, Op::Delete],
        );
        apply_all(&mut d, [Op::Delete, Op::Type('t'), Op::Write]);
        assert_eq!(d.path.text(), "t/out.csv");
        assert_eq!(d.outcome, Outcome::Writing);
        let done = ExportSummary {
            path: "/x/t/out.csv".into(),
            statements: 3,
            articles: 1,
        };
        d.apply(Op::Finished(Ok(done.clone())));
        assert_eq!(d.outcome, Outcome::Written(done));
    }

    #[test]
    fn an_empty_path_is_refused_before_writing() {
        let mut d = dialog();
        apply_all(&mut d, [Op::ClearPath, Op::Space, Op::Backspace, Op::Write]);
        assert!(matches!(&d.outcome, Outcome::Failed(m) if m.contains("file to write")));
    }

    #[test]
    fn relative_and_home_paths_become_absolute() {
        let mut d = dialog();
        d.path.set("out.csv");
        assert_eq!(
            d.destination(),
            std::env::current_dir().unwrap().join("out.csv")
        );
        d.path.set("~/x.csv");
        if let Some(b) = directories::BaseDirs::new() {
            assert_eq!(d.destination(), b.home_dir().join("x.csv"));
        }
    }

    fn job(path: &Path, sidecar: &Path, options: ExportOptions) -> ExportJob {
        let corpus = Corpus::bundled();
        ExportJob {
            format: ExportFormat::Csv,
            path: path.to_path_buf(),
            options,
            sidecar: SidecarSource::File {
                explicit: Some(sidecar.to_path_buf()),
            },
            source: CorpusSource::Bundled,
            analyses: vec![None; corpus.articles.len()],
            articles: corpus.articles.into_iter().map(Arc::new).collect(),
        }
    }

    fn fixture_sidecar() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sidecars/export/sample.json")
    }

    #[test]
    fn a_job_writes_what_gloss_export_writes_and_creates_the_folder() {
        let t = tempfile::tempdir().unwrap();
        let path = t.path().join("new/folder/out.csv");
        let done = job(&path, &fixture_sidecar(), ExportOptions::default())
            .run()
            .unwrap();
        assert_eq!(done.path, path);
        let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/export/sample.csv");
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            fs::read_to_string(golden).unwrap()
        );
        let rows = ::csv::Reader::from_path(&path).unwrap().records().count();
        assert_eq!(done.statements, rows);
    }

    #[test]
    fn a_job_under_a_regular_file_fails_in_one_line_naming_it() {
        let t = tempfile::tempdir().unwrap();
        let blocker = t.path().join("blocker");
        fs::write(&blocker, "a file").unwrap();
        let path = blocker.join("out.csv");
        let err = job(&path, &fixture_sidecar(), ExportOptions::default())
            .run()
            .unwrap_err();
        assert!(!err.contains('\n'));
        assert!(
            err.starts_with(&format!("cannot write {}", path.display())),
            "{err}"
        );
        assert!(err.contains("is a file, not a folder"), "{err}");
        let missing = job(
            &t.path().join("x.csv"),
            &t.path().join("none.json"),
            ExportOptions::default(),
        )
        .run()
        .unwrap_err();
        assert!(missing.contains("none.json"), "{missing}");
    }
}
