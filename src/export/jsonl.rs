//! The `jsonl` format: one JSON object per statement per line, every row
//! carrying its article's id, title, date and path (for pandas and jq).

use std::io::{BufWriter, Write};

use anyhow::{Context, Result};

use super::ExportSet;

/// Writes one compact JSON object per row of `set`, each ending with `\n`.
pub fn write_jsonl(set: &ExportSet, out: &mut dyn Write) -> Result<()> {
    // Buffered here so that serde's many small writes are not dynamic calls.
    let mut out = BufWriter::with_capacity(1 << 16, out);
    for record in &set.records {
        serde_json::to_writer(&mut out, record).context("writing the JSON Lines export")?;
        out.write_all(b"\n")
            .context("writing the JSON Lines export")?;
    }
    out.flush().context("writing the JSON Lines export")
}
