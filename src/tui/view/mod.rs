//! State → widgets. [`view`] draws the whole screen from an [`App`]; each pane
//! and overlay is its own widget in a sub-module. Views only read the state:
//! they never analyse text, touch files or change anything.

pub mod entities;
pub mod export_dialog;
pub mod filter_bar;
pub mod help;
pub mod list;
pub mod marks;
pub mod message;
pub mod note_editor;
pub mod orphans;
pub mod picker;
pub mod reader;
pub mod speakers;
pub mod status;
pub mod table;
pub mod variants;
pub mod warnings;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Widget};
use unicode_segmentation::UnicodeSegmentation;

use super::action::Pane;
use super::annotate::Modal;
use super::app::{App, Overlay};
use super::layout::{AppLayout, MIN_HEIGHT, MIN_WIDTH};
use super::theme::{Role, Theme};
use super::wrap::grapheme_width;
use crate::corpus::normalize::display_safe;

/// Draws the whole screen.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    render(app, area, frame.buffer_mut());
}

/// Draws the whole screen into `buf` (what [`view`] does, without a frame).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let layout = AppLayout::new(area);
    if layout.too_small {
        message::Message {
            lines: vec![
                format!("terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT})"),
                format!("now {}×{}", area.width, area.height),
            ],
            style: app.theme.ui(super::theme::Role::Message),
        }
        .render(area, buf);
        return;
    }
    let main = Rect::new(area.x, area.y, area.width, area.height - 1);
    if app.articles.is_empty() {
        message::empty_corpus(app).render(main, buf);
    } else {
        list::ArticleList {
            app,
            focused: app.focus == Pane::List && app.overlay.is_none(),
        }
        .render(layout.list, buf);
        reader::Reader {
            app,
            focused: app.focus == Pane::Reader && app.overlay.is_none(),
        }
        .render(layout.reader, buf);
    }
    match &app.views.screen {
        Some(super::views::Screen::Speakers(s)) => {
            speakers::SpeakersScreen { app, view: s }.render(main, buf);
        }
        Some(super::views::Screen::Entities(e)) => {
            entities::EntitiesScreen { app, view: e }.render(main, buf);
        }
        None => {}
    }
    if let Some(v) = &app.views.variants {
        variants::VariantsWindow { app, overlay: v }.render(layout.overlay(), buf);
    }
    status::StatusBar { app }.render(layout.status, buf);
    match app.overlay {
        Some(Overlay::Help { scroll }) => {
            help::HelpOverlay { app, scroll }.render(layout.overlay(), buf)
        }
        Some(Overlay::Warnings { scroll }) => {
            warnings::WarningsOverlay { app, scroll }.render(layout.overlay(), buf);
        }
        Some(Overlay::Export) => {
            if let Some(dialog) = &app.export.dialog {
                export_dialog::ExportWindow { app, dialog }
                    .render(export_dialog::window_area(area), buf);
            }
        }
        Some(Overlay::Orphans { scroll }) => {
            orphans::OrphansOverlay { app, scroll }.render(layout.overlay(), buf);
        }
        None => {}
    }
    match &app.annotate.modal {
        Some(Modal::Picker { picker, .. }) => {
            let theme = &app.theme;
            picker::PickerView { picker, theme }.render(picker::window(area, picker), buf);
        }
        Some(Modal::Note { editor, .. }) => {
            let theme = &app.theme;
            note_editor::NoteEditorView { editor, theme }.render(note_editor::window(area), buf);
        }
        None => {}
    }
    if let Some(menu) = &app.browse.filter_menu {
        let window = picker::window(area, &menu.picker);
        picker::PickerView {
            picker: &menu.picker,
            theme: &app.theme,
        }
        .render(window, buf);
    }
}

/// Number of lines an overlay holds (for scrolling).
pub fn overlay_len(app: &App, overlay: &Overlay) -> usize {
    match overlay {
        Overlay::Help { .. } => help::lines(&app.theme).len(),
        Overlay::Warnings { .. } => warnings::lines(app).len(),
        Overlay::Orphans { .. } => orphans::lines(app).len(),
        Overlay::Export => 0,
    }
}

/// Clears `area` and draws the frame every overlay and dialog shares: a
/// focused border, `title` at the top and the key `hint` (if any) at the
/// bottom right. Returns the inside of the frame.
pub fn overlay_frame(
    theme: &Theme,
    title: String,
    hint: Option<&'static str>,
    area: Rect,
    buf: &mut Buffer,
) -> Rect {
    Clear.render(area, buf);
    let mut block = Block::bordered()
        .border_style(theme.ui(Role::BorderFocused))
        .title(Line::styled(title, theme.ui(Role::Title)));
    if let Some(hint) = hint {
        block = block.title_bottom(Line::styled(hint, theme.ui(Role::Dim)).right_aligned());
    }
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Columns `text` takes once drawn.
pub fn text_width(text: &str) -> usize {
    text.graphemes(true)
        .map(|g| usize::from(grapheme_width(g)))
        .sum()
}

/// `text` made safe to draw and cut to `width` columns, with `…` when cut.
pub fn fit(text: &str, width: usize) -> String {
    let safe = display_safe(text);
    if text_width(&safe) <= width {
        return safe.into_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in safe.graphemes(true) {
        let w = usize::from(grapheme_width(g));
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push_str(g);
    }
    if width > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_by_columns_and_neutralises_escapes() {
        assert_eq!(fit("short", 10), "short");
        assert_eq!(fit("a longer title", 8), "a longe…");
        assert_eq!(fit("漢字漢字", 5), "漢字…");
        assert_eq!(fit("\x1b[2Jx", 10), "␛[2Jx");
    }
}
