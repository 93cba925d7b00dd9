//! Kinds of text the plain-text parser knows by their printed shape — datelines, editor's
//! and source notes, byline labels with any slash — read the same in HTML and Markdown
//! bodies: `outline --json` of the real binary on pages in the shapes of a Taiwanese
//! wire's page, a mainland paper's page and a Markdown wire story, each held against the
//! same lines in a `.txt` file; and any mix of their forms, parsed in each format,
//! keeps its positions on its file's characters for `check`.

mod common;

use std::sync::Arc;

use common::cli::{format_data as data, yuedu};
use common::outline::{blocks, blocks_of as of_kind, outline};
use proptest::prelude::*;
use serde_json::Value;
use yuedu::check::{DecodeInfo, check};
use yuedu::formats::{Format, parse_shared};

/// The outline of `lines` written as a plain-text article (a title, then one paragraph
/// per line, blank lines between).
fn as_text(title: &str, lines: &[&str]) -> Value {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("same.txt");
    std::fs::write(&path, format!("{title}\n\n{}\n", lines.join("\n\n"))).expect("write");
    outline(path.to_str().expect("path"))
}

/// What the formats must agree on: dateline, authors, and the kinds and texts of the
/// blocks.
fn agreed(v: &Value) -> (Value, Value, Vec<(String, String)>) {
    (v["dateline"].clone(), v["authors"].clone(), blocks(v))
}

#[test]
fn a_taiwanese_wire_page_gives_its_dateline_reporter_and_editor_note() {
    let v = outline(&data("cna-shape-traditional.html"));
    assert_eq!(v["format"], "html");
    assert_eq!(v["title"], "河濱步道夜間點燈 居民散步更安心");
    assert_eq!(v["dateline"], "（中央社記者王大明台北20日電）");
    assert_eq!(v["authors"], serde_json::json!(["王大明"]));
    let paras = of_kind(&v, "paragraph");
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert!(paras[0].starts_with("市府今天宣布"), "{}", paras[0]);
    assert_eq!(of_kind(&v, "note"), ["（編輯：陳小華）1151120"]);
    // The same lines as plain text.
    let text = as_text(
        "河濱步道夜間點燈 居民散步更安心",
        &[
            "（中央社記者王大明台北20日電）市府今天宣布，河濱步道全線完成夜間照明工程，從傍晚六點亮燈到深夜十一點，附近居民晚上散步、運動更安心。",
            "工務局指出，這次共換裝三百多盞節能路燈，並在轉角處加裝反光標誌，讓騎自行車的民眾也能看清前方路況。",
            "居民：晚上終於敢出門",
            "住在附近的陳姓居民說，過去步道一入夜就一片漆黑，只能繞遠路回家，現在每天晚餐後都會帶孩子來走一圈。",
            "工務局表示，未來將依照使用情形調整亮燈時段，也歡迎民眾透過市民專線反映意見。",
            "（編輯：陳小華）1151120",
        ],
    );
    assert_eq!(agreed(&v), agreed(&text));
}

#[test]
fn a_mainland_page_gives_its_dateline_and_end_notes() {
    let v = outline(&data("mainland-dateline.html"));
    assert_eq!(v["dateline"], "本报杭州11月20日电");
    let paras = of_kind(&v, "paragraph");
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert!(paras[0].starts_with("清晨六点"), "{}", paras[0]);
    assert_eq!(of_kind(&v, "note"), ["（完）", "（责任编辑：王丽）"]);
    // Shown as the text format shows it: the head in source order — headline, the info
    // line under it, the dateline — then the paragraph without its dateline.
    let out = yuedu()
        .args(["dump", "--width", "60", &data("mainland-dateline.html")])
        .output()
        .expect("runs");
    let shown = String::from_utf8_lossy(&out.stdout);
    let at = |s: &str| shown.find(s).unwrap_or_else(|| panic!("{s} in {shown}"));
    assert!(
        at("古镇老茶馆迎来年轻茶客") < at("2026年11月20日 来源：东海日报"),
        "{shown}"
    );
    assert!(at("来源：东海日报") < at("本报杭州11月20日电\n"), "{shown}");
    assert!(at("本报杭州11月20日电\n") < at("清晨六点"), "{shown}");
    let text = as_text(
        "古镇老茶馆迎来年轻茶客",
        &[
            "本报杭州11月20日电　清晨六点，古镇的老茶馆已经坐满了人。除了熟悉的老茶客，越来越多的年轻人也来到这里，点一壶茶，听一段评话。",
            "茶馆老板说，近两年来，周末的客人里有一半是外地来的年轻人，不少人专门为了听评话而来。",
            "老手艺有了新听众",
            "说书人每天下午开讲两场，讲的多是本地的老故事。为了吸引年轻人，他们也把一些新鲜事编进了书里。",
            "镇文化站表示，下一步将为茶馆里的说书人录制音频，让更多人在网上也能听到。",
            "（完）",
            "（责任编辑：王丽）",
        ],
    );
    assert_eq!(agreed(&v), agreed(&text));
}

