//! Newspaper-style plain text → [`Article`].
//!
//! The text is what comes out of a printed page: paragraphs separated by blank lines, a
//! banner, a headline and a byline at the top, section headings and photo captions as
//! short lines, and the damage the extraction does — a caption dropped into the middle
//! of a sentence, a paragraph split by a page-column break. The rules below recover the
//! structure from the shape of the text alone; none of them knows a particular article.
//!
//! Parsing changes no character and drops none: every non-blank source line ends up in
//! exactly one place of the article (banner, title, byline, or one block).
//!
//! [`parse_shared`] copies no text of the common block: a block that is one source line's
//! text is a slice of the source's buffer ([`SharedStr`]); only a block made of several
//! lines, or joined across a break, owns its concatenation. A credit's texts are slices of
//! the source too (the name owned only where removing its padding changed it), and a
//! join's excerpts slices of the joined paragraph's text.
//!
//! Nothing is kept per source line while parsing: the lines are read as they are needed,
//! twice (once to classify the units, once to build the blocks), and a few bytes are kept
//! per unit.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use crate::article::{
    Article, Block, BlockKind, Credit, HeaderLine, Join, Part, SharedStr, SourceFile,
};
use crate::text::chinese::{credit_only, is_han, is_person_name};
use crate::text::lines::line_end;

/// A line is *short* (heading or caption sized) when it has at most this many characters.
pub const SHORT_LINE_CHARS: usize = 32;

/// How many characters of context a [`Join`] keeps on either side of the break.
const JOIN_EXCERPT_CHARS: usize = 12;

/// Marks that end a sentence. An ASCII full stop counts too (a quoted English sentence,
/// "stay foolish."), except after a digit, where it is a decimal point or an
/// abbreviation cut short.
const SENTENCE_FINAL: &[char] = &['。', '！', '？', '…', '；', '!', '?', '．', '.'];

/// Closing quotes and brackets that may follow a sentence-final mark.
const CLOSING_AFTER_FINAL: &[char] = &['”', '’', '」', '』', '）', ')', '》', '〕', '】'];

/// Punctuation that never stands in a byline or a photographer's name.
fn is_text_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20)
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// One source line and the byte offset in the source where it starts.
#[derive(Debug, Clone, Copy)]
struct SrcLine<'a> {
    at: u32,
    text: &'a str,
}

impl SrcLine<'_> {
    /// The byte offset in the source where the line's trimmed text starts.
    fn text_at(&self) -> usize {
        self.at as usize + (self.text.len() - self.text.trim_start().len())
    }
}

/// The source lines of a text, with their offsets, read as they are needed (nothing is
/// kept per line: a 50 MB article has 720 000 of them).
#[derive(Debug, Clone)]
struct LineIter<'a> {
    text: &'a str,
    /// Where the next line starts, in `text`.
    pos: usize,
    /// Where `text` starts in the source.
    base: u32,
}

impl<'a> LineIter<'a> {
    /// The lines of `text`, which starts at byte `base` of the source.
    fn new(text: &'a str, base: u32) -> LineIter<'a> {
        LineIter { text, pos: 0, base }
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
            // Fits: `parse_shared` takes no text over u32::MAX bytes.
            at: self.base + self.pos as u32,
            text: &self.text[self.pos..end],
        };
        self.pos = next;
        Some(line)
    }
}

/// A run of consecutive non-blank lines: one paragraph-like unit of the page (a slice of
/// the source, no copy).
#[derive(Debug, Clone, Copy)]
struct Unit<'a> {
    /// From the start of the first line to the end of the last, line ends included.
    text: &'a str,
    /// The byte offset in the source where the first line starts.
    first: u32,
    /// How many lines (at least one).
    count: u32,
}

