//! Saved pages' ornaments in the reader, as a user sees them: the real binary in a
//! pseudo-terminal, read back through vt100.

mod pty;

use pty::Pty;

const NAV_WIDTH: u16 = 30;

#[test]
fn a_sections_number_above_its_subhead_is_one_entry_of_the_navigation_pane() {
    let page = pty::data("formats/ornament-heads.html");
    let mut p = Pty::yuedu_showing(&[&page], 100, 30, "镇口那间修车铺");
    let nav: Vec<String> = p.rows_text(29, 0, NAV_WIDTH - 1);
    let entries: Vec<&str> = nav.iter().map(|l| l.trim()).collect();
    let joined = entries.join("\n");
    assert!(joined.contains("01 第一位客人"), "{joined}");
    assert!(joined.contains("Part 3 最后一单"), "{joined}");
    // No entry is a number alone; the break over text is one of its own.
    assert!(entries.contains(&"◆ ◆ ◆"), "{joined}");
    for alone in ["01", "▶ 01", "壹", "* * *"] {
        assert!(!entries.contains(&alone), "{alone} alone in:\n{joined}");
    }
    // The row of diamonds stands in the text as a break.
    assert!(p.screen().contains("◆ ◆ ◆"), "{}", p.screen());
    p.quit();
    // On a smaller screen, the next section starts at its number and head, on top.
    let mut p = Pty::yuedu_showing(&[&page], 100, 10, "镇口那间修车铺");
    p.send("]");
    p.wait_for_in_row(0, NAV_WIDTH, 100, "01 第一位客人");
    p.send("]");
    p.wait_for_in_row(0, NAV_WIDTH, 100, "— 02 — 雨天的生意");
    p.quit();
}
