//! Blocks from classified units: a caption's credit split off, a paragraph continued
//! after a caption or column break joined to its start (the join recorded).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use super::JOIN_EXCERPT_CHARS;
use super::classify::Class;
use super::credits::{credit_only, trailing_credit};
use super::lines::Unit;
use crate::article::{Block, BlockKind, Credit, Join, LineNo, Part, SharedStr};

/// The byte range of the last [`JOIN_EXCERPT_CHARS`] characters of `text`.
pub(super) fn excerpt_end(text: &str) -> Range<usize> {
    let start = text
        .char_indices()
        .rev()
        .nth(JOIN_EXCERPT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    start..text.len()
}

/// The byte range of the first [`JOIN_EXCERPT_CHARS`] characters of `text`.
pub(super) fn excerpt_start(text: &str) -> Range<usize> {
    0..text
        .char_indices()
        .nth(JOIN_EXCERPT_CHARS)
        .map_or(text.len(), |(i, _)| i)
}

/// A block being built: its text still borrowed from the source while it is one line's
/// text, owned once it is a concatenation.
#[derive(Debug)]
pub(super) struct Draft<'a> {
    kind: BlockKind,
    pub(super) text: Cow<'a, str>,
    parts: Vec<Part>,
    credit: Option<Credit>,
    /// The joins into this paragraph: line, and the ranges of the excerpts in `text`.
    joins: Vec<(LineNo, Range<usize>, Range<usize>)>,
}

impl Draft<'_> {
    pub(super) fn line(&self) -> LineNo {
        self.parts.first().map_or(0, |p| p.line_no())
    }

    /// Removes the first `n` bytes of the text (a dateline that opens the paragraph) and
    /// the white space after them; the parts after the first move back with the text.
    pub(super) fn cut_front(&mut self, n: usize) {
        let rest = &self.text[n..];
        let n = n + (rest.len() - rest.trim_start().len());
        self.text = match std::mem::take(&mut self.text) {
            Cow::Borrowed(s) => Cow::Borrowed(&s[n..]),
            Cow::Owned(mut s) => {
                s.drain(..n);
                Cow::Owned(s)
            }
        };
        for part in self.parts.iter_mut().skip(1) {
            *part = Part::new(part.offset().saturating_sub(n), part.line_no());
        }
    }

    /// Appends `next` (a paragraph continued after a break) to this one, recording the join.
    pub(super) fn append(&mut self, next: &Draft<'_>) {
        let offset = self.text.len();
        let before = excerpt_end(&self.text);
        let after = excerpt_start(&next.text);
        self.joins.push((
            next.line(),
            before,
            offset + after.start..offset + after.end,
        ));
        self.text.to_mut().push_str(&next.text);
        self.parts.extend(
            next.parts
                .iter()
                .map(|part| Part::new(part.offset() + offset, part.line_no())),
        );
    }

    /// The block, its text a slice of `buf` (the source the draft borrows from) when it is
    /// still borrowed, and its joins, their excerpts slices of its text.
    pub(super) fn finish(self, buf: &Arc<String>, joins: &mut Vec<Join>) -> Block {
        let text = match self.text {
            Cow::Borrowed(s) => SharedStr::slice_of(buf, s),
            Cow::Owned(mut s) => {
                s.shrink_to_fit();
                SharedStr::from(s)
            }
        };
        joins.extend(self.joins.into_iter().map(|(line, before, after)| Join {
            line,
            before: text.slice(before),
            after: text.slice(after),
        }));
        Block {
            kind: self.kind,
            text,
            parts: self.parts.into(),
            credit: self.credit.map(Box::new),
        }
    }
}

/// A credit as a slice of `buf` where it is one (see [`Credit`]).
pub(super) fn credit_of(buf: &Arc<String>, name: &str, text: &str, line: LineNo) -> Credit {
    Credit {
        name: if name.contains(char::is_whitespace) {
            SharedStr::from(name.split_whitespace().collect::<String>())
        } else {
            SharedStr::slice_of(buf, name)
        },
        text: SharedStr::slice_of(buf, text),
        line,
    }
}

/// Builds the block of a unit; a caption's credit is split off (its texts slices of
/// `buf`, the source the unit is part of, where they are in it).
pub(super) fn unit_block<'a>(buf: &Arc<String>, unit: &Unit<'a>, class: Class) -> Draft<'a> {
    let body = unit.body();
    let mut parts = Vec::with_capacity(body.count as usize);
    let mut found = None;
    let mut text: Cow<'a, str> = match body.single() {
        // One line (most paragraphs): its text as it stands in the source.
        Some(line) => {
            parts.push(Part {
                start: 0,
                line: body.first,
            });
            Cow::Borrowed(line.trim())
        }
        None => {
            let mut text = String::with_capacity(body.lines().map(|l| l.text.trim().len()).sum());
            for line in body.lines() {
                parts.push(Part::new(text.len(), line.no as LineNo));
                text.push_str(line.text.trim());
            }
            Cow::Owned(text)
        }
    };
    if class == Class::Caption {
        if body.count < unit.count {
            let last = unit.last_line();
            if let Some(name) = credit_only(last.text) {
                found = Some(credit_of(buf, name, last.text.trim(), last.no as LineNo));
            }
        } else {
            let split = |text: &str| {
                trailing_credit(text).map(|(caption, name, credit_text)| {
                    // Where the caption stands in `text`, to cut it out without a copy.
                    let start = caption.as_ptr().addr() - text.as_ptr().addr();
                    let found = credit_of(buf, name, credit_text, body.first_line());
                    (start..start + caption.len(), found)
                })
            };
            if let Some((range, credit)) = split(&text) {
                text = match text {
                    Cow::Borrowed(s) => Cow::Borrowed(&s[range]),
                    // The text is trimmed, so the caption is where it starts.
                    Cow::Owned(mut s) if range.start == 0 => {
                        s.truncate(range.end);
                        Cow::Owned(s)
                    }
                    Cow::Owned(s) => Cow::Owned(s[range].to_string()),
                };
                found = Some(credit);
            }
        }
    }
    let kind = match class {
        Class::Heading => BlockKind::Heading,
        Class::Paragraph { .. } => BlockKind::Paragraph,
        Class::Caption => BlockKind::Caption,
        Class::Note => BlockKind::Note,
        Class::Byline => BlockKind::Byline,
    };
    // A single-part block's parts were built above; multi-line units keep one part per
    // source line so positions map back to lines.
    parts.dedup_by_key(|p| p.start);
    Draft {
        kind,
        text,
        parts,
        credit: found,
        joins: Vec::new(),
    }
}
