//! The one place untrusted characters become visible notation.
//!
//! Every output path (text pane, navigation pane, status bar, dump, outline, check, error
//! messages, terminal title) shows text from the file through this module, so that no
//! character the terminal would interpret reaches it and none is silently dropped. The
//! file's text itself is never changed: these functions produce what is *shown*.
//!
//! How to call it:
//!
//! ```
//! use yuedu::text::sanitize::{for_terminal_line, sanitize};
//!
//! // Whole strings (dump, outline, navigation entries): borrowed when nothing changes.
//! assert_eq!(sanitize("余姚\x1b]0;pwned\x07"), "余姚^[]0;pwned^G");
//!
//! // One-line outputs (status bar, error messages, terminal title): `\n` → `^J` too.
//! assert_eq!(for_terminal_line("a\nb"), "a^Jb");
//! ```
//!
//! Within the crate, the layout and `check` take a string as [`segments`]: plain runs
//! are text, notation segments unbreakable atoms that the UI draws in a distinct style,
//! and their `src` ranges tile the input exactly.
//!
//! What is replaced (see [`classify`]):
//!
//! | class | characters | shown as |
//! |---|---|---|
//! | [`Class::Control`] | C0 controls except `\n` and `\t`; DEL | caret: `^[` (ESC), `^G` (BEL), `^@` (NUL), `^M` (CR), `^?` (DEL) |
//! | [`Class::Control`] | C1 controls U+0080–U+009F | `<U+009B>` |
//! | [`Class::Bidi`] | U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069 | `<U+202E>` |
//! | [`Class::Invisible`] | every format character (General_Category Cf: U+00AD, U+200B–U+200D, U+2060–U+2064, U+FEFF, tags …), U+2028, U+2029, Hangul fillers | `<U+200B>` |
//! | [`Class::PrivateUse`] | U+E000–U+F8FF, planes 15–16 | `<U+E000>` |
//! | [`Class::Unassigned`] | unassigned code points and noncharacters (Unicode 16) | `<U+0378>` |
//! | [`Class::Tab`] | `\t` | four spaces ([`TAB`]); not notation, the layout may expand it to a tab stop |
//!
//! Two context exceptions keep characters that are part of an emoji: U+200D (ZWJ) inside
//! an emoji ZWJ sequence (👨‍👩‍👧, ❤️‍🔥), and tag characters in an emoji tag sequence
//! (🏴 + tags + U+E007F, the flags of England, Scotland, Wales). A ZWJ or tag anywhere
//! else is shown. Combining marks and variation selectors (U+FE00–U+FE0F, U+E0100…)
//! pass unchanged: they are visible in effect and harmless to a terminal.
//!
//! The notation is plain printable ASCII, so sanitizing is idempotent; in plain-text
//! outputs (dump) a literal `^[` in the file looks the same as an ESC shown — the panes
//! tell them apart by style.

use std::borrow::Cow;
use std::ops::Range;

// Why a crate: std has no General_Category lookup (`char::is_control` covers only Cc,
// and nothing in std tells Cf, Co or Cn). `unicode-general-category` is a small,
// dependency-free table (Unicode 16.0, as std and unicode-width here) with O(1) lookup.
use unicode_general_category::{GeneralCategory, get_general_category};
use unicode_segmentation::GraphemeCursor;

/// Why a character is not shown as itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// C0 controls (except `\n`, `\t`), DEL, C1 controls: what terminals interpret.
    Control,
    /// Bidirectional formatting characters: can reorder what the reader sees.
    Bidi,
    /// Invisible format characters: zero-width spaces and joiners, word joiner, BOM,
    /// soft hyphen, tags, line/paragraph separators, Hangul fillers.
    Invisible,
    /// Private-use characters: no meaning outside an agreement, font-dependent glyphs.
    PrivateUse,
    /// Unassigned code points and noncharacters.
    Unassigned,
    /// A horizontal tab: layout, shown as spaces.
    Tab,
}

/// How a replaced character is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Notation {
    /// `^` and a letter: `^[` for ESC, `^?` for DEL.
    Caret,
    /// `<U+XXXX>` (at least four hex digits, upper case).
    CodePoint,
    /// Spaces: [`TAB`] for a tab.
    Spaces,
}

