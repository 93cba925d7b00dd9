//! Line layout: an [`Article`] and a text width in, role-tagged lines out.
//!
//! Pure: no terminal crate is imported here. The UI turns [`Role`]s into styles.
//!
//! The display sequence of an article is its *items*: the banner, the title and the
//! byline (each when present), then every block in order. Each item is laid out on its
//! own ([`layout_item`]) so that it can be cached per width and laid out again alone.

use std::ops::Range;

use serde::Deserialize;

use crate::article::Article;

/// How wide the East Asian *ambiguous* characters (“ ” ‘ ’ … — · ▲) are drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AmbiguousWidth {
    /// One column: most terminals outside a CJK locale.
    #[default]
    Narrow,
    /// Two columns: terminals set up for CJK.
    Wide,
}

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

/// The items of an article in display order.
pub fn items(article: &Article) -> Vec<Item> {
    let mut out = Vec::with_capacity(article.blocks.len() + 3);
    if article.banner.is_some() {
        out.push(Item::Banner);
    }
    if article.title.is_some() {
        out.push(Item::Title);
    }
    if article.byline.is_some() {
        out.push(Item::Byline);
    }
    out.extend((0..article.blocks.len()).map(Item::Block));
    out
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
    let _ = (s, ambiguous);
    todo!("layout engine")
}

/// Lays out one item at `opts.width`. `index` is the item's index in [`items`], stored in
/// every line's [`Pos::item`].
pub fn layout_item(article: &Article, item: Item, index: usize, opts: &LayoutOptions) -> Vec<Line> {
    let _ = (article, item, index, opts);
    todo!("layout engine")
}

/// The whole article laid out: lines of all items, with one empty line between items.
/// The empty line has no spans and belongs to the item before it (its `pos` is that
/// item's end).
#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub lines: Vec<Line>,
    /// For each item, the index in `lines` of its first line.
    pub item_start: Vec<usize>,
}

impl Layout {
    /// Lays out every item of `article`.
    pub fn new(article: &Article, opts: &LayoutOptions) -> Layout {
        let _ = (article, opts);
        todo!("layout engine")
    }

    /// The index of the line that shows `pos` (the last line starting at or before it).
    pub fn line_of(&self, pos: Pos) -> usize {
        let _ = pos;
        todo!("layout engine")
    }
}
