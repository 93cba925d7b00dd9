//! The head of the article: banner, headline and byline above the body.

use super::credits::{credit_only, trailing_credit};
use super::lines::Unit;
use super::{SHORT_LINE_CHARS, ends_sentence, leaves_quote_open};
use crate::article::HeaderLine;

/// A line that can stand as a headline or banner: one line, not a sentence.
pub(super) fn is_headline_like(unit: &Unit<'_>) -> bool {
    // One line: its text is the unit's body text, without a copy of a long line.
    let Some(line) = unit.single() else {
        return false;
    };
    let text = line.trim();
    text.chars().nth(2 * SHORT_LINE_CHARS).is_none()
        && !ends_sentence(text)
        && !leaves_quote_open(text)
        && credit_only(text).is_none()
        && trailing_credit(text).is_none()
}

pub(super) fn header_line(unit: &Unit<'_>) -> HeaderLine {
    HeaderLine {
        text: unit.first_text().trim().to_string(),
        line: unit.first_line(),
    }
}
