//! yuedu beside `less` in a pseudo-terminal: time and bytes to the first frame, bytes and
//! latency per one-line scroll (`j`) and per page (Space), the heading jump (`]`), and
//! peak memory, on the shipped article and on 1 MB and 50 MB articles made by repeating
//! it. yuedu runs with its defaults, with the navigation pane hidden, and with
//! `scroll-margins = "on"` (whose screen vt100 does not show right: it has no left/right
//! margins; its bytes are what a terminal with margins gets).
//!
//! Run with `cargo bench --bench pty` (yuedu is built with the release profile).
//! `YUEDU_BENCH_RUNS` sets the repetitions (default 3); `YUEDU_BENCH_STARTS` the extra
//! starts that measure only the time to the first frame (default 10);
//! `YUEDU_BENCH_QUICK=1` skips the 50 MB articles, `YUEDU_BENCH_FILES=shipped,1,50`
//! picks files by the start of their label; `YUEDU_BENCH_BASELINE=PATH` adds a row for
//! another build of yuedu (say, main before a change), measured in turn with the others.
//! The binary `cargo static` makes (README, "One binary for servers") adds a row of its
//! own in Traditional script when it is there (`YUEDU_BENCH_STATIC=PATH` names another);
//! build it first, or the row measures an older build (the bench says so). Each yuedu
//! binary is copied into a temporary folder first, as an installation copies it (see
//! [`Installed`]).
//! Needs `less` on the PATH.
//!
//! "Quiet" is no output for [`QUIET`]; a key's latency is from writing the key to the
//! last byte before the quiet, its bytes are all bytes in between. Latencies are medians;
//! bytes per scroll and per page are means (the lines scrolled in differ in length, and
//! the two programs lay the text out differently: a mean over the same number of lines
//! compares them fairly), then the median of the runs.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const COLS: u16 = 80;
const ROWS: u16 = 24;
/// No output for this long means the program is done drawing.
const QUIET: Duration = Duration::from_millis(120);
/// Text the first screen of every file shows (the shipped article's banner).
const FIRST_TEXT: &str = "谱写长三角一体化新篇章";
/// [`FIRST_TEXT`] as `script = "traditional"` shows it.
const FIRST_TEXT_TRADITIONAL: &str = "譜寫長三角一體化新篇章";
/// What yuedu's status bar shows while a large file is still being read.
const LOADING: &str = "… reading";
const SCROLLS: usize = 40;
const PAGES: usize = 3;

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Everything a program wrote, with when each chunk came.
#[derive(Default)]
struct Output {
    chunks: Vec<(Instant, usize)>,
    total: usize,
    /// When the screen first showed [`FIRST_TEXT`].
    first_text: Option<Instant>,
    /// When the screen first showed the first text and no sign of a file still being
    /// read ([`LOADING`]): the whole structure is known.
    structure: Option<Instant>,
    /// Whether the screen ever said the file was still being read.
    loading_seen: bool,
}

struct Run {
    output: Arc<Mutex<Output>>,
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
    started: Instant,
}

