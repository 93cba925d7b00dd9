//! Settings: the documented `config.toml` (embedded as the defaults) overlaid with the
//! user's file, parsed strictly, with errors that name the file, line and column.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::Deserialize;
use toml::de::{DeTable, DeValue};

use crate::check::{Rule, RuleLevels};
use crate::layout::{AmbiguousWidth, LayoutOptions, LineBreakLevel, PunctuationDisplay};
use crate::text::convert::Script;
use crate::text::fold::Folding;

pub mod keys;

use keys::{Action, Key, KeyConflict, Keymap};

/// The documented default configuration, as shipped at the top of the repository: what
/// [`Config::defaults`] builds (held equal by a test).
#[cfg(test)]
pub(crate) const DEFAULT_CONFIG: &str = include_str!("../config.toml");

/// `config.toml`'s `[keys]`: action → its default keys, as the key names are written.
const DEFAULT_KEYS: &[(Action, &[&str])] = &[
    (Action::ScrollDown, &["j", "down"]),
    (Action::ScrollUp, &["k", "up"]),
    (Action::PageDown, &["space", "pagedown", "ctrl-f"]),
    (Action::PageUp, &["b", "pageup", "ctrl-b"]),
    (Action::HalfPageDown, &["ctrl-d"]),
    (Action::HalfPageUp, &["ctrl-u"]),
    (Action::Top, &["g", "home"]),
    (Action::Bottom, &["G", "end"]),
    (Action::NextHeading, &["]"]),
    (Action::PrevHeading, &["["]),
    (Action::NextCaption, &["}"]),
    (Action::PrevCaption, &["{"]),
    (Action::SwitchFocus, &["tab"]),
    (Action::Select, &["enter"]),
    (Action::ToggleNav, &["t"]),
    (Action::CycleScript, &["c"]),
    (Action::Search, &["/"]),
    (Action::SearchBackward, &["ctrl-r"]),
    (Action::NextMatch, &["n"]),
    (Action::PrevMatch, &["N"]),
    (Action::GoToPercent, &["p", "%"]),
    (Action::GoToLine, &[":"]),
    (Action::SetMark, &["m"]),
    (Action::GoToMark, &["'"]),
    (Action::FileInfo, &["=", "ctrl-g"]),
    (Action::Reload, &["r"]),
    (Action::Edit, &["v"]),
    (Action::Findings, &["!"]),
    (Action::FindingsSeverity, &["s"]),
    (Action::FindingsRule, &["f"]),
    (Action::Help, &["?", "h"]),
    (Action::Cancel, &["esc"]),
    (Action::Quit, &["q"]),
];

/// All settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    pub text: TextConfig,
    pub layout: LayoutConfig,
    pub theme: ThemeConfig,
    pub(crate) reader: ReaderConfig,
    pub input: InputConfig,
    pub output: OutputConfig,
    /// Action → keys. Defaults to the `[keys]` table of `config.toml`; a user's table
    /// rebinds the actions it names.
    #[serde(deserialize_with = "over_default_keys")]
    pub(crate) keys: BTreeMap<Action, Vec<Key>>,
    /// `yuedu check`: rule → "error", "warning", "info" or "off". Defaults to the
    /// `[check]` table of `config.toml`, which lists every rule; a user's table sets the
    /// rules it names.
    #[serde(deserialize_with = "over_default_levels")]
    pub check: RuleLevels,
    /// `[search]`: the foldings a search applies.
    pub(crate) search: Folding,
    /// The actions the user's file binds (their keys win over the defaults').
    #[serde(skip)]
    pub(crate) user_keys: BTreeSet<Action>,
}

/// `[text]`: how text is measured, broken and shown.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct TextConfig {
    /// Defaults to `"auto"`: the terminal is asked at start-up (`terminal::probe`).
    #[serde(rename = "ambiguous-width")]
    pub ambiguous_setting: AmbiguousSetting,
    /// The width in effect: the setting, or what the terminal answered (narrow until
    /// it is asked, and where it cannot be).
    #[serde(skip)]
    pub ambiguous_width: AmbiguousWidth,
    /// Where `ambiguous_width` came from, for `=` to say.
    #[serde(skip)]
    pub ambiguous_found: AmbiguousFound,
    /// The script the text is shown in. Defaults to `"as-is"`.
    #[serde(default)]
    pub script: Script,
    /// Defaults to `"gb"`.
    pub line_break: LineBreakLevel,
    /// Defaults to `"as-is"`.
    pub punctuation: PunctuationDisplay,
}

