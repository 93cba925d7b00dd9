//! The help overlay's rows and the status bar's key hint, both generated from the key map,
//! and the overlay's layout in columns (as many as the width holds, so that 80×24 shows
//! every key without scrolling).

use unicode_segmentation::UnicodeSegmentation;

use crate::layout::{AmbiguousWidth, str_width};
use crate::view::action::Action;
use crate::view::app::App;
use crate::view::mode::Mode;
use crate::view::status::shorten;

/// Keys that are not in the key map: counts, the prompts' editing keys, Ctrl-Z, Ctrl-C.
pub(crate) const FIXED_ROWS: &[(&str, &str)] = &[
    ("0-9", "count: 5j, 50G, 50p"),
    ("Ctrl-A/E ← →", "/ prompt: move"),
    ("Ctrl-U/W/K", "/ prompt: delete"),
    ("↑ ↓ (in /)", "/ prompt: history"),
    ("Ctrl-Z", "suspend (fg: back)"),
    ("Ctrl-C", "quit from anywhere"),
];

/// The help overlay laid out: columns of lines, each line an entry's keys (on its first
/// line) and a part of its description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLayout {
    pub columns: Vec<Vec<(String, String)>>,
    /// Columns: of one column, of its keys.
    pub(crate) column_width: usize,
    pub(crate) key_width: usize,
    /// Between two columns.
    pub(crate) gap: usize,
}