#[test]
fn a_markdown_wire_story_gives_its_dateline_byline_and_notes() {
    let v = outline(&data("xinhua-dateline.md"));
    assert_eq!(v["format"], "markdown");
    assert_eq!(v["dateline"], "新华社上海11月20日电");
    assert_eq!(v["authors"], serde_json::json!(["张三", "李四"]));
    let paras = of_kind(&v, "paragraph");
    assert_eq!(paras.len(), 4, "{paras:#?}");
    assert!(paras[1].starts_with("记者从市林业部门获悉"), "{}", paras[1]);
    assert_eq!(
        of_kind(&v, "note"),
        ["（本报记者 林小雨 整理）", "（责任编辑：王丽）"]
    );
    let text = as_text(
        "湿地公园迎来首批越冬候鸟",
        &[
            "【编者按】每年入冬，候鸟如约而至。本报记者走访了城郊的湿地公园。",
            "新华社上海11月20日电（记者 张三、李四）记者从市林业部门获悉，城郊湿地公园近日迎来今冬首批越冬候鸟，数量比去年同期多出两成。",
            "观鸟的人多了",
            "林业部门的工作人员说，为了不打扰鸟群，公园在核心区设置了观鸟屏障，游客只能在指定区域远远观看。",
            "周末来观鸟的市民带着望远镜和相机，有的一待就是一整天。",
            "（本报记者 林小雨 整理）",
            "（责任编辑：王丽）",
        ],
    );
    assert_eq!(agreed(&v), agreed(&text));
}

#[test]
fn a_big5_page_whose_byline_slash_is_0xa241_gives_its_author_and_credit() {
    let bytes = std::fs::read(data("big5-slash-byline.html")).expect("fixture");
    // The byline's slash as the page stores it: Big5 0xA241, decoded as U+2215.
    assert!(bytes.windows(2).any(|w| w == [0xA2, 0x41]));
    let v = outline(&data("big5-slash-byline.html"));
    assert_eq!(v["encoding"]["name"], "Big5");
    assert_eq!(v["title"], "老街書店的第二個春天");
    assert_eq!(v["authors"], serde_json::json!(["王小明"]));
    assert_eq!(
        v["captions"][0]["text"], "新店主在櫃台前整理新到的舊書。",
        "{:#}",
        v["captions"]
    );
    assert_eq!(v["captions"][0]["credit"], "李小華");
    assert_eq!(of_kind(&v, "paragraph").len(), 4);
}

