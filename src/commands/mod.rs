//! The non-interactive commands. They read the same [`Article`](crate::article::Article)
//! and lines (those of [`layout_item`](crate::layout::layout_item), which the panes'
//! [`Layout`](crate::layout::Layout) keeps) as the panes, so they print what the reader
//! shows.

pub mod check;
pub mod dump;
pub mod outline;

/// `json` with every character a terminal could act on or hide escaped as `\uXXXX`.
///
/// serde_json escapes C0 controls; this escapes the rest (C1 controls, bidi and invisible
/// characters) too, so that the output is safe to print and still says exactly what the
/// file holds.
pub(crate) fn escape_json_output(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 1);
    for c in json.chars() {
        if crate::sanitize::classify(c).is_some() && c != '\n' {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{u:04x}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}
