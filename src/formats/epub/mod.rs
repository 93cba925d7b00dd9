//! An EPUB book → one [`Article`]: its chapters in spine order, each read through the
//! HTML reader whole ([`crate::formats::html`]), the book's table of contents (EPUB 3
//! nav, else the EPUB 2 NCX) as the headings the navigation pane lists.
//!
//! One article rather than a library entry per chapter: search, resume and the
//! navigation pane then cover the whole book, and the table of contents is what the
//! navigation pane is for.
//!
//! Reading happens in two steps. [`unpack`] (at load time, from the file's bytes) opens
//! the zip with the `zip` crate, follows `META-INF/container.xml` to the OPF package,
//! and writes one HTML document of the chapters' bodies, each in a `<section>` naming
//! its table-of-contents title; that document is the source the article's lines point
//! into. [`parse`] reads it. Limits: at most [`MAX_ENTRIES`] entries, [`MAX_ENTRY_BYTES`]
//! read from any one entry and [`MAX_TOTAL_BYTES`] in all, whatever the zip declares
//! (a zip bomb is cut off where it passes them: a chapter larger than an entry may be
//! is left out with a note naming it, anything else refuses the book); entry paths
//! that are absolute or climb out of the book (`..`) are refused.

use std::collections::HashMap;
use std::io::{Cursor, Read};
use std::sync::Arc;

use crate::article::Article;
use crate::formats::html;
use crate::formats::markup::{
    BOLD_CLASSES_ATTR, CHAPTER_ANCHORS, Header, SKIPPED_ATTR, SourceLines, SourcePos, squeeze_name,
};

/// The most entries a book may have.
pub(crate) const MAX_ENTRIES: usize = 20_000;
/// The most bytes read from one entry (uncompressed).
pub(crate) const MAX_ENTRY_BYTES: u64 = 256 << 20;
/// The most bytes read from all entries together (uncompressed).
pub(crate) const MAX_TOTAL_BYTES: u64 = 1 << 30;

/// Why a book could not be read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum EpubError {
    #[error("not a readable EPUB (zip)")]
    Zip(#[source] zip::result::ZipError),
    #[error("EPUB entry {name}: could not be read")]
    Entry {
        name: String,
        #[source]
        source: std::io::Error,
    },
    #[error("not an EPUB: {0} is missing")]
    Missing(String),
    #[error("EPUB entry {name}: larger than {limit} bytes uncompressed (a zip bomb?)")]
    TooLarge { name: String, limit: u64 },
    #[error("EPUB has {0} entries; yuedu reads books of up to {MAX_ENTRIES}")]
    TooManyEntries(usize),
    #[error("EPUB refers to {0:?}, outside the book")]
    BadPath(String),
}

struct Book {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
    total: u64,
    /// [`MAX_ENTRY_BYTES`] and [`MAX_TOTAL_BYTES`] (smaller in tests).
    entry_limit: u64,
    total_limit: u64,
}

impl Book {
    /// The bytes of entry `name`, within the limits.
    fn read(&mut self, name: &str) -> Result<Vec<u8>, EpubError> {
        let mut file = self
            .zip
            .by_name(name)
            .map_err(|_| EpubError::Missing(name.to_string()))?;
        let limit = self
            .entry_limit
            .min(self.total_limit.saturating_sub(self.total));
        // A size declared over the limit is believed at once (a lying one is cut off
        // where the bytes pass it).
        if file.size() > limit {
            return Err(EpubError::TooLarge {
                name: name.to_string(),
                limit,
            });
        }
        let mut out = Vec::new();
        (&mut file)
            .take(limit + 1)
            .read_to_end(&mut out)
            .map_err(|source| EpubError::Entry {
                name: name.to_string(),
                source,
            })?;
        if out.len() as u64 > limit {
            return Err(EpubError::TooLarge {
                name: name.to_string(),
                limit,
            });
        }
        self.total += out.len() as u64;
        Ok(out)
    }
}

/// `href` resolved against the folder `base` ("OEBPS/"), fragment and query removed,
/// `%20` and the like decoded; refused when it is absolute or climbs out of the book.
pub(crate) fn resolve(base: &str, href: &str) -> Result<String, EpubError> {
    let href = href.split(['#', '?']).next().unwrap_or("");
    let href = percent_decode(href);
    if href.starts_with('/') || href.contains('\\') || href.contains(':') {
        return Err(EpubError::BadPath(href));
    }
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for seg in href.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Err(EpubError::BadPath(href.clone()));
                }
            }
            s => parts.push(s),
        }
    }
    Ok(parts.join("/"))
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(h) = s.get(i + 1..i + 3)
            && let Ok(v) = u8::from_str_radix(h, 16)
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A book's table of contents (the EPUB 3 nav or the EPUB 2 NCX): its entries in its
/// own order, each as (the chapter file's path in the book, the fragment it points at —
/// an element's id, percent-decoded — and its label, white space collapsed).
#[derive(Default)]
struct Toc(Vec<(String, Option<String>, String)>);

impl Toc {
    /// Adds the entry `href` (relative to the folder `dir`) labelled `label`; one that
    /// points out of the book, has no label or repeats an entry's target is passed over.
    fn add(&mut self, dir: &str, href: &str, label: &str) {
        let Ok(path) = resolve(dir, href) else {
            return;
        };
        let fragment = href
            .split_once('#')
            .map(|(_, f)| percent_decode(f))
            .filter(|f| !f.is_empty());
        let label = crate::formats::markup::collapse_ws(label)
            .trim()
            .to_string();
        if label.is_empty() || self.0.iter().any(|(p, f, _)| *p == path && *f == fragment) {
            return;
        }
        self.0.push((path, fragment, label));
    }

