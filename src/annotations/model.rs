//! The annotation model as stored in the sidecar.
//!
//! Fields gloss does not know are kept in `extra` and written back unchanged,
//! so a newer gloss (or another program) never loses data through an older one.
//! This module is plain data plus ids and timestamps; reading and writing files
//! lives in the store, finding targets in changed text in `anchor`.

use std::cmp::Ordering;
use std::fmt;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU64, Ordering as AtomicOrdering};

use serde::{Deserialize, Deserializer, Serialize, de};
use serde_json::{Map, Value};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// A stable, unique annotation id.
///
/// New ids are the creation time in milliseconds (hexadecimal, so they sort by
/// creation) and 64 random bits: two gloss processes never need to agree on ids.
/// Ids read from a sidecar may be any string and are kept as they are.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnnotationId(pub String);

impl AnnotationId {
    /// A fresh id, unique across processes without coordination.
    pub fn generate() -> Self {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let now = OffsetDateTime::now_utc();
        let millis = u64::try_from(now.unix_timestamp_nanos() / 1_000_000).unwrap_or(0);
        // `RandomState` is seeded from the operating system's randomness, so
        // hashing (time, process, counter) gives bits no other process shares.
        let random = std::collections::hash_map::RandomState::new().hash_one((
            now.unix_timestamp_nanos(),
            std::process::id(),
            COUNTER.fetch_add(1, AtomicOrdering::Relaxed),
        ));
        Self(format!("{millis:011x}-{random:016x}"))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for AnnotationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for AnnotationId {
    fn from(s: &str) -> Self {
        Self(s.to_string())
    }
}

/// Where an annotation points in an article, robust to edits of the file:
/// the exact text with some context (as W3C's TextQuoteSelector) plus its
/// position in Unicode characters (as W3C's TextPositionSelector).
///
/// Build one from byte offsets with [`TextTarget::from_byte_span`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextTarget {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    /// Start, in Unicode characters of the normalised text.
    pub start: usize,
    /// End (exclusive), in Unicode characters of the normalised text.
    pub end: usize,
    /// Fields this version of gloss does not know, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One annotation: a statement (or a whole article) with the user's speaker,
/// tags and note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Annotation {
    pub id: AnnotationId,
    /// The article id (path relative to the corpus root, without extension).
    pub article: String,
    /// The statement; `None` when the annotation is about the whole article.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<TextTarget>,
    /// The statement kind (`direct`, `fragment`, `term`, `indirect`, `selection`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The speaker the user set or confirmed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    pub tags: Vec<String>,
    pub note: String,
    /// RFC 3339 creation time.
    pub created: String,
    /// RFC 3339 time of the last change.
    pub modified: String,
    /// Fields this version of gloss does not know, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Annotation {
    /// A new annotation with a fresh id, created and modified now.
    pub fn new(article: impl Into<String>, target: Option<TextTarget>) -> Self {
        let now = now_rfc3339();
        Self {
            id: AnnotationId::generate(),
            article: article.into(),
            target,
            kind: None,
            speaker: None,
            tags: Vec::new(),
            note: String::new(),
            created: now.clone(),
            modified: now,
            extra: Map::new(),
        }
    }

    /// The start of the target in characters; `None` for a whole-article annotation.
    pub fn start(&self) -> Option<usize> {
        self.target.as_ref().map(|t| t.start)
    }

    /// True when the annotation carries `tag`.
    pub fn has_tag(&self, tag: &str) -> bool {
        self.tags.iter().any(|t| t == tag)
    }

    /// The order annotations are written in: article, start (whole-article
    /// annotations first), id.
    pub fn sort_key(&self) -> (&str, Option<usize>, &str) {
        (&self.article, self.start(), self.id.as_str())
    }
}

/// The current sidecar format version. A sidecar with a higher version is
/// never written by this gloss.
pub const SIDECAR_VERSION: u32 = 1;

/// One user decision that two speaker names are the same person: every
/// statement by `from` counts as by `into`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerMerge {
    pub from: String,
    pub into: String,
    /// Fields this version of gloss does not know, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The user's corrections to speaker identities across the corpus: names
/// merged into one person, and names the automatic linking must keep apart.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerDecisions {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merges: Vec<SpeakerMerge>,
    /// Names that must not be linked to any other identity.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub splits: Vec<String>,
    /// Fields this version of gloss does not know, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl SpeakerDecisions {
    /// True when there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.merges.is_empty() && self.splits.is_empty() && self.extra.is_empty()
    }
}

