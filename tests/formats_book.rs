//! EPUB books read as a user reads them, through the real binary: the package's date
//! and publisher, positions naming the file inside the book (the package for the
//! metadata, the chapter for the text), a credit after a full-width space, and books a
//! careless or hostile maker broke — a bad rootfile listed first, a missing table of
//! contents, a chapter outside the book — read with a note instead of refused.
//! The books are written here, for the project, with the zip crate.

mod common;

use std::io::Write;

use common::cli::{outline_json, run_ok};
use common::outline::{blocks, blocks_of, captions, sections};

const OPF: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>江上的灯塔</dc:title>
<dc:creator>林 远</dc:creator>
<dc:publisher>北岸文艺出版社</dc:publisher>
<dc:date>2025-04-01</dc:date>
</metadata>
<manifest>
NAV_ITEM
<item id="a" href="text/a.xhtml" media-type="application/xhtml+xml"/>
<item id="b" href="text/b.xhtml" media-type="application/xhtml+xml"/>
<item id="x" href="../../outside.xhtml" media-type="application/xhtml+xml"/>
</manifest>
<spine>
<itemref idref="a"/>SPINE_EXTRA<itemref idref="b"/>
</spine>
</package>
"#;

const CHAPTER_A: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>
<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>a</title></head>
<body>
<h1>第一章　守塔人</h1>
<p>老周在岛上守了二十年灯塔，每天傍晚准时点灯。</p>
<figure><img src=\"../img/t.jpg\" alt=\"\"/><figcaption>灯塔旧照。　作者家藏</figcaption></figure>
</body></html>
";

const CHAPTER_B: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>
<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>b</title></head>
<body>
<h1>第二章　新灯</h1>
<p>换上新灯那天，他在塔下坐了很久,没有说话。</p>
</body></html>
";

const NAV: &str = r#"<html xmlns="http://www.w3.org/1999/xhtml"><body><nav><ol>
<li><a href="text/a.xhtml">第一章　守塔人</a></li><li><a href="text/b.xhtml">第二章　新灯</a></li>
</ol></nav></body></html>"#;

/// A book: `rootfiles` as container.xml lists them, the nav document only when
/// `with_nav` (listed in the manifest either way), a chapter outside the book in the
/// spine when `outside`.
fn book(rootfiles: &[&str], with_nav: bool, outside: bool) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).expect("entry");
    zip.write_all(b"application/epub+zip").expect("write");
    let opts = zip::write::SimpleFileOptions::default();
    let mut put = |name: &str, body: &str| {
        zip.start_file(name, opts).expect("entry");
        zip.write_all(body.as_bytes()).expect("write");
    };
    let listed: String = rootfiles
        .iter()
        .map(|r| {
            format!("<rootfile full-path=\"{r}\" media-type=\"application/oebps-package+xml\"/>")
        })
        .collect();
    put(
        "META-INF/container.xml",
        &format!("<?xml version=\"1.0\"?><container><rootfiles>{listed}</rootfiles></container>"),
    );
    let opf = OPF
        .replace(
            "NAV_ITEM",
            r#"<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>"#,
        )
        .replace(
            "SPINE_EXTRA",
            if outside { r#"<itemref idref="x"/>"# } else { "" },
        );
    put("OEBPS/content.opf", &opf);
    if with_nav {
        put("OEBPS/nav.xhtml", NAV);
    }
    put("OEBPS/text/a.xhtml", CHAPTER_A);
    put("OEBPS/text/b.xhtml", CHAPTER_B);
    zip.finish().expect("zip").into_inner()
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    path.to_str().expect("path").to_string()
}

