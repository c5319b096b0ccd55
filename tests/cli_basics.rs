//! The command line as a user meets it: help, version, bad paths, `analyze` output shape.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn gloss(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_gloss"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run gloss")
}

#[test]
fn help_and_version_work() {
    let help = gloss(&["--help"]);
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(
        text.contains("analyze") && text.contains("[PATH]"),
        "{text}"
    );
    let version = gloss(&["--version"]);
    assert!(version.status.success());
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("gloss "));
}

#[test]
fn missing_path_is_one_line_and_exit_code_2() {
    for args in [&["/no/such/corpus"][..], &["analyze", "/no/such/corpus"]] {
        let out = gloss(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("/no/such/corpus"), "{err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn analyze_prints_one_object_per_bundled_article() {
    let out = gloss(&["analyze"]);
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    for v in &lines {
        for key in ["id", "path", "title", "quotes", "entities"] {
            assert!(v.get(key).is_some(), "missing {key} in {v}");
        }
        let path = v["path"].as_str().unwrap();
        assert_eq!(format!("{}.txt", v["id"].as_str().unwrap()), path);
    }
}

#[test]
fn analyze_an_empty_folder_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = gloss(&["analyze", dir.path().to_str().unwrap()]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no articles"));
}

#[test]
fn analyze_offsets_are_code_points_into_the_normalised_text() {
    let dir = tempfile::tempdir().unwrap();
    // BOM, CRLF and curly marks: offsets must agree with the Python reading.
    let raw = "\u{feff}Headline\r\n\r\n“We are ready,” the minister said in Paris.\r\n";
    std::fs::write(dir.path().join("a.txt"), raw).unwrap();
    let out = gloss(&["analyze", dir.path().to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text: Vec<char> = raw
        .trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .chars()
        .collect();
    // The check below must have something to check: the quotation and the place.
    assert!(!v["quotes"].as_array().unwrap().is_empty(), "{v}");
    assert!(!v["entities"].as_array().unwrap().is_empty(), "{v}");
    for item in v["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .chain(v["entities"].as_array().unwrap())
    {
        let (s, e) = (
            item["start"].as_u64().unwrap() as usize,
            item["end"].as_u64().unwrap() as usize,
        );
        let slice: String = text[s..e].iter().collect();
        assert_eq!(slice, item["text"].as_str().unwrap());
    }
}
