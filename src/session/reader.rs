//! Opening an article for reading: the reader's state, where the article was left last
//! time, and how to read it again when the file changes. Shared by the single-article
//! reader and the library.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError};

use crate::config::Config;
use crate::input::source::{self, Origin, Source};
use crate::session::error::{OpenError, SaveError};
use crate::session::history;
use crate::session::state::{self, Store};
use crate::view::app::{self, App, Loaded, Loading};
use crate::{check, formats};

/// Reads an article and what `check` finds in it; the error is for the status bar.
pub(crate) type ReadArticle =
    dyn Fn() -> Result<(crate::article::Article, check::FindingList), source::LoadError>;

/// What the reader needs to read its article again: owned by the session (which opens
/// it), used by the event loop when the file changes or `r` is pressed.
pub struct Reload {
    /// The file to watch.
    pub(crate) path: PathBuf,
    pub(crate) mode: crate::config::WatchMode,
    /// Reads and parses the file, and checks it.
    pub(crate) read: Box<ReadArticle>,
}

pub use crate::input::source::ReadOptions;

/// An article open in the reader.
pub struct Opened {
    pub app: App,
    pub reload: Option<Reload>,
    /// Where the reading position is remembered, and under which key: the key of the
    /// text shown, computed when it was read (at opening, when the whole of a large file
    /// arrived, at each reload); empty while it is not known.
    memory: Option<(Store, Key)>,
}

/// The key of the text the reader shows, shared with whatever reads it anew.
type Key = Arc<Mutex<String>>;

fn set_key(key: &Key, value: String) {
    *key.lock().unwrap_or_else(PoisonError::into_inner) = value;
}

/// Files larger than this open progressively: the first [`PREFIX_BYTES`] are shown at
/// once, the whole file is read, parsed and checked in the background.
pub(crate) const PROGRESSIVE_LOAD_BYTES: u64 = 1 << 20;

/// How much of a large file is shown before the whole of it is read.
pub(crate) const PREFIX_BYTES: usize = 256 * 1024;

/// Opens `src` in a reader of `size`, resuming where it was left when the configuration
/// says so.
pub fn open(
    src: Source,
    config: Config,
    size: (u16, u16),
    read: &ReadOptions,
) -> Result<Opened, OpenError> {
    let article = Arc::new(formats::parse_shared(src.format, &src.text));
    let file = match &src.origin {
        Origin::File(p) => Some(p.clone()),
        _ => None,
    };
    let memory = match (&src.origin, state::state_dir()) {
        (_, Some(dir)) if config.reader.resume => Some((
            Store::new(dir),
            Arc::new(Mutex::new(memory_key(&src.origin, &src.text))),
        )),
        _ => None,
    };
    let built_in = src.origin == Origin::BuiltIn;
    let (name, report) = (shown_name(&src), src.decode_report.clone());
    // The check runs beside the reader, started once the first frame is drawn: a large
    // article opens without waiting for it.
    let (tx, findings) = mpsc::channel();
    let (job_article, levels) = (Arc::clone(&article), config.check.clone());
    let mut app = app::app_for_first_screen(article, &name, config, size)?;
    app.file_info = format!(
        "{name}: {}, {}, {}",
        src.format.name(),
        src.encoding,
        source::human_size(src.text.len() as u64)
    );
    app.after_first_frame = Some(Box::new(move || {
        std::thread::spawn(move || {
            let _ = tx.send(check::check_source(&src, &job_article, &levels));
        });
    }));
    app.pending_findings = Some(findings);
    app.message = report;
    if app.article.blocks.is_empty() && app.article.title.is_none() {
        app.message = Some("the article is empty".to_string());
    }
    if built_in && app.message.is_none() {
        // Started outside the repository: say which article this is.
        app.message = Some("the shipped article, built in (yuedu FILE opens another)".to_string());
    }
    let remembered = memory.as_ref().and_then(|(store, key)| {
        let key = key.lock().unwrap_or_else(PoisonError::into_inner);
        store.get(&key)
    });
    if let Some(pos) = remembered {
        app.resume(pos);
    }
    Ok(finish(app, file, memory, read))
}

