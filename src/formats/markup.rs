//! What the formats with markup (HTML, Markdown, EPUB) share: where a block stands in the
//! source ([`SourcePos`], [`LineIndex`]), the builder that puts the extracted text in one
//! buffer of its own and makes the blocks slices of it ([`Builder`]), and the rules on
//! the kinds of text a page holds — a caption's credit ([`split_credit`]), an info line
//! under the headline ([`parse_info`]), an editor's note ([`is_note`]), a bold line that
//! is a pull quote or a byline rather than a subhead ([`bold_line_is_heading`]).
//!
//! The shown text of a page is not a slice of its source (entities, markup, white
//! space): [`Builder`] copies it once into an `Arc<String>` and every block, credit and
//! header is a range of that, while each block keeps the source line (and byte offset)
//! of the element it came from, so `check` findings and jumps point into the file.

use std::ops::Range;
use std::sync::Arc;

use crate::article::{Article, Block, BlockKind, Credit, HeaderLine, LineNo, Part, SharedStr};
use crate::formats::text::is_han;

/// Where an element starts in the source file: its byte offset and its 1-based line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct SourcePos {
    /// Byte offset in the decoded source text.
    pub offset: usize,
    /// 1-based line.
    pub line: LineNo,
}

/// Where each line of a source starts (4 bytes a line), to turn a byte offset into a
/// line or a line into the offset of its start — the one place positions are made.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<u32>,
}

impl LineIndex {
    /// The lines of `text` (`\n` ends a line; a `\r\n` pair counts once).
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0u32];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| (i + 1) as u32));
        LineIndex { starts }
    }

    /// The position of byte `offset`.
    pub(crate) fn at_offset(&self, offset: usize) -> SourcePos {
        let line = self.starts.partition_point(|&s| s as usize <= offset);
        SourcePos {
            offset,
            line: line.max(1),
        }
    }

    /// The position of the start of 1-based `line` (clamped to the last line).
    pub(crate) fn at_line(&self, line: LineNo) -> SourcePos {
        let line = line.clamp(1, self.starts.len());
        SourcePos {
            offset: self.starts[line - 1] as usize,
            line,
        }
    }
}

/// A credit found at the end of a caption: the name and the credit as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundCredit {
    pub name: String,
    pub printed: String,
}

struct Draft {
    kind: BlockKind,
    text: Range<usize>,
    pos: SourcePos,
    credit: Option<(Range<usize>, Range<usize>, SourcePos)>,
}

/// The article's header fields, each with the source position it came from.
#[derive(Debug, Clone, Default)]
pub(crate) struct Header {
    pub title: Option<(String, SourcePos)>,
    pub byline: Option<(String, SourcePos)>,
    pub authors: Vec<String>,
    pub source: Option<(String, SourcePos)>,
    pub date: Option<(String, SourcePos)>,
    pub column: Option<(String, SourcePos)>,
}

/// Collects blocks in reading order into one text buffer.
#[derive(Default)]
pub(crate) struct Builder {
    text: String,
    drafts: Vec<Draft>,
}

impl Builder {
    pub fn new() -> Builder {
        Builder::default()
    }

    /// Adds a block of `kind` with `text` (empty text adds nothing).
    pub fn push(&mut self, kind: BlockKind, text: &str, pos: SourcePos) {
        if text.is_empty() {
            return;
        }
        let range = self.put(text);
        self.drafts.push(Draft {
            kind,
            text: range,
            pos,
            credit: None,
        });
    }

    /// Adds a caption, its credit split off when it ends in one ([`split_credit`]).
    pub(crate) fn push_caption(&mut self, text: &str, pos: SourcePos) {
        let (caption, credit) = split_credit(text);
        match credit {
            Some(c) if !caption.is_empty() => {
                let text = self.put(caption);
                let printed = self.put(&c.printed);
                let name = self.put(&c.name);
                self.drafts.push(Draft {
                    kind: BlockKind::Caption,
                    text,
                    pos,
                    credit: Some((name, printed, pos)),
                });
            }
            _ => self.push(BlockKind::Caption, text, pos),
        }
    }

    fn put(&mut self, s: &str) -> Range<usize> {
        let start = self.text.len();
        self.text.push_str(s);
        start..self.text.len()
    }

