//! Where a markup format's extracted text stands in its source, character by character.
//!
//! A page's text is its source with tags left out, character references decoded
//! (`&#x300c;` is 「, `&ldquo;` is “) and runs of ASCII white space shown as one space
//! or none (HTML's white-space collapsing, CSS Text §4.1.1). These functions walk the
//! source and the text side by side under exactly those rules, so a character's place
//! is found where the page wrote it, never at another occurrence of the same character.
//! They give up (`None`) as soon as the two disagree: the caller then looks another way.

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

/// The byte length of a tag or comment at the start of `s` (`<p>`, `</a>`, `<!-- -->`,
/// `<img alt=">">`), or `None` when `s` does not start with one.
fn markup_len(s: &str) -> Option<usize> {
    if let Some(rest) = s.strip_prefix("<!--") {
        return Some(rest.find("-->").map_or(s.len(), |i| 4 + i + 3));
    }
    let b = s.as_bytes();
    if b.first() != Some(&b'<')
        || !b
            .get(1)
            .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?'))
    {
        return None;
    }
    let mut quote = None;
    for (i, &c) in b.iter().enumerate().skip(1) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return Some(i + 1),
            None => {}
        }
    }
    Some(s.len())
}

/// The syntax a source is written in, for [`align_in`]: what stands in it besides the
/// text's own characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Syntax {
    /// An attribute's value: characters and character references only.
    Attribute,
    /// HTML text content: tags and comments between characters passed over.
    Html,
    /// CommonMark (with GFM's extensions): inline HTML as in [`Syntax::Html`], and
    /// Markdown's own markup passed over — emphasis, strikethrough and code-span
    /// delimiters (`*` `_` `~` `=` `` ` ``), a link's or image's brackets and destination
    /// (`[text](url "title")`, `[text][ref]`, `![alt](src)`), footnote references
    /// (`[^1]`), a task box (`[x]`), a block quote's `>`, list and heading markers, and a
    /// backslash escape's `\` (CommonMark §2.4: the character after it stands for itself).
    Markdown,
}

/// Matches `text[..=offset]`'s characters one by one against `source` from byte
/// `from`, within `limit` bytes, and gives where the character at byte `offset` of
/// `text` stands. With `tags`, tags and comments between characters are passed over
/// (text content); without, the characters must follow each other (an attribute's
/// value). A space of the text stands for a run of white space, and white space the
/// text does not show is passed over.
pub(crate) fn align(
    source: &str,
    from: usize,
    text: &str,
    offset: usize,
    limit: usize,
    tags: bool,
) -> Option<usize> {
    let syntax = if tags {
        Syntax::Html
    } else {
        Syntax::Attribute
    };
    align_in(syntax, source, from, text, offset, limit)
}

