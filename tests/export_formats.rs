//! The export formats through the library: every annotation survives each
//! format, hostile notes survive CSV and cannot turn into Markdown markup, and
//! every offset points at the statement's text in code points.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use gloss::annotations::{Annotation, AnnotationId, Sidecar, TextTarget};
use gloss::corpus::Corpus;
use gloss::export::{self, ExportFormat, ExportOptions, ExportSet};
use proptest::prelude::*;

fn fixture() -> Sidecar {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sidecars/export/sample.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Notes a spreadsheet, a CSV parser or a Markdown renderer could trip on.
const HOSTILE: &[&str] = &[
    "plain",
    "",
    "comma, separated, values",
    "\"quoted\" and \"\"doubled\"\"",
    "\"",
    "line one\nline two\n\nline four",
    "crlf\r\nline\rlone cr",
    "trailing newline\n",
    "\ttabbed\t",
    "=HYPERLINK(\"http://example.com\",\"x\")",
    "+1, -1, @cmd",
    "Ünïcödé — «guillemets» 🕊️ 和平 שלום é",
    "nul \u{0} byte",
    "*bold* _it_ [a](http://b) ![i](j) <b>html</b> `code` ~~s~~ | pipe \\ & &amp;",
    "# heading\n> quote\n- item\n+ item\n1. item\n2) item\n    indented code\n```\nfence\n```\n---\n===",
    "<!-- comment -->\n<div>\nblock\n</div>",
    "trailing backslash \\\nnext",
];

/// One annotation per hostile note on the first article, with hostile tags
/// and speakers too, plus the fixture's annotations.
fn hostile_sidecar(corpus: &Corpus) -> Sidecar {
    let article = &corpus.articles[0];
    let chars: Vec<char> = article.text.chars().collect();
    let mut side = fixture();
    for (i, note) in HOSTILE.iter().enumerate() {
        let (start, end) = (i * 3, i * 3 + 10);
        side.annotations.push(Annotation {
            id: AnnotationId(format!("hostile-{i:02}")),
            article: article.id.0.clone(),
            target: Some(TextTarget {
                exact: chars[start..end].iter().collect(),
                prefix: chars[start.saturating_sub(5)..start].iter().collect(),
                suffix: chars[end..end + 5].iter().collect(),
                start,
                end,
                extra: Default::default(),
            }),
            kind: Some("selection".into()),
            speaker: Some(format!("Speaker *{i}* | \"x\", y")),
            tags: vec![format!("tag,{i}"), "q\"uote".into(), "new\nline".into()],
            note: (*note).to_string(),
            created: "2026-11-20T09:00:00Z".into(),
            modified: "2026-11-20T09:00:00Z".into(),
            extra: Default::default(),
        });
    }
    side
}

fn render(format: ExportFormat, set: &ExportSet) -> String {
    let mut out = Vec::new();
    export::export(format, set, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

fn sample_set() -> (Corpus, Sidecar, ExportSet) {
    let corpus = Corpus::bundled();
    let side = hostile_sidecar(&corpus);
    let set = export::build(&corpus, &side, &ExportOptions::default());
    (corpus, side, set)
}

/// The fixture's annotations whose text is not in the corpus (one edited
/// away, one on an article that is gone): exported as orphans.
const ORPHANS: [&str; 2] = ["a-0009", "a-0010"];

/// The stored offsets of `ann` when it is placed, as the export writes them.
fn placed_offsets(ann: &Annotation) -> Option<(usize, usize)> {
    let t = ann.target.as_ref()?;
    (!ORPHANS.contains(&ann.id.0.as_str())).then_some((t.start, t.end))
}

fn by_id(side: &Sidecar) -> BTreeMap<&str, &Annotation> {
    side.annotations
        .iter()
        .map(|a| (a.id.0.as_str(), a))
        .collect()
}

#[test]
fn csv_round_trips_hostile_notes_tags_and_speakers() {
    let (_, side, set) = sample_set();
    let text = render(ExportFormat::Csv, &set);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        export::csv::HEADER
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), side.annotations.len());
    // Rows follow the set's order; each carries its annotation's exact values.
    let anns = by_id(&side);
    for (row, record) in rows.iter().zip(&set.records) {
        let ann = anns[record.annotation_id.as_deref().unwrap()];
        assert_eq!(&row[0], ann.article);
        assert_eq!(&row[3], ann.speaker.as_deref().unwrap_or(""));
        assert_eq!(
            &row[5],
            ann.target.as_ref().map_or("", |t| t.exact.as_str())
        );
        assert_eq!(&row[6], ann.tags.join(";"));
        assert_eq!(&row[7], ann.note, "note of {}", ann.id.0);
        let start = placed_offsets(ann).map(|(s, _)| s.to_string());
        assert_eq!(&row[8], start.as_deref().unwrap_or(""));
        assert_eq!(&row[10], "user");
    }
}

fn note_set(note: &str) -> ExportSet {
    let corpus = Corpus::bundled();
    let mut side = Sidecar::default();
    let mut ann = fixture().annotations.remove(0);
    ann.note = note.to_string();
    ann.speaker = Some(note.to_string());
    side.annotations.push(ann);
    export::build(&corpus, &side, &ExportOptions::default())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_note_survives_a_csv_round_trip(note in any::<String>()) {
        let set = note_set(&note);
        let text = render(ExportFormat::Csv, &set);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let row = reader.records().next().unwrap().unwrap();
        prop_assert_eq!(&row[7], note.as_str());
    }

    #[test]
    fn any_note_survives_json_and_jsonld(note in any::<String>()) {
        let set = note_set(&note);
        let json: serde_json::Value = serde_json::from_str(&render(ExportFormat::Json, &set)).unwrap();
        prop_assert_eq!(json["articles"][0]["statements"][0]["note"].as_str(), Some(note.as_str()));
        let ld: serde_json::Value = serde_json::from_str(&render(ExportFormat::Webanno, &set)).unwrap();
        let bodies = ld["first"]["items"][0]["body"].as_array().unwrap().clone();
        let comment = bodies.iter().find(|b| b["purpose"] == "commenting");
        prop_assert_eq!(comment.map(|b| b["value"].as_str()), (!note.is_empty()).then_some(Some(note.as_str())));
    }
}

#[test]
fn json_carries_every_annotation_with_its_fields() {
    let (_, side, set) = sample_set();
    let json: serde_json::Value = serde_json::from_str(&render(ExportFormat::Json, &set)).unwrap();
    assert_eq!(json["gloss_export_version"], export::EXPORT_VERSION);
    assert_eq!(json["counts"]["statements"], side.annotations.len());
    let anns = by_id(&side);
    let mut seen = 0;
    for article in json["articles"].as_array().unwrap() {
        assert!(article["title"].is_string() && article["path"].is_string());
        for s in article["statements"].as_array().unwrap() {
            let ann = anns[s["annotation_id"].as_str().unwrap()];
            assert_eq!(article["id"], ann.article.as_str());
            assert_eq!(s["note"], ann.note.as_str());
            assert_eq!(s["tags"], serde_json::json!(ann.tags));
            assert_eq!(s["speaker"].as_str(), ann.speaker.as_deref());
            assert_eq!(s["created"], ann.created.as_str());
            match &ann.target {
                Some(t) => {
                    let offsets = placed_offsets(ann);
                    assert_eq!(
                        (s["start"].as_u64(), s["end"].as_u64()),
                        (offsets.map(|o| o.0 as u64), offsets.map(|o| o.1 as u64))
                    );
                    assert_eq!(s["orphaned"], offsets.is_none());
                    assert_eq!(s["text"], t.exact.as_str());
                }
                None => {
                    assert_eq!(s["kind"], "article");
                    assert!(s["start"].is_null() && s["text"] == "");
                }
            }
            seen += 1;
        }
    }
    assert_eq!(seen, side.annotations.len());
}

#[test]
fn jsonl_has_one_parsable_line_per_annotation() {
    let (_, side, set) = sample_set();
    let text = render(ExportFormat::Jsonl, &set);
    let ids: Vec<String> = text
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["annotation_id"].as_str().unwrap().to_string()
        })
        .collect();
    let mut expected: Vec<String> = side.annotations.iter().map(|a| a.id.0.clone()).collect();
    let mut got = ids.clone();
    expected.sort();
    got.sort();
    assert_eq!(got, expected);
}