    /// How many blocks there are.
    pub fn len(&self) -> usize {
        self.drafts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.drafts.is_empty()
    }

    /// The article: the blocks as slices of one buffer, the header as given.
    pub fn finish(self, header: Header) -> Article {
        let buf = Arc::new(self.text);
        let blocks = self
            .drafts
            .into_iter()
            .map(|d| Block {
                kind: d.kind,
                text: SharedStr::range_of(&buf, d.text),
                parts: vec![part_at(d.pos)].into(),
                credit: d.credit.map(|(name, printed, pos)| {
                    Box::new(Credit {
                        name: SharedStr::range_of(&buf, name),
                        text: SharedStr::range_of(&buf, printed),
                        src: to_u32(pos.offset),
                    })
                }),
                file: 0,
            })
            .collect();
        let line =
            |h: Option<(String, SourcePos)>| h.map(|(text, pos)| HeaderLine::new(text, pos.offset));
        Article {
            title: line(header.title),
            byline: line(header.byline),
            authors: header.authors,
            source: line(header.source),
            date: line(header.date),
            column: line(header.column),
            blocks,
            ..Article::default()
        }
    }
}

/// The part a block starts with: where positions become the model's (the element's
/// byte offset in the source; [`anchor_text`] moves it onto the text where it stands).
fn part_at(pos: SourcePos) -> Part {
    Part::new(0, pos.offset)
}

/// A byte offset as the model keeps it (sources are at most `u32::MAX` bytes).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Moves each block's start from its element to where the block's first characters
/// stand in `source`, when they stand there as they are on the element's line (not
/// behind an entity or markup): `check` then gives the column of the text, not of the
/// tag. A block whose text is not found keeps the element's offset.
pub(crate) fn anchor_text(article: &mut Article, source: &str) {
    for b in &mut article.blocks {
        let Some(first) = b.parts.as_slice().first().copied() else {
            continue;
        };
        let at = first.src();
        let Some(rest) = source.get(at..) else {
            continue;
        };
        let line = &rest[..crate::text::lines::line_end(rest, 0).0];
        let text = b.text.as_str();
        let end = text.char_indices().nth(4).map_or(text.len(), |(i, _)| i);
        if end == 0 {
            continue;
        }
        if let Some(found) = line.find(&text[..end]) {
            let mut parts = b.parts.as_slice().to_vec();
            parts[0] = Part::new(0, at + found);
            b.parts = parts.into();
        }
    }
}

/// White space as HTML collapses it: runs of ASCII white space become one space, none
/// at all where a line break stood between two Chinese characters (CSS Text's segment
/// break rule), none at the ends. U+3000 and no-break spaces are kept inside, trimmed
/// at the ends.
pub(crate) fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending: Option<bool> = None; // Some(had a line break)
    for c in s.chars() {
        if c.is_ascii_whitespace() {
            let br = c == '\n' || c == '\r';
            pending = Some(pending.unwrap_or(false) || br);
            continue;
        }
        if let Some(br) = pending.take() {
            let prev = out.chars().next_back();
            let cjk = |c: char| is_han(c) || is_wide_punct(c);
            let drop = br && prev.is_some_and(cjk) && cjk(c);
            if !out.is_empty() && !drop {
                out.push(' ');
            }
        }
        out.push(c);
    }
    trim_text(&out).to_string()
}

/// `s` without white space at its ends, ideographic and no-break spaces included.
pub(crate) fn trim_text(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}')
}

fn is_wide_punct(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '“' | '”' | '‘' | '’' | '…' | '—')
}

/// Marks that end a sentence or clause, where a credit after them starts.
const CLAUSE_END: &[char] = &['。', '！', '？', '；', '.', '!', '?', ';', '）', ')'];

/// Words before a photographer's name that are a role, not the name.
const CREDIT_ROLES: &[&str] = &[
    "新华社记者",
    "新华社发",
    "本报记者",
    "特约记者",
    "通讯员",
    "记者",
    "摄影",
    "图片",
    "图",
    "本報記者",
    "記者",
    "通訊員",
    "攝影",
    "圖片",
    "圖",
];

