//! A saved article page → [`Article`], as a browser's reader mode reads it.
//!
//! The page is parsed by html5ever (the HTML standard's tokenizer and tree builder, with
//! every named and numeric character reference) into scraper's arena tree
//! ([`dom`]); the character set was settled before, from the BOM, valid UTF-8, the
//! meta ([`crate::input::charset`]) or detection. Then:
//!
//! 1. **Furniture** is never read: scripts, styles, iframes, forms, `nav`, `aside`,
//!    `footer`, hidden elements, and elements whose class or id names navigation,
//!    breadcrumbs, sharing, related links, comments, ads, sidebars or a copyright;
//!    in the body, furniture is known by its kind of line ([`furniture`]): prompts,
//!    calls to follow and related boxes left out, staff lines and end marks as notes.
//! 2. **The article's container** is found by scoring, as readability does: each
//!    paragraph-like element's text (Chinese characters, commas, minus its links)
//!    scores its parent in full and its grandparent by half; a container named
//!    article/content/text/detail scores a quarter more; a container mostly of links
//!    scores less. The best one is the article.
//! 3. **The header** comes from the page: the headline is the `h1` (else a heading
//!    or block the `<title>` names — `div.title > h2`, an old CMS's
//!    `div.article_title` with its `<br>——` subtitle, an element its class names the
//!    title whose text is a whole part of the `<title>`, the site's name first in the
//!    `<title>` or not — else og:title, else `<title>` without the channel and site
//!    name after `_`, `-` or `|`; a series tag after a bar, "｜01深度", is left out);
//!    a standfirst between headline and body (lead, summary, deck…), outside the
//!    story's container or opening it, is the subtitle when one short paragraph (40
//!    characters, two sentences at most: `is_deck`), else the lead paragraphs; the info
//!    line under it — often split into byline, time and source elements, whose pieces
//!    are parted by "　" rather than glued — gives date, source and authors
//!    ([`markup::parse_info`]), and one or two above it give date and source; the
//!    element right above the `h1` is the kicker (named kicker/pretitle/pre, a heading,
//!    or a short line), the one right under it the subtitle (starting with ——, named
//!    sub/subtitle/deck, or a heading outside the container); the column comes from the
//!    breadcrumb's last entry (named, labelled 当前位置, or by its shape: 首页 > … links),
//!    else article:section, else a label named a column (a row of tag links is none),
//!    else a post's `rel="category"` link, else the `<title>`'s channel, never a URL slug nor the
//!    headline again; the page's own 来源 beats a WeChat account name, meta source and
//!    og:site_name (without the 来源： label); a byline set as a list (name, role,
//!    发自 place), an author block's `itemprop=name`, meta author (never a URL),
//!    JSON-LD's people, article:published_time, JSON-LD's datePublished, `<time
//!    datetime>` and a "发布于 …" line fill the rest; the column is never the
//!    publication. Every head line keeps the line it stands on; one from meta that the page
//!    does not print (a byline from meta author) stands with the headline.
//! 4. **Blocks**, in document order inside the container: `h2`–`h6` and bold-only short
//!    paragraphs ([`markup::bold_line_is_heading`]; bold by `b`/`strong` or by a
//!    `font-weight` style) are headings; `figcaption`, an
//!    image's caption paragraph (centred, named as a caption, or ending in a credit) or
//!    a meaningful `alt` are captions with their credits ([`markup::split_credit`]);
//!    editor lines are notes ([`markup::is_note`]); list items and table rows are
//!    paragraphs of their own. A caption before the container is kept when it is
//!    inside the article element around it or after the headline (a lead photo, a
//!    photo album); one after it, up to the end of the container's parent.
//!
//! Each block keeps the source line of the element it came from ([`dom::LINE_ATTR`]).
//!
//! The extraction is ours rather than a readability crate's. Tried on four pages written
//! in the shapes of people.com.cn, udn.com, a portal of `<br>` text and the shared case:
//! `dom_smoothie` 0.19 (a port of Mozilla's Readability.js, maintained) kept the text of
//! two pages right but left breadcrumbs, an ad, share buttons and related links in the
//! other two, gave the `<title>` with channel and site name as the headline on all four,
//! and found no date on three; `readability` 0.3 (older html5ever, little maintained)
//! ran paragraphs together in its text. Neither says where in the source a paragraph
//! stood, which `check` and the reader's jumps need, nor reads a Chinese info line,
//! breadcrumb, credit or editor's note. The parser is html5ever through scraper
//! (maintained with html5ever by the same project's users, selectors for free): its
//! arena tree (ego_tree, nodes in one `Vec`) is built, walked and dropped without
//! recursion, so a page nested 100 000 deep is no risk to the stack.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use ego_tree::NodeRef;
use ego_tree::iter::Edge;
use scraper::node::Element;
use scraper::{Html, Node};

use crate::article::{Article, BlockKind};
use crate::formats::furniture::{self, EDITORS_NOTE_HEADS};
use crate::formats::markup::{
    self, Builder, Header, SourceLines, SourcePos, collapse_ws, is_note, parse_info, trim_text,
};
use crate::text::chinese::is_han;

pub(crate) mod dom;
#[cfg(test)]
mod head_tests;
pub(crate) mod syntax;

/// Parses a saved page (decoded text) into an article with a text buffer of its own.
pub fn parse(text: &Arc<String>) -> Article {
    let mut doc = dom::parse_document(text);
    reveal_hidden_body(&mut doc);
    let idx = SourceLines::new(text);
    extract(&doc, &idx)
}

/// Elements never read as text.
const SKIPPED_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "svg",
    "math",
    "canvas",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "head",
    "audio",
    "video",
    "map",
    "link",
    "meta",
    "title",
    "dialog",
    // AMP's advertisement and tracking elements (an ad's "广告加载中" placeholder).
    "amp-ad",
    "amp-embed",
    "amp-sticky-ad",
    "amp-analytics",
    "amp-auto-ads",
];

/// Class or id words that mark furniture, as whole words ("nav", "ad") or as the start
/// of one ("breadcrumb…", "share…").
const FURNITURE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "crumb",
    "crumbs",
    "breadcrumb",
    "breadcrumbs",
    "footer",
    "foot",
    "share",
    "sharing",
    "social",
    "related",
    "relate",
    "recommend",
    "comment",
    "comments",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "adsbygoogle",
    "sidebar",
    "side",
    "copyright",
    "login",
    "toolbar",
    "hot",
    "hotnews",
    "rank",
    "ranking",
    "tags",
    "pager",
    "pagination",
    "subscribe",
    "qrcode",
    "ewm",
    "gotop",
    "backtop",
    "popup",
    "modal",
    "cookie",
    "search",
    "logo",
    "topbar",
    "sitemap",
    "friendlink",
    "links",
    "widget",
    "sponsor",
    "promo",
    // An author's badge (Zhihu's .AuthorInfo-badge: "大气科学硕士，科普作者"): what the
    // site says of the writer, never a name nor the byline.
    "badge",
    "location",
    "position",
    "dqwz",
    "route",
];

/// Word starts that mark furniture ("breadcrumb-list", "sharebox", "relatedNews").
const FURNITURE_PREFIXES: &[&str] = &[
    "breadcrumb",
    "crumb",
    "share",
    "related",
    "recommend",
    "comment",
    "advert",
    "sidebar",
    "copyright",
    "navbar",
    "social",
    "qrcode",
    "footer",
];

/// Class or id words of a standfirst (导语, 摘要): the text between the headline and
/// the body that sums the story up (`div.leading`, `.p-article__lead`,
/// `.article-summary`, `div.subhead`, `.abstract`, French sites' `.chapo`, a
/// `p.teaser-text`).
const LEAD_WORDS: &[&str] = &[
    "lead",
    "leading",
    "standfirst",
    "summary",
    "abstract",
    "chapo",
    "teaser",
    "digest",
    "excerpt",
    "intro",
    "deck",
    "dek",
    "subhead",
    "zhaiyao",
    "daoyu",
    "daodu",
];

/// Class or id words of an article's container.
const CONTENT_WORDS: &[&str] = &[
    "article", "content", "text", "body", "detail", "main", "post", "entry", "story", "con", "txt",
    "editor", "zw", "news",
];

/// Block-level elements: each starts and ends a block of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "pre",
    "address",
    "hr",
    "center",
    "caption",
    "details",
    "summary",
    "body",
    "html",
    "br",
    // (Read only when it holds notes: [`is_furniture`].)
    "aside",
];

fn words(el: &Element) -> Vec<String> {
    word_pieces(el).into_iter().map(|(w, _)| w).collect()
}

/// A class's or id's words, lowercased: split at anything not an ASCII letter or digit
/// and at camelCase humps (relatedNews → related, news); each with whether a hump
/// follows it in the same word (`ad` of adEditor: the start of a camelCase word).
fn word_pieces(el: &Element) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    for v in el.attr("class").into_iter().chain(el.id()) {
        let mut cur = String::new();
        for c in v.chars() {
            if c.is_ascii_alphanumeric() {
                if c.is_ascii_uppercase() && !cur.is_empty() {
                    out.push((std::mem::take(&mut cur), true));
                }
                cur.push(c.to_ascii_lowercase());
            } else if !cur.is_empty() {
                out.push((std::mem::take(&mut cur), false));
            }
        }
        if !cur.is_empty() {
            out.push((cur, false));
        }
    }
    out
}

/// Whole class names that hide their element.
const HIDING_CLASSES: &[&str] = &["hide", "hidden", "d-none", "is-hidden"];

/// Furniture words that, on a link or an image, name a lightbox: the photo shown large.
const LIGHTBOX_WORDS: &[&str] = &["popup", "modal"];

/// Furniture words too short to be read at the start of a camelCase word: `ad` is an
/// ad in ad, ads, ad-box, banner-ad, topAd, never in adEditor (nor address, admin).
const WHOLE_WORDS_ONLY: &[&str] = &["ad", "ads"];

/// Whether an element is furniture: never read as text.
pub(crate) fn is_furniture(el: &Element) -> bool {
    let name = el.name();
    // A book's or page's notes are text, in an `<aside>` too (EPUB 3's footnotes).
    if marks_notes(el) {
        return false;
    }
    if SKIPPED_TAGS.contains(&name) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    // A class that only hides its element (class="hide", Bootstrap's d-none); pieces
    // of a class (hidden-xs: hidden on phones only) are not it.
    if el.attr("class").is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|c| HIDING_CLASSES.contains(&c))
    }) {
        return true;
    }
    if el.attr("style").is_some_and(|s| style_hides(s, true)) {
        return true;
    }
    if el
        .attr("role")
        .is_some_and(|r| matches!(r, "navigation" | "banner" | "contentinfo" | "complementary"))
    {
        return true;
    }
    // A footnote's reference and its way back (DPUB-ARIA doc-noteref, doc-backlink;
    // EPUB's epub:type noteref, backlink: Pandoc's "1" and "↩︎") link to the note; the
    // note itself is read where it stands.
    if el
        .attr("role")
        .is_some_and(|r| matches!(r, "doc-noteref" | "doc-backlink"))
        || el.attr("epub:type").is_some_and(|t| {
            t.split_ascii_whitespace()
                .any(|t| matches!(t, "noteref" | "backlink"))
        })
    {
        return true;
    }
    // A link or image named a popup or modal opens the photo large (a lightbox:
    // "image-popup-vertical-fit"); it is the article's photo, not an overlay.
    let lightbox = matches!(el.name(), "a" | "img" | "picture");
    word_pieces(el).iter().any(|(w, hump_follows)| {
        (FURNITURE_WORDS.contains(&w.as_str())
            && !(*hump_follows && WHOLE_WORDS_ONLY.contains(&w.as_str()))
            && !(lightbox && LIGHTBOX_WORDS.contains(&w.as_str())))
            || FURNITURE_PREFIXES.iter().any(|p| w.starts_with(p))
    })
}

/// A style's declarations, each as (property, value) lowercased without white space.
fn declarations(style: &str) -> impl Iterator<Item = (String, String)> + '_ {
    style.split(';').filter_map(|d| {
        let (p, v) = d.split_once(':')?;
        let squeeze = |t: &str| -> String {
            t.chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase()
        };
        Some((squeeze(p), squeeze(v)))
    })
}

/// Whether a declaration hides its element: `display:none` always; `visibility:hidden`
/// and `opacity:0` (a body a script reveals once loaded, as WeChat's saved pages have
/// it) only when `soft` is asked for.
fn hides(prop: &str, value: &str, soft: bool) -> bool {
    let value = value.trim_end_matches("!important");
    match prop {
        "display" => value == "none",
        "visibility" => soft && matches!(value, "hidden" | "collapse"),
        "opacity" => {
            soft && value
                .trim_end_matches('%')
                .parse::<f64>()
                .is_ok_and(|o| o == 0.0)
        }
        _ => false,
    }
}

/// Whether a `style` attribute hides its element (`soft`: counting the ways a script
/// undoes, `visibility:hidden` and `opacity:0`).
fn style_hides(style: &str, soft: bool) -> bool {
    declarations(style).any(|(p, v)| hides(&p, &v, soft))
}

/// Shows the element a script would reveal: the outermost element hidden only by
/// `visibility:hidden` or `opacity:0` that holds more than half of the page's text
/// (characters outside furniture, white space left out) has those declarations taken
/// out of its `style`, so it is read as the article. Others stay hidden furniture; an
/// element hidden by `display:none` or the `hidden` attribute is never shown.
pub(crate) fn reveal_hidden_body(doc: &mut Html) {
    let mut total = 0usize;
    let mut best: Option<(usize, ego_tree::NodeId)> = None;
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut soft: Option<(ego_tree::NodeId, usize)> = None;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(n) => {
                if skip.is_some() {
                    continue;
                }
                match n.value() {
                    Node::Element(el) => {
                        let soft_hidden = el.attr("style").is_some_and(|s| style_hides(s, true));
                        let hard = el.attr("style").is_some_and(|s| style_hides(s, false));
                        if hard || (!soft_hidden && is_furniture(el)) {
                            skip = Some(n.id());
                        } else if soft_hidden && soft.is_none() {
                            // Hidden only softly: furniture by its other marks stays so.
                            let mut shown = el.clone();
                            shown.attrs.retain(|(k, _)| &*k.local != "style");
                            if is_furniture(&shown) {
                                skip = Some(n.id());
                            } else {
                                soft = Some((n.id(), 0));
                            }
                        }
                    }
                    Node::Text(t) => {
                        let c = t.text.chars().filter(|c| !c.is_whitespace()).count();
                        total += c;
                        if let Some((_, n)) = soft.as_mut() {
                            *n += c;
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(n) => {
                if skip == Some(n.id()) {
                    skip = None;
                } else if let Some((id, count)) = soft
                    && id == n.id()
                {
                    soft = None;
                    if best.is_none_or(|(b, _)| count > b) {
                        best = Some((count, id));
                    }
                }
            }
        }
    }
    let Some((count, id)) = best else { return };
    if count * 2 <= total {
        return;
    }
    if let Some(mut node) = doc.tree.get_mut(id)
        && let Node::Element(el) = node.value()
    {
        for (k, v) in el.attrs.iter_mut() {
            if &*k.local == "style" {
                let kept: Vec<&str> = v
                    .split(';')
                    .filter(|d| {
                        d.split_once(':').is_none_or(|(p, val)| {
                            let (p, val) = (
                                p.trim().to_ascii_lowercase(),
                                val.trim().to_ascii_lowercase(),
                            );
                            !hides(&p, &val.replace(' ', ""), true)
                        })
                    })
                    .collect();
                let kept = kept.join(";");
                v.clear();
                v.push_slice(&kept);
            }
        }
    }
}

fn element(node: NodeRef<'_, Node>) -> Option<&Element> {
    node.value().as_element()
}

/// Whether `el` holds a book's or page's notes (DPUB-ARIA doc-endnotes, doc-footnote,
/// doc-endnote; EPUB's epub:type footnote(s), endnote(s), rearnote(s)).
fn marks_notes(el: &Element) -> bool {
    el.attr("role")
        .is_some_and(|r| matches!(r, "doc-endnotes" | "doc-footnote" | "doc-endnote"))
        || el.attr("epub:type").is_some_and(|t| {
            t.split_ascii_whitespace().any(|t| {
                matches!(
                    t,
                    "footnote" | "footnotes" | "endnote" | "endnotes" | "rearnote" | "rearnotes"
                )
            })
        })
}

/// Whether `el` is a formatting element the page wrote, not one the tree builder
/// reopened around later text ([`dom::REOPENED_ATTR`]): the reopened one styles
/// nothing and links nothing.
fn written(el: &Element) -> bool {
    el.attr(dom::REOPENED_ATTR).is_none()
}

/// A link the page wrote.
fn link(el: &Element) -> bool {
    el.name() == "a" && written(el)
}

/// Counts of one paragraph-like element's text.
#[derive(Default, Clone, Copy)]
struct Tally {
    chars: usize,
    link_chars: usize,
    commas: usize,
}

/// The article's body: its container's pieces in document order (the container and
/// the siblings that join it), and the siblings between them left out.
#[derive(Default)]
struct Body<'a> {
    pieces: Vec<NodeRef<'a, Node>>,
    /// Between pieces before the container: read as the outside (the head's lines).
    aside: HashSet<ego_tree::NodeId>,
    /// Between pieces after it: left out (ads, pagers, share bars).
    left_out: HashSet<ego_tree::NodeId>,
}

/// The article's container: the element whose paragraphs score most (readability's
/// way), and the siblings that join it ([`join_siblings`]); no pieces when the page has
/// no text outside furniture.
fn find_root<'a>(doc: &'a Html) -> Body<'a> {
    // Text per nearest block ancestor, furniture left out (skipped subtrees).
    let mut tallies: HashMap<ego_tree::NodeId, Tally> = HashMap::new();
    let mut skip: Option<ego_tree::NodeId> = None;
    let mut link_depth = 0usize;
    let mut blocks: Vec<ego_tree::NodeId> = Vec::new();
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(n) => {
                if skip.is_some() {
                    continue;
                }
                if let Some(el) = element(n) {
                    if is_furniture(el) {
                        skip = Some(n.id());
                        continue;
                    }
                    if link(el) {
                        link_depth += 1;
                    }
                    if BLOCK_TAGS.contains(&el.name()) && el.name() != "br" {
                        blocks.push(n.id());
                    }
                } else if let Node::Text(t) = n.value()
                    && let Some(&b) = blocks.last()
                {
                    let e = tallies.entry(b).or_default();
                    let n_chars = t.text.chars().filter(|c| !c.is_whitespace()).count();
                    e.chars += n_chars;
                    if link_depth > 0 {
                        e.link_chars += n_chars;
                    }
                    e.commas += t.text.matches(['，', ',', '。']).count();
                }
            }
            Edge::Close(n) => {
                if skip == Some(n.id()) {
                    skip = None;
                    continue;
                }
                if skip.is_some() {
                    continue;
                }
                if let Some(el) = element(n) {
                    if link(el) {
                        link_depth = link_depth.saturating_sub(1);
                    }
                    if blocks.last() == Some(&n.id()) {
                        blocks.pop();
                    }
                }
            }
        }
    }
    let mut scores: HashMap<ego_tree::NodeId, f64> = HashMap::new();
    for (&id, t) in &tallies {
        let own = t.chars.saturating_sub(t.link_chars);
        if own < 10 {
            continue;
        }
        let score = 1.0 + t.commas as f64 + (own as f64 / 100.0).min(3.0);
        let Some(node) = doc.tree.get(id) else {
            continue;
        };
        let mut up = node.parent();
        for share in [1.0, 0.5] {
            // A formatting element the tree builder reopened is no container the page
            // wrote: its share goes to the element around it.
            while let Some(p) = up.filter(|p| element(*p).is_some_and(|e| !written(e))) {
                up = p.parent();
            }
            let Some(p) = up.filter(|p| element(*p).is_some()) else {
                break;
            };
            *scores.entry(p.id()).or_default() += score * share;
            up = p.parent();
        }
    }
    // The five best by their paragraphs (a container named as one scoring a quarter
    // more), then weighed by how little of their text is links (readability's way).
    let mut ranked: Vec<(f64, ego_tree::NodeId)> = scores
        .iter()
        .filter_map(|(&id, &score)| {
            let el = element(doc.tree.get(id)?)?;
            let named = el.name() == "article"
                || words(el)
                    .iter()
                    .any(|w| CONTENT_WORDS.contains(&w.as_str()));
            Some((if named { score * 1.25 } else { score }, id))
        })
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.truncate(5);
    let mut best: Option<(f64, ego_tree::NodeId)> = None;
    for (score, id) in ranked {
        let Some(node) = doc.tree.get(id) else {
            continue;
        };
        let mut s = score;
        // Link density of the whole subtree, in one walk (links open counted on the
        // way, never each text's ancestors looked through: deep pages stay linear).
        let (mut all, mut links, mut in_link) = (0usize, 0usize, 0usize);
        let is_link = |d: NodeRef<'_, Node>| d.id() != id && element(d).is_some_and(link);
        for edge in node.traverse() {
            match edge {
                Edge::Open(d) => {
                    if is_link(d) {
                        in_link += 1;
                    } else if let Node::Text(t) = d.value() {
                        let n = t.text.chars().filter(|c| !c.is_whitespace()).count();
                        all += n;
                        if in_link > 0 {
                            links += n;
                        }
                    }
                }
                Edge::Close(d) => {
                    if is_link(d) {
                        in_link -= 1;
                    }
                }
            }
        }
        if all > 0 {
            s *= 1.0 - links as f64 / all as f64;
        }
        if best.is_none_or(|(b, bid)| s > b || (s == b && id < bid)) {
            best = Some((s, id));
        }
    }
    let Some((top_score, mut top)) = best.and_then(|(s, id)| Some((s, doc.tree.get(id)?))) else {
        return Body::default();
    };
    // An inline element holding the paragraphs (`<b><p>…</p></b>`, as a page's misnested
    // markup leaves them) is no container: its block is.
    while element(top).is_some_and(|e| !BLOCK_TAGS.contains(&e.name()))
        && let Some(p) = top.parent().filter(|p| {
            element(*p).is_some_and(|e| !matches!(e.name(), "body" | "html") && !is_furniture(e))
        })
    {
        top = p;
    }
    // A container whose text stands in pieces of one class (a page's body split into
    // `div.contenttext` blocks inside its main column, furniture between them) is
    // read as those pieces: the best of them joined by its siblings.
    let (top, top_score) = split_piece(top, &scores).unwrap_or((top, top_score));
    join_siblings(top, top_score, &scores, &tallies)
}

