//! The content checker behind `yuedu check`: findings about the text of a Chinese
//! feature article — punctuation width, paired marks, what the extraction damaged
//! (joins, captions without credits), hidden characters and the decoding.
//!
//! Pure: it reads the [`Article`] (its spans; a plain-text source's lines for hidden characters) and
//! what the decoder said, and returns [`Finding`]s sorted by source position, each a byte
//! offset into the source: line and column are worked out when a finding is read
//! ([`FindingList::get`]). It never changes the text. Formatting is in
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
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::article::{Article, Block, BlockKind, FileId, LineNo, SourceFile};
use crate::formats::Format;
use crate::formats::source_syntax;
use crate::input::source::Source;
use crate::text::chinese::{credit_only, is_han};
use crate::text::forms::{byline, is_box_head, is_letter_spaced};
use crate::text::fullwidth::for_each_substitution;
use crate::text::lines::Locator;
use crate::text::source_map::{Syntax, align, char_reference};

mod rules;

use crate::text::sanitize::{Class, for_terminal_line, segments};
pub use rules::Rule;
use rules::{RULES, Run};

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A rule id that names no rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown check rule \"{0}\"; rules: {ids}", ids = Rule::ALL.map(Rule::id).join(", "))]
pub struct UnknownRule(pub String);

impl FromStr for Rule {
    type Err = UnknownRule;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Rule::ALL
            .into_iter()
            .find(|r| r.id() == s)
            .ok_or_else(|| UnknownRule(s.to_string()))
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
    pub(crate) fn severity(self) -> Option<Severity> {
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
pub(crate) type RuleLevels = BTreeMap<Rule, Level>;

/// Every rule at its default level (its severity in the rule table), as `config.toml`'s
/// `[check]` table ships them (the reader's `Config` reads that table; a test holds the
/// two equal).
#[cfg(test)]
pub(crate) fn default_levels() -> RuleLevels {
    Rule::ALL.iter().map(|&r| (r, r.default_level())).collect()
}

/// One finding: a rule, where, how serious, and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// 1-based source line.
    pub(crate) line: LineNo,
    /// 1-based column in characters on that line.
    pub(crate) col: usize,
    pub(crate) severity: Severity,
    pub(crate) rule: Rule,
    /// What was found, for a person; safe to print (passed through
    /// [`for_terminal_line`]).
    pub(crate) message: String,
    /// The replacement text, when there is one obvious fix ("，" for ","); the reader's
    /// text is never changed by it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) suggestion: Option<String>,
}

/// One finding as a [`FindingList`] holds it, its texts borrowed from the list, its line
/// and column worked out from its source offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FindingRef<'a> {
    /// The source file it is in.
    #[serde(skip)]
    pub(crate) file: FileId,
    /// The byte offset in the source.
    #[serde(skip)]
    pub(crate) offset: usize,
    /// The source's path inside the file that was opened (an EPUB's chapter,
    /// `OEBPS/ch2.xhtml`), for a finding in one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) file_name: Option<&'a str>,
    /// 1-based source line.
    pub line: LineNo,
    /// 1-based column in characters on that line.
    pub col: usize,
    pub(crate) severity: Severity,
    pub rule: Rule,
    pub(crate) message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) suggestion: Option<&'a str>,
}

