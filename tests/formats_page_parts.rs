//! Parts of a saved page's article that its site sets in its own elements, read by the
//! real binary as a user reads them (`outline --json`, `dump`): a subtitle set as a
//! plain line under the headline. Pages written for the project.

mod common;

use common::cli::{format_data as data, run_ok as run};
use common::outline::{blocks_of, captions, fixture as outline, sections};

use serde_json::json;

fn dump(name: &str) -> String {
    run(&["dump", "--width", "200", &data(name)])
}

#[test]
fn a_short_plain_line_under_the_headline_is_the_subtitle() {
    let v = outline("head-plain-subtitle.html");
    assert_eq!(v["title"], "河埠头的洗衣台");
    assert_eq!(v["kicker"], "老街的水边又有了人声");
    // Printed nowhere else: never left out with the head's furniture.
    assert_eq!(v["subtitle"], "旧城微更新｜三处石阶修好后的头一个秋天");
    assert_eq!(v["authors"], json!(["贺春生"]));
    assert_eq!(sections(&v), ["石匠的办法"]);
    assert_eq!(blocks_of(&v, "paragraph").len(), 4);
    let shown = dump("head-plain-subtitle.html");
    assert_eq!(
        shown.matches("三处石阶修好后的头一个秋天").count(),
        1,
        "{shown}"
    );
}

#[test]
fn a_byline_list_with_labels_for_a_screen_reader_names_the_person() {
    let v = outline("labelled-byline-list.html");
    // The person the list names, never the organisation of the metadata.
    assert_eq!(v["authors"], json!(["苏念青"]));
    // A related box's heading inside the article is furniture with its links.
    assert_eq!(sections(&v), ["“草场还是那片草场”", "补偿怎么算"]);
    assert_eq!(blocks_of(&v, "paragraph").len(), 5);
    let shown = dump("labelled-byline-list.html");
    assert!(shown.contains("苏念青　环球新闻中文记者"), "{shown}");
    for gone in ["作者，", "职务，", "相关内容", "• "] {
        assert!(!shown.contains(gone), "{gone}: {shown}");
    }
}

#[test]
fn ad_placeholders_rights_notices_and_a_related_link_are_furniture() {
    let v = outline("ads-rights-related.html");
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 4, "{paras:?}");
    assert!(paras[3].starts_with("附近的居民说"), "{paras:?}");
    let shown = dump("ads-rights-related.html");
    for gone in ["广告", "延伸阅读", "夜跑步道", "版权", "©"] {
        assert!(!shown.contains(gone), "{gone}: {shown}");
    }
}

#[test]
fn an_amp_image_is_an_image_and_its_title_gives_the_caption_with_its_credit() {
    let v = outline("amp-image-title.html");
    assert_eq!(
        captions(&v),
        [
            (
                "店里按年代排好的旧期刊书架。".to_string(),
                Some("梁舒".to_string())
            ),
            (
                "老板在柜台后给订单写地址。".to_string(),
                Some("梁舒".to_string())
            ),
        ]
    );
    assert_eq!(blocks_of(&v, "paragraph").len(), 3);
}
