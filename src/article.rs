//! The article model: what the parser recovers and everything else reads.
//!
//! Pure data. Nothing here knows about terminals, colours or widths.

use serde::Serialize;

/// A 1-based line number in the source file.
pub type LineNo = usize;

/// One line of the page header (banner, title or byline) as it stood in the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HeaderLine {
    /// The line's text, leading and trailing white space removed.
    pub text: String,
    /// The source line it stands on.
    pub line: LineNo,
}

/// A recovered feature article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Article {
    /// The page header line printed above the headline (for example a series name).
    pub banner: Option<HeaderLine>,
    /// The headline.
    pub title: Option<HeaderLine>,
    /// The byline as printed (padding spaces and all); `authors` holds the names.
    pub byline: Option<HeaderLine>,
    /// The authors' names, padding removed: "陈 醉 劳超杰" gives 陈醉 and 劳超杰.
    pub authors: Vec<String>,
    /// The body in reading order.
    pub blocks: Vec<Block>,
    /// Every place where a paragraph was joined across a break in the source.
    pub joins: Vec<Join>,
}

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    Heading,
    Paragraph,
    Caption,
}

impl BlockKind {
    /// The lowercase name used in `outline --json`.
    pub fn name(self) -> &'static str {
        match self {
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Caption => "caption",
        }
    }
}

/// A piece of a block's text that came from one run of source lines.
///
/// A block made of one source paragraph has one part; a paragraph joined across a
/// caption or column break has one part per piece, so that any byte of the block's text
/// can be traced back to its source line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    /// Byte offset in [`Block::text`] where this part starts.
    pub start: usize,
    /// The source line this part starts on.
    pub line: LineNo,
}

/// A photographer's credit, "NAME 摄".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    /// The name, padding spaces removed ("张 三 摄" gives 张三).
    pub name: String,
    /// The credit exactly as printed, for example "谷志锋 摄".
    pub text: String,
    /// The source line it stands on.
    pub line: LineNo,
}

/// A heading, paragraph or caption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// The text, exactly as in the source apart from white space at line ends and the
    /// line breaks between the parts of a joined paragraph.
    pub text: String,
    /// Where each piece of `text` came from; never empty, `parts[0].start == 0`.
    pub parts: Vec<Part>,
    /// The photographer's credit of a caption.
    pub credit: Option<Credit>,
}

impl Block {
    /// The source line the block starts on.
    pub fn line(&self) -> LineNo {
        self.parts.first().map_or(0, |p| p.line)
    }

    /// The source line of the byte at `offset` in [`Block::text`].
    pub fn line_at(&self, offset: usize) -> LineNo {
        let idx = self.parts.partition_point(|p| p.start <= offset);
        self.parts[idx.saturating_sub(1)].line
    }
}

/// A paragraph joined with the text that continued it after a break.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Join {
    /// The source line where the continued part starts.
    pub line: LineNo,
    /// The last few characters before the break.
    pub before: String,
    /// The first few characters after the break.
    pub after: String,
}

impl Article {
    /// The headings, in order, with their block indexes.
    pub fn headings(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks_of(BlockKind::Heading)
    }

    /// The captions, in order, with their block indexes.
    pub fn captions(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks_of(BlockKind::Caption)
    }

    fn blocks_of(&self, kind: BlockKind) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks
            .iter()
            .enumerate()
            .filter(move |(_, b)| b.kind == kind)
    }
}
