//! A page saved as MHTML — Chrome's and Edge's "Save page as → Webpage, Single File",
//! `.mhtml` or `.mht` — read as the page it holds, by the HTML reader
//! ([`crate::formats::html`]).
//!
//! MHTML (RFC 2557) is a MIME message of type `multipart/related`: the page, `text/html`
//! (quoted-printable as Blink writes it, else base64 or 8-bit, with or without a
//! `charset=`), and the resources it refers to (pictures and fonts in base64, style
//! sheets, the frames of ads and embeds as more `text/html` parts). [`unpack`] (at load
//! time, from the file's bytes) parses it with the `mailparse` crate, picks the page —
//! the part the `start` parameter names (RFC 2557's root), else the first `text/html`
//! part (Blink writes the main frame first, its iframes after) — and gives back its
//! bytes with the transfer encoding undone, and the charset its part declares. `input`
//! decodes them as it decodes an HTML file, the part's charset standing for a meta
//! (valid UTF-8 wins over a declaration, a declaration that does not read the bytes
//! gives way to detection, a meta is looked for when the part names none). The page's
//! HTML is then the article's source, read as any HTML page is ([`parse`]).
//!
//! Positions: the source is the page's HTML as the file holds it once decoded —
//! quoted-printable's soft line breaks (`=` at a line's end, often between the bytes
//! of one character) joined, base64 undone — what "Webpage, HTML only" would have
//! saved. `check`'s `page.mhtml:LINE:COL` and the reader's `:LINE` count the lines of
//! that HTML, not of the MIME file (whose quoted-printable lines are cut at 76 columns);
//! an 8-bit page's lines are the file's, less the headers above it.
//!
//! Limits: a file is read whole (as an EPUB is, never shown in part while the rest is
//! read), within `input`'s limit on a file's size; `mailparse` borrows the parts from
//! the file's bytes and decodes only the page's, so a 50 MB picture costs nothing more;
//! more than [`MAX_PARTS`] boundary lines are refused before parsing (each part is a
//! small allocation), and parts nested more than `mailparse`'s 100 deep refuse the
//! file. A file with no `text/html` part is refused with the types it holds.

use std::sync::Arc;

use mailparse::MailHeaderMap;

use crate::article::Article;
use crate::formats::html;

/// The most boundary lines (`--…` at the start of a line) a file may have: each one
/// starts a part that `mailparse` keeps a small record of. A saved page has a few
/// hundred at most.
pub(crate) const MAX_PARTS: usize = 50_000;

/// Why a saved page could not be read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum MhtmlError {
    #[error("not a readable MHTML file (MIME): {0}")]
    Mime(#[source] mailparse::MailParseError),
    #[error(
        "no page in this MHTML file: it holds no text/html part ({found}); \
         a page saved as \"Webpage, Single File\" has one"
    )]
    NoPage { found: String },
    #[error("MHTML file has more than {MAX_PARTS} parts; yuedu reads saved pages of up to that")]
    TooManyParts,
    #[error("the MHTML page (its text/html part) could not be decoded: {0}")]
    Body(#[source] mailparse::MailParseError),
}

/// The page an MHTML file holds: its HTML's bytes (transfer encoding undone, in the
/// page's own character set) and that character set as its part declares it (an
/// `encoding_rs` name; `None` when the part names none or names no encoding).
#[derive(Debug)]
pub(crate) struct Page {
    pub(crate) html: Vec<u8>,
    pub(crate) charset: Option<&'static str>,
}

/// Whether a part's type is a page's.
fn is_page(part: &mailparse::ParsedMail<'_>) -> bool {
    matches!(
        part.ctype.mimetype.as_str(),
        "text/html" | "application/xhtml+xml"
    )
}

