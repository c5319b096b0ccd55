//! The warnings overlay: files that were skipped (binary, unreadable) and
//! articles that were loaded with a warning (invalid UTF-8, control characters).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::help::scrolled_lines;
use super::overlay_frame;
use crate::corpus::normalize::display_safe;
use crate::tui::app::App;
use crate::tui::theme::Role;

/// The warnings window.
#[derive(Debug, Clone, Copy)]
pub struct WarningsOverlay<'a> {
    /// The state to draw.
    pub app: &'a App,
    /// First line shown.
    pub scroll: usize,
}

/// The warnings text, one entry per line (file names made safe to draw).
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut out = Vec::new();
    out.push(Line::styled(
        format!("Skipped files ({})", app.skipped.len()),
        theme.ui(Role::Heading),
    ));
    for s in &app.skipped {
        out.push(Line::from(vec![
            Span::raw("  "),
            Span::styled("⚠ ", theme.ui(Role::Warning)),
            Span::raw(display_safe(&s.to_string()).into_owned()),
        ]));
    }
    out.push(Line::default());
    let flagged: Vec<_> = app
        .articles
        .iter()
        .filter(|a| !a.warnings.is_empty())
        .collect();
    out.push(Line::styled(
        format!("Articles with warnings ({})", flagged.len()),
        theme.ui(Role::Heading),
    ));
    for a in flagged {
        for w in &a.warnings {
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled("⚠ ", theme.ui(Role::Warning)),
                Span::raw(format!("{}: {w}", display_safe(&a.path))),
            ]));
        }
    }
    out
}

impl Widget for &WarningsOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let hint = " ↑/↓ scroll · Esc or w close ";
        let inner = overlay_frame(&self.app.theme, " Warnings ".into(), Some(hint), area, buf);
        scrolled_lines(&lines(self.app), self.scroll, inner, buf);
    }
}
