//! The note editor's state: a few lines of text and a cursor, with the usual
//! editing keys (type, Enter for a new line, Backspace, Delete, arrows,
//! Home/End). The cursor moves by grapheme cluster, so a wide character or a
//! letter with combining marks is one step; up and down keep the column on
//! screen. [`NoteEditor::layout`] wraps the lines to a width for drawing.
//!
//! Pure state: no keys, no drawing (the widget is `view::note_editor`).

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::wrap::grapheme_width;

/// The text being edited and where the cursor is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditor {
    /// Shown in the window's border.
    pub title: String,
    lines: Vec<String>,
    /// Line of the cursor.
    row: usize,
    /// Byte offset of the cursor in its line (on a grapheme boundary).
    col: usize,
    /// Screen column kept while moving up and down.
    goal: Option<usize>,
    original: String,
}

/// One screen row of the wrapped text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualRow {
    /// The line it belongs to.
    pub line: usize,
    /// The bytes of that line it shows.
    pub range: Range<usize>,
}

impl NoteEditor {
    /// An editor holding `text`, the cursor at its end.
    pub fn new(title: impl Into<String>, text: &str) -> Self {
        let lines: Vec<String> = text.split('\n').map(str::to_string).collect();
        let row = lines.len() - 1;
        let col = lines[row].len();
        Self {
            title: title.into(),
            lines,
            row,
            col,
            goal: None,
            original: text.to_string(),
        }
    }

    /// The text, lines joined by `\n`.
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    /// True when the text differs from what the editor was opened with.
    pub fn is_changed(&self) -> bool {
        self.text() != self.original
    }

    /// The lines.
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// The cursor: line and byte offset in it.
    pub fn cursor(&self) -> (usize, usize) {
        (self.row, self.col)
    }

    fn line(&self) -> &str {
        &self.lines[self.row]
    }

    /// Inserts a character at the cursor (a line break splits the line).
    pub fn insert(&mut self, c: char) {
        if c == '\n' {
            self.newline();
            return;
        }
        if c.is_control() {
            return;
        }
        let col = self.col;
        self.lines[self.row].insert(col, c);
        self.col += c.len_utf8();
        // A combining mark joins the cluster before it: keep the cursor after it.
        self.col = self.boundary_at_or_after(self.col);
        self.goal = None;
    }

    /// Splits the line at the cursor.
    pub fn newline(&mut self) {
        let rest = self.lines[self.row].split_off(self.col);
        self.lines.insert(self.row + 1, rest);
        self.row += 1;
        self.col = 0;
        self.goal = None;
    }

    /// Deletes the grapheme before the cursor, or joins the line to the previous one.
    pub fn backspace(&mut self) {
        self.goal = None;
        if self.col > 0 {
            let start = self.prev_boundary();
            self.lines[self.row].replace_range(start..self.col, "");
            self.col = start;
        } else if self.row > 0 {
            let line = self.lines.remove(self.row);
            self.row -= 1;
            self.col = self.lines[self.row].len();
            self.lines[self.row].push_str(&line);
        }
    }

    /// Deletes the grapheme after the cursor, or joins the next line to this one.
    pub fn delete(&mut self) {
        self.goal = None;
        if self.col < self.line().len() {
            let end = self.next_boundary();
            self.lines[self.row].replace_range(self.col..end, "");
        } else if self.row + 1 < self.lines.len() {
            let next = self.lines.remove(self.row + 1);
            self.lines[self.row].push_str(&next);
        }
    }

    /// One grapheme left, or to the end of the previous line.
    pub fn left(&mut self) {
        self.goal = None;
        if self.col > 0 {
            self.col = self.prev_boundary();
        } else if self.row > 0 {
            self.row -= 1;
            self.col = self.line().len();
        }
    }

