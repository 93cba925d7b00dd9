//! Markdown articles in the shapes blogs and sites write them, read as a user reads
//! them: `outline --json` of the real binary on fixtures written for the project.

mod common;

use common::outline::{blocks, captions, pairs, styled};

use common::cli::{data, outline_json};

#[test]
fn an_image_inside_a_paragraph_keeps_the_paragraph_whole() {
    let v = outline_json(data("formats/inline-images.md"), &[]);
    assert_eq!(
        blocks(&v),
        pairs(&[
            ("paragraph", "开张那年，照相馆只有一台木头相机。"),
            // All the text on both sides of the image, one paragraph; the alt after it.
            (
                "paragraph",
                "老板指着墙上的合影说，这是开张第二年拍的，那时候他才十九岁。"
            ),
            ("caption", "全家福"),
            // An empty alt, or one that is only a file name, is no caption.
            ("paragraph", "柜台边贴着一张价目表，字已经褪了色。"),
            ("paragraph", "橱窗里摆着几个相框，都是旧的。"),
            // A title that is a credit gives the alt its credit.
            ("paragraph", "他把底片一张张摊开，对着灯看。"),
            ("caption", "底片"),
            // An image leading its paragraph: the text beside it is its caption.
            ("caption", "图为照相馆所在的老街。"),
            ("paragraph", "最后一段。"),
        ])
    );
    assert_eq!(
        captions(&v),
        [
            ("全家福".to_string(), None),
            ("底片".to_string(), Some("陈小舟".to_string())),
            (
                "图为照相馆所在的老街。".to_string(),
                Some("陈小舟".to_string())
            ),
        ]
    );
}

#[test]
fn bold_beside_chinese_punctuation_is_bold_never_asterisks() {
    let v = outline_json(data("formats/cjk-emphasis.md"), &[]);
    let span = |t: &str, s: &str| (t.to_string(), s.to_string());
    let got = styled(&v);
    assert_eq!(
        got[..3],
        [
            (
                "老师说的“慢一点”，是这堂课唯一的要求。".to_string(),
                vec![span("“慢一点”", "strong")]
            ),
            (
                "这是《河边周报》的创刊号，也是最后一期（休刊）了。".to_string(),
                vec![
                    span("《河边周报》", "emphasis"),
                    span("最后一期（休刊）", "strong")
                ]
            ),
            (
                "下划线的强调写在句首，写完了。后面接着写。".to_string(),
                vec![span("下划线的强调", "strong"), span("写完了。", "strong")]
            ),
        ]
    );
    // A bold source tag at the head of the lead is its dateline, without markers.
    assert_eq!(v["dateline"], "【本报讯】");
    assert_eq!(got[3], ("江边的夜校今晚开课。".to_string(), vec![]));
    // Code and escaped markers are as written.
    assert_eq!(
        got[4],
        (
            "代码 **不加粗** 和转义的 **也不加粗** 都照原样。".to_string(),
            vec![]
        )
    );
    assert_eq!(got.len(), 5);
}

#[test]
fn footnotes_are_notes_and_an_image_title_gives_the_credit() {
    let v = outline_json(data("formats/footnotes.md"), &[]);
    assert_eq!(
        blocks(&v),
        pairs(&[
            // The reference is not text: no `^name`, no `[^2]`.
            ("paragraph", "放映机架在晒谷场中央，幕布挂在两棵樟树之间。"),
            ("caption", "放映前的晒谷场。"),
            ("paragraph", "“只要有人来看，我就放。”老覃说。"),
            // The footnotes' text kept, as notes where they are defined.
            ("note", "文中老覃为化名。"),
            ("note", "采访于去年冬天。"),
        ])
    );
    assert_eq!(
        captions(&v),
        [("放映前的晒谷场。".to_string(), Some("周一帆".to_string()))]
    );
}

