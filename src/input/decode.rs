//! Bytes → text, with a report of what was guessed or replaced.
//!
//! How to call it:
//!
//! ```
//! use yuedu::input::decode::{decode, decode_with_options, DecodeOptions};
//!
//! let decoded = decode(b"plain text").expect("not binary");
//! assert_eq!(decoded.text, "plain text");
//! assert_eq!(decoded.report(), None); // plain valid UTF-8: nothing to tell the user
//!
//! // `--encoding gb18030`: the user's label, no detection.
//! let gb18030 = DecodeOptions { encoding: Some("gb18030"), force: false };
//! let forced = decode_with_options(b"\xd3\xe0\xd2\xa6", &gb18030).expect("known label");
//! assert_eq!(forced.text, "余姚");
//!
//! // `--force`: NUL bytes are kept (sanitize shows them as `^@`) instead of refused.
//! let options = DecodeOptions { encoding: None, force: true };
//! assert_eq!(decode_with_options(b"a\0b", &options).expect("forced").text, "a\0b");
//! ```
//!
//! Show [`Decoded::report`] (when `Some`) in the status bar / on stderr. The text is not
//! sanitized here and line ends are not rewritten (the parser reads CRLF and lone CR);
//! only a leading byte-order mark is removed.
//!
//! Order of decisions: a byte-order mark decides (UTF-8, UTF-16LE, UTF-16BE); else NUL
//! bytes mean binary (unless the NULs look like BOM-less UTF-16, or `force`); else valid
//! UTF-8 is UTF-8; else *mostly* UTF-8 (≥ 95 % of the non-ASCII bytes in valid UTF-8
//! sequences) is UTF-8 with the bad sequences replaced by U+FFFD; else `chardetng` guesses
//! the legacy encoding and `encoding_rs` decodes it. Everything is linear in the input.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{DecoderResult, Encoding};

/// The text of a file and how it was obtained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text (without a leading byte-order mark; line ends untouched).
    pub text: String,
    /// The encoding's name as the user should see it: "UTF-8", "GB18030", "Big5",
    /// "UTF-16LE", "Shift_JIS", "windows-1252" …
    pub(crate) encoding: &'static str,
    /// The encoding was inferred heuristically (detector, BOM-less UTF-16, mostly-UTF-8),
    /// not known from a byte-order mark, valid UTF-8 or the user's choice.
    pub(crate) guessed: bool,
    /// The input began with a byte-order mark (removed from `text`).
    pub(crate) bom: bool,
    /// How many invalid byte sequences were replaced by U+FFFD (one per sequence).
    pub(crate) replaced: usize,
}

impl Decoded {
    /// A note for the user about how the file was read; `None` for plain valid UTF-8
    /// (with or without a byte-order mark).
    pub fn report(&self) -> Option<String> {
        let mut parts = Vec::new();
        if self.guessed {
            parts.push(format!("decoded as {} (guessed)", self.encoding));
        } else if self.encoding != "UTF-8" {
            let how = if self.bom { " (byte-order mark)" } else { "" };
            parts.push(format!("decoded as {}{how}", self.encoding));
        }
        if self.replaced > 0 {
            let (n, s) = (self.replaced, if self.replaced == 1 { "" } else { "s" });
            parts.push(format!("{n} invalid byte sequence{s} replaced by U+FFFD"));
        }
        (!parts.is_empty()).then(|| parts.join("; "))
    }
}

/// Why bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// NUL bytes outside UTF-16 text: most likely not a text file.
    #[error("not a text file (NUL byte at offset {offset}); use --force to read it anyway")]
    Binary { offset: usize },
    /// The label given for a forced encoding is not one `encoding_rs` knows.
    #[error(
        "unknown encoding \"{}\" (known: UTF-8, GB18030, GBK, Big5, UTF-16LE, UTF-16BE, \
         Shift_JIS, EUC-JP, EUC-KR, windows-1252 …)",
        crate::text::sanitize::for_terminal_line(label)
    )]
    UnknownEncoding { label: String },
}

