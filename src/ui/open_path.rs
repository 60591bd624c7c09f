//! The in-window path field: how a corpus is opened where no native file dialog can open (a
//! minimal window manager without a desktop portal or zenity). Completions come from a worker.

use std::path::PathBuf;

use eframe::egui::{self, Context, Key, Modifiers};

use crate::ui::commands::Command;
use crate::workbench::Wake;
use crate::workbench::jobs::Task;
use crate::workbench::path_completion;

/// At most this many completions are listed.
const SHOWN: usize = 12;

/// The field's state while its window is open.
pub struct OpenPathField {
    text: String,
    completions: Vec<String>,
    /// The text the shown completions (or the running job) are for.
    asked: Option<String>,
    task: Option<Task<Vec<String>>>,
    focus: bool,
}

impl OpenPathField {
    /// Starts in the folder of the last corpus, else in the home folder.
    pub fn new(recent: &[Vec<PathBuf>]) -> Self {
        let start = recent
            .first()
            .and_then(|paths| paths.first())
            .and_then(|p| p.parent())
            .map(|dir| format!("{}/", dir.display()))
            .unwrap_or_else(|| "~/".to_owned());
        Self {
            text: start,
            completions: Vec::new(),
            asked: None,
            task: None,
            focus: true,
        }
    }

    /// Asks a worker for the completions of the current text, unless they are known or coming.
    fn refresh(&mut self, wake: &Wake) {
        if let Some(task) = &self.task
            && let Some(done) = task.poll()
        {
            self.task = None;
            self.completions = done.unwrap_or_default();
        }
        if self.task.is_some() || self.asked.as_deref() == Some(self.text.as_str()) {
            return;
        }
        let typed = self.text.clone();
        self.asked = Some(typed.clone());
        self.task = Task::spawn(wake, "dossier-complete", "completing the path", move || {
            let home = std::env::var_os("HOME").map(PathBuf::from);
            path_completion::complete(&typed, home.as_deref(), SHOWN)
        });
    }

    /// Completions for the text now on screen (none while they are being read).
    fn current(&self) -> &[String] {
        if self.task.is_none() && self.asked.as_deref() == Some(self.text.as_str()) {
            &self.completions
        } else {
            &[]
        }
    }

    /// Draws the window. Returns the command to open what was typed, and whether the window
    /// stays open.
    pub fn ui(&mut self, ctx: &Context, wake: &Wake) -> (Option<Command>, bool) {
        self.refresh(wake);
        let mut open = true;
        let mut command = None;
        let field_id = egui::Id::unique("dossier_open_path_field");
        let has_focus = ctx.memory(|m| m.has_focus(field_id));
        // Tab completes instead of moving the focus.
        if has_focus
            && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Tab))
            && let Some(prefix) = path_completion::common_prefix(self.current())
            && prefix.len() > self.text.len()
        {
            self.text = prefix;
            cursor_to_end(ctx, field_id, &self.text);
        }
        let mut picked = None;
        egui::Window::new("Open a path")
            .collapsible(false)
            .default_width(520.0)
            .show(ctx, |ui| {
                let label = ui.label("Path of a corpus folder or file (Tab completes)");
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.text)
                            .id(field_id)
                            // Tab completes (above) instead of moving the focus.
                            .lock_focus(true)
                            .hint_text("~/news or /data/a.txt; /data/b.csv")
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                if std::mem::take(&mut self.focus) {
                    field.request_focus();
                }
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                for completion in self.current() {
                    if ui.small_button(completion.as_str()).clicked() {
                        picked = Some(completion.clone());
                    }
                }
                ui.horizontal(|ui| {
                    if ui.button("Open").clicked() || enter {
                        let home = std::env::var_os("HOME").map(PathBuf::from);
                        let paths = path_completion::paths_of(&self.text, home.as_deref());
                        if !paths.is_empty() {
                            command = Some(Command::OpenPaths(paths));
                        }
                    }
                    if ui.button("Cancel").clicked() {
                        open = false;
                    }
                });
            });
        if let Some(p) = picked {
            self.text = p;
            self.focus = true;
            cursor_to_end(ctx, field_id, &self.text);
        }
        if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            open = false;
        }
        let keep = open && command.is_none();
        (command, keep)
    }
}

/// Puts the field's cursor after its text (after a completion replaced it).
fn cursor_to_end(ctx: &Context, id: egui::Id, text: &str) {
    let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    let end = egui::text::CCursor::new(text.chars().count());
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::one(end)));
    state.store(ctx, id);
}
