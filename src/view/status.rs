//! The status bar as a layout, not a string: where the focus is, the file, the section,
//! the search counter, a message or the key hint, and the position each get their room
//! and are shortened with "…" by priority — never written over one another.
//!
//! Pure: widths in terminal columns (with the ambiguous-width setting), no drawing; the
//! UI draws the [`Placed`] pieces.

use crate::input::source::human_size;
use crate::layout::{AmbiguousWidth, str_width};
use crate::text::sanitize::for_terminal_line;
use crate::view::app::App;
use crate::view::mode::ModeKind;

/// What a piece of the status bar shows, least important first: the order in which
/// pieces are shortened, then dropped, when the bar is too narrow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Part {
    /// The most useful keys; shown whole or not at all.
    Hint,
    /// The article's file name.
    File,
    /// The section being read.
    Section,
    /// A message until the next key.
    Message,
    /// Where the focus is, when it is not in the text.
    Focus,
    /// The search query and its counter ("/余姚 1/30"); the counter is never cut.
    Search,
    /// The position ("27–52/115 45%"), at the right end.
    Position,
}

/// One piece to lay out: a text that may be shortened, and a tail that is kept whole
/// (the search counter after its query).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    pub(crate) part: Part,
    pub(crate) text: String,
    pub(crate) tail: String,
}

impl Piece {
    pub fn new(part: Part, text: impl Into<String>) -> Piece {
        Piece {
            part,
            text: text.into(),
            tail: String::new(),
        }
    }
}

/// A piece placed on the bar: from column `x`, `text` (already shortened).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placed {
    pub(crate) part: Part,
    pub(crate) x: usize,
    pub(crate) text: String,
}

/// What goes between two pieces on the left.
pub(crate) const SEPARATOR: &str = " │ ";

/// Shortens `text` to at most `width` columns, ending it with "…" when something was cut
/// (through [`crate::text::truncate::truncate`], the one truncation: the ellipsis of the
/// right width in either ambiguous mode, never half a wide character).
pub(crate) fn shorten(text: &str, width: usize, amb: AmbiguousWidth) -> String {
    crate::text::truncate::truncate(text, width, amb)
        .0
        .into_owned()
}

/// The fewest columns a piece keeps before it is dropped.
fn min_width(piece: &Piece, amb: AmbiguousWidth) -> usize {
    let full = str_width(&piece.text, amb) + str_width(&piece.tail, amb);
    match piece.part {
        Part::Hint | Part::Position => full,
        // The counter, after at least "/…".
        Part::Search => full.min(str_width(&piece.tail, amb) + 2),
        Part::Focus => full.min(5),
        Part::Message => full.min(12),
        Part::File | Part::Section => full.min(6),
    }
}

