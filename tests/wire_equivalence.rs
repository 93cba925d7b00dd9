//! The screen after any sequence of scrolls equals a full repaint of the same state.
//!
//! The reader is driven by long pseudo-random key sequences (scrolls, pages, jumps,
//! search, the navigation pane, help, resizes). After every step its frame is written
//! twice into vt100 terminal emulators: by yuedu's backend (`ui::wire`, scroll regions
//! and all) into one emulator that lives through the whole sequence, and by ratatui's
//! crossterm backend as a full repaint into a fresh one. Every cell must match: text,
//! colours, bold, italic, underline, reverse video, wideness.

use std::num::NonZeroU16;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::{Rect, Size};
use yuedu::app::{App, app_for};
use yuedu::config::Config;
use yuedu::layout::AmbiguousWidth;
use yuedu::parse::parse;
use yuedu::source::SHIPPED_ARTICLE;
use yuedu::ui::wire::{self, ScrollMethod, View, Wire};
use yuedu::ui::{self, Theme};

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).expect("non-zero")
}

/// A small deterministic generator (xorshift), so that a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// One step of a sequence.
#[derive(Debug, Clone)]
enum Step {
    Keys(Vec<KeyEvent>),
    Resize(u16, u16),
}

fn keys(s: &str) -> Step {
    Step::Keys(
        s.chars()
            .map(|c| {
                let code = match c {
                    '\n' => KeyCode::Enter,
                    '\t' => KeyCode::Tab,
                    '\x1b' => KeyCode::Esc,
                    c => KeyCode::Char(c),
                };
                KeyEvent::new(code, KeyModifiers::NONE)
            })
            .collect(),
    )
}

fn ctrl(c: char) -> Step {
    Step::Keys(vec![KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)])
}

/// A random step, weighted towards the moves that scroll.
fn random_step(rng: &mut Rng, sizes: &[(u16, u16)]) -> Step {
    let many_j = "j".repeat(1 + rng.below(5));
    let many_k = "k".repeat(1 + rng.below(5));
    match rng.below(40) {
        0..=9 => keys("j"),
        10..=13 => keys("k"),
        14..=15 => keys(&many_j),
        16 => keys(&many_k),
        17..=18 => keys(" "),
        19 => keys("b"),
        20..=21 => keys("]"),
        22 => keys("["),
        23 => keys("}"),
        24 => keys("{"),
        25 => keys("g"),
        26 => keys("G"),
        27 => ctrl('d'),
        28 => ctrl('u'),
        29 => keys("/余姚\n"),
        30 => keys("n"),
        31 => keys("N"),
        32 => keys("\x1b"),
        33 => keys("t"),
        34 => keys("\tjj\n"),
        35 => keys("?"),
        36 => keys("/长三角"),
        37 => {
            let (c, r) = sizes[rng.below(sizes.len())];
            Step::Resize(c, r)
        }
        _ => keys("jjj"),
    }
}

/// The reader's screen through yuedu's backend, kept across frames.
struct Fast {
    terminal: Terminal<Wire<Vec<u8>>>,
    vt: vt100::Parser,
    /// Frames in which the backend scrolled.
    scrolls: usize,
    bytes: u64,
    /// The bytes of the last frame, for failure messages.
    last: Vec<u8>,
}

impl Fast {
    fn new(cols: u16, rows: u16, method: ScrollMethod) -> Fast {
        let backend = Wire::with_size(Vec::new(), method, Size::new(cols, rows));
        Fast {
            terminal: Terminal::new(backend).expect("terminal"),
            vt: vt100::Parser::new(nz(rows), nz(cols), 0),
            scrolls: 0,
            bytes: 0,
            last: Vec::new(),
        }
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.terminal
            .backend_mut()
            .set_fixed_size(Size::new(cols, rows));
        self.vt.set_size(nz(rows), nz(cols));
    }

    fn draw(&mut self, app: &App, theme: &Theme) {
        wire::draw(&mut self.terminal, Some(View::of(app)), |f| {
            ui::draw(f, app, theme)
        })
        .expect("draw");
        let out = std::mem::take(self.terminal.backend_mut().writer_mut());
        if out.windows(2).any(|w| w == b"\x1b[")
            && (out.windows(4).any(|w| w == b"\x1b[r\x1b") || out.ends_with(b"\x1b[r"))
        {
            self.scrolls += 1;
        }
        self.bytes += out.len() as u64;
        self.vt.process(&out);
        self.last = out;
    }
}