/// The whole sidecar file: `<corpus>/.gloss/annotations.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sidecar {
    pub version: u32,
    /// Speaker merges and splits the user decided.
    #[serde(skip_serializing_if = "SpeakerDecisions::is_empty")]
    pub speakers: SpeakerDecisions,
    pub annotations: Vec<Annotation>,
    /// Fields this version of gloss does not know, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Default for Sidecar {
    fn default() -> Self {
        Self {
            version: SIDECAR_VERSION,
            speakers: SpeakerDecisions::default(),
            annotations: Vec::new(),
            extra: Map::new(),
        }
    }
}

impl Sidecar {
    /// Puts the annotations in the written order (see [`Annotation::sort_key`]).
    pub fn sort(&mut self) {
        self.annotations
            .sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    }
}

/// The current time as RFC 3339 in UTC with milliseconds
/// (`2026-03-01T12:00:00.123Z`).
pub fn now_rfc3339() -> String {
    let now = OffsetDateTime::now_utc();
    let millis = now.millisecond();
    now.replace_millisecond(millis)
        .unwrap_or(now)
        .format(&Rfc3339)
        .unwrap_or_else(|_| now.unix_timestamp().to_string())
}

/// Orders two RFC 3339 times; text that does not parse compares as text, after
/// any time that does.
pub fn compare_times(a: &str, b: &str) -> Ordering {
    match (parse_time(a), parse_time(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}

fn parse_time(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).ok()
}

// Reading is written out by hand for the three types that keep unknown fields
// in `extra`: serde's `flatten` would first copy every value of the file into
// an intermediate tree, which makes loading a large sidecar several times
// slower. Missing optional fields take their defaults; errors keep the line
// and column of the offending value.

/// A field name: one of the type's own, or another one (kept in `extra`).
enum Field {
    Known(&'static str),
    Other(String),
}

impl Field {
    fn into_name(self) -> String {
        match self {
            Self::Known(name) => name.to_string(),
            Self::Other(name) => name,
        }
    }
}

struct FieldSeed(&'static [&'static str]);

impl<'de> de::DeserializeSeed<'de> for FieldSeed {
    type Value = Field;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Field, D::Error> {
        d.deserialize_identifier(self)
    }
}

impl de::Visitor<'_> for FieldSeed {
    type Value = Field;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Field, E> {
        Ok(match self.0.iter().find(|k| **k == v) {
            Some(k) => Field::Known(k),
            None => Field::Other(v.to_string()),
        })
    }
}

/// Reads the next value into `slot`, refusing a field given twice.
fn once<'de, T: Deserialize<'de>, A: de::MapAccess<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

fn required<T, E: de::Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}

/// Deserialises a type through a visitor of its map, named for error messages.
macro_rules! deserialize_via_map {
    ($ty:ty, $expecting:literal, $fields:expr, |$map:ident| $body:expr) => {
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> de::Visitor<'de> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_map<A: de::MapAccess<'de>>(
                        self,
                        mut $map: A,
                    ) -> Result<$ty, A::Error> {
                        $body
                    }
                }
                d.deserialize_struct(stringify!($ty), $fields, V)
            }
        }
    };
}

const TARGET_FIELDS: &[&str] = &["exact", "prefix", "suffix", "start", "end"];

deserialize_via_map!(TextTarget, "a target object", TARGET_FIELDS, |map| {
    let (mut exact, mut prefix, mut suffix, mut start, mut end) = (None, None, None, None, None);
    let mut extra = Map::new();
    while let Some(field) = map.next_key_seed(FieldSeed(TARGET_FIELDS))? {
        match field {
            Field::Known("exact") => once(&mut map, &mut exact, "exact")?,
            Field::Known("prefix") => once(&mut map, &mut prefix, "prefix")?,
            Field::Known("suffix") => once(&mut map, &mut suffix, "suffix")?,
            Field::Known("start") => once(&mut map, &mut start, "start")?,
            Field::Known("end") => once(&mut map, &mut end, "end")?,
            other => {
                extra.insert(other.into_name(), map.next_value()?);
            }
        }
    }
    Ok(TextTarget {
        exact: required(exact, "exact")?,
        prefix: prefix.unwrap_or_default(),
        suffix: suffix.unwrap_or_default(),
        start: required(start, "start")?,
        end: required(end, "end")?,
        extra,
    })
});

const ANNOTATION_FIELDS: &[&str] = &[
    "id", "article", "target", "kind", "speaker", "tags", "note", "created", "modified",
];

