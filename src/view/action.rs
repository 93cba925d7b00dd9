//! What the user can ask for, named by intent. Key bindings map keys to these; the help
//! overlay and the status-bar hints are generated from them, so they cannot disagree.

use std::fmt;
use std::str::FromStr;

/// An action of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    ScrollDown,
    ScrollUp,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    NextHeading,
    PrevHeading,
    NextCaption,
    PrevCaption,
    SwitchFocus,
    Select,
    ToggleNav,
    CycleScript,
    Search,
    NextMatch,
    PrevMatch,
    Reload,
    Findings,
    Help,
    Cancel,
    Quit,
}

/// Every action with its `config.toml` name and its help text, in help-overlay order.
const TABLE: &[(Action, &str, &str)] = &[
    (Action::ScrollDown, "scroll-down", "scroll down one line"),
    (Action::ScrollUp, "scroll-up", "scroll up one line"),
    (Action::PageDown, "page-down", "scroll down one page"),
    (Action::PageUp, "page-up", "scroll up one page"),
    (
        Action::HalfPageDown,
        "half-page-down",
        "scroll down half a page",
    ),
    (Action::HalfPageUp, "half-page-up", "scroll up half a page"),
    (Action::Top, "top", "go to the beginning"),
    (Action::Bottom, "bottom", "go to the end"),
    (Action::NextHeading, "next-heading", "next section heading"),
    (
        Action::PrevHeading,
        "prev-heading",
        "previous section heading",
    ),
    (Action::NextCaption, "next-caption", "next photo caption"),
    (
        Action::PrevCaption,
        "prev-caption",
        "previous photo caption",
    ),
    (
        Action::SwitchFocus,
        "switch-focus",
        "switch between the panes",
    ),
    (Action::Select, "select", "jump to the selected entry"),
    (
        Action::ToggleNav,
        "toggle-nav",
        "show or hide the navigation pane",
    ),
    (
        Action::CycleScript,
        "cycle-script",
        "show the text in the next script (简 繁 臺 港)",
    ),
    (Action::Search, "search", "search (Chinese or Latin)"),
    (Action::NextMatch, "next-match", "next search match"),
    (Action::PrevMatch, "prev-match", "previous search match"),
    (Action::Reload, "reload", "read the file again"),
    (
        Action::Findings,
        "findings",
        "list what `yuedu check` finds; Enter jumps there",
    ),
    (Action::Help, "help", "show or hide this help"),
    (Action::Cancel, "cancel", "close the overlay or the search"),
    (Action::Quit, "quit", "quit"),
];

impl Action {
    /// Every action, in the order the help overlay lists them.
    pub fn all() -> impl Iterator<Item = Action> {
        TABLE.iter().map(|row| row.0)
    }

    fn row(self) -> &'static (Action, &'static str, &'static str) {
        // Every variant has a row: `every_action_has_one_row` checks it.
        TABLE.iter().find(|row| row.0 == self).unwrap_or(&TABLE[0])
    }

    /// The name used in `config.toml` under `[keys]`.
    pub fn name(self) -> &'static str {
        self.row().1
    }

    /// A short description for the help overlay.
    pub fn description(self) -> &'static str {
        self.row().2
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Action {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Action::all()
            .find(|a| a.name() == s)
            .ok_or_else(|| format!("unknown action \"{s}\""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        for a in Action::all() {
            assert_eq!(a.name().parse::<Action>(), Ok(a));
        }
        let mut names: Vec<_> = Action::all().map(Action::name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TABLE.len());
    }

    #[test]
    fn every_action_has_one_row() {
        // A variant missing from TABLE would fall back to row 0 and share its name.
        for a in Action::all() {
            assert_eq!(a.row().0, a);
        }
        let variants = [
            Action::ScrollDown,
            Action::ScrollUp,
            Action::PageDown,
            Action::PageUp,
            Action::HalfPageDown,
            Action::HalfPageUp,
            Action::Top,
            Action::Bottom,
            Action::NextHeading,
            Action::PrevHeading,
            Action::NextCaption,
            Action::PrevCaption,
            Action::SwitchFocus,
            Action::Select,
            Action::ToggleNav,
            Action::CycleScript,
            Action::Search,
            Action::NextMatch,
            Action::PrevMatch,
            Action::Reload,
            Action::Findings,
            Action::Help,
            Action::Cancel,
            Action::Quit,
        ];
        for v in variants {
            assert_eq!(v.row().0, v, "{v:?} has no row");
        }
    }
}
