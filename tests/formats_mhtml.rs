//! Pages saved as MHTML ("Webpage, Single File") read as a user reads them: `outline
//! --json`, `dump` and `check --json` of the real binary on the fixtures written by
//! `tests/data/formats/make-mhtml.py` (Chrome's quoted-printable page with CRLF, an older
//! browser's GB2312 `.mht` with LF, a page in base64), sniffing without an extension, and
//! the files that are no page or are built to hurt.

mod common;

use common::cli::yuedu;
use common::outline::{all_text, authors, blocks_of, captions, outline, sections};
use serde_json::Value;

fn data(name: &str) -> String {
    common::cli::data(&format!("formats/{name}"))
}

/// Everything shown as text: the head's lines and every block.
fn shown(v: &Value) -> String {
    let mut all: Vec<String> = ["column", "title", "source", "date"]
        .iter()
        .filter_map(|k| v[k].as_str().map(str::to_string))
        .collect();
    all.push(all_text(v));
    all.join("\n")
}

/// What must never be shown from a saved page: the MIME around it, its encodings, and
/// the page's furniture.
const NEVER: &[&str] = &[
    "Content-Type",
    "Content-Transfer-Encoding",
    "MultipartBoundary",
    "Saved by Blink",
    "=E6",
    "=3D",
    "base64",
    "<p>",
    "首页",
    "登录",
    "统计代码",
    "相关新闻",
    "社区中心下月启用",
    "广告",
    "Copyright",
    "版权所有",
];

fn assert_no_furniture(v: &Value) {
    let text = shown(v);
    for never in NEVER {
        assert!(!text.contains(never), "{never} shown:\n{text}");
    }
}

#[test]
fn a_chrome_page_in_quoted_printable_reads_as_its_article() {
    let v = outline(&data("mhtml-feature.mhtml"));
    assert_eq!(v["format"], "mhtml");
    // The headline, not the <title> with the channel and the site; soft line breaks
    // inside a character's bytes joined.
    assert_eq!(v["title"], "海边小城的夜校，灯亮到十点");
    assert_eq!(authors(&v), ["许清和"]);
    assert_eq!(v["source"], "南岸晚报");
    assert_eq!(v["date"], "2026-10-12 07:45");
    assert_eq!(sections(&v), ["一张课表，排满一周", "老师也是邻居"], "{v}");
    assert_eq!(
        captions(&v),
        [(
            "学员们在夜校的书法课上练字。".to_string(),
            Some("许清和".to_string())
        )]
    );
    let paragraphs = blocks_of(&v, "paragraph");
    assert_eq!(paragraphs.len(), 6, "{paragraphs:#?}");
    assert!(paragraphs[0].starts_with("晚上七点，渔港路上的夜校准时亮灯。"));
    assert!(paragraphs[5].ends_with("教室会从四间增加到十间。"));
    assert_eq!(blocks_of(&v, "note"), ["（责任编辑：梁 静）"]);
    assert_no_furniture(&v);
}

#[test]
fn a_gbk_page_named_on_its_part_with_lf_line_ends_is_decoded() {
    let out = yuedu()
        .args(["outline", &data("mhtml-gbk.mht")])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("encoding decoded as GB18030"), "{text}");
    let v = outline(&data("mhtml-gbk.mht"));
    assert_eq!(v["format"], "mhtml");
    assert_eq!(v["title"], "山里的流动电影院");
    assert_eq!(authors(&v), ["韦岚"]);
    assert_eq!(v["source"], "西岭日报");
    assert_eq!(sections(&v), ["从胶片到数字"]);
    assert_eq!(blocks_of(&v, "paragraph").len(), 4);
    assert_eq!(blocks_of(&v, "note"), ["(责编：莫 晴)"]);
    assert!(captions(&v).is_empty());
    assert_no_furniture(&v);
    assert!(!shown(&v).contains('\u{FFFD}'), "{v}");
}

