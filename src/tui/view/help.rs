//! The help overlay: every key binding, generated from the keymap, the mouse,
//! and the legend of highlight styles from the theme.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::overlay_frame;
use super::text_width;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::theme::{Role, Theme};

/// Columns given to the keys before their description.
const KEY_COLUMN: usize = 18;

/// The help window.
#[derive(Debug, Clone, Copy)]
pub struct HelpOverlay<'a> {
    /// The state to draw.
    pub app: &'a App,
    /// First line shown.
    pub scroll: usize,
}

/// The help text, one entry per line.
pub fn lines(theme: &Theme) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for (title, rows) in keymap::help_sections() {
        out.push(Line::styled(title, theme.ui(Role::Heading)));
        for row in rows {
            let pad = KEY_COLUMN.saturating_sub(text_width(&row.keys));
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(row.keys, theme.ui(Role::Key)),
                Span::raw(" ".repeat(pad)),
                Span::raw(row.description),
            ]));
        }
        out.push(Line::default());
    }
    out.push(Line::styled(
        "Highlights (h turns them on and off)",
        theme.ui(Role::Heading),
    ));
    for (sample, style, meaning) in theme.legend() {
        let pad = KEY_COLUMN.saturating_sub(text_width(sample));
        out.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(sample, style),
            Span::raw(" ".repeat(pad)),
            Span::raw(meaning),
        ]));
    }
    out
}

impl Widget for &HelpOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.app.theme;
        let hint = " ↑/↓ scroll · Esc or ? close ";
        let inner = overlay_frame(theme, " Help ".into(), Some(hint), area, buf);
        scrolled_lines(&lines(theme), self.scroll, inner, buf);
    }
}

/// Draws `lines` from `scroll` on, one per row, cut at the right edge.
pub fn scrolled_lines(lines: &[Line<'_>], scroll: usize, area: Rect, buf: &mut Buffer) {
    let inner = Rect::new(
        area.x + 1,
        area.y,
        area.width.saturating_sub(2),
        area.height,
    );
    let visible = lines.iter().skip(scroll).take(usize::from(inner.height));
    for (k, line) in visible.enumerate() {
        let y = inner.y + u16::try_from(k).unwrap_or(0);
        buf.set_line(inner.x, y, line, inner.width);
    }
}
