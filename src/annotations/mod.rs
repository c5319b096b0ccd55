//! The user's data: annotations on statements and articles, and (later) the
//! sidecar store that keeps them safe. Depends on corpus and analysis types only;
//! knows nothing of the terminal or export formats.

pub mod model;

pub use model::{Annotation, AnnotationId, SIDECAR_VERSION, Sidecar, TextTarget};
