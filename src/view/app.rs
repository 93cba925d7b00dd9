//! The reader's state and how actions change it. No drawing and no I/O here: the UI reads
//! this state to draw, and the event loop turns terminal events into calls of
//! [`App::handle_key`] and [`App::resize`].

use std::ops::Range;
use std::sync::Arc;
use std::sync::mpsc::Receiver;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::layout::Rect;

use crate::article::{Article, BlockKind, LineNo};
use crate::check::FindingList;
use crate::config::Config;
use crate::layout::{Item, Items, Layout, Pos, item_len, item_text, items};
use crate::text::fold::{Finder, Folding};
use crate::view::action::Action;
use crate::view::keymap::Keymap;

/// Articles with more text than this are laid out a part at a time: what the screen
/// needs at once, the rest while the reader waits for keys ([`App::layout_more`]).
/// Smaller ones are laid out whole when they open.
pub const PROGRESSIVE_LAYOUT_BYTES: usize = 1 << 20;

/// How much text one step of the background layout takes.
const LAYOUT_STEP_BYTES: usize = 512 * 1024;

/// Which pane takes the movement keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Text,
    Nav,
}

/// What an entry of the navigation pane points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NavKind {
    Title,
    Heading,
    Caption,
}

/// One selectable entry of the navigation pane: what it is and where it jumps. Its
/// label is the item's text, read from the article when drawn ([`App::nav_label`]), so
/// an article with a hundred thousand sections costs no copy of their titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NavEntry {
    pub kind: NavKind,
    /// The item index (into [`App::items`]) it jumps to.
    pub item: usize,
}

/// One search match: a byte range of an item's source text (see [`item_text`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub item: usize,
    pub range: Range<usize>,
}

/// The search state: the query being typed or the last one confirmed.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    /// Whether the query is still being typed in the status bar.
    pub editing: bool,
    pub matches: Vec<Match>,
    /// Index into `matches` of the current match.
    pub current: Option<usize>,
    /// Where the reader was when the search started, to go back on Esc.
    origin: Pos,
    /// How many items have been searched: `matches` are those of the items before it.
    /// A large article is searched a part at a time ([`App::work_more`]), and a new
    /// query starts again from the beginning, dropping the old search.
    scanned: usize,
    /// Whether to move to the first match at or after `origin` once it is found.
    seek: bool,
}

impl Search {
    /// Whether every item has been searched.
    pub fn complete(&self, items: usize) -> bool {
        self.scanned >= items
    }
}

