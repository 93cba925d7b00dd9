//! The vocabulary of `config.toml`'s `[keys]`: the reader's actions by name with their
//! help texts, key names ⇄ key events, and bindings resolved into a key map (a key
//! bound twice is an error here, with the file's line). Kept with the settings, below
//! `view/`, so that the configuration parses and checks its bindings without importing
//! the reader; `view::action` says in which modes an action applies and
//! `view::keymap` what a key means in a mode.
//!
//! Key names in `config.toml` are case-sensitive for letters ("g" and "G" differ) and
//! case-insensitive for named keys: `j`, `G`, `?`, `space`, `enter`, `esc`, `tab`,
//! `backtab`, `backspace`, `up`, `down`, `left`, `right`, `pageup`, `pagedown` (also
//! `pgup`, `pgdn`), `home`, `end`, `f1`…`f12`, with modifiers `ctrl-`, `alt-` (and
//! `shift-` for named keys), for example `ctrl-f`.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;

/// An action of the reader.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::EnumIter, strum::EnumCount,
)]
pub enum Action {
    ScrollDown,
    ScrollUp,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    NextHeading,
    PrevHeading,
    NextCaption,
    PrevCaption,
    SwitchFocus,
    Select,
    ToggleNav,
    CycleScript,
    Search,
    SearchBackward,
    NextMatch,
    PrevMatch,
    GoToPercent,
    GoToLine,
    SetMark,
    GoToMark,
    FileInfo,
    Reload,
    Edit,
    Findings,
    FindingsSeverity,
    FindingsRule,
    Help,
    Cancel,
    Quit,
}

/// Every action with its `config.toml` name and its help text, in help-overlay order.
const TABLE: &[(Action, &str, &str)] = &[
    (Action::ScrollDown, "scroll-down", "down a line"),
    (Action::ScrollUp, "scroll-up", "up a line"),
    (Action::PageDown, "page-down", "down a page"),
    (Action::PageUp, "page-up", "up a page"),
    (Action::HalfPageDown, "half-page-down", "down half a page"),
    (Action::HalfPageUp, "half-page-up", "up half a page"),
    (Action::Top, "top", "start; 50g: line 50"),
    (Action::Bottom, "bottom", "end; 50G: line 50"),
    (Action::NextHeading, "next-heading", "next section"),
    (Action::PrevHeading, "prev-heading", "previous section"),
    (Action::NextCaption, "next-caption", "next photo caption"),
    (
        Action::PrevCaption,
        "prev-caption",
        "previous photo caption",
    ),
    (Action::SwitchFocus, "switch-focus", "switch the panes"),
    (Action::Select, "select", "jump to the entry"),
    (Action::ToggleNav, "toggle-nav", "show/hide the nav pane"),
    (Action::CycleScript, "cycle-script", "next script 简繁臺港"),
    (Action::Search, "search", "search forward"),
    (Action::SearchBackward, "search-backward", "search backward"),
    (Action::NextMatch, "next-match", "next match"),
    (Action::PrevMatch, "prev-match", "previous match"),
    (Action::GoToPercent, "go-to-percent", "go to 50% (50p)"),
    (Action::GoToLine, "go-to-line", "source line :46:21"),
    (Action::SetMark, "set-mark", "mark: m + a letter"),
    (Action::GoToMark, "go-to-mark", "to mark 'a; '' back"),
    (Action::FileInfo, "file-info", "file and position"),
    (Action::Reload, "reload", "read the file again"),
    (Action::Edit, "edit", "edit ($VISUAL) here"),
    (Action::Findings, "findings", "check's findings list"),
    (
        Action::FindingsSeverity,
        "findings-severity",
        "findings: one severity",
    ),
    (Action::FindingsRule, "findings-rule", "findings: one rule"),
    (Action::Help, "help", "this help"),
    (Action::Cancel, "cancel", "close; back to text"),
    (Action::Quit, "quit", "close; else quit"),
];

impl Action {
    /// Every action, in the order the help overlay lists them.
    pub fn all() -> impl Iterator<Item = Action> {
        TABLE.iter().map(|row| row.0)
    }

