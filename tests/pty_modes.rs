//! Modes as less and vim users expect them: q and Esc close the topmost overlay or mode
//! and quit only from reading; the focus goes back to the text after a jump from the
//! navigation pane, and the status bar says where it is. The real binary in a pty.

mod pty;

use std::time::Duration;

use pty::{Pty, SHIPPED_FIRST_SCREEN};

fn start(cols: u16, rows: u16) -> Pty {
    Pty::yuedu_showing(&[], cols, rows, SHIPPED_FIRST_SCREEN)
}

/// Asserts the program is still running a moment after the last key.
fn assert_running(p: &mut Pty, after: &str) {
    assert_eq!(
        p.wait_exit(Duration::from_millis(400)),
        None,
        "{after} quit the program"
    );
}

#[test]
fn q_closes_the_help_then_quits_from_reading() {
    let mut p = start(80, 24);
    p.send("?");
    p.wait_for_text("帮助 Help");
    p.send("q");
    p.wait_for("help closed", |s| !s.contents().contains("帮助 Help"));
    assert_running(&mut p, "q in the help");
    p.send("?");
    p.wait_for_text("帮助 Help");
    p.send("\x1b");
    p.wait_for("help closed by Esc", |s| {
        !s.contents().contains("帮助 Help")
    });
    assert_running(&mut p, "Esc in the help");
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn q_closes_the_findings_list_and_help_opens_over_it() {
    let mut p = start(100, 30);
    p.send("!");
    p.wait_for_text("Findings: 97 of 97");
    // The help over the list, closed by q: back in the list.
    p.send("?");
    p.wait_for_text("帮助 Help");
    p.send("q");
    p.wait_for("back in the findings list", |s| {
        let c = s.contents();
        c.contains("Findings: 97 of 97") && !c.contains("帮助 Help")
    });
    // A reading key means nothing in the list: said, not done.
    p.send("]");
    p.wait_for("a note on ]", |s| {
        s.contents().contains("does nothing in the findings list")
    });
    p.send("q");
    p.wait_for("list closed", |s| {
        !s.contents().contains("Findings: 97 of 97")
    });
    assert_running(&mut p, "q in the findings list");
}

#[test]
fn q_closes_the_navigation_overlay_in_a_narrow_terminal() {
    let mut p = start(40, 12);
    p.send("t");
    p.wait_for_text("── 章节 Sections");
    p.send("q");
    p.wait_for("overlay closed", |s| !s.contents().contains("── 章节"));
    assert_running(&mut p, "q in the navigation overlay");
    // Tab opens it too; Esc closes it.
    p.send("\t");
    p.wait_for_text("── 章节 Sections");
    p.send("\x1b");
    p.wait_for("overlay closed by Esc", |s| {
        !s.contents().contains("── 章节")
    });
    assert_running(&mut p, "Esc in the navigation overlay");
}

#[test]
fn enter_in_the_pane_jumps_and_gives_the_focus_back_to_the_text() {
    let mut p = start(100, 30);
    let text_top = |p: &Pty| p.row_text(0, 30, 100).trim().to_string();
    p.send("\t");
    p.wait_for_status("navigation pane");
    // Down to the second section (past the title and the first) and Enter: the text
    // jumps there.
    p.send("jj\r");
    p.wait_for_in_row(0, 30, 100, "“大平台”推动强链补链");
    p.wait_for_status_without("navigation pane");
    p.settle();
    // j now scrolls the text, not the pane's selection.
    let before = text_top(&p);
    p.send("j");
    p.wait_for("the text scrolled", |s| {
        s.contents_between(0, 30, 0, 100).trim() != before
    });
    // Tab, then q: back to the text, still running; q again quits.
    p.send("\t");
    p.wait_for_status("navigation pane");
    p.send("q");
    p.wait_for_status_without("navigation pane");
    assert_running(&mut p, "q with the focus in the pane");
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn a_key_that_does_nothing_says_so() {
    let mut p = start(80, 24);
    p.send("x");
    p.wait_for("a note on x", |s| {
        s.contents().contains("x does nothing (? lists the keys)")
    });
    assert_running(&mut p, "x");
}

#[test]
fn resizing_back_and_forth_keeps_the_top_line() {
    let mut p = start(80, 24);
    p.send("]]jjj");
    p.settle();
    let top = |p: &Pty| p.row_text(0, 0, 80).trim().to_string();
    let before = top(&p);
    for _ in 0..3 {
        p.resize(120, 60);
        p.settle();
        p.resize(80, 24);
        p.settle();
        p.resize(80, 40);
        p.settle();
        p.resize(80, 24);
        p.settle();
    }
    p.wait_for("the same top line", |s| {
        s.contents_between(0, 0, 0, 80).trim() == before
    });
}

#[test]
fn a_search_is_a_jump_that_quote_quote_goes_back_from_and_a_backward_one_says_so() {
    let mut p = start(80, 24);
    p.send("/领克\r");
    p.wait_for("the first match, far down", |s| {
        let bar = s.contents_between(23, 0, 23, 80);
        bar.contains("/领克 1/2") && !bar.contains("1–23/")
    });
    // '' goes back to where the search started: the top.
    p.send("''");
    p.wait_for_status("1–23/");
    // A backward search is shown with its own sign.
    p.send("\x12余姚\r");
    p.wait_for_status("?余姚");
}

#[test]
fn nothing_of_the_navigation_pane_shows_beside_the_help() {
    // 80 columns: the help's box leaves a column on each side, where the navigation
    // pane's ▶ (the section being read) and its cursor (the focus in it) once showed.
    for before in ["", "\tj"] {
        let mut p = start(80, 24);
        p.send(before);
        if !before.is_empty() {
            p.wait_for_status("navigation pane");
        }
        p.send("?");
        p.wait_for_text("帮助 Help");
        p.settle();
        p.with_screen(|s| {
            for row in 0..23 {
                for col in [0, 79] {
                    let cell = s.cell(row, col).expect("a cell");
                    assert!(
                        cell.contents().trim().is_empty() && !cell.inverse(),
                        "after {before:?}: {:?} at row {row}, column {col}\n{}",
                        cell.contents(),
                        s.contents()
                    );
                }
            }
        });
        // q closes the help, Esc leaves the pane, q quits.
        p.send("q\x1b");
        p.wait_for("the help closed", |s| !s.contents().contains("帮助 Help"));
        p.wait_for_status_without("navigation pane");
        p.quit();
    }
}
