//! Where an article comes from: a file, standard input, or the copy of the shipped
//! article built into the binary. Bytes are decoded by [`crate::input::decode`]; reading fails
//! with an error that names the path and the reason.

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::input::decode::{
    DecodeError, DecodeOptions, decode_declared, decode_owned, decode_with_options,
};
use crate::input::sniff::Format;
use crate::input::sniff::detect;
use crate::text::sanitize::for_terminal_line;

/// The shipped article, carried by the binary so `yuedu` always has something to open.
pub const SHIPPED_ARTICLE: &str = include_str!("../../articles/yuyao-yangtze-delta.txt");

/// The shipped article's path relative to the repository (and the working directory
/// `cargo run` uses).
pub(crate) const SHIPPED_PATH: &str = "articles/yuyao-yangtze-delta.txt";

/// A byte count for people: 6.4 KB, 1.2 MB.
pub(crate) fn human_size(bytes: u64) -> String {
    match bytes {
        b if b < 1024 => format!("{b} B"),
        b if b < 1024 * 1024 => format!("{:.1} KB", b as f64 / 1024.0),
        b => format!("{:.1} MB", b as f64 / (1024.0 * 1024.0)),
    }
}

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
    /// ([`crate::formats::text::parse_shared`]): its blocks are ranges of this buffer.
    pub text: Arc<String>,
    /// The encoding the text was read as ("UTF-8", "GB18030" …).
    pub encoding: &'static str,
    /// What the user should be told about the decoding ("decoded as GB18030 (guessed)",
    /// "3 invalid byte sequences replaced"); `None` for plain UTF-8.
    pub decode_report: Option<String>,
    /// The encoding was inferred heuristically, not known (see [`crate::input::decode::Decoded`]).
    pub(crate) guessed: bool,
    /// How many invalid byte sequences were replaced by U+FFFD.
    pub(crate) replaced: usize,
    /// The format the text is read in ([`crate::formats`]).
    pub format: Format,
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
            Origin::Stdin => "(standard input)".to_string(),
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
    #[error("{path}: too large ({size}); yuedu reads {what} of up to {limit}")]
    TooLarge {
        path: String,
        size: String,
        /// "articles" or "streams" (standard input, FIFOs, devices).
        what: &'static str,
        limit: String,
    },
    /// A container (an EPUB's zip, an MHTML's MIME parts) its format could not unpack
    /// ([`crate::formats::load`]).
    #[error("{path}: {source}")]
    Unpack {
        path: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
}

/// The largest text yuedu reads, in bytes (4 GiB): positions in the text, and lines and
/// columns of findings, are kept in 32 bits.
pub(crate) const MAX_SOURCE_BYTES: usize = u32::MAX as usize;

fn too_large(path: &str, size: u64) -> LoadError {
    LoadError::TooLarge {
        path: path.to_string(),
        size: human_size(size),
        what: "articles",
        limit: human_size(MAX_SOURCE_BYTES as u64),
    }
}

fn too_long_stream(path: &str, limit: usize) -> LoadError {
    LoadError::TooLarge {
        path: path.to_string(),
        size: format!("more than {}", human_size(limit as u64)),
        what: if limit == MAX_SOURCE_BYTES {
            "articles"
        } else {
            "streams (standard input, FIFOs, devices)"
        },
        limit: human_size(limit as u64),
    }
}

/// How to read: the path ("-" is standard input; `None` the shipped article) and the
/// decoding options.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions<'a> {
    pub encoding: Option<&'a str>,
    pub force: bool,
    /// The format to read the file in (`--format`); `None` detects it
    /// ([`crate::input::sniff`]).
    pub format: Option<Format>,
}

/// How files are read: the owned form of [`LoadOptions`], kept for reloading.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub encoding: Option<String>,
    pub force: bool,
    pub format: Option<Format>,
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

