//! The `json` format: the whole annotation set as one JSON document, grouped
//! by article with the article's metadata. Schema version [`EXPORT_VERSION`],
//! documented in `docs/export-formats.md`; fields are only ever added within a
//! version.

use std::io::{BufWriter, Write};

use anyhow::{Context, Result};
use serde::Serialize;

use super::{ArticleInfo, EXPORT_VERSION, ExportRecord, ExportSet, Source};

#[derive(Serialize)]
struct Document<'a> {
    gloss_export_version: u32,
    corpus: &'a str,
    filters: Filters<'a>,
    counts: Counts,
    articles: Vec<ArticleOut<'a>>,
}

#[derive(Serialize)]
struct Filters<'a> {
    tags: &'a [String],
    speakers: &'a [String],
    articles: &'a [String],
    include_detected: bool,
}

#[derive(Serialize)]
struct Counts {
    articles: usize,
    statements: usize,
    user: usize,
    detected: usize,
}

#[derive(Serialize)]
struct ArticleOut<'a> {
    #[serde(flatten)]
    info: &'a ArticleInfo,
    statements: Vec<Statement<'a>>,
}

/// A row without the article fields its article already carries.
#[derive(Serialize)]
struct Statement<'a> {
    source: Source,
    annotation_id: Option<&'a str>,
    kind: &'a str,
    speaker: Option<&'a str>,
    text: &'a str,
    prefix: &'a str,
    suffix: &'a str,
    start: Option<usize>,
    end: Option<usize>,
    orphaned: bool,
    tags: &'a [String],
    note: &'a str,
    created: Option<&'a str>,
    modified: Option<&'a str>,
}

impl<'a> From<&'a ExportRecord> for Statement<'a> {
    fn from(r: &'a ExportRecord) -> Self {
        Self {
            source: r.source,
            annotation_id: r.annotation_id.as_deref(),
            kind: &r.kind,
            speaker: r.speaker.as_deref(),
            text: &r.text,
            prefix: &r.prefix,
            suffix: &r.suffix,
            start: r.start,
            end: r.end,
            orphaned: r.orphaned,
            tags: &r.tags,
            note: &r.note,
            created: r.created.as_deref(),
            modified: r.modified.as_deref(),
        }
    }
}

/// Writes `set` as one pretty-printed JSON document and a final newline.
pub fn write_json(set: &ExportSet, out: &mut dyn Write) -> Result<()> {
    let detected = set
        .records
        .iter()
        .filter(|r| r.source == Source::Detected)
        .count();
    let doc = Document {
        gloss_export_version: EXPORT_VERSION,
        corpus: &set.corpus,
        filters: Filters {
            tags: &set.options.filter.tags,
            speakers: &set.options.filter.speakers,
            articles: &set.options.filter.articles,
            include_detected: set.options.include_detected,
        },
        counts: Counts {
            articles: set.articles.len(),
            statements: set.records.len(),
            user: set.records.len() - detected,
            detected,
        },
        articles: set
            .by_article()
            .map(|(info, rows)| ArticleOut {
                info,
                statements: rows.iter().map(Statement::from).collect(),
            })
            .collect(),
    };
    // Buffered here so that serde's many small writes are not dynamic calls.
    let mut out = BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, &doc).context("writing the JSON export")?;
    out.write_all(b"\n").context("writing the JSON export")?;
    out.flush().context("writing the JSON export")
}
