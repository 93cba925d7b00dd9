//! The whole article laid out, kept compactly: no copy of the article's text, and no
//! record at all for the lines of a small item.
//!
//! [`layout_item`] makes rich [`Line`]s whose spans own their text. Kept for a whole
//! article those cost several times the text (a 50 MB article: hundreds of MB), so the
//! [`Layout`] keeps, for every item, only the index of its first line, and:
//!
//! - for an item whose source text is shorter than [`SPARSE_ITEM_BYTES`] (almost every
//!   paragraph), nothing more: its lines are made again by [`layout_item`] when they are
//!   read (microseconds for an item that small), and the last [`CACHED_ITEMS`] items made
//!   again are kept, so that drawing the same screen twice lays out nothing;
//! - for a larger item (a long paragraph, which would take too long to lay out again for
//!   one line), one small record per line and per span, saying where each span's shown
//!   text comes from:
//!   - the item's source text over the span's source range (almost every span: checked
//!     when the line is stored, never assumed);
//!   - that source text with every ASCII `, ; : ! ? ( )` in its full-width form (a span
//!     whose punctuation the display option replaced throughout; checked the same way);
//!   - else a text of its own in a side store: decoration (indent, caption marker, credit
//!     separator), notation (`^[`, `<U+202E>`), a tab's spaces, a span with some marks
//!     replaced and others not. Short texts are stored once however often they occur.
//!
//! The empty line after each item (before the next) is never stored: it is the last line
//! of the item's range, its `pos` the item's end.
//!
//! Numbers are kept as `u32`: 4 bytes an item, 16 bytes a line record, 16 a span record,
//! so a line of a large item costs 32 bytes (48 with a paragraph's indent) however long
//! its text. An article whose numbers do not fit (an item of 4 GiB or more; 4 Gi lines,
//! spans or bytes of side-store text) switches the store, once, to `usize` numbers
//! (32 bytes a record on 64-bit targets): correct for any input, never a panic. Once
//! every item is laid out, no list keeps room to grow.
//!
//! Lines are given back as rich [`Line`]s ([`Layout::line`]) or as borrowed spans
//! ([`Layout::spans`]), both equal to what [`layout_item`] made. Reading them, and their
//! positions and widths, needs the article they were laid out from.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::{
    Items, LayoutOptions, Line, Pos, Role, Span, item_at, item_len, item_text, items, layout_item,
};
use crate::article::Article;
use crate::text::convert::Script;
use crate::text::fullwidth::fullwidth_form;

/// An item whose source text (caption credit included) is shorter than this many bytes
/// keeps no line records: its lines are laid out again when they are read.
pub(crate) const SPARSE_ITEM_BYTES: usize = 16 * 1024;

/// How many items laid out again are kept, the most recently read: more than a tall
/// terminal shows at once (every item takes at least two lines, its empty line included).
pub(crate) const CACHED_ITEMS: usize = 64;

/// Runs `$e` with `$l` bound to the store's lines, whatever their number type.
macro_rules! with_lines {
    ($store:expr, $l:ident => $e:expr) => {
        match $store {
            Store::Narrow($l) => $e,
            Store::Wide($l) => $e,
        }
    };
}

/// Runs `$e` (a `bool`: whether the numbers fit) on the store's lines, switching the
/// store to `usize` numbers, once, when they do not fit in 32 bits.
macro_rules! push_or_widen {
    ($store:expr, $l:ident => $e:expr) => {{
        let store: &mut Store = $store;
        if let Store::Narrow($l) = store {
            if !$e {
                // A number does not fit in 32 bits: from now on, `usize` numbers.
                *store = Store::Wide(std::mem::take($l).widen());
            }
        }
        if let Store::Wide($l) = store {
            let stored = $e;
            // `usize` numbers always fit.
            debug_assert!(stored);
        }
    }};
}

