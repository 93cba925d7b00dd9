//! Display widths per grapheme cluster.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use serde::Deserialize;

/// How wide the East Asian *ambiguous* characters (“ ” ‘ ’ … — · ▲) are drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AmbiguousWidth {
    /// One column: most terminals outside a CJK locale.
    #[default]
    Narrow,
    /// Two columns: terminals set up for CJK.
    Wide,
}

/// The display width of one grapheme cluster, in columns: the larger of the cluster's
/// width (UAX #11 with unicode-width's emoji and sequence rules: `❤\u{FE0F}` is two
/// columns, `⌚\u{FE0E}` one; two at most) and the sum of its characters' widths, none
/// over two (what a terminal
/// that advances character by character — xterm, VTE, the `vt100` crate — covers, a
/// one-column character widened to two by VS16: `⌚\u{FE0E}` two, a ZWJ sequence of
/// three emoji six, `🏳\u{FE0F}\u{200D}🌈` four).
///
/// Reserving the larger keeps every character of the cluster on the screen in either
/// kind of terminal: the backend moves the cursor after a cluster of several characters
/// itself ([`crate::text`] users draw through `terminal::wire`), so a terminal that draws
/// the cluster narrower leaves blank columns, never overlapping ones. Zero for a cluster
/// of zero-width characters alone (a combining mark or a Hangul vowel with nothing before
/// it): it is drawn attached to its neighbour.
pub(crate) fn grapheme_width(g: &str, ambiguous: AmbiguousWidth) -> usize {
    if let [b] = g.as_bytes() {
        // ASCII fast path: printable characters are one column, controls none.
        if (0x20..0x7f).contains(b) {
            return 1;
        }
        if b.is_ascii() {
            return 0;
        }
    }
    let (cluster, char_width): (usize, fn(char) -> Option<usize>) = match ambiguous {
        AmbiguousWidth::Narrow => (g.width(), UnicodeWidthChar::width),
        AmbiguousWidth::Wide => (g.width_cjk(), UnicodeWidthChar::width_cjk),
    };
    // Character by character, as such a terminal advances: an emoji presentation
    // selector (VS16) widens a one-column character before it to two.
    let (mut chars, mut last) = (0, None);
    for c in g.chars() {
        // No terminal draws a character wider than two columns (unicode-width's three
        // for U+17D8 is its decomposition's width): two at most.
        let w = char_width(c).unwrap_or(0).min(2);
        if c == '\u{FE0F}'
            && let Some(base) = last
            && char_width(base) == Some(1)
            && emoji_presentation_widens(base)
        {
            chars += 1;
            last = None;
        } else if w > 0 {
            chars += w;
            last = Some(c);
        }
    }
    // The cluster's own width counts where variation selectors alone follow its first
    // character (VS15, VS16, VS1/VS2 on a quote); elsewhere unicode-width's sequence
    // rules (`>\u{338}` read as ≯, wide where ambiguous characters are) are not what a
    // terminal draws, and a line's clusters must measure what its units measured.
    if g.chars().skip(1).all(is_variation_selector) {
        chars.max(cluster.min(2))
    } else {
        chars
    }
}

fn is_variation_selector(c: char) -> bool {
    matches!(c, '\u{FE00}'..='\u{FE0F}' | '\u{E0100}'..='\u{E01EF}')
}

/// Whether VS16 after `base` asks for an emoji two columns wide (unicode-width's rule:
/// `☺\u{FE0F}`, `1\u{FE0F}`, not `a\u{FE0F}` or `◌\u{FE0F}`).
fn emoji_presentation_widens(base: char) -> bool {
    let mut buf = [0u8; 8];
    let n = base.encode_utf8(&mut buf).len();
    let n = n + '\u{FE0F}'.encode_utf8(&mut buf[n..]).len();
    std::str::from_utf8(&buf[..n]).is_ok_and(|s| s.width() > 1)
}

