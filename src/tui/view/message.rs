//! A few centred lines instead of the layout: the terminal is too small, or
//! the corpus holds no article.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::{fit, text_width};
use crate::tui::app::App;
use crate::tui::theme::Role;

/// Centred lines of text.
#[derive(Debug, Clone)]
pub struct Message {
    /// The lines, top to bottom.
    pub lines: Vec<String>,
    /// Their style.
    pub style: Style,
}

impl Widget for Message {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let n = u16::try_from(self.lines.len()).unwrap_or(u16::MAX);
        let top = area.y + area.height.saturating_sub(n) / 2;
        for (i, line) in self.lines.iter().enumerate() {
            let y = top + u16::try_from(i).unwrap_or(u16::MAX);
            if y >= area.bottom() {
                break;
            }
            let text = fit(line, usize::from(area.width));
            let w = u16::try_from(text_width(&text))
                .unwrap_or(area.width)
                .min(area.width);
            let x = area.x + (area.width - w) / 2;
            buf.set_stringn(x, y, &text, usize::from(area.width), self.style);
        }
    }
}

/// The message shown for a corpus without articles.
pub fn empty_corpus(app: &App) -> Message {
    if app.loading.is_some() {
        return Message {
            lines: vec![format!("Loading {}…", app.source_name)],
            style: app.theme.ui(Role::Message),
        };
    }
    let mut lines = vec![format!("No articles (.txt or .md) in {}", app.source_name)];
    if !app.skipped.is_empty() {
        lines.push(format!(
            "{} file(s) skipped — press w to see why",
            app.skipped.len()
        ));
    }
    lines.push("Press q to quit.".to_string());
    Message {
        lines,
        style: app.theme.ui(Role::Message),
    }
}
