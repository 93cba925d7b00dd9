//! Markdown → [`Article`] (placeholder until the parser lands).
use std::sync::Arc;
use crate::article::Article;
pub fn parse(text: &Arc<String>) -> Article { crate::formats::text::parse_shared(text) }
