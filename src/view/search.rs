//! Search: the query typed in the status bar, its matches (looked for a part at a time
//! in a large article), and stepping through them. Matching a query against the text is
//! `QueryFinder` alone.

use std::ops::Range;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::article::Article;
use crate::layout::{Item, Items, Pos, item_len, item_text};
use crate::text::fold::{Finder, Folding};
use crate::view::action::Action;
use crate::view::app::App;
use crate::view::mode::Mode;

/// One search match: a byte range of an item's source text (see [`item_text`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub item: usize,
    pub range: Range<usize>,
}

/// The search state: the query being typed or the last one confirmed, and its matches.
/// It outlives the prompt (for n/N); the prompt's own state is
/// [`Mode::SearchPrompt`]'s.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Match>,
    /// Index into `matches` of the current match.
    pub current: Option<usize>,
    /// Where the reader was when the search started, to go back on Esc.
    origin: Pos,
    /// How many items have been searched: `matches` are those of the items before it.
    /// A large article is searched a part at a time ([`App::work_more`]), and a new
    /// query starts again from the beginning, dropping the old search.
    scanned: usize,
    /// Whether to move to the first match at or after `origin` once it is found (before
    /// it, searching backward).
    seek: bool,
    /// Searching backward: the first match is the one before the origin, and n goes
    /// up the text (N down), as in less and vim.
    pub backward: bool,
}

impl Search {
    /// Whether every item has been searched.
    pub(crate) fn complete(&self, items: usize) -> bool {
        self.scanned >= items
    }

    /// The prompt's sign: "/" forward, "?" backward (as in less and vim).
    pub fn sign(&self) -> char {
        if self.backward { '?' } else { '/' }
    }
}

/// The queries searched for, oldest first, kept with the reading state.
pub(crate) const HISTORY_LEN: usize = 100;

/// A count of matches as it reads: "no matches", "1 match", "30 matches"; while a
/// large article is still being looked through (`pending`), the count so far: "3… matches".
pub(crate) fn count_matches(n: usize, pending: bool) -> String {
    match (n, pending) {
        (_, true) => format!("{n}… matches"),
        (0, false) => "no matches".to_string(),
        (1, false) => "1 match".to_string(),
        (n, false) => format!("{n} matches"),
    }
}

/// Adds `query` as the newest entry of `history`, once, keeping the last
/// [`HISTORY_LEN`].
pub(crate) fn remember(history: &mut Vec<String>, query: &str) {
    if query.is_empty() {
        return;
    }
    history.retain(|q| q != query);
    history.push(query.to_string());
    let over = history.len().saturating_sub(HISTORY_LEN);
    history.drain(..over);
}

/// The prompt's line editing: what a key does to `query` with the cursor at `cursor`
/// (bytes). Returns whether the key was one of the editing keys.
///
/// Left/Right, Home/End, Ctrl-A/Ctrl-E move; Backspace, Delete, Ctrl-U (to the start),
/// Ctrl-K (to the end) and Ctrl-W (the word before the cursor) delete; a character is
/// inserted at the cursor.
pub(crate) fn edit_line(query: &mut String, cursor: &mut usize, key: &KeyEvent) -> bool {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let prev = |q: &str, c: usize| q[..c].chars().next_back().map_or(c, |ch| c - ch.len_utf8());
    let next = |q: &str, c: usize| q[c..].chars().next().map_or(c, |ch| c + ch.len_utf8());
    match key.code {
        KeyCode::Left => *cursor = prev(query, *cursor),
        KeyCode::Right => *cursor = next(query, *cursor),
        KeyCode::Home => *cursor = 0,
        KeyCode::End => *cursor = query.len(),
        KeyCode::Char('a') if ctrl => *cursor = 0,
        KeyCode::Char('e') if ctrl => *cursor = query.len(),
        KeyCode::Char('b') if ctrl => *cursor = prev(query, *cursor),
        KeyCode::Char('f') if ctrl => *cursor = next(query, *cursor),
        KeyCode::Char('u') if ctrl => {
            query.replace_range(..*cursor, "");
            *cursor = 0;
        }
        KeyCode::Char('k') if ctrl => query.truncate(*cursor),
        KeyCode::Char('w') if ctrl => {
            // Spaces before the cursor, then the word: Latin letters and digits, or one
            // run of anything else up to a space.
            let before = &query[..*cursor];
            let trimmed = before.trim_end_matches(' ');
            let word_start = trimmed
                .char_indices()
                .rev()
                .find(|&(_, c)| c == ' ')
                .map_or(0, |(i, c)| i + c.len_utf8());
            query.replace_range(word_start..*cursor, "");
            *cursor = word_start;
        }
        KeyCode::Backspace | KeyCode::Char('h') if key.code == KeyCode::Backspace || ctrl => {
            let p = prev(query, *cursor);
            query.replace_range(p..*cursor, "");
            *cursor = p;
        }
        KeyCode::Delete => {
            let n = next(query, *cursor);
            query.replace_range(*cursor..n, "");
        }
        KeyCode::Char(c) if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) => {
            query.insert(*cursor, c);
            *cursor += c.len_utf8();
        }
        _ => return false,
    }
    true
}

