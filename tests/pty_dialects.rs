//! The reader on Markdown as site generators and note apps write it, as a user sees
//! it: the real binary in a pseudo-terminal, read back through vt100. Boxes show their
//! head apart from their body; no dialect's markup is on screen.

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
fn a_docusaurus_page_shows_its_boxes_and_never_its_markup() {
    let mut p = Pty::yuedu_showing(&[&data("site-containers.md")], 100, 40, "邮差老方");
    let screen = p.screen();
    for seen in [
        "山口的邮差",
        "石若川",
        "写在前面",
        "系列的第二篇",
        "信由老方念给他们听",
        "常住的只有十九户",
    ] {
        assert!(screen.contains(seen), "{seen} not on screen:\n{screen}");
    }
    // A box's title is never run into its body.
    assert!(!screen.contains("写在前面这是"), "{screen}");
    for never in [":::tip", "::::", "import ", "export ", "{/*", "name:"] {
        assert!(!screen.contains(never), "{never} on screen:\n{screen}");
    }
    // Boxes are no sections: the navigation pane lists the page's own headings.
    let nav = nav(&p, 39);
    assert!(nav.contains("一条路") && nav.contains("回程"), "{nav}");
    assert!(!nav.contains("写在前面") && !nav.contains("数据"), "{nav}");
    p.quit();
}

#[test]
fn a_mkdocs_page_and_a_logseq_page_read_as_text() {
    let mut p = Pty::yuedu_showing(&[&data("mkdocs-boxes.md")], 100, 40, "退休的老汤");
    let screen = p.screen();
    for seen in ["采访说明", "文中人物均用化名", "春天", "种的是莴笋和菠菜"] {
        assert!(screen.contains(seen), "{seen} not on screen:\n{screen}");
    }
    for never in ["!!! info", "??? note", "=== \"", "[!TIP]", "**"] {
        assert!(!screen.contains(never), "{never} on screen:\n{screen}");
    }
    p.quit();
    let mut p = Pty::yuedu_showing(&[&data("logseq-page.md")], 100, 30, "磨刀的老向");
    let screen = p.screen();
    assert!(screen.contains("桥头的磨刀人"), "{screen}");
    assert!(screen.contains("☐ 问清楚磨刀石"), "{screen}");
    for never in ["title::", "id::", "TODO", "{{embed", "[[", "•"] {
        assert!(!screen.contains(never), "{never} on screen:\n{screen}");
    }
    p.quit();
}
