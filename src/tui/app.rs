//! The application state: what is loaded, what is selected, open and focused,
//! which overlay is showing, and the reader's wrap table. Changed only by
//! [`super::update::update`]; read by the views. No I/O, no drawing.

use std::sync::Arc;

use ratatui::layout::Rect;

use super::action::Pane;
use super::annotate::AnnotateState;
use super::browse::Browse;
use super::export_dialog::Exports;
use super::keymap::Context;
use super::layout::AppLayout;
use super::theme::Theme;
use super::views::Views;
use super::wrap::WrapTable;
use crate::analysis::Analysis;
use crate::corpus::{Article, Corpus, CorpusSource, Skipped};

/// A window drawn over the panes; it takes the keys while open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// Every key, the mouse, and the highlight legend.
    Help {
        /// First line shown.
        scroll: usize,
    },
    /// Skipped files and per-article warnings.
    Warnings {
        /// First line shown.
        scroll: usize,
    },
    /// Annotations that could not be placed in their article's text.
    Orphans {
        /// First line shown.
        scroll: usize,
    },
    /// The export dialog (its state is in [`App::export`]).
    Export,
}

impl Overlay {
    /// The keymap context active while this overlay is open.
    pub const fn context(&self) -> Context {
        match self {
            Self::Help { .. } => Context::Help,
            Self::Warnings { .. } => Context::Warnings,
            Self::Orphans { .. } => Context::Orphans,
            Self::Export => Context::Export,
        }
    }

    /// The overlay's scroll position (`None`: it does not scroll).
    pub fn scroll_mut(&mut self) -> Option<&mut usize> {
        match self {
            Self::Help { scroll } | Self::Warnings { scroll } | Self::Orphans { scroll } => {
                Some(scroll)
            }
            Self::Export => None,
        }
    }
}

/// The article list's selection and scroll position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListState {
    /// Index of the selected article.
    pub selected: usize,
    /// Index of the first article shown.
    pub offset: usize,
}

/// The reader: which article is open, laid out how, scrolled where.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReaderState {
    /// Index of the open article.
    pub article: Option<usize>,
    /// First display line shown.
    pub scroll: usize,
    /// The open article laid out for the reader's width.
    pub table: WrapTable,
}

/// Progress of a corpus that is still being read in the background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Loading {
    /// Article files found, once the loader has listed them.
    pub files: Option<usize>,
}

/// Everything the interface shows.
#[derive(Debug, Clone)]
pub struct App {
    /// The articles, in corpus order.
    pub articles: Vec<Arc<Article>>,
    /// Files that were found but not loaded.
    pub skipped: Vec<Skipped>,
    /// The corpus, as named in messages (a path or "sample corpus").
    pub source_name: String,
    /// Set while the corpus is still being loaded in the background.
    pub loading: Option<Loading>,
    /// The pane that takes the keys when no overlay is open.
    pub focus: Pane,
    /// The open overlay, if any.
    pub overlay: Option<Overlay>,
    /// The list's selection.
    pub list: ListState,
    /// The reader.
    pub reader: ReaderState,
    /// Analyses received so far, by article index.
    pub analyses: Vec<Option<Arc<Analysis>>>,
    /// Whether entities and quotations are highlighted.
    pub highlights: bool,
    /// The terminal area.
    pub area: Rect,
    /// The styles.
    pub theme: Theme,
    /// Set when the user asked to leave.
    pub quit: bool,
    /// Set when the screen must be redrawn.
    pub dirty: bool,
    /// The annotations, the statement selection, pickers and the note editor.
    pub annotate: AnnotateState,
    /// Search, filters, sort order and loading progress of the list.
    pub browse: Browse,
    /// The export dialog and what it needs to know of the corpus.
    pub export: Exports,
    /// The speakers, entities and variants views.
    pub views: Views,
}

impl App {
    /// The app on `corpus`, for a terminal of size `area`, with the first
    /// article open and the list focused.
    pub fn new(corpus: Corpus, theme: Theme, area: Rect) -> Self {
        let mut app = Self::loading(&corpus.source, theme, area);
        app.loading = None;
        app.skipped = corpus.skipped;
        app.add_articles(corpus.articles);
        app.index_now();
        app
    }