    /// The headings of the chapter at `path` whose body is `body`: the labels that head
    /// the chapter (entries pointing at the file, or at an id it does not hold), and
    /// (id, label) of the entries pointing at an element inside it, whose heading
    /// stands there — the text before it stays under the heading before.
    fn heads(&self, path: &str, body: &str) -> (Vec<&str>, Vec<(&str, &str)>) {
        let (mut start, mut inside) = (Vec::new(), Vec::new());
        let mut ids = None;
        for (p, fragment, label) in &self.0 {
            if p != path {
                continue;
            }
            match fragment {
                Some(id)
                    if ids
                        .get_or_insert_with(|| ids_in(body))
                        .contains(id.as_str()) =>
                {
                    inside.push((id.as_str(), label.as_str()))
                }
                _ => start.push(label.as_str()),
            }
        }
        (start, inside)
    }

    /// The first label of the chapter at `path` (empty without one).
    fn first(&self, path: &str) -> &str {
        self.0
            .iter()
            .find(|(p, _, _)| p == path)
            .map_or("", |(_, _, l)| l.as_str())
    }
}

/// The ids of a chapter's `body`'s elements (and the names of its `<a name>`), written
/// `id="…"` or `id='…'`: one pass, however many entries point into the chapter.
fn ids_in(body: &str) -> std::collections::HashSet<&str> {
    let mut out = std::collections::HashSet::new();
    for attr in ["id=", "name="] {
        for (i, _) in body.match_indices(attr) {
            if !body[..i].ends_with(|c: char| c.is_ascii_whitespace()) {
                continue;
            }
            let rest = &body[i + attr.len()..];
            let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                continue;
            };
            if let Some(len) = rest[1..].find(q) {
                out.insert(&rest[1..1 + len]);
            }
        }
    }
    out
}

/// Whether a `dc:date` is a date: calibre writes `0101-01-01T00:00:00+00:00` for a book
/// whose date it does not know, and no edition is dated before the year 1000.
fn real_date(value: &str) -> bool {
    let v = value.trim();
    let year: String = v.chars().take_while(char::is_ascii_digit).collect();
    let undefined = year.len() == 4 && year.as_str() < "1000";
    !v.is_empty() && !undefined
}

/// A start tag found by [`tags`]: its name (lowercase) and attributes.
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    /// Where the text after the tag starts.
    end: usize,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name || k.rsplit(':').next() == Some(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The start tags of an XML text (container.xml, the OPF, the NCX), in order: the
/// package files are plain enough that a scan of `<name attr="value">` reads them, and
/// an HTML parser would nest their self-closed elements.
fn tags(xml: &str) -> Vec<Tag> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(i) = xml[at..].find('<') {
        let start = at + i + 1;
        let Some(len) = xml[start..].find('>') else {
            break;
        };
        let inner = &xml[start..start + len];
        at = start + len + 1;
        if inner.starts_with(['/', '!', '?']) {
            continue;
        }
        let inner = inner.trim_end_matches('/');
        let mut it = inner.splitn(2, char::is_whitespace);
        let name = it.next().unwrap_or("").to_ascii_lowercase();
        let mut attrs = Vec::new();
        let mut rest = it.next().unwrap_or("");
        while let Some(eq) = rest.find('=') {
            let key = rest[..eq].trim().to_ascii_lowercase();
            let after = rest[eq + 1..].trim_start();
            let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                break;
            };
            let Some(close) = after[1..].find(q) else {
                break;
            };
            attrs.push((key, xml_unescape(&after[1..1 + close])));
            rest = &after[close + 2..];
        }
        out.push(Tag {
            name,
            attrs,
            end: at,
        });
    }
    out
}

fn xml_unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The text of an XML element that starts where `tag` ends (up to the next `<`).
fn text_after<'a>(xml: &'a str, tag: &Tag) -> &'a str {
    let rest = &xml[tag.end..];
    rest[..rest.find('<').unwrap_or(rest.len())].trim()
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Where the inside of a chapter's `<body>` stands in it (bytes; all of it when there
/// is no body tag).
fn body_of(xhtml: &str) -> std::ops::Range<usize> {
    let lower = xhtml.to_ascii_lowercase();
    let start = lower
        .find("<body")
        .and_then(|i| lower[i..].find('>').map(|j| i + j + 1))
        .unwrap_or(0);
    let end = lower
        .rfind("</body")
        .filter(|&e| e >= start)
        .unwrap_or(xhtml.len());
    start..end
}

/// Opens the book in `bytes` and writes its chapters as one HTML document (UTF-8
/// bytes): the book's title and authors in the head, each chapter's body in a
/// `<section data-yuedu-chapter="TITLE">`, in spine order.
pub(crate) fn unpack(bytes: &[u8]) -> Result<Vec<u8>, EpubError> {
    unpack_within(bytes, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES)
}

