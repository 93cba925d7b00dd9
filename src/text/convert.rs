//! Simplified ⇄ Traditional Chinese on display: OpenCC's phrase-level conversion
//! (through `ferrous-opencc`, a pure-Rust OpenCC with OpenCC's own dictionaries), with a
//! map back to the source text.
//!
//! Display only: the article's text is never changed. The layout shows a converted text
//! ([`convert_mapped`]) and keeps every shown character pointing at the source bytes it
//! stands for, so that search matches, jumps, findings and saved positions stay on the
//! source text. Most conversions are one character for one (头发 → 頭髮: the phrase
//! decides *which* character, not how many); a regional phrase may change the length
//! (互联网 → 網際網路 in [`Script::Taiwan`]), and is then shown as one piece standing
//! for its source range as a whole.
//!
//! The dictionaries are loaded the first time a script is asked for (well under a
//! millisecond: ferrous-opencc, patched, reads its embedded dictionaries in place), never
//! at start-up with [`Script::AsIs`].

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use serde::Deserialize;

/// The script the text is shown in (`[text] script`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Script {
    /// As in the file.
    #[default]
    AsIs,
    /// Simplified Chinese (OpenCC `tw2s`: Traditional, Taiwan variants included, to
    /// Simplified characters).
    Simplified,
    /// Traditional Chinese, OpenCC's standard forms (OpenCC `s2t`).
    Traditional,
    /// Traditional Chinese as written in Taiwan, with Taiwan's phrases (OpenCC `s2twp`).
    Taiwan,
    /// Traditional Chinese as written in Hong Kong (OpenCC `s2hk`).
    Hongkong,
}

impl Script {
    /// Every script, in the order the cycle key goes through them.
    pub const ALL: [Script; 5] = [
        Script::AsIs,
        Script::Simplified,
        Script::Traditional,
        Script::Taiwan,
        Script::Hongkong,
    ];

    /// The next script in [`Script::ALL`], wrapping.
    pub fn next(self) -> Script {
        let i = Script::ALL.iter().position(|&s| s == self).unwrap_or(0);
        Script::ALL[(i + 1) % Script::ALL.len()]
    }

    /// The setting's name, as in `config.toml` and `--script`.
    pub fn name(self) -> &'static str {
        match self {
            Script::AsIs => "as-is",
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
            Script::Taiwan => "taiwan",
            Script::Hongkong => "hongkong",
        }
    }

    /// A short label for the status bar (`简`, `繁`, `臺`, `港`; empty for as-is).
    pub fn label(self) -> &'static str {
        match self {
            Script::AsIs => "",
            Script::Simplified => "简",
            Script::Traditional => "繁",
            Script::Taiwan => "臺",
            Script::Hongkong => "港",
        }
    }

    fn config(self) -> Option<BuiltinConfig> {
        match self {
            Script::AsIs => None,
            Script::Simplified => Some(BuiltinConfig::Tw2s),
            Script::Traditional => Some(BuiltinConfig::S2t),
            Script::Taiwan => Some(BuiltinConfig::S2twp),
            Script::Hongkong => Some(BuiltinConfig::S2hk),
        }
    }
}

/// The converter of `script`, loaded on first use; `None` for [`Script::AsIs`] (or if
/// the built-in dictionaries could not be read, which their tests rule out).
pub(crate) fn converter(script: Script) -> Option<&'static OpenCC> {
    static LOADED: [OnceLock<Option<OpenCC>>; 5] = [const { OnceLock::new() }; 5];
    let config = script.config()?;
    let i = Script::ALL.iter().position(|&s| s == script)?;
    LOADED[i]
        .get_or_init(|| OpenCC::from_config(config).ok())
        .as_ref()
}

/// A query typed as `script` shows its text, read back into the source's words where
/// the script changes words and not only characters: Taiwan's phrases (計程車, 軟體,
/// 滑鼠 shown for 出租车, 软件, 鼠标) through OpenCC's tw2sp, Hong Kong's through hk2s.
/// Characters alone need no reading back: search folds them one for one
/// ([`crate::text::fold`]). `None` for the other scripts, or when reading back changes
/// nothing.
pub fn query_in_source_words(script: Script, query: &str) -> Option<String> {
    static LOADED: [OnceLock<Option<OpenCC>>; 2] = [const { OnceLock::new() }; 2];
    let (i, config) = match script {
        Script::Taiwan => (0, BuiltinConfig::Tw2sp),
        Script::Hongkong => (1, BuiltinConfig::Hk2s),
        _ => return None,
    };
    let cc = LOADED[i]
        .get_or_init(|| OpenCC::from_config(config).ok())
        .as_ref()?;
    let back = cc.convert(query);
    (back != query).then_some(back)
}

