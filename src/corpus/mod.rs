//! The corpus layer: finds article files, decodes and normalises them once, and
//! reads their metadata. Every other layer works on [`Article::text`]; this
//! layer knows nothing of analysis, annotations or the terminal.

pub mod load;
pub mod metadata;
pub mod normalize;
pub mod stream;

pub use load::{
    Article, ArticleId, ArticleWarning, Corpus, CorpusSource, LoadError, SkipReason, Skipped,
};
pub use metadata::Metadata;
