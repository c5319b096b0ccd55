//! Opening a corpus without waiting for it: the articles stream in from the
//! corpus loader ([`crate::corpus::stream`]) in path-ordered batches, the
//! search index is built on a thread of its own, and [`Progress`] counts what
//! has been loaded, analysed and indexed so that the interface can show a
//! progress line while the list fills.
//!
//! The index is shared ([`SharedIndex`]): the indexing thread adds articles a
//! few at a time under a write lock, the interface queries it under a read
//! lock, so a keystroke waits at most for one small batch. Nothing here draws.

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Sender};
use std::sync::{Arc, PoisonError, RwLock};
use std::thread;

use crate::corpus::Article;
use crate::search::{Hit, Query, TextIndex};

/// Articles added per write lock: short enough that a search never waits
/// long, long enough that locking costs nothing measurable.
const INDEX_CHUNK: usize = 16;

/// The corpus-wide text index, shared between the indexing thread and the
/// interface.
#[derive(Clone, Default)]
pub struct SharedIndex {
    index: Arc<RwLock<TextIndex>>,
    indexed: Arc<AtomicUsize>,
}

impl fmt::Debug for SharedIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedIndex")
            .field("indexed", &self.indexed())
            .finish()
    }
}

impl SharedIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// Indexes `articles` (corpus index, article), a few at a time.
    pub fn add(&self, articles: &[(usize, Arc<Article>)]) {
        for chunk in articles.chunks(INDEX_CHUNK) {
            let mut ix = self.index.write().unwrap_or_else(PoisonError::into_inner);
            let mut added = 0;
            for (i, a) in chunk {
                let Ok(i) = u32::try_from(*i) else { continue };
                if ix.add(i, &a.text) {
                    added += 1;
                }
            }
            drop(ix);
            self.indexed.fetch_add(added, Ordering::Relaxed);
        }
    }

    /// Sorts the vocabulary and releases spare memory (once loading is over).
    pub fn finish(&self) {
        self.index
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .finish();
    }

    /// Number of articles indexed so far.
    pub fn indexed(&self) -> usize {
        self.indexed.load(Ordering::Relaxed)
    }

    /// The indexed articles matching `query`, in corpus order, with counts.
    pub fn search(&self, query: &Query) -> Vec<Hit> {
        self.index
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .search(query)
    }

    /// Approximate memory held by the index, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.index
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .heap_bytes()
    }
}

enum IndexJob {
    Add(Vec<(usize, Arc<Article>)>),
    Finish,
}

/// Handle on the indexing thread; dropping it lets the thread end.
pub struct Indexer {
    jobs: Sender<IndexJob>,
}

impl Indexer {
    /// Starts a thread that adds articles to `index` as they are handed over.
    pub fn spawn(index: SharedIndex) -> std::io::Result<Self> {
        let (jobs, rx) = mpsc::channel::<IndexJob>();
        thread::Builder::new()
            .name("gloss-index".into())
            .spawn(move || {
                for job in rx {
                    match job {
                        IndexJob::Add(batch) => index.add(&batch),
                        IndexJob::Finish => index.finish(),
                    }
                }
            })?;
        Ok(Self { jobs })
    }

    /// Queues articles for indexing.
    pub fn add(&self, articles: Vec<(usize, Arc<Article>)>) {
        let _ = self.jobs.send(IndexJob::Add(articles));
    }

    /// Queues the final tidy-up of the index (after the last article).
    pub fn finish(&self) {
        let _ = self.jobs.send(IndexJob::Finish);
    }
}

/// How far analysis and indexing have come (the loading itself is counted
/// by the articles and skipped files received).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Articles analysed.
    pub analysed: usize,
    /// Articles in the search index.
    pub indexed: usize,
    /// True when the corpus is worked on in the background and the progress
    /// line is wanted (not for a corpus handed over whole).
    pub active: bool,
}

impl Progress {
    /// Progress of a corpus about to be streamed in.
    pub fn streaming() -> Self {
        Self {
            active: true,
            ..Self::default()
        }
    }

    /// The progress line while something is still under way, given the
    /// files read so far, the files found (while loading) and the articles
    /// loaded: `loaded 1,024/100,000 · analysed 512/100,000`, with the index
    /// named while it lags behind.
    pub fn line(
        &self,
        read: usize,
        found: Option<usize>,
        articles: usize,
        loading: bool,
    ) -> Option<String> {
        let done = !loading && self.analysed >= articles && self.indexed >= articles;
        if !self.active || done {
            return None;
        }
        let total = match (loading, found) {
            (false, _) => articles,
            (true, Some(n)) => n,
            (true, None) => return Some("listing files…".to_string()),
        };
        let mut s = format!(
            "loaded {}/{} · analysed {}/{}",
            thousands(read.min(total)),
            thousands(total),
            thousands(self.analysed),
            thousands(total),
        );
        if self.indexed < articles {
            s.push_str(&format!(" · indexed {}", thousands(self.indexed)));
        }
        Some(s)
    }
}

/// `12345` → `12,345`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(i: usize, text: &str) -> (usize, Arc<Article>) {
        let a = Article::from_bytes(&format!("{i}.txt"), text.as_bytes()).expect("text");
        (i, Arc::new(a))
    }

    #[test]
    fn the_indexing_thread_fills_the_shared_index() {
        let shared = SharedIndex::new();
        let indexer = Indexer::spawn(shared.clone()).expect("thread");
        indexer.add((0..40).map(|i| article(i, "Head\n\nalpha beta")).collect());
        indexer.add(vec![article(40, "Head\n\ngamma")]);
        indexer.finish();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while shared.indexed() < 41 {
            assert!(std::time::Instant::now() < deadline, "indexing stalled");
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert_eq!(shared.search(&Query::parse("gamma")).len(), 1);
        assert_eq!(shared.search(&Query::parse("beta")).len(), 40);
    }

    #[test]
    fn the_progress_line_counts_loaded_and_analysed_files() {
        let mut p = Progress::streaming();
        assert_eq!(p.line(0, None, 0, true).as_deref(), Some("listing files…"));
        p.analysed = 512;
        p.indexed = 1_024;
        assert_eq!(
            p.line(2_560, Some(100_000), 2_560, true).as_deref(),
            Some("loaded 2,560/100,000 · analysed 512/100,000 · indexed 1,024")
        );
        p.analysed = 5;
        p.indexed = 5;
        assert_eq!(p.line(6, Some(6), 5, false), None, "all done");
        assert_eq!(
            Progress::default().line(0, None, 5, true),
            None,
            "not streamed"
        );
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000_000), "1,000,000");
    }
}
