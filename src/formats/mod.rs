//! Input formats → [`Article`]. One folder per format; [`Format`] names them and
//! [`parse_shared`] is the registry that hands a decoded text to its format's parser.
//! Everything after this point (check, layout, the panes, the commands) sees only the
//! article, never the format.

use std::sync::Arc;

use crate::article::Article;
pub use crate::input::sniff::Format;

pub mod epub;
pub(crate) mod furniture;
pub mod html;
pub mod markdown;
pub mod markup;
pub mod text;

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
