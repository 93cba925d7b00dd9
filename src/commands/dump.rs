//! `yuedu dump`: the lines the text pane shows, as plain text.

use crate::article::Article;
use crate::layout::{Layout, LayoutOptions};

/// The article laid out at `opts.width`, one output line per laid-out line, an empty
/// line between blocks.
pub fn to_text(article: &Article, opts: &LayoutOptions) -> String {
    let layout = Layout::new(article, opts);
    let mut out = String::new();
    for line in &layout.lines {
        for span in &line.spans {
            out.push_str(&span.text);
        }
        out.push('\n');
    }
    // The layout already shows untrusted characters as notation; this guarantees that
    // nothing else reaches the terminal either.
    crate::sanitize::sanitize(&out).into_owned()
}
