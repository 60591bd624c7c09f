//! The workbench application: persisted session [`State`], runtime state, the panel layout, and
//! [`DossierApp::apply`], the one place where commands change anything.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use eframe::egui::{self, Context, ViewportCommand};
use serde::{Deserialize, Serialize};

use crate::export;
use crate::ui::annotations::{AnnotationsAction, AnnotationsUi};
use crate::ui::article_list::{self, ListInput};
use crate::ui::chart_export::{self, Exports};
use crate::ui::clipboard::Clipboard;
use crate::ui::commands::{Command, DialogKind, EntityFilter, SortBy};
use crate::ui::reader::{self, Reader, ReaderInput};
use crate::ui::search_bar;
use crate::ui::settings::{self, Settings};
use crate::ui::shortcuts;
use crate::ui::sidebar::{self, Sidebar};
use crate::ui::status_bar::{self, StatusInput};
use crate::ui::timeline::{self, TimelineInput, TimelineOptions};
use crate::ui::view::View;
use crate::ui::worker::{self, CorpusSource, Loaded, Loading, Outcome, SearchResult, Task};

/// At most this many recent corpora are remembered.
pub const MAX_RECENT: usize = 10;

/// The tab of the right-hand panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RightTab {
    #[default]
    Entities,
    Annotations,
}

/// The session, saved on exit and restored on the next start (issue 6). Window geometry and panel
/// sizes are persisted by eframe and egui themselves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The corpus that was open.
    pub corpus: CorpusSource,
    /// Recently opened corpora, newest first (at most [`MAX_RECENT`]).
    pub recent: Vec<Vec<PathBuf>>,
    /// Id of the article in the reader.
    pub article: Option<String>,
    /// Reader scroll offset, in points.
    pub reader_offset: f32,
    pub entity_filter: Option<EntityFilter>,
    pub search: String,
    pub sort: SortBy,
    pub timeline: TimelineOptions,
    pub show_timeline: bool,
    pub right_tab: RightTab,
    pub settings: Settings,
}

impl Default for State {
    fn default() -> Self {
        Self {
            corpus: CorpusSource::Sample,
            recent: Vec::new(),
            article: None,
            reader_offset: 0.0,
            entity_filter: None,
            search: String::new(),
            sort: SortBy::Date,
            timeline: TimelineOptions::default(),
            show_timeline: true,
            right_tab: RightTab::Entities,
            settings: Settings::default(),
        }
    }
}

/// How the app starts: what to open, where copies go, which session to restore.
pub struct Startup {
    /// Paths given on the command line; empty means "the last corpus, or the sample".
    pub paths: Vec<PathBuf>,
    /// `None`: copy through egui (plain text only).
    pub clipboard: Option<Box<dyn Clipboard>>,
    /// The session to restore; `None`: read it from eframe's storage, if any.
    pub state: Option<State>,
    /// Where the sample corpus's annotations are kept; `None`: `$XDG_DATA_HOME` (or
    /// `~/.local/share`). Tests point it at a temporary folder.
    pub data_home: Option<PathBuf>,
}

impl Startup {
    pub fn new(paths: Vec<PathBuf>) -> Self {
        Self {
            paths,
            clipboard: None,
            state: None,
            data_home: None,
        }
    }

    pub fn with_clipboard(mut self, clipboard: Box<dyn Clipboard>) -> Self {
        self.clipboard = Some(clipboard);
        self
    }

    pub fn with_state(mut self, state: State) -> Self {
        self.state = Some(state);
        self
    }

    pub fn with_data_home(mut self, dir: PathBuf) -> Self {
        self.data_home = Some(dir);
        self
    }
}

/// Copies through egui's own clipboard support: plain text only (the HTML is dropped).
struct EguiClipboard {
    ctx: Context,
}

impl Clipboard for EguiClipboard {
    fn set_text(&mut self, text: &str) {
        self.ctx.copy_text(text.to_owned());
    }

    fn set_html(&mut self, _html: &str, alt_text: &str) {
        self.ctx.copy_text(alt_text.to_owned());
    }
}

/// Longest UI frames, printed on exit when `DOSSIER_FRAME_LOG=1`.
#[derive(Default)]
struct FrameLog {
    frames: u64,
    max: Duration,
    loading_frames: u64,
    max_loading: Duration,
}

impl Drop for FrameLog {
    fn drop(&mut self) {
        eprintln!(
            "dossier: frame log: {} frames, longest App::ui {:.1} ms; while loading: {} frames, longest {:.1} ms",
            self.frames,
            self.max.as_secs_f64() * 1e3,
            self.loading_frames,
            self.max_loading.as_secs_f64() * 1e3
        );
    }
}

