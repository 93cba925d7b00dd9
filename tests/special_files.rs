//! Inputs that are not regular files: character devices, FIFOs, /proc files and
//! standard input. Each is read with a limit and refused as binary from its first
//! block, so none can hang yuedu or grow its memory without end.
#![cfg(unix)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use assert_cmd::Command;

/// Far more than any of these takes; a hang is caught instead of waited for.
const LIMIT: Duration = Duration::from_secs(60);

fn yuedu() -> Command {
    let mut cmd = Command::cargo_bin("yuedu").expect("binary");
    cmd.timeout(LIMIT).env("NO_COLOR", "1");
    cmd
}

fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn dev_zero_is_refused_by_every_command() {
    for args in [
        &["dump", "/dev/zero"][..],
        &["outline", "/dev/zero"],
        &["outline", "--json", "/dev/zero"],
        &["check", "/dev/zero"],
        &["/dev/zero"],
        &["dump", "/dev/urandom"],
    ] {
        let out = yuedu().args(args).output().expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr_of(&out));
        let err = stderr_of(&out);
        assert!(err.contains("not a text file"), "{args:?}: {err}");
        assert!(err.contains("/dev/"), "names the file: {err}");
        assert!(out.stdout.is_empty(), "{args:?} printed something");
    }
}

#[test]
fn standard_input_from_dev_zero_is_refused() {
    let zero = std::fs::File::open("/dev/zero").expect("/dev/zero");
    // `timeout` stands for assert_cmd's, which cannot take a file as standard input.
    let out = std::process::Command::new("timeout")
        .args([
            &LIMIT.as_secs().to_string(),
            env!("CARGO_BIN_EXE_yuedu"),
            "dump",
            "-",
        ])
        .stdin(Stdio::from(zero))
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr_of(&out).contains("(standard input): not a text file"));
}

/// A FIFO in a fresh folder, and a writer thread that fills it with `chunk` again and
/// again and never closes it: it stops only when its reader has gone (a broken pipe).
struct Fifo {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Fifo {
    fn endless(chunk: &[u8]) -> Fifo {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("endless.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .expect("mkfifo");
        assert!(made.success());
        let block: Vec<u8> = chunk.iter().copied().cycle().take(1 << 16).collect();
        let writer_path = path.clone();
        std::thread::spawn(move || {
            // Opening waits for the reader, as writing to a FIFO does.
            let Ok(mut fifo) = std::fs::OpenOptions::new().write(true).open(writer_path) else {
                return;
            };
            while fifo.write_all(&block).is_ok() {}
        });
        Fifo { _dir: dir, path }
    }
    fn path(&self) -> &Path {
        &self.path
    }
}

#[test]
fn a_fifo_of_binary_that_never_closes_is_refused_from_its_first_block() {
    let fifo = Fifo::endless(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0");
    let out = yuedu().arg("dump").arg(fifo.path()).output().expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr_of(&out).contains("not a text file"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn a_fifo_of_text_that_never_closes_stops_at_the_stream_limit() {
    let fifo = Fifo::endless("一二三四五六七八九十\n".as_bytes());
    let out = yuedu()
        .arg("outline")
        .arg(fifo.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    assert!(err.contains("too large (more than 256.0 MB)"), "{err}");
    assert!(err.contains("endless.txt"), "names the file: {err}");
}

#[test]
fn a_proc_file_is_read_as_a_stream() {
    // Its size is 0, its text is not: read to its end like a pipe.
    let out = yuedu()
        .args(["dump", "--width", "200", "/proc/self/status"])
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr_of(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Name:"), "{text}");
}

#[test]
fn a_library_skips_what_is_not_a_regular_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("zero.txt")).expect("symlink");
    let mut f = std::fs::File::create(dir.path().join("a.txt")).expect("create");
    writeln!(f, "标题\n\n正文。").expect("write");
    let out = yuedu().arg(dir.path()).output().expect("run");
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("正文"));
}
