//! The navigation pane: its width follows the terminal, an article with no structure
//! shows none, the caption reached by } is marked in both panes, and a jump that cannot
//! scroll says where it went. The real binary in a pty.

mod pty;

use pty::{Pty, SHIPPED_FIRST_SCREEN};

/// The column of the pane's border on row 0, if there is one.
fn border_column(p: &Pty) -> Option<u16> {
    p.with_screen(|s| {
        let (_, cols) = s.size();
        (0..cols.get()).find(|&c| s.cell(0, c).is_some_and(|cell| cell.contents() == "│"))
    })
}

#[test]
fn the_pane_widens_with_the_terminal_up_to_what_its_entries_need() {
    let p = Pty::yuedu_showing(&[], 100, 30, SHIPPED_FIRST_SCREEN);
    assert_eq!(border_column(&p), Some(29), "30 columns at 100");
    drop(p);
    let p = Pty::yuedu_showing(&[], 200, 50, SHIPPED_FIRST_SCREEN);
    let border = border_column(&p).expect("a pane");
    assert!((35..=48).contains(&border), "{border}:\n{}", p.screen());
    // Every caption whole, none cut with …
    let pane: String = (0..49)
        .map(|r| p.row_text(r, 0, border))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(pane.contains("▲ 来凯制药落户余姚 金福中 摄"), "{pane}");
    assert!(!pane.contains("▲ 第八届中国机器人峰会活…"), "{pane}");
}

#[test]
fn an_article_without_structure_shows_no_pane() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plain.txt");
    std::fs::write(
        &path,
        "一篇没有小标题的短文\n\n　　第一段，没有图片也没有章节。\n\n　　第二段也是这样。\n",
    )
    .expect("write");
    let mut p = Pty::yuedu_showing(&[path.to_str().expect("utf-8")], 100, 30, "第二段也是这样");
    assert_eq!(border_column(&p), None, "{}", p.screen());
    p.send("t");
    p.wait_for_text("no sections or photo captions to list");
}

#[test]
fn the_caption_reached_is_marked_and_a_jump_at_the_end_says_so() {
    let mut p = Pty::yuedu_showing(&[], 100, 30, SHIPPED_FIRST_SCREEN);
    // The fifth caption lies near the end, where the page cannot scroll that far.
    p.send("}}}}}");
    p.wait_for("the reached caption marked in the pane", |s| {
        (0..29).any(|r| {
            s.contents_between(r, 0, r, 29)
                .starts_with("▶ ▲ 浙大机器人研究院")
        })
    });
    p.wait_for("a marker beside the caption in the text", |s| {
        (0..29).any(|r| {
            s.contents_between(r, 30, r, 100)
                .trim_start()
                .starts_with("▶▲ 浙大机器人研究院")
        })
    });
    p.wait_for_status("(on screen; the end)");
    p.send("}}");
    p.wait_for_status("no more captions after this point");
}
