//! The compact store gives back exactly the lines `layout_item` made.

use proptest::prelude::*;

use super::*;
use crate::article::{BlockKind, HeaderLine};
use crate::layout::test_support::{block, random_text};
use crate::layout::{AmbiguousWidth, LineBreakLevel, PunctuationDisplay, layout_item};
use crate::text::convert::Script;

/// Pieces of every kind the layout treats specially: Chinese, Latin, half- and
/// full-width punctuation, parentheses, tabs, runs of spaces, controls and bidi
/// characters shown as notation, invisible characters, combining marks, emoji.
const PIECES: &[&str] = &[
    "长三角",
    "头发",
    "互联网",
    "软件",
    "一体化",
    "余姚",
    "，",
    "。",
    "“",
    "”",
    "——",
    "……",
    ",",
    ";",
    ":",
    "!",
    "?",
    "(",
    ")",
    "（",
    "）",
    "AIoT",
    "2024",
    "3.65%",
    " ",
    "   ",
    "\t",
    "\u{1b}",
    "\u{1b}]0;x\u{7}",
    "\u{202e}",
    "\u{200b}",
    "\u{e000}",
    "e\u{301}",
    "长\u{301}\u{301}\u{301}",
    "👨\u{200d}👩\u{200d}👧",
    "/",
    "a",
    "b, c",
];

fn header(text: &str) -> Option<HeaderLine> {
    Some(HeaderLine::new(text.to_string(), 0))
}

/// An article of every item kind made of `texts`: banner, title, byline, then blocks
/// cycling through paragraph, heading and caption (with a credit).
fn article_of(texts: &[String]) -> Article {
    let mut blocks = Vec::new();
    for (k, t) in texts.iter().enumerate().skip(3) {
        blocks.push(match k % 4 {
            0 => block(BlockKind::Heading, t, None),
            1 => block(BlockKind::Caption, t, Some("张三\t摄\u{1b}")),
            2 => block(BlockKind::Caption, t, None),
            _ => block(BlockKind::Paragraph, t, None),
        });
    }
    Article {
        banner: texts.first().and_then(|t| header(t)),
        title: texts.get(1).and_then(|t| header(t)),
        byline: texts.get(2).and_then(|t| header(t)),
        blocks,
        ..Article::default()
    }
}

/// The lines and item starts the rich layout makes: every item's [`layout_item`]
/// lines, one empty line between items.
fn reference(article: &Article, opts: &LayoutOptions) -> (Vec<Line>, Vec<usize>) {
    let items = items(article);
    let mut lines = Vec::new();
    let mut starts = Vec::new();
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            lines.push(Line {
                spans: Vec::new(),
                width: 0,
                pos: Pos {
                    item: index - 1,
                    offset: item_len(article, items.get(index - 1).expect("the item before")),
                },
            });
        }
        starts.push(lines.len());
        lines.extend(layout_item(article, item, index, opts));
    }
    (lines, starts)
}

/// `article` laid out keeping line records for the items of `sparse_below` bytes or
/// more (0: for every item).
fn layout_with(article: &Article, opts: &LayoutOptions, sparse_below: usize) -> Layout {
    let items = items(article);
    let mut layout = Layout::with_sparse_below(opts.clone(), sparse_below);
    layout.extend_to(article, &items, items.len());
    layout
}

/// Every line of `layout`, through every accessor, equals the reference line.
fn assert_same(layout: &Layout, article: &Article, opts: &LayoutOptions) {
    let (want, starts) = reference(article, opts);
    assert_eq!(layout.len(), want.len(), "{opts:?}");
    assert_eq!(layout.item_starts().collect::<Vec<_>>(), starts, "{opts:?}");
    assert_eq!(layout.laid_out(), starts.len());
    for (i, w) in want.iter().enumerate() {
        assert_eq!(
            layout.line(article, i).as_ref(),
            Some(w),
            "line {i} {opts:?}"
        );
        assert_eq!(layout.pos(article, i), Some(w.pos));
        assert_eq!(layout.width(article, i), Some(w.width));
        let view: Vec<Span> = layout.spans(article, i).map(|s| s.to_span()).collect();
        assert_eq!(view, w.spans);
        assert_eq!(
            layout.line_of(article, w.pos),
            want.partition_point(|l| l.pos <= w.pos) - 1
        );
    }
    assert!(layout.lines(article).eq(want.iter().cloned()));
    assert_eq!(layout.pos(article, want.len()), None);
    assert_eq!(layout.width(article, want.len()), None);
    assert_eq!(layout.line(article, want.len()), None);
    assert_eq!(layout.spans(article, want.len()).count(), 0);
}

