//! The reported cases of `tests/data/` in the real reader, in a pseudo-terminal read
//! back through vt100: every character the file holds is on the screen.

mod pty;

use pty::{Pty, data};

/// The screen's characters, without blanks.
fn characters(p: &Pty) -> String {
    p.screen().chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn halfwidth_katakana_with_voiced_marks_are_all_shown() {
    let p = Pty::yuedu_showing(&[&data("halfwidth-dakuten.txt")], 80, 12, "标题");
    let shown = characters(&p);
    assert!(shown.contains("ｶﾞｷﾞｸﾞｹﾞ。"), "{}", p.screen());
}

#[test]
fn zero_width_clusters_are_shown_on_their_neighbours() {
    let p = Pty::yuedu_showing(&[&data("zero-width-clusters.txt")], 80, 12, "标题");
    let shown = characters(&p);
    // The combining mark at the start of the paragraph, the isolated Hangul vowel.
    assert!(shown.contains('\u{301}'), "{:?}", p.screen());
    assert!(shown.contains("元音\u{1161}和尾音"), "{:?}", p.screen());
}

/// The library at 60 columns: both titles are cut, and both cuts end in "…", whether
/// the terminal draws ambiguous characters narrow or wide.
#[test]
fn cut_titles_in_the_library_end_in_an_ellipsis() {
    let dir = data("library-cjk-titles");
    for wide in [false, true] {
        let mut args = vec![dir.as_str()];
        if wide {
            args.extend(["--ambiguous-width", "wide"]);
        }
        let p = Pty::yuedu(&args, 60, 10);
        p.wait_for_text("a.txt");
        p.wait_for_text("b.txt");
        p.settle();
        let screen = p.screen();
        for (start, file) in [("余姚在长三角", "a.txt"), ("余姚ABCDEF", "b.txt")] {
            let row = screen
                .lines()
                .find(|l| l.contains(start))
                .unwrap_or_else(|| panic!("{file} listed: {screen}"));
            assert!(row.contains('…'), "{file}, wide {wide}: {row:?}\n{screen}");
        }
    }
}
