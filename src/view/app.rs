//! The reader's state and how actions change it. No drawing and no I/O here: the UI reads
//! this state to draw, and the event loop turns terminal events into calls of
//! [`App::handle_key`] and [`App::resize`].

use std::sync::Arc;
use std::sync::mpsc::Receiver;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;

use crate::article::Article;
use crate::check::FindingList;
use crate::config::{AmbiguousFound, Config};
use crate::input::source::LoadError;
use crate::layout::{AmbiguousWidth, Items, Layout, Pos, item_len, item_text, items};
use crate::view::action::Action;
use crate::view::findings::FindingsFilter;
use crate::view::goto::GotoState;
use crate::view::keymap::{Key, KeyConflict, Keymap};
use crate::view::mode::{Mode, ModeKind};
use crate::view::nav::nav_entries;
pub(crate) use crate::view::nav::{NavEntry, NavKind};
use crate::view::search::SEARCH_STEP_BYTES;
pub use crate::view::search::{Match, Search, find_matches};

/// The most times a count repeats an action (a jump or a step in a list).
const REPEAT_LIMIT: usize = 10_000;

/// Articles with more text than this are laid out a part at a time: what the screen
/// needs at once, the rest while the reader waits for keys ([`App::layout_more`]).
/// Smaller ones are laid out whole when they open.
pub const PROGRESSIVE_LAYOUT_BYTES: usize = 1 << 20;

/// How much text one step of the background layout takes.
const LAYOUT_STEP_BYTES: usize = 512 * 1024;

/// Where everything goes on a screen of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// The navigation pane (beside the text, or over it in a narrow terminal).
    pub nav: Option<Rect>,
    /// Whether the navigation pane is drawn over the text pane.
    pub nav_over_text: bool,
    /// The text pane.
    pub text: Rect,
    /// The columns the text is laid out in, centred in the text pane.
    pub text_column: Rect,
    /// The status bar.
    pub status: Rect,
}

/// A large file shown from its first part while the rest is read (see
/// [`App::finish_loading`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loading {
    /// Bytes of the file shown so far.
    pub shown: u64,
    /// The file's size.
    pub total: u64,
    /// Reading the rest failed: only the first part is shown, for good.
    pub failed: bool,
}

/// The whole article, read in the background after its first part was shown.
pub struct Loaded {
    pub article: Arc<Article>,
    /// What the user should be told about the decoding.
    pub report: Option<String>,
    /// Where the reader was left last time in this content, if it is remembered.
    pub resume: Option<Pos>,
    /// The findings of the check, which runs after the article is handed over.
    pub findings: Receiver<FindingList>,
}

