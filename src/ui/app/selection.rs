//! What is selected and where the reader is: the visible rows after a change, the article in
//! the reader, the next search hit. The rules are [`crate::workbench::navigation`]'s.

use eframe::egui::Context;

use super::DossierApp;
use crate::workbench::View;
use crate::workbench::navigation::{self, Passage};

impl DossierApp {
    pub(super) fn compute_view(&self) -> View {
        View::compute(
            &self.loaded,
            self.state.entity_filter.as_ref(),
            self.search.as_ref(),
            self.state.sort,
        )
    }

    /// Recomputes the visible rows; keeps the selection if it is still visible, else selects
    /// the first row; flashes the first highlighted passage of the article.
    pub(super) fn refresh_view(&mut self, ctx: &Context) {
        self.view = self.compute_view();
        if let Some(first) = navigation::after_refresh(&self.view.rows, self.selected) {
            self.select_article(first);
        }
        self.reveal_selected = true;
        let Some(article) = self.selected else {
            return;
        };
        let now = ctx.input(|i| i.time);
        match navigation::first_passage(&self.loaded, &self.view, self.search.as_ref(), article) {
            Some(Passage::Hit { start, end }) => {
                self.reader.hit_cursor = Some(0);
                self.reader.show_passage(now, start, end);
            }
            Some(Passage::Mention { start, end }) => self.reader.show_passage(now, start, end),
            None => {}
        }
    }

    pub(super) fn select_article(&mut self, index: usize) {
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

    /// (article id, start, end, text) of the reader's last selection in the open article.
    pub(super) fn current_selection(&self) -> Option<(String, usize, usize, String)> {
        let sel = self.reader.last_selection.as_ref()?;
        if Some(sel.article) != self.selected {
            return None;
        }
        let article = self.loaded.analysis.corpus.articles.get(sel.article)?;
        let text = crate::text::slice_chars(&article.text, sel.start, sel.end).to_owned();
        Some((article.id.clone(), sel.start, sel.end, text))
    }

    pub(super) fn next_hit(&mut self, now: f64) {
        let Some(search) = &self.search else { return };
        let Some(target) = navigation::next_hit(
            search,
            &self.view.rows,
            self.selected,
            self.reader.hit_cursor,
        ) else {
            return;
        };
        if Some(target.article) != self.selected {
            self.select_article(target.article);
            self.reveal_selected = true;
        }
        self.reader.hit_cursor = Some(target.cursor);
        self.reader.show_passage(now, target.start, target.end);
    }
}
