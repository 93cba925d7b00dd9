//! HTML pages and Markdown articles read as a user reads them: `outline --json`, `dump`
//! and `check --json` of the real binary on pages written in the shapes of real sites
//! (a people.com.cn-like GBK page, a udn-like Traditional Chinese page, a portal page of
//! `<br>`-separated text) and on the shared cases.

mod common;

use common::outline::{all_text, blocks_of, captions, outline, sections};

use common::cli::yuedu;
use serde_json::Value;

fn data(name: &str) -> String {
    common::cli::data(&format!("formats/{name}"))
}

fn run(args: &[&str]) -> (Vec<u8>, String) {
    let out = yuedu().args(args).output().expect("runs");
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.code().is_some_and(|c| c <= 1), "{args:?}: {err}");
    (out.stdout, err)
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Everything shown as text: title, paragraphs, headings, captions.
fn shown(v: &Value) -> String {
    format!("{}\n{}", v["title"].as_str().unwrap_or(""), all_text(v))
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}' && *c != '\u{a0}')
        .collect()
}

/// The shared case's expectation, field by field.
fn assert_case(path: &str, v: &Value) {
    let exp: Value = serde_json::from_str(
        &std::fs::read_to_string(format!("{path}.expected.json")).expect("expected json"),
    )
    .expect("json");
    assert_eq!(v["title"], exp["title"], "title");
    for key in ["column", "source", "date"] {
        if let Some(want) = exp[key].as_str() {
            let got = v[key].as_str().unwrap_or("");
            assert!(
                norm(got).contains(&norm(want)),
                "{key}: {got:?}, expected {want:?}"
            );
        }
    }
    let authors: Vec<String> = strs(&v["authors"]).iter().map(|a| norm(a)).collect();
    let want: Vec<String> = strs(&exp["authors"]).iter().map(|a| norm(a)).collect();
    assert_eq!(authors, want, "authors");
    assert_eq!(sections(v), strs(&exp["sections"]), "sections");
    let want: Vec<(String, Option<String>)> = exp["captions"]
        .as_array()
        .expect("captions")
        .iter()
        .map(|c| {
            (
                c["text"].as_str().expect("text").to_string(),
                c["credit"].as_str().map(str::to_string),
            )
        })
        .collect();
    assert_eq!(captions(v), want, "captions");
    let notes = blocks_of(v, "note");
    for n in strs(&exp["notes"]) {
        assert!(
            notes.iter().any(|x| norm(x) == norm(&n)),
            "note {n:?} in {notes:?}"
        );
    }
    let text = shown(v);
    for x in strs(&exp["not_shown_as_text"]) {
        assert!(!text.contains(&x), "{x:?} shown:\n{text}");
    }
    if let Some(n) = exp["paragraphs_at_least"].as_u64() {
        assert!(blocks_of(v, "paragraph").len() as u64 >= n);
    }
}

#[test]
fn the_shared_html_case_reads_as_its_expectation() {
    let path = data("feature.html");
    let v = outline(&path);
    assert_eq!(v["format"], "html");
    assert_case(&path, &v);
    // The page has six body paragraphs (<p> elements less the bold subhead); the case
    // file says 7. The first is the one written in numeric character references.
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 6, "{paras:#?}");
    assert_eq!(
        paras[1],
        "这些年，镇里把闲置的老房子改成了工作室，请来十多位非遗传承人入驻。"
    );
    assert!(paras[5].starts_with("“在家门口就能做喜欢的事"));
}

#[test]
fn the_shared_markdown_case_reads_as_its_expectation() {
    let path = data("feature.md");
    let v = outline(&path);
    assert_eq!(v["format"], "markdown");
    assert_case(&path, &v);
    let paras = blocks_of(&v, "paragraph");
    // The standfirst quote first, the pull quote a paragraph, list items as text.
    assert!(paras[0].starts_with("一条船、三千册书"), "{paras:#?}");
    assert!(
        paras
            .iter()
            .any(|p| p == "“孩子们最爱看漫画版的《西游记》。”")
    );
    assert!(paras.iter().any(|p| p.contains("东岛：借书最多的是童书")));
    // The title is shown once: no heading or paragraph repeats it.
    assert!(
        !blocks_of(&v, "heading")
            .iter()
            .any(|h| h.contains("流动图书馆"))
    );
    // No Markdown marker in what the reader shows.
    let (dump, _) = run(&["dump", "--width", "60", &path]);
    let dump = String::from_utf8(dump).expect("utf-8");
    for marker in ["**", "![", "](", "---", "title:", "## ", "> "] {
        assert!(!dump.contains(marker), "{marker:?} in:\n{dump}");
    }
}

