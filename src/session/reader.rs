//! Opening an article for reading: the reader's state, where the article was left last
//! time, and how to read it again when the file changes. Shared by the single-article
//! reader and the library.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;

use crate::config::Config;
use crate::input::source::{self, LoadOptions, Origin, Source};
use crate::session::state::{self, Store};
use crate::terminal::Reload;
use crate::view::app::{self, App, Loaded, Loading};
use crate::{check, formats};

/// How files are read: the owned form of [`LoadOptions`], kept for reloading.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub encoding: Option<String>,
    pub force: bool,
    pub format: Option<crate::formats::Format>,
}

impl ReadOptions {
    pub fn as_load(&self) -> LoadOptions<'_> {
        LoadOptions {
            encoding: self.encoding.as_deref(),
            force: self.force,
            format: self.format,
        }
    }
}

/// An article open in the reader.
pub struct Opened {
    pub app: App,
    pub reload: Option<Reload>,
    /// Where the reading position is remembered, and under which key.
    memory: Option<(Store, String)>,
    /// How the file was read, to key the position by the content shown at the end (the
    /// file may have been reloaded since it was opened).
    read: ReadOptions,
}

/// Files larger than this open progressively: the first [`PREFIX_BYTES`] are shown at
/// once, the whole file is read, parsed and checked in the background.
pub const PROGRESSIVE_LOAD_BYTES: u64 = 1 << 20;

/// How much of a large file is shown before the whole of it is read.
pub const PREFIX_BYTES: usize = 256 * 1024;

/// Opens `src` in a reader of `size`, resuming where it was left when the configuration
/// says so.
pub fn open(
    src: Source,
    config: Config,
    size: (u16, u16),
    read: &ReadOptions,
) -> Result<Opened, String> {
    let article = Arc::new(formats::parse_shared(src.format, &src.text));
    let file = match &src.origin {
        Origin::File(p) => Some(p.clone()),
        _ => None,
    };
    let memory = match (&file, state::state_dir()) {
        (Some(path), Some(dir)) if config.reader.resume => {
            Some((Store::new(dir), state::key(path, &src.text)))
        }
        _ => None,
    };
    let (name, report) = (shown_name(&src), src.decode_report.clone());
    // The check runs beside the reader, started once the first frame is drawn: a large
    // article opens without waiting for it.
    let (tx, findings) = mpsc::channel();
    let (job_article, levels) = (Arc::clone(&article), config.check.clone());
    let mut app = app::app_for(article, &name, config, size)?;
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
    if let Some(pos) = memory.as_ref().and_then(|(store, key)| store.get(key)) {
        app.resume(pos);
    }
    Ok(finish(app, file, memory, read))
}

/// Opens a large file at `path` progressively: its first part is parsed and shown at
/// once, and a thread reads, parses and checks the whole file and hands it to the
/// reader ([`App::finish_loading`]). `None` when the file is not large, or not plain
/// UTF-8 at its start: [`open`] it as a whole then.
pub fn open_progressive(
    path: &Path,
    config: Config,
    size: (u16, u16),
    read: &ReadOptions,
) -> Option<Result<Opened, String>> {
    let (prefix, total) =
        source::load_prefix(path, read.as_load(), PROGRESSIVE_LOAD_BYTES, PREFIX_BYTES)?;
    let shown = prefix.text.len() as u64;
    let article = Arc::new(formats::parse_shared(prefix.format, &prefix.text));
    let store = state::state_dir()
        .filter(|_| config.reader.resume)
        .map(Store::new);
    let (tx, rx) = mpsc::channel();
    let (job_path, job_read, levels) = (path.to_path_buf(), read.clone(), config.check.clone());
    let job_store = store.clone();
    std::thread::spawn(move || {
        let src = match source::load(Some(&job_path), job_read.as_load()) {
            Ok(src) => src,
            Err(e) => {
                let _ = tx.send(Err(e.to_string()));
                return;
            }
        };
        let article = Arc::new(formats::parse_shared(src.format, &src.text));
        let resume = job_store
            .as_ref()
            .and_then(|s| s.get(&state::key(&job_path, &src.text)));
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
    let mut app = match app::app_for(article, &name, config, size) {
        Ok(app) => app,
        Err(e) => return Some(Err(e)),
    };
    app.loading = Some(Loading {
        shown,
        total,
        failed: false,
    });
    app.pending_load = Some(rx);
    // The key of the content is known once the whole file is read: the position is
    // saved under the key of the file as it is when the reader closes.
    let memory = store.map(|s| (s, String::new()));
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
    app: App,
    file: Option<PathBuf>,
    memory: Option<(Store, String)>,
    read: &ReadOptions,
) -> Opened {
    let levels = app.config.check.clone();
    let watch_mode = app.config.reader.watch;
    let reload = file.map(|path: PathBuf| {
        let read_path = path.clone();
        let read = read.clone();
        Reload {
            path,
            mode: watch_mode,
            read: Box::new(move || {
                let src =
                    source::load(Some(&read_path), read.as_load()).map_err(|e| e.to_string())?;
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
        read: read.clone(),
    }
}

impl Opened {
    /// Remembers where the reader is; the error is a warning for the user.
    pub fn save_position(&self) -> Result<(), String> {
        let Some((store, key)) = &self.memory else {
            return Ok(());
        };
        // After a reload the position belongs to the new content: key it by that.
        let current = self.reload.as_ref().and_then(|r| {
            let src = source::load(Some(&r.path), self.read.as_load()).ok()?;
            Some(state::key(&r.path, &src.text))
        });
        match current.as_ref().or(Some(key).filter(|k| !k.is_empty())) {
            Some(key) => store.put(key, self.app.reading_pos()),
            // A large file that could not be read whole again: nothing to key it by.
            None => Ok(()),
        }
    }
}