impl Run {
    fn spawn(cmd: CommandBuilder) -> Run {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let started = Instant::now();
        let child = pair.slave.spawn_command(cmd).expect("spawn");
        drop(pair.slave);
        let output = Arc::new(Mutex::new(Output::default()));
        let nz = |n: u16| std::num::NonZeroU16::new(n).expect("non-zero");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nz(ROWS), nz(COLS), 0)));
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("writer")));
        let (o, p, w) = (
            Arc::clone(&output),
            Arc::clone(&parser),
            Arc::clone(&writer),
        );
        thread::spawn(move || {
            let mut buf = vec![0u8; 1 << 16];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let now = Instant::now();
                        if buf[..n].windows(4).any(|x| x == b"\x1b[6n") {
                            // A terminal answers the cursor position request (yuedu's
                            // ambiguous-width probe) at once: here, narrow.
                            let mut w = lock(&w);
                            let _ = w.write_all(b"\x1b[1;2R");
                            let _ = w.flush();
                        }
                        let mut p = lock(&p);
                        p.process(&buf[..n]);
                        let mut o = lock(&o);
                        o.chunks.push((now, n));
                        o.total += n;
                        if o.structure.is_none() {
                            let contents = p.screen().contents();
                            if o.first_text.is_none()
                                && (contents.contains(FIRST_TEXT)
                                    || contents.contains(FIRST_TEXT_TRADITIONAL))
                            {
                                o.first_text = Some(now);
                            }
                            o.loading_seen |= contents.contains(LOADING);
                            // The status bar drawn (its position in percent) and
                            // nothing left to read.
                            let status = p.screen().contents_between(ROWS - 1, 0, ROWS - 1, COLS);
                            if o.first_text.is_some()
                                && status.contains('%')
                                && !contents.contains(LOADING)
                            {
                                o.structure = Some(now);
                            }
                        }
                    }
                }
            }
        });
        Run {
            output,
            parser,
            writer,
            child,
            _master: pair.master,
            started,
        }
    }

    /// Waits until nothing came for [`QUIET`] after `since`; returns the time of the last
    /// byte after `since` (or `since`) and the bytes after `since`.
    fn quiet_after(&self, since: Instant, timeout: Duration) -> (Instant, usize) {
        let deadline = Instant::now() + timeout;
        loop {
            thread::sleep(Duration::from_millis(10));
            let o = lock(&self.output);
            let last = o.chunks.last().map_or(since, |c| c.0).max(since);
            if Instant::now().duration_since(last) >= QUIET || Instant::now() > deadline {
                let bytes = o.chunks.iter().filter(|c| c.0 >= since).map(|c| c.1).sum();
                return (last, bytes);
            }
        }
    }

    /// Types `key`; returns the latency to quiet and the bytes it caused.
    fn key(&mut self, key: &str) -> (Duration, usize) {
        let sent = Instant::now();
        let mut w = lock(&self.writer);
        w.write_all(key.as_bytes()).expect("write");
        w.flush().expect("flush");
        drop(w);
        let (last, bytes) = self.quiet_after(sent, Duration::from_secs(60));
        (last.duration_since(sent), bytes)
    }

    /// Waits for the first screen; returns the time to the first text and the bytes until
    /// the output went quiet.
    fn first_frame(&self) -> (Duration, usize) {
        let shown = self.first_text();
        let (_, bytes) = self.quiet_after(self.started, Duration::from_secs(60));
        (shown, bytes)
    }

    /// Waits for the first text; returns the time from the start to it.
    fn first_text(&self) -> Duration {
        let deadline = Instant::now() + Duration::from_secs(300);
        loop {
            if let Some(t) = lock(&self.output).first_text {
                return t.duration_since(self.started);
            }
            assert!(
                Instant::now() < deadline,
                "no first screen after 300 s; screen:\n{}",
                lock(&self.parser).screen().contents()
            );
            thread::sleep(Duration::from_millis(1));
        }
    }

    /// The time to the whole structure (see [`Output::structure`]), waiting for it.
    fn structure(&self) -> Duration {
        let deadline = Instant::now() + Duration::from_secs(300);
        loop {
            let o = lock(&self.output);
            match (o.structure, o.first_text) {
                // A file shown whole from the start: its structure came with it.
                (_, Some(first)) if !o.loading_seen => return first.duration_since(self.started),
                (Some(t), _) => return t.duration_since(self.started),
                _ => {}
            }
            drop(o);
            if Instant::now() > deadline {
                return Duration::MAX;
            }
            thread::sleep(Duration::from_millis(1));
        }
    }

    /// Peak resident memory (VmHWM) in kB.
    fn peak_kb(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
    }

    fn quit(mut self) {
        let mut w = lock(&self.writer);
        let _ = w.write_all(b"q");
        let _ = w.flush();
        drop(w);
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One program's figures on one file, one repetition.
#[derive(Default, Clone)]
struct Sample {
    first_ms: f64,
    structure_ms: f64,
    first_bytes: usize,
    line_bytes: Vec<usize>,
    line_ms: Vec<f64>,
    page_bytes: Vec<usize>,
    page_ms: Vec<f64>,
    heading_ms: Vec<f64>,
    peak_kb: u64,
}

#[derive(Clone, Copy)]
enum Program {
    Less,
    Yuedu,
    YueduNoNav,
    /// With `[output] scroll-margins = "on"`: vt100, the screen here, has no left/right
    /// margins, so only this row's bytes and times count, not what its screen shows.
    YueduMargins,
    /// With `[text] script = "traditional"`: the text shown in Traditional characters.
    YueduTraditional,
    /// Another build of yuedu (`YUEDU_BENCH_BASELINE=PATH`), with its defaults: a before
    /// and after measured in one run, taking turns with the others.
    Baseline,
    /// The statically linked build (`cargo static`, or `YUEDU_BENCH_STATIC=PATH`), with
    /// `[text] script = "traditional"`.
    StaticTraditional,
}

impl Program {
    fn name(self) -> &'static str {
        match self {
            Program::Less => "less",
            Program::Yuedu => "yuedu",
            Program::YueduNoNav => "yuedu, nav hidden",
            Program::YueduMargins => "yuedu, scroll margins",
            Program::YueduTraditional => "yuedu, traditional",
            Program::Baseline => "yuedu, baseline build",
            Program::StaticTraditional => "yuedu static, traditional",
        }
    }
}

