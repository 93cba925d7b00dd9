//! Markup of Markdown's dialects (site generators, note apps) read before CommonMark
//! parses the text: [`prepare`] returns a *view* of the source of the same length,
//! each line at the same offset, in which the dialect's markup is blank (spaces; line
//! ends kept), so that pulldown-cmark reads only text, and what the markup said: a
//! box's head ([`Insert`]), a figure's caption, page properties ([`Prop`]).
//!
//! - Containers: `:::tip[TITLE]` / `:::tip TITLE` … `:::` (Docusaurus, VuePress,
//!   markdown-it-container; nested with more colons), `::: {.callout-note title="…"}`
//!   (Pandoc's fenced divs, Quarto's callouts). An opening line counts only when a
//!   closing line of colons alone follows it: a paragraph that starts with `:::`
//!   stays text.
//! - Indented boxes: MkDocs (Python-Markdown's admonition, pymdownx.details)
//!   `!!! KIND "TITLE"`, `??? KIND`, `???+ KIND`, and content tabs (pymdownx.tabbed)
//!   `=== "LABEL"`: the lines indented under them are their body. Their indent is
//!   moved to the line's end in the view ([`Prepared::shifts`] maps offsets back), so
//!   that CommonMark reads the body as text and not as an indented code block.
//! - A box's head (its title, else its kind said in Chinese: [`kind_title`]) is a
//!   note where the box opens; its body is the article's text.
//! - MDX: `import`/`export` statements on lines of their own, `{/* … */}` comments.
//! - A table of contents asked for: `[toc]`, `[[toc]]`, kramdown's `* TOC` over
//!   `{:toc}`. kramdown's attribute lists and extensions (`{: .class}`, `{:toc}`,
//!   `{::options …}`) and a heading's `{#id .class}`; Pandoc's attributes after an
//!   image, a link or code (`{width="5.5in"}`) and its bracketed spans'
//!   (`[一是]{.underline}`: the text stays, the brackets go).
//! - Template tags alone on a line: Liquid's (Jekyll, Hexo) `{% … %}` — an
//!   `include` with a `caption=`, Hexo's `{% asset_img PATH TITLE %}` and
//!   `{% img … %}` give a caption; a `{% comment %}`'s content is hidden — and
//!   `{{ name(… caption="…") }}` (Zola's shortcodes; Logseq's `{{embed …}}` macros):
//!   others left out. Hugo's `{{< … >}}`/`{{% … %}}` are read by the parser itself.
//! - Logseq: `key:: value` properties (ASCII keys) are no text; those that open the
//!   file are the page's ([`Prop`]), and the file is an outline ([`Prepared::outline`]):
//!   its bullets are blocks, not list items; `TODO`/`DONE` opening one is its task
//!   box ([`Prepared::tasks`]).
//! - Notion's export: the properties under the `#` headline, `KEY: VALUE` one per line
//!   up to a blank line, are the page's.
//! - Pandoc's title block opening the file (`% title`, `% author; author`, `% date`):
//!   the page's properties.
//!
//! Nothing is read inside fenced code or front matter.

use crate::article::BlockKind;

/// A block the dialect's markup stands for, where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Insert {
    /// Its offset in the view (where it comes in the order of blocks).
    pub(crate) at: usize,
    /// The offset in the source of its text (or of its markup).
    pub(crate) src: usize,
    /// `Note` (a box's head) or `Caption` (a template tag's figure).
    pub(crate) kind: BlockKind,
    pub(crate) text: String,
}

/// A page property (Logseq's `title:: X`, Notion's `作者: X`): its key in lowercase, its
/// value, the source offset of the value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Prop {
    pub(crate) key: String,
    pub(crate) value: String,
    pub(crate) src: usize,
}

/// What [`prepare`] found.
#[derive(Debug, Default)]
pub(crate) struct Prepared {
    /// The text CommonMark reads, the source's length; `None` when it is the source.
    pub(crate) view: Option<String>,
    /// `(from, to, add)`: a view offset in `from..to` stands at `offset + add` in the
    /// source (a box's body line whose indent was moved to its end). Sorted.
    pub(crate) shifts: Vec<(usize, usize, usize)>,
    /// Sorted by `at`.
    pub(crate) inserts: Vec<Insert>,
    pub(crate) props: Vec<Prop>,
    /// A Logseq page: its bullets are its blocks.
    pub(crate) outline: bool,
    /// View offsets of the task keywords blanked (`TODO`, `DONE`…) and whether done.
    pub(crate) tasks: Vec<(usize, bool)>,
}

impl Prepared {
    /// The source offset of view offset `at`.
    pub(crate) fn source_offset(&self, at: usize) -> usize {
        let i = self.shifts.partition_point(|s| s.1 <= at);
        match self.shifts.get(i) {
            Some(&(from, to, add)) if (from..to).contains(&at) => at + add,
            _ => at,
        }
    }
}

/// The title a box of `kind` shows when it has none of its own, as the Chinese
/// themes print it (Docusaurus zh-Hans, VuePress); `None` for a kind of no known name
/// and for a quotation (`quote`, `cite`), which is its text alone.
pub(crate) fn kind_title(kind: &str) -> Option<&'static str> {
    let k = kind.to_ascii_lowercase();
    let k = k.strip_prefix("callout-").unwrap_or(&k);
    Some(match k {
        "note" | "seealso" => "备注",
        "tip" | "hint" => "提示",
        "info" | "todo" => "信息",
        "important" => "重要",
        "warning" | "caution" | "attention" | "warn" => "注意",
        "danger" | "error" => "警告",
        "details" => "详情",
        "abstract" | "summary" | "tldr" => "摘要",
        "example" => "示例",
        "question" | "faq" | "help" => "问题",
        "success" | "check" | "done" => "成功",
        "failure" | "fail" | "missing" => "失败",
        "bug" => "缺陷",
        _ => return None,
    })
}

