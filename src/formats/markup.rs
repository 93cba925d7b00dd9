//! What the formats with markup (HTML, Markdown, EPUB) share: where a block stands in the
//! source ([`SourcePos`], [`SourceLines`]), the builder that puts the extracted text in one
//! buffer of its own and makes the blocks slices of it ([`Builder`]), and the rules on
//! the kinds of text a page holds — a caption's credit ([`split_credit`]), an info line
//! under the headline ([`parse_info`]), an editor's note ([`is_note`]), a bold line that
//! is a pull quote or a byline rather than a subhead ([`bold_line_is_heading`]).
//!
//! The shown text of a page is not a slice of its source (entities, markup, white
//! space): [`Builder`] copies it once into an `Arc<String>` and every block, credit and
//! header is a range of that, while each block keeps the source line (and byte offset)
//! of the element it came from, so `check` findings and jumps point into the file.

use std::ops::Range;
use std::sync::Arc;

use crate::article::{Article, BlockKind, HeaderLine, InlineStyle, LineNo, StyleSpan};
use crate::text::chinese::is_han;
use crate::text::chinese::is_slash;
use crate::text::lines::LineIndex;

/// Where an element starts in the source file: its byte offset and its 1-based line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct SourcePos {
    /// Byte offset in the decoded source text.
    pub(crate) offset: usize,
    /// 1-based line.
    pub(crate) line: LineNo,
}

/// A source's positions for the markup parsers: the one line index
/// ([`crate::text::lines::LineIndex`]: lines end at `\n`, `\r\n` or a lone `\r`, as
/// html5ever and pulldown-cmark count them) turned into [`SourcePos`].
#[derive(Debug, Clone)]
pub(crate) struct SourceLines {
    index: LineIndex,
    /// The source's length in bytes.
    len: usize,
    /// The line the source's end stands on ([`LineIndex::end_line`]).
    last: LineNo,
}

impl SourceLines {
    pub fn new(text: &str) -> SourceLines {
        let index = LineIndex::new(text);
        let last = index.end_line(text);
        SourceLines {
            index,
            len: text.len(),
            last,
        }
    }

    /// The position of byte `offset` (past the end: the line the end stands on).
    pub(crate) fn at_offset(&self, offset: usize) -> SourcePos {
        let line = if offset >= self.len {
            self.last
        } else {
            self.index.line_of(offset)
        };
        SourcePos { offset, line }
    }

    /// The position of the start of 1-based `line` (clamped to the line the source's end
    /// stands on, which starts at the end after a final line end).
    pub(crate) fn at_line(&self, line: LineNo) -> SourcePos {
        let line = line.clamp(1, self.last);
        SourcePos {
            offset: self.index.start_of(line).unwrap_or(self.len),
            line,
        }
    }
}

/// A credit found at the end of a caption: the name and the credit as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundCredit {
    pub(crate) name: String,
    pub(crate) printed: String,
}

struct Draft {
    kind: BlockKind,
    text: Range<usize>,
    pos: SourcePos,
    credit: Option<(Range<usize>, Range<usize>, SourcePos)>,
    /// Inline styles, offsets in the block's text.
    styles: Vec<StyleSpan>,
    /// Pushed as preformatted text ([`Builder::preformatted`]).
    preformatted: bool,
}

/// The attribute of the paragraph that stands for a book's chapter left out (too large,
/// missing, outside the book: [`crate::formats::epub`]): the HTML reader makes it a note.
pub(crate) const SKIPPED_ATTR: &str = "data-yuedu-skipped";

/// The attribute of a book's chapter section ([`crate::formats::epub`]) that lists the
/// table-of-contents entries pointing at an element inside the chapter, one a line: the
/// element's id, a tab, the entry's label. The HTML reader puts each heading where its
/// element opens ([`Builder::push_toc_head`]).
pub(crate) const CHAPTER_ANCHORS: &str = "data-yuedu-anchors";

/// The attribute of a book's chapter section naming the classes its linked style
/// sheets make bold, parted by spaces (the HTML reader counts them bold).
pub(crate) const BOLD_CLASSES_ATTR: &str = "data-yuedu-bold";

/// The article's header fields, each with the source position it came from.
#[derive(Debug, Clone, Default)]
pub(crate) struct Header {
    pub(crate) title: Option<(String, SourcePos)>,
    pub(crate) byline: Option<(String, SourcePos)>,
    pub(crate) authors: Vec<String>,
    pub(crate) source: Option<(String, SourcePos)>,
    pub(crate) date: Option<(String, SourcePos)>,
    pub(crate) column: Option<(String, SourcePos)>,
}

/// Marks a page prints before a caption to point at its photo (▲ above, ↓ below).
const CAPTION_POINTERS: &[char] = &['▲', '△', '▼', '▽', '↑', '↓', '☝', '👆', '👇'];

/// Labels a page puts before a caption's text for screen readers ("图像加注文字，",
/// "Image caption, "), visually hidden: not the caption's text.
const CAPTION_LABELS: &[&str] = &[
    "图像加注文字",
    "圖像加註文字",
    "图片说明",
    "圖片說明",
    "图说",
    "圖說",
    "图注",
    "Image caption",
    "Caption",
];

/// Labels a page prints before a caption's text to say it is one ("图：X", "配图：X",
/// "圖片：X"), only before a colon: "图/X", "图丨X" are credits, "图为X" a sentence.
const PRINTED_CAPTION_LABELS: &[&str] =
    &["图片", "圖片", "配图", "配圖", "题图", "題圖", "图", "圖"];

/// `text` without a caption label and its separator before it — a screen reader's
/// ([`CAPTION_LABELS`], before ，：:,) or a printed one ([`PRINTED_CAPTION_LABELS`], 图：
/// 配图：, before a colon); `None` when it opens with none, nothing follows the label, or
/// the whole is a credit ("图：赵一凡").
pub(crate) fn strip_caption_label(text: &str) -> Option<&str> {
    let t = trim_text(text);
    // "图：赵一凡", "图片：新华社": a credit alone, its label the credit's — unless what
    // follows a bare 图： names no one ("图：三种开头的对比"): the caption's words.
    if let Some(name) = crate::text::chinese::credit_only(t) {
        let bare = t
            .strip_prefix(['图', '圖'])
            .is_some_and(|r| trim_text(r).starts_with(['：', ':']));
        if !bare || reads_as_credit(name) {
            return None;
        }
    }
    let labelled = |labels: &[&str], separators: &[char]| {
        labels.iter().find_map(|l| {
            let rest = t.strip_prefix(l)?;
            let rest = rest.strip_prefix(separators)?;
            let rest = trim_text(rest);
            (!rest.is_empty()).then_some(rest)
        })
    };
    labelled(CAPTION_LABELS, &['，', ',', '：', ':'])
        .or_else(|| labelled(PRINTED_CAPTION_LABELS, &['：', ':']))
}

/// Whether `name`, what follows a bare 图：, is whom or where a picture is from: a
/// person's name, an agency or organisation, a name in Latin letters (Getty Images), or
/// one that says it gave or made the picture (受访者提供, 资料来源…).
fn reads_as_credit(name: &str) -> bool {
    let n = trim_text(name);
    crate::text::chinese::is_person_name(n)
        || crate::text::chinese::is_news_agency(n)
        || is_organisation(n)
        || n.chars().any(|c| c.is_ascii_alphabetic())
        || [
            "提供", "供图", "供圖", "来源", "來源", "摄", "攝", "图片", "圖片", "照片",
        ]
        .iter()
        .any(|w| n.ends_with(w))
}

/// Collects blocks in reading order into one text buffer.
#[derive(Default)]
pub(crate) struct Builder {
    text: String,
    drafts: Vec<Draft>,
    /// The blocks pushed now are preformatted text ([`Builder::preformatted`]).
    preformatted: bool,
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// Runs `push` with the blocks it adds marked as preformatted text when `on` (a
    /// code block, a `<pre>`: [`crate::article::Block::preformatted`]); blocks pushed
    /// outside it are not.
    pub(crate) fn preformatted<R>(&mut self, on: bool, push: impl FnOnce(&mut Builder) -> R) -> R {
        let was = std::mem::replace(&mut self.preformatted, on);
        let out = push(self);
        self.preformatted = was;
        out
    }

    /// Adds a block of `kind` with `text` (empty text adds nothing).
    pub(crate) fn push(&mut self, kind: BlockKind, text: &str, pos: SourcePos) {
        self.push_styled(kind, text, Vec::new(), pos);
    }

    /// Adds a block of `kind` with `text` and its inline `styles` (byte offsets in
    /// `text`, sorted by start, as [`Styled::finish`] gives them). Empty text adds
    /// nothing.
    pub(crate) fn push_styled(
        &mut self,
        kind: BlockKind,
        text: &str,
        styles: Vec<StyleSpan>,
        pos: SourcePos,
    ) {
        if text.is_empty() {
            return;
        }
        let range = self.put(text);
        self.drafts.push(Draft {
            kind,
            text: range,
            pos,
            credit: None,
            styles,
            preformatted: self.preformatted,
        });
    }

    /// Adds a caption, its credit split off when it ends in one ([`split_credit`]).
    pub(crate) fn push_caption(&mut self, text: &str, pos: SourcePos) {
        self.push_caption_styled(text, Vec::new(), pos);
    }

    /// [`Builder::push_caption`] with the caption's inline `styles` (byte offsets in
    /// `text`): they stay on the caption's text; the credit has none.
    pub(crate) fn push_caption_styled(
        &mut self,
        text: &str,
        mut styles: Vec<StyleSpan>,
        pos: SourcePos,
    ) {
        // The mark pointing at the photo ("▲阿梅在店里蒸肠粉。", "↑ 渡口"): the reader
        // draws its own before every caption.
        let rest = trim_text(text).trim_start_matches(CAPTION_POINTERS);
        let rest = strip_caption_label(rest).unwrap_or(rest);
        if rest.len() < trim_text(text).len() && !trim_text(rest).is_empty() {
            let cut = text.len() - rest.len() + leading_space(rest);
            styles.retain_mut(|s| {
                s.start = to_u32((s.start as usize).saturating_sub(cut));
                s.end = to_u32((s.end as usize).saturating_sub(cut));
                s.start < s.end
            });
            return self.push_caption_styled(&text[cut..], styles, pos);
        }
        // A credit on a line of its own under its caption ("…看热闹。<br>新华社记者
        // X 摄"): the credit of the caption just before it, when that has none.
        if let Some(name) = crate::text::chinese::credit_only(text)
            && self.ends_in_uncredited_caption()
        {
            let name = squeeze_name(trim_text(name));
            let printed = self.put(trim_text(text));
            let name = self.put(&name);
            if let Some(d) = self.drafts.last_mut() {
                d.credit = Some((name, printed, pos));
            }
            return;
        }
        // A credit alone where a caption stands ("图｜视觉中国" under a photo): the
        // photo's credit, a caption of no text.
        if let Some(name) = crate::text::chinese::credit_only(text) {
            let name = squeeze_name(trim_text(name));
            let printed = trim_text(text).to_string();
            self.push_credited_caption("", Vec::new(), &printed, &name, pos, pos);
            return;
        }
        let (range, credit) = split_credit_at(text);
        let caption = &text[range.clone()];
        match credit {
            Some(c) if !caption.is_empty() => {
                // The caption is bytes `range` of `text`: the spans move to its start
                // and end at its end.
                let lead = range.start;
                styles.retain_mut(|s| {
                    let start = (s.start as usize).saturating_sub(lead).min(caption.len());
                    let end = (s.end as usize).saturating_sub(lead).min(caption.len());
                    s.start = to_u32(start);
                    s.end = to_u32(end);
                    start < end
                });
                let text = self.put(caption);
                let printed = self.put(&c.printed);
                let name = self.put(&c.name);
                self.drafts.push(Draft {
                    kind: BlockKind::Caption,
                    text,
                    pos,
                    credit: Some((name, printed, pos)),
                    styles,
                    preformatted: self.preformatted,
                });
            }
            _ => self.push_styled(BlockKind::Caption, text, styles, pos),
        }
    }

    /// A caption whose text is `caption` (may be empty: a photo with its credit alone)
    /// and whose credit is `printed` as the page prints it, `name` the credited name.
    pub(crate) fn push_credited_caption(
        &mut self,
        caption: &str,
        styles: Vec<StyleSpan>,
        printed: &str,
        name: &str,
        pos: SourcePos,
        credit_pos: SourcePos,
    ) {
        let caption = trim_text(caption);
        let caption = strip_caption_label(caption).unwrap_or(caption);
        let text = self.put(caption);
        let printed = self.put(trim_text(printed));
        let name = self.put(&squeeze_name(trim_text(name)));
        self.drafts.push(Draft {
            kind: BlockKind::Caption,
            text,
            pos,
            credit: Some((name, printed, credit_pos)),
            styles,
            preformatted: self.preformatted,
        });
    }

    /// Gives the last block, a caption without a credit, the credit `line` (a credit
    /// alone, [`crate::text::chinese::credit_only`]); false when the last block is no
    /// such caption or `line` is no credit.
    pub(crate) fn credit_last_caption(&mut self, line: &str, pos: SourcePos) -> bool {
        let Some(name) = crate::text::chinese::credit_only(line) else {
            return false;
        };
        if !self.ends_in_uncredited_caption() {
            return false;
        }
        let name = squeeze_name(trim_text(name));
        let printed = self.put(trim_text(line));
        let name = self.put(&name);
        if let Some(d) = self.drafts.last_mut() {
            d.credit = Some((name, printed, pos));
        }
        true
    }

    /// The kind and text of the last block.
    pub(crate) fn last_block(&self) -> Option<(BlockKind, &str)> {
        self.drafts
            .last()
            .map(|d| (d.kind, &self.text[d.text.clone()]))
    }

    /// The kinds and texts of the blocks from the `start`th on.
    pub(crate) fn blocks_since(&self, start: usize) -> Vec<(BlockKind, &str)> {
        self.drafts
            .get(start..)
            .unwrap_or_default()
            .iter()
            .map(|d| (d.kind, &self.text[d.text.clone()]))
            .collect()
    }

    /// Takes the blocks from the `start`th on away, to be given again as one: the
    /// position of the first of them.
    pub(crate) fn take_since(&mut self, start: usize) -> Option<SourcePos> {
        let pos = self.drafts.get(start).map(|d| d.pos);
        self.drafts.truncate(start);
        pos
    }

    /// Makes the last block, a paragraph, a caption (its credit split off): a caption
    /// the page prints above its photo, known once the photo comes.
    pub(crate) fn last_paragraph_to_caption(&mut self) {
        if !self
            .drafts
            .last()
            .is_some_and(|d| d.kind == BlockKind::Paragraph)
        {
            return;
        }
        let Some(d) = self.drafts.pop() else { return };
        let text = self.text[d.text.clone()].to_string();
        // The dropped range stays in the buffer, unused (a few bytes).
        self.preformatted(d.preformatted, |b| {
            b.push_caption_styled(&text, d.styles, d.pos);
        });
    }

