//! `v`: the article opened in `$VISUAL` (else `$EDITOR`, else `vi`) at the source line
//! being read, the terminal given to the editor meanwhile, the article read again after.
//!
//! The thread reading keys must not read while the editor runs (it would take the
//! editor's keys): it waits at a gate between reads, and the editor starts only once
//! the thread says it is waiting there.

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicU8, Ordering};
use std::thread;
use std::time::{Duration, Instant};

/// The gate's states: keys are read; a pause is asked for; the thread waits.
const OPEN: u8 = 0;
const PAUSE: u8 = 1;
const WAITING: u8 = 2;

static GATE: AtomicU8 = AtomicU8::new(OPEN);

/// How long the key thread waits for a key before it looks at the gate again.
pub(crate) const POLL: Duration = Duration::from_millis(100);

/// Called by the key thread before each wait for a key: holds it while a pause is asked.
pub(crate) fn wait_at_gate() {
    while GATE.load(Ordering::SeqCst) != OPEN {
        GATE.store(WAITING, Ordering::SeqCst);
        thread::sleep(Duration::from_millis(10));
    }
}

/// Asks the key thread to stop reading; returns once it waits (or after a second, when
/// no thread reads keys).
fn pause_input() {
    GATE.store(PAUSE, Ordering::SeqCst);
    let deadline = Instant::now() + POLL * 10;
    while GATE.load(Ordering::SeqCst) != WAITING && Instant::now() < deadline {
        thread::sleep(Duration::from_millis(5));
    }
}

fn resume_input() {
    GATE.store(OPEN, Ordering::SeqCst);
}

/// The editor's command: `$VISUAL`, else `$EDITOR`, else `vi`, split at spaces
/// ("code --wait" works).
pub(crate) fn editor_command() -> Vec<String> {
    let chosen = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|e| !e.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string());
    chosen.split_whitespace().map(str::to_string).collect()
}

/// Why the editor did not run to a good end.
#[derive(Debug, thiserror::Error)]
pub(crate) enum EditError {
    #[error("no editor: set VISUAL or EDITOR")]
    NoEditor,
    #[error("{program}: {source}")]
    Start {
        program: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{program} ended with {status}")]
    Failed {
        program: String,
        status: std::process::ExitStatus,
    },
    #[error("taking the terminal back: {0}")]
    Terminal(#[source] std::io::Error),
}

/// Runs the editor on `path` at `line` (`+LINE PATH`, which vi, vim, nano, emacs, micro
/// and most others take), between `leave` (give the terminal back) and `enter` (take
/// it again), with the key thread paused.
///
/// Errors: [`EditError`]: no editor set, it could not be started, it ended with a
/// failure, or the terminal could not be taken back.
pub(crate) fn edit(
    path: &Path,
    line: usize,
    leave: impl FnOnce(),
    enter: impl FnOnce() -> std::io::Result<()>,
) -> Result<(), EditError> {
    let command = editor_command();
    let Some((program, args)) = command.split_first() else {
        return Err(EditError::NoEditor);
    };
    pause_input();
    leave();
    let status = Command::new(program)
        .args(args)
        .arg(format!("+{line}"))
        .arg(path)
        .status();
    let entered = enter();
    resume_input();
    entered.map_err(EditError::Terminal)?;
    let program = program.clone();
    match status {
        Ok(s) if s.success() => Ok(()),
        Ok(status) => Err(EditError::Failed { program, status }),
        Err(source) => Err(EditError::Start { program, source }),
    }
}