/// The reader.
pub struct App {
    /// Shared with the check running in the background.
    pub article: Arc<Article>,
    pub items: Items,
    /// A short name of the article for the status bar.
    pub name: String,
    /// What `=` says of the file: its name, format, encoding and size.
    pub(crate) file_info: String,
    pub config: Config,
    pub keymap: Keymap,
    /// The lines, laid out with the options the layout keeps.
    pub layout: Layout,
    /// The article's text size in bytes (what decides a progressive layout).
    pub(super) text_bytes: usize,
    /// The terminal size.
    pub size: (u16, u16),
    /// The first line shown in the text pane.
    pub top: usize,
    /// The place the last jump went to: it stays the reading position (current section)
    /// even where the end of the article keeps it from reaching the top of the pane.
    pub(super) mark: Option<Pos>,
    /// See [`App::top_anchor`]: set by a resize, dropped when the reader moves.
    pub(super) anchor: Option<Pos>,
    /// What the keys act on: the pane with the focus and the overlays over it, each
    /// with its own state (see [`crate::view::mode`]). Changed only by its transitions.
    pub(super) mode: Mode,
    /// Whether the navigation pane is shown beside the text (wide terminals).
    pub show_nav: bool,
    pub(crate) nav_entries: Vec<NavEntry>,
    /// The columns the navigation pane's widest entry needs (see
    /// [`App::nav_pane_width`]).
    pub(super) nav_needed: u16,
    /// The navigation entry the last `}`/`{` (or `]`/`[`) reached, marked in both panes
    /// until the reader moves on.
    pub(crate) reached: Option<usize>,
    /// The selected navigation entry.
    pub nav_cursor: usize,
    pub search: Option<Search>,
    /// The queries searched for, oldest first (kept with the reading state).
    pub(crate) search_history: Vec<String>,
    /// Counts, the line prompt, marks (see [`crate::view::goto`]).
    pub(crate) goto: GotoState,
    /// What `yuedu check` finds in the article.
    pub findings: FindingList,
    /// Findings still being worked out in the background (a large article opens before
    /// its check is done); taken into `findings` when the list is asked for.
    pub pending_findings: Option<Receiver<FindingList>>,
    /// Work to start once the first frame is on the screen (the check of the article),
    /// so that it does not compete with drawing it.
    pub(crate) after_first_frame: Option<Box<dyn FnOnce() + Send>>,
    /// Set while only the first part of a large file is shown.
    /// `G` pressed while the file was still being read: the top line it left the
    /// reader at. When the whole file is in and the reader has not moved since, the
    /// jump to the end is made again, to the real end.
    pub(crate) bottom_pending: Option<usize>,
    pub loading: Option<Loading>,
    /// The whole article, when it is being read in the background; the event loop
    /// takes it and hands the result to [`App::finish_loading`].
    pub(crate) pending_load: Option<Receiver<Result<Loaded, LoadError>>>,
    /// The findings the list shows, most serious first (indexes into `findings`).
    pub(crate) findings_order: Vec<u32>,
    pub(crate) findings_filter: FindingsFilter,
    /// Places marked in the text: the finding jumped to (a join's two sides), with
    /// whether each is the stronger mark.
    pub(crate) highlight: Vec<(Match, bool)>,
    /// The findings list was asked for while the check ran: it opens when it is done.
    pub(super) findings_requested: bool,
    /// A message for the status bar, until the next key.
    pub message: Option<String>,
    pub running: bool,
    /// Set by Ctrl-C: quit the library too, not only this article.
    pub(crate) quit_all: bool,
    /// Set by the reload action; the event loop reads the file and calls
    /// [`App::replace_article`].
    pub(crate) reload_requested: bool,
    /// Set by `v`: the source line to open the editor at; the event loop runs the
    /// editor and reads the file again.
    pub(crate) edit_requested: Option<usize>,
}

impl App {
    /// A reader on `article`, for a terminal of `size` columns × rows.
    pub fn new(
        article: impl Into<Arc<Article>>,
        name: String,
        config: Config,
        keymap: Keymap,
        size: (u16, u16),
    ) -> App {
        let mut app = App::unlaid(article, name, config, keymap, size);
        app.relayout(true);
        app
    }

    /// [`App::new`] with only the lines the first screen shows laid out: the rest is laid
    /// out between keys ([`App::work_more`]) as a large article's is, the status bar
    /// saying "laying out N%" until it is done. What the reader opens with, so that the
    /// first frame waits for one screen's layout (and script conversion), not the whole
    /// article's.
    pub(crate) fn first_screen(
        article: impl Into<Arc<Article>>,
        name: String,
        config: Config,
        keymap: Keymap,
        size: (u16, u16),
    ) -> App {
        let mut app = App::unlaid(article, name, config, keymap, size);
        let width = usize::from(app.geometry().text_column.width);
        app.layout = Layout::empty(app.config.layout_options(width));
        app.layout.keep_counted(true);
        app.clamp_top();
        app.layout.keep_counted(false);
        app
    }