/// Opens the article at `path` (`None`: the built-in copy of the shipped article, `-`:
/// standard input) in a reader of `size`: a large file progressively
/// ([`open_progressive`]), anything else read whole ([`open`]). The one way the reader
/// and the library open an article.
///
/// # Errors
/// The file cannot be read ([`OpenError::Load`]) or the key settings conflict.
pub fn open_path(
    path: Option<&Path>,
    config: Config,
    size: (u16, u16),
    read: &ReadOptions,
) -> Result<Opened, OpenError> {
    if let Some(file) = path.filter(|p| *p != Path::new("-"))
        && let Some(opened) = open_progressive(file, config.clone(), size, read)
    {
        return opened;
    }
    let src = formats::load(path, read.as_load())?;
    open(src, config, size, read)
}

/// Where the reading position of an article is kept: a file by its path and content, the
/// built-in copy and standard input by their content alone (they have no path).
fn memory_key(origin: &Origin, text: &str) -> String {
    match origin {
        Origin::File(p) => state::key(p, text),
        Origin::BuiltIn => format!("(built in)#{:016x}", state::content_hash(text)),
        Origin::Stdin => format!("(standard input)#{:016x}", state::content_hash(text)),
    }
}

/// Opens a large file at `path` progressively: its first part is parsed and shown at
/// once, and a thread reads, parses and checks the whole file and hands it to the
/// reader ([`App::finish_loading`]). `None` when the file is not large, or not plain
/// UTF-8 at its start: [`open`] it as a whole then.
pub(crate) fn open_progressive(
    path: &Path,
    config: Config,
    size: (u16, u16),
    read: &ReadOptions,
) -> Option<Result<Opened, OpenError>> {
    let (prefix, total) =
        source::load_prefix(path, read.as_load(), PROGRESSIVE_LOAD_BYTES, PREFIX_BYTES)?;
    let shown = prefix.text.len() as u64;
    let article = Arc::new(formats::parse_shared(prefix.format, &prefix.text));
    let store = state::state_dir()
        .filter(|_| config.reader.resume)
        .map(Store::new);
    // The key of the content is known once the whole file is read.
    let key: Key = Arc::default();
    let (tx, rx) = mpsc::channel();
    let (job_path, job_read, levels) = (path.to_path_buf(), read.clone(), config.check.clone());
    let (job_store, job_key) = (store.clone(), Arc::clone(&key));
    std::thread::spawn(move || {
        let src = match formats::load(Some(&job_path), job_read.as_load()) {
            Ok(src) => src,
            Err(e) => {
                let _ = tx.send(Err(e));
                return;
            }
        };
        let article = Arc::new(formats::parse_shared(src.format, &src.text));
        let resume = job_store.as_ref().and_then(|s| {
            let key = state::key(&job_path, &src.text);
            let resume = s.get(&key);
            set_key(&job_key, key);
            resume
        });
        let (check_tx, findings) = mpsc::channel();
        let loaded = Loaded {
            article: Arc::clone(&article),
            report: src.decode_report.clone(),
            resume,
            findings,
        };
        if tx.send(Ok(loaded)).is_ok() {
            let _ = check_tx.send(check::check_source(&src, &article, &levels));
        }
    });
    let name = shown_name(&prefix);
    let mut app = match app::app_for_first_screen(article, &name, config, size) {
        Ok(app) => app,
        Err(e) => return Some(Err(e.into())),
    };
    app.loading = Some(Loading {
        shown,
        total,
        failed: false,
    });
    app.pending_load = Some(rx);
    let memory = store.map(|s| (s, key));
    Some(Ok(finish(app, Some(path.to_path_buf()), memory, read)))
}

/// The name the status bar shows: the file's, with the format when it is not plain text
/// ("feature.html · html").
fn shown_name(src: &Source) -> String {
    match src.format {
        formats::Format::Text => src.name(),
        f => format!("{} · {}", src.name(), f.name()),
    }
}