/// Laying out items with a script set shares the work with a second thread from this
/// many bytes of text on (a thread costs some tens of microseconds; converting 1 KB
/// some hundreds).
const SHARED_LAYOUT_BYTES: usize = 2048;

/// A side-store text at most this long is stored once for all its occurrences.
const INTERN_MAX: usize = 32;

/// The whole article laid out: lines of all items, with one empty line between items.
/// The empty line has no spans and belongs to the item before it (its `pos` is that
/// item's end). See the module doc for how lines are kept.
#[derive(Debug, Clone)]
pub struct Layout {
    opts: LayoutOptions,
    /// Items with less source text than this keep no line records.
    sparse_below: usize,
    store: Store,
    /// The number of lines.
    len: usize,
    /// The items laid out again most recently.
    cache: RefCell<Cache>,
    /// Whether lines made to count an item are kept in `cache` while it has room
    /// ([`Layout::keep_counted`]).
    keep_counted: bool,
}

impl Default for Layout {
    fn default() -> Self {
        Layout::empty(LayoutOptions::default())
    }
}

/// Items laid out again, the most recently read last.
#[derive(Debug, Clone, Default)]
struct Cache {
    items: Vec<(usize, Arc<Vec<Line>>)>,
    /// How many times an item was laid out again.
    made: usize,
}

/// Where line `i` is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    /// The empty line after item `k`.
    Gap(usize),
    /// Line record `r`.
    Rec(usize),
    /// Line `j` of item `k`, laid out again when read.
    Made(usize, usize),
}

/// One span of a stored line, borrowed: what [`Span`] holds, without owning the text
/// unless it has to be made (a span shown with full-width punctuation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanRef<'a> {
    pub text: Cow<'a, str>,
    pub(crate) role: Role,
    pub(crate) src: Option<Range<usize>>,
}

impl SpanRef<'_> {
    /// The span as an owned [`Span`].
    pub(crate) fn to_span(&self) -> Span {
        Span {
            text: self.text.clone().into_owned(),
            role: self.role,
            src: self.src.clone(),
        }
    }
}

/// The spans of one line, in order ([`Layout::spans`]).
#[derive(Debug, Clone)]
pub struct Spans<'a> {
    kept: Kept<'a>,
    source: Source<'a>,
    next: usize,
    end: usize,
}

/// Where the spans [`Spans`] gives come from.
#[derive(Debug, Clone)]
enum Kept<'a> {
    /// The span records of the store.
    Store(&'a Store),
    /// Line `.1` of an item laid out again.
    Made(Arc<Vec<Line>>, usize),
}

impl<'a> Iterator for Spans<'a> {
    type Item = SpanRef<'a>;

