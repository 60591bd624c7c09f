//! Keyboard shortcuts (turned into commands) and the "?" shortcut sheet.

use eframe::egui::{self, Context, Event, Id, Key, Modifiers};

use crate::ui::commands::{Command, DialogKind};

/// What the keyboard asked for this frame besides commands.
#[derive(Debug, Default, PartialEq)]
pub struct KeyRequests {
    pub commands: Vec<Command>,
    pub focus_search: bool,
    pub toggle_sheet: bool,
}

/// The sheet, as (keys, what they do).
pub const SHEET: &[(&str, &str)] = &[
    ("Ctrl+O", "Open files…"),
    ("Ctrl+Shift+O", "Open folder…"),
    ("Ctrl+F or /", "Search the corpus"),
    ("Ctrl+Shift+C", "Copy the timeline chart as an image"),
    ("Enter or F3", "Next search hit"),
    ("j or Down", "Next article"),
    ("k or Up", "Previous article"),
    ("a", "Annotate the selected passage"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo an annotation change"),
    ("Ctrl + / Ctrl −", "Reader font size"),
    ("Esc", "Clear the entity filter and the search"),
    ("?", "Show this sheet"),
];

/// Reads this frame's keys. `typing` is true while an editable text field or the annotation
/// editor has the keyboard: single-key shortcuts are then left to it. `reader` is the read-only
/// reader, which may keep focus after a selection without the user typing anywhere.
pub fn read_keys(ctx: &Context, reader: Id, editor_has_keyboard: bool) -> KeyRequests {
    let focused = ctx.memory(|m| m.focused());
    let in_reader = focused == Some(reader);
    let typing =
        editor_has_keyboard || (focused.is_some() && !in_reader && ctx.text_edit_focused());
    let mut out = KeyRequests::default();
    ctx.input_mut(|i| {
        // Shortcuts with Ctrl work even while typing (they are not text).
        if i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::O) {
            out.commands.push(Command::OpenDialog(DialogKind::Folder));
        } else if i.consume_key(Modifiers::COMMAND, Key::O) {
            out.commands.push(Command::OpenDialog(DialogKind::Files));
        }
        if i.consume_key(Modifiers::COMMAND, Key::F) {
            out.focus_search = true;
        }
        if i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::C) {
            out.commands.push(Command::CopyChart);
        }
        if i.consume_key(Modifiers::COMMAND, Key::Plus)
            || i.consume_key(Modifiers::COMMAND, Key::Equals)
        {
            out.commands.push(Command::ZoomReader(1.0));
        }
        if i.consume_key(Modifiers::COMMAND, Key::Minus) {
            out.commands.push(Command::ZoomReader(-1.0));
        }
        if i.consume_key(Modifiers::NONE, Key::F3) {
            out.commands.push(Command::NextHit);
        }
        if typing {
            return;
        }
        if i.consume_key(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z) {
            out.commands.push(Command::Redo);
        } else if i.consume_key(Modifiers::COMMAND, Key::Z) {
            out.commands.push(Command::Undo);
        }
        if i.consume_key(Modifiers::NONE, Key::Escape) {
            out.commands.push(Command::ClearFilters);
        }
        let question = i.consume_key(Modifiers::NONE, Key::Questionmark)
            || i.events
                .iter()
                .any(|e| matches!(e, Event::Text(t) if t == "?"));
        if question {
            out.toggle_sheet = true;
        } else if i.consume_key(Modifiers::NONE, Key::Slash) {
            out.focus_search = true;
        }
        if i.consume_key(Modifiers::NONE, Key::J)
            || (!in_reader && i.consume_key(Modifiers::NONE, Key::ArrowDown))
        {
            out.commands.push(Command::StepArticle(1));
        }
        if i.consume_key(Modifiers::NONE, Key::K)
            || (!in_reader && i.consume_key(Modifiers::NONE, Key::ArrowUp))
        {
            out.commands.push(Command::StepArticle(-1));
        }
        if i.consume_key(Modifiers::NONE, Key::A) {
            out.commands.push(Command::Annotate);
        }
    });
    out
}

/// The shortcut sheet window.
pub fn sheet_ui(ctx: &Context, open: &mut bool) {
    egui::Window::new("Keyboard shortcuts")
        .open(open)
        .resizable(false)
        .collapsible(false)
        .show(ctx, |ui| {
            egui::Grid::new("shortcut_sheet")
                .num_columns(2)
                .striped(true)
                .show(ui, |ui| {
                    for (keys, what) in SHEET {
                        ui.strong(*keys);
                        ui.label(*what);
                        ui.end_row();
                    }
                });
        });
}
