//! What the user can ask for, named by intent. Key bindings map keys to these; the help
//! overlay and the status-bar hints are generated from them, so they cannot disagree.
//! The actions with their names and help texts are the settings' vocabulary
//! (`config::keys`, re-exported here); here is where each applies.

pub use crate::config::keys::{Action, UnknownAction};
use crate::view::mode::ModeKind;

impl Action {
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

#[cfg(test)]
mod tests {
    use super::*;

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
