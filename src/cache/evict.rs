//! The cache's size limit: the least recently used entries go first (a hit touches its entry).

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// One removable unit: a file's entry, or a corpus's folder (its results and whatever else was
/// kept with it).
struct Unit {
    path: PathBuf,
    bytes: u64,
    used: SystemTime,
    folder: bool,
}

/// Entries and bytes the cache holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    pub entries: usize,
    pub bytes: u64,
}

fn units(dir: &Path) -> Vec<Unit> {
    let mut out = Vec::new();
    let read = |p: &Path| std::fs::read_dir(p).into_iter().flatten().flatten();
    for shard in read(&dir.join(super::FILES)) {
        for e in read(&shard.path()) {
            if let Ok(m) = e.metadata()
                && m.is_file()
            {
                out.push(Unit {
                    path: e.path(),
                    bytes: m.len(),
                    used: m.modified().unwrap_or(SystemTime::UNIX_EPOCH),
                    folder: false,
                });
            }
        }
    }
    for e in read(&dir.join(super::CORPORA)) {
        let path = e.path();
        let used = std::fs::metadata(path.join(super::RESULTS))
            .or_else(|_| e.metadata())
            .and_then(|m| m.modified())
            .unwrap_or(SystemTime::UNIX_EPOCH);
        out.push(Unit {
            bytes: folder_size(&path),
            path,
            used,
            folder: true,
        });
    }
    out
}

fn folder_size(path: &Path) -> u64 {
    walkdir::WalkDir::new(path)
        .into_iter()
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// What the cache at `dir` holds.
pub fn usage(dir: &Path) -> Usage {
    let units = units(dir);
    Usage {
        entries: units.len(),
        bytes: units.iter().map(|u| u.bytes).sum(),
    }
}

/// Removes the least recently used entries until the cache holds at most `limit` bytes.
pub fn enforce(dir: &Path, limit: u64) -> std::io::Result<Usage> {
    let mut units = units(dir);
    let mut total: u64 = units.iter().map(|u| u.bytes).sum();
    units.sort_by_key(|u| u.used);
    let mut removed = Usage::default();
    for u in units {
        if total <= limit {
            break;
        }
        if u.folder {
            std::fs::remove_dir_all(&u.path)?;
        } else {
            std::fs::remove_file(&u.path)?;
        }
        total = total.saturating_sub(u.bytes);
        removed.entries += 1;
        removed.bytes += u.bytes;
    }
    Ok(removed)
}
