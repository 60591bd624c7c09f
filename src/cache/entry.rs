//! One cache entry on disk: a header that says what it is and for which key, the payload's
//! checksum, then the payload (MessagePack). Anything that does not check out is refused with the
//! reason, so that the caller extracts again instead of trusting it. Writes go to a temporary file
//! renamed into place, so a reader never sees half an entry.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;
use serde::de::DeserializeOwned;
use xxhash_rust::xxh3::xxh3_64;

/// The first bytes of every entry.
const MAGIC: &[u8; 8] = b"DOSSIERC";
/// Bumped when the layout or the payload types change shape.
const FORMAT: u32 = 2;
/// magic, format, kind, key, payload length, checksum.
const HEADER: usize = 8 + 4 + 1 + 16 + 8 + 8;

/// What an entry holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    /// One file's per-article results.
    File = 1,
    /// A corpus's merged extraction and incidents.
    Corpus = 2,
}

/// Why an entry was not used.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error("not a Dossier cache entry")]
    Foreign,
    #[error("written by another version of the cache (format {0})")]
    OtherFormat(u32),
    #[error("holds another kind of result")]
    OtherKind,
    #[error("holds the results of another key")]
    OtherKey,
    #[error("truncated ({got} bytes of {expected})")]
    Truncated { got: usize, expected: usize },
    #[error("checksum mismatch (the entry is corrupt)")]
    Checksum,
    #[error("cannot be decoded: {0}")]
    Decode(String),
    #[error("cannot be read: {0}")]
    Read(std::io::Error),
}

/// Reads the entry at `path`: `Ok(None)` when there is none, `Err` when there is one that cannot
/// be trusted.
pub fn read<T: DeserializeOwned>(path: &Path, kind: Kind, key: u128) -> Result<Option<T>, Refused> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Refused::Read(e)),
    };
    let payload = check(&bytes, kind, key)?;
    rmp_serde::from_slice(payload)
        .map(Some)
        .map_err(|e| Refused::Decode(e.to_string()))
}

/// The payload of `bytes` once the header and checksum agree.
fn check(bytes: &[u8], kind: Kind, key: u128) -> Result<&[u8], Refused> {
    if bytes.len() < 8 || &bytes[..8] != MAGIC {
        return Err(Refused::Foreign);
    }
    if bytes.len() < HEADER {
        return Err(Refused::Truncated {
            got: bytes.len(),
            expected: HEADER,
        });
    }
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap_or([0; 4]));
    let u64_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or([0; 8]));
    let format = u32_at(8);
    if format != FORMAT {
        return Err(Refused::OtherFormat(format));
    }
    if bytes[12] != kind as u8 {
        return Err(Refused::OtherKind);
    }
    if u128::from_le_bytes(bytes[13..29].try_into().unwrap_or([0; 16])) != key {
        return Err(Refused::OtherKey);
    }
    let length = usize::try_from(u64_at(29)).unwrap_or(usize::MAX);
    let payload = &bytes[HEADER..];
    if payload.len() != length {
        return Err(Refused::Truncated {
            got: bytes.len(),
            expected: HEADER.saturating_add(length),
        });
    }
    if xxh3_64(payload) != u64_at(37) {
        return Err(Refused::Checksum);
    }
    Ok(payload)
}

/// Writes `value` as the entry at `path` (its folder is created), atomically.
pub fn write<T: Serialize + ?Sized>(
    path: &Path,
    kind: Kind,
    key: u128,
    value: &T,
) -> std::io::Result<()> {
    // Field names, not positions: the report types skip empty optional fields anywhere in a
    // struct, which would shift every later field of a positional encoding.
    let payload = rmp_serde::to_vec_named(value).map_err(std::io::Error::other)?;
    let mut bytes = Vec::with_capacity(HEADER + payload.len());
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&FORMAT.to_le_bytes());
    bytes.push(kind as u8);
    bytes.extend_from_slice(&key.to_le_bytes());
    bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&xxh3_64(&payload).to_le_bytes());
    bytes.extend_from_slice(&payload);
    let folder = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    // Unique per process and write, so concurrent writers of one entry never share a temp file.
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let temp = folder.join(format!(
        ".tmp-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let written = std::fs::File::create(&temp)
        .and_then(|mut f| f.write_all(&bytes))
        .and_then(|()| std::fs::rename(&temp, path));
    if written.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_reads_back_and_every_damage_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("e.bin");
        let value = vec![("a".to_owned(), 1.5_f64), ("b".to_owned(), -2.0)];
        write(&path, Kind::File, 7, &value).unwrap();
        let back: Option<Vec<(String, f64)>> = read(&path, Kind::File, 7).unwrap();
        assert_eq!(back, Some(value));
        let missing: Option<Vec<(String, f64)>> =
            read(&dir.path().join("no"), Kind::File, 7).unwrap();
        assert_eq!(missing, None);

        let good = std::fs::read(&path).unwrap();
        let refused = |bytes: &[u8], kind: Kind, key: u128| {
            std::fs::write(&path, bytes).unwrap();
            read::<Vec<(String, f64)>>(&path, kind, key).unwrap_err()
        };
        assert!(matches!(refused(&good, Kind::File, 8), Refused::OtherKey));
        assert!(matches!(
            refused(&good, Kind::Corpus, 7),
            Refused::OtherKind
        ));
        assert!(matches!(
            refused(&good[..good.len() - 3], Kind::File, 7),
            Refused::Truncated { .. }
        ));
        let mut flipped = good.clone();
        let last = flipped.len() - 1;
        flipped[last] ^= 0x40;
        assert!(matches!(
            refused(&flipped, Kind::File, 7),
            Refused::Checksum
        ));
        assert!(matches!(
            refused(b"PK\x03\x04 zip", Kind::File, 7),
            Refused::Foreign
        ));
        let mut other = good.clone();
        other[8] = 99;
        assert!(matches!(
            refused(&other, Kind::File, 7),
            Refused::OtherFormat(99)
        ));
        // A well-formed entry whose payload is not the type asked for.
        write(&path, Kind::File, 7, &"just a string").unwrap();
        assert!(matches!(
            read::<Vec<(String, f64)>>(&path, Kind::File, 7),
            Err(Refused::Decode(_))
        ));
    }
}
