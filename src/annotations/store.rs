//! Reading and writing an annotation file without ever losing work.
//!
//! **Atomic save.** [`Store::save`] never writes into the annotation file itself. It writes the
//! whole new content to a temporary file in the same folder (`.NAME.tmp-PID-UUID`), flushes and
//! `fsync`s it, copies the current file to `NAME.bak` (also written to a temporary file, synced and
//! renamed), then renames the temporary file over `NAME` and `fsync`s the folder. A rename within
//! one file system is atomic, and the data was on disk before the rename, so at every instant
//! `NAME` is either the complete previous version or the complete new one: a crash or power loss
//! can leave a stray temporary file, never a truncated annotation file. The folder sync makes the
//! rename itself durable.
//!
//! **Recovery.** [`Store::open`] looks for such stray temporary files. One that parses is the last
//! save that did not reach its rename: its annotations are merged in (newer `modified` wins) and
//! it is removed after the next successful save. One that does not parse was cut short by the
//! crash; since `NAME` is intact it is deleted (unless it is younger than a minute: another window
//! may be writing it right now).
//!
//! **Files that are not ours.** A file that is not valid JSON, has another `format`, or a newer
//! `version` is never overwritten: the store reports it (naming the file) and saves beside it to
//! `STEM.recovered-TIMESTAMP.json` (reusing the newest such file from an earlier session) until
//! the analyst saves elsewhere or opens another file.
//!
//! **Two windows.** The store remembers a fingerprint (length and hash) of the file as last read
//! or written, and the annotations it held (the base). If the file changed on disk before a save,
//! the three sets are merged by id: for an id on both sides the newer `modified` wins; an id that
//! one side removed since the base is removed unless the other side edited it after the base.

use std::fs::{self, File};
use std::hash::{Hash, Hasher};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use chrono::{DateTime, Local};
use uuid::Uuid;

use super::model::{Annotation, AnnotationFile, FORMAT, VERSION};

mod merge;
pub use merge::{Record, merge, merge_records};

/// The annotation file's name inside a corpus folder.
pub const FILE_NAME: &str = "dossier-annotations.json";
/// The sample corpus's annotation file, under `$XDG_DATA_HOME/dossier/`.
pub const SAMPLE_FILE_NAME: &str = "sample-annotations.json";
/// Stray temporary files younger than this may belong to a save in progress and are left alone.
const TEMP_GRACE: Duration = Duration::from_secs(60);

/// Why a file could not be read or written. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot read {}: {source}", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{} is not valid annotation JSON: {source}", path.display())]
    Invalid {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{} is not a Dossier annotation file (format {found:?})", path.display())]
    OtherFormat { path: PathBuf, found: String },
    #[error("{} was written by a newer Dossier (version {found}; this one reads up to {VERSION})", path.display())]
    NewerVersion { path: PathBuf, found: u64 },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
}

/// Where a corpus's annotations live by default: `dossier-annotations.json` in the (first) opened
/// folder, or beside the (first) opened file; for the embedded sample corpus, which has no folder,
/// `DATA_HOME/dossier/sample-annotations.json` (`data_home` is `$XDG_DATA_HOME` or
/// `~/.local/share`, see [`crate::desktop::data_home`]).
pub fn default_path(roots: &[PathBuf], data_home: Option<&Path>) -> Option<PathBuf> {
    match roots.first() {
        Some(root) if root.is_dir() => Some(root.join(FILE_NAME)),
        Some(root) => Some(
            root.parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .join(FILE_NAME),
        ),
        None => data_home.map(|d| d.join("dossier").join(SAMPLE_FILE_NAME)),
    }
}

/// Length and hash of a file's bytes: enough to notice that someone else wrote it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    len: u64,
    hash: u64,
}

impl Fingerprint {
    pub fn of(bytes: &[u8]) -> Self {
        let mut h = std::hash::DefaultHasher::new();
        bytes.hash(&mut h);
        Self {
            len: bytes.len() as u64,
            hash: h.finish(),
        }
    }
}

/// Reads and checks an annotation file; `Ok(None)` when it does not exist.
pub fn read(path: &Path) -> Result<Option<(AnnotationFile, Fingerprint)>, StoreError> {
    let bytes = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(StoreError::Read {
                path: path.to_owned(),
                source,
            });
        }
    };
    parse(path, &bytes).map(|f| Some((f, Fingerprint::of(&bytes))))
}

