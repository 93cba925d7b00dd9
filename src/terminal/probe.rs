//! The ambiguous width, asked of the terminal (`[text] ambiguous-width = "auto"`).
//!
//! At start-up, one East Asian *ambiguous* character (“, U+201C) is printed at the start
//! of the cursor's line and the cursor position is requested (DSR 6, `CSI 6 n`), and the
//! line cleared again in the same write (the terminal answers with the position it had
//! when it read the request); the terminal answers `CSI row ; col R`. Column 2 means it
//! drew the character one column wide, column 3 two. Only the terminal is involved, so it
//! works over ssh too. No answer within the timeout (a terminal without DSR, a slow link)
//! means narrow, the common case; nothing is asked when standard output is not a
//! terminal.
//!
//! The question and the answer are two steps ([`ask`], then [`Asked::answer`] or
//! [`Asked::answer_in_session`]), and the terminal stays in raw mode in between (an
//! answer must not be echoed, nor wait for a line's end). The reader reads the answer once
//! its first frame is on screen, laid out narrow: a terminal that answers wide has the
//! frame laid out and drawn again, so that neither the round trip (an ssh link's) nor
//! the timeout of a terminal that never answers delays the first frame. Keys the user
//! types meanwhile are read with the answer: they are kept ([`take_typed`]) and handed
//! to the event loop first.

use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::config::AmbiguousFound;
use crate::layout::AmbiguousWidth;

/// How long the terminal is given to answer.
pub const TIMEOUT: Duration = Duration::from_millis(150);

/// What the probe found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probe {
    /// The terminal answered: it draws ambiguous characters this wide.
    Answered(AmbiguousWidth),
    /// No answer in time (or one that made no sense): narrow is assumed.
    NoAnswer,
    /// Standard output is not a terminal, or the terminal could not be opened: nothing
    /// was asked.
    NotAsked,
}

impl Probe {
    /// The width to lay out with.
    pub fn width(self) -> AmbiguousWidth {
        match self {
            Probe::Answered(w) => w,
            Probe::NoAnswer | Probe::NotAsked => AmbiguousWidth::Narrow,
        }
    }

    /// How the width in effect was found (what `=` says).
    pub fn found(self) -> AmbiguousFound {
        match self {
            Probe::Answered(_) => AmbiguousFound::Answered,
            Probe::NoAnswer | Probe::NotAsked => AmbiguousFound::NoAnswer,
        }
    }

    /// What the status bar says at start-up: what was found where it is not the common
    /// case (a terminal drawing them narrow, which needs no word).
    pub fn notice(self) -> Option<String> {
        match self {
            Probe::Answered(AmbiguousWidth::Wide) => {
                Some("ambiguous width: wide (the terminal draws “ ” … in two columns)".to_string())
            }
            Probe::NoAnswer => {
                Some("ambiguous width: narrow (no answer; `=` says more)".to_string())
            }
            Probe::Answered(AmbiguousWidth::Narrow) | Probe::NotAsked => None,
        }
    }
}

/// The question asked, its answer not read yet: raw mode is on until [`Asked::answer`]
/// (or dropping it, which reads and forgets the answer) gives the terminal back as it was,
/// or until the reader's session, which took the terminal over meanwhile
/// ([`Asked::answer_in_session`]), gives it back.
#[derive(Debug)]
pub struct Asked {
    tty: File,
    /// `timeout` after the question was sent.
    deadline: Instant,
    /// How long the terminal is given to answer.
    timeout: Duration,
    /// The question could not be sent: no answer is waited for.
    failed: bool,
    answered: bool,
}

/// Asks the terminal without waiting for the answer: the test character is printed and
/// the cursor position requested, in raw mode. `None` when standard output is not a
/// terminal or the terminal cannot be opened or put in raw mode: nothing was asked (the
/// terminal is as it was).
pub fn ask(timeout: Duration) -> Option<Asked> {
    if !io::stdout().is_terminal() {
        return None;
    }
    let tty = File::options()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .ok()?;
    crossterm::terminal::enable_raw_mode().ok()?;
    let mut out = io::stdout();
    // The test character erased in the same write: the answer gives the position the
    // terminal had when it read the request, and nothing is left on the user's screen
    // whenever the answer is read.
    let failed = out
        .write_all("\r\u{201C}\x1b[6n\r\x1b[K".as_bytes())
        .and_then(|()| out.flush())
        .is_err();
    Some(Asked {
        tty,
        deadline: Instant::now() + timeout,
        timeout,
        failed,
        answered: false,
    })
}