    /// The reader with nothing laid out yet.
    fn unlaid(
        article: impl Into<Arc<Article>>,
        name: String,
        config: Config,
        keymap: Keymap,
        size: (u16, u16),
    ) -> App {
        let article = article.into();
        let items = items(&article);
        let nav_entries = nav_entries(&article, &items);
        let show_nav = config.layout.show_nav;
        let text_bytes = text_bytes(&article, &items);
        let mut app = App {
            article,
            items,
            file_info: name.clone(),
            name,
            keymap,
            layout: Layout::empty(config.layout_options(0)),
            text_bytes: 0,
            config,
            size,
            top: 0,
            mark: None,
            anchor: None,
            mode: Mode::Reading,
            show_nav,
            nav_entries,
            nav_needed: 0,
            reached: None,
            nav_cursor: 0,
            search: None,
            search_history: Vec::new(),
            goto: GotoState::default(),
            findings: FindingList::default(),
            pending_findings: None,
            after_first_frame: None,
            loading: None,
            bottom_pending: None,
            pending_load: None,
            findings_order: Vec::new(),
            findings_filter: FindingsFilter::default(),
            highlight: Vec::new(),
            findings_requested: false,
            message: None,
            running: true,
            quit_all: false,
            reload_requested: false,
            edit_requested: None,
        };
        app.text_bytes = text_bytes;
        app.nav_needed = app.nav_width_needed();
        app
    }

    /// What the keys act on (see [`crate::view::mode`]).
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    // ----- geometry and layout -------------------------------------------------------

    /// Whether the terminal is wide enough for the two panes side by side.
    pub(super) fn wide(&self) -> bool {
        self.size.0 >= self.config.layout.nav_min_terminal_width
    }

    /// Where everything goes at the current size.
    pub fn geometry(&self) -> Geometry {
        let (w, h) = self.size;
        let body_h = h.saturating_sub(1);
        let status = Rect::new(0, body_h, w, h.min(1));
        let side_nav = self.wide() && self.show_nav && self.has_structure();
        let nav_w = if side_nav { self.nav_pane_width() } else { 0 };
        let text = Rect::new(nav_w, 0, w - nav_w, body_h);
        // A column of margin on each side when there is room for it.
        let room = if text.width >= 12 {
            text.width - 2
        } else {
            text.width
        };
        let col_w = room.min(self.config.layout.reading_width.max(1));
        let text_column = Rect::new(text.x + (text.width - col_w) / 2, 0, col_w, body_h);
        let nav = if side_nav {
            Some(Rect::new(0, 0, nav_w, body_h))
        } else if self.mode.nav_over_text() {
            Some(Rect::new(0, 0, w, body_h))
        } else {
            None
        };
        Geometry {
            nav,
            nav_over_text: !side_nav && nav.is_some(),
            text,
            text_column,
            status,
        }
    }

    /// The number of text lines the pane shows.
    pub fn page_height(&self) -> usize {
        usize::from(self.geometry().text.height)
    }

    /// The ambiguous width found once the reader is on screen (the terminal's answer to
    /// the width probe, read after the first frame): the settings take it and, when it
    /// differs from the width laid out with, the text and the navigation pane are laid
    /// out again, the first visible character kept on screen. Whether the width changed
    /// (the screen must then be drawn whole again: what it shows was drawn for the other
    /// width).
    pub fn settle_ambiguous(&mut self, width: AmbiguousWidth, found: AmbiguousFound) -> bool {
        self.config.text.ambiguous_found = found;
        if self.config.text.ambiguous_width == width {
            return false;
        }
        self.config.text.ambiguous_width = width;
        self.nav_needed = self.nav_width_needed();
        self.relayout(true);
        true
    }

    /// Lays the text out again if the text width changed, keeping the first visible
    /// character on screen.
    pub(super) fn relayout(&mut self, force: bool) {
        let width = usize::from(self.geometry().text_column.width);
        if !force && width == self.layout.options().width {
            return;
        }
        let anchor = self.top_anchor();
        self.layout = Layout::empty(self.config.layout_options(width));
        if self.text_bytes <= PROGRESSIVE_LAYOUT_BYTES {
            self.ensure_items(self.items.len());
        }
        if let Some(p) = anchor {
            self.ensure_items(p.item + 1);
        }
        self.top = anchor.map_or(0, |p| self.layout.line_of(&self.article, p));
        self.clamp_top();
        self.anchor = anchor;
    }

