//! The head of the article: the page's banner, the kicker (引题) above the headline, the
//! headline (主题) with its column tag (（民生视线）, 【…】), the subtitle (副题, often
//! starting with ——), the byline, and the dateline (本报北京2月1日电, 新华社北京11月29日电
//! （记者 X、Y）) on a line of its own or opening the first paragraph.

use super::classify::{LineKind, line_kind};
use super::credits::{credit_only, trailing_credit};
use super::lines::Unit;
use super::{SHORT_LINE_CHARS, ends_sentence, is_han, leaves_quote_open};
use crate::text::forms::byline;
use std::ops::Range;

use crate::article::HeaderLine;
use crate::article::builder::Builder;

/// A line that can stand as a headline, kicker or banner: one line, not a sentence (a
/// headline may ask or exclaim), nothing a line's shape names as furniture.
pub(super) fn is_headline_like(unit: &Unit<'_>) -> bool {
    // One line: its text is the unit's body text, without a copy of a long line.
    let Some(line) = unit.single() else {
        return false;
    };
    let text = line.trim();
    let asks = text.ends_with(['？', '！', '?', '!'])
        && text.chars().nth(SHORT_LINE_CHARS).is_none()
        && !text.contains(['“', '”', '。', '，', '：']);
    text.chars().nth(2 * SHORT_LINE_CHARS).is_none()
        && (!ends_sentence(text) || asks)
        && !leaves_quote_open(text)
        && credit_only(text).is_none()
        && trailing_credit(text).is_none()
}

/// The header line of a unit's first line, trimmed.
fn header_line(b: &Builder<'_>, unit: &Unit<'_>) -> HeaderLine {
    b.header(unit.first_src().range())
}

/// The header line of bytes `range` of a unit's first line, trimmed (offsets in the
/// line's trimmed text).
fn header_in(b: &Builder<'_>, unit: &Unit<'_>, range: Range<usize>) -> HeaderLine {
    let at = unit.first_src().text_at();
    b.header(at + range.start..at + range.end)
}

/// Where a dateline ends in a line that starts with one: `dateline` is the end of the
/// dateline proper (after 电 or 讯), `end` the end of a bracketed byline after it
/// ("（记者 X、Y）"), or `dateline` when there is none; both byte offsets in the trimmed
/// line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DatelineAt {
    pub(crate) dateline: usize,
    pub(crate) end: usize,
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十〇".contains(c)
}