impl Class {
    /// The notation this class uses for `c` (controls use caret notation in C0 and DEL,
    /// code points in C1).
    pub(crate) fn notation(self, c: char) -> Notation {
        match self {
            Class::Tab => Notation::Spaces,
            Class::Control if c < ' ' || c == '\x7f' => Notation::Caret,
            _ => Notation::CodePoint,
        }
    }
}

/// What a tab is shown as: four spaces. A tab in Chinese prose is layout (usually an
/// indent), not content; the layout may instead expand [`Class::Tab`] segments to the
/// next multiple of four columns, which only it can know.
pub(crate) const TAB: &str = "    ";

/// Whether `c` must be replaced, and why — on its own, without context. In a string,
/// ZWJ in emoji ZWJ sequences and tags in emoji tag sequences are kept (see
/// [`segments`]); `\n` is kept except by [`for_terminal_line`].
pub(crate) fn classify(c: char) -> Option<Class> {
    match c {
        '\n' | ' '..='~' => None,
        '\t' => Some(Class::Tab),
        '\0'..='\x1f' | '\x7f'..='\u{9f}' => Some(Class::Control),
        '\u{061C}'
        | '\u{200E}'
        | '\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}' => Some(Class::Bidi),
        // Zl, Zp, and the Hangul fillers (Lo, but blank and a known spoofing tool).
        '\u{2028}' | '\u{2029}' | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' => {
            Some(Class::Invisible)
        }
        // The bulk of Chinese text, all assigned and visible: skip the table.
        '\u{3000}'..='\u{303F}' | '\u{4000}'..='\u{9FFF}' | '\u{FF01}'..='\u{FF5E}' => None,
        _ => match get_general_category(c) {
            GeneralCategory::Format => Some(Class::Invisible),
            GeneralCategory::PrivateUse => Some(Class::PrivateUse),
            // Surrogates cannot be a `char`; listed so that an odd table still fails safe.
            GeneralCategory::Unassigned | GeneralCategory::Surrogate => Some(Class::Unassigned),
            _ => None,
        },
    }
}

/// What `c` is shown as on its own (context-free, like [`classify`]); `None` when it is
/// shown as itself.
#[cfg(test)]
pub(crate) fn shown(c: char) -> Option<Cow<'static, str>> {
    classify(c).map(|class| notation_text(c, class))
}

const CARETS: [&str; 32] = [
    "^@", "^A", "^B", "^C", "^D", "^E", "^F", "^G", "^H", "^I", "^J", "^K", "^L", "^M", "^N", "^O",
    "^P", "^Q", "^R", "^S", "^T", "^U", "^V", "^W", "^X", "^Y", "^Z", "^[", "^\\", "^]", "^^",
    "^_",
];

fn notation_text(c: char, class: Class) -> Cow<'static, str> {
    match class.notation(c) {
        Notation::Spaces => Cow::Borrowed(TAB),
        Notation::Caret => Cow::Borrowed(CARETS.get(c as usize).copied().unwrap_or("^?")),
        Notation::CodePoint => Cow::Owned(format!("<U+{:04X}>", u32::from(c))),
    }
}

/// A piece of a string: a plain run shown as it is, or one replaced character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Segment<'a> {
    /// The byte range of the input this segment stands for. The ranges of all segments
    /// of a string tile it exactly, in order.
    pub(crate) src: Range<usize>,
    /// What is shown: the input itself (borrowed) for a plain run, else the notation.
    pub(crate) text: Cow<'a, str>,
    /// A notation atom (`^[`, `<U+202E>`): lay out unbreakable, draw in a distinct style.
    /// False for plain runs and for tabs.
    pub(crate) notation: bool,
    /// Why the character was replaced; `None` for a plain run.
    pub(crate) class: Option<Class>,
}

/// Splits `s` into plain runs and one segment per replaced character (see the module
/// doc). Plain runs are never empty and never adjacent.
pub(crate) fn segments(s: &str) -> Segments<'_> {
    Segments {
        scanner: Scanner::new(s, false),
        pos: 0,
        next: None,
    }
}

