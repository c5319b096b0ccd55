//! Export of annotations to JSON, JSON Lines, CSV, Markdown and the W3C Web
//! Annotation Data Model.
//!
//! One format-neutral row model, [`ExportRecord`], is built from a corpus, a
//! sidecar and the user's [`ExportOptions`] by [`build`]; each format is one
//! function from an [`ExportSet`] to a writer, behind [`export`]. The command
//! line and the terminal dialog call the same functions, so an export looks the
//! same wherever it was made. This module reads nothing from disk and knows
//! nothing of the terminal; [`export_to_file`] is its only file-system write.
//!
//! Every offset is in Unicode characters (code points) of the normalised
//! article text, as in `gloss analyze` and in the W3C model.

pub mod csv;
pub mod file;
pub mod filter;
pub mod json;
pub mod jsonl;
pub mod markdown;
pub mod records;
pub mod webanno;

use std::fmt;
use std::io::Write;
use std::str::FromStr;

use anyhow::Result;
use serde::Serialize;

use crate::annotations::SpeakerDecisions;

pub use file::{ExportSummary, default_export_path, export_to_file, file_stamp, write_atomically};
pub use filter::{Filter, SpeakerMatcher};
pub use records::{build, build_with};

/// The version of the `json` export schema (see `docs/export-formats.md`).
/// Raised only when a field changes meaning or disappears; new fields may be
/// added within a version.
pub const EXPORT_VERSION: u32 = 1;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ExportFormat {
    /// The whole annotation set with article metadata, one JSON document.
    Json,
    /// One annotated statement per line (JSON Lines).
    Jsonl,
    /// RFC 4180 CSV with a header row, one statement per row.
    Csv,
    /// A readable Markdown report grouped by speaker, then article.
    #[value(alias = "markdown")]
    Md,
    /// A W3C Web Annotation `AnnotationCollection` (JSON-LD).
    #[value(alias = "jsonld")]
    Webanno,
}

impl ExportFormat {
    /// Every format, in the order menus show them.
    pub const ALL: [ExportFormat; 5] = [
        ExportFormat::Json,
        ExportFormat::Jsonl,
        ExportFormat::Csv,
        ExportFormat::Md,
        ExportFormat::Webanno,
    ];

    /// The name used on the command line (`--format NAME`).
    pub const fn name(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Jsonl => "jsonl",
            Self::Csv => "csv",
            Self::Md => "md",
            Self::Webanno => "webanno",
        }
    }

    /// The usual file extension, without the dot.
    pub const fn extension(self) -> &'static str {
        match self {
            Self::Json => "json",
            Self::Jsonl => "jsonl",
            Self::Csv => "csv",
            Self::Md => "md",
            Self::Webanno => "jsonld",
        }
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for ExportFormat {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        <Self as clap::ValueEnum>::from_str(s, true)
            .map_err(|_| format!("unknown export format {s:?} (json, jsonl, csv, md, webanno)"))
    }
}

/// What to export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Which statements to keep.
    pub filter: Filter,
    /// Add every quotation the analysis detects, not only the user's annotations.
    pub include_detected: bool,
}

/// Where a row comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    /// An annotation the user made (in the sidecar).
    User,
    /// A quotation found by the analysis that the user has not annotated.
    Detected,
}

impl Source {
    /// `user` or `detected`.
    pub const fn name(self) -> &'static str {
        match self {
            Self::User => "user",
            Self::Detected => "detected",
        }
    }
}

/// The `kind` of a whole-article annotation (it has no statement text).
pub const ARTICLE_KIND: &str = "article";
/// The `kind` of a user annotation on a statement that does not say its kind.
pub const SELECTION_KIND: &str = "selection";