    fn row(self) -> &'static (Action, &'static str, &'static str) {
        // Every variant has a row: `every_action_has_one_row` checks it.
        TABLE.iter().find(|row| row.0 == self).unwrap_or(&TABLE[0])
    }

    /// The name used in `config.toml` under `[keys]`.
    pub fn name(self) -> &'static str {
        self.row().1
    }

    /// A short description for the help overlay.
    pub(crate) fn description(self) -> &'static str {
        self.row().2
    }
}

impl fmt::Display for Action {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An action name that names no action.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown action \"{0}\"")]
pub struct UnknownAction(pub String);

impl FromStr for Action {
    type Err = UnknownAction;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Action::all()
            .find(|a| a.name() == s)
            .ok_or_else(|| UnknownAction(s.to_string()))
    }
}

/// A key with its modifiers, normalised so that a typed `G` matches the name `G`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    code: KeyCodeOrd,
    ctrl: bool,
    alt: bool,
    shift: bool,
}

/// `KeyCode` restricted to what can be bound, with an order for stable help listings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum KeyCodeOrd {
    Char(char),
    F(u8),
    Named(Named),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Named {
    Down,
    Up,
    PageDown,
    PageUp,
    Home,
    End,
    Left,
    Right,
    Enter,
    Tab,
    BackTab,
    Backspace,
    Esc,
    Space,
}

const NAMES: &[(&str, Named)] = &[
    ("down", Named::Down),
    ("up", Named::Up),
    ("pagedown", Named::PageDown),
    ("pgdn", Named::PageDown),
    ("pageup", Named::PageUp),
    ("pgup", Named::PageUp),
    ("home", Named::Home),
    ("end", Named::End),
    ("left", Named::Left),
    ("right", Named::Right),
    ("enter", Named::Enter),
    ("return", Named::Enter),
    ("tab", Named::Tab),
    ("backtab", Named::BackTab),
    ("backspace", Named::Backspace),
    ("esc", Named::Esc),
    ("escape", Named::Esc),
    ("space", Named::Space),
];

impl Key {
    /// The key of a terminal key event, if it is one that can be bound.
    pub(crate) fn from_event(ev: &KeyEvent) -> Option<Key> {
        let m = ev.modifiers;
        let code = match ev.code {
            KeyCode::Char(' ') => KeyCodeOrd::Named(Named::Space),
            KeyCode::Char(c) => KeyCodeOrd::Char(c),
            KeyCode::F(n) => KeyCodeOrd::F(n),
            KeyCode::Down => KeyCodeOrd::Named(Named::Down),
            KeyCode::Up => KeyCodeOrd::Named(Named::Up),
            KeyCode::PageDown => KeyCodeOrd::Named(Named::PageDown),
            KeyCode::PageUp => KeyCodeOrd::Named(Named::PageUp),
            KeyCode::Home => KeyCodeOrd::Named(Named::Home),
            KeyCode::End => KeyCodeOrd::Named(Named::End),
            KeyCode::Left => KeyCodeOrd::Named(Named::Left),
            KeyCode::Right => KeyCodeOrd::Named(Named::Right),
            KeyCode::Enter => KeyCodeOrd::Named(Named::Enter),
            KeyCode::Tab => KeyCodeOrd::Named(Named::Tab),
            KeyCode::BackTab => KeyCodeOrd::Named(Named::BackTab),
            KeyCode::Backspace => KeyCodeOrd::Named(Named::Backspace),
            KeyCode::Esc => KeyCodeOrd::Named(Named::Esc),
            _ => return None,
        };
        // A typed character already carries its shift ("G", "?"); only named keys keep it.
        let shift = matches!(code, KeyCodeOrd::Named(_) | KeyCodeOrd::F(_))
            && m.contains(KeyModifiers::SHIFT)
            && code != KeyCodeOrd::Named(Named::BackTab);
        Some(Key {
            code,
            ctrl: m.contains(KeyModifiers::CONTROL),
            alt: m.contains(KeyModifiers::ALT),
            shift,
        })
    }
}

