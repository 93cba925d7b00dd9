//! A Markdown article → [`Article`], through pulldown-cmark (CommonMark, with tables,
//! strikethrough, footnotes and YAML/TOML front matter).
//!
//! - **Front matter** (`---` YAML of flat keys, or `+++` TOML): `title`, `author`/
//!   `authors`, `date`, `category`/`categories`/`column`, `source` become the
//!   article's fields ([`front_matter`]).
//! - A `#` heading is the headline when there is none yet, and is shown once when it
//!   repeats the front matter's title; `##`–`######` (and a later `#`) are headings.
//! - Emphasis and strong are styles: their markers are never text. A paragraph all in
//!   bold is a subhead only when it is one ([`markup::bold_line_is_heading`]): a
//!   quotation is a pull quote (a paragraph), a "文｜NAME 图｜NAME" line is the byline.
//! - Links are their text; images are captions: the text beside the image in its
//!   paragraph (an italic line under it), or for an image alone in its paragraph the
//!   paragraph under it when that is all in italics, else its alt, else its title,
//!   with the credit split off ([`markup::split_credit`]).
//! - List items are paragraphs (`• `, `1. `, as a browser shows them); a table's rows
//!   are notes (` | ` between cells), shown but not the story's paragraphs, as a page's
//!   data table's are; block quotes are paragraphs; code keeps its lines; editor
//!   lines, staff lines and end marks are notes, prompts to the reader are left out
//!   ([`crate::formats::furniture`]); HTML blocks (`<figure>` with `<figcaption>`) go
//!   through the HTML reader ([`crate::formats::html::fragment_blocks`]).
//!
//! - An image inside a paragraph (text before it) leaves the paragraph whole; its alt is
//!   a caption after it (none for an empty alt or a file name), its title the caption
//!   with its credit when the title ends in one ([`Image::caption`]).
//! - Footnotes (`[^1]`): the reference is not text; the definition's paragraphs are
//!   notes where they stand.
//! - Hugo shortcodes alone in a block (`{{< figure src=… caption="…" attr="…" >}}`)
//!   are markup: a figure is a caption with its credit, others are left out.
//! - Bold and italics beside Chinese punctuation that CommonMark leaves as literal
//!   markers are recovered ([`recover_cjk_emphasis`]), and `==highlights==` made bold.
//! - Note apps' markup is never text: Obsidian's wiki links (`[[page|text]]`, read by
//!   pulldown-cmark's `ENABLE_WIKILINKS`) are their text and its embeds (`![[x.jpg]]`)
//!   images; a callout (`> [!info] TITLE`, GitHub's `> [!NOTE]`) is its title (else its
//!   kind, 提示, 注意…) as a head shown apart (a note, never a section) over its body
//!   lines, each a line of its own; `%%…%%`
//!   comments are hidden, a block id (`^a1b2`) ending a block dropped, a line of only
//!   `#tags` left out; a task's `[x]`/`[ ]` is shown as ☑/☐; a `[toc]` is no text and
//!   leaves the `#` under it the headline; a Hugo shortcode alone on its line inside a
//!   paragraph (`{{% notice %}}` … `{{% /notice %}}`) is cut from its content.
//! - A bold label between the headline and the body's first paragraph (a site's
//!   badge) heads no section: a note. Quotes holding links that close the body (a
//!   site's "> 下载…客户端" promotions) are left out. An HTML `<img>` alone is an image
//!   as `![]()` alone is (the italic line under it its caption).
//!
//! - Site generators' and note apps' dialects ([`dialect`]): containers (`:::tip`),
//!   MkDocs boxes and tabs, MDX statements and comments, kramdown attribute lists,
//!   Liquid and Zola template tags (a figure's a caption), Logseq's and Notion's page
//!   properties (metadata), Logseq's outline bullets and task keywords; Bear's
//!   `::highlight::` is bold. Front matter's author may be a map or a list of maps
//!   (`name:`), Zola's under `[extra]`.
//! - A plain line under an image alone that ends in a credit is its caption.
//!
//! Lines may end in LF, CRLF or a lone CR: all read alike. Each block keeps the byte
//! offset (and line) of its first event in the source.

mod dialect;
pub(crate) mod syntax;

use std::sync::Arc;

use pulldown_cmark::{
    CodeBlockKind, Event, HeadingLevel, LinkType, MetadataBlockKind, Options, Parser, Tag, TagEnd,
};

use crate::article::{Article, BlockKind, InlineStyle, StyleSpan};
use crate::formats::markup::{
    self, Builder, SourceLines, SourcePos, bold_line_is_heading, is_note, parse_info, trim_text,
};

/// What front matter says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    pub(crate) title: Option<String>,
    pub(crate) authors: Vec<String>,
    pub(crate) date: Option<String>,
    pub(crate) column: Option<String>,
    pub(crate) source: Option<String>,
    /// `subtitle:` (副题) and `kicker:` (引题).
    pub(crate) subtitle: Option<String>,
    pub(crate) kicker: Option<String>,
    /// The line (0-based, in the front matter's text) of the key each of `title`,
    /// `date`, `column` and `source` came from.
    pub(crate) lines: FieldLines,
}

/// Lines of front matter fields, 0-based within the front matter's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct FieldLines {
    pub(crate) title: usize,
    pub(crate) date: usize,
    pub(crate) column: usize,
    pub(crate) source: usize,
    pub(crate) subtitle: usize,
    pub(crate) kicker: usize,
    /// `author:` (or `authors:`, `byline:`).
    pub(crate) author: usize,
}

/// Reads YAML (flat `key: value` pairs, `[a, b]` and `- item` lists, quoted or not) or
/// TOML front matter. Keys other than those of [`FrontMatter`] are ignored.
pub(crate) fn front_matter(body: &str, kind: MetadataBlockKind) -> FrontMatter {
    // (key, values, the key's line in `body`)
    let mut pairs: Vec<(String, Vec<String>, usize)> = Vec::new();
    let lines: Vec<&str> = body.lines().collect();
    match kind {
        MetadataBlockKind::PlusesStyle => {
            if let Ok(mut table) = body.parse::<toml::Table>() {
                // Hugo keeps a theme's own fields (kicker, subtitle…) under
                // `[params]`, Zola under `[extra]` (and its categories under
                // `[taxonomies]`): read as top-level keys, the top level winning.
                for sub in ["params", "extra", "taxonomies"] {
                    if let Some(toml::Value::Table(params)) = table.remove(sub) {
                        for (k, v) in params {
                            table.entry(k).or_insert(v);
                        }
                    }
                }
                for (k, v) in table {
                    // (An array within the array, a hierarchy of categories, gives
                    // its entries, parent first.)
                    let vals = match v {
                        toml::Value::Array(a) => a
                            .iter()
                            .flat_map(|e| match e {
                                toml::Value::Array(inner) => inner.iter().map(toml_str).collect(),
                                e => vec![toml_str(e)],
                            })
                            .collect(),
                        v => vec![toml_str(&v)],
                    };
                    // Its line: the first that starts with the key and an `=`.
                    let line = lines
                        .iter()
                        .position(|l| {
                            l.trim_start()
                                .strip_prefix(k.as_str())
                                .is_some_and(|r| r.trim_start().starts_with('='))
                        })
                        .unwrap_or(0);
                    pairs.push((k.to_ascii_lowercase(), vals, line));
                }
            }
        }
        MetadataBlockKind::YamlStyle => {
            for (n, line) in lines.iter().enumerate() {
                if let Some(item) = line.trim_start().strip_prefix("- ")
                    && line.starts_with([' ', '-', '\t'])
                    && let Some(last) = pairs.last_mut()
                {
                    // An item that is a map (`- name: X` over `title: …` lines, as
                    // Docusaurus lists authors) gives its name only.
                    match yaml_map_entry(item) {
                        Some(("name", v)) => last.1.push(unquote(v)),
                        Some(_) => {}
                        None => last.1.extend(flow_items(item)),
                    }
                    continue;
                }
                if line.starts_with([' ', '\t']) {
                    // A map's entries under its key (Jekyll's `author:` over `name: X`,
                    // a Docusaurus author's further keys): its name only.
                    if let Some(("name", v)) = yaml_map_entry(line.trim())
                        && let Some(last) = pairs.last_mut()
                    {
                        last.1.push(unquote(v));
                    }
                    continue;
                }
                if line.starts_with('#') {
                    continue;
                }
                let Some((k, v)) = line.split_once(':') else {
                    continue;
                };
                let v = v.trim();
                let vals = if let Some(map) = v.strip_prefix('{').and_then(|l| l.strip_suffix('}'))
                {
                    // A flow map (`{name: X, url: …}`): its name.
                    map.split(',')
                        .filter_map(|e| match yaml_map_entry(e.trim()) {
                            Some(("name", v)) => Some(unquote(v)),
                            _ => None,
                        })
                        .collect()
                } else if v.starts_with('[') {
                    flow_items(v)
                } else if v.is_empty() {
                    Vec::new()
                } else {
                    vec![unquote(v)]
                };
                pairs.push((k.trim().to_ascii_lowercase(), vals, n));
            }
        }
    }
    let mut fm = FrontMatter::default();
    // When the note was written (Obsidian's and note apps' `created`): the date when
    // no `date` is given. Never `updated`/`lastmod`, which moves with every edit.
    let mut created: Option<(String, usize)> = None;
    for (k, vals, line) in pairs {
        let first = vals.first().cloned().filter(|v| !v.is_empty());
        match k.as_str() {
            "created" | "created_at" | "createdat" | "created-at" | "date created"
            | "date_created" | "date-created" | "creation date" => {
                if let Some(d) = first {
                    created.get_or_insert((d, line));
                }
            }
            "title" => (fm.title, fm.lines.title) = (first, line),
            "author" | "authors" | "byline" => {
                fm.lines.author = line;
                fm.authors = vals
                    .iter()
                    .flat_map(|v| v.split([',', '，', '、']))
                    .map(markup::meta_author)
                    .filter(|a| !a.is_empty())
                    .collect()
            }
            "date" | "published" | "pubdate" => (fm.date, fm.lines.date) = (first, line),
            "category" | "categories" | "column" | "section" => {
                (fm.column, fm.lines.column) = (first, line)
            }
            "source" | "publication" => (fm.source, fm.lines.source) = (first, line),
            "subtitle" | "subhead" | "deck" => (fm.subtitle, fm.lines.subtitle) = (first, line),
            "kicker" | "pretitle" | "overline" => (fm.kicker, fm.lines.kicker) = (first, line),
            _ => {}
        }
    }
    if fm.date.is_none()
        && let Some((date, line)) = created
    {
        (fm.date, fm.lines.date) = (Some(date), line);
    }
    fm
}

/// The names of a list of authors written on one line (`郑远, 周晴`, `郑远、周晴`).
fn author_names(names: &str) -> Vec<String> {
    names
        .split([',', '，', '、'])
        .map(markup::meta_author)
        .filter(|a| !a.is_empty())
        .collect()
}

/// A YAML list item's or value's entries: a flow sequence's (`[社会, 人物]`; Hexo's
/// hierarchy of categories, `- [随笔, 田野]` or `[[随笔, 田野]]`, parent first), else
/// the value itself.
fn flow_items(v: &str) -> Vec<String> {
    let v = v.trim();
    if !(v.starts_with('[') && v.ends_with(']')) {
        return vec![unquote(v)];
    }
    v.split(',')
        .map(|e| unquote(e.trim().trim_start_matches('[').trim_end_matches(']')))
        .filter(|s| !s.is_empty())
        .collect()
}

/// A YAML map's entry written `key: value` (a plain ASCII key): the key and the value.
fn yaml_map_entry(s: &str) -> Option<(&str, &str)> {
    let (k, v) = s.split_once(':')?;
    let ok = !k.is_empty()
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        && (v.is_empty() || v.starts_with([' ', '\t']));
    ok.then(|| (k, v.trim()))
}

fn toml_str(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        // A person as a table (`[author] name = "X"`): the name.
        toml::Value::Table(t) => t.get("name").map(toml_str).unwrap_or_default(),
        v => v.to_string(),
    }
}

