//! What the commands read: piped standard input (and "-"), folders checked recursively
//! in a stable order, several files, readable errors for bad values, help that lists
//! only what applies.

mod common;

use common::cli::{data, yuedu};

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn check_outline_and_dump_read_piped_standard_input() {
    // prose-2 has 63 warnings and no error; the shipped article has errors.
    let text = std::fs::read_to_string(data("prose-2.txt")).expect("data");
    let out = yuedu()
        .arg("check")
        .write_stdin(text.clone())
        .output()
        .expect("runs");
    let s = stdout(&out);
    assert_eq!(out.status.code(), Some(0), "{s}");
    assert!(s.contains("(standard input): 63 findings (0 errors"), "{s}");
    assert!(!s.contains("yuyao"), "the shipped article was checked: {s}");
    let out = yuedu()
        .arg("outline")
        .write_stdin(text.clone())
        .output()
        .expect("runs");
    assert!(
        stdout(&out).starts_with("(standard input)"),
        "{}",
        stdout(&out)
    );
    let piped = yuedu()
        .args(["dump", "-w", "30"])
        .write_stdin(text.clone())
        .output()
        .expect("runs");
    let named = yuedu()
        .args(["dump", "-w", "30", &data("prose-2.txt")])
        .output()
        .expect("runs");
    assert_eq!(stdout(&piped), stdout(&named));
    // "-" names it too, among other files.
    let out = yuedu()
        .args(["check", "-", &data("prose.txt")])
        .write_stdin(text)
        .output()
        .expect("runs");
    let s = stdout(&out);
    let stdin_at = s
        .find("(standard input): 63 findings")
        .expect("stdin report");
    let file_at = s.find("prose.txt: no findings").expect("file report");
    assert!(stdin_at < file_at, "{s}");
}

