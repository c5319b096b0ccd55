//! Where a corpus's sidecar lives.
//!
//! `<corpus folder>/.gloss/annotations.json` for a folder, `<file>.gloss.json`
//! beside a single-file corpus, or the file the user named with
//! `--annotations`. The bundled sample corpus has no folder, and a place that
//! cannot be written is replaced: both go to the user's data folder, and the
//! resulting [`SidecarLocation::notice`] says so, for the status bar.

use std::fs;
use std::path::{Path, PathBuf};

use crate::corpus::CorpusSource;

/// The sidecar's file name inside a corpus folder's `.gloss` folder.
pub const SIDECAR_FILE: &str = "annotations.json";
/// The folder beside the articles that holds gloss's files.
pub const SIDECAR_DIR: &str = ".gloss";

/// The resolved sidecar place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SidecarLocation {
    /// The file to open and save.
    pub path: PathBuf,
    /// Set when the sidecar is not where the user would look for it, saying
    /// where it is and why (shown in the status bar).
    pub notice: Option<String>,
}

/// The sidecar place before any fallback: the explicit file, or the default
/// next to the corpus (`None` for the bundled corpus).
pub fn preferred_path(source: &CorpusSource, explicit: Option<&Path>) -> Option<PathBuf> {
    if let Some(p) = explicit {
        return Some(p.to_path_buf());
    }
    match source {
        CorpusSource::Bundled => None,
        CorpusSource::Folder(dir) => Some(dir.join(SIDECAR_DIR).join(SIDECAR_FILE)),
        CorpusSource::File(file) => {
            let mut name = file.file_name().unwrap_or_default().to_os_string();
            name.push(".gloss.json");
            Some(file.with_file_name(name))
        }
    }
}

/// Resolves the sidecar for `source`, falling back to the user's data folder
/// (from the `directories` crate) for the bundled corpus or an unwritable place.
pub fn resolve(source: &CorpusSource, explicit: Option<&Path>) -> SidecarLocation {
    let data_dir = directories::ProjectDirs::from("", "", "gloss")
        .map(|d| d.data_dir().to_path_buf())
        .unwrap_or_else(|| std::env::temp_dir().join("gloss"));
    resolve_in(source, explicit, &data_dir)
}

/// [`resolve`] with the data folder given, so that it can be tested.
pub fn resolve_in(
    source: &CorpusSource,
    explicit: Option<&Path>,
    data_dir: &Path,
) -> SidecarLocation {
    let Some(preferred) = preferred_path(source, explicit) else {
        let path = data_dir.join("sample").join(SIDECAR_FILE);
        return SidecarLocation {
            notice: Some(format!(
                "annotations of the sample corpus are kept in {}",
                path.display()
            )),
            path,
        };
    };
    let problem = match writable_folder(&preferred) {
        Ok(()) => {
            return SidecarLocation {
                path: preferred,
                notice: None,
            };
        }
        Err(e) => e,
    };
    let path = data_dir
        .join("corpora")
        .join(fallback_folder_name(&preferred))
        .join(SIDECAR_FILE);
    // Start from the annotations already there, so none goes missing from view.
    if !path.exists()
        && preferred.is_file()
        && fs::create_dir_all(super::file::folder_of(&path)).is_ok()
    {
        let _ = fs::copy(&preferred, &path);
    }
    SidecarLocation {
        notice: Some(format!(
            "{} cannot be written ({problem}); annotations are kept in {}",
            preferred.display(),
            path.display()
        )),
        path,
    }
}

/// The sidecar to read for `source` without changing anything on disk: the
/// file named with `--annotations`, else the one beside the corpus when it
/// exists, else where [`resolve`] would keep it (the user's data folder for the
/// sample corpus or a folder that cannot be written). Used by readers that
/// never save (the export).
pub fn path_for_reading(source: &CorpusSource, explicit: Option<&Path>) -> PathBuf {
    match preferred_path(source, explicit) {
        Some(p) if explicit.is_some() || p.exists() => p,
        _ => resolve(source, None).path,
    }
}

