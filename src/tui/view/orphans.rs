//! The window listing annotations that could not be placed in their
//! article's text (the text changed, or the article is gone): article, the
//! text they were on, their note and why. They are kept in the sidecar, never
//! dropped; this window only shows them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::help::scrolled_lines;
use super::overlay_frame;
use crate::corpus::normalize::display_safe;
use crate::tui::app::App;
use crate::tui::theme::Role;

/// The orphans window.
#[derive(Debug, Clone, Copy)]
pub struct OrphansOverlay<'a> {
    /// The state to draw.
    pub app: &'a App,
    /// First line shown.
    pub scroll: usize,
}

/// The window's text, one entry per line.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let orphans = &app.annotate.orphans;
    let mut out = vec![Line::styled(
        format!(
            "Annotations that could not be placed ({}) — kept in the sidecar",
            orphans.len()
        ),
        theme.ui(Role::Heading),
    )];
    if orphans.is_empty() {
        out.push(Line::styled(
            "  every annotation is placed in its article",
            theme.ui(Role::Dim),
        ));
    }
    for o in orphans {
        out.push(Line::default());
        out.push(Line::from(vec![
            Span::styled("  ⚠ ", theme.ui(Role::Warning)),
            Span::styled(display_safe(&o.article).into_owned(), theme.ui(Role::Title)),
            Span::styled(format!("  ({})", o.reason), theme.ui(Role::Dim)),
        ]));
        out.push(Line::raw(format!(
            "    “{}”",
            display_safe(&o.exact.replace('\n', " "))
        )));
        for note in o.note.lines().filter(|l| !l.trim().is_empty()) {
            out.push(Line::styled(
                format!("    ✎ {}", display_safe(note)),
                theme.ui(Role::ListMeta),
            ));
        }
    }
    out
}

impl Widget for &OrphansOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let title = " Annotations not placed ".into();
        let hint = " ↑/↓ scroll · Esc or o close ";
        let inner = overlay_frame(&self.app.theme, title, Some(hint), area, buf);
        scrolled_lines(&lines(self.app), self.scroll, inner, buf);
    }
}
