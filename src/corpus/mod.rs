//! The corpus: articles loaded from files and folders in every format Dossier reads.
//!
//! Offsets into [`Article::text`] are character offsets (see the crate docs).

use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One article of the corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Unique within the corpus: the file stem, or stem plus row for multi-article files.
    pub id: String,
    /// The file it came from.
    pub path: PathBuf,
    /// Publication date, when the file says it.
    pub published: Option<NaiveDate>,
    pub title: String,
    /// Publisher or URL when known.
    pub source: Option<String>,
    /// The readable text; the seed header line's date is not part of it.
    pub text: String,
}

/// A file (or a row of one) that could not be loaded, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoadError {
    pub path: PathBuf,
    pub message: String,
}

/// What a load produced: every good article and every failure, both in a deterministic order.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    /// The paths that were opened.
    pub roots: Vec<PathBuf>,
    pub articles: Vec<Article>,
    pub errors: Vec<LoadError>,
}

/// Progress of a load, reported as files are read (possibly from several threads).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LoadProgress {
    pub files_done: usize,
    pub files_total: usize,
}

/// Loads files and folders (recursively) into a corpus. Never panics on bad input: every file
/// that cannot be read becomes a [`LoadError`]. `cancel` stops the load early (the corpus then
/// holds what was read so far). TODO(corpus helper): real implementation.
pub fn load(
    paths: &[PathBuf],
    progress: &(dyn Fn(LoadProgress) + Sync),
    cancel: &std::sync::atomic::AtomicBool,
) -> Corpus {
    let _ = (progress, cancel);
    Corpus {
        roots: paths.to_vec(),
        ..Corpus::default()
    }
}

/// The embedded sample corpus: the seed articles compiled into the binary.
pub fn sample() -> Corpus {
    Corpus::default()
}
