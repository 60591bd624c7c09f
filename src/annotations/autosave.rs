//! The annotation autosave service and the session state machine behind the annotations panel.
//!
//! All disk I/O happens on one worker thread per corpus: [`AnnotationSession::corpus_opened`]
//! starts it, it picks and reads the file and re-anchors it, then waits for snapshots to save. A
//! snapshot is written about a second after the last change ([`DEBOUNCE`], at most [`MAX_DELAY`]
//! after the first unsaved one), at once on [`AnnotationSession::request_flush`] (without
//! waiting) and on [`AnnotationSession::flush`] (waits, for the window closing). When the corpus
//! changes the old worker is let go: it writes what is pending once its channel closes, and the
//! next worker waits for it before reading. The worker reports through a channel and wakes the
//! window through a callback; [`AnnotationSession::poll`] takes the reports. No GUI here.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use crate::annotations::model::AnnotationId;
use chrono::{DateTime, Local};

use crate::analysis::Analysis;
use crate::annotations::store;
use crate::annotations::{AnchorStatus, Annotation, Annotations, Position, w3c};

/// Quiet time after a change before it is written.
pub const DEBOUNCE: Duration = Duration::from_millis(1000);
/// Longest a change waits while edits keep coming.
pub const MAX_DELAY: Duration = Duration::from_secs(5);
/// Wait before retrying a failed save.
pub(crate) const RETRY: Duration = Duration::from_secs(4);
/// Tags offered before any has been used.
pub const DEFAULT_TAGS: [&str; 5] = ["amount", "attribution", "victim", "date", "question"];

mod worker;

use worker::{Articles, Event, Location, Request, Worker, run_worker};

/// Called on the worker thread after every report (the window asks for a repaint).
pub type WakeFn = Arc<dyn Fn() + Send + Sync>;

/// Annotation state of the open corpus: loaded and saved off the caller's thread.
pub struct AnnotationSession {
    author: String,
    set: Annotations,
    status_of: HashMap<AnnotationId, AnchorStatus>,
    articles: Articles,
    corpus_label: String,
    loaded: bool,
    worker: Option<Worker>,
    /// The file annotations are read from and saved to.
    file: Option<PathBuf>,
    saved: Option<DateTime<Local>>,
    /// A problem the analyst must see (unusable file, failed save).
    problem: Option<String>,
    /// Other messages (recovered work, exports).
    notes: Vec<String>,
    /// Folder for the sample corpus's file; `None`: the user's data folder.
    data_home: Option<PathBuf>,
    wake: WakeFn,
}

impl Default for AnnotationSession {
    fn default() -> Self {
        Self::new(Arc::new(|| {}))
    }
}

impl AnnotationSession {
    /// A session with no corpus yet; `wake` runs on the worker thread after each report.
    pub fn new(wake: WakeFn) -> Self {
        Self {
            author: String::new(),
            set: Annotations::default(),
            status_of: HashMap::new(),
            articles: Articles::default(),
            corpus_label: String::new(),
            loaded: false,
            worker: None,
            file: None,
            saved: None,
            problem: None,
            notes: Vec::new(),
            data_home: None,
            wake,
        }
    }

    /// Keeps the sample corpus's annotations under `dir` instead of the user's data folder
    /// (`$XDG_DATA_HOME`); tests use this so they never touch the real one.
    pub fn set_data_home(&mut self, dir: PathBuf) {
        self.data_home = Some(dir);
    }

