//! Light on the wire: a ratatui backend that writes few bytes per frame, and scrolling
//! that moves what the terminal already shows instead of drawing it again.
//!
//! Two things make a frame cheap:
//!
//! - **Runs, not cells.** [`Wire`] moves the cursor only where the terminal's own advance
//!   does not already put it (a CJK character advances it two columns), picks the shortest
//!   move (CR, CR LF, a relative or an absolute one, or printing again the few cells in
//!   between when the terminal already shows them in the current style), and sends an SGR
//!   sequence only when the style changes.
//! - **Scrolling.** When the text pane moves by fewer lines than it is high, [`draw`] has
//!   the terminal scroll those rows (DECSTBM, then SU/SD or DL/IL, then the region reset)
//!   and tells ratatui that the screen it diffs against moved too; the diff then holds
//!   only the new lines and whatever else changed. DECSTBM scrolls whole rows, so the
//!   navigation pane beside the text moves with them and the diff draws it back; the
//!   scroll is only used when that costs fewer bytes than drawing the pane again.
//!   Terminals with left/right margins (DECLRMM, DECSLRM: xterm, iTerm2, WezTerm,
//!   Ghostty) can scroll just the text pane's columns instead ([`margins_for`]); the
//!   margins are set for the scroll and reset right after it, so between frames the
//!   scroll region is always the whole screen.
//!
//! ratatui's previous buffer is kept equal to what the terminal shows at every step, so
//! its diff is always complete: a scroll that was not worth it costs bytes, never a
//! wrong screen.

use std::io::{self, Write};
use std::ops::Range;

use ratatui::Frame;
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

use crate::config::ScrollMargins;
use crate::view::app::App;

/// How the terminal is asked to scroll a band of rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScrollMethod {
    /// Never: every change is drawn (terminals without scroll regions).
    Off,
    /// DECSTBM, then SU (`CSI n S`) or SD (`CSI n T`): xterm and its descendants.
    ScrollUpDown,
    /// DECSTBM, then DL (`CSI n M`) or IL (`CSI n L`) at the region's top line: VT102
    /// operations, for the Linux console and the VT100 family, which lack SU/SD.
    DeleteInsert,
}

impl ScrollMethod {
    /// The method for a terminal named `term` (`$TERM`) when the setting allows scroll
    /// regions at all.
    pub(crate) fn for_terminal(enabled: bool, term: Option<&str>) -> ScrollMethod {
        let term = term.unwrap_or("").trim();
        if !enabled || term.is_empty() || term == "dumb" || term.starts_with("vt52") {
            ScrollMethod::Off
        } else if term.starts_with("linux")
            || term.starts_with("vt1")
            || term.starts_with("vt2")
            || term.starts_with("screen")
        {
            ScrollMethod::DeleteInsert
        } else {
            ScrollMethod::ScrollUpDown
        }
    }
}

/// Whether the text pane may be scrolled inside left/right margins (DECLRMM + DECSLRM),
/// given the setting, the terminal's scroll method and its environment (`env` reads a
/// variable). Margins only go with SU/SD. `auto` trusts only what the environment says of
/// the terminal itself: xterm sets `XTERM_VERSION`; iTerm2, WezTerm and Ghostty set
/// `TERM_PROGRAM`; iTerm2 sets `LC_TERMINAL`, which ssh passes on with the other `LC_*`.
/// Every program started from a shell inherits them, so a terminal started from one
/// (VS Code's, say, launched from iTerm2) carries another's: where `TERM_PROGRAM` is set
/// it alone decides, as it names the innermost terminal that sets it. Inside tmux or
/// screen the terminal is the multiplexer, which has no margins, whatever the variables
/// it inherited say.
pub(crate) fn margins_for(
    setting: ScrollMargins,
    method: ScrollMethod,
    env: impl Fn(&str) -> Option<String>,
) -> bool {
    if method != ScrollMethod::ScrollUpDown {
        return false;
    }
    let var = |name: &str| env(name).filter(|v| !v.is_empty());
    match setting {
        ScrollMargins::Off => false,
        ScrollMargins::On => true,
        ScrollMargins::Auto => {
            let term = var("TERM").unwrap_or_default();
            let multiplexed = var("TMUX").is_some()
                || var("STY").is_some()
                || term.starts_with("screen")
                || term.starts_with("tmux");
            let known = match var("TERM_PROGRAM").as_deref() {
                Some(program) => matches!(program, "iTerm.app" | "WezTerm" | "ghostty"),
                None => {
                    var("XTERM_VERSION").is_some()
                        || var("LC_TERMINAL").as_deref() == Some("iTerm2")
                }
            };
            known && !multiplexed
        }
    }
}

