//! The compact store gives back exactly the lines `layout_item` made.

use proptest::prelude::*;

use super::*;
use crate::article::{Block, BlockKind, Credit, HeaderLine, Parts};
use crate::layout::{AmbiguousWidth, LineBreakLevel, PunctuationDisplay, layout_item};

/// Pieces of every kind the layout treats specially: Chinese, Latin, half- and
/// full-width punctuation, parentheses, tabs, runs of spaces, controls and bidi
/// characters shown as notation, invisible characters, combining marks, emoji.
const PIECES: &[&str] = &[
    "长三角",
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

fn random_text(seed: u64, n: usize) -> String {
    let mut x = seed;
    let mut out = String::new();
    for _ in 0..n {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        out.push_str(PIECES[usize::try_from(x >> 33).unwrap_or(0) % PIECES.len()]);
    }
    out
}

fn block(kind: BlockKind, text: &str, credit: Option<&str>) -> Block {
    Block {
        kind,
        text: text.into(),
        parts: Parts::one(1),
        credit: credit.map(|c| {
            Box::new(Credit {
                name: c.split(' ').next().unwrap_or("").to_string(),
                text: c.to_string(),
                line: 2,
            })
        }),
    }
}

fn header(text: &str) -> Option<HeaderLine> {
    Some(HeaderLine {
        text: text.to_string(),
        line: 1,
    })
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
    for (index, &item) in items.iter().enumerate() {
        if index > 0 {
            lines.push(Line {
                spans: Vec::new(),
                width: 0,
                pos: Pos {
                    item: index - 1,
                    offset: item_len(article, items[index - 1]),
                },
            });
        }
        starts.push(lines.len());
        lines.extend(layout_item(article, item, index, opts));
    }
    (lines, starts)
}

/// Every line of `layout`, through every accessor, equals the reference line.
fn assert_same(layout: &Layout, article: &Article, opts: &LayoutOptions) {
    let (want, starts) = reference(article, opts);
    assert_eq!(layout.len(), want.len(), "{opts:?}");
    assert_eq!(layout.item_start, starts, "{opts:?}");
    for (i, w) in want.iter().enumerate() {
        assert_eq!(
            layout.line(article, i).as_ref(),
            Some(w),
            "line {i} {opts:?}"
        );
        assert_eq!(layout.pos(i), Some(w.pos));
        assert_eq!(layout.width(i), Some(w.width));
        let view: Vec<Span> = layout.spans(article, i).map(|s| s.to_span()).collect();
        assert_eq!(view, w.spans);
        assert_eq!(
            layout.line_of(w.pos),
            want.partition_point(|l| l.pos <= w.pos) - 1
        );
    }
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
            let layout = Layout::new(&article, &o);
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
    let article = crate::parse::parse(crate::source::SHIPPED_ARTICLE);
    for punctuation in [PunctuationDisplay::AsIs, PunctuationDisplay::Fullwidth] {
        let o = options(40, AmbiguousWidth::Narrow, LineBreakLevel::Gb, punctuation);
        let layout = Layout::new(&article, &o);
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
        let layout = Layout::new(&article, &o);
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
    let layout = Layout::new(&article, &o);
    assert_same(&layout, &article, &o);
    let i = layout.item_start[7];
    let text: String = layout
        .spans(&article, i)
        .map(|s| s.text.into_owned())
        .collect();
    assert_eq!(text, "　　长，长 a, b 长");
}

#[test]
fn wide_numbers_give_the_same_lines() {
    let texts: Vec<String> = (0..9u64).map(|k| random_text(k, 20)).collect();
    let article = article_of(&texts);
    for width in [0, 1, 2, 7, 30] {
        let o = options(
            width,
            AmbiguousWidth::Narrow,
            LineBreakLevel::Gb,
            PunctuationDisplay::Fullwidth,
        );
        let items = items(&article);
        let mut layout = Layout {
            store: Store::Wide(Lines::default()),
            item_start: Vec::new(),
        };
        layout.extend_to(&article, &items, &o, items.len());
        assert!(layout.is_wide());
        assert_same(&layout, &article, &o);
    }
}

#[test]
fn a_number_too_large_changes_nothing_and_widening_keeps_every_line() {
    // With 8-bit numbers a paragraph of some 500 bytes overflows part way: the store must stay as
    // it was, and the widened store take the rest.
    let texts: Vec<String> = (0..8u64).map(|k| random_text(k + 7, 120)).collect();
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
    for (i, line) in want.iter().enumerate() {
        let item = if line.spans.is_empty() {
            None
        } else {
            Some(items[line.pos.item])
        };
        let source = item.map_or(Source::default(), |it| {
            let (text, credit) = item_text(&article, it);
            Source { text, credit }
        });
        if let Some(w) = wide.as_mut() {
            assert!(w.push(line, source));
            continue;
        }
        let before = (
            narrow.lines.clone(),
            narrow.spans.clone(),
            narrow.stored.clone(),
            narrow.ends.clone(),
            narrow.interned.clone(),
        );
        if !narrow.push(line, source) {
            assert_eq!(
                before,
                (
                    narrow.lines.clone(),
                    narrow.spans.clone(),
                    narrow.stored.clone(),
                    narrow.ends.clone(),
                    narrow.interned.clone()
                )
            );
            let mut w = std::mem::take(&mut narrow).widen();
            assert!(w.push(line, source));
            wide = Some(w);
            widened_at = Some(i);
        }
    }
    assert!(widened_at.is_some_and(|i| i > 0), "overflowed part way");
    let Some(wide) = wide else { return };
    let store = Store::Wide(wide);
    let layout = Layout {
        store,
        item_start: Vec::new(),
    };
    for (i, w) in want.iter().enumerate() {
        assert_eq!(layout.line(&article, i).as_ref(), Some(w), "line {i}");
    }
}

#[test]
fn progressive_layout_equals_the_whole() {
    let texts: Vec<String> = (0..40u64).map(|k| random_text(k, 12)).collect();
    let article = article_of(&texts);
    let o = LayoutOptions {
        width: 17,
        punctuation: PunctuationDisplay::Fullwidth,
        ..LayoutOptions::default()
    };
    let items = items(&article);
    let whole = Layout::new(&article, &o);
    let mut parts = Layout::default();
    let mut end = 0;
    while parts.laid_out() < items.len() {
        end += 3;
        parts.extend_to(&article, &items, &o, end);
    }
    assert_eq!(parts.item_start, whole.item_start);
    assert!(parts.lines(&article).eq(whole.lines(&article)));
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
            assert_eq!(item_at(&article, k), items.get(k).copied());
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
    ) {
        let article = article_of(&texts);
        let o = LayoutOptions {
            width,
            ambiguous: if wide { AmbiguousWidth::Wide } else { AmbiguousWidth::Narrow },
            line_break: if strict { LineBreakLevel::Strict } else { LineBreakLevel::Basic },
            punctuation: if fullwidth { PunctuationDisplay::Fullwidth } else { PunctuationDisplay::AsIs },
            indent: indent.to_string(),
        };
        let layout = Layout::new(&article, &o);
        assert_same(&layout, &article, &o);
    }
}
