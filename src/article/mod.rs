//! The article model: what the parser recovers and everything else reads.
//!
//! Pure data. Nothing here knows about terminals, colours or widths.
//!
//! A block's text is a [`SharedStr`]: where it is one source line's text (most
//! paragraphs), it is a slice of the source's buffer, not a copy. So are a credit's text
//! and name and a join's excerpts (slices of the joined paragraph's text), wherever they
//! can be.
//!
//! Positions are source spans: every block, header line, credit and join keeps the byte
//! offset in its source where its text starts (and the [`FileId`] of that source, for
//! formats made of several files). A line and column are worked out only when shown,
//! from the source's one [`LineIndex`] ([`Article::line_col`]).
//!
//! Positions inside the article (a [`Part`]'s offsets, a [`SharedStr`]'s range) are kept
//! in 32 bits: sources are at most [`u32::MAX`] bytes
//! ([`crate::input::source::MAX_SOURCE_BYTES`]).

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::{Deref, Range};
use std::sync::Arc;

use serde::Serialize;

use crate::text::lines::LineIndex;
pub(crate) use crate::text::lines::LineNo;

pub(crate) mod builder;

/// Which of an article's source files a position is in: always 0 for a format of one
/// file (plain text); an EPUB's chapters are numbered in reading order.
pub(crate) type FileId = u16;

/// One source file of an article: its decoded text and its line index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceFile {
    pub(crate) text: Arc<String>,
    pub(crate) lines: LineIndex,
    /// The file's path inside the file that was opened (an EPUB's chapter,
    /// `OEBPS/ch2.xhtml`); `None` for the opened file itself.
    pub(crate) name: Option<Arc<str>>,
}

impl SourceFile {
    /// `text` and its line index (one pass over the text).
    pub fn new(text: &Arc<String>) -> SourceFile {
        SourceFile {
            lines: LineIndex::new(text),
            text: Arc::clone(text),
            name: None,
        }
    }

    /// [`SourceFile::new`] for a file inside the opened one, at path `name` in it.
    pub(crate) fn named(text: &Arc<String>, name: &str) -> SourceFile {
        SourceFile {
            name: Some(Arc::from(name)),
            ..SourceFile::new(text)
        }
    }

    /// The 1-based line and column (characters) of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (LineNo, usize) {
        self.lines.line_col(&self.text, offset)
    }
}

/// One line of the page header (banner, kicker, title, subtitle, column tag, byline or
/// dateline) as it stood in the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeaderLine {
    /// The line's text, leading and trailing white space removed.
    pub text: String,
    /// The byte offset in the source where `text` starts.
    pub src: u32,
    /// The source file it is in.
    pub file: FileId,
}

impl HeaderLine {
    /// The header line `text`, starting at byte `src` of source file 0.
    ///
    /// # Panics
    /// When `src` is over [`u32::MAX`] (no source is that large).
    pub fn new(text: String, src: usize) -> HeaderLine {
        HeaderLine {
            text,
            src: to_u32(src, "a source offset"),
            file: 0,
        }
    }
}

/// A recovered feature article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The page header line printed above the headline (for example a series name).
    pub banner: Option<HeaderLine>,
    /// The headline.
    pub title: Option<HeaderLine>,
    /// The byline as printed (padding spaces and all); `authors` holds the names.
    pub byline: Option<HeaderLine>,
    /// The authors' names, padding removed: "陈 醉 劳超杰" gives 陈醉 and 劳超杰.
    pub authors: Vec<String>,
    /// The body in reading order.
    pub blocks: Vec<Block>,
    /// Every place where a paragraph was joined across a break in the source.
    pub joins: Vec<Join>,
    /// The sources, by [`FileId`]: what positions are offsets into.
    pub files: Vec<Arc<SourceFile>>,
    // The newspaper head beyond banner, title and byline (`outline --json` keys `kicker`,
    // `subtitle`, `column`, `dateline`, null when absent).
    /// The kicker (引题) printed above the headline.
    pub kicker: Option<HeaderLine>,
    /// The subtitle (副题) printed under the headline, often starting with ——.
    pub subtitle: Option<HeaderLine>,
    /// The column tag (栏目) printed with the headline or on a line of its own, as
    /// printed, brackets and all ("（民生视线）"); `title` is then the headline alone.
    pub column: Option<HeaderLine>,
    /// The dateline (电头) as printed, for example 本报北京2月1日电; when it opens a
    /// paragraph, that paragraph's text is what follows it.
    pub dateline: Option<HeaderLine>,
    // Fields of the formats with markup (HTML, Markdown, EPUB), kept together.
    /// The format the article was read in.
    pub format: crate::input::sniff::Format,
    /// The publication or site the article comes from ("来源：东海日报", og:site_name).
    pub source: Option<HeaderLine>,
    /// The publication date as the page gives it ("2026-11-20 08:30").
    pub date: Option<HeaderLine>,
    /// The inline style spans of the blocks that have some, each block's list found by its
    /// [`Block::styles`] ([`Article::styles_of`]). Kept here rather than in the block so
    /// that a block stays 48 bytes; empty for plain text.
    pub style_lists: Vec<Box<[StyleSpan]>>,
}

