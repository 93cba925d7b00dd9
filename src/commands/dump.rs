//! `yuedu dump`: the lines the text pane shows, as plain text.

use std::borrow::Cow;

use crate::article::Article;
use crate::layout::{LayoutOptions, items, layout_item_each};

/// The article laid out at `opts.width`, one output line per laid-out line, an empty
/// line between blocks: the lines of [`Layout`](crate::layout::Layout), made an item at
/// a time and written out as they come, so that only the text is held.
pub fn to_text(article: &Article, opts: &LayoutOptions) -> String {
    let mut out = String::new();
    for (index, item) in items(article).into_iter().enumerate() {
        if index > 0 {
            // The empty line between items.
            out.push('\n');
        }
        layout_item_each(article, item, index, opts, &mut |line| {
            for span in &line.spans {
                out.push_str(&span.text);
            }
            out.push('\n');
        });
    }
    // The layout already shows untrusted characters as notation; this guarantees that
    // nothing else reaches the terminal either.
    match crate::sanitize::sanitize(&out) {
        Cow::Borrowed(_) => out,
        Cow::Owned(sanitized) => sanitized,
    }
}