#[test]
fn a_page_in_base64_is_read() {
    let v = outline(&data("mhtml-base64.mhtml"));
    assert_eq!(v["format"], "mhtml");
    assert_eq!(v["title"], "菜市场里的读书角");
    assert_eq!(authors(&v), ["严秋"]);
    let paragraphs = blocks_of(&v, "paragraph");
    assert_eq!(paragraphs.len(), 3, "{paragraphs:#?}");
    assert!(paragraphs[2].contains("等大人收摊一起回家"));
    assert_no_furniture(&v);
}

#[test]
fn dump_prints_the_article_and_no_mime() {
    let out = yuedu()
        .args(["dump", "--width", "60", &data("mhtml-feature.mhtml")])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("海边小城的夜校，灯亮到十点"), "{text}");
    assert!(
        text.contains("学员们在夜校的书法课上练字。 许清和 摄"),
        "{text}"
    );
    for never in NEVER {
        assert!(!text.contains(never), "{never} in dump:\n{text}");
    }
}

#[test]
fn a_saved_page_without_an_extension_is_sniffed_and_listed() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, from) in [
        ("saved-page", "mhtml-feature.mhtml"),
        ("b.MHT", "mhtml-gbk.mht"),
        ("c.mhtml", "mhtml-base64.mhtml"),
    ] {
        std::fs::copy(data(from), dir.path().join(name)).expect("copy");
    }
    let bare = dir.path().join("saved-page");
    let v = outline(bare.to_str().expect("path"));
    assert_eq!(v["format"], "mhtml");
    assert_eq!(v["title"], "海边小城的夜校，灯亮到十点");
    // A folder's articles, as the library lists them: all three.
    let out = yuedu()
        .args(["outline", "--json"])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert!(out.status.success());
    let all: Value = serde_json::from_slice(&out.stdout).expect("json");
    let titles: Vec<&str> = all
        .as_array()
        .expect("array")
        .iter()
        .map(|v| v["title"].as_str().expect("title"))
        .collect();
    assert_eq!(
        titles,
        [
            "山里的流动电影院",
            "菜市场里的读书角",
            "海边小城的夜校，灯亮到十点"
        ]
    );
    // --format mhtml reads a page whatever its name says.
    let txt = dir.path().join("page.txt");
    std::fs::copy(data("mhtml-feature.mhtml"), &txt).expect("copy");
    let v = common::cli::outline_json(&txt, &["--format", "mhtml"]);
    assert_eq!(v["title"], "海边小城的夜校，灯亮到十点");
}

/// A page built as Blink writes one: its HTML quoted-printable (every byte outside
/// printable ASCII as `=XX`, lines cut at 76 columns by a soft break), CRLF.
fn blink_page(html: &str, more_parts: &str) -> Vec<u8> {
    let mut qp = String::new();
    for line in html.split('\n') {
        let mut out = String::new();
        for &b in line.as_bytes() {
            let t = if b.is_ascii_graphic() && b != b'=' || b == b' ' {
                (b as char).to_string()
            } else {
                format!("={b:02X}")
            };
            if out.len() + t.len() > 75 {
                qp.push_str(&out);
                qp.push_str("=\r\n");
                out.clear();
            }
            out.push_str(&t);
        }
        qp.push_str(&out);
        qp.push_str("\r\n");
    }
    format!(
        "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\
         \ttype=\"text/html\";\r\n\tboundary=\"--B--\"\r\n\r\n\r\n\
         ----B--\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
         {qp}{more_parts}----B----\r\n"
    )
    .into_bytes()
}

