//! `yuedu check` through the real binary: the shipped article, `--json`, configuration,
//! several files, and a hostile file.

mod common;

use common::cli::yuedu;
use std::collections::BTreeSet;

const SHIPPED: &str = "articles/yuyao-yangtze-delta.txt";

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let out = yuedu().args(args).output().expect("runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A finding line split into (path, line, col, severity, rule, message).
type Line = (String, usize, usize, String, String, String);

/// The finding lines of text output (the summary lines have no `:line:col:`).
fn findings(stdout: &str) -> Vec<Line> {
    stdout
        .lines()
        .filter_map(|l| {
            let (head, message) = l.split_once(": ")?;
            let mut fields = head.rsplitn(3, ':');
            let col = fields.next()?.parse().ok()?;
            let line = fields.next()?.parse().ok()?;
            let path = fields.next()?.to_string();
            let (severity, rule) = message.split_once(' ')?;
            let (rule, message) = rule.split_once(": ")?;
            Some((
                path,
                line,
                col,
                severity.to_string(),
                rule.to_string(),
                message.to_string(),
            ))
        })
        .collect()
}

fn lines_of(found: &[Line], rule: &str) -> Vec<usize> {
    found.iter().filter(|f| f.4 == rule).map(|f| f.1).collect()
}

#[test]
fn shipped_article_exits_1_with_76_commas_3_joins_and_3_uncredited_captions() {
    let r = run(&["check", SHIPPED]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let found = findings(&r.stdout);
    let commas: Vec<_> = found
        .iter()
        .filter(|f| f.4 == "halfwidth-punctuation" && f.5.contains("\",\""))
        .collect();
    assert_eq!(commas.len(), 76);
    // Exactly where the file has them.
    let text = std::fs::read_to_string(SHIPPED).expect("article");
    let want: Vec<(usize, usize)> = text
        .lines()
        .enumerate()
        .flat_map(|(i, l)| {
            l.chars()
                .enumerate()
                .filter(|&(_, c)| c == ',')
                .map(move |(j, _)| (i + 1, j + 1))
        })
        .collect();
    let got: Vec<(usize, usize)> = commas.iter().map(|f| (f.1, f.2)).collect();
    assert_eq!(got, want);
    assert!(commas.iter().all(|f| f.3 == "warning" && f.0 == SHIPPED));
    assert_eq!(lines_of(&found, "joined-paragraph"), [46, 54, 66]);
    assert!(
        found
            .iter()
            .filter(|f| f.4 == "joined-paragraph")
            .all(|f| f.3 == "error")
    );
    assert_eq!(lines_of(&found, "caption-without-credit"), [44, 74, 82]);
    let summary = r.stdout.lines().last().expect("summary line");
    assert!(
        summary.starts_with(&format!("{SHIPPED}: ")) && summary.contains("76 \",\""),
        "{summary}"
    );
    // No path given and nothing piped: the shipped article, the same findings.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_yuedu"))
        .arg("check")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env_remove("YUEDU_CONFIG")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("runs");
    assert_eq!(String::from_utf8_lossy(&out.stdout), r.stdout);
}

#[test]
fn json_has_the_same_findings_and_a_summary_per_file() {
    let text = run(&["check", SHIPPED]);
    let r = run(&["check", "--json", SHIPPED]);
    assert_eq!(r.code, Some(1));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let from_json: Vec<Line> = v["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(|f| {
            (
                f["path"].as_str().expect("path").to_string(),
                f["line"].as_u64().expect("line") as usize,
                f["col"].as_u64().expect("col") as usize,
                f["severity"].as_str().expect("severity").to_string(),
                f["rule"].as_str().expect("rule").to_string(),
                f["message"].as_str().expect("message").to_string(),
            )
        })
        .collect();
    assert_eq!(from_json, findings(&text.stdout));
    let file = &v["files"][0];
    assert_eq!(file["path"], SHIPPED);
    assert_eq!(file["halfwidth_marks"][","], 76);
    assert_eq!(file["rules"]["joined-paragraph"], 3);
    assert_eq!(file["errors"], 3);
    assert_eq!(file["findings"].as_u64(), Some(from_json.len() as u64));
}

fn with_config(config: &str, args: &[&str]) -> Run {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, config).expect("write config");
    let mut full = vec!["--config", path.to_str().expect("path")];
    full.extend_from_slice(args);
    let mut r = run(&full);
    r.stderr = r.stderr.replace(path.to_str().expect("path"), "CONFIG");
    r
}

