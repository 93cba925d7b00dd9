//! The `yuedu` binary: parse arguments, load the configuration and the article before the
//! terminal is touched, run, and map errors to exit codes in one place.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;

use yuedu::action::Action;
use yuedu::cli::{Cli, Command, TextArgs};
use yuedu::commands::{dump, outline};
use yuedu::config::{self, Config};
use yuedu::sanitize::for_terminal_line;
use yuedu::source::{LoadOptions, Origin, Source};
use yuedu::ui::Theme;
use yuedu::{app, parse, source, state, tui};

/// Exit status for usage errors, unreadable files and bad configuration.
const EXIT_ERROR: u8 = 2;

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

fn run(cli: Cli) -> Result<(), Failure> {
    let mut config = config::load(cli.config.as_deref())?;
    apply_text_args(&mut config, &cli.text);
    let load_opts = LoadOptions {
        encoding: cli.input.encoding.as_deref(),
        force: cli.input.force,
    };
    let load =
        |path: Option<&Path>| -> Result<Source, Failure> { Ok(source::load(path, load_opts)?) };
    match cli.command {
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
            print(&text)
        }
        Some(Command::Dump(args)) => {
            let src = load(args.path.as_deref())?;
            let article = parse::parse(&src.text);
            let width = args.width.unwrap_or_else(|| default_dump_width(&config));
            print(&dump::to_text(&article, &config.layout_options(width)))
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
                return print(&dump::to_text(&article, &config.layout_options(width)));
            }
            let size = crossterm::terminal::size().unwrap_or((80, 24));
            let resume = config.reader.resume;
            let watch_mode = config.reader.watch;
            let mut app = app::app_for(article, &src.name(), config, size)?;
            app.message = src.decode_report.clone();
            if app.article.blocks.is_empty() && app.article.title.is_none() {
                app.message = Some("the article is empty".to_string());
            }
            // Resume where this file was left, when it is a file and unchanged.
            let file = match &src.origin {
                Origin::File(p) => Some(p.clone()),
                _ => None,
            };
            let store = state::state_dir().map(state::Store::new).filter(|_| resume);
            let key = file.as_deref().map(|p| state::key(p, &src.text));
            if let (Some(store), Some(key)) = (&store, &key)
                && let Some(pos) = store.get(key)
            {
                app.go_to(pos);
                app.message = Some(format!(
                    "resumed where you left off ({} goes to the top)",
                    app.keymap.first_key(Action::Top).unwrap_or_default()
                ));
            }
            let reload = file.map(|path| {
                let read_path = path.clone();
                let encoding = cli.input.encoding.clone();
                let force = cli.input.force;
                tui::Reload {
                    path,
                    mode: watch_mode,
                    read: Box::new(move || {
                        let opts = LoadOptions {
                            encoding: encoding.as_deref(),
                            force,
                        };
                        source::load(Some(&read_path), opts)
                            .map(|s| parse::parse(&s.text))
                            .map_err(|e| e.to_string())
                    }),
                }
            });
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let theme = Theme::new(&app.config.theme, no_color);
            tui::run(&mut app, &theme, reload)?;
            if let (Some(store), Some(key)) = (&store, &key)
                && let Err(warning) = store.put(key, app.reading_pos())
            {
                eprintln!("yuedu: warning: {}", for_terminal_line(&warning));
            }
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(msg)) => {
            eprintln!("yuedu: {}", for_terminal_line(&msg));
            ExitCode::from(EXIT_ERROR)
        }
    }
}
