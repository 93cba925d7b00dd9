//! The terminal: taking it over, the event loop, and giving it back on every way out.

use std::io::{self, Stdout, Write};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, MouseEventKind};
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::action::Action;
use crate::app::App;
use crate::ui::{self, Theme};

/// Gives the terminal back: leaves the alternate screen, shows the cursor, turns raw mode
/// and mouse capture off. Safe to call more than once.
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

fn setup(mouse: bool) -> io::Result<Terminal<CrosstermBackend<Stdout>>> {
    terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Terminal::new(CrosstermBackend::new(out))
}

/// Runs the reader until the user quits.
pub fn run(app: &mut App, theme: &Theme) -> io::Result<()> {
    install_panic_hook();
    let result = setup(app.config.input.mouse)
        .and_then(|mut terminal| event_loop(&mut terminal, app, theme));
    restore();
    result
}

fn handle(app: &mut App, ev: Event) {
    match ev {
        Event::Key(key) => app.handle_key(key),
        Event::Resize(cols, rows) => app.resize(cols, rows),
        Event::Mouse(m) if app.config.input.mouse => match m.kind {
            MouseEventKind::ScrollDown => app.update(Action::ScrollDown),
            MouseEventKind::ScrollUp => app.update(Action::ScrollUp),
            _ => {}
        },
        _ => {}
    }
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    app: &mut App,
    theme: &Theme,
) -> io::Result<()> {
    let size = terminal.size()?;
    app.resize(size.width, size.height);
    while app.running {
        terminal.draw(|frame| ui::draw(frame, app, theme))?;
        // Wait for one event, then take every event already queued before drawing again,
        // so a held key over a slow link does not queue up frames.
        handle(app, event::read()?);
        while app.running && event::poll(std::time::Duration::ZERO)? {
            handle(app, event::read()?);
        }
    }
    Ok(())
}
