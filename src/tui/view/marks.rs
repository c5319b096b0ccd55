//! Marks painted over the reader's text: the selected statement (or the
//! sentences being selected) reversed, annotated statements underlined, and a
//! bar in the left margin of every line that holds annotated or selected
//! text. Cells are found through the wrap table, so the marks sit exactly on
//! the characters of each span. Only reads the state.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::analysis::Span;
use crate::tui::app::App;
use crate::tui::selection::line_cells;
use crate::tui::theme::Role;

/// The bar drawn left of a line holding annotated text.
pub const GUTTER_MARK: &str = "▌";

/// Paints the marks over the reader text drawn in `text_area` (the column
/// left of it is the margin the bar goes in).
pub fn paint(app: &App, text_area: Rect, buf: &mut Buffer) {
    let Some(i) = app.reader.article else {
        return;
    };
    let Some(article) = app.articles.get(i) else {
        return;
    };
    let st = &app.annotate;
    let marks: Vec<Span> = if st.marks.article == Some(i) {
        st.marks.marks.iter().map(|m| m.span).collect()
    } else {
        Vec::new()
    };
    let sentences = app.analysis(i).map(|a| a.sentences.as_slice());
    let selected = st.selected_span(sentences);
    if marks.is_empty() && selected.is_none() {
        return;
    }
    let theme = &app.theme;
    let inside = |s: &Span, off: usize| s.start <= off && off < s.end;
    let table = &app.reader.table;
    let rows = usize::from(text_area.height);
    for k in 0..rows {
        let line = app.reader.scroll + k;
        let Some(l) = table.lines.get(line) else {
            break;
        };
        // Quick rejection: no mark or selection touches the line.
        let touches = |s: &Span| s.start < l.range.end && l.range.start < s.end;
        let any_mark = marks.iter().any(touches);
        let any_selected = selected.as_ref().is_some_and(touches);
        if !any_mark && !any_selected {
            continue;
        }
        let y = text_area.y + u16::try_from(k).unwrap_or(0);
        let (mut annotated_here, mut selected_here) = (false, false);
        for cell in line_cells(table, &article.text, line) {
            let Some(r) = cell.text else { continue };
            let mut style = None;
            if any_mark && marks.iter().any(|m| inside(m, r.start)) {
                annotated_here = true;
                style = Some(theme.ui(Role::Annotated));
            }
            if any_selected && selected.as_ref().is_some_and(|s| inside(s, r.start)) {
                selected_here = true;
                let s = style.unwrap_or_default();
                style = Some(s.patch(theme.ui(Role::SelectedStatement)));
            }
            let Some(style) = style else { continue };
            for dx in 0..cell.width.max(1) {
                let x = text_area.x.saturating_add(cell.x).saturating_add(dx);
                if x < text_area.right() {
                    let c = &mut buf[(x, y)];
                    c.set_style(c.style().patch(style));
                }
            }
        }
        if (annotated_here || selected_here) && text_area.x > 0 {
            let role = if selected_here {
                Role::Key
            } else {
                Role::AnnotationMark
            };
            buf.set_string(text_area.x - 1, y, GUTTER_MARK, theme.ui(role));
        }
    }
}
