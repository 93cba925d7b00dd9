//! What each line and unit of the body is: heading, paragraph, caption, note or byline,
//! from its own shape and its neighbours'.
//!
//! A line's own shape ([`line_kind`]) names the furniture of a newspaper page that has a
//! printed form: credits, notes (（完）, （本报记者X整理）, 责任编辑：X), bylines marked by
//! a role word, datelines, box heads (核心阅读, 延伸阅读, 编者按…), numbered heads (一、
//! （一） 1. 第一部分), letter-spaced heads (引 子), subtitles (——…), column tags (【…】)
//! and captions that say they are one (图为…, 上图：…). Any other short line without a
//! sentence-final mark is a *label*: a heading when body text follows it, a caption when
//! it stands in the middle of a sentence or among other labels ([`classify`]).

use super::credits::{credit_only, trailing_credit};
use super::header::dateline_len;
use super::lines::Unit;
use super::{ends_sentence, is_han, is_short, leaves_quote_open};
use crate::text::forms::{HEAD_ORNAMENTS, byline, is_box_head, is_letter_spaced};

/// Lines longer than this (in characters) are body text whatever they start with, except
/// a caption that says it is one.
const FURNITURE_CHARS: usize = 64;

/// A caption that says it is one is at most this many characters.
const CAPTION_CHARS: usize = 200;

/// A label (a heading or caption without a mark of its own) longer than this many
/// characters has no comma inside: a longer line with one is a sentence cut short.
const LABEL_WITH_COMMA_CHARS: usize = 14;

/// A heading ending in ？ or ！ is at most this many characters.
const QUESTION_HEAD_CHARS: usize = 20;

/// What a line is by its own shape (see the module's documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Nothing but a photograph's credit.
    Credit,
    /// A note: （完）, （本报记者X整理）, （原题为《…》）, 责任编辑：X, 版式设计：X.
    Note,
    /// A byline marked as one (a role word, 报道, brackets).
    Byline,
    /// Nothing but a dateline (本报北京2月1日电), possibly with its bracketed byline.
    Dateline,
    /// A box head: 核心阅读, 延伸阅读, 编者按, 记者手记, 相关链接…
    BoxHead,
    /// A numbered head: 一、 （一） 1. 第一部分 ①.
    Numbered,
    /// A letter-spaced head: 引 子, 尾　声.
    LetterSpaced,
    /// A subtitle: a line starting with a dash (——来自…的调查).
    Subtitle,
    /// A column tag alone: 【民生视线】.
    ColumnTag,
    /// A caption that says it is one: 图为…, 上图：…, 左图…右图….
    CaptionLead,
    /// Anything else.
    Text,
}

/// Labels that open a note line ("责任编辑：X"): page credits, not photograph credits.
const NOTE_LABELS: &[&str] = &[
    "原标题",
    "原题",
    "本版责编",
    "本版编辑",
    "责任编辑",
    "版式设计",
    "版面设计",
    "责编",
    "栏目主编",
    "文字编辑",
    "图片编辑",
    "视频编辑",
    "编辑",
    "译者",
    "翻译",
    "作者简介",
    "校对",
    "审核",
    "审校",
    "终审",
    "美编",
    "版式",
    "监制",
    "策划",
    "统筹",
    "来源",
    "作者单位",
    "原標題",
    "本版責編",
    "責任編輯",
    "責編",
    "欄目主編",
    "文字編輯",
    "圖片編輯",
    "編輯",
    "譯者",
    "翻譯",
    "作者簡介",
    "校對",
    "審核",
    "審校",
    "美編",
    "監製",
    "來源",
];

/// Words that make a bracketed line a note ("（本报记者李明整理）", "（完）").
const NOTE_WORDS: &[&str] = &[
    "整理",
    "原题",
    "原标题",
    "作者",
    "来源",
    "编者",
    "摘自",
    "节选",
    "转载",
    "转自",
    "下转",
    "上接",
    "责编",
    "转第",
    "接第",
    "据",
    "编辑",
    "综合",
    "刊载",
    "刊于",
    "原载",
    "刊載",
    "刊於",
    "原載",
    "原標題",
    "來源",
    "編者",
    "節選",
    "轉載",
    "轉自",
    "責編",
    "編輯",
    "綜合",
];

