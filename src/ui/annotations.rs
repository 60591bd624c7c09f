//! The annotations panel and editor, and the background worker that loads and saves the file.
//!
//! All disk I/O happens on one worker thread per corpus: [`AnnotationsUi::corpus_opened_shared`]
//! starts it, it picks and reads the file and re-anchors it, then waits for snapshots to save. A
//! snapshot is written about a second after the last change ([`DEBOUNCE`], at most [`MAX_DELAY`]
//! after the first unsaved one), at once on [`AnnotationsUi::request_flush`] (without waiting) and
//! on [`AnnotationsUi::flush`] (waits, for the window closing). When the corpus changes the old
//! worker is let go: it writes what is pending once its channel closes, and the next worker waits
//! for it before reading. Results come back through a channel read in [`AnnotationsUi::poll`].
//! File dialogs run on their own threads too.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, Local};
use eframe::egui::{self, Color32, Context, Key, Modifiers, RichText, Ui};

use crate::analysis::Analysis;
use crate::annotations::store::{self, Store};
use crate::annotations::{
    AnchorStatus, Annotation, AnnotationId, Annotations, Position, reanchor, w3c,
};

/// Quiet time after a change before it is written.
pub const DEBOUNCE: Duration = Duration::from_millis(1000);
/// Longest a change waits while edits keep coming.
pub const MAX_DELAY: Duration = Duration::from_secs(5);
/// Wait before retrying a failed save.
const RETRY: Duration = Duration::from_secs(4);
/// Tags offered before any has been used.
pub const DEFAULT_TAGS: [&str; 5] = ["amount", "attribution", "victim", "date", "question"];

/// A span the reader paints for an annotation.
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    pub start: usize,
    pub end: usize,
    pub color: Color32,
    pub tooltip: String,
}

/// What the annotations UI asks the app to do.
#[derive(Clone, Debug, PartialEq)]
pub enum AnnotationsAction {
    /// Show this passage in the reader (select the article, scroll to and flash the span).
    OpenPassage {
        article: String,
        start: usize,
        end: usize,
    },
}

