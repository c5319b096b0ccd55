//! The sidecar on disk: parsing with errors that name the file, line and
//! column; noticing that the file changed since it was read; and the durable
//! write (temporary file, fsync, rename over, fsync the folder, previous
//! version kept as `.bak`) under a lock shared by every gloss process.
//!
//! Knows nothing of undo or merging; the store decides what to write.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use serde::Deserialize;

use super::model::{SIDECAR_VERSION, Sidecar};

/// Errors the caller branches on: the user sees one sentence naming the file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The file exists but could not be read.
    #[error("{}: cannot be read: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    /// The file is not a valid sidecar (bad JSON or wrong types).
    #[error("{}, line {line}, column {column}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// The file was written by a newer gloss.
    #[error(
        "{}: sidecar version {found} is newer than this gloss understands (version {supported})",
        path.display()
    )]
    FutureVersion {
        path: PathBuf,
        found: u64,
        supported: u32,
    },
    /// Saving failed; the previous file is intact.
    #[error("{}: cannot be written: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    /// The store was opened read-only, so nothing is saved.
    #[error("{}: opened read-only, changes are not saved", path.display())]
    ReadOnly { path: PathBuf },
    /// Another program changed the file into something that does not parse:
    /// it is left as it is and nothing is saved until it is repaired.
    #[error("not saving, the file was changed by another program: {0}")]
    Conflict(Box<StoreError>),
}

impl StoreError {
    /// The sidecar file the error is about.
    pub fn path(&self) -> &Path {
        match self {
            Self::Read { path, .. }
            | Self::Parse { path, .. }
            | Self::FutureVersion { path, .. }
            | Self::Write { path, .. }
            | Self::ReadOnly { path } => path,
            Self::Conflict(inner) => inner.path(),
        }
    }
}

/// Parses sidecar bytes read from `path`. A version newer than
/// [`SIDECAR_VERSION`] is refused even when the rest would parse.
pub fn parse(path: &Path, bytes: &[u8]) -> Result<Sidecar, StoreError> {
    let future = |found| StoreError::FutureVersion {
        path: path.to_path_buf(),
        found,
        supported: SIDECAR_VERSION,
    };
    match serde_json::from_slice::<Sidecar>(bytes) {
        Ok(sidecar) if sidecar.version > SIDECAR_VERSION => Err(future(sidecar.version.into())),
        Ok(sidecar) => Ok(sidecar),
        Err(err) => {
            // A newer format may well not fit this model: say "newer version"
            // rather than pointing at a field.
            #[derive(Deserialize)]
            struct Probe {
                version: Option<serde_json::Value>,
            }
            let version = serde_json::from_slice::<Probe>(bytes)
                .ok()
                .and_then(|p| p.version)
                .and_then(|v| v.as_u64());
            match version {
                Some(v) if v > u64::from(SIDECAR_VERSION) => Err(future(v)),
                _ => Err(parse_error(path, &err)),
            }
        }
    }
}

/// Reads and parses the sidecar at `path` (errors name the file, line and
/// column); `None` when there is no file.
pub fn load(path: &Path) -> Result<Option<Sidecar>, StoreError> {
    read(path)?.map(|copy| parse(path, &copy.bytes)).transpose()
}

/// Parses sidecar bytes whatever their version, for showing a newer file read-only.
pub fn parse_any_version(bytes: &[u8]) -> Option<Sidecar> {
    serde_json::from_slice(bytes).ok()
}

fn parse_error(path: &Path, err: &serde_json::Error) -> StoreError {
    let full = err.to_string();
    let position = format!(" at line {} column {}", err.line(), err.column());
    let message = full.strip_suffix(&position).unwrap_or(&full).to_string();
    StoreError::Parse {
        path: path.to_path_buf(),
        line: err.line(),
        column: err.column(),
        message,
    }
}

/// One version of the file as read: its bytes and the fingerprint of exactly
/// that version.
#[derive(Debug, Clone)]
pub struct DiskCopy {
    pub bytes: Vec<u8>,
    pub fingerprint: Fingerprint,
}

/// Reads the file; `None` when it does not exist. The fingerprint is taken
/// from the open file, so it belongs to the bytes read even if the file is
/// replaced meanwhile.
pub fn read(path: &Path) -> Result<Option<DiskCopy>, StoreError> {
    let error = |source| StoreError::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut file = match File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(error(e)),
    };
    let fingerprint = Fingerprint::of(&file.metadata().map_err(error)?);
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(error)?;
    Ok(Some(DiskCopy { bytes, fingerprint }))
}

/// What identifies one version of the file without reading it: size,
/// modification time and (on Unix) the inode, which every rename replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    inode: (u64, u64),
}

