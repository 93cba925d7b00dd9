//! Source lines and the one line index: byte offset ⇄ line:col.
//!
//! Positions in the article are byte offsets into its source ([`crate::article`]); a line
//! and column are worked out from them only when a person is shown one (`outline`,
//! `check`, the reader's findings list), with a [`LineIndex`] built once per source.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r` ([`line_end`]); a text's last line needs no
//! line end, and a text ending in one has no empty line after it. Lines are numbered from
//! 1, columns counted in characters from 1.

#[cfg(test)]
use std::ops::Range;

/// A 1-based line number in a source file.
pub(crate) type LineNo = usize;

/// Within a line longer than this many bytes, the index keeps where every this many
/// bytes its columns stand, so that no column is counted over more than this many bytes.
const COL_MARK: usize = 1024;

/// The line of `text` that starts at byte `start`: where its text ends, and where the next
/// line starts (after `\n`, `\r\n` or a lone `\r`; the text's length at its end).
pub(crate) fn line_end(text: &str, start: usize) -> (usize, usize) {
    let bytes = &text.as_bytes()[start..];
    match memchr::memchr2(b'\n', b'\r', bytes) {
        Some(i) if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') => {
            (start + i, start + i + 2)
        }
        Some(i) => (start + i, start + i + 1),
        None => (text.len(), text.len()),
    }
}

/// Where the lines of one source start, and a few column marks inside very long lines:
/// four bytes a line (a 50 MB article of 720 000 lines: 2.9 MB), plus eight bytes every
/// `COL_MARK` (1 KB) bytes of a line longer than that.
///
/// Offsets are 32 bits: sources are at most [`u32::MAX`] bytes
/// ([`crate::input::source::MAX_SOURCE_BYTES`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct LineIndex {
    /// The byte offset each line starts at, ascending (`starts[0] == 0` unless empty).
    starts: Vec<u32>,
    /// (byte offset, 1-based column) every [`COL_MARK`] bytes or so inside lines longer
    /// than that, ascending; each on a character boundary.
    cols: Vec<(u32, u32)>,
}

impl LineIndex {
    /// The index of `text`.
    ///
    /// # Panics
    /// When `text` is over [`u32::MAX`] bytes (no source is).
    pub fn new(text: &str) -> LineIndex {
        let fit = |n: usize| {
            u32::try_from(n).unwrap_or_else(|_| {
                panic!("a text of {n} bytes: sources are at most u32::MAX bytes")
            })
        };
        let _ = fit(text.len());
        let mut starts = Vec::new();
        let mut cols = Vec::new();
        let mut start = 0;
        while start < text.len() {
            starts.push(start as u32);
            let (end, next) = line_end(text, start);
            if end - start > COL_MARK {
                let (mut at, mut col) = (start, 1);
                loop {
                    let mut mark = at + COL_MARK;
                    if mark >= end {
                        break;
                    }
                    while !text.is_char_boundary(mark) {
                        mark += 1;
                    }
                    col += text[at..mark].chars().count();
                    cols.push((mark as u32, col as u32));
                    at = mark;
                }
            }
            start = next;
        }
        starts.shrink_to_fit();
        cols.shrink_to_fit();
        LineIndex { starts, cols }
    }

    /// How many lines the source has.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// The 1-based line that byte `offset` stands on (the last line past the end; 1 in
    /// an empty text).
    pub fn line_of(&self, offset: usize) -> LineNo {
        self.starts
            .partition_point(|&s| s as usize <= offset)
            .max(1)
    }

    /// Where line `line` (1-based) starts; the text's end past the last line.
    pub(crate) fn line_start(&self, line: LineNo, text: &str) -> usize {
        self.start_of(line).unwrap_or(text.len())
    }

    /// Where line `line` (1-based) starts; `None` past the last line.
    pub(crate) fn start_of(&self, line: LineNo) -> Option<usize> {
        self.starts.get(line.wrapping_sub(1)).map(|&s| s as usize)
    }

    /// The line a position at the end of `text` (the text this index was built from)
    /// stands on: after a final line end, the empty line that follows it ("a\n" → 2,
    /// "" → 1), as html5ever and pulldown-cmark number lines.
    pub(crate) fn end_line(&self, text: &str) -> LineNo {
        (self.len() + usize::from(text.ends_with(['\n', '\r']))).max(1)
    }

    /// The byte range of line `line` (1-based) of `text` (the text this index was built
    /// from), its line end left out; `None` past the last line.
    #[cfg(test)]
    pub(crate) fn line_range(&self, line: LineNo, text: &str) -> Option<Range<usize>> {
        let start = *self.starts.get(line.wrapping_sub(1))? as usize;
        Some(start..line_end(text, start).0)
    }

