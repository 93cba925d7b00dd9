//! The library's file work: the article files of a folder ([`scan`]), each file's
//! summary read from the file and parsed ([`summarise`]), and the thread that summarises
//! a library's files one after the other while the list is already on screen
//! ([`library`]). The list itself, its filter and keys, is `view::library`'s.

use std::path::{Path, PathBuf};
use std::sync::mpsc;

use crate::article::Article;
use crate::formats;
use crate::input::source::{LoadOptions, ReadOptions, Source};
use crate::view::library::{Entry, Library};

/// Counts what `yuedu check` finds in a read and parsed article, in the thread that
/// summarises a library.
pub(crate) type CountFindings = dyn Fn(&Source, &Article) -> usize + Send;

/// Why a folder gives the reader no articles.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    /// The folder cannot be listed.
    #[error("{}: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// No article file stands in the folder (the reader does not look into its folders).
    #[error("{}: no article files ({}) in this folder", path.display(), crate::formats::Format::all_extensions())]
    Empty { path: PathBuf },
}

/// The article files of a folder, sorted by name. Hidden files, folders and files that
/// are not articles (`input::sniff::is_article_file`) are left out.
///
/// # Errors
/// [`ScanError::Unreadable`]: the folder cannot be listed.
pub fn scan(dir: &Path) -> Result<Vec<PathBuf>, ScanError> {
    let unreadable = |source| ScanError::Unreadable {
        path: dir.to_path_buf(),
        source,
    };
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(unreadable)?
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

/// The entry of the file at `path` before it is read: its name and size in bytes (0 when
/// the file cannot be asked).
pub(crate) fn unread(path: &Path) -> Entry {
    let size = std::fs::metadata(path).map_or(0, |m| m.len());
    Entry::unread(path, size)
}

/// Reads, parses and summarises the article at `path` (title, authors, sections,
/// format, and `count_findings` of it); a file that cannot be read is kept with its
/// error, so nothing is silently left out.
pub(crate) fn summarise(
    path: &Path,
    opts: LoadOptions<'_>,
    count_findings: Option<&CountFindings>,
) -> Entry {
    let mut entry = unread(path);
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

/// A library of `files` from `origin` (a folder's name, for the header), shown at once
/// by name and size: a thread reads and summarises the files one after the other and
/// hands each entry, by index, to the list ([`Library::poll`] takes what is done).
pub fn library(
    origin: String,
    files: Vec<PathBuf>,
    read: ReadOptions,
    count_findings: Box<CountFindings>,
) -> Library {
    let entries = files.iter().map(|f| unread(f)).collect();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for (i, f) in files.iter().enumerate() {
            let entry = summarise(f, read.as_load(), Some(&*count_findings));
            if tx.send((i, entry)).is_err() {
                return;
            }
        }
    });
    Library::receiving(origin, entries, rx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_library_shows_names_and_sizes_at_once_and_fills_in_the_rest() {
        let dir = tempfile::tempdir().expect("tempdir");
        let article = dir.path().join("a.txt");
        std::fs::write(&article, crate::input::source::SHIPPED_ARTICLE).expect("write");
        let binary = dir.path().join("b.txt");
        std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").expect("write");
        let files = scan(dir.path()).expect("scan");
        let count: Box<CountFindings> = Box::new(|_, article| article.blocks.len());
        let mut lib = library("test".to_string(), files, ReadOptions::default(), count);
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
        assert_eq!(a.format, Some(formats::Format::Text));
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
        let files: [(&str, &[u8]); 10] = [
            ("a.html", b"x"),
            ("b.htm", b"x"),
            ("c.xhtml", b"x"),
            ("d.markdown", b"x"),
            ("e.epub", b"x"),
            ("f.mhtml", b"x"),
            ("g.MHT", b"x"),
            ("saved-page", b"<!DOCTYPE html><html><body><p>x</p>"),
            (
                "saved-single-file",
                b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n\
                  Content-Type: multipart/related; type=\"text/html\"; boundary=\"B\"\r\n",
            ),
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
                "f.mhtml",
                "g.MHT",
                "saved-page",
                "saved-single-file"
            ]
        );
    }
}
