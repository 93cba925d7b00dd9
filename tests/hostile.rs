//! A hostile article: escape sequences that retitle the terminal, write the clipboard,
//! clear the screen; C1 controls; bidi overrides; zero-width characters. Nothing of it
//! may reach the terminal as it is, and nothing may be dropped: it is shown as notation.

mod pty;

use assert_cmd::Command;
use pty::Pty;

/// Every kind of hostile content, in Chinese prose.
const HOSTILE: &str = concat!(
    "恶意标题\n\n",
    "第一段:标题\u{1b}]0;pwned-title\u{7}改写,再来\u{1b}]2;second\u{1b}\\一次。\n\n",
    "剪贴板\u{1b}]52;c;cm0gLXJmIH4=\u{7}写入,链接\u{1b}]8;;http://evil.example\u{1b}\\点这里\u{1b}]8;;\u{1b}\\结束。\n\n",
    "清屏\u{1b}[2J\u{1b}[H假的提示符$ 和C1控制\u{9b}31m红色\u{90}qDCS\u{9c}结束。\n\n",
    "双向\u{202e}文字反转\u{202c}与隐形\u{200b}零宽\u{200d}连接\u{2066}隔离\u{2069}字符。\n\n",
    "设备控制\u{1b}P1$r0m\u{1b}\\串和响铃\u{7}\u{7}。\n"
);

fn hostile_file(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("hostile.txt");
    std::fs::write(&path, HOSTILE).expect("write");
    path
}

/// No ESC, no C1 control, no bidi control in `text`.
fn assert_inert(text: &str, what: &str) {
    for c in text.chars() {
        let bad = c == '\u{1b}'
            || ('\u{80}'..='\u{9f}').contains(&c)
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200b}' | '\u{7}');
        assert!(!bad, "{what} contains U+{:04X}:\n{text}", c as u32);
    }
}

#[test]
fn the_reader_shows_notation_and_the_terminal_sees_no_escape() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = hostile_file(&dir);
    let p = Pty::yuedu(&[path.to_str().expect("path")], 120, 30);
    p.wait_for_text("设备控制");
    p.settle();
    let t = p.traffic();
    assert!(
        t.titles.is_empty() && t.icon_names.is_empty(),
        "title set: {t:?}"
    );
    assert!(t.clipboard.is_empty(), "clipboard written: {t:?}");
    assert_eq!(t.bells, 0, "bell rung");
    let screen = p.screen();
    for shown in [
        "^[]0;pwned-title^G",
        "^[]52;c;cm0gLXJmIH4=^G",
        "^[[2J",
        "<U+009B>",
        "<U+202E>",
        "<U+200B>",
        "<U+2066>",
        "^[P1$r0m",
    ] {
        assert!(screen.contains(shown), "{shown} not shown:\n{screen}");
    }
    // The screen was not cleared by the article: the title is still there.
    assert!(screen.contains("恶意标题"));
    // Notation has a style of its own (reverse video or a colour).
    let styled = p.with_screen(|s| {
        let (rows, cols) = s.size();
        (0..rows.get()).any(|r| {
            (0..cols.get()).any(|c| {
                s.cell(r, c).is_some_and(|cell| {
                    cell.contents() == "<"
                        && (cell.inverse() || cell.fgcolor() != vt100::Color::Default)
                })
            })
        })
    });
    assert!(styled, "notation drawn like text");
    // The raw bytes the program wrote hold no ESC ] (OSC), ESC P (DCS) or C1.
    let out = p.output_bytes();
    assert!(
        !out.windows(2).any(|w| w == b"\x1b]" || w == b"\x1bP"),
        "OSC or DCS written"
    );
    assert!(
        !String::from_utf8_lossy(&out)
            .chars()
            .any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
        "C1 written"
    );
}

#[test]
fn dump_outline_and_check_print_nothing_a_terminal_would_obey() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = hostile_file(&dir);
    for args in [
        &["dump"][..],
        &["outline"],
        &["outline", "--json"],
        &["check"],
        &["check", "--json"],
    ] {
        let out = Command::cargo_bin("yuedu")
            .expect("binary")
            .env("XDG_CONFIG_HOME", "/nonexistent")
            .args(args)
            .arg(&path)
            .output()
            .expect("runs");
        let stdout = String::from_utf8(out.stdout).expect("utf-8");
        let stderr = String::from_utf8(out.stderr).expect("utf-8");
        assert_inert(&stdout, &format!("{args:?} stdout"));
        assert_inert(&stderr, &format!("{args:?} stderr"));
        assert!(!stdout.is_empty(), "{args:?} printed nothing");
    }
    // The JSON still says exactly what the file holds, escaped.
    let out = Command::cargo_bin("yuedu")
        .expect("binary")
        .args(["outline", "--json"])
        .arg(&path)
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let text = v["blocks"][0]["text"].as_str().expect("text");
    assert!(text.contains("\u{1b}]0;pwned-title\u{7}"), "{text:?}");
}

#[test]
fn dump_keeps_every_character_as_text_or_notation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = hostile_file(&dir);
    let out = Command::cargo_bin("yuedu")
        .expect("binary")
        .args(["dump", "--width", "24"])
        .arg(&path)
        .output()
        .expect("runs");
    let shown: String = String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let want: String = yuedu::text::sanitize::sanitize(HOSTILE)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let shown = shown.replace("　", "");
    assert_eq!(shown, want.replace("　", ""));
}

#[test]
fn a_hostile_file_name_is_shown_as_notation_in_errors() {
    let out = Command::cargo_bin("yuedu")
        .expect("binary")
        .args(["dump", "/nonexistent/\u{1b}]0;x\u{7}.txt"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert_inert(&err, "error message");
    assert!(err.contains("^[]0;x^G"), "{err}");
}
