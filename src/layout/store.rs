//! The whole article laid out, kept compactly: no copy of the article's text.
//!
//! [`layout_item`] makes rich [`Line`]s whose spans own their text. Kept for a whole
//! article those cost several times the text (a 50 MB article: hundreds of MB), so the
//! [`Layout`] keeps each line as one small record and each span as one small record
//! saying where its shown text comes from:
//!
//! - the item's source text over the span's source range (almost every span: checked
//!   when the line is stored, never assumed);
//! - that source text with every ASCII `, ; : ! ? ( )` in its full-width form (a span
//!   whose punctuation the display option replaced throughout; checked the same way);
//! - else a text of its own in a side store: decoration (indent, caption marker, credit
//!   separator), notation (`^[`, `<U+202E>`), a tab's spaces, a span with some marks
//!   replaced and others not. Short texts are stored once however often they occur (the
//!   indent of every paragraph costs nothing per line).
//!
//! Numbers are kept as `u32`: 16 bytes a line record, 16 a span record, so a line of one
//! span costs 32 bytes (48 with a paragraph's indent) however long its text. An article
//! whose numbers do not fit (an item of 4 GiB or more; 4 Gi lines, spans or bytes of
//! side-store text) switches the store, once, to `usize` numbers (32 bytes a record on
//! 64-bit targets): correct for any input, never a panic.
//!
//! Lines are given back as rich [`Line`]s ([`Layout::line`]) or as borrowed spans
//! ([`Layout::spans`]), both equal to what [`layout_item`] made. Reading them needs the
//! article they were laid out from.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use super::classes::fullwidth_form;
use super::{Item, LayoutOptions, Line, Pos, Role, Span, item_at, item_len, item_text, items};
use crate::article::Article;

/// Runs `$e` with `$l` bound to the store's lines, whatever their number type.
macro_rules! with_lines {
    ($store:expr, $l:ident => $e:expr) => {
        match $store {
            Store::Narrow($l) => $e,
            Store::Wide($l) => $e,
        }
    };
}

/// A side-store text at most this long is stored once for all its occurrences.
const INTERN_MAX: usize = 32;

/// The whole article laid out: lines of all items, with one empty line between items.
/// The empty line has no spans and belongs to the item before it (its `pos` is that
/// item's end). See the module doc for how lines are kept.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    store: Store,
    /// For each item, the index of its first line.
    pub item_start: Vec<usize>,
}

/// One span of a stored line, borrowed: what [`Span`] holds, without owning the text
/// unless it has to be made (a span shown with full-width punctuation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanRef<'a> {
    pub text: Cow<'a, str>,
    pub role: Role,
    pub src: Option<Range<usize>>,
}

impl SpanRef<'_> {
    /// The span as an owned [`Span`].
    pub fn to_span(&self) -> Span {
        Span {
            text: self.text.clone().into_owned(),
            role: self.role,
            src: self.src.clone(),
        }
    }
}

/// The spans of one stored line, in order ([`Layout::spans`]).
#[derive(Debug, Clone)]
pub struct Spans<'a> {
    store: &'a Store,
    source: Source<'a>,
    next: usize,
    end: usize,
}

impl<'a> Iterator for Spans<'a> {
    type Item = SpanRef<'a>;

    fn next(&mut self) -> Option<SpanRef<'a>> {
        if self.next >= self.end {
            return None;
        }
        let k = self.next;
        self.next += 1;
        Some(with_lines!(self.store, l => l.span(k, self.source)))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end.saturating_sub(self.next);
        (n, Some(n))
    }
}

impl ExactSizeIterator for Spans<'_> {}

impl Layout {
    /// Lays out every item of `article`.
    pub fn new(article: &Article, opts: &LayoutOptions) -> Layout {
        let items = items(article);
        let mut layout = Layout::default();
        layout.extend_to(article, &items, opts, items.len());
        layout
    }

    /// How many items are laid out: the first `laid_out()` of the article's items.
    pub fn laid_out(&self) -> usize {
        self.item_start.len()
    }