fn command(program: Program, file: &Path, dir: &Path) -> CommandBuilder {
    let mut cmd = match program {
        Program::Less => CommandBuilder::new("less"),
        Program::Yuedu
        | Program::YueduNoNav
        | Program::YueduMargins
        | Program::YueduTraditional => CommandBuilder::new(&installed().yuedu),
        Program::Baseline => CommandBuilder::new(installed().baseline.as_ref().expect("baseline")),
        Program::StaticTraditional => {
            CommandBuilder::new(installed().static_build.as_ref().expect("static build"))
        }
    };
    cmd.arg(file);
    cmd.env_clear();
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "C.UTF-8");
    cmd.env("PATH", std::env::var("PATH").unwrap_or_default());
    cmd.env("HOME", dir);
    cmd.env("XDG_CONFIG_HOME", dir.join("no-config"));
    cmd.env(
        "XDG_STATE_HOME",
        dir.join(format!("state-{}", rand_suffix())),
    );
    cmd.env("LESSHISTFILE", "-");
    if let Program::YueduNoNav = program {
        let config = dir.join("no-nav.toml");
        std::fs::write(&config, "[layout]\nshow-nav = false\n").expect("config");
        cmd.env("YUEDU_CONFIG", config);
    }
    if let Program::YueduMargins = program {
        let config = dir.join("margins.toml");
        std::fs::write(&config, "[output]\nscroll-margins = \"on\"\n").expect("config");
        cmd.env("YUEDU_CONFIG", config);
    }
    if let Program::YueduTraditional | Program::StaticTraditional = program {
        let config = dir.join("traditional.toml");
        std::fs::write(&config, "[text]\nscript = \"traditional\"\n").expect("config");
        cmd.env("YUEDU_CONFIG", config);
    }
    cmd.cwd(dir);
    cmd
}

/// The yuedu binaries measured, copied as an installation copies them: a file the linker
/// has just written sits in the page cache in small pieces, and costs its first runs
/// more page faults (the kernel maps ahead only within a piece) than the same file copied
/// (`cp`, `cargo install`) or read from disk: 321 against 277 for `yuedu dump` in
/// Traditional. less is measured as installed, so yuedu is too.
struct Installed {
    yuedu: PathBuf,
    baseline: Option<PathBuf>,
    static_build: Option<PathBuf>,
}

static INSTALLED: std::sync::OnceLock<Installed> = std::sync::OnceLock::new();

fn installed() -> &'static Installed {
    INSTALLED.get().expect("the binaries are installed first")
}

/// Copies the binaries measured into `dir`.
fn install(dir: &Path) {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).expect("bin dir");
    let copy = |from: &Path, name: &str| {
        let to = bin.join(name);
        std::fs::copy(from, &to).expect("copy a binary");
        to
    };
    let _ = INSTALLED.set(Installed {
        yuedu: copy(Path::new(env!("CARGO_BIN_EXE_yuedu")), "yuedu"),
        baseline: baseline().map(|p| copy(&p, "yuedu-baseline")),
        static_build: static_build().map(|p| copy(&p, "yuedu-static")),
    });
}

/// The yuedu binary `YUEDU_BENCH_BASELINE` names, measured beside this build.
fn baseline() -> Option<PathBuf> {
    std::env::var_os("YUEDU_BENCH_BASELINE").map(PathBuf::from)
}