/// Chinese numerals as they number heads.
fn is_cjk_numeral(c: char) -> bool {
    matches!(
        c,
        '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '〇' | '零' | '百'
    )
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Whether `t` is a numbered head: 一、 一． （一） (一) 1. 1、 1．第一部分 ① followed by
/// the head's words, short and not a sentence.
fn is_numbered(t: &str) -> bool {
    // A numbered head may end in a colon (第一部分：); `check` reports the colon.
    if !is_short(t) || t.ends_with(['。', '；', '，']) {
        return false;
    }
    let rest = numbered_rest(t);
    rest.is_some_and(|r| !r.trim().is_empty())
}

/// `s` after a number of at most three characters `is` accepts, if it starts with one.
fn after(s: &str, is: fn(char) -> bool) -> Option<&str> {
    let rest = s.trim_start_matches(is);
    (rest.len() < s.len() && s.len() - rest.len() <= 9).then_some(rest)
}

/// The words after a head's number, if it has one.
fn numbered_rest(t: &str) -> Option<&str> {
    let t = t.trim_start_matches(HEAD_ORNAMENTS).trim_start();
    if let Some(r) = after(t, is_cjk_numeral) {
        return r
            .strip_prefix(['、', '．', '.', '是'])
            .filter(|_| !r.starts_with('是'));
    }
    if let Some(inner) = t.strip_prefix(['（', '(']) {
        let r = after(inner, is_cjk_numeral).or_else(|| after(inner, is_digit))?;
        return r.strip_prefix(['）', ')']);
    }
    if let Some(r) = after(t, is_digit) {
        // "1." "1、" "1．" but not "2.5亿" or "2024年".
        let r = r.strip_prefix(['.', '、', '．'])?;
        return (!r.starts_with(is_digit)).then_some(r);
    }
    if let Some(r) = t.strip_prefix('第') {
        let r = after(r, is_cjk_numeral).or_else(|| after(r, is_digit))?;
        for unit in ["部分", "章", "节", "篇", "幕", "单元"] {
            if let Some(rest) = r.strip_prefix(unit) {
                return Some(rest.trim_start_matches(['：', ':', '、', ' ', '\u{3000}']))
                    .map(|x| if x.is_empty() { "第" } else { x });
            }
        }
        return None;
    }
    let first = t.chars().next()?;
    ('①'..='⑳').contains(&first).then(|| &t[first.len_utf8()..])
}

/// Page furniture an export leaves in the text: navigation (上一篇, 返回目录, 【字号 大
/// 中 小】…), the page and date of the printed page (第05版：要闻, 《人民日报》（2024年01月
/// 01日 第05版）).
const NAVIGATION: &[&str] = &[
    "上一篇",
    "下一篇",
    "上一版",
    "下一版",
    "返回目录",
    "返回顶部",
    "返回首页",
    "打印本页",
    "关闭窗口",
    "分享到",
    "【字号",
    "字号：",
    "版面导航",
    "本版标题导航",
    "点击查看",
    "【纠错】",
    "分享让更多人看到",
    "扫一扫",
];

/// Whether `t` is page furniture (see [`NAVIGATION`]): navigation, or a line naming the
/// printed page (a page number with 版, short, not a sentence).
pub(super) fn is_furniture(t: &str) -> bool {
    if NAVIGATION.iter().any(|w| t.starts_with(w)) {
        return true;
    }
    let page = t.find('版').is_some_and(|i| {
        let before = t[..i].trim_end();
        before.ends_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
            || before.ends_with(is_cjk_numeral)
    });
    page && !ends_sentence(t)
        && t.chars().nth(40).is_none()
        && (t.starts_with(['第', '《', '（']) || t.contains(['：', ':', '年']))
}

/// Whether `t` is a note (see [`NOTE_LABELS`], [`NOTE_WORDS`]). A bracketed note may be
/// followed by the wire's story code in digits ("（編輯：陳小華）1151120", as Taiwan's
/// Central News Agency ends a story).
pub(crate) fn is_note(t: &str) -> bool {
    let t = match t.trim_end_matches(|c: char| c.is_ascii_digit()) {
        rest if rest.len() < t.len() && rest.ends_with(['）', ')']) => rest,
        _ => t,
    };
    let round = t
        .strip_prefix('（')
        .and_then(|r| r.strip_suffix('）'))
        .or_else(|| t.strip_prefix('(').and_then(|r| r.strip_suffix(')')));
    if let Some(inner) = round {
        let inner = inner.trim();
        return matches!(
            inner,
            "完" | "全文完"
                | "全书完"
                | "本章完"
                | "本文完"
                | "待续"
                | "未完待续"
                | "终"
                | "全書完"
                | "待續"
                | "未完待續"
                | "終"
        ) || NOTE_WORDS.iter().any(|w| inner.contains(w));
    }
    // "＊作者为大学教授": a note on the author, set off by a reference mark.
    if let Some(rest) = t.strip_prefix(['＊', '*', '※'])
        && rest.trim_start().starts_with("作者")
        && rest.chars().count() <= 60
    {
        return true;
    }
    // "【责任编辑:X】": a labelled note in square brackets.
    let t = t
        .strip_prefix('【')
        .and_then(|r| r.strip_suffix('】'))
        .or_else(|| t.strip_prefix('[').and_then(|r| r.strip_suffix(']')))
        .unwrap_or(t)
        .trim();
    NOTE_LABELS.iter().any(|label| {
        t.strip_prefix(label).is_some_and(|rest| {
            rest.starts_with(|c: char| {
                crate::text::chinese::is_slash(c)
                    || matches!(
                        c,
                        '：' | ':' | ' ' | '\u{3000}' | '\u{a0}' | '|' | '｜' | '丨'
                    )
            })
        })
    })
}

/// Whether `t` is a caption that says it is one: 图为…, 上图：…, 左图…右图…, 图①…
/// (圖為… and the other traditional forms too).
pub(crate) fn is_caption_lead(t: &str) -> bool {
    if t.chars().nth(CAPTION_CHARS).is_some() {
        return false;
    }
    let t = t.trim_start_matches(HEAD_ORNAMENTS).trim_start();
    let simplified;
    let t = if t.starts_with(|c: char| "圖上下左右中題組".contains(c))
        && t.contains(['圖', '為', '題', '組'])
    {
        simplified = t
            .chars()
            .take(4)
            .map(|c| match c {
                '圖' => '图',
                '為' => '为',
                '題' => '题',
                '組' => '组',
                c => c,
            })
            .chain(t.chars().skip(4))
            .collect::<String>();
        simplified.as_str()
    } else {
        t
    };
    if !t.starts_with(['图', '上', '下', '左', '右', '中', '题', '组']) {
        return false;
    }
    if t.starts_with("图为") || t.starts_with("图片为") {
        return true;
    }
    for lead in [
        "上图", "下图", "左图", "右图", "中图", "题图", "组图", "图一", "图二", "图三", "图1",
        "图2", "图3", "图",
    ] {
        if let Some(rest) = t.strip_prefix(lead) {
            let rest = rest.trim_start_matches(|c: char| ('①'..='⑳').contains(&c) || is_digit(c));
            if rest.starts_with(['：', ':', '为', '　', ' ', '|', '｜'])
                || (lead != "图" && rest.starts_with(['，', '、']))
            {
                return true;
            }
        }
    }
    false
}

/// What a line is by its own shape. Long lines are [`LineKind::Text`] at once (most lines
/// are paragraphs): only a caption that says it is one is looked at further.
pub(crate) fn line_kind(line: &str) -> LineKind {
    let t = line.trim();
    if t.is_empty() {
        return LineKind::Text;
    }
    // Long lines, and lines that end a sentence with a full stop (most lines are
    // paragraphs): only a caption that says it is one is furniture among them.
    if t.chars().nth(FURNITURE_CHARS).is_some()
        || (ends_sentence(t)
            && !t
                .trim_end_matches(['”', '’'])
                .ends_with(['？', '！', '?', '!'])
            && !t.ends_with(['）', ')', '】']))
    {
        return if is_caption_lead(t) {
            LineKind::CaptionLead
        } else {
            LineKind::Text
        };
    }
    if is_note(t) || is_furniture(t) {
        return LineKind::Note;
    }
    if credit_only(t).is_some() {
        return LineKind::Credit;
    }
    if let Some(len) = dateline_len(t)
        && (len.end == t.len())
    {
        return LineKind::Dateline;
    }
    if is_box_head(t) {
        return LineKind::BoxHead;
    }
    if byline(t).is_some_and(|b| b.marked) {
        return LineKind::Byline;
    }
    if is_numbered(t) {
        return LineKind::Numbered;
    }
    if is_letter_spaced(t) {
        return LineKind::LetterSpaced;
    }
    if t.starts_with(['—', '─', '－']) && t.trim_start_matches(['—', '─', '－']).chars().any(is_han)
    {
        return LineKind::Subtitle;
    }
    if let Some(inner) = t.strip_prefix('【').and_then(|r| r.strip_suffix('】'))
        && !inner.is_empty()
        && inner.chars().nth(16).is_none()
        && !inner.contains(['【', '】', '。', '，'])
    {
        return LineKind::ColumnTag;
    }
    if is_caption_lead(t) {
        return LineKind::CaptionLead;
    }
    LineKind::Text
}

/// What a unit of the body is, before joining.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Heading,
    /// A paragraph; `open` when the next paragraph carries on its sentence (it is joined
    /// to it, the join recorded).
    Paragraph {
        open: bool,
    },
    Caption,
    Note,
    Byline,
}

