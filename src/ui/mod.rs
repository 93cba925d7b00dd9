//! Drawing: reads the [`App`] and paints a ratatui [`Buffer`]. No state changes, no
//! layout of text here — the lines come laid out from [`crate::layout`].

pub mod library;
pub mod theme;

use std::num::NonZeroU16;
use std::ops::Range;

use ratatui::Frame;
use ratatui::buffer::{Buffer, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;
use unicode_segmentation::UnicodeSegmentation;

use crate::input::source::human_size;
use crate::layout::{AmbiguousWidth, Role, str_width};
use crate::text::sanitize::for_terminal_line;
use crate::text::truncate::truncate;
use crate::view::app::{App, Focus, NavKind};

pub use theme::Theme;

/// Writes `text` at (`x`, `y`) in `style`, never past column `right` (exclusive) and never
/// cutting a wide character in half. Returns the column after the last character
/// written. See [`put_str_after`]; a zero-width cluster at the start of `text` goes on
/// the next character.
pub fn put_str(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    right: u16,
    text: &str,
    style: Style,
    ambiguous: AmbiguousWidth,
) -> u16 {
    put_str_after(buf, x, x, y, right, text, style, ambiguous)
}

/// [`put_str`] of `text` cut to the columns from `x` to `right` with an ellipsis
/// ([`truncate`]): for one-line texts that may not fit (overlays).
pub fn put_cut(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    right: u16,
    text: &str,
    style: Style,
    ambiguous: AmbiguousWidth,
) -> u16 {
    let room = usize::from(right.min(buf.area.right()).saturating_sub(x));
    put_str(
        buf,
        x,
        y,
        right,
        &truncate(text, room, ambiguous).0,
        style,
        ambiguous,
    )
}

/// The widest cluster a cell is looked back for (a ZWJ sequence of emoji, drawn one by
/// one, takes two columns each).
const WIDEST_CLUSTER: u16 = 16;

/// The column of the character drawn in row `y` that ends just before `x`, not before
/// column `left`.
fn cell_before(buf: &Buffer, left: u16, x: u16, y: u16) -> Option<u16> {
    (1..=WIDEST_CLUSTER.min(x.saturating_sub(left)))
        .rev()
        .map(|w| x - w)
        .find(|&cx| buf.cell((cx, y)).is_some_and(|c| c.cell_width() == x - cx))
}

/// Makes ratatui count `cell` as `width` columns: forced where its own count of the
/// symbol (unicode-width, plus one for each halfwidth voiced mark) differs from yuedu's
/// ([`str_width`]), so its diff skips exactly the cells the character covers; forced
/// too for every cluster of several characters, which ratatui's diff would otherwise
/// follow with blanks over its second column when it holds VS16 (erasing an emoji the
/// terminal drew there). The backend blanks those columns itself, before the cluster.
fn set_width(cell: &mut ratatui::buffer::Cell, width: u16) {
    cell.set_diff_option(CellDiffOption::None);
    let several = cell.symbol().chars().nth(1).is_some();
    if (several || cell.symbol().cell_width() != width)
        && let Some(forced) = NonZeroU16::new(width)
    {
        cell.set_diff_option(CellDiffOption::ForcedWidth(forced));
    }
}

/// Writes `text` at (`x`, `y`) in `style`, never past column `right` (exclusive) and never
/// cutting a wide character in half: every grapheme cluster of `text` in a cell of its
/// own, [`str_width`] columns wide (forced where ratatui counts otherwise). A zero-width
/// cluster (a combining mark or a Hangul vowel with nothing to combine with) has no cell:
/// it joins the character before it in the row (not before column `left`), else the next
/// one — the screen shows every character the layout placed. Returns the column after
/// the last character written.
#[allow(clippy::too_many_arguments)]
pub fn put_str_after(
    buf: &mut Buffer,
    left: u16,
    x: u16,
    y: u16,
    right: u16,
    text: &str,
    style: Style,
    ambiguous: AmbiguousWidth,
) -> u16 {
    let right = right.min(buf.area.right());
    if y < buf.area.top() || y >= buf.area.bottom() {
        return x;
    }
    let left = left.max(buf.area.left());
    let mut x = x;
    let mut before = cell_before(buf, left, x, y);
    // Zero-width clusters waiting for a character to go on.
    let mut pending = String::new();
    for g in text.graphemes(true) {
        let w = str_width(g, ambiguous);
        if w == 0 {
            // Nothing before it from `left` on (a line that starts with it): the
            // character before it in the row, a blank of the margin, as a terminal
            // would put it there.
            match before.or_else(|| cell_before(buf, buf.area.left(), x, y)) {
                Some(bx) => attach(buf, bx, y, g),
                None => pending.push_str(g),
            }
            continue;
        }
        let w16 = u16::try_from(w).unwrap_or(u16::MAX);
        if x.saturating_add(w16) > right {
            break;
        }
        // A cluster that starts with zero-width characters (Hangul vowels before an
        // emoji modifier): a terminal puts those on the character before, so they go
        // there in the buffer too, where ratatui's diff will see them change.
        let lead = g
            .char_indices()
            .find(|&(_, c)| unicode_width::UnicodeWidthChar::width(c) != Some(0))
            .map_or(0, |(i, _)| i);
        let g = if lead > 0
            && let Some(bx) = before.or_else(|| cell_before(buf, buf.area.left(), x, y))
        {
            attach(buf, bx, y, &g[..lead]);
            &g[lead..]
        } else {
            g
        };
        let cell = &mut buf[(x, y)];
        if pending.is_empty() {
            cell.set_symbol(g);
        } else {
            pending.push_str(g);
            cell.set_symbol(&pending);
            pending.clear();
        }
        cell.set_style(style);
        set_width(cell, w16);
        for cx in x + 1..x + w16 {
            buf[(cx, y)].reset();
            buf[(cx, y)].set_style(style);
        }
        before = Some(x);
        x += w16;
    }
    if !pending.is_empty()
        && let Some(bx) = cell_before(buf, buf.area.left(), x, y)
    {
        // Nothing followed in `text`: the character before, wherever it is.
        attach(buf, bx, y, &pending);
    }
    x
}

/// Adds the zero-width `marks` to the character at (`x`, `y`), keeping its width.
fn attach(buf: &mut Buffer, x: u16, y: u16, marks: &str) {
    let cell = &mut buf[(x, y)];
    let width = cell.cell_width();
    let symbol = format!("{}{marks}", cell.symbol());
    cell.set_symbol(&symbol);
    set_width(cell, width);
}

/// Fills a rectangle with spaces in `style`.
pub fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            buf[(x, y)].reset();
            buf[(x, y)].set_style(style);
        }
    }
}

