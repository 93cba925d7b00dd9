//! The `yuedu` binary: parse arguments, load the configuration and the article before the
//! terminal is touched, run, and map errors to exit codes in one place.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use yuedu::cli::{Cli, Command, TextArgs};
use yuedu::commands::{dump, outline};
use yuedu::config::{self, Config};
use yuedu::ui::Theme;
use yuedu::{app, parse, source, tui};

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
    let stdout = std::io::stdout();
    if stdout.is_terminal()
        && let Ok((cols, _)) = crossterm::terminal::size()
        && cols > 0
    {
        return usize::from(cols.min(config.layout.reading_width));
    }
    80
}

/// Whether the reader may take over the screen: standard input and output are a
/// terminal, and it is not a dumb one.
fn can_take_over_terminal() -> bool {
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    std::io::stdout().is_terminal() && std::io::stdin().is_terminal() && !dumb
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
    match cli.command {
        Some(Command::Outline(args)) => {
            let src = source::load(args.path.as_deref())?;
            let article = parse::parse(&src.text);
            let text = if args.json {
                outline::to_json(&article)
            } else {
                outline::to_text(&article, &src.origin.to_string())
            };
            print(&text)
        }
        Some(Command::Dump(args)) => {
            let src = source::load(args.path.as_deref())?;
            let article = parse::parse(&src.text);
            let width = args.width.unwrap_or_else(|| default_dump_width(&config));
            print(&dump::to_text(&article, &config.layout_options(width)))
        }
        None => {
            let src = source::load(cli.path.as_deref())?;
            let article = parse::parse(&src.text);
            if !can_take_over_terminal() {
                // Piped, redirected or a dumb terminal: print what the pane would show.
                let width = default_dump_width(&config);
                return print(&dump::to_text(&article, &config.layout_options(width)));
            }
            let size = crossterm::terminal::size().unwrap_or((80, 24));
            let mut app = app::app_for(article, &src.name(), config, size)?;
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let theme = Theme::new(&app.config.theme, no_color);
            tui::run(&mut app, &theme)?;
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(msg)) => {
            eprintln!("yuedu: {msg}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}