/// The best-scoring piece of `top` when two or more of its children share a class,
/// each with paragraphs of its own (a score), and together hold two thirds or more of
/// its text outside links; with its score.
fn split_piece<'a>(
    top: NodeRef<'a, Node>,
    scores: &HashMap<ego_tree::NodeId, f64>,
) -> Option<(NodeRef<'a, Node>, f64)> {
    let own = |n: NodeRef<'_, Node>| {
        let (all, links, _) = text_counts(n);
        all - links
    };
    let mut classes: HashMap<&str, Vec<(NodeRef<'a, Node>, f64)>> = HashMap::new();
    for c in top.children() {
        let Some(class) = element(c)
            .and_then(|e| e.attr("class"))
            .map(str::trim)
            .filter(|c| !c.is_empty())
        else {
            continue;
        };
        if let Some(&score) = scores.get(&c.id()) {
            classes.entry(class).or_default().push((c, score));
        }
    }
    let total = own(top);
    classes
        .into_values()
        .filter(|pieces| {
            pieces.len() >= 2 && pieces.iter().map(|(p, _)| own(*p)).sum::<usize>() * 3 >= total * 2
        })
        .flatten()
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.id().cmp(&a.0.id())))
}

/// Chars (not white space) of a subtree's text and of its links' text, furniture left
/// out, and whether it has a sentence end (。！？, [`crate::text::forms::ends_sentence`]'s
/// marks inside the text).
fn text_counts(n: NodeRef<'_, Node>) -> (usize, usize, bool) {
    let (mut all, mut links, mut in_link) = (0usize, 0usize, 0usize);
    let mut sentence = false;
    let mut skip: Option<ego_tree::NodeId> = None;
    for edge in n.traverse() {
        match edge {
            Edge::Open(d) => {
                if skip.is_some() {
                    continue;
                }
                if let Some(el) = element(d) {
                    if d.id() != n.id() && is_furniture(el) {
                        skip = Some(d.id());
                    } else if link(el) {
                        in_link += 1;
                    }
                } else if let Node::Text(t) = d.value() {
                    let c = t.text.chars().filter(|c| !c.is_whitespace()).count();
                    all += c;
                    if in_link > 0 {
                        links += c;
                    } else {
                        sentence |= t.text.contains(['。', '！', '？', '!', '?']);
                    }
                }
            }
            Edge::Close(d) => {
                if skip == Some(d.id()) {
                    skip = None;
                } else if skip.is_none() && element(d).is_some_and(link) {
                    in_link = in_link.saturating_sub(1);
                }
            }
        }
    }
    (all, links, sentence)
}

/// The container `top` (scoring `top_score`) with the siblings that are more of the
/// article, as Mozilla Readability joins them: a body split into sibling containers
/// (`<div class="text" id="text1">…</div> <div class="text" id="text2">…</div>`, an ad
/// or a pager between), a paragraph set beside the container. A sibling joins when it
/// is no furniture and under a quarter of its text is links, and
/// - it has the container's class and paragraphs of its own (a score, or a sentence
///   end and no link), or
/// - its score reaches max(10, a fifth of the container's), the container's class
///   adding a fifth of its score (Readability's threshold and bonus), or
/// - it is one paragraph (all its text in one block) of 80 chars or more, or with a
///   sentence end and no link.
///
/// Siblings are looked at back to one holding an `<h1>` (the headline stays before the
/// body) and as far on. The pieces from the first joined to the last, in document
/// order, with what stands between them that is article content ([`gap_content`]);
/// the rest there (ads, pagers, share bars) is left out, as Readability leaves it.
fn join_siblings<'a>(
    top: NodeRef<'a, Node>,
    top_score: f64,
    scores: &HashMap<ego_tree::NodeId, f64>,
    tallies: &HashMap<ego_tree::NodeId, Tally>,
) -> Body<'a> {
    let alone = || Body {
        pieces: vec![top],
        ..Body::default()
    };
    // The siblings, an inline element holding blocks looked through: a `<b>` the tree
    // builder reopened after an unclosed one holds the rest of the page.
    let Some(parent) = top
        .ancestors()
        .find(|a| element(*a).is_none_or(|e| BLOCK_TAGS.contains(&e.name())))
    else {
        return alone();
    };
    let mut siblings: Vec<NodeRef<'a, Node>> = Vec::new();
    let mut open: Vec<NodeRef<'a, Node>> = parent.children().rev().collect();
    while let Some(c) = open.pop() {
        let Some(el) = element(c) else { continue };
        // (Its own children only: nested wrappers are each looked at once.)
        let wrapper = c.id() != top.id()
            && !BLOCK_TAGS.contains(&el.name())
            && !is_furniture(el)
            && c.children()
                .any(|d| element(d).is_some_and(|e| BLOCK_TAGS.contains(&e.name())));
        if wrapper {
            open.extend(c.children().rev());
        } else {
            siblings.push(c);
        }
    }
    let Some(at) = siblings.iter().position(|s| s.id() == top.id()) else {
        return alone();
    };
    let class = element(top)
        .and_then(|e| e.attr("class"))
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let threshold = (top_score * 0.2).max(10.0);
    // Whether a sibling joins: `Some(true)` as a piece of the container's class.
    let joins = |s: NodeRef<'_, Node>| {
        let el = element(s)?;
        if is_furniture(el) || opens_editors_note(s) {
            return None;
        }
        let (all, links, sentence) = text_counts(s);
        if all == 0 || links * 4 >= all {
            return None;
        }
        let same_class = class.is_some() && el.attr("class").map(str::trim) == class;
        let score = scores.get(&s.id()).copied().unwrap_or(0.0);
        let bonus = if same_class { top_score * 0.2 } else { 0.0 };
        // One block's text (its own, or one block inside it holds all of it), or
        // inline text (a `<span>`, a reopened `<b>`).
        // (A figure is no paragraph: a lead photo's caption is the head's.)
        let paragraph = !BLOCK_TAGS.contains(&el.name())
            || el.name() != "figure"
                && s.descendants()
                    .any(|d| tallies.get(&d.id()).is_some_and(|t| t.chars == all));
        if same_class && (score > 0.0 || (links == 0 && sentence)) {
            Some(true)
        } else {
            (score + bonus >= threshold || (paragraph && (all >= 80 || (links == 0 && sentence))))
                .then_some(false)
        }
    };
    let headline = |s: &NodeRef<'_, Node>| {
        s.descendants()
            .any(|d| element(d).is_some_and(|e| e.name() == "h1"))
    };
    // Before the container, a sibling joins as a piece of its class, or else only with
    // nothing between it and the next piece but siblings without text: the head's
    // lines (byline, date, a lead photo) stand there and stay the head's.
    let mut first = at;
    let mut next_to = true;
    for i in (0..at).rev() {
        if headline(&siblings[i]) {
            break;
        }
        match joins(siblings[i]) {
            Some(piece) if piece || next_to => {
                first = i;
                next_to = true;
            }
            _ => {
                next_to &= element(siblings[i]).is_some_and(is_furniture)
                    || text_counts(siblings[i]).0 == 0;
            }
        }
    }
    let mut last = at;
    for (i, s) in siblings.iter().enumerate().skip(at + 1) {
        if headline(s) {
            break;
        }
        if joins(*s).is_some() {
            last = i;
        }
    }
    let mut body = Body::default();
    for (i, s) in siblings.iter().enumerate().take(last + 1).skip(first) {
        if i == first || i == last || i == at || joins(*s).is_some() || gap_content(*s) {
            body.pieces.push(*s);
        } else if i < at {
            body.aside.insert(s.id());
        } else {
            body.left_out.insert(s.id());
        }
    }
    body
}

/// Whether `n`'s text opens with an editor's note head (编者按): the box is read as one
/// beside the body ([`editors_notes`]), not joined to it.
fn opens_editors_note(n: NodeRef<'_, Node>) -> bool {
    let mut start = String::new();
    for t in n.descendants().filter_map(|d| d.value().as_text()) {
        start.extend(t.chars().filter(|c| !c.is_whitespace()));
        if start.chars().count() >= 8 {
            break;
        }
    }
    let opened = start.trim_start_matches(['【', '[', '■', '◆']);
    EDITORS_NOTE_HEADS.iter().any(|h| opened.starts_with(h))
}

/// Whether an element standing between two pieces of a split body is the article's:
/// a heading or a figure (or one inside it), a photo (an `<img>` outside a link: an ad
/// is a linked image), or a line all bold (a subhead). Furniture is never.
fn gap_content(n: NodeRef<'_, Node>) -> bool {
    if element(n).is_none_or(is_furniture) {
        return false;
    }
    // One walk, the links and bold elements open counted on the way.
    let (mut text, mut bold_text, mut photo) = (0usize, 0usize, false);
    let (mut links, mut bold) = (0usize, 0usize);
    for edge in n.traverse() {
        match edge {
            Edge::Open(d) => {
                if let Some(el) = element(d) {
                    match el.name() {
                        "h2" | "h3" | "h4" | "h5" | "h6" | "figure" | "figcaption" => {
                            return true;
                        }
                        "a" => links += 1,
                        "b" | "strong" => bold += 1,
                        "img" | "amp-img" => photo |= links == 0,
                        _ if class_named_bold(el) => bold += 1,
                        _ => {}
                    }
                } else if let Node::Text(t) = d.value() {
                    let c = t.text.chars().filter(|c| !c.is_whitespace()).count();
                    text += c;
                    if bold > 0 {
                        bold_text += c;
                    }
                }
            }
            Edge::Close(d) => match element(d).map(|e| (e.name(), e)) {
                Some(("a", _)) => links = links.saturating_sub(1),
                Some(("b" | "strong", _)) => bold = bold.saturating_sub(1),
                Some((_, e)) if class_named_bold(e) => bold = bold.saturating_sub(1),
                _ => {}
            },
        }
    }
    photo || (text > 0 && bold_text == text)
}

/// Whether a class of `el` says bold by its name (`bjh-strong`, `font-bold`, `strong`):
/// a saved page often comes without the site's style sheets.
fn class_named_bold(el: &Element) -> bool {
    el.name() != "img"
        && el.attr("class").is_some_and(|c| {
            c.split_ascii_whitespace().any(|w| {
                let last = w.rsplit(['-', '_']).next().unwrap_or(w);
                last.eq_ignore_ascii_case("strong") || last.eq_ignore_ascii_case("bold")
            })
        })
}

/// The article element around the container: its nearest ancestor that is an
/// `<article>` or whose class or id names an article or story.
fn article_around(root: NodeRef<'_, Node>) -> Option<ego_tree::NodeId> {
    root.ancestors()
        .find(|a| {
            element(*a).is_some_and(|el| {
                el.name() == "article"
                    || words(el)
                        .iter()
                        .any(|w| matches!(w.as_str(), "article" | "story"))
            })
        })
        .map(|a| a.id())
}

/// What the `<head>` says; `line` is the `<title>`'s source line, each meta's value
/// comes with its own.
#[derive(Default)]
struct Meta {
    title: Option<String>,
    og_title: Option<String>,
    author: Option<(String, usize)>,
    site_name: Option<(String, usize)>,
    published: Option<(String, usize)>,
    section: Option<(String, usize)>,
    source: Option<(String, usize)>,
    /// A WeChat-style account name printed on the page (the nickname element).
    account: Option<(String, usize)>,
    /// JSON-LD (schema.org): datePublished and the names of its Person authors.
    ld_date: Option<(String, usize)>,
    ld_authors: Vec<(String, usize)>,
    /// JSON-LD's articleSection: the column.
    ld_section: Option<(String, usize)>,
    /// JSON-LD's publisher's name.
    ld_publisher: Option<(String, usize)>,
    /// The texts of the elements named a logo (the site's name as it prints it).
    logos: Vec<String>,
    /// The first `<time datetime>`, its date; a "发布于 DATE" line's date.
    time: Option<(String, usize)>,
    posted: Option<(String, usize)>,
    line: usize,
}

/// Whether a metadata value is a web address rather than a name
/// (`article:author` often holds the author's or site's page).
fn is_url(v: &str) -> bool {
    v.contains("://") || v.starts_with("www.") || v.starts_with('/') || v.starts_with('@')
}

/// Labels a page prints before the time it was published ("发布于 2024-10-30 18:02").
const POSTED_LABELS: &[&str] = &["发布于", "發佈於", "發布於", "发表于", "發表於"];

/// What a JSON-LD script (schema.org) says of the article ([`json_ld`]).
#[derive(Default)]
struct LinkedData {
    date: Option<String>,
    authors: Vec<String>,
    section: Option<String>,
    publisher: Option<String>,
}

/// What a JSON-LD script (schema.org) says of the article: its datePublished, its
/// articleSection (the column), the names of its authors that are people (`@type` Person or none; an organisation is the
/// publisher, not an author) and its publisher's name, looked for through `@graph` and nested objects.
fn json_ld(text: &str) -> LinkedData {
    let Ok(v) = serde_json::from_str::<serde_json::Value>(text) else {
        return LinkedData::default();
    };
    let mut date = None;
    let mut section = None;
    let mut publisher = None;
    let mut authors = Vec::new();
    let mut stack = vec![&v];
    let mut seen = 0usize;
    while let Some(v) = stack.pop() {
        seen += 1;
        if seen > 10_000 {
            break;
        }
        match v {
            serde_json::Value::Array(a) => stack.extend(a.iter().rev()),
            serde_json::Value::Object(o) => {
                if date.is_none()
                    && let Some(d) = o.get("datePublished").and_then(|d| d.as_str())
                {
                    date = Some(markup::find_date(d).unwrap_or_else(|| collapse_ws(d)));
                }
                if section.is_none()
                    && let Some(s) = o.get("articleSection").and_then(|s| match s {
                        serde_json::Value::Array(l) => l.first().and_then(|s| s.as_str()),
                        one => one.as_str(),
                    })
                {
                    section = Some(collapse_ws(s)).filter(|s| !s.is_empty());
                }
                if publisher.is_none()
                    && let Some(n) = o
                        .get("publisher")
                        .and_then(|p| p.get("name").or(Some(p)))
                        .and_then(|n| n.as_str())
                {
                    publisher = Some(collapse_ws(n)).filter(|n| !n.is_empty() && !is_url(n));
                }
                if authors.is_empty()
                    && let Some(a) = o.get("author")
                {
                    let list: Vec<&serde_json::Value> = match a {
                        serde_json::Value::Array(l) => l.iter().collect(),
                        one => vec![one],
                    };
                    for p in list {
                        let person = p
                            .get("@type")
                            .and_then(|t| t.as_str())
                            .is_none_or(|t| t == "Person");
                        let name = p.get("name").and_then(|n| n.as_str()).or(p.as_str());
                        if let Some(n) = name.map(collapse_ws)
                            && person
                            && !n.is_empty()
                            && !is_url(&n)
                            && !markup::is_organisation(&n)
                        {
                            authors.push(n);
                        }
                    }
                }
                stack.extend(o.values());
            }
            _ => {}
        }
    }
    LinkedData {
        date,
        authors,
        section,
        publisher,
    }
}

fn read_meta(doc: &Html) -> Meta {
    let mut m = Meta::default();
    for n in doc.tree.root().descendants() {
        if m.posted.is_none()
            && let Some(t) = n.value().as_text()
        {
            let t = trim_text(t);
            if t.len() <= 120
                && let Some(rest) = POSTED_LABELS.iter().find_map(|l| t.strip_prefix(l))
                && let Some(d) = markup::find_date(rest)
            {
                let line = n.parent().and_then(element).map_or(0, dom::line_of);
                m.posted = Some((d, line));
            }
        }
        let Some(el) = element(n) else { continue };
        if m.logos.len() < 8 && words(el).iter().any(|w| w == "logo") {
            let t = collapse_ws(&node_text(n));
            if (1..=30).contains(&t.chars().count()) {
                m.logos.push(t);
            }
        }
        match el.name() {
            "title" if m.title.is_none() => {
                let t: String = n
                    .descendants()
                    .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
                    .collect();
                m.title = Some(collapse_ws(&t));
                m.line = dom::line_of(el);
            }
            "script"
                if el
                    .attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
                    && m.ld_date.is_none() =>
            {
                // The script's own text (`node_text` leaves scripts out).
                let t: String = n
                    .children()
                    .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                    .collect();
                if t.len() <= 1 << 20 {
                    let ld = json_ld(&t);
                    let line = dom::line_of(el);
                    m.ld_date = ld.date.map(|d| (d, line));
                    m.ld_section = ld.section.map(|s| (s, line));
                    m.ld_publisher = ld.publisher.map(|p| (p, line));
                    if m.ld_authors.is_empty() {
                        m.ld_authors = ld.authors.into_iter().map(|a| (a, line)).collect();
                    }
                }
            }
            "time" if m.time.is_none() => {
                if let Some(d) = el
                    .attr("datetime")
                    .map(collapse_ws)
                    .filter(|d| !d.is_empty())
                {
                    m.time = Some((markup::find_date(&d).unwrap_or(d), dom::line_of(el)));
                }
            }
            _ if m.account.is_none()
                && (el.id() == Some("js_name")
                    || el.attr("class").is_some_and(|c| c.contains("nickname"))
                        && words(el).iter().any(|w| w == "nickname")) =>
            {
                let t = collapse_ws(&node_text(n));
                if (1..=30).contains(&t.chars().count()) {
                    m.account = Some((t, dom::line_of(el)));
                }
            }
            "meta" => {
                let key = el
                    .attr("property")
                    .or(el.attr("name"))
                    .or(el.attr("itemprop"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let Some(v) = el
                    .attr("content")
                    .map(collapse_ws)
                    .filter(|v| !v.is_empty())
                else {
                    continue;
                };
                if matches!(key.as_str(), "og:title" | "twitter:title") {
                    m.og_title.get_or_insert(v);
                    continue;
                }
                // A name in an author block (`<div class="AuthorInfo"><meta
                // itemprop="name">`) is the author's.
                let key = if key == "name"
                    && el.attr("itemprop").is_some()
                    && n.ancestors()
                        .take(4)
                        .any(|a| element(a).is_some_and(|e| words(e).iter().any(|w| w == "author")))
                {
                    "author".to_string()
                } else {
                    key
                };
                if matches!(key.as_str(), "author" | "article:author" | "byline") && is_url(&v) {
                    continue;
                }
                let slot = match key.as_str() {
                    "author" | "article:author" | "byline" => &mut m.author,
                    "og:site_name" | "sitename" | "site_name" => &mut m.site_name,
                    "article:published_time"
                    | "pubdate"
                    | "publishdate"
                    | "publish_date"
                    | "og:release_date"
                    | "datepublished"
                    | "date" => &mut m.published,
                    "article:section" | "column" | "category" | "section" | "catalogs" => {
                        &mut m.section
                    }
                    "source" | "contentsource" | "article:source" => &mut m.source,
                    _ => continue,
                };
                if slot.is_none() {
                    *slot = Some((v, dom::line_of(el)));
                }
            }
            _ => {}
        }
    }
    m
}

/// A title compared with another: white space and quotation marks left out.
fn norm_title(t: &str) -> String {
    t.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '“' | '”' | '"' | '「' | '」' | '\u{3000}'))
        .collect()
}