fn options(
    width: usize,
    ambiguous: AmbiguousWidth,
    line_break: LineBreakLevel,
    punctuation: PunctuationDisplay,
) -> LayoutOptions {
    LayoutOptions {
        width,
        ambiguous,
        line_break,
        punctuation,
        ..LayoutOptions::default()
    }
}

#[test]
fn a_layout_can_move_to_another_thread() {
    fn send<T: Send>() {}
    send::<Layout>();
}

#[test]
fn records_are_sixteen_bytes() {
    assert_eq!(size_of::<LineRec<u32>>(), 16);
    assert_eq!(size_of::<SpanRec<u32>>(), 16);
}

#[test]
fn mixed_texts_at_every_width_come_back_as_laid_out() {
    let mut seen = [0usize; 4];
    for seed in 0..6u64 {
        let texts: Vec<String> = (0..9u64)
            .map(|k| {
                random_text(
                    PIECES,
                    seed * 31 + k,
                    3 + usize::try_from((seed + k) % 7).unwrap_or(0) * 6,
                )
            })
            .collect();
        let article = article_of(&texts);
        for width in 0..=100 {
            let punctuation = if (width + usize::try_from(seed).unwrap_or(0)) % 2 == 0 {
                PunctuationDisplay::Fullwidth
            } else {
                PunctuationDisplay::AsIs
            };
            let ambiguous = if width % 3 == 0 {
                AmbiguousWidth::Wide
            } else {
                AmbiguousWidth::Narrow
            };
            let o = options(width, ambiguous, LineBreakLevel::Strict, punctuation);
            assert_same(&Layout::new(&article, &o), &article, &o);
            let layout = layout_with(&article, &o, 0);
            assert!(!layout.is_wide());
            assert_same(&layout, &article, &o);
            if let Store::Narrow(l) = &layout.store {
                for s in &l.spans {
                    seen[match (s.shown, s.has_src) {
                        (Shown::Source, _) => 0,
                        (Shown::Fullwidth, _) => 1,
                        (Shown::Stored, true) => 2,
                        (Shown::Stored, false) => 3,
                    }] += 1;
                }
            }
        }
    }
    // Every way of keeping a span was taken.
    assert!(seen.iter().all(|&n| n > 0), "{seen:?}");
}

#[test]
fn the_shipped_article_keeps_no_copy_of_its_text() {
    let article = crate::formats::text::parse(crate::input::source::SHIPPED_ARTICLE);
    for punctuation in [PunctuationDisplay::AsIs, PunctuationDisplay::Fullwidth] {
        let o = options(40, AmbiguousWidth::Narrow, LineBreakLevel::Gb, punctuation);
        assert_same(&Layout::new(&article, &o), &article, &o);
        let layout = layout_with(&article, &o, 0);
        assert_same(&layout, &article, &o);
        let Store::Narrow(l) = &layout.store else {
            panic!("narrow numbers");
        };
        // The side store holds the decorations, once each.
        assert!(l.stored.len() < 64, "{:?}", l.stored);
        assert!(
            l.spans
                .iter()
                .all(|s| s.shown != Shown::Stored || !s.has_src)
        );
    }
}

