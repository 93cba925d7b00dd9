//! Inline styles for any Markdown or HTML paragraph: every span lies inside its block's
//! text on character boundaries, sorted, no two of one style overlapping, and covers
//! exactly the characters written inside its markers; no marker is ever text.

use std::sync::Arc;

use proptest::prelude::*;
use yuedu::article::InlineStyle;
use yuedu::formats::{Format, parse_shared};

/// A piece of a paragraph: its text and whether it is emphasised, strong.
fn piece() -> impl Strategy<Value = (String, bool, bool)> {
    (
        prop_oneof![
            4 => "[\u{4e00}-\u{9fa5}]{1,6}",
            1 => "[a-z]{1,5}",
            1 => prop::sample::select(vec!["，", "。", "“", "”", "——", "1995", "😀"])
                .prop_map(str::to_string),
        ],
        any::<bool>(),
        any::<bool>(),
    )
}

/// The pieces written as Markdown (`*`, `**`, `***`, a line break between some) or as
/// HTML (`em`, `b`), after a plain opening so that the paragraph is never all bold.
fn written(pieces: &[(String, bool, bool)], html: bool, breaks: &[bool]) -> String {
    let mut out = String::from(if html { "<p>开头" } else { "开头" });
    for (i, (t, em, strong)) in pieces.iter().enumerate() {
        // A plain separator between styled pieces: markers never touch.
        out.push('、');
        if breaks.get(i).copied().unwrap_or(false) {
            out.push('\n');
        }
        let (open, close) = match (html, em, strong) {
            (_, false, false) => ("", ""),
            (false, true, false) => ("*", "*"),
            (false, false, true) => ("**", "**"),
            (false, true, true) => ("***", "***"),
            (true, true, false) => ("<em>", "</em>"),
            (true, false, true) => ("<b>", "</b>"),
            (true, true, true) => ("<b><em>", "</em></b>"),
        };
        out.push_str(open);
        out.push_str(t);
        out.push_str(close);
    }
    out.push_str(if html { "。</p>\n" } else { "。\n" });
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn spans_cover_what_the_markers_enclosed(
        pieces in prop::collection::vec(piece(), 1..12),
        breaks in prop::collection::vec(any::<bool>(), 12),
        html in any::<bool>(),
    ) {
        let src = written(&pieces, html, &breaks);
        let format = if html { Format::Html } else { Format::Markdown };
        let a = parse_shared(format, &Arc::new(src.clone()));
        prop_assert_eq!(a.blocks.len(), 1, "{}", src);
        let b = &a.blocks[0];
        let text = b.text.as_str();
        prop_assert!(!text.contains('*') && !text.contains('<'), "{}", text);
        let spans = a.styles_of(b);
        for w in spans.windows(2) {
            prop_assert!(w[0].start <= w[1].start);
        }
        for style in [InlineStyle::Emphasis, InlineStyle::Strong] {
            let of: Vec<_> = spans.iter().filter(|s| s.style == style).collect();
            for w in of.windows(2) {
                prop_assert!(w[0].end < w[1].start, "{:?} overlap or touch", w);
            }
            // What each span covers is, in order, the pieces written in that style.
            let covered: Vec<&str> = of.iter().map(|s| &text[s.range()]).collect();
            let want: Vec<&str> = pieces
                .iter()
                .filter(|(_, em, strong)| match style {
                    InlineStyle::Emphasis => *em,
                    InlineStyle::Strong => *strong,
                })
                .map(|(t, _, _)| t.as_str())
                .collect();
            prop_assert_eq!(covered, want, "{}", src);
        }
    }
}
