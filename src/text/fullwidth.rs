//! The one full-width punctuation engine: which ASCII `, ; : ! ? ( )` stand in Chinese
//! text, and the full-width mark for each. The display (`punctuation = "fullwidth"`,
//! layout and its store) shows what it finds; `check`'s `halfwidth-punctuation` rule
//! reports the same marks ([`fullwidth_substitutions`]).

use std::collections::VecDeque;

use super::chinese::{is_chinese, is_see_through};

/// ASCII punctuation and the full-width form shown for it in Chinese text (display
/// only) and suggested by `yuedu check`.
pub(crate) const HALFWIDTH_MARKS: [(char, char); 7] = [
    (',', '，'),
    (';', '；'),
    (':', '：'),
    ('!', '！'),
    ('?', '？'),
    ('(', '（'),
    (')', '）'),
];

/// The full-width form of an ASCII `, ; : ! ? ( )`.
pub(crate) fn fullwidth_form(c: char) -> Option<char> {
    match c {
        ',' | ';' | ':' | '!' | '?' | '(' | ')' => HALFWIDTH_MARKS
            .iter()
            .find(|&&(half, _)| half == c)
            .map(|&(_, full)| full),
        _ => None,
    }
}

/// [`fullwidth_substitutions`] of one segment's text, computed as the units are
/// produced. An ASCII `(` that does not stand next to Chinese is shown full-width when
/// the `)` that closes it does, which may be far ahead: a second scan runs ahead only
/// as far as needed to settle it.
pub(crate) struct Fullwidth<'a> {
    /// The scan of the units' characters.
    here: FwScan<'a>,
    /// The scan ahead.
    ahead: FwScan<'a>,
    /// Whether the `(` not next to Chinese number `settled_from + k` is shown
    /// full-width (`None`: not known yet), for those the scan ahead has passed.
    settled: VecDeque<Option<bool>>,
    settled_from: u64,
}

/// One scan of [`fullwidth_substitutions`] over a text.
struct FwScan<'a> {
    text: &'a str,
    pos: usize,
    /// Open parentheses: whether next to Chinese, and their number among those not.
    open: Vec<(bool, u64)>,
    /// The last character passed that is not [`is_see_through`], as shown.
    prev: Option<char>,
    /// The first character at or after some offset up to `.0` that is not
    /// [`is_see_through`]: at `.0`, `.1` (`None`: the end). Kept so that a long run of
    /// quotes is looked through once, not once per mark in it.
    ahead: (usize, Option<char>),
    /// How many `(` not next to Chinese have been passed.
    far_opens: u64,
}

/// What one step of an [`FwScan`] found.
#[derive(Default)]
struct FwStep {
    /// The character's full-width replacement.
    subst: Option<char>,
    /// The character is a `(` not next to Chinese with this number: its fate waits for
    /// its `)`.
    far_open: Option<u64>,
    /// The character is a `)` that closes the `(` not next to Chinese with this number,
    /// and whether they are shown full-width.
    closes: Option<(u64, bool)>,
}

impl<'a> FwScan<'a> {
    fn new(text: &'a str) -> Self {
        FwScan {
            text,
            pos: 0,
            open: Vec::new(),
            prev: None,
            ahead: (0, None),
            far_opens: 0,
        }
    }

    /// The first character at or after byte `pos` that is not [`is_see_through`].
    fn after(&mut self, pos: usize) -> Option<char> {
        if pos > self.ahead.0 {
            let rest = &self.text[pos..];
            self.ahead = match rest.char_indices().find(|&(_, c)| !is_see_through(c)) {
                Some((i, c)) => (pos + i, Some(c)),
                None => (self.text.len(), None),
            };
        }
        self.ahead.1
    }

    /// The next character and what it is; `None` at the end.
    fn step(&mut self) -> Option<FwStep> {
        let c = self.text[self.pos..].chars().next()?;
        self.pos += c.len_utf8();
        let mut st = FwStep::default();
        if fullwidth_form(c).is_none() {
            if !is_see_through(c) {
                self.prev = Some(c);
            }
            return Some(st);
        }
        let chinese = |c: Option<char>| c.is_some_and(is_chinese);
        let near = chinese(self.prev) || chinese(self.after(self.pos));
        let shown = match c {
            '(' => {
                if near {
                    st.subst = Some('（');
                } else {
                    st.far_open = Some(self.far_opens);
                }
                self.open.push((near, self.far_opens));
                if !near {
                    self.far_opens += 1;
                }
                c
            }
            ')' => match self.open.pop() {
                Some((q, n)) if q || near => {
                    if !q {
                        st.closes = Some((n, true));
                    }
                    st.subst = Some('）');
                    '）'
                }
                Some((_, n)) => {
                    st.closes = Some((n, false));
                    c
                }
                None if near => {
                    st.subst = Some('）');
                    '）'
                }
                None => c,
            },
            // Parentheses are matched above.
            _ => match fullwidth_form(c) {
                Some(w) if near => {
                    st.subst = Some(w);
                    w
                }
                _ => c,
            },
        };
        if !is_see_through(shown) {
            self.prev = Some(shown);
        }
        Some(st)
    }
}