/// An inline style of a piece of a block's text: display only, the text holds no
/// markers (`**`, `<b>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InlineStyle {
    /// Stress emphasis: Markdown `*x*` `_x_`, HTML `em`, `i`, `cite` (shown in italics).
    Emphasis,
    /// Strong importance: Markdown `**x**` `__x__`, HTML `strong`, `b` (shown in bold).
    Strong,
}

impl InlineStyle {
    /// The lowercase name used in `outline --json`.
    pub fn name(self) -> &'static str {
        match self {
            InlineStyle::Emphasis => "emphasis",
            InlineStyle::Strong => "strong",
        }
    }
}

/// A style over bytes `start..end` of a [`Block::text`] (non-empty, on character
/// boundaries). A block's spans are sorted by `start`; two may overlap, never two of the
/// same style: text both strong and emphasised has a span of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StyleSpan {
    /// Byte offset in [`Block::text`] where the span starts.
    pub start: u32,
    /// Byte offset in [`Block::text`] just past the span.
    pub end: u32,
    pub style: InlineStyle,
}

impl StyleSpan {
    /// The span's byte range in [`Block::text`].
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The styles in force at byte `offset` of a block's text, given its `spans`:
/// (emphasis, strong).
pub fn styles_at(spans: &[StyleSpan], offset: usize) -> (bool, bool) {
    let mut out = (false, false);
    for s in spans.iter().take_while(|s| s.start as usize <= offset) {
        if s.range().contains(&offset) {
            match s.style {
                InlineStyle::Emphasis => out.0 = true,
                InlineStyle::Strong => out.1 = true,
            }
        }
    }
    out
}

/// Which of [`Article::style_lists`] holds a block's style spans: 1-based, 0 for a block
/// without any (most blocks, every block of plain text). Four bytes, so that a block
/// stays 48.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct StylesId(u32);

impl StylesId {
    /// No styles.
    pub(crate) const NONE: StylesId = StylesId(0);
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Heading,
    Paragraph,
    Caption,
    /// A note of the page: （完）, （本报记者X整理）, 责任编辑：X — shown, neither text nor
    /// an author.
    Note,
    /// A byline inside the body (a second part by other reporters): its names are among
    /// the article's authors.
    Byline,
}

impl BlockKind {
    /// The lowercase name used in `outline --json`.
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Caption => "caption",
            BlockKind::Note => "note",
            BlockKind::Byline => "byline",
        }
    }
}

/// A piece of a block's text that stands in the source as it is (one source line's
/// text, trimmed).
///
/// A block of one source line has one part; a block of several lines, or a paragraph
/// joined across a caption or column break, has one part per line, so that any byte of
/// the block's text can be traced back to its byte in the source.
///
/// Both fields are 32 bits: a block's text is at most as long as its source, and sources
/// are at most [`u32::MAX`] bytes ([`crate::input::source::MAX_SOURCE_BYTES`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    /// Byte offset in [`Block::text`] where this part starts.
    pub(crate) start: u32,
    /// Byte offset in the source where this part's text stands.
    pub(crate) src: u32,
}

