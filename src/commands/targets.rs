//! What the non-interactive commands (`check`, `outline`, `dump`) read: the paths as
//! given, standard input when it is piped or named "-", the articles below a folder
//! (recursively, in a stable order), or the shipped article when nothing is given.

use std::path::{Path, PathBuf};

use crate::formats::Format;

/// Why the paths given to a command name no articles to read.
#[derive(Debug, thiserror::Error)]
pub enum TargetError {
    /// A folder that could not be read.
    #[error("{}: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// "-" named more than once: standard input can be read only once.
    #[error("\"-\" (standard input) is named more than once; it can be read only once")]
    StdinTwice,
    /// A folder with no article file below it.
    #[error("{}: no article files ({}) below this folder", path.display(), Format::all_extensions())]
    Empty { path: PathBuf },
}

/// One article a command reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// Standard input ("-", or nothing given while it is piped).
    Stdin,
    /// The shipped article (nothing given, nothing piped).
    Shipped,
    /// A file.
    File(PathBuf),
}

impl Target {
    /// The path [`crate::input::source::load`] takes: `None` for the shipped article,
    /// "-" for standard input.
    pub(crate) fn load_path(&self) -> Option<&Path> {
        match self {
            Target::Stdin => Some(Path::new("-")),
            Target::Shipped => None,
            Target::File(p) => Some(p),
        }
    }

    /// The name a command's output gives the article read from it as `src`: the path
    /// as given, the shipped article's path, or the one name of standard input.
    pub fn name(&self, src: &crate::input::source::Source) -> String {
        match self {
            Target::File(p) => p.display().to_string(),
            Target::Shipped => crate::input::source::SHIPPED_PATH.to_string(),
            Target::Stdin => src.origin.to_string(),
        }
    }
}

/// The articles `paths` name, in order: a folder stands for the articles below it
/// (sorted by path, hidden files and folders left out), "-" for standard input; no path
/// means standard input when `stdin_piped`, else the shipped article.
///
/// Errors: a folder that cannot be read ([`TargetError::Unreadable`]) or holds no
/// article ([`TargetError::Empty`]); "-" named twice ([`TargetError::StdinTwice`]).
pub fn expand(paths: &[PathBuf], stdin_piped: bool) -> Result<Vec<Target>, TargetError> {
    if paths.is_empty() {
        return Ok(vec![if stdin_piped {
            Target::Stdin
        } else {
            Target::Shipped
        }]);
    }
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            if out.contains(&Target::Stdin) {
                return Err(TargetError::StdinTwice);
            }
            out.push(Target::Stdin);
        } else if p.is_dir() {
            let mut found = Vec::new();
            articles_below(p, &mut found).map_err(|source| TargetError::Unreadable {
                path: p.clone(),
                source,
            })?;
            if found.is_empty() {
                return Err(TargetError::Empty { path: p.clone() });
            }
            found.sort();
            out.extend(found.into_iter().map(Target::File));
        } else {
            out.push(Target::File(p.clone()));
        }
    }
    Ok(out)
}

/// Adds the article files below `dir` to `out` (as the library lists them:
/// [`crate::input::sniff::is_article_file`]), depth first; hidden entries and a saved
/// page's resource folder ([`crate::input::sniff::is_saved_page_resources`]) are
/// skipped and symbolic links to folders are not followed (no loops).
fn articles_below(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            // A saved page's resources (`NAME_files/` beside `NAME.html`) are not articles.
            if !crate::input::sniff::is_saved_page_resources(&path) {
                articles_below(&path, out)?;
            }
        } else if path.is_file() && crate::input::sniff::is_article_file(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// Runs `work` on every item on up to `threads` threads and gives the results in the
/// items' order (a stable output, whatever finishes first).
pub(crate) fn map_parallel<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|s| {
        for _ in 0..threads.clamp(1, items.len().max(1)) {
            s.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else {
                        break;
                    };
                    let r = work(item);
                    if let Ok(mut slot) = results[i].lock() {
                        *slot = Some(r);
                    }
                }
            });
        }
    });
    results
        .into_iter()
        .filter_map(|m| m.into_inner().ok().flatten())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_expand_recursively_in_a_stable_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/c")).expect("dirs");
        std::fs::create_dir_all(root.join(".hidden")).expect("dirs");
        for f in [
            "z.txt",
            "a.md",
            "b/c/d.text",
            "b/x.TXT",
            "b/skip.pdf",
            "b/page.HTML",
            "book.epub",
            "n.markdown",
            ".hidden/h.txt",
        ] {
            std::fs::write(root.join(f), "x").expect("write");
        }
        // No extension: an article when it sniffs as markup, else not.
        std::fs::write(root.join("saved"), "<!DOCTYPE html><p>x</p>").expect("write");
        std::fs::write(root.join("LICENSE"), "plain words").expect("write");
        let got = expand(&[root.to_path_buf()], false).expect("expand");
        let want: Vec<Target> = [
            "a.md",
            "b/c/d.text",
            "b/page.HTML",
            "b/x.TXT",
            "book.epub",
            "n.markdown",
            "saved",
            "z.txt",
        ]
        .iter()
        .map(|f| Target::File(root.join(f)))
        .collect();
        assert_eq!(got, want);
        let empty = tempfile::tempdir().expect("tempdir");
        let e = expand(&[empty.path().to_path_buf()], false).expect_err("empty");
        assert!(e.to_string().contains("no article files"), "{e}");
    }

    #[test]
    fn nothing_given_is_stdin_when_piped_else_the_shipped_article() {
        assert_eq!(expand(&[], true).ok(), Some(vec![Target::Stdin]));
        assert_eq!(expand(&[], false).ok(), Some(vec![Target::Shipped]));
        assert_eq!(
            expand(&[PathBuf::from("-"), PathBuf::from("a.txt")], false).ok(),
            Some(vec![Target::Stdin, Target::File(PathBuf::from("a.txt"))])
        );
        let twice = expand(&[PathBuf::from("-"), PathBuf::from("-")], false);
        assert!(matches!(twice, Err(TargetError::StdinTwice)), "{twice:?}");
    }

    #[test]
    fn parallel_results_keep_the_order() {
        let items: Vec<u64> = (0..200).collect();
        let out = map_parallel(&items, 4, |&n| {
            std::thread::sleep(std::time::Duration::from_micros((200 - n) * 10));
            n * 2
        });
        assert_eq!(out, items.iter().map(|n| n * 2).collect::<Vec<_>>());
    }
}
