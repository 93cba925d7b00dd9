//! A saved page's body in the shapes pages give it — one container or several sibling
//! pieces of one class, an ad, a pager or a subhead between them, a lead paragraph and
//! a last one beside them, a `<b>` wrapped around paragraphs or left unclosed (the
//! tree builder reopens it around every later paragraph): every paragraph of the body
//! is in the article, none the page did not make bold is turned into a heading, and
//! the furniture between the pieces stays out. (Text written for the project.) The
//! same in two pages read by the real binary (`outline --json`).

mod common;

use std::sync::Arc;

use common::cli::{format_data, outline_json};

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

/// Every block as (kind, text, whether a span of it is strong), in order.
fn blocks(path: &str) -> Vec<(String, String, bool)> {
    let v = outline_json(format_data(path), &[]);
    v["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .map(|b| {
            let strong = b["styles"]
                .as_array()
                .is_some_and(|s| s.iter().any(|s| s["style"] == "strong"));
            (
                b["kind"].as_str().expect("kind").to_string(),
                b["text"].as_str().expect("text").to_string(),
                strong,
            )
        })
        .collect()
}

#[test]
fn a_body_split_into_sibling_blocks_is_read_whole_without_the_ad_between() {
    let got = blocks("split-body.html");
    let texts: Vec<&str> = got.iter().map(|(_, t, _)| t.as_str()).collect();
    let paragraphs = [
        "天刚亮，乡邮员韦成山就把三十多斤邮件绑上了摩托车后座。",
        "从镇邮政所到最远的高岭村，山路要走四十多公里，来回一趟就是一整天。",
        "韦成山今年四十六岁，跑这条邮路已经十九年。路上哪里有塌方，哪里雨天会积水，他都记在心里。",
        "村里的老人不会用手机，子女寄来的包裹、药品和报纸，都等着他送上门。",
        "“他来了，我们就知道外面的消息了。”高岭村的一位老人说。",
        "这几年，镇上通了快递，可高岭村的件，最后一段路还是靠他。",
        "每年六月到八月，山里雨水多，摩托车常常陷在泥里，他只能推着车走。",
        "韦成山说，只要路还在，他就会一直跑下去。",
    ];
    let shown: Vec<&str> = got
        .iter()
        .filter(|(k, _, _)| k == "paragraph")
        .map(|(_, t, _)| t.as_str())
        .collect();
    assert_eq!(shown, paragraphs, "{texts:#?}");
    // The subheads, in the first block and between blocks, are headings in place; the
    // ad's label, the pager and the head's lines are not in the body.
    let heads: Vec<&str> = got
        .iter()
        .filter(|(k, _, _)| k == "heading")
        .map(|(_, t, _)| t.as_str())
        .collect();
    assert_eq!(heads, ["一条路走了十九年", "雨季最难"], "{texts:#?}");
    assert_eq!(got.len(), paragraphs.len() + heads.len(), "{texts:#?}");
    let v = outline_json(format_data("split-body.html"), &[]);
    assert_eq!(v["title"], "山口的邮路");
    assert_eq!(v["source"], "北岸日报");
}

#[test]
fn paragraphs_inside_a_bold_or_after_an_unclosed_one_are_kept_and_stay_paragraphs() {
    let got = blocks("misnested-bold.html");
    let want = [
        // `<div><b><p>…</p></b></div>`: bold as the page wrote it.
        (
            "paragraph",
            "九月的山村，家家户户的屋顶上都晒满了辣椒和玉米。",
            true,
        ),
        // After the `<div>`, outside the container: kept.
        (
            "paragraph",
            "远远望去，整座村子像是铺上了一层红黄相间的地毯。",
            false,
        ),
        // `<p><b>收成</p>`, never closed: a bold subhead…
        ("heading", "收成", false),
        // …whose `<b>` the parser reopens in every later paragraph: no heading, no
        // bold but the page's own.
        ("paragraph", "今年雨水适中，辣椒的收成比去年好", true),
        ("paragraph", "村民们说，晒干的辣椒要一直挂到过年。", false),
        ("paragraph", "傍晚，屋顶上的辣椒被一筐一筐收回屋里。", false),
    ];
    let got: Vec<(&str, &str, bool)> = got
        .iter()
        .map(|(k, t, s)| (k.as_str(), t.as_str(), *s))
        .collect();
    assert_eq!(got, want);
}
