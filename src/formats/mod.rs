//! Input formats → [`Article`]. One folder per format; [`Format`] names them and
//! [`parse_shared`] is the registry that hands a decoded text to its format's parser.
//! [`load`] reads a file through `input`, unpacking a container format (EPUB) here,
//! before the text is decoded. Everything after this point (check, layout, the panes,
//! the commands) sees only the article; the article says which format it was read
//! from (`Article::format`), and only where a format's text differs in kind do they
//! ask: `check` skips the rules that do not fit a markup page and looks for a
//! character's column in a markup source; `outline --json` always prints a page's
//! `source` and `date`; the library and the status bar name the format.

use std::path::Path;
use std::sync::Arc;

use crate::article::Article;
pub use crate::input::sniff::Format;
use crate::input::source::{self, LoadError, LoadOptions, Origin, Raw, Source};
use crate::text::source_map::Syntax;

pub(crate) mod epub;
pub(crate) mod furniture;
pub(crate) mod html;
pub(crate) mod markdown;
pub(crate) mod markup;
pub(crate) mod mhtml;
pub mod text;

/// Parses a decoded source in `format` into an article that shares the source's buffer
/// (plain text) or holds its own buffer of the text it extracted (the other formats).
pub fn parse_shared(format: Format, text: &Arc<String>) -> Article {
    let mut article = match format {
        Format::Text => text::parse_shared(text),
        Format::Markdown => markdown::parse(text),
        Format::Html => html::parse(text),
        Format::Epub => epub::parse(text),
        Format::Mhtml => mhtml::parse(text),
    };
    if format != Format::Text {
        // The kinds of text the plain-text parser knows by their shape (notes, bylines,
        // datelines), read in the page's paragraphs with its rules.
        markup::recover_text_kinds(&mut article, text);
        // Positions of a page are offsets into its source: its text is extracted.
        markup::anchor_text(&mut article, text);
        article.files = vec![Arc::new(crate::article::SourceFile::new(text))];
    }
    if format == Format::Epub {
        // A book's positions name the chapter's file in it, and its lines.
        epub::chapter_files(&mut article, text);
    }
    article.format = format;
    article
}

/// The syntax a format's text is written in, for `check` to find a character's own place
/// in the source ([`crate::text::source_map::align`]): each markup format's own, in its
/// folder; `None` for plain text, whose text stands in the source as it is.
pub(crate) fn source_syntax(format: Format) -> Option<&'static dyn Syntax> {
    match format {
        Format::Text => None,
        Format::Markdown => Some(&markdown::syntax::MarkdownSyntax),
        Format::Html | Format::Epub | Format::Mhtml => Some(&html::syntax::HtmlSyntax),
    }
}

/// Reads and decodes the article at `path` ("-" for standard input; `None` the shipped
/// article): [`source::read`] (limits, special files, the format), a container unpacked by
/// its format (EPUB: [`epub::unpack`], with its limits; MHTML: [`mhtml::unpack`], its page
/// part and that part's charset), then [`source::decode`]. Errors name the file:
/// [`LoadError`], an EPUB or MHTML that cannot be unpacked as [`LoadError::Unpack`].
pub fn load(path: Option<&Path>, opts: LoadOptions<'_>) -> Result<Source, LoadError> {
    decode(source::read(path, opts)?, opts)
}

/// [`load`] for bytes already read from `origin` (named `shown` in messages).
pub fn from_bytes(
    bytes: Vec<u8>,
    origin: Origin,
    shown: &str,
    opts: LoadOptions<'_>,
) -> Result<Source, LoadError> {
    decode(source::raw(bytes, origin, shown, opts), opts)
}

/// The error of unpacking a container, whatever its format.
type UnpackError = Box<dyn std::error::Error + Send + Sync>;

/// What a container holds: the bytes of its text, and the character set it declares for
/// them (an MHTML part's `charset=`, as an `encoding_rs` name), if any.
struct Unpacked {
    bytes: Vec<u8>,
    charset: Option<&'static str>,
}

/// A container's bytes → the bytes of its text.
type Unpack = fn(&[u8]) -> Result<Unpacked, UnpackError>;

/// How a container format ([`Format::is_container`]) unpacks its bytes into the bytes of
/// its text (an EPUB's zip: its chapters as one document, [`epub::unpack`]; an MHTML
/// file: its page part, [`mhtml::unpack`]); `None` for a format whose bytes are its text.
fn unpacker(format: Format) -> Option<Unpack> {
    match format {
        Format::Epub => Some(|bytes| {
            let bytes = epub::unpack(bytes).map_err(UnpackError::from)?;
            Ok(Unpacked {
                bytes,
                charset: None,
            })
        }),
        Format::Mhtml => Some(|bytes| {
            let page = mhtml::unpack(bytes).map_err(UnpackError::from)?;
            Ok(Unpacked {
                bytes: page.html,
                charset: page.charset,
            })
        }),
        Format::Text | Format::Markdown | Format::Html => None,
    }
}

/// `raw` unpacked by its format when it is a container, then decoded.
fn decode(mut raw: Raw, opts: LoadOptions<'_>) -> Result<Source, LoadError> {
    if let Some(unpack) = unpacker(raw.format) {
        let unpacked = unpack(&raw.bytes).map_err(|source| LoadError::Unpack {
            path: raw.shown.clone(),
            source,
        })?;
        raw.bytes = unpacked.bytes;
        raw.charset = unpacked.charset;
    }
    source::decode(raw, opts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_containers_are_the_formats_that_unpack() {
        for format in Format::ALL {
            assert_eq!(
                format.is_container(),
                unpacker(format).is_some(),
                "{}",
                format.name()
            );
        }
    }
}
