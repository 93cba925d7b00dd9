//! The reader on an EPUB book, as a user sees it: `:N` goes to line N of the chapter
//! being read (the file `check` names), `=` names it with the line being read, the
//! findings list names each finding's chapter,
//! and `v` says a chapter is inside the book rather than opening the book elsewhere.
//! The real binary in a pseudo-terminal, read back through vt100; the book is written
//! here, for the project.

mod pty;

use std::io::Write;

use pty::Pty;

/// A book of two chapters, each longer than the screen, the second with a half-width
/// comma on its line 6.
fn book() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).expect("entry");
    zip.write_all(b"application/epub+zip").expect("write");
    let opts = zip::write::SimpleFileOptions::default();
    let long: String = (1..=12)
        .map(|i| format!("<p>第{i}天，守塔人照旧在傍晚爬上塔顶，擦亮灯罩，点起灯。</p>\n"))
        .collect();
    let a = format!(
        "<html><head><title>a</title></head>\n<body>\n<h1>第一章　守塔人</h1>\n{long}</body></html>\n"
    );
    let more: String = (1..=12)
        .map(|i| format!("<p>新灯亮起后的第{i}个晚上，渔船远远就能看见它。</p>\n"))
        .collect();
    let b = format!(
        "<html><head><title>b</title></head>\n<body>\n<h1>第二章　新灯</h1>\n<p>换上新灯那天，岛上来了很多人。</p>\n<p>他把旧灯擦干净，收进了柜子。</p>\n<p>那天晚上他在塔下坐了很久,没有说话。</p>\n{more}</body></html>\n"
    );
    for (name, body) in [
        (
            "META-INF/container.xml",
            r#"<?xml version="1.0"?><container><rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>"#,
        ),
        (
            "OEBPS/content.opf",
            r#"<package><metadata><dc:title>江上的灯塔</dc:title><dc:creator>林远</dc:creator></metadata>
<manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/><item id="b" href="b.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="a"/><itemref idref="b"/></spine></package>"#,
        ),
        ("OEBPS/a.xhtml", a.as_str()),
        ("OEBPS/b.xhtml", b.as_str()),
    ] {
        zip.start_file(name, opts).expect("entry");
        zip.write_all(body.as_bytes()).expect("write");
    }
    zip.finish().expect("zip").into_inner()
}

#[test]
fn line_jumps_findings_and_the_editor_key_know_the_chapter() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("lighthouse.epub");
    std::fs::write(&path, book()).expect("write");
    let path = path.to_str().expect("path");
    let mut p = Pty::yuedu_showing(&[path], 100, 12, "第1天");
    // The findings list names the chapter the comma is in, as check prints it.
    p.send("!");
    p.wait_for_text("OEBPS/b.xhtml:6:");
    p.send("q");
    p.wait_for_status_without("OEBPS/b.xhtml:6:");
    // In the second chapter, :3 is its line 3 — its heading — not line 3 of another file.
    p.send("]");
    p.send("]");
    p.wait_for_in_row(0, 30, 100, "第二章");
    p.send("3j");
    p.settle();
    p.send(":4\r");
    p.wait_for_status("OEBPS/b.xhtml line 4");
    p.wait_for_in_row(0, 30, 100, "换上新灯那天");
    // `=` names the chapter's file with the line being read, never a bare line number.
    p.send("=");
    p.wait_for_status("; OEBPS/b.xhtml line 4");
    p.send(":99\r");
    p.wait_for_status("line 99 is past the end: OEBPS/b.xhtml has 18 lines");
    // v: the chapter is inside the book; nothing else is opened.
    p.send("v");
    p.wait_for_status("inside the book");
    p.quit();
}

/// A book whose table of contents points at two places inside one file (EPUB 3 nav,
/// `c1.xhtml#s1`, `#s2`), its labels numbered and the chapter's heads not.
fn anchored_book() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).expect("entry");
    zip.write_all(b"application/epub+zip").expect("write");
    let opts = zip::write::SimpleFileOptions::default();
    let morning: String = (1..=12)
        .map(|i| format!("<p>清晨第{i}条渔船回港，码头上的人越来越多。</p>\n"))
        .collect();
    let evening: String = (1..=12)
        .map(|i| format!("<p>傍晚第{i}盏灯亮了，海面暗下来。</p>\n"))
        .collect();
    // Line 17 opens the second section, line 18 is its head.
    let c1 = format!(
        "<html><head><title>c</title></head>\n<body>\n<section id=\"s1\"><h1>晨</h1>\n{morning}</section>\n<section id=\"s2\">\n<h1>暮</h1>\n{evening}</section>\n</body></html>\n"
    );
    for (name, body) in [
        (
            "META-INF/container.xml",
            r#"<?xml version="1.0"?><container><rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>"#,
        ),
        (
            "OEBPS/content.opf",
            r#"<package><metadata><dc:title>港口</dc:title></metadata>
<manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/><item id="a" href="c1.xhtml" media-type="application/xhtml+xml"/></manifest>
<spine><itemref idref="a"/></spine></package>"#,
        ),
        (
            "OEBPS/nav.xhtml",
            r#"<html><body><nav epub:type="toc"><ol><li><a href="c1.xhtml#s1">一、晨</a></li><li><a href="c1.xhtml#s2">二、暮</a></li></ol></nav></body></html>"#,
        ),
        ("OEBPS/c1.xhtml", c1.as_str()),
    ] {
        zip.start_file(name, opts).expect("entry");
        zip.write_all(body.as_bytes()).expect("write");
    }
    zip.finish().expect("zip").into_inner()
}

#[test]
fn the_pane_lists_each_place_the_table_of_contents_points_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("harbour.epub");
    std::fs::write(&path, anchored_book()).expect("write");
    let path = path.to_str().expect("path");
    let mut p = Pty::yuedu_showing(&[path], 100, 14, "清晨第1条");
    p.wait_for_text("二、暮");
    // The navigation pane: each label once, the chapter's own heads not again.
    let pane: Vec<String> = p
        .rows_text(13, 0, 28)
        .iter()
        .map(|r| r.trim().to_string())
        .collect();
    for head in ["一、晨", "二、暮"] {
        assert_eq!(
            pane.iter().filter(|r| *r == head).count(),
            1,
            "{head}: {pane:#?}"
        );
    }
    assert!(!pane.iter().any(|r| r == "晨" || r == "暮"), "{pane:#?}");
    // The second head is where the book prints it: `]` goes there, `=` names its line.
    p.send("]");
    p.send("]");
    p.wait_for_in_row(0, 30, 100, "二、暮");
    p.send("=");
    p.wait_for_status("OEBPS/c1.xhtml line 18");
    p.quit();
}