    /// The character the top line started with when the reader last moved: what a
    /// resize keeps on the top line, however often the size changes (`anchor`), else the
    /// start of the top line.
    fn top_anchor(&self) -> Option<Pos> {
        self.anchor
            .or_else(|| self.layout.pos(&self.article, self.top))
    }

    /// Lays out the items up to `end` (exclusive) if they are not yet.
    pub(super) fn ensure_items(&mut self, end: usize) {
        if self.layout.laid_out() < end {
            self.layout.extend_to(&self.article, &self.items, end);
        }
    }

    /// Lays out items until there are at least `n` lines or nothing is left.
    pub(super) fn ensure_lines(&mut self, n: usize) {
        // As many items as the lines still needed take at the lines per item so far,
        // at most as many as are laid out already (one to begin with; every item gives
        // at least two lines, its empty line included): a screen's lines without laying
        // out much more than the screen.
        while self.layout.len() < n && !self.layout_complete() {
            let (laid, len) = (self.layout.laid_out(), self.layout.len());
            let per_item = len.checked_div(laid).map_or(n, |p| p.max(2));
            let more = (n - len).div_ceil(per_item).clamp(1, laid.clamp(1, 64));
            self.ensure_items(laid + more);
        }
    }

    /// Whether work is left to do between keys: a progressive layout or a search.
    pub(crate) fn has_work(&self) -> bool {
        !self.layout_complete() || self.search_pending()
    }

    /// Does one part of the work left (the search first: its matches are what the user
    /// waits for); called while no key is waiting. Returns whether more is left.
    pub fn work_more(&mut self) -> bool {
        if self.search_pending() {
            self.search_more(SEARCH_STEP_BYTES);
        } else {
            self.layout_more();
        }
        self.has_work()
    }

    /// Whether every item is laid out.
    pub fn layout_complete(&self) -> bool {
        self.layout.laid_out() >= self.items.len()
    }

    /// Lays out the next part of a large article; called while no key is waiting.
    /// Returns whether more is left.
    pub fn layout_more(&mut self) -> bool {
        let mut end = self.layout.laid_out();
        let mut bytes = 0;
        while end < self.items.len() && bytes < LAYOUT_STEP_BYTES {
            bytes += self
                .items
                .get(end)
                .map_or(0, |it| item_len(&self.article, it))
                .max(1);
            end += 1;
        }
        self.ensure_items(end);
        !self.layout_complete()
    }

    /// How far a progressive layout has come, in percent; `None` once it is complete.
    pub fn layout_progress(&self) -> Option<usize> {
        (!self.layout_complete()).then(|| self.layout.laid_out() * 100 / self.items.len().max(1))
    }

