//! Copying from the window, the keyboard, the shortcut sheet, settings, zoom and the path field.

use std::path::Path;

use dossier::ui::Startup;
use dossier::ui::app::State;
use dossier::ui::clipboard::RecordingClipboard;
use dossier::ui::commands::Command;
use dossier::workbench::CorpusSource;
use eframe::egui;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::ui_support;
use super::window::*;

#[test]
fn copy_incidents_table_puts_tsv_and_html_on_the_clipboard() {
    let clip = RecordingClipboard::default();
    let mut harness = open(fresh(vec![], &clip));
    harness.get_by_label("Copy incidents table").click();
    harness.run();
    let (tsv, html) = clip.last().expect("a copy");
    let html = html.expect("an HTML table");
    assert!(
        tsv.contains('\t') && tsv.contains("Bangladesh central bank"),
        "{tsv}"
    );
    assert!(
        html.contains("<table") && html.contains("Bangladesh central bank"),
        "{html}"
    );
}

#[test]
fn copy_entities_table_copies_what_the_filter_box_shows() {
    let clip = RecordingClipboard::default();
    let mut harness = open(fresh(vec![], &clip));
    let filter_box = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        n.data().placeholder() == Some("Filter entities")
    };
    harness.get_by(filter_box).focus();
    harness.run();
    harness.get_by(filter_box).type_text("Lazarus");
    harness.run();
    harness.get_by_label("Copy entities table").click();
    harness.run();
    let (tsv, html) = clip.last().expect("a copy");
    assert!(tsv.contains("Lazarus"), "{tsv}");
    assert!(
        !tsv.contains("Pyongyang"),
        "the filter box restricts the table: {tsv}"
    );
    assert!(html.is_some_and(|h| h.contains("<table")));
}

#[test]
fn clicking_an_incident_opens_its_source_passage() {
    let clip = RecordingClipboard::default();
    let mut harness = open(fresh(vec![], &clip));
    // The list starts on the newest article, which does not report the heist.
    let first = harness.state().selected_article().map(|a| a.id.clone());
    assert_eq!(first.as_deref(), Some("000_b300ff2006829ba1"));
    harness
        .get_by_label("$81 million — Bangladesh central bank — 2016-02")
        .click();
    harness.run();
    let shown = harness.state().selected_article().map(|a| a.id.clone());
    assert_eq!(shown.as_deref(), Some("004_b52b360fd082bb0b"));
}

#[test]
fn copy_figure_puts_the_citation_on_the_clipboard() {
    let clip = RecordingClipboard::default();
    let mut harness = open(fresh(vec![], &clip));
    let row = harness
        .query_all_by_label("Copy figure")
        .next()
        .expect("a Copy figure button per incident");
    row.click();
    harness.run();
    let (text, html) = clip.last().expect("a copy");
    assert!(html.is_none());
    assert!(
        text.contains("million") || text.contains("billion"),
        "{text}"
    );
    assert!(
        text.contains("004_b52b360fd082bb0b") || text.contains("2017-12-19"),
        "{text}"
    );
}

#[test]
fn restart_restores_the_reader_scroll_position() {
    let clip = RecordingClipboard::default();
    let mut first = open(fresh(vec![], &clip));
    let article = first
        .state()
        .loaded()
        .analysis
        .corpus
        .articles
        .iter()
        .find(|a| a.id == "004_b52b360fd082bb0b")
        .map(|a| (a.id.clone(), a.text.chars().count()))
        .unwrap();
    first.state_mut().send(Command::ShowPassage {
        article: article.0.clone(),
        start: article.1 - 20,
        end: article.1 - 1,
    });
    first.run();
    let saved = first.state().save_state();
    assert!(
        saved.reader_offset > 100.0,
        "scrolled down: {}",
        saved.reader_offset
    );
    drop(first);
    let second = open(
        Startup::new(vec![])
            .with_clipboard(Box::new(clip))
            .with_state(saved.clone()),
    );
    let restored = second.state().save_state();
    assert_eq!(restored.article, Some(article.0));
    assert!(
        (restored.reader_offset - saved.reader_offset).abs() < 2.0,
        "{} vs {}",
        restored.reader_offset,
        saved.reader_offset
    );
}

