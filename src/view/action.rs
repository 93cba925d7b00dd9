//! What the user can ask for, named by intent. Key bindings map keys to these; the help
//! overlay and the status-bar hints are generated from them, so they cannot disagree.

use std::fmt;
use std::str::FromStr;

use crate::view::mode::ModeKind;

/// An action of the reader.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter, strum::EnumCount,
)]
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
    SearchBackward,
    NextMatch,
    PrevMatch,
    GoToPercent,
    GoToLine,
    SetMark,
    GoToMark,
    FileInfo,
    Reload,
    Edit,
    Findings,
    FindingsSeverity,
    FindingsRule,
    Help,
    Cancel,
    Quit,
}

/// Every action with its `config.toml` name and its help text, in help-overlay order.
const TABLE: &[(Action, &str, &str)] = &[
    (Action::ScrollDown, "scroll-down", "down a line"),
    (Action::ScrollUp, "scroll-up", "up a line"),
    (Action::PageDown, "page-down", "down a page"),
    (Action::PageUp, "page-up", "up a page"),
    (Action::HalfPageDown, "half-page-down", "down half a page"),
    (Action::HalfPageUp, "half-page-up", "up half a page"),
    (Action::Top, "top", "start; 50g: line 50"),
    (Action::Bottom, "bottom", "end; 50G: line 50"),
    (Action::NextHeading, "next-heading", "next section"),
    (Action::PrevHeading, "prev-heading", "previous section"),
    (Action::NextCaption, "next-caption", "next photo caption"),
    (
        Action::PrevCaption,
        "prev-caption",
        "previous photo caption",
    ),
    (Action::SwitchFocus, "switch-focus", "switch the panes"),
    (Action::Select, "select", "jump to the entry"),
    (Action::ToggleNav, "toggle-nav", "show/hide the nav pane"),
    (Action::CycleScript, "cycle-script", "next script 简繁臺港"),
    (Action::Search, "search", "search forward"),
    (Action::SearchBackward, "search-backward", "search backward"),
    (Action::NextMatch, "next-match", "next match"),
    (Action::PrevMatch, "prev-match", "previous match"),
    (Action::GoToPercent, "go-to-percent", "go to 50% (50p)"),
    (Action::GoToLine, "go-to-line", "source line :46:21"),
    (Action::SetMark, "set-mark", "mark: m + a letter"),
    (Action::GoToMark, "go-to-mark", "to mark 'a; '' back"),
    (Action::FileInfo, "file-info", "file and position"),
    (Action::Reload, "reload", "read the file again"),
    (Action::Edit, "edit", "edit ($VISUAL) here"),
    (Action::Findings, "findings", "check's findings list"),
    (
        Action::FindingsSeverity,
        "findings-severity",
        "findings: one severity",
    ),
    (Action::FindingsRule, "findings-rule", "findings: one rule"),
    (Action::Help, "help", "this help"),
    (Action::Cancel, "cancel", "close; back to text"),
    (Action::Quit, "quit", "close; else quit"),
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
    pub(crate) fn description(self) -> &'static str {
        self.row().2
    }

    /// Whether the action means something in `mode`. Reading and the navigation pane
    /// take every action (the pane takes the movement keys for its cursor and leaves the
    /// rest to the text); the lists take movement, Select, help and closing; the search
    /// prompt takes keys, not actions.
    pub(crate) fn applies_in(self, mode: ModeKind) -> bool {
        use Action::*;
        match mode {
            ModeKind::Reading | ModeKind::Nav => !matches!(self, FindingsSeverity | FindingsRule),
            ModeKind::SearchPrompt | ModeKind::LinePrompt => false,
            ModeKind::Findings => matches!(
                self,
                ScrollDown
                    | ScrollUp
                    | PageDown
                    | PageUp
                    | HalfPageDown
                    | HalfPageUp
                    | Top
                    | Bottom
                    | Select
                    | FindingsSeverity
                    | FindingsRule
                    | Help
                    | Cancel
                    | Quit
            ),
            ModeKind::Help => matches!(
                self,
                ScrollDown
                    | ScrollUp
                    | PageDown
                    | PageUp
                    | HalfPageDown
                    | HalfPageUp
                    | Top
                    | Bottom
                    | Help
                    | Cancel
                    | Quit
            ),
        }
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An action name that names no action.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown action \"{0}\"")]
pub struct UnknownAction(pub String);

impl FromStr for Action {
    type Err = UnknownAction;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Action::all()
            .find(|a| a.name() == s)
            .ok_or_else(|| UnknownAction(s.to_string()))
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
        use strum::{EnumCount, IntoEnumIterator};
        // Every variant the compiler knows, not a list kept by hand: a variant added
        // without its row fails here.
        for v in Action::iter() {
            let rows = TABLE.iter().filter(|row| row.0 == v).count();
            assert_eq!(rows, 1, "{v:?} has {rows} rows in TABLE");
        }
        assert_eq!(TABLE.len(), Action::COUNT);
        assert_eq!(Action::all().count(), Action::COUNT);
    }

    #[test]
    fn closing_and_help_apply_in_every_overlay() {
        for mode in [
            ModeKind::Reading,
            ModeKind::Nav,
            ModeKind::Findings,
            ModeKind::Help,
        ] {
            for a in [
                Action::Cancel,
                Action::Quit,
                Action::Help,
                Action::ScrollDown,
            ] {
                assert!(a.applies_in(mode), "{a} in {mode:?}");
            }
        }
        assert!(!Action::NextHeading.applies_in(ModeKind::Help));
        assert!(!Action::Search.applies_in(ModeKind::Findings));
        assert!(!Action::Quit.applies_in(ModeKind::SearchPrompt));
    }
}