/// Loads the dictionaries of `script` in a thread of their own, so that they are read
/// while the file is read and parsed; the first conversion waits for them if it comes
/// first. Nothing for [`Script::AsIs`].
pub fn preload(script: Script) {
    if script != Script::AsIs {
        std::thread::spawn(move || converter(script));
    }
}

/// `text` in `script`, converted as a whole (phrases and all). For one-line texts: the
/// navigation pane, the status bar, the library. Borrowed when nothing changes.
///
/// The last few hundred texts converted are remembered (per thread): the navigation
/// pane and the status bar show the same titles frame after frame.
pub fn convert(script: Script, text: &str) -> Cow<'_, str> {
    /// How many texts are remembered per script before the memory is cleared.
    const REMEMBERED: usize = 512;
    thread_local! {
        static SEEN: RefCell<[HashMap<String, Option<String>>; 5]> = RefCell::default();
    }
    let Some(cc) = converter(script).filter(|_| text.chars().any(convertible)) else {
        return Cow::Borrowed(text);
    };
    let i = Script::ALL.iter().position(|&s| s == script).unwrap_or(0);
    let known = SEEN.with(|seen| seen.borrow()[i].get(text).cloned());
    let shown = known.unwrap_or_else(|| {
        let out = cc.convert(text);
        let shown = (out != text).then_some(out);
        SEEN.with(|seen| {
            let map = &mut seen.borrow_mut()[i];
            if map.len() >= REMEMBERED {
                map.clear();
            }
            map.insert(text.to_string(), shown.clone());
        });
        shown
    });
    shown.map_or(Cow::Borrowed(text), Cow::Owned)
}

/// A text converted for display, as changes to the source text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapped {
    /// Characters shown in place of one source character each: the byte offset of the
    /// source character and the character shown, in ascending order of offset.
    pub chars: Vec<(usize, char)>,
    /// Source byte ranges shown as a whole by another text of a different length
    /// (a regional phrase), in ascending order, disjoint from each other and from
    /// `chars`.
    pub phrases: Vec<(Range<usize>, String)>,
}

/// `text` converted to `script`, as a [`Mapped`] over `text`'s bytes.
///
/// The text is converted a run at a time: a run is what lies between white space and
/// punctuation (no OpenCC phrase spans those), so a run's characters are one for one with
/// its converted characters whenever their numbers agree. Where they do not, the longest
/// prefix and suffix that convert one for one on their own are kept so, and the rest of
/// the run is one phrase.
pub fn convert_mapped(script: Script, text: &str) -> Mapped {
    let mut out = Mapped::default();
    let Some(cc) = converter(script) else {
        return out;
    };
    let mut run_start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if is_run_char(c) && i < text.len() {
            run_start.get_or_insert(i);
        } else if let Some(s) = run_start.take() {
            map_run(cc, text, s..i, &mut out);
        }
    }
    out
}

/// Whether `c` can be part of a phrase OpenCC converts: anything but white space and
/// punctuation (ASCII letters and digits included: `U盘`).
fn is_run_char(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(u32::from(c), 0x2000..=0x206F | 0x3000..=0x303F | 0xFE30..=0xFE4F)
        || matches!(c, '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}' | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}'))
}

/// Whether conversion could change `c` (every non-ASCII character, to be safe).
fn convertible(c: char) -> bool {
    !c.is_ascii()
}

/// Maps one run `range` of `text`.
fn map_run(cc: &OpenCC, text: &str, range: Range<usize>, out: &mut Mapped) {
    let src = &text[range.clone()];
    if !src.chars().any(convertible) {
        return;
    }
    let conv = cc.convert(src);
    if conv == src {
        return;
    }
    let s: Vec<(usize, char)> = src.char_indices().collect();
    let o: Vec<char> = conv.chars().collect();
    let base = range.start;
    if s.len() == o.len() {
        push_chars(&s, &o, base, out);
        return;
    }
    // Lengths differ: a one-for-one prefix and suffix, a phrase between.
    let byte = |k: usize| s.get(k).map_or(src.len(), |&(b, _)| b);
    let min = s.len().min(o.len());
    let prefix = (0..min)
        .rev()
        .find(|&k| {
            let p: Vec<char> = cc.convert(&src[..byte(k)]).chars().collect();
            p.len() == k && p[..] == o[..k]
        })
        .unwrap_or(0);
    let suffix = (0..min - prefix)
        .rev()
        .find(|&j| {
            let p: Vec<char> = cc.convert(&src[byte(s.len() - j)..]).chars().collect();
            p.len() == j && p[..] == o[o.len() - j..]
        })
        .unwrap_or(0);
    // A phrase stands for at least one source character and shows at least one.
    let (mut prefix, mut suffix) = (prefix, suffix);
    while (s.len() - prefix - suffix == 0 || o.len() - prefix - suffix == 0) && prefix + suffix > 0
    {
        if suffix > 0 {
            suffix -= 1;
        } else {
            prefix -= 1;
        }
    }
    push_chars(&s[..prefix], &o[..prefix], base, out);
    let shown: String = o[prefix..o.len() - suffix].iter().collect();
    out.phrases
        .push((base + byte(prefix)..base + byte(s.len() - suffix), shown));
    push_chars(&s[s.len() - suffix..], &o[o.len() - suffix..], base, out);
}

