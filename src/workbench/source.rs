//! Where a corpus comes from and how it is loaded: [`CorpusSource`], the analysed [`Loaded`]
//! corpus, and [`Loading`], the load running on its own thread.

use crate::decisions::{Decision, DecisionStore, ReplayReport, review};
use crate::workbench::decided::{Machine, SharedStore};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::analysis::{Analysis, Stage};
use crate::cache::{CacheUse, ResultCache};
use crate::query::Fields;
use crate::workbench::corpus_index::CorpusIndex;
use crate::workbench::jobs::{self, JobFailure};
use crate::workbench::wake::Wake;

/// Where a corpus comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CorpusSource {
    /// The seed articles compiled into the binary.
    #[default]
    Sample,
    Paths(Vec<PathBuf>),
}

impl CorpusSource {
    /// "sample corpus", "bbc", "a.txt + 2 more".
    pub fn label(&self) -> String {
        match self {
            Self::Sample => "sample corpus".to_owned(),
            Self::Paths(paths) => {
                let name = |p: &PathBuf| {
                    p.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_else(|| p.display().to_string())
                };
                match paths.as_slice() {
                    [] => "empty corpus".to_owned(),
                    [one] => name(one),
                    [first, rest @ ..] => format!("{} + {} more", name(first), rest.len()),
                }
            }
        }
    }
}

/// An analysed corpus with its lookups, shared read-only with later background jobs.
#[derive(Clone, Default)]
pub struct Loaded {
    pub source: CorpusSource,
    pub analysis: Arc<Analysis>,
    pub index: Arc<CorpusIndex>,
    /// What the analyst's decisions (the file beside the corpus) did to `analysis`.
    pub decisions: Arc<ReplayReport>,
    /// The decisions file could not be read (the analysis is then the machine's alone).
    pub decisions_error: Option<String>,
    /// What came from the result cache (nothing for the sample).
    pub cache: CacheUse,
    /// The decisions replayed on `analysis`, as last read or saved.
    pub decision_list: Arc<Vec<Decision>>,
    /// The decisions file, for decisions taken in the window (`None`: no folder to keep it in,
    /// or the file cannot be read and must not be overwritten).
    pub decision_store: Option<SharedStore>,
    /// The machine's extraction before the decisions (`None`: `analysis` is the machine's).
    pub machine: Option<Arc<Machine>>,
    /// The review queue of `analysis` with `decisions`, made where the analysis is (on the
    /// loading or deciding worker: at 100,000 articles it takes tens of milliseconds); `None`
    /// until then.
    pub review: Option<Arc<Vec<review::Entry>>>,
    /// The articles' fields for `title:`, `kind:` … queries, read from `analysis` by the first
    /// search that needs them and kept for the next ones (a quarter of a second at 100,000
    /// articles).
    pub fields: Arc<OnceLock<Fields>>,
}

impl Loaded {
    /// Analyses and indexes a corpus on the calling thread (tests, headless use).
    pub fn of(source: CorpusSource, analysis: Analysis) -> Self {
        let index = CorpusIndex::build(&analysis);
        Self {
            source,
            analysis: Arc::new(analysis),
            index: Arc::new(index),
            decisions: Arc::new(ReplayReport::default()),
            decisions_error: None,
            cache: CacheUse::default(),
            decision_list: Arc::default(),
            decision_store: None,
            machine: None,
            review: None,
            fields: Arc::default(),
        }
    }

    /// Makes the review queue for the analysis and decisions as they now are.
    pub fn with_review(mut self) -> Self {
        self.review = Some(Arc::new(review::queue(
            &self.analysis.extraction.amounts,
            &self.analysis.incidents,
            &self.decisions,
        )));
        self
    }
}

/// How a load ended.
pub enum Outcome {
    Done(Loaded),
    /// None of the paths exists any more.
    Missing(Vec<PathBuf>),
    Cancelled,
    /// The job stopped without a result (a panic in the core): what failed, for the window.
    Failed(JobFailure),
}

enum LoadMsg {
    Progress(Stage),
    Finished(Outcome),
}

/// A corpus load in progress.
pub struct Loading {
    pub source: CorpusSource,
    /// The latest progress report.
    pub stage: Option<Stage>,
    rx: Receiver<LoadMsg>,
    cancel: Arc<AtomicBool>,
}

impl Loading {
    /// Starts loading `source` on a new thread, through `cache` when there is one; `wake` is
    /// called after every report.
    pub fn start(wake: &Wake, source: CorpusSource, cache: Option<ResultCache>) -> Self {
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let job_source = source.clone();
        let job_cancel = cancel.clone();
        let wake = wake.clone();
        let what = format!("loading {}", source.label());
        let spawned = std::thread::Builder::new()
            .name("dossier-load".to_owned())
            .spawn(move || {
                let progress_tx = Mutex::new(tx.clone());
                let progress = |stage: Stage| {
                    if let Ok(tx) = progress_tx.lock() {
                        let _ = tx.send(LoadMsg::Progress(stage));
                    }
                    wake.wake();
                };
                let outcome = jobs::catch(&what, || {
                    run_load(job_source, &progress, &job_cancel, cache.as_ref())
                })
                .unwrap_or_else(Outcome::Failed);
                let _ = tx.send(LoadMsg::Finished(outcome));
                wake.wake();
            });
        if let Err(e) = spawned {
            eprintln!("dossier: cannot start the loading thread: {e}");
        }
        Self {
            source,
            stage: None,
            rx,
            cancel,
        }
    }

    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Takes the messages that arrived; returns the outcome once the job is over.
    pub fn poll(&mut self) -> Option<Outcome> {
        loop {
            match self.rx.try_recv() {
                Ok(LoadMsg::Progress(stage)) => self.stage = Some(stage),
                Ok(LoadMsg::Finished(outcome)) => return Some(outcome),
                Err(TryRecvError::Empty) => return None,
                Err(TryRecvError::Disconnected) => {
                    return Some(Outcome::Failed(JobFailure::vanished(&format!(
                        "loading {}",
                        self.source.label()
                    ))));
                }
            }
        }
    }