/// The dateline `t` (trimmed) starts with: an agency and place in Han characters, a date
/// (N月N日) and 电 or 讯 ("本报云岭11月28日电", "新华社北京11月29日电"), or a paper's
/// 讯 without a date ("本报讯"); then, possibly, a bracketed byline.
pub(crate) fn dateline_len(t: &str) -> Option<DatelineAt> {
    if let Some(end) = bracketed_dateline(t) {
        return Some(DatelineAt { dateline: end, end });
    }
    // The first characters are enough: a dateline is short.
    let head: Vec<(usize, char)> = t.char_indices().take(32).collect();
    let is_place = |c: char| (is_han(c) || c == '·') && !"月日电讯電訊".contains(c);
    let end_of = |k: usize| head.get(k).map_or(t.len(), |&(i, _)| i);
    let mut dateline = None;
    // "本报讯", "新华社讯": a paper's or agency's 讯 straight after its name.
    if let Some(x) = head.iter().position(|&(_, c)| c == '讯' || c == '訊')
        && (2..=6).contains(&x)
        && head[..x].iter().all(|&(_, c)| is_place(c))
        && matches!(head[x - 1].1, '报' | '社' | '网' | '台' | '報' | '網')
    {
        dateline = Some(end_of(x + 1));
    } else if let Some(m) = head.iter().position(|&(_, c)| c == '月') {
        // Agency and place, then the month's number (1 to 3 digits or numerals).
        let month = head[..m]
            .iter()
            .rev()
            .take_while(|&&(_, c)| is_digit(c))
            .count()
            .min(3);
        let place = m - month;
        let mut k = m + 1;
        let day = head[k..].iter().take_while(|&&(_, c)| is_digit(c)).count();
        k += day;
        if (1..=3).contains(&month)
            && (2..=14).contains(&place)
            && head[..place].iter().all(|&(_, c)| is_place(c))
            && (1..=3).contains(&day)
            && head.get(k).is_some_and(|&(_, c)| c == '日')
        {
            k += 1;
            while head
                .get(k)
                .is_some_and(|&(_, c)| c == ' ' || c == '\u{3000}')
            {
                k += 1;
            }
            if head
                .get(k)
                .is_some_and(|&(_, c)| matches!(c, '电' | '讯' | '電' | '訊'))
            {
                dateline = Some(end_of(k + 1));
            }
        }
    }
    let dateline = dateline?;
    let rest = &t[dateline..];
    let after_space = rest.trim_start();
    let skipped = rest.len() - after_space.len();
    let at = |end: Option<usize>| DatelineAt {
        dateline,
        end: end.map_or(dateline, |e| dateline + skipped + e),
    };
    let close = match after_space.chars().next() {
        Some('（') => '）',
        Some('(') => ')',
        // "本报墨西哥城1月28日电记者张三报道：": a byline ending in 报道, then the story.
        _ => {
            let end = after_space
                .char_indices()
                .take(30)
                .find(|&(i, _)| after_space[i..].starts_with("报道"))
                .map(|(i, _)| i + "报道".len())
                .filter(|&e| byline(&after_space[..e]).is_some_and(|b| b.marked))
                .map(|e| {
                    let colon = after_space[e..]
                        .chars()
                        .next()
                        .filter(|&c| c == '：' || c == ':');
                    e + colon.map_or(0, char::len_utf8)
                });
            return Some(at(end));
        }
    };
    let end = after_space.find(close).map(|i| i + close.len_utf8());
    Some(at(end.filter(|&e| byline(&after_space[..e]).is_some())))
}

/// The end (a byte offset in `t`) of a dateline in round brackets that `t` opens with,
/// agency, reporter and place before the day: "（中央社記者王大明台北20日電）",
/// "（中央社記者王大明、林克台中20日電）", "（中央社華盛頓19日專電）" — as Taiwanese wires
/// print it; or a Hong Kong paper's dispatch tag ([`dispatch_tag`]).
fn bracketed_dateline(t: &str) -> Option<usize> {
    let close = match t.chars().next()? {
        '（' => '）',
        '(' => ')',
        '【' => return dispatch_tag(t),
        _ => return None,
    };
    let open = t.chars().next().map_or(0, char::len_utf8);
    let inner_end = t[..t.char_indices().nth(40).map_or(t.len(), |(i, _)| i)].find(close)?;
    let inner = &t[open..inner_end];
    let body = inner.strip_suffix(['電', '电'])?;
    let body = body
        .strip_suffix(['專', '专'])
        .unwrap_or(body)
        .strip_suffix('日')?;
    let day = body.chars().rev().take_while(|&c| is_digit(c)).count();
    let mut rest: String = body.chars().take(body.chars().count() - day).collect();
    if let Some(before_month) = rest.strip_suffix('月') {
        let month = before_month
            .chars()
            .rev()
            .take_while(|&c| is_digit(c))
            .count();
        if !(1..=3).contains(&month) {
            return None;
        }
        rest = before_month
            .chars()
            .take(before_month.chars().count() - month)
            .collect();
    }
    let place = rest.chars().count();
    let ok = (1..=2).contains(&day)
        && (3..=24).contains(&place)
        && rest.chars().all(|c| is_han(c) || c == '·' || c == '、');
    ok.then(|| inner_end + close.len_utf8())
}