/// `[text] ambiguous-width`: a width, or `auto` to ask the terminal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AmbiguousSetting {
    #[default]
    Auto,
    Narrow,
    Wide,
}

/// Where the ambiguous width in effect came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AmbiguousFound {
    /// The setting or the command line named it.
    #[default]
    Set,
    /// The terminal answered the probe.
    Answered,
    /// The terminal was asked and did not answer in time: narrow.
    NoAnswer,
}

impl AmbiguousFound {
    /// How `=` says it, after the width: `set`, `asked` (the terminal answered), `no
    /// answer`.
    pub fn says(self) -> &'static str {
        match self {
            AmbiguousFound::Set => "set",
            AmbiguousFound::Answered => "asked",
            AmbiguousFound::NoAnswer => "no answer",
        }
    }
}

impl AmbiguousSetting {
    /// The width set, `None` for auto.
    pub fn fixed(self) -> Option<AmbiguousWidth> {
        match self {
            AmbiguousSetting::Auto => None,
            AmbiguousSetting::Narrow => Some(AmbiguousWidth::Narrow),
            AmbiguousSetting::Wide => Some(AmbiguousWidth::Wide),
        }
    }
}

/// `[layout]`: widths and indents.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct LayoutConfig {
    /// Defaults to 72; 2 or more (a Chinese character takes two columns).
    #[serde(deserialize_with = "columns")]
    pub reading_width: u16,
    /// Defaults to two U+3000.
    pub(crate) indent: String,
    /// The navigation pane's narrowest width, in columns. Defaults to 30.
    pub(crate) nav_width: u16,
    /// The pane's share of the terminal's width, in percent (0 to 100). Defaults to 25.
    #[serde(deserialize_with = "percent")]
    pub(crate) nav_width_percent: u16,
    /// The pane's widest width, in columns. Defaults to 48.
    pub(crate) nav_max_width: u16,
    /// Defaults to true.
    pub show_nav: bool,
    /// Defaults to 60.
    pub(crate) nav_min_terminal_width: u16,
}

/// `[theme]`: colours.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct ThemeConfig {
    /// Defaults to `"dark"`.
    pub(crate) name: ThemeName,
    /// Per-role foreground colours over the theme; defaults to none.
    pub(crate) colors: BTreeMap<ThemeRole, ColorSpec>,
}

/// The built-in themes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum ThemeName {
    Dark,
    Light,
    Mono,
}

/// What can be given a colour of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum ThemeRole {
    Banner,
    Title,
    Byline,
    Heading,
    Body,
    Caption,
    Credit,
    Decoration,
    Notation,
    Match,
    NavCurrent,
    Status,
}

/// A colour as written in the configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ColorSpec {
    /// The terminal's own foreground.
    Default,
    /// One of the 16 named colours, by its ANSI index (0–15).
    Named(u8),
    /// An entry of the 256-colour palette.
    Indexed(u8),
    Rgb(u8, u8, u8),
}

/// The 16 colour names, by ANSI index.
pub(crate) const COLOR_NAMES: [&str; 16] = [
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "gray",
    "dark-gray",
    "light-red",
    "light-green",
    "light-yellow",
    "light-blue",
    "light-magenta",
    "light-cyan",
    "white",
];

/// A colour name that is not a colour.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown colour \"{0}\"; use default, {names}, a number 0-255 or \"#rrggbb\"",
    names = COLOR_NAMES.join(", ")
)]
pub(crate) struct UnknownColour(pub String);

impl FromStr for ColorSpec {
    type Err = UnknownColour;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase();
        if lower == "default" || lower == "reset" {
            return Ok(ColorSpec::Default);
        }
        if let Some(i) = COLOR_NAMES
            .iter()
            .position(|n| *n == lower || n.replace('-', "") == lower)
        {
            return Ok(ColorSpec::Named(i as u8));
        }
        if let Ok(n) = lower.parse::<u8>() {
            return Ok(ColorSpec::Indexed(n));
        }
        if let Some(hex) = lower.strip_prefix('#')
            && hex.len() == 6
            && let Ok(v) = u32::from_str_radix(hex, 16)
        {
            return Ok(ColorSpec::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
        }
        Err(UnknownColour(s.to_string()))
    }
}