/// Draws the whole screen.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    render(app, theme, frame.buffer_mut(), area);
}

/// Draws the whole screen into `buf`.
pub fn render(app: &App, theme: &Theme, buf: &mut Buffer, area: Rect) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let g = app.geometry();
    render_text_pane(app, theme, buf, g.text, g.text_column);
    if let Some(nav) = g.nav {
        render_nav_pane(app, theme, buf, nav);
    }
    render_status_bar(app, theme, buf, g.status);
    if let Some(cursor) = app.findings_view {
        render_findings(
            app,
            theme,
            buf,
            Rect::new(0, 0, area.width, g.text.height.max(1)),
            cursor,
        );
    }
    if let Some(offset) = app.help {
        render_help(
            app,
            theme,
            buf,
            Rect::new(0, 0, area.width, g.text.height.max(1)),
            offset,
        );
    }
}

/// The byte ranges of the current search's matches in item `item`, with whether each is
/// the current match.
fn item_matches(app: &App, item: usize) -> Vec<(Range<usize>, bool)> {
    let Some(search) = &app.search else {
        return Vec::new();
    };
    let start = search.matches.partition_point(|m| m.item < item);
    search.matches[start..]
        .iter()
        .enumerate()
        .take_while(|(_, m)| m.item == item)
        .map(|(i, m)| (m.range.clone(), search.current == Some(start + i)))
        .collect()
}

