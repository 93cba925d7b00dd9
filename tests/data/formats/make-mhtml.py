#!/usr/bin/env python3
"""Writes the MHTML fixtures (tests/data/formats/*.mhtml, *.mht) from the pages below, as
Chrome and Edge save a page ("Webpage, Single File") and as older browsers did: the page
quoted-printable with soft line breaks wherever the 76th column falls (inside a character's
UTF-8 bytes too), its images and style sheet in base64. The text is written for the
project; names and places are made up. Run it from anywhere: python3 make-mhtml.py"""

import base64
import os

HERE = os.path.dirname(os.path.abspath(__file__))

PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>海边小城的夜校_城市频道_南岸晚报网</title>
<meta name="author" content="许清和">
<meta property="og:site_name" content="南岸晚报网">
<link rel="stylesheet" href="cid:css-frame@mhtml.blink">
<style>.nav a{margin:0 4px}</style>
<script>var pv="统计代码";</script>
</head><body>
<div class="nav"><a href="https://news.example/">首页</a> | <a href="https://news.example/city">城市</a> | <a href="https://news.example/login">登录</a></div>
<div class="article">
<h1>海边小城的夜校，灯亮到十点</h1>
<div class="info">2026-10-12 07:45 来源：南岸晚报 记者 许清和</div>
<p>　　晚上七点，渔港路上的夜校准时亮灯。下了班的船员、刚收摊的摊主和退休的老师，陆续走进三楼的教室。</p>
<figure><img src="https://news.example/img/yexiao.jpg" alt="夜校"><figcaption>学员们在夜校的书法课上练字。 许清和 摄</figcaption></figure>
<p>　　夜校开了三年，课程从最初的四门增加到二十多门，报名常常在几分钟内就满了。</p>
<h2>一张课表，排满一周</h2>
<p>　　周一是手机摄影，周三是粤语歌，周五是海鲜烹饪。负责排课的社工邓敏说，每门课都是学员投票选出来的。</p>
<p>　　“我们不怕课多，就怕大家不来。”邓敏笑着说，“现在是教室不够用。”</p>
<h2>老师也是邻居</h2>
<p>　　夜校的老师大多住在附近：退休的中学老师教写作，开了二十年渔船的老船长讲航海知识。</p>
<p>　　今年秋天，夜校还要搬进新修的社区中心，教室会从四间增加到十间。</p>
<div class="editor">（责任编辑：梁 静）</div>
</div>
<div class="related"><h3>相关新闻</h3><ul><li><a href="https://news.example/a/1.html">社区中心下月启用</a></li></ul></div>
<div class="ad">广告：限时优惠，点击领取</div>
<div class="footer">Copyright © 2026 南岸晚报网 版权所有</div>
</body></html>
"""

GBK_PAGE = """<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>山里的流动电影院--文化--西岭日报</title>
<meta name="author" content="韦 岚">
</head><body>
<div class="nav_top"><a href="/">首页</a><a href="/culture">文化</a></div>
<h1>山里的流动电影院</h1>
<div class="box01">2026年08月21日 来源：西岭日报 记者 韦 岚</div>
<div class="box_con">
<p>　　太阳落山，放映员龙江把幕布挂在村委会前的两棵树之间，孩子们早早搬来了小板凳。</p>
<p>　　这支流动放映队一年要走一百多个村子，放两百多场电影。</p>
<p><strong>从胶片到数字</strong></p>
<p>　　过去一台放映机要两个人抬，现在一只箱子就装得下。龙江说，最难的还是雨季的山路。</p>
<p>　　散场时已是夜里十点，山路上亮起一串手电筒的光。</p>
<div class="edit">(责编：莫 晴)</div>
</div>
<div class="copyright">西岭日报版权所有，未经书面授权禁止使用</div>
</body></html>
"""

B64_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>菜市场里的读书角</title></head><body>
<article><h1>菜市场里的读书角</h1>
<p class="byline">文／严 秋</p>
<p>　　东门菜市场的二楼，卖豆腐的摊位旁边多了一排书架。</p>
<p>　　书是街坊们捐的，借书不用登记，看完放回来就行。</p>
<p>　　摊主卢大姐说，孩子们放学后在这里写作业，等大人收摊一起回家。</p>
</article></body></html>
"""

CSS = ".article{max-width:40em}.ad{display:none}\n"
# Not a real picture: a JPEG's first bytes and filler, enough to stand in a page.
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4 + b"\xff\xd9"


