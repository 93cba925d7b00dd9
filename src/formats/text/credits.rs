//! Bylines and credits: the names in a byline, a photographer's credit ("NAME 摄") alone
//! on a line or after a caption.

use super::{is_han, is_text_punctuation};

/// A photographer's name: two to four Han characters, possibly padded with one space
/// ("陈 醉").
pub(super) fn is_person_name(s: &str) -> bool {
    let han: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    (2..=4).contains(&han.len())
        && han.iter().all(|&c| is_han(c))
        && s.split_whitespace().count() <= 2
}

/// A line that is nothing but a credit, "NAME 摄"; returns the name.
pub fn credit_only(line: &str) -> Option<&str> {
    let rest = line.trim().strip_suffix('摄')?;
    let name = rest.trim();
    is_person_name(name).then_some(name)
}

/// A caption line that ends with its credit after a space, "TEXT NAME 摄"; returns the
/// caption text and the credit (name and printed credit text).
pub(super) fn trailing_credit(line: &str) -> Option<(&str, &str, &str)> {
    let line = line.trim();
    let rest = line.strip_suffix('摄')?.trim_end();
    let space = rest.rfind(char::is_whitespace)?;
    let name = rest[space..].trim();
    let text = rest[..space].trim_end();
    if text.is_empty() || !is_person_name(name) || name.contains(char::is_whitespace) {
        return None;
    }
    let credit_start = line.len() - line[space..].trim_start().len();
    Some((text, name, &line[credit_start..]))
}

/// Words that name a role in a byline rather than a person ("记者 孙七").
pub(super) const BYLINE_ROLES: &[&str] = &[
    "本报记者",
    "特约记者",
    "见习记者",
    "记者",
    "通讯员",
    "本报讯",
];

/// Whether a line is a byline: one to six names of Han characters separated by spaces,
/// no punctuation, optionally with role words such as 记者. Two-character names padded to
/// three ("陈 醉") count as one.
pub(super) fn byline_authors(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    if line.chars().any(is_text_punctuation) || line.chars().count() > 40 {
        return None;
    }
    let tokens: Vec<&str> = line
        .split_whitespace()
        .filter(|t| !BYLINE_ROLES.contains(t))
        .collect();
    if tokens.is_empty()
        || !tokens
            .iter()
            .all(|t| t.chars().all(is_han) && t.chars().count() <= 4)
    {
        return None;
    }
    let mut authors = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let one = |t: &str| t.chars().count() == 1;
        if one(tokens[i]) && i + 1 < tokens.len() && one(tokens[i + 1]) {
            authors.push(format!("{}{}", tokens[i], tokens[i + 1]));
            i += 2;
        } else {
            authors.push(tokens[i].to_string());
            i += 1;
        }
    }
    let sane = authors.len() <= 6 && authors.iter().all(|a| (2..=4).contains(&a.chars().count()));
    sane.then_some(authors)
}