/// A line's bytes without its line end (`\n`, `\r\n`).
fn content_len(line: &str) -> usize {
    line.trim_end_matches('\n').trim_end_matches('\r').len()
}

/// Blanks bytes `from..to` of `v` (spaces; line ends kept).
fn blank(v: &mut [u8], from: usize, to: usize) {
    for b in &mut v[from..to] {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// An ASCII word: a letter, then letters, digits, `-` or `_`.
fn is_word(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// A line of colons alone (3 or more): a container's close.
fn colons_only(t: &str) -> Option<usize> {
    let t = t.trim();
    (t.len() >= 3 && t.bytes().all(|b| b == b':')).then_some(t.len())
}

/// A container's opening line (`:::tip[TITLE]`, `::: tip TITLE`, `::: {.callout-x
/// title="T"}`): its colons, its kind and its title (empty when it has none).
fn container_open(t: &str) -> Option<(usize, String, String)> {
    let t = t.trim_end();
    let n = t.bytes().take_while(|&b| b == b':').count();
    if n < 3 {
        return None;
    }
    let rest = t[n..].trim_start();
    if let Some(attrs) = rest.strip_prefix('{') {
        // Pandoc's fenced div: `{.class #id key="value"}`.
        let attrs = attrs.strip_suffix('}')?;
        let kind = attrs
            .split_whitespace()
            .find_map(|w| w.strip_prefix('.'))
            .unwrap_or("")
            .to_string();
        let title = quoted_param(attrs, "title").unwrap_or_default();
        return Some((n, kind, title));
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    let kind = &rest[..end];
    if !is_word(kind) {
        return None;
    }
    let after = &rest[end..];
    let title = if let Some(b) = after.strip_prefix('[') {
        let close = b.rfind(']')?;
        b[..close].trim().to_string()
    } else if after.is_empty() || after.starts_with([' ', '\t']) {
        // (A `{…}` of attributes after the title is no title.)
        let a = after.trim();
        let a = match a.rfind('{') {
            Some(i) if a.ends_with('}') => a[..i].trim_end(),
            _ => a,
        };
        a.to_string()
    } else {
        return None;
    };
    Some((n, kind.to_string(), strip_strong(&title)))
}

/// `**T**` → `T`.
fn strip_strong(t: &str) -> String {
    let t = t.trim();
    t.strip_prefix("**")
        .and_then(|r| r.strip_suffix("**"))
        .unwrap_or(t)
        .trim()
        .to_string()
}

/// An indented box's opening line: MkDocs' `!!! KIND ["TITLE"]`, `??? KIND`, `???+
/// KIND` (extra class words allowed before the title), or a content tab `=== "LABEL"`
/// (`===!`, `===+`): its head (`Some("")` for a box of an empty title, which shows
/// none).
fn indented_open(t: &str) -> Option<String> {
    let t = t.trim_end();
    let (marker, rest) = ["???+", "!!!", "???", "===!", "===+", "==="]
        .iter()
        .find_map(|m| t.strip_prefix(m).map(|r| (*m, r)))?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim();
    let (words, title) = match rest.find('"') {
        Some(q) => {
            let inner = rest[q + 1..].strip_suffix('"')?;
            (&rest[..q], Some(inner))
        }
        None => (rest, None),
    };
    let words: Vec<&str> = words.split_whitespace().collect();
    if marker.starts_with('=') {
        // A tab has a label and no kind.
        return (words.is_empty() && title.is_some()).then(|| title.unwrap_or("").to_string());
    }
    if words.is_empty() || !words.iter().all(|w| is_word(w)) {
        return None;
    }
    Some(match title {
        Some(t) => strip_strong(t),
        None => kind_title(words[0]).unwrap_or("").to_string(),
    })
}

/// The value of `key="…"` (or `'…'`) in `s`.
fn quoted_param(s: &str, key: &str) -> Option<String> {
    let mut from = 0;
    while let Some(i) = s[from..].find(key) {
        let at = from + i;
        from = at + key.len();
        let before_ok = s[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '_'));
        let rest = s[from..].trim_start();
        if !before_ok {
            continue;
        }
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let q = rest.chars().next()?;
        if q == '"' || q == '\'' {
            let inner = &rest[1..];
            let end = inner.find(q)?;
            return Some(inner[..end].trim().to_string());
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == ',' || c == ')')
            .unwrap_or(rest.len());
        return Some(rest[..end].to_string());
    }
    None
}

/// Template tags whose content up to their closing tag is no text: (opening, closing).
const HIDING_TAGS: &[(&str, &str)] =
    &[("comment", "endcomment"), ("content-ref", "endcontent-ref")];

/// A template tag alone on a line: Liquid's `{% NAME ARGS %}` or `{{ NAME(ARGS) }}`
/// (Zola) / `{{NAME ARGS}}` (Logseq) — not Hugo's `{{< >}}`/`{{% %}}`. Its name and
/// the caption it gives, if any.
fn template_tag(t: &str) -> Option<(String, Option<String>)> {
    let t = t.trim();
    if let Some(inner) = t.strip_prefix("{%").and_then(|r| r.strip_suffix("%}")) {
        let inner = inner.trim_matches('-').trim();
        if inner.contains("%}") || inner.contains("{%") {
            return None;
        }
        let end = inner
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(inner.len());
        let name = &inner[..end];
        if name.is_empty() {
            return None;
        }
        let args = &inner[end..];
        let caption = match name {
            "include" | "include_relative" | "figure" => {
                quoted_param(args, "caption").or_else(|| {
                    (name == "figure")
                        .then(|| quoted_param(args, "title"))
                        .flatten()
                })
            }
            "asset_img" | "img" | "image" => hexo_image_title(args),
            _ if args.trim_start().starts_with('(') => quoted_param(args, "caption"),
            _ => None,
        };
        return Some((name.to_string(), caption.filter(|c| !c.is_empty())));
    }
    let inner = t.strip_prefix("{{").and_then(|r| r.strip_suffix("}}"))?;
    if inner.starts_with(['<', '%']) || inner.contains("}}") || inner.contains("{{") {
        return None;
    }
    // mdBook's preprocessor directives: `{{#include file.md}}`, `{{#title …}}`.
    let inner = inner.trim();
    let inner = inner.strip_prefix('#').unwrap_or(inner);
    let end = inner
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-' || c == '.'))
        .unwrap_or(inner.len());
    let name = &inner[..end];
    if name.is_empty() {
        return None;
    }
    let args = &inner[end..];
    let caption = quoted_param(args, "caption").filter(|c| !c.is_empty());
    // Its credit (`credit=`, `attr=`…), when it gives one, after the caption.
    let credit = ["credit", "attr", "attribution", "photographer"]
        .iter()
        .find_map(|k| quoted_param(args, k).filter(|c| !c.is_empty()));
    let caption = match (caption, credit) {
        (Some(c), Some(by)) => Some(format!("{c} {by}")),
        (c, _) => c,
    };
    Some((name.to_string(), caption))
}

/// Hexo's image tags' title: `{% asset_img [CLASS…] PATH [WIDTH] [HEIGHT] [TITLE [ALT]] %}`
/// (hexo.io/docs/asset-folders, /docs/tag-plugins): what follows the path and its
/// sizes, the first quoted string when quoted.
fn hexo_image_title(args: &str) -> Option<String> {
    let args = args.trim();
    let mut rest = args;
    // Up to and including the path (the first word with a `.` or a `/`).
    loop {
        let w_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let w = &rest[..w_end];
        rest = rest[w_end..].trim_start();
        if w.contains(['.', '/']) {
            break;
        }
        if rest.is_empty() {
            return None;
        }
    }
    // Sizes.
    while let Some(w) = rest.split_whitespace().next() {
        if w.bytes().all(|b| b.is_ascii_digit()) || w.ends_with("px") || w.ends_with('%') {
            rest = rest[w.len()..].trim_start();
        } else {
            break;
        }
    }
    let rest = rest.trim_start_matches('\'').trim_end_matches('\'');
    if let Some(q) = rest.strip_prefix('"') {
        return q.find('"').map(|e| q[..e].trim().to_string());
    }
    let t = rest.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// A Logseq property line `key:: value` (after a bullet's `- `): the key (ASCII, as
/// Logseq writes its own) and the value's offset in `t`.
fn logseq_prop(t: &str) -> Option<(&str, usize)> {
    let lead = t.len() - t.trim_start().len();
    let s = &t[lead..];
    let s2 = s.strip_prefix("- ").unwrap_or(s);
    let lead = lead + (s.len() - s2.len());
    let i = s2.find("::")?;
    let key = &s2[..i];
    if !is_word(key) || key.len() > 40 {
        return None;
    }
    let after = &s2[i + 2..];
    if !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    let v = lead + i + 2 + (after.len() - after.trim_start().len());
    Some((key, v))
}

/// A Notion property line `KEY: VALUE` (ASCII colon and a space, as its export
/// writes them): a key of at most 20 characters that is no sentence.
fn notion_prop(t: &str) -> Option<(&str, usize)> {
    let i = t.find(": ")?;
    let key = &t[..i];
    let n = key.chars().count();
    if n == 0
        || n > 20
        || key.starts_with(char::is_whitespace)
        || key.contains(['，', '。', '：', ',', '#', '*', '[', '>', '|'])
        || key.starts_with("http")
    {
        return None;
    }
    let v = t[i + 2..].trim();
    if v.is_empty() {
        return None;
    }
    Some((key, t.len() - t[i + 2..].trim_start().len()))
}

/// An ES module statement of MDX alone on its line: `import X from '…'`, `import
/// {A, B} from "…";`, `import '…'`, `export const …`, `export default …`, `export {…}`.
fn mdx_statement(t: &str) -> bool {
    let t = t.trim_end();
    if let Some(rest) = t.strip_prefix("import ") {
        let rest = rest.trim();
        let quoted = |s: &str| {
            let s = s.trim().trim_end_matches(';').trim();
            s.len() >= 2
                && ((s.starts_with('\'') && s.ends_with('\''))
                    || (s.starts_with('"') && s.ends_with('"')))
        };
        return quoted(rest)
            || rest
                .rfind(" from ")
                .is_some_and(|i| quoted(&rest[i + 6..]) && !rest[..i].trim().is_empty());
    }
    if let Some(rest) = t.strip_prefix("export ") {
        let w = rest.split_whitespace().next().unwrap_or("");
        return matches!(
            w,
            "const" | "let" | "var" | "function" | "default" | "async" | "class"
        ) || w.starts_with('{');
    }
    false
}

/// A Logseq task keyword opening a block (logseq docs, "Tasks"): whether it is done.
fn task_keyword(t: &str) -> Option<(usize, bool)> {
    for (k, done) in [
        ("TODO", false),
        ("DOING", false),
        ("NOW", false),
        ("LATER", false),
        ("WAITING", false),
        ("DONE", true),
        ("CANCELED", true),
        ("CANCELLED", true),
    ] {
        if t.strip_prefix(k).is_some_and(|r| r.starts_with(' ')) {
            return Some((k.len(), done));
        }
    }
    None
}

/// Reads the dialects' markup of `src` (its line ends LF or CRLF).
pub(crate) fn prepare(src: &str) -> Prepared {
    let mut out = Prepared::default();
    let mut v = src.as_bytes().to_vec();
    // Lines: (start, the line with its end).
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for l in src.split_inclusive('\n') {
        lines.push((at, l));
        at += l.len();
    }
    // Front matter is the parser's.
    let mut first = 0;
    if let Some((_, l)) = lines.first() {
        let fence = l.trim_end();
        if (fence == "---" || fence == "+++")
            && let Some(end) = lines[1..].iter().position(|(_, m)| {
                let m = m.trim_end();
                m == fence || (fence == "---" && m == "...")
            })
        {
            first = end + 2;
        }
    }
    // Pandoc's title block: `% title`, `% author(s)`, `% date` opening the file (a
    // field's further lines indented), the page's properties.
    if first == 0 {
        first = pandoc_title_block(&lines, &mut v, &mut out.props);
    }
    // A Logseq page: properties, and every line of the body a bullet or under one.
    out.outline = lines[first..]
        .iter()
        .any(|(_, l)| logseq_prop(l.trim_end()).is_some())
        && lines[first..].iter().all(|(_, l)| {
            let l = l.trim_end();
            l.is_empty()
                || l.starts_with([' ', '\t'])
                || l == "-"
                || l.starts_with("- ")
                || logseq_prop(l).is_some()
        });
    // Closing lines of containers, for an opening line to count.
    let mut closers_after = vec![0usize; lines.len() + 1];
    for k in (0..lines.len()).rev() {
        closers_after[k] = closers_after[k + 1] + usize::from(colons_only(lines[k].1).is_some());
    }
    let mut fence: Option<(u8, usize)> = None;
    let mut containers: Vec<usize> = Vec::new();
    // Indented boxes open (each adds 4 columns of indent to its body).
    let mut depth = 0usize;
    // Inside a tag pair whose content is no text: the closing tag's name.
    let mut in_comment: Option<&'static str> = None;
    let mut page_props = first == 0;
    let mut after_title: Option<usize> = None;
    // A line of text met (the `#` headline Notion's properties follow is the first).
    let mut seen_text = false;
    let mut k = first;
    while k < lines.len() {
        let (start, line) = lines[k];
        let end = start + content_len(line);
        let text = &line[..end - start];
        if text.trim().is_empty() {
            k += 1;
            page_props = false;
            continue;
        }
        // An indented box's body: its indent moved to the line's end. A line indented
        // less closes the boxes it is outside of.
        let mut cut = 0;
        if depth > 0 {
            if fence.is_none() {
                depth = depth.min(indent_cols(text) / 4);
            }
            cut = bytes_for_cols(text, 4 * depth);
            if cut > 0 {
                let body = &text[cut..];
                v[start..start + body.len()].copy_from_slice(body.as_bytes());
                for b in &mut v[start + body.len()..end] {
                    *b = b' ';
                }
                out.shifts.push((start, start + body.len(), cut));
            }
        }
        let t = &text[cut..];
        // The view's offset of `t`'s byte `i`, and its source offset.
        let vat = |i: usize| start + i;
        let sat = |i: usize| start + cut + i;
        let trimmed = t.trim_start();
        let ind = t.len() - trimmed.len();
        // Fenced code: nothing in it is markup.
        if ind < 4 {
            let c = trimmed.as_bytes().first().copied().unwrap_or(0);
            let n = trimmed.bytes().take_while(|&b| b == c).count();
            if (c == b'`' || c == b'~') && n >= 3 {
                match fence {
                    None => fence = Some((c, n)),
                    Some((fc, fnn)) if fc == c && n >= fnn && trimmed[n..].trim().is_empty() => {
                        fence = None
                    }
                    _ => {}
                }
                k += 1;
                page_props = false;
                continue;
            }
        }
        if fence.is_some() {
            k += 1;
            continue;
        }
        if let Some(end) = in_comment {
            blank(&mut v, vat(0), vat(t.len()));
            if template_tag(t).is_some_and(|(n, _)| n == end) {
                in_comment = None;
            }
            k += 1;
            continue;
        }
        // Page properties: Logseq's opening the file, Notion's under the headline.
        if let Some((key, val)) = logseq_prop(t) {
            if page_props {
                out.props.push(Prop {
                    key: key.to_ascii_lowercase(),
                    value: strip_page_links(&t[val..]),
                    src: sat(val),
                });
            }
            blank(&mut v, vat(0), vat(t.len()));
            k += 1;
            continue;
        }
        page_props = false;
        let opening = !seen_text;
        seen_text = true;
        if after_title == Some(k) {
            // Notion: `KEY: VALUE` lines up to a blank line.
            let mut j = k;
            let mut found = Vec::new();
            while j < lines.len() {
                let (s, l) = lines[j];
                let lt = &l[..content_len(l)];
                if lt.trim().is_empty() {
                    break;
                }
                match notion_prop(lt) {
                    Some((key, val)) => found.push((key, s + val, lt[val..].trim().to_string())),
                    None => {
                        found.clear();
                        break;
                    }
                }
                j += 1;
            }
            let known = found.iter().any(|(key, _, _)| prop_field(key).is_some());
            // (Lines of speakers, `李明: 你好`, name no field: text.)
            if known {
                for (key, src, value) in found {
                    out.props.push(Prop {
                        key: key.to_lowercase(),
                        value,
                        src,
                    });
                }
                for &(s, l) in &lines[k..j] {
                    blank(&mut v, s, s + content_len(l));
                }
                k = j;
                continue;
            }
        }
        if trimmed.starts_with("# ") && opening {
            after_title = Some(k + 1);
            if lines.get(k + 1).is_some_and(|(_, l)| l.trim().is_empty()) {
                after_title = Some(k + 2);
            }
        }
        if ind < 4 {
            // Containers.
            if let Some(n) = colons_only(trimmed) {
                if containers.last().is_some_and(|&open| n >= open.min(3)) {
                    containers.pop();
                    blank(&mut v, vat(0), vat(t.len()));
                    k += 1;
                    continue;
                }
            } else if let Some((n, kind, title)) = container_open(trimmed)
                && closers_after[k + 1] > containers.len()
            {
                containers.push(n);
                blank(&mut v, vat(0), vat(t.len()));
                let head = if title.is_empty() {
                    kind_title(&kind).unwrap_or("").to_string()
                } else {
                    title.clone()
                };
                if !head.is_empty() {
                    let off = if title.is_empty() {
                        ind
                    } else {
                        t.find(title.as_str()).unwrap_or(ind)
                    };
                    out.inserts.push(Insert {
                        at: vat(0),
                        src: sat(off),
                        kind: BlockKind::Note,
                        text: head,
                    });
                }
                k += 1;
                continue;
            }
            // (Only over an indented body: a line of text that starts with `!!!` is
            // text.)
            let body_follows = lines[k + 1..]
                .iter()
                .find(|(_, l)| !l.trim().is_empty())
                .is_some_and(|(_, l)| indent_cols(l) >= 4 * (depth + 1));
            if body_follows && let Some(head) = indented_open(trimmed) {
                blank(&mut v, vat(0), vat(t.len()));
                if !head.is_empty() {
                    let off = t.find(head.as_str()).unwrap_or(ind);
                    out.inserts.push(Insert {
                        at: vat(0),
                        src: sat(off),
                        kind: BlockKind::Note,
                        text: head,
                    });
                }
                depth += 1;
                k += 1;
                continue;
            }
            if mdx_statement(trimmed) {
                blank(&mut v, vat(0), vat(t.len()));
                k += 1;
                continue;
            }
            if is_toc_line(trimmed) {
                blank(&mut v, vat(0), vat(t.len()));
                k += 1;
                continue;
            }
            // kramdown's `* TOC` over `{:toc}`.
            if matches!(trimmed.trim_end(), "* TOC" | "- TOC" | "1. TOC" | "+ TOC")
                && lines
                    .get(k + 1)
                    .is_some_and(|(_, l)| l.trim().replace(' ', "") == "{:toc}")
            {
                blank(&mut v, vat(0), vat(t.len()));
                k += 1;
                continue;
            }
        }
        // A template tag alone (after a Logseq bullet's `- `).
        let bullet = if trimmed.starts_with("- ") {
            ind + 2
        } else {
            ind
        };
        if let Some((name, caption)) = template_tag(&t[bullet..]) {
            blank(&mut v, vat(bullet), vat(t.len()));
            // A comment's content is hidden; so is a GitBook link card's (`{% content-ref
            // url="x.md" %}` over the link GitBook writes for it), which shows a page's
            // title, not the article's text.
            in_comment = HIDING_TAGS
                .iter()
                .find(|(open, _)| *open == name)
                .map(|(_, end)| *end);
            if let Some(c) = caption {
                let off = t.find(c.as_str()).unwrap_or(bullet);
                out.inserts.push(Insert {
                    at: vat(0),
                    src: sat(off),
                    kind: BlockKind::Caption,
                    text: c,
                });
            }
            k += 1;
            continue;
        }
        // Logseq's task keywords.
        if out.outline
            && trimmed.starts_with("- ")
            && let Some((n, done)) = task_keyword(&trimmed[2..])
        {
            // The keyword and its space moved to the line's end, as an indent is.
            let from = ind + 2;
            let word = n + 1;
            let rest = &t.as_bytes()[from + word..];
            v[vat(from)..vat(from) + rest.len()].copy_from_slice(rest);
            blank(&mut v, vat(from) + rest.len(), vat(t.len()));
            if out.shifts.last().is_some_and(|s| s.0 == start) {
                out.shifts.pop();
            }
            if from > 0 {
                out.shifts.push((vat(0), vat(from), cut));
            }
            out.shifts
                .push((vat(from), vat(from) + rest.len(), cut + word));
            out.tasks.push((vat(from), done));
            k += 1;
            continue;
        }
        // kramdown's attribute lists and extensions, a heading's attributes.
        blank_ials(&mut v, start, t, cut > 0, &mut out.shifts);
        blank_liquid_inline(&mut v, vat(0), t);
        k += 1;
    }
    blank_mdx_comments(&mut v, first_offset(&lines, first));
    out.inserts.sort_by_key(|i| i.at);
    if v != src.as_bytes() {
        // Only ASCII bytes were written, each over a whole character or within a line
        // of ASCII indentation and text moved whole: still UTF-8.
        out.view = String::from_utf8(v).ok();
    }
    out
}

fn first_offset(lines: &[(usize, &str)], k: usize) -> usize {
    lines.get(k).map_or(usize::MAX, |l| l.0)
}

/// `[[page]]` links of a Logseq value made their text.
fn strip_page_links(v: &str) -> String {
    v.trim().replace("[[", "").replace("]]", "")
}

/// A table of contents asked for where it stands.
fn is_toc_line(t: &str) -> bool {
    let t = t.trim().to_ascii_lowercase();
    matches!(
        t.as_str(),
        "[toc]" | "[[toc]]" | "[[_toc_]]" | "${toc}" | "{:toc}" | "[:toc]"
    )
}

/// Liquid's markup in a link's or an image's address (Jekyll's `[首页]({{ site.baseurl
/// }}/)`, `![]({{ "/a.png" | relative_url }})`, `({% post_url x %})`): a value the site
/// fills in when it builds the page, filled with `_` so that the link stays one and
/// shows its text (CommonMark ends an address at a space). Never inside a code span,
/// never Hugo's `{{< >}}`, `{{% %}}`.
fn blank_liquid_inline(v: &mut [u8], start: usize, t: &str) {
    let b = t.as_bytes();
    let mut i = 0;
    let mut code = false;
    while i + 1 < b.len() {
        if b[i] == b'`' {
            code = !code;
            i += 1;
            continue;
        }
        let tag = b[i] == b'{' && b[i + 1] == b'%';
        let output = b[i] == b'{' && b[i + 1] == b'{' && !matches!(b.get(i + 2), Some(b'<' | b'%'));
        if code || !(tag || output) {
            i += 1;
            continue;
        }
        let close: &[u8] = if tag { b"%}" } else { b"}}" };
        let Some(len) = memchr::memmem::find(&b[i + 2..], close) else {
            break;
        };
        let end = i + 2 + len + 2;
        let before = &t[..i];
        let in_address = before
            .rfind("](")
            .is_some_and(|p| !before[p + 2..].contains([')', ' ']));
        if in_address && t[i..end].is_ascii() {
            for c in &mut v[start + i..start + end] {
                *c = b'_';
            }
        }
        i = end;
    }
}

/// kramdown's `{: …}` / `{::…}` anywhere on the line (outside code spans), Pandoc's
/// attributes after an image, link, code or bracketed span, and a heading's trailing
/// `{#id .class}`, blanked.
fn blank_ials(
    v: &mut [u8],
    start: usize,
    t: &str,
    shifted: bool,
    shifts: &mut Vec<(usize, usize, usize)>,
) {
    let base = start;
    let mut i = 0;
    let mut code = false;
    let b = t.as_bytes();
    while i < b.len() {
        match b[i] {
            b'`' => code = !code,
            b'{' if !code && b.get(i + 1) == Some(&b':') => {
                if let Some(e) = t[i..].find('}') {
                    let inner = &t[i + 2..i + e];
                    if !inner.contains('{') && inner.is_ascii() {
                        blank(v, base + i, base + i + e + 1);
                        i += e + 1;
                        continue;
                    }
                }
            }
            // Pandoc's attributes on an image, a link or code (`![](a.png){width="5in"}`)
            // and its bracketed spans (`[一是]{.underline}`, the brackets too): markup.
            b'{' if !code && i > 0 && matches!(b[i - 1], b')' | b']' | b'`') => {
                if let Some(e) = t[i..].find('}')
                    && is_pandoc_attrs(&t[i + 1..i + e])
                {
                    // Made an empty tag of the same length (`<x   >`), which CommonMark
                    // reads as inline HTML and the reader drops: blanks would leave a
                    // space inside Chinese text. A span's text is moved one byte left,
                    // over its `[`, its `]` joining the tag.
                    let mut from = i;
                    if b[i - 1] == b']'
                        && !shifted
                        && let Some(open) = span_open(&b[..i - 1])
                    {
                        v.copy_within(base + open + 1..base + i - 1, base + open);
                        shifts.push((base + open, base + i - 2, 1));
                        from = i - 2;
                    }
                    let to = i + e + 1;
                    blank(v, base + from, base + to);
                    v[base + from] = b'<';
                    v[base + from + 1] = b'x';
                    v[base + to - 1] = b'>';
                    i = to;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    let tt = t.trim_end();
    if tt.trim_start().starts_with('#')
        && tt.ends_with('}')
        && let Some(o) = tt.rfind('{')
    {
        let inner = &tt[o + 1..tt.len() - 1];
        if inner.is_ascii()
            && inner
                .split_whitespace()
                .all(|w| w.starts_with(['#', '.']) || w.contains('='))
            && !inner.trim().is_empty()
            && tt[..o].ends_with(' ')
        {
            blank(v, base + o, base + tt.len());
        }
    }
}

/// Reads Pandoc's title block opening the file into `props` (authors, separated by
/// `;`, given as a list), blanks it, and returns the index of the line after it (0:
/// none). An Obsidian comment's `%%` opens none.
fn pandoc_title_block(lines: &[(usize, &str)], v: &mut [u8], props: &mut Vec<Prop>) -> usize {
    let opens = |l: &str| l.starts_with('%') && !l.starts_with("%%");
    if !lines.first().is_some_and(|(_, l)| l.starts_with("% ")) {
        return 0;
    }
    let mut k = 0;
    for key in ["title", "author", "date"] {
        let Some(&(s, l)) = lines.get(k).filter(|(_, l)| opens(l)) else {
            break;
        };
        let lt = &l[..content_len(l)];
        let lead = lt.len() - lt[1..].trim_start().len();
        let mut value = lt[lead..].trim_end().to_string();
        let mut j = k + 1;
        while let Some(&(_, m)) = lines.get(j)
            && m.starts_with([' ', '\t'])
            && !m.trim().is_empty()
        {
            value.push(if key == "author" { ';' } else { ' ' });
            value.push_str(m.trim());
            j += 1;
        }
        for &(ls, ll) in &lines[k..j] {
            blank(v, ls, ls + content_len(ll));
        }
        if key == "author" {
            value = value
                .split(';')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
        }
        if !value.is_empty() {
            props.push(Prop {
                key: key.to_string(),
                value,
                src: s + lead,
            });
        }
        k = j;
    }
    k
}

/// Pandoc's attributes inside `{…}`: `#id`, `.class` and `key=value` (the value
/// quoted, maybe with spaces), at least one, ASCII; never a raw block's `{=html}`.
fn is_pandoc_attrs(inner: &str) -> bool {
    let mut rest = inner.trim();
    if rest.is_empty() || !inner.is_ascii() {
        return false;
    }
    while !rest.is_empty() {
        let len = if let Some(r) = rest.strip_prefix(['#', '.']) {
            let n = r.find(|c: char| c.is_ascii_whitespace()).unwrap_or(r.len());
            if n == 0 || r[..n].contains(['=', '"', '{']) {
                return false;
            }
            n + 1
        } else {
            let Some(eq) = rest.find('=') else {
                return false;
            };
            if !is_word(&rest[..eq]) {
                return false;
            }
            let val = &rest[eq + 1..];
            let n = if let Some(q) = val.strip_prefix('"') {
                match q.find('"') {
                    Some(c) => c + 2,
                    None => return false,
                }
            } else {
                val.find(|c: char| c.is_ascii_whitespace())
                    .unwrap_or(val.len())
            };
            if n == 0 {
                return false;
            }
            eq + 1 + n
        };
        rest = rest[len..].trim_start();
    }
    true
}

/// Where the bracketed span closing at the end of `b` opens: its unmatched `[` (never
/// an image's `![`, nor an escaped `\[`).
fn span_open(b: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    for i in (0..b.len()).rev() {
        let escaped = i > 0 && b[i - 1] == b'\\';
        match b[i] {
            b']' if !escaped => depth += 1,
            b'[' if !escaped => {
                if depth == 0 {
                    return (i == 0 || b[i - 1] != b'!').then_some(i);
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    None
}

/// MDX's `{/* … */}` comments blanked in the view (over lines too), from `from` on.
fn blank_mdx_comments(v: &mut [u8], from: usize) {
    let mut at = from;
    while at < v.len()
        && let Some(i) = memchr::memmem::find(&v[at..], b"{/*")
    {
        let open = at + i;
        let Some(e) = memchr::memmem::find(&v[open..], b"*/}") else {
            break;
        };
        let close = open + e + 3;
        blank(v, open, close);
        at = close;
    }
}

/// The columns of a line's leading white space (a tab to the next multiple of 4).
fn indent_cols(t: &str) -> usize {
    let mut cols = 0;
    for b in t.bytes() {
        match b {
            b' ' => cols += 1,
            b'\t' => cols += 4 - cols % 4,
            _ => break,
        }
    }
    cols
}

/// The bytes of a line's leading white space that make up at most `want` columns.
fn bytes_for_cols(t: &str, want: usize) -> usize {
    let (mut cols, mut n) = (0, 0);
    for b in t.bytes() {
        let w = match b {
            b' ' => 1,
            b'\t' => 4 - cols % 4,
            _ => break,
        };
        if cols + w > want {
            break;
        }
        cols += w;
        n += 1;
    }
    n
}

/// The article field a page property's key names: `title`, `author`, `date`,
/// `column`, `source`, `subtitle`.
pub(crate) fn prop_field(key: &str) -> Option<&'static str> {
    let k = key.trim().to_lowercase();
    Some(match k.as_str() {
        "title" | "标题" | "標題" => "title",
        "author" | "authors" | "by" | "created by" | "作者" | "撰文" | "记者" | "記者" => {
            "author"
        }
        "date" | "created" | "published" | "publish date" | "日期" | "发布日期" | "發布日期"
        | "发布时间" | "發布時間" | "创建时间" | "建立時間" => "date",
        "category" | "column" | "section" | "栏目" | "欄目" | "分类" | "分類" | "专栏" | "專欄" => {
            "column"
        }
        "source" | "来源" | "來源" | "出处" | "出處" => "source",
        "subtitle" | "副题" | "副標題" | "副标题" => "subtitle",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_lines_and_their_titles() {
        let open = container_open;
        assert_eq!(
            open(":::tip[写在前面]"),
            Some((3, "tip".into(), "写在前面".into()))
        );
        assert_eq!(open("::: tip 提示"), Some((3, "tip".into(), "提示".into())));
        assert_eq!(open("::::info"), Some((4, "info".into(), String::new())));
        assert_eq!(
            open("::: {.callout-note title=\"说明\"}"),
            Some((3, "callout-note".into(), "说明".into()))
        );
        assert_eq!(open(":::这是正文"), None);
        assert_eq!(open("::tip"), None);
        assert_eq!(colons_only(" ::: "), Some(3));
        assert_eq!(colons_only(":::x"), None);
    }

    #[test]
    fn indented_box_lines() {
        assert_eq!(indented_open("!!! note \"标题\""), Some("标题".into()));
        assert_eq!(indented_open("??? warning"), Some("注意".into()));
        assert_eq!(
            indented_open("???+ info inline end \"说明\""),
            Some("说明".into())
        );
        assert_eq!(indented_open("!!! note \"\""), Some(String::new()));
        assert_eq!(indented_open("=== \"春天\""), Some("春天".into()));
        // A setext underline and text are no boxes.
        assert_eq!(indented_open("==="), None);
        assert_eq!(indented_open("!!! 真的吗"), None);
        assert_eq!(indented_open("!!!note"), None);
    }

    #[test]
    fn template_tags_and_their_captions() {
        assert_eq!(
            template_tag("{% include figure.html image=\"a.jpg\" caption=\"灯下的鞋。\" %}"),
            Some(("include".into(), Some("灯下的鞋。".into())))
        );
        assert_eq!(
            template_tag("{% asset_img big a.jpg 300 200 \"新换的鞋底\" %}"),
            Some(("asset_img".into(), Some("新换的鞋底".into())))
        );
        assert_eq!(
            template_tag("{% asset_img a.jpg 新换的鞋底 %}"),
            Some(("asset_img".into(), Some("新换的鞋底".into())))
        );
        assert_eq!(
            template_tag("{{ figure(src=\"a.jpg\", caption=\"渡船\", credit=\"葛云 摄\") }}"),
            Some(("figure".into(), Some("渡船 葛云 摄".into())))
        );
        assert_eq!(
            template_tag("{{embed ((6543))}}"),
            Some(("embed".into(), None))
        );
        // Hugo's are the parser's own; text with braces is text.
        assert_eq!(
            template_tag("{{#include ../intro-note.md}}"),
            Some(("include".to_string(), None))
        );
        assert_eq!(
            template_tag("{% content-ref url=\"chapter4.md\" %}"),
            Some(("content-ref".to_string(), None))
        );
        assert_eq!(template_tag("{{< figure src=\"a.jpg\" >}}"), None);
        assert_eq!(template_tag("{% 半句 %} 后文"), None);
    }

    #[test]
    fn only_a_page_of_bullets_is_an_outline() {
        assert!(prepare("title:: 题\n\n- 一\n  id:: x\n\t- 二\n").outline);
        // Inline fields in a note of paragraphs (Dataview's) make no outline.
        let p = prepare("正文一段。\n\nrating:: 9\n\n- 清单\n");
        assert!(!p.outline);
        assert!(p.view.is_some_and(|v| !v.contains("rating")));
    }

    #[test]
    fn statements_and_properties() {
        assert!(mdx_statement("import Tabs from '@theme/Tabs';"));
        assert!(mdx_statement("import {A, B} from \"./x\""));
        assert!(mdx_statement("export const meta = {tags: ['乡村']};"));
        assert!(!mdx_statement("import duties rose last year"));
        assert!(!mdx_statement("export 出口增长了三成"));
        assert_eq!(logseq_prop("title:: 题"), Some(("title", 8)));
        assert_eq!(logseq_prop("  id:: 65a0"), Some(("id", 7)));
        assert_eq!(logseq_prop("注意:: 这里"), None);
        assert_eq!(logseq_prop("std::io"), None);
        assert_eq!(notion_prop("作者: 邵北辰").map(|p| p.0), Some("作者"));
        assert_eq!(notion_prop("他说，今天: 好"), None);
        assert_eq!(prop_field("Created by"), Some("author"));
        assert_eq!(prop_field("状态"), None);
    }

    #[test]
    fn the_view_keeps_length_and_lines_and_maps_offsets_back() {
        let src = "# 题\n\n!!! note \"说明\"\n    正文,一行。\r\n\n- 一项\n";
        let p = prepare(src);
        let view = p.view.as_deref().expect("changed");
        assert_eq!(view.len(), src.len());
        let ends = |s: &str| s.match_indices('\n').map(|m| m.0).collect::<Vec<_>>();
        assert_eq!(ends(view), ends(src));
        // The body's text stands at the line's start in the view, behind its indent
        // in the source.
        let at = view.find("正文").expect("body");
        assert_eq!(&src[p.source_offset(at)..][..6], "正文");
        assert_eq!(p.inserts[0].text, "说明");
        assert_eq!(&src[p.inserts[0].src..][..6], "说明");
        // A Logseq page's task keyword moved to the line's end.
        let src = "title:: 题\n\n- TODO 待办\n\t- DONE 办完\n";
        let p = prepare(src);
        let view = p.view.as_deref().expect("changed");
        for text in ["待办", "办完"] {
            let at = view.find(text).expect("task");
            assert_eq!(&src[p.source_offset(at)..][..6], text);
        }
        assert_eq!(p.tasks.len(), 2);
        // Nothing to do: no view.
        assert!(prepare("# 题\n\n正文。\n").view.is_none());
        // A line that starts as a box does but has no indented body is text.
        assert!(prepare("!!! wow\n\n下一段。\n").view.is_none());
    }

    proptest::proptest! {
        #[test]
        fn any_text_keeps_its_length_lines_and_characters(
            lines in proptest::collection::vec(
                proptest::sample::select(vec![
                    ":::tip[题]", ":::", "::: note", "!!! note \"题\"", "    正文", "\t正文",
                    "=== \"标签\"", "- TODO 事", "title:: 题", "作者: 甲", "{% include x caption=\"图\" %}",
                    "{{ f(caption=\"图\") }}", "{/* 注 */}", "```", "正文，一句。", "", "  ", "{: .x}",
                    "* TOC", "{:toc}", "# 题", "import A from 'a'", "> [!NOTE]",
                ]),
                0..24,
            )
        ) {
            let src = lines.join("\n");
            let p = prepare(&src);
            if let Some(view) = &p.view {
                proptest::prop_assert_eq!(view.len(), src.len());
                for (a, b) in view.bytes().zip(src.bytes()) {
                    proptest::prop_assert_eq!(a == b'\n', b == b'\n');
                }
                for s in &p.shifts {
                    proptest::prop_assert!(s.1 + s.2 <= src.len());
                    proptest::prop_assert!(src.is_char_boundary(s.0 + s.2));
                }
            }
            for i in &p.inserts {
                proptest::prop_assert!(src.is_char_boundary(i.src) && i.src <= src.len());
            }
        }
    }
}
