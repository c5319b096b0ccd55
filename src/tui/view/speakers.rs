//! The speakers view: a table of people with their counts (the sort column
//! marked), a bar chart of the most quoted, and — once a person is opened —
//! their statements, each with its article's title and date. Draws the state
//! built by [`crate::tui::views`]; computes no table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use super::list::pane_block;
use super::table::{item_start, meta_line, pad_to, right, table_row, titled_pane};
use super::{fit, text_width};
use crate::analysis::QuoteKind;
use crate::search::{SpeakerSort, Statement};
use crate::tui::app::App;
use crate::tui::theme::Role;
use crate::tui::views::{ITEM_HEIGHT, PersonView, SpeakersView, variant_mark};

/// Width of each count column.
const COUNT_W: usize = 6;

/// The speakers view, drawn over the list and the reader.
#[derive(Debug, Clone, Copy)]
pub struct SpeakersScreen<'a> {
    /// The application (articles, theme, layout).
    pub app: &'a App,
    /// The view's state.
    pub view: &'a SpeakersView,
}

/// Column headings and the sort they stand for.
const COLUMNS: [(&str, SpeakerSort); 4] = [
    ("quot", SpeakerSort::Quotations),
    ("rep", SpeakerSort::Reported),
    ("art", SpeakerSort::Articles),
    ("ann", SpeakerSort::Annotated),
];

/// What the sort column is called in the title.
fn sort_name(sort: SpeakerSort) -> &'static str {
    match sort {
        SpeakerSort::Name => "name",
        SpeakerSort::Quotations => "quotations",
        SpeakerSort::Reported => "reported statements",
        SpeakerSort::Articles => "articles",
        SpeakerSort::Annotated => "annotated",
    }
}

/// `▼` on the sort column (`▲` when reversed), else a space.
fn arrow(view: &SpeakersView, sort: SpeakerSort) -> &'static str {
    match (view.sort == sort, view.reverse) {
        (false, _) => " ",
        (true, false) if sort == SpeakerSort::Name => "▲",
        (true, true) if sort == SpeakerSort::Name => "▼",
        (true, false) => "▼",
        (true, true) => "▲",
    }
}

impl Widget for &SpeakersScreen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        let layout = self.app.view_layout();
        match &self.view.person {
            Some(p) => person(self.app, p, layout.table, buf),
            None => {
                table(self.app, self.view, layout.table, buf);
                if layout.chart.width > 0 {
                    BarChart {
                        app: self.app,
                        bars: &self.view.chart,
                    }
                    .render(layout.chart, buf);
                }
            }
        }
    }
}

fn table(app: &App, view: &SpeakersView, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let n = view.table.len();
    let title = format!(
        " Speakers · {n} {} · by {}{} ",
        if n == 1 { "person" } else { "people" },
        sort_name(view.sort),
        if view.reverse { " (reversed)" } else { "" }
    );
    let Some(inner) = titled_pane(app, &title, area, buf) else {
        return;
    };
    let width = usize::from(inner.width);
    let name_w = width.saturating_sub(COLUMNS.len() * COUNT_W + 1);
    let mut head = format!(
        " {}",
        fit(
            &format!("name{}", arrow(view, SpeakerSort::Name)),
            name_w.saturating_sub(1)
        )
    );
    pad_to(&mut head, name_w);
    for (label, sort) in COLUMNS {
        head.push_str(&right(&format!("{label}{}", arrow(view, sort)), COUNT_W));
    }
    buf.set_stringn(inner.x, inner.y, &head, width, theme.ui(Role::Heading));
    if n == 0 {
        let msg = if app.browse.progress.analysed < app.articles.len() {
            "no speaker yet — the articles are still being analysed"
        } else {
            "no attributed statement in this corpus"
        };
        buf.set_stringn(inner.x + 1, inner.y + 1, msg, width, theme.ui(Role::Dim));
        return;
    }
    let rows = usize::from(inner.height.saturating_sub(1));
    let dir = view.table.directory();
    for (k, row) in view
        .table
        .rows()
        .enumerate()
        .skip(view.cursor.offset)
        .take(rows)
    {
        let mut name = fit(dir.canonical(row.who), name_w.saturating_sub(2));
        let forms = dir.name_ids(row.who).len();
        if forms > 1 && text_width(&name) + 5 < name_w {
            name.push_str(&format!(" +{}", forms - 1));
        }
        let mut line = format!(" {name}");
        pad_to(&mut line, name_w);
        for v in [row.quotations, row.reported, row.articles, row.annotated] {
            line.push_str(&right(&format!("{v} "), COUNT_W));
        }
        let at = (k, view.cursor.offset);
        table_row(app, inner, at, k == view.cursor.selected, &line, buf);
    }
}