/// A band of the screen to scroll.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Scroll {
    rows: Range<u16>,
    /// The columns, when left/right margins are set for the scroll; whole rows otherwise.
    columns: Option<Range<u16>>,
    /// By how many lines (positive: up).
    lines: i32,
}

/// What the text pane showed in a frame: enough to tell that the next frame shows the
/// same text moved by a few lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    /// The text pane.
    pub(crate) pane: Rect,
    /// The column the text is laid out in.
    pub(crate) column: Rect,
    /// The number of laid-out lines (a relayout or reload changes it, usually).
    pub(crate) lines: usize,
    /// The first line shown.
    pub(crate) top: usize,
}

impl View {
    /// The text pane of `app` as it will be drawn now.
    pub fn of(app: &App) -> View {
        let g = app.geometry();
        View {
            pane: g.text,
            column: g.text_column,
            lines: app.layout.len(),
            top: app.top,
        }
    }

    /// The rows to scroll and by how many lines (positive: the text moved up, as after
    /// `j`) to go from `self` to `next`, if it is the same text moved by less than a pane;
    /// the columns are the pane's.
    fn scroll_to(&self, next: &View) -> Option<(Range<u16>, Range<u16>, i32)> {
        if self.pane != next.pane || self.column != next.column || self.lines != next.lines {
            return None;
        }
        let height = usize::from(self.pane.height);
        let delta = next.top.abs_diff(self.top);
        if delta == 0 || delta >= height {
            return None;
        }
        let delta = i32::try_from(delta).ok()?;
        let signed = if next.top > self.top { delta } else { -delta };
        Some((
            self.pane.top()..self.pane.bottom(),
            self.pane.left()..self.pane.right(),
            signed,
        ))
    }
}

/// The SGR state: what the terminal draws the next character in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Pen {
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

impl Pen {
    const DEFAULT: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            modifier: cell.modifier,
        }
    }
}

/// The SGR codes of each modifier, in ratatui's order.
const MODIFIER_CODES: [(Modifier, u8); 9] = [
    (Modifier::BOLD, 1),
    (Modifier::DIM, 2),
    (Modifier::ITALIC, 3),
    (Modifier::UNDERLINED, 4),
    (Modifier::SLOW_BLINK, 5),
    (Modifier::RAPID_BLINK, 6),
    (Modifier::REVERSED, 7),
    (Modifier::HIDDEN, 8),
    (Modifier::CROSSED_OUT, 9),
];

/// The SGR parameters of a colour; `base` is 30 for the foreground, 40 for the
/// background. The 16 named colours use their short codes (31, 91…): the same palette
/// entries as `38;5;n`, in fewer bytes.
fn color_code(color: Color, base: u8) -> String {
    let named = |i: u8| {
        if i < 8 {
            (base + i).to_string()
        } else {
            (base + 60 + i - 8).to_string()
        }
    };
    match color {
        Color::Reset => (base + 9).to_string(),
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => named(8),
        Color::LightRed => named(9),
        Color::LightGreen => named(10),
        Color::LightYellow => named(11),
        Color::LightBlue => named(12),
        Color::LightMagenta => named(13),
        Color::LightCyan => named(14),
        Color::White => named(15),
        Color::Indexed(i) => format!("{};5;{i}", base + 8),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", base + 8),
    }
}

/// Appends the SGR sequence that turns pen `from` (unknown: `None`) into `to`.
fn sgr(from: Option<Pen>, to: Pen, out: &mut Vec<u8>) {
    let (base, mut params) = match from {
        Some(f) if (f.modifier - to.modifier).is_empty() => (f, Vec::new()),
        // A modifier cannot be taken off alone portably: start from a reset then.
        _ => (Pen::DEFAULT, vec!["0".to_string()]),
    };
    for (m, code) in MODIFIER_CODES {
        if to.modifier.contains(m) && !base.modifier.contains(m) {
            params.push(code.to_string());
        }
    }
    if to.fg != base.fg {
        params.push(color_code(to.fg, 30));
    }
    if to.bg != base.bg {
        params.push(color_code(to.bg, 40));
    }
    if params.is_empty() {
        return;
    }
    out.extend_from_slice(b"\x1b[");
    if params != ["0"] {
        // `CSI m` is `CSI 0 m`.
        out.extend_from_slice(params.join(";").as_bytes());
    }
    out.push(b'm');
}

