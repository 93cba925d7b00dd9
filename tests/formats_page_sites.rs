//! Saved pages in the shapes of broadcasters', portals' and papers' sites, read by the
//! real binary as a user reads them (`outline --json` and `dump`): the authors (never a
//! place filed from, a picture's source or the publication), the standfirst kept, the
//! column from the page over the site's name in its `<title>`, a paper's print line,
//! credits set apart by an element or a bar, subheads styled by class, and the
//! furniture such sites add (publishers' remarks, promotions of their accounts, "阅读
//! 更多", a follow button in the info line). Pages written for the project.

mod common;

use common::cli::{format_data as data, run_ok as run};
use common::outline::{blocks_of, captions, fixture as outline, sections};

use serde_json::{Value, json};

fn dump(name: &str) -> String {
    run(&["dump", "--width", "200", &data(name)])
}

#[test]
fn a_section_link_over_the_headline_is_the_column_and_json_ld_names_the_authors() {
    let v = outline("section-kicker-page.html");
    assert_eq!(v["title"], "河口渡船的最后一班");
    // The <title>'s middle part is the site's name its logo prints, not a column.
    assert_eq!(v["column"], "文化");
    assert_eq!(v["authors"], json!(["Mara Lind", "顾远帆"]));
    // A home page's link above the headline's block is the site's, not a section.
    assert_eq!(outline("portal-shape-furniture.html")["column"], "教育");
    // From JSON-LD's datePublished: the page prints no date.
    assert_eq!(v["date"], "2026-10-08");
    // The teaser, a sentence or two under the headline, is the subtitle; the story
    // starts after it; the account's promotion is not text.
    assert_eq!(
        v["subtitle"],
        "渡船停航前的最后一个星期，船上坐满了来告别的人。有人带着孩子，有人带着相机。"
    );
    let paras = blocks_of(&v, "paragraph");
    assert!(paras[0].starts_with("这条渡船在河口"), "{paras:#?}");
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert!(!dump("section-kicker-page.html").contains("Instagram"));
    // The credit in its own element is the caption's credit.
    assert_eq!(
        captions(&v),
        [(
            "渡船靠岸前，船员在甲板上收缆绳".to_string(),
            Some("Mara Lind/HBR".to_string())
        )]
    );
}

#[test]
fn a_chapo_is_the_subtitle_and_the_place_filed_from_is_no_author() {
    let v = outline("amp-chapo-page.html");
    assert_eq!(v["subtitle"], "潮水退去以后，滩涂上站满了鸟。");
    assert_eq!(v["authors"], json!(["安澜"]));
    // JSON-LD's articleSection over the <title>'s "HBR" (the logo's text).
    assert_eq!(v["column"], "社会");
    assert_eq!(v["date"], "2026-09-30");
    // The site's name closing the <title> is the source when the page names none.
    assert_eq!(v["source"], "海湾广播");
    assert_eq!(sections(&v), ["从盐田到湿地"]);
    assert_eq!(blocks_of(&v, "paragraph").len(), 4);
    let shown = dump("amp-chapo-page.html");
    assert!(shown.contains("特约记者 安澜　发自 汕尾"), "{shown}");
    assert!(!shown.contains("阅读更多"), "{shown}");
    assert_eq!(captions(&v)[0].1.as_deref(), Some("© Reuters - Lin Ke"));
}

#[test]
fn a_portals_remarks_follow_button_and_picture_source_are_not_the_story() {
    let v = outline("portal-remarks-page.html");
    // 题图来自：X names a picture agency, not a writer.
    assert_eq!(v["authors"], json!(["温叙"]));
    assert_eq!(v["column"], "商业消费");
    // `span.text-big-title` alone in its paragraph is a subhead.
    assert_eq!(sections(&v), ["收琴", "卖琴"]);
    assert_eq!(blocks_of(&v, "paragraph").len(), 4);
    // The credit after a bar is the caption's; one naming no one keeps its verb, as it
    // does alone on a line (受访者供图, as 图/受访者提供 gives 受访者提供).
    assert_eq!(
        captions(&v),
        [(
            "师傅在拆一台旧琴的琴键".to_string(),
            Some("受访者供图".to_string())
        )]
    );
    let shown = dump("portal-remarks-page.html");
    for furniture in ["关注", "不代表本站立场", "异议或投诉"] {
        assert!(!shown.contains(furniture), "{furniture} in:\n{shown}");
    }
    assert!(shown.contains("受访者供图"), "{shown}");
    // The column among the info line's items is shown once, as the column.
    assert_eq!(shown.matches("商业消费").count(), 1, "{shown}");
}

