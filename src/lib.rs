//! yuedu (阅读): a terminal reader for long-form Chinese feature articles.
//!
//! The modules are the stages of the data flow, in order (see ARCHITECTURE.md):
//! [`input`] (bytes → text) → [`formats`] (text → [`article::Article`], one folder per
//! format) → [`check`] (findings) and [`layout`] (article + width → role-tagged lines) →
//! [`view`] (the reader's state) → [`ui`] (drawing) → [`terminal`] (the event loop and the
//! wire). [`text`] holds the primitives every stage shares; [`session`] opens articles and
//! keeps what outlives a run; [`commands`] are the non-interactive outputs.

pub mod article;
pub mod check;
pub mod cli;
pub mod commands;
pub mod config;
pub mod formats;
pub mod input;
pub mod layout;
pub mod session;
pub mod terminal;
pub mod text;
pub mod ui;
pub mod view;
