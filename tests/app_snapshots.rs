//! The whole reader drawn into ratatui's `TestBackend`, driven by key sequences, compared
//! with reviewed snapshots (insta).

mod screen;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;
use yuedu::config::Config;
use yuedu::formats::text::parse;
use yuedu::input::source::SHIPPED_ARTICLE;
use yuedu::ui::{self, Theme};
use yuedu::view::app::{App, app_for};

fn app(cols: u16, rows: u16) -> App {
    app_for(
        parse(SHIPPED_ARTICLE),
        "yuyao-yangtze-delta.txt",
        Config::defaults(),
        (cols, rows),
    )
    .expect("default keys")
}

fn key(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\n' => KeyCode::Enter,
            '\t' => KeyCode::Tab,
            '\x1b' => KeyCode::Esc,
            c => KeyCode::Char(c),
        };
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
    }
}

fn screen(app: &App) -> String {
    let (cols, rows) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("terminal");
    let theme = Theme::new(&app.config.theme, true);
    terminal.draw(|f| ui::draw(f, app, &theme)).expect("draw");
    screen_text(terminal.backend().buffer())
}

/// The screen as a person sees it: one line per row (its end marked `|`), wide
/// characters once.
fn screen_text(buf: &Buffer) -> String {
    screen::buffer_rows(buf)
        .iter()
        .map(|row| format!("{row}|\n"))
        .collect()
}

/// The screens of one size: first screen, after `]]`, after `}`, searching, help.
fn screens_at(cols: u16, rows: u16) {
    let name = |what: &str| format!("{cols}x{rows}_{what}");
    let mut a = app(cols, rows);
    insta::assert_snapshot!(name("first_screen"), screen(&a));

    key(&mut a, "]]");
    insta::assert_snapshot!(name("after_two_headings"), screen(&a));

    let mut a = app(cols, rows);
    key(&mut a, "}");
    insta::assert_snapshot!(name("after_next_caption"), screen(&a));

    let mut a = app(cols, rows);
    key(&mut a, "/余姚");
    insta::assert_snapshot!(name("search_typing"), screen(&a));
    key(&mut a, "\nn");
    insta::assert_snapshot!(name("search_next_match"), screen(&a));

    let mut a = app(cols, rows);
    key(&mut a, "?");
    insta::assert_snapshot!(name("help"), screen(&a));
}

#[test]
fn screens_80x24() {
    screens_at(80, 24);
}

#[test]
fn screens_40x12() {
    screens_at(40, 12);
}

#[test]
fn screens_120x40() {
    screens_at(120, 40);
}

#[test]
fn narrow_layout_opens_navigation_over_the_text() {
    let mut a = app(40, 12);
    assert!(!a.nav_shown(), "hidden below the width for two panes");
    key(&mut a, "t");
    assert!(a.nav_shown());
    insta::assert_snapshot!("40x12_nav_overlay", screen(&a));
    // Down to the second heading and Enter: the overlay closes at that section.
    key(&mut a, "jj\n");
    assert!(!a.nav_shown());
    assert_eq!(a.current_section_name(), Some("“大平台”推动强链补链"));
}

#[test]
fn tiny_terminals_draw_without_panicking() {
    for (cols, rows) in [
        (1, 1),
        (2, 1),
        (1, 5),
        (20, 5),
        (3, 3),
        (0, 0),
        (59, 2),
        (60, 3),
    ] {
        let mut a = app(cols.max(1), rows.max(1));
        a.resize(cols, rows);
        for keys in ["", "]]", "}", "G", "?", "t", "/余\n"] {
            key(&mut a, keys);
            let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("terminal");
            let theme = Theme::new(&a.config.theme, false);
            terminal.draw(|f| ui::draw(f, &a, &theme)).expect("draw");
        }
    }
}

/// Every wide character drawn whole: its second column inside the screen and not under
/// the navigation pane's border.
fn assert_no_cut_wide_characters(buf: &Buffer, nav_border: Option<u16>, what: &str) {
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let w = buf[(x, y)].symbol().width() as u16;
            if w > 1 {
                assert!(
                    x + w <= buf.area.width,
                    "{what}: wide {:?} cut at the right edge, row {y}",
                    buf[(x, y)].symbol()
                );
                if let Some(b) = nav_border
                    && y + 1 < buf.area.height
                {
                    assert!(
                        !(x < b && x + w > b),
                        "{what}: wide character over the border at row {y}"
                    );
                }
            }
        }
        if let Some(b) = nav_border
            && y + 1 < buf.area.height
        {
            assert_eq!(
                buf[(b, y)].symbol(),
                "│",
                "{what}: border intact at row {y}"
            );
        }
    }
}

