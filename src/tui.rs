//! The terminal: taking it over, the event loop, and giving it back on every way out —
//! quit, error, panic, SIGTERM, SIGHUP (an SSH session dropping), SIGINT, SIGQUIT, and
//! Ctrl-Z (given back while stopped, taken again with a full redraw on `fg`).

use std::io::{self, Stdout, Write};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

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
use crate::ui::{self, Theme};

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

/// Runs the reader until the user quits.
pub fn run(app: &mut App, theme: &Theme) -> io::Result<()> {
    install_panic_hook();
    // Held while a frame is written, so that a signal never cuts one in half.
    let screen = Arc::new(Mutex::new(()));
    install_signal_handlers(Arc::clone(&screen))?;
    let result = enter(app.config.input.mouse)
        .and_then(|()| Terminal::new(CrosstermBackend::new(io::stdout())))
        .and_then(|mut terminal| event_loop(&mut terminal, app, theme, &screen));
    restore();
    result
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

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    theme: &Theme,
    screen: &Mutex<()>,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    while app.running {
        {
            let _frame = screen.lock().unwrap_or_else(PoisonError::into_inner);
            terminal.draw(|frame| ui::draw(frame, app, theme))?;
        }
        // Wait for one event, then take every event already queued before drawing again,
        // so a held key over a slow link does not queue up frames.
        let mut ev = Some(event::read()?);
        while let Some(e) = ev.take() {
            if is_suspend_key(&e) {
                suspend(terminal, app.config.input.mouse)?;
                let size = terminal.size()?;
                app.resize(size.width, size.height);
            } else {
                handle(app, e);
            }
            if app.running && event::poll(std::time::Duration::ZERO)? {
                ev = Some(event::read()?);
            }
        }
    }
    Ok(())
}
