//! Where a format's head lines stand on the page (`layout::items`, the order the panes
//! and `dump` show them in): a line from meta or front matter that the page does not
//! print stands with the headline — the kicker just above it, the subtitle and byline
//! under it — wherever the front matter wrote it.

use std::sync::Arc;

use yuedu::article::Article;
use yuedu::formats::{Format, parse_shared};
use yuedu::layout::{Item, items};

/// The first `n` items of `text` read as `format`.
fn head(format: Format, text: &str, n: usize) -> Vec<Item> {
    let a: Article = parse_shared(format, &Arc::new(text.to_string()));
    items(&a).into_iter().take(n).collect()
}

// The byline from meta stands under the headline even when the headline's position is
// its text, on the line the body's container opens (a page written on few lines).
#[test]
fn a_byline_from_a_pages_meta_stands_under_the_headline() {
    const LONG: &str = "清晨的渡口雾气很重，摆渡人老周已经把船擦得干干净净，等着第一批过河的人。";
    let page = format!(
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>渡口的清晨_社会_北岸新闻网</title>\n<meta name=author content=林小雨>\n</head><body>\n<div class=content><h1>渡口的清晨</h1><p>{LONG}</p><p>{LONG}</p></div>\n</body></html>"
    );
    // The <title>'s channel (meta, above), the headline, then the byline.
    assert_eq!(
        head(Format::Html, &page, 3),
        [Item::Column, Item::Title, Item::Byline]
    );
}

#[test]
fn front_matter_kicker_and_subtitle_stand_with_the_headline() {
    let md = "---\ntitle: 江边的观测站\nkicker: \"走进长江\"\nsubtitle: 一座站，三代人\nauthor: 郑远\ncategory: 社会\n---\n\n# 江边的观测站\n\n正文第一段。\n";
    // Column, kicker, headline, subtitle, byline: the front matter's lines stand with
    // the `#` headline, not above it.
    assert_eq!(
        head(Format::Markdown, md, 5),
        [
            Item::Column,
            Item::Kicker,
            Item::Title,
            Item::Subtitle,
            Item::Byline
        ]
    );
}

#[test]
fn front_matter_written_in_any_order_stands_with_the_headline() {
    // The subtitle and kicker after the other keys, the headline printed later.
    let md = "---\ntitle: 岛上的邮路\nsubtitle: 一条船、四座岛\ncategories: [人物]\nkicker: 海岛纪事\n---\n\n# 岛上的邮路\n\n正文第一段。\n";
    assert_eq!(
        head(Format::Markdown, md, 4),
        [Item::Column, Item::Kicker, Item::Title, Item::Subtitle]
    );
}
