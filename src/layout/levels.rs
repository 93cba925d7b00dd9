//! Break levels: every boundary between two units gets the *level* of the rules one
//! must relax to break there:
//!
//! * [`LEGAL`]: a break opportunity that breaks no rule;
//! * [`SOFT`]: inside a Latin word but not between two letters or digits (after the
//!   `.` of `www.`), next to a quote that does not stand between Chinese characters
//!   (Unicode 16 UAX #14 LB15c/LB19a), inside a caption credit, after the indent or
//!   caption marker;
//! * [`GLUE`]: between two ASCII letters or digits (UAX #14 AL, NU), inside a number
//!   (`3.|65`), inside —— or …… (clreq's unbreakable marks, UAX #14 B2, IN);
//! * [`PROHIBITED`]: a clreq prohibited line start or end (行首行尾禁则, at the layout's
//!   level: basic, GB/T 15834—2011, strict; the classes in [`super::classes`]);
//! * [`ANYWHERE`]: anything else (before white space, inside decorations).
//!
//! The line filler ([`super::fill`]) breaks at the last boundary of the lowest level
//! that fits.

use super::units::{
    F_ALNUM, F_BAD_END, F_BAD_START, F_CJK, F_CLOSE_QUOTE, F_CONT, F_DIGIT, F_EM_DASH,
    F_OPEN_QUOTE, F_PAIR, F_SPACE, SegKind, Unit,
};

/// A break that breaks no rule.
pub(crate) const LEGAL: u8 = 0;
/// A break inside something that should be kept whole, but not inside a run of
/// letters or digits or a pair.
pub(crate) const SOFT: u8 = 1;
/// A break inside a run of letters or digits, a number or a pair (—— ……).
pub(crate) const GLUE: u8 = 2;
/// A break against the clreq prohibition rules.
pub(crate) const PROHIBITED: u8 = 3;
/// A break anywhere between grapheme clusters.
pub(crate) const ANYWHERE: u8 = 4;

/// The levels of the boundaries whose neighbours are all produced: `units[j]` is unit
/// `base + j` of the item, `levels[j]` the level of the boundary before it, known for
/// the first `levels.len()` units and extended here to every unit whose next unit is
/// produced (to all of them when `done`: the producer has given all units).
/// `carried_bad_end` is whether the last non-space unit before the first level to
/// compute may not end a line, carried from one call to the next.
pub(super) fn compute_levels(
    units: &[Unit],
    base: usize,
    done: bool,
    levels: &mut Vec<u8>,
    carried_bad_end: &mut bool,
) {
    let mut last_ns_bad_end = *carried_bad_end;
    let from = levels.len();
    let limit = if done {
        units.len()
    } else {
        units.len().saturating_sub(1)
    };
    // Whether local unit `j` exists, is not white space and has `flag`.
    let has = |j: usize, flag: u16| {
        units
            .get(j)
            .is_some_and(|u| u.flags & (F_SPACE | flag) == flag)
    };
    if limit <= from {
        return;
    }
    levels.resize(limit, ANYWHERE);
    let levels = &mut levels[..limit];
    for j in from.max(usize::from(base == 0))..limit {
        // `j >= 1`: `drop_before` keeps two units before the first unknown level.
        let a = &units[j - 1];
        let b = &units[j];
        if !a.space() {
            last_ns_bad_end = a.has(F_BAD_END);
        }
        if b.space() {
            continue;
        }
        // Unit `i - 2` of the item, when it exists.
        let two_back = |flag: u16| base + j >= 2 && has(j - 2, flag);
        let mut lv = LEGAL;
        if a.space() {
            if a.kind == SegKind::Prefix {
                lv = SOFT;
            }
        } else {
            if a.kind == SegKind::Prefix && b.kind != SegKind::Prefix {
                lv = SOFT;
            }
            if !a.has(F_CJK) && !b.has(F_CJK) {
                let in_number = (a.ch == '.' || a.ch == ',') && b.has(F_DIGIT) && two_back(F_DIGIT);
                lv = lv.max(if (a.has(F_ALNUM) && b.has(F_ALNUM)) || in_number {
                    GLUE
                } else {
                    SOFT
                });
            }
            // Quotes: breaks around them only between East Asian characters
            // (Unicode 16 LB15c/LB19a).
            if b.has(F_OPEN_QUOTE) && !(a.has(F_CJK) && has(j + 1, F_CJK)) {
                lv = lv.max(SOFT);
            }
            if a.has(F_CLOSE_QUOTE) && !(b.has(F_CJK) && two_back(F_CJK)) {
                lv = lv.max(SOFT);
            }
            if a.has(F_PAIR) && a.ch == b.ch {
                lv = lv.max(GLUE);
            }
        }
        if b.kind == SegKind::Credit && a.kind == SegKind::Credit {
            lv = lv.max(SOFT);
        }
        if (a.kind == SegKind::Atom && a.seg == b.seg && !b.space()) || b.has(F_CONT) {
            lv = lv.max(GLUE);
        }
        let next_is_dash = has(j + 1, F_EM_DASH);
        let prev_is_dash = !a.space() && a.has(F_EM_DASH);
        let bad_start = b.has(F_BAD_START) || (b.has(F_EM_DASH) && !next_is_dash && !prev_is_dash);
        if bad_start || last_ns_bad_end {
            lv = lv.max(PROHIBITED);
        }
        if b.width == 0 || unicode_width::UnicodeWidthChar::width(b.ch) == Some(0) {
            // A cluster of no width or that starts with a zero-width character (a
            // combining mark or a Hangul vowel that starts no cluster of its own)
            // is drawn on the character before it: it stays with it.
            lv = ANYWHERE;
        }
        levels[j] = lv;
    }
    *carried_bad_end = last_ns_bad_end;
}
