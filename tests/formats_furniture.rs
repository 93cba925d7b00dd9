//! Page furniture inside an article's body, read as a user reads it (`outline --json`
//! and `dump` of the real binary): WeChat-style tails (end mark, staff lines, calls to
//! follow), prompts to read on, related boxes, notes with buttons or date codes,
//! interview questions in bold, photos outside the body's container, and a page
//! nested tens of thousands of tables deep.
//! Pages written for the project in the shapes of those sites.

mod common;

use common::cli::{format_data as data, run_ok as run};

use common::outline::{blocks_of, captions, outline, sections};

/// What the reader shows of the page, as `dump` lays it out.
fn dump(path: &str) -> String {
    run(&["dump", "--width", "200", path])
}

#[test]
fn a_wechat_tail_gives_notes_and_no_prompts_and_its_end_mark_is_no_section() {
    let path = data("wechat-shape-tail.html");
    let v = outline(&path);
    assert_eq!(sections(&v), ["一、四十年的航线", "二、留下来的人"]);
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 6, "{paras:#?}");
    assert!(paras[0].starts_with("晚上十点"));
    // A paragraph that only holds a word of the prompts stays one.
    assert!(paras[4].contains("分享给朋友"), "{paras:#?}");
    assert!(paras[5].starts_with("“只要还有人要过河"));
    let notes = blocks_of(&v, "note");
    for n in ["- END -", "编辑丨唐小禾", "审核丨秦朗"] {
        assert!(notes.iter().any(|x| x == n), "{n:?} in {notes:?}");
    }
    // A photograph's credit alone is a caption of no text with that credit, as in
    // plain text.
    assert_eq!(
        captions(&v)[0],
        (String::new(), Some("受访者提供".to_string()))
    );
    let shown = dump(&path);
    for furniture in ["点击关注", "点个“在看”", "阅读原文", "#渡口", "蓝字关注"]
    {
        assert!(!shown.contains(furniture), "{furniture:?} shown:\n{shown}");
    }
}

#[test]
fn prompts_related_boxes_and_buttons_are_left_out_and_editor_lines_are_notes() {
    let path = data("portal-shape-furniture.html");
    let v = outline(&path);
    assert_eq!(v["title"], "山村小学的图书角");
    assert!(sections(&v).is_empty(), "{:?}", sections(&v));
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 4, "{paras:#?}");
    // Paragraphs that say 继续阅读 and 延伸阅读 in their sentences stay.
    assert!(paras[2].contains("再继续阅读下一本"));
    assert!(paras[3].contains("延伸阅读的习惯"));
    assert_eq!(
        blocks_of(&v, "note"),
        [
            "（本文来自东岭日报客户端，更多资讯请下载“东岭日报”APP）",
            "【责任编辑：卢青】"
        ]
    );
    let shown = dump(&path);
    for furniture in [
        "请继续往下阅读",
        "延伸阅读\n",
        "乡村阅览室",
        "送书下乡",
        "点击数",
        "2381",
        "【打印】",
        "【关闭】",
        "【纠错】",
        "点击量",
        "5120",
        "2026-03-02",
    ] {
        assert!(!shown.contains(furniture), "{furniture:?} shown:\n{shown}");
    }
    // The info line keeps what it says of the article.
    assert!(shown.contains("来源：东岭日报　　作者：韩若水"), "{shown}");
}

#[test]
fn a_traditional_page_keeps_its_editor_with_the_date_code_as_a_note() {
    let path = data("cna-shape-editor-code.html");
    let v = outline(&path);
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert!(paras[3].starts_with("夜裡收攤時"));
    assert_eq!(blocks_of(&v, "note"), ["（編輯：陳思穎）1150503"]);
    assert!(sections(&v).is_empty());
    let shown = dump(&path);
    for furniture in ["請繼續往下閱讀", "相關新聞", "夜間市集", "藝術節"] {
        assert!(!shown.contains(furniture), "{furniture:?} shown:\n{shown}");
    }
}

#[test]
fn bold_interview_questions_and_exclamations_are_not_section_headings() {
    let v = outline(&data("interview-shape.html"));
    assert_eq!(sections(&v), ["一门慢手艺", "下一个三十年"]);
    let paras = blocks_of(&v, "paragraph");
    for q in [
        "问：当初为什么学修表？",
        "記者問：現在還有年輕人來學嗎",
        "Q: 最难修的是哪一种表？",
        "这门手艺不能断！",
    ] {
        assert!(paras.iter().any(|p| p == q), "{q:?} in {paras:#?}");
    }
    assert!(paras.last().is_some_and(|p| p.starts_with("采访结束时")));
    assert_eq!(blocks_of(&v, "note"), ["（实习生 林小雨 对本文亦有贡献）"]);
}