    /// A new corpus has been analysed: starts reading its annotation file in the background.
    /// The file is `dossier-annotations.json` in the opened folder (beside an opened file); for the
    /// embedded sample corpus `DATA_HOME/dossier/sample-annotations.json` (see
    /// [`store::default_path`] and [`Self::set_data_home`]). The texts are shared, not copied.
    pub fn corpus_opened(&mut self, analysis: Arc<Analysis>) {
        let sample = analysis.corpus.embedded;
        let roots = analysis.corpus.roots.clone();
        let location = if sample {
            let home = self.data_home.clone().or_else(crate::desktop::data_home);
            store::default_path(&[], home.as_deref()).map(Location::File)
        } else if roots.is_empty() {
            None
        } else {
            Some(Location::DefaultFor(roots.clone()))
        };
        let label = if sample {
            "sample corpus".to_owned()
        } else {
            roots
                .iter()
                .map(|r| r.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        self.start(analysis, location, label);
    }

    /// Like [`Self::corpus_opened`] with an explicit annotation file (`None`: keep the
    /// annotations in memory only).
    pub fn open_at(&mut self, analysis: Arc<Analysis>, path: Option<PathBuf>, label: String) {
        self.start(analysis, path.map(Location::File), label);
    }

    /// Lets the previous worker go (it writes what is pending on its own) and starts one for
    /// `location`. Nothing here touches the disk.
    fn start(&mut self, analysis: Arc<Analysis>, location: Option<Location>, label: String) {
        // A load it already reported sends back edits made meanwhile (see `handle`); then closing
        // its channel makes the old worker write its pending snapshot and stop.
        self.poll();
        let previous = self.worker.take().map(|w| w.thread);
        self.set = Annotations::default();
        self.status_of.clear();
        self.loaded = false;
        self.saved = None;
        self.problem = None;
        self.notes.clear();
        self.corpus_label = label.clone();
        self.articles = Articles {
            analysis,
            by_id: Arc::default(),
        };
        self.file = match &location {
            Some(Location::File(path)) => Some(path.clone()),
            _ => None,
        };
        let Some(location) = location else {
            self.loaded = true;
            self.problem = Some(
                "No folder for the annotations (set XDG_DATA_HOME or HOME): they are not saved"
                    .to_owned(),
            );
            // The previous worker, if any, finishes on its own (a dropped handle detaches it).
            return;
        };
        let (req_tx, req_rx) = mpsc::channel();
        let (ev_tx, ev_rx) = mpsc::channel();
        let articles = self.articles.clone();
        let wake = self.wake.clone();
        let spawned = std::thread::Builder::new()
            .name("annotations".to_owned())
            .spawn(move || {
                let failed = ev_tx.clone();
                let fail_wake = wake.clone();
                let run = std::panic::AssertUnwindSafe(|| {
                    run_worker(location, previous, label, articles, wake, req_rx, ev_tx)
                });
                if let Err(payload) = std::panic::catch_unwind(run) {
                    let cause = payload
                        .downcast_ref::<&str>()
                        .map(|s| (*s).to_owned())
                        .or_else(|| payload.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown cause".to_owned());
                    let _ = failed.send(Event::Failed(format!(
                        "The annotation saver stopped ({cause}): annotations are kept in \
                         memory; use Save annotations as… to keep them"
                    )));
                    fail_wake();
                }
            });
        match spawned {
            Ok(thread) => {
                self.worker = Some(Worker {
                    tx: req_tx,
                    rx: ev_rx,
                    thread,
                })
            }
            Err(e) => {
                self.loaded = true;
                self.problem = Some(format!("Cannot start the annotation saver: {e}"));
            }
        }
    }

    /// Handles what the worker has reported so far, without waiting; returns whether anything
    /// arrived. Called once per frame.
    pub fn poll(&mut self) -> bool {
        let events: Vec<Event> = match &self.worker {
            Some(w) => w.rx.try_iter().collect(),
            None => return false,
        };
        let any = !events.is_empty();
        for event in events {
            self.handle(event);
        }
        any
    }

    /// Blocks until the worker reports something (at most `timeout`) and handles it: headless
    /// use and tests, never a frame.
    pub fn wait_for_report(&mut self, timeout: Duration) -> bool {
        let event = match &self.worker {
            Some(w) => w.rx.recv_timeout(timeout).ok(),
            None => None,
        };
        let Some(event) = event else {
            return false;
        };
        self.handle(event);
        self.poll();
        true
    }

    fn handle(&mut self, event: Event) {
        match event {
            Event::Loaded {
                by_id,
                target,
                annotations,
                statuses,
                notes,
                blocked,
            } => {
                self.articles.by_id = by_id;
                // Anything annotated while the file was loading joins what was read.
                let local = self.set.items().to_vec();
                let merged = store::merge(&[], &annotations, &local);
                self.set = Annotations::new(merged);
                self.status_of = statuses.into_iter().collect();
                self.notes = notes
                    .into_iter()
                    .filter(|n| Some(n) != blocked.as_ref())
                    .collect();
                self.problem = blocked;
                self.file = Some(target);
                self.loaded = true;
                if !local.is_empty() {
                    self.request_save();
                }
            }
            Event::Saved {
                path,
                at,
                sent,
                merged,
                blocked,
            } => {
                self.file = Some(path);
                self.saved = Some(at);
                self.problem = blocked;
                if let Some((theirs, statuses)) = merged {
                    let items = store::merge(&sent, self.set.items(), &theirs);
                    self.set.replace_items(items);
                    self.status_of.extend(statuses);
                }
            }
            Event::Exported(path) => {
                self.notes = vec![format!("Exported W3C JSON-LD to {}", path.display())];
            }
            Event::Failed(message) => self.problem = Some(message),
        }
    }

    /// Author written into new annotations (from the settings).
    pub fn set_author(&mut self, author: &str) {
        author.clone_into(&mut self.author);
    }

    /// True once the annotation file has been read (or found missing).
    pub fn is_loaded(&self) -> bool {
        self.loaded
    }

    /// Every annotation of the corpus.
    pub fn annotations(&self) -> &[Annotation] {
        self.set.items()
    }

    /// One annotation by id.
    pub fn get(&self, id: AnnotationId) -> Option<&Annotation> {
        self.set.get(id)
    }

    /// The annotation on exactly this span, if there is one (editing it beats a duplicate).
    pub fn at(&self, article: &str, start: usize, end: usize) -> Option<&Annotation> {
        self.set
            .items()
            .iter()
            .find(|a| a.article == article && a.position == Position { start, end })
    }

    /// How an annotation stands against the current text.
    pub fn anchor_status(&self, id: AnnotationId) -> AnchorStatus {
        self.status_of
            .get(&id)
            .copied()
            .unwrap_or(AnchorStatus::Anchored)
    }

    /// The annotation file in use.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// A problem the analyst must see (unusable file, failed save).
    pub fn problem(&self) -> Option<&str> {
        self.problem.as_deref()
    }

    /// Other messages (recovered work, exports).
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// The title of an article of the corpus, by id.
    pub fn article_title(&self, id: &str) -> Option<&str> {
        self.articles.get(id).map(|a| a.title.as_str())
    }

    /// Annotations of one article that have a place in its text (orphans have none).
    pub fn placed_in<'a>(&'a self, article: &'a str) -> impl Iterator<Item = &'a Annotation> {
        self.set.items().iter().filter(move |a| {
            a.article == article && self.anchor_status(a.id.clone()) != AnchorStatus::Orphan
        })
    }

    /// Creates an annotation on a span of an article (saved after the debounce). The quote and
    /// its context come from the article's text; `shown` is what the reader showed, used when the
    /// article is not in the corpus map.
    pub fn create(
        &mut self,
        article: &str,
        (start, end): (usize, usize),
        shown: &str,
        tag: &str,
        note: &str,
    ) -> AnnotationId {
        let mut a = match self.articles.get(article) {
            Some(found) => Annotation::new(article, &found.text, start, end, tag, ""),
            None => {
                let mut a = Annotation::new(article, shown, 0, usize::MAX, tag, "");
                a.position = Position { start, end };
                a
            }
        };
        note.clone_into(&mut a.note);
        self.author.clone_into(&mut a.author);
        let id = a.id.clone();
        self.status_of.insert(id.clone(), AnchorStatus::Anchored);
        self.set.add(a);
        self.request_save();
        id
    }

    /// Changes an annotation's tag and note (undoable).
    pub fn edit(&mut self, id: AnnotationId, tag: &str, note: &str) {
        if self.set.edit(id, tag, note) {
            self.request_save();
        }
    }

    /// Deletes an annotation (undoable).
    pub fn delete(&mut self, id: AnnotationId) {
        if self.set.remove(id).is_some() {
            self.request_save();
        }
    }

    /// The tags offered in the editor and the filter: the defaults and every tag in use.
    pub fn known_tags(&self) -> Vec<String> {
        let mut tags: BTreeSet<String> = DEFAULT_TAGS.iter().map(|t| (*t).to_owned()).collect();
        tags.extend(
            self.set
                .items()
                .iter()
                .filter(|a| !a.tag.is_empty())
                .map(|a| a.tag.clone()),
        );
        tags.into_iter().collect()
    }

    /// Sends the current set to the worker (saved after the debounce).
    fn request_save(&mut self) {
        if !self.loaded {
            return;
        }
        if let Some(w) = &self.worker {
            let _ = w.tx.send(Request::Save(self.set.items().to_vec()));
        }
    }

    /// Saves to `path` from now on ("Save annotations as…").
    pub fn save_as(&mut self, path: &Path) {
        if let Some(w) = &self.worker {
            let _ =
                w.tx.send(Request::SaveAs(path.to_owned(), self.set.items().to_vec()));
        }
    }

    /// Switches to another annotation file ("Open annotations…"); pending changes are saved to
    /// the current file first.
    pub fn open_file(&mut self, path: &Path) {
        if let Some(w) = &self.worker {
            self.loaded = false;
            self.set = Annotations::default();
            let _ = w.tx.send(Request::Open(path.to_owned()));
        }
    }

    /// Writes the annotations as W3C Web Annotation JSON-LD to `path`.
    pub fn export_w3c(&mut self, path: &Path) {
        // Target an article by its web address when it has one, else by a Dossier URN.
        let source_of = |id: &str| {
            self.articles
                .get(id)
                .and_then(|a| a.source.as_deref())
                .filter(|s| s.starts_with("http://") || s.starts_with("https://"))
                .map_or_else(|| w3c::article_urn(id), str::to_owned)
        };
        let doc = w3c::export(self.set.items(), &self.corpus_label, &source_of);
        let bytes = match serde_json::to_vec_pretty(&doc) {
            Ok(b) => b,
            Err(e) => {
                self.problem = Some(format!("Export failed: {e}"));
                return;
            }
        };
        if let Some(w) = &self.worker {
            let _ = w.tx.send(Request::Export(path.to_owned(), bytes));
        }
    }

    /// How many annotation changes can be undone (see [`Annotations::undo_depth`]).
    pub fn undo_depth(&self) -> usize {
        self.set.undo_depth()
    }

    pub fn undo(&mut self) {
        if self.set.undo() {
            self.request_save();
        }
    }

    pub fn redo(&mut self) {
        if self.set.redo() {
            self.request_save();
        }
    }

    /// Status-bar text, e.g. "Annotations saved 14:03 to …/dossier-annotations.json".
    pub fn status(&self) -> Option<String> {
        if let Some(problem) = &self.problem {
            return Some(problem.clone());
        }
        let Some(file) = self.file.as_ref() else {
            return (self.worker.is_some() && !self.loaded)
                .then(|| "Reading annotations…".to_owned());
        };
        Some(match self.saved {
            Some(at) => format!(
                "Annotations saved {} to {}",
                at.format("%H:%M:%S"),
                file.display()
            ),
            None if self.loaded => {
                format!("{} from {}", count(self.set.items().len()), file.display())
            }
            None => format!("Reading annotations from {}…", file.display()),
        })
    }

    /// Asks the worker to write pending changes now, without waiting (eframe's periodic save).
    pub fn request_flush(&self) {
        if let Some(w) = &self.worker {
            let _ = w.tx.send(Request::Flush(None));
        }
    }

    /// Writes pending changes now and waits for the worker, at most a few seconds: only for the
    /// window closing (or a failure being reported), never during a frame.
    pub fn flush(&mut self) {
        let Some(w) = &self.worker else {
            return;
        };
        let (ack_tx, ack_rx) = mpsc::channel();
        if w.tx.send(Request::Flush(Some(ack_tx))).is_ok() {
            let _ = ack_rx.recv_timeout(Duration::from_secs(10));
        }
        let events: Vec<Event> = w.rx.try_iter().collect();
        for event in events {
            self.handle(event);
        }
    }
}

impl Drop for AnnotationSession {
    fn drop(&mut self) {
        self.flush();
    }
}

/// "1 annotation", "2 annotations".
pub fn count(n: usize) -> String {
    if n == 1 {
        "1 annotation".to_owned()
    } else {
        format!("{n} annotations")
    }
}

#[cfg(test)]
mod tests;