/// The frame `app` draws, as a buffer.
fn frame(app: &App, theme: &Theme) -> Buffer {
    let (cols, rows) = app.size;
    let area = Rect::new(0, 0, cols, rows);
    let mut buf = Buffer::empty(area);
    ui::render(app, theme, &mut buf, area);
    buf
}

/// The same frame painted whole by ratatui's crossterm backend into a fresh emulator.
fn repaint(buf: &Buffer) -> vt100::Parser {
    let area = buf.area;
    let mut bytes = Vec::new();
    {
        let mut backend = CrosstermBackend::new(&mut bytes);
        let blank = Buffer::empty(area);
        backend.draw(blank.diff_iter(buf)).expect("draw");
        Backend::flush(&mut backend).expect("flush");
    }
    let mut vt = vt100::Parser::new(nz(area.height), nz(area.width), 0);
    vt.process(&bytes);
    vt
}

/// Compares two screens cell by cell. Columns covered by a character whose width is
/// forced (ambiguous characters in `wide` mode) are left out: vt100 draws those
/// characters one column wide, where the terminals `wide` is meant for draw them two, so
/// what it shows there (and the second half of a wide character spilling out of there)
/// is what was there before, which such a terminal would have erased.
fn compare(fast: &vt100::Screen, full: &vt100::Screen, buf: &Buffer, context: &str, last: &[u8]) {
    let (rows, cols) = full.size();
    for y in 0..rows.get() {
        let mut covered = 0u16;
        let mut just_covered = false;
        for x in 0..cols.get() {
            if covered > 0 {
                covered -= 1;
                just_covered = true;
                continue;
            }
            if let CellDiffOption::ForcedWidth(w) = buf[(x, y)].diff_option {
                covered = w.get() - 1;
            }
            let (a, b) = (fast.cell(y, x), full.cell(y, x));
            let (Some(a), Some(b)) = (a, b) else {
                panic!("{context}: no cell at {x},{y}");
            };
            if just_covered && (a.is_wide_continuation() || b.is_wide_continuation()) {
                // The second half of a wide character that started in a covered column:
                // a terminal drawing the forced character wide has erased it.
                just_covered = false;
                continue;
            }
            just_covered = false;
            // A space printed and a cell never written look the same.
            let text = |c: &vt100::Cell| {
                let t = c.contents();
                if t.is_empty() { " " } else { t }.to_string()
            };
            let blank = text(a) == " " && text(b) == " ";
            // On a blank cell only what shows on a blank counts: the background, reverse
            // video and underline; the foreground colour and boldness do not show.
            let same = text(a) == text(b)
                && a.bgcolor() == b.bgcolor()
                && a.inverse() == b.inverse()
                && a.underline() == b.underline()
                && (blank
                    || (a.fgcolor() == b.fgcolor()
                        && a.bold() == b.bold()
                        && a.dim() == b.dim()
                        && a.italic() == b.italic()))
                && a.is_wide() == b.is_wide()
                && a.is_wide_continuation() == b.is_wide_continuation();
            assert!(
                same,
                "{context}: cell {x},{y} differs: optimised {:?} {:?}/{:?} bold {} inverse {}, \
                 repaint {:?} {:?}/{:?} bold {} inverse {}\noptimised screen:\n{}\nrepaint:\n{}\n\
                 last frame's bytes: {}",
                a.contents(),
                a.fgcolor(),
                a.bgcolor(),
                a.bold(),
                a.inverse(),
                b.contents(),
                b.fgcolor(),
                b.bgcolor(),
                b.bold(),
                b.inverse(),
                fast.contents(),
                full.contents(),
                String::from_utf8_lossy(last).escape_debug(),
            );
        }
    }
}

struct Case {
    size: (u16, u16),
    ambiguous: AmbiguousWidth,
    mono: bool,
    method: ScrollMethod,
    seed: u64,
}

