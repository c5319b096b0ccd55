//! The export dialog's window: format, options, filters, the destination
//! file with its cursor, and what the last write did (the file and the number
//! of statements, or the error). Draws from [`ExportDialog`] only.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::overlay_frame;
use super::{fit, text_width};
use crate::export::ExportFormat;
use crate::tui::app::App;
use crate::tui::export_dialog::{ExportDialog, Field, Outcome};
use crate::tui::theme::Role;
use crate::tui::wrap::grapheme_width;
use unicode_segmentation::UnicodeSegmentation;

/// Columns of the labels on the left.
const LABEL: usize = 12;
/// Widest the window gets.
const MAX_WIDTH: u16 = 84;
/// Rows the window wants (border included).
const HEIGHT: u16 = 14;

/// The export window.
#[derive(Debug, Clone, Copy)]
pub struct ExportWindow<'a> {
    /// The app (theme, loading state).
    pub app: &'a App,
    /// The dialog to draw.
    pub dialog: &'a ExportDialog,
}

/// Where the window goes on a screen of `area`: centred, at most
/// [`MAX_WIDTH`] wide.
pub fn window_area(area: Rect) -> Rect {
    let w = area.width.saturating_sub(4).min(MAX_WIDTH);
    let h = HEIGHT.min(area.height.saturating_sub(2));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

impl Widget for &ExportWindow<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.app.theme;
        let d = self.dialog;
        let inner = overlay_frame(theme, " Export annotations ".into(), None, area, buf);
        if inner.width < 4 || inner.height == 0 {
            return;
        }
        let body = Rect::new(inner.x + 1, inner.y, inner.width - 2, inner.height);
        let value_width = usize::from(body.width).saturating_sub(LABEL + 2);

        let mut lines = vec![Line::default()];
        lines.push(self.row(Some(Field::Format), "Format", format_spans(self, d)));
        let (mark, text) = match &d.article {
            Some(a) => (
                d.current_article_only,
                format!("current article only: {}", a.title),
            ),
            None => (
                false,
                "current article only (no article is open)".to_string(),
            ),
        };
        lines.push(self.row(
            Some(Field::CurrentArticle),
            "Article",
            checkbox(mark, &fit(&text, value_width.saturating_sub(4))),
        ));
        if let Some(list) = &d.list {
            let text = format!(
                "articles in the list only ({} of {})",
                list.articles.len(),
                list.total
            );
            lines.push(self.row(
                Some(Field::ListOnly),
                "List",
                checkbox(d.list_only, &fit(&text, value_width.saturating_sub(4))),
            ));
        }
        lines.push(self.row(
            Some(Field::Detected),
            "Detected",
            checkbox(d.include_detected, "include detected quotations"),
        ));
        let filters = fit(&d.filter_summary().join(" · "), value_width);
        lines.push(self.row(
            None,
            "Filters",
            vec![Span::styled(filters, theme.ui(Role::Dim))],
        ));
        lines.push(self.row(Some(Field::Path), "File", path_spans(self, value_width)));
        lines.push(Line::default());
        let top = u16::try_from(lines.len()).unwrap_or(u16::MAX);
        for (i, line) in lines.iter().enumerate() {
            let y = body.y + u16::try_from(i).unwrap_or(u16::MAX);
            if y >= body.bottom() {
                return;
            }
            buf.set_line(body.x, y, line, body.width);
        }
        let rest = Rect::new(
            body.x,
            body.y + top,
            body.width,
            body.height.saturating_sub(top),
        );
        Paragraph::new(self.outcome_lines())
            .wrap(Wrap { trim: false })
            .render(rest, buf);
    }
}

