//! The in-window path field: what takes a file dialog's place where no native dialog can open (a
//! minimal window manager without a desktop portal or zenity), for every [`Target`]: a corpus to
//! open, a chart or report to write, an annotation file. Completions come from a worker.

use std::path::{Path, PathBuf};

use eframe::egui::{self, Context, Key, Modifiers};

use crate::ui::commands::Command;
use crate::ui::file_dialog::Target;
use crate::workbench::Wake;
use crate::workbench::jobs::Task;
use crate::workbench::path_completion;

/// At most this many completions are listed.
const SHOWN: usize = 12;

/// The field's state while its window is open.
pub struct OpenPathField {
    target: Target,
    text: String,
    completions: Vec<String>,
    /// The text the shown completions (or the running job) are for.
    asked: Option<String>,
    task: Option<Task<Vec<String>>>,
    focus: bool,
}

impl OpenPathField {
    /// Starts in `dir`, else in the home folder; a save starts on its suggested file name.
    pub fn new(target: Target, dir: Option<&Path>) -> Self {
        let mut start = dir
            .map(|dir| format!("{}/", dir.display()))
            .unwrap_or_else(|| "~/".to_owned());
        start.push_str(target.file_name().unwrap_or_default());
        Self {
            target,
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

    /// What the field is for.
    pub fn target(&self) -> Target {
        self.target
    }

    /// The typed paths: one for a save, a `;`-separated list for a corpus.
    fn paths(&self) -> Vec<PathBuf> {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        if !self.target.saves() {
            return path_completion::paths_of(&self.text, home.as_deref());
        }
        let typed = self.text.trim();
        if typed.is_empty() || typed.ends_with('/') {
            return Vec::new();
        }
        vec![path_completion::expand(typed, home.as_deref())]
    }

    /// Draws the window. Returns the command for what was typed, and [`Command::ClosePathField`]
    /// once it is given or the field is cancelled.
    pub fn ui(&mut self, ctx: &Context, wake: &Wake) -> Vec<Command> {
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
        let (title, button) = match self.target {
            Target::Corpus(_) => ("Open a path", "Open"),
            target if target.saves() => (target.title(), "Save"),
            target => (target.title(), "Open"),
        };
        let hint = match self.target.file_name() {
            Some(name) => format!("~/Documents/{name}"),
            None => "~/news or /data/a.txt; /data/b.csv".to_owned(),
        };
        let label_text = self.target.field_label();
        egui::Window::new(title)
            .collapsible(false)
            .default_width(520.0)
            .show(ctx, |ui| {
                let label = ui.label(label_text);
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.text)
                            .id(field_id)
                            // Tab completes (above) instead of moving the focus.
                            .lock_focus(true)
                            .hint_text(hint)
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
                    if ui.button(button).clicked() || enter {
                        command = self.target.command(self.paths());
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
        let mut commands: Vec<Command> = command.into_iter().collect();
        if !open || !commands.is_empty() {
            commands.push(Command::ClosePathField);
        }
        commands
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
