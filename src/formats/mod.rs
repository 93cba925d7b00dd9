//! Input formats → [`Article`]. One folder per format; [`Format`] names them and
//! [`parse_shared`] is the registry that hands a decoded text to its format's parser.
//! Everything after this point (check, layout, the panes, the commands) sees only the
//! article, never the format.

use std::sync::Arc;

use crate::article::Article;

pub mod text;

/// The formats yuedu reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Newspaper-style plain text ([`text`]).
    #[default]
    Text,
}

impl Format {
    /// The format's name as the command line, `outline` and the status bar spell it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
        }
    }
}

/// Parses a decoded source in `format` into an article that shares the source's buffer.
pub fn parse_shared(format: Format, text: &Arc<String>) -> Article {
    match format {
        Format::Text => text::parse_shared(text),
    }
}
