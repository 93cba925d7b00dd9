//! Drawing the library: a header, one row per article, a status line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{Theme, fill, put_cut, put_str};
use crate::input::source::human_size;
use crate::layout::{AmbiguousWidth, str_width};
use crate::text::sanitize::for_terminal_line;
use crate::text::truncate::{fit, truncate};
use crate::view::library::Library;

/// `s` cut or padded with spaces to exactly `width` columns (cut ends in …).
fn pad(s: &str, width: usize, amb: AmbiguousWidth) -> String {
    fit(s, width, amb)
}

/// Draws the library into `buf`.
pub fn render(lib: &Library, theme: &Theme, amb: AmbiguousWidth, buf: &mut Buffer, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    fill(buf, area, theme.body);
    let right = area.right();
    // Its Chinese label in the script the titles are shown in, as the reader's pane
    // labels are (文库 → 文庫); the folder's name as it is.
    let (script, punctuation) = lib.shown;
    let label = crate::layout::shown::shown("文库", script, punctuation);
    let header = format!(
        " {label} Library — {} ({} articles)",
        for_terminal_line(&lib.origin),
        lib.entries.len()
    );
    put_cut(buf, area.x, area.y, right, &header, theme.title, amb);
    let list_top = area.y + 2;
    let list_h = area.height.saturating_sub(3);
    // The file-name column: as wide as the longest name, within reason.
    let name_w = lib
        .entries
        .iter()
        .map(|e| str_width(&e.name, amb))
        .max()
        .unwrap_or(4)
        .clamp(4, 24);
    let wide = area.width >= 60;
    if area.height >= 3 {
        let columns = format!("{} sections     size findings ", pad("file", name_w, amb));
        let x = if wide {
            right.saturating_sub(str_width(&columns, amb) as u16)
        } else {
            right
        };
        if wide {
            put_str(buf, x, area.y + 1, right, &columns, theme.nav_group, amb);
        }
        put_str(
            buf,
            area.x + 1,
            area.y + 1,
            x,
            "title · authors",
            theme.nav_group,
            amb,
        );
    }
    let visible = lib.visible();
    let first = (lib.selected + 1).saturating_sub(usize::from(list_h));
    for (row, &i) in visible
        .iter()
        .skip(first)
        .take(usize::from(list_h))
        .enumerate()
    {
        let e = &lib.entries[i];
        let y = list_top + row as u16;
        let selected = first + row == lib.selected;
        let base = if selected {
            theme.nav_cursor
        } else {
            theme.body
        };
        if selected {
            fill(buf, Rect::new(area.x, y, area.width, 1), base);
        }
        let name = pad(&for_terminal_line(&e.name), name_w, amb);
        let stats = match (&e.error, e.findings) {
            (Some(_), _) => format!("{name}   unreadable"),
            // Not read yet: its size is known, the rest comes.
            (None, _) if !e.summarised => {
                format!("{name} {:>8} {:>8} {:>8}", "…", human_size(e.size), "…")
            }
            (None, f) => format!(
                "{name} {:>8} {:>8} {:>8}",
                e.sections,
                human_size(e.size),
                f.map_or_else(|| "-".to_string(), |n| n.to_string())
            ),
        };
        let stats_x = right.saturating_sub(str_width(&stats, amb) as u16 + 1);
        let stats_x = if wide { stats_x } else { right };
        let title = match &e.title {
            Some(t) => t.as_str(),
            None if !e.summarised => "(reading…)",
            None => "(no title)",
        };
        let (script, punctuation) = lib.shown;
        let title = crate::layout::shown::shown(title, script, punctuation);
        let mut label = format!(" {}", for_terminal_line(&title));
        if !e.authors.is_empty() {
            label.push_str(" · ");
            let authors = e.authors.join(" ");
            let authors = crate::layout::shown::shown(&authors, script, punctuation);
            label.push_str(&for_terminal_line(&authors));
        }
        if let Some(f) = e.format.filter(|f| *f != crate::formats::Format::Text) {
            label.push_str(" · ");
            label.push_str(f.name());
        }
        if !wide {
            label.push_str(" · ");
            label.push_str(&for_terminal_line(&e.name));
        }
        let label_right = stats_x.saturating_sub(1);
        let room = usize::from(label_right.saturating_sub(area.x));
        put_str(
            buf,
            area.x,
            y,
            label_right,
            &truncate(&label, room, amb).0,
            base.patch(theme.heading),
            amb,
        );
        if wide {
            put_str(buf, stats_x, y, right, &stats, base, amb);
        }
    }
    let status_y = area.bottom() - 1;
    if status_y > area.y {
        fill(
            buf,
            Rect::new(area.x, status_y, area.width, 1),
            theme.status,
        );
        let text = match (&lib.message, lib.filter.is_empty()) {
            (Some(m), _) => format!(" {}", for_terminal_line(m)),
            (None, false) => format!(" filter: {}▏  Esc clears", for_terminal_line(&lib.filter)),
            (None, true) => " type to filter  ↑↓ select  Enter open  q quit".to_string(),
        };
        let style = if lib.message.is_some() {
            theme.status_message
        } else {
            theme.status
        };
        put_str(buf, area.x, status_y, right, &text, style, amb);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::PunctuationDisplay;
    use crate::text::convert::Script;
    use crate::view::library::Entry;

    /// The library's screen, `cols`×6, as text without spaces (a wide character's
    /// second cell is one).
    fn drawn(lib: &Library, cols: u16) -> String {
        let area = Rect::new(0, 0, cols, 6);
        let mut buf = Buffer::empty(area);
        let theme = Theme::new(&crate::config::Config::defaults().theme, true);
        render(lib, &theme, AmbiguousWidth::Narrow, &mut buf, area);
        let mut out = String::new();
        for y in 0..6 {
            for x in 0..cols {
                out.push_str(buf[(x, y)].symbol().trim());
            }
            out.push('\n');
        }
        out
    }

    #[test]
    fn the_header_and_titles_are_in_the_script_shown() {
        let entry = Entry::summarised("a.txt", "长三角的头发", &[]);
        let mut lib = Library::new("articles".to_string(), vec![entry]);
        let as_is = drawn(&lib, 80);
        assert!(
            as_is.contains("文库") && as_is.contains("长三角的头发"),
            "{as_is}"
        );
        lib.shown = (Script::Traditional, PunctuationDisplay::AsIs);
        let traditional = drawn(&lib, 80);
        assert!(
            traditional.contains("文庫") && traditional.contains("長三角的頭髮"),
            "{traditional}"
        );
    }
}