#[test]
fn check_positions_are_lines_of_the_decoded_page() {
    let dir = tempfile::tempdir().expect("tempdir");
    let html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>测试</title></head>\n<body><article>\n<h1>检查的标题</h1>\n<p>第一段文字很长很长很长很长很长很长很长很长很长很长，这里有一个半角逗号,就在这里。</p>\n<p>第二段也很长很长很长，没有问题的句子。</p>\n</article></body></html>\n";
    let path = dir.path().join("a.mhtml");
    std::fs::write(&path, blink_page(html, "")).expect("write");
    let out = yuedu()
        .args(["check", "--json"])
        .arg(&path)
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let f = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule"] == "halfwidth-punctuation")
        .unwrap_or_else(|| panic!("no finding in {v}"));
    // Line 5 of the page's HTML (of the file it is line 13 and beyond: the headers, and
    // the paragraph's quoted-printable cut over several lines).
    assert_eq!(f["line"].as_u64(), Some(5), "{f}");
    let col = f["col"].as_u64().expect("col") as usize;
    let at = html.lines().nth(4).expect("line").chars().nth(col - 1);
    assert_eq!(at, Some(','), "{f}");
    // The text form names the .mhtml file.
    let out = yuedu().arg("check").arg(&path).output().expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains(&format!("a.mhtml:5:{col}: ")), "{text}");
}

/// `yuedu outline PATH` of a file that is no page: it fails with a message naming the
/// file, and says `want`.
fn refused(path: &std::path::Path, want: &str) {
    let out = yuedu().arg("outline").arg(path).output().expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success(),
        "{path:?} read:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(out.status.code().is_some(), "{path:?}: killed by a signal");
    let name = path.file_name().expect("name").to_string_lossy();
    assert!(err.contains(&*name), "{err}");
    assert!(err.contains(want), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

const HEAD: &str = "MIME-Version: 1.0\r\nContent-Type: multipart/related; type=\"text/html\"; boundary=\"B\"\r\n\r\n";
const PAGE_PART: &str = "--B\r\nContent-Type: text/html; charset=utf-8\r\n\
    Content-Transfer-Encoding: quoted-printable\r\n\r\n\
    <h1>=E6=A0=87=E9=A2=98</h1><p>=E6=AD=A3=E6=96=87=E3=80=82</p>\r\n";

#[test]
fn a_file_with_no_page_or_broken_mime_is_refused_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).expect("write");
        p
    };
    let img =
        "--B\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n/9j/4AAQ\r\n";
    let css = "--B\r\nContent-Type: text/css\r\n\r\np{}\r\n";
    refused(
        &write(
            "pictures.mhtml",
            format!("{HEAD}{img}{css}--B--\r\n").as_bytes(),
        ),
        "no text/html part (2 parts: image/jpeg, text/css)",
    );
    // A boundary that never comes, or none named.
    refused(
        &write(
            "lost-boundary.mhtml",
            format!("{}{PAGE_PART}--B--\r\n", HEAD.replace("\"B\"", "\"Z\"")).as_bytes(),
        ),
        "with no parts: its boundary is missing or never found",
    );
    refused(
        &write(
            "no-boundary.mht",
            format!(
                "{}{PAGE_PART}--B--\r\n",
                HEAD.replace("; boundary=\"B\"", "")
            )
            .as_bytes(),
        ),
        "with no parts",
    );
    // Plain text read as MHTML.
    let out = yuedu()
        .args(["outline", "--format", "mhtml", &data("../prose.txt")])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("prose.txt: no page in this MHTML file"),
        "{err}"
    );
    // Parts nested past mailparse's limit.
    let mut deep = String::from("MIME-Version: 1.0\r\n");
    for i in 0..150 {
        deep.push_str(&format!(
            "Content-Type: multipart/related; boundary=\"b{i}=\"\r\n\r\n--b{i}=\r\n"
        ));
    }
    deep.push_str("Content-Type: text/html\r\n\r\n<p>深处</p>\r\n");
    refused(
        &write("deep.mhtml", deep.as_bytes()),
        "not a readable MHTML file",
    );
    // A flood of parts is refused before it is parsed.
    let flood = format!(
        "{HEAD}{PAGE_PART}{}--B--\r\n",
        "--B\r\nContent-Type: image/gif\r\n\r\nx\r\n".repeat(60_000)
    );
    refused(
        &write("flood.mhtml", flood.as_bytes()),
        "more than 50000 parts",
    );
}

