//! Crash safety: a child process edits and saves the sidecar in a loop and is
//! killed (SIGKILL) at random moments; after every kill the sidecar parses and
//! holds every change whose save had returned.
//!
//! The child is this test binary run again with an environment variable set.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use gloss::annotations::{Annotation, AnnotationId, AnnotationStore};

const CHILD_ENV: &str = "GLOSS_TEST_CRASH_CHILD_SIDECAR";
const KILLS: usize = 200;

/// A small xorshift generator: reproducible from the printed seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The child: edits and saves until killed. Before each edit it prints what it
/// will do (`WILL …`), after the save returned `SAVED`.
#[test]
#[ignore = "run by sidecar_survives_being_killed_at_random_moments as its child process"]
fn crash_child_process() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let mut store = AnnotationStore::open(Path::new(&path)).expect("the sidecar opens");
    let mut rng = Rng(u64::from(std::process::id()).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut out = std::io::stdout().lock();
    // The test harness has printed "test … " without a line end.
    writeln!(out).unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut n = 0u64;
    while Instant::now() < deadline {
        n += 1;
        let mut ids: Vec<AnnotationId> = store.all().iter().map(|a| a.id.clone()).collect();
        ids.sort();
        let choice = rng.below(3);
        if ids.len() < 10 || (choice == 0 && ids.len() < 40) {
            let mut a = Annotation::new("crash/article", None);
            a.note = format!("created {n}");
            writeln!(out, "WILL ADD {} {}", a.id, a.note).unwrap();
            out.flush().unwrap();
            store.add(a).unwrap();
        } else if choice == 1 {
            let id = &ids[rng.below(ids.len() as u64) as usize];
            let note = format!("edited {n}");
            writeln!(out, "WILL NOTE {id} {note}").unwrap();
            out.flush().unwrap();
            store.set_note(id, &note).unwrap();
        } else {
            let id = &ids[0];
            writeln!(out, "WILL DEL {id}").unwrap();
            out.flush().unwrap();
            store.delete(id).unwrap();
        }
        store.flush().expect("save");
        writeln!(out, "SAVED").unwrap();
        out.flush().unwrap();
    }
}

/// One edit as the child announced it.
#[derive(Debug, Clone)]
enum Op {
    Add(String, String),
    Note(String, String),
    Del(String),
}

fn parse_op(line: &str) -> Option<Op> {
    let rest = line.strip_prefix("WILL ")?;
    let (kind, rest) = rest.split_once(' ')?;
    let (id, note) = rest.split_once(' ').unwrap_or((rest, ""));
    Some(match kind {
        "ADD" => Op::Add(id.to_string(), note.to_string()),
        "NOTE" => Op::Note(id.to_string(), note.to_string()),
        "DEL" => Op::Del(id.to_string()),
        _ => return None,
    })
}

fn apply(model: &mut HashMap<String, String>, op: &Op) {
    match op {
        Op::Add(id, note) | Op::Note(id, note) => {
            model.insert(id.clone(), note.clone());
        }
        Op::Del(id) => {
            model.remove(id);
        }
    }
}

#[test]
fn sidecar_survives_being_killed_at_random_moments() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".gloss").join("annotations.json");
    let exe = std::env::current_exe().unwrap();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    println!("crash test seed {seed}");
    let mut rng = Rng(seed);
    // What the sidecar must hold: id → note, from saves that returned.
    let mut model: HashMap<String, String> = HashMap::new();
    let mut saves = 0usize;
    let started = Instant::now();
    for round in 0..KILLS {
        let mut child = Command::new(&exe)
            .args([
                "--ignored",
                "--exact",
                "crash_child_process",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        // Kill at a random moment of the edit loop: wait until it runs (a
        // busy machine may take long to start the child), then a while more.
        let mut lines = Vec::new();
        while !lines.iter().any(|l: &String| l.starts_with("WILL")) {
            let line = rx
                .recv_timeout(Duration::from_secs(30))
                .unwrap_or_else(|e| panic!("round {round}: the child did not start: {e}"));
            lines.push(line);
        }
        std::thread::sleep(Duration::from_micros(rng.below(60_000)));
        if let Some(status) = child.try_wait().unwrap() {
            panic!("round {round}: the child process ended by itself ({status})");
        }
        child.kill().unwrap();
        child.wait().unwrap();
        reader.join().unwrap();
        lines.extend(rx.try_iter());

        // Every announced edit followed by SAVED was saved; the last one
        // without SAVED may or may not have been.
        let mut in_flight: Option<Op> = None;
        for line in &lines {
            if let Some(op) = parse_op(line) {
                in_flight = Some(op);
            } else if line == "SAVED" {
                let op = in_flight.take().expect("SAVED follows an edit");
                apply(&mut model, &op);
                saves += 1;
            }
        }

        let store = AnnotationStore::open(&path)
            .unwrap_or_else(|e| panic!("round {round} (seed {seed}): the sidecar is broken: {e}"));
        let actual: HashMap<String, String> = store
            .all()
            .iter()
            .map(|a| (a.id.to_string(), a.note.clone()))
            .collect();
        let mut with_in_flight = model.clone();
        if let Some(op) = &in_flight {
            apply(&mut with_in_flight, op);
        }
        assert!(
            actual == model || actual == with_in_flight,
            "round {round} (seed {seed}): the sidecar lost or invented changes\n\
             expected {model:?}\n(or with {in_flight:?})\nfound {actual:?}"
        );
        // The in-flight edit counts from now on if it reached the file.
        model = actual;
        let bak = path.with_file_name("annotations.json.bak");
        if bak.exists() {
            AnnotationStore::open(&bak)
                .unwrap_or_else(|e| panic!("round {round}: the backup is broken: {e}"));
        }
    }
    let files = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
    assert!(files <= 3, "temporary files pile up: {files} files");
    assert!(
        saves >= KILLS / 4,
        "too few saves happened ({saves}) to test anything"
    );
    println!(
        "{KILLS} kills, {saves} confirmed saves, {} annotations at the end, {:?}",
        model.len(),
        started.elapsed()
    );
}
