//! The script on the non-interactive outputs: `dump --script` shows the converted text,
//! `outline --json` keeps the source, and nothing is asked of a terminal that is not
//! there.

use assert_cmd::Command;

const ARTICLE: &str = "articles/yuyao-yangtze-delta.txt";

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("yuedu")
        .expect("the binary")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("XDG_CONFIG_HOME", "/nonexistent")
        .args(args)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn dump_shows_the_script_asked_for() {
    let tw = run(&["dump", "--width", "60", "--script", "traditional", ARTICLE]);
    assert!(tw.contains("長三 譜寫長三角一體化新篇章"), "{tw}");
    assert!(tw.contains("▲ 智谷小鎮,日新月異。 谷志鋒 攝"), "{tw}");
    assert!(!tw.contains("长三角"));
    let asis = run(&["dump", "--width", "60", ARTICLE]);
    assert!(asis.contains("长三 谱写长三角一体化新篇章"));
    // Conversion here is one character for one: the same lines, broken alike.
    assert_eq!(tw.lines().count(), asis.lines().count());
}

#[test]
fn outline_keeps_the_source_text() {
    let plain = run(&["outline", "--json", ARTICLE]);
    let with_script = run(&["outline", "--json", "--script", "traditional", ARTICLE]);
    assert_eq!(plain, with_script);
    assert!(plain.contains("余姚"));
}

#[test]
fn no_terminal_no_width_question() {
    // Standard output is a pipe: the reader prints the dump and asks the terminal nothing.
    let out = run(&[ARTICLE]);
    assert!(!out.contains("\u{1b}[6n"));
    assert!(out.contains("长三 谱写长三角一体化新篇章"));
}