    /// Lays out the items after those already laid out, up to item `end` (exclusive), so
    /// that a large article can be laid out a part at a time; the result is the same as
    /// [`Layout::new`]'s once every item is laid out. `items` are the article's
    /// [`items`].
    pub fn extend_to(
        &mut self,
        article: &Article,
        items: &[Item],
        opts: &LayoutOptions,
        end: usize,
    ) {
        for index in self.laid_out()..end.min(items.len()) {
            if index > 0 {
                let prev = items[index - 1];
                let sep = Line {
                    spans: Vec::new(),
                    width: 0,
                    pos: Pos {
                        item: index - 1,
                        offset: item_len(article, prev),
                    },
                };
                self.push(&sep, Source::default());
            }
            self.item_start.push(self.len());
            let (text, credit) = item_text(article, items[index]);
            let source = Source { text, credit };
            super::layout_item_each(article, items[index], index, opts, &mut |line| {
                self.push(&line, source);
            });
        }
    }

    /// Stores `line` of an item whose source text is `source`.
    fn push(&mut self, line: &Line, source: Source<'_>) {
        if let Store::Narrow(lines) = &mut self.store {
            if lines.push(line, source) {
                return;
            }
            // A number does not fit in 32 bits: from now on, `usize` numbers.
            self.store = Store::Wide(std::mem::take(lines).widen());
        }
        if let Store::Wide(lines) = &mut self.store {
            let stored = lines.push(line, source);
            // `usize` numbers always fit.
            debug_assert!(stored);
        }
    }

    /// The number of lines.
    pub fn len(&self) -> usize {
        with_lines!(&self.store, l => l.lines.len())
    }

    /// Whether there are no lines (nothing laid out yet).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where in the source line `i` starts.
    pub fn pos(&self, i: usize) -> Option<Pos> {
        with_lines!(&self.store, l => l.lines.get(i).map(|r| Pos {
            item: r.item.get(),
            offset: r.offset.get(),
        }))
    }

    /// The display width of line `i` in columns.
    pub fn width(&self, i: usize) -> Option<usize> {
        with_lines!(&self.store, l => l.lines.get(i).map(|r| r.width.get()))
    }

    /// The spans of line `i` (none past the end), borrowed from `article` — the article
    /// the layout was made from — and the layout.
    pub fn spans<'a>(&'a self, article: &'a Article, i: usize) -> Spans<'a> {
        let range = with_lines!(&self.store, l => l.span_range(i));
        let source =
            self.pos(i)
                .and_then(|p| item_at(article, p.item))
                .map_or(Source::default(), |item| {
                    let (text, credit) = item_text(article, item);
                    Source { text, credit }
                });
        Spans {
            store: &self.store,
            source,
            next: range.start,
            end: range.end,
        }
    }

    /// Line `i` as [`layout_item`](super::layout_item) made it; `article` is the
    /// article the layout was made from.
    pub fn line(&self, article: &Article, i: usize) -> Option<Line> {
        Some(Line {
            pos: self.pos(i)?,
            width: self.width(i)?,
            spans: self.spans(article, i).map(|s| s.to_span()).collect(),
        })
    }

    /// Every line, made on demand (for tests and tools; the reader asks for the few it
    /// shows).
    pub fn lines<'a>(&'a self, article: &'a Article) -> impl Iterator<Item = Line> + 'a {
        (0..self.len()).filter_map(move |i| self.line(article, i))
    }

    /// The index of the line that shows `pos` (the last line starting at or before it).
    pub fn line_of(&self, pos: Pos) -> usize {
        with_lines!(&self.store, l => l.lines.partition_point(|r| {
            (r.item.get(), r.offset.get()) <= (pos.item, pos.offset)
        }))
        .saturating_sub(1)
    }

    /// The bytes the layout holds on the heap (capacities, the item index included).
    pub fn heap_bytes(&self) -> usize {
        with_lines!(&self.store, l => l.heap_bytes())
            + self.item_start.capacity() * size_of::<usize>()
    }

    /// Whether the layout switched to `usize` numbers.
    #[cfg(test)]
    fn is_wide(&self) -> bool {
        matches!(self.store, Store::Wide(_))
    }
}

/// The lines, with 32-bit numbers until one does not fit.
#[derive(Debug, Clone)]
enum Store {
    Narrow(Lines<u32>),
    Wide(Lines<usize>),
}

