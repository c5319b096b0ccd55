//! The `csv` format: RFC 4180 (quoted where needed, CRLF line ends), one
//! header row, one row per statement. Tags are joined with `;`. Cells are
//! written as they are, so that every note survives a round trip through a CSV
//! reader; no formula escaping (see `docs/export-formats.md`).

use std::io::Write;

use anyhow::{Context, Result};

use super::ExportSet;

/// The header row, in column order.
pub const HEADER: [&str; 11] = [
    "article_id",
    "title",
    "date",
    "speaker",
    "kind",
    "text",
    "tags",
    "note",
    "start",
    "end",
    "source",
];

/// The separator between tags in the `tags` column.
pub const TAG_SEPARATOR: &str = ";";

/// Writes `set` as CSV with a header row.
pub fn write_csv(set: &ExportSet, out: &mut dyn Write) -> Result<()> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(HEADER).context("writing the CSV export")?;
    let number = |n: Option<usize>| n.map_or_else(String::new, |n| n.to_string());
    for r in &set.records {
        w.write_record([
            r.article_id.as_str(),
            &r.title,
            r.date.as_deref().unwrap_or(""),
            r.speaker.as_deref().unwrap_or(""),
            &r.kind,
            &r.text,
            &r.tags.join(TAG_SEPARATOR),
            &r.note,
            &number(r.start),
            &number(r.end),
            r.source.name(),
        ])
        .context("writing the CSV export")?;
    }
    w.flush().context("writing the CSV export")
}
