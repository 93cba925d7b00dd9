//! The line breaker: items cut into grapheme units, a relaxation level for every
//! boundary between units, and a first-fit line filler.
//!
//! Every boundary between two units gets the *level* of the rules one must relax to
//! break there:
//!
//! * [`LEGAL`]: a break opportunity that breaks no rule;
//! * [`SOFT`]: inside a Latin word but not between two letters or digits (after the
//!   `.` of `www.`), next to a quote that does not stand between Chinese characters,
//!   inside a caption credit, after the indent or caption marker;
//! * [`GLUE`]: between two ASCII letters or digits, inside a number (`3.|65`), inside
//!   —— or ……;
//! * [`PROHIBITED`]: a clreq prohibited line start or end;
//! * [`ANYWHERE`]: anything else (before white space, inside decorations).
//!
//! A line takes units while their width (trailing white space not counted) fits, then
//! breaks at the last boundary of the lowest level that fits. Each line costs at most
//! its own units plus the one that overflowed, and lines never move backwards, so the
//! time is linear in the text for a given width.

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use super::classes::{
    self, EM_DASH, end_prohibited, is_ascii_alnum, is_cjk, is_closing_quote, is_opening_quote,
    is_pair_mark, is_space, is_strict_start_prohibited, start_prohibited,
};
use super::width::{first_grapheme, grapheme_width, is_plain, plain_width};
use super::{AmbiguousWidth, Line, LineBreakLevel, Pos, PunctuationDisplay, Role, Span};

/// A break that breaks no rule.
pub const LEGAL: u8 = 0;
/// A break inside something that should be kept whole, but not inside a run of
/// letters or digits or a pair.
pub const SOFT: u8 = 1;
/// A break inside a run of letters or digits, a number or a pair (—— ……).
pub const GLUE: u8 = 2;
/// A break against the clreq prohibition rules.
pub const PROHIBITED: u8 = 3;
/// A break anywhere between grapheme clusters.
pub const ANYWHERE: u8 = 4;

/// What a segment of an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SegKind {
    /// Decoration before the text (indent, caption marker): glued to what follows.
    Prefix,
    /// Source text.
    Text,
    /// Decoration between caption and credit.
    Separator,
    /// A caption's credit: one unbreakable unit.
    Credit,
    /// One replaced source character shown as a whole: notation (`^[`, `<U+202E>`) or
    /// a tab shown as spaces.
    Atom,
}

/// A run of text in one role.
#[derive(Debug, Clone, Copy)]
pub struct Seg<'a> {
    pub text: &'a str,
    pub role: Role,
    /// Offset of the text in the item's source text; `None` for decoration.
    pub base: Option<usize>,
    /// For an [`SegKind::Atom`]: the length of the source character it stands for.
    pub src_len: Option<usize>,
    pub kind: SegKind,
}

/// Options the breaker needs.
#[derive(Debug, Clone, Copy)]
pub struct BreakOptions {
    pub width: usize,
    pub ambiguous: AmbiguousWidth,
    pub level: LineBreakLevel,
    pub punctuation: PunctuationDisplay,
}

/// One grapheme cluster as shown.
#[derive(Debug, Clone, Copy)]
struct Unit {
    seg: usize,
    start: usize,
    end: usize,
    width: usize,
    /// The first shown character.
    ch: char,
    /// The shown replacement of the first character (full-width punctuation).
    subst: Option<char>,
    kind: SegKind,
    /// The classes of `ch` (and whether the unit is white space), computed once.
    flags: u16,
}

/// The unit is a single white-space character.
const F_SPACE: u16 = 1;
/// [`is_cjk`] of `ch`.
const F_CJK: u16 = 1 << 1;
/// `ch` is an ASCII letter or digit.
const F_ALNUM: u16 = 1 << 2;
/// `ch` is an ASCII digit.
const F_DIGIT: u16 = 1 << 3;
/// `ch` may never start a line at the layout's level (an em dash alone aside).
const F_BAD_START: u16 = 1 << 4;
/// `ch` may never end a line at the layout's level.
const F_BAD_END: u16 = 1 << 5;
/// `ch` is an inseparable-pair mark.
const F_PAIR: u16 = 1 << 6;
/// `ch` is an opening quote.
const F_OPEN_QUOTE: u16 = 1 << 7;
/// `ch` is a closing quote.
const F_CLOSE_QUOTE: u16 = 1 << 8;
/// `ch` is the em dash.
const F_EM_DASH: u16 = 1 << 9;
/// The unit continues a grapheme cluster that was wider than the whole line and had to
/// be cut into its characters.
const F_CONT: u16 = 1 << 10;

