//! What each unit of the body is (heading, paragraph or caption), from its shape and
//! its neighbours'.

use super::credits::{credit_only, trailing_credit};
use super::lines::Unit;
use super::{ends_sentence, is_short, leaves_quote_open};

/// What a unit of the body is, before joining.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Heading,
    Paragraph,
    Caption,
}

/// A unit with a credit is a caption whatever else it looks like.
pub(super) fn has_credit(unit: &Unit<'_>) -> bool {
    let last = unit.last_line().text;
    (unit.count > 1 && credit_only(last).is_some())
        || (unit.count == 1 && trailing_credit(last).is_some())
}

/// A short line without sentence-final punctuation: a heading or a caption.
pub(super) fn is_label_like(unit: &Unit<'_>) -> bool {
    // Cheapest test first: most units are paragraphs, long or of several lines.
    let Some(line) = unit.single() else {
        return false;
    };
    let text = line.trim();
    is_short(text) && !ends_sentence(text) && !leaves_quote_open(text)
}

/// Whether a unit's text ends a sentence (its last body line decides).
pub(super) fn unit_ends_sentence(unit: &Unit<'_>) -> bool {
    ends_sentence(unit.body().last_line().text)
}

/// What [`classify`] needs to know of a unit.
#[derive(Debug, Clone, Copy)]
pub(super) struct Looks {
    credit: bool,
    label: bool,
    ends_sentence: bool,
    /// Whether the next unit that is not a credited caption is body text (neither
    /// credited nor a label); `None` when no such unit follows.
    next_is_body: Option<bool>,
}

/// The classes of `units`, read twice: once to see what each looks like (a few bytes a
/// unit, kept), once backwards over that.
pub(super) fn classify<'a>(units: impl Iterator<Item = Unit<'a>>) -> Vec<Class> {
    let mut looks: Vec<Looks> = units
        .map(|u| {
            let credit = has_credit(&u);
            Looks {
                credit,
                label: !credit && is_label_like(&u),
                ends_sentence: unit_ends_sentence(&u),
                next_is_body: None,
            }
        })
        .collect();
    let mut next_is_body = None;
    for l in looks.iter_mut().rev() {
        l.next_is_body = next_is_body;
        if !l.credit {
            next_is_body = Some(!l.label);
        }
    }
    // Whether the last paragraph so far ended mid-sentence.
    let mut paragraph_open = false;
    looks
        .iter()
        .map(|l| {
            let class = if l.credit {
                Class::Caption
            } else if l.label {
                match l.next_is_body {
                    // A label in the middle of a sentence is a caption dropped there.
                    Some(true) if paragraph_open => Class::Caption,
                    Some(true) => Class::Heading,
                    _ => Class::Caption,
                }
            } else {
                Class::Paragraph
            };
            if class == Class::Paragraph {
                paragraph_open = !l.ends_sentence;
            } else if class == Class::Heading {
                paragraph_open = false;
            }
            class
        })
        .collect()
}