#[test]
fn hugo_figure_shortcodes_are_captions_and_other_shortcodes_are_not_text() {
    let v = outline_json(data("formats/hugo-shortcodes.md"), &[]);
    assert_eq!(
        blocks(&v),
        pairs(&[
            ("paragraph", "天还没亮，渡口已经排起了队。"),
            ("caption", "清晨的渡口。"),
            ("paragraph", "船工老韦把缆绳绕了三圈。"),
            ("caption", "老韦在解缆绳。"),
            ("caption", "江面"),
            // A paired shortcode's content is kept, its tags are not text.
            ("paragraph", "“船一开，一天就开始了。”"),
            ("paragraph", "最后一段。"),
        ])
    );
    assert_eq!(
        captions(&v),
        [
            ("清晨的渡口。".to_string(), Some("何青".to_string())),
            ("老韦在解缆绳。".to_string(), Some("何青".to_string())),
            ("江面".to_string(), None),
        ]
    );
    let lines: Vec<u64> = v["captions"]
        .as_array()
        .expect("captions")
        .iter()
        .map(|c| c["line"].as_u64().expect("line"))
        .collect();
    assert_eq!(lines, [8, 12, 14]);
}

#[test]
fn obsidian_notes_show_their_text_never_their_markup() {
    let v = outline_json(data("formats/obsidian-note.md"), &[]);
    assert_eq!(v["title"], "河埠头的修船匠");
    assert_eq!(
        blocks(&v),
        pairs(&[
            // The tag line is gone; the callout's title is its head, shown apart over
            // its body lines, each a line of its own.
            ("note", "走访记录"),
            ("paragraph", "日期：2025年5月1日上午"),
            ("paragraph", "地点：南湖 三号埠头"),
            (
                "paragraph",
                "修船匠姓祁，今年六十三岁，船坞就搭在河埠头的石阶下面。"
            ),
            // An embed's size is no caption; the italic line under it is.
            ("caption", "祁师傅在船底抹桐油。"),
            // A wiki link is its text; the comment is hidden.
            (
                "paragraph",
                "他说这手艺是跟父亲学的，木船最怕的是漏，缝要一道一道地嵌。"
            ),
            ("heading", "生意"),
            ("paragraph", "“现在来修的，多半是游船。”"),
            // The block id is no text.
            ("paragraph", "一条小木船修一次，要花上半个月。"),
            ("paragraph", "☑ 问清楚桐油从哪里买"),
            ("paragraph", "☐ 下次拍一张船坞全景"),
        ])
    );
}

#[test]
fn typora_toc_highlights_and_hugo_paired_shortcodes_are_markup() {
    let v = outline_json(data("formats/typora-hugo.md"), &[]);
    // `[toc]` before the `#` headline neither shows nor makes it a section.
    assert_eq!(v["title"], "城墙根下的早点摊");
    assert_eq!(
        blocks(&v),
        pairs(&[
            ("paragraph", "每天清晨五点，城墙根下的早点摊就支起来了。"),
            ("paragraph", "文中摊主均为化名。"),
            // An <img> alone, captioned by the italic line under it, as ![]() is.
            ("caption", "摊主在炸油条。"),
            ("paragraph", "摊主老许说，油温是油条的命，差一点都不行。"),
            ("paragraph", "他每天只炸三锅。"),
        ])
    );
    assert_eq!(
        captions(&v),
        [("摊主在炸油条。".to_string(), Some("周岚".to_string()))]
    );
    // The highlight is bold.
    let marked = styled(&v)
        .into_iter()
        .find(|(t, _)| t.starts_with("摊主老许"))
        .expect("paragraph");
    assert_eq!(
        marked.1,
        [("油温是油条的命".to_string(), "strong".to_string())]
    );
}

#[test]
fn a_badge_over_the_body_heads_nothing_and_closing_promotions_are_left_out() {
    let v = outline_json(data("formats/blog-badge.md"), &[]);
    assert_eq!(
        blocks(&v),
        pairs(&[
            ("note", "编辑精选"),
            ("paragraph", "这是作者投稿的年度总结，发表前略有删节。"),
            ("paragraph", "今年我把手机上的应用删到了只剩三个。"),
            ("heading", "写在最后"),
            ("paragraph", "少一个软件，就少一件要操心的事。"),
        ])
    );
}

/// The captions, as (text, credit) pairs of string slices.
fn cap(text: &str, credit: Option<&str>) -> (String, Option<String>) {
    (text.to_string(), credit.map(str::to_string))
}

