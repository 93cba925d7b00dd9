//! The terminal: taking it over, the event loop, and giving it back on every way out —
//! quit, error, panic, SIGTERM, SIGHUP (an SSH session dropping), SIGINT, SIGQUIT, and
//! Ctrl-Z (given back while stopped, taken again with a full redraw on `fg`).

pub(crate) mod editor;
pub mod probe;
pub mod wire;

use std::fs::File;
use std::io::{self, IsTerminal, Write};
use std::os::fd::AsFd;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
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
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGSTOP, SIGTERM};
use signal_hook::iterator::Signals;

use crate::config::OutputConfig;
use crate::layout::AmbiguousWidth;
use crate::session::error::OpenError;
use crate::session::reader::Opened;
use crate::session::watch;
use crate::ui::{self, Theme};
use crate::view::action::Action;
use crate::view::app::App;
use crate::view::app::{LoadFailure, Loaded};
use crate::view::library::{Library, Outcome};
use wire::{ScrollMethod, View, Wire};

/// What the event loop waits for.
enum Msg {
    Term(Event),
    /// Reading the terminal failed: it went away.
    TermGone(io::Error),
    /// The article's file may have changed (the number tells which watch saw it).
    FileChanged(u64),
    /// The whole of a large article, read in the background (the number tells for which
    /// reading of an article it is).
    Loaded(u64, Box<Result<Loaded, LoadFailure>>),
}

pub(crate) use crate::session::reader::Reload;

/// Environment variable that makes the reader panic at the first key, so that tests can
/// check the terminal comes back from a panic. Not for users.
const PANIC_FOR_TESTS: &str = "YUEDU_TEST_PANIC";

/// Whether the terminal is taken over now. Shared by the event loop, the panic hook and
/// the signal thread, which may each be the one to give it back; the terminal is one
/// per process, so this is one per process too.
static TAKEN: AtomicBool = AtomicBool::new(false);

/// Turns left/right margin mode (DECLRMM) off, which `ui::wire` turns on to scroll the
/// text pane alone. Sent on every way out whether or not the mode was turned on: restore
/// runs from the panic hook and the signal thread too, which cannot ask the event loop's
/// backend, and terminals ignore a private mode they do not know (DECRST of one is a
/// no-op in xterm, VTE, the Linux console, tmux, screen…). With the mode left on, a
/// shell's `CSI s` (save cursor) would set margins instead.
const MARGIN_MODE_OFF: &[u8] = b"\x1b[?69l";

/// Gives the terminal back: turns left/right margin mode off, leaves the alternate
/// screen, shows the cursor, turns raw mode and mouse capture off. Does nothing when the
/// terminal is not taken: leaving the alternate screen twice would move the cursor back
/// over what was printed since.
pub(crate) fn restore() {
    if !TAKEN.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    let _ = out.write_all(MARGIN_MODE_OFF);
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
    TAKEN.store(true, Ordering::SeqCst);
    terminal::enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(())
}

/// How many times the event loop has come back for events: the input thread tells from
/// it whether the loop is still busy with one piece of work.
static WAITS: AtomicUsize = AtomicUsize::new(0);

/// How long Ctrl-C waits for the event loop before quitting without it.
const BUSY_QUIT: Duration = Duration::from_secs(1);

/// Ctrl-C typed: if the event loop has not come back for events within [`BUSY_QUIT`]
/// (one piece of work holds it, such as converting a huge paragraph), the terminal is
/// given back and the process exits as SIGINT would have it (130), without waiting.
fn quit_if_busy(screen: Arc<Mutex<()>>) {
    let waits = WAITS.load(Ordering::SeqCst);
    thread::spawn(move || {
        thread::sleep(BUSY_QUIT);
        if WAITS.load(Ordering::SeqCst) == waits {
            let _frame = screen.lock().unwrap_or_else(PoisonError::into_inner);
            restore();
            std::process::exit(130);
        }
    });
}

/// Reads terminal events on a thread of its own, so that the event loop can wait on
/// one channel for keys and file changes alike; Ctrl-C quits even when the loop is busy
/// ([`quit_if_busy`]).
fn spawn_input(tx: Sender<Msg>, screen: Arc<Mutex<()>>) {
    thread::spawn(move || {
        loop {
            // Held here while an editor has the terminal (see `editor`).
            editor::wait_at_gate();
            match event::poll(editor::POLL) {
                Ok(false) => continue,
                Ok(true) => {}
                Err(e) => {
                    let _ = tx.send(Msg::TermGone(e));
                    return;
                }
            }
            let msg = match event::read() {
                Ok(ev) => Msg::Term(ev),
                Err(e) => Msg::TermGone(e),
            };
            if let Msg::Term(Event::Key(k)) = &msg
                && k.code == KeyCode::Char('c')
                && k.modifiers.contains(KeyModifiers::CONTROL)
            {
                quit_if_busy(Arc::clone(&screen));
            }
            let gone = matches!(msg, Msg::TermGone(_));
            if tx.send(msg).is_err() || gone {
                return;
            }
        }
    });
}

