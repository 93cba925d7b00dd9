//! One test per layout rule.

use super::test_support::block;
use super::*;
use crate::article::{Block, BlockKind, HeaderLine};

fn article_of(blocks: Vec<Block>) -> Article {
    Article {
        blocks,
        ..Article::default()
    }
}

fn opts(width: usize) -> LayoutOptions {
    LayoutOptions {
        width,
        indent: String::new(),
        ..LayoutOptions::default()
    }
}

/// Lines of `text` laid out as a heading (no indent, no decoration).
fn wrap_with(text: &str, o: &LayoutOptions) -> Vec<String> {
    let a = article_of(vec![block(BlockKind::Heading, text, None)]);
    let lines = layout_item(&a, Item::Block(0), 0, o);
    for l in &lines {
        if o.width >= 2 {
            assert!(l.width <= o.width, "{l:?} wider than {}", o.width);
        }
        assert_eq!(l.width, str_width(&l.text(), o.ambiguous), "{l:?}");
    }
    lines.iter().map(Line::text).collect()
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    wrap_with(text, &opts(width))
}

#[test]
fn lines_stay_full_between_han() {
    assert_eq!(
        wrap("一二三四五六七八九十", 8),
        ["一二三四", "五六七八", "九十"]
    );
    assert_eq!(
        wrap("一二三四五六七八九十", 9),
        ["一二三四", "五六七八", "九十"]
    );
}

#[test]
fn closing_mark_never_starts_a_line() {
    // 。 would start line 2: 四 moves down with it.
    assert_eq!(wrap("一二三四。五六", 8), ["一二三", "四。五六"]);
    assert_eq!(wrap("一二三“四”五六", 7), ["一二三", "“四”五", "六"]);
    assert_eq!(wrap("一二三四）五六", 8), ["一二三", "四）五六"]);
}

#[test]
fn pause_mark_ascii_comma_never_starts_a_line() {
    assert_eq!(wrap("一二三四,五六", 8), ["一二三", "四,五六"]);
}

#[test]
fn opening_mark_never_ends_a_line() {
    assert_eq!(wrap("一二三《四五》", 8), ["一二三", "《四五》"]);
    assert_eq!(wrap("一二三（四五）", 9), ["一二三", "（四五）"]);
}

#[test]
fn prefix_never_ends_a_line() {
    assert_eq!(wrap("一二三￥20元", 8), ["一二三", "￥20元"]);
}

#[test]
fn postfix_never_starts_a_line() {
    assert_eq!(wrap("一二三3.65%的", 9), ["一二三", "3.65%的"]);
}

#[test]
fn single_dash_connector_never_starts_a_line() {
    assert_eq!(wrap("一二上海—杭州", 8), ["一二上", "海—杭州"]);
}

#[test]
fn dash_pair_never_split() {
    assert_eq!(wrap("一二三——四五", 7), ["一二三", "——四五"]);
    assert_eq!(wrap("一二三……四五", 7), ["一二三", "……四五"]);
}

#[test]
fn strict_keeps_dash_and_ellipsis_from_line_start() {
    let mut o = opts(7);
    o.line_break = LineBreakLevel::Strict;
    assert_eq!(wrap_with("一二三——四五", &o), ["一二", "三——四", "五"]);
    assert_eq!(wrap_with("一二三……四五", &o), ["一二", "三……四", "五"]);
}

#[test]
fn gb_keeps_solidus_from_line_end() {
    let text = "一二三四/五六";
    let mut o = opts(9);
    o.line_break = LineBreakLevel::Basic;
    assert_eq!(wrap_with(text, &o), ["一二三四/", "五六"]);
    o.line_break = LineBreakLevel::Gb;
    assert_eq!(wrap_with(text, &o), ["一二三", "四/五六"]);
}

#[test]
fn latin_run_kept_whole() {
    assert_eq!(wrap("一二三AIoT四", 9), ["一二三", "AIoT四"]);
    assert_eq!(wrap("投资2024年", 6), ["投资", "2024年"]);
    assert_eq!(wrap("省省415X先进", 7), ["省省", "415X先", "进"]);
}

#[test]
fn break_at_space_between_latin_words() {
    assert_eq!(
        wrap("机构AL Capital共同", 10),
        ["机构AL ", "Capital共", "同"]
    );
}

#[test]
fn long_latin_run_broken_where_it_must() {
    let url = "https://example.com/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    let lines = wrap(url, 20);
    assert!(
        lines
            .iter()
            .all(|l| str_width(l, AmbiguousWidth::Narrow) <= 20)
    );
    assert_eq!(lines.concat(), url);
    // Not at "/" (a solidus may neither start nor end a line) nor between two letters
    // (m|/ would be possible only by splitting "com"), but after the dot.
    assert_eq!(lines[0], "https://example.");
    assert_eq!(lines[2], "aaaaaaaaaaaaaaaaaaaa");
}