#[test]
fn a_word_document_converted_by_pandoc_shows_no_attributes_and_its_head_once() {
    let path = data("formats/pandoc-word.md");
    let v = outline_json(&path, &[]);
    assert_eq!(v["title"], "关于老城区夜间公交线路的调查报告");
    assert_eq!(v["authors"], serde_json::json!(["交通研究组"]));
    assert_eq!(
        blocks(&v),
        pairs(&[
            // The bold title and the authors' line over the body are the head's.
            ("heading", "一、线路现状"),
            (
                "paragraph",
                "目前老城区共有夜间公交线路九条，平均发车间隔为二十五分钟。"
            ),
            // The image's `{width=… height=…}` is markup; the numbered line under it
            // is its caption, the source in brackets its credit.
            ("caption", "图1 各线路夜间客流对比"),
            ("heading", "二、改进建议"),
            // A bracketed span's `[…]{.underline}` and code's `{.text}`: markup.
            ("paragraph", "其一缩短主要线路的发车间隔。"),
            (
                "paragraph",
                "其二在地铁末班车到站时段加开接驳车，班次表随季节调整。"
            ),
        ])
    );
    assert_eq!(
        captions(&v),
        [cap("图1 各线路夜间客流对比", Some("市公交集团"))]
    );
    // The title and the authors are printed once.
    let dump = common::cli::run_ok(&["dump", &path]);
    assert_eq!(dump.matches("关于老城区夜间公交线路的调查报告").count(), 1);
    assert_eq!(dump.matches("交通研究组").count(), 1);
}

#[test]
fn a_pandoc_title_block_is_the_head() {
    let path = data("formats/pandoc-title-block.md");
    let v = outline_json(&path, &[]);
    assert_eq!(v["title"], "河边的夜校");
    assert_eq!(v["authors"], serde_json::json!(["郑远", "周晴"]));
    assert_eq!(v["date"], "2026年3月");
    assert_eq!(
        blocks(&v),
        pairs(&[
            (
                "paragraph",
                "夜校开在河边的一座旧仓库里，每周二和周四晚上上课。"
            ),
            ("caption", "图2 夜校的教室"),
            ("paragraph", "最后一段，学员们在门口合影后各自回家。"),
        ])
    );
    let dump = common::cli::run_ok(&["dump", &path]);
    assert!(!dump.contains('%'), "{dump}");
    assert_eq!(dump.matches("河边的夜校").count(), 1, "{dump}");
}

#[test]
fn a_line_under_an_image_that_is_a_caption_is_its_caption() {
    let v = outline_json(data("formats/caption-lines.md"), &[]);
    // Hexo's hierarchy of categories (`- [生活, 手艺]`): the column is its top.
    assert_eq!(v["column"], "生活");
    assert_eq!(
        captions(&v),
        [
            // A `<center>` line under the image, its credit 截图：X.
            cap("堆满零件的工作台", Some("林川")),
            // "图：" over words that name no one is the caption's label.
            cap("三台相机的快门对比", None),
            // "图：" over a name is a credit.
            cap("", Some("林川")),
            // A plain line under the image that opens with its alt.
            cap("门口的木牌，字是老板自己写的", None),
        ]
    );
    assert_eq!(
        common::outline::blocks_of(&v, "paragraph").len(),
        4,
        "{:?}",
        blocks(&v)
    );
}

#[test]
fn a_quoted_info_line_under_the_headline_is_the_byline_and_a_quoted_box_later_is_not() {
    let v = outline_json(data("formats/quoted-info-line.md"), &[]);
    // "> 作者：X｜DATE", a quote of one line opening the text: the article's byline.
    assert_eq!(v["authors"], serde_json::json!(["蔡念"]));
    assert_eq!(v["date"], "2026年3月12日");
    let paras: Vec<String> = blocks(&v)
        .into_iter()
        .filter(|(k, _)| k == "paragraph")
        .map(|(_, t)| t)
        .collect();
    assert!(paras[0].starts_with("小城的公交系统"), "{paras:#?}");
    // A book's box later in the text names the book's author, not the article's.
    assert!(paras.iter().any(|p| p.contains("作者：白露")), "{paras:#?}");
    assert_eq!(paras.len(), 4, "{paras:#?}");
}