/// The `<title>` without the channel and site name appended after `_`, `-`, `|` or `—`;
/// the channel is the part after the headline when there are three parts.
fn split_title(title: &str) -> (String, Option<String>) {
    let parts = title_pieces(title);
    // The site's name first ("三联生活周刊 | 标题"): the headline is after it.
    if let [site, head] = parts.as_slice()
        && markup::is_organisation(site)
        && !markup::is_organisation(head)
    {
        return (head.to_string(), None);
    }
    match parts.as_slice() {
        [] => (title.to_string(), None),
        [one] => (one.to_string(), None),
        [head, channel, _site, ..] => (
            head.to_string(),
            Some(channel.trim_end_matches("频道").to_string()),
        ),
        [head, ..] => (head.to_string(), None),
    }
}

/// The parts of a `<title>` between its separators (`_`, `|`, `｜`, `—`, ` - `, `--`,
/// and `-` in a title without Latin letters), trimmed.
fn title_pieces(title: &str) -> Vec<&str> {
    // "-" splits only a title without Latin letters ("标题-频道-网站").
    let latin = title.chars().any(|c| c.is_ascii_alphabetic());
    title
        .split(['_', '|', '｜', '—'])
        .flat_map(|p| p.split(" - "))
        .flat_map(|p| p.split("--"))
        .flat_map(|p| {
            if latin {
                vec![p]
            } else {
                p.split('-').collect()
            }
        })
        .map(trim_text)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Labels a breadcrumb trail opens with.
const LABELS: &[&str] = &[
    "当前位置",
    "您的位置",
    "您现在的位置",
    "所在位置",
    "當前位置",
    "您的位置",
    "目前位置",
];

/// A line that is a breadcrumb trail: opened by its label ("您的位置：南方网 >> 广东"),
/// or three or more short entries parted by `>`, `»` or `›` (首页 > 社会 > 正文).
fn is_breadcrumb_line(t: &str) -> bool {
    let t = trim_text(t);
    if t.chars().count() > 80 {
        return false;
    }
    if LABELS.iter().any(|l| t.starts_with(l)) {
        return true;
    }
    let parts: Vec<&str> = t
        .split(['>', '＞', '»', '›'])
        .map(trim_text)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 3 && parts.iter().all(|p| p.chars().count() <= 12)
}

/// A standfirst short enough to stand as the headline's subtitle: one paragraph of at
/// most 40 characters and two sentences ("小城的年轻人愿意为一杯三十元的拿铁付钱吗？",
/// a broadcaster's teaser of a sentence or two under the headline). A longer one is the
/// story's lead, its first paragraph.
fn is_deck(text: &str) -> bool {
    let t = trim_text(text);
    let inner_ends = t
        .trim_end_matches(['。', '！', '？', '”', '」', '!', '?'])
        .chars()
        .filter(|c| matches!(c, '。' | '！' | '？'))
        .count();
    t.chars().count() <= 40 && inner_ends <= 1
}

/// A line opened by a dash, as a subtitle (副题) under its headline is printed:
/// "——记…".
fn is_dash_line(t: &str) -> bool {
    let t = trim_text(t);
    t.starts_with(['—', '─', '－']) || t.starts_with("--")
}

/// The column a breadcrumb names: its last link that is not the home page (or the text
/// after its last `>`).
///
/// Linear in the page: whether an element's text starts with a label ("当前位置") is
/// read from its first text node in one pass; only an element named or labelled as a
/// breadcrumb has its text gathered (a page nested thousands deep once took seconds).
fn breadcrumb_column(doc: &Html, title: Option<&str>) -> Option<(String, usize)> {
    const TAGS: &[&str] = &["div", "p", "nav", "span", "ol", "ul", "td"];
    // Elements whose first text starts with a label: every element opened since the
    // last text has it as its first.
    let mut labelled = std::collections::HashSet::new();
    // Elements whose first text is a link to the home page (首页): a trail's start.
    let mut home_first = std::collections::HashSet::new();
    let mut waiting: Vec<ego_tree::NodeId> = Vec::new();
    let mut in_link = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(el) if TAGS.contains(&el.name()) => waiting.push(n.id()),
                Node::Element(el) if el.name() == "a" => in_link += 1,
                Node::Text(t) if !trim_text(&t.text).is_empty() => {
                    let t = trim_text(&t.text);
                    if LABELS.iter().any(|l| t.starts_with(l)) {
                        labelled.extend(waiting.iter().copied());
                    }
                    if in_link > 0 && matches!(t, "首页" | "网站首页" | "主页" | "首頁" | "主頁")
                    {
                        home_first.extend(waiting.iter().copied());
                    }
                    waiting.clear();
                }
                _ => {}
            },
            Edge::Close(n) => {
                if waiting.last() == Some(&n.id()) {
                    waiting.pop();
                }
                if element(n).is_some_and(|el| el.name() == "a") {
                    in_link = in_link.saturating_sub(1);
                }
            }
        }
    }
    for n in doc.tree.root().descendants() {
        let Some(el) = element(n) else { continue };
        if !TAGS.contains(&el.name()) {
            continue;
        }
        let ws = words(el);
        let named = ws.iter().any(|w| {
            w.starts_with("crumb")
                || w.starts_with("breadcrumb")
                || w == "bread"
                || matches!(
                    w.as_str(),
                    "location" | "position" | "dqwz" | "path" | "curpos" | "route"
                )
        });
        if !named && !labelled.contains(&n.id()) && !home_first.contains(&n.id()) {
            continue;
        }
        let text: String = n
            .descendants()
            .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
            .collect();
        let text = collapse_ws(&text);
        let labelled_here = LABELS.iter().any(|l| text.starts_with(l));
        // Or by its shape: the home page's link first, then links parted by `>`.
        let trail = home_first.contains(&n.id()) && text.contains(['>', '＞', '»', '›']);
        if !(named || labelled_here || trail) || text.chars().count() > 120 {
            continue;
        }
        let home = |s: &str| {
            matches!(
                s,
                "首页" | "网站首页" | "主页" | "正文" | "home" | "Home" | ""
            ) || Some(s) == title
        };
        let links: Vec<String> = n
            .descendants()
            .filter(|d| element(*d).is_some_and(|e| e.name() == "a"))
            .map(|a| {
                collapse_ws(
                    &a.descendants()
                        .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
                        .collect::<String>(),
                )
            })
            .filter(|t| !home(t))
            .collect();
        // A trail has links or separators; a word alone in an element named
        // `location` is a post's place (豆瓣's `span.location`, an IP's 属地), not a trail.
        if links.is_empty() && !labelled_here && !text.contains(['>', '＞', '»', '›', '→', '/'])
        {
            continue;
        }
        let col = links.last().cloned().or_else(|| {
            text.rsplit(['>', '»', '→', '/'])
                .map(trim_text)
                .find(|t| !home(t) && t.chars().count() <= 12)
                .map(str::to_string)
        });
        if let Some(col) = col {
            return Some((col, dom::line_of(el)));
        }
    }
    None
}

/// The text of an element, scripts and styles left out (not collapsed).
fn node_text(n: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    let mut skip = None;
    for edge in n.traverse() {
        match edge {
            Edge::Open(d) if skip.is_none() => match d.value() {
                Node::Element(el) if matches!(el.name(), "script" | "style" | "template") => {
                    skip = Some(d.id())
                }
                Node::Text(t) => out.push_str(&t.text),
                _ => {}
            },
            Edge::Close(d) if skip == Some(d.id()) => skip = None,
            _ => {}
        }
    }
    out
}

/// The element the headline was read from: the first `h1` (else `h2`) whose text is
/// `title`.
fn headline_element<'a>(doc: &'a Html, title: &str) -> Option<NodeRef<'a, Node>> {
    let want = norm_title(title);
    ["h1", "h2"].iter().find_map(|tag| {
        doc.tree.root().descendants().find(|n| {
            element(*n).is_some_and(|e| e.name() == *tag)
                && norm_title(&collapse_ws(&node_text(*n))) == want
        })
    })
}

/// The headline a page prints in an element its class names the title (`div.article-title`,
/// `span.title`, `.nfzm-content__title`; not a site's or a logo's title) when its text
/// is a whole part of the `<title>` (`parts`, the site's name left out) or the whole
/// `<title>` (`titles`), normalised ([`norm_title`]); the longest such text.
fn titled_headline(doc: &Html, parts: &[String], titles: &[String]) -> Option<String> {
    let mut best: Option<String> = None;
    for n in doc.tree.root().descendants() {
        let Some(el) = element(n) else { continue };
        if !matches!(
            el.name(),
            "div" | "span" | "p" | "strong" | "b" | "a" | "header"
        ) {
            continue;
        }
        let ws = words(el);
        if !ws
            .iter()
            .any(|w| matches!(w.as_str(), "title" | "headline"))
            || ws.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "site" | "logo" | "brand" | "sub" | "subtitle" | "nav" | "menu" | "list"
                )
            })
            // Only a short element (a container named `title-box` holding the body
            // is not a headline).
            || n.descendants().nth(12).is_some()
            || is_furniture(el)
            || n.ancestors().any(|a| element(a).is_some_and(is_furniture))
        {
            continue;
        }
        let t = norm_title(&collapse_ws(&node_text(n)));
        if t.chars().count() >= 4
            && (parts.contains(&t) || titles.contains(&t))
            && best
                .as_ref()
                .is_none_or(|b| b.chars().count() < t.chars().count())
        {
            best = Some(t);
        }
    }
    best
}

/// The text of a document's Title style's paragraph (`p.title` as Google Docs saves it,
/// `p.MsoTitle` as Word does), and of its Subtitle style's paragraph when there is one:
/// the first of each, short.
fn styled_title(doc: &Html) -> Option<(String, Option<String>)> {
    let styled = |want: &str| {
        doc.tree.root().descendants().find_map(|n| {
            let el = element(n)?;
            if el.name() != "p" || !words(el).iter().any(|w| w == want) {
                return None;
            }
            let t = collapse_ws(&node_text(n));
            (!t.is_empty() && t.chars().count() <= 80).then_some(t)
        })
    };
    Some((styled("title")?, styled("subtitle")))
}

/// The element next to `n` in `dir` (previous or next sibling), skipping white space
/// and comments; `None` when text stands between.
fn sibling_element(n: NodeRef<'_, Node>, next: bool) -> Option<NodeRef<'_, Node>> {
    let mut cur = if next {
        n.next_sibling()
    } else {
        n.prev_sibling()
    };
    while let Some(c) = cur {
        match c.value() {
            Node::Element(_) => return Some(c),
            Node::Text(t) if !trim_text(&t.text).is_empty() => return None,
            _ => {}
        }
        cur = if next {
            c.next_sibling()
        } else {
            c.prev_sibling()
        };
    }
    None
}

/// The element printed right above (`next` false) or under the headline `h`: its
/// sibling, or its wrapper's (`hgroup`, a title `div` holding only the headline on that
/// side); with whether it is the headline's own (a sibling, or an `hgroup`'s).
fn beside_headline(h: NodeRef<'_, Node>, next: bool) -> Option<(NodeRef<'_, Node>, bool)> {
    if let Some(s) = sibling_element(h, next) {
        return Some((s, true));
    }
    let parent = h.parent()?;
    let pel = element(parent)?;
    if matches!(pel.name(), "body" | "html" | "article" | "main") {
        return None;
    }
    sibling_element(parent, next).map(|s| (s, pel.name() == "hgroup"))
}

/// A one-line element's text, when it could be a head line: not furniture, not mostly
/// links, 2 to `max` characters with Chinese in them, not a sentence, not an info line
/// (date, source, byline), not a breadcrumb trail.
fn head_line_text(n: NodeRef<'_, Node>, max: usize) -> Option<(String, usize)> {
    let el = element(n)?;
    if is_furniture(el) || matches!(el.name(), "img" | "figure" | "table" | "ul" | "ol" | "h1") {
        return None;
    }
    let t = collapse_ws(&node_text(n));
    let count = t.chars().count();
    if !(2..=max).contains(&count) {
        return None;
    }
    // Two blocks with text (a short body's paragraph and subhead) are two lines, never
    // one line of the head.
    let blocks = n
        .descendants()
        .skip(1)
        .filter(|d| {
            element(*d).is_some_and(|e| BLOCK_TAGS.contains(&e.name()))
                && !trim_text(&node_text(*d)).is_empty()
        })
        .take(2)
        .count();
    if blocks == 2 {
        return None;
    }
    let links: usize = n
        .descendants()
        .filter(|d| element(*d).is_some_and(|e| e.name() == "a"))
        .map(|a| collapse_ws(&node_text(a)).chars().count())
        .sum();
    let ok = (2..=max).contains(&count)
        && t.chars().any(is_han)
        && links * 2 < count
        && !t.ends_with(['。', '！', '？', '；'])
        && !t.contains(['>', '＞', '»', '→'])
        && parse_info(&t).is_none();
    ok.then(|| (t, dom::line_of(el)))
}

/// The kicker (引题) of the headline `h`: the element right above it, when named one
/// (class kicker, pretitle, pre, yinti) or a heading, or a short line (up to 20
/// characters). Its text and source line.
fn kicker_of(h: NodeRef<'_, Node>) -> Option<(String, usize, bool)> {
    let (n, own) = beside_headline(h, false)?;
    let el = element(n)?;
    let named = words(el).iter().any(|w| {
        matches!(
            w.as_str(),
            "kicker" | "pretitle" | "pre" | "yinti" | "yt" | "overtitle" | "supertitle"
        )
    });
    let heading = matches!(el.name(), "h2" | "h3" | "h4" | "h5" | "h6");
    let (t, line) = head_line_text(n, 40)?;
    // Beyond the headline's wrapper (a site's name over the title block) only a
    // named kicker counts.
    (named || own && (heading || t.chars().count() <= 20)).then_some((t, line, named))
}

/// The section's link printed right above the headline `h` (DW's `span.kicker > a`,
/// a label linking to the column's page): the headline's own sibling (or its
/// `hgroup`'s), its text 2 to 8 characters with Chinese, all one link, and not the
/// site's (a home page's link, the publication's name). Its text and source line.
fn section_link_above(h: NodeRef<'_, Node>) -> Option<(String, usize)> {
    let (n, own) = beside_headline(h, false)?;
    if !own {
        return None;
    }
    let el = element(n)?;
    if is_furniture(el) {
        return None;
    }
    let t = collapse_ws(&node_text(n));
    let links: Vec<NodeRef<'_, Node>> = n
        .descendants()
        .filter(|d| element(*d).is_some_and(|e| e.name() == "a"))
        .collect();
    let [a] = links.as_slice() else { return None };
    ((2..=8).contains(&t.chars().count())
        && t.chars().any(is_han)
        && !["首页", "首頁", "主页", "主頁"]
            .iter()
            .any(|w| t.contains(w))
        && !markup::is_organisation(&t)
        && !furniture::is_prompt(&t)
        && collapse_ws(&node_text(*a)) == t
        && markup::find_date(&t).is_none())
    .then(|| (t, dom::line_of(el)))
}

/// The subtitle (副题) of the headline `h`: the element right under it, when it starts
/// with a dash (——), is named one (class sub, subtitle, deck, fubiaoti), or is a
/// heading outside the article's container (`inside` tells). Its text and source line.
fn subtitle_of<'a>(
    h: NodeRef<'a, Node>,
    inside: impl Fn(NodeRef<'a, Node>) -> bool,
) -> Option<(String, usize)> {
    let (n, own) = beside_headline(h, true)?;
    let el = element(n)?;
    let (t, line) = head_line_text(n, 80)?;
    let dash = is_dash_line(&t);
    let named = words(el).iter().any(|w| {
        matches!(
            w.as_str(),
            "sub" | "subtitle" | "subhead" | "deck" | "fubiaoti" | "fbt" | "subheading"
        )
    });
    let heading = matches!(el.name(), "h2" | "h3" | "h4" | "h5" | "h6");
    // A short line of its own right under the headline, in the head's container
    // outside the body (`div.fb`, an unnamed `<p>`): the only place it is printed, so
    // the subtitle — never left out with the head's furniture.
    let short_line = own
        && matches!(el.name(), "div" | "p" | "span" | "strong" | "b")
        && t.chars().count() <= 40
        && !t.contains(['。', '！', '？'])
        && !furniture::is_prompt(&t)
        && !markup::is_organisation(&t)
        && markup::find_date(&t).is_none()
        // One line: no block inside it (never a body's wrapper).
        && !n
            .descendants()
            .skip(1)
            .any(|d| element(d).is_some_and(|e| BLOCK_TAGS.contains(&e.name())));
    (dash || named || ((heading || short_line) && own && !inside(n))).then_some((t, line))
}

/// The text being gathered for the next block.
#[derive(Default)]
struct Pending {
    /// The text as it stands in the page, with its emphasis and strong spans.
    raw: markup::Styled,
    line: usize,
    /// Every visible character so far is inside `b`/`strong`.
    all_bold: bool,
    /// Every visible character so far is inside `code`: a block all of code is
    /// preformatted text, as a `<pre>` is.
    all_code: bool,
    chars: usize,
    link_chars: usize,
    /// An image stood in this block.
    image: bool,
    /// The block stands for a book's chapter left out ([`crate::formats::epub`]).
    skipped: bool,
    /// A caption's credit the page marks as one (`<span class="credit">` in a
    /// figcaption), taken out of the text: as printed.
    credit: Option<String>,
}

/// One open block-level element.
struct Ctx {
    tag: String,
    line: usize,
    caption_like: bool,
    /// Named as a standfirst ([`LEAD_WORDS`]).
    lead: bool,
    /// For `ol`: the next item number.
    item: usize,
    /// A book's or page's notes (DPUB-ARIA doc-endnotes, doc-footnote; epub:type
    /// footnotes, endnotes): their paragraphs are notes.
    notes: bool,
}

/// Reads blocks out of a subtree in document order.
struct Walker<'a> {
    idx: &'a SourceLines,
    b: Builder,
    pending: Pending,
    stack: Vec<Ctx>,
    bold: usize,
    /// Open `em`, `i`, `cite` elements.
    emph: usize,
    links: usize,
    pre: usize,
    /// Open `code` elements.
    code: usize,
    /// An image outside a figure, waiting for a caption under it: its alt text.
    image: Option<(String, usize)>,
    /// A figure's image alt and whether it got a figcaption.
    figure: Option<(Option<(String, usize)>, bool)>,
    /// Header mode: blocks before the container are looked at, not kept.
    outside: Vec<(BlockKind, String, usize, bool)>,
    keep: bool,
    /// Where the walked text starts in the source (a fragment's or chapter's place).
    base: SourcePos,
    /// The source line reached: the last element opened, plus the line breaks of the
    /// text read since.
    cursor: usize,
    /// Reading a book ([`book_blocks`]): sections naming a chapter start it with its
    /// title; the title a chapter's own first heading repeats.
    chapters: bool,
    chapter_title: Option<markup::TocHead>,
    /// The chapter's table-of-contents entries at an element inside it, not yet
    /// reached: (the element's id, the heading).
    anchors: HashMap<String, String>,
    /// After the container: only an editor's note is kept (it often stands just
    /// after the text, in the container's parent).
    tail: bool,
    /// After a related box's label: blocks mostly of links are left out.
    related: bool,
    /// The article element around the container (an `<article>` or an element named
    /// as one), and whether the walk is inside it.
    article: Option<ego_tree::NodeId>,
    in_article: bool,
    /// Captions before the container: where they stood among `outside`, their text
    /// and line, and whether inside the article element.
    outside_captions: Vec<(usize, String, usize, bool)>,
    /// Paragraphs before the container inside an element named as a standfirst
    /// (lead, summary, deck…), as `outside_captions`.
    outside_leads: Vec<(usize, String, usize, bool)>,
    /// Paragraphs inside the container in an element named as a standfirst, and
    /// whether the first of them opens the container's text (a page whose container
    /// holds its summary: `div.article-main > div.article-summary`).
    inside_leads: (usize, bool),
    /// An ornament line (01, ◆◆◆) waiting for the block under it: a head takes it
    /// ([`markup::ornament`]), else it is a section break, kept as a note.
    ornament: Option<(String, SourcePos)>,
    /// Whether the waiting ornament was written as a heading element (`<h2>1</h2>`,
    /// not a bold line): a section's number over text, as long reads number their
    /// parts, heads it.
    ornament_head: bool,
    /// Photos inside the sentence being read, with an alt worth showing: their alt
    /// and line, captions after the paragraph ([`inline_image`]).
    inline_alts: Vec<(String, usize)>,
    /// Open tables, innermost last: whether each is a data table ([`is_data_table`]),
    /// whose rows are shown apart from the body's paragraphs.
    tables: Vec<bool>,
    /// Reading an HTML fragment of another format ([`fragment_blocks`]): decoration
    /// alone is left to that format's reading of what follows.
    fragment: bool,
    /// An element marked as a caption's credit, open: its node and where its text
    /// starts in the block's gathered text.
    credit_el: Option<(ego_tree::NodeId, usize)>,
    /// A credit alone in a figure before its caption (BBC's "图像来源，X" above the
    /// photo): given to the figure's caption.
    figure_credit: Option<(String, SourcePos)>,
    /// The builder's length just after a paragraph that ends in a credit: when a photo
    /// comes next, it was the photo's caption, printed above it.
    caption_above: Option<usize>,
    /// Credits the page marks as one of captions before the container: the caption's
    /// index in `outside_captions`, and the credit as printed.
    outside_credits: Vec<(usize, String)>,
    /// The classes the document's style rules make bold ([`bold_classes`]).
    bold_classes: HashSet<String>,
}