/// The colour of a tag: the default tags have fixed colours, others a stable hash (FNV-1a) into
/// the same colour-blind-safe palette (Okabe–Ito).
pub fn tag_color(tag: &str) -> Color32 {
    const PALETTE: [(u8, u8, u8); 8] = [
        (230, 159, 0),
        (86, 180, 233),
        (0, 158, 115),
        (204, 121, 167),
        (213, 94, 0),
        (0, 114, 178),
        (240, 228, 66),
        (150, 150, 150),
    ];
    let tag = tag.trim().to_lowercase();
    let index = DEFAULT_TAGS
        .iter()
        .position(|t| *t == tag)
        .unwrap_or_else(|| {
            let hash = tag.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
            (hash % PALETTE.len() as u64) as usize
        });
    let (r, g, b) = PALETTE[index];
    Color32::from_rgb(r, g, b)
}

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
        statuses: Vec<(AnnotationId, AnchorStatus)>,
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
type Reanchored = (Vec<Annotation>, Vec<(AnnotationId, AnchorStatus)>);

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
    ctx: Context,
    rx: Receiver<Request>,
    tx: Sender<Event>,
) {
    let send = |e: Event| {
        let _ = tx.send(e);
        ctx.request_repaint();
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

fn reanchor_all(items: &mut [Annotation], texts: &Articles) -> Vec<(AnnotationId, AnchorStatus)> {
    items
        .iter_mut()
        .map(|a| {
            let text = texts.get(&a.article).map(|a| a.text.as_str());
            (a.id.clone(), reanchor(a, text))
        })
        .collect()
}

/// What a file dialog was opened for.
enum Dialog {
    Open,
    SaveAs,
    Export,
}

/// The annotation being created or edited.
struct Editor {
    target: EditTarget,
    quote: String,
    tag: String,
    note: String,
    focus: bool,
}

enum EditTarget {
    New {
        article: String,
        start: usize,
        end: usize,
    },
    Existing(AnnotationId),
}

/// Annotation state of the open corpus: loaded and saved off the UI thread.
#[derive(Default)]
pub struct AnnotationsUi {
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
    editor: Option<Editor>,
    whole_corpus: bool,
    tag_filter: Option<String>,
    dialog: Option<(Dialog, Receiver<Option<PathBuf>>)>,
    /// Folder for the sample corpus's file; `None`: the user's data folder.
    data_home: Option<PathBuf>,
}

impl AnnotationsUi {
    /// Keeps the sample corpus's annotations under `dir` instead of the user's data folder
    /// (`$XDG_DATA_HOME`); tests use this so they never touch the real one.
    pub fn set_data_home(&mut self, dir: PathBuf) {
        self.data_home = Some(dir);
    }

    /// A new corpus has been analysed: starts reading its annotation file in the background.
    /// The file is `dossier-annotations.json` in the opened folder (beside an opened file); for the
    /// embedded sample corpus `DATA_HOME/dossier/sample-annotations.json` (see
    /// [`store::default_path`] and [`Self::set_data_home`]). The texts are shared, not copied.
    pub fn corpus_opened_shared(&mut self, ctx: &Context, analysis: Arc<Analysis>) {
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
        self.start(ctx, analysis, location, label);
    }

    /// Like [`Self::corpus_opened_shared`] with an explicit annotation file (`None`: keep the
    /// annotations in memory only).
    pub fn open_at(
        &mut self,
        ctx: &Context,
        analysis: Arc<Analysis>,
        path: Option<PathBuf>,
        label: String,
    ) {
        self.start(ctx, analysis, path.map(Location::File), label);
    }

    /// Lets the previous worker go (it writes what is pending on its own) and starts one for
    /// `location`. Nothing here touches the disk.
    fn start(
        &mut self,
        ctx: &Context,
        analysis: Arc<Analysis>,
        location: Option<Location>,
        label: String,
    ) {
        // A load it already reported sends back edits made meanwhile (see `handle`); then closing
        // its channel makes the old worker write its pending snapshot and stop.
        self.handle_events();
        let previous = self.worker.take().map(|w| w.thread);
        self.set = Annotations::default();
        self.status_of.clear();
        self.loaded = false;
        self.saved = None;
        self.problem = None;
        self.notes.clear();
        self.editor = None;
        self.dialog = None;
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
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("annotations".to_owned())
            .spawn(move || run_worker(location, previous, label, articles, ctx, req_rx, ev_tx));
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

    /// Polls background loads and saves; called once per frame.
    pub fn poll(&mut self, ctx: &Context) {
        let _ = ctx;
        if let Some((kind, rx)) = &self.dialog
            && let Ok(choice) = rx.try_recv()
        {
            let kind = match kind {
                Dialog::Open => Dialog::Open,
                Dialog::SaveAs => Dialog::SaveAs,
                Dialog::Export => Dialog::Export,
            };
            self.dialog = None;
            if let Some(path) = choice {
                match kind {
                    Dialog::Open => self.open_file(&path),
                    Dialog::SaveAs => self.save_as(&path),
                    Dialog::Export => self.export_w3c(&path),
                }
            }
        }
        self.handle_events();
    }

    /// Handles what the worker has reported so far, without waiting.
    fn handle_events(&mut self) {
        let events: Vec<Event> = match &self.worker {
            Some(w) => w.rx.try_iter().collect(),
            None => return,
        };
        for event in events {
            self.handle(event);
        }
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

    /// How an annotation stands against the current text.
    pub fn anchor_status(&self, id: &AnnotationId) -> AnchorStatus {
        self.status_of
            .get(id)
            .copied()
            .unwrap_or(AnchorStatus::Anchored)
    }

    /// The annotation file in use.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// Highlights for one article, in character offsets. Orphans have no place to paint.
    pub fn highlights(&self, article: &str) -> Vec<Highlight> {
        self.set
            .items()
            .iter()
            .filter(|a| a.article == article && self.anchor_status(&a.id) != AnchorStatus::Orphan)
            .map(|a| Highlight {
                start: a.position.start,
                end: a.position.end,
                color: tag_color(&a.tag),
                tooltip: if a.note.is_empty() {
                    a.tag.clone()
                } else {
                    format!("{}: {}", a.tag, a.note)
                },
            })
            .collect()
    }

    /// Opens the editor for a selection (reader's `a` key, Annotate button or context menu).
    /// `text` is the selected text; the quote's context comes from the article itself. An
    /// existing annotation on exactly this span is edited instead of duplicated.
    pub fn begin(&mut self, article: &str, start: usize, end: usize, text: &str) {
        if let Some(existing) = self
            .set
            .items()
            .iter()
            .find(|a| a.article == article && a.position == Position { start, end })
        {
            let id = existing.id.clone();
            self.edit(id);
            return;
        }
        self.editor = Some(Editor {
            target: EditTarget::New {
                article: article.to_owned(),
                start,
                end,
            },
            quote: text.to_owned(),
            tag: String::new(),
            note: String::new(),
            focus: true,
        });
    }

    /// Opens the editor on an existing annotation.
    pub fn edit(&mut self, id: AnnotationId) {
        if let Some(a) = self.set.get(&id) {
            self.editor = Some(Editor {
                target: EditTarget::Existing(id),
                quote: a.quote.exact.clone(),
                tag: a.tag.clone(),
                note: a.note.clone(),
                focus: true,
            });
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

    fn commit_editor(&mut self) {
        let Some(editor) = self.editor.take() else {
            return;
        };
        match editor.target {
            EditTarget::New {
                article,
                start,
                end,
            } => {
                let mut a = match self.articles.get(&article) {
                    Some(found) => {
                        Annotation::new(&article, &found.text, start, end, &editor.tag, "")
                    }
                    None => {
                        // The article is not in the corpus map: keep what the reader showed.
                        let text = editor.quote.clone();
                        let mut a =
                            Annotation::new(&article, &text, 0, usize::MAX, &editor.tag, "");
                        a.position = Position { start, end };
                        a
                    }
                };
                editor.note.clone_into(&mut a.note);
                self.author.clone_into(&mut a.author);
                self.status_of.insert(a.id.clone(), AnchorStatus::Anchored);
                self.set.add(a);
            }
            EditTarget::Existing(id) => {
                if !self.set.edit(id, &editor.tag, &editor.note) {
                    return;
                }
            }
        }
        self.request_save();
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

    /// Saves to `path` from now on ("Save annotations as…" without the dialog).
    pub fn save_as(&mut self, path: &Path) {
        if let Some(w) = &self.worker {
            let _ =
                w.tx.send(Request::SaveAs(path.to_owned(), self.set.items().to_vec()));
        }
    }

    /// Switches to another annotation file ("Open annotations…" without the dialog); pending
    /// changes are saved to the current file first.
    pub fn open_file(&mut self, path: &Path) {
        if let Some(w) = &self.worker {
            self.loaded = false;
            self.set = Annotations::default();
            self.editor = None;
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

    fn start_dialog(&mut self, ctx: &Context, kind: Dialog) {
        if self.dialog.is_some() {
            return;
        }
        let dir = self
            .file
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf);
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.clone();
        let (title, name, save) = match kind {
            Dialog::Open => ("Open annotations", "", false),
            Dialog::SaveAs => ("Save annotations as", store::FILE_NAME, true),
            Dialog::Export => ("Export W3C JSON-LD", "annotations.jsonld", true),
        };
        let spawned = std::thread::Builder::new()
            .name("annotations dialog".to_owned())
            .spawn(move || {
                let mut dialog = rfd::AsyncFileDialog::new()
                    .set_title(title)
                    .add_filter("JSON", &["json", "jsonld"]);
                if let Some(dir) = dir {
                    dialog = dialog.set_directory(dir);
                }
                let picked = if save {
                    pollster::block_on(dialog.set_file_name(name).save_file())
                } else {
                    pollster::block_on(dialog.pick_file())
                };
                let _ = tx.send(picked.map(|h| h.path().to_path_buf()));
                ctx.request_repaint();
            });
        match spawned {
            Ok(_) => self.dialog = Some((kind, rx)),
            Err(e) => self.problem = Some(format!("Cannot open a file dialog: {e}")),
        }
    }

    /// The annotations panel: this article or the whole corpus, filterable by tag.
    pub fn panel_ui(
        &mut self,
        ui: &mut Ui,
        current_article: Option<&str>,
    ) -> Option<AnnotationsAction> {
        let mut action = None;
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().warn_fg_color, problem);
        }
        for note in &self.notes {
            ui.label(RichText::new(note).weak());
        }
        if !self.loaded {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Reading annotations…");
            });
            return None;
        }
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.whole_corpus, false, "This article");
            ui.selectable_value(&mut self.whole_corpus, true, "Whole corpus");
        });
        let tags = self.known_tags();
        egui::ComboBox::from_label("Filter by tag")
            .selected_text(self.tag_filter.as_deref().unwrap_or("All tags"))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.tag_filter, None, "All tags");
                for t in &tags {
                    ui.selectable_value(&mut self.tag_filter, Some(t.clone()), t);
                }
            });
        let mut shown: Vec<&Annotation> = self
            .set
            .items()
            .iter()
            .filter(|a| self.whole_corpus || Some(a.article.as_str()) == current_article)
            .filter(|a| self.tag_filter.as_ref().is_none_or(|t| &a.tag == t))
            .collect();
        shown.sort_by(|a, b| (&a.article, a.position.start).cmp(&(&b.article, b.position.start)));
        let (orphans, placed): (Vec<&Annotation>, Vec<&Annotation>) = shown
            .into_iter()
            .partition(|a| self.anchor_status(&a.id) == AnchorStatus::Orphan);
        ui.label(format!(
            "{}{}",
            count(placed.len() + orphans.len()),
            if orphans.is_empty() {
                String::new()
            } else {
                format!(", {} orphaned", orphans.len())
            }
        ));
        if !self.whole_corpus && current_article.is_none() {
            ui.label(RichText::new("Open an article, or show the whole corpus.").weak());
        }
        let mut edit = None;
        let mut delete = None;
        egui::ScrollArea::vertical()
            .id_salt("annotations_list")
            .max_height(ui.available_height() - 60.0)
            .show(ui, |ui| {
                if !orphans.is_empty() {
                    ui.separator();
                    ui.label(
                        RichText::new(format!(
                            "Orphaned ({}): the passage is no longer in the text",
                            orphans.len()
                        ))
                        .color(ui.visuals().warn_fg_color),
                    );
                }
                for a in orphans.iter().chain(placed.iter()) {
                    ui.separator();
                    let status = self.anchor_status(&a.id);
                    ui.horizontal_wrapped(|ui| {
                        let chip =
                            RichText::new(if a.tag.is_empty() { "untagged" } else { &a.tag })
                                .background_color(tag_color(&a.tag).gamma_multiply(0.6))
                                .color(Color32::BLACK);
                        ui.label(chip);
                        match status {
                            AnchorStatus::Orphan => {
                                ui.label(RichText::new("orphan").color(ui.visuals().warn_fg_color));
                            }
                            AnchorStatus::Moved { from, .. } => {
                                ui.label(RichText::new("moved").weak())
                                    .on_hover_text(format!(
                                        "Found again after the text changed (was at {}–{})",
                                        from.start, from.end
                                    ));
                            }
                            AnchorStatus::Anchored => {}
                        }
                        if self.whole_corpus {
                            let title = self
                                .articles
                                .get(&a.article)
                                .map_or(a.article.as_str(), |found| found.title.as_str());
                            ui.label(RichText::new(short(title, 40)).weak());
                        }
                    });
                    let quote = format!("“{}”", short(&a.quote.exact, 160));
                    if ui
                        .link(quote)
                        .on_hover_text("Show this passage in the reader")
                        .clicked()
                    {
                        action = Some(AnnotationsAction::OpenPassage {
                            article: a.article.clone(),
                            start: a.position.start,
                            end: a.position.end,
                        });
                    }
                    if !a.note.is_empty() {
                        ui.label(&a.note);
                    }
                    ui.horizontal(|ui| {
                        if ui.small_button("Edit").clicked() {
                            edit = Some(a.id.clone());
                        }
                        if ui.small_button("Delete").clicked() {
                            delete = Some(a.id.clone());
                        }
                    });
                }
            });
        if let Some(id) = edit {
            self.edit(id);
        }
        if let Some(id) = delete {
            self.delete(id);
        }
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            let ctx = ui.ctx().clone();
            if ui.button("Open annotations…").clicked() {
                self.start_dialog(&ctx, Dialog::Open);
            }
            if ui.button("Save annotations as…").clicked() {
                self.start_dialog(&ctx, Dialog::SaveAs);
            }
            if ui.button("Export W3C JSON-LD…").clicked() {
                self.start_dialog(&ctx, Dialog::Export);
            }
        });
        if let Some(file) = &self.file {
            ui.label(RichText::new(file.display().to_string()).small().weak());
        }
        action
    }

    /// The editor window, when one is open. Enter saves (Shift+Enter: new line in the note), Esc
    /// cancels.
    pub fn editor_ui(&mut self, ctx: &Context) {
        if self.editor.is_none() {
            return;
        }
        let (enter, escape) = ctx.input_mut(|i| {
            let enter = !i.modifiers.shift && i.consume_key(Modifiers::NONE, Key::Enter);
            (enter, i.consume_key(Modifiers::NONE, Key::Escape))
        });
        if escape {
            self.editor = None;
            return;
        }
        if enter {
            self.commit_editor();
            return;
        }
        let tags = self.known_tags();
        let mut save = false;
        let mut cancel = false;
        let mut delete = None;
        let Some(editor) = self.editor.as_mut() else {
            return;
        };
        let title = match editor.target {
            EditTarget::New { .. } => "New annotation",
            EditTarget::Existing(_) => "Edit annotation",
        };
        egui::Window::new(title)
            .id(egui::Id::unique("annotation_editor"))
            .collapsible(false)
            .resizable(false)
            .default_width(380.0)
            .show(ctx, |ui| {
                ui.label(RichText::new(format!("“{}”", short(&editor.quote, 300))).italics());
                ui.add_space(4.0);
                let tag_label = ui.label("Tag");
                let tag = ui.add(
                    egui::TextEdit::singleline(&mut editor.tag)
                        .id(egui::Id::unique("annotation_tag"))
                        .hint_text("amount, victim, … or a new tag")
                        .desired_width(f32::INFINITY),
                );
                let tag = tag.labelled_by(tag_label.id);
                if editor.focus {
                    tag.request_focus();
                    editor.focus = false;
                }
                ui.horizontal_wrapped(|ui| {
                    for t in &tags {
                        let chip = RichText::new(t.as_str())
                            .background_color(tag_color(t).gamma_multiply(0.45));
                        if ui
                            .selectable_label(editor.tag == *t, chip)
                            .on_hover_text(format!("Tag as {t}"))
                            .clicked()
                        {
                            editor.tag.clone_from(t);
                        }
                    }
                });
                let note_label = ui.label("Note");
                ui.add(
                    egui::TextEdit::multiline(&mut editor.note)
                        .id(egui::Id::unique("annotation_note"))
                        .hint_text("Why this passage matters (Shift+Enter: new line)")
                        .desired_rows(3)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(note_label.id);
                ui.horizontal(|ui| {
                    save = ui.button("Save").on_hover_text("Enter").clicked();
                    cancel = ui.button("Cancel").on_hover_text("Esc").clicked();
                    if let EditTarget::Existing(id) = &editor.target
                        && ui.button("Delete annotation").clicked()
                    {
                        delete = Some(id.clone());
                    }
                });
            });
        if save {
            self.commit_editor();
        } else if cancel {
            self.editor = None;
        } else if let Some(id) = delete {
            self.editor = None;
            self.delete(id);
        }
    }

    /// True while the editor has the keyboard: the app must not treat keys as shortcuts then.
    pub fn wants_keyboard(&self) -> bool {
        self.editor.is_some()
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
    /// window closing, never during a frame.
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

impl Drop for AnnotationsUi {
    fn drop(&mut self) {
        self.flush();
    }
}

/// "1 annotation", "2 annotations".
fn count(n: usize) -> String {
    if n == 1 {
        "1 annotation".to_owned()
    } else {
        format!("{n} annotations")
    }
}

/// At most `max` characters, on one line, with "…" when cut.
fn short(s: &str, max: usize) -> String {
    let one_line = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= max {
        one_line
    } else {
        let mut cut: String = one_line.chars().take(max).collect();
        cut.push('…');
        cut
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_colours_are_stable_distinct_for_defaults_and_case_insensitive() {
        let defaults: Vec<Color32> = DEFAULT_TAGS.iter().map(|t| tag_color(t)).collect();
        for (i, a) in defaults.iter().enumerate() {
            for b in &defaults[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(tag_color("Lazarus link"), tag_color("lazarus link "));
        assert_eq!(tag_color("Amount"), defaults[0]);
    }

    #[test]
    fn short_cuts_long_quotes_on_one_line() {
        assert_eq!(short("a\n b", 10), "a b");
        assert_eq!(short("€€€€€", 3), "€€€…");
    }
}