/// The end of a paper's dispatch tag that `t` opens with, as Hong Kong papers print it
/// for 本报讯: 【明報專訊】, 【本報訊】, 【大公報訊】 — two to ten Han characters in 【】
/// ending in 訊 or 讯 (電/电 after 專/专: 【本報專電】).
fn dispatch_tag(t: &str) -> Option<usize> {
    let rest = t.strip_prefix('【')?;
    let i = rest[..rest.char_indices().nth(12).map_or(rest.len(), |(i, _)| i)].find('】')?;
    let inner = &rest[..i];
    let n = inner.chars().count();
    let ends = inner.ends_with(['訊', '讯']) || inner.ends_with("專電") || inner.ends_with("专电");
    ((2..=10).contains(&n) && ends && inner.chars().all(is_han))
        .then_some('【'.len_utf8() + i + '】'.len_utf8())
}

/// The reporters a bracketed dateline names ([`bracketed_dateline`]): what follows 記者
/// or 记者, names separated by 、, the last one run together with the place — taken as
/// its last two characters, the length of most places a wire datelines from (台北, 高雄,
/// 北京). "（中央社記者王大明台北20日電）" gives 王大明; a dateline with no reporter none.
pub(crate) fn dateline_reporters(dateline: &str) -> Vec<String> {
    let Some(end) = bracketed_dateline(dateline) else {
        return Vec::new();
    };
    let inner = &dateline[..end];
    let Some(at) = inner.find("記者").or_else(|| inner.find("记者")) else {
        return Vec::new();
    };
    let after = &inner[at + "記者".len()..];
    let names = after
        .split(|c: char| !is_han(c) && c != '、')
        .next()
        .unwrap_or("");
    let mut out: Vec<String> = names.split('、').map(str::to_string).collect();
    if let Some(last) = out.last_mut() {
        let n = last.chars().count();
        *last = last.chars().take(n.saturating_sub(2)).collect();
    }
    let name_like = |s: &String| (2..=4).contains(&s.chars().count());
    if out.iter().all(name_like) {
        out
    } else {
        Vec::new()
    }
}

/// A column tag printed with a headline: `（民生视线）` at its end, or `【…】` at its
/// start or end. Returns where the headline alone and the tag as printed, brackets and
/// all, stand in `line` (byte ranges, white space at their ends left out): nothing of
/// the line is lost.
pub(crate) fn split_column(line: &str) -> Option<(Range<usize>, Range<usize>)> {
    let lead = line.len() - line.trim_start().len();
    let text = line.trim();
    // A range of `text` as a range of `line`, trimmed or as it is.
    let trim_in = |r: Range<usize>| {
        let s = &text[r.clone()];
        let start = lead + r.start + (s.len() - s.trim_start().len());
        start..start + s.trim().len()
    };
    let whole = |r: Range<usize>| lead + r.start..lead + r.end;
    let tag_ok = |inner: &str| {
        let n = inner.chars().count();
        (2..=16).contains(&n)
            && inner.chars().any(is_han)
            && !inner.contains(['。', '，', '“', '”', '（', '）', '【', '】', '(', ')'])
            && !matches!(inner, "上" | "中" | "下")
    };
    if let Some(rest) = text.strip_prefix('【')
        && let Some(i) = rest.find('】')
    {
        let tag_end = '【'.len_utf8() + i + '】'.len_utf8();
        let (inner, title) = (&rest[..i], trim_in(tag_end..text.len()));
        if tag_ok(inner) && !title.is_empty() {
            return Some((title, whole(0..tag_end)));
        }
    }
    // "（社会）北方初雪": a wire service's tag before the headline.
    if let Some(rest) = text.strip_prefix('（')
        && let Some(i) = rest.find('）')
    {
        let tag_end = '（'.len_utf8() + i + '）'.len_utf8();
        let (inner, title) = (&rest[..i], trim_in(tag_end..text.len()));
        if tag_ok(inner) && line[title.clone()].chars().count() >= 2 {
            return Some((title, whole(0..tag_end)));
        }
    }
    for (open, close) in [('（', '）'), ('【', '】'), ('(', ')')] {
        if let Some(rest) = text.strip_suffix(close)
            && let Some(i) = rest.rfind(open)
        {
            let (title, inner) = (trim_in(0..i), &rest[i + open.len_utf8()..]);
            // "（上）" and "（2）" number a series: part of the headline.
            if tag_ok(inner)
                && line[title.clone()].chars().count() >= 4
                && !inner.chars().all(|c| c.is_ascii_digit())
            {
                return Some((title, whole(i..text.len())));
            }
        }
    }
    None
}

