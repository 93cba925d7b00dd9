//! Newspaper-style plain text → [`Article`].
//!
//! The text is what comes out of a printed page or an e-paper export: paragraphs
//! separated by blank lines, one paragraph per line, or hard-wrapped inside paragraphs; a
//! head of banner, kicker, headline with its column tag, subtitle, byline and dateline;
//! section heads, photo captions with their credits, bylines and notes as short lines;
//! and the damage the extraction does — a caption dropped into the middle of a sentence,
//! a paragraph split by a page-column break. The rules recover the structure from the
//! shape of the text alone; none of them knows a particular article.
//!
//! By job: `lines` (source lines, the file's paragraph convention, units), `header`
//! (the head, the dateline), `classify` (what a line and a unit are), `credits`
//! (bylines and credits where the text puts them; their printed forms, shared with the
//! other formats and `check`, are [`crate::text::forms`]'s), `assemble` (blocks and
//! joins). They say what each piece is in byte ranges of the source; the article's builder
//! (`crate::article::builder`) alone slices and concatenates the text.
//!
//! Parsing changes no character and drops none: every non-blank source line ends up in
//! exactly one place of the article (banner, title, byline, or one block).
//!
//! [`parse_shared`] copies no text of the common block: a block that is one source line's
//! text is a slice of the source's buffer ([`SharedStr`](crate::article::SharedStr)); only a block made of several
//! lines, or joined across a break, owns its concatenation. A credit's texts are slices of
//! the source too (the name owned only where removing its padding changed it), and a
//! join's excerpts slices of the joined paragraph's text.
//!
//! Nothing is kept per source line while parsing: the lines are read as they are needed,
//! twice (once to classify the units, once to build the blocks), and a few bytes are kept
//! per unit.

use std::sync::Arc;

use crate::article::builder::Builder;
use crate::article::{Article, SourceFile};
#[cfg(test)]
use crate::article::{Block, BlockKind, Credit, LineNo, SharedStr};

mod assemble;
mod classify;
mod credits;
mod header;
mod lines;

#[cfg(test)]
use credits::{byline_authors, credit_only, trailing_credit};
use header::{HEAD_UNITS, read_head};
#[cfg(test)]
use lines::LineIter;
use lines::{Conventions, Unit, Units};

pub(crate) use classify::{LineKind, is_caption_lead, is_note as is_note_line, line_kind};
pub(crate) use credits::{opening_byline, trailing_credit_at};
pub(crate) use header::{dateline_len, dateline_reporters};
// A column tag printed with a headline, as the HTML head reads it too.
pub(crate) use header::split_column;

/// A line is *short* (heading or caption sized) when it has at most this many characters.
pub(crate) const SHORT_LINE_CHARS: usize = 32;

/// A CJK ideograph: the one definition, in [`crate::text::chinese`].
pub(crate) use crate::text::chinese::is_han;

/// The end of a sentence: a printed form, in [`crate::text::forms`].
use crate::text::forms::ends_sentence;

/// Whether `text` opens a quote it does not close (“ or 「 more often than ” or 」).
pub(crate) fn leaves_quote_open(text: &str) -> bool {
    let count = |c: char| text.chars().filter(|&x| x == c).count();
    count('“') > count('”') || count('「') > count('」')
}

pub(super) fn is_short(text: &str) -> bool {
    text.chars().nth(SHORT_LINE_CHARS).is_none()
}

/// Parses newspaper-style plain text into an [`Article`] (a copy of `text` is made for
/// the article's blocks to share; [`parse_shared`] takes a buffer that is shared already).
///
/// # Panics
/// When `text` is over [`u32::MAX`] bytes, as [`parse_shared`].
pub fn parse(text: &str) -> Article {
    parse_shared(&Arc::new(text.to_string()))
}