/// The bytes of an article as read, not yet decoded, with the format they are in. A
/// container format (EPUB, MHTML) is unpacked by its format before they are decoded
/// ([`crate::formats::load`] does both); input never looks inside it.
#[derive(Debug)]
pub struct Raw {
    pub(crate) origin: Origin,
    /// The origin as error messages name it (sanitised).
    pub(crate) shown: String,
    pub(crate) bytes: Vec<u8>,
    pub(crate) format: Format,
    /// The character set the container declares for the text it unpacked (an MHTML
    /// page's `charset=`), as an `encoding_rs` name: followed as a page's meta is.
    pub(crate) charset: Option<&'static str>,
}

/// Reads the bytes of the article at `path` ("-" for standard input), or of the shipped
/// article when `path` is `None` (from `articles/` in the working directory when it is
/// there, else the built-in copy). Limits and refusals: [`read_limited`].
pub(crate) fn read(path: Option<&Path>, opts: LoadOptions<'_>) -> Result<Raw, LoadError> {
    match path {
        Some(p) if p == Path::new("-") => read_stdin(opts),
        Some(p) => read_file(p, opts),
        None if Path::new(SHIPPED_PATH).is_file() => read_file(Path::new(SHIPPED_PATH), opts),
        None => Ok(Raw {
            origin: Origin::BuiltIn,
            shown: Origin::BuiltIn.to_string(),
            bytes: SHIPPED_ARTICLE.as_bytes().to_vec(),
            format: Format::Text,
            charset: None,
        }),
    }
}

fn shown(path: &Path) -> String {
    for_terminal_line(&path.display().to_string()).into_owned()
}

fn read_file(path: &Path, opts: LoadOptions<'_>) -> Result<Raw, LoadError> {
    if path.is_dir() {
        return Err(LoadError::Directory { path: shown(path) });
    }
    let io_error = |source| LoadError::Io {
        path: shown(path),
        source,
    };
    // Opening a FIFO waits for its writer, as `cat` does.
    let file = std::fs::File::open(path).map_err(io_error)?;
    let meta = file.metadata().map_err(io_error)?;
    if meta.is_dir() {
        return Err(LoadError::Directory { path: shown(path) });
    }
    if meta.is_file() && meta.len() > MAX_SOURCE_BYTES as u64 {
        return Err(too_large(&shown(path), meta.len()));
    }
    // A regular file's size is known; a character device, a FIFO or a /proc file (size
    // 0) may never end: those are read as a stream, with the stream's limit.
    let (limit, expected) = if meta.is_file() && meta.len() > 0 {
        (MAX_SOURCE_BYTES, meta.len() as usize)
    } else {
        (MAX_STREAM_BYTES, 0)
    };
    let bytes = read_limited(file, limit, expected, &shown(path), opts)?;
    Ok(raw(
        bytes,
        Origin::File(path.to_path_buf()),
        &shown(path),
        opts,
    ))
}

/// The most yuedu reads from a stream (bytes): standard input, a FIFO, a character
/// device, a /proc file — anything whose size is not known before it is read. More is
/// refused as too large, so `/dev/zero` or a writer that never stops costs at most this
/// much memory.
pub(crate) const MAX_STREAM_BYTES: usize = 256 << 20;

/// How much of the input is looked at before the rest is read: binary data (a NUL byte
/// outside UTF-16 text) in this block is refused at once, without reading further.
pub(crate) const FIRST_BLOCK_BYTES: usize = 64 * 1024;