deserialize_via_map!(
    Annotation,
    "an annotation object",
    ANNOTATION_FIELDS,
    |map| {
        let (mut id, mut article, mut target, mut kind, mut speaker) =
            (None, None, None, None, None);
        let (mut tags, mut note, mut created, mut modified) = (None, None, None, None);
        let mut extra = Map::new();
        while let Some(field) = map.next_key_seed(FieldSeed(ANNOTATION_FIELDS))? {
            match field {
                Field::Known("id") => once(&mut map, &mut id, "id")?,
                Field::Known("article") => once(&mut map, &mut article, "article")?,
                Field::Known("target") => once(&mut map, &mut target, "target")?,
                Field::Known("kind") => once(&mut map, &mut kind, "kind")?,
                Field::Known("speaker") => once(&mut map, &mut speaker, "speaker")?,
                Field::Known("tags") => once(&mut map, &mut tags, "tags")?,
                Field::Known("note") => once(&mut map, &mut note, "note")?,
                Field::Known("created") => once(&mut map, &mut created, "created")?,
                Field::Known("modified") => once(&mut map, &mut modified, "modified")?,
                other => {
                    extra.insert(other.into_name(), map.next_value()?);
                }
            }
        }
        Ok(Annotation {
            id: required(id, "id")?,
            article: required(article, "article")?,
            target: target.flatten(),
            kind: kind.flatten(),
            speaker: speaker.flatten(),
            tags: tags.unwrap_or_default(),
            note: note.unwrap_or_default(),
            created: required(created, "created")?,
            modified: required(modified, "modified")?,
            extra,
        })
    }
);

const SIDECAR_FIELDS: &[&str] = &["version", "speakers", "annotations"];

deserialize_via_map!(Sidecar, "a sidecar object", SIDECAR_FIELDS, |map| {
    let (mut version, mut speakers, mut annotations) = (None, None, None);
    let mut extra = Map::new();
    while let Some(field) = map.next_key_seed(FieldSeed(SIDECAR_FIELDS))? {
        match field {
            Field::Known("version") => once(&mut map, &mut version, "version")?,
            Field::Known("speakers") => once(&mut map, &mut speakers, "speakers")?,
            Field::Known("annotations") => once(&mut map, &mut annotations, "annotations")?,
            other => {
                extra.insert(other.into_name(), map.next_value()?);
            }
        }
    }
    Ok(Sidecar {
        version: required(version, "version")?,
        speakers: speakers.unwrap_or_default(),
        annotations: annotations.unwrap_or_default(),
        extra,
    })
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_unique_and_sort_by_time() {
        let ids: Vec<AnnotationId> = (0..1000).map(|_| AnnotationId::generate()).collect();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
        let first = AnnotationId::generate();
        std::thread::sleep(std::time::Duration::from_millis(2));
        assert!(AnnotationId::generate() > first);
    }

    #[test]
    fn timestamps_are_rfc3339_and_ordered() {
        let t = now_rfc3339();
        assert!(parse_time(&t).is_some(), "{t}");
        assert_eq!(
            compare_times("2026-01-01T10:00:00Z", "2026-01-01T11:00:00+02:00"),
            Ordering::Greater
        );
        assert_eq!(
            compare_times("garbage", "2026-01-01T10:00:00Z"),
            Ordering::Greater
        );
    }

    #[test]
    fn annotations_sort_by_article_then_start_then_id() {
        let target = |start| TextTarget {
            exact: "x".into(),
            prefix: String::new(),
            suffix: String::new(),
            start,
            end: start + 1,
            extra: Map::new(),
        };
        let mut s = Sidecar::default();
        for (id, article, start) in [
            ("c", "b", Some(1)),
            ("b", "a", Some(5)),
            ("a", "a", Some(5)),
        ] {
            let mut a = Annotation::new(article, start.map(target));
            a.id = id.into();
            s.annotations.push(a);
        }
        s.annotations.push(Annotation::new("a", None));
        s.sort();
        let order: Vec<_> = s.annotations.iter().map(|a| a.start()).collect();
        assert_eq!(order, [None, Some(5), Some(5), Some(1)]);
        assert_eq!(s.annotations[1].id.as_str(), "a");
    }

    #[test]
    fn unknown_fields_round_trip_at_every_level() {
        let json = r#"{"version":1,"color":"red",
            "speakers":{"merges":[{"from":"A","into":"B","why":"same"}],"splits":["C"],"k":1},
            "annotations":[{"id":"x","article":"a","created":"t","modified":"t","stars":3,
              "target":{"exact":"e","start":0,"end":1,"type":"TextQuoteSelector"}}]}"#;
        let s: Sidecar = serde_json::from_str(json).unwrap();
        assert_eq!(s.extra["color"], "red");
        assert_eq!(s.speakers.extra["k"], 1);
        assert_eq!(s.speakers.merges[0].extra["why"], "same");
        assert_eq!(s.annotations[0].extra["stars"], 3);
        let t = s.annotations[0].target.as_ref().unwrap();
        assert_eq!(t.extra["type"], "TextQuoteSelector");
        let again: Sidecar = serde_json::from_str(&serde_json::to_string(&s).unwrap()).unwrap();
        assert_eq!(again, s);
    }
}
