//! Runs the real `yuedu` binary in a pseudo-terminal and reads its screen back through a
//! terminal emulator (vt100): what a user sees.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Terminal traffic that an article must never cause: titles, clipboard writes, bells.
#[derive(Debug, Default, Clone)]
pub struct Traffic {
    pub titles: Vec<Vec<u8>>,
    pub icon_names: Vec<Vec<u8>>,
    pub clipboard: Vec<Vec<u8>>,
    pub bells: usize,
    pub unhandled_controls: Vec<u8>,
}

#[derive(Clone, Default)]
pub struct Recorder(pub Arc<Mutex<Traffic>>);

impl vt100::Callbacks for Recorder {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        lock(&self.0).bells += 1;
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        lock(&self.0).titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        lock(&self.0).icon_names.push(name.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        lock(&self.0).clipboard.push(data.to_vec());
    }
    fn unhandled_control(&mut self, _: &mut vt100::Screen, b: u8) {
        lock(&self.0).unhandled_controls.push(b);
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

type Parser = vt100::Parser<Recorder>;

/// A program running in a pseudo-terminal.
pub struct Pty {
    pub parser: Arc<Mutex<Parser>>,
    /// Every byte the program wrote.
    pub output: Arc<Mutex<Vec<u8>>>,
    pub traffic: Recorder,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    master: Box<dyn MasterPty + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    reader: Option<thread::JoinHandle<()>>,
    /// A state directory of this run's own (reading positions), unless the command set one.
    pub state_dir: tempfile::TempDir,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

pub fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap_or(std::num::NonZeroU16::MIN)
}

/// The yuedu binary under test: the one Cargo built for these tests, or `YUEDU_TEST_BIN`
/// (`.ci/run` runs some of them on the `cargo static` build).
pub fn yuedu_bin() -> &'static str {
    static BIN: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BIN.get_or_init(|| {
        std::env::var("YUEDU_TEST_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_yuedu").into())
    })
}

/// On the shipped article's first screen once it is drawn (its byline).
pub const SHIPPED_FIRST_SCREEN: &str = "陈 醉 劳超杰";

/// The path of `rel` under `tests/data/`.
pub fn data(rel: &str) -> String {
    format!("{}/tests/data/{rel}", env!("CARGO_MANIFEST_DIR"))
}

/// A command with a clean environment: a known terminal, no user settings.
pub fn command(program: &str, args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(program);
    cmd.args(args);
    cmd.env_clear();
    cmd.env("TERM", "xterm-256color");
    cmd.env("PATH", std::env::var("PATH").unwrap_or_default());
    cmd.env("HOME", std::env::temp_dir());
    cmd.env("XDG_CONFIG_HOME", "/nonexistent");
    cmd.env("LANG", "C.UTF-8");
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd
}

impl Pty {
    /// Starts `cmd` in a pseudo-terminal of `cols` × `rows` that answers a cursor
    /// position request (yuedu's ambiguous-width probe) as a terminal drawing ambiguous
    /// characters narrow does.
    pub fn spawn(cmd: CommandBuilder, cols: u16, rows: u16) -> Pty {
        Pty::spawn_answering(cmd, cols, rows, Some(2))
    }

