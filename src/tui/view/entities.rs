//! The entities view: people, organisations and places with their counts of
//! mentions and articles (one label or all), and — once an entity is
//! opened — its mentions, each in a snippet of its sentence with the
//! article's title and date. Draws the state built by [`crate::tui::views`].

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span as TextSpan};
use ratatui::widgets::{Clear, Widget};

use super::fit;
use super::speakers::article_line;
use super::table::{item_start, meta_line, pad_to, right, table_row, titled_pane};
use crate::analysis::{EntityLabel, Span};
use crate::search::EntitySort;
use crate::tui::app::App;
use crate::tui::theme::Role;
use crate::tui::views::{EntitiesView, ITEM_HEIGHT, MentionsView};

/// Width of each count column.
const COUNT_W: usize = 9;
/// Width of the label column.
const LABEL_W: usize = 8;
/// Characters of context shown before a mention.
const BEFORE: usize = 30;

/// The entities view, drawn over the list and the reader.
#[derive(Debug, Clone, Copy)]
pub struct EntitiesScreen<'a> {
    /// The application (articles, theme, layout).
    pub app: &'a App,
    /// The view's state.
    pub view: &'a EntitiesView,
}

/// A label as the view names it.
pub fn label_name(label: Option<EntityLabel>) -> &'static str {
    match label {
        None => "all",
        Some(EntityLabel::Person) => "person",
        Some(EntityLabel::Org) => "organisation",
        Some(EntityLabel::Place) => "place",
        Some(EntityLabel::Date) => "date",
    }
}

impl Widget for &EntitiesScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        let area = self.app.view_layout().table;
        match &self.view.mentions {
            Some(m) => mentions(self.app, m, area, buf),
            None => table(self.app, self.view, area, buf),
        }
    }
}

fn table(app: &App, view: &EntitiesView, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let n = view.table.len();
    let sort = match view.sort {
        EntitySort::Name => "name",
        EntitySort::Mentions => "mentions",
        EntitySort::Articles => "articles",
    };
    let title = format!(
        " Entities · {} · {n} · by {sort}{} ",
        match view.label {
            None => "all labels".to_string(),
            Some(_) => format!("{}s", label_name(view.label)),
        },
        if view.reverse { " (reversed)" } else { "" }
    );
    let Some(inner) = titled_pane(app, &title, area, buf) else {
        return;
    };
    let width = usize::from(inner.width);
    let name_w = width.saturating_sub(LABEL_W + 2 * COUNT_W + 1);
    let mark = |s: EntitySort, name: &str| {
        if view.sort == s {
            format!("{name}{}", if view.reverse { "▲" } else { "▼" })
        } else {
            format!("{name} ")
        }
    };
    let mut head = format!(" {}", mark(EntitySort::Name, "name"));
    pad_to(&mut head, name_w);
    head.push_str(&format!("{:<LABEL_W$}", "label"));
    head.push_str(&right(&mark(EntitySort::Mentions, "mentions"), COUNT_W));
    head.push_str(&right(&mark(EntitySort::Articles, "articles"), COUNT_W));
    buf.set_stringn(inner.x, inner.y, &head, width, theme.ui(Role::Heading));
    if n == 0 {
        buf.set_stringn(
            inner.x + 1,
            inner.y + 1,
            "no entity found (yet)",
            width,
            theme.ui(Role::Dim),
        );
        return;
    }
    let rows = usize::from(inner.height.saturating_sub(1));
    for (k, row) in view
        .table
        .rows()
        .enumerate()
        .skip(view.cursor.offset)
        .take(rows)
    {
        let name = fit(view.table.name(row.key), name_w.saturating_sub(2));
        let mut line = format!(" {name}");
        pad_to(&mut line, name_w);
        line.push_str(&format!("{:<LABEL_W$}", short_label(row.label)));
        line.push_str(&right(&format!("{} ", row.mentions), COUNT_W));
        line.push_str(&right(&format!("{} ", row.articles), COUNT_W));
        let at = (k, view.cursor.offset);
        table_row(app, inner, at, k == view.cursor.selected, &line, buf);
    }
}

fn short_label(label: EntityLabel) -> &'static str {
    match label {
        EntityLabel::Person => "person",
        EntityLabel::Org => "org",
        EntityLabel::Place => "place",
        EntityLabel::Date => "date",
    }
}

/// The mention with some text before and after it, on one line:
/// (before, mention, after), whitespace runs made single spaces.
pub fn snippet(text: &str, span: Span) -> (String, String, String) {
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let head = text.get(..span.start).unwrap_or("");
    let para_start = head.rfind('\n').map_or(0, |p| p + 1);
    let before: String = {
        let b = &head[para_start..];
        let chars: Vec<char> = b.chars().collect();
        let from = chars.len().saturating_sub(BEFORE);
        let mut s: String = chars[from..].iter().collect();
        if from > 0 {
            s.insert(0, '…');
        }
        s
    };
    let tail = text.get(span.end..).unwrap_or("");
    let after = tail.split('\n').next().unwrap_or("");
    let mention = text.get(span.start..span.end).unwrap_or("");
    let lead = if before.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if after.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    (
        format!("{}{lead}", flat(&before)),
        flat(mention),
        format!("{trail}{}", flat(after)),
    )
}

fn mentions(app: &App, m: &MentionsView, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let n = m.mentions.len();
    let mut arts: Vec<u32> = m.mentions.iter().map(|x| x.0).collect();
    arts.dedup();
    let title = format!(
        " {} · {} · {n} mention{} in {} article{} ",
        m.name,
        label_name(m.label),
        if n == 1 { "" } else { "s" },
        arts.len(),
        if arts.len() == 1 { "" } else { "s" }
    );
    let Some(inner) = titled_pane(app, &title, area, buf) else {
        return;
    };
    let rows = usize::from(inner.height.saturating_sub(1) / ITEM_HEIGHT);
    for (k, (a, span)) in m
        .mentions
        .iter()
        .enumerate()
        .skip(m.cursor.offset)
        .take(rows)
    {
        let selected = k == m.cursor.selected;
        let (y, base) = item_start(app, inner, k, m.cursor.offset, selected, buf);
        let Some(article) = app.articles.get(*a as usize) else {
            continue;
        };
        let (before, mention, after) = snippet(&article.text, *span);
        let line = Line::from(vec![
            TextSpan::raw(format!(" {before}")),
            TextSpan::styled(
                mention,
                base.patch(theme.entity(m.label.unwrap_or(EntityLabel::Person))),
            ),
            TextSpan::raw(after),
        ]);
        buf.set_line(inner.x, y, &line, inner.width);
        let meta = format!("   {}", article_line(app, *a as usize));
        meta_line(app, inner, y, &meta, selected, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_keeps_its_paragraph_and_cuts_long_context() {
        let text = "Title\n\nThe long sentence before the mention of Moscow today.\nNext";
        let at = text.find("Moscow").unwrap_or(0);
        let (b, m, a) = snippet(text, Span::new(at, at + 6));
        assert_eq!(m, "Moscow");
        assert_eq!(b, "…entence before the mention of ", "30 characters before");
        assert_eq!(a, " today.");
    }
}