#[test]
fn the_package_gives_date_and_publisher_and_positions_name_the_file_in_the_book() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        &dir,
        "book.epub",
        &book(&["OEBPS/content.opf"], true, false),
    );
    let v = outline_json(&path, &[]);
    assert_eq!(v["title"], "江上的灯塔");
    assert_eq!(v["date"], "2025-04-01");
    assert_eq!(v["source"], "北岸文艺出版社");
    assert_eq!(sections(&v), ["第一章　守塔人", "第二章　新灯"]);
    assert_eq!(
        captions(&v),
        [("灯塔旧照。".to_string(), Some("作者家藏".to_string()))]
    );
    assert!(blocks_of(&v, "note").is_empty(), "{v}");
    // The outline names the package's lines for the metadata, the chapter's for the
    // text.
    let text = run_ok(&["outline", &path]);
    for want in [
        "title    江上的灯塔  (OEBPS/content.opf:4)",
        "authors  林远  (OEBPS/content.opf:5)",
        "source   北岸文艺出版社  (OEBPS/content.opf:6)",
        "date     2025-04-01  (OEBPS/content.opf:7)",
    ] {
        assert!(text.contains(want), "{want:?} not in:\n{text}");
    }
    for (file, heading) in [("a", "第一章　守塔人"), ("b", "第二章　新灯")] {
        assert!(
            text.lines().any(|l| l
                .trim_start()
                .starts_with(&format!("OEBPS/text/{file}.xhtml:"))
                && l.contains(heading)),
            "{heading} not in:\n{text}"
        );
    }
    // check names the chapter and its own line and column.
    let out = common::cli::yuedu()
        .args(["check", &path])
        .output()
        .expect("runs");
    let found = String::from_utf8_lossy(&out.stdout);
    assert!(
        found.contains("book.epub:OEBPS/text/b.xhtml:5:19:"),
        "{found}"
    );
}

#[test]
fn a_broken_book_is_read_with_notes_saying_what_was_passed_over() {
    let dir = tempfile::tempdir().expect("tempdir");
    // A rootfile outside the book and one missing listed before the real one; no nav
    // document; a chapter outside the book in the spine.
    let bytes = book(
        &[
            "../../etc/content.opf",
            "OEBPS/missing.opf",
            "OEBPS/content.opf",
        ],
        false,
        true,
    );
    let path = write(&dir, "broken.epub", &bytes);
    let v = outline_json(&path, &[]);
    assert_eq!(v["title"], "江上的灯塔");
    // Without a table of contents the chapters come in spine order, their own
    // headings kept.
    assert_eq!(sections(&v), ["第一章　守塔人", "第二章　新灯"]);
    let paras = blocks_of(&v, "paragraph");
    assert_eq!(paras.len(), 2, "{paras:?}");
    assert!(paras[1].starts_with("换上新灯那天"));
    let notes = blocks_of(&v, "note");
    assert_eq!(notes.len(), 4, "{notes:#?}");
    assert!(notes[0].contains("../../etc/content.opf"), "{notes:?}");
    assert!(notes[1].contains("OEBPS/missing.opf"), "{notes:?}");
    assert!(notes[2].contains("nav.xhtml"), "{notes:?}");
    assert!(
        notes[3].contains("outside.xhtml") && notes[3].contains("outside the book"),
        "{notes:?}"
    );
    // A book with no readable rootfile at all is still refused, naming the file.
    let none = write(&dir, "none.epub", &book(&["../x.opf"], true, false));
    let out = common::cli::yuedu()
        .args(["outline", &none])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("none.epub") && err.contains("outside the book"),
        "{err}"
    );
}

/// A book of `files` (path, text) after its mimetype and container (the package at
/// `EPUB/content.opf`).
fn zip_book(files: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).expect("entry");
    zip.write_all(b"application/epub+zip").expect("write");
    let opts = zip::write::SimpleFileOptions::default();
    let container = "<?xml version=\"1.0\"?><container><rootfiles><rootfile full-path=\"EPUB/content.opf\" media-type=\"application/oebps-package+xml\"/></rootfiles></container>";
    for (name, body) in [("META-INF/container.xml", container)].iter().chain(files) {
        zip.start_file(*name, opts).expect("entry");
        zip.write_all(body.as_bytes()).expect("write");
    }
    zip.finish().expect("zip").into_inner()
}

