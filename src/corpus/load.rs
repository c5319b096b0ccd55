//! Finding and reading article files: a folder (recursively), a single file, or
//! the sample corpus compiled into the binary.
//!
//! Every file becomes an [`Article`] with normalised text, or a [`Skipped`]
//! entry that says why not. Nothing here analyses text or draws anything.

use std::fmt;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use rayon::prelude::*;
use serde::Serialize;

use super::metadata::{self, Metadata};
use super::normalize;

/// The sample corpus shipped inside the binary, so it is found wherever gloss runs.
static BUNDLED: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/assets/corpus");

/// File endings gloss reads as articles (compared case-insensitively).
pub const ARTICLE_EXTENSIONS: [&str; 2] = ["txt", "md"];

/// An article's identity: its path relative to the corpus root, `/`-separated,
/// without the extension (`politics/001`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct ArticleId(pub String);

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Something about an article the user should know, shown as a marker in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum ArticleWarning {
    /// The file was not valid UTF-8; this many sequences were replaced by U+FFFD.
    InvalidUtf8 { replaced: usize },
    /// The text holds control characters (escape sequences…), shown as placeholders.
    ControlCharacters { count: usize },
}

impl fmt::Display for ArticleWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidUtf8 { replaced } => {
                write!(f, "not valid UTF-8: {replaced} byte sequence(s) replaced")
            }
            Self::ControlCharacters { count } => {
                write!(f, "{count} control character(s) shown as placeholders")
            }
        }
    }
}

/// One loaded article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    pub id: ArticleId,
    /// Path relative to the corpus root, `/`-separated, with its extension.
    pub path: String,
    /// The normalised text that every offset in gloss refers to.
    pub text: String,
    pub meta: Metadata,
    pub warnings: Vec<ArticleWarning>,
}

impl Article {
    /// Builds an article from raw file bytes. `path` is relative to the corpus root.
    /// Returns `None` for binary content (NUL bytes).
    pub fn from_bytes(path: &str, bytes: &[u8]) -> Option<Article> {
        if normalize::is_binary(bytes) {
            return None;
        }
        let decoded = normalize::decode(bytes);
        let mut warnings = Vec::new();
        if decoded.replaced > 0 {
            warnings.push(ArticleWarning::InvalidUtf8 {
                replaced: decoded.replaced,
            });
        }
        let controls = normalize::count_control_chars(&decoded.text);
        if controls > 0 {
            warnings.push(ArticleWarning::ControlCharacters { count: controls });
        }
        Some(Article {
            id: id_from_path(path),
            path: path.to_string(),
            meta: metadata::extract(&decoded.text),
            text: decoded.text,
            warnings,
        })
    }
}

/// `politics/001.txt` → `politics/001`.
pub fn id_from_path(path: &str) -> ArticleId {
    let file_start = path.rfind('/').map_or(0, |i| i + 1);
    let id = match path[file_start..].rfind('.') {
        Some(dot) if dot > 0 => &path[..file_start + dot],
        _ => path,
    };
    ArticleId(id.to_string())
}

/// Why a file was not loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum SkipReason {
    /// It holds NUL bytes: not a text article.
    Binary,
    /// It could not be read; the I/O error.
    Unreadable(String),
}

/// A file found in the corpus but not loaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// Path relative to the corpus root.
    pub path: String,
    pub reason: SkipReason,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            SkipReason::Binary => write!(f, "{}: skipped, binary file", self.path),
            SkipReason::Unreadable(e) => write!(f, "{}: skipped, cannot be read: {e}", self.path),
        }
    }
}

/// Where a corpus came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusSource {
    /// The sample corpus compiled into gloss.
    Bundled,
    /// A folder read recursively.
    Folder(PathBuf),
    /// A single file.
    File(PathBuf),
}

impl CorpusSource {
    /// Resolves a user-given path: a folder or a file.
    pub fn from_path(path: &Path) -> Result<Self, LoadError> {
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => LoadError::NotFound(path.to_path_buf()),
            _ => LoadError::Inaccessible(path.to_path_buf(), e.to_string()),
        })?;
        Ok(if meta.is_dir() {
            Self::Folder(path.to_path_buf())
        } else {
            Self::File(path.to_path_buf())
        })
    }

    /// A short name for titles and messages.
    pub fn display_name(&self) -> String {
        match self {
            Self::Bundled => "sample corpus".to_string(),
            Self::Folder(p) | Self::File(p) => p.display().to_string(),
        }
    }
}

