//! The kind filter's checkboxes (stolen, attempted, cumulative totals), drawn the same in the
//! timeline and the link chart, which share the one setting.

use eframe::egui::Ui;

use crate::chart::Kinds;
use crate::ui::timeline::TimelineOptions;
use crate::ui::timeline::period_fields;

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

/// The filters the timeline and the link chart share, drawn the same in both: the kinds, then
/// the period; changes go into `edited`.
pub fn shared_filters_ui(ui: &mut Ui, options: &TimelineOptions, edited: &mut TimelineOptions) {
    if let Some(kinds) = kinds_ui(ui, &options.kinds) {
        edited.kinds = kinds;
    }
    ui.separator();
    if let Some(period) = period_fields::period_fields_ui(ui, &options.period) {
        edited.period = period;
    }
}
