//! Work that must not block the UI thread: loading and analysing a corpus, searching it, and file
//! dialogs. Each job runs on its own `std::thread` and reports through an mpsc channel whose sender
//! wakes the UI (`request_repaint`); the app polls the receivers once per frame.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, Mutex};

use eframe::egui::Context;
use serde::{Deserialize, Serialize};

use crate::analysis::{Analysis, Stage};
use crate::search::Query;
use crate::ui::commands::DialogKind;
use crate::ui::corpus_index::CorpusIndex;

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
}

/// How a load ended.
pub enum Outcome {
    Done(Loaded),
    /// None of the paths exists any more.
    Missing(Vec<PathBuf>),
    Cancelled,
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
    /// Starts loading `source` on a new thread.
    pub fn start(ctx: &Context, source: CorpusSource) -> Self {
        let (tx, rx) = mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let job_source = source.clone();
        let job_cancel = cancel.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("dossier-load".to_owned())
            .spawn(move || {
                let progress_tx = Mutex::new(tx.clone());
                let progress = |stage: Stage| {
                    if let Ok(tx) = progress_tx.lock() {
                        let _ = tx.send(LoadMsg::Progress(stage));
                    }
                    ctx.request_repaint();
                };
                let outcome = run_load(job_source, &progress, &job_cancel);
                let _ = tx.send(LoadMsg::Finished(outcome));
                ctx.request_repaint();
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
                // The thread died without a result (a panic in the core): report it as cancelled.
                Err(TryRecvError::Disconnected) => return Some(Outcome::Cancelled),
            }
        }
    }

    /// (done, total, text) for a progress bar.
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

fn run_load(
    source: CorpusSource,
    progress: &(dyn Fn(Stage) + Sync),
    cancel: &AtomicBool,
) -> Outcome {
    let analysis = match &source {
        CorpusSource::Sample => Analysis::sample(),
        CorpusSource::Paths(paths) => {
            let existing: Vec<PathBuf> = paths.iter().filter(|p| p.exists()).cloned().collect();
            if existing.is_empty() {
                return Outcome::Missing(paths.clone());
            }
            Analysis::load(&existing, progress, cancel)
        }
    };
    if cancel.load(Ordering::Relaxed) {
        return Outcome::Cancelled;
    }
    let index = CorpusIndex::build(&analysis);
    Outcome::Done(Loaded {
        source,
        analysis: Arc::new(analysis),
        index: Arc::new(index),
    })
}

/// Frees a big value (a corpus, a search result over 100,000 articles) on another thread: freeing
/// it on the UI thread can take longer than a frame.
pub fn drop_off_thread<T: Send + 'static>(value: T) {
    let spawned = std::thread::Builder::new()
        .name("dossier-free".to_owned())
        .spawn(move || drop(value));
    // Without a thread, the value was dropped with the closure here: slower, still correct.
    let _ = spawned;
}

/// A one-shot background job whose result is polled each frame.
pub struct Task<T> {
    rx: Receiver<T>,
}

impl<T: Send + 'static> Task<T> {
    pub fn spawn(
        ctx: &Context,
        name: &str,
        job: impl FnOnce() -> T + Send + 'static,
    ) -> Option<Self> {
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let _ = tx.send(job());
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => Some(Self { rx }),
            Err(e) => {
                eprintln!("dossier: cannot start a background thread ({name}): {e}");
                None
            }
        }
    }

    /// `Some(Ok(result))` once, `Some(Err(()))` if the job died, `None` while it runs.
    pub fn poll(&self) -> Option<Result<T, ()>> {
        match self.rx.try_recv() {
            Ok(v) => Some(Ok(v)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(())),
        }
    }
}

/// Search hits per article index (only articles that match every term).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResult {
    pub query: String,
    pub hits: HashMap<usize, Vec<(usize, usize)>>,
    /// Hits over all articles.
    pub total: usize,
    /// How long the search took (logged with `DOSSIER_FRAME_LOG=1`).
    pub took: std::time::Duration,
}

/// Searches every article (in parallel). Runs on a worker: 100,000 articles take seconds.
pub fn search(analysis: &Analysis, query: &str) -> SearchResult {
    let started = std::time::Instant::now();
    let parsed = Query::parse(query);
    let hits = crate::search::corpus_hits(&analysis.corpus.articles, &parsed);
    SearchResult {
        query: query.to_owned(),
        total: hits.values().map(Vec::len).sum(),
        hits,
        took: started.elapsed(),
    }
}

/// Shows a native file dialog; `None` when the user cancels. Runs on a worker thread: the async
/// dialog is driven to completion there, which every platform rfd supports.
pub fn pick_paths(kind: DialogKind) -> Option<Vec<PathBuf>> {
    let dialog = rfd::AsyncFileDialog::new().set_title(match kind {
        DialogKind::Folder => "Open a corpus folder",
        DialogKind::Files => "Open corpus files",
    });
    let picked = match kind {
        DialogKind::Folder => pollster::block_on(dialog.pick_folder()).map(|h| vec![h]),
        DialogKind::Files => pollster::block_on(
            dialog
                .add_filter(
                    "Articles",
                    &[
                        "txt", "md", "markdown", "csv", "json", "jsonl", "ndjson", "html", "htm",
                    ],
                )
                .add_filter("All files", &["*"])
                .pick_files(),
        ),
    }?;
    let paths: Vec<PathBuf> = picked.into_iter().map(|h| h.path().to_path_buf()).collect();
    (!paths.is_empty()).then_some(paths)
}
