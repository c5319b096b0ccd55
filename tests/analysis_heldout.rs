//! Scores `gloss analyze` on the development set in tests/fixtures/heldout
//! (articles written for it, plus articles of the shared BBC corpus) and
//! fails below the quality targets. The scorer and the BBC articles live in
//! ../shared; the parts that need them skip when it is missing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")
}

fn heldout() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/heldout")
}

/// The scorer's overall figures for `corpus` against `gold`, or `None` when
/// the scorer cannot run here.
fn score(corpus: &Path, gold: &Path) -> Option<serde_json::Value> {
    let scorer = shared().join("eval/score.py");
    if !scorer.is_file() {
        eprintln!("skipped: {} not found", scorer.display());
        return None;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .arg("analyze")
        .arg(corpus)
        .output()
        .expect("run gloss analyze");
    assert!(out.status.success(), "gloss analyze failed");
    let pred = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(pred.path(), &out.stdout).unwrap();
    match Command::new("python3")
        .arg(&scorer)
        .arg("--gold")
        .arg(gold)
        .arg("--pred")
        .arg(pred.path())
        .arg("--json")
        .output()
    {
        Ok(o) if o.status.success() => {
            let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
            Some(v["overall"].clone())
        }
        _ => {
            eprintln!("skipped: python3 could not run the scorer");
            None
        }
    }
}

/// Asserts the targets for quotations, speakers and reported speech.
fn assert_quote_targets(name: &str, o: &serde_json::Value) {
    let direct = o["direct"]["f1"].as_f64().unwrap();
    let speaker = o["speaker"]["accuracy"].as_f64().unwrap();
    let indirect = o["indirect"]["f1"].as_f64().unwrap();
    eprintln!("{name}: direct F1 {direct}, speaker accuracy {speaker}, indirect F1 {indirect}");
    assert!(direct >= 0.95, "{name}: direct-quote F1 {direct} < 0.95");
    assert!(speaker >= 0.90, "{name}: speaker accuracy {speaker} < 0.90");
    assert!(indirect >= 0.60, "{name}: indirect F1 {indirect} < 0.60");
}

/// Asserts the entity target.
fn assert_entity_target(name: &str, o: &serde_json::Value) {
    let entity = o["entities"]["micro"]["f1"].as_f64().unwrap();
    eprintln!("{name}: entity F1 {entity}");
    assert!(entity >= 0.80, "{name}: entity F1 {entity} < 0.80");
}

/// Scores the shared BBC articles listed in `gold`, or `None` when the
/// corpus or the scorer is missing.
fn score_bbc(gold: &Path) -> Option<serde_json::Value> {
    let bbc = shared().join("corpora/bbc");
    if !bbc.is_dir() {
        eprintln!("skipped: {} not found", bbc.display());
        return None;
    }
    // Only the annotated articles, at their paths relative to the corpus root.
    let dir = tempfile::tempdir().unwrap();
    for line in std::fs::read_to_string(gold).unwrap().lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let rel = v["path"].as_str().unwrap();
        let to = dir.path().join(rel);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(bbc.join(rel), &to).unwrap();
    }
    score(dir.path(), gold)
}

#[test]
fn written_articles_meet_the_targets() {
    let Some(o) = score(&heldout().join("texts"), &heldout().join("gold.jsonl")) else {
        return;
    };
    assert_quote_targets("written", &o);
    assert_entity_target("written", &o);
}

#[test]
fn written_entity_articles_meet_the_targets() {
    let Some(o) = score(&heldout().join("texts"), &heldout().join("gold_ent.jsonl")) else {
        return;
    };
    assert_quote_targets("written (entities set)", &o);
    assert_entity_target("written (entities set)", &o);
}

#[test]
fn bbc_articles_meet_the_quote_targets() {
    let Some(o) = score_bbc(&heldout().join("bbc_gold.jsonl")) else {
        return;
    };
    // This BBC gold lists no entities: only quotations are held to targets.
    assert_quote_targets("bbc", &o);
}

#[test]
fn bbc_entity_articles_meet_the_targets() {
    let Some(o) = score_bbc(&heldout().join("bbc_gold_ent.jsonl")) else {
        return;
    };
    assert_quote_targets("bbc (entities set)", &o);
    assert_entity_target("bbc (entities set)", &o);
}

/// The set written to stress quotation marks, quote kinds, speakers and
/// reported speech (single and curly marks, multi-paragraph quotes, unnamed
/// and organisational speakers, pronoun chains).
#[test]
fn speech_set_written_articles_meet_the_targets() {
    let Some(o) = score(
        &heldout().join("texts"),
        &heldout().join("gold_speak.jsonl"),
    ) else {
        return;
    };
    assert_quote_targets("written (speech set)", &o);
    assert_entity_target("written (speech set)", &o);
}

#[test]
fn speech_set_bbc_articles_meet_the_quote_targets() {
    let Some(o) = score_bbc(&heldout().join("bbc_gold_speak.jsonl")) else {
        return;
    };
    assert_quote_targets("bbc (speech set)", &o);
}

/// Floors for a set: direct F1, speaker accuracy, indirect F1, entity F1.
struct Floors {
    direct: f64,
    speaker: f64,
    indirect: f64,
    entity: f64,
}

