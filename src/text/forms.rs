//! The printed forms of an article's parts: how a byline (本报记者 X Y, 文/图 X, X 报道,
//! （记者 X）), a box head (核心阅读, ■ 延伸阅读：), a letter-spaced heading (引 子, 尾　声)
//! and the end of a sentence are written. They are vocabulary, not one format's rules:
//! the plain-text parser ([`crate::formats::text`]), the markup formats (through it) and
//! `check` ask the same functions, so that the same lines read the same everywhere. A
//! photograph's credit in its printed forms is [`super::chinese::credit_only`].
//!
//! Functions of a line's or a clause's text only (`&str` in, no position kept); the
//! parsers say where the text stands.

use super::chinese::{is_han, is_label_separator, is_name_dot, is_person_name, is_slash};
use super::chinese::{is_space, trim, unbracket};

/// Marks that end a sentence. An ASCII full stop counts too (a quoted English sentence,
/// "stay foolish."), except after a digit, where it is a decimal point or an
/// abbreviation cut short.
const SENTENCE_FINAL: &[char] = &['。', '！', '？', '…', '；', '!', '?', '．', '.'];

/// Closing quotes and brackets that may follow a sentence-final mark.
const CLOSING_AFTER_FINAL: &[char] = &['”', '’', '」', '』', '）', ')', '》', '〕', '】'];

/// Punctuation that never stands in a byline or a photographer's name.
fn is_text_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c as u32, 0x3000..=0x303F | 0xFF00..=0xFF0F | 0xFF1A..=0xFF20)
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// Whether `text` ends a sentence: a sentence-final mark, possibly followed by closing
/// quotes or brackets.
pub(crate) fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end().trim_end_matches(CLOSING_AFTER_FINAL);
    if let Some(before) = trimmed.strip_suffix('.') {
        return !before.ends_with(|c: char| c.is_ascii_digit());
    }
    trimmed.ends_with(SENTENCE_FINAL)
}

/// Box heads: the names of the boxed sections of a feature page.
const BOX_HEADS: &[&str] = &[
    "核心阅读",
    "延伸阅读",
    "编者按",
    "编后",
    "编后语",
    "记者手记",
    "采访手记",
    "记者观察",
    "相关链接",
    "新闻链接",
    "知识链接",
    "链接",
    "背景",
    "新闻背景",
    "背景链接",
    "小贴士",
    "短评",
    "点评",
    "专家点评",
    "专家解读",
    "阅读提示",
    "数说",
    "述评",
    "观察",
    "声音",
    "案例",
];

/// Marks printed before a head as decoration (■ 核心阅读, ▶延伸阅读).
pub(crate) const HEAD_ORNAMENTS: &[char] = &[
    '■', '□', '●', '○', '◆', '◇', '▲', '△', '▶', '►', '★', '☆', '◎', '※', '|', '｜',
];

/// `s` without head ornaments, brackets 【】 [] around it, and a final colon.
fn bare_head(s: &str) -> &str {
    let s = s.trim_start_matches(HEAD_ORNAMENTS).trim();
    let s = s
        .strip_prefix('【')
        .and_then(|r| r.strip_suffix('】'))
        .or_else(|| s.strip_prefix('[').and_then(|r| r.strip_suffix(']')))
        .unwrap_or(s);
    s.trim_end_matches(['：', ':']).trim()
}

/// Whether `text` is a box head (核心阅读, 相关链接…), ornaments, brackets and a final
/// colon aside.
pub(crate) fn is_box_head(text: &str) -> bool {
    BOX_HEADS.contains(&bare_head(text.trim()))
}

/// Whether `t` is a letter-spaced head: two to six Han characters, each standing alone
/// between spaces (引 子, 尾　声).
pub(crate) fn is_letter_spaced(t: &str) -> bool {
    let mut n = 0;
    for token in t.split(|c: char| c.is_whitespace() || c == '\u{a0}') {
        if token.is_empty() {
            continue;
        }
        let mut chars = token.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if is_han(c) => n += 1,
            _ => return false,
        }
    }
    (2..=6).contains(&n)
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
    "报道",
    "文字",
    "摄影",
    "整理",
    "编译",
    "统筹",
    "视频",
    "文",
    "图",
    "採寫",
    "報導",
    "報道",
    "攝影",
    "編譯",
    "統籌",
    "視頻",
    "圖",
];

/// Roles of the staff a byline may name after its authors ("文｜X　编辑｜Y"): their
/// names are not the article's authors.
const STAFF_ROLES: &[&str] = &[
    "编辑",
    "责任编辑",
    "责编",
    "校对",
    "审核",
    "美编",
    "排版",
    "监制",
    "主编",
    "編輯",
    "責任編輯",
    "責編",
    "校對",
    "審核",
    "美編",
    "監製",
];

/// Words that end a byline ("X 报道").
const BYLINE_ENDS: &[&str] = &[
    "综合报道",
    "联合报道",
    "报道",
    "报导",
    "綜合報導",
    "聯合報導",
    "即時報導",
    "報導",
    "綜合報道",
    "聯合報道",
    "報道",
];

/// Separators between a role and a name ("文｜X", "文丨X", "文/图 X", "记者：X"):
/// the separators of a credit's label ([`is_label_separator`]).
fn is_role_separator(c: char) -> bool {
    is_label_separator(c)
}

/// A byline's names, and whether the line says it is a byline (a role word such as
/// 记者, 报道 after the names, or brackets around it) rather than only looking like one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Byline {
    pub(crate) authors: Vec<String>,
    pub(crate) marked: bool,
}