const PANDOC_OPF: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<package version="3.0" xmlns="http://www.idpf.org/2007/opf">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>TITLE</dc:title>
<dc:creator>宁 舟</dc:creator>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="tp" href="text/title_page.xhtml" media-type="application/xhtml+xml"/>
<item id="c1" href="text/ch001.xhtml" media-type="application/xhtml+xml"/>
</manifest>
<spine><itemref idref="tp"/><itemref idref="nav" linear="no"/><itemref idref="c1"/></spine>
</package>"#;

const PANDOC_NAV: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>
<nav epub:type="toc" id="toc"><ol><li><a href="text/ch001.xhtml">码头的夜</a></li></ol></nav>
<nav epub:type="landmarks" hidden="hidden"><ol><li><a href="text/title_page.xhtml" epub:type="titlepage">Title Page</a></li></ol></nav>
</body></html>"#;

const PANDOC_TITLE_PAGE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>t</title></head>
<body epub:type="frontmatter"><section epub:type="titlepage" class="titlepage"><h1 class="title">码头</h1><p class="author">宁舟</p><p class="date">2025-06-01</p>EXTRA</section></body></html>"#;

const PANDOC_CHAPTER: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>c</title></head>
<body epub:type="bodymatter"><section class="level1"><h1>码头的夜</h1>
<p>货轮靠岸的时候，装卸工们已经在雨里站了一个钟头。</p>
<p>老班长说，今晚要卸完三百个箱子。<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a></p>
</section>
<section id="footnotes" class="footnotes" role="doc-endnotes"><hr /><ol><li id="fn1"><p>人物均为化名。<a href="#fnref1" class="footnote-back" role="doc-backlink">↩︎</a></p></li></ol></section>
</body></html>"##;

#[test]
fn a_pandoc_book_shows_neither_landmarks_nor_its_title_page_nor_note_links() {
    let dir = tempfile::tempdir().expect("tempdir");
    // The metadata has no date; the title page gives it, its title repeated.
    let opf = PANDOC_OPF.replace("TITLE", "码头");
    let path = write(
        &dir,
        "pandoc.epub",
        &zip_book(&[
            ("EPUB/content.opf", &opf),
            ("EPUB/nav.xhtml", PANDOC_NAV),
            (
                "EPUB/text/title_page.xhtml",
                &PANDOC_TITLE_PAGE.replace("EXTRA", ""),
            ),
            ("EPUB/text/ch001.xhtml", PANDOC_CHAPTER),
        ]),
    );
    let v = outline_json(&path, &[]);
    assert_eq!(v["title"], "码头");
    assert_eq!(v["date"], "2025-06-01");
    assert_eq!(sections(&v), ["码头的夜"]);
    assert_eq!(
        blocks_of(&v, "paragraph"),
        [
            "货轮靠岸的时候，装卸工们已经在雨里站了一个钟头。",
            "老班长说，今晚要卸完三百个箱子。"
        ]
    );
    assert_eq!(blocks_of(&v, "note"), ["1. 人物均为化名。"]);
    // A title page that says more than the fields is read as it stands.
    let more = write(
        &dir,
        "more.epub",
        &zip_book(&[
            ("EPUB/content.opf", &opf),
            ("EPUB/nav.xhtml", PANDOC_NAV),
            (
                "EPUB/text/title_page.xhtml",
                &PANDOC_TITLE_PAGE.replace("EXTRA", "<p>献给码头上的每一个人。</p>"),
            ),
            ("EPUB/text/ch001.xhtml", PANDOC_CHAPTER),
        ]),
    );
    let v = outline_json(&more, &[]);
    assert!(
        blocks_of(&v, "paragraph").contains(&"献给码头上的每一个人。".to_string()),
        "{v}"
    );
}

