//! The workbench driven headless through egui_kittest: the real `DossierApp`, its worker threads
//! and its AccessKit tree, the way a user (or a screen reader) sees it.
#![cfg(feature = "ui-tests")]

mod ui_support;

use std::path::{Path, PathBuf};

use dossier::ui::app::State;
use dossier::ui::clipboard::RecordingClipboard;
use dossier::ui::commands::Command;
use dossier::ui::{DossierApp, Startup};
use dossier::workbench::CorpusSource;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// A fresh session (no saved state) with a recording clipboard.
fn fresh(paths: Vec<PathBuf>, clipboard: &RecordingClipboard) -> Startup {
    Startup::new(paths)
        .with_clipboard(Box::new(clipboard.clone()))
        .with_state(State::default())
}

/// A running app and the temporary folder that stands in for the user's data folder (where the
/// sample corpus's annotations go), removed after the app.
struct Opened {
    harness: Harness<'static, DossierApp>,
    data_home: tempfile::TempDir,
}

impl std::ops::Deref for Opened {
    type Target = Harness<'static, DossierApp>;
    fn deref(&self) -> &Self::Target {
        &self.harness
    }
}

impl std::ops::DerefMut for Opened {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.harness
    }
}

impl Opened {
    /// Closes the window (which saves pending annotations) and hands back the data folder.
    fn close(self) -> tempfile::TempDir {
        drop(self.harness);
        self.data_home
    }
}

/// Starts the app with its data folder in a new temporary folder, so that no test reads or writes
/// the real `$XDG_DATA_HOME/dossier`.
fn open(startup: Startup) -> Opened {
    let data_home = tempfile::tempdir().unwrap();
    let startup = startup.with_data_home(data_home.path().to_owned());
    let mut harness = Harness::builder()
        .with_size([1500.0, 950.0])
        // Small steps, so that status notes (shown for 6 s) outlast the frames a load takes.
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| DossierApp::new(cc, startup));
    wait_idle(&mut harness);
    Opened { harness, data_home }
}

/// Runs frames until the background work (load, search) is over, then lets the UI settle.
fn wait_idle(harness: &mut Harness<'static, DossierApp>) {
    ui_support::run_until(harness, "the background work", |h| h.state().is_idle());
    harness.run();
}

/// Labels of the article rows, in list order ("2017-12-19 · Title").
fn article_rows(harness: &Harness<'static, DossierApp>) -> Vec<String> {
    harness
        .query_all_by(|n| n.role() == egui::accesskit::Role::ListItem)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| {
            l.split_once(" · ").is_some_and(|(date, _)| {
                date == "undated" || (date.len() == 10 && date.as_bytes()[4] == b'-')
            })
        })
        .collect()
}

use eframe::egui;

fn seed_text(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("seeds")
            .join(name),
    )
    .unwrap()
}

/// A line of the article body long enough to be unambiguous.
fn body_line(seed: &str) -> String {
    seed.lines()
        .skip(1)
        .map(str::trim)
        .find(|l| l.len() > 60 && !l.contains('"'))
        .map(|l| l.chars().take(50).collect())
        .unwrap()
}

#[test]
fn opens_on_the_sample_corpus_with_both_seed_articles() {
    let clip = RecordingClipboard::default();
    let harness = open(fresh(vec![], &clip));
    let rows = article_rows(&harness);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        rows.iter().any(|r| r.starts_with("2019-03-02 · ")),
        "{rows:?}"
    );
    assert!(
        rows.iter().any(|r| r.starts_with("2017-12-19 · ")),
        "{rows:?}"
    );
    assert_eq!(harness.state().loaded().source, CorpusSource::Sample);
}

