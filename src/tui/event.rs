//! Terminal events → [`Action`]s: keys through the keymap, mouse positions
//! through the layout. Pure translation; the state is only read.

use crossterm::event::{Event, MouseButton, MouseEvent, MouseEventKind};

use super::action::{Action, Pane};
use super::annotate::{Edit, Op};
use super::app::App;
use super::export_dialog;
use super::keymap;
use super::keymap::Context;
use super::layout::{LIST_ITEM_HEIGHT, contains};
use super::selection;
use super::update::WHEEL_LINES;

/// The action an event asks for, if any.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) => {
            let context = app.context();
            keymap::lookup(context, key)
                .or_else(|| keymap::typed_char(context, key).map(|c| typed(context, c)))
        }
        Event::Mouse(m) => mouse(app, m),
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// The action for a character typed where text is expected.
fn typed(context: Context, c: char) -> Action {
    match context {
        Context::Picker | Context::NoteEditor => Action::Annotate(Op::Edit(Edit::Char(c))),
        Context::FilterMenu => Action::MenuInput(c),
        Context::Export => Action::Export(export_dialog::Op::Type(c)),
        _ => Action::SearchInput(c),
    }
}

fn mouse(app: &App, m: &MouseEvent) -> Option<Action> {
    let layout = app.layout();
    if layout.too_small {
        return None;
    }
    if app.views.is_open() || app.views.variants.is_some() {
        // The views take the wheel; clicks would land on hidden panes.
        let motion = match m.kind {
            MouseEventKind::ScrollDown => super::action::Motion::Down,
            MouseEventKind::ScrollUp => super::action::Motion::Up,
            _ => return None,
        };
        return Some(Action::View(super::views::ViewOp::Move(motion)));
    }
    let pane = if contains(layout.list, m.column, m.row) {
        Some(Pane::List)
    } else if contains(layout.reader, m.column, m.row) {
        Some(Pane::Reader)
    } else {
        None
    };
    let wheel = |lines: isize| {
        // With an overlay open the wheel scrolls the overlay, wherever it is.
        let pane = if app.overlay.is_some() {
            Some(app.focus)
        } else {
            pane
        };
        pane.map(|pane| Action::Scroll {
            pane,
            lines: if pane == Pane::List {
                lines.signum()
            } else {
                lines
            },
        })
    };
    match m.kind {
        MouseEventKind::ScrollDown => wheel(WHEEL_LINES),
        MouseEventKind::ScrollUp => wheel(-WHEEL_LINES),
        MouseEventKind::Down(MouseButton::Left)
            if app.overlay.is_none() && app.annotate.modal.is_none() =>
        {
            match pane? {
                Pane::List if contains(layout.list_inner, m.column, m.row) => {
                    let row = usize::from((m.row - layout.list_inner.y) / LIST_ITEM_HEIGHT);
                    let index = app.list.offset + row;
                    (index < app.row_count()).then_some(Action::Select(index))
                }
                Pane::List => Some(Action::Focus(Pane::List)),
                Pane::Reader => Some(reader_click(app, m.column, m.row)),
            }
        }
        _ => None,
    }
}

/// A click in the reader: on article text, select the statement there;
/// elsewhere, just focus the reader.
fn reader_click(app: &App, column: u16, row: u16) -> Action {
    let text = app.layout().reader_text;
    let offset = app
        .open_article()
        .filter(|_| contains(text, column, row))
        .and_then(|article| {
            let line = app.reader.scroll + usize::from(row - text.y);
            selection::offset_at(&app.reader.table, &article.text, line, column - text.x)
        });
    match offset {
        Some(off) => Action::Annotate(Op::Click(off)),
        None => Action::Focus(Pane::Reader),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::tui::theme::Theme;
    use crossterm::event::KeyModifiers;
    use ratatui::layout::Rect;

    fn app() -> App {
        App::new(Corpus::bundled(), Theme::default(), Rect::new(0, 0, 80, 24))
    }

    fn mouse_at(kind: MouseEventKind, column: u16, row: u16) -> Event {
        Event::Mouse(MouseEvent {
            kind,
            column,
            row,
            modifiers: KeyModifiers::NONE,
        })
    }

    #[test]
    fn clicking_a_list_entry_selects_it() {
        let a = app();
        // Entries start below the border, two rows each: row 5 is the third.
        let ev = mouse_at(MouseEventKind::Down(MouseButton::Left), 5, 5);
        assert_eq!(action_for(&a, &ev), Some(Action::Select(2)));
        let below = mouse_at(MouseEventKind::Down(MouseButton::Left), 5, 20);
        assert_eq!(action_for(&a, &below), None);
    }

    #[test]
    fn the_wheel_scrolls_the_pane_under_the_pointer() {
        let a = app();
        let over_reader = mouse_at(MouseEventKind::ScrollDown, 50, 10);
        assert_eq!(
            action_for(&a, &over_reader),
            Some(Action::Scroll {
                pane: Pane::Reader,
                lines: WHEEL_LINES
            })
        );
        let over_list = mouse_at(MouseEventKind::ScrollUp, 3, 10);
        assert_eq!(
            action_for(&a, &over_list),
            Some(Action::Scroll {
                pane: Pane::List,
                lines: -1
            })
        );
        let over_status = mouse_at(MouseEventKind::ScrollUp, 3, 23);
        assert_eq!(action_for(&a, &over_status), None);
    }

    #[test]
    fn resize_events_become_resize_actions() {
        assert_eq!(
            action_for(&app(), &Event::Resize(100, 30)),
            Some(Action::Resize {
                width: 100,
                height: 30
            })
        );
    }
}