#[test]
fn a_papers_name_closing_the_story_is_the_source_and_the_linked_name_the_author() {
    let v = outline("paper-site-byline.html");
    assert_eq!(v["authors"], json!(["林子晴"]));
    // The page's printed publication over the meta author (the site).
    assert_eq!(v["source"], "北岸時報");
    assert_eq!(v["column"], "生活");
    assert_eq!(blocks_of(&v, "note"), ["（北岸時報）"]);
    assert!(blocks_of(&v, "byline").is_empty());
    assert!(dump("paper-site-byline.html").contains("林子晴／台東報導"));
}

#[test]
fn a_print_line_gives_the_source_and_the_date() {
    let v = outline("epaper-print-line.html");
    assert_eq!(v["source"], "北岸日报");
    assert_eq!(v["date"], "2026年10月9日");
    assert_eq!(v["authors"], json!(["何知远"]));
    // Shown where the page prints it, after the story.
    let notes = blocks_of(&v, "note");
    assert_eq!(notes, ["《北岸日报》（2026年10月9日 07版）"]);
    assert_eq!(blocks_of(&v, "paragraph").len(), 3);
}

#[test]
fn an_author_link_is_the_author_and_a_posts_place_is_no_column() {
    let v = outline("note-author-page.html");
    assert_eq!(v["authors"], json!(["山间小雪"]));
    assert_eq!(v["column"], Value::Null);
    assert_eq!(v["date"], "2026-10-03 21:08:44");
    let shown = dump("note-author-page.html");
    assert!(!shown.contains("转载请联系作者"), "{shown}");
    assert_eq!(blocks_of(&v, "paragraph").len(), 3);
}

#[test]
fn a_portals_reprint_names_reporters_signing_as_paper_and_site_and_drops_its_statements() {
    let v = outline("portal-reprint.html");
    // "东青报·东青网记者 X 通讯员 Y": a paper and its site joined by a middle dot, then
    // the role; the names after it the authors.
    assert_eq!(v["authors"], json!(["房晓", "甘霖"]));
    assert_eq!(v["column"], "社会新闻");
    // The credit's outlet is the role's, never the caption's words.
    assert_eq!(
        captions(&v),
        [(
            "鲁长青在山路上送邮件。".to_string(),
            Some("房晓".to_string())
        )]
    );
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert!(paras[3].starts_with("他说，村里的老人"), "{paras:#?}");
    // The portal's word on a reprint and the platform's on storing what its accounts
    // post are the page's, not the story's.
    let shown = dump("portal-reprint.html");
    for furniture in ["北岸声明", "特别声明", "猜你喜欢", "邮递员的一天"] {
        assert!(!shown.contains(furniture), "{furniture} in {shown}");
    }
}

#[test]
fn a_sections_number_written_as_a_heading_heads_the_text_under_it() {
    let v = outline("numbered-parts.html");
    // <h2>1</h2> over a paragraph: the part's head, as long reads number their parts;
    // an ornament in a paragraph (◆◆◆) still heads what follows it.
    assert_eq!(sections(&v), ["1", "2", "◆◆◆"]);
    assert!(blocks_of(&v, "note").is_empty());
    assert_eq!(blocks_of(&v, "paragraph").len(), 7);
}

#[test]
fn an_english_byline_names_its_authors_and_a_drone_shot_credits_no_one() {
    let v = outline("english-byline-drone.html");
    // "By Jane Doe and Max Roe" in `p.byline` under the headline.
    assert_eq!(v["authors"], json!(["Jane Doe", "Max Roe"]));
    // "无人机拍摄" says how the picture was taken: the caption's words, no credit;
    // "白露拍摄" credits 白露.
    assert_eq!(
        captions(&v),
        [
            ("夜色中的集装箱码头。无人机拍摄".to_string(), None),
            ("吊车司机在驾驶室里。".to_string(), Some("白露".to_string()))
        ]
    );
    assert_eq!(blocks_of(&v, "paragraph").len(), 3);
}

#[test]
fn an_address_of_names_and_a_foreign_papers_correspondent_are_bylines() {
    let v = outline("address-translated-report.html");
    // <address> holds the page's authors, unlabelled; "英国《金融时报》 NAME 伦敦报道"
    // names the correspondent, never the paper or the place.
    assert_eq!(v["authors"], json!(["林小雨", "周航", "白露", "罗思远"]));
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 2, "{paras:#?}");
    assert!(paras[0].starts_with("老城区的钟表店"), "{paras:#?}");
    assert!(dump("address-translated-report.html").contains("英国《金融时报》 罗思远 伦敦报道"));
}

#[test]
fn the_publications_short_name_before_the_writer_is_no_author() {
    let v = outline("outlet-short-name.html");
    // "文｜北岸 周野" on a page from 北岸财经网: 北岸 is the outlet, 周野 the writer.
    assert_eq!(v["authors"], json!(["周野"]));
    assert_eq!(v["source"], "北岸财经网");
    // Printed as the page prints it.
    assert!(dump("outlet-short-name.html").contains("文｜北岸 周野"));
}
