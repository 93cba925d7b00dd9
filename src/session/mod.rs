//! Opening an article for reading and what outlives one run: opening (and reading a large
//! file in parts, [`reader`]), saved reading positions ([`state`]), watching the file
//! ([`watch`]).

pub mod error;
pub(crate) mod history;
pub mod reader;
pub(crate) mod state;
pub(crate) mod watch;