/// The number of columns the terminal's cursor advances after printing `cell`, when that
/// is certain; `None` when terminals disagree (clusters of several characters, such as
/// emoji with a variation selector, and characters whose width is forced because the
/// terminal is set up to draw the ambiguous ones wide).
fn advance(cell: &Cell) -> Option<u16> {
    if !matches!(
        cell.diff_option,
        CellDiffOption::None | CellDiffOption::AlwaysUpdate
    ) {
        return None;
    }
    let symbol = cell.symbol();
    let mut chars = symbol.chars();
    match (chars.next(), chars.next()) {
        (None, _) => Some(1),
        // Wider than two (U+17D8 is three in unicode-width): terminals draw it in one
        // or two.
        (Some(_), None) => u16::try_from(symbol.width())
            .ok()
            .filter(|w| (1..=2).contains(w)),
        _ => None,
    }
}

/// The columns `cell` covers on the screen, as ratatui counts them.
fn columns(cell: &Cell) -> u16 {
    // ratatui's own count (a forced width, else the symbol's width plus one for each
    // halfwidth voiced mark): the cells its diff skips after this one.
    ratatui::buffer::CellWidth::cell_width(cell).max(1)
}

/// Writes frames in few bytes. It remembers what the terminal shows (a copy of ratatui's
/// previous buffer), where the cursor is and the current style.
pub struct Wire<W: Write> {
    out: W,
    /// Bytes queued for the next flush.
    queued: Vec<u8>,
    /// What the terminal shows, as of the last frame (and the last scroll).
    screen: Buffer,
    /// Where the cursor is, when known.
    cursor: Option<Position>,
    /// The current SGR state, when known.
    pen: Option<Pen>,
    /// Whether the cursor is shown, when known.
    cursor_shown: Option<bool>,
    method: ScrollMethod,
    /// Whether the text pane may be scrolled inside left/right margins.
    margins: bool,
    /// Whether left/right margin mode (DECLRMM, `CSI ? 69 h`) was turned on, so that
    /// `CSI s` sets margins rather than saving the cursor. Set by the first margin scroll;
    /// cleared when the terminal was given back (`terminal::restore` turns the mode off).
    margin_mode: bool,
    /// A fixed size instead of asking the terminal (tests, benchmarks).
    fixed_size: Option<Size>,
    /// The text pane of the last frame.
    view: Option<View>,
    /// Counts the bytes written (tests and benchmarks).
    written: u64,
}

impl<W: Write> Wire<W> {
    /// A backend writing to the terminal `out`, which it asks for its size.
    pub fn new(out: W, method: ScrollMethod) -> Wire<W> {
        Wire {
            out,
            queued: Vec::with_capacity(16 * 1024),
            screen: Buffer::empty(Rect::default()),
            cursor: None,
            pen: None,
            cursor_shown: None,
            method,
            margins: false,
            margin_mode: false,
            fixed_size: None,
            view: None,
            written: 0,
        }
    }

    /// A backend writing to `out`, a terminal of a fixed `size` (tests, benchmarks).
    pub fn with_size(out: W, method: ScrollMethod, size: Size) -> Wire<W> {
        let mut w = Wire::new(out, method);
        w.fixed_size = Some(size);
        w
    }

    /// Allows scrolling the text pane inside left/right margins ([`margins_for`]); only
    /// with [`ScrollMethod::ScrollUpDown`].
    pub fn with_margins(mut self, allowed: bool) -> Wire<W> {
        self.margins = allowed && self.method == ScrollMethod::ScrollUpDown;
        self
    }

    /// Changes the fixed size (a simulated resize).
    pub fn set_fixed_size(&mut self, size: Size) {
        self.fixed_size = Some(size);
    }

    /// The writer, to take what was written.
    pub fn writer_mut(&mut self) -> &mut W {
        &mut self.out
    }

    /// Forgets everything known about the terminal: after someone else wrote to it.
    fn forget(&mut self) {
        self.screen.reset();
        self.cursor = None;
        self.pen = None;
        self.cursor_shown = None;
        self.view = None;
        self.margin_mode = false;
    }