    /// The terminal was resized.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        let anchor = self.top_anchor();
        self.size = (cols, rows);
        self.settle_pane();
        self.relayout(false);
        // A change of height alone lays nothing out again, but near the end it moves
        // the top: back to the anchor's line, as far as the end allows.
        if let Some(p) = anchor {
            self.ensure_items(p.item + 1);
            self.top = self.layout.line_of(&self.article, p);
            self.clamp_top();
            self.anchor = Some(p);
        }
        // The section being read, marked at once.
        self.sync_nav_cursor();
    }

    pub(super) fn max_top(&self) -> usize {
        self.layout.len().saturating_sub(self.page_height().max(1))
    }

    pub(super) fn clamp_top(&mut self) {
        // A page below the top must be laid out to know how far down the top may go.
        let need = self.top.saturating_add(self.page_height().max(1) + 1);
        self.ensure_lines(need);
        self.top = self.top.min(self.max_top());
    }

    // ----- reading position --------------------------------------------------------------

    /// Where the reader is, as a place in the text (stable across widths): the start of
    /// the top line, or the target of the last jump.
    pub fn reading_pos(&self) -> Pos {
        self.mark
            .or_else(|| self.layout.pos(&self.article, self.top))
            .unwrap_or_default()
    }

    /// Goes back to where the reader was left last time, saying so; the top of the
    /// article is no place to resume.
    pub fn resume(&mut self, pos: Pos) {
        if pos == Pos::default() {
            return;
        }
        self.go_to(pos);
        self.message = Some(format!(
            "resumed where you left off ({} goes to the top)",
            self.keymap.first_key(Action::Top).unwrap_or_default()
        ));
    }

    /// Goes to a place in the text (a remembered position).
    pub(crate) fn go_to(&mut self, pos: Pos) {
        self.ensure_items(pos.item + 1);
        let line = self.layout.line_of(&self.article, pos);
        self.jump_to(line);
    }

    /// Puts a new version of the article in place of the old one (the file changed),
    /// keeping the reader at the nearest surviving text: the text at the top of the pane
    /// if it is still there, else the same place by position.
    pub fn replace_article(&mut self, article: impl Into<Arc<Article>>, findings: FindingList) {
        let article = article.into();
        self.loading = None;
        self.findings = findings;
        self.pending_findings = None;
        self.close_findings_list();
        self.findings_order.clear();
        self.highlight.clear();
        let pos = self.layout.pos(&self.article, self.top).unwrap_or_default();
        let snippet: String = self
            .items
            .get(pos.item)
            .map(|it| item_text(&self.article, it).0)
            .and_then(|t| t.get(pos.offset..))
            .map(|t| t.chars().take(24).collect())
            .unwrap_or_default();
        // The old lines go with the old article: reading them needs it.
        self.layout = Layout::empty(self.layout.options().clone());
        self.items = items(&article);
        self.nav_entries = nav_entries(&article, &self.items);
        self.nav_needed = 0;
        self.reached = None;
        self.text_bytes = text_bytes(&article, &self.items);
        self.article = article;
        self.nav_needed = self.nav_width_needed();
        self.mark = None;
        self.anchor = None;
        self.top = 0;
        self.relayout(true);
        let found = (!snippet.is_empty())
            .then(|| find_snippet(&self.article, &self.items, &snippet, pos.item))
            .flatten();
        let target = found.unwrap_or(Pos {
            item: pos.item.min(self.items.len().saturating_sub(1)),
            offset: 0,
        });
        self.ensure_items(target.item + 1);
        self.top = self.layout.line_of(&self.article, target);
        self.clamp_top();
        self.nav_cursor = self
            .nav_cursor
            .min(self.nav_entries.len().saturating_sub(1));
        self.settle_pane();
        if self.search.is_some() {
            self.refresh_matches_in_place();
        }
    }

    /// Puts the whole article, read in the background, in place of its first part,
    /// keeping the reader where it is; resumes the remembered position when the reader
    /// has not moved yet.
    pub fn finish_loading(&mut self, loaded: Result<Loaded, LoadFailure>) {
        self.pending_load = None;
        let loaded = match loaded {
            Ok(l) => l,
            Err(e) => {
                let Some(loading) = self.loading.as_mut() else {
                    return;
                };
                loading.failed = true;
                let shown = loading.shown;
                self.message = Some(format!(
                    "only the first {} could be read: {e}",
                    crate::input::source::human_size(shown)
                ));
                return;
            }
        };
        if self.loading.is_none() {
            // The file was read again since (a change on disk): that text is newer.
            return;
        }
        let untouched = self.top == 0 && self.mark.is_none() && self.search.is_none();
        let unfound = self.search.as_ref().is_some_and(|s| s.matches.is_empty());
        let old_top = self.top;
        self.loading = None;
        self.replace_article(loaded.article, FindingList::default());
        self.pending_findings = Some(loaded.findings);
        if let Some(report) = loaded.report {
            self.message = Some(report);
        }
        if unfound {
            self.search_again_in_the_whole();
        }
        if let Some(pos) = loaded.resume.filter(|_| untouched) {
            self.resume(pos);
        }
        if self.bottom_pending.take() == Some(old_top) {
            self.scroll_to(usize::MAX);
        }
    }

    /// The line the reader is reading: the top line, or the target of the last jump.
    pub(crate) fn reading_line(&self) -> usize {
        self.mark.map_or(self.top, |p| {
            self.layout.line_of(&self.article, p).max(self.top)
        })
    }

    /// The first line of item `i`; `usize::MAX` (beyond everything) while a progressive
    /// layout has not reached it.
    pub(super) fn item_line(&self, i: usize) -> usize {
        self.layout.item_start(i).unwrap_or(usize::MAX)
    }

    // ----- input -------------------------------------------------------------------------

    /// Handles one key press.
    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.kind == KeyEventKind::Release {
            return;
        }
        // Ctrl-C quits from anywhere, whatever the bindings say.
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.running = false;
            self.quit_all = true;
            return;
        }
        self.message = None;
        let mode = self.mode.kind();
        if self.goto_key(&key, mode) {
            return;
        }
        if mode.edits_text() {
            // A prompt edits its text: its update takes the key itself.
            self.update_mode(mode, Input::Key(key));
            return;
        }
        match self.keymap.action_in(mode, &key) {
            Some(Ok(action)) => self.update(action),
            // A key that means nothing here: the mode's update may take it (the help
            // closes), else the status bar says so.
            unbound => {
                if !self.update_mode(mode, Input::Key(key)) {
                    let other = unbound.and_then(Result::err);
                    self.message = Some(self.no_action_message(&key, other, mode));
                }
            }
        }
    }

    /// What the status bar says for a key that does nothing in `mode`.
    fn no_action_message(&self, key: &KeyEvent, action: Option<Action>, mode: ModeKind) -> String {
        let name = Key::from_event(key).map_or_else(|| "that key".to_string(), |k| k.to_string());
        let help = self.keymap.first_key(Action::Help).unwrap_or_default();
        match action {
            Some(a) => format!("{name} ({a}) does nothing in the {} list", mode.name()),
            None => format!("{name} does nothing ({help} lists the keys)"),
        }
    }

    /// Carries out an action in the current mode: each mode has its own update.
    /// A count typed before it (`5j`, `50G`) repeats a movement or names a line or a
    /// percentage.
    pub fn update(&mut self, action: Action) {
        let mode = self.mode.kind();
        let mut action = action;
        let mut times = 1;
        if let Some(n) = self.take_count() {
            if mode == ModeKind::Reading {
                match self.counted(action, n) {
                    Some(a) => action = a,
                    None => return,
                }
            }
            times = n.min(REPEAT_LIMIT);
        }
        // Scrolling takes the count as a distance; anything else is done again.
        if let Some(scroll) = self.scroll_amount(action, mode) {
            self.scroll_by(scroll.saturating_mul(times as isize));
            self.sync_nav_cursor();
            return;
        }
        let had_message = self.message.is_some();
        for _ in 0..times {
            self.update_mode(mode, Input::Action(action));
            if self.mode.kind() != mode || (!had_message && self.message.is_some()) {
                // The action closed the mode, or said it cannot go on.
                break;
            }
        }
    }

    /// Hands `input` to `mode`'s own update: the one place the modes are told apart.
    /// Whether the mode took it (a key that means nothing in a mode is not taken unless
    /// its update wants it: the help closes on it).
    fn update_mode(&mut self, mode: ModeKind, input: Input) -> bool {
        match (mode, input) {
            (ModeKind::Help, Input::Action(a)) => self.update_help(a),
            (ModeKind::Help, Input::Key(_)) => self.update_help_key(),
            (ModeKind::Findings, Input::Action(a)) => self.update_findings(a),
            (ModeKind::Nav, Input::Action(a)) => self.update_nav(a),
            (ModeKind::Reading, Input::Action(a)) => self.update_reading(a),
            (ModeKind::SearchPrompt, Input::Key(key)) => self.update_search_prompt(key),
            (ModeKind::LinePrompt, Input::Key(key)) => self.update_line_prompt(key),
            // No action applies in a prompt (the mouse wheel over one does nothing); the
            // panes and the findings list take a key only as the action the key map
            // makes of it.
            (ModeKind::SearchPrompt | ModeKind::LinePrompt, Input::Action(_))
            | (ModeKind::Findings | ModeKind::Nav | ModeKind::Reading, Input::Key(_)) => {
                return false;
            }
        }
        true
    }
}