impl FindingRef<'_> {
    pub(crate) fn to_owned(self) -> Finding {
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

/// The findings of one check, sorted by source position and rule, held compactly: twelve
/// bytes a finding, and each distinct text (rule, severity, message, suggestion) once
/// however often it repeats — a 50 MB article can have two million findings, most of
/// them the same few messages.
///
/// A finding keeps a byte offset into its source, in 32 bits: sources are at most
/// [`u32::MAX`] bytes ([`crate::input::source`] refuses larger files). The list shares
/// the article's sources to tell lines and columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindingList {
    entries: Vec<Entry>,
    texts: Vec<FindingText>,
    files: Vec<Arc<SourceFile>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    file: FileId,
    offset: u32,
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
        self.entries.get(i).map(|e| {
            let (line, col) = self
                .files
                .get(usize::from(e.file))
                .map_or((0, 0), |f| f.line_col(e.offset as usize));
            self.view(e, (line, col))
        })
    }

    /// The findings in order (their lines and columns counted on from one another:
    /// linear in the source however many there are).
    pub fn iter(&self) -> impl ExactSizeIterator<Item = FindingRef<'_>> + '_ {
        let mut locator: Option<(FileId, Locator<'_>)> = None;
        self.entries.iter().map(move |e| {
            let at = match (&mut locator, self.files.get(usize::from(e.file))) {
                (Some((file, loc)), _) if *file == e.file => loc.line_col(e.offset as usize),
                (_, Some(f)) => {
                    let mut loc = Locator::new(&f.lines, &f.text);
                    let at = loc.line_col(e.offset as usize);
                    locator = Some((e.file, loc));
                    at
                }
                (_, None) => (0, 0),
            };
            self.view(e, at)
        })
    }

    /// Each finding's rule, severity and suggestion, in order, without working out where
    /// it is (for counting).
    pub(crate) fn kinds(
        &self,
    ) -> impl ExactSizeIterator<Item = (Rule, Severity, Option<&str>)> + '_ {
        self.entries.iter().map(|e| {
            let t = &self.texts[e.text as usize];
            (t.rule, t.severity, t.suggestion.as_deref())
        })
    }

    /// The index of the first finding at byte `offset` of source `file` or after it.
    #[cfg(test)]
    pub(crate) fn first_from(&self, file: FileId, offset: usize) -> usize {
        self.entries
            .partition_point(|e| (e.file, e.offset as usize) < (file, offset))
    }

    /// Whether any finding has `severity`.
    pub fn any(&self, severity: Severity) -> bool {
        // Every text belongs to at least one finding.
        self.texts.iter().any(|t| t.severity == severity)
    }

    pub fn to_vec(&self) -> Vec<Finding> {
        self.iter().map(|f| f.to_owned()).collect()
    }

    fn view(&self, e: &Entry, (line, col): (LineNo, usize)) -> FindingRef<'_> {
        let t = &self.texts[e.text as usize];
        FindingRef {
            file: e.file,
            offset: e.offset as usize,
            file_name: self
                .files
                .get(usize::from(e.file))
                .and_then(|f| f.name.as_deref()),
            line,
            col,
            severity: t.severity,
            rule: t.rule,
            message: &t.message,
            suggestion: t.suggestion.as_deref(),
        }
    }
}

/// What the decoder said about the file, and its format (which rules apply).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DecodeInfo<'a> {
    pub encoding: &'a str,
    pub guessed: bool,
    pub replaced: usize,
    pub format: Format,
}

impl<'a> DecodeInfo<'a> {
    pub fn of(src: &'a Source) -> Self {
        DecodeInfo {
            encoding: src.encoding,
            guessed: src.guessed,
            replaced: src.replaced,
            format: src.format,
        }
    }
}

/// The half-width marks the `halfwidth-punctuation` rule looks for, with the full-width
/// mark to use instead.
pub(crate) use crate::text::fullwidth::HALFWIDTH_MARKS;

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
    check(article, &DecodeInfo::of(src), levels)
}

/// Checks `article` against the rules switched on in `levels`. Findings are sorted by
/// source position and rule.
pub fn check(article: &Article, decode: &DecodeInfo<'_>, levels: &RuleLevels) -> FindingList {
    let mut out = Findings {
        levels,
        list: FindingList::default(),
        known: HashMap::new(),
    };
    // A rule runs when it applies to the format and it, or a rule its pass finds too,
    // is not off.
    let on = |rule: Rule| levels.get(&rule) != Some(&Level::Off);
    let applies = |def: &&rules::RuleDef| {
        def.formats.contains(decode.format)
            && (on(def.rule)
                || RULES
                    .iter()
                    .any(|d| matches!(d.run, Run::With(r) if r == def.rule) && on(d.rule)))
    };
    let text_rules: Vec<fn(&Piece<'_>, &mut Findings<'_>)> = RULES
        .iter()
        .filter(applies)
        .filter_map(|def| match def.run {
            Run::Text(f) => Some(f),
            _ => None,
        })
        .collect();
    for piece in pieces(article) {
        for rule in &text_rules {
            rule(&piece, &mut out);
        }
    }
    for def in RULES.iter().filter(applies) {
        if let Run::Article(f) = def.run {
            f(article, decode, &mut out);
        }
    }
    let FindingList {
        mut entries, texts, ..
    } = out.list;
    // In place (a stable sort would take a scratch copy of the list). Findings of one
    // rule at one place have different texts; the text's index (first found, first)
    // orders them the same on every run.
    entries.sort_unstable_by_key(|e| (e.file, e.offset, texts[e.text as usize].rule, e.text));
    // Kept for as long as the reader is open: no growth slack.
    entries.shrink_to_fit();
    FindingList {
        entries,
        texts,
        files: article.files.clone(),
    }
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
        (file, offset): (FileId, usize),
        message: String,
        suggestion: Option<String>,
    ) {
        // The embedded config.toml lists every rule (a test checks); a map built by
        // hand may not, and then the rule reports at its table severity.
        let level = self
            .levels
            .get(&rule)
            .copied()
            .unwrap_or_else(|| rule.default_level());
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
            // Sources are at most u32::MAX bytes: offsets fit (see FindingList).
            self.list.entries.push(Entry {
                file,
                offset: u32::try_from(offset).unwrap_or(u32::MAX),
                text,
            });
        }
    }
}

