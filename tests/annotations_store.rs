//! The annotation store against real files: editing, undo, saving, the format
//! on disk, corrupt sidecars, and two writers on one sidecar.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use gloss::analysis::Span;
use gloss::annotations::{
    Annotation, AnnotationId, AnnotationStore, ChangeLabel, EditError, Sidecar, StoreError,
    TextTarget,
};
use serde_json::Value;

fn fixture(kind: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sidecars")
        .join(kind)
        .join(name)
}

/// A temporary folder holding a copy of a fixture as `annotations.json`.
fn copy_fixture(kind: &str, name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.json");
    fs::copy(fixture(kind, name), &path).unwrap();
    (dir, path)
}

fn sidecar_path() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".gloss").join("annotations.json");
    (dir, path)
}

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&fs::read(path).unwrap()).unwrap()
}

fn statement(article: &str, text: &str, quote: &str) -> Annotation {
    let at = text.find(quote).unwrap();
    let target = TextTarget::from_byte_span(text, Span::new(at, at + quote.len())).unwrap();
    Annotation::new(article, Some(target))
}

const TEXT: &str = "The minister said: “We will not move an inch,” and left the room. \
                    Critics said the plan “would fail within a year”.";

#[test]
fn a_missing_sidecar_opens_empty_and_is_created_on_the_first_save() {
    let (_dir, path) = sidecar_path();
    let mut store = AnnotationStore::open(&path).unwrap();
    assert!(store.is_empty());
    assert!(!path.exists(), "opening alone writes nothing");
    let id = store
        .add(statement("a/1", TEXT, "We will not move an inch"))
        .unwrap();
    store.add_tag(&id, "blame-us").unwrap();
    store.set_speaker(&id, Some("Ana Ruiz")).unwrap();
    store.set_note(&id, "line one\nline two").unwrap();
    let report = store.flush().unwrap();
    assert!(report.written);

    let again = AnnotationStore::open(&path).unwrap();
    let a = again.get(&id).unwrap();
    assert_eq!(a.tags, ["blame-us"]);
    assert_eq!(a.speaker.as_deref(), Some("Ana Ruiz"));
    assert_eq!(a.note, "line one\nline two");
    let t = a.target.as_ref().unwrap();
    let chars: Vec<char> = TEXT.chars().collect();
    assert_eq!(chars[t.start..t.end].iter().collect::<String>(), t.exact);
}

#[test]
fn the_file_has_a_version_and_annotations_in_stable_order() {
    let (_dir, path) = sidecar_path();
    let mut store = AnnotationStore::open(&path).unwrap();
    store.add(statement("b", TEXT, "would fail")).unwrap();
    store.add(statement("a", TEXT, "would fail")).unwrap();
    store.add(statement("a", TEXT, "We will not")).unwrap();
    store.add(Annotation::new("a", None)).unwrap();
    store.flush().unwrap();
    let json = read_json(&path);
    assert_eq!(json["version"], 1);
    let order: Vec<(String, Option<u64>)> = json["annotations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["article"].as_str().unwrap().to_string(),
                a["target"]["start"].as_u64(),
            )
        })
        .collect();
    let start = |q: &str| Some(TEXT[..TEXT.find(q).unwrap()].chars().count() as u64);
    assert_eq!(
        order,
        [
            ("a".to_string(), None),
            ("a".to_string(), start("We will not")),
            ("a".to_string(), start("would fail")),
            ("b".to_string(), start("would fail")),
        ]
    );
    let text = fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("\n  \"annotations\": ["),
        "pretty-printed: {text}"
    );
}