impl Asked {
    /// Waits for the answer until the deadline ([`TIMEOUT`] after the question), then
    /// gives the terminal back: raw mode off.
    pub fn answer(mut self) -> Probe {
        let found = self.finish();
        let _ = crossterm::terminal::disable_raw_mode();
        found
    }

    /// [`Asked::answer`] once a session has taken the terminal over (raw mode is the
    /// session's then, and stays on): what the reader calls after its first frame. The
    /// terminal is given the timeout from now, at least: the frame is on screen, and only
    /// the keys typed meanwhile wait (they are kept), so a slow link or a slow start need
    /// not cost the answer.
    pub fn answer_in_session(mut self) -> Probe {
        self.deadline = self.deadline.max(Instant::now() + self.timeout);
        self.finish()
    }

    /// Reads the answer (until the deadline), keeping the keys typed meanwhile.
    fn finish(&mut self) -> Probe {
        self.answered = true;
        let (col, typed) = if self.failed {
            (None, Vec::new())
        } else {
            read_cpr(&mut self.tty, self.deadline)
        };
        TYPED
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend(keys(&typed));
        match col {
            Some(2) => Probe::Answered(AmbiguousWidth::Narrow),
            Some(3) => Probe::Answered(AmbiguousWidth::Wide),
            _ => Probe::NoAnswer,
        }
    }
}

impl Drop for Asked {
    /// Not answered (the article could not be opened): the answer is still read, so that
    /// it does not reach the shell as typed text, and the terminal given back.
    fn drop(&mut self) {
        if !self.answered {
            self.finish();
            let _ = crossterm::terminal::disable_raw_mode();
        }
    }
}

/// Keys typed while the answer was awaited, for the event loop to handle first.
static TYPED: Mutex<Vec<KeyEvent>> = Mutex::new(Vec::new());

/// The keys typed while the probe's answer was awaited (once: they are taken).
pub(crate) fn take_typed() -> Vec<KeyEvent> {
    std::mem::take(&mut *TYPED.lock().unwrap_or_else(PoisonError::into_inner))
}

