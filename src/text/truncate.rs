//! Cutting a one-line text to a number of columns, with an ellipsis: the one way the
//! library list, the navigation pane, the status bar and the overlays shorten what does
//! not fit.
//!
//! ```
//! use yuedu::text::truncate::truncate;
//! use yuedu::text::width::AmbiguousWidth::{Narrow, Wide};
//!
//! assert_eq!(truncate("余姚抱团建群", 12, Narrow), ("余姚抱团建群".into(), 12));
//! // 9 columns: four characters (8) and "…" (1).
//! assert_eq!(truncate("余姚抱团建群", 9, Narrow), ("余姚抱团…".into(), 9));
//! // 8 columns: "…" takes one, so three characters and 7 columns in all.
//! assert_eq!(truncate("余姚抱团建群", 8, Narrow), ("余姚抱…".into(), 7));
//! // Where ambiguous characters are wide, "…" takes two columns.
//! assert_eq!(truncate("余姚抱团建群", 8, Wide), ("余姚抱…".into(), 8));
//! ```

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use crate::text::width::{AmbiguousWidth, grapheme_width, str_width};

/// What is put where text was cut: U+2026, an East Asian *ambiguous* character (one
/// column, or two where the terminal draws those wide).
pub(crate) const ELLIPSIS: &str = "\u{2026}";

/// `text` cut to at most `width` columns, with its width in columns. Unchanged when it
/// fits; else the longest run of whole grapheme clusters that leaves room for
/// [`ELLIPSIS`] ([`str_width`] of it in `ambiguous`: 1 or 2 columns), then the
/// ellipsis. Never half a wide character (a cluster that does not fit is left out
/// whole); a zero-width cluster stays with the one before it. Where not even the
/// ellipsis fits, the clusters that fit, without it.
pub fn truncate(text: &str, width: usize, ambiguous: AmbiguousWidth) -> (Cow<'_, str>, usize) {
    let total = str_width(text, ambiguous);
    if total <= width {
        return (Cow::Borrowed(text), total);
    }
    let ellipsis = str_width(ELLIPSIS, ambiguous);
    let (room, mark) = if ellipsis <= width {
        (width - ellipsis, ELLIPSIS)
    } else {
        (width, "")
    };
    let mut end = 0;
    let mut used = 0;
    for (at, g) in text.grapheme_indices(true) {
        let w = grapheme_width(g, ambiguous);
        if used + w > room {
            break;
        }
        used += w;
        end = at + g.len();
    }
    let mut out = String::with_capacity(end + mark.len());
    out.push_str(&text[..end]);
    out.push_str(mark);
    let used = used + if mark.is_empty() { 0 } else { ellipsis };
    (Cow::Owned(out), used)
}

/// `text` cut at its *start* to at most `width` columns, with its width in columns: the
/// end is kept, and [`ELLIPSIS`] stands for what was left out before it. For an input
/// line whose cursor is at its end (a search query longer than the prompt). Unchanged
/// when it fits; the same rules as [`truncate`] otherwise (whole grapheme clusters,
/// no ellipsis where not even it fits).
pub fn truncate_start(
    text: &str,
    width: usize,
    ambiguous: AmbiguousWidth,
) -> (Cow<'_, str>, usize) {
    let total = str_width(text, ambiguous);
    if total <= width {
        return (Cow::Borrowed(text), total);
    }
    let ellipsis = str_width(ELLIPSIS, ambiguous);
    let (room, mark) = if ellipsis <= width {
        (width - ellipsis, ELLIPSIS)
    } else {
        (width, "")
    };
    let mut start = text.len();
    let mut used = 0;
    for (at, g) in text.grapheme_indices(true).rev() {
        let w = grapheme_width(g, ambiguous);
        if used + w > room {
            break;
        }
        used += w;
        start = at;
    }
    let mut out = String::with_capacity(text.len() - start + mark.len());
    out.push_str(mark);
    out.push_str(&text[start..]);
    let used = used + if mark.is_empty() { 0 } else { ellipsis };
    (Cow::Owned(out), used)
}