def qp(data: bytes, eol: str) -> str:
    """Quoted-printable as Blink writes it: every byte outside printable ASCII, '=' and a
    space or tab before a line end as =XX, lines of at most 76 characters closed by a
    soft break '=' (where it falls, between the bytes of one character too)."""
    out, line = [], ""
    lines = data.split(b"\n")
    for n, raw in enumerate(lines):
        raw = raw.rstrip(b"\r")
        tokens = []
        for i, b in enumerate(raw):
            last = i == len(raw) - 1
            if (33 <= b <= 126 and b != 61) or (b == 32 and not last):
                tokens.append(chr(b))
            else:
                tokens.append("=%02X" % b)
        line = ""
        for t in tokens:
            if len(line) + len(t) > 75:
                out.append(line + "=")
                line = ""
            line += t
        if n < len(lines) - 1 or line:
            out.append(line)
    return eol.join(out)


def b64(data: bytes, eol: str) -> str:
    s = base64.b64encode(data).decode()
    return eol.join(s[i : i + 76] for i in range(0, len(s), 76))


def mhtml(parts, eol, boundary, location, subject, head_extra=""):
    e = eol
    out = [
        "From: <Saved by Blink>",
        "Snapshot-Content-Location: " + location,
        "Subject: " + subject,
        "Date: Mon, 12 Oct 2026 08:00:00 +0800",
        "MIME-Version: 1.0",
        "Content-Type: multipart/related;",
        '\ttype="text/html";',
        '\tboundary="' + boundary + '"',
    ]
    if head_extra:
        out.append(head_extra)
    out += ["", ""]
    for headers, body in parts:
        out.append("--" + boundary)
        out += headers
        out.append("")
        out.append(body)
    out.append("--" + boundary + "--")
    out.append("")
    return e.join(out).encode("ascii")


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


# Chrome's "Webpage, Single File": CRLF, the page quoted-printable, a style sheet and a picture.
crlf = "\r\n"
write(
    "mhtml-feature.mhtml",
    mhtml(
        [
            (
                [
                    "Content-Type: text/html; charset=utf-8",
                    "Content-ID: <frame-7F3A@mhtml.blink>",
                    "Content-Transfer-Encoding: quoted-printable",
                    "Content-Location: https://news.example/city/2026/1012/yexiao.html",
                ],
                qp(PAGE.encode("utf-8"), crlf),
            ),
            (
                [
                    "Content-Type: text/css",
                    "Content-Transfer-Encoding: quoted-printable",
                    "Content-Location: cid:css-frame@mhtml.blink",
                ],
                qp(CSS.encode(), crlf),
            ),
            (
                [
                    "Content-Type: image/jpeg",
                    "Content-Transfer-Encoding: base64",
                    "Content-Location: https://news.example/img/yexiao.jpg",
                ],
                b64(JPEG, crlf),
            ),
        ],
        crlf,
        "----MultipartBoundary--Q2x8fV3aLr0kTz7mWn5pYb9sEc4dHg1uJo6iKt----",
        "https://news.example/city/2026/1012/yexiao.html",
        "=?utf-8?Q?=E6=B5=B7=E8=BE=B9=E5=B0=8F=E5=9F=8E=E7=9A=84=E5=A4=9C=E6=A0=A1?=",
    ),
)

# An older browser's .mht: LF line ends, the page in GB2312 (named on the part) quoted-printable.
lf = "\n"
write(
    "mhtml-gbk.mht",
    mhtml(
        [
            (
                [
                    'Content-Type: text/html; charset="gb2312"',
                    "Content-Transfer-Encoding: quoted-printable",
                    "Content-Location: http://xiling.example/culture/dianying.html",
                ],
                qp(GBK_PAGE.encode("gbk"), lf),
            ),
            (
                [
                    "Content-Type: image/gif",
                    "Content-Transfer-Encoding: base64",
                    "Content-Location: http://xiling.example/img/logo.gif",
                ],
                b64(b"GIF89a" + bytes(64), lf),
            ),
        ],
        lf,
        "----=_NextPart_000_0000_01DB1C2A.5E7F3B40",
        "http://xiling.example/culture/dianying.html",
        "=?gb2312?B?" + base64.b64encode("山里的流动电影院".encode("gbk")).decode() + "?=",
    ),
)

# The page in base64, its charset named on the part.
write(
    "mhtml-base64.mhtml",
    mhtml(
        [
            (
                [
                    "Content-Type: text/html; charset=UTF-8",
                    "Content-Transfer-Encoding: base64",
                    "Content-Location: https://blog.example/dushujiao.html",
                ],
                b64(B64_PAGE.encode("utf-8"), crlf),
            ),
        ],
        crlf,
        "----MultipartBoundary--b64page----",
        "https://blog.example/dushujiao.html",
        "=?utf-8?B?" + base64.b64encode("菜市场里的读书角".encode()).decode() + "?=",
    ),
)
