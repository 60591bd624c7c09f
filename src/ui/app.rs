//! The workbench window: [`DossierApp`] holds the runtime state around the saved [`State`], lays
//! the panels out, and applies the [`Command`]s they return in one place ([`DossierApp::apply`]).
//! Background work, file dialogs, copying, overlays, frame timing and what headless drivers
//! (tests) call are in the child modules.

mod background;
mod copying;
mod deciding;
mod dialogs;
mod frame_timing;
mod headless;
mod overlays;
mod right_panel;
mod selection;
mod watchlist;

use std::time::Duration;

use eframe::egui::{self, Context, ViewportCommand};

use crate::cache::{self, ResultCache};
use crate::ui::annotations::AnnotationsUi;
use crate::ui::article_list::{self, ListInput};
use crate::ui::chart_export::{self, ExportInput, Exports};
use crate::ui::clipboard::{Clipboard, EguiClipboard};
use crate::ui::commands::{Command, DialogKind};
use crate::ui::empty_state;
use crate::ui::file_dialog::{Chosen, Target};
use crate::ui::menu;
use crate::ui::open_path::OpenPathField;
use crate::ui::reader::{self, Reader, ReaderInput};
use crate::ui::search_bar;
use crate::ui::settings;
use crate::ui::shortcuts;
use crate::ui::sidebar::Sidebar;
use crate::ui::status_bar::{self, Note, StatusInput};
use crate::ui::timeline::{self, TimelineInput};
use crate::workbench::jobs::{Task, drop_off_thread};
use crate::workbench::navigation;
use crate::workbench::search::SearchResult;
use crate::workbench::{CorpusSource, Loaded, Loading, View, Wake, links};
use frame_timing::{FrameLog, FrameTimer};

/// A search index ready for the window, and why it could not be kept in the cache, if so.
type IndexBuilt = (std::sync::Arc<crate::query::SearchIndex>, Option<String>);

pub use crate::ui::state::{RightTab, Startup, State};
pub use crate::workbench::session::MAX_RECENT;

/// What the window shows, for a copy or an export: borrowed field by field, so that the app's
/// clipboard and exports stay free to change.
macro_rules! export_input {
    ($app:expr) => {
        ExportInput {
            loaded: &$app.loaded,
            view: &$app.view,
            timeline: &$app.state.timeline,
            entity_filter: $app.state.entity_filter.as_ref(),
            search: &$app.state.search,
            selected_incident: $app.selected_incident,
            annotations: $app.annotations.session().annotations(),
            links: crate::ui::links::moved_of(&$app.state.link_positions, &$app.loaded.source),
        }
    };
}

