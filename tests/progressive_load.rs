//! A large file opens from its first part; the whole article, read in the background,
//! takes its place without moving the reader (`App::finish_loading`).

use std::sync::Arc;
use std::sync::mpsc;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use yuedu::config::Config;
use yuedu::formats::text::parse;
use yuedu::input::source::SHIPPED_ARTICLE;
use yuedu::layout::Pos;
use yuedu::ui::{self, Theme};
use yuedu::view::app::{App, Loaded, Loading, app_for};

/// The shipped article three times, and the app showing only its first part (the
/// first copy and a half, cut after a line end) as the reader does while it reads.
fn partial_app() -> (App, String) {
    let whole = SHIPPED_ARTICLE.repeat(3);
    let half = SHIPPED_ARTICLE.len() * 3 / 2;
    let cut = whole.as_bytes()[..half]
        .iter()
        .rposition(|&b| b == b'\n')
        .expect("a line end")
        + 1;
    let mut app = app_for(
        parse(&whole[..cut]),
        "large.txt",
        Config::defaults(),
        (80, 24),
    )
    .expect("default keys");
    app.loading = Some(Loading {
        shown: cut as u64,
        total: whole.len() as u64,
        failed: false,
    });
    (app, whole)
}

fn loaded(text: &str, resume: Option<Pos>) -> Loaded {
    let (tx, findings) = mpsc::channel();
    tx.send(Default::default()).expect("send");
    Loaded {
        article: Arc::new(parse(text)),
        report: None,
        resume,
        findings,
    }
}

fn key(app: &mut App, keys: &str) {
    for c in keys.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let theme = Theme::new(&app.config.theme, true);
    terminal.draw(|f| ui::draw(f, app, &theme)).expect("draw");
    let buf = terminal.backend().buffer().clone();
    (0..24)
        .map(|y| (0..80).map(|x| buf[(x, y)].symbol()).collect::<String>() + "\n")
        .collect()
}

#[test]
fn the_whole_article_replaces_the_first_part_where_the_reader_is() {
    let (mut app, whole) = partial_app();
    let s = screen(&app);
    assert!(
        s.contains("reading"),
        "the pane says the rest is coming:\n{s}"
    );
    let headings_before = app.article.headings().count();
    // The reader moves while the rest is read: two sections on.
    key(&mut app, "]]]]");
    let section = app.current_section_name().map(str::to_string);
    let top_text = app
        .layout
        .line(&app.article, app.top)
        .expect("a top line")
        .text();
    app.finish_loading(Ok(loaded(&whole, Some(Pos { item: 3, offset: 0 }))));
    assert!(app.loading.is_none());
    let all = parse(&whole).headings().count();
    assert_eq!(app.article.headings().count(), all);
    assert!(headings_before < all, "{headings_before} of {all} at first");
    assert_eq!(app.current_section_name().map(str::to_string), section);
    assert_eq!(
        app.layout
            .line(&app.article, app.top)
            .expect("a top line")
            .text(),
        top_text,
        "the same line on top"
    );
    assert!(app.message.is_none(), "no resume: the reader had moved");
    let s = screen(&app);
    assert!(!s.contains("reading"), "{s}");
    // The findings of the whole article are there when asked for.
    key(&mut app, "!");
    assert_eq!(
        app.message.as_deref(),
        Some("no findings: yuedu check has nothing to say about this article")
    );
}

#[test]
fn a_remembered_position_is_resumed_when_the_reader_has_not_moved() {
    let (mut app, whole) = partial_app();
    let full = parse(&whole);
    let last_heading = full.headings().last().expect("headings").0;
    // Items: banner, title, byline, then blocks.
    let pos = Pos {
        item: last_heading + 3,
        offset: 0,
    };
    app.finish_loading(Ok(loaded(&whole, Some(pos))));
    assert_eq!(app.reading_pos(), pos);
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.starts_with("resumed")),
        "{:?}",
        app.message
    );
}

#[test]
fn a_failed_read_keeps_the_first_part_and_says_so() {
    let (mut app, _) = partial_app();
    app.finish_loading(Err(yuedu::view::app::LoadFailure::Load(
        yuedu::input::source::LoadError::Io {
            path: "big.txt".to_string(),
            source: std::io::Error::new(std::io::ErrorKind::PermissionDenied, "permission denied"),
        },
    )));
    let message = app.message.clone().unwrap_or_default();
    assert!(
        message.starts_with("only the first ") && message.ends_with("big.txt: permission denied"),
        "{message}"
    );
    key(&mut app, "j");
    let s = screen(&app);
    assert!(s.contains("first") && s.contains("only"), "{s}");
}

#[test]
fn an_article_read_again_since_is_not_replaced_by_the_older_read() {
    let (mut app, whole) = partial_app();
    // The file changed and was read again: that text is the newest.
    app.replace_article(parse(SHIPPED_ARTICLE), Default::default());
    assert!(app.loading.is_none());
    app.finish_loading(Ok(loaded(&whole, None)));
    assert_eq!(app.article.headings().count(), 3);
}

#[test]
fn g_while_reading_goes_to_the_real_end_once_the_file_is_in() {
    let (mut app, whole) = partial_app();
    key(&mut app, "G");
    let end_so_far = app.top;
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("still being read")),
        "{:?}",
        app.message
    );
    app.finish_loading(Ok(loaded(&whole, None)));
    assert!(app.top > end_so_far, "{} then {end_so_far}", app.top);
    // At the end: G again moves nothing.
    let top = app.top;
    key(&mut app, "G");
    assert_eq!(app.top, top);
}

#[test]
fn g_while_reading_then_moving_away_is_not_undone() {
    let (mut app, whole) = partial_app();
    key(&mut app, "Gg");
    app.finish_loading(Ok(loaded(&whole, None)));
    assert_eq!(app.top, 0, "the reader went back to the top after G");
}

#[test]
fn a_search_that_finds_nothing_in_the_first_part_is_made_again_in_the_whole() {
    // A phrase only the end of the whole article has.
    let (mut app, mut whole) = partial_app();
    whole.push_str("\n　　全文最后一段才有的句子：候鸟归来。\n");
    key(&mut app, "/候鸟归来");
    app.handle_key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
    let said = app.message.clone().unwrap_or_default();
    assert!(said.contains("read so far"), "{said}");
    app.finish_loading(Ok(loaded(&whole, None)));
    let said = app.message.clone().unwrap_or_default();
    assert!(
        said.contains("found once the whole file was read"),
        "{said}"
    );
    // Gone to it: the match is on screen (a wide character's second cell is a blank).
    let shown: String = screen(&app).chars().filter(|c| *c != ' ').collect();
    assert!(shown.contains("候鸟归来"), "{shown}");
}
