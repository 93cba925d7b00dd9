//! A saved page's head as the real binary reads it (`outline --json`, `outline`, `dump`):
//! source, date, column, kicker, subtitle and the order of the head's lines, on pages
//! written for the project in the shapes sites print them — an info line split into
//! byline, time and source elements, a WeChat-style account line of spans, a breadcrumb
//! without a class beside a meta slug, a gallery whose og:title carries "图集｜", and
//! Markdown front matter.

mod common;

use common::cli::{format_data as data, run_ok as run};
use common::outline::fixture as outline;

use serde_json::Value;

/// The dump's non-blank lines, trimmed.
fn dump(name: &str) -> Vec<String> {
    run(&["dump", "--width", "100", &data(name)])
        .lines()
        .map(|l| l.trim_matches([' ', '\u{3000}']).to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The line number `outline` (text) gives a head field.
fn field_line(name: &str, label: &str) -> usize {
    let text = run(&["outline", &data(name)]);
    let line = text
        .lines()
        .find(|l| l.starts_with(&format!("{label} ")))
        .unwrap_or_else(|| panic!("no {label} in:\n{text}"));
    line.rsplit("(line ")
        .next()
        .and_then(|r| r.trim_end_matches(')').parse().ok())
        .unwrap_or_else(|| panic!("no line in {line:?}"))
}

#[test]
fn an_info_line_split_into_elements_gives_byline_date_and_source_from_the_page() {
    let v = outline("head-split-info.html");
    assert_eq!(v["title"], "河口小岛上岸记");
    // "来源:" with a half-width colon; the page's source, not og:site_name (东岸新闻网).
    assert_eq!(v["source"], "东岸日报客户端");
    // No meta gives a date: the info line's.
    assert_eq!(v["date"], "2026/08/02 07:30");
    assert_eq!(v["authors"], serde_json::json!(["方晴"]));
    // The kicker element above the h1, the —— line under it.
    assert_eq!(v["kicker"], "长江禁渔第四年");
    assert_eq!(v["subtitle"], "——一个渔村的转产路");
    assert_eq!(v["banner"], Value::Null);
    // Neither is shown again as a block.
    let texts: Vec<&str> = v["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .filter_map(|b| b["text"].as_str())
        .collect();
    assert!(
        texts
            .iter()
            .all(|t| !t.contains("转产路") && !t.contains("禁渔第四年"))
    );
    // Each head line where it stands in the page, shown in that order.
    assert_eq!(field_line("head-split-info.html", "kicker"), 12);
    assert_eq!(field_line("head-split-info.html", "title"), 13);
    assert_eq!(field_line("head-split-info.html", "subtitle"), 14);
    assert_eq!(field_line("head-split-info.html", "authors"), 16);
    assert_eq!(field_line("head-split-info.html", "date"), 17);
    assert_eq!(field_line("head-split-info.html", "source"), 18);
    assert_eq!(
        dump("head-split-info.html")[..4],
        [
            "长江禁渔第四年",
            "河口小岛上岸记",
            "——一个渔村的转产路",
            "记者 方晴　2026/08/02 07:30　来源:东岸日报客户端"
        ]
    );
}

#[test]
fn an_account_line_of_spans_is_parted_and_its_account_is_the_source() {
    let v = outline("head-account-spans.html");
    assert_eq!(v["source"], "街巷手记");
    assert_eq!(v["date"], "2026年03月05日 06:40");
    let lines = dump("head-account-spans.html");
    assert_eq!(lines[0], "巷口的馄饨摊");
    // Each span its own piece, never "顾南乔街巷手记".
    assert_eq!(lines[1], "顾南乔　街巷手记　2026年03月05日 06:40　浙江");
}

#[test]
fn a_breadcrumb_by_its_shape_beats_a_meta_slug_and_a_meta_source_loses_its_label() {
    let v = outline("head-breadcrumb-slug.html");
    assert_eq!(v["column"], "民生新闻");
    // meta source "来源：北岸晚报" beats og:site_name 北岸网, without its label.
    assert_eq!(v["source"], "北岸晚报");
    // The date printed above the headline, with its weekday left off.
    assert_eq!(v["date"], "2026年12月3日");
    let lines = dump("head-breadcrumb-slug.html");
    assert_eq!(lines[..2], ["民生新闻", "老城区的加装电梯"]);
}

#[test]
fn a_column_that_is_the_headline_again_is_no_column() {
    let v = outline("head-gallery.html");
    assert_eq!(v["title"], "海边的灯塔");
    assert_eq!(v["column"], Value::Null);
    let lines = dump("head-gallery.html");
    assert_eq!(
        lines.iter().filter(|l| l.as_str() == "海边的灯塔").count(),
        1
    );
    // The info line's spans are parted.
    assert_eq!(lines[1], "2026-09-16 10:00　来源：北岸网");
}

#[test]
fn front_matter_kicker_and_subtitle_stand_around_the_headline() {
    let v = outline("head-front-matter.md");
    assert_eq!(v["kicker"], "治沙四十年");
    assert_eq!(v["subtitle"], "三代人，一片林");
    assert_eq!(
        dump("head-front-matter.md")[..5],
        [
            "人物",
            "治沙四十年",
            "滩涂上的种树人",
            "三代人，一片林",
            "马青禾"
        ]
    );
}

#[test]
fn source_and_date_are_always_keys_of_a_markup_formats_outline() {
    let v = outline("head-front-matter.md");
    let o = v.as_object().expect("an object");
    for key in ["source", "date", "column", "kicker", "subtitle", "dateline"] {
        assert!(o.contains_key(key), "{key} missing");
    }
    assert_eq!(v["source"], Value::Null);
    assert_eq!(v["date"], Value::Null);
    // Plain text keeps its outline's keys as they were.
    let t = common::outline::outline(&data("../prose.txt"));
    assert!(t.get("source").is_none() && t.get("date").is_none());
}