#[test]
fn a_copied_post_shows_its_particulars_a_line_each_and_never_the_platform_s_buttons() {
    let v = outline_json(data("formats/platform-copy.md"), &[]);
    // The particulars quoted over the text (作者 / 链接 / 来源 / rights): the author is
    // the article's, the post's own address and the rights notice are left out; the
    // closing credits stay a line each ("文字 | X" never runs into "编辑 | Y").
    assert_eq!(v["authors"], serde_json::json!(["石榴"]));
    assert_eq!(
        blocks(&v),
        pairs(&[
            ("note", "来源：问答社区"),
            (
                "paragraph",
                "外公的收音机放在阁楼上，已经三十年没有响过了。"
            ),
            ("heading", "修好它"),
            ("paragraph", "我花了两个周末，换掉了三只电容。"),
            ("paragraph", "它响起来的那一刻，外公愣了很久。"),
            ("byline", "文字 | 石榴"),
            ("note", "编辑 | 木耳"),
        ])
    );
}

#[test]
fn a_notion_callout_written_as_an_aside_is_the_text_s_own() {
    // Notion exports a callout as `<aside>💡 …</aside>`: in a Markdown text an aside is
    // the writer's box, kept, never a page's sidebar left out.
    let v = outline_json(data("formats/notion-aside.md"), &[]);
    assert_eq!(
        blocks(&v),
        pairs(&[
            ("paragraph", "去年夏天，我在单位的楼顶放了两只蜂箱。"),
            ("paragraph", "💡 城里的蜜蜂采的多是行道树的花。"),
            ("heading", "第一次取蜜"),
            ("paragraph", "九月取了第一次蜜，一共十一斤。"),
        ])
    );
}

#[test]
fn a_readme_s_centred_html_headline_under_its_cover_is_the_title() {
    // `<h1 align="center">` under a cover image, badges under it: the title, and the
    // quoted info line under it the byline, as with a `#` headline.
    let v = outline_json(data("formats/readme-head.md"), &[]);
    assert_eq!(v["title"], "河堤上的风筝");
    assert_eq!(v["authors"], serde_json::json!(["秦岭"]));
    assert_eq!(
        blocks(&v),
        pairs(&[
            ("paragraph", "每到春天，河堤上就飞满了风筝。"),
            ("heading", "做风筝的人"),
            (
                "paragraph",
                "堤下住着一位做风筝的老人，他的风筝从不卖，只送人。"
            ),
        ])
    );
}

#[test]
fn liquid_in_a_link_s_address_keeps_the_link_and_shows_its_text() {
    // Jekyll writes addresses the site fills in (`{{ site.baseurl }}`, `{{ "/a.jpg" |
    // relative_url }}`): the image is still the caption's, the link still its text;
    // in a code span the markup is the text.
    let v = outline_json(data("formats/jekyll-addresses.md"), &[]);
    assert_eq!(
        blocks(&v),
        pairs(&[
            ("paragraph", "巷口的修鞋摊，午后最清闲。"),
            ("caption", "鞋匠在补一只皮鞋。"),
            ("paragraph", "更多照片见相册，写法见 [x]({{ site.url }})。"),
        ])
    );
    assert_eq!(captions(&v), [cap("鞋匠在补一只皮鞋。", Some("向晚"))]);
}

#[test]
fn a_public_account_s_original_mark_line_is_the_info_line() {
    // "原创 NAME ACCOUNT DATE PLACE" under the headline (an account's article saved as
    // Markdown): the writer, the account as the source, the date — not a paragraph.
    let v = outline_json(data("formats/account-article.md"), &[]);
    assert_eq!(v["authors"], serde_json::json!(["苏小满"]));
    assert_eq!(v["source"], "城南手记");
    let paras: Vec<String> = blocks(&v)
        .into_iter()
        .filter(|(k, _)| k == "paragraph")
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        paras,
        [
            "老城墙根下，有一溜窄窄的菜地。",
            "种菜的多是附近的老人，一人一小块。"
        ]
    );
}
