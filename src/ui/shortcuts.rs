//! The keyboard and the "?" shortcut sheet, both read from the [`UICommand`] table.

use eframe::egui::{self, Context, Event, Id, KeyboardShortcut};

use crate::ui::commands::Command;
use crate::ui::ui_command::{UICommand, When};

/// Reads this frame's keys into the commands they ask for (from the table: [`UICommand::command`]). `editor_has_keyboard` is true while
/// the annotation editor is open; single-key shortcuts are then left to it, as they are while an
/// editable text field has focus. `reader` is the read-only reader, which may keep focus after a
/// selection without the user typing anywhere.
pub fn read_keys(ctx: &Context, reader: Id, editor_has_keyboard: bool) -> Vec<Command> {
    let focused = ctx.memory(|m| m.focused());
    let in_reader = focused == Some(reader);
    let typing =
        editor_has_keyboard || (focused.is_some() && !in_reader && ctx.text_edit_focused());
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        for command in UICommand::ALL {
            let pressed = command.shortcuts().iter().any(|s| {
                let applies = match s.when {
                    When::Always => true,
                    When::NotTyping => !typing,
                    When::OutsideReader => !typing && !in_reader,
                    When::InSearchField => false,
                };
                applies && i.consume_shortcut(&KeyboardShortcut::new(s.modifiers, s.key))
            });
            // "?" arrives as text on layouts where it is Shift+/.
            let question = command == UICommand::ShortcutSheet
                && !typing
                && i.events
                    .iter()
                    .any(|e| matches!(e, Event::Text(t) if t == "?"));
            if pressed || question {
                out.push(command);
            }
        }
        if out.contains(&UICommand::ShortcutSheet) {
            // The "/" under "?" must not also focus the search.
            out.retain(|c| *c != UICommand::FocusSearch || i.modifiers.command);
        }
    });
    out.into_iter().map(UICommand::command).collect()
}

/// The shortcut sheet window; returns [`Command::ToggleShortcutSheet`] when it is closed.
pub fn sheet_ui(ctx: &Context) -> Vec<Command> {
    let mut open = true;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcut_sheet")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for command in UICommand::ALL {
                        if let Some(keys) = command.keys_text() {
                            ui.strong(keys);
                            ui.label(command.label());
                            ui.end_row();
                        }
                    }
                });
        });
    if open {
        Vec::new()
    } else {
        vec![Command::ToggleShortcutSheet]
    }
}
