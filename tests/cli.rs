//! The binary outside a terminal: it prints what the text pane would show.

mod common;

use common::cli::yuedu;

/// The shipped article, named: assert_cmd pipes standard input, which a command with no
/// path would read.
const SHIPPED: &str = "articles/yuyao-yangtze-delta.txt";

#[test]
fn piped_output_is_the_dump_at_80_columns() {
    let piped = std::process::Command::new(env!("CARGO_BIN_EXE_yuedu"))
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .env_remove("YUEDU_CONFIG")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("runs");
    assert!(piped.status.success());
    let dump = yuedu()
        .args(["dump", "--width", "80", SHIPPED])
        .output()
        .expect("runs");
    assert_eq!(
        String::from_utf8_lossy(&piped.stdout),
        String::from_utf8_lossy(&dump.stdout)
    );
    assert!(!piped.stdout.contains(&0x1b), "no escape sequences");
}

#[test]
fn dump_prints_one_line_per_laid_out_line_with_blank_lines_between_blocks() {
    let out = yuedu()
        .args(["dump", "--width", "24", SHIPPED])
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "长三 谱写长三角一体化新篇章"
            .chars()
            .take(lines[0].chars().count())
            .collect::<String>()
    );
    assert!(lines.contains(&""), "blank lines between blocks");
    assert!(!text.contains("\n\n\n"), "one blank line, not more");
    assert!(
        lines.iter().any(|l| l.starts_with("▲ 智谷小镇")),
        "caption marker"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("\u{3000}\u{3000}今年")),
        "paragraph indent"
    );
}

#[test]
fn dump_flags_override_the_configuration() {
    let narrow = yuedu()
        .args(["dump", "--width", "30", SHIPPED])
        .output()
        .expect("runs");
    let wide = yuedu()
        .args([
            "dump",
            "--width",
            "30",
            "--ambiguous-width",
            "wide",
            SHIPPED,
        ])
        .output()
        .expect("runs");
    assert_ne!(narrow.stdout, wide.stdout, "wide quotes change the breaks");
    let full = yuedu()
        .args(["dump", "--punctuation", "fullwidth", SHIPPED])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&full.stdout).contains("今年，长三角的“打开方式”是“拼”！"));
}

#[test]
fn bad_flag_values_are_usage_errors() {
    let out = yuedu()
        .args(["dump", "--line-break", "loose"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("loose"));
}

#[test]
fn piped_standard_input_is_read_as_the_article() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/no-byline.txt"
    ))
    .expect("data");
    let out = yuedu().write_stdin(text.clone()).output().expect("runs");
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("夜航船上的读书人"));
    // `-` names standard input explicitly, for every command.
    let out = yuedu()
        .args(["outline", "--json", "-"])
        .write_stdin(text)
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["title"], "夜航船上的读书人");
}