    /// Prints `cell` at (`x`, `y`) on a screen `width` columns wide.
    fn print(&mut self, x: u16, y: u16, cell: &Cell, width: u16) {
        self.move_to(x, y);
        self.set_pen(Pen::of(cell));
        let covers = columns(cell);
        if advance(cell).is_none() && covers > 1 {
            // The terminal may draw this cluster narrower than the columns kept for it
            // (a ZWJ sequence joined, a halfwidth voiced mark on its letter): blank them
            // first (ECH, the cursor stays), so no part of what was there stays beside it.
            let n = covers.min(width.saturating_sub(x));
            self.queued
                .extend_from_slice(format!("\x1b[{n}X").as_bytes());
        }
        let symbol = cell.symbol();
        self.queued.extend_from_slice(if symbol.is_empty() {
            b" "
        } else {
            symbol.as_bytes()
        });
        self.cursor = match advance(cell) {
            Some(w) if x + w < width => Some(Position { x: x + w, y }),
            // At the right margin terminals differ (pending wrap); elsewhere the
            // terminal's width may not be ours. Say where the cursor goes next time.
            _ => None,
        };
    }

    fn set_pen(&mut self, pen: Pen) {
        if self.pen != Some(pen) {
            sgr(self.pen, pen, &mut self.queued);
            self.pen = Some(pen);
        }
    }

    /// The bytes that print again the cells of row `y` from `from` to `to` (exclusive),
    /// if the terminal shows them already in the current style: moving over them by
    /// printing them.
    fn reprint(&self, y: u16, from: u16, to: u16, limit: usize) -> Option<Vec<u8>> {
        let pen = self.pen?;
        let mut bytes = Vec::new();
        for x in from..to {
            let cell = self.screen.cell((x, y))?;
            if Pen::of(cell) != pen || advance(cell) != Some(1) {
                return None;
            }
            let s = cell.symbol();
            bytes.extend_from_slice(if s.is_empty() { b" " } else { s.as_bytes() });
            if bytes.len() >= limit {
                return None;
            }
        }
        Some(bytes)
    }

    /// Moves the cursor to (`x`, `y`) in the fewest bytes.
    fn move_to(&mut self, x: u16, y: u16) {
        let target = Position { x, y };
        if self.cursor == Some(target) {
            return;
        }
        let absolute = format!("\x1b[{};{}H", y + 1, x + 1).into_bytes();
        let mut best = absolute;
        let consider = |bytes: Vec<u8>, best: &mut Vec<u8>| {
            if bytes.len() < best.len() {
                *best = bytes;
            }
        };
        let column = |x: u16, from: u16| -> Vec<u8> {
            match x.cmp(&from) {
                std::cmp::Ordering::Equal => Vec::new(),
                std::cmp::Ordering::Greater if x - from == 1 => b"\x1b[C".to_vec(),
                std::cmp::Ordering::Greater => format!("\x1b[{}C", x - from).into_bytes(),
                std::cmp::Ordering::Less if x == 0 => b"\r".to_vec(),
                std::cmp::Ordering::Less => format!("\x1b[{}G", x + 1).into_bytes(),
            }
        };
        if let Some(cur) = self.cursor {
            if cur.y == y {
                consider(column(x, cur.x), &mut best);
                if x > cur.x
                    && let Some(bytes) = self.reprint(y, cur.x, x, best.len())
                {
                    consider(bytes, &mut best);
                }
            } else if y == cur.y + 1 {
                // CR LF: the scroll region is always the whole screen between frames, and
                // `y` is a row of the screen, so the line feed never scrolls.
                let mut bytes = b"\r\n".to_vec();
                bytes.extend(column(x, 0));
                consider(bytes, &mut best);
            }
        }
        self.queued.extend_from_slice(&best);
        self.cursor = Some(target);
    }

    /// The bytes that scroll `band`: DECLRMM the first time margins are used, DECSTBM,
    /// DECSLRM with margins, SU/SD or DL/IL, then the margins reset (`CSI s` is DECSLRM
    /// with its defaults while DECLRMM is on) and the region reset.
    fn scroll_sequence(&self, band: &Scroll) -> Vec<u8> {
        let mut out = Vec::new();
        let n = band.lines.unsigned_abs();
        let count = if n == 1 { String::new() } else { n.to_string() };
        if band.columns.is_some() && !self.margin_mode {
            out.extend_from_slice(b"\x1b[?69h");
        }
        let (rows, up) = (&band.rows, band.lines > 0);
        out.extend_from_slice(format!("\x1b[{};{}r", rows.start + 1, rows.end).as_bytes());
        if let Some(columns) = &band.columns {
            out.extend_from_slice(
                format!("\x1b[{};{}s", columns.start + 1, columns.end).as_bytes(),
            );
        }
        let op = match (self.method, up) {
            (ScrollMethod::ScrollUpDown, true) => format!("\x1b[{count}S"),
            (ScrollMethod::ScrollUpDown, false) => format!("\x1b[{count}T"),
            // DECSTBM puts the cursor home; DL and IL work from the cursor's line.
            (_, up) => format!(
                "\x1b[{}H\x1b[{count}{}",
                if rows.start == 0 {
                    String::new()
                } else {
                    format!("{}", rows.start + 1)
                },
                if up { 'M' } else { 'L' }
            ),
        };
        out.extend_from_slice(op.as_bytes());
        if band.columns.is_some() {
            out.extend_from_slice(b"\x1b[s");
        }
        out.extend_from_slice(b"\x1b[r");
        out
    }