#[test]
fn a_gbk_page_declared_in_its_meta_is_decoded_and_its_furniture_left_out() {
    let v = outline(&data("people-shape-gbk.html"));
    assert_eq!(v["title"], "山村小学的第一间科学教室");
    // The kicker above the headline.
    assert_eq!(v["kicker"], "走进乡村学校");
    assert_eq!(strs(&v["authors"]), ["吴桐"]);
    assert_eq!(v["source"], "南江日报");
    assert!(
        v["date"]
            .as_str()
            .expect("date")
            .starts_with("2026年09月03日")
    );
    assert_eq!(v["column"], "教育");
    assert_eq!(sections(&v), ["从“听科学”到“做科学”", "老师也在学"]);
    assert_eq!(
        captions(&v),
        [(
            "孩子们在科学教室里用显微镜观察树叶。".to_string(),
            Some("吴桐".to_string())
        )]
    );
    // The deck under the headline is its subtitle.
    assert_eq!(v["subtitle"], "显微镜、天文望远镜走进大山");
    assert_eq!(blocks_of(&v, "note"), ["(责编：孙雨、钱林)"]);
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 6, "{paras:#?}");
    assert!(paras[0].starts_with("开学第一天"));
    assert!(paras[5].starts_with("校长赵山说"));
    let text = shown(&v);
    for furniture in [
        "推荐阅读",
        "热点新闻",
        "版权所有",
        "分享到",
        "登录",
        "县城图书馆",
    ] {
        assert!(!text.contains(furniture), "{furniture} shown");
    }
    // Read as GB18030 because the meta says so, not guessed.
    let (out, _) = run(&["check", "--json", &data("people-shape-gbk.html")]);
    let check: Value = serde_json::from_slice(&out).expect("json");
    assert!(
        !check.to_string().contains("encoding-guess"),
        "the declared charset is not a guess: {check}"
    );
}

#[test]
fn a_traditional_chinese_page_gives_its_byline_date_and_credits() {
    let v = outline(&data("udn-shape-traditional.html"));
    assert_eq!(v["title"], "老街書店的第二個春天");
    assert_eq!(strs(&v["authors"]), ["林美玲"]);
    assert_eq!(v["date"], "2026-10-05 09:20");
    assert_eq!(v["source"], "聯合新聞網");
    assert_eq!(sections(&v), ["舊書也有新讀者", "社區一起守護"]);
    assert_eq!(
        captions(&v),
        [(
            "老書店重新開張，店主在櫃台前整理新到的舊書。".to_string(),
            Some("林美玲".to_string())
        )]
    );
    assert_eq!(blocks_of(&v, "note"), ["（編輯：黃文華）"]);
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 6, "{paras:#?}");
    let text = shown(&v);
    for furniture in ["廣告", "延伸閱讀", "分享", "著作權", "首頁", "NewsArticle"] {
        assert!(!text.contains(furniture), "{furniture} shown");
    }
}

#[test]
fn a_page_of_line_breaks_keeps_its_paragraphs_and_their_lines() {
    let v = outline(&data("portal-shape.html"));
    assert_eq!(v["title"], "江边的候鸟观测站");
    assert_eq!(v["column"], "社会");
    assert_eq!(strs(&v["authors"]), ["郑远"]);
    assert_eq!(v["source"], "北岸晚报");
    let lines: Vec<u64> = v["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .filter(|b| b["kind"] == "paragraph")
        .map(|b| b["line"].as_u64().expect("line"))
        .collect();
    // Each paragraph on the line its text stands on in the file.
    let file = std::fs::read_to_string(data("portal-shape.html")).expect("read");
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 4);
    for (p, line) in paras.iter().zip(&lines) {
        let src = file.lines().nth(*line as usize - 1).expect("line");
        assert!(
            src.contains(&p[..9]),
            "{p:?} is not on line {line}: {src:?}"
        );
    }
    assert_eq!(blocks_of(&v, "note"), ["【责任编辑：钱 多】"]);
}