    /// [`Pty::spawn`] answering a cursor position request (`CSI 6 n`) with the cursor in
    /// column `answer` of row 1 (`CSI 1 ; answer R`), or never with `None`.
    pub fn spawn_answering(
        mut cmd: CommandBuilder,
        cols: u16,
        rows: u16,
        answer: Option<u32>,
    ) -> Pty {
        let state_dir = tempfile::tempdir().expect("state dir");
        if cmd.get_env("XDG_STATE_HOME").is_none() {
            cmd.env("XDG_STATE_HOME", state_dir.path());
        }
        let pair = native_pty_system()
            .openpty(size(cols, rows))
            .expect("openpty");
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let traffic = Recorder::default();
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            nz(rows),
            nz(cols),
            0,
            traffic.clone(),
        )));
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("writer")));
        let (p, o, w) = (
            Arc::clone(&parser),
            Arc::clone(&output),
            Arc::clone(&writer),
        );
        let reader = thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let mut out = lock(&o);
                        let from = out.len().saturating_sub(3);
                        out.extend_from_slice(&buf[..n]);
                        let asked = out[from..].windows(4).any(|x| x == b"\x1b[6n");
                        drop(out);
                        if let (true, Some(col)) = (asked, answer) {
                            let mut w = lock(&w);
                            let _ = write!(w, "\x1b[1;{col}R");
                            let _ = w.flush();
                        }
                        lock(&p).process(&buf[..n]);
                    }
                }
            }
        });
        Pty {
            parser,
            output,
            traffic,
            writer,
            master: pair.master,
            child,
            reader: Some(reader),
            state_dir,
        }
    }

    /// Starts yuedu with `args`.
    pub fn yuedu(args: &[&str], cols: u16, rows: u16) -> Pty {
        Pty::spawn(command(yuedu_bin(), args), cols, rows)
    }

    /// [`Pty::spawn`], then waits until the screen shows `text` and has settled.
    pub fn spawn_showing(cmd: CommandBuilder, cols: u16, rows: u16, text: &str) -> Pty {
        let p = Pty::spawn(cmd, cols, rows);
        p.wait_for_text(text);
        p.settle();
        p
    }

    /// [`Pty::yuedu`], then waits until the screen shows `text` and has settled.
    pub fn yuedu_showing(args: &[&str], cols: u16, rows: u16, text: &str) -> Pty {
        Pty::spawn_showing(command(yuedu_bin(), args), cols, rows, text)
    }

    /// Types `keys`.
    pub fn send(&mut self, keys: &str) {
        let mut w = lock(&self.writer);
        w.write_all(keys.as_bytes()).expect("write keys");
        w.flush().expect("flush keys");
    }

    /// The screen's text, one line per row.
    pub fn screen(&self) -> String {
        lock(&self.parser).screen().contents()
    }

    /// The text of row `row` between columns `from` and `to`.
    pub fn row_text(&self, row: u16, from: u16, to: u16) -> String {
        let p = lock(&self.parser);
        let (_, cols) = p.screen().size();
        p.screen()
            .contents_between(row, from, row, to.min(cols.get()))
    }

    /// The text of rows `0..rows` between columns `from` and `to` (a pane), one string a
    /// row.
    pub fn rows_text(&self, rows: u16, from: u16, to: u16) -> Vec<String> {
        (0..rows).map(|r| self.row_text(r, from, to)).collect()
    }

    /// Runs `f` on the emulated screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(lock(&self.parser).screen())
    }

    /// Waits until `pred` holds for the screen; panics with the screen after `timeout`.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if self.with_screen(&pred) {
                return;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what}; screen:\n{}", self.screen());
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits until the screen contains `text`.
    pub fn wait_for_text(&self, text: &str) {
        self.wait_for(&format!("{text:?}"), |s| s.contents().contains(text));
    }

    /// Waits until row `row` holds `text` between columns `from` and `to` (the text
    /// pane's top line, a pane's entry).
    pub fn wait_for_in_row(&self, row: u16, from: u16, to: u16, text: &str) {
        self.wait_for(
            &format!("{text:?} in row {row}, columns {from}–{to}"),
            |s| s.contents_between(row, from, row, to).contains(text),
        );
    }

    /// Waits until the status bar (the last row) holds `text`.
    pub fn wait_for_status(&self, text: &str) {
        self.wait_for(&format!("{text:?} in the status bar"), |s| {
            let (rows, cols) = s.size();
            let last = rows.get() - 1;
            s.contents_between(last, 0, last, cols.get()).contains(text)
        });
    }

    /// Waits until the status bar (the last row) no longer holds `text`.
    pub fn wait_for_status_without(&self, text: &str) {
        self.wait_for(&format!("{text:?} gone from the status bar"), |s| {
            let (rows, cols) = s.size();
            let last = rows.get() - 1;
            !s.contents_between(last, 0, last, cols.get()).contains(text)
        });
    }

    /// Types `q` and asserts that the program ends with status 0 within 10 s, giving the
    /// terminal back.
    pub fn quit(&mut self) {
        self.send("q");
        assert_eq!(self.wait_exit(Duration::from_secs(10)), Some(0), "q quits");
        self.assert_screen_given_back();
    }

    /// Asserts that the terminal is given back: the normal screen, the cursor shown.
    pub fn assert_screen_given_back(&self) {
        self.with_screen(|s| {
            assert!(
                !s.alternate_screen(),
                "alternate screen left:\n{}",
                s.contents()
            );
            assert!(!s.hide_cursor(), "cursor shown");
        });
    }

    /// Waits for the output to stop changing (the program is idle).
    pub fn settle(&self) {
        let mut last = lock(&self.output).len();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            thread::sleep(Duration::from_millis(80));
            let now = lock(&self.output).len();
            if now == last || Instant::now() > deadline {
                return;
            }
            last = now;
        }
    }

    /// Resizes the terminal (the program gets SIGWINCH).
    pub fn resize(&mut self, cols: u16, rows: u16) {
        lock(&self.parser).set_size(nz(rows), nz(cols));
        self.master.resize(size(cols, rows)).expect("resize");
    }

    /// Waits for the program to exit; returns its exit code.
    pub fn wait_exit(&mut self, timeout: Duration) -> Option<u32> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                // What it wrote last (the terminal given back) may still be on its way
                // through the pty: the reader ends once it has read it all.
                let drained = Instant::now() + Duration::from_secs(2);
                while self.reader.as_ref().is_some_and(|r| !r.is_finished())
                    && Instant::now() < drained
                {
                    thread::sleep(Duration::from_millis(5));
                }
                return Some(status.exit_code());
            }
            if Instant::now() > deadline {
                return None;
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Everything the program wrote so far.
    pub fn output_bytes(&self) -> Vec<u8> {
        lock(&self.output).clone()
    }

    /// The traffic that only escape sequences cause.
    pub fn traffic(&self) -> Traffic {
        lock(&self.traffic.0).clone()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(r) = self.reader.take() {
            drop(r);
        }
    }
}
