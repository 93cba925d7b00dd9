//! `yuedu check`: the findings of [`crate::check`] as lines or JSON.
//!
//! Text: one finding a line, `path:line:col: severity rule: message`, then one summary
//! line per file, `path: N findings (…); halfwidth-punctuation: N (…)`, which has no
//! `:line:col:` and so never reads as a finding.
//!
//! JSON: one object, `{"findings": [{path, file_name?, line, col, severity, rule, message,
//! suggestion?}], "files": [{path, encoding, findings, errors, warnings, info, rules,
//! halfwidth_marks}]}`; `file_name` is the path inside the opened file of a finding in
//! one (an EPUB's chapter, `OEBPS/ch2.xhtml`), as the text form's `path:file_name:line:col`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io;

use serde::Serialize;

use crate::check::{FindingList, FindingRef, HALFWIDTH_MARKS, Rule, RuleLevels, Severity};
use crate::commands::targets::{Target, map_parallel};
use crate::input::source::{LoadError, LoadOptions};
use crate::text::sanitize::for_terminal_line;

/// How `yuedu check` ended, worst first: a file could not be read, a finding is an
/// error, or neither. `main` maps it to the exit status (2, 1, 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckStatus {
    Unreadable,
    Errors,
    Clean,
}

/// `yuedu check`: every target read with `load` and checked with `levels`, in parallel
/// (up to the machine's cores), reported to `out` in the order given — as text a file
/// at a time ([`write_text`], `out` flushed after each), or with `json` all at once
/// ([`write_json`]). A file that cannot be read is handed to `unreadable` when its turn
/// comes and skipped.
///
/// Errors: only a failed write.
pub fn run(
    targets: &[Target],
    load: LoadOptions<'_>,
    levels: &RuleLevels,
    json: bool,
    out: &mut impl io::Write,
    unreadable: &mut dyn FnMut(LoadError),
) -> io::Result<CheckStatus> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let results = map_parallel(targets, threads, |t| {
        let src = crate::formats::load(t.load_path(), load)?;
        let article = crate::formats::parse_shared(src.format, &src.text);
        let findings = crate::check::check_source(&src, &article, levels);
        Ok((t.name(&src), src.encoding, findings))
    });
    let mut checked = Vec::new();
    let mut any_unreadable = false;
    for result in results {
        match result {
            Ok((path, encoding, findings)) => {
                if !json {
                    let report = FileReport {
                        path: &path,
                        encoding,
                        findings: &findings,
                    };
                    write_text(&report, out)?;
                    out.flush()?;
                }
                checked.push((path, encoding, findings));
            }
            Err(e) => {
                unreadable(e);
                any_unreadable = true;
            }
        }
    }
    if json {
        let reports: Vec<FileReport<'_>> = checked
            .iter()
            .map(|(path, encoding, findings)| FileReport {
                path,
                encoding,
                findings,
            })
            .collect();
        write_json(&reports, out)?;
        out.flush()?;
    }
    let any_error = checked
        .iter()
        .any(|(_, _, findings)| findings.any(Severity::Error));
    Ok(if any_unreadable {
        CheckStatus::Unreadable
    } else if any_error {
        CheckStatus::Errors
    } else {
        CheckStatus::Clean
    })
}

/// One checked file: its path as given, its encoding and its findings.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FileReport<'a> {
    pub path: &'a str,
    pub encoding: &'a str,
    pub findings: &'a FindingList,
}

/// A file's counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Summary<'a> {
    pub(crate) path: &'a str,
    pub(crate) encoding: &'a str,
    pub(crate) findings: usize,
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
    pub(crate) info: usize,
    /// Rule id → findings, for the rules that found something.
    pub(crate) rules: BTreeMap<&'static str, usize>,
    /// Half-width mark → how many stand in Chinese text (`","` → 76).
    pub(crate) halfwidth_marks: BTreeMap<String, usize>,
}

impl<'a> Summary<'a> {
    pub fn of(report: &FileReport<'a>) -> Self {
        let severity = |s: Severity| report.findings.kinds().filter(|f| f.1 == s).count();
        let mut rules = BTreeMap::new();
        let mut halfwidth_marks = BTreeMap::new();
        for (rule, _, suggestion) in report.findings.kinds() {
            *rules.entry(rule.id()).or_insert(0) += 1;
            if rule == Rule::HalfwidthPunctuation
                && let Some(&(half, _)) = HALFWIDTH_MARKS
                    .iter()
                    .find(|&&(_, full)| suggestion.and_then(|s| s.chars().next()) == Some(full))
            {
                *halfwidth_marks.entry(half.to_string()).or_insert(0) += 1;
            }
        }
        Summary {
            path: report.path,
            encoding: report.encoding,
            findings: report.findings.len(),
            errors: severity(Severity::Error),
            warnings: severity(Severity::Warning),
            info: severity(Severity::Info),
            rules,
            halfwidth_marks,
        }
    }
}