/// The page part of the file in `bytes`, its transfer encoding undone. Errors:
/// [`MhtmlError`] (too many parts, MIME `mailparse` cannot read, no page part, a page
/// whose encoding cannot be undone).
pub(crate) fn unpack(bytes: &[u8]) -> Result<Page, MhtmlError> {
    let boundaries = usize::from(bytes.starts_with(b"--"))
        + memchr::memmem::find_iter(bytes, b"\n--")
            .take(MAX_PARTS + 1)
            .count();
    if boundaries > MAX_PARTS {
        return Err(MhtmlError::TooManyParts);
    }
    let mail = mailparse::parse_mail(bytes).map_err(MhtmlError::Mime)?;
    // Every part, depth first in the file's order (a stack: no recursion of ours).
    let mut parts = Vec::new();
    let mut stack = vec![&mail];
    while let Some(part) = stack.pop() {
        parts.push(part);
        stack.extend(part.subparts.iter().rev());
    }
    let start = mail
        .ctype
        .params
        .get("start")
        .map(|s| s.trim().trim_matches(['<', '>']));
    let named = start.and_then(|id| {
        parts.iter().copied().find(|p| {
            p.headers
                .get_first_value("Content-ID")
                .is_some_and(|v| v.trim().trim_matches(['<', '>']) == id)
        })
    });
    let page = named
        .filter(|p| is_page(p))
        .or_else(|| parts.iter().copied().find(|p| is_page(p)))
        .ok_or_else(|| MhtmlError::NoPage {
            found: found(&parts),
        })?;
    let html = page.get_body_raw().map_err(MhtmlError::Body)?;
    let charset = page
        .ctype
        .params
        .get("charset")
        .and_then(|c| crate::input::charset::label(c.trim().as_bytes()));
    Ok(Page { html, charset })
}

