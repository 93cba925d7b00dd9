//! The reader over a real SSH connection: a throwaway `sshd` on 127.0.0.1 (its own host
//! key, authorised key and config in a temporary directory; the system's sshd and its keys
//! are never touched), `ssh -tt` in a pseudo-terminal, the freshly built yuedu on the far
//! side, its screen read back through vt100.
//!
//! `.ci/run` installs openssh-server and openssh-client. Without them this test fails when
//! `CI` is set and otherwise prints a note and skips, so a plain `cargo test` on a machine
//! without sshd still passes but CI never skips silently.

mod pty;

use std::io::Write;
use std::net::{Ipv4Addr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use pty::{Pty, command, yuedu_bin};

const SSHD: &str = "/usr/sbin/sshd";
const NAV_WIDTH: u16 = 30;
const ARTICLE: &str = "articles/yuyao-yangtze-delta.txt";
const HEADINGS: [&str; 3] = [
    "科创“共同体”激活增长极",
    "“大平台”推动强链补链",
    "区域共绘民生“幸福圈”",
];

/// Whether `program` is found on PATH.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// Whether the OpenSSH programs are here. Missing in CI is a failure; missing elsewhere is
/// a loud skip.
fn have_openssh() -> bool {
    let missing: Vec<&str> = [
        (SSHD, Path::new(SSHD).is_file()),
        ("ssh", on_path("ssh")),
        ("ssh-keygen", on_path("ssh-keygen")),
    ]
    .into_iter()
    .filter_map(|(name, found)| (!found).then_some(name))
    .collect();
    if missing.is_empty() {
        return true;
    }
    let msg = format!(
        "the SSH end-to-end test needs {} (apt-get install openssh-server openssh-client; \
         .ci/run does this)",
        missing.join(", ")
    );
    if std::env::var_os("CI").is_some_and(|v| !v.is_empty()) {
        panic!("CI is set and {msg}");
    }
    // Straight to stderr, past the test harness's capture, so that the skip is seen.
    let _ = writeln!(std::io::stderr(), "\n!!! SKIPPED: {msg}\n");
    false
}

/// Runs `program args…` to completion; panics with its output when it fails.
fn run(program: &str, args: &[&str]) -> String {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?}: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A word for a POSIX shell, single-quoted.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// A port on 127.0.0.1 that was free a moment ago.
fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .expect("bind 127.0.0.1:0")
        .port()
}

/// Waits until `sshd` accepts connections on `port`; false if it exited instead.
fn wait_listening(sshd: &mut std::process::Child, port: u16) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = sshd.try_wait() {
            return false;
        }
        if TcpStream::connect((Ipv4Addr::LOCALHOST, port)).is_ok() {
            return true;
        }
        thread::sleep(Duration::from_millis(20));
    }
    false
}

/// A throwaway sshd, stopped by its pid when dropped (also when the test fails).
struct Sshd {
    child: std::process::Child,
    dir: tempfile::TempDir,
    port: u16,
    user: String,
}

impl Sshd {
    fn start() -> Sshd {
        let dir = tempfile::tempdir().expect("temp dir");
        let d = dir.path();
        let path = |name: &str| d.join(name).to_string_lossy().into_owned();
        for key in ["hostkey", "clientkey"] {
            run(
                "ssh-keygen",
                &[
                    "-q",
                    "-t",
                    "ed25519",
                    "-N",
                    "",
                    "-C",
                    "yuedu-test",
                    "-f",
                    &path(key),
                ],
            );
        }
        std::fs::copy(d.join("clientkey.pub"), d.join("authorized_keys")).expect("authorized_keys");
        let user = run("id", &["-un"]);
        // The privilege separation directory; sshd refuses to start as root without it.
        if !Path::new("/run/sshd").is_dir() {
            let _ = std::fs::create_dir_all("/run/sshd");
        }
        let mut last_error = String::new();
        // The port may be taken between choosing and binding it: then try another.
        for _ in 0..3 {
            let port = free_port();
            let config = format!(
                "Port {port}\n\
                 ListenAddress 127.0.0.1\n\
                 HostKey {hostkey}\n\
                 AuthorizedKeysFile {keys}\n\
                 PidFile {pidfile}\n\
                 StrictModes no\n\
                 UsePAM no\n\
                 PasswordAuthentication no\n\
                 KbdInteractiveAuthentication no\n\
                 PubkeyAuthentication yes\n\
                 PermitRootLogin yes\n\
                 PermitUserEnvironment no\n\
                 AcceptEnv LANG LC_*\n\
                 AllowUsers {user}\n\
                 PrintMotd no\n\
                 PrintLastLog no\n\
                 UseDNS no\n\
                 LogLevel ERROR\n",
                hostkey = path("hostkey"),
                keys = path("authorized_keys"),
                pidfile = path("sshd.pid"),
            );
            std::fs::write(d.join("sshd_config"), config).expect("sshd_config");
            let _ = std::fs::remove_file(d.join("sshd.log"));
            let mut child = Command::new(SSHD)
                .args(["-D", "-f", &path("sshd_config"), "-E", &path("sshd.log")])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("start sshd");
            if wait_listening(&mut child, port) {
                return Sshd {
                    child,
                    dir,
                    port,
                    user,
                };
            }
            let _ = child.kill();
            let _ = child.wait();
            last_error = std::fs::read_to_string(d.join("sshd.log")).unwrap_or_default();
        }
        panic!("sshd did not start; its log:\n{last_error}");
    }