fn unpack_within(bytes: &[u8], entry_limit: u64, total_limit: u64) -> Result<Vec<u8>, EpubError> {
    let zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec())).map_err(EpubError::Zip)?;
    if zip.len() > MAX_ENTRIES {
        return Err(EpubError::TooManyEntries(zip.len()));
    }
    let mut book = Book {
        zip,
        total: 0,
        entry_limit,
        total_limit,
    };
    let container = String::from_utf8_lossy(&book.read("META-INF/container.xml")?).into_owned();
    // What was wrong with the book and read past: notes before the first chapter.
    let mut notes: Vec<String> = Vec::new();
    // The first rootfile that can be read (a book may list others, or a bad one first).
    let mut package = None;
    let mut first_error = None;
    for t in tags(&container)
        .into_iter()
        .filter(|t| t.name == "rootfile")
    {
        let Some(href) = t.attr("full-path") else {
            continue;
        };
        match resolve("", href).and_then(|path| Ok((book.read(&path)?, path))) {
            Ok((bytes, path)) => {
                package = Some((path, bytes));
                break;
            }
            Err(e) => {
                notes.push(format!(
                    "container.xml 的 rootfile 无法读取，已跳过 rootfile skipped: {e}"
                ));
                first_error.get_or_insert(e);
            }
        }
    }
    let Some((opf_path, opf)) = package else {
        return Err(first_error.unwrap_or_else(|| {
            EpubError::Missing("the rootfile in META-INF/container.xml".into())
        }));
    };
    let opf = String::from_utf8_lossy(&opf).into_owned();
    let base = opf_path.rsplit_once('/').map_or("", |(d, _)| d).to_string();
    let opf_tags = tags(&opf);
    let mut manifest: HashMap<String, (String, String, String)> = HashMap::new();
    let mut spine = Vec::new();
    // The metadata: (text, where it starts in the OPF).
    let (mut titles, mut authors) = (Vec::new(), Vec::new());
    let (mut dates, mut publisher) = (Vec::new(), None);
    let field = |t: &Tag| {
        let rest = &opf[t.end..];
        let at = t.end + (rest.len() - rest.trim_start().len());
        (xml_unescape(text_after(&opf, t)), at)
    };
    // EPUB 3 refines a field by its id (`<meta refines="#c2" property="role">pht</meta>`,
    // `property="title-type"`): (id, property) → the values.
    let refines = |id: Option<&str>, property: &str| -> Vec<String> {
        let Some(id) = id else {
            return Vec::new();
        };
        opf_tags
            .iter()
            .filter(|m| {
                m.name == "meta"
                    && m.attr("refines").and_then(|r| r.strip_prefix('#')) == Some(id)
                    && m.attr("property") == Some(property)
            })
            .map(|m| xml_unescape(text_after(&opf, m)).trim().to_string())
            .collect()
    };
    let mut toc_id = None;
    for t in &opf_tags {
        match t.name.as_str() {
            "item" => {
                if let (Some(id), Some(href)) = (t.attr("id"), t.attr("href")) {
                    manifest.insert(
                        id.to_string(),
                        (
                            href.to_string(),
                            t.attr("media-type").unwrap_or("").to_string(),
                            t.attr("properties").unwrap_or("").to_string(),
                        ),
                    );
                }
            }
            "itemref" => {
                if t.attr("linear") != Some("no")
                    && let Some(id) = t.attr("idref")
                {
                    spine.push(id.to_string());
                }
            }
            "spine" => toc_id = t.attr("toc").map(str::to_string),
            "dc:title" => {
                let kind = refines(t.attr("id"), "title-type");
                titles.push((field(t), kind.first().cloned().unwrap_or_default()));
            }
            // The book's authors: the creators whose role (OPF 2's `opf:role`, EPUB 3's
            // refining `role`, MARC relator codes) is `aut`, or who have none — not its
            // translator (trl), photographer (pht), editor (edt), illustrator (ill)….
            "dc:creator" => {
                let mut roles = refines(t.attr("id"), "role");
                roles.extend(t.attr("role").map(|r| r.trim().to_string()));
                if roles.is_empty() || roles.iter().any(|r| r.eq_ignore_ascii_case("aut")) {
                    let (name, at) = field(t);
                    authors.push((squeeze_name(&name), at));
                }
            }
            "dc:date" => {
                let (value, at) = field(t);
                if real_date(&value) {
                    dates.push(((value, at), t.attr("event").unwrap_or("").to_string()));
                }
            }
            "dc:publisher" if publisher.is_none() => publisher = Some(field(t)),
            _ => {}
        }
    }
    // The title: the one refined as `main`, else the first that is not another kind
    // (subtitle, short, collection, edition); the subtitle, the one refined as such.
    let of_kind = |kind: &str| {
        titles
            .iter()
            .find(|(_, k)| k == kind)
            .map(|(t, _)| t.clone())
    };
    let mut title = of_kind("main").or_else(|| of_kind(""));
    let subtitle = of_kind("subtitle");
    // The date of publication (OPF 2's `opf:event`), else one not said to be another's
    // (a modification, a creation).
    let mut date = ["publication", ""]
        .iter()
        .find_map(|e| dates.iter().find(|(_, ev)| ev == e))
        .map(|(d, _)| d.clone());
    // The table of contents: the EPUB 3 nav document, else the NCX, its entries in
    // its own order.
    let mut toc = Toc::default();
    let nav = manifest
        .values()
        .find(|(_, _, p)| p.split_whitespace().any(|p| p == "nav"));
    let mut read_toc = |href: &str| -> Result<(String, String), EpubError> {
        let path = resolve(&base, href)?;
        let dir = path.rsplit_once('/').map_or("", |(d, _)| d).to_string();
        let text = String::from_utf8_lossy(&book.read(&path)?).into_owned();
        Ok((dir, text))
    };
    let nav = match nav.map(|(href, _, _)| read_toc(href)) {
        Some(Err(e)) => {
            notes.push(format!(
                "目录（nav）无法读取，章节按书脊顺序 table of contents not read, chapters in spine order: {e}"
            ));
            None
        }
        Some(Ok(nav)) => Some(nav),
        None => None,
    };
    let ncx = match toc_id.as_ref().and_then(|id| manifest.get(id)) {
        Some((href, _, _)) if nav.is_none() => match read_toc(href) {
            Ok(ncx) => Some(ncx),
            Err(e) => {
                notes.push(format!(
                    "目录（NCX）无法读取，章节按书脊顺序 table of contents not read, chapters in spine order: {e}"
                ));
                None
            }
        },
        _ => None,
    };
    if let Some((dir, text)) = nav {
        let doc = html::dom::parse_document(&text);
        // The table of contents is the `<nav epub:type="toc">` (EPUB 3 §7.4); the
        // landmarks (Pandoc's hidden "Title Page", "Start") and page list beside it are
        // no chapters. Without one marked, every link is read.
        let nav_type = |n: &ego_tree::NodeRef<'_, scraper::Node>| {
            n.value()
                .as_element()
                .filter(|e| e.name() == "nav")
                .map(|e| e.attr("epub:type").unwrap_or("").to_string())
        };
        let is_toc = |t: &str| t.split_ascii_whitespace().any(|w| w == "toc");
        let marked = doc
            .tree
            .root()
            .descendants()
            .any(|n| nav_type(&n).is_some_and(|t| is_toc(&t)));
        for n in doc.tree.root().descendants() {
            if let Some(el) = n.value().as_element()
                && el.name() == "a"
                && (if marked {
                    n.ancestors()
                        .any(|a| nav_type(&a).is_some_and(|t| is_toc(&t)))
                } else {
                    // (Nor a page list or the landmarks, when they are marked.)
                    !n.ancestors().any(|a| {
                        nav_type(&a).is_some_and(|t| {
                            t.split_ascii_whitespace()
                                .any(|w| matches!(w, "page-list" | "landmarks"))
                        })
                    })
                })
                && let Some(href) = el.attr("href")
            {
                let text: String = n
                    .descendants()
                    .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
                    .collect();
                toc.add(&dir, href, &text);
            }
        }
    } else if let Some((dir, ncx)) = ncx {
        // The chapters are the navMap's points; the pageList (a print edition's page
        // numbers) and navLists beside it are no headings.
        let lower = ncx.to_ascii_lowercase();
        let map = lower.find("<navmap").map_or(0..ncx.len(), |start| {
            start
                ..lower[start..]
                    .find("</navmap")
                    .map_or(ncx.len(), |e| start + e)
        });
        let ncx = &ncx[map];
        let mut label = None;
        for t in tags(ncx) {
            match t.name.as_str() {
                "text" => label = Some(xml_unescape(text_after(ncx, &t))),
                "content" => {
                    if let (Some(src), Some(l)) = (t.attr("src"), label.take()) {
                        toc.add(&dir, src, &l);
                    }
                }
                _ => {}
            }
        }
    }
    // A title page at the front of the spine repeats the metadata (Pandoc's
    // `<section epub:type="titlepage">`: title, author, date): not the book's text. It
    // is left out when each of its lines is a field — the metadata's, or one it gives
    // where the metadata has none — and read as a chapter when it says more.
    let mut title_pages = Vec::new();
    for id in spine.iter().take(3) {
        let Some((href, _, _)) = manifest.get(id) else {
            continue;
        };
        let Ok(path) = resolve(&base, href) else {
            continue;
        };
        let Ok(bytes) = book.read(&path) else {
            continue;
        };
        let chapter = String::from_utf8_lossy(&bytes);
        if let Some(fields) = title_page(&chapter[body_of(&chapter)], &path)
            && let Some((t, a, d)) = fields.fill(&title, &subtitle, &authors, &date)
        {
            let o = title.as_ref().map_or(0, |(_, o)| *o);
            if title.is_none() {
                title = t.map(|t| (t, o));
            }
            if authors.is_empty() {
                authors = a.into_iter().map(|n| (squeeze_name(&n), o)).collect();
            }
            if date.is_none() {
                date = d.map(|d| (d, o));
            }
            title_pages.push(id.clone());
        }
    }
    spine.retain(|id| !title_pages.contains(id));
    let mut out = String::from("<!DOCTYPE html>\n<html><head>\n");
    // The OPF as it is, in a raw-text element no reader shows: [`chapter_files`] makes
    // it the article's file 0, so that the metadata's positions are its own lines. (Left
    // out when it would end the element early.)
    let opf_at = if opf.to_ascii_lowercase().contains("</script") {
        None
    } else {
        out.push_str(&format!(
            "<script type=\"{OPF_TYPE}\" data-yuedu-file=\"{}\">",
            escape(&opf_path)
        ));
        let at = out.len();
        out.push_str(&opf);
        out.push_str("</script>\n");
        Some(at)
    };
    // Where a metadata field's text is in this document (0 without the OPF).
    let at = |offset: usize| opf_at.map_or(0, |o| o + offset);
    if let Some((t, o)) = &title {
        out.push_str(&format!(
            "<title data-yuedu-at=\"{}\">{}</title>\n",
            at(*o),
            escape(t)
        ));
    }
    if let Some((_, o)) = authors.first() {
        let names: Vec<&str> = authors.iter().map(|(n, _)| n.as_str()).collect();
        out.push_str(&format!(
            "<meta name=\"author\" content=\"{}\" data-yuedu-at=\"{}\">\n",
            escape(&names.join(",")),
            at(*o)
        ));
    }
    for (name, value) in [
        ("date", &date),
        ("publisher", &publisher),
        ("subtitle", &subtitle),
    ] {
        if let Some((v, o)) = value {
            out.push_str(&format!(
                "<meta name=\"{name}\" content=\"{}\" data-yuedu-at=\"{}\">\n",
                escape(v),
                at(*o)
            ));
        }
    }
    out.push_str("</head><body>\n");
    // Linked style sheets' bold classes, by the sheet's path in the book.
    let mut sheets: HashMap<String, std::collections::HashSet<String>> = HashMap::new();
    for note in &notes {
        out.push_str(&format!("<p {SKIPPED_ATTR}>（{}）</p>\n", escape(note)));
    }
    for id in &spine {
        let Some((href, media, _)) = manifest.get(id) else {
            continue;
        };
        if !(media.contains("html") || media.is_empty()) {
            continue;
        }
        // A chapter that cannot be read safely — larger than an entry may be, a path
        // climbing out of the book, missing — is left out with a note saying which and
        // why, the rest of the book read (the limit on all entries still refuses the
        // book). Its section stands as a chapter's, the note its body, so that the
        // chapters after it keep their own files ([`chapter_files`]).
        let skipped = |out: &mut String, path: &str, why: &str| {
            let name = toc.first(path);
            let note = format!(
                "<p {SKIPPED_ATTR}>（本章未读入 chapter not read: {}）</p>",
                escape(why)
            );
            out.push_str(&format!(
                "<section data-yuedu-chapter=\"{}\" data-yuedu-file=\"{}\" data-yuedu-head=\"\" data-yuedu-body=\"{}\">\n",
                escape(name),
                escape(path),
                note.len()
            ));
            out.push_str(&note);
            out.push_str(SECTION_END);
        };
        let path = match resolve(&base, href) {
            Ok(path) => path,
            Err(e) => {
                skipped(&mut out, href, &e.to_string());
                continue;
            }
        };
        let bytes = match book.read(&path) {
            Ok(bytes) => bytes,
            Err(EpubError::TooLarge { limit, .. }) if limit == book.entry_limit => {
                let why = format!(
                    "{path} 解压后超过 {limit} 字节 is larger than {limit} bytes uncompressed"
                );
                skipped(&mut out, &path, &why);
                continue;
            }
            Err(e @ EpubError::Missing(_)) => {
                skipped(&mut out, &path, &e.to_string());
                continue;
            }
            Err(e) => return Err(e),
        };
        let chapter = String::from_utf8_lossy(&bytes);
        let at = body_of(&chapter);
        // What [`chapter_files`] needs to give positions in the chapter's own file: its
        // path, what stands before its body, and the body's length.
        let head = &chapter[..at.start];
        let body = &chapter[at];
        // The classes the chapter's linked style sheets make bold (a book's subheads
        // are often bold only there), each sheet read once; one that cannot be read is
        // passed over (it holds no text).
        let mut bold: Vec<String> = Vec::new();
        let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
        for tag in tags(head).iter().filter(|t| {
            t.name == "link"
                && t.attr("rel")
                    .is_some_and(|r| r.to_ascii_lowercase().contains("stylesheet"))
        }) {
            let Some(css_path) = tag.attr("href").and_then(|h| resolve(dir, h).ok()) else {
                continue;
            };
            let classes = sheets.entry(css_path.clone()).or_insert_with(|| {
                book.read(&css_path)
                    .map(|b| html::css_bold_classes(&String::from_utf8_lossy(&b)))
                    .unwrap_or_default()
            });
            bold.extend(classes.iter().cloned());
        }
        // The chapter's headings: those at its start, one a line, and those at an
        // element inside it ([`CHAPTER_ANCHORS`]).
        let (start, inside) = toc.heads(&path, body);
        let inside: Vec<String> = inside
            .into_iter()
            .map(|(id, label)| format!("{id}\t{label}"))
            .collect();
        out.push_str(&format!(
            "<section data-yuedu-chapter=\"{}\" {CHAPTER_ANCHORS}=\"{}\" data-yuedu-file=\"{}\" data-yuedu-head=\"{}\" data-yuedu-body=\"{}\" {BOLD_CLASSES_ATTR}=\"{}\">\n",
            escape(&start.join("\n")),
            escape(&inside.join("\n")),
            escape(&path),
            escape(head),
            body.len(),
            escape(&bold.join(" "))
        ));
        out.push_str(body);
        out.push_str(SECTION_END);
    }
    out.push_str("</body></html>\n");
    Ok(out.into_bytes())
}