#[test]
fn clicking_an_article_shows_its_text_in_the_reader() {
    let clip = RecordingClipboard::default();
    let mut harness = open(fresh(vec![], &clip));
    let line = body_line(&seed_text("004_b52b360fd082bb0b.txt"));
    let other = body_line(&seed_text("000_b300ff2006829ba1.txt"));
    harness
        .get_by(|n| n.label().is_some_and(|l| l.starts_with("2017-12-19 · ")))
        .click();
    harness.run();
    let reader = harness.get_by(|n| n.role() == egui::accesskit::Role::MultilineTextInput);
    let value = reader.value().unwrap_or_default();
    assert!(value.contains(&line), "reader does not show {line:?}");
    assert!(!value.contains(&other));
    harness.get_by_label("Published 2017-12-19");
}

#[test]
fn incidents_table_lists_the_thefts_and_not_the_sony_damage() {
    let clip = RecordingClipboard::default();
    let harness = open(fresh(vec![], &clip));
    harness.get_by_label("$81 million — Bangladesh Bank — 2016-02");
    let sixty: Vec<String> = harness
        .query_all_by(|n| n.label().is_some_and(|l| l.starts_with("$60 million — ")))
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert_eq!(sixty.len(), 1, "{sixty:?}");
    assert!(sixty[0].contains("— 2017"), "{sixty:?}");
    assert!(
        harness
            .query_by(|n| n.label().is_some_and(|l| l.starts_with("$15 million")))
            .is_none()
    );
}

#[test]
fn clicking_lazarus_filters_the_list_and_esc_clears_it() {
    let clip = RecordingClipboard::default();
    let mut harness = open(fresh(vec![], &clip));
    assert_eq!(article_rows(&harness).len(), 2);
    harness
        .query_all_by(|n| {
            n.role() == egui::accesskit::Role::ListItem
                && n.label().is_some_and(|l| l.starts_with("Lazarus"))
        })
        .next()
        .expect("a Lazarus row in the entity sidebar")
        .click();
    harness.run();
    let rows = article_rows(&harness);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].starts_with("2017-12-19 · "));
    // The chip names the filter; Esc removes it.
    harness.get_by(|n| {
        n.label()
            .is_some_and(|l| l.starts_with("Lazarus") && l.ends_with('×'))
    });
    harness.key_press(egui::Key::Escape);
    harness.run();
    assert_eq!(article_rows(&harness).len(), 2);
}

#[test]
fn searching_bangladesh_keeps_the_one_matching_article_and_highlights_the_hit() {
    let clip = RecordingClipboard::default();
    let mut harness = open(fresh(vec![], &clip));
    harness
        .get_by(|n| {
            n.data()
                .placeholder()
                .is_some_and(|p| p.starts_with("Search articles"))
        })
        .focus();
    harness.run();
    harness
        .get_by(|n| {
            n.data()
                .placeholder()
                .is_some_and(|p| p.starts_with("Search articles"))
        })
        .type_text("Bangladesh");
    harness.step();
    wait_idle(&mut harness);
    let rows = article_rows(&harness);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert!(rows[0].starts_with("2017-12-19 · "));
    assert!(harness.query_by_label_contains("in 1 article").is_some());
    // The reader is on the first hit.
    harness.get_by_label_contains("Hit 1/");
}

#[test]
fn keyboard_j_and_k_step_through_the_list() {
    let clip = RecordingClipboard::default();
    let mut harness = open(fresh(vec![], &clip));
    let rows = harness.state().visible_articles().to_vec();
    assert_eq!(rows.len(), 2);
    let first = harness.state().selected_article().map(|a| a.id.clone());
    harness.key_press(egui::Key::J);
    harness.run();
    let second = harness.state().selected_article().map(|a| a.id.clone());
    assert_ne!(first, second);
    harness.key_press(egui::Key::K);
    harness.run();
    assert_eq!(
        harness.state().selected_article().map(|a| a.id.clone()),
        first
    );
}