#[test]
fn no_wide_character_is_cut_at_any_size() {
    let widths = (1..=64).chain([72, 79, 80, 99, 100, 120, 130]);
    for cols in widths {
        for rows in [1u16, 3, 24] {
            for keys in ["", "]]", "}", "?", "t", "G"] {
                let mut a = app(cols, rows);
                key(&mut a, keys);
                let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("terminal");
                let theme = Theme::new(&a.config.theme, true);
                terminal.draw(|f| ui::draw(f, &a, &theme)).expect("draw");
                let g = a.geometry();
                let border = g
                    .nav
                    .filter(|_| !g.nav_over_text && a.mode().help_scroll().is_none())
                    .map(|n| n.right() - 1);
                assert_no_cut_wide_characters(
                    terminal.backend().buffer(),
                    border,
                    &format!("{cols}x{rows} after {keys:?}"),
                );
            }
        }
    }
}

#[test]
fn findings_worked_out_in_the_background_are_taken_when_asked_for() {
    let mut a = app(80, 24);
    let (tx, rx) = std::sync::mpsc::channel();
    a.pending_findings = Some(rx);
    key(&mut a, "!");
    assert!(a.mode().findings_selected().is_none());
    assert_eq!(
        a.message.as_deref(),
        Some("still checking the article; the list opens when it is done")
    );
    assert!(a.findings_awaited());
    a.poll_findings();
    assert!(a.mode().findings_selected().is_none(), "nothing came yet");
    let src = yuedu::formats::load(None, Default::default()).expect("shipped article");
    let findings = yuedu::check::check_source(&src, &a.article, &Config::defaults().check);
    tx.send(findings).expect("send");
    // The list opens when the findings come, at the reading position.
    a.poll_findings();
    assert_eq!(a.mode().findings_selected(), Some(0));
    assert_eq!(a.findings.len(), 97);
    assert!(!a.findings_awaited());

    // Esc takes the request back: the findings are kept, the list stays closed.
    let mut a = app(80, 24);
    let (tx, rx) = std::sync::mpsc::channel();
    a.pending_findings = Some(rx);
    key(&mut a, "!\x1b");
    tx.send(yuedu::check::FindingList::default()).expect("send");
    a.poll_findings();
    assert!(a.mode().findings_selected().is_none() && a.pending_findings.is_none());
}

/// The shipped article repeated past the size that is laid out a part at a time.
fn large_app(cols: u16, rows: u16) -> App {
    let text = SHIPPED_ARTICLE
        .repeat(2 * yuedu::view::app::PROGRESSIVE_LAYOUT_BYTES / SHIPPED_ARTICLE.len());
    app_for(parse(&text), "large.txt", Config::defaults(), (cols, rows)).expect("default keys")
}

#[test]
fn a_large_article_is_laid_out_a_part_at_a_time_to_the_same_lines() {
    let mut a = large_app(80, 24);
    assert!(!a.layout_complete(), "only what the screen needs at first");
    let whole = yuedu::layout::Layout::new(&a.article, &a.config.layout_options(48));
    assert!(
        a.layout.len() * 20 < whole.len(),
        "{} of {} lines at once",
        a.layout.len(),
        whole.len()
    );
    assert!(
        screen(&a).contains("laying out"),
        "progress shown:\n{}",
        screen(&a)
    );
    // The first screen is the article's first screen.
    assert!(
        a.layout
            .lines(&a.article)
            .take(20)
            .eq(whole.lines(&a.article).take(20))
    );
    // Jumps lay out as far as they go.
    key(&mut a, "]]");
    assert_eq!(a.current_section_name(), Some("“大平台”推动强链补链"));
    // The rest comes while no key is waiting; then it equals a layout done at once.
    while a.layout_more() {}
    assert!(a.layout_complete() && a.layout_progress().is_none());
    assert_eq!(a.layout.len(), whole.len());
    assert!(a.layout.lines(&a.article).eq(whole.lines(&a.article)));
    assert!(a.layout.item_starts().eq(whole.item_starts()));
    assert_eq!(
        a.current_section_name(),
        Some("“大平台”推动强链补链"),
        "the place kept"
    );
}

#[test]
fn bottom_search_and_resize_work_before_a_large_layout_is_done() {
    let mut a = large_app(80, 24);
    key(&mut a, "G");
    assert!(a.layout_complete(), "the end needs everything");
    assert!(
        screen(&a).contains("▲ 领克“超级工厂” 黄孟丹 摄"),
        "{}",
        screen(&a)
    );

    let mut a = large_app(80, 24);
    key(&mut a, "/大平台\n");
    key(&mut a, "nnnn");
    assert!(a.top > 0, "moved to a match");
    assert!(screen(&a).contains("大平台"), "{}", screen(&a));

    let mut a = large_app(100, 30);
    key(&mut a, "]]]]]]");
    let before = a.reading_pos();
    a.resize(50, 20);
    let top = a.layout.pos(&a.article, a.top).expect("top line");
    assert!(
        top <= before && before.item == top.item,
        "{before:?} vs {top:?}"
    );
}

#[test]
fn search_folds_latin_case_and_finds_chinese_as_it_is() {
    let a = app(80, 24);
    let count = |q: &str| yuedu::view::app::find_matches(&a.article, &a.items, q).len();
    assert_eq!(count("aiot"), count("AIoT"));
    assert_eq!(count("aiot"), 1);
    assert_eq!(count("al capital"), 1);
    assert_eq!(count("余姚"), 30);
    assert_eq!(count("谷志锋"), 1, "credits are searched too");
    assert_eq!(count("不在文中的词"), 0);
}