/// A key name that is not a key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadKey {
    #[error(
        "unknown key \"{0}\"; a key is a character (j, G, ?, ]) or one of space, enter, \
         esc, tab, backtab, backspace, up, down, left, right, pageup, pagedown, home, end, \
         f1-f12, optionally after ctrl-, alt- or shift-"
    )]
    Unknown(String),
    #[error("key \"{0}\": write the shifted character itself (\"G\", not \"shift-g\")")]
    ShiftedCharacter(String),
}

impl FromStr for Key {
    type Err = BadKey;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = || BadKey::Unknown(s.to_string());
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            let strip = |p: &str| lower.starts_with(p) && rest.chars().count() > p.len();
            if strip("ctrl-") {
                ctrl = true;
                rest = &rest[5..];
            } else if strip("alt-") {
                alt = true;
                rest = &rest[4..];
            } else if strip("shift-") {
                shift = true;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(' '), None) => KeyCodeOrd::Named(Named::Space),
            (Some(c), None) if !c.is_control() => {
                // ctrl-F and ctrl-f are the same key to a terminal.
                KeyCodeOrd::Char(if ctrl { c.to_ascii_lowercase() } else { c })
            }
            _ => {
                let lower = rest.to_ascii_lowercase();
                if let Some(&(_, named)) = NAMES.iter().find(|(n, _)| *n == lower) {
                    KeyCodeOrd::Named(named)
                } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
                    && (1..=12).contains(&n)
                {
                    KeyCodeOrd::F(n)
                } else {
                    return Err(invalid());
                }
            }
        };
        if shift && matches!(code, KeyCodeOrd::Char(_)) {
            return Err(BadKey::ShiftedCharacter(s.to_string()));
        }
        Ok(Key {
            code,
            ctrl,
            alt,
            shift,
        })
    }
}

impl fmt::Display for Key {
    /// The key as the help overlay shows it: `j`, `Ctrl-F`, `PgDn`, `↓`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        if self.shift {
            f.write_str("Shift-")?;
        }
        match self.code {
            KeyCodeOrd::Char(c) if self.ctrl => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCodeOrd::Char(c) => write!(f, "{c}"),
            KeyCodeOrd::F(n) => write!(f, "F{n}"),
            KeyCodeOrd::Named(n) => f.write_str(match n {
                Named::Down => "↓",
                Named::Up => "↑",
                Named::PageDown => "PgDn",
                Named::PageUp => "PgUp",
                Named::Home => "Home",
                Named::End => "End",
                Named::Left => "←",
                Named::Right => "→",
                Named::Enter => "Enter",
                Named::Tab => "Tab",
                Named::BackTab => "Shift-Tab",
                Named::Backspace => "Backspace",
                Named::Esc => "Esc",
                Named::Space => "Space",
            }),
        }
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for Action {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(|_| {
            let names: Vec<&str> = Action::all().map(Action::name).collect();
            serde::de::Error::custom(format!(
                "unknown action \"{s}\"; the actions are {}",
                names.join(", ")
            ))
        })
    }
}

/// One key bound to two actions that both claim it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("key \"{key}\" is bound to both {first} and {second}")]
pub struct KeyConflict {
    pub(crate) key: Key,
    pub(crate) first: Action,
    pub(crate) second: Action,
}

/// Keys to actions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    by_key: HashMap<Key, Action>,
    by_action: BTreeMap<Action, Vec<Key>>,
}

impl Keymap {
    /// Builds the map from bindings. When a key is bound to two actions, the binding of
    /// an action in `preferred` (the ones the user's file rebinds) wins and the key is
    /// taken from the other; two preferred actions with one key are an error.
    pub fn new(
        bindings: &BTreeMap<Action, Vec<Key>>,
        preferred: &dyn Fn(Action) -> bool,
    ) -> Result<Keymap, KeyConflict> {
        let mut by_key: HashMap<Key, Action> = HashMap::new();
        // Preferred actions first, so that they claim their keys.
        let mut order: Vec<(&Action, &Vec<Key>)> = bindings.iter().collect();
        order.sort_by_key(|(a, _)| !preferred(**a));
        for (&action, keys) in order {
            for &key in keys {
                match by_key.get(&key) {
                    Some(&other) if other != action && preferred(action) => {
                        return Err(KeyConflict {
                            key,
                            first: other,
                            second: action,
                        });
                    }
                    Some(_) => {}
                    None => {
                        by_key.insert(key, action);
                    }
                }
            }
        }
        let mut by_action: BTreeMap<Action, Vec<Key>> = BTreeMap::new();
        for (&action, keys) in bindings {
            let mine: Vec<Key> = keys
                .iter()
                .copied()
                .filter(|k| by_key.get(k) == Some(&action))
                .collect();
            by_action.insert(action, mine);
        }
        Ok(Keymap { by_key, by_action })
    }

