//! Markdown's syntax as [`crate::text::source_map`] reads a block's text beside its
//! source: CommonMark (with GFM's extensions) — inline HTML as HTML reads it
//! ([`tag_len`]), and Markdown's own markup passed over: emphasis, strikethrough and
//! code-span delimiters (`*` `_` `~` `=` `` ` ``), a link's or image's brackets and
//! destination (`[text](url "title")`, `[text][ref]`, `![alt](src)`), footnote
//! references (`[^1]`), a task box (`[x]`), a block quote's `>`, list and heading
//! markers, and a backslash escape's `\` (CommonMark §2.4: the character after it
//! stands for itself).

use crate::formats::html::syntax::tag_len;
use crate::text::source_map::{Markup, Syntax, char_reference};

/// CommonMark text, as the Markdown reader extracts it.
pub(crate) struct MarkdownSyntax;

impl Syntax for MarkdownSyntax {
    /// A Markdown block's text opens with its list item's marker when it is one.
    fn opening_marker_len(&self, text: &str) -> usize {
        list_marker_len(text)
    }

    /// An image is passed over (a paragraph's text does not hold it); a delimiter the
    /// text shows too is read as the character first; other markup is passed over.
    fn markup(&self, rest: &str, c: char) -> Markup {
        if let Some(n) = image_len(rest) {
            return Markup::Passed(n);
        }
        if rest.starts_with(c) {
            return match markup_len(rest, c) {
                Some(n) if c.is_ascii_punctuation() => Markup::Either(n),
                _ => Markup::None,
            };
        }
        markup_len(rest, c).map_or(Markup::None, Markup::Passed)
    }

    /// A backslash before an ASCII punctuation mark (CommonMark §2.4).
    fn escape_len(&self, rest: &str, c: char) -> Option<usize> {
        (c.is_ascii_punctuation() && rest.strip_prefix('\\').is_some_and(|r| r.starts_with(c)))
            .then_some(1)
    }
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
fn image_len(s: &str) -> Option<usize> {
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
fn markup_len(s: &str, c: char) -> Option<usize> {
    let b = s.as_bytes();
    let first = *b.first()?;
    match first {
        b'<' if is_autolink(s) => Some(1),
        b'<' => tag_len(s),
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
