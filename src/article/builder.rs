//! The one place source ranges become the model's text.
//!
//! A format's rules decide *what* the text is — this line is a caption from byte `a` to
//! byte `b`, these lines make one paragraph, this paragraph carries on after a break,
//! this caption ends in a credit at bytes `k..` of its text — in byte ranges of the
//! source (or of a block's text), and hand them here. The builder alone slices and
//! concatenates: it makes the [`SharedStr`]s (a slice of the source where the text
//! stands there as it is, a buffer of its own only where lines were concatenated), the
//! [`Part`]s that trace each byte back to the source, the [`Join`] records, the credits
//! and the header lines.
//!
//! The formats with markup extract a page's text into a buffer of their own first; the
//! builder slices that buffer the same way ([`Builder::block`], [`Builder::credit_at`]),
//! each block keeping its element's source offset.
//!
//! All ranges are byte ranges on character boundaries; a range that is not panics (a bug
//! in the rule that made it, never bad input: the rules take their ranges from the
//! text they read).

use std::ops::Range;
use std::sync::Arc;

use super::{Block, BlockKind, Credit, HeaderLine, Join, Part, Parts, SharedStr, to_u32};

/// How many characters of context a [`Join`] keeps on either side of the break.
pub(crate) const JOIN_EXCERPT_CHARS: usize = 12;

/// Whether a space goes between `before` and `after` when a line break that stood
/// between them is removed: where Latin text meets Latin text ("Guangzhou." and "The",
/// "the" and "quick"), as a reader of the printed lines read it; never between Chinese
/// characters, nor after a hyphen that cut a word.
pub(crate) fn needs_space(before: &str, after: &str) -> bool {
    let (Some(last), Some(first)) = (before.chars().next_back(), after.chars().next()) else {
        return false;
    };
    last.is_ascii_graphic() && last != '-' && first.is_ascii_alphanumeric()
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

/// `range` of `text` without the white space at its ends (`str::trim`'s).
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    start..start + s.trim().len()
}

/// Builds the model's text from one source (file 0 of the article): header lines,
/// blocks ([`Draft`]) and credits from byte ranges of it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Builder<'a> {
    src: &'a Arc<String>,
}

impl<'a> Builder<'a> {
    /// A builder over `src`, the source the blocks' text is sliced from.
    pub fn new(src: &'a Arc<String>) -> Builder<'a> {
        Builder { src }
    }

    /// The header line of source bytes `range`, white space at its ends trimmed; its
    /// position is where the trimmed text starts.
    pub(crate) fn header(&self, range: Range<usize>) -> HeaderLine {
        let range = trimmed(self.src, range);
        HeaderLine::new(self.src[range.clone()].to_string(), range.start)
    }

    /// The block of `kind` made of the source lines `lines` (byte ranges of the lines,
    /// without their line ends), in order, each trimmed: one line's text is a slice of
    /// the source; several are concatenated, a space put back where Latin words met at
    /// a break ([`needs_space`]), with one [`Part`] per line.
    pub fn lines(
        &self,
        kind: BlockKind,
        lines: impl IntoIterator<Item = Range<usize>>,
    ) -> Draft<'a> {
        let mut lines = lines.into_iter();
        let first = trimmed(self.src, lines.next().unwrap_or(0..0));
        let (text, parts) = match lines.next() {
            // One line (most paragraphs): its text as it stands in the source.
            None => (Text::Source(first.clone()), vec![Part::new(0, first.start)]),
            Some(second) => {
                let lines: Vec<Range<usize>> = [first, trimmed(self.src, second)]
                    .into_iter()
                    .chain(lines.map(|r| trimmed(self.src, r)))
                    .collect();
                let mut parts = Vec::with_capacity(lines.len());
                let mut text =
                    String::with_capacity(lines.iter().map(ExactSizeIterator::len).sum());
                let start = lines[0].start;
                for line in lines {
                    let line_text = &self.src[line.clone()];
                    // A blank line adds no text and no part.
                    if line_text.is_empty() {
                        continue;
                    }
                    if needs_space(&text, line_text) {
                        text.push(' ');
                    }
                    parts.push(Part::new(text.len(), line.start));
                    text.push_str(line_text);
                }
                if parts.is_empty() {
                    parts.push(Part::new(0, start));
                }
                (Text::Own(text), parts)
            }
        };
        Draft {
            src: self.src,
            kind,
            text,
            parts,
            credit: None,
            joins: Vec::new(),
        }
    }

