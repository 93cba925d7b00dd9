//! The one definition of Chinese text and of the punctuation classes around it, shared
//! by the parser, the full-width punctuation engine ([`super::fullwidth`]), layout and
//! `check`.

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

/// A person's name as bylines and photo credits print it: two to four Han characters,
/// possibly padded with one space ("陈 醉").
pub(crate) fn is_person_name(s: &str) -> bool {
    let han: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    (2..=4).contains(&han.len())
        && han.iter().all(|&c| is_han(c))
        && s.split_whitespace().count() <= 2
}

/// A line that is nothing but a photographer's credit, "NAME 摄"; returns the name.
pub fn credit_only(line: &str) -> Option<&str> {
    let rest = line.trim().strip_suffix('摄')?;
    let name = rest.trim();
    is_person_name(name).then_some(name)
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
        assert!(is_person_name("劳超杰") && !is_person_name("A 摄"));
    }
}
