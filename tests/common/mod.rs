//! Shared by the integration tests: a Rust statement of the clreq rules that
//! `shared/tools/kinsoku_check.py` checks, and article builders (the layout tests); the
//! binary run as an operator runs it ([`cli`]).
#![allow(dead_code)]

pub mod cli;
pub mod outline;
pub mod rng;

use yuedu::article::{Article, Block, BlockKind, Credit, Parts};
use yuedu::layout::classes::{
    DASHES, ELLIPSES, INSEPARABLE_PAIR, end_prohibited, is_ascii_alnum, start_prohibited,
};
use yuedu::layout::{AmbiguousWidth, LineBreakLevel, str_width};

/// Violation counts, as the Python checker reports them.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Violations {
    pub overfull: usize,
    pub start: usize,
    pub end: usize,
    pub split: usize,
}

impl Violations {
    pub fn total(&self) -> usize {
        self.overfull + self.start + self.end + self.split
    }
}

/// Checks wrapped lines (paragraphs are runs of non-blank lines) like the Python
/// checker does; `source` is the unwrapped text, used only to see that two ASCII runs
/// were separated by a space there. `report` gets a message per violation.
pub fn check(
    lines: &[String],
    source: &str,
    width: usize,
    ambiguous: AmbiguousWidth,
    level: LineBreakLevel,
    mut report: impl FnMut(String),
) -> Violations {
    let mut v = Violations::default();
    let blank: Vec<bool> = lines.iter().map(|l| l.trim().is_empty()).collect();
    for (i, line) in lines.iter().enumerate() {
        if blank[i] {
            continue;
        }
        let w = str_width(line, ambiguous);
        if w > width {
            v.overfull += 1;
            report(format!("line {}: overfull {w} > {width}: {line}", i + 1));
        }
        let para_first = i == 0 || blank[i - 1];
        let para_last = i + 1 == lines.len() || blank[i + 1];
        let body = line.trim();
        let first = body.chars().next().unwrap_or(' ');
        let last = body.chars().next_back().unwrap_or(' ');
        let mut split_here = false;
        if !para_first {
            let prev = &lines[i - 1];
            let spaced = prev.trim_end() != prev || line.trim_start() != line;
            let pb = prev.trim_end();
            let pbc: Vec<char> = pb.chars().collect();
            let p_last = pbc.last().copied().unwrap_or(' ');
            if !spaced {
                if INSEPARABLE_PAIR.contains(p_last) && first == p_last {
                    split_here = true;
                    v.split += 1;
                    report(format!("line {}: split pair: {pb} / {body}", i + 1));
                } else if is_ascii_alnum(p_last) && is_ascii_alnum(first) {
                    let before = pbc.iter().rev().take_while(|c| is_ascii_alnum(**c)).count();
                    let after = body.chars().take_while(|c| is_ascii_alnum(*c)).count();
                    let a: String = pbc[pbc.len() - before..].iter().collect();
                    let b: String = body.chars().take(after).collect();
                    let spaced_in_source = source.contains(&format!("{a} {b}"));
                    if before + after < width && !spaced_in_source {
                        split_here = true;
                        v.split += 1;
                        report(format!("line {}: split run: {pb} / {body}", i + 1));
                    }
                } else if pbc.len() >= 2
                    && ".,".contains(p_last)
                    && pbc[pbc.len() - 2].is_ascii_digit()
                    && first.is_ascii_digit()
                {
                    split_here = true;
                    v.split += 1;
                    report(format!("line {}: split number: {pb} / {body}", i + 1));
                }
            }
        }
        if !para_first && !split_here {
            let bad = start_prohibited(first)
                || (first == '—' && !body.starts_with("——"))
                || (level == LineBreakLevel::Strict
                    && (DASHES.contains(first) || ELLIPSES.contains(first)));
            if bad {
                v.start += 1;
                report(format!("line {}: bad start {first}: {line}", i + 1));
            }
        }
        if !para_last && end_prohibited(last, level) {
            v.end += 1;
            report(format!("line {}: bad end {last}: {line}", i + 1));
        }
    }
    v
}

pub fn paragraph(text: &str) -> Block {
    Block {
        kind: BlockKind::Paragraph,
        text: text.into(),
        parts: Parts::one(0),
        credit: None,
        file: 0,
        styles: Default::default(),
        preformatted: false,
    }
}

pub fn heading(text: &str) -> Block {
    Block {
        kind: BlockKind::Heading,
        ..paragraph(text)
    }
}

pub fn caption(text: &str, credit: &str) -> Block {
    Block {
        kind: BlockKind::Caption,
        credit: Some(Box::new(Credit {
            name: credit.split(' ').next().unwrap_or_default().into(),
            text: credit.into(),
            src: text.len() as u32 + 1,
        })),
        ..paragraph(text)
    }
}

/// The non-blank lines of a file under the crate root, trimmed.
pub fn nonblank_lines(rel: &str) -> Vec<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The shipped article as paragraphs, plus a heading, two captions with credits and
/// the test prose.
pub fn test_article() -> Article {
    let mut blocks: Vec<Block> = Vec::new();
    blocks.push(heading("科创“共同体”激活增长极"));
    blocks.push(caption("智谷小镇,日新月异。", "谷志锋 摄"));
    blocks.extend(
        nonblank_lines("articles/yuyao-yangtze-delta.txt")
            .iter()
            .map(|l| paragraph(l)),
    );
    blocks.push(caption("来凯制药落户余姚", "金福中 摄"));
    blocks.push(heading("区域共绘民生“幸福圈”"));
    blocks.extend(
        nonblank_lines("tests/data/prose.txt")
            .iter()
            .map(|l| paragraph(l)),
    );
    Article {
        blocks,
        ..Article::default()
    }
}

/// The ASCII mark a full-width one stands for where `punctuation = "fullwidth"` shows
/// ，；：！？（） for , ; : ! ? ( ) between Chinese characters (display only); any other
/// character as it is.
pub fn unfullwidth(c: char) -> char {
    match c {
        '，' => ',',
        '；' => ';',
        '：' => ':',
        '！' => '!',
        '？' => '?',
        '（' => '(',
        '）' => ')',
        c => c,
    }
}
