//! The kind filter's checkboxes (stolen, attempted, cumulative totals), drawn the same in the
//! timeline and the link chart, which share the one setting.

use eframe::egui::Ui;

use crate::chart::Kinds;

/// Draws the three checkboxes; returns the kinds when the user changed one.
pub fn kinds_ui(ui: &mut Ui, kinds: &Kinds) -> Option<Kinds> {
    let mut edited = *kinds;
    ui.weak("Kinds:");
    ui.checkbox(&mut edited.stolen, "stolen")
        .on_hover_text("Show thefts (here, in the other view, the copies and the report)");
    ui.checkbox(&mut edited.attempted, "attempted")
        .on_hover_text("Show attempts (here, in the other view, the copies and the report)");
    ui.checkbox(&mut edited.cumulative, "cumulative")
        .on_hover_text(
            "Show cumulative totals (here, in the other view, the copies and the report)",
        );
    (edited != *kinds).then_some(edited)
}
