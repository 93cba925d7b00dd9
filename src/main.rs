//! The `yuedu` binary: parse arguments, load the configuration and the article before the
//! terminal is touched, run, and map errors to exit codes in one place.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use yuedu::cli::{Cli, Command, TextArgs};
use yuedu::commands::{check, dump, outline};
use yuedu::config::{self, Config};
use yuedu::sanitize::for_terminal_line;
use yuedu::source::{LoadOptions, Source};
use yuedu::ui::Theme;
use yuedu::{app, parse, source, tui};

/// Exit status for usage errors, unreadable files and bad configuration.
const EXIT_ERROR: u8 = 2;

/// Exit status of `check` when a finding has severity `error`.
const EXIT_FINDINGS: u8 = 1;

/// An error that ends the program, with the message to print.
struct Failure(String);

impl<E: std::fmt::Display> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(e.to_string())
    }
}

fn apply_text_args(config: &mut Config, args: &TextArgs) {
    if let Some(a) = args.ambiguous_width {
        config.text.ambiguous_width = a.into();
    }
    if let Some(l) = args.line_break {
        config.text.line_break = l.into();
    }
    if let Some(p) = args.punctuation {
        config.text.punctuation = p.into();
    }
}

/// The text width for `dump`: the terminal's, capped by the reading width; 80 without one.
fn default_dump_width(config: &Config) -> usize {
    if std::io::stdout().is_terminal()
        && let Ok((cols, _)) = crossterm::terminal::size()
        && cols > 0
    {
        return usize::from(cols.min(config.layout.reading_width));
    }
    80
}

/// Whether the reader may take over the screen: output goes to a terminal that is not a
/// dumb one. Keys come from standard input, or from /dev/tty when the article is piped.
fn can_take_over_terminal() -> bool {
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    std::io::stdout().is_terminal() && !dumb
}

/// Whether standard input carries an article: a pipe or a redirected file (not a
/// terminal, not /dev/null, not closed).
fn stdin_is_piped() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return false;
    }
    let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
        return false;
    };
    std::fs::File::from(fd)
        .metadata()
        .is_ok_and(|m| m.file_type().is_fifo() || m.file_type().is_file())
}

/// Writes `text` to stdout; a closed pipe (`yuedu dump | head`) ends quietly.
fn print(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// `yuedu check`: every file in turn; an unreadable file is reported and skipped. The
/// exit status: 2 when a file could not be read, else 1 when a finding is an error.
fn run_check(
    args: &yuedu::cli::CheckArgs,
    config: &Config,
    load_opts: LoadOptions<'_>,
) -> Result<u8, Failure> {
    if args.list_rules {
        print(&check::list_rules(&Config::defaults().check, &config.check))?;
        return Ok(0);
    }
    let paths: Vec<Option<&Path>> = if args.paths.is_empty() {
        vec![None]
    } else {
        args.paths.iter().map(|p| Some(p.as_path())).collect()
    };
    let mut checked = Vec::new();
    let mut unreadable = false;
    for path in paths {
        match source::load(path, load_opts) {
            Ok(src) => {
                let article = parse::parse(&src.text);
                let findings = yuedu::check::check_source(&src, &article, &config.check);
                // The path as given (the shipped article's relative path by default).
                let shown = path.map_or_else(
                    || source::SHIPPED_PATH.to_string(),
                    |p| p.display().to_string(),
                );
                if !args.json {
                    let report = check::FileReport {
                        path: &shown,
                        encoding: src.encoding,
                        findings: &findings,
                    };
                    print(&check::to_text(&report))?;
                }
                checked.push((shown, src.encoding, findings));
            }
            Err(e) => {
                eprintln!("yuedu: {}", for_terminal_line(&e.to_string()));
                unreadable = true;
            }
        }
    }
    if args.json {
        let reports: Vec<check::FileReport<'_>> = checked
            .iter()
            .map(|(path, encoding, findings)| check::FileReport {
                path,
                encoding,
                findings,
            })
            .collect();
        print(&check::to_json(&reports))?;
    }
    let any_error = checked.iter().any(|(_, _, findings)| {
        findings
            .iter()
            .any(|f| f.severity == yuedu::check::Severity::Error)
    });
    Ok(if unreadable {
        EXIT_ERROR
    } else if any_error {
        EXIT_FINDINGS
    } else {
        0
    })
}

fn run(cli: Cli) -> Result<u8, Failure> {
    let mut config = config::load(cli.config.as_deref())?;
    apply_text_args(&mut config, &cli.text);
    let load_opts = LoadOptions {
        encoding: cli.input.encoding.as_deref(),
        force: cli.input.force,
    };
    let load =
        |path: Option<&Path>| -> Result<Source, Failure> { Ok(source::load(path, load_opts)?) };
    match cli.command {
        Some(Command::Check(args)) => run_check(&args, &config, load_opts),
        Some(Command::Outline(args)) => {
            let src = load(args.path.as_deref())?;
            let article = parse::parse(&src.text);
            let text = if args.json {
                outline::to_json(
                    &article,
                    src.decode_report.as_deref().map(|r| (src.encoding, r)),
                )
            } else {
                outline::to_text(
                    &article,
                    &src.origin.to_string(),
                    src.decode_report.as_deref(),
                )
            };
            print(&text)?;
            Ok(0)
        }
        Some(Command::Dump(args)) => {
            let src = load(args.path.as_deref())?;
            let article = parse::parse(&src.text);
            let width = args.width.unwrap_or_else(|| default_dump_width(&config));
            print(&dump::to_text(&article, &config.layout_options(width)))?;
            Ok(0)
        }
        None => {
            let path = match cli.path {
                None if stdin_is_piped() => Some(PathBuf::from("-")),
                p => p,
            };
            let src = load(path.as_deref())?;
            let article = parse::parse(&src.text);
            if !can_take_over_terminal() {
                // Redirected or a dumb terminal: print what the pane would show.
                if let Some(report) = &src.decode_report {
                    eprintln!("yuedu: {}: {report}", src.origin);
                }
                let width = default_dump_width(&config);
                print(&dump::to_text(&article, &config.layout_options(width)))?;
                return Ok(0);
            }
            let size = crossterm::terminal::size().unwrap_or((80, 24));
            let mut app = app::app_for(article, &src.name(), config, size)?;
            app.message = src.decode_report.clone();
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let theme = Theme::new(&app.config.theme, no_color);
            tui::run(&mut app, &theme)?;
            Ok(0)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(status) => ExitCode::from(status),
        Err(Failure(msg)) => {
            eprintln!("yuedu: {}", for_terminal_line(&msg));
            ExitCode::from(EXIT_ERROR)
        }
    }
}
