//! The app's background work: starting a load or a search, taking their results once per frame,
//! and applying the session rules when a corpus arrives.

use std::sync::Arc;
use std::time::Instant;

use eframe::egui::Context;

use super::DossierApp;
use crate::query::SearchIndex;
use crate::ui::file_dialog::Target;
use crate::ui::format;
use crate::ui::reader::Reader;
use crate::workbench::jobs::{Task, drop_off_thread};
use crate::workbench::search;
use crate::workbench::session::{self, Place};
use crate::workbench::{CorpusSource, Loaded, Loading, Outcome};

/// The search index's folder inside the result cache's folder of a corpus.
const INDEX_DIR: &str = "search-index";

impl DossierApp {
    pub(super) fn start_load(&mut self, source: CorpusSource) {
        if let Some(old) = self.loading.take() {
            old.cancel();
        }
        self.loading = Some(Loading::start(&self.wake, source, self.cache.clone()));
    }

    /// Clears the result cache on a worker (a large cache is thousands of files).
    pub(super) fn start_clearing_cache(&mut self, ctx: &Context) {
        let Some(cache) = self.cache.clone() else {
            self.note(
                ctx,
                "No result cache: neither HOME nor XDG_CACHE_HOME is set",
            );
            return;
        };
        if self.clearing.is_none() {
            self.clearing = Task::spawn(
                &self.wake,
                "dossier-clear-cache",
                "clearing the result cache",
                move || cache.clear(),
            );
        }
    }

    pub(super) fn poll_background(&mut self, ctx: &Context) {
        if let Some(outcome) = self.loading.as_mut().and_then(Loading::poll) {
            let source = self.loading.take().map(|l| l.source).unwrap_or_default();
            match outcome {
                Outcome::Done(loaded) => self.corpus_loaded(ctx, loaded),
                Outcome::Missing(paths) => {
                    session::forget(&mut self.state.recent, &paths);
                    let shown = paths
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ");
                    self.note(
                        ctx,
                        format!("{shown} no longer exists; removed from recent corpora"),
                    );
                    if self.loaded.analysis.corpus.articles.is_empty()
                        && source != CorpusSource::Sample
                    {
                        self.start_load(CorpusSource::Sample);
                    }
                }
                Outcome::Failed(failure) => {
                    self.restore_pending = false;
                    // Whatever broke, the analyst's annotations go to disk first.
                    self.annotations.session().request_flush();
                    self.note(ctx, failure.message());
                }
                Outcome::Cancelled => {
                    self.restore_pending = false;
                    self.note(ctx, format!("Loading {} cancelled", source.label()));
                }
            }
        }
        if let Some(result) = self.clearing.as_ref().and_then(Task::poll) {
            self.clearing = None;
            let note = match (result, &self.cache) {
                (Ok(Ok(usage)), Some(cache)) => format!(
                    "Cleared the result cache: {} ({}) in {}",
                    format::count(usage.entries, "entry"),
                    format::megabytes(usage.bytes),
                    cache.dir().display()
                ),
                (Ok(Err(e)), _) => format!("Result cache not cleared: {e}"),
                (Err(failure), _) => failure.message(),
                (Ok(Ok(_)), None) => "No result cache to clear".to_owned(),
            };
            self.note(ctx, note);
        }
        if let Some(result) = self.search_task.as_ref().and_then(Task::poll) {
            self.search_task = None;
            match result {
                Ok(result) if result.query == self.state.search => {
                    if self.frame_log.is_some() {
                        eprintln!(
                            "dossier: search {:?} over {} articles took {:.1} ms (worker thread)",
                            result.query,
                            self.loaded.analysis.corpus.articles.len(),
                            result.took.as_secs_f64() * 1e3
                        );
                    }
                    drop_off_thread(self.search.replace(result));
                    self.refresh_view(ctx);
                }
                // A newer query was typed meanwhile: search again.
                Ok(stale) => {
                    drop_off_thread(stale);
                    self.start_search(ctx);
                }
                Err(failure) => {
                    self.annotations.session().request_flush();
                    self.note(ctx, failure.message());
                }
            }
        }
        self.poll_index(ctx);
        self.poll_watchlist(ctx);
        if let Some((target, task)) = &self.dialog
            && let Some(chosen) = task.poll()
        {
            let target = *target;
            self.dialog = None;
            match chosen {
                Ok(chosen) => self.dialog_chosen(ctx, target, chosen),
                Err(failure) => self.note(ctx, failure.message()),
            }
        }
    }

