//! The `yuedu` binary: parse arguments, load the configuration and the article before the
//! terminal is touched, run, and map errors to exit codes in one place.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use yuedu::cli::{Cli, Command, TextArgs};
use yuedu::commands::{check, dump, outline};
use yuedu::config::{self, Config};
use yuedu::input::source::{LoadOptions, Source};
use yuedu::session::reader::{self, ReadOptions};
use yuedu::text::sanitize::for_terminal_line;
use yuedu::ui::Theme;
use yuedu::{formats, input::source, terminal, view::library};

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
    print_with(|out| out.write_all(text.as_bytes()))
}

/// Writes to standard output through `write`, buffered; a closed pipe (`| head`) is not
/// an error.
fn print_with(
    write: impl FnOnce(&mut std::io::BufWriter<std::io::StdoutLock<'static>>) -> std::io::Result<()>,
) -> Result<(), Failure> {
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
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
                let article = formats::parse_shared(src.format, &src.text);
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
                    print_with(|out| check::write_text(&report, out))?;
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
        print_with(|out| check::write_json(&reports, out))?;
    }
    let any_error = checked
        .iter()
        .any(|(_, _, findings)| findings.any(yuedu::check::Severity::Error));
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
        format: cli.input.format,
    };
    let load =
        |path: Option<&Path>| -> Result<Source, Failure> { Ok(source::load(path, load_opts)?) };
    match cli.command {
        Some(Command::Check(args)) => run_check(&args, &config, load_opts),
        Some(Command::Outline(args)) => {
            let src = load(args.path.as_deref())?;
            let article = formats::parse_shared(src.format, &src.text);
            if args.json {
                let encoding = src.decode_report.as_deref().map(|r| (src.encoding, r));
                print_with(|out| outline::write_json(&article, encoding, out))?;
            } else {
                print(&outline::to_text(
                    &article,
                    &src.origin.to_string(),
                    src.decode_report.as_deref(),
                ))?;
            }
            Ok(0)
        }
        Some(Command::Dump(args)) => {
            let src = load(args.path.as_deref())?;
            let article = formats::parse_shared(src.format, &src.text);
            let width = args.width.unwrap_or_else(|| default_dump_width(&config));
            print_with(|out| dump::write_text(&article, &config.layout_options(width), out))?;
            Ok(0)
        }
        None => {
            let read = ReadOptions {
                encoding: cli.input.encoding.clone(),
                force: cli.input.force,
                format: cli.input.format,
            };
            match what_to_open(cli.paths)? {
                Open::One(path) => read_one(path.as_deref(), config, &read)?,
                Open::Many(origin, files) => browse(origin, files, config, &read)?,
            }
            Ok(0)
        }
    }
}

/// What the reader opens.
enum Open {
    /// One article (`None`: the built-in copy of the shipped article).
    One(Option<PathBuf>),
    /// A library: where the files came from, and the files.
    Many(String, Vec<PathBuf>),
}

/// The articles a folder holds; a folder holding a single article opens it directly.
fn open_folder(dir: &Path) -> Result<Open, Failure> {
    let files = library::scan(dir).map_err(|e| Failure(format!("{}: {e}", dir.display())))?;
    match files.len() {
        0 => Err(Failure(format!(
            "{}: no article files (.txt, .text or .md) in this folder",
            dir.display()
        ))),
        1 => Ok(Open::One(files.into_iter().next())),
        _ => Ok(Open::Many(dir.display().to_string(), files)),
    }
}

fn what_to_open(paths: Vec<PathBuf>) -> Result<Open, Failure> {
    match paths.as_slice() {
        [] if stdin_is_piped() => Ok(Open::One(Some(PathBuf::from("-")))),
        [] if Path::new("articles").is_dir() => open_folder(Path::new("articles")),
        [] => Ok(Open::One(None)),
        [one] if one.is_dir() => open_folder(one),
        [_] => Ok(Open::One(paths.into_iter().next())),
        _ => {
            let mut files = Vec::new();
            for p in paths {
                if p.is_dir() {
                    files.extend(
                        library::scan(&p).map_err(|e| Failure(format!("{}: {e}", p.display())))?,
                    );
                } else {
                    files.push(p);
                }
            }
            Ok(Open::Many("the command line".to_string(), files))
        }
    }
}

fn theme_for(config: &Config) -> Theme {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    Theme::new(&config.theme, no_color)
}

/// Reads one article: in the reader, or printed when there is no terminal to take over.
fn read_one(path: Option<&Path>, config: Config, read: &ReadOptions) -> Result<(), Failure> {
    if let Some(file) = path.filter(|p| *p != Path::new("-"))
        && can_take_over_terminal()
    {
        // A large file: its beginning on screen at once, the rest read meanwhile.
        let size = crossterm::terminal::size().unwrap_or((80, 24));
        if let Some(opened) = reader::open_progressive(file, config.clone(), size, read) {
            return run_reader(opened?, &config);
        }
    }
    let src = source::load(path, read.as_load())?;
    if !can_take_over_terminal() {
        // Redirected or a dumb terminal: print what the pane would show.
        if let Some(report) = &src.decode_report {
            eprintln!("yuedu: {}: {report}", src.origin);
        }
        let width = default_dump_width(&config);
        return print_with(|out| {
            dump::write_text(
                &formats::parse_shared(src.format, &src.text),
                &config.layout_options(width),
                out,
            )
        });
    }
    let size = crossterm::terminal::size().unwrap_or((80, 24));
    let opened = reader::open(src, config.clone(), size, read)?;
    run_reader(opened, &config)
}

/// Runs the reader on an opened article, then remembers where the reader was.
fn run_reader(mut opened: reader::Opened, config: &Config) -> Result<(), Failure> {
    let theme = theme_for(config);
    terminal::run(&mut opened.app, &theme, opened.reload.as_ref())?;
    if let Err(warning) = opened.save_position() {
        eprintln!("yuedu: warning: {}", for_terminal_line(&warning));
    }
    Ok(())
}

/// Browses a library of articles.
fn browse(
    origin: String,
    files: Vec<PathBuf>,
    config: Config,
    read: &ReadOptions,
) -> Result<(), Failure> {
    if !can_take_over_terminal() {
        // Print every article, each under its name, as `head` does with several files.
        for (i, f) in files.iter().enumerate() {
            let src = source::load(Some(f), read.as_load())?;
            let sep = if i == 0 { "" } else { "\n" };
            print(&format!("{sep}==> {} <==\n", src.origin))?;
            let width = default_dump_width(&config);
            print_with(|out| {
                dump::write_text(
                    &formats::parse_shared(src.format, &src.text),
                    &config.layout_options(width),
                    out,
                )
            })?;
        }
        return Ok(());
    }
    // Shown at once by name and size; read and summarised in the background.
    let levels = config.check.clone();
    let count_findings = move |src: &Source, article: &yuedu::article::Article| {
        yuedu::check::check_source(src, article, &levels).len()
    };
    let mut lib = library::Library::reading(origin, files, read.clone(), Box::new(count_findings));
    let theme = theme_for(&config);
    let amb = config.text.ambiguous_width;
    let open = |path: &Path, size: (u16, u16)| -> Result<reader::Opened, String> {
        if let Some(opened) = reader::open_progressive(path, config.clone(), size, read) {
            return opened;
        }
        let src = source::load(Some(path), read.as_load()).map_err(|e| e.to_string())?;
        reader::open(src, config.clone(), size, read)
    };
    let mut session = terminal::Session::start(config.input.mouse, &config.output)?;
    session.browse(&mut lib, &theme, amb, &open)?;
    Ok(())
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