/// Errors the caller branches on (the CLI maps them to exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{0}: no such file or folder")]
    NotFound(PathBuf),
    #[error("{0}: cannot be opened: {1}")]
    Inaccessible(PathBuf, String),
}

/// A loaded corpus, articles sorted by path.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub source: CorpusSource,
    pub articles: Vec<Article>,
    pub skipped: Vec<Skipped>,
}

impl Corpus {
    /// Loads the sample corpus compiled into the binary.
    pub fn bundled() -> Corpus {
        let mut files: Vec<(&str, &[u8])> = Vec::new();
        collect_bundled(&BUNDLED, &mut files);
        files.sort_by(|a, b| a.0.cmp(b.0));
        let articles = files
            .into_iter()
            .filter_map(|(path, bytes)| Article::from_bytes(path, bytes))
            .collect();
        Corpus {
            source: CorpusSource::Bundled,
            articles,
            skipped: Vec::new(),
        }
    }

    /// Loads a folder (recursively) or a single file, reading files in parallel.
    pub fn load(path: &Path) -> Result<Corpus, LoadError> {
        let source = CorpusSource::from_path(path)?;
        let (root, rel_paths) = match &source {
            CorpusSource::Folder(dir) => (dir.clone(), discover(dir)?),
            CorpusSource::File(file) => {
                let name = file
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let parent = file.parent().map(Path::to_path_buf).unwrap_or_default();
                (parent, vec![name])
            }
            CorpusSource::Bundled => return Ok(Corpus::bundled()),
        };
        let results: Vec<Result<Article, Skipped>> = rel_paths
            .par_iter()
            .map(|rel| load_file(&root, rel))
            .collect();
        let mut articles = Vec::with_capacity(results.len());
        let mut skipped = Vec::new();
        for r in results {
            match r {
                Ok(a) => articles.push(a),
                Err(s) => skipped.push(s),
            }
        }
        Ok(Corpus {
            source,
            articles,
            skipped,
        })
    }

    /// The folder the corpus lives in (`None` for the bundled corpus).
    pub fn root(&self) -> Option<&Path> {
        match &self.source {
            CorpusSource::Bundled => None,
            CorpusSource::Folder(p) => Some(p),
            CorpusSource::File(p) => p.parent(),
        }
    }
}

fn collect_bundled<'a>(dir: &'a Dir<'a>, out: &mut Vec<(&'a str, &'a [u8])>) {
    for file in dir.files() {
        if let Some(path) = file.path().to_str()
            && has_article_extension(path)
        {
            out.push((path, file.contents()));
        }
    }
    for sub in dir.dirs() {
        collect_bundled(sub, out);
    }
}