#[test]
fn the_format_comes_from_the_flag_then_the_extension_then_the_content() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = std::fs::read(data("feature.html")).expect("read");
    let bare = dir.path().join("saved-page");
    std::fs::write(&bare, &page).expect("write");
    let v = outline(bare.to_str().expect("path"));
    assert_eq!(v["format"], "html");
    assert_eq!(v["title"], "古镇老街里的“非遗”新生活");
    let v: Value = serde_json::from_slice(
        &run(&[
            "outline",
            "--json",
            "--format",
            "text",
            &data("feature.html"),
        ])
        .0,
    )
    .expect("json");
    // Plain text keeps its outline as it was: no format key.
    assert!(v.get("format").is_none(), "{v}");
    assert!(v["title"] != "古镇老街里的“非遗”新生活");
    // A page saved with a .txt name is a page (its doctype says so beyond doubt);
    // Markdown's signs do not override the name.
    let named_text = dir.path().join("export.txt");
    std::fs::write(&named_text, &page).expect("write");
    let v = outline(named_text.to_str().expect("path"));
    assert_eq!(v["format"], "html");
    assert_eq!(v["title"], "古镇老街里的“非遗”新生活");
    let md_as_text = dir.path().join("notes.txt");
    std::fs::write(
        &md_as_text,
        std::fs::read(data("feature.md")).expect("read"),
    )
    .expect("write");
    assert!(
        outline(md_as_text.to_str().expect("path"))
            .get("format")
            .is_none()
    );
    let md = dir.path().join("article");
    std::fs::write(&md, std::fs::read(data("feature.md")).expect("read")).expect("write");
    assert_eq!(outline(md.to_str().expect("path"))["format"], "markdown");
    // The registry's alias, in any case, as its name.
    for name in ["md", "MD", "markdown"] {
        let (json, _) = run(&["outline", "--json", "--format", name, &data("feature.html")]);
        let v: Value = serde_json::from_slice(&json).expect("json");
        assert_eq!(v["format"], "markdown", "--format {name}");
    }
    let out = yuedu()
        .args(["outline", "--format", "pdf", &data("feature.md")])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("pdf"));
    // The text outline says the format too.
    let (text, _) = run(&["outline", &data("feature.md")]);
    assert!(String::from_utf8_lossy(&text).contains("format   markdown"));
}

#[test]
fn check_positions_point_into_the_source_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = "<!DOCTYPE html>\n<html><head><title>测试</title></head>\n<body><article>\n<h1>检查的标题</h1>\n<p>第一段文字很长很长，这里有一个半角逗号,就在这里。</p>\n<p>第二段也很长很长很长，没有问题的句子。</p>\n</article></body></html>\n";
    let html = dir.path().join("a.html");
    std::fs::write(&html, page).expect("write");
    let md = dir.path().join("a.md");
    std::fs::write(
        &md,
        "---\ntitle: 检查的标题\n---\n\n第零段没有问题，句子很好。\n\n  第一段文字很长，这里有一个半角逗号,就在这里。\n",
    )
    .expect("write");
    for (path, line) in [(&html, 5usize), (&md, 7)] {
        let src = std::fs::read_to_string(path).expect("read");
        let (out, _) = run(&["check", "--json", path.to_str().expect("path")]);
        let v: Value = serde_json::from_slice(&out).expect("json");
        let f = v["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .find(|f| f["rule"] == "halfwidth-punctuation")
            .unwrap_or_else(|| panic!("no finding in {v}"));
        assert_eq!(f["line"].as_u64(), Some(line as u64), "{f}");
        let col = f["col"].as_u64().expect("col") as usize;
        let at = src
            .lines()
            .nth(line - 1)
            .expect("line")
            .chars()
            .nth(col - 1);
        assert_eq!(at, Some(','), "{path:?} {f}");
    }
}

