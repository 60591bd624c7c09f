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
    Extracting { articles: usize },
}

impl Analysis {
    /// Extracts and merges an already loaded corpus.
    pub fn of(corpus: Corpus) -> Self {
        let extraction = extract::extract_corpus(&corpus.articles);
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
        progress(Stage::Extracting {
            articles: corpus.articles.len(),
        });
        Self::of(corpus)
    }

    /// The embedded sample corpus, analysed.
    pub fn sample() -> Self {
        Self::of(corpus::sample())
    }
}
