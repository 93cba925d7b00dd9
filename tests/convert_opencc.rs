//! yuedu's display conversion on OpenCC's own test cases: the whole-string conversion
//! (navigation pane, status bar, library) and the mapped one the layout shows, which
//! converts a run between punctuation at a time and keeps every character's source
//! position.

use yuedu::text::convert::{Script, apply, convert, convert_mapped};

/// The OpenCC configuration behind each script.
const CONFIGS: [(&str, Script); 4] = [
    ("s2t", Script::Traditional),
    ("s2twp", Script::Taiwan),
    ("s2hk", Script::Hongkong),
    ("tw2s", Script::Simplified),
];

fn cases() -> Vec<(String, Script, String, String)> {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/opencc/testcases.json"
    ))
    .expect("the OpenCC test cases");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let mut out = Vec::new();
    for case in v["cases"].as_array().expect("cases") {
        let input = case["input"].as_str().expect("input");
        for (name, script) in CONFIGS {
            if let Some(want) = case["expected"][name].as_str() {
                let id = format!("{} {name}", case["id"].as_str().unwrap_or("?"));
                out.push((id, script, input.to_string(), want.to_string()));
            }
        }
    }
    out
}

#[test]
fn every_case_of_the_configurations_used_passes() {
    let cases = cases();
    assert!(cases.len() >= 70, "{} cases", cases.len());
    let mut failed = Vec::new();
    for (id, script, input, want) in &cases {
        let whole = convert(*script, input);
        if whole != want.as_str() {
            failed.push(format!("{id} whole: {input} → {whole} (want {want})"));
        }
        let mapped = apply(input, &convert_mapped(*script, input));
        if mapped != *want {
            failed.push(format!("{id} mapped: {input} → {mapped} (want {want})"));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} failed:\n{}",
        failed.len(),
        cases.len(),
        failed.join("\n")
    );
}

#[test]
fn mapped_conversion_points_into_the_source() {
    for (id, script, input, _) in cases() {
        let m = convert_mapped(script, &input);
        let mut last = 0;
        for &(b, _) in &m.chars {
            assert!(input.is_char_boundary(b) && b < input.len(), "{id}: {b}");
            assert!(b >= last, "{id}: offsets ascend");
            last = b;
        }
        for (r, shown) in &m.phrases {
            assert!(
                input.is_char_boundary(r.start) && input.is_char_boundary(r.end),
                "{id}"
            );
            assert!(!r.is_empty() && !shown.is_empty(), "{id}");
            assert!(
                !m.chars.iter().any(|(b, _)| r.contains(b)),
                "{id}: disjoint"
            );
        }
    }
}
