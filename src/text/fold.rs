//! Search folding: what a reader cannot tell apart on the screen matches alike.
//!
//! A query matches regardless of Simplified/Traditional script (`头发` finds `頭髮`:
//! both fold to Simplified characters, character by character, through OpenCC's
//! `tw2s` character table), full-width/half-width forms (`，`/`,`, `ＡＩ`/`AI`, `４`/`4`,
//! the ideographic space and a space; Unicode's Halfwidth and Fullwidth Forms block) and
//! Latin case. Each folding can be turned off (`[search]` in `config.toml`).
//!
//! Folding is one character for one, so a match is a byte range of the source text,
//! found without copying the text: positions stay exact.

use std::ops::Range;
use std::sync::OnceLock;

use serde::Deserialize;

use super::convert::{Script, converter};

/// Which foldings a search applies (`[search]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Folding {
    /// Simplified and Traditional characters match alike.
    pub(crate) fold_script: bool,
    /// Full-width and half-width forms match alike.
    pub(crate) fold_width: bool,
    /// Latin letters match in either case.
    pub(crate) fold_case: bool,
}

impl Default for Folding {
    fn default() -> Self {
        Folding {
            fold_script: true,
            fold_width: true,
            fold_case: true,
        }
    }
}

impl Folding {
    /// What the search prompt shows of the foldings that are on: `简=繁`, `全=半`, `A=a`,
    /// separated by spaces; empty when none is.
    pub fn describe(self) -> String {
        [
            (self.fold_script, "简=繁"),
            (self.fold_width, "全=半"),
            (self.fold_case, "A=a"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, s)| *s)
        .collect::<Vec<_>>()
        .join(" ")
    }

    /// `c` as compared.
    #[inline]
    pub fn fold(self, c: char) -> char {
        let mut c = c;
        if self.fold_width {
            c = fold_width(c);
        }
        if self.fold_script && !c.is_ascii() {
            c = fold_script(c);
        }
        if self.fold_case {
            if c.is_ascii() {
                c = c.to_ascii_lowercase();
            } else if c.is_uppercase() {
                let mut l = c.to_lowercase();
                if let (Some(one), None) = (l.next(), l.next()) {
                    c = one;
                }
            }
        }
        c
    }
}

/// The half-width form of a full-width character (U+FF01–U+FF5E → ASCII, U+3000 → space,
/// U+FF61–U+FF64 → 。「」、), else `c`.
#[inline]
pub(crate) fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '\u{FF61}' => '。',
        '\u{FF62}' => '「',
        '\u{FF63}' => '」',
        '\u{FF64}' => '、',
        _ => c,
    }
}

/// The Simplified form of a Han character of the Basic Multilingual Plane (OpenCC's
/// character table, the first candidate), else `c`.
#[inline]
pub(crate) fn fold_script(c: char) -> char {
    let i = u32::from(c) as usize;
    match script_table().get(i) {
        Some(&t) if t != 0 => char::from_u32(u32::from(t)).unwrap_or(c),
        _ => c,
    }
}

/// The BMP's Han characters (U+3400–U+9FFF, U+F900–U+FAFF) folded to Simplified, one
/// u16 per code point (0: unchanged), built once from the converter's dictionaries by
/// converting every character alone.
fn script_table() -> &'static [u16] {
    static TABLE: OnceLock<Vec<u16>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![0u16; 0x1_0000];
        let Some(cc) = converter(Script::Simplified) else {
            return table;
        };
        let chars: Vec<char> = (0x3400..=0x9FFF)
            .chain(0xF900..=0xFAFF)
            .filter_map(char::from_u32)
            .collect();
        let mut all = String::with_capacity(chars.len() * 4);
        for &c in &chars {
            all.push(c);
            all.push('\n');
        }
        let converted = cc.convert(&all);
        for (&c, t) in chars.iter().zip(converted.split('\n')) {
            let mut tc = t.chars();
            if let (Some(one), None) = (tc.next(), tc.next())
                && one != c
                && let Ok(v) = u16::try_from(u32::from(one))
            {
                table[u32::from(c) as usize] = v;
            }
        }
        table
    })
}

/// A query folded, ready to look for in texts (Knuth–Morris–Pratt over the folded
/// characters: each character of the text is folded and looked at once).
#[derive(Debug, Clone)]
pub struct Finder {
    query: Vec<char>,
    /// KMP's failure function: `fail[k]` is the length of the longest proper prefix of
    /// `query[..=k]` that is also its suffix.
    fail: Vec<usize>,
    folding: Folding,
}

impl Finder {
    /// `None` for an empty query.
    pub fn new(query: &str, folding: Folding) -> Option<Finder> {
        let query: Vec<char> = query.chars().map(|c| folding.fold(c)).collect();
        if query.is_empty() {
            return None;
        }
        let mut fail = vec![0; query.len()];
        let mut k = 0;
        for i in 1..query.len() {
            while k > 0 && query[i] != query[k] {
                k = fail[k - 1];
            }
            if query[i] == query[k] {
                k += 1;
            }
            fail[i] = k;
        }
        Some(Finder {
            query,
            fail,
            folding,
        })
    }