#[test]
fn check_positions_hold_on_a_page_written_on_one_line() {
    // A minified page: every paragraph on line 1, the one with the comma far along it.
    let dir = tempfile::tempdir().expect("tempdir");
    let filler = "<p>这一段没有问题，句子写得很好。</p>".repeat(400);
    let page = format!(
        "<!DOCTYPE html><html><body><article><h1>一行的网页</h1>{filler}<p>这里有一个半角逗号,就在这里。</p>{filler}</article></body></html>"
    );
    let html = dir.path().join("one-line.html");
    std::fs::write(&html, &page).expect("write");
    let (out, _) = run(&["check", "--json", html.to_str().expect("path")]);
    let v: Value = serde_json::from_slice(&out).expect("json");
    let f = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "halfwidth-punctuation")
        .unwrap_or_else(|| panic!("no finding in {v}"));
    assert_eq!(f["line"].as_u64(), Some(1), "{f}");
    let col = f["col"].as_u64().expect("col") as usize;
    assert_eq!(page.chars().nth(col - 1), Some(','), "{f}");
}

#[test]
fn check_columns_are_the_characters_own_after_markup_and_entities() {
    // Each line has one half-width comma after something the text does not show as it
    // stands in the source: a strong marker, a link, an entity, a list marker.
    let dir = tempfile::tempdir().expect("tempdir");
    let md = dir.path().join("marks.md");
    std::fs::write(
        &md,
        "---\ntitle: 标记之后的位置\n---\n\n这是**很要紧**的事,大家都知道。\n\n请看[这篇报道](https://example.com/a)里的话,写得很清楚。\n\n- 列表里的**一项**内容,也要找准。\n\n网址里也有逗号：[链接](https://example.com/a?b=1,2)和**加粗**,然后是正文。\n",
    )
    .expect("write");
    let html = dir.path().join("entities.html");
    std::fs::write(
        &html,
        "<!DOCTYPE html><html><body><article><h1>实体之后的位置</h1>\n<p>&#20013;&#25991;&#32593;页里的字,写成了实体。</p>\n<p>这里有<a href=\"/x\">一个链接</a>和<b>粗体</b>的字,后面是逗号。</p>\n</article></body></html>\n",
    )
    .expect("write");
    for (path, want) in [(&md, 4usize), (&html, 2)] {
        let src = std::fs::read_to_string(path).expect("read");
        let (out, _) = run(&["check", "--json", path.to_str().expect("path")]);
        let v: Value = serde_json::from_slice(&out).expect("json");
        let commas: Vec<&Value> = v["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| f["rule"] == "halfwidth-punctuation")
            .collect();
        assert_eq!(commas.len(), want, "{v}");
        for f in commas {
            let line = f["line"].as_u64().expect("line") as usize;
            let col = f["col"].as_u64().expect("col") as usize;
            let at = src
                .lines()
                .nth(line - 1)
                .and_then(|l| l.chars().nth(col - 1));
            assert_eq!(at, Some(','), "{path:?} {f}");
        }
    }
}

/// A book of two chapters written for the project, as `yuedu` gets it: a zip with
/// its mimetype first, an OPF package, an EPUB 3 nav document.
fn epub_bytes() -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let files: [(&str, &str, zip::write::SimpleFileOptions); 6] = [
        ("mimetype", "application/epub+zip", stored),
        (
            "META-INF/container.xml",
            r#"<?xml version="1.0"?><container><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>"#,
            deflated,
        ),
        (
            "content.opf",
            r#"<package><metadata><dc:title>河上的渡口</dc:title><dc:creator>周 航</dc:creator></metadata>
<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/><item id="b" href="b.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="a"/><itemref idref="b"/></spine></package>"#,
            deflated,
        ),
        (
            "nav.xhtml",
            r#"<html><body><nav><ol><li><a href="a.xhtml">一、雾中的船</a></li><li><a href="b.xhtml">二、桥通了</a></li></ol></nav></body></html>"#,
            deflated,
        ),
        (
            "a.xhtml",
            "<html><body><h2>一、雾中的船</h2><p>清晨的渡口雾气很重，摆渡人已经把船擦得干干净净。</p></body></html>",
            deflated,
        ),
        (
            "b.xhtml",
            "<html><body><p>新桥通车那天，渡口第一次没有人排队。</p><p>（完）</p></body></html>",
            deflated,
        ),
    ];
    for (name, body, opts) in files {
        zip.start_file(name, opts).expect("entry");
        zip.write_all(body.as_bytes()).expect("write");
    }
    zip.finish().expect("zip").into_inner()
}

