//! A library of articles: the files of a folder (or given on the command line) with a
//! summary of each — title, authors, sections, size — and the list's state: a filter
//! typed by the user and a selection. No drawing, no terminal and no file here: the
//! entries are handed in, and those summarised later arrive on a channel
//! (`session::library` reads the files).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::formats;
use crate::layout::PunctuationDisplay;
use crate::text::convert::Script;
use crate::text::fold::{Finder, Folding};

/// One article of the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub(crate) path: PathBuf,
    /// The file name, for display.
    pub(crate) name: String,
    pub(crate) title: Option<String>,
    pub(crate) authors: Vec<String>,
    pub(crate) sections: usize,
    /// File size in bytes.
    pub(crate) size: u64,
    /// Findings of `yuedu check` (all severities), when known.
    pub(crate) findings: Option<usize>,
    /// Why the file could not be read, when it could not.
    pub(crate) error: Option<String>,
    /// Whether the file has been read and summarised (the library shows its entries at
    /// once and summarises them in the background: a folder may hold 50 MB articles).
    pub(crate) summarised: bool,
    /// The format the file was read in, once read.
    pub(crate) format: Option<formats::Format>,
}

impl Entry {
    /// A summarised entry of `name` with `title` and `authors`, for tests.
    #[cfg(test)]
    pub(crate) fn summarised(name: &str, title: &str, authors: &[&str]) -> Entry {
        Entry {
            path: std::path::PathBuf::from(name),
            name: name.to_string(),
            title: Some(title.to_string()),
            authors: authors.iter().map(ToString::to_string).collect(),
            sections: 0,
            size: 0,
            findings: None,
            error: None,
            summarised: true,
            format: None,
        }
    }

    /// The entry of the file at `path` before it is read: its name and its `size` in
    /// bytes.
    pub(crate) fn unread(path: &Path, size: u64) -> Entry {
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Entry {
            path: path.to_path_buf(),
            name,
            title: None,
            authors: Vec::new(),
            sections: 0,
            size,
            findings: None,
            error: None,
            summarised: false,
            format: None,
        }
    }

    /// Whether the entry matches a filter: every word of it appears in the name, the
    /// title or an author, as the source has them or as the list shows them (`shown`:
    /// script and punctuation), folded as a search folds (`folding`: Simplified and
    /// Traditional, full- and half-width forms, Latin case; [`crate::text::fold`]).
    pub(crate) fn matches(
        &self,
        filter: &str,
        shown: (Script, PunctuationDisplay),
        folding: Folding,
    ) -> bool {
        let source = format!(
            "{} {} {}",
            self.name,
            self.title.as_deref().unwrap_or(""),
            self.authors.join(" ")
        );
        let (script, punctuation) = shown;
        let on_screen = crate::layout::shown::shown(&source, script, punctuation);
        filter.split_whitespace().all(|w| {
            Finder::new(w, folding).is_none_or(|f| {
                [source.as_str(), &on_screen].iter().any(|hay| {
                    let mut found = false;
                    f.find_iter(hay, &mut |_| found = true);
                    found
                })
            })
        })
    }
}

/// What the library asks of the event loop after a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    None,
    Open(PathBuf),
    Quit,
}

/// The list the user browses.
#[derive(Debug)]
pub struct Library {
    /// Where the articles come from, for the header.
    pub(crate) origin: String,
    pub(crate) entries: Vec<Entry>,
    pub(crate) filter: String,
    /// Index into [`Library::visible`].
    pub(crate) selected: usize,
    pub(crate) message: Option<String>,
    /// How titles and authors are shown (`[text] script` and `punctuation`; display
    /// only, as in the reader).
    pub shown: (Script, PunctuationDisplay),
    /// How the filter folds what it looks for (`[search]`, as `/` in the reader).
    pub folding: Folding,
    /// Entries read in the background, by index, as they are summarised.
    pending: Option<Receiver<(usize, Entry)>>,
}

impl Library {
    pub fn new(origin: String, entries: Vec<Entry>) -> Library {
        Library {
            origin,
            entries,
            filter: String::new(),
            selected: 0,
            message: None,
            shown: (Script::AsIs, PunctuationDisplay::AsIs),
            folding: Folding::default(),
            pending: None,
        }
    }

