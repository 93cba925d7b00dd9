//! The `yuedu` binary: parse arguments, load the configuration and the article before the
//! terminal is touched, run, and map errors to exit codes in one place.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use yuedu::cli::{Cli, Command, TextArgs};
use yuedu::commands::{check, dump, outline, targets};
use yuedu::config::{self, Config};
use yuedu::input::source::{LoadOptions, Source};
use yuedu::session::error::OpenError;
use yuedu::session::library;
use yuedu::session::reader::{self, ReadOptions};
use yuedu::text::sanitize::for_terminal_line;
use yuedu::ui::Theme;
use yuedu::{formats, terminal};

/// Exit status for usage errors, unreadable files and bad configuration.
const EXIT_ERROR: u8 = 2;

/// Exit status of `check` when a finding has severity `error`.
const EXIT_FINDINGS: u8 = 1;

/// An error that ends the program: one of the library's typed errors, its causes kept.
/// [`main`] maps each to what is printed and the exit status, here and nowhere else.
struct Failure(Box<dyn std::error::Error + Send + Sync>);

impl<E: std::error::Error + Send + Sync + 'static> From<E> for Failure {
    fn from(e: E) -> Self {
        Failure(Box::new(e))
    }
}

impl Failure {
    /// What is printed after "yuedu: ".
    fn message(&self) -> String {
        message(self.0.as_ref())
    }

    /// The exit status: [`EXIT_ERROR`] for every error that ends the program.
    fn status(&self) -> u8 {
        EXIT_ERROR
    }
}

