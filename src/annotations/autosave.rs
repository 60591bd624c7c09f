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
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, Local};
use uuid::Uuid;

use crate::analysis::Analysis;
use crate::annotations::store::{self, Store};
use crate::annotations::{AnchorStatus, Annotation, Annotations, Position, reanchor, w3c};

/// Quiet time after a change before it is written.
pub const DEBOUNCE: Duration = Duration::from_millis(1000);
/// Longest a change waits while edits keep coming.
pub const MAX_DELAY: Duration = Duration::from_secs(5);
/// Wait before retrying a failed save.
const RETRY: Duration = Duration::from_secs(4);
/// Tags offered before any has been used.
pub const DEFAULT_TAGS: [&str; 5] = ["amount", "attribution", "victim", "date", "question"];

/// Called on the worker thread after every report (the window asks for a repaint).
pub type WakeFn = Arc<dyn Fn() + Send + Sync>;

enum Request {
    Save(Vec<Annotation>),
    SaveAs(PathBuf, Vec<Annotation>),
    Open(PathBuf),
    Export(PathBuf, Vec<u8>),
    /// Write what is pending now; the sender (if any) hears when it is done.
    Flush(Option<Sender<()>>),
}

enum Event {
    Loaded {
        by_id: Arc<HashMap<String, usize>>,
        target: PathBuf,
        annotations: Vec<Annotation>,
        statuses: Vec<(Uuid, AnchorStatus)>,
        notes: Vec<String>,
        blocked: Option<String>,
    },
    Saved {
        path: PathBuf,
        at: DateTime<Local>,
        sent: Vec<Annotation>,
        merged: Option<Reanchored>,
        blocked: Option<String>,
    },
    Exported(PathBuf),
    Failed(String),
}

/// A snapshot waiting to be saved, when the first unsaved change came and when the last did.
type Pending = (Vec<Annotation>, Instant, Instant);

/// The corpus's articles (shared with the app when it passes an `Arc`) and, once the worker has
/// built it, an index by id.
#[derive(Clone, Default)]
struct Articles {
    analysis: Arc<Analysis>,
    by_id: Arc<HashMap<String, usize>>,
}

impl Articles {
    fn get(&self, id: &str) -> Option<&crate::corpus::Article> {
        let articles = &self.analysis.corpus.articles;
        if self.by_id.is_empty() {
            articles.iter().find(|a| a.id == id)
        } else {
            self.by_id.get(id).and_then(|&i| articles.get(i))
        }
    }

    fn indexed(&self) -> Self {
        let by_id = self
            .analysis
            .corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        Self {
            analysis: self.analysis.clone(),
            by_id: Arc::new(by_id),
        }
    }
}

/// A merged set read back from disk, with each annotation's anchor status.
type Reanchored = (Vec<Annotation>, Vec<(Uuid, AnchorStatus)>);

struct Worker {
    tx: Sender<Request>,
    rx: Receiver<Event>,
    thread: JoinHandle<()>,
}

/// Which file a worker reads: a given one, or the default for the corpus's folders (deciding
/// whether a root is a folder touches the disk, so the worker does it).
enum Location {
    File(PathBuf),
    DefaultFor(Vec<PathBuf>),
}

