//! Reading: scrolling the text pane, jumps to section headings and photo captions, and
//! the reading mode's actions.

use crate::article::BlockKind;
use crate::view::action::Action;
use crate::view::app::App;
use crate::view::goto::Pending;
use crate::view::mode::{Mode, ModeKind};
use crate::view::nav::NavKind;

impl App {
    /// Position for the status bar: percent read (to the bottom line of the page), the
    /// top and bottom lines shown (1-based) and the number of lines.
    pub(crate) fn position(&self) -> (usize, usize, usize, usize) {
        let total = self.layout.len().max(1);
        let bottom = (self.top + self.page_height()).min(total);
        (bottom * 100 / total, self.top + 1, bottom, total)
    }

    pub(super) fn scroll_to(&mut self, line: usize) {
        self.mark = None;
        self.anchor = None;
        self.reached = None;
        self.top = line;
        self.clamp_top();
    }

    pub(super) fn scroll_by(&mut self, delta: isize) {
        let top = self.top.saturating_add_signed(delta);
        self.scroll_to(top);
    }

    /// Puts line `line` at the top (as far as the end allows) and makes it the reading
    /// position.
    pub(super) fn jump_to(&mut self, line: usize) {
        self.scroll_to(line);
        self.mark = self.layout.pos(&self.article, line);
        self.sync_nav_cursor();
    }

    /// Jumps to the next (or previous) block of `kind` after (before) the reading line.
    pub(super) fn jump_kind(&mut self, kind: BlockKind, forward: bool) {
        let line = self.reading_line();
        let range = self.entries_of(if kind == BlockKind::Heading {
            NavKind::Heading
        } else {
            NavKind::Caption
        });
        // The entries are in text order: binary searches. An item a progressive layout
        // has not reached lies beyond every line, and is laid out when it is the target.
        let first = range.start;
        let entries = &self.nav_entries[range];
        let target_entry = if forward {
            let i = entries.partition_point(|e| self.item_line(e.item) <= line);
            (i < entries.len()).then_some(i)
        } else {
            let i = entries.partition_point(|e| self.item_line(e.item) < line);
            i.checked_sub(1)
        }
        .map(|i| first + i);
        let target_item = target_entry
            .and_then(|i| self.nav_entries.get(i))
            .map(|e| e.item);
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
            Some(l) => {
                let top = self.top;
                self.note_jump_origin();
                self.jump_to(l);
                // The entry reached is marked in both panes until the reader moves on.
                self.reached = target_entry;
                if self.top == top
                    && let Some(e) = target_entry.and_then(|i| self.nav_entries.get(i))
                {
                    // The page cannot scroll that far: say where the jump went.
                    // Shown as the panes show it (script, punctuation).
                    let text = &self.config.text;
                    let label = crate::layout::shown::shown(
                        self.nav_label(e).0,
                        text.script,
                        text.punctuation,
                    );
                    let label = crate::text::sanitize::for_terminal_line(&label).into_owned();
                    let noun = if kind == BlockKind::Heading {
                        "section"
                    } else {
                        "caption"
                    };
                    self.message = Some(format!("{noun} ▶ {label} (on screen; the end)"));
                }
            }
            None => {
                let dir = if forward { "after" } else { "before" };
                self.message = Some(format!("no more {noun} {dir} this point"));
            }
        }
    }

    pub(super) fn cancel(&mut self) {
        // Esc takes away the mark of a finding first.
        if !self.highlight.is_empty() {
            self.highlight.clear();
            return;
        }
        // Esc also takes back a findings list still waiting for the check.
        if std::mem::take(&mut self.findings_requested) {
            self.message = None;
            return;
        }
        if self.search.take().is_some() {
            return;
        }
        self.set_pane(Mode::Reading);
    }
}

impl App {
    /// How far a scrolling action moves the text, in lines, in `mode` (`None`: not one
    /// that scrolls the text there).
    pub(super) fn scroll_amount(&self, action: Action, mode: ModeKind) -> Option<isize> {
        if mode != ModeKind::Reading {
            return None;
        }
        let page = self.page_height().max(1) as isize;
        Some(match action {
            Action::ScrollDown => 1,
            Action::ScrollUp => -1,
            Action::PageDown => (page - 1).max(1),
            Action::PageUp => -(page - 1).max(1),
            Action::HalfPageDown => (page / 2).max(1),
            Action::HalfPageUp => -(page / 2).max(1),
            _ => return None,
        })
    }

    /// The reading mode's actions (also those the navigation pane leaves to the text).
    pub(super) fn update_reading(&mut self, action: Action) {
        let page = self.page_height().max(1);
        match action {
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollUp => self.scroll_by(-1),
            Action::PageDown => self.scroll_by(page.saturating_sub(1).max(1) as isize),
            Action::PageUp => self.scroll_by(-(page.saturating_sub(1).max(1) as isize)),
            Action::HalfPageDown => self.scroll_by((page / 2).max(1) as isize),
            Action::HalfPageUp => self.scroll_by(-((page / 2).max(1) as isize)),
            Action::Top => {
                self.note_jump_origin();
                self.scroll_to(0)
            }
            Action::Bottom => {
                self.note_jump_origin();
                self.scroll_to(usize::MAX);
                if self.loading.is_some() {
                    // The end so far; the real end once the whole file is read.
                    self.bottom_pending = Some(self.top);
                    self.message = Some("the end so far: the rest is still being read".into());
                }
            }
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
            Action::Search => self.start_search(false),
            Action::SearchBackward => self.start_search(true),
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::Reload => self.reload_requested = true,
            Action::Edit => {
                // A file inside the opened one (an EPUB's chapter) is no file an editor
                // can open: said, rather than opening the book at another file's line.
                let (file, offset) = self.source_pos_of(self.reading_pos());
                match self.article.file_name(file) {
                    Some(name) => {
                        let line = self.article.line_of(file, offset);
                        self.message = Some(format!(
                            "{}:{line} is inside the book; v opens only files of their own",
                            crate::text::sanitize::for_terminal_line(name)
                        ));
                    }
                    None => {
                        self.edit_requested = Some(self.source_line_of(self.reading_pos()).max(1));
                    }
                }
            }
            Action::Findings => self.open_findings(),
            Action::Help => self.open_help(),
            Action::Cancel => self.cancel(),
            Action::Quit => self.running = false,
            Action::GoToPercent => {
                let key = self
                    .keymap
                    .first_key(Action::GoToPercent)
                    .unwrap_or_default();
                self.message = Some(format!("type the percentage first: 50{key}"));
            }
            Action::GoToLine => self.open_line_prompt(),
            Action::SetMark => self.start_pending(Pending::SetMark),
            Action::GoToMark => self.start_pending(Pending::GoToMark),
            Action::FileInfo => self.show_file_info(),
            // The findings list's own keys (`applies_in` keeps them out of reading).
            Action::FindingsSeverity | Action::FindingsRule => {}
        }
        if !self.mode.nav_focused() {
            self.sync_nav_cursor();
        }
    }
}