/// The statically linked build: `YUEDU_BENCH_STATIC`, or what `cargo static` made, when
/// it is there.
fn static_build() -> Option<PathBuf> {
    std::env::var_os("YUEDU_BENCH_STATIC")
        .map(PathBuf::from)
        .or_else(|| {
            let made = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("target/x86_64-unknown-linux-gnu/release/yuedu");
            made.is_file().then_some(made)
        })
}

/// When `path` was last changed.
fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The newest change to `path` or to any file under it.
fn newest_in(path: &Path) -> Option<std::time::SystemTime> {
    let inner = std::fs::read_dir(path).into_iter().flatten().flatten();
    let newest = inner.filter_map(|e| newest_in(&e.path())).max();
    modified(path).max(newest)
}

/// A fresh name for each run's state directory, so no run resumes another's position.
fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

fn measure(program: Program, file: &Path, dir: &Path) -> Sample {
    let mut run = Run::spawn(command(program, file, dir));
    let (first, first_bytes) = run.first_frame();
    let mut s = Sample {
        first_ms: first.as_secs_f64() * 1e3,
        first_bytes,
        ..Sample::default()
    };
    s.structure_ms = match program {
        Program::Less => f64::NAN,
        _ => run.structure().as_secs_f64() * 1e3,
    };
    for _ in 0..SCROLLS {
        let (t, b) = run.key("j");
        s.line_ms.push(t.as_secs_f64() * 1e3);
        s.line_bytes.push(b);
    }
    run.key("g");
    for _ in 0..PAGES {
        let (t, b) = run.key(" ");
        s.page_ms.push(t.as_secs_f64() * 1e3);
        s.page_bytes.push(b);
    }
    if !matches!(program, Program::Less) {
        run.key("g");
        for _ in 0..3 {
            let (t, _) = run.key("]");
            s.heading_ms.push(t.as_secs_f64() * 1e3);
        }
    }
    s.peak_kb = run.peak_kb().unwrap_or(0);
    run.quit();
    s
}

