//! A terminal model for the tests, exactly as large as what `ui::wire` writes: printing
//! (double-width characters too), CR, LF, CUP, CUF, CHA, SGR, DECSTBM, DECLRMM
//! (`CSI ? 69 h/l`), DECSLRM (`CSI l;r s`), SU/SD, DL/IL, ED/EL and cursor show/hide, as
//! xterm does them. vt100, the emulator the other tests read screens with, has no
//! left/right margins; this has, and panics on any other sequence, and on the cases
//! `ui::wire` must never bring about (`CSI s` with DECLRMM off, which saves the cursor
//! instead; a scroll inside margins that would cut a double-width character in two).
#![allow(dead_code)]

use unicode_width::UnicodeWidthChar;

/// A colour, as vt100 reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Colour {
    #[default]
    Default,
    Idx(u8),
    Rgb(u8, u8, u8),
}

/// The SGR state of a cell or of the pen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Attrs {
    pub fg: Colour,
    pub bg: Colour,
    pub bold: bool,
    pub dim: bool,
    pub italic: bool,
    pub underline: bool,
    pub blink: bool,
    pub inverse: bool,
    pub hidden: bool,
    pub strike: bool,
}

/// One cell of the screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Cell {
    /// What was printed there ("" if nothing, or erased).
    pub text: String,
    pub attrs: Attrs,
    /// The first column of a double-width character.
    pub wide: bool,
    /// The second column of a double-width character.
    pub continuation: bool,
}

