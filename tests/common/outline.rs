//! Reading what `outline --json` gives, for the format tests: the outline of a file,
//! its blocks (with their kinds, of one kind, or all their text; their inline styles),
//! the section titles, the captions with their credits' names. The one copy: a test
//! file keeps only readers of its own.

use serde_json::Value;

/// `yuedu outline --json PATH` of the real binary, which must succeed (its stderr shown
/// if not), as one JSON object.
pub fn outline(path: &str) -> Value {
    super::cli::outline_json(path, &[])
}

/// The outline of the format fixture `NAME` (`tests/data/formats/NAME`), as [`outline`].
pub fn fixture(name: &str) -> Value {
    outline(&super::cli::format_data(name))
}

/// Every block as (kind, text), in order.
pub fn blocks(v: &Value) -> Vec<(String, String)> {
    v["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .map(|b| {
            (
                b["kind"].as_str().expect("kind").to_string(),
                b["text"].as_str().expect("text").to_string(),
            )
        })
        .collect()
}

/// `(kind, text)` pairs owned, to compare with [`blocks`].
pub fn pairs(want: &[(&str, &str)]) -> Vec<(String, String)> {
    want.iter()
        .map(|(k, t)| (k.to_string(), t.to_string()))
        .collect()
}

/// Every block's text, whatever its kind, in order, in one string (a line each).
pub fn all_text(v: &Value) -> String {
    v["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .map(|b| b["text"].as_str().expect("text"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The texts of the blocks of `kind` ("paragraph", "heading", "caption", "note",
/// "byline"), in order.
pub fn blocks_of(v: &Value, kind: &str) -> Vec<String> {
    v["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .filter(|b| b["kind"] == kind)
        .map(|b| b["text"].as_str().expect("text").to_string())
        .collect()
}

/// The authors, in order.
pub fn authors(v: &Value) -> Vec<String> {
    v["authors"]
        .as_array()
        .expect("authors")
        .iter()
        .map(|a| a.as_str().expect("author").to_string())
        .collect()
}

/// The section titles, in order.
pub fn sections(v: &Value) -> Vec<String> {
    v["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .map(|s| s["title"].as_str().expect("title").to_string())
        .collect()
}

/// Each caption's text with its credit's name.
pub fn captions(v: &Value) -> Vec<(String, Option<String>)> {
    v["captions"]
        .as_array()
        .expect("captions")
        .iter()
        .map(|c| {
            (
                c["text"].as_str().expect("text").to_string(),
                c["credit"].as_str().map(str::to_string),
            )
        })
        .collect()
}

/// Each block's (text, [(styled text, style)]), the styled text cut out by characters;
/// a block lists styles only when it has some.
pub fn styled(v: &Value) -> Vec<(String, Vec<(String, String)>)> {
    v["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .map(|b| {
            let text: Vec<char> = b["text"].as_str().expect("text").chars().collect();
            let spans = b
                .get("styles")
                .map(|s| {
                    let s = s.as_array().expect("an array");
                    assert!(!s.is_empty(), "styles only when there are some");
                    s.iter()
                        .map(|s| {
                            let at = |k: &str| s[k].as_u64().expect("offset") as usize;
                            (
                                text[at("start")..at("end")].iter().collect(),
                                s["style"].as_str().expect("style").to_string(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            (text.into_iter().collect(), spans)
        })
        .collect()
}
