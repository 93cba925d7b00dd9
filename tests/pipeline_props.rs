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

    /// Every position in the article is a source span: each piece of text stands in the
    /// source at its offset, and its line:col is where the source has it.
    #[test]
    fn positions_are_source_spans(bytes in article_bytes()) {
        let Ok(decoded) = decode_with_options(&bytes, &DecodeOptions { encoding: None, force: true }) else {
            return Ok(());
        };
        let text = decoded.text.as_str();
        let article = parse(text);
        let at = |src: usize, piece: &str| text.get(src..src + piece.len()) == Some(piece);
        // line:col counted the plain way: lines end at \n, \r\n or a lone \r.
        let naive = |src: usize| {
            let before = &text[..src];
            let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
            let ends = before.chars().filter(|&c| c == '\n' || c == '\r').count();
            let line = 1 + ends - before.matches("\r\n").count();
            (line, before[line_start..].chars().count() + 1)
        };
        for h in [&article.banner, &article.title, &article.byline].into_iter().flatten() {
            prop_assert!(at(h.src as usize, &h.text), "{h:?}");
            prop_assert_eq!(article.line_col(h.file, h.src as usize), naive(h.src as usize));
        }
        for b in &article.blocks {
            for (i, p) in b.parts.iter().enumerate() {
                let end = b.parts.get(i + 1).map_or(b.text.len(), |n| n.offset());
                // Less the one space put back where a line break stood between Latin words.
                let piece = &b.text[p.offset()..end];
                let piece = piece.strip_suffix(' ').filter(|_| i + 1 < b.parts.len()).unwrap_or(piece);
                prop_assert!(at(p.src(), piece), "{b:?}");
                prop_assert_eq!(article.line_col(b.file, p.src()), naive(p.src()));
            }
            if let Some(c) = &b.credit {
                prop_assert!(at(c.src as usize, &c.text), "{c:?}");
            }
        }
        for j in &article.joins {
            prop_assert!(article.blocks.iter().any(|b| b.parts.iter().any(|p| p.src() == j.src as usize)));
        }
    }
}
