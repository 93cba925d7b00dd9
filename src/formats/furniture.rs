//! Page furniture that stands inside an article's body as text — the kinds of lines a
//! site or a publishing platform adds around every article, told by their shape: short,
//! made of a known vocabulary of prompts, labels and buttons, often at the end of the
//! body. Shared by the markup formats (HTML, EPUB chapters, Markdown).
//!
//! - **Prompts** to the reader ([`is_prompt`]): "請繼續往下閱讀…", "展开全文", "阅读原文"
//!   anywhere; "点击关注，获取更多…", "喜欢就点个“在看”吧" at the end of the body
//!   ([`is_tail_prompt`]). Left out: they are the page's, not the article's.
//! - **Staff lines** ([`is_staff_line`]): "编辑丨林可", "编辑/ 陈默　校对/ 刘洋",
//!   "文丨X 图丨Y" — every part a staff label, a separator and a name → a note (a
//!   photograph's credit alone, "图丨受访者提供", is a caption, as in plain text).
//! - **End marks** ("END", "- END -", "THE END") → a note, never a heading.
//! - **Notes with buttons or codes** ([`note_text`]): "【纠错】【责任编辑:孙小楠】" (the
//!   button left out), "（編輯：黃名璽）1131005" (CNA's editor with its date code,
//!   ROC year), "（本文来自…APP）", "※ 提醒您：…" (the reference mark of a notice) → notes.
//! - **Related boxes** ([`is_related_label`]): "延伸閱讀", "相关阅读", "相關新聞" over a
//!   list of links: the label and the links are left out.
//! - **Info-line counters and buttons** ([`trim_info`]): "点击数：1024【打印】【关闭】"
//!   cut from the end of an info line.
//!
//! A real paragraph that merely contains one of these words stays a paragraph: each rule
//! asks for the whole line to be of its kind (length, no sentence of its own).

use crate::article::{Block, BlockKind};
use crate::formats::markup::{is_note, trim_text};