fn has_article_extension(path: &str) -> bool {
    Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Lists the article files below `root` as `/`-separated relative paths,
/// sorted; hidden files and folders are skipped and symlinked folders are not
/// followed (no cycles).
pub fn discover(root: &Path) -> Result<Vec<String>, LoadError> {
    let mut out = Vec::new();
    let mut stack = vec![(root.to_path_buf(), String::new())];
    let mut first = true;
    while let Some((dir, prefix)) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if first => return Err(LoadError::Inaccessible(dir, e.to_string())),
            // An unreadable sub-folder is passed over; its files cannot be listed.
            Err(_) => continue,
        };
        first = false;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let rel = format!("{prefix}{name}");
            let Ok(ft) = entry.file_type() else { continue };
            if ft.is_dir() {
                stack.push((entry.path(), format!("{rel}/")));
            } else if has_article_extension(&name) && !ft.is_dir() {
                out.push(rel);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Reads one file below `root`.
pub fn load_file(root: &Path, rel: &str) -> Result<Article, Skipped> {
    let skipped = |reason| Skipped {
        path: rel.to_string(),
        reason,
    };
    let bytes = std::fs::read(root.join(rel))
        .map_err(|e| skipped(SkipReason::Unreadable(e.to_string())))?;
    Article::from_bytes(rel, &bytes).ok_or_else(|| skipped(SkipReason::Binary))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn write(dir: &Path, rel: &str, bytes: &[u8]) {
        let p = dir.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::write(p, bytes).unwrap();
    }

    #[test]
    fn ids_drop_the_extension_only() {
        assert_eq!(id_from_path("politics/001.txt").0, "politics/001");
        assert_eq!(id_from_path("a.b/c.d.md").0, "a.b/c.d");
        assert_eq!(id_from_path("noext").0, "noext");
    }

    #[test]
    fn bundled_corpus_has_five_articles() {
        let c = Corpus::bundled();
        assert_eq!(c.articles.len(), 5);
        assert!(c.articles.windows(2).all(|w| w[0].path < w[1].path));
        assert!(
            c.articles
                .iter()
                .all(|a| !a.text.is_empty() && a.warnings.is_empty())
        );
    }

    #[test]
    fn folder_is_read_recursively_sorted_hidden_skipped() {
        let t = tempfile::tempdir().unwrap();
        write(t.path(), "b/2.txt", b"Two\n\nBody.");
        write(t.path(), "a.md", b"One\n\nBody.");
        write(t.path(), "b/notes.pdf", b"%PDF");
        write(t.path(), ".gloss/x.txt", b"hidden");
        write(t.path(), ".hidden.txt", b"hidden");
        let c = Corpus::load(t.path()).unwrap();
        let ids: Vec<_> = c.articles.iter().map(|a| a.id.0.as_str()).collect();
        assert_eq!(ids, ["a", "b/2"]);
        assert_eq!(c.articles[0].meta.title, "One");
    }

    #[test]
    fn single_file_is_a_corpus() {
        let t = tempfile::tempdir().unwrap();
        write(t.path(), "one.txt", b"Headline\n\nText.");
        let c = Corpus::load(&t.path().join("one.txt")).unwrap();
        assert_eq!(c.articles.len(), 1);
        assert_eq!(c.articles[0].path, "one.txt");
        assert_eq!(c.root(), Some(t.path()));
    }

    #[test]
    fn missing_path_is_a_typed_error() {
        let err = Corpus::load(Path::new("/no/such/gloss/path")).unwrap_err();
        assert!(matches!(err, LoadError::NotFound(_)));
        assert!(err.to_string().contains("/no/such/gloss/path"));
    }

    #[test]
    fn empty_folder_loads_no_articles() {
        let t = tempfile::tempdir().unwrap();
        let c = Corpus::load(t.path()).unwrap();
        assert!(c.articles.is_empty() && c.skipped.is_empty());
    }

    #[test]
    fn binary_files_are_skipped_and_counted() {
        let t = tempfile::tempdir().unwrap();
        write(t.path(), "bin.txt", b"abc\0\x01\x02");
        write(t.path(), "ok.txt", b"Fine");
        let c = Corpus::load(t.path()).unwrap();
        assert_eq!(c.articles.len(), 1);
        assert_eq!(
            c.skipped,
            vec![Skipped {
                path: "bin.txt".into(),
                reason: SkipReason::Binary
            }]
        );
    }

    #[test]
    fn invalid_utf8_is_loaded_lossily_with_a_warning() {
        let t = tempfile::tempdir().unwrap();
        write(t.path(), "latin1.txt", b"Caf\xE9 society\n");
        let c = Corpus::load(t.path()).unwrap();
        let a = &c.articles[0];
        assert_eq!(a.text, "Caf\u{FFFD} society\n");
        assert_eq!(
            a.warnings,
            vec![ArticleWarning::InvalidUtf8 { replaced: 1 }]
        );
    }

    #[test]
    fn control_characters_are_flagged() {
        let t = tempfile::tempdir().unwrap();
        write(
            t.path(),
            "esc.txt",
            b"Title\n\n\x1b[2J\x1b]0;pwned\x07 text",
        );
        let c = Corpus::load(t.path()).unwrap();
        assert_eq!(
            c.articles[0].warnings,
            vec![ArticleWarning::ControlCharacters { count: 3 }]
        );
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_files_are_skipped_and_listed() {
        use std::os::unix::fs::PermissionsExt;
        let t = tempfile::tempdir().unwrap();
        write(t.path(), "secret.txt", b"x");
        write(t.path(), "ok.txt", b"y");
        let p = t.path().join("secret.txt");
        fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
        if fs::read(&p).is_ok() {
            return; // running as root: permissions do not stop reads
        }
        let c = Corpus::load(t.path()).unwrap();
        assert_eq!(c.articles.len(), 1);
        assert!(matches!(c.skipped[0].reason, SkipReason::Unreadable(_)));
    }

    #[cfg(unix)]
    #[test]
    fn dangling_links_are_skipped_as_unreadable() {
        let t = tempfile::tempdir().unwrap();
        write(t.path(), "ok.txt", b"y");
        std::os::unix::fs::symlink(t.path().join("gone.txt"), t.path().join("link.txt")).unwrap();
        let c = Corpus::load(t.path()).unwrap();
        assert_eq!(c.articles.len(), 1);
        assert_eq!(c.skipped.len(), 1);
        assert_eq!(c.skipped[0].path, "link.txt");
        assert!(c.skipped[0].to_string().contains("cannot be read"));
    }
}
