//! Break classes: the character classes of clreq's prohibition rules for line start and
//! line end (行首行尾禁则) at the basic, GB (GB/T 15834—2011) and strict levels, matching
//! `shared/tools/kinsoku_check.py`:
//!
//! * never at a line start: pause and stop marks (点号; UAX #14 CL, NS, EX, IS), closing
//!   quotes and brackets (CL, CP, QU Pf), connectors, interpuncts, postfixes (PO) and the
//!   solidus (SY) — a single —, ～ or ·, which UAX #14 alone lets start a line, too;
//! * never at a line end: opening quotes and brackets (OP, QU Pi) and currency prefixes
//!   (PR); from the GB level, the solidus;
//! * never split: the inseparable pairs —— …… (B2, IN); from the strict level, dashes
//!   and ellipses never start a line;
//! * the East Asian side of a boundary (`is_cjk`: UAX #14 ID and the ambiguous
//!   punctuation of Chinese text), where a break is possible between any two.
//!
//! `levels.rs` gives each boundary between units its level from them.

use unicode_width::UnicodeWidthChar;

use super::LineBreakLevel;

/// Pause and stop marks (点号): never at a line start.
#[cfg(test)]
pub(crate) const PAUSE_STOP: &str = "，。、；：？！．‼⁇⁈⁉,.;:?!";
/// Closing quotes and brackets: never at a line start.
#[cfg(test)]
pub(crate) const CLOSING: &str = "”’」』〞〟»›）〕］｝〉》】〗〙｠⦆)]}";
/// Connector marks: never at a line start (a single — is handled apart).
#[cfg(test)]
pub(crate) const CONNECTOR: &str = "～〜–‐゠-";
/// Interpuncts: never at a line start.
#[cfg(test)]
pub(crate) const INTERPUNCT: &str = "·・‧";
/// Postfixed abbreviations: never at a line start.
#[cfg(test)]
pub(crate) const POSTFIX: &str = "%％‰‱℃℉°′″";
/// The solidus: never at a line start; at GB level and above never at a line end.
#[cfg(test)]
pub(crate) const SOLIDUS: &str = "/／";
/// Opening quotes and brackets: never at a line end.
#[cfg(test)]
pub(crate) const OPENING: &str = "“‘「『〝«‹（〔［｛〈《【〖〘｟⦅([{";
/// Prefixed abbreviations: never at a line end.
#[cfg(test)]
pub(crate) const PREFIX: &str = "￥¥$＄£￡€₩";
/// Marks that come in unbreakable pairs (——, ……, ⋯⋯, ‥‥).
pub const INSEPARABLE_PAIR: &str = "—…⋯‥";
/// Dashes that the strict level keeps from a line start.
pub const DASHES: &str = "—⸺";
/// Ellipses that the strict level keeps from a line start.
pub const ELLIPSES: &str = "…⋯";

/// The em dash, U+2014.
pub(crate) const EM_DASH: char = '—';

/// Whether `c` may never start a line (whatever its neighbours): in [`PAUSE_STOP`],
/// [`CLOSING`], [`CONNECTOR`], [`INTERPUNCT`], [`POSTFIX`] or [`SOLIDUS`].
///
/// Written as a `match` (a jump table) rather than `str::contains`, which searches
/// each string for the UTF-8 bytes of `c`: the breaker asks this once per character.
/// `tests::classes_equal_their_strings` checks the two agree on every `char`.
pub fn start_prohibited(c: char) -> bool {
    matches!(
        c,
        // PAUSE_STOP
        '，' | '。' | '、' | '；' | '：' | '？' | '！' | '．' | '‼' | '⁇' | '⁈' | '⁉'
            | ',' | '.' | ';' | ':' | '?' | '!'
            // CLOSING
            | '”' | '’' | '」' | '』' | '〞' | '〟' | '»' | '›' | '）' | '〕' | '］'
            | '｝' | '〉' | '》' | '】' | '〗' | '〙' | '｠' | '⦆' | ')' | ']' | '}'
            // CONNECTOR
            | '～' | '〜' | '–' | '‐' | '゠' | '-'
            // INTERPUNCT
            | '·' | '・' | '‧'
            // POSTFIX
            | '%' | '％' | '‰' | '‱' | '℃' | '℉' | '°' | '′' | '″'
            // SOLIDUS
            | '/' | '／'
    )
}

