//! What the screen shows is what the layout placed: for any text, the characters of
//! each row of the text pane, drawn through yuedu's backend (`terminal::wire`) into a
//! vt100 emulator, are the characters of the laid-out line at that row — zero-width
//! clusters on their neighbour, every cell as wide as yuedu counted it, even where
//! ratatui counts otherwise (halfwidth voiced marks, presentation selectors, ZWJ
//! sequences, regional indicators, combining marks, Hangul jamo).
//!
//! The frame is drawn once from a blank screen, then again after the text scrolls
//! (ratatui's diff then skips the cells it believes covered: a wrong width loses
//! characters there).

mod screen;

use proptest::prelude::*;
use screen::{Screen, first_difference};
use yuedu::config::Config;
use yuedu::formats::text::parse;
use yuedu::terminal::wire::ScrollMethod;
use yuedu::ui::Theme;
use yuedu::view::app::{App, app_for};

fn check_screen(app: &App, screen: &vt100::Screen, context: &str) -> Result<(), TestCaseError> {
    match first_difference(app, screen) {
        Some(d) => Err(TestCaseError::fail(format!("{context}: {d}"))),
        None => Ok(()),
    }
}

/// Pieces of text of the kinds terminals and width tables disagree on, and the Chinese
/// text around them.
fn sel(v: Vec<&'static str>) -> impl Strategy<Value = String> {
    prop::sample::select(v).prop_map(str::to_string)
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[\u{4e00}-\u{9fa5}]{1,8}",
        1 => "[a-zA-Z0-9]{1,8}",
        1 => sel(vec![" ", "，", "。", "“", "”", "……", "——", "、", "·"]),
        // Combining marks: on a letter, on a Han character, alone.
        1 => sel(vec!["e\u{301}", "中\u{301}\u{302}", "\u{301}", "\u{20DD}"]),
        // Hangul: a syllable, conjoining jamo, a vowel or final alone.
        1 => sel(vec!["한", "\u{1100}\u{1161}", "\u{1161}", "\u{11A8}"]),
        // Halfwidth katakana with halfwidth voiced marks; a mark alone.
        1 => sel(vec!["ｶﾞ", "ﾊﾟ", "ｱ", "ﾞ", "ｶﾞｷﾞｸﾞ", "ｶ\u{3099}"]),
        // Presentation selectors.
        1 => sel(vec![
            "❤\u{FE0F}", "⌚\u{FE0E}", "☺", "⌚", "1\u{FE0F}\u{20E3}", "“\u{FE00}", "a\u{FE0F}",
        ]),
        // ZWJ sequences, modifiers, flags, lone regional indicators.
        1 => sel(vec![
            "👨\u{200D}👩\u{200D}👧",
            "🏳\u{FE0F}\u{200D}🌈",
            "👍🏽",
            "🇨🇳",
            "🇨",
            "🇨🇳🇯",
            "🏽",
        ]),
    ]
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 1..24).prop_map(|p| p.concat())
}

fn article_text() -> impl Strategy<Value = String> {
    prop::collection::vec(paragraph(), 1..6)
        .prop_map(|ps| format!("标题文字\n\n{}\n", ps.join("\n\n")))
}

fn screen_equals_layout(
    text: &str,
    cols: u16,
    rows: u16,
    method: ScrollMethod,
) -> Result<(), TestCaseError> {
    let article = parse(text);
    let mut app = app_for(article, "t.txt", Config::defaults(), (cols, rows))
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let theme = Theme::new(&app.config.theme, false);
    let mut screen = Screen::new(cols, rows, method);
    screen.draw(&app, &theme);
    check_screen(&app, screen.vt.screen(), "first frame")?;
    // Scrolled by one line, then by several: the diff writes only what changed.
    for step in [1, 3, 1] {
        if app.top + step >= app.layout.len() {
            break;
        }
        app.top += step;
        screen.draw(&app, &theme);
        check_screen(&app, screen.vt.screen(), &format!("top {}", app.top))?;
    }
    Ok(())
}

proptest! {
    // 96 cases in CI; PROPTEST_CASES=n for a longer run.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(96),
        ..ProptestConfig::default()
    })]

    #[test]
    fn the_screen_shows_what_the_layout_placed(
        text in article_text(),
        cols in 12u16..100,
        rows in 4u16..24,
        scroll in any::<bool>(),
    ) {
        let method = if scroll { ScrollMethod::ScrollUpDown } else { ScrollMethod::Off };
        screen_equals_layout(&text, cols, rows, method)?;
    }
}

/// The cases of `tests/data/` whose characters the reader lost.
#[test]
fn the_reported_cases_show_every_character() {
    for name in [
        "zero-width-clusters.txt",
        "halfwidth-dakuten.txt",
        "zwj-after-han.txt",
    ] {
        let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("case file");
        for cols in [20, 40, 80, 120] {
            if let Err(e) = screen_equals_layout(&text, cols, 12, ScrollMethod::ScrollUpDown) {
                panic!("{name} at {cols} columns: {e}");
            }
        }
    }
}