fn render_text_pane(app: &App, theme: &Theme, buf: &mut Buffer, pane: Rect, column: Rect) {
    fill(buf, pane, theme.body);
    let amb = app.config.text.ambiguous_width;
    for row in 0..pane.height {
        let index = app.top + usize::from(row);
        let Some(pos) = app.layout.pos(&app.article, index) else {
            break;
        };
        let y = pane.y + row;
        let matches = item_matches(app, pos.item);
        // The style of the source byte at `offset`: the role's, or a (current) match's.
        let styled =
            |style: Style, offset: usize| match matches.iter().find(|(r, _)| r.contains(&offset)) {
                Some((_, true)) => theme.current_match,
                Some((_, false)) => style.patch(theme.search_match),
                None => style,
            };
        let mut x = column.x;
        for span in app.layout.spans(&app.article, index) {
            let style = theme.role(span.role);
            match &span.src {
                Some(src) if !matches.is_empty() && span.role != Role::Notation => {
                    // Shown characters stand one for one for source characters: walk
                    // both, a grapheme at a time.
                    let mut offset = src.start;
                    let source = app
                        .items
                        .get(pos.item)
                        .map(|it| crate::layout::item_text(&app.article, it));
                    for g in span.text.graphemes(true) {
                        x = put_str_after(
                            buf,
                            column.x,
                            x,
                            y,
                            column.right(),
                            g,
                            styled(style, offset),
                            amb,
                        );
                        for ch in g.chars() {
                            offset += source
                                .and_then(|(text, credit)| source_char_len(text, credit, offset))
                                .unwrap_or(ch.len_utf8());
                        }
                    }
                }
                // Notation stands for one source character as a whole.
                Some(src) => {
                    x = put_str_after(
                        buf,
                        column.x,
                        x,
                        y,
                        column.right(),
                        &span.text,
                        styled(style, src.start),
                        amb,
                    )
                }
                None => {
                    x = put_str_after(buf, column.x, x, y, column.right(), &span.text, style, amb)
                }
            }
        }
    }
}

/// The byte length of the source character at `offset` of an item (text, then credit).
fn source_char_len(text: &str, credit: Option<&str>, offset: usize) -> Option<usize> {
    if offset < text.len() {
        text[offset..].chars().next().map(char::len_utf8)
    } else {
        credit
            .and_then(|c| c.get(offset - text.len()..))
            .and_then(|s| s.chars().next())
            .map(char::len_utf8)
    }
}

/// Splits `text` into rows of at most `width` columns, at most `max_rows` of them, rows
/// after the first indented by `indent` spaces; the last row ends in … when text was
/// left over.
fn wrap_plain(
    text: &str,
    width: usize,
    max_rows: usize,
    indent: usize,
    amb: AmbiguousWidth,
) -> Vec<String> {
    let indent = if width > indent + 2 { indent } else { 0 };
    let mut rows = vec![String::new()];
    let mut used = 0;
    let graphemes: Vec<&str> = text.graphemes(true).collect();
    for (i, g) in graphemes.iter().enumerate() {
        let w = str_width(g, amb);
        if used + w > width {
            if rows.len() == max_rows {
                // Out of rows: the last one, with what is left, cut with an ellipsis.
                let mut last = rows.pop().unwrap_or_default();
                last.push_str(&graphemes[i..].concat());
                rows.push(truncate(&last, width, amb).0.into_owned());
                return rows;
            }
            rows.push(" ".repeat(indent));
            used = indent;
            if g.trim().is_empty() && i + 1 < graphemes.len() {
                // A space where the row breaks is not carried to the next row.
                continue;
            }
        }
        if let Some(row) = rows.last_mut() {
            row.push_str(g);
        }
        used += w;
    }
    rows
}