impl ExportWindow<'_> {
    /// A labelled row; the focused one has a marker and a bright label.
    fn row(&self, field: Option<Field>, label: &str, value: Vec<Span<'static>>) -> Line<'static> {
        let theme = &self.app.theme;
        let focused = field == Some(self.dialog.field);
        let (marker, style) = if focused {
            ("› ", theme.ui(Role::Key))
        } else {
            ("  ", Style::new())
        };
        let pad = LABEL.saturating_sub(text_width(label));
        let mut spans = vec![
            Span::styled(marker, theme.ui(Role::Key)),
            Span::styled(label.to_string(), style),
            Span::raw(" ".repeat(pad)),
        ];
        spans.extend(value);
        Line::from(spans)
    }

    fn outcome_lines(&self) -> Vec<Line<'static>> {
        let theme = &self.app.theme;
        match &self.dialog.outcome {
            Outcome::Idle => vec![Line::styled(
                "Enter writes the file; Esc closes. Typing edits the file name.",
                theme.ui(Role::Dim),
            )],
            Outcome::Writing if self.app.loading.is_some() => vec![Line::styled(
                "waiting for the corpus to finish loading…",
                theme.ui(Role::Dim),
            )],
            Outcome::Writing => vec![Line::styled("writing…", theme.ui(Role::Dim))],
            Outcome::Written(done) => vec![
                Line::styled(
                    format!(
                        "✓ wrote {} from {} to",
                        count(done.statements, "statement"),
                        count(done.articles, "article"),
                    ),
                    theme.ui(Role::Title),
                ),
                Line::raw(format!("  {}", done.path.display())),
            ],
            Outcome::Failed(message) => vec![Line::styled(
                format!("✗ {message}"),
                theme.ui(Role::Warning),
            )],
        }
    }
}

fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

fn checkbox(on: bool, text: &str) -> Vec<Span<'static>> {
    vec![
        Span::raw(if on { "[x] " } else { "[ ] " }),
        Span::raw(text.to_string()),
    ]
}

fn format_spans(w: &ExportWindow<'_>, d: &ExportDialog) -> Vec<Span<'static>> {
    let theme = &w.app.theme;
    let mut spans = Vec::new();
    for f in ExportFormat::ALL {
        let name = format!(" {} ", f.name());
        spans.push(if f == d.format {
            Span::styled(name, theme.ui(Role::Selected))
        } else {
            Span::styled(name, theme.ui(Role::Dim))
        });
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(
        format!("→ .{}", d.format.extension()),
        theme.ui(Role::Dim),
    ));
    spans
}

/// The path, scrolled so that the cursor (a reversed cell, shown while the
/// field has the focus) stays in view.
fn path_spans(w: &ExportWindow<'_>, width: usize) -> Vec<Span<'static>> {
    let d = w.dialog;
    let focused = d.field == Field::Path;
    let graphemes: Vec<&str> = d.path.text().graphemes(true).collect();
    // The cursor counts characters; find the grapheme it stands before.
    let mut chars = 0;
    let cursor = graphemes
        .iter()
        .position(|g| {
            let here = chars >= d.path.cursor();
            chars += g.chars().count();
            here
        })
        .unwrap_or(graphemes.len());
    let widths: Vec<usize> = graphemes
        .iter()
        .map(|g| usize::from(grapheme_width(g)))
        .collect();
    // Start far enough right that the cursor cell fits, with `…` in front.
    let mut start = 0;
    let span_width = |from: usize| widths[from..cursor].iter().sum::<usize>() + 1;
    while start < cursor && span_width(start) + usize::from(start > 0) > width {
        start += 1;
    }
    let mut out = Vec::new();
    let mut used = 0;
    if start > 0 {
        out.push(Span::styled("…", w.app.theme.ui(Role::Dim)));
        used += 1;
    }
    let mut before = String::new();
    let mut at = String::new();
    let mut after = String::new();
    for (i, g) in graphemes.iter().enumerate().skip(start) {
        if used + widths[i] > width {
            break;
        }
        used += widths[i];
        match i.cmp(&cursor) {
            std::cmp::Ordering::Less => before.push_str(g),
            std::cmp::Ordering::Equal => at.push_str(g),
            std::cmp::Ordering::Greater => after.push_str(g),
        }
    }
    let cursor_style = Style::new().add_modifier(Modifier::REVERSED);
    out.push(Span::raw(before));
    if focused {
        out.push(Span::styled(
            if at.is_empty() { " ".to_string() } else { at },
            cursor_style,
        ));
    } else {
        out.push(Span::raw(at));
    }
    out.push(Span::raw(after));
    out
}