    /// Whether the text pane's `columns` of `rows` can be scrolled inside left/right
    /// margins: margins are allowed, the pane is not the whole width, and no character
    /// lies across a margin (terminals differ on what scrolling half of one does).
    fn margins_fit(&self, rows: &Range<u16>, cols: &Range<u16>) -> bool {
        let area = self.screen.area;
        if !self.margins
            || self.method != ScrollMethod::ScrollUpDown
            || cols.len() < 2
            || (cols.start <= area.left() && cols.end >= area.right())
        {
            return false;
        }
        rows.clone().all(|y| {
            [cols.start, cols.end].into_iter().all(|edge| {
                (edge.saturating_sub(4)..edge).all(|x| {
                    self.screen.cell((x, y)).is_none_or(|cell| {
                        // A character of uncertain width just before the edge may be
                        // drawn two columns wide.
                        let width = match advance(cell) {
                            Some(_) => columns(cell),
                            None => columns(cell).max(2),
                        };
                        x + width <= edge
                    })
                })
            })
        })
    }

    /// Scrolls `band` of the terminal; `moved` is the copy of the screen shifted with it.
    fn scroll(&mut self, band: &Scroll, moved: Buffer) {
        if self.pen != Some(Pen::DEFAULT) {
            // Rows scrolled in are blank in the current background colour.
            sgr(self.pen, Pen::DEFAULT, &mut self.queued);
            self.pen = Some(Pen::DEFAULT);
        }
        let bytes = self.scroll_sequence(band);
        self.queued.extend_from_slice(&bytes);
        if band.columns.is_some() {
            self.margin_mode = true;
        }
        // DECSTBM and DECSLRM put the cursor home; say nothing of where it is.
        self.cursor = None;
        self.screen = moved;
    }
}

/// `screen` with `band` moved by its lines (positive: up), blank rows scrolled in; only
/// the band's columns move when it has them.
fn shifted(screen: &Buffer, band: &Scroll) -> Buffer {
    let mut out = screen.clone();
    let area = screen.area;
    let rows = band.rows.start.max(area.top())..band.rows.end.min(area.bottom());
    let columns = band.columns.clone().unwrap_or(area.left()..area.right());
    let columns = columns.start.max(area.left())..columns.end.min(area.right());
    for y in rows.clone() {
        let from = i64::from(y) + i64::from(band.lines);
        for x in columns.clone() {
            let cell = if from >= i64::from(rows.start) && from < i64::from(rows.end) {
                let fy = u16::try_from(from).unwrap_or(y);
                screen.cell((x, fy)).cloned().unwrap_or_default()
            } else {
                Cell::default()
            };
            if let Some(c) = out.cell_mut((x, y)) {
                *c = cell;
            }
        }
    }
    out
}

/// About how many bytes turning `from` into `to` costs: the cells ratatui's diff sends,
/// and a cursor move where a run of them starts.
fn cost(from: &Buffer, to: &Buffer) -> usize {
    let mut total = 0;
    let mut last: Option<(u16, u16)> = None;
    for (x, y, cell) in from.diff_iter(to) {
        total += cell.symbol().len().max(1);
        if last != Some((x.saturating_sub(1), y)) && last != Some((x.saturating_sub(2), y)) {
            total += 6;
        }
        last = Some((x, y));
    }
    total
}