/// Checks that files can be created in the sidecar's folder, or — when the
/// folder is not there yet — in the nearest folder above it that is, so that
/// opening a corpus leaves nothing behind; the folder is made at the first save.
fn writable_folder(sidecar: &Path) -> std::io::Result<()> {
    let dir = super::file::folder_of(sidecar);
    let existing = dir
        .ancestors()
        .map(|d| {
            if d.as_os_str().is_empty() {
                Path::new(".")
            } else {
                d
            }
        })
        .find(|d| d.exists())
        .unwrap_or(Path::new("."));
    if !existing.is_dir() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotADirectory,
            format!("{} is not a folder", existing.display()),
        ));
    }
    let probe = existing.join(format!(".gloss-write-test-{}", std::process::id()));
    fs::File::create(&probe)?;
    fs::remove_file(&probe)
}

/// A folder name that is readable and unique per sidecar path: the corpus
/// folder's name and a stable hash of the whole path.
fn fallback_folder_name(sidecar: &Path) -> String {
    let absolute = std::path::absolute(sidecar).unwrap_or_else(|_| sidecar.to_path_buf());
    let readable: String = corpus_name(&absolute)
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    format!(
        "{readable}-{:016x}",
        fnv1a(absolute.to_string_lossy().as_bytes())
    )
}

fn corpus_name(sidecar: &Path) -> String {
    let mut parent = sidecar.parent();
    if parent
        .and_then(Path::file_name)
        .is_some_and(|n| n == SIDECAR_DIR)
    {
        parent = parent.and_then(Path::parent);
    }
    parent
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "corpus".to_string())
}

/// FNV-1a: a hash that stays the same across runs and Rust versions.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_corpus_keeps_its_sidecar_in_dot_gloss() {
        let corpus = tempfile::tempdir().unwrap();
        let data = tempfile::tempdir().unwrap();
        let loc = resolve_in(
            &CorpusSource::Folder(corpus.path().to_path_buf()),
            None,
            data.path(),
        );
        assert_eq!(loc.path, corpus.path().join(".gloss/annotations.json"));
        assert_eq!(loc.notice, None);
        assert!(
            fs::read_dir(corpus.path()).unwrap().next().is_none(),
            "opening a corpus leaves its folder as it was"
        );
    }

    #[test]
    fn a_single_file_corpus_keeps_its_sidecar_beside_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("story.txt");
        let loc = resolve_in(&CorpusSource::File(file), None, dir.path());
        assert_eq!(loc.path, dir.path().join("story.txt.gloss.json"));
    }

    #[test]
    fn an_explicit_file_wins() {
        let dir = tempfile::tempdir().unwrap();
        let mine = dir.path().join("mine.json");
        let loc = resolve_in(
            &CorpusSource::Folder(dir.path().to_path_buf()),
            Some(&mine),
            dir.path(),
        );
        assert_eq!(loc.path, mine);
        assert_eq!(loc.notice, None);
    }

    #[test]
    fn the_sample_corpus_uses_the_data_folder_and_says_so() {
        let data = tempfile::tempdir().unwrap();
        let loc = resolve_in(&CorpusSource::Bundled, None, data.path());
        assert_eq!(loc.path, data.path().join("sample/annotations.json"));
        assert!(loc.notice.unwrap().contains("sample corpus"));
    }

    #[test]
    fn an_unwritable_place_falls_back_to_the_data_folder_with_the_old_notes() {
        let dir = tempfile::tempdir().unwrap();
        // A regular file where the folder should be: nothing can be created in it.
        let blocker = dir.path().join("blocked");
        fs::write(&blocker, "not a folder").unwrap();
        let explicit = blocker.join("annotations.json");
        let data = dir.path().join("data");
        let loc = resolve_in(&CorpusSource::Bundled, Some(&explicit), &data);
        assert!(loc.path.starts_with(&data), "{loc:?}");
        let notice = loc.notice.unwrap();
        assert!(notice.contains("cannot be written"), "{notice}");
        assert!(notice.contains(&loc.path.display().to_string()), "{notice}");
        // The same corpus always maps to the same fallback.
        let again = resolve_in(&CorpusSource::Bundled, Some(&explicit), &data);
        assert_eq!(again.path, loc.path);
    }
}