/// The iterator of [`segments`].
#[derive(Debug, Clone)]
pub(crate) struct Segments<'a> {
    scanner: Scanner<'a>,
    pos: usize,
    /// A replaced character found while ending a plain run.
    next: Option<(usize, char, Class)>,
}

impl<'a> Iterator for Segments<'a> {
    type Item = Segment<'a>;

    fn next(&mut self) -> Option<Segment<'a>> {
        let s = self.scanner.s;
        if self.pos >= s.len() {
            return None;
        }
        let found = match self.next.take() {
            Some(found) => Some(found),
            None => self.scanner.find(self.pos),
        };
        match found {
            Some((at, c, class)) if at == self.pos => {
                self.pos = at + c.len_utf8();
                Some(Segment {
                    src: at..self.pos,
                    text: notation_text(c, class),
                    notation: class != Class::Tab,
                    class: Some(class),
                })
            }
            Some((at, _, _)) => {
                self.next = found;
                Some(self.plain(at))
            }
            None => Some(self.plain(s.len())),
        }
    }
}

impl<'a> Segments<'a> {
    fn plain(&mut self, end: usize) -> Segment<'a> {
        let src = self.pos..end;
        self.pos = end;
        Segment {
            text: Cow::Borrowed(&self.scanner.s[src.clone()]),
            src,
            notation: false,
            class: None,
        }
    }
}

/// `s` with every character that must be replaced written in its notation; borrowed when
/// there is none (the common case: one pass, no allocation).
pub fn sanitize(s: &str) -> Cow<'_, str> {
    render(Scanner::new(s, false))
}

/// Like [`sanitize`], and `\n` becomes `^J`: for outputs that must stay on one line
/// (status bar, error messages, terminal title).
pub fn for_terminal_line(s: &str) -> Cow<'_, str> {
    render(Scanner::new(s, true))
}

/// What a terminal would act on, shown as notation: controls (except `\n`) and bidi
/// controls, each alone, without the context rules of [`sanitize`]. For text that has
/// been through [`segments`] already (laid-out lines): a line may end inside an emoji
/// ZWJ sequence the layout kept, and sanitizing it again would turn that ZWJ into
/// notation, wider than the columns the line was laid out in. Borrowed when nothing
/// changes.
pub(crate) fn terminal_inert(s: &str) -> Cow<'_, str> {
    let interprets =
        |c: char| c != '\n' && matches!(classify(c), Some(Class::Control) | Some(Class::Bidi));
    if !s.chars().any(interprets) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match classify(c) {
            Some(class) if interprets(c) => out.push_str(&notation_text(c, class)),
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether [`sanitize`] would change `s`.
pub(crate) fn needs_sanitizing(s: &str) -> bool {
    Scanner::new(s, false).find(0).is_some()
}

fn render(mut scanner: Scanner<'_>) -> Cow<'_, str> {
    let s = scanner.s;
    let Some(mut found) = scanner.find(0) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 16);
    let mut pos = 0;
    loop {
        let (at, c, class) = found;
        out.push_str(&s[pos..at]);
        out.push_str(&notation_text(c, class));
        pos = at + c.len_utf8();
        match scanner.find(pos) {
            Some(next) => found = next,
            None => break,
        }
    }
    out.push_str(&s[pos..]);
    Cow::Owned(out)
}

/// How many characters of each class a string has (the tests' census of [`sanitize`]).
#[cfg(test)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    pub(crate) controls: usize,
    pub(crate) bidi: usize,
    pub(crate) invisible: usize,
    pub(crate) private_use: usize,
    pub(crate) unassigned: usize,
    pub(crate) tabs: usize,
}

#[cfg(test)]
impl Counts {
    /// All replaced characters except tabs (which are layout, not a concern).
    #[cfg(test)]
    pub(crate) fn suspicious(&self) -> usize {
        self.controls + self.bidi + self.invisible + self.private_use + self.unassigned
    }
}

