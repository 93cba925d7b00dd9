//! `v` opens the article in $VISUAL at the source line being read, gives the editor the
//! terminal (the reader takes none of its keys), and reads the file again after. The
//! real binary in a pty, with a shell script for an editor.

mod pty;

use std::time::Duration;

use pty::{Pty, command, yuedu_bin};

#[test]
fn v_edits_at_the_line_being_read_and_reloads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let article = dir.path().join("a.txt");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/articles/yuyao-yangtze-delta.txt"
        ),
        &article,
    )
    .expect("copy");
    // The "editor" records its arguments, reads one line typed at the terminal (the
    // reader must not take it), and changes the file.
    let log = dir.path().join("args");
    let editor = dir.path().join("ed.sh");
    std::fs::write(
        &editor,
        format!(
            "#!/bin/sh\necho \"$@\" > {log}\nprintf 'EDITOR> '\nread answer\necho \"$answer\" >> {log}\n\
             sed -i 's/今年,长三角/今年，长三角已改/' \"$2\"\n",
            log = log.display()
        ),
    )
    .expect("script");
    std::process::Command::new("chmod")
        .args(["+x", editor.to_str().expect("utf-8")])
        .status()
        .expect("chmod");
    let mut cmd = command(yuedu_bin(), &[article.to_str().expect("utf-8")]);
    cmd.env("VISUAL", &editor);
    let mut p = Pty::spawn_showing(cmd, 100, 30, "陈 醉 劳超杰");
    // To the first section (source line 24), then v.
    p.send("]");
    p.settle();
    p.send("v");
    p.wait_for_text("EDITOR>");
    p.send("typed in the editor\r");
    // Read again keeping the place; the change is at the top.
    p.wait_for("the reader back", |s| {
        s.contents().contains("科创“共同体”激活增长极")
    });
    p.settle();
    p.send("g");
    p.wait_for("the changed text, read again", |s| {
        s.contents().contains("今年，长三角已改")
    });
    let args = std::fs::read_to_string(&log).expect("log");
    assert!(args.starts_with("+24 "), "{args}");
    assert!(args.contains("typed in the editor"), "{args}");
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
}
