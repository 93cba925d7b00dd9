//! Running the real binary as an operator does, for the command-line tests.

use std::ffi::OsStr;

use assert_cmd::Command;
use serde_json::Value;

/// The yuedu binary Cargo built, never reading the developer's own settings.
pub fn yuedu() -> Command {
    let mut c = Command::cargo_bin("yuedu").expect("binary");
    c.env("XDG_CONFIG_HOME", "/nonexistent")
        .env_remove("YUEDU_CONFIG");
    c
}

/// The path of `rel` under `tests/data/`.
pub fn data(rel: &str) -> String {
    format!("{}/tests/data/{rel}", env!("CARGO_MANIFEST_DIR"))
}

/// `yuedu outline --json EXTRA… PATH`, which must succeed (its stderr shown if not), as
/// one JSON object.
pub fn outline_json(path: impl AsRef<OsStr>, extra: &[&str]) -> Value {
    let out = yuedu()
        .args(["outline", "--json"])
        .args(extra)
        .arg(path)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

/// The path of a format fixture, `tests/data/formats/NAME`.
pub fn format_data(name: &str) -> String {
    data(&format!("formats/{name}"))
}

/// `yuedu ARGS…`, which must exit 0 (its stderr shown if not): its standard output.
pub fn run_ok(args: &[&str]) -> String {
    let out = yuedu().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}