/// Whether `c` is a *plain* character: printable ASCII, or Han, kana, CJK or
/// fullwidth punctuation, or the general punctuation of Chinese text (“ ” ‘ ’ — …).
///
/// A plain character never joins the character after it into one grapheme cluster,
/// and no ASCII or plain character joins the character before it (none is a CR, a
/// Hangul jamo, a prepended mark, a regional indicator, a combining mark or a ZWJ;
/// `tests::plain_characters_stand_alone` checks it). So a plain character followed
/// by an ASCII or plain character, or by nothing, is a grapheme cluster by itself, and
/// its width is [`plain_width`]: the breaker skips the segmenter for it.
pub(crate) fn is_plain(c: char) -> bool {
    matches!(
        c,
        ' '..='~'
            | '\u{B7}'
            | '\u{2010}'..='\u{2027}'
            | '\u{3000}'..='\u{3029}'
            | '\u{3030}'..='\u{3096}'
            | '\u{309B}'..='\u{30FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{FF01}'..='\u{FF60}'
    )
}

/// The width of a plain character (see [`is_plain`]) standing as a grapheme cluster by
/// itself: the same as [`grapheme_width`] of it.
pub(crate) fn plain_width(c: char, ambiguous: AmbiguousWidth) -> usize {
    if c.is_ascii() {
        return 1;
    }
    if is_common_han(c) {
        return 2;
    }
    match ambiguous {
        AmbiguousWidth::Narrow => c.width(),
        AmbiguousWidth::Wide => c.width_cjk(),
    }
    .unwrap_or(0)
}

/// Whether `c` is in the CJK Unified Ideographs block (U+4E00–U+9FFF), all of it two
/// columns wide in either ambiguous mode (checked by a test): most of Chinese text, so
/// width lookups skip the table for it.
pub(crate) fn is_common_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}')
}

/// The first character of `text` and the byte length of the grapheme cluster it starts
/// (`text` must start at a cluster boundary); `None` for empty text.
pub(crate) fn first_grapheme(text: &str) -> Option<(char, usize)> {
    let mut chars = text.chars();
    let c = chars.next()?;
    let len = if is_plain(c) && chars.next().is_none_or(|n| n.is_ascii() || is_plain(n)) {
        c.len_utf8()
    } else {
        text.graphemes(true).next().map_or(text.len(), str::len)
    };
    Some((c, len))
}

/// The extended grapheme clusters of `text` (UAX #29), as `text.graphemes(true)` gives
/// them, a plain character ([`first_grapheme`]) without the segmenter's state machine.
pub fn clusters(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let (_, len) = first_grapheme(rest)?;
        let (g, after) = rest.split_at(len);
        rest = after;
        Some(g)
    })
}

