//! A fuzz campaign on the stable toolchain (the cargo-fuzz target in `fuzz/` needs
//! nightly): bytes → decode → every registered format → check, outline, dump → layout
//! at random widths → drawn through the real backend into vt100. Not part of CI; run it
//! as
//!
//! ```text
//! FUZZ_SECONDS=600 nice -n 19 cargo test --release --test fuzz_pipeline -- --ignored --nocapture
//! ```
//!
//! `FUZZ_SECONDS` (default 60) is how long it runs, `FUZZ_SEED` (default: the clock)
//! picks the inputs; a failure prints the seed and the case number and writes the input
//! to `target/fuzz-failures/`, so it can be run again alone (`FUZZ_REPLAY=path`).
//!
//! Inputs are mutations (byte flips, cuts, splices, inserted pieces, re-encodings as
//! GB18030, Big5 or UTF-16) of seeds: the test articles and pieces of the kinds that
//! went wrong before (zero-width clusters, halfwidth voiced marks, ZWJ, presentation
//! selectors, flags, escapes, bidi, NUL). Checked for each: no panic; no laid-out or
//! dumped line wider than its width; no control character in a line; nothing of the
//! article lost from the layout; the vt100 screen's text pane equals the layout.

mod common;
mod screen;

use std::sync::Arc;
use std::time::{Duration, Instant};

use common::rng::Rng;
use common::unfullwidth;
use screen::{Screen, first_difference};
use yuedu::article::Article;
use yuedu::config::Config;
use yuedu::formats::from_bytes;
use yuedu::formats::{self, Format};
use yuedu::input::source::{LoadOptions, Origin, SHIPPED_ARTICLE};
use yuedu::layout::{
    AmbiguousWidth, Layout, LayoutOptions, LineBreakLevel, PunctuationDisplay, Role, str_width,
};
use yuedu::terminal::wire::ScrollMethod;
use yuedu::text::sanitize::sanitize;
use yuedu::ui::Theme;
use yuedu::view::app::app_for;

/// Every format of the registry (`Format::ALL` is declared with the enum, so a format
/// added is fuzzed too).
fn all_formats() -> Vec<Format> {
    Format::ALL.to_vec()
}

const PIECES: &[&str] = &[
    "余姚在长三角中心“抱团建群”。",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "谷志锋 摄\n",
    "科创“共同体”激活增长极\n\n",
    "一、标题\n",
    "记者 李四\n",
    "\u{1b}]0;title\u{7}\u{1b}[2J",
    "\u{9b}31m\u{202e}\u{200b}\u{feff}\u{e000}",
    "AIoT 3.65% 2024——2028 ",
    ", ; : ! ? ( ) ",
    "\u{301}",
    "e\u{301}\u{302}",
    "中\u{301}\u{302}\u{303}\u{304}\u{305}",
    "\u{1161}",
    "\u{1100}\u{1161}\u{11A8}",
    "ｶﾞｷﾞｸﾞｹﾞ",
    "ﾞ",
    "❤\u{FE0F}",
    "⌚\u{FE0E}",
    "“\u{FE00}",
    "1\u{FE0F}\u{20E3}",
    "👨\u{200D}👩\u{200D}👧\u{200D}👦",
    "🏳\u{FE0F}\u{200D}🌈",
    "戊\u{200D}🏽",
    "\u{200D}",
    "👍🏽",
    "🇨🇳🇯",
    "🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
    "\u{17D8}",
    "\u{0}",
    "ﷺ",
    "𠀀𪚥",
];

fn seeds() -> Vec<Vec<u8>> {
    let mut out = vec![SHIPPED_ARTICLE.as_bytes().to_vec()];
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data");
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if let Ok(bytes) = std::fs::read(e.path()) {
                out.push(bytes);
            }
        }
    }
    // Saved pages in MHTML: their mutations are sniffed as MHTML and unpacked.
    for name in ["mhtml-feature.mhtml", "mhtml-gbk.mht", "mhtml-base64.mhtml"] {
        if let Ok(bytes) = std::fs::read(format!("{dir}/formats/{name}")) {
            out.push(bytes);
        }
    }
    out.extend(PIECES.iter().map(|p| p.as_bytes().to_vec()));
    out
}