/// A text the character rules read: a header line or a block, with the way back from
/// byte offsets to source offsets.
struct Piece<'a> {
    text: &'a str,
    file: FileId,
    /// (byte offset in `text`, byte offset in the source), ascending: where each part
    /// of the text that stands in the source as it is starts.
    starts: Vec<(usize, usize)>,
    /// The source file's text, for a markup format: there a part's text is not all as
    /// it stands in the source (markers, links, entities between), and a position is
    /// found by looking ([`Piece::pos`]), with the syntax it is written in. `None` for
    /// plain text, where it is.
    markup: Option<(&'a str, &'static dyn Syntax)>,
    /// A headline (banner, kicker, title, subtitle, column, a heading): its parts may
    /// stand apart with an ideographic space ("第一章　出发").
    headline: bool,
    /// The last character [`Piece::pos`] found in a markup source: (byte offset in
    /// `text`, byte offset in the source).
    last: std::cell::Cell<Option<(usize, usize)>>,
}

impl Piece<'_> {
    /// The source position of byte `offset` of the text. For a markup format, where the
    /// character does not stand at the counted place (a `**`, a link's brackets or an
    /// entity before it in the element), the place where it stands with the characters
    /// before it, looked for from its part's start: the column `check` prints is the
    /// character's own.
    fn pos(&self, offset: usize) -> (FileId, usize) {
        let idx = self.starts.partition_point(|s| s.0 <= offset);
        let (start, src) = self
            .starts
            .get(idx.saturating_sub(1))
            .copied()
            .unwrap_or((0, 0));
        let counted = src + offset.saturating_sub(start);
        match self.markup {
            // The part's text read beside the source from its start, tags passed over
            // and references decoded ([`crate::text::source_map`]): the character where
            // the page wrote it; else looked for.
            Some((source, syntax)) => {
                let read_from = |(t, s): (usize, usize)| {
                    self.text
                        .get(t..)
                        .and_then(|rest| align(syntax, source, s, rest, offset - t, ALIGN_BYTES))
                };
                // From the character found last in this part when it is before this
                // one (the rules find in order: a long paragraph is read once), else
                // from the part's start.
                let found = self
                    .last
                    .get()
                    .filter(|&(t, _)| (start..=offset).contains(&t))
                    .and_then(read_from)
                    .or_else(|| (start <= offset).then(|| read_from((start, src))).flatten());
                if let Some(at) = found {
                    self.last.set(Some((offset, at)));
                }
                (
                    self.file,
                    found
                        .unwrap_or_else(|| find_in_markup(source, src, counted, self.text, offset)),
                )
            }
            None => (self.file, counted),
        }
    }
}

/// How far past its part's start a character is read beside the source (bytes).
const ALIGN_BYTES: usize = 64 * 1024;

/// Where byte `offset` of `text` (a piece of a markup article whose part starts at source
/// byte `from`) stands in `source`: `counted` when the character is there; else the first
/// place at or after `from` where it stands with up to [`CONTEXT_CHARS`] characters
/// before it (fewer when those are written otherwise, down to the character and what
/// follows it), within [`LOOK_BYTES`]; else `counted`. Markup only adds to the text's
/// length in the source (markers, entities, white space collapsed in the text), so the
/// character is never before its part's start.
fn find_in_markup(source: &str, from: usize, counted: usize, text: &str, offset: usize) -> usize {
    /// Characters of context before the one looked for.
    const CONTEXT_CHARS: usize = 4;
    /// How far past its part's start a character is looked for (bytes).
    const LOOK_BYTES: usize = 16 * 1024;
    let Some(c) = text.get(offset..).and_then(|t| t.chars().next()) else {
        return counted;
    };
    // At the counted place, with the character before it before it too (not a chance
    // match of a common mark).
    let stands = source.get(counted..).is_some_and(|s| s.starts_with(c));
    let before_stands = text[..offset]
        .chars()
        .next_back()
        .is_none_or(|b| source.get(..counted).is_some_and(|s| s.ends_with(b)));
    let at_counted = stands && before_stands;
    if at_counted {
        return counted;
    }

    let Some(window) = source.get(from..) else {
        return counted;
    };
    let mut end = window.len().min(LOOK_BYTES);
    while !window.is_char_boundary(end) {
        end -= 1;
    }
    let window = &window[..end];
    let char_end = offset + c.len_utf8();
    // The character with the most context before it that stands in the source as it
    // is in the text; then the character with what follows it; last, the character alone.
    for k in (1..=CONTEXT_CHARS).rev() {
        let Some((start, _)) = text[..offset].char_indices().rev().nth(k - 1) else {
            continue;
        };
        let needle = &text[start..char_end];
        if let Some(i) = memchr::memmem::find(window.as_bytes(), needle.as_bytes()) {
            return from + i + (offset - start);
        }
    }
    for k in (1..=CONTEXT_CHARS).rev() {
        let Some((end, c)) = text[char_end..].char_indices().nth(k - 1) else {
            continue;
        };
        let needle = &text.as_bytes()[offset..char_end + end + c.len_utf8()];
        if let Some(i) = memchr::memmem::find(window.as_bytes(), needle) {
            return from + i;
        }
    }
    if let Some(i) = memchr::memmem::find(window.as_bytes(), c.encode_utf8(&mut [0; 4]).as_bytes())
    {
        return from + i;
    }
    counted
}