#[test]
fn repeated_decorations_are_stored_once() {
    // Indent, caption marker, credit separator, the credit's tab and notation: the same
    // few texts for 20 blocks as for 200.
    let stored = |n: usize| {
        let texts: Vec<String> = (0..n).map(|k| "一二三四五".repeat(k % 5 + 1)).collect();
        let article = article_of(&texts);
        let o = LayoutOptions {
            width: 6,
            ..LayoutOptions::default()
        };
        let layout = layout_with(&article, &o, 0);
        assert_same(&layout, &article, &o);
        let Store::Narrow(l) = &layout.store else {
            panic!("narrow numbers");
        };
        (l.ends.len(), l.stored.clone())
    };
    assert_eq!(stored(200), stored(20));
    assert!(stored(200).0 <= 6, "{:?}", stored(200));
}

#[test]
fn marks_replaced_in_part_are_stored_as_shown() {
    // "a, b" keeps its comma, "长,长" does not: one span, stored as shown.
    let texts = ["", "", "", "", "", "", "", "长,长 a, b 长"].map(String::from);
    let article = article_of(&texts);
    let o = options(
        80,
        AmbiguousWidth::Narrow,
        LineBreakLevel::Gb,
        PunctuationDisplay::Fullwidth,
    );
    let layout = layout_with(&article, &o, 0);
    assert_same(&layout, &article, &o);
    let i = layout.item_start(7).unwrap_or(usize::MAX);
    let text: String = layout
        .spans(&article, i)
        .map(|s| s.text.into_owned())
        .collect();
    assert_eq!(text, "　　长，长 a, b 长");
}

#[test]
fn wide_numbers_give_the_same_lines() {
    let texts: Vec<String> = (0..9u64).map(|k| random_text(PIECES, k, 20)).collect();
    let article = article_of(&texts);
    for width in [0, 1, 2, 7, 30] {
        let o = options(
            width,
            AmbiguousWidth::Narrow,
            LineBreakLevel::Gb,
            PunctuationDisplay::Fullwidth,
        );
        let items = items(&article);
        // Records for every item, and for half of them.
        for sparse_below in [0, 60] {
            let mut layout = Layout {
                store: Store::Wide(Lines::default()),
                ..Layout::with_sparse_below(o.clone(), sparse_below)
            };
            layout.extend_to(&article, &items, items.len());
            assert!(layout.is_wide());
            assert_same(&layout, &article, &o);
        }
    }
}

/// Everything a store holds, to see that a push that did not fit changed nothing.
#[allow(clippy::type_complexity)]
fn contents<I: Clone>(
    l: &Lines<I>,
) -> (
    Vec<I>,
    Vec<Dense<I>>,
    Vec<LineRec<I>>,
    Vec<SpanRec<I>>,
    String,
    Vec<I>,
    HashMap<Box<str>, I>,
) {
    (
        l.starts.clone(),
        l.dense.clone(),
        l.lines.clone(),
        l.spans.clone(),
        l.stored.clone(),
        l.ends.clone(),
        l.interned.clone(),
    )
}

#[test]
fn a_number_too_large_changes_nothing_and_widening_keeps_every_line() {
    // With 8-bit numbers a paragraph of some 500 bytes overflows part way: the store must stay as
    // it was, and the widened store take the rest.
    let texts: Vec<String> = (0..8u64).map(|k| random_text(PIECES, k + 7, 120)).collect();
    let article = article_of(&texts);
    let o = options(
        9,
        AmbiguousWidth::Narrow,
        LineBreakLevel::Gb,
        PunctuationDisplay::Fullwidth,
    );
    let (want, _) = reference(&article, &o);
    let items = items(&article);
    let mut narrow: Lines<u8> = Lines::default();
    let mut wide: Option<Lines<usize>> = None;
    let mut widened_at = None;
    let mut len = 0;
    // What `Layout::extend_to` does, with 8-bit numbers first.
    macro_rules! step {
        ($l:ident => $e:expr) => {
            if let Some($l) = wide.as_mut() {
                assert!($e);
            } else {
                let before = contents(&narrow);
                let $l = &mut narrow;
                if !$e {
                    assert_eq!(before, contents(&narrow));
                    let mut w = std::mem::take(&mut narrow).widen();
                    let $l = &mut w;
                    assert!($e);
                    wide = Some(w);
                    widened_at = Some(len);
                }
            }
        };
    }
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            len += 1;
        }
        step!(l => l.push_start(len));
        step!(l => l.push_dense(index));
        let (text, credit) = item_text(&article, item);
        let source = Source { text, credit };
        for line in layout_item(&article, item, index, &o) {
            step!(l => l.push(&line, source));
            len += 1;
        }
    }
    assert_eq!(len, want.len());
    assert!(widened_at.is_some_and(|i| i > 0), "overflowed part way");
    let Some(wide) = wide else { return };
    let layout = Layout {
        store: Store::Wide(wide),
        len,
        ..Layout::with_sparse_below(o.clone(), 0)
    };
    assert_same(&layout, &article, &o);
}

