//! The non-interactive commands. They read the same [`Article`](crate::article::Article)
//! and [`Layout`](crate::layout::Layout) as the panes, so they print what the reader shows.

pub mod dump;
pub mod outline;