/// The shipped article repeated to about `bytes`.
fn app_of_size(bytes: usize) -> App {
    let text = SHIPPED_ARTICLE.repeat(bytes / SHIPPED_ARTICLE.len() + 1);
    app_for(parse(&text), "large.txt", Config::defaults(), (80, 24)).expect("default keys")
}

#[test]
fn a_search_of_a_large_article_goes_a_part_at_a_time_and_a_new_key_starts_it_again() {
    let mut a = app_of_size(7 << 20);
    let total = |a: &App, q: &str| yuedu::view::app::find_matches(&a.article, &a.items, q).len();
    key(&mut a, "/长");
    assert!(a.search_pending(), "a part searched when the key came");
    let first = a.search.as_ref().map_or(0, |s| s.matches.len());
    assert!(first > 0 && first < total(&a, "长"), "{first}");
    assert!(screen(&a).contains("… matches"), "{}", screen(&a));
    // The next key drops that search and starts again.
    key(&mut a, "三角");
    assert!(a.search_pending());
    // Between keys the rest is searched; then every match is there, in order.
    while a.work_more() {}
    let s = a.search.as_ref().expect("a search");
    assert_eq!(
        s.matches,
        yuedu::view::app::find_matches(&a.article, &a.items, "长三角")
    );
    assert_eq!(s.current, Some(0), "the first match after the start");
    let status = screen(&a).lines().last().unwrap_or_default().to_string();
    let all = format!("/长三角▏ {} matches", s.matches.len());
    assert!(status.starts_with(&all), "{status}");

    // Enter and n need every match: they finish the search first.
    let mut a = app_of_size(7 << 20);
    key(&mut a, "/谷志锋\n");
    assert!(!a.search_pending());
    let n = total(&a, "谷志锋");
    assert_eq!(a.search.as_ref().map(|s| s.matches.len()), Some(n));
    key(&mut a, "N");
    assert_eq!(a.search.as_ref().and_then(|s| s.current), Some(n - 1));
    assert_eq!(a.message.as_deref(), Some("search wrapped to the end"));
}

#[test]
fn a_frame_lays_out_again_only_the_items_it_shows_and_nothing_twice() {
    let mut a = large_app(80, 24);
    while a.layout_more() {}
    key(&mut a, "]]");
    let before = a.layout.items_made_again();
    let first = screen(&a);
    // 23 rows of text show at most 12 items (each item and its empty line).
    let drawn = a.layout.items_made_again() - before;
    assert!(
        (1..=12).contains(&drawn),
        "{drawn} items laid out for one frame"
    );
    assert_eq!(screen(&a), first);
    assert_eq!(
        a.layout.items_made_again() - before,
        drawn,
        "the same frame again lays out nothing"
    );
    let before = a.layout.items_made_again();
    key(&mut a, "j");
    screen(&a);
    key(&mut a, "k");
    screen(&a);
    assert!(
        a.layout.items_made_again() <= before + 1,
        "a line down and back: one new item at most"
    );
}

#[test]
fn the_help_covers_its_rows_from_edge_to_edge() {
    // Beside the navigation pane (its ▶ at the current section, its cursor on a caption
    // with the focus in it), with the pane hidden, over the pane in a narrow terminal:
    // in every row the help's box spans, nothing shows beside the box.
    for (cols, rows) in [(80, 24), (100, 30), (120, 40), (61, 20), (40, 12)] {
        for before in ["", "\t", "\tjjjjjjj", "t"] {
            let mut a = app(cols, rows);
            key(&mut a, before);
            key(&mut a, "?");
            let mut terminal = Terminal::new(TestBackend::new(cols, rows)).expect("terminal");
            let theme = Theme::new(&a.config.theme, true);
            terminal.draw(|f| ui::draw(f, &a, &theme)).expect("draw");
            let buf = terminal.backend().buffer();
            let text_rows = screen::buffer_rows(buf);
            let layout = a.help_layout();
            let w = (u16::try_from(layout.width()).expect("narrow") + 2).min(cols);
            let h = (u16::try_from(layout.height()).expect("short") + 2).min(rows - 1);
            let x0 = (cols - w) / 2;
            let top = text_rows
                .iter()
                .position(|r| r.contains("帮助 Help"))
                .expect("the help is open");
            let top = u16::try_from(top).expect("a row");
            for y in top..top + h {
                for x in (0..x0).chain(x0 + w..cols) {
                    let cell = &buf[(x, y)];
                    assert!(
                        cell.symbol() == " "
                            && !cell.modifier.contains(ratatui::style::Modifier::REVERSED),
                        "{cols}x{rows} after {before:?}: {:?} at ({x}, {y}) beside the help\n{}",
                        cell.symbol(),
                        text_rows.join("\n")
                    );
                }
            }
        }
    }
}