#[test]
fn progressive_layout_equals_the_whole() {
    let texts: Vec<String> = (0..40u64).map(|k| random_text(PIECES, k, 12)).collect();
    let article = article_of(&texts);
    let o = LayoutOptions {
        width: 17,
        punctuation: PunctuationDisplay::Fullwidth,
        ..LayoutOptions::default()
    };
    let items = items(&article);
    for sparse_below in [0, 40, SPARSE_ITEM_BYTES] {
        let whole = layout_with(&article, &o, sparse_below);
        let mut parts = Layout::with_sparse_below(o.clone(), sparse_below);
        let mut end = 0;
        while parts.laid_out() < items.len() {
            end += 3;
            parts.extend_to(&article, &items, end);
            // What is laid out so far reads as the whole does.
            for i in 0..parts.len() {
                assert_eq!(parts.line(&article, i), whole.line(&article, i), "line {i}");
            }
        }
        assert!(parts.item_starts().eq(whole.item_starts()));
        assert!(parts.lines(&article).eq(whole.lines(&article)));
        assert_same(&parts, &article, &o);
    }
}

/// An article of `n` items of every length from a few bytes to a few hundred.
fn mixed_article(n: usize, seed: u64) -> Article {
    let texts: Vec<String> = (0..n)
        .map(|k| random_text(PIECES, seed * 1000 + k as u64, 1 + k * 7 % 40))
        .collect();
    article_of(&texts)
}

/// The median length of the items of `article`: items below it keep no records, the
/// others do.
fn median_len(article: &Article) -> usize {
    let mut lens: Vec<usize> = items(article)
        .iter()
        .map(|it| item_len(article, it))
        .collect();
    lens.sort_unstable();
    lens.get(lens.len() / 2).copied().unwrap_or(0)
}

/// `layout` gives what `other` gives through every accessor; `line_of` is asked for
/// every offset of every item (and past the end) and answers as a search over all the
/// reference lines does.
fn assert_alike(layout: &Layout, other: &Layout, article: &Article, opts: &LayoutOptions) {
    let (want, _) = reference(article, opts);
    assert_eq!(layout.len(), other.len());
    assert_eq!(layout.laid_out(), other.laid_out());
    assert!(layout.item_starts().eq(other.item_starts()));
    for i in 0..=layout.len() {
        assert_eq!(layout.pos(article, i), other.pos(article, i), "line {i}");
        assert_eq!(layout.width(article, i), other.width(article, i));
        assert_eq!(layout.line(article, i), other.line(article, i));
        assert!(layout.spans(article, i).eq(other.spans(article, i)));
    }
    assert!(layout.lines(article).eq(other.lines(article)));
    let items = items(article);
    for k in 0..=items.len() {
        let end = items.get(k).map_or(0, |it| item_len(article, it));
        for offset in 0..=end + 1 {
            let pos = Pos { item: k, offset };
            let line = layout.line_of(article, pos);
            assert_eq!(line, other.line_of(article, pos), "{pos:?}");
            let searched = want.partition_point(|l| l.pos <= pos).saturating_sub(1);
            assert_eq!(line, searched, "{pos:?}");
        }
    }
}