impl HelpLayout {
    /// The rows the tallest column needs.
    pub fn height(&self) -> usize {
        self.columns.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// The width the columns take, gaps included.
    pub fn width(&self) -> usize {
        let n = self.columns.len();
        n * self.column_width + self.gap * n.saturating_sub(1)
    }
}

/// Splits `text` into lines of at most `width` columns (≥ 1), at spaces where it can;
/// a word wider than a line (a run of Chinese) is split between graphemes, never
/// through a wide character. Nothing is dropped.
pub(crate) fn wrap(text: &str, width: usize, amb: AmbiguousWidth) -> Vec<String> {
    let width = width.max(2);
    let mut words: Vec<String> = Vec::new();
    for word in text.split(' ') {
        if str_width(word, amb) <= width {
            words.push(word.to_string());
            continue;
        }
        let mut piece = String::new();
        for g in word.graphemes(true) {
            if str_width(&piece, amb) + str_width(g, amb) > width {
                words.push(std::mem::take(&mut piece));
            }
            piece.push_str(g);
        }
        words.push(piece);
    }
    let mut lines: Vec<String> = vec![String::new()];
    for word in &words {
        let Some(line) = lines.last_mut() else {
            break;
        };
        let sep = usize::from(!line.is_empty());
        if !line.is_empty() && str_width(line, amb) + sep + str_width(word, amb) > width {
            lines.push(word.clone());
        } else {
            if sep == 1 {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
        .into_iter()
        .map(|l| shorten(l.trim_end(), width, amb))
        .collect()
}

/// Lays `rows` (keys, description) out in a box at most `width` columns wide (inside
/// its border): as many columns as leave a description 22 columns, up to 3, filled in
/// order, an entry never split between columns; keys longer than the key column wrap.
pub fn help_layout(rows: &[(String, String)], width: usize, amb: AmbiguousWidth) -> HelpLayout {
    let gap = 3;
    let max_key = rows
        .iter()
        .map(|(k, _)| str_width(k, amb))
        .max()
        .unwrap_or(0);
    let max_desc = rows
        .iter()
        .map(|(_, d)| str_width(d, amb))
        .max()
        .unwrap_or(0);
    let fits = |n: usize| {
        let colw = width.saturating_sub(gap * (n - 1)) / n;
        colw >= max_key.min(12) + 2 + max_desc.min(22)
    };
    let n = (1..=3).rev().find(|&n| fits(n)).unwrap_or(1);
    let column_width = (width.saturating_sub(gap * (n - 1)) / n)
        .min(max_key + 2 + max_desc)
        .max(1);
    let key_width = max_key
        .min(column_width.saturating_sub(2 + max_desc.min(22)))
        .max(1);
    let desc_width = column_width.saturating_sub(key_width + 2).max(1);
    let entries: Vec<Vec<(String, String)>> = rows
        .iter()
        .map(|(keys, desc)| {
            let keys = wrap(keys, key_width, amb);
            let desc = wrap(desc, desc_width, amb);
            (0..keys.len().max(desc.len()))
                .map(|i| {
                    (
                        keys.get(i).cloned().unwrap_or_default(),
                        desc.get(i).cloned().unwrap_or_default(),
                    )
                })
                .collect()
        })
        .collect();
    let total: usize = entries.iter().map(Vec::len).sum();
    let per_column = total.div_ceil(n);
    let mut columns: Vec<Vec<(String, String)>> = vec![Vec::new()];
    for entry in entries {
        let full = columns
            .last()
            .is_some_and(|c| c.len() + entry.len() > per_column);
        if full && columns.len() < n && !columns.last().is_some_and(Vec::is_empty) {
            columns.push(Vec::new());
        }
        if let Some(c) = columns.last_mut() {
            c.extend(entry);
        }
    }
    HelpLayout {
        columns,
        column_width,
        key_width,
        gap,
    }
}

impl App {
    /// The rows of the help overlay: keys and what they do, from the active key map,
    /// then the keys outside it ([`FIXED_ROWS`]).
    pub(crate) fn help_rows(&self) -> Vec<(String, String)> {
        let mut rows: Vec<(String, String)> = Action::all()
            .map(|a| {
                let keys: Vec<String> = self
                    .keymap
                    .keys(a)
                    .iter()
                    .map(ToString::to_string)
                    .collect();
                let keys = if keys.is_empty() {
                    "(unbound)".to_string()
                } else {
                    keys.join(" ")
                };
                (keys, a.description().to_string())
            })
            .collect();
        rows.extend(
            FIXED_ROWS
                .iter()
                .map(|(k, d)| ((*k).to_string(), (*d).to_string())),
        );
        rows
    }

    /// The help overlay laid out for the current size (see [`help_layout`]).
    pub fn help_layout(&self) -> HelpLayout {
        let width = usize::from(self.size.0).saturating_sub(4);
        help_layout(&self.help_rows(), width, self.config.text.ambiguous_width)
    }

    /// The status bar's hint while the navigation pane has the focus.
    pub(crate) fn nav_hint(&self) -> String {
        let key = |a: Action| self.keymap.first_key(a).unwrap_or_default();
        format!(
            "▶ navigation pane: {} jumps  {} back to the text",
            key(Action::Select),
            key(Action::Cancel)
        )
    }

    /// A short hint of the most useful keys, for the status bar.
    pub(crate) fn key_hint(&self) -> String {
        [
            (Action::Help, "help"),
            (Action::NextHeading, "section"),
            (Action::Search, "search"),
            (Action::Quit, "quit"),
        ]
        .iter()
        .filter_map(|(a, label)| self.keymap.first_key(*a).map(|k| format!("{k} {label}")))
        .collect::<Vec<_>>()
        .join("  ")
    }
}

impl App {
    /// A key that means nothing in the help closes it.
    pub(super) fn update_help_key(&mut self) {
        self.close_overlay();
    }

    /// The help overlay's actions: the movement keys scroll it, anything else closes it.
    pub(super) fn update_help(&mut self, action: Action) {
        let Some(offset) = self.mode.help_scroll() else {
            return;
        };
        let page = self.page_height().saturating_sub(3).max(1);
        let scroll = match action {
            Action::ScrollDown => Some(offset + 1),
            Action::ScrollUp => Some(offset.saturating_sub(1)),
            Action::PageDown | Action::HalfPageDown => Some(offset + page),
            Action::PageUp | Action::HalfPageUp => Some(offset.saturating_sub(page)),
            Action::Top => Some(0),
            Action::Bottom => Some(usize::MAX),
            // q, Esc and the help key close it (q quits only from reading).
            _ => None,
        };
        match scroll {
            Some(o) => {
                let o = o.min(self.help_max_offset());
                if let Mode::Help { scroll, .. } = &mut self.mode {
                    *scroll = o;
                }
            }
            None => self.close_overlay(),
        }
    }

    /// The furthest the help overlay scrolls: its last page at the bottom of the box
    /// (the box is the rows plus a border above and below, at most the text pane high).
    pub(crate) fn help_max_offset(&self) -> usize {
        let rows = self.help_layout().height();
        let body = (rows + 2).min(self.page_height().max(1)).saturating_sub(2);
        rows.saturating_sub(body)
    }
}
