//! The screen after any sequence of scrolls equals a full repaint of the same state.
//!
//! The reader is driven by long pseudo-random key sequences (scrolls, pages, jumps,
//! search, the navigation pane, help, resizes). After every step its frame is written
//! twice into vt100 terminal emulators: by yuedu's backend (`ui::wire`, scroll regions
//! and all) into one emulator that lives through the whole sequence, and by ratatui's
//! crossterm backend as a full repaint into a fresh one. Every cell must match: text,
//! colours, bold, italic, underline, reverse video, wideness.
//!
//! vt100 has no left/right margins, so the backend's bytes also go into `model`, a
//! terminal of our own that has them and knows nothing else. Without margins, the
//! model's screen must equal vt100's after every frame (which proves the model on the
//! sequences both know); with margins, the model's screen is the one compared with the
//! full repaint.

mod common;
mod model;

use std::num::NonZeroU16;

use common::rng::Rng;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::{Rect, Size};
use yuedu::config::Config;
use yuedu::formats::text::parse;
use yuedu::input::source::SHIPPED_ARTICLE;
use yuedu::layout::AmbiguousWidth;
use yuedu::terminal::wire::{self, ScrollMethod, View, Wire};
use yuedu::ui::{self, Theme};
use yuedu::view::app::{App, app_for};

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).expect("non-zero")
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
    /// The same bytes into the model, which has left/right margins.
    model: model::Term,
    /// Frames in which the backend scrolled.
    scrolls: usize,
    /// Frames in which it scrolled inside left/right margins.
    margin_scrolls: usize,
    bytes: u64,
    /// The bytes of the last frame, for failure messages.
    last: Vec<u8>,
}