impl<'de> Deserialize<'de> for ColorSpec {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// `[reader]`: remembering and reloading.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct ReaderConfig {
    /// Defaults to true.
    pub(crate) resume: bool,
    /// Defaults to `"auto"`.
    pub(crate) watch: WatchMode,
}

/// How the open file is watched (`[reader] watch` in config.toml).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum WatchMode {
    /// Notifications, and polling where they are not available.
    #[default]
    Auto,
    /// Check the file every second.
    Poll,
    Off,
}

/// `[input]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct InputConfig {
    /// Defaults to false.
    pub mouse: bool,
}

/// `[output]`: how the screen is written.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct OutputConfig {
    /// Defaults to true.
    pub(crate) scroll_regions: bool,
    /// Defaults to `"auto"`.
    pub(crate) scroll_margins: ScrollMargins,
}

/// `[output] scroll-margins`: whether the text pane is scrolled inside left and right
/// margins (DECLRMM + DECSLRM), leaving the navigation pane beside it where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum ScrollMargins {
    /// Only in the terminals known to have them, told by the environment.
    Auto,
    /// Whenever the terminal is scrolled with SU/SD.
    On,
    Off,
}

impl Config {
    /// The layout options for a text width.
    pub fn layout_options(&self, width: usize) -> LayoutOptions {
        LayoutOptions {
            width,
            ambiguous: self.text.ambiguous_width,
            line_break: self.text.line_break,
            punctuation: self.text.punctuation,
            script: self.text.script,
            indent: self.layout.indent.clone(),
        }
    }
}

/// A configuration file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub(crate) path: String,
    /// 1-based line and column of the problem, when known.
    pub(crate) position: Option<(usize, usize)>,
    pub(crate) message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.path, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

/// 1-based line and column of byte `offset` in `text`.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

fn error_at(path: &str, text: &str, e: &toml::de::Error) -> ConfigError {
    ConfigError {
        path: path.to_string(),
        position: e.span().map(|s| line_col(text, s.start)),
        // serde quotes values in backticks; users read double quotes.
        message: crate::text::plain_types::in_plain_words(&e.message().trim().replace('`', "\"")),
    }
}

impl Default for Config {
    /// [`Config::defaults`]: what a table the user's file leaves out is.
    fn default() -> Config {
        Config::defaults()
    }
}

impl Default for TextConfig {
    fn default() -> TextConfig {
        TextConfig {
            ambiguous_setting: AmbiguousSetting::Auto,
            ambiguous_width: AmbiguousWidth::Narrow,
            ambiguous_found: AmbiguousFound::Set,
            script: Script::AsIs,
            line_break: LineBreakLevel::Gb,
            punctuation: PunctuationDisplay::AsIs,
        }
    }
}

/// A width in columns, 2 or more, as `dump --width` takes it: a narrower text pane would
/// show nothing.
fn columns<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    let n = u16::deserialize(d)?;
    if n < 2 {
        return Err(serde::de::Error::custom(format!(
            "{n} is too narrow: give a whole number of columns, 2 or more (like 72)"
        )));
    }
    Ok(n)
}

/// A share in percent, 0 to 100.
fn percent<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    let n = u16::deserialize(d)?;
    if n > 100 {
        return Err(serde::de::Error::custom(format!(
            "{n} is more than the whole: give a percentage from 0 to 100 (like 25)"
        )));
    }
    Ok(n)
}

impl Default for LayoutConfig {
    fn default() -> LayoutConfig {
        LayoutConfig {
            reading_width: 72,
            indent: "\u{3000}\u{3000}".to_string(),
            nav_width: 30,
            nav_width_percent: 25,
            nav_max_width: 48,
            show_nav: true,
            nav_min_terminal_width: 60,
        }
    }
}

impl Default for ThemeConfig {
    fn default() -> ThemeConfig {
        ThemeConfig {
            name: ThemeName::Dark,
            colors: BTreeMap::new(),
        }
    }
}

impl Default for ReaderConfig {
    fn default() -> ReaderConfig {
        ReaderConfig {
            resume: true,
            watch: WatchMode::Auto,
        }
    }
}

impl Default for OutputConfig {
    fn default() -> OutputConfig {
        OutputConfig {
            scroll_regions: true,
            scroll_margins: ScrollMargins::Auto,
        }
    }
}

