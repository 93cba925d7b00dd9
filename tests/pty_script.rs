//! Simplified ⇄ Traditional on display, search across scripts and widths, and the
//! ambiguous width asked of the terminal: the real binary in a pseudo-terminal, its
//! screen read back through vt100, the terminal's answer to the width probe written
//! back as a terminal would.

mod pty;

use std::time::{Duration, Instant};

use pty::{Pty, command, yuedu_bin};

const ARTICLE: &str = "articles/yuyao-yangtze-delta.txt";

/// yuedu in a terminal that answers the width probe with the cursor in column
/// `probe_col` (2: the test character was drawn one column wide, 3: two), or never.
fn start(args: &[&str], cols: u16, rows: u16, probe_col: Option<u32>) -> Pty {
    Pty::spawn_answering(command(yuedu_bin(), args), cols, rows, probe_col)
}

fn text_pane(p: &Pty, rows: u16, cols: u16) -> String {
    p.rows_text(rows - 1, 30, cols).join("\n")
}

fn nav_pane(p: &Pty, rows: u16) -> String {
    p.rows_text(rows - 1, 0, 29).join("\n")
}

#[test]
fn the_shipped_article_reads_in_traditional_at_80x24() {
    let p = start(&["--script", "traditional", ARTICLE], 80, 24, Some(2));
    p.wait_for_text("陳 醉 勞超傑");
    p.settle();
    let text = text_pane(&p, 24, 80);
    // Phrase-level: 建群 → 建羣, 余姚 → 餘姚 (余 as a surname-place is 餘 here), 发展.
    for want in [
        "長三 譜寫長三角一體化新篇章",
        "餘姚",
        "抱團建羣",
        "長三角的“打開方式”",
    ] {
        assert!(text.contains(want), "{want} missing:\n{text}");
    }
    for simplified in ["长三角", "余姚", "开放"] {
        assert!(!text.contains(simplified), "{simplified} left:\n{text}");
    }
    // The navigation pane and the status bar too.
    let nav = nav_pane(&p, 24);
    assert!(nav.contains("科創“共同體”激活增長極"), "{nav}");
    assert!(nav.contains("── 章節 Sections"), "{nav}");
    // Every line of the panes fits: nothing past the 80 columns, nothing wrapped by the
    // terminal (the status bar, row 23, fills its row by design).
    p.with_screen(|s| {
        for row in 0..23 {
            let last = s.cell(row, 79).map(|c| c.contents()).unwrap_or_default();
            assert!(last.is_empty() || last == " ", "row {row} reaches the edge");
        }
    });
}

#[test]
fn c_cycles_the_script_keeping_the_place() {
    let mut p = start(&[ARTICLE], 100, 30, Some(2));
    p.wait_for_text("区域共绘民生“幸福圈”");
    p.settle();
    p.send("]");
    p.wait_for_in_row(0, 30, 100, "科创“共同体”激活增长极");
    let before = text_pane(&p, 30, 100);
    assert!(before.contains("木材打孔机器人"), "{before}");
    p.send("c");
    p.wait_for_text("script: simplified");
    // Simplified text shown as Simplified: the same.
    assert!(text_pane(&p, 30, 100).contains("木材打孔机器人"));
    p.send("c");
    p.wait_for_text("script: traditional");
    p.wait_for_text("木材打孔機器人");
    let after = text_pane(&p, 30, 100);
    assert!(
        after.contains("在一塊各種曲度的轉椅木板上打222個孔"),
        "{after}"
    );
    p.send("ccc");
    p.wait_for_text("script: as-is");
    p.wait_for_text("木材打孔机器人");
}

#[test]
fn a_traditional_query_with_fullwidth_punctuation_finds_the_simplified_text() {
    let mut p = start(&[ARTICLE], 100, 30, Some(2));
    p.wait_for_text("区域共绘民生“幸福圈”");
    p.settle();
    // The source has 今年,长三角 (half-width comma), typed as an input method does.
    p.send("/今年，長三角");
    p.wait_for_text("1 match");
    let status = p.row_text(29, 0, 100);
    assert!(status.contains("简=繁 全=半 A=a"), "{status}");
    p.send("\r");
    p.settle();
    assert!(!p.screen().contains("pattern not found"), "{}", p.screen());
}

#[test]
fn search_matches_are_shown_on_the_converted_text() {
    let mut p = start(&["--script", "traditional", ARTICLE], 100, 30, Some(2));
    p.wait_for_text("陳 醉 勞超傑");
    p.settle();
    p.send("/余姚");
    p.wait_for_text("/余姚");
    p.send("\r");
    p.wait_for_status("/余姚 1/");
    p.settle();
    // The match is drawn on the converted characters 餘姚, highlighted.
    let highlighted = p.with_screen(|s| {
        let mut v = Vec::new();
        for row in 0..29 {
            for col in 30..99 {
                if let Some(c) = s.cell(row, col)
                    && (c.inverse() || c.bgcolor() != vt100::Color::Default)
                    && !c.contents().is_empty()
                {
                    v.push(c.contents().to_string());
                }
            }
        }
        v.concat()
    });
    assert!(
        highlighted.contains("餘姚"),
        "{highlighted:?}\n{}",
        p.screen()
    );
}