#[test]
fn webanno_is_an_annotation_collection_carrying_every_annotation() {
    let (corpus, side, set) = sample_set();
    let ld: serde_json::Value = serde_json::from_str(&render(ExportFormat::Webanno, &set)).unwrap();
    assert_eq!(ld["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(ld["type"], "AnnotationCollection");
    assert_eq!(ld["total"], side.annotations.len());
    let items = ld["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), side.annotations.len());
    let anns = by_id(&side);
    for item in items {
        assert_eq!(item["type"], "Annotation");
        let id = item["id"].as_str().unwrap();
        let ann = anns[id.strip_prefix("urn:gloss:annotation:").unwrap()];
        let bodies = item["body"].as_array().unwrap();
        let values = |purpose: &str| -> Vec<&str> {
            bodies
                .iter()
                .filter(|b| b["purpose"] == purpose)
                .inspect(|b| assert_eq!(b["type"], "TextualBody"))
                .map(|b| b["value"].as_str().unwrap())
                .collect()
        };
        assert_eq!(values("tagging"), ann.tags);
        assert_eq!(
            values("identifying"),
            ann.speaker.as_deref().into_iter().collect::<Vec<_>>()
        );
        let note: Vec<&str> = Some(ann.note.as_str())
            .filter(|n| !n.is_empty())
            .into_iter()
            .collect();
        assert_eq!(values("commenting"), note);
        let target = &item["target"];
        assert_eq!(
            target["source"],
            format!("urn:gloss:article:{}", ann.article)
        );
        match &ann.target {
            None => assert!(target.get("selector").is_none()),
            Some(t) if placed_offsets(ann).is_none() => {
                // An orphan keeps only its quote.
                let sel = target["selector"].as_array().unwrap();
                assert_eq!(sel.len(), 1);
                assert_eq!(sel[0]["type"], "TextQuoteSelector");
                assert_eq!(sel[0]["exact"], t.exact.as_str());
            }
            Some(t) => {
                let article = corpus
                    .articles
                    .iter()
                    .find(|a| a.id.0 == ann.article)
                    .unwrap();
                let sel = target["selector"].as_array().unwrap();
                assert_eq!(sel[0]["type"], "TextQuoteSelector");
                assert_eq!(sel[0]["exact"], t.exact.as_str());
                assert_eq!(sel[1]["type"], "TextPositionSelector");
                // Positions count code points of the normalised text.
                let (s, e) = (
                    sel[1]["start"].as_u64().unwrap() as usize,
                    sel[1]["end"].as_u64().unwrap() as usize,
                );
                let covered: String = article.text.chars().skip(s).take(e - s).collect();
                assert_eq!(covered, t.exact);
            }
        }
    }
}

#[test]
fn fixture_offsets_are_code_points_of_the_normalised_text() {
    let corpus = Corpus::bundled();
    for ann in fixture().annotations {
        if ORPHANS.contains(&ann.id.0.as_str()) {
            continue;
        }
        let Some(t) = ann.target else { continue };
        let article = corpus
            .articles
            .iter()
            .find(|a| a.id.0 == ann.article)
            .unwrap();
        let chars: Vec<char> = article.text.chars().collect();
        assert_eq!(
            chars[t.start..t.end].iter().collect::<String>(),
            t.exact,
            "{}",
            ann.id.0
        );
    }
}

/// Everything a Markdown renderer makes of `md`, minus plain text.
fn markup(md: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH)
        .filter_map(|e| match e {
            Event::Start(
                Tag::Emphasis
                | Tag::Link { .. }
                | Tag::Image { .. }
                | Tag::Strikethrough
                | Tag::List(_)
                | Tag::CodeBlock(_)
                | Tag::HtmlBlock,
            ) => Some(format!("{e:?}")),
            Event::Html(_) | Event::InlineHtml(_) => Some(format!("{e:?}")),
            Event::Start(Tag::Heading { level, .. }) => Some(format!("heading {level:?}")),
            Event::Rule => Some("rule".into()),
            _ => None,
        })
        .collect()
}

/// The text of every heading.
fn headings(md: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for e in Parser::new(md) {
        match e {
            Event::Start(Tag::Heading { .. }) => current = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => out.extend(current.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = current.as_mut() {
                    h.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

#[test]
fn markdown_notes_never_become_markup() {
    let (_, side, set) = sample_set();
    let md = render(ExportFormat::Md, &set);
    let found = markup(&md);
    let stray: Vec<&String> = found.iter().filter(|m| !m.starts_with("heading")).collect();
    assert!(stray.is_empty(), "markup from user text: {stray:?}\n{md}");
    // Headings are only gloss's own: title, summary, speakers, article titles.
    let mut allowed: Vec<String> = vec![
        "Annotations: sample corpus".into(),
        "Summary".into(),
        "No speaker".into(),
    ];
    allowed.extend(set.articles.iter().map(|a| a.title.clone()));
    // An article that is gone has no title: its id stands in.
    allowed.extend(set.articles.iter().map(|a| a.id.clone()));
    let people = export::SpeakerMatcher::new(
        set.records.iter().filter_map(|r| r.speaker.as_deref()),
        &side.speakers,
    );
    allowed.extend(
        set.records
            .iter()
            .filter_map(|r| r.speaker.as_deref())
            .map(|n| people.display_name(n).to_string()),
    );
    for h in headings(&md) {
        assert!(allowed.contains(&h), "unexpected heading {h:?}");
    }
    // Every line of every note is there as text.
    use pulldown_cmark::{Event, Parser};
    let text: String = Parser::new(&md)
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.to_string()),
            Event::Code(t) => Some(t.to_string()),
            Event::SoftBreak | Event::HardBreak => Some("\n".into()),
            _ => None,
        })
        .collect();
    for ann in &side.annotations {
        for line in ann.note.lines().map(str::trim).filter(|l| !l.is_empty()) {
            let line = line.replace('\r', "\n");
            for part in line.lines().map(str::trim).filter(|l| !l.is_empty()) {
                assert!(
                    text.contains(part),
                    "note line {part:?} of {} is lost",
                    ann.id.0
                );
            }
        }
    }
}

#[test]
fn markdown_groups_by_speaker_with_a_summary_table() {
    let corpus = Corpus::bundled();
    let set = export::build(&corpus, &fixture(), &ExportOptions::default());
    let md = render(ExportFormat::Md, &set);
    assert!(
        md.contains("| Vladimir Putin | 3 | blame-us (3), foreign-policy (1), quote\\|pipe (1) |"),
        "{md}"
    );
    // `Putin` and `Vladimir Putin` are one section.
    assert_eq!(md.matches("## Vladimir Putin").count(), 1);
    assert!(!md.lines().any(|l| l == "## Putin"));
    let putin = md.find("## Vladimir Putin").unwrap();
    let peskov = md.find("## Dmitry Peskov").unwrap();
    let nobody = md.find("## No speaker").unwrap();
    assert!(putin < peskov && peskov < nobody);
}

#[test]
fn an_empty_set_is_valid_in_every_format() {
    let corpus = Corpus::bundled();
    let set = export::build(&corpus, &Sidecar::default(), &ExportOptions::default());
    assert!(set.is_empty());
    for f in ExportFormat::ALL {
        let out = render(f, &set);
        match f {
            ExportFormat::Json | ExportFormat::Webanno => {
                serde_json::from_str::<serde_json::Value>(&out).unwrap();
            }
            ExportFormat::Jsonl => assert_eq!(out, ""),
            ExportFormat::Csv => assert_eq!(out.lines().count(), 1),
            ExportFormat::Md => assert!(out.contains("0 statements")),
        }
    }
}
