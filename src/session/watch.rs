//! Watching the open article's file: file-system notifications where the system has
//! them, polling where it does not (network file systems) or where the user asks for it.

use std::path::{Path, PathBuf};
use std::time::Duration;

use notify::{
    Config as NotifyConfig, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher,
};

use crate::config::WatchMode;
use crate::session::error::WatchError;

/// How often the polling watcher looks at the file.
pub(crate) const POLL_INTERVAL: Duration = Duration::from_secs(1);

/// A running watch; dropping it stops watching.
pub(crate) struct FileWatch {
    _watcher: Box<dyn Watcher + Send>,
}

/// Calls `on_change` whenever the file at `path` may have changed (written, replaced,
/// removed). Editors often save by writing a new file and renaming it over the old one,
/// so notifications watch the folder and pick out the file's name.
pub(crate) fn watch(
    path: &Path,
    mode: WatchMode,
    on_change: impl Fn() + Send + Clone + 'static,
) -> Result<Option<FileWatch>, WatchError> {
    let file: PathBuf = std::fs::canonicalize(path).map_err(|source| WatchError::Path {
        path: path.to_path_buf(),
        source,
    })?;
    match mode {
        WatchMode::Off => Ok(None),
        WatchMode::Poll => poll(&file, on_change).map(Some),
        WatchMode::Auto => match notifications(&file, on_change.clone()) {
            Ok(w) => Ok(Some(w)),
            Err(_) => poll(&file, on_change).map(Some),
        },
    }
}

fn notifications(
    file: &Path,
    on_change: impl Fn() + Send + 'static,
) -> Result<FileWatch, WatchError> {
    let name = file.file_name().map(ToOwned::to_owned);
    let dir = file.parent().unwrap_or(Path::new("/")).to_path_buf();
    let mut watcher = RecommendedWatcher::new(
        move |res: notify::Result<notify::Event>| {
            let Ok(event) = res else {
                return;
            };
            let relevant = matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
            ) && event.paths.iter().any(|p| p.file_name() == name.as_deref());
            if relevant {
                on_change();
            }
        },
        NotifyConfig::default(),
    )?;
    watcher.watch(&dir, RecursiveMode::NonRecursive)?;
    Ok(FileWatch {
        _watcher: Box::new(watcher),
    })
}

fn poll(file: &Path, on_change: impl Fn() + Send + 'static) -> Result<FileWatch, WatchError> {
    let mut watcher = PollWatcher::new(
        move |res: notify::Result<notify::Event>| {
            if res.is_ok() {
                on_change();
            }
        },
        NotifyConfig::default()
            .with_poll_interval(POLL_INTERVAL)
            .with_compare_contents(true),
    )?;
    watcher.watch(file, RecursiveMode::NonRecursive)?;
    Ok(FileWatch {
        _watcher: Box::new(watcher),
    })
}