/// How to decode: a forced encoding label, and whether to read binary-looking input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DecodeOptions<'a> {
    /// A WHATWG encoding label ("gb18030", "big5", "utf-16le", "latin1" …); `None` detects.
    pub encoding: Option<&'a str>,
    /// Decode even when the input contains NUL bytes (they stay in the text as U+0000).
    pub force: bool,
}

/// How much of the input the detector sees. chardetng is accurate on far less; the cap
/// keeps a 50 MB file from costing a detector pass over every byte.
const DETECT_LIMIT: usize = 1 << 20;

/// Decodes with detection; refuses binary input.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_with_options(bytes, &DecodeOptions::default())
}

/// Decodes as `encoding` (a label such as "gb18030") when given, else with detection;
/// refuses binary input.
#[cfg(test)]
pub(crate) fn decode_with(bytes: &[u8], encoding: Option<&str>) -> Result<Decoded, DecodeError> {
    decode_with_options(
        bytes,
        &DecodeOptions {
            encoding,
            force: false,
        },
    )
}

/// Decodes `bytes` read whole from a file: like [`decode_with_options`], but plain valid
/// UTF-8 (the common case) becomes the text without a copy.
pub(crate) fn decode_owned(
    bytes: Vec<u8>,
    options: &DecodeOptions<'_>,
) -> Result<Decoded, DecodeError> {
    let plain =
        options.encoding.is_none() && Encoding::for_bom(&bytes).is_none() && !bytes.contains(&0);
    if !plain {
        return decode_with_options(&bytes, options);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text,
            encoding: "UTF-8",
            guessed: false,
            bom: false,
            replaced: 0,
        }),
        Err(e) => decode_with_options(e.as_bytes(), options),
    }
}

/// Decodes under `options`.
pub fn decode_with_options(
    bytes: &[u8],
    options: &DecodeOptions<'_>,
) -> Result<Decoded, DecodeError> {
    if let Some(label) = options.encoding {
        return decode_forced(bytes, label, options.force);
    }
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, replaced) = decode_counting(encoding, &bytes[bom_len..]);
        check_nul(&text, options.force)?;
        return Ok(Decoded {
            text,
            encoding: encoding.name(),
            guessed: false,
            bom: true,
            replaced,
        });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        if let Some(decoded) = sniff_utf16(bytes) {
            return Ok(decoded);
        }
        if !options.force {
            return Err(DecodeError::Binary { offset });
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_owned(),
            encoding: "UTF-8",
            guessed: false,
            bom: false,
            replaced: 0,
        });
    }
    if mostly_utf8(bytes) {
        let (text, replaced) = utf8_lossy_counting(bytes);
        return Ok(guessed_as(text, "UTF-8", replaced));
    }
    let encoding = detect(bytes);
    if encoding == encoding_rs::UTF_8 {
        // The detector saw only valid UTF-8 in the prefix it was given.
        let (text, replaced) = utf8_lossy_counting(bytes);
        return Ok(guessed_as(text, "UTF-8", replaced));
    }
    let (text, replaced) = decode_counting(encoding, bytes);
    Ok(guessed_as(text, display_name(encoding), replaced))
}

/// Decodes a page as the encoding its markup declares (`declared`, a label from a
/// `<meta charset>`), unless the declaration is wrong: when the declared encoding does
/// not decode the bytes cleanly (any sequence replaced: UTF-8 declared for bytes that
/// are not UTF-8, GBK read as Big5), the encoding is detected as for text without a
/// declaration, and the detected reading wins when it replaces fewer sequences; when
/// that still replaces more than 1 % of the non-ASCII bytes, the detector's guess for a
/// .cn site is tried too. Saved pages often keep a meta that lies.
pub(crate) fn decode_declared(
    bytes: &[u8],
    declared: &str,
    force: bool,
) -> Result<Decoded, DecodeError> {
    let as_declared = decode_forced(bytes, declared, force)?;
    if as_declared.replaced == 0 {
        return Ok(as_declared);
    }
    let mut best = as_declared;
    let detected = decode_with_options(
        bytes,
        &DecodeOptions {
            encoding: None,
            force,
        },
    )?;
    if detected.replaced < best.replaced {
        best = detected;
    }
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    if best.replaced.saturating_mul(100) > non_ascii {
        // The detector may find the declared encoding itself (Big5 where the page says
        // Big5); with that many replacements, the guess for a .cn site is the other
        // reading (a Big5 page with a damaged byte or two stays Big5).
        let encoding = detect_with_hint(bytes);
        if encoding != encoding_rs::UTF_8 {
            let (text, replaced) = decode_counting(encoding, bytes);
            check_nul(&text, force)?;
            if replaced < best.replaced {
                best = guessed_as(text, display_name(encoding), replaced);
            }
        }
    }
    Ok(best)
}