/// Opens the article at a path for a screen of a size (the library's Enter).
pub(crate) type OpenArticle<'a> =
    dyn Fn(&std::path::Path, (u16, u16)) -> Result<Opened, OpenError> + 'a;

/// How often the watchdog looks whether the terminal is still there.
const TERMINAL_CHECK: Duration = Duration::from_millis(250);

/// Watches that the terminal is still there. When it hangs up (the SSH connection or
/// the terminal window is gone) and no SIGHUP reaches us — a shell above us ignored it —
/// reading it returns nothing forever and crossterm would wait on it spinning; this
/// notices instead: a hung-up terminal is no longer a terminal to `isatty`.
fn spawn_watchdog(tx: Sender<Msg>) {
    thread::spawn(move || {
        loop {
            thread::sleep(TERMINAL_CHECK);
            if !io::stdout().is_terminal() {
                let gone = io::Error::new(io::ErrorKind::BrokenPipe, "the terminal went away");
                let _ = tx.send(Msg::TermGone(gone));
                return;
            }
        }
    });
}

/// The terminal, taken over: raw mode, alternate screen, events on a channel.
pub struct Session {
    /// Frames go to the terminal through a file of their own (a duplicate of standard
    /// output), not through `Stdout`, whose line buffering would cut every frame into
    /// two writes at its last line feed.
    terminal: Terminal<Wire<File>>,
    /// Held while a frame is written, so that a signal never cuts one in half.
    screen: Arc<Mutex<()>>,
    tx: Sender<Msg>,
    rx: Receiver<Msg>,
    mouse: bool,
    /// Counts the files watched, so that a change of a file no longer open is ignored.
    watch_generation: u64,
    /// Whether the threads reading keys and watching the terminal run: started when
    /// events are first waited for, after the first frame (keys typed before wait in the
    /// terminal's input queue).
    listening: bool,
    /// [`PANIC_FOR_TESTS`] was set when the session started.
    panic_at_first_key: bool,
    /// The width probe's question, its answer to be read once the first frame is drawn.
    probe: Option<probe::Asked>,
}

impl Session {
    /// Takes the terminal over. Everything that can fail before that must have been done.
    /// `output` says whether the terminal's scroll regions and margins may be used.
    pub fn start(mouse: bool, output: &OutputConfig) -> io::Result<Session> {
        install_panic_hook();
        let screen = Arc::new(Mutex::new(()));
        install_signal_handlers(Arc::clone(&screen))?;
        let (tx, rx) = mpsc::channel();
        enter(mouse)?;
        let term = std::env::var("TERM").ok();
        let method = ScrollMethod::for_terminal(output.scroll_regions, term.as_deref());
        let margins = wire::margins_for(output.scroll_margins, method, |name| {
            std::env::var(name).ok()
        });
        let out = match io::stdout().as_fd().try_clone_to_owned() {
            Ok(fd) => File::from(fd),
            Err(e) => {
                restore();
                return Err(e);
            }
        };
        let backend = Wire::new(out, method).with_margins(margins);
        let terminal = match Terminal::new(backend) {
            Ok(t) => t,
            Err(e) => {
                restore();
                return Err(e);
            }
        };
        Ok(Session {
            terminal,
            screen,
            tx,
            rx,
            mouse,
            watch_generation: 0,
            listening: false,
            panic_at_first_key: std::env::var_os(PANIC_FOR_TESTS).is_some(),
            probe: None,
        })
    }

    /// The terminal's size.
    pub(crate) fn size(&self) -> (u16, u16) {
        self.terminal
            .size()
            .map_or((80, 24), |s| (s.width, s.height))
    }

    /// Draws a frame; `view` is its text pane, if it has one (see [`wire::draw`]).
    fn draw(&mut self, view: Option<View>, f: impl FnOnce(&mut ratatui::Frame)) -> io::Result<()> {
        let _frame = self.screen.lock().unwrap_or_else(PoisonError::into_inner);
        wire::draw(&mut self.terminal, view, f)
    }

