//! A saved page's body in the shapes pages give it — one container or several sibling
//! pieces of one class, an ad, a pager or a subhead between them, a lead paragraph and
//! a last one beside them, a `<b>` wrapped around paragraphs or left unclosed (the
//! tree builder reopens it around every later paragraph): every paragraph of the body
//! is in the article, none the page did not make bold is turned into a heading, and
//! the furniture between the pieces stays out. (Text written for the project.)

use std::sync::Arc;

use proptest::prelude::*;
use yuedu::article::BlockKind;
use yuedu::formats::{Format, parse_shared};

/// The body's paragraphs, of every length a story has.
const SENTENCES: &[&str] = &[
    "清晨六点，老码头的第一班渡船鸣笛离岸，船舱里坐满了赶早市的人。",
    "船长姓罗，在这条航线上开了二十二年船，熟悉每一处浅滩和回水。",
    "他说，最难的是冬天起雾的日子。",
    "雾大的时候，船上只能靠汽笛和对岸的灯光辨认方向。",
    "去年，镇上修通了跨江大桥，坐船的人一下子少了一半。",
    "罗船长并不着急。",
    "“桥修好了是好事，总有人还想坐船看看江。”",
    "如今，渡船改成了观光航线，周末的船票常常提前售罄。",
    "游客们举着手机，拍两岸的吊脚楼和江面上的白鹭，一路惊叹不已，直到船靠岸才放下手机，意犹未尽地回头张望。",
    "傍晚收船后，他会把甲板冲洗干净，再检查一遍发动机。",
    "这是他坚持了二十多年的习惯。",
    "他笑着说：“船和人一样，得天天照看。”",
];

/// What stands between two pieces of the body.
#[derive(Debug, Clone, Copy)]
enum Between {
    Nothing,
    /// A linked image, no class naming it an ad.
    LinkedImage,
    /// An ad named by its class, with a label.
    NamedAd,
    /// Page numbers and 下一页, all links.
    Pager,
    /// A subhead of the story.
    Subhead,
}

impl Between {
    fn html(self) -> &'static str {
        match self {
            Between::Nothing => "",
            Between::LinkedImage => {
                "<div class=\"box3\"><a href=\"/promo\"><img src=\"promo.jpg\"></a></div>"
            }
            Between::NamedAd => "<div class=\"ad\"><p>广告</p></div>",
            Between::Pager => {
                "<div class=\"pg\"><a href=\"?p=1\">1</a> <a href=\"?p=2\">2</a> <a href=\"?p=2\">下一页</a></div>"
            }
            Between::Subhead => "<h3>江上的新生意</h3>",
        }
    }
}

/// How a piece's first paragraph is written.
#[derive(Debug, Clone, Copy)]
enum First {
    Plain,
    /// `<b><p>…</p></b>`: bold by the page.
    BoldAround,
    /// `<p><b>…</p>`: bold by the page, the `<b>` never closed.
    UnclosedBold,
    /// `<span><p>…</p></span>`: an inline element around the paragraph.
    SpanAround,
}

#[derive(Debug, Clone)]
struct Shape {
    /// The paragraphs, in order.
    paragraphs: Vec<&'static str>,
    /// Where the body is cut into pieces (indexes into `paragraphs`, 1.., sorted).
    cuts: Vec<usize>,
    between: Vec<Between>,
    firsts: Vec<First>,
    /// The first paragraph stands before the pieces, beside them.
    lead_beside: bool,
    /// The last paragraph stands after the pieces, beside them.
    last_beside: bool,
    /// 0: in `<body>`; 1: in `<div class="main">`; 2: in `<article>`.
    outer: u8,
}

fn shape() -> impl Strategy<Value = Shape> {
    (
        Just(SENTENCES.to_vec()).prop_shuffle(),
        3usize..=SENTENCES.len(),
        prop::collection::vec(1usize..SENTENCES.len(), 0..3),
        prop::collection::vec(
            prop_oneof![
                Just(Between::Nothing),
                Just(Between::LinkedImage),
                Just(Between::NamedAd),
                Just(Between::Pager),
                Just(Between::Subhead),
            ],
            3,
        ),
        prop::collection::vec(
            prop_oneof![
                3 => Just(First::Plain),
                1 => Just(First::BoldAround),
                1 => Just(First::UnclosedBold),
                1 => Just(First::SpanAround),
            ],
            3,
        ),
        any::<bool>(),
        any::<bool>(),
        0u8..3,
    )
        .prop_map(
            |(pool, n, cuts, between, firsts, lead_beside, last_beside, outer)| {
                let paragraphs: Vec<&str> = pool.into_iter().take(n).collect();
                let mut cuts: Vec<usize> = cuts.into_iter().filter(|&c| c < n).collect();
                cuts.sort_unstable();
                cuts.dedup();
                Shape {
                    paragraphs,
                    cuts,
                    between,
                    firsts,
                    lead_beside,
                    last_beside,
                    outer,
                }
            },
        )
}

