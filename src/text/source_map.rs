//! Where a markup format's extracted text stands in its source, character by character.
//!
//! A page's text is its source with tags left out, character references decoded
//! (`&#x300c;` is 「, `&ldquo;` is “) and runs of ASCII white space shown as one space
//! or none (HTML's white-space collapsing, CSS Text §4.1.1). These functions walk the
//! source and the text side by side under exactly those rules, so a character's place
//! is found where the page wrote it, never at another occurrence of the same character.
//! They give up (`None`) as soon as the two disagree: the caller then looks another way.
//! What a format writes between the characters besides references and white space is
//! its [`Syntax`], implemented in the format's own folder.

/// Named character references that stand for characters shown as notation (HTML's
/// table: the zero-width and bidi marks, the invisible operators), and the few every
/// page writes.
const NAMED_REFERENCES: &[(&str, char)] = &[
    ("ZeroWidthSpace", '\u{200B}'),
    ("NegativeVeryThinSpace", '\u{200B}'),
    ("NegativeThinSpace", '\u{200B}'),
    ("NegativeMediumSpace", '\u{200B}'),
    ("NegativeThickSpace", '\u{200B}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("NoBreak", '\u{2060}'),
    ("ApplyFunction", '\u{2061}'),
    ("af", '\u{2061}'),
    ("InvisibleTimes", '\u{2062}'),
    ("it", '\u{2062}'),
    ("InvisibleComma", '\u{2063}'),
    ("ic", '\u{2063}'),
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", '\u{A0}'),
];

/// What the numbers 0x80–0x9F of a numeric character reference stand for: windows-1252's
/// characters (HTML §13.2.5.80, the numeric character reference end state's table);
/// its five holes stay C1 controls.
const WINDOWS_1252: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

/// The character reference at the start of `s`, if one is: its length in bytes and the
/// character it stands for. A numeric one (`&#27;`, `&#x202E;`, the `;` optional as
/// HTML allows) is decoded as the HTML standard says (§13.2.5.80: 0x80–0x9F as
/// windows-1252, 0, a surrogate or a number past U+10FFFF as U+FFFD); a named one
/// (`&name;`) is one of [`NAMED_REFERENCES`], or stands for a character not known here
/// (`None`). The one decoder of references outside the HTML parser: `check` reports
/// what a reference wrote with it, and [`align`] reads a page's text beside its source.
pub(crate) fn char_reference(s: &str) -> Option<(usize, Option<char>)> {
    let rest = s.strip_prefix('&')?;
    if let Some(num) = rest.strip_prefix('#') {
        let (hex, digits) = match num.strip_prefix(['x', 'X']) {
            Some(h) => (true, h),
            None => (false, num),
        };
        let n = digits
            .bytes()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if n == 0 {
            return None;
        }
        let len = s.len() - digits.len() + n;
        let len = len + usize::from(s[len..].starts_with(';'));
        // Past eight digits the number is past U+10FFFF whatever they are.
        let value = if n > 8 {
            u32::MAX
        } else {
            u32::from_str_radix(&digits[..n], if hex { 16 } else { 10 }).unwrap_or(u32::MAX)
        };
        let c = match value {
            0x80..=0x9F => WINDOWS_1252[(value - 0x80) as usize],
            v => char::from_u32(v)
                .filter(|&c| c != '\0')
                .unwrap_or(char::REPLACEMENT_CHARACTER),
        };
        return Some((len, Some(c)));
    }
    let name = rest
        .bytes()
        .take(32)
        .take_while(u8::is_ascii_alphanumeric)
        .count();
    if name == 0 || rest.as_bytes().get(name) != Some(&b';') {
        return None;
    }
    let known = NAMED_REFERENCES
        .iter()
        .find(|&&(n, _)| n == &rest[..name])
        .map(|&(_, c)| c);
    Some((name + 2, known))
}

/// What a source's syntax writes between the characters of its text, for [`align`]: each
/// markup format says it in its own folder (`formats/html/syntax.rs`,
/// `formats/markdown/syntax.rs`) and the registry hands it out
/// (`formats::source_syntax`); this module knows none of them. Character references
/// (`&#x300c;`, `&amp;`) are read in every syntax ([`char_reference`]).
pub(crate) trait Syntax: Sync {
    /// The byte length of a marker `text` opens with that the parser wrote in its own
    /// form (a list item's `• ` for the source's `- `): its characters are matched where
    /// the source has them and passed over where it has not. 0 (the default) when none.
    fn opening_marker_len(&self, _text: &str) -> usize {
        0
    }

    /// What stands at the start of `rest` (the source not yet matched, non-empty) when the
    /// text's next character is `c`.
    fn markup(&self, rest: &str, c: char) -> Markup;

    /// The byte length of an escape at the start of `rest` that writes `c` (Markdown's
    /// `\,`): `c` stands right after it. `None` (the default) when none.
    fn escape_len(&self, _rest: &str, _c: char) -> Option<usize> {
        None
    }
}

/// What a [`Syntax`] finds at the start of the source not yet matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Markup {
    /// No markup: the text's character, or white space, stands there.
    None,
    /// Markup of this many bytes the text does not show: passed over.
    Passed(usize),
    /// The text's character stands there and is read as itself first; read as markup of
    /// this many bytes when that leads nowhere (a delimiter the text shows too, `*` in
    /// `**甲**\*乙`).
    Either(usize),
}

