//! Background analysis: a thread that analyses articles (with rayon, in
//! batches) and sends each result back over a channel, the open article
//! first. The interface never waits for it; it shows plain text until the
//! analysis of an article arrives.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::thread;

use rayon::prelude::*;

use crate::analysis::{Analysis, analyze};
use crate::corpus::Article;

/// Articles analysed between two looks at the job queue: small enough that an
/// article the user opens is analysed next, large enough to keep rayon busy.
const BATCH: usize = 32;

enum Job {
    Add(Vec<(usize, Arc<Article>)>),
    First(usize),
}

/// A finished analysis: the article's index and what was found.
pub type Finished = (usize, Arc<Analysis>);

/// Handle on the analysis thread; dropping it stops the thread after its
/// current batch.
pub struct Worker {
    jobs: Sender<Job>,
    results: Receiver<Finished>,
}

impl Worker {
    /// Starts the analysis thread (idle until articles are added).
    pub fn spawn() -> std::io::Result<Self> {
        let (jobs, job_rx) = mpsc::channel();
        let (result_tx, results) = mpsc::channel();
        thread::Builder::new()
            .name("gloss-analysis".into())
            .spawn(move || run(&job_rx, &result_tx))?;
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

fn run(jobs: &Receiver<Job>, results: &Sender<Finished>) {
    let mut pending: BTreeMap<usize, Arc<Article>> = BTreeMap::new();
    let mut first: Vec<usize> = Vec::new();
    loop {
        if pending.is_empty() {
            match jobs.recv() {
                Ok(job) => apply(job, &mut pending, &mut first),
                Err(_) => return,
            }
        }
        loop {
            match jobs.try_recv() {
                Ok(job) => apply(job, &mut pending, &mut first),
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => return,
            }
        }
        let urgent = std::mem::take(&mut first)
            .into_iter()
            .rev()
            .find_map(|i| pending.remove(&i).map(|a| (i, a)));
        let batch: Vec<(usize, Arc<Article>)> = match urgent {
            Some(one) => vec![one],
            None => (0..BATCH).map_while(|_| pending.pop_first()).collect(),
        };
        let done: Vec<Finished> = batch
            .par_iter()
            .map(|(i, a)| (*i, Arc::new(analyze(&a.text))))
            .collect();
        for r in done {
            if results.send(r).is_err() {
                return; // the interface is gone
            }
        }
    }
}

fn apply(job: Job, pending: &mut BTreeMap<usize, Arc<Article>>, first: &mut Vec<usize>) {
    match job {
        Job::Add(list) => pending.extend(list),
        Job::First(i) => first.push(i),
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

    #[test]
    fn every_article_is_analysed_once() {
        let w = Worker::spawn().expect("thread");
        w.add(articles(100));
        let mut seen: Vec<usize> = (0..100).filter_map(|_| w.wait().map(|r| r.0)).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..100).collect::<Vec<_>>());
    }

    #[test]
    fn the_prioritised_article_comes_first() {
        let w = Worker::spawn().expect("thread");
        w.add(articles(500));
        w.prioritize(420);
        // The first batch may already be under way; 420 follows right after it.
        let early: Vec<usize> = (0..=BATCH).filter_map(|_| w.wait().map(|r| r.0)).collect();
        assert!(early.contains(&420), "{early:?}");
    }
}
