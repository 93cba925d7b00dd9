//! The content checker behind `yuedu check`: findings about the text of a Chinese
//! feature article — punctuation width, paired marks, what the extraction damaged
//! (joins, captions without credits), hidden characters and the decoding.
//!
//! Pure: it reads the [`Article`], the source text and what the decoder said, and returns
//! [`Finding`]s sorted by source position. It never changes the text. Formatting is in
//! [`crate::commands::check`]; the reader lists the same findings ([`check_source`]).
//!
//! Every rule is written here rather than taken from the `autocorrect` crate, which the
//! issue suggested for the punctuation-width and spacing rules. It was evaluated
//! (2.14.2): maintained, but (a) it is a formatter first — its lint is a diff of whole
//! corrected lines (`LineResult { line, col, old, new }`), not one finding per mark, so
//! "76 commas" would have to be recovered by diffing its output; (b) it applies its own
//! opinions as one package, notably a space between CJK and Latin text (`物联网 (AIoT)`),
//! which is not this article's style and is not configurable per finding here; (c) it
//! would add pest, pest_derive, regex, ignore, serde_yaml, diff and owo-colors to a crate
//! that has none of them, plus a global configuration. The rules below are a few dozen
//! lines each and report exact character positions.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::article::{Article, Block, BlockKind, LineNo};
use crate::formats::text::{credit_only, is_han, line_end};
use crate::input::source::Source;
use crate::text::sanitize::{Class, for_terminal_line, segments};

/// One check. The ids are what `config.toml`'s `[check]` table and the output use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    HalfwidthPunctuation,
    UnbalancedPairs,
    JoinedParagraph,
    CaptionWithoutCredit,
    CreditWithoutCaption,
    RepeatedPunctuation,
    SpaceBetweenChinese,
    MixedWidth,
    ControlCharacter,
    InvisibleCharacter,
    ReplacementCharacter,
    EncodingGuess,
    EmptySection,
    HeadingPunctuation,
}

impl Rule {
    /// Every rule, in the order `--list-rules` prints them.
    pub const ALL: [Rule; 14] = [
        Rule::HalfwidthPunctuation,
        Rule::UnbalancedPairs,
        Rule::JoinedParagraph,
        Rule::CaptionWithoutCredit,
        Rule::CreditWithoutCaption,
        Rule::RepeatedPunctuation,
        Rule::SpaceBetweenChinese,
        Rule::MixedWidth,
        Rule::ControlCharacter,
        Rule::InvisibleCharacter,
        Rule::ReplacementCharacter,
        Rule::EncodingGuess,
        Rule::EmptySection,
        Rule::HeadingPunctuation,
    ];

    /// The rule's id, as in `config.toml` and the output.
    pub fn id(self) -> &'static str {
        match self {
            Rule::HalfwidthPunctuation => "halfwidth-punctuation",
            Rule::UnbalancedPairs => "unbalanced-pairs",
            Rule::JoinedParagraph => "joined-paragraph",
            Rule::CaptionWithoutCredit => "caption-without-credit",
            Rule::CreditWithoutCaption => "credit-without-caption",
            Rule::RepeatedPunctuation => "repeated-punctuation",
            Rule::SpaceBetweenChinese => "space-between-chinese",
            Rule::MixedWidth => "mixed-width",
            Rule::ControlCharacter => "control-character",
            Rule::InvisibleCharacter => "invisible-character",
            Rule::ReplacementCharacter => "replacement-character",
            Rule::EncodingGuess => "encoding-guess",
            Rule::EmptySection => "empty-section",
            Rule::HeadingPunctuation => "heading-punctuation",
        }
    }

    /// One line on what the rule finds.
    pub fn explanation(self) -> &'static str {
        match self {
            Rule::HalfwidthPunctuation => {
                "ASCII , ; : ! ? ( ) next to Chinese text (use ，；：！？（）)"
            }
            Rule::UnbalancedPairs => {
                "“ ” ‘ ’ 《 》 （ ） 「 」 『 』 【 】 〔 〕 not closed, or closed by the wrong mark, within a paragraph"
            }
            Rule::JoinedParagraph => {
                "a paragraph continued across a caption or column break: text may have been lost there"
            }
            Rule::CaptionWithoutCredit => "a photo caption without a photographer's credit",
            Rule::CreditWithoutCaption => "a lone \"NAME 摄\" credit that belongs to no caption",
            Rule::RepeatedPunctuation => "a doubled ，。、；： (as in ，，)",
            Rule::SpaceBetweenChinese => "white space between two Chinese characters",
            Rule::MixedWidth => "full-width and half-width letters or digits in one run (２024)",
            Rule::ControlCharacter => {
                "control and bidirectional characters (ESC, C1, U+202E): terminals act on them"
            }
            Rule::InvisibleCharacter => {
                "invisible, private-use or unassigned characters (U+200B, U+FEFF, U+E000)"
            }
            Rule::ReplacementCharacter => "U+FFFD: bytes that could not be decoded",
            Rule::EncodingGuess => "the file's encoding was guessed, not known",
            Rule::EmptySection => "a heading with no paragraph before the next heading or the end",
            Rule::HeadingPunctuation => "a heading ending in 。，、；： (? and ! are allowed)",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Rule {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Rule::ALL.into_iter().find(|r| r.id() == s).ok_or_else(|| {
            let ids: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
            format!("unknown check rule \"{s}\"; rules: {}", ids.join(", "))
        })
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// How serious a finding is. `error` makes `yuedu check` exit with status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a rule is set to in `config.toml`: a severity, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Error,
    Warning,
    Info,
    Off,
}

impl Level {
    /// The severity of the rule's findings; `None` when the rule is off.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Off => None,
        }
    }

    pub fn name(self) -> &'static str {
        self.severity().map_or("off", Severity::name)
    }
}