    fn next(&mut self) -> Option<SpanRef<'a>> {
        if self.next >= self.end {
            return None;
        }
        let k = self.next;
        self.next += 1;
        match &self.kept {
            Kept::Store(store) => Some(with_lines!(store, l => l.span(k, self.source))),
            Kept::Made(lines, j) => {
                let span = lines.get(*j)?.spans.get(k)?;
                // The text borrowed from the article where it is the source's.
                let text = match span.src.clone().and_then(|r| self.source.slice(r)) {
                    Some(s) if s == span.text => Cow::Borrowed(s),
                    _ => Cow::Owned(span.text.clone()),
                };
                Some(SpanRef {
                    text,
                    role: span.role,
                    src: span.src.clone(),
                })
            }
        }
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
        let mut layout = Layout::empty(opts.clone());
        layout.extend_to(article, &items, items.len());
        layout
    }

    /// A layout with nothing laid out yet, to lay out with `opts` ([`Layout::extend_to`]).
    pub(crate) fn empty(opts: LayoutOptions) -> Layout {
        Layout::with_sparse_below(opts, SPARSE_ITEM_BYTES)
    }

    /// [`Layout::empty`], keeping no line records for items with less source text than
    /// `sparse_below` bytes (0: records for every item).
    fn with_sparse_below(opts: LayoutOptions, sparse_below: usize) -> Layout {
        Layout {
            opts,
            sparse_below,
            store: Store::default(),
            len: 0,
            cache: RefCell::default(),
            keep_counted: false,
        }
    }

    /// While `keep` is set, the lines made to count a small item are kept, as a read
    /// would keep them, while there is room ([`CACHED_ITEMS`]): the reader sets it while
    /// laying out its first screen, which is then drawn without laying it out again.
    pub fn keep_counted(&mut self, keep: bool) {
        self.keep_counted = keep;
    }

    /// What the lines are laid out with.
    pub fn options(&self) -> &LayoutOptions {
        &self.opts
    }

    /// How many items are laid out: the first `laid_out()` of the article's items.
    pub fn laid_out(&self) -> usize {
        with_lines!(&self.store, l => l.starts.len())
    }

    /// The index of item `k`'s first line, if it is laid out.
    pub(crate) fn item_start(&self, k: usize) -> Option<usize> {
        with_lines!(&self.store, l => l.starts.get(k).map(|s| s.get()))
    }

    /// The index of every laid-out item's first line, in order.
    pub fn item_starts(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.laid_out()).filter_map(|k| self.item_start(k))
    }

    /// Lays out the items after those already laid out, up to item `end` (exclusive), so
    /// that a large article can be laid out a part at a time; the result is the same as
    /// [`Layout::new`]'s once every item is laid out. `items` are the article's
    /// [`items`].
    pub(crate) fn extend_to(&mut self, article: &Article, items: &Items, end: usize) {
        let end = end.min(items.len());
        if self.laid_out() >= end {
            return;
        }
        // Room for every item's first line, once: the list never grows past the article.
        with_lines!(&mut self.store, l => l.starts.reserve_exact(items.len() - l.starts.len()));
        let start = self.laid_out();
        let mid = self.shared_from(article, items, start, end);
        if mid == end {
            for index in start..end {
                self.push_item(article, items, index, None);
            }
        } else {
            // The small items of `mid..end` are counted on a second thread while this
            // one lays out `start..mid`: the counts are the same, sooner. Without a
            // thread (the system refused one), this one counts them.
            let (opts, sparse_below) = (self.opts.clone(), self.sparse_below);
            let items = *items;
            std::thread::scope(|scope| {
                let ahead = std::thread::Builder::new().spawn_scoped(scope, move || {
                    (mid..end)
                        .map(|index| {
                            let item = items.get(index)?;
                            (item_len(article, item) < sparse_below).then(|| {
                                let mut n = 0;
                                super::layout_item_each(article, item, index, &opts, &mut |_| {
                                    n += 1;
                                });
                                n
                            })
                        })
                        .collect::<Vec<Option<usize>>>()
                });
                for index in start..mid {
                    self.push_item(article, &items, index, None);
                }
                // A count the thread could not give is made here.
                let counted = ahead.ok().and_then(|t| t.join().ok()).unwrap_or_default();
                for index in mid..end {
                    let n = counted.get(index - mid).copied().flatten();
                    self.push_item(article, &items, index, n);
                }
            });
        }
        if self.laid_out() == items.len() {
            with_lines!(&mut self.store, l => l.shrink_to_fit());
        }
    }

    /// Lays out item `index` after those laid out; `counted`, the number of lines of a
    /// small item if it is known already.
    fn push_item(
        &mut self,
        article: &Article,
        items: &Items,
        index: usize,
        counted: Option<usize>,
    ) {
        let Some(item) = items.get(index) else {
            return;
        };
        if index > 0 {
            // The empty line after the item before.
            self.len += 1;
        }
        let first = self.len;
        push_or_widen!(&mut self.store, l => l.push_start(first));
        if item_len(article, item) < self.sparse_below {
            let n = counted.unwrap_or_else(|| {
                // Kept for the draw to read ([`Layout::keep_counted`]).
                let mut cache = self.cache.borrow_mut();
                if self.keep_counted && cache.items.len() < CACHED_ITEMS {
                    let mut lines = Vec::new();
                    super::layout_item_each(article, item, index, &self.opts, &mut |line| {
                        lines.push(line);
                    });
                    let n = lines.len();
                    cache.items.push((index, Arc::new(lines)));
                    return n;
                }
                let mut n = 0;
                super::layout_item_each(article, item, index, &self.opts, &mut |_| n += 1);
                n
            });
            self.len += n;
            return;
        }
        push_or_widen!(&mut self.store, l => l.push_dense(index));
        let (text, credit) = item_text(article, item);
        let source = Source { text, credit };
        let (store, len) = (&mut self.store, &mut self.len);
        super::layout_item_each(article, item, index, &self.opts, &mut |line| {
            push_or_widen!(&mut *store, l => l.push(&line, source));
            *len += 1;
        });
    }

    /// Where the items `start..end` are split between this thread and a second one
    /// ([`Layout::extend_to`]): `end` (not split) unless a script is set, whose
    /// conversion is most of a layout's time (OpenCC's dictionary lookups, several times
    /// the rest), and there are at least [`SHARED_LAYOUT_BYTES`] to lay out; else the
    /// item where half of their text has come.
    fn shared_from(&self, article: &Article, items: &Items, start: usize, end: usize) -> usize {
        if self.opts.script == Script::AsIs {
            return end;
        }
        let len = |index| items.get(index).map_or(0, |item| item_len(article, item));
        let total: usize = (start..end).map(len).sum();
        if total < SHARED_LAYOUT_BYTES {
            return end;
        }
        let mut seen = 0;
        for index in start..end {
            seen += len(index);
            if seen * 2 >= total {
                return index + 1;
            }
        }
        end
    }

    /// The number of lines.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are no lines (nothing laid out yet).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Where line `i` is kept.
    fn at(&self, i: usize) -> Option<At> {
        if i >= self.len {
            return None;
        }
        with_lines!(&self.store, l => l.at(i))
    }

    /// The lines of item `k` laid out again (or kept from a recent read); `article` is
    /// the article the layout was made from.
    fn made(&self, article: &Article, k: usize) -> Option<Arc<Vec<Line>>> {
        let mut cache = self.cache.borrow_mut();
        if let Some(p) = cache.items.iter().rposition(|(item, _)| *item == k) {
            let entry = cache.items.remove(p);
            let lines = Arc::clone(&entry.1);
            cache.items.push(entry);
            return Some(lines);
        }
        let lines = Arc::new(layout_item(article, item_at(article, k)?, k, &self.opts));
        cache.made += 1;
        if cache.items.len() >= CACHED_ITEMS {
            cache.items.remove(0);
        }
        cache.items.push((k, Arc::clone(&lines)));
        Some(lines)
    }

    /// How many times an item was laid out again to read its lines: drawing the same
    /// screen twice adds nothing.
    pub fn items_made_again(&self) -> usize {
        self.cache.borrow().made
    }

    /// Where in the source line `i` starts; `article` is the article the layout was made
    /// from.
    pub fn pos(&self, article: &Article, i: usize) -> Option<Pos> {
        match self.at(i)? {
            At::Gap(k) => Some(Pos {
                item: k,
                offset: item_at(article, k).map_or(0, |it| item_len(article, it)),
            }),
            At::Rec(r) => with_lines!(&self.store, l => l.lines.get(r).map(|r| Pos {
                item: r.item.get(),
                offset: r.offset.get(),
            })),
            At::Made(k, j) => self.made(article, k)?.get(j).map(|l| l.pos),
        }
    }

    /// The display width of line `i` in columns; `article` is the article the layout was
    /// made from.
    pub fn width(&self, article: &Article, i: usize) -> Option<usize> {
        match self.at(i)? {
            At::Gap(_) => Some(0),
            At::Rec(r) => with_lines!(&self.store, l => l.lines.get(r).map(|r| r.width.get())),
            At::Made(k, j) => self.made(article, k)?.get(j).map(|l| l.width),
        }
    }

    /// The spans of line `i` (none past the end), borrowed from `article` — the article
    /// the layout was made from — and the layout where they can be.
    pub fn spans<'a>(&'a self, article: &'a Article, i: usize) -> Spans<'a> {
        let source = |k: usize| {
            item_at(article, k).map_or(Source::default(), |item| {
                let (text, credit) = item_text(article, item);
                Source { text, credit }
            })
        };
        let none = Spans {
            kept: Kept::Store(&self.store),
            source: Source::default(),
            next: 0,
            end: 0,
        };
        match self.at(i) {
            None | Some(At::Gap(_)) => none,
            Some(At::Rec(r)) => {
                let range = with_lines!(&self.store, l => l.span_range(r));
                let item = with_lines!(&self.store, l => l.lines.get(r).map(|r| r.item.get()));
                Spans {
                    kept: Kept::Store(&self.store),
                    source: item.map_or(Source::default(), source),
                    next: range.start,
                    end: range.end,
                }
            }
            Some(At::Made(k, j)) => match self.made(article, k) {
                Some(lines) => Spans {
                    end: lines.get(j).map_or(0, |l| l.spans.len()),
                    kept: Kept::Made(lines, j),
                    source: source(k),
                    next: 0,
                },
                None => none,
            },
        }
    }

    /// Line `i` as [`layout_item`](super::layout_item) made it; `article` is the
    /// article the layout was made from.
    pub fn line(&self, article: &Article, i: usize) -> Option<Line> {
        if let At::Made(k, j) = self.at(i)? {
            return self.made(article, k)?.get(j).cloned();
        }
        Some(Line {
            pos: self.pos(article, i)?,
            width: self.width(article, i)?,
            spans: self.spans(article, i).map(|s| s.to_span()).collect(),
        })
    }

    /// Every line, made on demand (for tests and tools; the reader asks for the few it
    /// shows). Each small item is laid out again once, past the cache.
    pub fn lines<'a>(&'a self, article: &'a Article) -> impl Iterator<Item = Line> + 'a {
        let mut made: Option<(usize, std::vec::IntoIter<Line>)> = None;
        (0..self.len).filter_map(move |i| match self.at(i)? {
            At::Made(k, _) => {
                if made.as_ref().is_none_or(|(m, _)| *m != k) {
                    let lines = layout_item(article, item_at(article, k)?, k, &self.opts);
                    made = Some((k, lines.into_iter()));
                }
                made.as_mut()?.1.next()
            }
            _ => self.line(article, i),
        })
    }

    /// The index of the line that shows `pos` (the last line starting at or before it);
    /// `article` is the article the layout was made from.
    pub fn line_of(&self, article: &Article, pos: Pos) -> usize {
        let k = pos.item;
        let Some(start) = self.item_start(k) else {
            // Past every laid-out item: the last line.
            return self.len.saturating_sub(1);
        };
        // The item's lines, then its empty line when an item follows.
        let end = self.item_start(k + 1).unwrap_or(self.len);
        let gap = usize::from(k + 1 < self.laid_out());
        let content = end - start - gap;
        let dense = with_lines!(&self.store, l => l.dense_first(k));
        let mut n = match dense {
            Some(first) => with_lines!(&self.store, l => l
                .lines
                .get(first..first + content)
                .map_or(0, |recs| recs.partition_point(|r| r.offset.get() <= pos.offset))),
            None => self.made(article, k).map_or(0, |lines| {
                lines.partition_point(|l| l.pos.offset <= pos.offset)
            }),
        };
        let item_end = item_at(article, k).map_or(0, |it| item_len(article, it));
        if n == content && gap == 1 && item_end <= pos.offset {
            n += 1;
        }
        (start + n).saturating_sub(1)
    }

    /// The bytes the layout holds on the heap (capacities, the item index and the items
    /// laid out again included).
    #[cfg(test)]
    pub(crate) fn heap_bytes(&self) -> usize {
        let cache = self.cache.borrow();
        let made: usize = cache
            .items
            .iter()
            .map(|(_, lines)| {
                2 * size_of::<usize>()
                    + lines.capacity() * size_of::<Line>()
                    + lines
                        .iter()
                        .flat_map(|l| &l.spans)
                        .map(|s| size_of::<Span>() + s.text.capacity())
                        .sum::<usize>()
            })
            .sum();
        with_lines!(&self.store, l => l.heap_bytes())
            + self.opts.indent.capacity()
            + cache.items.capacity() * size_of::<(usize, Arc<Vec<Line>>)>()
            + made
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

/// An item that keeps line records: its index and its first line's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Dense<I> {
    item: I,
    first: I,
}