    /// Whether the last block is a note reading `text`, white space aside (a page that
    /// prints its editor line twice, the second time beside a button).
    pub(crate) fn ends_in_note(&self, text: &str) -> bool {
        let bare = |s: &str| s.chars().filter(|c| !is_trimmed(*c)).collect::<String>();
        self.drafts.last().is_some_and(|d| {
            d.kind == BlockKind::Note && bare(&self.text[d.text.clone()]) == bare(text)
        })
    }

    /// Whether the last block is a caption without a credit (a credit line under it
    /// is its credit: [`Builder::push_caption_styled`]).
    pub(crate) fn ends_in_uncredited_caption(&self) -> bool {
        self.drafts
            .last()
            .is_some_and(|d| d.kind == BlockKind::Caption && d.credit.is_none())
    }

    fn put(&mut self, s: &str) -> Range<usize> {
        let start = self.text.len();
        self.text.push_str(s);
        start..self.text.len()
    }

    /// How many blocks there are.
    pub fn len(&self) -> usize {
        self.drafts.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.drafts.is_empty()
    }

    /// The article: the blocks as slices of one buffer, the header as given.
    pub(crate) fn finish(self, header: Header) -> Article {
        let buf = Arc::new(self.text);
        let mut article = Article::default();
        let build = crate::article::builder::Builder::new(&buf);
        let blocks = self
            .drafts
            .into_iter()
            .map(|d| {
                let mut block = build.block(d.kind, d.text, d.pos.offset);
                if let Some((name, printed, pos)) = d.credit {
                    block.set_credit(build.credit_at(printed, name, pos.offset));
                }
                let mut block = block.finish(&mut Vec::new());
                block.styles = article.add_styles(d.styles);
                block.preformatted = d.preformatted;
                block
            })
            .collect();
        let line =
            |h: Option<(String, SourcePos)>| h.map(|(text, pos)| HeaderLine::new(text, pos.offset));
        Article {
            style_lists: article.style_lists,
            title: line(header.title),
            byline: line(header.byline),
            authors: header.authors,
            source: line(header.source),
            date: line(header.date),
            column: line(header.column),
            blocks,
            ..Article::default()
        }
    }
}

/// Moves each block's start from its element to where the block's first characters
/// stand in `source`, when they stand there as they are on the element's line (not
/// behind an entity or markup): `check` then gives the column of the text, not of the
/// tag. A block whose text is not found keeps the element's offset.
///
/// Blocks come in source order, so on a line that holds several (a page written on one
/// line, minified) a block's text is looked for after the previous block's, then from
/// its element. Each look goes at most [`ANCHOR_WINDOW`] bytes, and all of them together
/// a few times the source's length (then [`ANCHOR_NEAR`] bytes each): the time stays
/// linear in the source however the page is written.
pub(crate) fn anchor_text(article: &mut Article, source: &str) {
    let lines = crate::text::lines::LineIndex::new(source);
    let mut budget = source.len().saturating_mul(4).saturating_add(1 << 20);
    let mut cursor = 0usize;
    for b in &mut article.blocks {
        let Some(first) = b.parts.as_slice().first().copied() else {
            continue;
        };
        let at = first.src();
        let text = b.text.as_str();
        let end = text.char_indices().nth(4).map_or(text.len(), |(i, _)| i);
        if end == 0 {
            continue;
        }
        let needle = &text[..end];
        let after_previous = cursor > at && lines.line_of(at) == lines.line_of(cursor);
        let starts = if after_previous {
            [Some(cursor), Some(at)]
        } else {
            [Some(at), None]
        };
        let mut found = None;
        for from in starts.into_iter().flatten() {
            let Some(rest) = source.get(from..) else {
                continue;
            };
            let window = if budget > 0 {
                ANCHOR_WINDOW
            } else {
                ANCHOR_NEAR
            };
            let rest = &rest[..floor_char_boundary(rest, window)];
            let line = &rest[..crate::text::lines::line_end(rest, 0).0];
            budget = budget.saturating_sub(line.len());
            if let Some(i) = memchr::memmem::find(line.as_bytes(), needle.as_bytes()) {
                found = Some(from + i);
                break;
            }
            // Written otherwise: behind tags or as character references ("<b>&#22270;"),
            // or in an attribute (an image's alt).
            if let Some(at) = written_on_line(source, from, line.len(), text, 4) {
                found = Some(at);
                break;
            }
        }
        if let Some(pos) = found {
            cursor = pos + needle.len();
            crate::article::builder::move_block_start(b, pos);
        }
        // A caption's credit: where it stands after its caption (in the same attribute or
        // element).
        let from = b.src();
        if let Some(c) = b.credit.as_mut()
            && let Some(rest) = source.get(from..)
        {
            let line = crate::text::lines::line_end(rest, 0).0.min(ANCHOR_WINDOW);
            let printed = c.text.as_str();
            let end = printed
                .char_indices()
                .nth(4)
                .map_or(printed.len(), |(i, _)| i);
            let at = memchr::memmem::find(&rest.as_bytes()[..line], &printed.as_bytes()[..end])
                .map(|i| from + i)
                .or_else(|| written_on_line(source, from, line, printed, 4));
            if let Some(at) = at {
                c.src = u32::try_from(at).unwrap_or(c.src);
            }
        }
    }
    // The head's lines, from the page's elements or its meta: where their text stands
    // on their element's line, in its text or in an attribute's value. A line the page
    // does not print (meta's byline) was given the headline's place: it moves with it.
    let title_was = article.title.as_ref().map(|t| t.src);
    let mut lines = [
        &mut article.banner,
        &mut article.kicker,
        &mut article.title,
        &mut article.subtitle,
        &mut article.column,
        &mut article.dateline,
        &mut article.byline,
        &mut article.source,
        &mut article.date,
    ];
    let mut unmoved = Vec::new();
    for (k, h) in lines.iter_mut().enumerate() {
        let Some(h) = h.as_mut() else {
            continue;
        };
        let from = h.src as usize;
        let at = source.get(from..).and_then(|rest| {
            let line = crate::text::lines::line_end(rest, 0).0.min(ANCHOR_WINDOW);
            let text = h.text.as_str();
            let end = text.char_indices().nth(4).map_or(text.len(), |(i, _)| i);
            if end == 0 {
                return None;
            }
            memchr::memmem::find(&rest.as_bytes()[..line], &text.as_bytes()[..end])
                .map(|i| from + i)
                .or_else(|| written_on_line(source, from, line, text, 4))
        });
        match at {
            Some(at) => h.src = u32::try_from(at).unwrap_or(h.src),
            None => unmoved.push(k),
        }
    }
    let title_now = lines[2].as_ref().map(|t| t.src);
    if let (Some(was), Some(now)) = (title_was, title_now) {
        for k in unmoved {
            if let Some(h) = lines[k].as_mut().filter(|h| h.src == was) {
                h.src = now;
            }
        }
    }
}

/// Where the first `chars` characters of `text` stand in `source[from..from + len]`
/// written otherwise than as they are: after tags from `from` (text content), else in
/// one run of characters and references (an attribute's value)
/// ([`crate::text::source_map`]).
fn written_on_line(
    source: &str,
    from: usize,
    len: usize,
    text: &str,
    chars: usize,
) -> Option<usize> {
    use crate::formats::html::syntax::HtmlSyntax;
    use crate::text::source_map::{align, find_written};
    let last = text
        .char_indices()
        .nth(chars.saturating_sub(1))
        .or_else(|| text.char_indices().last())?
        .0;
    align(&HtmlSyntax, source, from, text, last, len)
        .and_then(|_| align(&HtmlSyntax, source, from, text, 0, len))
        .or_else(|| find_written(source, from, from + len, text, chars))
}

/// How far (bytes) [`anchor_text`] looks for a block's text from where it starts
/// looking: past a tag's attributes, an inline script or a share bar between blocks.
const ANCHOR_WINDOW: usize = 64 * 1024;

/// How far [`anchor_text`] looks once it has looked through its budget.
const ANCHOR_NEAR: usize = 1024;

/// The largest char boundary of `s` at or below `max` bytes.
fn floor_char_boundary(s: &str, max: usize) -> usize {
    if max >= s.len() {
        return s.len();
    }
    (0..=max)
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0)
}

/// Whether `text` is a line of ornaments alone — "◆ ◆ ◆", "* * *", "●●●", "※※※",
/// "~ ~ ~": at most 24 characters (spaces aside), each a symbol of the geometric shapes,
/// dingbats, stars or miscellaneous symbols blocks, an asterisk, a middle dot, a tilde
/// or a dash, with no letter, digit or sentence punctuation. Such a line printed between
/// two parts of a feature is a section break (a scene break).
pub(crate) fn is_decoration(text: &str) -> bool {
    let t = trim_text(text);
    let marks = t.chars().filter(|c| !c.is_whitespace()).count();
    (1..=24).contains(&marks)
        && t.chars().all(|c| {
            c.is_whitespace()
                || matches!(c,
                    '\u{25A0}'..='\u{25FF}' // Geometric Shapes: ■ □ ● ○ ◆ ◇ ▲ △
                    | '\u{2600}'..='\u{27BF}' // Miscellaneous Symbols, Dingbats: ★ ☆ ✦ ❖
                    | '\u{2B50}'..='\u{2B55}' // ⭐ ⭕
                    | '*' | '＊' | '※' | '·' | '•' | '・' | '~' | '～' | '-' | '—' | '─' | '='
                    | '#' | '＃' | '+')
        })
        // A dash alone is a dash, not a break.
        && t.chars().any(|c| !matches!(c, '-' | '—' | '─') && !c.is_whitespace())
}

/// A dateline is looked for at the start of this many of the body's first paragraphs, as
/// the plain-text parser does (a deck or editor's note may come before it).
const DATELINE_PARAGRAPHS: usize = 6;

/// Reads the kinds of text the plain-text parser knows by their printed shape in a
/// page's paragraphs, with the plain-text parser's own rules
/// ([`crate::formats::text::line_kind`], [`crate::formats::text::dateline_len`]), so a
/// page and the same lines in a `.txt` file give the same outline:
///
/// - a paragraph that is a note — （完）, （责任编辑：X）, （編輯：X）1151120, （记者 X 整理）
///   — is a note; one that is a byline marked as one (（记者 X）, 文／X) is a byline, its
///   names added to the authors; one that is only a credit (图丨受访者提供) a caption; a
///   box head (编者按, 相关链接) alone is a heading when a paragraph follows it;
/// - a dateline — 本报北京11月20日电, 新华社上海11月20日电（记者 X）, （中央社記者X台北20日電）
///   — alone in a paragraph or opening one of the first [`DATELINE_PARAGRAPHS`] is the
///   article's dateline (its bracketed byline the byline, when the page gave none), and
///   the paragraph is what follows it; a paragraph that was only the dateline is gone;
/// - a bracketed byline opening one of those paragraphs without a dateline — （记者 X）,
///   〔記者X／台南報導〕 — is the article's byline, when the page gave none.
///
/// `source` is the page's text: the dateline's position is where it stands on its
/// element's line, when it stands there as it is.
pub(crate) fn recover_text_kinds(article: &mut Article, source: &str) {
    use crate::formats::text::{
        LineKind, dateline_len, dateline_reporters, line_kind, opening_byline,
    };
    use crate::text::forms::byline;
    let mut tries = DATELINE_PARAGRAPHS;
    let blocks = std::mem::take(&mut article.blocks);
    let mut out = Vec::with_capacity(blocks.len());
    let mut blocks = blocks.into_iter().peekable();
    while let Some(mut b) = blocks.next() {
        // (An ornament line a format made a heading, bold or centred, is decided below
        // like one it left a paragraph.)
        let ornament = b.kind == BlockKind::Heading && is_decoration(&b.text);
        // Preformatted text (code, `<pre>`) is shown as it is set: none of its lines is a
        // note, byline or dateline of the article.
        if (b.kind != BlockKind::Paragraph && !ornament) || b.preformatted {
            out.push(b);
            continue;
        }
        let kind = line_kind(&b.text);
        // A box head heads what follows it; over nothing, or over links a page's related
        // box left out, it stays as it was.
        let heads_text = blocks.peek().is_some_and(|n| {
            n.kind == BlockKind::Paragraph && line_kind(&n.text) == LineKind::Text
        });
        match kind {
            // A line of ornaments alone (◆ ◆ ◆, * * *, ●●●) breaks the text into
            // sections, as a short line does in plain text: a heading over the text after
            // it, never a paragraph; over a heading or nothing it heads no section, and is
            // shown apart as a note.
            _ if is_decoration(&b.text) => {
                let over_text = blocks
                    .peek()
                    .is_some_and(|n| n.kind == BlockKind::Paragraph);
                b.kind = if over_text {
                    BlockKind::Heading
                } else {
                    BlockKind::Note
                };
            }
            LineKind::Note => b.kind = BlockKind::Note,
            LineKind::BoxHead if heads_text => b.kind = BlockKind::Heading,
            LineKind::Byline | LineKind::Dateline => b.kind = BlockKind::Byline,
            // A credit alone ("图片来源：网络", "图丨受访者提供" under the byline), as in
            // plain text: the credit of the caption just above it when that has none,
            // else a caption of no text with that credit — never a paragraph, nor a
            // caption whose text is its credit.
            LineKind::Credit => {
                if let Some(name) = crate::text::chinese::credit_only(&b.text) {
                    let name = name.to_string();
                    if let Some(above) = out.last_mut().filter(|a| {
                        a.kind == BlockKind::Caption && a.credit.is_none() && a.file == b.file
                    }) {
                        let credit = crate::article::builder::block_credit(&b, &name);
                        above.credit = Some(Box::new(credit));
                        continue;
                    }
                    crate::article::builder::credit_only_caption(&mut b, &name);
                } else {
                    b.kind = BlockKind::Caption;
                }
            }
            _ => {}
        }
        if b.kind != BlockKind::Paragraph {
            // Notes, bylines and headings are drawn in their own style, never with
            // inline styles.
            b.styles = crate::article::StylesId::NONE;
        }
        let opens = b.kind == BlockKind::Paragraph && tries > 0;
        if opens {
            tries -= 1;
        }
        if (opens || kind == LineKind::Dateline)
            && article.dateline.is_none()
            && let Some(at) = dateline_len(trim_text(&b.text))
        {
            let lead = b.text.len() - b.text.trim_start().len();
            let src = anchored(source, b.src(), &b.text[lead..lead + at.dateline]);
            let dateline = &b.text[lead..lead + at.dateline];
            add_authors(&mut article.authors, dateline_reporters(dateline));
            article.dateline = Some(HeaderLine::new(dateline.to_string(), src));
            let mut cut = lead + at.dateline;
            if at.end > at.dateline
                && let Some(by) = byline(&b.text[cut..lead + at.end])
            {
                let text = trim_text(&b.text[cut..lead + at.end]);
                if article.byline.is_none() {
                    let src = anchored(source, b.src(), text);
                    article.byline = Some(HeaderLine::new(text.to_string(), src));
                } else {
                    // The page printed another byline (an info line): the reporters
                    // after the dateline are a byline of their own, never the story.
                    let from = cut + leading_space(&b.text[cut..]);
                    let to = from + text.len();
                    let src = anchored(source, b.src(), text);
                    out.push(crate::article::builder::block_slice(
                        &b,
                        BlockKind::Byline,
                        from..to,
                        src,
                    ));
                }
                add_authors(&mut article.authors, by.authors);
                cut = lead + at.end;
            }
            let rest = trim_text(&b.text[cut..]);
            if rest.is_empty() {
                continue;
            }
            let from = cut + leading_space(&b.text[cut..]);
            crate::article::builder::cut_block_front(article, &mut b, from);
        } else if opens
            && article.dateline.is_none()
            && let Some((end, by)) = opening_byline(&b.text)
        {
            // A bracketed byline opening the paragraph: the article's byline; a byline
            // block of its own when the page printed another (an info line).
            if article.byline.is_none() {
                let src = anchored(source, b.src(), &b.text[..end]);
                article.byline = Some(HeaderLine::new(b.text[..end].to_string(), src));
            } else {
                let from = leading_space(&b.text);
                let to = from + trim_text(&b.text[..end]).len();
                let src = anchored(source, b.src(), &b.text[from..to]);
                out.push(crate::article::builder::block_slice(
                    &b,
                    BlockKind::Byline,
                    from..to,
                    src,
                ));
            }
            add_authors(&mut article.authors, by.authors);
            let from = end + leading_space(&b.text[end..]);
            crate::article::builder::cut_block_front(article, &mut b, from);
        }
        if b.kind == BlockKind::Byline
            && let Some(by) = byline(&b.text)
        {
            if by.authors.iter().all(|a| is_organisation(a)) {
                // "（中國時報）" closing the story: the publication, a note saying where
                // the story comes from; the page's source when it names none.
                b.kind = BlockKind::Note;
                if article.source.is_none()
                    && let Some(org) = by.authors.first()
                {
                    let src = anchored(source, b.src(), org);
                    article.source = Some(HeaderLine::new(org.clone(), src));
                }
            } else {
                add_authors(&mut article.authors, by.authors);
            }
        }
        // A note closing a paragraph ("…阿忠說。（編輯：陳小華）1151129"): a note of its own.
        if b.kind == BlockKind::Paragraph
            && let Some(at) = closing_note_at(&b.text)
        {
            let end = at - (b.text[..at].len() - b.text[..at].trim_end().len());
            let to = at + trim_text(&b.text[at..]).len();
            // Looked for on the source line of the part the note stands in.
            let part_src = b
                .parts
                .iter()
                .rfind(|p| p.offset() <= at)
                .map_or(b.src(), |p| p.src());
            let src = anchored(source, part_src, &b.text[at..to]);
            let note = crate::article::builder::block_slice(&b, BlockKind::Note, at..to, src);
            crate::article::builder::cut_block_back(article, &mut b, end);
            out.push(b);
            out.push(note);
            continue;
        }
        out.push(b);
    }
    article.blocks = out;
}