#[test]
fn a_calibre_chapter_head_set_as_a_bold_paragraph_is_shown_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let opf = r#"<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>两岸</dc:title></metadata>
<manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
<item id="h1" href="text/part0000.html" media-type="application/xhtml+xml"/></manifest>
<spine toc="ncx"><itemref idref="h1"/></spine></package>"#;
    let ncx = r#"<?xml version="1.0"?><ncx><navMap><navPoint id="n1"><navLabel><text>一　摆渡</text></navLabel><content src="text/part0000.html"/></navPoint></navMap></ncx>"#;
    let chapter = r#"<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body class="calibre">
<p class="calibre3" id="calibre_toc_1"><span class="bold">一　摆渡</span></p>
<p class="calibre1">渡船每天往返十二趟，风雨无阻。</p>
</body></html>"#;
    let path = write(
        &dir,
        "calibre.epub",
        &zip_book(&[
            ("EPUB/content.opf", opf),
            ("EPUB/toc.ncx", ncx),
            ("EPUB/text/part0000.html", chapter),
        ]),
    );
    let v = outline_json(&path, &[]);
    assert_eq!(sections(&v), ["一　摆渡"]);
    assert_eq!(
        blocks_of(&v, "paragraph"),
        ["渡船每天往返十二趟，风雨无阻。"]
    );
}

#[test]
fn a_subhead_bold_only_through_the_chapters_style_rules_is_a_heading() {
    // Apple Pages' shape: subheads are paragraphs of a class the chapter's own `<style>`
    // or its linked style sheet makes bold; a class set bold only inside another
    // element's rule is not.
    let dir = tempfile::tempdir().expect("tempdir");
    let opf = r#"<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>桥下</dc:title></metadata>
<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="c1" href="chapter-1.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="c1"/></spine></package>"#;
    let nav = r#"<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol><li><a href="chapter-1.xhtml">修车铺</a></li></ol></nav></body></html>"#;
    let chapter = r#"<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>c</title>
<link href="css/book.css" rel="stylesheet" type="text/css"/>
<style>/* Pages */ .s2 { font-size: 18pt; font-weight: bold } .s4 { font-weight: normal }
.box .s5 { font-weight: 700 } @media screen { p.s6, .x:hover { font-weight: 600 } }</style></head><body>
<p class="s4">高架桥下有一间修车铺，铁皮屋顶，门口挂着一块手写的招牌。</p>
<p class="s2"><span>雨天的生意</span></p>
<p class="s4">下雨天生意最好，人们推着车跑进来躲雨。</p>
<p class="s5">一句不加粗的短话</p>
<p class="s6">老主顾</p>
<p class="s4">有个老主顾每个月都来打一次气。</p>
<p class="s7">打气筒</p>
<p class="s4">打气筒是铺子里最旧的一件家什。</p>
</body></html>"#;
    let path = write(
        &dir,
        "pages.epub",
        &zip_book(&[
            ("EPUB/content.opf", opf),
            ("EPUB/nav.xhtml", nav),
            ("EPUB/chapter-1.xhtml", chapter),
            ("EPUB/css/book.css", ".s7 { font-weight: bold }"),
        ]),
    );
    let v = outline_json(&path, &[]);
    // The linked sheet's bold class too.
    assert_eq!(sections(&v), ["修车铺", "雨天的生意", "老主顾", "打气筒"]);
    assert_eq!(blocks_of(&v, "paragraph").len(), 5, "{v}");
    // Positions stay the chapter's own lines.
    assert_eq!(
        section_at(&v, "打气筒"),
        ("EPUB/chapter-1.xhtml".to_string(), 11)
    );
}

