//! Command-line definitions (clap) and the headless subcommands.
//! `main.rs` only parses and dispatches to [`run`].

pub mod analyze;
pub mod export;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{CommandFactory, Parser, Subcommand};

use crate::corpus::{Corpus, CorpusSource, LoadError};

/// Read and annotate a corpus of news articles in the terminal: who said what.
///
/// Without a subcommand, opens the reader on PATH (a folder of .txt/.md
/// articles, searched recursively, or a single file), or on the bundled
/// sample corpus when no PATH is given.
#[derive(Debug, Parser)]
#[command(name = "gloss", version, about, long_about)]
pub struct Cli {
    /// Folder or file to open (default: the bundled sample corpus).
    pub path: Option<PathBuf>,

    /// Annotation sidecar to use instead of <corpus>/.gloss/annotations.json.
    #[arg(long, value_name = "FILE", global = true)]
    pub annotations: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Headless subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print quotations, speakers and entities of every article as JSON Lines.
    Analyze {
        /// Folder or file to analyse (default: the bundled sample corpus).
        path: Option<PathBuf>,
    },
    /// Export annotations as JSON, JSON Lines, CSV, Markdown or W3C Web Annotation.
    Export(export::ExportArgs),
    /// Print a shell completion script.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    Man,
}

/// Parses the command line and runs what it asks; returns the process exit code.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    if let (Some(path), Some(_)) = (&cli.path, &cli.command) {
        // `gloss PATH export` would silently ignore PATH; each subcommand takes its own.
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                format!(
                    "PATH ({}) goes after the subcommand, e.g. `gloss analyze PATH`",
                    path.display()
                ),
            )
            .exit();
    }
    match dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // A path the user named that is not there is a usage error (exit 2).
            let code = if err.downcast_ref::<LoadError>().is_some() {
                2
            } else {
                1
            };
            eprintln!("gloss: {err:#}");
            ExitCode::from(code)
        }
    }
}

fn dispatch(cli: Cli) -> Result<()> {
    match cli.command {
        None => {
            let source = match cli.path.as_deref() {
                None => CorpusSource::Bundled,
                Some(p) => CorpusSource::from_path(p)?,
            };
            crate::tui::run_with_annotations(source, cli.annotations.as_deref())
        }
        Some(Command::Analyze { path }) => {
            let corpus = open_corpus(path.as_deref())?;
            warn_if_empty(&corpus);
            let stdout = std::io::stdout().lock();
            analyze::write_jsonl(&corpus, std::io::BufWriter::new(stdout))
        }
        Some(Command::Export(args)) => export::run(args, cli.annotations.as_deref()),
        Some(Command::Completions { shell }) => {
            let mut cmd = Cli::command();
            clap_complete::generate(shell, &mut cmd, "gloss", &mut std::io::stdout());
            Ok(())
        }
        Some(Command::Man) => {
            let mut out = std::io::stdout().lock();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .context("writing the manual page")?;
            out.flush().context("writing the manual page")
        }
    }
}

/// Loads the corpus at `path`, or the bundled sample corpus.
pub fn open_corpus(path: Option<&Path>) -> Result<Corpus> {
    match path {
        None => Ok(Corpus::bundled()),
        Some(p) => Ok(Corpus::load(p)?),
    }
}

fn warn_if_empty(corpus: &Corpus) {
    for s in &corpus.skipped {
        eprintln!("gloss: {s}");
    }
    if corpus.articles.is_empty() {
        eprintln!(
            "gloss: no articles (.txt or .md files) in {}",
            corpus.source.display_name()
        );
    }
}
