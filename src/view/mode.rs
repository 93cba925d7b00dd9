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
//! update function (`update_reading`, `update_nav`, `update_findings`, `update_help`,
//! and the prompts' `update_search_prompt` and `update_line_prompt`, which edit their
//! text and so take keys, not actions), dispatched by one `match` in `App::update_mode`,
//! and each action says in which modes it applies
//! ([`Action::applies_in`](crate::view::action::Action::applies_in)).

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
    pub(crate) cursor: usize,
    /// The history entry shown in the prompt (Up/Down), and what was typed before.
    pub(super) history_pos: Option<usize>,
    pub(super) draft: String,
    /// The search before this prompt opened: Esc gives it back, for n/N.
    pub(super) previous: Option<Box<Search>>,
}

/// A mode's name, without its state: what the key map and the status bar ask about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter)]
pub(crate) enum ModeKind {
    Reading,
    Nav,
    SearchPrompt,
    LinePrompt,
    Findings,
    Help,
}

impl ModeKind {
    /// Whether the mode edits a text (the search and line prompts): its update takes
    /// every key itself, never through the key map.
    pub(crate) fn edits_text(self) -> bool {
        matches!(self, ModeKind::SearchPrompt | ModeKind::LinePrompt)
    }

    /// The mode's name as the status bar says it ("does nothing in the findings list").
    pub(crate) fn name(self) -> &'static str {
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
    pub(crate) fn kind(&self) -> ModeKind {
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
    pub(crate) fn under(&self) -> Option<&Mode> {
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
    pub(crate) fn stack(&self) -> impl Iterator<Item = &Mode> {
        std::iter::successors(Some(self), |m| m.under())
    }

    /// The pane with the focus, under every overlay: [`Mode::Reading`] or [`Mode::Nav`].
    pub(crate) fn pane(&self) -> &Mode {
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
    pub(crate) fn nav_focused(&self) -> bool {
        matches!(self.pane(), Mode::Nav { .. })
    }

    /// Whether the navigation pane is open over the text (a narrow terminal).
    pub(crate) fn nav_over_text(&self) -> bool {
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
    pub(crate) fn line_input(&self) -> Option<&str> {
        match self {
            Mode::LinePrompt { input, .. } => Some(input),
            _ => None,
        }
    }

    /// The search prompt's state, while it is open.
    pub(crate) fn search_prompt(&self) -> Option<&SearchPrompt> {
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

#[cfg(test)]
mod tests {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use strum::IntoEnumIterator;

    use super::*;
    use crate::config::Config;
    use crate::view::action::Action;
    use crate::view::app::app_for;
    use crate::view::keymap::Key;

    /// The reader on the shipped article (sections and photo captions) at `cols`×30,
    /// its check's findings in hand.
    fn app(cols: u16) -> App {
        let src = crate::formats::load(None, Default::default()).expect("the shipped article");
        let article = crate::formats::text::parse(crate::input::source::SHIPPED_ARTICLE);
        let config = Config::defaults();
        let findings = crate::check::check_source(&src, &article, &config.check);
        let mut app = app_for(article, "yuyao.txt", config, (cols, 30)).expect("default keys");
        app.findings = findings;
        app
    }

    fn press(app: &mut App, keys: &str) {
        for c in keys.chars() {
            let code = match c {
                '\n' => KeyCode::Enter,
                '\t' => KeyCode::Tab,
                '\x1b' => KeyCode::Esc,
                '\x08' => KeyCode::Backspace,
                c => KeyCode::Char(c),
            };
            app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        }
    }

    /// The kinds of the stack, topmost first.
    fn kinds(app: &App) -> Vec<ModeKind> {
        app.mode().stack().map(Mode::kind).collect()
    }

    use ModeKind::{Findings, Help, LinePrompt, Nav, Reading, SearchPrompt};

    #[test]
    fn each_overlay_opens_over_the_pane_and_esc_gives_the_pane_back() {
        // From the text and from the navigation pane, beside the text (100 columns) and
        // over it (40 columns): Esc closes the overlay and the same pane has the focus.
        for (cols, pane) in [(100, ""), (100, "\t"), (40, "\t")] {
            for (open, kind) in [
                ("?", Help),
                ("!", Findings),
                ("/", SearchPrompt),
                (":", LinePrompt),
            ] {
                let mut a = app(cols);
                press(&mut a, pane);
                let before = a.mode().clone();
                press(&mut a, open);
                let under = before.kind();
                assert_eq!(kinds(&a), [kind, under], "{open} at {cols} from {under:?}");
                press(&mut a, "\x1b");
                assert_eq!(
                    a.mode(),
                    &before,
                    "Esc in {kind:?} at {cols} from {under:?}"
                );
                assert!(a.running);
            }
        }
        // Esc from the panes: the navigation pane gives the focus back; the text stays.
        for cols in [100, 40] {
            let mut a = app(cols);
            press(&mut a, "\t");
            assert_eq!(
                a.mode(),
                &Mode::Nav {
                    over_text: cols == 40
                }
            );
            assert!(a.nav_shown());
            press(&mut a, "\x1b");
            assert_eq!(a.mode(), &Mode::Reading);
            assert_eq!(a.nav_shown(), cols == 100, "the pane over the text closes");
            press(&mut a, "\x1b");
            assert_eq!(a.mode(), &Mode::Reading);
            assert!(a.running, "Esc never quits");
        }
    }

    #[test]
    fn the_help_over_the_findings_list_closes_back_to_it_where_it_was() {
        let mut a = app(100);
        // Low enough for the help to scroll.
        a.resize(100, 12);
        press(&mut a, "\t!jj");
        assert_eq!(kinds(&a), [Findings, Nav]);
        assert_eq!(a.mode().findings_selected(), Some(2));
        press(&mut a, "?j");
        assert_eq!(kinds(&a), [Help, Findings, Nav]);
        assert_eq!(
            a.mode().help_scroll(),
            Some(1),
            "j scrolls the help, not the list"
        );
        // Drawn under the help, the list keeps its row.
        assert_eq!(a.mode().findings_selected(), Some(2));
        // q closes the help only; then the list; then the pane; then quits.
        press(&mut a, "q");
        assert_eq!(kinds(&a), [Findings, Nav]);
        assert_eq!(a.mode().findings_selected(), Some(2));
        press(&mut a, "q");
        assert_eq!(kinds(&a), [Nav]);
        press(&mut a, "q");
        assert_eq!(kinds(&a), [Reading]);
        assert!(a.running);
        press(&mut a, "q");
        assert!(!a.running);
    }

    #[test]
    fn a_key_that_means_nothing_closes_the_help_and_is_said_elsewhere() {
        let mut a = app(100);
        // `z` is bound to nothing: in the text the status bar says so.
        press(&mut a, "z");
        assert_eq!(kinds(&a), [Reading]);
        assert!(a.message.is_some());
        // Over the help it closes the help, silently, and nothing else.
        press(&mut a, "?z");
        assert_eq!(kinds(&a), [Reading]);
        assert!(a.message.is_none());
        press(&mut a, "\t?z");
        assert_eq!(kinds(&a), [Nav]);
    }

    #[test]
    fn the_line_prompt_takes_every_key_until_it_closes() {
        let mut a = app(100);
        press(&mut a, ":4?6");
        // ? is not a key of the prompt: no help over it, and the text typed is kept.
        assert_eq!(kinds(&a), [LinePrompt, Reading]);
        assert_eq!(a.mode().line_input(), Some("46"));
        // Backspace to empty, then once more: closed, back to the text.
        press(&mut a, "\x08\x08");
        assert_eq!(a.mode().line_input(), Some(""));
        press(&mut a, "\x08");
        assert_eq!(kinds(&a), [Reading]);
        // Enter jumps and closes; the help then opens over the text, not the prompt.
        press(&mut a, ":46\n");
        assert_eq!(kinds(&a), [Reading]);
        assert_eq!(a.message.as_deref(), Some("source line 46"));
        press(&mut a, "?");
        assert_eq!(kinds(&a), [Help, Reading]);
        press(&mut a, "\x1b");
        assert_eq!(kinds(&a), [Reading]);
    }

    #[test]
    fn the_search_prompt_closes_to_the_pane_it_opened_from_and_its_search_stays() {
        let mut a = app(100);
        press(&mut a, "\t/余姚");
        assert_eq!(kinds(&a), [SearchPrompt, Nav]);
        assert_eq!(
            a.mode().search_prompt().map(|p| p.cursor),
            Some("余姚".len())
        );
        press(&mut a, "\n");
        assert_eq!(kinds(&a), [Nav], "Enter: back in the navigation pane");
        let found = a.search.as_ref().map(|s| s.matches.len());
        assert!(found.is_some_and(|n| n > 1), "{found:?}");
        // A new prompt, given up with Esc: the search before it comes back for n/N.
        press(&mut a, "/长三角\x1b");
        assert_eq!(kinds(&a), [Nav]);
        assert_eq!(a.search.as_ref().map(|s| s.query.as_str()), Some("余姚"));
        // A prompt whose search went away does not keep the keys.
        press(&mut a, "/");
        a.search = None;
        press(&mut a, "x");
        assert_eq!(kinds(&a), [Nav]);
    }

    #[test]
    fn findings_that_come_while_a_prompt_is_open_open_under_it() {
        let mut a = app(100);
        let findings = std::mem::take(&mut a.findings);
        let (tx, rx) = std::sync::mpsc::channel();
        a.pending_findings = Some(rx);
        press(&mut a, "!/余");
        assert_eq!(kinds(&a), [SearchPrompt, Reading]);
        tx.send(findings).expect("send");
        a.poll_findings();
        // The prompt keeps the keys; the list is there when it closes.
        assert_eq!(kinds(&a), [SearchPrompt, Findings, Reading]);
        press(&mut a, "姚");
        assert_eq!(a.search.as_ref().map(|s| s.query.as_str()), Some("余姚"));
        press(&mut a, "\n");
        assert_eq!(kinds(&a), [Findings, Reading]);
        // A new version of the article closes the list wherever it stands.
        press(&mut a, "?");
        assert_eq!(kinds(&a), [Help, Findings, Reading]);
        let article = std::sync::Arc::clone(&a.article);
        a.replace_article(article, Default::default());
        assert_eq!(kinds(&a), [Help, Reading]);
    }

    #[test]
    fn the_pane_with_the_focus_follows_the_width_under_an_overlay() {
        // The pane beside the text, with the help over it: too narrow for two panes,
        // the focus goes back to the text; closing the help shows the text.
        let mut a = app(100);
        press(&mut a, "\t?");
        a.resize(40, 30);
        assert_eq!(kinds(&a), [Help, Reading]);
        press(&mut a, "\x1b");
        assert_eq!(a.mode(), &Mode::Reading);
        assert!(!a.nav_shown());
        // The pane over the text stays through a widening (shown beside it now); hiding
        // it there gives the focus to the text and leaves nothing over the text.
        let mut a = app(40);
        press(&mut a, "t");
        assert_eq!(a.mode(), &Mode::Nav { over_text: true });
        a.resize(100, 30);
        assert_eq!(kinds(&a), [Nav]);
        assert!(!a.geometry().nav_over_text, "beside the text");
        press(&mut a, "t");
        assert_eq!(a.mode(), &Mode::Reading);
        assert_eq!(a.geometry().nav, None);
        a.resize(40, 30);
        assert_eq!(a.geometry().nav, None);
    }

    #[test]
    fn the_status_bar_names_the_mode() {
        let mut a = app(100);
        let bar = |a: &App| {
            a.status_bar(100)
                .iter()
                .map(|p| p.text.clone())
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert!(!bar(&a).contains("navigation"), "{}", bar(&a));
        press(&mut a, "\t");
        assert!(bar(&a).starts_with("▶ navigation pane"), "{}", bar(&a));
        // A key of another mode names the mode it does nothing in.
        press(&mut a, "s");
        assert_eq!(
            a.message.as_deref(),
            Some("s (findings-severity) does nothing in the navigation list")
        );
        press(&mut a, "!]");
        assert_eq!(
            a.message.as_deref(),
            Some("] (next-heading) does nothing in the findings list")
        );
        // The search under way is in the bar once its prompt is closed, not while open.
        let mut a = app(100);
        press(&mut a, "/余姚");
        assert!(!bar(&a).contains("/余姚"), "{}", bar(&a));
        press(&mut a, "\n");
        assert!(bar(&a).contains("/余姚"), "{}", bar(&a));
    }

    /// The action that enters a mode (the text: the one that leaves the others).
    fn entered_by(kind: ModeKind) -> Action {
        match kind {
            Reading => Action::Cancel,
            Nav => Action::SwitchFocus,
            SearchPrompt => Action::Search,
            LinePrompt => Action::GoToLine,
            Findings => Action::Findings,
            Help => Action::Help,
        }
    }

    #[test]
    fn the_help_names_the_key_into_every_mode() {
        for kind in ModeKind::iter() {
            let mut a = app(100);
            let action = entered_by(kind);
            let key = a.keymap.first_key(action).expect("a bound key");
            // The help has the action's row with its keys.
            let rows = a.help_rows();
            let row = rows.iter().find(|(_, d)| d == action.description());
            let keys = row.map(|(k, _)| k.split(' ').collect::<Vec<_>>());
            assert!(
                keys.as_ref().is_some_and(|k| k.contains(&key.as_str())),
                "{kind:?}: {action} ({key}) not in the help: {row:?}"
            );
            // And that key enters the mode (the text from the navigation pane).
            if kind == Reading {
                press(&mut a, "\t");
            }
            let ev = KeyEvent::from(key_code(&key));
            assert_eq!(Key::from_event(&ev).map(|k| k.to_string()), Some(key));
            a.handle_key(ev);
            assert_eq!(a.mode().kind(), kind, "{action}");
            assert!(!kind.name().is_empty());
        }
    }

    fn key_code(name: &str) -> KeyCode {
        match name {
            "Esc" => KeyCode::Esc,
            "Tab" => KeyCode::Tab,
            s => KeyCode::Char(s.chars().next().unwrap_or(' ')),
        }
    }
}
