//! Which format a file is in: `--format` when given, else the file name's extension, else
//! the content ([`sniff`]).

use std::path::Path;

/// Declares [`Format`] and [`Format::ALL`] from one list, so that a format added to the
/// enum is in `ALL` (and so in `--format`, the library's extensions and the sniffing
/// tests) without a second edit to forget.
macro_rules! formats {
    ($( $(#[$attr:meta])* $variant:ident, )+) => {
        /// The formats yuedu reads.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
        pub enum Format {
            $( $(#[$attr])* $variant, )+
        }

        impl Format {
            /// Every format, in the order `--format` lists them.
            pub const ALL: [Format; [$(Format::$variant),+].len()] = [$(Format::$variant),+];
        }
    };
}

formats! {
    /// Newspaper-style plain text ([`crate::formats::text`]).
    #[default]
    Text,
    /// Markdown, CommonMark with front matter ([`crate::formats::markdown`]).
    Markdown,
    /// An HTML page, a saved article ([`crate::formats::html`]).
    Html,
    /// An EPUB book: its chapters' XHTML, in spine order ([`crate::formats::epub`]).
    Epub,
    /// A page saved as one MIME file, "Webpage, Single File" (`.mhtml`, `.mht`): its
    /// HTML part read as a page ([`crate::formats::mhtml`]).
    Mhtml,
}

impl Format {
    /// The format's name as the command line, `outline` and the status bar spell it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Epub => "epub",
            Format::Mhtml => "mhtml",
        }
    }

    /// Other names `--format` takes for the format (`md` for Markdown), lower case; the
    /// help lists only [`Format::name`].
    pub(crate) fn aliases(self) -> &'static [&'static str] {
        match self {
            Format::Markdown => &["md"],
            Format::Mhtml => &["mht"],
            Format::Text | Format::Html | Format::Epub => &[],
        }
    }

    /// The file name extensions of the format, lower case, without the dot.
    pub(crate) fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Text => &["txt", "text"],
            Format::Markdown => &["md", "markdown"],
            Format::Html => &["html", "htm", "xhtml"],
            Format::Epub => &["epub"],
            Format::Mhtml => &["mhtml", "mht"],
        }
    }

    /// Whether [`sniff`] finding the format in a file's first bytes is beyond doubt (a
    /// page's doctype or root tag, a zip whose mimetype is EPUB, MIME headers naming an
    /// HTML part), so that it wins over a `.txt` extension; Markdown's signs (a `#`
    /// line, front matter) are not: plain text may start so.
    pub(crate) fn unmistakable(self) -> bool {
        matches!(self, Format::Html | Format::Epub | Format::Mhtml)
    }

    /// Whether a file of the format is a container of its text (an EPUB's zip, an MHTML
    /// file's MIME parts): bytes that may be binary, never refused as binary, always read
    /// whole (never a first part shown while the rest is read), and unpacked by the
    /// format ([`crate::formats::load`]) before the text is decoded.
    pub(crate) fn is_container(self) -> bool {
        matches!(self, Format::Epub | Format::Mhtml)
    }

    /// Whether the bytes may declare their own encoding in the markup (an HTML page's
    /// `<meta charset>`, [`crate::input::charset::prescan`]; an MHTML page's too, after
    /// its part's `charset=`), heeded when they are not UTF-8 and no encoding was asked
    /// for.
    pub(crate) fn declares_charset(self) -> bool {
        matches!(self, Format::Html | Format::Mhtml)
    }

    /// Whether the head's fields may be written before the headline as fields, not as
    /// printed (front matter: a byline there is shown under the headline, as a page
    /// prints one; `layout::items`).
    pub(crate) fn head_fields_first(self) -> bool {
        self == Format::Markdown
    }

    /// Every format's extensions as messages list them: `.txt .text .md … .epub`.
    pub(crate) fn all_extensions() -> String {
        let dotted: Vec<String> = Format::ALL
            .iter()
            .flat_map(|f| f.extensions())
            .map(|e| format!(".{e}"))
            .collect();
        dotted.join(" ")
    }

    /// The format a file name's extension says, in any case (`None` for an extension of
    /// no format).
    pub(crate) fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.extensions().contains(&ext.as_str()))
    }
}