fn guessed_as(text: String, encoding: &'static str, replaced: usize) -> Decoded {
    Decoded {
        text,
        encoding,
        guessed: true,
        bom: false,
        replaced,
    }
}

fn decode_forced(bytes: &[u8], label: &str, force: bool) -> Result<Decoded, DecodeError> {
    let unknown = || DecodeError::UnknownEncoding {
        label: label.to_owned(),
    };
    let encoding = Encoding::for_label(label.trim().as_bytes()).ok_or_else(unknown)?;
    // "replacement" (the label of ISO-2022-KR, HZ …) decodes everything to one U+FFFD:
    // useless for reading, so treat it as unknown.
    if encoding == encoding_rs::REPLACEMENT {
        return Err(unknown());
    }
    // A byte-order mark of the asked encoding itself is removed; any other is text.
    let bom_len = match Encoding::for_bom(bytes) {
        Some((bom_encoding, len)) if bom_encoding == encoding => len,
        _ => 0,
    };
    let (text, replaced) = decode_counting(encoding, &bytes[bom_len..]);
    check_nul(&text, force)?;
    Ok(Decoded {
        text,
        encoding: display_name(encoding),
        guessed: false,
        bom: bom_len > 0,
        replaced,
    })
}

/// The name shown to the user: encoding_rs's (WHATWG) name, except "GB18030" for both
/// gb18030 (lower case in WHATWG) and GBK: chardetng reports GBK, GB18030 is its
/// superset, and encoding_rs's GBK decoder already is the GB18030 decoder.
fn display_name(encoding: &'static Encoding) -> &'static str {
    if encoding == encoding_rs::GBK || encoding == encoding_rs::GB18030 {
        "GB18030"
    } else {
        encoding.name()
    }
}

fn check_nul(text: &str, force: bool) -> Result<(), DecodeError> {
    match text.find('\0') {
        Some(offset) if !force => Err(DecodeError::Binary { offset }),
        _ => Ok(()),
    }
}

fn detector_fed(bytes: &[u8]) -> EncodingDetector {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    let whole = bytes.len() <= DETECT_LIMIT;
    detector.feed(&bytes[..bytes.len().min(DETECT_LIMIT)], whole);
    detector
}

/// The detector's guess for text from a .cn site, Big5 found without the hint not
/// preferred.
fn detect_with_hint(bytes: &[u8]) -> &'static Encoding {
    detector_fed(bytes).guess(Some(b"cn"), Utf8Detection::Allow)
}

/// Guesses a legacy encoding (never UTF-8 unless the prefix seen is valid UTF-8).
fn detect(bytes: &[u8]) -> &'static Encoding {
    let detector = detector_fed(bytes);
    // yuedu reads Chinese first: the detector is told the text comes from a .cn site,
    // so where the bytes are valid GBK it leans to GBK (and to Big5 where they are
    // not), instead of a single-byte encoding that mostly-ASCII text also fits. Big5
    // the detector finds without the hint stays Big5.
    let generic = detector.guess(None, Utf8Detection::Allow);
    let encoding = if generic == encoding_rs::BIG5 {
        generic
    } else {
        detector.guess(Some(b"cn"), Utf8Detection::Allow)
    };
    if encoding == encoding_rs::GBK {
        encoding_rs::GB18030
    } else {
        encoding
    }
}

