//! Saved pages' captions and credits, furniture and `check` positions, read as a user
//! reads them (`outline --json` and `check --json` of the real binary). Pages written
//! for the project in the shapes real sites give them: screen-reader labels and a credit
//! above the photo (BBC), a credit span in a figcaption (NYT), 攝：X, a credit alone
//! under a photo, a caption printed above its photo (WeChat), a byline listed item by
//! item, a promotion box, a paywall line, a post's edit stamp.

mod common;

use common::cli::{format_data as data, yuedu};
use common::outline::{blocks_of, captions, fixture as outline};

use serde_json::Value;

fn caption(text: &str, credit: Option<&str>) -> (String, Option<String>) {
    (text.to_string(), credit.map(str::to_string))
}

#[test]
fn captions_lose_their_labels_and_keep_their_credits_wherever_the_page_prints_them() {
    let v = outline("page-captions.html");
    assert_eq!(
        captions(&v),
        [
            // A hidden "图像加注文字，" label left out; "图像来源，X" above the photo.
            caption("渡船靠上对岸的码头。", Some("陈一帆")),
            // <span class="credit"> in the figcaption.
            caption("老周在驾驶舱里看江面。", Some("Lin Wei")),
            caption(
                "2024年3月2日，江北，乘客在船舱里等待靠岸。",
                Some("梁小川/示例晚報")
            ),
            // A credit alone under a photo without alt: a caption of no text.
            caption("", Some("示例晚报许文静")),
            caption("码头边晾着的渔网", Some("作者")),
            // Printed above its photo.
            caption("老周的工作日志。", Some("受访者供图")),
        ]
    );
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 7, "{paras:#?}");
    let all = serde_json::to_string(&v["blocks"]).expect("JSON");
    for gone in ["图像加注文字", "图像来源", "扫码关注", "投稿邮箱"] {
        assert!(!all.contains(gone), "{gone} shown: {all}");
    }
    // The credits are shown, once each.
    let dump = common::cli::run_ok(&["dump", "--width", "200", &data("page-captions.html")]);
    for credit in [
        "图像来源，陈一帆",
        "Lin Wei for the Example Daily",
        "攝：梁小川/示例晚報",
        "图片来源：示例晚报 许文静",
    ] {
        assert_eq!(dump.matches(credit).count(), 1, "{credit}: {dump}");
    }
    assert!(dump.contains("▲ 图片来源：示例晚报 许文静\n"), "{dump}");
}

#[test]
fn furniture_around_a_story_is_left_out_and_its_text_is_not() {
    let v = outline("page-furniture.html");
    // The byline listed item by item is the head's one byline, not three paragraphs:
    // its name the author, the role and the place filed from not.
    assert_eq!(v["authors"], serde_json::json!(["何青禾"]));
    let dump = common::cli::run_ok(&["dump", "--width", "200", &data("page-furniture.html")]);
    assert_eq!(
        dump.matches("何青禾\u{3000}示例新闻记者\u{3000}发自云南怒江\n")
            .count(),
        1,
        "{dump}"
    );
    let paras = blocks_of(&v, "paragraph");
    assert!(paras[0].starts_with("晚上七点"), "{paras:#?}");
    // A list in the story stays; a sentence naming a members' text is the story's.
    assert!(paras.iter().any(|p| p == "• 周一：手机拍照"), "{paras:#?}");
    assert!(
        paras.iter().any(|p| p.contains("会员专享的网课")),
        "{paras:#?}"
    );
    assert_eq!(
        paras.last().map(String::as_str),
        Some("课上到九点，灯灭了，山路上亮起一串手电筒的光。")
    );
    assert_eq!(paras.len(), 8, "{paras:#?}");
    let all = serde_json::to_string(&v["blocks"]).expect("JSON");
    for gone in ["节目推介", "山里来信", "立即订阅", "IP 属地", "编辑于"] {
        assert!(!all.contains(gone), "{gone} shown: {all}");
    }
    // The date alone under the headline is no paragraph.
    assert!(
        !paras.iter().any(|p| p.contains("2025年3月8日")),
        "{paras:#?}"
    );
}

/// The 1-based line and column (in characters) where `needle` first stands in `source`
/// at or after line `line`.
fn place(source: &str, line: usize, needle: &str) -> (u64, u64) {
    let text = source.lines().nth(line - 1).expect("line");
    let at = text.find(needle).expect("needle on its line");
    (line as u64, text[..at].chars().count() as u64 + 1)
}

#[test]
fn check_gives_the_place_the_page_wrote_each_character() {
    let path = data("page-positions.html");
    let source = std::fs::read_to_string(&path).expect("fixture");
    let out = yuedu()
        .args(["check", "--json", &path])
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let found: Vec<(String, u64, u64)> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().expect("rule").to_string(),
                f["line"].as_u64().expect("line"),
                f["col"].as_u64().expect("col"),
            )
        })
        .collect();
    let at = |rule: &str, (line, col): (u64, u64)| (rule.to_string(), line, col);
    let expected = [
        // In the meta author's value, not the first &#x200B; of the page.
        at("invisible-character", place(&source, 1, "&#x200B;晓")),
        at("invisible-character", place(&source, 1, "&#x200B;船")),
        // After inline tags: the space itself.
        at("space-between-chinese", place(&source, 2, " <b>")),
        // A reference opening a paragraph: the reference, not the line's start.
        at("unbalanced-pairs", place(&source, 3, "&#x300c;")),
        // In an image's alt.
        at("invisible-character", place(&source, 4, "&#x200B;夜景")),
    ];
    for e in &expected {
        assert!(found.contains(e), "{e:?} not in {found:?}");
    }
}

#[test]
fn a_front_matter_byline_reports_its_own_line_and_is_shown_under_the_headline() {
    let path = data("page-frontmatter.md");
    let outline = common::cli::run_ok(&["outline", &path]);
    let line_of = |label: &str| {
        outline
            .lines()
            .find(|l| l.starts_with(label))
            .unwrap_or_else(|| panic!("{label} in {outline}"))
            .to_string()
    };
    assert!(line_of("authors").ends_with("(line 4)"), "{outline}");
    assert!(line_of("subtitle").ends_with("(line 5)"), "{outline}");
    let dump = common::cli::run_ok(&["dump", "--width", "60", &path]);
    let order: Vec<usize> = ["渡口的早班船", "一条航线和它的三十年", "韩小舟", "清晨五点"]
        .iter()
        .map(|t| dump.find(t).unwrap_or_else(|| panic!("{t} in {dump}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{dump}");
}

#[test]
fn a_printed_caption_label_is_not_the_captions_text() {
    // 配图：, 圖：, 图片： before a caption's text; 图：NAME alone is a credit.
    assert_eq!(
        captions(&outline("caption-labels.html")),
        [
            caption("雨后的石板路。", None),
            caption("石板縫裡長出的青苔。", Some("方曉禾")),
            caption("", Some("方晓禾")),
        ]
    );
    assert_eq!(
        captions(&outline("caption-labels.md")),
        [
            caption("雨后的石板路。", Some("方晓禾")),
            caption("石板缝里长出的青苔。", None),
        ]
    );
}

#[test]
fn a_photo_byline_span_in_a_caption_block_is_its_credit() {
    // `div.photo_caption` holding the caption and a `span.photo_byline`: the span is
    // the credit, never glued onto the caption's text.
    let v = outline("caption-byline-span.html");
    assert_eq!(
        captions(&v),
        [caption("早上六点，第一班渡轮靠岸。", Some("Anna Keller"))]
    );
    assert_eq!(blocks_of(&v, "paragraph").len(), 3);
}
