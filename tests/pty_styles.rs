//! Emphasis and strong as the reader shows them: the real binary on a Markdown article
//! in a pseudo-terminal, read back cell by cell through vt100 — bold where the text is
//! strong, italics where it is emphasised, neither around them, no marker shown.

mod pty;

use std::time::Duration;

use pty::{Pty, command, yuedu_bin};

fn data(name: &str) -> String {
    format!("{}/tests/data/formats/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The characters of the text pane (columns `from..` of every row but the status bar),
/// in reading order, each with whether its cell is bold and whether italic.
fn cells(p: &Pty, from: u16) -> Vec<(char, bool, bool)> {
    p.with_screen(|s| {
        let (rows, cols) = s.size();
        let (rows, cols) = (rows.get(), cols.get());
        let mut out = Vec::new();
        for row in 0..rows.saturating_sub(1) {
            for col in from..cols {
                let Some(cell) = s.cell(row, col) else {
                    continue;
                };
                if cell.is_wide_continuation() {
                    continue;
                }
                if let Some(c) = cell
                    .contents()
                    .chars()
                    .next()
                    .filter(|c| !c.is_whitespace())
                {
                    out.push((c, cell.bold(), cell.italic()));
                }
            }
        }
        out
    })
}

/// The cells where `s` is first shown; panics with the text when it is not.
fn find<'a>(cells: &'a [(char, bool, bool)], s: &str) -> &'a [(char, bool, bool)] {
    let want: Vec<char> = s.chars().collect();
    let shown: String = cells.iter().map(|c| c.0).collect();
    let at = cells
        .windows(want.len())
        .position(|w| w.iter().map(|c| c.0).eq(want.iter().copied()))
        .unwrap_or_else(|| panic!("{s} is not shown in:\n{shown}"));
    &cells[at..at + want.len()]
}

fn styled(cells: &[(char, bool, bool)], bold: bool, italic: bool) -> bool {
    cells.iter().all(|c| (c.1, c.2) == (bold, italic))
}

fn check(p: &mut Pty) {
    p.wait_for_text("其余都是平常的字");
    p.settle();
    // The navigation pane is 30 columns at 100.
    let cells = cells(p, 31);
    let shown: String = cells.iter().map(|c| c.0).collect();
    assert!(!shown.contains('*'), "a marker is shown:\n{shown}");
    assert!(
        styled(find(&cells, "粗体"), true, false),
        "粗体 is bold only"
    );
    assert!(
        styled(find(&cells, "斜体"), false, true),
        "斜体 is italic only"
    );
    assert!(styled(find(&cells, "又粗又斜"), true, true));
    assert!(styled(find(&cells, "跨过行尾也还是粗体的字"), true, false));
    for plain in [
        "守塔人说，这一段里有",
        "的字，也有",
        "的字，其余都是平常的字。",
        "，接着是一段很长的平常文字",
        "，然后结束。",
    ] {
        assert!(
            styled(find(&cells, plain), false, false),
            "{plain} is plain"
        );
    }
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(10)), Some(0));
    p.assert_screen_given_back();
}

#[test]
fn strong_is_bold_and_emphasis_italic_and_the_text_around_them_is_plain() {
    let mut p = Pty::yuedu(&[&data("emphasis.md")], 100, 24);
    check(&mut p);
}

/// NO_COLOR takes colours away, not bold and italics: they are attributes, and the
/// monochrome theme tells roles apart by attributes itself.
#[test]
fn under_no_color_strong_and_emphasis_stay() {
    let path = data("emphasis.md");
    let mut cmd = command(yuedu_bin(), &[&path]);
    cmd.env("NO_COLOR", "1");
    let mut p = Pty::spawn(cmd, 100, 24);
    check(&mut p);
}

/// Bold written beside Chinese punctuation (`说的**“慢一点”**，`), which CommonMark
/// leaves as literal markers, is bold on the screen, with no `*` shown.
#[test]
fn bold_beside_chinese_punctuation_is_bold_on_screen() {
    let mut p = Pty::yuedu(&[&data("cjk-emphasis.md")], 100, 24);
    p.wait_for_text("江边的夜校今晚开课");
    p.settle();
    // No headings: no navigation pane, the text pane is the whole width.
    let cells = cells(&p, 0);
    let shown: String = cells.iter().map(|c| c.0).collect();
    let end = shown
        .find("江边的夜校今晚开课")
        .unwrap_or_else(|| panic!("the lead is not shown:\n{shown}"));
    let prose = &shown[..end];
    assert!(!prose.contains('*'), "a marker is shown:\n{shown}");
    for bold in ["“慢一点”", "最后一期（休刊）", "下划线的强调", "写完了。"]
    {
        assert!(styled(find(&cells, bold), true, false), "{bold} is bold");
    }
    assert!(styled(find(&cells, "《河边周报》"), false, true));
    for plain in ["老师说的", "，是这堂课唯一的要求。", "后面接着写。"] {
        assert!(
            styled(find(&cells, plain), false, false),
            "{plain} is plain"
        );
    }
    p.send("q");
    assert_eq!(p.wait_exit(Duration::from_secs(10)), Some(0));
    p.assert_screen_given_back();
}
