//! Line layout: an [`Article`] and a text width in, role-tagged lines out.
//!
//! Pure: no terminal crate is imported here. The UI turns [`Role`]s into styles.
//!
//! The display sequence of an article is its *items*: the head's lines (banner, kicker,
//! title, column tag, subtitle, byline, dateline: each when present), then every block
//! in order. Each item is laid out on its
//! own ([`layout_item`]) so that it can be cached per width and laid out again alone.

pub mod classes;
mod fill;
mod levels;
pub mod shown;
mod store;
mod units;

use std::ops::Range;

use serde::Deserialize;

use crate::article::{Article, BlockKind};
use crate::text::convert::{self, Mapped, Script};
use crate::text::sanitize;

pub(crate) use crate::text::fullwidth::fullwidth_substitutions;
pub use crate::text::width::AmbiguousWidth;
pub use store::Layout;

use units::{BreakOptions, Seg, SegKind};

/// The marker shown before a caption (decoration).
pub(crate) const CAPTION_MARKER: &str = "▲ ";
/// The base shown before a text that starts with a zero-width character (decoration).
pub(crate) const MARK_BASE: &str = "\u{25CC}";
/// The separator shown between a caption and its credit (decoration).
pub(crate) const CREDIT_SEPARATOR: &str = " ";

/// How strictly the clreq line-break prohibition rules are applied.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LineBreakLevel {
    /// clreq basic.
    Basic,
    /// GB/T 15834—2011: basic, plus no solidus at a line end.
    #[default]
    Gb,
    /// GB, plus —— and …… never at a line start.
    Strict,
}

/// How ASCII punctuation standing between Chinese characters is shown (display only).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PunctuationDisplay {
    /// As in the source.
    #[default]
    AsIs,
    /// , ; : ! ? ( ) between Chinese characters shown as ，；：！？（）.
    Fullwidth,
}

/// Everything the layout depends on besides the article.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LayoutOptions {
    /// Columns available for text.
    pub width: usize,
    pub ambiguous: AmbiguousWidth,
    pub line_break: LineBreakLevel,
    pub punctuation: PunctuationDisplay,
    /// The script the text is shown in (display only, [`crate::text::convert`]).
    pub script: Script,
    /// Put before the first line of every paragraph; default two U+3000.
    pub indent: String,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            width: 80,
            ambiguous: AmbiguousWidth::Narrow,
            line_break: LineBreakLevel::Gb,
            punctuation: PunctuationDisplay::AsIs,
            script: Script::AsIs,
            indent: "\u{3000}\u{3000}".to_string(),
        }
    }
}

/// What a span of text is, for the UI to style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Banner,
    Title,
    Byline,
    Heading,
    Body,
    Caption,
    Credit,
    /// A note of the page (（完）, 责任编辑：X): shown apart from the text.
    Note,
    /// Added by the layout, not in the source: the paragraph indent, the caption marker,
    /// the separator before a credit.
    Decoration,
    /// The visible notation of a character that must not reach the terminal as it is
    /// (`^[`, `<U+202E>`, see [`crate::text::sanitize`]). Its span stands for one source
    /// character as a whole.
    Notation,
}

/// One item of the display sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    Banner,
    Title,
    Byline,
    /// The newspaper head's other lines, shown in the order of their source lines: the
    /// kicker above the title, the column tag with it, the subtitle under it, the dateline
    /// after the byline.
    Column,
    Kicker,
    Subtitle,
    Dateline,
    /// `article.blocks[i]`.
    Block(usize),
}

/// A place in the article's text: an item and a byte offset into that item's source
/// text as given by [`item_text`] (for a caption, offsets at or past the caption text's
/// length address the credit: `text.len() + k` is byte `k` of the credit's text).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    pub item: usize,
    pub offset: usize,
}

/// A run of text in one role on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// What is shown.
    pub text: String,
    pub role: Role,
    /// The byte range of the item's source text this span shows; `None` for decoration.
    /// Within a span with a source range, the shown characters stand one for one for the
    /// source characters (the punctuation option swaps a character for one other).
    pub src: Option<Range<usize>>,
}

/// One laid-out line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub spans: Vec<Span>,
    /// Display width in columns (never more than the layout width, for widths ≥ 2).
    pub width: usize,
    /// Where in the source this line starts.
    pub pos: Pos,
}

