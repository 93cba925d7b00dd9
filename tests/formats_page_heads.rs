//! Saved pages whose head is set in plain elements rather than `h1` and labelled
//! meta, read by the real binary as a user reads them (`outline --json`, `dump`,
//! `check`): a headline in an element its class names the title, with the site's name
//! first in the `<title>`; an info line built of adjacent unmarked spans; a row of tag
//! links; a Medium export's subtitle and author; an image whose `alt` is a name and
//! whose `title` is the caption; a related-reading line. Pages written for the project.

mod common;

use common::cli::{format_data as data, run_ok as run};
use common::outline::{blocks_of, captions, fixture as outline, sections};

use serde_json::json;

fn dump(name: &str) -> String {
    run(&["dump", "--width", "200", &data(name)])
}

#[test]
fn the_headline_is_the_title_element_the_title_names_after_the_site() {
    let v = outline("title-class-headline.html");
    // Neither the site's name before it in the <title> nor the first bold subhead.
    assert_eq!(v["title"], "渔村小学的新操场");
    assert_eq!(sections(&v), ["“跑道是我们自己画的”", "第一次运动会"]);
    assert_eq!(blocks_of(&v, "paragraph").len(), 5);
    // "来自：X" names the source.
    assert_eq!(v["source"], "晨港周报");
    assert_eq!(v["authors"], json!(["陈岚"]));
    assert_eq!(v["date"], "2026-10-12 09:30");
    // The headline is shown once, in the head.
    let shown = dump("title-class-headline.html");
    assert_eq!(shown.matches("渔村小学的新操场").count(), 1, "{shown}");
}

#[test]
fn an_info_row_of_spans_is_read_piece_by_piece() {
    let v = outline("info-row-spans.html");
    assert_eq!(v["title"], "曬菜乾的巷子：老街坊的冬天");
    // 撰文／X names the author; 攝影／Y is the photographer, no author.
    assert_eq!(v["authors"], json!(["周映秋"]));
    assert_eq!(v["date"], "2026-10-03");
    assert_eq!(v["source"], "山海週刊");
    let shown = dump("info-row-spans.html");
    assert!(
        shown.contains("2026-10-03　撰文／周映秋　攝影／何子謙　山海週刊"),
        "{shown}"
    );
    // A row of tag links is not one column's name, and reading the page adds no
    // space between Han characters for check to find.
    assert_ne!(v["column"], "慢生活 人物");
    assert!(!shown.contains("慢生活 人物"), "{shown}");
    let found = run(&["check", &data("info-row-spans.html")]);
    assert!(!found.contains("space-between-chinese"), "{found}");
}

#[test]
fn an_images_title_is_its_caption_when_the_alt_is_a_name() {
    let v = outline("info-row-spans.html");
    assert_eq!(
        captions(&v),
        [(
            "何阿婆在自家門口翻曬芥菜。".to_string(),
            Some("何子謙".to_string())
        )]
    );
    // The related-reading line (label and link) is furniture, not a paragraph; the
    // story's own paragraphs are all there.
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert!(paras.iter().all(|p| !p.contains("延伸閱讀")), "{paras:#?}");
    assert!(!dump("info-row-spans.html").contains("老市場的最後一個攤位"));
    assert_eq!(sections(&v), ["一條巷子的味道"]);
}

#[test]
fn a_medium_exports_subtitle_is_shown_once_and_its_h_card_is_the_author() {
    let v = outline("medium-export.html");
    assert_eq!(v["title"], "在灯塔站值夜班");
    assert_eq!(v["subtitle"], "海上的每一盏灯都有人看着");
    assert_eq!(sections(&v), ["日志", "天亮"]);
    assert_eq!(v["authors"], json!(["江屿"]));
    assert_eq!(blocks_of(&v, "paragraph").len(), 4);
    let shown = dump("medium-export.html");
    assert_eq!(
        shown.matches("海上的每一盏灯都有人看着").count(),
        1,
        "{shown}"
    );
}