#[test]
fn small_and_large_items_mixed_read_as_records_for_all() {
    for seed in 0..4u64 {
        let article = mixed_article(30, seed);
        let median = median_len(&article);
        for width in [0, 1, 2, 5, 13, 40] {
            let punctuation = if seed % 2 == 0 {
                PunctuationDisplay::Fullwidth
            } else {
                PunctuationDisplay::AsIs
            };
            let o = options(
                width,
                AmbiguousWidth::Narrow,
                LineBreakLevel::Gb,
                punctuation,
            );
            let all = layout_with(&article, &o, 0);
            let mixed = layout_with(&article, &o, median);
            // Both kinds in the one article.
            let Store::Narrow(l) = &mixed.store else {
                panic!("narrow numbers");
            };
            assert!(!l.dense.is_empty() && l.dense.len() < mixed.laid_out());
            assert!(!l.lines.is_empty());
            assert_alike(&mixed, &all, &article, &o);
            assert_alike(&layout_with(&article, &o, usize::MAX), &all, &article, &o);
        }
    }
}

#[test]
fn lines_read_in_any_order_are_the_lines_laid_out() {
    // More items than the cache keeps, read in a random order through every accessor.
    let article = mixed_article(3 * CACHED_ITEMS, 9);
    let o = options(
        11,
        AmbiguousWidth::Narrow,
        LineBreakLevel::Strict,
        PunctuationDisplay::Fullwidth,
    );
    let (want, _) = reference(&article, &o);
    let layout = layout_with(&article, &o, median_len(&article));
    let mut x = 5u64;
    for _ in 0..4 * want.len() {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let i = usize::try_from(x >> 33).unwrap_or(0) % want.len();
        let w = &want[i];
        match (x >> 20) % 5 {
            0 => assert_eq!(layout.line(&article, i).as_ref(), Some(w), "line {i}"),
            1 => assert_eq!(layout.pos(&article, i), Some(w.pos), "line {i}"),
            2 => assert_eq!(layout.width(&article, i), Some(w.width), "line {i}"),
            3 => {
                let spans: Vec<Span> = layout.spans(&article, i).map(|s| s.to_span()).collect();
                assert_eq!(spans, w.spans, "line {i}");
            }
            _ => assert_eq!(
                layout.line_of(&article, w.pos),
                want.partition_point(|l| l.pos <= w.pos) - 1
            ),
        }
        assert!(layout.cache.borrow().items.len() <= CACHED_ITEMS);
    }
    assert!(layout.items_made_again() > CACHED_ITEMS);
}

#[test]
fn reading_the_same_lines_again_lays_out_nothing() {
    let article = mixed_article(200, 3);
    let o = options(
        20,
        AmbiguousWidth::Narrow,
        LineBreakLevel::Gb,
        PunctuationDisplay::AsIs,
    );
    let layout = Layout::new(&article, &o);
    assert_eq!(layout.items_made_again(), 0, "laying out keeps nothing");
    // What drawing a screen of 60 lines from `top` reads.
    let draw = |top: usize| {
        for i in top..top + 60 {
            let pos = layout.pos(&article, i).expect("a line");
            assert_eq!(layout.line_of(&article, pos), i);
            layout.spans(&article, i).for_each(drop);
        }
    };
    draw(100);
    let made = layout.items_made_again();
    // Every item takes two lines at least, its empty line included.
    assert!((1..=31).contains(&made), "{made}");
    draw(100);
    assert_eq!(layout.items_made_again(), made, "the same screen again");
    draw(101);
    assert!(layout.items_made_again() <= made + 1, "one line on");
}