/// What a mode's update is handed ([`App::update_mode`]): the action a key means there
/// (through the key map) or the mouse wheel asks for, or the key itself — every key in a
/// prompt, which edits its text ([`ModeKind::edits_text`]); elsewhere a key that means
/// no action in the mode.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Input {
    Action(Action),
    Key(KeyEvent),
}

/// The size of an article's text in bytes.
fn text_bytes(article: &Article, items: &Items) -> usize {
    items.iter().map(|it| item_len(article, it)).sum()
}

/// Where `snippet` stands in the article: in the item nearest to `near` that holds it
/// (looked for outwards from `near`, so a snippet that stayed in place is found at once).
fn find_snippet(article: &Article, items: &Items, snippet: &str, near: usize) -> Option<Pos> {
    let near = near.min(items.len().saturating_sub(1));
    let find = |i: usize| {
        items
            .get(i)
            .and_then(|it| item_text(article, it).0.find(snippet))
            .map(|offset| Pos { item: i, offset })
    };
    (0..items.len()).find_map(|d| {
        find(near.wrapping_sub(d))
            .filter(|_| d <= near)
            .or_else(|| find(near + d).filter(|_| d > 0))
    })
}

/// Why the whole of a large article, read in the background, did not arrive.
#[derive(Debug, thiserror::Error)]
pub enum LoadFailure {
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("the thread reading it stopped")]
    Stopped,
}