    /// The block of `kind` whose text is bytes `text` of the buffer as they are, its
    /// text (or the element it came from) at byte `src` of the source: for the formats
    /// with markup, whose buffer is the text extracted from the page, not the page.
    pub(crate) fn block(&self, kind: BlockKind, text: Range<usize>, src: usize) -> Draft<'a> {
        Draft {
            src: self.src,
            kind,
            text: Text::Source(text),
            parts: vec![Part::new(0, src)],
            credit: None,
            joins: Vec::new(),
        }
    }

    /// The credit printed at bytes `printed` of the buffer, naming bytes `name` of it, at
    /// byte `src` of the source (the formats with markup, as [`Builder::block`]).
    pub(crate) fn credit_at(
        &self,
        printed: Range<usize>,
        name: Range<usize>,
        src: usize,
    ) -> Credit {
        Credit {
            name: SharedStr::range_of(self.src, name),
            text: SharedStr::range_of(self.src, printed),
            src: to_u32(src, "a source offset"),
        }
    }

    /// The credit printed at source bytes `range` (trimmed), naming `name`: the credit's
    /// text is a slice of the source, and so is the name where it stands in the credit
    /// as it is; a name padded with spaces ("张 三") is kept without them ("张三").
    pub(crate) fn credit(&self, range: Range<usize>, name: &str) -> Credit {
        let range = trimmed(self.src, range);
        credit_in(self.src, range, name)
    }
}

/// The credit printed at bytes `range` of `buf`, naming `name` (see [`Builder::credit`]).
fn credit_in(buf: &Arc<String>, range: Range<usize>, name: &str) -> Credit {
    let name = if name.contains(char::is_whitespace) {
        SharedStr::from(name.split_whitespace().collect::<String>())
    } else {
        match buf[range.clone()].find(name) {
            Some(i) => SharedStr::range_of(buf, range.start + i..range.start + i + name.len()),
            None => SharedStr::from(name),
        }
    };
    Credit {
        name,
        src: to_u32(range.start, "a source offset"),
        text: SharedStr::range_of(buf, range),
    }
}

/// A block's text while it is built: a range of the source while it is one line's text,
/// a buffer of its own once it is a concatenation.
#[derive(Debug)]
enum Text {
    Source(Range<usize>),
    Own(String),
}

/// A block being built ([`Builder::lines`]): its text cut and joined by byte offsets in
/// the text, then made a [`Block`] ([`Draft::finish`]).
#[derive(Debug)]
pub(crate) struct Draft<'a> {
    src: &'a Arc<String>,
    kind: BlockKind,
    text: Text,
    parts: Vec<Part>,
    credit: Option<Credit>,
    /// The joins into this paragraph: source offset, and the ranges of the excerpts in
    /// the text.
    joins: Vec<(usize, Range<usize>, Range<usize>)>,
}

