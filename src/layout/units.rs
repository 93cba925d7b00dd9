//! The break units: an item's segments cut into extended grapheme clusters (UAX #29),
//! each measured as shown (the display substitutions applied: full-width punctuation
//! from the one engine, [`crate::text::fullwidth`], and the script's characters), with
//! the classes of its first shown character kept as flags for the break levels
//! ([`super::levels`]):
//!
//! * the clreq prohibition rules (行首行尾禁则): may not start a line, may not end
//!   one, at the layout's [`LineBreakLevel`] ([`super::classes`]);
//! * clreq's unbreakable marks: the em dash and the inseparable pairs —— …… (UAX #14
//!   B2, IN);
//! * quotation marks (UAX #14 QU: Pi opening, Pf closing);
//! * the East Asian side of the text (UAX #14 ID and the ambiguous punctuation of
//!   Chinese text, [`super::classes::is_cjk`]), ASCII letters and digits (AL, NU);
//! * white space.

use super::classes::{
    EM_DASH, end_prohibited, is_ascii_alnum, is_cjk, is_closing_quote, is_opening_quote,
    is_pair_mark, is_space, is_strict_start_prohibited, start_prohibited,
};
use super::{AmbiguousWidth, LineBreakLevel, PunctuationDisplay, Role};
use crate::text::fullwidth::Fullwidth;
use crate::text::width::{first_grapheme, grapheme_width, is_plain, plain_width};

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
pub(super) struct Unit {
    pub(super) seg: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) width: usize,
    /// The first shown character.
    pub(super) ch: char,
    /// The shown replacement of the first character (full-width punctuation).
    pub(super) subst: Option<char>,
    pub(super) kind: SegKind,
    /// The classes of `ch` (and whether the unit is white space), computed once.
    pub(super) flags: u16,
}

/// The unit is a single white-space character.
pub(super) const F_SPACE: u16 = 1;
/// [`is_cjk`] of `ch`.
pub(super) const F_CJK: u16 = 1 << 1;
/// `ch` is an ASCII letter or digit.
pub(super) const F_ALNUM: u16 = 1 << 2;
/// `ch` is an ASCII digit.
pub(super) const F_DIGIT: u16 = 1 << 3;
/// `ch` may never start a line at the layout's level (an em dash alone aside).
pub(super) const F_BAD_START: u16 = 1 << 4;
/// `ch` may never end a line at the layout's level.
pub(super) const F_BAD_END: u16 = 1 << 5;
/// `ch` is an inseparable-pair mark.
pub(super) const F_PAIR: u16 = 1 << 6;
/// `ch` is an opening quote.
pub(super) const F_OPEN_QUOTE: u16 = 1 << 7;
/// `ch` is a closing quote.
pub(super) const F_CLOSE_QUOTE: u16 = 1 << 8;
/// `ch` is the em dash.
pub(super) const F_EM_DASH: u16 = 1 << 9;
/// The unit continues a grapheme cluster that was wider than the whole line and had to
/// be cut into its characters.
pub(super) const F_CONT: u16 = 1 << 10;
/// The unit is a line end kept in the text (a code block's, `<pre>`'s): a mandatory
/// break after it (UAX #14 LB6/LB7 classes BK, LF), shown as a space.
pub(super) const F_HARD: u16 = 1 << 11;

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
    pub(super) fn space(&self) -> bool {
        self.flags & F_SPACE != 0
    }
    pub(super) fn has(&self, flag: u16) -> bool {
        self.flags & flag != 0
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
pub(super) struct Producer<'s, 'a> {
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
    pub(super) fn new(segs: &'s [Seg<'a>], opts: &BreakOptions, shorten: bool) -> Self {
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
        if u.has(F_HARD) {
            // A mandatory break ends the run: it is never left out, and the white
            // space after it (a code line's indent) starts a run of its own.
            if let Some(h) = self.held.take() {
                out.push(h);
            }
            self.run_width = 0;
            out.push(u);
            return;
        }
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
    pub(super) fn fill(&mut self, out: &mut Vec<Unit>, want: usize) -> bool {
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
                    let single = len == first.len_utf8();
                    let hard = single && first == '\n';
                    if hard {
                        // A line end kept in a block's text (a code block, `<pre>`): the
                        // line breaks after it, and it is shown as a space, never a
                        // control character in a laid-out line.
                        subst = Some(' ');
                    }
                    let ch = subst.unwrap_or(first);
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
                            flags: flags(ch, space, opts.level) | if hard { F_HARD } else { 0 },
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
    use crate::layout::test_support::{TOKENS, opts, random_text, text_seg};
    use crate::text::fullwidth::fullwidth_substitutions;

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

    #[test]
    fn a_kept_line_end_is_shown_as_a_space() {
        let text = "fn main() {\n    x\n}";
        let segs = [text_seg(text, 0, SegKind::Text)];
        let mut units = Vec::new();
        Producer::new(&segs, &opts(usize::MAX), false).fill(&mut units, usize::MAX);
        let ends: Vec<&Unit> = units
            .iter()
            .filter(|u| text[u.start..].starts_with('\n'))
            .collect();
        assert_eq!(ends.len(), 2, "{text:?}");
        for u in ends {
            assert_eq!(u.subst, Some(' '), "the line end at byte {}", u.start);
            assert_eq!(u.width, 1);
        }
        assert!(
            units
                .iter()
                .all(|u| u.subst.is_none_or(|c| !c.is_control()))
        );
    }
}