/// Counts the characters [`sanitize`] replaces, per class (context exceptions applied).
#[cfg(test)]
pub(crate) fn count(s: &str) -> Counts {
    let mut counts = Counts::default();
    let mut scanner = Scanner::new(s, false);
    let mut pos = 0;
    while let Some((at, c, class)) = scanner.find(pos) {
        let slot = match class {
            Class::Control => &mut counts.controls,
            Class::Bidi => &mut counts.bidi,
            Class::Invisible => &mut counts.invisible,
            Class::PrivateUse => &mut counts.private_use,
            Class::Unassigned => &mut counts.unassigned,
            Class::Tab => &mut counts.tabs,
        };
        *slot += 1;
        pos = at + c.len_utf8();
    }
    counts
}

const ZWJ: char = '\u{200D}';

/// Whether `c` joins the character before it whatever that is (Grapheme_Cluster_Break
/// Extend, ZWJ or SpacingMark: UAX #29 rules GB9, GB9a): no cluster boundary before it
/// after a letter.
fn extends(c: char) -> bool {
    let mut buf = [0u8; 8];
    buf[0] = b'a';
    let len = 1 + c.encode_utf8(&mut buf[1..]).len();
    let s = std::str::from_utf8(&buf[..len]).unwrap_or("a");
    let mut cursor = GraphemeCursor::new(1, s.len(), true);
    matches!(cursor.is_boundary(s, 0), Ok(false))
}
const BLACK_FLAG: char = '\u{1F3F4}';
const CANCEL_TAG: char = '\u{E007F}';

/// Finds the replaced characters of a string left to right, applying the context
/// exceptions. Linear: every character is looked at a bounded number of times.
#[derive(Debug, Clone)]
struct Scanner<'a> {
    s: &'a str,
    /// `\n` is a control too (one-line outputs).
    one_line: bool,
    /// Tag characters before this byte offset belong to an emoji tag sequence.
    tags_kept_until: usize,
}

impl<'a> Scanner<'a> {
    fn new(s: &'a str, one_line: bool) -> Self {
        Scanner {
            s,
            one_line,
            tags_kept_until: 0,
        }
    }

    /// The first replaced character at or after byte `from` (a char boundary).
    fn find(&mut self, from: usize) -> Option<(usize, char, Class)> {
        let bytes = self.s.as_bytes();
        let mut i = from;
        while let Some(&b) = bytes.get(i) {
            // Lead bytes of U+4000–U+9FFF (CJK Extension A, Yijing hexagrams, CJK
            // Unified Ideographs): all assigned and shown as is, skipped without decoding.
            if (0xE4..=0xE9).contains(&b) {
                i += 3;
                continue;
            }
            if b.is_ascii() {
                match b {
                    b'\n' if !self.one_line => {}
                    b' '..=b'~' => {}
                    b'\t' => return Some((i, '\t', Class::Tab)),
                    _ => return Some((i, char::from(b), Class::Control)),
                }
                i += 1;
                continue;
            }
            let c = self.s.get(i..)?.chars().next()?;
            let next = i + c.len_utf8();
            match classify(c) {
                Some(Class::Invisible) if c == ZWJ && self.zwj_in_emoji(next) => {}
                Some(Class::Invisible) if is_tag(c) && i < self.tags_kept_until => {}
                Some(class) => return Some((i, c, class)),
                None if c == BLACK_FLAG => self.tags_kept_until = self.tag_sequence_end(next),
                None => {}
            }
            i = next;
        }
        None
    }

    /// Whether the ZWJ ending at byte `after` joins emoji: no grapheme boundary after it
    /// (UAX #29 rule GB11: Extended_Pictographic Extend* ZWJ × Extended_Pictographic)
    /// and the next character is neither a letter (Indic conjuncts, rule GB9c), a mark
    /// (GB9, GB9a) nor a format character.
    fn zwj_in_emoji(&self, after: usize) -> bool {
        let Some(next) = self.s.get(after..).and_then(|rest| rest.chars().next()) else {
            return false;
        };
        let mut cursor = GraphemeCursor::new(after, self.s.len(), true);
        let joined = matches!(cursor.is_boundary(self.s, 0), Ok(false));
        // Neither neighbour may be shown as notation (an unassigned emoji code point, a
        // stray tag or ZWNJ among the Extend characters), else the ZWJ would join notation
        // and sanitizing would not be idempotent.
        // Not joined by GB9 (an Extend character such as an emoji modifier joins
        // anything): GB11 needs an emoji after the ZWJ, and an emoji starts a cluster.
        joined
            && !extends(next)
            && classify(next).is_none()
            && self.emoji_base_shown_as_is(after - ZWJ.len_utf8())
            && !matches!(
                get_general_category(next),
                GeneralCategory::UppercaseLetter
                    | GeneralCategory::LowercaseLetter
                    | GeneralCategory::TitlecaseLetter
                    | GeneralCategory::ModifierLetter
                    | GeneralCategory::OtherLetter
                    | GeneralCategory::NonspacingMark
                    | GeneralCategory::SpacingMark
                    | GeneralCategory::EnclosingMark
                    | GeneralCategory::Format
            )
    }

