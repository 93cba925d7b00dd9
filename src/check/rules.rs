//! The rule table: each rule of `yuedu check` is one entry — its id, default severity,
//! which formats it applies to, a line on what it finds, and the function that finds
//! it. The [`Rule`] enum and [`Rule::ALL`] are made from the table, so a rule cannot be
//! left out of it; `config.toml`'s `[check]` must list every rule at its default
//! severity (a test checks).
//!
//! Adding a rule is one entry here (and its line in `config.toml`).

use super::{
    DecodeInfo, Findings, Piece, Severity, captions_and_credits, encoding_guess,
    halfwidth_punctuation, hidden_characters, joined_paragraphs, mixed_width, repeated_punctuation,
    sections, space_between_chinese, unbalanced_pairs,
};
use crate::article::Article;
use crate::formats::Format;

/// Which formats a rule applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Formats {
    All,
    /// Only these: the rule reads what one format's recovery does (a plain-text
    /// paragraph joined across a break, a "NAME 摄" credit line).
    Only(&'static [Format]),
}

impl Formats {
    pub(crate) fn contains(self, format: Format) -> bool {
        match self {
            Formats::All => true,
            Formats::Only(formats) => formats.contains(&format),
        }
    }
}

/// How a rule finds what it finds.
#[derive(Clone, Copy)]
pub(super) enum Run {
    /// Reads each text of the article on its own (the banner, the title, each block).
    Text(fn(&Piece<'_>, &mut Findings<'_>)),
    /// Reads the whole article, its sources and what the decoder said.
    Article(fn(&Article, &DecodeInfo<'_>, &mut Findings<'_>)),
    /// Found by the same pass as the rule named (one scan finds both).
    With(Rule),
}

/// One entry of the table.
pub(super) struct RuleDef {
    pub(super) rule: Rule,
    pub(super) id: &'static str,
    /// The default severity; `config.toml`'s `[check]` table is the one source of the
    /// defaults at run time, and a test holds it to this column; a levels map that does
    /// not name a rule reports it at this severity.
    pub(super) severity: Severity,
    pub(super) formats: Formats,
    pub(super) explanation: &'static str,
    pub(super) run: Run,
}

macro_rules! rules {
    ($($name:ident {
        id: $id:literal,
        severity: $severity:ident,
        formats: $formats:expr,
        explanation: $explanation:expr,
        run: $run:expr $(,)?
    })*) => {
        /// One check. The ids are what `config.toml`'s `[check]` table and the output use.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Rule {
            $($name),*
        }

        const COUNT: usize = [$(stringify!($name)),*].len();

        impl Rule {
            /// Every rule, in the order `--list-rules` prints them.
            pub const ALL: [Rule; COUNT] = [$(Rule::$name),*];
        }

        /// The table, in the order of [`Rule::ALL`].
        pub(super) const RULES: [RuleDef; COUNT] = [$(RuleDef {
            rule: Rule::$name,
            id: $id,
            severity: Severity::$severity,
            formats: $formats,
            explanation: $explanation,
            run: $run,
        }),*];
    };
}

