//! yuedu (阅读): a terminal reader for long-form Chinese feature articles.
//!
//! The modules are the stages of the data flow, in order (see ARCHITECTURE.md):
//! [`input`] (bytes → text) → [`formats`] (text → [`article::Article`], one folder per
//! format) → [`check`] (findings) and [`layout`] (article + width → role-tagged lines) →
//! [`view`] (the reader's state) → [`ui`] (drawing) → [`terminal`] (the event loop and the
//! wire). [`text`] holds the primitives every stage shares; [`session`] opens articles and
//! keeps what outlives a run; [`commands`] are the non-interactive outputs.

// The core: no terminal crate, and nothing of the reader (`cargo build --lib
// --no-default-features` builds exactly these).
pub mod article;
pub mod check;
pub mod cli;
pub mod commands;
pub mod formats;
pub mod input;
pub mod layout;
pub mod text;

// The reader: settings (key bindings among them), its state, drawing and the terminal.
#[cfg(feature = "tui")]
pub mod config;
#[cfg(feature = "tui")]
pub mod session;
#[cfg(feature = "tui")]
pub mod terminal;
#[cfg(feature = "tui")]
pub mod ui;
#[cfg(feature = "tui")]
pub mod view;
