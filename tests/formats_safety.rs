//! Hostile, deep and large pages: nothing a terminal would obey reaches it (escapes
//! written as entities, in attributes, in Markdown), scripts and frames are never text,
//! nothing of the text is dropped, and a page nested 100 000 deep or holding 20 000
//! paragraphs is read whole without overflowing the stack.

mod common;

use common::cli::{outline_json, yuedu};
use serde_json::Value;

/// No ESC, BEL, C1 control or bidi control in `text`.
fn assert_inert(text: &str, what: &str) {
    for c in text.chars() {
        let bad = c == '\u{1b}'
            || c == '\u{7}'
            || ('\u{80}'..='\u{9f}').contains(&c)
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}');
        assert!(!bad, "{what} contains U+{:04X}:\n{text}", c as u32);
    }
}

const HOSTILE_HTML: &str = concat!(
    "<!DOCTYPE html>\n<html><head><title>恶意&#27;]0;title&#7;页面</title>\n",
    "<script>document.title = \"\u{1b}]0;脚本改写\u{7}\";</script>\n",
    "<style>body::after { content: \"样式里的文字\" }</style></head>\n",
    "<body><nav>导航文字</nav><article>\n",
    "<h1>恶意页面的标题&#x1b;[2J</h1>\n",
    "<p>第一段&#27;]0;pwned&#7;改写标题，再来一次。正文要足够长才会被选作文章的内容。</p>\n",
    "<p>第二段含有控制字符\u{1b}[2J清屏和双向\u{202e}反转\u{202c}文字，还有零宽\u{200b}字符与&#x9b;31m。</p>\n",
    "<figure><img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\" alt=\"x\">",
    "<figcaption>图片说明里有转义&#27;[31m红色&#x202E;反转。 张三 摄</figcaption></figure>\n",
    "<iframe src=\"javascript:alert(1)\">框架里的文字</iframe>\n",
    "<p onclick=\"evil()\">第三段<a href=\"javascript:evil()\">链接里的文字</a>结束，句子也很长很长。</p>\n",
    "<p><img src=\"x.jpg\" alt=\"属性里的转义&#27;]52;c;cm0=&#7;和双向&#x2066;隔离的说明\"></p>\n",
    "<p>最后一段正文，结束了。</p>\n",
    "</article><script>alert('结尾脚本文字')</script></body></html>\n"
);

const HOSTILE_MD: &str = concat!(
    "---\ntitle: \"恶意\u{1b}]0;x\u{7}的文章\"\nauthor: 张 三\n---\n\n",
    "第一段**加粗\u{1b}[31m红色**和[链接\u{202e}文字](javascript:alert(1))。\n\n",
    "<script>alert('脚本文字')</script>\n\n",
    "<iframe src=\"x\">框架文字</iframe>\n\n",
    "![说明&#27;&#93;0;y&#7;文字](data:image/png;base64,AAAA)\n\n",
    "最后一段。\n"
);

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    path.to_str().expect("path").to_string()
}

