//! One channel for every change: each entry of the `UICommand` table, clicked in the menu bar of
//! the running app, reaches `DossierApp::apply` as the command the table names; and the settings
//! the menus and the timeline change go through it too.

use dossier::ui::DossierApp;
use dossier::ui::clipboard::RecordingClipboard;
use dossier::ui::commands::Command;
use dossier::ui::ui_command::UICommand;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::window::*;

const MENUS: [&str; 6] = ["File", "Annotation", "Decision", "View", "Go", "Help"];

/// Opens the top menus one after the other until one lists `label`, and clicks that entry.
/// Returns the commands the app applied meanwhile.
pub(super) fn click_menu_entry(
    harness: &mut Harness<'static, DossierApp>,
    label: &str,
) -> Vec<Command> {
    let mut applied = Vec::new();
    let is_entry = |l: &str| l == label || l.starts_with(&format!("{label} "));
    // A button of the same name outside the menu ("Save chart…" on the timeline) is not it.
    let outside: Vec<_> = harness
        .query_all_by(|n| n.label().is_some_and(|l| is_entry(&l)))
        .map(|n| n.accesskit_node().id())
        .collect();
    for menu in MENUS {
        harness.get_by_label(menu).click();
        harness.run_steps(2);
        let entry = harness
            .query_all_by(|n| n.label().is_some_and(|l| is_entry(&l)))
            .find(|n| !outside.contains(&n.accesskit_node().id()));
        if let Some(entry) = entry {
            entry.click();
            for _ in 0..3 {
                harness.step();
                applied.extend_from_slice(harness.state().applied());
            }
            return applied;
        }
        // Not in this menu: close it again.
        harness.get_by_label(menu).click();
        harness.run_steps(2);
    }
    panic!("no menu lists {label:?}");
}

#[test]
fn every_ui_command_reaches_apply_from_the_menu() {
    let clip = RecordingClipboard::default();
    let mut harness = open(
        fresh(vec![], &clip).without_file_dialog("No file dialog can open here (test desktop)"),
    );
    for command in UICommand::ALL {
        let applied = click_menu_entry(&mut harness, command.label());
        assert!(
            applied.contains(&command.command()),
            "{command:?}: applied {applied:?}"
        );
        // The typed-path field that a dialog command opens here takes the keyboard: close it.
        wait_idle(&mut harness);
        if let Some(cancel) = harness.query_by_label("Cancel") {
            cancel.click();
            harness.run_steps(2);
        }
    }
}

#[test]
fn menu_toggles_change_the_saved_session_through_apply() {
    let clip = RecordingClipboard::default();
    let mut harness = open(fresh(vec![], &clip));
    assert!(harness.state().save_state().show_timeline);
    let applied = click_menu_entry(&mut harness, "Timeline");
    assert!(
        applied.contains(&Command::ShowTimeline(false)),
        "{applied:?}"
    );
    assert!(!harness.state().save_state().show_timeline);
    harness.key_press(eframe::egui::Key::Escape);
    harness.run_steps(2);
    let applied = click_menu_entry(&mut harness, "Log scale (timeline)");
    assert!(
        applied
            .iter()
            .any(|c| matches!(c, Command::SetTimeline(t) if t.log_scale)),
        "{applied:?}"
    );
    assert!(harness.state().save_state().timeline.log_scale);
}
