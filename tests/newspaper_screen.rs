//! A newspaper page drawn as the reader shows it (ratatui's `TestBackend`): the
//! navigation pane gives the kicker above the title and the subtitle and byline under
//! it, the text pane the head's lines in source order and the notes at the end.

mod screen;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use yuedu::config::Config;
use yuedu::formats::text::parse;
use yuedu::ui::{self, Theme};
use yuedu::view::app::app_for;

fn screen_of(path: &str, keys: &[crossterm::event::KeyCode]) -> Vec<String> {
    let text = std::fs::read_to_string(format!(
        "{}/tests/data/newspaper/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture");
    let mut app = app_for(parse(&text), path, Config::defaults(), (110, 40)).expect("app");
    for &code in keys {
        app.handle_key(crossterm::event::KeyEvent::new(
            code,
            crossterm::event::KeyModifiers::NONE,
        ));
    }
    let mut terminal = Terminal::new(TestBackend::new(110, 40)).expect("terminal");
    let theme = Theme::new(&app.config.theme, true);
    terminal.draw(|f| ui::draw(f, &app, &theme)).expect("draw");
    screen::buffer_rows(terminal.backend().buffer())
}

fn row_of(screen: &[String], text: &str) -> usize {
    screen
        .iter()
        .position(|r| r.contains(text))
        .unwrap_or_else(|| panic!("{text:?} not on screen:\n{}", screen.join("\n")))
}

#[test]
fn the_navigation_pane_shows_kicker_title_subtitle_and_byline_in_order() {
    let screen = screen_of("epaper-lines.txt", &[]);
    // The navigation pane is the left one: its rows start at column 0.
    let nav: Vec<String> = screen
        .iter()
        .map(|r| r.chars().take(30).collect())
        .collect();
    let kicker = row_of(&nav, "山城茶园");
    let title = row_of(&nav, "一片叶子");
    let subtitle = row_of(&nav, "——来自");
    let byline = row_of(&nav, "本报记者");
    assert!(
        kicker < title && title < subtitle && subtitle < byline,
        "{}",
        screen.join("\n")
    );
    assert!(row_of(&nav, "核心阅读") > byline);
}

#[test]
fn the_text_pane_shows_the_head_in_source_order_and_the_notes_at_the_end() {
    let screen = screen_of("epaper-lines.txt", &[]);
    let kicker = screen
        .iter()
        .rposition(|r| r.contains("山城茶园十年间"))
        .expect("kicker");
    let title = screen
        .iter()
        .rposition(|r| r.contains("一片叶子带富一方百姓"))
        .expect("title");
    let column = row_of(&screen, "（乡村振兴·一线见闻）");
    let subtitle = screen
        .iter()
        .rposition(|r| r.contains("——来自云岭县"))
        .expect("subtitle");
    let dateline = row_of(&screen, "本报云岭11月28日电");
    // The column tag printed on the headline's line comes before the subtitle under it.
    assert!(
        kicker < title && title < column && column < subtitle && subtitle < dateline,
        "{}",
        screen.join("\n")
    );
    let end = screen_of("epaper-lines.txt", &[crossterm::event::KeyCode::End]);
    let note = row_of(&end, "（本报记者李明整理）");
    assert!(row_of(&end, "版式设计") > note, "{}", end.join("\n"));
}