/// One row of the navigation pane: text, style, and the entry it belongs to.
struct NavRow {
    text: String,
    style: Style,
    entry: Option<usize>,
}

/// The rows of the navigation entries `window` (all of them for an ordinary article; a
/// window around the cursor for one with thousands of sections, so a frame costs what
/// the pane shows, not what the article holds).
fn nav_rows(app: &App, theme: &Theme, width: usize, window: std::ops::Range<usize>) -> Vec<NavRow> {
    let amb = app.config.text.ambiguous_width;
    let mut rows: Vec<NavRow> = Vec::new();
    let mut push = |text: &str, style: Style, entry: Option<usize>, max_rows: usize| {
        // Article text: untrusted characters shown as notation.
        for piece in wrap_plain(&for_terminal_line(text), width, max_rows, 2, amb) {
            rows.push(NavRow {
                text: piece,
                style,
                entry,
            });
        }
    };
    if let Some(b) = app.article.banner.as_ref().filter(|_| window.start == 0) {
        push(&b.text, theme.banner, None, 1);
    }
    if let Some(loading) = app.loading.filter(|_| window.start == 0) {
        // Only the beginning of a large file is read yet: the lists below are partial.
        let note = if loading.failed {
            format!("── 只读了开头 only the first {}", human_size(loading.shown))
        } else {
            format!("── 读取中 reading {}…", human_size(loading.total))
        };
        push(&note, theme.nav_group, None, 2);
    }
    let current = app.current_section();
    let mut group = None;
    for (i, e) in app
        .nav_entries
        .iter()
        .enumerate()
        .take(window.end)
        .skip(window.start)
    {
        if group != Some(e.kind) {
            match e.kind {
                NavKind::Heading => push("── 章节 Sections", theme.nav_group, None, 1),
                NavKind::Caption => push("── 图片 Photos", theme.nav_group, None, 1),
                NavKind::Title => {}
            }
            group = Some(e.kind);
        }
        let marker = if current == Some(i) { "▶ " } else { "  " };
        let (text, credit) = app.nav_label(e);
        let (label, style, max_rows) = match e.kind {
            NavKind::Title => (format!("{marker}{text}"), theme.title, 3),
            NavKind::Heading => (format!("{marker}{text}"), theme.heading, 1),
            NavKind::Caption => {
                let credit = credit.map(|c| format!(" {c}")).unwrap_or_default();
                (format!("{marker}▲ {text}{credit}"), theme.caption, 1)
            }
        };
        let style = if current == Some(i) {
            style.patch(theme.nav_current)
        } else {
            style
        };
        push(&label, style, Some(i), max_rows);
        if e.kind == NavKind::Title
            && let Some(byline) = &app.article.byline
        {
            push(&format!("  {}", byline.text), theme.byline, None, 1);
        }
    }
    rows
}

fn render_nav_pane(app: &App, theme: &Theme, buf: &mut Buffer, area: Rect) {
    fill(buf, area, Style::default());
    if area.width == 0 {
        return;
    }
    let amb = app.config.text.ambiguous_width;
    // A border on the side that faces the text.
    let border_x = area.right() - 1;
    for y in area.top()..area.bottom() {
        put_str(
            buf,
            border_x,
            y,
            area.right(),
            "│",
            theme.border,
            AmbiguousWidth::Narrow,
        );
    }
    let inner = Rect::new(area.x, area.y, area.width.saturating_sub(2), area.height);
    let height = usize::from(area.height);
    // Entries take one row or more (the title up to three, with its byline): a window of
    // two screens around the cursor always holds the rows shown.
    let window = app.nav_cursor.saturating_sub(2 * height)
        ..(app.nav_cursor + 2 * height).min(app.nav_entries.len());
    let rows = nav_rows(app, theme, usize::from(inner.width), window);
    // Keep the cursor in view.
    let cursor_row = rows
        .iter()
        .rposition(|r| r.entry == Some(app.nav_cursor))
        .unwrap_or(0);
    let first = (cursor_row + 1).saturating_sub(height);
    let show_cursor = app.focus == Focus::Nav;
    for (row, r) in rows.iter().skip(first).take(height).enumerate() {
        let y = area.y + row as u16;
        let style = if show_cursor && r.entry == Some(app.nav_cursor) {
            fill(buf, Rect::new(inner.x, y, inner.width, 1), theme.nav_cursor);
            r.style.patch(theme.nav_cursor)
        } else {
            r.style
        };
        put_str(buf, inner.x, y, inner.right(), &r.text, style, amb);
    }
}