    /// Titles and authors shown, and the filter folding, as `config` says (`[text]
    /// script` and `punctuation`, `[search]`).
    pub fn show_as(&mut self, config: &crate::config::Config) {
        self.shown = (config.text.script, config.text.punctuation);
        self.folding = config.search;
    }

    /// A library of `entries` shown at once, whose entries summarised later arrive on
    /// `summarised` as (index, entry) ([`Library::poll`] takes what is done); the
    /// entries still unread when the sender is dropped are marked unreadable.
    pub(crate) fn receiving(
        origin: String,
        entries: Vec<Entry>,
        summarised: Receiver<(usize, Entry)>,
    ) -> Library {
        let mut lib = Library::new(origin, entries);
        lib.pending = Some(summarised);
        lib
    }

    /// Whether entries are still being read.
    pub(crate) fn summarising(&self) -> bool {
        self.pending.is_some()
    }

    /// Takes the entries read since the last call; returns whether any came.
    pub(crate) fn poll(&mut self) -> bool {
        let Some(rx) = &self.pending else {
            return false;
        };
        let mut changed = false;
        loop {
            match rx.try_recv() {
                Ok((i, entry)) => {
                    if let Some(e) = self.entries.get_mut(i) {
                        *e = entry;
                        changed = true;
                    }
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.pending = None;
                    // A thread that stopped early leaves its entries unread: say so.
                    for e in self.entries.iter_mut().filter(|e| !e.summarised) {
                        e.error = Some("could not be read".to_string());
                        e.summarised = true;
                        changed = true;
                    }
                    break;
                }
            }
        }
        if changed {
            self.clamp();
        }
        changed
    }

    /// The indexes of the entries that pass the filter.
    pub(crate) fn visible(&self) -> Vec<usize> {
        (0..self.entries.len())
            .filter(|&i| self.entries[i].matches(&self.filter, self.shown, self.folding))
            .collect()
    }

    /// The selected entry.
    pub(crate) fn selected_entry(&self) -> Option<&Entry> {
        self.visible().get(self.selected).map(|&i| &self.entries[i])
    }

    fn clamp(&mut self) {
        let n = self.visible().len();
        self.selected = self.selected.min(n.saturating_sub(1));
    }