impl<'a> Walker<'a> {
    fn new(idx: &'a SourceLines) -> Walker<'a> {
        Walker {
            idx,
            b: Builder::new(),
            pending: Pending::default(),
            stack: Vec::new(),
            bold: 0,
            emph: 0,
            links: 0,
            pre: 0,
            code: 0,
            image: None,
            figure: None,
            outside: Vec::new(),
            keep: true,
            base: SourcePos::default(),
            cursor: 1,
            chapters: false,
            chapter_title: None,
            anchors: HashMap::new(),
            tail: false,
            related: false,
            article: None,
            in_article: false,
            outside_captions: Vec::new(),
            outside_leads: Vec::new(),
            inside_leads: (0, false),
            ornament: None,
            ornament_head: false,
            inline_alts: Vec::new(),
            tables: Vec::new(),
            fragment: false,
            credit_el: None,
            figure_credit: None,
            caption_above: None,
            outside_credits: Vec::new(),
            bold_classes: HashSet::new(),
        }
    }

    /// Whether the document's style rules make `el` bold by one of its classes, or a
    /// class says it is bold by its name (`bjh-strong`, `font-bold`, `strong`): a saved
    /// page often comes without the site's style sheets.
    fn sheet_bold(&self, el: &Element) -> bool {
        class_named_bold(el)
            || (!self.bold_classes.is_empty()
                && el.name() != "img"
                && el.attr("class").is_some_and(|c| {
                    c.split_ascii_whitespace()
                        .any(|w| self.bold_classes.contains(w))
                }))
    }

    /// The ornament waiting for a head, kept as a note (a section break) when none came.
    fn settle_ornament(&mut self) {
        if let Some((text, pos)) = self.ornament.take() {
            self.b.push(BlockKind::Note, &text, pos);
        }
    }

    fn pos(&self, line: usize) -> SourcePos {
        let local = self.idx.at_line(line.max(1));
        SourcePos {
            offset: self.base.offset + local.offset,
            line: self.base.line.saturating_sub(1) + local.line,
        }
    }

    fn text(&mut self, t: &str) {
        let breaks = memchr::memchr_iter(b'\n', t.as_bytes()).count();
        if self.pending.raw.text.trim().is_empty() && !t.trim().is_empty() {
            // The line the text's first visible character stands on.
            let lead = t.len() - t.trim_start().len();
            self.pending.line = self.cursor + t[..lead].matches('\n').count();
        }
        if self.pending.raw.text.is_empty() {
            self.pending.all_bold = true;
            self.pending.all_code = true;
        }
        self.cursor += breaks;
        let visible = t
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{3000}' && *c != '\u{a0}')
            .count();
        if visible > 0 {
            if self.bold == 0 {
                self.pending.all_bold = false;
            }
            if self.code == 0 {
                self.pending.all_code = false;
            }
            self.pending.chars += visible;
            if self.links > 0 {
                self.pending.link_chars += visible;
            }
        }
        self.pending.raw.push(t, self.emph > 0, self.bold > 0);
    }

    fn in_tag(&self, tags: &[&str]) -> Option<&Ctx> {
        self.stack
            .iter()
            .rev()
            .find(|c| tags.contains(&c.tag.as_str()))
    }

    /// Ends the block gathered so far; the alts of photos inside it follow it as
    /// captions.
    fn flush(&mut self) {
        let alts = std::mem::take(&mut self.inline_alts);
        self.flush_block();
        if self.keep && !self.tail && !alts.is_empty() {
            self.settle_ornament();
            for (alt, line) in alts {
                let pos = self.pos(line);
                self.b.push_caption(&alt, pos);
            }
        }
    }

    /// An image inside a sentence ([`text_follows_in_block`]) splits nothing: an icon's
    /// or emoji's alt is read in place as text (as a browser's reader view shows
    /// it), a photo's alt is a caption after the paragraph ([`InlineImage`]).
    fn inline_image(&mut self, el: &Element) {
        let alt = image_text(el);
        match inline_image(el, &alt) {
            InlineImage::Text => self.text(&alt),
            InlineImage::Caption => self.inline_alts.push((alt, dom::line_of(el))),
            InlineImage::Nothing => {}
        }
    }

    fn flush_block(&mut self) {
        let p = std::mem::take(&mut self.pending);
        // A `<pre>`'s text, or a block all of code, is pushed as preformatted text
        // ([`Builder::preformatted`]); what else is pushed on the way (an ornament
        // waiting, a photo's alt) is not.
        let pre = self.pre > 0 || p.all_code;
        let (text, mut styles) = if self.pre > 0 {
            let t = p.raw.text.trim_matches('\n').trim_end();
            let lead = p.raw.text.len() - p.raw.text.trim_start_matches('\n').len();
            (t.to_string(), p.raw.verbatim(t, lead))
        } else {
            p.raw.collapsed()
        };
        if text.is_empty() {
            return;
        }
        let line = if p.line > 0 {
            p.line
        } else {
            self.stack.last().map_or(1, |c| c.line)
        };
        let heading = self
            .in_tag(&["h1", "h2", "h3", "h4", "h5", "h6"])
            .map(|c| c.tag.clone());
        // A centred or caption-named block is a caption only under an image: a centred
        // subhead or end mark is not one.
        let caption = self.in_tag(&["figcaption"]).is_some()
            || (self.image.is_some()
                && self.stack.last().is_some_and(|c| c.caption_like)
                && text.chars().count() <= 120);
        // Furniture standing in the body as text (prompts, related boxes, staff lines,
        // end marks, notes with buttons): [`furniture`]. Preformatted text is shown as
        // it is set: none of its lines is furniture, a note or a credit, whatever it
        // reads like.
        if self.keep && !self.tail && !pre {
            if furniture::is_prompt(&text)
                || furniture::is_pager(&text)
                || furniture::is_rights_notice(&text)
                || furniture::is_publisher_remark(&text)
                || furniture::is_paywall_notice(&text)
                || furniture::is_post_stamp(&text)
                || furniture::is_toc_marker(&text)
                || furniture::is_post_link(&text)
                || furniture::is_ad_label(&text)
            {
                return;
            }
            if furniture::is_related_label(&text) {
                self.related = true;
                return;
            }
            // A related box in one line: its label and a link ("延伸閱讀：X").
            if furniture::related_line_rest(&text)
                .is_some_and(|rest| p.link_chars > 0 && p.link_chars + 1 >= rest)
            {
                return;
            }
            // The box's entries: links, perhaps with a date or a source beside them.
            if self.related && p.link_chars * 2 >= p.chars {
                return;
            }
            self.related = false;
        }
        // A credit alone in a figure, outside its caption (above or beside the photo):
        // the figure's caption takes it.
        if self.keep
            && !self.tail
            && !pre
            && self.figure.is_some()
            && !caption
            && p.credit.is_none()
            && crate::text::chinese::credit_only(&text).is_some()
        {
            let pos = self.pos(line);
            self.figure_credit = Some((text, pos));
            return;
        }
        // Under an image, a caption with its credit printed first ("圖／X　CAPTION")
        // is no note.
        let credited_caption = (caption || p.image || self.image.is_some())
            && text.chars().count() <= 120
            && matches!(markup::split_credit(&text), (c, Some(_)) if !c.is_empty());
        let (note, text) = match furniture::note_text(&text) {
            _ if credited_caption || pre => (false, text),
            Some(t) => (true, t),
            None => (
                p.skipped
                    || is_note(&text)
                    || markup::print_line(&text).is_some()
                    || self.stack.iter().any(|c| c.notes),
                text,
            ),
        };
        let kind = if note {
            BlockKind::Note
        } else if self.tables.last() == Some(&true) && heading.is_none() && !caption {
            // A data table's row: shown as it stands, a line apart, not a paragraph
            // of the story.
            BlockKind::Note
        } else if heading.is_none()
            && self.keep
            && !self.tail
            && !pre
            && self.b.ends_in_uncredited_caption()
            && crate::text::chinese::credit_only(&text).is_some()
        {
            // A caption's credit on a line of its own under it.
            BlockKind::Caption
        } else if heading.is_some() {
            BlockKind::Heading
        } else if caption || (p.image && text.chars().count() <= 120) {
            BlockKind::Caption
        } else if p.all_bold && markup::bold_line_is_heading(&text) {
            BlockKind::Heading
        } else {
            BlockKind::Paragraph
        };
        // Outside the container, a short line under an image with a credit or in a
        // caption-named element is its caption (a lead photo, a photo album).
        let kind = if (self.tail || !self.keep)
            && kind == BlockKind::Paragraph
            && self.image.is_some()
            && text.chars().count() <= 100
            && (markup::split_credit(&text).1.is_some()
                || self.stack.last().is_some_and(|c| c.caption_like))
        {
            BlockKind::Caption
        } else {
            kind
        };
        if self.tail || !self.keep {
            // An image captions only the block right under it.
            self.image = None;
            if kind == BlockKind::Caption
                && let Some(f) = self.figure.as_mut()
            {
                f.1 = true;
            }
        }
        // A note the page prints twice (an editor line again beside a button) is shown
        // once.
        if kind == BlockKind::Note
            && self.keep
            && self.tables.last() != Some(&true)
            && self.b.ends_in_note(&text)
        {
            return;
        }
        if self.tail {
            // After the container, in its parent: notes and captions.
            let pos = self.pos(line);
            match kind {
                BlockKind::Note => self.b.preformatted(pre, |b| b.push(kind, &text, pos)),
                BlockKind::Caption => self.b.preformatted(pre, |b| b.push_caption(&text, pos)),
                _ => {}
            }
            return;
        }
        if !self.keep {
            if kind == BlockKind::Caption
                && let Some(c) = &p.credit
            {
                self.outside_credits
                    .push((self.outside_captions.len(), c.clone()));
            }
            // A space beside an info item's separator ([`Walker::info_item_gap`]) is
            // the separator.
            let text = if text.contains('\u{3000}') {
                text.replace(" \u{3000}", "\u{3000}")
                    .replace("\u{3000} ", "\u{3000}")
            } else {
                text
            };
            if kind == BlockKind::Caption {
                self.outside_captions.push((
                    self.outside.len(),
                    text.clone(),
                    line,
                    self.in_article,
                ));
            }
            if kind == BlockKind::Paragraph && self.stack.iter().any(|c| c.lead) {
                self.outside_leads
                    .push((self.outside.len(), text.clone(), line, self.in_article));
            }
            self.outside
                .push((kind, text, line, heading.as_deref() == Some("h1")));
            return;
        }
        // A chapter's heading that repeats its table-of-contents title: shown once (a
        // bold paragraph set as the head too, Calibre's `<p><span class=bold>`).
        let at = self.pos(line);
        if self
            .b
            .toc_head_takes(&mut self.chapter_title, kind, &text, p.all_bold, at)
        {
            return;
        }
        // Navigation that slipped through: a short block all of links.
        if kind == BlockKind::Paragraph && p.link_chars == p.chars && p.chars < 40 {
            return;
        }
        // A callout's icon alone (📚) is shown apart, never counted as a paragraph.
        let kind = if kind == BlockKind::Paragraph && markup::is_icon(&text) {
            BlockKind::Note
        } else {
            kind
        };
        let mut pos = self.pos(line);
        // An ornament line waits for the block under it: a section's number is the
        // head's (a short line that is no sentence under a number is a head, however
        // it is styled); decoration is a section break: over text it heads the section
        // after it, as a short line does in plain text; over a head or nothing it heads
        // nothing and is shown apart as a note. (In a fragment, the Markdown around it
        // decides: [`fragment_blocks`].)
        let found = markup::ornament(&text);
        if kind != BlockKind::Note
            && self.in_tag(&["li", "td", "th"]).is_none()
            && found.is_some()
            && !(self.fragment && found == Some(markup::Ornament::Rule))
        {
            self.settle_ornament();
            self.ornament = Some((text, pos));
            self.ornament_head = kind == BlockKind::Heading && heading.is_some();
            return;
        }
        let number = self
            .ornament
            .as_ref()
            .is_some_and(|(o, _)| markup::ornament(o) == Some(markup::Ornament::Number));
        let kind = if number
            && kind == BlockKind::Paragraph
            && self.in_tag(&["li"]).is_none()
            && markup::heads_numbered_section(&text)
        {
            BlockKind::Heading
        } else {
            kind
        };
        let text = match self.ornament.take() {
            Some((o, opos)) if number && kind == BlockKind::Heading => {
                pos = opos;
                styles.clear();
                format!("{o} {text}")
            }
            Some((o, opos)) if kind == BlockKind::Paragraph => {
                let heads = match markup::ornament(&o) {
                    Some(markup::Ornament::Rule) => true,
                    Some(markup::Ornament::Number) => self.ornament_head,
                    None => false,
                };
                let kind = if heads {
                    BlockKind::Heading
                } else {
                    BlockKind::Note
                };
                self.b.push(kind, &o, opos);
                text
            }
            o => {
                self.ornament = o;
                self.settle_ornament();
                text
            }
        };
        if kind == BlockKind::Caption {
            if let Some(f) = self.figure.as_mut() {
                f.1 = true;
            }
            self.image = None;
            self.b.preformatted(pre, |b| match p.credit {
                Some(c) => {
                    let name = credit_name(&c);
                    b.push_credited_caption(&text, styles, &c, &name, pos, pos);
                }
                None => b.push_caption_styled(&text, styles, pos),
            });
            return;
        }
        // An image's caption: the short block right under it.
        if let Some((alt, aline)) = self.image.take() {
            // The photo's credit alone under it ("图片来源：X"): the credit of a caption
            // that is the photo's alt, or of none.
            if kind == BlockKind::Paragraph
                && let Some(name) = crate::text::chinese::credit_only(&text)
            {
                let name = name.to_string();
                let (caption, cpos) = if meaningful_alt(&alt) {
                    (alt.as_str(), self.pos(aline))
                } else {
                    ("", pos)
                };
                self.b
                    .push_credited_caption(caption, Vec::new(), &text, &name, cpos, pos);
                return;
            }
            let (_, credit) = markup::split_credit(&text);
            let short = text.chars().count() <= 100;
            if kind == BlockKind::Paragraph
                && short
                && (credit.is_some() || self.stack.last().is_some_and(|c| c.caption_like))
            {
                self.b
                    .preformatted(pre, |b| b.push_caption_styled(&text, styles, pos));
                return;
            }
            if meaningful_alt(&alt) {
                let apos = self.pos(aline);
                self.b.push_caption(&alt, apos);
            }
        }
        let text_len = text.len();
        let text = match self.in_tag(&["li"]).map(|c| c.item) {
            Some(0) => format!("• {text}"),
            Some(n) => format!("{n}. {text}"),
            None => text,
        };
        // Styles are kept on what is shown as text: a bold line made a heading is bold
        // as a heading, a note is shown apart.
        if kind == BlockKind::Paragraph {
            let marker = text.len() - text_len;
            markup::shift_spans(&mut styles, marker);
        } else {
            styles.clear();
        }
        // A short paragraph ending in a credit ("…工具箱。受访者供图") is the caption
        // of a photo right under it, printed above it: known when the photo comes.
        let credited = kind == BlockKind::Paragraph
            && marker_free(&text, text_len)
            && text.chars().count() <= 100
            && matches!(markup::split_credit(&text), (c, Some(_)) if !c.is_empty());
        if kind == BlockKind::Paragraph && self.stack.iter().any(|c| c.lead) {
            if self.inside_leads.0 == 0 {
                self.inside_leads.1 = self.b.is_empty();
            }
            self.inside_leads.0 += 1;
        }
        self.b
            .preformatted(pre, |b| b.push_styled(kind, &text, styles, pos));
        self.caption_above = credited.then(|| self.b.len());
    }

    fn open(&mut self, el: &Element) {
        let name = tag_name(el);
        let line = dom::line_of(el);
        if line > 0 {
            self.cursor = line;
        }
        if !written(el) {
            return;
        }
        // A book's table of contents pointing at this element: its heading stands here.
        let id = el
            .attr("id")
            .or_else(|| el.attr("name").filter(|_| el.name() == "a"));
        if let Some(label) = id.and_then(|id| self.anchors.remove(id)) {
            self.flush();
            self.settle_ornament();
            let pos = self.pos(line);
            self.chapter_title = self.b.push_toc_head(&label, pos);
        }
        if styled_bold(el)
            || titled_span(el)
            || (self.chapters && class_bold(el))
            || self.sheet_bold(el)
        {
            self.bold += 1;
        }
        match name {
            "b" | "strong" => self.bold += 1,
            "em" | "i" | "cite" => self.emph += 1,
            "a" => self.links += 1,
            "code" => self.code += 1,
            "img" => {
                let alt = image_text(el);
                // The paragraph just before, ending in a credit, is this photo's
                // caption, printed above it.
                let above = self.pending.raw.text.trim().is_empty()
                    && self.caption_above.take() == Some(self.b.len());
                if above {
                    self.b.last_paragraph_to_caption();
                    if let Some(f) = self.figure.as_mut() {
                        f.1 = true;
                    }
                    return;
                }
                if let Some(f) = self.figure.as_mut() {
                    f.0 = Some((alt, line));
                } else if !self.pending.raw.text.trim().is_empty() {
                    self.flush();
                    self.image = Some((alt, line));
                } else {
                    self.image = Some((alt, line));
                    self.pending.image = true;
                }
                return;
            }
            "td" | "th" => {
                if !self.pending.raw.text.trim().is_empty() {
                    self.pending.raw.push(" | ", false, false);
                }
                return;
            }
            _ => {}
        }
        if !BLOCK_TAGS.contains(&name) {
            return;
        }
        self.flush();
        if name == "br" || name == "hr" {
            // Text after a line break starts on the break's line (or after it).
            self.pending.line = line;
            return;
        }
        if name == "pre" {
            self.pre += 1;
        }
        if self.chapters
            && name == "section"
            && let Some(t) = el.attr("data-yuedu-chapter")
        {
            // The chapter's headings at its start (one a line), and those at an
            // element inside it ([`markup::CHAPTER_ANCHORS`]).
            if !t.trim().is_empty() {
                self.settle_ornament();
            }
            self.chapter_title = None;
            let pos = self.pos(line);
            for label in t.lines() {
                if let Some(head) = self.b.push_toc_head(label, pos) {
                    self.chapter_title = Some(head);
                }
            }
            self.anchors = el
                .attr(markup::CHAPTER_ANCHORS)
                .unwrap_or("")
                .lines()
                .filter_map(|l| l.split_once('\t'))
                .map(|(id, label)| (id.to_string(), label.to_string()))
                .collect();
        }
        if name == "figure" {
            self.figure = Some((None, false));
        }
        let ws = words(el);
        // (The class "editor" names an article's container on many sites, TRS_Editor:
        // notes are known by their words, not their class.)
        let centred = el
            .attr("align")
            .is_some_and(|a| a.eq_ignore_ascii_case("center"))
            || el.attr("style").is_some_and(|s| {
                s.replace(' ', "")
                    .to_ascii_lowercase()
                    .contains("text-align:center")
            });
        let caption_like = centred
            || ws.iter().any(|w| {
                [
                    "caption",
                    "pic",
                    "img",
                    "photo",
                    "imgtext",
                    "tu",
                    "desc",
                    "figure",
                    "illustrate",
                ]
                .iter()
                .any(|k| w.starts_with(k))
            });
        let item = match (name, self.stack.last()) {
            ("li", Some(parent)) if parent.tag == "ol" => parent.item,
            _ => 0,
        };
        if name == "li"
            && let Some(parent) = self.stack.last_mut()
            && parent.tag == "ol"
        {
            parent.item += 1;
        }
        self.stack.push(Ctx {
            tag: name.to_string(),
            line,
            caption_like,
            lead: ws.iter().any(|w| LEAD_WORDS.contains(&w.as_str())),
            item: if name == "ol" { 1 } else { item },
            notes: marks_notes(el),
        });
        if self.pending.raw.text.is_empty() {
            self.pending.line = line;
        }
        if el.attr(markup::SKIPPED_ATTR).is_some() {
            self.pending.skipped = true;
        }
    }

    fn close(&mut self, el: &Element) {
        let name = el.name();
        if !written(el) {
            return;
        }
        if styled_bold(el)
            || titled_span(el)
            || (self.chapters && class_bold(el))
            || self.sheet_bold(el)
        {
            self.bold = self.bold.saturating_sub(1);
        }
        match name {
            "b" | "strong" => self.bold = self.bold.saturating_sub(1),
            "em" | "i" | "cite" => self.emph = self.emph.saturating_sub(1),
            "a" => self.links = self.links.saturating_sub(1),
            "code" => self.code = self.code.saturating_sub(1),
            _ => {}
        }
        if !BLOCK_TAGS.contains(&name) || name == "br" || name == "hr" {
            return;
        }
        self.flush();
        if name == "pre" {
            self.pre = self.pre.saturating_sub(1);
        }
        if name == "figure"
            && let Some((alt, got_caption)) = self.figure.take()
            && !got_caption
            && let Some((alt, line)) = alt
            && meaningful_alt(&alt)
        {
            let pos = self.pos(line);
            if self.keep {
                self.settle_ornament();
                self.b.push_caption(&alt, pos);
            } else {
                self.outside_captions
                    .push((self.outside.len(), alt, line, self.in_article));
            }
        }
        if name == "figure"
            && let Some((credit, pos)) = self.figure_credit.take()
            && !self.b.credit_last_caption(&credit, pos)
        {
            // No caption to take it: the photo's credit alone, a caption of no text.
            let name = credit_name(&credit);
            self.b
                .push_credited_caption("", Vec::new(), &credit, &name, pos, pos);
        }
        if let Some(i) = self.stack.iter().rposition(|c| c.tag == name) {
            self.stack.truncate(i);
        }
    }

    /// Whether `n` is an item of an info line set next to the one before it with
    /// nothing between (WeChat's and portals' `<span class="time">…</span><span
    /// class="source">…</span>`): the pieces are told apart by a separator in the
    /// header's text rather than glued. Outside headings only.
    fn info_item_gap(&self, n: NodeRef<'_, Node>) -> bool {
        const ITEMS: &[&str] = &["span", "em", "time", "a", "i", "small", "label", "font"];
        let marked = |e: &Element| {
            ITEMS.contains(&e.name())
                && (e.attr("class").is_some()
                    || e.id().is_some()
                    || e.attr("data-role").is_some()
                    || e.name() == "time")
        };
        let Some(el) = element(n) else { return false };
        let Some(prev) = sibling_element(n, false) else {
            return false;
        };
        let Some(pel) = element(prev) else {
            return false;
        };
        let last = trim_text(&self.pending.raw.text).chars().next_back();
        // An item that opens with its own label ("攝影：", "出版："), marked or not.
        // (Its first few nodes only: a deep page stays linear.)
        let labelled = || {
            let mut t = String::new();
            for d in n.descendants().take(16) {
                if let Some(x) = d.value().as_text() {
                    t.push_str(x);
                }
                if t.len() > 40 {
                    break;
                }
            }
            let t = trim_text(&t);
            t.find(['：', ':']).is_some_and(|c| {
                let label = &t[..c];
                (1..=6).contains(&label.chars().count()) && label.chars().all(is_han)
            })
        };
        // A row of items and nothing else (`<div><span>DATE</span><span>撰文／X</span>
        // <span>SOURCE</span></div>`): an info line's pieces, however unmarked, when
        // the row is no sentence and nothing (not even a space) parts the two.
        let row = || {
            n.prev_sibling().is_some_and(|p| p.id() == prev.id())
                && n.parent().is_some_and(|parent| {
                    // A small row only (a few items, up to 120 characters: 360 bytes
                    // of UTF-8 at most), read in bounded steps.
                    let mut bytes = 0;
                    parent.descendants().nth(64).is_none()
                        && parent.children().all(|c| match c.value() {
                            Node::Element(e) => ITEMS.contains(&e.name()),
                            Node::Text(t) => trim_text(&t.text).is_empty(),
                            _ => true,
                        })
                        && parent.descendants().all(|d| match d.value() {
                            Node::Text(t) => {
                                bytes += t.text.len();
                                bytes <= 360 && !t.text.contains(['。', '！', '？'])
                            }
                            _ => true,
                        })
                })
        };
        ITEMS.contains(&el.name())
            && ITEMS.contains(&pel.name())
            && (marked(el) || marked(pel) || labelled() || row())
            && last.is_some_and(|c| !"｜|丨/：:".contains(c))
            && self.in_tag(&["h1", "h2", "h3", "h4", "h5", "h6"]).is_none()
    }

    /// Walks `from` (skipping furniture); blocks inside the container, its pieces
    /// `body` from the first to the last ([`find_root`]) with what stands between them
    /// but the siblings left out, are kept, those before it and those set aside are
    /// collected as the outside (for the header). All is kept when `body` has no pieces.
    fn walk(&mut self, from: NodeRef<'_, Node>, body: &Body<'_>) {
        let mut skip: Option<ego_tree::NodeId> = None;
        let (root, last) = (
            body.pieces.first().map(|r| r.id()),
            body.pieces.last().map(|r| r.id()),
        );
        // Between the pieces of a split body, a sibling not among them is left out.
        let left_out = |n: NodeRef<'_, Node>| body.left_out.contains(&n.id());
        self.keep = root.is_none();
        let mut done = false;
        let mut end: Option<ego_tree::NodeId> = None;
        for edge in from.traverse() {
            if done {
                break;
            }
            match edge {
                Edge::Open(n) => {
                    if skip.is_some() {
                        continue;
                    }
                    if Some(n.id()) == self.article {
                        self.in_article = true;
                    }
                    if Some(n.id()) == root {
                        self.flush();
                        self.keep = true;
                        // An image before the article (a logo) captions nothing in it.
                        self.image = None;
                    }
                    match n.value() {
                        Node::Element(el) => {
                            if ((is_furniture(el) || is_promo_box(n) || is_toc_box(n))
                                && Some(n.id()) != root
                                && Some(n.id()) != last)
                                || (self.keep && !self.tail && left_out(n))
                            {
                                skip = Some(n.id());
                                continue;
                            }
                            if body.aside.contains(&n.id()) {
                                self.flush();
                                self.keep = false;
                            }
                            // An image inside a sentence splits nothing: the text
                            // around it stays one paragraph, in order.
                            if tag_name(el) == "img"
                                && self.figure.is_none()
                                && !self.pending.raw.text.trim().is_empty()
                                && text_follows_in_block(n)
                            {
                                self.inline_image(el);
                                continue;
                            }
                            // In a caption (a figcaption, or the block a page's class
                            // names one: `div.photo_caption`), an element its class
                            // names the credit, the photographer or the photo's byline
                            // (`span.photo_byline`).
                            if self.credit_el.is_none()
                                && (self.in_tag(&["figcaption"]).is_some()
                                    || self.stack.last().is_some_and(|c| c.caption_like))
                                && words(el).iter().any(|w| {
                                    w.starts_with("credit")
                                        || w.starts_with("photographer")
                                        || w == "byline"
                                })
                            {
                                self.credit_el = Some((n.id(), self.pending.raw.text.len()));
                            }
                            if !self.keep && self.info_item_gap(n) {
                                self.pending.raw.push("　", false, false);
                            }
                            if el.name() == "table" {
                                self.flush();
                                self.tables.push(is_data_table(n));
                            }
                            self.open(el);
                        }
                        Node::Text(t) => self.text(&t.text),
                        _ => {}
                    }
                }
                Edge::Close(n) => {
                    if skip == Some(n.id()) {
                        skip = None;
                        continue;
                    }
                    if skip.is_some() {
                        continue;
                    }
                    if let Some((id, from)) = self.credit_el
                        && id == n.id()
                    {
                        self.credit_el = None;
                        let credit = collapse_ws(self.pending.raw.text.get(from..).unwrap_or(""));
                        if !credit.is_empty() {
                            self.pending.raw.truncate(from);
                            self.pending.credit = Some(credit);
                        }
                    }
                    if let Node::Element(el) = n.value() {
                        self.close(el);
                        if el.name() == "table" {
                            self.tables.pop();
                        }
                    }
                    if body.aside.contains(&n.id()) {
                        self.flush();
                        self.keep = true;
                        self.image = None;
                    }
                    if Some(n.id()) == self.article {
                        self.in_article = false;
                    }
                    if Some(n.id()) == last {
                        self.flush();
                        self.settle_ornament();
                        // Notes after the container, up to the end of its parent.
                        self.tail = true;
                        end = n.parent().map(|p| p.id());
                        if end.is_none() {
                            done = true;
                        }
                    } else if end == Some(n.id()) {
                        self.flush();
                        done = true;
                    }
                }
            }
        }
        self.flush();
        self.settle_ornament();
        // An image last in the text, with nothing under it: its alt is its caption.
        if let Some((alt, line)) = self.image.take()
            && self.keep
            && !self.tail
            && meaningful_alt(&alt)
        {
            let pos = self.pos(line);
            self.b.push_caption(&alt, pos);
        }
    }
}

/// Whether a `font-weight` value is bold: `bold`, `bolder` or 600 to 900.
fn bold_weight(v: &str) -> bool {
    v.starts_with("bold") || v.parse::<u16>().is_ok_and(|w| (600..=900).contains(&w))
}

/// The classes the document's own style rules make bold: a rule whose selector is one
/// class (`.s3`, `p.paragraph-style-2`, in a list of selectors or an `@media` block)
/// and whose declarations set `font-weight` bold ([`bold_weight`]), as Apple Pages and
/// InDesign write a book's subheads (`<p class="paragraph-style-2">` over `<style>.
/// paragraph-style-2{font-weight:bold}</style>`). Read from the `<style>` elements and,
/// in a book, each chapter's head as [`crate::formats::epub`] keeps it
/// (`data-yuedu-head`) and the classes its linked sheets make bold
/// ([`markup::BOLD_CLASSES_ATTR`]). A selector naming more than one element (`.nav a`) or a state
/// (`a.x:hover`) is not read.
fn bold_classes(doc: &Html) -> HashSet<String> {
    let mut css = String::new();
    let mut out = HashSet::new();
    for n in doc.tree.root().descendants() {
        let Node::Element(el) = n.value() else {
            continue;
        };
        if el.name() == "style" {
            for t in n.descendants().filter_map(|d| d.value().as_text()) {
                css.push_str(&t.text);
                css.push('}');
            }
        }
        if let Some(names) = el.attr(markup::BOLD_CLASSES_ATTR) {
            out.extend(names.split_ascii_whitespace().map(str::to_string));
        }
        if let Some(head) = el.attr("data-yuedu-head") {
            let mut rest = head;
            while let Some(open) = rest.find("<style") {
                let after = &rest[open..];
                let Some(gt) = after.find('>') else { break };
                let body = &after[gt + 1..];
                let end = body.find("</style").unwrap_or(body.len());
                css.push_str(&body[..end]);
                css.push('}');
                rest = &body[end..];
            }
        }
    }
    out.extend(css_bold_classes(&css));
    out
}

/// [`bold_classes`]'s reading of a style sheet's text (a book's linked sheets are read
/// by [`crate::formats::epub`] with it).
pub(crate) fn css_bold_classes(css: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    // Comments out, then each rule: what stands before its last `{` up to its `}`.
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(i) = rest.find("/*") {
        text.push_str(&rest[..i]);
        rest = rest[i + 2..]
            .find("*/")
            .map_or("", |j| &rest[i + 2 + j + 2..]);
    }
    text.push_str(rest);
    for rule in text.split('}') {
        let Some((selectors, decls)) = rule.rsplit_once('{') else {
            continue;
        };
        if !declarations(decls).any(|(p, v)| p == "font-weight" && bold_weight(&v)) {
            continue;
        }
        for sel in selectors.rsplit('{').next().unwrap_or("").split(',') {
            let sel = sel.trim();
            let Some((tag, class)) = sel.split_once('.') else {
                continue;
            };
            let plain = |t: &str, extra: char| {
                t.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == extra)
            };
            if plain(tag, '_') && !class.is_empty() && plain(class, '-') {
                out.insert(class.to_string());
            }
        }
    }
    out
}