impl Fast {
    fn new(cols: u16, rows: u16, method: ScrollMethod, margins: bool) -> Fast {
        let backend =
            Wire::with_size(Vec::new(), method, Size::new(cols, rows)).with_margins(margins);
        Fast {
            terminal: Terminal::new(backend).expect("terminal"),
            vt: vt100::Parser::new(nz(rows), nz(cols), 0),
            model: model::Term::new(cols, rows),
            scrolls: 0,
            margin_scrolls: 0,
            bytes: 0,
            last: Vec::new(),
        }
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.terminal
            .backend_mut()
            .set_fixed_size(Size::new(cols, rows));
        self.vt.set_size(nz(rows), nz(cols));
        self.model.resize(cols, rows);
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
        if out.windows(3).any(|w| w == b"\x1b[s") {
            self.margin_scrolls += 1;
        }
        self.bytes += out.len() as u64;
        self.vt.process(&out);
        self.model.process(&out);
        assert!(
            self.model.margins_reset(),
            "margins left set after a frame: {}",
            String::from_utf8_lossy(&out).escape_debug()
        );
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

/// A screen, as cells of the model.
type Grid = Vec<Vec<model::Cell>>;

fn colour(c: vt100::Color) -> model::Colour {
    match c {
        vt100::Color::Default => model::Colour::Default,
        vt100::Color::Idx(i) => model::Colour::Idx(i),
        vt100::Color::Rgb(r, g, b) => model::Colour::Rgb(r, g, b),
    }
}

/// vt100's screen as a grid.
fn vt_grid(screen: &vt100::Screen) -> Grid {
    let (rows, cols) = screen.size();
    (0..rows.get())
        .map(|y| {
            (0..cols.get())
                .map(|x| {
                    let c = screen.cell(y, x).expect("cell");
                    model::Cell {
                        text: c.contents().to_string(),
                        attrs: model::Attrs {
                            fg: colour(c.fgcolor()),
                            bg: colour(c.bgcolor()),
                            bold: c.bold(),
                            dim: c.dim(),
                            italic: c.italic(),
                            underline: c.underline(),
                            inverse: c.inverse(),
                            ..model::Attrs::default()
                        },
                        wide: c.is_wide(),
                        continuation: c.is_wide_continuation(),
                    }
                })
                .collect()
        })
        .collect()
}

/// The model's screen as a grid, without what vt100 does not tell (blink, hidden,
/// crossed out).
fn model_grid(term: &model::Term) -> Grid {
    let (cols, rows) = term.size();
    (0..rows)
        .map(|y| {
            (0..cols)
                .map(|x| {
                    let mut c = term.cell(x, y).clone();
                    c.attrs.blink = false;
                    c.attrs.hidden = false;
                    c.attrs.strike = false;
                    c
                })
                .collect()
        })
        .collect()
}

fn text(c: &model::Cell) -> &str {
    // A space printed and a cell never written look the same.
    if c.text.is_empty() { " " } else { &c.text }
}

/// Whether two cells look the same. On a blank cell only what shows on a blank counts:
/// the background, reverse video and underline; the foreground colour and boldness do
/// not show. The second half of a double-width character is only that.
fn same(a: &model::Cell, b: &model::Cell) -> bool {
    if a.continuation || b.continuation {
        return a.continuation == b.continuation;
    }
    let blank = text(a) == " " && text(b) == " ";
    let (x, y) = (&a.attrs, &b.attrs);
    text(a) == text(b)
        && x.bg == y.bg
        && x.inverse == y.inverse
        && x.underline == y.underline
        && (blank || (x.fg == y.fg && x.bold == y.bold && x.dim == y.dim && x.italic == y.italic))
        && a.wide == b.wide
}

fn contents(grid: &Grid) -> String {
    grid.iter()
        .map(|row| {
            row.iter()
                .filter(|c| !c.continuation)
                .map(text)
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn differs(x: u16, y: u16, a: &model::Cell, b: &model::Cell, fast: &Grid, full: &Grid) -> String {
    format!(
        "cell {x},{y} differs: {a:?}\nvs {b:?}\nfirst screen:\n{}\nsecond screen:\n{}",
        contents(fast),
        contents(full)
    )
}

/// Compares two screens cell by cell. Columns covered by a character whose width is
/// forced (ambiguous characters in `wide` mode) are left out: vt100 draws those
/// characters one column wide, where the terminals `wide` is meant for draw them two, so
/// what it shows there (and the second half of a wide character spilling out of there)
/// is what was there before, which such a terminal would have erased.
fn compare(fast: &Grid, full: &Grid, buf: &Buffer, context: &str, last: &[u8]) {
    assert_eq!(fast.len(), full.len(), "{context}: rows");
    for (y, (frow, grow)) in (0u16..).zip(fast.iter().zip(full)) {
        assert_eq!(frow.len(), grow.len(), "{context}: columns");
        let mut covered = 0u16;
        let mut just_covered = false;
        for (x, (a, b)) in (0u16..).zip(frow.iter().zip(grow)) {
            if covered > 0 {
                covered -= 1;
                just_covered = true;
                continue;
            }
            if let CellDiffOption::ForcedWidth(w) = buf[(x, y)].diff_option {
                covered = w.get() - 1;
            }
            if just_covered && (a.continuation || b.continuation) {
                // The second half of a wide character that started in a covered column:
                // a terminal drawing the forced character wide has erased it.
                just_covered = false;
                continue;
            }
            just_covered = false;
            assert!(
                same(a, b),
                "{context}: optimised vs repaint: {}\nlast frame's bytes: {}",
                differs(x, y, a, b, fast, full),
                String::from_utf8_lossy(last).escape_debug(),
            );
        }
    }
}

/// Compares the model's screen with vt100's after the same bytes, every cell.
fn compare_model(model: &Grid, vt: &Grid, context: &str, last: &[u8]) {
    for (y, (mrow, vrow)) in (0u16..).zip(model.iter().zip(vt)) {
        for (x, (a, b)) in (0u16..).zip(mrow.iter().zip(vrow)) {
            assert!(
                same(a, b),
                "{context}: model vs vt100: {}\nlast frame's bytes: {}",
                differs(x, y, a, b, model, vt),
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
    /// Left/right margins allowed.
    margins: bool,
    seed: u64,
}

/// Runs one long random sequence; returns the numbers of frames that scrolled, and that
/// scrolled inside left/right margins.
fn run(case: &Case, steps: usize) -> (usize, usize) {
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
    let mut fast = Fast::new(cols, rows, case.method, case.margins);
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
            "{}x{} {:?} {:?} margins={} mono={} seed={} step {i} after {:?}",
            cols,
            rows,
            case.ambiguous,
            case.method,
            case.margins,
            case.mono,
            case.seed,
            &history[history.len().saturating_sub(6)..]
        );
        let full = vt_grid(full.screen());
        let modelled = model_grid(&fast.model);
        if case.margins {
            // vt100 ignores the margins: only the model shows what a terminal shows.
            compare(&modelled, &full, &buf, &context, &fast.last);
        } else {
            let vt = vt_grid(fast.vt.screen());
            compare(&vt, &full, &buf, &context, &fast.last);
            compare_model(&modelled, &vt, &context, &fast.last);
        }
    }
    (fast.scrolls, fast.margin_scrolls)
}

fn cases(size: (u16, u16)) -> Vec<Case> {
    let mut out = Vec::new();
    for (i, (ambiguous, mono, method, margins)) in [
        (
            AmbiguousWidth::Narrow,
            false,
            ScrollMethod::ScrollUpDown,
            false,
        ),
        (
            AmbiguousWidth::Wide,
            false,
            ScrollMethod::ScrollUpDown,
            false,
        ),
        (
            AmbiguousWidth::Narrow,
            true,
            ScrollMethod::DeleteInsert,
            false,
        ),
        (
            AmbiguousWidth::Wide,
            true,
            ScrollMethod::ScrollUpDown,
            false,
        ),
        (AmbiguousWidth::Narrow, false, ScrollMethod::Off, false),
        (
            AmbiguousWidth::Narrow,
            false,
            ScrollMethod::ScrollUpDown,
            true,
        ),
        (AmbiguousWidth::Wide, true, ScrollMethod::ScrollUpDown, true),
    ]
    .into_iter()
    .enumerate()
    {
        out.push(Case {
            size,
            ambiguous,
            mono,
            method,
            margins,
            seed: 0x9E37_79B9_7F4A_7C15 ^ (u64::from(size.0) << 8 | i as u64),
        });
    }
    out
}

fn check_size(size: (u16, u16)) {
    for case in cases(size) {
        let (scrolls, margin_scrolls) = run(&case, 300);
        if case.method == ScrollMethod::Off {
            assert_eq!(scrolls, 0, "scroll regions are off");
        } else {
            assert!(
                scrolls > 20,
                "only {scrolls} frames scrolled: the path is untested"
            );
        }
        if !case.margins {
            assert_eq!(margin_scrolls, 0, "margins are not allowed");
        } else if size.0 >= 60 {
            // The navigation pane is beside the text from the start.
            assert!(
                margin_scrolls > 20,
                "only {margin_scrolls} frames scrolled inside margins: the path is untested"
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
    let mut fast = Fast::new(40, 12, ScrollMethod::ScrollUpDown, false);
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

/// Bytes per `j` (five of them, after the first section heading) at 80x24, with the
/// navigation pane shown or not, margins allowed or not; checks every frame against a
/// full repaint on the model.
fn bytes_per_line(show_nav: bool, margins: bool) -> (u64, usize) {
    let mut config = Config::defaults();
    config.layout.show_nav = show_nav;
    let theme = Theme::new(&config.theme, false);
    let mut app = app_for(
        parse(SHIPPED_ARTICLE),
        "yuyao-yangtze-delta.txt",
        config,
        (80, 24),
    )
    .expect("app");
    let mut fast = Fast::new(80, 24, ScrollMethod::ScrollUpDown, margins);
    let step = |app: &App, fast: &mut Fast, what: &str| {
        fast.draw(app, &theme);
        let buf = frame(app, &theme);
        let full = vt_grid(repaint(&buf).screen());
        let context = format!("show_nav={show_nav} margins={margins} {what}");
        compare(&model_grid(&fast.model), &full, &buf, &context, &fast.last);
    };
    step(&app, &mut fast, "first frame");
    app.handle_key(KeyEvent::new(KeyCode::Char(']'), KeyModifiers::NONE));
    step(&app, &mut fast, "]");
    let before = fast.bytes;
    for i in 0..5 {
        app.handle_key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
        step(&app, &mut fast, &format!("j {i}"));
    }
    assert_eq!(fast.scrolls, 5, "every j scrolled");
    ((fast.bytes - before) / 5, fast.margin_scrolls)
}

/// With left/right margins, a line down beside the navigation pane costs under twice
/// what it costs with the pane hidden: the pane stays where it is.
#[test]
fn one_line_scroll_beside_the_navigation_pane_with_margins() {
    let (hidden, _) = bytes_per_line(false, true);
    let (rows, no_margins) = bytes_per_line(true, false);
    let (margins, margin_scrolls) = bytes_per_line(true, true);
    eprintln!(
        "bytes per j at 80x24: pane hidden {hidden}; pane shown, whole rows {rows}, \
         margins {margins}"
    );
    assert_eq!(no_margins, 0);
    assert_eq!(margin_scrolls, 5, "every j scrolled inside margins");
    assert!(
        margins < 2 * hidden,
        "{margins} bytes per j beside the pane, {hidden} with it hidden"
    );
    assert!(margins < rows, "{margins} with margins, {rows} without");
}
