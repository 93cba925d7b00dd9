//! Source lines, the file's paragraph convention, and units.
//!
//! The lines of a text are read as they are needed (`\n`, `\r\n` and a lone `\r` end a
//! line). A *unit* is a run of lines that belong together: a paragraph, a heading, a
//! caption with its credit line. How lines make units depends on the file's paragraph
//! convention ([`Conventions`]), found once per file: paragraphs separated by blank lines,
//! one paragraph per line (often indented with ideographic spaces), hard-wrapped lines
//! inside paragraphs (fixed-width exports), or a mixture.

use super::classify::{LineKind, line_kind};
use super::credits::credit_only;
use super::{ends_sentence, is_short};
use crate::text::lines::line_end;

/// One source line, numbered.
#[derive(Debug, Clone, Copy)]
pub(super) struct SrcLine<'a> {
    pub(super) no: u32,
    /// The byte offset in the source where the line starts.
    pub(super) start: usize,
    pub(super) text: &'a str,
}

impl SrcLine<'_> {
    /// The byte offset in the source where the line's text starts, leading white space
    /// skipped (where its trimmed text stands).
    pub(super) fn text_at(&self) -> usize {
        self.start + (self.text.len() - self.text.trim_start().len())
    }

    /// The line's byte range in the source, without its line end.
    pub(super) fn range(&self) -> std::ops::Range<usize> {
        self.start..self.start + self.text.len()
    }
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
    /// The byte offset of `text` in the source.
    pub(super) base: usize,
}

impl<'a> LineIter<'a> {
    /// The lines of `text`, the first numbered `first`.
    pub(super) fn new(text: &'a str, first: u32) -> LineIter<'a> {
        LineIter::at(text, first, 0)
    }

    /// The lines of `text`, which starts at byte `base` of the source, the first numbered
    /// `first`.
    pub(super) fn at(text: &'a str, first: u32, base: usize) -> LineIter<'a> {
        LineIter {
            text,
            pos: 0,
            no: first,
            base,
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
            start: self.base + self.pos,
            text: &self.text[self.pos..end],
        };
        self.pos = next;
        // Line numbers fit: a text has at most one line per byte, and `parse_shared` takes
        // no text over u32::MAX bytes.
        self.no = self.no.wrapping_add(1);
        Some(line)
    }
}

/// A run of lines that belong together: one paragraph-like unit of the page (a slice of
/// the source, no copy).
#[derive(Debug, Clone, Copy)]
pub(super) struct Unit<'a> {
    /// From the start of the first line to the end of the last, line ends included.
    pub(super) text: &'a str,
    /// The first line's number.
    pub(super) first: u32,
    /// The byte offset in the source where `text` starts.
    pub(super) start: usize,
    /// How many lines (at least one).
    pub(super) count: u32,
}

impl<'a> Unit<'a> {
    pub(super) fn lines(&self) -> LineIter<'a> {
        LineIter::at(self.text, self.first, self.start)
    }

    /// The one line of a unit of one line.
    pub(super) fn single(&self) -> Option<&'a str> {
        (self.count == 1).then_some(self.text)
    }

    /// The first line.
    pub(super) fn first_src(&self) -> SrcLine<'a> {
        self.lines().next().unwrap_or(SrcLine {
            no: self.first,
            start: self.start,
            text: "",
        })
    }

    /// The first line's text.
    pub(super) fn first_text(&self) -> &'a str {
        self.first_src().text
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
                    start: self.start + i + 1,
                    text: &self.text[i + 1..],
                };
                (line, before)
            }
            None => (
                SrcLine {
                    no: self.first,
                    start: self.start,
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
                start: self.start,
                count: self.count - 1,
            }
        } else {
            *self
        }
    }
}

/// A file's paragraph convention, found once from the whole text (a few counters and a
/// histogram of line widths: nothing kept per line).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Conventions {
    /// Blank lines separate the paragraphs: at least half the non-blank lines stand alone
    /// between blank lines (or, in a hard-wrapped text, blank lines are frequent).
    pub(super) blank_separated: bool,
    /// At least 15% of the non-blank lines (and two) start with an indent (an
    /// ideographic space, two spaces or a tab): an indent starts a paragraph.
    pub(super) indented: bool,
    /// The width in columns lines are wrapped at, in a hard-wrapped export: at least 30% of
    /// the lines followed by another non-blank line are within a column of it (at least
    /// four; or, in a short text, all of them and at least two in one run).
    pub(super) wrap: Option<usize>,
}

