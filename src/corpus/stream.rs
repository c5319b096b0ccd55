//! Loading a corpus in the background, in path order and in batches, so that a
//! very large corpus (100,000 articles) shows its first articles at once and
//! fills the list as it goes.
//!
//! The loader thread owns all file I/O; the receiver gets [`LoadEvent`]s.

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use rayon::prelude::*;

use super::load::{self, Article, Corpus, CorpusSource, LoadError, Skipped};

/// Articles per batch: small enough that the first batch arrives quickly,
/// large enough that rayon keeps both cores busy.
pub const BATCH: usize = 256;

/// What the background loader reports, in this order: `Found` once, then any
/// number of `Articles`/`Skipped`, then `Done` (or `Failed`).
#[derive(Debug)]
pub enum LoadEvent {
    /// The number of article files found.
    Found(usize),
    /// The next articles, continuing path order.
    Articles(Vec<Article>),
    /// Files that could not be loaded in the last batch.
    Skipped(Vec<Skipped>),
    /// Everything is loaded.
    Done,
    /// The corpus root could not be listed.
    Failed(LoadError),
}

/// Starts loading `source` on a background thread.
pub fn spawn(source: CorpusSource) -> Receiver<LoadEvent> {
    let (tx, rx) = mpsc::channel();
    thread::Builder::new()
        .name("gloss-loader".into())
        .spawn(move || run(source, &tx))
        .map_err(|e| eprintln!("gloss: cannot start the loader thread: {e}"))
        .ok();
    rx
}

fn run(source: CorpusSource, tx: &Sender<LoadEvent>) {
    let (root, paths): (PathBuf, Vec<String>) = match &source {
        CorpusSource::Bundled => {
            let corpus = Corpus::bundled();
            let _ = tx.send(LoadEvent::Found(corpus.articles.len()));
            let _ = tx.send(LoadEvent::Articles(corpus.articles));
            let _ = tx.send(LoadEvent::Done);
            return;
        }
        CorpusSource::Folder(dir) => match load::discover(dir) {
            Ok(paths) => (dir.clone(), paths),
            Err(e) => {
                let _ = tx.send(LoadEvent::Failed(e));
                return;
            }
        },
        CorpusSource::File(file) => {
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (
                file.parent().map(PathBuf::from).unwrap_or_default(),
                vec![name],
            )
        }
    };
    if tx.send(LoadEvent::Found(paths.len())).is_err() {
        return;
    }
    for chunk in paths.chunks(BATCH) {
        let results: Vec<Result<Article, Skipped>> = chunk
            .par_iter()
            .map(|rel| load::load_file(&root, rel))
            .collect();
        let (mut articles, mut skipped) = (Vec::with_capacity(results.len()), Vec::new());
        for r in results {
            match r {
                Ok(a) => articles.push(a),
                Err(s) => skipped.push(s),
            }
        }
        // The receiver is gone (the app quit): stop reading files.
        if !skipped.is_empty() && tx.send(LoadEvent::Skipped(skipped)).is_err() {
            return;
        }
        if tx.send(LoadEvent::Articles(articles)).is_err() {
            return;
        }
    }
    let _ = tx.send(LoadEvent::Done);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn collect(rx: Receiver<LoadEvent>) -> (Option<usize>, Vec<Article>, Vec<Skipped>, bool) {
        let (mut found, mut arts, mut skipped, mut done) = (None, Vec::new(), Vec::new(), false);
        for ev in rx {
            match ev {
                LoadEvent::Found(n) => found = Some(n),
                LoadEvent::Articles(a) => arts.extend(a),
                LoadEvent::Skipped(s) => skipped.extend(s),
                LoadEvent::Done => done = true,
                LoadEvent::Failed(e) => panic!("{e}"),
            }
        }
        (found, arts, skipped, done)
    }

    #[test]
    fn streams_a_folder_in_path_order_like_load() {
        let t = tempfile::tempdir().unwrap();
        for i in 0..(BATCH * 2 + 7) {
            fs::write(
                t.path().join(format!("{i:04}.txt")),
                format!("Title {i}\n\nBody."),
            )
            .unwrap();
        }
        fs::write(t.path().join("zz.txt"), b"\0binary").unwrap();
        let (found, arts, skipped, done) =
            collect(spawn(CorpusSource::Folder(t.path().to_path_buf())));
        assert_eq!(found, Some(BATCH * 2 + 8));
        assert!(done);
        assert_eq!(skipped.len(), 1);
        let whole = Corpus::load(t.path()).unwrap();
        assert_eq!(arts, whole.articles);
    }

    #[test]
    fn bundled_corpus_streams_too() {
        let (found, arts, _, done) = collect(spawn(CorpusSource::Bundled));
        assert_eq!(found, Some(5));
        assert_eq!(arts.len(), 5);
        assert!(done);
    }

    #[test]
    fn a_missing_folder_fails() {
        let rx = spawn(CorpusSource::Folder("/no/such/gloss/dir".into()));
        assert!(matches!(rx.recv().unwrap(), LoadEvent::Failed(_)));
    }
}
