//! `yuedu outline`: the recovered structure, for a person or (with `--json`) a script.

use std::fmt::Write as _;

use serde::Serialize;

use crate::article::{Article, BlockKind, InlineStyle, LineNo, SharedStr, heading_label};
use crate::commands::CommandError;
use crate::commands::targets::Target;
use crate::input::source::LoadOptions;

#[derive(Serialize)]
struct Section<'a> {
    title: &'a str,
    /// The file inside the opened one the line is in (an EPUB's chapter), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    line: LineNo,
}

#[derive(Serialize)]
struct Caption<'a> {
    text: &'a str,
    credit: Option<&'a str>,
    /// The file inside the opened one the line is in (an EPUB's chapter), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    line: LineNo,
}

#[derive(Serialize)]
struct JoinOut<'a> {
    /// The file inside the opened one the line is in (an EPUB's chapter), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    line: LineNo,
    before: &'a SharedStr,
    after: &'a SharedStr,
}

#[derive(Serialize)]
struct BlockOut<'a> {
    kind: BlockKind,
    text: &'a str,
    /// The file inside the opened one the line is in (an EPUB's chapter), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<&'a str>,
    line: LineNo,
    /// The block's inline styles, only when it has some.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    styles: Vec<StyleOut>,
}

/// An inline style span in `outline --json`: `start`..`end` in characters (not bytes)
/// of the block's `text`, `style` "emphasis" or "strong".
#[derive(Serialize)]
struct StyleOut {
    start: usize,
    end: usize,
    style: InlineStyle,
}

/// `article`'s styles of `block` with their offsets in characters of its text.
fn styles_out(article: &Article, block: &crate::article::Block) -> Vec<StyleOut> {
    let text = block.text.as_str();
    let chars = |b: usize| text.get(..b).map_or(0, |t| t.chars().count());
    article
        .styles_of(block)
        .iter()
        .map(|s| StyleOut {
            start: chars(s.start as usize),
            end: chars(s.end as usize),
            style: s.style,
        })
        .collect()
}

/// How the file was decoded, when that is worth telling.
#[derive(Serialize)]
struct Encoding<'a> {
    name: &'a str,
    note: &'a str,
}

/// The `outline --json` object.
#[derive(Serialize)]
struct Outline<'a> {
    /// The article's path as given, when several are printed (an array): which file
    /// each object is.
    #[serde(skip_serializing_if = "Option::is_none")]
    path: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    encoding: Option<Encoding<'a>>,
    /// The format read, when it is not plain text (the newspaper format keeps its
    /// outline as it always was).
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    banner: Option<&'a str>,
    title: Option<&'a str>,
    kicker: Option<&'a str>,
    subtitle: Option<&'a str>,
    column: Option<&'a str>,
    dateline: Option<&'a str>,
    authors: &'a [String],
    // The header fields of the formats with markup: always there for them (null when
    // the page gives none), left out for plain text (whose outline keeps its keys).
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<Option<&'a str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<Option<&'a str>>,
    sections: Vec<Section<'a>>,
    captions: Vec<Caption<'a>>,
    joins: Vec<JoinOut<'a>>,
    blocks: Vec<BlockOut<'a>>,
}

fn outline<'a>(article: &'a Article, encoding: Option<(&'a str, &'a str)>) -> Outline<'a> {
    Outline {
        path: None,
        encoding: encoding.map(|(name, note)| Encoding { name, note }),
        format: (article.format != crate::formats::Format::Text).then(|| article.format.name()),
        banner: article.banner.as_ref().map(|h| h.text.as_str()),
        title: article.title.as_ref().map(|h| h.text.as_str()),
        kicker: article.kicker.as_ref().map(|h| h.text.as_str()),
        subtitle: article.subtitle.as_ref().map(|h| h.text.as_str()),
        column: article.column.as_ref().map(|h| h.text.as_str()),
        dateline: article.dateline.as_ref().map(|h| h.text.as_str()),
        authors: &article.authors,
        source: (article.format != crate::formats::Format::Text)
            .then(|| article.source.as_ref().map(|h| h.text.as_str())),
        date: (article.format != crate::formats::Format::Text)
            .then(|| article.date.as_ref().map(|h| h.text.as_str())),
        sections: article
            .headings()
            .map(|(_, b)| Section {
                title: heading_label(&b.text),
                file: article.file_name(b.file),
                line: article.block_line(b),
            })
            .collect(),
        captions: article
            .captions()
            .map(|(_, b)| Caption {
                text: &b.text,
                file: article.file_name(b.file),
                credit: b.credit.as_ref().map(|c| c.name.as_str()),
                line: article.block_line(b),
            })
            .collect(),
        joins: article
            .joins
            .iter()
            .map(|j| JoinOut {
                file: article.file_name(j.file),
                line: article.line_of(j.file, j.src as usize),
                before: &j.before,
                after: &j.after,
            })
            .collect(),
        blocks: article
            .blocks
            .iter()
            .map(|b| BlockOut {
                file: article.file_name(b.file),
                kind: b.kind,
                text: &b.text,
                line: article.block_line(b),
                styles: styles_out(article, b),
            })
            .collect(),
    }
}