    /// Hands `found` the byte range in `hay` of every match, in order, not overlapping
    /// (a match is looked for again after the end of the last one).
    pub fn find_iter(&self, hay: &str, found: &mut dyn FnMut(Range<usize>)) {
        let n = self.query.len();
        // The byte offsets of the last n characters, by their number modulo n.
        let mut starts = vec![0usize; n];
        let mut matched = 0;
        for (count, (i, c)) in hay.char_indices().enumerate() {
            starts[count % n] = i;
            let f = self.folding.fold(c);
            while matched > 0 && self.query[matched] != f {
                matched = self.fail[matched - 1];
            }
            if self.query[matched] == f {
                matched += 1;
            }
            if matched == n {
                // The match's first character is n - 1 characters back.
                let start = starts[(count + 1) % n];
                found(start..i + c.len_utf8());
                matched = 0;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(query: &str, hay: &str, folding: Folding) -> Vec<Range<usize>> {
        let mut v = Vec::new();
        if let Some(f) = Finder::new(query, folding) {
            f.find_iter(hay, &mut |r| v.push(r));
        }
        v
    }

    fn texts<'a>(hay: &'a str, r: &[Range<usize>]) -> Vec<&'a str> {
        r.iter().map(|r| &hay[r.clone()]).collect()
    }

    #[test]
    fn scripts_widths_and_case_fold() {
        let all = Folding::default();
        let hay = "她的頭髮很乾燥。今年,长三角 ＡＩ 与 ai 及 ４ 个";
        assert_eq!(texts(hay, &find("头发", hay, all)), ["頭髮"]);
        assert_eq!(texts(hay, &find("今年，长三角", hay, all)), ["今年,长三角"]);
        assert_eq!(texts(hay, &find("AI", hay, all)), ["ＡＩ", "ai"]);
        assert_eq!(texts(hay, &find("4", hay, all)), ["４"]);
        assert_eq!(texts(hay, &find("長三角", hay, all)), ["长三角"]);
    }

    #[test]
    fn each_folding_can_be_turned_off() {
        let hay = "頭髮 ＡＩ Ai 今年,长";
        let no_script = Folding {
            fold_script: false,
            ..Folding::default()
        };
        assert!(find("头发", hay, no_script).is_empty());
        let no_width = Folding {
            fold_width: false,
            ..Folding::default()
        };
        assert!(find("今年，长", hay, no_width).is_empty());
        assert_eq!(texts(hay, &find("ai", hay, no_width)), ["Ai"]);
        let no_case = Folding {
            fold_case: false,
            ..Folding::default()
        };
        assert_eq!(texts(hay, &find("AI", hay, no_case)), ["ＡＩ"]);
    }

    #[test]
    fn overlapping_starts_are_found() {
        let all = Folding::default();
        assert_eq!(find("aab", "aaab", all), vec![(1..4)]);
        assert_eq!(find("aa", "aaaa", all), [0..2, 2..4]);
        assert_eq!(find("abab", "ababab", all), vec![(0..4)]);
        assert_eq!(find("余姚", "在余余姚,余姚", all), [6..12, 13..19]);
    }

    proptest::proptest! {
        /// Without folding, the matches are `str::match_indices`' (non-overlapping,
        /// left to right); with it, those of the folded text, at the same places.
        #[test]
        fn matches_are_those_of_the_folded_text(
            hay in "[ab头頭发髮ＡA,，]{0,40}",
            query in "[ab头頭发髮ＡA,，]{1,4}",
        ) {
            let none = Folding { fold_script: false, fold_width: false, fold_case: false };
            let want: Vec<Range<usize>> =
                hay.match_indices(&query).map(|(i, m)| i..i + m.len()).collect();
            proptest::prop_assert_eq!(find(&query, &hay, none), want);
            let all = Folding::default();
            let folded: String = hay.chars().map(|c| all.fold(c)).collect();
            let fq: String = query.chars().map(|c| all.fold(c)).collect();
            let got: Vec<String> = find(&query, &hay, all)
                .iter()
                .map(|r| hay[r.clone()].chars().map(|c| all.fold(c)).collect())
                .collect();
            let n_want = folded.match_indices(&fq).count();
            proptest::prop_assert_eq!(got.len(), n_want);
            for g in got {
                proptest::prop_assert_eq!(&g, &fq);
            }
        }
    }

    #[test]
    fn the_prompt_says_what_is_on() {
        assert_eq!(Folding::default().describe(), "简=繁 全=半 A=a");
        let f = Folding {
            fold_script: false,
            fold_width: false,
            fold_case: false,
        };
        assert_eq!(f.describe(), "");
    }
}
