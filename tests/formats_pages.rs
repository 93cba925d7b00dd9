//! Saved pages in the shapes real sites give them, read as a user reads them
//! (`outline --json` of the real binary): a body hidden for a script to reveal, images
//! inside sentences, class words that look like furniture, bracketed reporters after a
//! dateline, an editor's note box before the body, a lead photo with its credit.
//! Pages written for the project in the shapes of those sites.

mod common;

use common::cli::format_data as data;
use common::outline::{all_text, blocks_of, captions, outline};

#[test]
fn a_body_hidden_for_a_script_to_reveal_is_the_article() {
    let v = outline(&data("hidden-body-revealed.html"));
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert!(paras[0].starts_with("每逢周三"), "{paras:#?}");
    assert!(paras[3].starts_with("有一年大雪封山"), "{paras:#?}");
    assert_eq!(blocks_of(&v, "heading"), ["一条路"]);
}

#[test]
fn display_none_the_hidden_attribute_and_a_small_invisible_box_still_hide_furniture() {
    let v = outline(&data("hidden-body-revealed.html"));
    let text = all_text(&v);
    assert!(
        !text.contains("该内容已被发布者删除"),
        "display:none shown: {text}"
    );
    assert!(
        !text.contains("此内容因违规无法查看"),
        "hidden shown: {text}"
    );
    assert!(
        !text.contains("长按识别二维码"),
        "a small invisible box shown: {text}"
    );
}

/// A page whose visible article is short and whose larger copy is hidden by `how`.
fn page_with_bulk_hidden_by(how: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>渡口</title></head><body>\
         <h1>渡口</h1><div class=content><p>清晨的渡口只有一条船，船工把缆绳解开，对岸的雾还没有散。</p></div>\
         <div {how}><p>这是打印版的全文，第一段，很长很长，渡口、船工和雾都写在这里，读者不该看到它。</p>\
         <p>这是打印版的全文，第二段，同样很长，把第一段的意思又说了一遍，还多出了好些字。</p>\
         <p>这是打印版的全文，第三段，仍旧很长，它的字数加起来比看得见的正文多出好几倍。</p></div>\
         </body></html>"
    )
}

#[test]
fn display_none_or_the_hidden_attribute_hides_even_the_bulk_of_a_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    for how in [
        "style=\"display: none\"",
        "hidden",
        "style=\"DISPLAY:NONE !important\"",
    ] {
        let path = dir.path().join("page.html");
        std::fs::write(&path, page_with_bulk_hidden_by(how)).expect("write");
        let v = outline(path.to_str().expect("UTF-8 path"));
        let text = all_text(&v);
        assert!(text.contains("清晨的渡口"), "{how}: {text}");
        assert!(!text.contains("打印版"), "{how}: hidden text shown: {text}");
    }
    // The same bulk behind visibility:hidden is the article a script reveals.
    let path = dir.path().join("soft.html");
    std::fs::write(
        &path,
        page_with_bulk_hidden_by("style=\"visibility:hidden\""),
    )
    .expect("write");
    let text = all_text(&outline(path.to_str().expect("UTF-8 path")));
    assert!(text.contains("打印版的全文，第三段"), "{text}");
}

#[test]
fn an_image_inside_a_sentence_splits_nothing() {
    let v = outline(&data("inline-image-in-sentence.html"));
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(
        paras,
        [
            "车站新装的自助售票机前，排队的人比窗口前还多，工作人员一上午都在旁边帮忙。",
            "乘客在屏幕上选好车次，点击按钮后，页面会跳转到支付界面，再扫码付款即可。",
            // An emoji's alt is read in place.
            "一位老人把操作步骤发给女儿，女儿回了一个表情微笑说没问题，下次自己也会了。",
            "售票机的说明贴在侧面，样品见下图（图一）。说明上的字号偏小，不少人要凑近才看得清。",
            "站方表示，下个月会在二号入口再添两台，并配一名志愿者。",
            "到了傍晚，排队的人少了，售票机前只剩下几个学生在研究怎么买学生票。",
        ]
    );
    // Nothing of the sentences went into the head; the photo on its own is a caption.
    assert_eq!(v["title"], "一台自助售票机");
    assert_eq!(blocks_of(&v, "caption"), ["车站大厅里的自助售票机。"]);
}

#[test]
fn ad_is_a_whole_class_word_never_the_start_of_a_camelcase_one() {
    let v = outline(&data("class-words.html"));
    // adEditor is no ad: its editor line is a note.
    assert_eq!(blocks_of(&v, "note"), ["【编辑:黄 蕾】"]);
    let text = all_text(&v);
    for ad in ["限时特惠", "招商热线", "全场五折", "广告领红包"] {
        assert!(!text.contains(ad), "an ad shown: {ad} in {text}");
    }
    assert_eq!(blocks_of(&v, "paragraph").len(), 4);
}