/// What a file without a page holds, for its message: "3 parts: image/jpeg, text/css"
/// (the types of its leaves, each once, the first few), "a text/plain message, not
/// multipart/related", or a multipart whose boundary is missing or never comes.
fn found(parts: &[&mailparse::ParsedMail<'_>]) -> String {
    const SHOWN: usize = 6;
    let shown = |s: &str| crate::text::sanitize::for_terminal_line(s).into_owned();
    if let [only] = parts {
        let kind = shown(&only.ctype.mimetype);
        return if kind.starts_with("multipart/") {
            format!("a {kind} message with no parts: its boundary is missing or never found")
        } else {
            format!("a {kind} message, not multipart/related")
        };
    }
    let leaves: Vec<&str> = parts
        .iter()
        .filter(|p| p.subparts.is_empty())
        .map(|p| p.ctype.mimetype.as_str())
        .collect();
    let mut types: Vec<&str> = Vec::new();
    for t in &leaves {
        if !types.contains(t) {
            types.push(t);
        }
    }
    let more = if types.len() > SHOWN { ", …" } else { "" };
    types.truncate(SHOWN);
    let n = leaves.len();
    let s = if n == 1 { "" } else { "s" };
    format!("{n} part{s}: {}{more}", shown(&types.join(", ")))
}

/// Reads the page [`unpack`] took out of the file, decoded: as an HTML page.
pub(crate) fn parse(text: &Arc<String>) -> Article {
    html::parse(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "MIME-Version: 1.0\r\nContent-Type: multipart/related; \
        type=\"text/html\"; boundary=\"B\"\r\n\r\n";

    fn part(headers: &str, body: &str) -> String {
        format!("--B\r\n{headers}\r\n\r\n{body}\r\n")
    }

    fn page(bytes: &[u8]) -> Page {
        unpack(bytes).expect("a page")
    }

    #[test]
    fn a_soft_line_break_inside_a_character_is_joined() {
        // 标题 with a soft break between the bytes of 标.
        let qp = "<h1>=E6=A0=\r\n=87=E9=A2=98</h1>";
        let file = format!(
            "{HEAD}{}--B--\r\n",
            part(
                "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable",
                qp
            )
        );
        let p = page(file.as_bytes());
        assert_eq!(String::from_utf8(p.html).expect("utf-8"), "<h1>标题</h1>");
        assert_eq!(p.charset, Some("UTF-8"));
    }

    #[test]
    fn lf_line_ends_and_a_gbk_charset_are_read() {
        let (gbk, _, _) = encoding_rs::GBK.encode("<p>山里</p>");
        let qp = quoted_printable::encode_to_str(&gbk);
        let file = format!(
            "{HEAD}{}--B--\r\n",
            part(
                "Content-Type: text/html; charset=\"GB2312\"\r\nContent-Transfer-Encoding: quoted-printable",
                &qp
            )
        )
        .replace("\r\n", "\n");
        let p = page(file.as_bytes());
        assert_eq!(p.html, gbk.as_ref());
        assert_eq!(p.charset, Some("gb18030"));
    }

    #[test]
    fn the_start_part_is_the_page_else_the_first_html_part() {
        let frame = part(
            "Content-Type: text/html\r\nContent-ID: <frame-2>",
            "<p>ad</p>",
        );
        let main = part(
            "Content-Type: text/html\r\nContent-ID: <frame-1>",
            "<p>main</p>",
        );
        let img = part(
            "Content-Type: image/png\r\nContent-Transfer-Encoding: base64",
            "iVBO",
        );
        let file = format!("{HEAD}{img}{main}{frame}--B--\r\n");
        assert_eq!(page(file.as_bytes()).html, b"<p>main</p>");
        let started = file.replace("boundary=\"B\"", "start=\"<frame-2>\"; boundary=\"B\"");
        assert_eq!(page(started.as_bytes()).html, b"<p>ad</p>");
        // A part nested in another multipart is found too.
        let nested = format!(
            "{HEAD}--B\r\nContent-Type: multipart/alternative; boundary=\"C\"\r\n\r\n\
             --C\r\nContent-Type: text/plain\r\n\r\nplain\r\n\
             --C\r\nContent-Type: text/html\r\n\r\n<p>inner</p>\r\n--C--\r\n--B--\r\n"
        );
        assert_eq!(page(nested.as_bytes()).html, b"<p>inner</p>");
        // A single-part page is its own page.
        let single = "MIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\
                      Content-Transfer-Encoding: base64\r\n\r\nPHA+5q2j5paHPC9wPg==\r\n";
        assert_eq!(page(single.as_bytes()).html, "<p>正文</p>".as_bytes());
    }

    #[test]
    fn a_file_without_a_page_says_what_it_holds() {
        let img = part("Content-Type: image/jpeg", "x");
        let css = part("Content-Type: text/css", "p{}");
        let file = format!("{HEAD}{img}{css}{img}--B--\r\n");
        let err = unpack(file.as_bytes()).expect_err("no page").to_string();
        assert!(
            err.contains("no text/html part (3 parts: image/jpeg, text/css)"),
            "{err}"
        );
        let err = unpack(b"just some text\n")
            .expect_err("no page")
            .to_string();
        assert!(err.contains("a text/plain message"), "{err}");
        // A boundary that never comes: no parts.
        let lost = format!("{}{img}--B--\r\n", HEAD.replace("\"B\"", "\"Z\""));
        let err = unpack(lost.as_bytes()).expect_err("no page").to_string();
        assert!(
            err.contains("a multipart/related message with no parts"),
            "{err}"
        );
    }

    #[test]
    fn an_unclosed_last_part_is_read_to_the_end() {
        let file = format!(
            "{HEAD}{}",
            part(
                "Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable",
                "<p>=E6=AD=A3</p>"
            )
        );
        assert_eq!(page(file.as_bytes()).html, "<p>正</p>\r\n".as_bytes());
    }

    #[test]
    fn too_many_parts_or_too_deep_is_refused_not_followed() {
        let many = format!(
            "{HEAD}{}{}--B--\r\n",
            part("Content-Type: text/html", "<p>x</p>"),
            part("Content-Type: image/gif", "x").repeat(MAX_PARTS)
        );
        let err = unpack(many.as_bytes()).expect_err("too many");
        assert!(matches!(err, MhtmlError::TooManyParts), "{err}");
        let mut deep = String::from("MIME-Version: 1.0\r\n");
        for i in 0..150 {
            deep.push_str(&format!(
                "Content-Type: multipart/related; boundary=\"b{i}=\"\r\n\r\n--b{i}=\r\n"
            ));
        }
        deep.push_str("Content-Type: text/html\r\n\r\n<p>deep</p>\r\n");
        let err = unpack(deep.as_bytes()).expect_err("too deep");
        assert!(matches!(err, MhtmlError::Mime(_)), "{err}");
    }
}
