//! Reading and writing `dossier-decisions.json` with the annotation file's guarantees.
//!
//! The decisions live in a file of their own beside the corpus, not in the annotation file: an
//! older Dossier that rewrote the annotation file would keep a `decisions` list only as an
//! unknown field, and a decision (which changes what the views show) should not ride on a file
//! whose job is notes. The writing itself is the annotation store's: [`write_atomic`] (a synced
//! temporary file renamed over the target, the previous version kept as `.bak`), and the merge of
//! another window's changes by id and modified time ([`merge_records`]). A file that is not a
//! decisions file, or was written by a newer Dossier, is never overwritten: saving refuses and
//! names it.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::model::{Decision, DecisionFile, FORMAT, VERSION};
use crate::annotations::store::{
    Fingerprint, Record, StoreError, merge_records, stray_temp_files, write_atomic,
};

/// The decisions file's name inside a corpus folder.
pub const FILE_NAME: &str = "dossier-decisions.json";

impl Record for Decision {
    fn key(&self) -> &str {
        &self.id
    }
    fn modified(&self) -> DateTime<Utc> {
        self.modified
    }
}

/// Why a decisions file could not be read or written. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum DecisionsError {
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{} is not valid decisions JSON: {source}", path.display())]
    Invalid {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{} is not a Dossier decisions file (format {found:?}); it is left untouched", path.display())]
    OtherFormat { path: PathBuf, found: String },
    #[error("{} was written by a newer Dossier (version {found}; this one reads up to {VERSION}); it is left untouched", path.display())]
    NewerVersion { path: PathBuf, found: u64 },
    #[error(transparent)]
    Write(#[from] StoreError),
}

/// Where a corpus's decisions live: beside its annotations (see
/// [`crate::annotations::store::default_path`]).
pub fn default_path(roots: &[PathBuf]) -> Option<PathBuf> {
    crate::annotations::store::default_path(roots, None).map(|p| p.with_file_name(FILE_NAME))
}

/// Reads and checks a decisions file; `Ok(None)` when it does not exist.
pub fn read(path: &Path) -> Result<Option<(DecisionFile, Fingerprint)>, DecisionsError> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(DecisionsError::Read {
                path: path.to_owned(),
                source,
            });
        }
    };
    parse(path, &bytes).map(|f| Some((f, Fingerprint::of(&bytes))))
}

/// Checks and parses the bytes of a decisions file (named `path` in errors).
pub fn parse(path: &Path, bytes: &[u8]) -> Result<DecisionFile, DecisionsError> {
    let invalid = |source| DecisionsError::Invalid {
        path: path.to_owned(),
        source,
    };
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(invalid)?;
    let format = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
    if format != FORMAT {
        return Err(DecisionsError::OtherFormat {
            path: path.to_owned(),
            found: format.to_owned(),
        });
    }
    if let Some(found) = value.get("version").and_then(|v| v.as_u64())
        && found > u64::from(VERSION)
    {
        return Err(DecisionsError::NewerVersion {
            path: path.to_owned(),
            found,
        });
    }
    serde_json::from_value(value).map_err(invalid)
}

/// The decisions of `path` (none when it does not exist).
pub fn load(path: &Path) -> Result<Vec<Decision>, DecisionsError> {
    Ok(read(path)?.map(|(f, _)| f.decisions).unwrap_or_default())
}

/// One decisions file kept in step with one window's (or one command's) changes.
#[derive(Debug)]
pub struct DecisionStore {
    path: PathBuf,
    corpus: String,
    /// The file as last read or written (`None`: it did not exist).
    seen: Option<Fingerprint>,
    /// Its decisions then: the base of a three-way merge.
    base: Vec<Decision>,
    /// Fields of the file this version does not know, written back.
    extra: serde_json::Map<String, serde_json::Value>,
    /// Temporary files of interrupted saves merged at open, removed after the next save.
    stray: Vec<PathBuf>,
}

