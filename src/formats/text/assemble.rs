//! Blocks from classified units: a caption's credit split off, a paragraph continued
//! after a caption or column break joined to its start (the join recorded).

use std::ops::Range;

use super::classify::{Class, classify};
use super::credits::{credit_only, opening_byline, trailing_credit_at};
use super::header::dateline_len;
use super::lines::{Unit, Units};
use crate::article::builder::{Builder, Draft};
use crate::article::{Article, BlockKind};
use crate::text::forms::byline;

/// The block of a unit: its lines (without a trailing credit line) are the text, a
/// caption's credit is split off.
pub(super) fn unit_block<'a>(b: &Builder<'a>, unit: &Unit<'_>, class: Class) -> Draft<'a> {
    let body = unit.body();
    let kind = match class {
        Class::Heading => BlockKind::Heading,
        Class::Paragraph { .. } => BlockKind::Paragraph,
        Class::Caption => BlockKind::Caption,
        Class::Note => BlockKind::Note,
        Class::Byline => BlockKind::Byline,
    };
    let mut block = b.lines(kind, body.lines().map(|l| l.range()));
    if class == Class::Caption {
        if body.count < unit.count {
            let last = unit.last_line();
            if let Some(name) = credit_only(last.text) {
                block.set_credit(b.credit(last.range(), name));
            }
        } else if let Some(name) = credit_only(block.text()) {
            // A credit alone where a caption stands ("新华社记者 陈光摄", "图片来源：网络"):
            // a caption of no text with that credit (the credit of the caption above
            // it, in `body`), never a role taken for a caption.
            let text = block.text();
            let at = text.find(name).unwrap_or(0);
            let (whole, name) = (0..text.len(), at..at + name.len());
            block.split_credit(0..0, whole, name);
        } else if let Some(at) = trailing_credit_at(block.text()) {
            block.split_credit(at.caption, at.credit, at.name);
        }
    }
    block
}