/// Lines wider than this (in columns) are not counted as wrapped lines.
const MAX_WRAP: usize = 160;

/// The narrowest width that counts as a hard wrap.
const MIN_WRAP: usize = 16;

/// Whether a line starts with an indent: an ideographic space, two spaces, a tab or a
/// no-break space.
pub(super) fn is_indented(line: &str) -> bool {
    line.starts_with(['\u{3000}', '\t', '\u{a0}']) || line.starts_with("  ")
}

/// The width of a line in columns as a fixed-width export counts it: a character before
/// U+1100 (Latin, Greek, Cyrillic, punctuation) one column, any later one (Han, kana,
/// Hangul, full-width forms) two. Close enough to UAX #11 to find a wrap width, and read
/// for every line of a file without the width tables' cost.
fn width(line: &str) -> usize {
    line.trim_end()
        .chars()
        .map(|c| if (c as u32) < 0x1100 { 1 } else { 2 })
        .sum()
}

impl Conventions {
    /// The convention of `text`, read once.
    pub(super) fn of(text: &str) -> Conventions {
        let mut non_blank = 0usize;
        let mut alone = 0usize;
        let mut runs = 0usize;
        let mut indented = 0usize;
        let mut inner = 0usize;
        let mut widths = [0usize; MAX_WRAP + 2];
        // Lines followed by another that are wider than any wrap counted.
        let mut wider_than_any = 0usize;
        // The previous line, when it was not blank (its width is measured only when a
        // non-blank line follows it: most lines of a blank-separated text are not).
        let mut prev: Option<&str> = None;
        let mut run_len = 0usize;
        let mut longest = 0usize;
        for line in LineIter::new(text, 1) {
            let blank = line.text.trim().is_empty();
            if blank {
                if run_len == 1 {
                    alone += 1;
                }
                run_len = 0;
                prev = None;
                continue;
            }
            non_blank += 1;
            if run_len == 0 {
                runs += 1;
            }
            run_len += 1;
            longest = longest.max(run_len);
            if is_indented(line.text) {
                indented += 1;
            }
            if let Some(p) = prev {
                // The previous line was followed by this one: an inner line of a run.
                inner += 1;
                let w = if p.len() <= 4 * MAX_WRAP {
                    width(p)
                } else {
                    usize::MAX
                };
                if w <= MAX_WRAP {
                    widths[w] += 1;
                } else {
                    wider_than_any += 1;
                }
            }
            prev = Some(line.text);
        }
        if run_len == 1 {
            alone += 1;
        }
        let wrap = (MIN_WRAP..=MAX_WRAP)
            .map(|w| (widths[w - 1] + widths[w] + widths[w + 1], w))
            .max()
            .filter(|&(band, w)| {
                // A text wrapped at a width has few lines wider than it: where more
                // lines run past it than stop at it, those at it are short lines of
                // their own (a head's lines, subheads of one width), not a wrap.
                let wider = widths[w + 2..].iter().sum::<usize>() + wider_than_any;
                // A short text (one paragraph wrapped a few times) has few lines to count:
                // there, every line followed by another is at the width, and one run has
                // at least two of them (a caption and its credit line make no wrap).
                wider <= band
                    && ((band >= 4 && band * 10 >= inner * 3)
                        || (band >= 2 && band == inner && longest >= 3))
            })
            .map(|(_, w)| w);
        Conventions {
            blank_separated: alone * 2 >= non_blank
                || (wrap.is_some() && runs * 8 >= non_blank && runs > 2),
            indented: indented >= 2 && indented * 100 >= non_blank * 15,
            wrap,
        }
    }

