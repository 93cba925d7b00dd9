//! Arbitrary bytes and a width through decode → sanitise → parse → layout: no panic, no
//! line wider than the width, nothing lost.
#![no_main]

use libfuzzer_sys::fuzz_target;
use yuedu::input::decode::{DecodeOptions, decode_with_options};
use yuedu::layout::{AmbiguousWidth, Layout, LayoutOptions, Role, str_width};
use yuedu::formats::text::parse;
use yuedu::text::sanitize::sanitize;

fn non_blank(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fuzz_target!(|input: (u8, bool, bool, &[u8])| {
    let (width, wide, force, bytes) = input;
    let width = usize::from(width);
    let Ok(decoded) = decode_with_options(
        bytes,
        &DecodeOptions {
            encoding: None,
            force,
        },
    ) else {
        return;
    };
    let article = parse(&decoded.text);
    let ambiguous = if wide {
        AmbiguousWidth::Wide
    } else {
        AmbiguousWidth::Narrow
    };
    let opts = LayoutOptions {
        width,
        ambiguous,
        ..LayoutOptions::default()
    };
    let layout = Layout::new(&article, &opts);
    let mut shown = String::new();
    for line in layout.lines(&article) {
        let text = line.text();
        if width >= 2 {
            assert!(
                str_width(&text, ambiguous) <= width,
                "{text:?} wider than {width}"
            );
        }
        assert!(!text.chars().any(char::is_control), "{text:?}");
        for span in line.spans.iter().filter(|s| s.role != Role::Decoration) {
            shown.push_str(&span.text);
        }
    }
    let mut want = String::new();
    for h in [&article.banner, &article.title, &article.byline]
        .into_iter()
        .flatten()
    {
        want.push_str(&sanitize(&h.text));
    }
    for b in &article.blocks {
        want.push_str(&sanitize(&b.text));
        if let Some(c) = &b.credit {
            want.push_str(&sanitize(&c.text));
        }
    }
    assert_eq!(non_blank(&shown), non_blank(&want));
});
