//! The findings list: what `yuedu check` finds in the article, the list's cursor, and
//! jumping from a finding (a source line and column) to its place in the text.

use crate::article::{FileId, LineNo};
use crate::check::{FindingRef, Rule, Severity};
use crate::layout::{Item, Pos, item_text};
use crate::view::action::Action;
use crate::view::app::App;
use crate::view::mode::Mode;
use crate::view::search::Match;

/// Which findings the list shows: one severity, one rule, or all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct FindingsFilter {
    pub(crate) severity: Option<Severity>,
    pub(crate) rule: Option<Rule>,
}

impl App {
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
        if std::mem::take(&mut self.findings_requested) && self.mode.findings_selected().is_none() {
            self.open_findings();
        }
    }

    pub(super) fn open_findings(&mut self) {
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
        // The most serious first; the filter as it was left.
        self.rebuild_findings_order();
        self.open_findings_list();
    }

    /// Orders the findings the filter lets through: by severity (errors first), then by
    /// place (the list's own order). Four bytes a finding.
    pub(super) fn rebuild_findings_order(&mut self) {
        let FindingsFilter { severity, rule } = self.findings_filter;
        let mut order: Vec<u32> = self
            .findings
            .iter()
            .enumerate()
            .filter(|(_, f)| severity.is_none_or(|s| f.severity == s))
            .filter(|(_, f)| rule.is_none_or(|r| f.rule == r))
            .filter_map(|(i, _)| u32::try_from(i).ok())
            .collect();
        // A stable sort keeps the place order within a severity.
        order
            .sort_by_key(|&i| std::cmp::Reverse(self.findings.get(i as usize).map(|f| f.severity)));
        self.findings_order = order;
    }

    /// The finding on row `k` of the list (after the filter and the sort).
    pub(crate) fn listed_finding(&self, k: usize) -> Option<FindingRef<'_>> {
        self.findings_order
            .get(k)
            .and_then(|&i| self.findings.get(i as usize))
    }

    /// Shows the next severity only: all → errors → warnings → info → all.
    fn cycle_severity(&mut self) {
        self.findings_filter.severity = match self.findings_filter.severity {
            None => Some(Severity::Error),
            Some(Severity::Error) => Some(Severity::Warning),
            Some(Severity::Warning) => Some(Severity::Info),
            Some(Severity::Info) => None,
        };
        self.rebuild_findings_order();
    }

    /// Shows the next rule that has findings only, then all again.
    fn cycle_rule(&mut self) {
        let mut rules: Vec<Rule> = self.findings.iter().map(|f| f.rule).collect();
        rules.sort_unstable();
        rules.dedup();
        let next = match self.findings_filter.rule {
            None => rules.first().copied(),
            Some(r) => rules
                .iter()
                .position(|&x| x == r)
                .and_then(|k| rules.get(k + 1).copied()),
        };
        self.findings_filter.rule = next;
        self.rebuild_findings_order();
    }

    /// What the findings list's title says of the filter: "all", "errors", a rule id.
    pub(crate) fn findings_filter_label(&self) -> String {
        let f = self.findings_filter;
        let severity = match f.severity {
            None => "all severities",
            Some(Severity::Error) => "errors",
            Some(Severity::Warning) => "warnings",
            Some(Severity::Info) => "info",
        };
        match f.rule {
            Some(r) => format!("{severity}, {}", r.id()),
            None => severity.to_string(),
        }
    }

    /// Marks a finding's place in the text: the character at its line and column, or,
    /// for a paragraph joined across a break, the text on both sides of the break.
    fn highlight_finding(&mut self, file: FileId, offset: usize, rule: Rule) {
        let pos = self.pos_of_source(file, offset);
        let Some(item) = self.items.get(pos.item) else {
            return;
        };
        let (text, credit) = item_text(&self.article, item);
        let full_len = text.len() + credit.map_or(0, str::len);
        let char_len = |at: usize| {
            text.get(at..)
                .and_then(|t| t.chars().next())
                .map_or(0, char::len_utf8)
        };
        self.highlight.clear();
        let join = (rule == Rule::JoinedParagraph)
            .then(|| {
                let at = |j: &&crate::article::Join| j.file == file && j.src as usize == offset;
                self.article.joins.iter().find(at)
            })
            .flatten();
        match join {
            Some(j) => {
                let before = j.before.len().min(pos.offset);
                let after = j.after.len().min(full_len.saturating_sub(pos.offset));
                self.highlight.push((
                    Match {
                        item: pos.item,
                        range: pos.offset - before..pos.offset,
                    },
                    true,
                ));
                self.highlight.push((
                    Match {
                        item: pos.item,
                        range: pos.offset..pos.offset + after,
                    },
                    false,
                ));
            }
            None => {
                let n = char_len(pos.offset)
                    .max(1)
                    .min(full_len.saturating_sub(pos.offset));
                self.highlight.push((
                    Match {
                        item: pos.item,
                        range: pos.offset..pos.offset + n,
                    },
                    true,
                ));
            }
        }
    }

    /// The source position (file, byte offset) of a place in the text.
    pub(super) fn source_pos_of(&self, pos: Pos) -> (FileId, usize) {
        match self.items.get(pos.item) {
            Some(Item::Block(b)) => self.article.blocks.get(b).map_or((0, 0), |block| {
                match &block.credit {
                    // Past the caption's text: its credit.
                    Some(c) if pos.offset >= block.text.len() => (block.file, c.src as usize),
                    _ => (block.file, block.src_at(pos.offset)),
                }
            }),
            Some(item) => crate::layout::header_of(&self.article, item)
                .map_or((0, 0), |h| (h.file, h.src as usize)),
            None => (0, 0),
        }
    }

    /// The 1-based source line of a place in the text (computed from its span).
    pub(super) fn source_line_of(&self, pos: Pos) -> LineNo {
        let (file, offset) = self.source_pos_of(pos);
        self.article.line_of(file, offset)
    }

    pub(super) fn update_findings(&mut self, action: Action) {
        let Mode::Findings { selected: cur, .. } = self.mode else {
            return;
        };
        let last = self.findings_order.len().saturating_sub(1);
        let page = self.page_height().max(2) - 1;
        let selected = match action {
            Action::ScrollDown => Some((cur + 1).min(last)),
            Action::ScrollUp => Some(cur.saturating_sub(1)),
            Action::PageDown | Action::HalfPageDown => Some((cur + page).min(last)),
            Action::PageUp | Action::HalfPageUp => Some(cur.saturating_sub(page)),
            Action::Top => Some(0),
            Action::Bottom => Some(last),
            Action::Select => {
                if let Some(f) = self.listed_finding(cur) {
                    let pos = self.pos_of_source(f.file, f.offset);
                    let message = format!(
                        "{}:{}: {} {}: {}",
                        f.line,
                        f.col,
                        f.severity.name(),
                        f.rule.id(),
                        f.message
                    );
                    let (file, offset, rule) = (f.file, f.offset, f.rule);
                    self.note_jump_origin();
                    self.go_to(pos);
                    self.highlight_finding(file, offset, rule);
                    self.message = Some(message);
                }
                None
            }
            Action::FindingsSeverity => {
                self.cycle_severity();
                Some(0)
            }
            Action::FindingsRule => {
                self.cycle_rule();
                Some(0)
            }
            // The help opens over the list; closing it comes back here.
            Action::Help => {
                self.open_help();
                return;
            }
            // q and Esc close the list, as they close any overlay.
            _ => None,
        };
        match selected {
            Some(k) => {
                if let Mode::Findings { selected, .. } = &mut self.mode {
                    *selected = k;
                }
            }
            None => self.close_overlay(),
        }
    }

    /// The place in the text of a source line and column (1-based, columns in
    /// characters) of the source file being read (an EPUB's chapter: the one the reading
    /// position is in; file 0 for other formats): `:N[:C]` and the editor's line.
    pub(crate) fn pos_of_line_col(&self, line: LineNo, col: usize) -> Pos {
        let file = self.source_pos_of(self.reading_pos()).0;
        let Some(f) = self.article.files.get(usize::from(file)) else {
            return Pos::default();
        };
        let start = f.lines.line_start(line.max(1), &f.text).min(f.text.len());
        let end = crate::text::lines::line_end(&f.text, start).0;
        let offset = f.text[start..end]
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(end, |(o, _)| start + o);
        self.pos_of_source(file, offset)
    }

    /// The place in the text of byte `offset` of source `file`: the item whose text
    /// holds it, else the start of the last item that starts on its line or before it.
    pub(crate) fn pos_of_source(&self, file: FileId, offset: usize) -> Pos {
        let line_end = self
            .article
            .files
            .get(usize::from(file))
            .map_or(offset, |f| {
                let next = f.lines.line_of(offset) + 1;
                f.lines.line_start(next, &f.text)
            });
        let mut best = Pos::default();
        for (i, item) in self.items.iter().enumerate() {
            let mut pieces: Vec<(usize, usize, usize)> = Vec::new();
            let item_file = match item {
                Item::Block(b) => {
                    let block = &self.article.blocks[b];
                    for (k, p) in block.parts.iter().enumerate() {
                        let end = block
                            .parts
                            .get(k + 1)
                            .map_or(block.text.len(), |n| n.offset());
                        pieces.push((p.offset(), p.src(), end - p.offset()));
                    }
                    if let Some(c) = &block.credit {
                        // The credit's place in the item is the end of its text.
                        let src = c.src as usize;
                        if block.file == file && (src..src + c.text.len()).contains(&offset) {
                            return Pos {
                                item: i,
                                offset: block.text.len(),
                            };
                        }
                    }
                    block.file
                }
                _ => {
                    let Some(h) = crate::layout::header_of(&self.article, item) else {
                        continue;
                    };
                    pieces.push((0, h.src as usize, h.text.len()));
                    h.file
                }
            };
            if item_file != file {
                continue;
            }
            for &(at, src, len) in &pieces {
                if (src..=src + len).contains(&offset) {
                    return Pos {
                        item: i,
                        offset: at + (offset - src),
                    };
                }
            }
            // Otherwise the last item that starts on the offset's line or before it.
            if pieces.first().is_some_and(|&(_, src, _)| src < line_end) {
                best = Pos { item: i, offset: 0 };
            }
        }
        best
    }
}