/// A unit with a credit is a caption whatever else it looks like.
pub(super) fn has_credit(unit: &Unit<'_>) -> bool {
    let last = unit.last_line().text;
    (unit.count > 1 && credit_only(last).is_some())
        || (unit.count == 1 && trailing_credit(last).is_some())
}

/// A short line without sentence-final punctuation (or a short question or exclamation
/// without other punctuation): a heading or a caption. A line with a comma is one only
/// when very short ("抓改革，激活力"); two lines are one when the first leads into the
/// second with —— (a two-line head).
pub(super) fn is_label_like(unit: &Unit<'_>) -> bool {
    // Cheapest test first: most units are paragraphs, long or of several lines.
    let text = match unit.single() {
        Some(line) => line.trim(),
        None if unit.count == 2 && unit.first_text().trim_end().ends_with('—') => {
            return true;
        }
        None => return false,
    };
    // A line ending in a colon introduces what follows: not a label.
    if !is_short(text) || leaves_quote_open(text) || text.ends_with(['：', ':']) {
        return false;
    }
    let inner = text.trim_end_matches(['？', '！', '?', '!']);
    let inner_comma = inner.contains(['，', ',', '；', '。']);
    if inner_comma && text.chars().nth(LABEL_WITH_COMMA_CHARS).is_some() {
        return false;
    }
    if ends_sentence(text) {
        // "谁来种地？" — a head that asks; not "“好！”" or "他问：为什么？".
        return inner.len() < text.len()
            && text.chars().nth(QUESTION_HEAD_CHARS).is_none()
            && !inner_comma
            && !text.contains(['“', '”', '：', ':', '…', '「'])
            && !inner.ends_with(['？', '！', '?', '!']);
    }
    true
}

