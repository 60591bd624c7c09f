//! The "To review" panel: the review queue of the core ([`crate::decisions::review`]), where the
//! machine is least sure. An entry opens its passage with the decision form on it; deciding
//! replays the corpus, which recomputes the queue without the entry.

use std::sync::Arc;

use eframe::egui::{self, Ui};

use crate::analysis::Analysis;
use crate::decisions::review::{self, Entry};
use crate::ui::commands::Command;
use crate::ui::decision_form::amount_at;
use crate::workbench::Loaded;

/// The queue of the analysis on screen: the one the worker made with it, else (a corpus built
/// in place) computed once per analysis.
#[derive(Default)]
pub struct ReviewPanel {
    cache: Option<(Arc<Analysis>, Arc<Vec<Entry>>)>,
}

impl ReviewPanel {
    /// The entries for `loaded` (recomputed when the analysis changed).
    pub fn entries(&mut self, loaded: &Loaded) -> Arc<Vec<Entry>> {
        if let Some(made) = &loaded.review {
            return made.clone();
        }
        if let Some((analysis, entries)) = &self.cache
            && Arc::ptr_eq(analysis, &loaded.analysis)
        {
            return entries.clone();
        }
        let a = &loaded.analysis;
        let entries = Arc::new(review::queue(
            &a.extraction.amounts,
            &a.incidents,
            &loaded.decisions,
        ));
        // The previous analysis may be the last reference to a large corpus: freed off the UI
        // thread.
        crate::workbench::jobs::drop_off_thread(
            self.cache
                .replace((loaded.analysis.clone(), entries.clone())),
        );
        entries
    }
}

/// What the list names an entry by: why it is there and what.
pub fn entry_label(loaded: &Loaded, e: &Entry) -> String {
    let incidents = &loaded.analysis.incidents;
    let what = match (&e.reason, e.incident.and_then(|i| incidents.get(i))) {
        (review::Reason::CountedTwice { other }, Some(inc)) => format!(
            "{} and {}",
            crate::ui::timeline::incident_label(inc),
            incidents
                .get(*other)
                .map(crate::ui::timeline::incident_label)
                .unwrap_or_default()
        ),
        (_, Some(inc)) => crate::ui::timeline::incident_label(inc),
        (_, None) => amount_at(loaded, &e.article, e.start)
            .map(|a| format!("{} in {}", a.text, a.article))
            .unwrap_or_else(|| e.article.clone()),
    };
    format!("{}: {what}", e.why())
}

/// Draws the queue; an entry clicked opens its passage and the decision form.
pub fn review_panel_ui(ui: &mut Ui, panel: &mut ReviewPanel, loaded: &Loaded) -> Vec<Command> {
    let mut out = Vec::new();
    let entries = panel.entries(loaded);
    ui.strong(format!("{} to review", entries.len()));
    ui.weak(
        "Incidents that may be one theft counted twice, thefts with no victim or date, and the \
         figures whose kind the model is least sure of.",
    );
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("review_list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for e in entries.iter() {
                let label = entry_label(loaded, e);
                if ui
                    .selectable_label(false, label)
                    .on_hover_text("Open the passage with the decision form")
                    .clicked()
                {
                    out.push(Command::ShowPassage {
                        article: e.article.clone(),
                        start: e.start,
                        end: e.end,
                    });
                    out.push(match e.incident {
                        Some(i) => Command::DecideIncident(i),
                        None => Command::DecideFigure {
                            article: e.article.clone(),
                            start: e.start,
                        },
                    });
                }
            }
        });
    out
}
