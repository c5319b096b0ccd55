//! Browsing a corpus by text, speaker and entity: the search-line query
//! language and its inverted index, article filters and sort orders, fuzzy
//! matching for pickers, corpus-wide speaker and entity tables, and grouping
//! of the same statement reported by several outlets.
//!
//! Built for a terminal interface that stays responsive on 100,000 articles:
//! everything expensive is built incrementally as articles load (the text
//! index, the speaker and entity catalogues), and the per-keystroke or
//! per-view work reads only those structures. Uses corpus, analysis and
//! annotation types; never draws, never reads or writes files.

pub mod entities;
pub mod filter;
pub mod fuzzy;
pub mod index;
pub mod list;
pub mod query;
pub mod sort;
pub mod speakers;
pub mod tokenize;
pub mod variants;

pub use entities::{EntityCatalog, EntityKey, EntityRow, EntitySort, EntityTable};
pub use filter::{ArticleFacts, DateRange, Filter, FilterSet};
pub use fuzzy::{fuzzy_rank, fuzzy_score};
pub use index::{ArticleIdx, Hit, TextIndex};
pub use list::{ListEntry, article_list};
pub use query::{Query, Term, next_match, previous_match};
pub use sort::{SortKey, sort_articles};
pub use speakers::{
    NameId, SpeakerCatalog, SpeakerDecisions, SpeakerDirectory, SpeakerRow, SpeakerSort,
    SpeakerTable, Statement, UserStatement, Who,
};
pub use variants::{VariantGroups, VariantInput, VariantParams, WordDiff, word_diff};