#[test]
fn the_terminal_says_wide_and_the_layout_follows() {
    let mut narrow = start(&[ARTICLE], 100, 30, Some(2));
    narrow.wait_for_text("区域共绘民生“幸福圈”");
    narrow.settle();
    // Narrow, the common case, needs no word: the status bar keeps its key hints.
    let status = narrow.row_text(29, 0, 100);
    assert!(
        status.contains("? help") && !status.contains("ambiguous"),
        "{status}"
    );
    let mut wide = start(&[ARTICLE], 100, 30, Some(3));
    wide.wait_for_text("ambiguous width: wide (the terminal draws");
    wide.settle();
    // “ ” counted two columns: the lines holding quotes break elsewhere.
    assert_ne!(text_pane(&narrow, 30, 100), text_pane(&wide, 30, 100));
    // `=` says what was found, either way.
    narrow.send("=");
    narrow.wait_for_text("ambiguous narrow (asked)");
    wide.send("=");
    wide.wait_for_text("ambiguous wide (asked)");
}

#[test]
fn the_first_frame_does_not_wait_for_the_answer_and_a_wide_one_redraws_it() {
    // The first frame is drawn, laid out narrow, while the terminal's answer is on its
    // way (a round trip over ssh); the answer, wide, comes once the frame is seen, and
    // the reader is laid out and drawn again. A reader that waited for the answer before
    // drawing would never show the frame to answer after.
    let mut late = start(&[ARTICLE], 100, 30, None);
    late.wait_for_text("区域共绘民生“幸福圈”");
    let asked = late.output_bytes().windows(4).any(|w| w == b"\x1b[6n");
    let narrow = text_pane(&late, 30, 100);
    late.send("\x1b[1;3R");
    assert!(asked, "the terminal was asked");
    late.wait_for_text("ambiguous width: wide (the terminal draws");
    late.settle();
    // Laid out as a reader told the width is.
    let wide = start(&["--ambiguous-width", "wide", ARTICLE], 100, 30, None);
    wide.wait_for_text("陈 醉 劳超杰");
    wide.settle();
    assert_eq!(text_pane(&late, 30, 100), text_pane(&wide, 30, 100));
    assert_ne!(narrow, text_pane(&wide, 30, 100), "the layout changed");
}

#[test]
fn a_terminal_that_never_answers_gets_narrow_soon() {
    let t = Instant::now();
    let p = start(&[ARTICLE], 100, 30, None);
    p.wait_for_text("narrow (no answer");
    // The probe waits 150 ms; the reader is up well within the helper's patience.
    assert!(t.elapsed() < Duration::from_secs(5));
    assert!(p.screen().contains("区域共绘民生“幸福圈”"));
}

#[test]
fn a_set_width_asks_nothing() {
    let mut p = start(&["--ambiguous-width", "narrow", ARTICLE], 100, 30, None);
    p.wait_for_text("区域共绘民生“幸福圈”");
    p.settle();
    let out = p.output_bytes();
    assert!(!out.windows(4).any(|w| w == b"\x1b[6n"));
    p.send("=");
    p.wait_for_text("ambiguous narrow (set)");
}

#[test]
fn a_jump_at_the_end_names_the_caption_as_the_panes_show_it() {
    // The fifth caption lies near the end, where the page cannot scroll that far: the
    // message names it in the script shown.
    let mut p = start(&["--script", "traditional", ARTICLE], 100, 30, Some(2));
    p.wait_for_text("陳 醉 勞超傑");
    p.send("}}}}}");
    p.wait_for_status("caption ▶ 浙大機器人研究院");
}

#[test]
fn keys_typed_while_the_terminal_is_asked_are_not_lost() {
    // Typed at once: read with the probe's answer (or while waiting for one that never
    // comes), then handled as if typed after the first frame.
    for answer in [Some(2), None] {
        let mut p = start(&[ARTICLE], 100, 30, answer);
        p.send("G");
        p.wait_for_status("100%");
    }
}

/// At 80 columns `=` still shows the source line and the width found: the status bar cuts
/// a long message at its end, so the file's name gives way first (the reader's own file).
#[test]
fn the_file_info_keeps_the_width_found_at_80_columns() {
    let mut p = start(&[ARTICLE], 80, 24, Some(2));
    p.wait_for_text("陈 醉 劳超杰");
    p.settle();
    p.send("=");
    p.wait_for_text("ambiguous narrow (asked)");
    let status = p.row_text(23, 0, 80);
    for want in [
        "text, UTF-8, 6.4 KB",
        "source line",
        "ambiguous narrow (asked)",
    ] {
        assert!(status.contains(want), "{want} missing:\n{status}");
    }
    // With room, the name is there whole.
    p.resize(120, 24);
    p.settle();
    p.send("=");
    p.wait_for_in_row(23, 0, 120, "yuyao-yangtze-delta.txt: text, UTF-8");
}