impl Line {
    /// The line's text, all spans concatenated.
    pub fn text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// The items of an article in display order: the head's lines (banner, kicker, title,
/// column tag, subtitle, byline, dateline: those present, in source-line order), then
/// every block. Kept as the few header items and the number of
/// blocks, not as a list: an article of a quarter of a million blocks costs nothing more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Items {
    head: [Item; HEAD_ITEMS],
    /// How many of `head` are present.
    heads: usize,
    blocks: usize,
}

impl Items {
    pub fn len(&self) -> usize {
        self.heads + self.blocks
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Item `index`.
    pub fn get(&self, index: usize) -> Option<Item> {
        if index < self.heads {
            Some(self.head[index])
        } else if index < self.len() {
            Some(Item::Block(index - self.heads))
        } else {
            None
        }
    }

    pub fn iter(&self) -> ItemsIter {
        self.into_iter()
    }
}

/// The items in order ([`Items::iter`]).
pub(crate) type ItemsIter = std::iter::Chain<
    std::iter::Take<std::array::IntoIter<Item, HEAD_ITEMS>>,
    std::iter::Map<Range<usize>, fn(usize) -> Item>,
>;

impl IntoIterator for Items {
    type Item = Item;
    type IntoIter = ItemsIter;

    fn into_iter(self) -> ItemsIter {
        let block: fn(usize) -> Item = Item::Block;
        self.head
            .into_iter()
            .take(self.heads)
            .chain((0..self.blocks).map(block))
    }
}

/// The items of `article` in display order.
pub fn items(article: &Article) -> Items {
    let mut head = [Item::Banner; HEAD_ITEMS];
    let mut heads = 0;
    for item in [
        Item::Banner,
        Item::Kicker,
        Item::Title,
        Item::Column,
        Item::Subtitle,
        Item::Byline,
        Item::Dateline,
    ] {
        if header_of(article, item).is_some() {
            head[heads] = item;
            heads += 1;
        }
    }
    // In the order of their source lines (a column tag on a line above the headline comes
    // first, one printed after it follows it); the order above breaks ties. A kicker stands
    // just above the headline by what it is, wherever its source put it, and so does a
    // subtitle its source puts before the headline (front matter lists them in any order,
    // on lines of its own); a subtitle printed under the headline keeps its place, after
    // a column tag printed on the headline's line.
    let title = article.title.as_ref().map(|t| t.src);
    head[..heads].sort_by_key(|&item| {
        let src = header_of(article, item).map_or(0, |h| h.src);
        match (item, title) {
            (Item::Kicker, Some(t)) => t,
            (Item::Subtitle, Some(t)) if src < t => t,
            _ => src,
        }
    });
    // A byline above the headline in a format whose fields come first (front matter, at
    // its own line): shown under the headline and its subtitle, where a page prints one.
    if article.format.head_fields_first()
        && let Some(t) = title
        && let Some(b) = head[..heads].iter().position(|&i| i == Item::Byline)
        && let Some(at) = head[..heads].iter().position(|&i| i == Item::Title)
        && b < at
        && article.byline.as_ref().is_some_and(|h| h.src < t)
    {
        let after = head[at + 1..heads]
            .iter()
            .take_while(|&&i| i == Item::Subtitle)
            .count();
        head[b..=at + after].rotate_left(1);
    }
    Items {
        head,
        heads,
        blocks: article.blocks.len(),
    }
}

/// Item `index` of `article`'s items ([`items`]).
pub(crate) fn item_at(article: &Article, index: usize) -> Option<Item> {
    items(article).get(index)
}

/// How many header items an article can have (banner, column, kicker, title, subtitle,
/// byline, dateline).
const HEAD_ITEMS: usize = 7;

/// The header line a header item shows (`None` for a block, or a line the article lacks).
pub(crate) fn header_of(article: &Article, item: Item) -> Option<&crate::article::HeaderLine> {
    match item {
        Item::Banner => article.banner.as_ref(),
        Item::Title => article.title.as_ref(),
        Item::Byline => article.byline.as_ref(),
        Item::Column => article.column.as_ref(),
        Item::Kicker => article.kicker.as_ref(),
        Item::Subtitle => article.subtitle.as_ref(),
        Item::Dateline => article.dateline.as_ref(),
        Item::Block(_) => None,
    }
}

/// The source text of an item: its main text, and a caption's credit text.
pub fn item_text(article: &Article, item: Item) -> (&str, Option<&str>) {
    match item {
        Item::Block(i) => article.blocks.get(i).map_or(("", None), |b| {
            (b.text.as_str(), b.credit.as_ref().map(|c| c.text.as_str()))
        }),
        _ => (
            header_of(article, item).map_or("", |h| h.text.as_str()),
            None,
        ),
    }
}

/// The inline style spans of an item (a block's; none for the head's lines): byte
/// offsets in its text as [`item_text`] gives it, so a span's [`Span::src`] finds the
/// styles of what it shows ([`crate::article::styles_at`]). Display only.
pub fn item_styles(article: &Article, item: Item) -> &[crate::article::StyleSpan] {
    match item {
        Item::Block(i) => article.blocks.get(i).map_or(&[], |b| article.styles_of(b)),
        _ => &[],
    }
}

/// Display width of `s` in columns under `ambiguous`, measured per grapheme cluster.
pub fn str_width(s: &str, ambiguous: AmbiguousWidth) -> usize {
    crate::text::width::str_width(s, ambiguous)
}

/// The length of an item's source text, a caption's credit included: the offset just
/// past its end.
pub(crate) fn item_len(article: &Article, item: Item) -> usize {
    let (text, credit) = item_text(article, item);
    text.len() + credit.map_or(0, str::len)
}

/// Lays out one item at `opts.width`. `index` is the item's index in [`items`], stored in
/// every line's [`Pos::item`].
pub fn layout_item(article: &Article, item: Item, index: usize, opts: &LayoutOptions) -> Vec<Line> {
    let mut lines = Vec::new();
    layout_item_each(article, item, index, opts, &mut |l| lines.push(l));
    lines
}

/// [`layout_item`] handing each line to `emit` as soon as it is made, in order: the
/// lines of a long paragraph are never all held at once.
pub(crate) fn layout_item_each(
    article: &Article,
    item: Item,
    index: usize,
    opts: &LayoutOptions,
    emit: &mut dyn FnMut(Line),
) {
    let (text, credit) = item_text(article, item);
    // Untrusted characters become notation here, in one place for every output: the
    // pieces of the text and credit, plain runs and notation atoms.
    let text_parts = sanitized_parts(text);
    let credit_parts = credit.filter(|c| !c.is_empty()).map(sanitized_parts);
    // The script conversion of each plain part (display only).
    let text_conv = converted_parts(&text_parts, opts.script, 0);
    let credit_conv = credit_parts
        .as_ref()
        .map(|p| converted_parts(p, opts.script, text.len()));
    let deco = Seg::decoration;
    let mut segs = Vec::with_capacity(4);
    let text_role = match item {
        Item::Banner | Item::Column | Item::Kicker => Role::Banner,
        Item::Title | Item::Subtitle => Role::Title,
        Item::Byline | Item::Dateline => Role::Byline,
        Item::Block(i) => match article.blocks.get(i).map(|b| b.kind) {
            Some(BlockKind::Heading) => Role::Heading,
            Some(BlockKind::Paragraph) | None => {
                // Preformatted text (a code block, `<pre>`, a block all in `<code>`: its
                // line ends kept) is shown as it is set, without the paragraph indent.
                let preformatted =
                    article.blocks.get(i).is_some_and(|b| b.preformatted) || text.contains('\n');
                if !opts.indent.is_empty() && !preformatted {
                    segs.push(deco(opts.indent.as_str(), SegKind::Prefix));
                }
                Role::Body
            }
            Some(BlockKind::Caption) => {
                segs.push(deco(CAPTION_MARKER, SegKind::Prefix));
                Role::Caption
            }
            Some(BlockKind::Note) => Role::Note,
            Some(BlockKind::Byline) => Role::Byline,
        },
    };
    if segs.is_empty()
        && text
            .chars()
            .next()
            .is_some_and(|c| unicode_width::UnicodeWidthChar::width(c) == Some(0))
    {
        // A text that starts with a combining mark or a Hangul vowel has nothing for it
        // to go on: it is shown on a dotted circle, as Unicode shows a mark without a
        // base (The Unicode Standard, 2.11), so no terminal drops it.
        segs.push(deco(MARK_BASE, SegKind::Prefix));
    }
    push_parts(
        &mut segs,
        &text_parts,
        &text_conv,
        text_role,
        0,
        SegKind::Text,
    );
    if let (Some(parts), Some(conv)) = (&credit_parts, &credit_conv) {
        // A photo's credit alone (a caption of no text) follows the marker directly.
        if !text.is_empty() {
            segs.push(deco(CREDIT_SEPARATOR, SegKind::Separator));
        }
        push_parts(
            &mut segs,
            parts,
            conv,
            Role::Credit,
            text.len(),
            SegKind::Credit,
        );
    }
    let bopts = BreakOptions {
        width: opts.width,
        ambiguous: opts.ambiguous,
        level: opts.line_break,
        punctuation: opts.punctuation,
    };
    fill::layout_segments_each(&segs, index, item_len(article, item), &bopts, emit);
}

/// The text cut into plain runs and notation atoms; one plain run (no copy, no scan
/// beyond the fast check) when nothing needs notation.
fn sanitized_parts(text: &str) -> Vec<sanitize::Segment<'_>> {
    if sanitize::needs_sanitizing(text) {
        sanitize::segments(text).collect()
    } else {
        vec![sanitize::Segment {
            src: 0..text.len(),
            text: std::borrow::Cow::Borrowed(text),
            notation: false,
            class: None,
        }]
    }
}