/// Builds an app from a configuration, for tests and the binary.
pub fn app_for(
    article: impl Into<Arc<Article>>,
    name: &str,
    config: Config,
    size: (u16, u16),
) -> Result<App, KeyConflict> {
    let keymap = config.keymap()?;
    Ok(App::new(article, name.to_string(), config, keymap, size))
}

/// [`app_for`], only the first screen laid out ([`App::first_screen`]): how the reader
/// opens an article.
///
/// # Errors
/// Two actions share a key in the configuration.
pub(crate) fn app_for_first_screen(
    article: impl Into<Arc<Article>>,
    name: &str,
    config: Config,
    size: (u16, u16),
) -> Result<App, KeyConflict> {
    let keymap = config.keymap()?;
    Ok(App::first_screen(
        article,
        name.to_string(),
        config,
        keymap,
        size,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::convert::Script;

    /// The reader on the shipped article at 80×24, in `script`, opened `whole` or with
    /// its first screen only.
    fn open(script: Script, whole: bool) -> App {
        let article = crate::formats::text::parse(crate::input::source::SHIPPED_ARTICLE);
        let mut config = Config::defaults();
        config.text.script = script;
        if whole {
            app_for(article, "yuyao.txt", config, (80, 24)).expect("default keys")
        } else {
            app_for_first_screen(article, "yuyao.txt", config, (80, 24)).expect("default keys")
        }
    }

    #[test]
    fn the_first_screen_is_laid_out_alone_then_the_rest_between_keys_to_the_same_lines() {
        for script in [Script::AsIs, Script::Traditional] {
            let whole = open(script, true);
            let mut app = open(script, false);
            let (laid, items) = (app.layout.laid_out(), app.items.len());
            assert!(laid < items / 2, "{script:?}: {laid} of {items} items");
            assert!(app.layout.len() > app.page_height(), "a screen's lines");
            assert!(
                app.position_text().contains("laying out"),
                "{}",
                app.position_text()
            );
            // Drawing the first screen reads the lines laid out for it.
            for i in 0..=app.page_height() {
                app.layout.spans(&app.article, i).for_each(drop);
            }
            assert_eq!(app.layout.items_made_again(), 0, "{script:?}");
            while app.work_more() {}
            assert!(app.layout_complete());
            assert_eq!(app.position_text(), whole.position_text());
            let lines = |a: &App| {
                a.layout
                    .lines(&a.article)
                    .map(|l| {
                        (
                            l.pos,
                            l.width,
                            l.spans.iter().map(|s| s.text.clone()).collect(),
                        )
                    })
                    .collect::<Vec<(Pos, usize, Vec<String>)>>()
            };
            assert_eq!(lines(&app), lines(&whole), "{script:?}");
        }
    }
}
