//! The annotations panel and editor. The app calls only the methods below; the annotations
//! engineer fills them in. TODO(annotations helper).

use eframe::egui::{Color32, Context, Ui};

use crate::analysis::Analysis;

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

/// Annotation state of the open corpus: loaded and saved off the UI thread.
#[derive(Default)]
pub struct AnnotationsUi {}

impl AnnotationsUi {
    /// A new corpus has been analysed: starts reading its annotation file in the background.
    pub fn corpus_opened(&mut self, ctx: &Context, analysis: &Analysis) {
        let _ = (ctx, analysis);
    }

    /// Polls background loads and saves; called once per frame.
    pub fn poll(&mut self, ctx: &Context) {
        let _ = ctx;
    }

    /// Author written into new annotations (from the settings).
    pub fn set_author(&mut self, author: &str) {
        let _ = author;
    }

    /// Highlights for one article, in character offsets.
    pub fn highlights(&self, article: &str) -> Vec<Highlight> {
        let _ = article;
        Vec::new()
    }

    /// Opens the editor for a selection (reader's `a` key, Annotate button or context menu).
    pub fn begin(&mut self, article: &str, start: usize, end: usize, text: &str) {
        let _ = (article, start, end, text);
    }

    /// The annotations panel: this article or the whole corpus, filterable by tag.
    pub fn panel_ui(
        &mut self,
        ui: &mut Ui,
        current_article: Option<&str>,
    ) -> Option<AnnotationsAction> {
        let _ = (ui, current_article);
        None
    }

    /// The editor window, when one is open.
    pub fn editor_ui(&mut self, ctx: &Context) {
        let _ = ctx;
    }

    /// True while the editor has the keyboard: the app must not treat keys as shortcuts then.
    pub fn wants_keyboard(&self) -> bool {
        false
    }

    pub fn undo(&mut self) {}

    pub fn redo(&mut self) {}

    /// Status-bar text, e.g. "Annotations saved 14:03 to …/dossier-annotations.json".
    pub fn status(&self) -> Option<String> {
        None
    }

    /// Writes pending changes now (window closing).
    pub fn flush(&mut self) {}
}