#[test]
fn typing_in_the_search_box_does_not_trigger_shortcuts() {
    let clip = RecordingClipboard::default();
    let mut harness = open(fresh(vec![], &clip));
    let before = harness.state().selected_article().map(|a| a.id.clone());
    let search = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        n.data()
            .placeholder()
            .is_some_and(|p| p.starts_with("Search articles"))
    };
    harness.get_by(search).focus();
    harness.run();
    harness.get_by(search).type_text("jk");
    harness.step();
    wait_idle(&mut harness);
    assert_eq!(harness.state().save_state().search, "jk");
    assert_eq!(
        harness.state().selected_article().map(|a| a.id.clone()),
        before
    );
}

#[test]
fn ctrl_plus_enlarges_the_reader_text_and_the_size_is_saved() {
    let clip = RecordingClipboard::default();
    let mut harness = open(fresh(vec![], &clip));
    let before = harness.state().save_state().settings.reader_font_size;
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    harness.run();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Plus);
    harness.run();
    let after = harness.state().save_state().settings.reader_font_size;
    assert_eq!(after, before + 2.0);
}

#[test]
fn question_mark_shows_the_shortcut_sheet_and_settings_show_the_author() {
    let clip = RecordingClipboard::default();
    let mut state = State::default();
    state.settings.author = "A. Analyst".to_owned();
    let mut harness = open(
        Startup::new(vec![])
            .with_clipboard(Box::new(clip))
            .with_state(state),
    );
    assert!(harness.query_by_label("Keyboard shortcuts").is_none());
    harness.key_press(egui::Key::Questionmark);
    harness.run();
    harness.get_by_label("Keyboard shortcuts");
    harness.get_by_label("Next search hit");

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Settings…").click();
    harness.run();
    let author = harness.get_by(|n| {
        n.data()
            .placeholder()
            .is_some_and(|p| p.starts_with("Name written on your annotations"))
    });
    assert_eq!(author.value().as_deref(), Some("A. Analyst"));
}

#[test]
fn the_theme_setting_is_applied_and_can_be_changed() {
    use dossier::ui::settings::Theme;
    let clip = RecordingClipboard::default();
    let mut state = State::default();
    state.settings.theme = Theme::Light;
    let mut harness = open(
        Startup::new(vec![])
            .with_clipboard(Box::new(clip))
            .with_state(state),
    );
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Settings…").click();
    harness.run();
    harness.get_by_label("Dark").click();
    harness.run();
    assert_eq!(harness.ctx.theme(), egui::Theme::Dark);
    assert_eq!(harness.state().save_state().settings.theme, Theme::Dark);
}

#[test]
fn a_selected_passage_is_copied_with_its_citation_and_forgotten_on_the_next_article() {
    let clip = RecordingClipboard::default();
    let mut harness = open(fresh(vec![], &clip));
    let rect = open_article(&mut harness, "2017-12-19");
    // Drag across the first line of the text.
    let y = rect.top() + 8.0;
    harness.drag_at(egui::pos2(rect.left() + 2.0, y));
    harness.step();
    harness.hover_at(egui::pos2(rect.left() + 250.0, y));
    harness.step();
    harness.drop_at(egui::pos2(rect.left() + 250.0, y));
    harness.run();
    harness.get_by_label("Copy passage with citation").click();
    harness.run();
    let (text, _) = clip.last().expect("the passage was copied");
    assert!(text.contains("North Korea"), "{text}");

    // Select again (the reader keeps the keyboard focus), then move to the previous article.
    harness.drag_at(egui::pos2(rect.left() + 2.0, y));
    harness.step();
    harness.hover_at(egui::pos2(rect.left() + 250.0, y));
    harness.step();
    harness.drop_at(egui::pos2(rect.left() + 250.0, y));
    harness.run();
    harness.key_press(egui::Key::K);
    harness.run();
    assert_eq!(
        harness.state().selected_article().map(|a| a.id.as_str()),
        Some("000_b300ff2006829ba1")
    );
    let copy = harness.get_by_label("Copy passage with citation");
    assert!(copy.accesskit_node().is_disabled());
}

