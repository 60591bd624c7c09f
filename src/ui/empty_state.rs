//! The centre of the window when no corpus is open: the load's progress, why nothing could be
//! read, and the ways to open one.

use eframe::egui::{self, Ui};

use crate::ui::commands::Command;
use crate::ui::format;
use crate::ui::ui_command::UICommand;
use crate::workbench::{Loaded, Loading};

pub fn empty_state_ui(ui: &mut Ui, loading: Option<&Loading>, loaded: &Loaded) -> Vec<Command> {
    let mut out = Vec::new();
    ui.vertical_centered(|ui| {
        ui.add_space(ui.available_height() / 4.0);
        if let Some(loading) = loading {
            ui.heading(format!("Opening {}…", loading.source.label()));
            let (fraction, text) = loading.progress();
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(360.0)
                    .text(text),
            );
            return;
        }
        let errors = loaded.analysis.corpus.errors.len();
        if errors > 0 {
            ui.heading(format!(
                "No article could be read from {}",
                loaded.source.label()
            ));
            ui.label(format!(
                "{} failed: the button in the status bar lists them.",
                format::count(errors, "file")
            ));
            ui.add_space(8.0);
        } else {
            ui.heading("No corpus open");
        }
        ui.label(
            "Dossier reads news articles (plain text, Markdown, HTML, CSV, JSON lines) from a \
             folder or from files. Open a folder or files, drop them on this window, or start \
             with the two sample articles.",
        );
        ui.add_space(8.0);
        for command in [
            UICommand::OpenFolder,
            UICommand::OpenFiles,
            UICommand::OpenPath,
            UICommand::OpenSample,
        ] {
            let label = match command.menu_shortcut() {
                Some(keys) => format!("{} ({keys})", command.label()),
                None => command.label().to_owned(),
            };
            if ui.button(label).on_hover_text(command.tooltip()).clicked() {
                out.push(command.command());
            }
        }
    });
    out
}
