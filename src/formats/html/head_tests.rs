//! Unit tests of a page's head: kicker, subtitle, info line pieces, source, column and
//! where each head line stands.

use std::sync::Arc;

use super::parse;
use crate::article::{Article, BlockKind};

const LONG: &str = "清晨的渡口雾气很重，摆渡人老周已经把船擦得干干净净，等着第一批过河的人。";

fn page(head: &str, body: &str) -> Article {
    let text = format!(
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>渡口的清晨_社会_北岸新闻网</title>\n{head}\n</head><body>\n{body}\n</body></html>"
    );
    parse(&Arc::new(text))
}

fn text(h: &Option<crate::article::HeaderLine>) -> Option<&str> {
    h.as_ref().map(|h| h.text.as_str())
}

#[test]
fn the_lines_beside_the_h1_are_its_kicker_and_subtitle() {
    let a = page(
        "",
        &format!(
            "<div class=head><h3 class=pre>走进渡口</h3>\n<h1>渡口的清晨</h1>\n<h4 class=sub>一条老航线的新日子</h4></div>\n<div class=content><p>{LONG}</p><p>{LONG}</p></div>"
        ),
    );
    assert_eq!(text(&a.kicker), Some("走进渡口"));
    assert_eq!(text(&a.subtitle), Some("一条老航线的新日子"));
    assert!(a.banner.is_none());
    // Neither stays a block (the subtitle was once a note).
    assert_eq!(a.blocks.len(), 2);
    assert!(a.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
}

#[test]
fn a_dash_paragraph_and_a_named_kicker_div_count_but_a_section_heading_does_not() {
    let a = page(
        "",
        &format!(
            "<article><div class=kicker>专访</div><h1>渡口的清晨</h1><p>——摆渡人老周的四十年</p><p>{LONG}</p><p>{LONG}</p></article>"
        ),
    );
    assert_eq!(text(&a.kicker), Some("专访"));
    assert_eq!(text(&a.subtitle), Some("——摆渡人老周的四十年"));
    assert_eq!(a.blocks.len(), 2);
    // An h2 right under an h1 inside the article, without a dash, is its first section.
    let a = page(
        "",
        &format!(
            "<article><h1>渡口的清晨</h1><h2>一、雾里的船</h2><p>{LONG}</p><p>{LONG}</p></article>"
        ),
    );
    assert!(a.subtitle.is_none());
    assert_eq!(a.blocks[0].kind, BlockKind::Heading);
    assert_eq!(a.blocks[0].text.as_str(), "一、雾里的船");
    // A date above the h1 is no kicker.
    let a = page(
        "",
        &format!(
            "<div class=date>2026年3月5日星期四</div><h1>渡口的清晨</h1><div class=content><p>{LONG}</p><p>{LONG}</p></div>"
        ),
    );
    assert!(a.kicker.is_none());
    assert_eq!(text(&a.date), Some("2026年3月5日"));
}

#[test]
fn info_pieces_in_elements_of_their_own_are_parted_and_read_together() {
    let a = page(
        "<meta property=og:site_name content=北岸新闻网>",
        &format!(
            "<h1>渡口的清晨</h1><div class=info><div>本报记者 林小雨</div><div><span>2026-08-02 07:30</span></div><div><span class=time>18:00</span><span data-role=src>来源: 北岸晚报</span></div></div><div class=content><p>{LONG}</p><p>{LONG}</p></div>"
        ),
    );
    assert_eq!(text(&a.date), Some("2026-08-02 07:30"));
    // The page's 来源 (half-width colon) beats og:site_name.
    assert_eq!(text(&a.source), Some("北岸晚报"));
    assert_eq!(a.authors, ["林小雨"]);
    assert_eq!(
        text(&a.byline),
        Some("本报记者 林小雨　2026-08-02 07:30　18:00　来源: 北岸晚报")
    );
}

#[test]
fn an_account_name_is_the_source_and_a_meta_source_loses_its_label() {
    let a = page(
        "",
        &format!(
            "<h1>渡口的清晨</h1><div id=meta_content><span class=rich_media_meta>林小雨</span>\n<span class=rich_media_meta_nickname><a id=js_name>渡口手记</a></span></div><div id=js_content><p>{LONG}</p><p>{LONG}</p></div>"
        ),
    );
    assert_eq!(text(&a.source), Some("渡口手记"));
    let a = page(
        "<meta name=source content=\"来源：北岸晚报\"><meta property=og:site_name content=北岸新闻网>",
        &format!("<h1>渡口的清晨</h1><div class=content><p>{LONG}</p><p>{LONG}</p></div>"),
    );
    assert_eq!(text(&a.source), Some("北岸晚报"));
}

#[test]
fn a_column_is_never_the_headline_nor_a_slug() {
    // The <title>'s channel (社会) is kept.
    let a = page(
        "<meta name=catalogs content=shehui>",
        &format!("<h1>渡口的清晨</h1><div class=content><p>{LONG}</p><p>{LONG}</p></div>"),
    );
    assert_eq!(text(&a.column), Some("社会"));
    // A breadcrumb without a class, by its shape, beats the slug.
    let a = page(
        "<meta name=catalogs content=shehui>",
        &format!(
            "<div id=nav><a href=/>首页</a> &gt; <a href=/s/>社会新闻</a> &gt; 正文</div><h1>渡口的清晨</h1><div class=content><p>{LONG}</p><p>{LONG}</p></div>"
        ),
    );
    assert_eq!(text(&a.column), Some("社会新闻"));
    // "图集｜TITLE_SITE": the part after 图集 is the headline again, no column.
    let text_page = format!(
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>图集｜渡口的清晨_北岸新闻网</title></head><body><h1>渡口的清晨</h1><div class=content><p>{LONG}</p><p>{LONG}</p></div></body></html>"
    );
    let a = parse(&Arc::new(text_page));
    assert!(a.column.is_none(), "{:?}", text(&a.column));
    // "港聞 - TITLE 北岸新聞網 - 北岸日報": the headline with the site's name fused to it
    // is no column; the label before it is.
    let fused = format!(
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>港聞 - 渡口的清晨 北岸新聞網 - 北岸日報 daily</title></head><body><h1>渡口的清晨</h1><div class=content><p>{LONG}</p><p>{LONG}</p></div></body></html>"
    );
    let a = parse(&Arc::new(fused));
    assert_eq!(text(&a.column), Some("港聞"));
}

#[test]
fn a_byline_from_meta_stands_under_the_headline() {
    let a = page(
        "<meta name=author content=林小雨>",
        &format!("<div class=content><h1>渡口的清晨</h1><p>{LONG}</p><p>{LONG}</p></div>"),
    );
    let title = a.title.as_ref().expect("title").src;
    let byline = a.byline.as_ref().expect("byline").src;
    assert!(byline >= title, "byline at {byline}, title at {title}");
    // Where the reader shows it: tests/formats_head_order.rs.
}

#[test]
fn a_line_beyond_the_headlines_wrapper_is_a_kicker_only_when_named_one() {
    // A site's name over the title block.
    let a = page(
        "",
        &format!(
            "<div class=brand>北岸新闻网</div><div class=title-block><h1>渡口的清晨</h1><div>2026-08-02 07:30</div></div><div class=content><p>{LONG}</p><p>{LONG}</p></div>"
        ),
    );
    assert!(a.kicker.is_none(), "{:?}", text(&a.kicker));
    let a = page(
        "",
        &format!(
            "<p class=kicker>走进渡口</p><div class=title-block><h1>渡口的清晨</h1></div><div class=content><p>{LONG}</p><p>{LONG}</p></div>"
        ),
    );
    assert_eq!(text(&a.kicker), Some("走进渡口"));
}

#[test]
fn the_title_tag_with_the_sites_name_first_gives_the_headline_after_it() {
    use super::split_title;
    assert_eq!(
        split_title("青禾周刊 | 河口渡轮上的最后一个夏天").0,
        "河口渡轮上的最后一个夏天"
    );
    // The usual order is untouched.
    assert_eq!(split_title("渡口的清晨_社会_北岸新闻网").0, "渡口的清晨");
    assert_eq!(split_title("渡口的清晨 - 北岸日报").0, "渡口的清晨");
}

#[test]
fn a_series_tag_after_the_headline_is_not_part_of_it() {
    use super::headline_tail_tag;
    assert_eq!(
        headline_tail_tag("深水埗的夏天：冷氣機是奢侈品｜01深度"),
        Some(("深水埗的夏天：冷氣機是奢侈品", "01深度"))
    );
    // A bar inside a headline with a long second half stays.
    assert_eq!(headline_tail_tag("渡口的清晨｜一条老航线的新日子"), None);
    assert_eq!(headline_tail_tag("短｜深度"), None);
}

#[test]
fn breadcrumb_lines_by_label_or_shape() {
    use super::is_breadcrumb_line;
    assert!(is_breadcrumb_line("您的位置：东岭新闻网 >> 市县 >> 桥头"));
    assert!(is_breadcrumb_line("首页 > 社会 > 正文"));
    assert!(!is_breadcrumb_line("他说，成绩 > 预期，这是好事。"));
    assert!(!is_breadcrumb_line("渡口的清晨"));
}

#[test]
fn a_list_byline_names_people_only() {
    use super::byline_list;
    let i = byline_list(&["温知夏", "远潮新闻记者", "发自江苏盐城"]).expect("a byline");
    assert_eq!(i.authors, ["温知夏"]);
    // Items with no role or place are not a byline; nor is a sentence.
    assert!(byline_list(&["首页", "社会"]).is_none());
    assert!(byline_list(&["今天下雨了。", "记者"]).is_none());
}

#[test]
fn json_ld_gives_the_date_and_people_not_organisations() {
    use super::json_ld;
    let ld = json_ld(
        r#"{"@graph":[{"@type":"NewsArticle","datePublished":"2025-07-14T09:00:00+08:00",
        "articleSection":["社会","首页"],"publisher":{"@type":"Organization","name":"青禾周刊"},
        "author":[{"@type":"Person","name":"宁远舟"},{"@type":"Organization","name":"青禾周刊"}]}]}"#,
    );
    assert_eq!(ld.date.as_deref(), Some("2025-07-14"));
    assert_eq!(ld.authors, ["宁远舟"]);
    assert_eq!(ld.section.as_deref(), Some("社会"));
    assert_eq!(ld.publisher.as_deref(), Some("青禾周刊"));
    let ld = json_ld(r#"{"author":{"@type":"NewsMediaOrganization","name":"X"}}"#);
    assert!(ld.date.is_none() && ld.authors.is_empty());
    // A publication named with no type is not a person either.
    assert!(json_ld(r#"{"author":"北岸日报"}"#).authors.is_empty());
    assert_eq!(json_ld(r#"{"author":"白露"}"#).authors, ["白露"]);
    let ld = json_ld("not json");
    assert!(ld.date.is_none() && ld.authors.is_empty() && ld.section.is_none());
}

#[test]
fn a_url_as_meta_author_is_no_name() {
    let a = page(
        "<meta name=\"article:author\" content=\"https://social.example.com/beian\">",
        &format!("<h1>渡口的清晨</h1><div class=content><p>{LONG}</p><p>{LONG}</p></div>"),
    );
    assert!(a.authors.is_empty(), "{:?}", a.authors);
}

#[test]
fn an_author_blocks_label_and_a_related_boxs_label_are_no_author_or_column() {
    // The <title> here names no channel ("渡口的清晨 - 北岸"), so only the page's own
    // elements could give a column.
    let body = |author: &str, column: &str| {
        format!(
            "<h1>渡口的清晨</h1><div class=author-box><span class=author-label>{author}</span></div>\
             <div class=content><p>{LONG}</p><p>{LONG}</p></div>\
             <div class=category-title>{column}</div>"
        )
    };
    let page = |author: &str, column: &str| {
        let text = format!(
            "<!DOCTYPE html><html><head><meta charset=utf-8><title>渡口的清晨 - 北岸</title></head><body>{}</body></html>",
            body(author, column)
        );
        parse(&Arc::new(text))
    };
    let a = page("作者", "相关新闻");
    assert!(a.authors.is_empty(), "{:?}", a.authors);
    assert!(a.column.is_none());
    let a = page("周小舟", "城事");
    assert_eq!(a.authors, ["周小舟"]);
    assert_eq!(text(&a.column), Some("城事"));
}
