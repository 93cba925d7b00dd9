//! The first stage: bytes in, text out. [`source`] reads a file, standard input or the
//! built-in article with limits; [`decode`] turns the bytes into text (BOM, UTF-8,
//! detection, a forced label).

pub(crate) mod charset;
pub mod decode;
pub(crate) mod sniff;
pub mod source;