/// Characters of a line with its decoration (punctuation, symbols, spaces) left out.
fn letters(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Prompts that are the whole line wherever they stand (decoration aside).
const PROMPTS: &[&str] = &[
    "请继续往下阅读",
    "請繼續往下閱讀",
    "继续阅读",
    "繼續閱讀",
    "继续往下看",
    "繼續往下看",
    "展开全文",
    "展開全文",
    "点击展开全文",
    "阅读全文",
    "閱讀全文",
    "点击阅读全文",
    "阅读原文",
    "閱讀原文",
    "点击阅读原文",
    "点击查看原文",
    "查看原文",
    "阅读更多",
    "閱讀更多",
    "查看更多",
    "点击查看大图",
    "查看大图",
    "返回顶部",
    "回到顶部",
    "返回首页",
    "打印",
    "关闭",
    "關閉",
    "关闭窗口",
    "纠错",
    "糾錯",
    "分享到",
    "分享至",
];

/// Phrases of a site's rights notice that forbid reprinting.
const REPRINT_BANS: &[&str] = &[
    // Any use of the text ("如无特别授权，不得擅自使用", "未经书面授权禁止使用").
    "不得擅自使用",
    "禁止使用",
    "不得使用",
    "不得擅自",
    "侵权必究",
    "侵權必究",
    "违者必究",
    "違者必究",
    "不得转载",
    "不得轉載",
    "禁止转载",
    "禁止轉載",
    "请勿转载",
    "請勿轉載",
    "不得转播",
    "不得轉播",
    "转载请联系",
    "轉載請聯繫",
    "轉載請聯絡",
    "转载请注明",
    "轉載請註明",
    "任何形式转载",
    "任何形式轉載",
    "转载请附上",
    "轉載請附上",
    "转载请保留",
    "轉載請保留",
    "转载请标明",
    "轉載請標明",
    "转载需注明",
    "轉載需註明",
    "转载须注明",
    "轉載須註明",
    "如需转载",
    "如需轉載",
];

/// Words that say whose rights a notice keeps.
const RIGHTS_WORDS: &[&str] = &[
    "版权",
    "版權",
    "授权",
    "授權",
    "本网",
    "本網",
    "本站",
    "著作权",
    "著作權",
    "许可协议",
    "許可協議",
    // A post's own footer: "本文首发于我的博客，转载请注明出处", "本文为博主原创文章".
    "本文",
    "原创",
    "原創",
    "首发",
    "首發",
    "博主",
    "博客",
    "copyright",
    "©",
    "all rights reserved",
];

/// A site's rights notice standing in the body ("本網站之文字、圖片及影音，非經授權，不得
/// 轉載…", "版权所有，未经授权不得转载"), or a post's own at its foot ("本文首发于我的
/// 博客，转载请注明出处", "版权声明：本文为博主原创文章，…转载请附上原文出处链接"): at
/// most 100 characters, forbidding a reprint or setting its terms and saying whose
/// rights it keeps. Page furniture, not the article's text.
pub(crate) fn is_rights_notice(text: &str) -> bool {
    let t = trim_text(text);
    let lower = t.to_lowercase();
    let n = t.chars().count();
    // A short line claiming the rights alone ("© 2026 滨江日报社 版权所有", "X版权所有").
    let claim = n <= 40
        && (lower.starts_with(['©', '(', '（']) && lower.contains('©')
            || lower.starts_with("copyright")
            || ["版权所有", "版權所有", "all rights reserved"]
                .iter()
                .any(|w| lower.trim_end_matches(['。', '.']).ends_with(w)));
    claim
        || n <= 100
            && REPRINT_BANS.iter().any(|w| t.contains(w))
            && RIGHTS_WORDS.iter().any(|w| lower.contains(w))
}

/// A placeholder where an advertisement is shown, with only its label ("广告",
/// "广告加载中", "推广", "Advertisement"): page furniture.
pub(crate) fn is_ad_label(text: &str) -> bool {
    matches!(
        letters(trim_text(text)).to_lowercase().as_str(),
        "广告"
            | "廣告"
            | "广告加载中"
            | "廣告載入中"
            | "廣告加載中"
            | "推广"
            | "推廣"
            | "赞助"
            | "贊助"
            | "advertisement"
            | "sponsored"
    )
}

/// A line that is only a page's links to its other pages ("共2页：上一页 1 2 下一页",
/// "上一頁 1 2 3 下一頁") or a book's to its other chapters (mdBook's and GitBook's
/// "上一章 | 下一章", "上一篇 · 下一篇"): page words, numbers, separators, nothing else.
pub(crate) fn is_pager(text: &str) -> bool {
    let t = trim_text(text);
    const NEXT: &[&str] = &["一页", "一頁", "一章", "一篇", "一节", "一節"];
    if t.chars().count() > 60 || !NEXT.iter().any(|w| t.contains(w)) {
        return false;
    }
    let mut rest = t.to_string();
    for w in [
        "上一章",
        "下一章",
        "上一篇",
        "下一篇",
        "上一节",
        "下一节",
        "上一節",
        "下一節",
        "返回目录",
        "返回目錄",
        "上一页",
        "下一页",
        "上一頁",
        "下一頁",
        "首页",
        "尾页",
        "末页",
        "首頁",
        "尾頁",
        "末頁",
        "共",
        "页",
        "頁",
        "第",
    ] {
        rest = rest.replace(w, "");
    }
    rest.chars().all(|c| {
        c.is_ascii_digit() || c.is_whitespace() || "：:|｜[]【】<>«»…,，.、·•←→".contains(c)
    })
}

/// A line that is only a prompt to the reader ("請繼續往下閱讀...", "▼展开全文"), or
/// only page buttons and counters ("【打印】【关闭】", "点击数：1024【打印】【关闭】",
/// "赞同 1024", "分享 收藏 在看 点赞").
pub(crate) fn is_prompt(text: &str) -> bool {
    let t = trim_text(text);
    if t.chars().count() > 40 {
        return false;
    }
    let l = letters(t);
    !l.is_empty()
        && (PROMPTS.contains(&l.as_str())
            || buttons_only(t)
            || trim_info(t).is_empty()
            || is_reaction_bar(t))
}

/// The buttons a platform prints under a post to react to it, with their counters
/// ("赞同 1024", "分享 收藏 在看 点赞", "讚 12 · 留言 3"): every word a reaction's
/// button or a count, and either two buttons or a button with its count (a word alone,
/// "分享", may be a heading).
fn is_reaction_bar(t: &str) -> bool {
    const REACTIONS: &[&str] = &[
        "赞同", "赞", "点赞", "在看", "分享", "收藏", "评论", "喜欢", "转发", "反对", "感谢",
        "举报", "留言", "好看", "讚", "按讚", "點讚", "贊同", "喜歡", "轉發", "評論", "舉報",
    ];
    let count = |w: &str| {
        let w = w.trim_end_matches(['万', '萬', 'k', 'K', 'w', 'W', '+']);
        !w.is_empty()
            && w.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    };
    let words: Vec<&str> = t
        .split(|c: char| {
            c.is_whitespace() || "·•|｜丨/\u{200b}\u{200c}\u{200d}\u{feff}".contains(c)
        })
        .filter(|w| !w.is_empty())
        .collect();
    let buttons = words.iter().filter(|w| REACTIONS.contains(w)).count();
    let counts = words.iter().filter(|w| count(w)).count();
    buttons + counts == words.len() && (buttons >= 2 || (buttons == 1 && counts >= 1))
}

/// A paywall's line standing in for the rest of the story ("本文為端傳媒會員專享，立即訂閱
/// 閱讀全文。"): short, naming a members' or paid text and asking to subscribe or join
/// (a sentence that only mentions a members' text is the story's).
pub(crate) fn is_paywall_notice(text: &str) -> bool {
    const WORDS: &[&str] = &[
        "会员专享",
        "會員專享",
        "会员专属",
        "會員專屬",
        "付费阅读",
        "付費閱讀",
        "付费内容",
        "付費內容",
        "订阅后阅读",
        "訂閱後閱讀",
        "订阅即可阅读",
        "訂閱即可閱讀",
    ];
    /// What the notice asks the reader to do: subscribe, join, unlock.
    const ACTIONS: &[&str] = &[
        "订阅",
        "訂閱",
        "开通",
        "開通",
        "加入会员",
        "加入會員",
        "解锁",
        "解鎖",
        "阅读全文",
        "閱讀全文",
        "登录",
        "登入",
    ];
    let t = trim_text(text);
    t.chars().count() <= 60
        && WORDS.iter().any(|w| t.contains(w))
        && ACTIONS.iter().any(|a| t.contains(a))
}

/// A publisher's or platform's remark under a story ("本内容为作者独立观点，不代表X立场",
/// "该文观点仅代表作者本人", "平台声明：…X仅提供信息存储空间服务", "如对本稿件有异议或
/// 投诉，请联系…", "X声明：此消息系转载自合作媒体，…出于传递更多信息之目的"): short
/// (100 characters at most), disowning the writer's view (or saying it is the writer's
/// alone), saying the platform only stores what its users post (信息存储空间, 信息存储
/// 服务) or reprints a story only to pass it on, or asking for complaints to be sent. The page's, not the article's, wherever
/// it stands.
pub(crate) fn is_publisher_remark(text: &str) -> bool {
    let t = trim_text(text);
    let disowns = t.contains("不代表")
        && ["立场", "立場", "观点", "觀點"]
            .iter()
            .any(|w| t.contains(w))
        && ["本文", "本内容", "本內容", "作者", "本站", "本网", "本網"]
            .iter()
            .any(|w| t.contains(w));
    let writers_own = ["仅代表作者", "僅代表作者", "只代表作者"]
        .iter()
        .any(|w| t.contains(w))
        && ["观点", "觀點", "立场", "立場", "意见", "意見"]
            .iter()
            .any(|w| t.contains(w));
    let storage = [
        "信息存储空间",
        "信息存儲空間",
        "資訊儲存空間",
        "資訊存儲空間",
        "信息存储服务",
        "信息存儲服務",
        "資訊儲存服務",
    ]
    .iter()
    .any(|w| t.contains(w))
        && ["服务", "服務"].iter().any(|w| t.contains(w));
    // A portal's word on a story it reprints: carried to pass information on, not to
    // endorse it ("此消息系转载自合作媒体，…出于传递更多信息之目的").
    let relays = ["转载", "轉載", "登载", "登載"]
        .iter()
        .any(|w| t.contains(w))
        && [
            "传递更多信息",
            "傳遞更多信息",
            "不意味着赞同",
            "不意味著贊同",
        ]
        .iter()
        .any(|w| t.contains(w))
        && ["此文", "此消息", "本文"].iter().any(|w| t.contains(w));
    let disowns = disowns || writers_own || storage || relays;
    let complaints = ["异议", "異議", "投诉", "投訴", "侵权", "侵權"]
        .iter()
        .any(|w| t.contains(w))
        && ["请联系", "請聯繫", "請聯絡", "联系", "聯繫"]
            .iter()
            .any(|w| t.contains(w))
        && ["本稿", "本文", "稿件", "内容", "內容"]
            .iter()
            .any(|w| t.contains(w));
    t.chars().count() <= 100 && (disowns || complaints)
}

/// Platforms a site promotes its own accounts or apps on.
const PLATFORMS: &[&str] = &[
    "instagram",
    "facebook",
    "twitter",
    "youtube",
    "telegram",
    "whatsapp",
    "line",
    "app",
    "vpn",
    "电子报",
    "電子報",
    "客户端",
    "客戶端",
    "微博",
    "公众号",
    "公眾號",
];

/// A promotion of the site's own accounts or app at the end of a body ("DW中文有
/// Instagram！若无法浏览，请启用VPN。", "下载X App，随时阅读"): short (60 characters at
/// most), naming a platform (a Latin name as a whole word) and inviting the reader to
/// join, follow or download it (opening with the call, or asking: 请, ！), or saying
/// the site is on it ("有Instagram"). Only asked of the
/// blocks after the body's last paragraph ([`drop_tail_prompts`]).
pub(crate) fn is_platform_promo(text: &str) -> bool {
    const CALLS: &[&str] = &[
        "关注", "關注", "订阅", "訂閱", "下载", "下載", "加入", "追踪", "追蹤", "扫码", "掃碼",
        "启用", "啟用", "好友",
    ];
    let t = trim_text(text);
    if t.chars().count() > 60 {
        return false;
    }
    let lower = t.to_lowercase();
    // Each place a platform's name stands as a word (not inside a longer Latin word).
    let named_at: Vec<usize> = PLATFORMS
        .iter()
        .flat_map(|p| {
            let lower = lower.as_str();
            lower.match_indices(p).filter_map(move |(i, m)| {
                let before = lower[..i].chars().next_back();
                let after = lower[i + m.len()..].chars().next();
                let latin = m.is_ascii();
                (!latin
                    || (before.is_none_or(|c| !c.is_ascii_alphabetic())
                        && after.is_none_or(|c| !c.is_ascii_alphabetic())))
                .then_some(i)
            })
        })
        .collect();
    // Addressed to the reader: opening with the call, asking (请, ！), or saying the
    // site is on the platform; a sentence about someone who downloaded an app is not.
    let addressed = CALLS.iter().any(|c| t.starts_with(c))
        || (CALLS.iter().any(|c| t.contains(c))
            && (t.contains('请') || t.contains('請') || t.contains('！')));
    !named_at.is_empty()
        && (addressed
            || named_at
                .iter()
                .any(|&i| lower[..i].ends_with('有') || lower[..i].ends_with("上有")))
}

/// A post's stamp as a forum or Q&A site prints it under the text: when it was written
/// or edited and where from ("编辑于 2024-11-02 21:14・IP 属地浙江", "发布于 昨天"), or
/// the place alone ("IP 属地：上海"). Short, opening with its word or naming the IP's
/// place.
pub(crate) fn is_post_stamp(text: &str) -> bool {
    const OPENERS: &[&str] = &[
        "编辑于",
        "發布於",
        "发布于",
        "發佈於",
        "編輯於",
        "更新于",
        "更新於",
        "修改于",
        "修改於",
    ];
    let t = trim_text(text);
    if t.chars().count() > 40 {
        return false;
    }
    let squeezed: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    squeezed.contains("IP属地")
        || squeezed.contains("IP屬地")
        || OPENERS.iter().any(|o| {
            t.strip_prefix(o)
                .is_some_and(|r| r.starts_with(|c: char| c.is_whitespace() || c.is_ascii_digit()))
        })
}

/// Labels of a promotion's box in a body ("播客推介", "广告", "赞助内容"): the box is not
/// the story. A short heading ending in one of them.
pub(crate) fn is_promo_label(text: &str) -> bool {
    const ENDS: &[&str] = &[
        "推介",
        "推广",
        "推廣",
        "广告",
        "廣告",
        "赞助内容",
        "贊助內容",
        "Sponsored",
        "Advertisement",
    ];
    let t = trim_text(text);
    t.chars().count() <= 8 && ENDS.iter().any(|e| t.ends_with(e))
}

/// A piece of a byline a page lists item by item ("• 周思远 • BBC中文记者 • 发自青海玉树"):
/// a reporter's role, or where the report is filed from; short, and no clause.
pub(crate) fn is_byline_piece(text: &str) -> bool {
    const ROLES: &[&str] = &[
        "记者",
        "記者",
        "通讯员",
        "通訊員",
        "撰稿人",
        "特派员",
        "特派員",
        "编辑",
        "編輯",
        "主编",
        "主編",
        "Correspondent",
        "Reporter",
        "correspondent",
        "reporter",
    ];
    let t = trim_text(text);
    // A role is a paper's name and a title, never a clause ("…的老记者").
    t.chars().count() <= 12
        && !t.contains(['的', '是', '了', '，', ','])
        && (ROLES.iter().any(|r| t.ends_with(r))
            || t.starts_with("发自")
            || t.starts_with("發自")
            || t.starts_with("Reporting from"))
}

/// Calls to follow that say so by themselves: WeChat's and apps' closing prompts.
const CALLS: &[&str] = &[
    "点击关注",
    "关注我们",
    "关注公众号",
    "关注本号",
    "欢迎关注",
    "扫码关注",
    "扫描二维码",
    "扫一扫",
    // "点击“阅读原文”，了解更多": the platform's button to the original page.
    "点击阅读原文",
    "點擊閱讀原文",
    "长按识别",
    "长按二维码",
    "“在看”",
    "点在看",
    "点个在看",
    "星标",
    "點擊關注",
    "關注我們",
    "歡迎關注",
    "掃碼",
];

/// Words of a call to like, share or save that are also everyday words ("收藏家",
/// "分享会"): a call only two together ("分享 | 收藏 | 点赞").
const WEAK_CALLS: &[&str] = &[
    "点赞",
    "分享",
    "转发",
    "收藏",
    "置顶",
    "订阅",
    "下载",
    "二维码",
    "按讚",
    "點讚",
    "訂閱",
    "下載",
    "轉發",
];

/// A call to follow, like or share at the end of a body: short (30 characters at
/// most), naming a call (or two of the everyday words of one), and not a sentence of
/// the article (it does not end in 。 or a closing quotation mark). Only asked of the
/// blocks after the last real paragraph.
pub(crate) fn is_tail_prompt(text: &str) -> bool {
    let t = trim_text(text);
    // A call that gives an address to write to ("扫码关注“X”，投稿邮箱：…") runs longer.
    let limit = if CONTACTS.iter().any(|c| t.contains(c)) {
        60
    } else {
        30
    };
    let l = letters(t);
    t.chars().count() <= limit
        && !t.ends_with(['。', '”', '」', '』'])
        && (CALLS.iter().any(|c| t.contains(c) || l.contains(c))
            || WEAK_CALLS.iter().filter(|c| t.contains(*c)).count() >= 2)
}

/// Where a call to follow gives an address: a submission box, a mail address, an account.
const CONTACTS: &[&str] = &["投稿", "邮箱", "郵箱", "信箱", "微信号", "微信號", "@"];

/// Leaves out the calls to follow, like or share ([`is_tail_prompt`]) among the blocks
/// after the body's last paragraph, looking back over notes and captions; and those
/// before its first paragraph ("点击上方蓝字关注我们" opening a WeChat article), looking
/// on over notes and captions.
pub(crate) fn drop_tail_prompts(blocks: &mut Vec<Block>) {
    let mut i = blocks.len();
    while i > 0 {
        i -= 1;
        let b = &blocks[i];
        if b.kind != BlockKind::Note && (is_tail_prompt(&b.text) || is_platform_promo(&b.text)) {
            blocks.remove(i);
        } else if !matches!(b.kind, BlockKind::Note | BlockKind::Caption) {
            break;
        }
    }
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        if b.kind == BlockKind::Paragraph && is_tail_prompt(&b.text) {
            blocks.remove(i);
        } else if matches!(b.kind, BlockKind::Note | BlockKind::Caption) {
            i += 1;
        } else {
            break;
        }
    }
}