/// A YAML scalar written on one line, decoded (YAML 1.2, §7.3): a double-quoted one's
/// escapes (`\"`, `\\`, `\n`, `\t`, `\e`, `\xXX`, `\uXXXX`, `\UXXXXXXXX`, …; an unknown
/// or bad escape is kept as written, a code point that is no character is U+FFFD), a
/// single-quoted one's `''` as `'`, a plain one up to a ` #` comment. Control
/// characters decoded here are shown through [`crate::text::sanitize`] like any text.
fn unquote(s: &str) -> String {
    let s = s.trim();
    if s.len() >= 2 && s.starts_with('"') && s.ends_with('"') {
        return yaml_double_quoted(&s[1..s.len() - 1]);
    }
    if s.len() >= 2 && s.starts_with('\'') && s.ends_with('\'') {
        return s[1..s.len() - 1].replace("''", "'");
    }
    let plain = s.find(" #").map_or(s, |i| &s[..i]);
    plain.trim_end().to_string()
}

/// The inside of a double-quoted YAML scalar with its escapes decoded.
fn yaml_double_quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let esc = &rest[i + 1..];
        let Some(c) = esc.chars().next() else {
            out.push('\\');
            rest = "";
            break;
        };
        let simple = match c {
            '0' => Some('\0'),
            'a' => Some('\u{7}'),
            'b' => Some('\u{8}'),
            't' | '\t' => Some('\t'),
            'n' => Some('\n'),
            'v' => Some('\u{b}'),
            'f' => Some('\u{c}'),
            'r' => Some('\r'),
            'e' => Some('\u{1b}'),
            ' ' => Some(' '),
            '"' => Some('"'),
            '/' => Some('/'),
            '\\' => Some('\\'),
            'N' => Some('\u{85}'),
            '_' => Some('\u{a0}'),
            'L' => Some('\u{2028}'),
            'P' => Some('\u{2029}'),
            _ => None,
        };
        if let Some(d) = simple {
            out.push(d);
            rest = &esc[c.len_utf8()..];
            continue;
        }
        let digits = match c {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ => 0,
        };
        let hex = esc.get(1..1 + digits).filter(|h| {
            digits > 0 && h.len() == digits && h.bytes().all(|b| b.is_ascii_hexdigit())
        });
        match hex.and_then(|h| u32::from_str_radix(h, 16).ok()) {
            Some(n) => {
                out.push(char::from_u32(n).unwrap_or('\u{fffd}'));
                rest = &esc[1 + digits..];
            }
            None => {
                // Not an escape YAML knows: kept as written.
                out.push('\\');
                rest = esc;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The block being gathered.
#[derive(Default)]
struct Pending {
    /// The text, with its emphasis and strong spans.
    text: markup::Styled,
    start: Option<usize>,
    all_bold: bool,
    /// All its text is emphasised (italic).
    all_emph: bool,
    /// The images in this block, in order.
    images: Vec<Image>,
    /// Runs of `*` or `_` left as text by the parser, as written in the source (not
    /// escaped, not in code): (byte offset in `text`, length, the character).
    markers: Vec<(usize, usize, u8)>,
    /// Letters of its text, and those inside links.
    chars: usize,
    link_chars: usize,
    /// Where each line after a line break starts: (byte in `text`, source offset).
    lines: Vec<(usize, usize)>,
}

impl Pending {
    /// Bytes `from..to` of the block's text (each `from` a line's start), starting at
    /// `src` in the source, as blocks of their own, in order: their images, markers
    /// and lines moved with them. Whether one is all bold or italic is not known:
    /// neither. Linear in the block's size, however many pieces.
    fn pieces(&self, cuts: &[(usize, usize, usize)]) -> Vec<Pending> {
        let ranges: Vec<std::ops::Range<usize>> = cuts.iter().map(|c| c.0..c.1).collect();
        let texts = self.text.split(&ranges);
        let last = self.text.text.len();
        cuts.iter()
            .zip(texts)
            .map(|(&(from, to, src), text)| {
                let chars = text.text.chars().filter(|c| c.is_alphabetic()).count();
                let images = {
                    let a = self.images.partition_point(|i| i.before < from);
                    let b = self.images.partition_point(|i| i.before <= to);
                    &self.images[a..b.max(a)]
                };
                let markers = {
                    let a = self.markers.partition_point(|m| m.0 < from);
                    let b = self.markers.partition_point(|m| m.0 < to);
                    &self.markers[a..b.max(a)]
                };
                let lines = {
                    let a = self.lines.partition_point(|l| l.0 <= from);
                    let b = self.lines.partition_point(|l| l.0 < to);
                    &self.lines[a..b.max(a)]
                };
                Pending {
                    chars,
                    link_chars: (self.link_chars * chars)
                        .checked_div(self.chars)
                        .unwrap_or(0),
                    text,
                    start: Some(src),
                    all_bold: false,
                    all_emph: false,
                    images: images
                        .iter()
                        .map(|i| Image {
                            before: i.before - from,
                            ..i.clone()
                        })
                        .collect(),
                    markers: markers
                        .iter()
                        .filter(|m| m.0 + m.1 <= to.min(last))
                        .map(|&(at, n, c)| (at - from, n, c))
                        .collect(),
                    lines: lines.iter().map(|&(at, o)| (at - from, o)).collect(),
                }
            })
            .collect()
    }
}

/// Obsidian's callout or GitHub's alert opening a block quote's first line
/// (`[!info] TITLE`, `[!NOTE]`, `[!faq]- TITLE`): its length in bytes, the title
/// after it. help.obsidian.md/Editing+and+formatting/Callouts
fn callout_marker(t: &str) -> Option<usize> {
    let rest = t.strip_prefix("[!")?;
    let end = rest.find(']')?;
    let kind = &rest[..end];
    if kind.is_empty()
        || !kind.starts_with(|c: char| c.is_ascii_alphabetic())
        || !kind
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let mut len = 2 + end + 1;
    if t[len..].starts_with(['+', '-']) {
        len += 1;
    }
    Some(len)
}

/// A table of contents asked for where it stands (Typora's and others' `[toc]`,
/// `[[_TOC_]]`, `${toc}`): markup, never text.
fn is_toc_marker(line: &str) -> bool {
    let t = line.trim().to_ascii_lowercase();
    matches!(
        t.as_str(),
        "[toc]" | "[[toc]]" | "[[_toc_]]" | "${toc}" | "{:toc}"
    )
}

/// Obsidian's block id ending a block (`… ^a1b2c3`, the block's name for links to
/// it): its length in bytes with the white space before it; 0 when there is none.
/// The `^` stands after white space or a non-ASCII character (`帮忙。^id`), never
/// after a letter, digit or ASCII mark (`x^2`, `(a+b)^2`).
fn block_id_len(t: &str) -> usize {
    let body = t.trim_end();
    let Some(caret) = body.rfind('^') else {
        return 0;
    };
    let id = &body[caret + 1..];
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return 0;
    }
    let before = body[..caret].chars().next_back();
    if before.is_some_and(|c| !c.is_whitespace() && c.is_ascii()) {
        return 0;
    }
    t.len() - body[..caret].trim_end().len()
}

/// A line of only tags (`#采访 #田野笔记`, Obsidian's and Bear's): furniture. A tag is
/// `#` and letters, digits, `_`, `-` or `/`, not digits alone (`#1` is no tag).
fn is_tag_line(t: &str) -> bool {
    let mut any = false;
    for tok in t.split_whitespace() {
        let Some(tag) = tok.strip_prefix('#') else {
            return false;
        };
        if tag.is_empty()
            || !tag
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '/'))
            || tag.chars().all(|c| c.is_ascii_digit())
        {
            return false;
        }
        any = true;
    }
    any
}

/// A character of Chinese (or other CJK) text, for [`recover_cjk_emphasis`]: wide, or
/// one of the quotes and marks Chinese text shares with Latin (“ ” … —).
fn is_cjk(c: char) -> bool {
    use crate::text::chinese::{is_chinese, is_see_through};
    is_chinese(c) || (!c.is_ascii() && is_see_through(c))
}

/// Emphasis CommonMark leaves as text beside Chinese punctuation, recovered.
///
/// CommonMark (spec 0.31, §6.2) lets a `**` run open only when it is left-flanking:
/// not followed by punctuation unless preceded by white space or punctuation (and
/// likewise for closing). Chinese sets no space around its punctuation, so
/// `他说的**“慢下来”**是` and `**加粗。**后面` stay literal. The CJK-friendly amendment
/// (github.com/tats-u/markdown-cjk-friendly; comrak's option, not in a pulldown-cmark
/// release yet) lifts the punctuation condition next to CJK characters; this does the
/// same after parsing: two runs of the same marker (`**`, `__` → strong; `*`, `_` →
/// emphasis) left as text in one block, the first followed and the second preceded
/// by a non-space, with a CJK character on one of their four sides (and no ASCII
/// letter or digit outside an `_` run), become a span with the markers taken out.
/// A pair of `==` runs (a highlight, `==mark==` of Typora and Obsidian; no
/// pulldown-cmark option reads it) becomes strong the same way, beside any text, and
/// so does a pair of `::` runs (Bear's highlight), never inside a word (`std::io`).
fn recover_cjk_emphasis(p: &mut Pending) {
    let markers = std::mem::take(&mut p.markers);
    if markers.len() < 2 {
        return;
    }
    let text = &p.text.text;
    let before = |at: usize| text[..at].chars().next_back();
    let after = |at: usize| text[at..].chars().next();
    let mut pairs = Vec::new();
    let mut i = 0;
    while i < markers.len() {
        let (os, ol, oc) = markers[i];
        let after_open = after(os + ol);
        // (`==mark==` and Bear's `::mark::` are highlights.)
        let mark = oc == b'=' || oc == b':';
        if ol > 2 || (mark && ol != 2) || after_open.is_none_or(char::is_whitespace) {
            i += 1;
            continue;
        }
        let close = markers[i + 1..].iter().position(|&(cs, cl, cc)| {
            cc == oc && cl == ol && cs > os + ol && before(cs).is_some_and(|c| !c.is_whitespace())
        });
        if let Some(k) = close {
            let j = i + 1 + k;
            let (cs, cl, _) = markers[j];
            let (before_open, before_close, after_close) = (before(os), before(cs), after(cs + cl));
            let cjk = [before_open, after_open, before_close, after_close]
                .into_iter()
                .flatten()
                .any(is_cjk);
            let intraword = (oc == b'_' || oc == b':')
                && [before_open, after_close]
                    .into_iter()
                    .flatten()
                    .any(|c| c.is_ascii_alphanumeric());
            if (cjk || mark) && !intraword {
                pairs.push((os..os + ol, cs..cs + cl));
                i = j + 1;
                continue;
            }
        }
        i += 1;
    }
    for (open, close) in pairs.into_iter().rev() {
        for img in &mut p.images {
            let x = img.before;
            img.before -= if x >= close.end { close.len() } else { 0 }
                + if x >= open.end { open.len() } else { 0 };
        }
        // (`==mark==`, a highlight, is shown in bold.)
        let style = if open.len() == 2 {
            InlineStyle::Strong
        } else {
            InlineStyle::Emphasis
        };
        p.text.mark_between(open, close, style);
    }
}

/// An image met in a block of text.
#[derive(Default, Clone)]
struct Image {
    alt: String,
    title: String,
    url: String,
    /// Bytes of the block's text before the image (alts are not text).
    before: usize,
}

impl Image {
    /// What the image says of itself as a caption: its alt (none when it is empty or
    /// only a file name), or its title when that is fuller — a title that ends in a
    /// credit ("码头装运邮件。吴涛 摄") is the caption with its credit; a title that is
    /// only a credit ("吴涛 摄") is the alt's credit.
    fn caption(&self) -> String {
        let alt = trim_text(&self.alt);
        let alt = if is_file_name(alt, &self.url) {
            ""
        } else {
            alt
        };
        let title = trim_text(&self.title);
        if title.is_empty() {
            return alt.to_string();
        }
        if alt.is_empty() {
            return title.to_string();
        }
        match markup::split_credit(title) {
            (cap, Some(_)) if trim_text(cap).is_empty() => format!("{alt} {title}"),
            (_, Some(_)) => title.to_string(),
            (_, None) => alt.to_string(),
        }
    }
}