/// Whether the first of two headline lines is the page's banner rather than a kicker: it
/// names the page or the series (版, a date or page number, a very short name, or a
/// series name of at most four characters before a space: "城市观察 古镇新生"; a kicker
/// of two phrases, "坚持生态优先 推动绿色发展", is a kicker).
fn is_banner_like(text: &str) -> bool {
    let t = text.trim();
    let series = t
        .split_once(char::is_whitespace)
        .is_some_and(|(name, _)| name.chars().count() <= 4);
    series || t.contains('版') || t.chars().any(|c| c.is_ascii_digit()) || t.chars().count() <= 4
}

/// The head of the article read from its first units: up to three headline lines
/// (banner, kicker, title), then a subtitle, a column tag on a line of its own, a byline
/// and a dateline line in any order. A second byline line is left to the body (shown
/// there as a byline).
#[derive(Debug, Default)]
pub(super) struct Head {
    pub(super) banner: Option<HeaderLine>,
    pub(super) kicker: Option<HeaderLine>,
    pub(super) title: Option<HeaderLine>,
    pub(super) subtitle: Option<HeaderLine>,
    pub(super) column: Option<HeaderLine>,
    pub(super) byline: Option<HeaderLine>,
    pub(super) dateline: Option<HeaderLine>,
    pub(super) authors: Vec<String>,
    /// How many units the head took.
    pub(super) taken: usize,
}

/// How many units at most the head is looked for in.
pub(super) const HEAD_UNITS: usize = 8;