/// Whether an element's own style sets its text bold (`font-weight: bold`, `bolder` or
/// 600 to 900), as WeChat's editor and pages made with it print subheads
/// (`<span style="font-weight:bold">`) instead of `<b>`/`<strong>`.
/// Whether a book's element is bold by its class (Calibre's `<span class="bold">`).
fn class_bold(el: &Element) -> bool {
    el.attr("class").is_some_and(|c| {
        c.split_ascii_whitespace()
            .any(|w| w.eq_ignore_ascii_case("bold") || w.eq_ignore_ascii_case("strong"))
    })
}

fn styled_bold(el: &Element) -> bool {
    el.name() != "img"
        && el
            .attr("style")
            .is_some_and(|s| declarations(s).any(|(p, v)| p == "font-weight" && bold_weight(&v)))
}

/// An inline element its class names a heading (虎嗅's `span.text-big-title`, a
/// `span.subhead`, `font.heading`): styled as a head by its stylesheet, so read as
/// bold, and a short line of it alone is a subhead as a bold line is
/// ([`markup::bold_line_is_heading`]). Never a photo's title or caption.
fn titled_span(el: &Element) -> bool {
    matches!(el.name(), "span" | "font" | "em" | "strong" | "b") && {
        let ws = words(el);
        ws.iter()
            .any(|w| matches!(w.as_str(), "title" | "heading" | "subhead" | "subheading"))
            && !ws.iter().any(|w| {
                matches!(
                    w.as_str(),
                    "img" | "image" | "pic" | "photo" | "caption" | "credit" | "note"
                )
            })
    }
}

/// Editor's note boxes among blocks outside the container (`first` is the index of
/// `blocks[0]` there): a block whose text opens with 编者按/編者按 (a colon after it, or
/// inside 【】), its text the rest of it, or the next block when it is the head alone.
/// Each as (index, head, text, source line).
fn editors_notes(
    blocks: &[(BlockKind, String, usize, bool)],
    first: usize,
) -> Vec<(usize, &'static str, &str, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let (kind, t, line, _) = &blocks[i];
        let t = markup::trim_text(t);
        let opened = t.trim_start_matches(['【', '[', '■', '◆']);
        let found = EDITORS_NOTE_HEADS
            .iter()
            .find_map(|h| opened.strip_prefix(h).map(|rest| (*h, rest)));
        if *kind != BlockKind::Caption
            && let Some((head, rest)) = found
        {
            let rest = markup::trim_text(rest.trim_start_matches(['】', ']', '：', ':']));
            if !rest.is_empty() {
                out.push((first + i, head, rest, *line));
            } else if let Some((BlockKind::Paragraph, next, _, _)) = blocks.get(i + 1) {
                out.push((first + i, head, markup::trim_text(next), *line));
                i += 1;
            }
        }
        i += 1;
    }
    out
}

/// Whether text follows `n` in its block, before a line break or another block starts
/// (looking through the inline elements around it: `<a>`, `<span>`): an image there
/// stands inside a sentence.
fn text_follows_in_block(n: NodeRef<'_, Node>) -> bool {
    let mut cur = n;
    loop {
        for s in cur.next_siblings() {
            match s.value() {
                Node::Text(t) if !t.text.trim().is_empty() => return true,
                Node::Element(el) => {
                    if BLOCK_TAGS.contains(&el.name()) {
                        return false;
                    }
                    if is_furniture(el) || el.name() == "img" {
                        continue;
                    }
                    // Bounded: a huge inline element is looked into only so far.
                    if s.descendants().take(256).any(|d| match d.value() {
                        Node::Text(t) => !t.text.trim().is_empty(),
                        _ => false,
                    }) {
                        return true;
                    }
                }
                _ => {}
            }
        }
        match cur.parent() {
            Some(p) if element(p).is_some_and(|e| !BLOCK_TAGS.contains(&e.name())) => cur = p,
            _ => return false,
        }
    }
}

/// An `alt` or `title` worth showing as a caption: Chinese text of five characters or
/// more that is not a file name.
/// Whether the table `n` holds data rather than lays out a page: at least two rows,
/// most of them of two or more cells, each cell a short run of text (at most 40
/// characters) with no paragraph, image, heading or table inside. Looks at most at
/// 4096 nodes.
fn is_data_table(n: NodeRef<'_, Node>) -> bool {
    let mut rows = 0usize;
    let mut wide_rows = 0usize;
    let mut cells_in_row = 0usize;
    let mut cell_chars = 0usize;
    for edge in n.traverse().take(8192) {
        match edge {
            Edge::Open(d) => match d.value() {
                Node::Element(el) => match el.name() {
                    "tr" => {
                        rows += 1;
                        cells_in_row = 0;
                    }
                    "td" | "th" => {
                        cells_in_row += 1;
                        cell_chars = 0;
                        if cells_in_row == 2 {
                            wide_rows += 1;
                        }
                    }
                    "table" if d.id() != n.id() => return false,
                    "p" | "div" | "img" | "figure" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                    | "ul" | "ol" | "blockquote" | "section" => return false,
                    _ => {}
                },
                Node::Text(t) => {
                    cell_chars += t.text.chars().filter(|c| !c.is_whitespace()).count();
                    if cell_chars > 40 {
                        return false;
                    }
                }
                _ => {}
            },
            Edge::Close(_) => {}
        }
    }
    rows >= 2 && wide_rows * 2 > rows
}

/// What an image inside a sentence gives the text ([`Walker::inline_image`]).
#[derive(Debug, PartialEq, Eq)]
enum InlineImage {
    /// An emoji or icon: its alt stands in the sentence.
    Text,
    /// A photo: its alt is a caption after the paragraph.
    Caption,
    /// No alt worth showing (none, a file name, "图片").
    Nothing,
}