    /// One grapheme right, or to the start of the next line.
    pub fn right(&mut self) {
        self.goal = None;
        if self.col < self.line().len() {
            self.col = self.next_boundary();
        } else if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = 0;
        }
    }

    /// To the previous line, at the same screen column (or its end).
    pub fn up(&mut self) {
        if self.row == 0 {
            self.home();
            return;
        }
        let goal = self.goal_column();
        self.row -= 1;
        self.col = offset_at_column(self.line(), goal);
        self.goal = Some(goal);
    }

    /// To the next line, at the same screen column (or its end).
    pub fn down(&mut self) {
        if self.row + 1 >= self.lines.len() {
            self.end();
            return;
        }
        let goal = self.goal_column();
        self.row += 1;
        self.col = offset_at_column(self.line(), goal);
        self.goal = Some(goal);
    }

    /// To the start of the line.
    pub fn home(&mut self) {
        self.col = 0;
        self.goal = None;
    }

    /// To the end of the line.
    pub fn end(&mut self) {
        self.col = self.line().len();
        self.goal = None;
    }

    fn goal_column(&self) -> usize {
        self.goal
            .unwrap_or_else(|| columns(&self.line()[..self.col]))
    }

    fn prev_boundary(&self) -> usize {
        self.line()[..self.col]
            .grapheme_indices(true)
            .next_back()
            .map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        let rest = &self.line()[self.col..];
        self.col + rest.graphemes(true).next().map_or(0, str::len)
    }

    fn boundary_at_or_after(&self, at: usize) -> usize {
        let line = self.line();
        line.grapheme_indices(true)
            .map(|(i, _)| i)
            .chain(std::iter::once(line.len()))
            .find(|&i| i >= at)
            .unwrap_or(line.len())
    }

    /// The lines wrapped to `width` columns (breaking between graphemes), and
    /// the cursor's row and column among them. A cursor at the end of a full
    /// row goes to the start of an extra row, so it always has a cell.
    pub fn layout(&self, width: u16) -> (Vec<VisualRow>, (usize, u16)) {
        let width = width.max(2);
        let mut rows = Vec::new();
        let mut cursor = (0, 0);
        for (n, line) in self.lines.iter().enumerate() {
            let mut start = 0;
            let mut used: u16 = 0;
            for (i, g) in line.grapheme_indices(true) {
                if n == self.row && i == self.col {
                    cursor = if used >= width {
                        (rows.len() + 1, 0)
                    } else {
                        (rows.len(), used)
                    };
                }
                let w = grapheme_width(g);
                if used + w > width {
                    rows.push(VisualRow {
                        line: n,
                        range: start..i,
                    });
                    if n == self.row && i == self.col {
                        cursor = (rows.len(), 0);
                    }
                    start = i;
                    used = 0;
                }
                used += w;
            }
            if n == self.row && self.col == line.len() {
                cursor = if used >= width {
                    (rows.len() + 1, 0)
                } else {
                    (rows.len(), used)
                };
            }
            rows.push(VisualRow {
                line: n,
                range: start..line.len(),
            });
            if n == self.row && cursor.0 == rows.len() {
                // The cursor sits on an extra row after a full one.
                rows.push(VisualRow {
                    line: n,
                    range: line.len()..line.len(),
                });
            }
        }
        (rows, cursor)
    }
}

/// Screen columns taken by `s`.
fn columns(s: &str) -> usize {
    s.graphemes(true)
        .map(|g| usize::from(grapheme_width(g)))
        .sum()
}

