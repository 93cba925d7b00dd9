//! Source lines and units: the lines of a text read as they are needed (`\n`, `\r\n` and a
//! lone `\r` end a line), and the runs of non-blank lines they form.

use super::credits::credit_only;
use crate::article::LineNo;

/// One source line, numbered.
#[derive(Debug, Clone, Copy)]
pub(super) struct SrcLine<'a> {
    pub(super) no: u32,
    pub(super) text: &'a str,
}

/// The source lines of a text, numbered, read as they are needed (nothing is kept per
/// line: a 50 MB article has 720 000 of them).
#[derive(Debug, Clone)]
pub(super) struct LineIter<'a> {
    pub(super) text: &'a str,
    /// Where the next line starts.
    pub(super) pos: usize,
    /// The next line's number.
    pub(super) no: u32,
}

impl<'a> LineIter<'a> {
    /// The lines of `text`, the first numbered `first`.
    pub(super) fn new(text: &'a str, first: u32) -> LineIter<'a> {
        LineIter {
            text,
            pos: 0,
            no: first,
        }
    }
}

impl<'a> Iterator for LineIter<'a> {
    type Item = SrcLine<'a>;

    /// The next line, reading `\n`, `\r\n` and a lone `\r` as line ends.
    fn next(&mut self) -> Option<SrcLine<'a>> {
        if self.pos >= self.text.len() {
            return None;
        }
        let (end, next) = line_end(self.text, self.pos);
        let line = SrcLine {
            no: self.no,
            text: &self.text[self.pos..end],
        };
        self.pos = next;
        // Line numbers fit: a text has at most one line per byte, and `parse_shared` takes
        // no text over u32::MAX bytes.
        self.no = self.no.wrapping_add(1);
        Some(line)
    }
}

/// The line of `text` that starts at byte `start`: where its text ends, and where the next
/// line starts (after `\n`, `\r\n` or a lone `\r`; the text's length at its end).
pub fn line_end(text: &str, start: usize) -> (usize, usize) {
    let bytes = &text.as_bytes()[start..];
    match memchr::memchr2(b'\n', b'\r', bytes) {
        Some(i) if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') => {
            (start + i, start + i + 2)
        }
        Some(i) => (start + i, start + i + 1),
        None => (text.len(), text.len()),
    }
}

/// Splits `text` into its source lines, reading `\n`, `\r\n` and a lone `\r` as line
/// ends: line `n` (1-based) of every [`LineNo`] is element `n - 1`.
pub fn source_lines(text: &str) -> Vec<&str> {
    LineIter::new(text, 1).map(|l| l.text).collect()
}

/// A run of consecutive non-blank lines: one paragraph-like unit of the page (a slice of
/// the source, no copy).
#[derive(Debug, Clone, Copy)]
pub(super) struct Unit<'a> {
    /// From the start of the first line to the end of the last, line ends included.
    pub(super) text: &'a str,
    /// The first line's number.
    pub(super) first: u32,
    /// How many lines (at least one).
    pub(super) count: u32,
}

impl<'a> Unit<'a> {
    pub(super) fn first_line(&self) -> LineNo {
        self.first as LineNo
    }

    pub(super) fn lines(&self) -> LineIter<'a> {
        LineIter::new(self.text, self.first)
    }

    /// The one line of a unit of one line.
    pub(super) fn single(&self) -> Option<&'a str> {
        (self.count == 1).then_some(self.text)
    }

    /// The first line's text.
    pub(super) fn first_text(&self) -> &'a str {
        self.lines().next().map_or("", |l| l.text)
    }

    /// The last line, and where its line end starts in `text` (for one line, 0).
    pub(super) fn last(&self) -> (SrcLine<'a>, usize) {
        let end = match self.count {
            1 => None,
            _ => memchr::memrchr2(b'\n', b'\r', self.text.as_bytes()),
        };
        match end {
            Some(i) => {
                let before = if self.text[..i + 1].ends_with("\r\n") {
                    i - 1
                } else {
                    i
                };
                let line = SrcLine {
                    no: self.first + (self.count - 1),
                    text: &self.text[i + 1..],
                };
                (line, before)
            }
            None => (
                SrcLine {
                    no: self.first,
                    text: self.text,
                },
                0,
            ),
        }
    }

    pub(super) fn last_line(&self) -> SrcLine<'a> {
        self.last().0
    }

    /// The unit without a trailing credit line.
    pub(super) fn body(&self) -> Unit<'a> {
        let (last, end) = self.last();
        if self.count > 1 && credit_only(last.text).is_some() {
            Unit {
                text: &self.text[..end],
                first: self.first,
                count: self.count - 1,
            }
        } else {
            *self
        }
    }

    pub(super) fn body_text(&self) -> String {
        self.body().lines().map(|l| l.text.trim()).collect()
    }
}

/// The units of a text in order, found as they are needed (see [`LineIter`]).
#[derive(Debug, Clone)]
pub(super) struct Units<'a> {
    lines: LineIter<'a>,
}

impl<'a> Units<'a> {
    pub(super) fn new(text: &'a str) -> Units<'a> {
        Units {
            lines: LineIter::new(text, 1),
        }
    }
}

impl<'a> Iterator for Units<'a> {
    type Item = Unit<'a>;

    fn next(&mut self) -> Option<Unit<'a>> {
        let text = self.lines.text;
        let offset = |line: &SrcLine<'_>| line.text.as_ptr().addr() - text.as_ptr().addr();
        let first = self.lines.find(|l| !l.text.trim().is_empty())?;
        let start = offset(&first);
        let mut end = start + first.text.len();
        let mut count = 1;
        for line in self.lines.by_ref() {
            if line.text.trim().is_empty() {
                break;
            }
            end = offset(&line) + line.text.len();
            count += 1;
        }
        Some(Unit {
            text: &text[start..end],
            first: first.no,
            count,
        })
    }
}
