//! Keys readers reach for, in the real binary in a pty: counts, percentages, a source
//! line as `check` prints it, marks and the way back, what the file is, `h` for help —
//! and the help overlay lists every key of the key map at 80×24 without scrolling.

mod pty;

use pty::Pty;

fn start(cols: u16, rows: u16) -> Pty {
    let p = Pty::yuedu(&[], cols, rows);
    p.wait_for_text("陈 醉 劳超杰");
    p.settle();
    p
}

fn status_has(p: &Pty, row: u16, what: &str) {
    p.wait_for(&format!("{what:?} in the status bar"), |s| {
        let (_, cols) = s.size();
        s.contents_between(row, 0, row, cols.get()).contains(what)
    });
}

#[test]
fn counts_percentages_and_lines() {
    let mut p = start(100, 30);
    // 5j: five lines down.
    p.send("5j");
    status_has(&p, 29, "6–34/115");
    // 50G: line 50 at the top.
    p.send("50G");
    status_has(&p, 29, "50–78/115");
    // 10p and 10%: 10 percent of the lines, one way or the other.
    p.send("10p");
    status_has(&p, 29, "12–40/115");
    p.send("g10%");
    status_has(&p, 29, "12–40/115");
    // :46:21, as check prints it: the joined paragraph at line 46 on top.
    p.send(":46:21");
    status_has(&p, 29, ":46:21▏");
    p.send("\r");
    status_has(&p, 29, "source line 46");
    // Column 21 of line 46 ("…在余姚,直径800…") begins the top line or is on it.
    p.wait_for("column 21 of line 46 on the top line", |s| {
        s.contents_between(0, 30, 0, 100).contains("余姚,直径800")
    });
    // A line past the end says how many lines there are (the shipped file has 86).
    p.send(":9999\r");
    status_has(&p, 29, "line 9999 is past the end: the source has 86 lines");
}

#[test]
fn marks_and_the_way_back() {
    let mut p = start(100, 30);
    p.send("]");
    p.settle();
    p.send("ma");
    status_has(&p, 29, "marked this place as a");
    p.send("G");
    p.settle();
    p.send("'a");
    p.wait_for("back at the first section", |s| {
        s.contents_between(0, 30, 0, 100)
            .contains("科创“共同体”激活增长极")
    });
    // '' goes back to where the last jump ('a) started: the end.
    p.send("''");
    status_has(&p, 29, "/115 100%");
    p.send("'z");
    status_has(&p, 29, "no mark z");
    // = names the file, its format, encoding and size.
    p.send("=");
    status_has(&p, 29, "text, UTF-8");
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
