//! The navigation pane: its entries (title, section headings, photo captions), the
//! section being read, the focus between the panes, and jumping to an entry.

use crate::article::{Article, BlockKind, heading_label};
use crate::layout::{Item, Items, item_text, str_width};
use crate::view::action::Action;
use crate::view::app::App;
use crate::view::mode::Mode;

/// What an entry of the navigation pane points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NavKind {
    Title,
    Heading,
    Caption,
}

/// One selectable entry of the navigation pane: what it is and where it jumps. Its
/// label is the item's text, read from the article when drawn ([`App::nav_label`]), so
/// an article with a hundred thousand sections costs no copy of their titles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NavEntry {
    pub(crate) kind: NavKind,
    /// The item index (into [`App::items`]) it jumps to.
    pub(crate) item: usize,
}

impl App {
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
    pub(super) fn entries_of(&self, kind: NavKind) -> std::ops::Range<usize> {
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

    /// The label of a navigation entry (the title's or caption's text, a heading's
    /// without its subhead mark: [`heading_label`]), and a caption's photographer credit
    /// as printed.
    pub(crate) fn nav_label(&self, entry: &NavEntry) -> (&str, Option<&str>) {
        let (text, credit) = self
            .items
            .get(entry.item)
            .map_or(("", None), |it| item_text(&self.article, it));
        match entry.kind {
            NavKind::Heading => (heading_label(text), credit),
            NavKind::Title | NavKind::Caption => (text, credit),
        }
    }

    pub(super) fn sync_nav_cursor(&mut self) {
        if !self.mode.nav_focused()
            && let Some(i) = self.current_section()
        {
            self.nav_cursor = i;
        }
    }

    /// Whether the navigation pane is on screen.
    pub fn nav_shown(&self) -> bool {
        self.geometry().nav.is_some()
    }

    pub(super) fn move_nav_cursor(&mut self, delta: isize) {
        let last = self.nav_entries.len().saturating_sub(1);
        self.nav_cursor = self.nav_cursor.saturating_add_signed(delta).min(last);
    }

    pub(super) fn switch_focus(&mut self) {
        if self.mode.nav_focused() {
            self.set_pane(Mode::Reading);
        } else if !self.has_structure() {
            self.message = Some(NO_STRUCTURE.to_string());
        } else if self.wide() && !self.show_nav {
            self.message = Some(self.hidden_nav_message());
        } else {
            self.set_pane(Mode::Nav {
                over_text: !self.wide(),
            });
        }
    }

    pub(super) fn hidden_nav_message(&self) -> String {
        let key = self.keymap.first_key(Action::ToggleNav).unwrap_or_default();
        format!("the navigation pane is hidden ({key} shows it)")
    }

    pub(super) fn toggle_nav(&mut self) {
        if !self.has_structure() {
            self.message = Some(NO_STRUCTURE.to_string());
            return;
        }
        if self.wide() {
            self.show_nav = !self.show_nav;
            if !self.show_nav {
                self.set_pane(Mode::Reading);
            }
            self.relayout(false);
        } else if self.mode.nav_over_text() {
            self.set_pane(Mode::Reading);
        } else {
            self.set_pane(Mode::Nav { over_text: true });
        }
    }

    pub(super) fn select(&mut self) {
        if !self.mode.nav_focused() {
            return;
        }
        if let Some(item) = self.nav_entries.get(self.nav_cursor).map(|e| e.item) {
            self.ensure_items(item + 1);
            let line = self.item_line(item);
            // The jump is made from the text: the focus goes back to it.
            self.leave_nav();
            self.note_jump_origin();
            self.jump_to(line);
        }
    }

    /// Gives the focus back to the text, closing the navigation pane drawn over it.
    pub(super) fn leave_nav(&mut self) {
        self.set_pane(Mode::Reading);
    }
}

/// The navigation entries: the title, the headings, then the captions.
pub(super) fn nav_entries(article: &Article, items: &Items) -> Vec<NavEntry> {
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

/// What `t` and Tab say for an article without sections or captions.
const NO_STRUCTURE: &str = "no sections or photo captions to list: the navigation pane is off";

impl App {
    /// Whether the article has anything for the navigation pane to list beyond its
    /// title: a section heading or a photo caption. Without, no pane is shown.
    pub(crate) fn has_structure(&self) -> bool {
        self.nav_entries.iter().any(|e| e.kind != NavKind::Title)
    }

    /// The columns the widest entry of the pane needs: marker, label, a caption's
    /// credit, the border (the title and banner wrap and do not count).
    pub(super) fn nav_width_needed(&self) -> u16 {
        let amb = self.config.text.ambiguous_width;
        let widest = self
            .nav_entries
            .iter()
            .filter(|e| e.kind != NavKind::Title)
            .map(|e| {
                let (label, credit) = self.nav_label(e);
                let marker = if e.kind == NavKind::Caption { 4 } else { 2 };
                marker + str_width(label, amb) + credit.map_or(0, |c| 1 + str_width(c, amb))
            })
            .max()
            .unwrap_or(0);
        u16::try_from(widest + 2).unwrap_or(u16::MAX)
    }

    /// The navigation pane's width beside the text: `nav-width-percent` of the
    /// terminal, at least `nav-width` and at most `nav-max-width` columns, no wider than
    /// its widest entry needs, and never more than half the terminal.
    pub(crate) fn nav_pane_width(&self) -> u16 {
        let l = &self.config.layout;
        let w = self.size.0;
        let share =
            u16::try_from(u32::from(w) * u32::from(l.nav_width_percent) / 100).unwrap_or(u16::MAX);
        let max = l.nav_max_width.max(l.nav_width);
        share
            .min(self.nav_needed.max(l.nav_width))
            .clamp(l.nav_width, max)
            .min(w / 2)
    }

    /// The navigation pane's actions, with the focus in it: the movement keys move its
    /// cursor; everything else acts as in reading.
    pub(super) fn update_nav(&mut self, action: Action) {
        let page = self.page_height().max(1) as isize;
        match action {
            Action::ScrollDown => self.move_nav_cursor(1),
            Action::ScrollUp => self.move_nav_cursor(-1),
            Action::PageDown => self.move_nav_cursor(page),
            Action::PageUp => self.move_nav_cursor(-page),
            Action::Top => self.nav_cursor = 0,
            Action::Bottom => self.nav_cursor = self.nav_entries.len().saturating_sub(1),
            // q and Esc give the focus back to the text (and close the pane over it).
            Action::Cancel | Action::Quit => self.leave_nav(),
            other => self.update_reading(other),
        }
    }
}
