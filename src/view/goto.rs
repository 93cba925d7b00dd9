//! Keys readers of less and vim reach for: counts before a key (`5j`, `50G`), a
//! percentage (`50%`, `50p`), a source line (`:N`, `:N:C`, as `yuedu check` prints
//! them), marks (`m` + letter, `'` + letter, `''` back to where the last jump started)
//! and what the file is (`=`, Ctrl-G).

use std::collections::HashMap;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::article::LineNo;
use crate::layout::Pos;
use crate::layout::{AmbiguousWidth, str_width};
use crate::view::action::Action;
use crate::view::app::App;
use crate::view::mode::{Mode, ModeKind};

/// The largest count a key takes (more is read as this).
pub(crate) const MAX_COUNT: usize = 999_999;

/// A key that waits for the next one: the letter of a mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pending {
    SetMark,
    GoToMark,
}

/// Where the keys of this module keep their state between keys (the line prompt's
/// text is its mode's, [`Mode::LinePrompt`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct GotoState {
    /// Digits typed before a key.
    pub count: Option<usize>,
    pub pending: Option<Pending>,
    /// Marks by letter: places in the text (stable across widths).
    pub marks: HashMap<char, Pos>,
    /// Where the last jump started, for `''`.
    pub jump_origin: Option<Pos>,
}

/// Reads `N` or `N:C` (a source line, and a column in characters) as typed after `:`.
pub(crate) fn parse_line_col(s: &str) -> Option<(LineNo, usize)> {
    let mut parts = s.trim().splitn(2, ':');
    let line = parts.next()?.parse::<LineNo>().ok().filter(|&l| l >= 1)?;
    let col = match parts.next() {
        Some(c) => c.parse::<usize>().ok().filter(|&c| c >= 1)?,
        None => 1,
    };
    Some((line, col))
}

impl App {
    /// Takes a key that belongs to this module before the mode's update or the key map
    /// sees it: the letter after `m` or `'`, a digit of a count. Returns whether the key
    /// was taken.
    pub(super) fn goto_key(&mut self, key: &KeyEvent, mode: ModeKind) -> bool {
        if let Some(p) = self.goto.pending.take() {
            self.finish_pending(p, key);
            return true;
        }
        let plain = !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if let KeyCode::Char(c @ '0'..='9') = key.code
            && plain
            && self.keymap.action(key).is_none()
            && (c != '0' || self.goto.count.is_some())
            && matches!(mode, ModeKind::Reading | ModeKind::Nav | ModeKind::Findings)
        {
            let digit = c as usize - '0' as usize;
            let n = self.goto.count.unwrap_or(0).saturating_mul(10) + digit;
            self.goto.count = Some(n.min(MAX_COUNT));
            self.message = Some(format!("{}", n.min(MAX_COUNT)));
            return true;
        }
        false
    }

    /// The count typed before the key, taken.
    pub(super) fn take_count(&mut self) -> Option<usize> {
        self.goto.count.take()
    }

    /// `m`, `'`: waits for the letter.
    pub(super) fn start_pending(&mut self, p: Pending) {
        self.goto.pending = Some(p);
        self.message = Some(match p {
            Pending::SetMark => "mark this place as: (a letter)".to_string(),
            Pending::GoToMark => {
                "go to mark: (a letter, or ' for where the last jump started)".to_string()
            }
        });
    }

    fn finish_pending(&mut self, p: Pending, key: &KeyEvent) {
        self.message = None;
        let KeyCode::Char(c) = key.code else {
            // Esc or anything else: nothing.
            return;
        };
        match p {
            Pending::SetMark if c.is_alphabetic() => {
                self.goto.marks.insert(c, self.reading_pos());
                self.message = Some(format!("marked this place as {c}"));
            }
            // '' again comes back: each jump notes where it started.
            Pending::GoToMark if c == '\'' => match self.goto.jump_origin {
                Some(pos) => {
                    self.note_jump_origin();
                    self.go_to(pos);
                }
                None => self.message = Some("no jump to go back from yet".to_string()),
            },
            Pending::GoToMark => match self.goto.marks.get(&c).copied() {
                Some(pos) => {
                    self.note_jump_origin();
                    self.go_to(pos);
                }
                None => self.message = Some(format!("no mark {c}")),
            },
            Pending::SetMark => self.message = Some(format!("a mark is a letter, not {c}")),
        }
    }

    /// Records where a jump starts (for `''`).
    pub(super) fn note_jump_origin(&mut self) {
        self.goto.jump_origin = Some(self.reading_pos());
    }

    /// The line prompt's update: it edits the line typed after `:` and jumps on Enter.
    /// A prompt takes keys, not actions ([`crate::view::app::Input`]).
    pub(super) fn update_line_prompt(&mut self, key: KeyEvent) {
        let Mode::LinePrompt { input, .. } = &mut self.mode else {
            return;
        };
        match key.code {
            KeyCode::Esc => self.close_overlay(),
            KeyCode::Backspace if input.is_empty() => self.close_overlay(),
            KeyCode::Backspace => {
                input.pop();
            }
            KeyCode::Char('u') if key.modifiers.contains(KeyModifiers::CONTROL) => input.clear(),
            KeyCode::Char(c @ ('0'..='9' | ':')) if input.len() < 24 => input.push(c),
            KeyCode::Enter => {
                let typed = std::mem::take(input);
                self.close_overlay();
                match parse_line_col(&typed) {
                    Some((line, col)) => self.go_to_source(line, col),
                    None if typed.is_empty() => {}
                    None => {
                        self.message = Some(format!("not a line: {typed} (type N or N:C)"));
                    }
                }
            }
            _ => {}
        }
    }