rules! {
    HalfwidthPunctuation {
        id: "halfwidth-punctuation",
        severity: Warning,
        formats: Formats::All,
        explanation: "ASCII , ; : ! ? ( ) next to Chinese text (use ，；：！？（）)",
        run: Run::Text(halfwidth_punctuation),
    }
    UnbalancedPairs {
        id: "unbalanced-pairs",
        severity: Error,
        formats: Formats::All,
        explanation: "“ ” ‘ ’ 《 》 （ ） 「 」 『 』 【 】 〔 〕 not closed, or closed by the wrong mark, within a paragraph",
        run: Run::Text(unbalanced_pairs),
    }
    JoinedParagraph {
        id: "joined-paragraph",
        severity: Error,
        formats: Formats::Only(&[Format::Text]),
        explanation: "a paragraph continued across a caption or column break: text may have been lost there",
        run: Run::Article(joined_paragraphs),
    }
    CaptionWithoutCredit {
        id: "caption-without-credit",
        severity: Info,
        formats: Formats::Only(&[Format::Text]),
        explanation: "a photo caption without a photographer's credit",
        run: Run::Article(captions_and_credits),
    }
    CreditWithoutCaption {
        id: "credit-without-caption",
        severity: Warning,
        formats: Formats::Only(&[Format::Text]),
        explanation: "a lone \"NAME 摄\" credit that belongs to no caption",
        run: Run::With(Rule::CaptionWithoutCredit),
    }
    RepeatedPunctuation {
        id: "repeated-punctuation",
        severity: Warning,
        formats: Formats::All,
        explanation: "a doubled ，。、；： (as in ，，)",
        run: Run::Text(repeated_punctuation),
    }
    SpaceBetweenChinese {
        id: "space-between-chinese",
        severity: Warning,
        formats: Formats::All,
        explanation: "white space between two Chinese characters",
        run: Run::Text(space_between_chinese),
    }
    MixedWidth {
        id: "mixed-width",
        severity: Warning,
        formats: Formats::All,
        explanation: "full-width and half-width letters or digits in one run (２024)",
        run: Run::Text(mixed_width),
    }
    ControlCharacter {
        id: "control-character",
        severity: Error,
        formats: Formats::All,
        explanation: "control and bidirectional characters (ESC, C1, U+202E): terminals act on them",
        run: Run::Article(hidden_characters),
    }
    InvisibleCharacter {
        id: "invisible-character",
        severity: Warning,
        formats: Formats::All,
        explanation: "invisible, private-use or unassigned characters (U+200B, U+FEFF, U+E000)",
        run: Run::With(Rule::ControlCharacter),
    }
    ReplacementCharacter {
        id: "replacement-character",
        severity: Warning,
        formats: Formats::All,
        explanation: "U+FFFD: bytes that could not be decoded",
        run: Run::With(Rule::ControlCharacter),
    }
    EncodingGuess {
        id: "encoding-guess",
        severity: Warning,
        formats: Formats::All,
        explanation: "the file's encoding was guessed, not known",
        run: Run::Article(encoding_guess),
    }
    EmptySection {
        id: "empty-section",
        severity: Warning,
        formats: Formats::All,
        explanation: "a heading with no paragraph before the next heading or the end",
        run: Run::Article(sections),
    }
    HeadingPunctuation {
        id: "heading-punctuation",
        severity: Warning,
        formats: Formats::All,
        explanation: "a heading ending in 。，、；： (? and ! are allowed)",
        run: Run::With(Rule::EmptySection),
    }
}

impl Rule {
    fn def(self) -> &'static RuleDef {
        &RULES[self as usize]
    }

    /// The rule's id, as in `config.toml` and the output.
    pub(crate) fn id(self) -> &'static str {
        self.def().id
    }

    /// One line on what the rule finds.
    pub(crate) fn explanation(self) -> &'static str {
        self.def().explanation
    }

    /// The level the rule ships at: its table severity.
    pub(crate) fn default_level(self) -> super::Level {
        use super::Level;
        match self.def().severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Info,
        }
    }

    /// The formats it applies to.
    #[cfg(test)]
    pub(crate) fn formats(self) -> Formats {
        self.def().formats
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{RuleLevels, default_levels};

    #[test]
    fn the_table_is_in_the_order_of_the_enum() {
        for (i, def) in RULES.iter().enumerate() {
            assert_eq!(def.rule as usize, i, "{}", def.id);
            assert_eq!(Rule::ALL[i], def.rule);
        }
        let mut ids: Vec<&str> = RULES.iter().map(|d| d.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len(), "ids are unique");
    }

    /// A rule found with another's pass names a rule with a function of its own.
    #[test]
    fn shared_passes_name_a_rule_that_runs() {
        for def in &RULES {
            if let Run::With(other) = def.run {
                assert!(!matches!(other.def().run, Run::With(_)), "{}", def.id);
                assert_eq!(other.formats(), def.formats, "{}", def.id);
            }
        }
    }

    /// config.toml's `[check]` lists every rule of the table, at its default severity,
    /// and nothing else.
    #[test]
    fn config_toml_lists_every_rule_at_its_default() {
        // Read here with the core's own types, so that the test runs without the reader
        // (whose `Config` reads the same table).
        #[derive(serde::Deserialize)]
        struct File {
            check: RuleLevels,
        }
        let toml = include_str!("../../config.toml");
        let levels = toml::from_str::<File>(toml)
            .expect("config.toml reads")
            .check;
        assert_eq!(levels, default_levels());
        let listed = toml
            .split("\n[check]\n")
            .nth(1)
            .map(|rest| rest.split("\n[").next().unwrap_or(rest))
            .expect("a [check] table");
        for def in &RULES {
            assert!(
                listed.contains(&format!("\n{} = ", def.id)),
                "config.toml [check] lacks {}",
                def.id
            );
        }
    }
}
