//! The help overlay's rows and the status bar's key hint, both generated from the key map.

use crate::view::action::Action;
use crate::view::app::App;

impl App {
    /// The rows of the help overlay: keys and what they do, from the active key map.
    pub fn help_rows(&self) -> Vec<(String, &'static str)> {
        let mut rows: Vec<(String, &'static str)> = Action::all()
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
                (keys, a.description())
            })
            .collect();
        rows.push(("Ctrl-C".to_string(), "quit from anywhere"));
        rows
    }

    /// The status bar's hint while the navigation pane has the focus.
    pub fn nav_hint(&self) -> String {
        let key = |a: Action| self.keymap.first_key(a).unwrap_or_default();
        format!(
            "▶ navigation pane: {} jumps  {} back to the text",
            key(Action::Select),
            key(Action::Cancel)
        )
    }

    /// A short hint of the most useful keys, for the status bar.
    pub fn key_hint(&self) -> String {
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
    /// The help overlay's actions: the movement keys scroll it, anything else closes it.
    pub(super) fn update_help(&mut self, action: Action) {
        let Some(offset) = self.help else {
            return;
        };
        let page = self.page_height().saturating_sub(3).max(1);
        self.help = match action {
            Action::ScrollDown => Some(offset + 1),
            Action::ScrollUp => Some(offset.saturating_sub(1)),
            Action::PageDown | Action::HalfPageDown => Some(offset + page),
            Action::PageUp | Action::HalfPageUp => Some(offset.saturating_sub(page)),
            Action::Top => Some(0),
            Action::Bottom => Some(usize::MAX),
            // q, Esc and the help key close it (q quits only from reading).
            _ => None,
        }
        .map(|o| o.min(self.help_max_offset()));
    }

    /// The furthest the help overlay scrolls: its last page at the bottom of the box
    /// (the box is the rows plus a border above and below, at most the text pane high).
    pub fn help_max_offset(&self) -> usize {
        let rows = self.help_rows().len();
        let body = (rows + 3).min(self.page_height().max(1)).saturating_sub(2);
        rows.saturating_sub(body)
    }
}