impl Draft<'_> {
    /// The block's text as it stands now.
    pub fn text(&self) -> &str {
        match &self.text {
            Text::Source(range) => &self.src[range.clone()],
            Text::Own(s) => s,
        }
    }

    /// The byte offset in the source where the text starts.
    pub fn src(&self) -> usize {
        self.parts.first().map_or(0, |p| p.src())
    }

    /// The byte offset in the source of byte `offset` of the text.
    pub(crate) fn src_at(&self, offset: usize) -> usize {
        let idx = self.parts.partition_point(|p| p.offset() <= offset);
        self.parts
            .get(idx.saturating_sub(1))
            .map_or(0, |p| p.src() + (offset - p.offset()))
    }

    /// The header line of bytes `range` of the text (a dateline or byline that opens a
    /// paragraph), white space at its ends trimmed; its position is the source offset
    /// of the trimmed text's first byte.
    pub(crate) fn header(&self, range: Range<usize>) -> HeaderLine {
        let range = trimmed(self.text(), range);
        HeaderLine::new(
            self.text()[range.clone()].to_string(),
            self.src_at(range.start),
        )
    }

    /// Removes the first `n` bytes of the text (a dateline that opens the paragraph) and
    /// the white space after them; the parts after the first move back with the text.
    pub(crate) fn cut_front(&mut self, n: usize) {
        let rest = &self.text()[n..];
        let n = n + (rest.len() - rest.trim_start().len());
        match &mut self.text {
            Text::Source(range) => range.start += n,
            Text::Own(s) => {
                s.drain(..n);
            }
        }
        if let Some(first) = self.parts.first_mut() {
            // The text now starts `n` bytes further on in the first part's source line.
            *first = Part::new(0, first.src() + n);
        }
        for part in self.parts.iter_mut().skip(1) {
            *part = Part::new(part.offset().saturating_sub(n), part.src());
        }
    }

    /// Keeps `caption` of the text (bytes of it) as the block's text, and `credit` (bytes
    /// of it, after the caption) as its credit, `name` (bytes of the text) the name it
    /// gives ([`Builder::credit`]).
    pub(crate) fn split_credit(
        &mut self,
        caption: Range<usize>,
        credit: Range<usize>,
        name: Range<usize>,
    ) {
        let src = to_u32(self.src_at(credit.start), "a source offset");
        let name = &self.text()[name];
        let found = match &self.text {
            Text::Source(range) => credit_in(
                self.src,
                range.start + credit.start..range.start + credit.end,
                name,
            ),
            // A credit cut from a concatenation has a buffer of its own.
            Text::Own(s) => {
                let printed = Arc::new(s[credit].to_string());
                credit_in(&printed, 0..printed.len(), name)
            }
        };
        match &mut self.text {
            Text::Source(range) => *range = range.start + caption.start..range.start + caption.end,
            // The text is trimmed, so the caption is where it starts.
            Text::Own(s) if caption.start == 0 => s.truncate(caption.end),
            Text::Own(s) => *s = s[caption].to_string(),
        }
        self.credit = Some(Credit { src, ..found });
    }

    /// Sets the block's credit (a credit line of its own, [`Builder::credit`]).
    pub(crate) fn set_credit(&mut self, credit: Credit) {
        self.credit = Some(credit);
    }

    /// The block's kind.
    pub(crate) fn kind(&self) -> BlockKind {
        self.kind
    }

    /// Whether the block has a credit.
    pub(crate) fn has_credit(&self) -> bool {
        self.credit.is_some()
    }

    /// A caption of no text whose credit is all it holds (a credit alone, where a
    /// caption stands): its credit, to be given to the caption it stands under; `None`
    /// for any other block.
    pub(crate) fn credit_alone(&self) -> Option<&Credit> {
        self.credit.as_ref().filter(|_| self.text().is_empty())
    }

    /// Appends `next` (a paragraph continued after a break) to this one, recording the
    /// join (its excerpts, [`JOIN_EXCERPT_CHARS`] characters either side of the break).
    pub(crate) fn append(&mut self, next: &Draft<'_>) {
        let text = self.own();
        let before = excerpt_end(text);
        if needs_space(text, next.text()) {
            text.push(' ');
        }
        let offset = text.len();
        let after = excerpt_start(next.text());
        text.push_str(next.text());
        self.joins
            .push((next.src(), before, offset + after.start..offset + after.end));
        self.parts.extend(
            next.parts
                .iter()
                .map(|part| Part::new(part.offset() + offset, part.src())),
        );
    }

    /// The text as a buffer of its own (copied from the source the first time).
    fn own(&mut self) -> &mut String {
        if let Text::Source(range) = &self.text {
            self.text = Text::Own(self.src[range.clone()].to_string());
        }
        match &mut self.text {
            Text::Own(s) => s,
            Text::Source(_) => unreachable!("made a buffer of its own above"),
        }
    }

    /// The block: its text a range of the source while it is one, else its own buffer;
    /// its joins added to `joins`, their excerpts slices of its text.
    pub(crate) fn finish(self, joins: &mut Vec<Join>) -> Block {
        let text = match self.text {
            Text::Source(range) => SharedStr::range_of(self.src, range),
            Text::Own(mut s) => {
                s.shrink_to_fit();
                SharedStr::from(s)
            }
        };
        joins.extend(self.joins.into_iter().map(|(src, before, after)| Join {
            src: to_u32(src, "a source offset"),
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
            preformatted: false,
        }
    }
}

/// Cuts the first `cut` bytes off a block already made (a dateline or bracketed byline
/// a markup format found opening a paragraph): its text starts after them, its parts
/// move back with it (the first part keeps the element's offset moved on by nothing:
/// the formats' `anchor_text` finds the text's own place), and its style spans in
/// `article` move back, those wholly before the cut left out, one across it cut short.
/// `cut` is a byte offset on a character boundary of the block's text.
pub(crate) fn cut_block_front(article: &mut super::Article, b: &mut Block, cut: usize) {
    b.text = b.text.slice(cut..b.text.len());
    let mut parts: Vec<Part> = Vec::with_capacity(b.parts.len());
    for p in b.parts.iter() {
        if p.offset() <= cut {
            // A part that began before the cut: the text starts in it now.
            parts.clear();
            parts.push(Part::new(0, p.src()));
        } else {
            parts.push(Part::new(p.offset() - cut, p.src()));
        }
    }
    b.parts = parts.into();
    if b.styles == super::StylesId::NONE {
        return;
    }
    let spans: Vec<super::StyleSpan> = article
        .styles_of(b)
        .iter()
        .filter_map(|s| {
            let end = (s.end as usize).checked_sub(cut).filter(|&e| e > 0)?;
            let start = (s.start as usize).saturating_sub(cut);
            Some(super::StyleSpan {
                start: u32::try_from(start).ok()?,
                end: u32::try_from(end).ok()?,
                style: s.style,
            })
        })
        .collect();
    b.styles = article.add_styles(spans);
}

/// Cuts a block already made at byte `end` of its text (a note a markup format found
/// closing a paragraph, made a block of its own): its text ends there, its parts after
/// it left out, its style spans in `article` cut short there. `end` is on a character
/// boundary of the block's text.
pub(crate) fn cut_block_back(article: &mut super::Article, b: &mut Block, end: usize) {
    b.text = b.text.slice(0..end);
    let parts: Vec<Part> = b
        .parts
        .iter()
        .filter(|p| p.offset() == 0 || p.offset() < end)
        .copied()
        .collect();
    b.parts = parts.into();
    if b.styles == super::StylesId::NONE {
        return;
    }
    let spans: Vec<super::StyleSpan> = article
        .styles_of(b)
        .iter()
        .filter(|s| (s.start as usize) < end)
        .map(|s| super::StyleSpan {
            start: s.start,
            end: s.end.min(u32::try_from(end).unwrap_or(u32::MAX)),
            style: s.style,
        })
        .collect();
    b.styles = article.add_styles(spans);
}

/// A block of `kind` made of `range` of a block already made (a bracketed byline a
/// markup format found opening a paragraph, kept as a block of its own): its parts are
/// those of `b` inside the range, the first starting at byte `src` of the source (where
/// the format found the text standing); no style spans, no credit; preformatted when
/// `b` is. `range` is on
/// character boundaries of `b.text`.
pub(crate) fn block_slice(
    b: &Block,
    kind: super::BlockKind,
    range: Range<usize>,
    src: usize,
) -> Block {
    let mut parts = vec![Part::new(0, src)];
    for p in b.parts.iter() {
        if p.offset() > range.start && p.offset() < range.end {
            parts.push(Part::new(p.offset() - range.start, p.src()));
        }
    }
    Block {
        kind,
        text: b.text.slice(range),
        parts: parts.into(),
        credit: None,
        file: b.file,
        styles: super::StylesId::NONE,
        preformatted: b.preformatted,
    }
}

/// The credit a block's whole text is (a credit alone, naming `name`, a slice of its
/// text or the name without its padding): printed as the block's text without white
/// space at its ends, where that stands in the source.
pub(crate) fn block_credit(b: &Block, name: &str) -> Credit {
    let text = b.text.as_str();
    let start = text.len() - text.trim_start().len();
    let end = text.trim_end().len().max(start);
    let printed = b.text.slice(start..end);
    let name = match printed.find(name) {
        Some(i) if !name.contains(char::is_whitespace) => printed.slice(i..i + name.len()),
        _ => SharedStr::from(name.split_whitespace().collect::<String>()),
    };
    Credit {
        name,
        text: printed,
        src: to_u32(b.src_at(start), "a source offset"),
    }
}

/// Makes `b` (a credit alone where a caption stands) a caption of no text whose credit
/// is its text, naming `name` ([`block_credit`]).
pub(crate) fn credit_only_caption(b: &mut Block, name: &str) {
    let credit = block_credit(b, name);
    let src = credit.src as usize;
    b.kind = super::BlockKind::Caption;
    b.text = b.text.slice(0..0);
    b.parts = Parts::one(src);
    b.credit = Some(Box::new(credit));
}

/// Moves a block's start in the source to byte `src` (where a markup format found the
/// block's first characters standing as they are), its other parts unchanged.
pub(crate) fn move_block_start(b: &mut Block, src: usize) {
    let mut parts = b.parts.as_slice().to_vec();
    if let Some(first) = parts.first_mut() {
        *first = Part::new(0, src);
    }
    b.parts = parts.into();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The source ranges of the lines of `text` (without line ends).
    fn line_ranges(text: &str) -> Vec<Range<usize>> {
        let mut at = 0;
        text.split('\n')
            .map(|l| {
                let r = at..at + l.len();
                at += l.len() + 1;
                r
            })
            .collect()
    }

    #[test]
    fn one_line_is_a_slice_of_the_source_and_several_own_their_concatenation() {
        let src = Arc::new("  第一段,一行。 \n第二段,\n两行。\nbig cities in\nChina.".to_string());
        let b = Builder::new(&src);
        let lines = line_ranges(&src);
        let mut joins = Vec::new();
        let one = b
            .lines(BlockKind::Paragraph, [lines[0].clone()])
            .finish(&mut joins);
        assert_eq!(one.text, "第一段,一行。");
        assert!(one.text.shares(&src));
        assert_eq!(one.src(), 2);
        let two = b
            .lines(BlockKind::Paragraph, lines[1..3].iter().cloned())
            .finish(&mut joins);
        assert_eq!(two.text, "第二段,两行。");
        assert!(!two.text.shares(&src));
        assert_eq!(two.parts.len(), 2);
        assert_eq!(two.src_at("第二段,".len()), lines[2].start);
        let latin = b
            .lines(BlockKind::Paragraph, lines[3..5].iter().cloned())
            .finish(&mut joins);
        assert_eq!(latin.text, "big cities in China.");
        assert_eq!(latin.src_at("big cities in ".len()), lines[4].start);
        assert!(joins.is_empty());
    }

    #[test]
    fn header_lines_are_trimmed_and_placed_where_their_text_starts() {
        let src = Arc::new("标题\n\u{3000}本报北京2月1日电（记者 林海） 正文。".to_string());
        let b = Builder::new(&src);
        let line = line_ranges(&src)[1].clone();
        let h = b.header(line.clone());
        assert_eq!(h.text, "本报北京2月1日电（记者 林海） 正文。");
        assert_eq!(h.src as usize, line.start + "\u{3000}".len());
        let mut d = b.lines(BlockKind::Paragraph, [line.clone()]);
        let dateline = "本报北京2月1日电".len();
        let by = d.header(dateline..dateline + "（记者 林海） ".len());
        assert_eq!(by.text, "（记者 林海）");
        assert_eq!(&src[by.src as usize..][..by.text.len()], by.text);
        d.cut_front(dateline + "（记者 林海）".len());
        assert_eq!(d.text(), "正文。");
        let block = d.finish(&mut Vec::new());
        assert_eq!(&src[block.src()..][..block.text.len()], block.text);
        assert!(block.text.shares(&src), "a cut line is still a slice");
    }

    #[test]
    fn a_credit_split_off_a_line_shares_the_source_and_off_a_concatenation_owns_it() {
        let src = Arc::new("峰会现场 张三 摄\n两行的\n图片说明 张 三 摄".to_string());
        let b = Builder::new(&src);
        let lines = line_ranges(&src);
        let mut one = b.lines(BlockKind::Caption, [lines[0].clone()]);
        let cap = 0.."峰会现场".len();
        let credit = "峰会现场 ".len()..lines[0].len();
        let name = credit.start..credit.start + "张三".len();
        one.split_credit(cap, credit, name);
        let one = one.finish(&mut Vec::new());
        let c = one.credit.as_deref().expect("a credit");
        assert_eq!(
            (one.text.as_str(), c.text.as_str(), c.name.as_str()),
            ("峰会现场", "张三 摄", "张三")
        );
        assert!(one.text.shares(&src) && c.text.shares(&src) && c.name.shares(&src));
        assert_eq!(c.src as usize, "峰会现场 ".len());
        let mut two = b.lines(BlockKind::Caption, lines[1..3].iter().cloned());
        let text_len = two.text().len();
        let credit = "两行的图片说明 ".len()..text_len;
        two.split_credit(
            0.."两行的图片说明".len(),
            credit.clone(),
            credit.start..text_len - " 摄".len(),
        );
        let two = two.finish(&mut Vec::new());
        let c = two.credit.as_deref().expect("a credit");
        assert_eq!(
            (two.text.as_str(), c.text.as_str(), c.name.as_str()),
            ("两行的图片说明", "张 三 摄", "张三")
        );
        assert!(!c.text.shares(&src));
        assert_eq!(&src[c.src as usize..][..c.text.len()], c.text);
        let own = b.credit(lines[0].start + "峰会现场".len()..lines[0].end, "张三");
        assert_eq!(
            (own.text.as_str(), own.src as usize),
            ("张三 摄", "峰会现场 ".len())
        );
    }

    #[test]
    fn appending_records_the_join_with_excerpts_of_the_joined_text() {
        let src =
            Arc::new("一二三四五六七八九十甲乙丙丁\n\n戊己庚辛壬癸子丑寅卯辰巳午未申".to_string());
        let b = Builder::new(&src);
        let lines = line_ranges(&src);
        let mut first = b.lines(BlockKind::Paragraph, [lines[0].clone()]);
        first.append(&b.lines(BlockKind::Paragraph, [lines[2].clone()]));
        let mut joins = Vec::new();
        let block = first.finish(&mut joins);
        assert_eq!(
            block.text,
            "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申"
        );
        assert_eq!(block.parts.len(), 2);
        assert_eq!(
            block.src_at("一二三四五六七八九十甲乙丙丁".len()),
            lines[2].start
        );
        assert_eq!(joins.len(), 1);
        assert_eq!(joins[0].src as usize, lines[2].start);
        assert_eq!(joins[0].before, "三四五六七八九十甲乙丙丁");
        assert_eq!(joins[0].after, "戊己庚辛壬癸子丑寅卯辰巳");
        assert!(
            joins[0].before.as_ptr() >= block.text.as_ptr(),
            "an excerpt is a slice of the text"
        );
    }

    proptest::proptest! {
        /// Whatever the lines, every part of a block stands in the source as it is at its
        /// offset, and the text is the trimmed lines with nothing but spaces between.
        #[test]
        fn every_part_stands_in_the_source(
            lines in proptest::collection::vec("[ a-z\u{3000}甲乙,.-]{1,12}", 1..5)
        ) {
            let src = Arc::new(lines.join("\n"));
            let b = Builder::new(&src);
            let ranges = line_ranges(&src);
            let block = b.lines(BlockKind::Paragraph, ranges.iter().cloned()).finish(&mut Vec::new());
            for (i, p) in block.parts.iter().enumerate() {
                let end = block.parts.get(i + 1).map_or(block.text.len(), |n| n.offset());
                let part = block.text[p.offset()..end].trim_end_matches(' ');
                proptest::prop_assert_eq!(&src[p.src()..][..part.len()], part);
            }
            let want: String = lines.iter().map(|l| l.trim()).collect();
            let got: String = block.text.split(' ').collect();
            proptest::prop_assert_eq!(got, want.replace(' ', ""));
        }
    }
}
