//! Inline styles drawn: the cells of strong text are bold and of emphasised text italic,
//! on every line a span is cut across, under the display conversions and a search
//! match; the text around them is neither. The overlays' names in the script shown.

use std::sync::Arc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

use super::{Theme, render};
use crate::config::Config;
use crate::formats::{Format, parse_shared};
use crate::layout::{AmbiguousWidth, PunctuationDisplay};
use crate::text::convert::Script;
use crate::view::app::{App, app_for};

/// The reader on Markdown `md` at `cols`×12, the navigation pane hidden.
fn app(md: &str, cols: u16, config: Config) -> App {
    let article = parse_shared(Format::Markdown, &Arc::new(md.to_string()));
    let mut app = app_for(article, "a.md", config, (cols, 12)).expect("default keys");
    keys(&mut app, "");
    app
}

fn keys(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            c => KeyCode::Char(c),
        };
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
    while app.work_more() {}
}

fn frame(app: &App, no_color: bool) -> Buffer {
    let (cols, rows) = app.size;
    let area = Rect::new(0, 0, cols, rows);
    let mut buf = Buffer::empty(area);
    render(
        app,
        &Theme::new(&app.config.theme, no_color),
        &mut buf,
        area,
    );
    buf
}

/// The text pane's characters in reading order (blank cells left out), each with
/// whether it is bold and whether italic, and its row.
fn shown(buf: &Buffer) -> Vec<(char, u16, bool, bool)> {
    let mut out = Vec::new();
    for y in 0..buf.area.height.saturating_sub(1) {
        for x in 0..buf.area.width {
            let cell = &buf[(x, y)];
            let Some(c) = cell.symbol().chars().next().filter(|c| !c.is_whitespace()) else {
                continue;
            };
            let m = cell.modifier;
            out.push((
                c,
                y,
                m.contains(Modifier::BOLD),
                m.contains(Modifier::ITALIC),
            ));
        }
    }
    out
}

/// The cells of the first place `s` is shown.
fn find<'a>(cells: &'a [(char, u16, bool, bool)], s: &str) -> &'a [(char, u16, bool, bool)] {
    let want: Vec<char> = s.chars().collect();
    let at = cells
        .windows(want.len())
        .position(|w| w.iter().map(|c| c.0).eq(want.iter().copied()))
        .unwrap_or_else(|| {
            panic!(
                "{s} is not shown: {:?}",
                cells.iter().map(|c| c.0).collect::<String>()
            )
        });
    &cells[at..at + want.len()]
}

fn all(cells: &[(char, u16, bool, bool)], bold: bool, italic: bool) -> bool {
    cells.iter().all(|c| c.2 == bold && c.3 == italic)
}

const TEXT: &str =
    "# 题\n\n甲乙丙丁戊己庚辛壬癸子丑寅卯**粗体的字跨过了行尾**平常*斜体*字，平常。\n";

#[test]
fn a_strong_span_cut_across_two_lines_is_bold_on_both_and_the_rest_is_not() {
    for no_color in [false, true] {
        let app = app(TEXT, 24, Config::defaults());
        let cells = shown(&frame(&app, no_color));
        let strong = find(&cells, "粗体的字跨过了行尾");
        assert!(
            strong.first().map(|c| c.1) != strong.last().map(|c| c.1),
            "cut across lines: {strong:?}"
        );
        assert!(all(strong, true, false), "{strong:?}");
        assert!(all(find(&cells, "斜体"), false, true));
        for plain in ["丙丁戊己庚辛壬癸子丑寅卯", "平常", "字，平常。"] {
            assert!(all(find(&cells, plain), false, false), "{plain}");
        }
    }
}

#[test]
fn styles_stay_on_their_text_when_it_is_converted_and_under_a_search_match() {
    let mut config = Config::defaults();
    config.text.script = Script::Traditional;
    config.text.punctuation = PunctuationDisplay::Fullwidth;
    let mut app = app(
        "甲乙,**头发里的体操**,丙丁*发体*戊,平常的头发。\n",
        30,
        config,
    );
    keys(&mut app, "/体\n");
    let cells = shown(&frame(&app, false));
    // 头发 → 頭髮, 体 → 體, the commas full-width: the styled text keeps its style,
    // search matches and all, and the text around it has none.
    assert!(all(find(&cells, "頭髮裏的體操"), true, false));
    assert!(all(find(&cells, "發體"), false, true));
    assert!(all(find(&cells, "甲乙，"), false, false));
    assert!(all(find(&cells, "，丙丁"), false, false));
    assert!(all(find(&cells, "戊，平常的頭髮。"), false, false));
}

#[test]
fn navigation_rows_keep_the_prohibition_rules_and_every_character() {
    use crate::layout::classes::{end_prohibited, start_prohibited};
    let title = "高水平加快建设现代化美好活力“最名邑” 余姚 在长三角中心“抱团建群”，《长三角》。";
    // From 8 columns: a row then holds at least three characters after its indent.
    for width in 8..40 {
        let narrow = crate::layout::AmbiguousWidth::Narrow;
        let rows = super::wrap_plain(title, width, usize::MAX, 2, narrow);
        let joined: String = rows.iter().map(|r| r.trim_start()).collect();
        let kept: String = title.chars().filter(|c| *c != ' ').collect();
        assert_eq!(joined.replace(' ', ""), kept, "width {width}: {rows:?}");
        for (k, row) in rows.iter().enumerate() {
            let text = row.trim_start();
            if k > 0 {
                let c = text.chars().next();
                assert!(!c.is_some_and(start_prohibited), "width {width}: {rows:?}");
            }
            if k + 1 < rows.len() {
                let c = text.chars().next_back();
                assert!(
                    !c.is_some_and(|c| end_prohibited(c, Default::default())),
                    "width {width}: {rows:?}"
                );
            }
        }
    }
}

/// The overlays' names follow the script shown, as the navigation pane's group names and
/// the library's do.
#[test]
fn the_help_and_findings_names_are_in_the_script_shown() {
    let text = |app: &App| -> String {
        let buf = frame(app, true);
        let mut out = String::new();
        for y in 0..buf.area.height {
            let mut x = 0;
            while x < buf.area.width {
                let symbol = buf[(x, y)].symbol();
                out.push_str(symbol);
                // A wide character's second cell holds nothing of its own.
                x += u16::try_from(crate::layout::str_width(symbol, AmbiguousWidth::Narrow))
                    .unwrap_or(1)
                    .max(1);
            }
            out.push('\n');
        }
        out
    };
    for (script, help, findings) in [
        (Script::AsIs, "帮助 Help", "检查 Findings"),
        (Script::Traditional, "幫助 Help", "檢查 Findings"),
    ] {
        let mut config = Config::defaults();
        config.text.script = script;
        let mut reader = app("甲乙丙丁。\n", 60, config);
        keys(&mut reader, "?");
        assert!(
            text(&reader).contains(help),
            "{script:?}:\n{}",
            text(&reader)
        );
        // An article with findings: the shipped one, checked.
        let src = crate::formats::load(None, Default::default()).expect("the shipped article");
        let article = parse_shared(src.format, &src.text);
        let found = crate::check::check_source(&src, &article, &reader.config.check);
        let mut reader =
            app_for(article, "yuyao.txt", reader.config.clone(), (100, 24)).expect("keys");
        reader.findings = found;
        keys(&mut reader, "!");
        assert!(
            text(&reader).contains(findings),
            "{script:?}:\n{}",
            text(&reader)
        );
    }
}