/// Runs one long random sequence; returns the number of frames that scrolled.
fn run(case: &Case, steps: usize) -> usize {
    let mut config = Config::defaults();
    config.text.ambiguous_width = case.ambiguous;
    let theme = Theme::new(&config.theme, case.mono);
    let (cols, rows) = case.size;
    let mut app = app_for(
        parse(SHIPPED_ARTICLE),
        "yuyao-yangtze-delta.txt",
        config,
        (cols, rows),
    )
    .expect("app");
    let sizes = [case.size, (80, 24), (40, 12), (100, 30), (61, 20)];
    let mut fast = Fast::new(cols, rows, case.method);
    let mut rng = Rng(case.seed);
    let mut history = Vec::new();
    for i in 0..steps {
        let step = if i == 0 {
            keys("")
        } else {
            random_step(&mut rng, &sizes)
        };
        match &step {
            Step::Keys(ks) => {
                for k in ks {
                    app.handle_key(*k);
                }
                if !app.running {
                    // `q` is never generated, but stay safe: start again.
                    app.running = true;
                }
            }
            Step::Resize(c, r) => {
                app.resize(*c, *r);
                fast.resize(*c, *r);
            }
        }
        history.push(step);
        fast.draw(&app, &theme);
        let buf = frame(&app, &theme);
        let full = repaint(&buf);
        let context = format!(
            "{}x{} {:?} {:?} mono={} seed={} step {i} after {:?}",
            cols,
            rows,
            case.ambiguous,
            case.method,
            case.mono,
            case.seed,
            &history[history.len().saturating_sub(6)..]
        );
        compare(fast.vt.screen(), full.screen(), &buf, &context, &fast.last);
    }
    fast.scrolls
}

fn cases(size: (u16, u16)) -> Vec<Case> {
    let mut out = Vec::new();
    for (i, (ambiguous, mono, method)) in [
        (AmbiguousWidth::Narrow, false, ScrollMethod::ScrollUpDown),
        (AmbiguousWidth::Wide, false, ScrollMethod::ScrollUpDown),
        (AmbiguousWidth::Narrow, true, ScrollMethod::DeleteInsert),
        (AmbiguousWidth::Wide, true, ScrollMethod::ScrollUpDown),
        (AmbiguousWidth::Narrow, false, ScrollMethod::Off),
    ]
    .into_iter()
    .enumerate()
    {
        out.push(Case {
            size,
            ambiguous,
            mono,
            method,
            seed: 0x9E37_79B9_7F4A_7C15 ^ (u64::from(size.0) << 8 | i as u64),
        });
    }
    out
}

fn check_size(size: (u16, u16)) {
    for case in cases(size) {
        let scrolls = run(&case, 300);
        if case.method == ScrollMethod::Off {
            assert_eq!(scrolls, 0, "scroll regions are off");
        } else {
            assert!(
                scrolls > 20,
                "only {scrolls} frames scrolled: the path is untested"
            );
        }
    }
}

#[test]
fn optimised_screen_equals_full_repaint_at_80x24() {
    check_size((80, 24));
}

#[test]
fn optimised_screen_equals_full_repaint_at_40x12_without_navigation_pane() {
    check_size((40, 12));
}

#[test]
fn optimised_screen_equals_full_repaint_at_100x30() {
    check_size((100, 30));
}

/// One line down in a pane without the navigation pane costs about what less pays.
#[test]
fn one_line_scroll_sends_the_new_line_only() {
    let config = Config::defaults();
    let theme = Theme::new(&config.theme, false);
    let mut app = app_for(
        parse(SHIPPED_ARTICLE),
        "yuyao-yangtze-delta.txt",
        config,
        (40, 12),
    )
    .expect("app");
    let mut fast = Fast::new(40, 12, ScrollMethod::ScrollUpDown);
    fast.draw(&app, &theme);
    let first = fast.bytes;
    app.handle_key(KeyEvent::new(KeyCode::Char(']'), KeyModifiers::NONE));
    fast.draw(&app, &theme);
    let before = fast.bytes;
    for _ in 0..5 {
        app.handle_key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
        fast.draw(&app, &theme);
    }
    let per_line = (fast.bytes - before) / 5;
    // A line of 19 CJK characters is 57 bytes; the scroll, the move and the status bar
    // add a few dozen.
    assert!(
        per_line < 140,
        "{per_line} bytes per line (first frame {first})"
    );
    assert_eq!(fast.scrolls, 5);
}
