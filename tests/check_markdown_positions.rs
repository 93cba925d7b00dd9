//! `check` names a mark where a Markdown source writes it: generated paragraphs with
//! emphasis, strikethrough, code spans, links, images, footnote references, escapes,
//! character references, soft breaks, block quotes and list items around half-width
//! commas planted between Chinese characters — each is found once, at its own line and
//! column; and the real binary on a fixture, code blocks left unchecked.

mod common;

use std::sync::Arc;

use common::cli::{format_data, yuedu};
use proptest::prelude::*;
use yuedu::check::{DecodeInfo, Rule, check};
use yuedu::config::Config;
use yuedu::formats::{Format, parse_shared};

const MARKDOWN: DecodeInfo<'static> = DecodeInfo {
    encoding: "UTF-8",
    guessed: false,
    replaced: 0,
    format: Format::Markdown,
};

/// Chinese text with no punctuation: what markup is put around.
fn han() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop::sample::select(vec!['中', '文', '城', '市', '河', '流', '夜', '灯']),
        1..4,
    )
    .prop_map(|v| v.into_iter().collect())
}

/// One piece of a line: Chinese text as it is or inside some Markdown markup. The text
/// a reader sees of it has no half-width comma (a link's destination and an image's
/// title hold one, which are not text).
fn piece() -> impl Strategy<Value = String> {
    (han(), 0..12u8).prop_map(|(t, k)| match k {
        0 => format!("**{t}**"),
        1 => format!("*{t}*"),
        2 => format!("~~{t}~~"),
        3 => format!("`{t}`"),
        4 => format!("[{t}](http://example.com/a,b \"题,注\")"),
        5 => format!("![{t}](img/a,b.jpg \"图,说\")"),
        6 => format!("{t}[^1]"),
        7 => format!("\\*{t}\\*"),
        8 => format!("{t}&amp;&#20013;&#x6587;"),
        9 => format!("<b>{t}</b>"),
        _ => t,
    })
}

/// A line of prose with a comma planted in it: Chinese text, pieces, Chinese text; the
/// comma (escaped or not) after the line's first character or after its pieces, so
/// Chinese text stands on both sides of it.
#[derive(Debug, Clone)]
struct Line {
    head: String,
    pieces: Vec<String>,
    tail: String,
    escaped: bool,
    after_pieces: bool,
}

fn line() -> impl Strategy<Value = Line> {
    (
        han(),
        proptest::collection::vec(piece(), 0..4),
        han(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(head, pieces, tail, escaped, after_pieces)| Line {
            head,
            pieces,
            tail,
            escaped,
            after_pieces,
        })
}

/// The 1-based line and column (in characters) of byte `at` of `src`.
fn line_col(src: &str, at: usize) -> (usize, usize) {
    let before = &src[..at];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, src[start..at].chars().count() + 1)
}

/// A document of a title and one paragraph of `lines` (quoted, a list item or plain,
/// by `prefix`), and the byte offsets of the planted commas.
fn document(lines: &[Line], prefix: &str) -> (String, Vec<usize>) {
    let mut src = String::from("# 标题\n\n");
    let mut commas = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        src.push_str(match prefix {
            "- " if i > 0 => "  ",
            p => p,
        });
        let mut comma = |src: &mut String| {
            if l.escaped {
                src.push('\\');
            }
            commas.push(src.len());
            src.push(',');
        };
        src.push_str("这座城市");
        if !l.after_pieces {
            comma(&mut src);
        }
        src.push_str(&l.head);
        src.push_str(&l.pieces.concat());
        if l.after_pieces {
            comma(&mut src);
        }
        src.push_str(&l.tail);
        src.push_str("的人们说。\n");
    }
    src.push_str("\n[^1]: 注文\n");
    (src, commas)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn each_planted_comma_is_found_once_where_it_is_written(
        lines in proptest::collection::vec(line(), 1..5),
        prefix in prop::sample::select(vec!["", "> ", "- "]),
    ) {
        let (src, commas) = document(&lines, prefix);
        let article = parse_shared(Format::Markdown, &Arc::new(src.clone()));
        let found: Vec<(usize, usize)> = check(&article, &MARKDOWN, &Config::defaults().check)
            .iter()
            .filter(|f| f.rule == Rule::HalfwidthPunctuation)
            .map(|f| (f.line, f.col))
            .collect();
        let written: Vec<(usize, usize)> = commas.iter().map(|&c| line_col(&src, c)).collect();
        prop_assert_eq!(found, written, "{}", src);
    }
}

#[test]
fn text_in_code_blocks_is_not_checked_and_text_after_them_is_found_in_place() {
    let src = "# 标题\n\n```\n中文,逗号 东北风 6级\n```\n\n    缩进,代码\n\n正文中文,逗号\n";
    let article = parse_shared(Format::Markdown, &Arc::new(src.to_string()));
    let found: Vec<(usize, usize, Rule)> = check(&article, &MARKDOWN, &Config::defaults().check)
        .iter()
        .map(|f| (f.line, f.col, f.rule))
        .collect();
    assert_eq!(found, [(9, 5, Rule::HalfwidthPunctuation)]);
}

#[test]
fn the_binary_names_each_comma_of_a_markdown_article_once_at_its_line_and_column() {
    let path = format_data("md-positions.md");
    let out = yuedu().args(["check", &path]).output().expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let found: Vec<&str> = stdout
        .lines()
        .filter_map(|l| l.strip_prefix(path.as_str())?.strip_prefix(':'))
        // A finding's `LINE:COL: …`, not the summary's ` N findings …`.
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .filter_map(|l| l.split_once(": ").map(|(at, _)| at))
        .collect();
    // Each half-width comma of its prose where the file writes it — after bold text,
    // after a link whose destination and title hold commas of their own, escaped, in a
    // block quote and in list items — and none of those in its code blocks.
    assert_eq!(
        found,
        [
            "3:5", "4:6", "4:17", "5:45", "7:16", "8:16", "10:10", "11:14", "19:7"
        ],
        "{stdout}"
    );
    assert_eq!(out.status.code(), Some(0), "{stdout}");
}
