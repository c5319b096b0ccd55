//! `gloss export` end to end: the real binary on the sample corpus with a fixed
//! sidecar. Golden files live in tests/golden/export/; run with
//! `UPDATE_GOLDEN=1 cargo test --test export_cli` to rewrite them after an
//! intended change (and review the diff).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const GLOSS: &str = env!("CARGO_BIN_EXE_gloss");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sidecar() -> PathBuf {
    root().join("tests/fixtures/sidecars/export/sample.json")
}

fn gloss(args: &[&str]) -> Output {
    Command::new(GLOSS)
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("running gloss")
}

/// `gloss export` on the sample corpus with the fixed sidecar and `extra` arguments.
fn export(format: &str, extra: &[&str]) -> Output {
    let side = sidecar();
    let mut args = vec![
        "export",
        "--format",
        format,
        "--annotations",
        side.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    gloss(&args)
}

fn stdout_of(out: &Output) -> String {
    assert!(
        out.status.success(),
        "gloss failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

fn check_golden(name: &str, actual: &str) {
    let path = root().join("tests/golden/export").join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, actual).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing; run with UPDATE_GOLDEN=1", path.display()));
    assert!(
        expected == actual,
        "{name} differs from its golden file {}; rerun with UPDATE_GOLDEN=1 if the change is intended.\n--- actual ---\n{actual}",
        path.display()
    );
}

#[test]
fn golden_json() {
    check_golden("sample.json", &stdout_of(&export("json", &[])));
}

#[test]
fn golden_jsonl() {
    check_golden("sample.jsonl", &stdout_of(&export("jsonl", &[])));
}

#[test]
fn golden_csv() {
    check_golden("sample.csv", &stdout_of(&export("csv", &[])));
}

#[test]
fn golden_markdown() {
    check_golden("sample.md", &stdout_of(&export("md", &[])));
}

#[test]
fn golden_webanno() {
    check_golden("sample.jsonld", &stdout_of(&export("webanno", &[])));
}

/// The annotation ids of a JSON Lines export.
fn ids(out: &Output) -> BTreeSet<String> {
    stdout_of(out)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["annotation_id"].as_str().unwrap().to_string()
        })
        .collect()
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| (*s).to_string()).collect()
}

#[test]
fn tag_filter_keeps_statements_with_any_of_the_tags() {
    let one = ids(&export("jsonl", &["--tag", "blame-us"]));
    assert_eq!(one, set(&["a-0001", "a-0004", "a-0006", "a-0008"]));
    let two = ids(&export("jsonl", &["--tag", "gaza", "--tag", "KREMLIN"]));
    assert_eq!(two, set(&["a-0002", "a-0003"]));
}

#[test]
fn speaker_filter_matches_every_form_of_the_name() {
    let putin = ids(&export("jsonl", &["--speaker", "Putin"]));
    assert_eq!(putin, set(&["a-0001", "a-0004", "a-0008"]));
    let full = ids(&export("jsonl", &["--speaker", "Vladimir Putin"]));
    assert_eq!(full, putin);
    let sudani = ids(&export(
        "jsonl",
        &["--speaker", "Mohammed Shia Al-Sudani", "--speaker", "Abbas"],
    ));
    assert_eq!(sudani, set(&["a-0002", "a-0005"]));
}

#[test]
fn article_filter_takes_ids_or_paths() {
    let by_id = ids(&export("jsonl", &["--article", "004_e9a577e7ac134d82"]));
    assert_eq!(by_id, set(&["a-0006", "a-0007", "a-0008"]));
    let by_path = ids(&export("jsonl", &["--article", "003_85a3f5ce28a995b1.txt"]));
    assert_eq!(by_path, set(&["a-0005", "a-0009"]));
}

#[test]
fn filters_combine_with_and() {
    let both = ids(&export(
        "jsonl",
        &["--tag", "blame-us", "--article", "004_e9a577e7ac134d82"],
    ));
    assert_eq!(both, set(&["a-0006", "a-0008"]));
    let none = export("jsonl", &["--speaker", "Putin", "--tag", "gaza"]);
    assert_eq!(stdout_of(&none), "");
}

#[test]
fn include_detected_keeps_every_user_row_once_and_labels_sources() {
    let out = stdout_of(&export("jsonl", &["--include-detected"]));
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let user: Vec<&serde_json::Value> = rows.iter().filter(|r| r["source"] == "user").collect();
    let user_ids: BTreeSet<&str> = user
        .iter()
        .map(|r| r["annotation_id"].as_str().unwrap())
        .collect();
    assert_eq!(user.len(), 10);
    assert_eq!(user_ids.len(), 10);
    let user_spans: BTreeSet<(String, i64, i64)> = user
        .iter()
        .filter(|r| r["start"].is_number())
        .map(|r| {
            (
                r["article_id"].as_str().unwrap().to_string(),
                r["start"].as_i64().unwrap(),
                r["end"].as_i64().unwrap(),
            )
        })
        .collect();
    for r in rows.iter().filter(|r| r["source"] != "user") {
        assert_eq!(r["source"], "detected");
        assert!(r["annotation_id"].is_null());
        let span = (
            r["article_id"].as_str().unwrap().to_string(),
            r["start"].as_i64().unwrap(),
            r["end"].as_i64().unwrap(),
        );
        assert!(!user_spans.contains(&span), "duplicate of a user row: {r}");
        assert!(!r["text"].as_str().unwrap().is_empty());
    }
}