#[test]
fn undo_and_redo_every_kind_of_edit() {
    let (_dir, path) = sidecar_path();
    let mut store = AnnotationStore::open(&path).unwrap();
    let id = store.add(statement("a", TEXT, "would fail")).unwrap();
    store.set_speaker(&id, Some("Critics")).unwrap();
    store.add_tag(&id, "doubt").unwrap();
    store.set_note(&id, "n").unwrap();
    store.remove_tag(&id, "doubt").unwrap();

    let steps = [
        ChangeLabel::TagRemoved,
        ChangeLabel::Note,
        ChangeLabel::TagAdded,
        ChangeLabel::Speaker,
        ChangeLabel::Added,
    ];
    let undone: Vec<ChangeLabel> = steps
        .iter()
        .map(|_| store.undo().unwrap().unwrap().label)
        .collect();
    assert_eq!(undone, steps);
    assert!(store.get(&id).is_none());
    assert_eq!(store.undo().unwrap(), None);

    store.redo().unwrap();
    store.redo().unwrap();
    store.redo().unwrap();
    let a = store.get(&id).unwrap();
    assert_eq!(a.speaker.as_deref(), Some("Critics"));
    assert_eq!(a.tags, ["doubt"]);
    assert_eq!(a.note, "");

    store.delete(&id).unwrap();
    assert!(store.get(&id).is_none());
    let applied = store.undo().unwrap().unwrap();
    assert_eq!(
        (applied.label, applied.id.as_ref()),
        (ChangeLabel::Deleted, Some(&id))
    );
    assert_eq!(store.get(&id).unwrap().tags, ["doubt"]);

    // The undone state is what gets saved.
    store.flush().unwrap();
    let again = AnnotationStore::open(&path).unwrap();
    assert_eq!(again.get(&id).unwrap().tags, ["doubt"]);
}

#[test]
fn edits_that_change_nothing_are_not_recorded() {
    let (_dir, path) = sidecar_path();
    let mut store = AnnotationStore::open(&path).unwrap();
    let id = store.add(Annotation::new("a", None)).unwrap();
    store.add_tag(&id, "x").unwrap();
    store.add_tag(&id, " x ").unwrap();
    store.remove_tag(&id, "absent").unwrap();
    assert_eq!(store.get(&id).unwrap().tags, ["x"]);
    assert_eq!(store.undo().unwrap().unwrap().label, ChangeLabel::TagAdded);
    assert_eq!(store.undo().unwrap().unwrap().label, ChangeLabel::Added);
    assert_eq!(store.add_tag(&id, "  "), Err(EditError::EmptyTag));
    let unknown = AnnotationId::from("nope");
    assert_eq!(
        store.set_note(&unknown, "x"),
        Err(EditError::NotFound(unknown))
    );
}

#[test]
fn queries_for_pickers_and_the_article_list() {
    let (_dir, path) = sidecar_path();
    let mut store = AnnotationStore::open(&path).unwrap();
    let a = store.add(statement("one", TEXT, "would fail")).unwrap();
    let b = store.add(statement("one", TEXT, "We will not")).unwrap();
    let c = store.add(Annotation::new("two", None)).unwrap();
    for (id, tag) in [(&a, "zeal"), (&b, "blame-us"), (&c, "blame-us")] {
        store.add_tag(id, tag).unwrap();
    }
    store.set_speaker(&a, Some("Critics")).unwrap();
    store.set_speaker(&b, Some("Ana Ruiz")).unwrap();
    assert_eq!(store.tags(), [("blame-us", 2), ("zeal", 1)]);
    assert_eq!(store.speakers(), [("Ana Ruiz", 1), ("Critics", 1)]);
    let ids: Vec<&AnnotationId> = store.for_article("one").iter().map(|x| &x.id).collect();
    assert_eq!(ids, [&b, &a]);
    assert_eq!(store.count_by_article()["one"], 2);
    assert_eq!(store.whole_article("two").unwrap().id, c);
    let t = store.get(&a).unwrap().target.clone().unwrap();
    assert_eq!(store.find_target("one", t.start, t.end).unwrap().id, a);
    assert!(store.toggle_tag(&a, "new").unwrap());
    assert!(!store.toggle_tag(&a, "new").unwrap());
}

#[test]
fn speaker_merges_and_splits_are_saved_and_undone() {
    let (_dir, path) = sidecar_path();
    let mut store = AnnotationStore::open(&path).unwrap();
    store.merge_speakers("the minister", "Ana Ruiz").unwrap();
    store.split_speaker("John Smith").unwrap();
    store.flush().unwrap();
    let json = read_json(&path);
    assert_eq!(json["speakers"]["merges"][0]["from"], "the minister");
    assert_eq!(json["speakers"]["merges"][0]["into"], "Ana Ruiz");
    assert_eq!(json["speakers"]["splits"][0], "John Smith");
    let mut again = AnnotationStore::open(&path).unwrap();
    assert_eq!(again.speaker_decisions().merges.len(), 1);
    again.split_speaker("the minister").unwrap();
    assert!(again.speaker_decisions().merges.is_empty());
    again.undo().unwrap();
    assert_eq!(again.speaker_decisions().merges.len(), 1);
}