impl Part {
    /// The part starting at byte `start` of a block's text, whose text stands at byte
    /// `src` of the source.
    ///
    /// # Panics
    /// When either is over [`u32::MAX`] (no source is that large).
    pub fn new(start: usize, src: usize) -> Part {
        Part {
            start: to_u32(start, "a block's text"),
            src: to_u32(src, "a source offset"),
        }
    }

    /// [`Part::start`] as an offset.
    pub fn offset(self) -> usize {
        self.start as usize
    }

    /// [`Part::src`] as an offset.
    pub fn src(self) -> usize {
        self.src as usize
    }
}

fn to_u32(n: usize, what: &str) -> u32 {
    u32::try_from(n).unwrap_or_else(|_| {
        panic!("{what} over u32::MAX ({n}): sources are at most u32::MAX bytes")
    })
}

/// A photographer's credit, "NAME 摄".
///
/// Both texts are slices of the source where they can be: the printed credit always
/// (unless it was split over two source lines), the name unless removing its padding
/// changed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    /// The name, padding spaces removed ("张 三 摄" gives 张三).
    pub name: SharedStr,
    /// The credit exactly as printed, for example "谷志锋 摄".
    pub text: SharedStr,
    /// The byte offset in the source (its block's file) where `text` starts.
    pub src: u32,
}

/// A heading, paragraph or caption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// The text, exactly as in the source apart from white space at line ends and the
    /// line breaks between the parts of a joined paragraph. One source line's text shares
    /// the source's buffer; text joined from several lines has its own.
    pub text: SharedStr,
    /// Where each piece of `text` came from; never empty, `parts[0].start == 0`.
    pub parts: Parts,
    /// The photographer's credit of a caption (boxed: most blocks have none).
    pub credit: Option<Box<Credit>>,
    /// The source file the block (and its credit) is in.
    pub file: FileId,
    /// Its inline style spans, if any ([`Article::styles_of`]).
    pub styles: StylesId,
    /// Text set as it is written, no prose: a code block (Markdown's fenced and
    /// indented ones, CommonMark §4.4–4.5; a page's `<pre>`, a block all in `<code>`).
    /// `check`'s text rules pass over it; hidden characters in it are still reported. (In the byte a block has spare: it stays 48 bytes.)
    pub preformatted: bool,
}

impl Block {
    /// The byte offset in the source where the block's text starts.
    pub fn src(&self) -> usize {
        self.parts.first().map_or(0, |p| p.src())
    }

    /// The byte offset in the source of the byte at `offset` in [`Block::text`].
    pub(crate) fn src_at(&self, offset: usize) -> usize {
        let idx = self.parts.partition_point(|p| p.offset() <= offset);
        let part = self.parts[idx.saturating_sub(1)];
        part.src() + offset.saturating_sub(part.offset())
    }
}

/// A paragraph joined with the text that continued it after a break.
///
/// The excerpts are slices of the joined paragraph's text (no copies).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Join {
    /// The byte offset in the source where the continued part starts.
    pub src: u32,
    /// The source file of the continued part.
    pub(crate) file: FileId,
    /// The last few characters before the break.
    pub(crate) before: SharedStr,
    /// The first few characters after the break.
    pub(crate) after: SharedStr,
}

impl Article {
    /// The 1-based line and column (characters) of byte `offset` of source `file`;
    /// (0, 0) for a file the article does not have.
    pub fn line_col(&self, file: FileId, offset: usize) -> (LineNo, usize) {
        self.files
            .get(usize::from(file))
            .map_or((0, 0), |f| f.line_col(offset))
    }

    /// The 1-based line of byte `offset` of source `file` (0 as [`Article::line_col`]).
    pub fn line_of(&self, file: FileId, offset: usize) -> LineNo {
        self.files
            .get(usize::from(file))
            .map_or(0, |f| f.lines.line_of(offset))
    }

    /// The path inside the opened file of source `file` (an EPUB's chapter), if it is
    /// one.
    pub(crate) fn file_name(&self, file: FileId) -> Option<&str> {
        self.files.get(usize::from(file))?.name.as_deref()
    }

    /// The source line `block` starts on.
    pub(crate) fn block_line(&self, block: &Block) -> LineNo {
        self.line_of(block.file, block.src())
    }

