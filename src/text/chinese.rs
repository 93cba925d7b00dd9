//! The one definition of Chinese text and of the punctuation classes around it, shared
//! by the parser, the full-width punctuation engine ([`super::fullwidth`]), layout and
//! `check`; and the one definition of a line that is a photograph's credit
//! ([`credit_only`]), which the plain-text parser and `check` both ask.

use unicode_width::UnicodeWidthChar;

/// A CJK ideograph (the unified blocks and their extensions, compatibility ideographs).
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x30000..=0x3134F)
}

/// The slashes a byline's or credit's label stands before a name with (文／X, 圖/X,
/// 攝影∕X, X／攝): `/`, the full-width `／`, and the look-alikes pages carry — U+2215
/// DIVISION SLASH (what a Big5 page's 0xA241 decodes to, in the WHATWG and cp950
/// tables) and U+2044 FRACTION SLASH.
pub(crate) const SLASHES: [char; 4] = ['/', '／', '∕', '⁄'];

/// Whether `c` is one of [`SLASHES`].
pub(crate) fn is_slash(c: char) -> bool {
    SLASHES.contains(&c)
}

/// Chinese text, for the punctuation rules: a wide or full-width character (Han, kana,
/// CJK and full-width punctuation and brackets, as East Asian Width W and F) that is not
/// an emoji. The marks Chinese and Latin text share (“ ” … —) are not: they are
/// [`is_see_through`].
pub(crate) fn is_chinese(c: char) -> bool {
    if c.is_ascii() || is_emoji_like(c) {
        return false;
    }
    is_han(c) || UnicodeWidthChar::width(c) == Some(2)
}

/// Emoji and pictographs (wide, but not text).
fn is_emoji_like(c: char) -> bool {
    matches!(u32::from(c), 0x1F000..=0x1FAFF | 0x2600..=0x27BF)
}

/// Quotes, brackets and the marks Chinese and Latin text share, looked through to find
/// what a punctuation mark stands next to: ASCII `" ' ( ) [ ]`, and `“ ” ‘ ’ … ⋯ ‥ — ⸺ ⸻
/// ·`. So the `!` of `他说"拼"!` and the `,` of `好……,` stand in Chinese text, and the
/// `,` of `abc…,def` and of `“OK”, then` do not.
pub(crate) fn is_see_through(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '('
            | ')'
            | '['
            | ']'
            | '“'
            | '”'
            | '‘'
            | '’'
            | '…'
            | '⋯'
            | '‥'
            | '—'
            | '⸺'
            | '⸻'
            | '·'
    )
}

/// Whether `c` separates the parts of a byline or credit: white space of any kind
/// (ideographic and no-break spaces included).
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}'
}