/// Rule → level, as `[check]` in `config.toml` sets them (the embedded file lists all).
pub type RuleLevels = BTreeMap<Rule, Level>;

/// One finding: a rule, where, how serious, and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// 1-based source line.
    pub line: LineNo,
    /// 1-based column in characters on that line.
    pub col: usize,
    pub severity: Severity,
    pub rule: Rule,
    /// What was found, for a person; safe to print (passed through
    /// [`for_terminal_line`]).
    pub message: String,
    /// The replacement text, when there is one obvious fix ("，" for ","); the reader's
    /// text is never changed by it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

/// One finding as a [`FindingList`] holds it, its texts borrowed from the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FindingRef<'a> {
    pub line: LineNo,
    pub col: usize,
    pub severity: Severity,
    pub rule: Rule,
    pub message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<&'a str>,
}

impl FindingRef<'_> {
    pub fn to_owned(&self) -> Finding {
        Finding {
            line: self.line,
            col: self.col,
            severity: self.severity,
            rule: self.rule,
            message: self.message.to_string(),
            suggestion: self.suggestion.map(str::to_string),
        }
    }
}

/// The findings of one check, sorted by line, column and rule, held compactly: twelve
/// bytes a finding, and each distinct text (rule, severity, message, suggestion) once
/// however often it repeats — a 50 MB article can have two million findings, most of
/// them the same few messages.
///
/// Lines and columns are kept in 32 bits: sources are at most [`u32::MAX`] bytes
/// ([`crate::input::source`] refuses larger files), so neither can be larger.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindingList {
    entries: Vec<Entry>,
    texts: Vec<FindingText>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    line: u32,
    col: u32,
    /// Index into [`FindingList::texts`].
    text: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct FindingText {
    rule: Rule,
    severity: Severity,
    message: Box<str>,
    suggestion: Option<Box<str>>,
}

impl FindingList {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Finding `i`, in order.
    pub fn get(&self, i: usize) -> Option<FindingRef<'_>> {
        self.entries.get(i).map(|e| self.view(e))
    }

    pub fn iter(&self) -> impl ExactSizeIterator<Item = FindingRef<'_>> + '_ {
        self.entries.iter().map(|e| self.view(e))
    }

    /// The index of the first finding on `line` or after it.
    pub fn first_from_line(&self, line: LineNo) -> usize {
        self.entries.partition_point(|e| (e.line as LineNo) < line)
    }

    /// Whether any finding has `severity`.
    pub fn any(&self, severity: Severity) -> bool {
        // Every text belongs to at least one finding.
        self.texts.iter().any(|t| t.severity == severity)
    }

    pub fn to_vec(&self) -> Vec<Finding> {
        self.iter().map(|f| f.to_owned()).collect()
    }

    fn view(&self, e: &Entry) -> FindingRef<'_> {
        let t = &self.texts[e.text as usize];
        FindingRef {
            line: e.line as LineNo,
            col: e.col as usize,
            severity: t.severity,
            rule: t.rule,
            message: &t.message,
            suggestion: t.suggestion.as_deref(),
        }
    }
}

/// What the decoder said about the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeInfo<'a> {
    pub encoding: &'a str,
    pub guessed: bool,
    pub replaced: usize,
}

impl<'a> DecodeInfo<'a> {
    pub fn of(src: &'a Source) -> Self {
        DecodeInfo {
            encoding: src.encoding,
            guessed: src.guessed,
            replaced: src.replaced,
        }
    }
}

/// The half-width marks the `halfwidth-punctuation` rule looks for, with the full-width
/// mark to use instead.
pub use crate::layout::classes::HALFWIDTH_MARKS;

/// Paired marks: opening, closing.
const PAIRS: [(char, char); 8] = [
    ('“', '”'),
    ('‘', '’'),
    ('《', '》'),
    ('（', '）'),
    ('「', '」'),
    ('『', '』'),
    ('【', '】'),
    ('〔', '〕'),
];

/// Marks that are a slip when doubled. ！！ and ？？ are left alone: GB/T 15834 allows
/// repeating them for emphasis; —— and …… are single marks written with two characters.
const NOT_DOUBLED: &[char] = &['，', '。', '、', '；', '：', ',', ';', ':'];

/// Marks a heading should not end with. GB/T 15834 lets a heading end in ？ or ！.
const NOT_ENDING_HEADING: &[char] = &['。', '．', '.', '，', ',', '、', '；', ';', '：', ':'];

/// How many characters of article text a message quotes.
const EXCERPT_CHARS: usize = 16;

/// Checks the article read from `src` (the reader's entry point).
pub fn check_source(src: &Source, article: &Article, levels: &RuleLevels) -> FindingList {
    check(article, &src.text, &DecodeInfo::of(src), levels)
}

