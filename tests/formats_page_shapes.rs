//! More kinds of text saved pages print, read as a user reads them (`outline --json` of
//! the real binary): ornaments set above subheads (a section's number, a row of
//! diamonds), images inside sentences (an emoji's alt is text, a photo's a caption).
//! Pages written for the project in the shapes of those sites.

mod common;

use common::cli::{format_data as data, run_ok as run};
use common::outline::{blocks, blocks_of, captions, outline, sections};

#[test]
fn a_number_set_above_a_subhead_is_part_of_it_and_a_lone_ornament_is_a_break() {
    let v = outline(&data("ornament-heads.html"));
    // The number stays, joined to its head; no head of its own. A short line under a
    // number is a head however it is styled (雨天的生意 is only coloured).
    // Decoration over text is a section break that heads the text after it, as a
    // short line does in plain text.
    let heads = [
        "01 第一位客人",
        "— 02 — 雨天的生意",
        "◆ ◆ ◆",
        "收工以后",
        "Part 3 最后一单",
    ];
    assert_eq!(sections(&v), heads);
    assert_eq!(blocks_of(&v, "heading"), heads);
    // Decoration over a head, and a number with no head under it, heads nothing:
    // shown apart as a note, never a paragraph nor a head of its own.
    assert_eq!(blocks_of(&v, "note"), ["* * *", "壹", "- END -"]);
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 9, "{paras:#?}");
    assert!(
        paras
            .iter()
            .all(|p| !p.contains('◆') && p != "壹" && p != "01"),
        "{paras:#?}"
    );
    // The break stands where the page prints it.
    let b = blocks(&v);
    let at = b.iter().position(|(_, t)| t == "◆ ◆ ◆").expect("the break");
    assert!(b[at - 1].1.starts_with("一到下雨天"), "{b:#?}");
    assert!(b[at + 1].1.starts_with("雨停了"), "{b:#?}");
    let at = b.iter().position(|(_, t)| t == "* * *").expect("the break");
    assert_eq!(b[at + 1], ("heading".to_string(), "收工以后".to_string()));
}

#[test]
fn a_captions_separator_before_its_credit_is_not_part_of_the_caption() {
    let v = outline(&data("ornament-heads.html"));
    assert_eq!(
        captions(&v),
        [("铺子门口的工具墙".to_string(), Some("受访者".to_string()))]
    );
}

#[test]
fn an_emojis_alt_inside_a_sentence_is_text_and_a_photos_is_a_caption_after_it() {
    let v = outline(&data("inline-image-alts.html"));
    assert_eq!(
        blocks(&v)
            .iter()
            .map(|(k, t)| format!("{k}: {t}"))
            .collect::<Vec<_>>(),
        [
            "paragraph: 物业在社区群里发了一条通知，说周六上午要停水检修，请大家提前储水。",
            // An alt in brackets, as chat apps write an emoji's.
            "paragraph: 住在三楼的王阿姨回了一个[强]，又补了一句会提前接好水。",
            // An image 20 pixels wide is an icon.
            "paragraph: 楼下的小店老板发来拱手表示理解，说周六照常营业。",
            // A photo inside the sentence: the sentence stays whole, the alt follows it.
            "paragraph: 通知里附了一张检修路线图，标出了要挖开的几段路面。",
            "caption: 检修路线示意图",
            "paragraph: 到了周六中午，水就来了，比通知说的还早了一个小时。",
        ]
    );
}

#[test]
fn a_column_tag_printed_with_the_headline_is_the_column_not_the_title() {
    let v = outline(&data("column-tag-headline.html"));
    assert_eq!(v["title"], "一座老桥的“新生”");
    // The tag printed with the headline names the story's column more closely than
    // the breadcrumb's channel.
    assert_eq!(v["column"], "乡村新观察");
    assert_eq!(blocks_of(&v, "paragraph").len(), 3);
}

#[test]
fn a_gallerys_credit_under_or_before_its_caption_is_that_captions_credit() {
    let v = outline(&data("gallery-credits.html"));
    assert_eq!(v["title"], "湖边的候鸟季");
    assert_eq!(v["column"], "组图");
    let c = |t: &str, n: Option<&str>| (t.to_string(), n.map(str::to_string));
    assert_eq!(
        captions(&v),
        [
            c("1月8日，成群的候鸟在湖面上觅食。", Some("宋知远")),
            // The credit on its own line after <br>.
            c("1月8日，护鸟员在湖边清点鸟群数量。", Some("宋知远")),
            // The credit printed first, an ideographic space before the caption.
            c("湖面日出", Some("湖區管理處網站")),
            c("游客在观鸟台上拍照。", None),
            // The mark pointing at the photo is the reader's own ▲.
            c("湖边新修的观鸟步道。", None),
        ]
    );
    // Nothing of them became a note or a paragraph.
    assert_eq!(blocks_of(&v, "note"), ["【责任编辑:林 舟】"]);
    assert!(blocks_of(&v, "paragraph").is_empty());
    // The credits are shown as printed.
    let dump = run(&["dump", "--width", "80", &data("gallery-credits.html")]);
    assert!(
        dump.contains("1月8日，护鸟员在湖边清点鸟群数量。 北岸网记者 宋知远 摄"),
        "{dump}"
    );
    assert!(dump.contains("湖面日出 圖／取自湖區管理處網站"), "{dump}");
    assert!(dump.contains("▲ 湖边新修的观鸟步道。"), "{dump}");
    assert!(!dump.contains("▲▲") && !dump.contains("▲ ▲"), "{dump}");
}

