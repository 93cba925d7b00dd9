//! The reader on a saved HTML page and on a Markdown article, as a user sees it: the
//! real binary in a pseudo-terminal, read back through vt100.

mod pty;

use pty::Pty;

const NAV_WIDTH: u16 = 30;

fn data(name: &str) -> String {
    pty::data(&format!("formats/{name}"))
}

fn nav(p: &Pty, rows: u16) -> String {
    p.rows_text(rows, 0, NAV_WIDTH - 1).join("\n")
}

#[test]
fn an_html_page_reads_as_its_article_with_the_format_in_the_status_bar() {
    let mut p = Pty::yuedu_showing(&[&data("feature.html")], 100, 30, "走进青石镇老街");
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
    p.quit();
    // On a smaller screen, the next heading twice brings the bold-only subhead on top.
    let mut p = Pty::yuedu_showing(&[&data("feature.html")], 80, 10, "走进青石镇老街");
    p.send("]");
    p.wait_for_in_row(0, NAV_WIDTH, 80, "老手艺有了新买家");
    p.send("]");
    p.wait_for_in_row(0, NAV_WIDTH, 80, "年轻人回来了");
    p.quit();
}

#[test]
fn a_markdown_article_shows_no_markup() {
    let mut p = Pty::yuedu_showing(&[&data("feature.md")], 100, 30, "清晨，码头上的渔船");
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
    p.quit();
}

#[test]
fn a_weekly_page_shows_its_headline_standfirst_and_quoted_subheads() {
    let mut p = Pty::yuedu_showing(&[&data("weekly-site-first.html")], 100, 30, "大桥通车以后");
    let screen = p.screen();
    // The headline after the site's name in the <title>, the standfirst as text.
    assert!(screen.contains("河口渡轮上的最后一个夏天"), "{screen}");
    assert!(screen.contains("船长老贺在甲板上站了三十一年"), "{screen}");
    for never in ["青禾周刊 |", "https://", "当前位置"] {
        assert!(!screen.contains(never), "{never} on screen:\n{screen}");
    }
    let nav = nav(&p, 29);
    for heading in ["1 “摆渡”的半辈子", "“再开一年”", "岸上的新家"] {
        assert!(
            nav.contains(heading),
            "{heading} not in the navigation pane:\n{nav}"
        );
    }
    assert!(
        !nav.contains("老贺："),
        "a speaker's line is no heading:\n{nav}"
    );
    p.quit();
}

#[test]
fn an_obsidian_note_shows_its_text_and_ticks_never_its_markup() {
    let mut p = Pty::yuedu_showing(&[&data("obsidian-note.md")], 100, 30, "修船匠姓祁");
    let screen = p.screen();
    for seen in [
        "河埠头的修船匠",
        "走访记录",
        "跟父亲学的",
        "☑ 问清楚桐油",
        "☐ 下次拍",
    ] {
        assert!(screen.contains(seen), "{seen} not on screen:\n{screen}");
    }
    // The callout's lines stand apart, never run together.
    assert!(!screen.contains("上午地点"), "{screen}");
    for never in [
        "[[", "]]", "[!note]", "%%", "^k9x2", "#走访", "[x]", "P1040",
    ] {
        assert!(!screen.contains(never), "{never} on screen:\n{screen}");
    }
    let nav = nav(&p, 29);
    assert!(nav.contains("生意"), "{nav}");
    p.quit();
}

#[test]
fn a_page_saved_as_mhtml_reads_as_its_article_never_its_mime() {
    let mut p = Pty::yuedu_showing(
        &[&data("mhtml-feature.mhtml")],
        100,
        30,
        "渔港路上的夜校准时亮灯",
    );
    let screen = p.screen();
    assert!(screen.contains("海边小城的夜校，灯亮到十点"), "{screen}");
    assert!(screen.contains("学员们在夜校的书法课上练字。"), "{screen}");
    for never in [
        "Content-Type",
        "MultipartBoundary",
        "=E6",
        "=3D",
        "城市频道",
        "首页",
        "统计代码",
    ] {
        assert!(!screen.contains(never), "{never} on screen:\n{screen}");
    }
    let nav = nav(&p, 29);
    for heading in ["一张课表，排满一周", "老师也是邻居"] {
        assert!(nav.contains(heading), "{heading} not in:\n{nav}");
    }
    let status = p.row_text(29, 0, 100);
    assert!(status.contains("mhtml-feature.mhtml · mhtml"), "{status}");
    p.quit();
    // On a smaller screen, the next heading twice brings the second subhead on top.
    let mut p = Pty::yuedu_showing(&[&data("mhtml-feature.mhtml")], 80, 10, "渔港路上");
    p.send("]");
    p.wait_for_in_row(0, NAV_WIDTH, 80, "一张课表，排满一周");
    p.send("]");
    p.wait_for_in_row(0, NAV_WIDTH, 80, "老师也是邻居");
    p.quit();
}
