//! Arbitrary bytes through the whole pipeline — decode → sanitise → parse → layout — at
//! any width: no panic, no line wider than the width, nothing lost. (The same pipeline
//! is a cargo-fuzz target in `fuzz/`.)

use proptest::prelude::*;
use yuedu::formats::text::parse;
use yuedu::input::decode::{DecodeOptions, decode_with_options};
use yuedu::layout::{AmbiguousWidth, Layout, LayoutOptions, Role, str_width};
use yuedu::text::sanitize::sanitize;

/// Bytes that look like what Chinese files hold, and worse: UTF-8 Chinese, GB18030,
/// escape sequences, C1, bidi, NUL, CR, blank lines, credits, random bytes.
fn article_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        Just("余姚在长三角中心“抱团建群”。".as_bytes().to_vec()),
        Just("今年,长三角的“打开方式”是“拼”!".as_bytes().to_vec()),
        Just(b"\n\n".to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b"\r".to_vec()),
        Just("谷志锋 摄\n".as_bytes().to_vec()),
        Just("科创“共同体”激活增长极\n\n".as_bytes().to_vec()),
        Just(b"\x1b]0;title\x07\x1b[2J".to_vec()),
        Just(
            "\u{9b}31m\u{202e}\u{200b}\u{feff}\u{e000}"
                .as_bytes()
                .to_vec()
        ),
        Just(b"AIoT 3.65% 2024\xe2\x80\x94\xe2\x80\x942028 ".to_vec()),
        Just(b"\xd3\xe0\xd2\xa6".to_vec()),
        Just(b"\0".to_vec()),
        Just(b"\t".to_vec()),
        prop::collection::vec(any::<u8>(), 0..8),
    ];
    prop::collection::vec(piece, 0..24).prop_map(|v| v.concat())
}

fn non_blank(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_lay_out_safely_and_completely(bytes in article_bytes(), width in 0usize..120, wide in any::<bool>(), force in any::<bool>()) {
        let Ok(decoded) = decode_with_options(&bytes, &DecodeOptions { encoding: None, force }) else {
            // Refused (binary without --force): nothing to lay out, and no panic.
            return Ok(());
        };
        let article = parse(&decoded.text);
        let ambiguous = if wide { AmbiguousWidth::Wide } else { AmbiguousWidth::Narrow };
        let opts = LayoutOptions { width, ambiguous, ..LayoutOptions::default() };
        let layout = Layout::new(&article, &opts);
        let mut shown = String::new();
        for line in layout.lines(&article) {
            let text = line.text();
            if width >= 2 {
                prop_assert!(str_width(&text, ambiguous) <= width, "{text:?} wider than {width}");
            }
            // Nothing a terminal would act on is shown.
            prop_assert!(!text.chars().any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)), "{text:?}");
            for span in &line.spans {
                if span.role != Role::Decoration {
                    shown.push_str(&span.text);
                }
            }
        }
        // Nothing lost: every non-blank character of the text, as text or as notation.
        let mut want = String::new();
        let heads = [&article.banner, &article.column, &article.kicker, &article.title, &article.subtitle, &article.byline, &article.dateline];
        for h in heads.into_iter().flatten() {
            want.push_str(&sanitize(&h.text));
        }
        for b in &article.blocks {
            want.push_str(&sanitize(&b.text));
            if let Some(c) = &b.credit {
                want.push_str(&sanitize(&c.text));
            }
        }
        prop_assert_eq!(non_blank(&shown), non_blank(&want));
        // And the article holds every non-blank character of the file.
        let parsed: String = heads
            .into_iter()
            .flatten()
            .map(|h| h.text.clone())
            .chain(article.blocks.iter().flat_map(|b| [Some(b.text.to_string()), b.credit.as_ref().map(|c| c.text.to_string())]).flatten())
            .collect();
        let mut a: Vec<char> = non_blank(&parsed).chars().collect();
        let mut f: Vec<char> = non_blank(&decoded.text).chars().collect();
        a.sort_unstable();
        f.sort_unstable();
        prop_assert_eq!(a, f, "the parser kept every non-blank character of the file");
    }
}