    /// Handles a key: arrows move, Enter opens, typing filters, Backspace edits the
    /// filter, Esc clears it (or quits when it is empty), q quits when nothing is typed.
    pub fn handle_key(&mut self, key: KeyEvent) -> Outcome {
        if key.kind == KeyEventKind::Release {
            return Outcome::None;
        }
        self.message = None;
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('c') if ctrl => return Outcome::Quit,
            KeyCode::Down | KeyCode::Tab => self.selected += 1,
            KeyCode::Char('n') if ctrl => self.selected += 1,
            KeyCode::Up | KeyCode::BackTab => self.selected = self.selected.saturating_sub(1),
            KeyCode::Char('p') if ctrl => self.selected = self.selected.saturating_sub(1),
            KeyCode::PageDown => self.selected += 10,
            KeyCode::PageUp => self.selected = self.selected.saturating_sub(10),
            KeyCode::Home => self.selected = 0,
            KeyCode::End => self.selected = usize::MAX,
            KeyCode::Enter => {
                return match self.selected_entry() {
                    Some(e) if e.error.is_none() => Outcome::Open(e.path.clone()),
                    Some(e) => {
                        self.message = e.error.clone();
                        Outcome::None
                    }
                    None => Outcome::None,
                };
            }
            KeyCode::Esc if self.filter.is_empty() => return Outcome::Quit,
            KeyCode::Esc => {
                self.filter.clear();
                self.selected = 0;
            }
            KeyCode::Backspace => {
                self.filter.pop();
                self.selected = 0;
            }
            KeyCode::Char('q') if self.filter.is_empty() => return Outcome::Quit,
            KeyCode::Char(c) if !ctrl && !c.is_control() => {
                self.filter.push(c);
                self.selected = 0;
            }
            _ => {}
        }
        self.clamp();
        if self.visible().is_empty() && !self.filter.is_empty() {
            self.message = Some("no article matches the filter".to_string());
        }
        Outcome::None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, title: &str, authors: &[&str]) -> Entry {
        Entry::summarised(name, title, authors)
    }

    fn press(lib: &mut Library, keys: &str) -> Outcome {
        let mut last = Outcome::None;
        for c in keys.chars() {
            let code = match c {
                '\n' => KeyCode::Enter,
                '\x1b' => KeyCode::Esc,
                '\x08' => KeyCode::Backspace,
                '↓' => KeyCode::Down,
                c => KeyCode::Char(c),
            };
            last = lib.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        }
        last
    }

    fn library() -> Library {
        Library::new(
            "articles".to_string(),
            vec![
                entry("a.txt", "余姚在长三角", &["陈醉"]),
                entry("b.txt", "古镇新生", &["王五"]),
                entry("c.txt", "AIoT 企业", &["李四"]),
            ],
        )
    }

    #[test]
    fn typing_filters_by_title_author_or_name_and_enter_opens() {
        let mut lib = library();
        assert_eq!(
            press(&mut lib, "王五\n"),
            Outcome::Open(PathBuf::from("b.txt"))
        );
        let mut lib = library();
        assert_eq!(
            press(&mut lib, "aiot\n"),
            Outcome::Open(PathBuf::from("c.txt"))
        );
        let mut lib = library();
        assert_eq!(
            press(&mut lib, "↓↓\n"),
            Outcome::Open(PathBuf::from("c.txt"))
        );
    }

    #[test]
    fn the_filter_folds_as_search_does_and_finds_what_the_list_shows() {
        // Traditional typed, Simplified in the title; a full-width Latin letter.
        for (typed, want) in [
            ("長三角", "a.txt"),
            ("ＡＩＯＴ", "c.txt"),
            ("古鎮", "b.txt"),
        ] {
            let mut lib = library();
            assert_eq!(
                press(&mut lib, &format!("{typed}\n")),
                Outcome::Open(PathBuf::from(want)),
                "{typed}"
            );
        }
        // Shown in Taiwan's words: 軟體 for 软件.
        let mut lib = Library::new(
            "articles".to_string(),
            vec![entry("d.txt", "软件园里", &[]), entry("e.txt", "古镇", &[])],
        );
        lib.shown = (Script::Taiwan, PunctuationDisplay::AsIs);
        assert_eq!(
            press(&mut lib, "軟體\n"),
            Outcome::Open(PathBuf::from("d.txt"))
        );
        // Folding off: only the text as written.
        let mut lib = library();
        lib.folding = Folding {
            fold_script: false,
            fold_width: false,
            fold_case: false,
        };
        assert_eq!(press(&mut lib, "長三角"), Outcome::None);
        assert_eq!(lib.visible(), Vec::<usize>::new());
    }

    #[test]
    fn esc_clears_the_filter_then_quits_and_q_quits_only_when_nothing_is_typed() {
        let mut lib = library();
        assert_eq!(press(&mut lib, "xyz"), Outcome::None);
        assert_eq!(
            lib.message.as_deref(),
            Some("no article matches the filter")
        );
        assert_eq!(press(&mut lib, "\x1b"), Outcome::None);
        assert_eq!(lib.visible().len(), 3);
        assert_eq!(press(&mut lib, "q"), Outcome::Quit);
        let mut lib = library();
        assert_eq!(
            press(&mut lib, "aq"),
            Outcome::None,
            "q is typed into a filter"
        );
        assert_eq!(press(&mut lib, "\x08\x08\x1b"), Outcome::Quit);
    }

    #[test]
    fn entries_arrive_by_index_and_those_never_sent_are_said_unreadable() {
        let entries = vec![
            Entry::unread(Path::new("a.txt"), 10),
            Entry::unread(Path::new("b.txt"), 20),
        ];
        let (tx, rx) = std::sync::mpsc::channel();
        let mut lib = Library::receiving("test".to_string(), entries, rx);
        assert!(lib.summarising() && !lib.poll(), "nothing has come yet");
        tx.send((0, entry("a.txt", "古镇新生", &["王五"])))
            .expect("send");
        assert!(lib.poll());
        assert_eq!(lib.entries[0].title.as_deref(), Some("古镇新生"));
        assert!(!lib.entries[1].summarised && lib.entries[1].size == 20);
        drop(tx);
        assert!(lib.poll());
        assert!(!lib.summarising());
        assert_eq!(lib.entries[1].error.as_deref(), Some("could not be read"));
        assert!(lib.entries[0].error.is_none());
    }
}
