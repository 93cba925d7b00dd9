//! Display widths per grapheme cluster.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::AmbiguousWidth;

/// The display width of one grapheme cluster.
pub fn grapheme_width(g: &str, ambiguous: AmbiguousWidth) -> usize {
    if let [b] = g.as_bytes() {
        // ASCII fast path: printable characters are one column, controls none.
        if (0x20..0x7f).contains(b) {
            return 1;
        }
        if b.is_ascii() {
            return 0;
        }
    }
    match ambiguous {
        AmbiguousWidth::Narrow => g.width(),
        AmbiguousWidth::Wide => g.width_cjk(),
    }
}

/// The display width of `s`, summed over its grapheme clusters.
pub fn str_width(s: &str, ambiguous: AmbiguousWidth) -> usize {
    s.graphemes(true)
        .map(|g| grapheme_width(g, ambiguous))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use AmbiguousWidth::{Narrow, Wide};

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
    fn variation_selectors_fix_quote_width() {
        assert_eq!(str_width("“\u{FE00}", Wide), 1);
        assert_eq!(str_width("“\u{FE01}", Narrow), 2);
    }

    #[test]
    fn combining_marks_and_zwj_emoji_per_cluster() {
        assert_eq!(str_width("e\u{301}", Narrow), 1);
        // man + ZWJ + woman + ZWJ + girl: one cluster, two columns
        assert_eq!(str_width("👨\u{200D}👩\u{200D}👧", Narrow), 2);
        assert_eq!(str_width("👍🏽", Narrow), 2);
    }
}