/// Checks `article`, parsed from `text`, against the rules switched on in `levels`.
/// Findings are sorted by line, column and rule.
pub fn check(
    article: &Article,
    text: &str,
    decode: &DecodeInfo<'_>,
    levels: &RuleLevels,
) -> FindingList {
    let lines = Lines::new(text);
    let mut out = Findings {
        levels,
        list: FindingList::default(),
        known: HashMap::new(),
    };
    for piece in pieces(article, &lines) {
        halfwidth_punctuation(&piece, &mut out);
        unbalanced_pairs(&piece, &mut out);
        repeated_punctuation(&piece, &mut out);
        space_between_chinese(&piece, &mut out);
        mixed_width(&piece, &mut out);
    }
    for (i, line) in lines.iter().enumerate() {
        hidden_characters(i + 1, line, decode, &mut out);
    }
    if decode.guessed {
        out.push(
            Rule::EncodingGuess,
            (1, 1),
            format!(
                "the encoding was guessed as {}; if the text reads wrong, pass --encoding NAME",
                decode.encoding
            ),
            None,
        );
    }
    let first_col = |line: LineNo| lines.get(line.wrapping_sub(1)).map_or(1, |l| indent(l) + 1);
    for join in &article.joins {
        out.push(
            Rule::JoinedParagraph,
            (join.line, first_col(join.line)),
            format!(
                "paragraph continued across a caption or column break: \"…{}\" ‖ \"{}…\"; \
                 check the source, text may have been lost here",
                join.before, join.after
            ),
            None,
        );
    }
    captions_and_credits(article, &first_col, &mut out);
    sections(article, &first_col, &mut out);
    let FindingList { mut entries, texts } = out.list;
    // In place (a stable sort would take a scratch copy of the list). Findings of one
    // rule at one place have different texts; the text's index (first found, first)
    // orders them the same on every run.
    entries.sort_unstable_by_key(|e| (e.line, e.col, texts[e.text as usize].rule, e.text));
    // Kept for as long as the reader is open: no growth slack.
    entries.shrink_to_fit();
    FindingList { entries, texts }
}

/// Collects findings, dropping those of rules that are off.
struct Findings<'a> {
    levels: &'a RuleLevels,
    list: FindingList,
    /// Where each distinct text stands in `list.texts`.
    known: HashMap<FindingText, u32>,
}

impl Findings<'_> {
    fn push(
        &mut self,
        rule: Rule,
        (line, col): (LineNo, usize),
        message: String,
        suggestion: Option<String>,
    ) {
        // The embedded config.toml lists every rule (a test checks); a map built by
        // hand may not, and then the rule reports as a warning.
        let level = self.levels.get(&rule).copied().unwrap_or(Level::Warning);
        if let Some(severity) = level.severity() {
            let text = FindingText {
                rule,
                severity,
                message: for_terminal_line(&message).into(),
                suggestion: suggestion.map(String::into_boxed_str),
            };
            let next = self.list.texts.len() as u32;
            let text = *self.known.entry(text).or_insert_with_key(|t| {
                self.list.texts.push(t.clone());
                next
            });
            // Sources are at most u32::MAX bytes: lines and columns fit (see FindingList).
            let fit = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            self.list.entries.push(Entry {
                line: fit(line),
                col: fit(col),
                text,
            });
        }
    }
}

/// The source lines of a text as [`crate::formats::text::source_lines`] splits them (`\n`,
/// `\r\n` and a lone `\r` end a line), found as they are asked for: only where every
/// [`LINE_MARK`]th line starts is kept (a 50 MB article has some 700 000 lines), and the
/// line last asked for, since most questions are about it or the lines just after.
struct Lines<'a> {
    text: &'a str,
    /// Where lines 0, `LINE_MARK`, 2 × `LINE_MARK` … start.
    marks: Vec<usize>,
    count: usize,
    /// The last line found and where it starts.
    cursor: std::cell::Cell<(usize, usize)>,
}

/// How far apart the lines whose starts [`Lines`] keeps are.
const LINE_MARK: usize = 64;

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        let mut marks = Vec::new();
        let (mut count, mut start) = (0, 0);
        while start < text.len() {
            if count % LINE_MARK == 0 {
                marks.push(start);
            }
            count += 1;
            start = line_end(text, start).1;
        }
        Lines {
            text,
            marks,
            count,
            cursor: std::cell::Cell::new((0, 0)),
        }
    }

    /// Line `i` (0-based), without its line end.
    fn get(&self, i: usize) -> Option<&'a str> {
        if i >= self.count {
            return None;
        }
        let (at, at_start) = self.cursor.get();
        let (mut line, mut start) = if at <= i && i - at < LINE_MARK {
            (at, at_start)
        } else {
            let m = i / LINE_MARK;
            (m * LINE_MARK, self.marks[m])
        };
        while line < i {
            start = line_end(self.text, start).1;
            line += 1;
        }
        self.cursor.set((i, start));
        Some(&self.text[start..line_end(self.text, start).0])
    }

    fn iter(&self) -> impl Iterator<Item = &'a str> + '_ {
        (0..self.count).filter_map(|i| self.get(i))
    }
}

/// Leading white space of a source line, in characters (what the parser trimmed).
fn indent(line: &str) -> usize {
    line.chars().count() - line.trim_start().chars().count()
}

/// A text the character rules read: a header line or a block, with the way back from
/// byte offsets to source positions.
struct Piece<'a> {
    text: &'a str,
    /// (byte offset in `text`, source line, column of that byte), ascending.
    starts: Vec<(usize, LineNo, usize)>,
    /// The last position asked for (byte offset, line, column): rules ask in ascending
    /// order, so columns are counted on from there, not from the line's start — a
    /// 50 MB line with a million findings stays linear.
    last: std::cell::Cell<(usize, LineNo, usize)>,
}