/// Whether `path` is an article file as the library and the commands' folder walk see
/// it: its extension names a format ([`Format::from_path`]: .txt .text .md .markdown
/// .html .htm .xhtml .epub .mhtml .mht, any case), or it has no extension and its first
/// [`SNIFF_BYTES`] bytes sniff as HTML, Markdown, EPUB or MHTML (a file that cannot be read
/// is not one). Other extensions (.jpg, .css, .json…) are never articles.
pub(crate) fn is_article_file(path: &Path) -> bool {
    if path.extension().is_some() {
        return Format::from_path(path).is_some();
    }
    use std::io::Read;
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    std::fs::File::open(path)
        .and_then(|f| f.take(SNIFF_BYTES as u64).read_to_end(&mut head))
        .is_ok_and(|_| sniff(&head) != Format::Text)
}

/// Whether the folder `dir` holds a saved page's resources rather than articles: a
/// browser's "Save page, complete" writes `NAME.html` and beside it `NAME_files/` (its
/// images, scripts and the ads' frames as `saved_resource.html`). True when `dir` is
/// named `NAME_files` and `NAME.html`, `NAME.htm` or `NAME.xhtml` stands beside it.
pub(crate) fn is_saved_page_resources(dir: &Path) -> bool {
    let Some(name) = dir.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let Some(page) = name.strip_suffix("_files").filter(|p| !p.is_empty()) else {
        return false;
    };
    ["html", "htm", "xhtml"]
        .iter()
        .any(|ext| dir.with_file_name(format!("{page}.{ext}")).is_file())
}

/// How many bytes of the start of a file [`sniff`] looks at.
pub(crate) const SNIFF_BYTES: usize = 4096;

/// The format of a file: `forced` (`--format`) wins, then the extension of `path`, then
/// what the first bytes look like.
///
/// One exception to the extension: a file named as plain text (`.txt`) whose bytes say
/// unmistakably that they are another format ([`Format::unmistakable`]: a page's
/// `<!DOCTYPE html>`, an EPUB's zip, an MHTML file's MIME headers) is read as what it
/// is — a page a CMS or a browser exported as `.txt` is a page, not text to show with
/// its markup.
pub(crate) fn detect(forced: Option<Format>, path: Option<&Path>, bytes: &[u8]) -> Format {
    if let Some(f) = forced {
        return f;
    }
    match path.and_then(Format::from_path) {
        Some(Format::Text) => Some(sniff(bytes))
            .filter(|f| f.unmistakable())
            .unwrap_or(Format::Text),
        Some(f) => f,
        None => sniff(bytes),
    }
}

/// The format the first bytes of a file show, after an optional UTF-8 BOM and white
/// space: a zip whose first entry is `mimetype` naming `application/epub+zip` is EPUB;
/// `<!DOCTYPE html`, `<html`, `<?xml … <html` or a `<head>`/`<body>`/`<meta` tag is HTML;
/// mail headers (`Name: value` lines) with `MIME-Version:`, a `multipart/related` type
/// and `text/html` among them or in the first part's headers is MHTML ([`is_mhtml`]);
/// YAML (`---`) or TOML (`+++`) front matter followed by `key:`/`key =` lines, or a line
/// starting with `#`–`###` and a space among the first lines, is Markdown; anything
/// else is plain text.
pub(crate) fn sniff(bytes: &[u8]) -> Format {
    if bytes.starts_with(b"PK\x03\x04") {
        // The EPUB container: an uncompressed first entry "mimetype" holding the type.
        let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
        let first = &head[..head.len().min(256)];
        if memchr::memmem::find(first, b"mimetype").is_some()
            && memchr::memmem::find(first, b"application/epub+zip").is_some()
        {
            return Format::Epub;
        }
        return Format::Text;
    }
    let mut head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..];
    let lower: Vec<u8> = head.iter().take(1024).map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<!doctype html")
        || lower.starts_with(b"<html")
        || lower.starts_with(b"<head")
        || lower.starts_with(b"<body")
        || lower.starts_with(b"<meta")
        || (lower.starts_with(b"<?xml") && memchr::memmem::find(&lower, b"<html").is_some())
        || (lower.starts_with(b"<!--") && memchr::memmem::find(&lower, b"<html").is_some())
    {
        return Format::Html;
    }
    if is_mhtml(&lower_head(head)) {
        return Format::Mhtml;
    }
    let text = String::from_utf8_lossy(head);
    let mut lines = text.lines();
    if let Some(first) = lines.next() {
        let fence = first.trim_end();
        if fence == "---" || fence == "+++" {
            let sep = if fence == "---" { ':' } else { '=' };
            let keyed = lines.clone().take(3).any(|l| {
                l.split_once(sep).is_some_and(|(k, _)| {
                    let k = k.trim();
                    !k.is_empty()
                        && k.chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                })
            });
            if keyed {
                return Format::Markdown;
            }
        }
    }
    let heading = |l: &str| {
        let hashes = l.len() - l.trim_start_matches('#').len();
        (1..=3).contains(&hashes) && l[hashes..].starts_with(' ') && l[hashes..].trim().len() > 1
    };
    if text.lines().take(20).any(heading) {
        return Format::Markdown;
    }
    Format::Text
}