// After the macro, which it uses.
mod links_view;

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
    /// The search index of the loaded corpus, once built; and its build.
    search_index: Option<std::sync::Arc<crate::query::SearchIndex>>,
    /// The search index being built or reopened, and what went wrong keeping it.
    index_task: Option<Task<Result<IndexBuilt, String>>>,
    /// The watchlist window and the count of its names.
    watchlist: Option<crate::ui::watchlist::WatchlistView>,
    watchlist_task: Option<Task<Result<Vec<crate::query::WatchRow>, String>>>,
    /// The native file dialog being shown, and what it asks a path for.
    dialog: Option<(Target, Task<Chosen>)>,
    /// Why no file dialog can open, when the starter said so (tests); else it is found out.
    dialog_missing: Option<String>,
    /// The in-window path field, when open.
    open_path: Option<OpenPathField>,
    reader: Reader,
    sidebar: Sidebar,
    annotations: AnnotationsUi,
    /// Chart saves and report exports being written.
    exports: Exports,
    clipboard: Box<dyn Clipboard>,
    /// A short message in the status bar and when it disappears.
    note: Option<(Note, f64)>,
    show_errors: bool,
    show_settings: bool,
    show_shortcuts: bool,
    pending: Vec<Command>,
    /// The commands the last frame applied, in order: what headless drivers check reached
    /// [`Self::apply`].
    applied: Vec<Command>,
    focus_search: bool,
    reveal_selected: bool,
    title: String,
    author_sent: Option<String>,
    frame_log: Option<FrameLog>,
    /// How long the last `App::ui` call took (read by the frame-time benchmark).
    last_frame: Duration,
    /// Background jobs wake the window through this (a repaint; tests wait on its count).
    wake: Wake,
    /// Where loads keep and find their results (none without a home folder).
    cache: Option<ResultCache>,
    /// "Clear cache" running on its worker.
    clearing: Option<Task<Result<cache::Usage, String>>>,
    /// The analyst's decisions: form, history, panels (issue 26).
    deciding: deciding::Deciding,
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
            .unwrap_or_else(|| Box::new(EguiClipboard::new(ctx.clone())));
        let (source, restore) = if startup.paths.is_empty() {
            (state.corpus.clone(), true)
        } else {
            (CorpusSource::Paths(startup.paths), false)
        };
        let repaint = ctx.clone();
        let wake = Wake::new(move || repaint.request_repaint());
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
            search_index: None,
            index_task: None,
            watchlist: None,
            watchlist_task: None,
            dialog: None,
            dialog_missing: startup.no_file_dialog,
            open_path: None,
            reader: Reader::default(),
            sidebar: Sidebar::default(),
            annotations: AnnotationsUi::new(&wake),
            exports: Exports::default(),
            clipboard,
            note: None,
            show_errors: false,
            show_settings: false,
            show_shortcuts: false,
            pending: Vec::new(),
            applied: Vec::new(),
            focus_search: false,
            reveal_selected: false,
            title: String::new(),
            author_sent: None,
            frame_log: FrameLog::from_env(),
            last_frame: Duration::ZERO,
            wake,
            cache: startup.cache.or_else(ResultCache::from_env),
            clearing: None,
            deciding: Default::default(),
        };
        if let Some(dir) = startup.data_home {
            app.annotations.session_mut().set_data_home(dir);
        }
        app.start_load(source);
        app
    }

    fn note(&mut self, ctx: &Context, note: impl Into<Note>) {
        let now = ctx.input(|i| i.time);
        self.note = Some((note.into(), now + 6.0));
        ctx.request_repaint_after(Duration::from_secs(6));
    }

    // ---------------------------------------------------------------------------------------
    // Commands

    /// Applies one command: the only place where user actions change the app. Every variant has
    /// its arm here (no catch-all), so a new one cannot be dropped silently.
    pub fn apply(&mut self, ctx: &Context, command: Command) {
        let now = ctx.input(|i| i.time);
        self.applied.push(command.clone());
        match command {
            Command::OpenPaths(paths) => {
                self.restore_pending = false;
                self.start_load(CorpusSource::Paths(paths));
            }
            Command::OpenSample => {
                self.restore_pending = false;
                self.start_load(CorpusSource::Sample);
            }
            Command::ClearCache => self.start_clearing_cache(ctx),
            Command::OpenDialog(kind) => self.ask_path(Target::Corpus(kind)),
            Command::OpenPathField => {
                let target = Target::Corpus(DialogKind::Folder);
                let dir = self.dialog_dir(target);
                self.open_path = Some(OpenPathField::new(target, dir.as_deref()));
            }
            Command::ClosePathField => self.open_path = None,
            Command::CancelLoad => {
                if let Some(l) = &self.loading {
                    l.cancel();
                }
            }
            Command::SelectArticle(i) => self.select_article(i),
            Command::StepArticle(delta) => {
                if let Some(index) = navigation::step_article(&self.view.rows, self.selected, delta)
                {
                    self.select_article(index);
                    self.reveal_selected = true;
                }
            }
            Command::FilterEntity(filter) => {
                self.state.entity_filter = Some(filter);
                self.refresh_view(ctx);
            }
            Command::ClearFilters => {
                self.state.entity_filter = None;
                self.state.search.clear();
                drop_off_thread(self.search.take());
                self.refresh_view(ctx);
            }
            Command::ClearEntityFilter => {
                self.state.entity_filter = None;
                self.refresh_view(ctx);
            }
            Command::SelectIncident(i) => {
                self.selected_incident = Some(i);
                if let Some(m) = links::incident_passage(&self.loaded, i).cloned() {
                    self.apply(
                        ctx,
                        Command::ShowPassage {
                            article: m.article.to_string(),
                            start: m.start as usize,
                            end: m.end as usize,
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
            Command::CopyPassage => self.copy_passage(ctx),
            Command::CopyFigure(i) => self.copy_figure(ctx, i),
            Command::CopyIncidentsTable => self.copy_incidents_table(ctx),
            Command::CopyEntitiesTable => self.copy_entities_table(ctx),
            Command::CopyChart => {
                let input = export_input!(self);
                let note = chart_export::copy_chart(&input, ctx, self.clipboard.as_mut());
                self.copied(ctx, note);
            }
            Command::SaveChart(None) => self.ask_path(Target::Chart),
            Command::SaveChart(Some(path)) => {
                let input = export_input!(self);
                if let Some(note) = self.exports.save_chart(ctx, &self.wake, &input, path) {
                    self.note(ctx, note);
                }
            }
            Command::ExportReport(None) => self.ask_path(Target::Report),
            Command::ExportReport(Some(path)) => {
                let input = export_input!(self);
                if let Some(note) = self.exports.export_report(&self.wake, &input, path) {
                    self.note(ctx, note);
                }
            }
            Command::ExportStix(None) => self.ask_path(Target::Stix),
            Command::ExportStix(Some(path)) => {
                let input = export_input!(self);
                if let Some(note) = self.exports.export_stix(&self.wake, &input, path) {
                    self.note(ctx, note);
                }
            }
            Command::SetSort(sort) => {
                self.state.sort = sort;
                self.refresh_view(ctx);
            }
            Command::ZoomReader(delta) => self.state.settings.zoom(delta),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::EditAnnotation(id) => self.annotations.edit(id),
            Command::CreateAnnotation {
                article,
                start,
                end,
                quote,
                tag,
                note,
            } => {
                self.annotation_edit(|s| {
                    s.create(&article, (start, end), &quote, &tag, &note);
                });
            }
            Command::UpdateAnnotation { id, tag, note } => {
                self.annotation_edit(|s| s.edit(id, &tag, &note));
            }
            Command::DeleteAnnotation(id) => self.annotation_edit(|s| s.delete(id)),
            Command::AnnotationFile(action, None) => self.ask_path(Target::Annotations(action)),
            Command::AnnotationFile(action, Some(path)) => {
                self.annotations.file_chosen(action, &path);
            }
            Command::DecideFigure { article, start } => {
                self.open_figure_form(ctx, &article, start);
            }
            Command::DecideIncident(i) => self.open_incident_form(ctx, i),
            Command::DecideName(name) => {
                self.deciding.form = Some(crate::ui::decision_form::DecisionForm::name(&name));
            }
            Command::DecideSelection => self.decide_selection(ctx),
            Command::CloseDecisionForm => self.deciding.form = None,
            Command::Decide { change, note } => self.decide(change, note),
            Command::DeleteDecision(id) => self.take_back(ctx, &id),
            Command::ShowDecision(id) => self.show_decision(ctx, &id),
            Command::SetSettings(settings) => self.state.settings = settings,
            Command::SetTimeline(options) => self.state.timeline = options,
            Command::ShowTimeline(shown) => self.state.show_timeline = shown,
            Command::SetRightTab(tab) => self.state.right_tab = tab,
            Command::ClearRecent => self.state.recent.clear(),
            Command::Links(command) => self.apply_links(ctx, command),
            Command::ShowSettings(shown) => self.show_settings = shown,
            Command::ShowErrors(shown) => self.show_errors = shown,
            Command::ToggleShortcutSheet => self.show_shortcuts = !self.show_shortcuts,
            Command::FocusSearch => self.focus_search = true,
            Command::Quit => ctx.send_viewport_cmd(ViewportCommand::Close),
            watch @ (Command::SearchWatchlist(_)
            | Command::CopyWatchlist
            | Command::CloseWatchlist) => self.watchlist_command(ctx, watch),
        }
    }

    // ---------------------------------------------------------------------------------------
    // Layout

    fn search_summary(&self) -> Option<String> {
        if self.search_task.is_some() {
            return Some("searching…".to_owned());
        }
        self.search.as_ref().map(SearchResult::summary)
    }
}

impl eframe::App for DossierApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let mut timer = FrameTimer::start();
        let ctx = ui.ctx().clone();
        let was_loading = self.loading.is_some();
        self.poll_background(&ctx);
        self.poll_decisions(&ctx);
        timer.mark("results taken");
        let corpus_arrived = was_loading && self.loading.is_none();
        self.annotations.poll();
        if let Some(note) = self.exports.poll() {
            self.note(&ctx, note);
        }
        // Every frame, not only at start: whoever runs the app (eframe restoring egui's memory, a
        // test harness) may set the theme after the app was created.
        self.state.settings.apply(&ctx);
        let author = &self.state.settings.author;
        if self.author_sent.as_ref() != Some(author) {
            self.annotations.session_mut().set_author(author);
            self.author_sent = Some(author.clone());
        }
        self.dropped_files(&ctx);
        let keys = shortcuts::read_keys(&ctx, reader::reader_id(), self.wants_keyboard());
        self.pending.extend(keys);

        timer.mark("top");
        egui::Panel::top("menu_and_search").show(ui, |ui| {
            let cmds = menu::menu_ui(ui, &self.state);
            self.pending.extend(cmds);
            let summary = self.search_summary();
            let cmds = search_bar::search_bar_ui(
                ui,
                &self.state.search,
                std::mem::take(&mut self.focus_search),
                summary.as_deref(),
                self.search.as_ref().and_then(|s| s.error.as_deref()),
                self.state.entity_filter.as_ref(),
            );
            self.pending.extend(cmds);
        });
        timer.mark("status");
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            let to_review = self.deciding.review.entries(&self.loaded).len();
            let note = self.note.as_ref().map(|(n, _)| n.text.as_str());
            let cmds = status_bar::status_bar_ui(
                ui,
                StatusInput {
                    loaded: &self.loaded,
                    loading: self.loading.as_ref(),
                    searching: self.search_task.is_some(),
                    annotations: self.annotations.session().status(),
                    note,
                    to_review,
                },
            );
            self.pending.extend(cmds);
        });
        let has_corpus = !self.loaded.analysis.corpus.articles.is_empty();
        if has_corpus && self.state.show_timeline {
            timer.mark("timeline");
            egui::Panel::bottom("timeline")
                .resizable(true)
                .default_size(280.0)
                .min_size(120.0)
                .show(ui, |ui| {
                    if self.bottom_tabs_ui(ui) {
                        return;
                    }
                    let cmds = timeline::timeline_ui(
                        ui,
                        &self.state.timeline,
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
            timer.mark("list");
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
            timer.mark("sidebar");
            egui::Panel::right("entity_sidebar")
                .resizable(true)
                .default_size(300.0)
                .min_size(180.0)
                .show(ui, |ui| self.right_panel_ui(ui));
        }
        timer.mark("reader");
        egui::CentralPanel::default().show(ui, |ui| {
            if !has_corpus {
                let cmds = empty_state::empty_state_ui(ui, self.loading.as_ref(), &self.loaded);
                self.pending.extend(cmds);
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
            let hits = self.search.as_ref().map(|s| s.hits_in(article));
            let hits = hits.as_deref().unwrap_or(&[]);
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

        timer.mark("windows");
        if self.show_errors {
            let cmds = status_bar::errors_window_ui(&ctx, &self.loaded.analysis.corpus.errors);
            self.pending.extend(cmds);
        }
        self.toast_ui(&ctx);
        if self.show_settings {
            let cmds = settings::settings_ui(&ctx, &self.state.settings);
            self.pending.extend(cmds);
        }
        if self.show_shortcuts {
            let cmds = shortcuts::sheet_ui(&ctx);
            self.pending.extend(cmds);
        }
        if let Some(view) = &self.watchlist {
            let cmds = crate::ui::watchlist::watchlist_ui(&ctx, view);
            self.pending.extend(cmds);
        }
        if let Some(field) = &mut self.open_path {
            let cmds = field.ui(&ctx, &self.wake);
            self.pending.extend(cmds);
        }
        let cmds = self.annotations.editor_ui(&ctx);
        self.pending.extend(cmds);
        if let Some(form) = &mut self.deciding.form {
            let cmds = form.ui(&ctx, &self.loaded);
            self.pending.extend(cmds);
        }

        let commands = std::mem::take(&mut self.pending);
        self.applied.clear();
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
        self.last_frame = timer.elapsed();
        if let Some(log) = &mut self.frame_log {
            let arrived = corpus_arrived.then(|| self.loaded.analysis.corpus.articles.len());
            log.frame_done(&timer, arrived, self.loading.is_some());
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.save_state());
        // Called every 30 s on the UI thread: ask for the write, do not wait for the disk.
        self.annotations.session().request_flush();
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // The window is closing: wait (bounded) until pending annotations are on disk.
        self.annotations.session_mut().flush();
        // Dropping the log prints it.
        self.frame_log.take();
    }
}