    /// Stops sshd and whatever still runs under it (a remote reader left behind by a
    /// failed test), each by its pid.
    fn kill(&mut self) {
        for pid in descendants(self.pid()) {
            let _ = Command::new("/bin/sh")
                .args(["-c", &format!("kill -KILL {pid}")])
                .stderr(Stdio::null())
                .status();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    /// `ssh -tt … '<remote>'` in a pseudo-terminal of `cols` × `rows`.
    fn connect(&self, remote: &str, cols: u16, rows: u16) -> Pty {
        self.connect_answering(remote, cols, rows, Some(2))
    }

    /// [`Sshd::connect`], the local terminal answering a cursor position request with
    /// column `answer` (see [`Pty::spawn_answering`]).
    fn connect_answering(&self, remote: &str, cols: u16, rows: u16, answer: Option<u32>) -> Pty {
        let key = self.dir.path().join("clientkey");
        let key = key.to_string_lossy();
        let port = self.port.to_string();
        let target = format!("{}@127.0.0.1", self.user);
        let cmd = command(
            "ssh",
            &[
                "-tt",
                "-F",
                "/dev/null",
                "-i",
                &key,
                "-p",
                &port,
                "-o",
                "IdentitiesOnly=yes",
                "-o",
                "StrictHostKeyChecking=no",
                "-o",
                "UserKnownHostsFile=/dev/null",
                "-o",
                "LogLevel=ERROR",
                "-o",
                "BatchMode=yes",
                &target,
                remote,
            ],
        );
        Pty::spawn_answering(cmd, cols, rows, answer)
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        self.kill();
        if thread::panicking() {
            let log = std::fs::read_to_string(self.dir.path().join("sshd.log"));
            eprintln!("sshd log:\n{}", log.unwrap_or_default());
        }
    }
}

/// The shell words that put the remote side in the repository with a known environment:
/// no user settings, and reading positions kept in a fresh directory of this run's own
/// (so one test's position does not carry over to the next, or into root's home).
fn remote_prelude() -> String {
    let state = std::env::temp_dir().join(format!(
        "yuedu-ssh-state-{}-{}",
        std::process::id(),
        STATE_DIRS.fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    ));
    format!(
        "cd {} && export TERM=xterm-256color LANG=C.UTF-8 XDG_CONFIG_HOME=/nonexistent \
         XDG_STATE_HOME={}",
        quote(env!("CARGO_MANIFEST_DIR")),
        quote(&state.display().to_string())
    )
}

/// Numbers the state directories of one test run.
static STATE_DIRS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The parent pid and state of `pid`, from /proc; `None` once it is gone.
fn stat(pid: u32) -> Option<(u32, char)> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // pid (comm) state ppid …; comm may hold spaces, so split after the last ')'.
    let mut rest = stat.rsplit_once(')')?.1.split_whitespace();
    let state = rest.next()?.chars().next()?;
    let ppid = rest.next()?.parse().ok()?;
    Some((ppid, state))
}

/// Whether `pid` has ended (gone, or a zombie nobody reaped yet).
fn ended(pid: u32) -> bool {
    stat(pid).is_none_or(|(_, state)| matches!(state, 'Z' | 'X'))
}

/// The live processes descended from `root`.
fn descendants(root: u32) -> Vec<u32> {
    let procs: Vec<(u32, u32)> = std::fs::read_dir("/proc")
        .expect("/proc")
        .flatten()
        .filter_map(|e| e.file_name().to_string_lossy().parse::<u32>().ok())
        .filter_map(|pid| stat(pid).map(|(ppid, _)| (pid, ppid)))
        .filter(|&(pid, _)| !ended(pid))
        .collect();
    let mut out = vec![root];
    let mut i = 0;
    while i < out.len() {
        let parent = out[i];
        out.extend(procs.iter().filter(|p| p.1 == parent).map(|p| p.0));
        i += 1;
    }
    out.remove(0);
    out
}

/// The article's length in lines from the status bar's "line/total" at its end.
fn line_count(status: &str) -> u32 {
    status
        .split_whitespace()
        .filter_map(|w| w.split_once('/'))
        .filter_map(|(_, total)| total.parse().ok())
        .next_back()
        .unwrap_or_else(|| panic!("no line/total in the status bar {status:?}"))
}

fn wait_until(what: &str, timeout: Duration, done: impl Fn() -> bool) {
    let deadline = Instant::now() + timeout;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting: {what}");
        thread::sleep(Duration::from_millis(20));
    }
}