/// Labels of the people who made a page other than its writers, and of its pictures'
/// sources.
const STAFF_LABELS: &[&str] = &[
    "责任编辑",
    "值班编辑",
    "实习编辑",
    "编辑",
    "责编",
    "审核",
    "审校",
    "初审",
    "复审",
    "终审",
    "二审",
    "三审",
    "校对",
    "编校",
    "美编",
    "排版",
    "版式",
    "设计",
    "视觉",
    "统筹",
    "监制",
    "出品",
    "出品人",
    "策划",
    "制作",
    "主编",
    "总编",
    "编审",
    "运营",
    "图片",
    "图",
    "摄影",
    "视频",
    "剪辑",
    "插图",
    "制图",
    "配图",
    "题图",
    "头图",
    "封面",
    "来源",
    "責任編輯",
    "編輯",
    "責編",
    "審核",
    "校對",
    "美編",
    "設計",
    "統籌",
    "監製",
    "製作",
    "策劃",
    "圖片",
    "圖",
    "攝影",
    "視頻",
    "影音",
    "製圖",
    "來源",
];

/// Separators between a staff label and its name.
const STAFF_SEPS: &[char] = &['丨', '｜', '|', '/', '／', '：', ':'];

/// A line of staff credits, each part "LABEL SEP NAME": "编辑丨林可", "编辑/ 陈默　校对/
/// 刘洋", "文丨X 图丨Y". At most 40 characters, no sentence marks; never a photograph's
/// credit alone ([`crate::text::chinese::credit_only`]).
pub(crate) fn is_staff_line(text: &str) -> bool {
    let t = trim_text(text);
    if t.is_empty() || t.chars().count() > 40 || t.contains(['。', '，', '！', '？', '；']) {
        return false;
    }
    // A photograph's credit alone ("图丨受访者提供", "摄影：林可") is the credit rules'
    // (a caption, as in plain text), not a staff line.
    if crate::text::chinese::credit_only(t).is_some() {
        return false;
    }
    let mut rest = t;
    let mut parts = 0;
    while !rest.is_empty() {
        // The longest label the rest starts with, then a separator.
        let Some(label) = STAFF_LABELS
            .iter()
            .filter(|l| rest.starts_with(*l))
            .max_by_key(|l| l.len())
        else {
            return false;
        };
        let after = trim_text(&rest[label.len()..]);
        let Some(after) = after.strip_prefix(STAFF_SEPS) else {
            return false;
        };
        let after = trim_text(after);
        // The name runs to the next label after a space, or to the end.
        let mut end = after.len();
        for (i, c) in after.char_indices() {
            if c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}' {
                let next = trim_text(&after[i..]);
                if STAFF_LABELS.iter().any(|l| {
                    next.strip_prefix(l)
                        .map(trim_text)
                        .is_some_and(|r| r.starts_with(STAFF_SEPS))
                }) {
                    end = i;
                    break;
                }
            }
        }
        let name = trim_text(&after[..end]);
        if name.is_empty() || name.chars().count() > 16 {
            return false;
        }
        parts += 1;
        rest = trim_text(&after[end..]);
    }
    parts > 0
}

