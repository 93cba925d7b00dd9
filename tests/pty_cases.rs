//! The reported cases of `tests/data/` in the real reader, in a pseudo-terminal read
//! back through vt100: every character the file holds is on the screen.

mod pty;

use pty::Pty;

fn data(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The screen's characters, without blanks.
fn characters(p: &Pty) -> String {
    p.screen().chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn halfwidth_katakana_with_voiced_marks_are_all_shown() {
    let p = Pty::yuedu(&[&data("halfwidth-dakuten.txt")], 80, 12);
    p.wait_for_text("标题");
    p.settle();
    let shown = characters(&p);
    assert!(shown.contains("ｶﾞｷﾞｸﾞｹﾞ。"), "{}", p.screen());
}

#[test]
fn zero_width_clusters_are_shown_on_their_neighbours() {
    let p = Pty::yuedu(&[&data("zero-width-clusters.txt")], 80, 12);
    p.wait_for_text("标题");
    p.settle();
    let shown = characters(&p);
    // The combining mark at the start of the paragraph, the isolated Hangul vowel.
    assert!(shown.contains('\u{301}'), "{:?}", p.screen());
    assert!(shown.contains("元音\u{1161}和尾音"), "{:?}", p.screen());
}
