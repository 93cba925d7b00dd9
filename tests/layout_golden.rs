//! Golden test: pins the exact layout (every line's spans, roles, source ranges, width
//! and position) of the shipped article, the test prose and a generated stress text
//! across widths, ambiguous modes, line-break levels and punctuation modes.
//!
//! Two golden files per text set (`articles`, `stress`) in `tests/golden/`:
//! `layout_hashes_SET.txt`, one hash per article and options (all widths), which says
//! which options changed; and `layout_lines_SET.txt`, the lines themselves at a few
//! widths, which shows the first lines that changed. After a
//! change on purpose, `YUEDU_BLESS=1 cargo test --test layout_golden` rewrites them (then
//! read the diff).

mod common;

use yuedu::article::{Article, HeaderLine};
use yuedu::formats::text::parse;
use yuedu::input::source::SHIPPED_ARTICLE;
use yuedu::layout::{
    AmbiguousWidth, Layout, LayoutOptions, Line, LineBreakLevel, PunctuationDisplay, Role,
};

/// FNV-1a, 64 bit: stable across Rust releases, unlike `DefaultHasher`.
struct Fnv(u64);

impl Fnv {
    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn num(&mut self, n: usize) {
        self.bytes(&(n as u64).to_le_bytes());
    }
}

fn role_code(r: Role) -> usize {
    match r {
        Role::Banner => 1,
        Role::Title => 2,
        Role::Byline => 3,
        Role::Heading => 4,
        Role::Body => 5,
        Role::Caption => 6,
        Role::Credit => 7,
        Role::Decoration => 8,
        Role::Notation => 9,
        Role::Note => 10,
    }
}

fn hash_line(h: &mut Fnv, l: &Line) {
    h.num(l.pos.item);
    h.num(l.pos.offset);
    h.num(l.width);
    h.num(l.spans.len());
    for s in &l.spans {
        h.num(role_code(s.role));
        match &s.src {
            Some(r) => {
                h.num(1);
                h.num(r.start);
                h.num(r.end);
            }
            None => h.num(0),
        }
        h.num(s.text.len());
        h.bytes(s.text.as_bytes());
    }
}

/// Tokens of every kind the breaker treats specially.
const TOKENS: &[&str] = &[
    "长三角",
    "一体化",
    "余姚",
    "科创",
    "共同体",
    "，",
    "。",
    "、",
    "；",
    "：",
    "？",
    "！",
    "“",
    "”",
    "‘",
    "’",
    "（",
    "）",
    "《",
    "》",
    "——",
    "……",
    "—",
    "…",
    "·",
    "～",
    "％",
    "￥",
    "/",
    "%",
    "$",
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "'",
    "-",
    "AIoT",
    "Yuyao",
    "www.",
    "example",
    "3.65",
    "1,200",
    "2024",
    "😀",
    "👍🏽",
    "👨\u{200D}👩\u{200D}👧",
    "❤\u{FE0F}",
    "e\u{301}",
    "\u{301}",
    "“\u{FE00}",
    "”\u{FE01}",
    "\u{200B}",
    "\u{3000}",
    " ",
    "  ",
    "\t",
    " \u{301}",
    "\u{200D}",
    "中\u{FE0F}",
    "a\u{308}",
    "\u{1100}\u{1161}\u{11A8}",
    "\r\n",
    "\n",
    "\u{1F1E8}\u{1F1F3}",
    "ｱ",
    "ﾞ",
    "⸺",
    "⋯⋯",
    "‥",
    "【",
    "】",
    "℃",
    "№",
    "▲",
    "★",
    "€",
    "abcdefghijklmnopqrstuvwxyzabcdefghij",
    "\u{7f}",
    "\u{1}",
    "é",
    "\u{20000}",
    "\u{FF0C}",
    "\u{0300}\u{0301}",
    "\u{E000}",
];

/// A deterministic pseudo-random text of `n` tokens.
fn stress_text(seed: u64, n: usize) -> String {
    let mut x = seed;
    let mut out = String::new();
    for _ in 0..n {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        out.push_str(TOKENS[((x >> 33) as usize) % TOKENS.len()]);
    }
    out
}

fn stress_article() -> Article {
    let header = |text: String| Some(HeaderLine::new(text, 0));
    Article {
        banner: header(stress_text(1, 30)),
        title: header(stress_text(2, 20)),
        byline: header(stress_text(3, 10)),
        blocks: vec![
            common::heading(&stress_text(4, 40)),
            common::paragraph(&stress_text(5, 400)),
            common::caption(&stress_text(6, 60), &stress_text(7, 12)),
            common::caption(&stress_text(8, 5), " "),
            common::paragraph(""),
            common::paragraph(&stress_text(9, 400)),
        ],
        ..Article::default()
    }
}

/// The options every golden layout is made with, but the width: a name for each.
fn option_sets() -> Vec<(String, LayoutOptions)> {
    let mut out = Vec::new();
    for ambiguous in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
        for line_break in [
            LineBreakLevel::Basic,
            LineBreakLevel::Gb,
            LineBreakLevel::Strict,
        ] {
            for punctuation in [PunctuationDisplay::AsIs, PunctuationDisplay::Fullwidth] {
                for indent in ["\u{3000}\u{3000}", ""] {
                    let name = format!(
                        "{ambiguous:?} {line_break:?} {punctuation:?} indent={}",
                        indent.chars().count()
                    );
                    let o = LayoutOptions {
                        width: 0,
                        ambiguous,
                        line_break,
                        punctuation,
                        indent: indent.to_string(),
                        ..LayoutOptions::default()
                    };
                    out.push((name, o));
                }
            }
        }
    }
    out
}

