//! `yuedu outline` run as a user runs it: on the shipped article, on articles of other
//! shapes, and on files that are not articles.

mod common;

use common::cli::{data, outline_json, yuedu};
use serde_json::{Value, json};

const SHIPPED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/articles/yuyao-yangtze-delta.txt"
);

fn texts(v: &Value, key: &str, field: &str) -> Vec<(String, u64)> {
    v[key]
        .as_array()
        .expect("array")
        .iter()
        .map(|x| {
            (
                x[field].as_str().expect("text").to_string(),
                x["line"].as_u64().expect("line"),
            )
        })
        .collect()
}

#[test]
fn shipped_article_structure() {
    let v = outline_json(SHIPPED, &[]);
    let keys: Vec<&str> = v
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "authors", "banner", "blocks", "captions", "column", "dateline", "joins", "kicker",
            "sections", "subtitle", "title"
        ]
    );
    assert_eq!(v["banner"], "长三 谱写长三角一体化新篇章");
    for key in ["kicker", "subtitle", "column", "dateline"] {
        assert_eq!(v[key], Value::Null, "{key}");
    }
    let line5 = std::fs::read_to_string(SHIPPED)
        .expect("article")
        .lines()
        .nth(4)
        .expect("line 5")
        .trim()
        .to_string();
    assert_eq!(v["title"], json!(line5));
    assert_eq!(v["authors"], json!(["陈醉", "劳超杰"]));
    assert_eq!(
        texts(&v, "sections", "title"),
        [
            ("科创“共同体”激活增长极".to_string(), 24),
            ("“大平台”推动强链补链".to_string(), 48),
            ("区域共绘民生“幸福圈”".to_string(), 56)
        ]
    );
    let captions: Vec<(String, Value, u64)> = v["captions"]
        .as_array()
        .expect("captions")
        .iter()
        .map(|c| {
            (
                c["text"].as_str().expect("text").to_string(),
                c["credit"].clone(),
                c["line"].as_u64().expect("line"),
            )
        })
        .collect();
    assert_eq!(
        captions,
        [
            ("智谷小镇,日新月异。".to_string(), json!("谷志锋"), 21),
            ("第八届中国机器人峰会活动现场".to_string(), Value::Null, 44),
            (
                "高技术产业代表性企业——江丰电子".to_string(),
                Value::Null,
                74
            ),
            ("来凯制药落户余姚".to_string(), json!("金福中"), 78),
            ("浙大机器人研究院".to_string(), Value::Null, 82),
            ("领克“超级工厂”".to_string(), json!("黄孟丹"), 86),
        ]
    );
    let joins: Vec<u64> = v["joins"]
        .as_array()
        .expect("joins")
        .iter()
        .map(|j| j["line"].as_u64().expect("line"))
        .collect();
    assert_eq!(joins, [46, 54, 66]);
    for j in v["joins"].as_array().expect("joins") {
        assert!(!j["before"].as_str().expect("before").is_empty());
        assert!(!j["after"].as_str().expect("after").is_empty());
    }
    let blocks = v["blocks"].as_array().expect("blocks");
    let paragraphs: Vec<&Value> = blocks.iter().filter(|b| b["kind"] == "paragraph").collect();
    assert_eq!(paragraphs.len(), 21);
    let at = |line: u64| -> &str {
        blocks
            .iter()
            .find(|b| b["line"] == line)
            .and_then(|b| b["text"].as_str())
            .expect("block at line")
    };
    assert!(
        at(40).contains("企业研发强度来赋能生产力。”余姚市相关负责人说道。"),
        "{}",
        at(40)
    );
    assert!(
        at(64).ends_with("合力推进山区普通公路网融合等深入合作。"),
        "{}",
        at(64)
    );
    // The caption that interrupted the paragraph of line 40 follows it.
    let i40 = blocks
        .iter()
        .position(|b| b["line"] == 40)
        .expect("paragraph 40");
    assert_eq!(blocks[i40 + 1]["line"], 44);
    assert_eq!(blocks[i40 + 1]["kind"], "caption");
}

#[test]
fn another_article_laid_out_the_same_way() {
    let v = outline_json(data("other-feature.txt"), &[]);
    assert_eq!(v["banner"], "城市观察 古镇新生");
    assert_eq!(v["title"], "一座江南古镇的十年:从“空心村”到“网红镇”");
    assert_eq!(v["authors"], json!(["王五", "李晓明", "赵六"]));
    assert_eq!(
        texts(&v, "sections", "title"),
        [
            ("“老宅子”里的新生意".to_string(), 12),
            ("年轻人回来了".to_string(), 23)
        ]
    );
    assert_eq!(v["captions"][0]["text"], "老街晨景");
    assert_eq!(v["captions"][0]["credit"], "张三");
    assert_eq!(v["captions"][0]["line"], 18);
    assert_eq!(v["captions"][1]["text"], "河畔的书店");
    assert_eq!(v["captions"][1]["credit"], "陈晓");
    assert_eq!(v["captions"][2]["text"], "修缮后的老宅");
    assert_eq!(v["captions"][2]["credit"], Value::Null);
    assert_eq!(v["joins"][0]["line"], 21);
    assert_eq!(v["joins"].as_array().map(Vec::len), Some(1));
}