pub struct DossierApp {
    state: State,
    loaded: Loaded,
    view: View,
    selected: Option<usize>,
    selected_incident: Option<usize>,
    loading: Option<Loading>,
    /// The session's article, filters and scroll position are re-applied after the next load.
    restore_pending: bool,
    search_task: Option<Task<SearchResult>>,
    search: Option<SearchResult>,
    dialog: Option<Task<Option<Vec<PathBuf>>>>,
    reader: Reader,
    sidebar: Sidebar,
    annotations: AnnotationsUi,
    /// Chart saves and report exports being written.
    exports: Exports,
    clipboard: Box<dyn Clipboard>,
    /// A short message in the status bar and when it disappears.
    note: Option<(String, f64)>,
    show_errors: bool,
    show_settings: bool,
    show_shortcuts: bool,
    pending: Vec<Command>,
    focus_search: bool,
    reveal_selected: bool,
    title: String,
    author_sent: Option<String>,
    frame_log: Option<FrameLog>,
}

impl DossierApp {
    pub fn new(cc: &eframe::CreationContext<'_>, startup: Startup) -> Self {
        let ctx = cc.egui_ctx.clone();
        let state = startup
            .state
            .or_else(|| {
                cc.storage
                    .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            })
            .unwrap_or_default();
        // Ctrl +/- size the reader's text, not the whole interface.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        state.settings.apply(&ctx);
        let clipboard = startup
            .clipboard
            .unwrap_or_else(|| Box::new(EguiClipboard { ctx: ctx.clone() }));
        let (source, restore) = if startup.paths.is_empty() {
            (state.corpus.clone(), true)
        } else {
            (CorpusSource::Paths(startup.paths), false)
        };
        let frame_log = std::env::var("DOSSIER_FRAME_LOG")
            .is_ok_and(|v| v == "1")
            .then(FrameLog::default);
        let mut app = Self {
            state,
            loaded: Loaded::default(),
            view: View::default(),
            selected: None,
            selected_incident: None,
            loading: None,
            restore_pending: restore,
            search_task: None,
            search: None,
            dialog: None,
            reader: Reader::default(),
            sidebar: Sidebar::default(),
            annotations: AnnotationsUi::default(),
            exports: Exports::default(),
            clipboard,
            note: None,
            show_errors: false,
            show_settings: false,
            show_shortcuts: false,
            pending: Vec::new(),
            focus_search: false,
            reveal_selected: false,
            title: String::new(),
            author_sent: None,
            frame_log,
        };
        if let Some(dir) = startup.data_home {
            app.annotations.set_data_home(dir);
        }
        app.start_load(&ctx, source);
        app
    }