impl Default for Store {
    fn default() -> Self {
        Store::Narrow(Lines::default())
    }
}

/// The source text of an item: its text, then a caption's credit.
#[derive(Debug, Clone, Copy, Default)]
struct Source<'a> {
    text: &'a str,
    credit: Option<&'a str>,
}

impl<'a> Source<'a> {
    /// The source text over `range` of item offsets (past the text: the credit's).
    fn slice(self, range: Range<usize>) -> Option<&'a str> {
        let n = self.text.len();
        if range.end <= n {
            self.text.get(range)
        } else if range.start >= n {
            self.credit?.get(range.start - n..range.end - n)
        } else {
            None
        }
    }
}

/// An unsigned number type the store keeps its numbers in.
trait Idx: Copy + Default + std::fmt::Debug {
    /// `n`, if it fits.
    fn new(n: usize) -> Option<Self>;
    fn get(self) -> usize;
}

impl Idx for u32 {
    fn new(n: usize) -> Option<u32> {
        u32::try_from(n).ok()
    }
    fn get(self) -> usize {
        // Lossless on the 32- and 64-bit targets yuedu runs on.
        self as usize
    }
}

impl Idx for usize {
    fn new(n: usize) -> Option<usize> {
        Some(n)
    }
    fn get(self) -> usize {
        self
    }
}

#[cfg(test)]
impl Idx for u8 {
    fn new(n: usize) -> Option<u8> {
        u8::try_from(n).ok()
    }
    fn get(self) -> usize {
        usize::from(self)
    }
}

/// One line: its first span (its spans run to the next line's first), width and
/// position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LineRec<I> {
    span: I,
    width: I,
    item: I,
    offset: I,
}

/// Where a span's shown text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shown {
    /// The item's source text over `start..end`.
    Source,
    /// The item's source text over `start..end` with every ASCII `, ; : ! ? ( )` in its
    /// full-width form.
    Fullwidth,
    /// Side-store text number `text`.
    Stored,
}

/// One span: its source range (`start..end` when `has_src`), role and shown text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SpanRec<I> {
    start: I,
    end: I,
    /// The side-store text's number, for [`Shown::Stored`].
    text: I,
    role: Role,
    shown: Shown,
    has_src: bool,
}

#[derive(Debug, Clone)]
struct Lines<I> {
    lines: Vec<LineRec<I>>,
    spans: Vec<SpanRec<I>>,
    /// The side store: its texts back to back, text `k` ending at `ends[k]`.
    stored: String,
    ends: Vec<I>,
    /// The short side-store texts and their numbers.
    interned: HashMap<Box<str>, I>,
}

impl<I> Default for Lines<I> {
    fn default() -> Self {
        Lines {
            lines: Vec::new(),
            spans: Vec::new(),
            stored: String::new(),
            ends: Vec::new(),
            interned: HashMap::new(),
        }
    }
}

impl<I: Idx> Lines<I> {
    /// Stores `line`; false, with nothing changed, when a number does not fit in `I`.
    fn push(&mut self, line: &Line, source: Source<'_>) -> bool {
        let (lines, spans, stored, ends) = (
            self.lines.len(),
            self.spans.len(),
            self.stored.len(),
            self.ends.len(),
        );
        if self.try_push(line, source).is_some() {
            return true;
        }
        self.lines.truncate(lines);
        self.spans.truncate(spans);
        self.stored.truncate(stored);
        self.ends.truncate(ends);
        self.interned.retain(|_, k| k.get() < ends);
        false
    }

    fn try_push(&mut self, line: &Line, source: Source<'_>) -> Option<()> {
        let rec = LineRec {
            span: I::new(self.spans.len())?,
            width: I::new(line.width)?,
            item: I::new(line.pos.item)?,
            offset: I::new(line.pos.offset)?,
        };
        for span in &line.spans {
            let src = span.src.clone();
            let shown_src = src.clone().and_then(|r| source.slice(r));
            let (shown, text) = match shown_src {
                Some(s) if s == span.text => (Shown::Source, I::default()),
                Some(s) if is_fullwidth_of(s, &span.text) => (Shown::Fullwidth, I::default()),
                _ => (Shown::Stored, self.store_text(&span.text)?),
            };
            let r = src.clone().unwrap_or(0..0);
            self.spans.push(SpanRec {
                start: I::new(r.start)?,
                end: I::new(r.end)?,
                text,
                role: span.role,
                shown,
                has_src: src.is_some(),
            });
        }
        self.lines.push(rec);
        Some(())
    }