/// The lines of a title page: (its element's name and class, its text).
struct TitlePage(Vec<(String, String)>);

impl TitlePage {
    /// The title, authors and date the page gives where the metadata has none, or
    /// `None` when the page says more than the fields.
    #[allow(clippy::type_complexity)]
    fn fill(
        &self,
        title: &Option<(String, usize)>,
        subtitle: &Option<(String, usize)>,
        authors: &[(String, usize)],
        date: &Option<(String, usize)>,
    ) -> Option<(Option<String>, Vec<String>, Option<String>)> {
        let (mut t, mut a, mut d) = (None, Vec::new(), None);
        for (what, text) in &self.0 {
            let known = [title, subtitle]
                .iter()
                .any(|t| t.as_ref().is_some_and(|(x, _)| x == text))
                || authors
                    .iter()
                    .any(|(x, _)| x == text || squeeze_name(text) == *x)
                || date
                    .as_ref()
                    .is_some_and(|(x, _)| x == text || x.starts_with(text.as_str()));
            if known {
                continue;
            }
            if title.is_none() && t.is_none() && (what.starts_with("h1") || what.contains("title"))
            {
                t = Some(text.clone());
            } else if authors.is_empty() && what.contains("author") {
                a.push(text.clone());
            } else if date.is_none() && d.is_none() && what.contains("date") {
                d = Some(text.clone());
            } else {
                return None;
            }
        }
        Some((t, a, d))
    }
}