#[test]
fn the_a_key_opens_the_annotation_editor_on_the_selection_and_keys_then_go_to_it() {
    let clip = RecordingClipboard::default();
    let mut harness = open(fresh(vec![], &clip));
    let rect = open_article(&mut harness, "2017-12-19");
    let y = rect.top() + 8.0;
    harness.drag_at(egui::pos2(rect.left() + 2.0, y));
    harness.step();
    harness.hover_at(egui::pos2(rect.left() + 250.0, y));
    harness.step();
    harness.drop_at(egui::pos2(rect.left() + 250.0, y));
    harness.run();
    assert!(harness.query_by_label("New annotation").is_none());
    harness.key_press(egui::Key::A);
    harness.run();
    harness.get_by_label("New annotation");
    // While the editor is open, j and k are not article navigation.
    let before = harness.state().selected_article().map(|a| a.id.clone());
    harness.key_press(egui::Key::K);
    harness.run();
    assert_eq!(
        harness.state().selected_article().map(|a| a.id.clone()),
        before
    );
    // Saved on closing the window, under the data folder the app was given (not the user's).
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Tag")
        .type_text("question");
    harness.key_press(egui::Key::Enter);
    harness.run();
    let data_home = harness.close();
    let file = data_home.path().join("dossier/sample-annotations.json");
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).expect("the sample annotations file"))
            .unwrap();
    let annotations = saved["annotations"].as_array().unwrap();
    assert_eq!(annotations.len(), 1);
    assert_eq!(annotations[0]["tag"], "question");
    assert_eq!(annotations[0]["article"], before.unwrap().as_str());
}

#[test]
fn without_a_file_dialog_ctrl_o_says_why_and_a_typed_path_with_completion_opens() {
    let corpus = tempfile::tempdir().unwrap();
    let folder = corpus.path().join("heist-reports");
    std::fs::create_dir(&folder).unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for e in std::fs::read_dir(seeds).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, folder.join(p.file_name().unwrap())).unwrap();
    }
    let clip = RecordingClipboard::default();
    let mut harness = open(
        fresh(vec![], &clip).without_file_dialog("No file dialog can open here (test desktop)"),
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    wait_idle(&mut harness);
    harness.run_steps(2);
    // The status bar says why, and the path field takes the dialog's place.
    assert!(
        harness
            .query_by_label_contains("No file dialog can open here (test desktop)")
            .is_some()
    );
    let field = harness.get_by_role_and_label(
        egui::accesskit::Role::TextInput,
        "Path of a corpus folder or file (Tab completes)",
    );
    assert!(field.is_focused(), "the path field takes the keyboard");
    // Replace the suggested start with the corpus folder and the first letters of its child.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    harness
        .get_by_role_and_label(
            egui::accesskit::Role::TextInput,
            "Path of a corpus folder or file (Tab completes)",
        )
        .type_text(&format!("{}/heist-r", corpus.path().display()));
    let completed = format!("{}/", folder.display());
    ui_support::run_until(&mut harness, "the completion", |h| {
        h.query_by_label(&completed).is_some()
    });
    harness.key_press(egui::Key::Tab);
    harness.run_steps(2);
    let value = harness
        .get_by_role_and_label(
            egui::accesskit::Role::TextInput,
            "Path of a corpus folder or file (Tab completes)",
        )
        .value()
        .unwrap_or_default();
    assert!(value.ends_with(&completed), "{value}");
    harness.key_press(egui::Key::Enter);
    wait_idle(&mut harness);
    assert_eq!(
        harness.state().loaded().source,
        CorpusSource::Paths(vec![folder.clone()])
    );
    assert_eq!(article_rows(&harness).len(), 2);
    assert!(
        harness
            .query_by_label("Path of a corpus folder or file (Tab completes)")
            .is_none(),
        "the field closes once the corpus opens"
    );
}