#[test]
fn saving_is_debounced_but_never_left_to_exit() {
    let (_dir, path) = sidecar_path();
    let mut store = AnnotationStore::open(&path).unwrap();
    assert_eq!(store.save_due_at(), None);
    let before = Instant::now();
    let id = store.add(Annotation::new("a", None)).unwrap();
    let due = store.save_due_at().unwrap();
    assert!(due >= before + Duration::from_millis(300));
    assert_eq!(store.save_if_due(Instant::now()).unwrap(), None);
    assert!(!path.exists());
    let report = store.save_if_due(due).unwrap().unwrap();
    assert!(report.written && path.exists());
    assert!(!store.is_dirty());

    // Edits that keep coming are still saved within the longest delay.
    store.set_note(&id, "1").unwrap();
    let first_due = store.save_due_at().unwrap();
    std::thread::sleep(Duration::from_millis(5));
    store.set_note(&id, "2").unwrap();
    let later_due = store.save_due_at().unwrap();
    assert!(later_due > first_due, "each edit pushes the save back");
    assert!(later_due <= Instant::now() + Duration::from_secs(2));
}

#[test]
fn an_unchanged_set_is_not_rewritten() {
    let (_dir, path) = copy_fixture("valid", "full.json");
    let original = fs::read(&path).unwrap();
    let mut store = AnnotationStore::open(&path).unwrap();
    assert!(!store.flush().unwrap().written);
    // After an edit is saved, a save with nothing new writes nothing.
    let id = AnnotationId::from("0190a1b2c3d-00000000000000a1");
    store.add_tag(&id, "x").unwrap();
    store.flush().unwrap();
    let after_edit = fs::metadata(&path).unwrap().modified().unwrap();
    assert!(!store.flush().unwrap().written);
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), after_edit);
    assert_ne!(fs::read(&path).unwrap(), original);
}

#[test]
fn unknown_fields_survive_a_save_at_every_level() {
    let (_dir, path) = copy_fixture("valid", "full.json");
    let mut store = AnnotationStore::open(&path).unwrap();
    let id = AnnotationId::from("0190a1b2c3d-00000000000000b2");
    store.set_note(&id, "changed").unwrap();
    store.flush().unwrap();
    let json = read_json(&path);
    assert_eq!(json["project"], "kept by gloss, written by another tool");
    assert_eq!(json["speakers"]["reviewed"], true);
    assert_eq!(json["speakers"]["merges"][0]["decided_by"], "editor");
    let a = &json["annotations"][1];
    assert_eq!(a["id"], "0190a1b2c3d-00000000000000b2");
    assert_eq!(a["note"], "changed");
    assert_eq!(a["confidence"], 0.9);
    assert_eq!(a["review"]["by"], "someone else");
    assert_eq!(a["target"]["type"], "TextQuoteSelector");
    assert_eq!(a["tags"][1], "défi");
    // And the model reads back what it wrote.
    let expected: Sidecar =
        serde_json::from_slice(&fs::read(fixture("valid", "full.json")).unwrap()).unwrap();
    let written: Sidecar = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(written.extra, expected.extra);
    assert_eq!(written.speakers, expected.speakers);
}

#[test]
fn the_previous_version_is_kept_as_bak() {
    let (dir, path) = copy_fixture("valid", "minimal.json");
    let mut store = AnnotationStore::open(&path).unwrap();
    store.add(Annotation::new("a", None)).unwrap();
    store.flush().unwrap();
    assert_eq!(
        fs::read(dir.path().join("annotations.json.bak")).unwrap(),
        fs::read(fixture("valid", "minimal.json")).unwrap()
    );
}

