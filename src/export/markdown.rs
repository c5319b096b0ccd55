//! The `md` format: a readable report. A summary table (statements and tags
//! per speaker), then one section per speaker (the forms of one name grouped),
//! one sub-section per article, each statement as a block quote followed by
//! its kind, tags and note.
//!
//! Every piece of user or article text is escaped, so that a note holding
//! `*`, `[link](…)`, `<script>` or a line starting with `#` shows as written
//! and never turns into markup.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::Write;

use anyhow::{Context, Result};

use super::filter::SpeakerMatcher;
use super::{ExportRecord, ExportSet, Source};

/// The heading of statements nobody is named for.
const NO_SPEAKER: &str = "No speaker";

struct Group<'a> {
    name: String,
    /// Name forms used in the rows, other than `name`.
    forms: Vec<&'a str>,
    rows: Vec<&'a ExportRecord>,
    /// Tag → count, in first-seen order.
    tags: Vec<(&'a str, usize)>,
}

/// Writes `set` as a Markdown report.
pub fn write_markdown(set: &ExportSet, out: &mut dyn Write) -> Result<()> {
    let groups = group_by_speaker(set);
    let mut s = String::with_capacity(256 + set.records.len() * 400);
    let _ = writeln!(s, "# Annotations: {}\n", inline(&set.corpus));
    let _ = writeln!(
        s,
        "{} statement{} in {} article{}.\n",
        set.records.len(),
        plural(set.records.len()),
        set.articles.len(),
        plural(set.articles.len())
    );
    summary_table(&mut s, &groups);
    let titles: HashMap<&str, (&str, Option<&str>)> = set
        .articles
        .iter()
        .map(|a| (a.id.as_str(), (a.title.as_str(), a.date.as_deref())))
        .collect();
    for g in &groups {
        let _ = writeln!(s, "## {}\n", heading(&g.name));
        if !g.forms.is_empty() {
            let forms: Vec<String> = g.forms.iter().map(|f| inline(f)).collect();
            let _ = writeln!(s, "Also named: {}.\n", forms.join(", "));
        }
        let mut last_article: Option<&str> = None;
        for r in &g.rows {
            if last_article != Some(r.article_id.as_str()) {
                last_article = Some(&r.article_id);
                let (title, date) = titles
                    .get(r.article_id.as_str())
                    .copied()
                    .unwrap_or(("", None));
                article_heading(&mut s, &r.article_id, title, date);
            }
            statement(&mut s, r);
        }
    }
    out.write_all(s.as_bytes())
        .context("writing the Markdown export")
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Groups rows by person (most statements first, no speaker last); within a
/// group rows keep the set's order (article, then position).
fn group_by_speaker(set: &ExportSet) -> Vec<Group<'_>> {
    let matcher = SpeakerMatcher::new(
        set.records.iter().filter_map(|r| r.speaker.as_deref()),
        &set.speakers,
    );
    let mut groups: Vec<Group<'_>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut nobody: Option<Group<'_>> = None;
    for r in &set.records {
        let group = match r.speaker.as_deref() {
            None => nobody.get_or_insert_with(|| new_group(NO_SPEAKER.to_string())),
            Some(name) => {
                let shown = matcher.display_name(name);
                let i = *index.entry(shown.to_string()).or_insert_with(|| {
                    groups.push(new_group(shown.to_string()));
                    groups.len() - 1
                });
                let g = &mut groups[i];
                if name != g.name && !g.forms.contains(&name) {
                    g.forms.push(name);
                }
                g
            }
        };
        group.rows.push(r);
        for t in &r.tags {
            match group.tags.iter_mut().find(|(x, _)| x == t) {
                Some((_, n)) => *n += 1,
                None => group.tags.push((t, 1)),
            }
        }
    }
    groups.sort_by_cached_key(|g| (std::cmp::Reverse(g.rows.len()), g.name.to_lowercase()));
    groups.extend(nobody);
    groups
}

fn new_group<'a>(name: String) -> Group<'a> {
    Group {
        name,
        forms: Vec::new(),
        rows: Vec::new(),
        tags: Vec::new(),
    }
}

