//! A resize keeps the place: the character that began the top line stays on the top
//! line through any number of width and height changes, both ways (no drift), and the
//! section being read is marked at once.

use yuedu::config::Config;
use yuedu::formats::text::parse;
use yuedu::input::source::SHIPPED_ARTICLE;
use yuedu::layout::Pos;
use yuedu::view::app::{App, app_for};

fn app(size: (u16, u16)) -> App {
    app_for(parse(SHIPPED_ARTICLE), "a.txt", Config::defaults(), size).expect("keys")
}

/// Whether `p` lies on line `line` of the app's layout.
fn on_line(a: &App, line: usize, p: Pos) -> bool {
    let start = a.layout.pos(&a.article, line).expect("line");
    let next = a.layout.pos(&a.article, line + 1);
    start <= p && next.is_none_or(|n| p < n)
}

const SIZES: &[(u16, u16)] = &[
    (80, 24),
    (120, 60),
    (40, 12),
    (200, 50),
    (61, 20),
    (59, 30),
    (80, 10),
    (33, 9),
];

#[test]
fn the_top_character_stays_on_the_top_line_through_resizes() {
    for start_line in [0usize, 7, 23, 40, 66, 90] {
        let mut a = app((80, 24));
        for _ in 0..start_line {
            a.update(yuedu::view::action::Action::ScrollDown);
        }
        let anchor = a.layout.pos(&a.article, a.top).expect("top");
        let first_top = a.top;
        // Round and round, widths and heights both ways.
        for round in 0..3 {
            for &(w, h) in SIZES.iter().chain(SIZES.iter().rev()) {
                a.resize(w, h);
                let at_end = a.top + a.page_height() >= a.layout.len();
                assert!(
                    on_line(&a, a.top, anchor) || at_end,
                    "start {start_line}, round {round}, {w}x{h}: top {} does not hold {anchor:?}",
                    a.top
                );
            }
        }
        a.resize(80, 24);
        assert_eq!(a.top, first_top, "drift from line {start_line}");
    }
}

#[test]
fn the_section_is_marked_at_once_after_a_resize() {
    let mut a = app((100, 30));
    // Into the second section.
    a.update(yuedu::view::action::Action::NextHeading);
    a.update(yuedu::view::action::Action::NextHeading);
    a.update(yuedu::view::action::Action::ScrollDown);
    let section = a.current_section();
    for &(w, h) in SIZES {
        a.resize(w, h);
        // Near the end a tall page shows an earlier section on top: whatever it is, the
        // pane's cursor follows it without a key.
        assert_eq!(Some(a.nav_cursor), a.current_section(), "{w}x{h}");
    }
    a.resize(100, 30);
    assert_eq!(a.current_section(), section);
    assert_eq!(Some(a.nav_cursor), section);
}

#[test]
fn the_help_lists_every_bound_key_and_every_action() {
    for size in [(80u16, 24u16), (120, 40), (200, 50)] {
        let a = app(size);
        let layout = a.help_layout();
        assert!(
            layout.height() + 2 <= a.page_height(),
            "{size:?}: the help needs scrolling"
        );
        let keys: String = layout
            .columns
            .iter()
            .flatten()
            .map(|(k, _)| k.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        for action in yuedu::view::action::Action::all() {
            for k in a.keymap.keys(action) {
                let k = k.to_string();
                assert!(
                    keys.split(' ').any(|w| w == k),
                    "{size:?}: {k} ({action}) not in the help: {keys}"
                );
            }
        }
    }
}