    /// The lines of `text` (the text this index was built from): each one's start offset
    /// and text without its line end.
    pub fn lines<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        self.starts.iter().map(move |&s| {
            let s = s as usize;
            (s, &text[s..line_end(text, s).0])
        })
    }

    /// The 1-based line and column (in characters) of byte `offset` of `text` (the text
    /// this index was built from). At most `COL_MARK` (1 KB) bytes are counted.
    pub fn line_col(&self, text: &str, offset: usize) -> (LineNo, usize) {
        let line = self.line_of(offset);
        let start = self.line_start(line, text).min(offset);
        // The last column mark on this line at or before `offset`.
        let mark = self.cols.partition_point(|&(o, _)| o as usize <= offset);
        let (from, col) = match mark.checked_sub(1).map(|i| self.cols[i]) {
            Some((o, c)) if o as usize >= start => (o as usize, c as usize),
            _ => (start, 1),
        };
        (line, col + chars_between(text, from, offset))
    }
}

/// Characters of `text` from byte `from` to byte `to` (clamped to the text, and to
/// character boundaries at or before them).
fn chars_between(text: &str, from: usize, to: usize) -> usize {
    let floor = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (from, to) = (floor(from), floor(to));
    if from >= to {
        0
    } else {
        text[from..to].chars().count()
    }
}

/// Works out the line:col of offsets asked for in ascending order (the findings of a
/// check) in time linear in the text: each answer is counted on from the previous one
/// when both are on the same line.
#[derive(Debug, Clone)]
pub(crate) struct Locator<'a> {
    index: &'a LineIndex,
    text: &'a str,
    /// The last answer: (byte offset, line, column), and where the next line starts.
    last: Option<((usize, LineNo, usize), usize)>,
}

impl<'a> Locator<'a> {
    pub fn new(index: &'a LineIndex, text: &'a str) -> Locator<'a> {
        Locator {
            index,
            text,
            last: None,
        }
    }

    /// The 1-based line and column of byte `offset`, as [`LineIndex::line_col`].
    pub fn line_col(&mut self, offset: usize) -> (LineNo, usize) {
        if let Some(((at, line, col), next_line)) = self.last
            && at <= offset
            && offset < next_line
            && offset - at <= COL_MARK
        {
            let col = col + chars_between(self.text, at, offset);
            self.last = Some(((offset, line, col), next_line));
            return (line, col);
        }
        let (line, col) = self.index.line_col(self.text, offset);
        let next_line = self
            .index
            .starts
            .get(line)
            .map_or(usize::MAX, |&s| s as usize);
        self.last = Some(((offset, line, col), next_line));
        (line, col)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// line:col by counting, for comparison.
    fn naive(text: &str, offset: usize) -> (LineNo, usize) {
        let (mut line, mut start) = (1, 0);
        loop {
            let (_, next) = line_end(text, start);
            if next > offset || next >= text.len() {
                break;
            }
            line += 1;
            start = next;
        }
        (line, text[start..offset].chars().count() + 1)
    }

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        let text = "a\r\nb\rc\nd";
        let index = LineIndex::new(text);
        let lines: Vec<_> = index.lines(text).collect();
        assert_eq!(lines, [(0, "a"), (3, "b"), (5, "c"), (7, "d")]);
        assert_eq!(LineIndex::new("a\n").len(), 1);
        assert_eq!(LineIndex::new("a\n").end_line("a\n"), 2);
        assert_eq!(LineIndex::new("a\r").end_line("a\r"), 2);
        assert_eq!(LineIndex::new("a").end_line("a"), 1);
        assert_eq!(LineIndex::new("").end_line(""), 1);
        assert!(LineIndex::new("").is_empty());
        assert_eq!(index.line_range(2, text), Some(3..4));
        assert_eq!(index.line_range(5, text), None);
    }

    #[test]
    fn offsets_map_to_lines_and_character_columns() {
        let text = "标题\n\n  正文,第一段。\r\n第二行";
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices() {
            assert_eq!(
                index.line_col(text, offset),
                naive(text, offset),
                "{offset}"
            );
        }
        let at = text.find("正文").expect("in text");
        assert_eq!(index.line_col(text, at), (3, 3));
        assert_eq!(
            index.line_col(text, text.find("第二行").expect("in")),
            (4, 1)
        );
    }

    #[test]
    fn long_lines_are_counted_from_their_marks() {
        let line: String = "长三角,AIoT ".repeat(500);
        let text = format!("开头\n{line}\n{line}");
        let index = LineIndex::new(&text);
        assert!(!index.cols.is_empty());
        let mut locator = Locator::new(&index, &text);
        for (offset, _) in text.char_indices().step_by(7) {
            let want = naive(&text, offset);
            assert_eq!(index.line_col(&text, offset), want, "{offset}");
            assert_eq!(locator.line_col(offset), want, "{offset}");
        }
    }
}
