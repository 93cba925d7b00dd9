//! Bylines and credits where the plain text puts them: a bracketed byline opening a
//! paragraph ([`opening_byline`]; a byline's printed forms — 本报记者 X Y, 记者 X, 通讯员 X,
//! 文/图 X, 文｜X 图｜Y, X 报道, （记者 X） — are read by [`byline`], in
//! [`crate::text::forms`] for every format and `check` alike), and a photograph's credit
//! in its printed forms (X 摄, 新华社记者 X摄, X/摄, 摄影：X, 图：X, 制图：X, 图片来源：X,
//! 资料图片, （新华社发）), alone on a line ([`credit_only`], defined in
//! [`crate::text::chinese`] for the parser and `check` alike) or after a caption.
//!
//! Names may be padded to a common width with spaces, ideographic spaces or no-break
//! spaces ("李  明"): single characters next to each other make one name.

use std::ops::Range;

pub(crate) use crate::text::chinese::credit_only;
use crate::text::chinese::{CREDIT_LABELS, is_space, trim};
use crate::text::chinese::{is_label_separator, is_slash, strip_date_suffix};
use crate::text::forms::{Byline, byline};

/// A bracketed byline that opens a paragraph without a dateline — "（记者 林海）今年以来
/// …", "〔記者林美玲／台南報導〕老街上…" — with text after it: where it ends (a byte offset
/// in `text`) and its names.
pub(crate) fn opening_byline(text: &str) -> Option<(usize, Byline)> {
    let close = match text.chars().next()? {
        '（' => '）',
        '(' => ')',
        '〔' => '〕',
        _ => return None,
    };
    let (at, c) = text.char_indices().take(40).find(|&(_, c)| c == close)?;
    let end = at + c.len_utf8();
    // A role word inside the brackets (记者, 报道…), not the brackets alone, makes it a
    // byline: "（长三角）abc" opens with a word in brackets. The paragraph goes on after
    // it.
    let open = text.chars().next().map_or(0, char::len_utf8);
    byline(&text[open..at])
        .filter(|inner| inner.marked)
        .and_then(|_| byline(&text[..end]))
        .filter(|b| b.marked && text[end..].chars().any(char::is_alphanumeric))
        .map(|b| (end, b))
}

/// Whether the end of `line` (a credit's length) holds a credit's label and its
/// separator ("…上课。　摄影：林小海", "…奔跑 图:X", "…蒸肠粉。摄影丨X", "…。图/X提供",
/// "…上课。Photo: X", "…photo by X"): a credit that ends in a name, not in 摄.
fn has_labelled_tail(line: &str) -> bool {
    let from = line.char_indices().rev().nth(30).map_or(0, |(i, _)| i);
    let tail = &line[from..];
    tail.match_indices(is_label_separator).any(|(i, _)| {
        let before = tail[..i].trim_end_matches(is_space);
        before.ends_with(['图', '圖'])
            || CREDIT_LABELS.iter().any(|l| before.ends_with(l))
            || before
                .get(before.len().saturating_sub(5)..)
                .is_some_and(|w| w.eq_ignore_ascii_case("photo"))
    }) || tail.to_ascii_lowercase().contains("photo by ")
}

/// Whether the end of `line` holds a photographer's credit closed by a slash and the
/// service that gives the photo out ("…补洞。光明日报记者 郭文静摄/光明图片"): 摄 before
/// the last slash within a credit's length of the end.
fn has_distributed_tail(line: &str) -> bool {
    let from = line.char_indices().rev().nth(20).map_or(0, |(i, _)| i);
    line[from..].rfind(is_slash).is_some_and(|i| {
        line[..from + i]
            .trim_end_matches(is_space)
            .ends_with(['摄', '攝'])
    })
}