/// The banner, title and blocks (not the byline or credits: names, spaced as printed;
/// nor preformatted blocks: code, `<pre>`).
/// The texts the character rules read, one at a time (a 50 MB article has a quarter of
/// a million of them: they are made as the rules come to them, not all at once).
fn pieces(article: &Article) -> impl Iterator<Item = Piece<'_>> + '_ {
    let headers = [
        &article.banner,
        &article.kicker,
        &article.title,
        &article.subtitle,
        &article.column,
    ]
    .into_iter()
    .map(|h| (h, false))
    .chain([(&article.dateline, false)])
    .filter_map(|(h, headline)| h.as_ref().map(|h| (h, headline)))
    .map(move |(h, dateline)| Piece {
        text: &h.text,
        file: h.file,
        starts: vec![(0, h.src as usize)],
        headline: !dateline,
        markup: markup_source(article, h.file),
        last: Default::default(),
    });
    // Bylines and notes inside the body are names spaced as printed, like the byline; a
    // letter-spaced head (引 子) is spaced by design.
    let spaced = |b: &&Block| {
        matches!(b.kind, BlockKind::Byline | BlockKind::Note)
            || (b.kind == BlockKind::Heading && is_letter_spaced(&b.text))
    };
    // A code block's text is shown as written: no prose to check.
    let blocks = article
        .blocks
        .iter()
        .filter(move |b| !spaced(b) && !b.preformatted)
        .map(move |b| Piece {
            text: &b.text,
            file: b.file,
            starts: b.parts.iter().map(|p| (p.offset(), p.src())).collect(),
            markup: markup_source(article, b.file),
            headline: b.kind == BlockKind::Heading,
            last: Default::default(),
        });
    headers.chain(blocks)
}