/// One exported statement: a user annotation or a detected quotation.
///
/// A whole-article annotation has kind [`ARTICLE_KIND`], empty `text`,
/// `prefix` and `suffix`, and no `start`/`end`. A user annotation whose text
/// cannot be found in the current article any more is `orphaned`: it keeps
/// its text and context but has no `start`/`end`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExportRecord {
    /// The article id (path relative to the corpus root, without extension).
    pub article_id: String,
    /// The article's title.
    pub title: String,
    /// The article's date (`YYYY-MM-DD`), when it has one.
    pub date: Option<String>,
    /// The article's path relative to the corpus root (empty when the
    /// article is not in the corpus any more).
    pub path: String,
    /// `user` or `detected`.
    pub source: Source,
    /// The sidecar id of the annotation (`None` for detected rows).
    pub annotation_id: Option<String>,
    /// `direct`, `fragment`, `term`, `indirect`, `selection` or `article`.
    pub kind: String,
    /// Who said it: the user's speaker, or the detected one.
    pub speaker: Option<String>,
    /// The statement's exact text (empty for a whole-article annotation).
    pub text: String,
    /// Up to 32 characters before the statement.
    pub prefix: String,
    /// Up to 32 characters after the statement.
    pub suffix: String,
    /// Start, in Unicode characters of the normalised article text (`None`
    /// for a whole-article annotation or an orphaned one).
    pub start: Option<usize>,
    /// End (exclusive), in Unicode characters of the normalised article text.
    pub end: Option<usize>,
    /// True when the statement's text is no longer found in its article (or
    /// the article is gone): it is exported with its text and no offsets.
    pub orphaned: bool,
    /// The user's tags, in the sidecar's order.
    pub tags: Vec<String>,
    /// The user's note (may hold several lines).
    pub note: String,
    /// RFC 3339 creation time (user rows only).
    pub created: Option<String>,
    /// RFC 3339 time of the last change (user rows only).
    pub modified: Option<String>,
}

impl ExportRecord {
    /// True for an annotation on the whole article rather than a statement.
    pub fn is_whole_article(&self) -> bool {
        self.kind == ARTICLE_KIND && self.text.is_empty()
    }
}

/// An article that has at least one exported statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleInfo {
    pub id: String,
    /// Path relative to the corpus root; empty when the article is missing.
    pub path: String,
    pub title: String,
    pub date: Option<String>,
    pub byline: Option<String>,
    /// False when the sidecar names an article the corpus does not hold
    /// (its annotations are exported all the same, never dropped).
    pub in_corpus: bool,
    /// An IRI naming the article: a `file://` URL for a corpus on disk,
    /// `urn:gloss:article:<id>` for the bundled sample corpus.
    pub iri: String,
}

/// Everything one export writes: the rows in a stable order and the
/// articles they belong to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSet {
    /// A short name of the corpus (its path, or `sample corpus`).
    pub corpus: String,
    /// The options the set was built with (recorded in the JSON export).
    pub options: ExportOptions,
    /// The user's speaker merges and splits, which decide who is one person.
    pub speakers: SpeakerDecisions,
    /// Articles with at least one row, in corpus order; articles missing from
    /// the corpus come last, by id.
    pub articles: Vec<ArticleInfo>,
    /// Rows sorted by article (as `articles`): whole-article rows first, then
    /// statements by start, end, source and annotation id, orphans last.
    pub records: Vec<ExportRecord>,
}

impl ExportSet {
    /// The number of rows.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// True when nothing matched.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The rows of each article, in `articles` order.
    pub fn by_article(&self) -> impl Iterator<Item = (&ArticleInfo, &[ExportRecord])> + '_ {
        let mut rest = self.records.as_slice();
        self.articles.iter().map(move |a| {
            let n = rest.iter().take_while(|r| r.article_id == a.id).count();
            let (mine, tail) = rest.split_at(n);
            rest = tail;
            (a, mine)
        })
    }
}

/// Writes `set` in `format` to `out`. The one entry point every caller uses.
pub fn export(format: ExportFormat, set: &ExportSet, out: &mut dyn Write) -> Result<()> {
    match format {
        ExportFormat::Json => json::write_json(set, out),
        ExportFormat::Jsonl => jsonl::write_jsonl(set, out),
        ExportFormat::Csv => csv::write_csv(set, out),
        ExportFormat::Md => markdown::write_markdown(set, out),
        ExportFormat::Webanno => webanno::write_webanno(set, out),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_parse_back() {
        for f in ExportFormat::ALL {
            assert_eq!(f.name().parse::<ExportFormat>(), Ok(f));
        }
        assert_eq!("Markdown".parse::<ExportFormat>(), Ok(ExportFormat::Md));
        assert!("xml".parse::<ExportFormat>().is_err());
    }
}
