//! The variants window: one quotation and the same statement as other
//! articles report it, side by side — this article's wording on the left,
//! the other's on the right — with the words that differ highlighted. The
//! word comparison is done when the window opens ([`crate::tui::views`]);
//! this only lays the words out.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::Widget;

use super::overlay_frame;
use super::speakers::article_line;
use super::{fit, text_width};
use crate::analysis::Span;
use crate::tui::app::App;
use crate::tui::theme::{Role, Theme};
use crate::tui::views::VariantsOverlay;

/// The variants window.
#[derive(Debug, Clone, Copy)]
pub struct VariantsWindow<'a> {
    /// The application (articles, theme).
    pub app: &'a App,
    /// The window's state.
    pub overlay: &'a VariantsOverlay,
}

/// `text` wrapped to `width` columns at spaces, the words inside `changed`
/// spans (byte ranges of `text`) drawn in the diff style.
pub fn wrap_marked(
    text: &str,
    words: &[(Span, bool)],
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let changed = |start: usize, end: usize| {
        words
            .iter()
            .any(|(s, same)| !same && s.start < end && start < s.end)
    };
    let mut lines = Vec::new();
    let mut line: Vec<TextSpan<'static>> = Vec::new();
    let mut used = 0;
    let mut pos = 0;
    for token in text.split_whitespace() {
        let start = text[pos..].find(token).map_or(pos, |i| pos + i);
        let end = start + token.len();
        pos = end;
        let shown = fit(token, width.max(1));
        let w = text_width(&shown);
        if used > 0 && used + 1 + w > width {
            lines.push(Line::from(std::mem::take(&mut line)));
            used = 0;
        }
        if used > 0 {
            line.push(TextSpan::raw(" "));
            used += 1;
        }
        let style = if changed(start, end) {
            theme.ui(Role::DiffChanged)
        } else {
            Style::default()
        };
        line.push(TextSpan::styled(shown, style));
        used += w;
    }
    if !line.is_empty() {
        lines.push(Line::from(line));
    }
    lines
}

/// The lines of the window, entry by entry (the first block is the
/// heading); the index of the highlighted entry's block.
fn blocks(app: &App, o: &VariantsOverlay, width: usize) -> Vec<Vec<Line<'static>>> {
    let theme = &app.theme;
    let col = width.saturating_sub(3) / 2;
    let reference = app
        .articles
        .get(o.reference.article as usize)
        .map_or("", |a| o.reference_span.slice(&a.text));
    let mut arts: Vec<u32> = o.entries.iter().map(|e| e.member.article).collect();
    arts.dedup();
    let mut head = vec![
        Line::styled(
            fit(
                &format!(
                    "{} · in {} other article{}",
                    o.speaker.as_deref().unwrap_or("unattributed"),
                    arts.len(),
                    if arts.len() == 1 { "" } else { "s" }
                ),
                width,
            ),
            theme.ui(Role::Heading),
        ),
        Line::styled(
            fit(
                &format!(
                    "this article: {}",
                    article_line(app, o.reference.article as usize)
                ),
                width,
            ),
            theme.ui(Role::Dim),
        ),
    ];
    head.push(Line::default());
    let mut out = vec![head];
    for (k, e) in o.entries.iter().enumerate() {
        let selected = k == o.selected;
        let title_style = if selected {
            theme.ui(Role::Selected)
        } else {
            theme.ui(Role::Title)
        };
        let mut block = vec![Line::styled(
            fit(&article_line(app, e.member.article as usize), width),
            title_style,
        )];
        let other = app
            .articles
            .get(e.member.article as usize)
            .map_or("", |a| e.span.slice(&a.text));
        let left = wrap_marked(reference, &e.diff.a, col, theme);
        let right = wrap_marked(other, &e.diff.b, col, theme);
        for i in 0..left.len().max(right.len()) {
            let mut spans: Vec<TextSpan<'static>> = Vec::new();
            let l = left.get(i).cloned().unwrap_or_default();
            let lw = l.width();
            spans.extend(l.spans);
            spans.push(TextSpan::raw(" ".repeat(col.saturating_sub(lw))));
            spans.push(TextSpan::styled(" │ ", theme.ui(Role::Dim)));
            spans.extend(right.get(i).cloned().unwrap_or_default().spans);
            block.push(Line::from(spans));
        }
        block.push(Line::default());
        out.push(block);
    }
    out
}

impl Widget for &VariantsWindow<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.app.theme;
        let title = " Same statement in other articles ".into();
        let hint = " left: this article · right: the other · ↑/↓ · Enter read · Esc close ";
        let inner = overlay_frame(theme, title, Some(hint), area, buf);
        let text = Rect::new(
            inner.x + 1,
            inner.y,
            inner.width.saturating_sub(2),
            inner.height,
        );
        let all = blocks(self.app, self.overlay, usize::from(text.width));
        let height = usize::from(text.height);
        // The heading stays; entries scroll so that the highlighted one shows.
        let head = all.first().map_or(0, Vec::len);
        let room = height.saturating_sub(head);
        let sel = self.overlay.selected + 1;
        let mut first = 1;
        while first < sel
            && all[first..=sel.min(all.len() - 1)]
                .iter()
                .map(Vec::len)
                .sum::<usize>()
                > room
        {
            first += 1;
        }
        let lines = all
            .first()
            .into_iter()
            .flatten()
            .chain(all.iter().skip(first).flatten());
        for (k, line) in lines.take(height).enumerate() {
            let y = text.y + u16::try_from(k).unwrap_or(0);
            buf.set_line(text.x, y, line, text.width);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_whole_and_marks_the_changed_ones() {
        let text = "a vivid example of failure";
        let words = [
            (Span::new(0, 1), true),
            (Span::new(2, 7), false),
            (Span::new(8, 15), true),
            (Span::new(16, 18), true),
            (Span::new(19, 26), true),
        ];
        let theme = Theme::default();
        let lines = wrap_marked(text, &words, 12, &theme);
        let shown: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        assert_eq!(shown, ["a vivid", "example of", "failure"]);
        let vivid = &lines[0].spans[2];
        assert_eq!(vivid.content, "vivid");
        assert_eq!(vivid.style, theme.ui(Role::DiffChanged));
        assert_eq!(lines[1].spans[0].style, Style::default());
    }
}
