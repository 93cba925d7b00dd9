//! The non-interactive commands. They read the same [`Article`](crate::article::Article)
//! and lines (those of [`layout_item`](crate::layout::layout_item), which the panes'
//! [`Layout`](crate::layout::Layout) keeps) as the panes, so they print what the reader
//! shows.

pub mod check;
pub mod dump;
pub mod generated;
pub mod outline;
pub mod targets;

/// Why `outline` or `dump` stopped before the last article: one could not be read, or
/// the output could not be written. Its message is the cause's own (a closed pipe is
/// the writer's to forgive: `main` passes standard output that ends quietly then).
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    #[error(transparent)]
    Load(#[from] crate::input::source::LoadError),
    #[error(transparent)]
    Write(#[from] std::io::Error),
}

/// `json` with every character a terminal could act on or hide escaped as `\uXXXX`.
///
/// serde_json escapes C0 controls; this escapes the rest (C1 controls, bidi and invisible
/// characters) too, so that the output is safe to print and still says exactly what the
/// file holds.
pub(crate) fn escape_json_output(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 1);
    for c in json.chars() {
        push_escaped(&mut out, c);
    }
    out
}

fn push_escaped(out: &mut String, c: char) {
    if crate::text::sanitize::classify(c).is_some() && c != '\n' {
        let mut units = [0u16; 2];
        for u in c.encode_utf16(&mut units) {
            out.push_str(&format!("\\u{u:04x}"));
        }
    } else {
        out.push(c);
    }
}

/// A writer of JSON that escapes as [`escape_json_output`] does, as the JSON comes: a
/// large outline is never held whole. A character cut between two writes waits for its
/// other bytes.
pub(crate) struct EscapingWriter<W: std::io::Write> {
    out: W,
    /// The start of a character whose other bytes have not come yet.
    pending: Vec<u8>,
    buf: String,
}

impl<W: std::io::Write> EscapingWriter<W> {
    pub fn new(out: W) -> Self {
        EscapingWriter {
            out,
            pending: Vec::new(),
            buf: String::new(),
        }
    }
}

impl<W: std::io::Write> std::io::Write for EscapingWriter<W> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(bytes);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(s) => s.len(),
            Err(e) if e.error_len().is_none() => e.valid_up_to(),
            Err(e) => return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, e)),
        };
        self.buf.clear();
        // Valid up to `valid`: checked just above.
        let text = std::str::from_utf8(&self.pending[..valid]).unwrap_or_default();
        for c in text.chars() {
            push_escaped(&mut self.buf, c);
        }
        self.out.write_all(self.buf.as_bytes())?;
        self.pending.drain(..valid);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn escaping_as_it_comes_equals_escaping_the_whole() {
        let json = "{\"t\": \"长三角\u{202e}\u{9b}\u{200b}\u{1b}x\"}\n";
        // Written a byte at a time: every character but ASCII is cut between writes.
        let mut out = Vec::new();
        let mut w = EscapingWriter::new(&mut out);
        for b in json.as_bytes() {
            w.write_all(std::slice::from_ref(b)).expect("write");
        }
        drop(w);
        let whole = escape_json_output(json);
        assert_eq!(String::from_utf8(out).expect("utf-8"), whole);
        assert!(whole.contains("\\u202e") && whole.contains("长三角"));
    }
}
