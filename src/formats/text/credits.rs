//! Bylines and credits: the names in a byline in its printed forms (本报记者 X Y, 记者 X,
//! 通讯员 X, 文/图 X, 文｜X 图｜Y, X 报道, （记者 X）), and a photograph's credit in its
//! printed forms (X 摄, 新华社记者 X摄, X/摄, 摄影：X, 图：X, 制图：X, 图片来源：X, 资料图片,
//! （新华社发）), alone on a line or after a caption.
//!
//! Names may be padded to a common width with spaces, ideographic spaces or no-break
//! spaces ("李  明"): single characters next to each other make one name.

use std::ops::Range;

use super::{ends_sentence, is_han, is_text_punctuation};

/// Whether `c` separates the parts of a byline or credit: white space of any kind
/// (ideographic and no-break spaces included).
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}'
}

/// `s` without white space of any kind at either end.
fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// A photographer's name: two to four Han characters, possibly padded with spaces
/// ("陈 醉", "陈  光"), or a transliterated name with a middle dot (阿依·买买提).
fn is_person_name(s: &str) -> bool {
    let chars: Vec<char> = s.chars().filter(|&c| !is_space(c)).collect();
    let dotted = chars.iter().filter(|&&c| is_name_dot(c)).count();
    let han = chars.len() - dotted;
    let fits = if dotted > 0 {
        (3..=12).contains(&han) && !is_name_dot(chars[0]) && !is_name_dot(chars[chars.len() - 1])
    } else {
        (2..=4).contains(&han)
    };
    // Several parts only as padding: single characters ("陈  光"), never two words.
    let parts: Vec<&str> = s.split(is_space).filter(|t| !t.is_empty()).collect();
    let padded = parts.len() == 1 || parts.iter().all(|p| p.chars().count() == 1);
    fits && padded && chars.iter().all(|&c| is_han(c) || is_name_dot(c))
}

/// The dots that join the parts of a transliterated name.
fn is_name_dot(c: char) -> bool {
    matches!(c, '·' | '•' | '・' | '．')
}

/// Agencies and roles that stand before a photographer's name in a credit
/// ("新华社记者 陈光摄"), longest first.
const CREDIT_ROLES: &[&str] = &[
    "新华社特约摄影",
    "新华社记者",
    "中新社记者",
    "本报特约摄影",
    "本报记者",
    "本报通讯员",
    "特约摄影",
    "摄影记者",
    "特约记者",
    "通讯员",
    "记者",
    "新华社发",
];

/// Labels that stand before a credited name ("摄影：X", "图片来源：X").
const CREDIT_LABELS: &[&str] = &[
    "图片来源",
    "图片提供",
    "图片由",
    "摄影",
    "制图",
    "绘图",
    "供图",
    "图源",
    "漫画",
    "插图",
    "图文",
    "视觉",
];

/// Credits that name no one ("资料图片"), as printed alone or in brackets.
const UNNAMED_CREDITS: &[&str] = &["资料图片", "资料照片", "新华社发", "网络图片", "受访者供图"];

/// `s` without one pair of round brackets around it (full-width or ASCII).
fn unbracket(s: &str) -> Option<&str> {
    s.strip_prefix('（')
        .and_then(|r| r.strip_suffix('）'))
        .or_else(|| s.strip_prefix('(').and_then(|r| r.strip_suffix(')')))
}

/// A line that is nothing but a credit; returns the credited name (padding and all) or,
/// for a credit that names no one ("资料图片", "（新华社发）"), the credit itself.
///
/// Forms: `NAME 摄`, `NAME摄`, `NAME/摄`, `ROLE NAME摄` (roles such as 新华社记者,
/// 本报记者), `LABEL：NAME` (摄影, 制图, 图片来源…), the unnamed credits, each possibly in
/// round brackets.
pub fn credit_only(line: &str) -> Option<&str> {
    let line = trim(line);
    if line.is_empty() || line.chars().nth(40).is_some() {
        return None;
    }
    if let Some(inner) = unbracket(line) {
        let inner = trim(inner);
        if UNNAMED_CREDITS.contains(&inner)
            || inner.ends_with("供图")
            || inner.ends_with("新华社发")
        {
            return Some(inner);
        }
        return credit_only(inner);
    }
    if UNNAMED_CREDITS.contains(&line) {
        return Some(line);
    }
    // "X 摄（新华社发）" and "新华社发（X摄）": a credit and the agency's note; the name is
    // the one that names someone.
    if line.ends_with('）')
        && let Some(i) = line.rfind('（')
        && i > 0
        && let Some(inner) = credit_only(&line[i..])
    {
        return match credit_only(&line[..i]) {
            Some(outer) if UNNAMED_CREDITS.contains(&outer) => Some(inner),
            outer => outer,
        };
    }
    if let Some(rest) = line.strip_suffix('摄') {
        let rest = trim(rest);
        let rest = trim(rest.strip_suffix(['/', '／', '｜', '|']).unwrap_or(rest));
        let name = strip_role(rest);
        return is_person_name(name).then_some(name);
    }
    for label in CREDIT_LABELS {
        if let Some(rest) = line.strip_prefix(label) {
            let rest = trim(rest);
            let Some(name) = rest.strip_prefix(['：', ':', '/', '／', '｜', '|']) else {
                continue;
            };
            return plain_name(name);
        }
    }
    // "图：X": the bare 图 only before a colon ("图/文 X" is a byline).
    line.strip_prefix('图')
        .and_then(|rest| trim(rest).strip_prefix(['：', ':']))
        .and_then(plain_name)
}

