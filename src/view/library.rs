//! A library of articles: the files of a folder (or given on the command line) with a
//! summary of each — title, authors, sections, size — and the list's state: a filter
//! typed by the user and a selection. No drawing and no terminal here.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::formats;
use crate::input::source::ReadOptions;
use crate::input::source::{self, LoadOptions};
use crate::layout::PunctuationDisplay;
use crate::text::convert::Script;

/// Counts what `yuedu check` finds in a read and parsed article.
pub(crate) type CountFindings<'a> = dyn Fn(&source::Source, &crate::article::Article) -> usize + 'a;

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
    /// Reads and summarises the article at `path`; a file that cannot be read is kept
    /// with its error, so nothing is silently left out.
    pub(crate) fn read(
        path: &Path,
        opts: LoadOptions<'_>,
        count_findings: Option<&CountFindings<'_>>,
    ) -> Entry {
        let mut entry = Entry::unread(path);
        entry.summarised = true;
        match formats::load(Some(path), opts) {
            Ok(src) => {
                let article = formats::parse_shared(src.format, &src.text);
                entry.title = article.title.as_ref().map(|t| t.text.clone());
                entry.authors = article.authors.clone();
                entry.sections = article.headings().count();
                entry.format = Some(src.format);
                entry.findings = count_findings.map(|count| count(&src, &article));
            }
            Err(e) => entry.error = Some(e.to_string()),
        }
        entry
    }

    /// The entry of the file at `path` before it is read: its name and size.
    pub(crate) fn unread(path: &Path) -> Entry {
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
            size: std::fs::metadata(path).map_or(0, |m| m.len()),
            findings: None,
            error: None,
            summarised: false,
            format: None,
        }
    }

    /// Whether the entry matches a filter: every word of it appears in the name, the
    /// title or an author (Latin letters in either case).
    pub(crate) fn matches(&self, filter: &str) -> bool {
        let haystack = format!(
            "{} {} {}",
            self.name,
            self.title.as_deref().unwrap_or(""),
            self.authors.join(" ")
        )
        .to_lowercase();
        filter
            .to_lowercase()
            .split_whitespace()
            .all(|w| haystack.contains(w))
    }
}

/// The article files of a folder, sorted by name. Hidden files are left out.
pub fn scan(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .filter(|p| crate::input::sniff::is_article_file(p))
        .collect();
    files.sort();
    Ok(files)
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
    /// Entries read in the background, by index, as they are summarised.
    pending: Option<Receiver<(usize, Entry)>>,
}

/// Counts what `yuedu check` finds, in the thread that summarises a library.
pub(crate) type CountFindingsSend =
    dyn Fn(&source::Source, &crate::article::Article) -> usize + Send;

impl Library {
    pub fn new(origin: String, entries: Vec<Entry>) -> Library {
        Library {
            origin,
            entries,
            filter: String::new(),
            selected: 0,
            message: None,
            shown: (Script::AsIs, PunctuationDisplay::AsIs),
            pending: None,
        }
    }

    /// A library of `files` shown at once by name and size, read and summarised one
    /// after the other in a thread ([`Library::poll`] takes what is done).
    pub fn reading(
        origin: String,
        files: Vec<PathBuf>,
        read: ReadOptions,
        count_findings: Box<CountFindingsSend>,
    ) -> Library {
        let entries = files.iter().map(|f| Entry::unread(f)).collect();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for (i, f) in files.iter().enumerate() {
                let entry = Entry::read(f, read.as_load(), Some(&*count_findings));
                if tx.send((i, entry)).is_err() {
                    return;
                }
            }
        });
        let mut lib = Library::new(origin, entries);
        lib.pending = Some(rx);
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
            .filter(|&i| self.entries[i].matches(&self.filter))
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
        Entry {
            path: PathBuf::from(name),
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
    fn a_library_shows_names_and_sizes_at_once_and_fills_in_the_rest() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("a.txt");
        std::fs::write(&article, crate::input::source::SHIPPED_ARTICLE).expect("write");
        let binary = dir.path().join("b.txt");
        std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").expect("write");
        let files = scan(dir.path()).expect("scan");
        let count: Box<CountFindingsSend> = Box::new(|_, article| article.blocks.len());
        let mut lib = Library::reading("test".to_string(), files, ReadOptions::default(), count);
        // Before anything is read, every file is there by name and size.
        let names: Vec<&str> = lib.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["a.txt", "b.txt"]);
        assert_eq!(
            lib.entries[0].size,
            crate::input::source::SHIPPED_ARTICLE.len() as u64
        );
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while lib.summarising() && std::time::Instant::now() < deadline {
            lib.poll();
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert!(!lib.summarising() && lib.entries.iter().all(|e| e.summarised));
        let a = &lib.entries[0];
        assert_eq!(a.sections, 3);
        assert_eq!(a.authors, ["陈醉", "劳超杰"]);
        assert!(a.findings.is_some_and(|n| n > 0) && a.error.is_none());
        assert!(
            lib.entries[1].error.is_some(),
            "the binary file is kept with its error"
        );
    }

    #[test]
    fn scan_lists_article_files_sorted_and_skips_others() {
        let dir = tempfile::tempdir().expect("tempdir");
        for name in ["b.txt", "a.md", ".hidden.txt", "image.png", "c.TXT"] {
            std::fs::write(dir.path().join(name), "x").expect("write");
        }
        std::fs::create_dir(dir.path().join("sub.txt")).expect("dir");
        let names: Vec<String> = scan(dir.path())
            .expect("scan")
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        assert_eq!(names, ["a.md", "b.txt", "c.TXT"]);
    }

    #[test]
    fn scan_lists_pages_and_sniffs_files_without_an_extension() {
        let dir = tempfile::tempdir().expect("tempdir");
        let files: [(&str, &[u8]); 7] = [
            ("a.html", b"x"),
            ("b.htm", b"x"),
            ("c.xhtml", b"x"),
            ("d.markdown", b"x"),
            ("e.epub", b"x"),
            ("saved-page", b"<!DOCTYPE html><html><body><p>x</p>"),
            ("notes", b"just some words"),
        ];
        for (name, bytes) in files {
            std::fs::write(dir.path().join(name), bytes).expect("write");
        }
        let names: Vec<String> = scan(dir.path())
            .expect("scan")
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        assert_eq!(
            names,
            [
                "a.html",
                "b.htm",
                "c.xhtml",
                "d.markdown",
                "e.epub",
                "saved-page"
            ]
        );
    }
}
