//! HTML's syntax as [`crate::text::source_map`] reads a page's text beside its source:
//! tags and comments between characters are passed over (text content). Markdown's
//! inline HTML is read with it too ([`tag_len`]).

use crate::text::source_map::{Markup, Syntax};

/// HTML text content: tags and comments between the text's characters are markup.
pub(crate) struct HtmlSyntax;

impl Syntax for HtmlSyntax {
    fn markup(&self, rest: &str, _c: char) -> Markup {
        tag_len(rest).map_or(Markup::None, Markup::Passed)
    }
}

/// The byte length of a tag or comment at the start of `s` (`<p>`, `</a>`, `<!-- -->`,
/// `<img alt=">">`), or `None` when `s` does not start with one.
pub(crate) fn tag_len(s: &str) -> Option<usize> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::source_map::align;

    #[test]
    fn a_character_after_inline_tags_is_found_where_it_stands() {
        let src = "<p>第一段<a href=\"x\">链接文字</a> <b>加粗</b>正文</p>";
        let text = "第一段链接文字 加粗正文";
        let space = text.find(' ').unwrap();
        let at = align(&HtmlSyntax, src, 0, text, space, 1 << 14).unwrap();
        assert_eq!(&src[at..at + 1], " ");
        assert_eq!(at, src.find("</a> ").unwrap() + 4);
        let jia = text.find('加').unwrap();
        assert_eq!(
            align(&HtmlSyntax, src, 0, text, jia, 1 << 14),
            src.find('加')
        );
    }

    #[test]
    fn references_stand_for_their_characters() {
        let src = "<p>&#x300c;&#x672a;&ldquo;闭</p>";
        let text = "「未“闭";
        assert_eq!(align(&HtmlSyntax, src, 0, text, 0, 1 << 14), Some(3));
        let bi = text.find('闭').unwrap();
        assert_eq!(
            align(&HtmlSyntax, src, 0, text, bi, 1 << 14),
            src.find('闭')
        );
        // A reference that stands for another character is no match.
        assert_eq!(align(&HtmlSyntax, "<p>&#x4e00;</p>", 0, "二", 0, 99), None);
    }

    #[test]
    fn a_window_ending_inside_a_character_is_read_up_to_it() {
        // 64 KiB past the start falls inside a character of a long paragraph.
        let src = format!("<p>{}甲,乙</p>", "中".repeat(30_000));
        let text = format!("{}甲,乙", "中".repeat(30_000));
        assert_eq!(align(&HtmlSyntax, &src, 0, &text, 3, 1 << 16), Some(6));
        // The window ends inside 乙: the comma before it is read.
        let comma = text.find(',').unwrap();
        let end = src.find('乙').unwrap() + 1;
        assert_eq!(
            align(&HtmlSyntax, &src, 0, &text, comma, end),
            src.find(',')
        );
        assert_eq!(align(&HtmlSyntax, &src, 0, &text, comma, 1 << 16), None);
    }

    #[test]
    fn text_the_source_does_not_hold_in_order_gives_up() {
        assert_eq!(align(&HtmlSyntax, "<p>甲乙</p>", 0, "甲丙", 3, 99), None);
        assert_eq!(align(&HtmlSyntax, "<p>甲乙</p>", 0, "甲乙", 3, 4), None);
    }
}
