//! The autosave worker thread: reads and re-anchors the file, then saves the snapshots it is
//! sent after the debounce, retrying failed saves.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Instant;

use crate::annotations::model::AnnotationId;
use chrono::{DateTime, Local};

use super::{DEBOUNCE, MAX_DELAY, RETRY, WakeFn};
use crate::analysis::Analysis;
use crate::annotations::store::{self, Store};
use crate::annotations::{AnchorStatus, Annotation, reanchor};

pub(super) enum Request {
    Save(Vec<Annotation>),
    SaveAs(PathBuf, Vec<Annotation>),
    Open(PathBuf),
    Export(PathBuf, Vec<u8>),
    /// Write what is pending now; the sender (if any) hears when it is done.
    Flush(Option<Sender<()>>),
}

pub(super) enum Event {
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
pub(super) type Pending = (Vec<Annotation>, Instant, Instant);

/// The corpus's articles (shared with the app when it passes an `Arc`) and, once the worker has
/// built it, an index by id.
#[derive(Clone, Default)]
pub(super) struct Articles {
    pub(super) analysis: Arc<Analysis>,
    pub(super) by_id: Arc<HashMap<String, usize>>,
}

impl Articles {
    pub(super) fn get(&self, id: &str) -> Option<&crate::corpus::Article> {
        let articles = &self.analysis.corpus.articles;
        if self.by_id.is_empty() {
            articles.iter().find(|a| a.id == id)
        } else {
            self.by_id.get(id).and_then(|&i| articles.get(i))
        }
    }

    pub(super) fn indexed(&self) -> Self {
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
pub(super) type Reanchored = (Vec<Annotation>, Vec<(AnnotationId, AnchorStatus)>);

pub(super) struct Worker {
    pub(super) tx: Sender<Request>,
    pub(super) rx: Receiver<Event>,
    pub(super) thread: JoinHandle<()>,
}

/// Which file a worker reads: a given one, or the default for the corpus's folders (deciding
/// whether a root is a folder touches the disk, so the worker does it).
pub(super) enum Location {
    File(PathBuf),
    DefaultFor(Vec<PathBuf>),
}

/// The worker loop: open, re-anchor, report; then save snapshots as they come.
pub(super) fn run_worker(
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

pub(super) fn reanchor_all(
    items: &mut [Annotation],
    texts: &Articles,
) -> Vec<(AnnotationId, AnchorStatus)> {
    items
        .iter_mut()
        .map(|a| {
            let text = texts.get(&a.article).map(|a| a.text.as_str());
            (a.id.clone(), reanchor(a, text))
        })
        .collect()
}
