//! The result cache: what extraction made of each file, and a corpus's merged results, kept on
//! disk so that reopening a corpus does not extract or merge again.
//!
//! Layout under the cache folder (`$DOSSIER_CACHE_DIR`, else `$XDG_CACHE_HOME/dossier`, else
//! `~/.cache/dossier`): `files/<2 hex>/<key>.bin`, one file's per-article results keyed by
//! [`keys::file_spans`]; `corpora/<key>/results.bin`, a corpus's extraction and incidents keyed by
//! [`keys::corpus`]. A corpus's folder ([`ResultCache::corpus_dir`]) is where other per-corpus
//! data (a search index) can be kept and evicted with it. The analyst's decisions are never
//! stored here: they are replayed on whatever comes out.

mod entry;
mod evict;
pub mod keys;

use std::path::{Path, PathBuf};

pub use entry::Refused;
pub use evict::Usage;
pub use keys::{CorpusKey, FileSpan};

use crate::extract::{ArticleExtraction, Extraction};
use crate::incidents::Incident;

const FILES: &str = "files";
const CORPORA: &str = "corpora";
const RESULTS: &str = "results.bin";

/// The size the cache is kept under unless `DOSSIER_CACHE_MAX_MB` says otherwise.
pub const DEFAULT_LIMIT: u64 = 2 << 30;

/// A result cache in one folder, for one extractor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultCache {
    dir: PathBuf,
    extractor: u128,
    limit: u64,
}

/// What a load took from the cache and what it could not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CacheUse {
    /// The corpus's merged results came from the cache (nothing was extracted or merged).
    pub corpus_hit: bool,
    pub files_cached: usize,
    pub files_extracted: usize,
    /// Entries that were there but not trusted ("PATH: why"); their files were extracted again.
    pub refused: Vec<String>,
    /// Writing or trimming the cache failed (the results are right; the next open extracts again).
    pub write_error: Option<String>,
    /// The corpus's key, when the cache was used.
    pub corpus_key: Option<CorpusKey>,
}

impl CacheUse {
    /// One line for a status bar or a terminal, or none when the cache was not used.
    pub fn summary(&self) -> Option<String> {
        if self.corpus_key.is_none() {
            None
        } else if self.corpus_hit {
            Some("from the result cache".to_owned())
        } else if self.files_cached > 0 {
            Some(format!(
                "{} of {} files from the result cache, {} extracted",
                self.files_cached,
                self.files_cached + self.files_extracted,
                self.files_extracted
            ))
        } else {
            None
        }
    }

    /// What went wrong with the cache, if anything, for a warning.
    pub fn problems(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .refused
            .iter()
            .map(|r| format!("cache entry {r}; extracted again"))
            .collect();
        if let Some(e) = &self.write_error {
            out.push(e.clone());
        }
        out
    }
}

impl ResultCache {
    /// The user's cache: `$DOSSIER_CACHE_DIR`, `$XDG_CACHE_HOME/dossier` or `~/.cache/dossier`
    /// (relative paths are ignored, as the XDG spec says); none when no home is known.
    pub fn from_env() -> Option<Self> {
        let var = |name| {
            std::env::var_os(name)
                .map(PathBuf::from)
                .filter(|p| p.is_absolute())
        };
        let dir = var("DOSSIER_CACHE_DIR")
            .or_else(|| var("XDG_CACHE_HOME").map(|d| d.join("dossier")))
            .or_else(|| var("HOME").map(|h| h.join(".cache/dossier")))?;
        let limit = std::env::var("DOSSIER_CACHE_MAX_MB")
            .ok()
            .and_then(|m| m.trim().parse::<u64>().ok())
            .map_or(DEFAULT_LIMIT, |mb| mb << 20);
        Some(Self::at(dir).with_limit(limit))
    }

    /// A cache in `dir` for this build's extractor.
    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            extractor: keys::extractor(),
            limit: DEFAULT_LIMIT,
        }
    }

    /// The same folder for another extractor: what a changed model or word list amounts to.
    pub fn with_extractor(mut self, extractor: u128) -> Self {
        self.extractor = extractor;
        self
    }

    pub fn with_limit(mut self, bytes: u64) -> Self {
        self.limit = bytes;
        self
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn extractor(&self) -> u128 {
        self.extractor
    }

    /// The folder kept for a corpus: its merged results, and room for other per-corpus data
    /// (evicted and cleared with it).
    pub fn corpus_dir(&self, key: CorpusKey) -> PathBuf {
        self.dir.join(CORPORA).join(key.to_string())
    }

    fn file_path(&self, key: u128) -> PathBuf {
        let hex = format!("{key:032x}");
        self.dir
            .join(FILES)
            .join(&hex[..2])
            .join(format!("{hex}.bin"))
    }

    /// A file's per-article results, if cached and sound.
    pub fn read_file(&self, key: u128) -> Result<Option<Vec<ArticleExtraction>>, String> {
        let path = self.file_path(key);
        let read = entry::read(&path, entry::Kind::File, key);
        touch_if(&path, &read);
        read.map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn write_file(&self, key: u128, results: &[ArticleExtraction]) -> Result<(), String> {
        let path = self.file_path(key);
        entry::write(&path, entry::Kind::File, key, results)
            .map_err(|e| format!("cannot write the cache entry {}: {e}", path.display()))
    }

    /// A corpus's merged extraction and incidents, if cached and sound.
    pub fn read_corpus(
        &self,
        key: CorpusKey,
    ) -> Result<Option<(Extraction, Vec<Incident>)>, String> {
        let path = self.corpus_dir(key).join(RESULTS);
        let read = entry::read(&path, entry::Kind::Corpus, key.0);
        touch_if(&path, &read);
        read.map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn write_corpus(
        &self,
        key: CorpusKey,
        extraction: &Extraction,
        incidents: &[Incident],
    ) -> Result<(), String> {
        let path = self.corpus_dir(key).join(RESULTS);
        entry::write(&path, entry::Kind::Corpus, key.0, &(extraction, incidents))
            .map_err(|e| format!("cannot write the cache entry {}: {e}", path.display()))
    }

    /// Removes the least recently used entries until the cache is within its limit.
    pub fn trim(&self) -> Result<Usage, String> {
        evict::enforce(&self.dir, self.limit)
            .map_err(|e| format!("cannot trim the cache {}: {e}", self.dir.display()))
    }

    pub fn usage(&self) -> Usage {
        evict::usage(&self.dir)
    }

    /// Removes every entry (and each corpus's folder); the cache folder itself stays.
    pub fn clear(&self) -> Result<Usage, String> {
        let before = self.usage();
        for sub in [FILES, CORPORA] {
            match std::fs::remove_dir_all(self.dir.join(sub)) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(format!(
                        "cannot clear {}: {e}",
                        self.dir.join(sub).display()
                    ));
                }
                _ => {}
            }
        }
        Ok(before)
    }
}

/// Marks a used entry as recently used, for eviction (best effort: a read-only cache still works).
fn touch_if<T>(path: &Path, read: &Result<Option<T>, Refused>) {
    if matches!(read, Ok(Some(_))) {
        let _ = std::fs::File::options()
            .write(true)
            .open(path)
            .and_then(|f| f.set_modified(std::time::SystemTime::now()));
    }
}
