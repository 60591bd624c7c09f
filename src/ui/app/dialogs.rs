//! Asking for a path: the one file dialog at a time (on a worker, [`file_dialog::ask`]), what it
//! gave, and the typed-path field in its place where no dialog can open.

use std::path::{Path, PathBuf};

use eframe::egui::Context;

use super::DossierApp;
use crate::ui::file_dialog::{self, Chosen, Target};
use crate::ui::open_path::OpenPathField;
use crate::workbench::jobs::Task;

impl DossierApp {
    /// Asks where to open or save for `target`: the native dialog on a worker, or (when none
    /// can open) the typed-path field, through [`Self::dialog_chosen`]. One dialog at a time.
    pub(super) fn ask_path(&mut self, target: Target) {
        if self.dialog.is_some() {
            return;
        }
        let missing = self.dialog_missing.clone();
        // The native dialog starts where the desktop remembers, except an annotation file's,
        // which starts beside the current one.
        let dir = match target {
            Target::Annotations(_) => self.annotations.dialog_dir(),
            _ => None,
        };
        let task = Task::spawn(&self.wake, "dossier-dialog", "the file dialog", move || {
            file_dialog::ask(target, dir, missing)
        });
        self.dialog = task.map(|task| (target, task));
    }

    /// Where a dialog or the typed-path field for `target` starts.
    pub(super) fn dialog_dir(&self, target: Target) -> Option<PathBuf> {
        match target {
            Target::Annotations(_) => self.annotations.dialog_dir(),
            _ => self
                .state
                .recent
                .first()
                .and_then(|paths| paths.first())
                .and_then(|p| p.parent())
                .map(Path::to_path_buf),
        }
    }

    /// What a dialog for `target` gave: the command for the chosen path, the note for a
    /// cancelled one, or (no dialog could open) why, and the typed-path field in its place.
    pub(super) fn dialog_chosen(&mut self, ctx: &Context, target: Target, chosen: Chosen) {
        match chosen {
            Chosen::Paths(paths) => self.pending.extend(target.command(paths)),
            Chosen::Cancelled => {
                if let Some(note) = target.cancelled() {
                    self.note(ctx, note);
                }
            }
            Chosen::Unavailable(why) => {
                self.note(ctx, format!("{why}: type the path instead"));
                let dir = self.dialog_dir(target);
                self.open_path = Some(OpenPathField::new(target, dir.as_deref()));
            }
        }
    }
}
