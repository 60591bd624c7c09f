//! The analyst's decisions in the window: the file beside the corpus is replayed on every load,
//! so the incidents table, the chart and the exports show the corrected world.

use super::report_fixture;

use std::path::Path;
use std::process::Command;

use dossier::ui::app::DossierApp;
use dossier::ui::clipboard::RecordingClipboard;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The window on `dir`, as the chart tests open it.
fn open(dir: &Path) -> Harness<'static, DossierApp> {
    super::chart::open(dir, &RecordingClipboard::default())
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
