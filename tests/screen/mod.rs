//! A terminal for tests: yuedu's backend (`terminal::wire`) writing into a vt100
//! emulator, and the comparison of its text pane with the layout.
#![allow(dead_code)]

use std::num::NonZeroU16;

use ratatui::Terminal;
use ratatui::layout::Size;
use yuedu::terminal::wire::{self, ScrollMethod, View, Wire};
use yuedu::ui::{self, Theme};
use yuedu::view::app::App;

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).expect("non-zero")
}

/// yuedu's backend writing into vt100.
pub struct Screen {
    pub terminal: Terminal<Wire<Vec<u8>>>,
    pub vt: vt100::Parser,
}

impl Screen {
    pub fn new(cols: u16, rows: u16, method: ScrollMethod) -> Screen {
        let backend = Wire::with_size(Vec::new(), method, Size::new(cols, rows));
        Screen {
            terminal: Terminal::new(backend).expect("terminal"),
            vt: vt100::Parser::new(nz(rows), nz(cols), 0),
        }
    }

    pub fn draw(&mut self, app: &App, theme: &Theme) {
        wire::draw(&mut self.terminal, Some(View::of(app)), |f| {
            ui::draw(f, app, theme)
        })
        .expect("draw");
        let out = std::mem::take(self.terminal.backend_mut().writer_mut());
        if std::env::var_os("SCREEN_TRACE").is_some() {
            eprintln!("FRAME {:?}", String::from_utf8_lossy(&out));
        }
        self.vt.process(&stand_in_for_replacement(&out));
    }
}

/// What stands for U+FFFD on the way into vt100, which drops U+FFFD (as "unhandled",
/// without moving the cursor) where terminals draw it in one column: a private-use
/// character, one column too, which the layout never shows as it is.
const STAND_IN: char = '\u{E000}';

fn stand_in_for_replacement(out: &[u8]) -> Vec<u8> {
    let mut stand_in = [0u8; 4];
    let stand_in = STAND_IN.encode_utf8(&mut stand_in).as_bytes().to_vec();
    let mut v = Vec::with_capacity(out.len());
    let mut i = 0;
    while i < out.len() {
        if out[i..].starts_with("\u{FFFD}".as_bytes()) {
            v.extend_from_slice(&stand_in);
            i += 3;
        } else {
            v.push(out[i]);
            i += 1;
        }
    }
    v
}

/// The most zero-width characters in a row compared: vt100 keeps 22 bytes a cell, so
/// of a letter with two hundred marks, or a flag with its tags, it shows the first few.
const MARKS_COMPARED: usize = 3;

/// Characters without the blanks between them: a blank cell is no character. U+FFFD
/// is compared as its stand-in, a run of zero-width characters as its first few.
pub fn characters(s: &str) -> String {
    use unicode_width::UnicodeWidthChar;
    let mut out = String::new();
    let mut run = 0;
    for c in s.chars().filter(|&c| c != ' ') {
        if c.width() == Some(0) {
            run += 1;
            if run > MARKS_COMPARED {
                continue;
            }
        } else {
            run = 0;
        }
        out.push(if c == '\u{FFFD}' { STAND_IN } else { c });
    }
    out
}

/// Every row of the text pane: (what the layout placed, what the screen shows, whether
/// the screen shows it), blanks left out.
pub fn rows(app: &App, screen: &vt100::Screen) -> Vec<(String, String, bool)> {
    let g = app.geometry();
    (0..g.text.height)
        .map(|row| {
            let index = app.top + usize::from(row);
            let placed: String = app
                .layout
                .spans(&app.article, index)
                .map(|s| s.text.to_string())
                .collect();
            let y = g.text.y + row;
            // The whole pane: a zero-width character that starts a line goes on the
            // blank of the margin before it.
            let shown: String = (g.text.x..g.text.right())
                .filter_map(|x| screen.cell(y, x))
                .filter(|c| !c.is_wide_continuation())
                .map(|c| c.contents().to_string())
                .collect();
            let (placed, shown) = (characters(&placed), characters(&shown));
            let ok = placed == shown;
            (placed, shown, ok)
        })
        .collect()
}

/// The first row of the text pane whose screen differs from the layout, described.
pub fn first_difference(app: &App, screen: &vt100::Screen) -> Option<String> {
    rows(app, screen)
        .into_iter()
        .enumerate()
        .find(|(_, (_, _, ok))| !ok)
        .map(|(row, (placed, shown, _))| {
            format!(
                "row {row} (top {}): {shown:?} shown, {placed:?} placed",
                app.top
            )
        })
}

/// A drawn buffer's rows as a person sees them: one string a row, a wide character once.
pub fn buffer_rows(buf: &ratatui::buffer::Buffer) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    (0..buf.area.height)
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0;
            for x in 0..buf.area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let sym = buf[(x, y)].symbol();
                row.push_str(sym);
                skip = sym.width().saturating_sub(1);
            }
            row
        })
        .collect()
}