#[test]
fn hostile_pages_print_nothing_a_terminal_would_obey_and_drop_no_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let html = write(&dir, "hostile.html", HOSTILE_HTML);
    let md = write(&dir, "hostile.md", HOSTILE_MD);
    for path in [&html, &md] {
        for args in [
            &["dump"][..],
            &["outline"],
            &["outline", "--json"],
            &["check"],
            &["check", "--json"],
        ] {
            let out = yuedu().args(args).arg(path).output().expect("runs");
            let stdout = String::from_utf8(out.stdout).expect("utf-8");
            let stderr = String::from_utf8(out.stderr).expect("utf-8");
            assert_inert(&stdout, &format!("{path} {args:?} stdout"));
            assert_inert(&stderr, &format!("{path} {args:?} stderr"));
            assert!(!stdout.is_empty(), "{args:?} printed nothing");
            for never in [
                "脚本改写",
                "样式里的文字",
                "框架里的文字",
                "框架文字",
                "结尾脚本文字",
                "脚本文字",
                "导航文字",
                "data:image",
                "javascript",
                "alert",
            ] {
                assert!(
                    !stdout.contains(never),
                    "{path} {args:?} shows {never:?}:\n{stdout}"
                );
            }
        }
    }
    // The dump shows the escapes as notation: the text is all there.
    let out = yuedu()
        .args(["dump", "--width", "200", &html])
        .output()
        .expect("runs");
    let dump = String::from_utf8(out.stdout).expect("utf-8");
    // (&#x9b; is U+203A, ›, by the HTML standard's table for numeric references to C1.)
    for shown in [
        "^[]0;pwned^G",
        "^[[2J",
        "<U+202E>",
        "›31m",
        "^[]52;c;cm0=^G",
        "链接里的文字",
    ] {
        assert!(dump.contains(shown), "{shown} not shown:\n{dump}");
    }
    // The JSON holds the characters themselves, escaped.
    let out = yuedu()
        .args(["outline", "--json", &html])
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let first = v["blocks"][0]["text"].as_str().expect("text");
    assert!(first.contains("\u{1b}]0;pwned\u{7}"), "{first:?}");
    let caption = &v["captions"][0];
    assert_eq!(caption["credit"], "张三");
    let out = yuedu()
        .args(["dump", "--width", "200", &md])
        .output()
        .expect("runs");
    let dump = String::from_utf8(out.stdout).expect("utf-8");
    for shown in ["^[[31m", "<U+202E>", "链接", "^[]0;y^G"] {
        assert!(dump.contains(shown), "{shown} not shown:\n{dump}");
    }
    assert!(!dump.contains("**"));
}

#[test]
fn a_page_nested_a_hundred_thousand_deep_is_read_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let n = 100_000;
    let page = format!(
        "<html><body>{}<p>深处的第一段文字，足够长的一句话。</p>{}<span>{}深处的第二段{}</span></body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n / 2),
        "<b><i>".repeat(n),
        "</i></b>".repeat(n),
    );
    let path = write(&dir, "deep.html", &page);
    let v = outline_json(path, &[]);
    let text = v["blocks"].to_string();
    assert!(text.contains("深处的第一段文字"), "{text}");
    assert!(text.contains("深处的第二段"), "{text}");
}

#[test]
fn a_large_page_keeps_every_paragraph_and_heading() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut page = String::from(
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>大页面_频道_网站</title></head><body><nav><a>首页</a></nav><article><h1>很长的一篇文章</h1>\n",
    );
    let (paras, every) = (20_000, 500);
    for i in 0..paras {
        if i % every == 0 {
            page.push_str(&format!("<h2>第{i}节</h2>\n"));
        }
        page.push_str(&format!(
            "<p>第{i}段，江边的候鸟观测站每年三月迎来上万只候鸟，志愿者们天不亮就来到堤岸。</p>\n"
        ));
    }
    page.push_str("</article><footer>版权所有</footer></body></html>\n");
    let path = write(&dir, "big.html", &page);
    let out = yuedu()
        .args(["outline", "--json", &path])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    let blocks = v["blocks"].as_array().expect("blocks");
    let count = |k: &str| blocks.iter().filter(|b| b["kind"] == k).count();
    assert_eq!(count("paragraph"), paras);
    assert_eq!(count("heading"), paras / every);
    assert_eq!(v["title"], "很长的一篇文章");
    let last = blocks.last().expect("a block")["text"]
        .as_str()
        .expect("text");
    assert!(last.starts_with(&format!("第{}段", paras - 1)), "{last}");
    // Lines point into the file: the last paragraph stands on the file's last lines.
    let line = blocks.last().expect("a block")["line"]
        .as_u64()
        .expect("line");
    assert_eq!(line as usize, page.lines().count() - 1);
}