#[test]
fn byline_and_credit_labels_take_any_slash_in_every_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    for slash in ['/', '／', '\u{2215}', '\u{2044}'] {
        let body = "老書店今天重新開張，店主在櫃台前整理新到的舊書。";
        let caption = "店主在櫃台前整理新到的舊書。";
        let files = [
            (
                "a.txt",
                format!(
                    "老街書店重新開張\n\n文{slash}王小明\n\n{body}\n\n{caption}\n攝影{slash}李小華\n\n店主說，這家店開了四十年。\n"
                ),
            ),
            (
                "a.md",
                format!(
                    "# 老街書店重新開張\n\n**文{slash}王小明**\n\n{body}\n\n![書店](shop.jpg)\n\n*{caption}攝影{slash}李小華*\n\n店主說，這家店開了四十年。\n"
                ),
            ),
            (
                "a.html",
                format!(
                    "<html><head><title>老街書店重新開張</title></head><body><h1>老街書店重新開張</h1><p class=\"author\">文{slash}王小明</p><div class=\"article\"><p>{body}</p><figure><img src=\"shop.jpg\"><figcaption>{caption}攝影{slash}李小華</figcaption></figure><p>店主說，這家店開了四十年。</p></div></body></html>\n"
                ),
            ),
        ];
        for (name, text) in files {
            let path = dir.path().join(name);
            std::fs::write(&path, text).expect("write");
            let v = outline(path.to_str().expect("path"));
            let at = format!("{name} with {slash:?}");
            assert_eq!(v["authors"], serde_json::json!(["王小明"]), "{at}");
            assert_eq!(
                v["captions"][0]["text"], caption,
                "{at}: {:#}",
                v["captions"]
            );
            assert_eq!(v["captions"][0]["credit"], "李小華", "{at}");
            assert_eq!(of_kind(&v, "paragraph").len(), 2, "{at}: {:#?}", blocks(&v));
        }
    }
}

/// `check --json`'s findings as (line, col, rule, message).
fn findings(path: &str) -> Vec<(u64, u64, String, String)> {
    let out = yuedu()
        .args(["check", "--json", path])
        .output()
        .expect("runs");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{path}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().expect("line"),
                f["col"].as_u64().expect("col"),
                f["rule"].as_str().expect("rule").to_string(),
                f["message"].as_str().expect("message").to_string(),
            )
        })
        .collect()
}

#[test]
fn check_reports_what_character_references_hid_at_the_reference() {
    let dir = tempfile::tempdir().expect("tempdir");
    let html = dir.path().join("hidden.html");
    std::fs::write(
        &html,
        "<html><head><title>标题</title></head><body>\n\
         <article><h1>标题&#8203;在此</h1>\n\
         <p>第一段里有&#x202E;反转和&#27;]0;x&#7;铃声，还有零宽&zwj;连接。</p>\n\
         <script>var a = \"&#27;\";</script>\n\
         <p>第二段写出&amp;#27;这几个字。</p>\n\
         </article></body></html>\n",
    )
    .expect("write");
    let got = findings(html.to_str().expect("path"));
    let hidden: Vec<_> = got
        .iter()
        .filter(|f| f.2 == "control-character" || f.2 == "invisible-character")
        .map(|(l, c, r, m)| (*l, *c, r.as_str(), m.as_str()))
        .collect();
    assert_eq!(
        hidden,
        [
            (
                2,
                16,
                "invisible-character",
                "invisible character U+200B written as &#8203;, shown as <U+200B>"
            ),
            (
                3,
                9,
                "control-character",
                "bidirectional control (it can reorder what is shown) U+202E written as &#x202E;, shown as <U+202E>"
            ),
            (
                3,
                20,
                "control-character",
                "control character U+001B written as &#27;, shown as ^["
            ),
            (
                3,
                29,
                "control-character",
                "control character U+0007 written as &#7;, shown as ^G"
            ),
            (
                3,
                40,
                "invisible-character",
                "invisible character U+200D written as &zwj;, shown as <U+200D>"
            ),
        ],
        "{got:#?}"
    );
    // The same characters written directly in a .txt file: the same rules and words.
    let txt = dir.path().join("hidden.txt");
    std::fs::write(
        &txt,
        "标题\u{200B}在此\n\n第一段里有\u{202E}反转和\u{1B}]0;x\u{7}铃声，还有零宽\u{200D}连接。\n",
    )
    .expect("write");
    let direct: Vec<(String, String)> = findings(txt.to_str().expect("path"))
        .into_iter()
        .filter(|f| f.2 == "control-character" || f.2 == "invisible-character")
        .map(|f| (f.2, f.3))
        .collect();
    let from_refs: Vec<(String, String)> = hidden
        .iter()
        .map(|&(_, _, r, m)| {
            let m = match (m.find(" written as "), m.find(", shown as")) {
                (Some(a), Some(b)) => format!("{}{}", &m[..a], &m[b..]),
                _ => m.to_string(),
            };
            (r.to_string(), m)
        })
        .collect();
    assert_eq!(from_refs, direct);
}