/// Checks and parses the bytes of an annotation file (named `path` in errors).
pub fn parse(path: &Path, bytes: &[u8]) -> Result<AnnotationFile, StoreError> {
    let invalid = |source| StoreError::Invalid {
        path: path.to_owned(),
        source,
    };
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(invalid)?;
    let format = value.get("format").and_then(|f| f.as_str()).unwrap_or("");
    if format != FORMAT {
        return Err(StoreError::OtherFormat {
            path: path.to_owned(),
            found: format.to_owned(),
        });
    }
    if let Some(found) = value.get("version").and_then(|v| v.as_u64())
        && found > u64::from(VERSION)
    {
        return Err(StoreError::NewerVersion {
            path: path.to_owned(),
            found,
        });
    }
    serde_json::from_value(value).map_err(invalid)
}

/// What [`Store::open`] found.
pub struct Opened {
    pub store: Store,
    /// The annotations to show (from the file, a recovery file and stray temporary files).
    pub annotations: Vec<Annotation>,
    /// Things the analyst should know (recovered saves, unusable files), one sentence each.
    pub notes: Vec<String>,
}

/// The result of a successful save.
#[derive(Clone, Debug)]
pub struct Saved {
    pub path: PathBuf,
    pub at: DateTime<Local>,
    /// Set when the file had changed on disk: the merged set that was written, which the caller
    /// should adopt.
    pub merged: Option<Vec<Annotation>>,
}

/// One annotation file being kept in step with the analyst's changes.
#[derive(Debug)]
pub struct Store {
    /// Where saves go.
    target: PathBuf,
    /// The default file could not be used: why (saves then go to a recovery file).
    blocked: Option<String>,
    corpus: String,
    /// The target's content as last read or written (`None`: it did not exist).
    seen: Option<Fingerprint>,
    /// The target's annotations as last read or written.
    base: Vec<Annotation>,
    /// Stray temporary files merged at open, removed after the next save.
    stray: Vec<PathBuf>,
    /// The file's fields this version does not know (another tool's, a newer Dossier's), written
    /// back on every save.
    extra: serde_json::Map<String, serde_json::Value>,
}

impl Store {
    /// Opens `path` for the corpus labelled `corpus`. Never fails: an unusable file is reported
    /// in `notes` and left alone, and saves go to a recovery file beside it.
    pub fn open(path: &Path, corpus: &str) -> Opened {
        let mut notes = Vec::new();
        let (stray, recovered) = recover_temp_files(path, &mut notes);
        let mut store = Store {
            target: path.to_owned(),
            blocked: None,
            corpus: corpus.to_owned(),
            seen: None,
            base: Vec::new(),
            stray,
            extra: Default::default(),
        };
        let mut annotations = match read(path) {
            Ok(found) => store.adopt(found),
            Err(e) => {
                let recovery = recovery_path(path);
                let message = format!(
                    "{e}. It is kept untouched; annotations are saved to {} until you save them elsewhere or open another file.",
                    recovery.display()
                );
                notes.push(message.clone());
                store.blocked = Some(message);
                store.target = recovery.clone();
                match read(&recovery) {
                    Ok(found) => store.adopt(found),
                    Err(e) => {
                        notes.push(e.to_string());
                        Vec::new()
                    }
                }
            }
        };
        if !recovered.is_empty() {
            annotations = merge(&[], &annotations, &recovered);
        }
        Opened {
            store,
            annotations,
            notes,
        }
    }

    fn adopt(&mut self, found: Option<(AnnotationFile, Fingerprint)>) -> Vec<Annotation> {
        match found {
            Some((file, fp)) => {
                self.seen = Some(fp);
                self.extra = file.extra;
                self.base = file.annotations.clone();
                file.annotations
            }
            None => Vec::new(),
        }
    }

    /// The file saves go to.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Why the default file is not used, if it is not.
    pub fn blocked(&self) -> Option<&str> {
        self.blocked.as_deref()
    }

