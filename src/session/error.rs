//! What can go wrong opening an article in the reader, saving where it was left, and
//! watching its file. The messages name the file or folder and what failed; the
//! underlying error is kept as the cause ([`std::error::Error::source`]).

use std::path::PathBuf;

use crate::input::source::LoadError;
use crate::view::keymap::KeyConflict;

/// Why an article could not be opened in the reader.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The file could not be read.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The key settings conflict.
    #[error(transparent)]
    Keys(#[from] KeyConflict),
}

/// Why the reading position could not be saved (a warning: the reader has closed).
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("cannot save the reading position in {}: {source}", dir.display())]
    Write {
        dir: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Encode(#[from] serde_json::Error),
}

/// Why a file cannot be watched for changes.
#[derive(Debug, thiserror::Error)]
pub(crate) enum WatchError {
    #[error("cannot watch {}: {source}", path.display())]
    Path {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Notify(#[from] notify::Error),
}
