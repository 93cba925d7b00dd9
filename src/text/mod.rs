//! Text primitives shared by every later stage: display widths ([`width`]), the one
//! place untrusted characters become visible notation ([`sanitize`]), the one line index
//! (byte offset ⇄ line:col, [`lines`]), the one definition of Chinese text and its
//! punctuation classes ([`chinese`]), the printed forms of an article's parts (a
//! byline, a box head: `forms`), the one full-width punctuation engine
//! ([`fullwidth`]), Simplified ⇄ Traditional conversion for display ([`convert`]) and
//! search folding ([`fold`]); where a markup format's text stands in its source, read
//! with the syntax the format gives ([`source_map`]: this module names no format).

pub(crate) mod chinese;
pub mod convert;
pub mod fold;
pub(crate) mod forms;
pub mod fullwidth;
pub mod lines;
pub mod plain_types;
pub mod sanitize;
pub(crate) mod source_map;
pub mod truncate;
pub mod width;