    /// The app on a corpus that is still to be loaded: no article yet.
    pub fn loading(source: &CorpusSource, theme: Theme, area: Rect) -> Self {
        Self {
            articles: Vec::new(),
            skipped: Vec::new(),
            source_name: source.display_name(),
            loading: Some(Loading::default()),
            focus: Pane::List,
            overlay: None,
            list: ListState::default(),
            reader: ReaderState::default(),
            analyses: Vec::new(),
            highlights: true,
            area,
            theme,
            quit: false,
            dirty: true,
            annotate: AnnotateState::default(),
            browse: Browse::default(),
            export: Exports {
                source: Some(source.clone()),
                ..Exports::default()
            },
            views: Views::default(),
        }
    }

    /// Appends the next articles of the corpus; the first one to arrive is
    /// opened.
    pub fn add_articles(&mut self, articles: Vec<Article>) {
        let first = self.articles.is_empty() && !articles.is_empty();
        self.analyses.extend(articles.iter().map(|_| None));
        let start = self.articles.len();
        self.articles.extend(articles.into_iter().map(Arc::new));
        self.note_articles_added(start);
        if first {
            self.open(0);
        }
    }

    /// The current geometry.
    pub fn layout(&self) -> AppLayout {
        self.browse_layout(AppLayout::new(self.area))
    }

    /// Where keys are looked up first.
    pub fn context(&self) -> Context {
        if let Some(c) = self.annotate.modal_context() {
            return c;
        }
        match (&self.overlay, self.focus) {
            (Some(o), _) => o.context(),
            (None, _) if self.browse.filter_menu.is_some() => Context::FilterMenu,
            (None, _) if let Some(c) = self.views.context() => c,
            (None, _) if self.browse.search.editing => Context::Search,
            (None, _) if self.articles.is_empty() => Context::Global,
            (None, Pane::List) => Context::List,
            (None, Pane::Reader) => self.annotate.reader_context(),
        }
    }

    /// The open article.
    pub fn open_article(&self) -> Option<&Article> {
        self.reader
            .article
            .and_then(|i| self.articles.get(i))
            .map(|a| &**a)
    }

    /// The analysis of article `i`, once it has arrived.
    pub fn analysis(&self, i: usize) -> Option<&Arc<Analysis>> {
        self.analyses.get(i).and_then(Option::as_ref)
    }

    /// Opens article `i` in the reader, at its top.
    pub fn open(&mut self, i: usize) {
        if i >= self.articles.len() {
            return;
        }
        self.reader.article = Some(i);
        self.reader.scroll = 0;
        self.relayout_reader();
        self.update_matches();
    }

    /// Rebuilds the wrap table of the open article (after a change of width,
    /// analysis or highlight switch), keeping the line at the top in view.
    pub fn relayout_reader(&mut self) {
        let Some(i) = self.reader.article else {
            self.reader.table = WrapTable::default();
            self.refresh_marks();
            return;
        };
        let top_offset = self
            .reader
            .table
            .lines
            .get(self.reader.scroll)
            .map(|l| l.range.start);
        let width = self.layout().reader_text.width;
        self.refresh_marks();
        let analysis = self.display_analysis(i).map(|a| self.views_display(i, a));
        let table = match self.articles.get(i) {
            Some(article) => WrapTable::build(article, analysis.as_deref(), width),
            None => WrapTable::default(),
        };
        self.reader.table = table;
        self.reader.scroll = match top_offset {
            Some(off) if self.reader.scroll > 0 => self.reader.table.line_at_offset(off),
            _ => 0,
        };
        self.clamp_reader();
    }

    /// Rows of text the reader shows at once.
    pub fn reader_rows(&self) -> usize {
        usize::from(self.layout().reader_text.height).max(1)
    }

    /// The largest useful reader scroll position.
    pub fn reader_max_scroll(&self) -> usize {
        self.reader.table.len().saturating_sub(self.reader_rows())
    }

    /// Keeps the reader scroll inside the text.
    pub fn clamp_reader(&mut self) {
        self.reader.scroll = self.reader.scroll.min(self.reader_max_scroll());
    }

    /// How far down the open article the reader is, 0–100.
    pub fn reader_percent(&self) -> usize {
        match self.reader_max_scroll() {
            0 => 100,
            max => self.reader.scroll * 100 / max,
        }
    }

    /// Keeps the selection inside the list and in view.
    pub fn clamp_list(&mut self) {
        let n = self.row_count();
        let rows = self.layout().list_rows();
        self.list.selected = self.list.selected.min(n.saturating_sub(1));
        if self.list.selected < self.list.offset {
            self.list.offset = self.list.selected;
        } else if self.list.selected >= self.list.offset + rows {
            self.list.offset = self.list.selected + 1 - rows;
        }
        self.list.offset = self.list.offset.min(n.saturating_sub(rows));
    }
}
