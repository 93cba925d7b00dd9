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
        self.help = match action {
            Action::ScrollDown => Some(offset + 1),
            Action::ScrollUp => Some(offset.saturating_sub(1)),
            Action::Quit => {
                self.running = false;
                None
            }
            _ => None,
        };
    }
}