/// The (file, line) `outline --json` gives the section `title`.
fn section_at(v: &serde_json::Value, title: &str) -> (String, u64) {
    let s = v["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .find(|s| s["title"] == title)
        .unwrap_or_else(|| panic!("{title} not in {v}"));
    (
        s["file"].as_str().expect("file").to_string(),
        s["line"].as_u64().expect("line"),
    )
}

/// A calibre-style EPUB 2 book: its NCX points at anchors (`#fileposN`) inside files
/// split in the middle of a chapter, its heads bold paragraphs; its page list points
/// inside a sentence (a page of the print edition, no heading).
const SPLIT_OPF: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf"><dc:title>河上</dc:title></metadata>
<manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
<item id="p0" href="text/part0000_split_000.html" media-type="application/xhtml+xml"/>
<item id="p1" href="text/part0000_split_001.html" media-type="application/xhtml+xml"/>
<item id="p2" href="text/part0001.html" media-type="application/xhtml+xml"/></manifest>
<spine toc="ncx"><itemref idref="p0"/><itemref idref="p1"/><itemref idref="p2"/></spine></package>"#;

const SPLIT_NCX: &str = r#"<?xml version='1.0' encoding='utf-8'?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>
<navPoint id="a"><navLabel><text>上游</text></navLabel><content src="text/part0000_split_000.html#filepos120"/></navPoint>
<navPoint id="b"><navLabel><text>下游</text></navLabel><content src="text/part0000_split_001.html#filepos980"/></navPoint>
<navPoint id="c"><navLabel><text>尾声</text></navLabel><content src="text/part0001.html#filepos1500"/></navPoint>
</navMap><pageList><pageTarget id="pg1" type="normal" value="1"><navLabel><text>1</text></navLabel><content src="text/part0000_split_000.html#page1"/></pageTarget></pageList></ncx>"#;

const SPLIT_0: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body class="calibre">
<p id="filepos120" class="calibre2"><span class="bold">上游</span></p>
<p class="calibre3">上游的水清得能看见河底的石头。</p>
<p class="calibre3">撑船的人每次经过老渡口，<span id="page1"></span>都要拉响一声</p>
</body></html>"#;

const SPLIT_1: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body class="calibre">
<p class="calibre3">汽笛。</p>
<div class="calibre4"><img src="../images/00001.jpeg" alt=""/></div>
<p class="calibre5">▲老渡口（周航/摄）</p>
<p class="calibre3">这声汽笛响了四十年。</p>
<p id="filepos980" class="calibre2"><span class="bold">下游</span></p>
<p class="calibre3">到了下游，河面宽得望不见对岸。</p>
</body></html>"#;

const SPLIT_2: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head><body class="calibre">
<h2 class="calibre6">尾声</h2>
<p class="calibre3">船停了，人还在河边。</p>
</body></html>"#;

#[test]
fn a_toc_entry_at_an_anchor_heads_the_text_from_there_and_split_files_read_in_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        &dir,
        "split.epub",
        &zip_book(&[
            ("EPUB/content.opf", SPLIT_OPF),
            ("EPUB/toc.ncx", SPLIT_NCX),
            ("EPUB/text/part0000_split_000.html", SPLIT_0),
            ("EPUB/text/part0000_split_001.html", SPLIT_1),
            // The last entry's anchor is not in its file: its head is the file's start.
            ("EPUB/text/part0001.html", SPLIT_2),
        ]),
    );
    let v = outline_json(&path, &[]);
    let pair = |k: &str, t: &str| (k.to_string(), t.to_string());
    assert_eq!(
        blocks(&v),
        [
            pair("heading", "上游"),
            pair("paragraph", "上游的水清得能看见河底的石头。"),
            pair("paragraph", "撑船的人每次经过老渡口，都要拉响一声"),
            // The next file's text before its anchor stays under the head before.
            pair("paragraph", "汽笛。"),
            pair("caption", "老渡口"),
            pair("paragraph", "这声汽笛响了四十年。"),
            pair("heading", "下游"),
            pair("paragraph", "到了下游，河面宽得望不见对岸。"),
            pair("heading", "尾声"),
            pair("paragraph", "船停了，人还在河边。"),
        ]
    );
    // Each head at the line of the element the entry points at (its own head).
    assert_eq!(
        section_at(&v, "下游"),
        ("EPUB/text/part0000_split_001.html".to_string(), 7)
    );
    assert_eq!(
        section_at(&v, "尾声"),
        ("EPUB/text/part0001.html".to_string(), 3)
    );
    assert_eq!(
        captions(&v),
        [("老渡口".to_string(), Some("周航".to_string()))]
    );
}