    /// The source line a header line stands on.
    pub(crate) fn header_line(&self, h: &HeaderLine) -> LineNo {
        self.line_of(h.file, h.src as usize)
    }

    /// The inline style spans of `block` (sorted by start; empty for most blocks).
    pub fn styles_of(&self, block: &Block) -> &[StyleSpan] {
        let i = block.styles.0 as usize;
        i.checked_sub(1)
            .and_then(|i| self.style_lists.get(i))
            .map_or(&[], |l| l)
    }

    /// Keeps `spans` (a block's, sorted by start) and returns their id for
    /// [`Block::styles`]; [`StylesId::NONE`] for none.
    pub(crate) fn add_styles(&mut self, spans: Vec<StyleSpan>) -> StylesId {
        if spans.is_empty() {
            return StylesId::NONE;
        }
        self.style_lists.push(spans.into_boxed_slice());
        StylesId(to_u32(self.style_lists.len(), "the number of style lists"))
    }

    /// The headings, in order, with their block indexes (a section's name as the
    /// outline and the navigation pane give it: [`heading_label`] of its text).
    pub fn headings(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks_of(BlockKind::Heading)
    }

    /// The captions, in order, with their block indexes.
    pub(crate) fn captions(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks_of(BlockKind::Caption)
    }

    fn blocks_of(&self, kind: BlockKind) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks
            .iter()
            .enumerate()
            .filter(move |(_, b)| b.kind == kind)
    }
}

/// An immutable string that is a range of a shared buffer: cloning it copies no text.
///
/// A block's text is a range of the source it was parsed from ([`SharedStr::range_of`]),
/// or owns a buffer of its own (`From<String>`, `From<&str>`). It reads as a `str`
/// (`Deref`, [`SharedStr::as_str`]), and compares, hashes, prints and serialises as one.
///
/// The range is kept in two `u32`s (16 bytes in all, not 24): sources are at most
/// [`u32::MAX`] bytes. Any string is still held correctly: a whole buffer longer than
/// that (only `From<String>` or `From<&str>` can make one) is marked as the whole of it
/// (`start > end`, which no range is), and a range ending past [`u32::MAX`] that is not
/// the whole buffer is copied into a buffer of its own.
#[derive(Clone, Default)]
pub struct SharedStr {
    buf: Arc<String>,
    /// The range in `buf`; [`WHOLE`] for the whole of a buffer too long for 32 bits.
    start: u32,
    end: u32,
}

/// `(start, end)` of a [`SharedStr`] that is the whole of its buffer, when that is longer
/// than the offsets can say (`start > end`: no range).
const WHOLE: (u32, u32) = (1, 0);

/// How far into its buffer a [`SharedStr`] keeps a range (a test injects less).
const OFFSET_LIMIT: usize = u32::MAX as usize;

impl SharedStr {
    /// The bytes `range` of `buf`, sharing it (copied instead when the range ends past
    /// [`u32::MAX`] and is not the whole buffer: no source is that large).
    ///
    /// # Panics
    /// When `range` is out of bounds or not on character boundaries.
    pub(crate) fn range_of(buf: &Arc<String>, range: Range<usize>) -> SharedStr {
        SharedStr::new(Arc::clone(buf), range, OFFSET_LIMIT)
    }

    /// The bytes `range` of this string, sharing its buffer.
    ///
    /// # Panics
    /// When `range` is out of bounds or not on character boundaries.
    pub(crate) fn slice(&self, range: Range<usize>) -> SharedStr {
        let (start, end) = self.range();
        assert!(
            range.start <= range.end && range.end <= end - start,
            "{range:?} is not a range of a string of {} bytes",
            end - start
        );
        SharedStr::new(
            Arc::clone(&self.buf),
            start + range.start..start + range.end,
            OFFSET_LIMIT,
        )
    }

