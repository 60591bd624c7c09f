//! The Decisions panel (beside Annotations): every decision taken on the corpus with its note,
//! filtered by kind, each with a jump to its figure and a way to take it back; decisions whose
//! target is gone (orphans) are listed apart with the reason.

use eframe::egui::{self, Ui};

use crate::decisions::{Change, Decision};
use crate::ui::commands::Command;
use crate::workbench::Loaded;
use crate::workbench::format;

/// What the panel remembers between frames.
#[derive(Debug, Default)]
pub struct DecisionsPanel {
    /// Only decisions of this kind ([`Change::label`]); `None`: all.
    pub kind: Option<String>,
}

/// What a decision is about, as the list shows it.
pub fn target(change: &Change) -> String {
    match change {
        Change::Figure { figure, .. }
        | Change::SplitSource { figure }
        | Change::ConfirmIncident { figure } => {
            format!("\"{}\" in {}", figure.quote.exact, figure.article)
        }
        Change::MergeIncidents { figure, other } => format!(
            "\"{}\" in {} and \"{}\" in {}",
            figure.quote.exact, figure.article, other.quote.exact, other.article
        ),
        Change::RenameEntity { name, to } => format!("{name} → {to}"),
        Change::SetEntityKind { name, kind } => format!("{name}: {kind:?}"),
        Change::MergeEntities { name, other } => format!("{other} into {name}"),
        Change::UnmergeEntity { name, alias } => format!("{alias} out of {name}"),
        Change::NotAName { name } => name.clone(),
    }
}

/// "set victim only": a kind in the filter.
fn only(label: &str) -> String {
    format!("{} only", label.replace('_', " "))
}

/// Draws the list of `items` (the window's decisions) over what the last replay did.
pub fn decisions_panel_ui(
    ui: &mut Ui,
    panel: &mut DecisionsPanel,
    loaded: &Loaded,
    items: &[Decision],
) -> Vec<Command> {
    let mut out = Vec::new();
    let mut kinds: Vec<String> = items.iter().map(|d| d.change.label()).collect();
    kinds.sort();
    kinds.dedup();
    ui.horizontal(|ui| {
        ui.strong(format::count(items.len(), "decision"));
        egui::ComboBox::new("decision_kind", "Filter")
            .selected_text(panel.kind.as_deref().map_or("every kind".to_owned(), only))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut panel.kind, None, "every kind");
                for k in &kinds {
                    ui.selectable_value(&mut panel.kind, Some(k.clone()), only(k));
                }
            });
    });
    if items.is_empty() {
        ui.weak(
            "No decisions yet. Select a figure or a name in the reader and press D, or use \
             Decide… in the incidents table.",
        );
    }
    let orphan_reason = |d: &Decision| {
        loaded
            .decisions
            .orphans
            .iter()
            .find(|o| o.id == d.id)
            .map(|o| o.reason.clone())
    };
    let shown = |d: &&Decision| panel.kind.as_ref().is_none_or(|k| d.change.label() == *k);
    let (orphans, applied): (Vec<&Decision>, Vec<&Decision>) = items
        .iter()
        .filter(shown)
        .partition(|d| orphan_reason(d).is_some());
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("decisions_list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for d in applied {
                row_ui(ui, d, None, &mut out);
            }
            if !orphans.is_empty() {
                ui.separator();
                ui.strong(format!("Orphans ({})", orphans.len()))
                    .on_hover_text("Their figure or name is gone; kept in case it comes back");
                for d in orphans {
                    row_ui(ui, d, orphan_reason(d), &mut out);
                }
            }
        });
    out
}

fn row_ui(ui: &mut Ui, d: &Decision, orphan: Option<String>, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(d.change.label().replace('_', " "));
        ui.label(target(&d.change));
        if !d.change.figures().is_empty()
            && ui
                .small_button("Go to")
                .on_hover_text("Show the figure in the reader")
                .clicked()
        {
            out.push(Command::ShowDecision(d.id.clone()));
        }
        if ui
            .small_button("Take back")
            .on_hover_text("Remove this decision (Ctrl+Z brings it back)")
            .clicked()
        {
            out.push(Command::DeleteDecision(d.id.clone()));
        }
    });
    if !d.note.is_empty() {
        ui.weak(format!("Note: {}", d.note));
    }
    if let Some(reason) = orphan {
        ui.colored_label(ui.visuals().warn_fg_color, format!("Orphan: {reason}"));
    }
    ui.add_space(4.0);
}
