//! The note editor window: the note wrapped to the window's width, the
//! cursor as a highlighted cell, scrolled to keep the cursor in view. Draws a
//! [`NoteEditor`](crate::tui::note_editor::NoteEditor) and changes nothing.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::fit;
use super::overlay_frame;
use crate::corpus::normalize::display_safe;
use crate::tui::note_editor::NoteEditor;
use crate::tui::theme::{Role, Theme};

/// The note editor window.
#[derive(Debug, Clone, Copy)]
pub struct NoteEditorView<'a> {
    /// What to draw.
    pub editor: &'a NoteEditor,
    /// The styles.
    pub theme: &'a Theme,
}

/// Where the window goes on a screen of `screen`: centred, up to 72×16.
pub fn window(screen: Rect) -> Rect {
    let width = screen.width.saturating_sub(4).min(72);
    let height = screen.height.saturating_sub(4).min(16);
    Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    )
}

impl Widget for &NoteEditorView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (editor, theme) = (self.editor, self.theme);
        let title_width = usize::from(area.width.saturating_sub(4));
        let title = format!(" {} ", fit(&editor.title, title_width.saturating_sub(2)));
        let hint = " Ctrl-S save · Esc cancel ";
        let inner = overlay_frame(theme, title, Some(hint), area, buf);
        if inner.width < 3 || inner.height == 0 {
            return;
        }
        let text = Rect::new(inner.x + 1, inner.y, inner.width - 2, inner.height);
        let (rows, (cursor_row, cursor_col)) = editor.layout(text.width);
        let height = usize::from(text.height);
        let first = (cursor_row + 1).saturating_sub(height);
        for (k, row) in rows.iter().skip(first).take(height).enumerate() {
            let y = text.y + u16::try_from(k).unwrap_or(0);
            let line = editor.lines()[row.line]
                .get(row.range.clone())
                .unwrap_or("");
            buf.set_stringn(
                text.x,
                y,
                display_safe(line),
                usize::from(text.width),
                theme.ui(Role::ListTitle),
            );
        }
        let y = text.y + u16::try_from(cursor_row - first).unwrap_or(0);
        let x = text.x + cursor_col;
        if x < text.right() && y < text.bottom() {
            buf[(x, y)].set_style(theme.ui(Role::Selected));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draw(e: &NoteEditor, w: u16, h: u16) -> (Buffer, Rect) {
        let screen = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(screen);
        let theme = Theme::monochrome();
        let area = window(screen);
        (&NoteEditorView {
            editor: e,
            theme: &theme,
        })
            .render(area, &mut buf);
        (buf, area)
    }

    fn row_text(buf: &Buffer, y: u16) -> String {
        (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect()
    }

    #[test]
    fn the_cursor_row_stays_visible_in_a_long_note() {
        let text: Vec<String> = (0..40).map(|i| format!("line {i}")).collect();
        let e = NoteEditor::new("Note", &text.join("\n"));
        let (buf, area) = draw(&e, 60, 20);
        let all: String = (0..20)
            .map(|y| row_text(&buf, y))
            .collect::<Vec<_>>()
            .join("\n");
        assert!(all.contains("line 39"), "{all}");
        assert!(!all.contains("line 0 "), "{all}");
        // The cursor cell, after "line 39", is highlighted.
        let last = area.bottom() - 2;
        let x = (0..60)
            .find(|&x| buf[(x, last)].symbol() == "9")
            .expect("9")
            + 1;
        assert!(
            buf[(x, last)]
                .modifier
                .contains(ratatui::style::Modifier::REVERSED)
        );
    }
}