/// The text of source file `file` when `article` was read from a markup format (HTML,
/// Markdown, EPUB), where positions are looked for ([`Piece::pos`]), with its syntax;
/// `None` for plain text.
fn markup_source(article: &Article, file: FileId) -> Option<(&str, &'static dyn Syntax)> {
    let syntax = source_syntax(article.format)?;
    article
        .files
        .get(usize::from(file))
        .map(|f| (f.text.as_str(), syntax))
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

/// An ASCII `, ; : ! ? ( )` standing in Chinese text: exactly the marks the display
/// shows full-width with `punctuation = "fullwidth"` (one engine,
/// [`crate::text::fullwidth::fullwidth_substitutions`]). Digits on both sides (`1,000`,
/// `3:1`) and Latin text (`AL Capital, Inc`) are left alone.
fn halfwidth_punctuation(piece: &Piece<'_>, out: &mut Findings<'_>) {
    // The findings are sorted at the end: a `(` settled late is pushed late.
    for_each_substitution(piece.text, |offset, full| {
        let c = piece.text[offset..].chars().next().unwrap_or(' ');
        out.push(
            Rule::HalfwidthPunctuation,
            piece.pos(offset),
            format!("half-width \"{c}\" in Chinese text; use \"{full}\""),
            Some(full.to_string()),
        );
    });
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

/// White space with a Han character right before and right after it — except the
/// spaces a credit or byline is printed with ("记者 孟秋 图", "（记者 宋远）": the
/// clause around the space reads as one, by the parser's rules [`credit_only`] and
/// [`byline`]), and an ideographic space (U+3000) between a headline's parts
/// ("第一章　出发"), as headlines are set.
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
            && !(piece.headline && piece.text[start..offset].chars().all(|s| s == '\u{3000}'))
            && !in_credit_or_byline(piece.text, start)
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

/// Whether the clause of `text` around byte `at` (between brackets, sentence and
/// clause marks) is a credit or a byline that says it is one ("记者 宋远").
fn in_credit_or_byline(text: &str, at: usize) -> bool {
    let opens = |c: char| {
        matches!(
            c,
            '（' | '(' | '〔' | '【' | '。' | '！' | '？' | '；' | '，' | '\n'
        )
    };
    let closes = |c: char| {
        matches!(
            c,
            '）' | ')' | '〕' | '】' | '。' | '！' | '？' | '；' | '，' | '\n'
        )
    };
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| opens(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..].find(closes).map_or(text.len(), |i| at + i);
    let clause = &text[start..end];
    credit_only(clause).is_some() || byline(clause).is_some_and(|b| b.marked)
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
///
/// `line` stands at `(file, start)` in the source.
fn hidden_characters_of_line(
    (file, start): (FileId, usize),
    line: &str,
    decode: &DecodeInfo<'_>,
    out: &mut Findings<'_>,
) {
    for seg in segments(line) {
        let c = line[seg.src.clone()].chars().next().unwrap_or(' ');
        let code = format!("U+{:04X}", u32::from(c));
        let Some((rule, what)) = hidden_kind(seg.class) else {
            continue;
        };
        out.push(
            rule,
            (file, start + seg.src.start),
            format!("{what} {code}, shown as {}", seg.text),
            None,
        );
    }
    for (at, _) in line.match_indices(char::REPLACEMENT_CHARACTER) {
        let why = if decode.replaced > 0 {
            format!(
                "bytes that are not {} were replaced here by U+FFFD; text was lost",
                decode.encoding
            )
        } else {
            "U+FFFD in the text: a character was lost before this file was written".to_string()
        };
        out.push(Rule::ReplacementCharacter, (file, start + at), why, None);
    }
}

/// The rule and the words for a character the sanitizer shows as notation (`class`), or
/// `None` for one shown as it is (a tab, plain text).
fn hidden_kind(class: Option<Class>) -> Option<(Rule, &'static str)> {
    Some(match class? {
        Class::Tab => return None,
        Class::Control => (Rule::ControlCharacter, "control character"),
        Class::Bidi => (
            Rule::ControlCharacter,
            "bidirectional control (it can reorder what is shown)",
        ),
        Class::Invisible => (Rule::InvisibleCharacter, "invisible character"),
        Class::PrivateUse => (Rule::InvisibleCharacter, "private-use character"),
        Class::Unassigned => (Rule::InvisibleCharacter, "unassigned code point"),
    })
}

/// Hidden characters and U+FFFD where the reader would show them.
///
/// A plain-text file is its article: every source line is looked at, blank or not (see
/// [`hidden_characters_of_line`]), since a hidden character can make a line look blank.
/// A page (HTML, Markdown, a book's chapters) is looked at through its article's spans
/// ([`hidden_in_shown_text`]): what the reader shows — header lines, blocks, credits —
/// reported where the page wrote it, directly or as a character reference; a character in
/// a script, a comment, an attribute never shown or a tag is not in the article and is
/// not reported.
fn hidden_characters(article: &Article, decode: &DecodeInfo<'_>, out: &mut Findings<'_>) {
    if decode.format == Format::Text {
        for (id, file) in article.files.iter().enumerate() {
            let id = FileId::try_from(id).unwrap_or(FileId::MAX);
            for (start, line) in file.lines.lines(&file.text) {
                hidden_characters_of_line((id, start), line, decode, out);
            }
        }
    } else {
        hidden_in_shown_text(article, decode, out);
    }
}

/// How far past a text's source position the character or the reference that wrote one
/// of its hidden characters is looked for (a paragraph's source is rarely longer).
const REFERENCE_WINDOW: usize = 64 * 1024;

/// Hidden characters and U+FFFD in what a page (HTML, Markdown, a book's chapters) shows
/// — its header lines, blocks and credits — each reported as the same character in a
/// plain-text file would be, at the place in the source that wrote it: the next one from
/// where the text's element starts, written directly or as a character reference
/// (`&#27;`, `&#x202E;`, `&#8203;`, `&zwj;`; the message then says how it was written),
/// or at the element when none is found within [`REFERENCE_WINDOW`] bytes. A reference in
/// a script, a comment or a code span shows as itself, so it is not one.
fn hidden_in_shown_text(article: &Article, decode: &DecodeInfo<'_>, out: &mut Findings<'_>) {
    let headers = [
        &article.banner,
        &article.kicker,
        &article.title,
        &article.subtitle,
        &article.column,
        &article.dateline,
        &article.byline,
        &article.source,
        &article.date,
    ]
    .into_iter()
    .flatten()
    .map(|h| (h.text.as_str(), h.file, h.src as usize));
    let blocks = article.blocks.iter().flat_map(|b| {
        let credit = b
            .credit
            .as_ref()
            .map(|c| (c.text.as_str(), b.file, c.src as usize));
        std::iter::once((b.text.as_str(), b.file, b.src())).chain(credit)
    });
    let replaced_why = || {
        if decode.replaced > 0 {
            format!(
                "bytes that are not {} were replaced here by U+FFFD; text was lost",
                decode.encoding
            )
        } else {
            "U+FFFD in the text: a character was lost before this file was written".to_string()
        }
    };
    for (text, file, src) in headers.chain(blocks) {
        let Some(source) = article
            .files
            .get(usize::from(file))
            .map(|f| f.text.as_str())
        else {
            continue;
        };
        // Where the next character is looked for: past the one found before.
        let mut from = src.min(source.len());
        // After one character found neither way, the rest of the text's are reported at
        // its element without looking (the look is bounded, but not free).
        let mut missed = false;
        // What the text shows that is reported: its hidden characters with their rule,
        // words and notation, and each U+FFFD of its plain runs.
        let wanted = segments(text).flat_map(|seg| {
            let hidden = hidden_kind(seg.class).and_then(|kind| {
                let c = text[seg.src.clone()].chars().next()?;
                Some((c, Some((kind, seg.text.clone()))))
            });
            let replacements = seg
                .class
                .is_none()
                .then(|| {
                    text[seg.src.clone()]
                        .matches(char::REPLACEMENT_CHARACTER)
                        .map(|_| (char::REPLACEMENT_CHARACTER, None))
                })
                .into_iter()
                .flatten();
            hidden.into_iter().chain(replacements)
        });
        for (c, kind) in wanted {
            let mut end = (from + REFERENCE_WINDOW).min(source.len());
            while !source.is_char_boundary(end) {
                end -= 1;
            }
            let window = if missed {
                ""
            } else {
                source.get(from..end).unwrap_or("")
            };
            let found = window.char_indices().find_map(|(i, x)| {
                if x == c {
                    Some((i, c.len_utf8(), false))
                } else if x == '&' {
                    char_reference(&window[i..])
                        .filter(|&(_, r)| r == Some(c))
                        .map(|(len, _)| (i, len, true))
                } else {
                    None
                }
            });
            let at = match found {
                Some((i, len, _)) => {
                    from += i + len;
                    from - len
                }
                None => {
                    missed = true;
                    src
                }
            };
            let written = found
                .filter(|&(_, _, reference)| reference)
                .map(|(i, len, _)| format!(" written as {}", &window[i..i + len]))
                .unwrap_or_default();
            match kind {
                Some(((rule, what), shown)) => {
                    let code = format!("U+{:04X}", u32::from(c));
                    out.push(
                        rule,
                        (file, at),
                        format!("{what} {code}{written}, shown as {shown}"),
                        None,
                    );
                }
                None => {
                    let why = match found {
                        Some((i, len, true)) => format!(
                            "the character reference {} stands for no character, shown as U+FFFD",
                            &window[i..i + len]
                        ),
                        _ => replaced_why(),
                    };
                    out.push(Rule::ReplacementCharacter, (file, at), why, None);
                }
            }
        }
    }
}

/// A guessed encoding, reported at the start of the source.
fn encoding_guess(_: &Article, decode: &DecodeInfo<'_>, out: &mut Findings<'_>) {
    if decode.guessed {
        out.push(
            Rule::EncodingGuess,
            (0, 0),
            format!(
                "the encoding was guessed as {}; if the text reads wrong, pass --encoding NAME",
                decode.encoding
            ),
            None,
        );
    }
}

/// Every join, at the continued part.
fn joined_paragraphs(article: &Article, _: &DecodeInfo<'_>, out: &mut Findings<'_>) {
    for join in &article.joins {
        out.push(
            Rule::JoinedParagraph,
            (join.file, join.src as usize),
            format!(
                "paragraph continued across a caption or column break: \"…{}\" ‖ \"{}…\"; \
                 check the source, text may have been lost here",
                join.before, join.after
            ),
            None,
        );
    }
}

/// Captions without a credit, and credits that stand alone (the parser makes a lone
/// "NAME 摄" line a caption of no text with that credit, or a block whose text it is).
fn captions_and_credits(article: &Article, _: &DecodeInfo<'_>, out: &mut Findings<'_>) {
    for b in &article.blocks {
        let at = (b.file, b.src());
        let alone = b
            .credit
            .as_deref()
            .filter(|_| b.kind == BlockKind::Caption && b.text.trim().is_empty())
            .map(|c| c.text.as_str())
            .or_else(|| credit_only(&b.text).is_some().then_some(b.text.as_str()));
        if let Some(credit) = alone {
            out.push(
                Rule::CreditWithoutCaption,
                at,
                format!(
                    "photographer's credit \"{}\" belongs to no caption",
                    excerpt(credit)
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
fn sections(article: &Article, _: &DecodeInfo<'_>, out: &mut Findings<'_>) {
    let is_heading = |b: &Block| b.kind == BlockKind::Heading && credit_only(&b.text).is_none();
    for (i, b) in article.blocks.iter().enumerate() {
        if !is_heading(b) {
            continue;
        }
        let at = (b.file, b.src());
        let rest = &article.blocks[i + 1..];
        let section = rest.iter().take_while(|n| !is_heading(n));
        // A box head (相关链接) directly over the box's own head is not an empty section.
        let over_a_head = is_box_head(&b.text) && rest.first().is_some_and(is_heading);
        if !over_a_head && !section.clone().any(|n| n.kind == BlockKind::Paragraph) {
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
            let last_at = b.text.len() - last.len_utf8();
            out.push(
                Rule::HeadingPunctuation,
                (b.file, b.src_at(last_at)),
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

    /// A plain text's article, as the registry parses it.
    fn parse(text: &str) -> Article {
        crate::formats::parse_shared(Format::Text, &Arc::new(text.to_string()))
    }

    /// A banner and a title, so that the body starts on line 5.
    const HEAD: &str = "城市观察\n\n小城十年的变迁之路\n\n";

    const UTF8: DecodeInfo<'static> = DecodeInfo {
        encoding: "UTF-8",
        guessed: false,
        replaced: 0,
        format: Format::Text,
    };

    fn findings_with(text: &str, decode: &DecodeInfo<'_>) -> Vec<Finding> {
        check(&parse(text), decode, &default_levels()).to_vec()
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

    /// A block of `text`, which stands at byte `src` of the source.
    fn heading_block(text: &str, src: usize) -> Block {
        Block {
            kind: BlockKind::Heading,
            text: text.into(),
            parts: Parts::one(src),
            credit: None,
            file: 0,
            styles: Default::default(),
            preformatted: false,
        }
    }

    fn paragraph_block(text: &str, src: usize) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            ..heading_block(text, src)
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
        // A levels map that does not name the rule: its table severity, not a guess.
        let none = check(&parse(&text), &UTF8, &RuleLevels::default()).to_vec();
        assert_eq!(none.first().map(|f| f.severity), Some(Severity::Error));
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
    fn credit_byline_and_headline_spaces_are_spared_and_stray_ones_are_not() {
        // Inside a sentence, any white space between Han characters is flagged, the
        // ideographic space too.
        assert_eq!(
            at(Rule::SpaceBetweenChinese, "今年　长三角的渡口。\n"),
            [(5, 3)]
        );
        // A bracketed byline and a credit inside a paragraph are spaced as printed.
        assert_eq!(
            at(
                Rule::SpaceBetweenChinese,
                "渡口排起了长队。（记者 白露 青山）船六点离岸。\n"
            ),
            []
        );
        assert_eq!(
            at(
                Rule::SpaceBetweenChinese,
                "渡口排起了长队，去岛上 上班的人。东岭晚报记者 白露 图\n"
            ),
            [(5, 12)]
        );
        assert!(in_credit_or_byline("船到了。东岭晚报记者 白露 图", 30));
        assert!(!in_credit_or_byline("船到了。今年 长三角", 18));
        // A headline's parts apart with an ideographic space; an ASCII space there is
        // still flagged.
        let found = |title: &str| -> Vec<(LineNo, usize)> {
            findings_with(
                &format!("城市观察\n\n{title}\n\n船六点离岸，渡口排起了长队。\n"),
                &UTF8,
            )
            .into_iter()
            .filter(|f| f.rule == Rule::SpaceBetweenChinese)
            .map(|f| (f.line, f.col))
            .collect()
        };
        assert_eq!(found("第一章　小城十年的变迁之路"), []);
        assert_eq!(found("第一章 小城十年的变迁之路"), [(3, 4)]);
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
            format: Format::Text,
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

    /// Lines the parser reads as a photograph's credit, in their printed forms.
    const CREDITS: [&str; 7] = [
        "陈光 摄",
        "新华社记者陈光摄",
        "王  立/摄",
        "阿依·买买提 摄",
        "摄影：林小海",
        "图片来源：视觉中国",
        "资料图片",
    ];

    #[test]
    fn a_credit_the_parser_reads_alone_is_flagged_as_a_lone_credit() {
        for line in CREDITS {
            assert!(crate::text::chinese::credit_only(line).is_some(), "{line}");
            let body = format!(
                "    清晨的渡口雾气很重，摆渡人老周已经把船擦得干干净净。\n\n{line}\n\n    新桥通车那天，渡口第一次没有人排队。\n"
            );
            assert_eq!(at(Rule::CreditWithoutCaption, &body), [(7, 1)], "{line}");
            assert_eq!(at(Rule::CaptionWithoutCredit, &body), [], "{line}");
            // Under a caption, the parser makes it the caption's credit: nothing to flag.
            let body = format!(
                "    清晨的渡口雾气很重，摆渡人老周已经把船擦得干干净净。\n\n图为新桥上的第一辆公交车。\n{line}\n\n    新桥通车那天，渡口第一次没有人排队。\n"
            );
            let article = parse(&format!("{HEAD}{body}"));
            let caption = article.blocks.iter().find(|b| b.kind == BlockKind::Caption);
            assert!(caption.is_some_and(|c| c.credit.is_some()), "{line}");
            assert_eq!(at(Rule::CreditWithoutCaption, &body), [], "{line}");
            assert_eq!(at(Rule::CaptionWithoutCredit, &body), [], "{line}");
        }
    }

    #[test]
    fn a_line_the_parser_does_not_read_as_a_credit_is_not_flagged_as_one() {
        // Two words before 摄 are not a padded name; a layout credit names no photograph.
        for line in [
            "峰会 现场 摄",
            "他们一起去拍摄",
            "版式设计：周红",
            "图为茶农在采茶。",
        ] {
            assert!(crate::text::chinese::credit_only(line).is_none(), "{line}");
            let text = format!("标题\n\n{line}\n");
            let article = Article {
                title: Some(HeaderLine::new("标题".into(), 0)),
                blocks: vec![paragraph_block(line, 8)],
                files: vec![Arc::new(SourceFile::new(&Arc::new(text)))],
                ..Article::default()
            };
            let found = check(&article, &UTF8, &default_levels()).to_vec();
            assert!(
                !found.iter().any(|f| f.rule == Rule::CreditWithoutCaption),
                "{line}: {found:?}"
            );
        }
        for line in CREDITS {
            let text = format!("标题\n\n{line}\n");
            let article = Article {
                blocks: vec![paragraph_block(line, 8)],
                files: vec![Arc::new(SourceFile::new(&Arc::new(text)))],
                ..Article::default()
            };
            let found = check(&article, &UTF8, &default_levels()).to_vec();
            assert!(
                found.iter().any(|f| f.rule == Rule::CreditWithoutCaption),
                "{line}"
            );
        }
    }

    #[test]
    fn empty_sections_and_heading_punctuation() {
        // The parser never leaves a section empty; a hand-built article can.
        let text = "标题\n\n第一节\n\n第二节：\n\n正文。\n\n我们来了！\n";
        let src = |s: &str| text.find(s).expect("in the text");
        let article = Article {
            title: Some(HeaderLine::new("标题".into(), 0)),
            blocks: vec![
                heading_block("第一节", src("第一节")),
                heading_block("第二节：", src("第二节")),
                paragraph_block("正文。", src("正文")),
                heading_block("我们来了！", src("我们")),
            ],
            files: vec![Arc::new(SourceFile::new(&Arc::new(text.to_string())))],
            ..Article::default()
        };
        let found: Vec<_> = check(&article, &UTF8, &default_levels())
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
    fn repeated_texts_are_kept_once_and_findings_stay_in_order() {
        // The same comma many times, on lines given in reverse of the order found.
        let body: String = (0..50).map(|i| format!("第{i}段,长三角。\n\n")).collect();
        let text = format!("{HEAD}{body}");
        let list = check(&parse(&text), &UTF8, &default_levels());
        assert_eq!(list.len(), 50);
        assert_eq!(list.texts.len(), 1, "one message for fifty findings");
        let lines: Vec<LineNo> = list.iter().map(|f| f.line).collect();
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "{lines:?}");
        let offsets: Vec<usize> = list.iter().map(|f| f.offset).collect();
        assert_eq!(list.first_from(0, offsets[10]), 10);
        assert_eq!(list.first_from(0, offsets[10] - 1), 10);
        assert_eq!(list.first_from(0, offsets[10] + 1), 11);
        assert_eq!(list.first_from(0, usize::MAX), 50);
        assert_eq!(list.first_from(1, 0), 50);
        // Each finding's offset is its line and column in the source.
        for (f, offset) in list.iter().zip(&offsets) {
            let line = text.lines().nth(f.line - 1).expect("a line");
            let col_at = line.char_indices().nth(f.col - 1).map(|(i, _)| i);
            let line_at = line.as_ptr().addr() - text.as_ptr().addr();
            assert_eq!(col_at.map(|i| line_at + i), Some(*offset));
            assert_eq!(text[*offset..].chars().next(), Some(','));
        }
        assert_eq!(list.get(10).map(|f| (f.line, f.col)), Some((lines[10], 5)));
        let f = list.get(3).expect("a fourth finding");
        assert_eq!(f.rule, Rule::HalfwidthPunctuation);
        assert_eq!(f.suggestion, Some("，"));
        assert_eq!(list.to_vec()[3], f.to_owned());
        assert!(list.any(Severity::Warning) && !list.any(Severity::Error));
    }

    #[test]
    fn levels_change_severity_and_off_drops_the_rule() {
        let text = format!("{HEAD}今年,长三角。\n");
        let mut levels = default_levels();
        levels.insert(Rule::HalfwidthPunctuation, Level::Error);
        let f = check(&parse(&text), &UTF8, &levels);
        assert_eq!(f.len(), 1);
        assert_eq!(f.get(0).map(|f| f.severity), Some(Severity::Error));
        levels.insert(Rule::HalfwidthPunctuation, Level::Off);
        assert!(check(&parse(&text), &UTF8, &levels).is_empty());
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
        let e = "halfwidth"
            .parse::<Rule>()
            .expect_err("unknown")
            .to_string();
        assert!(
            e.contains("\"halfwidth\"") && e.contains("mixed-width"),
            "{e}"
        );
    }
}
