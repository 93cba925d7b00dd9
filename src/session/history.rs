//! The search history, kept with the reading positions in the state directory
//! (`search-history`, one query a line, oldest first).

use std::path::{Path, PathBuf};

use crate::session::error::SaveError;
use crate::view::search::{HISTORY_LEN, remember};

const FILE_NAME: &str = "search-history";

fn file(dir: &Path) -> PathBuf {
    dir.join(FILE_NAME)
}

/// The queries kept in `dir`, oldest first; none when there is no file or it cannot be
/// read (a history is a convenience, never an error).
pub fn load(dir: &Path) -> Vec<String> {
    let Ok(text) = std::fs::read_to_string(file(dir)) else {
        return Vec::new();
    };
    let mut history = Vec::new();
    for line in text.lines() {
        remember(&mut history, line);
    }
    history
}

/// Keeps `history` in `dir`, merged with what another reader kept there meanwhile (its
/// queries first, then this one's). A query with a line break is left out.
///
/// Errors: [`SaveError::Write`] when the folder or the file cannot be written.
pub(crate) fn save(dir: &Path, history: &[String]) -> Result<(), SaveError> {
    let mut all = load(dir);
    for q in history {
        if !q.contains(['\n', '\r']) {
            remember(&mut all, q);
        }
    }
    let start = all.len().saturating_sub(HISTORY_LEN);
    let mut text = all[start..].join("\n");
    text.push('\n');
    std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(file(dir), text))
        .map_err(|source| SaveError::Write {
            dir: dir.to_path_buf(),
            source,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn history_round_trips_merges_and_drops_repeats() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert!(load(dir.path()).is_empty());
        save(dir.path(), &["余姚".into(), "AIoT".into()]).expect("save");
        save(dir.path(), &["长三角".into(), "余姚".into(), "a\nb".into()]).expect("save");
        assert_eq!(load(dir.path()), ["AIoT", "长三角", "余姚"]);
    }
}