    /// The number of `text` in the side store, stored now unless it is a short text
    /// already there.
    fn store_text(&mut self, text: &str) -> Option<I> {
        if let Some(&k) = self.interned.get(text) {
            return Some(k);
        }
        let k = I::new(self.ends.len())?;
        let end = I::new(self.stored.len() + text.len())?;
        self.stored.push_str(text);
        self.ends.push(end);
        if text.len() <= INTERN_MAX {
            self.interned.insert(text.into(), k);
        }
        Some(k)
    }

    /// Side-store text `k`.
    fn stored_text(&self, k: usize) -> &str {
        let start = k
            .checked_sub(1)
            .and_then(|j| self.ends.get(j))
            .map_or(0, |e| e.get());
        let end = self.ends.get(k).map_or(start, |e| e.get());
        self.stored.get(start..end).unwrap_or("")
    }

    /// The indexes in `spans` of line `i`'s spans.
    fn span_range(&self, i: usize) -> Range<usize> {
        let Some(rec) = self.lines.get(i) else {
            return 0..0;
        };
        let end = self
            .lines
            .get(i + 1)
            .map_or(self.spans.len(), |r| r.span.get());
        rec.span.get()..end
    }

    /// Span `k` of a line of the item whose source text is `source`.
    fn span<'a>(&'a self, k: usize, source: Source<'a>) -> SpanRef<'a> {
        let Some(rec) = self.spans.get(k) else {
            return SpanRef {
                text: Cow::Borrowed(""),
                role: Role::Decoration,
                src: None,
            };
        };
        let range = rec.start.get()..rec.end.get();
        let text = match rec.shown {
            Shown::Source => Cow::Borrowed(source.slice(range.clone()).unwrap_or("")),
            Shown::Fullwidth => Cow::Owned(
                source
                    .slice(range.clone())
                    .unwrap_or("")
                    .chars()
                    .map(|c| fullwidth_form(c).unwrap_or(c))
                    .collect(),
            ),
            Shown::Stored => Cow::Borrowed(self.stored_text(rec.text.get())),
        };
        SpanRef {
            text,
            role: rec.role,
            src: rec.has_src.then_some(range),
        }
    }

    /// The same lines with `usize` numbers.
    fn widen(self) -> Lines<usize> {
        Lines {
            lines: self
                .lines
                .into_iter()
                .map(|r| LineRec {
                    span: r.span.get(),
                    width: r.width.get(),
                    item: r.item.get(),
                    offset: r.offset.get(),
                })
                .collect(),
            spans: self
                .spans
                .into_iter()
                .map(|s| SpanRec {
                    start: s.start.get(),
                    end: s.end.get(),
                    text: s.text.get(),
                    role: s.role,
                    shown: s.shown,
                    has_src: s.has_src,
                })
                .collect(),
            stored: self.stored,
            ends: self.ends.into_iter().map(Idx::get).collect(),
            interned: self
                .interned
                .into_iter()
                .map(|(t, k)| (t, k.get()))
                .collect(),
        }
    }

    fn heap_bytes(&self) -> usize {
        self.lines.capacity() * size_of::<LineRec<I>>()
            + self.spans.capacity() * size_of::<SpanRec<I>>()
            + self.stored.capacity()
            + self.ends.capacity() * size_of::<I>()
            + self.interned.capacity() * (size_of::<(Box<str>, I)>() + 1)
            + self.interned.keys().map(|t| t.len()).sum::<usize>()
    }
}

/// Whether `shown` is `src` with every ASCII `, ; : ! ? ( )` in its full-width form.
fn is_fullwidth_of(src: &str, shown: &str) -> bool {
    let mut a = src.chars();
    let mut b = shown.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(c), Some(t)) if fullwidth_form(c).unwrap_or(c) == t => {}
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests;