    /// `range` of `buf`, kept as offsets when they are at most `limit` (at most
    /// [`u32::MAX`]), as the whole buffer, or copied.
    fn new(buf: Arc<String>, range: Range<usize>, limit: usize) -> SharedStr {
        assert!(
            buf.get(range.clone()).is_some(),
            "{range:?} is not a str range of a buffer of {} bytes",
            buf.len()
        );
        debug_assert!(limit <= OFFSET_LIMIT);
        if range.end <= limit {
            // start <= end <= limit <= u32::MAX: both fit.
            SharedStr {
                buf,
                start: range.start as u32,
                end: range.end as u32,
            }
        } else if range == (0..buf.len()) {
            SharedStr {
                buf,
                start: WHOLE.0,
                end: WHOLE.1,
            }
        } else {
            let copy = buf[range].to_string();
            let len = copy.len();
            SharedStr::new(Arc::new(copy), 0..len, limit)
        }
    }

    /// The byte range of the text in `buf`.
    fn range(&self) -> (usize, usize) {
        if self.start <= self.end {
            (self.start as usize, self.end as usize)
        } else {
            (0, self.buf.len())
        }
    }

    pub fn as_str(&self) -> &str {
        let (start, end) = self.range();
        &self.buf[start..end]
    }

    /// Whether the text is a range of `buf` (shares it rather than owning a copy).
    #[cfg(test)]
    pub(crate) fn shares(&self, buf: &Arc<String>) -> bool {
        Arc::ptr_eq(&self.buf, buf)
    }
}