#[test]
fn check_reports_hidden_characters_a_page_shows_not_those_in_its_scripts_or_comments() {
    let dir = tempfile::tempdir().expect("tempdir");
    let html = dir.path().join("raw.html");
    std::fs::write(
        &html,
        "<html><body><article><h1>标题</h1>\n\
         <p>第一段里直接写了\u{1B}一个控制字符。</p>\n\
         <script>var bell = \"\u{7}\";</script>\n\
         <!-- 注释里的\u{7} -->\n\
         <p>引用&#0;写出的空字符。</p>\n\
         </article></body></html>\n",
    )
    .expect("write");
    let got: Vec<_> = findings(html.to_str().expect("path"))
        .into_iter()
        .filter(|f| f.2 == "control-character" || f.2 == "replacement-character")
        .map(|f| (f.0, f.1, f.2))
        .collect();
    assert_eq!(
        got,
        [
            (2, 12, "control-character".to_string()),
            (5, 6, "replacement-character".to_string()),
        ]
    );
}

#[test]
fn check_reports_references_a_markdown_article_wrote_but_not_in_code() {
    let dir = tempfile::tempdir().expect("tempdir");
    let md = dir.path().join("hidden.md");
    std::fs::write(
        &md,
        "# 标题\n\n正文里藏了&#x202E;一个反转。\n\n代码里写的 `&#27;` 是字面的。\n",
    )
    .expect("write");
    let got: Vec<_> = findings(md.to_str().expect("path"))
        .into_iter()
        .filter(|f| f.2 == "control-character")
        .map(|f| (f.0, f.1))
        .collect();
    assert_eq!(got, [(3, 6)]);
}

/// A book whose chapters stand in `OEBPS/`, each file with a head of several lines.
fn book() -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let files = [
        ("mimetype", "application/epub+zip"),
        (
            "META-INF/container.xml",
            r#"<?xml version="1.0"?><container><rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>"#,
        ),
        (
            "OEBPS/content.opf",
            r#"<package><metadata><dc:title>河上的渡口</dc:title><dc:creator>周 航</dc:creator></metadata>
<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="a" href="ch1.xhtml" media-type="application/xhtml+xml"/><item id="b" href="text/ch2.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="a"/><itemref idref="b"/></spine></package>"#,
        ),
        (
            "OEBPS/nav.xhtml",
            r#"<html><body><nav><ol><li><a href="ch1.xhtml">一、雾中的船</a></li><li><a href="text/ch2.xhtml">二、桥通了</a></li></ol></nav></body></html>"#,
        ),
        (
            "OEBPS/ch1.xhtml",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head><title>一</title></head>\n<body>\n<h2>一、雾中的船</h2>\n<p>清晨的渡口雾气很重,摆渡人已经把船擦得干干净净。</p>\n</body>\n</html>\n",
        ),
        (
            "OEBPS/text/ch2.xhtml",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<title>二</title>\n</head>\n<body>\n<p>新桥通车那天，渡口第一次没有人排队。</p>\n<p>老人说:“我还是想坐船&#x202E;。”</p>\n<p>（完）</p>\n</body>\n</html>\n",
        ),
    ];
    for (name, body) in files {
        zip.start_file(name, stored).expect("entry");
        zip.write_all(body.as_bytes()).expect("write");
    }
    zip.finish().expect("zip").into_inner()
}