impl Fingerprint {
    fn of(meta: &fs::Metadata) -> Self {
        #[cfg(unix)]
        let inode = {
            use std::os::unix::fs::MetadataExt;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let inode = (0, 0);
        Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            inode,
        }
    }
}

/// The fingerprint of the file at `path`; `None` when it does not exist.
pub fn fingerprint(path: &Path) -> io::Result<Option<Fingerprint>> {
    match fs::metadata(path) {
        Ok(meta) => Ok(Some(Fingerprint::of(&meta))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// An exclusive lock on the sidecar's folder, held while reading, merging and
/// writing, so that two gloss processes never interleave their saves. It is
/// advisory: other programs are caught by the fingerprint check instead.
pub struct FolderLock {
    #[cfg(unix)]
    _dir: Option<File>,
}

impl FolderLock {
    /// Waits for the lock on `dir`. Where locking is not possible (another
    /// platform, a file system without locks) it returns without one.
    pub fn acquire(dir: &Path) -> FolderLock {
        #[cfg(unix)]
        {
            let dir = File::open(dir).ok().filter(|f| f.lock().is_ok());
            FolderLock { _dir: dir }
        }
        #[cfg(not(unix))]
        {
            let _ = dir;
            FolderLock {}
        }
    }
}

/// The folder a sidecar lives in.
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// The backup of the previous version: `annotations.json.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `bytes` to `path` so that a crash at any moment leaves either the
/// old or the new file complete: a temporary file in the same folder is
/// written and fsynced, the old version is kept as `.bak` (a hard link, so it
/// costs no copy), the temporary file is renamed over, and the folder is
/// fsynced so the rename itself survives a power cut. Call with the
/// [`FolderLock`] held: the temporary file's name is fixed.
pub fn write_durably(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = folder_of(path);
    fs::create_dir_all(&dir)?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(path.file_name().unwrap_or_default());
    tmp_name.push(".tmp");
    let tmp = dir.join(tmp_name);
    let result = write_then_rename(path, &tmp, bytes);
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result?;
    sync_folder(&dir)
}

fn write_then_rename(path: &Path, tmp: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(tmp)?;
    file.write_all(bytes)?;
    if let Ok(meta) = fs::metadata(path) {
        // Keep the permissions the user gave the file.
        let _ = file.set_permissions(meta.permissions());
    }
    // fdatasync: the data and the size, which is all a new file needs to be
    // read back; its name is made durable by the folder sync after the rename.
    file.sync_data()?;
    drop(file);
    if path.exists() {
        // The backup is a courtesy: failing to make it must not stop the save.
        let bak = backup_path(path);
        let _ = fs::remove_file(&bak);
        if fs::hard_link(path, &bak).is_err() {
            let _ = fs::copy(path, &bak);
        }
    }
    fs::rename(tmp, path)
}

fn sync_folder(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(s: &str) -> Result<Sidecar, StoreError> {
        parse(Path::new("x/annotations.json"), s.as_bytes())
    }

    #[test]
    fn truncated_json_names_file_line_and_column() {
        let err = parse_str("{\n  \"version\": 1,\n  \"annotations\": [\n").unwrap_err();
        match &err {
            StoreError::Parse { line, column, .. } => assert_eq!((*line, *column), (4, 0)),
            other => panic!("expected a parse error, got {other:?}"),
        }
        let shown = err.to_string();
        assert!(
            shown.starts_with("x/annotations.json, line 4, column 0: "),
            "{shown}"
        );
        assert!(!shown.contains(" at line"), "{shown}");
    }

    #[test]
    fn a_newer_version_is_refused_even_if_it_looks_different() {
        let err = parse_str(r#"{"version": 7, "annotations": {"new": "shape"}}"#).unwrap_err();
        assert!(
            matches!(err, StoreError::FutureVersion { found: 7, .. }),
            "{err:?}"
        );
        let err = parse_str(r#"{"version": 2}"#).unwrap_err();
        assert!(
            matches!(err, StoreError::FutureVersion { found: 2, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn durable_write_keeps_the_previous_version_as_bak() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annotations.json");
        write_durably(&path, b"one").unwrap();
        assert!(!backup_path(&path).exists());
        write_durably(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        write_durably(&path, b"three").unwrap();
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"two");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "no temporary file is left: {names:?}");
    }

    #[test]
    fn fingerprint_changes_when_the_file_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("annotations.json");
        assert_eq!(fingerprint(&path).unwrap(), None);
        write_durably(&path, b"same").unwrap();
        let first = fingerprint(&path).unwrap();
        assert_eq!(fingerprint(&path).unwrap(), first);
        write_durably(&path, b"same").unwrap();
        assert_ne!(fingerprint(&path).unwrap(), first);
    }
}