/// True when at least 95 % of the non-ASCII bytes sit in valid UTF-8 sequences: a UTF-8
/// file with a few damaged bytes, not a legacy encoding (GBK text is almost never valid
/// UTF-8 by accident, so its ratio is far lower).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut valid_non_ascii, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        valid_non_ascii += chunk.valid().bytes().filter(|b| !b.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    invalid > 0 && valid_non_ascii >= invalid.saturating_mul(19)
}

/// UTF-8 with one U+FFFD per invalid sequence (as `String::from_utf8_lossy`), counted.
fn utf8_lossy_counting(bytes: &[u8]) -> (String, usize) {
    let mut text = String::with_capacity(bytes.len());
    let mut replaced = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            text.push(char::REPLACEMENT_CHARACTER);
            replaced += 1;
        }
    }
    (text, replaced)
}

/// Decodes all of `bytes` as `encoding` (no BOM handling), one U+FFFD per malformed
/// sequence, and counts them.
fn decode_counting(encoding: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(bytes.len())
        .unwrap_or(bytes.len());
    let mut text = String::with_capacity(capacity);
    let mut rest = bytes;
    let mut replaced = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(rest, &mut text, true);
        rest = &rest[read..];
        match result {
            DecoderResult::InputEmpty => return (text, replaced),
            DecoderResult::Malformed(_, _) => {
                text.push(char::REPLACEMENT_CHARACTER);
                replaced += 1;
            }
            DecoderResult::OutputFull => {
                let more = decoder
                    .max_utf8_buffer_length_without_replacement(rest.len())
                    .unwrap_or(rest.len())
                    .max(16);
                text.reserve(more);
            }
        }
    }
}

/// BOM-less UTF-16: the input must have an even length and decode without error,
/// without U+0000 and without C0 controls other than tab, line feed, form feed and
/// carriage return. The byte order tried first is the one whose high bytes hold most of
/// the NULs (ASCII characters); CJK text has NULs on both parities (一 is U+4E00), so
/// both are tried. Binary data with NULs fails these checks almost at once (two NULs on
/// an aligned pair are U+0000), so it costs little.
fn sniff_utf16(bytes: &[u8]) -> Option<Decoded> {
    const SAMPLE: usize = 64 * 1024;
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    if sample.chunks_exact(2).any(|pair| pair == [0, 0]) {
        return None; // U+0000 in either byte order: binary, known without decoding
    }
    let odd = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let order = if odd >= even {
        [encoding_rs::UTF_16LE, encoding_rs::UTF_16BE]
    } else {
        [encoding_rs::UTF_16BE, encoding_rs::UTF_16LE]
    };
    if bytes.len() < MIN_UTF16_BYTES {
        return None; // too little to tell text from binary
    }
    order.into_iter().find_map(|encoding| {
        let text = decode_strict(encoding, bytes)?;
        plausible_text(&text).then(|| guessed_as(text, encoding.name(), 0))
    })
}

/// The fewest bytes read as BOM-less UTF-16: a shorter file with a NUL is binary (a few
/// bytes of anything decode as *some* UTF-16).
const MIN_UTF16_BYTES: usize = 16;

/// Whether text decoded from BOM-less UTF-16 reads as text: no C0 control other than
/// tab, line feed, form feed and carriage return, no private-use or unassigned code
/// point, and at least 90 % of the characters in the scripts of text (ASCII, Latin,
/// general punctuation, CJK, kana, Hangul, fullwidth forms). Binary read as UTF-16 is
/// spread over the whole Basic Multilingual Plane and fails this.
fn plausible_text(text: &str) -> bool {
    use crate::text::sanitize::{Class, classify};
    let (mut total, mut common) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\x0c' | '\r') {
            return false;
        }
        if matches!(classify(c), Some(Class::PrivateUse | Class::Unassigned)) {
            return false;
        }
        total += 1;
        if matches!(
            c,
            '\t'..='\r'
                | ' '..='~'
                | '\u{A0}'..='\u{24F}'
                | '\u{2000}'..='\u{206F}'
                | '\u{3000}'..='\u{30FF}'
                | '\u{3400}'..='\u{4DBF}'
                | '\u{4E00}'..='\u{9FFF}'
                | '\u{AC00}'..='\u{D7A3}'
                | '\u{FF00}'..='\u{FFEF}'
        ) {
            common += 1;
        }
    }
    common * 10 >= total * 9
}