/// Where a note in brackets closing a paragraph starts (a byte offset of `text`): an
/// editor's line, a provenance or an end mark after the paragraph's last sentence —
/// "…阿忠說。（編輯：陳小華）1151129", "…回家了。（完）" — as the plain-text parser
/// reads the same note on a line of its own ([`crate::formats::text::line_kind`],
/// [`crate::formats::furniture::note_text`]).
fn closing_note_at(text: &str) -> Option<usize> {
    use crate::formats::text::{LineKind, line_kind};
    let t = text.trim_end();
    // A note is short: look only at the last brackets, 60 characters from the end.
    let from = t.char_indices().rev().nth(60).map_or(0, |(i, _)| i);
    let (i, _) = t[from..]
        .char_indices()
        .rev()
        .find(|&(_, c)| c == '（' || c == '(')?;
    let at = from + i;
    let head = t[..at].trim_end();
    let tail = &t[at..];
    let closed = head.ends_with(['。', '！', '？', '」', '”', '』', '…', '.', '!', '?']);
    let note = line_kind(tail) == LineKind::Note
        || crate::formats::furniture::note_text(tail).is_some_and(|n| n == tail);
    (closed && note && !head.is_empty()).then_some(at)
}

/// `names` added to `authors`, each once.
/// A publication or agency (中國時報, 新华社) is no author ([`is_organisation`]).
fn add_authors(authors: &mut Vec<String>, names: Vec<String>) {
    for name in names {
        if !authors.contains(&name) && !is_organisation(&name) {
            authors.push(name);
        }
    }
}

/// Where `text` stands on the source line that starts at (or contains) byte `at`: its
/// offset when it stands there as it is, else `at` (an entity or markup between).
fn anchored(source: &str, at: usize, text: &str) -> usize {
    source
        .get(at..)
        .map(|rest| &rest[..crate::text::lines::line_end(rest, 0).0])
        .and_then(|line| line.find(text))
        .map_or(at, |i| at + i)
}

/// A byte offset as the model keeps it (sources are at most `u32::MAX` bytes).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// White space as HTML collapses it: runs of ASCII white space become one space, none
/// at all where a line break stood between two Chinese characters (CSS Text's segment
/// break rule), none at the ends. U+3000 and no-break spaces are kept inside, trimmed
/// at the ends.
pub(crate) fn collapse_ws(s: &str) -> String {
    let (out, _) = collapse_ws_mapped(s, |_, _| {});
    out
}

/// [`collapse_ws`], telling `kept(i, o)` for each character kept: it stood at byte `i`
/// of `s` and stands at byte `o` of the result before trimming; also returns how many
/// bytes the trimming took off the start.
fn collapse_ws_mapped(s: &str, mut kept: impl FnMut(usize, usize)) -> (String, usize) {
    let mut out = String::with_capacity(s.len());
    let mut pending: Option<bool> = None; // Some(had a line break)
    for (i, c) in s.char_indices() {
        if c.is_ascii_whitespace() {
            let br = c == '\n' || c == '\r';
            pending = Some(pending.unwrap_or(false) || br);
            continue;
        }
        if let Some(br) = pending.take() {
            let prev = out.chars().next_back();
            let cjk = |c: char| is_han(c) || is_wide_punct(c);
            let drop = br && prev.is_some_and(cjk) && cjk(c);
            if !out.is_empty() && !drop {
                out.push(' ');
            }
        }
        kept(i, out.len());
        out.push(c);
    }
    let lead = leading_space(&out);
    let trimmed = trim_text(&out).to_string();
    (trimmed, lead)
}

/// A block's text as a parser gathers it, with its inline styles: byte ranges of `text`
/// (markers are never text; the parser says which styles are open as it adds text).
#[derive(Debug, Clone, Default)]
pub(crate) struct Styled {
    pub(crate) text: String,
    spans: Vec<(Range<usize>, InlineStyle)>,
    /// The index in `spans` of the last span of each style (emphasis, strong): the one
    /// a piece of text right after it goes on with (looked up in constant time, however
    /// many spans a page puts in one paragraph).
    last: [Option<usize>; 2],
}

impl Styled {
    /// Adds `t`, in italics when `emphasis`, in bold when `strong`: a span of a style
    /// goes on where one ended just before (across text pieces and soft breaks).
    pub(crate) fn push(&mut self, t: &str, emphasis: bool, strong: bool) {
        let start = self.text.len();
        self.text.push_str(t);
        let end = self.text.len();
        if start == end {
            return;
        }
        for (k, on, style) in [
            (0, emphasis, InlineStyle::Emphasis),
            (1, strong, InlineStyle::Strong),
        ] {
            if !on {
                continue;
            }
            match self.last[k].and_then(|i| self.spans.get_mut(i)) {
                Some((r, _)) if r.end == start => r.end = end,
                _ => {
                    self.last[k] = Some(self.spans.len());
                    self.spans.push((start..end, style));
                }
            }
        }
    }

    /// The text with white space collapsed as [`collapse_ws`] does, and the styles over
    /// it (byte offsets in that text, sorted by start; spans left empty are dropped).
    pub(crate) fn collapsed(&self) -> (String, Vec<StyleSpan>) {
        if self.spans.is_empty() {
            return (collapse_ws(&self.text), Vec::new());
        }
        let mut map: Vec<(usize, usize)> = Vec::new();
        let (out, lead) = collapse_ws_mapped(&self.text, |i, o| map.push((i, o)));
        let spans = self.map_spans(&out, |r| {
            // The first kept character at or after the start, the last before the end.
            let first = map.partition_point(|&(i, _)| i < r.start);
            let last = map.partition_point(|&(i, _)| i < r.end);
            if first >= last {
                return None;
            }
            let (li, lo) = map[last - 1];
            let len = self.text[li..].chars().next().map_or(0, char::len_utf8);
            let start = map[first].1.saturating_sub(lead);
            let end = (lo + len).saturating_sub(lead);
            Some(start..end)
        });
        (out, spans)
    }

    /// Takes bytes `open` and `close` (two markers left as text, `open` before `close`)
    /// out of the text and gives the text between them `style`; the spans already there
    /// move with their text.
    pub(crate) fn mark_between(
        &mut self,
        open: Range<usize>,
        close: Range<usize>,
        style: InlineStyle,
    ) {
        let moved = |x: usize| {
            x - if x >= open.end {
                open.len()
            } else {
                x.saturating_sub(open.start)
            } - if x >= close.end {
                close.len()
            } else {
                x.saturating_sub(close.start).min(close.len())
            }
        };
        let mut text = String::with_capacity(self.text.len());
        text.push_str(&self.text[..open.start]);
        text.push_str(&self.text[open.end..close.start]);
        text.push_str(&self.text[close.end..]);
        for (r, _) in &mut self.spans {
            *r = moved(r.start)..moved(r.end);
        }
        self.spans.retain(|(r, _)| r.start < r.end);
        self.spans
            .push((open.start..close.start - open.len(), style));
        self.text = text;
        self.last = [None; 2];
    }

    /// Cuts the text at byte `at` (a character boundary), the styles with it.
    pub(crate) fn truncate(&mut self, at: usize) {
        if at >= self.text.len() || !self.text.is_char_boundary(at) {
            return;
        }
        self.text.truncate(at);
        for (r, _) in &mut self.spans {
            r.end = r.end.min(at);
            r.start = r.start.min(r.end);
        }
        self.spans.retain(|(r, _)| r.start < r.end);
        self.last = [None; 2];
    }

    /// The text from byte `from` on, with the styles over it.
    pub(crate) fn tail(&self, from: usize) -> Styled {
        let from = from.min(self.text.len());
        Styled {
            text: self.text[from..].to_string(),
            spans: self
                .spans
                .iter()
                .filter(|(r, _)| r.end > from)
                .map(|(r, s)| (r.start.max(from) - from..r.end - from, *s))
                .collect(),
            last: [None; 2],
        }
    }

    /// The text cut into `ranges` (byte ranges of it, in order, not overlapping), each
    /// with the styles over it: one pass over the styles, however many pieces.
    pub(crate) fn split(&self, ranges: &[Range<usize>]) -> Vec<Styled> {
        let mut out: Vec<Styled> = ranges
            .iter()
            .map(|r| Styled {
                text: self.text[r.clone()].to_string(),
                spans: Vec::new(),
                last: [None; 2],
            })
            .collect();
        for (r, style) in &self.spans {
            let first = ranges.partition_point(|p| p.end <= r.start);
            for (k, p) in ranges.iter().enumerate().skip(first) {
                if p.start >= r.end {
                    break;
                }
                let (a, b) = (r.start.max(p.start), r.end.min(p.end));
                if a < b {
                    out[k].spans.push((a - p.start..b - p.start, *style));
                }
            }
        }
        out
    }

    /// The text up to byte `to`, with the styles over it.
    pub(crate) fn head(&self, to: usize) -> Styled {
        let to = to.min(self.text.len());
        Styled {
            text: self.text[..to].to_string(),
            spans: self
                .spans
                .iter()
                .filter(|(r, _)| r.start < to)
                .map(|(r, s)| (r.start..r.end.min(to), *s))
                .collect(),
            last: [None; 2],
        }
    }

    /// The styles over `text`, which is the gathered text with `lead` bytes taken off
    /// its start and some off its end (for code, whose white space is kept).
    pub(crate) fn verbatim(&self, text: &str, lead: usize) -> Vec<StyleSpan> {
        self.map_spans(text, |r| {
            Some(r.start.saturating_sub(lead)..r.end.saturating_sub(lead))
        })
    }

    /// The spans moved by `at` into `out` (clamped to it), sorted by start.
    fn map_spans(
        &self,
        out: &str,
        at: impl Fn(&Range<usize>) -> Option<Range<usize>>,
    ) -> Vec<StyleSpan> {
        let mut spans: Vec<StyleSpan> = self
            .spans
            .iter()
            .filter_map(|(r, style)| {
                let r = at(r)?;
                let end = r.end.min(out.len());
                let start = r.start.min(end);
                (start < end && out.is_char_boundary(start) && out.is_char_boundary(end)).then(
                    || StyleSpan {
                        start: to_u32(start),
                        end: to_u32(end),
                        style: *style,
                    },
                )
            })
            .collect();
        spans.sort_by_key(|s| (s.start, s.end));
        spans
    }
}

/// `spans` moved `by` bytes on (a prefix such as a list marker put before the text).
pub(crate) fn shift_spans(spans: &mut [StyleSpan], by: usize) {
    for s in spans {
        s.start = to_u32(s.start as usize + by);
        s.end = to_u32(s.end as usize + by);
    }
}

/// `s` without white space at its ends, ideographic and no-break spaces included.
pub(crate) fn trim_text(s: &str) -> &str {
    s.trim_matches(is_trimmed)
}

/// What [`trim_text`] takes off the ends: white space of any kind.
pub(crate) fn is_trimmed(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'
}

/// How many bytes of white space `s` starts with (what [`trim_text`] takes off its start).
fn leading_space(s: &str) -> usize {
    s.len() - s.trim_start_matches(is_trimmed).len()
}

fn is_wide_punct(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '“' | '”' | '‘' | '’' | '…' | '—')
}

/// Marks that end a sentence or clause, where a credit after them starts.
const CLAUSE_END: &[char] = &['。', '！', '？', '；', '.', '!', '?', ';', '）', ')'];

/// Words before a photographer's name that are a role, not the name.
const CREDIT_ROLES: &[&str] = &[
    "新华社记者",
    "新华社发",
    "本报记者",
    "特约记者",
    "通讯员",
    "记者",
    "摄影",
    "图片",
    "图",
    "本報記者",
    "記者",
    "通訊員",
    "攝影",
    "圖片",
    "圖",
];

/// A caption that ends with its credit — "…果篮。 林小雨 摄", "…出发。许帆/摄", "…（张三
/// 摄）", "…。图/李四", "…。摄影：王五" — split into the caption and the credit (name
/// and the credit as printed). The plain-text parser's rule decides first
/// ([`crate::formats::text::trailing_credit_at`], every form it knows: 摄影丨X, X 图,
/// （摄影：X）, 图/X提供, photo by X, a date after the credit); else the credit is what
/// follows the caption's last sentence mark (or a space), at most 24 characters.
pub(crate) fn split_credit(text: &str) -> (&str, Option<FoundCredit>) {
    let (caption, credit) = split_credit_at(text);
    (&text[caption], credit)
}

