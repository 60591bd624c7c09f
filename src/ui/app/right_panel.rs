//! The right-hand panel: its tabs (entities, annotations, decisions, the review queue) and what
//! each draws.

use eframe::egui;

use super::{DossierApp, RightTab};
use crate::ui::commands::Command;
use crate::ui::sidebar;

impl DossierApp {
    pub(super) fn right_panel_ui(&mut self, ui: &mut egui::Ui) {
        let mut tab = self.state.right_tab;
        ui.horizontal(|ui| {
            ui.selectable_value(&mut tab, RightTab::Entities, "Entities");
            ui.selectable_value(&mut tab, RightTab::Annotations, "Annotations");
            ui.selectable_value(&mut tab, RightTab::Decisions, "Decisions");
            ui.selectable_value(&mut tab, RightTab::Review, "To review");
        });
        if tab != self.state.right_tab {
            self.pending.push(Command::SetRightTab(tab));
        }
        ui.separator();
        match self.state.right_tab {
            RightTab::Entities => {
                let cmds = sidebar::sidebar_ui(
                    ui,
                    &mut self.sidebar,
                    &self.loaded,
                    self.state.entity_filter.as_ref(),
                );
                self.pending.extend(cmds);
            }
            RightTab::Annotations => {
                let current = self.selected_article().map(|a| a.id.clone());
                let cmds = self.annotations.panel_ui(ui, current.as_deref());
                self.pending.extend(cmds);
            }
            RightTab::Decisions => {
                let cmds = crate::ui::decisions_panel::decisions_panel_ui(
                    ui,
                    &mut self.deciding.panel,
                    &self.loaded,
                    self.deciding.history.items(),
                );
                self.pending.extend(cmds);
            }
            RightTab::Review => {
                let cmds = crate::ui::review_panel::review_panel_ui(
                    ui,
                    &mut self.deciding.review,
                    &self.loaded,
                );
                self.pending.extend(cmds);
            }
        }
    }
}
