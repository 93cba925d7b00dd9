//! `yuedu dump`: the lines the text pane shows, as plain text.

use std::io;

use crate::article::Article;
use crate::commands::CommandError;
use crate::commands::targets::Target;
use crate::input::source::LoadOptions;
use crate::layout::{LayoutOptions, items, layout_item_each};

/// `yuedu dump`: each target read with `load` and written to `out` laid out with `opts`
/// ([`write_text`]); several under a `==> NAME <==` line each, as `head` does with
/// several files. `out` is flushed after each article.
///
/// Errors: the first target that cannot be read ([`CommandError::Load`]; the articles
/// before it are written), or a failed write.
pub fn run(
    targets: &[Target],
    load: LoadOptions<'_>,
    opts: &LayoutOptions,
    out: &mut impl io::Write,
) -> Result<(), CommandError> {
    for (i, t) in targets.iter().enumerate() {
        let src = crate::formats::load(t.load_path(), load)?;
        if targets.len() > 1 {
            let sep = if i == 0 { "" } else { "\n" };
            writeln!(out, "{sep}==> {} <==", src.origin)?;
        }
        let article = crate::formats::parse_shared(src.format, &src.text);
        write_text(&article, opts, out)?;
        out.flush()?;
    }
    Ok(())
}

/// The article laid out at `opts.width`, one output line per laid-out line, an empty
/// line between blocks: the lines of [`Layout`](crate::layout::Layout).
pub fn to_text(article: &Article, opts: &LayoutOptions) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_text(article, opts, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`to_text`] written to `out` an item at a time as it is laid out: only the text of
/// the article and of one item's lines is held.
pub fn write_text(
    article: &Article,
    opts: &LayoutOptions,
    out: &mut impl io::Write,
) -> io::Result<()> {
    let mut text = String::new();
    let mut result = Ok(());
    // The layout already shows untrusted characters as notation; making what is
    // written inert guarantees that nothing else reaches the terminal either, without
    // widening a line the layout measured (see `terminal_inert`).
    let mut flush = |text: &mut String, result: &mut io::Result<()>| {
        if result.is_ok() {
            *result = out.write_all(crate::text::sanitize::terminal_inert(text).as_bytes());
        }
        text.clear();
    };
    for (index, item) in items(article).into_iter().enumerate() {
        if index > 0 {
            // The empty line between items.
            text.push('\n');
        }
        layout_item_each(article, item, index, opts, &mut |line| {
            for span in &line.spans {
                text.push_str(&span.text);
            }
            text.push('\n');
            // A long paragraph is written a part at a time, at line ends.
            if text.len() >= CHUNK {
                flush(&mut text, &mut result);
            }
        });
        if text.len() >= CHUNK {
            flush(&mut text, &mut result);
        }
    }
    flush(&mut text, &mut result);
    result
}

/// How much text is gathered before it is written.
const CHUNK: usize = 64 * 1024;