#[test]
fn a_page_nested_thousands_of_tables_deep_keeps_its_title_and_text() {
    // 20 000 nested tables (each `<table><tr><td>`), the text at the bottom; the
    // breadcrumb look-up once gathered every element's text (quadratic: seconds).
    let n = 20_000;
    let page = format!(
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>深处_测试_站</title></head><body><h1>深处</h1>\n<div class=location>首页 &gt; 测试</div>\n{}表格最深处的一段文字，有逗号，也有句号。{}</body></html>",
        "<table><tr><td>".repeat(n),
        "</td></tr></table>".repeat(n)
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("deep.html");
    std::fs::write(&path, page).expect("written");
    let v = outline(path.to_str().expect("UTF-8 path"));
    assert_eq!(v["title"], "深处");
    assert_eq!(v["column"], "测试");
    assert_eq!(
        blocks_of(&v, "paragraph"),
        ["表格最深处的一段文字，有逗号，也有句号。"]
    );
}

fn pairs(want: &[(&str, &str)]) -> Vec<(String, Option<String>)> {
    want.iter()
        .map(|(t, c)| (t.to_string(), Some(c.to_string())))
        .collect()
}

#[test]
fn a_photo_album_between_the_headline_and_the_body_gives_captions_a_banner_does_not() {
    let path = data("lead-photo-outside-body.html");
    let v = outline(&path);
    assert_eq!(v["title"], "老码头的修船人");
    assert_eq!(
        captions(&v),
        pairs(&[
            ("修船人在船坞里给木船刷桐油。", "韩若水"),
            ("船坞边堆放着待用的木料。", "韩若水"),
        ])
    );
    assert_eq!(blocks_of(&v, "paragraph").len(), 4);
    let shown = dump(&path);
    for other in ["春季旅游节", "另一条新闻"] {
        assert!(!shown.contains(other), "{other:?} shown:\n{shown}");
    }
    // The captions come before the body, where the photos stand.
    let first = shown.find("刷桐油").expect("caption shown");
    assert!(first < shown.find("六十三岁").expect("text shown"));
}

#[test]
fn figures_in_the_article_element_around_the_body_are_captions_others_are_not() {
    let v = outline(&data("article-cover-figure.html"));
    assert_eq!(v["title"], "溪畔茶屋的午後");
    assert_eq!(
        captions(&v),
        pairs(&[
            ("溪畔茶屋的老屋外觀。", "蘇意涵"),
            ("茶屋使用的老茶具。", "蘇意涵"),
        ])
    );
    assert_eq!(blocks_of(&v, "paragraph").len(), 3);
}

#[test]
fn a_markdown_export_of_a_wechat_article_has_the_same_tail_read_alike() {
    let v = outline(&data("wechat-export.md"));
    assert_eq!(sections(&v), ["二十年的小板凳"]);
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert!(paras[3].contains("分享给朋友"));
    assert_eq!(
        blocks_of(&v, "note"),
        ["- END -", "编辑丨唐小禾", "审核丨秦朗"]
    );
    assert_eq!(
        captions(&v),
        [(String::new(), Some("受访者提供".to_string()))]
    );
    let shown = dump(&data("wechat-export.md"));
    for furniture in ["点击关注", "阅读原文"] {
        assert!(!shown.contains(furniture), "{furniture:?} shown:\n{shown}");
    }
}

#[test]
fn a_table_of_contents_in_the_body_is_furniture_never_a_section() {
    // A box its class names (CSDN's div.toc under its 文章目录 head).
    let v = outline(&data("toc-box.html"));
    assert_eq!(
        sections(&v),
        ["一、建表", "二、写入", "2.1 批量写入", "三、查询"]
    );
    let all = common::outline::all_text(&v);
    assert!(!all.contains("文章目录"), "{all}");
    assert_eq!(blocks_of(&v, "paragraph").len(), 4);
    // A list of links to places in the page under a head naming it, no class at all;
    // the notes list, each note's text beside its backlink, stays.
    let v = outline(&data("toc-list.html"));
    assert_eq!(sections(&v), ["材料", "接线", "效果"]);
    let all = common::outline::all_text(&v);
    assert!(!all.contains("本文目录"), "{all}");
    assert!(!all.contains("1. 材料"), "{all}");
    assert!(all.contains("继电器要选能带动水泵电流的型号"), "{all}");
    assert!(all.contains("软管出口要比水箱高"), "{all}");
    // Four paragraphs and the two notes' list items.
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 6, "{paras:#?}");
}

#[test]
fn platform_disclaimers_are_left_out_and_a_reposts_provenance_is_a_note() {
    let v = outline(&data("platform-disclaimers.html"));
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert!(paras[0].starts_with("老杨的修车摊"), "{paras:#?}");
    assert!(paras[3].starts_with("他打算在入口"), "{paras:#?}");
    // Disowning the view, saying it is the writer's alone, saying the platform only
    // stores it: all three kinds left out alike, inside the body or under it.
    let all = common::outline::all_text(&v);
    for gone in ["不代表", "仅代表作者", "信息存储空间", "平台声明"] {
        assert!(!all.contains(gone), "{gone}: {all}");
    }
    // An editor's-note head over where the text comes from: a note.
    let notes = blocks_of(&v, "note");
    assert!(
        notes.iter().any(|n| n.contains("本文来自微信公众号")),
        "{notes:#?}"
    );
    assert!(sections(&v).is_empty(), "{:?}", sections(&v));
}

#[test]
fn a_posts_footer_with_its_own_address_and_reprint_terms_is_left_out() {
    let v = outline(&data("blog-footer.md"));
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 3, "{paras:#?}");
    assert!(paras[2].starts_with("一个月很快过去"), "{paras:#?}");
    let all = common::outline::all_text(&v);
    assert!(!all.contains("本文链接"), "{all}");
    assert!(!all.contains("转载请注明"), "{all}");
    // The original's address says where the text comes from: a note.
    assert_eq!(
        blocks_of(&v, "note"),
        ["原文链接：https://example.invalid/old/haibian.html"]
    );
}