#[test]
fn an_epub_reads_as_one_article_with_its_table_of_contents_as_sections() {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in ["book.epub", "book-without-extension"] {
        let path = dir.path().join(name);
        std::fs::write(&path, epub_bytes()).expect("write");
        let v = outline(path.to_str().expect("path"));
        assert_eq!(v["format"], "epub", "{name}");
        assert_eq!(v["title"], "河上的渡口");
        assert_eq!(strs(&v["authors"]), ["周航"]);
        assert_eq!(sections(&v), ["一、雾中的船", "二、桥通了"]);
        assert_eq!(blocks_of(&v, "paragraph").len(), 2);
        assert_eq!(blocks_of(&v, "note"), ["（完）"]);
    }
    // Not a book: a clear message naming the file, exit 2.
    let bad = dir.path().join("bad.epub");
    std::fs::write(&bad, b"PK\x03\x04 this is not a zip").expect("write");
    let out = yuedu()
        .args(["outline", bad.to_str().expect("path")])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.epub") && err.contains("EPUB"), "{err}");
}

#[test]
fn an_article_header_is_read_and_share_and_related_blocks_named_article_are_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<title>夜班公交上的图书角-新闻频道-西湾网</title>
<meta name="publishdate" content="2026-06-01">
</head><body>
<div class="header"><div class="logo"><a href="/"><img src="/logo.png" alt="西湾网新闻频道首页"></a></div><ul class="menu"><li><a href="/">首页</a></li></ul></div>
<div class="news-position"><a href="/">首页</a>&gt;<a href="/city">城市</a>&gt;正文</div>
<article class="main">
<header class="article-header"><h1><span class="title">夜班公交上的图书角</span></h1>
<div class="header-time"><span>2026-06-01 21:40:00</span> <span class="source">来源：西湾日报</span></div></header>
<div id="detail">
<p>　　晚上十点，最后一班公交车驶出总站，车厢后排的小书架上摆着二十多本书。</p>
<p align="center"><img src="/a.jpg"></p>
<p align="center"><font color="navy">　　乘客在夜班公交上翻看图书。西湾日报记者 孟 川 摄</font></p>
<p>　　司机老罗说，书是乘客们自己放的，看完再放回来，一年下来一本也没丢。</p>
<p><strong>书架越来越满</strong></p>
<p>　　如今，全市已有十二条夜班线路设了图书角。</p>
</div>
<div class="editor">【责任编辑:孟川】</div>
<div class="article-share"><span>分享到：</span><a>微信</a><a>微博</a></div>
<div class="related-article"><h3>相关阅读</h3><ul><li><a href="/1">一条相关的新闻标题文字</a></li></ul></div>
</article>
</body></html>
"#;
    let path = dir.path().join("p.html");
    std::fs::write(&path, page).expect("write");
    let v = outline(path.to_str().expect("path"));
    assert_eq!(v["title"], "夜班公交上的图书角");
    assert_eq!(v["column"], "城市");
    assert_eq!(v["source"], "西湾日报");
    assert_eq!(v["date"], "2026-06-01 21:40:00");
    assert_eq!(sections(&v), ["书架越来越满"]);
    assert_eq!(
        captions(&v),
        [(
            "乘客在夜班公交上翻看图书。".to_string(),
            Some("孟川".to_string())
        )]
    );
    assert_eq!(blocks_of(&v, "note"), ["【责任编辑:孟川】"]);
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 3, "{paras:#?}");
    assert!(paras[0].starts_with("晚上十点"));
    assert!(paras[2].starts_with("如今，全市已有"));
    let text = shown(&v);
    for furniture in [
        "分享到",
        "相关阅读",
        "一条相关的新闻",
        "首页",
        "西湾网新闻频道首页",
    ] {
        assert!(!text.contains(furniture), "{furniture} shown:\n{text}");
    }
}