fn render_status_bar(app: &App, theme: &Theme, buf: &mut Buffer, area: Rect) {
    if area.height == 0 {
        return;
    }
    fill(buf, area, theme.status);
    let amb = app.config.text.ambiguous_width;
    let (pct, line, total) = app.position();
    let right_text = match (app.loading, app.layout_progress()) {
        // The beginning of a large file, the rest being read.
        (Some(l), _) if l.failed => format!(" {line}/… first {} only ", human_size(l.shown)),
        (Some(l), _) => format!(" {line}/… reading {} ", human_size(l.total)),
        (None, progress) => match progress {
            // A large article still being laid out: how far that has come.
            Some(done) => format!(" {line}/… laying out {done}% "),
            None => format!(" {pct}% {line}/{total} "),
        },
    };
    if let Some(search) = app.search.as_ref().filter(|s| s.editing) {
        let n = search.matches.len();
        // Still looking through a large article: the count so far.
        let more = if app.search_pending() { "…" } else { "" };
        let prompt = format!("/{}▏ {n}{more} matches", for_terminal_line(&search.query));
        put_str(
            buf,
            area.x,
            area.y,
            area.right(),
            &prompt,
            theme.status_message,
            amb,
        );
        return;
    }
    let mut left = format!(" {}", for_terminal_line(&app.name));
    let room = usize::from(area.width).saturating_sub(str_width(&right_text, amb));
    if let Some(section) = app.current_section_name()
        && str_width(&left, amb) + 5 < room
    {
        // The section name only where a few of its characters fit.
        left.push_str(" │ ");
        left.push_str(&for_terminal_line(section));
    }
    if let Some(search) = &app.search {
        let cur = search.current.map_or(0, |c| c + 1);
        let query = for_terminal_line(&search.query);
        let more = if app.search_pending() { "…" } else { "" };
        left.push_str(&format!(" │ /{query} {cur}/{}{more}", search.matches.len()));
    }
    let right_w = str_width(&right_text, amb) as u16;
    let right_x = area.right().saturating_sub(right_w);
    let room = usize::from(right_x.saturating_sub(area.x));
    let x = put_str(
        buf,
        area.x,
        area.y,
        right_x,
        &truncate(&left, room, amb).0,
        theme.status,
        amb,
    );
    // After the name: a message, which may cover the end of the name, or else the key
    // hint where it fits whole.
    let (text, style) = match &app.message {
        Some(m) => (for_terminal_line(m).into_owned(), theme.status_message),
        None => (app.key_hint(), theme.status),
    };
    let text_w = str_width(&text, amb) as u16 + 2;
    let start = match app.message {
        Some(_) => Some(x.min(right_x.saturating_sub(text_w)).max(area.x + 1)),
        None => (x + text_w <= right_x).then_some(x),
    };
    if let Some(start) = start {
        fill(
            buf,
            Rect::new(start, area.y, right_x.saturating_sub(start), 1),
            theme.status,
        );
        put_str(buf, start + 1, area.y, right_x, &text, style, amb);
    }
    put_str(
        buf,
        right_x,
        area.y,
        area.right(),
        &right_text,
        theme.status,
        amb,
    );
}

