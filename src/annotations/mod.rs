//! The user's data: annotations on statements and articles, their anchoring in
//! changed text, undo, and the sidecar store that keeps them safe. Depends on
//! corpus and analysis types only; knows nothing of the terminal or export
//! formats.
//!
//! - [`model`]: the sidecar's data types (field names are the file format).
//! - [`anchor`]: targets from byte spans, byte↔character offsets, re-anchoring.
//! - [`store`]: [`AnnotationStore`] — edits, queries, debounced durable saving.
//! - [`undo`]: the undo/redo stacks.
//! - [`merge`]: three-way merge with what another process wrote.
//! - [`render`]: the written bytes, assembled from cached per-annotation JSON.
//! - [`file`]: parsing with positioned errors, change detection, durable writes.
//! - [`location`]: where a corpus's sidecar lives.
//!
//! The format is documented in `docs/sidecar-format.md`.

pub mod anchor;
pub mod file;
pub mod location;
pub mod merge;
pub mod model;
pub mod render;
pub mod store;
pub mod undo;

pub use anchor::{Anchor, CharIndex, OrphanReason, anchor, byte_to_char, char_to_byte};
pub use file::StoreError;
pub use location::{SidecarLocation, resolve as resolve_location};
pub use model::{
    Annotation, AnnotationId, SIDECAR_VERSION, Sidecar, SpeakerDecisions, SpeakerMerge, TextTarget,
};
pub use store::{Anchors, AnnotationStore, Applied, EditError, Opened, SaveReport};
pub use undo::ChangeLabel;