/// A caption that ends with its credit — "…果篮。 林小雨 摄", "…出发。许帆/摄", "…（张三
/// 摄）", "…。图/李四", "…。摄影：王五" — split into the caption and the credit (name
/// and the credit as printed). The credit is what follows the caption's last sentence
/// mark (or a space), at most 24 characters.
pub(crate) fn split_credit(text: &str) -> (&str, Option<FoundCredit>) {
    let text = trim_text(text);
    let body = text
        .strip_suffix(['）', ')'])
        .map(trim_text)
        .unwrap_or(text);
    let paren = body.len() != text.len();
    // Suffix form: NAME 摄 / NAME/摄 / NAME 摄影 / NAME 供图.
    let suffix = ["摄影", "摄", "供图", "攝影", "攝", "提供"]
        .into_iter()
        .find_map(|s| body.strip_suffix(s).map(|rest| (rest, s)));
    let (start, name) = if let Some((rest, _)) = suffix {
        let rest = rest.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '/' | '／' | '\u{3000}' | '\u{a0}')
        });
        let start = if paren {
            match rest.rfind(['（', '(']) {
                Some(i) => i,
                None => return (text, None),
            }
        } else {
            credit_start(rest)
        };
        (
            start,
            rest[start..].trim_start_matches(['（', '(']).to_string(),
        )
    } else {
        // Prefix form after the caption: 图/NAME, 摄影：NAME, 图片来源：NAME.
        let start = credit_start(body);
        let tail = trim_text(&body[start..]);
        let label = [
            "图片来源",
            "圖片來源",
            "摄影",
            "攝影",
            "图",
            "圖",
            "来源",
            "來源",
            "资料图",
            "資料照",
        ]
        .into_iter()
        .find_map(|l| tail.strip_prefix(l))
        .and_then(|r| r.strip_prefix(['/', '／', '：', ':', '｜', '|']));
        match label {
            Some(name) => (start, name.to_string()),
            None => return (text, None),
        }
    };
    let mut name = trim_text(&name).to_string();
    // "西湾日报记者 孟 川", "新华社发 （王五 摄）": the name is what follows the role.
    for role in CREDIT_ROLES {
        if let Some(i) = name.rfind(role) {
            let rest = trim_text(&name[i + role.len()..]);
            if !rest.is_empty() {
                name = rest.to_string();
            }
        }
    }
    let name = squeeze_name(&name);
    let printed = trim_text(&text[start..]);
    let n = name.chars().count();
    if !(2..=16).contains(&n) || printed.chars().count() > 24 || name.contains(CLAUSE_END) {
        return (text, None);
    }
    let caption = trim_text(&text[..start]);
    (
        caption,
        Some(FoundCredit {
            name,
            printed: printed.to_string(),
        }),
    )
}

/// Where a credit at the end of `s` starts: after the last clause-ending mark, else
/// after the last space (a caption with no closing mark), else 0.
fn credit_start(s: &str) -> usize {
    let tail_from = |i: usize| {
        s[i..]
            .char_indices()
            .find(|(_, c)| !c.is_whitespace() && *c != '\u{3000}' && *c != '\u{a0}')
            .map_or(s.len(), |(j, _)| i + j)
    };
    if let Some((i, c)) = s.char_indices().rev().find(|(_, c)| CLAUSE_END.contains(c)) {
        return tail_from(i + c.len_utf8());
    }
    match s.rfind(|c: char| c.is_whitespace() || c == '\u{3000}') {
        Some(i) => {
            // A name padded with one space ("许 帆") keeps both halves.
            let before = s[..i].trim_end();
            let last = before.rsplit(char::is_whitespace).next().unwrap_or("");
            let cut = if last.chars().count() == 1 && s[i..].trim().chars().count() == 1 {
                before.len() - last.len()
            } else {
                i
            };
            tail_from(cut)
        }
        None => 0,
    }
}

/// A person's name with its padding removed: "高  远" → "高远", "周 航" → "周航"; Latin
/// names keep single spaces.
pub(crate) fn squeeze_name(s: &str) -> String {
    let parts: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}')
        .filter(|p| !p.is_empty())
        .collect();
    let han = |p: &&str| p.chars().all(is_han);
    if parts.iter().all(han) {
        parts.concat()
    } else {
        parts.join(" ")
    }
}

/// What an info line under a headline says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Info {
    pub date: Option<String>,
    pub source: Option<String>,
    pub authors: Vec<String>,
}