/// An end mark: "END", "- END -", "—END—", "THE END".
pub(crate) fn is_end_mark(text: &str) -> bool {
    let t = trim_text(text);
    t.chars().count() <= 12 && matches!(letters(t).to_ascii_uppercase().as_str(), "END" | "THEEND")
}

/// Page buttons in brackets: 纠错, 打印, 关闭, 收藏, 分享, 字体/字号 (大 中 小).
const BUTTONS: &[&str] = &[
    "纠错",
    "糾錯",
    "打印",
    "列印",
    "关闭",
    "關閉",
    "关闭窗口",
    "收藏",
    "分享",
    "字体",
    "字號",
    "字号",
    "大",
    "中",
    "小",
    "返回",
    "顶部",
    "回到顶部",
    "返回顶部",
];

/// Whether `s` is only bracketed buttons: "【打印】【关闭】", "[纠错]".
fn buttons_only(s: &str) -> bool {
    let mut rest = trim_text(s);
    let mut any = false;
    while !rest.is_empty() {
        let Some(inner) = rest.strip_prefix(['【', '[', '［']) else {
            return false;
        };
        let Some(close) = inner.find(['】', ']', '］']) else {
            return false;
        };
        let word = letters(&inner[..close]);
        // "字体：大 中 小" has its letters run together: "字体大中小".
        let font = ["字体", "字號", "字号"].iter().any(|f| word.starts_with(f));
        if !BUTTONS.contains(&word.as_str()) && !font {
            return false;
        }
        any = true;
        let after = &inner[close..];
        rest = trim_text(&after[after.chars().next().map_or(0, char::len_utf8)..]);
    }
    any
}

/// Labels a post prints its own address under ("本文链接：URL", "永久链接: URL"), at its
/// foot or head: a line of such a label and an address alone is page furniture, left
/// out. (The original's address, "原文链接：URL", says where the text comes from: a
/// note, [`note_text`].)
const OWN_LINK_LABELS: &[&str] = &[
    "本文链接",
    "本文鏈接",
    "本文連結",
    "本文地址",
    "本文网址",
    "本文網址",
    "文章链接",
    "文章鏈接",
    "文章連結",
    "文章地址",
    "永久链接",
    "永久鏈接",
    "永久連結",
    "本文永久链接",
    "本文永久鏈接",
    // A Q&A site's copy of a post, its particulars over the text ("作者：X / 链接：URL
    // / 来源：知乎"): the post's own address.
    "链接",
    "鏈接",
    "連結",
    "permalink",
    "post link",
];

/// Labels of the original's address, when a text is reposted.
const SOURCE_LINK_LABELS: &[&str] = &[
    "原文链接",
    "原文鏈接",
    "原文連結",
    "原文地址",
    "原文网址",
    "原文網址",
];

/// The label a line of a label and an address alone opens with ("本文链接：https://…").
fn link_line_label(text: &str) -> Option<&str> {
    let t = trim_text(text);
    let (label, rest) = t.split_once(['：', ':'])?;
    let rest = trim_text(rest);
    let url = ["http://", "https://", "www."]
        .iter()
        .any(|p| rest.starts_with(p))
        && !rest.contains(char::is_whitespace);
    url.then(|| trim_text(label))
}

/// A post's own address under its label ("本文链接：https://…", "Permalink: https://…"):
/// page furniture, left out.
pub(crate) fn is_post_link(text: &str) -> bool {
    link_line_label(text).is_some_and(|l| OWN_LINK_LABELS.contains(&l.to_lowercase().as_str()))
}

/// The heads an editor's note opens with (编者按, 編者按, 编辑按), bracketed or not.
pub(crate) const EDITORS_NOTE_HEADS: &[&str] = &["编者按", "編者按", "编辑按", "編輯按"];

/// Words a note of the article's provenance starts with.
const PROVENANCE: &[&str] = &[
    "本文来自",
    "本文转自",
    "本文转载自",
    "本文首发于",
    "本文原载于",
    "本文经授权转载",
    "本文來自",
    "本文轉自",
    "本文轉載自",
    "本文首發於",
    "本文原載於",
    "本文經授權轉載",
    "本文原刊于",
    "本文原刊於",
    "本文原发于",
    "本文原發於",
];

