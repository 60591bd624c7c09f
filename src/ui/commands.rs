//! Everything a widget can ask the app to do. Widgets return commands instead of changing the app
//! so that every change the user makes (loading, settings, annotations, exports, navigation)
//! happens in one place: [`crate::ui::app::DossierApp::apply`]. A new action is a variant here
//! and an arm there; the compiler then lists every place that must handle it.

use std::path::PathBuf;

use crate::annotations::AnnotationId;
use crate::decisions::Change;
use crate::ui::links::LinksCommand;
use crate::ui::settings::Settings;
use crate::ui::state::RightTab;
use crate::ui::timeline::TimelineOptions;
use crate::workbench::filter::{EntityFilter, SortBy};

/// Which file dialog to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DialogKind {
    Folder,
    Files,
}

/// What an annotation file dialog is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnnotationFileAction {
    Open,
    SaveAs,
    Export,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Load these files and folders as the corpus.
    OpenPaths(Vec<PathBuf>),
    /// Load the embedded sample corpus.
    OpenSample,
    /// Remove every entry of the result cache (on a worker); the next open extracts again.
    ClearCache,
    /// Ask the user for paths (file dialog on its own thread), then open them.
    OpenDialog(DialogKind),
    /// Show the typed-path field for opening a corpus.
    OpenPathField,
    /// Close the typed-path field.
    ClosePathField,
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
    /// Write what the filters select as a STIX 2.1 bundle (`None`: ask where first).
    ExportStix(Option<PathBuf>),
    SetSort(SortBy),
    /// Change the reader font size by this many points.
    ZoomReader(f32),
    Undo,
    Redo,
    // Annotations.
    /// Open the editor on an annotation.
    EditAnnotation(AnnotationId),
    /// Create an annotation on a passage (the editor's Save on a new one; undoable).
    CreateAnnotation {
        article: String,
        start: usize,
        end: usize,
        quote: String,
        tag: String,
        note: String,
    },
    /// Change an annotation's tag and note (the editor's Save; undoable).
    UpdateAnnotation {
        id: AnnotationId,
        tag: String,
        note: String,
    },
    /// Delete an annotation (undoable).
    DeleteAnnotation(AnnotationId),
    /// Open, save as or export the annotations: to this path, or ask where (file dialog).
    AnnotationFile(AnnotationFileAction, Option<PathBuf>),
    // Decisions: the analyst's corrections (issue 26).
    /// Open the decision form on the figure at `start` in `article` (reader, review queue).
    DecideFigure {
        article: String,
        start: usize,
    },
    /// Open the decision form on an incident by its index (incidents table, timeline point): its
    /// figure's decisions and the incident's own.
    DecideIncident(usize),
    /// Open the decision form on a name (sidebar, reader).
    DecideName(String),
    /// The form for the figure or name under the reader's selection, else for the selected
    /// incident (key D).
    DecideSelection,
    CloseDecisionForm,
    /// Take a decision (undoable): saved beside the corpus, replayed in every view.
    Decide {
        change: Change,
        note: String,
    },
    /// Take a decision back by its id (undoable).
    DeleteDecision(String),
    /// Jump to the figure a decision is about.
    ShowDecision(String),
    // Persisted settings and view state.
    /// The Settings window's values (author, reader font size, theme).
    SetSettings(Settings),
    /// The timeline's scale, running total and period.
    SetTimeline(TimelineOptions),
    /// Show or hide the timeline panel.
    ShowTimeline(bool),
    /// The right-hand panel's tab.
    SetRightTab(RightTab),
    /// Forget the recent corpora.
    ClearRecent,
    /// The Links view: show it, move a node, re-layout, copy or save it.
    Links(LinksCommand),
    // Windows and the keyboard.
    /// Open or close the Settings window.
    ShowSettings(bool),
    /// Open or close the list of files that failed to load.
    ShowErrors(bool),
    /// Show or hide the keyboard shortcut sheet.
    ToggleShortcutSheet,
    /// Put the cursor in the search field.
    FocusSearch,
    /// Close the window (annotations are saved first).
    Quit,
    // Watchlists.
    /// Count the articles naming each name of this list (`None`: ask which file first).
    SearchWatchlist(Option<PathBuf>),
    /// Copy the watchlist table (TSV).
    CopyWatchlist,
    /// Close the watchlist window.
    CloseWatchlist,
}