/// Reads `reader` to its end, or refuses it: as binary when its first block
/// ([`FIRST_BLOCK_BYTES`]) decodes as binary under `opts` (unless `--force`), as too
/// large when it holds more than `limit` bytes. `expected` is a capacity hint (the
/// file's size, 0 when unknown). Memory stays under `limit` plus one block.
pub(crate) fn read_limited(
    mut reader: impl Read,
    limit: usize,
    expected: usize,
    shown: &str,
    opts: LoadOptions<'_>,
) -> Result<Vec<u8>, LoadError> {
    let io_error = |source| LoadError::Io {
        path: shown.to_string(),
        source,
    };
    let mut bytes = Vec::with_capacity(expected.min(limit).max(FIRST_BLOCK_BYTES));
    let mut block = vec![0u8; FIRST_BLOCK_BYTES];
    let mut checked = opts.force;
    loop {
        let mut filled = 0;
        // A pipe hands out what its writer has written: fill the block first.
        while filled < block.len() {
            match reader.read(&mut block[filled..]) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(io_error(e)),
            }
        }
        if bytes.len() + filled > limit {
            return Err(too_long_stream(shown, limit));
        }
        bytes.extend_from_slice(&block[..filled]);
        // A container (an EPUB's zip, an MHTML file) is read whole to be unpacked, and
        // may be binary.
        if !checked && detect(opts.format, None, &bytes).is_container() {
            checked = true;
        }
        if !checked {
            checked = true;
            let first = DecodeOptions {
                encoding: opts.encoding,
                force: false,
            };
            // A block that is not the whole input may end inside a UTF-16 surrogate
            // pair: binary only if it is binary without its last code unit too.
            let binary = |b: &[u8]| {
                matches!(
                    decode_with_options(b, &first),
                    Err(DecodeError::Binary { .. })
                )
            };
            let whole = filled < block.len();
            if binary(&bytes)
                && (whole || binary(&bytes[..bytes.len() - 2]))
                && let Err(source) = decode_with_options(&bytes, &first)
            {
                return Err(LoadError::Decode {
                    path: shown.to_string(),
                    source,
                });
            }
        }
        if filled < block.len() {
            return Ok(bytes);
        }
    }
}

/// The first part of a large file, to show while the rest is read: at most `prefix_len`
/// bytes, cut after the last line end (or, in a file of one long line, at the last
/// whole character), with the file's size. `None` when the file is not larger than
/// `min_len`, when an encoding or `--force` was asked for, or when the part is not
/// plain UTF-8 (a BOM other than UTF-8's, bytes to replace, a NUL): such files are read
/// whole, as [`crate::formats::load`] reads them.
pub fn load_prefix(
    path: &Path,
    opts: LoadOptions<'_>,
    min_len: u64,
    prefix_len: usize,
) -> Option<(Source, u64)> {
    if opts.encoding.is_some() || opts.force {
        return None;
    }
    let file = std::fs::File::open(path).ok()?;
    let meta = file.metadata().ok()?;
    if !meta.is_file() || meta.len() <= min_len {
        return None;
    }
    let mut bytes = Vec::with_capacity(prefix_len);
    file.take(prefix_len as u64).read_to_end(&mut bytes).ok()?;
    let cut = match bytes.iter().rposition(|&b| b == b'\n') {
        Some(i) => i + 1,
        None => match std::str::from_utf8(&bytes) {
            Ok(_) => bytes.len(),
            // A character cut by the end of the part.
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(_) => return None,
        },
    };
    bytes.truncate(cut);
    let format = detect(opts.format, Some(path), &bytes);
    if format.is_container() {
        return None;
    }
    let decoded = decode_owned(bytes, &DecodeOptions::default()).ok()?;
    if decoded.encoding != "UTF-8" || decoded.guessed || decoded.replaced > 0 {
        return None;
    }
    let source = Source {
        origin: Origin::File(path.to_path_buf()),
        text: Arc::new(decoded.text),
        encoding: decoded.encoding,
        decode_report: None,
        guessed: false,
        replaced: 0,
        format,
    };
    Some((source, meta.len()))
}

fn read_stdin(opts: LoadOptions<'_>) -> Result<Raw, LoadError> {
    const SHOWN: &str = "(standard input)";
    let bytes = read_limited(std::io::stdin().lock(), MAX_STREAM_BYTES, 0, SHOWN, opts)?;
    Ok(raw(bytes, Origin::Stdin, SHOWN, opts))
}