/// The note a line is, when it is one only once its furniture is seen through; the
/// text to show (buttons left out). `None` for any other line — including plain
/// editor's notes, which [`is_note`] knows by itself.
///
/// - "【纠错】【责任编辑:孙小楠】" → "【责任编辑:孙小楠】";
/// - "（編輯：黃名璽）1131005" (a date code of 6 to 8 digits after the note) → itself;
/// - "（本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP）" (in brackets, at most 80
///   characters; else one sentence, at most 60) → itself;
/// - "※ 提醒您：禁止酒駕" (a notice after the reference mark ※, at most 60 characters)
///   → itself;
/// - "（实习生 王一鸣 对本文亦有贡献）" (in brackets, at most 40 characters) → itself;
/// - staff lines ([`is_staff_line`]) and end marks ([`is_end_mark`]) → themselves.
pub(crate) fn note_text(text: &str) -> Option<String> {
    let t = trim_text(text);
    if is_staff_line(t) || is_end_mark(t) {
        return Some(t.to_string());
    }
    // Buttons in brackets before or after a note.
    if t.starts_with('【') || t.ends_with('】') {
        let mut kept = String::new();
        let mut rest = t;
        let mut dropped = false;
        while let Some(inner) = rest.strip_prefix('【') {
            let Some(close) = inner.find('】') else {
                break;
            };
            let token = &rest[..'【'.len_utf8() + close + '】'.len_utf8()];
            if buttons_only(token) {
                dropped = true;
            } else {
                kept.push_str(token);
            }
            rest = trim_text(&rest[token.len()..]);
        }
        if dropped && rest.is_empty() && !kept.is_empty() && is_note(&kept) {
            return Some(kept);
        }
    }
    // A note followed by its date code.
    let code_len = t.chars().rev().take_while(|c| c.is_ascii_digit()).count();
    if (6..=8).contains(&code_len) && is_note(&t[..t.len() - code_len]) {
        return Some(t.to_string());
    }
    // The original's address ("原文链接：https://…") says where the text comes from.
    if link_line_label(t).is_some_and(|l| SOURCE_LINK_LABELS.contains(&l)) {
        return Some(t.to_string());
    }
    // Provenance under an editor's-note head ("编者按：本文来自微信公众号“X”，作者：Y，
    // 经授权发布。"): where the text comes from, not the editor's words on it.
    let opened = t.trim_start_matches(['【', '[', '■', '◆']);
    if let Some(rest) = EDITORS_NOTE_HEADS
        .iter()
        .find_map(|h| opened.strip_prefix(h))
    {
        let rest = trim_text(rest.trim_start_matches(['】', ']', '：', ':']));
        if rest.chars().count() <= 80
            && PROVENANCE.iter().any(|p| rest.starts_with(p))
            && !rest.trim_end_matches('。').contains('。')
        {
            return Some(t.to_string());
        }
    }
    // Provenance: in brackets (80 characters at most), or a line of its own that is
    // not sentences of the article (60 at most, no 。 before its end).
    let inner = t
        .strip_prefix(['（', '('])
        .and_then(|r| r.strip_suffix(['）', ')']));
    let n = t.chars().count();
    let provenance = |s: &str| PROVENANCE.iter().any(|p| s.starts_with(p));
    match inner {
        Some(inner) if n <= 80 && provenance(inner) => return Some(t.to_string()),
        None if n <= 60 && provenance(t) && !t.trim_end_matches('。').contains('。') => {
            return Some(t.to_string());
        }
        _ => {}
    }
    if t.starts_with('※') && t.chars().count() <= 60 && !letters(t).is_empty() {
        return Some(t.to_string());
    }
    // "（实习生 王一鸣 对本文亦有贡献）": who else worked on the article.
    if let Some(inner) = inner
        && n <= 40
        && ["有贡献", "有貢獻"].iter().any(|e| inner.ends_with(e))
    {
        return Some(t.to_string());
    }
    None
}

/// Whether a line is only a Markdown renderer's marker for a table of contents, left as
/// text on a page ("[TOC]", "[[toc]]", "{:toc}", "@[toc]"): left out, never a paragraph.
pub(crate) fn is_toc_marker(text: &str) -> bool {
    matches!(
        trim_text(text).to_lowercase().as_str(),
        "[toc]" | "[[toc]]" | "{:toc}" | "[[_toc_]]" | "${toc}" | "@[toc]"
    )
}

/// Whether a line is only the head of a table of contents ("文章目录", "目錄", "本文目录",
/// "Contents", "Table of Contents") or a marker for one ([`is_toc_marker`]): over the
/// box it heads, page furniture, never a heading.
pub(crate) fn is_toc_label(text: &str) -> bool {
    if is_toc_marker(text) {
        return true;
    }
    let l = letters(&trim_text(text).to_lowercase());
    matches!(
        l.as_str(),
        "目录"
            | "目錄"
            | "文章目录"
            | "文章目錄"
            | "本文目录"
            | "本文目錄"
            | "内容目录"
            | "內容目錄"
            | "contents"
            | "tableofcontents"
    )
}

/// Labels of a box of links to other articles.
const RELATED: &[&str] = &[
    "延伸阅读",
    "延伸閱讀",
    "相关阅读",
    "相關閱讀",
    "相关新闻",
    "相關新聞",
    "相关报道",
    "相關報導",
    "相关文章",
    "相關文章",
    "相关链接",
    "相關連結",
    "相关内容",
    "相關內容",
    "相关话题",
    "相關話題",
    "相关推荐",
    "相關推薦",
    "推荐阅读",
    "推薦閱讀",
    "更多阅读",
    "更多閱讀",
    "往期回顾",
    "往期回顧",
    "往期推荐",
    "精彩推荐",
    "热门推荐",
    "熱門推薦",
    "猜你喜欢",
    "猜你喜歡",
    "看更多",
    "更多新闻",
    "更多新聞",
    "今日推荐",
    "编辑推荐",
    "編輯推薦",
];

/// The label of a box of related links: "延伸閱讀", "【相关阅读】", "▶ 相關新聞：".
pub(crate) fn is_related_label(text: &str) -> bool {
    let t = trim_text(text);
    t.chars().count() <= 12 && RELATED.contains(&letters(t).as_str())
}

/// A related box printed as one line, its label, a colon and the entry ("延伸閱讀：返鄉
/// 青年的十字路口"): the number of characters after the colon (the caller asks that
/// they are a link's). `None` for any other line.
pub(crate) fn related_line_rest(text: &str) -> Option<usize> {
    let t = trim_text(text);
    // The label set apart from its link by the page's elements only ("延伸閱讀" in a
    // span, the entry in a link after it): the label is one of the known words.
    let fused = || {
        RELATED.iter().find_map(|w| {
            let rest = t.strip_prefix(w)?;
            (!rest.starts_with(['：', ':'])).then_some((*w, rest))
        })
    };
    let (label, rest) = match t.split_once(['：', ':']) {
        Some(x) => x,
        None => fused()?,
    };
    let rest = trim_text(rest);
    (is_related_label(label) && !rest.is_empty() && rest.chars().count() <= 60)
        .then(|| rest.chars().count())
}