const NAV_OPF: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="uid">x</dc:identifier><dc:title>岛上</dc:title></metadata>
<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="c1" href="x/c1.xhtml" media-type="application/xhtml+xml"/>
<item id="c2" href="x/c2.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="c1"/><itemref idref="c2"/></spine></package>"#;

const NAV_DOC: &str = r#"<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>
<nav epub:type="toc"><ol><li><a href="x/c1.xhtml#s1">一、晨</a></li><li><a href="x/c1.xhtml#s%E6%9A%AE">二、暮</a></li><li><a href="x/c2.xhtml">第三章 夜</a></li></ol></nav></body></html>"#;

const NAV_C1: &str = r##"<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>c</title></head><body>
<section id="s1" epub:type="chapter"><h1>晨</h1>
<p>清晨的港口，<span id="pg2"></span>渔船一艘艘回来了。<a epub:type="noteref" href="#n1">1</a></p>
<aside epub:type="footnote" id="n1"><p>渔船多在凌晨四点出港。</p></aside>
</section>
<section id="s暮" epub:type="chapter"><h1>暮</h1>
<p>傍晚，灯塔亮了。</p>
<aside role="doc-footnote"><p>灯塔建于百年前。</p></aside>
</section>
</body></html>"##;

const NAV_C2: &str = r#"<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>c</title></head><body>
<h2>第三章 夜</h2>
<p>夜里的岛很静。</p>
</body></html>"#;

#[test]
fn a_nav_label_and_the_chapters_head_are_one_heading_at_the_heads_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        &dir,
        "nav.epub",
        &zip_book(&[
            ("EPUB/content.opf", NAV_OPF),
            ("EPUB/nav.xhtml", NAV_DOC),
            ("EPUB/x/c1.xhtml", NAV_C1),
            ("EPUB/x/c2.xhtml", NAV_C2),
        ]),
    );
    let v = outline_json(&path, &[]);
    assert_eq!(sections(&v), ["一、晨", "二、暮", "第三章 夜"]);
    assert_eq!(blocks_of(&v, "heading").len(), 3, "{v}");
    // A book's footnotes are notes, in an aside too; the reference is no text.
    assert_eq!(
        blocks_of(&v, "note"),
        ["渔船多在凌晨四点出港。", "灯塔建于百年前。"]
    );
    assert_eq!(
        blocks_of(&v, "paragraph"),
        [
            "清晨的港口，渔船一艘艘回来了。",
            "傍晚，灯塔亮了。",
            "夜里的岛很静。"
        ]
    );
    assert_eq!(section_at(&v, "一、晨"), ("EPUB/x/c1.xhtml".to_string(), 2));
    assert_eq!(section_at(&v, "二、暮"), ("EPUB/x/c1.xhtml".to_string(), 6));
    // outline and check give the chapter's head one line: check finds the space in
    // its text there, and no section is empty.
    let (file, line) = section_at(&v, "第三章 夜");
    let out = common::cli::yuedu()
        .args(["check", "--json", &path])
        .output()
        .expect("runs");
    let found: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let findings = found["findings"].as_array().expect("findings");
    assert!(
        findings.iter().all(|f| f["rule"] != "empty-section"),
        "{found}"
    );
    let space = findings
        .iter()
        .find(|f| f["rule"] == "space-between-chinese")
        .unwrap_or_else(|| panic!("{found}"));
    assert_eq!(
        (space["file_name"].as_str(), space["line"].as_u64()),
        (Some(file.as_str()), Some(line))
    );
    assert_eq!(line, 2);
    // A nav document that marks no table of contents but marks its page list: the
    // pages of the print edition are no headings.
    let unmarked = NAV_DOC.replace("<nav epub:type=\"toc\">", "<nav>").replace(
        "</body>",
        "<nav epub:type=\"page-list\"><ol><li><a href=\"x/c1.xhtml#pg2\">2</a></li></ol></nav></body>",
    );
    assert_ne!(unmarked, NAV_DOC);
    let path = write(
        &dir,
        "unmarked.epub",
        &zip_book(&[
            ("EPUB/content.opf", NAV_OPF),
            ("EPUB/nav.xhtml", &unmarked),
            ("EPUB/x/c1.xhtml", NAV_C1),
            ("EPUB/x/c2.xhtml", NAV_C2),
        ]),
    );
    let v = outline_json(&path, &[]);
    assert_eq!(sections(&v), ["一、晨", "二、暮", "第三章 夜"]);
    assert_eq!(
        blocks_of(&v, "paragraph")[0],
        "清晨的港口，渔船一艘艘回来了。"
    );
}

