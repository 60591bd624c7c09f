//! The status bar: corpus size and counts, load errors (click to list them), background work
//! with its Cancel button, the annotation status and short notes ("Copied", "… disappeared").

use eframe::egui::{self, Context, Ui};

use crate::corpus::LoadError;
use crate::ui::commands::Command;
use crate::ui::format;
use crate::workbench::{Loaded, Loading};

/// A short message in the status bar; a copy is also confirmed by a toast.
#[derive(Clone, Debug, PartialEq)]
pub struct Note {
    pub text: String,
    pub kind: NoteKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoteKind {
    /// Something was put on the clipboard.
    Copied,
    /// Anything else worth a line: a load cancelled, a corpus gone, a job that failed.
    Info,
}

impl Note {
    pub fn copied(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            kind: NoteKind::Copied,
        }
    }
}

impl From<String> for Note {
    fn from(text: String) -> Self {
        Self {
            text,
            kind: NoteKind::Info,
        }
    }
}

impl From<&str> for Note {
    fn from(text: &str) -> Self {
        text.to_owned().into()
    }
}

pub struct StatusInput<'a> {
    pub loaded: &'a Loaded,
    pub loading: Option<&'a Loading>,
    pub searching: bool,
    pub annotations: Option<String>,
    pub note: Option<&'a str>,
    /// Entries left in the review queue (issue 26).
    pub to_review: usize,
}

/// Draws the status bar; returns what was clicked (cancel the load, list the errors).
pub fn status_bar_ui(ui: &mut Ui, input: StatusInput<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        let corpus = &input.loaded.analysis.corpus;
        if corpus.articles.is_empty() && corpus.errors.is_empty() {
            ui.weak(if input.loading.is_some() {
                "Opening a corpus…"
            } else {
                "No corpus open"
            });
        } else {
            ui.label(input.loaded.source.label());
            ui.weak(format::megabytes(input.loaded.index.text_bytes));
            ui.separator();
            ui.label(format::count(corpus.articles.len(), "article"));
            ui.separator();
            ui.label(format::count(
                input.loaded.analysis.incidents.len(),
                "incident",
            ));
            if let Some(cached) = input.loaded.cache.summary() {
                ui.separator();
                ui.weak(cached).on_hover_text(
                    "Kept from an earlier open of the same files; File → Clear cache forgets it",
                );
            }
        }
        if !corpus.errors.is_empty() {
            ui.separator();
            let n = corpus.errors.len();
            let text = format::count(n, "error");
            if ui
                .button(egui::RichText::new(text).color(ui.visuals().warn_fg_color))
                .on_hover_text("Files that could not be loaded")
                .clicked()
            {
                commands.push(Command::ShowErrors(true));
            }
        }
        if let Some(loading) = input.loading {
            ui.separator();
            let (fraction, text) = loading.progress();
            ui.add(
                egui::ProgressBar::new(fraction)
                    .desired_width(260.0)
                    .text(format!("{}: {text}", loading.source.label())),
            );
            if ui
                .add_enabled(!loading.is_cancelled(), egui::Button::new("Cancel"))
                .on_hover_text("Stop loading and keep the current corpus")
                .clicked()
            {
                commands.push(Command::CancelLoad);
            }
        }
        if input.searching {
            ui.separator();
            ui.weak("Searching…");
        }
        if input.to_review > 0 {
            ui.separator();
            let review = crate::ui::ui_command::UICommand::ShowReview;
            if ui
                .button(format!("{} to review", input.to_review))
                .on_hover_text(review.tooltip())
                .clicked()
            {
                commands.push(review.command());
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(status) = &input.annotations {
                ui.weak(status);
            }
            if let Some(note) = input.note {
                ui.label(note);
                ui.separator();
            }
        });
    });
    commands
}

/// The list of files that failed to load, each with its error; returns
/// [`Command::ShowErrors`] when it is closed.
pub fn errors_window_ui(ctx: &Context, errors: &[LoadError]) -> Vec<Command> {
    let mut open = true;
    egui::Window::new("Load errors")
        .open(&mut open)
        .default_size([640.0, 320.0])
        .show(ctx, |ui| {
            ui.label(format!(
                "{} could not be loaded:",
                format::count(errors.len(), "file")
            ));
            ui.separator();
            egui::ScrollArea::vertical().show(ui, |ui| {
                egui::Grid::new("load_errors")
                    .num_columns(2)
                    .striped(true)
                    .show(ui, |ui| {
                        for e in errors {
                            ui.label(e.path.display().to_string());
                            ui.label(&e.message);
                            ui.end_row();
                        }
                    });
            });
        });
    if open {
        Vec::new()
    } else {
        vec![Command::ShowErrors(false)]
    }
}