    /// Stops the process with the terminal given back (margin mode off too: the shell
    /// gets the terminal meanwhile); on `fg` takes it again.
    fn suspend(&mut self) -> io::Result<()> {
        restore();
        // SIGSTOP, not SIGTSTP: the kernel drops SIGTSTP for orphaned process groups (a
        // reader started directly by ssh or a terminal emulator), and then Ctrl-Z would
        // do nothing.
        signal_hook::low_level::raise(SIGSTOP)?;
        enter(self.mouse)?;
        execute!(io::stdout(), terminal::Clear(terminal::ClearType::All))?;
        // Forget what the screen showed, so the next frame is drawn whole. (Not
        // `Terminal::clear`: it asks the terminal for the cursor position, a round trip
        // that a slow link pays for and some terminals never answer.)
        wire::forget(&mut self.terminal);
        Ok(())
    }

    /// `v`: the article in the user's editor at `line`, then read again (the watch
    /// would see the change too; reading it at once keeps the place without waiting).
    fn edit_article(&mut self, app: &mut App, reload: Option<&Reload>, line: usize) {
        let Some(reload) = reload else {
            app.message = Some(
                "no file to edit: the article was read from standard input or is built in"
                    .to_string(),
            );
            return;
        };
        let mouse = self.mouse;
        let result = editor::edit(&reload.path, line, restore, || {
            enter(mouse)?;
            execute!(io::stdout(), terminal::Clear(terminal::ClearType::All))
        });
        wire::forget(&mut self.terminal);
        match result {
            Ok(()) => app.reload_requested = true,
            Err(e) => app.message = Some(e.to_string()),
        }
    }

    /// Waits for the next batch of messages: one, then all already queued, so that a
    /// held key over a slow link does not queue up frames. A file change waits a moment
    /// for the rest of the save. Ctrl-Z is handled here.
    /// With `wait`, waits at most that long (zero: work is waiting to be done between
    /// keys), returning an empty batch when nothing came.
    fn next_batch(&mut self, wait: Option<Duration>) -> io::Result<Vec<Msg>> {
        if !std::mem::replace(&mut self.listening, true) {
            // Keys typed while the width probe's answer was awaited come first.
            for key in probe::take_typed() {
                let _ = self.tx.send(Msg::Term(Event::Key(key)));
            }
            spawn_input(self.tx.clone(), Arc::clone(&self.screen));
            spawn_watchdog(self.tx.clone());
        }
        WAITS.fetch_add(1, Ordering::SeqCst);
        let mut batch = Vec::new();
        let mut next = match wait {
            Some(Duration::ZERO) => self.rx.try_recv().ok(),
            Some(d) => self.rx.recv_timeout(d).ok(),
            None => self.rx.recv().ok(),
        };
        let mut settled = false;
        while let Some(msg) = next.take() {
            match msg {
                Msg::Term(e) if is_suspend_key(&e) => self.suspend()?,
                Msg::TermGone(e) => return Err(e),
                Msg::FileChanged(g) | Msg::Loaded(g, _) if g != self.watch_generation => {}
                m => batch.push(m),
            }
            next = self.rx.try_recv().ok();
            if next.is_none() && !settled && batch.iter().any(|m| matches!(m, Msg::FileChanged(_)))
            {
                thread::sleep(SETTLE);
                settled = true;
                next = self.rx.try_recv().ok();
            }
        }
        Ok(batch)
    }

