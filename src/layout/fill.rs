//! Line filling: an item's units ([`super::units`]) and the levels of the boundaries
//! between them ([`super::levels`]) into lines, first fit.
//!
//! A line takes units while their width (trailing white space not counted) fits, then
//! breaks at the last boundary of the lowest level that fits; a line end kept in the
//! text (a code block's) ends its line there (a mandatory break). Each line costs at most
//! its own units plus the one that overflowed, and lines never move backwards, so the
//! time is linear in the text for a given width. The units are produced a chunk at a
//! time and dropped once they are behind the line being filled, so a long paragraph is
//! laid out in bounded memory.

use super::levels::{self, ANYWHERE};
use super::units::{BreakOptions, F_HARD, Producer, Seg, Unit};
use super::{Line, Pos, Span};

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
        // White space after a break is not shown, up to a mandatory break's line end;
        // after one, a line starts with its white space (a code line's indent).
        let hard_end = win.units[k - 1 - win.base].has(F_HARD);
        s = k;
        while !hard_end && win.has_unit(s) && win.units[s - win.base].space() {
            s += 1;
            if win.units[s - 1 - win.base].has(F_HARD) {
                break;
            }
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

    /// The levels of the boundaries whose neighbours are all produced
    /// ([`levels::compute_levels`]).
    fn compute_levels(&mut self) {
        levels::compute_levels(
            &self.units,
            self.base,
            self.done,
            &mut self.levels,
            &mut self.last_ns_bad_end,
        );
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
                if u.has(F_HARD) {
                    // A mandatory break (UAX #14 LB6): the line ends after the line end.
                    return i + 1;
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
    // Trailing white space stays only as far as it fits; a mandatory break's line end
    // is never shown.
    let content_end = line_units
        .iter()
        .rposition(|u| !u.space())
        .map_or(0, |p| p + 1);
    let mut w: usize = line_units[..content_end].iter().map(|u| u.width).sum();
    let mut end = content_end;
    while end < line_units.len()
        && !line_units[end].has(F_HARD)
        && w + line_units[end].width <= width
    {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::test_support::{TOKENS, opts, random_text, text_seg};
    use crate::layout::units::SegKind;
    use crate::layout::{AmbiguousWidth, LineBreakLevel, PunctuationDisplay, Role};

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

    fn shown(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn a_kept_line_end_is_a_mandatory_break() {
        let code = "fn a() {\n    b();\n\n}";
        for width in [1, 4, 6, 12, 80] {
            let segs = [text_seg(code, 0, SegKind::Text)];
            for chunk in [1, 3, CHUNK] {
                let (lines, _) = collect_peak(&segs, 0, code.len(), &opts(width), chunk, true);
                let got = shown(&lines);
                assert!(got.iter().all(|l| !l.contains('\n')), "{got:?}");
                if width >= 12 {
                    assert_eq!(got, ["fn a() {", "    b();", "", "}"], "width {width}");
                } else if width >= 5 {
                    // Narrower: the code lines wrap, and each still starts a line.
                    for start in ["fn", "    b", "}"] {
                        assert!(got.iter().any(|l| l.starts_with(start)), "{got:?}");
                    }
                    assert!(got.iter().any(String::is_empty), "{got:?}");
                } else {
                    assert_eq!(got.last().map(String::as_str), Some("}"), "{got:?}");
                }
            }
        }
        // A wide run of spaces before and after a line end keeps the break.
        let wide = format!("a{}\n{}b", " ".repeat(50), " ".repeat(3));
        let segs = [text_seg(&wide, 0, SegKind::Text)];
        let (lines, _) = collect_peak(&segs, 0, wide.len(), &opts(10), CHUNK, true);
        assert_eq!(shown(&lines).last().map(String::as_str), Some("   b"));
    }
}
