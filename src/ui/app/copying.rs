//! The copy commands: a passage, a figure or a table with its citation, and the note that
//! confirms the copy (or says why the clipboard refused it).

use eframe::egui::Context;

use super::DossierApp;
use crate::export;
use crate::ui::status_bar::Note;
use crate::workbench::links;

impl DossierApp {
    /// Confirms a copy, or says why the clipboard refused it.
    pub(super) fn copied(&mut self, ctx: &Context, text: impl Into<String>) {
        match self.clipboard.take_error() {
            Some(error) => self.note(ctx, error),
            None => self.note(ctx, Note::copied(text)),
        }
    }

    pub(super) fn copy_passage(&mut self, ctx: &Context) {
        let Some(sel) = self.reader.last_selection.clone() else {
            return;
        };
        if let Some(article) = self.loaded.analysis.corpus.articles.get(sel.article) {
            let text = export::passage_citation(article, sel.start, sel.end);
            self.clipboard.set_text(&text);
            self.copied(ctx, "Copied the passage with its citation");
        }
    }

    pub(super) fn copy_figure(&mut self, ctx: &Context, incident: usize) {
        let citation = links::source_amount(&self.loaded, incident)
            .map(|(amount, article)| export::figure_citation(amount, article));
        match citation {
            Some(text) => {
                self.clipboard.set_text(&text);
                self.copied(ctx, "Copied the figure with its citation");
            }
            None => self.note(ctx, "The source of this figure is not in the corpus"),
        }
    }

    pub(super) fn copy_incidents_table(&mut self, ctx: &Context) {
        // The period and kinds chosen on the timeline apply to the copy too.
        let incidents: Vec<_> = crate::chart::kinds::shown(
            &self.loaded.analysis.incidents,
            &self.view.incidents,
            &self.state.timeline.period,
            &self.state.timeline.kinds,
        )
        .iter()
        .filter_map(|&i| self.loaded.analysis.incidents.get(i).cloned())
        .collect();
        let (tsv, html) = export::incidents_table(&incidents);
        self.clipboard.set_html(&html, &tsv);
        self.copied(
            ctx,
            format!(
                "Copied {} as a table",
                crate::ui::format::count(incidents.len(), "incident")
            ),
        );
    }

    pub(super) fn copy_entities_table(&mut self, ctx: &Context) {
        let entities = self.sidebar.visible_entities(&self.loaded.analysis);
        let (tsv, html) = export::entities_table(&entities);
        self.clipboard.set_html(&html, &tsv);
        self.copied(
            ctx,
            format!(
                "Copied {} as a table",
                crate::ui::format::count(entities.len(), "entity")
            ),
        );
    }
}