/// The bars a caption and its credit are set apart with.
const BARS: [char; 3] = ['｜', '|', '丨'];

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
    // A date after the credit ("…攝 113年10月5日") stays with the credit; the credit's
    // form is read before it. `core` is a prefix of `line`.
    let core = strip_date_suffix(line);
    // Cheap refusals first: most lines are paragraphs that end with a final mark.
    let last = core.chars().next_back()?;
    if !matches!(last, '摄' | '攝' | '图' | '圖' | '）' | ')')
        && !core.ends_with("图片")
        && !core.ends_with("家藏")
        && !has_labelled_tail(core)
        && !has_distributed_tail(core)
    {
        return None;
    }
    let mut cuts: Vec<usize> = Vec::with_capacity(3);
    if matches!(last, '）' | ')')
        && let Some(i) = core.rfind(['（', '('])
    {
        cuts.push(i);
    }
    // After a bar ("…路口｜图源：受访者供图"), the bar no part of either.
    if let Some(i) = core.rfind(BARS) {
        let after = i + core[i..].chars().next().map_or(0, char::len_utf8);
        if after < core.len() {
            cuts.push(after);
        }
    }
    if let Some(i) = core.rfind(['。', '！', '？', '”']) {
        let after = i + core[i..].chars().next().map_or(0, char::len_utf8);
        if after < core.len() {
            cuts.push(after);
        }
    }
    // The last white space before the name (a padded name has one inside it: the cut is
    // before the name's first part).
    // Only within a credit's length of the end (a credit is at most 40 characters).
    let body = core
        .trim_end_matches(['摄', '攝', '图', '圖'])
        .trim_end_matches(is_space);
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
    cuts.dedup();
    for cut in cuts {
        let caption = trim_range(line, 0..cut);
        let caption = trim_range(
            line,
            caption.start..caption.start + line[caption.clone()].trim_end_matches(BARS).len(),
        );
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
            // The bar that sets the credit apart is printed with it: nothing of the line
            // is dropped.
            let before = line[..credit.start].trim_end_matches(is_space);
            let credit = match before.chars().next_back() {
                Some(bar) if BARS.contains(&bar) && before.len() >= caption.end => {
                    before.len() - bar.len_utf8()..credit.end
                }
                _ => credit,
            };
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

/// [`byline`]'s names.
#[cfg(test)]
pub(crate) fn byline_authors(line: &str) -> Option<Vec<String>> {
    byline(line).map(|b| b.authors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions_end_with_credits_in_every_printed_form() {
        let split = |line: &'static str| trailing_credit(line);
        // The bar setting a credit apart is printed with it, never dropped.
        assert_eq!(
            split("图为老街夜景。｜谷志锋 摄"),
            Some(("图为老街夜景。", "谷志锋", "｜谷志锋 摄"))
        );
        assert_eq!(
            split("孩子们在图书角挑选绘本。摄影丨白露"),
            Some(("孩子们在图书角挑选绘本。", "白露", "摄影丨白露"))
        );
        assert_eq!(
            split("老师在给新到的书贴编号。东岭晚报记者 白露 图"),
            Some(("老师在给新到的书贴编号。", "白露", "东岭晚报记者 白露 图"))
        );
        assert_eq!(
            split("老師傅在船塢裡檢查船底。中央社記者柯明遠攝 113年3月8日"),
            Some((
                "老師傅在船塢裡檢查船底。",
                "柯明遠",
                "中央社記者柯明遠攝 113年3月8日"
            ))
        );
        assert_eq!(
            split("借书登记本已经写满了三本。（photo by 白露）"),
            Some(("借书登记本已经写满了三本。", "白露", "（photo by 白露）"))
        );
        assert_eq!(
            split("孩子们在操场边读书。Photo: 青山"),
            Some(("孩子们在操场边读书。", "青山", "Photo: 青山"))
        );
        assert_eq!(
            split("旧书架刷上了新漆。（摄影：青山）"),
            Some(("旧书架刷上了新漆。", "青山", "（摄影：青山）"))
        );
        assert_eq!(
            split("捐书的志愿者在村口合影。图/受访者提供"),
            Some(("捐书的志愿者在村口合影。", "受访者提供", "图/受访者提供"))
        );
        assert_eq!(
            split("修船廠早年的照片。圖／港區文史工作室提供"),
            Some((
                "修船廠早年的照片。",
                "港區文史工作室提供",
                "圖／港區文史工作室提供"
            ))
        );
        // Sentences that only end like a credit.
        for line in [
            "这是村里第一张手绘的地图",
            "他把照片拍成了一张示意图",
            "会议在2024年3月8日召开 2024年3月8日",
        ] {
            assert_eq!(split(line), None, "{line}");
        }
    }

    proptest::proptest! {
        /// A caption followed by a credit in any printed form gives back the caption
        /// and the name, whatever the caption and name are.
        #[test]
        fn every_credit_form_splits_back_into_caption_and_name(
            caption in "[渡口船工在河边清晨排队长的上了新书老街夜市，]{3,30}",
            name in "[白柯葉林][露明知晚青遠秋山]{1,2}",
            form in 0usize..9,
            dated in proptest::bool::ANY,
        ) {
            let caption = format!("{caption}。");
            let credit = match form {
                0 => format!("{name} 摄"),
                1 => format!("摄影丨{name}"),
                2 => format!("东岭晚报记者 {name} 图"),
                3 => format!("中央社記者{name}攝"),
                4 => format!("（photo by {name}）"),
                5 => format!("Photo: {name}"),
                6 => format!("（攝影：{name}）"),
                7 => format!("{name}/摄"),
                _ => format!("图/{name}"),
            };
            let date = if dated && matches!(form, 0 | 3 | 7) { " 113年10月5日" } else { "" };
            let line = format!("{caption}{credit}{date}");
            let got = trailing_credit(&line);
            let printed = format!("{credit}{date}");
            proptest::prop_assert_eq!(got, Some((caption.as_str(), name.as_str(), printed.as_str())));
        }

        /// On any line the ranges are within it, in order and never overlapping.
        #[test]
        fn credit_ranges_stay_inside_the_line(
            line in "[渡口白露记者記攝摄影图圖提供丨/：:（）() 　年月日0-9。photo by]{0,40}",
        ) {
            if let Some(at) = trailing_credit_at(&line) {
                proptest::prop_assert!(at.caption.end <= at.credit.start);
                proptest::prop_assert!(at.credit.start <= at.name.start);
                proptest::prop_assert!(at.name.end <= at.credit.end && at.credit.end <= line.len());
                proptest::prop_assert!(!line[at.caption.clone()].is_empty());
            }
        }
    }
}