#[test]
fn reporters_in_brackets_after_a_dateline_are_a_byline_not_the_story() {
    for (file, dateline, byline, authors) in [
        (
            "dateline-bracket-reporters.html",
            "新华社拉萨11月20日电",
            "（记者次仁多吉、何雨桐）",
            &["次仁多吉", "何雨桐"][..],
        ),
        (
            "dateline-bracket-reporter-ascii.html",
            "中新网上海11月20日电",
            "(记者 钟小川)",
            &["钟小川"][..],
        ),
    ] {
        let v = outline(&data(file));
        assert_eq!(v["dateline"], dateline, "{file}");
        assert_eq!(v["authors"], serde_json::json!(authors), "{file}");
        let paras = blocks_of(&v, "paragraph");
        assert!(paras[0].starts_with("凌晨四点"), "{file}: {paras:#?}");
        assert_eq!(paras.len(), 3, "{file}: {paras:#?}");
        // The page's info line is its byline: the reporters stand as a byline of their
        // own, their text kept.
        assert_eq!(blocks_of(&v, "byline"), [byline], "{file}");
    }
}

#[test]
fn an_editors_note_box_before_the_body_is_a_box_head_and_its_text() {
    let v = outline(&data("editors-note-box.html"));
    let blocks: Vec<(String, String)> = v["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .take(3)
        .map(|b| {
            (
                b["kind"].as_str().expect("kind").to_string(),
                b["text"].as_str().expect("text").to_string(),
            )
        })
        .collect();
    assert_eq!(
        blocks,
        [
            ("heading".to_string(), "编者按".to_string()),
            (
                "paragraph".to_string(),
                "夜市是一座城市的烟火气。本报推出系列报道，记录各地夜市的变迁。".to_string()
            ),
            (
                "paragraph".to_string(),
                "傍晚六点，河边的空地上陆续亮起了灯，摊主们支起棚子，摆出各自的家当。".to_string()
            ),
        ]
    );
    assert_eq!(v["authors"], serde_json::json!(["林知秋"]));
}

#[test]
fn a_traditional_editors_note_in_brackets_with_its_text_apart_is_kept_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("page.html");
    let page = std::fs::read_to_string(data("editors-note-box.html"))
        .expect("fixture")
        .replace(
            "<div class=\"art_bzxx\"><strong>编者按：</strong>夜市是一座城市的烟火气。本报推出系列报道，记录各地夜市的变迁。</div>",
            "<div class=\"lead\"><p>【編者按】</p><p>夜市是一座城市的煙火氣。</p></div>",
        );
    assert!(page.contains("編者按"));
    std::fs::write(&path, page).expect("write");
    let v = outline(path.to_str().expect("UTF-8 path"));
    assert_eq!(blocks_of(&v, "heading")[0], "編者按");
    assert_eq!(blocks_of(&v, "paragraph")[0], "夜市是一座城市的煙火氣。");
}

#[test]
fn a_lead_photo_in_a_lightbox_link_is_a_caption_with_its_credit_not_a_paragraph() {
    let v = outline(&data("lead-photo-lightbox.html"));
    assert_eq!(
        captions(&v),
        [
            (
                "船長黃老伯在甲板上修補漁網。".to_string(),
                Some("林小美".to_string())
            ),
            (
                "船艙裡仍掛著當年的航海日誌。".to_string(),
                Some("黃家提供".to_string())
            ),
        ]
    );
    assert_eq!(v["authors"], serde_json::json!(["林小美"]));
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert!(paras[0].starts_with("清晨的漁港"), "{paras:#?}");
    assert_eq!(blocks_of(&v, "byline"), ["〔記者林小美／基隆報導〕"]);
}

#[test]
fn an_agencys_tail_gives_a_note_and_its_furniture_is_left_out() {
    let v = outline(&data("agency-tail-furniture.html"));
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert_eq!(paras[3], "「燈一暗下來，好像又回到那個時候。」她說。");
    assert_eq!(blocks_of(&v, "note"), ["（編輯：陳小華）1151120"]);
    let text = all_text(&v);
    for furniture in ["非經授權", "上一頁", "本社獨家"] {
        assert!(!text.contains(furniture), "{furniture} shown: {text}");
    }
    // The agency named as the page's author is its source; the reporter its author.
    assert_eq!(v["authors"], serde_json::json!(["林大明"]));
    assert_eq!(v["source"], "中央社");
}

#[test]
fn a_class_the_pages_style_rules_make_bold_makes_a_subhead() {
    // `.s3 { font-weight: bold }` in the page's `<style>`: its short lines are subheads;
    // a class bold only inside another element (`.side .s4`) is not read as bold.
    let v = outline(&data("style-bold-subheads.html"));
    assert_eq!(blocks_of(&v, "heading"), ["雨天的生意", "老主顾"]);
    assert!(
        blocks_of(&v, "paragraph").contains(&"一句短话".to_string()),
        "{v}"
    );
}