impl<W: Write> Backend for Wire<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let width = self.screen.area.width.max(self.size()?.width);
        let mut content = content.peekable();
        // Columns of a row still to be written again: (row, end) left over when the diff
        // wrote a cell inside them.
        let mut owed: Option<(u16, u16)> = None;
        while let Some((x, y, cell)) = content.next() {
            // Where a character goes over part of a wide one (or of a cluster the
            // terminal drew character by character), the terminal blanks the rest of
            // that one, in a style of its choosing, or leaves part of it; ratatui's diff
            // does not send those columns when they did not change. Write them again
            // (from the copy of the screen: they did not change) unless the diff does.
            let new = columns(cell);
            let owed_end = owed.take().filter(|(oy, _)| *oy == y).map_or(0, |(_, e)| e);
            let end = (x..x.saturating_add(new))
                .filter_map(|cx| Some(cx + columns(self.screen.cell((cx, y))?)))
                .fold(x.saturating_add(new), u16::max)
                .max(owed_end)
                .min(width);
            self.print(x, y, cell, width);
            let next = content.peek().map(|(nx, ny, _)| (*nx, *ny));
            let mut cx = x.saturating_add(new);
            while cx < end {
                let Some(old) = self.screen.cell((cx, y)).cloned() else {
                    break;
                };
                let covers = columns(&old);
                if next.is_some_and(|(nx, ny)| ny == y && nx >= cx && nx < cx + covers) {
                    owed = Some((y, end));
                    break;
                }
                self.print(cx, y, &old, width);
                cx = cx.saturating_add(covers);
            }
        }
        if self.pen.is_some_and(|p| p != Pen::DEFAULT) {
            // Leave the terminal in the default style between frames, as anything else
            // written to it (the alternate screen switch, a shell after a crash) expects.
            self.queued.extend_from_slice(b"\x1b[m");
            self.pen = Some(Pen::DEFAULT);
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown != Some(false) {
            self.queued.extend_from_slice(b"\x1b[?25l");
            self.cursor_shown = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_shown != Some(true) {
            self.queued.extend_from_slice(b"\x1b[?25h");
            self.cursor_shown = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        // Never asked of the terminal: a round trip a slow link pays for.
        Ok(self.cursor.unwrap_or_default())
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let p = position.into();
        self.move_to(p.x, p.y);
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        if self.pen != Some(Pen::DEFAULT) {
            sgr(self.pen, Pen::DEFAULT, &mut self.queued);
            self.pen = Some(Pen::DEFAULT);
        }
        let code: &[u8] = match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        };
        self.queued.extend_from_slice(code);
        if clear_type == ClearType::All {
            let size = self.size()?;
            self.screen = Buffer::empty(Rect::new(0, 0, size.width, size.height));
            self.view = None;
        } else {
            // Only whole-screen clears are used; anything else makes the copy unreliable.
            self.screen.reset();
            self.view = None;
        }
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        match self.fixed_size {
            Some(s) => Ok(s),
            None => {
                let (width, height) = crossterm::terminal::size()?;
                Ok(Size { width, height })
            }
        }
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        Ok(WindowSize {
            columns_rows: self.size()?,
            pixels: Size::default(),
        })
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.queued.is_empty() {
            self.out.write_all(&self.queued)?;
            self.written += self.queued.len() as u64;
            self.queued.clear();
        }
        self.out.flush()
    }
}

/// Draws a frame: `render` paints it, then the terminal is brought to it in as few bytes
/// as possible. `view` is the text pane the frame shows (`None` for screens without one),
/// which lets a move of a few lines be scrolled rather than drawn.
pub fn draw<W: Write>(
    terminal: &mut Terminal<Wire<W>>,
    view: Option<View>,
    render: impl FnOnce(&mut Frame),
) -> io::Result<()> {
    terminal.autoresize()?;
    let mut frame = terminal.get_frame();
    render(&mut frame);
    let backend = terminal.backend_mut();
    let last = std::mem::replace(&mut backend.view, view.clone());
    let scroll = match (&last, &view) {
        (Some(a), Some(b)) if backend.method != ScrollMethod::Off => a.scroll_to(b),
        _ => None,
    };
    if let Some((rows, pane_columns, lines)) = scroll {
        // The frame, taken out of ratatui's current buffer (no copy) while its previous
        // buffer is made what the terminal shows after the scroll.
        let next = std::mem::take(terminal.current_buffer_mut());
        let backend = terminal.backend_mut();
        let mut scrolled = None;
        if backend.screen.area == next.area {
            // The pane's columns alone where margins can be used (the navigation pane
            // beside it then stays), else whole rows; if that costs less, the scroll's own
            // bytes included, than drawing it all.
            let band = if backend.margins_fit(&rows, &pane_columns) {
                Scroll {
                    rows,
                    columns: Some(pane_columns),
                    lines,
                }
            } else {
                Scroll {
                    rows,
                    columns: None,
                    lines,
                }
            };
            let moved = shifted(&backend.screen, &band);
            let total = cost(&moved, &next) + backend.scroll_sequence(&band).len();
            if total < cost(&backend.screen, &next) {
                backend.scroll(&band, moved.clone());
                scrolled = Some(moved);
            }
        }
        match scrolled {
            // Make ratatui's previous buffer what the terminal now shows: a swap resets
            // the buffer that is not current and makes it current; the copy goes into the
            // one that ends up previous, the frame back into the current one.
            Some(moved) => {
                terminal.swap_buffers();
                *terminal.current_buffer_mut() = moved;
                terminal.swap_buffers();
                *terminal.current_buffer_mut() = next;
            }
            None => *terminal.current_buffer_mut() = next,
        }
    }
    let shown = terminal.apply_buffer()?.buffer.clone();
    terminal.backend_mut().screen = shown;
    Ok(())
}

