//! The character set a page declares: `<meta charset=…>` or `<meta http-equiv=
//! "Content-Type" content="…; charset=…">` in its first 1024 bytes (the HTML standard's
//! prescan window). Used only when the bytes are not valid UTF-8 and have no BOM: a
//! meta on a UTF-8 page often lies (saved pages keep the original `gb2312`).

/// How far into the page the declaration is looked for, in bytes.
pub(crate) const PRESCAN_BYTES: usize = 1024;

/// The encoding a page's meta names, as an `encoding_rs` name (`gb2312` and `gbk` read
/// as GB18030, their superset); `None` when there is none, it names no encoding, or
/// the bytes start with a BOM.
pub(crate) fn prescan(bytes: &[u8]) -> Option<&'static str> {
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return None;
    }
    let head: Vec<u8> = bytes[..bytes.len().min(PRESCAN_BYTES)]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&head[from..], b"<meta") {
        let start = from + i;
        let end = head[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(head.len(), |e| start + e);
        let tag = &head[start..end];
        if let Some(j) = memchr::memmem::find(tag, b"charset") {
            let rest = &tag[j + 7..];
            let rest = rest
                .iter()
                .skip_while(|b| b.is_ascii_whitespace())
                .copied()
                .collect::<Vec<u8>>();
            if let Some(value) = rest.strip_prefix(b"=") {
                let value: Vec<u8> = value
                    .iter()
                    .skip_while(|b| b.is_ascii_whitespace() || **b == b'"' || **b == b'\'')
                    .take_while(|b| {
                        !(b.is_ascii_whitespace()
                            || matches!(**b, b'"' | b'\'' | b';' | b'/' | b'>'))
                    })
                    .copied()
                    .collect();
                if let Some(name) = label(&value) {
                    return Some(name);
                }
            }
        }
        from = end.max(start + 1);
    }
    None
}

/// The encoding a charset label names (`gb2312`, `"UTF-8"`, `big5`…), as an
/// `encoding_rs` name: `gb2312` and `gbk` read as GB18030, their superset; `None` for a
/// label of no encoding.
pub(crate) fn label(value: &[u8]) -> Option<&'static str> {
    let enc = encoding_rs::Encoding::for_label(value)?;
    Some(if enc == encoding_rs::GBK {
        encoding_rs::GB18030.name()
    } else {
        enc.name()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_charset_and_http_equiv() {
        assert_eq!(
            prescan(b"<html><head><meta charset=\"gb2312\">"),
            Some("gb18030")
        );
        assert_eq!(
            prescan(b"<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=big5\">"),
            Some("Big5")
        );
        assert_eq!(prescan(b"<meta charset=utf-8>"), Some("UTF-8"));
        assert_eq!(prescan(b"<meta name=\"x\"><p>charset=gbk</p>"), None);
        assert_eq!(prescan(b"\xEF\xBB\xBF<meta charset=gbk>"), None);
        assert_eq!(prescan(b"<meta charset=\"nonsense\">"), None);
    }
}
