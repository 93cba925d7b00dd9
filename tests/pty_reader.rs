//! The reader as a user sees it: the real binary in a pseudo-terminal, its screen read
//! back through vt100.

mod pty;

use std::time::Duration;

use pty::{Pty, command};

const NAV_WIDTH: u16 = 30;

/// The navigation pane's rows (columns left of the border).
fn nav_rows(p: &Pty, rows: u16) -> Vec<String> {
    (0..rows).map(|r| p.row_text(r, 0, NAV_WIDTH - 1)).collect()
}

/// The text pane's rows.
fn text_rows(p: &Pty, rows: u16, cols: u16) -> Vec<String> {
    (0..rows.saturating_sub(1))
        .map(|r| p.row_text(r, NAV_WIDTH, cols).trim().to_string())
        .collect()
}

fn start(cols: u16, rows: u16) -> Pty {
    let p = Pty::yuedu(&[], cols, rows);
    p.wait_for_text("区域共绘民生“幸福圈”");
    p.settle();
    p
}

#[test]
fn first_screen_shows_title_and_all_sections_in_the_navigation_pane() {
    let p = start(100, 30);
    let nav = nav_rows(&p, 29).join("\n");
    for heading in [
        "科创“共同体”激活增长极",
        "“大平台”推动强链补链",
        "区域共绘民生“幸福圈”",
    ] {
        assert!(
            nav.contains(heading),
            "{heading} missing in the navigation pane:\n{nav}"
        );
    }
    assert!(
        nav.contains("高水平加快建设现代化美好活"),
        "title missing:\n{nav}"
    );
    // The text pane starts with the banner and the title.
    let text = text_rows(&p, 30, 100);
    assert_eq!(text[0], "长三 谱写长三角一体化新篇章");
    assert!(
        text[2].starts_with("高水平加快建设现代化美好活力“最名邑”"),
        "{text:?}"
    );
    // The status bar names the article and says how to get help.
    let status = p.row_text(29, 0, 100);
    assert!(
        status.contains("yuyao-yangtze-delta.txt") && status.contains("? help"),
        "{status}"
    );
}

#[test]
fn next_heading_twice_reaches_the_second_section_and_marks_it() {
    let mut p = start(100, 30);
    p.send("]");
    p.wait_for("first heading at top", |s| {
        s.contents_between(0, NAV_WIDTH, 0, 100)
            .contains("科创“共同体”激活增长极")
    });
    p.send("]");
    p.wait_for("second heading at top", |s| {
        s.contents_between(0, NAV_WIDTH, 0, 100)
            .contains("“大平台”推动强链补链")
    });
    let nav = nav_rows(&p, 29);
    let marked: Vec<&String> = nav.iter().filter(|r| r.starts_with("▶")).collect();
    assert_eq!(marked.len(), 1, "{nav:?}");
    assert!(marked[0].contains("“大平台”推动强链补链"), "{nav:?}");
}

#[test]
fn next_caption_moves_to_the_next_caption() {
    let mut p = start(100, 30);
    p.send("}");
    p.wait_for("first caption at top", |s| {
        s.contents_between(0, NAV_WIDTH, 0, 100)
            .contains("▲ 智谷小镇,日新月异。 谷志锋 摄")
    });
    p.send("}");
    p.wait_for("second caption at top", |s| {
        s.contents_between(0, NAV_WIDTH, 0, 100)
            .contains("▲ 第八届中国机器人峰会活动现场")
    });
}

/// The column of the first cell on `row` showing `ch` with a highlight (a background
/// colour or reverse video), right of the navigation pane.
fn highlighted(s: &vt100::Screen, ch: &str) -> Vec<(u16, u16)> {
    let (rows, cols) = s.size();
    let mut out = Vec::new();
    for r in 0..rows.get() - 1 {
        for c in NAV_WIDTH..cols.get() {
            if let Some(cell) = s.cell(r, c)
                && cell.contents() == ch
                && (cell.inverse() || cell.bgcolor() != vt100::Color::Default)
            {
                out.push((r, c));
            }
        }
    }
    out
}

#[test]
fn search_highlights_a_match_and_n_moves_on() {
    let mut p = start(100, 30);
    p.send("/余姚");
    p.wait_for_text("/余姚");
    p.send("\r");
    p.wait_for("a highlighted match", |s| !highlighted(s, "余").is_empty());
    p.wait_for("match count", |s| {
        s.contents_between(29, 0, 29, 100).contains("/余姚 1/30")
    });
    p.send("n");
    p.wait_for("second match", |s| {
        s.contents_between(29, 0, 29, 100).contains("/余姚 2/30")
    });
    assert!(p.with_screen(|s| highlighted(s, "余").len()) >= 2);
    // N goes back; at the first match it wraps round with a message.
    p.send("NN");
    p.wait_for("wrap message", |s| {
        s.contents_between(29, 0, 29, 100).contains("wrapped")
    });
}

#[test]
fn resize_keeps_the_same_sentence_on_screen() {
    let mut p = start(100, 30);
    p.send("]]jjj");
    p.settle();
    let before = text_rows(&p, 30, 100);
    let first = before
        .iter()
        .find(|l| l.chars().count() > 8)
        .expect("a text line")
        .clone();
    let probe: String = first.trim_start_matches('　').chars().take(4).collect();
    p.resize(50, 20);
    p.settle();
    let after: String = (0..19)
        .map(|r| p.row_text(r, 0, 50).trim().to_string())
        .collect::<Vec<_>>()
        .join("");
    assert!(
        after.contains(&probe),
        "{probe:?} (from {first:?}) not on screen after resize:\n{}",
        p.screen()
    );
    // At 50 columns the navigation pane hides itself.
    assert!(!p.screen().contains("── 章节"), "{}", p.screen());
}

#[test]
fn q_quits_with_status_0_and_restores_the_terminal() {
    // A shell records the terminal mode before and after, like `stty -g` by hand.
    let script = format!(
        "stty -g; {} ; echo \"exit=$?\"; stty -g; sleep 0.2",
        pty::yuedu_bin()
    );
    let mut p = Pty::spawn(command("/bin/sh", &["-c", &script]), 80, 24);
    p.wait_for_text("区域共绘民生");
    p.with_screen(|s| {
        assert!(s.alternate_screen(), "the reader uses the alternate screen");
        assert!(s.hide_cursor());
    });
    p.settle();
    p.send("q");
    p.wait_for_text("exit=0");
    p.settle();
    p.with_screen(|s| {
        assert!(!s.alternate_screen(), "alternate screen left");
        assert!(!s.hide_cursor(), "cursor shown");
    });
    let screen = p.screen();
    let modes: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains(':') && !l.contains("exit="))
        .collect();
    assert_eq!(modes.len(), 2, "two stty -g lines in:\n{screen}");
    assert_eq!(modes[0], modes[1], "terminal mode not restored");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
}