/// A chapter that is a title page (`epub:type="titlepage"` or a class or file so
/// named), whose every line is a field of the book (title, author, date; see
/// [`TitlePage::fill`]): its lines.
fn title_page(body: &str, path: &str) -> Option<TitlePage> {
    let file = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    let named = ["titlepage", "title_page", "title-page"]
        .iter()
        .any(|n| file.starts_with(n));
    if !named && !body.contains("titlepage") {
        return None;
    }
    let doc = html::dom::parse_document(body);
    let mut lines = Vec::new();
    for n in doc.tree.root().descendants() {
        let Some(t) = n.value().as_text() else {
            continue;
        };
        let text = crate::formats::markup::collapse_ws(t);
        if text.trim().is_empty() {
            continue;
        }
        let el = n.ancestors().find_map(|a| a.value().as_element().cloned());
        let what = el.map_or(String::new(), |e| {
            format!("{} {}", e.name(), e.attr("class").unwrap_or("")).to_ascii_lowercase()
        });
        if what.starts_with("script") || what.starts_with("style") || what.starts_with("title") {
            continue;
        }
        lines.push((what, text.trim().to_string()));
    }
    Some(TitlePage(lines))
}

/// The type of the `<script>` element holding the OPF package in [`unpack`]'s document.
const OPF_TYPE: &str = "application/x-yuedu-opf";

/// What closes a chapter's section in [`unpack`]'s document.
const SECTION_END: &str = "\n</section>\n";

/// A chapter in [`unpack`]'s document: where its section's tag starts and its body
/// stands (byte ranges of the document), its path in the book, and its file's text
/// before the body.
struct Chapter {
    tag: usize,
    body: std::ops::Range<usize>,
    path: String,
    head: String,
}

/// The chapters of [`unpack`]'s document, in order; none when it was not written by it.
fn chapters(doc: &str) -> Vec<Chapter> {
    let mut out = Vec::new();
    let Some(mut at) = doc.find("<section data-yuedu-chapter=") else {
        return out;
    };
    // The sections follow one another: each is found where the one before ends (a
    // chapter's text cannot be taken for the next tag).
    while doc[at..].starts_with("<section data-yuedu-chapter=") {
        let Some(close) = doc[at..].find('>').map(|i| at + i) else {
            break;
        };
        let tag = &doc[at..close];
        let attr = |name: &str| {
            let key = format!(" {name}=\"");
            let from = tag.find(&key)? + key.len();
            let len = tag[from..].find('"')?;
            Some(xml_unescape(&tag[from..from + len]))
        };
        let (Some(path), Some(head), Some(len)) = (
            attr("data-yuedu-file"),
            attr("data-yuedu-head"),
            attr("data-yuedu-body").and_then(|n| n.parse::<usize>().ok()),
        ) else {
            break;
        };
        let start = close + 2;
        let end = start + len;
        if doc.get(start..end).is_none() || !doc[end..].starts_with(SECTION_END) {
            break;
        }
        out.push(Chapter {
            tag: at,
            body: start..end,
            path,
            head,
        });
        at = end + SECTION_END.len();
    }
    out
}