/// Reads the head from `units` (the article's first [`HEAD_UNITS`] units).
pub(super) fn read_head(build: &Builder<'_>, units: &[Unit<'_>]) -> Head {
    let mut head = Head::default();
    // The headline lines, in order (banner, kicker, title): at most three.
    let mut heads: Vec<&Unit<'_>> = Vec::new();
    // Where the third headline line was, in units taken.
    let mut third_at = 0;
    let mut taken = 0;
    for unit in units {
        let Some(line) = unit.single() else {
            break;
        };
        let t = line.trim();
        let kind = line_kind(t);
        let have_title = !heads.is_empty();
        match kind {
            LineKind::ColumnTag if head.column.is_none() => {
                head.column = Some(header_line(build, unit));
            }
            // Page furniture above the headline (第05版：要闻): the page's banner.
            LineKind::Note
                if !have_title && head.banner.is_none() && super::classify::is_furniture(t) =>
            {
                head.banner = Some(header_line(build, unit));
            }
            LineKind::Subtitle
                if have_title && head.subtitle.is_none() && head.byline.is_none() =>
            {
                head.subtitle = Some(header_line(build, unit));
            }
            LineKind::Dateline if head.dateline.is_none() => {
                let Some(at) = dateline_len(t) else { break };
                head.dateline = Some(header_in(build, unit, 0..at.dateline));
                head.authors.extend(dateline_reporters(&t[..at.dateline]));
                if at.end > at.dateline
                    && let Some(b) = byline(&t[at.dateline..at.end])
                {
                    head.authors.extend(b.authors);
                    if head.byline.is_none() {
                        head.byline = Some(header_in(build, unit, at.dateline..at.end));
                    }
                }
            }
            _ if head.byline.is_none()
                && head.dateline.is_none()
                && !matches!(kind, LineKind::Note) =>
            {
                let by = byline(t);
                let can_be_head = kind == LineKind::Text && is_headline_like(unit);
                match by {
                    // An unmarked line of names is a byline under a headline only.
                    Some(b) if b.marked || (have_title && heads.len() <= 2) || !can_be_head => {
                        head.byline = Some(header_line(build, unit));
                        head.authors.extend(b.authors);
                    }
                    _ if can_be_head && heads.len() < 3 && head.subtitle.is_none() => {
                        if heads.len() == 2 {
                            third_at = taken;
                        }
                        heads.push(unit);
                    }
                    _ => break,
                }
            }
            _ => break,
        }
        taken += 1;
    }
    // Three headline lines are banner, kicker and title, or kicker, title and subtitle,
    // only when a byline or dateline follows them; otherwise the third is the body's.
    if heads.len() == 3 && head.byline.is_none() && head.dateline.is_none() {
        let third = heads.pop().map_or(0, |u| u.start);
        taken = third_at;
        for h in [&mut head.subtitle, &mut head.column] {
            if h.as_ref().is_some_and(|h| h.src as usize >= third) {
                *h = None;
            }
        }
    }
    let (banner, kicker, title) = match heads.as_slice() {
        [] => (None, None, None),
        [t] => (None, None, Some(*t)),
        [a, t] if is_banner_like(a.first_text()) => (Some(*a), None, Some(*t)),
        [k, t] => (None, Some(*k), Some(*t)),
        [b, k, t] if is_banner_like(b.first_text()) => (Some(*b), Some(*k), Some(*t)),
        // Kicker, title, subtitle without a dash.
        [k, t, s] => {
            head.subtitle.get_or_insert_with(|| header_line(build, s));
            (None, Some(*k), Some(*t))
        }
        _ => (None, None, None),
    };
    match (banner, &head.banner) {
        // Furniture came first and is the banner: a banner-like headline line is a kicker.
        (Some(b), Some(_)) if kicker.is_none() => head.kicker = Some(header_line(build, b)),
        (Some(b), None) => head.banner = Some(header_line(build, b)),
        _ => {}
    }
    if let Some(k) = kicker {
        head.kicker = Some(header_line(build, k));
    }
    if let Some(t) = title {
        let text = t.first_text();
        match split_column(text) {
            Some((headline, tag)) if head.column.is_none() => {
                let at = t.first_src().start;
                head.title = Some(build.header(at + headline.start..at + headline.end));
                head.column = Some(build.header(at + tag.start..at + tag.end));
            }
            _ => head.title = Some(header_line(build, t)),
        }
    }
    head.taken = taken;
    head
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dateline and the bracketed byline after it, as the text's two pieces.
    fn pieces(t: &str) -> Option<(&str, &str)> {
        let at = dateline_len(t)?;
        Some((&t[..at.dateline], t[at.dateline..at.end].trim()))
    }

    #[test]
    fn a_dateline_ends_after_its_bracketed_reporters_in_any_parentheses() {
        // Four-character names, names parted by 、, full-width parentheses.
        assert_eq!(
            pieces("新华社拉萨11月20日电（记者次仁多吉、何雨桐）凌晨四点，牧场醒了。"),
            Some(("新华社拉萨11月20日电", "（记者次仁多吉、何雨桐）"))
        );
        // ASCII parentheses after a space, a space inside.
        assert_eq!(
            pieces("中新网上海11月20日电 (记者 钟小川)初冬时节，江边起了雾。"),
            Some(("中新网上海11月20日电", "(记者 钟小川)"))
        );
        // A parenthesis that is the story's, not a byline, stays in the story.
        assert_eq!(
            pieces("本报北京11月20日电（今年第三场雪）来得早，路上结了冰。"),
            Some(("本报北京11月20日电", ""))
        );
    }
}