#[test]
fn a_books_findings_and_outline_name_the_chapter_file_and_its_lines() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("book.epub");
    std::fs::write(&path, book()).expect("write");
    let path = path.to_str().expect("path");
    let out = yuedu().args(["check", path]).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    let at = |s: &str| format!("{path}:{s}");
    assert!(
        lines[0].starts_with(&at("OEBPS/ch1.xhtml:6:13: warning halfwidth-punctuation")),
        "{text}"
    );
    assert!(
        lines[1].starts_with(&at(
            "OEBPS/text/ch2.xhtml:8:7: warning halfwidth-punctuation"
        )),
        "{text}"
    );
    assert!(
        lines[2].starts_with(&at("OEBPS/text/ch2.xhtml:8:15: error control-character")),
        "{text}"
    );
    assert_eq!(lines.len(), 4, "{text}");
    let found = findings(path);
    assert_eq!(
        found.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(),
        [(6, 13), (8, 7), (8, 15)]
    );
    let out = yuedu()
        .args(["check", "--json", path])
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["findings"][0]["file_name"], "OEBPS/ch1.xhtml");
    assert_eq!(v["findings"][2]["file_name"], "OEBPS/text/ch2.xhtml");
    let v = outline(path);
    let placed: Vec<(String, String, u64)> = v["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .map(|b| {
            (
                b["text"].as_str().expect("text").to_string(),
                b["file"].as_str().expect("file").to_string(),
                b["line"].as_u64().expect("line"),
            )
        })
        .collect();
    let want = [
        // The table of contents' head and the chapter's own are one, on its line.
        ("一、雾中的船", "OEBPS/ch1.xhtml", 5),
        (
            "清晨的渡口雾气很重,摆渡人已经把船擦得干干净净。",
            "OEBPS/ch1.xhtml",
            6,
        ),
        ("二、桥通了", "OEBPS/text/ch2.xhtml", 6),
        (
            "新桥通车那天，渡口第一次没有人排队。",
            "OEBPS/text/ch2.xhtml",
            7,
        ),
        ("老人说:“我还是想坐船\u{202E}。”", "OEBPS/text/ch2.xhtml", 8),
        ("（完）", "OEBPS/text/ch2.xhtml", 9),
    ]
    .map(|(t, f, l)| (t.to_string(), f.to_string(), l));
    assert_eq!(placed, want);
    assert_eq!(v["sections"][1]["file"], "OEBPS/text/ch2.xhtml");
    // The outline for a person names them too.
    let out = yuedu().args(["outline", path]).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("  OEBPS/ch1.xhtml:5  一、雾中的船  [1 paragraph]"),
        "{text}"
    );
    assert!(text.contains("  OEBPS/text/ch2.xhtml:9  （完）"), "{text}");
}

#[test]
fn a_bracketed_byline_opening_the_first_paragraph_is_the_byline_in_every_format() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = "〔記者林美玲／台南報導〕老街上一間開了四十年的書店，今年重新開張。";
    let second = "店主說，這家店見證了街區的變化。";
    let files = [
        (
            "l.txt",
            format!("老街書店重新開張\n\n{first}\n\n{second}\n"),
        ),
        (
            "l.md",
            format!("# 老街書店重新開張\n\n{first}\n\n{second}\n"),
        ),
        (
            "l.html",
            format!(
                "<html><head><title>老街書店重新開張 - 南港日報</title></head><body><div class=\"whitecon\"><h1>老街書店重新開張</h1><div class=\"text\"><p>{first}</p><p>{second}</p></div></div></body></html>\n"
            ),
        ),
    ];
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        let v = outline(path.to_str().expect("path"));
        assert_eq!(v["authors"], serde_json::json!(["林美玲"]), "{name}");
        assert_eq!(
            of_kind(&v, "paragraph"),
            ["老街上一間開了四十年的書店，今年重新開張。", second],
            "{name}"
        );
    }
}

#[test]
fn a_hong_kong_papers_dispatch_tag_is_the_dateline_in_markdown_and_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = "【明報專訊】維港兩岸的燈光匯演將延長至明年三月，旅遊發展局指，每晚八時準時開始。";
    let second = "市民可在尖沙咀海濱長廊欣賞。";
    for (name, text) in [
        (
            "hk.md",
            format!(
                "---\ntitle: 維港兩岸燈光秀延長\ndate: 2026-11-20\n---\n\n{first}\n\n{second}\n"
            ),
        ),
        (
            "hk.txt",
            format!("維港兩岸燈光秀延長\n\n{first}\n\n{second}\n"),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write");
        let v = outline(path.to_str().expect("path"));
        assert_eq!(v["dateline"], "【明報專訊】", "{name}");
        assert_eq!(
            of_kind(&v, "paragraph"),
            [
                "維港兩岸的燈光匯演將延長至明年三月，旅遊發展局指，每晚八時準時開始。",
                second
            ],
            "{name}"
        );
    }
}