/// `config.toml`'s `[keys]`, built from [`DEFAULT_KEYS`].
fn default_keys() -> BTreeMap<Action, Vec<Key>> {
    DEFAULT_KEYS
        .iter()
        .map(|&(action, keys)| {
            // Held to the file by a test; a broken build does not get past it.
            let keys = keys.iter().map(|k| {
                k.parse()
                    .unwrap_or_else(|e| panic!("default key {k:?} of {action}: {e}"))
            });
            (action, keys.collect())
        })
        .collect()
}

/// `config.toml`'s `[check]`: every rule at its default level.
fn default_levels() -> RuleLevels {
    Rule::ALL.iter().map(|&r| (r, r.default_level())).collect()
}

/// A user's `[keys]`: the actions it names rebound, the others keeping their defaults.
fn over_default_keys<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<Action, Vec<Key>>, D::Error> {
    let mut keys = default_keys();
    keys.extend(BTreeMap::<Action, Vec<Key>>::deserialize(d)?);
    Ok(keys)
}

/// A user's `[check]`: the rules it names at their levels, the others at their defaults.
fn over_default_levels<'de, D: serde::Deserializer<'de>>(d: D) -> Result<RuleLevels, D::Error> {
    let mut levels = default_levels();
    levels.extend(RuleLevels::deserialize(d)?);
    Ok(levels)
}

impl Config {
    /// The defaults: what the embedded `config.toml` says, built without parsing it
    /// (parsing its TOML cost about a tenth of the instructions to the reader's first
    /// frame). A test holds the two equal, so the file stays the one description.
    pub fn defaults() -> Config {
        Config {
            text: TextConfig::default(),
            layout: LayoutConfig::default(),
            theme: ThemeConfig::default(),
            reader: ReaderConfig::default(),
            input: InputConfig::default(),
            output: OutputConfig::default(),
            keys: default_keys(),
            check: default_levels(),
            search: Folding::default(),
            user_keys: BTreeSet::new(),
        }
        .resolved()
    }

    /// The ambiguous width in effect set from the setting (auto: narrow until the
    /// terminal answers).
    fn resolved(mut self) -> Config {
        self.text.ambiguous_width = self
            .text
            .ambiguous_setting
            .fixed()
            .unwrap_or(AmbiguousWidth::Narrow);
        self
    }

    /// The key map of these settings.
    pub(crate) fn keymap(&self) -> Result<Keymap, KeyConflict> {
        Keymap::new(&self.keys, &|a| self.user_keys.contains(&a))
    }

    /// The defaults overlaid with the TOML `text` of the file at `path` (used in messages).
    pub(crate) fn from_user_text(path: &str, text: &str) -> Result<Config, ConfigError> {
        let user = DeTable::parse(text).map_err(|e| error_at(path, text, &e))?;
        // The actions the user rebinds, to let their keys win, and the span of `[keys]`
        // for a conflict message.
        let mut user_keys = BTreeSet::new();
        let mut keys_span = None;
        if let Some(keys) = user.get_ref().get("keys") {
            keys_span = Some(keys.span());
            if let DeValue::Table(t) = keys.get_ref() {
                user_keys = t
                    .keys()
                    .filter_map(|k| k.get_ref().parse::<Action>().ok())
                    .collect();
            }
        }
        // The user's tables over the defaults: a setting or table left out is the
        // default's (`#[serde(default)]`), a `[keys]` or `[check]` table sets only what it
        // names. Errors point into the user's file.
        let mut config = Config::deserialize(toml::de::Deserializer::from(user)).map_err(|e| {
            let mut error = error_at(path, text, &e);
            if let Some(names) = names_wanted(text, &e) {
                error.message = format!("wanted {names}");
            }
            error
        })?;
        config.user_keys = user_keys;
        let config = config.resolved();
        if let Err(message) = config.keymap() {
            return Err(ConfigError {
                path: path.to_string(),
                position: keys_span.map(|s| line_col(text, s.start)),
                message: message.to_string(),
            });
        }
        Ok(config)
    }
}

/// The names a setting takes, when the file gave it something other than a name (`script
/// = 3`): toml then says only "wanted string or table", so the same file is read again
/// with a name no setting takes (`"?"`) in that place, and serde's unknown-variant error
/// lists those it takes (`one of "as-is", "simplified", …`, or `"as-is" or "fullwidth"`).
fn names_wanted(text: &str, e: &toml::de::Error) -> Option<String> {
    let span = e
        .span()
        .filter(|_| e.message().contains("wanted string or table"))?;
    let probe = format!("{}\"?\"{}", text.get(..span.start)?, text.get(span.end..)?);
    let table = DeTable::parse(&probe).ok()?;
    let again = Config::deserialize(toml::de::Deserializer::from(table)).err()?;
    let message = again.message().replace('`', "\"");
    // serde: "expected one of "a", "b", "c"", or "expected "a" or "b"" for two.
    let (_, expected) = message
        .split_once("unknown variant")?
        .1
        .split_once("expected ")?;
    Some(expected.trim().to_string())
}