/// The grapheme boundary in `line` at screen column `goal`, or the nearest
/// before it (the end when the line is shorter).
fn offset_at_column(line: &str, goal: usize) -> usize {
    let mut used = 0;
    for (i, g) in line.grapheme_indices(true) {
        let w = usize::from(grapheme_width(g));
        if used + w > goal {
            return i;
        }
        used += w;
    }
    line.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(text: &str) -> NoteEditor {
        let mut e = NoteEditor::new("Note", "");
        for c in text.chars() {
            e.insert(c);
        }
        e
    }

    #[test]
    fn typing_with_enter_makes_lines() {
        let e = typed("first line\nsecond");
        assert_eq!(e.text(), "first line\nsecond");
        assert_eq!(e.lines().len(), 2);
        assert_eq!(e.cursor(), (1, 6));
        assert!(e.is_changed());
    }

    #[test]
    fn opening_an_existing_note_puts_the_cursor_at_its_end() {
        let e = NoteEditor::new("Note", "one\ntwo");
        assert_eq!(e.cursor(), (1, 3));
        assert!(!e.is_changed());
    }

    #[test]
    fn backspace_deletes_and_joins_lines() {
        let mut e = typed("ab\ncd");
        e.home();
        e.backspace();
        assert_eq!(e.text(), "abcd");
        assert_eq!(e.cursor(), (0, 2));
        e.backspace();
        assert_eq!(e.text(), "acd");
        e.home();
        e.backspace();
        assert_eq!(e.text(), "acd", "nothing before the start");
    }

    #[test]
    fn delete_removes_after_the_cursor_and_joins_the_next_line() {
        let mut e = NoteEditor::new("Note", "ab\ncd");
        e.up();
        e.home();
        e.delete();
        assert_eq!(e.text(), "b\ncd");
        e.end();
        e.delete();
        assert_eq!(e.text(), "bcd");
        e.end();
        e.delete();
        assert_eq!(e.text(), "bcd");
    }

    #[test]
    fn arrows_cross_line_ends() {
        let mut e = NoteEditor::new("Note", "ab\ncd");
        e.home();
        e.left();
        assert_eq!(e.cursor(), (0, 2));
        e.right();
        assert_eq!(e.cursor(), (1, 0));
        e.end();
        e.right();
        assert_eq!(e.cursor(), (1, 2), "nothing after the end");
    }

    #[test]
    fn insert_in_the_middle_of_a_line() {
        let mut e = NoteEditor::new("Note", "helo");
        e.left();
        e.insert('l');
        assert_eq!(e.text(), "hello");
        assert_eq!(e.cursor(), (0, 4));
    }

    #[test]
    fn wide_characters_and_combining_marks_are_one_step() {
        let mut e = typed("漢字e\u{301}x");
        e.left();
        e.left();
        assert_eq!(e.cursor(), (0, 6), "before the accented e");
        e.backspace();
        assert_eq!(e.text(), "漢e\u{301}x");
        e.delete();
        assert_eq!(e.text(), "漢x");
        // A combining mark typed after a letter joins it.
        let mut e = typed("e");
        e.insert('\u{301}');
        assert_eq!(e.cursor(), (0, 3));
        e.left();
        assert_eq!(e.cursor(), (0, 0));
    }

    #[test]
    fn up_and_down_keep_the_screen_column() {
        // The wide characters take two columns each.
        let mut e = NoteEditor::new("Note", "漢字漢字\nabcdefgh\nab");
        e.up();
        e.home();
        for _ in 0..5 {
            e.right();
        }
        assert_eq!(e.cursor(), (1, 5));
        e.up();
        assert_eq!(
            e.cursor(),
            (0, 6),
            "column 5 falls inside the third wide character"
        );
        e.down();
        e.down();
        assert_eq!(e.cursor(), (2, 2), "a shorter line: its end");
        e.up();
        assert_eq!(e.cursor(), (1, 5), "the column is remembered");
        e.down();
        e.down();
        assert_eq!(e.cursor(), (2, 2), "down on the last line goes to its end");
    }

    #[test]
    fn long_lines_wrap_and_the_cursor_follows() {
        let e = typed("abcdefgh");
        let (rows, cursor) = e.layout(4);
        let shown: Vec<&str> = rows
            .iter()
            .map(|r| &e.lines()[r.line][r.range.clone()])
            .collect();
        assert_eq!(shown, ["abcd", "efgh", ""]);
        assert_eq!(cursor, (2, 0));

        let mut e = typed("ab漢字\ncd");
        e.up();
        let (rows, cursor) = e.layout(3);
        let shown: Vec<&str> = rows
            .iter()
            .map(|r| &e.lines()[r.line][r.range.clone()])
            .collect();
        assert_eq!(shown, ["ab", "漢", "字", "cd"]);
        assert_eq!(
            cursor,
            (1, 0),
            "column 2 of line 2 is the wide character's start"
        );
    }
}