/// Gives a book's article its chapters as its source files, so that positions name the
/// chapter's file inside the book and its own lines (`book.epub:OEBPS/ch2.xhtml:12:5`):
/// file 0 is what [`unpack`]'s document holds before the first chapter (the book's
/// title and authors), file N the Nth chapter's file as the book holds it (up to the
/// end of its body), and every position of the article — blocks, credits, joins,
/// header lines — is moved from `doc` into the file it stands in. A position between
/// chapters (a section's tag) goes to the start of the next chapter's body.
pub(crate) fn chapter_files(article: &mut Article, doc: &Arc<String>) {
    use crate::article::{FileId, Part, SourceFile};
    let chapters = chapters(doc);
    let Some(first) = chapters.first() else {
        return;
    };
    if chapters.len() >= usize::from(FileId::MAX) {
        return;
    }
    // File 0: the OPF package when the document holds it (the metadata's lines are
    // its lines), else what stands before the first chapter.
    let head = &doc[..first.tag];
    let opf = opf_in(head);
    let mut files = vec![Arc::new(match &opf {
        Some((range, path)) => SourceFile::named(&Arc::new(head[range.clone()].to_string()), path),
        None => SourceFile::new(&Arc::new(head.to_string())),
    })];
    for c in &chapters {
        let text = format!("{}{}", c.head, &doc[c.body.clone()]);
        files.push(Arc::new(SourceFile::named(&Arc::new(text), &c.path)));
    }
    // (file, offset in it) of `offset` in the document.
    let map = |offset: usize| -> (FileId, usize) {
        let i = chapters.partition_point(|c| c.tag <= offset);
        if i == 0 {
            return match &opf {
                // Past the package (a note on the book before the first chapter):
                // its start.
                Some((range, _)) if range.contains(&offset) => (0, offset - range.start),
                Some(_) => (0, 0),
                None => (0, offset),
            };
        }
        let c = &chapters[i - 1];
        let inside = offset.clamp(c.body.start, c.body.end) - c.body.start;
        (i as FileId, c.head.len() + inside)
    };
    for b in &mut article.blocks {
        let (file, _) = map(b.src());
        let parts: Vec<Part> = b
            .parts
            .as_slice()
            .iter()
            .map(|p| Part::new(p.offset(), map(p.src()).1))
            .collect();
        b.parts = parts.into();
        b.file = file;
        if let Some(c) = b.credit.as_mut() {
            c.src = map(c.src as usize).1 as u32;
        }
    }
    for j in &mut article.joins {
        let (file, at) = map(j.src as usize);
        j.file = file;
        j.src = at as u32;
    }
    for h in [
        &mut article.banner,
        &mut article.kicker,
        &mut article.title,
        &mut article.subtitle,
        &mut article.column,
        &mut article.dateline,
        &mut article.byline,
        &mut article.source,
        &mut article.date,
    ]
    .into_iter()
    .flatten()
    {
        let (file, at) = map(h.src as usize);
        h.file = file;
        h.src = at as u32;
    }
    article.files = files;
}

/// The byte range of the OPF package in the head of [`unpack`]'s document, and its path
/// in the book.
fn opf_in(head: &str) -> Option<(std::ops::Range<usize>, String)> {
    let open = format!("<script type=\"{OPF_TYPE}\" data-yuedu-file=\"");
    let from = head.find(&open)? + open.len();
    let path_len = head[from..].find('"')?;
    let path = xml_unescape(&head[from..from + path_len]);
    let start = from + path_len + 2;
    let end = start + head.get(start..)?.find("</script>")?;
    Some((start..end, path))
}

/// Reads the document [`unpack`] wrote: every chapter whole, its table-of-contents
/// title as a heading (once, when the chapter's own heading repeats it).
pub fn parse(text: &Arc<String>) -> Article {
    let idx = SourceLines::new(text);
    let doc = html::dom::parse_document(text);
    let mut title = None;
    let mut authors = Vec::new();
    let mut author_at = 0;
    let (mut date, mut source, mut subtitle) = (None, None, None);
    // Where [`unpack`] says a metadata field stands (its offset in the OPF), else the
    // element's line.
    let pos_of = |el: &scraper::node::Element| match el
        .attr("data-yuedu-at")
        .and_then(|a| a.parse::<usize>().ok())
        .filter(|&o| o > 0 && o < text.len())
    {
        Some(offset) => SourcePos {
            offset,
            line: idx.at_offset(offset).line,
        },
        None => idx.at_line(html::dom::line_of(el).max(1)),
    };
    for n in doc.tree.root().descendants() {
        let Some(el) = n.value().as_element() else {
            continue;
        };
        match el.name() {
            "title" if title.is_none() => {
                let t: String = n
                    .descendants()
                    .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
                    .collect();
                title = Some((t, pos_of(el)));
            }
            "meta" if matches!(el.attr("name"), Some("date" | "publisher" | "subtitle")) => {
                let v = el.attr("content").unwrap_or("").trim().to_string();
                if !v.is_empty() {
                    let slot = match el.attr("name") {
                        Some("date") => &mut date,
                        Some("subtitle") => &mut subtitle,
                        _ => &mut source,
                    };
                    *slot = Some((v, pos_of(el)));
                }
            }
            "meta" if el.attr("name") == Some("author") => {
                author_at = pos_of(el).offset;
                authors = el
                    .attr("content")
                    .unwrap_or("")
                    .split(',')
                    .map(str::to_string)
                    .filter(|a| !a.is_empty())
                    .collect();
            }
            "body" => break,
            _ => {}
        }
    }
    let b = html::book_blocks(&doc, &idx);
    let header = Header {
        title,
        byline: (!authors.is_empty()).then(|| (authors.join(" "), idx.at_offset(author_at))),
        authors,
        date,
        source,
        ..Header::default()
    };
    let mut article = b.finish(header);
    article.subtitle = subtitle.map(|(t, pos)| crate::article::HeaderLine::new(t, pos.offset));
    article
}