const ROLES_OPF2: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
<dc:title>山路</dc:title>
<dc:creator opf:role="aut" opf:file-as="Lan, Qing">蓝 青</dc:creator>
<dc:creator opf:role="trl">韦 明</dc:creator>
<dc:creator>许 川</dc:creator>
<dc:date>0101-01-01T00:00:00+00:00</dc:date>
</metadata>
<manifest><item id="c" href="c.html" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="c"/></spine></package>"#;

const ROLES_OPF3: &str = r##"<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:opf="http://www.idpf.org/2007/opf">
<dc:identifier id="uid">x</dc:identifier>
<dc:title id="t2">七个港口</dc:title>
<meta refines="#t2" property="title-type">subtitle</meta>
<dc:title id="t1">海岸线</dc:title>
<meta refines="#t1" property="title-type">main</meta>
<dc:creator id="a1">温 宁</dc:creator>
<meta refines="#a1" property="role" scheme="marc:relators">aut</meta>
<dc:creator id="a2">赖 宇</dc:creator>
<meta refines="#a2" property="role" scheme="marc:relators">pht</meta>
<dc:creator id="a3">钟 楚</dc:creator>
<meta refines="#a3" property="role" scheme="marc:relators">edt</meta>
<dc:creator id="a4">林 默</dc:creator>
<meta refines="#a4" property="role" scheme="marc:relators">ill</meta>
<dc:date opf:event="modification">2026-03-02</dc:date>
<dc:date opf:event="publication">2026-01-15</dc:date>
</metadata>
<manifest><item id="c" href="c.html" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="c"/></spine></package>"##;

#[test]
fn only_the_writers_are_authors_and_the_packages_fields_are_read_as_specified() {
    let dir = tempfile::tempdir().expect("tempdir");
    let chapter = "<html><body><p>山路有十八个弯。</p></body></html>";
    let two = write(
        &dir,
        "two.epub",
        &zip_book(&[("EPUB/content.opf", ROLES_OPF2), ("EPUB/c.html", chapter)]),
    );
    let v = outline_json(&two, &[]);
    // The translator is no author; a creator without a role is one.
    assert_eq!(v["authors"], serde_json::json!(["蓝青", "许川"]));
    // calibre's date for a book whose date it does not know is no date.
    assert_eq!(v["date"], serde_json::Value::Null);
    let three = write(
        &dir,
        "three.epub",
        &zip_book(&[("EPUB/content.opf", ROLES_OPF3), ("EPUB/c.html", chapter)]),
    );
    let v = outline_json(&three, &[]);
    assert_eq!(v["title"], "海岸线");
    assert_eq!(v["subtitle"], "七个港口");
    assert_eq!(v["authors"], serde_json::json!(["温宁"]));
    assert_eq!(v["date"], "2026-01-15");
    // Each field at its own line of the package.
    let text = run_ok(&["outline", &three]);
    for want in [
        "title    海岸线  (EPUB/content.opf:7)",
        "subtitle 七个港口  (EPUB/content.opf:5)",
        "authors  温宁  (EPUB/content.opf:9)",
        "date     2026-01-15  (EPUB/content.opf:18)",
    ] {
        assert!(text.contains(want), "{want:?} not in:\n{text}");
    }
}