/// Where the user's configuration is looked for.
pub(crate) fn user_config_path(explicit: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(p) = explicit {
        return Some((p.to_path_buf(), true));
    }
    if let Some(p) = std::env::var_os("YUEDU_CONFIG").filter(|p| !p.is_empty()) {
        return Some((PathBuf::from(p), true));
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some((base.join("yuedu").join("config.toml"), false))
}

/// Loads the configuration: the defaults overlaid with the user's file. A file named
/// explicitly (flag or `$YUEDU_CONFIG`) must exist; the default location may be empty.
pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
    let Some((path, required)) = user_config_path(explicit) else {
        return Ok(Config::defaults());
    };
    let shown = path.display().to_string();
    match std::fs::read_to_string(&path) {
        Ok(text) => Config::from_user_text(&shown, &text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => Ok(Config::defaults()),
        Err(e) => Err(ConfigError {
            path: shown,
            position: None,
            message: format!("cannot read the configuration file: {e}"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Level, Rule};

    /// Every setting a table of [`Config`] takes is written in `config.toml` (the
    /// defaults fill what a file leaves out, so a setting missing there would not fail
    /// the parse of the file): serde's error for an unknown key lists the keys a table
    /// takes.
    #[test]
    fn config_toml_writes_every_setting() {
        fn taken(table: Option<&str>) -> BTreeSet<String> {
            let probe = match table {
                Some(t) => format!("[{t}]\nno-such-setting = 1\n"),
                None => "no-such-setting = 1\n".to_string(),
            };
            let e = toml::from_str::<Config>(&probe).expect_err("an unknown key");
            let message = e.message().to_string();
            let (_, expected) = message.split_once("expected").expect(&message);
            expected
                .split('`')
                .skip(1)
                .step_by(2)
                .map(str::to_string)
                .collect()
        }
        let file = DeTable::parse(DEFAULT_CONFIG).expect("config.toml");
        let file = file.get_ref();
        let written = |t: &DeTable<'_>| -> BTreeSet<String> {
            t.keys().map(|k| k.get_ref().to_string()).collect()
        };
        assert_eq!(taken(None), written(file), "the tables");
        for table in [
            "text", "layout", "theme", "reader", "input", "output", "search",
        ] {
            let Some(DeValue::Table(t)) = file.get(table).map(|v| v.get_ref()) else {
                panic!("config.toml has no [{table}]");
            };
            assert_eq!(taken(Some(table)), written(t), "[{table}]");
        }
    }

    /// A file needs only the settings it changes: each setting of `config.toml`, alone in
    /// its table, is read (a table whose struct lacks `#[serde(default)]` would ask for
    /// all of its settings).
    #[test]
    fn every_setting_alone_in_a_file_is_read() {
        let file: toml::Table = toml::from_str(DEFAULT_CONFIG).expect("config.toml");
        let mut tried = 0;
        for (name, value) in &file {
            let settings: Vec<(Option<&str>, &String, &toml::Value)> = match value {
                toml::Value::Table(t) => {
                    t.iter().map(|(k, v)| (Some(name.as_str()), k, v)).collect()
                }
                v => vec![(None, name, v)],
            };
            for (table, key, value) in settings {
                let one = toml::Table::from_iter([(key.clone(), value.clone())]);
                let text = match table {
                    Some(t) => toml::to_string(&toml::Table::from_iter([(
                        t.to_string(),
                        toml::Value::Table(one),
                    )])),
                    None => toml::to_string(&one),
                }
                .expect("toml");
                if let Err(e) = Config::from_user_text("one.toml", &text) {
                    panic!("{text}: {e}");
                }
                tried += 1;
            }
        }
        assert!(tried > 40, "{tried} settings tried");
    }

    #[test]
    fn built_defaults_are_the_embedded_files() {
        let parsed: Config = toml::from_str(DEFAULT_CONFIG).expect("embedded config.toml");
        assert_eq!(Config::defaults(), parsed.resolved());
    }

    #[test]
    fn embedded_defaults_parse_and_say_what_the_docs_say() {
        let c = Config::defaults();
        assert_eq!(c.text.ambiguous_width, AmbiguousWidth::Narrow);
        assert_eq!(c.text.line_break, LineBreakLevel::Gb);
        assert_eq!(c.text.punctuation, PunctuationDisplay::AsIs);
        assert_eq!(c.layout.reading_width, 72);
        assert_eq!(c.layout.indent, "\u{3000}\u{3000}");
        assert_eq!(c.theme.name, ThemeName::Dark);
        assert!(!c.input.mouse);
        assert!(c.output.scroll_regions);
        assert_eq!(c.output.scroll_margins, ScrollMargins::Auto);
        // Every action has a default key.
        let map = c.keymap().expect("default keys do not conflict");
        for a in Action::all() {
            assert!(!map.keys(a).is_empty(), "{a} has no default key");
        }
    }

    fn error(text: &str) -> String {
        Config::from_user_text("u.toml", text)
            .expect_err("invalid")
            .to_string()
    }

    #[test]
    fn every_kind_of_bad_file_is_reported_with_position_and_value() {
        let cases = [
            ("[keys]\nfly = [\"f\"]\n", "u.toml:2:1: ", "\"fly\""),
            ("[keys]\nquit = [\"ctrl-\"]\n", "u.toml:2:8: ", "\"ctrl-\""),
            (
                "[theme.colors]\nheading = \"octarine\"\n",
                "u.toml:2:11: ",
                "\"octarine\"",
            ),
            (
                "[theme.colors]\nnavbar = \"red\"\n",
                "u.toml:2:1: ",
                "\"navbar\"",
            ),
            ("[theme]\nname = \"neon\"\n", "u.toml:2:8: ", "\"neon\""),
            (
                "[layout]\nreading-width = \"wide\"\n",
                "u.toml:2:17: ",
                "\"wide\"",
            ),
            ("[input]\nmouse = 1\n", "u.toml:2:9: ", "true or false"),
            (
                "[output]\nscroll-regions = \"no\"\n",
                "u.toml:2:18: ",
                "true or false",
            ),
            (
                "[output]\nscroll-margins = true\n",
                "u.toml:2:18: ",
                "wanted one of \"auto\", \"on\", \"off\"",
            ),
            (
                "[text]\nscript = 3\n",
                "u.toml:2:10: ",
                "wanted one of \"as-is\", \"simplified\"",
            ),
            (
                "[layout]\nreading-width = 1\n",
                "u.toml:2:17: ",
                "1 is too narrow: give a whole number of columns, 2 or more",
            ),
            (
                "[layout]\nnav-width-percent = 300\n",
                "u.toml:2:21: ",
                "300 is more than the whole: give a percentage from 0 to 100",
            ),
            (
                "[text]\npunctuation = true\n",
                "u.toml:2:15: ",
                "wanted \"as-is\" or \"fullwidth\"",
            ),
            (
                "[check]\nmixed-width = [\"error\"]\n",
                "u.toml:2:15: ",
                "wanted one of \"error\", \"warning\", \"info\", \"off\"",
            ),
            (
                "[output]\nscroll-region = false\n",
                "u.toml:2:1: ",
                "\"scroll-region\"",
            ),
            ("[colour]\n", "u.toml:1:2: ", "\"colour\""),
            (
                "[keys]\nquit = [\"x\"]\nhelp = [\"x\"]\n",
                "u.toml:1:1: ",
                "\"x\"",
            ),
        ];
        for (text, position, value) in cases {
            let shown = error(text);
            assert!(shown.starts_with(position), "{text:?} gave {shown}");
            assert!(shown.contains(value), "{text:?} gave {shown}");
        }
        // What would be valid is said too.
        assert!(error("[theme]\nname = \"neon\"\n").contains("\"mono\""));
        assert!(error("[keys]\nfly = [\"f\"]\n").contains("next-heading"));
        assert!(error("[theme.colors]\nheading = \"octarine\"\n").contains("light-cyan"));
    }

    #[test]
    fn user_keys_override_defaults() {
        let c =
            Config::from_user_text("u.toml", "[keys]\nnext-heading = [\"j\"]\n").expect("valid");
        let map = c.keymap().expect("keymap");
        assert_eq!(
            map.keys(Action::NextHeading)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["j"]
        );
        assert_eq!(
            map.keys(Action::ScrollDown)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            ["↓"]
        );
    }

    #[test]
    fn colours_parse() {
        assert_eq!("light-cyan".parse(), Ok(ColorSpec::Named(14)));
        assert_eq!("#ff8000".parse(), Ok(ColorSpec::Rgb(255, 128, 0)));
        assert_eq!("208".parse(), Ok(ColorSpec::Indexed(208)));
        assert_eq!("default".parse(), Ok(ColorSpec::Default));
    }

    #[test]
    fn user_file_overrides_a_subset() {
        let c =
            Config::from_user_text("u.toml", "[text]\nline-break = \"strict\"\n").expect("valid");
        assert_eq!(c.text.line_break, LineBreakLevel::Strict);
        assert_eq!(c.text.ambiguous_width, AmbiguousWidth::Narrow);
        assert_eq!(c.layout.reading_width, 72);
    }

    #[test]
    fn bad_value_names_file_line_column_and_choices() {
        let e = Config::from_user_text("u.toml", "[text]\n\nambiguous-width = \"huge\"\n")
            .expect_err("invalid");
        let shown = e.to_string();
        assert!(shown.starts_with("u.toml:3:19: "), "{shown}");
        assert!(
            shown.contains("\"huge\"") && shown.contains("\"narrow\""),
            "{shown}"
        );
    }

    #[test]
    fn bad_scroll_margins_names_file_line_column_and_choices() {
        let shown = error("[output]\n\nscroll-margins = \"always\"\n");
        assert!(shown.starts_with("u.toml:3:18: "), "{shown}");
        assert!(
            shown.contains("\"always\"")
                && shown.contains("\"auto\"")
                && shown.contains("\"on\"")
                && shown.contains("\"off\""),
            "{shown}"
        );
        let c =
            Config::from_user_text("u.toml", "[output]\nscroll-margins = \"on\"\n").expect("valid");
        assert_eq!(c.output.scroll_margins, ScrollMargins::On);
        assert!(c.output.scroll_regions, "the neighbour keeps its default");
    }

    #[test]
    fn unknown_setting_is_an_error_at_its_key() {
        let e =
            Config::from_user_text("u.toml", "[layout]\nreadingwidth = 60\n").expect_err("invalid");
        assert_eq!(e.position, Some((2, 1)), "{e}");
        assert!(e.message.contains("readingwidth"), "{e}");
    }

    #[test]
    fn defaults_list_every_check_rule() {
        let c = Config::defaults();
        for rule in Rule::ALL {
            assert!(c.check.contains_key(&rule), "config.toml lacks {rule}");
        }
        assert_eq!(c.check[&Rule::HalfwidthPunctuation], Level::Warning);
        assert_eq!(c.check[&Rule::JoinedParagraph], Level::Error);
        assert_eq!(c.check[&Rule::CaptionWithoutCredit], Level::Info);
    }

    #[test]
    fn check_levels_are_overridden_one_by_one() {
        let c = Config::from_user_text(
            "u.toml",
            "[check]\nhalfwidth-punctuation = \"error\"\njoined-paragraph = \"off\"\n",
        )
        .expect("valid");
        assert_eq!(c.check[&Rule::HalfwidthPunctuation], Level::Error);
        assert_eq!(c.check[&Rule::JoinedParagraph], Level::Off);
        assert_eq!(c.check[&Rule::UnbalancedPairs], Level::Error);
        assert_eq!(c.check.len(), Rule::ALL.len());
    }

    #[test]
    fn bad_check_rule_or_level_is_an_error_with_position() {
        let shown = error("[check]\nhalfwidth = \"error\"\n");
        assert!(shown.starts_with("u.toml:2:1: "), "{shown}");
        assert!(
            shown.contains("\"halfwidth\"") && shown.contains("halfwidth-punctuation"),
            "{shown}"
        );
        let shown = error("[check]\n\nmixed-width = \"loud\"\n");
        assert!(shown.starts_with("u.toml:3:15: "), "{shown}");
        assert!(
            shown.contains("\"loud\"") && shown.contains("\"off\""),
            "{shown}"
        );
    }

    #[test]
    fn syntax_error_has_a_position() {
        let e = Config::from_user_text("u.toml", "[text\n").expect_err("invalid");
        assert_eq!(e.position.map(|p| p.0), Some(1), "{e}");
    }
}