/// Builds EPUB files for tests from chapters written for the project.
#[cfg(test)]
pub(crate) mod test_support {
    use std::io::Write;

    /// An EPUB of `chapters` (file name, TOC title, XHTML body), with an EPUB 3 nav
    /// document when `nav`, else an EPUB 2 NCX; `extra` entries are added as they are.
    pub(crate) fn build(
        title: &str,
        author: &str,
        chapters: &[(&str, &str, &str)],
        nav: bool,
        extra: &[(&str, &[u8])],
    ) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        let deflated = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let mut put = |name: &str, body: &[u8], opts| {
            zip.start_file(name, opts).expect("entry");
            zip.write_all(body).expect("write");
        };
        put("mimetype", b"application/epub+zip", stored);
        put(
            "META-INF/container.xml",
            br#"<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#,
            deflated,
        );
        let mut manifest = String::new();
        let mut spine = String::new();
        let mut toc = String::new();
        for (i, (file, name, _)) in chapters.iter().enumerate() {
            manifest.push_str(&format!(
                "<item id=\"c{i}\" href=\"text/{file}\" media-type=\"application/xhtml+xml\"/>\n"
            ));
            spine.push_str(&format!("<itemref idref=\"c{i}\"/>\n"));
            toc.push_str(&if nav {
                format!("<li><a href=\"text/{file}#top\">{name}</a></li>\n")
            } else {
                format!("<navPoint id=\"n{i}\"><navLabel><text>{name}</text></navLabel><content src=\"text/{file}\"/></navPoint>\n")
            });
        }
        let (toc_item, toc_attr) = if nav {
            (
                "<item id=\"nav\" href=\"nav.xhtml\" media-type=\"application/xhtml+xml\" properties=\"nav\"/>",
                "",
            )
        } else {
            (
                "<item id=\"ncx\" href=\"toc.ncx\" media-type=\"application/x-dtbncx+xml\"/>",
                " toc=\"ncx\"",
            )
        };
        let opf = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<package xmlns=\"http://www.idpf.org/2007/opf\" version=\"3.0\">\n<metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{title}</dc:title><dc:creator>{author}</dc:creator></metadata>\n<manifest>\n{toc_item}\n{manifest}</manifest>\n<spine{toc_attr}>\n{spine}</spine>\n</package>\n"
        );
        put("OEBPS/content.opf", opf.as_bytes(), deflated);
        if nav {
            let doc = format!(
                "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><nav epub:type=\"toc\"><ol>\n{toc}</ol></nav></body></html>"
            );
            put("OEBPS/nav.xhtml", doc.as_bytes(), deflated);
        } else {
            let doc = format!("<?xml version=\"1.0\"?><ncx><navMap>\n{toc}</navMap></ncx>");
            put("OEBPS/toc.ncx", doc.as_bytes(), deflated);
        }
        for (file, _, body) in chapters {
            let doc = format!(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>{file}</title></head>\n<body>\n{body}\n</body></html>\n"
            );
            put(&format!("OEBPS/text/{file}"), doc.as_bytes(), deflated);
        }
        for (name, body) in extra {
            put(name, body, deflated);
        }
        zip.finish().expect("zip").into_inner()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::BlockKind;
    use crate::formats::Format;
    use crate::formats::from_bytes;
    use crate::input::source::{LoadOptions, Origin};

    const CHAPTERS: [(&str, &str, &str); 2] = [
        (
            "c1.xhtml",
            "第一章 渡口",
            "<h1>第一章 渡口</h1>\n<p>清晨的渡口雾气很重，摆渡人老周已经把船擦得干干净净。</p>\n<p>他说，这条河他渡了三十年。</p>",
        ),
        (
            "c2.xhtml",
            "第二章 新桥",
            "<p>新桥通车那天，渡口第一次没有人排队。</p>\n<figure><img src=\"../img/b.jpg\" alt=\"桥\"/><figcaption>新桥上的第一辆公交车。 李四 摄</figcaption></figure>",
        ),
    ];

    fn read(bytes: Vec<u8>) -> Article {
        let src = from_bytes(bytes, Origin::Stdin, "book", LoadOptions::default()).expect("loads");
        assert_eq!(src.format, Format::Epub);
        crate::formats::parse_shared(src.format, &src.text)
    }

    #[test]
    fn positions_name_the_chapter_file_and_its_own_lines() {
        let chapters = [
            CHAPTERS[0],
            (
                "c2.xhtml",
                "第二章 新桥",
                // A chapter that writes the document's own section tag as text (escaped,
                // so shown) and as markup: neither is taken for the next chapter.
                "<p>新桥通车那天，渡口第一次没有人排队。</p>\n<pre>&lt;section data-yuedu-chapter=\"x\"&gt;</pre>\n<section data-yuedu-chapter=\"伪\" data-yuedu-file=\"x\" data-yuedu-head=\"\" data-yuedu-body=\"1\">\n<p>（完）</p></section>",
            ),
        ];
        let a = read(test_support::build(
            "渡口的故事",
            "周 航",
            &chapters,
            true,
            &[],
        ));
        let names: Vec<Option<&str>> = a.files.iter().map(|f| f.name.as_deref()).collect();
        assert_eq!(
            names,
            [
                Some("OEBPS/content.opf"),
                Some("OEBPS/text/c1.xhtml"),
                Some("OEBPS/text/c2.xhtml")
            ]
        );
        let place = |text: &str| {
            let b = a
                .blocks
                .iter()
                .find(|b| b.text.as_str() == text)
                .unwrap_or_else(|| panic!("{text}"));
            let f = &a.files[usize::from(b.file)];
            // The position is one in the chapter's own file, where the text stands.
            assert!(f.text[b.src()..].starts_with(text), "{text}");
            (f.name.as_deref(), a.line_col(b.file, b.src()))
        };
        // build() writes each chapter as: xml declaration, doctype, html+head, body, text.
        assert_eq!(
            place("清晨的渡口雾气很重，摆渡人老周已经把船擦得干干净净。"),
            (Some("OEBPS/text/c1.xhtml"), (6, 4))
        );
        assert_eq!(
            place("新桥通车那天，渡口第一次没有人排队。"),
            (Some("OEBPS/text/c2.xhtml"), (5, 4))
        );
        assert_eq!(place("（完）"), (Some("OEBPS/text/c2.xhtml"), (8, 4)));
        // The book's title is in the package, file 0, on its own line there.
        let title = a.title.as_ref().expect("title");
        assert_eq!(title.file, 0);
        assert!(a.files[0].text[title.src as usize..].starts_with("渡口的故事</dc:title>"));
        assert_eq!(a.line_col(0, title.src as usize), (3, 65));
    }

    #[test]
    fn chapters_in_spine_order_with_the_toc_as_headings() {
        for nav in [true, false] {
            let a = read(test_support::build(
                "渡口的故事",
                "周 航",
                &CHAPTERS,
                nav,
                &[],
            ));
            assert_eq!(
                a.title.as_ref().map(|t| t.text.as_str()),
                Some("渡口的故事")
            );
            assert_eq!(a.authors, ["周航"]);
            let headings: Vec<&str> = a.headings().map(|(_, b)| b.text.as_str()).collect();
            assert_eq!(headings, ["第一章 渡口", "第二章 新桥"], "nav: {nav}");
            let paras: Vec<&str> = a
                .blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Paragraph)
                .map(|b| b.text.as_str())
                .collect();
            assert_eq!(paras.len(), 3);
            assert!(paras[2].starts_with("新桥通车那天"));
            let caps: Vec<_> = a
                .captions()
                .map(|(_, b)| {
                    (
                        b.text.to_string(),
                        b.credit.as_ref().map(|c| c.name.to_string()),
                    )
                })
                .collect();
            assert_eq!(
                caps,
                [(
                    "新桥上的第一辆公交车。".to_string(),
                    Some("李四".to_string())
                )]
            );
        }
    }

    #[test]
    fn bombs_odd_paths_and_other_zips_are_refused_with_a_reason() {
        let big = vec![b'a'; 64 * 1024];
        let bomb = test_support::build("书", "某", &CHAPTERS, true, &[]);
        // An entry larger than the limit (small limits stand for the real ones).
        match unpack_within(&bomb, 200, 1 << 20) {
            Err(EpubError::TooLarge { name, .. }) => assert!(
                name.contains("container") || name.contains("opf") || name.contains("xhtml"),
                "{name}"
            ),
            other => panic!("{other:?}"),
        }
        match unpack_within(&bomb, 1 << 20, 1500) {
            Err(EpubError::TooLarge { .. }) => {}
            other => panic!("{other:?}"),
        }
        let padded = test_support::build("书", "某", &CHAPTERS, true, &[("OEBPS/pad.bin", &big)]);
        assert!(unpack(&padded).is_ok(), "an entry not read does not count");
        assert!(matches!(
            resolve("OEBPS", "../../etc/passwd"),
            Err(EpubError::BadPath(_))
        ));
        assert!(matches!(
            resolve("OEBPS", "/etc/passwd"),
            Err(EpubError::BadPath(_))
        ));
        assert!(matches!(
            resolve("OEBPS", "file:///etc/passwd"),
            Err(EpubError::BadPath(_))
        ));
        assert_eq!(
            resolve("OEBPS/text", "../img/a%20b.jpg#x").ok().as_deref(),
            Some("OEBPS/img/a b.jpg")
        );
        // A chapter whose href climbs out of the book: never read, left out with a
        // note, the rest of the book read.
        let escape = [CHAPTERS[0], ("../../../evil.xhtml", "逃出", "<p>x</p>")];
        let odd = test_support::build("书", "某", &escape, true, &[]);
        let article = parse(&Arc::new(
            String::from_utf8(unpack(&odd).expect("read")).expect("UTF-8"),
        ));
        let notes: Vec<&str> = article
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Note)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].contains("evil.xhtml") && notes[0].contains("outside the book"));
        assert!(
            article
                .blocks
                .iter()
                .any(|b| b.text.as_str().starts_with("清晨的渡口"))
        );
        assert!(matches!(
            unpack(b"PK\x03\x04 not really a zip"),
            Err(EpubError::Zip(_))
        ));
        let src = from_bytes(
            b"PK\x03\x04junk".to_vec(),
            Origin::Stdin,
            "book.epub",
            LoadOptions {
                format: Some(Format::Epub),
                ..LoadOptions::default()
            },
        );
        let err = src.expect_err("refused").to_string();
        assert!(err.starts_with("book.epub: not a readable EPUB"), "{err}");
    }

    #[test]
    fn a_chapter_larger_than_an_entry_may_be_is_left_out_with_a_note() {
        let long = format!("<p>{}</p>", "江水向东流去。".repeat(4000));
        let chapters = [
            CHAPTERS[0],
            ("big.xhtml", "第二章　大水", long.as_str()),
            CHAPTERS[1],
        ];
        let bytes = test_support::build("书", "某", &chapters, true, &[]);
        let doc = unpack_within(&bytes, 32 * 1024, 1 << 20).expect("the book is read");
        let article = parse(&Arc::new(String::from_utf8(doc).expect("UTF-8")));
        let notes: Vec<&str> = article
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Note)
            .map(|b| b.text.as_str())
            .collect();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(
            notes[0].contains("OEBPS/text/big.xhtml") && notes[0].contains("32768"),
            "{notes:?}"
        );
        let text: String = article.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(!text.contains("江水向东流去"));
        // The chapters around it are read, the left-out one keeps its heading.
        for ch in [CHAPTERS[0].1, "第二章　大水", CHAPTERS[1].1] {
            assert!(
                article
                    .blocks
                    .iter()
                    .any(|b| b.kind == BlockKind::Heading && b.text.as_str() == ch),
                "{ch}"
            );
        }
    }
}