    /// Walking back from the ZWJ at byte `zwj` over the Extend characters (marks,
    /// variation selectors, emoji modifiers) to the emoji: true when none of them, nor
    /// the emoji, is replaced. Bounded by that run, which ends at the previous ZWJ.
    fn emoji_base_shown_as_is(&self, zwj: usize) -> bool {
        let Some(before) = self.s.get(..zwj) else {
            return false;
        };
        for p in before.chars().rev() {
            if classify(p).is_some() {
                return false;
            }
            if !matches!(
                get_general_category(p),
                GeneralCategory::NonspacingMark
                    | GeneralCategory::SpacingMark
                    | GeneralCategory::EnclosingMark
                    | GeneralCategory::ModifierLetter
                    | GeneralCategory::ModifierSymbol
            ) {
                return true;
            }
        }
        false
    }

    /// After a 🏴 ending at byte `from`: the end of an emoji tag sequence (one or more
    /// tag characters U+E0020–U+E007E, then U+E007F CANCEL TAG), or `from` if none.
    fn tag_sequence_end(&self, from: usize) -> usize {
        let Some(rest) = self.s.get(from..) else {
            return from;
        };
        let mut seen = 0usize;
        for (offset, c) in rest.char_indices() {
            match c {
                '\u{E0020}'..='\u{E007E}' => seen += 1,
                CANCEL_TAG if seen > 0 => return from + offset + c.len_utf8(),
                _ => break,
            }
        }
        from
    }
}

