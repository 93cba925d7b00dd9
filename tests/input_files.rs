//! Files as they really come: other encodings, broken bytes, binary files, empty files,
//! huge lines and many paragraphs. Each opens or is refused with a clear message.

mod common;

use common::cli::{outline_json, yuedu};
use serde_json::Value;

const SHIPPED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/articles/yuyao-yangtze-delta.txt"
);

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

#[test]
fn gb18030_and_utf16_give_the_same_outline_as_utf8() {
    let text = std::fs::read_to_string(SHIPPED).expect("article");
    let utf8 = outline_json(std::path::Path::new(SHIPPED), &[]);
    assert!(utf8.get("encoding").is_none(), "plain UTF-8 needs no note");
    let dir = tempfile::tempdir().expect("tempdir");

    let (gb, _, unmappable) = encoding_rs::GB18030.encode(&text);
    assert!(!unmappable);
    let mut v = outline_json(write(&dir, "gb.txt", &gb), &[]);
    assert_eq!(v["encoding"]["name"], "GB18030");
    assert!(
        v["encoding"]["note"]
            .as_str()
            .is_some_and(|n| n.contains("GB18030"))
    );
    v.as_object_mut().expect("object").remove("encoding");
    assert_eq!(v, utf8);

    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut v = outline_json(write(&dir, "le.txt", &le), &[]);
    assert_eq!(v["encoding"]["name"], "UTF-16LE");
    v.as_object_mut().expect("object").remove("encoding");
    assert_eq!(v, utf8);

    // Forcing the encoding reads it too.
    let mut v = outline_json(write(&dir, "gb2.txt", &gb), &["--encoding", "gb18030"]);
    v.as_object_mut().expect("object").remove("encoding");
    assert_eq!(v, utf8);
}

#[test]
fn a_few_bad_bytes_are_replaced_and_reported() {
    let mut bytes = std::fs::read(SHIPPED).expect("article");
    bytes.splice(40..40, [0xFF, 0xFE, 0xC3]);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(&dir, "bad.txt", &bytes);
    let v = outline_json(&path, &[]);
    let note = v["encoding"]["note"].as_str().expect("a note");
    assert!(note.contains("replaced"), "{note}");
    let out = yuedu().arg("outline").arg(&path).output().expect("runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains("replaced"));
}

#[test]
fn binary_files_are_refused_unless_forced() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(&dir, "bin.dat", b"ELF\0\0\x01\x02abc\n");
    let out = yuedu().arg("dump").arg(&path).output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bin.dat") && err.contains("not a text file") && err.contains("--force"),
        "{err}"
    );
    let out = yuedu()
        .args(["dump", "--force"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("^@") && !out.stdout.contains(&0), "{shown}");
}

#[test]
fn unknown_forced_encoding_is_a_clear_error() {
    let out = yuedu()
        .args(["dump", "--encoding", "klingon", SHIPPED])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("\"klingon\"") && err.contains("GB18030"),
        "{err}"
    );
}

#[test]
fn empty_and_blank_files_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", &b"\n\n   \n\r\n\t\n"[..]),
    ] {
        let path = write(&dir, name, bytes);
        let out = yuedu().arg("dump").arg(&path).output().expect("runs");
        assert!(out.status.success(), "{name}");
        let v = outline_json(&path, &[]);
        assert_eq!(v["blocks"].as_array().map(Vec::len), Some(0), "{name}");
        assert_eq!(v["title"], Value::Null);
    }
}

#[test]
fn a_huge_single_line_and_many_paragraphs_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    // 4 MB in one line (the 50 MB case is measured by the benchmarks).
    let sentence = "长三角一体化发展,AIoT企业3.65%增长——“拼”!";
    let line = sentence.repeat(4 * 1024 * 1024 / sentence.len());
    let path = write(&dir, "line.txt", line.as_bytes());
    let out = yuedu()
        .args(["dump", "--width", "60"])
        .arg(&path)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let shown: String = String::from_utf8_lossy(&out.stdout)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let want: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    assert_eq!(shown.len(), want.len(), "nothing lost");

    let paragraphs: String = (0..100_000)
        .map(|i| format!("第{i}段,内容。\n\n"))
        .collect();
    let path = write(&dir, "many.txt", paragraphs.as_bytes());
    let v = outline_json(&path, &[]);
    assert_eq!(
        v["blocks"].as_array().map(Vec::len),
        Some(100_000),
        "a sentence is no title"
    );
}