/// Whether a unit's text ends a sentence (its last body line decides).
pub(super) fn unit_ends_sentence(unit: &Unit<'_>) -> bool {
    ends_sentence(unit.body().last_line().text)
}

/// What a unit looks like by itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A caption with its credit, or a credit alone.
    Credited,
    Note,
    Byline,
    /// A head by its printed form (box, numbered, letter-spaced, column tag, two lines).
    Head {
        boxed: bool,
    },
    /// A caption that says it is one.
    CaptionLead,
    /// A short line that is not a sentence.
    Label,
    /// A line ending in a colon that introduces what follows.
    Colon,
    Body,
}

/// What [`classify`] needs to know of a unit.
#[derive(Debug, Clone, Copy)]
pub(super) struct Looks {
    shape: Shape,
    ends_sentence: bool,
    /// Ends with a comma or enumeration comma (carries on whatever the convention, where
    /// something stands between it and the next unit).
    ends_comma: bool,
    /// The first line's number, and the number of the line after the last.
    lines: (u32, u32),
    /// Whether a blank line, a caption or a head stands between this unit and the next
    /// body unit (not only the line end): a break the sentence may carry on across.
    broken_after: bool,
    /// A label with a comma or enumeration comma in it: a sentence cut short rather than
    /// a head.
    label_comma: bool,
    /// Whether the next unit that is not a credited caption is body text (neither
    /// credited nor a label, head, note or byline); `None` when no such unit follows.
    next_is_body: Option<bool>,
}

fn shape(unit: &Unit<'_>) -> Shape {
    if has_credit(unit) {
        return Shape::Credited;
    }
    let first = unit.first_text();
    let kind = if unit.count == 1 {
        line_kind(first)
    } else {
        LineKind::Text
    };
    match kind {
        LineKind::Credit => Shape::Credited,
        LineKind::Note => Shape::Note,
        LineKind::Byline | LineKind::Dateline => Shape::Byline,
        LineKind::BoxHead => Shape::Head { boxed: true },
        LineKind::Numbered | LineKind::LetterSpaced | LineKind::ColumnTag => {
            Shape::Head { boxed: false }
        }
        LineKind::CaptionLead => Shape::CaptionLead,
        LineKind::Subtitle | LineKind::Text => {
            let label = is_label_like(unit);
            if label && unit.count == 2 {
                // Two lines that make a label are a two-line head.
                Shape::Head { boxed: false }
            } else if label {
                Shape::Label
            } else if unit.count == 1
                && first.trim_end().ends_with(['：', ':'])
                && is_short(first.trim())
            {
                Shape::Colon
            } else {
                Shape::Body
            }
        }
    }
}