/// Lays out `left` (in display order) from column 1 and `right` against the right end of
/// a bar `width` columns wide. When they do not fit, the least important piece (see
/// [`Part`]) is shortened first, down to its minimum, then dropped, and so on; the
/// right piece is shortened only when it alone is wider than the bar.
pub(crate) fn layout(
    width: usize,
    left: Vec<Piece>,
    right: Piece,
    amb: AmbiguousWidth,
) -> Vec<Placed> {
    let right_w = str_width(&right.text, amb).min(width);
    let right_text = shorten(&right.text, right_w, amb);
    // One column of margin on the left, one between the left pieces and the right one.
    let room = width.saturating_sub(right_w + 2);
    let sep = str_width(SEPARATOR, amb);
    let mut pieces: Vec<(Piece, usize)> = left
        .into_iter()
        .filter(|p| !p.text.is_empty() || !p.tail.is_empty())
        .map(|p| {
            let w = str_width(&p.text, amb) + str_width(&p.tail, amb);
            (p, w)
        })
        .collect();
    let total = |pieces: &[(Piece, usize)], min: bool| {
        pieces
            .iter()
            .map(|(p, w)| if min { min_width(p, amb) } else { *w })
            .sum::<usize>()
            + sep * pieces.len().saturating_sub(1)
    };
    // Which pieces stay: the hint only when everything fits whole; a message (it lasts
    // until the next key) whole before the file and the section; then the least
    // important go until the others fit at their shortest.
    let has_message = pieces.iter().any(|(p, _)| p.part == Part::Message);
    while total(&pieces, false) > room {
        let below_message = pieces
            .iter()
            .position(|(p, _)| has_message && p.part < Part::Message);
        let drop = if let Some(k) = pieces.iter().position(|(p, _)| p.part == Part::Hint) {
            k
        } else if let Some(k) = below_message {
            k
        } else if total(&pieces, true) > room {
            let lowest = pieces.iter().enumerate().min_by_key(|(_, (p, _))| p.part);
            match lowest {
                Some((k, _)) => k,
                None => break,
            }
        } else {
            break;
        };
        pieces.remove(drop);
    }
    // Then the least important are shortened first, each down to its shortest.
    let mut over = total(&pieces, false).saturating_sub(room);
    let mut order: Vec<usize> = (0..pieces.len()).collect();
    order.sort_by_key(|&k| pieces[k].0.part);
    for k in order {
        let (p, w) = &mut pieces[k];
        let take = over.min(w.saturating_sub(min_width(p, amb)));
        *w -= take;
        over -= take;
    }
    let mut out = Vec::new();
    let mut x = 1;
    for (k, (p, w)) in pieces.into_iter().enumerate() {
        if k > 0 {
            x += sep;
        }
        let tail_w = str_width(&p.tail, amb);
        let mut text = shorten(&p.text, w.saturating_sub(tail_w), amb);
        text.push_str(&p.tail);
        let shown = str_width(&text, amb);
        out.push(Placed {
            part: p.part,
            x,
            text,
        });
        x += shown;
    }
    out.push(Placed {
        part: right.part,
        x: width - right_w,
        text: right_text,
    });
    out
}

impl App {
    /// The status bar's pieces laid out for a bar `width` columns wide (outside the
    /// search prompt, which takes the whole bar). Every text from the file is sanitised.
    pub(crate) fn status_bar(&self, width: usize) -> Vec<Placed> {
        let amb = self.config.text.ambiguous_width;
        let mut left = Vec::new();
        let nav = self.mode.kind() == ModeKind::Nav;
        if nav {
            left.push(Piece::new(Part::Focus, "▶ navigation pane"));
        }
        left.push(Piece::new(Part::File, for_terminal_line(&self.name)));
        if let Some(section) = self.current_section_name() {
            let config = &self.config.text;
            let section = crate::layout::shown::shown(section, config.script, config.punctuation);
            left.push(Piece::new(Part::Section, for_terminal_line(&section)));
        }
        if let Some(search) = self
            .search
            .as_ref()
            .filter(|_| self.mode.search_prompt().is_none())
        {
            let cur = search.current.map_or(0, |c| c + 1);
            let more = if self.search_pending() { "…" } else { "" };
            left.push(Piece {
                part: Part::Search,
                text: format!("{}{}", search.sign(), for_terminal_line(&search.query)),
                tail: format!(" {cur}/{}{more}", search.matches.len()),
            });
        }
        match &self.message {
            Some(m) => left.push(Piece::new(Part::Message, for_terminal_line(m))),
            None if nav => left.push(Piece::new(Part::Hint, self.nav_hint())),
            None => left.push(Piece::new(Part::Hint, self.key_hint())),
        }
        layout(
            width,
            left,
            Piece::new(Part::Position, self.position_text()),
            amb,
        )
    }

