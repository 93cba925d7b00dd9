//! The page parsed by html5ever into scraper's tree, each element marked with the
//! source line its start tag was read on.
//!
//! scraper's tree is an arena (`ego_tree`: nodes in one `Vec`), so a deeply nested page
//! is neither built nor dropped by recursion, and every walk here is an iterator.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeSink};
use html5ever::{Attribute, LocalName, QualName, TokenizerResult, ns};
use scraper::{Html, HtmlTreeSink};

/// The attribute that carries an element's source line. The tokenizer lowercases every
/// attribute name it reads, so no page can hold one with this name.
pub(crate) const LINE_ATTR: &str = "yuEduLine";

/// The attribute that marks a formatting element the tree builder made again, not one
/// the page wrote: HTML's "reconstruct the active formatting elements" reopens a `<b>`
/// left unclosed around later text (`<p><b>A</p><p>B</p>` gives `<p><b>B</b></p>`).
/// Named as [`LINE_ATTR`] is, so no page can hold it.
pub(crate) const REOPENED_ATTR: &str = "yuEduReopened";

/// How deep elements nest before further start tags are left out (their text is kept,
/// as a sibling of the deepest element): browsers flatten the same way (Chrome at 512).
/// Without it, every start tag in a document nested 100 000 deep would look through the
/// whole stack of open elements (quadratic time).
pub(crate) const MAX_DEPTH: usize = 1024;

/// Parses a whole document (html5ever's error recovery: never fails).
pub(crate) fn parse_document(text: &str) -> Html {
    let sink = LineSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        line: Cell::new(1),
        token: RefCell::new(Reading::Other),
    };
    let builder = TreeBuilder::new(sink, Default::default());
    let limit = DepthLimit {
        inner: builder,
        depth: Cell::new(0),
        dropped: RefCell::new(HashMap::new()),
    };
    let tokenizer = Tokenizer::new(limit, Default::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(text));
    while !matches!(tokenizer.feed(&input), TokenizerResult::Done) {}
    tokenizer.end();
    tokenizer.sink.inner.sink.finish()
}

/// Elements with no end tag, or whose end tag may be left out: not counted as depth.
const NOT_COUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead",
    "tfoot", "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head", "body",
];

/// Elements whose content the tokenizer reads as raw text: never left out, or their
/// content (a script) would be read as the page's text.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
    "template",
    "svg",
    "math",
];

/// Passes tokens to the tree builder, leaving out start tags (and their end tags)
/// beyond [`MAX_DEPTH`] open elements, counted by start and end tags.
struct DepthLimit<S> {
    inner: TreeBuilder<Handle, S>,
    depth: Cell<usize>,
    dropped: RefCell<HashMap<LocalName, usize>>,
}

impl TokenSink for DepthLimit<LineSink> {
    type Handle = Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<Handle> {
        if let Token::TagToken(tag) = &token {
            let name: &str = &tag.name;
            if !tag.self_closing && !NOT_COUNTED.contains(&name) && !RAW_TEXT.contains(&name) {
                match tag.kind {
                    TagKind::StartTag if self.depth.get() >= MAX_DEPTH => {
                        *self
                            .dropped
                            .borrow_mut()
                            .entry(tag.name.clone())
                            .or_default() += 1;
                        return TokenSinkResult::Continue;
                    }
                    TagKind::StartTag => self.depth.set(self.depth.get() + 1),
                    TagKind::EndTag => {
                        let mut dropped = self.dropped.borrow_mut();
                        if let Some(n) = dropped.get_mut(&tag.name).filter(|n| **n > 0) {
                            *n -= 1;
                            return TokenSinkResult::Continue;
                        }
                        self.depth.set(self.depth.get().saturating_sub(1));
                    }
                }
            }
        }
        *self.inner.sink.token.borrow_mut() = match &token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => {
                Reading::Start(tag.name.clone())
            }
            Token::TagToken(_) => Reading::End,
            _ => Reading::Other,
        };
        self.inner.process_token(token, line_number)
    }

    fn end(&self) {
        self.inner.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

/// The source line an element was read on (0 when unknown).
pub fn line_of(el: &scraper::node::Element) -> usize {
    el.attr(LINE_ATTR).and_then(|v| v.parse().ok()).unwrap_or(0)
}

struct LineSink {
    inner: HtmlTreeSink,
    line: Cell<u64>,
    /// The token the tree builder is given.
    token: RefCell<Reading>,
}

/// What kind of token the tree builder is reading: an element it creates while reading
/// another start tag or text is one it reconstructed ([`REOPENED_ATTR`]); one made on
/// an end tag is the adoption agency's, splitting a `<b>` the page wrote across blocks
/// (its text is inside the page's `<b>`).
enum Reading {
    Start(LocalName),
    End,
    Other,
}

/// The formatting elements the tree builder reopens (HTML's list of them).
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

type Handle = <HtmlTreeSink as TreeSink>::Handle;

impl TreeSink for LineSink {
    type Output = Html;
    type Handle = Handle;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Html {
        self.inner.finish()
    }
    fn parse_error(&self, _msg: Cow<'static, str>) {}
    fn get_document(&self) -> Handle {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a Handle) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }
    fn create_element(
        &self,
        name: QualName,
        mut attrs: Vec<Attribute>,
        flags: ElementFlags,
    ) -> Handle {
        attrs.push(Attribute {
            name: QualName::new(None, ns!(), LocalName::from(LINE_ATTR)),
            value: StrTendril::from(self.line.get().to_string()),
        });
        let reopened = FORMATTING.contains(&&*name.local)
            && match &*self.token.borrow() {
                Reading::Start(tag) => *tag != name.local,
                Reading::End => false,
                Reading::Other => true,
            };
        if reopened {
            attrs.push(Attribute {
                name: QualName::new(None, ns!(), LocalName::from(REOPENED_ATTR)),
                value: StrTendril::new(),
            });
        }
        self.inner.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: StrTendril) -> Handle {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Handle {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        self.inner.append(parent, child)
    }
    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev: &Handle,
        child: NodeOrText<Handle>,
    ) {
        self.inner.append_based_on_parent_node(element, prev, child)
    }
    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id)
    }
    fn get_template_contents(&self, target: &Handle) -> Handle {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        self.inner.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        self.inner.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }
    fn remove_from_parent(&self, target: &Handle) {
        self.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        self.inner.reparent_children(node, new_parent)
    }
    fn set_current_line(&self, line_number: u64) {
        self.line.set(line_number);
    }
}