/// The findings of one file, one a line, and its summary line, written to `out` as they
/// are made: a 50 MB article's two million findings are never held as one text.
pub(crate) fn write_text(report: &FileReport<'_>, out: &mut impl io::Write) -> io::Result<()> {
    let path = for_terminal_line(report.path);
    for f in report.findings.iter() {
        // A finding in a file inside the one opened (an EPUB's chapter) names it.
        let inner = f
            .file_name
            .map(|n| format!("{}:", for_terminal_line(n)))
            .unwrap_or_default();
        writeln!(
            out,
            "{path}:{inner}{}:{}: {} {}: {}",
            f.line,
            f.col,
            f.severity,
            f.rule,
            for_terminal_line(f.message)
        )?;
    }
    let s = Summary::of(report);
    if s.findings == 0 {
        return writeln!(out, "{path}: no findings");
    }
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    write!(
        out,
        "{path}: {} ({}, {}, {} info)",
        plural(s.findings, "finding"),
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        s.info
    )?;
    if let Some(n) = s.rules.get(Rule::HalfwidthPunctuation.id()) {
        // In the order of the rule's table, not alphabetical: , first.
        let marks: Vec<String> = HALFWIDTH_MARKS
            .iter()
            .filter_map(|(half, _)| {
                let n = s.halfwidth_marks.get(&half.to_string())?;
                Some(format!("{n} \"{half}\""))
            })
            .collect();
        write!(
            out,
            "; {}: {n} ({})",
            Rule::HalfwidthPunctuation,
            marks.join(", ")
        )?;
    }
    writeln!(out)
}

#[derive(Serialize)]
struct FindingOut<'a> {
    path: &'a str,
    #[serde(flatten)]
    finding: FindingRef<'a>,
}

/// All files' findings and summaries as one JSON object (pretty-printed, ending in a
/// newline), with no character a terminal would act on, written to `out` a finding at a
/// time (a 50 MB article's two million findings are never one JSON text):
/// `{"findings": [...], "files": [...]}`, laid out as `serde_json`'s pretty printer lays
/// out the whole.
pub(crate) fn write_json(reports: &[FileReport<'_>], out: &mut impl io::Write) -> io::Result<()> {
    // A value pretty-printed alone, its lines after the first indented by `indent`, and
    // made safe for a terminal.
    let nested = |value: &dyn erased::Json, indent: &str| -> String {
        let json = value.pretty();
        super::escape_json_output(&json.replace('\n', &format!("\n{indent}")))
    };
    out.write_all(b"{\n  \"findings\": [")?;
    let mut first = true;
    for r in reports {
        for finding in r.findings.iter() {
            let item = FindingOut {
                path: r.path,
                finding,
            };
            out.write_all(if first { b"\n    " } else { b",\n    " })?;
            out.write_all(nested(&item, "    ").as_bytes())?;
            first = false;
        }
    }
    if !first {
        out.write_all(b"\n  ")?;
    }
    out.write_all(b"],\n  \"files\": ")?;
    let files: Vec<Summary<'_>> = reports.iter().map(Summary::of).collect();
    out.write_all(nested(&files, "  ").as_bytes())?;
    out.write_all(b"\n}\n")
}

/// Pretty-printing values of different types through one closure.
mod erased {
    pub(crate) trait Json {
        fn pretty(&self) -> String;
    }

    impl<T: serde::Serialize> Json for T {
        fn pretty(&self) -> String {
            serde_json::to_string_pretty(self).unwrap_or_default()
        }
    }
}

/// `--list-rules`: id, default severity and explanation, one rule a line; where the
/// user's configuration sets another level, it is said after.
pub fn list_rules(defaults: &RuleLevels, configured: &RuleLevels) -> String {
    let width = Rule::ALL.iter().map(|r| r.id().len()).max().unwrap_or(0);
    let mut out = String::new();
    for rule in Rule::ALL {
        let default = defaults.get(&rule).map_or("warning", |l| l.name());
        let _ = write!(
            out,
            "{:<width$}  {default:<7}  {}",
            rule.id(),
            rule.explanation()
        );
        if let Some(level) = configured.get(&rule)
            && level.name() != default
        {
            let _ = write!(out, " [configured: {}]", level.name());
        }
        out.push('\n');
    }
    out
}