/// A seed, mutated a few times, kept under 64 KiB.
fn input(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let pick = |rng: &mut Rng| seeds[rng.below(seeds.len())].clone();
    let mut b = pick(rng);
    if b.len() > 8192 && rng.chance(2) {
        let start = rng.below(b.len() - 4096);
        b = b[start..start + 4096].to_vec();
    }
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(b.len() + 1);
        match rng.below(9) {
            0 if !b.is_empty() => {
                let i = rng.below(b.len());
                b[i] ^= 1 << rng.below(8);
            }
            1 => {
                let end = (at + rng.below(64)).min(b.len());
                b.drain(at..end);
            }
            2 | 3 => {
                let p = PIECES[rng.below(PIECES.len())].as_bytes();
                let n = 1 + rng.below(4);
                for _ in 0..n {
                    b.splice(at..at, p.iter().copied());
                }
            }
            4 => {
                let other = pick(rng);
                let s = rng.below(other.len() + 1);
                let e = (s + rng.below(512)).min(other.len());
                b.splice(at..at, other[s..e].iter().copied());
            }
            5 => {
                let n = rng.below(16);
                let random: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                b.splice(at..at, random);
            }
            6 => {
                // Re-encoded: a legacy Chinese encoding or UTF-16 without a BOM.
                let text = String::from_utf8_lossy(&b).into_owned();
                b = match rng.below(4) {
                    0 => encoding_rs::GB18030.encode(&text).0.into_owned(),
                    1 => encoding_rs::BIG5.encode(&text).0.into_owned(),
                    2 => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
                    _ => text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
                };
            }
            7 => {
                // A long line or a long run of one character.
                let p = PIECES[rng.below(PIECES.len())].as_bytes();
                let n = 16 + rng.below(200);
                let run: Vec<u8> = p.iter().copied().cycle().take(p.len() * n).collect();
                b.splice(at..at, run);
            }
            _ => {
                let end = (at + rng.below(256)).min(b.len());
                let dup = b[at..end].to_vec();
                b.splice(at..at, dup);
            }
        }
        b.truncate(64 * 1024);
    }
    b
}

