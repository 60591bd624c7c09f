//! What the app draws over or around the panels: the drop overlay, the copy toast, the window
//! title.

use std::path::PathBuf;

use eframe::egui::{self, Context, ViewportCommand};

use super::DossierApp;
use crate::ui::commands::Command;
use crate::ui::status_bar::NoteKind;

impl DossierApp {
    pub(super) fn dropped_files(&mut self, ctx: &Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.pending.push(Command::OpenPaths(dropped));
        }
        let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
        if hovering {
            let painter = ctx.layer_painter(egui::LayerId::new(
                egui::Order::Foreground,
                egui::Id::unique("drop_overlay"),
            ));
            let rect = ctx.content_rect();
            painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                "Drop files or folders to open them as the corpus",
                egui::FontId::proportional(22.0),
                egui::Color32::WHITE,
            );
        }
    }

    /// Copies are confirmed by a small toast in the corner, besides the status-bar note.
    pub(super) fn toast_ui(&self, ctx: &Context) {
        let Some((note, _)) = &self.note else { return };
        if note.kind != NoteKind::Copied {
            return;
        }
        egui::Area::new(egui::Id::unique("copy_toast"))
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -40.0))
            .order(egui::Order::Tooltip)
            .interactable(false)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.label(note.text.as_str());
                });
            });
    }

    pub(super) fn update_title(&mut self, ctx: &Context) {
        let title = if self.loaded.analysis.corpus.articles.is_empty() && self.loading.is_none() {
            "Dossier".to_owned()
        } else {
            format!(
                "Dossier — {} ({} articles)",
                self.loaded.source.label(),
                self.loaded.analysis.corpus.articles.len()
            )
        };
        if title != self.title {
            ctx.send_viewport_cmd(ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}
