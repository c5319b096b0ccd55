//! The terminal user interface: state, update (events → state), view (state →
//! widgets). A thin shell over the lower layers: rendering never analyses text
//! and never touches files.

use anyhow::Result;

use crate::corpus::Corpus;

/// Runs the interactive reader on `corpus` until the user quits.
pub fn run(corpus: Corpus) -> Result<()> {
    println!(
        "{} articles loaded (the reader is not built yet)",
        corpus.articles.len()
    );
    Ok(())
}
