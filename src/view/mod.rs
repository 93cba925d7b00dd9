//! The reader's state, without drawing or I/O: the actions ([`action`]), the key map
//! ([`keymap`]), the reading state and its update function ([`app`]), the library list
//! ([`library`]).

pub mod action;
pub mod app;
pub mod keymap;
pub mod library;
