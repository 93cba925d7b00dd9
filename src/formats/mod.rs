//! Input formats → [`Article`]. One folder per format; [`Format`] names them and
//! [`parse_shared`] is the registry that hands a decoded text to its format's parser.
//! Everything after this point (check, layout, the panes, the commands) sees only the
//! article, never the format.

use std::path::Path;
use std::sync::Arc;

use crate::article::Article;

pub mod detect;
pub mod epub;
pub mod html;
pub mod markdown;
pub mod markup;
pub mod text;

/// The formats yuedu reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Format {
    /// Newspaper-style plain text ([`text`]).
    #[default]
    Text,
    /// Markdown, CommonMark with front matter ([`markdown`]).
    Markdown,
    /// An HTML page, a saved article ([`html`]).
    Html,
    /// An EPUB book: its chapters' XHTML, in spine order ([`epub`]).
    Epub,
}

impl Format {
    /// Every format, in the order `--format` lists them.
    pub const ALL: [Format; 4] = [Format::Text, Format::Markdown, Format::Html, Format::Epub];

    /// The format's name as the command line, `outline` and the status bar spell it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Epub => "epub",
        }
    }

    /// The format named `name` (as [`Format::name`] spells it; `md` for Markdown).
    pub fn from_name(name: &str) -> Option<Format> {
        match name.to_ascii_lowercase().as_str() {
            "md" => Some(Format::Markdown),
            n => Format::ALL.into_iter().find(|f| f.name() == n),
        }
    }

    /// The format a file name's extension says (`None` for an extension of no format).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "epub" => Some(Format::Epub),
            _ => None,
        }
    }
}

/// Parses a decoded source in `format` into an article that shares the source's buffer
/// (plain text) or holds its own buffer of the text it extracted (the other formats).
pub fn parse_shared(format: Format, text: &Arc<String>) -> Article {
    let mut article = match format {
        Format::Text => text::parse_shared(text),
        Format::Markdown => markdown::parse(text),
        Format::Html => html::parse(text),
        Format::Epub => epub::parse(text),
    };
    if format != Format::Text {
        // Positions of a page are offsets into its source: its text is extracted.
        markup::anchor_text(&mut article, text);
        article.files = vec![Arc::new(crate::article::SourceFile::new(text))];
    }
    article.format = format;
    article
}