impl Cell {
    fn blank(attrs: Attrs) -> Cell {
        Cell {
            attrs,
            ..Cell::default()
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum State {
    Ground,
    Escape,
    Csi(String),
}

/// The terminal.
#[derive(Debug, Clone)]
pub struct Term {
    cols: u16,
    rows: u16,
    grid: Vec<Vec<Cell>>,
    x: u16,
    y: u16,
    /// The cursor stands past the last column: the next character wraps first.
    pending_wrap: bool,
    pen: Attrs,
    /// The scroll region's rows, `top..bottom`.
    top: u16,
    bottom: u16,
    /// The left/right margins, `left..right`.
    left: u16,
    right: u16,
    /// DECLRMM.
    margin_mode: bool,
    pub cursor_visible: bool,
    state: State,
}

impl Term {
    pub fn new(cols: u16, rows: u16) -> Term {
        Term {
            cols,
            rows,
            grid: vec![vec![Cell::default(); usize::from(cols)]; usize::from(rows)],
            x: 0,
            y: 0,
            pending_wrap: false,
            pen: Attrs::default(),
            top: 0,
            bottom: rows,
            left: 0,
            right: cols,
            margin_mode: false,
            cursor_visible: true,
            state: State::Ground,
        }
    }

    /// A new size, keeping what fits (as vt100 does); margins back to the whole screen.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.grid
            .resize(usize::from(rows), vec![Cell::default(); usize::from(cols)]);
        for row in &mut self.grid {
            row.resize(usize::from(cols), Cell::default());
            // A double-width character cut by the new edge.
            if let Some(last) = row.last_mut()
                && last.wide
            {
                *last = Cell::default();
            }
        }
        self.cols = cols;
        self.rows = rows;
        self.top = 0;
        self.bottom = rows;
        self.left = 0;
        self.right = cols;
        self.x = self.x.min(cols - 1);
        self.y = self.y.min(rows - 1);
        self.pending_wrap = false;
    }

    pub fn size(&self) -> (u16, u16) {
        (self.cols, self.rows)
    }

    pub fn cell(&self, x: u16, y: u16) -> &Cell {
        &self.grid[usize::from(y)][usize::from(x)]
    }

    pub fn cursor(&self) -> (u16, u16) {
        (self.x, self.y)
    }

    pub fn margin_mode(&self) -> bool {
        self.margin_mode
    }

    /// Whether the scroll region and the margins are the whole screen.
    pub fn margins_reset(&self) -> bool {
        (self.top, self.bottom, self.left, self.right) == (0, self.rows, 0, self.cols)
    }

    /// The screen's text, a line per row.
    pub fn contents(&self) -> String {
        self.grid
            .iter()
            .map(|row| {
                row.iter()
                    .filter(|c| !c.continuation)
                    .map(|c| if c.text.is_empty() { " " } else { &c.text })
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn process(&mut self, bytes: &[u8]) {
        let text = std::str::from_utf8(bytes)
            .unwrap_or_else(|e| panic!("model: not UTF-8 ({e}): {bytes:?}"));
        for c in text.chars() {
            self.feed(c);
        }
    }

    fn feed(&mut self, c: char) {
        match std::mem::replace(&mut self.state, State::Ground) {
            State::Ground => match c {
                '\x1b' => self.state = State::Escape,
                '\r' => self.carriage_return(),
                '\n' => self.line_feed(),
                c if c.is_control() => panic!("model: control character {c:?}"),
                c => self.print(c),
            },
            State::Escape => match c {
                '[' => self.state = State::Csi(String::new()),
                c => panic!("model: ESC {c:?} is not something ui::wire writes"),
            },
            State::Csi(mut params) => match c {
                '0'..='9' | ';' | '?' => {
                    params.push(c);
                    self.state = State::Csi(params);
                }
                '\x40'..='\x7e' => self.csi(&params, c),
                c => panic!("model: CSI {params}{c:?} is not something ui::wire writes"),
            },
        }
    }

    /// The numbers of a CSI sequence; empty ones are `None`.
    fn numbers(params: &str) -> Vec<Option<u16>> {
        if params.is_empty() {
            return Vec::new();
        }
        params
            .split(';')
            .map(|p| {
                if p.is_empty() {
                    None
                } else {
                    Some(
                        p.parse()
                            .unwrap_or_else(|_| panic!("model: bad number {p:?}")),
                    )
                }
            })
            .collect()
    }

    fn csi(&mut self, params: &str, last: char) {
        if let Some(private) = params.strip_prefix('?') {
            let on = match last {
                'h' => true,
                'l' => false,
                c => panic!("model: CSI ?{private}{c} is not something ui::wire writes"),
            };
            match private {
                "25" => self.cursor_visible = on,
                "69" => {
                    self.margin_mode = on;
                    if !on {
                        self.left = 0;
                        self.right = self.cols;
                    }
                }
                p => panic!("model: private mode {p} is not something ui::wire sets"),
            }
            return;
        }
        let n = Self::numbers(params);
        let arg = |i: usize, default: u16| {
            n.get(i)
                .copied()
                .flatten()
                .filter(|v| *v != 0)
                .unwrap_or(default)
        };
        let count = arg(0, 1);
        match last {
            'H' => {
                assert!(n.len() <= 2, "model: CUP with {params}");
                self.x = arg(1, 1).min(self.cols) - 1;
                self.y = arg(0, 1).min(self.rows) - 1;
                self.pending_wrap = false;
            }
            'C' => {
                let edge = if self.x < self.right {
                    self.right
                } else {
                    self.cols
                };
                self.x = (self.x + count).min(edge - 1);
                self.pending_wrap = false;
            }
            'G' => {
                self.x = count.min(self.cols) - 1;
                self.pending_wrap = false;
            }
            'm' => self.sgr(&n),
            'r' => {
                let (t, b) = (arg(0, 1), arg(1, self.rows).min(self.rows));
                if t < b {
                    self.top = t - 1;
                    self.bottom = b;
                    self.home();
                }
            }
            's' => {
                assert!(
                    self.margin_mode,
                    "model: CSI {params}s with DECLRMM off saves the cursor instead of \
                     setting margins"
                );
                let (l, r) = (arg(0, 1), arg(1, self.cols).min(self.cols));
                if l < r {
                    self.left = l - 1;
                    self.right = r;
                    self.home();
                }
            }
            'S' => self.scroll(i32::from(count)),
            'T' => self.scroll(-i32::from(count)),
            'M' | 'L' => {
                assert!(
                    self.left == 0 && self.right == self.cols,
                    "model: DL/IL inside left/right margins is not something ui::wire does"
                );
                if self.y >= self.top && self.y < self.bottom {
                    let saved = self.top;
                    self.top = self.y;
                    let count = i32::from(count);
                    self.scroll(if last == 'M' { count } else { -count });
                    self.top = saved;
                    self.x = 0;
                    self.pending_wrap = false;
                }
            }
            'J' => {
                let (x, y) = (usize::from(self.x), usize::from(self.y));
                let cols = usize::from(self.cols);
                let rows = usize::from(self.rows);
                match arg(0, 0) {
                    0 => {
                        self.erase(y, x, cols);
                        for row in y + 1..rows {
                            self.erase(row, 0, cols);
                        }
                    }
                    1 => {
                        for row in 0..y {
                            self.erase(row, 0, cols);
                        }
                        self.erase(y, 0, x + 1);
                    }
                    2 => {
                        for row in 0..rows {
                            self.erase(row, 0, cols);
                        }
                    }
                    p => panic!("model: ED {p}"),
                }
            }
            'K' => {
                let (x, y) = (usize::from(self.x), usize::from(self.y));
                match arg(0, 0) {
                    0 => self.erase(y, x, usize::from(self.cols)),
                    1 => self.erase(y, 0, x + 1),
                    2 => self.erase(y, 0, usize::from(self.cols)),
                    p => panic!("model: EL {p}"),
                }
            }
            'X' => {
                // ECH: blanks `count` columns from the cursor, which stays.
                let (x, y) = (usize::from(self.x), usize::from(self.y));
                self.erase(y, x, x + usize::from(count));
            }
            c => panic!("model: CSI {params}{c} is not something ui::wire writes"),
        }
    }

    /// DECSTBM and DECSLRM put the cursor home (origin mode is never set).
    fn home(&mut self) {
        self.x = 0;
        self.y = 0;
        self.pending_wrap = false;
    }

    /// Blanks columns `from..to` of `row` in the pen's colours (as vt100 does).
    fn erase(&mut self, row: usize, from: usize, to: usize) {
        let to = to.min(usize::from(self.cols));
        if from >= to {
            return;
        }
        let attrs = self.pen;
        // A double-width character cut at either end goes whole.
        if from > 0 && self.grid[row][from].continuation {
            self.grid[row][from - 1] = Cell::blank(attrs);
        }
        if to < usize::from(self.cols) && self.grid[row][to].continuation {
            self.grid[row][to] = Cell::blank(attrs);
        }
        for cell in &mut self.grid[row][from..to] {
            *cell = Cell::blank(attrs);
        }
        self.pending_wrap = false;
    }

    fn sgr(&mut self, n: &[Option<u16>]) {
        if n.is_empty() {
            self.pen = Attrs::default();
            return;
        }
        let mut i = 0;
        let colour = |n: &[Option<u16>], i: &mut usize| -> Colour {
            let byte = |v: Option<Option<u16>>| -> u8 {
                let v = v.flatten().unwrap_or(0);
                u8::try_from(v).unwrap_or_else(|_| panic!("model: colour value {v}"))
            };
            match n.get(*i + 1).copied().flatten() {
                Some(5) => {
                    *i += 2;
                    Colour::Idx(byte(n.get(*i).copied()))
                }
                Some(2) => {
                    *i += 4;
                    Colour::Rgb(
                        byte(n.get(*i - 2).copied()),
                        byte(n.get(*i - 1).copied()),
                        byte(n.get(*i).copied()),
                    )
                }
                other => panic!("model: extended colour {other:?}"),
            }
        };
        while i < n.len() {
            let p = n[i].unwrap_or(0);
            let pen = &mut self.pen;
            match p {
                0 => *pen = Attrs::default(),
                1 => pen.bold = true,
                2 => pen.dim = true,
                3 => pen.italic = true,
                4 => pen.underline = true,
                5 | 6 => pen.blink = true,
                7 => pen.inverse = true,
                8 => pen.hidden = true,
                9 => pen.strike = true,
                30..=37 => pen.fg = Colour::Idx((p - 30) as u8),
                38 => {
                    let c = colour(n, &mut i);
                    self.pen.fg = c;
                }
                39 => pen.fg = Colour::Default,
                40..=47 => pen.bg = Colour::Idx((p - 40) as u8),
                48 => {
                    let c = colour(n, &mut i);
                    self.pen.bg = c;
                }
                49 => pen.bg = Colour::Default,
                90..=97 => pen.fg = Colour::Idx((p - 90 + 8) as u8),
                100..=107 => pen.bg = Colour::Idx((p - 100 + 8) as u8),
                p => panic!("model: SGR {p} is not something ui::wire writes"),
            }
            i += 1;
        }
    }

    fn carriage_return(&mut self) {
        self.x = if self.x >= self.left { self.left } else { 0 };
        self.pending_wrap = false;
    }

    fn line_feed(&mut self) {
        if self.y + 1 == self.bottom {
            if self.x >= self.left && self.x < self.right {
                self.scroll(1);
            }
        } else if self.y + 1 < self.rows {
            self.y += 1;
        }
        self.pending_wrap = false;
    }

    /// Scrolls the rectangle of the margins by `lines` (positive: up); the cursor stays.
    fn scroll(&mut self, lines: i32) {
        let (top, bottom) = (usize::from(self.top), usize::from(self.bottom));
        let (left, right) = (usize::from(self.left), usize::from(self.right));
        for row in &self.grid[top..bottom] {
            let cut_left = left > 0 && row[left].continuation;
            let cut_right = right < usize::from(self.cols) && row[right].continuation;
            assert!(
                !cut_left && !cut_right,
                "model: a scroll inside columns {left}..{right} cuts a double-width \
                 character in two"
            );
        }
        let height = bottom - top;
        let n = usize::try_from(lines.unsigned_abs())
            .unwrap_or(usize::MAX)
            .min(height);
        // Rows scrolled in are blank in the pen's background colour (xterm's bce).
        let blank = Cell::blank(Attrs {
            bg: self.pen.bg,
            ..Attrs::default()
        });
        let old: Vec<Vec<Cell>> = self.grid[top..bottom]
            .iter()
            .map(|r| r[left..right].to_vec())
            .collect();
        for (i, row) in self.grid[top..bottom].iter_mut().enumerate() {
            let from = if lines > 0 {
                i.checked_add(n).filter(|f| *f < height)
            } else {
                i.checked_sub(n)
            };
            let new = match from {
                Some(f) => old[f].clone(),
                None => vec![blank.clone(); right - left],
            };
            row[left..right].clone_from_slice(&new);
        }
    }

    fn print(&mut self, c: char) {
        let width = c.width().unwrap_or_else(|| panic!("model: control {c:?}"));
        let edge = if self.x < self.right {
            self.right
        } else {
            self.cols
        };
        if width == 0 {
            // A combining character goes with the one before.
            let (x, y) = (usize::from(self.x), usize::from(self.y));
            let at = if self.pending_wrap {
                x
            } else {
                x.saturating_sub(1)
            };
            let at = if self.grid[y][at].continuation {
                at.saturating_sub(1)
            } else {
                at
            };
            self.grid[y][at].text.push(c);
            return;
        }
        let width = u16::try_from(width).unwrap_or(2);
        if self.pending_wrap || self.x + width > edge {
            // Autowrap: to the next line's first column inside the margins.
            self.x = if self.x >= self.left { self.left } else { 0 };
            self.pending_wrap = false;
            self.line_feed();
        }
        let (x, y) = (usize::from(self.x), usize::from(self.y));
        let pen = self.pen;
        let row = &mut self.grid[y];
        // A double-width character partly overwritten goes whole (its first half keeps
        // its colours, the second takes the pen's, as in vt100).
        if row[x].continuation && x > 0 {
            let attrs = row[x - 1].attrs;
            row[x - 1] = Cell::blank(attrs);
        }
        let end = x + usize::from(width);
        if end < row.len() && row[end].continuation {
            row[end] = Cell::blank(pen);
        }
        row[x] = Cell {
            text: c.to_string(),
            attrs: pen,
            wide: width == 2,
            continuation: false,
        };
        if width == 2 {
            row[x + 1] = Cell {
                text: String::new(),
                attrs: pen,
                wide: false,
                continuation: true,
            };
        }
        if self.x + width >= edge {
            self.x = edge - 1;
            self.pending_wrap = true;
        } else {
            self.x += width;
        }
    }
}