    fn corpus_loaded(&mut self, ctx: &Context, loaded: Loaded) {
        if let CorpusSource::Paths(paths) = &loaded.source {
            session::remember(&mut self.state.recent, paths);
        }
        self.state.corpus = loaded.source.clone();
        // An annotation dialog or path field was for the previous corpus's annotations.
        if matches!(self.dialog, Some((Target::Annotations(_), _))) {
            self.dialog = None;
        }
        if self
            .open_path
            .as_ref()
            .is_some_and(|f| matches!(f.target(), Target::Annotations(_)))
        {
            self.open_path = None;
        }
        let opened = Instant::now();
        self.annotations
            .corpus_opened(std::sync::Arc::clone(&loaded.analysis));
        if self.frame_log.is_some() {
            eprintln!(
                "dossier: annotations.corpus_opened took {:.1} ms",
                opened.elapsed().as_secs_f64() * 1e3
            );
        }
        drop_off_thread(std::mem::replace(&mut self.loaded, loaded));
        self.decisions_loaded();
        self.sidebar.corpus_changed();
        self.selected = None;
        self.selected_incident = None;
        drop_off_thread(self.search.take());
        // A search still running was over the previous corpus: its article indices are stale.
        self.search_task = None;
        // A watchlist's counts were of the previous corpus too.
        self.watchlist = None;
        self.watchlist_task = None;
        self.start_index();
        self.reader = Reader::default();
        let restoring = std::mem::take(&mut self.restore_pending);
        let place = self.take_place().carried_into(&self.loaded, restoring);
        self.put_place(&place);
        if !self.state.search.trim().is_empty() {
            self.start_search(ctx);
        }
        self.view = self.compute_view();
        let opening = place.opening(&self.loaded, &self.view.rows, restoring);
        if let Some(i) = opening.article {
            self.select_article(i);
            if let Some(offset) = opening.offset {
                self.reader.restore_offset(offset);
            }
        }
        self.reveal_selected = true;
        let errors = self.loaded.analysis.corpus.errors.len();
        if errors > 0 {
            self.note(
                ctx,
                format!("{} could not be loaded", format::count(errors, "file")),
            );
        }
        if let Some(problem) = self.loaded.cache.problems().first() {
            self.note(ctx, format!("Result cache: {problem}"));
        }
        if let Some(e) = &self.loaded.decisions_error {
            self.note(ctx, format!("Decisions not applied: {e}"));
        } else if !self.loaded.decisions.orphans.is_empty() {
            self.note(
                ctx,
                format!(
                    "{} no longer find{} their figure or name (kept in the decisions file; \
                     `dossier decisions` lists them)",
                    format::count(self.loaded.decisions.orphans.len(), "analyst decision"),
                    if self.loaded.decisions.orphans.len() == 1 {
                        "s"
                    } else {
                        ""
                    }
                ),
            );
        }
    }

    /// The saved place in the corpus, taken out of the session.
    fn take_place(&mut self) -> Place {
        Place {
            article: self.state.article.take(),
            reader_offset: std::mem::take(&mut self.state.reader_offset),
            entity_filter: self.state.entity_filter.take(),
            search: std::mem::take(&mut self.state.search),
        }
    }

    fn put_place(&mut self, place: &Place) {
        self.state.article.clone_from(&place.article);
        self.state.reader_offset = place.reader_offset;
        self.state.entity_filter.clone_from(&place.entity_filter);
        self.state.search.clone_from(&place.search);
    }

    /// Builds the search index on a worker once the corpus is shown; searches scan until then.
    fn start_index(&mut self) {
        drop_off_thread(self.search_index.take());
        let analysis = self.loaded.analysis.clone();
        // Kept with the corpus's results in the result cache, so a reopen does not index again.
        let kept = self
            .cache
            .as_ref()
            .zip(self.loaded.cache.corpus_key)
            .map(|(cache, key)| cache.corpus_dir(key).join(INDEX_DIR));
        self.index_task = Task::spawn(&self.wake, "dossier-index", "indexing", move || {
            let articles = &analysis.corpus.articles;
            let built = match &kept {
                Some(dir) => SearchIndex::kept_in(dir, articles),
                None => SearchIndex::build(articles).map(|index| (index, None)),
            };
            built
                .map(|(index, problem)| (Arc::new(index), problem))
                .map_err(|e| e.to_string())
        });
    }

    fn poll_index(&mut self, ctx: &Context) {
        let Some(result) = self.index_task.as_ref().and_then(Task::poll) else {
            return;
        };
        self.index_task = None;
        match result {
            Ok(Ok((index, problem)))
                if index.len() == self.loaded.analysis.corpus.articles.len() =>
            {
                self.search_index = Some(index);
                if let Some(problem) = problem {
                    self.note(ctx, format!("Search index: {problem}"));
                }
            }
            // Built for a corpus since replaced: the new one's index is on its way.
            Ok(Ok((stale, _))) => drop_off_thread(stale),
            Ok(Err(e)) => self.note(
                ctx,
                format!("Search index not built ({e}); searches scan every article"),
            ),
            Err(failure) => self.note(ctx, failure.message()),
        }
    }

    pub(super) fn start_search(&mut self, ctx: &Context) {
        let query = self.state.search.clone();
        if query.trim().is_empty() {
            drop_off_thread(self.search.take());
            self.refresh_view(ctx);
            return;
        }
        if self.search_task.is_some() {
            // The running search is checked against the query when it ends.
            return;
        }
        let analysis = self.loaded.analysis.clone();
        let fields = self.loaded.fields.clone();
        let index = self.search_index.clone();
        self.search_task = Task::spawn(&self.wake, "dossier-search", "searching", move || {
            search::search(&analysis, &fields, index.as_deref(), &query)
        });
    }
}