/// Parses newspaper-style plain text into an [`Article`] whose blocks share `buf`: a block
/// that is one source line's text is a range of `buf`, not a copy.
///
/// The source is read line by line twice (once to classify its units, once to build the
/// blocks); nothing is kept per line, a few bytes per unit.
///
/// # Panics
/// When `buf` is over [`u32::MAX`] bytes: positions in the article are kept in 32 bits,
/// and no source is larger ([`crate::input::source::MAX_SOURCE_BYTES`]).
pub fn parse_shared(buf: &Arc<String>) -> Article {
    assert!(
        u32::try_from(buf.len()).is_ok(),
        "a text of {} bytes: sources are at most u32::MAX bytes",
        buf.len()
    );
    let mut units = Units::new(buf, Conventions::of(buf));
    let mut article = Article::default();

    // The page head: banner, kicker, headline, subtitle, column, byline, dateline.
    let first: Vec<Unit<'_>> = units.clone().take(HEAD_UNITS).collect();
    let build = Builder::new(buf);
    let head = read_head(&build, &first);
    for _ in 0..head.taken {
        units.next();
    }
    article.banner = head.banner;
    article.kicker = head.kicker;
    article.title = head.title;
    article.subtitle = head.subtitle;
    article.column = head.column;
    article.byline = head.byline;
    article.dateline = head.dateline;
    article.authors = head.authors;

    // The body.
    assemble::body(&build, units, &mut article);
    article.blocks.shrink_to_fit();
    article.joins.shrink_to_fit();
    article.files = vec![Arc::new(SourceFile::new(buf))];
    article
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(a: &Article) -> Vec<(BlockKind, &str)> {
        a.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect()
    }

    #[test]
    fn lines_split_on_lf_crlf_and_lone_cr() {
        let texts: Vec<_> = LineIter::new("a\r\nb\rc\nd", 1)
            .map(|l| (l.no, l.text))
            .collect();
        assert_eq!(texts, vec![(1, "a"), (2, "b"), (3, "c"), (4, "d")]);
        let lines = |t| LineIter::new(t, 1).map(|l| l.text).collect::<Vec<_>>();
        assert_eq!(lines("a\n\n\r\nb\r\r\n"), ["a", "", "", "b", ""]);
        assert_eq!(lines("a\n"), ["a"]);
        assert!(lines("").is_empty());
    }

    #[test]
    fn open_quote_is_detected() {
        assert!(leaves_quote_open("“我们通过增强"));
        assert!(!leaves_quote_open("“大平台”推动强链补链"));
    }

    #[test]
    fn padded_two_character_names_are_one_author() {
        assert_eq!(
            byline_authors("陈 醉 劳超杰"),
            Some(vec!["陈醉".to_string(), "劳超杰".to_string()])
        );
        assert_eq!(
            byline_authors("王小明 李 四"),
            Some(vec!["王小明".to_string(), "李四".to_string()])
        );
        assert_eq!(byline_authors("今年,长三角"), None);
        assert_eq!(byline_authors("区域共绘民生"), None);
    }

    #[test]
    fn credit_on_same_line_after_a_space() {
        assert_eq!(
            trailing_credit("领克“超级工厂” 黄孟丹 摄"),
            Some(("领克“超级工厂”", "黄孟丹", "黄孟丹 摄"))
        );
        assert_eq!(trailing_credit("没有署名的图片"), None);
        assert_eq!(credit_only("谷志锋 摄"), Some("谷志锋"));
        assert_eq!(credit_only("这是一句很长的话并不是摄"), None);
    }

    #[test]
    fn heading_is_a_short_line_followed_by_body() {
        let a = parse("标题\n\n作者甲\n\n正文第一段。\n\n小标题\n\n正文第二段。\n");
        let k = kinds(&a);
        assert!(k.contains(&(BlockKind::Heading, "小标题")), "{k:?}");
    }

    #[test]
    fn unclosed_quote_line_is_not_a_heading() {
        let a = parse("城市观察\n\n小城十年的变迁之路\n\n正文。\n\n“我们要\n\n继续前进。”他说。\n");
        assert!(a.headings().next().is_none(), "{:?}", kinds(&a));
        assert_eq!(a.joins.len(), 1);
        assert_eq!(
            a.blocks.last().map(|b| b.text.as_str()),
            Some("“我们要继续前进。”他说。")
        );
    }

    #[test]
    fn caption_interrupting_a_sentence_moves_after_the_joined_paragraph() {
        let a = parse(
            "城市观察\n\n小城十年的变迁之路\n\n正文开始,这是一段足够长的正文,说到这里的时候被一张图片的说明打断了,我们\n\n峰会现场\n\n继续说下去。\n\n下一段。\n",
        );
        assert_eq!(
            kinds(&a),
            vec![
                (
                    BlockKind::Paragraph,
                    "正文开始,这是一段足够长的正文,说到这里的时候被一张图片的说明打断了,我们继续说下去。"
                ),
                (BlockKind::Caption, "峰会现场"),
                (BlockKind::Paragraph, "下一段。"),
            ]
        );
        let line = |src: usize| a.line_of(0, src);
        assert_eq!(line(a.joins[0].src as usize), 9, "{:?}", a.joins);
        assert_eq!(
            line(a.blocks[0].src_at(
                "正文开始,这是一段足够长的正文,说到这里的时候被一张图片的说明打断了,我们继".len()
            )),
            9
        );
        assert_eq!(line(a.blocks[0].src_at(0)), 5);
        assert_eq!(a.line_col(0, a.blocks[0].src_at(6)), (5, 3));
    }

    #[test]
    fn credit_alone_on_next_line_belongs_to_caption() {
        let a = parse(
            "城市观察\n\n小城十年的变迁之路\n\n正文。\n\n智谷小镇,日新月异。\n谷志锋 摄\n\n小节\n\n正文。\n",
        );
        let cap = a.captions().next().map(|(_, b)| b).expect("a caption");
        assert_eq!(cap.text, "智谷小镇,日新月异。");
        let credit = cap.credit.as_ref().expect("credit");
        assert_eq!(
            (credit.name.as_str(), a.line_of(0, credit.src as usize)),
            ("谷志锋", 8)
        );
    }

    #[test]
    fn short_lines_after_the_last_paragraph_are_captions() {
        let a = parse("城市观察\n\n小城十年的变迁之路\n\n正文。\n\n图一\n\n图二 张三 摄\n");
        assert_eq!(
            kinds(&a),
            vec![
                (BlockKind::Paragraph, "正文。"),
                (BlockKind::Caption, "图一"),
                (BlockKind::Caption, "图二"),
            ]
        );
    }

    #[test]
    fn no_byline_and_no_banner() {
        let a = parse("只有标题的一篇文章\n\n正文第一段。\n");
        assert_eq!(
            a.title.map(|t| t.text),
            Some("只有标题的一篇文章".to_string())
        );
        assert!(a.banner.is_none() && a.byline.is_none() && a.authors.is_empty());
    }

    #[test]
    fn one_line_blocks_share_the_source_and_joined_ones_own_their_text() {
        let buf = Arc::new(
            "城市观察\n\n小城十年的变迁之路\n\n  第一段,一行。  \n\n第二段,\n两行。\n\n\
             正文开始,这是一段足够长的正文,说到这里的时候被一张图片的说明打断了,我们\n\n\
             峰会现场 张三 摄\n\n继续说下去。\n"
                .to_string(),
        );
        let a = parse_shared(&buf);
        let in_buf = |b: &Block| {
            let range = buf.as_ptr().addr()..buf.as_ptr().addr() + buf.len();
            range.contains(&b.text.as_ptr().addr()) && b.text.shares(&buf)
        };
        let one = &a.blocks[0];
        assert_eq!(one.text, "第一段,一行。");
        assert!(in_buf(one), "a one-line paragraph is a slice of the source");
        assert_eq!(
            &buf[buf.find("第一段").expect("in source")..][..one.text.len()],
            one.text
        );
        let two = &a.blocks[1];
        assert_eq!(two.text, "第二段,两行。");
        assert!(
            !two.text.shares(&buf),
            "two lines are a concatenation of their own"
        );
        assert_eq!(two.parts.len(), 2);
        let joined = &a.blocks[2];
        assert_eq!(
            joined.text,
            "正文开始,这是一段足够长的正文,说到这里的时候被一张图片的说明打断了,我们继续说下去。"
        );
        assert!(
            !joined.text.shares(&buf),
            "a joined paragraph owns its text"
        );
        assert_eq!(a.joins.len(), 1);
        let caption = &a.blocks[3];
        assert_eq!(caption.text, "峰会现场");
        assert!(
            in_buf(caption),
            "a caption cut from its credit is still a slice"
        );
        assert_eq!(
            caption.credit.as_ref().map(|c| c.text.as_str()),
            Some("张三 摄")
        );
        assert_eq!(parse(&buf), a, "parse (a copy) and parse_shared agree");
    }

    #[test]
    fn credits_and_join_excerpts_copy_no_text() {
        let buf = Arc::new(
            "城市观察\r\n\r\n小城十年的变迁之路\r\n\r\n\
             正文开始,这是一段足够长的正文,说到这里的时候被一张图片的说明打断了,我们\r\n\r\n\
             峰会现场\r\n张 三 摄\r\n\r\n继续说下去,这一段也写得足够长,长到超过三十二个字符的限度,不会被当作标题\r\n\r\n图二 李四 摄\r\r再说。\n\n图三\n王五 摄\n"
                .to_string(),
        );
        let a = parse_shared(&buf);
        let within = |s: &SharedStr, outer: &str| {
            let range = outer.as_ptr().addr()..outer.as_ptr().addr() + outer.len();
            range.contains(&s.as_ptr().addr()) && s.as_ptr().addr() + s.len() <= range.end
        };
        let credits: Vec<&Credit> = a
            .blocks
            .iter()
            .filter_map(|b| b.credit.as_deref())
            .collect();
        let got: Vec<(&str, &str, LineNo)> = credits
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.text.as_str(),
                    a.line_of(0, c.src as usize),
                )
            })
            .collect();
        for c in &credits {
            assert_eq!(&buf[c.src as usize..][..c.text.len()], c.text.as_str());
        }
        assert_eq!(
            got,
            [
                ("张三", "张 三 摄", 8),
                ("李四", "李四 摄", 12),
                ("王五", "王五 摄", 17)
            ]
        );
        for c in &credits {
            assert!(c.text.shares(&buf) && within(&c.text, &buf), "{c:?}");
        }
        assert!(
            !credits[0].name.shares(&buf),
            "a name without its padding is owned"
        );
        assert!(credits[1].name.shares(&buf) && within(&credits[1].name, &buf));
        assert_eq!(a.joins.len(), 2, "{:?}", a.joins);
        let joined = &a.blocks[0];
        assert!(!joined.text.shares(&buf));
        for j in &a.joins {
            for excerpt in [&j.before, &j.after] {
                assert!(within(excerpt, &joined.text), "{j:?}");
            }
        }
        assert_eq!(
            (
                a.line_of(0, a.joins[0].src as usize),
                a.joins[0].before.as_str(),
                a.joins[0].after.as_str()
            ),
            (10, "张图片的说明打断了,我们", "继续说下去,这一段也写得")
        );
        assert_eq!(
            (
                a.line_of(0, a.joins[1].src as usize),
                a.joins[1].before.as_str(),
                a.joins[1].after.as_str()
            ),
            (14, "符的限度,不会被当作标题", "再说。")
        );
        assert_eq!(parse(&buf), a);
    }

    #[test]
    fn every_non_blank_line_lands_in_one_place() {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/articles/yuyao-yangtze-delta.txt"
        ))
        .expect("shipped article");
        let a = parse(&text);
        let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let mut got: Vec<(LineNo, String)> = Vec::new();
        let line = |src: u32| a.line_of(0, src as usize);
        for h in [&a.banner, &a.title, &a.byline].into_iter().flatten() {
            assert_eq!(&text[h.src as usize..][..h.text.len()], h.text);
            got.push((line(h.src), strip(&h.text)));
        }
        for b in &a.blocks {
            for (i, p) in b.parts.iter().enumerate() {
                let end = b.parts.get(i + 1).map_or(b.text.len(), |n| n.offset());
                let part = &b.text[p.offset()..end];
                // Each part stands in the source as it is, at its offset.
                assert_eq!(&text[p.src()..][..part.len()], part);
                got.push((line(p.src), strip(part)));
            }
            if let Some(c) = &b.credit {
                if line(c.src) == line(b.src() as u32) {
                    let last = got.last_mut().expect("caption part");
                    last.1.push_str(&strip(&c.text));
                } else {
                    got.push((line(c.src), strip(&c.text)));
                }
            }
        }
        got.sort();
        let want: Vec<(LineNo, String)> = text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| (i + 1, strip(l)))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn credits_in_their_printed_forms() {
        for (line, name) in [
            ("陈光 摄", "陈光"),
            ("陈光摄", "陈光"),
            ("新华社记者  陈  光摄", "陈  光"),
            ("本报记者 李明摄", "李明"),
            ("中新社发 任海霞 摄", "任海霞"),
            ("王  立/摄", "王  立"),
            ("摄影：韩  蕾", "韩  蕾"),
            ("制图：周红", "周红"),
            ("图片来源：视觉中国", "视觉中国"),
            ("资料图片", "资料图片"),
            ("（新华社发）", "新华社发"),
            ("陈光 摄（新华社发）", "陈光"),
            ("新华社发（陈光摄）", "陈光"),
        ] {
            assert_eq!(credit_only(line), Some(name), "{line}");
        }
        for line in [
            "版式设计：周红",
            "他们一起去拍摄",
            "峰会 现场 摄",
            "图为茶农在采茶。",
        ] {
            assert_eq!(credit_only(line), None, "{line}");
        }
        assert_eq!(
            trailing_credit("图为茶农在采茶。新华社记者 陈光摄"),
            Some(("图为茶农在采茶。", "陈光", "新华社记者 陈光摄"))
        );
        assert_eq!(
            trailing_credit("环卫工人在清扫积雪。（新华社发）"),
            Some(("环卫工人在清扫积雪。", "新华社发", "（新华社发）"))
        );
        assert_eq!(
            trailing_credit("峰会 现场 张三 摄").map(|c| c.1),
            Some("张三")
        );
    }

    #[test]
    fn bylines_in_their_printed_forms() {
        let names = |line: &str| crate::text::forms::byline(line).map(|b| (b.authors, b.marked));
        let v =
            |a: &[&str], marked: bool| Some((a.iter().map(|s| s.to_string()).collect(), marked));
        assert_eq!(
            names("本报记者 李  明  王晓燕"),
            v(&["李明", "王晓燕"], true)
        );
        assert_eq!(
            names("记者 林海 通讯员 钱小雨"),
            v(&["林海", "钱小雨"], true)
        );
        assert_eq!(names("实习生\u{a0}赵一"), v(&["赵一"], true));
        assert_eq!(names("文/图 陈默"), v(&["陈默"], true));
        assert_eq!(names("文｜宋  青 图｜韩  蕾"), v(&["宋青", "韩蕾"], true));
        assert_eq!(names("唐宁 柯远 报道"), v(&["唐宁", "柯远"], true));
        assert_eq!(names("（记者 方远、卓一帆）"), v(&["方远", "卓一帆"], true));
        assert_eq!(names("陈 醉 劳超杰"), v(&["陈醉", "劳超杰"], false));
        assert_eq!(names("今年,长三角"), None);
        // Any slash after a label: Big5's 0xA241 decodes to U+2215.
        for slash in ['/', '／', '\u{2215}', '\u{2044}'] {
            assert_eq!(
                names(&format!("文{slash}王小明")),
                v(&["王小明"], true),
                "{slash}"
            );
            assert_eq!(
                credits::credit_only(&format!("攝影{slash}李小華")),
                Some("李小華")
            );
            assert_eq!(
                credits::credit_only(&format!("李小華{slash}攝")),
                Some("李小華")
            );
        }
        assert_eq!(names("記者林美玲／台南報導"), v(&["林美玲"], true));
        assert_eq!(names("〔記者林美玲／台南報導〕"), v(&["林美玲"], true));
        assert_eq!(
            credits::opening_byline("〔記者林美玲／台南報導〕老街上的書店。").map(|b| b.0),
            Some("〔記者林美玲／台南報導〕".len())
        );
        assert_eq!(credits::opening_byline("〔記者林美玲／台南報導〕"), None);
        assert_eq!(credits::opening_byline("(长三角)。").map(|b| b.0), None);
        assert_eq!(credits::opening_byline("(长三角)abc。").map(|b| b.0), None);
        assert_eq!(names("圖／陳大同"), v(&["陳大同"], true));
        assert_eq!(names("“我们”来了"), None);
    }

    #[test]
    fn datelines_in_their_printed_forms() {
        fn at(t: &str) -> Option<(&str, &str)> {
            header::dateline_len(t).map(|a| (&t[..a.dateline], &t[a.dateline..a.end]))
        }
        assert_eq!(at("本报北京2月1日电"), Some(("本报北京2月1日电", "")));
        assert_eq!(at("本报讯 入秋以后"), Some(("本报讯", "")));
        assert_eq!(
            at("新华社北京11月29日电（记者 方远、卓一帆）29日清晨"),
            Some(("新华社北京11月29日电", "（记者 方远、卓一帆）"))
        );
        assert_eq!(
            at("中新社北京三月五日电 题：老街"),
            Some(("中新社北京三月五日电", ""))
        );
        assert_eq!(
            at("本报江城1月28日电记者张三报道：今天"),
            Some(("本报江城1月28日电", "记者张三报道："))
        );
        assert_eq!(at("北京11月29日，一场初雪"), None);
        // Traditional, and a Taiwanese wire's dateline in brackets with its reporter.
        assert_eq!(
            at("本報台北11月20日電 老街"),
            Some(("本報台北11月20日電", ""))
        );
        assert_eq!(at("本報訊 入秋以後"), Some(("本報訊", "")));
        assert_eq!(
            at("（中央社記者王大明台北20日電）市府今天宣布"),
            Some(("（中央社記者王大明台北20日電）", ""))
        );
        assert_eq!(
            at("（中央社華盛頓19日專電）美國"),
            Some(("（中央社華盛頓19日專電）", ""))
        );
        assert_eq!(at("（他說20日電話會打來）"), None);
        assert_eq!(at("【明報專訊】維港兩岸的燈光"), Some(("【明報專訊】", "")));
        assert_eq!(at("【本報專電】維港"), Some(("【本報專電】", "")));
        assert_eq!(at("【民生视线】老街"), None);
        assert_eq!(at("【电】老街"), None);
        assert_eq!(at("（2026年11月20日）"), None);
        assert_eq!(
            header::dateline_reporters("（中央社記者王大明台北20日電）"),
            ["王大明"]
        );
        assert_eq!(
            header::dateline_reporters("（中央社記者王大明、林克台中20日電）"),
            ["王大明", "林克"]
        );
        assert!(header::dateline_reporters("（中央社台北20日電）").is_empty());
        let a = parse("老街書店重新開張\n\n（中央社記者王大明台北20日電）老書店今天重新開張。\n");
        assert_eq!(a.authors, ["王大明"]);
        assert_eq!(
            a.dateline.map(|h| h.text),
            Some("（中央社記者王大明台北20日電）".to_string())
        );
        assert_eq!(a.blocks[0].text, "老書店今天重新開張。");
        let a = parse("一场初雪\n\n（记者 林海）今年以来，城里下了三场雪。\n");
        assert_eq!(a.authors, ["林海"]);
        assert_eq!(a.byline.map(|h| h.text), Some("（记者 林海）".to_string()));
        assert_eq!(a.blocks[0].text, "今年以来，城里下了三场雪。");
        assert_eq!(at("今年是第3年"), None);
    }

    #[test]
    fn lines_by_their_shape() {
        use classify::{LineKind::*, line_kind};
        for (line, kind) in [
            ("（完）", Note),
            ("（本报记者李明整理）", Note),
            ("（原题为《山里的茶》）", Note),
            ("责任编辑：孙  悦", Note),
            ("栏目主编：王珍 文字编辑：吴佳敏", Note),
            ("译者/何黎", Note),
            ("翻譯：陳小華", Note),
            ("作者简介：某大学教授，研究城市史", Note),
            ("＊作者為大學社會學系助理教授", Note),
            ("（本文刊载于《生活周刊》2026年第47期）", Note),
            (
                "＊作者走进老街，看见铺子一家挨着一家，还有很多很多。后来呢？他又走了很远的路，一直走到天黑，才在一家小店里坐下来歇脚。",
                Text,
            ),
            ("（责编：王一、李二）", Note),
            ("【责任编辑:王一】", Note),
            ("(完)", Note),
            ("（編輯：陳小華）1151120", Note),
            ("（責任編輯：黃文華）", Note),
            ("（待續）", Note),
            ("（全书完）", Note),
            ("（本章完）", Note),
            ("（中央社台北20日電）", Dateline),
            ("【纠错】 【责任编辑:王一】", Note),
            ("《光明日报》（ 2024年01月01日 01版）", Note),
            ("第05版：要闻", Note),
            ("新华社记者 陈光摄", Credit),
            ("本报北京2月1日电", Dateline),
            ("通讯员 钱小雨", Byline),
            ("核心阅读", BoxHead),
            ("■ 延伸阅读", BoxHead),
            ("【相关链接】", BoxHead),
            ("记者手记", BoxHead),
            ("一、从荒坡到茶园", Numbered),
            ("（二）低层住户愿意吗？", Numbered),
            ("3. 谁来管", Numbered),
            ("第一部分", Numbered),
            ("引 子", LetterSpaced),
            ("——来自白石村的调查", Subtitle),
            ("【民生视线】", ColumnTag),
            ("图为茶农在采茶。", CaptionLead),
            ("左图为竹编茶具，右图为竹编灯罩。", CaptionLead),
            ("上图：老邓在劈竹", CaptionLead),
            ("2.5亿元的投资已经到位。", Text),
            ("一是加强管理。", Text),
            ("图书馆里坐满了人。", Text),
            ("十年前，白石村还是县里有名的贫困村。", Text),
        ] {
            assert_eq!(line_kind(line), kind, "{line}");
        }
    }

    #[test]
    fn paragraph_conventions_are_found_per_file() {
        let c = Conventions::of("标题\n\n第一段。\n\n第二段。\n\n第三段。\n");
        assert!(
            c.blank_separated && !c.indented && c.wrap.is_none(),
            "{c:?}"
        );
        let c = Conventions::of("标题\r\n　　第一段。\r\n　　第二段。\r\n　　第三段。\r\n");
        assert!(
            !c.blank_separated && c.indented && c.wrap.is_none(),
            "{c:?}"
        );
        let wrapped = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/newspaper/hard-wrapped.txt"
        ))
        .expect("fixture");
        let c = Conventions::of(&wrapped);
        assert!(c.wrap.is_some_and(|w| (39..=41).contains(&w)), "{c:?}");
        let shipped = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/articles/yuyao-yangtze-delta.txt"
        ))
        .expect("shipped article");
        let c = Conventions::of(&shipped);
        assert!(c.blank_separated && c.wrap.is_none(), "{c:?}");
        // Head lines and subheads of one width over paragraphs of a line each, wider
        // than they are: no wrap at their width.
        let head = "同心治沙　绿进沙退\n二十年守住一道林带\n——记北岭县的治沙人\n本报记者　杜远山　贺文琳\n";
        let para = |n: usize| {
            format!(
                "　　早春的风还带着沙粒，{}，一直忙到天黑。\n",
                "沙丘".repeat(n)
            )
        };
        let text = format!(
            "{head}{}{}一、头一年只活了三成\n{}{}二、沙子站住了\n{}",
            para(12),
            para(15),
            para(18),
            para(21),
            para(24)
        );
        let c = Conventions::of(&text);
        assert!(c.wrap.is_none() && c.indented, "{c:?}");
    }

    /// Every non-blank character of each newspaper form is in the article: head lines,
    /// blocks, credits.
    #[test]
    fn nothing_of_a_newspaper_form_is_dropped() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/newspaper");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).expect("fixtures") {
            let path = entry.expect("entry").path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            seen += 1;
            // Each in its encoding (GB18030, UTF-16 with its BOM…), as it is read.
            let bytes = std::fs::read(&path).expect("fixture");
            let text = crate::input::decode::decode(&bytes).expect("decodes").text;
            let a = parse(&text);
            let mut kept = String::new();
            for h in [
                &a.banner,
                &a.column,
                &a.kicker,
                &a.title,
                &a.subtitle,
                &a.byline,
                &a.dateline,
            ]
            .into_iter()
            .flatten()
            {
                kept.push_str(&h.text);
            }
            for b in &a.blocks {
                kept.push_str(&b.text);
                if let Some(c) = &b.credit {
                    kept.push_str(&c.text);
                }
            }
            let sorted = |s: &str| {
                let mut v: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
                v.sort_unstable();
                v
            };
            assert_eq!(sorted(&kept), sorted(&text), "{}", path.display());
        }
        assert!(seen >= 5, "{seen} fixtures");
    }

    #[test]
    fn stacked_short_lines_are_heads_and_a_cut_sentence_after_a_head_carries_on() {
        let a = parse(
            "标题\n记者 甲乙\n正文第一段，这是一个完整的句子。\n数字乡村\n从一根网线说起\n正文第二段，也是完整的句子。\n",
        );
        let heads: Vec<&str> = a.headings().map(|(_, b)| b.text.as_str()).collect();
        assert_eq!(heads, ["数字乡村", "从一根网线说起"], "{:?}", kinds(&a));
        let a = parse("标题\n\n正文。\n\n一、老街\n\n在城南，有条\n\n小巷很长。\n");
        assert_eq!(
            kinds(&a),
            [
                (BlockKind::Paragraph, "正文。"),
                (BlockKind::Heading, "一、老街"),
                (BlockKind::Paragraph, "在城南，有条小巷很长。")
            ]
        );
        assert_eq!(a.joins.len(), 1);
    }

    /// A caption whose labelled credit (摄影：X, 摄影:X, 图：X) follows on its line after
    /// white space is a caption with that credit, never joined to the next paragraph.
    #[test]
    fn labelled_credit_after_a_space_ends_a_caption() {
        assert_eq!(
            trailing_credit("陈老师在给学生上课。　摄影：林小海"),
            Some(("陈老师在给学生上课。", "林小海", "摄影：林小海"))
        );
        assert_eq!(
            trailing_credit("新校舍落成 摄影:王  明").map(|c| c.1),
            Some("王  明")
        );
        assert_eq!(
            trailing_credit("孩子们在操场上奔跑。　图：赵一凡").map(|c| c.1),
            Some("赵一凡")
        );
        assert_eq!(credit_only("图：赵一凡"), Some("赵一凡"));
        assert_eq!(credit_only("图/文 赵一凡"), None);
        for credit in ["摄影：林小海", "摄影:林小海", "图：林小海"] {
            let text = format!(
                "山村小学\n\n　　山里的学校迎来了新学期，孩子们陆续回到教室。\n\n　　陈老师在给学生上课。　{credit}\n\n　　第二段正文，说的是学校的新变化。\n"
            );
            let a = parse(&text);
            let cap = a.captions().next().map(|(_, b)| b);
            assert_eq!(
                cap.map(|c| c.text.as_str()),
                Some("陈老师在给学生上课。"),
                "{credit}: {:?}",
                kinds(&a)
            );
            let name = cap.and_then(|c| c.credit.as_ref()).map(|c| c.name.as_str());
            assert_eq!(name, Some("林小海"), "{credit}");
            assert!(
                a.blocks.iter().any(|b| b.kind == BlockKind::Paragraph
                    && b.text == "第二段正文，说的是学校的新变化。"),
                "{credit}: {:?}",
                kinds(&a)
            );
        }
    }

    /// A title and one paragraph hard-wrapped at a width (two or three full lines, the last
    /// shorter): the lines are one paragraph, the title stays the title.
    #[test]
    fn one_paragraph_hard_wrapped_is_one_paragraph() {
        let body = "山里的学校迎来了新学期，孩子们背着书包陆续回到教室里。老师们早早地来到学校，\
                    把每一间教室都打扫得干干净净，还在黑板上写下了欢迎的话。村里的家长们说，这几年学校变化很大。";
        let chars: Vec<char> = body.chars().collect();
        for (width, full) in [(24, 2), (24, 3), (20, 3)] {
            let mut lines: Vec<String> = chars
                .chunks(width)
                .take(full)
                .map(|c| c.iter().collect())
                .collect();
            lines.push(chars[width * full..width * full + 9].iter().collect());
            let text = format!("山村小学迎来新学期\n\n{}\n", lines.join("\n"));
            let c = Conventions::of(&text);
            assert!(c.wrap.is_some_and(|w| w.abs_diff(2 * width) <= 1), "{text}");
            let a = parse(&text);
            assert_eq!(
                a.title.as_ref().map(|h| h.text.as_str()),
                Some("山村小学迎来新学期"),
                "{text}"
            );
            assert!(a.kicker.is_none(), "{text}");
            assert_eq!(
                kinds(&a),
                vec![(BlockKind::Paragraph, lines.concat().as_str())]
            );
        }
        // A caption and its credit line, twice at one width, make no wrap.
        let c = Conventions::of(
            "标题\n\n正文第一段。\n\n孩子们在操场上奔跑跳跃。\n林小海 摄\n\n老师们在教室里打扫卫生。\n王明 摄\n",
        );
        assert_eq!(c.wrap, None);
    }

    /// Where each line is a paragraph, a line ending in a comma and the quotation on the
    /// next line are two paragraphs, without a join; a comma paragraph still carries on
    /// across a caption.
    #[test]
    fn one_per_line_comma_line_and_quotation_are_two_paragraphs() {
        for indent in ["", "\u{3000}\u{3000}"] {
            let text = [
                "山村小学迎来新学期",
                "山里的学校迎来了新学期，孩子们背着书包陆续回到教室里。",
                "开学第一天，陈老师站在讲台上，笑着对刚刚走进教室的学生们大声地说，",
                "“新的一年，我们一起努力！”",
                "孩子们听了都很高兴，大声地回答老师的问题。",
                "村里的家长们说，这几年学校变化很大。",
            ]
            .map(|l| format!("{indent}{l}"))
            .join("\n");
            let a = parse(&text);
            assert_eq!(
                kinds(&a),
                vec![
                    (
                        BlockKind::Paragraph,
                        "山里的学校迎来了新学期，孩子们背着书包陆续回到教室里。"
                    ),
                    (
                        BlockKind::Paragraph,
                        "开学第一天，陈老师站在讲台上，笑着对刚刚走进教室的学生们大声地说，"
                    ),
                    (BlockKind::Paragraph, "“新的一年，我们一起努力！”"),
                    (
                        BlockKind::Paragraph,
                        "孩子们听了都很高兴，大声地回答老师的问题。"
                    ),
                    (BlockKind::Paragraph, "村里的家长们说，这几年学校变化很大。"),
                ],
                "{indent:?}"
            );
            assert!(a.joins.is_empty(), "{:?}", a.joins);
        }
        let a = parse(
            "山村小学迎来新学期\n山里的学校迎来了新学期，孩子们背着书包陆续回到教室里。\n开学第一天，陈老师站在讲台上对学生们说，\n图为陈老师在给学生上课。\n林小海 摄\n新的一年，我们一起努力。\n",
        );
        assert_eq!(a.joins.len(), 1, "{:?}", kinds(&a));
    }

    #[test]
    fn latin_lines_joined_keep_a_space_between_words_chinese_lines_none() {
        // Lines joined into one paragraph: Latin words at the break get a space back, a
        // hyphen that cut a word and Chinese characters do not.
        use crate::article::builder::needs_space;
        assert!(needs_space("big cities in", "China."));
        assert!(needs_space("Guangzhou.", "The"));
        assert!(!needs_space("the well-", "known"));
        assert!(!needs_space("后面接着", "说下去。"));
        assert!(!needs_space("in", "中国"));
        let a = parse(concat!(
            "标题在这里\n\n",
            "他说的英文是：Beijing, Shanghai and Guangzhou are big cities in\n",
            "China. The quick brown fox jumps over the lazy dog every single\n",
            "day, as the saying goes in those English textbooks we all read.\n",
        ));
        let text: String = a.blocks.iter().map(|b| b.text.to_string()).collect();
        assert!(text.contains("cities in China. The"), "{text}");
        assert!(text.contains("single day,"), "{text}");
    }
}