/// How much text a search looks through before the screen is drawn again: the first
/// part when a key changes the query, then one part at a time while no key is waiting.
pub(super) const SEARCH_STEP_BYTES: usize = 2 << 20;

impl App {
    /// Opens the search prompt (backward with `backward`), remembering where the reader
    /// is and the search before, to go back to both on Esc.
    pub(super) fn start_search(&mut self, backward: bool) {
        let previous = self.search.take().map(Box::new);
        self.search = Some(Search {
            backward,
            origin: self.layout.pos(&self.article, self.top).unwrap_or_default(),
            ..Search::default()
        });
        self.open_search_prompt(previous);
    }

    /// Whether a search has items left to look through.
    pub fn search_pending(&self) -> bool {
        self.search
            .as_ref()
            .is_some_and(|s| !s.complete(self.items.len()))
    }

    /// The search prompt's update: it edits the query (looked for as it is typed), walks
    /// the history, and closes on Enter or Esc. A prompt takes keys, not actions
    /// ([`crate::view::app::Input`]).
    pub(super) fn update_search_prompt(&mut self, key: KeyEvent) {
        let (Mode::SearchPrompt { prompt, .. }, Some(search)) =
            (&mut self.mode, self.search.as_mut())
        else {
            // A prompt without its search (none is made so) closes rather than hold
            // the keys.
            self.close_search_prompt();
            return;
        };
        match key.code {
            KeyCode::Esc => {
                // Back where the prompt opened, with the search before it for n/N.
                let origin = search.origin;
                self.search = prompt.previous.take().map(|b| *b);
                self.close_overlay();
                let line = self.layout.line_of(&self.article, origin);
                self.scroll_to(line);
                return;
            }
            KeyCode::Enter => {
                let previous = self.close_search_prompt().and_then(|p| p.previous);
                let Some(search) = self.search.as_mut() else {
                    return;
                };
                if search.query.is_empty() {
                    // An empty query repeats the last search, in this prompt's direction.
                    let last = previous
                        .as_ref()
                        .map(|p| p.query.clone())
                        .or_else(|| self.search_history.last().cloned());
                    let Some(last) = last else {
                        self.search = None;
                        self.message = Some("no previous search".to_string());
                        return;
                    };
                    search.query = last;
                    self.refresh_matches();
                }
                if let Some(search) = self.search.as_mut() {
                    remember(&mut self.search_history, &search.query);
                    // A search is a jump: `''` goes back to where it started.
                    self.goto.jump_origin = Some(search.origin);
                }
                self.finish_search();
                if let Some(search) = self.search.as_ref().filter(|s| s.matches.is_empty()) {
                    self.message = Some(match self.loading.filter(|l| !l.failed) {
                        // Only the beginning is read: looked for again in the whole.
                        Some(l) => format!(
                            "not in the first {} read so far: {} (looked for again when the whole file is in)",
                            crate::input::source::human_size(l.shown),
                            search.query
                        ),
                        None => format!("pattern not found: {}", search.query),
                    });
                }
                return;
            }
            KeyCode::Backspace if search.query.is_empty() => {
                // Backspace on an empty prompt closes it, as in less and vim.
                self.update_search_prompt(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
                return;
            }
            KeyCode::Up | KeyCode::Down => {
                let history = &self.search_history;
                let pos = match (key.code, prompt.history_pos) {
                    (KeyCode::Up, None) if !history.is_empty() => {
                        prompt.draft = search.query.clone();
                        Some(history.len() - 1)
                    }
                    (KeyCode::Up, Some(p)) => Some(p.saturating_sub(1)),
                    (KeyCode::Down, Some(p)) if p + 1 < history.len() => Some(p + 1),
                    (KeyCode::Down, Some(_)) => None,
                    (_, p) => {
                        if p.is_none() {
                            return;
                        }
                        p
                    }
                };
                let text = match pos {
                    Some(p) => history[p].clone(),
                    None => std::mem::take(&mut prompt.draft),
                };
                prompt.history_pos = pos;
                prompt.cursor = text.len();
                search.query = text;
            }
            _ => {
                let old = search.query.clone();
                if !edit_line(&mut search.query, &mut prompt.cursor, &key) || old == search.query {
                    // Not an editing key, or only the cursor moved: nothing to look for.
                    return;
                }
            }
        }
        self.refresh_matches();
    }

    /// Starts the search for the query again from the beginning, moving to the first
    /// match at or after where the search started once it is found.
    pub(super) fn refresh_matches(&mut self) {
        if let Some(search) = self.search.as_mut() {
            search.matches.clear();
            search.current = None;
            search.scanned = 0;
            search.seek = true;
        }
        self.search_more(SEARCH_STEP_BYTES);
    }

    /// Finds the matches again (the article changed) without moving.
    pub(super) fn refresh_matches_in_place(&mut self) {
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
    pub(super) fn search_more(&mut self, budget: usize) {
        let Some(search) = self.search.as_mut() else {
            return;
        };
        let (article, items) = (&self.article, &self.items);
        let folding = self.config.search;
        let finder = QueryFinder::new(&search.query, folding);
        // A query typed as the screen shows a script that changes words (Taiwan's 軟體
        // for 软件) is looked for in the source's words too.
        let words = folding
            .fold_script
            .then(|| {
                crate::text::convert::query_in_source_words(self.config.text.script, &search.query)
            })
            .flatten()
            .and_then(|q| QueryFinder::new(&q, folding));
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
                let before = search.matches.len();
                f.find_in_item(article, item, i, &mut search.matches);
                if let Some(w) = &words {
                    w.find_in_item(article, item, i, &mut search.matches);
                    merge_matches(&mut search.matches, before);
                }
            }
            bytes = bytes.saturating_add(item_len(article, item).max(1));
        }
        if !search.seek {
            return;
        }
        let origin = search.origin;
        let at = |m: &Match| Pos {
            item: m.item,
            offset: m.range.start,
        };
        let done = search.complete(items.len());
        let found = if search.backward {
            // The last match before the origin: known once the search has passed it.
            if !done && search.scanned <= origin.item {
                return;
            }
            search
                .matches
                .partition_point(|m| at(m) < origin)
                .checked_sub(1)
        } else {
            search.matches[from..]
                .iter()
                .position(|m| at(m) >= origin)
                .map(|k| from + k)
        };
        let wrap_to = if search.backward {
            search.matches.len().saturating_sub(1)
        } else {
            0
        };
        match found {
            Some(k) => search.current = Some(k),
            None if done && !search.matches.is_empty() => search.current = Some(wrap_to),
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

    /// The whole of a large file has replaced its beginning: a search that found nothing
    /// in the beginning is made again in the whole, going to its first match at or after
    /// where it started, and says how it went.
    pub(super) fn search_again_in_the_whole(&mut self) {
        let Some(search) = self.search.as_mut() else {
            return;
        };
        search.matches.clear();
        search.scanned = 0;
        search.current = None;
        search.seek = true;
        self.search_more(usize::MAX);
        if let Some(search) = self.search.as_ref() {
            self.message = Some(if search.matches.is_empty() {
                format!("pattern not found: {}", search.query)
            } else {
                format!(
                    "found once the whole file was read: {} ({})",
                    search.query,
                    count_matches(search.matches.len(), false)
                )
            });
        }
    }

    /// Searches the rest of the article now (before an answer that needs every match).
    pub(super) fn finish_search(&mut self) {
        if self.search_pending() {
            self.search_more(usize::MAX);
        }
    }

    pub(super) fn show_current_match(&mut self) {
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

    pub(super) fn step_match(&mut self, forward: bool) {
        if self.search.is_none()
            && let Some(last) = self.search_history.last().cloned()
        {
            // The search was put away (Esc): n and N take it up again from here.
            self.search = Some(Search {
                query: last,
                origin: self.layout.pos(&self.article, self.top).unwrap_or_default(),
                ..Search::default()
            });
            self.refresh_matches();
            self.finish_search();
            if let Some(s) = self.search.as_ref().filter(|s| s.matches.is_empty()) {
                self.message = Some(format!("pattern not found: {}", s.query));
            }
            return;
        }
        // Stepping and wrapping need every match.
        self.finish_search();
        let Some(search) = self.search.as_mut() else {
            let key = self.keymap.first_key(Action::Search).unwrap_or_default();
            self.message = Some(format!("no search yet ({key} searches)"));
            return;
        };
        // n goes the way the search went, N the other way.
        let forward = forward != search.backward;
        let n = search.matches.len();
        if n == 0 {
            self.message = Some(format!("pattern not found: {}", search.query));
            return;
        }
        let current = search.current.unwrap_or(0);
        // n and N are jumps too: `''` goes back to where they started.
        self.note_jump_origin();
        let Some(search) = self.search.as_mut() else {
            return;
        };
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

/// The matches from `from` on, found by two queries in one item, in order: where two
/// overlap, the one that starts first (the longer where they start together).
fn merge_matches(matches: &mut Vec<Match>, from: usize) {
    let mut found = matches.split_off(from);
    found.sort_by_key(|m| (m.range.start, std::cmp::Reverse(m.range.end)));
    let mut end = 0;
    for m in found {
        if m.range.start >= end {
            end = m.range.end;
            matches.push(m);
        }
    }
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

    fn keys(query: &str, cursor: usize, keys: &[KeyEvent]) -> (String, usize) {
        let (mut q, mut c) = (query.to_string(), cursor);
        for k in keys {
            edit_line(&mut q, &mut c, k);
        }
        (q, c)
    }

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    #[test]
    fn the_prompt_edits_as_readline_does() {
        let end = "余姚 AIoT 产业".len();
        // Left twice over wide characters, then insert.
        assert_eq!(
            keys("余姚", 6, &[k(KeyCode::Left), k(KeyCode::Char('市'))]),
            ("余市姚".to_string(), 6)
        );
        assert_eq!(keys("余姚 AIoT 产业", end, &[ctrl('w')]).0, "余姚 AIoT ");
        assert_eq!(
            keys("余姚 AIoT 产业", end, &[ctrl('w'), ctrl('w')]).0,
            "余姚 "
        );
        assert_eq!(keys("余姚 AIoT", 7, &[ctrl('u')]), ("AIoT".to_string(), 0));
        assert_eq!(keys("余姚 AIoT", 3, &[ctrl('k')]), ("余".to_string(), 3));
        assert_eq!(
            keys("余姚", 6, &[ctrl('a'), k(KeyCode::Delete)]),
            ("姚".to_string(), 0)
        );
        assert_eq!(
            keys("ab", 0, &[ctrl('e'), k(KeyCode::Backspace)]),
            ("a".to_string(), 1)
        );
        assert_eq!(
            keys("ab", 0, &[k(KeyCode::Backspace), k(KeyCode::Left)]),
            ("ab".to_string(), 0)
        );
        assert_eq!(
            keys("ab", 2, &[k(KeyCode::Right), k(KeyCode::Home)]),
            ("ab".to_string(), 0)
        );
    }

    #[test]
    fn counts_read_right_and_history_keeps_each_query_once() {
        assert_eq!(count_matches(0, false), "no matches");
        assert_eq!(count_matches(1, false), "1 match");
        assert_eq!(count_matches(30, false), "30 matches");
        assert_eq!(count_matches(1, true), "1… matches");
        let mut h = Vec::new();
        for q in ["a", "b", "a", "", "c"] {
            remember(&mut h, q);
        }
        assert_eq!(h, ["b", "a", "c"]);
        for i in 0..HISTORY_LEN + 5 {
            remember(&mut h, &i.to_string());
        }
        assert_eq!(h.len(), HISTORY_LEN);
        assert_eq!(h.last().map(String::as_str), Some("104"));
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
    #[test]
    fn words_shown_in_taiwan_script_are_found() {
        use crate::config::Config;
        use crate::text::convert::Script;
        use crossterm::event::{KeyEvent, KeyModifiers};
        let text = "标题\n\n他坐出租车去软件园，用鼠标点开软件。\n";
        let shown_words = ["計程車", "軟體", "滑鼠"];
        for (script, found) in [
            (Script::Taiwan, [1, 2, 1]),
            (Script::Traditional, [0, 0, 0]),
        ] {
            let mut config = Config::defaults();
            config.text.script = script;
            let article = crate::formats::text::parse(text);
            let mut app = crate::view::app::app_for(article, "t.txt", config, (80, 24))
                .expect("default keys");
            for (query, want) in shown_words.iter().zip(found) {
                for c in format!("/{query}").chars() {
                    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
                }
                app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
                let search = app.search.as_ref().expect("a search");
                assert_eq!(search.matches.len(), want, "{script:?} {query}");
                // Each match is the source's word, in order.
                let (body, _) =
                    crate::layout::item_text(&app.article, app.items.get(1).expect("the body"));
                for m in &search.matches {
                    assert!(["出租车", "软件", "鼠标"].contains(&&body[m.range.clone()]));
                }
            }
        }
    }
}
