//! Display substitutions for one-line texts of the article (navigation pane, status bar,
//! library), shown as the text pane shows the article: full-width punctuation
//! (`punctuation = "fullwidth"`: the GB/T 15834 full-width forms of `, ; : ! ? ( )` in
//! Chinese text, from the one engine, [`crate::text::fullwidth`], which the text pane's
//! units take too, `units.rs`) and the script (`script`, OpenCC's conversion,
//! [`crate::text::convert`]), both display only.

use std::borrow::Cow;

use crate::layout::{PunctuationDisplay, fullwidth_substitutions};
use crate::text::convert::{self, Script};

/// `text` with the display substitutions of the text pane applied: the punctuation the
/// layout shows full-width ([`fullwidth_substitutions`]), then the script conversion
/// ([`convert::convert`]). Borrowed when nothing changes. Sanitize the result as any
/// article text ([`crate::text::sanitize::for_terminal_line`]).
pub fn shown(text: &str, script: Script, punctuation: PunctuationDisplay) -> Cow<'_, str> {
    let punctuated: Cow<'_, str> = match punctuation {
        PunctuationDisplay::AsIs => Cow::Borrowed(text),
        PunctuationDisplay::Fullwidth => {
            let subst = fullwidth_substitutions(text);
            if subst.is_empty() {
                Cow::Borrowed(text)
            } else {
                let mut out = String::with_capacity(text.len() + 2 * subst.len());
                let mut at = 0;
                for (b, c) in subst {
                    out.push_str(&text[at..b]);
                    out.push(c);
                    at = b + text[b..].chars().next().map_or(0, char::len_utf8);
                }
                out.push_str(&text[at..]);
                Cow::Owned(out)
            }
        }
    };
    match punctuated {
        Cow::Borrowed(t) => convert::convert(script, t),
        Cow::Owned(t) => Cow::Owned(convert::convert(script, &t).into_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_then_script() {
        let s = "智谷小镇,日新月异。";
        assert_eq!(shown(s, Script::AsIs, PunctuationDisplay::AsIs), s);
        assert_eq!(
            shown(s, Script::AsIs, PunctuationDisplay::Fullwidth),
            "智谷小镇，日新月异。"
        );
        assert_eq!(
            shown(s, Script::Traditional, PunctuationDisplay::Fullwidth),
            "智谷小鎮，日新月異。"
        );
        assert!(matches!(
            shown(
                "AI 2024",
                Script::Traditional,
                PunctuationDisplay::Fullwidth
            ),
            Cow::Borrowed(_)
        ));
    }
}
