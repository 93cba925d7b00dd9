//! Line layout throughput: yuedu's breaker beside textwrap on the same 1 MB of Chinese
//! prose at 80 columns (the shipped article's paragraphs, repeated); parsing; drawing one
//! frame of the reader.
//!
//! Run with `cargo bench --bench layout`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use textwrap::{Options, WordSeparator};
use yuedu::article::{Article, Block, BlockKind, Parts};
use yuedu::formats::text::parse;
use yuedu::input::source::SHIPPED_ARTICLE;
use yuedu::layout::{Layout, LayoutOptions};
use yuedu::text::convert::Script;

const TARGET_BYTES: usize = 1 << 20;

/// About 1 MB of paragraphs: the shipped article's, repeated.
fn paragraphs() -> Vec<String> {
    let article = parse(SHIPPED_ARTICLE);
    let source: Vec<String> = article
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .map(|b| b.text.to_string())
        .collect();
    let mut out = Vec::new();
    let mut size = 0;
    while size < TARGET_BYTES {
        for p in &source {
            size += p.len();
            out.push(p.clone());
        }
    }
    out
}

fn article_of(paragraphs: &[String]) -> Article {
    Article {
        blocks: paragraphs
            .iter()
            .map(|t| Block {
                kind: BlockKind::Paragraph,
                text: t.as_str().into(),
                parts: Parts::one(0),
                credit: None,
                file: 0,
                styles: Default::default(),
                preformatted: false,
            })
            .collect(),
        ..Article::default()
    }
}

fn bench_layout(c: &mut Criterion) {
    let paragraphs = paragraphs();
    let bytes: usize = paragraphs.iter().map(String::len).sum();
    let article = article_of(&paragraphs);
    let opts = LayoutOptions {
        width: 80,
        ..LayoutOptions::default()
    };
    let mut group = c.benchmark_group("layout 1 MB Chinese prose at 80 columns");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("yuedu", |b| {
        b.iter(|| black_box(Layout::new(black_box(&article), &opts)).len())
    });
    let tw = Options::new(80)
        .word_separator(WordSeparator::UnicodeBreakProperties)
        .initial_indent("\u{3000}\u{3000}");
    group.bench_function("textwrap", |b| {
        b.iter(|| {
            paragraphs
                .iter()
                .map(|p| textwrap::wrap(black_box(p), &tw).len())
                .sum::<usize>()
        })
    });
    group.finish();
}

fn bench_parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(SHIPPED_ARTICLE.len() as u64));
    group.bench_function("shipped article", |b| {
        b.iter(|| parse(black_box(SHIPPED_ARTICLE)).blocks.len())
    });
    group.finish();
}

/// Drawing one frame of the reader (80×24 and 200×60) into a ratatui buffer: what every
/// key costs before the backend writes the difference.
fn bench_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("draw one frame");
    for (cols, rows, script) in [
        (80u16, 24u16, Script::AsIs),
        (200, 60, Script::AsIs),
        (80, 24, Script::Traditional),
    ] {
        let mut config = yuedu::config::Config::defaults();
        config.text.script = script;
        let mut app = yuedu::view::app::app_for(
            parse(SHIPPED_ARTICLE),
            "yuyao-yangtze-delta.txt",
            config,
            (cols, rows),
        )
        .expect("default key map");
        app.update(yuedu::view::action::Action::NextHeading);
        let theme = yuedu::ui::Theme::new(&app.config.theme, false);
        let area = ratatui::layout::Rect::new(0, 0, cols, rows);
        let mut buf = ratatui::buffer::Buffer::empty(area);
        let name = match script {
            Script::AsIs => format!("{cols}x{rows}"),
            _ => format!("{cols}x{rows}, {}", script.name()),
        };
        group.bench_function(name, |b| {
            b.iter(|| {
                buf.reset();
                yuedu::ui::render(black_box(&app), &theme, &mut buf, area);
            })
        });
    }
    group.finish();
}

