//! Background analysis: a thread that analyses articles (with rayon, in
//! batches) and sends each result back over a channel, the open article
//! first. The interface never waits for it; it shows plain text until the
//! analysis of an article arrives. An article whose analysis panics comes
//! back as a failure (with the panic message), not as a dead thread.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

use rayon::prelude::*;

use super::terminal;
use crate::analysis::{Analysis, analyze};
use crate::corpus::Article;

/// Articles analysed between two looks at the job queue: small enough that an
/// article the user opens is analysed next, large enough to keep rayon busy.
const BATCH: usize = 32;

enum Job {
    Add(Vec<(usize, Arc<Article>)>),
    First(usize),
}

/// A finished analysis: the article's index and what was found, or why
/// the analysis failed (a panic message).
pub type Finished = (usize, Result<Arc<Analysis>, String>);

/// The analysis the thread runs on each article's text.
type AnalyzeFn = fn(&str) -> Analysis;

/// Handle on the analysis thread; dropping it stops the thread after its
/// current batch.
pub struct Worker {
    jobs: Sender<Job>,
    results: Receiver<Finished>,
}

impl Worker {
    /// Starts the analysis thread (idle until articles are added).
    pub fn spawn() -> std::io::Result<Self> {
        Self::spawn_with(analyze)
    }

    /// [`Worker::spawn`] with another analysis (tests give one that fails).
    fn spawn_with(analyze: AnalyzeFn) -> std::io::Result<Self> {
        let (jobs, job_rx) = mpsc::channel();
        let (result_tx, results) = mpsc::channel();
        thread::Builder::new()
            .name("gloss-analysis".into())
            .spawn(move || run(&job_rx, &result_tx, analyze))?;
        Ok(Self { jobs, results })
    }

    /// Queues articles (with their corpus index) for analysis, in index order.
    pub fn add(&self, articles: impl IntoIterator<Item = (usize, Arc<Article>)>) {
        let _ = self.jobs.send(Job::Add(articles.into_iter().collect()));
    }

    /// Analyses article `index` next, if it is still waiting.
    pub fn prioritize(&self, index: usize) {
        let _ = self.jobs.send(Job::First(index));
    }

    /// The analyses finished since the last call (never blocks).
    pub fn finished(&self) -> impl Iterator<Item = Finished> + '_ {
        self.results.try_iter()
    }

    /// Waits for the next finished analysis (for tests and benchmarks).
    pub fn wait(&self) -> Option<Finished> {
        self.results.recv().ok()
    }
}

/// The articles waiting for analysis and the ones asked for first.
#[derive(Default)]
struct Queue {
    pending: BTreeMap<usize, Arc<Article>>,
    first: Vec<usize>,
}

impl Queue {
    fn apply(&mut self, job: Job) {
        match job {
            Job::Add(list) => self.pending.extend(list),
            Job::First(i) => self.first.push(i),
        }
    }

    /// What to analyse next: the most recently prioritised article still
    /// waiting, alone, else the next [`BATCH`] articles in index order.
    fn next_batch(&mut self) -> Vec<(usize, Arc<Article>)> {
        let urgent = std::mem::take(&mut self.first)
            .into_iter()
            .rev()
            .find_map(|i| self.pending.remove(&i).map(|a| (i, a)));
        match urgent {
            Some(one) => vec![one],
            None => (0..BATCH).map_while(|_| self.pending.pop_first()).collect(),
        }
    }
}

fn run(jobs: &Receiver<Job>, results: &Sender<Finished>, analyze: AnalyzeFn) {
    let mut queue = Queue::default();
    loop {
        if queue.pending.is_empty() {
            match jobs.recv() {
                Ok(job) => queue.apply(job),
                Err(_) => return,
            }
        }
        loop {
            match jobs.try_recv() {
                Ok(job) => queue.apply(job),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => return,
            }
        }
        let batch = queue.next_batch();
        let done: Vec<Finished> = batch
            .par_iter()
            .map(|(i, a)| (*i, terminal::contain(|| analyze(&a.text)).map(Arc::new)))
            .collect();
        for r in done {
            if results.send(r).is_err() {
                return; // the interface is gone
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn articles(n: usize) -> Vec<(usize, Arc<Article>)> {
        (0..n)
            .map(|i| {
                let a = Article::from_bytes(&format!("{i}.txt"), b"Title\n\nBody.").expect("text");
                (i, Arc::new(a))
            })
            .collect()
    }

    /// An analysis that fails on one kind of text, as a bug in a rule would.
    fn fragile(text: &str) -> Analysis {
        assert!(!text.contains("boom"), "a rule failed on this text");
        analyze(text)
    }

    #[test]
    fn a_failing_analysis_is_reported_and_the_thread_goes_on() {
        let w = Worker::spawn_with(fragile).expect("thread");
        let mut list = articles(40);
        let bad = Article::from_bytes("bad.txt", b"Title\n\nA boom here.").expect("text");
        list[7] = (7, Arc::new(bad));
        w.add(list);
        let mut failed = Vec::new();
        let mut ok = 0;
        for _ in 0..40 {
            match w.wait().expect("a result for every article") {
                (i, Err(message)) => failed.push((i, message)),
                (_, Ok(_)) => ok += 1,
            }
        }
        assert_eq!(ok, 39);
        assert_eq!(failed.len(), 1);
        assert_eq!(failed[0].0, 7);
        assert!(failed[0].1.contains("a rule failed"), "{}", failed[0].1);
        // The thread still works after the failure.
        w.add(articles(3).into_iter().map(|(i, a)| (i + 100, a)));
        let mut later: Vec<usize> = (0..3).filter_map(|_| w.wait().map(|r| r.0)).collect();
        later.sort_unstable();
        assert_eq!(later, vec![100, 101, 102]);
    }

    #[test]
    fn every_article_is_analysed_once() {
        let w = Worker::spawn().expect("thread");
        w.add(articles(100));
        let mut seen: Vec<usize> = (0..100).filter_map(|_| w.wait().map(|r| r.0)).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..100).collect::<Vec<_>>());
    }

    fn indices(batch: &[(usize, Arc<Article>)]) -> Vec<usize> {
        batch.iter().map(|(i, _)| *i).collect()
    }

    #[test]
    fn the_prioritised_article_comes_next_alone_then_order_resumes() {
        let mut q = Queue::default();
        q.apply(Job::Add(articles(500)));
        assert_eq!(indices(&q.next_batch()), (0..BATCH).collect::<Vec<_>>());
        q.apply(Job::First(420));
        q.apply(Job::First(7)); // already analysed: ignored
        assert_eq!(indices(&q.next_batch()), vec![420]);
        assert_eq!(
            indices(&q.next_batch()),
            (BATCH..2 * BATCH).collect::<Vec<_>>()
        );
    }

    #[test]
    fn the_latest_request_wins_when_several_wait() {
        let mut q = Queue::default();
        q.apply(Job::Add(articles(100)));
        q.apply(Job::First(50));
        q.apply(Job::First(90));
        assert_eq!(indices(&q.next_batch()), vec![90]);
    }
}
