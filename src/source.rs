//! Where an article comes from: a file, or the copy of the shipped article built into the
//! binary. Reading fails with an error that names the path and the reason.

use std::fmt;
use std::path::{Path, PathBuf};

/// The shipped article, carried by the binary so `yuedu` always has something to open.
pub const SHIPPED_ARTICLE: &str = include_str!("../articles/yuyao-yangtze-delta.txt");

/// The shipped article's path relative to the repository (and the working directory
/// `cargo run` uses).
pub const SHIPPED_PATH: &str = "articles/yuyao-yangtze-delta.txt";

/// Where the text was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    File(PathBuf),
    BuiltIn,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::File(p) => write!(f, "{}", p.display()),
            Origin::BuiltIn => write!(f, "{SHIPPED_PATH} (built in)"),
        }
    }
}

/// An article's text and where it came from.
#[derive(Debug, Clone)]
pub struct Source {
    pub origin: Origin,
    pub text: String,
}

impl Source {
    /// A short name for status lines: the file name.
    pub fn name(&self) -> String {
        match &self.origin {
            Origin::File(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Origin::BuiltIn => "yuyao-yangtze-delta.txt".to_string(),
        }
    }
}

/// Why an article could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: is a directory, not an article file")]
    Directory { path: String },
    #[error("{path}: not a text file (it contains NUL bytes)")]
    Binary { path: String },
    #[error("{path}: not valid UTF-8 text (invalid byte at offset {offset})")]
    NotUtf8 { path: String, offset: usize },
}

/// Reads the article at `path`, or the shipped article when `path` is `None` (from
/// `articles/` in the working directory when it is there, else the built-in copy).
pub fn load(path: Option<&Path>) -> Result<Source, LoadError> {
    match path {
        Some(p) => load_file(p),
        None if Path::new(SHIPPED_PATH).is_file() => load_file(Path::new(SHIPPED_PATH)),
        None => Ok(Source {
            origin: Origin::BuiltIn,
            text: SHIPPED_ARTICLE.to_string(),
        }),
    }
}

fn load_file(path: &Path) -> Result<Source, LoadError> {
    let shown = path.display().to_string();
    if path.is_dir() {
        return Err(LoadError::Directory { path: shown });
    }
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: shown.clone(),
        source,
    })?;
    let text = decode(&bytes, &shown)?;
    Ok(Source {
        origin: Origin::File(path.to_path_buf()),
        text,
    })
}

/// Bytes → text. A UTF-8 byte-order mark is dropped.
pub fn decode(bytes: &[u8], path: &str) -> Result<String, LoadError> {
    if bytes.contains(&0) {
        return Err(LoadError::Binary {
            path: path.to_string(),
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(LoadError::NotUtf8 {
            path: path.to_string(),
            offset: e.valid_up_to(),
        }),
    }
}