    /// Goes to a source line and column (1-based, in characters), the way `check`
    /// reports them: through [`App::pos_of_line_col`] and [`App::pos_of_source`], the one
    /// mapping of a source place to a place in the text.
    pub(crate) fn go_to_source(&mut self, line: LineNo, col: usize) {
        // The file being read (an EPUB's chapter), before the jump.
        let file = usize::from(self.source_pos_of(self.reading_pos()).0);
        let pos = self.pos_of_line_col(line, col);
        self.note_jump_origin();
        self.go_to(pos);
        // The last line the source has (a final line break ends a line, it does not
        // start one).
        let last = self.article.files.get(file).map_or(1, |f| {
            f.lines
                .line_of(f.text.trim_end_matches(['\n', '\r']).len())
                .max(1)
        });
        let name = self.article.files.get(file).and_then(|f| f.name.as_deref());
        let source = name.map_or_else(
            || "the source".to_string(),
            |n| crate::text::sanitize::for_terminal_line(n).into_owned(),
        );
        self.message = Some(match name {
            _ if line > last => format!("line {line} is past the end: {source} has {last} lines"),
            Some(_) => format!("{source} line {line}"),
            None => format!("source line {line}"),
        });
    }

    /// Goes to `pct` percent of the laid-out lines (`50%`, `50p`).
    pub(super) fn go_to_percent(&mut self, pct: usize) {
        let pct = pct.min(100);
        // Everything must be laid out to know where a percentage falls.
        while !self.layout_complete() {
            self.layout_more();
        }
        let line = self.layout.len().saturating_mul(pct) / 100;
        self.note_jump_origin();
        self.jump_to(line);
    }

    /// Goes to laid-out line `n` (1-based), as `50G` and `50g` do.
    pub(super) fn go_to_line(&mut self, n: usize) {
        self.ensure_lines(n);
        self.note_jump_origin();
        self.jump_to(n.saturating_sub(1));
    }

    /// `=`, Ctrl-G: the file, its format, encoding and size, and the source line being
    /// read (the lines shown and the percentage stand beside it, at the bar's end); in
    /// an EPUB, the line of the chapter's file, named by its path in the book
    /// (`OEBPS/ch2.xhtml line 12`, as `:N` says it).
    pub(super) fn show_file_info(&mut self) {
        let (file, offset) = self.source_pos_of(self.reading_pos());
        let source_line = self.article.line_of(file, offset);
        let name = self
            .article
            .files
            .get(usize::from(file))
            .and_then(|f| f.name.as_deref());
        let text = &self.config.text;
        let width = match text.ambiguous_width {
            AmbiguousWidth::Narrow => "narrow",
            AmbiguousWidth::Wide => "wide",
        };
        let ambiguous = format!("ambiguous {width} ({})", text.ambiguous_found.says());
        let tail = match name {
            Some(n) => format!(
                "; {} line {source_line}; {ambiguous}",
                crate::text::sanitize::for_terminal_line(n)
            ),
            None => format!("; source line {source_line}; {ambiguous}"),
        };
        // The status bar cuts a long message at its end; the file's name is what gives
        // way here, so that the line and the width found stay in sight.
        let amb = text.ambiguous_width;
        let room = usize::from(self.size.0)
            .saturating_sub(str_width(&self.position_text(), amb) + 2 + str_width(&tail, amb));
        let head = match self.file_info.rsplit_once(": ") {
            // The name shortened, or left out (it is the reader's own file), before the
            // format, encoding and size.
            Some((file, about)) if str_width(&self.file_info, amb) > room => {
                let keep = room.saturating_sub(str_width(about, amb) + 2);
                if keep >= 6 {
                    format!("{}: {about}", super::status::shorten(file, keep, amb))
                } else {
                    about.to_string()
                }
            }
            _ => self.file_info.clone(),
        };
        self.message = Some(head + &tail);
    }

    /// The action for a key with a count, where a count changes what it does; `None`
    /// when the count was used up here.
    pub(super) fn counted(&mut self, action: Action, count: usize) -> Option<Action> {
        match action {
            Action::Top | Action::Bottom => self.go_to_line(count),
            Action::GoToPercent => self.go_to_percent(count),
            _ => return Some(action),
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_read_as_check_prints_them() {
        assert_eq!(parse_line_col("46"), Some((46, 1)));
        assert_eq!(parse_line_col("46:21"), Some((46, 21)));
        assert_eq!(parse_line_col("0"), None);
        assert_eq!(parse_line_col("46:"), None);
        assert_eq!(parse_line_col(""), None);
        assert_eq!(parse_line_col("x"), None);
    }
}