/// `bytes` read from `origin` (named `shown` in messages), with their format: `--format`,
/// else the path's extension, else the content ([`detect`]).
pub(crate) fn raw(bytes: Vec<u8>, origin: Origin, shown: &str, opts: LoadOptions<'_>) -> Raw {
    let path = match &origin {
        Origin::File(p) => Some(p.as_path()),
        _ => None,
    };
    let format = detect(opts.format, path, &bytes);
    Raw {
        origin,
        shown: shown.to_string(),
        bytes,
        format,
        charset: None,
    }
}

/// Decodes `raw` (a container already unpacked by its format) into the text an article is
/// parsed from. The built-in copy of the shipped article is UTF-8 plain text whatever
/// `opts` say. Errors: [`LoadError::Decode`] (binary, or an encoding that does not read the
/// bytes), [`LoadError::TooLarge`] (text over [`MAX_SOURCE_BYTES`]), naming `raw.shown`.
pub fn decode(raw: Raw, opts: LoadOptions<'_>) -> Result<Source, LoadError> {
    let Raw {
        origin,
        shown,
        bytes,
        format,
        charset,
    } = raw;
    let shown = shown.as_str();
    let bytes_len = bytes.len();
    let opts = match origin {
        Origin::BuiltIn => LoadOptions::default(),
        _ => opts,
    };
    // A page that is not UTF-8 says its encoding in a meta tag, an MHTML page on its
    // part first (either may lie: valid UTF-8 is read as UTF-8 whatever it says, and bytes
    // the declared encoding does not decode cleanly are read as detected).
    let meta_charset = if format.declares_charset()
        && opts.encoding.is_none()
        && std::str::from_utf8(&bytes).is_err()
    {
        charset.or_else(|| crate::input::charset::prescan(&bytes))
    } else {
        None
    };
    let decoded = match meta_charset {
        // The meta is followed only where it reads the bytes cleanly.
        Some(declared) => decode_declared(&bytes, declared, opts.force),
        None => decode_owned(
            bytes,
            &DecodeOptions {
                encoding: opts.encoding,
                force: opts.force,
            },
        ),
    }
    .map_err(|source| LoadError::Decode {
        path: shown.to_string(),
        source,
    })?;
    if bytes_len > MAX_SOURCE_BYTES || decoded.text.len() > MAX_SOURCE_BYTES {
        return Err(too_large(shown, bytes_len.max(decoded.text.len()) as u64));
    }
    let decode_report = decoded.report();
    Ok(Source {
        origin,
        // Moved in, not copied: valid UTF-8 is the file's own bytes.
        text: Arc::new(decoded.text),
        encoding: decoded.encoding,
        decode_report,
        guessed: decoded.guessed,
        replaced: decoded.replaced,
        format,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_with(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        path
    }

    #[test]
    fn a_large_utf8_file_gives_its_first_lines() {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = "第一段，长三角。\n\n第二段“拼”！\n".repeat(2000);
        let path = file_with(&dir, "a.txt", text.as_bytes());
        let (src, total) =
            load_prefix(&path, LoadOptions::default(), 1000, 4096).expect("a prefix");
        assert_eq!(total, text.len() as u64);
        assert!(src.text.len() <= 4096 && src.text.len() > 4000);
        assert!(src.text.ends_with('\n'), "cut after a line end");
        assert!(text.starts_with(src.text.as_str()));
        assert_eq!(src.origin, Origin::File(path.clone()));
        // Not larger than the threshold: read whole instead.
        assert!(load_prefix(&path, LoadOptions::default(), total, 4096).is_none());
    }

    #[test]
    fn one_long_line_is_cut_at_a_whole_character() {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = "余姚".repeat(5000);
        let path = file_with(&dir, "a.txt", text.as_bytes());
        // 4096 is not a multiple of 3: the last character would be cut.
        let (src, _) = load_prefix(&path, LoadOptions::default(), 1000, 4096).expect("a prefix");
        assert_eq!(src.text.len(), 4095);
        assert!(text.starts_with(src.text.as_str()));
    }

    #[test]
    fn other_encodings_and_options_are_read_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        let text = "第一段，长三角。\n".repeat(2000);
        let (gb, _, _) = encoding_rs::GB18030.encode(&text);
        let gb = file_with(&dir, "gb.txt", &gb);
        assert!(load_prefix(&gb, LoadOptions::default(), 1000, 4096).is_none());
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let utf16 = file_with(&dir, "utf16.txt", &utf16);
        assert!(load_prefix(&utf16, LoadOptions::default(), 1000, 4096).is_none());
        let mut nul = text.clone().into_bytes();
        nul[10] = 0;
        let nul = file_with(&dir, "nul.txt", &nul);
        assert!(load_prefix(&nul, LoadOptions::default(), 1000, 4096).is_none());
        let plain = file_with(&dir, "plain.txt", text.as_bytes());
        let forced = LoadOptions {
            encoding: Some("utf-8"),
            ..LoadOptions::default()
        };
        assert!(load_prefix(&plain, forced, 1000, 4096).is_none());
        let dir_path = dir.path();
        assert!(load_prefix(dir_path, LoadOptions::default(), 0, 4096).is_none());
        // A UTF-8 BOM is fine: the text is plain UTF-8.
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend(text.as_bytes());
        let bom = file_with(&dir, "bom.txt", &bom);
        let (src, _) = load_prefix(&bom, LoadOptions::default(), 1000, 4096).expect("a prefix");
        assert!(src.text.starts_with("第一段"));
    }

    #[test]
    fn an_endless_stream_is_read_up_to_the_limit_and_refused() {
        let opts = LoadOptions::default();
        let err = read_limited(std::io::repeat(b'a'), 1 << 20, 0, "s", opts).expect_err("endless");
        assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
        assert!(err.to_string().contains("more than 1.0 MB"), "{err}");
        let err = read_limited(std::io::repeat(0), 1 << 30, 0, "z", opts).expect_err("binary");
        assert!(
            matches!(
                err,
                LoadError::Decode {
                    source: DecodeError::Binary { offset: 0 },
                    ..
                }
            ),
            "{err}"
        );
        // Forced: the NULs are read, up to the limit.
        let forced = LoadOptions {
            encoding: None,
            force: true,
            format: None,
        };
        let err = read_limited(std::io::repeat(0), 1 << 20, 0, "z", forced).expect_err("endless");
        assert!(matches!(err, LoadError::TooLarge { .. }), "{err}");
        // Exactly the limit is fine.
        let exact = std::io::repeat(b'a').take(1 << 20);
        let bytes = read_limited(exact, 1 << 20, 0, "s", opts).expect("at the limit");
        assert_eq!(bytes.len(), 1 << 20);
    }

    #[test]
    fn utf16_cut_by_the_first_block_inside_a_surrogate_pair_is_text() {
        // "a" then U+1F600 (a surrogate pair) repeated: some pair straddles the block end.
        let text = "a\u{1F600}".repeat(FIRST_BLOCK_BYTES / 3);
        let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let mut cut_in_pair = false;
        for shift in [0usize, 2, 4] {
            let shifted = [&b"a\0".repeat(shift / 2)[..], &bytes].concat();
            let unit = u16::from_le_bytes([
                shifted[FIRST_BLOCK_BYTES - 2],
                shifted[FIRST_BLOCK_BYTES - 1],
            ]);
            cut_in_pair |= (0xD800..0xDC00).contains(&unit);
            let read = read_limited(&shifted[..], usize::MAX, 0, "u", LoadOptions::default())
                .expect("UTF-16 text");
            assert_eq!(read.len(), shifted.len());
        }
        assert!(
            cut_in_pair,
            "one of the shifts ends the block on a high surrogate"
        );
    }
}