/// Counters and buttons that end an info line.
const INFO_TAIL: &[&str] = &[
    "点击数",
    "点击量",
    "点击",
    "阅读数",
    "阅读量",
    "浏览次数",
    "浏览量",
    "浏览",
    "访问量",
    "人气",
    "閱讀數",
    "瀏覽次數",
    "點閱",
    "+关注",
    "＋关注",
    "关注",
    "關注",
    "【打印】",
    "【关闭】",
    "【纠错】",
    "【字体",
    "【收藏】",
    "[打印]",
    "[关闭]",
    "分享到",
    "字号",
    "字號",
    "字体",
    "字體",
];

/// A font-size switch's button ("A+", "A-", full-width too), as an info line's
/// last pieces print it.
fn is_font_button(piece: &str) -> bool {
    let p: String = piece
        .chars()
        .map(|c| match c {
            'Ａ' => 'A',
            '＋' => '+',
            '－' | '−' => '-',
            c => c,
        })
        .collect();
    matches!(p.as_str(), "A+" | "A-" | "A+A-" | "A-A+")
}

/// A site's reading-time estimate: "阅读约6分钟", "閱讀時間：3分鐘", "阅读 6min",
/// "5分钟读完".
fn is_reading_time(piece: &str) -> bool {
    let minutes = |s: &str, units: &[&str]| {
        let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        digits > 0 && units.contains(&s[digits..].trim_start())
    };
    let p = trim_text(piece);
    for pre in [
        "预计阅读",
        "預計閱讀",
        "阅读时间",
        "閱讀時間",
        "阅读",
        "閱讀",
    ] {
        if let Some(r) = p.strip_prefix(pre) {
            let r = r.trim_start_matches(['：', ':', ' ', '约', '約']);
            return minutes(r, &["分钟", "分鐘", "min"]);
        }
    }
    minutes(p, &["分钟读完", "分鐘讀完", "分钟阅读", "分鐘閱讀"])
}

/// Words a site counts its readers' doings with, beside the count ("阅读量1.2k", "收藏
/// 23", "点赞数 15", "56 人赞同了该文章", "赞 312", "12 条评论").
const COUNTER_WORDS: &[&str] = &[
    "阅读",
    "阅读量",
    "阅读数",
    "閱讀",
    "閱讀數",
    "閱讀量",
    "浏览",
    "浏览量",
    "瀏覽",
    "瀏覽數",
    "点击",
    "点击量",
    "點擊",
    "點閱",
    "点赞",
    "点赞数",
    "點讚",
    "點讚數",
    "赞",
    "讚",
    "赞同",
    "贊同",
    "收藏",
    "收藏数",
    "評論",
    "评论",
    "留言",
    "转发",
    "轉發",
    "转载",
    "分享",
    "在看",
    "喜欢",
    "喜歡",
    "粉丝",
    "粉絲",
    "关注者",
    "關注者",
    "人气",
    "人氣",
    "热度",
    "熱度",
    "views",
    "likes",
    "comments",
    "reads",
];

/// Whether `piece` is a count alone: digits (with a decimal point or thousands
/// separators) and a unit or magnitude ("1.2k", "1.2万", "312", "10w+", "56人").
fn is_count(piece: &str) -> bool {
    let p = piece.trim_start_matches(['：', ':']);
    let digits = p
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',')))
        .map_or(p.len(), |(i, _)| i);
    digits > 0
        && p.starts_with(|c: char| c.is_ascii_digit())
        && p[digits..].chars().count() <= 2
        && p[digits..]
            .chars()
            .all(|c| "kKwWmM万萬千+次人条條个個".contains(c))
}

/// Whether `piece` is a counter's word, as a site prints it before or after the count:
/// "收藏", "点赞数", "人赞同了该文章" (who and what after a count), "条评论".
fn is_counter_word(piece: &str) -> bool {
    let p = piece
        .trim_matches(['：', ':'])
        .trim_start_matches(['人', '次', '条', '條', '个', '個'])
        .to_lowercase();
    let p = ["了该文章", "了這篇文章", "了此文", "过", "過"]
        .iter()
        .find_map(|s| p.strip_suffix(s))
        .unwrap_or(&p);
    COUNTER_WORDS.contains(&p)
}

/// A count fused with its word: "阅读量1.2k", "阅读 1.2万" run together, "1.2万阅读",
/// "赞同 56" as one piece.
fn is_counter(piece: &str) -> bool {
    let split = piece
        .char_indices()
        .find(|(_, c)| c.is_ascii_digit())
        .map(|(i, _)| i);
    match split {
        Some(0) => {
            let end = piece
                .char_indices()
                .find(|(_, c)| !(c.is_ascii_digit() || "., kKwWmM万萬千+".contains(*c)))
                .map_or(piece.len(), |(i, _)| i);
            end < piece.len() && is_count(&piece[..end]) && is_counter_word(&piece[end..])
        }
        Some(i) => is_counter_word(&piece[..i]) && is_count(&piece[i..]),
        None => false,
    }
}