impl<'a> Piece<'a> {
    fn new(text: &'a str, starts: Vec<(usize, LineNo, usize)>) -> Piece<'a> {
        let first = starts.first().copied().unwrap_or((0, 0, 1));
        Piece {
            text,
            starts,
            last: std::cell::Cell::new(first),
        }
    }

    /// The source line and column of byte `offset`.
    fn pos(&self, offset: usize) -> (LineNo, usize) {
        let idx = self.starts.partition_point(|s| s.0 <= offset);
        let part = self.starts[idx.saturating_sub(1)];
        let last = self.last.get();
        // Count on from the last answer when it lies in the same part, before `offset`.
        let (from, line, col) = if last.0 >= part.0 && last.0 <= offset {
            last
        } else {
            part
        };
        let between = self.text.get(from..offset).map_or(0, |s| s.chars().count());
        self.last.set((offset, line, col + between));
        (line, col + between)
    }
}

/// The banner, title and blocks (not the byline or credits: names, spaced as printed).
/// The texts the character rules read, one at a time (a 50 MB article has a quarter of
/// a million of them: they are made as the rules come to them, not all at once).
fn pieces<'a>(article: &'a Article, lines: &'a Lines<'a>) -> impl Iterator<Item = Piece<'a>> + 'a {
    let col = move |line: LineNo| lines.get(line.wrapping_sub(1)).map_or(1, |l| indent(l) + 1);
    let headers = [&article.banner, &article.title]
        .into_iter()
        .flatten()
        .map(move |h| Piece::new(&h.text, vec![(0, h.line, col(h.line))]));
    let markup = article.format != crate::formats::Format::Text;
    let blocks = article.blocks.iter().map(move |b| {
        let starts = b
            .parts
            .iter()
            .map(|p| {
                // A page's text stands after its tags: where its first characters are
                // found on the element's line ([`text_col`]).
                let c = if markup {
                    text_col(
                        lines.get(p.line_no().wrapping_sub(1)),
                        &b.text[p.offset()..],
                    )
                } else {
                    None
                };
                (
                    p.offset(),
                    p.line_no(),
                    c.unwrap_or_else(|| col(p.line_no())),
                )
            })
            .collect();
        Piece::new(&b.text, starts)
    });
    headers.chain(blocks)
}

/// The 1-based column (in characters) where `text`'s first characters stand on a
/// source `line` of a page (HTML, Markdown), found by looking for them; `None` when they
/// are not there as they are (an entity, markup between them).
fn text_col(line: Option<&str>, text: &str) -> Option<usize> {
    let line = line?;
    let end = text.char_indices().nth(4).map_or(text.len(), |(i, _)| i);
    let at = line.find(&text[..end]).filter(|_| end > 0)?;
    Some(line[..at].chars().count() + 1)
}

fn excerpt(text: &str) -> String {
    if text.chars().count() <= EXCERPT_CHARS {
        text.to_string()
    } else {
        let mut s: String = text.chars().take(EXCERPT_CHARS).collect();
        s.push('…');
        s
    }
}

/// Chinese text for the punctuation rules: Han characters and full-width punctuation.
fn is_chinese(c: char) -> bool {
    is_han(c)
        || matches!(c,
            '\u{3001}'..='\u{303F}'
            | '\u{FF01}'..='\u{FF0F}'
            | '\u{FF1A}'..='\u{FF20}'
            | '\u{FF3B}'..='\u{FF40}'
            | '\u{FF5B}'..='\u{FF65}')
}

/// Quotes and brackets: looked through to find what a mark stands next to (`其中,“一`,
/// `(初稿),加快`, `拼”!`).
fn is_quote_or_bracket(c: char) -> bool {
    matches!(
        c,
        '“' | '”' | '‘' | '’' | '"' | '\'' | '(' | ')' | '[' | ']'
    ) || PAIRS.iter().any(|&(o, cl)| c == o || c == cl)
}

/// An ASCII `, ; : ! ? ( )` whose nearest neighbour on either side (quotes and brackets
/// looked through) is Chinese. Digits on both sides (`1,000`, `3:1`) and Latin text
/// (`AL Capital, Inc`) are left alone.
fn halfwidth_punctuation(piece: &Piece<'_>, out: &mut Findings<'_>) {
    // One pass, no copy of the text: the nearest character before is carried along,
    // the one after is looked for from the mark (past a run of quotes at most, so each
    // character is looked at a bounded number of times).
    let mut before: Option<char> = None;
    for (offset, c) in piece.text.char_indices() {
        let Some(full) = crate::layout::classes::fullwidth_form(c) else {
            if !is_quote_or_bracket(c) {
                before = Some(c);
            }
            continue;
        };
        let after = piece.text[offset + c.len_utf8()..]
            .chars()
            .find(|&c| !is_quote_or_bracket(c));
        if before.is_some_and(is_chinese) || after.is_some_and(is_chinese) {
            out.push(
                Rule::HalfwidthPunctuation,
                piece.pos(offset),
                format!("half-width \"{c}\" in Chinese text; use \"{full}\""),
                Some(full.to_string()),
            );
        }
        before = Some(c);
    }
}

