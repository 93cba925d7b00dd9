//! Parts of a saved page's article that its site sets in its own elements, read by the
//! real binary as a user reads them (`outline --json`, `dump`): a subtitle set as a
//! plain line under the headline. Pages written for the project.

mod common;

use common::cli::{format_data as data, run_ok as run};
use common::outline::{blocks_of, sections};

use serde_json::{Value, json};

/// The outline of the format fixture `name`.
fn outline(name: &str) -> Value {
    common::outline::outline(&data(name))
}

fn dump(name: &str) -> String {
    run(&["dump", "--width", "200", &data(name)])
}

#[test]
fn a_short_plain_line_under_the_headline_is_the_subtitle() {
    let v = outline("head-plain-subtitle.html");
    assert_eq!(v["title"], "河埠头的洗衣台");
    assert_eq!(v["kicker"], "老街的水边又有了人声");
    // Printed nowhere else: never left out with the head's furniture.
    assert_eq!(v["subtitle"], "旧城微更新｜三处石阶修好后的头一个秋天");
    assert_eq!(v["authors"], json!(["贺春生"]));
    assert_eq!(sections(&v), ["石匠的办法"]);
    assert_eq!(blocks_of(&v, "paragraph").len(), 4);
    let shown = dump("head-plain-subtitle.html");
    assert_eq!(
        shown.matches("三处石阶修好后的头一个秋天").count(),
        1,
        "{shown}"
    );
}
