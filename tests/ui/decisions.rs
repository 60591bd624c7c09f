//! The analyst's decisions in the window: the file beside the corpus is replayed on every load,
//! so the incidents table, the chart and the exports show the corrected world.

use super::report_fixture;
use super::window::wait_idle;

use std::path::Path;
use std::process::Command;

use dossier::ui::Startup;
use dossier::ui::app::{DossierApp, State};
use dossier::ui::clipboard::RecordingClipboard;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn open(dir: &Path) -> Harness<'static, DossierApp> {
    let startup = Startup::new(vec![dir.to_owned()])
        .with_clipboard(Box::new(RecordingClipboard::default()))
        .with_state(State::default())
        .with_data_home(dir.join("data-home"));
    let mut harness = Harness::builder()
        .with_size([1500.0, 950.0])
        .build_eframe(move |cc| DossierApp::new(cc, startup));
    wait_idle(&mut harness);
    harness
}

/// `dossier decide DIR args…`, as an analyst scripts it.
fn decide(dir: &Path, args: &[&str]) {
    let status = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("decide")
        .arg(dir)
        .args(args)
        .status()
        .expect("dossier runs");
    assert!(status.success());
}

#[test]
fn a_rejected_figure_leaves_the_incidents_table_when_the_corpus_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    report_fixture::write(dir.path());
    let before = open(dir.path());
    assert!(
        before
            .query_by_label_contains("— Marlow Credit Union —")
            .is_some(),
        "the machine's attempt is listed"
    );
    drop(before);
    decide(
        dir.path(),
        &[
            "reject",
            "--article",
            "marlow",
            "--figure",
            "$9 million",
            "--note",
            "a drill, not an attempt",
        ],
    );
    let after = open(dir.path());
    assert!(
        after
            .query_by_label_contains("— Marlow Credit Union —")
            .is_none(),
        "the analyst's rejection is replayed"
    );
    assert!(
        after
            .query_by_label_contains("— Vesper Exchange —")
            .is_some()
    );
}
