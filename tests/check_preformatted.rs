//! `check` reads preformatted text as no prose: a saved page's `<pre>` and a block that
//! is all `<code>` are passed over by the text rules, as a Markdown code block is, while
//! the prose around them — on the same line of a page written on one line too — is
//! still checked.

use std::sync::Arc;

use yuedu::check::{DecodeInfo, Rule, check};
use yuedu::config::Config;
use yuedu::formats::{Format, parse_shared};

/// The findings of `src` read as `format`: (line, column, rule).
fn findings(src: &str, format: Format) -> Vec<(usize, usize, Rule)> {
    let info = DecodeInfo {
        encoding: "UTF-8",
        guessed: false,
        replaced: 0,
        format,
    };
    let article = parse_shared(format, &Arc::new(src.to_string()));
    check(&article, &info, &Config::defaults().check)
        .iter()
        .map(|f| (f.line, f.col, f.rule))
        .collect()
}

const PROSE: &str = "清晨的渡口雾气很重，摆渡人老周已经把船擦得干干净净，等着第一批过河的人。";

fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>渡口的清晨</title></head><body>\n<article><h1>渡口的清晨</h1>\n{body}\n</article></body></html>\n"
    )
}

#[test]
fn a_pre_is_not_prose_and_the_prose_around_it_is() {
    let src = page(&format!(
        "<p>{PROSE}</p>\n<pre>if(a,b)中文,x\n  return 中文;甲</pre>\n<p>{PROSE}</p>\n<p>正文中文,逗号。</p>"
    ));
    assert_eq!(
        findings(&src, Format::Html),
        [(7, 8, Rule::HalfwidthPunctuation)]
    );
}

#[test]
fn a_block_all_in_code_is_not_prose_but_code_inside_a_sentence_is() {
    let src = page(&format!(
        "<p>{PROSE}</p>\n<p><code>if(a,b)中文,x</code></p>\n<p>用<code>中文,逗号</code>写。</p>"
    ));
    assert_eq!(
        findings(&src, Format::Html),
        [(5, 13, Rule::HalfwidthPunctuation)]
    );
}

#[test]
fn on_a_page_written_on_one_line_only_the_pre_is_passed_over() {
    let src = format!(
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>渡口的清晨</title></head><body><article><h1>渡口的清晨</h1><p>{PROSE}</p><pre>if(a,b)中文,x</pre><p>正文中文,逗号。</p><p>{PROSE}</p></article></body></html>"
    );
    let found = findings(&src, Format::Html);
    assert_eq!(found.len(), 1, "{found:?}");
    let (line, col, rule) = found[0];
    assert_eq!((line, rule), (1, Rule::HalfwidthPunctuation));
    let comma = src.find("正文中文,").expect("in the page") + "正文中文".len();
    assert_eq!(col, src[..comma].chars().count() + 1);
}

#[test]
fn a_pre_in_markdown_is_not_prose_either() {
    let src = "# 标题\n\n<pre>if(a,b)中文,x</pre>\n\n正文中文,逗号\n";
    assert_eq!(
        findings(src, Format::Markdown),
        [(5, 5, Rule::HalfwidthPunctuation)]
    );
}

#[test]
fn preformatted_lines_are_never_the_articles_notes_or_datelines() {
    use yuedu::article::BlockKind;
    // Lines that in prose would be an end mark and a dateline, inside code and <pre>.
    let md = "# 代码\n\n```\n本报北京1月1日电\n```\n\n正文第一段。\n\n```\n（完）\n```\n\n末段。\n";
    let html =
        page("<pre>本报北京1月1日电</pre>\n<p>正文第一段。</p>\n<pre>（完）</pre>\n<p>末段。</p>");
    for (src, format) in [(md.to_string(), Format::Markdown), (html, Format::Html)] {
        let a = parse_shared(format, &Arc::new(src));
        let code: Vec<_> = a.blocks.iter().filter(|b| b.preformatted).collect();
        let texts: Vec<(BlockKind, &str)> =
            code.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            texts,
            [
                (BlockKind::Paragraph, "本报北京1月1日电"),
                (BlockKind::Paragraph, "（完）")
            ],
            "{format:?}"
        );
        assert!(a.dateline.is_none(), "{format:?}");
        assert!(
            a.blocks.iter().all(|b| b.kind != BlockKind::Note),
            "{format:?}"
        );
    }
}