/// The syntax of a run of characters and character references with nothing between them
/// (an attribute's value).
pub(crate) struct Characters;

impl Syntax for Characters {
    fn markup(&self, _rest: &str, _c: char) -> Markup {
        Markup::None
    }
}

/// Matches `text[..=offset]`'s characters one by one against `source` from byte `from`,
/// within `limit` bytes, passing over what `syntax` says is markup, and gives the byte
/// offset in `source` of the character at byte `offset` of `text`; `None` where the two
/// disagree. A space of the text stands for a run of white space, and white space the
/// text does not show is passed over. For an escape (`\,`) it is the escaped
/// character's offset, for a character reference (`&#44;`) the `&`'s.
pub(crate) fn align(
    syntax: &dyn Syntax,
    source: &str,
    from: usize,
    text: &str,
    offset: usize,
    limit: usize,
) -> Option<usize> {
    let mut end = from.saturating_add(limit).min(source.len());
    // The window ends between characters (else no slice of it could be read).
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let marker = syntax.opening_marker_len(text);
    // States (byte in `text`, byte in `source`), tried depth first. Markup the text
    // shows too ([`Markup::Either`]) is read as the character first, and as markup when
    // that leads nowhere; states already tried are not tried again, and after `BUDGET`
    // states the search gives up.
    const BUDGET: usize = 1 << 16;
    let mut stack = vec![(0usize, from)];
    let mut tried = std::collections::HashSet::new();
    let mut steps = 0;
    'states: while let Some((t, mut s)) = stack.pop() {
        steps += 1;
        if steps > BUDGET {
            return None;
        }
        let Some(c) = text.get(t..).and_then(|r| r.chars().next()) else {
            continue;
        };
        loop {
            let Some(rest) = source.get(s..end).filter(|r| !r.is_empty()) else {
                continue 'states;
            };
            match syntax.markup(rest, c) {
                Markup::Passed(n) => {
                    s += n;
                    continue;
                }
                Markup::Either(n) => {
                    if tried.insert((t, s + n)) {
                        stack.push((t, s + n));
                    }
                    break;
                }
                Markup::None => {}
            }
            if rest.starts_with(|x: char| x.is_ascii_whitespace()) && !c.is_ascii_whitespace() {
                s += 1;
                continue;
            }
            break;
        }
        let rest = source.get(s..end).unwrap_or_default();
        let mut at = s;
        if t < marker {
            // The opening marker as the text shows it (`• `, `☑ `, `3. `): the source's
            // (`- `, `- [x] `, `1) `) was passed over above, where it differs.
            if rest.starts_with(c) {
                s += c.len_utf8();
            }
        } else if c.is_ascii_whitespace() {
            // One space of the text: the run of white space (and tags) it stands for.
            if !rest.starts_with(|x: char| x.is_ascii_whitespace()) {
                continue;
            }
            s += rest.len()
                - rest
                    .trim_start_matches(|x: char| x.is_ascii_whitespace())
                    .len();
        } else if let Some((len, r)) = char_reference(rest) {
            if r.is_some_and(|r| r != c) {
                continue;
            }
            s += len;
        } else if rest.starts_with(c) {
            s += c.len_utf8();
        } else if let Some(n) = syntax.escape_len(rest, c) {
            at = s + n;
            s += n + c.len_utf8();
        } else {
            continue;
        }
        if t >= offset {
            return (t == offset).then_some(at);
        }
        stack.push((t + c.len_utf8(), s));
    }
    None
}

