//! The ambiguous width, asked of the terminal (`[text] ambiguous-width = "auto"`).
//!
//! At start-up, before the first frame, one East Asian *ambiguous* character (“,
//! U+201C) is printed at the start of the cursor's line and the cursor position is
//! requested (DSR 6, `CSI 6 n`); the terminal answers `CSI row ; col R`. Column 2 means
//! it drew the character one column wide, column 3 two. The line is cleared again. Only
//! the terminal is involved, so it works over ssh too. No answer within the timeout
//! (a terminal without DSR, a slow link) means narrow, the common case; nothing is asked
//! when standard output is not a terminal.
//!
//! The question and the answer are two steps ([`ask`], [`Asked::answer`]), so that the
//! article is read and parsed during the round trip; the answer is read before anything
//! is laid out, and the terminal stays in raw mode in between (an answer must not be
//! echoed, nor wait for a line's end).

use std::fs::File;
use std::io::{self, IsTerminal, Read, Write};
use std::time::{Duration, Instant};

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
/// (or dropping it, which reads and forgets the answer) gives the terminal back as it was.
#[derive(Debug)]
pub struct Asked {
    tty: File,
    /// `timeout` after the question was sent.
    deadline: Instant,
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
    let failed = out
        .write_all("\r\u{201C}\x1b[6n".as_bytes())
        .and_then(|()| out.flush())
        .is_err();
    Some(Asked {
        tty,
        deadline: Instant::now() + timeout,
        failed,
        answered: false,
    })
}

impl Asked {
    /// Waits for the answer until the deadline ([`TIMEOUT`] after the question), then
    /// gives the terminal back: the test character erased, raw mode off.
    pub fn answer(mut self) -> Probe {
        self.finish()
    }

    fn finish(&mut self) -> Probe {
        self.answered = true;
        let col = if self.failed {
            None
        } else {
            read_cpr(&mut self.tty, self.deadline)
        };
        // Back to the line's start, the test character erased.
        let mut out = io::stdout();
        let _ = out.write_all(b"\r\x1b[K");
        let _ = out.flush();
        let _ = crossterm::terminal::disable_raw_mode();
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
        }
    }
}

/// Reads the answer until `deadline`; the column it reports.
fn read_cpr(tty: &mut File, deadline: Instant) -> Option<u32> {
    let mut got = Vec::new();
    let mut buf = [0u8; 64];
    loop {
        if let Some(col) = parse_cpr(&got) {
            return Some(col);
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || got.len() > 1024 {
            return None;
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
            Ok(0) => return None,
            Ok(_) => match tty.read(&mut buf) {
                Ok(0) | Err(_) => return None,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            },
            Err(e) if e == rustix::io::Errno::INTR => {}
            Err(_) => return None,
        }
    }
}

/// The column of the last cursor position report (`ESC [ row ; col R`) in `bytes`.
pub(crate) fn parse_cpr(bytes: &[u8]) -> Option<u32> {
    let end = bytes.iter().rposition(|&b| b == b'R')?;
    let start = bytes[..end].windows(2).rposition(|w| w == b"\x1b[")?;
    let body = std::str::from_utf8(&bytes[start + 2..end]).ok()?;
    let (row, col) = body.split_once(';')?;
    row.parse::<u32>().ok()?;
    col.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_are_parsed() {
        assert_eq!(parse_cpr(b"\x1b[12;3R"), Some(3));
        assert_eq!(parse_cpr(b"x\x1b[1;2R"), Some(2));
        assert_eq!(parse_cpr(b"\x1b[1;2"), None);
        assert_eq!(parse_cpr(b"\x1b[;R"), None);
        assert_eq!(parse_cpr(b"\x1b[5R"), None);
    }
}
