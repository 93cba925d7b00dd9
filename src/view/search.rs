//! Search: the query typed in the status bar, its matches (looked for a part at a time
//! in a large article), and stepping through them. Matching a query against the text is
//! [`QueryFinder`] alone.

use std::ops::Range;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::article::Article;
use crate::layout::{Item, Items, Pos, item_len, item_text};
use crate::view::action::Action;
use crate::view::app::App;

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
pub(super) const SEARCH_STEP_BYTES: usize = 2 << 20;

impl App {
    /// Opens the search prompt, remembering where the reader is to go back on Esc.
    pub(super) fn start_search(&mut self) {
        self.search = Some(Search {
            editing: true,
            origin: self.layout.pos(&self.article, self.top).unwrap_or_default(),
            ..Search::default()
        });
    }

    /// Whether a search has items left to look through.
    pub fn search_pending(&self) -> bool {
        self.search
            .as_ref()
            .is_some_and(|s| !s.complete(self.items.len()))
    }

    pub(super) fn edit_search(&mut self, key: KeyEvent) {
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
        let finder = QueryFinder::new(&search.query);
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
}

/// Every match of `query` in the items' source texts; Latin letters match either case.
pub fn find_matches(article: &Article, items: &Items, query: &str) -> Vec<Match> {
    let mut out = Vec::new();
    if let Some(finder) = QueryFinder::new(query) {
        for (i, item) in items.iter().enumerate() {
            finder.find_in_item(article, item, i, &mut out);
        }
    }
    out
}

/// A search query ready to look for: Latin letters match either case; the text is
/// never copied whole (a 50 MB paragraph is lowered a window at a time).
struct QueryFinder {
    finder: memchr::memmem::Finder<'static>,
    /// Whether the query has Latin letters, so that the text's must be folded.
    fold: bool,
}

impl QueryFinder {
    fn new(query: &str) -> Option<QueryFinder> {
        if query.is_empty() {
            return None;
        }
        let needle = query.to_ascii_lowercase();
        Some(QueryFinder {
            fold: needle.bytes().any(|b| b.is_ascii_alphabetic()),
            finder: memchr::memmem::Finder::new(needle.as_bytes()).into_owned(),
        })
    }

    /// Adds the matches in item `item` (index `index`): its text, then a caption's
    /// credit. A match of a whole UTF-8 query in UTF-8 text always starts and ends on
    /// character boundaries, so the search runs on bytes.
    fn find_in_item(&self, article: &Article, item: Item, index: usize, out: &mut Vec<Match>) {
        let (text, credit) = item_text(article, item);
        self.find_in(text.as_bytes(), 0, index, out);
        if let Some(c) = credit {
            self.find_in(c.as_bytes(), text.len(), index, out);
        }
    }

    fn find_in(&self, hay: &[u8], base: usize, item: usize, out: &mut Vec<Match>) {
        let n = self.finder.needle().len();
        let mut push = |at: usize| {
            out.push(Match {
                item,
                range: base + at..base + at + n,
            })
        };
        if !self.fold {
            self.finder.find_iter(hay).for_each(&mut push);
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
            for at in self.finder.find_iter(&lower) {
                if start + at < end {
                    push(start + at);
                }
            }
            start = end;
        }
    }
}

/// How much text is case-folded at a time for a query with Latin letters.
const FOLD_WINDOW: usize = 64 * 1024;

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
        let finder = QueryFinder::new("AIOT").expect("a query");
        let mut found = Vec::new();
        finder.find_in(text.as_bytes(), 0, 0, &mut found);
        let at: Vec<usize> = found.iter().map(|m| m.range.start).collect();
        assert_eq!(at, naive(&text, "aiot"));
        assert_eq!(at.len(), 7, "{at:?}");
        assert!(found.iter().all(|m| m.range.len() == 4));
    }

    #[test]
    fn chinese_queries_match_as_they_are() {
        let finder = QueryFinder::new("余姚").expect("a query");
        assert!(!finder.fold);
        let mut found = Vec::new();
        finder.find_in("在余姚，余姚人".as_bytes(), 10, 7, &mut found);
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
        assert!(QueryFinder::new("").is_none());
    }
}
