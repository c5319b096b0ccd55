//! `gloss export`: reads the corpus and its annotation sidecar and writes the
//! annotations in one format to standard output or to a file (atomically).
//! The work is done by [`crate::export`]; this module only resolves paths,
//! loads the sidecar and reports.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::Args;

use crate::annotations::{self, Sidecar, location};
use crate::corpus::{Corpus, LoadError};
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
    let sidecar = load_sidecar(&corpus, annotations)?;
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

/// The sidecar the reader would use for `corpus`: see
/// [`location::path_for_reading`] (exporting never changes the corpus folder).
pub fn sidecar_path(corpus: &Corpus, explicit: Option<&Path>) -> PathBuf {
    location::path_for_reading(&corpus.source, explicit)
}

/// Reads the sidecar of `corpus` with the store's parser (errors name the
/// file, line and column). A missing default sidecar is an empty one; a
/// missing file the user named is an error.
pub fn load_sidecar(corpus: &Corpus, explicit: Option<&Path>) -> Result<Sidecar> {
    let path = sidecar_path(corpus, explicit);
    match annotations::file::load(&path)? {
        Some(sidecar) => Ok(sidecar),
        None if explicit.is_some() => Err(LoadError::NotFound(path).into()),
        None => {
            eprintln!("gloss: no annotations yet ({} not found)", path.display());
            Ok(Sidecar::default())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::CorpusSource;

    fn corpus(source: CorpusSource) -> Corpus {
        Corpus {
            source,
            articles: Vec::new(),
            skipped: Vec::new(),
        }
    }

    #[test]
    fn the_named_file_wins_then_the_one_beside_the_corpus() {
        let t = tempfile::tempdir().unwrap();
        let folder = corpus(CorpusSource::Folder(t.path().to_path_buf()));
        let named = t.path().join("mine.json");
        assert_eq!(sidecar_path(&folder, Some(&named)), named);
        let beside = t.path().join(".gloss/annotations.json");
        std::fs::create_dir_all(beside.parent().unwrap()).unwrap();
        std::fs::write(&beside, "{\"version\": 1}").unwrap();
        assert_eq!(sidecar_path(&folder, None), beside);
        let file = corpus(CorpusSource::File(t.path().join("one.txt")));
        let one = t.path().join("one.txt.gloss.json");
        std::fs::write(&one, "{\"version\": 1}").unwrap();
        assert_eq!(sidecar_path(&file, None), one);
    }

    #[test]
    fn looking_for_the_sidecar_leaves_the_corpus_folder_unchanged() {
        let t = tempfile::tempdir().unwrap();
        let folder = corpus(CorpusSource::Folder(t.path().to_path_buf()));
        let path = sidecar_path(&folder, None);
        assert_eq!(path, t.path().join(".gloss/annotations.json"));
        assert_eq!(std::fs::read_dir(t.path()).unwrap().count(), 0);
    }

    #[test]
    fn bad_sidecars_are_named_with_line_and_column() {
        let t = tempfile::tempdir().unwrap();
        let folder = corpus(CorpusSource::Folder(t.path().to_path_buf()));
        let p = t.path().join("a.json");
        std::fs::write(&p, "{\"version\": 1,\n \"annotations\": [").unwrap();
        let err = format!("{:#}", load_sidecar(&folder, Some(&p)).unwrap_err());
        assert!(err.contains("a.json") && err.contains("line 2"), "{err}");
        std::fs::write(&p, "{\"version\": 99}").unwrap();
        let err = format!("{:#}", load_sidecar(&folder, Some(&p)).unwrap_err());
        assert!(err.contains("version 99"), "{err}");
        let missing = load_sidecar(&folder, Some(&t.path().join("none.json"))).unwrap_err();
        assert!(missing.downcast_ref::<LoadError>().is_some());
    }
}
