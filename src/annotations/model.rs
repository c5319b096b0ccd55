//! The annotation model as stored in the sidecar.
//!
//! Fields gloss does not know are kept in `extra` and written back unchanged,
//! so a newer gloss (or another program) never loses data through an older one.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A stable, unique annotation id.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnnotationId(pub String);

/// Where an annotation points in an article, robust to edits of the file:
/// the exact text with some context (as W3C's TextQuoteSelector) plus its
/// position in Unicode characters (as W3C's TextPositionSelector).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextTarget {
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    /// Start, in Unicode characters of the normalised text.
    pub start: usize,
    /// End (exclusive), in Unicode characters of the normalised text.
    pub end: usize,
}

/// One annotation: a statement (or a whole article) with the user's speaker,
/// tags and note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    pub id: AnnotationId,
    /// The article id (path relative to the corpus root, without extension).
    pub article: String,
    /// The statement; `None` when the annotation is about the whole article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<TextTarget>,
    /// The statement kind (`direct`, `fragment`, `term`, `indirect`, `selection`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The speaker the user set or confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub note: String,
    /// RFC 3339 creation time.
    pub created: String,
    /// RFC 3339 time of the last change.
    pub modified: String,
    /// Fields this version of gloss does not know, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The current sidecar format version. A sidecar with a higher version is
/// never written by this gloss.
pub const SIDECAR_VERSION: u32 = 1;

/// The whole sidecar file: `<corpus>/.gloss/annotations.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sidecar {
    pub version: u32,
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    /// Fields this version of gloss does not know, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Default for Sidecar {
    fn default() -> Self {
        Self {
            version: SIDECAR_VERSION,
            annotations: Vec::new(),
            extra: Map::new(),
        }
    }
}
