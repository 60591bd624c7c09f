//! Everything a widget can ask the app to do. Widgets return commands instead of changing the app
//! so that side effects (loading, clipboard, selection changes) happen in one place:
//! [`crate::ui::app::DossierApp::apply`].

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::extract::EntityKind;

/// What the article list is restricted to by the sidebar.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EntityFilter {
    pub kind: EntityKind,
    pub name: String,
    /// For an umbrella threat actor: include every sub-group (the "all" row).
    pub family: bool,
}

impl EntityFilter {
    /// Whether `e` is the filtered entity, or one of its sub-groups for a family filter.
    pub fn covers(&self, e: &crate::extract::Entity) -> bool {
        e.kind == self.kind
            && (e.name == self.name
                || (self.family && e.parent.as_deref() == Some(self.name.as_str())))
    }

    pub fn label(&self) -> String {
        if self.family {
            format!("{} (all)", self.name)
        } else {
            self.name.clone()
        }
    }
}

/// How the article list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SortBy {
    #[default]
    Date,
    Title,
}

/// Which file dialog to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    Folder,
    Files,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Load these files and folders as the corpus.
    OpenPaths(Vec<PathBuf>),
    /// Load the embedded sample corpus.
    OpenSample,
    /// Ask the user for paths (file dialog on its own thread), then open them.
    OpenDialog(DialogKind),
    CancelLoad,
    /// Select an article by its index in the corpus.
    SelectArticle(usize),
    /// Next (+1) or previous (-1) article of the list.
    StepArticle(i32),
    FilterEntity(EntityFilter),
    /// Clear the entity filter and the search (Esc).
    ClearFilters,
    /// Clear only the entity filter (the chip's ×).
    ClearEntityFilter,
    /// Select an incident by its index: opens its first source passage.
    SelectIncident(usize),
    Search(String),
    /// Jump to the next search hit (across articles when the current one has no more).
    NextHit,
    /// Show a passage: select its article, scroll to it and flash it.
    ShowPassage {
        article: String,
        start: usize,
        end: usize,
    },
    /// Open the annotation editor on the reader's last selection.
    Annotate,
    /// Copy the reader's last selection with its citation.
    CopyPassage,
    /// Copy an incident's figure with its citation.
    CopyFigure(usize),
    /// Copy the (filtered) incidents table as HTML + TSV.
    CopyIncidentsTable,
    /// Copy the (filtered) entity table as HTML + TSV.
    CopyEntitiesTable,
    /// Copy the timeline as an image (the chart drawn from the shown incidents).
    CopyChart,
    /// Save the chart as PNG and SVG to this path, or ask where (file dialog).
    SaveChart(Option<PathBuf>),
    /// Write the report (HTML or Markdown, by extension) to this path, or ask where.
    ExportReport(Option<PathBuf>),
    SetSort(SortBy),
    /// Change the reader font size by this many points.
    ZoomReader(f32),
    Undo,
    Redo,
}
