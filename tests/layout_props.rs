//! Properties of the layout over generated mixed text.

mod common;

use common::unfullwidth;
use proptest::prelude::*;
use yuedu::article::{Article, Block};
use yuedu::layout::{
    AmbiguousWidth, Item, Layout, LayoutOptions, Line, LineBreakLevel, PunctuationDisplay, Role,
    layout_item, str_width,
};
use yuedu::text::sanitize;

const HAN: &str = "长三角一体化余姚科创共同体激活增长极人工智能物联网企业宁波杭州上海";

fn han() -> impl Strategy<Value = String> {
    let chars: Vec<char> = HAN.chars().collect();
    prop::collection::vec(prop::sample::select(chars), 1..8).prop_map(|v| v.into_iter().collect())
}

/// Anything: Han, Chinese and ASCII punctuation, Latin words, digits, emoji (with ZWJ
/// sequences), combining marks, spaces.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => han(),
        2 => prop::sample::select(vec![
            "，", "。", "、", "；", "：", "？", "！", "“", "”", "‘", "’", "（", "）", "《", "》",
            "——", "……", "—", "…", "·", "～", "％", "￥", "/", "%", "$",
        ])
        .prop_map(str::to_string),
        1 => prop::sample::select(vec![",", ".", ";", ":", "!", "?", "(", ")", "[", "]", "\"", "'", "-"])
            .prop_map(str::to_string),
        2 => "[A-Za-z]{1,12}",
        1 => "[0-9]{1,6}(\\.[0-9]{1,3})?%?",
        1 => "[a-z]{20,70}",
        1 => prop::sample::select(vec![
            "😀", "👍🏽", "👨\u{200D}👩\u{200D}👧", "❤\u{FE0F}", "e\u{301}", "\u{301}", "“\u{FE00}",
            "”\u{FE01}", "\u{200B}", "\u{3000}",
        ])
        .prop_map(str::to_string),
        1 => prop::sample::select(vec![" ", "  ", " ", "\t"]).prop_map(str::to_string),
        1 => prop::sample::select(vec!["）", "》", "”", "。"]).prop_flat_map(|c| {
            (1..25usize).prop_map(move |n| c.repeat(n))
        }),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..40).prop_map(|v| v.concat())
}

/// Natural Chinese prose: legal breaks always exist within 8 columns.
fn prose() -> impl Strategy<Value = String> {
    let clause = (
        han(),
        prop::sample::select(vec![0u8, 1, 2, 3, 4, 5, 6]),
        han(),
        prop::sample::select(vec![
            "，", "。", "、", "；", "：", "？", "！", "——", "……", "”，", "）。", "》、",
        ]),
        "[A-Z]{1,3}",
        // At most 6 columns: with a following ，, still within 8.
        "[0-9]{1,3}(\\.[0-9])?%?",
    )
        .prop_map(|(a, kind, b, end, latin, num)| {
            let mid = match kind {
                0 => format!("“{b}”"),
                1 => format!("《{b}》"),
                2 => format!("（{b}）"),
                3 => latin,
                4 => num,
                _ => b,
            };
            let end = match end {
                "”，" => format!("“{a}”，"),
                "）。" => format!("（{a}）。"),
                "》、" => format!("《{a}》、"),
                // Under strict, —— and …… bind to the character before them.
                "——" | "……" => format!("长{end}"),
                e => e.to_string(),
            };
            format!("{a}{mid}{end}")
        });
    prop::collection::vec(clause, 1..12).prop_map(|v| v.concat() + "完")
}

fn opts() -> impl Strategy<Value = LayoutOptions> {
    (
        0usize..=200,
        prop::bool::ANY,
        prop::sample::select(vec![
            LineBreakLevel::Basic,
            LineBreakLevel::Gb,
            LineBreakLevel::Strict,
        ]),
        prop::bool::ANY,
    )
        .prop_map(|(width, wide, line_break, full)| LayoutOptions {
            width,
            ambiguous: if wide {
                AmbiguousWidth::Wide
            } else {
                AmbiguousWidth::Narrow
            },
            line_break,
            punctuation: if full {
                PunctuationDisplay::Fullwidth
            } else {
                PunctuationDisplay::AsIs
            },
            ..LayoutOptions::default()
        })
}

