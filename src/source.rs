//! Where an article comes from: a file, standard input, or the copy of the shipped
//! article built into the binary. Bytes are decoded by [`crate::decode`]; reading fails
//! with an error that names the path and the reason.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::decode::{DecodeError, DecodeOptions, decode_owned};
use crate::sanitize::for_terminal_line;

/// The shipped article, carried by the binary so `yuedu` always has something to open.
pub const SHIPPED_ARTICLE: &str = include_str!("../articles/yuyao-yangtze-delta.txt");

/// The shipped article's path relative to the repository (and the working directory
/// `cargo run` uses).
pub const SHIPPED_PATH: &str = "articles/yuyao-yangtze-delta.txt";

/// Where the text was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    File(PathBuf),
    Stdin,
    BuiltIn,
}

impl fmt::Display for Origin {
    /// The origin as shown to the user (sanitised: a file name can hold anything).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::File(p) => f.write_str(&for_terminal_line(&p.display().to_string())),
            Origin::Stdin => f.write_str("(standard input)"),
            Origin::BuiltIn => write!(f, "{SHIPPED_PATH} (built in)"),
        }
    }
}

/// An article's text and where it came from.
#[derive(Debug, Clone)]
pub struct Source {
    pub origin: Origin,
    /// The decoded text, shared with the article parsed from it
    /// ([`crate::parse::parse_shared`]): its blocks are ranges of this buffer.
    pub text: Arc<String>,
    /// The encoding the text was read as ("UTF-8", "GB18030" …).
    pub encoding: &'static str,
    /// What the user should be told about the decoding ("decoded as GB18030 (guessed)",
    /// "3 invalid byte sequences replaced"); `None` for plain UTF-8.
    pub decode_report: Option<String>,
    /// The encoding was inferred heuristically, not known (see [`crate::decode::Decoded`]).
    pub guessed: bool,
    /// How many invalid byte sequences were replaced by U+FFFD.
    pub replaced: usize,
}

impl Source {
    /// A short name for status lines: the file name (sanitised).
    pub fn name(&self) -> String {
        match &self.origin {
            Origin::File(p) => for_terminal_line(&p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ))
            .into_owned(),
            Origin::Stdin => "(stdin)".to_string(),
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
    #[error("{path}: {source}")]
    Decode {
        path: String,
        #[source]
        source: DecodeError,
    },
}

/// How to read: the path ("-" is standard input; `None` the shipped article) and the
/// decoding options.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions<'a> {
    pub encoding: Option<&'a str>,
    pub force: bool,
}

/// Reads the article at `path` ("-" for standard input), or the shipped article when
/// `path` is `None` (from `articles/` in the working directory when it is there, else the
/// built-in copy).
pub fn load(path: Option<&Path>, opts: LoadOptions<'_>) -> Result<Source, LoadError> {
    match path {
        Some(p) if p == Path::new("-") => load_stdin(opts),
        Some(p) => load_file(p, opts),
        None if Path::new(SHIPPED_PATH).is_file() => load_file(Path::new(SHIPPED_PATH), opts),
        None => Ok(Source {
            origin: Origin::BuiltIn,
            text: Arc::new(SHIPPED_ARTICLE.to_string()),
            encoding: "UTF-8",
            decode_report: None,
            guessed: false,
            replaced: 0,
        }),
    }
}

fn shown(path: &Path) -> String {
    for_terminal_line(&path.display().to_string()).into_owned()
}

fn load_file(path: &Path, opts: LoadOptions<'_>) -> Result<Source, LoadError> {
    if path.is_dir() {
        return Err(LoadError::Directory { path: shown(path) });
    }
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: shown(path),
        source,
    })?;
    from_bytes(bytes, Origin::File(path.to_path_buf()), &shown(path), opts)
}

fn load_stdin(opts: LoadOptions<'_>) -> Result<Source, LoadError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|source| LoadError::Io {
            path: "(standard input)".to_string(),
            source,
        })?;
    from_bytes(bytes, Origin::Stdin, "(standard input)", opts)
}

/// Decodes `bytes` read from `origin`.
pub fn from_bytes(
    bytes: Vec<u8>,
    origin: Origin,
    shown: &str,
    opts: LoadOptions<'_>,
) -> Result<Source, LoadError> {
    let decoded = decode_owned(
        bytes,
        &DecodeOptions {
            encoding: opts.encoding,
            force: opts.force,
        },
    )
    .map_err(|source| LoadError::Decode {
        path: shown.to_string(),
        source,
    })?;
    let decode_report = decoded.report();
    Ok(Source {
        origin,
        // Moved in, not copied: valid UTF-8 is the file's own bytes.
        text: Arc::new(decoded.text),
        encoding: decoded.encoding,
        decode_report,
        guessed: decoded.guessed,
        replaced: decoded.replaced,
    })
}
