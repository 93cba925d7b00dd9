//! Blocks from classified units: a caption's credit split off, a paragraph continued
//! after a caption or column break joined to its start (the join recorded).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use super::JOIN_EXCERPT_CHARS;
use super::classify::Class;
use super::credits::{credit_only, trailing_credit};
use super::lines::Unit;
use crate::article::{Block, BlockKind, Credit, Join, Part, SharedStr};

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
    /// The joins into this paragraph: source offset, and the ranges of the excerpts in
    /// `text`.
    joins: Vec<(usize, Range<usize>, Range<usize>)>,
}

impl Draft<'_> {
    /// The byte offset in the source where the draft's text starts.
    pub(super) fn src(&self) -> usize {
        self.parts.first().map_or(0, |p| p.src())
    }

    /// The byte offset in the source of byte `offset` of the draft's text.
    pub(super) fn src_at(&self, offset: usize) -> usize {
        src_in(&self.parts, offset)
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
        if let Some(first) = self.parts.first_mut() {
            // The text now starts `n` bytes further on in the first part's source line.
            *first = Part::new(0, first.src() + n);
        }
        for part in self.parts.iter_mut().skip(1) {
            *part = Part::new(part.offset().saturating_sub(n), part.src());
        }
    }

    /// Appends `next` (a paragraph continued after a break) to this one, recording the join.
    pub(super) fn append(&mut self, next: &Draft<'_>) {
        let offset = self.text.len();
        let before = excerpt_end(&self.text);
        let after = excerpt_start(&next.text);
        self.joins
            .push((next.src(), before, offset + after.start..offset + after.end));
        self.text.to_mut().push_str(&next.text);
        self.parts.extend(
            next.parts
                .iter()
                .map(|part| Part::new(part.offset() + offset, part.src())),
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
        joins.extend(self.joins.into_iter().map(|(src, before, after)| Join {
            src: src as u32,
            file: 0,
            before: text.slice(before),
            after: text.slice(after),
        }));
        Block {
            kind: self.kind,
            text,
            parts: self.parts.into(),
            credit: self.credit.map(Box::new),
            file: 0,
        }
    }
}

/// A credit as a slice of `buf` where it is one (see [`Credit`]); its text stands at
/// byte `src` of the source.
pub(super) fn credit_of(buf: &Arc<String>, name: &str, text: &str, src: usize) -> Credit {
    Credit {
        name: if name.contains(char::is_whitespace) {
            SharedStr::from(name.split_whitespace().collect::<String>())
        } else {
            SharedStr::slice_of(buf, name)
        },
        text: SharedStr::slice_of(buf, text),
        src: src as u32,
    }
}

/// The source offset of byte `offset` of a block's text made of `parts`.
fn src_in(parts: &[Part], offset: usize) -> usize {
    let idx = parts.partition_point(|p| p.offset() <= offset);
    parts
        .get(idx.saturating_sub(1))
        .map_or(0, |p| p.src() + (offset - p.offset()))
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
            parts.push(Part::new(0, body.first_src().text_at()));
            Cow::Borrowed(line.trim())
        }
        None => {
            let mut text = String::with_capacity(body.lines().map(|l| l.text.trim().len()).sum());
            for line in body.lines() {
                parts.push(Part::new(text.len(), line.text_at()));
                text.push_str(line.text.trim());
            }
            Cow::Owned(text)
        }
    };
    if class == Class::Caption {
        if body.count < unit.count {
            let last = unit.last_line();
            if let Some(name) = credit_only(last.text) {
                found = Some(credit_of(buf, name, last.text.trim(), last.text_at()));
            }
        } else {
            let split = |text: &str| {
                trailing_credit(text).map(|(caption, name, credit_text)| {
                    // Where the caption stands in `text`, to cut it out without a copy.
                    let start = caption.as_ptr().addr() - text.as_ptr().addr();
                    let at = credit_text.as_ptr().addr() - text.as_ptr().addr();
                    let found = credit_of(buf, name, credit_text, src_in(&parts, at));
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
