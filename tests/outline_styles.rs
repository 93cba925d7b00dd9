//! `outline --json` lists a block's inline styles, offsets in characters of its text,
//! only for blocks that have some; `dump` prints the plain text, no marker.

mod common;

use common::cli::{format_data as data, run_ok as run};
use common::outline::{outline, styled};

#[test]
fn markdown_styles_are_listed_in_characters_and_never_dumped_as_markers() {
    let path = data("emphasis.md");
    let blocks = styled(&outline(&path));
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        blocks[0],
        (
            "守塔人说，这一段里有粗体的字，也有斜体的字，其余都是平常的字。".to_string(),
            vec![pair("粗体", "strong"), pair("斜体", "emphasis")]
        )
    );
    assert_eq!(
        blocks[1].1,
        [
            pair("又粗又斜", "emphasis"),
            pair("又粗又斜", "strong"),
            pair("跨过行尾也还是粗体的字", "strong")
        ]
    );
    // The heading has none: no "styles" key.
    assert_eq!(blocks[2], ("换灯".to_string(), vec![]));
    assert_eq!(blocks[3].1, [pair("节能的", "strong")]);
    let dump = run(&["dump", &path]);
    assert!(!dump.contains('*'), "{dump}");
    assert!(dump.contains("这一段里有粗体的字，也有斜体的字"), "{dump}");
}

#[test]
fn the_shipped_article_has_no_styles() {
    let path = format!(
        "{}/articles/yuyao-yangtze-delta.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let json = run(&["outline", "--json", &path]);
    assert!(json.contains("余姚"));
    assert!(!json.contains("\"styles\""));
}

#[test]
fn a_dateline_cut_from_a_styled_paragraph_keeps_the_styles_on_their_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("dateline.md");
    std::fs::write(
        &path,
        "---\ntitle: 电头与粗体\n---\n\n新华社北京11月20日电（记者 张三）今天是**要紧**的一天，大家都*很高兴*。\n\n第二段。\n",
    )
    .expect("write");
    let path = path.to_str().expect("path");
    let v = outline(path);
    assert_eq!(v["dateline"], "新华社北京11月20日电");
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    assert_eq!(
        styled(&v)[0],
        (
            "今天是要紧的一天，大家都很高兴。".to_string(),
            vec![pair("要紧", "strong"), pair("很高兴", "emphasis")]
        )
    );
}