/// Reads a byline: one to eight names of Han characters separated by white space, 、 or
/// ，, with role words (本报记者, 记者, 通讯员, 实习生, 文/图 …) before them, 报道 after
/// them, or round brackets around the whole. Two single characters next to each other
/// are one padded name ("李  明").
pub(crate) fn byline(line: &str) -> Option<Byline> {
    let mut t = trim(line);
    // "英国《金融时报》 罗思远 伦敦报道": a foreign paper's correspondent, as translated
    // reports print it — the paper (its country before it) in title marks, the names,
    // then the place reported from fused to 报道.
    if let Some(rest) = foreign_press(t) {
        return byline(&rest).map(|b| Byline { marked: true, ..b });
    }
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
            // "記者林美玲／台南報導": the place reported from, after a slash, is no name.
            if let Some(i) = t.rfind(is_slash) {
                let place = trim(t[i..].trim_start_matches(is_slash));
                if (2..=4).contains(&place.chars().count()) && place.chars().all(is_han) {
                    t = trim(&t[..i]);
                }
            }
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
    // After an editor's role ("编辑｜X"), names are the staff's, not the authors'.
    let mut staff = false;
    for token in t.split(|c: char| is_space(c) || matches!(c, '、' | '，' | ',')) {
        for piece in token.split(is_role_separator) {
            let mut piece = piece;
            if let Some(i) = ["记者", "通讯员", "实习生", "記者", "通訊員", "實習生"]
                .iter()
                .filter_map(|r| piece.rfind(r).map(|i| i + r.len()))
                .max()
            {
                piece = &piece[i..];
                marked = true;
                staff = false;
            }
            if piece.is_empty() {
                continue;
            }
            if BYLINE_ROLES.contains(&piece) {
                marked = true;
                staff = false;
                continue;
            }
            if STAFF_ROLES.contains(&piece) {
                staff = true;
                continue;
            }
            if staff {
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

/// The names of a foreign paper's correspondent's line ("英国《金融时报》 罗思远 伦敦
/// 报道" gives "罗思远 报道"): the country and the paper in title marks before them, a
/// place of two to four Han characters fused to 报道 after them. `None` in any other
/// shape.
fn foreign_press(t: &str) -> Option<String> {
    let close = t.find('》')?;
    let (paper, rest) = (&t[..close], trim(&t[close + '》'.len_utf8()..]));
    let open = paper.find('《')?;
    if paper[..open].chars().count() > 8
        || !paper[..open].chars().all(is_han)
        || paper[open..].chars().count() > 16
        || rest.contains(['《', '》'])
    {
        return None;
    }
    let end = BYLINE_ENDS.iter().find(|e| rest.ends_with(*e))?;
    let before = trim(&rest[..rest.len() - end.len()]);
    let (names, place) = before.rsplit_once(is_space)?;
    ((2..=4).contains(&place.chars().count()) && place.chars().all(is_han))
        .then(|| format!("{} {end}", trim(names)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_end_includes_closing_quote_after_final_mark() {
        assert!(ends_sentence("他说:“好。”"));
        assert!(ends_sentence("今年是“拼”!"));
        assert!(ends_sentence("定期复查……"));
        assert!(ends_sentence("便签:“Stay hungry, stay foolish.”"));
        assert!(!ends_sentence("增长到了3."));
        assert!(!ends_sentence("区域共绘民生“幸福圈”"));
        assert!(!ends_sentence("“我们通过增强企业研发强度来赋"));
    }

    fn names(line: &str) -> Option<Vec<String>> {
        byline(line).map(|b| b.authors)
    }

    #[test]
    fn bylines_name_every_reporter_and_no_role() {
        assert_eq!(
            names("东岭晚报记者 白露 实习生 青山"),
            Some(vec!["白露".into(), "青山".into()])
        );
        assert_eq!(names("本报记者 白露 文/图"), Some(vec!["白露".into()]));
        // A foreign paper's correspondent: the paper and the place are no names.
        assert_eq!(
            names("英国《金融时报》 罗思远 伦敦报道"),
            Some(vec!["罗思远".into()])
        );
        assert_eq!(
            names("美国《纽约时报》 罗思远 白露 华盛顿报道"),
            Some(vec!["罗思远".into(), "白露".into()])
        );
        assert_eq!(names("他读了《金融时报》 上的报道"), None);
        for line in ["記者 柯明遠 葉知秋 報道", "记者 柯明远 叶知秋 报导"] {
            let b = byline(line).expect(line);
            assert_eq!(b.authors.len(), 2, "{line}: {:?}", b.authors);
            assert!(b.marked, "{line}");
        }
        // 丨 between a role and a name, as a bar.
        let b = byline("文丨白露　图丨青山").expect("a byline");
        assert_eq!(b.authors, ["白露", "青山"]);
        assert!(b.marked);
        // Closing lines of a body.
        assert_eq!(
            names("（南港日報記者 柯明遠）"),
            Some(vec!["柯明遠".into()])
        );
        assert_eq!(names("作者：白露"), Some(vec!["白露".into()]));
        assert_eq!(names("作者丨白露"), Some(vec!["白露".into()]));
        // Who reported it, labelled (Singapore's and Malaysia's papers).
        assert_eq!(names("报道：白露"), Some(vec!["白露".into()]));
        assert_eq!(names("報導／柯明遠"), Some(vec!["柯明遠".into()]));
        // The staff named after the authors are not authors.
        assert_eq!(
            names("文｜白露　图｜白露　编辑｜青山"),
            Some(vec!["白露".into(), "白露".into()])
        );
        assert_eq!(names("文/白露 责编/青山"), Some(vec!["白露".into()]));
        // Not bylines.
        assert_eq!(names("今年春天，渡口排起了长队。"), None);
        assert_eq!(names("报道"), None);
    }
}