#[test]
fn break_before_opening_quote_between_han() {
    assert_eq!(wrap("一二三四“五六”", 9), ["一二三四", "“五六”"]);
}

#[test]
fn break_after_closing_quote_between_han() {
    assert_eq!(wrap("“一二”三四五", 7), ["“一二”", "三四五"]);
}

#[test]
fn no_break_at_quote_next_to_latin() {
    // 中“AI”: the quote does not stand between Chinese characters.
    assert_eq!(wrap("一二三“AI”四", 9), ["一二", "三“AI”四"]);
}

#[test]
fn ambiguous_wide_counts_two() {
    let mut o = opts(9);
    o.ambiguous = AmbiguousWidth::Wide;
    assert_eq!(wrap_with("一二“三”四", &o), ["一二", "“三”四"]);
    o.ambiguous = AmbiguousWidth::Narrow;
    assert_eq!(wrap_with("一二“三”四", &o), ["一二“三”", "四"]);
}

#[test]
fn forbidden_run_broken_when_nothing_else_fits() {
    let text = "一）））））））））））））））））））";
    let lines = wrap(text, 6);
    assert!(
        lines
            .iter()
            .all(|l| str_width(l, AmbiguousWidth::Narrow) <= 6)
    );
    assert_eq!(lines.concat(), text);
}

#[test]
fn width_zero_and_one_terminate() {
    for w in [0, 1] {
        let lines = wrap_with("一a “二” ——\u{301}👨\u{200D}👩", &opts(w));
        assert!(lines.len() >= 5, "{lines:?}");
        let shown: String = lines.concat().split_whitespace().collect();
        assert_eq!(shown, "一a“二”——\u{301}👨\u{200D}👩");
    }
}

#[test]
fn width_three_never_overflows() {
    let lines = wrap("一二三。四（五）", 3);
    assert!(
        lines
            .iter()
            .all(|l| str_width(l, AmbiguousWidth::Narrow) <= 3)
    );
    assert_eq!(lines.concat(), "一二三。四（五）");
}

#[test]
fn continuation_line_drops_leading_space() {
    assert_eq!(wrap("aaaa bbbb", 5), ["aaaa ", "bbbb"]);
    assert_eq!(wrap("aaaa   bbbb", 4), ["aaaa", "bbbb"]);
}

#[test]
fn paragraph_indent_on_first_line_only() {
    let a = article_of(vec![block(BlockKind::Paragraph, "一二三四五六七八", None)]);
    let lines = layout_item(
        &a,
        Item::Block(0),
        0,
        &LayoutOptions {
            width: 10,
            ..LayoutOptions::default()
        },
    );
    let texts: Vec<String> = lines.iter().map(Line::text).collect();
    assert_eq!(texts, ["　　一二三", "四五六七八"]);
    assert_eq!(lines[0].spans[0].role, Role::Decoration);
    assert_eq!(lines[0].spans[0].src, None);
    assert_eq!(lines[0].spans[1].src, Some(0..9));
    assert_eq!(lines[0].spans[1].role, Role::Body);
    assert_eq!(lines[1].pos, Pos { item: 0, offset: 9 });
}

#[test]
fn caption_marker_and_credit_kept_together() {
    let a = article_of(vec![block(
        BlockKind::Caption,
        "智谷小镇,日新月异。",
        Some("谷志锋 摄"),
    )]);
    let mut o = opts(40);
    let lines = layout_item(&a, Item::Block(0), 0, &o);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].text(), "▲ 智谷小镇,日新月异。 谷志锋 摄");
    let roles: Vec<Role> = lines[0].spans.iter().map(|s| s.role).collect();
    assert_eq!(
        roles,
        [
            Role::Decoration,
            Role::Caption,
            Role::Decoration,
            Role::Credit
        ]
    );
    let text_len = "智谷小镇,日新月异。".len();
    assert_eq!(
        lines[0].spans[3].src,
        Some(text_len..text_len + "谷志锋 摄".len())
    );
    // The credit moves down whole.
    o.width = 26;
    let texts: Vec<String> = layout_item(&a, Item::Block(0), 0, &o)
        .iter()
        .map(Line::text)
        .collect();
    assert_eq!(texts, ["▲ 智谷小镇,日新月异。 ", "谷志锋 摄"]);
    // And is broken only when wider than the width.
    o.width = 6;
    let texts: Vec<String> = layout_item(&a, Item::Block(0), 0, &o)
        .iter()
        .map(Line::text)
        .collect();
    assert!(texts.contains(&"谷志锋".to_string()), "{texts:?}");
}