impl DecisionStore {
    /// Opens `path` and returns its decisions; an unusable file is an error, never replaced.
    pub fn open(path: &Path, corpus: &str) -> Result<(Self, Vec<Decision>), DecisionsError> {
        let mut store = Self {
            path: path.to_owned(),
            corpus: corpus.to_owned(),
            seen: None,
            base: Vec::new(),
            extra: Default::default(),
            stray: Vec::new(),
        };
        let mut decisions = match read(path)? {
            Some((file, fp)) => {
                store.seen = Some(fp);
                store.extra = file.extra;
                store.base = file.decisions.clone();
                file.decisions
            }
            None => Vec::new(),
        };
        // A readable stray file is a save cut short before its rename: its decisions are kept.
        // An unreadable one was cut short while written; the file itself is intact.
        for temp in stray_temp_files(path) {
            match fs::read(&temp).map(|b| parse(&temp, &b)) {
                Ok(Ok(file)) => {
                    decisions = merge_records(&[], &decisions, &file.decisions);
                    store.stray.push(temp);
                }
                _ => {
                    let _ = fs::remove_file(&temp);
                }
            }
        }
        Ok((store, decisions))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves `decisions`, first merging what another window wrote since the last read or save;
    /// returns what was written (the caller should adopt it).
    pub fn save(&mut self, decisions: &[Decision]) -> Result<Vec<Decision>, DecisionsError> {
        let mut merged = decisions.to_vec();
        if let Some((theirs, fp)) = read(&self.path)?
            && Some(fp) != self.seen
        {
            merged = merge_records(&self.base, decisions, &theirs.decisions);
            self.extra.extend(theirs.extra);
        }
        // In the order made: a stable sort keeps decisions taken in the same millisecond in the
        // order given (a tie broken by their random ids shuffled them).
        merged.sort_by_key(|d| d.created);
        let mut file = DecisionFile::new(&self.corpus, merged);
        file.extra = self.extra.clone();
        let mut bytes = serde_json::to_vec_pretty(&file).map_err(|e| StoreError::Write {
            path: self.path.clone(),
            source: io::Error::other(e),
        })?;
        bytes.push(b'\n');
        write_atomic(&self.path, &bytes)?;
        self.seen = Some(Fingerprint::of(&bytes));
        self.base = file.decisions.clone();
        for temp in std::mem::take(&mut self.stray) {
            let _ = fs::remove_file(temp);
        }
        Ok(file.decisions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::store::backup_path;
    use crate::decisions::model::{Change, FigureAnchor, FigureEdit};

    fn decision(note: &str) -> Decision {
        let text = "Hackers stole $75,000 from the exchange.";
        Decision::new(
            Change::Figure {
                figure: FigureAnchor::at("a1", text, 14, 21),
                edit: FigureEdit::Reject,
            },
            note,
            "ana",
        )
    }

    #[test]
    fn save_is_read_back_and_keeps_the_previous_version_as_bak() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let (mut store, found) = DecisionStore::open(&path, "c").unwrap();
        assert!(found.is_empty());
        let first = decision("one");
        store.save(std::slice::from_ref(&first)).unwrap();
        let second = decision("two");
        store.save(&[first.clone(), second.clone()]).unwrap();
        assert_eq!(load(&path).unwrap(), vec![first.clone(), second]);
        let bak = parse(&backup_path(&path), &fs::read(backup_path(&path)).unwrap()).unwrap();
        assert_eq!(bak.decisions, vec![first]);
    }

    #[test]
    fn two_windows_changes_are_merged_by_id_and_modified_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let shared = decision("shared");
        let (mut first, _) = DecisionStore::open(&path, "c").unwrap();
        first.save(std::slice::from_ref(&shared)).unwrap();
        let (mut other, theirs) = DecisionStore::open(&path, "c").unwrap();
        // The other window edits the shared decision later and adds one.
        let mut edited = theirs[0].clone();
        edited.note = "edited elsewhere".into();
        edited.modified += chrono::Duration::seconds(5);
        let added_there = decision("there");
        other.save(&[edited, added_there.clone()]).unwrap();
        // This window, unaware, adds its own.
        let added_here = decision("here");
        let written = first.save(&[shared.clone(), added_here.clone()]).unwrap();
        let on_disk = load(&path).unwrap();
        assert_eq!(written, on_disk);
        assert_eq!(on_disk.len(), 3);
        assert!(on_disk.iter().any(|d| d.id == added_there.id));
        assert!(on_disk.iter().any(|d| d.id == added_here.id));
        let s = on_disk.iter().find(|d| d.id == shared.id).unwrap();
        assert_eq!(s.note, "edited elsewhere");
    }

    #[test]
    fn an_interrupted_save_is_recovered_and_its_stray_file_removed_after_the_next_save() {
        use crate::annotations::store::write_temp;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let kept = decision("kept");
        let (mut store, _) = DecisionStore::open(&path, "c").unwrap();
        store.save(std::slice::from_ref(&kept)).unwrap();
        // A save that wrote its temporary file, then crashed before the rename; and a temporary
        // file cut short.
        let lost = decision("lost");
        let bytes =
            serde_json::to_vec(&DecisionFile::new("c", vec![kept.clone(), lost.clone()])).unwrap();
        let whole = write_temp(&path, &bytes).unwrap();
        let cut = write_temp(&path, &bytes[..bytes.len() / 2]).unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(120);
        for t in [&whole, &cut] {
            fs::File::options()
                .write(true)
                .open(t)
                .unwrap()
                .set_modified(old)
                .unwrap();
        }
        let (mut store, found) = DecisionStore::open(&path, "c").unwrap();
        assert!(found.iter().any(|d| d.id == lost.id));
        assert!(!cut.exists());
        assert!(whole.exists());
        store.save(&found).unwrap();
        assert!(!whole.exists());
        assert_eq!(load(&path).unwrap().len(), 2);
    }

    #[test]
    fn a_foreign_or_newer_file_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        for content in [
            r#"{"format":"dossier-decisions","version":99,"decisions":[]}"#,
            r#"{"format":"someone-else","decisions":[]}"#,
            "not json",
        ] {
            fs::write(&path, content).unwrap();
            let err = DecisionStore::open(&path, "c").unwrap_err();
            assert!(err.to_string().contains(FILE_NAME), "{err}");
            assert_eq!(fs::read_to_string(&path).unwrap(), content);
        }
        // A file that turns foreign between open and save is not overwritten either.
        fs::remove_file(&path).unwrap();
        let (mut store, _) = DecisionStore::open(&path, "c").unwrap();
        fs::write(&path, r#"{"format":"dossier-decisions","version":99}"#).unwrap();
        assert!(store.save(&[decision("x")]).is_err());
        assert!(fs::read_to_string(&path).unwrap().contains("99"));
    }
}