/// The name after a credit's label: short, and no sentence in it.
fn plain_name(name: &str) -> Option<&str> {
    let name = trim(name);
    let plain = !name.is_empty()
        && name.chars().nth(20).is_none()
        && !name
            .chars()
            .any(|c| matches!(c, '。' | '，' | '！' | '？' | '“' | '”'));
    plain.then_some(name)
}

/// Whether the end of `line` (a credit's length) holds a credit's label and its colon
/// ("…上课。　摄影：林小海", "…奔跑 图:X"): a credit that ends in a name, not in 摄.
fn has_labelled_tail(line: &str) -> bool {
    let from = line.char_indices().rev().nth(30).map_or(0, |(i, _)| i);
    let tail = &line[from..];
    tail.match_indices(['：', ':']).any(|(i, _)| {
        let before = tail[..i].trim_end_matches(is_space);
        before.ends_with('图') || CREDIT_LABELS.iter().any(|l| before.ends_with(l))
    })
}

/// `s` without a leading credit role ("新华社记者 ", "中新社发 ", "人民日报记者"),
/// padding trimmed: a known role, or any words ending in 记者, 通讯员 or 社发.
fn strip_role(s: &str) -> &str {
    for role in CREDIT_ROLES {
        if let Some(rest) = s.strip_prefix(role) {
            return trim(rest);
        }
    }
    let head = &s[..s.char_indices().nth(12).map_or(s.len(), |(i, _)| i)];
    ["记者", "通讯员", "社发"]
        .iter()
        .filter_map(|r| head.find(r).map(|i| i + r.len()))
        .min()
        .map_or(s, |i| trim(&s[i..]))
}

/// A caption line that ends with its credit; returns the caption text and the credit
/// (name and printed credit text), slices of `line` ([`trailing_credit_at`]).
pub(crate) fn trailing_credit(line: &str) -> Option<(&str, &str, &str)> {
    trailing_credit_at(line).map(|at| (&line[at.caption], &line[at.name], &line[at.credit]))
}

/// Where a caption and the credit it ends with stand in a line: byte ranges of the
/// line, white space at their ends left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CreditAt {
    pub(crate) caption: Range<usize>,
    /// The credited name (padding and all), where it first stands in the credit.
    pub(crate) name: Range<usize>,
    /// The credit as printed.
    pub(crate) credit: Range<usize>,
}

/// `range` of `s` without white space of any kind at its ends ([`trim`]).
fn trim_range(s: &str, range: Range<usize>) -> Range<usize> {
    let part = &s[range.clone()];
    let start = range.start + (part.len() - part.trim_start_matches(is_space).len());
    start..start + trim(part).len()
}

/// A caption line that ends with its credit: where the caption, the credit and its
/// name stand in `line`. The credit follows the caption after white space ("峰会现场
/// 张三 摄"), after the caption's final mark ("……春茶。新华社记者 陈光摄"), or in
/// brackets ("……春茶（陈光 摄）").
pub(crate) fn trailing_credit_at(full: &str) -> Option<CreditAt> {
    let whole = trim_range(full, 0..full.len());
    let line = &full[whole.clone()];
    // Cheap refusals first: most lines are paragraphs that end with a final mark.
    let last = line.chars().next_back()?;
    if !matches!(last, '摄' | '）' | ')') && !line.ends_with("图片") && !has_labelled_tail(line)
    {
        return None;
    }
    let mut cuts: Vec<usize> = Vec::with_capacity(3);
    if matches!(last, '）' | ')')
        && let Some(i) = line.rfind(['（', '('])
    {
        cuts.push(i);
    }
    if let Some(i) = line.rfind(['。', '！', '？', '”']) {
        let after = i + line[i..].chars().next().map_or(0, char::len_utf8);
        if after < line.len() {
            cuts.push(after);
        }
    }
    // The last white space before the name (a padded name has one inside it: the cut is
    // before the name's first part).
    // Only within a credit's length of the end (a credit is at most 40 characters).
    let body = line.trim_end_matches('摄').trim_end_matches(is_space);
    let mut space = body.rfind(is_space);
    let mut looked = 0;
    while let Some(s) = space {
        let candidate = &line[s..];
        if candidate.chars().nth(40).is_some() || looked > 6 {
            break;
        }
        looked += 1;
        if credit_only(candidate).is_some() {
            cuts.push(s);
        }
        space = line[..s].trim_end_matches(is_space).rfind(is_space);
    }
    // The earliest cut whose rest is a credit (the whole name, padding and role).
    cuts.sort_unstable();
    for cut in cuts {
        let caption = trim_range(line, 0..cut);
        let credit = trim_range(line, cut..line.len());
        let text = &line[caption.clone()];
        if text.is_empty() || text.chars().any(|c| c == '\n') {
            continue;
        }
        let credit_text = &line[credit.clone()];
        if let Some(name) = credit_only(credit_text) {
            // A name of its own a caption could end with: "他的父亲 张三 摄" is a credit,
            // "合作社 成立" is not (no 摄).
            let at = credit.start + credit_text.find(name).unwrap_or(0);
            let shift = |r: Range<usize>| whole.start + r.start..whole.start + r.end;
            return Some(CreditAt {
                caption: shift(caption),
                name: shift(at..at + name.len()),
                credit: shift(credit),
            });
        }
    }
    None
}