/// Eighths of a block, for the end of a bar.
const PARTIAL: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/// A bar of `value` out of `max` in `width` columns.
pub fn bar(value: u32, max: u32, width: usize) -> String {
    if max == 0 || width == 0 {
        return String::new();
    }
    let eighths = (u64::from(value) * width as u64 * 8).div_ceil(u64::from(max));
    let eighths = usize::try_from(eighths).unwrap_or(0).min(width * 8);
    let mut s = "█".repeat(eighths / 8);
    s.push_str(PARTIAL[eighths % 8]);
    s
}

/// The bar chart of the most quoted people: name, bar, count.
#[derive(Debug, Clone, Copy)]
pub struct BarChart<'a> {
    /// The application (theme).
    pub app: &'a App,
    /// Names and quotation counts, largest first.
    pub bars: &'a [(String, u32)],
}

impl Widget for &BarChart<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        chart(self.app, self.bars, area, buf);
    }
}

fn chart(app: &App, bars: &[(String, u32)], area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let block = pane_block(app, false).title(" Most quoted ");
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width.saturating_sub(2));
    let max = bars.iter().map(|b| b.1).max().unwrap_or(0);
    let count_w = max.to_string().len();
    let name_w = (width * 2 / 5).clamp(6, 22);
    let bar_w = width.saturating_sub(name_w + count_w + 2);
    for (k, (name, value)) in bars.iter().take(usize::from(inner.height / 2)).enumerate() {
        let y = inner.y + u16::try_from(k * 2).unwrap_or(0);
        let name = fit(name, name_w);
        let pad = " ".repeat(name_w.saturating_sub(text_width(&name)));
        let b = bar(*value, max, bar_w);
        let line = Line::from(vec![
            Span::raw(format!("{name}{pad} ")),
            Span::styled(b.clone(), theme.ui(Role::Bar)),
            Span::raw(format!(" {value}")),
        ]);
        buf.set_line(inner.x + 1, y, &line, inner.width.saturating_sub(1));
    }
    if bars.is_empty() {
        buf.set_stringn(
            inner.x + 1,
            inner.y,
            "no quotation yet",
            width,
            theme.ui(Role::Dim),
        );
    }
}

/// What kind of statement, in a word.
pub fn kind_word(st: &Statement) -> &'static str {
    match st.kind {
        Some(QuoteKind::Direct) => "quotation",
        Some(QuoteKind::Fragment) => "fragment",
        Some(QuoteKind::Indirect) => "reported",
        Some(QuoteKind::Term) => "term",
        None => "selection",
    }
}

/// `title · date` of article `i`.
pub fn article_line(app: &App, i: usize) -> String {
    let Some(a) = app.articles.get(i) else {
        return String::new();
    };
    match &a.meta.date {
        Some(d) => format!("{} · {d}", a.meta.title),
        None => a.meta.title.clone(),
    }
}

fn person(app: &App, p: &PersonView, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let n = p.statements.len();
    let title = format!(
        " {} · {n} statement{} ",
        p.name,
        if n == 1 { "" } else { "s" }
    );
    let Some(inner) = titled_pane(app, &title, area, buf) else {
        return;
    };
    let width = usize::from(inner.width);
    let forms = format!(" name forms: {}", p.variants.join(", "));
    buf.set_stringn(
        inner.x,
        inner.y,
        fit(&forms, width),
        width,
        theme.ui(Role::Dim),
    );
    let rows = usize::from(inner.height.saturating_sub(1) / ITEM_HEIGHT);
    for (k, st) in p
        .statements
        .iter()
        .enumerate()
        .skip(p.cursor.offset)
        .take(rows)
    {
        let selected = k == p.cursor.selected;
        let (y, base) = item_start(app, inner, k, p.cursor.offset, selected, buf);
        let a = st.article as usize;
        let text = app
            .articles
            .get(a)
            .map_or("", |art| st.text(&art.text))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let mut marks = String::new();
        if st.annotated {
            marks.push_str(" ●");
        }
        if let Some(q) = st.quote {
            let others = app.views.others(a, q as usize);
            let mut arts: Vec<u32> = others.iter().map(|m| m.article).collect();
            arts.dedup();
            if !arts.is_empty() {
                marks.push(' ');
                marks.push_str(&variant_mark(arts.len()));
            }
        }
        let room = width.saturating_sub(3 + text_width(&marks));
        let line = Line::from(vec![
            Span::raw(format!(" “{}”", fit(&text, room.saturating_sub(1)))),
            Span::styled(marks, if selected { base } else { theme.ui(Role::Key) }),
        ]);
        buf.set_line(inner.x, y, &line, inner.width);
        let meta = format!("   {} · {}", kind_word(st), article_line(app, a));
        meta_line(app, inner, y, &meta, selected, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_proportional_with_eighth_blocks() {
        assert_eq!(bar(10, 10, 4), "████");
        assert_eq!(bar(5, 10, 4), "██");
        assert_eq!(bar(1, 16, 2), "▏");
        assert_eq!(bar(0, 10, 4), "");
        assert_eq!(bar(3, 0, 4), "");
    }
}