    /// Whether line `next` carries on the unit that line `prev` ends (no blank line
    /// between them). A credit line stays with its caption, a line ending in —— with the
    /// line it leads into (a two-line head), and a line that starts with closing
    /// punctuation (or, where lines are not paragraphs, follows a comma) with the text it
    /// continues; a byline, dateline,
    /// note, numbered or box head, subtitle or column tag stands alone. Otherwise the
    /// convention decides: in a hard-wrapped text a full-width line is continued, or a
    /// line of three quarters of the width cut mid-sentence (unless the next is
    /// indented); where paragraphs are
    /// indented, an unindented line continues a unit that started indented and was cut
    /// mid-sentence (`unit_indented`: whether the unit's first line is); where
    /// blank lines separate paragraphs, a line is continued unless it ends a sentence or is
    /// short; where each line is a paragraph, only a long line cut mid-sentence is.
    pub(super) fn continues(&self, prev: &str, next: &str, unit_indented: bool) -> bool {
        let p = prev.trim();
        let n = next.trim();
        if credit_only(n).is_some() {
            return credit_only(p).is_none()
                && p.chars().nth(200).is_none()
                && !matches!(line_kind(p), LineKind::Note | LineKind::Byline);
        }
        if p.ends_with('—') && p.chars().nth(SHORT_HEAD).is_none() {
            return true;
        }
        if n.starts_with([
            '，', '。', '、', '；', '：', '！', '？', '）', '》', '”', '’',
        ]) {
            return true;
        }
        // The convention's answer first (most pairs of lines split on it, and the shapes of
        // the lines are not looked at).
        // A comma carries the sentence on where lines are not paragraphs (blank lines
        // separate them, or the text is hard-wrapped); where each line is one, the writer
        // ended the line there.
        let comma = p.ends_with(['，', ',', '、']);
        let joined = if comma && (self.blank_separated || self.wrap.is_some()) {
            true
        } else if let Some(w) = self.wrap {
            // Full width, or three quarters of it and cut mid-sentence (an export that
            // wraps at a number of characters makes lines with Latin letters or digits
            // narrower).
            let used = width(prev);
            (used + 2 >= w || (4 * used >= 3 * w && !ends_sentence(p))) && !is_indented(next)
        } else if self.indented {
            // An unindented line carries on a paragraph that started indented and has not
            // ended, unless it is much shorter and unterminated (a head after a deck line).
            unit_indented
                && !is_indented(next)
                && !ends_sentence(p)
                && (4 * width(next) >= 3 * width(prev) || ends_sentence(n))
        } else {
            // A line ending in a colon introduces the next paragraph; one ending in a
            // comma was ended there, not cut by a break.
            !ends_sentence(p) && !is_short(p) && !p.ends_with(['：', ':']) && !comma
        };
        joined && line_kind(p) == LineKind::Text && line_kind(n) == LineKind::Text
    }
}

/// A line that leads into the next with —— is part of a two-line head when it is at most
/// this many characters.
const SHORT_HEAD: usize = 24;

/// The units of a text in order, found as they are needed (see [`LineIter`]).
#[derive(Debug, Clone)]
pub(super) struct Units<'a> {
    lines: LineIter<'a>,
    conventions: Conventions,
    /// A line read but not yet placed in a unit.
    pending: Option<SrcLine<'a>>,
}

impl<'a> Units<'a> {
    pub(super) fn new(text: &'a str, conventions: Conventions) -> Units<'a> {
        Units {
            lines: LineIter::new(text, 1),
            conventions,
            pending: None,
        }
    }

    /// The convention the units are read by.
    pub(super) fn conventions(&self) -> Conventions {
        self.conventions
    }
}

impl<'a> Iterator for Units<'a> {
    type Item = Unit<'a>;

    fn next(&mut self) -> Option<Unit<'a>> {
        let text = self.lines.text;
        let first = match self.pending.take() {
            Some(line) => line,
            None => self.lines.find(|l| !l.text.trim().is_empty())?,
        };
        let mut last = first;
        let mut count = 1;
        for line in self.lines.by_ref() {
            if line.text.trim().is_empty() {
                break;
            }
            if !self
                .conventions
                .continues(last.text, line.text, is_indented(first.text))
            {
                self.pending = Some(line);
                break;
            }
            last = line;
            count += 1;
        }
        Some(Unit {
            text: &text[first.start..last.start + last.text.len()],
            first: first.no,
            start: first.start,
            count,
        })
    }
}
