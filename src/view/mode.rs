//! The reader's modes: what the keys act on at a moment, held in one field,
//! [`App::mode`](crate::view::app::App::mode), the single source of truth.
//!
//! A [`Mode`] is a small stack: the pane with the focus at the bottom ([`Mode::Reading`]
//! or [`Mode::Nav`]), and the overlays opened over it ([`Mode::SearchPrompt`],
//! [`Mode::LinePrompt`], [`Mode::Findings`], [`Mode::Help`]), each holding the mode it
//! covers in `under`, which Esc (or whatever closes it) gives back. A variant carries
//! the state that exists only while it lasts: the help's scroll, the line prompt's
//! text, the findings list's selection, the search prompt's cursor, history place and
//! the search it replaced. What outlives a mode stays in [`App`]: the last search and
//! its matches (n/N), the search history, marks, the findings filter.
//!
//! The navigation pane with the focus is a variant, not a separate `focus` field: the
//! pane with the focus is what every overlay returns to, so it belongs at the bottom of
//! the same stack, and the help, the prompts and the findings list over it need no
//! second field to agree with. The pane beside the text is layout (`show_nav`, whether
//! it is drawn); the pane *opened over the text* in a narrow terminal exists only while
//! it has the focus, so it is [`Mode::Nav`]'s `over_text`, not a flag of its own.
//!
//! The stacks that occur: the pane; the pane under the findings list; either of those
//! under the help, or under a prompt (the findings list, asked for while the check ran,
//! opens under a prompt typed meanwhile). Every change of mode goes through the
//! transitions below (`open_help`, `close_overlay`, `set_pane`…); each mode has its own
//! update function (`update_reading`, `update_nav`, `update_findings`, `update_help`;
//! the prompts edit their text), dispatched by one `match` in
//! [`App::update`](crate::view::app::App::update), and each action says in which modes
//! it applies ([`Action::applies_in`](crate::view::action::Action::applies_in)).

use crate::view::app::App;
use crate::view::search::Search;

/// What the keys act on, with the state that lives only as long as it does. The
/// overlays hold the mode they cover (see the module's documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Mode {
    /// The text pane has the focus.
    #[default]
    Reading,
    /// The navigation pane has the focus: beside the text, or, `over_text`, opened
    /// over it (a terminal too narrow for two panes).
    Nav { over_text: bool },
    /// The search query is being typed in the status bar (the query and its matches
    /// are [`App::search`], which outlives the prompt).
    SearchPrompt {
        prompt: SearchPrompt,
        under: Box<Mode>,
    },
    /// A source line is being typed after `:`.
    LinePrompt { input: String, under: Box<Mode> },
    /// The findings list is open; `selected` is its row (an index into
    /// [`App::findings_order`]).
    Findings { selected: usize, under: Box<Mode> },
    /// The help overlay is open, scrolled down `scroll` rows.
    Help { scroll: usize, under: Box<Mode> },
}

/// The search prompt's own state, dropped when it closes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchPrompt {
    /// Where the cursor stands in the query, in bytes (on a character boundary).
    pub cursor: usize,
    /// The history entry shown in the prompt (Up/Down), and what was typed before.
    pub(super) history_pos: Option<usize>,
    pub(super) draft: String,
    /// The search before this prompt opened: Esc gives it back, for n/N.
    pub(super) previous: Option<Box<Search>>,
}

/// A mode's name, without its state: what the key map and the status bar ask about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter, strum::EnumCount,
)]
pub enum ModeKind {
    Reading,
    Nav,
    SearchPrompt,
    LinePrompt,
    Findings,
    Help,
}

impl ModeKind {
    /// The mode's name as the status bar says it ("does nothing in the findings list").
    pub fn name(self) -> &'static str {
        match self {
            ModeKind::Reading => "text",
            ModeKind::Nav => "navigation",
            ModeKind::SearchPrompt => "search",
            ModeKind::LinePrompt => "line",
            ModeKind::Findings => "findings",
            ModeKind::Help => "help",
        }
    }
}

impl Mode {
    /// The kind of the topmost mode: the one the keys go to.
    pub fn kind(&self) -> ModeKind {
        match self {
            Mode::Reading => ModeKind::Reading,
            Mode::Nav { .. } => ModeKind::Nav,
            Mode::SearchPrompt { .. } => ModeKind::SearchPrompt,
            Mode::LinePrompt { .. } => ModeKind::LinePrompt,
            Mode::Findings { .. } => ModeKind::Findings,
            Mode::Help { .. } => ModeKind::Help,
        }
    }

    /// The mode this one covers; `None` for a pane.
    pub fn under(&self) -> Option<&Mode> {
        match self {
            Mode::Reading | Mode::Nav { .. } => None,
            Mode::SearchPrompt { under, .. }
            | Mode::LinePrompt { under, .. }
            | Mode::Findings { under, .. }
            | Mode::Help { under, .. } => Some(under),
        }
    }

    fn under_mut(&mut self) -> Option<&mut Box<Mode>> {
        match self {
            Mode::Reading | Mode::Nav { .. } => None,
            Mode::SearchPrompt { under, .. }
            | Mode::LinePrompt { under, .. }
            | Mode::Findings { under, .. }
            | Mode::Help { under, .. } => Some(under),
        }
    }

    /// The modes from the topmost down to the pane.
    pub fn stack(&self) -> impl Iterator<Item = &Mode> {
        std::iter::successors(Some(self), |m| m.under())
    }