/// The first place in `source[from..end]` where the first `chars` characters of
/// `text` stand as the page wrote them, character references decoded (an attribute's
/// value, a run of references): where the first of them starts.
pub(crate) fn find_written(
    source: &str,
    from: usize,
    end: usize,
    text: &str,
    chars: usize,
) -> Option<usize> {
    let mut end = end.min(source.len());
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let first = text.chars().next()?;
    let last = text
        .char_indices()
        .nth(chars.saturating_sub(1))
        .map_or_else(
            || text.char_indices().last().map_or(0, |(i, _)| i),
            |(i, _)| i,
        );
    let window = source.get(from..end)?;
    window
        .char_indices()
        .filter(|&(_, x)| x == first || x == '&')
        .find_map(|(i, _)| {
            let at = from + i;
            align(&Characters, source, at, text, last, end - at)
                .and_then(|_| align(&Characters, source, at, text, 0, end - at))
                .filter(|&p| p == at)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn character_references_decode_as_the_html_standard_says() {
        assert_eq!(char_reference("&#27;]0;x"), Some((5, Some('\u{1B}'))));
        assert_eq!(char_reference("&#x202E;abc"), Some((8, Some('\u{202E}'))));
        assert_eq!(char_reference("&#X202e abc"), Some((7, Some('\u{202E}'))));
        assert_eq!(char_reference("&#7"), Some((3, Some('\u{7}'))));
        assert_eq!(char_reference("&zwj;"), Some((5, Some('\u{200D}'))));
        assert_eq!(
            char_reference("&ZeroWidthSpace;"),
            Some((16, Some('\u{200B}')))
        );
        assert_eq!(char_reference("&amp;"), Some((5, Some('&'))));
        // A name not in the table stands for a character not known here.
        assert_eq!(char_reference("&ldquo;"), Some((7, None)));
        // 0x80–0x9F are windows-1252's characters, but for its holes.
        assert_eq!(char_reference("&#x81;"), Some((6, Some('\u{81}'))));
        assert_eq!(char_reference("&#150;"), Some((6, Some('–'))));
        assert_eq!(char_reference("&#x80;"), Some((6, Some('€'))));
        // 0, surrogates and past U+10FFFF are U+FFFD.
        for s in ["&#0;", "&#xD800;", "&#x110000;", "&#999999999999;"] {
            assert_eq!(
                char_reference(s).and_then(|r| r.1),
                Some(char::REPLACEMENT_CHARACTER),
                "{s}"
            );
        }
        assert_eq!(char_reference("&zwj"), None);
        assert_eq!(char_reference("&#;"), None);
        assert_eq!(char_reference("& x"), None);
    }

    #[test]
    fn an_attribute_value_is_found_with_its_references() {
        let src = "<meta content=\"标题&#27;]0\"><meta content=\"作者&#x1b;[2J\">";
        let at = find_written(src, 0, src.len(), "作者\u{1b}[2J", 4).unwrap();
        assert_eq!(at, src.find("作者").unwrap());
        assert_eq!(find_written(src, 0, src.len(), "作者\u{7}", 3), None);
    }
}
