//! The reader pane: the open article's display lines, taken from its wrap
//! table (built beforehand by the state), from the scroll position down.

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use super::filter_bar::{MatchMark, split_by_matches};
use super::fit;
use super::list::pane_block;
use crate::corpus::normalize::display_safe;
use crate::tui::app::App;
use crate::tui::theme::Role;
use crate::tui::wrap::Source;

/// The reader pane.
#[derive(Debug, Clone, Copy)]
pub struct Reader<'a> {
    /// The state to draw.
    pub app: &'a App,
    /// Whether the reader has the focus.
    pub focused: bool,
}

impl Widget for &Reader<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = &app.theme;
        let Some((index, article)) = app
            .reader
            .article
            .and_then(|i| app.articles.get(i).map(|a| (i, a)))
        else {
            pane_block(app, self.focused).render(area, buf);
            return;
        };
        let title_width = usize::from(area.width.saturating_sub(4));
        let mut block = pane_block(app, self.focused).title(format!(
            " {} ",
            fit(&article.meta.title, title_width.saturating_sub(2))
        ));
        let status = if !app.highlights {
            Some("highlights off")
        } else if app.analysis(index).is_none() {
            Some("analysing…")
        } else {
            None
        };
        if let Some(s) = status {
            block = block
                .title_bottom(Line::styled(format!(" {s} "), theme.ui(Role::Dim)).right_aligned());
        }
        if let Some(s) = crate::tui::annotate::article_summary(app) {
            let s = fit(&s, title_width.saturating_sub(16));
            block = block.title_bottom(Line::styled(
                format!(" {s} "),
                theme.ui(Role::AnnotationMark),
            ));
        }
        let inner = block.inner(area);
        block.render(area, buf);
        // The text sits one column in from the border on each side.
        let text_area = inner.inner(Margin::new(1, 0));

        let table = &app.reader.table;
        let current = app
            .browse
            .current_match
            .and_then(|m| app.browse.matches.get(m).copied());
        let rows = usize::from(text_area.height);
        for (k, line) in table
            .lines
            .iter()
            .skip(app.reader.scroll)
            .take(rows)
            .enumerate()
        {
            let y = text_area.y + u16::try_from(k).unwrap_or(0);
            let mut x = text_area.x;
            for seg in &line.segments {
                let remaining = usize::from(text_area.right().saturating_sub(x));
                if remaining == 0 {
                    break;
                }
                let style = theme.text(seg.style);
                match &seg.source {
                    Source::Text(range) if !app.browse.matches.is_empty() => {
                        for (piece, mark) in
                            split_by_matches(range.clone(), &app.browse.matches, current)
                        {
                            let remaining = usize::from(text_area.right().saturating_sub(x));
                            let text = display_safe(article.text.get(piece).unwrap_or(""));
                            let style = match mark {
                                MatchMark::None => style,
                                MatchMark::Match => style.patch(theme.ui(Role::SearchMatch)),
                                MatchMark::Current => style.patch(theme.ui(Role::CurrentMatch)),
                            };
                            (x, _) = buf.set_stringn(x, y, text, remaining, style);
                        }
                    }
                    _ => {
                        let text = table.segment_text(&article.text, seg);
                        (x, _) = buf.set_stringn(x, y, text, remaining, style);
                    }
                }
            }
        }

        super::marks::paint(app, text_area, buf);

        if table.len() > rows {
            let mut state =
                ScrollbarState::new(table.len().saturating_sub(rows)).position(app.reader.scroll);
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .symbols(ratatui::symbols::scrollbar::VERTICAL)
                .begin_symbol(None)
                .end_symbol(None)
                .style(theme.ui(Role::Dim))
                .render(area.inner(Margin::new(0, 1)), buf, &mut state);
        }
    }
}