/// [`split_credit`] with the caption as a byte range of `text` (white space at its ends
/// left out).
pub(crate) fn split_credit_at(whole: &str) -> (Range<usize>, Option<FoundCredit>) {
    let lead = leading_space(whole);
    let text = trim_text(whole);
    let all = lead..lead + text.len();
    if let Some(at) = crate::formats::text::trailing_credit_at(text) {
        let credit = FoundCredit {
            name: squeeze_name(&text[at.name]),
            printed: text[at.credit].to_string(),
        };
        let caption = lead + at.caption.start..lead + at.caption.end;
        return (without_separator(whole, caption), Some(credit));
    }
    let body = text
        .strip_suffix(['）', ')'])
        .map(trim_text)
        .unwrap_or(text);
    let paren = body.len() != text.len();
    // Suffix form: NAME 摄 / NAME/摄 / NAME 摄影 / NAME 供图.
    let suffix = ["摄影", "摄", "供图", "攝影", "攝", "提供"]
        .into_iter()
        .find_map(|s| body.strip_suffix(s).map(|rest| (rest, s)));
    let (start, name) = if let Some((rest, _)) = suffix {
        let rest = rest.trim_end_matches(|c: char| {
            c.is_whitespace() || is_slash(c) || matches!(c, '\u{3000}' | '\u{a0}')
        });
        let start = if paren {
            match rest.rfind(['（', '(']) {
                Some(i) => i,
                None => return (all, None),
            }
        } else {
            credit_start(rest)
        };
        // "（图片为作者拍摄）", "（图为X拍摄）": the credited one is X.
        let name = rest[start..].trim_start_matches(['（', '(']);
        let name = ["图片为", "图为", "照片为", "圖片為", "圖為", "照片為"]
            .into_iter()
            .find_map(|p| name.strip_prefix(p))
            .map_or(name, |n| n.strip_suffix('拍').unwrap_or(n));
        // "无人机拍摄": how the picture was taken, the caption's words; no credit.
        let Some(name) = crate::text::chinese::shot_by(name) else {
            return (all, None);
        };
        (start, name.to_string())
    } else {
        // Prefix form after the caption: 图/NAME, 摄影：NAME, 图片来源：NAME.
        let start = credit_start(body);
        let tail = trim_text(&body[start..]);
        let label = [
            "图片来源",
            "圖片來源",
            "图像来源",
            "圖像來源",
            "摄影",
            "攝影",
            "摄",
            "攝",
            "图",
            "圖",
            "来源",
            "來源",
            "资料图",
            "資料照",
        ]
        .into_iter()
        .find_map(|l| tail.strip_prefix(l).map(|r| (l, r)))
        .and_then(|(l, r)| {
            // "图像来源，Getty Images": a source's label may take a comma.
            let comma = l.ends_with('源') && r.starts_with(['，', ',']);
            r.strip_prefix(|c: char| {
                is_slash(c)
                    || matches!(c, '：' | ':' | '｜' | '|')
                    || (comma && matches!(c, '，' | ','))
            })
        });
        match label {
            Some(name) => (start, name.to_string()),
            None => {
                return match leading_credit_at(text) {
                    Some((caption, credit)) => {
                        (lead + caption.start..lead + caption.end, Some(credit))
                    }
                    None => (all, None),
                };
            }
        }
    };
    let mut name = trim_text(&name).to_string();
    // "西湾日报记者 孟 川", "新华社发 （王五 摄）": the name is what follows the role.
    for role in CREDIT_ROLES {
        if let Some(i) = name.rfind(role) {
            let rest = trim_text(&name[i + role.len()..]);
            if !rest.is_empty() {
                name = rest.to_string();
            }
        }
    }
    let name = squeeze_name(&name);
    let printed = trim_text(&text[start..]);
    let n = name.chars().count();
    if !(2..=16).contains(&n) || printed.chars().count() > 24 || name.contains(CLAUSE_END) {
        return (all, None);
    }
    let caption_at = lead + leading_space(&text[..start]);
    let caption = caption_at..caption_at + trim_text(&text[..start]).len();
    (
        without_separator(whole, caption),
        Some(FoundCredit {
            name,
            printed: printed.to_string(),
        }),
    )
}

/// A credit printed before its caption, set apart by an ideographic space or two spaces,
/// as Taiwanese and Hong Kong papers print it: "圖／取自黃河漁場臉書　漁場夜景",
/// "摄影：王小川  清晨的渡口". The caption as a byte range of `text`, and the credit.
fn leading_credit_at(text: &str) -> Option<(Range<usize>, FoundCredit)> {
    const LABELS: &[&str] = &[
        "图片来源",
        "圖片來源",
        "图片",
        "圖片",
        "摄影",
        "攝影",
        "图",
        "圖",
        "照片",
    ];
    let after = LABELS.iter().find_map(|l| text.strip_prefix(l))?;
    let after = after.strip_prefix(|c: char| crate::text::chinese::is_label_separator(c))?;
    let gap = after
        .find('\u{3000}')
        .into_iter()
        .chain(after.find("  "))
        .chain(after.find('\u{a0}'))
        .min()?;
    let printed = trim_text(&text[..text.len() - after.len() + gap]);
    let name = squeeze_name(crate::text::chinese::without_taken_from(trim_text(
        &after[..gap],
    )));
    let caption = trim_text(&after[gap..]);
    let n = name.chars().count();
    if !(2..=16).contains(&n) || name.contains(CLAUSE_END) || caption.chars().count() < 2 {
        return None;
    }
    let start = text.len() - after.len() + gap + leading_space(&after[gap..]);
    Some((
        start..start + caption.len(),
        FoundCredit {
            name,
            printed: printed.to_string(),
        },
    ))
}

/// `caption` (a range of `whole`) without the bar or slash that set its credit apart
/// ("周末的绘本课 | 图源：受访者", "夜景 / 摄影：X"), nor the space before it; all of it if
/// nothing else is left.
fn without_separator(whole: &str, caption: Range<usize>) -> Range<usize> {
    let kept = whole[caption.clone()]
        .trim_end_matches(|c: char| is_trimmed(c) || is_slash(c) || matches!(c, '|' | '｜' | '丨'));
    if kept.is_empty() {
        caption
    } else {
        caption.start..caption.start + kept.len()
    }
}

/// Where a credit at the end of `s` starts: after the last clause-ending mark, else
/// after the last space (a caption with no closing mark), else 0.
fn credit_start(s: &str) -> usize {
    let tail_from = |i: usize| {
        s[i..]
            .char_indices()
            .find(|(_, c)| !c.is_whitespace() && *c != '\u{3000}' && *c != '\u{a0}')
            .map_or(s.len(), |(j, _)| i + j)
    };
    // A bar sets a credit apart as a sentence mark does ("…对面｜受访者供图").
    if let Some((i, c)) = s
        .char_indices()
        .rev()
        .find(|(_, c)| CLAUSE_END.contains(c) || matches!(c, '｜' | '|' | '丨'))
    {
        return tail_from(i + c.len_utf8());
    }
    match s.rfind(|c: char| c.is_whitespace() || c == '\u{3000}') {
        Some(i) => {
            // A name padded with one space ("许 帆") keeps both halves.
            let before = s[..i].trim_end();
            let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
            let cut = if last.chars().count() == 1 && s[i..].trim().chars().count() == 1 {
                before.len() - last.len()
            } else {
                i
            };
            tail_from(cut)
        }
        None => 0,
    }
}

/// A person's name with its padding removed: "高  远" → "高远", "周 航" → "周航"; Latin
/// names keep single spaces.
pub(crate) fn squeeze_name(s: &str) -> String {
    let parts: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}')
        .filter(|p| !p.is_empty())
        .collect();
    let han = |p: &&str| p.chars().all(is_han);
    if parts.iter().all(han) {
        parts.concat()
    } else {
        parts.join(" ")
    }
}

/// What an info line under a headline says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Info {
    pub(crate) date: Option<String>,
    pub(crate) source: Option<String>,
    pub(crate) authors: Vec<String>,
}

/// Labels before the authors' names in a byline or info line.
pub(crate) const AUTHOR_LABELS: &[&str] = &[
    "本报记者",
    "特约记者",
    "见习记者",
    "实习记者",
    "记者",
    "本報記者",
    "記者",
    "通讯员",
    "通訊員",
    "实习生",
    "作者",
    "撰文",
    "文字",
    "文",
    // Who put the text together (an interview's, a talk's): named with the authors.
    "整理",
    "采写",
    "採寫",
    "撰稿",
    "编译",
    "編譯",
];

/// Labels of people who are not the article's authors (their names are skipped), and
/// of where a page's pictures come from (题图来自：视觉中国: an agency, not a writer).
const OTHER_LABELS: &[&str] = &[
    "题图来自",
    "题图",
    "頭圖",
    "头图",
    "題圖",
    "封面图",
    "图片来源",
    "图片来自",
    "圖片來源",
    "责任编辑",
    "编辑",
    "责编",
    "校对",
    "翻译",
    "翻譯",
    "译者",
    "譯者",
    "审核",
    "摄影",
    "图片",
    "图",
    "视频",
    "制图",
    "设计",
    "统筹",
    "监制",
    "主编",
    "責任編輯",
    "編輯",
    "攝影",
    "圖片",
    "圖",
    "影音",
    "製圖",
];

/// One-character roles printed after a byline's names ("本报记者 X 文/图"): never names.
const ROLE_CHARS: &[&str] = &["文", "图", "圖", "摄", "攝"];

/// Role words printed after a name ("宋知远 整理", "何苗 编辑"): never names.
const ROLE_WORDS: &[&str] = &[
    "整理", "采写", "採寫", "撰稿", "编译", "編譯", "翻译", "翻譯", "编辑", "編輯", "校对", "校對",
    "审校", "審校", "口述", "记录", "記錄", "供稿", "责编", "責編", "主编", "主編",
];

/// One author named by a page's metadata (`<meta name="author">`, front matter): the
/// byline's name when it reads as a byline with one ("南方某报记者 郑可" → 郑可), else
/// the value with its padding removed ([`squeeze_name`]).
pub(crate) fn meta_author(value: &str) -> String {
    match crate::text::forms::byline(value) {
        Some(b) if b.authors.len() == 1 => b.authors[0].clone(),
        _ => squeeze_name(value),
    }
}

/// News agencies printed by their short names (as a meta author or before 记者).
const AGENCIES: &[&str] = &[
    "新华社",
    "新華社",
    "中新社",
    "中央社",
    "法新社",
    "路透社",
    "美联社",
    "美聯社",
    "共同社",
    "韩联社",
    "韓聯社",
    "塔斯社",
];

/// Words a publication's or agency's name ends with.
const ORGANISATION_ENDS: &[&str] = &[
    "通讯社",
    "通訊社",
    "报",
    "報",
    "网",
    "網",
    "电视台",
    "電視台",
    "电台",
    "電台",
    "新闻",
    "新聞",
    "杂志",
    "雜誌",
    "周刊",
    "週刊",
    "月刊",
    "编辑部",
    "編輯部",
    "出版社",
];

/// Whether a name from a page's metadata names an organisation (a news agency, paper,
/// site or station: 中央社, 某某日报, 某某新闻网) rather than a person: an agency's short
/// name, or Han characters ending in a publication's word.
pub(crate) fn is_organisation(name: &str) -> bool {
    let name = trim_text(name);
    AGENCIES.contains(&name)
        || (name.chars().count() >= 3
            && name.chars().all(is_han)
            && ORGANISATION_ENDS.iter().any(|e| name.ends_with(e)))
}

/// Labels before the publication.
const SOURCE_LABELS: &[&str] = &["来源", "出处", "稿源", "來源", "出處", "来自", "來自"];

/// Labels before the date.
const DATE_LABELS: &[&str] = &[
    "发布时间",
    "发表时间",
    "时间",
    "日期",
    "发布日期",
    "發布時間",
    "發佈時間",
    "時間",
    "更新時間",
];

/// A line of one labelled field of a text's particulars — "作者：林间风", "来源：知乎",
/// "编辑 | 方圆", "链接：https://…": a known label (an author's, a staff member's, the
/// source's, the date's, a link's), a separator and a value, at most 80 characters.
/// A block of such lines written one under another (a Markdown quote or paragraph whose
/// lines are run together) is read a line at a time.
pub(crate) fn is_field_line(text: &str) -> bool {
    const LINK_LABELS: &[&str] = &["链接", "鏈接", "連結", "网址", "網址", "原文", "原文链接"];
    let t = trim_text(text);
    if t.chars().count() > 80 {
        return false;
    }
    let Some((i, sep)) = t
        .char_indices()
        .find(|&(_, c)| matches!(c, '：' | ':' | '|' | '｜' | '丨'))
    else {
        return false;
    };
    let label = trim_text(&t[..i]);
    let value = trim_text(&t[i + sep.len_utf8()..]);
    !value.is_empty()
        && [
            AUTHOR_LABELS,
            OTHER_LABELS,
            SOURCE_LABELS,
            DATE_LABELS,
            LINK_LABELS,
        ]
        .iter()
        .any(|l| l.contains(&label))
}

/// A public account's article's info line as its platform prints it, the original
/// mark first: "原创 NAME ACCOUNT DATE [PLACE]" — the writer, the account the article
/// is published on, when. With one word before the date it is the account's alone.
fn original_mark_line(line: &str, date: Option<&str>) -> Option<Info> {
    let rest = ["原创", "原創"].iter().find_map(|m| line.strip_prefix(m))?;
    if !rest.starts_with(|c: char| c.is_whitespace()) {
        return None;
    }
    let date = date?;
    let first = date.split_whitespace().next()?;
    let before = &rest[..rest.find(first)?];
    let words: Vec<&str> = before.split_whitespace().collect();
    let (names, account) = match words.as_slice() {
        [account] => (&[][..], *account),
        [names @ .., account] if names.len() <= 3 => (names, *account),
        _ => return None,
    };
    if names.iter().any(|n| n.chars().count() > 12) || account.chars().count() > 20 {
        return None;
    }
    Some(Info {
        date: Some(date.to_string()),
        source: Some(account.to_string()),
        authors: names.iter().map(|n| n.to_string()).collect(),
    })
}

