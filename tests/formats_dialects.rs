//! Markdown as site generators and note apps write it (Docusaurus, VuePress, MkDocs,
//! Jekyll/kramdown, Hexo, Zola, Logseq, Notion, Bear), read as a user reads it:
//! `outline --json` and `dump` of the real binary on fixtures written for the project.
//! Their markup is never text; what it says is read as what it is.

mod common;

use common::cli::{data, outline_json, run_ok};
use common::outline::{authors, blocks, captions, outline, pairs, sections};
use serde_json::Value;

/// What `dump` shows of a fixture, and that none of `never` is in it.
fn dump_without(rel: &str, never: &[&str]) -> String {
    let path = data(rel);
    let shown = run_ok(&["dump", "--width", "200", &path]);
    for n in never {
        assert!(!shown.contains(n), "{n:?} shown in {rel}:\n{shown}");
    }
    shown
}

#[test]
fn containers_are_boxes_and_mdx_is_no_text() {
    let v = outline_json(data("formats/site-containers.md"), &[]);
    assert_eq!(v["title"], "山口的邮差");
    // Docusaurus lists authors as maps: their names only.
    assert_eq!(authors(&v), ["石若川", "梁棠"]);
    assert_eq!(
        blocks(&v),
        pairs(&[
            (
                "paragraph",
                "每周二和周五，邮差老方背着绿色的邮包，走四个小时山路去山口村。"
            ),
            // A box's title is its head, shown apart, never run into its body.
            ("note", "写在前面"),
            ("paragraph", "这是“山路上的人”系列的第二篇。"),
            // No title: the kind, as the Chinese themes print it.
            ("note", "备注"),
            ("paragraph", "村里的老人大多不识字，信由老方念给他们听。"),
            ("heading", "一条路"),
            // A paragraph that only starts with colons, and `::` inside a sentence,
            // stay text.
            (
                "paragraph",
                ":::这一行以三个冒号开头，是文章的正文，没有结束的冒号行。"
            ),
            (
                "paragraph",
                "老方说，路上最怕的是下雨::石头滑，邮包也会湿。"
            ),
            // Nested boxes, the outer one with more colons.
            ("note", "数据"),
            ("paragraph", "山口村有四十一户人家，常住的只有十九户。"),
            ("note", "怎么算的"),
            ("paragraph", "按去年年底的户籍登记。"),
            // A table's rows are shown but are not the story's paragraphs.
            ("note", "年份 | 信件 | 包裹"),
            ("note", "2016 | 320 | 40"),
            ("note", "2026 | 35 | 610"),
            ("heading", "回程"),
            (
                "paragraph",
                "天黑以前，老方回到镇上，把收来的信交给分拣员。"
            ),
        ])
    );
    // The heads stand at the lines that open their boxes.
    let lines: Vec<u64> = v["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .filter(|b| b["kind"] == "note")
        .take(4)
        .map(|b| b["line"].as_u64().expect("line"))
        .collect();
    assert_eq!(lines, [16, 22, 34, 38]);
    dump_without(
        "formats/site-containers.md",
        &[
            "import", "export", "{/*", "*/}", ":::tip", ":::note", "::::", "name:",
        ],
    );
}

#[test]
fn mkdocs_boxes_and_tabs_keep_their_indented_bodies_as_text() {
    let v = outline_json(data("formats/mkdocs-boxes.md"), &[]);
    assert_eq!(
        blocks(&v),
        pairs(&[
            ("note", "采访说明"),
            ("paragraph", "本文采访于2026年3月，文中人物均用化名。"),
            ("paragraph", "部分数据由街道办提供。"),
            (
                "paragraph",
                "渡槽修好以后，下面空出来一条长长的荒地。退休的老汤第一个在那里种了菜。"
            ),
            // `??? note` without a title: its kind.
            ("note", "备注"),
            ("paragraph", "渡槽建于上世纪七十年代，全长一点二公里。"),
            // An empty title shows none; its body is still text.
            ("paragraph", "这一段没有标题。"),
            ("heading", "一季菜"),
            // A content tab's label heads its body; emphasis inside is a style.
            ("note", "春天"),
            ("paragraph", "种的是莴笋和菠菜。"),
            ("note", "秋天"),
            ("paragraph", "种的是萝卜。"),
            // Inside fenced code nothing is markup.
            ("paragraph", "!!! note \"这是代码里的文字\"\n    不是提示框"),
            // GitHub's alert.
            ("note", "提示"),
            ("paragraph", "菜园里的水来自渡槽的渗水。"),
            ("paragraph", "收菜的时候，老汤总要给邻居们每家送一把。"),
        ])
    );
    dump_without(
        "formats/mkdocs-boxes.md",
        &["!!! info", "???", "=== ", "[!TIP]", "**"],
    );
    // A body's text is found at its own column, behind the indent.
    let v = outline(&data("formats/mkdocs-boxes.md"));
    let body = &v["blocks"][1];
    assert_eq!(body["line"], 4);
}

#[test]
fn kramdown_and_liquid_are_markup_and_figures_give_captions() {
    let v = outline_json(data("formats/jekyll-kramdown.md"), &[]);
    // Jekyll's author as a map: its name.
    assert_eq!(authors(&v), ["钱映秋"]);
    assert_eq!(
        blocks(&v),
        pairs(&[
            ("paragraph", "巷子尽头的修鞋铺，要到夜里十点才关门。"),
            ("caption", "修鞋铺的灯下，鞋跟被一只只换好。"),
            ("heading", "手艺"),
            (
                "paragraph",
                "老板姓贝，修了三十年鞋。他说，鞋跟磨成什么样，就知道人怎么走路。"
            ),
            ("caption", "新换的鞋底"),
            ("paragraph", "夜里来的大多是刚下班的人。"),
        ])
    );
    assert_eq!(
        captions(&v),
        [
            (
                "修鞋铺的灯下，鞋跟被一只只换好。".to_string(),
                Some("钱映秋".to_string())
            ),
            ("新换的鞋底".to_string(), None),
        ]
    );
    dump_without(
        "formats/jekyll-kramdown.md",
        &["TOC", "{:", "{%", "%}", "{#craft}", "备忘"],
    );
}

#[test]
fn zola_extra_author_taxonomies_and_figure_shortcodes() {
    let v = outline_json(data("formats/zola-page.md"), &[]);
    assert_eq!(authors(&v), ["葛云起"]);
    assert_eq!(v["column"], "城市");
    assert_eq!(
        blocks(&v),
        pairs(&[
            ("paragraph", "轮渡停航前的最后一个晚上，船上坐满了人。"),
            ("caption", "最后一班轮渡离开码头"),
            ("paragraph", "船长说，明天起他去开观光船。"),
        ])
    );
    assert_eq!(
        captions(&v)[0],
        (
            "最后一班轮渡离开码头".to_string(),
            Some("葛云起".to_string())
        )
    );
    dump_without("formats/zola-page.md", &["{{", "}}", "youtube"]);
}

#[test]
fn a_logseq_page_gives_its_properties_and_its_bullets_are_blocks() {
    let v = outline_json(data("formats/logseq-page.md"), &[]);
    assert_eq!(v["title"], "桥头的磨刀人");
    assert_eq!(authors(&v), ["陶知远"]);
    assert_eq!(v["date"], "2026-01-20");
    assert_eq!(
        blocks(&v),
        pairs(&[
            (
                "paragraph",
                "每个月的头一个星期天，磨刀的老向会在桥头支起他的板凳。"
            ),
            ("heading", "一块磨刀石"),
            ("paragraph", "老向的磨刀石用了二十年，中间磨出了一道弧。"),
            // Task keywords are the task's box.
            ("paragraph", "☐ 问清楚磨刀石是从哪里买的"),
            ("paragraph", "☑ 拍一张板凳的照片"),
            (
                "paragraph",
                "天黑以前，他把板凳绑在自行车后座上，慢慢骑回家。"
            ),
        ])
    );
    dump_without(
        "formats/logseq-page.md",
        &["::", "id", "TODO", "DONE", "{{embed", "[[", "• "],
    );
}

#[test]
fn notion_properties_are_metadata_and_a_credited_line_under_a_photo_its_caption() {
    let v = outline_json(data("formats/notion-export.md"), &[]);
    assert_eq!(v["title"], "江边的夜钓者");
    assert_eq!(authors(&v), ["邵北辰"]);
    assert_eq!(v["date"], "2026年3月8日");
    assert_eq!(v["column"], "城市夜归人");
    assert_eq!(
        blocks(&v),
        pairs(&[
            (
                "paragraph",
                "晚上九点以后，江堤上陆续来了夜钓的人。他们带着折叠凳、头灯和一壶热茶。"
            ),
            ("caption", "江堤上的夜钓者。"),
            ("paragraph", "老米说，他钓鱼不为吃，只为江风。"),
            // Speakers' lines name no field: text, not properties.
            ("paragraph", "李明: 你今天钓到几条？王芳: 一条也没有。"),
        ])
    );
    assert_eq!(
        captions(&v),
        [("江堤上的夜钓者。".to_string(), Some("邵北辰".to_string()))]
    );
    dump_without("formats/notion-export.md", &["状态", "日期:"]);
}

#[test]
fn bear_highlights_and_a_bold_credit_line_is_no_heading() {
    let v = outline_json(data("formats/bear-note.md"), &[]);
    let b = blocks(&v);
    assert_eq!(
        b,
        pairs(&[
            ("paragraph", "养蜂人老季把十二个蜂箱搬上了六楼的屋顶。"),
            ("paragraph", "蜜蜂飞出去三公里，再飞回来。"),
            // `::` inside a word is no highlight.
            (
                "paragraph",
                "他在笔记本上写过一行 std::io 之类的字，说是儿子教他的。"
            ),
            // A bold credit line is a credit, never a section's heading: a caption of
            // no text with that credit.
            ("caption", ""),
            ("heading", "取蜜"),
            ("paragraph", "取蜜那天，他穿上白色的防护服，一箱一箱地看。"),
        ])
    );
    assert_eq!(sections(&v), ["取蜜"]);
    assert_eq!(
        captions(&v),
        [(String::new(), Some("受访者提供".to_string()))]
    );
    dump_without(
        "formats/bear-note.md",
        &["#非虚构", "::蜜蜂", "再飞回来。::"],
    );
}

#[test]
fn a_bold_credit_line_on_a_page_is_no_heading_either() {
    // The rule for bold lines is shared: a page's `<strong>` credit as Markdown's `**`.
    let v = outline_json(data("formats/bold-credit.html"), &[]);
    assert_eq!(sections(&v), ["屋顶上的秋天"]);
    // A caption of no text with that credit.
    assert_eq!(
        captions(&v),
        [(String::new(), Some("视觉中国".to_string()))]
    );
    assert!(
        !blocks(&v).iter().any(|(_, t)| t.contains("视觉中国")),
        "the credit is no block's text"
    );
}

#[test]
fn book_generators_directives_link_cards_and_chapter_pagers_are_no_text() {
    // mdBook's `{{#include}}`/`{{#title}}`, GitBook's `{% content-ref %}` card (and the
    // link it holds) and the prev/next line are markup; a GitBook hint's text stays.
    let rel = "formats/book-generators.md";
    let v = outline_json(data(rel), &[]);
    assert_eq!(
        blocks(&v),
        pairs(&[
            (
                "paragraph",
                "渡口的船工每天清晨五点起床，先把船舱里的积水舀干净。"
            ),
            ("paragraph", "渡船每半小时一班，末班船在晚上七点。"),
            (
                "paragraph",
                "他说，这条河上的渡口，原来有七个，现在只剩两个了。"
            ),
        ])
    );
    dump_without(rel, &["{{", "{%", "chapter4", "上一章", "include"]);
}

#[test]
fn a_callouts_lines_are_never_the_notes_byline_and_created_dates_it() {
    let v = outline_json(data("formats/callout-book-note.md"), &[]);
    // 作者：X inside a 书目信息 box names the book's author, not the note's.
    assert_eq!(v["authors"], Value::Array(Vec::new()));
    assert_eq!(v["byline"], Value::Null);
    // `created:` dates the note when no `date:` does.
    assert_eq!(v["date"], "2025-11-08");
    // Each box's title over its lines, in the order written.
    assert_eq!(
        blocks(&v)[..5],
        pairs(&[
            ("note", "书目信息"),
            (
                "paragraph",
                "作者：钟离远\u{3000}出版社：某某书局\u{3000}2023年"
            ),
            ("note", "摘录"),
            ("note", "文/钟离远"),
            (
                "paragraph",
                "这本书从一座渡口写起，写了撑船人三代的生活，也写了渡口边那条街的兴衰。"
            ),
        ])
    );
}
