//! Where each pane sits for a given terminal size. The views draw into these
//! rectangles and the state uses them to know page sizes and to map mouse
//! positions to panes, so both always agree. Pure geometry.

use ratatui::layout::Rect;

/// Smallest terminal the layout is drawn in; below it a message is shown.
pub const MIN_WIDTH: u16 = 60;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 15;
/// Rows per article in the list (title line, details line).
pub const LIST_ITEM_HEIGHT: u16 = 2;

/// The rectangles of the main screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AppLayout {
    /// The whole terminal.
    pub area: Rect,
    /// True below [`MIN_WIDTH`]×[`MIN_HEIGHT`]: only a message is drawn.
    pub too_small: bool,
    /// The article list, border included.
    pub list: Rect,
    /// Inside the list's border: the entries.
    pub list_inner: Rect,
    /// The reader, border included.
    pub reader: Rect,
    /// Inside the reader's border and padding: the text lines.
    pub reader_text: Rect,
    /// The one-line status bar at the bottom.
    pub status: Rect,
}

impl AppLayout {
    /// Splits `area`: list left (about a third, 24–48 columns), reader right,
    /// status bar on the last row.
    pub fn new(area: Rect) -> Self {
        let too_small = area.width < MIN_WIDTH || area.height < MIN_HEIGHT;
        if too_small {
            return Self {
                area,
                too_small,
                ..Self::default()
            };
        }
        let main_h = area.height - 1;
        let list_w = (area.width * 35 / 100).clamp(24, 48);
        let list = Rect::new(area.x, area.y, list_w, main_h);
        let reader = Rect::new(area.x + list_w, area.y, area.width - list_w, main_h);
        let status = Rect::new(area.x, area.y + main_h, area.width, 1);
        Self {
            area,
            too_small,
            list,
            list_inner: inset(list, 1, 1),
            reader,
            reader_text: inset(reader, 2, 1),
            status,
        }
    }

    /// A centred window for overlays: most of the screen, at most 90 columns wide.
    pub fn overlay(&self) -> Rect {
        let w = (self.area.width.saturating_sub(4)).min(90);
        let h = self.area.height.saturating_sub(4);
        Rect::new(
            self.area.x + (self.area.width - w) / 2,
            self.area.y + (self.area.height - h) / 2,
            w,
            h,
        )
    }

    /// Rows of text inside an overlay window (its border excluded).
    pub fn overlay_rows(&self) -> usize {
        usize::from(self.overlay().height.saturating_sub(2))
    }

    /// How many list entries fit.
    pub fn list_rows(&self) -> usize {
        usize::from(self.list_inner.height / LIST_ITEM_HEIGHT).max(1)
    }
}

/// `r` shrunk by `dx` columns and `dy` rows on each side.
fn inset(r: Rect, dx: u16, dy: u16) -> Rect {
    Rect::new(
        r.x + dx,
        r.y + dy,
        r.width.saturating_sub(2 * dx),
        r.height.saturating_sub(2 * dy),
    )
}

/// True when the cell at `col`, `row` lies in `r`.
pub fn contains(r: Rect, col: u16, row: u16) -> bool {
    col >= r.x && col < r.x + r.width && row >= r.y && row < r.y + r.height
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panes_share_the_screen_without_overlap() {
        let l = AppLayout::new(Rect::new(0, 0, 80, 24));
        assert!(!l.too_small);
        assert_eq!(l.list.width + l.reader.width, 80);
        assert_eq!(l.status.y, 23);
        assert_eq!(l.reader_text, Rect::new(30, 1, 48, 21));
        assert_eq!(l.list_rows(), 10);
    }

    #[test]
    fn below_the_minimum_nothing_is_laid_out() {
        assert!(AppLayout::new(Rect::new(0, 0, 59, 24)).too_small);
        assert!(AppLayout::new(Rect::new(0, 0, 80, 14)).too_small);
        assert!(!AppLayout::new(Rect::new(0, 0, 60, 15)).too_small);
    }
}