#[test]
fn a_folder_with_bad_files_lists_each_failure_by_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Hackers steal $5 million from Example Bank\n\nThe thieves took $5 million from Example Bank in March 2021, the bank said.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("garbage.bin"),
        [0u8, 159, 146, 150, 0, 0, 255, 254, 0, 1, 2, 3],
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let clip = RecordingClipboard::default();
    let mut harness = open(fresh(vec![dir.path().to_path_buf()], &clip));
    assert_eq!(article_rows(&harness).len(), 1);
    harness
        .get_by(|n| {
            n.label()
                .is_some_and(|l| l.ends_with(" error") || l.ends_with(" errors"))
        })
        .click();
    harness.run();
    harness.get_by_label("Load errors");
    assert!(
        harness.query_by_label_contains("empty.txt").is_some(),
        "the error list names empty.txt"
    );
    assert!(
        harness.query_by_label_contains("garbage.bin").is_some(),
        "the error list names garbage.bin"
    );
}

#[test]
fn restart_restores_the_last_corpus_and_article() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "alpha.txt",
            "Alpha exchange hacked\n\nAttackers drained $3 million from the Alpha exchange.\n",
        ),
        (
            "beta.txt",
            "Beta bank heist\n\nThieves stole $7 million from Beta Bank through forged transfers.\n",
        ),
    ] {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let clip = RecordingClipboard::default();
    let mut first = open(fresh(vec![dir.path().to_path_buf()], &clip));
    let beta = first
        .state()
        .loaded()
        .analysis
        .corpus
        .articles
        .iter()
        .position(|a| a.text.contains("Beta Bank"))
        .expect("beta article loaded");
    first.state_mut().send(Command::SelectArticle(beta));
    first.run();
    let saved = first.state().save_state();
    let beta_id = first.state().selected_article().map(|a| a.id.clone());
    drop(first);

    // Restart with no path on the command line: the session decides.
    let second = open(
        Startup::new(vec![])
            .with_clipboard(Box::new(clip.clone()))
            .with_state(saved),
    );
    assert_eq!(
        second.state().loaded().source,
        CorpusSource::Paths(vec![dir.path().to_path_buf()])
    );
    assert_eq!(
        second.state().selected_article().map(|a| a.id.clone()),
        beta_id
    );
    let reader = second.get_by(|n| n.role() == egui::accesskit::Role::MultilineTextInput);
    assert!(reader.value().unwrap_or_default().contains("Beta Bank"));
}

#[test]
fn a_vanished_corpus_falls_back_to_the_sample_and_leaves_the_recent_list() {
    let gone = PathBuf::from("/nonexistent/dossier-corpus");
    let state = State {
        corpus: CorpusSource::Paths(vec![gone.clone()]),
        recent: vec![vec![gone.clone()], vec![PathBuf::from("/elsewhere")]],
        ..State::default()
    };
    let clip = RecordingClipboard::default();
    let harness = open(
        Startup::new(vec![])
            .with_clipboard(Box::new(clip))
            .with_state(state),
    );
    assert_eq!(harness.state().loaded().source, CorpusSource::Sample);
    let saved = harness.state().save_state();
    assert_eq!(saved.recent, vec![vec![PathBuf::from("/elsewhere")]]);
    assert!(
        harness
            .query_by_label_contains("no longer exists")
            .is_some()
    );
}

#[test]
fn copy_incidents_table_puts_tsv_and_html_on_the_clipboard() {
    let clip = RecordingClipboard::default();
    let mut harness = open(fresh(vec![], &clip));
    harness.get_by_label("Copy incidents table").click();
    harness.run();
    let (tsv, html) = clip.last().expect("a copy");
    let html = html.expect("an HTML table");
    assert!(
        tsv.contains('\t') && tsv.contains("Bangladesh Bank"),
        "{tsv}"
    );
    assert!(
        html.contains("<table") && html.contains("Bangladesh Bank"),
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
        .get_by_label("$81 million — Bangladesh Bank — 2016-02")
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
    harness
        .get_by(|n| n.label().is_some_and(|l| l.starts_with("2017-12-19 · ")))
        .click();
    harness.run();
    let rect = harness
        .get_by(|n| n.role() == egui::accesskit::Role::MultilineTextInput)
        .rect();
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
    harness
        .get_by(|n| n.label().is_some_and(|l| l.starts_with("2017-12-19 · ")))
        .click();
    harness.run();
    let rect = harness
        .get_by(|n| n.role() == egui::accesskit::Role::MultilineTextInput)
        .rect();
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