/// Every corrupt fixture: a clear error naming the file and position, the file
/// untouched, and a read-only store that refuses edits and never writes.
#[test]
fn corrupt_sidecars_are_reported_and_never_overwritten() {
    let cases: [(&str, Option<(usize, usize)>); 7] = [
        ("truncated.json", None),
        ("wrong-types.json", Some((35, 25))),
        ("tags-not-a-list.json", Some((7, 24))),
        ("not-json.json", Some((1, 2))),
        ("empty.json", Some((1, 0))),
        ("missing-version.json", Some((3, 1))),
        ("future-version.json", None),
    ];
    for (name, position) in cases {
        let (_dir, path) = copy_fixture("invalid", name);
        let original = fs::read(&path).unwrap();
        let err = AnnotationStore::open(&path).unwrap_err();
        let shown = err.to_string();
        assert!(
            shown.contains(&path.display().to_string()),
            "{name}: {shown}"
        );
        match (&err, name) {
            (StoreError::FutureVersion { found, .. }, "future-version.json") => {
                assert_eq!(*found, 99);
                assert!(shown.contains("newer"), "{shown}");
            }
            (StoreError::Parse { line, column, .. }, _) => {
                if let Some(expected) = position {
                    assert_eq!((*line, *column), expected, "{name}: {shown}");
                }
                assert!(
                    shown.contains(&format!("line {line}, column {column}")),
                    "{shown}"
                );
            }
            _ => panic!("{name}: unexpected error {err:?}"),
        }

        let (mut store, error) = AnnotationStore::open_or_read_only(&path);
        assert!(error.is_some());
        assert!(store.is_read_only());
        assert!(store.read_only_reason().unwrap().contains("read-only"));
        let attempt = store.add(Annotation::new("a", None));
        assert!(matches!(attempt, Err(EditError::ReadOnly(_))), "{name}");
        assert_eq!(store.save_due_at(), None);
        let _ = store.flush();
        drop(store);
        assert_eq!(fs::read(&path).unwrap(), original, "{name} was changed");
        assert!(!path.with_extension("json.bak").exists());
    }
}

#[test]
fn a_newer_version_is_shown_read_only_when_it_can_be_understood() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("annotations.json");
    let full = fs::read_to_string(fixture("valid", "full.json")).unwrap();
    fs::write(&path, full.replacen("\"version\": 1", "\"version\": 2", 1)).unwrap();
    let (store, error) = AnnotationStore::open_or_read_only(&path);
    assert!(matches!(
        error,
        Some(StoreError::FutureVersion { found: 2, .. })
    ));
    assert_eq!(store.len(), 2);
}

#[test]
fn two_writers_on_one_sidecar_keep_both_sets() {
    let (_dir, path) = sidecar_path();
    let mut one = AnnotationStore::open(&path).unwrap();
    let mut two = AnnotationStore::open(&path).unwrap();
    let mut ids_one = Vec::new();
    let mut ids_two = Vec::new();
    for i in 0..20 {
        let a = one.add(Annotation::new(format!("one/{i}"), None)).unwrap();
        one.set_note(&a, &format!("by one {i}")).unwrap();
        ids_one.push(a);
        let b = two.add(Annotation::new(format!("two/{i}"), None)).unwrap();
        two.add_tag(&b, "by-two").unwrap();
        ids_two.push(b);
        // Interleaved saves: each must merge what the other wrote.
        if i % 3 == 0 {
            one.flush().unwrap();
        }
        two.flush().unwrap();
    }
    one.flush().unwrap();
    two.flush().unwrap();
    let merged = AnnotationStore::open(&path).unwrap();
    assert_eq!(merged.len(), 40);
    for (i, id) in ids_one.iter().enumerate() {
        assert_eq!(merged.get(id).unwrap().note, format!("by one {i}"));
    }
    for id in &ids_two {
        assert_eq!(merged.get(id).unwrap().tags, ["by-two"]);
    }
    // Each now also sees the other's annotations.
    assert_eq!(one.len(), 40);
}

#[test]
fn two_writers_editing_one_annotation_combine_fields_and_respect_deletions() {
    let (_dir, path) = sidecar_path();
    let mut one = AnnotationStore::open(&path).unwrap();
    let shared = one.add(statement("a", TEXT, "would fail")).unwrap();
    let doomed = one.add(Annotation::new("a", None)).unwrap();
    one.flush().unwrap();
    let mut two = AnnotationStore::open(&path).unwrap();

    one.set_speaker(&shared, Some("Critics")).unwrap();
    one.delete(&doomed).unwrap();
    one.flush().unwrap();
    std::thread::sleep(Duration::from_millis(5));
    two.set_note(&shared, "two's note").unwrap();
    two.flush().unwrap();

    let result = AnnotationStore::open(&path).unwrap();
    let a = result.get(&shared).unwrap();
    assert_eq!(a.speaker.as_deref(), Some("Critics"));
    assert_eq!(a.note, "two's note");
    assert!(
        result.get(&doomed).is_none(),
        "a deletion is not undone by a stale copy"
    );

    // The same field on both sides: the newer edit wins.
    one.set_note(&shared, "older").unwrap();
    std::thread::sleep(Duration::from_millis(5));
    two.set_note(&shared, "newer").unwrap();
    two.flush().unwrap();
    one.flush().unwrap();
    let result = AnnotationStore::open(&path).unwrap();
    assert_eq!(result.get(&shared).unwrap().note, "newer");
}

