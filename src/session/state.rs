//! Where each article was left: positions kept between runs in the XDG state directory
//! (`$XDG_STATE_HOME/yuedu`, else `~/.local/state/yuedu`), keyed by the article's path and
//! a hash of its content, so an edited file starts from the top.
//!
//! The store is one small JSON file. Failing to read it means nothing is remembered;
//! failing to write it is a warning for the user, never an error.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::layout::Pos;
use crate::session::error::SaveError;

/// How many articles are remembered; the least recently read are forgotten first.
const MAX_ENTRIES: usize = 500;

const FILE_NAME: &str = "positions.json";

/// FNV-1a over 64-bit little-endian words (the tail a byte at a time), plus the length:
/// stable across Rust versions and platforms, unlike `DefaultHasher`, and eight times
/// fewer steps than byte-wise FNV on a 50 MB article.
pub(crate) fn content_hash(text: &str) -> u64 {
    const PRIME: u64 = 0x0100_0000_01b3;
    let bytes = text.as_bytes();
    let mut words = bytes.chunks_exact(8);
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words.by_ref() {
        let mut word = [0u8; 8];
        word.copy_from_slice(w);
        h = (h ^ u64::from_le_bytes(word)).wrapping_mul(PRIME);
    }
    for &b in words.remainder() {
        h = (h ^ u64::from(b)).wrapping_mul(PRIME);
    }
    (h ^ bytes.len() as u64).wrapping_mul(PRIME)
}

/// The key of an article: its absolute path and its content hash.
pub(crate) fn key(path: &Path, text: &str) -> String {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    format!("{}#{:016x}", path.display(), content_hash(text))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
struct Entry {
    item: usize,
    offset: usize,
    /// A counter, larger for more recent saves.
    seq: u64,
}

/// The remembered positions.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Positions {
    entries: BTreeMap<String, Entry>,
}

/// The state directory: `$XDG_STATE_HOME/yuedu`, else `~/.local/state/yuedu`.
pub(crate) fn state_dir() -> Option<PathBuf> {
    std::env::var_os("XDG_STATE_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local").join("state")))
        .map(|d| d.join("yuedu"))
}

/// The store of reading positions in a directory.
#[derive(Debug, Clone)]
pub(crate) struct Store {
    dir: PathBuf,
}

impl Store {
    pub fn new(dir: PathBuf) -> Store {
        Store { dir }
    }

    fn file(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    fn read(&self) -> Positions {
        std::fs::read(self.file())
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// Where the article with `key` was left.
    pub fn get(&self, key: &str) -> Option<Pos> {
        self.read().entries.get(key).map(|e| Pos {
            item: e.item,
            offset: e.offset,
        })
    }

    /// Remembers `pos` for `key`. The error says what could not be written.
    pub(crate) fn put(&self, key: &str, pos: Pos) -> Result<(), SaveError> {
        let mut positions = self.read();
        let seq = positions.entries.values().map(|e| e.seq).max().unwrap_or(0) + 1;
        positions.entries.insert(
            key.to_string(),
            Entry {
                item: pos.item,
                offset: pos.offset,
                seq,
            },
        );
        while positions.entries.len() > MAX_ENTRIES {
            let oldest = positions
                .entries
                .iter()
                .min_by_key(|(_, e)| e.seq)
                .map(|(k, _)| k.clone());
            match oldest {
                Some(k) => positions.entries.remove(&k),
                None => break,
            };
        }
        let json = serde_json::to_vec(&positions)?;
        let fail = |source: std::io::Error| SaveError::Write {
            dir: self.dir.clone(),
            source,
        };
        std::fs::create_dir_all(&self.dir).map_err(fail)?;
        // Write a new file and rename it over the old one, so a crash never leaves half a file.
        let tmp = self
            .dir
            .join(format!("{FILE_NAME}.{}.tmp", std::process::id()));
        std::fs::write(&tmp, json).map_err(fail)?;
        std::fs::rename(&tmp, self.file()).map_err(fail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip_per_path_and_content() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::new(dir.path().join("yuedu"));
        let k1 = key(Path::new("/a/b.txt"), "one");
        let k2 = key(Path::new("/a/b.txt"), "two");
        assert_ne!(k1, k2, "content is part of the key");
        assert_eq!(store.get(&k1), None);
        store
            .put(&k1, Pos { item: 3, offset: 9 })
            .expect("writable");
        assert_eq!(store.get(&k1), Some(Pos { item: 3, offset: 9 }));
        assert_eq!(store.get(&k2), None);
    }

    #[test]
    fn unwritable_directory_is_an_error_message_not_a_panic() {
        let dir = tempfile::tempdir().expect("tempdir");
        let blocker = dir.path().join("file");
        std::fs::write(&blocker, "x").expect("write");
        let store = Store::new(blocker.join("yuedu"));
        let e = store.put("k", Pos::default()).expect_err("not a directory");
        assert!(matches!(e, SaveError::Write { .. }), "{e:?}");
        let shown = e.to_string();
        assert!(
            shown.contains("cannot save the reading position"),
            "{shown}"
        );
        // The cause is kept, and told in the message.
        let cause = std::error::Error::source(&e).map(ToString::to_string);
        assert!(cause.is_some_and(|c| shown.ends_with(&c)), "{shown}");
    }

    #[test]
    fn old_entries_are_forgotten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::new(dir.path().to_path_buf());
        for i in 0..MAX_ENTRIES + 3 {
            store
                .put(&format!("k{i}"), Pos { item: i, offset: 0 })
                .expect("put");
        }
        assert_eq!(store.get("k0"), None);
        assert_eq!(
            store.get(&format!("k{}", MAX_ENTRIES + 2)).map(|p| p.item),
            Some(MAX_ENTRIES + 2)
        );
    }

    #[test]
    fn hash_is_stable_and_sees_every_byte() {
        // Pinned values: a change here forgets every remembered position.
        assert_eq!(content_hash(""), 0xaf63_bd4c_8601_b7df);
        assert_eq!(content_hash("a"), 0x089b_e307_b544_f397);
        let text = "余姚在长三角中心“抱团建群”".repeat(3);
        let base = content_hash(&text);
        for (i, _) in text.char_indices().skip(1) {
            let changed = format!("{}x{}", &text[..i], &text[i..]);
            assert_ne!(content_hash(&changed), base, "insertion at {i} unseen");
        }
    }
}