/// One start of `program` on `file`: the time to its first text, then quit.
fn first_text_ms(program: Program, file: &Path, dir: &Path) -> f64 {
    let run = Run::spawn(command(program, file, dir));
    let first = run.first_text();
    run.quit();
    first.as_secs_f64() * 1e3
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn mean(v: &[usize]) -> f64 {
    v.iter().sum::<usize>() as f64 / v.len().max(1) as f64
}

/// An article of one paragraph of about `size` bytes: the shipped article's title, then
/// a sentence of it repeated on one line.
fn one_paragraph(dir: &Path, size: usize) -> PathBuf {
    let path = dir.join("fifty-mb-one-paragraph.txt");
    let sentence = "今年，长三角的“打开方式”是“拼”！余姚紧紧抓住“抱团建群”这一关键词。";
    let mut out = String::with_capacity(size + 256);
    out.push_str("长三角一体化 谱写长三角一体化新篇章\n\n");
    while out.len() < size {
        out.push_str(sentence);
    }
    out.push('\n');
    std::fs::write(&path, out).expect("write article");
    path
}

/// An article of about `size` bytes: the shipped one, repeated.
fn repeated(dir: &Path, name: &str, size: usize) -> PathBuf {
    let text = yuedu::input::source::SHIPPED_ARTICLE;
    let path = dir.join(name);
    let mut out = String::with_capacity(size + text.len());
    while out.len() < size {
        out.push_str(text);
        out.push('\n');
    }
    std::fs::write(&path, out).expect("write article");
    path
}

fn main() {
    if std::process::Command::new("less")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!(
            "benches/pty: `less` is not installed; it is what yuedu is measured against \
             (apt-get install less)"
        );
        std::process::exit(1);
    }
    // `cargo bench` passes `--bench`; a filter or `--list` may follow. Nothing to list.
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let runs: usize = std::env::var("YUEDU_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3)
        .max(1);
    let quick = std::env::var_os("YUEDU_BENCH_QUICK").is_some();
    // Extra starts per program and file, for the time to the first frame.
    let starts_n: usize = std::env::var("YUEDU_BENCH_STARTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    // Labels to run, by their start ("shipped", "1", "50"), comma-separated.
    let only = std::env::var("YUEDU_BENCH_FILES").ok();
    let wanted = |label: &str| {
        only.as_deref()
            .is_none_or(|o| o.split(',').any(|w| label.starts_with(w.trim())))
    };
    let dir = tempfile::tempdir().expect("temp dir");
    install(dir.path());
    let shipped = dir.path().join("yuyao-yangtze-delta.txt");
    std::fs::write(&shipped, yuedu::input::source::SHIPPED_ARTICLE).expect("write");
    let mut files = vec![
        ("shipped (6.5 kB)", shipped),
        ("1 MB", repeated(dir.path(), "one-mb.txt", 1 << 20)),
    ];
    if !quick && wanted("50") {
        files.push(("50 MB", repeated(dir.path(), "fifty-mb.txt", 50 << 20)));
        files.push(("50 MB, one paragraph", one_paragraph(dir.path(), 50 << 20)));
    }
    files.retain(|(label, _)| wanted(label));
    println!(
        "yuedu vs less in a {COLS}x{ROWS} pseudo-terminal; {runs} runs \
         ({SCROLLS} j, {PAGES} pages, 3 headings each; bytes are means, times medians); quiet = {} ms without output\n",
        QUIET.as_millis()
    );
    println!(
        "| file | program | first text ms | structure ms | first frame bytes | j bytes | j ms | page bytes | page ms | ] ms | peak RSS MB |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut programs = vec![
        Program::Less,
        Program::Yuedu,
        Program::YueduNoNav,
        Program::YueduMargins,
        Program::YueduTraditional,
    ];
    if baseline().is_some() {
        programs.insert(2, Program::Baseline);
    }
    if let Some(path) = static_build() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let sources = ["src", "vendor", "Cargo.toml", "Cargo.lock", "config.toml"];
        let newest = sources
            .iter()
            .filter_map(|s| newest_in(&root.join(s)))
            .max();
        if modified(&path) < newest {
            println!(
                "note: {} is older than the sources: run `cargo static` first\n",
                path.display()
            );
        }
        programs.push(Program::StaticTraditional);
    }
    for (label, file) in &files {
        let big = label.starts_with("50");
        let reps = if big { runs.min(2) } else { runs };
        // The time to the first frame is short and the machine's noise is not: it is
        // measured over more starts, the programs taking turns so that they share it.
        let mut starts: Vec<Vec<f64>> = vec![Vec::new(); programs.len()];
        for _ in 0..starts_n {
            for (k, program) in programs.iter().enumerate() {
                starts[k].push(first_text_ms(*program, file, dir.path()));
            }
        }
        for (k, &program) in programs.iter().enumerate() {
            let samples: Vec<Sample> = (0..reps)
                .map(|_| measure(program, file, dir.path()))
                .collect();
            let all = |f: &dyn Fn(&Sample) -> Vec<f64>| -> f64 {
                median(samples.iter().flat_map(f).collect())
            };
            let mut firsts: Vec<f64> = samples.iter().map(|s| s.first_ms).collect();
            firsts.extend(&starts[k]);
            let first_ms = median(firsts);
            let structure_ms = all(&|s| vec![s.structure_ms]);
            let structure = if structure_ms.is_nan() {
                "–".to_string()
            } else {
                format!("{structure_ms:.1}")
            };
            let first_bytes = all(&|s| vec![s.first_bytes as f64]);
            let line_bytes = all(&|s| vec![mean(&s.line_bytes)]);
            let line_ms = all(&|s| s.line_ms.clone());
            let page_bytes = all(&|s| vec![mean(&s.page_bytes)]);
            let page_ms = all(&|s| s.page_ms.clone());
            let heading_ms = all(&|s| s.heading_ms.clone());
            let peak = all(&|s| vec![s.peak_kb as f64]) / 1024.0;
            let heading = if heading_ms.is_nan() {
                "–".to_string()
            } else {
                format!("{heading_ms:.2}")
            };
            println!(
                "| {label} | {} | {first_ms:.1} | {structure} | {first_bytes:.0} | {line_bytes:.0} | {line_ms:.2} | {page_bytes:.0} | {page_ms:.2} | {heading} | {peak:.1} |",
                program.name()
            );
        }
    }
}