/// A key through the whole reader: the action, the frame, the difference written to the
/// terminal (ratatui and `ui::wire`, scrolling the pane), alternately `j` and `k`, at 80×24.
fn bench_key(c: &mut Criterion) {
    use ratatui::layout::Size;
    use yuedu::terminal::wire::{self, ScrollMethod, View, Wire};
    use yuedu::view::action::Action;
    let mut group = c.benchmark_group("one key, action to bytes");
    for (name, method) in [
        ("80x24 j/k", ScrollMethod::ScrollUpDown),
        ("80x24 j/k, no scrolling", ScrollMethod::Off),
    ] {
        let mut app = yuedu::view::app::app_for(
            parse(SHIPPED_ARTICLE),
            "yuyao-yangtze-delta.txt",
            yuedu::config::Config::defaults(),
            (80, 24),
        )
        .expect("default key map");
        let theme = yuedu::ui::Theme::new(&app.config.theme, false);
        let backend = Wire::with_size(Vec::new(), method, Size::new(80, 24));
        let mut terminal = ratatui::Terminal::new(backend).expect("terminal");
        app.update(Action::NextHeading);
        wire::draw(&mut terminal, Some(View::of(&app)), |f| {
            yuedu::ui::draw(f, &app, &theme)
        })
        .expect("draw");
        let mut down = true;
        group.bench_function(name, |b| {
            b.iter(|| {
                app.update(if down {
                    Action::ScrollDown
                } else {
                    Action::ScrollUp
                });
                down = !down;
                wire::draw(&mut terminal, Some(View::of(&app)), |f| {
                    yuedu::ui::draw(f, &app, &theme)
                })
                .expect("draw");
                terminal.backend_mut().writer_mut().clear();
            })
        });
    }
    group.finish();
}

/// The script conversion of what one 80×24 frame shows: the shipped article's first
/// items (those the first 23 lines at 80 columns show) laid out as-is
/// and converted, dictionaries loaded beforehand (the first conversion loads them).
fn bench_convert(c: &mut Criterion) {
    use yuedu::layout::{items, layout_item};
    let article = parse(SHIPPED_ARTICLE);
    // The items the first 23 lines at 80 columns show.
    let plain = LayoutOptions {
        width: 80,
        ..LayoutOptions::default()
    };
    let mut frame = Vec::new();
    let mut shown = 0;
    for (i, it) in items(&article).iter().enumerate() {
        if shown >= 23 {
            break;
        }
        shown += layout_item(&article, it, i, &plain).len();
        frame.push((i, it));
    }
    let mut group = c.benchmark_group("lay out one 80x24 frame's items");
    for script in [Script::AsIs, Script::Traditional, Script::Taiwan] {
        let opts = LayoutOptions {
            width: 80,
            script,
            ..LayoutOptions::default()
        };
        let lines: usize = frame
            .iter()
            .map(|&(i, it)| layout_item(&article, it, i, &opts).len())
            .sum();
        assert!(lines >= 20, "{lines} lines");
        group.bench_function(script.name(), |b| {
            b.iter(|| {
                for &(i, it) in &frame {
                    black_box(layout_item(&article, it, i, &opts));
                }
            })
        });
    }
    group.finish();
}

/// Search folding on a 50 MB article (the shipped article's paragraphs repeated): a
/// query looked for through the whole text, folded (script, width, case) beside the
/// exact byte search.
fn bench_fold(c: &mut Criterion) {
    use yuedu::text::fold::{Finder, Folding};
    let mut text = String::new();
    let paragraphs = paragraphs();
    while text.len() < 50 << 20 {
        for p in &paragraphs {
            text.push_str(p);
            text.push('\n');
        }
    }
    let mut group = c.benchmark_group("search 50 MB");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    let finder = Finder::new("長三角", Folding::default()).expect("a query");
    let mut n = 0;
    finder.find_iter(&text, &mut |_| n += 1);
    assert!(n > 1000, "{n} matches");
    group.bench_function("folded (script, width, case)", |b| {
        b.iter(|| {
            let mut n = 0usize;
            finder.find_iter(black_box(&text), &mut |_| n += 1);
            n
        })
    });
    let exact = memchr::memmem::Finder::new("长三角".as_bytes());
    group.bench_function("exact bytes (memmem)", |b| {
        b.iter(|| exact.find_iter(black_box(text.as_bytes())).count())
    });
    group.finish();
}

criterion_group!(
    benches,
    bench_layout,
    bench_parse,
    bench_frame,
    bench_key,
    bench_convert,
    bench_fold
);
criterion_main!(benches);