/// An alt that is only a file name: the image's own (`old.jpg`, `old`) or any word
/// ending in an image file's extension (`IMG_0412.JPG`).
fn is_file_name(alt: &str, url: &str) -> bool {
    if alt.is_empty() || alt.contains(char::is_whitespace) {
        return false;
    }
    let file = url.rsplit(['/', '\\']).next().unwrap_or("");
    let file = file.split(['?', '#']).next().unwrap_or("");
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    if alt == file || (!stem.is_empty() && alt == stem) {
        return true;
    }
    let lower = alt.to_ascii_lowercase();
    [
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".bmp", ".avif", ".tif", ".tiff",
    ]
    .iter()
    .any(|e| lower.len() > e.len() && lower.ends_with(e))
}

struct Reader<'a> {
    idx: SourceLines,
    b: Builder,
    p: Pending,
    strong: usize,
    emph: usize,
    /// An image alone in its paragraph, its caption not yet known: the line under it
    /// when that is all in italics, else its alt or title.
    figure: Option<(String, Vec<StyleSpan>, SourcePos)>,
    in_image: bool,
    alt: String,
    /// The markers of the list items open, innermost last: `None` for bullets, else the
    /// next number.
    lists: Vec<Option<u64>>,
    item_marker: Option<String>,
    in_code: bool,
    /// In a footnote's definition (`[^1]: …`): its paragraphs are notes.
    in_footnote: bool,
    /// Links open around the text.
    links: usize,
    /// After a related box's label ("相关阅读"): its entries, blocks mostly of links,
    /// are left out as the HTML reader leaves them out ([`crate::formats::furniture`]).
    related: bool,
    html: Option<(String, usize)>,
    title: Option<(String, SourcePos)>,
    byline: Option<(String, SourcePos, Vec<String>)>,
    /// The date and source the byline's line printed with the names ("作者：X<br />
    /// 2026年11月20日"), where it stands.
    byline_info: (Option<String>, Option<String>, Option<SourcePos>),
    fm_title: Option<String>,
    /// The authors front matter (or a title block) names.
    fm_authors: Vec<String>,
    src: &'a str,
    /// Block quotes open; the next block is a quote's first (a callout's marker
    /// stands there); the depth of the quote that is a callout (0: none).
    quotes: usize,
    quote_first: bool,
    /// The block being pushed is a quote's first paragraph, of one line.
    quote_line: bool,
    callout: usize,
    /// Inside an Obsidian comment (`%%…%%`); the offset of the last `%%` in the
    /// source, after which none opens.
    in_comment: bool,
    last_comment: Option<usize>,
    /// The image open is an embed (`![[x.jpg|300]]`).
    wiki_image: bool,
    /// Paragraphs since the headline.
    body_paras: usize,
    /// Paragraphs set apart as quotes holding a link: at the end of the body, a
    /// site's promotion ([`Reader::push_text_block`]).
    promos: Vec<String>,
    /// The dialects' markup read before parsing; the next of its inserts to place.
    prep: dialect::Prepared,
    next_insert: usize,
    /// In a table: its rows are notes.
    in_table: bool,
}

