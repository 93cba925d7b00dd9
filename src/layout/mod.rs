//! Line layout: an [`Article`] and a text width in, role-tagged lines out.
//!
//! Pure: no terminal crate is imported here. The UI turns [`Role`]s into styles.
//!
//! The display sequence of an article is its *items*: the banner, the title and the
//! byline (each when present), then every block in order. Each item is laid out on its
//! own ([`layout_item`]) so that it can be cached per width and laid out again alone.

mod breaking;
pub mod classes;
mod store;

use std::ops::Range;

use serde::Deserialize;

use crate::article::{Article, BlockKind};
use crate::text::sanitize;

pub use crate::text::width::{AmbiguousWidth, grapheme_width};
pub use breaking::fullwidth_substitutions;
pub use store::{CACHED_ITEMS, Layout, SPARSE_ITEM_BYTES, SpanRef, Spans};

use breaking::{BreakOptions, Seg, SegKind};

/// The marker shown before a caption (decoration).
pub const CAPTION_MARKER: &str = "▲ ";
/// The base shown before a text that starts with a zero-width character (decoration).
pub const MARK_BASE: &str = "\u{25CC}";
/// The separator shown between a caption and its credit (decoration).
pub const CREDIT_SEPARATOR: &str = " ";

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

/// The items of an article in display order: the banner, the title and the byline
/// (those present), then every block. Kept as the few header items and the number of
/// blocks, not as a list: an article of a quarter of a million blocks costs nothing more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Items {
    head: [Item; 3],
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
pub type ItemsIter = std::iter::Chain<
    std::iter::Take<std::array::IntoIter<Item, 3>>,
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
    let mut head = [Item::Banner; 3];
    let mut heads = 0;
    for (present, item) in [
        (article.banner.is_some(), Item::Banner),
        (article.title.is_some(), Item::Title),
        (article.byline.is_some(), Item::Byline),
    ] {
        if present {
            head[heads] = item;
            heads += 1;
        }
    }
    Items {
        head,
        heads,
        blocks: article.blocks.len(),
    }
}

/// Item `index` of `article`'s items ([`items`]).
pub fn item_at(article: &Article, index: usize) -> Option<Item> {
    items(article).get(index)
}

/// The source text of an item: its main text, and a caption's credit text.
pub fn item_text(article: &Article, item: Item) -> (&str, Option<&str>) {
    match item {
        Item::Banner => (
            article.banner.as_ref().map_or("", |h| h.text.as_str()),
            None,
        ),
        Item::Title => (article.title.as_ref().map_or("", |h| h.text.as_str()), None),
        Item::Byline => (
            article.byline.as_ref().map_or("", |h| h.text.as_str()),
            None,
        ),
        Item::Block(i) => article.blocks.get(i).map_or(("", None), |b| {
            (b.text.as_str(), b.credit.as_ref().map(|c| c.text.as_str()))
        }),
    }
}

/// Display width of `s` in columns under `ambiguous`, measured per grapheme cluster.
pub fn str_width(s: &str, ambiguous: AmbiguousWidth) -> usize {
    crate::text::width::str_width(s, ambiguous)
}

/// The length of an item's source text, a caption's credit included: the offset just
/// past its end.
pub fn item_len(article: &Article, item: Item) -> usize {
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
pub fn layout_item_each(
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
    let deco = |text, kind| Seg {
        text,
        role: Role::Decoration,
        base: None,
        src_len: None,
        kind,
    };
    let mut segs = Vec::with_capacity(4);
    let text_role = match item {
        Item::Banner => Role::Banner,
        Item::Title => Role::Title,
        Item::Byline => Role::Byline,
        Item::Block(i) => match article.blocks.get(i).map(|b| b.kind) {
            Some(BlockKind::Heading) => Role::Heading,
            Some(BlockKind::Paragraph) | None => {
                if !opts.indent.is_empty() {
                    segs.push(deco(opts.indent.as_str(), SegKind::Prefix));
                }
                Role::Body
            }
            Some(BlockKind::Caption) => {
                segs.push(deco(CAPTION_MARKER, SegKind::Prefix));
                Role::Caption
            }
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
    push_parts(&mut segs, &text_parts, text_role, 0, SegKind::Text);
    if let Some(parts) = &credit_parts {
        segs.push(deco(CREDIT_SEPARATOR, SegKind::Separator));
        push_parts(&mut segs, parts, Role::Credit, text.len(), SegKind::Credit);
    }
    let bopts = BreakOptions {
        width: opts.width,
        ambiguous: opts.ambiguous,
        level: opts.line_break,
        punctuation: opts.punctuation,
    };
    breaking::layout_segments_each(&segs, index, item_len(article, item), &bopts, emit);
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

/// Adds the segments of text `parts` that start at `base` in the item's source text.
fn push_parts<'a>(
    segs: &mut Vec<Seg<'a>>,
    parts: &'a [sanitize::Segment<'a>],
    role: Role,
    base: usize,
    kind: SegKind,
) {
    for part in parts {
        let replaced = part.class.is_some();
        segs.push(Seg {
            text: &part.text,
            role: if part.notation { Role::Notation } else { role },
            base: Some(base + part.src.start),
            // A replaced character (notation, or a tab shown as spaces) is one atom that
            // stands for its source bytes as a whole.
            src_len: replaced.then(|| part.src.len()),
            kind: if replaced { SegKind::Atom } else { kind },
        });
    }
}

#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;
