//! The article list: two rows per article (a warning marker and the title;
//! date, word count and, once analysed, the number of quotations), the
//! selection, and a header with the counts of articles and skipped files.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::symbols::border;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use super::{filter_bar, fit};
use crate::analysis::QuoteKind;
use crate::tui::app::App;
use crate::tui::layout::LIST_ITEM_HEIGHT;
use crate::tui::theme::Role;

/// The marker shown before the title of an article with warnings.
pub const WARNING_MARKER: &str = "⚠";

/// The list pane.
#[derive(Debug, Clone, Copy)]
pub struct ArticleList<'a> {
    /// The state to draw.
    pub app: &'a App,
    /// Whether the list has the focus.
    pub focused: bool,
}

/// "5 articles · 1 skipped", "3 of 5 articles" when narrowed, or
/// "512 of 2225 files · loading…" while loading.
pub fn header(app: &App) -> String {
    let n = app.articles.len();
    let mut s = match app.loading.and_then(|l| l.files) {
        Some(files) => format!("{n} of {files} files"),
        None => filter_bar::count_label(app),
    };
    if !app.skipped.is_empty() {
        s.push_str(&format!(" · {} skipped", app.skipped.len()));
    }
    if app.loading.is_some() {
        s.push_str(" · loading…");
    }
    s
}

impl Widget for &ArticleList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = &app.theme;
        let block = pane_block(app, self.focused).title(format!(" {} ", header(app)));
        let mut inner = block.inner(area);
        block.render(area, buf);
        if app.browse.has_filter_line() {
            filter_bar::render_filter_line(app, inner, buf);
            inner.y += 1;
            inner.height = inner.height.saturating_sub(1);
        }
        let count = app.row_count();

        let rows = usize::from(inner.height / LIST_ITEM_HEIGHT);
        let width = usize::from(inner.width);
        for (k, row) in (app.list.offset..count).take(rows).enumerate() {
            let Some((i, article)) = app
                .row_article(row)
                .and_then(|i| app.articles.get(i).map(|a| (i, a)))
            else {
                break;
            };
            let y = inner.y + u16::try_from(k).unwrap_or(0) * LIST_ITEM_HEIGHT;
            let selected = row == app.list.selected;
            let base = match (selected, self.focused) {
                (true, true) => theme.ui(Role::Selected),
                (true, false) => theme.ui(Role::SelectedUnfocused),
                _ => theme.ui(Role::ListTitle),
            };
            let item = Rect::new(inner.x, y, inner.width, LIST_ITEM_HEIGHT);
            buf.set_style(item, base);

            let marker = if article.warnings.is_empty() {
                " "
            } else {
                WARNING_MARKER
            };
            let title = Line::from(vec![
                Span::styled(marker, theme.ui(Role::Warning)),
                Span::raw(" "),
                // The article open in the reader stands out.
                Span::styled(
                    fit(&article.meta.title, width.saturating_sub(2)),
                    if app.reader.article == Some(i) {
                        theme.ui(Role::Title)
                    } else {
                        theme.ui(Role::ListTitle)
                    },
                ),
            ]);
            buf.set_line(inner.x, y, &title, inner.width);

            let mut details = Vec::new();
            // Annotated articles say so first, where it is never cut off.
            if let Some(n) = app.annotate.counts.get(&article.id.0) {
                details.push(format!("✎{n}"));
            }
            details.extend(article.meta.date.clone());
            details.push(format!("{} words", article.meta.word_count));
            if let Some(a) = app.analysis(i) {
                let quotes = a
                    .quotes
                    .iter()
                    .filter(|q| q.kind != QuoteKind::Term)
                    .count();
                details.push(format!(
                    "{quotes} quote{}",
                    if quotes == 1 { "" } else { "s" }
                ));
            }
            if app.browse.search.active() {
                let m = app.browse.count(i);
                details.insert(0, format!("{m} match{}", if m == 1 { "" } else { "es" }));
            }
            let details = fit(&details.join(" · "), width.saturating_sub(2));
            let style = if selected {
                base
            } else {
                theme.ui(Role::ListMeta)
            };
            buf.set_stringn(inner.x + 2, y + 1, details, width.saturating_sub(2), style);
        }

        if count > rows {
            let mut state =
                ScrollbarState::new(count.saturating_sub(rows)).position(app.list.offset);
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .symbols(ratatui::symbols::scrollbar::VERTICAL)
                .begin_symbol(None)
                .end_symbol(None)
                .style(theme.ui(Role::Dim))
                .render(area.inner(Margin::new(0, 1)), buf, &mut state);
        }
    }
}

/// The bordered block of a pane; the focused pane's border is heavier.
pub fn pane_block(app: &App, focused: bool) -> Block<'static> {
    let theme = &app.theme;
    let (set, style) = if focused {
        (border::THICK, theme.ui(Role::BorderFocused))
    } else {
        (border::PLAIN, theme.ui(Role::Border))
    };
    Block::bordered()
        .border_set(set)
        .border_style(style)
        .title_style(theme.ui(Role::Title))
}