fn summary_table(s: &mut String, groups: &[Group<'_>]) {
    if groups.is_empty() {
        s.push_str("Nothing to report.\n");
        return;
    }
    s.push_str("## Summary\n\n| Speaker | Statements | Tags |\n| --- | ---: | --- |\n");
    for g in groups {
        let mut tags: Vec<&(&str, usize)> = g.tags.iter().collect();
        tags.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let tags: Vec<String> = tags
            .iter()
            .map(|(t, n)| format!("{} ({n})", cell(t)))
            .collect();
        let _ = writeln!(
            s,
            "| {} | {} | {} |",
            cell(&g.name),
            g.rows.len(),
            tags.join(", ")
        );
    }
    s.push('\n');
}

fn article_heading(s: &mut String, id: &str, title: &str, date: Option<&str>) {
    let shown = if title.is_empty() { id } else { title };
    let _ = writeln!(s, "### {}\n", heading(shown));
    let mut meta = String::from("Article ");
    push_code(&mut meta, id);
    if let Some(d) = date {
        let _ = write!(meta, ", {}", inline(d));
    }
    let _ = writeln!(s, "{meta}\n");
}

fn statement(s: &mut String, r: &ExportRecord) {
    if r.is_whole_article() {
        s.push_str("About the whole article.\n\n");
    } else {
        paragraphs(s, &r.text, "> ");
        s.push('\n');
    }
    push_inline(s, &r.kind);
    if let (Some(a), Some(b)) = (r.start, r.end) {
        let _ = write!(s, " · characters {a}–{b}");
    }
    if r.orphaned {
        s.push_str(" · not found in the current article text");
    }
    if r.source == Source::Detected {
        s.push_str(" · detected");
    }
    for (i, t) in r.tags.iter().enumerate() {
        s.push_str(if i == 0 { " · tags: " } else { ", " });
        push_code(s, t);
    }
    s.push_str("\n\n");
    if !r.note.trim().is_empty() {
        s.push_str("**Note:**\n");
        paragraphs(s, &r.note, "");
        s.push('\n');
    }
}

/// Writes `text` escaped, each line prefixed by `prefix`; lines within a
/// paragraph end with a hard break (`\`), blank lines separate paragraphs.
/// Leading white space is dropped (it would make an indented code block).
fn paragraphs(s: &mut String, text: &str, prefix: &str) {
    let mut lines = text.trim_matches('\n').lines().map(str::trim).peekable();
    while let Some(line) = lines.next() {
        if line.is_empty() {
            s.push_str(prefix.trim_end());
        } else {
            s.push_str(prefix);
            push_line(s, line);
            if lines.peek().is_some_and(|next| !next.is_empty()) {
                s.push('\\');
            }
        }
        s.push('\n');
    }
}

/// Appends one line of running text: inline escapes plus the characters that
/// only mean something at the start of a line (`-`, `+`, `=`, `1.`, `1)`).
fn push_line(s: &mut String, line: &str) {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    match line.as_bytes().first() {
        Some(b'-' | b'+' | b'=') => s.push('\\'),
        _ if digits > 0 && matches!(line.as_bytes().get(digits), Some(b'.' | b')')) => {
            s.push_str(&line[..digits]);
            s.push('\\');
            push_inline(s, &line[digits..]);
            return;
        }
        _ => {}
    }
    push_inline(s, line);
}

/// Appends `text` with every Markdown-active character backslash-escaped and
/// line breaks turned into spaces.
fn push_inline(s: &mut String, text: &str) {
    s.reserve(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(|c: char| {
        matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '['
                | ']'
                | '<'
                | '>'
                | '&'
                | '|'
                | '~'
                | '#'
                | '!'
                | '\n'
                | '\r'
        )
    }) {
        s.push_str(&rest[..i]);
        let c = rest.as_bytes()[i];
        if c == b'\n' || c == b'\r' {
            s.push(' ');
        } else {
            s.push('\\');
            s.push(c as char);
        }
        rest = &rest[i + 1..];
    }
    s.push_str(rest);
}

/// [`push_line`] into a new string.
fn line_text(line: &str) -> String {
    let mut s = String::with_capacity(line.len() + 8);
    push_line(&mut s, line);
    s
}

/// [`push_inline`] into a new string.
fn inline(text: &str) -> String {
    let mut s = String::with_capacity(text.len() + 8);
    push_inline(&mut s, text);
    s
}

/// Appends a code span holding `text` verbatim (on one line): fenced with
/// more backticks than it holds in a row, padded when it starts or ends with one.
fn push_code(s: &mut String, text: &str) {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let pad = text.starts_with('`') || text.ends_with('`') || text.starts_with(' ');
    let fence = |s: &mut String| (0..=longest).for_each(|_| s.push('`'));
    fence(s);
    if pad {
        s.push(' ');
    }
    for c in text.chars() {
        s.push(if c == '\n' || c == '\r' { ' ' } else { c });
    }
    if pad {
        s.push(' ');
    }
    fence(s);
}

/// Text for a heading (one line, no closing `#` sequence).
fn heading(text: &str) -> String {
    line_text(text.trim())
}

/// Text for a table cell (the pipe is escaped by [`inline`]).
fn cell(text: &str) -> String {
    line_text(text.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_characters_are_escaped() {
        assert_eq!(
            inline("*a* _b_ [c](d) <e> `f` g|h"),
            r"\*a\* \_b\_ \[c\](d) \<e\> \`f\` g\|h"
        );
        assert_eq!(line_text("# no"), r"\# no");
        assert_eq!(line_text("- no"), r"\- no");
        assert_eq!(line_text("12. no"), r"12\. no");
        assert_eq!(line_text("1) no"), r"1\) no");
        assert_eq!(line_text("2024 was"), "2024 was");
        let code = |t: &str| {
            let mut s = String::new();
            push_code(&mut s, t);
            s
        };
        assert_eq!(code("a_b"), "`a_b`");
        assert_eq!(code("a``b"), "```a``b```");
        assert_eq!(code("`x"), "`` `x ``");
    }

    #[test]
    fn multi_line_text_keeps_its_lines_and_paragraphs() {
        let mut s = String::new();
        paragraphs(&mut s, "one\ntwo\n\nthree", "> ");
        assert_eq!(s, "> one\\\n> two\n>\n> three\n");
    }
}