impl Reader<'_> {
    /// The source position of offset `at` of the text parsed.
    fn at(&self, at: usize) -> SourcePos {
        self.idx.at_offset(self.prep.source_offset(at))
    }

    /// Places the blocks the dialects' markup stands for up to offset `at` (a box's
    /// head, a template tag's caption), after the block pending.
    fn place_inserts(&mut self, at: usize) {
        while let Some(ins) = self.prep.inserts.get(self.next_insert)
            && ins.at <= at
        {
            let ins = ins.clone();
            self.next_insert += 1;
            self.flush(None);
            self.flush_figure();
            let pos = self.idx.at_offset(ins.src);
            match ins.kind {
                BlockKind::Caption => self.caption(&ins.text, Vec::new(), pos),
                kind => self.b.push(kind, &ins.text, pos),
            }
        }
    }

    fn text(&mut self, t: &str, at: usize) {
        if self.in_image {
            self.alt.push_str(t);
            return;
        }
        if self.p.start.is_none() {
            self.p.start = Some(at);
            self.p.all_bold = true;
            self.p.all_emph = true;
        }
        if self.p.text.text.ends_with('\n') {
            self.p.lines.push((self.p.text.text.len(), at));
        }
        if self.strong == 0 && !trim_text(t).is_empty() {
            self.p.all_bold = false;
        }
        if self.emph == 0 && !trim_text(t).is_empty() {
            self.p.all_emph = false;
        }
        // (Letters only: a date or a count beside a related link is no text of its own.)
        let n = t.chars().filter(|c| c.is_alphabetic()).count();
        self.p.chars += n;
        if self.links > 0 {
            self.p.link_chars += n;
        }
        self.p.text.push(t, self.emph > 0, self.strong > 0);
    }

    /// A text event: `literal` when the source holds it as it is (no escape or entity
    /// in it), so that a `*` or `_` in it is a marker the parser left as text.
    fn text_event(&mut self, t: &str, at: usize, literal: bool) {
        if self.last_comment.is_none() || self.in_code || !(self.in_comment || t.contains("%%")) {
            return self.plain_text_event(t, at, literal);
        }
        // Obsidian's comments (`%%…%%`, on a line or over several) are hidden; a `%%`
        // with none after it is text.
        let (mut rest, mut off) = (t, 0);
        while let Some(i) = rest.find("%%") {
            if self.in_comment {
                self.in_comment = false;
            } else if literal && self.last_comment.is_some_and(|l| l > at + off + i) {
                self.plain_text_event(&rest[..i], at + off, literal);
                self.in_comment = true;
            } else {
                self.plain_text_event(&rest[..i + 2], at + off, literal);
            }
            off += i + 2;
            rest = &rest[i + 2..];
        }
        if !self.in_comment {
            self.plain_text_event(rest, at + off, literal);
        }
    }

    fn plain_text_event(&mut self, t: &str, at: usize, literal: bool) {
        if t.is_empty() {
            return;
        }
        let base = self.p.text.text.len();
        self.text(t, at);
        if !literal || self.in_image || self.in_code {
            return;
        }
        let b = t.as_bytes();
        let mut i = 0;
        while i < b.len() {
            // (An escaped marker comes as its own text, the backslash before it.)
            let escaped = (at + i)
                .checked_sub(1)
                .and_then(|k| self.src.as_bytes().get(k))
                == Some(&b'\\');
            if matches!(b[i], b'*' | b'_' | b'=' | b':') && !escaped {
                let c = b[i];
                let n = b[i..].iter().take_while(|&&x| x == c).count();
                // The parser hands a run over in pieces: one run again.
                match self.p.markers.last_mut() {
                    Some((s, l, lc)) if *lc == c && *s + *l == base + i => *l += n,
                    _ => self.p.markers.push((base + i, n, c)),
                }
                i += n;
            } else {
                i += 1;
            }
        }
    }

    fn soft_break(&mut self) {
        // A line break: none between two Chinese characters, a space elsewhere
        // ([`markup::collapse_ws`]).
        if self.p.start.is_some() {
            self.p.text.push("\n", self.emph > 0, self.strong > 0);
        }
    }

    /// Shows the image waiting for its caption with its alt (or title).
    fn flush_figure(&mut self) {
        if let Some((alt, styles, pos)) = self.figure.take() {
            self.caption(&alt, styles, pos);
        }
    }

    /// Whether `text`, a line under an image alone, is its caption: short, and ending
    /// in a photo's credit, saying it is a caption (图1 …, 图为…, 上图：…) or opening
    /// with the image's alt.
    fn is_caption_line(&self, text: &str) -> bool {
        let alt = self.figure.as_ref().map_or("", |f| trim_text(&f.0));
        text.chars().count() <= 120
            && (markup::split_credit(text).1.is_some()
                || crate::formats::text::is_caption_lead(text)
                || (!alt.is_empty() && text.starts_with(alt)))
    }

    fn flush_html(&mut self) {
        if let Some((html, at)) = self.html.take() {
            let pos = self.at(at);
            if let Some(img) = lone_html_image(&html) {
                self.flush_figure();
                // An `<img>` alone, as `![]()` alone: its caption the italic line
                // under it, else its alt or title.
                self.figure = Some((img.caption(), Vec::new(), pos));
                return;
            }
            let html = html_block_emphasis(&html);
            let html = writers_boxes(&html);
            // An HTML headline opening the text (`<h1 align="center">`, as a README
            // centres it, perhaps under a cover image) is the article's title, as a `#`
            // heading there is.
            let html = match self.html_title(&html, at) {
                Some(rest) => std::borrow::Cow::Owned(rest),
                None => html,
            };
            // One line of HTML under an image alone (`<center>CAPTION（摄影：X）</center>`)
            // that is a caption's line: its caption, as a Markdown line is.
            if self.figure.is_some() && !html.trim().contains('\n') {
                let mut one = Builder::new();
                crate::formats::html::fragment_blocks(&html, pos, &mut one);
                if one.len() == 1
                    && let Some((BlockKind::Paragraph, text)) = one.last_block()
                    && self.is_caption_line(text)
                {
                    let alt = self.figure.take().map(|f| f.0).unwrap_or_default();
                    let text = if trim_text(markup::split_credit(text).0).is_empty() {
                        format!("{alt} {text}")
                    } else {
                        text.to_string()
                    };
                    self.caption(&text, Vec::new(), pos);
                    return;
                }
            }
            self.flush_figure();
            crate::formats::html::fragment_blocks(&html, pos, &mut self.b);
        }
    }

    /// Takes an HTML block's one `<h1>` as the article's title when nothing but images
    /// comes before it in the text: `html` with the element blanked out (its lines
    /// kept), `None` when it is not the title.
    fn html_title(&mut self, html: &str, at: usize) -> Option<String> {
        if self.title.is_some()
            || !self
                .b
                .blocks_since(0)
                .iter()
                .all(|(k, _)| *k == BlockKind::Caption)
        {
            return None;
        }
        let lower = html.to_ascii_lowercase();
        let open = lower.find("<h1")?;
        if lower[open + 3..].contains("<h1") || !lower[open + 3..].starts_with([' ', '>', '\n']) {
            return None;
        }
        let close = open + lower[open..].find("</h1>")? + "</h1>".len();
        // Only images before it in the block.
        let mut before = Builder::new();
        crate::formats::html::fragment_blocks(&html[..open], self.at(at), &mut before);
        if !before
            .blocks_since(0)
            .iter()
            .all(|(k, _)| *k == BlockKind::Caption)
        {
            return None;
        }
        let mut one = Builder::new();
        crate::formats::html::fragment_blocks(&html[open..close], self.at(at + open), &mut one);
        let Some((BlockKind::Heading, text)) = one.last_block().filter(|_| one.len() == 1) else {
            return None;
        };
        self.title = Some((text.to_string(), self.at(at + open)));
        let blank: String = html[open..close]
            .chars()
            .map(|c| match c {
                '\n' => "\n".to_string(),
                c => " ".repeat(c.len_utf8()),
            })
            .collect();
        Some(format!("{}{blank}{}", &html[..open], &html[close..]))
    }

    fn flush(&mut self, heading: Option<HeadingLevel>) {
        let p = std::mem::take(&mut self.p);
        self.flush_block(p, heading);
    }

    /// A block's lines that are blocks of their own: in a callout each line (its
    /// body lines are separate lines, never run together); elsewhere a Hugo
    /// shortcode alone on its line (`{{% notice %}}` over its content) and the runs
    /// of lines between. Empty when the block is one.
    fn line_pieces(&self, p: &Pending) -> Vec<Pending> {
        if p.lines.is_empty() {
            return Vec::new();
        }
        let text = &p.text.text;
        let start = p.start.unwrap_or(0);
        // (byte in text, source offset) of each line's start, and where it ends.
        let mut lines = vec![(0, start)];
        lines.extend(p.lines.iter().copied());
        let line_end = |k: usize| {
            lines
                .get(k + 1)
                .map_or(text.len(), |&(at, _)| at.saturating_sub(1))
        };
        let mut cuts = Vec::new();
        if self.callout > 0 {
            for (k, &(from, src)) in lines.iter().enumerate() {
                cuts.push((from, line_end(k).max(from), src));
            }
            return p.pieces(&cuts);
        }
        // A block of a text's particulars, a field a line ("> 作者：X" over "> 来源：Y",
        // "*文字 | X*" over "*编辑 | Y*"), perhaps with a rights notice among them: each
        // line apart, never run together into one.
        let line_text = |k: usize| &text[lines[k].0..line_end(k).max(lines[k].0)];
        let fields = (0..lines.len())
            .filter(|&k| markup::is_field_line(line_text(k)))
            .count();
        if fields >= 2
            && (0..lines.len()).all(|k| {
                markup::is_field_line(line_text(k))
                    || crate::formats::furniture::is_rights_notice(line_text(k))
            })
        {
            for (k, &(from, src)) in lines.iter().enumerate() {
                cuts.push((from, line_end(k).max(from), src));
            }
            return p.pieces(&cuts);
        }
        let is_code =
            |k: usize| shortcode(&text[lines[k].0..line_end(k).max(lines[k].0)]).is_some();
        if !(0..lines.len()).any(is_code) {
            return Vec::new();
        }
        let mut k = 0;
        while k < lines.len() {
            let mut j = k;
            if !is_code(k) {
                while j + 1 < lines.len() && !is_code(j + 1) {
                    j += 1;
                }
            }
            let (from, src) = lines[k];
            cuts.push((from, line_end(j).max(from), src));
            k = j + 1;
        }
        p.pieces(&cuts)
    }

    fn flush_block(&mut self, mut p: Pending, heading: Option<HeadingLevel>) {
        self.quote_line = false;
        if let Some(start) = p.start
            && !self.in_code
        {
            let first_in_quote = std::mem::take(&mut self.quote_first);
            self.quote_line = first_in_quote && p.lines.is_empty();
            if heading.is_none() {
                let line_start = self.src[..start].rfind('\n').map_or(0, |i| i + 1);
                let first_line = self.src[line_start..].lines().next().unwrap_or("");
                if p.lines.is_empty() && p.images.is_empty() && is_toc_marker(first_line) {
                    return;
                }
                if first_in_quote && let Some(len) = callout_marker(&p.text.text) {
                    // A callout (a box): its title (else its kind) is its head, shown
                    // apart as a note; its body lines follow, each a line of its own.
                    self.callout = self.quotes;
                    let end = p.lines.first().map_or(p.text.text.len(), |l| l.0 - 1);
                    let title = trim_text(&p.text.text[len..end.max(len)]).to_string();
                    let title_at = if self.src[start..].starts_with(&p.text.text[..len]) {
                        start + len
                    } else {
                        start
                    };
                    // (None: the kind, as the themes print it.)
                    let title = if title.is_empty() {
                        let kind = p.text.text[2..len].trim_end_matches(['+', '-', ']']);
                        dialect::kind_title(kind).unwrap_or("").to_string()
                    } else {
                        title
                    };
                    if !title.is_empty() {
                        let pos = self.at(title_at);
                        self.b.push(BlockKind::Note, &title, pos);
                    }
                    match p.lines.first() {
                        Some(&(from, src)) => {
                            let rest = p.pieces(&[(from, p.text.text.len(), src)]);
                            p = rest.into_iter().next().unwrap_or_default();
                        }
                        None => return,
                    }
                }
                let pieces = self.line_pieces(&p);
                if !pieces.is_empty() {
                    // The first line of a quote opening with its lines apart is still
                    // the quote's first line.
                    let mut first = first_in_quote;
                    for piece in pieces {
                        self.quote_first = std::mem::take(&mut first);
                        self.flush_block(piece, None);
                    }
                    return;
                }
                // An Obsidian block id (`… ^a1b2c3`) names the block; not its text.
                let id = block_id_len(&p.text.text);
                if id > 0 {
                    p.text = p.text.head(p.text.text.len() - id);
                    p.markers.retain(|m| m.0 + m.1 <= p.text.text.len());
                }
            }
        }
        if !self.in_code {
            recover_cjk_emphasis(&mut p);
        }
        let Some(start) = p.start else {
            for img in &p.images {
                self.caption(&img.caption(), Vec::new(), self.at(0));
            }
            return;
        };
        let pos = self.at(start);
        let (text, styles) = if self.in_code {
            let t = p.text.text.trim_end_matches('\n').to_string();
            let styles = p.text.verbatim(&t, 0);
            (t, styles)
        } else {
            p.text.collapsed()
        };
        if self.figure.is_some() {
            // A paragraph all in italics under an image alone is its caption.
            if heading.is_none()
                && !self.in_code
                && self.item_marker.is_none()
                && p.images.is_empty()
                && p.all_emph
                && !text.is_empty()
            {
                self.figure = None;
                self.caption(&text, styles, pos);
                return;
            }
            // A plain line under it that ends in a photo's credit (Notion's and other
            // editors' caption, "深夜的公交车。何静舟 摄") or says it is a caption (a
            // Word document's "图1 …", 图为…) is its caption; a credit alone is the
            // credit of its alt.
            if heading.is_none()
                && !self.in_code
                && self.item_marker.is_none()
                && p.images.is_empty()
                && p.lines.is_empty()
                && self.is_caption_line(&text)
            {
                let alt = self.figure.take().map(|f| f.0).unwrap_or_default();
                let text = if trim_text(markup::split_credit(&text).0).is_empty() {
                    format!("{alt} {text}")
                } else {
                    text
                };
                self.caption(&text, Vec::new(), pos);
                return;
            }
            self.flush_figure();
        }
        if let Some(first) = p.images.first() {
            let all = &p.text.text;
            let cut = first.before.min(all.len());
            if !trim_text(&all[..cut]).is_empty() {
                // An image within the text (text before it): the paragraph keeps all
                // its text; each image's alt (or title) is a caption after it.
                self.push_text_block(
                    heading,
                    text,
                    styles,
                    pos,
                    p.all_bold,
                    (p.chars, p.link_chars),
                );
                for img in &p.images {
                    self.caption(&img.caption(), Vec::new(), pos);
                }
                return;
            }
            let (after, after_styles) = p.text.tail(cut).collapsed();
            let alone = trim_text(&after).is_empty();
            // The text beside the image keeps its styles; an alt or title has none.
            let caption = if alone {
                (first.caption(), Vec::new())
            } else {
                (after, after_styles)
            };
            if alone && heading.is_none() && self.item_marker.is_none() {
                self.figure = Some((caption.0, caption.1, pos));
            } else {
                self.caption(&caption.0, caption.1, pos);
            }
            for img in &p.images[1..] {
                self.caption(&img.caption(), Vec::new(), pos);
            }
            return;
        }
        self.push_text_block(
            heading,
            text,
            styles,
            pos,
            p.all_bold,
            (p.chars, p.link_chars),
        );
    }

    /// A block of text (no image in it): a heading, the headline, a byline, a note, a
    /// paragraph or nothing (a prompt to the reader).
    fn push_text_block(
        &mut self,
        heading: Option<HeadingLevel>,
        text: String,
        mut styles: Vec<StyleSpan>,
        pos: SourcePos,
        all_bold: bool,
        (chars, link_chars): (usize, usize),
    ) {
        if text.is_empty() {
            return;
        }
        if heading.is_none()
            && !self.in_code
            && let Some((name, params)) = shortcode(&text)
        {
            // A Hugo shortcode is markup, never text: a figure is its caption (with
            // its `attr`, the attribution), others are left out (a paired one's
            // content stands in paragraphs of its own, kept).
            if name == "figure" {
                let param = |k: &str| {
                    params
                        .iter()
                        .find(|(key, v)| *key == k && !trim_text(v).is_empty())
                        .map(|(_, v)| trim_text(v).to_string())
                };
                let caption = param("caption")
                    .or_else(|| param("title"))
                    .or_else(|| param("alt"))
                    .unwrap_or_default();
                let text = match param("attr") {
                    Some(attr) if !caption.is_empty() => format!("{caption} {attr}"),
                    Some(attr) => attr,
                    None => caption,
                };
                self.item_marker = None;
                self.caption(&text, Vec::new(), pos);
            }
            return;
        }
        // A related box (a "相关阅读" heading or line over a list of links), furniture
        // as on an HTML page: the label and the entries made mostly of links left out.
        if !self.in_code && crate::formats::furniture::is_related_label(&text) {
            self.related = true;
            self.item_marker = None;
            return;
        }
        if self.related {
            if link_chars * 2 >= chars && chars > 0 {
                self.item_marker = None;
                return;
            }
            self.related = false;
        }
        // The headline and the authors printed again over the body (a Word document
        // converted with its title block: `**TITLE**` over the authors' line) are the
        // head's, shown once.
        if self.b.is_empty()
            && self.body_paras == 0
            && self.quotes == 0
            && self.item_marker.is_none()
            && !self.in_table
            && !self.in_footnote
        {
            if heading.is_none_or(|l| l != HeadingLevel::H1)
                && self.fm_title.as_deref() == Some(text.as_str())
            {
                if let Some((_, tpos)) = &mut self.title {
                    *tpos = pos;
                }
                return;
            }
            if heading.is_none()
                && self.byline.is_none()
                && !self.fm_authors.is_empty()
                && (author_names(&text) == self.fm_authors
                    || author_names(&text.replace([' ', '\u{3000}', ';', '；'], ","))
                        == self.fm_authors)
            {
                self.byline = Some((text, pos, self.fm_authors.clone()));
                return;
            }
        }
        if let Some(level) = heading {
            if level == HeadingLevel::H1 && self.title.is_none() && self.b.is_empty() {
                self.title = Some((text, pos));
                self.body_paras = 0;
                return;
            }
            if level == HeadingLevel::H1 && self.fm_title.as_deref() == Some(text.as_str()) {
                // The front matter's title repeated: shown once.
                if let Some((_, tpos)) = &mut self.title {
                    *tpos = pos;
                }
                self.body_paras = 0;
                return;
            }
            self.b.push(BlockKind::Heading, &text, pos);
            return;
        }
        let marker = self.item_marker.take();
        if self.in_code && !self.in_footnote {
            // A code block is shown as it is set: none of its lines is the article's
            // byline, a note or furniture, whatever it reads like.
            let text = match marker {
                Some(m) => {
                    markup::shift_spans(&mut styles, m.len());
                    format!("{m}{text}")
                }
                None => text,
            };
            self.body_paras += 1;
            self.b.preformatted(true, |b| {
                b.push_styled(BlockKind::Paragraph, &text, styles, pos)
            });
            return;
        }
        if self.in_table {
            // A table's rows are shown as text, not the story's paragraphs: notes, as
            // a page's data table's rows are.
            self.b.push(BlockKind::Note, &text, pos);
            return;
        }
        if self.in_footnote {
            // A footnote's text is a note where it is defined.
            let text = match marker {
                Some(m) => format!("{m}{text}"),
                None => text,
            };
            let code = self.in_code;
            self.b
                .preformatted(code, |b| b.push(BlockKind::Note, &text, pos));
            return;
        }
        // Never a line inside a quote or a callout (a book's 作者：X in a 书目信息 box
        // names the book's author, not the note's) — but a quote of one line opening
        // the text under the headline, as editors set the info line apart
        // ("> 作者：X｜2026年3月"), is the article's.
        let info_quote = self.quotes > 0
            && self.quote_line
            && self.callout == 0
            && self.b.is_empty()
            && self.title.is_some();
        if self.byline.is_none()
            && self.b.len() < 3
            && marker.is_none()
            && (self.quotes == 0 || info_quote)
            && let Some(info) = parse_info(&text).filter(|i| !i.authors.is_empty())
        {
            self.byline_info = (info.date, info.source, Some(pos));
            self.byline = Some((text, pos, info.authors));
            return;
        }
        // Furniture standing in the text (a page saved as Markdown): prompts left out;
        // staff lines, end marks and notes with buttons or codes are notes.
        if marker.is_none()
            && (crate::formats::furniture::is_prompt(&text)
                || crate::formats::furniture::is_rights_notice(&text)
                || crate::formats::furniture::is_pager(&text)
                || crate::formats::furniture::is_publisher_remark(&text)
                || crate::formats::furniture::is_paywall_notice(&text)
                || crate::formats::furniture::is_post_stamp(&text)
                || crate::formats::furniture::is_ad_label(&text)
                || crate::formats::furniture::is_post_link(&text))
        {
            return;
        }
        // A related box in one line, its label and a link ("往期推荐：[X](…)").
        if marker.is_none()
            && crate::formats::furniture::related_line_rest(&text)
                .is_some_and(|rest| link_chars > 0 && link_chars + 1 >= rest)
        {
            return;
        }
        // A line of only tags (`#采访 #田野笔记`) files the note; it is not its text.
        if marker.is_none() && is_tag_line(&text) {
            return;
        }
        // A byline's form inside a quote or callout (a 书目信息 box's 作者：X, a quoted
        // text's 文/X) names someone else's text: one of the box's lines shown apart, a
        // note, never the article's byline nor its authors.
        let quoted_byline = self.quotes > 0
            && marker.is_none()
            && crate::formats::text::line_kind(&text) == crate::formats::text::LineKind::Byline;
        let (note, text) = match crate::formats::furniture::note_text(&text) {
            _ if quoted_byline => (true, text),
            Some(t) if marker.is_none() => (true, t),
            // A callout's or card's icon alone (💡) is shown apart, never a paragraph.
            _ => (is_note(&text) || markup::is_icon(&text), text),
        };
        let kind = if note {
            BlockKind::Note
        } else if all_bold && marker.is_none() && bold_line_is_heading(&text) {
            // A subhead divides the body's text: a bold label between the headline and
            // the body's first paragraph (a site's badge, "**编辑推荐**") heads none and
            // is shown apart, unless it is numbered as a section is.
            if self.body_paras == 0
                && self.title.is_some()
                && crate::formats::text::line_kind(&text)
                    != crate::formats::text::LineKind::Numbered
            {
                BlockKind::Note
            } else {
                BlockKind::Heading
            }
        } else {
            BlockKind::Paragraph
        };
        if kind == BlockKind::Paragraph {
            self.body_paras += 1;
            // Set apart as a quote (a block quote, or `\>` written as text) and holding a
            // link: a site's promotion when it closes the body.
            let quoted = self.quotes > 0 || text.starts_with(['>', '＞']);
            if quoted
                && link_chars > 0
                && marker.is_none()
                && text.chars().count() <= 80
                && !crate::text::forms::ends_sentence(&text)
            {
                self.promos.push(text.clone());
            }
        }
        let text = match marker {
            Some(m) => {
                markup::shift_spans(&mut styles, m.len());
                format!("{m}{text}")
            }
            None => text,
        };
        // Styles are kept on what is shown as text: a bold line made a heading is bold
        // as a heading, a note is shown apart.
        if kind != BlockKind::Paragraph {
            styles.clear();
        }
        // A code block's text is preformatted, no prose ([`Builder::preformatted`]).
        let code = self.in_code;
        self.b
            .preformatted(code, |b| b.push_styled(kind, &text, styles, pos));
    }

    /// Adds a caption of `text` with its `styles` (byte offsets in `text`). Italics over
    /// the whole caption are what marks a line under an image as its caption, not a
    /// style within it: they are left out.
    fn caption(&mut self, text: &str, mut styles: Vec<StyleSpan>, pos: SourcePos) {
        let t = trim_text(text);
        if !t.is_empty() {
            let lead = text.len() - text.trim_start_matches(markup::is_trimmed).len();
            // Where the caption ends, its credit split off.
            let caption_end = markup::split_credit_at(t).0.end;
            styles.retain_mut(|s| {
                let start = (s.start as usize).saturating_sub(lead).min(t.len());
                let end = (s.end as usize).saturating_sub(lead).min(t.len());
                (s.start, s.end) = (start as u32, end as u32);
                let whole = s.style == InlineStyle::Emphasis && start == 0 && end >= caption_end;
                start < end && !whole
            });
            self.b.push_caption_styled(t, styles, pos);
        }
    }
}