/// Labels before the authors' names in a byline or info line.
const AUTHOR_LABELS: &[&str] = &[
    "本报记者",
    "特约记者",
    "见习记者",
    "实习记者",
    "记者",
    "本報記者",
    "記者",
    "通讯员",
    "通訊員",
    "实习生",
    "作者",
    "撰文",
    "文字",
    "文",
];

/// Labels of people who are not the article's authors (their names are skipped).
const OTHER_LABELS: &[&str] = &[
    "责任编辑",
    "编辑",
    "责编",
    "校对",
    "审核",
    "摄影",
    "图片",
    "图",
    "视频",
    "制图",
    "设计",
    "统筹",
    "监制",
    "主编",
    "責任編輯",
    "編輯",
    "攝影",
    "圖片",
    "圖",
    "影音",
    "製圖",
];

/// Labels before the publication.
const SOURCE_LABELS: &[&str] = &["来源", "出处", "稿源", "來源", "出處"];

/// Labels before the date.
const DATE_LABELS: &[&str] = &[
    "发布时间",
    "发表时间",
    "时间",
    "日期",
    "发布日期",
    "發布時間",
    "發佈時間",
    "時間",
    "更新時間",
];

/// Reads an info line — "2026-11-20 08:30 来源：东海日报 记者 林小雨 通讯员 高 远",
/// "文｜周 航　图｜许 帆", "作者：张三 | 2026年5月1日" — into its date, source and
/// authors. `None` when it is not one: longer than 120 characters, a sentence, or
/// with none of the three.
pub(crate) fn parse_info(line: &str) -> Option<Info> {
    let line = trim_text(line);
    if line.chars().count() > 120 || line.ends_with(['。', '！', '？']) {
        return None;
    }
    let mut info = Info {
        date: find_date(line),
        ..Info::default()
    };
    // Tokens: runs between spaces and separators; a token ended by a separator is a
    // label when it is one of the known words or one or two characters long.
    let mut tokens: Vec<(&str, bool)> = Vec::new();
    let mut start = 0;
    let seps = |c: char| {
        matches!(
            c,
            '：' | ':' | '｜' | '|' | '/' | '／' | '丨' | '】' | '【' | '[' | ']' | '、' | '，'
        )
    };
    for (i, c) in line.char_indices() {
        let ws = c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}';
        if ws || seps(c) {
            if start < i {
                tokens.push((&line[start..i], seps(c)));
            } else if seps(c)
                && let Some(last) = tokens.last_mut()
            {
                last.1 = true;
            }
            start = i + c.len_utf8();
        }
    }
    if start < line.len() {
        tokens.push((&line[start..], false));
    }
    #[derive(PartialEq)]
    enum Mode {
        None,
        Authors,
        Others,
        Source,
        Date,
    }
    let mut mode = Mode::None;
    let mut names: Vec<&str> = Vec::new();
    let flush = |names: &mut Vec<&str>, out: &mut Vec<String>| {
        let mut i = 0;
        while i < names.len() {
            let one = |t: &str| t.chars().count() == 1;
            if one(names[i]) && i + 1 < names.len() && one(names[i + 1]) {
                out.push(format!("{}{}", names[i], names[i + 1]));
                i += 2;
            } else {
                out.push(names[i].to_string());
                i += 1;
            }
        }
        names.clear();
    };
    let mut labelled = false;
    for (tok, sep) in tokens {
        let label = |list: &[&str]| list.contains(&tok);
        // "记者林小雨": a role word fused with the name.
        let fused = AUTHOR_LABELS[..9].iter().find_map(|l| {
            tok.strip_prefix(l)
                .filter(|r| !r.is_empty() && r.chars().all(is_han))
        });
        if label(AUTHOR_LABELS) && (sep || tok.chars().count() > 1) {
            flush(&mut names, &mut info.authors);
            mode = Mode::Authors;
            labelled = true;
        } else if let Some(name) = fused {
            flush(&mut names, &mut info.authors);
            mode = Mode::Authors;
            labelled = true;
            names.push(name);
        } else if label(OTHER_LABELS) && (sep || tok.chars().count() > 1) {
            flush(&mut names, &mut info.authors);
            mode = Mode::Others;
            labelled = true;
        } else if label(SOURCE_LABELS) && sep {
            flush(&mut names, &mut info.authors);
            mode = Mode::Source;
            labelled = true;
        } else if label(DATE_LABELS) && sep {
            flush(&mut names, &mut info.authors);
            mode = Mode::Date;
            labelled = true;
        } else {
            match mode {
                // "台北報導", "北京电": a dateline, not a name.
                Mode::Authors
                    if tok.chars().all(is_han)
                        && tok.chars().count() <= 4
                        && !["报道", "報導", "报导", "电", "電", "讯", "訊"]
                            .iter()
                            .any(|d| tok.ends_with(d)) =>
                {
                    names.push(tok)
                }
                Mode::Source if info.source.is_none() => {
                    info.source = Some(tok.to_string());
                    mode = Mode::None;
                }
                Mode::Date | Mode::Others => {}
                _ => {
                    flush(&mut names, &mut info.authors);
                    if mode != Mode::Date {
                        mode = Mode::None;
                    }
                }
            }
        }
    }
    flush(&mut names, &mut info.authors);
    let any = info.date.is_some() || info.source.is_some() || !info.authors.is_empty();
    (any && (labelled || info.date.is_some())).then_some(info)
}