impl<'a> Unit<'a> {
    fn lines(&self) -> LineIter<'a> {
        LineIter::new(self.text, self.first)
    }

    /// The one line of a unit of one line.
    fn single(&self) -> Option<&'a str> {
        (self.count == 1).then_some(self.text)
    }

    /// The first line's text.
    fn first_text(&self) -> &'a str {
        self.lines().next().map_or("", |l| l.text)
    }

    /// The last line, and where its line end starts in `text` (for one line, 0).
    fn last(&self) -> (SrcLine<'a>, usize) {
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
                    at: self.first + (i as u32 + 1),
                    text: &self.text[i + 1..],
                };
                (line, before)
            }
            None => (
                SrcLine {
                    at: self.first,
                    text: self.text,
                },
                0,
            ),
        }
    }

    fn last_line(&self) -> SrcLine<'a> {
        self.last().0
    }

    /// The unit without a trailing credit line.
    fn body(&self) -> Unit<'a> {
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

    fn body_text(&self) -> String {
        self.body().lines().map(|l| l.text.trim()).collect()
    }
}

/// The units of a text in order, found as they are needed (see [`LineIter`]).
#[derive(Debug, Clone)]
struct Units<'a> {
    lines: LineIter<'a>,
}

impl<'a> Units<'a> {
    fn new(text: &'a str) -> Units<'a> {
        Units {
            lines: LineIter::new(text, 0),
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
            first: first.at,
            count,
        })
    }
}

/// Whether `text` ends a sentence: a sentence-final mark, possibly followed by closing
/// quotes or brackets.
pub fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches(CLOSING_AFTER_FINAL);
    if let Some(before) = trimmed.strip_suffix('.') {
        return !before.ends_with(|c: char| c.is_ascii_digit());
    }
    trimmed.ends_with(SENTENCE_FINAL)
}

/// Whether `text` opens a quote it does not close (“ or 「 more often than ” or 」).
pub fn leaves_quote_open(text: &str) -> bool {
    let count = |c: char| text.chars().filter(|&x| x == c).count();
    count('“') > count('”') || count('「') > count('」')
}

fn is_short(text: &str) -> bool {
    text.chars().nth(SHORT_LINE_CHARS).is_none()
}

/// A caption line that ends with its credit after a space, "TEXT NAME 摄"; returns the
/// caption text and the credit (name and printed credit text).
fn trailing_credit(line: &str) -> Option<(&str, &str, &str)> {
    let line = line.trim();
    let rest = line.strip_suffix('摄')?.trim_end();
    let space = rest.rfind(char::is_whitespace)?;
    let name = rest[space..].trim();
    let text = rest[..space].trim_end();
    if text.is_empty() || !is_person_name(name) || name.contains(char::is_whitespace) {
        return None;
    }
    let credit_start = line.len() - line[space..].trim_start().len();
    Some((text, name, &line[credit_start..]))
}

/// Words that name a role in a byline rather than a person ("记者 孙七").
const BYLINE_ROLES: &[&str] = &[
    "本报记者",
    "特约记者",
    "见习记者",
    "记者",
    "通讯员",
    "本报讯",
];

/// Whether a line is a byline: one to six names of Han characters separated by spaces,
/// no punctuation, optionally with role words such as 记者. Two-character names padded to
/// three ("陈 醉") count as one.
fn byline_authors(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    if line.chars().any(is_text_punctuation) || line.chars().count() > 40 {
        return None;
    }
    let tokens: Vec<&str> = line
        .split_whitespace()
        .filter(|t| !BYLINE_ROLES.contains(t))
        .collect();
    if tokens.is_empty()
        || !tokens
            .iter()
            .all(|t| t.chars().all(is_han) && t.chars().count() <= 4)
    {
        return None;
    }
    let mut authors = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let one = |t: &str| t.chars().count() == 1;
        if one(tokens[i]) && i + 1 < tokens.len() && one(tokens[i + 1]) {
            authors.push(format!("{}{}", tokens[i], tokens[i + 1]));
            i += 2;
        } else {
            authors.push(tokens[i].to_string());
            i += 1;
        }
    }
    let sane = authors.len() <= 6 && authors.iter().all(|a| (2..=4).contains(&a.chars().count()));
    sane.then_some(authors)
}