/// An error's message: its own text, then each cause in its chain that the text does not
/// already tell (most messages name their cause: "PATH: No such file or directory").
fn message(e: &(dyn std::error::Error + 'static)) -> String {
    let mut out = e.to_string();
    let mut cause = e.source();
    while let Some(c) = cause {
        let text = c.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        cause = c.source();
    }
    out
}

fn apply_text_args(config: &mut Config, args: &TextArgs) {
    if let Some(a) = args.ambiguous_width {
        config.text.ambiguous_width = a.into();
        config.text.ambiguous_setting = match a {
            yuedu::cli::AmbiguousArg::Auto => yuedu::config::AmbiguousSetting::Auto,
            yuedu::cli::AmbiguousArg::Narrow => yuedu::config::AmbiguousSetting::Narrow,
            yuedu::cli::AmbiguousArg::Wide => yuedu::config::AmbiguousSetting::Wide,
        };
    }
    if let Some(s) = args.script {
        config.text.script = s.into();
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

/// Standard output for a command: buffered, and a closed pipe (`yuedu dump | head`)
/// is no error — what follows is dropped and the command ends as it would have.
fn command_output() -> std::io::BufWriter<QuietPipe> {
    std::io::BufWriter::with_capacity(64 * 1024, QuietPipe(std::io::stdout().lock()))
}

/// Standard output where a closed pipe takes every write.
struct QuietPipe(std::io::StdoutLock<'static>);

impl Write for QuietPipe {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        match self.0.write(bytes) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(bytes.len()),
            r => r,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.0.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            r => r,
        }
    }
}

/// `yuedu check`: the exit status is 2 when a file could not be read (each reported
/// here as it comes, and skipped), else 1 when a finding is an error.
fn run_check(
    args: &yuedu::cli::CheckArgs,
    config: &Config,
    load_opts: LoadOptions<'_>,
) -> Result<u8, Failure> {
    if args.list_rules {
        print(&check::list_rules(&Config::defaults().check, &config.check))?;
        return Ok(0);
    }
    let targets = command_targets(&args.paths)?;
    let mut report_unreadable = |e: yuedu::input::source::LoadError| {
        // The typed error's message with its cause chain, as every other error.
        eprintln!("yuedu: {}", for_terminal_line(&message(&e)));
    };
    let status = check::run(
        &targets,
        load_opts,
        &config.check,
        args.json,
        &mut command_output(),
        &mut report_unreadable,
    )?;
    Ok(match status {
        check::CheckStatus::Unreadable => EXIT_ERROR,
        check::CheckStatus::Errors => EXIT_FINDINGS,
        check::CheckStatus::Clean => 0,
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
    match cli.command {
        Some(Command::Check(args)) => run_check(&args, &config, load_opts),
        Some(Command::Completions(args)) => {
            let mut out = Vec::new();
            yuedu::commands::generated::completions(args.shell, &mut out);
            print(&String::from_utf8_lossy(&out))?;
            Ok(0)
        }
        Some(Command::Manpage) => {
            let mut out = Vec::new();
            yuedu::commands::generated::manpage(&mut out)?;
            print(&String::from_utf8_lossy(&out))?;
            Ok(0)
        }
        Some(Command::Outline(args)) => {
            let targets = command_targets(&args.paths)?;
            outline::run(&targets, load_opts, args.json, &mut command_output())?;
            Ok(0)
        }
        Some(Command::Dump(args)) => {
            apply_text_args(&mut config, &args.text);
            let targets = command_targets(&args.paths)?;
            let width = args.width.unwrap_or_else(|| default_dump_width(&config));
            let opts = config.layout_options(width);
            dump::run(&targets, load_opts, &opts, &mut command_output())?;
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

/// The articles a command reads (see [`targets::expand`]); says so on the terminal when
/// it waits for standard input.
fn command_targets(paths: &[PathBuf]) -> Result<Vec<targets::Target>, Failure> {
    let targets = targets::expand(paths, stdin_is_piped())?;
    if targets.contains(&targets::Target::Stdin) {
        say_waiting_for_stdin();
    }
    Ok(targets)
}

/// "-" on a terminal: the article is typed (or pasted) there, up to Ctrl-D.
fn say_waiting_for_stdin() {
    if std::io::stdin().is_terminal() {
        eprintln!("yuedu: reading the article from standard input; end it with Ctrl-D");
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
    let files = library::scan(dir)?;
    match files.len() {
        0 => Err(library::ScanError::Empty {
            path: dir.to_path_buf(),
        }
        .into()),
        1 => Ok(Open::One(files.into_iter().next())),
        _ => Ok(Open::Many(dir.display().to_string(), files)),
    }
}

fn what_to_open(paths: Vec<PathBuf>) -> Result<Open, Failure> {
    match paths.as_slice() {
        [] if stdin_is_piped() => Ok(Open::One(Some(PathBuf::from("-")))),
        // The shipped article; a folder opens only when it is given.
        [] => Ok(Open::One(None)),
        [one] if one.is_dir() => open_folder(one),
        [_] => Ok(Open::One(paths.into_iter().next())),
        _ => {
            let mut files = Vec::new();
            for p in paths {
                if p.is_dir() {
                    files.extend(library::scan(&p)?);
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

/// `ambiguous-width = "auto"`: the terminal is asked before anything is laid out; what
/// it said, for the status bar, where it is worth a word.
fn probe_ambiguous(config: &mut Config) -> Option<String> {
    let asked = ask_ambiguous(config)?;
    settle_ambiguous(asked.answer(), config)
}

/// `ambiguous-width = "auto"` and a terminal to take over: the question asked, its
/// answer to be read when the width is needed ([`settle_ambiguous`]).
fn ask_ambiguous(config: &Config) -> Option<terminal::probe::Asked> {
    if config.text.ambiguous_setting.fixed().is_some() || !can_take_over_terminal() {
        return None;
    }
    terminal::probe::ask(terminal::probe::TIMEOUT)
}

/// The width the terminal answered set in `config`; what the status bar says of it.
fn settle_ambiguous(found: terminal::probe::Probe, config: &mut Config) -> Option<String> {
    config.text.ambiguous_width = found.width();
    config.text.ambiguous_found = found.found();
    found.notice()
}

/// Reads one article: in the reader, or printed when there is no terminal to take over.
fn read_one(path: Option<&Path>, mut config: Config, read: &ReadOptions) -> Result<(), Failure> {
    let typed_here = path == Some(Path::new("-")) && std::io::stdin().is_terminal();
    if path == Some(Path::new("-")) {
        say_waiting_for_stdin();
    }
    yuedu::text::convert::preload(config.text.script);
    // The terminal is asked now and its answer read once the first frame is on screen
    // (`terminal::run`), so that neither the round trip nor a terminal that never answers
    // delays it; an article typed at the terminal is read with the terminal given back
    // first.
    let mut asked = ask_ambiguous(&config);
    let mut probed = None;
    if typed_here && let Some(a) = asked.take() {
        probed = settle_ambiguous(a.answer(), &mut config);
    }
    if can_take_over_terminal() {
        let size = crossterm::terminal::size().unwrap_or((80, 24));
        let mut opened = reader::open_path(path, config.clone(), size, read)?;
        if opened.app.message.is_none() {
            opened.app.message = probed;
        }
        return run_reader(opened, &config, asked);
    }
    // Redirected or a dumb terminal: print what the pane would show.
    let src = formats::load(path, read.as_load())?;
    if let Some(report) = &src.decode_report {
        eprintln!("yuedu: {}: {report}", src.origin);
    }
    print_as_shown(&src, &config)
}

/// Prints what the text pane would show of `src` (`dump` at the configured width): the
/// reader's output where the terminal cannot be taken over.
fn print_as_shown(src: &Source, config: &Config) -> Result<(), Failure> {
    let width = default_dump_width(config);
    print_with(|out| {
        dump::write_text(
            &formats::parse_shared(src.format, &src.text),
            &config.layout_options(width),
            out,
        )
    })
}

/// Runs the reader on an opened article, then remembers where the reader was; `asked`:
/// the width probe's question, answered once the first frame is drawn.
fn run_reader(
    mut opened: reader::Opened,
    config: &Config,
    asked: Option<terminal::probe::Asked>,
) -> Result<(), Failure> {
    let theme = theme_for(config);
    terminal::run(&mut opened.app, &theme, opened.reload.as_ref(), asked)?;
    if let Err(warning) = opened.save_position() {
        eprintln!("yuedu: warning: {}", for_terminal_line(&message(&warning)));
    }
    Ok(())
}

/// Browses a library of articles.
fn browse(
    origin: String,
    files: Vec<PathBuf>,
    mut config: Config,
    read: &ReadOptions,
) -> Result<(), Failure> {
    probe_ambiguous(&mut config);
    if !can_take_over_terminal() {
        // Print every article, each under its name, as `head` does with several files.
        for (i, f) in files.iter().enumerate() {
            let src = formats::load(Some(f), read.as_load())?;
            let sep = if i == 0 { "" } else { "\n" };
            print(&format!("{sep}==> {} <==\n", src.origin))?;
            print_as_shown(&src, &config)?;
        }
        return Ok(());
    }
    // Shown at once by name and size; read and summarised in the background.
    let levels = config.check.clone();
    let count_findings = move |src: &Source, article: &yuedu::article::Article| {
        yuedu::check::check_source(src, article, &levels).len()
    };
    let mut lib = library::library(origin, files, read.clone(), Box::new(count_findings));
    lib.show_as(&config);
    let theme = theme_for(&config);
    let amb = config.text.ambiguous_width;
    let open = |path: &Path, size: (u16, u16)| -> Result<reader::Opened, OpenError> {
        reader::open_path(Some(path), config.clone(), size, read)
    };
    let mut session = terminal::Session::start(config.input.mouse, &config.output)?;
    session.browse(&mut lib, &theme, amb, &open)?;
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(status) => ExitCode::from(status),
        Err(failure) => {
            eprintln!("yuedu: {}", for_terminal_line(&failure.message()));
            ExitCode::from(failure.status())
        }
    }
}
