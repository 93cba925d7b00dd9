//! A saved page's head as a user reads it (`outline --json` of the real binary): the
//! headline when the `<title>` puts the site first or the page prints it as a plain
//! block, the standfirst kept, subheads in the forms feature pages print them, and
//! authors, date, source and column from bylines, info lines, author blocks and
//! JSON-LD. Pages written for the project in the shapes of real sites.

mod common;

use common::cli::{format_data as data, run_ok as run};
use common::outline::{all_text, blocks_of, outline, sections};

#[test]
fn the_headline_after_the_sites_name_and_the_standfirst_are_the_articles() {
    let v = outline(&data("weekly-site-first.html"));
    // "青禾周刊 | 标题": the site's name is not the headline; `div.title > h2` is.
    assert_eq!(v["title"], "河口渡轮上的最后一个夏天");
    // Unmarked info items with their own labels: 撰文 is the author, 摄影 is not.
    assert_eq!(v["authors"], serde_json::json!(["宁远舟"]));
    // A URL as meta author is no name; the JSON-LD date stands in for a missing one.
    assert!(!all_text(&v).contains("http"), "{v:#}");
    assert_eq!(v["date"], "2025-07-14");
    assert_eq!(v["column"], "社会");
    // The standfirst (div.leading) is the lead paragraph, before the body.
    let paras = blocks_of(&v, "paragraph");
    assert!(paras[0].starts_with("大桥通车以后"), "{paras:#?}");
    assert!(paras[1].starts_with("清晨五点半"), "{paras:#?}");
}

#[test]
fn quoted_and_font_weight_subheads_are_heads_and_a_speakers_line_is_not() {
    let v = outline(&data("weekly-site-first.html"));
    // A number over a head joins it; a head may open with a quoted word or be a short
    // quoted phrase; WeChat's `<span style="font-weight:bold">` is bold.
    assert_eq!(
        sections(&v),
        ["1 “摆渡”的半辈子", "“再开一年”", "岸上的新家"]
    );
    let paras = blocks_of(&v, "paragraph");
    assert!(
        paras.iter().any(|p| p == "老贺：那时候江上全是船"),
        "{paras:#?}"
    );
    assert_eq!(paras.len(), 8, "{paras:#?}");
    assert!(!paras.iter().any(|p| p == "1"), "{paras:#?}");
}

#[test]
fn a_headline_printed_as_a_block_gives_title_and_subtitle_and_its_info_line_the_fields() {
    let v = outline(&data("oldcms-title-block.html"));
    assert_eq!(v["title"], "桥头村的“守渠人”");
    assert_eq!(v["subtitle"], "——记一位看护灌渠二十年的老村医");
    assert_eq!(v["source"], "东岭日报");
    assert_eq!(v["date"], "2025-03-02 07:45:10");
    assert_eq!(v["authors"], serde_json::json!(["温若川"]));
    assert_eq!(v["column"], "桥头");
    // No breadcrumb, headline, info line or font-size switch among the blocks.
    let text = all_text(&v);
    for furniture in ["您的位置", "守渠人”", "——记", "来源", "字号", "打印"] {
        assert!(!text.contains(furniture), "{furniture} in:\n{text}");
    }
    assert_eq!(blocks_of(&v, "paragraph").len(), 3);
    // And so nothing is flagged in the furniture.
    let out = run(&["check", &data("oldcms-title-block.html")]);
    assert!(out.contains("no findings"), "{out}");
}

#[test]
fn a_byline_set_as_a_list_names_its_author_not_the_role_or_the_place() {
    let v = outline(&data("list-byline.html"));
    assert_eq!(v["authors"], serde_json::json!(["温知夏"]));
    assert_eq!(v["date"], "2025-10-05");
    let text = all_text(&v);
    for head in ["温知夏", "远潮新闻记者", "发自江苏盐城"] {
        assert!(!text.contains(head), "{head} in:\n{text}");
    }
    // The summary, one short line under the headline, is kept as the subtitle, as it
    // is when the page sets it outside the story's container.
    assert_eq!(v["subtitle"], "盐田变湿地以后，鸟回来了吗？");
    assert!(!blocks_of(&v, "paragraph").contains(&"盐田变湿地以后，鸟回来了吗？".to_string()));
    assert_eq!(sections(&v), ["盐田退了"]);
}

#[test]
fn an_author_blocks_name_and_a_posted_line_give_author_and_date() {
    let v = outline(&data("author-block-posted.html"));
    assert_eq!(v["authors"], serde_json::json!(["林溪月"]));
    assert_eq!(v["date"], "2025-06-18 20:40");
    assert_eq!(v["source"], "问答专栏");
}

#[test]
fn reporters_and_interns_are_authors_and_the_publication_is_the_source() {
    let v = outline(&data("weekly-byline-lines.html"));
    // "东湖周刊记者 X" and "东湖周刊实习生 Y"; "文｜东湖周刊 记者 X": 东湖周刊 is no person.
    assert_eq!(v["authors"], serde_json::json!(["程望舒", "叶知秋"]));
    assert_eq!(v["source"], "东湖周刊");
    assert_eq!(v["date"], "2025年04月21日 10:05");
    // The column is not the publication (the <title>'s channel, the breadcrumb).
    assert_ne!(v["column"], "东湖周刊");
    assert_ne!(v["column"], "东湖网");
    assert_eq!(blocks_of(&v, "paragraph").len(), 3);
}

#[test]
fn a_standfirst_outside_the_body_is_the_subtitle_when_short_or_the_lead_when_long() {
    let dir = tempfile::tempdir().expect("temp dir");
    let short = dir.path().join("short.html");
    let page = std::fs::read_to_string(data("weekly-site-first.html")).expect("fixture");
    let page = page.replace(
        "大桥通车以后，这条航线就要停了。船长老贺在甲板上站了三十一年，他想把最后一个夏天开完。",
        "一条航线停了，一个人的半辈子靠了岸",
    );
    std::fs::write(&short, page).expect("write");
    let v = outline(short.to_str().expect("UTF-8 path"));
    assert_eq!(v["subtitle"], "一条航线停了，一个人的半辈子靠了岸");
    assert!(blocks_of(&v, "paragraph")[0].starts_with("清晨五点半"));
}
