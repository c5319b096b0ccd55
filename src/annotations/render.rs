//! Writing the sidecar's bytes: pretty JSON exactly as `serde_json` would
//! print the whole [`Sidecar`](super::model::Sidecar), but assembled from one
//! cached rendering per annotation, so that saving after one edit renders one
//! annotation instead of ten thousand. No I/O.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Map, Value};

use super::model::{Annotation, AnnotationId, SpeakerDecisions};

/// Indentation of an annotation inside the `annotations` array.
const ITEM_INDENT: &[u8] = b"    ";
/// Indentation of a top-level field.
const FIELD_INDENT: &[u8] = b"  ";

/// Renders sidecars, remembering each annotation's rendering until it changes.
#[derive(Debug, Default)]
pub struct Renderer {
    cache: HashMap<AnnotationId, Box<[u8]>>,
}

impl Renderer {
    /// Forgets the rendering of an annotation that changed.
    pub fn invalidate(&mut self, id: &AnnotationId) {
        self.cache.remove(id);
    }

    /// The whole file. `annotations` must be in the written order.
    pub fn render(
        &mut self,
        version: u32,
        speakers: &SpeakerDecisions,
        annotations: &[&Annotation],
        extra: &Map<String, Value>,
    ) -> Vec<u8> {
        // One scratch buffer for every annotation not rendered yet, so that
        // each costs a single allocation of its final size.
        let mut scratch = Vec::new();
        for a in annotations {
            if !self.cache.contains_key(&a.id) {
                scratch.clear();
                // Serialising plain data into memory cannot fail.
                let _ = serde_json::to_writer_pretty(&mut scratch, a);
                let piece = indented(&scratch, ITEM_INDENT).into_boxed_slice();
                self.cache.insert(a.id.clone(), piece);
            }
        }
        let pieces: Vec<&[u8]> = annotations
            .iter()
            .map(|a| self.cache.get(&a.id).map_or(&[][..], |p| &**p))
            .collect();

        let size: usize = pieces.iter().map(|p| p.len() + 6).sum();
        let mut out = Vec::with_capacity(size + 256);
        out.extend_from_slice(b"{\n  \"version\": ");
        out.extend_from_slice(version.to_string().as_bytes());
        if !speakers.is_empty() {
            out.extend_from_slice(b",\n  \"speakers\": ");
            out.extend_from_slice(&indented(&pretty(speakers), FIELD_INDENT));
        }
        out.extend_from_slice(b",\n  \"annotations\": [");
        for (i, piece) in pieces.iter().enumerate() {
            out.extend_from_slice(if i == 0 { b"\n" } else { b",\n" });
            out.extend_from_slice(ITEM_INDENT);
            out.extend_from_slice(piece);
        }
        if !annotations.is_empty() {
            out.extend_from_slice(b"\n  ");
        }
        out.push(b']');
        for (key, value) in extra {
            out.extend_from_slice(b",\n  ");
            out.extend_from_slice(&pretty(key));
            out.extend_from_slice(b": ");
            out.extend_from_slice(&indented(&pretty(value), FIELD_INDENT));
        }
        out.extend_from_slice(b"\n}\n");
        out
    }
}

fn pretty(value: &impl Serialize) -> Vec<u8> {
    // Serialising plain data into memory cannot fail.
    serde_json::to_vec_pretty(value).unwrap_or_default()
}

/// Indents every line after the first by `indent`. JSON strings never hold a
/// raw line break, so every `\n` is a line of the layout.
fn indented(json: &[u8], indent: &[u8]) -> Vec<u8> {
    let lines = json.iter().filter(|&&b| b == b'\n').count();
    let mut out = Vec::with_capacity(json.len() + lines * indent.len());
    for &b in json {
        out.push(b);
        if b == b'\n' {
            out.extend_from_slice(indent);
        }
    }
    out
}

/// Pretty JSON with a final newline, as the sidecar is written.
pub fn to_pretty_json(value: &impl Serialize) -> Vec<u8> {
    let mut bytes = pretty(value);
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::model::{Sidecar, SpeakerMerge, TextTarget};

    fn sample() -> Sidecar {
        let mut s = Sidecar::default();
        let mut a = Annotation::new("politics/001", None);
        a.note = "two\nlines and \"quotes\"".into();
        a.extra.insert(
            "nested".into(),
            serde_json::json!({"a": [1, {"b": null}], "c": {}}),
        );
        s.annotations.push(a);
        let mut b = Annotation::new(
            "politics/001",
            Some(
                TextTarget::from_byte_span("Él dijo “sí”.", crate::analysis::Span::new(9, 12))
                    .unwrap(),
            ),
        );
        b.tags = vec!["x".into(), "ü".into()];
        b.speaker = Some("Someone".into());
        s.annotations.push(b);
        s.speakers.merges.push(SpeakerMerge {
            from: "a".into(),
            into: "b".into(),
            extra: Map::new(),
        });
        s.speakers.splits.push("c".into());
        s.extra
            .insert("zeta".into(), serde_json::json!([1, 2, {"deep": [true]}]));
        s.extra.insert("alpha".into(), serde_json::json!("text"));
        s
    }

    fn render(s: &Sidecar, renderer: &mut Renderer) -> Vec<u8> {
        let refs: Vec<&Annotation> = s.annotations.iter().collect();
        renderer.render(s.version, &s.speakers, &refs, &s.extra)
    }

    #[test]
    fn assembled_output_is_what_serde_json_prints() {
        let mut s = sample();
        let mut renderer = Renderer::default();
        assert_eq!(
            String::from_utf8(render(&s, &mut renderer)).unwrap(),
            String::from_utf8(to_pretty_json(&s)).unwrap()
        );
        s.annotations.clear();
        s.speakers = SpeakerDecisions::default();
        s.extra.clear();
        assert_eq!(render(&s, &mut renderer), to_pretty_json(&s));
    }

    #[test]
    fn a_changed_annotation_is_rendered_again_only_after_invalidation() {
        let mut s = sample();
        let mut renderer = Renderer::default();
        render(&s, &mut renderer);
        s.annotations[0].note = "changed".into();
        assert_ne!(
            render(&s, &mut renderer),
            to_pretty_json(&s),
            "stale until invalidated"
        );
        renderer.invalidate(&s.annotations[0].id);
        assert_eq!(render(&s, &mut renderer), to_pretty_json(&s));
    }
}
