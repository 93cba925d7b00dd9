//! Error messages a user can read: the Rust type names serde and clap put in messages
//! ("expected u16") said in words.

/// `message` with "expected u8/u16/u32/u64/usize/i…/f…/bool" said in plain words, with
/// the range of the integer types.
pub fn in_plain_words(message: &str) -> String {
    const TYPES: &[(&str, &str)] = &[
        ("expected u8", "expected a whole number from 0 to 255"),
        ("expected u16", "expected a whole number from 0 to 65535"),
        (
            "expected u32",
            "expected a whole number from 0 to 4294967295",
        ),
        ("expected u64", "expected a whole number, 0 or more"),
        ("expected usize", "expected a whole number, 0 or more"),
        ("expected i32", "expected a whole number"),
        ("expected i64", "expected a whole number"),
        ("expected f32", "expected a number"),
        ("expected f64", "expected a number"),
        ("expected a boolean", "expected true or false"),
    ];
    let mut out = message.to_string();
    for (from, to) in TYPES {
        // Whole words only: "u16" and not the start of "u160".
        let mut at = 0;
        while let Some(k) = out[at..].find(from) {
            let start = at + k;
            let end = start + from.len();
            if out[end..].starts_with(|c: char| c.is_ascii_alphanumeric()) {
                at = end;
                continue;
            }
            out.replace_range(start..end, to);
            at = start + to.len();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names_become_words() {
        assert_eq!(
            in_plain_words("invalid value: integer \"-3\", expected u16"),
            "invalid value: integer \"-3\", expected a whole number from 0 to 65535"
        );
        assert_eq!(in_plain_words("expected u160"), "expected u160");
        assert_eq!(in_plain_words("no types here"), "no types here");
    }
}
