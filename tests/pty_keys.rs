//! Keys readers reach for, in the real binary in a pty: counts, percentages, a source
//! line as `check` prints it, marks and the way back, what the file is, `h` for help —
//! and the help overlay lists every key of the key map at 80×24 without scrolling.

mod pty;

use pty::{Pty, SHIPPED_FIRST_SCREEN};

fn start(cols: u16, rows: u16) -> Pty {
    Pty::yuedu_showing(&[], cols, rows, SHIPPED_FIRST_SCREEN)
}

#[test]
fn counts_percentages_and_lines() {
    let mut p = start(100, 30);
    // 5j: five lines down.
    p.send("5j");
    p.wait_for_status("6–34/115");
    // 50G: line 50 at the top.
    p.send("50G");
    p.wait_for_status("50–78/115");
    // 10p and 10%: 10 percent of the lines, one way or the other.
    p.send("10p");
    p.wait_for_status("12–40/115");
    p.send("g10%");
    p.wait_for_status("12–40/115");
    // :46:21, as check prints it: the joined paragraph at line 46 on top.
    p.send(":46:21");
    p.wait_for_status(":46:21▏");
    p.send("\r");
    p.wait_for_status("source line 46");
    // Column 21 of line 46 ("…在余姚,直径800…") begins the top line or is on it.
    p.wait_for_in_row(0, 30, 100, "余姚,直径800");
    // A line past the end says how many lines there are (the shipped file has 86).
    p.send(":9999\r");
    p.wait_for_status("line 9999 is past the end: the source has 86 lines");
}

#[test]
fn marks_and_the_way_back() {
    let mut p = start(100, 30);
    p.send("]");
    p.settle();
    p.send("ma");
    p.wait_for_status("marked this place as a");
    p.send("G");
    p.settle();
    p.send("'a");
    p.wait_for_in_row(0, 30, 100, "科创“共同体”激活增长极");
    // '' goes back to where the last jump ('a) started: the end.
    p.send("''");
    p.wait_for_status("/115 100%");
    p.send("'z");
    p.wait_for_status("no mark z");
    // = names the file, its format, encoding and size.
    p.send("=");
    p.wait_for_status("text, UTF-8");
}

#[test]
fn h_opens_the_help_and_it_lists_every_key_at_80x24() {
    let mut p = start(80, 24);
    p.send("h");
    p.wait_for_text("帮助 Help");
    let screen = p.screen();
    assert!(!screen.contains("↓ more"), "{screen}");
    for keys in [
        "j ↓",
        "Space PgDn",
        "Ctrl-F",
        "Ctrl-D",
        "g Home",
        "G End",
        "Tab",
        "Enter",
        "Ctrl-R",
        "p %",
        "= Ctrl-G",
        "? h",
        "Esc",
        "Ctrl-Z",
        "Ctrl-C",
        "0-9",
        "Ctrl-U/W/K",
    ] {
        assert!(screen.contains(keys), "{keys} missing:\n{screen}");
    }
}