/// An HTML block's text with the Markdown emphasis written inside it made HTML:
/// CommonMark (§4.6) passes an HTML block through as it is, so `<center>**◆ ◆ ◆**</center>`
/// would show its `**`. On each line, outside tags, a `**`/`__` run (then a lone `*`)
/// that opens before a non-space and a run that closes after one become `<strong>`
/// (`<em>`); runs without a partner stay as they are.
/// `html` with its `<aside>` elements read as boxes of the text: in a Markdown text an
/// aside is the writer's own (Notion exports its callouts as `<aside>💡 …</aside>`),
/// never a page's sidebar, which the HTML reading leaves out.
fn writers_boxes(html: &str) -> std::borrow::Cow<'_, str> {
    let lower = html.to_ascii_lowercase();
    if !lower.contains("<aside") && !lower.contains("</aside") {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut i = 0;
    while i < html.len() {
        let rest = &lower[i..];
        let tag = ["<aside", "</aside"].into_iter().find(|t| {
            rest.starts_with(t)
                && rest[t.len()..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace())
        });
        match tag {
            Some(t) => {
                out.push_str(if t.starts_with("</") { "</div" } else { "<div" });
                i += t.len();
            }
            None => {
                let c = html[i..].chars().next().unwrap_or(' ');
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

fn html_block_emphasis(html: &str) -> std::borrow::Cow<'_, str> {
    if !html.contains(['*', '_']) {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + 16);
    for line in html.split_inclusive('\n') {
        let mut line = line.to_string();
        for (delim, tag) in [("**", "strong"), ("__", "strong"), ("*", "em")] {
            line = pair_runs(&line, delim, tag);
        }
        out.push_str(&line);
    }
    std::borrow::Cow::Owned(out)
}

/// `line` with each pair of `delim` runs outside tags ([`html_block_emphasis`]) made
/// `<tag>`…`</tag>`.
fn pair_runs(line: &str, delim: &str, tag: &str) -> String {
    // Byte offsets of `delim` outside tags, not part of a longer run of its character.
    let mut runs = Vec::new();
    let mut in_tag = false;
    let b = line.as_bytes();
    let d = delim.as_bytes()[0];
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'<' => in_tag = true,
            b'>' => in_tag = false,
            c if c == d && !in_tag => {
                let n = b[i..].iter().take_while(|&&x| x == d).count();
                if n == delim.len() {
                    runs.push(i);
                }
                i += n;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let space_after = |at: usize| {
        line[at + delim.len()..]
            .chars()
            .next()
            .is_none_or(char::is_whitespace)
    };
    let space_before = |at: usize| {
        line[..at]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace)
    };
    let mut out = String::with_capacity(line.len() + 16);
    let mut copied = 0;
    let mut k = 0;
    while k < runs.len() {
        let open = runs[k];
        if space_after(open) {
            k += 1;
            continue;
        }
        let Some(j) = (k + 1..runs.len()).find(|&j| !space_before(runs[j])) else {
            break;
        };
        let close = runs[j];
        out.push_str(&line[copied..open]);
        out.push_str(&format!("<{tag}>"));
        out.push_str(&line[open + delim.len()..close]);
        out.push_str(&format!("</{tag}>"));
        copied = close + delim.len();
        k = j + 1;
    }
    out.push_str(&line[copied..]);
    out
}

/// The image of an HTML block that holds one `<img>` and no text (in a `<p>`, a
/// `<div>` or alone), with its alt, title and source.
/// Whether an inline HTML tag is a line break: `<br>`, `<br/>`, `<br />` (any case).
fn is_br_tag(html: &str) -> bool {
    let t = html.trim();
    t.len() >= 4
        && t[..3].eq_ignore_ascii_case("<br")
        && t.ends_with('>')
        && t[3..t.len() - 1]
            .trim()
            .trim_end_matches('/')
            .trim()
            .is_empty()
}

fn lone_html_image(html: &str) -> Option<Image> {
    if !html.contains("<img") && !html.contains("<IMG") {
        return None;
    }
    let doc = crate::formats::html::dom::parse_document(html);
    if doc.root_element().text().any(|t| !trim_text(t).is_empty()) {
        return None;
    }
    let sel = scraper::Selector::parse("img").ok()?;
    let mut imgs = doc.select(&sel);
    let img = imgs.next()?;
    if imgs.next().is_some() {
        return None;
    }
    let attr = |k: &str| img.value().attr(k).unwrap_or("").to_string();
    Some(Image {
        alt: attr("alt"),
        title: attr("title"),
        url: attr("src"),
        before: 0,
    })
}

/// A tag that opens a block (where a dialect's box head may stand before it).
fn is_block(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::HtmlBlock
            | Tag::List(_)
            | Tag::Item
            | Tag::FootnoteDefinition(_)
            | Tag::Table(_)
            | Tag::MetadataBlock(_)
    )
}

fn has_lone_cr(s: &str) -> bool {
    memchr::memchr_iter(b'\r', s.as_bytes()).any(|i| s.as_bytes().get(i + 1) != Some(&b'\n'))
}

/// `s` with each CR not followed by LF replaced by LF.
fn lone_cr_to_lf(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        rest = &rest[i + 1..];
        out.push(if rest.starts_with('\n') { '\r' } else { '\n' });
    }
    out.push_str(rest);
    out
}

/// A Hugo shortcode standing alone as a block, `{{< NAME KEY="VALUE" … >}}` or
/// `{{% … %}}` (gohugo.io/content-management/shortcodes): its name and its named
/// parameters (quoted with `"`, its `\"` escapes decoded, or with backquotes, or a
/// bare word); positional parameters are skipped. A closing shortcode's name is
/// `/NAME`. `None` for anything else.
fn shortcode(text: &str) -> Option<(&str, Vec<(&str, String)>)> {
    let t = trim_text(text);
    let inner = t
        .strip_prefix("{{<")
        .and_then(|r| r.strip_suffix(">}}"))
        .or_else(|| t.strip_prefix("{{%").and_then(|r| r.strip_suffix("%}}")))?;
    if inner.contains("}}") || inner.contains("{{") {
        return None;
    }
    let inner = inner.trim().trim_end_matches('/').trim_end();
    let end = inner
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '/' | '.')))
        .unwrap_or(inner.len());
    let name = &inner[..end];
    if name.is_empty() {
        return None;
    }
    let mut params = Vec::new();
    let mut rest = &inner[end..];
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let key_end = rest
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '-' | '_')))
            .unwrap_or(rest.len());
        let key = &rest[..key_end];
        let after = rest[key_end..].trim_start();
        let named = !key.is_empty() && after.starts_with('=');
        let value_at = if named { after[1..].trim_start() } else { rest };
        let (value, next) = if let Some(q) = value_at.strip_prefix('"') {
            let mut out = String::new();
            let mut chars = q.char_indices();
            let mut end = q.len();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        if let Some((_, e)) = chars.next() {
                            out.push(e);
                        }
                    }
                    '"' => {
                        end = i + 1;
                        break;
                    }
                    c => out.push(c),
                }
            }
            (out, &q[end.min(q.len())..])
        } else if let Some(q) = value_at.strip_prefix('`') {
            let end = q.find('`').unwrap_or(q.len());
            (q[..end].to_string(), q.get(end + 1..).unwrap_or(""))
        } else {
            let end = value_at.find(char::is_whitespace).unwrap_or(value_at.len());
            (value_at[..end].to_string(), &value_at[end..])
        };
        if named {
            params.push((key, value));
        }
        if next.len() >= rest.len() {
            break;
        }
        rest = next;
    }
    Some((name, params))
}

/// The position of line `n` (0-based) of the front matter whose text starts at `start`.
fn fm_line(idx: &SourceLines, start: SourcePos, n: usize) -> SourcePos {
    if n == 0 {
        start
    } else {
        idx.at_line(start.line + n)
    }
}