#[test]
fn fullwidth_punctuation_between_chinese() {
    let mut o = opts(80);
    o.punctuation = PunctuationDisplay::Fullwidth;
    let a = article_of(vec![block(
        BlockKind::Heading,
        "今年,长三角是“拼”!计划(2024—2028)(初稿),1,000人;AL Capital",
        None,
    )]);
    let lines = layout_item(&a, Item::Block(0), 0, &o);
    assert_eq!(
        lines[0].text(),
        "今年，长三角是“拼”！计划（2024—2028）（初稿），1,000人；AL Capital"
    );
    assert_eq!(
        lines[0].width,
        str_width(&lines[0].text(), AmbiguousWidth::Narrow)
    );
    // Source ranges still address the source text.
    assert_eq!(lines[0].spans[0].src, Some(0..a.blocks[0].text.len()));
}

#[test]
fn layout_joins_items_with_one_empty_line() {
    let a = Article {
        title: Some(HeaderLine::new("标题".into(), 0)),
        blocks: vec![
            block(BlockKind::Heading, "小标题", None),
            block(BlockKind::Paragraph, "一二三四五六七八九十", None),
        ],
        ..Article::default()
    };
    let l = Layout::new(
        &a,
        &LayoutOptions {
            width: 10,
            ..LayoutOptions::default()
        },
    );
    let lines: Vec<Line> = l.lines(&a).collect();
    let texts: Vec<String> = lines.iter().map(Line::text).collect();
    assert_eq!(
        texts,
        ["标题", "", "小标题", "", "　　一二三", "四五六七八", "九十"]
    );
    assert!(l.item_starts().eq([0, 2, 4]));
    assert_eq!(lines[1].pos, Pos { item: 0, offset: 6 });
    assert_eq!(l.pos(&a, 1), Some(Pos { item: 0, offset: 6 }));
    assert_eq!(lines[0].spans[0].role, Role::Title);
    assert_eq!(l.line_of(&a, Pos { item: 2, offset: 0 }), 4);
    assert_eq!(l.line_of(&a, Pos { item: 2, offset: 8 }), 4);
    assert_eq!(l.line_of(&a, Pos { item: 2, offset: 9 }), 5);
    assert_eq!(
        l.line_of(
            &a,
            Pos {
                item: 2,
                offset: 29
            }
        ),
        6
    );
    assert_eq!(l.line_of(&a, Pos { item: 1, offset: 3 }), 2);
    assert_eq!(l.line_of(&a, Pos { item: 0, offset: 6 }), 1);
}

#[test]
fn long_paragraph_is_linear() {
    let unit = "长三角以4%的国土面积创造了我国1/4的经济总量，“抱团建群”——AIoT 2024……";
    let text = unit.repeat(1_000_000 / unit.len());
    let a = article_of(vec![block(BlockKind::Paragraph, &text, None)]);
    let t = std::time::Instant::now();
    let lines = layout_item(&a, Item::Block(0), 0, &LayoutOptions::default());
    assert!(lines.len() > 5000);
    // Generous even for a debug build on a shared machine; quadratic would take minutes.
    assert!(t.elapsed().as_secs() < 20, "{:?}", t.elapsed());
}

#[test]
fn space_with_combining_mark_is_not_dropped() {
    let lines = wrap("长长 \u{301}长长", 4);
    assert_eq!(lines.concat(), "长长 \u{301}长长");
}

#[test]
fn substituted_cluster_keeps_its_marks() {
    let mut o = opts(0);
    o.punctuation = PunctuationDisplay::Fullwidth;
    assert_eq!(wrap_with("长;\u{301}", &o).concat(), "长；\u{301}");
}

#[test]
fn script_conversion_is_shown_and_points_at_the_source() {
    let text = "太后的头发很干燥,使用互联网算法的软件。";
    for script in [Script::Traditional, Script::Taiwan] {
        let mut o = opts(80);
        o.script = script;
        o.punctuation = PunctuationDisplay::Fullwidth;
        let whole = wrap_with(text, &o).concat();
        let want = match script {
            Script::Taiwan => "太后的頭髮很乾燥，使用網際網路演算法的軟體。",
            _ => "太后的頭髮很乾燥，使用互聯網算法的軟件。",
        };
        assert_eq!(whole, want);
        // At every width: no line wider than the width (wrap_with checks), and the
        // spans' source ranges tile the source text in order.
        for width in 2..40 {
            o.width = width;
            let a = article_of(vec![block(BlockKind::Heading, text, None)]);
            let lines = layout_item(&a, Item::Block(0), 0, &o);
            let mut at = 0;
            for span in lines.iter().flat_map(|l| &l.spans) {
                let src = span.src.clone().expect("source text");
                assert!(
                    src.start <= at && at <= src.end,
                    "{script:?} {width}: {span:?}"
                );
                at = src.end;
            }
            assert_eq!(at, text.len(), "{script:?} {width}");
            let shown: String = lines.iter().map(Line::text).collect();
            assert_eq!(shown, want, "{script:?} {width}");
        }
    }
}