/// Read, move, resize and quit over SSH; afterwards the remote shell has its terminal back.
#[test]
fn the_width_probe_is_answered_over_ssh_and_traditional_is_shown() {
    if !have_openssh() {
        return;
    }
    let sshd = Sshd::start();
    let remote = format!(
        "{prelude} && {bin} --script traditional {ARTICLE}; echo \"remote-exit=$?\"; exec sh -i",
        prelude = remote_prelude(),
        bin = quote(yuedu_bin()),
    );
    // The local terminal draws ambiguous characters wide; the question and its answer
    // cross the connection.
    let mut p = sshd.connect_answering(&remote, 100, 30, Some(3));
    p.wait_for_text("ambiguous width: wide");
    p.wait_for_text("譜寫長三角一體化新篇章");
    p.send("q");
    p.wait_for_text("remote-exit=0");
}

#[test]
fn reading_over_ssh_moves_resizes_and_quits_back_to_the_remote_shell() {
    if !have_openssh() {
        return;
    }
    let sshd = Sshd::start();
    // The remote shell notes the terminal mode, runs the reader, says how it ended and
    // whether the mode is as before, then stays for commands.
    let remote = format!(
        "{prelude} && before=$(stty -g) && {bin} {ARTICLE}; echo \"remote-exit=$?\"; \
         if [ \"$(stty -g)\" = \"$before\" ]; then echo mode=restored; \
         else echo mode=changed; fi; exec sh -i",
        prelude = remote_prelude(),
        bin = quote(yuedu_bin()),
    );
    let mut p = sshd.connect(&remote, 100, 30);
    p.wait_for_text(HEADINGS[2]);
    p.settle();

    // The first screen: the reader on the alternate screen, every section in the pane.
    p.with_screen(|s| {
        assert!(s.alternate_screen(), "the reader uses the alternate screen");
        assert!(s.hide_cursor(), "the cursor is hidden while reading");
    });
    let nav: Vec<String> = (0..29).map(|r| p.row_text(r, 0, NAV_WIDTH - 1)).collect();
    for heading in HEADINGS {
        assert!(
            nav.iter().any(|r| r.contains(heading)),
            "{heading} missing in the navigation pane:\n{}",
            p.screen()
        );
    }
    // The mark starts on the title, not on a section.
    assert!(
        !nav.iter()
            .any(|r| r.starts_with('▶') && r.contains(HEADINGS[0])),
        "{nav:?}"
    );
    let status = p.row_text(29, 0, 100);
    assert!(status.contains("yuyao-yangtze-delta.txt"), "{status}");

    // `]` goes to the first section and marks it in the pane.
    p.send("]");
    p.wait_for("the first heading at the top, marked", |s| {
        s.contents_between(0, NAV_WIDTH, 0, 100)
            .contains(HEADINGS[0])
            && (0..29).any(|r| {
                let row = s.contents_between(r, 0, r, NAV_WIDTH - 1);
                row.starts_with('▶') && row.contains(HEADINGS[0])
            })
    });

    // A resize reaches the far side: the reader redraws at 50 × 20 without the pane, the
    // section still at the top, the text wrapped again into more (shorter) lines.
    let lines_at_100 = line_count(&p.row_text(29, 0, 100));
    p.resize(50, 20);
    p.wait_for("a redraw at 50 × 20 without the pane", |s| {
        (0..19).all(|r| !s.contents_between(r, 0, r, 50).contains('│'))
            && s.contents_between(0, 0, 0, 50).contains(HEADINGS[0])
            && s.contents_between(19, 0, 19, 50).contains("yuyao")
    });
    p.settle();
    let lines_at_50 = line_count(&p.row_text(19, 0, 50));
    assert!(
        lines_at_50 > lines_at_100,
        "the text not wrapped again at 50 columns ({lines_at_100} → {lines_at_50} lines):\n{}",
        p.screen()
    );

    // q: back in the remote shell, with the terminal as it was.
    p.send("q");
    p.wait_for_text("remote-exit=0");
    p.wait_for_text("mode=");
    p.settle();
    p.assert_screen_given_back();
    assert!(p.screen().contains("mode=restored"), "{}", p.screen());

    // The remote shell answers, and its terminal is 50 × 20.
    p.send("stty size; echo \"shell-$((6 * 7))\"\r");
    p.wait_for_text("shell-42");
    assert!(
        p.screen().lines().any(|l| l.trim() == "20 50"),
        "stty size on the far side:\n{}",
        p.screen()
    );
    p.send("exit\r");
    assert_eq!(
        p.wait_exit(Duration::from_secs(10)),
        Some(0),
        "ssh ends with the remote shell:\n{}",
        p.screen()
    );
    drop(sshd);
}

