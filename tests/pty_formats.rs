//! The reader on a saved HTML page and on a Markdown article, as a user sees it: the
//! real binary in a pseudo-terminal, read back through vt100.

mod pty;

use std::time::Duration;

use pty::Pty;

const NAV_WIDTH: u16 = 30;

fn data(name: &str) -> String {
    format!("{}/tests/data/formats/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn nav(p: &Pty, rows: u16) -> String {
    (0..rows)
        .map(|r| p.row_text(r, 0, NAV_WIDTH - 1))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn an_html_page_reads_as_its_article_with_the_format_in_the_status_bar() {
    let mut p = Pty::yuedu(&[&data("feature.html")], 100, 30);
    p.wait_for_text("走进青石镇老街");
    p.settle();
    let screen = p.screen();
    // The headline, not the <title>; the byline's info line; the figure's caption.
    assert!(screen.contains("古镇老街里的“非遗”新生活"), "{screen}");
    assert!(!screen.contains("文化频道"), "{screen}");
    assert!(screen.contains("来源：东海日报"), "{screen}");
    assert!(screen.contains("竹编艺人正在编织果篮"), "{screen}");
    // The paragraph written in character references reads as text.
    assert!(screen.contains("这些年，镇里把闲置的老房子"), "{screen}");
    for never in [
        "首页",
        "统计代码",
        "_hmt",
        ".nav{",
        "&#36825;",
        "<p>",
        "当前位置",
    ] {
        assert!(!screen.contains(never), "{never} on screen:\n{screen}");
    }
    let nav = nav(&p, 29);
    for heading in ["老手艺有了新买家", "年轻人回来了"] {
        assert!(
            nav.contains(heading),
            "{heading} not in the navigation pane:\n{nav}"
        );
    }
    let status = p.row_text(29, 0, 100);
    assert!(status.contains("feature.html · html"), "{status}");
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(10)), Some(0));
    p.assert_screen_given_back();
    // On a smaller screen, the next heading twice brings the bold-only subhead on top.
    let mut p = Pty::yuedu(&[&data("feature.html")], 80, 10);
    p.wait_for_text("走进青石镇老街");
    p.settle();
    p.send("]");
    p.wait_for("the first subhead on top", |s| {
        s.contents_between(0, NAV_WIDTH, 0, 80)
            .contains("老手艺有了新买家")
    });
    p.send("]");
    p.wait_for("the second subhead on top", |s| {
        s.contents_between(0, NAV_WIDTH, 0, 80)
            .contains("年轻人回来了")
    });
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(10)), Some(0));
    p.assert_screen_given_back();
}

#[test]
fn a_markdown_article_shows_no_markup() {
    let mut p = Pty::yuedu(&[&data("feature.md")], 100, 30);
    p.wait_for_text("清晨，码头上的渔船");
    p.settle();
    let screen = p.screen();
    assert!(screen.contains("海岛上的流动图书馆"), "{screen}");
    assert!(screen.contains("文｜周 航"), "{screen}");
    assert!(screen.contains("每月初，“书船”从码头出发。"), "{screen}");
    for never in ["---", "title:", "**", "![", "](", "# 海岛"] {
        assert!(!screen.contains(never), "{never} on screen:\n{screen}");
    }
    // The title is shown once in the text pane.
    let text: String = (0..29)
        .map(|r| p.row_text(r, NAV_WIDTH, 100))
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(text.matches("海岛上的流动图书馆").count(), 1, "{text}");
    let nav = nav(&p, 29);
    for heading in ["一、船上的书从哪里来", "二、岛上的读者", "三、明年的打算"]
    {
        assert!(nav.contains(heading), "{heading} not in:\n{nav}");
    }
    assert!(
        !nav.contains("孩子们最爱看"),
        "the pull quote is no heading:\n{nav}"
    );
    let status = p.row_text(29, 0, 100);
    assert!(status.contains("feature.md · markdown"), "{status}");
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(10)), Some(0));
    p.assert_screen_given_back();
}