/// Names of emoji and icon images, in their class, id or file path.
const ICON_WORDS: &[&str] = &[
    "emoji",
    "emot",
    "smil",
    "face",
    "icon",
    "biaoqing",
    "expression",
    "sticker",
    "wx_emo",
];

/// What the image `el` with `alt` inside a sentence is: an emoji or icon (named so in
/// its class, id or file, at most 48 pixels wide or high in its attributes, or an alt
/// in brackets as WeChat and Weibo write them, "[微笑]") is text; any other image is a
/// photo, whose alt is a caption unless it says nothing (a file name, "图片").
fn inline_image(el: &Element, alt: &str) -> InlineImage {
    let alt = trim_text(alt);
    let lower = alt.to_ascii_lowercase();
    let says_nothing = alt.is_empty()
        || [".jpg", ".png", ".gif", ".jpeg", ".webp", ".svg"]
            .iter()
            .any(|e| lower.ends_with(e))
        || [
            "图片", "圖片", "图", "圖", "配图", "配圖", "image", "img", "photo", "picture", "icon",
        ]
        .contains(&lower.as_str());
    if says_nothing {
        return InlineImage::Nothing;
    }
    let src = el
        .attr("src")
        .or(el.attr("data-src"))
        .unwrap_or("")
        .to_ascii_lowercase();
    let named = words(el)
        .iter()
        .chain(std::iter::once(&src))
        .any(|w| ICON_WORDS.iter().any(|k| w.contains(k)));
    let small = ["width", "height"].iter().any(|a| {
        el.attr(a)
            .and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok())
            .is_some_and(|v| v <= 48)
    });
    let bracketed = (alt.starts_with('[') && alt.ends_with(']'))
        || (alt.starts_with('【') && alt.ends_with('】'));
    if named || small || bracketed {
        InlineImage::Text
    } else {
        InlineImage::Caption
    }
}

/// A box that opens with a promotion's heading ("播客推介", "广告":
/// [`furniture::is_promo_label`]): a `section`, `aside` or `div` whose heading is among its
/// first three elements.
/// Whether `n` is a table of contents set in a page's body (CSDN's `div.toc` under its
/// 文章目录 head, a Markdown renderer's `[TOC]`: `.markdown-toc`, `#toc`, `.md-toc`,
/// `.table-of-contents`, WordPress's `#ez-toc-container`), or the head over one: page
/// furniture, never a heading or text. Known by its class or id (the word `toc`, or
/// "table of contents" in its words), or by its shape: a list of two or more links,
/// every one to a place in the page (`#…`), with at most a label's worth of text beside
/// them; a head naming a table of contents (目录, 文章目录, Contents:
/// [`furniture::is_toc_label`]) right above such a box goes with it. (A notes list is
/// none: a note's text stands outside its backlink.)
fn is_toc_box(n: NodeRef<'_, Node>) -> bool {
    let Some(el) = element(n) else { return false };
    if matches!(
        el.name(),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "p" | "div" | "strong" | "b"
    ) {
        // A label is a few nodes (`<h3><a name></a>目录</h3>`): a larger element is none.
        let mut label = String::new();
        for (i, d) in n.descendants().enumerate() {
            if i > 8 {
                return toc_box(n);
            }
            if let Node::Text(t) = d.value() {
                label.push_str(&t.text);
            }
        }
        if furniture::is_toc_label(&label) {
            return sibling_element(n, true).is_some_and(toc_box);
        }
    }
    toc_box(n)
}