/// The worker loop: open, re-anchor, report; then save snapshots as they come.
fn run_worker(
    location: Location,
    previous: Option<JoinHandle<()>>,
    label: String,
    articles: Articles,
    wake: WakeFn,
    rx: Receiver<Request>,
    tx: Sender<Event>,
) {
    let send = |e: Event| {
        let _ = tx.send(e);
        wake();
    };
    // The previous corpus's worker may still be writing (maybe this very file): read after it.
    if let Some(previous) = previous {
        let _ = previous.join();
    }
    let path = match location {
        Location::File(path) => path,
        Location::DefaultFor(roots) => match store::default_path(&roots, None) {
            Some(path) => path,
            None => {
                send(Event::Failed(
                    "No folder for the annotations: they are not saved".to_owned(),
                ));
                return;
            }
        },
    };
    let texts = articles.indexed();
    let open = |path: &Path| {
        let opened = Store::open(path, &label);
        let mut annotations = opened.annotations;
        let statuses = reanchor_all(&mut annotations, &texts);
        let event = Event::Loaded {
            by_id: texts.by_id.clone(),
            target: opened.store.target().to_owned(),
            annotations,
            statuses,
            notes: opened.notes,
            blocked: opened.store.blocked().map(str::to_owned),
        };
        (opened.store, event)
    };
    let (mut store, loaded) = open(&path);
    send(loaded);
    let mut pending: Option<Pending> = None;
    // A failed save stays pending and is retried a few seconds later (the folder may come back).
    let write =
        |store: &mut Store, sent: Vec<Annotation>, pending: &mut Option<Pending>| match store
            .save(&sent)
        {
            Ok(saved) => Event::Saved {
                path: saved.path,
                at: saved.at,
                merged: saved.merged.map(|mut m| {
                    let statuses = reanchor_all(&mut m, &texts);
                    (m, statuses)
                }),
                sent,
                blocked: store.blocked().map(str::to_owned),
            },
            Err(e) => {
                let now = Instant::now();
                *pending = Some((sent, now, now + RETRY));
                Event::Failed(format!("Annotations not saved (will retry): {e}"))
            }
        };
    loop {
        let request = match &pending {
            None => match rx.recv() {
                Ok(r) => r,
                Err(_) => return,
            },
            Some((_, first, last)) => {
                let due = (*last + DEBOUNCE).min(*first + MAX_DELAY);
                match rx.recv_timeout(due.saturating_duration_since(Instant::now())) {
                    Ok(r) => r,
                    Err(RecvTimeoutError::Timeout) => {
                        if let Some((sent, _, _)) = pending.take() {
                            send(write(&mut store, sent, &mut pending));
                        }
                        continue;
                    }
                    Err(RecvTimeoutError::Disconnected) => {
                        if let Some((sent, _, _)) = pending.take() {
                            let _ = write(&mut store, sent, &mut None);
                        }
                        return;
                    }
                }
            }
        };
        match request {
            Request::Save(items) => {
                let now = Instant::now();
                let first = pending.as_ref().map_or(now, |p| p.1);
                pending = Some((items, first, now));
            }
            Request::Flush(ack) => {
                if let Some((sent, _, _)) = pending.take() {
                    send(write(&mut store, sent, &mut pending));
                }
                if let Some(ack) = ack {
                    let _ = ack.send(());
                }
            }
            Request::SaveAs(path, items) => {
                pending = None;
                match store.save_as(&path, &items) {
                    Ok(saved) => send(Event::Saved {
                        path: saved.path,
                        at: saved.at,
                        sent: items,
                        merged: None,
                        blocked: None,
                    }),
                    Err(e) => send(Event::Failed(format!("Annotations not saved: {e}"))),
                }
            }
            Request::Open(path) => {
                if let Some((sent, _, _)) = pending.take() {
                    send(write(&mut store, sent, &mut pending));
                }
                let (opened, loaded) = open(&path);
                store = opened;
                send(loaded);
            }
            Request::Export(path, bytes) => match store::write_atomic(&path, &bytes) {
                Ok(()) => send(Event::Exported(path)),
                Err(e) => send(Event::Failed(format!("Export failed: {e}"))),
            },
        }
    }
}

fn reanchor_all(items: &mut [Annotation], texts: &Articles) -> Vec<(Uuid, AnchorStatus)> {
    items
        .iter_mut()
        .map(|a| {
            let text = texts.get(&a.article).map(|a| a.text.as_str());
            (a.id, reanchor(a, text))
        })
        .collect()
}