/// The classes of `units`, read twice: once to see what each looks like (a few bytes a
/// unit, kept), once backwards over that. `blank_separated`: paragraphs are separated
/// by blank lines, so a paragraph that ends mid-sentence is continued by the next one
/// (where each line is a paragraph, only one that ends with a comma is, and only across
/// a blank line, a caption or a head: a line followed by the next body line is a
/// paragraph of its own).
pub(super) fn classify<'a>(
    units: impl Iterator<Item = Unit<'a>>,
    blank_separated: bool,
) -> Vec<Class> {
    let mut looks: Vec<Looks> = units
        .map(|u| {
            let shape = shape(&u);
            let last = u.body().last_line().text.trim_end();
            Looks {
                label_comma: shape == Shape::Label && u.first_text().contains(['，', '、', ',']),
                shape,
                ends_sentence: unit_ends_sentence(&u),
                ends_comma: last.ends_with(['，', ',', '、']),
                lines: (u.first, u.first + u.count),
                broken_after: true,
                next_is_body: None,
            }
        })
        .collect();
    let mut next_is_body = None;
    // Where the next unit starts, and whether it is body text.
    let mut next_at: Option<(u32, bool)> = None;
    for l in looks.iter_mut().rev() {
        l.next_is_body = next_is_body;
        l.broken_after = next_at.is_none_or(|(at, body)| at != l.lines.1 || !body);
        next_at = Some((l.lines.0, matches!(l.shape, Shape::Body | Shape::Colon)));
        if l.shape != Shape::Credited {
            next_is_body = Some(matches!(l.shape, Shape::Body | Shape::Colon));
        }
    }
    // Whether the last paragraph so far ended mid-sentence.
    let mut paragraph_open = false;
    // The class of the unit before, and whether it was a box head.
    let mut prev: Option<Class> = None;
    let mut prev_boxed = false;
    // Inside a box's deck (the lines under a box head): its items do not run on.
    let mut in_deck = false;
    looks
        .iter()
        .map(|l| {
            let mut cut_after_heading = false;
            let class = match l.shape {
                Shape::Credited | Shape::CaptionLead => Class::Caption,
                Shape::Note => Class::Note,
                Shape::Byline => Class::Byline,
                Shape::Head { .. } => Class::Heading,
                Shape::Colon | Shape::Body => Class::Paragraph { open: false },
                Shape::Label => match l.next_is_body {
                    // The first part of a paragraph cut by a column break right after a
                    // heading: it carries on in the next unit.
                    Some(true)
                        if prev == Some(Class::Heading)
                            && !prev_boxed
                            && !paragraph_open
                            && l.label_comma =>
                    {
                        cut_after_heading = true;
                        Class::Paragraph { open: false }
                    }
                    // A label in the middle of a sentence is a caption dropped there.
                    Some(true) if paragraph_open => Class::Caption,
                    Some(true) => Class::Heading,
                    _ if prev_boxed => Class::Heading,
                    // Where each line is a paragraph, short lines stacked over more are
                    // a head and its deck, not captions without credits.
                    Some(false) if !blank_separated => Class::Heading,
                    _ => Class::Caption,
                },
            };
            let class = match class {
                Class::Paragraph { .. } => {
                    let open = !l.ends_sentence
                        && l.shape != Shape::Colon
                        && !in_deck
                        && (blank_separated
                            || (l.ends_comma && l.broken_after)
                            || cut_after_heading);
                    paragraph_open = open;
                    if l.ends_sentence {
                        in_deck = false;
                    }
                    Class::Paragraph { open }
                }
                Class::Heading | Class::Note | Class::Byline => {
                    paragraph_open = false;
                    class
                }
                Class::Caption => class,
            };
            prev_boxed = matches!(l.shape, Shape::Head { boxed: true });
            if class == Class::Heading {
                in_deck = prev_boxed;
            }
            prev = Some(class);
            class
        })
        .collect()
}