/// [`is_toc_box`] for the box itself.
fn toc_box(n: NodeRef<'_, Node>) -> bool {
    let Some(el) = element(n) else { return false };
    let pieces = word_pieces(el);
    let named = pieces
        .iter()
        .any(|(w, _)| w == "toc" || w == "tableofcontents")
        || pieces
            .windows(3)
            .any(|w| w[0].0 == "table" && w[1].0 == "of" && w[2].0 == "contents");
    if named {
        return matches!(
            el.name(),
            "div" | "section" | "ul" | "ol" | "p" | "details" | "dl" | "table"
        );
    }
    if !matches!(el.name(), "ul" | "ol") {
        return false;
    }
    // Read at most a long table's worth of nodes: a larger list is no table of
    // contents, and deep nesting stays linear.
    const BUDGET: usize = 600;
    let (mut links, mut outside, mut seen) = (0usize, 0usize, 0usize);
    let mut in_link: Option<ego_tree::NodeId> = None;
    for edge in n.traverse() {
        match edge {
            Edge::Open(d) => {
                seen += 1;
                if seen > BUDGET {
                    return false;
                }
                match d.value() {
                    Node::Element(e) if e.name() == "a" => {
                        if !e
                            .attr("href")
                            .is_some_and(|h| h.len() > 1 && h.starts_with('#'))
                        {
                            return false;
                        }
                        links += 1;
                        in_link.get_or_insert(d.id());
                    }
                    Node::Text(t) if in_link.is_none() => {
                        // Words, not an entry's number ("1.2") or its marks.
                        outside += t.text.chars().filter(|c| c.is_alphabetic()).count();
                        if outside > 8 {
                            return false;
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(d) if in_link == Some(d.id()) => in_link = None,
            Edge::Close(_) => {}
        }
    }
    links >= 2
}

fn is_promo_box(n: NodeRef<'_, Node>) -> bool {
    let Some(el) = element(n) else { return false };
    if !matches!(el.name(), "section" | "aside" | "div") {
        return false;
    }
    n.descendants()
        .skip(1)
        .filter(|d| d.value().is_element())
        .take(3)
        .find(|d| element(*d).is_some_and(|e| matches!(e.name(), "h2" | "h3" | "h4" | "h5")))
        .is_some_and(|h| furniture::is_promo_label(&node_text(h)))
}

/// The name in a credit the page marks as one: the name [`crate::text::chinese::credit_only`]
/// reads, else the credit before " for " ("X for The New York Times"), else all of it.
fn credit_name(printed: &str) -> String {
    if let Some(name) = crate::text::chinese::credit_only(printed) {
        return name.to_string();
    }
    let t = markup::trim_text(printed);
    t.split_once(" for ").map_or(t, |(n, _)| n).to_string()
}

/// Whether `text` (a block's text of which the last `text_len` bytes are its own) has
/// no list marker put before it.
fn marker_free(text: &str, text_len: usize) -> bool {
    text.len() == text_len
}

/// An element's tag name, an AMP page's `amp-img` read as the `img` it stands for.
fn tag_name(el: &Element) -> &str {
    match el.name() {
        "amp-img" => "img",
        n => n,
    }
}

/// What an `<img>` says of its picture: its `alt`, else its `title`; the `title` when
/// it is a longer caption ("陳家豪接手…（攝影／張哲維）") and the `alt` a short label (a
/// name, "小镇": not [`meaningful_alt`]) or empty, or the `title` holds the credit the
/// `alt` lacks ("一张证书" / "…证书。摄影：X"), as some CMSs fill them.
fn image_text(el: &Element) -> String {
    let alt = el.attr("alt").map(collapse_ws);
    let title = el.attr("title").map(collapse_ws);
    match (alt, title) {
        (Some(a), Some(t))
            if (!meaningful_alt(&a) || markup::split_credit(&t).1.is_some())
                && meaningful_alt(&t)
                && t.chars().count() > a.chars().count() =>
        {
            t
        }
        (Some(a), _) => a,
        (None, t) => t.unwrap_or_default(),
    }
}

fn meaningful_alt(alt: &str) -> bool {
    let alt = trim_text(alt);
    alt.chars().count() >= 5
        && alt.chars().any(is_han)
        && ![".jpg", ".png", ".gif", ".jpeg", ".webp"]
            .iter()
            .any(|e| alt.to_ascii_lowercase().ends_with(e))
        && !alt.contains("图片")
}

/// The article of a parsed page.
pub(crate) fn extract(doc: &Html, idx: &SourceLines) -> Article {
    let meta = read_meta(doc);
    let body = find_root(doc);
    let root = body.pieces.first().copied();
    let mut w = Walker::new(idx);
    w.bold_classes = bold_classes(doc);
    w.article = root.and_then(article_around);
    // Before the container (the h1 and the info line often stand outside it) and the
    // container itself.
    let ids: Vec<ego_tree::NodeId> = body.pieces.iter().map(|n| n.id()).collect();
    w.walk(doc.tree.root(), &body);
    let outside_captions = std::mem::take(&mut w.outside_captions);
    let outside_leads = std::mem::take(&mut w.outside_leads);
    let mut outside = std::mem::take(&mut w.outside);
    let mut header = Header::default();
    let meta_pos = idx.at_line(meta.line.max(1));
    let (title_from_tag, channel) = meta.title.as_deref().map(split_title).unzip();
    let channel = channel.flatten();

    // Headline: an h1 outside the container or a heading at its very top, the one the
    // <title> or og:title starts with when there are several (a site's logo can be an
    // h1 too); else og:title, else the <title> without the channel and site name.
    let mut drafts = w.b.finish(Header::default());
    furniture::drop_tail_prompts(&mut drafts.blocks);
    let page_titles: Vec<String> = [meta.og_title.as_deref(), meta.title.as_deref()]
        .into_iter()
        .flatten()
        .map(norm_title)
        .collect();
    // Each part of the <title> between its separators: the headline may stand after
    // the site's name ("三联生活周刊 | 标题").
    let title_parts: Vec<String> = [meta.og_title.as_deref(), meta.title.as_deref()]
        .into_iter()
        .flatten()
        .flat_map(title_pieces)
        .filter(|p| {
            !markup::is_organisation(p)
                && meta
                    .site_name
                    .as_ref()
                    .is_none_or(|(s, _)| s.as_str() != *p)
        })
        .map(norm_title)
        .filter(|p| p.chars().count() >= 4)
        .collect();
    let named = |t: &str| {
        let t = norm_title(t);
        t.chars().count() >= 2
            && (page_titles
                .iter()
                .any(|p| p.starts_with(&t) || t.starts_with(p.as_str()))
                || title_parts.contains(&t))
    };
    // With no h1 the <title> names, an element its class names the title
    // (`div.article-title`, `.nfzm-content__title`) whose text is a whole part of the
    // <title> is the headline element, on whichever side of the site's name it stands.
    let class_head = if outside.iter().any(|(_, t, _, h1)| *h1 && named(t)) {
        None
    } else {
        titled_headline(doc, &title_parts, &page_titles)
    };
    if let Some(h) = &class_head
        && let Some(o) = outside.iter_mut().find(|(_, t, _, _)| norm_title(t) == *h)
    {
        o.0 = BlockKind::Heading;
        o.3 = true;
    }
    // With no h1 the <title> names, a heading before the container that it names
    // (`div.title > h2`) is the headline element.
    if !outside.iter().any(|(_, t, _, h1)| *h1 && named(t))
        && let Some(o) = outside
            .iter_mut()
            .find(|(kind, t, _, _)| *kind == BlockKind::Heading && named(t))
    {
        o.3 = true;
    }
    let top = drafts
        .blocks
        .iter()
        .take(3)
        .position(|bl| bl.kind == BlockKind::Heading);
    let h1s: Vec<&(BlockKind, String, usize, bool)> = outside
        .iter()
        .filter(|(_, t, _, h1)| *h1 && t.chars().count() >= 2)
        .collect();
    if let Some((_, t, line, _)) = h1s.iter().rev().find(|(_, t, _, _)| named(t)) {
        header.title = Some((t.clone(), idx.at_line(*line)));
    } else if let Some(i) = class_head.as_ref().and_then(|h| {
        drafts
            .blocks
            .iter()
            .take(3)
            .position(|bl| norm_title(&bl.text) == *h)
    }) {
        let bl = drafts.blocks.remove(i);
        header.title = Some((bl.text.to_string(), idx.at_offset(bl.src())));
    } else if let Some(i) = top.filter(|&i| named(&drafts.blocks[i].text)) {
        let bl = drafts.blocks.remove(i);
        header.title = Some((bl.text.to_string(), idx.at_offset(bl.src())));
    } else if let Some((_, t, line, _)) =
        h1s.iter().rev().find(|(_, t, _, _)| t.chars().count() >= 4)
    {
        header.title = Some((t.clone(), idx.at_line(*line)));
    } else if let Some(i) = top.filter(|&i| {
        // (Never a subhead under the body's first paragraphs.)
        drafts.blocks[..i]
            .iter()
            .all(|b| b.kind != BlockKind::Paragraph)
    }) {
        let bl = drafts.blocks.remove(i);
        header.title = Some((bl.text.to_string(), idx.at_offset(bl.src())));
    }
    // A document written in an editor and saved as HTML (Google Docs, Word) names no
    // page title: its Title style's paragraph (`p.title`, `p.MsoTitle`) is the
    // headline, and its Subtitle style's right under it the subtitle.
    let mut doc_subtitle = None;
    if header.title.is_none()
        && page_titles.is_empty()
        && let Some((t, sub)) = styled_title(doc)
        && let Some(i) = drafts.blocks.iter().take(3).position(|bl| {
            bl.kind == BlockKind::Paragraph && norm_title(&bl.text) == norm_title(&t)
        })
    {
        let bl = drafts.blocks.remove(i);
        header.title = Some((bl.text.to_string(), idx.at_offset(bl.src())));
        if let Some(s) = sub
            && drafts.blocks.get(i).is_some_and(|n| {
                n.kind == BlockKind::Paragraph && norm_title(&n.text) == norm_title(&s)
            })
        {
            let n = drafts.blocks.remove(i);
            doc_subtitle = Some((n.text.to_string(), idx.at_offset(n.src())));
        }
    }
    if header.title.is_none() {
        let t = meta
            .og_title
            .clone()
            .map(|t| split_title(&t).0)
            .or(title_from_tag);
        // Never the site's name (its logo's text, og:site_name) the <title> opens
        // with: the part after it.
        let site = |p: &str| {
            meta.logos.iter().any(|l| norm_title(l) == norm_title(p))
                || meta
                    .site_name
                    .as_ref()
                    .is_some_and(|(s, _)| norm_title(s) == norm_title(p))
        };
        let t = t.map(|t| {
            if !site(&t) {
                return t;
            }
            meta.title
                .as_deref()
                .and_then(|full| title_pieces(full).into_iter().find(|p| !site(p)))
                .map_or(t, str::to_string)
        });
        header.title = t.map(|t| (t, meta_pos));
    }
    // An image whose alt is the headline has no caption of its own.
    if let Some((t, _)) = &header.title {
        drafts.blocks.retain(|b| {
            !(b.kind == BlockKind::Caption && b.credit.is_none() && b.text.as_str() == t)
        });
    }
    // The h1 repeated in the container.
    if let Some((t, _)) = &header.title
        && let Some(i) = drafts
            .blocks
            .iter()
            .take(3)
            .position(|bl| bl.kind == BlockKind::Heading && bl.text.as_str() == t)
    {
        drafts.blocks.remove(i);
    }
    // A headline printed as a plain block near the top of the container (an old CMS's
    // `div.article_title`, its second line a "——…" subtitle after a `<br>`): shown in
    // the head, not as paragraphs; a breadcrumb trail above it is furniture.
    let mut body_subtitle = doc_subtitle;
    if let Some((t, pos)) = header.title.as_mut()
        && let Some(i) = drafts.blocks.iter().take(6).position(|bl| {
            matches!(bl.kind, BlockKind::Paragraph | BlockKind::Heading)
                && norm_title(&bl.text) == norm_title(t)
        })
    {
        let bl = drafts.blocks.remove(i);
        if pos.offset == meta_pos.offset {
            *pos = idx.at_offset(bl.src());
        }
        if drafts
            .blocks
            .get(i)
            .is_some_and(|n| n.kind == BlockKind::Paragraph && is_dash_line(&n.text))
        {
            let n = drafts.blocks.remove(i);
            body_subtitle = Some((n.text.to_string(), idx.at_offset(n.src())));
        }
        let mut k = 0;
        drafts.blocks.retain(|b| {
            k += 1;
            !(k <= i && b.kind == BlockKind::Paragraph && is_breadcrumb_line(&b.text))
        });
    }

    // Info lines: a run of them outside the container under the headline (a site often
    // splits one into byline, time and source elements), one or two right above it
    // (a date and 来源 printed over the headline), one among the first blocks (a byline
    // paragraph such as "本报记者 吴 桐"); together they are the byline.
    let mut infos = Vec::new();
    let title_line = header.title.as_ref().map_or(0, |(_, p)| p.line);
    let at_title = outside.iter().position(|(_, t, _, h1)| {
        *h1 && Some(t.as_str()) == header.title.as_ref().map(|(t, _)| t.as_str())
    });
    if let Some(h) = at_title {
        for (kind, t, line, _) in outside[..h].iter().rev().take(2).rev() {
            if *kind != BlockKind::Heading
                && let Some(inf) = parse_info(t).filter(|i| i.authors.is_empty())
            {
                infos.push((inf, t.clone(), idx.at_line(*line).offset));
            }
        }
    }
    let above = infos.len();
    // A block marked as the byline is read however its names are written: an info
    // line, a byline of names, or one in English ("By Jane Doe"), with invisible and
    // bidi controls left out.
    let marked_info = |t: &str| {
        let t: &str = &t
            .chars()
            .filter(|c| !c.is_control() && !is_format_control(*c))
            .collect::<String>();
        parse_info(t)
            .or_else(|| {
                crate::text::forms::byline(t)
                    .map(|b| b.authors)
                    .or_else(|| markup::latin_byline(t))
                    .map(|authors| markup::Info {
                        authors,
                        ..markup::Info::default()
                    })
            })
            .unwrap_or_default()
    };
    let marked_byline = byline_element(doc);
    let under: Vec<&(BlockKind, String, usize, bool)> = outside
        .iter()
        .skip(at_title.map_or(0, |h| h + 1))
        .filter(|(kind, _, line, _)| *line >= title_line && *kind != BlockKind::Heading)
        .collect();
    if let Some(first) = under
        .iter()
        .take(3)
        .position(|(_, t, _, _)| parse_info(t).is_some())
    {
        for (_, t, line, _) in under[first..].iter().take(4) {
            let Some(inf) = parse_info(t) else { break };
            infos.push((inf, t.clone(), idx.at_line(*line).offset));
        }
    } else if let Some(marked) = &marked_byline
        && let Some((_, t, line, _)) = under
            .iter()
            .take(3)
            .find(|(_, t, _, _)| collapse_ws(t) == *marked)
    {
        // The page's byline element under the headline, before the body.
        infos.push((marked_info(t), t.clone(), idx.at_line(*line).offset));
    }
    // A byline set as a list under the headline (a name, a role, where it was filed
    // from: "• 周思远 • BBC中文记者 • 发自青海玉树"), among the body's first blocks or
    // before the body: the byline, its names the authors (one rule, `byline_list`).
    let list_items = |texts: &[&str]| -> Option<(usize, Vec<String>)> {
        let first = texts.iter().position(|t| t.starts_with("• "))?;
        let items: Vec<String> = texts[first..]
            .iter()
            .take_while(|t| t.starts_with("• ") && t.chars().count() <= 22)
            .map(|t| trim_text(&t["• ".len()..]).to_string())
            .collect();
        Some((first, items))
    };
    let body_firsts: Vec<&str> = drafts
        .blocks
        .iter()
        .take(6)
        .map(|b| b.text.as_str())
        .collect();
    // Before the body a list's items may stand in elements of their own, without
    // their bullets: the short lines right under the headline, up to a date.
    let under_firsts: Vec<String> = under
        .iter()
        .take(5)
        .map(|(_, t, _, _)| t.as_str())
        .take_while(|t| {
            t.chars().count() <= 20
                && markup::find_date(t).is_none()
                && !crate::text::forms::ends_sentence(t)
        })
        .map(|t| {
            if t.starts_with("• ") {
                t.to_string()
            } else {
                format!("• {t}")
            }
        })
        .collect();
    let under_firsts: Vec<&str> = if infos.len() == above {
        under_firsts.iter().map(String::as_str).collect()
    } else {
        Vec::new()
    };
    if let Some((i, items)) = list_items(&body_firsts)
        && let Some(inf) = byline_list(&items.iter().map(String::as_str).collect::<Vec<_>>())
    {
        let at = drafts.blocks[i].src();
        drafts.blocks.drain(i..i + items.len());
        infos.push((inf, shown_list(&items), at));
    } else if let Some((i, items)) = list_items(&under_firsts)
        && let Some(inf) = byline_list(&items.iter().map(String::as_str).collect::<Vec<_>>())
    {
        let at = idx.at_line(under[i].2).offset;
        infos.push((inf, shown_list(&items), at));
    }
    // The page's printed date, alone in its block at the top: decided here, once. Before
    // the story's text (a `<time>` under the headline) it is the page's stamp, shown as
    // a note; after the first lines, with an info line read, it is the head's date.
    let date_alone = |bl: &crate::article::Block| {
        markup::find_date(&bl.text).is_some_and(|d| d == trim_text(&bl.text))
    };
    for bl in drafts.blocks.iter_mut() {
        if bl.kind != BlockKind::Paragraph {
            continue;
        }
        if !date_alone(bl) {
            break;
        }
        bl.kind = BlockKind::Note;
    }
    if let Some(i) = drafts
        .blocks
        .iter()
        .take(3)
        .position(|bl| bl.kind == BlockKind::Paragraph && date_alone(bl))
        && !infos.is_empty()
    {
        let bl = drafts.blocks.remove(i);
        let pos = idx.at_offset(bl.src());
        if header.date.is_none() {
            header.date = Some((trim_text(&bl.text).to_string(), pos));
        }
    }
    // A block the page marks as the byline (`p.byline`, `.author-line`, `.writer`)
    // among the body's first blocks: the byline, however its names are written (read
    // with invisible and bidi controls left out), never a paragraph.
    if let Some(marked) = marked_byline
        && let Some(i) = drafts
            .blocks
            .iter()
            .take(3)
            .position(|bl| bl.kind == BlockKind::Paragraph && collapse_ws(&bl.text) == marked)
    {
        let bl = drafts.blocks.remove(i);
        infos.push((marked_info(&bl.text), bl.text.to_string(), bl.src()));
    }
    if let Some(i) = drafts.blocks.iter().take(3).position(|bl| {
        bl.kind != BlockKind::Caption
            && parse_info(&bl.text).is_some_and(|inf| infos.is_empty() || !inf.authors.is_empty())
    }) {
        let bl = drafts.blocks.remove(i);
        infos.push((
            parse_info(&bl.text).unwrap_or_default(),
            bl.text.to_string(),
            bl.src(),
        ));
    }
    // The byline shows the pieces under the headline; those above it (a date and
    // source over the headline) give the date and source only, and leave the byline to
    // a dateline's bracketed reporters.
    if !infos.is_empty() {
        let shown: Vec<&str> = infos[above..]
            .iter()
            .map(|(_, t, _)| furniture::trim_info(t))
            .collect();
        if let Some((_, _, first)) = infos.get(above) {
            header.byline = Some((shown.join("　"), idx.at_offset(*first)));
        }
        for (inf, _, at) in &infos {
            let pos = idx.at_offset(*at);
            for a in &inf.authors {
                if !header.authors.contains(a) {
                    header.authors.push(a.clone());
                }
            }
            if header.date.is_none() {
                header.date = inf.date.clone().map(|d| (d, pos));
            }
            if header.source.is_none() {
                header.source = inf.source.clone().map(|s| (s, pos));
            }
        }
    }
    // The kicker (引题) above the headline and the subtitle (副题) under it, by the
    // headline's element.
    let mut kicker = None;
    let mut subtitle = None;
    let mut section_label = None;
    if let Some((t, _)) = &header.title
        && let Some(h) = headline_element(doc, t)
    {
        // In the body, or the body itself or around it.
        let inside = |n: NodeRef<'_, Node>| {
            n.ancestors().any(|a| ids.contains(&a.id()))
                || n.descendants().any(|d| ids.contains(&d.id()))
        };
        section_label = section_link_above(h).map(|(t, line)| (t, idx.at_line(line)));
        kicker = kicker_of(h).map(|(t, line, named)| (t, idx.at_line(line), named));
        subtitle = subtitle_of(h, inside).map(|(t, line)| (t, idx.at_line(line)));
        // Shown in the head, not again as the first blocks.
        for t in kicker
            .iter()
            .map(|k| &k.0)
            .chain(subtitle.iter().map(|s| &s.0))
        {
            if let Some(i) = drafts
                .blocks
                .iter()
                .take(3)
                .position(|bl| bl.text.as_str() == t)
            {
                drafts.blocks.remove(i);
            }
        }
    }
    if subtitle.is_none() {
        subtitle = body_subtitle;
    }
    // Captions before the container that belong to the article: inside its article
    // element, or after the headline (a lead photo, a photo album); never one before
    // the headline outside the article (a logo, a banner).
    let headline = outside.iter().position(|(_, t, _, h1)| {
        *h1 && Some(t.as_str()) == header.title.as_ref().map(|(t, _)| t.as_str())
    });
    // An editor's note box (编者按) between the headline and the body: its head and
    // its text, before the body, in the page's order among those captions.
    let notes = headline.map_or_else(Vec::new, |h| editors_notes(&outside[h + 1..], h + 1));
    // The note box's lines are the note's, never a standfirst too.
    let in_note = |t: &str| {
        let t = trim_text(t);
        notes
            .iter()
            .any(|(_, head, text, _)| t == trim_text(text) || t.contains(head))
    };
    let outside_leads: Vec<_> = outside_leads
        .into_iter()
        .filter(|(_, t, _, _)| !in_note(t))
        .collect();
    let mut notes = notes.into_iter().peekable();
    let mut lead = Builder::new();
    let push_note = |lead: &mut Builder, (_, head, text, line): (usize, &str, &str, usize)| {
        let pos = idx.at_line(line);
        // Where the text comes from under the head ("编者按：本文来自微信公众号…") is a
        // note, as it is in the body.
        let whole = format!("{head}：{text}");
        if let Some(note) = furniture::note_text(&whole) {
            lead.push(BlockKind::Note, &note, pos);
            return;
        }
        lead.push(BlockKind::Heading, head, pos);
        lead.push(BlockKind::Paragraph, text, pos);
    };
    // A standfirst (导语) between the headline and the body is the story's own text:
    // the subtitle when the page has none and it is one short line, else the lead
    // paragraphs before the body. Not an info line, not a head line already shown.
    let shown_head = |t: &str| {
        [
            header.title.as_ref().map(|x| &x.0),
            kicker.as_ref().map(|x| &x.0),
            subtitle.as_ref().map(|x| &x.0),
        ]
        .into_iter()
        .flatten()
        .any(|h| norm_title(h) == norm_title(t))
    };
    let leads: Vec<&(usize, String, usize, bool)> = outside_leads
        .iter()
        .filter(|(at, text, _, in_article)| {
            (*in_article || headline.is_some_and(|h| *at > h))
                && !shown_head(text)
                && parse_info(text).is_none()
        })
        .collect();
    // The same standfirst inside the container, opening its text: its first block.
    let inside_deck = leads.is_empty()
        && w.inside_leads == (1, true)
        && drafts.blocks.first().is_some_and(|first| {
            first.kind == BlockKind::Paragraph
                && is_deck(&first.text)
                && !shown_head(&first.text)
                && parse_info(&first.text).is_none()
        });
    let leads = match leads.as_slice() {
        [(_, text, line, _)] if subtitle.is_none() && is_deck(text) => {
            subtitle = Some((text.clone(), idx.at_line(*line)));
            Vec::new()
        }
        _ => leads,
    };
    if subtitle.is_none() && inside_deck {
        let bl = drafts.blocks.remove(0);
        subtitle = Some((bl.text.to_string(), idx.at_offset(bl.src())));
    }
    let mut leads = leads.into_iter().peekable();
    for (i, (at, text, line, in_article)) in outside_captions.iter().enumerate() {
        let credit = w.outside_credits.iter().find(|c| c.0 == i).map(|c| &c.1);
        while let Some(n) = notes.next_if(|n| n.0 < *at) {
            push_note(&mut lead, n);
        }
        while let Some((_, t, l, _)) = leads.next_if(|n| n.0 < *at) {
            lead.push(BlockKind::Paragraph, t, idx.at_line(*l));
        }
        let after_headline = headline.is_some_and(|h| *at > h);
        let is_title = header.title.as_ref().is_some_and(|(t, _)| t == text);
        if (*in_article || after_headline) && !is_title {
            let pos = idx.at_line(*line);
            match credit {
                Some(c) => {
                    lead.push_credited_caption(text, Vec::new(), c, &credit_name(c), pos, pos)
                }
                None => lead.push_caption(text, pos),
            }
        }
    }
    loop {
        let next_lead = leads.peek().map(|l| l.0);
        match notes.peek().map(|n| n.0) {
            Some(n) if next_lead.is_none_or(|l| n < l) => {
                if let Some(n) = notes.next() {
                    push_note(&mut lead, n);
                }
            }
            _ => match leads.next() {
                Some((_, t, l, _)) => lead.push(BlockKind::Paragraph, t, idx.at_line(*l)),
                None => break,
            },
        }
    }
    if !lead.is_empty() {
        let mut blocks = lead.finish(Header::default()).blocks;
        blocks.append(&mut drafts.blocks);
        drafts.blocks = blocks;
    }
    if header.authors.is_empty()
        && let Some(first) = drafts
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Paragraph)
    {
        header.authors = markup::dateline_authors(&first.text);
    }
    // An author block the page marks as one (`a.note-author`, `.author-name`, a
    // `div.author-details` of links "Hanna Weber | 祁雨"): its names.
    if header.authors.is_empty()
        && let Some((names, line)) = author_block(doc)
    {
        header.authors = names;
        if header.byline.is_none() {
            header.byline = Some((header.authors.join(" "), idx.at_line(line)));
        }
    }
    // The paper's print line ("《中国青年报》（2026年11月25日 05版）", a note where the page
    // prints it): the source and the date, when the head gave none.
    if let Some((paper, date, at)) = drafts.blocks.iter().find_map(|b| {
        (b.kind == BlockKind::Note)
            .then(|| markup::print_line(&b.text))
            .flatten()
            .map(|(p, d)| (p, d, b.src()))
    }) {
        let pos = idx.at_offset(at);
        if header.source.is_none() {
            header.source = Some((paper, pos));
        }
        if header.date.is_none() {
            header.date = Some((date, pos));
        }
    }
    // What the page does not print, from its meta: a byline from meta author stands
    // under the headline.
    let under_title = header.title.as_ref().map_or(meta_pos, |(_, p)| *p);
    let meta_at = |line: usize| idx.at_line(line.max(1));
    let mut meta_org: Option<(String, usize)> = None;
    if header.authors.is_empty()
        && let Some((a, _)) = &meta.author
    {
        // An agency or publication named as the author (中央社) is the source.
        let (orgs, people): (Vec<String>, Vec<String>) = a
            .split([',', '，', '、', ';', '；'])
            .map(markup::meta_author)
            .filter(|a| !a.is_empty())
            .partition(|a| markup::is_organisation(a));
        header.authors = people;
        if let Some(org) = orgs.into_iter().next() {
            meta_org = Some((org, meta.author.as_ref().map_or(0, |(_, l)| *l)));
        }
        if header.byline.is_none() && !header.authors.is_empty() {
            header.byline = Some((header.authors.join(" "), under_title));
        }
    }
    if header.authors.is_empty() && !meta.ld_authors.is_empty() {
        header.authors = meta.ld_authors.iter().map(|(a, _)| a.clone()).collect();
        if header.byline.is_none() {
            header.byline = Some((header.authors.join(" "), under_title));
        }
    }
    if header.date.is_none() {
        header.date = meta
            .published
            .clone()
            .or(meta.time.clone())
            .or(meta.ld_date.clone())
            .or(meta.posted.clone())
            .map(|(d, l)| (d, meta_at(l)));
    }
    // The account that publishes (a WeChat account's nickname) is the source: read
    // from an info row beside the writer's byline (文｜X), it is no author of its own.
    if let Some((account, _)) = &meta.account
        && header.authors.len() > 1
    {
        header.authors.retain(|a| a != account);
    }
    // The page's section (article:section, JSON-LD's articleSection): a column, never
    // the site's name.
    let page_section: Vec<String> = [&meta.section, &meta.ld_section]
        .into_iter()
        .flatten()
        .map(|(s, _)| norm_title(s))
        .collect();
    if header.source.is_none() {
        // The website's name (og:site_name) is the publication's with a word for its
        // website after it (自由時報電子報, X新闻网, X Online): the publication JSON-LD
        // names as the publisher is the source.
        let site_name = meta
            .site_name
            .clone()
            .map(|(site, l)| match &meta.ld_publisher {
                Some((p, _)) if site.len() > p.len() && site.starts_with(p.as_str()) => {
                    (p.clone(), l)
                }
                _ => (site, l),
            });
        header.source = meta
            .account
            .clone()
            .or(meta.source.clone())
            .or(meta_org)
            .or(site_name)
            .or_else(|| {
                // The site's name closing the <title> ("标题 - 频道 - 网站", "标题-某某网"):
                // the last of three parts, unless the page's section names it
                // ("标题｜网站｜社會新聞": the one before), or of two when it names a
                // publication.
                let parts = title_pieces(meta.title.as_deref()?);
                match parts.as_slice() {
                    [_, rest @ ..] if rest.len() >= 2 => rest
                        .iter()
                        .rev()
                        .find(|p| !page_section.contains(&norm_title(p)))
                        .map(|p| p.to_string()),
                    [_, site] if markup::is_organisation(site) => Some(site.to_string()),
                    _ => None,
                }
                .filter(|site| {
                    header
                        .title
                        .as_ref()
                        .is_none_or(|(t, _)| norm_title(t) != norm_title(site))
                })
                .map(|site| (site, meta.line))
            })
            .map(|(s, l)| (markup::source_name(&s).to_string(), meta_at(l)))
            .filter(|(s, _)| !s.is_empty());
    }
    // A column printed with the headline: a tag ("（走进中国乡村）TITLE", "【TAG】TITLE",
    // "TITLE（TAG）", by the plain-text parser's rule), or a label before a bar
    // ("图集｜TITLE", [`headline_label`]). The column, without its brackets or bar,
    // and the headline without it.
    let mut title_tag = None;
    let mut tail_tag = None;
    if let Some((t, p)) = header.title.as_mut() {
        if let Some((head, tag)) = crate::formats::text::split_column(t) {
            let inner = t[tag].trim_matches(['（', '）', '(', ')', '【', '】']);
            title_tag = Some((trim_text(inner).to_string(), *p));
            *t = t[head].to_string();
        } else if let Some((label, head)) = headline_label(t) {
            title_tag = Some((label.to_string(), *p));
            *t = head.to_string();
        } else if let Some((head, tag)) = headline_tail_tag(t) {
            tail_tag = Some((tag.to_string(), *p));
            *t = head.to_string();
        }
    }
    let title_text = header.title.as_ref().map(|(t, _)| t.as_str());
    // A column is not the headline again (a gallery's "图集｜TITLE"), nor a URL slug.
    // Nor the publication itself (the site's name as the <title>'s middle part).
    let publication: Vec<String> = [
        header.source.as_ref().map(|s| s.0.as_str()),
        meta.site_name.as_ref().map(|s| s.0.as_str()),
        meta.author.as_ref().map(|s| s.0.as_str()),
    ]
    .into_iter()
    .flatten()
    .map(norm_title)
    .collect();
    let column_ok = |c: &str| {
        !c.is_empty()
            && title_text.is_none_or(|t| norm_title(t) != norm_title(c))
            && !publication.contains(&norm_title(c))
            && !c
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-' || ch == '_')
    };
    // The <title>'s part after the headline is a channel, unless it is words of the
    // headline itself (the <title> split inside it).
    let in_headline = |c: &str| title_text.is_some_and(|t| norm_title(t).contains(&norm_title(c)));
    // Nor the headline with the site's name fused to it ("标题 明報新聞網", the
    // <title>'s separator missing between them): the part before the headline, a
    // short label, is the channel then ("港聞 - 标题 明報新聞網 - 每日明報").
    let holds_headline = |c: &str| {
        title_text.is_some_and(|t| {
            let (c, t) = (norm_title(c), norm_title(t));
            !t.is_empty() && c.len() > t.len() && c.contains(&t)
        })
    };
    let channel = match channel {
        Some(c) if holds_headline(&c) => {
            meta.title
                .as_deref()
                .and_then(|full| match title_pieces(full).as_slice() {
                    [first, second, _, ..]
                        if holds_headline(second)
                            && (2..=8).contains(&first.chars().count())
                            && !markup::is_organisation(first)
                            && !holds_headline(first) =>
                    {
                        Some(first.trim_end_matches("频道").to_string())
                    }
                    _ => None,
                })
        }
        c => c,
    };
    header.column = title_tag
        .filter(|(c, _)| column_ok(c))
        .or_else(|| {
            breadcrumb_column(doc, title_text)
                .map(|(c, l)| (c, idx.at_line(l)))
                .filter(|(c, _)| column_ok(c))
        })
        .or_else(|| section_label.filter(|(c, _)| column_ok(c)))
        .or_else(|| {
            meta.section
                .clone()
                .or(meta.ld_section.clone())
                .map(|(s, l)| (s, meta_at(l)))
                .filter(|(c, _)| column_ok(c))
        })
        .or_else(|| {
            column_label(doc)
                .map(|(c, l)| (c, idx.at_line(l)))
                .filter(|(c, _)| column_ok(c))
        })
        .or_else(|| {
            category_link(doc)
                .map(|(c, l)| (c, idx.at_line(l)))
                .filter(|(c, _)| column_ok(c))
        })
        .or_else(|| {
            // Not the site's name (what its logo prints: "RFI" in "标题 - RFI - 法国
            //国际广播电台").
            channel.map(|c| (c, meta_pos)).filter(|(c, _)| {
                column_ok(c)
                    && !in_headline(c)
                    && !meta.logos.iter().any(|l| norm_title(l) == norm_title(c))
            })
        })
        .or(tail_tag);
    // A short line above the headline that is the column's name is the column printed
    // there, not a kicker (a line named a kicker stays one).
    // The column printed as a piece of the info line (`span.article-column` among the
    // byline's items) is shown once, as the column.
    if let (Some((col, _)), Some((by, _))) = (&header.column, header.byline.as_mut()) {
        let pieces: Vec<&str> = by.split('\u{3000}').collect();
        if pieces.len() > 1 && pieces.iter().any(|p| trim_text(p) == col.as_str()) {
            *by = pieces
                .into_iter()
                .filter(|p| trim_text(p) != col.as_str())
                .collect::<Vec<_>>()
                .join("\u{3000}");
        }
    }
    let kicker = kicker.filter(|(t, _, named)| {
        *named
            || header
                .column
                .as_ref()
                .is_none_or(|(c, _)| norm_title(c) != norm_title(t))
    });
    // A subtitle the body prints again as its first heading (Medium's
    // `h4.graf--subtitle` under the title): shown once, as the subtitle.
    if let Some((st, _)) = &subtitle
        && let Some(i) =
            drafts.blocks.iter().take(3).position(|bl| {
                bl.kind == BlockKind::Heading && norm_title(&bl.text) == norm_title(st)
            })
    {
        drafts.blocks.remove(i);
    }
    // The publication's short name among the names ("文｜财新 周野", the page from 财新网):
    // the outlet the writer works for, no author of its own, beside another name.
    let publications: Vec<String> = [
        header.source.as_ref().map(|s| s.0.as_str()),
        meta.site_name.as_ref().map(|s| s.0.as_str()),
    ]
    .into_iter()
    .flatten()
    .map(norm_title)
    .collect();
    if header.authors.len() > 1 {
        header.authors.retain(|a| {
            let a = norm_title(a);
            a.chars().count() < 2
                || !publications
                    .iter()
                    .any(|p| p.len() > a.len() && p.starts_with(&a))
        });
    }
    let mut article = drafts;
    article.kicker = kicker.map(|(text, p, _)| crate::article::HeaderLine::new(text, p.offset));
    article.subtitle = subtitle.map(|(text, p)| crate::article::HeaderLine::new(text, p.offset));
    article.title = header
        .title
        .map(|(text, p)| crate::article::HeaderLine::new(text, p.offset));
    article.byline = header
        .byline
        .map(|(text, p)| crate::article::HeaderLine::new(text, p.offset));
    article.authors = header.authors;
    article.date = header
        .date
        .map(|(text, p)| crate::article::HeaderLine::new(text, p.offset));
    article.source = header
        .source
        .map(|(text, p)| crate::article::HeaderLine::new(text, p.offset));
    article.column = header
        .column
        .map(|(text, p)| crate::article::HeaderLine::new(text, p.offset));
    article
}

/// Whether `c` is an invisible format character: zero-width ones, bidi embeddings,
/// overrides and isolates, the BOM.
fn is_format_control(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// The text of the first element a page marks as its byline by a class or id word
/// (`p.byline`, `.author-line`, `.by-line`, `.writer`) or writes as its author's
/// `<address>`: at most 80 characters, outside furniture. Collapsed as blocks are.
fn byline_element(doc: &Html) -> Option<String> {
    doc.tree.root().descendants().find_map(|n| {
        let el = element(n)?;
        if !matches!(el.name(), "p" | "div" | "span" | "address") {
            return None;
        }
        let pieces = word_pieces(el);
        let marked = el.name() == "address"
            || pieces
                .iter()
                .any(|(w, _)| matches!(w.as_str(), "byline" | "writer" | "authorline"))
            || pieces.windows(2).any(|w| {
                matches!(
                    (w[0].0.as_str(), w[1].0.as_str()),
                    ("author" | "by", "line")
                )
            });
        if !marked
            || is_furniture(el)
            || n.ancestors().any(|a| element(a).is_some_and(is_furniture))
        {
            return None;
        }
        let t = collapse_ws(&node_text(n));
        (!t.is_empty() && t.chars().count() <= 80).then_some(t)
    })
}

/// The names in the first element a page marks as its author block (a class or id word
/// `author`: `a.note-author`, `span.author-name`, `div.author-details`; a nick name's
/// class, `a.follow-nickName`; `itemprop=author`), outside
/// furniture (comments, related boxes) and at most 60 characters long: its links'
/// texts when it has links (each a name: "Hanna Weber", "祁雨"), else the names its
/// text gives as an info line or byline ("特约记者 黎安 发自 芹苴" → 黎安), else the
/// text when it is one short name. With the element's source line.
fn author_block(doc: &Html) -> Option<(Vec<String>, usize)> {
    let name_like = |t: &str| {
        let n = t.chars().count();
        (2..=30).contains(&n)
            && !is_url(t)
            && !t.contains(['。', '，', '：', ':', '|', '｜'])
            && markup::find_date(t).is_none()
            && !markup::is_organisation(t)
            && !furniture::is_prompt(t)
            && furniture::trim_info(t) == t
    };
    for n in doc.tree.root().descendants() {
        let Some(el) = element(n) else { continue };
        // Marked by a class or id word `author`, by a user's nick name (CSDN's
        // `a.follow-nickName`, `.nick-name`; the whole word `nickname` is a WeChat
        // account's, the source: [`read_meta`]), or by schema.org's `itemprop=author`.
        let pieces = word_pieces(el);
        let marked = pieces.iter().any(|(w, _)| w == "author" || w == "authors")
            || pieces
                .windows(2)
                .any(|w| w[0].0 == "nick" && w[1].0 == "name")
            || el.attr("itemprop") == Some("author");
        if SKIPPED_TAGS.contains(&el.name()) || !marked {
            continue;
        }
        // microformats2's author of an `h-entry` (`a.p-author.h-card`, as Medium's
        // export prints it in the post's footer) is the author wherever it stands.
        let h_entry_author = el
            .attr("class")
            .is_some_and(|c| c.split_ascii_whitespace().any(|w| w == "p-author"))
            && n.ancestors().any(|a| {
                element(a).is_some_and(|e| {
                    e.attr("class")
                        .is_some_and(|c| c.split_ascii_whitespace().any(|w| w == "h-entry"))
                })
            });
        if !h_entry_author
            && (n.ancestors().any(|a| element(a).is_some_and(is_furniture)) || is_furniture(el))
        {
            continue;
        }
        let text = collapse_ws(&node_text(n));
        if text.is_empty() || text.chars().count() > 60 {
            continue;
        }
        let links: Vec<String> = n
            .descendants()
            .filter(|d| element(*d).is_some_and(|e| e.name() == "a"))
            .map(|a| collapse_ws(&node_text(a)))
            .filter(|t| !t.is_empty())
            .collect();
        let names: Vec<String> = if links.is_empty() {
            // Unlinked, only a person's name (a label such as "作者" is none).
            let latin = text.split(' ').count() >= 2
                && text
                    .split(' ')
                    .all(|w| w.starts_with(|c: char| c.is_ascii_uppercase()));
            match parse_info(&text) {
                Some(i) => i.authors,
                None if name_like(&text)
                    && (crate::text::chinese::is_person_name(&text) || latin)
                    && !["作者", "记者", "撰文", "编辑", "作者简介", "記者", "編輯"]
                        .contains(&text.as_str()) =>
                {
                    vec![text.clone()]
                }
                None => Vec::new(),
            }
        } else {
            links.into_iter().filter(|t| name_like(t)).collect()
        };
        if !names.is_empty() {
            return Some((names, dom::line_of(el)));
        }
    }
    None
}

/// The column a page prints as a label of its own near the head (`span.article-column`,
/// `div.category`, `.channel`): the first element with a class or id word column,
/// category, channel or lanmu whose text is one short label (2 to 10 characters, or a
/// section and its kind parted by a bar, "文化生活｜深度報導",
/// Chinese, no sentence, no date, no related box's label or prompt, not a row of links), outside
/// furniture. Its text and source line.
fn column_label(doc: &Html) -> Option<(String, usize)> {
    for n in doc.tree.root().descendants() {
        let Some(el) = element(n) else { continue };
        if !matches!(
            el.name(),
            "span" | "a" | "div" | "p" | "li" | "em" | "strong"
        ) || !words(el)
            .iter()
            .any(|w| matches!(w.as_str(), "column" | "category" | "channel" | "lanmu"))
            || is_furniture(el)
            || n.ancestors().any(|a| element(a).is_some_and(is_furniture))
        {
            continue;
        }
        let t = collapse_ws(&node_text(n));
        let count = t.chars().count();
        // A row of links (a post's tags, "風生活 人物") is no one label.
        let links = n
            .descendants()
            .filter(|d| element(*d).is_some_and(|e| e.name() == "a"))
            .take(2)
            .count();
        // A section and its kind parted by a bar ("文化生活｜深度報導"), each a word of
        // Han characters: the column as printed, though a byline's reading takes
        // "Y報導" for a place filed from.
        let pieces: Vec<&str> = t.split(['｜', '|', '丨']).map(trim_text).collect();
        let label_row = (2..=3).contains(&pieces.len())
            && pieces
                .iter()
                .all(|p| (2..=6).contains(&p.chars().count()) && p.chars().all(is_han));
        if (2..=12).contains(&count)
            && (count <= 10 || label_row)
            && links < 2
            && t.chars().any(is_han)
            && !t.contains(['。', '，', '：', ':', '>', '＞', '»'])
            && markup::find_date(&t).is_none()
            && (label_row || parse_info(&t).is_none())
            && !furniture::is_related_label(&t)
            && !furniture::is_prompt(&t)
        {
            return Some((t, dom::line_of(el)));
        }
    }
    None
}

/// The post's category a blog prints as a link marked `rel="category"` (WordPress's
/// `span.cat-links > a[rel="category tag"]`, often in the post's footer) inside the
/// post itself (an `article` or `.hentry`): the first such link's text, 2 to 12
/// characters. Its text and source line.
fn category_link(doc: &Html) -> Option<(String, usize)> {
    doc.tree.root().descendants().find_map(|n| {
        let el = element(n)?;
        if el.name() != "a"
            || !el
                .attr("rel")
                .is_some_and(|r| r.split_ascii_whitespace().any(|w| w == "category"))
            || !n.ancestors().any(|a| {
                element(a).is_some_and(|e| {
                    e.name() == "article"
                        || e.attr("class")
                            .is_some_and(|c| c.split_ascii_whitespace().any(|w| w == "hentry"))
                })
            })
        {
            return None;
        }
        let t = collapse_ws(&node_text(n));
        (2..=12)
            .contains(&t.chars().count())
            .then(|| (t, dom::line_of(el)))
    })
}

/// Roles a reporter's list byline names after the name ("BBC中文记者", "特约撰稿人").
const BYLINE_ROLES: &[&str] = &[
    "记者",
    "記者",
    "通讯员",
    "通訊員",
    "撰稿人",
    "特派员",
    "特派員",
    "编辑",
    "編輯",
    "作者",
];

/// A byline set as list items ("周思远", "BBC中文记者", "发自青海玉树"): two to four
/// short items, one a reporter's role or where the story was filed from (发自X), the
/// others names. Its authors, the items that are neither.
/// An item of a byline list that labels the next one, for a screen reader ("作者，",
/// "职务，"): a word of Chinese and a comma or colon, nothing else.
fn is_list_label(t: &str) -> bool {
    let t = trim_text(t);
    (2..=5).contains(&t.chars().count())
        && t.ends_with(['，', '：', ':', ','])
        && t.chars().any(is_han)
}

/// A byline list's items as the info line shows them: a label for a screen reader
/// left out.
fn shown_list(items: &[String]) -> String {
    items
        .iter()
        .filter(|t| !is_list_label(t))
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("\u{3000}")
}

fn byline_list(items: &[&str]) -> Option<markup::Info> {
    if !(2..=6).contains(&items.len()) {
        return None;
    }
    // Items that are a label for the next one (BBC's screen-reader words "作者，" and
    // "职务，" before the name and the title): the value after an author's label is a
    // name, after any other label a role; a date among the items is the date.
    let label = is_list_label;
    if items.iter().any(|t| label(t)) {
        let mut authors = Vec::new();
        let mut it = items.iter().map(|t| trim_text(t));
        while let Some(t) = it.next() {
            if label(t) {
                let word = t.trim_end_matches(['，', '：', ':', ',']);
                let value = it.next()?;
                if markup::AUTHOR_LABELS.contains(&word) {
                    authors.push(value.to_string());
                }
            } else if markup::find_date(t).is_some_and(|d| d == t) {
                // The date, which the page gives in its metadata too.
            } else {
                return None;
            }
        }
        return (!authors.is_empty()
            && authors.iter().all(|a| {
                (2..=12).contains(&a.chars().count())
                    && markup::find_date(a).is_none()
                    && !markup::is_organisation(a)
            }))
        .then(|| markup::Info {
            authors,
            ..markup::Info::default()
        });
    }
    if items.len() > 5 {
        return None;
    }
    let role =
        |t: &str| BYLINE_ROLES.iter().any(|r| t.ends_with(r)) || furniture::is_byline_piece(t);
    let filed = |t: &str| t.starts_with("发自") || t.starts_with("發自");
    if !items.iter().any(|t| role(t) || filed(t)) {
        return None;
    }
    let names: Vec<String> = items
        .iter()
        .filter(|t| !role(t) && !filed(t))
        .map(|t| t.to_string())
        .collect();
    let name_like = |t: &String| {
        let n = t.chars().count();
        (2..=12).contains(&n)
            && !t.ends_with(['。', '，', '！', '？'])
            && markup::find_date(t).is_none()
            && !markup::is_organisation(t)
    };
    (!names.is_empty() && names.iter().all(name_like)).then(|| markup::Info {
        authors: names,
        ..markup::Info::default()
    })
}

/// The label before a bar that opens a headline, as portals and accounts name a column
/// or a kind of story there ("图集｜黄河滩上的冬捕", "深读 | …"): two to eight
/// characters of words, the headline after it at least four characters. The label
/// and the headline.
fn headline_label(title: &str) -> Option<(&str, &str)> {
    let (label, rest) = title.split_once(['｜', '|', '丨'])?;
    let (label, rest) = (trim_text(label), trim_text(rest));
    let n = label.chars().count();
    ((2..=8).contains(&n)
        && label
            .chars()
            .all(|c| is_han(c) || c.is_alphanumeric() || matches!(c, '+' | '·' | ' '))
        && label.chars().any(is_han)
        && rest.chars().count() >= 4)
        .then_some((label, rest))
}

/// A series or site tag a page appends to its headline after a bar ("标题｜01深度",
/// "标题 | 深读"): two to six characters of words, the headline before it at least
/// six. The headline and the tag.
fn headline_tail_tag(title: &str) -> Option<(&str, &str)> {
    let (head, tag) = title.rsplit_once(['｜', '|', '丨'])?;
    let (head, tag) = (trim_text(head), trim_text(tag));
    let n = tag.chars().count();
    ((2..=6).contains(&n)
        && tag.chars().all(|c| is_han(c) || c.is_alphanumeric())
        && head.chars().count() >= 6
        && !head.ends_with(['｜', '|', '丨']))
    .then_some((head, tag))
}

/// Reads a book's chapters ([`crate::formats::epub::unpack`]'s document) whole: each
/// `<section data-yuedu-chapter="TITLE">` starts with its title as a heading.
pub(crate) fn book_blocks(doc: &Html, idx: &SourceLines) -> Builder {
    let mut w = Walker::new(idx);
    w.chapters = true;
    w.bold_classes = bold_classes(doc);
    w.walk(doc.tree.root(), &Body::default());
    w.b
}

/// Reads the blocks of an HTML fragment (a Markdown file's `<figure>`, an EPUB's
/// chapter) whole, without looking for a container, into `b`; `at` is where the
/// fragment starts in the source, so positions point into the file.
pub(crate) fn fragment_blocks(html: &str, at: SourcePos, b: &mut Builder) {
    let doc = dom::parse_document(html);
    let idx = SourceLines::new(html);
    let mut w = Walker::new(&idx);
    w.fragment = true;
    w.base = at;
    w.b = std::mem::take(b);
    w.walk(doc.tree.root(), &Body::default());
    *b = w.b;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_rules_name_their_bold_classes() {
        let got = css_bold_classes(
            "/* .c1{font-weight:bold} */ .s3{font-weight:bold} p.s4 , .s5 {font-size:2em;\
             font-weight : 700} .nav a{font-weight:bold} a.s6:hover{font-weight:bold}\
             .s7{font-weight:normal} @media print { .s8 { font-weight: bolder } }",
        );
        let mut got: Vec<&str> = got.iter().map(String::as_str).collect();
        got.sort_unstable();
        assert_eq!(got, ["s3", "s4", "s5", "s8"]);
    }

    fn page(body: &str) -> Article {
        let text = format!(
            "<!DOCTYPE html><html><head><meta charset=utf-8><title>渡口的清晨_社会_北岸新闻网</title></head><body>\n{body}\n</body></html>"
        );
        parse(&Arc::new(text))
    }

    fn kinds(a: &Article) -> Vec<(BlockKind, &str)> {
        a.blocks.iter().map(|b| (b.kind, b.text.as_str())).collect()
    }

    const LONG: &str = "清晨的渡口雾气很重，摆渡人老周已经把船擦得干干净净，等着第一批过河的人。";

    #[test]
    fn the_headline_is_the_heading_the_title_names_not_the_logo() {
        let a = page(&format!(
            "<div class=header><h1><a href=/><img src=logo.png alt=\"北岸新闻网新闻频道\"></a>北岸新闻网</h1></div>\n<div class=main><h1>渡口的清晨</h1>\n<p>{LONG}</p><p>{LONG}</p></div>"
        ));
        assert_eq!(
            a.title.as_ref().map(|t| t.text.as_str()),
            Some("渡口的清晨")
        );
        assert_eq!(
            kinds(&a),
            [(BlockKind::Paragraph, LONG), (BlockKind::Paragraph, LONG)]
        );
    }

    #[test]
    fn a_short_label_before_a_bar_opening_the_headline_is_a_column() {
        assert_eq!(
            headline_label("图集｜黄河滩上的冬捕"),
            Some(("图集", "黄河滩上的冬捕"))
        );
        assert_eq!(
            headline_label("深读 | 一座城的夜班公交"),
            Some(("深读", "一座城的夜班公交"))
        );
        // A sentence before the bar, a short rest, no bar: the headline stays whole.
        assert_eq!(headline_label("他说，这是最后一次｜专访"), None);
        assert_eq!(headline_label("图集｜冬捕"), None);
        assert_eq!(headline_label("黄河滩上的冬捕"), None);
        assert_eq!(headline_label("2026｜年终回顾"), None);
    }

    #[test]
    fn centred_lines_are_captions_only_under_an_image() {
        let a = page(&format!(
            "<article><h1>渡口的清晨</h1><p>{LONG}</p>\n<p style=\"text-align:center\"><strong>二、新桥</strong></p>\n<p>{LONG}</p>\n<p style=\"text-align:center\"><img src=a.jpg alt=\"渡口的清晨\"></p>\n<p style=\"text-align:center\">雾中的渡船。</p>\n<p>{LONG}</p>\n<ul><li><a href=/1>一条相关新闻</a></li></ul>\n<p style=\"text-align:center\">（完）</p></article>"
        ));
        assert_eq!(
            kinds(&a),
            [
                (BlockKind::Paragraph, LONG),
                (BlockKind::Heading, "二、新桥"),
                (BlockKind::Paragraph, LONG),
                (BlockKind::Caption, "雾中的渡船。"),
                (BlockKind::Paragraph, LONG),
                (BlockKind::Note, "（完）"),
            ]
        );
    }

    #[test]
    fn tables_and_lists_are_text() {
        let a = page(&format!(
            "<article><h1>渡口的清晨</h1><p>{LONG}</p><table><tr><th>年份</th><th>渡客</th></tr><tr><td>2025</td><td>3万人次</td></tr></table><ol><li>早班六点</li><li>末班六点</li></ol><p>{LONG}</p></article>"
        ));
        assert_eq!(
            kinds(&a),
            [
                (BlockKind::Paragraph, LONG),
                // A data table's rows are shown apart, not the story's paragraphs.
                (BlockKind::Note, "年份 | 渡客"),
                (BlockKind::Note, "2025 | 3万人次"),
                (BlockKind::Paragraph, "1. 早班六点"),
                (BlockKind::Paragraph, "2. 末班六点"),
                (BlockKind::Paragraph, LONG),
            ]
        );
    }

    #[test]
    fn em_i_cite_strong_b_are_spans_on_paragraphs_and_list_items() {
        use crate::formats::markup::styled_pieces;
        let a = page(&format!(
            "<article><h1>渡口的清晨</h1>\n<p>{LONG}他说：<strong>“船\n  是老的”</strong>，<em>水</em>是<b><i>新的</i></b>，像&lt;<cite>《渡》</cite>&gt;写的。</p>\n<ul><li>第一项<i>斜</i></li></ul>\n<p><b>全是粗体的小标题</b></p>\n<p>{LONG}</p></article>"
        ));
        let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
        let first = format!("{LONG}他说：“船是老的”，水是新的，像<《渡》>写的。");
        assert_eq!(texts[0], first);
        let pieces = styled_pieces(&a);
        assert_eq!(
            pieces[0],
            [
                ("“船是老的”", "strong"),
                ("水", "emphasis"),
                ("新的", "emphasis"),
                ("新的", "strong"),
                ("《渡》", "emphasis"),
            ]
        );
        assert_eq!(texts[1], "• 第一项斜");
        assert_eq!(pieces[1], [("斜", "emphasis")]);
        assert_eq!(a.blocks[2].kind, BlockKind::Heading);
        assert!(pieces[2].is_empty());
        assert!(pieces[3].is_empty());
        // A caption keeps its styles, its credit split off.
        let a = page(&format!(
            "<article><p>{LONG}</p><figure><img src=a.jpg><figcaption>  老周在<em>雾里</em>撑船。 林小雨 摄</figcaption></figure><p>{LONG}</p></article>"
        ));
        let (i, cap) = a.captions().next().expect("a caption");
        assert_eq!(cap.text, "老周在雾里撑船。");
        assert_eq!(cap.credit.as_ref().map(|c| c.name.as_str()), Some("林小雨"));
        assert_eq!(styled_pieces(&a)[i], [("雾里", "emphasis")]);
    }
}