/// Gives `alone`'s credit (a credit alone, [`Draft::credit_alone`]) to the caption just
/// above it — the last caption deferred, else (no paragraph `open` in between) the last
/// block — when that has none; false when there is no such caption.
fn credits_above(
    article: &mut Article,
    open: bool,
    deferred: &mut [Draft<'_>],
    alone: &Draft<'_>,
) -> bool {
    let Some(credit) = alone.credit_alone() else {
        return false;
    };
    if let Some(last) = deferred.last_mut() {
        if last.kind() == BlockKind::Caption && !last.has_credit() {
            last.set_credit(credit.clone());
            return true;
        }
        return false;
    }
    if open {
        return false;
    }
    match article.blocks.last_mut() {
        Some(last) if last.kind == BlockKind::Caption && last.credit.is_none() => {
            last.credit = Some(Box::new(credit.clone()));
            true
        }
        _ => false,
    }
}

/// A dateline is looked for at the start of this many of the body's first paragraphs (a
/// box's deck may come before it).
const DATELINE_PARAGRAPHS: usize = 6;

/// Takes the dateline that opens `block` (the block of `unit`) as the article's, and the
/// bracketed byline after it as the article's byline if it has none — with one under the
/// headline already (本报记者 X Y, then 本报兰州3月11日电　（记者X、Y）), the bracket
/// repeats it and is shown with the dateline —: the block's text is then what follows
/// them. A dateline alone leaves an empty block, not shown.
fn take_dateline(article: &mut Article, block: &mut Draft<'_>) {
    let text = block.text();
    let Some(at) = dateline_len(text) else {
        take_opening_byline(article, block);
        return;
    };
    let header = |r: Range<usize>| block.header(r);
    let mut names = super::header::dateline_reporters(&text[..at.dateline]);
    let bracket = (at.end > at.dateline)
        .then(|| byline(&text[at.dateline..at.end]))
        .flatten();
    let (shown, cut) = match bracket {
        Some(b) => {
            names.extend(b.authors);
            if article.byline.is_none() {
                article.byline = Some(header(at.dateline..at.end));
                (at.dateline, at.end)
            } else {
                (at.end, at.end)
            }
        }
        None => (at.dateline, at.dateline),
    };
    article.dateline = Some(header(0..shown));
    for name in names {
        if !article.authors.contains(&name) {
            article.authors.push(name);
        }
    }
    block.cut_front(cut);
}

/// Takes a bracketed byline that opens `block` without a dateline ("（记者 林海）今年以来
/// …") as the article's byline, if it has none: the block's text is what follows it.
fn take_opening_byline(article: &mut Article, block: &mut Draft<'_>) {
    if article.byline.is_some() {
        return;
    }
    if let Some((end, b)) = opening_byline(block.text()) {
        article.byline = Some(block.header(0..end));
        article.authors.extend(b.authors);
        block.cut_front(end);
    }
}

/// Builds the body's blocks from `units` (the units after the head) into `article`: each
/// unit's class decided ([`classify`]), a paragraph that ends mid-sentence joined with the
/// one that carries it on (the join recorded) and the captions that interrupted it moved
/// after it, the dateline and a bracketed byline taken from the first paragraphs, and
/// the authors of bylines inside the body added.
pub(super) fn body(b: &Builder<'_>, units: Units<'_>, article: &mut Article) {
    let classes = classify(units.clone(), units.conventions().blank_separated);
    article.blocks.reserve_exact(classes.len());
    // The paragraph that ended mid-sentence, and the captions that interrupted it.
    let mut open: Option<Draft<'_>> = None;
    let mut deferred: Vec<Draft<'_>> = Vec::new();
    let flush =
        |article: &mut Article, open: &mut Option<Draft<'_>>, deferred: &mut Vec<Draft<'_>>| {
            if let Some(p) = open.take() {
                let block = p.finish(&mut article.joins);
                article.blocks.push(block);
            }
            for d in deferred.drain(..) {
                let block = d.finish(&mut article.joins);
                article.blocks.push(block);
            }
        };
    // How many paragraphs a dateline is looked for at the start of.
    let mut dateline_tries = DATELINE_PARAGRAPHS;
    for (unit, &class) in units.zip(&classes) {
        let mut block = unit_block(b, &unit, class);
        match class {
            Class::Paragraph { open: carries_on } => {
                if dateline_tries > 0 && open.is_none() {
                    dateline_tries -= 1;
                    if article.dateline.is_none() {
                        take_dateline(article, &mut block);
                    }
                }
                let block = match open.take() {
                    Some(mut p) => {
                        p.append(&block);
                        p
                    }
                    None => block,
                };
                open = Some(block);
                if !carries_on {
                    flush(article, &mut open, &mut deferred);
                }
            }
            // A credit alone under a caption without one is that caption's credit.
            Class::Caption
                if block.credit_alone().is_some()
                    && credits_above(article, open.is_some(), &mut deferred, &block) => {}
            Class::Caption if open.is_some() => deferred.push(block),
            // A photo item's caption opens with the dateline (新华社北京11月29日电 …).
            Class::Caption if dateline_tries > 0 && article.dateline.is_none() => {
                dateline_tries -= 1;
                take_dateline(article, &mut block);
                flush(article, &mut open, &mut deferred);
                article.blocks.push(block.finish(&mut article.joins));
            }
            Class::Byline => {
                flush(article, &mut open, &mut deferred);
                let text = block.text().trim();
                let whole_dateline = dateline_len(text).is_some_and(|at| at.end == text.len());
                // A dateline on a line of its own: the article's, if it has none yet.
                if whole_dateline && article.dateline.is_none() {
                    take_dateline(article, &mut block);
                    if block.text().trim().is_empty() {
                        continue;
                    }
                }
                let text = block.text().trim();
                if let Some(b) = byline(text) {
                    for name in b.authors {
                        if !article.authors.contains(&name) {
                            article.authors.push(name);
                        }
                    }
                }
                article.blocks.push(block.finish(&mut article.joins));
            }
            Class::Caption | Class::Heading | Class::Note => {
                flush(article, &mut open, &mut deferred);
                article.blocks.push(block.finish(&mut article.joins));
            }
        }
    }
    flush(article, &mut open, &mut deferred);
    flush(article, &mut open, &mut deferred);
}