/// `text` made exactly `width` columns: [`truncate`]d, then padded with spaces.
pub fn fit(text: &str, width: usize, ambiguous: AmbiguousWidth) -> String {
    let (cut, used) = truncate(text, width, ambiguous);
    let mut out = cut.into_owned();
    out.extend(std::iter::repeat_n(' ', width.saturating_sub(used)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use AmbiguousWidth::{Narrow, Wide};

    #[test]
    fn the_start_is_cut_and_the_end_kept() {
        assert_eq!(
            truncate_start("余姚抱团建群", 12, Narrow),
            ("余姚抱团建群".into(), 12)
        );
        assert_eq!(
            truncate_start("余姚抱团建群", 9, Narrow),
            ("…抱团建群".into(), 9)
        );
        assert_eq!(
            truncate_start("余姚抱团建群", 8, Narrow),
            ("…团建群".into(), 7)
        );
        assert_eq!(
            truncate_start("余姚抱团建群", 8, Wide),
            ("…团建群".into(), 8)
        );
        assert_eq!(truncate_start("abc", 0, Narrow), ("".into(), 0));
        for w in 0..20 {
            for text in ["长三角ABC一体化……发展", "e\u{301}x余姚", ""] {
                let (cut, used) = truncate_start(text, w, Narrow);
                assert!(used <= w, "{text:?} at {w}: {cut:?}");
                assert_eq!(str_width(&cut, Narrow), used);
                let kept = cut.trim_start_matches(ELLIPSIS);
                assert!(text.ends_with(kept), "{text:?} at {w}: {cut:?}");
            }
        }
    }

    #[test]
    fn never_wider_than_the_width_and_never_half_a_character() {
        let texts = [
            "余姚在长三角中心抱团建群推动高质量发展的实践与探索之路",
            "余姚ABCDEFGHIJKLMNOPQRSTUVWXYZ长三角",
            "“拼”出来的长三角……",
            "e\u{301}\u{301}中\u{1161}ｶﾞ👨\u{200D}👩\u{200D}👧🇨🇳",
            "",
        ];
        for text in texts {
            for amb in [Narrow, Wide] {
                for width in 0..40 {
                    let (cut, used) = truncate(text, width, amb);
                    assert_eq!(used, str_width(&cut, amb), "{text:?} {width} {amb:?}");
                    assert!(used <= width, "{cut:?} is {used} at {width}");
                    if str_width(text, amb) <= width {
                        assert_eq!(cut, text);
                        continue;
                    }
                    let ellipsis = str_width(ELLIPSIS, amb);
                    let kept = cut.strip_suffix(ELLIPSIS).unwrap_or(&cut);
                    assert!(
                        text.starts_with(kept),
                        "a prefix of whole clusters: {cut:?}"
                    );
                    assert_eq!(cut.ends_with(ELLIPSIS), width >= ellipsis, "{cut:?}");
                    // Nothing more would fit: the next cluster is wider than what is left.
                    let next = text[kept.len()..].graphemes(true).next().unwrap_or("");
                    let room = width - if cut.ends_with(ELLIPSIS) { ellipsis } else { 0 };
                    assert!(
                        str_width(kept, amb) + str_width(next, amb) > room,
                        "{cut:?} could hold {next:?} at {width} {amb:?}"
                    );
                    assert_eq!(fit(text, width, amb).chars().count(), {
                        cut.chars().count() + (width - used)
                    });
                }
            }
        }
    }

    #[test]
    fn a_cut_chinese_title_ends_in_an_ellipsis_at_either_parity() {
        let title = "余姚在长三角中心抱团建群";
        assert_eq!(truncate(title, 10, Narrow).0, "余姚在长…");
        assert_eq!(truncate(title, 11, Narrow).0, "余姚在长三…");
        assert_eq!(truncate(title, 10, Wide).0, "余姚在长…");
        assert_eq!(truncate(title, 11, Wide).0, "余姚在长…");
        // Where only the ellipsis would fit, it is all there is.
        assert_eq!(truncate(title, 1, Narrow).0, "…");
        assert_eq!(truncate(title, 1, Wide).0, "");
    }
}