/// Paired marks within one paragraph (a joined paragraph counts as one: a quote opened
/// before a break and closed after it is balanced).
fn unbalanced_pairs(piece: &Piece<'_>, out: &mut Findings<'_>) {
    let mut open: Vec<(usize, char, char)> = Vec::new();
    for (offset, c) in piece.text.char_indices() {
        if let Some(&(o, cl)) = PAIRS.iter().find(|&&(o, _)| o == c) {
            open.push((offset, o, cl));
        } else if PAIRS.iter().any(|&(_, cl)| cl == c) {
            match open.iter().rposition(|&(_, _, cl)| cl == c) {
                Some(depth) => {
                    // Everything opened inside the matching mark was never closed.
                    for &(at, o, cl) in &open[depth + 1..] {
                        out.push(
                            Rule::UnbalancedPairs,
                            piece.pos(at),
                            format!("\"{o}\" is not closed before \"{c}\" (expected \"{cl}\")"),
                            None,
                        );
                    }
                    open.truncate(depth);
                }
                None => out.push(
                    Rule::UnbalancedPairs,
                    piece.pos(offset),
                    format!("\"{c}\" closes nothing opened in this paragraph"),
                    None,
                ),
            }
        }
    }
    for (at, o, cl) in open {
        out.push(
            Rule::UnbalancedPairs,
            piece.pos(at),
            format!("\"{o}\" is not closed in this paragraph (expected \"{cl}\")"),
            None,
        );
    }
}

/// A run of one doubled mark (，， 。。), one finding per run.
fn repeated_punctuation(piece: &Piece<'_>, out: &mut Findings<'_>) {
    let mut chars = piece.text.char_indices().peekable();
    while let Some((offset, c)) = chars.next() {
        if !NOT_DOUBLED.contains(&c) {
            continue;
        }
        let mut n = 1;
        while chars.next_if(|&(_, next)| next == c).is_some() {
            n += 1;
        }
        if n > 1 {
            let run: String = std::iter::repeat_n(c, n).collect();
            out.push(
                Rule::RepeatedPunctuation,
                piece.pos(offset),
                format!("\"{run}\": a punctuation mark repeated"),
                Some(c.to_string()),
            );
        }
    }
}

/// White space with a Han character right before and right after it.
fn space_between_chinese(piece: &Piece<'_>, out: &mut Findings<'_>) {
    // The character before the current run of white space, and where the run started.
    let mut before: Option<char> = None;
    let mut run: Option<(usize, Option<char>)> = None;
    for (offset, c) in piece.text.char_indices() {
        if c.is_whitespace() {
            run.get_or_insert((offset, before));
            continue;
        }
        if let Some((start, Some(b))) = run.take()
            && is_han(b)
            && is_han(c)
        {
            out.push(
                Rule::SpaceBetweenChinese,
                piece.pos(start),
                format!("white space between \"{b}\" and \"{c}\" in Chinese text"),
                None,
            );
        }
        before = Some(c);
    }
}

fn is_fullwidth_alnum(c: char) -> bool {
    matches!(c, '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}')
}

