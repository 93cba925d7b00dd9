#!/usr/bin/env bash
# Saved pages: yuedu beside what a user would pick instead.
#
#   benches/formats.sh            # ~2 minutes; installs w3m and trafilatura when missing
#   YUEDU_BENCH_RUNS=9 benches/formats.sh
#
# - first frame: spawn → the article's first sentence on the screen of an 80×24
#   pseudo-terminal (read through the pty, escapes stripped), `yuedu PAGE` beside
#   `w3m PAGE`, on a 200 KB saved page and on a 50 MB one (median of the runs);
# - extraction: `yuedu outline --json PAGE` (parse, extract, print the structure) beside
#   trafilatura's command line (the page on standard input) and its `extract()` called
#   in Python (import time not counted), median of the runs. trafilatura takes minutes
#   on the 50 MB page: YUEDU_BENCH_QUICK=1 skips it there.
# The pages are made here by repeating a page written for the project
# (tests/data/formats/people-shape-gbk.html's shape, UTF-8), no real article text.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${YUEDU_BENCH_RUNS:-5}

command -v w3m >/dev/null || apt-get install -y w3m >/dev/null
python3 -c 'import trafilatura' 2>/dev/null || pip install -q trafilatura lxml_html_clean
cargo build --release --quiet
YUEDU=$PWD/target/release/yuedu
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 - "$WORK" <<'EOF'
import sys
work = sys.argv[1]
head = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>山村小学的第一间科学教室_教育_南江网</title>
<meta name="author" content="吴桐"><script>var a=1;</script><style>.x{}</style></head><body>
<div class="nav"><a href="/">首页</a><a href="/edu">教育</a></div>
<div class="route"><a href="/">南江网</a>&gt;&gt;<a href="/edu/">教育</a></div>
<h1>山村小学的第一间科学教室</h1><div class="box01">2026年09月03日08:15 | 来源：南江日报</div>
<div class="rm_txt_con">
"""
para = """<p style="text-indent: 2em;">第{i}段：开学第一天，青竹小学的孩子们走进了学校的第一间科学教室。教室里摆着二十台显微镜，窗边立着一架天文望远镜，孩子们轮流观察树叶和洋葱的细胞。</p>
"""
sub = """<p><strong>第{i}节 从“听科学”到“做科学”</strong></p>
<p style="text-align:center"><img src="/img/{i}.jpg"></p><p style="text-align:center">孩子们在科学教室里用显微镜观察树叶。 吴桐 摄</p>
"""
tail = """<div class="edit">(责编：孙雨)</div></div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="/1">一条相关新闻</a></li></ul></div>
<div class="footer">版权所有</div><script>track();</script></body></html>
"""
for name, size in (("page-200k.html", 200 * 1024), ("page-50m.html", 50 * 1024 * 1024)):
    out, i = [head], 0
    total = len(head.encode())
    while total < size:
        s = (sub if i % 20 == 0 else "") + para
        s = s.format(i=i)
        out.append(s)
        total += len(s.encode())
        i += 1
    out.append(tail)
    open(f"{work}/{name}", "w", encoding="utf-8").write("".join(out))
EOF

python3 - "$WORK" "$YUEDU" "$RUNS" <<'EOF'
import os, pty, re, select, statistics, subprocess, sys, time
work, yuedu, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
ansi = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>]|\x1b\][^\x07]*\x07")
MARK = "第0段"

def first_frame(argv):
    pid, fd = pty.fork()
    if pid == 0:
        env = dict(os.environ, TERM="xterm-256color", LINES="24", COLUMNS="80",
                   XDG_CONFIG_HOME="/nonexistent", XDG_STATE_HOME=work)
        os.execvpe(argv[0], argv, env)
    import fcntl, struct, termios
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    start, buf, took = time.perf_counter(), b"", None
    while time.perf_counter() - start < 60:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            buf += chunk
            if MARK in ansi.sub(b"", buf).decode("utf-8", "replace").replace(" ", ""):
                took = time.perf_counter() - start
                break
    for key in (b"q", b"q"):
        try:
            os.write(fd, key)
        except OSError:
            pass
    time.sleep(0.1)
    try:
        os.kill(pid, 9)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return took

def timed(argv, stdin=None):
    t = time.perf_counter()
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as f:
        subprocess.run(argv, stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t

def med(xs):
    xs = [x for x in xs if x is not None]
    return f"{statistics.median(xs) * 1000:8.0f} ms" if xs else "   (none)"

for name in ("page-200k.html", "page-50m.html"):
    page = f"{work}/{name}"
    n = runs if "200k" in name else max(1, runs // 2)
    print(f"{name} ({os.path.getsize(page) / 1024:.0f} KB)")
    y = [first_frame([yuedu, page]) for _ in range(n)]
    w = [first_frame(["w3m", "-T", "text/html", page]) for _ in range(n)]
    print(f"  first frame     yuedu {med(y)}   w3m {med(w)}")
    o = [timed([yuedu, "outline", "--json", page]) for _ in range(n)]
    if os.environ.get("YUEDU_BENCH_QUICK") and "50m" in name:
        print(f"  extraction      yuedu outline {med(o)}   (trafilatura skipped)")
        continue
    # The page on standard input (--input-file is a list of URLs).
    t = [timed(["trafilatura"], stdin=page) for _ in range(n)]
    inproc = subprocess.run([sys.executable, "-c", f"""
import time, trafilatura
html = open({page!r}, encoding='utf-8').read()
ts = []
for _ in range({n}):
    t = time.perf_counter(); trafilatura.extract(html); ts.append(time.perf_counter() - t)
ts.sort(); print(ts[len(ts) // 2])
"""], capture_output=True, text=True, timeout=3600)
    try:
        ex = [float(inproc.stdout.strip())]
    except ValueError:
        ex = [None]
    print(f"  extraction      yuedu outline {med(o)}   trafilatura CLI {med(t)}   trafilatura.extract() {med(ex)}")
EOF