/// `head` in lower case (ASCII), at most [`SNIFF_BYTES`] of it.
fn lower_head(head: &[u8]) -> Vec<u8> {
    head.iter()
        .take(SNIFF_BYTES)
        .map(u8::to_ascii_lowercase)
        .collect()
}

/// Whether the start of a file (lower case, from its first non-blank byte) is a saved
/// page in MHTML: it opens with a mail header line (`From: <Saved by Blink>`,
/// `MIME-Version: 1.0`…), and before [`SNIFF_BYTES`] it has `mime-version:`, a
/// `multipart/related` content type and `text/html` (the type the root part is of, in
/// the `type=` parameter or the first part's headers).
fn is_mhtml(lower: &[u8]) -> bool {
    let first = lower.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let header_line = first.iter().position(|&b| b == b':').is_some_and(|colon| {
        colon > 0
            && first[..colon]
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
    });
    let has = |s: &[u8]| memchr::memmem::find(lower, s).is_some();
    header_line && has(b"mime-version:") && has(b"multipart/related") && has(b"text/html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_decides_without_an_extension() {
        assert_eq!(sniff(b"\xEF\xBB\xBF\n<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff(b"  <html lang=\"zh\">"), Format::Html);
        assert_eq!(
            sniff(b"<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"),
            Format::Html
        );
        assert_eq!(
            sniff("---\ntitle: 海岛\n---\n正文".as_bytes()),
            Format::Markdown
        );
        assert_eq!(
            sniff("+++\ntitle = \"海岛\"\n+++\n".as_bytes()),
            Format::Markdown
        );
        assert_eq!(
            sniff("# 海岛上的图书馆\n\n正文".as_bytes()),
            Format::Markdown
        );
        assert_eq!(
            sniff("余姚在长三角\n\n记者 陈醉\n".as_bytes()),
            Format::Text
        );
        // A rule of dashes in plain text is not front matter.
        assert_eq!(sniff("---\n一段正文。\n".as_bytes()), Format::Text);
        // A hashtag is not a heading.
        assert_eq!(sniff("#话题# 正文\n".as_bytes()), Format::Text);
        assert_eq!(
            sniff(b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\x08\0\0\0mimetypeapplication/epub+zip"),
            Format::Epub
        );
        assert_eq!(sniff(b"PK\x03\x04other zip"), Format::Text);
        let blink = b"From: <Saved by Blink>\r\nSnapshot-Content-Location: https://a.example/\r\n\
            MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\
            \tboundary=\"--B--\"\r\n\r\n";
        assert_eq!(sniff(blink), Format::Mhtml);
        let old = b"MIME-Version: 1.0\nContent-Type: Multipart/Related; boundary=\"x\"\n\n\
            --x\nContent-Type: text/html; charset=\"gb2312\"\n";
        assert_eq!(sniff(old), Format::Mhtml);
        // A mail of other parts, or text that only speaks of MIME, is not a page.
        assert_eq!(
            sniff(b"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=x\n\n--x\nContent-Type: text/html\n"),
            Format::Text
        );
        assert_eq!(
            sniff("关于 MIME-Version: multipart/related 与 text/html 的笔记\n".as_bytes()),
            Format::Text
        );
    }

    #[test]
    fn the_flag_then_the_extension_win() {
        let html = b"<!DOCTYPE html>";
        assert_eq!(
            detect(Some(Format::Text), Some(Path::new("a.html")), html),
            Format::Text
        );
        assert_eq!(
            detect(None, Some(Path::new("a.MD")), html),
            Format::Markdown
        );
        assert_eq!(detect(None, Some(Path::new("a.xhtml")), b""), Format::Html);
        assert_eq!(detect(None, Some(Path::new("a.MHT")), b""), Format::Mhtml);
        assert_eq!(detect(None, Some(Path::new("a.mhtml")), b""), Format::Mhtml);
        assert_eq!(detect(None, Some(Path::new("a")), html), Format::Html);
        assert_eq!(detect(None, None, html), Format::Html);
    }
}