#[test]
fn an_edit_by_another_program_is_merged_not_clobbered() {
    let (_dir, path) = copy_fixture("valid", "full.json");
    let mut store = AnnotationStore::open(&path).unwrap();
    let mine = store.add(Annotation::new("mine", None)).unwrap();

    // Another program rewrites the file: new annotation, edited note, new field.
    let mut json = read_json(&path);
    json["annotations"][0]["note"] = "edited elsewhere".into();
    json["annotations"][0]["modified"] = "2026-03-02T00:00:00Z".into();
    let mut extra = json["annotations"][1].clone();
    extra["id"] = "from-elsewhere".into();
    json["annotations"].as_array_mut().unwrap().push(extra);
    json["added_field"] = 42.into();
    fs::write(&path, serde_json::to_vec_pretty(&json).unwrap()).unwrap();

    let report = store.flush().unwrap();
    assert!(report.written);
    assert_eq!(report.merged, 2);
    let result = read_json(&path);
    assert_eq!(result["added_field"], 42);
    let again = AnnotationStore::open(&path).unwrap();
    assert_eq!(again.len(), 4);
    assert!(again.get(&mine).is_some());
    assert!(again.get(&AnnotationId::from("from-elsewhere")).is_some());
    assert_eq!(
        again
            .get(&AnnotationId::from("0190a1b2c3d-00000000000000a1"))
            .unwrap()
            .note,
        "edited elsewhere"
    );
}

#[test]
fn a_file_broken_by_another_program_is_left_alone() {
    let (_dir, path) = copy_fixture("valid", "full.json");
    let mut store = AnnotationStore::open(&path).unwrap();
    store.add(Annotation::new("mine", None)).unwrap();
    fs::write(&path, "{ \"version\": 1, \"annotations\": [").unwrap();
    let err = store.flush().unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
    assert!(err.to_string().contains("line 1"), "{err}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "{ \"version\": 1, \"annotations\": ["
    );
    assert!(store.is_dirty(), "the edit is kept for a later save");
    // Once repaired, the save goes through and keeps both sides.
    fs::copy(fixture("valid", "full.json"), &path).unwrap();
    store.flush().unwrap();
    assert_eq!(AnnotationStore::open(&path).unwrap().len(), 3);
}

#[test]
fn refresh_takes_in_another_writers_changes_without_writing() {
    let (_dir, path) = sidecar_path();
    let mut one = AnnotationStore::open(&path).unwrap();
    let mut two = AnnotationStore::open(&path).unwrap();
    let id = two.add(Annotation::new("a", None)).unwrap();
    two.flush().unwrap();
    assert_eq!(one.refresh().unwrap(), 1);
    assert!(one.get(&id).is_some());
    assert!(!one.is_dirty());
}

#[test]
fn a_folder_corpus_opens_its_sidecar_in_dot_gloss() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("one.txt"), TEXT).unwrap();
    let source = gloss::corpus::CorpusSource::Folder(dir.path().to_path_buf());
    let mut opened = AnnotationStore::open_for_corpus(&source, None);
    assert!(opened.messages().is_empty());
    opened.store.add(Annotation::new("one", None)).unwrap();
    opened.store.flush().unwrap();
    assert!(dir.path().join(".gloss/annotations.json").is_file());

    // A corrupt sidecar: read-only, and the status bar says where and why.
    fs::write(dir.path().join(".gloss/annotations.json"), "{").unwrap();
    let opened = AnnotationStore::open_for_corpus(&source, None);
    assert!(opened.store.is_read_only());
    let messages = opened.messages().join("\n");
    assert!(messages.contains("annotations.json, line 1"), "{messages}");
    assert!(messages.contains("read-only"), "{messages}");
}

#[test]
fn a_selection_finds_the_annotation_shown_on_it_after_the_text_moved() {
    let (_dir, path) = sidecar_path();
    let mut store = AnnotationStore::open(&path).unwrap();
    let id = store
        .add(statement("a", TEXT, "would fail within a year"))
        .unwrap();
    let edited = format!("A new opening line.\n{TEXT}");
    let at = edited.find("would fail within a year").unwrap();
    let span = Span::new(at, at + "would fail within a year".len());
    assert_eq!(store.at_span("a", &edited, span).unwrap().id, id);
    assert!(store.at_span("a", &edited, Span::new(0, 5)).is_none());
}
