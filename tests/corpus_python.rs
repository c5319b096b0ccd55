//! The normalised text must equal Python's `open(path, encoding="utf-8-sig").read()`,
//! so offsets from `gloss analyze` mean the same thing in a notebook.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use gloss::corpus::Corpus;

fn python_read(path: &Path) -> Option<String> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys; sys.stdout.buffer.write(open(sys.argv[1], encoding='utf-8-sig').read().encode('utf-8'))",
        ])
        .arg(path)
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8(out.stdout).unwrap())
}

#[test]
fn normalised_text_equals_pythons_reading() {
    let dir = tempfile::tempdir().unwrap();
    let files: [(&str, &[u8]); 4] = [
        (
            "bom_crlf.txt",
            b"\xEF\xBB\xBFHeadline\r\n\r\n\xE2\x80\x9CQuote,\xE2\x80\x9D she said.\r\n",
        ),
        ("lone_cr.txt", b"Old Mac\rline two\r\rend"),
        ("mixed.md", b"a\r\nb\rc\nd\r\n\r"),
        (
            "plain.txt",
            "Caf\u{e9} \u{4e2d}\u{6587} \u{1f600}\n".as_bytes(),
        ),
    ];
    for (name, bytes) in files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    for corpus_dir in [
        dir.path().to_path_buf(),
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/corpus"),
    ] {
        let corpus = Corpus::load(&corpus_dir).unwrap();
        assert!(!corpus.articles.is_empty());
        for a in &corpus.articles {
            let Some(expected) = python_read(&corpus_dir.join(&a.path)) else {
                eprintln!("python3 is not available: skipping");
                return;
            };
            assert_eq!(a.text, expected, "{}", a.path);
        }
    }
}