fn non_blank(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The article's text as the layout must show it, without decoration and blanks: every
/// item in the layout's order, the head's lines (kicker, column, subtitle, dateline…)
/// as much as the blocks.
fn wanted(article: &Article) -> String {
    let mut want = String::new();
    for item in yuedu::layout::items(article).iter() {
        let (text, credit) = yuedu::layout::item_text(article, item);
        want.push_str(&sanitize(text));
        if let Some(c) = credit {
            want.push_str(&sanitize(c));
        }
    }
    non_blank(&want)
}

/// One input through the whole pipeline; `Err` says what went wrong.
fn run_one(bytes: &[u8], rng: &mut Rng) -> Result<(), String> {
    let force = rng.chance(3);
    let opts = LoadOptions {
        encoding: None,
        force,
        format: None,
    };
    let Ok(src) = from_bytes(bytes.to_vec(), Origin::Stdin, "(fuzz)", opts) else {
        return Ok(()); // refused (binary): nothing to show, and no panic
    };
    let config = Config::defaults();
    for format in all_formats() {
        let text = Arc::clone(&src.text);
        let article = formats::parse_shared(format, &text);
        let _ = yuedu::check::check_source(&src, &article, &config.check);
        let _ = yuedu::commands::outline::to_json(&article, None);
        let _ = yuedu::commands::outline::to_text(&article, "fuzz", None);
        let want_all = wanted(&article);
        for _ in 0..2 {
            let most = if rng.chance(2) { 12 } else { 160 };
            let width = 2 + rng.below(most);
            let ambiguous = if rng.chance(2) {
                AmbiguousWidth::Wide
            } else {
                AmbiguousWidth::Narrow
            };
            let lopts = LayoutOptions {
                width,
                ambiguous,
                line_break: [
                    LineBreakLevel::Basic,
                    LineBreakLevel::Gb,
                    LineBreakLevel::Strict,
                ][rng.below(3)],
                punctuation: if rng.chance(2) {
                    PunctuationDisplay::Fullwidth
                } else {
                    PunctuationDisplay::AsIs
                },
                ..LayoutOptions::default()
            };
            let mut want = want_all.clone();
            let layout = Layout::new(&article, &lopts);
            let mut shown = String::new();
            for line in layout.lines(&article) {
                let t = line.text();
                let w = str_width(&t, ambiguous);
                if w > width {
                    return Err(format!("laid-out line {t:?} is {w} columns at {width}"));
                }
                if t.chars().any(char::is_control) {
                    return Err(format!("control character in {t:?}"));
                }
                for span in line.spans.iter().filter(|s| s.role != Role::Decoration) {
                    shown.push_str(&span.text);
                }
            }
            if lopts.punctuation == PunctuationDisplay::Fullwidth {
                // Display only: ，；：！？（） stand for the ASCII marks between Chinese.
                shown = shown.chars().map(unfullwidth).collect();
                want = want.chars().map(unfullwidth).collect();
            }
            if non_blank(&shown) != want {
                return Err(format!("text lost at width {width}: {shown:?} vs {want:?}"));
            }
            let dumped = yuedu::commands::dump::to_text(&article, &lopts);
            for line in dumped.lines() {
                let w = str_width(line, ambiguous);
                if w > width {
                    return Err(format!("dumped line {line:?} is {w} columns at {width}"));
                }
            }
        }
        // Drawn: vt100 draws ambiguous characters narrow, so the screen is compared in
        // narrow mode; wide mode is drawn too, for panics.
        let cols = 12 + rng.below(140) as u16;
        let rows = 4 + rng.below(40) as u16;
        for amb in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
            let mut config = Config::defaults();
            config.text.ambiguous_width = amb;
            let mut app = app_for(article.clone(), "fuzz.txt", config, (cols, rows))
                .map_err(|e| e.to_string())?;
            let theme = Theme::new(&app.config.theme, false);
            let method = if rng.chance(2) {
                ScrollMethod::ScrollUpDown
            } else {
                ScrollMethod::Off
            };
            let mut screen = Screen::new(cols, rows, method);
            for step in 0..4 {
                if step > 0 {
                    let by = 1 + rng.below(usize::from(rows));
                    if app.top + by >= app.layout.len() {
                        break;
                    }
                    app.top += by;
                }
                screen.draw(&app, &theme);
                if amb == AmbiguousWidth::Narrow
                    && let Some(d) = first_difference(&app, screen.vt.screen())
                {
                    return Err(format!(
                        "screen differs from the layout at {cols}x{rows}: {d}"
                    ));
                }
            }
        }
    }
    Ok(())
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

#[test]
#[ignore = "a fuzz campaign: run it on purpose (see the module doc)"]
fn fuzz_the_whole_pipeline() {
    let seconds = env_u64("FUZZ_SECONDS").unwrap_or(60);
    let seed = env_u64("FUZZ_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
            | 1
    });
    if let Ok(path) = std::env::var("FUZZ_REPLAY") {
        let bytes = std::fs::read(&path).expect("replay file");
        let mut rng = Rng(seed);
        if let Err(e) = run_one(&bytes, &mut rng) {
            panic!("{path} (seed {seed}): {e}");
        }
        return;
    }
    let seeds = seeds();
    let mut rng = Rng(seed);
    let start = Instant::now();
    let mut cases = 0u64;
    while start.elapsed() < Duration::from_secs(seconds) {
        let bytes = input(&mut rng, &seeds);
        let case_seed = rng.next() | 1;
        let mut case_rng = Rng(case_seed);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run_one(&bytes, &mut case_rng)
        }));
        let failure = match result {
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(e),
            Err(p) => Some(
                p.downcast_ref::<String>()
                    .cloned()
                    .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "panic".to_string()),
            ),
        };
        if let Some(e) = failure {
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/target/fuzz-failures");
            let _ = std::fs::create_dir_all(dir);
            let path = format!("{dir}/case-{seed}-{cases}.bin");
            let _ = std::fs::write(&path, &bytes);
            panic!(
                "case {cases} of seed {seed} failed: {e}\n\
                 input: {path}\nreplay: FUZZ_REPLAY={path} FUZZ_SEED={case_seed}"
            );
        }
        cases += 1;
    }
    eprintln!("fuzz_pipeline: {cases} inputs in {seconds} s (seed {seed}), no failure");
}
