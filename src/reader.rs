//! Opening an article for reading: the reader's state, where the article was left last
//! time, and how to read it again when the file changes. Shared by the single-article
//! reader and the library.

use std::path::PathBuf;
use std::sync::Arc;

use crate::action::Action;
use crate::app::{self, App};
use crate::config::Config;
use crate::source::{self, LoadOptions, Origin, Source};
use crate::state::{self, Store};
use crate::tui::Reload;
use crate::{check, parse};

/// How files are read: the owned form of [`LoadOptions`], kept for reloading.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub encoding: Option<String>,
    pub force: bool,
}

impl ReadOptions {
    pub fn as_load(&self) -> LoadOptions<'_> {
        LoadOptions {
            encoding: self.encoding.as_deref(),
            force: self.force,
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

/// Opens `src` in a reader of `size`, resuming where it was left when the configuration
/// says so.
pub fn open(
    src: Source,
    config: Config,
    size: (u16, u16),
    read: &ReadOptions,
) -> Result<Opened, String> {
    let article = Arc::new(parse::parse_shared(&src.text));
    let resume = config.reader.resume;
    let watch_mode = config.reader.watch;
    let levels = config.check.clone();
    let file = match &src.origin {
        Origin::File(p) => Some(p.clone()),
        _ => None,
    };
    let memory = match (&file, state::state_dir()) {
        (Some(path), Some(dir)) if resume => Some((Store::new(dir), state::key(path, &src.text))),
        _ => None,
    };
    let (name, report) = (src.name(), src.decode_report.clone());
    // The check runs beside the reader, on the source and the article it shares with it
    // (no copy): a large article opens without waiting for it.
    let (tx, rx) = std::sync::mpsc::channel();
    let (job_levels, job_article) = (levels.clone(), Arc::clone(&article));
    std::thread::spawn(move || {
        let _ = tx.send(check::check_source(&src, &job_article, &job_levels));
    });
    let mut app = app::app_for(article, &name, config, size)?;
    app.pending_findings = Some(rx);
    app.message = report;
    if app.article.blocks.is_empty() && app.article.title.is_none() {
        app.message = Some("the article is empty".to_string());
    }
    if let Some((store, key)) = &memory
        && let Some(pos) = store
            .get(key)
            .filter(|p| *p != crate::layout::Pos::default())
    {
        app.go_to(pos);
        app.message = Some(format!(
            "resumed where you left off ({} goes to the top)",
            app.keymap.first_key(Action::Top).unwrap_or_default()
        ));
    }
    let reload = file.map(|path: PathBuf| {
        let read_path = path.clone();
        let read = read.clone();
        Reload {
            path,
            mode: watch_mode,
            read: Box::new(move || {
                let src =
                    source::load(Some(&read_path), read.as_load()).map_err(|e| e.to_string())?;
                let article = parse::parse_shared(&src.text);
                let findings = check::check_source(&src, &article, &levels);
                Ok((article, findings))
            }),
        }
    });
    Ok(Opened {
        app,
        reload,
        memory,
        read: read.clone(),
    })
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
        store.put(current.as_ref().unwrap_or(key), self.app.reading_pos())
    }
}
