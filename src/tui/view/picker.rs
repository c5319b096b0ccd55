//! The picker window: the typed query on top, the matching values below (a
//! check before marked ones, the count on the right, the `new: …` entry
//! last), the highlighted one in the selection style. Draws a
//! [`Picker`](crate::tui::picker::Picker) and changes nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::overlay_frame;
use super::{fit, text_width};
use crate::tui::picker::{Entry, Picker};
use crate::tui::theme::{Role, Theme};

/// Widest the window gets.
const MAX_WIDTH: u16 = 64;
/// Most entries shown at once.
const MAX_ROWS: u16 = 12;

/// The picker window.
#[derive(Debug, Clone, Copy)]
pub struct PickerView<'a> {
    /// What to draw.
    pub picker: &'a Picker,
    /// The styles.
    pub theme: &'a Theme,
}

/// Where the window goes on a screen of `screen`: centred, sized to the
/// entries (between 3 and [`MAX_ROWS`] of them).
pub fn window(screen: Rect, picker: &Picker) -> Rect {
    let width = screen.width.saturating_sub(4).min(MAX_WIDTH);
    let entries = u16::try_from(picker.len()).unwrap_or(MAX_ROWS);
    // Border, query line, rule, entries, border.
    let height = (entries.clamp(3, MAX_ROWS) + 4).min(screen.height.saturating_sub(2));
    Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    )
}

impl Widget for &PickerView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (picker, theme) = (self.picker, self.theme);
        let title = format!(" {} ", picker.title);
        let hint = " ↑/↓ move · Enter choose · Esc cancel ";
        let inner = overlay_frame(theme, title, Some(hint), area, buf);
        if inner.height < 3 || inner.width < 4 {
            return;
        }
        let width = usize::from(inner.width - 2);
        let x = inner.x + 1;

        // The query, with a block cursor after it.
        let query = fit(picker.query(), width.saturating_sub(3));
        let line = Line::from(vec![
            Span::styled("› ", theme.ui(Role::Key)),
            Span::raw(query),
            Span::styled(" ", theme.ui(Role::Selected)),
        ]);
        buf.set_line(x, inner.y, &line, inner.width - 2);
        buf.set_stringn(
            inner.x,
            inner.y + 1,
            "─".repeat(usize::from(inner.width)),
            usize::from(inner.width),
            theme.ui(Role::Border),
        );

        let rows = usize::from(inner.height - 2);
        if picker.is_empty() {
            buf.set_stringn(x, inner.y + 2, "no match", width, theme.ui(Role::Dim));
            return;
        }
        let first = picker.first_visible(rows);
        for (k, i) in (first..picker.len()).take(rows).enumerate() {
            let Some(entry) = picker.entry(i) else { break };
            let y = inner.y + 2 + u16::try_from(k).unwrap_or(0);
            let highlighted = i == picker.selected();
            let base = if highlighted {
                theme.ui(Role::Selected)
            } else {
                theme.ui(Role::ListTitle)
            };
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), base);
            let (mark, label, count) = match entry {
                Entry::Existing(c) => (
                    if c.marked { "✓ " } else { "  " },
                    c.label.clone(),
                    c.count.to_string(),
                ),
                Entry::New(s) => ("+ ", format!("new: {s}"), String::new()),
            };
            let count_w = text_width(&count);
            let label = fit(&label, width.saturating_sub(count_w + 3));
            let pad = width.saturating_sub(2 + text_width(&label) + count_w);
            let count_style = if highlighted {
                base
            } else {
                theme.ui(Role::ListMeta)
            };
            let line = Line::from(vec![
                Span::styled(mark, theme.ui(Role::Key).patch(base)),
                Span::styled(label, base),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, count_style),
            ]);
            buf.set_line(x, y, &line, inner.width - 2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::picker::Candidate;

    fn draw(p: &Picker, w: u16, h: u16) -> Vec<String> {
        let screen = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(screen);
        let theme = Theme::monochrome();
        let area = window(screen, p);
        (&PickerView {
            picker: p,
            theme: &theme,
        })
            .render(area, &mut buf);
        (0..h)
            .map(|y| {
                (0..w)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
            })
            .collect()
    }

    #[test]
    fn entries_show_marks_counts_and_the_new_entry() {
        let mut tags = vec![
            Candidate::new("blame-them", 3),
            Candidate::new("blame-us", 1),
        ];
        tags[1].marked = true;
        let mut p = Picker::new("Tag", tags, true);
        p.set_query("blame");
        let rows = draw(&p, 60, 20);
        let text = rows.join("\n");
        assert!(text.contains("› blame"), "{text}");
        assert!(text.contains("✓ blame-us"), "{text}");
        assert!(text.contains("+ new: blame"), "{text}");
        let them = rows.iter().find(|r| r.contains("blame-them")).expect("row");
        assert!(
            them.trim_end()
                .trim_end_matches('│')
                .trim_end()
                .ends_with('3')
        );
    }

    #[test]
    fn a_long_list_scrolls_to_the_highlighted_entry() {
        let cands = (0..30)
            .map(|i| Candidate::new(format!("name{i:02}"), 1))
            .collect();
        let mut p = Picker::new("Speaker", cands, false);
        for _ in 0..20 {
            p.down();
        }
        let text = draw(&p, 60, 24).join("\n");
        assert!(text.contains("name20"), "{text}");
        assert!(!text.contains("name00"), "{text}");
    }
}