    /// Saves `annotations`, merging first if the file changed on disk since it was last read or
    /// written. A file that became unreadable meanwhile is left alone and the save goes to a
    /// recovery file instead.
    pub fn save(&mut self, annotations: &[Annotation]) -> Result<Saved, StoreError> {
        let mut merged = None;
        let on_disk = match fs::read(&self.target) {
            Ok(b) => Some(b),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(source) => {
                return Err(StoreError::Read {
                    path: self.target.clone(),
                    source,
                });
            }
        };
        if let Some(bytes) = on_disk
            && Some(Fingerprint::of(&bytes)) != self.seen
        {
            match parse(&self.target, &bytes) {
                Ok(theirs) => {
                    merged = Some(merge(&self.base, annotations, &theirs.annotations));
                    self.extra.extend(theirs.extra);
                }
                Err(e) => {
                    let recovery = recovery_path(&self.target);
                    self.blocked = Some(format!(
                        "{e}. It is kept untouched; annotations are saved to {}.",
                        recovery.display()
                    ));
                    self.target = recovery;
                    self.seen = None;
                    self.base.clear();
                }
            }
        }
        let to_write = merged.as_deref().unwrap_or(annotations);
        self.write(to_write)?;
        Ok(Saved {
            path: self.target.clone(),
            at: Local::now(),
            merged,
        })
    }

    /// Saves to `path` from now on ("Save annotations as…"): writes `annotations` there,
    /// replacing what the file held, and stops using a recovery file.
    pub fn save_as(
        &mut self,
        path: &Path,
        annotations: &[Annotation],
    ) -> Result<Saved, StoreError> {
        self.target = path.to_owned();
        self.blocked = None;
        self.base.clear();
        self.write(annotations)?;
        Ok(Saved {
            path: self.target.clone(),
            at: Local::now(),
            merged: None,
        })
    }

    fn write(&mut self, annotations: &[Annotation]) -> Result<(), StoreError> {
        let mut sorted = annotations.to_vec();
        sorted.sort_by(|a, b| {
            (&a.article, a.position.start, a.created, &a.id).cmp(&(
                &b.article,
                b.position.start,
                b.created,
                &b.id,
            ))
        });
        let mut file = AnnotationFile::new(&self.corpus, sorted);
        file.extra = self.extra.clone();
        let mut bytes = serde_json::to_vec_pretty(&file).map_err(|e| StoreError::Write {
            path: self.target.clone(),
            source: io::Error::other(e),
        })?;
        bytes.push(b'\n');
        write_atomic(&self.target, &bytes)?;
        self.seen = Some(Fingerprint::of(&bytes));
        self.base = file.annotations;
        for stray in std::mem::take(&mut self.stray) {
            let _ = fs::remove_file(stray);
        }
        Ok(())
    }
}

/// `STEM.recovered-TIMESTAMP.json` beside `path`, or the newest readable one already there.
fn recovery_path(path: &Path) -> PathBuf {
    let dir = parent_dir(path);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dossier-annotations".to_owned());
    let prefix = format!("{stem}.recovered-");
    let existing = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".json"))
        })
        .filter(|p| read(p).is_ok())
        .max();
    existing.unwrap_or_else(|| {
        dir.join(format!(
            "{prefix}{}.json",
            Local::now().format("%Y%m%d-%H%M%S")
        ))
    })
}

fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Temporary files of `path` left by saves that never reached their rename (a crash), old
/// enough not to be another window's save in progress.
pub fn stray_temp_files(path: &Path) -> Vec<PathBuf> {
    let prefix = temp_prefix(path);
    fs::read_dir(parent_dir(path))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_str()
                .is_some_and(|n| n.starts_with(&prefix))
        })
        .filter(|e| {
            e.metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|m| SystemTime::now().duration_since(m).ok())
                .is_some_and(|age| age >= TEMP_GRACE)
        })
        .map(|e| e.path())
        .collect()
}

fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.tmp-")
}

/// Finds stray temporary files of `path`: returns the readable ones (to remove after the next
/// save) with their annotations, and deletes the unreadable old ones.
fn recover_temp_files(path: &Path, notes: &mut Vec<String>) -> (Vec<PathBuf>, Vec<Annotation>) {
    let prefix = temp_prefix(path);
    let mut stray = Vec::new();
    let mut recovered: Vec<Annotation> = Vec::new();
    let entries = fs::read_dir(parent_dir(path))
        .into_iter()
        .flatten()
        .flatten();
    for entry in entries {
        let p = entry.path();
        if !p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with(&prefix))
        {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|m| SystemTime::now().duration_since(m).ok())
            .is_some_and(|age| age >= TEMP_GRACE);
        if !old {
            // Possibly another window's save in progress: not ours to touch.
            continue;
        }
        match fs::read(&p).map(|b| parse(&p, &b)) {
            Ok(Ok(file)) => {
                notes.push(format!(
                    "Recovered {} annotation(s) from an interrupted save ({}).",
                    file.annotations.len(),
                    p.display()
                ));
                recovered = merge(&[], &recovered, &file.annotations);
                stray.push(p);
            }
            _ => {
                let _ = fs::remove_file(&p);
            }
        }
    }
    (stray, recovered)
}