    /// The position for the status bar, as less shows it: the lines on screen, the
    /// number of lines, and how far the bottom of the page is, in percent.
    pub(crate) fn position_text(&self) -> String {
        let (pct, top, bottom, total) = self.position();
        match (self.loading, self.layout_progress()) {
            // The beginning of a large file, the rest being read.
            (Some(l), _) if l.failed => format!("{top}/… first {} only", human_size(l.shown)),
            (Some(l), _) => format!("{top}/… reading {}", human_size(l.total)),
            // A large article still being laid out: how far that has come.
            (None, Some(done)) => format!("{top}/… laying out {done}%"),
            (None, None) => format!("{top}–{bottom}/{total} {pct}%"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_segmentation::UnicodeSegmentation;

    const N: AmbiguousWidth = AmbiguousWidth::Narrow;

    fn line(width: usize, placed: &[Placed]) -> String {
        let mut cells = vec![" ".to_string(); width];
        for p in placed {
            let mut x = p.x;
            for g in p.text.graphemes(true) {
                let w = str_width(g, N);
                if x < width {
                    cells[x] = g.to_string();
                    for c in cells.iter_mut().skip(x + 1).take(w.saturating_sub(1)) {
                        c.clear();
                    }
                }
                x += w;
            }
        }
        cells.concat()
    }

    fn bar(width: usize, message: Option<&str>) -> Vec<Placed> {
        let mut left = vec![
            Piece::new(Part::File, "yuyao-yangtze-delta.txt"),
            Piece::new(Part::Section, "科创“共同体”激活增长极"),
            Piece {
                part: Part::Search,
                text: "/余姚".into(),
                tail: " 1/30".into(),
            },
        ];
        if let Some(m) = message {
            left.push(Piece::new(Part::Message, m));
        }
        left.push(Piece::new(Part::Hint, "? help  / search  q quit"));
        layout(width, left, Piece::new(Part::Position, "27–52/115 45%"), N)
    }

    #[test]
    fn pieces_never_overlap_and_stay_inside_the_bar() {
        for width in 0..=200 {
            for message in [None, Some("search wrapped to the beginning")] {
                let placed = bar(width, message);
                let mut end = 0;
                for p in &placed {
                    assert!(
                        p.x >= end || p.part == Part::Position,
                        "{width}: {placed:?}"
                    );
                    end = p.x + str_width(&p.text, N);
                    assert!(end <= width.max(1), "{width}: {placed:?}");
                }
                if width >= 40 {
                    // The counter of the current match is never cut or covered.
                    let s = line(width, &placed);
                    assert!(s.contains(" 1/30"), "{width}: {s:?}");
                    assert!(s.ends_with("27–52/115 45%"), "{width}: {s:?}");
                }
            }
        }
    }

    #[test]
    fn a_message_shortens_the_name_and_section_not_the_counter() {
        let s = line(80, &bar(80, Some("search wrapped to the beginning")));
        assert!(s.contains("/余姚 1/30"), "{s}");
        assert!(s.contains("search wrapped to the beginning"), "{s}");
        assert!(!s.contains("? help"), "the hint makes room: {s}");
        // At 60 columns the file and the section make room for the message too.
        let s = line(60, &bar(60, Some("search wrapped to the beginning")));
        assert!(s.contains("/余姚 1/30"), "{s}");
        assert!(s.contains("search wrapped to the beginning"), "{s}");
        assert!(!s.contains("yuyao"), "{s}");
        // With room, everything whole.
        let s = line(200, &bar(200, Some("search wrapped to the beginning")));
        for whole in [
            "yuyao-yangtze-delta.txt",
            "科创“共同体”激活增长极",
            "? help  / search  q quit",
        ] {
            assert!(s.contains(whole), "{s}");
        }
    }

    #[test]
    fn shorten_never_halves_a_wide_character() {
        assert_eq!(shorten("余姚市人民医院", 6, N), "余姚…");
        assert_eq!(shorten("余姚市人民医院", 5, N), "余姚…");
        assert_eq!(shorten("余姚", 4, N), "余姚");
        assert_eq!(shorten("abc", 0, N), "");
        for w in 0..16 {
            assert!(str_width(&shorten("余姚市人民医院", w, N), N) <= w);
        }
    }
}
