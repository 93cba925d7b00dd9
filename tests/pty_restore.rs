//! The terminal always comes back: after q, SIGTERM, SIGHUP, a panic, Ctrl-Z and fg; and
//! the reader exits when its terminal goes away.

mod pty;

use std::time::Duration;

use pty::{Pty, command, yuedu_bin};

/// The pids of the children of `parent`, from /proc.
fn children(parent: u32) -> Vec<u32> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        // pid (comm) state ppid …; comm may hold spaces, so split after the last ')'.
        let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
        let ppid: Option<u32> = after.split_whitespace().nth(1).and_then(|p| p.parse().ok());
        if ppid == Some(parent) {
            out.push(pid);
        }
    }
    out
}

fn signal(pid: u32, name: &str) {
    // The shell's own kill: no procps needed.
    let status = std::process::Command::new("/bin/sh")
        .args(["-c", &format!("kill -{name} {pid}")])
        .status()
        .expect("kill");
    assert!(status.success(), "kill -{name} {pid}");
}

/// A shell that prints the terminal mode (`stty -g`), runs yuedu with `env`, prints its
/// exit status and the mode again.
fn wrapped(env: &str) -> Pty {
    let script = format!(
        "stty -g; {env} {} ; echo \"exit=$?\"; stty -g; sleep 0.3",
        yuedu_bin()
    );
    Pty::spawn_showing(command("/bin/sh", &["-c", &script]), 80, 24, "区域共绘民生")
}

fn yuedu_pid(p: &Pty) -> u32 {
    let sh = p.child.process_id().expect("shell pid");
    let kids = children(sh);
    assert_eq!(kids.len(), 1, "one yuedu under the shell: {kids:?}");
    kids[0]
}

/// Waits for "exit=N" and checks that the terminal is back as it was.
fn assert_restored(p: &Pty, code: &str) {
    p.wait_for_text(&format!("exit={code}"));
    p.settle();
    p.assert_screen_given_back();
    let screen = p.screen();
    let modes: Vec<&str> = screen
        .lines()
        .filter(|l| l.split(':').count() > 10 && !l.contains(' '))
        .collect();
    assert_eq!(modes.len(), 2, "two stty -g lines in:\n{screen}");
    assert_eq!(modes[0], modes[1], "terminal mode not restored:\n{screen}");
}

#[test]
fn sigterm_restores_the_terminal() {
    let p = wrapped("");
    signal(yuedu_pid(&p), "TERM");
    assert_restored(&p, "143");
}

#[test]
fn sighup_restores_the_terminal() {
    let p = wrapped("");
    signal(yuedu_pid(&p), "HUP");
    assert_restored(&p, "129");
}

#[test]
fn a_panic_restores_the_terminal_then_prints_the_message() {
    let mut p = wrapped("YUEDU_TEST_PANIC=1");
    p.send("j");
    assert_restored(&p, "101");
    let screen = p.screen();
    assert!(
        screen.contains("panicked") && screen.contains("YUEDU_TEST_PANIC"),
        "{screen}"
    );
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_fg_redraws() {
    let mut p = wrapped("");
    let pid = yuedu_pid(&p);
    p.send("]]");
    p.wait_for_text("▶ “大平台”");
    p.send("\x1a");
    p.wait_for("the normal screen while stopped", |s| {
        !s.alternate_screen() && !s.hide_cursor()
    });
    let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
    let state = state
        .rsplit_once(')')
        .map(|(_, r)| r.trim_start().chars().next());
    assert_eq!(state, Some(Some('T')), "stopped");
    signal(pid, "CONT");
    p.wait_for("the reader back, redrawn", |s| {
        s.alternate_screen() && s.contents().contains("▶ “大平台”")
    });
    p.send("q");
    assert_restored(&p, "0");
}

/// Whether `pid` has ended (gone, or a zombie nobody reaped yet).
fn ended(pid: u32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        Err(_) => true,
        Ok(stat) => stat
            .rsplit_once(')')
            .is_some_and(|(_, r)| r.trim_start().starts_with(['Z', 'X'])),
    }
}