/// Forgets what the terminal shows, so that the next frame is drawn whole: after the
/// screen was cleared behind ratatui's back (a return from Ctrl-Z).
pub(crate) fn forget<W: Write>(terminal: &mut Terminal<Wire<W>>) {
    terminal.swap_buffers();
    terminal.swap_buffers();
    terminal.backend_mut().forget();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_string())
        }
    }

    fn auto(vars: &[(&str, &str)]) -> bool {
        let term = vars.iter().find(|(k, _)| *k == "TERM").map(|(_, v)| *v);
        let method = ScrollMethod::for_terminal(true, term);
        margins_for(ScrollMargins::Auto, method, env(vars))
    }

    #[test]
    fn auto_margins_only_in_terminals_known_to_have_them() {
        let xterm = ("TERM", "xterm-256color");
        assert!(auto(&[xterm, ("XTERM_VERSION", "XTerm(390)")]));
        assert!(auto(&[xterm, ("TERM_PROGRAM", "iTerm.app")]));
        assert!(auto(&[xterm, ("TERM_PROGRAM", "WezTerm")]));
        assert!(auto(&[
            ("TERM", "xterm-ghostty"),
            ("TERM_PROGRAM", "ghostty")
        ]));
        // iTerm2 over ssh: only the LC_* variables come along.
        assert!(auto(&[xterm, ("LC_TERMINAL", "iTerm2")]));
        // Nothing known about the terminal.
        assert!(!auto(&[xterm]));
        assert!(!auto(&[xterm, ("TERM_PROGRAM", "vscode")]));
        assert!(!auto(&[xterm, ("TERM_PROGRAM", "Apple_Terminal")]));
        assert!(!auto(&[xterm, ("XTERM_VERSION", "")]));
        // Another terminal started from xterm's or iTerm2's shell inherits their
        // variables; its own TERM_PROGRAM says which it is.
        assert!(!auto(&[
            xterm,
            ("TERM_PROGRAM", "vscode"),
            ("LC_TERMINAL", "iTerm2")
        ]));
        assert!(!auto(&[
            xterm,
            ("TERM_PROGRAM", "Apple_Terminal"),
            ("XTERM_VERSION", "XTerm(390)")
        ]));
        assert!(auto(&[
            xterm,
            ("TERM_PROGRAM", "WezTerm"),
            ("XTERM_VERSION", "XTerm(390)")
        ]));
        // Inside a multiplexer the variables are the outer terminal's.
        let known = ("XTERM_VERSION", "XTerm(390)");
        assert!(!auto(&[xterm, known, ("TMUX", "/tmp/tmux-0/default,1,0")]));
        assert!(!auto(&[xterm, known, ("STY", "1234.pts-0.host")]));
        assert!(!auto(&[("TERM", "tmux-256color"), known]));
        assert!(!auto(&[("TERM", "screen-256color"), known]));
        assert!(!auto(&[
            ("TERM", "screen.xterm-256color"),
            ("LC_TERMINAL", "iTerm2")
        ]));
        // Terminals that get no SU/SD, or no scroll regions at all.
        assert!(!auto(&[("TERM", "linux"), known]));
        assert!(!auto(&[("TERM", "vt100"), known]));
        assert!(!auto(&[("TERM", "dumb"), known]));
        assert!(!auto(&[known]));
    }

    #[test]
    fn margins_on_and_off_override_the_environment_but_not_the_method() {
        let none = env(&[]);
        assert!(margins_for(
            ScrollMargins::On,
            ScrollMethod::ScrollUpDown,
            &none
        ));
        assert!(!margins_for(
            ScrollMargins::On,
            ScrollMethod::DeleteInsert,
            &none
        ));
        assert!(!margins_for(ScrollMargins::On, ScrollMethod::Off, &none));
        let xterm = env(&[("XTERM_VERSION", "XTerm(390)")]);
        assert!(!margins_for(
            ScrollMargins::Off,
            ScrollMethod::ScrollUpDown,
            &xterm
        ));
        // Scroll regions turned off in the settings: no scrolling, no margins.
        let method = ScrollMethod::for_terminal(false, Some("xterm"));
        assert!(!margins_for(ScrollMargins::On, method, &xterm));
        // Wire takes margins only with SU/SD, whatever it is told.
        let w = Wire::new(Vec::new(), ScrollMethod::DeleteInsert).with_margins(true);
        assert!(!w.margins);
    }

    fn band(columns: Option<Range<u16>>, lines: i32) -> Scroll {
        Scroll {
            rows: 0..23,
            columns,
            lines,
        }
    }

    #[test]
    fn the_margin_scroll_turns_the_mode_on_once_and_resets_both_margins() {
        let mut w = Wire::with_size(Vec::new(), ScrollMethod::ScrollUpDown, Size::new(80, 24))
            .with_margins(true);
        w.screen = Buffer::empty(Rect::new(0, 0, 80, 24));
        let first = w.scroll_sequence(&band(Some(30..80), 1));
        assert_eq!(first, b"\x1b[?69h\x1b[1;23r\x1b[31;80s\x1b[S\x1b[s\x1b[r");
        let b = band(Some(30..80), 1);
        let moved = shifted(&w.screen, &b);
        w.scroll(&b, moved);
        let second = w.scroll_sequence(&band(Some(30..80), -3));
        assert_eq!(second, b"\x1b[1;23r\x1b[31;80s\x1b[3T\x1b[s\x1b[r");
        // Whole rows never set margins, nor reset them with `CSI s`.
        let rows = w.scroll_sequence(&band(None, 2));
        assert_eq!(rows, b"\x1b[1;23r\x1b[2S\x1b[r");
        // After the terminal was given back, the mode is turned on again.
        w.forget();
        assert!(
            w.scroll_sequence(&band(Some(30..80), 1))
                .starts_with(b"\x1b[?69h")
        );
    }

    #[test]
    fn margins_are_not_used_across_a_wide_character_or_over_the_whole_width() {
        let mut w = Wire::with_size(Vec::new(), ScrollMethod::ScrollUpDown, Size::new(20, 5))
            .with_margins(true);
        let mut screen = Buffer::empty(Rect::new(0, 0, 20, 5));
        screen[(5u16, 2u16)].set_symbol("中");
        w.screen = screen.clone();
        assert!(w.margins_fit(&(0..4), &(8..20)));
        assert!(w.margins_fit(&(0..4), &(7..20)));
        assert!(!w.margins_fit(&(0..4), &(6..20)), "中 lies across column 6");
        assert!(
            !w.margins_fit(&(0..4), &(0..20)),
            "the whole width needs no margins"
        );
        assert!(w.margins_fit(&(3..4), &(6..20)), "not in those rows");
        assert!(
            !w.margins_fit(&(0..4), &(2..6)),
            "中 spills past the right margin"
        );
        let narrow = Wire::with_size(Vec::new(), ScrollMethod::ScrollUpDown, Size::new(20, 5));
        assert!(
            !narrow.margins_fit(&(0..4), &(8..20)),
            "margins not allowed"
        );
    }

    #[test]
    fn a_margin_scroll_moves_only_the_columns_inside() {
        let mut screen = Buffer::empty(Rect::new(0, 0, 6, 4));
        for y in 0..4u16 {
            for x in 0..6u16 {
                let c = char::from(b'a' + u8::try_from(y * 6 + x).unwrap_or(0));
                screen[(x, y)].set_symbol(&c.to_string());
            }
        }
        let moved = shifted(
            &screen,
            &Scroll {
                rows: 0..3,
                columns: Some(2..5),
                lines: 1,
            },
        );
        let rows: Vec<String> = (0..4u16)
            .map(|y| {
                (0..6u16)
                    .map(|x| moved[(x, y)].symbol().to_string())
                    .collect()
            })
            .collect();
        assert_eq!(rows, ["abijkf", "ghopql", "mn   r", "stuvwx"]);
    }
}
