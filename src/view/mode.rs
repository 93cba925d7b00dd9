//! The reader's modes: what the keys act on at a moment. Each mode has its own update
//! function (`update_reading`, `update_nav`, `update_findings`, `update_help`; the
//! search prompt edits its query), and each action says in which modes it applies
//! ([`Action::applies_in`](crate::view::action::Action::applies_in)).

use crate::view::app::{App, Focus};

/// What the keys act on, the topmost first: an overlay, the search prompt, the
/// navigation pane with the focus, or the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Mode {
    /// The text pane has the focus.
    Reading,
    /// The navigation pane (beside the text or over it) has the focus.
    Nav,
    /// The search query is being typed in the status bar.
    SearchPrompt,
    /// A source line is being typed after `:`.
    LinePrompt,
    /// The findings list is open.
    Findings,
    /// The help overlay is open.
    Help,
}

impl Mode {
    /// The mode's name as the status bar and the help show it.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Reading => "text",
            Mode::Nav => "navigation",
            Mode::SearchPrompt => "search",
            Mode::LinePrompt => "line",
            Mode::Findings => "findings",
            Mode::Help => "help",
        }
    }
}

impl App {
    /// The current mode: the help over everything, then the search prompt, the findings
    /// list, the navigation pane when it has the focus and is on screen, else reading.
    pub(crate) fn mode(&self) -> Mode {
        if self.help.is_some() {
            Mode::Help
        } else if self.goto.line_prompt.is_some() {
            Mode::LinePrompt
        } else if self.search.as_ref().is_some_and(|s| s.editing) {
            Mode::SearchPrompt
        } else if self.findings_view.is_some() {
            Mode::Findings
        } else if self.focus == Focus::Nav && self.nav_shown() {
            Mode::Nav
        } else {
            Mode::Reading
        }
    }
}