#[test]
fn a_gbk_page_whose_meta_names_another_charset_is_read_as_gbk() {
    let dir = tempfile::tempdir().expect("tempdir");
    for declared in ["utf-8", "big5"] {
        let page = format!(
            r#"<!DOCTYPE html><html><head><meta charset="{declared}">
<title>河边的夜校</title></head><body>
<article><h1>河边的夜校</h1>
<p>每周三晚上七点，河边的老仓库亮起灯，二十多位学员准时坐进教室。</p>
<p>他们白天在工地、菜场和快递站上班，晚上来学写字、学算账、学用手机办事。</p>
<p>老师是附近中学退休的语文教师，她说，来上课的人比她想的还要多。</p>
</article></body></html>
"#
        );
        let (gbk, _, unmappable) = encoding_rs::GBK.encode(&page);
        assert!(!unmappable);
        let path = dir.path().join(format!("night-{declared}.html"));
        std::fs::write(&path, &gbk).expect("write");
        let path = path.to_str().expect("path");
        let v = outline(path);
        assert_eq!(v["title"], "河边的夜校", "{declared}");
        let text = shown(&v);
        assert!(!text.contains('\u{FFFD}'), "{declared}: mojibake:\n{text}");
        assert!(text.contains("学员准时坐进教室"), "{declared}:\n{text}");
        let (out, _) = run(&["check", "--json", path]);
        let check = String::from_utf8_lossy(&out).into_owned();
        assert!(!check.contains("replaced"), "{declared}: {check}");
    }
}

#[test]
fn markdown_with_crlf_or_cr_line_ends_keeps_its_front_matter() {
    let dir = tempfile::tempdir().expect("tempdir");
    let lf = "---\ntitle: 河边的夜校\ncolumn: 城市\ndate: 2026-05-20\n---\n\n# 河边的夜校\n\n每周三晚上七点，河边的老仓库亮起灯。\n\n## 老师\n\n老师是附近中学退休的语文教师。\n";
    for (name, text) in [
        ("crlf", lf.replace('\n', "\r\n")),
        ("cr", lf.replace('\n', "\r")),
    ] {
        let path = dir.path().join(format!("{name}.md"));
        std::fs::write(&path, &text).expect("write");
        let v = outline(path.to_str().expect("path"));
        assert_eq!(v["title"], "河边的夜校", "{name}");
        assert_eq!(v["column"], "城市", "{name}");
        assert_eq!(v["date"], "2026-05-20", "{name}");
        assert_eq!(sections(&v), ["老师"], "{name}");
        assert_eq!(blocks_of(&v, "paragraph").len(), 2, "{name}");
    }
}

#[test]
fn an_italic_line_under_a_markdown_image_is_its_caption_and_credit() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "# 河边的夜校\n\n每周三晚上七点，河边的老仓库亮起灯。\n\n![夜校课堂](night.jpg)\n\n*夜校里的学员在练字。王磊 摄*\n\n老师是附近中学退休的语文教师。\n\n![仓库外景](outside.jpg)\n\n仓库外的河堤上种满了柳树。\n";
    let path = dir.path().join("night.md");
    std::fs::write(&path, text).expect("write");
    let v = outline(path.to_str().expect("path"));
    assert_eq!(
        captions(&v),
        [
            ("夜校里的学员在练字。".to_string(), Some("王磊".to_string())),
            ("仓库外景".to_string(), None),
        ]
    );
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 3, "{paras:#?}");
    assert!(!paras.iter().any(|p| p.contains("练字")), "{paras:#?}");
}