/// The authors a dateline at the start of a paragraph names: "新华社北京11月20日电（记者
/// 张三、李四）", "〔記者林美玲／台南報導〕", "本报讯（记者 王五）". Looked for in the
/// first 60 characters; the paragraph is left as it is.
pub(crate) fn dateline_authors(paragraph: &str) -> Vec<String> {
    let head: String = paragraph.chars().take(60).collect();
    let Some(open) = head.find(['〔', '（', '(', '【']) else {
        return Vec::new();
    };
    let rest = &head[open + head[open..].chars().next().map_or(1, char::len_utf8)..];
    let Some(close) = rest.find(['〕', '）', ')', '】']) else {
        return Vec::new();
    };
    parse_info(&rest[..close])
        .map(|i| i.authors)
        .unwrap_or_default()
}

/// The first date in `s`: 2026-11-20, 2026/11/20, 2026.11.20 or 2026年11月20日, with a
/// time after it (08:30, 08:30:15) when there is one.
pub(crate) fn find_date(s: &str) -> Option<String> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let digits = |from: usize, min: usize, max: usize| -> Option<usize> {
        let n = chars[from..]
            .iter()
            .take_while(|(_, c)| c.is_ascii_digit())
            .count();
        (min..=max).contains(&n).then_some(from + n)
    };
    for i in 0..chars.len() {
        if i > 0 && chars[i - 1].1.is_ascii_digit() {
            continue;
        }
        let Some(y) = digits(i, 4, 4) else { continue };
        let Some(&(_, sep1)) = chars.get(y) else {
            continue;
        };
        if !matches!(sep1, '-' | '/' | '.' | '年') {
            continue;
        }
        let Some(m) = digits(y + 1, 1, 2) else {
            continue;
        };
        let Some(&(_, sep2)) = chars.get(m) else {
            continue;
        };
        let want = if sep1 == '年' { '月' } else { sep1 };
        if sep2 != want {
            continue;
        }
        let Some(mut end) = digits(m + 1, 1, 2) else {
            continue;
        };
        if sep1 == '年' && chars.get(end).is_some_and(|c| c.1 == '日') {
            end += 1;
        }
        // A time after a space.
        let mut j = end;
        while chars.get(j).is_some_and(|c| c.1 == ' ' || c.1 == '\u{a0}') {
            j += 1;
        }
        if (j > end || sep1 == '年')
            && let Some(h) = digits(j, 1, 2)
            && chars.get(h).is_some_and(|c| c.1 == ':')
            && let Some(mut t) = digits(h + 1, 2, 2)
        {
            if chars.get(t).is_some_and(|c| c.1 == ':')
                && let Some(sec) = digits(t + 1, 2, 2)
            {
                t = sec;
            }
            end = t;
        }
        let from = chars[i].0;
        let to = chars.get(end).map_or(s.len(), |c| c.0);
        return Some(s[from..to].to_string());
    }
    None
}

/// Words an editor's line or end mark starts with.
const NOTE_WORDS: &[&str] = &[
    "责任编辑",
    "责编",
    "编辑",
    "校对",
    "审核",
    "审校",
    "值班编辑",
    "编审",
    "原标题",
    "本文来源",
    "本文系",
    "作者单位",
    "全文完",
    "完",
    "責任編輯",
    "責編",
    "編輯",
    "原標題",
    "全文完",
];

