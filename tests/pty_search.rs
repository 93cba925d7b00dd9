//! The search prompt as less and vim users type it: cursor movement, Ctrl-U, history
//! (kept with the reading state), Enter alone repeats, Esc keeps the last search for
//! n/N, backward search, counts that read right. The real binary in a pty.

mod pty;

use std::time::Duration;

use pty::{Pty, SHIPPED_FIRST_SCREEN, command, yuedu_bin};

const LEFT: &str = "\x1b[D";
const UP: &str = "\x1b[A";
const CTRL_U: &str = "\x15";
const CTRL_R: &str = "\x12";

fn start(state: &std::path::Path) -> Pty {
    let mut cmd = command(yuedu_bin(), &[]);
    cmd.env("XDG_STATE_HOME", state);
    Pty::spawn_showing(cmd, 100, 30, SHIPPED_FIRST_SCREEN)
}

#[test]
fn the_prompt_edits_remembers_and_repeats() {
    let state = tempfile::tempdir().expect("tempdir");
    let mut p = start(state.path());
    // Typed out of order and put right with the cursor; the count reads right.
    p.send("/姚");
    p.wait_for_status("/姚▏ 30 matches");
    p.send(LEFT);
    p.send("余");
    p.wait_for_status("/余▏姚 30 matches");
    p.send("\r");
    p.wait_for_status("/余姚 1/30");
    p.send("n");
    p.wait_for_status("/余姚 2/30");
    // Esc in a new prompt keeps the last search for n.
    p.send("/x");
    p.wait_for_status("/x▏");
    p.send("\x1b");
    p.wait_for_status("/余姚 2/30");
    // (A key right after Esc would read as Alt and that key.)
    p.settle();
    p.send("n");
    p.wait_for_status("/余姚 3/30");
    // Ctrl-U clears what is typed; one match reads "1 match".
    p.send("/abc");
    p.send(CTRL_U);
    p.send("AIoT");
    p.wait_for_status("/AIoT▏ 1 match");
    p.send("\r");
    p.wait_for_status("/AIoT 1/1");
    // Up brings back the earlier queries; Enter alone repeats the last one.
    p.send("/");
    p.send(UP);
    p.wait_for_status("/AIoT▏");
    p.send(UP);
    p.wait_for_status("/余姚▏");
    p.send("\r");
    p.wait_for_status("/余姚 ");
    p.send("/\r");
    p.wait_for_status("/余姚 ");
    // Backward from the top: the match before is the last one, wrapping; the bar shows ?.
    p.send("g");
    p.send(CTRL_R);
    p.wait_for_status("?▏");
    p.send("余姚\r");
    p.wait_for_status("?余姚 30/30");
    // n goes on backward, N forward.
    p.send("n");
    p.wait_for_status("?余姚 29/30");
    p.send("N");
    p.wait_for_status("?余姚 30/30");
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
    drop(p);
    // The history outlives the run.
    let mut p = start(state.path());
    p.send("/");
    p.send(UP);
    p.wait_for_status("/余姚▏");
}

#[test]
fn a_query_longer_than_the_bar_keeps_the_cursor_in_sight() {
    let state = tempfile::tempdir().expect("tempdir");
    let mut cmd = command(yuedu_bin(), &[]);
    cmd.env("XDG_STATE_HOME", state.path());
    let mut p = Pty::spawn(cmd, 40, 12);
    p.wait_for_text("陈 醉");
    p.settle();
    // 30 characters, 60 columns: more than the 40-column bar holds.
    let query = "长三角一体化发展示范区的建设让余姚的年轻人看到新的机会";
    p.send("/");
    p.send(query);
    p.wait_for("the end of the query and the cursor", |s| {
        s.contents_between(11, 0, 11, 40).contains("看到新的机会▏")
    });
    let bar = p.row_text(11, 0, 40);
    assert!(bar.starts_with("/…"), "the cut start is marked: {bar:?}");
    assert!(!bar.contains("长三角一体"), "the start gave way: {bar:?}");
}