#[test]
fn the_sites_name_opening_the_title_is_never_the_headline() {
    // No element prints the headline: the <title>'s part after the name the logo
    // prints is the headline.
    let v = outline("site-first-title.html");
    assert_eq!(v["title"], "码头夜市的第一个冬天");
    assert_eq!(blocks_of(&v, "paragraph").len(), 3);
}

#[test]
fn a_font_size_switch_and_a_reading_time_are_not_the_info_line() {
    let shown = dump("info-widgets.html");
    assert!(
        shown.contains("2026-09-18 08:00 \u{a0}来源：东岸日报 \u{a0}作者：林一舟\n"),
        "{shown}"
    );
    assert!(!shown.contains("A+") && !shown.contains("A-"), "{shown}");
    let v = outline("info-widgets.html");
    assert_eq!(v["authors"], json!(["林一舟"]));
    assert_eq!(v["source"], "东岸日报");

    let shown = dump("reading-time-byline.html");
    assert!(!shown.contains("分钟") && !shown.contains("•"), "{shown}");
    assert!(shown.contains("2026年9月2日"), "{shown}");
    let v = outline("reading-time-byline.html");
    assert_eq!(v["authors"], json!(["苏禾"]));
    assert_eq!(blocks_of(&v, "paragraph").len(), 2);
}

#[test]
fn a_posts_category_link_is_its_column_and_its_tags_are_not() {
    let v = outline("wordpress-category.html");
    assert_eq!(v["title"], "河堤上的风筝");
    assert_eq!(v["column"], "纪事");
    assert_eq!(v["authors"], json!(["南舟"]));
    assert_eq!(blocks_of(&v, "paragraph").len(), 3);
}

#[test]
fn counters_and_an_authors_badge_are_never_authors_and_a_nick_name_link_is_one() {
    // The author's link by its class; the badge the site gives the writer and the
    // count of its readers' votes are neither authors nor the byline's text.
    let v = outline("author-badge-counters.html");
    assert_eq!(v["authors"], json!(["砖瓦匠老纪"]));
    let shown = dump("author-badge-counters.html");
    assert!(!shown.contains("赞同"), "{shown}");
    assert!(!shown.contains("修缮爱好者"), "{shown}");
    assert_eq!(blocks_of(&v, "paragraph").len(), 4);
    // A nick name's link (a.follow-nickName) names the author; the counters beside it
    // (阅读量3.4k, 收藏 12, 点赞数 9) are no text of the head.
    let v = outline("author-nickname-counters.html");
    assert_eq!(v["authors"], json!(["灯下写码人"]));
    let shown = dump("author-nickname-counters.html");
    for gone in ["阅读量", "3.4k", "点赞数", "收藏"] {
        assert!(!shown.contains(gone), "{gone}: {shown}");
    }
    assert_eq!(blocks_of(&v, "paragraph").len(), 3);
}

#[test]
fn the_pages_section_in_its_title_is_the_column_and_the_publisher_the_source() {
    // "標題｜網站｜版塊": the part the page's article:section names is the column, the
    // other the site.
    let v = outline("section-in-title.html");
    assert_eq!(v["column"], "社區生活");
    assert_eq!(v["source"], "港島日報");
    // og:site_name is the publication's name with a word for its website after it:
    // the publisher JSON-LD names is the source. A category row of a section and its
    // kind is the column as printed; the photographer is credited in the byline, not
    // an author.
    let v = outline("publisher-category-row.html");
    assert_eq!(v["source"], "東岸晚報");
    assert_eq!(v["column"], "人物故事｜深度報導");
    assert_eq!(v["authors"], json!(["莊以寧"]));
    let shown = dump("publisher-category-row.html");
    assert!(shown.contains("攝影　賴書豪"), "{shown}");
}

#[test]
fn an_element_its_class_names_the_byline_is_the_byline_not_a_paragraph() {
    // `p.byline` with an invisible character after the name: the byline, its name
    // the author, never the body's first paragraph.
    let v = outline("byline-class.html");
    assert_eq!(v["authors"], json!(["卢晓岚"]));
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 3, "{paras:#?}");
    assert!(paras[0].starts_with("菜市场东门口"), "{paras:#?}");
}
