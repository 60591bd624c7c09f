//! The menu bar. Entries come from the [`UICommand`] table (label, tooltip, shortcut); the recent
//! corpora and the view toggles are the only entries of their own. Every entry returns a
//! [`Command`]; the menu changes nothing itself.

use eframe::egui::{self, Ui};

use crate::ui::commands::Command;
use crate::ui::state::State;
use crate::ui::ui_command::UICommand;
use crate::workbench::CorpusSource;

/// One menu entry drawn from the table.
fn entry(ui: &mut Ui, command: UICommand, out: &mut Vec<Command>) {
    let mut button = egui::Button::new(command.label());
    if let Some(keys) = command.menu_shortcut() {
        button = button.shortcut_text(keys);
    }
    if ui.add(button).on_hover_text(command.tooltip()).clicked() {
        out.push(command.command());
    }
}

/// Draws the menu bar over the session `state`; returns what was picked.
pub fn menu_ui(ui: &mut Ui, state: &State) -> Vec<Command> {
    let mut out = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            entry(ui, UICommand::OpenFolder, &mut out);
            entry(ui, UICommand::OpenFiles, &mut out);
            entry(ui, UICommand::OpenPath, &mut out);
            ui.menu_button("Recent corpora", |ui| recent_ui(ui, state, &mut out));
            entry(ui, UICommand::OpenSample, &mut out);
            ui.separator();
            entry(ui, UICommand::SearchWatchlist, &mut out);
            ui.separator();
            entry(ui, UICommand::ExportReport, &mut out);
            entry(ui, UICommand::ExportStix, &mut out);
            entry(ui, UICommand::SaveChart, &mut out);
            entry(ui, UICommand::CopyChart, &mut out);
            ui.separator();
            entry(ui, UICommand::ClearCache, &mut out);
            entry(ui, UICommand::Settings, &mut out);
            entry(ui, UICommand::Quit, &mut out);
        });
        ui.menu_button("Annotation", |ui| {
            entry(ui, UICommand::Annotate, &mut out);
            entry(ui, UICommand::Undo, &mut out);
            entry(ui, UICommand::Redo, &mut out);
        });
        ui.menu_button("Decision", |ui| {
            entry(ui, UICommand::Decide, &mut out);
            entry(ui, UICommand::ShowDecisions, &mut out);
            entry(ui, UICommand::ShowReview, &mut out);
        });
        ui.menu_button("View", |ui| {
            let mut shown = state.show_timeline;
            if ui.checkbox(&mut shown, "Timeline").changed() {
                out.push(Command::ShowTimeline(shown));
            }
            let mut timeline = state.timeline;
            if ui
                .checkbox(&mut timeline.log_scale, "Log scale (timeline)")
                .changed()
            {
                out.push(Command::SetTimeline(timeline));
            }
            entry(ui, UICommand::ShowLinks, &mut out);
            entry(ui, UICommand::ZoomIn, &mut out);
            entry(ui, UICommand::ZoomOut, &mut out);
        });
        ui.menu_button("Go", |ui| {
            entry(ui, UICommand::FocusSearch, &mut out);
            entry(ui, UICommand::NextHit, &mut out);
            entry(ui, UICommand::NextArticle, &mut out);
            entry(ui, UICommand::PreviousArticle, &mut out);
            entry(ui, UICommand::ClearFilters, &mut out);
        });
        ui.menu_button("Help", |ui| {
            entry(ui, UICommand::ShortcutSheet, &mut out);
        });
    });
    out
}

fn recent_ui(ui: &mut Ui, state: &State, out: &mut Vec<Command>) {
    if state.recent.is_empty() {
        ui.weak("None yet");
        return;
    }
    for paths in &state.recent {
        let label = CorpusSource::Paths(paths.clone()).label();
        let full = paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join("\n");
        if ui.button(label).on_hover_text(full).clicked() {
            out.push(Command::OpenPaths(paths.clone()));
        }
    }
    ui.separator();
    if ui.button("Clear the list").clicked() {
        out.push(Command::ClearRecent);
    }
}