fn article(body: &str, cap: &str, credit: &str) -> Article {
    let mut blocks: Vec<Block> = vec![common::heading(body), common::paragraph(body)];
    blocks.push(if credit.trim().is_empty() {
        common::paragraph(cap)
    } else {
        common::caption(cap, credit)
    });
    Article {
        blocks,
        ..Article::default()
    }
}

fn check_layout(a: &Article, o: &LayoutOptions) -> Result<(), TestCaseError> {
    let layout = Layout::new(a, o);
    let items = yuedu::layout::items(a);
    prop_assert_eq!(layout.laid_out(), items.len());
    let mut shown = String::new();
    let mut prev_pos = None;
    let lines: Vec<Line> = layout.lines(a).collect();
    for (i, line) in lines.iter().enumerate() {
        if o.width >= 2 {
            prop_assert!(
                line.width <= o.width,
                "line {} {:?} wider than {}",
                i,
                line.text(),
                o.width
            );
        }
        prop_assert_eq!(line.width, str_width(&line.text(), o.ambiguous));
        if let Some(p) = prev_pos {
            prop_assert!(line.pos >= p, "pos goes back at line {}", i);
        }
        prev_pos = Some(line.pos);
        prop_assert_eq!(layout.line_of(a, line.pos) >= i, true);
        let (text, credit) =
            yuedu::layout::item_text(a, items.get(line.pos.item).expect("the line's item"));
        let source = format!("{text}{}", credit.unwrap_or(""));
        for span in &line.spans {
            match &span.src {
                None => prop_assert_eq!(span.role, Role::Decoration),
                Some(r) if span.role == Role::Notation || &source[r.clone()] == "\t" => {
                    // A replaced character: the span shows (a piece of) its notation.
                    let src = &source[r.clone()];
                    let whole = sanitize::sanitize(src);
                    prop_assert!(
                        whole.contains(span.text.as_str()),
                        "{:?} shown as {:?}",
                        src,
                        span.text
                    );
                    shown.push_str(&span.text);
                }
                Some(r) => {
                    let src = &source[r.clone()];
                    prop_assert_eq!(src.chars().count(), span.text.chars().count());
                    for (s, t) in src.chars().zip(span.text.chars()) {
                        prop_assert!(s == t || unfullwidth(t) == s, "{:?} shown as {:?}", s, t);
                    }
                    shown.push_str(&span.text);
                }
            }
        }
    }
    // Items joined by exactly one empty line.
    for (k, start) in layout.item_starts().enumerate().skip(1) {
        let sep = &lines[start - 1];
        prop_assert!(sep.spans.is_empty());
        prop_assert_eq!(sep.pos.item, k - 1);
    }
    let strip = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .map(unfullwidth)
            .collect()
    };
    let all_source: String = items
        .iter()
        .map(|it| {
            let (t, c) = yuedu::layout::item_text(a, it);
            format!(
                "{}{}",
                sanitize::sanitize(t),
                sanitize::sanitize(c.unwrap_or(""))
            )
        })
        .collect();
    prop_assert_eq!(strip(&shown), strip(&all_source));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn never_too_wide_and_nothing_lost(body in text(), cap in text(), credit in "[谷志锋A-Z ]{0,8}", o in opts()) {
        let a = article(&body, &cap, &credit);
        check_layout(&a, &o)?;
    }

    #[test]
    fn tiny_widths_terminate(body in text(), width in 0usize..4) {
        let a = article(&body, &body, "金福中 摄");
        let o = LayoutOptions { width, ..LayoutOptions::default() };
        check_layout(&a, &o)?;
    }

    #[test]
    fn natural_prose_has_no_forbidden_boundaries(body in prose(), o in opts()) {
        let o = LayoutOptions { width: o.width.max(8), ..o };
        let a = Article { blocks: vec![common::paragraph(&body)], ..Article::default() };
        let lines: Vec<String> = layout_item(&a, Item::Block(0), 0, &o)
            .iter()
            .map(|l| l.text())
            .collect();
        let mut msgs = Vec::new();
        let v = common::check(&lines, &body, o.width, o.ambiguous, o.line_break, |m| msgs.push(m));
        prop_assert_eq!(v.total(), 0, "{:?}\n{:#?}", msgs, lines);
    }
}