#[test]
fn config_changes_severities_and_switches_rules_off() {
    let r = with_config(
        "[check]\njoined-paragraph = \"warning\"\nhalfwidth-punctuation = \"off\"\n",
        &["check", SHIPPED],
    );
    assert_eq!(r.code, Some(0), "no error is left: {}", r.stdout);
    let found = findings(&r.stdout);
    assert_eq!(
        lines_of(&found, "halfwidth-punctuation"),
        Vec::<usize>::new()
    );
    assert!(
        found
            .iter()
            .filter(|f| f.4 == "joined-paragraph")
            .all(|f| f.3 == "warning")
    );
    assert_eq!(lines_of(&found, "joined-paragraph"), [46, 54, 66]);
    let r = with_config(
        "[check]\ncaption-without-credit = \"error\"\n",
        &["check", "--list-rules"],
    );
    assert!(
        r.stdout.contains("info     a photo caption") && r.stdout.contains("[configured: error]"),
        "{}",
        r.stdout
    );
}

#[test]
fn bad_check_config_is_a_usage_error_with_position() {
    let r = with_config("[check]\nhalfwidth = \"error\"\n", &["check", SHIPPED]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.starts_with("yuedu: CONFIG:2:1: ") && r.stderr.contains("\"halfwidth\""),
        "{}",
        r.stderr
    );
    let r = with_config("[check]\nmixed-width = \"loud\"\n", &["check", SHIPPED]);
    assert_eq!(r.code, Some(2));
    assert!(
        r.stderr.starts_with("yuedu: CONFIG:2:15: ") && r.stderr.contains("\"loud\""),
        "{}",
        r.stderr
    );
}

#[test]
fn list_rules_names_every_rule_with_its_default() {
    let r = run(&["check", "--list-rules"]);
    assert_eq!(r.code, Some(0));
    let rules: BTreeSet<(&str, &str)> = r
        .stdout
        .lines()
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            Some((w.next()?, w.next()?))
        })
        .collect();
    assert_eq!(rules.len(), 14, "{}", r.stdout);
    assert!(rules.contains(&("halfwidth-punctuation", "warning")));
    assert!(rules.contains(&("joined-paragraph", "error")));
    assert!(rules.contains(&("caption-without-credit", "info")));
    assert_eq!(run(&["check", "--list-rules", SHIPPED]).code, Some(2));
}

#[test]
fn clean_file_exits_0_and_unreadable_file_exits_2_after_the_others() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clean = dir.path().join("clean.txt");
    std::fs::write(
        &clean,
        "城市观察\n\n小城十年的变迁之路\n\n正文，没有问题。\n",
    )
    .expect("write");
    let clean = clean.to_str().expect("path");
    let r = run(&["check", clean]);
    assert_eq!(r.code, Some(0), "{}", r.stdout);
    assert_eq!(r.stdout, format!("{clean}: no findings\n"));
    let missing = dir.path().join("missing.txt");
    let r = run(&["check", missing.to_str().expect("path"), SHIPPED, clean]);
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("missing.txt"), "{}", r.stderr);
    assert_eq!(
        lines_of(&findings(&r.stdout), "joined-paragraph"),
        [46, 54, 66]
    );
    assert!(r.stdout.ends_with(&format!("{clean}: no findings\n")));
}

#[test]
fn hostile_file_output_has_no_escape_or_c1_and_every_character_is_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("hostile.txt");
    let body = "城市观察\n\n小城十年的变迁之路\n\n\
                正文\u{1b}[2J清屏\u{1b}]52;c;aGVsbG8=\u{7}剪贴板\u{9b}31m红\u{202e}反向\u{200b}零宽。\n";
    std::fs::write(&path, body).expect("write");
    let path = path.to_str().expect("path");
    let clean = |s: &str| {
        !s.contains('\u{1b}')
            && !s.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c))
            && !s.contains('\u{202e}')
            && !s.contains('\u{200b}')
    };
    let r = run(&["check", path]);
    assert_eq!(r.code, Some(1), "control characters are errors");
    assert!(clean(&r.stdout), "{:?}", r.stdout);
    let found = findings(&r.stdout);
    let at = |rule: &str| -> Vec<(usize, usize)> {
        found
            .iter()
            .filter(|f| f.4 == rule)
            .map(|f| (f.1, f.2))
            .collect()
    };
    // ESC, ESC, BEL, CSI (U+009B), RLO; then the zero-width space.
    assert_eq!(
        at("control-character"),
        [(5, 3), (5, 9), (5, 24), (5, 28), (5, 33)]
    );
    assert_eq!(at("invisible-character"), [(5, 36)]);
    assert!(
        r.stdout.contains("U+009B, shown as <U+009B>"),
        "{}",
        r.stdout
    );

    let r = run(&["check", "--json", path]);
    assert!(clean(&r.stdout), "{:?}", r.stdout);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).expect("json");
    let rules: Vec<&str> = v["findings"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .filter(|r| r.ends_with("-character"))
        .collect();
    assert_eq!(rules.len(), 6);
}