/// An editor's line or end mark: "（责任编辑：王 丽）", "责编：李四", "（完）", "【编辑：…】".
pub(crate) fn is_note(text: &str) -> bool {
    let t = trim_text(text);
    if t.chars().count() > 60 {
        return false;
    }
    let inner = t
        .strip_prefix(['（', '(', '【', '['])
        .and_then(|r| r.strip_suffix(['）', ')', '】', ']']))
        .map(trim_text);
    let words = |s: &str| {
        NOTE_WORDS.iter().any(|w| {
            s.strip_prefix(w).is_some_and(|r| {
                r.is_empty() || r.starts_with(['：', ':', ' ', '\u{3000}', '/', '｜'])
            })
        })
    };
    match inner {
        Some(inner) => words(inner),
        None => words(t) && t != "完" && t.contains(['：', ':']),
    }
}

/// Whether a paragraph that is all bold is a subhead: short, not a quotation (a pull
/// quote), not a byline ("文｜周航"), not a sentence (ending in 。？！ or a clause
/// mark), not an interview's question ("问：…", "記者問：…", "Q: …").
pub(crate) fn bold_line_is_heading(text: &str) -> bool {
    let t = trim_text(text);
    let n = t.chars().count();
    if n == 0 || n > 30 {
        return false;
    }
    // A pull quote opens with its quotation mark; a subhead may end with a quoted word.
    let quoted = t.starts_with(['“', '「', '"', '『', '‘']);
    let sentence = t
        .trim_end_matches(['”', '」', '』', '’', '"', '）', ')'])
        .ends_with(['。', '，', '；', '：', ':', ',', '？', '?', '！', '!']);
    !quoted && !sentence && !is_question(t) && parse_info(t).is_none() && !is_note(t)
}

/// Who asks and answers in an interview, before the colon: 问, 答, 記者問, Q, A.
const INTERVIEW_LABELS: &[&str] = &[
    "问",
    "答",
    "問",
    "记者",
    "記者",
    "记者问",
    "記者問",
    "主持人",
    "Q",
    "A",
    "q",
    "a",
];

