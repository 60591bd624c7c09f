//! The two date fields that set the timeline's period (the plot sets it by a drag).

use eframe::egui::{self, Id, Ui};

use crate::chart::Period;

/// What the date fields hold while typed, kept in egui's memory.
#[derive(Clone, Default)]
struct PeriodFields {
    from: String,
    to: String,
    /// The period the fields were last filled from.
    shown: Period,
    error: Option<String>,
}

/// "From [____] To [____] [All dates]" over the timeline's `period`: typed ends apply on Enter or
/// when the field loses focus; a period dragged on the plot fills them. Returns the new period
/// when it changed.
pub fn period_fields_ui(ui: &mut Ui, current: &Period) -> Option<Period> {
    let mut edited = *current;
    let period = &mut edited;
    let id = Id::unique("dossier_timeline_period_fields");
    let mut fields: PeriodFields = ui.data(|d| d.get_temp(id)).unwrap_or_default();
    let fill = |p: &Period| {
        (
            p.from.map(|d| d.to_string()).unwrap_or_default(),
            p.to.map(|d| d.to_string()).unwrap_or_default(),
        )
    };
    if fields.shown != *period {
        (fields.from, fields.to) = fill(period);
        fields.shown = *period;
    }
    let mut commit = false;
    for (label, text) in [("From", &mut fields.from), ("To", &mut fields.to)] {
        let l = ui.label(label);
        let edit = ui
            .add(
                egui::TextEdit::singleline(text)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(82.0),
            )
            .labelled_by(l.id)
            .on_hover_text("Event dates: YYYY, YYYY-MM or YYYY-MM-DD; drag on the plot to pick");
        commit |= edit.lost_focus();
    }
    if commit {
        match Period::parse(&fields.from, &fields.to) {
            Ok(p) => {
                *period = p;
                fields.shown = p;
                fields.error = None;
            }
            Err(e) => fields.error = Some(e),
        }
    }
    if !period.is_all()
        && ui
            .button("All dates")
            .on_hover_text("Show every date again")
            .clicked()
    {
        *period = Period::default();
        fields = PeriodFields::default();
    }
    if let Some(e) = &fields.error {
        ui.colored_label(ui.visuals().error_fg_color, e);
    }
    ui.data_mut(|d| d.insert_temp(id, fields));
    (edited != *current).then_some(edited)
}
