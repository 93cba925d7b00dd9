//! The shipped article and test prose, laid out at every width from 8 to 120, checked
//! against the clreq rules in Rust and by the outside checker
//! `shared/tools/kinsoku_check.py`; and line fullness compared with textwrap.

mod common;

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

use common::{check, nonblank_lines, paragraph, test_article};
use yuedu::article::Article;
use yuedu::layout::{AmbiguousWidth, Item, Layout, LayoutOptions, LineBreakLevel, layout_item};

const MODES: [AmbiguousWidth; 2] = [AmbiguousWidth::Narrow, AmbiguousWidth::Wide];
const LEVELS: [LineBreakLevel; 2] = [LineBreakLevel::Gb, LineBreakLevel::Strict];

fn opts(width: usize, ambiguous: AmbiguousWidth, line_break: LineBreakLevel) -> LayoutOptions {
    LayoutOptions {
        width,
        ambiguous,
        line_break,
        ..LayoutOptions::default()
    }
}

fn lines_of(article: &Article, o: &LayoutOptions) -> Vec<String> {
    Layout::new(article, o)
        .lines(article)
        .map(|l| l.text())
        .collect()
}

fn source_of(article: &Article) -> String {
    article
        .blocks
        .iter()
        .map(|b| b.text.to_string() + "\n")
        .collect()
}

#[test]
fn article_has_no_violations_rust_rules() {
    let article = test_article();
    let source = source_of(&article);
    let mut failures = Vec::new();
    for mode in MODES {
        for level in LEVELS {
            for width in 8..=120 {
                let lines = lines_of(&article, &opts(width, mode, level));
                let v = check(&lines, &source, width, mode, level, |m| {
                    failures.push(format!("{mode:?} {level:?} w{width}: {m}"));
                });
                let _ = v;
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} violations, first: {:#?}",
        failures.len(),
        &failures[..failures.len().min(20)]
    );
}

#[test]
fn article_has_no_violations_python_checker() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools");
    if !dir.join("kinsoku_check.py").exists() {
        eprintln!("note: {dir:?}/kinsoku_check.py not found; outside check skipped");
        return;
    }
    let article = test_article();
    let source = source_of(&article);
    let driver = format!(
        r#"
import io, json, sys
sys.path.insert(0, {dir:?})
import kinsoku_check as k
req = json.load(sys.stdin)
for w, text in req["texts"].items():
    out = io.StringIO()
    c = k.check(text.split("\n"), int(w), req["wide"], req["level"], req["source"], out)
    print(w, sum(c.values()), json.dumps(out.getvalue()))
"#,
        dir = dir.display().to_string()
    );
    let mut total = 0;
    for mode in MODES {
        for level in LEVELS {
            let texts: BTreeMap<String, String> = (8..=120)
                .map(|w| {
                    (
                        w.to_string(),
                        lines_of(&article, &opts(w, mode, level)).join("\n"),
                    )
                })
                .collect();
            let req = serde_json::json!({
                "texts": texts,
                "wide": mode == AmbiguousWidth::Wide,
                "level": match level {
                    LineBreakLevel::Basic => "basic",
                    LineBreakLevel::Gb => "gb",
                    LineBreakLevel::Strict => "strict",
                },
                "source": source,
            });
            let Ok(mut child) = Command::new("python3")
                .arg("-c")
                .arg(&driver)
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .spawn()
            else {
                eprintln!("note: python3 not available; outside check skipped");
                return;
            };
            let mut stdin = child.stdin.take().expect("stdin");
            stdin.write_all(req.to_string().as_bytes()).expect("write");
            drop(stdin);
            let out = child.wait_with_output().expect("python3");
            assert!(out.status.success(), "driver failed");
            let stdout = String::from_utf8(out.stdout).expect("utf-8");
            let mut widths = 0;
            let mut here = 0;
            for line in stdout.lines() {
                let mut it = line.splitn(3, ' ');
                let w = it.next().unwrap_or_default();
                let n: usize = it.next().and_then(|n| n.parse().ok()).expect("count");
                widths += 1;
                if n > 0 {
                    eprintln!(
                        "{mode:?} {level:?} width {w}: {n} violations: {}",
                        it.next().unwrap_or_default()
                    );
                }
                here += n;
            }
            assert_eq!(widths, 113, "checker answered for every width");
            eprintln!("kinsoku_check {mode:?} {level:?}, widths 8..=120: violations: {here}");
            total += here;
        }
    }
    assert_eq!(total, 0, "violations reported by kinsoku_check.py");
}

/// Mean unused columns on the non-final lines of paragraphs.
fn mean_unused(lines_per_para: &[Vec<usize>], width: usize) -> f64 {
    let unused: Vec<usize> = lines_per_para
        .iter()
        .flat_map(|ws| ws[..ws.len().saturating_sub(1)].iter().map(|w| width - w))
        .collect();
    unused.iter().sum::<usize>() as f64 / unused.len().max(1) as f64
}

#[test]
fn lines_at_least_as_full_as_textwrap() {
    use unicode_width::UnicodeWidthStr;
    let paras = nonblank_lines("articles/yuyao-yangtze-delta.txt");
    let article = Article {
        blocks: paras.iter().map(|p| paragraph(p)).collect(),
        ..Article::default()
    };
    for width in [20, 40, 60, 80] {
        let o = opts(width, AmbiguousWidth::Narrow, LineBreakLevel::Gb);
        let ours: Vec<Vec<usize>> = (0..paras.len())
            .map(|i| {
                layout_item(&article, Item::Block(i), i, &o)
                    .iter()
                    .map(|l| l.width)
                    .collect()
            })
            .collect();
        let tw_opts = textwrap::Options::new(width)
            .word_separator(textwrap::WordSeparator::UnicodeBreakProperties)
            .initial_indent("　　");
        let theirs: Vec<Vec<usize>> = paras
            .iter()
            .map(|p| {
                textwrap::wrap(p, &tw_opts)
                    .iter()
                    .map(|l| l.width())
                    .collect()
            })
            .collect();
        let (a, b) = (mean_unused(&ours, width), mean_unused(&theirs, width));
        eprintln!(
            "width {width}: mean unused columns yuedu {a:.3} ({} lines), textwrap {b:.3} ({} lines)",
            ours.iter().map(Vec::len).sum::<usize>(),
            theirs.iter().map(Vec::len).sum::<usize>()
        );
        assert!(
            a <= b,
            "width {width}: yuedu leaves {a:.3} columns unused, textwrap {b:.3}"
        );
    }
}