fn assert_floors(name: &str, o: &serde_json::Value, f: &Floors) {
    let got = [
        ("direct F1", o["direct"]["f1"].as_f64().unwrap(), f.direct),
        (
            "speaker accuracy",
            o["speaker"]["accuracy"].as_f64().unwrap(),
            f.speaker,
        ),
        (
            "indirect F1",
            o["indirect"]["f1"].as_f64().unwrap(),
            f.indirect,
        ),
        (
            "entity F1",
            o["entities"]["micro"]["f1"].as_f64().unwrap(),
            f.entity,
        ),
    ];
    for (what, value, floor) in got {
        eprintln!("{name}: {what} {value:.3} (floor {floor})");
        assert!(
            value >= floor,
            "{name}: {what} {value:.3} fell below {floor}"
        );
    }
}

/// The blind sets were written and annotated before any rule saw them, to
/// estimate the score on unseen news honestly; their failures were then fixed
/// by general rules. Their quotes inside quotes are separate gold entries,
/// which gloss does not output, so their direct F1 may sit below the issue's
/// target by design. Held to floors just under the measured figures, so that
/// a change that loses ground here fails.
fn hold(name: &str, o: Option<serde_json::Value>, floors: Floors) {
    if let Some(o) = o {
        assert_floors(name, &o, &floors);
    }
}

/// Holds the written articles of the blind set with gold file `gold` to `floors`.
fn hold_written(set: &str, gold: &str, floors: Floors) {
    let o = score(&heldout().join("texts"), &heldout().join(gold));
    hold(&format!("written ({set})"), o, floors);
}

/// Holds the BBC articles of the blind set with gold file `gold` to `floors`.
fn hold_bbc(set: &str, gold: &str, floors: Floors) {
    let o = score_bbc(&heldout().join(gold));
    hold(&format!("bbc ({set})"), o, floors);
}

#[test]
fn blind_set_written_articles_hold_their_ground() {
    hold_written(
        "blind set",
        "gold_blind.jsonl",
        Floors {
            direct: 0.93,
            speaker: 0.95,
            indirect: 0.82,
            entity: 0.93,
        },
    );
}

#[test]
fn blind_set_bbc_articles_hold_their_ground() {
    hold_bbc(
        "blind set",
        "bbc_gold_blind.jsonl",
        Floors {
            direct: 0.95,
            speaker: 0.95,
            indirect: 0.93,
            entity: 0.89,
        },
    );
}

#[test]
fn second_blind_set_written_articles_hold_their_ground() {
    hold_written(
        "second blind set",
        "gold_blind2.jsonl",
        Floors {
            direct: 0.95,
            speaker: 0.93,
            indirect: 0.95,
            entity: 0.95,
        },
    );
}

#[test]
fn second_blind_set_bbc_articles_hold_their_ground() {
    hold_bbc(
        "second blind set",
        "bbc_gold_blind2.jsonl",
        Floors {
            direct: 0.95,
            speaker: 0.95,
            indirect: 0.94,
            entity: 0.87,
        },
    );
}

#[test]
fn third_blind_set_written_articles_hold_their_ground() {
    hold_written(
        "third blind set",
        "gold_blind3.jsonl",
        Floors {
            direct: 0.95,
            speaker: 0.95,
            indirect: 0.94,
            entity: 0.96,
        },
    );
}

#[test]
fn third_blind_set_bbc_articles_hold_their_ground() {
    hold_bbc(
        "third blind set",
        "bbc_gold_blind3.jsonl",
        Floors {
            direct: 0.95,
            speaker: 0.95,
            indirect: 0.85,
            entity: 0.87,
        },
    );
}

#[test]
fn fourth_blind_set_written_articles_hold_their_ground() {
    hold_written(
        "fourth blind set",
        "gold_blind4.jsonl",
        Floors {
            direct: 0.98,
            speaker: 0.95,
            indirect: 0.95,
            entity: 0.98,
        },
    );
}

#[test]
fn fourth_blind_set_bbc_articles_hold_their_ground() {
    hold_bbc(
        "fourth blind set",
        "bbc_gold_blind4.jsonl",
        Floors {
            direct: 0.95,
            speaker: 0.98,
            indirect: 0.80,
            entity: 0.92,
        },
    );
}

#[test]
fn fifth_blind_set_written_articles_hold_their_ground() {
    hold_written(
        "fifth blind set",
        "gold_blind5.jsonl",
        Floors {
            direct: 0.98,
            speaker: 0.95,
            indirect: 0.92,
            entity: 0.94,
        },
    );
}

#[test]
fn fifth_blind_set_bbc_articles_hold_their_ground() {
    hold_bbc(
        "fifth blind set",
        "bbc_gold_blind5.jsonl",
        Floors {
            direct: 0.98,
            speaker: 0.93,
            indirect: 0.85,
            entity: 0.86,
        },
    );
}

#[test]
fn sixth_blind_set_written_articles_hold_their_ground() {
    hold_written(
        "sixth blind set",
        "gold_blind6.jsonl",
        Floors {
            direct: 0.98,
            speaker: 0.91,
            indirect: 0.915,
            entity: 0.96,
        },
    );
}

#[test]
fn sixth_blind_set_bbc_articles_hold_their_ground() {
    hold_bbc(
        "sixth blind set",
        "bbc_gold_blind6.jsonl",
        Floors {
            direct: 0.98,
            speaker: 0.94,
            indirect: 0.85,
            entity: 0.88,
        },
    );
}