/// A line that can stand as a headline or banner: one line, not a sentence.
fn is_headline_like(unit: &Unit<'_>) -> bool {
    // One line: its text is the unit's body text, without a copy of a long line.
    let Some(line) = unit.single() else {
        return false;
    };
    let text = line.trim();
    text.chars().nth(2 * SHORT_LINE_CHARS).is_none()
        && !ends_sentence(text)
        && !leaves_quote_open(text)
        && credit_only(text).is_none()
        && trailing_credit(text).is_none()
}

fn header_line(unit: &Unit<'_>) -> HeaderLine {
    let first = SrcLine {
        at: unit.first,
        text: unit.first_text(),
    };
    HeaderLine::new(first.text.trim().to_string(), first.text_at())
}

/// What a unit of the body is, before joining.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Heading,
    Paragraph,
    Caption,
}

/// A unit with a credit is a caption whatever else it looks like.
fn has_credit(unit: &Unit<'_>) -> bool {
    let last = unit.last_line().text;
    (unit.count > 1 && credit_only(last).is_some())
        || (unit.count == 1 && trailing_credit(last).is_some())
}

/// A short line without sentence-final punctuation: a heading or a caption.
fn is_label_like(unit: &Unit<'_>) -> bool {
    // Cheapest test first: most units are paragraphs, long or of several lines.
    let Some(line) = unit.single() else {
        return false;
    };
    let text = line.trim();
    is_short(text) && !ends_sentence(text) && !leaves_quote_open(text)
}

/// Whether a unit's text ends a sentence (its last body line decides).
fn unit_ends_sentence(unit: &Unit<'_>) -> bool {
    ends_sentence(unit.body().last_line().text)
}

/// What [`classify`] needs to know of a unit.
#[derive(Debug, Clone, Copy)]
struct Looks {
    credit: bool,
    label: bool,
    ends_sentence: bool,
    /// Whether the next unit that is not a credited caption is body text (neither
    /// credited nor a label); `None` when no such unit follows.
    next_is_body: Option<bool>,
}

/// The classes of `units`, read twice: once to see what each looks like (a few bytes a
/// unit, kept), once backwards over that.
fn classify<'a>(units: impl Iterator<Item = Unit<'a>>) -> Vec<Class> {
    let mut looks: Vec<Looks> = units
        .map(|u| {
            let credit = has_credit(&u);
            Looks {
                credit,
                label: !credit && is_label_like(&u),
                ends_sentence: unit_ends_sentence(&u),
                next_is_body: None,
            }
        })
        .collect();
    let mut next_is_body = None;
    for l in looks.iter_mut().rev() {
        l.next_is_body = next_is_body;
        if !l.credit {
            next_is_body = Some(!l.label);
        }
    }
    // Whether the last paragraph so far ended mid-sentence.
    let mut paragraph_open = false;
    looks
        .iter()
        .map(|l| {
            let class = if l.credit {
                Class::Caption
            } else if l.label {
                match l.next_is_body {
                    // A label in the middle of a sentence is a caption dropped there.
                    Some(true) if paragraph_open => Class::Caption,
                    Some(true) => Class::Heading,
                    _ => Class::Caption,
                }
            } else {
                Class::Paragraph
            };
            if class == Class::Paragraph {
                paragraph_open = !l.ends_sentence;
            } else if class == Class::Heading {
                paragraph_open = false;
            }
            class
        })
        .collect()
}

/// The byte range of the last [`JOIN_EXCERPT_CHARS`] characters of `text`.
fn excerpt_end(text: &str) -> Range<usize> {
    let start = text
        .char_indices()
        .rev()
        .nth(JOIN_EXCERPT_CHARS - 1)
        .map_or(0, |(i, _)| i);
    start..text.len()
}

/// The byte range of the first [`JOIN_EXCERPT_CHARS`] characters of `text`.
fn excerpt_start(text: &str) -> Range<usize> {
    0..text
        .char_indices()
        .nth(JOIN_EXCERPT_CHARS)
        .map_or(text.len(), |(i, _)| i)
}

/// A block being built: its text still borrowed from the source while it is one line's
/// text, owned once it is a concatenation.
#[derive(Debug)]
struct Draft<'a> {
    kind: BlockKind,
    text: Cow<'a, str>,
    parts: Vec<Part>,
    credit: Option<Credit>,
    /// The joins into this paragraph: source offset, and the ranges of the excerpts in
    /// `text`.
    joins: Vec<(usize, Range<usize>, Range<usize>)>,
}