/// Writes `bytes` to `path` atomically, keeping the previous version as `path.bak` (see the
/// module doc for the guarantee).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let err = |source| StoreError::Write {
        path: path.to_owned(),
        source,
    };
    fs::create_dir_all(parent_dir(path)).map_err(err)?;
    let temp = write_temp(path, bytes).map_err(err)?;
    let result = keep_backup(path).and_then(|()| commit_temp(&temp, path));
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map_err(err)
}

/// Step 1: the new content in a synced temporary file beside `path`.
#[doc(hidden)]
pub fn write_temp(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let temp = parent_dir(path).join(format!(
        "{}{}-{}",
        temp_prefix(path),
        std::process::id(),
        Uuid::new_v4().simple()
    ));
    let mut f = File::options().write(true).create_new(true).open(&temp)?;
    let written = f.write_all(bytes).and_then(|()| f.sync_all());
    if written.is_err() {
        drop(f);
        let _ = fs::remove_file(&temp);
    }
    written.map(|()| temp)
}

/// Step 2: the current file copied to `path.bak`, itself atomically.
fn keep_backup(path: &Path) -> io::Result<()> {
    let current = match fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    };
    let bak = backup_path(path);
    let temp = write_temp(&bak, &current)?;
    commit_temp(&temp, &bak)
}

/// The `.bak` file kept beside `path`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Step 3: the temporary file renamed over `path`, and the folder synced.
#[doc(hidden)]
pub fn commit_temp(temp: &Path, path: &Path) -> io::Result<()> {
    fs::rename(temp, path)?;
    sync_dir(parent_dir(path));
    Ok(())
}

#[cfg(unix)]
fn sync_dir(dir: &Path) {
    // Best effort: some file systems refuse to sync a directory; the rename has happened anyway.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::model::{AnnotationId, now};

    fn ann(article: &str, tag: &str) -> Annotation {
        Annotation::new(
            article,
            "Lazarus stole $81 million from a bank",
            14,
            25,
            tag,
            "n",
        )
    }

    fn later(mut a: Annotation, note: &str) -> Annotation {
        a.note = note.to_owned();
        a.modified += chrono::Duration::seconds(5);
        a
    }

    #[test]
    fn default_path_follows_the_opened_folder_file_or_data_home() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        fs::write(&file, "x").unwrap();
        assert_eq!(
            default_path(&[dir.path().to_owned()], None),
            Some(dir.path().join(FILE_NAME))
        );
        assert_eq!(
            default_path(&[file], None),
            Some(dir.path().join(FILE_NAME))
        );
        assert_eq!(
            default_path(&[], Some(Path::new("/d"))),
            Some(PathBuf::from("/d/dossier/sample-annotations.json"))
        );
        assert_eq!(default_path(&[], None), None);
    }

    #[test]
    fn merge_keeps_both_sides_newer_edit_and_honours_deletions() {
        let a = ann("x", "amount");
        let b = ann("x", "victim");
        let c = ann("y", "date");
        let base = vec![a.clone(), b.clone(), c.clone()];
        // Ours: edited a, deleted b, added d.  Theirs: edited a later, kept b, deleted c, added e.
        let d = ann("z", "question");
        let e = ann("z", "attribution");
        let ours = vec![later(a.clone(), "ours"), c.clone(), d.clone()];
        let theirs_a = later(later(a.clone(), "x"), "theirs");
        let theirs = vec![theirs_a.clone(), b.clone(), e.clone()];
        let merged = merge(&base, &ours, &theirs);
        let ids: Vec<&AnnotationId> = merged.iter().map(|m| &m.id).collect();
        assert!(ids.contains(&&d.id) && ids.contains(&&e.id));
        assert!(!ids.contains(&&b.id), "our deletion of b is kept");
        assert!(!ids.contains(&&c.id), "their deletion of c is kept");
        assert_eq!(merged.iter().find(|m| m.id == a.id).unwrap().note, "theirs");
        // An edit after the base survives the other side's deletion.
        let edited_c = later(c.clone(), "edited");
        let merged = merge(&base, &[a.clone(), b.clone(), edited_c], &[a, b]);
        assert!(merged.iter().any(|m| m.id == c.id && m.note == "edited"));
        let _ = now();
    }
}