/// The reader with how to reload its file and where to remember its position.
fn finish(
    mut app: App,
    file: Option<PathBuf>,
    memory: Option<(Store, Key)>,
    read: &ReadOptions,
) -> Opened {
    // The search history is kept where the positions are, when they are kept.
    if memory.is_some()
        && let Some(dir) = state::state_dir()
    {
        app.search_history = history::load(&dir);
    }
    let levels = app.config.check.clone();
    let watch_mode = app.config.reader.watch;
    let reload = file.map(|path: PathBuf| {
        let read_path = path.clone();
        let read = read.clone();
        // A reload keys the position by the new text (only when positions are kept).
        let key = memory.as_ref().map(|(_, key)| Arc::clone(key));
        Reload {
            path,
            mode: watch_mode,
            read: Box::new(move || {
                let src = formats::load(Some(&read_path), read.as_load())?;
                if let Some(key) = &key {
                    set_key(key, state::key(&read_path, &src.text));
                }
                let article = formats::parse_shared(src.format, &src.text);
                let findings = check::check_source(&src, &article, &levels);
                Ok((article, findings))
            }),
        }
    });
    Opened {
        app,
        reload,
        memory,
    }
}

impl Opened {
    /// Remembers where the reader is; the error is a warning for the user.
    pub fn save_position(&self) -> Result<(), SaveError> {
        let Some((store, key)) = &self.memory else {
            return Ok(());
        };
        if let Some(dir) = state::state_dir()
            && !self.app.search_history.is_empty()
        {
            history::save(&dir, &self.app.search_history)?;
        }
        // The key of the text shown, kept when it was read: the file is not read again
        // (it may have changed since, unseen with `watch = "off"`).
        let key = key.lock().unwrap_or_else(PoisonError::into_inner).clone();
        if key.is_empty() {
            // A large file not yet read whole: nothing to key it by.
            return Ok(());
        }
        store.put(&key, self.app.reading_pos())
    }
}

/// Reads the article again and puts it in place, saying so in the status bar.
pub(crate) fn reload_now(app: &mut App, reload: Option<&Reload>, by_hand: bool) {
    let Some(reload) = reload else {
        if by_hand {
            app.message =
                Some("nothing to reload: the article was not read from a file".to_string());
        }
        return;
    };
    match (reload.read)() {
        Ok((article, findings)) => {
            app.replace_article(article, findings);
            app.message = Some(if by_hand {
                "reloaded".to_string()
            } else {
                "the file changed on disk: reloaded".to_string()
            });
        }
        Err(e) => app.message = Some(format!("reload failed, showing the old text: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        let mut config = Config::defaults();
        config.reader.resume = false;
        config
    }

    #[test]
    fn open_path_opens_a_large_file_in_parts_and_a_small_one_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        let small = dir.path().join("small.txt");
        std::fs::write(&small, source::SHIPPED_ARTICLE).expect("write");
        let large = dir.path().join("large.txt");
        let paragraph = "余姚在长三角的城市群里找到自己的位置。\n\n";
        let times = PROGRESSIVE_LOAD_BYTES as usize / paragraph.len() + 1;
        std::fs::write(&large, paragraph.repeat(times)).expect("write");
        let read = ReadOptions::default();

        let opened = open_path(Some(&small), config(), (80, 24), &read).expect("small");
        assert!(opened.app.loading.is_none(), "a small file is read whole");
        assert!(opened.reload.is_some_and(|r| r.path == small));

        let opened = open_path(Some(&large), config(), (80, 24), &read).expect("large");
        let loading = opened
            .app
            .loading
            .as_ref()
            .expect("a large file opens in parts");
        assert!(loading.shown <= PREFIX_BYTES as u64 && loading.total > loading.shown);
        assert!(opened.reload.is_some_and(|r| r.path == large));

        // The shipped article (its file in the repository, else the built-in copy).
        let opened = open_path(None, config(), (80, 24), &read).expect("shipped");
        assert!(opened.app.loading.is_none() && opened.app.article.title.is_some());

        let missing = dir.path().join("missing.txt");
        let e = open_path(Some(&missing), config(), (80, 24), &read).err();
        assert!(
            matches!(&e, Some(OpenError::Load(_)))
                && e.is_some_and(|e| e.to_string().contains("missing.txt")),
            "a file that cannot be read is an error naming it"
        );
    }
}