fn render_findings(app: &App, theme: &Theme, buf: &mut Buffer, area: Rect, cursor: usize) {
    let amb = app.config.text.ambiguous_width;
    fill(buf, area, theme.body);
    let title = format!(
        " 检查 Findings ({}) — Enter jumps there, Esc closes ",
        app.findings.len()
    );
    put_str(
        buf,
        area.x,
        area.y,
        area.right(),
        &"─".repeat(usize::from(area.width)),
        theme.border,
        AmbiguousWidth::Narrow,
    );
    put_str(
        buf,
        area.x + 1,
        area.y,
        area.right(),
        &title,
        theme.heading,
        amb,
    );
    let rows = usize::from(area.height.saturating_sub(1));
    let first = (cursor + 1).saturating_sub(rows);
    for (row, (i, f)) in app
        .findings
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let y = area.y + 1 + row as u16;
        let style = if i == cursor {
            fill(buf, Rect::new(area.x, y, area.width, 1), theme.nav_cursor);
            theme.nav_cursor
        } else {
            theme.body
        };
        let severity_style = match f.severity {
            crate::check::Severity::Error => theme.title,
            crate::check::Severity::Warning => theme.heading,
            crate::check::Severity::Info => theme.credit,
        };
        let at = format!(" {:>4}:{:<3} ", f.line, f.col);
        let x = put_str(buf, area.x, y, area.right(), &at, style, amb);
        let x = put_str(
            buf,
            x,
            y,
            area.right(),
            &format!("{:<8}", f.severity.name()),
            style.patch(severity_style),
            amb,
        );
        let x = put_str(
            buf,
            x,
            y,
            area.right(),
            &format!("{} ", f.rule.id()),
            style.patch(theme.decoration),
            amb,
        );
        put_cut(
            buf,
            x,
            y,
            area.right(),
            &for_terminal_line(f.message),
            style,
            amb,
        );
    }
}

fn render_help(app: &App, theme: &Theme, buf: &mut Buffer, area: Rect, offset: usize) {
    let amb = app.config.text.ambiguous_width;
    let rows = app.help_rows();
    let key_w = rows
        .iter()
        .map(|(k, _)| str_width(k, amb))
        .max()
        .unwrap_or(0);
    let desc_w = rows
        .iter()
        .map(|(_, d)| str_width(d, amb))
        .max()
        .unwrap_or(0);
    let want_w = (key_w + desc_w + 6) as u16;
    let w = want_w.min(area.width);
    let h = (rows.len() as u16 + 3).min(area.height);
    let x0 = area.x + (area.width - w) / 2;
    let y0 = area.y + (area.height - h) / 2;
    let boxed = Rect::new(x0, y0, w, h);
    fill(buf, boxed, theme.body);
    let title = " 帮助 Help — Esc closes ";
    put_str(
        buf,
        x0,
        y0,
        boxed.right(),
        &"─".repeat(usize::from(w)),
        theme.border,
        AmbiguousWidth::Narrow,
    );
    put_str(buf, x0 + 1, y0, boxed.right(), title, theme.heading, amb);
    let body_h = usize::from(h.saturating_sub(2));
    let offset = offset.min(rows.len().saturating_sub(body_h));
    for (i, (keys, desc)) in rows.iter().skip(offset).take(body_h).enumerate() {
        let y = y0 + 1 + i as u16;
        put_str(buf, x0 + 1, y, boxed.right(), keys, theme.heading, amb);
        put_cut(
            buf,
            x0 + 3 + key_w as u16,
            y,
            boxed.right(),
            desc,
            theme.body,
            amb,
        );
    }
    if h >= 2 {
        let y = boxed.bottom() - 1;
        put_str(
            buf,
            x0,
            y,
            boxed.right(),
            &"─".repeat(usize::from(w)),
            theme.border,
            AmbiguousWidth::Narrow,
        );
        if offset + body_h < rows.len() {
            put_str(buf, x0 + 1, y, boxed.right(), " ↓ more ", theme.border, amb);
        }
    }
}
