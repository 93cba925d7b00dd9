//! Ornaments in a page's body, in any order among subheads, paragraphs and table rows:
//! no characters of the text are lost, a section's number is never a heading or paragraph
//! alone (it joins the head under it, else it is a note), decoration never a paragraph.

use std::sync::Arc;

use proptest::prelude::*;
use yuedu::article::BlockKind;
use yuedu::formats::{Format, parse_shared};

/// One element of a WeChat-like body and the text it shows.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<section style=\"text-align:center\"><strong>01</strong></section>".to_string()),
        Just("<p style=\"text-align:center\">— 02 —</p>".to_string()),
        Just("<p>Part 3</p>".to_string()),
        Just("<section><strong>壹</strong></section>".to_string()),
        Just("<p style=\"text-align:center\">◆ ◆ ◆</p>".to_string()),
        Just("<p>***</p>".to_string()),
        Just("<section><strong>渡口边的早市</strong></section>".to_string()),
        Just("<h2>船工的一天</h2>".to_string()),
        Just("<p style=\"text-align:center\"><span>雨后的河堤</span></p>".to_string()),
        Just("<p>清晨五点，渡口边的早市已经热闹起来，卖菜的船一条接一条靠岸。</p>".to_string()),
        Just("<p>老船工说，这条河他走了四十年，闭着眼睛也知道哪里有暗礁。</p>".to_string()),
        Just(
            "<table><tr><td>年份</td><td>船数</td></tr><tr><td>01</td><td>12</td></tr></table>"
                .to_string()
        ),
        Just("<ul><li>01</li><li>早班六点</li></ul>".to_string()),
    ]
}

/// The visible characters of `html`'s text (tags left out), as a sorted list.
fn visible(html: &str) -> Vec<char> {
    let mut out = Vec::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag && !c.is_whitespace() => out.push(c),
            _ => {}
        }
    }
    out.sort_unstable();
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn ornaments_lose_nothing_and_stand_alone_as_no_head_or_paragraph(
        pieces in proptest::collection::vec(piece(), 1..14)
    ) {
        let body = pieces.concat();
        let page = format!(
            "<!DOCTYPE html><html><head><meta charset=utf-8><title>河上的早市</title></head>\
             <body><h1>河上的早市</h1><div id=\"js_content\">{body}</div></body></html>"
        );
        let a = parse_shared(Format::Html, &Arc::new(page));
        let mut shown: Vec<char> = a
            .blocks
            .iter()
            .flat_map(|b| b.text.chars().filter(|c| !c.is_whitespace() && *c != '•' && *c != '|'))
            .collect();
        shown.sort_unstable();
        let mut expected = visible(&body);
        // List items are shown with their bullet; table cells with bars between.
        expected.retain(|c| *c != '•' && *c != '|');
        prop_assert_eq!(shown, expected, "{:#?}", a.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect::<Vec<_>>());
        for b in &a.blocks {
            let t = b.text.as_str();
            // A number is never a head or paragraph alone; decoration never a
            // paragraph (over text it heads a section, as in plain text).
            let number = ["01", "— 02 —", "Part 3", "壹"].contains(&t);
            let rule = ["◆ ◆ ◆", "***"].contains(&t);
            prop_assert!(
                !(number && matches!(b.kind, BlockKind::Heading | BlockKind::Paragraph)),
                "{:?} {}", b.kind, t
            );
            prop_assert!(!(rule && b.kind == BlockKind::Paragraph), "{:?} {}", b.kind, t);
        }
    }
}
