//! The analyst's decisions in the window: the form, taking and taking back a decision, the one
//! undo history of annotations and decisions, and installing the corpus the worker replayed.

use eframe::egui::Context;

use super::DossierApp;
use crate::decisions::history::DecisionHistory;
use crate::decisions::{Change, Decision};
use crate::ui::decision_form::DecisionForm;
use crate::ui::decisions_panel::DecisionsPanel;
use crate::ui::review_panel::ReviewPanel;
use crate::workbench::decided;
use crate::workbench::jobs::{Task, drop_off_thread};
use crate::workbench::{Loaded, links};

/// Which kind of edit a step of the one history was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Edit {
    Annotation,
    Decision,
}

/// Everything the window keeps about decisions.
#[derive(Default)]
pub(super) struct Deciding {
    pub form: Option<DecisionForm>,
    pub history: DecisionHistory,
    /// Saving the decisions and replaying them (a worker thread).
    pub task: Option<Task<Result<Loaded, String>>>,
    /// Decisions changed while a save ran: save again when it ends.
    pub again: bool,
    /// The analyst's edits in the order made, annotations and decisions together.
    pub undo: Vec<Edit>,
    pub redo: Vec<Edit>,
    pub panel: DecisionsPanel,
    pub review: ReviewPanel,
}

impl DossierApp {
    /// A new corpus: its decisions, with no history.
    pub(super) fn decisions_loaded(&mut self) {
        self.deciding.history = DecisionHistory::new(self.loaded.decision_list.to_vec());
        self.deciding.form = None;
        self.deciding.task = None;
        self.deciding.again = false;
        self.deciding.undo.clear();
        self.deciding.redo.clear();
    }

    pub(super) fn open_figure_form(&mut self, ctx: &Context, article: &str, start: usize) {
        match DecisionForm::figure(&self.loaded, article, start, None) {
            Some(form) => self.deciding.form = Some(form),
            None => self.note(ctx, format!("No figure at {start} in article {article}")),
        }
    }

    pub(super) fn open_incident_form(&mut self, ctx: &Context, incident: usize) {
        match DecisionForm::incident(&self.loaded, incident) {
            Some(form) => {
                self.selected_incident = Some(incident);
                self.deciding.form = Some(form);
            }
            None => self.note(ctx, "That incident is no longer listed"),
        }
    }

    /// Single-key shortcuts are left alone while the annotation editor or the form is open.
    pub(super) fn wants_keyboard(&self) -> bool {
        self.annotations.wants_keyboard() || self.deciding.form.is_some()
    }

    /// Key D: the figure or name under the reader's selection, else the selected incident.
    pub(super) fn decide_selection(&mut self, ctx: &Context) {
        if let Some((article, start, end, _)) = self.current_selection() {
            let amounts = &self.loaded.analysis.extraction.amounts;
            let figure = amounts.iter().find(|a| {
                *a.article == *article && (a.start as usize) < end && start < a.end as usize
            });
            if let Some(a) = figure {
                let start = a.start as usize;
                return self.open_figure_form(ctx, &article, start);
            }
            let entity = self.loaded.analysis.extraction.entities.iter().find(|e| {
                e.mentions.iter().any(|m| {
                    *m.article == *article && m.range().start < end && start < m.range().end
                })
            });
            if let Some(e) = entity {
                self.deciding.form = Some(DecisionForm::name(&e.name));
                return;
            }
        }
        match self.selected_incident {
            Some(i) => self.open_incident_form(ctx, i),
            None => self.note(
                ctx,
                "Select a figure or a name in the reader, or an incident, to correct it",
            ),
        }
    }

    /// Takes a decision: recorded in the one history, then saved and replayed off the UI thread.
    pub(super) fn decide(&mut self, change: Change, note: String) {
        let author = self.state.settings.author.clone();
        self.deciding
            .history
            .add(Decision::new(change, &note, &author));
        self.deciding.form = None;
        self.edited(Edit::Decision);
        self.save_decisions();
    }

    pub(super) fn take_back(&mut self, ctx: &Context, id: &str) {
        if self.deciding.history.remove(id) {
            self.edited(Edit::Decision);
            self.save_decisions();
        } else {
            self.note(ctx, "That decision is no longer in the list");
        }
    }

