//! The shipped article started outside the repository: the built-in copy, said so, and
//! resumed where it was left like any file (its place kept by content). The real binary
//! in a pty.

mod pty;

use std::time::Duration;

use pty::{Pty, command, yuedu_bin};

fn outside(cwd: &std::path::Path, state: &std::path::Path) -> Pty {
    let mut cmd = command(yuedu_bin(), &[]);
    cmd.cwd(cwd);
    cmd.env("XDG_STATE_HOME", state);
    Pty::spawn_showing(cmd, 100, 30, "陈 醉 劳超杰")
}

#[test]
fn the_built_in_copy_says_so_and_resumes_where_it_was_left() {
    let cwd = tempfile::tempdir().expect("tempdir");
    // A folder of articles in the current folder is not opened unless given.
    std::fs::create_dir(cwd.path().join("articles")).expect("dir");
    std::fs::write(
        cwd.path().join("articles/other.txt"),
        "别的文章\n\n正文。\n",
    )
    .expect("write");
    let state = tempfile::tempdir().expect("tempdir");
    let mut p = outside(cwd.path(), state.path());
    p.wait_for_text("the shipped article, built in");
    assert!(!p.screen().contains("别的文章"), "{}", p.screen());
    p.send("]]");
    p.wait_for_in_row(0, 30, 100, "“大平台”推动强链补链");
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
    drop(p);
    let p = outside(cwd.path(), state.path());
    p.wait_for("resumed at the second section", |s| {
        s.contents().contains("resumed where you left off")
            && s.contents_between(0, 30, 0, 100)
                .contains("“大平台”推动强链补链")
    });
}

#[test]
fn a_dash_on_a_terminal_says_it_waits_for_the_article() {
    let mut p = Pty::spawn(command(yuedu_bin(), &["check", "-"]), 100, 30);
    p.wait_for_text("reading the article from standard input; end it with Ctrl-D");
    // Typed at the terminal, ended with Ctrl-D: checked as standard input.
    p.send("标题\r\r　　今年,长三角。\r\x04");
    p.wait_for_text("(standard input)");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
}