/// Decodes all of `bytes` as `encoding`, or `None` at the first malformed sequence.
fn decode_strict(encoding: &'static Encoding, bytes: &[u8]) -> Option<String> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(std::borrow::Cow::into_owned)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::source::SHIPPED_ARTICLE;

    fn encode(encoding: &'static Encoding, text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding.encode(text);
        assert!(!unmappable, "{} cannot encode the sample", encoding.name());
        bytes.into_owned()
    }

    fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if little_endian {
                b"\xff\xfe"
            } else {
                b"\xfe\xff"
            });
        }
        for unit in text.encode_utf16() {
            let pair = if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            };
            out.extend_from_slice(&pair);
        }
        out
    }

    #[test]
    fn owned_bytes_decode_like_borrowed_ones() {
        let cases: Vec<Vec<u8>> = vec![
            SHIPPED_ARTICLE.as_bytes().to_vec(),
            b"\xef\xbb\xbfwith a BOM".to_vec(),
            utf16("余姚", true, true),
            encode(encoding_rs::GB18030, SHIPPED_ARTICLE),
            b"mostly \xff utf-8".to_vec(),
            b"a\0b".to_vec(),
            Vec::new(),
        ];
        for bytes in cases {
            let options = DecodeOptions::default();
            assert_eq!(
                decode_owned(bytes.clone(), &options),
                decode_with_options(&bytes, &options)
            );
        }
    }

    #[test]
    fn plain_utf8_has_no_report() {
        let d = decode(SHIPPED_ARTICLE.as_bytes()).unwrap();
        assert_eq!(d.text, SHIPPED_ARTICLE);
        assert_eq!(
            (d.encoding, d.guessed, d.bom, d.replaced),
            ("UTF-8", false, false, 0)
        );
        assert_eq!(d.report(), None);
    }

    #[test]
    fn gb18030_article_is_detected_and_decoded_exactly() {
        let bytes = encode(encoding_rs::GB18030, SHIPPED_ARTICLE);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert!(d.guessed);
        assert_eq!(d.replaced, 0);
        assert!(
            d.text == SHIPPED_ARTICLE,
            "GB18030 round trip changed the text"
        );
        assert_eq!(d.report().as_deref(), Some("decoded as GB18030 (guessed)"));
    }

    #[test]
    fn gb18030_four_byte_sequences_decode() {
        // 𠀀 (U+20000) and € are outside GBK's two-byte range: GB18030 four-byte codes.
        let text = "长三角一体化发展上升为国家战略，余姚地处杭州湾南岸。𠀀€".repeat(20);
        let d = decode(&encode(encoding_rs::GB18030, &text)).unwrap();
        assert_eq!((d.encoding, d.replaced), ("GB18030", 0));
        assert_eq!(d.text, text);
    }

    #[test]
    fn byte_order_marks_decide() {
        let cases: [(Vec<u8>, &str); 3] = [
            (utf16(SHIPPED_ARTICLE, true, true), "UTF-16LE"),
            (utf16(SHIPPED_ARTICLE, false, true), "UTF-16BE"),
            (
                [b"\xef\xbb\xbf".as_slice(), SHIPPED_ARTICLE.as_bytes()].concat(),
                "UTF-8",
            ),
        ];
        for (bytes, name) in cases {
            let d = decode(&bytes).unwrap();
            assert_eq!(
                (d.encoding, d.bom, d.guessed, d.replaced),
                (name, true, false, 0)
            );
            assert!(d.text == SHIPPED_ARTICLE, "{name}: text differs");
        }
        let d = decode(&utf16("余姚", true, true)).unwrap();
        assert_eq!(
            d.report().as_deref(),
            Some("decoded as UTF-16LE (byte-order mark)")
        );
        assert_eq!(decode(b"\xef\xbb\xbfplain").unwrap().report(), None);
    }

    #[test]
    fn a_declared_encoding_that_does_not_fit_the_bytes_gives_way_to_detection() {
        let text = "<p>夜校的教室里坐满了人，学员们低头练字，老师在黑板上写下今天的课题。</p>\n"
            .repeat(20);
        let gbk = encode(encoding_rs::GB18030, &text);
        for declared in ["utf-8", "big5"] {
            let d = decode_declared(&gbk, declared, false).unwrap();
            assert_eq!((d.encoding, d.guessed, d.replaced), ("GB18030", true, 0));
            assert!(d.text == text, "{declared}: text differs");
        }
        // A declaration that fits is followed, not guessed.
        let d = decode_declared(&gbk, "gb2312", false).unwrap();
        assert_eq!((d.encoding, d.guessed, d.replaced), ("GB18030", false, 0));
        let big5 = encode(encoding_rs::BIG5, "夜校的教室裡坐滿了人，學員們低頭練字。");
        let d = decode_declared(&big5, "big5", false).unwrap();
        assert_eq!((d.encoding, d.guessed, d.replaced), ("Big5", false, 0));
        // A few damaged bytes under a right declaration stay with it.
        let mut damaged = big5.clone();
        damaged[3] = 0xff;
        let d = decode_declared(&damaged, "big5", false).unwrap();
        assert_eq!((d.encoding, d.guessed), ("Big5", false));
        let mut damaged = gbk.clone();
        damaged[3] = 0xff;
        let d = decode_declared(&damaged, "gbk", false).unwrap();
        assert_eq!((d.encoding, d.guessed), ("GB18030", false));
        assert!((1..=2).contains(&d.replaced), "{}", d.replaced);
    }

    #[test]
    fn bomless_utf16_is_sniffed() {
        for (little, name) in [(true, "UTF-16LE"), (false, "UTF-16BE")] {
            let d = decode(&utf16(SHIPPED_ARTICLE, little, false)).unwrap();
            assert_eq!((d.encoding, d.guessed, d.bom), (name, true, false));
            assert!(d.text == SHIPPED_ARTICLE, "{name}: text differs");
        }
    }

    #[test]
    fn mostly_utf8_is_utf8_with_replacements_counted() {
        let mut bytes = SHIPPED_ARTICLE.as_bytes().to_vec();
        // Three lone bytes that can never start a UTF-8 sequence, at ASCII positions.
        let newlines: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] == b'\n').collect();
        for &i in &newlines[newlines.len() - 3..] {
            bytes[i] = 0xff;
        }
        let d = decode(&bytes).unwrap();
        assert_eq!((d.encoding, d.replaced), ("UTF-8", 3));
        assert_eq!(d.text.matches('\u{FFFD}').count(), 3);
        assert_eq!(
            d.report().as_deref(),
            Some("decoded as UTF-8 (guessed); 3 invalid byte sequences replaced by U+FFFD")
        );
    }

    #[test]
    fn big5_is_detected() {
        let text = "臺灣的城市與鄉村之間，交通網絡日漸完善。每年春天，許多旅客來到這裡，\
                    欣賞山間的櫻花，品嚐當地的茶葉與小吃。政府計畫在未來五年內，\
                    繼續擴建鐵路與公路，讓偏遠地區的居民也能享受便利的生活。\
                    這項計畫預計將帶動觀光產業的發展，並創造更多工作機會。";
        let d = decode(&encode(encoding_rs::BIG5, text)).unwrap();
        assert_eq!((d.encoding, d.guessed, d.replaced), ("Big5", true, 0));
        assert_eq!(d.text, text);
    }

    #[test]
    fn forced_encoding_is_used_as_given() {
        let bytes = encode(encoding_rs::GB18030, "余姚");
        let d = decode_with(&bytes, Some("gb18030")).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.guessed),
            ("余姚", "GB18030", false)
        );
        // Forcing a wrong one is obeyed too: the user asked.
        let d = decode_with(SHIPPED_ARTICLE.as_bytes(), Some(" Latin1 ")).unwrap();
        assert_eq!(d.encoding, "windows-1252");
        assert_ne!(d.text, SHIPPED_ARTICLE);
        let d = decode_with(b"\xef\xbb\xbfabc", Some("utf-8")).unwrap();
        assert_eq!((d.text.as_str(), d.bom), ("abc", true));
    }

    #[test]
    fn unknown_label_is_an_error_naming_valid_ones() {
        let err = decode_with(b"abc", Some("klingon")).unwrap_err();
        assert_eq!(
            err,
            DecodeError::UnknownEncoding {
                label: "klingon".into()
            }
        );
        let message = err.to_string();
        assert!(message.contains("\"klingon\""), "{message}");
        assert!(
            message.contains("GB18030") && message.contains("Big5"),
            "{message}"
        );
        assert!(decode_with(b"abc", Some("iso-2022-kr")).is_err());
        let message = decode_with(b"", Some("\x1b[2J")).unwrap_err().to_string();
        assert!(!message.contains('\x1b'), "{message}");
    }

    #[test]
    fn nul_is_binary_unless_forced() {
        let bytes = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";
        assert_eq!(decode(bytes), Err(DecodeError::Binary { offset: 7 }));
        let forced = DecodeOptions {
            encoding: None,
            force: true,
        };
        let d = decode_with_options(bytes, &forced).unwrap();
        assert_eq!(d.text.as_bytes(), bytes);
        // A NUL in BOM-marked UTF-16 text is binary too.
        let with_nul = utf16("a\0b", true, true);
        assert_eq!(decode(&with_nul), Err(DecodeError::Binary { offset: 1 }));
        assert_eq!(
            decode_with_options(&with_nul, &forced).unwrap().text,
            "a\0b"
        );
    }

    #[test]
    fn empty_input_is_empty_text() {
        let d = decode(b"").unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.report()),
            ("", "UTF-8", None)
        );
    }

    #[test]
    fn line_ends_are_left_alone() {
        let d = decode(b"a\r\nb\rc\n").unwrap();
        assert_eq!(d.text, "a\r\nb\rc\n");
        let bytes = encode(encoding_rs::GB18030, "余姚\r\n长三角\r");
        assert_eq!(decode(&bytes).unwrap().text, "余姚\r\n长三角\r");
    }

    #[test]
    fn mostly_english_gb18030_is_gb18030() {
        let text = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/gb18030-mostly-english.txt"
        ))
        .expect("case");
        let d = decode(&text).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert!(d.text.contains("余姚"), "{}", d.text);
        // The same kind of text, written here: a few Chinese words in English.
        for chinese in ["长三角", "宁波", "余姚市政府"] {
            let english = format!(
                "The council met on Monday. The mayor of {chinese} spoke about the port, \
                 the trains and the new bridge.\n"
            );
            let d = decode(&encode(encoding_rs::GB18030, &english)).unwrap();
            assert_eq!((d.encoding, d.text.as_str()), ("GB18030", english.as_str()));
        }
    }

    #[test]
    fn mostly_english_big5_is_big5() {
        let english = "The council met on Monday. The mayor of 臺灣 spoke about the port, \
                       the trains and the new 鐵路與公路.\n";
        let d = decode(&encode(encoding_rs::BIG5, english)).unwrap();
        assert_eq!((d.encoding, d.text.as_str()), ("Big5", english));
    }

    #[test]
    fn a_tiny_binary_file_is_not_utf16() {
        for bytes in [
            &b"ab\0c"[..],
            b"\x7fELF\x02\x01\x01\0",
            b"PK\x03\x04\x14\0\x08\0",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            b"\0\x4e\x01\x02",
        ] {
            assert!(
                matches!(decode(bytes), Err(DecodeError::Binary { .. })),
                "{bytes:?} read as text: {:?}",
                decode(bytes)
            );
        }
        // Text of that size is still read.
        let d = decode(&utf16("余姚在长三角中心抱团\n", true, false)).unwrap();
        assert_eq!(d.text, "余姚在长三角中心抱团\n");
    }
}