    /// The action bound to a key event.
    pub fn action(&self, ev: &KeyEvent) -> Option<Action> {
        Key::from_event(ev).and_then(|k| self.by_key.get(&k).copied())
    }

    /// The keys bound to an action, in the order the configuration lists them.
    pub fn keys(&self, action: Action) -> &[Key] {
        self.by_action.get(&action).map_or(&[], Vec::as_slice)
    }

    /// The first key of an action as text, for hints; `None` when unbound.
    pub(crate) fn first_key(&self, action: Action) -> Option<String> {
        self.keys(action).first().map(Key::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        for a in Action::all() {
            assert_eq!(a.name().parse::<Action>(), Ok(a));
        }
        let mut names: Vec<_> = Action::all().map(Action::name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TABLE.len());
    }

    #[test]
    fn every_action_has_one_row() {
        use strum::{EnumCount, IntoEnumIterator};
        // Every variant the compiler knows, not a list kept by hand: a variant added
        // without its row fails here.
        for v in Action::iter() {
            let rows = TABLE.iter().filter(|row| row.0 == v).count();
            assert_eq!(rows, 1, "{v:?} has {rows} rows in TABLE");
        }
        assert_eq!(TABLE.len(), Action::COUNT);
        assert_eq!(Action::all().count(), Action::COUNT);
    }

    fn ev(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn names_parse_and_display() {
        for (name, shown) in [
            ("j", "j"),
            ("G", "G"),
            ("?", "?"),
            ("ctrl-f", "Ctrl-F"),
            ("Ctrl-F", "Ctrl-F"),
            ("pgdn", "PgDn"),
            ("PageDown", "PgDn"),
            ("space", "Space"),
            ("down", "↓"),
            ("esc", "Esc"),
            ("f1", "F1"),
            ("alt-x", "Alt-x"),
        ] {
            let key: Key = name.parse().expect(name);
            assert_eq!(key.to_string(), shown, "{name}");
        }
    }

    #[test]
    fn bad_names_say_what_is_valid() {
        for bad in ["ctrl-", "pagedwn", "f13", "shift-g", ""] {
            let e = bad.parse::<Key>().expect_err(bad).to_string();
            assert!(e.contains(&format!("\"{bad}\"")), "{e}");
        }
    }

    #[test]
    fn typed_keys_match_their_names() {
        let cases = [
            (ev(KeyCode::Char('G'), KeyModifiers::SHIFT), "G"),
            (ev(KeyCode::Char('f'), KeyModifiers::CONTROL), "ctrl-f"),
            (ev(KeyCode::Char(' '), KeyModifiers::NONE), "space"),
            (ev(KeyCode::PageDown, KeyModifiers::NONE), "pagedown"),
            (ev(KeyCode::Char('?'), KeyModifiers::SHIFT), "?"),
        ];
        for (event, name) in cases {
            assert_eq!(Key::from_event(&event), name.parse().ok(), "{name}");
        }
    }

    #[test]
    fn user_binding_takes_the_key_from_a_default() {
        let mut b = BTreeMap::new();
        b.insert(Action::ScrollDown, vec!["j".parse().expect("j")]);
        b.insert(Action::NextHeading, vec!["j".parse().expect("j")]);
        let map = Keymap::new(&b, &|a| a == Action::NextHeading).expect("valid");
        let j = ev(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(map.action(&j), Some(Action::NextHeading));
        assert!(map.keys(Action::ScrollDown).is_empty());
        let e = Keymap::new(&b, &|_| true).expect_err("conflict");
        assert_eq!(e.key, "j".parse::<Key>().expect("a key"));
        assert!(e.to_string().contains("\"j\""), "{e}");
    }
}
