//! The terminal: taking it over, the event loop, and giving it back on every way out —
//! quit, error, panic, SIGTERM, SIGHUP (an SSH session dropping), SIGINT, SIGQUIT, and
//! Ctrl-Z (given back while stopped, taken again with a full redraw on `fg`).

use std::io::{self, Stdout, Write};
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyCode, KeyEventKind, KeyModifiers,
    MouseEventKind,
};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGSTOP, SIGTERM};
use signal_hook::iterator::Signals;

use crate::action::Action;
use crate::app::App;
use crate::article::Article;
use crate::ui::{self, Theme};
use crate::watch::{self, WatchMode};

/// What the event loop waits for.
enum Msg {
    Term(Event),
    /// Reading the terminal failed: it went away.
    TermGone(io::Error),
    /// The article's file may have changed.
    FileChanged,
}

/// What the reader needs to read its article again.
pub struct Reload {
    /// The file to watch.
    pub path: PathBuf,
    pub mode: WatchMode,
    /// Reads and parses the file.
    pub read: Box<dyn Fn() -> Result<Article, String>>,
}

/// Environment variable that makes the reader panic at the first key, so that tests can
/// check the terminal comes back from a panic. Not for users.
const PANIC_FOR_TESTS: &str = "YUEDU_TEST_PANIC";

/// Gives the terminal back: leaves the alternate screen, shows the cursor, turns raw mode
/// and mouse capture off. Safe to call more than once, and when the terminal is gone.
pub fn restore() {
    let mut out = io::stdout();
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
    let _ = terminal::disable_raw_mode();
    let _ = out.flush();
}

/// Restores the terminal before a panic message is printed, then lets the previous hook
/// print it (with its backtrace) on a usable screen.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// On SIGTERM, SIGHUP, SIGINT or SIGQUIT: wait for any frame being written, give the
/// terminal back and exit with 128 + the signal's number, as a shell reports it.
fn install_signal_handlers(screen: Arc<Mutex<()>>) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _frame = screen.lock().unwrap_or_else(PoisonError::into_inner);
            restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

fn enter(mouse: bool) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// Reads terminal events on a thread of its own, so that the event loop can wait on
/// one channel for keys and file changes alike.
fn spawn_input(tx: Sender<Msg>) {
    thread::spawn(move || {
        loop {
            let msg = match event::read() {
                Ok(ev) => Msg::Term(ev),
                Err(e) => Msg::TermGone(e),
            };
            let gone = matches!(msg, Msg::TermGone(_));
            if tx.send(msg).is_err() || gone {
                return;
            }
        }
    });
}

/// Runs the reader until the user quits.
pub fn run(app: &mut App, theme: &Theme, reload: Option<Reload>) -> io::Result<()> {
    install_panic_hook();
    // Held while a frame is written, so that a signal never cuts one in half.
    let screen = Arc::new(Mutex::new(()));
    install_signal_handlers(Arc::clone(&screen))?;
    let (tx, rx) = mpsc::channel();
    let _watch = reload.as_ref().and_then(|r| {
        let tx = tx.clone();
        let notify = move || {
            let _ = tx.send(Msg::FileChanged);
        };
        match watch::watch(&r.path, r.mode, notify) {
            Ok(w) => w,
            Err(e) => {
                app.message = Some(e);
                None
            }
        }
    });
    let result = enter(app.config.input.mouse)
        .and_then(|()| Terminal::new(CrosstermBackend::new(io::stdout())))
        .and_then(|mut terminal| {
            spawn_input(tx);
            event_loop(&mut terminal, app, theme, &screen, &rx, reload.as_ref())
        });
    restore();
    result
}

/// Reads the article again and puts it in place, saying so in the status bar.
fn reload_now(app: &mut App, reload: Option<&Reload>, by_hand: bool) {
    let Some(reload) = reload else {
        if by_hand {
            app.message =
                Some("nothing to reload: the article was not read from a file".to_string());
        }
        return;
    };
    match (reload.read)() {
        Ok(article) => {
            app.replace_article(article);
            app.message = Some(if by_hand {
                "reloaded".to_string()
            } else {
                "the file changed on disk: reloaded".to_string()
            });
        }
        Err(e) => app.message = Some(format!("reload failed, showing the old text: {e}")),
    }
}

/// Stops the process with the terminal given back; on `fg` takes it again.
fn suspend(terminal: &mut Terminal<CrosstermBackend<Stdout>>, mouse: bool) -> io::Result<()> {
    restore();
    // SIGSTOP, not SIGTSTP: the kernel drops SIGTSTP for orphaned process groups (a
    // reader started directly by ssh or a terminal emulator), and then Ctrl-Z would do
    // nothing.
    signal_hook::low_level::raise(SIGSTOP)?;
    enter(mouse)?;
    execute!(io::stdout(), terminal::Clear(terminal::ClearType::All))?;
    // Forget what the screen showed, so the next frame is drawn whole. (Not
    // `Terminal::clear`: it asks the terminal for the cursor position, a round trip that
    // a slow link pays for and some terminals never answer.)
    terminal.swap_buffers();
    terminal.swap_buffers();
    Ok(())
}

fn handle(app: &mut App, ev: Event) {
    match ev {
        Event::Key(key) => {
            if std::env::var_os(PANIC_FOR_TESTS).is_some() {
                panic!("{PANIC_FOR_TESTS} is set: panicking at the first key, as asked");
            }
            app.handle_key(key);
        }
        Event::Resize(cols, rows) => app.resize(cols, rows),
        Event::Mouse(m) if app.config.input.mouse => match m.kind {
            MouseEventKind::ScrollDown => app.update(Action::ScrollDown),
            MouseEventKind::ScrollUp => app.update(Action::ScrollUp),
            _ => {}
        },
        _ => {}
    }
}

fn is_suspend_key(ev: &Event) -> bool {
    matches!(ev, Event::Key(k) if k.kind != KeyEventKind::Release
        && k.code == KeyCode::Char('z')
        && k.modifiers.contains(KeyModifiers::CONTROL))
}

/// Editors save in several steps; wait this long after a change for the file to settle.
const SETTLE: Duration = Duration::from_millis(60);

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    theme: &Theme,
    screen: &Mutex<()>,
    rx: &Receiver<Msg>,
    reload: Option<&Reload>,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    while app.running {
        {
            let _frame = screen.lock().unwrap_or_else(PoisonError::into_inner);
            terminal.draw(|frame| ui::draw(frame, app, theme))?;
        }
        // Wait for one message, then take every message already queued before drawing
        // again, so a held key over a slow link does not queue up frames.
        let mut next = rx.recv().ok();
        let mut file_changed = false;
        let mut settled = false;
        while let Some(msg) = next.take() {
            match msg {
                Msg::Term(e) if is_suspend_key(&e) => {
                    suspend(terminal, app.config.input.mouse)?;
                    let size = terminal.size()?;
                    app.resize(size.width, size.height);
                }
                Msg::Term(e) => handle(app, e),
                Msg::TermGone(e) => return Err(e),
                Msg::FileChanged => file_changed = true,
            }
            if app.running {
                next = rx.try_recv().ok();
                if next.is_none() && file_changed && !settled {
                    // Let the rest of the save arrive, then read once.
                    thread::sleep(SETTLE);
                    settled = true;
                    next = rx.try_recv().ok();
                }
            }
        }
        if file_changed && app.running {
            reload_now(app, reload, false);
        }
        if app.reload_requested {
            app.reload_requested = false;
            reload_now(app, reload, true);
        }
    }
    Ok(())
}