/// The page, and the paragraphs the page itself makes bold.
fn page(s: &Shape) -> (String, Vec<&'static str>) {
    let n = s.paragraphs.len();
    let start = usize::from(s.lead_beside);
    let end = n - usize::from(s.last_beside && n - start > 1);
    let mut bounds = vec![start];
    bounds.extend(s.cuts.iter().copied().filter(|&c| c > start && c < end));
    bounds.push(end);
    let mut body = String::new();
    let mut bold = Vec::new();
    if s.lead_beside {
        body.push_str(&format!("<p>{}</p>\n", s.paragraphs[0]));
    }
    for (k, w) in bounds.windows(2).enumerate() {
        if k > 0 {
            body.push_str(s.between[(k - 1) % s.between.len()].html());
            body.push('\n');
        }
        body.push_str(&format!("<div class=\"txt\" id=\"txt{}\">\n", k + 1));
        for (i, p) in s.paragraphs[w[0]..w[1]].iter().enumerate() {
            let first = if i == 0 {
                s.firsts[k % s.firsts.len()]
            } else {
                First::Plain
            };
            match first {
                First::Plain => body.push_str(&format!("<p>{p}</p>\n")),
                First::BoldAround => {
                    bold.push(*p);
                    body.push_str(&format!("<b><p>{p}</p></b>\n"));
                }
                First::UnclosedBold => {
                    bold.push(*p);
                    body.push_str(&format!("<p><b>{p}</p>\n"));
                }
                First::SpanAround => body.push_str(&format!("<span><p>{p}</p></span>\n")),
            }
        }
        body.push_str("</div>\n");
    }
    if end < n {
        body.push_str(&format!("<p>{}</p>\n", s.paragraphs[n - 1]));
    }
    let inner = format!("<h1>江上渡船</h1>\n{body}");
    let wrapped = match s.outer {
        0 => inner,
        1 => format!("<div class=\"main\">{inner}</div>"),
        _ => format!("<article>{inner}</article>"),
    };
    (
        format!(
            "<!DOCTYPE html><html><head><meta charset=utf-8><title>江上渡船_社会_北岸新闻网</title></head>\
             <body>\n<div class=\"nav\"><a href=\"/\">首页</a></div>\n{wrapped}\n\
             <div class=\"footer\">北岸新闻网 版权所有</div></body></html>"
        ),
        bold,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_paragraph_of_a_body_in_any_shape_is_in_the_article(s in shape()) {
        let (html, bold) = page(&s);
        let a = parse_shared(Format::Html, &Arc::new(html.clone()));
        let blocks: Vec<(BlockKind, &str)> =
            a.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        for p in &s.paragraphs {
            let kinds: Vec<BlockKind> = blocks
                .iter()
                .filter(|(_, t)| t.contains(p))
                .map(|(k, _)| *k)
                .collect();
            prop_assert!(!kinds.is_empty(), "{p} lost\n{html}\n{blocks:#?}");
            if !bold.contains(p) {
                prop_assert_eq!(
                    &kinds,
                    &[BlockKind::Paragraph],
                    "{} not one paragraph\n{}\n{:#?}", p, html, blocks
                );
            }
        }
        for (kind, t) in &blocks {
            prop_assert!(
                !["广告", "下一页", "首页", "版权所有"].iter().any(|f| t.contains(f)),
                "furniture {t:?} shown\n{html}\n{blocks:#?}"
            );
            if t.contains("江上的新生意") {
                prop_assert_eq!(*kind, BlockKind::Heading);
            }
        }
        // A subhead between two pieces is kept.
        if html.contains("江上的新生意") {
            prop_assert!(
                blocks.iter().any(|(_, t)| t.contains("江上的新生意")),
                "subhead lost\n{html}\n{blocks:#?}"
            );
        }
    }
}