/// The display width of `s`, summed over its grapheme clusters.
pub(crate) fn str_width(s: &str, ambiguous: AmbiguousWidth) -> usize {
    clusters(s).map(|g| grapheme_width(g, ambiguous)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use AmbiguousWidth::{Narrow, Wide};

    /// The claims of [`is_plain`], checked on every plain character.
    #[test]
    fn plain_characters_stand_alone() {
        // After: a letter, Hangul L, V, T and LV, a regional indicator, LF, a
        // Devanagari consonant (after a virama linker), a CJK character.
        let after = [
            "a",
            "\u{1100}",
            "\u{1161}",
            "\u{11A8}",
            "\u{AC00}",
            "\u{1F1E6}",
            "\n",
            "\u{915}",
            "中",
        ];
        let plain = (0..=0x10_FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_plain(c));
        let mut count = 0;
        for c in plain {
            count += 1;
            for a in after {
                let s = format!("{c}{a}");
                assert_eq!(s.graphemes(true).count(), 2, "{c:?} joins {a:?}");
                assert_eq!(first_grapheme(&s), Some((c, c.len_utf8())), "{c:?} {a:?}");
            }
            let s = format!("a{c}");
            assert_eq!(
                s.graphemes(true).count(),
                2,
                "{c:?} joins what is before it"
            );
            let s = c.to_string();
            assert!(!c.is_ascii() || (' '..='~').contains(&c));
            for amb in [Narrow, Wide] {
                assert_eq!(
                    plain_width(c, amb),
                    grapheme_width(&s, amb),
                    "{c:?} {amb:?}"
                );
            }
        }
        assert!(count > 28_000);
    }

    #[test]
    fn common_han_is_two_columns() {
        for c in ('\u{4E00}'..='\u{9FFF}').filter(|&c| is_common_han(c)) {
            assert_eq!(c.width(), Some(2), "{c:?}");
            assert_eq!(c.width_cjk(), Some(2), "{c:?}");
        }
        assert!(!is_common_han('\u{4DFF}') && !is_common_han('\u{A000}'));
    }

    #[test]
    fn clusters_are_the_segmenters() {
        for s in [
            "",
            "长三角，“一体化”……——",
            "中\u{301}x\r\n👨\u{200D}👩a\u{200D}",
            "각\u{1100}\u{1161}🇨🇳🇨\u{FE0F}x",
            "“\u{FE00}ＡＩ４ a b",
        ] {
            let ours: Vec<&str> = clusters(s).collect();
            let theirs: Vec<&str> = s.graphemes(true).collect();
            assert_eq!(ours, theirs, "{s:?}");
        }
    }

    proptest::proptest! {
        /// Any text, mostly of the characters whose clusters are hard (marks, joiners,
        /// Hangul jamo, regional indicators, CR LF, selectors) between Chinese ones.
        #[test]
        fn clusters_are_the_segmenters_on_any_text(
            s in "[中a“，\\r\\n\u{301}\u{200D}\u{FE0F}\u{1100}\u{1161}\u{11A8}각🇨🇳👩\u{0915}\u{094D}\u{0600}\u{AD}]{0,24}"
        ) {
            let ours: Vec<&str> = clusters(&s).collect();
            let theirs: Vec<&str> = s.graphemes(true).collect();
            proptest::prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn first_grapheme_falls_back_on_clusters() {
        let len = |s: &str| first_grapheme(s).map(|(_, l)| l);
        assert_eq!(first_grapheme(""), None);
        assert_eq!(first_grapheme("中x"), Some(('中', 3)));
        assert_eq!(len("中\u{301}x"), Some(5));
        assert_eq!(len("\r\nx"), Some(2));
        assert_eq!(len("“\u{FE00}"), Some(6));
        assert_eq!(len("👨\u{200D}👩"), Some(11));
        assert_eq!(len("a\u{200D}"), Some(4));
    }

    #[test]
    fn han_and_fullwidth_punctuation_are_two_columns() {
        assert_eq!(str_width("长三角，", Narrow), 8);
        assert_eq!(str_width("长三角，", Wide), 8);
        assert_eq!(str_width("AIoT 2024", Narrow), 9);
    }

    #[test]
    fn ambiguous_narrow_counts_one() {
        assert_eq!(str_width("“”‘’…—·▲", Narrow), 8);
    }

    #[test]
    fn ambiguous_wide_counts_two() {
        assert_eq!(str_width("“”‘’…—·▲", Wide), 16);
        assert_eq!(str_width("“拼”", Wide), 6);
    }

    #[test]
    fn variation_selectors_widen_but_never_narrow_a_quote() {
        // VS1 asks for a narrow quote, but a terminal set up for wide ambiguous
        // characters draws the quote itself two columns wide: two are kept for it.
        assert_eq!(str_width("“\u{FE00}", Wide), 2);
        assert_eq!(str_width("“\u{FE01}", Narrow), 2);
    }

    #[test]
    fn combining_marks_and_zwj_emoji_per_cluster() {
        assert_eq!(str_width("e\u{301}", Narrow), 1);
        // man + ZWJ + woman + ZWJ + girl: one cluster; two columns where the terminal
        // joins it, six where it draws its emoji one by one: six are kept for it.
        assert_eq!(str_width("👨\u{200D}👩\u{200D}👧", Narrow), 6);
        assert_eq!(str_width("👍🏽", Narrow), 4);
    }

    #[test]
    fn presentation_selectors_keep_the_wider_width() {
        // VS16 makes a text-default character an emoji: two columns.
        assert_eq!(str_width("❤\u{FE0F}", Narrow), 2);
        // VS15 asks for text, but terminals draw a wide emoji wide anyway.
        assert_eq!(str_width("⌚\u{FE0E}", Narrow), 2);
        // A flag: two regional indicators, one column each, two together.
        assert_eq!(str_width("🇨🇳", Narrow), 2);
        // Halfwidth katakana with its halfwidth voiced mark: a column each.
        assert_eq!(str_width("ｶﾞ", Narrow), 2);
        assert_eq!(str_width("ｶﾞ", Wide), 2);
        // Zero-width clusters: a combining mark or a Hangul vowel alone.
        assert_eq!(grapheme_width("\u{301}", Narrow), 0);
        assert_eq!(grapheme_width("\u{1161}", Wide), 0);
        assert_eq!(grapheme_width("\u{1100}\u{1161}", Narrow), 2);
        // Never more than two columns for one character.
        assert_eq!(grapheme_width("\u{17D8}", Narrow), 2);
    }
}
