//! Reading what `outline --json` gives, for the format tests: the texts of one kind of
//! block, the section titles, the captions with their credits' names.

use serde_json::Value;

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
