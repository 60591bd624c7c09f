//! The search field and the active-filter chips above the panels.

use eframe::egui::{self, Id, Key, RichText, Ui};

use crate::ui::commands::Command;
use crate::ui::ui_command::UICommand;
use crate::workbench::filter::EntityFilter;

pub fn search_id() -> Id {
    Id::unique("dossier_search_field")
}

/// Draws the search field over the session's `search` (searching as the user types), the hit
/// summary and the filter chips; under the field, why the query does not parse.
pub fn search_bar_ui(
    ui: &mut Ui,
    search: &str,
    focus: bool,
    summary: Option<&str>,
    error: Option<&str>,
    filter: Option<&EntityFilter>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut text = search.to_owned();
    let hint = UICommand::FocusSearch.hover_text("Search articles");
    ui.horizontal(|ui| {
        let response = ui.add(
            egui::TextEdit::singleline(&mut text)
                .id(search_id())
                .hint_text(hint)
                .desired_width(320.0),
        );
        if focus {
            response.request_focus();
        }
        if response.changed() {
            commands.push(Command::Search(text.clone()));
        }
        if response.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
            commands.push(Command::NextHit);
            response.request_focus();
        }
        if let Some(summary) = summary.filter(|_| error.is_none()) {
            ui.weak(summary);
        }
        if let Some(filter) = filter {
            ui.separator();
            ui.label("Filtered by");
            let chip = egui::Button::new(RichText::new(format!("{}  ×", filter.label())).strong())
                .corner_radius(10.0)
                .fill(ui.visuals().selection.bg_fill.gamma_multiply(0.5));
            if ui
                .add(chip)
                // Esc clears the filters (and the search), which removes the chip too.
                .on_hover_text(UICommand::ClearFilters.hover_text("Remove the entity filter"))
                .clicked()
            {
                commands.push(Command::ClearEntityFilter);
            }
        }
    });
    if let Some(error) = error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    commands
}