impl Deref for SharedStr {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<String> for SharedStr {
    /// Owns `s` (no copy of its bytes), whatever its length.
    fn from(s: String) -> SharedStr {
        let len = s.len();
        SharedStr::new(Arc::new(s), 0..len, OFFSET_LIMIT)
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> SharedStr {
        SharedStr::from(s.to_string())
    }
}

impl From<SharedStr> for String {
    fn from(s: SharedStr) -> String {
        s.as_str().to_string()
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for SharedStr {
    fn eq(&self, other: &SharedStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedStr {}

impl PartialOrd for SharedStr {
    fn partial_cmp(&self, other: &SharedStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedStr {
    fn cmp(&self, other: &SharedStr) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl Hash for SharedStr {
    /// As the `str` hashes, so that `Borrow<str>` lookups work.
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

macro_rules! eq_with {
    ($($t:ty),*) => {$(
        impl PartialEq<$t> for SharedStr {
            fn eq(&self, other: &$t) -> bool {
                self.as_str() == &other[..]
            }
        }
        impl PartialEq<SharedStr> for $t {
            fn eq(&self, other: &SharedStr) -> bool {
                &self[..] == other.as_str()
            }
        }
    )*};
}
eq_with!(str, &str, String);

impl Serialize for SharedStr {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A block's [`Part`]s: a slice that holds the one part of most blocks inline, without
/// an allocation.
#[derive(Clone, PartialEq, Eq)]
pub struct Parts(PartsRepr);

#[derive(Clone, PartialEq, Eq)]
enum PartsRepr {
    One([Part; 1]),
    Many(Box<[Part]>),
}

impl Parts {
    /// The one part of a block whose text stands at byte `src` of the source.
    ///
    /// # Panics
    /// When `src` is over [`u32::MAX`] (no source is that large).
    pub fn one(src: usize) -> Parts {
        Parts(PartsRepr::One([Part::new(0, src)]))
    }

    pub(crate) fn as_slice(&self) -> &[Part] {
        match &self.0 {
            PartsRepr::One(one) => one,
            PartsRepr::Many(many) => many,
        }
    }
}

impl Deref for Parts {
    type Target = [Part];

    fn deref(&self) -> &[Part] {
        self.as_slice()
    }
}

impl From<Vec<Part>> for Parts {
    fn from(parts: Vec<Part>) -> Parts {
        match parts.as_slice() {
            &[one] => Parts(PartsRepr::One([one])),
            _ => Parts(PartsRepr::Many(parts.into_boxed_slice())),
        }
    }
}

impl fmt::Debug for Parts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_slice(), f)
    }
}

impl<'a> IntoIterator for &'a Parts {
    type Item = &'a Part;
    type IntoIter = std::slice::Iter<'a, Part>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

/// A section heading's text as the outline and the navigation pane name the section: the
/// text without the ornament that marks a subhead on the page (■共建共用降成本, ◆ 山货出村,
/// ● 第一站: a mark from Unicode's Geometric Shapes block, a star, ※ or ❖, with the white
/// space after it). The heading itself is shown as printed, mark and all; a heading of
/// marks alone (◆ ◆ ◆, a section break) is named by them.
pub fn heading_label(text: &str) -> &str {
    let is_mark = |c: char| {
        matches!(u32::from(c), 0x25A0..=0x25FF)
            || matches!(c, '★' | '☆' | '※' | '❖' | '✦' | '✧' | '♦' | '◼' | '◾')
    };
    let rest = text.trim_start_matches(|c: char| is_mark(c) || c.is_whitespace());
    let marked = text.trim_start().starts_with(is_mark);
    if marked && rest.chars().any(char::is_alphanumeric) {
        rest
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subhead_mark_is_not_the_sections_name() {
        assert_eq!(heading_label("■共建共用降成本"), "共建共用降成本");
        assert_eq!(heading_label("◆ 山货出村有了新路"), "山货出村有了新路");
        assert_eq!(heading_label("●　“超级工厂”来了"), "“超级工厂”来了");
        assert_eq!(heading_label("★★ 第一站"), "第一站");
        // Marks alone are a section break, named by them; a heading without one, and
        // a mark inside a heading, stay.
        assert_eq!(heading_label("◆ ◆ ◆"), "◆ ◆ ◆");
        assert_eq!(heading_label("一、从荒坡到茶园"), "一、从荒坡到茶园");
        assert_eq!(heading_label("茶园■新路"), "茶园■新路");
        assert_eq!(heading_label("01 清晨"), "01 清晨");
    }

    #[test]
    fn shared_str_reads_and_compares_as_a_str() {
        let s = SharedStr::from("长三角,AIoT");
        assert_eq!(s, "长三角,AIoT");
        assert_eq!("长三角,AIoT", s);
        assert_eq!(s, *"长三角,AIoT");
        assert_eq!(s, "长三角,AIoT".to_string());
        assert_eq!("长三角,AIoT".to_string(), s);
        assert_eq!(s, SharedStr::from("长三角,AIoT".to_string()));
        assert_ne!(s, "长三角");
        assert_eq!(s.len(), "长三角,AIoT".len());
        assert!(s.starts_with("长三角"));
        assert_eq!(s.as_str(), &*s);
        assert_eq!(format!("{s}|{s:?}"), "长三角,AIoT|\"长三角,AIoT\"");
        assert_eq!(SharedStr::default(), "");
        assert_eq!(String::from(s.clone()), "长三角,AIoT");
        assert_eq!(
            serde_json::to_string(&s).expect("json"),
            serde_json::to_string("长三角,AIoT").expect("json")
        );
    }

    #[test]
    fn shared_str_hashes_as_its_str() {
        use std::collections::HashSet;
        let buf = Arc::new("甲乙丙甲乙".to_string());
        let set: HashSet<SharedStr> = [SharedStr::range_of(&buf, 0..6)].into_iter().collect();
        assert!(set.contains("甲乙"));
        assert!(set.contains(&SharedStr::range_of(&buf, 9..15)));
        assert!(!set.contains("乙丙"));
    }

    #[test]
    fn a_range_of_the_buffer_shares_it_and_a_string_is_its_own() {
        let buf = Arc::new("  第一段。\n第二段。".to_string());
        let shared = SharedStr::range_of(&buf, 2..14);
        assert!(shared.shares(&buf));
        assert_eq!(shared, "第一段。");
        assert_eq!(shared.as_ptr(), buf[2..].as_ptr());
        let copied = SharedStr::from("第一段。");
        assert!(!copied.shares(&buf));
        assert_eq!(copied, shared);
        let clone = shared.clone();
        assert_eq!(clone.as_ptr(), shared.as_ptr(), "a clone copies no text");
    }

    #[test]
    fn one_part_is_inline_and_several_are_a_slice() {
        let one = Parts::from(vec![Part { start: 0, src: 7 }]);
        assert_eq!(one, Parts::one(7));
        assert!(matches!(one.0, PartsRepr::One(_)));
        assert_eq!(format!("{one:?}"), "[Part { start: 0, src: 7 }]");
        let many = vec![Part { start: 0, src: 1 }, Part { start: 9, src: 30 }];
        let parts = Parts::from(many.clone());
        assert_eq!(&*parts, many.as_slice());
        assert_eq!(parts.iter().map(|p| p.src).collect::<Vec<_>>(), [1, 30]);
    }

    /// Most blocks have one part and no credit: nothing of a block is allocated but its
    /// text (shared with the source for most), and the block itself is small.
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_block_is_small() {
        assert_eq!(std::mem::size_of::<Block>(), 48);
        assert_eq!(std::mem::size_of::<SharedStr>(), 16);
        assert_eq!(std::mem::size_of::<Parts>(), 16);
        assert_eq!(std::mem::size_of::<Part>(), 8);
        assert_eq!(std::mem::size_of::<Credit>(), 40);
        assert_eq!(std::mem::size_of::<Join>(), 40);
    }

    /// Past the 32-bit limit (injected here as 9 bytes), a whole buffer is marked as such
    /// and any other range is copied; up to it, ranges share the buffer.
    #[test]
    fn ranges_past_the_offset_limit_stay_correct() {
        let limit = 9;
        let text = "甲乙丙丁"; // 12 bytes
        let buf = Arc::new(text.to_string());
        let whole = SharedStr::new(Arc::clone(&buf), 0..12, limit);
        assert_eq!((whole.start, whole.end), WHOLE);
        assert!(whole.shares(&buf));
        assert_eq!(whole, text);
        assert_eq!(whole.len(), 12);
        let below = SharedStr::new(Arc::clone(&buf), 3..6, limit);
        assert!(below.shares(&buf));
        assert_eq!((below.start, below.end, below.as_str()), (3, 6, "乙"));
        let at = SharedStr::new(Arc::clone(&buf), 0..9, limit);
        assert!(at.shares(&buf));
        assert_eq!((at.start, at.end, at.as_str()), (0, 9, "甲乙丙"));
        let empty_at = SharedStr::new(Arc::clone(&buf), 9..9, limit);
        assert!(empty_at.shares(&buf) && empty_at.is_empty());
        let past = SharedStr::new(Arc::clone(&buf), 3..12, limit);
        assert!(!past.shares(&buf), "a range past the limit is copied");
        assert_eq!((past.start, past.end, past.as_str()), (0, 9, "乙丙丁"));
        let empty_past = SharedStr::new(Arc::clone(&buf), 12..12, limit);
        assert!(!empty_past.shares(&buf) && empty_past.is_empty());
        // A copy longer than the limit is the whole of its own buffer.
        let long = Arc::new("甲乙丙丁戊".to_string()); // 15 bytes
        let past_long = SharedStr::new(Arc::clone(&long), 0..12, limit);
        assert!(!past_long.shares(&long));
        assert_eq!((past_long.start, past_long.end), WHOLE);
        assert_eq!(past_long, "甲乙丙丁");
        // Slices of a whole-buffer string (at the real limit: shared).
        assert_eq!(whole.slice(3..9), "乙丙");
        assert!(whole.slice(3..9).shares(&buf));
        assert_eq!(whole.slice(0..12), text);
        let clone = whole.clone();
        assert_eq!(clone.as_ptr(), whole.as_ptr());
        assert_eq!(SharedStr::from(String::new()), "");
    }

    #[test]
    fn a_slice_of_a_shared_str_shares_its_buffer() {
        let buf = Arc::new("  第一段。第二段。".to_string());
        let s = SharedStr::range_of(&buf, 2..buf.len());
        let sub = s.slice(12..24);
        assert_eq!(sub, "第二段。");
        assert!(sub.shares(&buf));
        assert_eq!(s.slice(0..0), "");
        let owned = SharedStr::from("长三角");
        assert_eq!(owned.slice(3..9), "三角");
    }

    #[test]
    #[should_panic(expected = "not a range")]
    fn a_slice_past_the_end_panics() {
        let _ = SharedStr::from("甲乙").slice(3..9);
    }

    #[test]
    #[should_panic(expected = "not a str range")]
    fn a_slice_off_a_character_boundary_panics() {
        let _ = SharedStr::from("甲乙").slice(1..3);
    }
}
