//! `check` and the display agree on what is Chinese text: the half-width marks
//! `check` reports are exactly those `punctuation = "fullwidth"` shows full-width.

use proptest::prelude::*;
use yuedu::check::{DecodeInfo, Rule, check};
use yuedu::commands::dump;
use yuedu::config::Config;
use yuedu::formats::text::parse;
use yuedu::layout::PunctuationDisplay;

/// A banner and a title, so that the body is line 5.
const HEAD: &str = "城市观察\n\n小城十年的变迁之路\n\n";

const UTF8: DecodeInfo<'static> = DecodeInfo {
    encoding: "UTF-8",
    guessed: false,
    replaced: 0,
    format: yuedu::formats::Format::Text,
};

/// The columns (1-based) of the body's characters that the fullwidth display changes,
/// and those `check` reports as half-width punctuation.
fn shown_and_flagged(body: &str) -> (Vec<usize>, Vec<usize>) {
    let text = format!("{HEAD}{body}\n");
    let article = parse(&text);
    let mut config = Config::defaults();
    let mut dump_with = |punctuation| {
        config.text.punctuation = punctuation;
        dump::to_text(&article, &config.layout_options(4000))
    };
    let as_is = dump_with(PunctuationDisplay::AsIs);
    let full = dump_with(PunctuationDisplay::Fullwidth);
    let line = as_is
        .lines()
        .position(|l| l.trim_start() == body)
        .expect("the body on one line");
    let (a, f) = (as_is.lines().nth(line), full.lines().nth(line));
    let (a, f) = (a.unwrap_or_default(), f.unwrap_or_default());
    let indent = a.chars().count() - a.trim_start().chars().count();
    let shown: Vec<usize> = a
        .chars()
        .zip(f.chars())
        .enumerate()
        .filter(|(_, (x, y))| x != y)
        .map(|(i, _)| i - indent + 1)
        .collect();
    let flagged: Vec<usize> = check(&article, &UTF8, &config.check)
        .iter()
        .filter(|f| f.rule == Rule::HalfwidthPunctuation && f.line == 5)
        .map(|f| f.col)
        .collect();
    (shown, flagged)
}

#[test]
fn the_review_cases_are_flagged_exactly_where_they_are_shown_full_width() {
    // Flagged, and now shown full-width: the ! between quoted Chinese.
    let (shown, flagged) = shown_and_flagged("他说\"拼\"!\"好\"。");
    assert_eq!(shown, [6]);
    assert_eq!(flagged, shown);
    // Shown as ， before, not flagged: an ellipsis is looked through, Latin on both sides.
    let (shown, flagged) = shown_and_flagged("abc…,def 好。");
    assert_eq!((shown, flagged), (vec![], vec![]));
    // Chinese text before the ellipsis: both.
    let (shown, flagged) = shown_and_flagged("好……,然后。");
    assert_eq!((shown.clone(), flagged), (vec![4], shown));
    // A word in brackets opening a paragraph of nothing more is no byline: the
    // paragraph's half-width brackets are shown and flagged alike.
    let (shown, flagged) = shown_and_flagged("(长三角)。");
    assert_eq!((shown.clone(), flagged), (vec![1, 5], shown));
}

proptest! {
    #[test]
    fn check_flags_exactly_what_the_display_substitutes(
        pieces in prop::collection::vec(
            prop::sample::select(vec![
                "中", "长三角", "，", "。", "“", "”", "\"", "'", "(", ")", "[", "]",
                ",", ";", ":", "!", "?", "…", "—", "·", "abc", "1", "2024", " ",
                "《", "》", "（", "）", "😀", "ｂ",
            ]),
            1..30,
        )
    ) {
        let body = format!("{}。", pieces.concat().trim());
        let (shown, flagged) = shown_and_flagged(&body);
        prop_assert_eq!(shown, flagged, "{:?}", body);
    }
}
