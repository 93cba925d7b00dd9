//! Roles → styles. The only place that decides colours.

use ratatui::style::{Color, Modifier, Style};

use crate::config::{ColorSpec, ThemeConfig, ThemeName, ThemeRole};
use crate::layout::Role;

/// The styles of every role, resolved once from the configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub(crate) banner: Style,
    pub(crate) title: Style,
    pub(crate) byline: Style,
    pub(crate) heading: Style,
    pub(crate) body: Style,
    pub(crate) caption: Style,
    pub(crate) credit: Style,
    pub(crate) decoration: Style,
    /// Untrusted characters shown as notation (`^[`, `<U+202E>`).
    pub(crate) notation: Style,
    /// Laid over the role's style where the text is emphasised (`*x*`, `em`, `i`):
    /// italics, an attribute and not a colour, so kept under `NO_COLOR` (mono) too.
    pub(crate) emphasis: Style,
    /// Laid over the role's style where the text is strong (`**x**`, `strong`, `b`):
    /// bold, kept under `NO_COLOR` as `emphasis` is.
    pub(crate) strong: Style,
    pub(crate) search_match: Style,
    pub(crate) current_match: Style,
    pub(crate) nav_current: Style,
    pub(crate) nav_cursor: Style,
    pub(crate) nav_group: Style,
    pub(crate) border: Style,
    pub(crate) status: Style,
    pub(crate) status_message: Style,
}

fn color(spec: ColorSpec) -> Color {
    match spec {
        ColorSpec::Default => Color::Reset,
        ColorSpec::Named(i) => match i {
            0 => Color::Black,
            1 => Color::Red,
            2 => Color::Green,
            3 => Color::Yellow,
            4 => Color::Blue,
            5 => Color::Magenta,
            6 => Color::Cyan,
            7 => Color::Gray,
            8 => Color::DarkGray,
            9 => Color::LightRed,
            10 => Color::LightGreen,
            11 => Color::LightYellow,
            12 => Color::LightBlue,
            13 => Color::LightMagenta,
            14 => Color::LightCyan,
            _ => Color::White,
        },
        ColorSpec::Indexed(n) => Color::Indexed(n),
        ColorSpec::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

impl Theme {
    /// The theme of the configuration; `no_color` (the `NO_COLOR` convention) forces
    /// `mono`, where roles differ by bold, underline and reverse only.
    pub fn new(config: &ThemeConfig, no_color: bool) -> Theme {
        let name = if no_color {
            ThemeName::Mono
        } else {
            config.name
        };
        let s = Style::default();
        let bold = Modifier::BOLD;
        let mut t = match name {
            ThemeName::Mono => Theme {
                banner: s.add_modifier(Modifier::DIM),
                title: s.add_modifier(bold | Modifier::UNDERLINED),
                byline: s.add_modifier(Modifier::ITALIC),
                heading: s.add_modifier(bold),
                body: s,
                caption: s.add_modifier(Modifier::ITALIC),
                credit: s.add_modifier(Modifier::DIM),
                decoration: s.add_modifier(Modifier::DIM),
                notation: s.add_modifier(Modifier::REVERSED | Modifier::DIM),
                emphasis: s.add_modifier(Modifier::ITALIC),
                strong: s.add_modifier(bold),
                search_match: s.add_modifier(Modifier::UNDERLINED | Modifier::REVERSED),
                current_match: s.add_modifier(Modifier::REVERSED | bold),
                nav_current: s.add_modifier(bold | Modifier::UNDERLINED),
                nav_cursor: s.add_modifier(Modifier::REVERSED),
                nav_group: s.add_modifier(Modifier::DIM),
                border: s,
                status: s.add_modifier(Modifier::REVERSED),
                status_message: s.add_modifier(bold),
            },
            // The 16-colour palette only, so that any terminal reads well.
            ThemeName::Dark | ThemeName::Light => {
                let dark = name == ThemeName::Dark;
                let pick = |on_dark: Color, on_light: Color| if dark { on_dark } else { on_light };
                Theme {
                    banner: s.fg(pick(Color::Gray, Color::DarkGray)),
                    title: s
                        .fg(pick(Color::LightYellow, Color::Red))
                        .add_modifier(bold),
                    byline: s.fg(pick(Color::LightCyan, Color::Blue)),
                    heading: s
                        .fg(pick(Color::LightGreen, Color::Green))
                        .add_modifier(bold),
                    body: s,
                    caption: s.fg(pick(Color::LightMagenta, Color::Magenta)),
                    credit: s
                        .fg(pick(Color::Gray, Color::DarkGray))
                        .add_modifier(Modifier::ITALIC),
                    decoration: s.fg(pick(Color::DarkGray, Color::Gray)),
                    notation: s
                        .fg(pick(Color::LightRed, Color::Red))
                        .add_modifier(Modifier::REVERSED),
                    emphasis: s.add_modifier(Modifier::ITALIC),
                    strong: s.add_modifier(bold),
                    search_match: s.fg(Color::Black).bg(Color::Yellow),
                    current_match: s.fg(Color::Black).bg(Color::LightRed).add_modifier(bold),
                    nav_current: s
                        .fg(pick(Color::LightGreen, Color::Green))
                        .add_modifier(bold),
                    nav_cursor: s.add_modifier(Modifier::REVERSED),
                    nav_group: s.fg(pick(Color::Gray, Color::DarkGray)).add_modifier(bold),
                    border: s.fg(pick(Color::DarkGray, Color::Gray)),
                    status: s
                        .fg(pick(Color::Black, Color::White))
                        .bg(pick(Color::Gray, Color::DarkGray)),
                    status_message: s
                        .fg(pick(Color::Black, Color::White))
                        .bg(pick(Color::LightYellow, Color::Blue))
                        .add_modifier(bold),
                }
            }
        };
        if !no_color {
            for (role, spec) in &config.colors {
                let fg = color(*spec);
                let slot = match role {
                    ThemeRole::Banner => &mut t.banner,
                    ThemeRole::Title => &mut t.title,
                    ThemeRole::Byline => &mut t.byline,
                    ThemeRole::Heading => &mut t.heading,
                    ThemeRole::Body => &mut t.body,
                    ThemeRole::Caption => &mut t.caption,
                    ThemeRole::Credit => &mut t.credit,
                    ThemeRole::Decoration => &mut t.decoration,
                    ThemeRole::Notation => &mut t.notation,
                    ThemeRole::Match => &mut t.search_match,
                    ThemeRole::NavCurrent => &mut t.nav_current,
                    ThemeRole::Status => &mut t.status,
                };
                *slot = slot.fg(fg);
            }
        }
        t
    }

    /// `style` (a role's) with the inline styles in force laid over it: `(emphasis,
    /// strong)` as [`crate::article::styles_at`] gives them.
    pub(crate) fn inline(&self, style: Style, (emphasis, strong): (bool, bool)) -> Style {
        let style = if emphasis {
            style.patch(self.emphasis)
        } else {
            style
        };
        if strong {
            style.patch(self.strong)
        } else {
            style
        }
    }

    /// The style of a layout role.
    pub(crate) fn role(&self, role: Role) -> Style {
        match role {
            Role::Banner => self.banner,
            Role::Title => self.title,
            Role::Byline => self.byline,
            Role::Heading => self.heading,
            Role::Body => self.body,
            Role::Caption => self.caption,
            Role::Credit => self.credit,
            Role::Note => self.credit,
            Role::Decoration => self.decoration,
            Role::Notation => self.notation,
        }
    }
}