    pub(super) fn show_decision(&mut self, ctx: &Context, id: &str) {
        let decision = self.deciding.history.items().iter().find(|d| d.id == id);
        let Some(anchor) = decision.and_then(|d| d.change.figures().first().copied()) else {
            return;
        };
        let report = &self.loaded.decisions;
        let place = report
            .figures
            .iter()
            .find(|f| f.decisions.iter().any(|d| d == id))
            .map(|f| (f.start, f.end))
            .unwrap_or((anchor.position.start, anchor.position.end));
        let article = anchor.article.clone();
        self.apply(
            ctx,
            crate::ui::commands::Command::ShowPassage {
                article,
                start: place.0,
                end: place.1,
            },
        );
    }

    /// A new edit of `kind` was made: it is the next to undo, and nothing can be redone.
    pub(super) fn edited(&mut self, kind: Edit) {
        self.deciding.undo.push(kind);
        self.deciding.redo.clear();
    }

    /// Runs an annotation change and records it in the one history if it changed anything.
    pub(super) fn annotation_edit(
        &mut self,
        change: impl FnOnce(&mut crate::annotations::autosave::AnnotationSession),
    ) {
        let before = self.annotations.session().undo_depth();
        change(self.annotations.session_mut());
        if self.annotations.session().undo_depth() > before {
            self.edited(Edit::Annotation);
        }
    }

    /// Undoes the last edit, annotation or decision.
    pub(super) fn undo(&mut self) {
        let Some(kind) = self.deciding.undo.pop() else {
            return;
        };
        match kind {
            Edit::Annotation => self.annotations.session_mut().undo(),
            Edit::Decision => {
                if self.deciding.history.undo() {
                    self.save_decisions();
                }
            }
        }
        self.deciding.redo.push(kind);
    }

    pub(super) fn redo(&mut self) {
        let Some(kind) = self.deciding.redo.pop() else {
            return;
        };
        match kind {
            Edit::Annotation => self.annotations.session_mut().redo(),
            Edit::Decision => {
                if self.deciding.history.redo() {
                    self.save_decisions();
                }
            }
        }
        self.deciding.undo.push(kind);
    }

    fn save_decisions(&mut self) {
        if self.deciding.task.is_some() {
            self.deciding.again = true;
            return;
        }
        let loaded = self.loaded.clone();
        let decisions = self.deciding.history.items().to_vec();
        self.deciding.task = Task::spawn(
            &self.wake,
            "dossier-decide",
            "saving the decisions",
            move || decided::save_and_replay(&loaded, &decisions),
        );
    }

    /// Takes the replayed corpus when the worker is done.
    pub(super) fn poll_decisions(&mut self, ctx: &Context) {
        let Some(result) = self.deciding.task.as_ref().and_then(Task::poll) else {
            return;
        };
        self.deciding.task = None;
        match result {
            Ok(Ok(loaded)) => {
                if !std::mem::take(&mut self.deciding.again) {
                    self.deciding
                        .history
                        .replace_items(loaded.decision_list.to_vec());
                }
                self.install_replayed(ctx, loaded);
            }
            Ok(Err(message)) => self.note(ctx, message),
            Err(failure) => self.note(ctx, failure.message()),
        }
        if std::mem::take(&mut self.deciding.again) {
            self.save_decisions();
        }
    }

    /// The same corpus with the decisions replayed: every view shows it; the article, filters
    /// and search stay.
    fn install_replayed(&mut self, ctx: &Context, loaded: Loaded) {
        let keep_incident = self
            .selected_incident
            .and_then(|i| links::incident_passage(&self.loaded, i).cloned());
        drop_off_thread(std::mem::replace(&mut self.loaded, loaded));
        self.sidebar.corpus_changed();
        self.selected_incident = keep_incident.and_then(|m| {
            self.loaded.analysis.incidents.iter().position(|inc| {
                inc.sources
                    .iter()
                    .any(|s| s.mention.article == m.article && s.mention.start == m.start)
            })
        });
        self.view = self.compute_view();
        let left = self.deciding.review.entries(&self.loaded).len();
        self.note(
            ctx,
            format!(
                "Decisions saved to {} ({left} to review)",
                crate::decisions::store::FILE_NAME
            ),
        );
    }
}