    /// Queues a command for the next frame (what the widgets do; tests may too).
    pub fn send(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// True when no background work (load, search, dialog) is running.
    pub fn is_idle(&self) -> bool {
        self.loading.is_none()
            && self.search_task.is_none()
            && self.dialog.is_none()
            && self.pending.is_empty()
            && !self.exports.is_busy()
    }

    /// The session as it would be saved now.
    pub fn save_state(&self) -> State {
        let mut state = self.state.clone();
        state.article = self.selected_article().map(|a| a.id.clone());
        state.reader_offset = self.reader.offset;
        state
    }

    /// The corpus on screen.
    pub fn loaded(&self) -> &Loaded {
        &self.loaded
    }

    /// Article indices in the list, in display order.
    pub fn visible_articles(&self) -> &[usize] {
        &self.view.rows
    }

    pub fn selected_article(&self) -> Option<&crate::corpus::Article> {
        self.selected
            .and_then(|i| self.loaded.analysis.corpus.articles.get(i))
    }

    fn start_load(&mut self, ctx: &Context, source: CorpusSource) {
        if let Some(old) = self.loading.take() {
            old.cancel();
        }
        self.loading = Some(Loading::start(ctx, source));
    }

    /// Confirms a copy, or says why the clipboard refused it.
    fn copied(&mut self, ctx: &Context, text: impl Into<String>) {
        match self.clipboard.take_error() {
            Some(error) => self.note(ctx, error),
            None => self.note(ctx, text),
        }
    }

    fn note(&mut self, ctx: &Context, text: impl Into<String>) {
        let now = ctx.input(|i| i.time);
        self.note = Some((text.into(), now + 6.0));
        ctx.request_repaint_after(Duration::from_secs(6));
    }

    // ---------------------------------------------------------------------------------------
    // Background work

    fn poll_background(&mut self, ctx: &Context) {
        if let Some(outcome) = self.loading.as_mut().and_then(Loading::poll) {
            let source = self.loading.take().map(|l| l.source).unwrap_or_default();
            match outcome {
                Outcome::Done(loaded) => self.corpus_loaded(ctx, loaded),
                Outcome::Missing(paths) => {
                    self.state.recent.retain(|r| r != &paths);
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
                        self.start_load(ctx, CorpusSource::Sample);
                    }
                }
                Outcome::Cancelled => {
                    self.restore_pending = false;
                    self.note(ctx, format!("Loading {} cancelled", source.label()));
                }
            }
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
                    worker::drop_off_thread(self.search.replace(result));
                    self.refresh_view(ctx);
                }
                // A newer query was typed meanwhile: search again.
                Ok(stale) => {
                    worker::drop_off_thread(stale);
                    self.start_search(ctx);
                }
                Err(()) => self.note(ctx, "The search stopped unexpectedly"),
            }
        }
        if let Some(picked) = self.dialog.as_ref().and_then(Task::poll) {
            self.dialog = None;
            if let Ok(Some(paths)) = picked {
                self.pending.push(Command::OpenPaths(paths));
            }
        }
    }

    fn corpus_loaded(&mut self, ctx: &Context, loaded: Loaded) {
        if let CorpusSource::Paths(paths) = &loaded.source {
            self.state.recent.retain(|r| r != paths);
            self.state.recent.insert(0, paths.clone());
            self.state.recent.truncate(MAX_RECENT);
        }
        self.state.corpus = loaded.source.clone();
        if !self.restore_pending {
            self.state.entity_filter = None;
            self.state.search.clear();
            self.state.article = None;
            self.state.reader_offset = 0.0;
        }
        let opened = Instant::now();
        self.annotations
            .corpus_opened_shared(ctx, std::sync::Arc::clone(&loaded.analysis));
        if self.frame_log.is_some() {
            eprintln!(
                "dossier: annotations.corpus_opened took {:.1} ms",
                opened.elapsed().as_secs_f64() * 1e3
            );
        }
        worker::drop_off_thread(std::mem::replace(&mut self.loaded, loaded));
        self.sidebar.corpus_changed();
        self.selected = None;
        self.selected_incident = None;
        worker::drop_off_thread(self.search.take());
        // A search still running was over the previous corpus: its article indices are stale.
        self.search_task = None;
        self.reader = Reader::default();
        // A restored filter whose entity is gone would hide everything.
        if let Some(f) = &self.state.entity_filter
            && self
                .loaded
                .index
                .entities_matching(&self.loaded.analysis, f)
                .is_empty()
        {
            self.state.entity_filter = None;
        }
        if !self.state.search.trim().is_empty() {
            self.start_search(ctx);
        }
        self.view = self.compute_view();
        let wanted = self
            .state
            .article
            .as_ref()
            .and_then(|id| self.loaded.index.by_id.get(id).copied());
        match wanted {
            Some(i) => {
                self.select_article(i);
                if self.restore_pending {
                    self.reader.restore_offset(self.state.reader_offset);
                }
            }
            None => {
                if let Some(&first) = self.view.rows.first() {
                    self.select_article(first);
                }
            }
        }
        self.restore_pending = false;
        self.reveal_selected = true;
        let errors = self.loaded.analysis.corpus.errors.len();
        if errors > 0 {
            self.note(
                ctx,
                format!(
                    "{errors} file{} could not be loaded",
                    if errors == 1 { "" } else { "s" }
                ),
            );
        }
    }

    fn start_search(&mut self, ctx: &Context) {
        let query = self.state.search.clone();
        if query.trim().is_empty() {
            worker::drop_off_thread(self.search.take());
            self.refresh_view(ctx);
            return;
        }
        if self.search_task.is_some() {
            // The running search is checked against the query when it ends.
            return;
        }
        let analysis = self.loaded.analysis.clone();
        self.search_task = Task::spawn(ctx, "dossier-search", move || {
            worker::search(&analysis, &query)
        });
    }

    fn compute_view(&self) -> View {
        View::compute(
            &self.loaded,
            self.state.entity_filter.as_ref(),
            self.search.as_ref(),
            self.state.sort,
        )
    }

    /// Recomputes the visible rows; keeps the selection if it is still visible, else selects
    /// the first row; flashes the first highlighted passage of the article.
    fn refresh_view(&mut self, ctx: &Context) {
        self.view = self.compute_view();
        let still_visible = self.selected.is_some_and(|s| self.view.rows.contains(&s));
        if !still_visible && let Some(&first) = self.view.rows.first() {
            self.select_article(first);
        }
        self.reveal_selected = true;
        let Some(article) = self.selected else {
            return;
        };
        let now = ctx.input(|i| i.time);
        if let Some(&(s, e)) = self
            .search
            .as_ref()
            .and_then(|r| r.hits.get(&article))
            .and_then(|h| h.first())
        {
            self.reader.hit_cursor = Some(0);
            self.reader.show_passage(now, s, e);
        } else if let Some(span) = self.loaded.index.mentions.get(article).and_then(|m| {
            m.iter()
                .find(|s| self.view.filter_entities.contains(&s.entity))
        }) {
            self.reader.show_passage(now, span.start, span.end);
        }
    }

    fn select_article(&mut self, index: usize) {
        if self.selected == Some(index) {
            return;
        }
        self.selected = Some(index);
        self.state.article = self
            .loaded
            .analysis
            .corpus
            .articles
            .get(index)
            .map(|a| a.id.clone());
        self.reader.article_changed();
    }

    // ---------------------------------------------------------------------------------------
    // Commands

    /// Applies one command: the only place where user actions change the app.
    pub fn apply(&mut self, ctx: &Context, command: Command) {
        let now = ctx.input(|i| i.time);
        match command {
            Command::OpenPaths(paths) => {
                self.restore_pending = false;
                self.start_load(ctx, CorpusSource::Paths(paths));
            }
            Command::OpenSample => {
                self.restore_pending = false;
                self.start_load(ctx, CorpusSource::Sample);
            }
            Command::OpenDialog(kind) => {
                if self.dialog.is_none() {
                    self.dialog =
                        Task::spawn(ctx, "dossier-dialog", move || worker::pick_paths(kind));
                }
            }
            Command::CancelLoad => {
                if let Some(l) = &self.loading {
                    l.cancel();
                }
            }
            Command::SelectArticle(i) => self.select_article(i),
            Command::StepArticle(delta) => {
                let rows = &self.view.rows;
                if rows.is_empty() {
                    return;
                }
                let at = self
                    .selected
                    .and_then(|s| rows.iter().position(|&r| r == s));
                let next = match at {
                    Some(p) => (p as i64 + delta as i64).clamp(0, rows.len() as i64 - 1) as usize,
                    None => 0,
                };
                let index = rows[next];
                self.select_article(index);
                self.reveal_selected = true;
            }
            Command::FilterEntity(filter) => {
                self.state.entity_filter = Some(filter);
                self.refresh_view(ctx);
            }
            Command::ClearFilters => {
                self.state.entity_filter = None;
                self.state.search.clear();
                worker::drop_off_thread(self.search.take());
                self.refresh_view(ctx);
            }
            Command::ClearEntityFilter => {
                self.state.entity_filter = None;
                self.refresh_view(ctx);
            }
            Command::SelectIncident(i) => {
                self.selected_incident = Some(i);
                let first = self
                    .loaded
                    .analysis
                    .incidents
                    .get(i)
                    .and_then(|inc| inc.sources.first())
                    .map(|s| s.mention.clone());
                if let Some(m) = first {
                    self.apply(
                        ctx,
                        Command::ShowPassage {
                            article: m.article,
                            start: m.start,
                            end: m.end,
                        },
                    );
                }
            }
            Command::Search(text) => {
                self.state.search = text;
                self.start_search(ctx);
            }
            Command::NextHit => self.next_hit(now),
            Command::ShowPassage {
                article,
                start,
                end,
            } => {
                let Some(&index) = self.loaded.index.by_id.get(&article) else {
                    self.note(ctx, format!("Article {article} is not in this corpus"));
                    return;
                };
                self.select_article(index);
                self.reveal_selected = true;
                self.reader.show_passage(now, start, end);
            }
            Command::Annotate => {
                let selection = self.current_selection();
                match selection {
                    Some((id, start, end, text)) => self.annotations.begin(&id, start, end, &text),
                    None => self.note(ctx, "Select a passage in the reader to annotate it"),
                }
            }
            Command::CopyPassage => {
                let Some(sel) = self.reader.last_selection.clone() else {
                    return;
                };
                if let Some(article) = self.loaded.analysis.corpus.articles.get(sel.article) {
                    let text = export::passage_citation(article, sel.start, sel.end);
                    self.clipboard.set_text(&text);
                    self.copied(ctx, "Copied the passage with its citation");
                }
            }
            Command::CopyFigure(i) => self.copy_figure(ctx, i),
            Command::CopyIncidentsTable => {
                let incidents: Vec<_> = timeline::in_period(
                    &self.loaded.analysis.incidents,
                    &self.view.incidents,
                    &self.state.timeline.period,
                )
                .iter()
                .filter_map(|&i| self.loaded.analysis.incidents.get(i).cloned())
                .collect();
                let (tsv, html) = export::incidents_table(&incidents);
                self.clipboard.set_html(&html, &tsv);
                self.copied(
                    ctx,
                    format!("Copied {} incidents as a table", incidents.len()),
                );
            }
            command @ (Command::CopyChart | Command::SaveChart(_) | Command::ExportReport(_)) => {
                let input = chart_export::ExportInput {
                    loaded: &self.loaded,
                    view: &self.view,
                    timeline: &self.state.timeline,
                    entity_filter: self.state.entity_filter.as_ref(),
                    search: &self.state.search,
                    selected_incident: self.selected_incident,
                    annotations: self.annotations.annotations(),
                };
                let note = self
                    .exports
                    .apply(ctx, command, &input, self.clipboard.as_mut());
                if let Some(note) = note {
                    self.copied(ctx, note);
                }
            }
            Command::CopyEntitiesTable => {
                let entities = self.sidebar.visible_entities(&self.loaded.analysis);
                let (tsv, html) = export::entities_table(&entities);
                self.clipboard.set_html(&html, &tsv);
                self.copied(
                    ctx,
                    format!("Copied {} entities as a table", entities.len()),
                );
            }
            Command::SetSort(sort) => {
                self.state.sort = sort;
                self.refresh_view(ctx);
            }
            Command::ZoomReader(delta) => self.state.settings.zoom(delta),
            Command::Undo => self.annotations.undo(),
            Command::Redo => self.annotations.redo(),
        }
    }

    /// (article id, start, end, text) of the reader's last selection in the open article.
    fn current_selection(&self) -> Option<(String, usize, usize, String)> {
        let sel = self.reader.last_selection.as_ref()?;
        if Some(sel.article) != self.selected {
            return None;
        }
        let article = self.loaded.analysis.corpus.articles.get(sel.article)?;
        let text = crate::text::slice_chars(&article.text, sel.start, sel.end).to_owned();
        Some((article.id.clone(), sel.start, sel.end, text))
    }

    fn next_hit(&mut self, now: f64) {
        let Some(search) = &self.search else { return };
        let current = self.selected;
        let here = current.and_then(|a| search.hits.get(&a));
        let next_here = match (here, self.reader.hit_cursor) {
            (Some(h), Some(c)) if c + 1 < h.len() => Some(c + 1),
            (Some(h), None) if !h.is_empty() => Some(0),
            _ => None,
        };
        if let (Some(n), Some(h)) = (next_here, here) {
            let (s, e) = h[n];
            self.reader.hit_cursor = Some(n);
            self.reader.show_passage(now, s, e);
            return;
        }
        // On to the next article with hits, wrapping around.
        let rows = &self.view.rows;
        if rows.is_empty() {
            return;
        }
        let at = current
            .and_then(|c| rows.iter().position(|&r| r == c))
            .unwrap_or(0);
        for step in 1..=rows.len() {
            let candidate = rows[(at + step) % rows.len()];
            if let Some(&(s, e)) = search.hits.get(&candidate).and_then(|h| h.first()) {
                self.select_article(candidate);
                self.reader.hit_cursor = Some(0);
                self.reader.show_passage(now, s, e);
                self.reveal_selected = true;
                return;
            }
        }
    }

    fn copy_figure(&mut self, ctx: &Context, incident: usize) {
        let analysis = self.loaded.analysis.clone();
        let Some(inc) = analysis.incidents.get(incident) else {
            return;
        };
        let Some(source) = inc.sources.first() else {
            return;
        };
        let m = &source.mention;
        let amount = analysis
            .extraction
            .amounts
            .iter()
            .find(|a| a.article == m.article && a.start == m.start && a.end == m.end);
        let article = self
            .loaded
            .index
            .by_id
            .get(&m.article)
            .and_then(|&i| analysis.corpus.articles.get(i));
        match (amount, article) {
            (Some(amount), Some(article)) => {
                let text = export::figure_citation(amount, article);
                self.clipboard.set_text(&text);
                self.copied(ctx, "Copied the figure with its citation");
            }
            _ => self.note(ctx, "The source of this figure is not in the corpus"),
        }
    }

    // ---------------------------------------------------------------------------------------
    // Drawing

    fn menu_ui(&mut self, ui: &mut egui::Ui) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open folder…").clicked() {
                    self.pending.push(Command::OpenDialog(DialogKind::Folder));
                }
                if ui.button("Open files…").clicked() {
                    self.pending.push(Command::OpenDialog(DialogKind::Files));
                }
                ui.menu_button("Recent corpora", |ui| {
                    if self.state.recent.is_empty() {
                        ui.weak("None yet");
                    }
                    for paths in self.state.recent.clone() {
                        let label = CorpusSource::Paths(paths.clone()).label();
                        let full = paths
                            .iter()
                            .map(|p| p.display().to_string())
                            .collect::<Vec<_>>()
                            .join("\n");
                        if ui.button(label).on_hover_text(full).clicked() {
                            self.pending.push(Command::OpenPaths(paths));
                        }
                    }
                    if !self.state.recent.is_empty() {
                        ui.separator();
                        if ui.button("Clear the list").clicked() {
                            self.state.recent.clear();
                        }
                    }
                });
                if ui.button("Open the sample corpus").clicked() {
                    self.pending.push(Command::OpenSample);
                }
                ui.separator();
                if ui.button("Export report…").clicked() {
                    self.pending.push(Command::ExportReport(None));
                }
                if ui.button("Save chart…").clicked() {
                    self.pending.push(Command::SaveChart(None));
                }
                ui.separator();
                if ui.button("Settings…").clicked() {
                    self.show_settings = true;
                }
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(ViewportCommand::Close);
                }
            });
            ui.menu_button("View", |ui| {
                ui.checkbox(&mut self.state.show_timeline, "Timeline");
                ui.checkbox(&mut self.state.timeline.log_scale, "Log scale (timeline)");
                if ui.button("Larger text (Ctrl +)").clicked() {
                    self.pending.push(Command::ZoomReader(1.0));
                }
                if ui.button("Smaller text (Ctrl −)").clicked() {
                    self.pending.push(Command::ZoomReader(-1.0));
                }
            });
            ui.menu_button("Help", |ui| {
                if ui.button("Keyboard shortcuts (?)").clicked() {
                    self.show_shortcuts = true;
                }
            });
        });
    }

    fn search_summary(&self) -> Option<String> {
        if self.search_task.is_some() {
            return Some("searching…".to_owned());
        }
        let s = self.search.as_ref()?;
        let hits = s.total;
        Some(format!(
            "{hits} hit{} in {} article{}",
            if hits == 1 { "" } else { "s" },
            s.hits.len(),
            if s.hits.len() == 1 { "" } else { "s" }
        ))
    }

    fn empty_state_ui(&mut self, ui: &mut egui::Ui) {
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() / 4.0);
            if let Some(loading) = &self.loading {
                ui.heading(format!("Opening {}…", loading.source.label()));
                let (fraction, text) = loading.progress();
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .desired_width(360.0)
                        .text(text),
                );
                return;
            }
            let errors = self.loaded.analysis.corpus.errors.len();
            if errors > 0 {
                ui.heading(format!(
                    "No article could be read from {}",
                    self.loaded.source.label()
                ));
                ui.label(format!(
                    "{errors} file{} failed: the button in the status bar lists them.",
                    if errors == 1 { "" } else { "s" }
                ));
                ui.add_space(8.0);
            } else {
                ui.heading("No corpus open");
            }
            ui.label(
                "Dossier reads news articles (plain text, Markdown, HTML, CSV, JSON lines) from a \
                 folder or from files. Open a folder or files, drop them on this window, or start \
                 with the two sample articles.",
            );
            ui.add_space(8.0);
            if ui.button("Open folder…").clicked() {
                self.pending.push(Command::OpenDialog(DialogKind::Folder));
            }
            if ui.button("Open files… (Ctrl+O)").clicked() {
                self.pending.push(Command::OpenDialog(DialogKind::Files));
            }
            if ui.button("Open the sample corpus").clicked() {
                self.pending.push(Command::OpenSample);
            }
        });
    }

    fn right_panel_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.state.right_tab, RightTab::Entities, "Entities");
            ui.selectable_value(
                &mut self.state.right_tab,
                RightTab::Annotations,
                "Annotations",
            );
        });
        ui.separator();
        match self.state.right_tab {
            RightTab::Entities => {
                let cmds = sidebar::sidebar_ui(
                    ui,
                    &mut self.sidebar,
                    &self.loaded,
                    self.state.entity_filter.as_ref(),
                );
                self.pending.extend(cmds);
            }
            RightTab::Annotations => {
                let current = self.selected_article().map(|a| a.id.clone());
                if let Some(AnnotationsAction::OpenPassage {
                    article,
                    start,
                    end,
                }) = self.annotations.panel_ui(ui, current.as_deref())
                {
                    self.pending.push(Command::ShowPassage {
                        article,
                        start,
                        end,
                    });
                }
            }
        }
    }

    fn dropped_files(&mut self, ctx: &Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.pending.push(Command::OpenPaths(dropped));
        }
        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if hovering {
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop_overlay"),
            ));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Drop files or folders to open them as the corpus",
                egui::FontId::proportional(22.0),
                egui::Color32::WHITE,
            );
        }
    }

    /// Copies are confirmed by a small toast in the corner, besides the status-bar note.
    fn toast_ui(&self, ctx: &Context) {
        let Some((text, _)) = &self.note else { return };
        if !text.starts_with("Copied") {
            return;
        }
        egui::Area::new(egui::Id::unique("copy_toast"))
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -40.0))
            .order(egui::Order::Tooltip)
            .interactable(false)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.label(text.as_str());
                });
            });
    }

    fn update_title(&mut self, ctx: &Context) {
        let title = if self.loaded.analysis.corpus.articles.is_empty() && self.loading.is_none() {
            "Dossier".to_owned()
        } else {
            format!(
                "Dossier — {} ({} articles)",
                self.loaded.source.label(),
                self.loaded.analysis.corpus.articles.len()
            )
        };
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

impl eframe::App for DossierApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let started = Instant::now();
        let ctx = ui.ctx().clone();
        let was_loading = self.loading.is_some();
        self.poll_background(&ctx);
        let polled = started.elapsed();
        let corpus_arrived = was_loading && self.loading.is_none();
        self.annotations.poll(&ctx);
        if let Some(note) = self.exports.poll() {
            self.note(&ctx, note);
        }
        // Every frame, not only at start: whoever runs the app (eframe restoring egui's memory, a
        // test harness) may set the theme after the app was created.
        self.state.settings.apply(&ctx);
        let author = &self.state.settings.author;
        if self.author_sent.as_ref() != Some(author) {
            self.annotations.set_author(author);
            self.author_sent = Some(author.clone());
        }
        self.dropped_files(&ctx);
        let keys =
            shortcuts::read_keys(&ctx, reader::reader_id(), self.annotations.wants_keyboard());
        self.pending.extend(keys.commands);
        self.focus_search |= keys.focus_search;
        if keys.toggle_sheet {
            self.show_shortcuts = !self.show_shortcuts;
        }

        let (mut t_timeline, mut t_list, mut t_sidebar) =
            (Duration::ZERO, Duration::ZERO, Duration::ZERO);
        let t_top = started.elapsed();
        egui::Panel::top("menu_and_search").show(ui, |ui| {
            self.menu_ui(ui);
            let summary = self.search_summary();
            let cmds = search_bar::search_bar_ui(
                ui,
                &mut self.state.search,
                std::mem::take(&mut self.focus_search),
                summary.as_deref(),
                self.state.entity_filter.as_ref(),
            );
            self.pending.extend(cmds);
        });
        let t_status = started.elapsed();
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            let note = self.note.as_ref().map(|(n, _)| n.as_str());
            let (cmds, open_errors) = status_bar::status_bar_ui(
                ui,
                StatusInput {
                    loaded: &self.loaded,
                    loading: self.loading.as_ref(),
                    searching: self.search_task.is_some(),
                    annotations: self.annotations.status(),
                    note,
                },
            );
            self.pending.extend(cmds);
            self.show_errors |= open_errors;
        });
        let has_corpus = !self.loaded.analysis.corpus.articles.is_empty();
        if has_corpus && self.state.show_timeline {
            t_timeline = started.elapsed();
            egui::Panel::bottom("timeline")
                .resizable(true)
                .default_size(280.0)
                .min_size(120.0)
                .show(ui, |ui| {
                    let cmds = timeline::timeline_ui(
                        ui,
                        &mut self.state.timeline,
                        TimelineInput {
                            loaded: &self.loaded,
                            incidents: &self.view.incidents,
                            selected: self.selected_incident,
                        },
                    );
                    self.pending.extend(cmds);
                });
        }
        if has_corpus {
            t_list = started.elapsed();
            egui::Panel::left("article_list")
                .resizable(true)
                .default_size(340.0)
                .min_size(200.0)
                .show(ui, |ui| {
                    let cmds = article_list::article_list_ui(
                        ui,
                        ListInput {
                            loaded: &self.loaded,
                            view: &self.view,
                            selected: self.selected,
                            search: self.search.as_ref(),
                            annotations: &self.annotations,
                            sort: self.state.sort,
                            reveal_selected: std::mem::take(&mut self.reveal_selected),
                        },
                    );
                    self.pending.extend(cmds);
                });
            t_sidebar = started.elapsed();
            egui::Panel::right("entity_sidebar")
                .resizable(true)
                .default_size(300.0)
                .min_size(180.0)
                .show(ui, |ui| self.right_panel_ui(ui));
        }
        let t_reader = started.elapsed();
        egui::CentralPanel::default().show(ui, |ui| {
            if !has_corpus {
                self.empty_state_ui(ui);
                return;
            }
            let Some(article) = self.selected else {
                ui.centered_and_justified(|ui| {
                    ui.weak("Select an article in the list.");
                });
                return;
            };
            let id = self.loaded.analysis.corpus.articles[article].id.clone();
            let highlights = self.annotations.highlights(&id);
            let hits = self
                .search
                .as_ref()
                .and_then(|s| s.hits.get(&article))
                .map(Vec::as_slice)
                .unwrap_or(&[]);
            let cmds = reader::reader_ui(
                ui,
                &mut self.reader,
                ReaderInput {
                    loaded: &self.loaded,
                    article,
                    hits,
                    highlights: &highlights,
                    filter_entities: &self.view.filter_entities,
                    font_size: self.state.settings.reader_font_size,
                },
            );
            self.pending.extend(cmds);
        });

        let t_windows = started.elapsed();
        if self.show_errors {
            status_bar::errors_window_ui(
                &ctx,
                &mut self.show_errors,
                &self.loaded.analysis.corpus.errors,
            );
        }
        self.toast_ui(&ctx);
        if self.show_settings {
            settings::settings_ui(&ctx, &mut self.show_settings, &mut self.state.settings);
        }
        if self.show_shortcuts {
            shortcuts::sheet_ui(&ctx, &mut self.show_shortcuts);
        }
        self.annotations.editor_ui(&ctx);

        let commands = std::mem::take(&mut self.pending);
        if !commands.is_empty() {
            ctx.request_repaint();
        }
        for command in commands {
            self.apply(&ctx, command);
        }
        if let Some((_, until)) = &self.note
            && ctx.input(|i| i.time) > *until
        {
            self.note = None;
        }
        self.update_title(&ctx);
        if let Some(log) = &mut self.frame_log {
            let took = started.elapsed();
            if took > Duration::from_millis(30) {
                eprintln!(
                    "dossier: slow frame {}: {:.1} ms ({:.1} ms taking background results{}); panels \
                     start at ms: top {:.1}, status {:.1}, timeline {:.1}, list {:.1}, sidebar {:.1}, \
                     reader {:.1}, windows {:.1}",
                    log.frames,
                    took.as_secs_f64() * 1e3,
                    polled.as_secs_f64() * 1e3,
                    if corpus_arrived {
                        "; a corpus arrived"
                    } else {
                        ""
                    },
                    t_top.as_secs_f64() * 1e3,
                    t_status.as_secs_f64() * 1e3,
                    t_timeline.as_secs_f64() * 1e3,
                    t_list.as_secs_f64() * 1e3,
                    t_sidebar.as_secs_f64() * 1e3,
                    t_reader.as_secs_f64() * 1e3,
                    t_windows.as_secs_f64() * 1e3,
                );
            }
            if log.frames == 0 {
                eprintln!(
                    "dossier: first frame drawn {:.0} ms after launch",
                    super::since_launch().as_secs_f64() * 1e3
                );
            }
            if corpus_arrived {
                eprintln!(
                    "dossier: corpus of {} articles shown {:.0} ms after launch",
                    self.loaded.analysis.corpus.articles.len(),
                    super::since_launch().as_secs_f64() * 1e3
                );
            }
            log.frames += 1;
            log.max = log.max.max(took);
            if self.loading.is_some() {
                log.loading_frames += 1;
                log.max_loading = log.max_loading.max(took);
            }
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.save_state());
        // Called every 30 s on the UI thread: ask for the write, do not wait for the disk.
        self.annotations.request_flush();
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // The window is closing: wait (bounded) until pending annotations are on disk.
        self.annotations.flush();
        // Dropping the log prints it.
        self.frame_log.take();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips_through_ron_like_serde() {
        let state = State {
            corpus: CorpusSource::Paths(vec![PathBuf::from("/tmp/corpus")]),
            article: Some("004_b52b360fd082bb0b".to_owned()),
            reader_offset: 120.0,
            search: "Bangladesh".to_owned(),
            ..State::default()
        };
        let json = serde_json::to_string(&state).unwrap();
        let back: State = serde_json::from_str(&json).unwrap();
        assert_eq!(back, state);
        // Fields added later must not make an old session unreadable.
        let old: State = serde_json::from_str(r#"{"search":"x"}"#).unwrap();
        assert_eq!(old.search, "x");
        assert!(old.show_timeline);
    }
}