/// One hash per article and option set, over `widths`: `NAME OPTIONS: HASH` lines.
fn hashes(
    articles: &[(&str, Article)],
    widths: impl Iterator<Item = usize> + Clone,
) -> Vec<String> {
    let mut out = Vec::new();
    for (name, a) in articles {
        for (options, o) in option_sets() {
            let mut h = Fnv(0xcbf2_9ce4_8422_2325);
            for width in widths.clone() {
                let o = LayoutOptions { width, ..o.clone() };
                let layout = Layout::new(a, &o);
                h.num(layout.len());
                for s in layout.item_starts() {
                    h.num(s);
                }
                for l in layout.lines(a) {
                    hash_line(&mut h, &l);
                }
            }
            out.push(format!("{name} {options}: {:016x}", h.0));
        }
    }
    out
}

/// A line as text: position, width, then each span's role, source range and text.
fn line_text(l: &Line) -> String {
    let mut out = format!("{}:{} w{}", l.pos.item, l.pos.offset, l.width);
    for s in &l.spans {
        let src = s
            .src
            .as_ref()
            .map_or_else(|| "-".to_string(), |r| format!("{}..{}", r.start, r.end));
        out.push_str(&format!(" | {}@{src} {:?}", role_code(s.role), s.text));
    }
    out
}

/// The lines of each article at `widths`, as-is and full-width (narrow, GB level,
/// indented), each layout under a `# NAME OPTIONS width=W` line.
fn lines(articles: &[(&str, Article)], widths: &[usize]) -> Vec<String> {
    let mut out = Vec::new();
    for (name, a) in articles {
        for (options, o) in option_sets() {
            if !options.starts_with("Narrow Gb") || !options.ends_with("indent=2") {
                continue;
            }
            for &width in widths {
                out.push(format!("# {name} {options} width={width}"));
                let o = LayoutOptions { width, ..o.clone() };
                let layout = Layout::new(a, &o);
                out.extend(layout.lines(a).map(|l| line_text(&l)));
            }
        }
    }
    out
}

/// Compares `got` with the golden file `name` (rewrites it under `YUEDU_BLESS=1`); on a
/// difference, fails naming the first lines that differ.
fn assert_golden(name: &str, got: &[String]) {
    let path = format!("{}/tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("YUEDU_BLESS").is_some() {
        let mut text = got.join("\n");
        text.push('\n');
        std::fs::write(&path, text).expect("write the golden file");
        return;
    }
    let want = std::fs::read_to_string(&path).expect("the golden file");
    let want: Vec<&str> = want.lines().collect();
    if want == got {
        return;
    }
    let mut report = Vec::new();
    let mut heading = "";
    for i in 0..want.len().max(got.len()) {
        let (w, g) = (want.get(i).copied(), got.get(i).map(String::as_str));
        if let Some(h) = w.filter(|w| w.starts_with('#')) {
            heading = h;
        }
        if w != g {
            report.push(format!(
                "{name}:{}: (under {heading:?})\n  want {w:?}\n  got  {g:?}",
                i + 1
            ));
            if report.len() == 8 {
                break;
            }
        }
    }
    let changed = want
        .iter()
        .zip(got)
        .filter(|(w, g)| **w != g.as_str())
        .count()
        + want.len().abs_diff(got.len());
    panic!(
        "{changed} of {} lines of tests/golden/{name} changed; the first:\n{}\n\
         (a change on purpose: YUEDU_BLESS=1 cargo test --test layout_golden)",
        want.len(),
        report.join("\n")
    );
}

fn real_articles() -> [(&'static str, Article); 2] {
    let prose =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/prose.txt"))
            .expect("prose.txt");
    [
        ("shipped", parse(SHIPPED_ARTICLE)),
        ("prose", parse(&prose)),
    ]
}

#[test]
fn shipped_article_and_prose_layout_is_unchanged() {
    let articles = real_articles();
    assert_golden("layout_lines_articles.txt", &lines(&articles, &[20, 80]));
    assert_golden("layout_hashes_articles.txt", &hashes(&articles, 8..=120));
}

#[test]
fn stress_text_layout_is_unchanged() {
    // Changed on purpose: DEL, U+0001 and U+E000 in the stress text are laid out as
    // visible notation (`^?`, `^A`, `<U+E000>`), kept whole unless the width is narrower
    // than the notation; a cluster wider than the whole line is cut into its characters.
    // Full-width punctuation looks through quotes and the marks Chinese and Latin text
    // share (“ ” … —), as `check` does. And again: a cluster keeps the columns a
    // terminal drawing it character by character needs (a ZWJ sequence, an emoji with a
    // modifier or VS15), no break goes before a cluster that starts with a zero-width
    // character, a text starting with one gets a base (◌), and a cluster shown with a
    // full-width mark is measured as shown.
    let articles = [("stress", stress_article())];
    assert_golden("layout_lines_stress.txt", &lines(&articles, &[20, 80]));
    assert_golden(
        "layout_hashes_stress.txt",
        &hashes(&articles, (0..=40).chain([57, 80, 119, 200])),
    );
}