/// `s` without white space of any kind at either end.
pub(crate) fn trim(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// A photographer's name: two to four Han characters, possibly padded with spaces
/// ("陈 醉", "陈  光"), or a transliterated name with a middle dot (阿依·买买提).
pub(crate) fn is_person_name(s: &str) -> bool {
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
pub(crate) fn is_name_dot(c: char) -> bool {
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
pub(crate) const CREDIT_LABELS: &[&str] = &[
    "图片来源",
    "图像来源",
    "圖像來源",
    "资料来源",
    "資料來源",
    "截图",
    "截圖",
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
    "圖片來源",
    "圖片提供",
    "攝影",
    "製圖",
    "繪圖",
    "圖源",
    "插圖",
    "圖文",
];

/// Credits that name no one ("资料图片"), as printed alone or in brackets.
const UNNAMED_CREDITS: &[&str] = &["新华社发", "受访者供图", "受訪者供圖"];

/// Where a picture that names no one is from, before its picture word ("资料图片":
/// the paper's files; "網上圖片": the web) — [`is_unnamed_source`].
const UNNAMED_SOURCES: &[&str] = &[
    "资料",
    "資料",
    "档案",
    "檔案",
    "网络",
    "網絡",
    "網路",
    "网上",
    "網上",
    "互联网",
    "互聯網",
];

/// The words for a picture after its source ("资料图片", "网络截图").
const PICTURE_WORDS: &[&str] = &["图片", "圖片", "照片", "截图", "截圖", "图", "圖", "照"];

/// Whether `s` says where a picture that names no one is from: one of
/// [`UNNAMED_SOURCES`] and one of [`PICTURE_WORDS`] ("资料图", "資料圖片", "網上圖片",
/// "网络截图"). What the picture is ("示意图", "无人机照片", "效果图") says nothing of
/// where it is from and is the caption's own word.
fn is_unnamed_source(s: &str) -> bool {
    UNNAMED_SOURCES
        .iter()
        .filter_map(|w| s.strip_prefix(w))
        .any(|rest| PICTURE_WORDS.contains(&rest))
}

/// What follows who made or gave a picture, in a bracketed credit ("（作者自绘）",
/// "（受訪者提供）", "（记者拍摄）"), and whether anyone may stand before it: 自 (self)
/// and 提供/供图 (provided) say the one before them made or gave it, whoever that is;
/// 拍摄, 绘制, 制图 only after a person's word ending in 者 (作者, 记者, 受访者) —
/// "无人机拍摄" says how the photo was taken, not whose it is.
const MADE_BY: &[(&str, bool)] = &[
    ("自绘", true),
    ("自繪", true),
    ("自摄", true),
    ("自攝", true),
    ("自拍", true),
    ("提供", true),
    ("供图", true),
    ("供圖", true),
    ("拍摄", false),
    ("拍攝", false),
    ("绘制", false),
    ("繪製", false),
    ("绘", false),
    ("繪", false),
    ("制图", false),
    ("製圖", false),
];

/// Whether `s` (a bracket's content) says who made or gave the picture: a short word of
/// Han characters and one of [`MADE_BY`] ("作者自绘", "受访者提供", "记者拍摄").
fn is_made_by(s: &str) -> bool {
    MADE_BY.iter().any(|&(word, anyone)| {
        s.strip_suffix(word).is_some_and(|who| {
            (1..=12).contains(&who.chars().count())
                && who.chars().all(is_han)
                // "图由X提供", "图片为作者拍摄": the picture's label before who, read
                // by the label's own rules.
                && !who.starts_with(['图', '圖', '照'])
                && !who.contains(['由', '为', '為', '是'])
                && (anyone || who.ends_with('者'))
        })
    })
}

/// The picture agencies' and papers' words a photographer's credit may close with after
/// a slash ("郭文静摄/光明图片", "X摄／视觉中国", "X攝/IC photo"): short, and no
/// sentence in it ([`plain_name`]).
fn is_distributor(s: &str) -> bool {
    plain_name(s).is_some_and(|w| {
        w.chars().count() <= 12
            && w.chars()
                .all(|c| is_han(c) || c.is_ascii_alphanumeric() || c == ' ')
    })
}

/// News agencies by the names Chinese papers print in credits (Simplified and
/// Traditional), beside the generic forms [`is_news_agency`] reads.
const NEWS_AGENCIES: &[&str] = &[
    "新华社",
    "中新社",
    "中央社",
    "路透社",
    "美联社",
    "美聯社",
    "法新社",
    "共同社",
    "韩联社",
    "韓聯社",
    "塔斯社",
    "德新社",
    "欧新社",
    "歐新社",
    "彭博社",
    "埃菲社",
    "安莎社",
    "时事社",
    "時事社",
    "卫星社",
    "衛星社",
    "俄新社",
    "合众国际社",
    "合眾國際社",
    "美通社",
    "中通社",
];

/// What follows an agency's name when a photograph is credited to it ("美联社照片").
const AGENCY_PHOTO_SUFFIXES: &[&str] = &["照片", "图片", "圖片", "供图", "供圖", "图", "圖"];

/// The words before the place a picture was taken from ("图／取自X", "翻摄自X").
const TAKEN_FROM: &[&str] = &[
    "取自",
    "翻摄自",
    "翻攝自",
    "截图自",
    "截圖自",
    "来自",
    "來自",
];

/// `name` without the words before the place a picture was taken from ("取自港務局" →
/// "港務局"); `name` itself when none opens it or nothing follows them.
pub(crate) fn without_taken_from(name: &str) -> &str {
    TAKEN_FROM
        .iter()
        .find_map(|w| name.strip_prefix(w))
        .map(trim)
        .filter(|r| !r.is_empty())
        .unwrap_or(name)
}

/// Whether `s` is a news agency's name: one of [`NEWS_AGENCIES`], or a word of Han
/// characters (at most 10) ending in 通讯社/通訊社 or 新闻社/新聞社 (a wire service's
/// generic name, "越南通讯社").
pub(crate) fn is_news_agency(s: &str) -> bool {
    NEWS_AGENCIES.contains(&s)
        || (["通讯社", "通訊社", "新闻社", "新聞社"]
            .iter()
            .any(|w| s.ends_with(w))
            && s.chars().count() <= 10
            && s.chars().all(is_han))
}

/// `s` without one pair of round brackets around it (full-width or ASCII).
pub(crate) fn unbracket(s: &str) -> Option<&str> {
    s.strip_prefix('（')
        .and_then(|r| r.strip_suffix('）'))
        .or_else(|| s.strip_prefix('(').and_then(|r| r.strip_suffix(')')))
        .or_else(|| s.strip_prefix('〔').and_then(|r| r.strip_suffix('〕')))
}

/// Whether `c` stands between a credit's label and its name (摄影：X, 图/X, 摄影丨X):
/// a colon, one of [`SLASHES`], a vertical bar, or U+4E28 丨 (the stroke pages print as
/// a bar).
pub(crate) fn is_label_separator(c: char) -> bool {
    is_slash(c) || matches!(c, '：' | ':' | '｜' | '|' | '丨')
}

/// `s` without a date printed after it, past white space: "113年10月5日" (the ROC
/// year, as Taiwanese agencies date a photograph), "2024年10月5日", "2024-10-05",
/// "2024/10/5", "2024.10.5". `s` itself when it ends in none.
pub(crate) fn strip_date_suffix(s: &str) -> &str {
    let s = trim(s);
    // Cheap refusal first: a date ends in a digit or 日 (most lines end in a mark).
    if !s.ends_with(|c: char| c.is_ascii_digit() || c == '日') {
        return s;
    }
    let Some(i) = s.rfind(is_space) else {
        return s;
    };
    let date = s[i..].trim_start_matches(is_space);
    let numbers: Vec<&str> = date
        .split(['年', '月', '日', '-', '/', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    let written = date.contains('年') && date.contains('月') && date.ends_with('日');
    let numeric = date.matches(['-', '/', '.']).count() == 2 && !date.ends_with(['-', '/', '.']);
    let fits = numbers.len() == 3
        && numbers.iter().all(|p| digits(p))
        && (2..=4).contains(&numbers[0].len())
        && numbers[1].len() <= 2
        && numbers[2].len() <= 2
        && (written || numeric);
    if fits { trim(&s[..i]) } else { s }
}

/// What a picture is taken with or from, as a caption says it ("无人机拍摄", "航拍",
/// "手机拍摄"): never a photographer's name.
const SHOT_WITH: &[&str] = &[
    "无人机",
    "無人機",
    "航",
    "手机",
    "手機",
    "相机",
    "相機",
    "卫星",
    "衛星",
    "监控",
    "監控",
    "延时",
    "延時",
    "长曝光",
    "長曝光",
    "红外",
    "紅外",
];

/// Who took a picture, from what stands before 摄 ("白露拍" of "白露拍摄" gives 白露):
/// `None` when it says how the picture was taken instead ("无人机拍", "手机拍"), no
/// one's name.
pub(crate) fn shot_by(before: &str) -> Option<&str> {
    match before.strip_suffix('拍') {
        Some(r) if SHOT_WITH.iter().any(|m| r.ends_with(m)) => None,
        Some(r) => Some(r),
        None => Some(before),
    }
}

/// A line that is nothing but a credit; returns the credited name (padding and all) or,
/// for a credit that names no one ("资料图片", "（新华社发）"), the credit itself.
///
/// Forms: `NAME 摄`, `NAME摄`, `NAME/摄`, `ROLE NAME摄` (roles such as 新华社记者,
/// 本报记者, 中央社記者), `ROLE NAME 图` / `NAME 图` (a space or slash before 图),
/// `LABEL：NAME` (摄影, 制图, 图片来源…; the separator also a slash, a bar or 丨),
/// `图/X提供` (the name "X提供"), `photo by NAME` and `Photo: NAME`, the unnamed credits,
/// each possibly in round brackets and followed by the photograph's date
/// ([`strip_date_suffix`]: "中央社記者陳怡君攝 113年10月5日").
pub(crate) fn credit_only(line: &str) -> Option<&str> {
    let line = trim(line);
    if line.is_empty() || line.chars().nth(40).is_some() {
        return None;
    }
    let undated = strip_date_suffix(line);
    if undated.len() < line.len() {
        return credit_only(undated);
    }
    if let Some(name) = latin_credit(line) {
        return Some(name);
    }
    if let Some(inner) = unbracket(line) {
        let inner = trim(inner);
        if UNNAMED_CREDITS.contains(&inner)
            || is_unnamed_source(inner)
            || is_made_by(inner)
            || inner.ends_with("供图")
            || inner.ends_with("供圖")
            || inner.ends_with("新华社发")
        {
            return Some(inner);
        }
        // "（路透社）": a news agency's name alone in brackets is its photograph's credit.
        if is_news_agency(inner) {
            return Some(inner);
        }
        // "（档案照片/海峡时报）": where a picture that names no one is from, and after a
        // slash the paper or agency it is from.
        if let Some(i) = inner.find(is_slash) {
            let (from, by) = (trim(&inner[..i]), trim(&inner[i..]));
            let by = trim(&by[by.chars().next().map_or(0, char::len_utf8)..]);
            if (is_unnamed_source(from) || UNNAMED_CREDITS.contains(&from))
                && !by.is_empty()
                && by.chars().nth(12).is_none()
                && by
                    .chars()
                    .all(|c| is_han(c) || c.is_ascii_alphanumeric() || is_space(c))
            {
                return Some(inner);
            }
        }
        // "（美国之音 凯文·米勒 拍摄）": the outlet, then its photographer, the one
        // credited (as 新华社记者 X 摄 credits X).
        if let Some(rest) = ["拍摄", "拍攝", "摄", "攝"]
            .iter()
            .find_map(|v| inner.strip_suffix(v))
            .map(trim)
            && let Some((outlet, name)) = rest.rsplit_once(is_space)
            && is_person_name(trim(name))
            && (2..=8).contains(&trim(outlet).chars().count())
            && trim(outlet).chars().all(is_han)
        {
            return Some(trim(name));
        }
        return credit_only(inner);
    }
    if UNNAMED_CREDITS.contains(&line) || is_unnamed_source(line) {
        return Some(line);
    }
    // "光明日报记者 郭文静摄/光明图片": a photographer's credit and, after a slash, the
    // agency or paper's picture service that gives it out; the name is the
    // photographer's.
    if let Some(i) = line.rfind(is_slash) {
        let before = trim(&line[..i]);
        let after = &line[i..];
        let after = trim(&after[after.chars().next().map_or(0, char::len_utf8)..]);
        if before.ends_with(['摄', '攝'])
            && is_distributor(after)
            && let Some(name) = credit_only(before)
        {
            return Some(name);
        }
    }
    // "中新社发", "法新社發": an agency's release, as 新华社发.
    if line
        .strip_suffix(['发', '發'])
        .is_some_and(|a| is_news_agency(trim(a)))
    {
        return Some(line);
    }
    // "美联社照片", "路透社图片", "法新社供图": an agency's photograph, credited to the agency.
    if let Some(agency) = AGENCY_PHOTO_SUFFIXES
        .iter()
        .find_map(|s| line.strip_suffix(s))
        .map(trim)
        .filter(|a| is_news_agency(a))
    {
        return Some(agency);
    }
    // A family's own photograph, as books and memoirs credit it: "作者家藏", "陈家家藏"
    // (who keeps it; a short word of Han characters before 家藏).
    if let Some(holder) = line.strip_suffix("家藏")
        && (1..=8).contains(&holder.chars().count())
        && holder.chars().all(is_han)
    {
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
    // 拍摄 after a space ("凯文·米勒 拍摄") is the verb 摄 is short for.
    let shot = ["拍摄", "拍攝"]
        .iter()
        .find_map(|v| line.strip_suffix(v))
        .filter(|r| r.ends_with(is_space));
    if let Some(rest) = shot.or_else(|| line.strip_suffix(['摄', '攝'])) {
        let rest = trim(rest);
        let rest = trim(
            rest.strip_suffix(|c: char| is_label_separator(c) && !matches!(c, '：' | ':'))
                .unwrap_or(rest),
        );
        // "张三拍摄": the verb 拍摄 written whole, the name before it; "无人机拍摄",
        // "手机拍摄": how the picture was taken, no one credited (the caption's words).
        let rest = trim(shot_by(rest)?);
        // "图为李明拍摄": what the picture is, then who took it.
        let rest = ["图片为", "图为", "照片为", "圖片為", "圖為", "照片為"]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
            .map_or(rest, trim);
        let name = strip_role(rest);
        // "圖／林佳蓉攝": the picture's label and a slash before the name.
        let name = name
            .strip_prefix(['图', '圖'])
            .and_then(|r| trim(r).strip_prefix(is_label_separator))
            .map_or(name, trim);
        // "圖片來源：陳柏翰攝": a source's label before the photographer's name.
        let name = CREDIT_LABELS
            .iter()
            .find_map(|l| name.strip_prefix(l))
            .and_then(|r| trim(r).strip_prefix(is_label_separator))
            .map_or(name, trim);
        return is_person_name(name).then_some(name);
    }
    // "澎湃新闻记者 孟秋 图", "孟秋/图": 图 after a space or slash ("示意图", "地图" are
    // words, and "文/图" is a byline's roles).
    if let Some(rest) = line.strip_suffix(['图', '圖']) {
        let sep = rest.ends_with(|c: char| is_space(c) || is_label_separator(c));
        let rest = trim(trim(rest).trim_end_matches(is_label_separator));
        let name = strip_role(rest);
        if sep && is_person_name(name) {
            return Some(name);
        }
    }
    for label in CREDIT_LABELS {
        if let Some(rest) = line.strip_prefix(label) {
            let rest = trim(rest);
            // "图像来源，Getty Images": a source's label may take a comma.
            let comma = label.ends_with('源') && rest.starts_with(['，', ',']);
            let Some(name) = rest
                .strip_prefix(is_label_separator)
                .or_else(|| comma.then(|| &rest[rest.chars().next().map_or(0, char::len_utf8)..]))
            else {
                continue;
            };
            return plain_name(name);
        }
    }
    // "图：X": the bare 图 before a colon; before a slash or bar only a person's name or
    // a "X提供" ("图/受访者提供"), never "图/文 X", a byline.
    let rest = trim(line.strip_prefix(['图', '圖'])?);
    if let Some(name) = rest.strip_prefix(['：', ':']) {
        return plain_name(name);
    }
    // "图由X提供" ("（圖由陳家提供）"): the credit is "X提供", as after 图/.
    if let Some(name) = rest.strip_prefix('由')
        && name.ends_with("提供")
        && name.chars().count() > 2
    {
        return plain_name(name);
    }
    let name = plain_name(rest.strip_prefix(is_label_separator)?)?;
    // "圖／取自交通部鐵道局", "图/翻摄自网络": where the picture was taken from.
    // One word: a caption after white space is not the source's.
    if let Some(from) = TAKEN_FROM.iter().find_map(|w| name.strip_prefix(w)) {
        return plain_name(from).filter(|f| !f.contains(is_space));
    }
    // "图/美联社": the agency the picture is from.
    if is_news_agency(name) {
        return Some(name);
    }
    let provided = name.ends_with("提供") || name.ends_with("供图") || name.ends_with("供圖");
    (!name.starts_with('文') && (provided || is_person_name(name))).then_some(name)
}

/// A credit in English: "photo by NAME", "Photo: NAME", "Photo／NAME" (any case).
fn latin_credit(line: &str) -> Option<&str> {
    let head = line.get(..5)?;
    if !head.eq_ignore_ascii_case("photo") {
        return None;
    }
    let rest = &line[5..];
    let name = match rest.get(..4) {
        Some(by) if by.eq_ignore_ascii_case(" by ") => &rest[4..],
        _ => rest
            .trim_start_matches(is_space)
            .strip_prefix(is_label_separator)?,
    };
    plain_name(name)
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

/// `s` without a leading credit role ("新华社记者 ", "中新社发 ", "人民日报记者"),
/// padding trimmed: a known role, or a word of Han characters ending in 记者, 通讯员 or
/// 社发 (a paper's or agency's name before it, two joined by a middle dot as a paper and
/// its site sign together — "中青报·中青网记者"; never a sentence).
fn strip_role(s: &str) -> &str {
    for role in CREDIT_ROLES {
        if let Some(rest) = s.strip_prefix(role) {
            return trim(rest);
        }
    }
    let head = &s[..s.char_indices().nth(12).map_or(s.len(), |(i, _)| i)];
    ["记者", "通讯员", "社发", "記者", "通訊員", "社發"]
        .iter()
        .filter_map(|r| head.find(r).map(|i| (i, i + r.len())))
        .min()
        .filter(|&(i, _)| i == 0 || is_outlet(&s[..i]))
        .map_or(s, |(_, end)| trim(&s[end..]))
}

/// Whether `s` is a paper's or agency's name as printed before 记者 ("人民日报", and a
/// paper with its site, "中青报·中青网"): Han characters, a middle dot only between them.
pub(crate) fn is_outlet(s: &str) -> bool {
    s.split(is_name_dot)
        .all(|w| !w.is_empty() && w.chars().all(is_han))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_is_wide_and_not_emoji() {
        for c in "中文，。（）《》「」：！？、〔〕ｂ２・～".chars() {
            assert!(is_chinese(c), "{c}");
        }
        for c in "a1,!()“”‘’…—·😀★".chars() {
            assert!(!is_chinese(c), "{c}");
        }
        for c in "\"'()[]“”‘’…—·".chars() {
            assert!(is_see_through(c) && !is_chinese(c), "{c}");
        }
    }

    #[test]
    fn credits_are_a_name_and_she() {
        assert_eq!(credit_only("谷志锋 摄"), Some("谷志锋"));
        assert_eq!(credit_only(" 陈 醉 摄 "), Some("陈 醉"));
        assert_eq!(credit_only("这是一句很长的话并不是摄"), None);
        assert_eq!(
            credit_only("峰会 现场 摄"),
            None,
            "two words are not one padded name"
        );
        assert!(is_person_name("劳超杰") && !is_person_name("A 摄"));
        assert!(is_person_name("阿依·买买提") && !is_person_name("峰会 现场"));
    }

    #[test]
    fn credits_in_the_forms_pages_print_them() {
        // 丨 (U+4E28) stands for a bar between the label and the name.
        assert_eq!(credit_only("摄影丨白露"), Some("白露"));
        assert_eq!(credit_only("攝影丨柯明遠"), Some("柯明遠"));
        assert_eq!(credit_only("白露丨摄"), Some("白露"));
        // NAME 图, with a role before it; a space or slash before 图.
        assert_eq!(credit_only("东岭晚报记者 白露 图"), Some("白露"));
        // 拍摄 written whole after the name; how the picture was taken is no credit.
        assert_eq!(credit_only("本报记者 白露拍摄"), Some("白露"));
        for method in ["无人机拍摄", "無人機拍攝", "卫星拍摄", "手机拍摄"] {
            assert_eq!(credit_only(method), None, "{method}");
        }
        // A paper and its site signing together, joined by a middle dot.
        assert_eq!(credit_only("东青报·东青网记者 白露/摄"), Some("白露"));
        assert_eq!(credit_only("东青报·东青网记者　白露/摄"), Some("白露"));
        assert_eq!(credit_only("·东青网记者 白露/摄"), None);
        assert_eq!(credit_only("白露 图"), Some("白露"));
        assert_eq!(credit_only("白露/图"), Some("白露"));
        for word in ["示意图", "地图", "文/图", "本报记者 白露 文/图", "白露图"] {
            assert_eq!(credit_only(word), None, "{word}");
        }
        // A Traditional role fused with the name, and the photograph's date after it.
        assert_eq!(
            credit_only("中央社記者柯明遠攝 113年3月8日"),
            Some("柯明遠")
        );
        assert_eq!(
            credit_only("本報記者 柯明遠攝 2024年3月8日"),
            Some("柯明遠")
        );
        assert_eq!(credit_only("白露 摄 2024-03-08"), Some("白露"));
        assert_eq!(credit_only("白露 摄 2024年"), None, "a year is no date");
        assert_eq!(
            credit_only("上班的人。东岭晚报记者 白露 图"),
            None,
            "a sentence before"
        );
        // In English.
        assert_eq!(credit_only("photo by 白露"), Some("白露"));
        assert_eq!(credit_only("（Photo by Lin Qing）"), Some("Lin Qing"));
        assert_eq!(credit_only("Photo: 青山"), Some("青山"));
        assert_eq!(credit_only("photography is fun"), None);
        // A bracketed label form.
        assert_eq!(credit_only("（摄影：青山）"), Some("青山"));
        assert_eq!(credit_only("（攝影：葉知秋）"), Some("葉知秋"));
        assert_eq!(credit_only("作者家藏"), Some("作者家藏"));
        assert_eq!(credit_only("（受访者家藏）"), Some("受访者家藏"));
        assert_eq!(credit_only("家藏"), None);
        assert_eq!(credit_only("传了三代，家藏"), None);
        // 图/X提供: the credit is "X提供", the slash never in it.
        assert_eq!(credit_only("图/受访者提供"), Some("受访者提供"));
        assert_eq!(
            credit_only("圖／港區文史工作室提供"),
            Some("港區文史工作室提供")
        );
        assert_eq!(credit_only("图丨受访者提供"), Some("受访者提供"));
        // 图由X提供: the same credit, "X提供", never "由X".
        assert_eq!(credit_only("（圖由陳家提供）"), Some("陳家提供"));
        assert_eq!(credit_only("图由受访者提供"), Some("受访者提供"));
        assert_eq!(credit_only("图由提供"), None);
        assert_eq!(credit_only("图/白露"), Some("白露"));
        // Agencies: alone in brackets, or with their photograph's word.
        assert_eq!(credit_only("（路透社）"), Some("路透社"));
        assert_eq!(credit_only("（美联社照片）"), Some("美联社"));
        assert_eq!(credit_only("法新社图片"), Some("法新社"));
        assert_eq!(credit_only("（越南通讯社）"), Some("越南通讯社"));
        assert_eq!(credit_only("（图/美联社）"), Some("美联社"));
        assert_eq!(credit_only("（中新社发）"), Some("中新社发"));
        assert_eq!(credit_only("（出版社发）"), None);
        assert_eq!(
            credit_only("路透社"),
            None,
            "a name alone, unbracketed, is text"
        );
        assert_eq!(credit_only("（合作社）"), None);
        assert_eq!(credit_only("（出版社照片）"), None);
        // Where the picture was taken from, and the picture's label before a name.
        assert_eq!(
            credit_only("（圖／取自交通部鐵道局）"),
            Some("交通部鐵道局")
        );
        assert_eq!(credit_only("图/翻摄自网络"), Some("网络"));
        assert_eq!(credit_only("圖／取自港務局網站　湖面日出"), None);
        assert_eq!(credit_only("（圖／林佳蓉攝）"), Some("林佳蓉"));
        assert_eq!(credit_only("图/白露 摄"), Some("白露"));
        assert_eq!(credit_only("图/文 白露"), None, "a byline's roles");
    }

    #[test]
    fn credits_of_where_a_picture_is_from_and_who_made_it() {
        // A photographer's credit closed by the service that gives the photo out.
        assert_eq!(
            credit_only("光明日报记者 郭文静摄/光明图片"),
            Some("郭文静")
        );
        assert_eq!(credit_only("白露摄／视觉中国"), Some("白露"));
        assert_eq!(credit_only("白露摄/IC photo"), Some("白露"));
        assert_eq!(credit_only("白露摄/图片说明写在这里。"), None);
        assert_eq!(credit_only("大家好/光明图片"), None);
        // Where a picture that names no one is from, bare or bracketed.
        for line in [
            "（資料圖片）",
            "（资料图）",
            "资料照片",
            "（網上圖片）",
            "（网络截图）",
            "（檔案照片）",
        ] {
            assert!(credit_only(line).is_some(), "{line}");
        }
        // Who made or gave it, in brackets.
        for line in [
            "（作者自绘）",
            "（作者供图）",
            "（受訪者提供）",
            "（麻豆區農會提供）",
            "（记者拍摄）",
            "（笔者绘制）",
        ] {
            assert!(credit_only(line).is_some(), "{line}");
        }
        // What the picture is, or how it was taken: the caption's own words.
        for line in [
            "（示意圖）",
            "（示意图）",
            "（无人机照片）",
            "（效果图）",
            "作者自绘",
            "（资料）",
        ] {
            assert_eq!(credit_only(line), None, "{line}");
        }
    }

    #[test]
    fn dates_after_a_credit_come_off() {
        assert_eq!(strip_date_suffix("X攝 113年10月5日"), "X攝");
        assert_eq!(strip_date_suffix("X 摄 2024/3/8"), "X 摄");
        assert_eq!(strip_date_suffix("X 摄 2024.03.08"), "X 摄");
        for kept in ["X 摄", "X 摄 1131005", "X 摄 3月8日", "X 摄 2024-03-"] {
            assert_eq!(strip_date_suffix(kept), kept);
        }
    }
}
