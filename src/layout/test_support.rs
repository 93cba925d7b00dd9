//! What the layout's tests share: deterministic texts and hand-made blocks.

use super::units::{BreakOptions, Seg, SegKind};
use super::{AmbiguousWidth, LineBreakLevel, PunctuationDisplay, Role};
use crate::article::{Block, BlockKind, Credit, Parts};

/// Pieces of text the breaker's tests draw from ([`random_text`]): Han characters,
/// ASCII and full-width punctuation, quotes, dashes and ellipses, spaces, Latin words,
/// numbers, combining marks, an emoji and clusters wider than two columns.
pub(crate) const TOKENS: &[&str] = &[
    "中",
    "文",
    "长三角",
    "，",
    ",",
    ";",
    ":",
    "!",
    "?",
    "(",
    ")",
    "（",
    "）",
    "“",
    "”",
    "‘",
    "’",
    "—",
    "——",
    "…",
    " ",
    "  ",
    "\u{3000}",
    "a",
    "AIoT",
    "1",
    "3.65",
    ".",
    "%",
    "e\u{301}",
    "《",
    "》",
    "、",
    "。",
    "👍",
    "中\u{903}\u{903}",
    "\u{915}\u{93F}",
    "/",
];

/// A deterministic pseudo-random text of `n` pieces drawn from `pieces` (a linear
/// congruential generator seeded with `seed`).
pub(crate) fn random_text(pieces: &[&str], seed: u64, n: usize) -> String {
    let mut x = seed;
    let mut out = String::new();
    for _ in 0..n {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        out.push_str(pieces[usize::try_from(x >> 33).unwrap_or(0) % pieces.len()]);
    }
    out
}

/// A block of `kind` at source offset 0 with `text`, and for a caption the credit
/// `credit` (its name is the credit's first word) after it.
pub(crate) fn block(kind: BlockKind, text: &str, credit: Option<&str>) -> Block {
    Block {
        kind,
        text: text.into(),
        parts: Parts::one(0),
        credit: credit.map(|c| {
            Box::new(Credit {
                name: c.split(' ').next().unwrap_or("").into(),
                text: c.into(),
                src: text.len() as u32 + 1,
            })
        }),
        file: 0,
        styles: Default::default(),
        preformatted: false,
    }
}

/// Breaker options at `width`: narrow ambiguous characters, the GB level, punctuation
/// as it is.
pub(crate) fn opts(width: usize) -> BreakOptions {
    BreakOptions {
        width,
        ambiguous: AmbiguousWidth::Narrow,
        level: LineBreakLevel::Gb,
        punctuation: PunctuationDisplay::AsIs,
    }
}

/// A segment of source text at `base` in the item.
pub(crate) fn text_seg(text: &str, base: usize, kind: SegKind) -> Seg<'_> {
    Seg {
        text,
        role: Role::Body,
        base: Some(base),
        src_len: None,
        kind,
        conv: &[],
    }
}