/// Reads an info line — "2026-11-20 08:30 来源：东海日报 记者 林小雨 通讯员 高 远",
/// "文｜周 航　图｜许 帆", "作者：张三 | 2026年5月1日" — into its date, source and
/// authors. `None` when it is not one: longer than 120 characters, a sentence, or
/// with none of the three.
pub(crate) fn parse_info(line: &str) -> Option<Info> {
    let line = trim_text(crate::formats::furniture::trim_info(trim_text(line)));
    if line.chars().count() > 120 || line.ends_with(['。', '！', '？']) {
        return None;
    }
    let mut info = Info {
        date: find_date(line),
        ..Info::default()
    };
    if let Some(wechat) = original_mark_line(line, info.date.as_deref()) {
        return Some(wechat);
    }
    // Tokens: runs between spaces and separators; a token ended by a separator is a
    // label when it is one of the known words or one or two characters long.
    let mut tokens: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let seps = |c: char| {
        matches!(
            c,
            '：' | ':' | '｜' | '|' | '丨' | '】' | '【' | '[' | ']' | '、' | '，'
        ) || is_slash(c)
    };
    for (i, c) in line.char_indices() {
        let ws = c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}';
        if ws || seps(c) {
            if start < i {
                tokens.push((&line[start..i], seps(c)));
            } else if seps(c)
                && let Some(last) = tokens.last_mut()
            {
                last.1 = true;
            }
            start = i + c.len_utf8();
        }
    }
    if start < line.len() {
        tokens.push((&line[start..], false));
    }
    #[derive(PartialEq)]
    enum Mode {
        None,
        Authors,
        Others,
        Source,
        Date,
    }
    let mut mode = Mode::None;
    let mut names: Vec<&str> = Vec::new();
    let flush = |names: &mut Vec<&str>, out: &mut Vec<String>| {
        let mut i = 0;
        while i < names.len() {
            let one = |t: &str| t.chars().count() == 1;
            if one(names[i]) && i + 1 < names.len() && one(names[i + 1]) {
                out.push(format!("{}{}", names[i], names[i + 1]));
                i += 2;
            } else {
                out.push(names[i].to_string());
                i += 1;
            }
        }
        names.clear();
    };
    let mut labelled = false;
    // After "发自" standing alone ("发自 芹苴"): the place filed from, never a name.
    let mut place_next = false;
    for (tok, sep) in tokens {
        if std::mem::take(&mut place_next) {
            continue;
        }
        if matches!(tok, "发自" | "發自") {
            place_next = true;
            continue;
        }
        let label = |list: &[&str]| list.contains(&tok);
        // "记者林小雨": a role word fused with the name.
        let fused = AUTHOR_LABELS[..9].iter().find_map(|l| {
            tok.strip_prefix(l)
                .filter(|r| !r.is_empty() && r.chars().all(is_han))
        });
        // "澎湃新闻记者", "明報記者", "南方周末实习生": a paper's reporter or intern,
        // the names follow.
        let papers = ["记者", "記者", "实习生", "實習生", "通讯员", "通訊員"]
            .iter()
            .any(|r| {
                tok.strip_suffix(r).is_some_and(|o| {
                    tok.chars().count() <= 12
                        && (o.is_empty() || crate::text::chinese::is_outlet(o))
                })
            });
        // "来源于 财新周刊", "来源于财新周刊": the source, with no colon.
        let source_from = ["来源于", "來源於"]
            .iter()
            .find_map(|l| tok.strip_prefix(l));
        if (label(AUTHOR_LABELS) && (sep || tok.chars().count() > 1)) || papers {
            flush(&mut names, &mut info.authors);
            mode = Mode::Authors;
            labelled = true;
        } else if let Some(name) = fused {
            flush(&mut names, &mut info.authors);
            mode = Mode::Authors;
            labelled = true;
            names.push(name);
        } else if label(OTHER_LABELS) && (sep || tok.chars().count() > 1) {
            flush(&mut names, &mut info.authors);
            mode = Mode::Others;
            labelled = true;
        } else if label(SOURCE_LABELS) && sep {
            flush(&mut names, &mut info.authors);
            mode = Mode::Source;
            labelled = true;
        } else if let Some(rest) = source_from {
            flush(&mut names, &mut info.authors);
            labelled = true;
            let rest = trim_text(rest);
            if rest.is_empty() {
                mode = Mode::Source;
            } else {
                info.source.get_or_insert_with(|| rest.to_string());
                mode = Mode::None;
            }
        } else if label(DATE_LABELS) && sep {
            flush(&mut names, &mut info.authors);
            mode = Mode::Date;
            labelled = true;
        } else {
            match mode {
                // "台北報導", "北京电": a dateline, not a name.
                // "文/图": roles, not names.
                Mode::Authors if ROLE_CHARS.contains(&tok) || ROLE_WORDS.contains(&tok) => {}
                // "发自屏东": where the reporter filed from, a dateline's place.
                // "财新周刊": the publication the reporters write for.
                Mode::Authors
                    if tok.starts_with("发自")
                        || tok.starts_with("發自")
                        || is_organisation(tok) => {}
                Mode::Authors
                    if tok.chars().all(is_han)
                        && tok.chars().count() <= 4
                        && !["报道", "報導", "报导", "報道", "电", "電", "讯", "訊"]
                            .iter()
                            .any(|d| tok.ends_with(d)) =>
                {
                    names.push(tok)
                }
                Mode::Source if info.source.is_none() => {
                    info.source = Some(tok.to_string());
                    mode = Mode::None;
                }
                Mode::Date | Mode::Others => {}
                // An unlabelled publication among the pieces ("06:00 2026/11/23 中國時報"):
                // the source.
                Mode::None if info.source.is_none() && is_organisation(tok) => {
                    flush(&mut names, &mut info.authors);
                    info.source = Some(tok.to_string());
                }
                _ => {
                    flush(&mut names, &mut info.authors);
                    if mode != Mode::Date {
                        mode = Mode::None;
                    }
                }
            }
        }
    }
    flush(&mut names, &mut info.authors);
    // A byline with no label before it that says it is one by 报道 after the names
    // ("林芷瑜／花蓮報導"): `text/forms.rs`'s reading, its names the authors. (One in
    // brackets is a note or a dateline's, read by their rules.)
    if info.authors.is_empty()
        && !labelled
        && !line.starts_with(['（', '(', '〔', '【', '['])
        && let Some(b) = crate::text::forms::byline(line).filter(|b| b.marked)
    {
        info.authors = b.authors;
        labelled = true;
    }
    // Names parted by bars with no label ("Hanna Weber | 祁雨　2026年11月26日", as
    // international broadcasters' sites print their authors): two or more, each a
    // person's name (two to four Han characters, or two or three capitalised Latin
    // words), one of them Latin (two Han words parted by bars are as often a channel
    // and a section: "国内 | 社会").
    if info.authors.is_empty() && !labelled && info.source.is_none() {
        let rest = match &info.date {
            Some(d) => line.replace(d.as_str(), ""),
            None => line.to_string(),
        };
        let pieces: Vec<&str> = rest
            .split(['|', '｜', '丨'])
            .map(trim_text)
            .filter(|p| !p.is_empty())
            .collect();
        let latin_name = |p: &str| {
            let words: Vec<&str> = p.split(' ').filter(|w| !w.is_empty()).collect();
            (2..=3).contains(&words.len())
                && words.iter().all(|w| {
                    w.starts_with(|c: char| c.is_ascii_uppercase())
                        && w.chars()
                            .all(|c| c.is_ascii_alphabetic() || c == '-' || c == '.')
                })
        };
        if pieces.len() >= 2
            && pieces.iter().any(|p| latin_name(p))
            && pieces
                .iter()
                .all(|p| crate::text::chinese::is_person_name(p) || latin_name(p))
        {
            info.authors = pieces.into_iter().map(str::to_string).collect();
            labelled = true;
        }
    }
    let any = info.date.is_some() || info.source.is_some() || !info.authors.is_empty();
    (any && (labelled || info.date.is_some())).then_some(info)
}

/// The names of a byline written in English ("By Jane Doe", "By Jane Doe and Li Wei",
/// "by Jane Doe, Max Roe"): each of two or three capitalised Latin words.
pub(crate) fn latin_byline(line: &str) -> Option<Vec<String>> {
    let t = trim_text(line);
    let rest = ["By ", "by ", "BY "]
        .iter()
        .find_map(|p| t.strip_prefix(p))?;
    let names: Vec<String> = rest
        .split([',', '&', '、', '，'])
        .flat_map(|p| p.split(" and "))
        .map(|p| trim_text(p).to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let person = |p: &str| {
        let words: Vec<&str> = p.split(' ').filter(|w| !w.is_empty()).collect();
        (2..=3).contains(&words.len())
            && words.iter().all(|w| {
                w.starts_with(|c: char| c.is_ascii_uppercase())
                    && w.chars()
                        .all(|c| c.is_ascii_alphabetic() || c == '-' || c == '.' || c == '\'')
            })
    };
    (!names.is_empty() && names.len() <= 8 && names.iter().all(|n| person(n))).then_some(names)
}

/// A source as a page or its meta gives it, without its label: "来源：人民网－人民日报"
/// and "来源: 城市观察社" give 人民网－人民日报 and 城市观察社.
pub(crate) fn source_name(s: &str) -> &str {
    let s = trim_text(s);
    for l in SOURCE_LABELS {
        if let Some(rest) = s.strip_prefix(l) {
            let rest = trim_text(rest);
            if let Some(r) = rest.strip_prefix(['：', ':']) {
                return trim_text(r);
            }
        }
    }
    s
}

/// The authors a dateline at the start of a paragraph names: "新华社北京11月20日电（记者
/// 张三、李四）", "〔記者林美玲／台南報導〕", "本报讯（记者 王五）". Looked for in the
/// first 60 characters; the paragraph is left as it is.
pub(crate) fn dateline_authors(paragraph: &str) -> Vec<String> {
    let head: String = paragraph.chars().take(60).collect();
    let Some(open) = head.find(['〔', '（', '(', '【']) else {
        return Vec::new();
    };
    let rest = &head[open + head[open..].chars().next().map_or(1, char::len_utf8)..];
    let Some(close) = rest.find(['〕', '）', ')', '】']) else {
        return Vec::new();
    };
    parse_info(&rest[..close])
        .map(|i| i.authors)
        .unwrap_or_default()
}

/// A paper's print line, as a page of a newspaper's site closes its story: the
/// paper's name in 《》 and, in brackets after it, the date and the page
/// ("《中国青年报》（2026年11月25日 05版）", "《人民日报》（2026年11月25日 第 07 版）"). At
/// most 40 characters. The paper's name and the date ([`find_date`]).
pub(crate) fn print_line(text: &str) -> Option<(String, String)> {
    let t = trim_text(text);
    if t.chars().count() > 40 {
        return None;
    }
    let rest = t.strip_prefix('《')?;
    let (paper, rest) = rest.split_once('》')?;
    let inner = trim_text(rest)
        .strip_prefix(['（', '('])?
        .strip_suffix(['）', ')'])?;
    let date = find_date(inner)?;
    let paper = trim_text(paper);
    (!paper.is_empty() && paper.chars().count() <= 16 && inner.contains(['版', '面']))
        .then(|| (paper.to_string(), date))
}

/// The first date in `s`: 2026-11-20, 2026/11/20, 2026.11.20 or 2026年11月20日, with a
/// time after it (08:30, 08:30:15) when there is one.
pub(crate) fn find_date(s: &str) -> Option<String> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let digits = |from: usize, min: usize, max: usize| -> Option<usize> {
        let n = chars[from..]
            .iter()
            .take_while(|(_, c)| c.is_ascii_digit())
            .count();
        (min..=max).contains(&n).then_some(from + n)
    };
    for i in 0..chars.len() {
        if i > 0 && chars[i - 1].1.is_ascii_digit() {
            continue;
        }
        let Some(y) = digits(i, 4, 4) else { continue };
        let Some(&(_, sep1)) = chars.get(y) else {
            continue;
        };
        if !matches!(sep1, '-' | '/' | '.' | '年') {
            continue;
        }
        let Some(m) = digits(y + 1, 1, 2) else {
            continue;
        };
        let Some(&(_, sep2)) = chars.get(m) else {
            continue;
        };
        let want = if sep1 == '年' { '月' } else { sep1 };
        if sep2 != want {
            continue;
        }
        let Some(mut end) = digits(m + 1, 1, 2) else {
            continue;
        };
        if sep1 == '年' && chars.get(end).is_some_and(|c| c.1 == '日') {
            end += 1;
        }
        // A time after a space.
        let mut j = end;
        while chars.get(j).is_some_and(|c| c.1 == ' ' || c.1 == '\u{a0}') {
            j += 1;
        }
        if (j > end || sep1 == '年')
            && let Some(h) = digits(j, 1, 2)
            && chars.get(h).is_some_and(|c| c.1 == ':')
            && let Some(mut t) = digits(h + 1, 2, 2)
        {
            if chars.get(t).is_some_and(|c| c.1 == ':')
                && let Some(sec) = digits(t + 1, 2, 2)
            {
                t = sec;
            }
            end = t;
        }
        let from = chars[i].0;
        let to = chars.get(end).map_or(s.len(), |c| c.0);
        return Some(s[from..to].to_string());
    }
    None
}

/// Words an editor's line or end mark starts with.
const NOTE_WORDS: &[&str] = &[
    "责任编辑",
    "责编",
    "编辑",
    "校对",
    "审核",
    "审校",
    "值班编辑",
    "编审",
    "原标题",
    "本文来源",
    "本文系",
    "作者单位",
    "全文完",
    "完",
    "責任編輯",
    "責編",
    "編輯",
    "原標題",
    "全文完",
];

/// An editor's line or end mark: "（责任编辑：王 丽）", "责编：李四", "（完）", "【编辑：…】",
/// and every note the plain-text parser knows ([`crate::formats::text::is_note_line`]:
/// "（本报记者 X 整理）", "（編輯：X）1151120", "版式设计：X").
pub(crate) fn is_note(text: &str) -> bool {
    let t = trim_text(text);
    if t.chars().count() > 60 {
        return false;
    }
    // As the plain-text parser reads a line: a note by its shape (not a sentence that
    // happens to start with a label), and not page furniture.
    if crate::formats::text::line_kind(t) == crate::formats::text::LineKind::Note
        && crate::formats::text::is_note_line(t)
    {
        return true;
    }
    let inner = t
        .strip_prefix(['（', '(', '【', '['])
        .and_then(|r| r.strip_suffix(['）', ')', '】', ']']))
        .map(trim_text);
    let words = |s: &str| {
        NOTE_WORDS.iter().any(|w| {
            s.strip_prefix(w).is_some_and(|r| {
                r.is_empty() || r.starts_with(['：', ':', ' ', '\u{3000}', '/', '｜'])
            })
        })
    };
    match inner {
        Some(inner) => words(inner),
        None => words(t) && t != "完" && t.contains(['：', ':']),
    }
}

/// Whether a paragraph that is all bold is a subhead: short, not a quotation (a pull
/// quote), not a byline ("文｜周航"), not a sentence (ending in 。？！ or a clause
/// mark), not an interview's question ("问：…", "記者問：…", "Q: …"), not a photo's
/// credit ("图 / 受访者提供", "图片来源：视觉中国": `credit_only`), not an attribution
/// ("——摘自作者日记", "选自《城南旧事》": [`is_attribution`]), not symbols alone (an
/// icon's 📚 or ★; an ornament line is read by [`ornament`] before this).
pub(crate) fn bold_line_is_heading(text: &str) -> bool {
    is_subhead(text, false)
}

/// Whether a line set under a section's number ([`Ornament::Number`]: "01" over
/// "“不赚钱，但有人来”") is that section's head: the number says a head follows, so a
/// quotation with a clause mark inside it and a question or exclamation heads its
/// section there (WeChat's numbered heads: "01 / “先留下来，再说”", "02 / 为什么是县城？");
/// a line ending in a sentence's or clause's mark (。，；：) stays the text's, as do
/// bylines, notes, credits and attributions ([`bold_line_is_heading`]'s other rules).
pub(crate) fn heads_numbered_section(text: &str) -> bool {
    is_subhead(text, true)
}