fn push_chars(s: &[(usize, char)], o: &[char], base: usize, out: &mut Mapped) {
    for (&(b, c), &t) in s.iter().zip(o) {
        if c != t {
            out.chars.push((base + b, t));
        }
    }
}

/// `text` as [`Mapped`] shows it (for tests and the non-layout outputs).
pub fn apply(text: &str, m: &Mapped) -> String {
    let mut shown = String::with_capacity(text.len());
    let mut chars = m.chars.iter().peekable();
    let mut phrases = m.phrases.iter().peekable();
    let mut i = 0;
    while i < text.len() {
        if let Some((r, t)) = phrases.peek().filter(|(r, _)| r.start == i) {
            shown.push_str(t);
            i = r.end;
            phrases.next();
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        match chars.peek() {
            Some(&&(b, t)) if b == i => {
                shown.push(t);
                chars.next();
            }
            _ => shown.push(c),
        }
        i += c.len_utf8();
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(script: Script, text: &str) -> String {
        apply(text, &convert_mapped(script, text))
    }

    #[test]
    fn phrases_decide_the_character() {
        let t = Script::Traditional;
        assert_eq!(shown(t, "太后的头发很干燥。"), "太后的頭髮很乾燥。");
        assert_eq!(shown(t, "发展经济"), "發展經濟");
        assert_eq!(shown(t, "干部下乡"), "幹部下鄉");
        assert_eq!(shown(t, "乾隆皇帝"), "乾隆皇帝");
        assert_eq!(shown(t, "我干什么不干你事。"), "我幹什麼不干你事。");
        assert_eq!(shown(t, "长三角一体化"), "長三角一體化");
        assert_eq!(shown(Script::Simplified, "頭髮很乾燥"), "头发很干燥");
    }

    #[test]
    fn one_for_one_conversion_maps_each_character() {
        let text = "今年,头发很干燥";
        let m = convert_mapped(Script::Traditional, text);
        assert!(m.phrases.is_empty());
        // 头 at byte 7, 发 at 10, 干 at 16 are replaced; the comma and 今年 stay.
        let offsets: Vec<usize> = m.chars.iter().map(|&(b, _)| b).collect();
        assert!(offsets == [7, 10, 16]);
        for &(b, _) in &m.chars {
            assert!(text.is_char_boundary(b));
        }
    }

    #[test]
    fn a_regional_phrase_of_another_length_stands_for_its_source_range() {
        let text = "使用互联网算法。";
        let m = convert_mapped(Script::Taiwan, text);
        assert_eq!(apply(text, &m), "使用網際網路演算法。");
        assert!(!m.phrases.is_empty());
        for (r, shown) in &m.phrases {
            assert!(!r.is_empty() && !shown.is_empty());
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        // 使用 stays where it was, one for one.
        assert!(m.phrases.iter().all(|(r, _)| r.start >= "使用".len()));
    }

    #[test]
    fn regional_forms() {
        assert_eq!(shown(Script::Taiwan, "鼠标里面"), "滑鼠裡面");
        assert_eq!(shown(Script::Hongkong, "为了核实这说法"), "為了核實這説法");
        assert_eq!(shown(Script::AsIs, "头发"), "头发");
    }

    #[test]
    fn whole_string_conversion_borrows_what_does_not_change() {
        assert!(matches!(
            convert(Script::Traditional, "abc 123"),
            Cow::Borrowed(_)
        ));
        assert_eq!(convert(Script::Traditional, "区域共绘民生"), "區域共繪民生");
    }

    #[test]
    fn the_cycle_visits_every_script() {
        let mut s = Script::AsIs;
        let mut seen = Vec::new();
        for _ in 0..5 {
            seen.push(s);
            s = s.next();
        }
        assert_eq!(s, Script::AsIs);
        assert_eq!(seen, Script::ALL);
    }
}