#[test]
fn statements_not_found_are_exported_as_orphans_without_offsets() {
    let rows: Vec<serde_json::Value> = stdout_of(&export("jsonl", &["--tag", "orphan"]))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    for r in &rows {
        assert_eq!(r["orphaned"], true);
        assert!(r["start"].is_null() && r["end"].is_null());
        assert!(!r["text"].as_str().unwrap().is_empty());
    }
    // The article that is gone comes last, without a title.
    assert_eq!(rows[1]["article_id"], "999_removed_article");
    assert_eq!(rows[1]["title"], "");
}

/// A one-article corpus with two quotations by one speaker, the first one
/// annotated by the user.
fn tiny_corpus_with_one_annotated_quote() -> tempfile::TempDir {
    let t = tempfile::tempdir().unwrap();
    let text = "Council approves new budget\n\n\
        “We will balance the books this year,” said Jane Doe, the council leader. \
        “Nobody will lose their job.”\n";
    fs::write(t.path().join("budget.txt"), text).unwrap();
    let exact = "We will balance the books this year,";
    let start = text[..text.find(exact).unwrap()].chars().count();
    let sidecar = serde_json::json!({
        "version": 1,
        "annotations": [{
            "id": "u-1", "article": "budget",
            "target": {"exact": exact, "prefix": "“", "suffix": "” said Jane Doe, the",
                       "start": start, "end": start + exact.chars().count()},
            "kind": "direct", "speaker": "Jane Doe", "tags": ["budget"], "note": "",
            "created": "2026-11-20T09:00:00Z", "modified": "2026-11-20T09:00:00Z"
        }]
    });
    fs::create_dir(t.path().join(".gloss")).unwrap();
    fs::write(
        t.path().join(".gloss/annotations.json"),
        serde_json::to_string_pretty(&sidecar).unwrap(),
    )
    .unwrap();
    t
}

#[test]
fn detected_quotations_join_the_users_once_with_their_speaker() {
    let t = tiny_corpus_with_one_annotated_quote();
    let dir = t.path().to_str().unwrap();
    let rows: Vec<serde_json::Value> = stdout_of(&gloss(&[
        "export",
        dir,
        "-f",
        "jsonl",
        "--include-detected",
    ]))
    .lines()
    .map(|l| serde_json::from_str(l).unwrap())
    .collect();
    let with_text = |needle: &str| -> Vec<&serde_json::Value> {
        rows.iter()
            .filter(|r| r["text"].as_str().unwrap().contains(needle))
            .collect()
    };
    // The annotated quotation once, as the user's.
    let annotated = with_text("balance the books");
    assert_eq!(annotated.len(), 1, "{rows:?}");
    assert_eq!(annotated[0]["source"], "user");
    // The other one detected, with its detected speaker and real offsets.
    let other = with_text("Nobody will lose their job");
    assert_eq!(other.len(), 1, "{rows:?}");
    assert_eq!(other[0]["source"], "detected");
    assert_eq!(other[0]["speaker"], "Jane Doe");
    assert_eq!(other[0]["kind"], "direct");
    // The speaker filter keeps both; the tag filter only the user's.
    let by_doe = stdout_of(&gloss(&[
        "export",
        dir,
        "-f",
        "csv",
        "--include-detected",
        "--speaker",
        "Doe",
    ]));
    assert!(by_doe.contains("Nobody will lose") && by_doe.contains("balance the books"));
    let tagged = stdout_of(&gloss(&[
        "export",
        dir,
        "-f",
        "csv",
        "--include-detected",
        "--tag",
        "budget",
    ]));
    assert_eq!(tagged.lines().count(), 2, "{tagged}");
    // Without the flag, only the user's annotation.
    let users = stdout_of(&gloss(&["export", dir, "-f", "jsonl"]));
    assert_eq!(users.lines().count(), 1);
}

#[test]
fn output_file_is_written_and_reported() {
    let t = tempfile::tempdir().unwrap();
    let path = t.path().join("out.csv");
    let out = export("csv", &["-o", path.to_str().unwrap()]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("wrote 10 statement(s)"), "{stderr}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        stdout_of(&export("csv", &[]))
    );
}