impl<'a> Fullwidth<'a> {
    /// The engine over `text`, from its start.
    pub fn new(text: &'a str) -> Self {
        Fullwidth {
            here: FwScan::new(text),
            ahead: FwScan::new(text),
            settled: VecDeque::new(),
            settled_from: 0,
        }
    }

    /// The replacement of the character at `start` for the unit `start..end`, the
    /// characters before `start` having been passed.
    pub(crate) fn first_of(&mut self, start: usize, end: usize) -> Option<char> {
        debug_assert_eq!(self.here.pos, start);
        let first = self.here.step()?;
        while self.here.pos < end && self.here.step().is_some() {}
        match first.far_open {
            Some(n) => self.far_open(n).then_some('（'),
            None => first.subst,
        }
    }

    /// Whether the `(` not next to Chinese number `n` is shown full-width.
    fn far_open(&mut self, n: u64) -> bool {
        let shown = loop {
            if let Some(k) = n.checked_sub(self.settled_from)
                && let Some(&Some(v)) = usize::try_from(k).ok().and_then(|k| self.settled.get(k))
            {
                break v;
            }
            let Some(st) = self.ahead.step() else {
                // Never closed: shown as it is.
                break false;
            };
            if st.far_open.is_some_and(|m| m >= self.settled_from) {
                self.settled.push_back(None);
            }
            if let Some((m, v)) = st.closes
                && let Some(k) = m.checked_sub(self.settled_from)
                && let Some(slot) = usize::try_from(k)
                    .ok()
                    .and_then(|k| self.settled.get_mut(k))
            {
                *slot = Some(v);
            }
        };
        // Number `n` and those before it are passed for good.
        let passed = usize::try_from((n + 1).saturating_sub(self.settled_from))
            .unwrap_or(usize::MAX)
            .min(self.settled.len());
        self.settled.drain(..passed);
        self.settled_from = self.settled_from.max(n + 1);
        shown
    }
}

/// Byte offsets in `text` of ASCII , ; : ! ? ( ) standing in Chinese text, with the
/// full-width character to show instead, in order: what [`Fullwidth`] substitutes,
/// and what `check`'s `halfwidth-punctuation` rule reports.
///
/// A mark stands in Chinese text when the nearest character before it (as shown) or
/// after it, quotes and shared marks looked through ([`is_see_through`]), is
/// [`is_chinese`]; a `(` and the `)` that closes it are shown full-width together when
/// either is.
pub(crate) fn fullwidth_substitutions(text: &str) -> Vec<(usize, char)> {
    let mut out = Vec::new();
    for_each_substitution(text, |at, w| out.push((at, w)));
    out.sort_unstable_by_key(|&(o, _)| o);
    out
}

/// Calls `found` with each of [`fullwidth_substitutions`], without collecting them: in
/// order, but for a `(` not next to Chinese, which comes when the `)` that settles it
/// does. Keeps only where such `(` stand.
pub(crate) fn for_each_substitution(text: &str, mut found: impl FnMut(usize, char)) {
    let mut scan = FwScan::new(text);
    // Where each `(` not next to Chinese stands, by number.
    let mut far_opens: Vec<usize> = Vec::new();
    loop {
        let at = scan.pos;
        let Some(st) = scan.step() else { break };
        if let Some(w) = st.subst {
            found(at, w);
        }
        if st.far_open.is_some() {
            far_opens.push(at);
        }
        if let Some((n, true)) = st.closes
            && let Some(&open) = usize::try_from(n).ok().and_then(|n| far_opens.get(n))
        {
            found(open, '（');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> String {
        let subst = fullwidth_substitutions(text);
        text.char_indices()
            .map(|(i, c)| subst.iter().find(|&&(o, _)| o == i).map_or(c, |&(_, w)| w))
            .collect()
    }

    #[test]
    fn marks_in_chinese_text_are_found_through_quotes() {
        assert_eq!(shown("他说\"拼\"!\"好\""), "他说\"拼\"！\"好\"");
        assert_eq!(shown("今年,长三角“拼”!"), "今年，长三角“拼”！");
        assert_eq!(shown("好……,然后"), "好……，然后");
        assert_eq!(
            shown("其中,“一脑”(初稿),加快"),
            "其中，“一脑”（初稿），加快"
        );
        assert_eq!(shown("中(abc)def"), "中（abc）def");
    }

    #[test]
    fn marks_in_latin_text_or_between_digits_are_left() {
        for text in [
            "abc…,def",
            "“OK”, then",
            "1,000 与 3:1",
            "Hello, world!",
            "(a)",
        ] {
            assert_eq!(shown(text), text);
        }
    }

    /// The engine the layout runs unit by unit agrees with the whole-text one.
    #[test]
    fn streaming_and_whole_text_agree() {
        for text in [
            "他说\"拼\"!\"好\"",
            "((((中))))",
            "a(b(c)d)中,(",
            "\"\"\"\",,,中",
            "abc…,def(中)",
        ] {
            let mut fw = Fullwidth::new(text);
            let got: Vec<(usize, char)> = text
                .char_indices()
                .filter_map(|(i, c)| fw.first_of(i, i + c.len_utf8()).map(|w| (i, w)))
                .collect();
            assert_eq!(got, fullwidth_substitutions(text), "{text:?}");
        }
    }
}