#[test]
fn a_saved_pages_resource_folder_is_not_read_as_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let page = "<html><head><title>老街</title></head><body><article><h1>老街</h1>\
                <p>走进老街，竹编、剪纸、木雕的铺子一家挨着一家。</p></article></body></html>";
    // What a browser's "Save page, complete" writes: the page and its resources.
    std::fs::create_dir_all(root.join("老街_files")).expect("dirs");
    std::fs::write(root.join("老街.html"), page).expect("write");
    std::fs::write(
        root.join("老街_files/saved_resource.html"),
        "<html><body><div>广告</div></body></html>",
    )
    .expect("write");
    // A folder named so with no page beside it is an ordinary folder.
    std::fs::create_dir_all(root.join("notes_files")).expect("dirs");
    std::fs::write(root.join("notes_files/a.html"), page).expect("write");
    let out = yuedu()
        .args(["outline", "--json", root.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    let files: Vec<&str> = v
        .as_array()
        .expect("an array")
        .iter()
        .map(|a| a["path"].as_str().expect("path"))
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(
        files.iter().all(|f| !f.contains("saved_resource")),
        "{files:?}"
    );
}

#[test]
fn check_dir_checks_every_article_below_it_in_path_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("b/deeper")).expect("dirs");
    std::fs::copy(data("prose-2.txt"), root.join("z.txt")).expect("copy");
    std::fs::copy(data("prose.txt"), root.join("b/deeper/a.txt")).expect("copy");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/articles/yuyao-yangtze-delta.txt"
        ),
        root.join("b/m.txt"),
    )
    .expect("copy");
    std::fs::write(root.join("b/notes.pdf"), "not an article").expect("write");
    let out = yuedu()
        .args(["check", root.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    let s = stdout(&out);
    // The shipped article's errors make the status 1.
    assert_eq!(out.status.code(), Some(1), "{s}");
    let summaries: Vec<&str> = s
        .lines()
        .filter(|l| l.contains("findings") || l.ends_with("no findings"))
        .collect();
    assert_eq!(summaries.len(), 3, "{s}");
    assert!(summaries[0].contains("b/deeper/a.txt: no findings"), "{s}");
    assert!(summaries[1].contains("b/m.txt: 97 findings"), "{s}");
    assert!(summaries[2].contains("z.txt: 63 findings"), "{s}");
    // The same again: a stable order, whatever thread finishes first.
    let again = yuedu()
        .args(["check", root.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    assert_eq!(stdout(&again), s);
    // outline and dump take the folder, or several files.
    let out = yuedu()
        .args(["outline", root.to_str().expect("utf-8")])
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert_eq!(stdout(&out).matches("\nsections (").count(), 3);
    let out = yuedu()
        .args([
            "outline",
            "--json",
            &data("prose.txt"),
            &data("no-byline.txt"),
        ])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v.as_array().map(Vec::len), Some(2));
    // Each object of the array names its file.
    assert_eq!(v[0]["path"].as_str(), Some(data("prose.txt").as_str()));
    assert_eq!(v[1]["path"].as_str(), Some(data("no-byline.txt").as_str()));
    let out = yuedu()
        .args([
            "dump",
            "-w",
            "40",
            &data("prose.txt"),
            &data("no-byline.txt"),
        ])
        .output()
        .expect("runs");
    let s = stdout(&out);
    assert!(s.starts_with("==> ") && s.contains("\n\n==> "), "{s}");
    // A folder with no article is an error that names it.
    let empty = tempfile::tempdir().expect("tempdir");
    let out = yuedu()
        .args(["check", empty.path().to_str().expect("utf-8")])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(err.contains("no article files"), "{err}");
    // The reader opening the folder says the same, and both name every format's files.
    let reader = yuedu()
        .arg(empty.path().to_str().expect("utf-8"))
        .output()
        .expect("runs");
    assert_eq!(reader.status.code(), Some(2));
    let reader_err = String::from_utf8_lossy(&reader.stderr).to_string();
    for e in [&err, &reader_err] {
        for ext in [".txt", ".md", ".html", ".epub", ".mhtml", ".mht"] {
            assert!(e.contains(ext), "{ext} not named: {e}");
        }
    }
}

#[test]
fn bad_values_are_said_in_words_and_help_lists_what_applies() {
    let out = yuedu()
        .args(["dump", "--width", "abc"])
        .output()
        .expect("runs");
    let e = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(e.contains("whole number of columns"), "{e}");
    let dir = tempfile::tempdir().expect("tempdir");
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "[layout]\nreading-width = -3\n").expect("write");
    let out = yuedu()
        .args(["--config", cfg.to_str().expect("utf-8"), "dump"])
        .output()
        .expect("runs");
    let e = String::from_utf8_lossy(&out.stderr);
    assert!(e.contains("config.toml:2:"), "{e}");
    assert!(e.contains("whole number from 0 to 65535"), "{e}");
    assert!(!e.contains("u16"), "{e}");
    // check has no layout: its help does not offer the layout's flags.
    let help = stdout(&yuedu().args(["check", "--help"]).output().expect("runs"));
    assert!(!help.contains("--line-break"), "{help}");
    assert!(!help.contains("--ambiguous-width"), "{help}");
    let help = stdout(&yuedu().args(["dump", "--help"]).output().expect("runs"));
    assert!(help.contains("--line-break"), "{help}");
}

#[test]
fn completions_and_the_manual_page_come_from_the_command_line() {
    for shell in ["bash", "zsh", "fish"] {
        let out = yuedu().args(["completions", shell]).output().expect("runs");
        assert!(out.status.success(), "{shell}");
        let s = stdout(&out);
        // Options of the subcommands, as the definition has them.
        // (fish names long options without their dashes.)
        for opt in ["list-rules", "width", "encoding"] {
            assert!(s.contains(opt), "{shell}: {opt} missing");
        }
    }
    let out = yuedu().arg("manpage").output().expect("runs");
    assert!(out.status.success());
    let s = stdout(&out);
    assert!(s.contains(".TH yuedu 1"), "{s}");
    // One page: `yuedu manpage > yuedu.1` installs all of it.
    assert_eq!(s.matches(".TH ").count(), 1, "{s}");
    for section in [
        ".SH \"YUEDU CHECK\"",
        ".SH \"YUEDU DUMP\"",
        ".SH \"YUEDU OUTLINE\"",
    ] {
        assert!(s.contains(section), "{section} missing");
    }
    assert!(s.contains("list\\-rules"), "check's options in its page");
    let out = yuedu()
        .args(["completions", "tcsh"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}