fn flags(ch: char, space: bool, level: LineBreakLevel) -> u16 {
    let mut f = 0;
    let mut set = |cond: bool, bit: u16| {
        if cond {
            f |= bit;
        }
    };
    set(space, F_SPACE);
    if ch.is_ascii() {
        set(is_ascii_alnum(ch), F_ALNUM);
        set(ch.is_ascii_digit(), F_DIGIT);
    } else {
        set(is_cjk(ch), F_CJK);
        set(is_pair_mark(ch), F_PAIR);
        set(is_opening_quote(ch), F_OPEN_QUOTE);
        set(is_closing_quote(ch), F_CLOSE_QUOTE);
        set(ch == EM_DASH, F_EM_DASH);
    }
    set(
        start_prohibited(ch) || (level == LineBreakLevel::Strict && is_strict_start_prohibited(ch)),
        F_BAD_START,
    );
    set(end_prohibited(ch, level), F_BAD_END);
    f
}

impl Unit {
    fn space(&self) -> bool {
        self.flags & F_SPACE != 0
    }
    fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// Lays out the segments of one item. `item` goes into every line's [`Pos`];
/// `src_len` is the length of the item's source text (with a credit's).
pub fn layout_segments(
    segs: &[Seg<'_>],
    item: usize,
    src_len: usize,
    opts: &BreakOptions,
) -> Vec<Line> {
    let units = units(segs, opts);
    let levels = levels(&units);
    let mut lines = Vec::new();
    let n = units.len();
    let width = opts.width;
    let mut s = 0;
    while s < n {
        let k = next_break(&units, &levels, s, width);
        lines.push(make_line(segs, &units, s..k, item, src_len, width));
        s = k;
        while s < n && units[s].space() {
            s += 1;
        }
    }
    if lines.is_empty() {
        lines.push(Line {
            spans: Vec::new(),
            width: 0,
            pos: Pos { item, offset: 0 },
        });
    }
    lines
}

/// The end of the line that starts at unit `s` (exclusive, always `> s`).
fn next_break(units: &[Unit], levels: &[u8], s: usize, width: usize) -> usize {
    let n = units.len();
    // best[l]: the last boundary of level ≤ l where the line so far fits.
    let mut best = [0usize; ANYWHERE as usize + 1];
    let mut w_all = 0usize;
    let mut w_content = 0usize;
    let mut i = s;
    while i < n {
        if i > s && w_content <= width {
            for b in best.iter_mut().skip(usize::from(levels[i])) {
                *b = i;
            }
        }
        let u = &units[i];
        w_all += u.width;
        if !u.space() {
            w_content = w_all;
        }
        if w_content > width {
            return best
                .iter()
                .copied()
                .find(|&b| b > s)
                .unwrap_or(s + 1)
                .max(s + 1);
        }
        i += 1;
    }
    n
}

fn make_line(
    segs: &[Seg<'_>],
    units: &[Unit],
    range: Range<usize>,
    item: usize,
    src_len: usize,
    width: usize,
) -> Line {
    let line_units = &units[range.clone()];
    // Trailing white space stays only as far as it fits.
    let content_end = line_units
        .iter()
        .rposition(|u| !u.space())
        .map_or(0, |p| p + 1);
    let mut w: usize = line_units[..content_end].iter().map(|u| u.width).sum();
    let mut end = content_end;
    while end < line_units.len() && w + line_units[end].width <= width {
        w += line_units[end].width;
        end += 1;
    }
    let line_units = &line_units[..end];

    // One span per run of units of one segment; the units of a run tile its text.
    let mut spans: Vec<Span> = Vec::new();
    let mut rest = line_units;
    while let Some(first) = rest.first() {
        let run_len = rest
            .iter()
            .position(|u| u.seg != first.seg)
            .unwrap_or(rest.len());
        let (run, tail) = rest.split_at(run_len);
        rest = tail;
        let seg = &segs[first.seg];
        let end = run.last().map_or(first.end, |u| u.end);
        let text = if run.iter().all(|u| u.subst.is_none()) {
            seg.text[first.start..end].to_string()
        } else {
            let mut text = String::with_capacity(end - first.start + 2 * run.len());
            for u in run {
                let g = &seg.text[u.start..u.end];
                match u.subst {
                    Some(c) => {
                        text.push(c);
                        text.push_str(&g[g.chars().next().map_or(0, char::len_utf8)..]);
                    }
                    None => text.push_str(g),
                }
            }
            text
        };
        spans.push(Span {
            text,
            role: seg.role,
            src: seg.base.map(|b| match seg.src_len {
                Some(n) => b..b + n,
                None => b + first.start..b + end,
            }),
        });
    }
    let offset = units[range.start..]
        .iter()
        .find_map(|u| {
            let seg = &segs[u.seg];
            // A line that starts inside an atom starts at the character it stands for.
            seg.base.map(|b| {
                if seg.src_len.is_some() {
                    b
                } else {
                    b + u.start
                }
            })
        })
        .unwrap_or(src_len);
    Line {
        spans,
        width: w,
        pos: Pos { item, offset },
    }
}

fn units(segs: &[Seg<'_>], opts: &BreakOptions) -> Vec<Unit> {
    let total: usize = segs.iter().map(|s| s.text.len()).sum();
    let mut out = Vec::with_capacity(total / 2 + 4);
    for (si, seg) in segs.iter().enumerate() {
        if seg.kind == SegKind::Atom {
            // One unit per shown character (notation is ASCII, a tab spaces), glued
            // together by `levels` so the atom stays whole unless the width is narrower
            // than it; a tab's spaces are white space, notation an opaque mark.
            for (start, c) in seg.text.char_indices() {
                let space = is_space(c);
                let ch = if space { ' ' } else { '\u{FFFC}' };
                out.push(Unit {
                    seg: si,
                    start,
                    end: start + c.len_utf8(),
                    width: grapheme_width(&seg.text[start..start + c.len_utf8()], opts.ambiguous),
                    ch,
                    subst: None,
                    kind: seg.kind,
                    flags: flags(ch, space, opts.level),
                });
            }
            continue;
        }
        let subs = if opts.punctuation == PunctuationDisplay::Fullwidth && seg.base.is_some() {
            fullwidth_substitutions(seg.text)
        } else {
            Vec::new()
        };
        let mut next_sub = subs.iter().peekable();
        let mut start = 0;
        while start < seg.text.len() {
            let rest = &seg.text[start..];
            let Some((first, len)) = first_grapheme(rest) else {
                break;
            };
            let g = &rest[..len];
            let mut subst = None;
            while let Some(&&(off, c)) = next_sub.peek() {
                if off < start {
                    next_sub.next();
                } else {
                    if off == start {
                        subst = Some(c);
                    }
                    break;
                }
            }
            let ch = subst.unwrap_or(first);
            let single = len == first.len_utf8();
            let width = match subst {
                Some(c) => {
                    let rest = &g[first.len_utf8()..];
                    unicode_width::UnicodeWidthChar::width(c).unwrap_or(1)
                        + match opts.ambiguous {
                            AmbiguousWidth::Narrow => rest.width(),
                            AmbiguousWidth::Wide => rest.width_cjk(),
                        }
                }
                None if single && is_plain(first) => plain_width(first, opts.ambiguous),
                None => grapheme_width(g, opts.ambiguous),
            };
            let space = single && is_space(first);
            if width > opts.width && opts.width >= 2 && !single && subst.is_none() {
                // A cluster wider than the line (a Han character with spacing marks
                // piled on it): no line may be wider than the width, so it is cut into
                // its characters, glued together as far as the width allows.
                for (k, (off, c)) in g.char_indices().enumerate() {
                    let piece = &g[off..off + c.len_utf8()];
                    let f = flags(c, false, opts.level) | if k > 0 { F_CONT } else { 0 };
                    out.push(Unit {
                        seg: si,
                        start: start + off,
                        end: start + off + c.len_utf8(),
                        width: grapheme_width(piece, opts.ambiguous),
                        ch: c,
                        subst: None,
                        kind: seg.kind,
                        flags: f,
                    });
                }
                start += len;
                continue;
            }
            out.push(Unit {
                seg: si,
                start,
                end: start + len,
                width,
                ch,
                subst,
                kind: seg.kind,
                flags: flags(ch, space, opts.level),
            });
            start += len;
        }
    }
    out
}

/// Byte offsets in `text` of ASCII , ; : ! ? ( ) standing in Chinese text, with the
/// full-width character to show instead, in order.
pub fn fullwidth_substitutions(text: &str) -> Vec<(usize, char)> {
    fn wide(c: char) -> Option<char> {
        Some(match c {
            ',' => '，',
            ';' => '；',
            ':' => '：',
            '!' => '！',
            '?' => '？',
            '(' => '（',
            ')' => '）',
            _ => return None,
        })
    }
    let chinese = |c: Option<char>| c.is_some_and(classes::is_chinese);
    let mut out = Vec::new();
    // Open parentheses: offset, and whether they stand next to Chinese.
    let mut open: Vec<(usize, bool)> = Vec::new();
    let mut prev: Option<char> = None;
    let mut it = text.char_indices().peekable();
    while let Some((off, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        let near = chinese(prev) || chinese(next);
        match c {
            '(' => open.push((off, near)),
            ')' => match open.pop() {
                Some((o, q)) if q || near => {
                    out.push((o, '（'));
                    out.push((off, '）'));
                    prev = Some('）');
                    continue;
                }
                Some(_) => {}
                None if near => {
                    out.push((off, '）'));
                    prev = Some('）');
                    continue;
                }
                None => {}
            },
            _ => {
                if near && let Some(w) = wide(c) {
                    out.push((off, w));
                    prev = Some(w);
                    continue;
                }
            }
        }
        prev = Some(c);
    }
    out.extend(open.into_iter().filter(|&(_, q)| q).map(|(o, _)| (o, '（')));
    out.sort_unstable_by_key(|&(o, _)| o);
    out
}

/// The level of every boundary: `levels[i]` is the boundary before unit `i`.
fn levels(units: &[Unit]) -> Vec<u8> {
    let n = units.len();
    let mut out = vec![ANYWHERE; n];
    // Whether unit `i` exists, is not white space and has `flag`.
    let has = |i: usize, flag: u16| {
        units
            .get(i)
            .is_some_and(|u| u.flags & (F_SPACE | flag) == flag)
    };
    // Whether the last non-space character before the current boundary may not end a
    // line.
    let mut last_ns_bad_end = false;
    for i in 1..n {
        let a = &units[i - 1];
        let b = &units[i];
        if !a.space() {
            last_ns_bad_end = a.has(F_BAD_END);
        }
        if b.space() {
            continue;
        }
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
                let in_number =
                    (a.ch == '.' || a.ch == ',') && b.has(F_DIGIT) && i >= 2 && has(i - 2, F_DIGIT);
                lv = lv.max(if (a.has(F_ALNUM) && b.has(F_ALNUM)) || in_number {
                    GLUE
                } else {
                    SOFT
                });
            }
            // Quotes: breaks around them only between East Asian characters
            // (Unicode 16 LB15c/LB19a).
            if b.has(F_OPEN_QUOTE) && !(a.has(F_CJK) && has(i + 1, F_CJK)) {
                lv = lv.max(SOFT);
            }
            if a.has(F_CLOSE_QUOTE) && !(b.has(F_CJK) && i >= 2 && has(i - 2, F_CJK)) {
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
        let next_is_dash = has(i + 1, F_EM_DASH);
        let prev_is_dash = !a.space() && a.has(F_EM_DASH);
        let bad_start = b.has(F_BAD_START) || (b.has(F_EM_DASH) && !next_is_dash && !prev_is_dash);
        if bad_start || last_ns_bad_end {
            lv = lv.max(PROHIBITED);
        }
        out[i] = lv;
    }
    out
}