/// The headings of an outline, in order.
fn headings(v: &Value) -> Vec<String> {
    of_kind(v, "heading")
}

#[test]
fn bold_attributions_and_icons_are_never_section_heads() {
    // Markdown: a bold attribution under a quote (——摘自…, 选自…, 来源：…) and a bold
    // icon alone stay text; the bold subhead among them is the one heading.
    let md = outline(&data("bold-attribution.md"));
    assert_eq!(headings(&md), ["槐花饭"]);
    let paras = of_kind(&md, "paragraph");
    assert!(paras.iter().any(|p| p == "——摘自作者日记"), "{paras:#?}");
    assert!(paras.iter().any(|p| p == "选自《河边杂记》"), "{paras:#?}");
    assert_eq!(of_kind(&md, "note"), ["🌿", "来源：作者整理"]);
    // A page: a callout's icon is shown apart as a note, the bold attribution is text,
    // and an ornament line still breaks the sections.
    let page = outline(&data("callout-icon.html"));
    assert_eq!(headings(&page), ["槐花饭", "◆ ◆ ◆"]);
    assert_eq!(of_kind(&page, "note"), ["💡"]);
    let paras = of_kind(&page, "paragraph");
    assert!(paras.iter().any(|p| p == "——摘自外婆的菜谱"), "{paras:#?}");
    assert_eq!(paras.len(), 6, "{paras:#?}");
}

proptest! {
    /// The kinds read with the plain-text rules, in pages and books of any mix of
    /// their forms: no panic, every position in the article a character boundary of
    /// its file, and `check` finds its way through them.
    #[test]
    fn kinds_in_any_mix_keep_positions_in_their_files(
        pieces in prop::collection::vec(prop::sample::select(vec![
            "新华社上海11月20日电（记者 张三、李四）",
            "（中央社記者王大明台北20日電）",
            "（中央社記者王大明、林克",
            "【明報專訊】",
            "〔記者林美玲／台南報導〕",
            "本報台北11月20日電",
            "（編輯：陳小華）1151120",
            "（完）",
            "文∕王小明",
            "攝影⁄李小華",
            "老書店今天重新開張，店主在櫃台前整理新到的舊書。",
            "&#27;]0;x&#7;",
            "&#x202E;",
            "&zwj;",
            "&#",
            "\u{200B}",
            "编者按",
            "（",
            "）",
            "\n\n",
            "<p>",
            "</p>",
        ]), 0..20),
    ) {
        let body = pieces.concat();
        let sources = [
            (Format::Html, format!("<html><body><article><h1>标题</h1><p>{body}</p></article></body></html>")),
            (Format::Markdown, format!("# 标题\n\n{body}\n")),
            (Format::Text, format!("标题\n\n{body}\n")),
        ];
        for (format, text) in sources {
            let text = Arc::new(text);
            let a = parse_shared(format, &text);
            // One file, the text itself: no format here unpacks a container.
            prop_assert_eq!(a.files.len(), 1);
            let ok = |file: u16, at: usize| file == 0 && text.is_char_boundary(at);
            for b in &a.blocks {
                for p in b.parts.iter() {
                    prop_assert!(ok(b.file, p.src()), "{format:?} {b:?}");
                }
            }
            for h in [&a.title, &a.byline, &a.dateline].into_iter().flatten() {
                prop_assert!(ok(h.file, h.src as usize), "{format:?} {h:?}");
            }
            let decode = DecodeInfo {
                encoding: "UTF-8",
                guessed: false,
                replaced: 0,
                format,
            };
            let found = check(&a, &decode, &Default::default());
            for f in found.iter() {
                prop_assert!(f.line >= 1, "{format:?} {f:?}");
            }
        }
    }
}
