//! The bottom panel's Links tab and what its commands do: moving nodes and re-laying out change
//! the session's positions for the corpus on screen; copies and saves go through the exports.

use eframe::egui::{self, Context};

use super::DossierApp;
use crate::ui::chart_export::ExportInput;
use crate::ui::commands::Command;
use crate::ui::file_dialog::Target;
use crate::ui::links::{self, LinksCommand, LinksInput};
use crate::ui::state::BottomTab;

impl DossierApp {
    pub(super) fn apply_links(&mut self, ctx: &Context, command: LinksCommand) {
        match command {
            LinksCommand::Show => {
                self.state.show_timeline = true;
                self.state.bottom_tab = BottomTab::Links;
            }
            LinksCommand::MoveNode { key, to } => {
                self.state.link_positions.set(&self.loaded.source, key, to);
            }
            LinksCommand::ShowTimeline => self.state.bottom_tab = BottomTab::Timeline,
            LinksCommand::Relayout => self.state.link_positions.clear(&self.loaded.source),
            LinksCommand::Copy => {
                let input = export_input!(self);
                let note = links::export::copy_links(&input, ctx, self.clipboard.as_mut());
                self.copied(ctx, note);
            }
            LinksCommand::Save(None) => self.ask_path(Target::LinkChart),
            LinksCommand::Save(Some(path)) => {
                let input = export_input!(self);
                if let Some(note) = self.exports.save_links(&self.wake, &input, path) {
                    self.note(ctx, note);
                }
            }
        }
    }

    /// The bottom panel's tabs; draws the Links view and returns true when it is the one shown
    /// (else the caller draws the timeline).
    pub(super) fn bottom_tabs_ui(&mut self, ui: &mut egui::Ui) -> bool {
        let mut tab = self.state.bottom_tab;
        ui.horizontal(|ui| {
            ui.selectable_value(&mut tab, BottomTab::Timeline, "Timeline view");
            ui.selectable_value(&mut tab, BottomTab::Links, "Links view");
        });
        if tab != self.state.bottom_tab {
            // Through a command like every change; the switch shows next frame.
            self.pending.push(Command::Links(match tab {
                BottomTab::Links => LinksCommand::Show,
                BottomTab::Timeline => LinksCommand::ShowTimeline,
            }));
        }
        if self.state.bottom_tab != BottomTab::Links {
            return false;
        }
        let cmds = links::links_ui(
            ui,
            &self.state.timeline,
            LinksInput {
                loaded: &self.loaded,
                incidents: &self.view.incidents,
                selected: self.selected_incident,
                moved: Some(links::moved_of(
                    &self.state.link_positions,
                    &self.loaded.source,
                )),
            },
        );
        self.pending.extend(cmds);
        true
    }
}
