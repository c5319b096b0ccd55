//! The status bar: the keys of the focused pane (or open overlay), straight
//! from the keymap, and the position: article i/n and how far down it is.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::text_width;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::theme::Role;

/// The bottom line.
#[derive(Debug, Clone, Copy)]
pub struct StatusBar<'a> {
    /// The state to draw.
    pub app: &'a App,
}

/// "article 3/5 · 42%", or the number of articles when none is open.
pub fn position(app: &App) -> String {
    match app.reader.article {
        Some(i) => format!(
            "article {}/{} · {}%",
            i + 1,
            app.articles.len(),
            app.reader_percent()
        ),
        None => format!("{} articles", app.articles.len()),
    }
}

impl Widget for &StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if self.app.browse.search.editing {
            return super::filter_bar::SearchPrompt { app: self.app }.render(area, buf);
        }
        let theme = &self.app.theme;
        buf.set_style(area, theme.ui(Role::StatusBar));
        let pos = match super::filter_bar::progress_text(self.app) {
            Some(progress) => format!(" {progress} · {} ", position(self.app)),
            None => format!(" {} ", position(self.app)),
        };
        let pos_w = u16::try_from(text_width(&pos)).unwrap_or(0).min(area.width);
        buf.set_stringn(
            area.right() - pos_w,
            area.y,
            &pos,
            usize::from(pos_w),
            theme.ui(Role::StatusBar),
        );

        let mut spans = vec![Span::raw(" ")];
        for (keys, what) in keymap::hints(self.app.context()) {
            spans.push(Span::styled(keys, theme.ui(Role::Key)));
            spans.push(Span::raw(format!(" {what}  ")));
        }
        let line = Line::from(spans).style(theme.ui(Role::StatusBar));
        buf.set_line(area.x, area.y, &line, area.width.saturating_sub(pos_w + 1));
    }
}