#[test]
fn odd_but_readable_files_are_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let read = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).expect("write");
        let v = outline(p.to_str().expect("path"));
        assert_eq!(v["format"], "mhtml", "{name}");
        v
    };
    // No closing boundary: the page runs to the end of the file.
    let v = read("unclosed.mhtml", format!("{HEAD}{PAGE_PART}").as_bytes());
    assert_eq!(v["title"], "标题");
    // The page inside a nested multipart, after a plain-text alternative.
    let nested = format!(
        "{HEAD}--B\r\nContent-Type: multipart/alternative; boundary=\"C\"\r\n\r\n\
         --C\r\nContent-Type: text/plain\r\n\r\n纯文本\r\n{}--C--\r\n--B--\r\n",
        PAGE_PART.replace("--B", "--C")
    );
    assert_eq!(read("nested.mhtml", nested.as_bytes())["title"], "标题");
    // A part of raw binary bytes (NULs) before the page: not refused as binary.
    let mut binary = format!(
        "{HEAD}--B\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: binary\r\n\r\n"
    )
    .into_bytes();
    binary.extend_from_slice(&[0, 1, 2, 0, 0xFF, 0xD8, 0]);
    binary.extend_from_slice(format!("\r\n{PAGE_PART}--B--\r\n").as_bytes());
    assert_eq!(read("binary.mhtml", &binary)["title"], "标题");
    // The page's iframes (ads) come after it as more text/html parts: the first is read.
    let page = blink_page(
        "<html><body><h1>主页面的标题</h1><p>正文第一段。</p></body></html>",
        "----B--\r\nContent-Type: text/html\r\nContent-Location: cid:frame-2\r\n\r\n\
         <html><body><h1>广告框架</h1></body></html>\r\n",
    );
    let v = read("frames.mhtml", &page);
    assert_eq!(v["title"], "主页面的标题");
    assert!(!shown(&v).contains("广告框架"));
}

#[test]
fn a_fifty_megabyte_picture_does_not_stop_the_page() {
    // 37.5 MB of picture in base64 (50 MB of text), before and after the page.
    let dir = tempfile::tempdir().expect("tempdir");
    let line = "A".repeat(76) + "\r\n";
    let picture = format!(
        "--B\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n{}",
        line.repeat(50_000_000 / 78)
    );
    for (name, file) in [
        (
            "after.mhtml",
            format!("{HEAD}{PAGE_PART}{picture}--B--\r\n"),
        ),
        (
            "before.mhtml",
            format!("{HEAD}{picture}{PAGE_PART}--B--\r\n"),
        ),
    ] {
        assert!(file.len() > 50_000_000);
        let p = dir.path().join(name);
        std::fs::write(&p, file).expect("write");
        let v = outline(p.to_str().expect("path"));
        assert_eq!(v["title"], "标题", "{name}");
        assert_eq!(blocks_of(&v, "paragraph"), ["正文。"], "{name}");
    }
}

#[test]
fn a_charset_the_bytes_do_not_fit_gives_way_and_standard_input_is_sniffed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let html = "<html><body><h1>说谎的字符集</h1><p>这一段正文用来检验解码。</p></body></html>";
    let (gbk, _, _) = encoding_rs::GBK.encode(html);
    for (name, charset, bytes) in [
        ("says-utf8.mhtml", "utf-8", gbk.as_ref()),
        ("says-gb2312.mhtml", "gb2312", html.as_bytes()),
    ] {
        let qp = quoted_printable::encode_to_str(bytes);
        let file = format!(
            "{}--B\r\nContent-Type: text/html; charset={charset}\r\n\
             Content-Transfer-Encoding: quoted-printable\r\n\r\n{qp}\r\n--B--\r\n",
            HEAD
        );
        let p = dir.path().join(name);
        std::fs::write(&p, file).expect("write");
        let v = outline(p.to_str().expect("path"));
        assert_eq!(v["title"], "说谎的字符集", "{name}");
        assert_eq!(
            blocks_of(&v, "paragraph"),
            ["这一段正文用来检验解码。"],
            "{name}"
        );
    }
    let out = yuedu()
        .args(["outline", "--json", "-"])
        .pipe_stdin(data("mhtml-gbk.mht"))
        .expect("stdin")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["format"], "mhtml");
    assert_eq!(v["title"], "山里的流动电影院");
}