#[test]
fn closing_the_terminal_ends_the_reader_within_two_seconds() {
    // `script` gives yuedu a terminal of its own; killing `script` closes that terminal's
    // master side, as a terminal window closing or an SSH connection dropping does.
    let p = Pty::spawn(
        command("script", &["-qfec", yuedu_bin(), "/dev/null"]),
        80,
        24,
    );
    p.wait_for_text("区域共绘民生");
    let script = p.child.process_id().expect("script pid");
    let kids = children(script);
    assert_eq!(kids.len(), 1, "{kids:?}");
    let reader = kids[0];
    signal(script, "KILL");
    let deadline = std::time::Instant::now() + Duration::from_secs(2);
    while !ended(reader) {
        assert!(
            std::time::Instant::now() < deadline,
            "yuedu still running 2 s after its terminal closed"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_terminal_that_hangs_up_without_a_sighup_still_ends_the_reader() {
    // A shell above the reader ignores SIGHUP and so does not pass one on: the reader
    // only sees its terminal hang up.
    let inner = format!("trap '' HUP; {}; echo done", yuedu_bin());
    let p = Pty::spawn(
        command(
            "script",
            &["-qfec", &format!("sh -c \"{inner}\""), "/dev/null"],
        ),
        80,
        24,
    );
    p.wait_for_text("区域共绘民生");
    let script = p.child.process_id().expect("script pid");
    let shells = children(script);
    assert_eq!(shells.len(), 1, "{shells:?}");
    let readers = children(shells[0]);
    assert_eq!(readers.len(), 1, "{readers:?}");
    signal(script, "KILL");
    let deadline = std::time::Instant::now() + Duration::from_secs(2);
    while !ended(readers[0]) {
        assert!(
            std::time::Instant::now() < deadline,
            "yuedu still running 2 s after its terminal hung up"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// What a program's output does with left/right margins, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Margin {
    /// `CSI ? 69 h`
    ModeOn,
    /// `CSI ? 69 l`
    ModeOff,
    /// `CSI … s` while the mode is on: margins set or reset.
    Margins,
}

/// The margin events of `bytes`; panics on a `CSI s` while margin mode is off, which
/// would save the cursor instead.
fn margin_events(bytes: &[u8]) -> Vec<Margin> {
    let mut events = Vec::new();
    let mut on = false;
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] != 0x1b || bytes[i + 1] != b'[' {
            i += 1;
            continue;
        }
        let start = i + 2;
        let mut end = start;
        while end < bytes.len() && !(0x40..=0x7e).contains(&bytes[end]) {
            end += 1;
        }
        let Some(&last) = bytes.get(end) else { break };
        let params = &bytes[start..end];
        match (params, last) {
            (b"?69", b'h') => {
                on = true;
                events.push(Margin::ModeOn);
            }
            (b"?69", b'l') => {
                on = false;
                events.push(Margin::ModeOff);
            }
            (p, b's') if !p.starts_with(b"?") => {
                assert!(
                    on,
                    "CSI {}s while margin mode is off",
                    String::from_utf8_lossy(p)
                );
                events.push(Margin::Margins);
            }
            _ => {}
        }
        i = end + 1;
    }
    events
}

/// Waits until the output's margin events satisfy `pred`.
fn wait_margins(p: &Pty, what: &str, pred: impl Fn(&[Margin]) -> bool) -> Vec<Margin> {
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        let events = margin_events(&p.output_bytes());
        if pred(&events) {
            return events;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "timed out waiting for {what}: {events:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn margin_mode_is_turned_off_while_stopped_and_on_the_way_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = dir.path().join("margins.toml");
    std::fs::write(&config, "[output]\nscroll-margins = \"on\"\n").expect("config");
    let mut p = wrapped(&format!("YUEDU_CONFIG={}", config.display()));
    let pid = yuedu_pid(&p);
    // A line down beside the navigation pane (80 columns) scrolls inside margins.
    p.send("j");
    wait_margins(&p, "a margin scroll", |e| {
        e.first() == Some(&Margin::ModeOn) && e.contains(&Margin::Margins)
    });
    p.settle();
    p.send("\x1a");
    p.wait_for("the normal screen while stopped", |s| {
        !s.alternate_screen() && !s.hide_cursor()
    });
    let stopped = wait_margins(&p, "the mode turned off", |e| {
        e.last() == Some(&Margin::ModeOff)
    });
    signal(pid, "CONT");
    p.wait_for("the reader back", |s| s.alternate_screen());
    p.settle();
    // The backend knows the mode was turned off and turns it on again before margins.
    p.send("j");
    wait_margins(&p, "margins again", |e| {
        e.len() > stopped.len() + 1 && e[stopped.len()] == Margin::ModeOn
    });
    p.settle();
    p.send("q");
    assert_restored(&p, "0");
    let events = margin_events(&p.output_bytes());
    assert_eq!(events.last(), Some(&Margin::ModeOff), "{events:?}");
}

#[test]
fn margins_are_left_alone_where_the_terminal_is_not_known_to_have_them() {
    // TERM=xterm-256color and nothing else said about the terminal: "auto" stays off.
    let mut p = wrapped("");
    p.send("jjj");
    p.wait_for("the text moved", |s| s.contents().contains(" 4–"));
    p.send("q");
    assert_restored(&p, "0");
    // The mode is turned off on the way out all the same (a no-op where it was off).
    assert_eq!(margin_events(&p.output_bytes()), [Margin::ModeOff]);
}

/// What cannot be opened is said on the shell's own screen: the reader takes the terminal
/// beside the parse, once the file is read, so a file that cannot be read, or a key given
/// to two actions, must come before it and never enter the alternate screen.
#[test]
fn an_article_that_cannot_be_opened_never_takes_the_terminal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("missing-article.txt");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[keys]\nquit = [\"x\"]\nsearch = [\"x\"]\n").expect("config");
    let article = format!(
        "{}/articles/yuyao-yangtze-delta.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let cases: [(Vec<&str>, &str); 2] = [
        (vec![missing.to_str().expect("path")], "missing-article.txt"),
        (
            vec!["--config", config.to_str().expect("path"), &article],
            "\"x\"",
        ),
    ];
    for (args, named) in cases {
        let mut p = Pty::yuedu(&args, 80, 24);
        let code = p.wait_exit(Duration::from_secs(5));
        let out = String::from_utf8_lossy(&p.output_bytes()).into_owned();
        assert!(
            matches!(code, Some(c) if c != 0),
            "{args:?}: exit {code:?}\n{out}"
        );
        assert!(
            out.contains(named),
            "{args:?}: the message names {named}:\n{out}"
        );
        assert!(
            !out.contains("\x1b[?1049h"),
            "{args:?}: the alternate screen was entered:\n{out:?}"
        );
    }
}