#[derive(Debug, Clone)]
struct Lines<I> {
    /// For each laid-out item, the index of its first line.
    starts: Vec<I>,
    /// The items that keep line records, in order.
    dense: Vec<Dense<I>>,
    /// The line records of those items, back to back.
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
            starts: Vec::new(),
            dense: Vec::new(),
            lines: Vec::new(),
            spans: Vec::new(),
            stored: String::new(),
            ends: Vec::new(),
            interned: HashMap::new(),
        }
    }
}

impl<I: Idx> Lines<I> {
    /// Notes that the next item's first line is line `first`; false, with nothing
    /// changed, when the number does not fit in `I`.
    fn push_start(&mut self, first: usize) -> bool {
        let Some(first) = I::new(first) else {
            return false;
        };
        self.starts.push(first);
        true
    }

    /// Notes that item `item` keeps line records, from the next one stored on; false,
    /// with nothing changed, when a number does not fit in `I`.
    fn push_dense(&mut self, item: usize) -> bool {
        let (Some(item), Some(first)) = (I::new(item), I::new(self.lines.len())) else {
            return false;
        };
        self.dense.push(Dense { item, first });
        true
    }

    /// The index of the first line record of item `k`, if it keeps records.
    fn dense_first(&self, k: usize) -> Option<usize> {
        let d = self.dense.binary_search_by_key(&k, |d| d.item.get()).ok()?;
        self.dense.get(d).map(|d| d.first.get())
    }