/// Reads the answer until `deadline`; the column it reports, and the other bytes read
/// (keys typed meanwhile).
fn read_cpr(tty: &mut File, deadline: Instant) -> (Option<u32>, Vec<u8>) {
    let mut got = Vec::new();
    let mut buf = [0u8; 64];
    loop {
        if let Some((col, at)) = find_cpr(&got) {
            got.drain(at);
            return (Some(col), got);
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || got.len() > 1024 {
            return (None, got);
        }
        let ts = rustix::event::Timespec {
            tv_sec: i64::try_from(left.as_secs()).unwrap_or(0),
            tv_nsec: i64::from(left.subsec_nanos()),
        };
        let mut fds = [rustix::event::PollFd::new(
            &*tty,
            rustix::event::PollFlags::IN,
        )];
        match rustix::event::poll(&mut fds, Some(&ts)) {
            Ok(0) => return (None, got),
            Ok(_) => match tty.read(&mut buf) {
                Ok(0) | Err(_) => return (None, got),
                Ok(n) => got.extend_from_slice(&buf[..n]),
            },
            Err(e) if e == rustix::io::Errno::INTR => {}
            Err(_) => return (None, got),
        }
    }
}

/// The column of the first cursor position report (`ESC [ row ; col R`) in `bytes`,
/// and the bytes it takes.
fn find_cpr(bytes: &[u8]) -> Option<(u32, std::ops::Range<usize>)> {
    let mut from = 0;
    while let Some(k) = bytes[from..].windows(2).position(|w| w == b"\x1b[") {
        let start = from + k;
        let body_start = start + 2;
        let len = bytes[body_start..]
            .iter()
            .position(|b| !(b.is_ascii_digit() || *b == b';'))
            .unwrap_or(bytes.len() - body_start);
        let end = body_start + len;
        if bytes.get(end) == Some(&b'R')
            && let Ok(body) = std::str::from_utf8(&bytes[body_start..end])
            && let Some((row, col)) = body.split_once(';')
            && row.parse::<u32>().is_ok()
            && let Ok(col) = col.parse()
        {
            return Some((col, start..end + 1));
        }
        from = start + 1;
    }
    None
}

/// The column of a cursor position report (`ESC [ row ; col R`) in `bytes`.
#[cfg(test)]
pub(crate) fn parse_cpr(bytes: &[u8]) -> Option<u32> {
    find_cpr(bytes).map(|(col, _)| col)
}

/// The keys in bytes a terminal sent in raw mode: characters (UTF-8), Enter, Tab,
/// Backspace, Ctrl with a letter, Esc, the arrows, Home, End, Page Up and Down (the
/// VT100/xterm forms `ESC [ A`, `ESC O A`, `ESC [ 5 ~`); any other escape sequence is
/// passed over whole (ECMA-48: parameters, then one final byte from `@` to `~`).
fn keys(bytes: &[u8]) -> Vec<KeyEvent> {
    let key = |code| KeyEvent::new(code, KeyModifiers::NONE);
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            0x1b => {
                let intro = bytes.get(i + 1).copied();
                if !matches!(intro, Some(b'[' | b'O')) {
                    out.push(key(KeyCode::Esc));
                    i += 1;
                    continue;
                }
                let body = i + 2;
                let fin = bytes[body..]
                    .iter()
                    .position(|b| (0x40..=0x7e).contains(b))
                    .map_or(bytes.len(), |k| body + k);
                let params = &bytes[body..fin.min(bytes.len())];
                let code = match (bytes.get(fin), params) {
                    (Some(b'A'), _) => Some(KeyCode::Up),
                    (Some(b'B'), _) => Some(KeyCode::Down),
                    (Some(b'C'), _) => Some(KeyCode::Right),
                    (Some(b'D'), _) => Some(KeyCode::Left),
                    (Some(b'H'), _) => Some(KeyCode::Home),
                    (Some(b'F'), _) => Some(KeyCode::End),
                    (Some(b'~'), b"5") => Some(KeyCode::PageUp),
                    (Some(b'~'), b"6") => Some(KeyCode::PageDown),
                    (Some(b'~'), b"1" | b"7") => Some(KeyCode::Home),
                    (Some(b'~'), b"4" | b"8") => Some(KeyCode::End),
                    _ => None,
                };
                out.extend(code.map(key));
                i = fin + 1;
            }
            b'\r' | b'\n' => {
                out.push(key(KeyCode::Enter));
                i += 1;
            }
            b'\t' => {
                out.push(key(KeyCode::Tab));
                i += 1;
            }
            0x7f | 0x08 => {
                out.push(key(KeyCode::Backspace));
                i += 1;
            }
            0x01..=0x1a => {
                out.push(KeyEvent::new(
                    KeyCode::Char(char::from(b - 1 + b'a')),
                    KeyModifiers::CONTROL,
                ));
                i += 1;
            }
            _ => {
                // One UTF-8 character (its length from its first byte), else a byte
                // that starts none, passed over.
                let len = match b {
                    0x20..=0x7e => 1,
                    0xc2..=0xdf => 2,
                    0xe0..=0xef => 3,
                    0xf0..=0xf4 => 4,
                    _ => 0,
                };
                let c = bytes
                    .get(i..i + len)
                    .and_then(|s| std::str::from_utf8(s).ok())
                    .and_then(|s| s.chars().next());
                out.extend(c.map(|c| key(KeyCode::Char(c))));
                i += len.max(1);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_typed_around_the_answer_are_kept() {
        let typed = b"G\x1b[1;2Rj\x1b[B\x03\x1b[5~\xe4\xbd\x99\r\x1b\x1b[?1u:";
        let (col, at) = find_cpr(typed).expect("a report");
        assert_eq!(col, 2);
        let mut rest = typed.to_vec();
        rest.drain(at);
        let codes: Vec<(KeyCode, KeyModifiers)> =
            keys(&rest).iter().map(|k| (k.code, k.modifiers)).collect();
        let plain = KeyModifiers::NONE;
        assert_eq!(
            codes,
            [
                (KeyCode::Char('G'), plain),
                (KeyCode::Char('j'), plain),
                (KeyCode::Down, plain),
                (KeyCode::Char('c'), KeyModifiers::CONTROL),
                (KeyCode::PageUp, plain),
                (KeyCode::Char('余'), plain),
                (KeyCode::Enter, plain),
                (KeyCode::Esc, plain),
                (KeyCode::Char(':'), plain),
            ]
        );
    }

    #[test]
    fn reports_are_parsed() {
        assert_eq!(parse_cpr(b"\x1b[12;3R"), Some(3));
        assert_eq!(parse_cpr(b"x\x1b[1;2R"), Some(2));
        assert_eq!(parse_cpr(b"\x1b[1;2"), None);
        assert_eq!(parse_cpr(b"\x1b[;R"), None);
        assert_eq!(parse_cpr(b"\x1b[5R"), None);
    }
}