/// An info line without the widgets a site prints at its end: a font-size switch
/// ("A+　A-"), a reading-time estimate ("• 阅读约6分钟") and counters ("阅读量1.2k　收藏
/// 23　点赞数 15", "56 人赞同了该文章": a count with its word, fused or as two pieces),
/// each a piece of its own after white space or a bullet. Counters are never a name
/// nor the byline's text.
fn cut_tail_widgets(line: &str) -> &str {
    let gap = |c: char| c.is_whitespace() || matches!(c, '•' | '·' | '|' | '｜');
    // The last piece of `t` (after its last gap) and where it starts.
    let last_piece = |t: &str| -> (usize, usize) {
        let trimmed = t.trim_end_matches(gap);
        let start = trimmed
            .char_indices()
            .rev()
            .find(|(_, c)| gap(*c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        (start, trimmed.len())
    };
    let mut t = line;
    loop {
        let (start, end) = last_piece(t);
        let piece = &t[start..end];
        if piece.is_empty() {
            return t.trim_end_matches(gap);
        }
        let alone =
            start > 0 && (is_font_button(piece) || is_reading_time(piece) || is_counter(piece));
        // A count and its word as two pieces ("收藏　23", "56 人赞同了该文章").
        let pair = || {
            let head = &t[..start];
            let (ps, pe) = last_piece(head);
            let prev = &head[ps..pe];
            ((is_count(piece) && is_counter_word(prev))
                || (is_counter_word(piece) && is_count(prev)))
            .then_some(ps)
        };
        // A reading time spread over two or three pieces ("閱讀時間 4 分鐘").
        let spread = || {
            let mut ps = start;
            for _ in 0..2 {
                ps = last_piece(&t[..ps]).0;
                if ps > 0 && is_reading_time(&t[ps..end]) {
                    return Some(ps);
                }
            }
            None
        };
        if alone {
            t = &t[..start];
        } else if let Some(ps) = pair().or_else(spread) {
            t = &t[..ps];
        } else {
            return if t.len() == line.len() {
                line
            } else {
                t.trim_end_matches(gap)
            };
        }
    }
}

/// An info line without the counters and buttons at its end: "… 编辑：许琳　　点击数：1024
/// 【打印】【关闭】" → "… 编辑：许琳". Cut only where all that follows is counters,
/// buttons and their numbers.
pub(crate) fn trim_info(line: &str) -> &str {
    let line = cut_tail_widgets(line);
    let Some(cut) = INFO_TAIL.iter().filter_map(|w| line.find(w)).min() else {
        return line;
    };
    let mut rest = &line[cut..];
    loop {
        rest = trim_text(rest).trim_start_matches(['：', ':', '|', '｜']);
        rest = trim_text(rest);
        if rest.is_empty() {
            return trim_text(&line[..cut]);
        }
        if let Some(w) = INFO_TAIL.iter().find(|w| rest.starts_with(*w)) {
            rest = &rest[w.len()..];
            if w.starts_with(['【', '[']) && !w.ends_with(['】', ']']) {
                // "【字体：大 中 小】": to its closing bracket.
                match rest.find('】') {
                    Some(i) => rest = &rest[i + '】'.len_utf8()..],
                    None => return line,
                }
            }
            continue;
        }
        // Unbracketed buttons and a font-size switch ("字号：大 中 小　打印").
        if let Some(w) = BUTTONS
            .iter()
            .filter(|w| rest.starts_with(**w))
            .max_by_key(|w| w.len())
        {
            rest = &rest[w.len()..];
            continue;
        }
        let digits = rest
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, ',' | '.' | '万' | '次')))
            .map_or(rest.len(), |(i, _)| i);
        if digits > 0 {
            rest = &rest[digits..];
            continue;
        }
        if buttons_only(rest) {
            return trim_text(&line[..cut]);
        }
        let Some(end) = rest.find('】').filter(|_| rest.starts_with('【')) else {
            return line;
        };
        if !buttons_only(&rest[..end + '】'.len_utf8()]) {
            return line;
        }
        rest = &rest[end + '】'.len_utf8()..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagers_link_pages_and_chapters_and_nothing_else() {
        assert!(is_pager("共2页：上一页 1 2 下一页"));
        assert!(is_pager("上一章 | 下一章"));
        assert!(is_pager("← 上一篇 · 下一篇 →"));
        assert!(is_pager("上一節　返回目錄　下一節"));
        assert!(!is_pager("下一章讲他回乡"));
        assert!(!is_pager("上一篇文章写到了渡口"));
    }

    #[test]
    fn paywalls_post_stamps_promotions_and_byline_pieces_by_their_kind() {
        assert!(is_paywall_notice(
            "本文為端傳媒會員專享，立即訂閱閱讀全文。"
        ));
        assert!(is_paywall_notice("付费内容，开通会员后可阅读"));
        assert!(!is_paywall_notice(
            "村里有人说，会员专享的网课太贵，夜校不收钱。"
        ));
        assert!(is_post_stamp("编辑于 2024-11-02 21:14・IP 属地浙江"));
        assert!(is_post_stamp("发布于 2024-10-30 18:02"));
        assert!(is_post_stamp("IP属地：上海"));
        assert!(!is_post_stamp("编辑于是把稿子退了回来。"));
        assert!(!is_post_stamp(
            "他在帖子下面看到一行小字，写着发帖人的IP属地，是他老家的省份，这让他想了很久很久。"
        ));
        assert!(is_prompt("赞同 1024\u{200b}"));
        assert!(is_prompt("分享 收藏 在看 点赞"));
        assert!(is_prompt("讚 12 · 留言 3"));
        assert!(!is_prompt("分享"));
        assert!(!is_prompt("分享 经验"));
        assert!(is_tail_prompt("点击“阅读原文”，了解更多志愿活动"));
        assert!(is_promo_label("播客推介"));
        assert!(is_promo_label("广告"));
        assert!(!is_promo_label("一次失败的推介会之后"));
        assert!(is_byline_piece("BBC中文记者"));
        assert!(is_byline_piece("发自青海玉树"));
        assert!(!is_byline_piece("周思远"));
        assert!(!is_byline_piece("这是一位在山里待了二十年的老记者"));
        assert!(is_tail_prompt(
            "扫码关注“江边故事”，投稿邮箱：story@example.com"
        ));
        assert!(!is_tail_prompt(
            "扫码关注的人越来越多，投稿邮箱里的来信也多了起来，编辑部不得不加了两个人。"
        ));
    }

    #[test]
    fn pagers_and_rights_notices_are_furniture_sentences_about_them_are_not() {
        for t in [
            "共2页：上一页 1 2 下一页",
            "上一頁 1 2 3 下一頁",
            "第1页 | 下一页",
        ] {
            assert!(is_pager(t), "{t}");
        }
        for t in ["他翻到下一页，看到了父亲的名字。", "共2页"] {
            assert!(!is_pager(t), "{t}");
        }
        for t in [
            "本網站之文字、圖片及影音，非經授權，不得轉載、公開播送或公開傳輸及利用。",
            "版权所有，未经授权不得转载。",
        ] {
            assert!(is_rights_notice(t), "{t}");
        }
        // A sentence about reprinting that keeps no one's rights is the article's.
        assert!(!is_rights_notice(
            "他说，这些照片不得转载，是家里人的约定。"
        ));
    }

    #[test]
    fn publishers_remarks_and_platform_promos_by_their_kind() {
        assert!(is_publisher_remark(
            "本内容为作者独立观点，不代表本站立场。"
        ));
        assert!(is_publisher_remark(
            "如对本稿件有异议或投诉，请联系编辑部。"
        ));
        // A sentence of the story with the same words is the story's.
        assert!(!is_publisher_remark(
            "村民对补偿方案有异议，联系了好几次乡里。"
        ));
        assert!(!is_publisher_remark("他说这不代表他的立场。"));
        // A platform that only stores what its accounts post; a portal reprinting a
        // story to pass it on.
        assert!(is_publisher_remark(
            "特别声明：以上内容为自媒体平台“北岸号”用户上传并发布，本平台仅提供信息存储服务。"
        ));
        assert!(is_publisher_remark(
            "北岸网声明：此消息系转载自合作媒体，北岸网登载此文出于传递更多信息之目的，并不意味着赞同其观点。"
        ));
        assert!(!is_publisher_remark(
            "他把消息转载到村里的群里，想传递更多信息给外出打工的乡亲。"
        ));
        assert!(is_platform_promo(
            "HBR中文有Instagram！若无法浏览，请启用VPN。"
        ));
        assert!(is_platform_promo("下载北岸新闻App，随时阅读"));
        assert!(is_platform_promo("加入北岸新聞網LINE好友"));
        // A platform inside a Latin word, or named with no call, is no promotion.
        assert!(!is_platform_promo("她在Instagram上发了一张照片。"));
        assert!(!is_platform_promo("他下载了App，加入了村里的合作社。"));
        assert!(!is_platform_promo(
            "他们给apple园装了新围栏，加入了合作社。"
        ));
        assert!(is_prompt("阅读更多"));
        assert_eq!(
            trim_info("温叙　2026-10-12 09:15　商业　关注"),
            "温叙　2026-10-12 09:15　商业"
        );
        assert!(is_rights_notice(
            "著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。"
        ));
    }

    #[test]
    fn prompts_are_whole_lines_of_their_words() {
        assert!(is_prompt("請繼續往下閱讀..."));
        assert!(is_prompt("▼ 展开全文"));
        assert!(is_prompt("阅读原文"));
        assert!(is_prompt("【打印】【关闭】"));
        assert!(is_prompt("点击数：1024　【打印】【关闭】"));
        assert!(!is_prompt("点击数从1024涨到了三千"));
        assert!(!is_prompt("她总是读完全文再继续阅读下一篇。"));
        assert!(!is_prompt("打印机"));
    }

    #[test]
    fn calls_at_the_end_are_short_and_not_sentences() {
        assert!(is_tail_prompt("点击关注，获取更多城市故事"));
        assert!(is_tail_prompt("喜欢就点个“在看”吧"));
        assert!(is_tail_prompt("分享 | 收藏 | 点赞"));
        assert!(!is_tail_prompt(
            "她说，来这里的年轻人都喜欢把视频分享给朋友。"
        ));
        assert!(!is_tail_prompt(
            "店里的二维码是女儿做的，老人至今不会用手机收钱，却愿意每天把它擦干净摆在最显眼的地方"
        ));
        assert!(!is_tail_prompt("“欢迎关注我们的小店。”"));
        // Everyday words of the calls, alone, in a last caption or line.
        assert!(!is_tail_prompt("收藏家王先生展示他的藏品"));
        assert!(!is_tail_prompt("孩子们正在看皮影戏"));
        assert!(!is_tail_prompt("读者在分享会上交流"));
    }

    #[test]
    fn staff_lines() {
        assert!(is_staff_line("编辑丨林可"));
        assert!(is_staff_line("审核丨吴桐"));
        assert!(is_staff_line("编辑/ 陈默　校对/ 刘洋"));
        // A credit alone is a caption's, as in plain text.
        assert!(!is_staff_line("图丨受访者提供"));
        assert!(is_staff_line("責任編輯：王小明"));
        assert!(is_staff_line("责编：李四 | 审核：张三"));
        assert!(!is_staff_line("编辑部的故事很长。"));
        assert!(!is_staff_line("文丨周若溪"));
        assert!(!is_staff_line(
            "编辑：他说这件事还要再想想，明天再定，大家先回去吧"
        ));
    }

    #[test]
    fn notes_seen_through_their_furniture() {
        assert_eq!(
            note_text("【纠错】【责任编辑:孙小楠】").as_deref(),
            Some("【责任编辑:孙小楠】")
        );
        assert_eq!(
            note_text("（編輯：黃名璽）1131005").as_deref(),
            Some("（編輯：黃名璽）1131005")
        );
        assert!(note_text("（本文来自澎湃新闻，更多原创资讯请下载“澎湃新闻”APP）").is_some());
        assert!(note_text("本文原刊於《街角雜誌》第十二期，經作者授權轉載。").is_some());
        assert!(note_text("本文原刊于《河岸》杂志。").is_some());
        assert!(note_text("※ 提醒您：禁止酒駕 飲酒過量有礙健康").is_some());
        assert!(note_text("END").is_some());
        assert!(note_text("- END -").is_some());
        assert!(note_text("编辑丨林可").is_some());
        assert!(note_text("（实习生 王一鸣 对本文亦有贡献）").is_some());
        assert_eq!(note_text("他说，每个人都对这座桥有贡献。"), None);
        // Paragraphs that only hold such a word.
        assert!(note_text("本文来自微信公众号“城市笔记”，作者：周若溪").is_some());
        assert_eq!(
            note_text("本文来自一位读者的来信。他在渡口工作了三十年，还附上了几张老照片。"),
            None
        );
        assert_eq!(
            note_text(
                "本文来自一位读者的来信，他在信中讲述了自己在渡口工作三十年的经历，还附上了几张老照片，我们征得同意后整理成文，希望更多人看到这段往事。"
            ),
            None
        );
        assert_eq!(note_text("2024年共接待游客1200000"), None);
        assert_eq!(note_text("【现场】渡口的清晨"), None);
        assert_eq!(note_text("Endless river"), None);
    }

    #[test]
    fn related_labels() {
        assert!(is_related_label("延伸閱讀"));
        assert!(is_related_label("【相关阅读】"));
        assert!(is_related_label("▶ 相關新聞："));
        assert!(!is_related_label("延伸阅读的习惯"));
        assert_eq!(related_line_rest("延伸閱讀：返鄉青年的十字路口"), Some(9));
        assert_eq!(
            trim_info("2026-11-29 06:05\u{a0}来源：解放日报\u{a0}作者：周雨桐\u{a0}A+\u{3000}A-"),
            "2026-11-29 06:05\u{a0}来源：解放日报\u{a0}作者：周雨桐"
        );
        assert_eq!(
            trim_info("2026年8月8日\u{3000}• 阅读约6分钟"),
            "2026年8月8日"
        );
        assert_eq!(trim_info("林夏 · 5分钟读完"), "林夏");
        assert_eq!(trim_info("吳宜庭｜閱讀時間：3分鐘"), "吳宜庭");
        assert_eq!(
            trim_info("許立德　2026-11-20 08:15　閱讀時間 4 分鐘"),
            "許立德　2026-11-20 08:15"
        );
        assert_eq!(trim_info("阅读 6 min"), "阅读 6 min");
        // A name or a word is no widget; nor a piece standing alone.
        assert_eq!(trim_info("作者：A 组"), "作者：A 组");
        assert_eq!(trim_info("阅读约6分钟"), "阅读约6分钟");
        assert_eq!(trim_info("记者 王川　阅读"), "记者 王川　阅读");
        assert_eq!(related_line_rest("延伸阅读的习惯：每天读一点"), None);
        assert_eq!(related_line_rest("记者：延伸阅读"), None);
        // The label and its entry in elements of their own, read as one line.
        assert_eq!(related_line_rest("延伸閱讀金門推遠距醫療"), Some(7));
        assert!(is_rights_notice("© 2026 江城日报社 版权所有"));
        assert!(is_rights_notice(
            "江城日报社版权所有，未经书面授权禁止使用。"
        ));
        assert!(!is_rights_notice(
            "他说，这本书的版权所有人是他的祖父，当年稿费只有两百元，后来一直没有再版过。"
        ));
        assert!(is_ad_label("广告加载中"));
        assert!(!is_ad_label("广告公司"));
    }

    #[test]
    fn info_lines_lose_their_counters() {
        assert_eq!(
            trim_info(
                "2023-11-18 10:05:32　　来源：江南晚报　　作者：周文澜　　编辑：许琳　　点击数：1024　【打印】【关闭】"
            ),
            "2023-11-18 10:05:32　　来源：江南晚报　　作者：周文澜　　编辑：许琳"
        );
        assert_eq!(
            trim_info("2024-01-02 来源：东海日报 浏览次数：3,210 【字体：大 中 小】"),
            "2024-01-02 来源：东海日报"
        );
        assert_eq!(
            trim_info("2024-01-16 08:12　来源：南方日报　作者：黄晓婷　字号：大 中 小　打印"),
            "2024-01-16 08:12　来源：南方日报　作者：黄晓婷"
        );
        assert_eq!(
            trim_info("来源：点击科技 作者：张三"),
            "来源：点击科技 作者：张三"
        );
    }
}