impl Draft<'_> {
    fn src(&self) -> usize {
        self.parts.first().map_or(0, |p| p.src())
    }

    /// Appends `next` (a paragraph continued after a break) to this one, recording the join.
    fn append(&mut self, next: &Draft<'_>) {
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
    fn finish(self, buf: &Arc<String>, joins: &mut Vec<Join>) -> Block {
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
fn credit_of(buf: &Arc<String>, name: &str, text: &str, src: usize) -> Credit {
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
fn unit_block<'a>(buf: &Arc<String>, unit: &Unit<'a>, class: Class) -> Draft<'a> {
    let body = unit.body();
    let mut parts = Vec::with_capacity(body.count as usize);
    let mut found = None;
    let mut text: Cow<'a, str> = match body.single() {
        // One line (most paragraphs): its text as it stands in the source.
        Some(line) => {
            let first = SrcLine {
                at: body.first,
                text: line,
            };
            parts.push(Part::new(0, first.text_at()));
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
        Class::Paragraph => BlockKind::Paragraph,
        Class::Caption => BlockKind::Caption,
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

/// Parses newspaper-style plain text into an [`Article`] (a copy of `text` is made for
/// the article's blocks to share; [`parse_shared`] takes a buffer that is shared already).
///
/// # Panics
/// When `text` is over [`u32::MAX`] bytes, as [`parse_shared`].
pub fn parse(text: &str) -> Article {
    parse_shared(&Arc::new(text.to_string()))
}

/// Parses newspaper-style plain text into an [`Article`] whose blocks share `buf`: a block
/// that is one source line's text is a range of `buf`, not a copy.
///
/// The source is read line by line twice (once to classify its units, once to build the
/// blocks); nothing is kept per line, a few bytes per unit.
///
/// # Panics
/// When `buf` is over [`u32::MAX`] bytes: positions in the article are kept in 32 bits,
/// and no source is larger ([`crate::input::source::MAX_SOURCE_BYTES`]).
pub fn parse_shared(buf: &Arc<String>) -> Article {
    assert!(
        u32::try_from(buf.len()).is_ok(),
        "a text of {} bytes: sources are at most u32::MAX bytes",
        buf.len()
    );
    let mut units = Units::new(buf);
    let mut article = Article::default();

    // The page header: banner, headline, byline.
    let head: Vec<Unit<'_>> = units.clone().take(3).collect();
    let mut rest = &head[..];
    match rest {
        [first, second, ..]
            if is_headline_like(first)
                && is_headline_like(second)
                && byline_authors(&second.body_text()).is_none() =>
        {
            article.banner = Some(header_line(first));
            article.title = Some(header_line(second));
            rest = &rest[2..];
        }
        [first, ..] if is_headline_like(first) && byline_authors(&first.body_text()).is_none() => {
            article.title = Some(header_line(first));
            rest = &rest[1..];
        }
        _ => {}
    }
    if let Some(first) = rest.first()
        && let Some(line) = first.single()
        && let Some(authors) = byline_authors(line)
    {
        article.byline = Some(header_line(first));
        article.authors = authors;
        rest = &rest[1..];
    }
    for _ in 0..head.len() - rest.len() {
        units.next();
    }

    // The body.
    let classes = classify(units.clone());
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
    for (unit, &class) in units.zip(&classes) {
        let block = unit_block(buf, &unit, class);
        match class {
            Class::Paragraph => {
                let block = match open.take() {
                    Some(mut p) => {
                        p.append(&block);
                        p
                    }
                    None => block,
                };
                if ends_sentence(&block.text) {
                    open = Some(block);
                    flush(&mut article, &mut open, &mut deferred);
                } else {
                    open = Some(block);
                }
            }
            Class::Caption if open.is_some() => deferred.push(block),
            Class::Caption | Class::Heading => {
                flush(&mut article, &mut open, &mut deferred);
                article.blocks.push(block.finish(buf, &mut article.joins));
            }
        }
    }
    flush(&mut article, &mut open, &mut deferred);
    article.blocks.shrink_to_fit();
    article.joins.shrink_to_fit();
    article.files = vec![Arc::new(SourceFile::new(buf))];
    article
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::LineNo;

    fn kinds(a: &Article) -> Vec<(BlockKind, &str)> {
        a.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect()
    }

    #[test]
    fn lines_split_on_lf_crlf_and_lone_cr() {
        let texts: Vec<_> = LineIter::new("a\r\nb\rc\nd", 10)
            .map(|l| (l.at, l.text))
            .collect();
        assert_eq!(texts, vec![(10, "a"), (13, "b"), (15, "c"), (17, "d")]);
        let lines = |t| LineIter::new(t, 0).map(|l| l.text).collect::<Vec<_>>();
        assert_eq!(lines("a\n\n\r\nb\r\r\n"), ["a", "", "", "b", ""]);
        assert_eq!(lines("a\n"), ["a"]);
        assert!(lines("").is_empty());
    }

    #[test]
    fn sentence_end_includes_closing_quote_after_final_mark() {
        assert!(ends_sentence("他说:“好。”"));
        assert!(ends_sentence("今年是“拼”!"));
        assert!(ends_sentence("定期复查……"));
        assert!(ends_sentence("便签:“Stay hungry, stay foolish.”"));
        assert!(!ends_sentence("增长到了3."));
        assert!(!ends_sentence("区域共绘民生“幸福圈”"));
        assert!(!ends_sentence("“我们通过增强企业研发强度来赋"));
    }

    #[test]
    fn open_quote_is_detected() {
        assert!(leaves_quote_open("“我们通过增强"));
        assert!(!leaves_quote_open("“大平台”推动强链补链"));
    }

    #[test]
    fn padded_two_character_names_are_one_author() {
        assert_eq!(
            byline_authors("陈 醉 劳超杰"),
            Some(vec!["陈醉".to_string(), "劳超杰".to_string()])
        );
        assert_eq!(
            byline_authors("王小明 李 四"),
            Some(vec!["王小明".to_string(), "李四".to_string()])
        );
        assert_eq!(byline_authors("今年,长三角"), None);
        assert_eq!(byline_authors("区域共绘民生"), None);
    }

    #[test]
    fn credit_on_same_line_after_a_space() {
        assert_eq!(
            trailing_credit("领克“超级工厂” 黄孟丹 摄"),
            Some(("领克“超级工厂”", "黄孟丹", "黄孟丹 摄"))
        );
        assert_eq!(trailing_credit("没有署名的图片"), None);
        assert_eq!(credit_only("谷志锋 摄"), Some("谷志锋"));
        assert_eq!(credit_only("这是一句很长的话并不是摄"), None);
    }

    #[test]
    fn heading_is_a_short_line_followed_by_body() {
        let a = parse("标题\n\n作者甲\n\n正文第一段。\n\n小标题\n\n正文第二段。\n");
        let k = kinds(&a);
        assert!(k.contains(&(BlockKind::Heading, "小标题")), "{k:?}");
    }

    #[test]
    fn unclosed_quote_line_is_not_a_heading() {
        let a = parse("城市观察\n\n小城十年的变迁之路\n\n正文。\n\n“我们要\n\n继续前进。”他说。\n");
        assert!(a.headings().next().is_none(), "{:?}", kinds(&a));
        assert_eq!(a.joins.len(), 1);
        assert_eq!(
            a.blocks.last().map(|b| b.text.as_str()),
            Some("“我们要继续前进。”他说。")
        );
    }

    #[test]
    fn caption_interrupting_a_sentence_moves_after_the_joined_paragraph() {
        let a = parse(
            "城市观察\n\n小城十年的变迁之路\n\n正文开始,这是一段足够长的正文,说到这里的时候被一张图片的说明打断了,我们\n\n峰会现场\n\n继续说下去。\n\n下一段。\n",
        );
        assert_eq!(
            kinds(&a),
            vec![
                (
                    BlockKind::Paragraph,
                    "正文开始,这是一段足够长的正文,说到这里的时候被一张图片的说明打断了,我们继续说下去。"
                ),
                (BlockKind::Caption, "峰会现场"),
                (BlockKind::Paragraph, "下一段。"),
            ]
        );
        let line = |src: usize| a.line_of(0, src);
        assert_eq!(line(a.joins[0].src as usize), 9, "{:?}", a.joins);
        assert_eq!(
            line(a.blocks[0].src_at(
                "正文开始,这是一段足够长的正文,说到这里的时候被一张图片的说明打断了,我们继".len()
            )),
            9
        );
        assert_eq!(line(a.blocks[0].src_at(0)), 5);
        assert_eq!(a.line_col(0, a.blocks[0].src_at(6)), (5, 3));
    }

    #[test]
    fn credit_alone_on_next_line_belongs_to_caption() {
        let a = parse(
            "城市观察\n\n小城十年的变迁之路\n\n正文。\n\n智谷小镇,日新月异。\n谷志锋 摄\n\n小节\n\n正文。\n",
        );
        let cap = a.captions().next().map(|(_, b)| b).expect("a caption");
        assert_eq!(cap.text, "智谷小镇,日新月异。");
        let credit = cap.credit.as_ref().expect("credit");
        assert_eq!(
            (credit.name.as_str(), a.line_of(0, credit.src as usize)),
            ("谷志锋", 8)
        );
    }

    #[test]
    fn short_lines_after_the_last_paragraph_are_captions() {
        let a = parse("城市观察\n\n小城十年的变迁之路\n\n正文。\n\n图一\n\n图二 张三 摄\n");
        assert_eq!(
            kinds(&a),
            vec![
                (BlockKind::Paragraph, "正文。"),
                (BlockKind::Caption, "图一"),
                (BlockKind::Caption, "图二"),
            ]
        );
    }

    #[test]
    fn no_byline_and_no_banner() {
        let a = parse("只有标题的一篇文章\n\n正文第一段。\n");
        assert_eq!(
            a.title.map(|t| t.text),
            Some("只有标题的一篇文章".to_string())
        );
        assert!(a.banner.is_none() && a.byline.is_none() && a.authors.is_empty());
    }

    #[test]
    fn one_line_blocks_share_the_source_and_joined_ones_own_their_text() {
        let buf = Arc::new(
            "城市观察\n\n小城十年的变迁之路\n\n  第一段,一行。  \n\n第二段,\n两行。\n\n\
             正文开始,这是一段足够长的正文,说到这里的时候被一张图片的说明打断了,我们\n\n\
             峰会现场 张三 摄\n\n继续说下去。\n"
                .to_string(),
        );
        let a = parse_shared(&buf);
        let in_buf = |b: &Block| {
            let range = buf.as_ptr().addr()..buf.as_ptr().addr() + buf.len();
            range.contains(&b.text.as_ptr().addr()) && b.text.shares(&buf)
        };
        let one = &a.blocks[0];
        assert_eq!(one.text, "第一段,一行。");
        assert!(in_buf(one), "a one-line paragraph is a slice of the source");
        assert_eq!(
            &buf[buf.find("第一段").expect("in source")..][..one.text.len()],
            one.text
        );
        let two = &a.blocks[1];
        assert_eq!(two.text, "第二段,两行。");
        assert!(
            !two.text.shares(&buf),
            "two lines are a concatenation of their own"
        );
        assert_eq!(two.parts.len(), 2);
        let joined = &a.blocks[2];
        assert_eq!(
            joined.text,
            "正文开始,这是一段足够长的正文,说到这里的时候被一张图片的说明打断了,我们继续说下去。"
        );
        assert!(
            !joined.text.shares(&buf),
            "a joined paragraph owns its text"
        );
        assert_eq!(a.joins.len(), 1);
        let caption = &a.blocks[3];
        assert_eq!(caption.text, "峰会现场");
        assert!(
            in_buf(caption),
            "a caption cut from its credit is still a slice"
        );
        assert_eq!(
            caption.credit.as_ref().map(|c| c.text.as_str()),
            Some("张三 摄")
        );
        assert_eq!(parse(&buf), a, "parse (a copy) and parse_shared agree");
    }

    #[test]
    fn credits_and_join_excerpts_copy_no_text() {
        let buf = Arc::new(
            "城市观察\r\n\r\n小城十年的变迁之路\r\n\r\n\
             正文开始,这是一段足够长的正文,说到这里的时候被一张图片的说明打断了,我们\r\n\r\n\
             峰会现场\r\n张 三 摄\r\n\r\n继续说下去,这一段也写得足够长,长到超过三十二个字符的限度,不会被当作标题\r\n\r\n图二 李四 摄\r\r再说。\n\n图三\n王五 摄\n"
                .to_string(),
        );
        let a = parse_shared(&buf);
        let within = |s: &SharedStr, outer: &str| {
            let range = outer.as_ptr().addr()..outer.as_ptr().addr() + outer.len();
            range.contains(&s.as_ptr().addr()) && s.as_ptr().addr() + s.len() <= range.end
        };
        let credits: Vec<&Credit> = a
            .blocks
            .iter()
            .filter_map(|b| b.credit.as_deref())
            .collect();
        let got: Vec<(&str, &str, LineNo)> = credits
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.text.as_str(),
                    a.line_of(0, c.src as usize),
                )
            })
            .collect();
        for c in &credits {
            assert_eq!(&buf[c.src as usize..][..c.text.len()], c.text.as_str());
        }
        assert_eq!(
            got,
            [
                ("张三", "张 三 摄", 8),
                ("李四", "李四 摄", 12),
                ("王五", "王五 摄", 17)
            ]
        );
        for c in &credits {
            assert!(c.text.shares(&buf) && within(&c.text, &buf), "{c:?}");
        }
        assert!(
            !credits[0].name.shares(&buf),
            "a name without its padding is owned"
        );
        assert!(credits[1].name.shares(&buf) && within(&credits[1].name, &buf));
        assert_eq!(a.joins.len(), 2, "{:?}", a.joins);
        let joined = &a.blocks[0];
        assert!(!joined.text.shares(&buf));
        for j in &a.joins {
            for excerpt in [&j.before, &j.after] {
                assert!(within(excerpt, &joined.text), "{j:?}");
            }
        }
        assert_eq!(
            (
                a.line_of(0, a.joins[0].src as usize),
                a.joins[0].before.as_str(),
                a.joins[0].after.as_str()
            ),
            (10, "张图片的说明打断了,我们", "继续说下去,这一段也写得")
        );
        assert_eq!(
            (
                a.line_of(0, a.joins[1].src as usize),
                a.joins[1].before.as_str(),
                a.joins[1].after.as_str()
            ),
            (14, "符的限度,不会被当作标题", "再说。")
        );
        assert_eq!(parse(&buf), a);
    }

    #[test]
    fn every_non_blank_line_lands_in_one_place() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/articles/yuyao-yangtze-delta.txt"
        ))
        .expect("shipped article");
        let a = parse(&text);
        let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let mut got: Vec<(LineNo, String)> = Vec::new();
        let line = |src: u32| a.line_of(0, src as usize);
        for h in [&a.banner, &a.title, &a.byline].into_iter().flatten() {
            assert_eq!(&text[h.src as usize..][..h.text.len()], h.text);
            got.push((line(h.src), strip(&h.text)));
        }
        for b in &a.blocks {
            for (i, p) in b.parts.iter().enumerate() {
                let end = b.parts.get(i + 1).map_or(b.text.len(), |n| n.offset());
                let part = &b.text[p.offset()..end];
                // Each part stands in the source as it is, at its offset.
                assert_eq!(&text[p.src()..][..part.len()], part);
                got.push((line(p.src), strip(part)));
            }
            if let Some(c) = &b.credit {
                if line(c.src) == line(b.src() as u32) {
                    let last = got.last_mut().expect("caption part");
                    last.1.push_str(&strip(&c.text));
                } else {
                    got.push((line(c.src), strip(&c.text)));
                }
            }
        }
        got.sort();
        let want: Vec<(LineNo, String)> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| (i + 1, strip(l)))
            .collect();
        assert_eq!(got, want);
    }
}