/// An interview's question or answer as its speaker's label opens it: "问：…",
/// "記者問：…", "Q: …", "Q1：…".
fn is_question(t: &str) -> bool {
    let Some(colon) = t.find(['：', ':']) else {
        return false;
    };
    let label = trim_text(&t[..colon]).trim_end_matches(|c: char| c.is_ascii_digit());
    INTERVIEW_LABELS.contains(&label)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_in_the_forms_pages_print_them() {
        let c = |s| split_credit(s);
        let (t, cr) = c("青石镇老街上，竹编艺人正在编织果篮。 林小雨 摄");
        assert_eq!(t, "青石镇老街上，竹编艺人正在编织果篮。");
        assert_eq!(
            cr.map(|c| (c.name, c.printed)),
            Some(("林小雨".into(), "林小雨 摄".into()))
        );
        let (t, cr) = c("每月初，“书船”从码头出发。许帆/摄");
        assert_eq!(t, "每月初，“书船”从码头出发。");
        assert_eq!(cr.map(|c| c.name), Some("许帆".into()));
        let (t, cr) = c("游客在老街上拍照（新华社记者 王小明 摄）");
        assert_eq!(t, "游客在老街上拍照");
        assert_eq!(cr.map(|c| c.name), Some("王小明".into()));
        let (t, cr) = c("乘客在夜班公交上翻看图书。西湾日报记者 孟 川 摄");
        assert_eq!(t, "乘客在夜班公交上翻看图书。");
        assert_eq!(cr.map(|c| c.name), Some("孟川".into()));
        let (t, cr) = c("渔船归港。图/李 四");
        assert_eq!(t, "渔船归港。");
        assert_eq!(cr.map(|c| c.name), Some("李四".into()));
        let (t, cr) = c("夜色中的码头 陈 醉 摄");
        assert_eq!(t, "夜色中的码头");
        assert_eq!(cr.map(|c| c.name), Some("陈醉".into()));
        let (t, cr) = c("老街的夜市人潮湧現。記者王小明／攝影");
        assert_eq!(t, "老街的夜市人潮湧現。");
        assert_eq!(cr.map(|c| c.name), Some("王小明".into()));
        let (t, cr) = c("老書店重新開張，店主在櫃台前整理新到的舊書。記者林美玲／攝影");
        assert_eq!(t, "老書店重新開張，店主在櫃台前整理新到的舊書。");
        assert_eq!(cr.map(|c| c.name), Some("林美玲".into()));
        let (t, cr) = c("市民在河堤散步。（記者陳大同攝）");
        assert_eq!(t, "市民在河堤散步。");
        assert_eq!(cr.map(|c| c.name), Some("陳大同".into()));
        // No credit: the caption stays whole.
        assert_eq!(
            c("工人在车间里检查零件。"),
            ("工人在车间里检查零件。", None)
        );
        assert_eq!(c("他说：“我们要拍摄。”").1, None);
    }

    #[test]
    fn info_lines_give_date_source_and_authors() {
        let i = parse_info("2026-11-20 08:30 来源：东海日报 记者 林小雨 通讯员 高\u{a0}\u{a0}远")
            .expect("an info line");
        assert_eq!(i.date.as_deref(), Some("2026-11-20 08:30"));
        assert_eq!(i.source.as_deref(), Some("东海日报"));
        assert_eq!(i.authors, ["林小雨", "高远"]);
        let i = parse_info("文｜周 航　图｜许 帆").expect("a byline");
        assert_eq!(i.authors, ["周航"]);
        let i = parse_info("作者：张三 | 2026年5月1日 | 来源：南方晨报").expect("info");
        assert_eq!(i.authors, ["张三"]);
        assert_eq!(i.date.as_deref(), Some("2026年5月1日"));
        assert_eq!(i.source.as_deref(), Some("南方晨报"));
        let i = parse_info("記者林美玲／台北報導").expect("a Traditional byline");
        assert_eq!(i.authors, ["林美玲"]);
        assert_eq!(parse_info("镇上的年轻人帮着拍视频、开网店。"), None);
        assert_eq!(
            dateline_authors("新华社北京11月20日电（记者张三、李四）清晨，渡口。"),
            ["张三", "李四"]
        );
        assert_eq!(
            dateline_authors("〔記者林美玲／台南報導〕老街上的書店。"),
            ["林美玲"]
        );
        assert!(dateline_authors("他说（笑）这很好。").is_empty());
        assert_eq!(parse_info("老手艺有了新买家"), None);
    }

    #[test]
    fn notes_and_bold_lines() {
        assert!(is_note("（责任编辑：王 丽）"));
        assert!(is_note("（完）"));
        assert!(is_note("责编：李四"));
        assert!(!is_note("编辑部的故事很长。"));
        assert!(bold_line_is_heading("年轻人回来了"));
        assert!(!bold_line_is_heading("“孩子们最爱看漫画版的《西游记》。”"));
        assert!(!bold_line_is_heading("文｜周 航　图｜许 帆"));
        assert!(bold_line_is_heading("从“听科学”到“做科学”"));
        // Interview questions and sentences are not subheads.
        assert!(!bold_line_is_heading("问：当年为什么会选择来这里？"));
        assert!(!bold_line_is_heading("記者問：老店怎麼傳下去"));
        assert!(!bold_line_is_heading("Q1: 为什么回到山里"));
        assert!(!bold_line_is_heading("他们终于回来了！"));
        assert!(!bold_line_is_heading("谁来接这一班？"));
        assert!(!bold_line_is_heading("“我不走了。”"));
        assert!(bold_line_is_heading("二、问路"));
        assert!(bold_line_is_heading("Q弹的米粉"));
    }

    #[test]
    fn white_space_collapses_as_a_browser_does() {
        assert_eq!(collapse_ws("  走进\n  老街， a\n b  "), "走进老街， a b");
        assert_eq!(collapse_ws("\u{3000}\u{3000}正文"), "正文");
    }

    #[test]
    fn positions_by_offset_and_by_line_agree() {
        let text = "a\nbc\n\nd";
        let idx = LineIndex::new(text);
        assert_eq!(idx.at_offset(0).line, 1);
        assert_eq!(idx.at_offset(2).line, 2);
        assert_eq!(idx.at_offset(6).line, 4);
        assert_eq!(idx.at_line(4), SourcePos { offset: 6, line: 4 });
        assert_eq!(idx.at_line(99).line, 4);
    }
}
