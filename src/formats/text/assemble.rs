//! Blocks from classified units: a caption's credit split off, a paragraph continued
//! after a caption or column break joined to its start (the join recorded).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use super::JOIN_EXCERPT_CHARS;
use super::classify::{Class, classify};
use super::credits::{byline, credit_only, opening_byline, trailing_credit};
use super::header::dateline_len;
use super::lines::{Unit, Units};
use crate::article::{Article, Block, BlockKind, Credit, HeaderLine, Join, Part, SharedStr};

/// Whether a space goes between `before` and `after` when a line break that stood
/// between them is removed: where Latin text meets Latin text ("Guangzhou." and "The",
/// "the" and "quick"), as a reader of the printed lines read it; never between Chinese
/// characters, nor after a hyphen that cut a word.
pub(super) fn needs_space(before: &str, after: &str) -> bool {
    let (Some(last), Some(first)) = (before.chars().next_back(), after.chars().next()) else {
        return false;
    };
    last.is_ascii_graphic() && last != '-' && first.is_ascii_alphanumeric()
}

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
        let before = excerpt_end(&self.text);
        if needs_space(&self.text, &next.text) {
            self.text.to_mut().push(' ');
        }
        let offset = self.text.len();
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
            styles: Default::default(),
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
                let line_text = line.text.trim();
                if needs_space(&text, line_text) {
                    text.push(' ');
                }
                parts.push(Part::new(text.len(), line.text_at()));
                text.push_str(line_text);
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

/// A dateline is looked for at the start of this many of the body's first paragraphs (a
/// box's deck may come before it).
const DATELINE_PARAGRAPHS: usize = 6;

/// Takes the dateline that opens `block` (the block of `unit`) as the article's, and the
/// bracketed byline after it as the article's byline if it has none: the block's text
/// is then what follows them. A dateline alone leaves an empty block, not shown.
fn take_dateline(article: &mut Article, block: &mut Draft<'_>) {
    let text: &str = &block.text;
    let Some(at) = dateline_len(text) else {
        take_opening_byline(article, block);
        return;
    };
    let header = |r: Range<usize>| {
        let s = &text[r.clone()];
        let lead = s.len() - s.trim_start().len();
        HeaderLine::new(s.trim().to_string(), block.src_at(r.start + lead))
    };
    article.dateline = Some(header(0..at.dateline));
    for name in super::header::dateline_reporters(&text[..at.dateline]) {
        if !article.authors.contains(&name) {
            article.authors.push(name);
        }
    }
    let mut cut = at.dateline;
    if at.end > at.dateline
        && article.byline.is_none()
        && let Some(b) = byline(&text[at.dateline..at.end])
    {
        article.byline = Some(header(at.dateline..at.end));
        article.authors.extend(b.authors);
        cut = at.end;
    }
    block.cut_front(cut);
}

/// Takes a bracketed byline that opens `block` without a dateline ("（记者 林海）今年以来
/// …") as the article's byline, if it has none: the block's text is what follows it.
fn take_opening_byline(article: &mut Article, block: &mut Draft<'_>) {
    if article.byline.is_some() {
        return;
    }
    let text: &str = &block.text;
    if let Some((end, b)) = opening_byline(text) {
        article.byline = Some(HeaderLine::new(text[..end].to_string(), block.src_at(0)));
        article.authors.extend(b.authors);
        block.cut_front(end);
    }
}

/// Builds the body's blocks from `units` (the units after the head) into `article`: each
/// unit's class decided ([`classify`]), a paragraph that ends mid-sentence joined with the
/// one that carries it on (the join recorded) and the captions that interrupted it moved
/// after it, the dateline and a bracketed byline taken from the first paragraphs, and
/// the authors of bylines inside the body added.
pub(super) fn body<'a>(buf: &'a Arc<String>, units: Units<'a>, article: &mut Article) {
    let classes = classify(units.clone(), units.conventions().blank_separated);
    article.blocks.reserve_exact(classes.len());
    // The paragraph that ended mid-sentence, and the captions that interrupted it.
    let mut open: Option<Draft<'_>> = None;
    let mut deferred: Vec<Draft<'_>> = Vec::new();
    let flush =
        |article: &mut Article, open: &mut Option<Draft<'_>>, deferred: &mut Vec<Draft<'_>>| {
            if let Some(p) = open.take() {
                let block = p.finish(buf, &mut article.joins);
                article.blocks.push(block);
            }
            for d in deferred.drain(..) {
                let block = d.finish(buf, &mut article.joins);
                article.blocks.push(block);
            }
        };
    // How many paragraphs a dateline is looked for at the start of.
    let mut dateline_tries = DATELINE_PARAGRAPHS;
    for (unit, &class) in units.zip(&classes) {
        let mut block = unit_block(buf, &unit, class);
        match class {
            Class::Paragraph { open: carries_on } => {
                if dateline_tries > 0 && open.is_none() {
                    dateline_tries -= 1;
                    if article.dateline.is_none() {
                        take_dateline(article, &mut block);
                    }
                }
                let block = match open.take() {
                    Some(mut p) => {
                        p.append(&block);
                        p
                    }
                    None => block,
                };
                open = Some(block);
                if !carries_on {
                    flush(article, &mut open, &mut deferred);
                }
            }
            Class::Caption if open.is_some() => deferred.push(block),
            // A photo item's caption opens with the dateline (新华社北京11月29日电 …).
            Class::Caption if dateline_tries > 0 && article.dateline.is_none() => {
                dateline_tries -= 1;
                take_dateline(article, &mut block);
                flush(article, &mut open, &mut deferred);
                article.blocks.push(block.finish(buf, &mut article.joins));
            }
            Class::Byline => {
                flush(article, &mut open, &mut deferred);
                let text = block.text.trim();
                let whole_dateline = dateline_len(text).is_some_and(|at| at.end == text.len());
                // A dateline on a line of its own: the article's, if it has none yet.
                if whole_dateline && article.dateline.is_none() {
                    take_dateline(article, &mut block);
                    if block.text.trim().is_empty() {
                        continue;
                    }
                }
                let text = block.text.trim();
                if let Some(b) = byline(text) {
                    for name in b.authors {
                        if !article.authors.contains(&name) {
                            article.authors.push(name);
                        }
                    }
                }
                article.blocks.push(block.finish(buf, &mut article.joins));
            }
            Class::Caption | Class::Heading | Class::Note => {
                flush(article, &mut open, &mut deferred);
                article.blocks.push(block.finish(buf, &mut article.joins));
            }
        }
    }
    flush(article, &mut open, &mut deferred);
    flush(article, &mut open, &mut deferred);
}
