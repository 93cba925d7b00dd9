//! The reader's state, without drawing or I/O: the actions ([`action`]), the key map
//! ([`keymap`]), the mode, one field of the reading state, and its transitions
//! ([`mode`]), the reading state and the dispatch of actions by mode ([`app`]),
//! one file per mode's job ([`reading`], [`nav`], [`search`], [`findings`], [`help`]),
//! the library list ([`library`]).

pub mod action;
pub mod app;
pub(crate) mod findings;
pub(crate) mod goto;
pub(crate) mod help;
pub(crate) mod keymap;
pub mod library;
pub(crate) mod mode;
pub(crate) mod nav;
pub mod reading;
pub(crate) mod search;
pub(crate) mod status;
