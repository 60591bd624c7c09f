//! Saving where no file dialog can open (no desktop portal, no zenity: this machine and CI). The
//! status bar says why, not "not saved" as for a cancel, and a typed path takes the dialog's
//! place: the chart, the report and the annotations are written where it says.

use super::report_fixture;
use super::ui_support;
use super::window::{self, Opened};

use std::path::Path;

use dossier::annotations::model::AnnotationFile;
use dossier::ui::Startup;
use dossier::ui::app::{RightTab, State};
use dossier::ui::clipboard::RecordingClipboard;
use eframe::egui::{self, accesskit::Role};
use egui_kittest::kittest::Queryable as _;

/// Why no dialog opens on the test desktop.
const WHY: &str = "No file dialog can open here (test desktop)";

/// The app on the report fixture (three incidents, annotated) with the annotations tab open, on a
/// desktop where no file dialog can open, once the corpus and its annotations are read.
fn open_without_dialog(dir: &Path) -> Opened {
    let state = State {
        right_tab: RightTab::Annotations,
        ..State::default()
    };
    let mut opened = window::open(
        Startup::new(vec![dir.to_owned()])
            .with_clipboard(Box::new(RecordingClipboard::default()))
            .with_state(state)
            .without_file_dialog(WHY),
    );
    ui_support::run_until(&mut opened, "the annotations to load", |h| {
        h.state().annotations().session().is_loaded()
    });
    opened
}

/// Waits for the path field labelled `label`, checks that the status bar says why no dialog
/// opened, types `path` over the suggestion and presses Enter.
fn type_path(opened: &mut Opened, label: &str, path: &Path) {
    ui_support::run_until(opened, "the typed-path field", |h| {
        h.query_by_label(label).is_some()
    });
    let note = opened.state().note_text().unwrap_or_default().to_owned();
    assert!(
        note.contains(WHY) && note.contains("type the path instead"),
        "{note}"
    );
    assert!(!note.contains("not saved") && !note.contains("not exported"));
    let field = opened.get_by_role_and_label(Role::TextInput, label);
    assert!(field.is_focused(), "the path field takes the keyboard");
    opened.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    opened.run_steps(1);
    opened
        .get_by_role_and_label(Role::TextInput, label)
        .type_text(&path.display().to_string());
    opened.run_steps(1);
    opened.key_press(egui::Key::Enter);
    window::wait_idle(opened);
}

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    report_fixture::write(dir.path());
    dir
}

#[test]
fn without_a_dialog_save_chart_writes_the_typed_path() {
    let dir = fixture();
    let mut opened = open_without_dialog(dir.path());
    opened.get_by_label("Save chart…").click();
    let out = dir.path().join("charts").join("heists.png");
    std::fs::create_dir(out.parent().unwrap()).unwrap();
    type_path(
        &mut opened,
        "Path of the PNG to write (Tab completes)",
        &out,
    );
    let png = std::fs::read(&out).expect("the PNG was written where typed");
    assert!(png.starts_with(b"\x89PNG"));
    let svg = std::fs::read_to_string(out.with_extension("svg")).expect("and the SVG beside it");
    assert!(svg.contains("<svg"));
    assert!(
        opened
            .query_by_label("Path of the PNG to write (Tab completes)")
            .is_none(),
        "the field closes once the chart is saved"
    );
}

#[test]
fn without_a_dialog_export_report_writes_the_typed_path() {
    let dir = fixture();
    let mut opened = open_without_dialog(dir.path());
    opened.get_by_label("File").click();
    opened.run();
    opened.get_by_label("Export report…").click();
    let out = dir.path().join("brief.md");
    type_path(
        &mut opened,
        "Path of the HTML or Markdown report to write (Tab completes)",
        &out,
    );
    let md = std::fs::read_to_string(&out).expect("the report was written where typed");
    assert!(md.contains("Vesper Exchange"), "{md}");
    assert!(
        opened
            .state()
            .note_text()
            .is_some_and(|n| n.starts_with("Exported the report")),
        "{:?}",
        opened.state().note_text()
    );
}

#[test]
fn without_a_dialog_save_annotations_as_writes_the_typed_path() {
    let dir = fixture();
    let mut opened = open_without_dialog(dir.path());
    let shown = opened.state().annotations().session().annotations().len();
    assert!(shown > 0, "the fixture is annotated");
    opened.get_by_label("Save annotations as…").click();
    let out = dir.path().join("elsewhere.json");
    type_path(
        &mut opened,
        "Path of the annotation file to write (Tab completes)",
        &out,
    );
    // Written there, and the session keeps its annotations there from now on.
    ui_support::run_until(&mut opened, "the annotation file", |h| {
        h.state().annotations().session().file() == Some(out.as_path())
            && std::fs::read(&out)
                .ok()
                .and_then(|b| serde_json::from_slice::<AnnotationFile>(&b).ok())
                .is_some_and(|f| f.annotations.len() == shown)
    });
}

#[test]
fn export_stix_writes_what_the_filters_select_through_the_typed_path() {
    let dir = fixture();
    let mut state = State::default();
    state.timeline.period = dossier::chart::Period::parse("2021", "").expect("period");
    let mut opened = window::open(
        Startup::new(vec![dir.path().to_owned()])
            .with_clipboard(Box::new(RecordingClipboard::default()))
            .with_state(state)
            .without_file_dialog(WHY),
    );
    ui_support::run_until(&mut opened, "the annotations to load", |h| {
        h.state().annotations().session().is_loaded()
    });
    opened.get_by_label("File").click();
    opened.run();
    opened.get_by_label("Export STIX bundle…").click();
    let out = dir.path().join("for-opencti.json");
    type_path(
        &mut opened,
        "Path of the STIX bundle to write (Tab completes)",
        &out,
    );
    ui_support::run_until(&mut opened, "the bundle", |h| {
        h.state()
            .note_text()
            .is_some_and(|n| n.starts_with("Exported the STIX bundle"))
    });
    let bundle: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&out).expect("written where typed")).expect("JSON");
    assert_eq!(bundle["type"], "bundle");
    let incidents: Vec<&str> = bundle["objects"]
        .as_array()
        .expect("objects")
        .iter()
        .filter(|o| o["type"] == "incident")
        .filter_map(|o| o["name"].as_str())
        .collect();
    // The period in force keeps the 2021 theft; the 2019 ones stay out, as from the report.
    assert!(
        incidents.iter().any(|n| n.contains("Vesper Exchange")),
        "{incidents:?}"
    );
    assert_eq!(incidents.len(), 1, "{incidents:?}");
    assert!(
        !incidents.iter().any(|n| n.contains("Marlow")),
        "{incidents:?}"
    );
}
