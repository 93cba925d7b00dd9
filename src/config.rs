//! Settings: the documented `config.toml` (embedded as the defaults) overlaid with the
//! user's file, parsed strictly, with errors that name the file, line and column.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::layout::{AmbiguousWidth, LayoutOptions, LineBreakLevel, PunctuationDisplay};

/// The documented default configuration, as shipped at the top of the repository.
pub const DEFAULT_CONFIG: &str = include_str!("../config.toml");

/// All settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    pub text: TextConfig,
    pub layout: LayoutConfig,
}

/// `[text]`: how text is measured, broken and shown.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct TextConfig {
    /// Defaults to `"narrow"`.
    pub ambiguous_width: AmbiguousWidth,
    /// Defaults to `"gb"`.
    pub line_break: LineBreakLevel,
    /// Defaults to `"as-is"`.
    pub punctuation: PunctuationDisplay,
}

/// `[layout]`: widths and indents.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LayoutConfig {
    /// Defaults to 72.
    pub reading_width: u16,
    /// Defaults to two U+3000.
    pub indent: String,
}

impl Config {
    /// The layout options for a text width.
    pub fn layout_options(&self, width: usize) -> LayoutOptions {
        LayoutOptions {
            width,
            ambiguous: self.text.ambiguous_width,
            line_break: self.text.line_break,
            punctuation: self.text.punctuation,
            indent: self.layout.indent.clone(),
        }
    }
}

/// A configuration file that could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub path: String,
    /// 1-based line and column of the problem, when known.
    pub position: Option<(usize, usize)>,
    pub message: String,
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
        message: e.message().trim().to_string(),
    }
}

/// Lays `over` on top of `base`: tables merge key by key, anything else is replaced.
/// Replaced keys and values keep their spans, so errors point into the user's file.
fn merge<'i>(base: &mut DeTable<'i>, over: DeTable<'i>) {
    for (key, value) in over {
        let span = value.span();
        match (base.get_mut(&key).map(|v| v.get_mut()), value.into_inner()) {
            (Some(DeValue::Table(sub)), DeValue::Table(t)) => merge(sub, t),
            (_, v) => {
                base.remove(&key);
                base.insert(key, Spanned::new(span, v));
            }
        }
    }
}

impl Config {
    /// The defaults: the embedded `config.toml`.
    pub fn defaults() -> Config {
        // The embedded file is checked by a test; a broken build should not get past it.
        toml::from_str(DEFAULT_CONFIG).unwrap_or_else(|e| panic!("embedded config.toml: {e}"))
    }

    /// The defaults overlaid with the TOML `text` of the file at `path` (used in messages).
    pub fn from_user_text(path: &str, text: &str) -> Result<Config, ConfigError> {
        let user = DeTable::parse(text).map_err(|e| error_at(path, text, &e))?;
        let mut base = DeTable::parse(DEFAULT_CONFIG)
            .map_err(|e| error_at("config.toml (built in)", DEFAULT_CONFIG, &e))?;
        let span = user.span();
        merge(base.get_mut(), user.into_inner());
        let merged = Spanned::new(span, base.into_inner());
        Config::deserialize(toml::de::Deserializer::from(merged))
            .map_err(|e| error_at(path, text, &e))
    }
}

/// Where the user's configuration is looked for.
pub fn user_config_path(explicit: Option<&Path>) -> Option<(PathBuf, bool)> {
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

    #[test]
    fn embedded_defaults_parse_and_say_what_the_docs_say() {
        let c = Config::defaults();
        assert_eq!(c.text.ambiguous_width, AmbiguousWidth::Narrow);
        assert_eq!(c.text.line_break, LineBreakLevel::Gb);
        assert_eq!(c.text.punctuation, PunctuationDisplay::AsIs);
        assert_eq!(c.layout.reading_width, 72);
        assert_eq!(c.layout.indent, "\u{3000}\u{3000}");
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
            shown.contains("`huge`") && shown.contains("`narrow`"),
            "{shown}"
        );
    }

    #[test]
    fn unknown_setting_is_an_error_at_its_key() {
        let e =
            Config::from_user_text("u.toml", "[layout]\nreadingwidth = 60\n").expect_err("invalid");
        assert_eq!(e.position, Some((2, 1)), "{e}");
        assert!(e.message.contains("readingwidth"), "{e}");
    }

    #[test]
    fn syntax_error_has_a_position() {
        let e = Config::from_user_text("u.toml", "[text\n").expect_err("invalid");
        assert_eq!(e.position.map(|p| p.0), Some(1), "{e}");
    }
}
