//! Bad configuration files run through the real binary: each stops before the screen is
//! touched, with the file, line and column, the bad value and what would be valid.

use assert_cmd::Command;

fn yuedu_with_config(text: &str) -> (Option<i32>, String, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("config.toml");
    std::fs::write(&path, text).expect("write config");
    let out = Command::cargo_bin("yuedu")
        .expect("binary")
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .args([
            "--config",
            path.to_str().expect("path"),
            "dump",
            "--width",
            "30",
            "articles/yuyao-yangtze-delta.txt",
        ])
        .output()
        .expect("runs");
    let shown = path.display().to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).replace(&shown, "CONFIG");
    (
        out.status.code(),
        stderr,
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn every_kind_of_bad_config_is_refused_with_a_clear_message() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("[text\nline-break = \"gb\"\n", "CONFIG:1:", &[]),
        (
            "[text]\nline-break = \"loose\"\n",
            "CONFIG:2:14: ",
            &["\"loose\"", "\"strict\""],
        ),
        (
            "[text]\nambiguous = \"wide\"\n",
            "CONFIG:2:1: ",
            &["\"ambiguous\"", "ambiguous-width"],
        ),
        (
            "[keys]\njump = [\"x\"]\n",
            "CONFIG:2:1: ",
            &["\"jump\"", "next-heading"],
        ),
        (
            "[keys]\nquit = [\"ctrl-alt-\"]\n",
            "CONFIG:2:8: ",
            &["\"ctrl-alt-\"", "pagedown"],
        ),
        (
            "[theme.colors]\ntitle = \"#12345\"\n",
            "CONFIG:2:9: ",
            &["\"#12345\"", "#rrggbb"],
        ),
        (
            "[theme]\nname = \"solarized\"\n",
            "CONFIG:2:8: ",
            &["\"solarized\"", "\"dark\""],
        ),
        ("[layout]\nnav-width = -3\n", "CONFIG:2:13: ", &["-3"]),
    ];
    for (text, position, needles) in cases {
        let (code, stderr, stdout) = yuedu_with_config(text);
        assert_eq!(code, Some(2), "{text:?}: {stderr}");
        assert!(stdout.is_empty(), "nothing printed for {text:?}");
        assert_eq!(stderr.lines().count(), 1, "one line for {text:?}: {stderr}");
        assert!(
            stderr.starts_with(&format!("yuedu: {position}")),
            "{text:?} gave {stderr}"
        );
        for n in *needles {
            assert!(stderr.contains(n), "{text:?} gave {stderr}, missing {n}");
        }
        assert!(!stderr.contains("panicked"));
    }
}

#[test]
fn a_good_partial_config_changes_only_what_it_says() {
    let (code, stderr, stdout) = yuedu_with_config("[text]\npunctuation = \"fullwidth\"\n");
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("今年，长三角"), "{stdout}");
}

#[test]
fn missing_explicit_config_is_an_error() {
    let out = Command::cargo_bin("yuedu")
        .expect("binary")
        .args(["--config", "/nonexistent/yuedu.toml", "outline"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("/nonexistent/yuedu.toml") && err.contains("No such file"),
        "{err}"
    );
}

#[test]
fn yuedu_config_environment_variable_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("c.toml");
    std::fs::write(&path, "[layout]\nindent = \">>\"\n").expect("write");
    let out = Command::cargo_bin("yuedu")
        .expect("binary")
        .env("YUEDU_CONFIG", &path)
        .args(["dump", "--width", "40", "articles/yuyao-yangtze-delta.txt"])
        .output()
        .expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains(">>今年,长三角"));
}