/// Runs `remote` (which starts the reader) over SSH, drops the connection the hard way
/// (the local ssh client killed with SIGKILL), and checks that the remote reader ends and
/// nothing is left under our sshd.
fn assert_dropping_the_connection_ends_the_reader(remote: &str) {
    let sshd = Sshd::start();
    let p = sshd.connect(remote, 100, 30);
    p.wait_for_text(HEADINGS[2]);
    p.settle();
    // The reader is the one yuedu under our sshd (same machine, so /proc shows it).
    let readers: Vec<u32> = descendants(sshd.pid())
        .into_iter()
        .filter(|pid| {
            std::fs::read_to_string(format!("/proc/{pid}/comm"))
                .is_ok_and(|comm| comm.trim() == "yuedu")
        })
        .collect();
    assert_eq!(
        readers.len(),
        1,
        "one remote yuedu under our sshd: {readers:?}"
    );
    let reader = readers[0];

    let client = p.child.process_id().expect("ssh pid");
    run("/bin/sh", &["-c", &format!("kill -KILL {client}")]);
    wait_until(
        "the remote yuedu to end after the connection dropped",
        Duration::from_secs(5),
        || ended(reader),
    );
    // And sshd's per-connection processes with it: only the listener remains.
    wait_until(
        "no process left under our sshd",
        Duration::from_secs(5),
        || descendants(sshd.pid()).is_empty(),
    );
    drop(p);
    drop(sshd);
}

/// The reader as the remote session's leader (`exec`): the hangup reaches it directly.
#[test]
fn dropping_the_connection_ends_the_remote_reader() {
    if !have_openssh() {
        return;
    }
    assert_dropping_the_connection_ends_the_reader(&format!(
        "{} && exec {} {ARTICLE}",
        remote_prelude(),
        quote(yuedu_bin())
    ));
}

/// The reader as a child of the remote shell, as in `ssh host 'yuedu file; echo done'`:
/// the hangup goes to the shell, and the reader has to notice its terminal is gone.
#[test]
fn dropping_the_connection_ends_a_reader_started_by_the_remote_shell() {
    if !have_openssh() {
        return;
    }
    assert_dropping_the_connection_ends_the_reader(&format!(
        "{} && {} {ARTICLE}; echo \"remote-exit=$?\"",
        remote_prelude(),
        quote(yuedu_bin())
    ));
}

/// Keep the helpers honest: the quoting survives a shell.
#[test]
fn quote_survives_a_shell() {
    let odd = "it's a \"test\" $HOME `x`";
    let out = run("sh", &["-c", &format!("printf %s {}", quote(odd))]);
    assert_eq!(out, odd);
}
