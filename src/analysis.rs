//! One analysed corpus: the articles, what was extracted, and the merged incidents. This is what
//! both the headless commands and the GUI's worker thread produce.

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use crate::corpus::{self, Corpus, LoadProgress};
use crate::extract::{self, Extraction};
use crate::incidents::{self, Incident};

/// A loaded and analysed corpus.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    pub corpus: Corpus,
    pub extraction: Extraction,
    pub incidents: Vec<Incident>,
}

/// Stage of the work, for progress displays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Loading(LoadProgress),
    /// `done` of `total` articles extracted (reported about 200 times per corpus, not per article).
    Extracting {
        done: usize,
        total: usize,
    },
}

impl Analysis {
    /// Extracts and merges an already loaded corpus.
    pub fn of(corpus: Corpus) -> Self {
        Self::of_with_progress(corpus, &|_| {})
    }

    /// [`Self::of`], reporting extraction progress: extraction, not reading, is the long stage.
    pub fn of_with_progress(corpus: Corpus, progress: &(dyn Fn(Stage) + Sync)) -> Self {
        let total = corpus.articles.len();
        progress(Stage::Extracting { done: 0, total });
        let extraction = extract::extract_corpus_with_progress(&corpus.articles, &|done| {
            progress(Stage::Extracting { done, total })
        });
        let incidents = incidents::merge(&extraction.amounts);
        Self {
            corpus,
            extraction,
            incidents,
        }
    }

    /// Loads `paths`, then extracts, reporting each stage.
    pub fn load(paths: &[PathBuf], progress: &(dyn Fn(Stage) + Sync), cancel: &AtomicBool) -> Self {
        let corpus = corpus::load(paths, &|p| progress(Stage::Loading(p)), cancel);
        Self::of_with_progress(corpus, progress)
    }

    /// The embedded sample corpus, analysed.
    pub fn sample() -> Self {
        Self::of(corpus::sample())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn extraction_progress_reaches_every_article() {
        let corpus = corpus::sample();
        let total = corpus.articles.len();
        let seen = Mutex::new(Vec::new());
        let analysis = Analysis::of_with_progress(corpus, &|s| {
            if let Stage::Extracting { done, total } = s {
                seen.lock().unwrap().push((done, total));
            }
        });
        let seen = seen.into_inner().unwrap();
        assert_eq!(seen.first(), Some(&(0, total)));
        assert_eq!(seen.last(), Some(&(total, total)));
        assert_eq!(analysis.corpus.articles.len(), total);
        assert!(!analysis.incidents.is_empty());
    }
}
