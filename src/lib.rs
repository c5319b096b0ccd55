//! gloss: read and annotate a corpus of news articles in the terminal — who said what.
//!
//! Layers, each depending only on those before it:
//! [`corpus`] (loading) → [`analysis`] (pure text → spans) → [`annotations`]
//! (user data and its sidecar) → [`export`] / [`tui`] / [`cli`].

pub mod analysis;
pub mod annotations;
pub mod cli;
pub mod corpus;
pub mod export;
pub mod search;
pub mod tui;
