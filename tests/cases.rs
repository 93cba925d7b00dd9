//! The reported cases of `tests/data/` through the real binary's non-interactive
//! commands.

mod common;

use assert_cmd::Command;
use common::cli::data;

fn yuedu() -> Command {
    let mut cmd = common::cli::yuedu();
    cmd.env("NO_COLOR", "1");
    cmd
}

#[test]
fn check_reports_a_zwj_outside_an_emoji_sequence() {
    let out = yuedu()
        .args(["check", &data("zwj-after-han.txt")])
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains(":3:") && text.contains("U+200D"),
        "check names the line and the character: {text}"
    );
}

#[test]
fn dump_shows_the_zwj_as_notation_within_the_width() {
    for width in ["3", "8", "40"] {
        let out = yuedu()
            .args(["dump", "--width", width, &data("zwj-after-han.txt")])
            .output()
            .expect("run");
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(!text.contains('\u{200D}'), "raw ZWJ: {text:?}");
        let w: usize = width.parse().expect("number");
        for line in text.lines() {
            let cols = yuedu::layout::str_width(line, yuedu::layout::AmbiguousWidth::Narrow);
            assert!(cols <= w, "{line:?} is {cols} columns at width {w}");
        }
    }
}

#[test]
fn a_width_under_two_is_refused_with_a_reason() {
    let out = yuedu()
        .args(["dump", "--width", "1", &data("zwj-after-han.txt")])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 or more"));
}

#[test]
fn mostly_english_gb18030_is_read_as_gb18030() {
    let out = yuedu()
        .args(["dump", "--width", "80", &data("gb18030-mostly-english.txt")])
        .output()
        .expect("run");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("met local firms. 余姚 2024."), "{text}");
    let out = yuedu()
        .args(["check", &data("gb18030-mostly-english.txt")])
        .output()
        .expect("run");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(!report.contains("windows-1255"), "{report}");
}