    /// Blocks until the load is over (at most `timeout`): headless use and tests.
    pub fn wait(&mut self, timeout: Duration) -> Option<Outcome> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            if let Some(outcome) = self.poll() {
                return Some(outcome);
            }
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(LoadMsg::Progress(stage)) => self.stage = Some(stage),
                Ok(LoadMsg::Finished(outcome)) => return Some(outcome),
                Err(_) => return self.poll(),
            }
        }
    }

    /// (fraction done, text) for a progress bar.
    pub fn progress(&self) -> (f32, String) {
        match self.stage {
            None => (0.0, "Starting…".to_owned()),
            Some(Stage::Loading(p)) => (
                if p.files_total == 0 {
                    0.0
                } else {
                    0.2 * p.files_done as f32 / p.files_total as f32
                },
                format!("Reading files {}/{}", p.files_done, p.files_total),
            ),
            Some(Stage::Extracting { done, total }) => (
                0.2 + 0.8 * done as f32 / total.max(1) as f32,
                format!("Extracting {done}/{total} articles"),
            ),
        }
    }
}

/// Loads and analyses `source` on the calling thread (the loading thread's body), the
/// analyst's decisions replayed on what the analysis (or the result cache) gave.
pub fn run_load(
    source: CorpusSource,
    progress: &(dyn Fn(Stage) + Sync),
    cancel: &AtomicBool,
    cache: Option<&ResultCache>,
) -> Outcome {
    let analysis = match &source {
        CorpusSource::Sample => Analysis::sample(),
        CorpusSource::Paths(paths) => {
            let existing: Vec<PathBuf> = paths.iter().filter(|p| p.exists()).cloned().collect();
            if existing.is_empty() {
                return Outcome::Missing(paths.clone());
            }
            let (mut analysis, used) = Analysis::open(&existing, progress, cancel, cache);
            // The analyst has the last word: their decisions are replayed on every load.
            let opened = crate::decisions::store::default_path(&existing)
                .map(|path| DecisionStore::open(&path, &source.label()))
                .transpose();
            if cancel.load(Ordering::Relaxed) {
                return Outcome::Cancelled;
            }
            let (store, decisions, error) = match opened {
                Ok(Some((store, decisions))) => (Some(store), decisions, None),
                Ok(None) => (None, Vec::new(), None),
                Err(e) => (None, Vec::new(), Some(e.to_string())),
            };
            let machine = (!decisions.is_empty()).then(|| Arc::new(Machine::of(&analysis)));
            let report = crate::decisions::replay(&mut analysis, &decisions);
            let mut loaded = Loaded::of(source, analysis);
            loaded.cache = used;
            loaded.decisions = Arc::new(report);
            loaded.decisions_error = error;
            loaded.decision_list = Arc::new(decisions);
            loaded.decision_store = store.map(|s| Arc::new(Mutex::new(s)));
            loaded.machine = machine;
            return Outcome::Done(loaded.with_review());
        }
    };
    if cancel.load(Ordering::Relaxed) {
        return Outcome::Cancelled;
    }
    Outcome::Done(Loaded::of(source, analysis).with_review())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_the_folder_or_the_first_file_and_how_many_more() {
        assert_eq!(CorpusSource::Sample.label(), "sample corpus");
        assert_eq!(CorpusSource::Paths(vec![]).label(), "empty corpus");
        assert_eq!(
            CorpusSource::Paths(vec![PathBuf::from("/data/news")]).label(),
            "news"
        );
        assert_eq!(
            CorpusSource::Paths(vec![
                PathBuf::from("/a/one.txt"),
                PathBuf::from("/a/two.txt"),
                PathBuf::from("/a/three.txt")
            ])
            .label(),
            "one.txt + 2 more"
        );
    }

    #[test]
    fn a_corpus_whose_paths_are_all_gone_is_reported_missing() {
        let gone = vec![PathBuf::from("/nonexistent/dossier-test-corpus")];
        let outcome = run_load(
            CorpusSource::Paths(gone.clone()),
            &|_| {},
            &AtomicBool::new(false),
            None,
        );
        assert!(matches!(outcome, Outcome::Missing(p) if p == gone));
    }

    #[test]
    fn a_load_on_its_thread_reports_its_progress_and_the_corpus() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("one.txt"),
            "Invented headline\n\nA plain sentence about nothing in particular.",
        )
        .unwrap();
        let wake = Wake::default();
        let mut loading = Loading::start(
            &wake,
            CorpusSource::Paths(vec![dir.path().to_owned()]),
            None,
        );
        let outcome = loading.wait(Duration::from_secs(60));
        let Some(Outcome::Done(loaded)) = outcome else {
            panic!("the load did not finish");
        };
        assert_eq!(loaded.analysis.corpus.articles.len(), 1);
        assert_eq!(loaded.index.by_id.len(), 1);
        assert!(wake.count() >= 1);
    }
}