/// A run of letters and digits that mixes full-width and half-width forms (`２024`).
fn mixed_width(piece: &Piece<'_>, out: &mut Findings<'_>) {
    let mut run: Option<(usize, bool, bool)> = None;
    let report = |start: usize, end: usize, out: &mut Findings<'_>| {
        let text = &piece.text[start..end];
        let half: String = text
            .chars()
            .map(|c| {
                if is_fullwidth_alnum(c) {
                    char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect();
        out.push(
            Rule::MixedWidth,
            piece.pos(start),
            format!("\"{text}\" mixes full-width and half-width letters or digits"),
            Some(half),
        );
    };
    for (offset, c) in piece
        .text
        .char_indices()
        .chain(std::iter::once((piece.text.len(), ' ')))
    {
        let full = is_fullwidth_alnum(c);
        if full || c.is_ascii_alphanumeric() {
            let r = run.get_or_insert((offset, false, false));
            r.1 |= full;
            r.2 |= !full;
        } else if let Some((start, any_full, any_half)) = run.take()
            && any_full
            && any_half
        {
            report(start, offset, out);
        }
    }
}

/// Controls, bidi, invisible, private-use and unassigned characters (as the sanitizer
/// sees them, emoji exceptions applied) and U+FFFD, on every source line, blank or not.
fn hidden_characters(line_no: LineNo, line: &str, decode: &DecodeInfo<'_>, out: &mut Findings<'_>) {
    // Columns counted on from the previous segment: linear on a 50 MB line.
    let (mut counted_to, mut col) = (0, 1);
    for seg in segments(line) {
        col += line[counted_to..seg.src.start].chars().count();
        counted_to = seg.src.start;
        let c = line[seg.src.clone()].chars().next().unwrap_or(' ');
        let code = format!("U+{:04X}", u32::from(c));
        let (rule, what) = match seg.class {
            None | Some(Class::Tab) => continue,
            Some(Class::Control) => (Rule::ControlCharacter, "control character"),
            Some(Class::Bidi) => (
                Rule::ControlCharacter,
                "bidirectional control (it can reorder what is shown)",
            ),
            Some(Class::Invisible) => (Rule::InvisibleCharacter, "invisible character"),
            Some(Class::PrivateUse) => (Rule::InvisibleCharacter, "private-use character"),
            Some(Class::Unassigned) => (Rule::InvisibleCharacter, "unassigned code point"),
        };
        out.push(
            rule,
            (line_no, col),
            format!("{what} {code}, shown as {}", seg.text),
            None,
        );
    }
    for (col, _) in line
        .chars()
        .enumerate()
        .filter(|&(_, c)| c == char::REPLACEMENT_CHARACTER)
    {
        let why = if decode.replaced > 0 {
            format!(
                "bytes that are not {} were replaced here by U+FFFD; text was lost",
                decode.encoding
            )
        } else {
            "U+FFFD in the text: a character was lost before this file was written".to_string()
        };
        out.push(Rule::ReplacementCharacter, (line_no, col + 1), why, None);
    }
}

/// Captions without a credit, and credits that stand alone (the parser makes a lone
/// "NAME 摄" line a block of its own — a caption or heading — with no credit).
fn captions_and_credits(
    article: &Article,
    first_col: &dyn Fn(LineNo) -> usize,
    out: &mut Findings<'_>,
) {
    for b in &article.blocks {
        let at = (b.line(), first_col(b.line()));
        if credit_only(&b.text).is_some() {
            out.push(
                Rule::CreditWithoutCaption,
                at,
                format!(
                    "photographer's credit \"{}\" belongs to no caption",
                    excerpt(&b.text)
                ),
                None,
            );
        } else if b.kind == BlockKind::Caption && b.credit.is_none() {
            out.push(
                Rule::CaptionWithoutCredit,
                at,
                format!(
                    "caption \"{}\" has no photographer's credit",
                    excerpt(&b.text)
                ),
                None,
            );
        }
    }
}

/// Empty sections and headings ending in punctuation.
fn sections(article: &Article, first_col: &dyn Fn(LineNo) -> usize, out: &mut Findings<'_>) {
    let is_heading = |b: &Block| b.kind == BlockKind::Heading && credit_only(&b.text).is_none();
    for (i, b) in article.blocks.iter().enumerate() {
        if !is_heading(b) {
            continue;
        }
        let at = (b.line(), first_col(b.line()));
        let rest = &article.blocks[i + 1..];
        let section = rest.iter().take_while(|n| !is_heading(n));
        if !section.clone().any(|n| n.kind == BlockKind::Paragraph) {
            let next = if section.count() < rest.len() {
                "the next heading"
            } else {
                "the end"
            };
            out.push(
                Rule::EmptySection,
                at,
                format!(
                    "section \"{}\" has no paragraph before {next}",
                    excerpt(&b.text)
                ),
                None,
            );
        }
        if let Some(last) = b.text.chars().last()
            && NOT_ENDING_HEADING.contains(&last)
        {
            // A heading is one source line: its last mark is that far along it.
            let col = at.1 + b.text.chars().count() - 1;
            out.push(
                Rule::HeadingPunctuation,
                (at.0, col),
                format!(
                    "heading \"{}\" ends with \"{last}\"; headings take no sentence punctuation",
                    excerpt(&b.text)
                ),
                None,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{HeaderLine, Parts};
    use crate::config::Config;
    use crate::formats::text::parse;

    /// A banner and a title, so that the body starts on line 5.
    const HEAD: &str = "城市观察\n\n小城十年的变迁之路\n\n";

    const UTF8: DecodeInfo<'static> = DecodeInfo {
        encoding: "UTF-8",
        guessed: false,
        replaced: 0,
    };

    fn findings_with(text: &str, decode: &DecodeInfo<'_>) -> Vec<Finding> {
        check(&parse(text), text, decode, &Config::defaults().check).to_vec()
    }

    /// (line, col) of the findings of `rule` in `body` (after [`HEAD`]).
    fn at(rule: Rule, body: &str) -> Vec<(LineNo, usize)> {
        let text = format!("{HEAD}{body}");
        findings_with(&text, &UTF8)
            .into_iter()
            .filter(|f| f.rule == rule)
            .map(|f| (f.line, f.col))
            .collect()
    }

    fn heading_block(text: &str, line: LineNo) -> Block {
        Block {
            kind: BlockKind::Heading,
            text: text.into(),
            parts: Parts::one(line),
            credit: None,
        }
    }

    fn paragraph_block(text: &str, line: LineNo) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            ..heading_block(text, line)
        }
    }

    #[test]
    fn halfwidth_marks_next_to_chinese_are_found_at_their_columns() {
        let found = at(
            Rule::HalfwidthPunctuation,
            "今年,长三角的“打开方式”是“拼”!\n",
        );
        assert_eq!(found, [(5, 3), (5, 18)]);
        // Looked through quotes and brackets; a Chinese neighbour on one side is enough.
        assert_eq!(
            at(
                Rule::HalfwidthPunctuation,
                "其中,“一脑”(初稿),加快4%,继续。\n"
            )
            .len(),
            5
        );
        let text = format!("{HEAD}今年,长三角。\n");
        let f = &findings_with(&text, &UTF8)[0];
        assert_eq!(
            (f.severity, f.suggestion.as_deref()),
            (Severity::Warning, Some("，"))
        );
    }

    #[test]
    fn halfwidth_marks_in_latin_text_or_between_digits_are_not_found() {
        let body = "他说 Hello, world! 比分 3:1 与 1,000 人。\n";
        assert_eq!(at(Rule::HalfwidthPunctuation, body), []);
    }

    #[test]
    fn unclosed_and_mismatched_pairs_are_errors() {
        assert_eq!(at(Rule::UnbalancedPairs, "他说：“好。\n"), [(5, 4)]);
        // 《 is left open inside “…”; ） closes nothing.
        assert_eq!(
            at(Rule::UnbalancedPairs, "他说：“读《书名”。好）。\n"),
            [(5, 6), (5, 12)]
        );
        let text = format!("{HEAD}他说：“好。\n");
        let f = &findings_with(&text, &UTF8)[0];
        assert_eq!(f.severity, Severity::Error);
    }

    #[test]
    fn pairs_closed_across_a_join_are_balanced() {
        let body = "正文。\n\n“我们要\n\n继续前进。”他说《书》（对）「好」。\n";
        assert_eq!(at(Rule::UnbalancedPairs, body), []);
        assert_eq!(at(Rule::JoinedParagraph, body), [(9, 1)]);
    }

    #[test]
    fn joins_are_reported_at_the_continued_line() {
        let body = "正文开始,这是一段足够长的正文,说到这里的时候被一张图片的说明打断了,我们\n\n峰会现场\n\n继续说下去。\n";
        assert_eq!(at(Rule::JoinedParagraph, body), [(9, 1)]);
        assert_eq!(
            at(Rule::JoinedParagraph, "正文。\n\n峰会现场\n\n另一段。\n"),
            []
        );
    }

    #[test]
    fn captions_without_credit_and_lone_credits() {
        let credited = "正文。\n\n智谷小镇，日新月异。\n谷志锋 摄\n\n小节\n\n正文。\n";
        assert_eq!(at(Rule::CaptionWithoutCredit, credited), []);
        assert_eq!(at(Rule::CreditWithoutCaption, credited), []);
        assert_eq!(
            at(
                Rule::CaptionWithoutCredit,
                "正文。\n\n图一\n\n图二 张三 摄\n"
            ),
            [(7, 1)]
        );
        // A credit with a blank line before it: the parser cannot attach it.
        let lone = "正文。\n\n图一\n\n谷志锋 摄\n\n正文二。\n";
        assert_eq!(at(Rule::CreditWithoutCaption, lone), [(9, 1)]);
        assert_eq!(at(Rule::EmptySection, lone), [], "a credit is no heading");
    }

    #[test]
    fn doubled_marks_are_found_once_per_run() {
        assert_eq!(
            at(Rule::RepeatedPunctuation, "好，，，不好。。\n"),
            [(5, 2), (5, 7)]
        );
        assert_eq!(at(Rule::RepeatedPunctuation, "真的！！好？？——……。\n"), []);
    }

    #[test]
    fn spaces_between_chinese_characters_outside_the_byline() {
        assert_eq!(at(Rule::SpaceBetweenChinese, "今年 长三角。\n"), [(5, 3)]);
        // The byline and credits are spaced by design; Latin words keep their spaces.
        let text = "城市观察\n\n小城十年的变迁之路\n\n陈 醉 劳超杰\n\n投资机构AL Capital 共同。\n\n来凯制药 金福中 摄\n";
        let found: Vec<_> = findings_with(text, &UTF8)
            .into_iter()
            .filter(|f| f.rule == Rule::SpaceBetweenChinese)
            .collect();
        assert_eq!(found, []);
    }

    #[test]
    fn mixed_width_runs_are_found_with_the_half_width_form() {
        let text = format!("{HEAD}今年是２024年。\n");
        let found: Vec<_> = findings_with(&text, &UTF8)
            .into_iter()
            .filter(|f| f.rule == Rule::MixedWidth)
            .map(|f| (f.line, f.col, f.suggestion))
            .collect();
        assert_eq!(found, [(5, 4, Some("2024".to_string()))]);
        assert_eq!(at(Rule::MixedWidth, "２０２４年与2024年，ＡＢ与AB。\n"), []);
    }

    #[test]
    fn hidden_characters_are_found_where_they_stand() {
        let body = "正文\u{1b}]52;c;aGk=\u{7}红\u{9b}字\u{202e}反\u{200b}。\n\n\u{feff}\n";
        let text = format!("{HEAD}{body}");
        let found: Vec<_> = findings_with(&text, &UTF8)
            .into_iter()
            .filter(|f| matches!(f.rule, Rule::ControlCharacter | Rule::InvisibleCharacter))
            .map(|f| (f.line, f.col, f.rule, f.severity))
            .collect();
        use Rule::{ControlCharacter as C, InvisibleCharacter as I};
        use Severity::{Error as E, Warning as W};
        assert_eq!(
            found,
            [
                (5, 3, C, E),
                (5, 14, C, E),
                (5, 16, C, E),
                (5, 18, C, E),
                (5, 20, I, W),
                (7, 1, I, W)
            ]
        );
        let messages: String = findings_with(&text, &UTF8)
            .iter()
            .map(|f| f.message.clone())
            .collect();
        assert!(
            !messages
                .chars()
                .any(|c| crate::text::sanitize::classify(c).is_some()),
            "{messages:?}"
        );
        assert!(messages.contains("U+001B, shown as ^["), "{messages}");
    }

    #[test]
    fn emoji_joiners_tabs_and_plain_text_are_not_hidden_characters() {
        let body = "\t家人👨\u{200d}👩\u{200d}👧。\n";
        assert_eq!(at(Rule::ControlCharacter, body), []);
        assert_eq!(at(Rule::InvisibleCharacter, body), []);
    }

    #[test]
    fn replacement_characters_and_guessed_encodings() {
        let text = format!("{HEAD}正文\u{fffd}。\n");
        let decode = DecodeInfo {
            encoding: "GB18030",
            guessed: true,
            replaced: 1,
        };
        let found: Vec<_> = findings_with(&text, &decode)
            .into_iter()
            .map(|f| (f.line, f.col, f.rule))
            .collect();
        assert_eq!(
            found,
            [
                (1, 1, Rule::EncodingGuess),
                (5, 3, Rule::ReplacementCharacter)
            ]
        );
        assert_eq!(findings_with(&format!("{HEAD}正文。\n"), &UTF8), []);
    }

    #[test]
    fn empty_sections_and_heading_punctuation() {
        // The parser never leaves a section empty; a hand-built article can.
        let article = Article {
            title: Some(HeaderLine {
                text: "标题".into(),
                line: 1,
            }),
            blocks: vec![
                heading_block("第一节", 3),
                heading_block("第二节：", 5),
                paragraph_block("正文。", 7),
                heading_block("我们来了！", 9),
            ],
            ..Article::default()
        };
        let text = "标题\n\n第一节\n\n第二节：\n\n正文。\n\n我们来了！\n";
        let found: Vec<_> = check(&article, text, &UTF8, &Config::defaults().check)
            .to_vec()
            .into_iter()
            .map(|f| (f.line, f.col, f.rule))
            .collect();
        assert_eq!(
            found,
            [
                (3, 1, Rule::EmptySection),
                (5, 4, Rule::HeadingPunctuation),
                (9, 1, Rule::EmptySection)
            ]
        );
        // Through the parser: a heading that ends in a colon.
        assert_eq!(
            at(Rule::HeadingPunctuation, "正文。\n\n第一部分：\n\n正文。\n"),
            [(7, 5)]
        );
        assert_eq!(at(Rule::EmptySection, "正文。\n\n第一部分\n\n正文。\n"), []);
    }

    #[test]
    fn compact_lines_split_as_the_parser_does() {
        for text in [
            "",
            "a",
            "a\n",
            "a\n\nb",
            "a\r\nb\rc\n",
            "\r\r\n\n",
            "长三角\r\n余姚\r",
            "x\n\r",
        ] {
            let lines = Lines::new(text);
            assert_eq!(
                lines.iter().collect::<Vec<_>>(),
                crate::formats::text::source_lines(text),
                "{text:?}"
            );
            assert_eq!(lines.get(lines.count), None);
            // Asked for out of order, from the end back.
            let backwards: Vec<_> = (0..lines.count)
                .rev()
                .filter_map(|i| lines.get(i))
                .collect();
            assert_eq!(backwards.len(), lines.count);
        }
    }

    #[test]
    fn lines_are_found_in_any_order_past_their_marks() {
        let ends = ["\n", "\r\n", "\r", "\n\n"];
        let text: String = (0..500)
            .map(|i| format!("第{i}行{}", ends[i % ends.len()]))
            .collect();
        let want = crate::formats::text::source_lines(&text);
        let lines = Lines::new(&text);
        assert_eq!(lines.count, want.len());
        let mut i = 7usize;
        for _ in 0..2000 {
            i = (i * 31 + 17) % want.len();
            assert_eq!(lines.get(i), Some(want[i]), "line {i}");
        }
    }

    #[test]
    fn repeated_texts_are_kept_once_and_findings_stay_in_order() {
        // The same comma many times, on lines given in reverse of the order found.
        let body: String = (0..50).map(|i| format!("第{i}段,长三角。\n\n")).collect();
        let text = format!("{HEAD}{body}");
        let list = check(&parse(&text), &text, &UTF8, &Config::defaults().check);
        assert_eq!(list.len(), 50);
        assert_eq!(list.texts.len(), 1, "one message for fifty findings");
        let lines: Vec<LineNo> = list.iter().map(|f| f.line).collect();
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "{lines:?}");
        assert_eq!(list.first_from_line(lines[10]), 10);
        assert_eq!(list.first_from_line(lines[10] - 1), 10);
        assert_eq!(list.first_from_line(usize::MAX), 50);
        let f = list.get(3).expect("a fourth finding");
        assert_eq!(f.rule, Rule::HalfwidthPunctuation);
        assert_eq!(f.suggestion, Some("，"));
        assert_eq!(list.to_vec()[3], f.to_owned());
        assert!(list.any(Severity::Warning) && !list.any(Severity::Error));
    }

    #[test]
    fn levels_change_severity_and_off_drops_the_rule() {
        let text = format!("{HEAD}今年,长三角。\n");
        let mut levels = Config::defaults().check;
        levels.insert(Rule::HalfwidthPunctuation, Level::Error);
        let f = check(&parse(&text), &text, &UTF8, &levels);
        assert_eq!(f.len(), 1);
        assert_eq!(f.get(0).map(|f| f.severity), Some(Severity::Error));
        levels.insert(Rule::HalfwidthPunctuation, Level::Off);
        assert!(check(&parse(&text), &text, &UTF8, &levels).is_empty());
    }

    #[test]
    fn findings_are_sorted_by_position() {
        let f = findings_with(crate::input::source::SHIPPED_ARTICLE, &UTF8);
        assert!(
            f.windows(2)
                .all(|w| (w[0].line, w[0].col) <= (w[1].line, w[1].col))
        );
        assert_eq!(
            f.iter()
                .filter(|f| f.rule == Rule::HalfwidthPunctuation && f.message.contains("\",\""))
                .count(),
            76
        );
    }

    #[test]
    fn rule_ids_round_trip() {
        for r in Rule::ALL {
            assert_eq!(r.id().parse::<Rule>(), Ok(r));
        }
        let e = "halfwidth".parse::<Rule>().expect_err("unknown");
        assert!(
            e.contains("\"halfwidth\"") && e.contains("mixed-width"),
            "{e}"
        );
    }
}
