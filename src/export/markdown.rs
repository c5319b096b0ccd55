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
    let matcher = SpeakerMatcher::new(set.records.iter().filter_map(|r| r.speaker.as_deref()));
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
    groups.sort_by(|a, b| b.rows.len().cmp(&a.rows.len()).then(a.name.cmp(&b.name)));
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
    let mut meta = format!("Article {}", code(id));
    if let Some(d) = date {
        let _ = write!(meta, ", {}", inline(d));
    }
    let _ = writeln!(s, "{meta}\n");
}

fn statement(s: &mut String, r: &ExportRecord) {
    if r.is_whole_article() {
        s.push_str("About the whole article.\n\n");
    } else {
        block_quote(s, &r.text);
    }
    let mut facts = vec![inline(&r.kind)];
    if let (Some(a), Some(b)) = (r.start, r.end) {
        facts.push(format!("characters {a}–{b}"));
    }
    if r.source == Source::Detected {
        facts.push("detected".to_string());
    }
    if !r.tags.is_empty() {
        let tags: Vec<String> = r.tags.iter().map(|t| code(t)).collect();
        facts.push(format!("tags: {}", tags.join(", ")));
    }
    let _ = writeln!(s, "{}\n", facts.join(" · "));
    if !r.note.trim().is_empty() {
        s.push_str("**Note:**\n");
        paragraphs(s, &r.note, "");
        s.push('\n');
    }
}

/// `text` as a block quote: each line escaped, lines kept apart by hard
/// breaks, blank lines as paragraph breaks inside the quote.
fn block_quote(s: &mut String, text: &str) {
    paragraphs(s, text, "> ");
    s.push('\n');
}

/// Writes `text` escaped, each line prefixed by `prefix`; lines within a
/// paragraph end with a hard break (`\`), blank lines separate paragraphs.
fn paragraphs(s: &mut String, text: &str, prefix: &str) {
    let lines: Vec<&str> = text.trim_matches('\n').lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            let _ = writeln!(s, "{}", prefix.trim_end());
            continue;
        }
        let next_blank = lines.get(i + 1).is_none_or(|l| l.trim().is_empty());
        let brk = if next_blank { "" } else { "\\" };
        let _ = writeln!(s, "{prefix}{}{brk}", line_text(line));
    }
}

/// One line of running text: inline escapes plus the characters that only
/// mean something at the start of a line (`-`, `+`, `=`, `1.`, `1)`).
fn line_text(line: &str) -> String {
    let mut out = inline(line);
    let digits = out.bytes().take_while(u8::is_ascii_digit).count();
    let first = out.as_bytes().first().copied();
    if matches!(first, Some(b'-' | b'+' | b'=')) {
        out.insert(0, '\\');
    } else if digits > 0 && matches!(out.as_bytes().get(digits), Some(b'.' | b')')) {
        out.insert(digits, '\\');
    }
    out
}

/// Inline text with every Markdown-active character backslash-escaped and
/// line breaks turned into spaces.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A code span holding `text` verbatim (on one line): fenced with more
/// backticks than it holds in a row, padded when it starts or ends with one.
fn code(text: &str) -> String {
    let text = text.replace(['\n', '\r'], " ");
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') || text.starts_with(' ') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
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