/// [`bold_line_is_heading`], and with `numbered` [`heads_numbered_section`].
fn is_subhead(text: &str, numbered: bool) -> bool {
    let t = trim_text(text);
    let n = t.chars().count();
    if n == 0 || n > 30 || !t.chars().any(char::is_alphanumeric) || is_attribution(t) {
        return false;
    }
    // A pull quote is a quoted sentence: a quotation with a clause or sentence mark
    // inside it ("“我不走了。”", "“先留下，再说。”"). A short quoted phrase alone
    // (“再来一年”) or a head that opens with a quoted word (“按手印”的半辈子) is a
    // subhead, as feature pages print them.
    let quoted = !numbered
        && t.starts_with(['“', '「', '"', '『', '‘'])
        && (n > 20
            || t.contains([
                '。', '，', '；', '：', ':', ',', '？', '?', '！', '!', '、', '…',
            ]));
    let closing = t.trim_end_matches(['”', '」', '』', '’', '"', '）', ')']);
    let sentence = closing.ends_with(['。', '，', '；', '：', ':', ','])
        || (!numbered && closing.ends_with(['？', '?', '！', '!']));
    !quoted
        && !sentence
        && !is_question(t)
        && !is_speaker_line(t)
        && parse_info(t).is_none()
        && !is_note(t)
        && crate::text::chinese::credit_only(t).is_none()
}

/// Whether a line says where the text above it comes from: opened by a dash
/// ("——摘自作者日记", "── 鲁迅") or by 摘自, 选自, 节选自, 引自, 转载自, 出自 (and their
/// Traditional forms), or by 来源/來源 before a colon or slash.
pub(crate) fn is_attribution(t: &str) -> bool {
    let t = trim_text(t);
    let dashed = t.trim_start_matches(['—', '―', '─', '–']);
    if dashed.len() < t.len() {
        return !trim_text(dashed).is_empty();
    }
    const FROM: &[&str] = &[
        "摘自",
        "选自",
        "選自",
        "节选自",
        "節選自",
        "引自",
        "转载自",
        "轉載自",
        "出自",
        "摘编自",
        "摘編自",
    ];
    FROM.iter().any(|w| t.starts_with(w))
        || ["来源", "來源"].iter().any(|w| {
            t.strip_prefix(w)
                .is_some_and(|r| trim_text(r).starts_with(crate::text::chinese::is_label_separator))
        })
}

/// A line of an interview or a conversation opened by its speaker's name and a colon
/// ("李明：我们那时候……", "Mary: …"): two to four Han characters or a Latin name
/// before the colon, text after it. Not a numbered head ("第一章：出发").
fn is_speaker_line(t: &str) -> bool {
    let Some(colon) = t.find(['：', ':']) else {
        return false;
    };
    let label = trim_text(&t[..colon]);
    let after = trim_text(t[colon..].trim_start_matches(['：', ':']));
    let n = label.chars().count();
    let han_name = (2..=4).contains(&n)
        && label.chars().all(is_han)
        && !label.starts_with('第')
        && !label.chars().any(|c| "一二三四五六七八九十".contains(c));
    let latin_name = (2..=20).contains(&n)
        && label
            .chars()
            .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '.')
        && label.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    !after.is_empty() && (han_name || latin_name)
}

/// Who asks and answers in an interview, before the colon: 问, 答, 記者問, Q, A.
const INTERVIEW_LABELS: &[&str] = &[
    "问",
    "答",
    "問",
    "记者",
    "記者",
    "记者问",
    "記者問",
    "主持人",
    "Q",
    "A",
    "q",
    "a",
];

/// An interview's question or answer as its speaker's label opens it: "问：…",
/// "記者問：…", "Q: …", "Q1：…".
fn is_question(t: &str) -> bool {
    let Some(colon) = t.find(['：', ':']) else {
        return false;
    };
    let label = trim_text(&t[..colon]).trim_end_matches(|c: char| c.is_ascii_digit());
    INTERVIEW_LABELS.contains(&label)
}

/// What an ornament line alone in a page's body is ([`ornament`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ornament {
    /// A section's number set apart above its head: 01, Part 1, NO.2, 壹, ①, — 03 —.
    Number,
    /// Decoration only: ◆◆◆, ● ● ●, ※, ❖, ***, ——.
    Rule,
}

/// Whether `c` is decoration between or around a section's number: white space, the
/// dashes, bullets, stars and slashes pages print as rules, and the symbol blocks (box
/// drawing, geometric shapes, dingbats, miscellaneous symbols, emoji).
fn is_ornament_char(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '\u{3000}'
                | '*'
                | '＊'
                | '-'
                | '—'
                | '–'
                | '―'
                | '~'
                | '～'
                | '·'
                | '•'
                | '・'
                | '‧'
                | '='
                | '＝'
                | '#'
                | '＃'
                | '§'
                | '/'
                | '／'
                | '|'
                | '｜'
                | '.'
                | '_'
        )
        || ('\u{2190}'..='\u{21ff}').contains(&c) // arrows
        || ('\u{2500}'..='\u{27bf}').contains(&c) // box drawing … dingbats
        || ('\u{2b00}'..='\u{2bff}').contains(&c)
        || ('\u{1f300}'..='\u{1faff}').contains(&c)
        || c == '※'
}

/// Whether a block is one pictograph alone (U+1F300–U+1FAFF, with its variation
/// selector, skin tone or zero-width joins): a callout's or card's icon (Ghost's
/// `kg-callout-emoji` 📚, Notion's 💡), not a break between sections, which repeats its
/// marks or sets them among rules.
pub(crate) fn is_icon(text: &str) -> bool {
    let t = trim_text(text);
    let pictograph = |c: char| ('\u{1f300}'..='\u{1faff}').contains(&c);
    let tone = |c: char| ('\u{1f3fb}'..='\u{1f3ff}').contains(&c);
    let mut n = 0;
    for c in t.chars() {
        if pictograph(c) && !tone(c) {
            n += 1;
        } else if !matches!(c, '\u{fe0f}' | '\u{200d}') && !tone(c) {
            return false;
        }
    }
    n == 1
}

/// The number of a section set apart above its head (without its ornaments): ASCII or
/// full-width digits (1 to 3), a Chinese numeral (一…十, 壹…拾, up to 3), a circled
/// number (① ❶), a Roman numeral character (Ⅰ…Ⅻ), after an optional Part, No, Chapter
/// or Vol (any case, a dot or space after it).
fn is_section_number(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    let rest = ["part", "chapter", "vol", "no"]
        .iter()
        .find_map(|w| lower.strip_prefix(w))
        .map(|r| r.trim_start_matches(['.', ' ', '\u{3000}']))
        .unwrap_or(&lower);
    let n = rest.chars().count();
    let all = |f: fn(char) -> bool| n > 0 && rest.chars().all(f);
    let digits = all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let numerals = all(|c| "一二三四五六七八九十〇零壹贰叁肆伍陆柒捌玖拾貳參陸".contains(c));
    (n <= 3 && (digits || numerals))
        || (n == 1
            && all(|c| {
                ('\u{2460}'..='\u{2473}').contains(&c)
                    || ('\u{2776}'..='\u{2793}').contains(&c)
                    || ('\u{2160}'..='\u{216b}').contains(&c)
            }))
}

/// Whether a block's whole text is an ornament: a section's number set apart (01, Part 1,
/// — 02 —, 壹, ①) or decoration alone (◆◆◆, ● ● ●, ***). WeChat articles and magazine
/// pages print one centred above each subhead; it belongs to the head under it (a
/// number to its text, "01 开业那天"), and with no head under it marks a break between
/// sections. Never a head of its own, never a paragraph.
pub(crate) fn ornament(text: &str) -> Option<Ornament> {
    let t = trim_text(text);
    if t.is_empty() || t.chars().count() > 24 || is_icon(t) {
        return None;
    }
    // A circled number is in the dingbats block: it is the number, not decoration.
    let circled =
        |c: char| ('\u{2460}'..='\u{2473}').contains(&c) || ('\u{2776}'..='\u{2793}').contains(&c);
    let core = t.trim_matches(|c: char| is_ornament_char(c) && !circled(c));
    if core.is_empty() {
        return Some(Ornament::Rule);
    }
    is_section_number(core).then_some(Ornament::Number)
}

/// A book's table-of-contents entry made a heading ([`Builder::push_toc_head`]), waiting
/// for the head the chapter prints under it: the heading's index among the blocks, the
/// entry's label, the chapter's own head lines taken into it so far and where the first
/// of them stands.
pub(crate) struct TocHead {
    at: usize,
    label: String,
    own: Vec<String>,
    pos: Option<SourcePos>,
}

/// A head's text compared with another's: without white space and the separators
/// between a number and a title (、 ． ： · — ｜).
fn head_key(s: &str) -> String {
    s.chars()
        .filter(|c| {
            !is_trimmed(*c)
                && !matches!(
                    c,
                    '、' | '，'
                        | ','
                        | '.'
                        | '．'
                        | ':'
                        | '：'
                        | '·'
                        | '・'
                        | '-'
                        | '—'
                        | '–'
                        | '|'
                        | '｜'
                        | '_'
                )
        })
        .collect()
}

/// Whether a head's key ([`head_key`]) is a chapter's number alone: a section number
/// ([`is_section_number`]: 1, 一, Ⅲ, Chapter 2) or 第…章/节/回/卷/部/篇 (digits or
/// Chinese numerals between).
fn is_chapter_number(key: &str) -> bool {
    if key.is_empty() {
        return false;
    }
    if is_section_number(key) {
        return true;
    }
    let Some(rest) = key.strip_prefix('第') else {
        return false;
    };
    let rest = rest.trim_end_matches([
        '章', '节', '節', '回', '卷', '部', '篇', '集', '幕', '册', '冊', '讲', '講', '课', '課',
        '话', '話',
    ]);
    let n = rest.chars().count();
    (1..=6).contains(&n)
        && rest.chars().all(|c| {
            c.is_ascii_digit()
                || ('０'..='９').contains(&c)
                || "一二三四五六七八九十百千〇零两兩壹贰貳叁參肆伍陆陸柒捌玖拾佰".contains(c)
        })
}

/// How the head a chapter prints (its key so far, `own`) stands to its table-of-contents
/// label (`label`): `Some(true)` the same head — equal, or one of them the other with
/// the chapter's number before it ("一、漁港" / "漁港", "第一章" / "第一章 渡口"), or the
/// label the number alone; `Some(false)` the chapter's number alone so far, its title
/// perhaps on the next line; `None` another head.
fn same_head(label: &str, own: &str) -> Option<bool> {
    let numbered =
        |long: &str, short: &str| long.strip_suffix(short).is_some_and(is_chapter_number);
    if label == own || numbered(label, own) || numbered(own, label) || is_chapter_number(label) {
        Some(true)
    } else if is_chapter_number(own) {
        Some(false)
    } else {
        None
    }
}

impl Builder {
    /// Adds the heading a book's table of contents gives a chapter or a place in it
    /// (`label`, at `pos`); the head the chapter prints under it may be the same one
    /// ([`Builder::toc_head_takes`]). Nothing for an empty label.
    pub(crate) fn push_toc_head(&mut self, label: &str, pos: SourcePos) -> Option<TocHead> {
        let label = trim_text(&collapse_ws(label)).to_string();
        if label.is_empty() {
            return None;
        }
        self.push(BlockKind::Heading, &label, pos);
        Some(TocHead {
            at: self.len() - 1,
            label,
            own: Vec::new(),
            pos: None,
        })
    }

    /// Whether the block of `kind` with `text` at `pos` (`bold`: all of it bold), coming
    /// right after the heading `head` stands for, is the chapter's own printing of that
    /// head ([`same_head`]: a heading, a bold line, a paragraph reading the label, or
    /// the chapter's number set apart above its title):
    /// then the two are one heading — the text that says more, at the place of the
    /// chapter's head, so that every command gives it that line — and the block is not
    /// to be added. A chapter's number alone keeps `head` waiting for its title.
    pub(crate) fn toc_head_takes(
        &mut self,
        head: &mut Option<TocHead>,
        kind: BlockKind,
        text: &str,
        bold: bool,
        pos: SourcePos,
    ) -> bool {
        let Some(mut h) = head.take() else {
            return false;
        };
        let text = trim_text(text);
        let label = head_key(&h.label);
        let own = head_key(&format!("{}{text}", h.own.concat()));
        let short_bold = bold && text.chars().count() <= 30;
        let fits = self.len() == h.at + 1
            && match kind {
                BlockKind::Heading => true,
                // (A chapter's number set apart above its title: "1", "第一章".)
                BlockKind::Paragraph => {
                    short_bold || own == label || is_chapter_number(&head_key(text))
                }
                _ => false,
            };
        let Some(done) = fits.then(|| same_head(&label, &own)).flatten() else {
            return false;
        };
        let first = *h.pos.get_or_insert(pos);
        h.own.push(text.to_string());
        let own_text = h.own.join(" ");
        let shown = if own.contains(&label) {
            own_text
        } else if label.contains(&own) {
            h.label.clone()
        } else if is_chapter_number(&own) {
            format!("{own_text} {}", h.label)
        } else {
            format!("{} {own_text}", h.label)
        };
        self.take_since(h.at);
        self.push(BlockKind::Heading, &shown, first);
        if !done {
            *head = Some(h);
        }
        true
    }
}