    /// The pane with the focus, under every overlay: [`Mode::Reading`] or [`Mode::Nav`].
    pub fn pane(&self) -> &Mode {
        self.stack().last().unwrap_or(self)
    }

    fn pane_mut(&mut self) -> &mut Mode {
        match self {
            Mode::Reading | Mode::Nav { .. } => self,
            Mode::SearchPrompt { under, .. }
            | Mode::LinePrompt { under, .. }
            | Mode::Findings { under, .. }
            | Mode::Help { under, .. } => under.pane_mut(),
        }
    }

    /// Whether the navigation pane has the focus (whatever is open over it).
    pub fn nav_focused(&self) -> bool {
        matches!(self.pane(), Mode::Nav { .. })
    }

    /// Whether the navigation pane is open over the text (a narrow terminal).
    pub fn nav_over_text(&self) -> bool {
        matches!(self.pane(), Mode::Nav { over_text: true })
    }

    /// This stack without the findings list.
    fn without_findings(self) -> Mode {
        match self {
            Mode::Findings { under, .. } => *under,
            Mode::SearchPrompt { prompt, under } => Mode::SearchPrompt {
                prompt,
                under: Box::new(under.without_findings()),
            },
            Mode::LinePrompt { input, under } => Mode::LinePrompt {
                input,
                under: Box::new(under.without_findings()),
            },
            Mode::Help { scroll, under } => Mode::Help {
                scroll,
                under: Box::new(under.without_findings()),
            },
            pane => pane,
        }
    }

    /// The help's scroll offset, when the help is open.
    pub fn help_scroll(&self) -> Option<usize> {
        match self {
            Mode::Help { scroll, .. } => Some(*scroll),
            _ => None,
        }
    }

    /// The findings list's selected row, when the list is open (under the help or a
    /// prompt too: it is drawn there).
    pub fn findings_selected(&self) -> Option<usize> {
        self.stack().find_map(|m| match m {
            Mode::Findings { selected, .. } => Some(*selected),
            _ => None,
        })
    }

    /// The line prompt's text, while it is open.
    pub fn line_input(&self) -> Option<&str> {
        match self {
            Mode::LinePrompt { input, .. } => Some(input),
            _ => None,
        }
    }

    /// The search prompt's state, while it is open.
    pub fn search_prompt(&self) -> Option<&SearchPrompt> {
        match self {
            Mode::SearchPrompt { prompt, .. } => Some(prompt),
            _ => None,
        }
    }
}

/// The transitions: the only places the mode changes.
impl App {
    /// Opens an overlay over the current mode; `make` receives the mode it covers.
    fn push_mode(&mut self, make: impl FnOnce(Box<Mode>) -> Mode) {
        let under = Box::new(std::mem::take(&mut self.mode));
        self.mode = make(under);
    }

    /// Closes the topmost overlay, giving back the mode under it; a pane stays.
    pub(super) fn close_overlay(&mut self) {
        if let Some(under) = self.mode.under_mut() {
            self.mode = std::mem::take(&mut **under);
        }
    }

    /// Gives the focus to a pane (`Mode::Reading` or `Mode::Nav`), under whatever is
    /// open over it.
    pub(super) fn set_pane(&mut self, pane: Mode) {
        debug_assert!(pane.under().is_none(), "a pane, not an overlay");
        *self.mode.pane_mut() = pane;
    }

    /// `?`: the help over the text, the navigation pane or the findings list.
    pub(super) fn open_help(&mut self) {
        self.push_mode(|under| Mode::Help { scroll: 0, under });
    }

    /// `:`: the line prompt.
    pub(super) fn open_line_prompt(&mut self) {
        self.push_mode(|under| Mode::LinePrompt {
            input: String::new(),
            under,
        });
    }

    /// `/`, Ctrl-R: the search prompt, given the search it replaces.
    pub(super) fn open_search_prompt(&mut self, previous: Option<Box<Search>>) {
        self.push_mode(|under| Mode::SearchPrompt {
            prompt: SearchPrompt {
                previous,
                ..SearchPrompt::default()
            },
            under,
        });
    }

    /// Closes the search prompt, handing back its state (`None`: it was not open).
    pub(super) fn close_search_prompt(&mut self) -> Option<SearchPrompt> {
        match std::mem::take(&mut self.mode) {
            Mode::SearchPrompt { prompt, under } => {
                self.mode = *under;
                Some(prompt)
            }
            other => {
                self.mode = other;
                None
            }
        }
    }

    /// Opens the findings list at its first row, right over the pane: under the help or
    /// a prompt when one is open (the list asked for earlier, come while it was).
    pub(super) fn open_findings_list(&mut self) {
        let pane = self.mode.pane_mut();
        let under = Box::new(std::mem::take(pane));
        *pane = Mode::Findings { selected: 0, under };
    }

    /// Closes the findings list wherever it is in the stack (the article changed).
    pub(super) fn close_findings_list(&mut self) {
        self.mode = std::mem::take(&mut self.mode).without_findings();
    }

    /// The focus leaves a navigation pane that is no longer on screen (a resize, a new
    /// version of the article without sections).
    pub(super) fn settle_pane(&mut self) {
        if matches!(self.mode.pane(), Mode::Nav { over_text: false }) && !self.nav_shown() {
            self.set_pane(Mode::Reading);
        }
    }
}
