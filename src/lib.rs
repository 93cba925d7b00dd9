//! yuedu (阅读): a terminal reader for long-form Chinese feature articles.
//!
//! Data flows one way: bytes → [`source`] (read, decode) → [`parse`] (newspaper text →
//! [`article::Article`]) → [`layout`] (article + width → role-tagged lines) → the panes,
//! or the non-interactive [`commands`]. See ARCHITECTURE.md.

pub mod action;
pub mod app;
pub mod article;
pub mod check;
pub mod cli;
pub mod commands;
pub mod config;
pub mod decode;
pub mod formats;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod reader;
pub mod sanitize;
pub mod source;
pub mod state;
pub mod tui;
pub mod ui;
pub mod watch;