#[test]
fn small_items_keep_four_bytes_each_and_no_room_to_grow() {
    let article = mixed_article(1000, 1);
    let o = options(
        13,
        AmbiguousWidth::Narrow,
        LineBreakLevel::Gb,
        PunctuationDisplay::AsIs,
    );
    let layout = Layout::new(&article, &o);
    let Store::Narrow(l) = &layout.store else {
        panic!("narrow numbers");
    };
    assert!(l.lines.is_empty() && l.spans.is_empty() && l.dense.is_empty());
    assert_eq!(
        layout.heap_bytes(),
        4 * 1000 + layout.options().indent.capacity()
    );
    // Kept as records, laid out a part at a time: no list keeps room once done.
    let items = items(&article);
    let mut all = Layout::with_sparse_below(o.clone(), 0);
    for end in (0..=items.len()).step_by(7).chain([items.len()]) {
        all.extend_to(&article, &items, end);
    }
    let Store::Narrow(l) = &all.store else {
        panic!("narrow numbers");
    };
    assert_eq!(l.starts.capacity(), l.starts.len());
    assert_eq!(l.dense.capacity(), l.dense.len());
    assert_eq!(l.lines.capacity(), l.lines.len());
    assert_eq!(l.spans.capacity(), l.spans.len());
    assert_eq!(l.ends.capacity(), l.ends.len());
    assert_same(&all, &article, &o);
}

#[test]
fn item_at_is_the_items_list() {
    for texts in [
        vec![String::new(); 5],
        vec!["a".to_string(); 5],
        vec![
            "x".to_string(),
            String::new(),
            "y".to_string(),
            "z".to_string(),
        ],
    ] {
        let mut article = article_of(&texts);
        article.banner = article.banner.filter(|h| !h.text.is_empty());
        article.title = article.title.filter(|h| !h.text.is_empty());
        article.byline = article.byline.filter(|h| !h.text.is_empty());
        let items = items(&article);
        for k in 0..items.len() + 2 {
            assert_eq!(item_at(&article, k), items.get(k));
        }
    }
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => "[a-z ,;:!?()\t]{1,6}",
        1 => "[\u{4e00}-\u{4e20}，。（）“”]{1,8}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn any_article_comes_back_as_laid_out(
        texts in prop::collection::vec(text(), 1..9),
        width in 0usize..=100,
        wide in any::<bool>(),
        fullwidth in any::<bool>(),
        strict in any::<bool>(),
        indent in prop::sample::select(vec!["", "\u{3000}\u{3000}", "\t"]),
        sparse_below in 0usize..120,
        script in prop::sample::select(vec![Script::AsIs, Script::Traditional, Script::Taiwan]),
    ) {
        let article = article_of(&texts);
        let o = LayoutOptions {
            width,
            ambiguous: if wide { AmbiguousWidth::Wide } else { AmbiguousWidth::Narrow },
            line_break: if strict { LineBreakLevel::Strict } else { LineBreakLevel::Basic },
            punctuation: if fullwidth { PunctuationDisplay::Fullwidth } else { PunctuationDisplay::AsIs },
            script,
            indent: indent.to_string(),
        };
        // Lines made again for every item, kept as records for every item, and both.
        assert_same(&Layout::new(&article, &o), &article, &o);
        assert_same(&layout_with(&article, &o, 0), &article, &o);
        assert_same(&layout_with(&article, &o, sparse_below), &article, &o);
    }
}

#[test]
fn a_layout_shared_with_a_second_thread_is_the_same() {
    // Enough text in a script that two threads share the layout: the counts the second
    // one makes put every line where the items laid out alone put it.
    let texts: Vec<String> = (0..48).map(|k| random_text(PIECES, k, 40)).collect();
    let article = article_of(&texts);
    let items = items(&article);
    for script in [Script::Traditional, Script::Taiwan] {
        let o = LayoutOptions {
            width: 24,
            script,
            ..LayoutOptions::default()
        };
        let layout = Layout::new(&article, &o);
        let mid = layout.shared_from(&article, &items, 0, items.len());
        assert!(0 < mid && mid < items.len(), "not shared: {mid}");
        assert_same(&layout, &article, &o);
        // Records for the larger items (laid out by this thread in either half).
        assert_same(&layout_with(&article, &o, 150), &article, &o);
        // As-is is never shared.
        let as_is = LayoutOptions {
            script: Script::AsIs,
            ..o
        };
        assert_eq!(
            Layout::empty(as_is).shared_from(&article, &items, 0, items.len()),
            items.len()
        );
    }
}