/// How much text a search looks through before the screen is drawn again: the first
/// part when a key changes the query, then one part at a time while no key is waiting.
const SEARCH_STEP_BYTES: usize = 2 << 20;

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
    pub config: Config,
    pub keymap: Keymap,
    /// The lines, laid out with the options the layout keeps.
    pub layout: Layout,
    /// The article's text size in bytes (what decides a progressive layout).
    text_bytes: usize,
    /// The terminal size.
    pub size: (u16, u16),
    /// The first line shown in the text pane.
    pub top: usize,
    /// The place the last jump went to: it stays the reading position (current section)
    /// even where the end of the article keeps it from reaching the top of the pane.
    mark: Option<Pos>,
    pub focus: Focus,
    /// Whether the navigation pane is shown beside the text (wide terminals).
    pub show_nav: bool,
    /// Whether the navigation pane is open over the text (narrow terminals).
    pub nav_overlay: bool,
    pub nav_entries: Vec<NavEntry>,
    /// The selected navigation entry.
    pub nav_cursor: usize,
    pub search: Option<Search>,
    /// The help overlay's scroll offset, when it is open.
    pub help: Option<usize>,
    /// What `yuedu check` finds in the article.
    pub findings: FindingList,
    /// Findings still being worked out in the background (a large article opens before
    /// its check is done); taken into `findings` when the list is asked for.
    pub pending_findings: Option<Receiver<FindingList>>,
    /// Work to start once the first frame is on the screen (the check of the article),
    /// so that it does not compete with drawing it.
    pub after_first_frame: Option<Box<dyn FnOnce() + Send>>,
    /// Set while only the first part of a large file is shown.
    pub loading: Option<Loading>,
    /// The whole article, when it is being read in the background; the event loop
    /// takes it and hands the result to [`App::finish_loading`].
    pub pending_load: Option<Receiver<Result<Loaded, String>>>,
    /// The selected finding, when the findings list is open.
    pub findings_view: Option<usize>,
    /// The findings list was asked for while the check ran: it opens when it is done.
    findings_requested: bool,
    /// A message for the status bar, until the next key.
    pub message: Option<String>,
    pub running: bool,
    /// Set by Ctrl-C: quit the library too, not only this article.
    pub quit_all: bool,
    /// Set by the reload action; the event loop reads the file and calls
    /// [`App::replace_article`].
    pub reload_requested: bool,
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
        let article = article.into();
        let items = items(&article);
        let nav_entries = nav_entries(&article, &items);
        let show_nav = config.layout.show_nav;
        let text_bytes = text_bytes(&article, &items);
        let mut app = App {
            article,
            items,
            name,
            keymap,
            layout: Layout::empty(config.layout_options(0)),
            text_bytes: 0,
            config,
            size,
            top: 0,
            mark: None,
            focus: Focus::Text,
            show_nav,
            nav_overlay: false,
            nav_entries,
            nav_cursor: 0,
            search: None,
            help: None,
            findings: FindingList::default(),
            pending_findings: None,
            after_first_frame: None,
            loading: None,
            pending_load: None,
            findings_view: None,
            findings_requested: false,
            message: None,
            running: true,
            quit_all: false,
            reload_requested: false,
        };
        app.text_bytes = text_bytes;
        app.relayout(true);
        app
    }

    // ----- geometry and layout -------------------------------------------------------

    /// Whether the terminal is wide enough for the two panes side by side.
    fn wide(&self) -> bool {
        self.size.0 >= self.config.layout.nav_min_terminal_width
    }

    /// Where everything goes at the current size.
    pub fn geometry(&self) -> Geometry {
        let (w, h) = self.size;
        let body_h = h.saturating_sub(1);
        let status = Rect::new(0, body_h, w, h.min(1));
        let side_nav = self.wide() && self.show_nav;
        let nav_w = if side_nav {
            self.config.layout.nav_width.min(w / 2)
        } else {
            0
        };
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
        } else if self.nav_overlay {
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

    /// Lays the text out again if the text width changed, keeping the first visible
    /// character on screen.
    fn relayout(&mut self, force: bool) {
        let width = usize::from(self.geometry().text_column.width);
        if !force && width == self.layout.options().width {
            return;
        }
        let anchor = self.layout.pos(&self.article, self.top);
        self.layout = Layout::empty(self.config.layout_options(width));
        if self.text_bytes <= PROGRESSIVE_LAYOUT_BYTES {
            self.ensure_items(self.items.len());
        }
        if let Some(p) = anchor {
            self.ensure_items(p.item + 1);
        }
        self.top = anchor.map_or(0, |p| self.layout.line_of(&self.article, p));
        self.clamp_top();
    }

    /// Lays out the items up to `end` (exclusive) if they are not yet.
    fn ensure_items(&mut self, end: usize) {
        if self.layout.laid_out() < end {
            self.layout.extend_to(&self.article, &self.items, end);
        }
    }

    /// Lays out items until there are at least `n` lines or nothing is left.
    fn ensure_lines(&mut self, n: usize) {
        while self.layout.len() < n && !self.layout_complete() {
            let next = self.layout.laid_out() + 64;
            self.ensure_items(next);
        }
    }

    /// Whether work is left to do between keys: a progressive layout or a search.
    pub fn has_work(&self) -> bool {
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

    /// Whether a search has items left to look through.
    pub fn search_pending(&self) -> bool {
        self.search
            .as_ref()
            .is_some_and(|s| !s.complete(self.items.len()))
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
        self.size = (cols, rows);
        if !self.wide() && self.focus == Focus::Nav && !self.nav_overlay {
            self.focus = Focus::Text;
        }
        self.relayout(false);
    }

    fn max_top(&self) -> usize {
        self.layout.len().saturating_sub(self.page_height().max(1))
    }

    fn clamp_top(&mut self) {
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
    pub fn go_to(&mut self, pos: Pos) {
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
        self.findings_view = None;
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
        self.text_bytes = text_bytes(&article, &self.items);
        self.article = article;
        self.mark = None;
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
        if self.search.is_some() {
            self.refresh_matches_in_place();
        }
    }

    /// Puts the whole article, read in the background, in place of its first part,
    /// keeping the reader where it is; resumes the remembered position when the reader
    /// has not moved yet.
    pub fn finish_loading(&mut self, loaded: Result<Loaded, String>) {
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
        self.loading = None;
        self.replace_article(loaded.article, FindingList::default());
        self.pending_findings = Some(loaded.findings);
        if let Some(report) = loaded.report {
            self.message = Some(report);
        }
        if let Some(pos) = loaded.resume.filter(|_| untouched) {
            self.resume(pos);
        }
    }

    /// The line the reader is reading: the top line, or the target of the last jump.
    pub fn reading_line(&self) -> usize {
        self.mark.map_or(self.top, |p| {
            self.layout.line_of(&self.article, p).max(self.top)
        })
    }

    /// The first line of item `i`; `usize::MAX` (beyond everything) while a progressive
    /// layout has not reached it.
    fn item_line(&self, i: usize) -> usize {
        self.layout.item_start(i).unwrap_or(usize::MAX)
    }

    /// The index into `nav_entries` of the section being read (the title before the
    /// first heading).
    pub fn current_section(&self) -> Option<usize> {
        let line = self.reading_line();
        let headings = self.entries_of(NavKind::Heading);
        // Headings are in text order, so their first lines ascend: a binary search.
        let passed =
            self.nav_entries[headings.clone()].partition_point(|e| self.item_line(e.item) <= line);
        if passed > 0 {
            Some(headings.start + passed - 1)
        } else {
            (!self.nav_entries.is_empty()).then_some(0)
        }
    }

    /// The indexes of the navigation entries of one kind (they are grouped: title,
    /// headings, captions, each in text order).
    fn entries_of(&self, kind: NavKind) -> std::ops::Range<usize> {
        let rank = |k: NavKind| match k {
            NavKind::Title => 0,
            NavKind::Heading => 1,
            NavKind::Caption => 2,
        };
        let start = self
            .nav_entries
            .partition_point(|e| rank(e.kind) < rank(kind));
        let end = self
            .nav_entries
            .partition_point(|e| rank(e.kind) <= rank(kind));
        start..end
    }

    /// The text of the section being read, for the status bar.
    pub fn current_section_name(&self) -> Option<&str> {
        self.current_section()
            .and_then(|i| self.nav_entries.get(i))
            .filter(|e| e.kind == NavKind::Heading)
            .map(|e| self.nav_label(e).0)
    }

    /// The label of a navigation entry (the title's, heading's or caption's text), and
    /// a caption's photographer credit as printed.
    pub fn nav_label(&self, entry: &NavEntry) -> (&str, Option<&str>) {
        self.items
            .get(entry.item)
            .map_or(("", None), |it| item_text(&self.article, it))
    }

    /// Position for the status bar: percent read (to the bottom of the page), the top
    /// line and the number of lines.
    pub fn position(&self) -> (usize, usize, usize) {
        let total = self.layout.len().max(1);
        let bottom = (self.top + self.page_height()).min(total);
        (bottom * 100 / total, self.top + 1, total)
    }

    fn scroll_to(&mut self, line: usize) {
        self.mark = None;
        self.top = line;
        self.clamp_top();
    }

    fn scroll_by(&mut self, delta: isize) {
        let top = self.top.saturating_add_signed(delta);
        self.scroll_to(top);
    }

    /// Puts line `line` at the top (as far as the end allows) and makes it the reading
    /// position.
    fn jump_to(&mut self, line: usize) {
        self.scroll_to(line);
        self.mark = self.layout.pos(&self.article, line);
        self.sync_nav_cursor();
    }

    fn sync_nav_cursor(&mut self) {
        if self.focus == Focus::Text
            && let Some(i) = self.current_section()
        {
            self.nav_cursor = i;
        }
    }

    /// Jumps to the next (or previous) block of `kind` after (before) the reading line.
    fn jump_kind(&mut self, kind: BlockKind, forward: bool) {
        let line = self.reading_line();
        let range = self.entries_of(if kind == BlockKind::Heading {
            NavKind::Heading
        } else {
            NavKind::Caption
        });
        // The entries are in text order: binary searches. An item a progressive layout
        // has not reached lies beyond every line, and is laid out when it is the target.
        let entries = &self.nav_entries[range];
        let target_item = if forward {
            let i = entries.partition_point(|e| self.item_line(e.item) <= line);
            entries.get(i).map(|e| e.item)
        } else {
            let i = entries.partition_point(|e| self.item_line(e.item) < line);
            i.checked_sub(1)
                .and_then(|i| entries.get(i))
                .map(|e| e.item)
        };
        let target = target_item.map(|item| {
            self.ensure_items(item + 1);
            self.item_line(item)
        });
        let noun = if kind == BlockKind::Heading {
            "headings"
        } else {
            "captions"
        };
        match target {
            Some(l) => self.jump_to(l),
            None => {
                let dir = if forward { "after" } else { "before" };
                self.message = Some(format!("no more {noun} {dir} this point"));
            }
        }
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
        if self.help.is_some() && self.keymap.action(&key).is_none() {
            // Any key that means nothing else closes the help.
            self.help = None;
            return;
        }
        if self.search.as_ref().is_some_and(|s| s.editing) {
            self.edit_search(key);
            return;
        }
        if let Some(action) = self.keymap.action(&key) {
            self.update(action);
        }
    }

    /// Carries out an action.
    pub fn update(&mut self, action: Action) {
        if let Some(offset) = self.help {
            // The help overlay scrolls with the movement keys and closes with anything else.
            self.help = match action {
                Action::ScrollDown => Some(offset + 1),
                Action::ScrollUp => Some(offset.saturating_sub(1)),
                Action::Quit => {
                    self.running = false;
                    None
                }
                _ => None,
            };
            return;
        }
        if self.findings_view.is_some() {
            self.update_findings(action);
            return;
        }
        let page = self.page_height().max(1);
        let nav_active = self.focus == Focus::Nav && self.nav_shown();
        match action {
            Action::ScrollDown if nav_active => self.move_nav_cursor(1),
            Action::ScrollUp if nav_active => self.move_nav_cursor(-1),
            Action::PageDown if nav_active => self.move_nav_cursor(page as isize),
            Action::PageUp if nav_active => self.move_nav_cursor(-(page as isize)),
            Action::Top if nav_active => self.nav_cursor = 0,
            Action::Bottom if nav_active => {
                self.nav_cursor = self.nav_entries.len().saturating_sub(1)
            }
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollUp => self.scroll_by(-1),
            Action::PageDown => self.scroll_by(page.saturating_sub(1).max(1) as isize),
            Action::PageUp => self.scroll_by(-(page.saturating_sub(1).max(1) as isize)),
            Action::HalfPageDown => self.scroll_by((page / 2).max(1) as isize),
            Action::HalfPageUp => self.scroll_by(-((page / 2).max(1) as isize)),
            Action::Top => self.scroll_to(0),
            Action::Bottom => self.scroll_to(usize::MAX),
            Action::NextHeading => self.jump_kind(BlockKind::Heading, true),
            Action::PrevHeading => self.jump_kind(BlockKind::Heading, false),
            Action::NextCaption => self.jump_kind(BlockKind::Caption, true),
            Action::PrevCaption => self.jump_kind(BlockKind::Caption, false),
            Action::SwitchFocus => self.switch_focus(),
            Action::Select => self.select(),
            Action::ToggleNav => self.toggle_nav(),
            Action::CycleScript => {
                // Display only: the lines are made again, the place kept.
                self.config.text.script = self.config.text.script.next();
                self.relayout(true);
                self.message = Some(format!("script: {}", self.config.text.script.name()));
            }
            Action::Search => {
                self.search = Some(Search {
                    editing: true,
                    origin: self.layout.pos(&self.article, self.top).unwrap_or_default(),
                    ..Search::default()
                });
            }
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::Reload => self.reload_requested = true,
            Action::Findings => self.open_findings(),
            Action::Help => self.help = Some(0),
            Action::Cancel => self.cancel(),
            Action::Quit => self.running = false,
        }
        if self.focus == Focus::Text {
            self.sync_nav_cursor();
        }
    }

    /// Whether the navigation pane is on screen.
    pub fn nav_shown(&self) -> bool {
        self.geometry().nav.is_some()
    }

    fn move_nav_cursor(&mut self, delta: isize) {
        let last = self.nav_entries.len().saturating_sub(1);
        self.nav_cursor = self.nav_cursor.saturating_add_signed(delta).min(last);
    }

    fn switch_focus(&mut self) {
        match self.focus {
            Focus::Nav => {
                self.focus = Focus::Text;
                self.nav_overlay = false;
            }
            Focus::Text if self.wide() && !self.show_nav => {
                self.message = Some(self.hidden_nav_message());
            }
            Focus::Text => {
                self.nav_overlay = !self.wide();
                self.focus = Focus::Nav;
            }
        }
    }

    fn hidden_nav_message(&self) -> String {
        let key = self.keymap.first_key(Action::ToggleNav).unwrap_or_default();
        format!("the navigation pane is hidden ({key} shows it)")
    }

    fn toggle_nav(&mut self) {
        if self.wide() {
            self.show_nav = !self.show_nav;
            if !self.show_nav {
                self.focus = Focus::Text;
            }
            self.relayout(false);
        } else {
            self.nav_overlay = !self.nav_overlay;
            self.focus = if self.nav_overlay {
                Focus::Nav
            } else {
                Focus::Text
            };
        }
    }

    fn select(&mut self) {
        if self.focus != Focus::Nav {
            return;
        }
        if let Some(item) = self.nav_entries.get(self.nav_cursor).map(|e| e.item) {
            self.ensure_items(item + 1);
            let line = self.item_line(item);
            self.jump_to(line);
            if self.nav_overlay {
                self.nav_overlay = false;
                self.focus = Focus::Text;
            }
        }
    }

    fn cancel(&mut self) {
        // Esc also takes back a findings list still waiting for the check.
        if std::mem::take(&mut self.findings_requested) {
            self.message = None;
            return;
        }
        if self.search.take().is_some() {
            return;
        }
        if self.nav_overlay {
            self.nav_overlay = false;
            self.focus = Focus::Text;
        } else if self.focus == Focus::Nav {
            self.focus = Focus::Text;
        }
    }

    // ----- search ------------------------------------------------------------------------

    fn edit_search(&mut self, key: KeyEvent) {
        let Some(search) = self.search.as_mut() else {
            return;
        };
        match key.code {
            KeyCode::Esc => {
                let origin = search.origin;
                self.search = None;
                let line = self.layout.line_of(&self.article, origin);
                self.scroll_to(line);
                return;
            }
            KeyCode::Enter => {
                search.editing = false;
                if search.query.is_empty() {
                    self.search = None;
                    return;
                }
                self.finish_search();
                if let Some(search) = self.search.as_ref().filter(|s| s.matches.is_empty()) {
                    self.message = Some(format!("pattern not found: {}", search.query));
                }
                return;
            }
            KeyCode::Backspace => {
                if search.query.pop().is_none() {
                    self.search = None;
                    return;
                }
            }
            KeyCode::Char(c)
                if !key
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                search.query.push(c);
            }
            _ => return,
        }
        self.refresh_matches();
    }

    /// Starts the search for the query again from the beginning, moving to the first
    /// match at or after where the search started once it is found.
    fn refresh_matches(&mut self) {
        if let Some(search) = self.search.as_mut() {
            search.matches.clear();
            search.current = None;
            search.scanned = 0;
            search.seek = true;
        }
        self.search_more(SEARCH_STEP_BYTES);
    }

    /// Finds the matches again (the article changed) without moving.
    fn refresh_matches_in_place(&mut self) {
        if let Some(search) = self.search.as_mut() {
            let current = search.current;
            search.matches.clear();
            search.scanned = 0;
            search.seek = false;
            self.search_more(usize::MAX);
            if let Some(search) = self.search.as_mut() {
                search.current = current.filter(|&c| c < search.matches.len());
            }
        }
    }

    /// Looks through about `budget` bytes more of the article for the query (all of it
    /// with `usize::MAX`); moves to the first match at or after the search's origin when
    /// it turns up, or, the search done, to the first match (wrapping) or back to the
    /// origin when there is none.
    fn search_more(&mut self, budget: usize) {
        let Some(search) = self.search.as_mut() else {
            return;
        };
        let (article, items) = (&self.article, &self.items);
        let finder = QueryFinder::new(&search.query, self.config.search);
        let from = search.matches.len();
        if finder.is_none() {
            // Nothing to look for.
            search.scanned = items.len();
        }
        let mut bytes = 0usize;
        while search.scanned < items.len() && bytes < budget {
            let i = search.scanned;
            search.scanned += 1;
            let Some(item) = items.get(i) else {
                continue;
            };
            if let Some(f) = &finder {
                f.find_in_item(article, item, i, &mut search.matches);
            }
            bytes = bytes.saturating_add(item_len(article, item).max(1));
        }
        if !search.seek {
            return;
        }
        let origin = search.origin;
        let found = search.matches[from..]
            .iter()
            .position(|m| {
                Pos {
                    item: m.item,
                    offset: m.range.start,
                } >= origin
            })
            .map(|k| from + k);
        let done = search.complete(items.len());
        match found {
            Some(k) => search.current = Some(k),
            None if done && !search.matches.is_empty() => search.current = Some(0),
            None if done => {}
            None => return,
        }
        search.seek = false;
        if search.current.is_some() {
            self.show_current_match();
        } else {
            self.ensure_items(origin.item + 1);
            let line = self.layout.line_of(&self.article, origin);
            self.scroll_to(line);
        }
    }

    /// Searches the rest of the article now (before an answer that needs every match).
    fn finish_search(&mut self) {
        if self.search_pending() {
            self.search_more(usize::MAX);
        }
    }

    fn show_current_match(&mut self) {
        let Some(m) = self
            .search
            .as_ref()
            .and_then(|s| s.current.and_then(|c| s.matches.get(c)))
        else {
            return;
        };
        let pos = Pos {
            item: m.item,
            offset: m.range.start,
        };
        self.ensure_items(pos.item + 1);
        let line = self.layout.line_of(&self.article, pos);
        let page = self.page_height();
        if line < self.top || line >= self.top + page {
            // Show a little context above the match.
            self.scroll_to(line.saturating_sub(page / 3));
        }
    }

    fn step_match(&mut self, forward: bool) {
        // Stepping and wrapping need every match.
        self.finish_search();
        let Some(search) = self.search.as_mut() else {
            let key = self.keymap.first_key(Action::Search).unwrap_or_default();
            self.message = Some(format!("no search yet ({key} searches)"));
            return;
        };
        let n = search.matches.len();
        if n == 0 {
            self.message = Some(format!("pattern not found: {}", search.query));
            return;
        }
        let current = search.current.unwrap_or(0);
        let (next, wrapped) = if forward {
            ((current + 1) % n, current + 1 == n)
        } else {
            ((current + n - 1) % n, current == 0)
        };
        search.current = Some(next);
        if wrapped {
            self.message = Some(if forward {
                "search wrapped to the beginning".to_string()
            } else {
                "search wrapped to the end".to_string()
            });
        }
        self.show_current_match();
    }

    // ----- findings ----------------------------------------------------------------------

    /// Whether the findings list was asked for and waits for the check.
    pub fn findings_awaited(&self) -> bool {
        self.findings_requested && self.pending_findings.is_some()
    }

    /// Takes the check's findings if they have come; opens the list if it was asked for
    /// while the check ran.
    pub fn poll_findings(&mut self) {
        let Some(rx) = &self.pending_findings else {
            return;
        };
        match rx.try_recv() {
            Ok(findings) => {
                self.findings = findings;
                self.pending_findings = None;
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => return,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.pending_findings = None;
                if std::mem::take(&mut self.findings_requested) {
                    self.message = Some("the check of this article failed".to_string());
                }
                return;
            }
        }
        if std::mem::take(&mut self.findings_requested) && self.findings_view.is_none() {
            self.open_findings();
        }
    }

    fn open_findings(&mut self) {
        if let Some(rx) = &self.pending_findings {
            match rx.try_recv() {
                Ok(findings) => {
                    self.findings = findings;
                    self.pending_findings = None;
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {
                    self.findings_requested = true;
                    self.message = Some(
                        "still checking the article; the list opens when it is done".to_string(),
                    );
                    return;
                }
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    self.pending_findings = None;
                    self.message = Some("the check of this article failed".to_string());
                    return;
                }
            }
        }
        self.findings_requested = false;
        if self.findings.is_empty() {
            self.message =
                Some("no findings: yuedu check has nothing to say about this article".to_string());
            return;
        }
        // Start at the first finding on or after the source line being read (findings
        // are sorted by line: a binary search, whatever their number).
        let here = self.source_line_of(self.reading_pos());
        let first = self.findings.first_from_line(here);
        self.findings_view = Some(first.min(self.findings.len() - 1));
    }

    /// The source line of a place in the text.
    fn source_line_of(&self, pos: Pos) -> LineNo {
        match self.items.get(pos.item) {
            Some(Item::Banner) => self.article.banner.as_ref().map_or(0, |h| h.line),
            Some(Item::Title) => self.article.title.as_ref().map_or(0, |h| h.line),
            Some(Item::Byline) => self.article.byline.as_ref().map_or(0, |h| h.line),
            Some(Item::Block(b)) => self.article.blocks.get(b).map_or(0, |block| {
                match &block.credit {
                    // Past the caption's text: its credit.
                    Some(c) if pos.offset >= block.text.len() => c.line,
                    _ => block.line_at(pos.offset),
                }
            }),
            None => 0,
        }
    }

    fn update_findings(&mut self, action: Action) {
        let Some(cur) = self.findings_view else {
            return;
        };
        let last = self.findings.len().saturating_sub(1);
        let page = self.page_height().max(2) - 1;
        self.findings_view = match action {
            Action::ScrollDown => Some((cur + 1).min(last)),
            Action::ScrollUp => Some(cur.saturating_sub(1)),
            Action::PageDown | Action::HalfPageDown => Some((cur + page).min(last)),
            Action::PageUp | Action::HalfPageUp => Some(cur.saturating_sub(page)),
            Action::Top => Some(0),
            Action::Bottom => Some(last),
            Action::Select => {
                if let Some(f) = self.findings.get(cur) {
                    let pos = self.pos_of_source(f.line, f.col);
                    let message = format!(
                        "{}:{}: {} {}: {}",
                        f.line,
                        f.col,
                        f.severity.name(),
                        f.rule.id(),
                        f.message
                    );
                    self.go_to(pos);
                    self.message = Some(message);
                }
                None
            }
            Action::Quit => {
                self.running = false;
                None
            }
            _ => None,
        };
    }

    /// The place in the text of a source line and column (1-based, in characters).
    pub fn pos_of_source(&self, line: LineNo, col: usize) -> Pos {
        let mut best = Pos::default();
        for (i, item) in self.items.iter().enumerate() {
            let (start_line, text_part) = match item {
                Item::Banner => (self.article.banner.as_ref().map(|h| h.line), None),
                Item::Title => (self.article.title.as_ref().map(|h| h.line), None),
                Item::Byline => (self.article.byline.as_ref().map(|h| h.line), None),
                Item::Block(b) => {
                    let block = &self.article.blocks[b];
                    let credit_alone = block
                        .credit
                        .as_ref()
                        .is_some_and(|c| c.line == line && c.line != block.line());
                    if credit_alone {
                        // A credit on a line of its own: the credit's place in the item.
                        return Pos {
                            item: i,
                            offset: block.text.len(),
                        };
                    }
                    let part = block
                        .parts
                        .iter()
                        .enumerate()
                        .find(|(_, p)| p.line_no() == line);
                    (
                        part.map(|_| line),
                        part.map(|(k, p)| {
                            (
                                p.offset(),
                                block
                                    .parts
                                    .get(k + 1)
                                    .map_or(block.text.len(), |n| n.offset()),
                            )
                        }),
                    )
                }
            };
            if start_line == Some(line) {
                let (text, _) = item_text(&self.article, item);
                let (from, to) = text_part.unwrap_or((0, text.len()));
                let piece = &text[from..to];
                let offset = piece
                    .char_indices()
                    .nth(col.saturating_sub(1))
                    .map_or(to, |(o, _)| from + o);
                return Pos { item: i, offset };
            }
            // Otherwise the last item that starts before the line.
            if start_line.is_some_and(|l| l < line) {
                best = Pos { item: i, offset: 0 };
            }
        }
        best
    }

    // ----- help --------------------------------------------------------------------------

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

/// The navigation entries: the title, the headings, then the captions.
fn nav_entries(article: &Article, items: &Items) -> Vec<NavEntry> {
    let mut entries = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if item == Item::Title {
            entries.push(NavEntry {
                kind: NavKind::Title,
                item: i,
            });
        }
    }
    for kind in [BlockKind::Heading, BlockKind::Caption] {
        for (i, item) in items.iter().enumerate() {
            if let Item::Block(b) = item
                && let Some(block) = article.blocks.get(b)
                && block.kind == kind
            {
                entries.push(NavEntry {
                    kind: if kind == BlockKind::Heading {
                        NavKind::Heading
                    } else {
                        NavKind::Caption
                    },
                    item: i,
                });
            }
        }
    }
    entries.shrink_to_fit();
    entries
}

/// Every match of `query` in the items' source texts, with every folding on
/// ([`Folding::default`]: script, width, Latin case).
pub fn find_matches(article: &Article, items: &Items, query: &str) -> Vec<Match> {
    let mut out = Vec::new();
    if let Some(finder) = QueryFinder::new(query, Folding::default()) {
        for (i, item) in items.iter().enumerate() {
            finder.find_in_item(article, item, i, &mut out);
        }
    }
    out
}

/// A search query ready to look for, folded as the settings say ([`crate::text::fold`]);
/// the text is never copied whole (a 50 MB paragraph is lowered a window at a time, or
/// folded a character at a time as it is read).
enum QueryFinder {
    /// No folding but Latin case: bytes, through memmem.
    Bytes {
        finder: Box<memchr::memmem::Finder<'static>>,
        /// Whether the query has Latin letters, so that the text's must be folded.
        fold: bool,
    },
    /// Script or width folding: characters, folded one for one.
    Folded(Finder),
}

/// How much text is case-folded at a time for a query with Latin letters.
const FOLD_WINDOW: usize = 64 * 1024;

impl QueryFinder {
    fn new(query: &str, folding: Folding) -> Option<QueryFinder> {
        if query.is_empty() {
            return None;
        }
        if folding.fold_script || folding.fold_width {
            return Finder::new(query, folding).map(QueryFinder::Folded);
        }
        let needle = if folding.fold_case {
            query.to_ascii_lowercase()
        } else {
            query.to_string()
        };
        Some(QueryFinder::Bytes {
            fold: folding.fold_case && needle.bytes().any(|b| b.is_ascii_alphabetic()),
            finder: Box::new(memchr::memmem::Finder::new(needle.as_bytes()).into_owned()),
        })
    }

    /// Adds the matches in item `item` (index `index`): its text, then a caption's
    /// credit. A match of a whole UTF-8 query in UTF-8 text always starts and ends on
    /// character boundaries, so the byte search runs on bytes.
    fn find_in_item(&self, article: &Article, item: Item, index: usize, out: &mut Vec<Match>) {
        let (text, credit) = item_text(article, item);
        self.find_in(text, 0, index, out);
        if let Some(c) = credit {
            self.find_in(c, text.len(), index, out);
        }
    }

    fn find_in(&self, hay: &str, base: usize, item: usize, out: &mut Vec<Match>) {
        let (finder, fold) = match self {
            QueryFinder::Folded(f) => {
                f.find_iter(hay, &mut |r| {
                    out.push(Match {
                        item,
                        range: base + r.start..base + r.end,
                    })
                });
                return;
            }
            QueryFinder::Bytes { finder, fold } => (finder, *fold),
        };
        let hay = hay.as_bytes();
        let n = finder.needle().len();
        let mut push = |at: usize| {
            out.push(Match {
                item,
                range: base + at..base + at + n,
            })
        };
        if !fold {
            finder.find_iter(hay).for_each(&mut push);
            return;
        }
        // Windows overlapping by the query's length less one: a match is counted in
        // the window it starts in, and never starts in the overlap of the one before.
        let mut lower = Vec::with_capacity(FOLD_WINDOW.min(hay.len()) + n);
        let mut start = 0;
        while start < hay.len() {
            let end = (start + FOLD_WINDOW).min(hay.len());
            let with_overlap = (end + n.saturating_sub(1)).min(hay.len());
            lower.clear();
            lower.extend(hay[start..with_overlap].iter().map(u8::to_ascii_lowercase));
            for at in finder.find_iter(&lower) {
                if start + at < end {
                    push(start + at);
                }
            }
            start = end;
        }
    }
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

/// Builds an app from a configuration, for tests and the binary.
pub fn app_for(
    article: impl Into<Arc<Article>>,
    name: &str,
    config: Config,
    size: (u16, u16),
) -> Result<App, String> {
    let keymap = config.keymap()?;
    Ok(App::new(article, name.to_string(), config, keymap, size))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where `needle` (ASCII) stands in `hay`, either case, found the plain way.
    fn naive(hay: &str, needle: &str) -> Vec<usize> {
        let (hay, needle) = (hay.to_ascii_lowercase(), needle.to_ascii_lowercase());
        (0..hay.len())
            .filter(|&i| hay.as_bytes()[i..].starts_with(needle.as_bytes()))
            .collect()
    }

    #[test]
    fn case_folded_search_finds_matches_across_window_ends() {
        // Matches cut by the first two window ends, one just before and one after each,
        // among Chinese text.
        let mut text = String::new();
        for w in [FOLD_WINDOW, 2 * FOLD_WINDOW] {
            while text.len() + 3 <= w - 12 {
                text.push('长');
            }
            while text.len() < w - 10 {
                text.push('x');
            }
            // Just before the end, across it, just after it.
            text.push_str("aiot二AiOt角AIOT");
        }
        text.push_str("长三角aiot");
        // By bytes (case folding alone) and by folded characters: the same matches.
        for folding in [CASE_ONLY, Folding::default()] {
            let finder = QueryFinder::new("AIOT", folding).expect("a query");
            let mut found = Vec::new();
            finder.find_in(&text, 0, 0, &mut found);
            let at: Vec<usize> = found.iter().map(|m| m.range.start).collect();
            assert_eq!(at, naive(&text, "aiot"));
            assert_eq!(at.len(), 7, "{at:?}");
            assert!(found.iter().all(|m| m.range.len() == 4));
        }
    }

    #[test]
    fn chinese_queries_match_as_they_are() {
        let finder = QueryFinder::new("余姚", CASE_ONLY).expect("a query");
        assert!(matches!(finder, QueryFinder::Bytes { fold: false, .. }));
        let mut found = Vec::new();
        finder.find_in("在余姚，余姚人", 10, 7, &mut found);
        assert_eq!(
            found,
            vec![
                Match {
                    item: 7,
                    range: 13..19
                },
                Match {
                    item: 7,
                    range: 22..28
                }
            ]
        );
        assert!(QueryFinder::new("", CASE_ONLY).is_none());
    }

    const CASE_ONLY: Folding = Folding {
        fold_script: false,
        fold_width: false,
        fold_case: true,
    };

    #[test]
    fn a_query_typed_with_an_input_method_finds_the_text() {
        // Full-width comma typed, half-width in the text; Traditional typed, Simplified
        // in the text; the ranges are the source's.
        let text = "今年,长三角的头发";
        for (query, want) in [("今年，长三角", "今年,长三角"), ("頭髮", "头发")] {
            let finder = QueryFinder::new(query, Folding::default()).expect("a query");
            let mut found = Vec::new();
            finder.find_in(text, 0, 0, &mut found);
            let got: Vec<&str> = found.iter().map(|m| &text[m.range.clone()]).collect();
            assert_eq!(got, [want]);
        }
        let finder = QueryFinder::new("今年，长三角", CASE_ONLY).expect("a query");
        let mut found = Vec::new();
        finder.find_in(text, 0, 0, &mut found);
        assert!(found.is_empty());
    }
}