fn is_tag(c: char) -> bool {
    ('\u{E0000}'..='\u{E007F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// (input, what `sanitize` shows, what `count` finds: [controls, bidi, invisible,
    /// private use, unassigned, tabs]).
    const TABLE: &[(&str, &str, [usize; 6])] = &[
        // Terminal escapes: OSC title, OSC 52 clipboard, CSI, C1 CSI, DCS.
        ("\x1b]0;title\x07", "^[]0;title^G", [2, 0, 0, 0, 0, 0]),
        (
            "\x1b]52;c;aGVsbG8=\x07",
            "^[]52;c;aGVsbG8=^G",
            [2, 0, 0, 0, 0, 0],
        ),
        ("\x1b[2J", "^[[2J", [1, 0, 0, 0, 0, 0]),
        ("\u{9b}2J", "<U+009B>2J", [1, 0, 0, 0, 0, 0]),
        ("\x1bPq#0\x1b\\", "^[Pq#0^[\\", [2, 0, 0, 0, 0, 0]),
        ("\u{90}q\u{9c}", "<U+0090>q<U+009C>", [2, 0, 0, 0, 0, 0]),
        ("\u{85}", "<U+0085>", [1, 0, 0, 0, 0, 0]),
        // Other C0, DEL.
        ("a\0b", "a^@b", [1, 0, 0, 0, 0, 0]),
        (
            "\x01\x08\x0b\x0c\r\x1c\x1d\x1e\x1f",
            "^A^H^K^L^M^\\^]^^^_",
            [9, 0, 0, 0, 0, 0],
        ),
        ("\x7f", "^?", [1, 0, 0, 0, 0, 0]),
        // Bidi.
        ("甲\u{202E}乙", "甲<U+202E>乙", [0, 1, 0, 0, 0, 0]),
        ("\u{2066}x\u{2069}", "<U+2066>x<U+2069>", [0, 2, 0, 0, 0, 0]),
        (
            "\u{200E}\u{200F}\u{061C}\u{202A}",
            "<U+200E><U+200F><U+061C><U+202A>",
            [0, 4, 0, 0, 0, 0],
        ),
        // Invisible.
        ("余\u{200B}姚", "余<U+200B>姚", [0, 0, 1, 0, 0, 0]),
        ("余\u{200C}姚", "余<U+200C>姚", [0, 0, 1, 0, 0, 0]),
        ("余\u{200D}姚", "余<U+200D>姚", [0, 0, 1, 0, 0, 0]),
        // Joined to what follows only because an emoji modifier (Extend) joins anything.
        (
            "戊\u{200D}\u{1F3FD}",
            "戊<U+200D>\u{1F3FD}",
            [0, 0, 1, 0, 0, 0],
        ),
        (
            "👩\u{200D}\u{1F3FD}",
            "👩<U+200D>\u{1F3FD}",
            [0, 0, 1, 0, 0, 0],
        ),
        ("\u{200D}👩", "<U+200D>👩", [0, 0, 1, 0, 0, 0]),
        ("👩\u{200D}", "👩<U+200D>", [0, 0, 1, 0, 0, 0]),
        (
            "👩\u{200D}\u{0301}",
            "👩<U+200D>\u{0301}",
            [0, 0, 1, 0, 0, 0],
        ),
        (
            "👩\u{200C}\u{200D}👧",
            "👩<U+200C><U+200D>👧",
            [0, 0, 2, 0, 0, 0],
        ),
        (
            "👩\u{200D}\u{1FAFF}",
            "👩<U+200D><U+1FAFF>",
            [0, 0, 1, 0, 1, 0],
        ),
        (
            "क\u{094D}\u{200D}ष",
            "क\u{094D}<U+200D>ष",
            [0, 0, 1, 0, 0, 0],
        ),
        ("\u{2060}\u{2064}", "<U+2060><U+2064>", [0, 0, 2, 0, 0, 0]),
        ("甲\u{FEFF}乙", "甲<U+FEFF>乙", [0, 0, 1, 0, 0, 0]),
        ("co\u{AD}op", "co<U+00AD>op", [0, 0, 1, 0, 0, 0]),
        ("a\u{E0041}", "a<U+E0041>", [0, 0, 1, 0, 0, 0]),
        (
            "🏴\u{E0067}\u{E0062}",
            "🏴<U+E0067><U+E0062>",
            [0, 0, 2, 0, 0, 0],
        ),
        ("\u{2028}\u{2029}", "<U+2028><U+2029>", [0, 0, 2, 0, 0, 0]),
        ("\u{3164}", "<U+3164>", [0, 0, 1, 0, 0, 0]),
        // Private use, unassigned, noncharacters.
        ("\u{E000}", "<U+E000>", [0, 0, 0, 1, 0, 0]),
        (
            "\u{F0000}\u{10FFFD}",
            "<U+F0000><U+10FFFD>",
            [0, 0, 0, 2, 0, 0],
        ),
        ("\u{378}", "<U+0378>", [0, 0, 0, 0, 1, 0]),
        ("\u{FDD0}\u{FFFF}", "<U+FDD0><U+FFFF>", [0, 0, 0, 0, 2, 0]),
        // Tab.
        ("甲\t乙", "甲    乙", [0, 0, 0, 0, 0, 1]),
        // Unchanged.
        (
            "长三角一体化，“最名邑”！",
            "长三角一体化，“最名邑”！",
            [0; 6],
        ),
        ("line\nline\n", "line\nline\n", [0; 6]),
        ("👨\u{200D}👩\u{200D}👧", "👨\u{200D}👩\u{200D}👧", [0; 6]),
        ("❤\u{FE0F}\u{200D}🔥", "❤\u{FE0F}\u{200D}🔥", [0; 6]),
        ("👩\u{1F3FD}\u{200D}🚀", "👩\u{1F3FD}\u{200D}🚀", [0; 6]),
        (
            "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
            "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
            [0; 6],
        ),
        ("e\u{0301}", "e\u{0301}", [0; 6]),
        ("☺\u{FE0F}葛\u{E0100}", "☺\u{FE0F}葛\u{E0100}", [0; 6]),
        (
            "\u{2A00}\u{FE00}\u{2229}\u{FE01}",
            "\u{2A00}\u{FE00}\u{2229}\u{FE01}",
            [0; 6],
        ),
        ("𠀀\u{3000}ＡＢ\u{FFFD}", "𠀀\u{3000}ＡＢ\u{FFFD}", [0; 6]),
        ("", "", [0; 6]),
    ];

    #[test]
    fn table() {
        for &(input, expected, [controls, bidi, invisible, private_use, unassigned, tabs]) in TABLE
        {
            assert_eq!(sanitize(input), expected, "sanitize({input:?})");
            assert_eq!(needs_sanitizing(input), input != expected, "{input:?}");
            let counts = Counts {
                controls,
                bidi,
                invisible,
                private_use,
                unassigned,
                tabs,
            };
            assert_eq!(count(input), counts, "count({input:?})");
            let shown: String = segments(input).map(|seg| seg.text).collect();
            assert_eq!(shown, expected, "segments({input:?})");
        }
    }

    #[test]
    fn fast_paths_agree_with_the_table() {
        for range in [
            '\u{3000}'..='\u{303F}',
            '\u{4000}'..='\u{9FFF}',
            '\u{FF01}'..='\u{FF5E}',
        ] {
            for c in range {
                let category = get_general_category(c);
                assert!(
                    !matches!(
                        category,
                        GeneralCategory::Format
                            | GeneralCategory::PrivateUse
                            | GeneralCategory::Unassigned
                            | GeneralCategory::Control
                    ),
                    "{c:?} is {category:?}"
                );
            }
        }
    }

    #[test]
    fn unchanged_text_is_borrowed() {
        assert!(matches!(sanitize("余姚 Yuyao"), Cow::Borrowed(_)));
        assert!(matches!(for_terminal_line("余姚"), Cow::Borrowed(_)));
        assert!(matches!(sanitize("a\nb"), Cow::Borrowed(_)));
    }

    #[test]
    fn one_line_outputs_show_line_feeds() {
        assert_eq!(for_terminal_line("a\nb\x1b"), "a^Jb^[");
        assert_eq!(for_terminal_line("a\r\n"), "a^M^J");
    }

    #[test]
    fn classes_and_notations() {
        assert_eq!(classify('\x1b'), Some(Class::Control));
        assert_eq!(Class::Control.notation('\x1b'), Notation::Caret);
        assert_eq!(Class::Control.notation('\u{9b}'), Notation::CodePoint);
        assert_eq!(classify('\u{200D}'), Some(Class::Invisible));
        assert_eq!(classify('\n'), None);
        assert_eq!(shown('\x7f').as_deref(), Some("^?"));
        assert_eq!(shown('\u{1F600}'), None);
        assert_eq!(shown('\u{10FFFF}').as_deref(), Some("<U+10FFFF>"));
    }

    #[test]
    fn segments_are_runs_and_atoms() {
        let segs: Vec<_> = segments("ab\x1b\x1bc\td").collect();
        let texts: Vec<_> = segs.iter().map(|s| s.text.as_ref()).collect();
        assert_eq!(texts, ["ab", "^[", "^[", "c", TAB, "d"]);
        let flags: Vec<_> = segs.iter().map(|s| (s.notation, s.class)).collect();
        assert_eq!(
            flags,
            [
                (false, None),
                (true, Some(Class::Control)),
                (true, Some(Class::Control)),
                (false, None),
                (false, Some(Class::Tab)),
                (false, None),
            ]
        );
        let srcs: Vec<_> = segs.iter().map(|s| s.src.clone()).collect();
        assert_eq!(srcs, [0..2, 2..3, 3..4, 4..5, 5..6, 6..7]);
        assert_eq!(segments("").count(), 0);
        // A bidi control is one atom, standing for its bytes of the input.
        let segs: Vec<_> = segments("甲\u{202E}乙").collect();
        assert_eq!(segs[1].text, "<U+202E>");
        assert!(segs[1].notation && segs[1].class == Some(Class::Bidi));
        assert_eq!(segs[1].src, 3..6);
    }

    #[test]
    fn large_plain_text_is_one_segment() {
        let text = crate::input::source::SHIPPED_ARTICLE;
        assert!(!needs_sanitizing(text));
        let segs: Vec<_> = segments(text).collect();
        assert_eq!(segs.len(), 1);
        assert_eq!(segs[0].src, 0..text.len());
    }

    /// Characters that matter here, mixed with arbitrary ones.
    fn interesting_char() -> impl Strategy<Value = char> {
        prop_oneof![
            any::<char>(),
            prop::sample::select(vec![
                '\0',
                '\x07',
                '\t',
                '\n',
                '\r',
                '\x1b',
                '\x7f',
                '\u{85}',
                '\u{9b}',
                '\u{9c}',
                '\u{200D}',
                '\u{200B}',
                '\u{202E}',
                '\u{2066}',
                '\u{FEFF}',
                '\u{FE0F}',
                '\u{0301}',
                '\u{E0067}',
                '\u{E007F}',
                '\u{1F3F4}',
                '👩',
                '👧',
                '余',
                'a',
                '[',
            ]),
        ]
    }

    fn interesting_string() -> impl Strategy<Value = String> {
        prop::collection::vec(interesting_char(), 0..48).prop_map(|v| v.into_iter().collect())
    }

    /// What no shown text may contain: what terminals interpret or reorder by.
    fn is_dangerous(c: char) -> bool {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}')
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    }

    proptest! {
        #[test]
        fn nothing_dangerous_is_shown(s in interesting_string()) {
            let shown = sanitize(&s);
            prop_assert!(!shown.chars().any(is_dangerous), "{:?} → {:?}", s, shown);
            let line = for_terminal_line(&s);
            prop_assert!(!line.chars().any(|c| is_dangerous(c) || c == '\n'));
            // Whatever stays besides plain text is only an emoji's ZWJ or tags.
            for c in shown.chars() {
                if let Some(class) = classify(c) {
                    prop_assert_eq!(class, Class::Invisible);
                    prop_assert!(c == ZWJ || is_tag(c), "{:?} kept in {:?}", c, s);
                }
            }
        }

        #[test]
        fn segments_tile_the_input_and_drop_nothing(s in interesting_string()) {
            let mut pos = 0;
            let mut rebuilt = String::new();
            let mut shown = String::new();
            let mut replaced = 0;
            for seg in segments(&s) {
                prop_assert_eq!(seg.src.start, pos);
                prop_assert!(seg.src.end > seg.src.start);
                pos = seg.src.end;
                let source = &s[seg.src.clone()];
                match seg.class {
                    None => prop_assert_eq!(seg.text.as_ref(), source),
                    Some(class) => {
                        // One source character per replaced segment, shown by its notation.
                        let mut chars = source.chars();
                        let c = chars.next().unwrap();
                        prop_assert!(chars.next().is_none());
                        prop_assert_eq!(classify(c), Some(class));
                        prop_assert_eq!(Some(seg.text.clone()), shown_cow(c));
                        prop_assert_eq!(seg.notation, class != Class::Tab);
                        replaced += 1;
                    }
                }
                rebuilt.push_str(source);
                shown.push_str(&seg.text);
            }
            prop_assert_eq!(pos, s.len());
            prop_assert_eq!(&rebuilt, &s);
            let sanitized = sanitize(&s);
            prop_assert_eq!(shown.as_str(), sanitized.as_ref());
            let counts = count(&s);
            prop_assert_eq!(counts.suspicious() + counts.tabs, replaced);
            prop_assert_eq!(needs_sanitizing(&s), replaced > 0);
            prop_assert_eq!(needs_sanitizing(&s), sanitize(&s) != s);
        }

        #[test]
        fn sanitizing_is_idempotent(s in interesting_string()) {
            let once = sanitize(&s).into_owned();
            let twice = sanitize(&once);
            prop_assert_eq!(twice.as_ref(), once.as_str());
        }
    }

    fn shown_cow(c: char) -> Option<Cow<'static, str>> {
        shown(c)
    }
}