/// [`align`] for a source written in `syntax`: the byte offset in `source` of the
/// character at byte `offset` of `text`, read from byte `from` of `source` within
/// `limit` bytes; `None` where the two disagree. For a backslash escape (`\,`) it is
/// the escaped character's offset, for a character reference (`&#44;`) the `&`'s.
pub(crate) fn align_in(
    syntax: Syntax,
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
    // A Markdown block's text opens with its list item's marker when it is one.
    let marker = match syntax {
        Syntax::Markdown => list_marker_len(text),
        _ => 0,
    };
    // States (byte in `text`, byte in `source`), tried depth first. A Markdown
    // delimiter the text shows too (`*` in `**甲**\*乙`) is read as the character
    // first, and as markup when that leads nowhere; states already tried are not tried
    // again, and after `BUDGET` states the search gives up.
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
            if syntax == Syntax::Markdown {
                if let Some(n) = markdown_image_len(rest) {
                    s += n;
                    continue;
                }
                if rest.starts_with(c) {
                    if c.is_ascii_punctuation()
                        && let Some(n) = markdown_markup_len(rest, c)
                        && tried.insert((t, s + n))
                    {
                        stack.push((t, s + n));
                    }
                    break;
                }
                if let Some(n) = markdown_markup_len(rest, c) {
                    s += n;
                    continue;
                }
            } else if syntax == Syntax::Html
                && let Some(n) = markup_len(rest)
            {
                s += n;
                continue;
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
            // A list item's marker as the text shows it (`• `, `☑ `, `3. `): the source's
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
        } else if syntax == Syntax::Markdown
            && c.is_ascii_punctuation()
            && rest.strip_prefix('\\').is_some_and(|r| r.starts_with(c))
        {
            at = s + 1;
            s += 2;
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

/// The byte length of the list item marker a Markdown block's text opens with, as the
/// parser writes it (`• `, `☑ `, `☐ `, `12. `), or 0.
fn list_marker_len(text: &str) -> usize {
    if let Some(rest) = text
        .strip_prefix('•')
        .or_else(|| text.strip_prefix('☑'))
        .or_else(|| text.strip_prefix('☐'))
    {
        return text.len() - rest.len() + usize::from(rest.starts_with(' '));
    }
    let digits = text.bytes().take(10).take_while(u8::is_ascii_digit).count();
    if digits > 0 && text[digits..].starts_with(". ") {
        digits + 2
    } else {
        0
    }
}

/// The byte length of an image at the start of a Markdown source, `![alt](src "title")`
/// or `![alt][ref]`: a paragraph's text does not hold it (its alt is a caption of its
/// own).
fn markdown_image_len(s: &str) -> Option<usize> {
    let rest = s.strip_prefix("![")?;
    let close = bracket_end(rest)?;
    let after = &rest[close + 1..];
    let tail = destination_len(after).unwrap_or(0);
    Some(2 + close + 1 + tail)
}

/// The byte offset of the `]` closing a bracket opened just before `s` (nested
/// brackets counted, escapes passed over), within one paragraph.
fn bracket_end(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'[' => depth += 1,
            b']' if depth == 0 => return Some(i),
            b']' => depth -= 1,
            b'\n' if b.get(i + 1) == Some(&b'\n') => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The byte length of a link's destination (and title) or reference label right after
/// its text's `]`: `(url "title")`, `[ref]`; `None` when none follows.
fn destination_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    match b.first()? {
        b'[' => bracket_end(&s[1..]).map(|i| i + 2),
        b'(' => {
            let mut depth = 0usize;
            let mut quote: Option<u8> = None;
            let mut i = 1;
            while i < b.len() {
                let c = b[i];
                match quote {
                    Some(q) if c == q => quote = None,
                    Some(_) => {}
                    None => match c {
                        b'\\' => i += 1,
                        b'"' | b'\'' => quote = Some(c),
                        b'(' => depth += 1,
                        b')' if depth == 0 => return Some(i + 1),
                        b')' => depth -= 1,
                        b'\n' if b.get(i + 1) == Some(&b'\n') => return None,
                        _ => {}
                    },
                }
                i += 1;
            }
            None
        }
        _ => None,
    }
}

/// The byte length of Markdown markup at the start of `s` that the text does not show
/// where its next character is `c` (which does not stand there itself): a tag or
/// comment, a link's destination, a footnote reference, a task box, an autolink's
/// angle bracket, an escape before a line break, or one ASCII punctuation mark (a
/// delimiter run, a bracket, a block quote's or list's marker).
fn markdown_markup_len(s: &str, c: char) -> Option<usize> {
    let b = s.as_bytes();
    let first = *b.first()?;
    match first {
        b'<' if is_autolink(s) => Some(1),
        b'<' => markup_len(s),
        b']' => Some(1 + destination_len(&s[1..]).unwrap_or(0)),
        b'[' if s[1..].starts_with('^') => bracket_end(&s[1..]).map(|i| i + 2),
        b'[' if matches!(b.get(1..3), Some([b' ' | b'x' | b'X', b']'])) => Some(3),
        // A hard line break's backslash; an escaped character is matched as itself.
        b'\\' if b.get(1) == Some(&b'\n') || b.get(1) == Some(&b'\r') => Some(1),
        b'\\'
            if b.get(1)
                .is_some_and(|&e| e.is_ascii_punctuation() && char::from(e) != c) =>
        {
            None
        }
        b'&' if char_reference(s).is_some() => None,
        _ if first.is_ascii_punctuation() => Some(1),
        // An ordered list's number (`1.`, `2)`) when the text does not show it.
        b'0'..=b'9' => {
            let n = b.iter().take(10).take_while(|x| x.is_ascii_digit()).count();
            matches!(b.get(n), Some(b'.' | b')'))
                .then_some(n + 1)
                .filter(|_| !c.is_ascii_digit())
        }
        _ => None,
    }
}

/// Whether `s` starts with a CommonMark autolink (§6.5), `<https://…>` or
/// `<name@host>`: its text is the address, shown.
fn is_autolink(s: &str) -> bool {
    let inner = &s[1..];
    let Some(close) = inner.find(['>', '<', ' ', '\n']) else {
        return false;
    };
    if inner.as_bytes()[close] != b'>' {
        return false;
    }
    let body = &inner[..close];
    let scheme = body.find(':').is_some_and(|i| {
        (2..=32).contains(&i)
            && body.as_bytes()[0].is_ascii_alphabetic()
            && body[..i]
                .bytes()
                .all(|x| x.is_ascii_alphanumeric() || matches!(x, b'+' | b'.' | b'-'))
    });
    scheme || (body.contains('@') && !body.contains(['"', '\'', '=']))
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
            align(source, at, text, last, end - at, false)
                .and_then(|_| align(source, at, text, 0, end - at, false))
                .filter(|&p| p == at)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_after_inline_tags_is_found_where_it_stands() {
        let src = "<p>第一段<a href=\"x\">链接文字</a> <b>加粗</b>正文</p>";
        let text = "第一段链接文字 加粗正文";
        let space = text.find(' ').unwrap();
        let at = align(src, 0, text, space, 1 << 14, true).unwrap();
        assert_eq!(&src[at..at + 1], " ");
        assert_eq!(at, src.find("</a> ").unwrap() + 4);
        let jia = text.find('加').unwrap();
        assert_eq!(align(src, 0, text, jia, 1 << 14, true), src.find('加'));
    }

    #[test]
    fn references_stand_for_their_characters() {
        let src = "<p>&#x300c;&#x672a;&ldquo;闭</p>";
        let text = "「未“闭";
        assert_eq!(align(src, 0, text, 0, 1 << 14, true), Some(3));
        let bi = text.find('闭').unwrap();
        assert_eq!(align(src, 0, text, bi, 1 << 14, true), src.find('闭'));
        // A reference that stands for another character is no match.
        assert_eq!(align("<p>&#x4e00;</p>", 0, "二", 0, 99, true), None);
    }

    #[test]
    fn a_window_ending_inside_a_character_is_read_up_to_it() {
        // 64 KiB past the start falls inside a character of a long paragraph.
        let src = format!("<p>{}甲,乙</p>", "中".repeat(30_000));
        let text = format!("{}甲,乙", "中".repeat(30_000));
        assert_eq!(align(&src, 0, &text, 3, 1 << 16, true), Some(6));
        // The window ends inside 乙: the comma before it is read.
        let comma = text.find(',').unwrap();
        let end = src.find('乙').unwrap() + 1;
        assert_eq!(align(&src, 0, &text, comma, end, true), src.find(','));
        assert_eq!(align(&src, 0, &text, comma, 1 << 16, true), None);
    }

    #[test]
    fn text_the_source_does_not_hold_in_order_gives_up() {
        assert_eq!(align("<p>甲乙</p>", 0, "甲丙", 3, 99, true), None);
        assert_eq!(align("<p>甲乙</p>", 0, "甲乙", 3, 4, true), None);
    }

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
