//! The status bar: the keys of the focused pane (or open overlay), straight
//! from the keymap, and the position: article i/n and how far down it is.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{fit, text_width};
use crate::tui::annotate;
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
        let state: Vec<String> = super::filter_bar::progress_text(self.app)
            .into_iter()
            .chain(annotate::sidecar_state(self.app).map(str::to_string))
            .collect();
        let pos = match state.as_slice() {
            [] => format!(" {} ", position(self.app)),
            parts => format!(" {} · {} ", parts.join(" · "), position(self.app)),
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
        // A message (saved, read-only, an error…) replaces the hints until the next key.
        if let Some(n) = &self.app.annotate.notice {
            let role = if n.error {
                Role::Warning
            } else {
                Role::Message
            };
            spans.push(Span::styled(
                fit(&n.text, usize::from(area.width)),
                theme.ui(role),
            ));
            let line = Line::from(spans).style(theme.ui(Role::StatusBar));
            buf.set_line(area.x, area.y, &line, area.width.saturating_sub(pos_w + 1));
            return;
        }
        if let Some(s) = annotate::selection_summary(self.app) {
            spans.push(Span::styled(fit(&s, 48), theme.ui(Role::Title)));
            spans.push(Span::raw(" │ "));
        }
        for (keys, what) in keymap::hints(self.app.context()) {
            spans.push(Span::styled(keys, theme.ui(Role::Key)));
            spans.push(Span::raw(format!(" {what}  ")));
        }
        let line = Line::from(spans).style(theme.ui(Role::StatusBar));
        buf.set_line(area.x, area.y, &line, area.width.saturating_sub(pos_w + 1));
    }
}
