//! User settings (persisted with the session) and the Settings window.

use eframe::egui::{self, Context, ThemePreference};
use serde::{Deserialize, Serialize};

use crate::ui::commands::Command;
use crate::ui::ui_command::UICommand;

pub const MIN_FONT: f32 = 9.0;
pub const MAX_FONT: f32 = 32.0;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Follow the operating system.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    fn preference(self) -> ThemePreference {
        match self {
            Self::System => ThemePreference::System,
            Self::Light => ThemePreference::Light,
            Self::Dark => ThemePreference::Dark,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Written into new annotations.
    pub author: String,
    pub reader_font_size: f32,
    pub theme: Theme,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            author: default_author(),
            reader_font_size: 15.0,
            theme: Theme::System,
        }
    }
}

/// The login name, which is what analysts expect to see on their notes by default.
fn default_author() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default()
}

impl Settings {
    /// Applies the parts egui owns (the theme).
    pub fn apply(&self, ctx: &Context) {
        let pref = self.theme.preference();
        if ctx.options(|o| o.theme_preference) != pref {
            ctx.options_mut(|o| o.theme_preference = pref);
        }
    }

    pub fn zoom(&mut self, delta: f32) {
        self.reader_font_size = (self.reader_font_size + delta).clamp(MIN_FONT, MAX_FONT);
    }
}

/// The Settings window over `current`. Returns [`Command::SetSettings`] for an edit (the app
/// applies the settings every frame, so edits show at once) and [`Command::ShowSettings`] when
/// the window is closed.
pub fn settings_ui(ctx: &Context, current: &Settings) -> Vec<Command> {
    let mut open = true;
    let mut edited = current.clone();
    let settings = &mut edited;
    egui::Window::new("Settings")
        .open(&mut open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            egui::Grid::new("settings_grid")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| {
                    let label = ui.label("Author name");
                    ui.add(
                        egui::TextEdit::singleline(&mut settings.author)
                            .hint_text("Name written on your annotations"),
                    )
                    .labelled_by(label.id);
                    ui.end_row();

                    ui.label("Reader font size");
                    ui.add(
                        egui::Slider::new(&mut settings.reader_font_size, MIN_FONT..=MAX_FONT)
                            .suffix(" pt")
                            .text("Reader font size"),
                    );
                    ui.end_row();

                    ui.label("Theme");
                    ui.horizontal(|ui| {
                        for (theme, name) in [
                            (Theme::System, "Follow system"),
                            (Theme::Light, "Light"),
                            (Theme::Dark, "Dark"),
                        ] {
                            ui.radio_value(&mut settings.theme, theme, name);
                        }
                    });
                    ui.end_row();
                });
            let keys = [UICommand::ZoomIn, UICommand::ZoomOut]
                .map(|c| c.menu_shortcut().unwrap_or_default());
            ui.weak(format!(
                "{} / {} also change the reader font size.",
                keys[0], keys[1]
            ));
        });
    let mut commands = Vec::new();
    if edited != *current {
        commands.push(Command::SetSettings(edited));
    }
    if !open {
        commands.push(Command::ShowSettings(false));
    }
    commands
}