/// Each block's styled pieces: (the text a span covers, its style's name), in order.
#[cfg(test)]
pub(crate) fn styled_pieces(a: &Article) -> Vec<Vec<(&str, &'static str)>> {
    a.blocks
        .iter()
        .map(|b| {
            a.styles_of(b)
                .iter()
                .map(|s| (&b.text[s.range()], s.style.name()))
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_toc_label_and_the_chapters_own_head_are_one_head() {
        let key = |a: &str, b: &str| same_head(&head_key(a), &head_key(b));
        for (label, own) in [
            ("一、漁港", "漁港"),
            ("漁港", "一、漁港"),
            ("第一章 渡口", "第一章　渡口"),
            ("第一章", "第一章 渡口"),
            ("渡口", "第十二章 渡口"),
            ("Chapter 3: The Ferry", "The Ferry"),
            ("序", "序"),
            ("第三回", "渡口"),
        ] {
            assert_eq!(key(label, own), Some(true), "{label} / {own}");
        }
        for (label, own) in [("渡口", "新桥"), ("渡口", "渡口的早晨"), ("一个人", "人")]
        {
            assert_eq!(key(label, own), None, "{label} / {own}");
        }
        // The chapter's number alone: its title may follow on the next line.
        assert_eq!(key("第一章 渡口", "第一章"), Some(false));
        assert_eq!(key("渡口", "第一章"), Some(false));
    }

    #[test]
    fn the_toc_heading_takes_the_chapters_head_at_its_place() {
        let at = |offset| SourcePos {
            offset,
            line: offset,
        };
        let mut b = Builder::new();
        let mut head = b.push_toc_head("一、漁港", at(1));
        assert!(b.toc_head_takes(&mut head, BlockKind::Heading, "漁港", false, at(5)));
        assert!(head.is_none());
        // What follows is the chapter's text.
        assert!(!b.toc_head_takes(&mut head, BlockKind::Paragraph, "漁港", false, at(6)));
        assert_eq!(b.blocks_since(0), [(BlockKind::Heading, "一、漁港")]);
        assert_eq!(b.drafts[0].pos, at(5));
        // A number on one line and the title on the next: one head, the book's lines.
        let mut b = Builder::new();
        let mut head = b.push_toc_head("第二章 新桥", at(1));
        assert!(b.toc_head_takes(&mut head, BlockKind::Heading, "第二章", false, at(3)));
        assert!(b.toc_head_takes(&mut head, BlockKind::Heading, "新桥", false, at(4)));
        assert_eq!(b.blocks_since(0), [(BlockKind::Heading, "第二章 新桥")]);
        assert_eq!(b.drafts[0].pos, at(3));
        // The number set apart as a paragraph above the title the label gives.
        let mut b = Builder::new();
        let mut head = b.push_toc_head("渡口", at(1));
        assert!(b.toc_head_takes(&mut head, BlockKind::Paragraph, "3", false, at(3)));
        assert!(b.toc_head_takes(&mut head, BlockKind::Heading, "渡口", false, at(4)));
        assert_eq!(b.blocks_since(0), [(BlockKind::Heading, "3 渡口")]);
        // A bold line that is another head, a long bold sentence, a caption: not it.
        for (kind, text, bold) in [
            (BlockKind::Heading, "新桥", false),
            (BlockKind::Paragraph, "渡口", false),
            (BlockKind::Caption, "渡口", false),
            (
                BlockKind::Paragraph,
                "渡口在一条流了很久很久的大河边上，每天清晨都有人在那里等着第一班船。",
                true,
            ),
        ] {
            let mut b = Builder::new();
            let mut head = b.push_toc_head("渡口的早晨", at(1));
            assert!(
                !b.toc_head_takes(&mut head, kind, text, bold, at(2)),
                "{text}"
            );
            assert_eq!(b.len(), 1);
        }
        // Only the block right under the heading.
        let mut b = Builder::new();
        let mut head = b.push_toc_head("渡口", at(1));
        b.push(BlockKind::Note, "（注）", at(2));
        assert!(!b.toc_head_takes(&mut head, BlockKind::Heading, "渡口", false, at(3)));
    }

    #[test]
    fn ornaments_are_a_sections_number_or_decoration_alone() {
        for t in [
            "01",
            " 02 ",
            "— 03 —",
            "/ 04 /",
            "Part 1",
            "PART.2",
            "NO.3",
            "壹",
            "二",
            "①",
            "❷",
            "Ⅳ",
            "０５",
        ] {
            assert_eq!(ornament(t), Some(Ornament::Number), "{t}");
        }
        for t in ["◆◆◆", "● ● ●", "※", "❖", "***", "——", "* * *", "🌿🌿🌿"]
        {
            assert_eq!(ornament(t), Some(Ornament::Rule), "{t}");
        }
        // Words, years, sentences and a numbered head's own words are no ornament.
        for t in [
            "开业那天",
            "2026",
            "01 开业那天",
            "一、起步",
            "……",
            "完",
            "Part of it",
            "- END -",
            "1234",
        ] {
            assert_eq!(ornament(t), None, "{t}");
        }
    }

    #[test]
    fn a_captions_bar_or_slash_before_its_credit_is_left_out() {
        for (t, caption) in [
            ("周末的绘本课 | 图源：受访者", "周末的绘本课"),
            ("渡口夜景 ｜ 摄影：陈一帆", "渡口夜景"),
            ("老街的早市 / 王小川 摄", "老街的早市"),
            ("店开在中学对面｜受访者供图", "店开在中学对面"),
            ("一把刀要打两天。圖片來源：陳柏翰攝", "一把刀要打两天。"),
        ] {
            let (c, credit) = split_credit(t);
            assert!(credit.is_some(), "{t}");
            assert_eq!(c, caption, "{t}");
        }
    }

    #[test]
    fn a_credit_alone_where_a_caption_stands_is_a_caption_of_no_text() {
        let mut b = Builder::new();
        b.push_caption("图｜视觉中国", SourcePos::default());
        let a = b.finish(Header::default());
        assert_eq!(a.blocks.len(), 1);
        assert_eq!(a.blocks[0].kind, BlockKind::Caption);
        assert_eq!(a.blocks[0].text.as_str(), "");
        let credit = a.blocks[0].credit.as_ref().expect("a credit");
        assert_eq!(credit.name.as_str(), "视觉中国");
        assert_eq!(
            split_credit("一把刀要打两天。圖片來源：陳柏翰攝")
                .1
                .map(|c| c.name)
                .as_deref(),
            Some("陳柏翰")
        );
    }

    #[test]
    fn an_agency_or_publication_is_an_organisation_a_person_is_not() {
        for n in ["中央社", "新华社", "某某日报", "江南新闻网", "星島日報"] {
            assert!(is_organisation(n), "{n}");
        }
        for n in ["林大明", "欧阳一帆", "李建社", "Jane Doe"] {
            assert!(!is_organisation(n), "{n}");
        }
    }

    #[test]
    fn a_source_loses_its_label_with_either_colon() {
        assert_eq!(source_name("来源：人民网－人民日报"), "人民网－人民日报");
        assert_eq!(source_name(" 来源: 城市观察社 "), "城市观察社");
        assert_eq!(source_name("來源：中央社"), "中央社");
        assert_eq!(source_name("新华社"), "新华社");
        // A name that starts like a label is not cut.
        assert_eq!(source_name("来源地报"), "来源地报");
    }

    #[test]
    fn styled_text_keeps_its_spans_through_collapsing_white_space() {
        let mut t = Styled::default();
        t.push("  前文 ", false, false);
        t.push("粗", false, true);
        t.push("\n", false, true);
        t.push("体", false, true);
        t.push("和", true, true);
        t.push("斜 ", true, false);
        t.push("  word", false, false);
        let (text, spans) = t.collapsed();
        assert_eq!(text, "前文 粗体和斜 word");
        let pieces: Vec<_> = spans.iter().map(|s| (&text[s.range()], s.style)).collect();
        assert_eq!(
            pieces,
            [
                ("粗体和", InlineStyle::Strong),
                ("和斜", InlineStyle::Emphasis)
            ]
        );
        // A span of white space alone, or trimmed away, is dropped.
        let mut t = Styled::default();
        t.push("正文", false, false);
        t.push("  ", true, false);
        let (text, spans) = t.collapsed();
        assert_eq!((text.as_str(), spans.len()), ("正文", 0));
    }

    #[test]
    fn credits_in_the_forms_pages_print_them() {
        let c = |s| split_credit(s);
        let (t, cr) = c("青石镇老街上，竹编艺人正在编织果篮。 林小雨 摄");
        assert_eq!(t, "青石镇老街上，竹编艺人正在编织果篮。");
        assert_eq!(
            cr.map(|c| (c.name, c.printed)),
            Some(("林小雨".into(), "林小雨 摄".into()))
        );
        let (t, cr) = c("每月初，“书船”从码头出发。许帆/摄");
        assert_eq!(t, "每月初，“书船”从码头出发。");
        assert_eq!(cr.map(|c| c.name), Some("许帆".into()));
        let (t, cr) = c("游客在老街上拍照（新华社记者 王小明 摄）");
        assert_eq!(t, "游客在老街上拍照");
        assert_eq!(cr.map(|c| c.name), Some("王小明".into()));
        let (t, cr) = c("乘客在夜班公交上翻看图书。西湾日报记者 孟 川 摄");
        assert_eq!(t, "乘客在夜班公交上翻看图书。");
        assert_eq!(cr.map(|c| c.name), Some("孟川".into()));
        let (t, cr) = c("渔船归港。图/李 四");
        assert_eq!(t, "渔船归港。");
        assert_eq!(cr.map(|c| c.name), Some("李四".into()));
        let (t, cr) = c("夜色中的码头 陈 醉 摄");
        assert_eq!(t, "夜色中的码头");
        assert_eq!(cr.map(|c| c.name), Some("陈醉".into()));
        let (t, cr) = c("老街的夜市人潮湧現。記者王小明／攝影");
        assert_eq!(t, "老街的夜市人潮湧現。");
        assert_eq!(cr.map(|c| c.name), Some("王小明".into()));
        let (t, cr) = c("老書店重新開張，店主在櫃台前整理新到的舊書。記者林美玲／攝影");
        assert_eq!(t, "老書店重新開張，店主在櫃台前整理新到的舊書。");
        assert_eq!(cr.map(|c| c.name), Some("林美玲".into()));
        let (t, cr) = c("市民在河堤散步。（記者陳大同攝）");
        assert_eq!(t, "市民在河堤散步。");
        assert_eq!(cr.map(|c| c.name), Some("陳大同".into()));
        // No credit: the caption stays whole.
        assert_eq!(
            c("工人在车间里检查零件。"),
            ("工人在车间里检查零件。", None)
        );
        assert_eq!(c("他说：“我们要拍摄。”").1, None);
    }

    #[test]
    fn credits_after_a_bare_label_or_as_who_took_the_photo_and_caption_labels() {
        let (t, cr) = split_credit("聚落裏的巷弄狹窄，機車只能推著走。攝：林建宏/端傳媒");
        assert_eq!(t, "聚落裏的巷弄狹窄，機車只能推著走。");
        assert_eq!(cr.map(|c| c.printed), Some("攝：林建宏/端傳媒".into()));
        let (t, cr) = split_credit("院子里的晾衣架（图片为作者拍摄）");
        assert_eq!(t, "院子里的晾衣架");
        assert_eq!(cr.map(|c| c.name), Some("作者".into()));
        let (t, cr) = split_credit("老街的早市。图为李明拍摄");
        assert_eq!(
            (t, cr.map(|c| c.name)),
            ("老街的早市。", Some("李明".into()))
        );
        // A sentence about taking photos is no credit.
        assert_eq!(split_credit("他说：“我去拍摄。”").1, None);
        assert_eq!(
            crate::text::chinese::credit_only("图像来源，Getty Images"),
            Some("Getty Images")
        );
        assert_eq!(crate::text::chinese::credit_only("图片，来自网络"), None);
        assert_eq!(
            strip_caption_label("图像加注文字，渡船靠岸。"),
            Some("渡船靠岸。")
        );
        assert_eq!(
            strip_caption_label("Image caption, A ferry"),
            Some("A ferry")
        );
        assert_eq!(strip_caption_label("图说明天的路"), None);
        assert_eq!(strip_caption_label("图说："), None);
    }

    #[test]
    fn captions_take_the_plain_text_credit_forms() {
        let c = |s| {
            let (t, cr) = split_credit(s);
            (t, cr.map(|c| (c.name, c.printed)))
        };
        let credit = |n: &str, p: &str| Some((n.to_string(), p.to_string()));
        assert_eq!(
            c("孩子们在图书角挑选绘本。摄影丨白露"),
            ("孩子们在图书角挑选绘本。", credit("白露", "摄影丨白露"))
        );
        assert_eq!(
            c("老师在给新到的书贴编号。东岭晚报记者 白 露 图"),
            (
                "老师在给新到的书贴编号。",
                credit("白露", "东岭晚报记者 白 露 图")
            )
        );
        assert_eq!(
            c("旧书架刷上了新漆。（摄影：青山）"),
            ("旧书架刷上了新漆。", credit("青山", "（摄影：青山）"))
        );
        assert_eq!(
            c("借书登记本已经写满了三本。（photo by 白露）"),
            (
                "借书登记本已经写满了三本。",
                credit("白露", "（photo by 白露）")
            )
        );
        assert_eq!(
            c("捐书的志愿者在村口合影。图/受访者提供"),
            (
                "捐书的志愿者在村口合影。",
                credit("受访者提供", "图/受访者提供")
            )
        );
        assert_eq!(
            c("老師傅在船塢裡檢查船底。中央社記者柯明遠攝 113年3月8日").1,
            credit("柯明遠", "中央社記者柯明遠攝 113年3月8日")
        );
    }

    #[test]
    fn info_lines_name_every_reporter_and_no_role() {
        let authors = |s| parse_info(s).map(|i| i.authors);
        assert_eq!(
            authors("东岭晚报记者 白露 实习生 青山"),
            Some(vec!["白露".into(), "青山".into()])
        );
        assert_eq!(authors("本报记者 白露 文/图"), Some(vec!["白露".into()]));
        assert_eq!(
            authors("記者 柯明遠 葉知秋 報道"),
            Some(vec!["柯明遠".into(), "葉知秋".into()])
        );
        assert_eq!(meta_author("南方某报记者 白露"), "白露");
        assert_eq!(meta_author("白 露"), "白露");
        assert_eq!(meta_author("Lin Qing"), "Lin Qing");
    }

    #[test]
    fn info_lines_give_date_source_and_authors() {
        let i = parse_info("2026-11-20 08:30 来源：东海日报 记者 林小雨 通讯员 高\u{a0}\u{a0}远")
            .expect("an info line");
        assert_eq!(i.date.as_deref(), Some("2026-11-20 08:30"));
        assert_eq!(i.source.as_deref(), Some("东海日报"));
        assert_eq!(i.authors, ["林小雨", "高远"]);
        // Who compiled the text is named with the authors; a translator, an editor and
        // a role word after a name are not.
        let i = parse_info("原创 沈禾 清流笔记 2026-03-30 08:00 浙江").expect("an info line");
        assert_eq!(i.authors, ["沈禾"]);
        assert_eq!(i.source.as_deref(), Some("清流笔记"));
        let i = parse_info("原创 清流笔记 2026-03-30 08:00").expect("an info line");
        assert!(i.authors.is_empty());
        assert_eq!(i.source.as_deref(), Some("清流笔记"));
        assert!(
            parse_info("原创 不易，我们 2026年坚持了一年").is_none_or(|i| i.authors.is_empty())
        );
        let i = parse_info("作者：宋知远 ｜ 整理：何苗").expect("a byline");
        assert_eq!(i.authors, ["宋知远", "何苗"]);
        let i = parse_info("文／宋知远 翻译／何苗 编辑／林晚").expect("a byline");
        assert_eq!(i.authors, ["宋知远"]);
        let i = parse_info("作者：宋知远 整理").expect("a byline");
        assert_eq!(i.authors, ["宋知远"]);
        let i = parse_info("文｜周 航　图｜许 帆").expect("a byline");
        assert_eq!(i.authors, ["周航"]);
        let i = parse_info("作者：张三 | 2026年5月1日 | 来源：南方晨报").expect("info");
        assert_eq!(i.authors, ["张三"]);
        assert_eq!(i.date.as_deref(), Some("2026年5月1日"));
        assert_eq!(i.source.as_deref(), Some("南方晨报"));
        let i = parse_info("記者林美玲／台北報導").expect("a Traditional byline");
        assert_eq!(i.authors, ["林美玲"]);
        assert_eq!(parse_info("镇上的年轻人帮着拍视频、开网店。"), None);
        assert_eq!(
            dateline_authors("新华社北京11月20日电（记者张三、李四）清晨，渡口。"),
            ["张三", "李四"]
        );
        assert_eq!(
            dateline_authors("〔記者林美玲／台南報導〕老街上的書店。"),
            ["林美玲"]
        );
        assert!(dateline_authors("他说（笑）这很好。").is_empty());
        assert_eq!(parse_info("老手艺有了新买家"), None);
    }

    #[test]
    fn info_lines_leave_out_places_publications_and_buttons() {
        let authors = |s| parse_info(s).map(|i| i.authors);
        // Where the reporter filed from is a place, not a person.
        assert_eq!(authors("端報記者 白露 發自屏東"), Some(vec!["白露".into()]));
        assert_eq!(authors("记者 白露 发自杭州"), Some(vec!["白露".into()]));
        // The publication the reporters write for is not one of them.
        assert_eq!(
            authors("文｜东湖周刊 记者 白露 实习记者 青山"),
            Some(vec!["白露".into(), "青山".into()])
        );
        // A paper's intern, as a paper's reporter.
        assert_eq!(
            authors("南岸日报记者 白露　南岸日报实习生 青山"),
            Some(vec!["白露".into(), "青山".into()])
        );
        // "来源于 X", with no colon.
        let i = parse_info("2025年04月21日 10:05 来源于 东湖周刊").expect("info");
        assert_eq!(i.source.as_deref(), Some("东湖周刊"));
        let i = parse_info("来源于东湖周刊").expect("info");
        assert_eq!(i.source.as_deref(), Some("东湖周刊"));
        // A font-size switch and a print button after the fields are no names.
        let i = parse_info("2025-03-02 07:45　来源：东岭日报　作者：白露　字号：大 中 小　打印")
            .expect("info");
        assert_eq!(i.authors, ["白露"]);
        assert_eq!(i.source.as_deref(), Some("东岭日报"));
        assert!(is_organisation("东湖周刊"));
        assert!(!is_organisation("白露"));
    }

    #[test]
    fn notes_and_bold_lines() {
        assert!(is_note("（责任编辑：王 丽）"));
        assert!(is_note("（完）"));
        assert!(is_note("责编：李四"));
        assert!(!is_note("编辑部的故事很长。"));
        assert!(is_note("（編輯：陳小華）1151120"));
        assert!(is_note("（本报记者 林小雨 整理）"));
        // A sentence that starts with a label's word is not a note; nor is navigation.
        assert!(!is_note("策划 是一门学问。"));
        assert!(!is_note("上一篇：老街夜市开张"));
        assert!(bold_line_is_heading("年轻人回来了"));
        assert!(!bold_line_is_heading("“孩子们最爱看漫画版的《西游记》。”"));
        assert!(!bold_line_is_heading("文｜周 航　图｜许 帆"));
        // Attributions and symbols alone are never heads.
        assert!(!bold_line_is_heading("——摘自作者日记"));
        assert!(!bold_line_is_heading("— 鲁迅《故乡》"));
        assert!(!bold_line_is_heading("选自《城南旧事》"));
        assert!(!bold_line_is_heading("來源／本報資料室"));
        assert!(!bold_line_is_heading("📚"));
        assert!(!bold_line_is_heading("★ ☆"));
        assert!(bold_line_is_heading("摘星的人"));
        assert!(bold_line_is_heading("第二章"));
        assert!(bold_line_is_heading("从“听科学”到“做科学”"));
        // Interview questions and sentences are not subheads.
        assert!(!bold_line_is_heading("问：当年为什么会选择来这里？"));
        // A photo's credit set in bold is a credit, never a subhead.
        assert!(!bold_line_is_heading("图 / 受访者提供"));
        assert!(!bold_line_is_heading("图片来源：视觉中国"));
        assert!(bold_line_is_heading("来源不明的信"));
        assert!(!bold_line_is_heading("記者問：老店怎麼傳下去"));
        assert!(!bold_line_is_heading("Q1: 为什么回到山里"));
        assert!(!bold_line_is_heading("他们终于回来了！"));
        assert!(!bold_line_is_heading("谁来接这一班？"));
        assert!(!bold_line_is_heading("“我不走了。”"));
        assert!(bold_line_is_heading("二、问路"));
        assert!(bold_line_is_heading("Q弹的米粉"));
        // A head may open with a quoted word, or be a short quoted phrase alone; a
        // quoted sentence is a pull quote.
        assert!(bold_line_is_heading("“按手印”的半辈子"));
        assert!(bold_line_is_heading("“再来一年”"));
        assert!(bold_line_is_heading("「只修不賣」"));
        assert!(!bold_line_is_heading("“先留下来，再说”"));
        assert!(!bold_line_is_heading("“我们一张一张地拆，拆了两百多张网”"));
        // A speaker and a colon open a conversation's line, not a head.
        assert!(!bold_line_is_heading("李明：先把人留下来"));
        assert!(!bold_line_is_heading("Mary: not yet"));
        assert!(bold_line_is_heading("第一章：出发"));
        // Under a section's number, a quotation or a question heads the section; a
        // sentence, a byline or a speaker's line does not.
        assert!(heads_numbered_section("“不赚钱，但有人来”"));
        assert!(heads_numbered_section("谁来接这一班？"));
        assert!(heads_numbered_section("读书会与旧书回收"));
        assert!(!heads_numbered_section("“我不走了。”"));
        assert!(!heads_numbered_section("文｜周 航　图｜许 帆"));
        assert!(!heads_numbered_section("李明：先把人留下来"));
        assert!(!heads_numbered_section("他说，这里没有人来。"));
    }

    /// The outline of `text` read as `format`: dateline, authors, and the blocks' kinds
    /// and texts.
    fn read_as(
        format: crate::formats::Format,
        text: &str,
    ) -> (Option<String>, Vec<String>, Vec<(BlockKind, String)>) {
        let a = crate::formats::parse_shared(format, &Arc::new(text.to_string()));
        let blocks = a
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.to_string()))
            .collect();
        (a.dateline.map(|h| h.text), a.authors, blocks)
    }

    #[test]
    fn info_lines_leave_out_places_picture_sources_and_publications() {
        let authors = |s| parse_info(s).map(|i| i.authors);
        assert_eq!(
            authors("特约记者 安澜 发自 汕尾"),
            Some(vec!["安澜".to_string()])
        );
        assert_eq!(
            authors("本文来自微信公众号：小城琴事，作者：温叙，题图来自：视觉中国"),
            Some(vec!["温叙".to_string()])
        );
        assert_eq!(
            authors("林子晴／台東報導"),
            Some(vec!["林子晴".to_string()])
        );
        assert_eq!(
            authors("Mara Lind | 顾远帆　2026年10月8日"),
            Some(vec!["Mara Lind".to_string(), "顾远帆".to_string()])
        );
        // Words parted by bars are not names.
        assert_eq!(authors("国内 | 社会 | 2026年10月8日"), Some(vec![]));
        assert_eq!(authors("Home | 新闻中心 | 2026年10月8日"), Some(vec![]));
        let info = parse_info("07:00 2026/10/02　北岸時報").expect("an info line");
        assert_eq!(info.source.as_deref(), Some("北岸時報"));
        assert!(info.authors.is_empty());
    }

    #[test]
    fn a_papers_print_line_gives_its_name_and_date() {
        assert_eq!(
            print_line("《北岸日报》（2026年11月25日 05版）"),
            Some(("北岸日报".to_string(), "2026年11月25日".to_string()))
        );
        assert_eq!(
            print_line("《北岸日报》(2026年3月2日 第 07 版)").map(|p| p.1),
            Some("2026年3月2日".to_string())
        );
        // A book's title in a sentence, or a date with no page, is not one.
        assert!(print_line("《北岸日报》（2026年11月25日）").is_none());
        assert!(print_line("他读完《北岸日报》（2026年11月25日 05版）才出门。").is_none());
    }

    #[test]
    fn datelines_and_notes_in_pages_read_as_in_plain_text() {
        use crate::formats::Format;
        let lines = [
            "新华社上海11月20日电（记者 张三、李四）记者从林业部门获悉，候鸟来了。",
            "工作人员说，公园设置了观鸟屏障。",
            "（本报记者 林小雨 整理）",
            "（完）",
            "（编辑：陈小华）",
        ];
        let txt = format!("湿地迎来候鸟\n\n{}\n", lines.join("\n\n"));
        let html = format!(
            "<html><body><article><h1>湿地迎来候鸟</h1>{}</article></body></html>",
            lines.map(|l| format!("<p>{l}</p>\n")).concat()
        );
        let md = format!("# 湿地迎来候鸟\n\n{}\n", lines.join("\n\n"));
        let want = read_as(Format::Text, &txt);
        assert_eq!(want.0.as_deref(), Some("新华社上海11月20日电"));
        assert_eq!(want.1, ["张三", "李四"]);
        assert_eq!(
            want.2.iter().map(|b| b.0).collect::<Vec<_>>(),
            [
                BlockKind::Paragraph,
                BlockKind::Paragraph,
                BlockKind::Note,
                BlockKind::Note,
                BlockKind::Note
            ]
        );
        assert_eq!(read_as(Format::Html, &html), want);
        assert_eq!(read_as(Format::Markdown, &md), want);
        // A Taiwanese wire's bracketed dateline, alone in its paragraph, and the story
        // code after the editor's note.
        let html = "<html><body><article><h1>河濱步道點燈</h1>\
            <p>（中央社記者王大明台北20日電）</p><p>市府今天宣布，步道全線點燈。</p>\
            <p>（編輯：陳小華）1151120</p></article></body></html>";
        let (dateline, authors, blocks) = read_as(Format::Html, html);
        assert_eq!(dateline.as_deref(), Some("（中央社記者王大明台北20日電）"));
        assert_eq!(authors, ["王大明"]);
        assert_eq!(
            blocks,
            [
                (
                    BlockKind::Paragraph,
                    "市府今天宣布，步道全線點燈。".to_string()
                ),
                (BlockKind::Note, "（編輯：陳小華）1151120".to_string())
            ]
        );
    }

    proptest::proptest! {
        /// An info line of any order of its pieces — the reporter's role and name, where
        /// the story was filed from (with or without a space after 发自), a picture's
        /// source, a date, an unlabelled publication — names the reporter only.
        #[test]
        fn info_lines_name_the_reporter_only(
            role in proptest::sample::select(vec!["记者", "特约记者", "本报记者", "作者："]),
            surname in proptest::sample::select(vec!["林", "周", "欧阳", "何", "宋"]),
            given in proptest::sample::select(vec!["安澜", "知远", "雨", "青禾"]),
            place in proptest::sample::select(vec!["汕尾", "台东", "芹苴", "乌鲁木齐"]),
            filed_sep in proptest::sample::select(vec![" ", ""]),
            extras in proptest::collection::vec(proptest::sample::select(vec![
                "题图来自：视觉中国",
                "图片来源：东方IC",
                "2026-10-12 09:15",
                "2026年10月8日",
                "北岸日报",
            ]), 0..3),
            sep in proptest::sample::select(vec!["　", " ", "｜"]),
        ) {
            let name = format!("{surname}{given}");
            let mut pieces = vec![format!("{role}{name}"), format!("发自{filed_sep}{place}")];
            pieces.extend(extras.iter().map(|e| e.to_string()));
            let line = pieces.join(sep);
            let info = parse_info(&line);
            proptest::prop_assert_eq!(info.map(|i| i.authors), Some(vec![name]), "{}", line);
        }
    }

    #[test]
    fn a_box_head_heads_a_paragraph_but_not_nothing() {
        let html = "<html><body><article><h1>老街</h1>\
            <p>走进老街，竹编、剪纸、木雕的铺子一家挨着一家，游客们停下脚步看手艺人刻出花鸟。</p>\
            <p>编者按</p><p>一门手艺能不能传下去，要看它还有没有人用。</p>\
            <p>相关链接</p><p><a href=\"/a\">老街夜市开张</a></p></article></body></html>";
        let (_, _, blocks) = read_as(crate::formats::Format::Html, html);
        let kinds: Vec<(BlockKind, &str)> = blocks.iter().map(|(k, t)| (*k, t.as_str())).collect();
        assert_eq!(
            kinds[1..],
            [
                (BlockKind::Heading, "编者按"),
                (
                    BlockKind::Paragraph,
                    "一门手艺能不能传下去，要看它还有没有人用。"
                ),
            ]
        );
        // Over links only, 相关链接 heads no text: a related box, left out with its
        // links as the page's furniture (formats/furniture.rs), never a section.
        assert!(
            !kinds
                .iter()
                .any(|(_, t)| t.contains("相关链接") || t.contains("夜市"))
        );
    }

    #[test]
    fn white_space_collapses_as_a_browser_does() {
        assert_eq!(collapse_ws("  走进\n  老街， a\n b  "), "走进老街， a b");
        assert_eq!(collapse_ws("\u{3000}\u{3000}正文"), "正文");
    }

    #[test]
    fn positions_by_offset_and_by_line_agree() {
        let text = "a\nbc\n\nd";
        let idx = SourceLines::new(text);
        assert_eq!(idx.at_offset(0).line, 1);
        assert_eq!(idx.at_offset(2).line, 2);
        assert_eq!(idx.at_offset(6).line, 4);
        assert_eq!(idx.at_line(4), SourcePos { offset: 6, line: 4 });
        assert_eq!(idx.at_line(99).line, 4);
    }

    #[test]
    fn positions_count_every_line_end_as_html5ever_does() {
        // \r\n counts once, a lone \r as a line end; a final line end is followed by an
        // empty line that starts at the end.
        let text = "a\rb\r\nc\n";
        let idx = SourceLines::new(text);
        assert_eq!(idx.at_line(2), SourcePos { offset: 2, line: 2 });
        assert_eq!(idx.at_line(3), SourcePos { offset: 5, line: 3 });
        assert_eq!(idx.at_line(4), SourcePos { offset: 7, line: 4 });
        assert_eq!(idx.at_line(9), SourcePos { offset: 7, line: 4 });
        assert_eq!(idx.at_offset(3).line, 2);
        assert_eq!(idx.at_offset(7).line, 4);
        assert_eq!(
            SourceLines::new("").at_line(3),
            SourcePos { offset: 0, line: 1 }
        );
        // A page with old Mac line ends: each paragraph is found on its own line.
        let page = "<html><body>\r<article>\r<p>清晨的渡口雾气很重。</p>\r<p>新桥通车那天。</p>\r</article></body></html>";
        let article =
            crate::formats::parse_shared(crate::formats::Format::Html, &Arc::new(page.to_string()));
        let starts: Vec<&str> = article
            .blocks
            .iter()
            .map(|b| &page[b.src()..b.src() + b.text.len()])
            .collect();
        assert_eq!(starts, ["清晨的渡口雾气很重。", "新桥通车那天。"]);
    }

    #[test]
    fn split_gives_each_piece_the_styles_over_it() {
        let mut s = Styled::default();
        s.push("一二", false, false);
        s.push("三\n四", false, true);
        s.push("五", true, false);
        // "一二三" | "\n" | "四五": the bold run crosses the cut.
        let parts = s.split(&[0..9, 10..16]);
        assert_eq!(parts[0].text, "一二三");
        assert_eq!(parts[0].spans, [(6..9, InlineStyle::Strong)]);
        assert_eq!(parts[1].text, "四五");
        assert_eq!(
            parts[1].spans,
            [(0..3, InlineStyle::Strong), (3..6, InlineStyle::Emphasis)]
        );
    }
}