    /// Where line `i` is kept (`i` below the number of lines).
    fn at(&self, i: usize) -> Option<At> {
        let k = self
            .starts
            .partition_point(|s| s.get() <= i)
            .checked_sub(1)?;
        let start = self.starts.get(k)?.get();
        if self.starts.get(k + 1).is_some_and(|s| s.get() == i + 1) {
            return Some(At::Gap(k));
        }
        Some(match self.dense_first(k) {
            Some(first) => At::Rec(first + (i - start)),
            None => At::Made(k, i - start),
        })
    }

    /// Gives back the room kept to grow.
    fn shrink_to_fit(&mut self) {
        self.starts.shrink_to_fit();
        self.dense.shrink_to_fit();
        self.lines.shrink_to_fit();
        self.spans.shrink_to_fit();
        self.stored.shrink_to_fit();
        self.ends.shrink_to_fit();
        self.interned.shrink_to_fit();
    }

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
            starts: self.starts.into_iter().map(Idx::get).collect(),
            dense: self
                .dense
                .into_iter()
                .map(|d| Dense {
                    item: d.item.get(),
                    first: d.first.get(),
                })
                .collect(),
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

    #[cfg(test)]
    fn heap_bytes(&self) -> usize {
        self.starts.capacity() * size_of::<I>()
            + self.dense.capacity() * size_of::<Dense<I>>()
            + self.lines.capacity() * size_of::<LineRec<I>>()
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
