//! The reader as a user sees it: the real binary in a pseudo-terminal, its screen read
//! back through vt100.

mod pty;

use std::time::Duration;

use pty::{Pty, command};

const NAV_WIDTH: u16 = 30;

/// The navigation pane's rows (columns left of the border).
fn nav_rows(p: &Pty, rows: u16) -> Vec<String> {
    p.rows_text(rows, 0, NAV_WIDTH - 1)
}

/// The text pane's rows above the status bar, trimmed.
fn text_rows(p: &Pty, rows: u16, cols: u16) -> Vec<String> {
    let rows = p.rows_text(rows.saturating_sub(1), NAV_WIDTH, cols);
    rows.iter().map(|r| r.trim().to_string()).collect()
}

fn start(cols: u16, rows: u16) -> Pty {
    Pty::yuedu_showing(&[], cols, rows, "区域共绘民生“幸福圈”")
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
    p.wait_for_in_row(0, NAV_WIDTH, 100, "科创“共同体”激活增长极");
    p.send("]");
    p.wait_for_in_row(0, NAV_WIDTH, 100, "“大平台”推动强链补链");
    let nav = nav_rows(&p, 29);
    let marked: Vec<&String> = nav.iter().filter(|r| r.starts_with("▶")).collect();
    assert_eq!(marked.len(), 1, "{nav:?}");
    assert!(marked[0].contains("“大平台”推动强链补链"), "{nav:?}");
}

#[test]
fn next_caption_moves_to_the_next_caption() {
    let mut p = start(100, 30);
    p.send("}");
    p.wait_for_in_row(0, NAV_WIDTH, 100, "▲ 智谷小镇,日新月异。 谷志锋 摄");
    p.send("}");
    p.wait_for_in_row(0, NAV_WIDTH, 100, "▲ 第八届中国机器人峰会活动现场");
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
    p.wait_for_status("/余姚 1/30");
    p.send("n");
    p.wait_for_status("/余姚 2/30");
    assert!(p.with_screen(|s| highlighted(s, "余").len()) >= 2);
    // N goes back; at the first match it wraps round with a message.
    p.send("NN");
    p.wait_for_status("wrapped");
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
    p.assert_screen_given_back();
    let screen = p.screen();
    let modes: Vec<&str> = screen
        .lines()
        .filter(|l| l.contains(':') && !l.contains("exit="))
        .collect();
    assert_eq!(modes.len(), 2, "two stty -g lines in:\n{screen}");
    assert_eq!(modes[0], modes[1], "terminal mode not restored");
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
}

#[test]
fn no_color_draws_without_colours_yet_keeps_roles_apart() {
    let mut cmd = command(pty::yuedu_bin(), &[]);
    cmd.env("NO_COLOR", "1");
    let p = Pty::spawn_showing(cmd, 100, 30, "区域共绘民生“幸福圈”");
    let out = String::from_utf8_lossy(&p.output_bytes()).into_owned();
    // No foreground or background colour in any SGR sequence.
    for sgr in out
        .split("\u{1b}[")
        .skip(1)
        .filter_map(|s| s.split_once('m').map(|(p, _)| p))
    {
        if sgr.chars().all(|c| c.is_ascii_digit() || c == ';') {
            for code in sgr.split(';').filter_map(|c| c.parse::<u32>().ok()) {
                assert!(
                    !(30..=49).contains(&code) && !(90..=107).contains(&code),
                    "colour SGR {sgr:?}"
                );
            }
        }
    }
    // The title is still set apart: bold.
    let bold_title = p.with_screen(|s| {
        (0..100).any(|c| {
            s.cell(2, c)
                .is_some_and(|cell| cell.contents() == "高" && cell.bold())
        })
    });
    assert!(bold_title, "title not bold:\n{}", p.screen());
}

#[test]
fn a_dumb_terminal_gets_the_dump_instead_of_a_screen() {
    let mut cmd = command(pty::yuedu_bin(), &[]);
    cmd.env("TERM", "dumb");
    let mut p = Pty::spawn(cmd, 80, 24);
    assert_eq!(p.wait_exit(Duration::from_secs(5)), Some(0));
    p.settle();
    let out = p.output_bytes();
    assert!(
        !out.contains(&0x1b),
        "escape sequences written to a dumb terminal"
    );
    assert!(String::from_utf8_lossy(&out).contains("在一系列“硬”基建的基础上"));
}

#[test]
fn a_piped_article_is_read_from_stdin_and_keys_from_the_terminal() {
    let script = format!(
        "cat articles/yuyao-yangtze-delta.txt | {}; echo \"exit=$?\"",
        pty::yuedu_bin()
    );
    let mut p = Pty::spawn(command("/bin/sh", &["-c", &script]), 100, 30);
    p.wait_for_text("区域共绘民生“幸福圈”");
    p.wait_for_status("(standard input)");
    p.send("]");
    p.wait_for_in_row(0, NAV_WIDTH, 100, "科创“共同体”激活增长极");
    p.send("q");
    p.wait_for_text("exit=0");
}

#[test]
fn one_by_one_and_tiny_terminals_do_not_crash() {
    for (cols, rows) in [(1, 1), (2, 2), (20, 5)] {
        let mut p = Pty::yuedu(&[], cols, rows);
        p.settle();
        p.send("]j}G?");
        p.settle();
        p.resize(1, 1);
        p.settle();
        p.resize(30, 6);
        p.settle();
        assert!(
            p.child.try_wait().ok().flatten().is_none(),
            "exited at {cols}x{rows}"
        );
        p.send("\x1bq");
        p.settle();
        p.send("q");
        assert_eq!(
            p.wait_exit(Duration::from_secs(5)),
            Some(0),
            "at {cols}x{rows}:\n{}",
            p.screen()
        );
    }
}

#[test]
fn the_mouse_wheel_scrolls_when_turned_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[input]\nmouse = true\n").expect("config");
    let mut cmd = command(pty::yuedu_bin(), &[]);
    cmd.env("YUEDU_CONFIG", &config);
    let mut p = Pty::spawn_showing(cmd, 100, 30, "区域共绘民生“幸福圈”");
    assert!(
        String::from_utf8_lossy(&p.output_bytes()).contains("\u{1b}[?1000h"),
        "mouse reporting on"
    );
    // Three wheel-down events (SGR encoding), at a point over the text.
    p.send("\u{1b}[<65;50;10M\u{1b}[<65;50;10M\u{1b}[<65;50;10M");
    p.wait_for_status(" 4–");
    // Off by default: the reader never asks for mouse reports.
    let p = Pty::yuedu_showing(&[], 100, 30, "区域共绘民生“幸福圈”");
    assert!(!String::from_utf8_lossy(&p.output_bytes()).contains("\u{1b}[?1000h"));
}
