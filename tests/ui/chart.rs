//! The chart and the report from the window, driven headless through egui_kittest: "Copy chart"
//! (button and Ctrl+Shift+C) puts an image of the plot's size on the clipboard; a period typed in
//! the date fields or dragged on the plot restricts the table, the copies and the report.

use super::report_fixture;

use std::path::Path;
use std::time::Duration;

use dossier::ui::app::State;
use dossier::ui::clipboard::RecordingClipboard;
use dossier::ui::commands::Command;
use dossier::ui::timeline;
use dossier::ui::{DossierApp, Startup};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// Runs frames until the background work (load, exports) is over, then lets the UI settle.
fn wait_idle(harness: &mut Harness<'static, DossierApp>) {
    for _ in 0..3000 {
        harness.step();
        if harness.state().is_idle() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(harness.state().is_idle(), "background work did not finish");
    harness.run();
}

/// The app on the fixture corpus in `dir`, with a recording clipboard.
pub(super) fn open(dir: &Path, clip: &RecordingClipboard) -> Harness<'static, DossierApp> {
    let startup = Startup::new(vec![dir.to_owned()])
        .with_clipboard(Box::new(clip.clone()))
        .with_state(State::default())
        .with_data_home(dir.join("data-home"))
        .with_cache(super::window::shared_test_cache());
    let mut harness = Harness::builder()
        .with_size([1500.0, 950.0])
        .build_eframe(move |cc| DossierApp::new(cc, startup));
    wait_idle(&mut harness);
    harness
}

/// The "From" date field (the label beside it has the same name).
fn from_field<'h>(harness: &'h Harness<'static, DossierApp>) -> egui_kittest::Node<'h> {
    harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "From")
}

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    report_fixture::write(dir.path());
    dir
}

#[test]
fn copy_chart_puts_an_image_of_the_plotted_size_on_the_clipboard() {
    let dir = fixture();
    let clip = RecordingClipboard::default();
    let mut harness = open(dir.path(), &clip);
    harness.get_by_label("Copy chart").click();
    harness.run();
    let (w, h) = timeline::plot_size(&harness.ctx).expect("the plot was drawn");
    let scale = harness.ctx.pixels_per_point();
    {
        let images = clip.images.lock().unwrap();
        let (image, alt) = images.last().expect("an image was copied");
        assert_eq!(
            (image.width, image.height),
            (
                (w as f32 * scale).round() as usize,
                (h as f32 * scale).round() as usize
            )
        );
        assert!(image.distinct_colors() > 20, "{}", image.distinct_colors());
        assert!(alt.contains("3 incidents"), "{alt}");
    }
    assert!(
        harness
            .query_all_by_label_contains("Copied the chart")
            .next()
            .is_some()
    );

    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::C,
    );
    harness.run();
    assert_eq!(
        clip.images.lock().unwrap().len(),
        2,
        "the shortcut copies too"
    );
}

#[test]
fn a_typed_period_restricts_the_table_the_copies_and_the_report() {
    let dir = fixture();
    let clip = RecordingClipboard::default();
    let mut harness = open(dir.path(), &clip);
    assert!(
        harness
            .query_by_label_contains("— Quillon Bank —")
            .is_some()
    );
    from_field(&harness).focus();
    from_field(&harness).type_text("2021");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let period = harness.state().save_state().timeline.period;
    assert_eq!(period.label(), "from 2021-01-01");
    assert!(
        harness
            .query_by_label_contains("— Quillon Bank —")
            .is_none()
    );
    assert!(
        harness
            .query_by_label_contains("— Vesper Exchange —")
            .is_some()
    );

    harness.get_by_label("Copy incidents table").click();
    harness.run();
    let (tsv, _) = clip.last().expect("the table was copied");
    assert!(
        tsv.contains("Vesper Exchange") && !tsv.contains("Quillon"),
        "{tsv}"
    );
    harness.get_by_label("Copy chart").click();
    harness.run();
    assert!(clip.images.lock().unwrap()[0].1.contains("1 incidents"));

    let out = dir.path().join("export").join("brief.md");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    harness
        .state_mut()
        .send(Command::ExportReport(Some(out.clone())));
    wait_idle(&mut harness);
    let md = std::fs::read_to_string(&out).expect("the report was written");
    assert!(md.contains("Filters: event dates: from 2021-01-01"), "{md}");
    assert!(md.contains("Vesper Exchange"));
    assert!(!md.contains("Quillon Bank —"), "{md}");
    assert!(dir.path().join("export/brief-chart.png").exists());
    assert!(
        harness
            .query_by_label_contains("Exported the report")
            .is_some()
    );

    harness.get_by_label("All dates").click();
    harness.run();
    assert!(harness.state().save_state().timeline.period.is_all());
    assert!(
        harness
            .query_by_label_contains("— Quillon Bank —")
            .is_some()
    );
}

#[test]
fn dragging_across_the_plot_selects_a_period() {
    let dir = fixture();
    let clip = RecordingClipboard::default();
    let mut harness = open(dir.path(), &clip);
    let rect = timeline::plot_rect(&harness.ctx).expect("the plot was drawn");
    let y = rect.center().y;
    harness.drag_at(egui::pos2(rect.left() + rect.width() * 0.3, y));
    harness.step();
    harness.hover_at(egui::pos2(rect.left() + rect.width() * 0.7, y));
    harness.step();
    harness.drop_at(egui::pos2(rect.right() - 2.0, y));
    harness.run();
    let period = harness.state().save_state().timeline.period;
    assert!(period.from.is_some() && period.to.is_some(), "{period:?}");
    assert!(
        harness
            .get_by_label("From")
            .value()
            .is_some_and(|v| !v.is_empty())
    );
}

#[test]
fn save_chart_writes_png_and_svg() {
    let dir = fixture();
    let clip = RecordingClipboard::default();
    let mut harness = open(dir.path(), &clip);
    let path = dir.path().join("timeline.png");
    harness
        .state_mut()
        .send(Command::SaveChart(Some(path.clone())));
    wait_idle(&mut harness);
    let png = std::fs::read(&path).expect("the PNG was written");
    assert!(png.starts_with(b"\x89PNG"));
    let svg = std::fs::read_to_string(dir.path().join("timeline.svg")).unwrap();
    assert!(svg.contains("<svg") && svg.contains("Stolen"));
}
