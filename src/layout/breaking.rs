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

use super::classes::{
    EM_DASH, end_prohibited, is_ascii_alnum, is_cjk, is_closing_quote, is_opening_quote,
    is_pair_mark, is_space, is_strict_start_prohibited, start_prohibited,
};
use super::{AmbiguousWidth, Line, LineBreakLevel, Pos, PunctuationDisplay, Role, Span};
use crate::text::fullwidth::Fullwidth;
use crate::text::width::{first_grapheme, grapheme_width, is_plain, plain_width};

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

/// What a segment of an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SegKind {
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
pub(crate) struct Seg<'a> {
    pub(crate) text: &'a str,
    pub(crate) role: Role,
    /// Offset of the text in the item's source text; `None` for decoration.
    pub(crate) base: Option<usize>,
    /// For an [`SegKind::Atom`]: the length of the source character it stands for.
    pub(crate) src_len: Option<usize>,
    pub(crate) kind: SegKind,
    /// Characters shown in place of source characters (script conversion): the source
    /// character's offset in the item's source text and the character shown, ascending.
    pub(crate) conv: &'a [(usize, char)],
}

impl<'a> Seg<'a> {
    /// Decoration (an indent, a caption's marker, a separator): no source text behind it.
    pub(crate) fn decoration(text: &'a str, kind: SegKind) -> Seg<'a> {
        Seg {
            text,
            role: Role::Decoration,
            base: None,
            src_len: None,
            kind,
            conv: &[],
        }
    }
}

/// Options the breaker needs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BreakOptions {
    pub(crate) width: usize,
    pub(crate) ambiguous: AmbiguousWidth,
    pub(crate) level: LineBreakLevel,
    pub(crate) punctuation: PunctuationDisplay,
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

#[inline]
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

/// How many units the breaker produces at a time; units behind the current line start
/// are dropped once there are this many of them.
const CHUNK: usize = 4096;

/// Lays out the segments of one item, handing each line to `emit` as soon as it is made,
/// in order (a caller keeping the lines in another form never holds them all). `item`
/// goes into every line's [`Pos`]; `src_len` is the length of the item's source text
/// (with a credit's).
pub(crate) fn layout_segments_each(
    segs: &[Seg<'_>],
    item: usize,
    src_len: usize,
    opts: &BreakOptions,
    emit: &mut dyn FnMut(Line),
) {
    layout_segments_peak(segs, item, src_len, opts, CHUNK, true, emit);
}

/// [`layout_segments_each`] producing `chunk` units at a time, shortening wide runs of
/// white space or not; returns the largest number of units the breaker held at once.
fn layout_segments_peak(
    segs: &[Seg<'_>],
    item: usize,
    src_len: usize,
    opts: &BreakOptions,
    chunk: usize,
    shorten_spaces: bool,
    emit: &mut dyn FnMut(Line),
) -> usize {
    let mut win = Window::new(segs, opts, chunk, shorten_spaces);
    let mut any = false;
    let width = opts.width;
    let mut s = 0;
    while win.has_unit(s) {
        let k = win.next_break(s, width);
        let line_units = &win.units[s - win.base..k - win.base];
        emit(make_line(segs, line_units, item, src_len, width));
        any = true;
        s = k;
        while win.has_unit(s) && win.units[s - win.base].space() {
            s += 1;
        }
        win.drop_before(s);
    }
    if !any {
        emit(Line {
            spans: Vec::new(),
            width: 0,
            pos: Pos { item, offset: 0 },
        });
    }
    win.peak
}

/// The units of an item and the levels of the boundaries before them, produced a chunk
/// at a time and dropped once they are behind the line being filled: `units[j]` is unit
/// `base + j` of the item, `levels[j]` the level of the boundary before it.
struct Window<'s, 'a> {
    producer: Producer<'s, 'a>,
    units: Vec<Unit>,
    /// Never longer than `units`: the level before the last unit needs the unit after
    /// it, so it waits for the next chunk (or the end).
    levels: Vec<u8>,
    base: usize,
    /// How many units to produce at a time.
    chunk: usize,
    /// The producer has given all units.
    done: bool,
    /// Whether the last non-space unit before the next level to compute may not end a
    /// line.
    last_ns_bad_end: bool,
    /// The most units held at once.
    peak: usize,
}

impl<'s, 'a> Window<'s, 'a> {
    fn new(segs: &'s [Seg<'a>], opts: &BreakOptions, chunk: usize, shorten: bool) -> Self {
        let chunk = chunk.max(1);
        // About the item's units (most are two or three bytes), up to two chunks.
        let total: usize = segs.iter().map(|s| s.text.len()).sum();
        let cap = (total / 2 + 4).min(chunk.saturating_mul(2));
        Window {
            producer: Producer::new(segs, opts, shorten),
            units: Vec::with_capacity(cap),
            levels: Vec::with_capacity(cap),
            base: 0,
            chunk,
            done: false,
            last_ns_bad_end: false,
            peak: 0,
        }
    }

    /// Produces the next chunk of units and the levels that become known; `false` when
    /// everything is produced and has its level.
    fn refill(&mut self) -> bool {
        if self.done {
            return false;
        }
        let want = self.units.len().saturating_add(self.chunk);
        self.done = self.producer.fill(&mut self.units, want);
        self.peak = self.peak.max(self.units.len());
        self.compute_levels();
        true
    }

    /// Whether unit `i` exists (producing it if needed).
    fn has_unit(&mut self, i: usize) -> bool {
        while i >= self.base + self.units.len() {
            if !self.refill() {
                return false;
            }
        }
        true
    }

    /// Drops the units before `s` (keeping the two the next level needs to look back
    /// at), once there are enough of them to be worth moving the rest.
    fn drop_before(&mut self, s: usize) {
        let d = (s - self.base).min(self.levels.len().saturating_sub(2));
        if d >= self.chunk {
            self.units.drain(..d);
            self.levels.drain(..d);
            self.base += d;
        }
    }

    /// The levels of the boundaries whose neighbours are all produced.
    fn compute_levels(&mut self) {
        let units = &self.units;
        let base = self.base;
        let mut last_ns_bad_end = self.last_ns_bad_end;
        let from = self.levels.len();
        let limit = if self.done {
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
        self.levels.resize(limit, ANYWHERE);
        let levels = &mut self.levels[..limit];
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
                    let in_number =
                        (a.ch == '.' || a.ch == ',') && b.has(F_DIGIT) && two_back(F_DIGIT);
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
            let bad_start =
                b.has(F_BAD_START) || (b.has(F_EM_DASH) && !next_is_dash && !prev_is_dash);
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
        self.last_ns_bad_end = last_ns_bad_end;
    }

    /// The end of the line that starts at unit `s` (exclusive, always `> s`; unit `s`
    /// must exist). Units up to the returned end stay in the window.
    fn next_break(&mut self, s: usize, width: usize) -> usize {
        // best[l]: the last boundary of level ≤ l where the line so far fits.
        let mut best = [0usize; ANYWHERE as usize + 1];
        let mut w_all = 0usize;
        let mut w_content = 0usize;
        let mut i = s;
        loop {
            let avail = self.base + self.levels.len();
            if i >= avail {
                if self.refill() {
                    continue;
                }
                // The item's end.
                return i;
            }
            let base = self.base;
            for (u, &lv) in self.units[i - base..avail - base]
                .iter()
                .zip(&self.levels[i - base..])
            {
                if i > s && w_content <= width {
                    for b in best.iter_mut().skip(usize::from(lv)) {
                        *b = i;
                    }
                }
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
        }
    }
}

/// Where a line whose first unit is `first` starts in the item's source text.
fn line_offset(segs: &[Seg<'_>], first: &Unit, src_len: usize) -> usize {
    let seg = &segs[first.seg];
    match seg.base {
        // A line that starts inside an atom starts at the character it stands for.
        Some(b) if seg.src_len.is_some() => b,
        Some(b) => b + first.start,
        // Decoration: where the next unit from the source is, the first of a later
        // segment with text (every non-empty segment gives units).
        None => segs[first.seg + 1..]
            .iter()
            .find_map(|g| g.base.filter(|_| !g.text.is_empty()))
            .unwrap_or(src_len),
    }
}

fn make_line(
    segs: &[Seg<'_>],
    line_units: &[Unit],
    item: usize,
    src_len: usize,
    width: usize,
) -> Line {
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
    let offset = line_units
        .first()
        .map_or(src_len, |u| line_offset(segs, u, src_len));
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
    Line {
        spans,
        width: w,
        pos: Pos { item, offset },
    }
}

/// Cuts the segments into units, in order, a few at a time.
///
/// A run of white space wider than the line is shortened: its units from the first
/// that starts past the width's worth of columns to the one before its last are left
/// out. None of them can be shown (a line keeps trailing white space only as far as it
/// fits, and a run that wide is always trailing) or be a line's start or end, and no
/// level depends on them, so the lines are the same, and a long run of spaces costs no
/// memory.
struct Producer<'s, 'a> {
    segs: &'s [Seg<'a>],
    opts: BreakOptions,
    /// The current segment and the byte offset of its next unit.
    seg: usize,
    pos: usize,
    /// Full-width punctuation of the current segment, when it applies.
    fw: Option<Fullwidth<'a>>,
    /// How many of the current segment's conversion substitutions are behind.
    conv_at: usize,
    /// The width of the white-space run being produced so far.
    run_width: usize,
    /// The last unit of that run so far, when it is left out for now.
    held: Option<Unit>,
    /// Whether wide runs of white space are shortened (tests compare with not).
    shorten: bool,
}

impl<'s, 'a> Producer<'s, 'a> {
    fn new(segs: &'s [Seg<'a>], opts: &BreakOptions, shorten: bool) -> Self {
        let mut p = Producer {
            segs,
            opts: *opts,
            seg: 0,
            pos: 0,
            fw: None,
            conv_at: 0,
            run_width: 0,
            held: None,
            shorten,
        };
        p.enter_segment();
        p
    }

    fn enter_segment(&mut self) {
        self.pos = 0;
        self.conv_at = 0;
        self.fw = self.segs.get(self.seg).and_then(|seg| {
            (self.opts.punctuation == PunctuationDisplay::Fullwidth
                && seg.base.is_some()
                && seg.kind != SegKind::Atom)
                .then(|| Fullwidth::new(seg.text))
        });
    }

    #[inline]
    fn emit(&mut self, out: &mut Vec<Unit>, u: Unit) {
        if !u.space() && self.held.is_none() {
            self.run_width = 0;
            out.push(u);
        } else {
            self.emit_space_run(out, u);
        }
    }

    fn emit_space_run(&mut self, out: &mut Vec<Unit>, u: Unit) {
        if u.space() {
            let before = self.run_width;
            self.run_width = before.saturating_add(u.width);
            if before <= self.opts.width || !self.shorten {
                out.push(u);
            } else {
                self.held = Some(u);
            }
        } else {
            if let Some(h) = self.held.take() {
                out.push(h);
            }
            self.run_width = 0;
            out.push(u);
        }
    }

    /// Appends units to `out` until it holds `want` or there are no more; `true` when
    /// there are no more.
    fn fill(&mut self, out: &mut Vec<Unit>, want: usize) -> bool {
        let opts = self.opts;
        while out.len() < want {
            let Some(seg) = self.segs.get(self.seg) else {
                if let Some(h) = self.held.take() {
                    out.push(h);
                }
                return true;
            };
            let si = self.seg;
            let start = self.pos;
            let rest = &seg.text[start..];
            if seg.kind == SegKind::Atom {
                // One unit per shown character (notation is ASCII, a tab spaces), glued
                // together by the levels so the atom stays whole unless the width is
                // narrower than it; a tab's spaces are white space, notation an opaque
                // mark.
                if let Some(c) = rest.chars().next() {
                    let space = is_space(c);
                    let ch = if space { ' ' } else { '\u{FFFC}' };
                    let end = start + c.len_utf8();
                    self.pos = end;
                    self.emit(
                        out,
                        Unit {
                            seg: si,
                            start,
                            end,
                            width: grapheme_width(&seg.text[start..end], opts.ambiguous),
                            ch,
                            subst: None,
                            kind: seg.kind,
                            flags: flags(ch, space, opts.level),
                        },
                    );
                    continue;
                }
            } else {
                // The units of a text segment, in a loop of their own.
                let mut fw = self.fw.take();
                let text = seg.text;
                let mut start = start;
                while out.len() < want {
                    let Some((first, len)) = first_grapheme(&text[start..]) else {
                        break;
                    };
                    let g = &text[start..start + len];
                    let mut subst = match &mut fw {
                        Some(fw) => fw.first_of(start, start + len),
                        None => None,
                    };
                    if !seg.conv.is_empty() {
                        // Script conversion: the substitutions are in source order, and
                        // so are the units; those before this unit are passed.
                        let at = seg.base.unwrap_or(0) + start;
                        let skip = self.conv_at;
                        let k = seg.conv[skip.min(seg.conv.len())..]
                            .iter()
                            .take_while(|&&(b, _)| b < at)
                            .count();
                        self.conv_at = skip + k;
                        if let Some(&(b, c)) = seg.conv.get(self.conv_at)
                            && b == at
                        {
                            subst = subst.or(Some(c));
                        }
                    }
                    let ch = subst.unwrap_or(first);
                    let single = len == first.len_utf8();
                    let width = match subst {
                        Some(c) => {
                            // Measured as shown: the full-width mark and the rest.
                            let mut shown = String::with_capacity(g.len() + 2);
                            shown.push(c);
                            shown.push_str(&g[first.len_utf8()..]);
                            grapheme_width(&shown, opts.ambiguous)
                        }
                        None if single && is_plain(first) => plain_width(first, opts.ambiguous),
                        None => grapheme_width(g, opts.ambiguous),
                    };
                    let space = single && is_space(first);
                    if width > opts.width && opts.width >= 2 && !single {
                        // A cluster wider than the line (a Han character with spacing marks
                        // piled on it): no line may be wider than the width, so it is cut
                        // into its characters, glued together as far as the width allows.
                        // Each piece is a character with the zero-width ones after it (a
                        // ZWJ, a selector, a mark stay on the character they follow).
                        let mut pieces: Vec<(usize, usize, char)> = Vec::new();
                        for (off, c) in g.char_indices() {
                            let zero = unicode_width::UnicodeWidthChar::width(c) == Some(0);
                            match pieces.last_mut() {
                                Some(last) if zero => last.1 = off + c.len_utf8(),
                                _ => pieces.push((off, off + c.len_utf8(), c)),
                            }
                        }
                        for (k, (off, piece_end, c)) in pieces.into_iter().enumerate() {
                            let piece = &g[off..piece_end];
                            let f = flags(c, false, opts.level) | if k > 0 { F_CONT } else { 0 };
                            self.emit(
                                out,
                                Unit {
                                    seg: si,
                                    start: start + off,
                                    end: start + piece_end,
                                    width: grapheme_width(piece, opts.ambiguous),
                                    ch: c,
                                    subst: None,
                                    kind: seg.kind,
                                    flags: f,
                                },
                            );
                        }
                        start += len;
                        continue;
                    }
                    self.emit(
                        out,
                        Unit {
                            seg: si,
                            start,
                            end: start + len,
                            width,
                            ch,
                            subst,
                            kind: seg.kind,
                            flags: flags(ch, space, opts.level),
                        },
                    );
                    start += len;
                }
                self.pos = start;
                self.fw = fw;
                if start < text.len() {
                    return false;
                }
            }
            self.seg += 1;
            self.enter_segment();
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::test_support::random_text;
    use crate::text::fullwidth::fullwidth_substitutions;

    const TOKENS: &[&str] = &[
        "中",
        "文",
        "长三角",
        "，",
        ",",
        ";",
        ":",
        "!",
        "?",
        "(",
        ")",
        "（",
        "）",
        "“",
        "”",
        "‘",
        "’",
        "—",
        "——",
        "…",
        " ",
        "  ",
        "\u{3000}",
        "a",
        "AIoT",
        "1",
        "3.65",
        ".",
        "%",
        "e\u{301}",
        "《",
        "》",
        "、",
        "。",
        "👍",
        "中\u{903}\u{903}",
        "\u{915}\u{93F}",
        "/",
    ];

    fn opts(width: usize) -> BreakOptions {
        BreakOptions {
            width,
            ambiguous: AmbiguousWidth::Narrow,
            level: LineBreakLevel::Gb,
            punctuation: PunctuationDisplay::AsIs,
        }
    }

    fn text_seg(text: &str, base: usize, kind: SegKind) -> Seg<'_> {
        Seg {
            text,
            role: Role::Body,
            base: Some(base),
            src_len: None,
            kind,
            conv: &[],
        }
    }

    fn deco(text: &str, kind: SegKind) -> Seg<'_> {
        Seg::decoration(text, kind)
    }

    fn atom(text: &str, base: usize) -> Seg<'_> {
        Seg {
            text,
            role: Role::Notation,
            base: Some(base),
            src_len: Some(3),
            kind: SegKind::Atom,
            conv: &[],
        }
    }

    /// [`layout_segments_peak`]'s lines, collected, and its peak window.
    fn collect_peak(
        segs: &[Seg<'_>],
        item: usize,
        src_len: usize,
        o: &BreakOptions,
        chunk: usize,
        shorten: bool,
    ) -> (Vec<Line>, usize) {
        let mut lines = Vec::new();
        let peak = layout_segments_peak(segs, item, src_len, o, chunk, shorten, &mut |l| {
            lines.push(l)
        });
        (lines, peak)
    }

    /// A paragraph of `text` at `width`: its lines and the breaker's peak window.
    fn paragraph(text: &str, o: &BreakOptions) -> (Vec<Line>, usize) {
        let segs = [
            deco("\u{3000}\u{3000}", SegKind::Prefix),
            text_seg(text, 0, SegKind::Text),
        ];
        collect_peak(&segs, 0, text.len(), o, CHUNK, true)
    }

    #[test]
    fn window_stays_bounded_on_one_long_paragraph() {
        let text = "长三角一体化发展,AIoT企业3.65%增长——“拼”!".repeat(20_000);
        for punctuation in [PunctuationDisplay::AsIs, PunctuationDisplay::Fullwidth] {
            let o = BreakOptions {
                punctuation,
                ..opts(80)
            };
            let (lines, peak) = paragraph(&text, &o);
            assert!(lines.len() > 5_000, "{}", lines.len());
            // A chunk behind the line start at most, the line, a chunk ahead.
            assert!(peak <= 3 * CHUNK + 100, "peak window {peak} units");
        }
    }

    #[test]
    fn window_stays_bounded_on_a_long_run_of_spaces() {
        let text = format!(
            "中文{}文字{}",
            " ".repeat(300_000),
            "\u{3000}".repeat(300_000)
        );
        let (lines, peak) = paragraph(&text, &opts(20));
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert_eq!(
            lines[0].text(),
            format!("\u{3000}\u{3000}中文{}", " ".repeat(12))
        );
        assert!(peak <= 2 * CHUNK, "peak window {peak} units");
    }

    #[test]
    fn window_stays_bounded_behind_an_unclosed_parenthesis() {
        // The ( is not next to Chinese: whether it is shown full-width waits for a )
        // that never comes; the lines are still produced a window at a time.
        let text = format!("a(b{}", "中文,".repeat(50_000));
        let o = BreakOptions {
            punctuation: PunctuationDisplay::Fullwidth,
            ..opts(40)
        };
        let (lines, peak) = paragraph(&text, &o);
        assert!(lines[0].text().contains("a(b"), "{:?}", lines[0]);
        assert!(lines[1].text().contains('，'), "{:?}", lines[1]);
        assert!(peak <= 3 * CHUNK + 100, "peak window {peak} units");
    }

    #[test]
    fn streaming_in_small_chunks_changes_nothing() {
        for seed in 0..60u64 {
            let text = random_text(TOKENS, seed, 10 + usize::try_from(seed).unwrap_or(0) % 50);
            let cut = text
                .char_indices()
                .nth(text.chars().count() / 2)
                .map_or(0, |(i, _)| i);
            let (a, b) = text.split_at(cut);
            let cb = cut + 3;
            let credit = "张三 摄";
            let segs = [
                deco("\u{3000}\u{3000}", SegKind::Prefix),
                text_seg(a, 0, SegKind::Text),
                atom("<U+202E>", cut),
                atom("    ", cut + 3),
                text_seg(b, cb, SegKind::Text),
                deco(" ", SegKind::Separator),
                text_seg(credit, cb + b.len(), SegKind::Credit),
            ];
            let src_len = cb + b.len() + credit.len();
            for width in [0, 1, 2, 3, 4, 7, 12, 30] {
                for ambiguous in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
                    for level in [LineBreakLevel::Basic, LineBreakLevel::Strict] {
                        for punctuation in [PunctuationDisplay::AsIs, PunctuationDisplay::Fullwidth]
                        {
                            let o = BreakOptions {
                                width,
                                ambiguous,
                                level,
                                punctuation,
                            };
                            let whole = collect_peak(&segs, 1, src_len, &o, usize::MAX, false);
                            for chunk in [1, 2, 5] {
                                let streamed = collect_peak(&segs, 1, src_len, &o, chunk, true);
                                assert_eq!(streamed.0, whole.0, "{text:?} {o:?} chunk {chunk}");
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn streamed_substitutions_match_the_whole_text_ones() {
        let mut texts: Vec<String> = (0..300u64)
            .map(|s| random_text(TOKENS, s, 5 + usize::try_from(s).unwrap_or(0) % 40))
            .collect();
        texts.extend(
            [
                "a(b)中",
                "(a(b)c)中",
                "中(a",
                "((中)x)",
                ")中(",
                "a(b(c)d)中,e",
                "x(((y)))中",
            ]
            .map(String::from),
        );
        let o = BreakOptions {
            punctuation: PunctuationDisplay::Fullwidth,
            ..opts(usize::MAX)
        };
        for text in &texts {
            let segs = [text_seg(text, 0, SegKind::Text)];
            let mut units = Vec::new();
            Producer::new(&segs, &o, false).fill(&mut units, usize::MAX);
            let starts: Vec<usize> = units.iter().map(|u| u.start).collect();
            let got: Vec<(usize, char)> = units
                .iter()
                .filter_map(|u| u.subst.map(|c| (u.start, c)))
                .collect();
            let want: Vec<(usize, char)> = fullwidth_substitutions(text)
                .into_iter()
                .filter(|(o, _)| starts.contains(o))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