/// Role words of a byline, longest first (a token that contains 记者, 通讯员 or 实习生
/// loses everything up to it as well: "浙江日报记者李明" gives 李明).
const BYLINE_ROLES: &[&str] = &[
    "本报讯",
    "作者",
    "特约撰稿",
    "撰稿人",
    "撰稿",
    "撰文",
    "采写",
    "文字",
    "摄影",
    "整理",
    "编译",
    "统筹",
    "视频",
    "文",
    "图",
];

/// Words that end a byline ("X 报道").
const BYLINE_ENDS: &[&str] = &["综合报道", "联合报道", "报道", "报导"];

/// Separators between a role and a name ("文｜X", "文/图 X", "记者：X").
fn is_role_separator(c: char) -> bool {
    matches!(c, '/' | '／' | '|' | '｜' | '：' | ':')
}

/// A byline's names, and whether the line says it is a byline (a role word such as
/// 记者, 报道 after the names, or brackets around it) rather than only looking like one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    pub authors: Vec<String>,
    pub marked: bool,
}

/// Reads a byline: one to eight names of Han characters separated by white space, 、 or
/// ，, with role words (本报记者, 记者, 通讯员, 实习生, 文/图 …) before them, 报道 after
/// them, or round brackets around the whole. Two single characters next to each other
/// are one padded name ("李  明").
pub fn byline(line: &str) -> Option<Byline> {
    let mut t = trim(line);
    // Sentence marks and quotes never stand in a byline: most lines are refused here.
    if t.is_empty()
        || t.chars().nth(60).is_some()
        || t.contains(['。', '！', '？', '“', '”', '；', '《', '》', '…'])
    {
        return None;
    }
    // An ornament before a byline (■ 本报记者 X) is not part of it.
    t = trim(t.trim_start_matches(['■', '□', '●', '◆', '▲', '★', '◎', '|', '｜']));
    let mut marked = false;
    if let Some(inner) = unbracket(t) {
        t = trim(inner);
        marked = true;
    }
    for end in BYLINE_ENDS {
        if let Some(rest) = t.strip_suffix(end) {
            t = trim(rest);
            marked = true;
            break;
        }
    }
    if t.chars().any(|c| {
        is_text_punctuation(c)
            && !is_role_separator(c)
            && !matches!(c, '、' | '，' | ',' | '·' | '\u{3000}')
    }) || t
        .chars()
        .any(|c| c.is_ascii_alphanumeric() || ('０'..='９').contains(&c))
    {
        return None;
    }
    let mut names: Vec<&str> = Vec::new();
    for token in t.split(|c: char| is_space(c) || matches!(c, '、' | '，' | ',')) {
        for piece in token.split(is_role_separator) {
            let mut piece = piece;
            if let Some(i) = ["记者", "通讯员", "实习生"]
                .iter()
                .filter_map(|r| piece.rfind(r).map(|i| i + r.len()))
                .max()
            {
                piece = &piece[i..];
                marked = true;
            }
            if piece.is_empty() {
                continue;
            }
            if BYLINE_ROLES.contains(&piece) {
                marked = true;
                continue;
            }
            names.push(piece);
        }
    }
    // A comma between names only where the line says it is a byline ("今年,长三角" is not).
    if names.is_empty()
        || (!marked && t.contains(['，', ',']))
        || !names.iter().all(|t| {
            t.chars().all(|c| is_han(c) || is_name_dot(c))
                && (t.chars().count() <= 4 || t.chars().any(is_name_dot))
        })
    {
        return None;
    }
    let mut authors = Vec::new();
    let mut i = 0;
    while i < names.len() {
        let one = |t: &str| t.chars().count() == 1;
        if one(names[i]) && i + 1 < names.len() && one(names[i + 1]) {
            authors.push(format!("{}{}", names[i], names[i + 1]));
            i += 2;
        } else {
            authors.push(names[i].to_string());
            i += 1;
        }
    }
    let sane = authors.len() <= 8 && authors.iter().all(|a| is_person_name(a));
    (sane && !ends_sentence(t)).then_some(Byline { authors, marked })
}

/// [`byline`]'s names.
#[cfg(test)]
pub(crate) fn byline_authors(line: &str) -> Option<Vec<String>> {
    byline(line).map(|b| b.authors)
}