#[test]
fn a_data_tables_rows_are_shown_apart_and_are_no_paragraphs_of_the_story() {
    let path = data("data-table.html");
    let v = outline(&path);
    // The page laid out in a table is still its paragraphs.
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert!(paras[1].starts_with("负责人老顾"), "{paras:#?}");
    assert!(paras[2].starts_with("菜价三年没涨"), "{paras:#?}");
    // The data table's rows, cells parted by bars, in their place.
    let b = blocks(&v);
    let rows: Vec<&str> = b
        .iter()
        .filter(|(k, _)| k == "note")
        .map(|(_, t)| t.as_str())
        .collect();
    assert_eq!(
        rows,
        [
            "年份 | 日均用餐 | 一荤一素",
            "2023 | 180人 | 12元",
            "2025 | 420人 | 12元"
        ]
    );
    let first = b
        .iter()
        .position(|(_, t)| t.starts_with("年份"))
        .expect("row");
    assert!(b[first - 1].1.starts_with("负责人老顾"), "{b:#?}");
    // dump shows each row on a line of its own, not indented as a paragraph.
    let dump = run(&["dump", "--width", "60", &path]);
    assert!(dump.lines().any(|l| l == "2023 | 180人 | 12元"), "{dump}");
}

#[test]
fn an_editor_line_the_page_prints_twice_is_shown_once_but_a_tables_equal_rows_stay() {
    let v = outline(&data("editor-line-twice.html"));
    assert_eq!(
        blocks_of(&v, "note"),
        [
            "航次 | 信件",
            "夜班 | 30封",
            "夜班 | 30封",
            "【责任编辑:韩 林】"
        ]
    );
    assert_eq!(blocks_of(&v, "paragraph").len(), 3);
}

#[test]
fn a_quotation_or_a_question_under_a_sections_number_is_its_head() {
    let v = outline(&data("numbered-quote-heads.html"));
    // The number says a head follows: a quoted phrase with a comma inside it, or a
    // question, heads its section there, the number joined to it; never the number
    // alone as a note and the head as a paragraph.
    let heads = ["01 “修得好，也修不完”", "02 谁来接这个摊？"];
    assert_eq!(sections(&v), heads);
    assert_eq!(blocks_of(&v, "heading"), heads);
    assert!(blocks_of(&v, "note").is_empty(), "{:#?}", blocks(&v));
    // A quoted sentence set bold is a pull quote, not a head.
    let paras = blocks_of(&v, "paragraph");
    assert!(
        paras.contains(&"“能修的东西，扔了可惜。”".to_string()),
        "{paras:#?}"
    );
    assert_eq!(paras.len(), 7, "{paras:#?}");
    // The account that publishes is the source, not a second author.
    assert_eq!(v["authors"], serde_json::json!(["沈青禾"]));
    assert_eq!(v["source"], "巷子手记");
}

#[test]
fn a_document_saved_from_an_editor_has_its_title_style_as_the_headline() {
    // Google Docs' "Download as HTML": no <title>, the Title and Subtitle styles'
    // paragraphs (p.title, p.subtitle) over the text — the head, never paragraphs.
    let v = outline(&data("editor-export.html"));
    assert_eq!(v["title"], "菜市场的磨刀人");
    assert_eq!(v["subtitle"], "一块磨刀石用了二十年");
    assert_eq!(v["authors"], serde_json::json!(["闻笛"]));
    assert_eq!(sections(&v), ["老主顾"]);
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 3, "{paras:#?}");
    assert!(paras[0].starts_with("周六早上"), "{paras:#?}");
}

#[test]
fn a_class_named_bold_makes_a_line_a_subhead_without_the_site_s_style_sheet() {
    // A saved page without its style sheet: `span.feed-strong`, `span.font-bold` say
    // bold by their names, so a short line of only them is a subhead.
    let v = outline(&data("class-named-bold.html"));
    assert_eq!(sections(&v), ["一块石头一幅画", "涨水以后"]);
    assert_eq!(blocks_of(&v, "paragraph").len(), 6);
}

#[test]
fn a_subhead_under_the_first_paragraphs_is_never_the_headline() {
    // No h1, a <title> that names no block: the headline is the <title>'s, and the
    // bold line after two paragraphs stays a subhead.
    let v = outline(&data("subhead-not-headline.html"));
    assert_eq!(v["title"], "湖边的候鸟");
    assert_eq!(sections(&v), ["数鸟是个细活"]);
    assert_eq!(blocks_of(&v, "paragraph").len(), 3);
}

#[test]
fn a_named_bold_line_between_the_pieces_of_a_split_body_is_a_subhead() {
    // A feed platform's body: each paragraph in a `div` of one class, a subhead one of
    // them holding only `span.feed-strong` (no sentence, no score of its own).
    let v = outline(&data("split-body-named-bold.html"));
    assert_eq!(sections(&v), ["跟着花期走", "冬天的守候"]);
    assert_eq!(blocks_of(&v, "paragraph").len(), 6);
}
