//! The width is decided after sanitising, on every output path: no line `dump` writes
//! is wider than the width, at any width the command accepts (2 and more), with either
//! punctuation display and either ambiguous width, whatever the text holds — notation
//! for controls and invisible characters, ZWJ in and out of emoji sequences, clusters
//! wider than the line.

use proptest::prelude::*;
use yuedu::commands::dump::to_text;
use yuedu::formats::text::parse;
use yuedu::layout::{AmbiguousWidth, LayoutOptions, LineBreakLevel, PunctuationDisplay, str_width};

fn sel(v: Vec<&'static str>) -> impl Strategy<Value = String> {
    prop::sample::select(v).prop_map(str::to_string)
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[\u{4e00}-\u{9fa5}]{1,6}",
        2 => "[a-zA-Z0-9]{1,10}",
        2 => sel(vec![" ", ",", ";", ":", "!", "?", "(", ")", "，", "。", "“", "”", "……", "——"]),
        1 => sel(vec!["\u{200D}", "\u{200B}", "\u{1b}[31m", "\u{7}", "\t", "\u{202E}", "\u{E000}", "\u{378}"]),
        1 => sel(vec![
            "👨\u{200D}👩\u{200D}👧", "戊\u{200D}🏽", "👍🏽", "❤\u{FE0F}", "⌚\u{FE0E}", "🇨🇳",
            "e\u{301}", "\u{301}", "\u{1161}", "ｶﾞ", "中\u{301}\u{302}\u{303}", ",\u{301}",
        ]),
    ]
}

fn article_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::collection::vec(piece(), 1..20).prop_map(|p| p.concat()),
        1..5,
    )
    .prop_map(|ps| ps.join("\n\n") + "\n")
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(128),
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_dumped_line_is_wider_than_the_width(
        text in article_text(),
        width in 2usize..24,
        wide in any::<bool>(),
        fullwidth in any::<bool>(),
    ) {
        let ambiguous = if wide { AmbiguousWidth::Wide } else { AmbiguousWidth::Narrow };
        let opts = LayoutOptions {
            width,
            ambiguous,
            line_break: LineBreakLevel::Gb,
            punctuation: if fullwidth { PunctuationDisplay::Fullwidth } else { PunctuationDisplay::AsIs },
            ..LayoutOptions::default()
        };
        let out = to_text(&parse(&text), &opts);
        for line in out.lines() {
            prop_assert!(
                str_width(line, ambiguous) <= width,
                "{:?}: {} columns at width {}", line, str_width(line, ambiguous), width
            );
            prop_assert!(!line.contains('\u{1b}'), "ESC reached the output: {:?}", line);
        }
    }
}

/// The reported case: a ZWJ after a Chinese character, before a skin-tone modifier.
#[test]
fn a_zwj_after_han_is_notation_and_fits_every_width() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/zwj-after-han.txt"
    ))
    .expect("case");
    for width in 2..=12 {
        let opts = LayoutOptions {
            width,
            ..LayoutOptions::default()
        };
        let out = to_text(&parse(&text), &opts);
        assert!(
            !out.contains('\u{200D}'),
            "raw ZWJ at width {width}: {out:?}"
        );
        let joined: String = out.lines().collect();
        assert!(joined.contains("<U+200D>"), "{out}");
        for line in out.lines() {
            assert!(
                str_width(line, AmbiguousWidth::Narrow) <= width,
                "{line:?} at {width}"
            );
        }
    }
}