/// Whether `c` may never end a line at `level`: in [`OPENING`] or [`PREFIX`], or, from
/// the GB level up, in [`SOLIDUS`].
pub fn end_prohibited(c: char, level: LineBreakLevel) -> bool {
    matches!(
        c,
        // OPENING
        '“' | '‘' | '「' | '『' | '〝' | '«' | '‹' | '（' | '〔' | '［' | '｛' | '〈'
            | '《' | '【' | '〖' | '〘' | '｟' | '⦅' | '(' | '[' | '{'
            // PREFIX
            | '￥' | '¥' | '$' | '＄' | '£' | '￡' | '€' | '₩'
    ) || (level != LineBreakLevel::Basic && is_solidus(c))
}

/// Whether `c` is in [`SOLIDUS`].
pub(crate) fn is_solidus(c: char) -> bool {
    matches!(c, '/' | '／')
}

/// Whether `c` is an inseparable-pair mark (in [`INSEPARABLE_PAIR`]).
pub(crate) fn is_pair_mark(c: char) -> bool {
    matches!(c, '—' | '…' | '⋯' | '‥')
}

/// Whether `c` is in [`DASHES`] or [`ELLIPSES`]: kept from a line start at the strict
/// level.
pub(crate) fn is_strict_start_prohibited(c: char) -> bool {
    matches!(c, '—' | '⸺' | '…' | '⋯')
}

/// An opening quotation mark (Unicode QU, Pi).
pub(crate) fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘')
}

/// A closing quotation mark (Unicode QU, Pf).
pub(crate) fn is_closing_quote(c: char) -> bool {
    matches!(c, '”' | '’')
}

/// White space, including the ideographic space U+3000.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Whether `c` belongs to the East Asian (Chinese) side of text: wide and fullwidth
/// characters (Han, kana, CJK and fullwidth punctuation, emoji) and the ambiguous
/// punctuation of Chinese text (“ ” ‘ ’ … — · ▲ …). Break opportunities exist on both
/// sides of such a character; between two other non-space characters there are none.
///
/// A line-breaking class (UAX #14's ideographic and ambiguous sides), not "Chinese
/// text": that is [`crate::text::chinese::is_chinese`], which leaves out emoji and the
/// ambiguous quotes, because `check` and the full-width display ask whether a mark
/// stands *in Chinese text*, while the breaker asks where a line may break — emoji and
/// “ ” break like ideographs.
pub(crate) fn is_cjk(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    if crate::text::width::is_common_han(c) || UnicodeWidthChar::width(c) == Some(2) {
        return true;
    }
    matches!(
        c,
        '“' | '”'
            | '‘'
            | '’'
            | '…'
            | '⋯'
            | '‥'
            | '—'
            | '⸺'
            | '⸻'
            | '·'
            | '・'
            | '‧'
            | '～'
            | '〜'
            | '▲'
            | '△'
            | '■'
            | '□'
            | '●'
            | '○'
            | '★'
            | '☆'
            | '※'
            | '§'
            | '№'
            | '℃'
            | '‰'
            | '‱'
    )
}

/// Whether `c` is an ASCII letter or digit.
pub fn is_ascii_alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_match_checker() {
        for c in "，。”）》%／·～".chars() {
            assert!(start_prohibited(c), "{c}");
        }
        for c in "“（《￥$".chars() {
            assert!(end_prohibited(c, LineBreakLevel::Basic), "{c}");
        }
        assert!(!end_prohibited('/', LineBreakLevel::Basic));
        assert!(end_prohibited('/', LineBreakLevel::Gb));
        assert!(is_cjk('中') && is_cjk('“') && is_cjk('，') && !is_cjk('a') && !is_cjk(','));
    }

    /// The `match`-based classes agree with the class strings on every `char`.
    #[test]
    fn classes_equal_their_strings() {
        let all = (0..=0x10_FFFF_u32).filter_map(char::from_u32);
        for c in all {
            let start = [PAUSE_STOP, CLOSING, CONNECTOR, INTERPUNCT, POSTFIX, SOLIDUS]
                .iter()
                .any(|s| s.contains(c));
            assert_eq!(start_prohibited(c), start, "{c:?}");
            for level in [
                LineBreakLevel::Basic,
                LineBreakLevel::Gb,
                LineBreakLevel::Strict,
            ] {
                let end = OPENING.contains(c)
                    || PREFIX.contains(c)
                    || (level != LineBreakLevel::Basic && SOLIDUS.contains(c));
                assert_eq!(end_prohibited(c, level), end, "{c:?} {level:?}");
            }
            assert_eq!(is_solidus(c), SOLIDUS.contains(c), "{c:?}");
            assert_eq!(is_pair_mark(c), INSEPARABLE_PAIR.contains(c), "{c:?}");
            assert_eq!(
                is_strict_start_prohibited(c),
                DASHES.contains(c) || ELLIPSES.contains(c),
                "{c:?}"
            );
        }
    }
}