fn assert_unwritable(target: &Path) {
    let out = export("json", &["-o", target.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "exit code for {}",
        target.display()
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line expected: {stderr}");
    assert!(
        lines[0].starts_with("gloss: cannot write ")
            && lines[0].contains(&*target.to_string_lossy()),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn export_to_an_unwritable_path_fails_with_one_clear_line_and_exit_1() {
    let t = tempfile::tempdir().unwrap();
    // A regular file where a folder should be: cannot be written even as root.
    let file = t.path().join("plain.txt");
    fs::write(&file, "x").unwrap();
    assert_unwritable(&file.join("out.json"));
    assert_unwritable(&t.path().join("no/such/folder/out.json"));
    assert_unwritable(t.path());
    let mut left: Vec<String> = fs::read_dir(t.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["plain.txt"], "no half-written or temporary files");
}

#[cfg(unix)]
#[test]
fn export_to_a_read_only_folder_fails_and_leaves_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let t = tempfile::tempdir().unwrap();
    let dir = t.path().join("ro");
    fs::create_dir(&dir).unwrap();
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o555)).unwrap();
    if fs::write(dir.join("probe"), "x").is_ok() {
        eprintln!("skipped: running as root, permissions do not stop writes");
        return;
    }
    assert_unwritable(&dir.join("out.json"));
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 0);
}

/// A copy of the sample corpus in a temporary folder.
fn corpus_copy() -> tempfile::TempDir {
    let t = tempfile::tempdir().unwrap();
    for e in fs::read_dir(root().join("assets/corpus")).unwrap() {
        let e = e.unwrap();
        fs::copy(e.path(), t.path().join(e.file_name())).unwrap();
    }
    t
}

#[test]
fn folder_corpus_uses_its_own_sidecar_by_default() {
    let t = corpus_copy();
    fs::create_dir(t.path().join(".gloss")).unwrap();
    fs::copy(sidecar(), t.path().join(".gloss/annotations.json")).unwrap();
    let out = gloss(&["export", t.path().to_str().unwrap(), "-f", "jsonl"]);
    assert_eq!(stdout_of(&out), stdout_of(&export("jsonl", &[])));
    // The W3C export names articles by their file URL.
    let ld = stdout_of(&gloss(&[
        "export",
        t.path().to_str().unwrap(),
        "-f",
        "webanno",
    ]));
    assert!(ld.contains("\"source\": \"file:///"), "{ld}");
}

#[test]
fn single_file_corpus_uses_the_sidecar_beside_it() {
    let t = corpus_copy();
    let file = t.path().join("003_85a3f5ce28a995b1.txt");
    fs::copy(
        sidecar(),
        t.path().join("003_85a3f5ce28a995b1.txt.gloss.json"),
    )
    .unwrap();
    let out = gloss(&["export", file.to_str().unwrap(), "-f", "jsonl"]);
    let text = stdout_of(&out);
    let in_corpus: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("\"path\":\"003_85a3f5ce28a995b1.txt\""))
        .collect();
    assert_eq!(in_corpus.len(), 2);
    assert!(
        in_corpus[0].contains("\"annotation_id\":\"a-0005\""),
        "{text}"
    );
    assert!(
        in_corpus[1].contains("\"annotation_id\":\"a-0009\""),
        "{text}"
    );
    // Annotations of articles outside this one-file corpus are kept, flagged.
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&gloss(&[
        "export",
        file.to_str().unwrap(),
        "-f",
        "json",
    ])))
    .unwrap();
    assert_eq!(json["counts"]["statements"], 10);
    let missing = json["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["in_corpus"] == false)
        .count();
    assert_eq!(missing, 5);
}

#[test]
fn a_corpus_without_sidecar_exports_nothing_and_says_so() {
    let t = corpus_copy();
    let out = gloss(&["export", t.path().to_str().unwrap(), "-f", "csv"]);
    let text = stdout_of(&out);
    assert_eq!(text.lines().count(), 1, "header only: {text}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("no annotations yet"));
    assert!(
        !t.path().join(".gloss").exists(),
        "export changed the corpus folder"
    );
}

#[test]
fn a_missing_annotations_file_is_a_usage_error() {
    let out = gloss(&[
        "export",
        "-f",
        "json",
        "--annotations",
        "/no/such/sidecar.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/no/such/sidecar.json"));
}

#[test]
fn the_annotations_flag_works_before_the_subcommand_too() {
    let side = sidecar();
    let side = side.to_str().unwrap();
    let before = gloss(&["--annotations", side, "export", "-f", "csv"]);
    let after = gloss(&["export", "-f", "csv", "--annotations", side]);
    assert_eq!(stdout_of(&before), stdout_of(&after));
    assert!(stdout_of(&before).lines().count() > 1, "no rows exported");
}

#[test]
fn a_path_before_the_subcommand_is_a_usage_error_not_ignored() {
    let out = gloss(&["assets/corpus", "export", "-f", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("after the subcommand"));
}

#[test]
fn a_format_is_required_and_checked() {
    assert_eq!(gloss(&["export"]).status.code(), Some(2));
    let out = gloss(&["export", "-f", "xml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("webanno"));
}

#[test]
fn completions_and_man_page_know_the_export_command() {
    for shell in ["bash", "zsh", "fish"] {
        let text = stdout_of(&gloss(&["completions", shell]));
        assert!(text.contains("export"), "{shell} completions lack export");
        assert!(
            text.contains("include-detected"),
            "{shell} completions lack flags"
        );
    }
    let man = stdout_of(&gloss(&["man"]));
    assert!(man.starts_with(".ie") || man.contains(".TH"), "not roff");
    assert!(man.contains("export"));
}