/// The outline as one JSON object (pretty-printed, ending in a newline). `encoding` (name
/// and note) is given when the decoding is worth telling: a guess, replaced bytes.
pub fn to_json(article: &Article, encoding: Option<(&str, &str)>) -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = write_json(article, encoding, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// [`to_json`] written to `out` as it is made.
pub(crate) fn write_json(
    article: &Article,
    encoding: Option<(&str, &str)>,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    write_json_named(article, encoding, None, out)
}

/// `yuedu outline`: each target read with `load` and its outline written to `out`, as
/// text ([`to_text`], a blank line between articles) or with `json` as JSON
/// ([`write_json`]; several articles an array of objects named by [`write_json_named`]).
/// `out` is flushed after each article.
///
/// Errors: the first target that cannot be read ([`CommandError::Load`]; the articles
/// before it are written), or a failed write.
pub fn run(
    targets: &[Target],
    load: LoadOptions<'_>,
    json: bool,
    out: &mut impl std::io::Write,
) -> Result<(), CommandError> {
    let several = targets.len() > 1;
    if json && several {
        out.write_all(b"[\n")?;
    }
    for (i, t) in targets.iter().enumerate() {
        let src = crate::formats::load(t.load_path(), load)?;
        let article = crate::formats::parse_shared(src.format, &src.text);
        if json {
            if i > 0 {
                out.write_all(b",\n")?;
            }
            let encoding = src.decode_report.as_deref().map(|r| (src.encoding, r));
            let name = several.then(|| t.name(&src));
            write_json_named(&article, encoding, name.as_deref(), out)?;
        } else {
            if i > 0 {
                out.write_all(b"\n")?;
            }
            let text = to_text(
                &article,
                &src.origin.to_string(),
                src.decode_report.as_deref(),
            );
            out.write_all(text.as_bytes())?;
        }
        out.flush()?;
    }
    if json && several {
        out.write_all(b"]\n")?;
    }
    Ok(())
}

/// [`write_json`] with a `"path"` key first, naming the article's file: for an array of
/// several articles (`outline --json DIR`), so that each object says which file it is.
pub(crate) fn write_json_named(
    article: &Article,
    encoding: Option<(&str, &str)>,
    path: Option<&str>,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let mut escaped = super::EscapingWriter::new(&mut *out);
    let mut o = outline(article, encoding);
    o.path = path;
    serde_json::to_writer_pretty(&mut escaped, &o)?;
    out.write_all(b"\n")
}

/// Where a line of the outline stands: its line number right-aligned in four columns, or
/// `FILE:LINE` in a file inside the opened one (an EPUB's chapter).
fn place(article: &Article, file: crate::article::FileId, line: LineNo) -> String {
    match article.file_name(file) {
        Some(name) => format!("{name}:{line}"),
        None => format!("{line:>4}"),
    }
}

/// The outline as text for a person; `decode_report` says how the file was decoded.
pub fn to_text(article: &Article, name: &str, decode_report: Option<&str>) -> String {
    let mut out = String::new();
    // "line N", or "FILE:N" in a file inside the opened one (an EPUB's package or
    // chapter).
    let at = |file: crate::article::FileId, line: LineNo| match article.file_name(file) {
        Some(name) => format!("{name}:{line}"),
        None => format!("line {line}"),
    };
    let field = |out: &mut String, label: &str, value: Option<(&str, String)>| {
        let _ = match value {
            Some((text, place)) => writeln!(out, "{label:<8} {text}  ({place})"),
            None => writeln!(out, "{label:<8} -"),
        };
    };
    let _ = writeln!(out, "{name}");
    if let Some(report) = decode_report {
        let _ = writeln!(out, "encoding {report}");
    }
    field(
        &mut out,
        "banner",
        article
            .banner
            .as_ref()
            .map(|h| (h.text.as_str(), at(h.file, article.header_line(h)))),
    );
    // The newspaper head's other lines, each only when present (an article without
    // them keeps its outline as it was): the kicker above the title, the rest under it.
    if let Some(h) = &article.kicker {
        field(
            &mut out,
            "kicker",
            Some((h.text.as_str(), at(h.file, article.header_line(h)))),
        );
    }
    field(
        &mut out,
        "title",
        article
            .title
            .as_ref()
            .map(|h| (h.text.as_str(), at(h.file, article.header_line(h)))),
    );
    for (label, header) in [("subtitle", &article.subtitle), ("column", &article.column)] {
        if let Some(h) = header {
            field(
                &mut out,
                label,
                Some((h.text.as_str(), at(h.file, article.header_line(h)))),
            );
        }
    }
    // No names, no row: a page's info line kept as the byline may name no one.
    let authors = article.authors.join(", ");
    let authors_line = article
        .byline
        .as_ref()
        .or(article.dateline.as_ref())
        .map(|h| at(h.file, article.header_line(h)))
        .or_else(|| {
            let first = article.blocks.iter().find(|b| b.kind == BlockKind::Byline);
            first.map(|b| at(b.file, article.block_line(b)))
        });
    field(
        &mut out,
        "authors",
        authors_line
            .filter(|_| !authors.is_empty())
            .map(|line| (authors.as_str(), line)),
    );
    if let Some(h) = &article.dateline {
        field(
            &mut out,
            "dateline",
            Some((h.text.as_str(), at(h.file, article.header_line(h)))),
        );
    }
    // Plain text (the newspaper format) keeps the lines it always had.
    if article.format != crate::formats::Format::Text {
        let _ = writeln!(out, "{:<8} {}", "format", article.format.name());
        for (label, h) in [("source", &article.source), ("date", &article.date)] {
            field(
                &mut out,
                label,
                h.as_ref()
                    .map(|h| (h.text.as_str(), at(h.file, article.header_line(h)))),
            );
        }
    }

    let count = |k: BlockKind| article.blocks.iter().filter(|b| b.kind == k).count();
    let paragraphs_word = |n: usize| if n == 1 { "paragraph" } else { "paragraphs" };
    let all = count(BlockKind::Paragraph);
    let _ = writeln!(
        out,
        "\nsections ({}; {all} {} in all)",
        count(BlockKind::Heading),
        paragraphs_word(all)
    );
    // Paragraphs before the first heading form the lead.
    let mut paragraphs = 0;
    let mut current = "(lead)";
    let mut current_line = None;
    let mut sections = Vec::new();
    for b in &article.blocks {
        match b.kind {
            BlockKind::Heading => {
                sections.push((current_line, current, paragraphs));
                current = heading_label(&b.text);
                current_line = Some(place(article, b.file, article.block_line(b)));
                paragraphs = 0;
            }
            BlockKind::Paragraph => paragraphs += 1,
            BlockKind::Caption | BlockKind::Note | BlockKind::Byline => {}
        }
    }
    sections.push((current_line, current, paragraphs));
    for (line, title, n) in sections {
        let line = line.unwrap_or_else(|| "    ".to_string());
        let _ = writeln!(out, "  {line}  {title}  [{n} {}]", paragraphs_word(n));
    }

    let _ = writeln!(out, "\ncaptions ({})", count(BlockKind::Caption));
    for (_, b) in article.captions() {
        let credit = b
            .credit
            .as_ref()
            .map_or_else(|| "no credit".to_string(), |c| format!("photo: {}", c.name));
        let _ = writeln!(
            out,
            "  {}  {}  [{credit}]",
            place(article, b.file, article.block_line(b)),
            b.text
        );
    }

    // Notes and bylines in the body, only when there are any.
    for (kind, label) in [(BlockKind::Byline, "bylines"), (BlockKind::Note, "notes")] {
        let n = count(kind);
        if n > 0 {
            let _ = writeln!(out, "\n{label} ({n})");
            for b in article.blocks.iter().filter(|b| b.kind == kind) {
                let at = place(article, b.file, article.block_line(b));
                let _ = writeln!(out, "  {at}  {}", b.text);
            }
        }
    }

    let _ = writeln!(
        out,
        "\njoins ({}): a paragraph continued across a caption or column break; check the \
         source, text may have been lost there",
        article.joins.len()
    );
    for j in &article.joins {
        let _ = writeln!(
            out,
            "  {}  …{} ‖ {}…",
            place(article, j.file, article.line_of(j.file, j.src as usize)),
            j.before,
            j.after
        );
    }
    crate::text::sanitize::sanitize(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::formats::{Format, parse_shared};

    fn json(format: Format, text: &str) -> serde_json::Value {
        let a = parse_shared(format, &Arc::new(text.to_string()));
        serde_json::from_str(&super::to_json(&a, None)).expect("JSON")
    }

    #[test]
    fn source_and_date_are_null_not_missing_for_markup_and_absent_for_text() {
        let v = json(Format::Markdown, "# 江边的观测站\n\n正文第一段。\n");
        assert_eq!(v.get("source"), Some(&serde_json::Value::Null));
        assert_eq!(v.get("date"), Some(&serde_json::Value::Null));
        let v = json(
            Format::Markdown,
            "---\ndate: 2026-03-14\nsource: 北岸晚报\n---\n\n正文。\n",
        );
        assert_eq!(v["source"], "北岸晚报");
        assert_eq!(v["date"], "2026-03-14");
        let v = json(Format::Text, "江边的观测站\n\n正文第一段。\n");
        assert!(v.get("source").is_none() && v.get("date").is_none());
        assert_eq!(v.get("column"), Some(&serde_json::Value::Null));
    }
}
