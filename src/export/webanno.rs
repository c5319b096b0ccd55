//! The `webanno` format: a W3C Web Annotation Data Model `AnnotationCollection`
//! (JSON-LD, context `http://www.w3.org/ns/anno.jsonld`) holding one
//! `AnnotationPage` with every annotation.
//!
//! Each statement targets its article (`target.source`) through a
//! `TextQuoteSelector` (exact, prefix, suffix) and a `TextPositionSelector`
//! (start, end in code points, as the model defines them). Bodies are
//! `TextualBody`s: the speaker with purpose `identifying`, the kind with
//! `classifying`, each tag with `tagging`, the note with `commenting`.
//! Detected rows name gloss as their `creator` (type `Software`). A statement
//! no longer found in its article keeps only its `TextQuoteSelector`.

use std::io::{BufWriter, Write};

use anyhow::{Context, Result};
use serde::Serialize;

use super::records::percent_encode;
use super::{ExportRecord, ExportSet, Source};

/// The JSON-LD context of the W3C Web Annotation Data Model.
pub const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    label: String,
    total: usize,
    first: Page<'a>,
}

#[derive(Serialize)]
struct Page<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    created: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    modified: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    creator: Option<Agent>,
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

#[derive(Serialize)]
struct Agent {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'static str,
}

#[derive(Serialize)]
struct Body<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    purpose: &'static str,
    value: &'a str,
    format: &'static str,
}

#[derive(Serialize)]
struct Target<'a> {
    source: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    selector: Vec<Selector<'a>>,
}

#[derive(Serialize)]
#[serde(tag = "type")]
enum Selector<'a> {
    TextQuoteSelector {
        exact: &'a str,
        #[serde(skip_serializing_if = "str::is_empty")]
        prefix: &'a str,
        #[serde(skip_serializing_if = "str::is_empty")]
        suffix: &'a str,
    },
    TextPositionSelector {
        start: usize,
        end: usize,
    },
}

/// Writes `set` as a pretty-printed JSON-LD `AnnotationCollection`.
pub fn write_webanno(set: &ExportSet, out: &mut dyn Write) -> Result<()> {
    let mut items = Vec::with_capacity(set.records.len());
    for (article, rows) in set.by_article() {
        items.extend(rows.iter().map(|r| item(r, &article.iri)));
    }
    let collection = Collection {
        context: CONTEXT,
        kind: "AnnotationCollection",
        label: format!("gloss annotations: {}", set.corpus),
        total: items.len(),
        first: Page {
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    // Buffered here so that serde's many small writes are not dynamic calls.
    let mut out = BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, &collection)
        .context("writing the Web Annotation export")?;
    out.write_all(b"\n")
        .context("writing the Web Annotation export")?;
    out.flush().context("writing the Web Annotation export")
}

fn item<'a>(r: &'a ExportRecord, source: &'a str) -> Item<'a> {
    let text = |purpose, value| Body {
        kind: "TextualBody",
        purpose,
        value,
        format: "text/plain",
    };
    let mut body = Vec::with_capacity(r.tags.len() + 3);
    if let Some(speaker) = &r.speaker {
        body.push(text("identifying", speaker));
    }
    body.push(text("classifying", &r.kind));
    body.extend(r.tags.iter().map(|t| text("tagging", t)));
    if !r.note.is_empty() {
        body.push(text("commenting", &r.note));
    }
    // An orphaned statement keeps its quote, which a reader can search for,
    // but has no position in the current text.
    let mut selector = Vec::with_capacity(2);
    if !r.is_whole_article() {
        selector.push(Selector::TextQuoteSelector {
            exact: &r.text,
            prefix: &r.prefix,
            suffix: &r.suffix,
        });
    }
    if let (Some(start), Some(end)) = (r.start, r.end) {
        selector.push(Selector::TextPositionSelector { start, end });
    }
    Item {
        id: item_id(r),
        kind: "Annotation",
        created: r.created.as_deref(),
        modified: r.modified.as_deref(),
        creator: (r.source == Source::Detected).then_some(Agent {
            kind: "Software",
            name: "gloss",
        }),
        body,
        target: Target { source, selector },
    }
}

/// A stable IRI for a row: the sidecar id for the user's annotations, the
/// article and span for detected ones.
fn item_id(r: &ExportRecord) -> String {
    match &r.annotation_id {
        Some(id) => format!("urn:gloss:annotation:{}", percent_encode(id)),
        None => format!(
            "urn:gloss:detected:{}:{}-{}",
            percent_encode(&r.article_id),
            r.start.unwrap_or(0),
            r.end.unwrap_or(0)
        ),
    }
}