#[test]
fn article_without_byline_or_banner() {
    let v = outline_json(data("no-byline.txt"), &[]);
    assert_eq!(v["banner"], Value::Null);
    assert_eq!(v["title"], "夜航船上的读书人");
    assert_eq!(v["authors"], json!([]));
    assert_eq!(v["blocks"].as_array().map(Vec::len), Some(2));
}

#[test]
fn heading_that_starts_and_ends_with_a_quote_and_no_final_newline() {
    let v = outline_json(data("quoted-heading.txt"), &[]);
    assert_eq!(v["title"], "“慢生活”的另一面");
    assert_eq!(v["authors"], json!(["孙七"]));
    assert_eq!(
        texts(&v, "sections", "title"),
        [("“快”与“慢”".to_string(), 7)]
    );
    assert_eq!(v["blocks"][2]["text"], "第二节的正文说到这里。");
}

#[test]
fn a_subheads_mark_is_shown_but_not_part_of_the_sections_name() {
    // Papers mark subheads with ■ ◆ ●: the outline names the section by its words, the
    // text shows the heading as printed.
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("marked.txt");
    std::fs::write(
        &path,
        "小站连起山里山外\n\n本报记者　韩　雪\n\n\u{3000}\u{3000}快递进村，难在哪里？\n\n\
         ■共建共用降成本\n\n\u{3000}\u{3000}县里把网点整合起来。\n\n\
         ◆ 山货出村有了新路\n\n\u{3000}\u{3000}快递进得来，山货也出得去。\n",
    )
    .expect("write");
    let path = path.to_str().expect("path");
    let v = outline_json(path, &[]);
    assert_eq!(
        texts(&v, "sections", "title"),
        [
            ("共建共用降成本".to_string(), 7),
            ("山货出村有了新路".to_string(), 11)
        ]
    );
    let out = yuedu().args(["dump", path]).output().expect("runs");
    let dump = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        dump.contains("■共建共用降成本") && dump.contains("◆ 山货出村有了新路"),
        "{dump}"
    );
}

#[test]
fn crlf_line_ends_and_trailing_spaces_give_the_same_outline() {
    let text = std::fs::read_to_string(SHIPPED).expect("article");
    let dir = tempfile::tempdir().expect("tempdir");
    let crlf = dir.path().join("crlf.txt");
    let spaced: String = text.lines().map(|l| format!("{l}  \t\r\n")).collect();
    std::fs::write(&crlf, spaced.trim_end()).expect("write");
    assert_eq!(
        outline_json(crlf.to_str().expect("path"), &[]),
        outline_json(SHIPPED, &[])
    );
}

#[test]
fn text_outline_names_sections_captions_and_joins() {
    let out = yuedu().args(["outline", SHIPPED]).output().expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    for needle in [
        "科创“共同体”激活增长极",
        "“大平台”推动强链补链",
        "区域共绘民生“幸福圈”",
        "photo: 谷志锋",
        "陈醉, 劳超杰",
    ] {
        assert!(text.contains(needle), "missing {needle} in\n{text}");
    }
    for line in ["46", "54", "66"] {
        assert!(
            text.lines()
                .any(|l| l.trim_start().starts_with(line) && l.contains('‖')),
            "join {line}\n{text}"
        );
    }
}

#[test]
fn default_path_is_the_shipped_article_even_without_articles_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Nothing given and nothing piped (assert_cmd always pipes standard input).
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_yuedu"))
        .env("YUEDU_CONFIG", "")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .current_dir(dir.path())
        .args(["outline", "--json"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v, outline_json(SHIPPED, &[]));
}

fn assert_fails_naming(args: &[&str], path: &str, reason: &str) {
    let out = yuedu().args(args).output().expect("runs");
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains(path) && err.contains(reason), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn unreadable_inputs_fail_with_one_clear_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("missing.txt");
    let missing = missing.to_str().expect("path");
    assert_fails_naming(&["outline", missing], missing, "No such file");
    let d = dir.path().to_str().expect("path");
    // A folder stands for the articles below it: this one has none.
    assert_fails_naming(&["outline", d], d, "no article files");
    let bin = dir.path().join("image.png");
    std::fs::write(&bin, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").expect("write");
    let bin = bin.to_str().expect("path");
    assert_fails_naming(&["outline", bin], bin, "not a text file");
}

#[test]
fn help_and_version() {
    let out = yuedu().arg("--help").output().expect("runs");
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    for cmd in ["dump", "outline"] {
        assert!(help.contains(cmd), "{help}");
    }
    let out = yuedu().arg("--version").output().expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("yuedu {}", env!("CARGO_PKG_VERSION"))
    );
}
