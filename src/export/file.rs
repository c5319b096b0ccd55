//! Writing an export to a file, atomically: the export goes to a temporary
//! file in the destination folder, is flushed to disk and renamed over the
//! destination, so a failed export never leaves a half-written file and never
//! damages an older export of the same name.

use std::fs::{self, File, OpenOptions};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use anyhow::{Context, Result, anyhow};
use time::OffsetDateTime;

use super::{ExportFormat, ExportSet, export};
use crate::annotations::file::folder_of;
use crate::annotations::location;
use crate::corpus::CorpusSource;

/// What an export to a file did, for the caller to report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportSummary {
    /// The file written.
    pub path: PathBuf,
    /// The number of statements written.
    pub statements: usize,
    /// The number of articles they belong to.
    pub articles: usize,
}

/// Where the export dialog proposes to write:
/// `<corpus folder>/.gloss/exports/<name>-<stamp>.<ext>` (for a single-file
/// corpus, the folder holding the file; for the bundled corpus, beside its
/// sidecar in the user's data folder), `name` being the corpus folder's or
/// file's name and `stamp` a [`file_stamp`]. The folder may not exist yet:
/// the caller creates it.
pub fn default_export_path(source: &CorpusSource, format: ExportFormat, stamp: &str) -> PathBuf {
    let (folder, name) = match source {
        CorpusSource::Bundled => {
            let sidecar = location::resolve(source, None).path;
            (folder_of(&sidecar), "sample".to_string())
        }
        CorpusSource::Folder(p) | CorpusSource::File(p) => {
            let p = std::path::absolute(p).unwrap_or_else(|_| p.clone());
            let root = if matches!(source, CorpusSource::File(_)) {
                folder_of(&p)
            } else {
                p.clone()
            };
            let name = p.file_stem().map_or_else(
                || "corpus".to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            (root.join(location::SIDECAR_DIR), name)
        }
    };
    folder
        .join("exports")
        .join(format!("{name}-{stamp}.{}", format.extension()))
}

/// A time as it appears in export file names: `20261121-091500` (UTC), so
/// that names sort by time and hold no characters file systems refuse.
pub fn file_stamp(time: OffsetDateTime) -> String {
    let t = time.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}{:02}{:02}-{:02}{:02}{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    )
}

/// Writes `set` in `format` to `path` atomically. Errors name the path and
/// say why it could not be written, in one sentence.
pub fn export_to_file(format: ExportFormat, set: &ExportSet, path: &Path) -> Result<ExportSummary> {
    write_atomically(path, |out| export(format, set, out))?;
    Ok(ExportSummary {
        path: path.to_path_buf(),
        statements: set.len(),
        articles: set.articles.len(),
    })
}

/// Calls `write` on a temporary file beside `path` and, when it succeeds,
/// renames the temporary file to `path`; on any error the temporary file is
/// removed and `path` is left as it was.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<()>,
) -> Result<()> {
    let fail = |e: anyhow::Error| e.context(format!("cannot write {}", path.display()));
    if path.is_dir() {
        return Err(fail(anyhow!("it is a folder")));
    }
    let (tmp_path, file) = create_temp_beside(path).map_err(fail)?;
    let result = fill(file, write).and_then(|()| {
        fs::rename(&tmp_path, path).context("cannot move the finished file into place")
    });
    if let Err(e) = result {
        let _ = fs::remove_file(&tmp_path);
        return Err(fail(e));
    }
    Ok(())
}

fn fill(file: File, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    let mut out = BufWriter::new(file);
    write(&mut out)?;
    let file = out.into_inner().map_err(|e| e.into_error())?;
    file.sync_all()?;
    Ok(())
}

/// Creates a new, empty temporary file in the folder of `path`.
fn create_temp_beside(path: &Path) -> Result<(PathBuf, File)> {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "export".to_string());
    let mut attempt = 0;
    loop {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{name}.{}-{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(e) => return Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_failed_export_leaves_the_old_file_and_no_temporary() {
        let t = tempfile::tempdir().unwrap();
        let path = t.path().join("out.csv");
        fs::write(&path, "old export\n").unwrap();
        let err = write_atomically(&path, |out| {
            out.write_all(b"half a fi")?;
            Err(anyhow!("disk on fire"))
        })
        .unwrap_err();
        assert!(format!("{err:#}").contains("out.csv"));
        assert_eq!(fs::read_to_string(&path).unwrap(), "old export\n");
        assert_eq!(entries(t.path()), ["out.csv"]);
    }

    #[test]
    fn a_successful_export_replaces_the_file() {
        let t = tempfile::tempdir().unwrap();
        let path = t.path().join("out.csv");
        fs::write(&path, "old").unwrap();
        write_atomically(&path, |out| Ok(out.write_all(b"new")?)).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(entries(t.path()), ["out.csv"]);
    }

    #[test]
    fn default_paths_sit_beside_the_sidecar_with_a_time_stamp() {
        let stamp = file_stamp(time::macros::datetime!(2026-11-21 09:15:07 +01:00));
        assert_eq!(stamp, "20261121-081507");
        let folder = CorpusSource::Folder("/data/news".into());
        assert_eq!(
            default_export_path(&folder, ExportFormat::Csv, &stamp),
            PathBuf::from("/data/news/.gloss/exports/news-20261121-081507.csv")
        );
        let file = CorpusSource::File("/data/story.txt".into());
        assert_eq!(
            default_export_path(&file, ExportFormat::Webanno, &stamp),
            PathBuf::from("/data/.gloss/exports/story-20261121-081507.jsonld")
        );
        let bundled = default_export_path(&CorpusSource::Bundled, ExportFormat::Md, &stamp);
        assert!(
            bundled.ends_with("sample/exports/sample-20261121-081507.md"),
            "{bundled:?}"
        );
    }

    #[test]
    fn missing_folders_and_folders_as_targets_are_clear_errors() {
        let t = tempfile::tempdir().unwrap();
        let missing = t.path().join("no/such/dir/out.md");
        let err = format!("{:#}", write_atomically(&missing, |_| Ok(())).unwrap_err());
        assert!(
            err.starts_with(&format!("cannot write {}", missing.display())),
            "{err}"
        );
        let err = format!("{:#}", write_atomically(t.path(), |_| Ok(())).unwrap_err());
        assert!(err.contains("it is a folder"), "{err}");
    }
}
