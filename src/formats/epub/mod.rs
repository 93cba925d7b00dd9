//! EPUB (placeholder).
use std::sync::Arc;
use crate::article::Article;
#[derive(Debug, thiserror::Error)]
pub enum EpubError { #[error("not an EPUB")] NotEpub }
pub fn unpack(_b: &[u8]) -> Result<Vec<u8>, EpubError> { Err(EpubError::NotEpub) }
pub fn parse(text: &Arc<String>) -> Article { crate::formats::html::parse(text) }
