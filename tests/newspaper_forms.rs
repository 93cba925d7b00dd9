//! Newspaper text in the forms it really comes in, read as a user reads it: `yuedu
//! outline --json` (and `outline`, `check`) on fixtures written for the project, one per
//! form — an e-paper export with one paragraph per line (tests/data/newspaper/
//! epaper-lines.txt, from ../shared/cases), a CMS export without indents, a fixed-width
//! export hard-wrapped inside paragraphs, a wire story with photos, a wire photo item, and a blank-line
//! separated page with boxes, two-line heads and a byline inside the body, a GB18030
//! export whose dateline repeats the byline in brackets, a UTF-16 one whose reporters
//! sign as a paper and its site (中青报·中青网记者). Each fixture
//! has its expected structure beside it (NAME.expected.json, its "why" says what each
//! part is).

mod common;

use common::cli::yuedu;
use serde_json::Value;

const FORMS: &[&str] = &[
    "epaper-lines",
    "cms-lines",
    "hard-wrapped",
    "wire-photos",
    "wire-photo-item",
    "boxes-and-bylines",
    "dateline-after-byline",
    "paper-and-site-credits",
];

fn data(name: &str) -> String {
    common::cli::data(&format!("newspaper/{name}"))
}

fn run(args: &[&str]) -> String {
    let out = yuedu().args(args).output().expect("runs");
    assert!(
        out.status.success() || args[0] == "check",
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn outline_json(form: &str) -> Value {
    common::outline::outline(&data(&format!("{form}.txt")))
}

fn expected(form: &str) -> Value {
    let text = std::fs::read_to_string(data(&format!("{form}.expected.json"))).expect("expected");
    serde_json::from_str(&text).expect("expected JSON")
}

/// Text without white space of any kind (padding in names is not structure).
fn norm(v: &Value) -> String {
    v.as_str()
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect()
}

fn blocks_of<'a>(v: &'a Value, kind: &str) -> Vec<&'a Value> {
    v["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .filter(|b| b["kind"] == kind)
        .collect()
}

/// Every part of the expected structure, compared; returns what differs.
fn misses(form: &str) -> Vec<String> {
    let got = outline_json(form);
    let want = expected(form);
    let mut out = Vec::new();
    for key in ["title", "kicker", "subtitle", "column", "dateline"] {
        // The column tag is kept as printed: its words, in its brackets.
        let same = if key == "column" {
            norm(&got[key]).contains(&norm(&want[key]))
        } else {
            norm(&got[key]) == norm(&want[key])
        };
        if !same || got[key].is_null() != want[key].is_null() {
            out.push(format!("{key}: {} expected {}", got[key], want[key]));
        }
    }
    let names = |v: &Value| -> Vec<String> {
        v.as_array()
            .map_or(Vec::new(), |a| a.iter().map(norm).collect())
    };
    if names(&got["authors"]) != names(&want["authors"]) {
        out.push(format!(
            "authors: {} expected {}",
            got["authors"], want["authors"]
        ));
    }
    let sections: Vec<String> = got["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .map(|s| norm(&s["title"]))
        .collect();
    if sections != names(&want["sections"]) {
        out.push(format!(
            "sections: {sections:?} expected {}",
            want["sections"]
        ));
    }
    let captions = |v: &Value| -> Vec<(String, String)> {
        v.as_array().map_or(Vec::new(), |a| {
            a.iter()
                .map(|c| (norm(&c["text"]), norm(&c["credit"])))
                .collect()
        })
    };
    if captions(&got["captions"]) != captions(&want["captions"]) {
        out.push(format!(
            "captions: {} expected {}",
            got["captions"], want["captions"]
        ));
    }
    let paragraphs = blocks_of(&got, "paragraph");
    if Some(paragraphs.len() as u64) != want["paragraphs"].as_u64() {
        out.push(format!(
            "paragraphs: {} expected {}",
            paragraphs.len(),
            want["paragraphs"]
        ));
    }
    for (key, p) in [
        ("first_paragraph", paragraphs.first()),
        ("last_paragraph", paragraphs.last()),
    ] {
        if !want[key].is_null() && p.map(|p| norm(&p["text"])) != Some(norm(&want[key])) {
            out.push(format!(
                "{key}: {:?} expected {}",
                p.map(|p| &p["text"]),
                want[key]
            ));
        }
    }
    let notes: Vec<String> = blocks_of(&got, "note")
        .iter()
        .map(|b| norm(&b["text"]))
        .collect();
    if notes != names(&want["notes"]) {
        out.push(format!("notes: {notes:?} expected {}", want["notes"]));
    }
    let joins = got["joins"].as_array().expect("joins").len() as u64;
    if Some(joins) != want["joins"].as_u64() {
        out.push(format!("joins: {joins} expected {}", want["joins"]));
    }
    out
}

#[test]
fn every_form_gives_its_expected_structure() {
    let mut failed = Vec::new();
    for form in FORMS {
        for miss in misses(form) {
            failed.push(format!("{form}: {miss}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

/// The comparison can fail: a changed expectation is a miss.
#[test]
fn a_wrong_expectation_is_noticed() {
    let got = outline_json("epaper-lines");
    assert_ne!(norm(&got["title"]), "山城茶园十年间从荒坡变成致富园");
    assert_eq!(norm(&got["kicker"]), "山城茶园十年间从荒坡变成致富园");
}

#[test]
fn the_epaper_export_keeps_its_head_apart_and_its_order() {
    let v = outline_json("epaper-lines");
    assert_eq!(v["title"], "一片叶子带富一方百姓");
    assert_eq!(v["column"], "（乡村振兴·一线见闻）");
    assert_eq!(v["dateline"], "本报云岭11月28日电");
    let blocks = v["blocks"].as_array().expect("blocks");
    let kinds: Vec<(&str, u64)> = blocks
        .iter()
        .map(|b| {
            (
                b["kind"].as_str().expect("kind"),
                b["line"].as_u64().expect("line"),
            )
        })
        .collect();
    // Reading order is the file's: lines only go forward.
    assert!(kinds.windows(2).all(|w| w[0].1 < w[1].1), "{kinds:?}");
    // The first paragraph after the box's deck is what follows the dateline.
    let dated = blocks.iter().find(|b| b["line"] == 9).expect("line 9");
    assert_eq!(dated["kind"], "paragraph");
    assert!(
        dated["text"]
            .as_str()
            .expect("text")
            .starts_with("清晨六点"),
        "{dated}"
    );
    // Notes are shown, as notes.
    assert_eq!(
        blocks.last().map(|b| (&b["kind"], &b["line"])),
        Some((&Value::from("note"), &Value::from(26)))
    );
}

#[test]
fn a_byline_inside_the_body_stays_where_it_is() {
    let v = outline_json("boxes-and-bylines");
    let blocks = v["blocks"].as_array().expect("blocks");
    let at = blocks
        .iter()
        .position(|b| b["kind"] == "byline")
        .expect("a byline block");
    assert_eq!(norm(&blocks[at]["text"]), "本报记者唐宁");
    assert_eq!(blocks[at - 1]["text"], "剪纸——小店开进了商场");
    assert_eq!(blocks[at + 1]["kind"], "paragraph");
    assert_eq!(v["authors"].as_array().map(Vec::len), Some(3));
}

#[test]
fn text_outline_shows_the_head_notes_and_bylines() {
    let out = run(&["outline", &data("boxes-and-bylines.txt")]);
    assert!(out.contains("column   （非遗新观察）  (line 2)"), "{out}");
    assert!(
        out.contains("bylines (1)\n    25  本报记者 唐  宁\n"),
        "{out}"
    );
    assert!(
        out.contains("notes (1)\n    40  版式设计：韩  蕾\n"),
        "{out}"
    );
    let out = run(&["outline", &data("epaper-lines.txt")]);
    assert!(
        out.contains("kicker   山城茶园十年间从荒坡变成致富园  (line 1)"),
        "{out}"
    );
    assert!(
        out.contains("subtitle ——来自云岭县白石村的调查  (line 3)"),
        "{out}"
    );
    assert!(
        out.contains("dateline 本报云岭11月28日电  (line 9)"),
        "{out}"
    );
}

#[test]
fn check_does_not_flag_padding_letter_spacing_or_lines_as_paragraphs() {
    for form in FORMS {
        let out = run(&["check", &data(&format!("{form}.txt"))]);
        for line in out.lines() {
            let at: Vec<&str> = line.splitn(4, ':').collect();
            let Some(line_no) = at.get(1).and_then(|n| n.parse::<usize>().ok()) else {
                continue;
            };
            // (The line is only shown: a fixture in GB18030 or UTF-16 is shown as bytes.)
            let bytes = std::fs::read(data(&format!("{form}.txt"))).expect("fixture");
            let source = String::from_utf8_lossy(&bytes);
            let text = source.lines().nth(line_no - 1).unwrap_or_default().trim();
            // Headline lines may be flagged (spaces between a headline's parts are the
            // writer's to check); bylines, notes, letter-spaced heads and one-paragraph-
            // per-line text must not be.
            let in_body = line_no > 2;
            assert!(
                !(in_body && line.contains("space-between-chinese")),
                "{form}: {line} ({text})"
            );
            assert!(
                !line.contains("joined-paragraph") || *form == "boxes-and-bylines",
                "{form}: {line}"
            );
            assert!(!line.contains("empty-section"), "{form}: {line}");
        }
    }
}
