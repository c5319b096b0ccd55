//! Pieces the table views (speakers, entities) share: a titled pane, cells
//! aligned in columns, row styles, and the two-line items of an opened row
//! (a text line over a dimmed `title · date` line).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::list::pane_block;
use super::{fit, text_width};
use crate::tui::app::App;
use crate::tui::theme::Role;
use crate::tui::views::ITEM_HEIGHT;

/// Draws a focused pane titled `title` over `area`; returns its inside, or
/// `None` when no row fits.
pub fn titled_pane(app: &App, title: &str, area: Rect, buf: &mut Buffer) -> Option<Rect> {
    let block = pane_block(app, true).title(fit(title, usize::from(area.width)));
    let inner = block.inner(area);
    block.render(area, buf);
    (inner.height > 0).then_some(inner)
}

/// `text` right-aligned in `w` columns.
pub fn right(text: &str, w: usize) -> String {
    format!("{}{text}", " ".repeat(w.saturating_sub(text_width(text))))
}

/// Pads `line` with spaces to `w` columns.
pub fn pad_to(line: &mut String, w: usize) {
    line.push_str(&" ".repeat(w.saturating_sub(text_width(line))));
}

/// The style of a row: the selection colours when `selected`.
pub fn row_style(app: &App, selected: bool) -> Style {
    if selected {
        app.theme.ui(Role::Selected)
    } else {
        Style::default()
    }
}

/// Draws row `k` of a one-line table scrolled to `offset` (below the
/// heading row of `inner`): `line`, in the selection colours when `selected`.
pub fn table_row(
    app: &App,
    inner: Rect,
    (k, offset): (usize, usize),
    selected: bool,
    line: &str,
    buf: &mut Buffer,
) {
    let y = inner.y + 1 + u16::try_from(k - offset).unwrap_or(0);
    let style = row_style(app, selected);
    buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
    buf.set_stringn(inner.x, y, line, usize::from(inner.width), style);
}

/// Where item `k` of a two-line list scrolled to `offset` starts (below the
/// heading row of `inner`), with its background painted; returns the row
/// and the item's base style.
pub fn item_start(
    app: &App,
    inner: Rect,
    k: usize,
    offset: usize,
    selected: bool,
    buf: &mut Buffer,
) -> (u16, Style) {
    let y = inner.y + 1 + u16::try_from(k - offset).unwrap_or(0) * ITEM_HEIGHT;
    let base = row_style(app, selected);
    buf.set_style(Rect::new(inner.x, y, inner.width, ITEM_HEIGHT), base);
    (y, base)
}

/// The second line of an item at row `y`: `meta`, dimmed unless selected.
pub fn meta_line(app: &App, inner: Rect, y: u16, meta: &str, selected: bool, buf: &mut Buffer) {
    let width = usize::from(inner.width);
    let style = if selected {
        row_style(app, true)
    } else {
        app.theme.ui(Role::ListMeta)
    };
    buf.set_stringn(inner.x, y + 1, fit(meta, width), width, style);
}
