//! The browsing lines: the filter line above the list (search, filters, sort
//! order), the progress line at the foot of the list while a corpus streams
//! in, the search prompt that replaces the status bar while the search line
//! is open, and the search-match pieces of a reader line.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::fit;
use crate::analysis::Span as TextSpan;
use crate::search::SortKey;
use crate::tui::app::App;
use crate::tui::loading::thousands;
use crate::tui::theme::Role;

/// `5 articles`, or `3 of 5 articles` when the list is narrowed.
pub fn count_label(app: &App) -> String {
    let n = app.articles.len();
    let shown = app.row_count();
    let noun = if n == 1 { "article" } else { "articles" };
    if shown == n {
        format!("{} {noun}", thousands(n))
    } else {
        format!("{} of {} {noun}", thousands(shown), thousands(n))
    }
}

/// The filter line's text: `/peskov · speaker: Dmitry Peskov · by date ↓`.
pub fn filter_text(app: &App) -> String {
    let b = &app.browse;
    let mut parts = Vec::new();
    if b.search.active() {
        parts.push(format!("/{}", b.search.input.trim()));
    }
    if !b.filters.is_empty() {
        parts.push(b.filters.label());
    }
    if b.sort != SortKey::Path || b.descending {
        let arrow = if b.descending { "↓" } else { "↑" };
        parts.push(format!("by {} {arrow}", b.sort.label()));
    }
    parts.join(" · ")
}

/// The filter line, drawn on the first row of `area` (the list's inside).
pub fn render_filter_line(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    let text = fit(&filter_text(app), width.saturating_sub(1));
    buf.set_stringn(
        area.x,
        area.y,
        format!("▸{text}"),
        width,
        app.theme.ui(Role::FilterLine),
    );
}

/// The progress line while a corpus streams in, if one is wanted.
pub fn progress_text(app: &App) -> Option<String> {
    let read = app.articles.len() + app.skipped.len();
    let found = app.loading.and_then(|l| l.files);
    app.browse
        .progress
        .line(read, found, app.articles.len(), app.loading.is_some())
}

/// The status bar while the search line is open: the prompt with what was
/// typed, and how many articles match.
#[derive(Debug, Clone, Copy)]
pub struct SearchPrompt<'a> {
    /// The state to draw.
    pub app: &'a App,
}

impl Widget for &SearchPrompt<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = &app.theme;
        buf.set_style(area, theme.ui(Role::StatusBar));
        let right = format!(" {} · Enter keep · Esc cancel ", count_label(app));
        let right_w = u16::try_from(super::text_width(&right))
            .unwrap_or(0)
            .min(area.width / 2);
        buf.set_stringn(
            area.right() - right_w,
            area.y,
            &right,
            usize::from(right_w),
            theme.ui(Role::StatusBar),
        );
        let room = usize::from(area.width.saturating_sub(right_w + 3));
        let input = &app.browse.search.input;
        // Show the end of a long line: that is where the typing happens.
        let chars: Vec<char> = input.chars().collect();
        let tail: String = chars[chars.len().saturating_sub(room)..].iter().collect();
        let line = Line::from(vec![
            Span::styled(" /", theme.ui(Role::Key)),
            Span::raw(fit(&tail, room)),
            Span::styled("▏", theme.ui(Role::Key)),
        ])
        .style(theme.ui(Role::StatusBar));
        buf.set_line(area.x, area.y, &line, area.width.saturating_sub(right_w));
    }
}

/// How a piece of reader text relates to the search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchMark {
    /// Not matched.
    None,
    /// A match.
    Match,
    /// The match `n`/`N` moved to.
    Current,
}

/// `range` (article bytes) cut at the edges of the sorted `matches`, each
/// piece with its mark.
pub fn split_by_matches(
    range: Range<usize>,
    matches: &[TextSpan],
    current: Option<TextSpan>,
) -> Vec<(Range<usize>, MatchMark)> {
    let mut out = Vec::new();
    let mut at = range.start;
    let first = matches.partition_point(|m| m.end <= range.start);
    for m in &matches[first..] {
        if m.start >= range.end {
            break;
        }
        let (s, e) = (m.start.max(at), m.end.min(range.end));
        if s > at {
            out.push((at..s, MatchMark::None));
        }
        let mark = if Some(*m) == current {
            MatchMark::Current
        } else {
            MatchMark::Match
        };
        out.push((s..e, mark));
        at = e;
    }
    if at < range.end {
        out.push((at..range.end, MatchMark::None));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_is_cut_at_the_matches_it_overlaps() {
        let m = [
            TextSpan::new(2, 5),
            TextSpan::new(8, 12),
            TextSpan::new(20, 22),
        ];
        assert_eq!(
            split_by_matches(0..10, &m, Some(m[1])),
            [
                (0..2, MatchMark::None),
                (2..5, MatchMark::Match),
                (5..8, MatchMark::None),
                (8..10, MatchMark::Current),
            ]
        );
        assert_eq!(
            split_by_matches(12..20, &m, None),
            [(12..20, MatchMark::None)]
        );
        assert_eq!(split_by_matches(3..4, &m, None), [(3..4, MatchMark::Match)]);
    }
}
