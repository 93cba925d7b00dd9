//! Drawing: reads the [`App`] and paints a ratatui [`Buffer`]. No state changes, no
//! layout of text here — the lines come laid out from [`crate::layout`].

pub mod library;

pub(crate) mod theme;

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
use crate::text::truncate::{truncate, truncate_start};
use crate::text::width::grapheme_width;
use crate::view::action::Action;
use crate::view::app::{App, NavKind};
use crate::view::search::count_matches;
use crate::view::status::{Part, SEPARATOR};

pub use theme::Theme;

/// Writes `text` at (`x`, `y`) in `style`, never past column `right` (exclusive) and never
/// cutting a wide character in half. Returns the column after the last character
/// written. See [`put_str_after`]; a zero-width cluster at the start of `text` goes on
/// the next character.
pub(crate) fn put_str(
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

/// [`put_str`] for a line that may not fit: cut to the columns from `x` to `right` with
/// an ellipsis at its end ([`truncate`]), so that a title or header never stops
/// mid-word without a sign that more was there. Returns the column after the last cell
/// written.
pub(crate) fn put_cut(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    right: u16,
    text: &str,
    style: Style,
    ambiguous: AmbiguousWidth,
) -> u16 {
    let room = usize::from(right.min(buf.area.right()).saturating_sub(x));
    let (cut, _) = truncate(text, room, ambiguous);
    put_str(buf, x, y, right, &cut, style, ambiguous)
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
pub(crate) fn put_str_after(
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
    for g in crate::text::width::clusters(text) {
        let w = crate::text::width::grapheme_width(g, ambiguous);
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
pub(crate) fn fill(buf: &mut Buffer, area: Rect, style: Style) {
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
    if let Some(cursor) = app.mode().findings_selected() {
        render_findings(
            app,
            theme,
            buf,
            Rect::new(0, 0, area.width, g.text.height.max(1)),
            cursor,
        );
    }
    if let Some(offset) = app.mode().help_scroll() {
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
    // A finding jumped to is marked first (it wins over a search match at its place).
    let mut out: Vec<(Range<usize>, bool)> = app
        .highlight
        .iter()
        .filter(|(m, _)| m.item == item)
        .map(|(m, strong)| (m.range.clone(), *strong))
        .collect();
    let Some(search) = &app.search else {
        return out;
    };
    let start = search.matches.partition_point(|m| m.item < item);
    out.extend(
        search.matches[start..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.item == item)
            .map(|(i, m)| (m.range.clone(), search.current == Some(start + i))),
    );
    out
}

fn render_text_pane(app: &App, theme: &Theme, buf: &mut Buffer, pane: Rect, column: Rect) {
    fill(buf, pane, theme.body);
    let amb = app.config.text.ambiguous_width;
    // The entry the last `}`/`{` reached: a marker in the margin beside its first line.
    if let Some(line) = app
        .reached
        .and_then(|i| app.nav_entries.get(i))
        .and_then(|e| app.layout.item_start(e.item))
        && column.x > pane.x
        && (app.top..app.top + usize::from(pane.height)).contains(&line)
    {
        let y = pane.y + u16::try_from(line - app.top).unwrap_or(0);
        put_str(
            buf,
            column.x - 1,
            y,
            column.x,
            "▶",
            theme.nav_current,
            // Drawn only where it is one column wide.
            amb,
        );
    }
    for row in 0..pane.height {
        let index = app.top + usize::from(row);
        let Some(pos) = app.layout.pos(&app.article, index) else {
            break;
        };
        let y = pane.y + row;
        let matches = item_matches(app, pos.item);
        let inline = app
            .items
            .get(pos.item)
            .map_or(&[][..], |it| crate::layout::item_styles(&app.article, it));
        // The style of the source byte at `offset`: the role's with the inline styles
        // there (bold, italics) laid over it, or a (current) match's, which keeps them.
        let styled = |style: Style, offset: usize| {
            let at = crate::article::styles_at(inline, offset);
            match matches.iter().find(|(r, _)| r.contains(&offset)) {
                Some((_, true)) => theme.inline(theme.current_match, at),
                Some((_, false)) => theme.inline(style, at).patch(theme.search_match),
                None => theme.inline(style, at),
            }
        };
        let mut x = column.x;
        for span in app.layout.spans(&app.article, index) {
            let style = theme.role(span.role);
            match &span.src {
                Some(src)
                    if (!matches.is_empty() || !inline.is_empty())
                        && span.role != Role::Notation
                        && one_for_one(app, pos.item, src, &span.text) =>
                {
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

/// Whether `shown` stands one for one for the characters of the item's source `src`
/// (not so for a phrase the script conversion shows in another length, which is
/// styled as a whole, as notation is).
fn one_for_one(app: &App, item: usize, src: &std::ops::Range<usize>, shown: &str) -> bool {
    let Some((text, credit)) = app
        .items
        .get(item)
        .map(|it| crate::layout::item_text(&app.article, it))
    else {
        return true;
    };
    let count = |s: Option<&str>| s.map_or(0, |s| s.chars().count());
    let n = if src.start >= text.len() {
        count(credit.and_then(|c| c.get(src.start - text.len()..src.end - text.len())))
    } else {
        count(text.get(src.clone()))
    };
    n == shown.chars().count()
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
    use crate::layout::classes::{end_prohibited, start_prohibited};
    let indent = if width > indent + 2 { indent } else { 0 };
    let first = |g: &str| g.chars().next();
    let last = |g: &str| g.chars().next_back();
    let mut rows: Vec<String> = Vec::new();
    // The row being filled, cluster by cluster (after its indent).
    let mut row: Vec<&str> = Vec::new();
    let mut used = 0;
    let prefix = |rows: &Vec<String>| {
        if rows.is_empty() {
            String::new()
        } else {
            " ".repeat(indent)
        }
    };
    let mut at = 0;
    for g in crate::text::width::clusters(text) {
        let rest = &text[at..];
        at += g.len();
        let w = grapheme_width(g, amb);
        if used + w > width && !row.is_empty() {
            if rows.len() + 1 == max_rows {
                // Out of rows: the last one, with what is left, cut with an ellipsis.
                let last_row = prefix(&rows) + &row.concat() + rest;
                rows.push(truncate(&last_row, width, amb).0.into_owned());
                return rows;
            }
            // The prohibition rules (clreq §3.1.7, GB/T 15834): a closing mark never
            // starts the next row and an opening mark never ends this one; up to two
            // clusters go down with it, never the whole row.
            let mut carry = 0;
            while carry < 2 && row.len() > carry + 1 {
                let next = if carry == 0 {
                    g
                } else {
                    row[row.len() - carry]
                };
                let end = row[row.len() - carry - 1];
                let bad = first(next).is_some_and(start_prohibited)
                    || last(end).is_some_and(|c| end_prohibited(c, Default::default()));
                if !bad {
                    break;
                }
                carry += 1;
            }
            let moved = row.split_off(row.len() - carry);
            rows.push(prefix(&rows) + &row.concat());
            row = moved;
            used = indent + row.iter().map(|g| grapheme_width(g, amb)).sum::<usize>();
            if row.is_empty() && g.trim().is_empty() && at < text.len() {
                // A space where the row breaks is not carried to the next row.
                continue;
            }
        }
        row.push(g);
        used += w;
    }
    rows.push(prefix(&rows) + &row.concat());
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
        // Article text: shown as the text pane shows it, untrusted characters as notation.
        let text =
            crate::layout::shown::shown(text, app.config.text.script, app.config.text.punctuation);
        for piece in wrap_plain(&for_terminal_line(&text), width, max_rows, 2, amb) {
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
        let marked = current == Some(i) || app.reached == Some(i);
        let marker = if marked { "▶ " } else { "  " };
        let (text, credit) = app.nav_label(e);
        let (label, style, max_rows) = match e.kind {
            NavKind::Title => (format!("{marker}{text}"), theme.title, 3),
            NavKind::Heading => (format!("{marker}{text}"), theme.heading, 1),
            NavKind::Caption => {
                // A photo's credit alone (a caption of no text) follows the marker.
                let credit = credit
                    .map(|c| {
                        if text.is_empty() {
                            c.to_string()
                        } else {
                            format!(" {c}")
                        }
                    })
                    .unwrap_or_default();
                (format!("{marker}▲ {text}{credit}"), theme.caption, 1)
            }
        };
        let style = if marked {
            style.patch(theme.nav_current)
        } else {
            style
        };
        // The kicker above the title, the subtitle and byline under it.
        if e.kind == NavKind::Title
            && let Some(kicker) = &app.article.kicker
        {
            push(&format!("  {}", kicker.text), theme.banner, None, 2);
        }
        push(&label, style, Some(i), max_rows);
        if e.kind == NavKind::Title
            && let Some(subtitle) = &app.article.subtitle
        {
            push(&format!("  {}", subtitle.text), theme.byline, None, 2);
        }
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
    let show_cursor = app.mode().nav_focused();
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
    // A prompt being typed (search, source line) takes the whole bar.
    let prompt = if let (Some(prompt), Some(search)) = (app.mode().search_prompt(), &app.search) {
        let (before, after) = search.query.split_at(prompt.cursor.min(search.query.len()));
        let folds = app.config.search.describe();
        let folds = if folds.is_empty() {
            String::new()
        } else {
            format!("  [{folds}]")
        };
        let sign = search.sign();
        let after = format!(
            "▏{} {}{folds}",
            for_terminal_line(after),
            // Still looking through a large article: the count so far.
            count_matches(search.matches.len(), app.search_pending()),
        );
        // The cursor stays in sight: a query longer than the bar loses its start
        // (shown as "…"), keeping a third of the bar, at most, for what follows.
        let width = usize::from(area.width);
        let tail_room = str_width(&after, amb).min(width / 3);
        let query_room = width.saturating_sub(1).saturating_sub(tail_room);
        let before = for_terminal_line(before);
        let (before, _) = truncate_start(&before, query_room, amb);
        Some(format!("{sign}{before}{after}"))
    } else {
        app.mode()
            .line_input()
            .map(|input| format!(":{input}▏  go to source line N or N:C (Esc cancels)"))
    };
    if let Some(prompt) = prompt {
        put_cut(
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
    let placed = app.status_bar(usize::from(area.width));
    let mut prev_end: Option<u16> = None;
    for p in &placed {
        let x = area.x + u16::try_from(p.x).unwrap_or(u16::MAX);
        if let Some(end) = prev_end.filter(|_| p.part != Part::Position) {
            // The separator between two pieces on the left.
            put_str(buf, end, area.y, x, SEPARATOR, theme.status, amb);
        }
        let style = match p.part {
            Part::Message | Part::Focus => theme.status_message,
            _ => theme.status,
        };
        let end = put_str(buf, x, area.y, area.right(), &p.text, style, amb);
        prev_end = Some(end);
    }
}

/// Where a finding stands in the findings list: " LINE:COL ", with the file inside the
/// opened one first when it is in one (an EPUB's chapter, "OEBPS/ch2.xhtml:12:5"), as
/// `yuedu check` prints it (the name made safe for the terminal).
fn finding_place(f: &crate::check::FindingRef<'_>) -> String {
    match f.file_name {
        Some(name) => format!(" {}:{}:{:<3} ", for_terminal_line(name), f.line, f.col),
        None => format!(" {:>4}:{:<3} ", f.line, f.col),
    }
}
fn render_findings(app: &App, theme: &Theme, buf: &mut Buffer, area: Rect, cursor: usize) {
    let amb = app.config.text.ambiguous_width;
    fill(buf, area, theme.body);
    let key = |a: Action| app.keymap.first_key(a).unwrap_or_default();
    let title = format!(
        " 检查 Findings: {} of {} ({}) — {} severity, {} rule, Enter jumps, Esc closes ",
        app.findings_order.len(),
        app.findings.len(),
        app.findings_filter_label(),
        key(Action::FindingsSeverity),
        key(Action::FindingsRule),
    );
    // The list's name in the script shown, as the navigation pane's group names and the
    // library's; the findings themselves quote the source, as `yuedu check` prints them.
    let title = crate::text::convert::convert(app.config.text.script, &title);
    put_str(
        buf,
        area.x,
        area.y,
        area.right(),
        &"─".repeat(usize::from(area.width)),
        theme.border,
        AmbiguousWidth::Narrow,
    );
    put_cut(
        buf,
        area.x + 1,
        area.y,
        area.right(),
        &title,
        theme.heading,
        amb,
    );
    if app.findings_order.is_empty() {
        put_str(
            buf,
            area.x + 1,
            area.y + 1,
            area.right(),
            "none of this kind",
            theme.body,
            amb,
        );
        return;
    }
    let width = usize::from(area.width);
    // One finding: its place, severity and rule, then its message wrapped beside them
    // (under them when the terminal is narrow).
    let rows_of = |k: usize| -> (String, Vec<String>) {
        let Some(f) = app.listed_finding(k) else {
            return (String::new(), Vec::new());
        };
        let head = format!(
            "{}{:<8}{} ",
            finding_place(&f),
            f.severity.name(),
            f.rule.id()
        );
        let head_w = str_width(&head, amb);
        let message = for_terminal_line(f.message);
        let lines = if width >= head_w + 24 {
            crate::view::help::wrap(&message, width - head_w - 1, amb)
        } else {
            let mut l = vec![String::new()];
            l.extend(crate::view::help::wrap(
                &message,
                width.saturating_sub(4).max(1),
                amb,
            ));
            l
        };
        (head, lines)
    };
    let rows = usize::from(area.height.saturating_sub(1));
    // The first finding shown: as many before the cursor as fit with it.
    let mut first = cursor;
    let mut used = rows_of(cursor).1.len().max(1);
    while first > 0 {
        let h = rows_of(first - 1).1.len().max(1);
        if used + h > rows {
            break;
        }
        used += h;
        first -= 1;
    }
    let mut y = area.y + 1;
    for k in first..app.findings_order.len() {
        if y >= area.bottom() {
            break;
        }
        let Some(f) = app.listed_finding(k) else {
            break;
        };
        let (head, lines) = rows_of(k);
        let style = if k == cursor {
            theme.nav_cursor
        } else {
            theme.body
        };
        let severity_style = match f.severity {
            crate::check::Severity::Error => theme.title,
            crate::check::Severity::Warning => theme.heading,
            crate::check::Severity::Info => theme.credit,
        };
        let head_w = u16::try_from(str_width(&head, amb)).unwrap_or(u16::MAX);
        for (i, line) in lines.iter().enumerate() {
            if y >= area.bottom() {
                break;
            }
            if k == cursor {
                fill(buf, Rect::new(area.x, y, area.width, 1), theme.nav_cursor);
            }
            if i == 0 {
                let at = finding_place(&f);
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
                put_str(
                    buf,
                    x,
                    y,
                    area.right(),
                    &format!("{} ", f.rule.id()),
                    style.patch(theme.decoration),
                    amb,
                );
            }
            let x = if lines.first().is_some_and(String::is_empty) {
                area.x + 4
            } else {
                area.x + head_w
            };
            put_str(buf, x, y, area.right(), line, style, amb);
            y += 1;
        }
    }
}

/// Clears the halves of wide characters cut by an overlay's left and right edges, so
/// that no character of the text under it shows through or shifts its border.
fn clear_cut_edges(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        if area.left() > buf.area.left() {
            let cell = &mut buf[(area.left() - 1, y)];
            if unicode_width::UnicodeWidthStr::width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
        if area.right() < buf.area.right() {
            let cell = &mut buf[(area.right(), y)];
            if cell.symbol().is_empty() {
                cell.set_symbol(" ");
            }
        }
    }
}

fn render_help(app: &App, theme: &Theme, buf: &mut Buffer, area: Rect, offset: usize) {
    let amb = app.config.text.ambiguous_width;
    let layout = app.help_layout();
    let inner_w = u16::try_from(layout.width()).unwrap_or(u16::MAX);
    let w = (inner_w + 2).min(area.width);
    let height = layout.height();
    let h = (u16::try_from(height).unwrap_or(u16::MAX).saturating_add(2)).min(area.height);
    let x0 = area.x + (area.width - w) / 2;
    let y0 = area.y + (area.height - h) / 2;
    let boxed = Rect::new(x0, y0, w, h);
    // The overlay covers its rows from edge to edge: nothing of the panes under it (the
    // navigation pane's ▶, its cursor) shows in the margin beside the box.
    let band = Rect::new(area.x, y0, area.width, h);
    fill(buf, band, theme.body);
    clear_cut_edges(buf, band);
    let title = crate::text::convert::convert(app.config.text.script, " 帮助 Help — Esc closes ");
    put_str(
        buf,
        x0,
        y0,
        boxed.right(),
        &"─".repeat(usize::from(w)),
        theme.border,
        AmbiguousWidth::Narrow,
    );
    put_cut(buf, x0 + 1, y0, boxed.right(), &title, theme.heading, amb);
    let body_h = usize::from(h.saturating_sub(2));
    let offset = offset.min(height.saturating_sub(body_h));
    let step = layout.column_width + layout.gap;
    for (c, column) in layout.columns.iter().enumerate() {
        let cx = x0 + 1 + u16::try_from(c * step).unwrap_or(u16::MAX);
        let dx = cx + u16::try_from(layout.key_width + 2).unwrap_or(u16::MAX);
        for (i, (keys, desc)) in column.iter().skip(offset).take(body_h).enumerate() {
            let y = y0 + 1 + i as u16;
            put_str(buf, cx, y, boxed.right() - 1, keys, theme.heading, amb);
            put_str(buf, dx, y, boxed.right() - 1, desc, theme.body, amb);
        }
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
        if offset + body_h < height {
            put_str(buf, x0 + 1, y, boxed.right(), " ↓ more ", theme.border, amb);
        }
    }
}

#[cfg(test)]
mod tests;
