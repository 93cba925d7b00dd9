//! Opening an article for reading and what outlives one run: opening (and reading a large
//! file in parts, [`reader`]), a library's files listed and summarised in the background
//! ([`library`]), saved reading positions ([`state`]), watching the file ([`watch`]).

pub mod error;
pub(crate) mod history;
pub mod library;
pub mod reader;
pub(crate) mod state;
pub(crate) mod watch;
