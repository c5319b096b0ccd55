//! `gloss export`: reads the corpus and its annotation sidecar and writes the
//! annotations in one format to standard output or to a file (atomically).
//! The work is done by [`crate::export`]; this module only resolves paths,
//! loads the sidecar and reports.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use clap::Args;

use crate::annotations::{SIDECAR_VERSION, Sidecar};
use crate::corpus::{Corpus, CorpusSource, LoadError};
use crate::export::{self, ExportFormat, ExportOptions, Filter};

/// Arguments of `gloss export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Folder or file whose annotations to export (default: the bundled sample corpus).
    pub path: Option<PathBuf>,

    /// Output format.
    #[arg(short, long, value_name = "FMT")]
    pub format: ExportFormat,

    /// Write to FILE instead of standard output (`-` is standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Keep statements with this tag (repeatable: any of them).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,

    /// Keep statements by this speaker, in any form of the name (repeatable).
    #[arg(long = "speaker", value_name = "NAME")]
    pub speakers: Vec<String>,

    /// Keep statements of this article id or path (repeatable).
    #[arg(long = "article", value_name = "ID")]
    pub articles: Vec<String>,

    /// Also export every detected quotation with its detected speaker.
    #[arg(long)]
    pub include_detected: bool,
}

/// Runs `gloss export`; `annotations` is the global `--annotations` flag.
pub fn run(args: ExportArgs, annotations: Option<&Path>) -> Result<()> {
    let corpus = super::open_corpus(args.path.as_deref())?;
    for s in &corpus.skipped {
        eprintln!("gloss: {s}");
    }
    let sidecar = match annotations {
        Some(path) => read_sidecar(path)?,
        None => match default_sidecar_path(&corpus) {
            Some(path) if path.exists() => read_sidecar(&path)?,
            Some(path) => {
                eprintln!("gloss: no annotations yet ({} not found)", path.display());
                Sidecar::default()
            }
            None => {
                eprintln!(
                    "gloss: the sample corpus has no annotation file here; name one with --annotations FILE"
                );
                Sidecar::default()
            }
        },
    };
    let options = ExportOptions {
        filter: Filter {
            tags: args.tags,
            speakers: args.speakers,
            articles: args.articles,
        },
        include_detected: args.include_detected,
    };
    let set = export::build(&corpus, &sidecar, &options);
    match args.output.as_deref() {
        Some(path) if path != Path::new("-") => {
            let done = export::export_to_file(args.format, &set, path)?;
            eprintln!(
                "gloss: wrote {} statement(s) from {} article(s) to {}",
                done.statements,
                done.articles,
                done.path.display()
            );
            Ok(())
        }
        _ => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            let written =
                export::export(args.format, &set, &mut out).and_then(|()| Ok(out.flush()?));
            match written {
                // A reader that stops early (`| head`) is not an error.
                Err(e) if is_broken_pipe(&e) => Ok(()),
                other => other.context("writing to standard output"),
            }
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Where the corpus keeps its annotations: `<folder>/.gloss/annotations.json`,
/// or `<file>.gloss.json` beside a single-file corpus; `None` for the bundled
/// corpus, which has no folder of its own.
pub fn default_sidecar_path(corpus: &Corpus) -> Option<PathBuf> {
    match &corpus.source {
        CorpusSource::Bundled => None,
        CorpusSource::Folder(dir) => Some(dir.join(".gloss").join("annotations.json")),
        CorpusSource::File(file) => {
            let mut name = file.file_name()?.to_os_string();
            name.push(".gloss.json");
            Some(file.with_file_name(name))
        }
    }
}

/// Reads and parses a sidecar; errors name the file (and the line and column
/// of a syntax error).
pub fn read_sidecar(path: &Path) -> Result<Sidecar> {
    let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => anyhow!(LoadError::NotFound(path.to_path_buf())),
        _ => anyhow!(e).context(format!("cannot read annotations from {}", path.display())),
    })?;
    let sidecar: Sidecar = serde_json::from_str(&text)
        .with_context(|| format!("{} is not a valid annotation file", path.display()))?;
    if sidecar.version > SIDECAR_VERSION {
        return Err(anyhow!(
            "{} has annotation format version {}, newer than this gloss reads ({SIDECAR_VERSION})",
            path.display(),
            sidecar.version
        ));
    }
    Ok(sidecar)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidecar_paths_follow_the_corpus_shape() {
        let folder = Corpus {
            source: CorpusSource::Folder("/c".into()),
            articles: Vec::new(),
            skipped: Vec::new(),
        };
        assert_eq!(
            default_sidecar_path(&folder),
            Some(PathBuf::from("/c/.gloss/annotations.json"))
        );
        let file = Corpus {
            source: CorpusSource::File("/c/one.txt".into()),
            ..folder
        };
        assert_eq!(
            default_sidecar_path(&file),
            Some(PathBuf::from("/c/one.txt.gloss.json"))
        );
        assert_eq!(default_sidecar_path(&Corpus::bundled()), None);
    }

    #[test]
    fn bad_sidecars_are_named_with_line_and_column() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("a.json");
        std::fs::write(&p, "{\"version\": 1,\n \"annotations\": [").unwrap();
        let err = format!("{:#}", read_sidecar(&p).unwrap_err());
        assert!(err.contains("a.json") && err.contains("line 2"), "{err}");
        std::fs::write(&p, "{\"version\": 99}").unwrap();
        let err = format!("{:#}", read_sidecar(&p).unwrap_err());
        assert!(err.contains("version 99"), "{err}");
        let missing = read_sidecar(&t.path().join("none.json")).unwrap_err();
        assert!(missing.downcast_ref::<LoadError>().is_some());
    }
}
