//! Reading what `outline --json` gives, for the format tests: the outline of a file,
//! its blocks (with their kinds, of one kind, or all their text), the section titles,
//! the captions with their credits' names.

use serde_json::Value;

/// `yuedu outline --json PATH` of the real binary, which must succeed (its stderr shown
/// if not), as one JSON object.
pub fn outline(path: &str) -> Value {
    super::cli::outline_json(path, &[])
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
