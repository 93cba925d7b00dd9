//! The command line.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::layout::{AmbiguousWidth, LineBreakLevel, PunctuationDisplay};
use crate::text::convert::Script;

/// A terminal reader for long-form Chinese feature articles.
///
/// With no command, opens the article in the reader (the shipped article when no PATH
/// is given). When standard output is not a terminal it prints what `dump` prints.
#[derive(Debug, Parser)]
#[command(name = "yuedu", version, about, long_about = None)]
pub struct Cli {
    /// The articles to open: a file, a folder (a library of its articles) or several
    /// files. "-" reads standard input. Default: standard input when it is piped, else
    /// the shipped article (a folder opens only when it is given).
    pub paths: Vec<PathBuf>,

    /// Read settings from this file instead of the user's config.toml.
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    #[command(flatten)]
    pub text: TextArgs,

    #[command(flatten)]
    pub input: InputArgs,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the lines the text pane shows, as plain text.
    Dump(DumpArgs),
    /// Print the article's structure: banner, title, authors, sections, captions, joins.
    Outline(OutlineArgs),
    /// Check the text: half-width punctuation, unbalanced quotes, joins and captions the
    /// extraction damaged, hidden characters. Exits 1 when a finding is an error.
    Check(CheckArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell), generated
    /// from this command line: `yuedu completions bash > ~/.local/share/bash-completion/completions/yuedu`.
    Completions(CompletionsArgs),
    /// Print the manual page (roff), generated from this command line:
    /// `yuedu manpage > ~/.local/share/man/man1/yuedu.1`.
    Manpage,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Settings of the text layout; each overrides config.toml.
#[derive(Debug, Clone, Default, Args)]
pub struct TextArgs {
    /// How wide the East Asian ambiguous characters (“ ” … — ·) are drawn.
    #[arg(long, value_enum, value_name = "WIDTH")]
    pub ambiguous_width: Option<AmbiguousArg>,
    /// How strictly the Chinese line-break rules apply.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub line_break: Option<LineBreakArg>,
    /// Show ASCII , ; : ! ? ( ) between Chinese characters as full-width (display only).
    #[arg(long, value_enum, value_name = "MODE")]
    pub punctuation: Option<PunctuationArg>,
    /// Show the text in this script, converting phrase by phrase (display only: the file,
    /// outline and search positions keep the source text).
    #[arg(long, global = true, value_enum, value_name = "SCRIPT")]
    pub script: Option<ScriptArg>,
}

/// How the article file is read.
#[derive(Debug, Clone, Default, Args)]
pub struct InputArgs {
    /// Read the file as this encoding (gb18030, big5, utf-16le, …) instead of detecting it.
    #[arg(long, global = true, value_name = "NAME")]
    pub encoding: Option<String>,
    /// Open files that look binary (they contain NUL bytes) anyway.
    #[arg(long, global = true)]
    pub force: bool,
    /// Read the file as this format instead of going by its extension and content.
    #[arg(long, global = true, value_name = "FORMAT", ignore_case = true)]
    pub format: Option<crate::formats::Format>,
}

/// A command-line value that is not one the option takes (shown by clap after
/// "invalid value … for '--option'").
#[derive(Debug, thiserror::Error)]
pub(crate) enum ArgError {
    /// `--width` is not a whole number of columns, 2 or more.
    #[error(
        "\"{0}\" is not a width: give a whole number of columns, 2 or more (like 40): \
         a Chinese character takes two"
    )]
    NotAWidth(String),
}

/// `--format` takes the registry's names ([`Format::ALL`], [`Format::name`], and
/// [`Format::aliases`] unlisted), so that a new format is listed in the help and the
/// error by itself.
impl clap::ValueEnum for crate::formats::Format {
    fn value_variants<'a>() -> &'a [Self] {
        &crate::formats::Format::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.name()).aliases(self.aliases()))
    }
}

#[derive(Debug, Args)]
pub struct DumpArgs {
    /// The articles: files, folders (every article below them) or "-" for standard
    /// input (default: standard input when it is piped, else the shipped article).
    pub paths: Vec<PathBuf>,
    /// Text width in columns, at least 2 (default: the terminal's, capped by the reading
    /// width; 80 when there is no terminal).
    #[arg(long, short, value_parser = parse_width, value_name = "COLUMNS")]
    pub width: Option<usize>,
    #[command(flatten)]
    pub text: TextArgs,
}

/// A text width: a whole number of columns, at least 2 (a Chinese character takes two,
/// and no line is ever wider than the width).
fn parse_width(s: &str) -> Result<usize, ArgError> {
    match s.trim().parse::<usize>() {
        Ok(n) if n >= 2 => Ok(n),
        _ => Err(ArgError::NotAWidth(s.to_owned())),
    }
}

#[derive(Debug, Args)]
pub struct OutlineArgs {
    /// The articles: files, folders (every article below them) or "-" for standard
    /// input (default: standard input when it is piped, else the shipped article).
    /// Several with --json: a JSON array.
    pub paths: Vec<PathBuf>,
    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The articles to check: files, folders (every article below them, checked in
    /// parallel, reported in path order) or "-" for standard input (default: standard
    /// input when it is piped, else the shipped article).
    pub paths: Vec<PathBuf>,
    /// Print one JSON object (findings and a summary per file) instead of lines.
    #[arg(long)]
    pub json: bool,
    /// List the rules with their default severity, and exit.
    #[arg(long, conflicts_with_all = ["paths", "json"])]
    pub list_rules: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AmbiguousArg {
    /// Ask the terminal at start-up (the reader only; narrow where nothing is asked).
    Auto,
    Narrow,
    Wide,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LineBreakArg {
    Basic,
    Gb,
    Strict,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PunctuationArg {
    AsIs,
    Fullwidth,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ScriptArg {
    AsIs,
    Simplified,
    Traditional,
    Taiwan,
    Hongkong,
}

impl From<ScriptArg> for Script {
    fn from(a: ScriptArg) -> Self {
        match a {
            ScriptArg::AsIs => Script::AsIs,
            ScriptArg::Simplified => Script::Simplified,
            ScriptArg::Traditional => Script::Traditional,
            ScriptArg::Taiwan => Script::Taiwan,
            ScriptArg::Hongkong => Script::Hongkong,
        }
    }
}

impl From<AmbiguousArg> for AmbiguousWidth {
    fn from(a: AmbiguousArg) -> Self {
        match a {
            AmbiguousArg::Auto | AmbiguousArg::Narrow => AmbiguousWidth::Narrow,
            AmbiguousArg::Wide => AmbiguousWidth::Wide,
        }
    }
}

impl From<LineBreakArg> for LineBreakLevel {
    fn from(a: LineBreakArg) -> Self {
        match a {
            LineBreakArg::Basic => LineBreakLevel::Basic,
            LineBreakArg::Gb => LineBreakLevel::Gb,
            LineBreakArg::Strict => LineBreakLevel::Strict,
        }
    }
}

impl From<PunctuationArg> for PunctuationDisplay {
    fn from(a: PunctuationArg) -> Self {
        match a {
            PunctuationArg::AsIs => PunctuationDisplay::AsIs,
            PunctuationArg::Fullwidth => PunctuationDisplay::Fullwidth,
        }
    }
}