    /// Reads one article until the user quits it (`q`) or quits everything (Ctrl-C).
    pub(crate) fn read(
        &mut self,
        app: &mut App,
        theme: &Theme,
        reload: Option<&Reload>,
    ) -> io::Result<()> {
        self.watch_generation += 1;
        let generation = self.watch_generation;
        let watch_tx = self.tx.clone();
        let start_watch = |app: &mut App| {
            reload.and_then(|r| {
                let tx = watch_tx.clone();
                let notify = move || {
                    let _ = tx.send(Msg::FileChanged(generation));
                };
                match watch::watch(&r.path, r.mode, notify) {
                    Ok(w) => w,
                    Err(e) => {
                        app.message = Some(e.to_string());
                        None
                    }
                }
            })
        };
        if let Some(rx) = app.pending_load.take() {
            // Handed to the event loop, so that it wakes when the article is read.
            let tx = self.tx.clone();
            thread::spawn(move || {
                let loaded = rx
                    .recv()
                    .map_err(|_| LoadFailure::Stopped)
                    .and_then(|l| l.map_err(LoadFailure::from));
                let _ = tx.send(Msg::Loaded(generation, Box::new(loaded)));
            });
        }
        let (cols, rows) = self.size();
        app.resize(cols, rows);
        // The first frame first; then what can wait for it: watching the file, the check.
        self.draw(Some(View::of(app)), |frame| ui::draw(frame, app, theme))?;
        let mut shown = app.message.clone();
        let _watch = start_watch(app);
        if let Some(job) = app.after_first_frame.take() {
            job();
        }
        if let Some(asked) = self.probe.take() {
            let found = asked.answer_in_session();
            let changed = app.settle_ambiguous(found.width(), found.found());
            if changed {
                // Drawn for the other width: the screen is cleared and drawn whole.
                execute!(io::stdout(), terminal::Clear(terminal::ClearType::All))?;
                wire::forget(&mut self.terminal);
            }
            if app.message.is_none() {
                app.message = found.notice();
            }
            if changed || app.message != shown {
                self.draw(Some(View::of(app)), |frame| ui::draw(frame, app, theme))?;
                shown = app.message.clone();
            }
        }
        // Drawn again at once only if watching failed and said why.
        let mut drawn = app.message == shown;
        while app.running {
            if !std::mem::take(&mut drawn) {
                self.draw(Some(View::of(app)), |frame| ui::draw(frame, app, theme))?;
            }
            let mut file_changed = false;
            // A large article is laid out, and searched, a part at a time while no key
            // is waiting.
            let busy = app.has_work();
            // The findings list asked for while the check runs opens when it is done.
            let wait = if busy {
                Some(Duration::ZERO)
            } else if app.findings_awaited() {
                Some(FINDINGS_POLL)
            } else {
                None
            };
            let batch = self.next_batch(wait)?;
            app.poll_findings();
            if busy && batch.is_empty() {
                app.work_more();
                continue;
            }
            for msg in batch {
                match msg {
                    Msg::Term(e) => handle(app, e, self.panic_at_first_key),
                    Msg::FileChanged(_) => file_changed = true,
                    Msg::Loaded(_, loaded) => app.finish_loading(*loaded),
                    Msg::TermGone(_) => {}
                }
                if !app.running {
                    break;
                }
            }
            if let Some(line) = app.edit_requested.take() {
                self.edit_article(app, reload, line);
            }
            if app.running && (file_changed || app.reload_requested) {
                let by_hand = std::mem::take(&mut app.reload_requested);
                crate::session::reader::reload_now(app, reload, by_hand);
            }
        }
        Ok(())
    }

    /// Shows the library until the user quits it; `open` opens the chosen article, which
    /// is read until the user goes back with `q`.
    pub fn browse(
        &mut self,
        lib: &mut Library,
        theme: &Theme,
        amb: AmbiguousWidth,
        open: &OpenArticle<'_>,
    ) -> io::Result<()> {
        loop {
            self.draw(None, |frame| {
                let area = frame.area();
                ui::library::render(lib, theme, amb, frame.buffer_mut(), area);
            })?;
            // Entries still being read fill in as they come.
            let wait = lib.summarising().then_some(LIBRARY_POLL);
            let batch = self.next_batch(wait)?;
            lib.poll();
            for msg in batch {
                let Msg::Term(Event::Key(key)) = msg else {
                    continue;
                };
                match lib.handle_key(key) {
                    Outcome::None => {}
                    Outcome::Quit => return Ok(()),
                    Outcome::Open(path) => match open(&path, self.size()) {
                        Err(e) => lib.message = Some(e.to_string()),
                        Ok(mut opened) => {
                            self.read(&mut opened.app, theme, opened.reload.as_ref())?;
                            if let Err(warning) = opened.save_position() {
                                lib.message = Some(format!("warning: {warning}"));
                            }
                            if opened.app.quit_all {
                                return Ok(());
                            }
                        }
                    },
                }
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// Runs the reader on one article until the user quits.
///
/// `asked`: the width probe's question, sent before the article was read; its answer is
/// read once the first frame is on screen, and a wide one has the reader laid out and
/// drawn again ([`App::settle_ambiguous`]).
pub fn run(
    app: &mut App,
    theme: &Theme,
    reload: Option<&Reload>,
    asked: Option<probe::Asked>,
) -> io::Result<()> {
    let mut session = Session::start(app.config.input.mouse, &app.config.output)?;
    session.probe = asked;
    session.read(app, theme, reload)
}

/// Hands a terminal event to the reader; `panic_at_first_key` is [`PANIC_FOR_TESTS`],
/// read once when the session started.
fn handle(app: &mut App, ev: Event, panic_at_first_key: bool) {
    match ev {
        Event::Key(key) => {
            if panic_at_first_key {
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

/// How often the library looks for entries read in the background while some are not.
const LIBRARY_POLL: Duration = Duration::from_millis(50);

/// How often the event loop looks for the check's findings while the findings list waits
/// for them.
const FINDINGS_POLL: Duration = Duration::from_millis(30);

/// Editors save in several steps; wait this long after a change for the file to settle.
const SETTLE: Duration = Duration::from_millis(60);