/// Annotation state of the open corpus: loaded and saved off the caller's thread.
pub struct AnnotationSession {
    author: String,
    set: Annotations,
    status_of: HashMap<Uuid, AnchorStatus>,
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
    pub fn get(&self, id: Uuid) -> Option<&Annotation> {
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
    pub fn anchor_status(&self, id: Uuid) -> AnchorStatus {
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
            a.article == article && self.anchor_status(a.id) != AnchorStatus::Orphan
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
    ) -> Uuid {
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
        let id = a.id;
        self.status_of.insert(id, AnchorStatus::Anchored);
        self.set.add(a);
        self.request_save();
        id
    }

    /// Changes an annotation's tag and note (undoable).
    pub fn edit(&mut self, id: Uuid, tag: &str, note: &str) {
        if self.set.edit(id, tag, note) {
            self.request_save();
        }
    }

    /// Deletes an annotation (undoable).
    pub fn delete(&mut self, id: Uuid) {
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
mod tests {
    use super::*;
    use crate::corpus::{Article, Corpus};

    const TEXT: &str =
        "The invented Harbour Credit Union lost $3 million to a phishing crew in 2020.";

    fn analysis() -> Arc<Analysis> {
        Arc::new(Analysis {
            corpus: Corpus {
                roots: Vec::new(),
                articles: vec![Article {
                    id: "harbour".to_owned(),
                    path: PathBuf::from("/invented/harbour.txt"),
                    published: None,
                    title: "Harbour heist".to_owned(),
                    source: None,
                    text: TEXT.to_owned(),
                }],
                errors: Vec::new(),
                embedded: false,
            },
            ..Analysis::default()
        })
    }

    fn span(needle: &str) -> (usize, usize) {
        let start = TEXT[..TEXT.find(needle).unwrap()].chars().count();
        (start, start + needle.chars().count())
    }

    fn read(path: &Path) -> Vec<Annotation> {
        let bytes = std::fs::read(path).unwrap();
        serde_json::from_slice::<crate::annotations::AnnotationFile>(&bytes)
            .unwrap()
            .annotations
    }

    fn loaded_session(file: &Path) -> AnnotationSession {
        let mut session = AnnotationSession::default();
        session.open_at(analysis(), Some(file.to_owned()), "test".to_owned());
        while !session.is_loaded() {
            assert!(
                session.wait_for_report(Duration::from_secs(30)),
                "no load report"
            );
        }
        session
    }

    #[test]
    fn a_change_is_saved_after_the_debounce_and_reported_back() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(store::FILE_NAME);
        let mut session = loaded_session(&file);
        session.set_author("Analyst A");
        let id = session.create("harbour", span("$3 million"), "", "amount", "why");
        assert!(!file.exists(), "written before the debounce");
        assert!(session.wait_for_report(DEBOUNCE + Duration::from_secs(30)));
        let saved = read(&file);
        assert_eq!(saved.len(), 1);
        assert_eq!(saved[0].id, id);
        assert_eq!(saved[0].quote.exact, "$3 million");
        assert_eq!(saved[0].author, "Analyst A");
        assert!(session.status().unwrap().starts_with("Annotations saved"));
    }

    #[test]
    fn flush_writes_at_once_and_undo_redo_are_saved_too() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(store::FILE_NAME);
        let mut session = loaded_session(&file);
        let id = session.create("harbour", span("phishing crew"), "", "", "");
        session.edit(id, "attribution", "a guess");
        session.flush();
        assert_eq!(read(&file)[0].tag, "attribution");
        session.delete(id);
        session.flush();
        assert!(read(&file).is_empty());
        session.undo();
        session.flush();
        assert_eq!(read(&file).len(), 1);
        assert_eq!(
            session
                .at("harbour", span("phishing crew").0, span("phishing crew").1)
                .map(|a| a.id),
            Some(id)
        );
        assert!(session.known_tags().contains(&"attribution".to_owned()));
    }

    #[test]
    fn dropping_the_session_writes_what_is_pending_and_a_new_one_reads_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(store::FILE_NAME);
        let mut session = loaded_session(&file);
        session.create("harbour", span("Harbour Credit Union"), "", "victim", "");
        drop(session);
        let again = loaded_session(&file);
        assert_eq!(again.annotations().len(), 1);
        assert_eq!(again.annotations()[0].tag, "victim");
        assert_eq!(again.placed_in("harbour").count(), 1);
        assert_eq!(again.article_title("harbour"), Some("Harbour heist"));
    }

    #[cfg(unix)]
    #[test]
    fn a_failed_save_keeps_the_annotations_and_says_so() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        let file = locked.join(store::FILE_NAME);
        let mut session = loaded_session(&file);
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        if std::fs::write(locked.join("probe"), b"x").is_ok() {
            // Running as root: permissions do not stop writes, nothing to test here.
            return;
        }
        session.create("harbour", span("$3 million"), "", "amount", "");
        session.flush();
        let problem = session.problem().unwrap_or_default().to_owned();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        assert!(problem.contains("not saved"), "{problem}");
        assert_eq!(session.annotations().len(), 1, "kept in memory");
    }

    #[test]
    fn annotation_counts_read_in_words() {
        assert_eq!(count(1), "1 annotation");
        assert_eq!(count(0), "0 annotations");
    }
}