/// The script conversion of each of `parts` (empty for notation and for as-is), its
/// offsets in the item's source text (the parts start at `base`).
fn converted_parts(parts: &[sanitize::Segment<'_>], script: Script, base: usize) -> Vec<Mapped> {
    parts
        .iter()
        .map(|p| {
            if script == Script::AsIs || p.class.is_some() {
                return Mapped::default();
            }
            let mut m = convert::convert_mapped(script, &p.text);
            let off = base + p.src.start;
            m.chars.iter_mut().for_each(|(b, _)| *b += off);
            m.phrases
                .iter_mut()
                .for_each(|(r, _)| *r = r.start + off..r.end + off);
            m
        })
        .collect()
}

/// Adds the segments of text `parts` that start at `base` in the item's source text,
/// converted as `conv` (one per part) says: the characters it replaces one for one are
/// the segment's substitutions, and each phrase it shows as a whole is an atom of its
/// own standing for its source range.
fn push_parts<'a>(
    segs: &mut Vec<Seg<'a>>,
    parts: &'a [sanitize::Segment<'a>],
    conv: &'a [Mapped],
    role: Role,
    base: usize,
    kind: SegKind,
) {
    for (part, mapped) in parts.iter().zip(conv) {
        let replaced = part.class.is_some();
        if replaced || mapped.phrases.is_empty() {
            segs.push(Seg {
                text: &part.text,
                role: if part.notation { Role::Notation } else { role },
                base: Some(base + part.src.start),
                // A replaced character (notation, or a tab shown as spaces) is one atom
                // that stands for its source bytes as a whole.
                src_len: replaced.then(|| part.src.len()),
                kind: if replaced { SegKind::Atom } else { kind },
                conv: &mapped.chars,
            });
            continue;
        }
        // Plain text with phrases: the text between them, and each phrase as an atom.
        let off = base + part.src.start;
        let mut at = 0;
        let mut chars = &mapped.chars[..];
        let text_seg =
            |segs: &mut Vec<Seg<'a>>, from: usize, to: usize, chars: &mut &'a [(usize, char)]| {
                let n = chars.partition_point(|&(b, _)| b < off + to);
                let (these, rest) = chars.split_at(n);
                *chars = rest;
                if from < to {
                    segs.push(Seg {
                        text: &part.text[from..to],
                        role,
                        base: Some(off + from),
                        src_len: None,
                        kind,
                        conv: these,
                    });
                }
            };
        for (range, shown) in &mapped.phrases {
            text_seg(segs, at, range.start - off, &mut chars);
            segs.push(Seg {
                text: shown,
                role,
                base: Some(range.start),
                src_len: Some(range.len()),
                kind: SegKind::Atom,
                conv: &[],
            });
            at = range.end - off;
        }
        text_seg(segs, at, part.text.len(), &mut chars);
    }
}

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