/// Parses a Markdown article (decoded text) into an article with a text buffer of its
/// own.
pub fn parse(text: &Arc<String>) -> Article {
    // CommonMark ends lines at CRLF and lone CR too, but front matter is found only
    // after a line feed: a lone CR is read as one (same length, so offsets stay those
    // of the file).
    let lone_cr_as_lf;
    let src = if has_lone_cr(text) {
        lone_cr_as_lf = lone_cr_to_lf(text);
        lone_cr_as_lf.as_str()
    } else {
        text.as_str()
    };
    // The dialects' markup blanked (same length, lines at the same offsets).
    let mut prep = dialect::prepare(src);
    let view = prep.view.take();
    let src = view.as_deref().unwrap_or(src);
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_WIKILINKS;
    let mut r = Reader {
        idx: SourceLines::new(src),
        b: Builder::new(),
        p: Pending::default(),
        strong: 0,
        emph: 0,
        figure: None,
        in_image: false,
        alt: String::new(),
        lists: Vec::new(),
        item_marker: None,
        in_code: false,
        in_footnote: false,
        links: 0,
        related: false,
        html: None,
        title: None,
        byline: None,
        byline_info: (None, None, None),
        fm_title: None,
        fm_authors: Vec::new(),
        src,
        quotes: 0,
        quote_first: false,
        quote_line: false,
        callout: 0,
        in_comment: false,
        last_comment: memchr::memmem::rfind(src.as_bytes(), b"%%"),
        wiki_image: false,
        body_paras: 0,
        promos: Vec::new(),
        prep,
        next_insert: 0,
        in_table: false,
    };
    let mut fm = FrontMatter::default();
    let mut fm_pos = SourcePos { offset: 0, line: 1 };
    // A page's title property (Logseq's `title::`) is its headline, as front matter's.
    if let Some(p) =
        r.prep.props.iter().find(|p| {
            dialect::prop_field(&p.key) == Some("title") && !trim_text(&p.value).is_empty()
        })
    {
        let t = trim_text(&p.value).to_string();
        r.title = Some((t.clone(), r.idx.at_offset(p.src)));
        r.fm_title = Some(t);
    }
    if let Some(p) = r
        .prep
        .props
        .iter()
        .find(|p| dialect::prop_field(&p.key) == Some("author"))
    {
        r.fm_authors = author_names(&p.value);
    }
    let mut meta: Option<MetadataBlockKind> = None;
    let mut meta_text = String::new();
    let mut table_cells = 0usize;
    for (event, range) in Parser::new_ext(src, opts).into_offset_iter() {
        // A run of HTML ends at the first other event.
        if !matches!(
            event,
            Event::Html(_) | Event::Start(Tag::HtmlBlock) | Event::End(TagEnd::HtmlBlock)
        ) {
            r.flush_html();
        }
        // A box's head or a tag's caption goes before the block that starts after it.
        if let Event::Start(tag) = &event
            && is_block(tag)
        {
            r.place_inserts(range.start);
        }
        match event {
            Event::Start(Tag::MetadataBlock(kind)) => {
                meta = Some(kind);
                meta_text.clear();
            }
            Event::End(TagEnd::MetadataBlock(_)) => {
                // The block's text comes in pieces (one per line where lines end in
                // CRLF or CR): read once, whole.
                if let Some(kind) = meta.take() {
                    fm = front_matter(&meta_text, kind);
                    r.fm_title = fm.title.clone();
                    r.fm_authors = fm.authors.clone();
                    if let Some(t) = &fm.title {
                        r.title = Some((t.clone(), fm_line(&r.idx, fm_pos, fm.lines.title)));
                    }
                }
            }
            Event::Text(t) if meta.is_some() => {
                if meta_text.is_empty() {
                    fm_pos = r.idx.at_offset(range.start);
                }
                meta_text.push_str(&t);
            }
            // (A paragraph in a list item keeps the item's marker: an empty flush
            // leaves it.)
            Event::Start(Tag::Paragraph) => r.flush(None),
            Event::End(TagEnd::Paragraph) => r.flush(None),
            Event::Start(Tag::Heading { .. }) => r.flush(None),
            Event::End(TagEnd::Heading(level)) => r.flush(Some(level)),
            Event::Start(Tag::BlockQuote(_)) => {
                r.flush(None);
                r.quotes += 1;
                r.quote_first = true;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                r.flush(None);
                if r.callout == r.quotes {
                    r.callout = 0;
                }
                r.quotes = r.quotes.saturating_sub(1);
                r.quote_first = false;
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                r.flush(None);
                r.in_code = true;
                let _: CodeBlockKind<'_> = kind;
            }
            Event::End(TagEnd::CodeBlock) => {
                r.flush(None);
                r.in_code = false;
            }
            Event::Start(Tag::List(first)) => {
                r.flush(None);
                r.lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                r.flush(None);
                r.lists.pop();
            }
            Event::Start(Tag::Item) => {
                r.flush(None);
                if r.prep.outline {
                    // A Logseq page's bullets are its blocks; a task keyword opening
                    // one is its box.
                    let task = r
                        .prep
                        .tasks
                        .iter()
                        .find(|t| (range.start..range.start + 8).contains(&t.0));
                    r.item_marker =
                        task.map(|&(_, done)| if done { "☑ " } else { "☐ " }.to_string());
                    continue;
                }
                let marker = match r.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    _ => "• ".to_string(),
                };
                r.item_marker = Some(marker);
            }
            Event::End(TagEnd::Item) => r.flush(None),
            Event::Start(Tag::Table(_)) => {
                r.flush(None);
                r.in_table = true;
            }
            Event::End(TagEnd::Table) => {
                r.flush(None);
                r.in_table = false;
            }
            Event::Start(Tag::TableRow) | Event::Start(Tag::TableHead) => {
                r.flush(None);
                table_cells = 0;
            }
            Event::End(TagEnd::TableRow) | Event::End(TagEnd::TableHead) => r.flush(None),
            Event::Start(Tag::TableCell) => {
                if table_cells > 0 {
                    r.text(" | ", range.start);
                }
                table_cells += 1;
            }
            // A footnote's reference is a link to its note, not text; the note is
            // kept where it is defined.
            Event::FootnoteReference(_) => {}
            Event::Start(Tag::FootnoteDefinition(_)) => {
                r.flush(None);
                r.in_footnote = true;
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                r.flush(None);
                r.in_footnote = false;
            }
            Event::Start(Tag::Strong) => r.strong += 1,
            Event::End(TagEnd::Strong) => r.strong = r.strong.saturating_sub(1),
            Event::Start(Tag::Link { .. }) => r.links += 1,
            Event::End(TagEnd::Link) => r.links = r.links.saturating_sub(1),
            Event::Start(Tag::Emphasis) => r.emph += 1,
            Event::End(TagEnd::Emphasis) => r.emph = r.emph.saturating_sub(1),
            Event::Start(Tag::Image {
                title,
                dest_url,
                link_type,
                ..
            }) => {
                r.in_image = true;
                r.wiki_image = matches!(link_type, LinkType::WikiLink { .. });
                if r.p.text.text.ends_with('\n') {
                    r.p.lines.push((r.p.text.text.len(), range.start));
                }
                r.alt.clear();
                r.p.images.push(Image {
                    alt: String::new(),
                    title: title.to_string(),
                    url: dest_url.to_string(),
                    before: r.p.text.text.len(),
                });
                if r.p.start.is_none() {
                    r.p.start = Some(range.start);
                    r.p.all_bold = false;
                }
            }
            Event::End(TagEnd::Image) => {
                r.in_image = false;
                let mut alt = std::mem::take(&mut r.alt);
                // An embed's size (`![[x.jpg|300]]`, `|640x480`) is no alt.
                if r.wiki_image
                    && alt
                        .split('x')
                        .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
                {
                    alt.clear();
                }
                if let Some(img) = r.p.images.last_mut() {
                    img.alt = alt;
                }
            }
            Event::Text(t) => {
                let literal = src.get(range.clone()) == Some(&*t);
                r.text_event(&t, range.start, literal);
            }
            Event::Code(t) => r.text(&t, range.start),
            Event::InlineMath(t) | Event::DisplayMath(t) => r.text(&t, range.start),
            Event::SoftBreak | Event::HardBreak => r.soft_break(),
            // A task's box, ticked or not, stands for the item's bullet.
            Event::TaskListMarker(done) => {
                r.item_marker = Some(if done { "☑ " } else { "☐ " }.to_string());
            }
            Event::Html(h) => {
                r.flush(None);
                let at = range.start;
                let entry = r.html.get_or_insert_with(|| (String::new(), at));
                entry.0.push_str(&h);
            }
            // A `<br>` written inside a paragraph (语雀's and 飞书's exports put one
            // between a byline and its date) breaks the line as a line break does.
            Event::InlineHtml(h) if is_br_tag(&h) => r.soft_break(),
            Event::InlineHtml(_) => {}
            _ => {}
        }
    }
    r.flush_html();
    r.flush(None);
    r.place_inserts(usize::MAX);
    r.flush_figure();
    let (info_date, info_source) = match std::mem::take(&mut r.byline_info) {
        (d, s, Some(p)) => (d.map(|d| (d, p)), s.map(|s| (s, p))),
        _ => (None, None),
    };
    let (byline, authors) = match r.byline.take() {
        Some((text, pos, authors)) => (Some((text, pos)), authors),
        None => (None, Vec::new()),
    };
    // Page properties (Logseq's, Notion's) give what front matter does not.
    let prop = |field: &str| {
        r.prep
            .props
            .iter()
            .find(|p| dialect::prop_field(&p.key) == Some(field) && !trim_text(&p.value).is_empty())
            .map(|p| (trim_text(&p.value).to_string(), r.idx.at_offset(p.src)))
    };
    let (prop_source, prop_date, prop_column, prop_subtitle) = (
        prop("source"),
        prop("date"),
        prop("column"),
        prop("subtitle"),
    );
    let prop_byline = prop("author");
    if fm.authors.is_empty()
        && let Some((names, _)) = &prop_byline
    {
        fm.authors = author_names(names);
    }
    let authors = if authors.is_empty() {
        fm.authors.clone()
    } else {
        authors
    };
    // Front matter lines keep their own lines; the page shows the kicker above the
    // headline and the subtitle under it wherever the front matter wrote them
    // ([`crate::layout::items`]).
    let at = |n: usize| fm_line(&r.idx, fm_pos, n);
    let line =
        |t: Option<String>, p: SourcePos| t.map(|t| crate::article::HeaderLine::new(t, p.offset));
    let subtitle = match fm.subtitle {
        Some(s) => line(Some(s), at(fm.lines.subtitle)),
        None => prop_subtitle.and_then(|(s, p)| line(Some(s), p)),
    };
    let kicker = line(fm.kicker, at(fm.lines.kicker));
    // A byline from the front matter keeps its own line; it is shown with the headline
    // (under it), where a page prints one ([`crate::layout::items`]).
    let author_line = match prop_byline {
        Some((_, p)) if fm.lines.author == 0 && fm_pos.offset == 0 => p,
        _ => fm_line(&r.idx, fm_pos, fm.lines.author),
    };
    let header = markup::Header {
        title: r.title.take(),
        byline: byline
            .or_else(|| (!fm.authors.is_empty()).then(|| (fm.authors.join(" "), author_line))),
        authors,
        source: fm
            .source
            .map(|s| (s, fm_line(&r.idx, fm_pos, fm.lines.source)))
            .or(prop_source)
            .or(info_source),
        date: fm
            .date
            .map(|s| (s, fm_line(&r.idx, fm_pos, fm.lines.date)))
            .or(prop_date)
            .or(info_date),
        column: fm
            .column
            .map(|s| (s, fm_line(&r.idx, fm_pos, fm.lines.column)))
            .or(prop_column),
    };
    let promos = std::mem::take(&mut r.promos);
    let mut article = r.b.finish(header);
    article.kicker = kicker;
    article.subtitle = subtitle;
    crate::formats::furniture::drop_tail_prompts(&mut article.blocks);
    // A site's promotions closing the body, set apart as quotes with links ("> 下载 X
    // 客户端", "> 关注 X 公众号"): left out, as on a page.
    while let Some(last) = article.blocks.last()
        && last.kind == BlockKind::Paragraph
        && promos.iter().any(|p| *p == *last.text)
    {
        article.blocks.pop();
    }
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(text: &str) -> Article {
        crate::formats::parse_shared(
            crate::formats::Format::Markdown,
            &Arc::new(text.to_string()),
        )
    }

    fn kinds(a: &Article) -> Vec<(BlockKind, &str)> {
        a.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect()
    }

    #[test]
    fn front_matter_gives_the_kicker_and_subtitle() {
        let a = md(
            "---\ntitle: 江边的观测站\nkicker: \"走进长江\"\nsubtitle: 一座站，三代人\nauthor: 郑远\ncategory: 社会\n---\n\n# 江边的观测站\n\n正文第一段。\n",
        );
        assert_eq!(a.kicker.as_ref().map(|t| t.text.as_str()), Some("走进长江"));
        assert_eq!(
            a.subtitle.as_ref().map(|t| t.text.as_str()),
            Some("一座站，三代人")
        );
        // Where they stand on the page (with the `#` headline, not above it):
        // tests/formats_head_order.rs.
    }

    #[test]
    fn toml_front_matter_and_lists_of_authors() {
        let a = md(
            "+++\ntitle = \"江边的观测站\"\nauthors = [\"郑 远\", \"周晴\"]\ncategories = [\"社会\"]\ndate = 2026-03-14\n+++\n\n正文第一段。\n",
        );
        assert_eq!(
            a.title.as_ref().map(|t| t.text.as_str()),
            Some("江边的观测站")
        );
        assert_eq!(a.authors, ["郑远", "周晴"]);
        assert_eq!(a.column.as_ref().map(|t| t.text.as_str()), Some("社会"));
        assert_eq!(a.date.as_ref().map(|t| t.text.as_str()), Some("2026-03-14"));
        let a = md(
            "---\ntitle: '观测站'\nauthor:\n  - 郑远\n  - 周晴\ntags: [鸟, 湿地]\n---\n正文。\n",
        );
        assert_eq!(a.authors, ["郑远", "周晴"]);
        assert_eq!(kinds(&a), [(BlockKind::Paragraph, "正文。")]);
    }

    proptest::proptest! {
        #[test]
        fn dialect_lines_in_any_order_parse_to_positions_in_the_file(
            lines in proptest::collection::vec(
                proptest::sample::select(vec![
                    ":::tip[题]", ":::", "::: note", "!!! note \"题\"", "    正文,一句", "\t正文",
                    "=== \"标签\"", "- TODO 事", "title:: 题", "作者: 甲", "- 条目",
                    "{% include x caption=\"图\" %}", "{{ f(caption=\"图\") }}", "{/* 注 */}",
                    "```", "正文，一句。", "", "{: .x}", "* TOC", "{:toc}", "# 题", "> [!NOTE]",
                    "> 引文", "![图](a.jpg)", "江边。张三 摄", "| a | b |", "|---|---|",
                ]),
                0..20,
            )
        ) {
            let src = lines.join("\n");
            let a = md(&src);
            for b in &a.blocks {
                for part in b.parts.as_slice() {
                    proptest::prop_assert!(part.src() <= src.len());
                    proptest::prop_assert!(src.is_char_boundary(part.src()));
                }
            }
        }
    }

    #[test]
    fn authors_as_maps_give_their_names() {
        for (name, fm) in [
            (
                "flow map",
                "author: {name: 钟楚宁, url: https://example.org}\n",
            ),
            (
                "block map",
                "author:\n  name: 钟楚宁\n  email: z@example.org\n",
            ),
            (
                "list of maps",
                "authors:\n  - name: 钟楚宁\n    title: 特约撰稿人\n  - url: https://example.org\n",
            ),
        ] {
            let a = md(&format!(
                "---\ntitle: 渡口\n{fm}tags: [乡村]\n---\n\n正文。\n"
            ));
            assert_eq!(a.authors, ["钟楚宁"], "{name}");
        }
        // TOML: Zola's `[extra]`, a person as a table.
        let a = md("+++\ntitle = \"渡口\"\n[extra]\nauthor = \"许峤\"\n+++\n\n正文。\n");
        assert_eq!(a.authors, ["许峤"]);
        let a = md("+++\ntitle = \"渡口\"\n[author]\nname = \"许峤\"\n+++\n\n正文。\n");
        assert_eq!(a.authors, ["许峤"]);
    }

    #[test]
    fn a_hash_title_without_front_matter_and_later_hashes_as_headings() {
        let a = md(
            "# 江边的观测站\n\n第一段\n接着写，\nand English\ntext.\n\n# 第二部分\n\n### 小节\n\n正文。\n",
        );
        assert_eq!(
            a.title
                .as_ref()
                .map(|t| (t.text.as_str(), a.header_line(t))),
            Some(("江边的观测站", 1))
        );
        assert_eq!(
            kinds(&a),
            [
                // No space where a line break stood between Chinese characters.
                (BlockKind::Paragraph, "第一段接着写， and English text."),
                (BlockKind::Heading, "第二部分"),
                (BlockKind::Heading, "小节"),
                (BlockKind::Paragraph, "正文。"),
            ]
        );
        // Lines of the blocks: the source lines they start on.
        let lines: Vec<usize> = a.blocks.iter().map(|b| a.block_line(b)).collect();
        assert_eq!(lines, [3, 8, 10, 12]);
    }

    #[test]
    fn lists_tables_code_and_inline_figures() {
        let a = md(concat!(
            "1. 第一项\n2. 第二项\n\n",
            "- 松散的一项\n\n  第二段\n\n",
            "| 地点 | 数量 |\n|---|---|\n| 东岛 | 12 |\n\n",
            "```\nlet x = 1;\n  缩进\n```\n\n",
            "<figure>\n<img src=\"a.jpg\" alt=\"\">\n<figcaption>湿地上空的鸟群。 郑远 摄</figcaption>\n</figure>\n\n",
            "*强调*与**加粗**与[链接](http://example.com)。\n",
        ));
        assert_eq!(
            kinds(&a),
            [
                (BlockKind::Paragraph, "1. 第一项"),
                (BlockKind::Paragraph, "2. 第二项"),
                (BlockKind::Paragraph, "• 松散的一项"),
                (BlockKind::Paragraph, "第二段"),
                // A table's rows are shown, not the story's paragraphs.
                (BlockKind::Note, "地点 | 数量"),
                (BlockKind::Note, "东岛 | 12"),
                (BlockKind::Paragraph, "let x = 1;\n  缩进"),
                (BlockKind::Caption, "湿地上空的鸟群。"),
                (BlockKind::Paragraph, "强调与加粗与链接。"),
            ]
        );
        let credit = a.blocks[7].credit.as_ref().map(|c| c.name.as_str());
        assert_eq!(credit, Some("郑远"));
        // The figcaption's line in the file.
        assert_eq!(a.block_line(&a.blocks[7]), 19);
    }

    #[test]
    fn crlf_and_lone_cr_line_ends_read_as_line_feeds() {
        let lf = "---\ntitle: 河边的夜校\ncolumn: 城市\ndate: 2026-05-20\nauthor: 王磊\n---\n\n# 河边的夜校\n\n第一段，\n接着写。\n\n## 老师\n\n```\nlet x = 1;\n  缩进\n```\n\n最后一段。\n";
        let want = md(lf);
        assert_eq!(want.column.as_ref().map(|t| t.text.as_str()), Some("城市"));
        for (name, text) in [
            ("CRLF", lf.replace('\n', "\r\n")),
            ("CR", lf.replace('\n', "\r")),
        ] {
            let a = md(&text);
            let title = a.title.as_ref().map(|t| t.text.as_str());
            assert_eq!(title, Some("河边的夜校"), "{name}");
            assert_eq!(
                a.column.as_ref().map(|t| t.text.as_str()),
                Some("城市"),
                "{name}"
            );
            assert_eq!(
                a.date.as_ref().map(|t| t.text.as_str()),
                Some("2026-05-20"),
                "{name}"
            );
            assert_eq!(a.authors, ["王磊"], "{name}");
            assert_eq!(kinds(&a), kinds(&want), "{name}");
            // Positions are offsets into the file as it is.
            for b in &a.blocks {
                let at = b.parts.as_slice()[0].src();
                let head: String = b.text.chars().take(2).collect();
                assert!(text[at..].starts_with(&head), "{name}: {head} at {at}");
            }
        }
        let crlf = md(&lf.replace('\n', "\r\n"));
        let lines: Vec<usize> = crlf.blocks.iter().map(|b| crlf.block_line(b)).collect();
        let want_lines: Vec<usize> = want.blocks.iter().map(|b| want.block_line(b)).collect();
        assert_eq!(lines, want_lines);
    }

    #[test]
    fn an_italic_line_under_an_image_is_its_caption_with_the_credit() {
        for (name, text) in [
            (
                "same paragraph",
                "开头一段。\n\n![夜校课堂](night.jpg)\n*夜校里的学员在练字。王磊 摄*\n\n后面一段。\n",
            ),
            (
                "next paragraph",
                "开头一段。\n\n![夜校课堂](night.jpg)\n\n*夜校里的学员在练字。王磊 摄*\n\n后面一段。\n",
            ),
            (
                "underscores",
                "开头一段。\n\n![夜校课堂](night.jpg)\n_夜校里的学员在练字。王磊 摄_\n\n后面一段。\n",
            ),
        ] {
            let a = md(text);
            assert_eq!(
                kinds(&a),
                [
                    (BlockKind::Paragraph, "开头一段。"),
                    (BlockKind::Caption, "夜校里的学员在练字。"),
                    (BlockKind::Paragraph, "后面一段。"),
                ],
                "{name}"
            );
            let credit = a.blocks[1].credit.as_ref().map(|c| c.name.as_str());
            assert_eq!(credit, Some("王磊"), "{name}");
        }
        // No line under it: the alt is the caption.
        let a = md("![夜校课堂](night.jpg)\n\n后面一段。\n");
        assert_eq!(
            kinds(&a),
            [
                (BlockKind::Caption, "夜校课堂"),
                (BlockKind::Paragraph, "后面一段。"),
            ]
        );
        // A paragraph in italics that is not under an image stays a paragraph.
        let a = md("开头一段。\n\n*一段斜体的引言。*\n");
        assert_eq!(kinds(&a)[1], (BlockKind::Paragraph, "一段斜体的引言。"));
    }

    #[test]
    fn emphasis_and_strong_are_spans_never_markers() {
        use crate::formats::markup::styled_pieces;
        let a = md(concat!(
            "前文**粗体**中*斜体*，***两者***，__strong__ and _emph_。\n",
            "跨行**粗\n体**完，**半角 bold\nwords** end.\n\n",
            "- 项目*强调*\n\n",
            "> 引用里的**重点**\n\n",
            "**小标题**\n\n",
            "**“一句加粗的引言，是段落。”**\n\n",
            "```\n代码**不是**强调\n```\n",
        ));
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        assert!(
            texts
                .iter()
                .all(|t| !t.contains("**") || t.starts_with("代码")),
            "{texts:?}"
        );
        assert_eq!(
            texts[..5],
            [
                "前文粗体中斜体，两者，strong and emph。跨行粗体完，半角 bold words end.",
                "• 项目强调",
                "引用里的重点",
                "小标题",
                "“一句加粗的引言，是段落。”",
            ]
        );
        let pieces = styled_pieces(&a);
        assert_eq!(
            pieces[0],
            [
                ("粗体", "strong"),
                ("斜体", "emphasis"),
                ("两者", "emphasis"),
                ("两者", "strong"),
                ("strong", "strong"),
                ("emph", "emphasis"),
                // Across a soft break: between Chinese characters nothing stands there,
                // between Latin words a space, inside the span.
                ("粗体", "strong"),
                ("半角 bold words", "strong"),
            ]
        );
        // Offsets are bytes of the block's text, after a list marker.
        let b = &a.blocks[1];
        let s = a.styles_of(b)[0];
        assert_eq!(
            (s.start, s.end),
            ("• 项目".len() as u32, "• 项目强调".len() as u32)
        );
        assert_eq!(pieces[2], [("重点", "strong")]);
        // A bold line made a heading has no spans; a bold pull quote stays a paragraph,
        // bold throughout.
        assert_eq!(a.blocks[3].kind, BlockKind::Heading);
        assert!(pieces[3].is_empty());
        assert_eq!(a.blocks[4].kind, BlockKind::Paragraph);
        assert_eq!(pieces[4], [("“一句加粗的引言，是段落。”", "strong")]);
        // Code is as written, markers and all, and has no styles.
        assert_eq!(texts[5], "代码**不是**强调");
        assert!(pieces[5].is_empty());
        // A caption keeps the styles within it (the italics of a caption line under an
        // image mark it as one), its credit split off.
        let a = md(concat!(
            "开头。\n\n![](a.jpg)\n\n*雾里的**渡船**。 林小雨 摄*\n\n",
            "![](b.jpg) 老周在**雾里**撑船。\n\n",
            "![](c.jpg)\n*桥上的**灯**。 王五 摄*\n",
        ));
        let caps: Vec<_> = a.captions().map(|(i, b)| (i, b.text.as_str())).collect();
        assert_eq!(
            caps.iter().map(|c| c.1).collect::<Vec<_>>(),
            ["雾里的渡船。", "老周在雾里撑船。", "桥上的灯。"]
        );
        let pieces = styled_pieces(&a);
        assert_eq!(pieces[caps[0].0], [("渡船", "strong")]);
        assert_eq!(pieces[caps[1].0], [("雾里", "strong")]);
        // An italic line right under the image, in its paragraph: the same.
        assert_eq!(caps[2].1, "桥上的灯。");
        assert_eq!(pieces[caps[2].0], [("灯", "strong")]);
        // Plain text never has styles.
        let t = crate::formats::parse_shared(
            crate::formats::Format::Text,
            &Arc::new("正文**不是**强调。\n".to_string()),
        );
        assert!(t.style_lists.is_empty());
    }

    #[test]
    fn cjk_emphasis_recovered_keeps_images_and_other_spans_in_place() {
        use crate::formats::markup::styled_pieces;
        let a =
            md("![](a.jpg)**图为。**河边*夜校*。\n\n前面**加粗。**说![照片](b.jpg)完，*斜体*。\n");
        assert_eq!(
            kinds(&a),
            [
                (BlockKind::Caption, "图为。河边夜校。"),
                (BlockKind::Paragraph, "前面加粗。说完，斜体。"),
                (BlockKind::Caption, "照片"),
            ]
        );
        let pieces = styled_pieces(&a);
        assert_eq!(pieces[0], [("图为。", "strong"), ("夜校", "emphasis")]);
        assert_eq!(pieces[1], [("加粗。", "strong"), ("斜体", "emphasis")]);
        // Latin text keeps CommonMark's rules.
        let a = md("a **b.**c and 2*3*4 *x*\n");
        assert_eq!(kinds(&a), [(BlockKind::Paragraph, "a **b.**c and 234 x")]);
    }

    #[test]
    fn yaml_quoted_values_are_decoded() {
        let a = md(concat!(
            "---\n",
            "title: \"他说\\\"你好\\\"\\u3002\\x41\\/\\q\"\n",
            "author: '王''五'\n",
            "category: 城市 # 栏目\n",
            "source: \"报\\e]0;x\\a社\\UFFFFFFFF\"\n",
            "---\n\n正文。\n",
        ));
        let title = a.title.as_ref().map(|t| t.text.as_str());
        assert_eq!(title, Some("他说\"你好\"。A/\\q"));
        assert_eq!(a.authors, ["王'五"]);
        assert_eq!(a.column.as_ref().map(|t| t.text.as_str()), Some("城市"));
        assert_eq!(
            a.source.as_ref().map(|t| t.text.as_str()),
            Some("报\u{1b}]0;x\u{7}社\u{fffd}")
        );
        // Shown, the control characters are notation, never raw.
        let shown = crate::text::sanitize::for_terminal_line(
            a.source.as_ref().map_or("", |t| t.text.as_str()),
        );
        assert!(!shown.chars().any(char::is_control), "{shown}");
    }

    #[test]
    fn front_matter_fields_give_their_own_lines() {
        let yaml = "---\nlayout: post\ntitle: 观测站\ndate: 2026-03-14\ntags:\n  - 鸟\ncategory: 社会\nsource: 江边报\n---\n\n正文。\n";
        let toml = "+++\ndraft = false\ntitle = \"观测站\"\ndate = 2026-03-14\ntags = [\"鸟\"]\n\ncategory = \"社会\"\nsource = \"江边报\"\n+++\n\n正文。\n";
        for (name, text) in [("yaml", yaml), ("toml", toml)] {
            for crlf in [false, true] {
                let text = if crlf {
                    text.replace('\n', "\r\n")
                } else {
                    text.to_string()
                };
                let a = md(&text);
                let line =
                    |h: &Option<crate::article::HeaderLine>| h.as_ref().map(|t| a.header_line(t));
                assert_eq!(
                    [
                        line(&a.title),
                        line(&a.date),
                        line(&a.column),
                        line(&a.source)
                    ],
                    [Some(3), Some(4), Some(7), Some(8)],
                    "{name} crlf={crlf}"
                );
            }
        }
    }

    #[test]
    fn kicker_and_subtitle_give_their_own_lines() {
        // The subtitle and kicker after the other keys, the headline printed later.
        let a = md(
            "---\ntitle: 岛上的邮路\nsubtitle: 一条船、四座岛\ncategories: [人物]\nkicker: 海岛纪事\n---\n\n# 岛上的邮路\n\n正文第一段。\n",
        );
        let line = |h: &Option<crate::article::HeaderLine>| h.as_ref().map(|t| a.header_line(t));
        assert_eq!(
            [
                line(&a.subtitle),
                line(&a.column),
                line(&a.kicker),
                line(&a.title)
            ],
            [Some(3), Some(4), Some(5), Some(8)]
        );
        // Where they stand on the page: tests/formats_head_order.rs.
    }

    #[test]
    fn ornament_lines_are_section_breaks_without_their_markup() {
        let a = md(concat!(
            "# 标题\n\n第一部分的正文，写得长一些才像一段文字。\n\n",
            "<center>**◆ ◆ ◆**</center>\n\n第二部分的正文，也写得长一些。\n\n",
            "**●●●**\n\n第三部分的正文。\n\n",
            "<p align=\"center\">*※ ※ ※*</p>\n\n第四部分，<b>说的**都是**真话</b>。\n\n",
            "<div>他说：“* 号不要紧 *”</div>\n\n* * *\n\n**◆ ◆ ◆**\n\n## 尾声\n\n最后一段。\n\n<center>●</center>\n",
        ));
        assert_eq!(
            kinds(&a),
            [
                (
                    BlockKind::Paragraph,
                    "第一部分的正文，写得长一些才像一段文字。"
                ),
                (BlockKind::Heading, "◆ ◆ ◆"),
                (BlockKind::Paragraph, "第二部分的正文，也写得长一些。"),
                (BlockKind::Heading, "●●●"),
                (BlockKind::Paragraph, "第三部分的正文。"),
                (BlockKind::Heading, "※ ※ ※"),
                (BlockKind::Paragraph, "第四部分，说的都是真话。"),
                (BlockKind::Paragraph, "他说：“* 号不要紧 *”"),
                // Over a heading or at the end, an ornament heads no section.
                (BlockKind::Note, "◆ ◆ ◆"),
                (BlockKind::Heading, "尾声"),
                (BlockKind::Paragraph, "最后一段。"),
                (BlockKind::Note, "●"),
            ]
        );
        assert!(markup::is_decoration("* * *") && markup::is_decoration("★"));
        assert!(!markup::is_decoration("——") && !markup::is_decoration("一、"));
        assert!(!markup::is_decoration("◆ 核心阅读"));
    }

    #[test]
    fn related_boxes_are_left_out_as_on_a_page() {
        for label in ["**相关阅读：**", "## 延伸閱讀", "推荐阅读"] {
            let a = md(&format!(
                "# 标题\n\n他最近开始收徒弟，教的是年轻设计师。\n\n{label}\n\n- [霓虹灯的最后岁月](https://example.com/a)\n- [旧招牌活化计划](https://example.com/b)（2025-01-02）\n\n[下一篇：夜市](https://example.com/c)\n\n（完）\n"
            ));
            assert_eq!(
                kinds(&a),
                [
                    (BlockKind::Paragraph, "他最近开始收徒弟，教的是年轻设计师。"),
                    (BlockKind::Note, "（完）"),
                ],
                "{label}"
            );
        }
        // A sentence that names a related reading is text, and so is a list of links
        // with no label over it.
        let a =
            md("# 标题\n\n延伸阅读这件事，他坚持了二十年。\n\n- [一篇](https://example.com/a)\n");
        assert_eq!(a.blocks.len(), 2, "{:?}", kinds(&a));
    }

    #[test]
    fn hugo_params_give_kicker_and_subtitle() {
        let a = md(
            "+++\ntitle = \"夜市\"\nsubtitle = \"城中村的客厅\"\n[params]\n  kicker = \"城市笔记\"\n  subtitle = \"不用这个\"\n+++\n\n正文。\n",
        );
        assert_eq!(a.kicker.as_ref().map(|t| t.text.as_str()), Some("城市笔记"));
        assert_eq!(
            a.subtitle.as_ref().map(|t| t.text.as_str()),
            Some("城中村的客厅")
        );
    }

    #[test]
    fn callout_markers_and_their_titles() {
        assert_eq!(callout_marker("[!info] 采访信息"), Some(7));
        assert_eq!(callout_marker("[!NOTE]"), Some(7));
        assert_eq!(callout_marker("[!faq]- 问答"), Some(7));
        assert_eq!(callout_marker("[!] x"), None);
        assert_eq!(callout_marker("[见注释] x"), None);
        assert_eq!(callout_marker("[!1x] x"), None);
    }

    #[test]
    fn block_ids_end_a_block_after_a_space_or_chinese() {
        assert_eq!(block_id_len("回来帮忙。^a1b2c3"), "^a1b2c3".len());
        assert_eq!(block_id_len("a line ^quote-1 "), " ^quote-1 ".len());
        assert_eq!(block_id_len("^a1"), 3);
        // Powers and carets of text are not ids.
        assert_eq!(block_id_len("面积是 x^2"), 0);
        assert_eq!(block_id_len("(a+b)^2"), 0);
        assert_eq!(block_id_len("^_^"), 0);
        assert_eq!(block_id_len("没有"), 0);
    }

    #[test]
    fn tag_lines_are_only_tags() {
        assert!(is_tag_line("#采访 #田野笔记"));
        assert!(is_tag_line("#reading/2025"));
        assert!(!is_tag_line("#1 #2"));
        assert!(!is_tag_line("#采访 记录"));
        assert!(!is_tag_line("# 标题"));
        assert!(!is_tag_line(""));
    }

    #[test]
    fn a_callout_is_a_head_over_its_lines_and_a_note_keeps_its_text() {
        // A box's head is shown apart (a note), never a section; with no title of its
        // own, its kind as the themes say it.
        let a =
            md("正文。\n\n> [!tip] 小贴士\n> 第一行。\n> 第二行 ^x1\n\n> [!warning]\n> 只有正文\n");
        assert_eq!(
            kinds(&a),
            [
                (BlockKind::Paragraph, "正文。"),
                (BlockKind::Note, "小贴士"),
                (BlockKind::Paragraph, "第一行。"),
                (BlockKind::Paragraph, "第二行"),
                (BlockKind::Note, "注意"),
                (BlockKind::Paragraph, "只有正文"),
            ]
        );
        // An image ending a body line stays with its line.
        let a = md("> [!note] 现场\n> 码头上![渡船靠岸](a.jpg)\n> 下一行。\n");
        assert_eq!(
            kinds(&a),
            [
                (BlockKind::Note, "现场"),
                (BlockKind::Paragraph, "码头上"),
                (BlockKind::Caption, "渡船靠岸"),
                (BlockKind::Paragraph, "下一行。"),
            ]
        );
        // A quote that is no callout runs its lines together as before.
        let a = md("> 第一行\n> 第二行\n");
        assert_eq!(kinds(&a), [(BlockKind::Paragraph, "第一行第二行")]);
    }

    #[test]
    fn comments_hide_only_between_their_marks() {
        let a = md("前面%%藏起来%%后面。\n\n%%\n整段\n\n都藏\n%%\n\n百分之百%%不是注释。\n");
        assert_eq!(
            kinds(&a),
            [
                (BlockKind::Paragraph, "前面后面。"),
                (BlockKind::Paragraph, "百分之百%%不是注释。"),
            ]
        );
        // In code, kept as written.
        let a = md("```\na %% b %% c\n```\n");
        assert_eq!(kinds(&a), [(BlockKind::Paragraph, "a %% b %% c")]);
    }

    #[test]
    fn highlights_pair_and_lone_marks_stay() {
        let a = md("他说==很重要==，a == b 也对。\n");
        assert_eq!(
            kinds(&a),
            [(BlockKind::Paragraph, "他说很重要，a == b 也对。")]
        );
    }
}
