//! The annotations panel as a component on its own: Save as, Open and the W3C export.

use dossier::annotations::model::AnnotationFile;
use dossier::annotations::store::FILE_NAME;
use dossier::ui::commands::Command;
use eframe::egui::{self, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use super::annotations::{ARTICLE, PASSAGE, char_range, seed_corpus};
use super::ui_support;

/// Steps the panel component until `done`, blocking on its worker's reports between frames.
fn bench_wait(h: &mut Harness<'static, Bench>, what: &str, done: impl Fn(&Bench) -> bool) {
    for _ in 0..100 {
        h.step();
        if done(h.state()) {
            return;
        }
        h.state_mut()
            .ui
            .session_mut()
            .wait_for_report(ui_support::PATIENCE);
    }
    panic!("gave up waiting for {what}");
}

/// The annotations component alone, as the app embeds it.
struct Bench {
    ui: dossier::ui::annotations::AnnotationsUi,
    analysis: std::sync::Arc<dossier::analysis::Analysis>,
    opened: bool,
}

#[test]
fn save_as_open_and_w3c_export_from_the_panel_component() {
    let dir = seed_corpus();
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let analysis = std::sync::Arc::new(dossier::analysis::Analysis::of(dossier::corpus::load(
        &[dir.path().to_owned()],
        &|_| {},
        &cancel,
    )));
    let bench = Bench {
        ui: Default::default(),
        analysis,
        opened: false,
    };
    let mut h = Harness::builder().with_size([500.0, 700.0]).build_ui_state(
        |ui, b: &mut Bench| {
            let ctx = ui.ctx().clone();
            if !b.opened {
                b.ui.corpus_opened(std::sync::Arc::clone(&b.analysis));
                b.opened = true;
            }
            b.ui.poll();
            // The panel's commands are the app's to apply; this test calls the session itself.
            let _ = b.ui.panel_ui(ui, Some(ARTICLE));
            // The editor's commands, applied as the app does.
            for command in b.ui.editor_ui(&ctx) {
                match command {
                    Command::CreateAnnotation {
                        article,
                        start,
                        end,
                        quote,
                        tag,
                        note,
                    } => {
                        b.ui.session_mut()
                            .create(&article, (start, end), &quote, &tag, &note);
                    }
                    other => panic!("the editor asked for {other:?}"),
                }
            }
        },
        bench,
    );
    bench_wait(&mut h, "the annotation file to load", |b| {
        b.ui.session().is_loaded()
    });
    let text = h.state().analysis.corpus.articles[h
        .state()
        .analysis
        .corpus
        .articles
        .iter()
        .position(|a| a.id == ARTICLE)
        .unwrap()]
    .text
    .clone();
    let (start, end) = char_range(&text, PASSAGE);
    // Esc cancels: nothing is created.
    h.state_mut().ui.begin(ARTICLE, start, end, PASSAGE);
    h.run_steps(2);
    assert!(h.state().ui.wants_keyboard());
    h.get_by_role_and_label(Role::TextInput, "Tag")
        .type_text("dropped");
    h.key_press(egui::Key::Escape);
    h.run_steps(2);
    assert!(!h.state().ui.wants_keyboard());
    assert!(h.state().ui.session().annotations().is_empty());
    h.state_mut().ui.session_mut().set_author("Analyst A");
    h.state_mut().ui.begin(ARTICLE, start, end, PASSAGE);
    h.run_steps(2);
    h.get_by_role_and_label(Role::TextInput, "Tag")
        .type_text("amount");
    h.get_by_label("Save").click();
    h.run_steps(2);
    assert_eq!(h.state().ui.session().annotations().len(), 1);
    h.state_mut().ui.session_mut().flush();
    let default = dir.path().join(FILE_NAME);
    let before: AnnotationFile = serde_json::from_slice(&std::fs::read(&default).unwrap()).unwrap();
    assert_eq!(before.annotations.len(), 1);
    let highlights = h.state().ui.highlights(ARTICLE);
    assert_eq!((highlights[0].start, highlights[0].end), (start, end));
    assert_eq!(highlights[0].tooltip, "amount");
    // Filtering by another tag hides it; "All tags" shows it again.
    h.get_by_label("Filter by tag").click();
    h.run_steps(2);
    h.get_by_label("victim").click();
    h.run_steps(2);
    h.get_by_label("0 annotations");
    h.get_by_label("Filter by tag").click();
    h.run_steps(2);
    h.get_by_label("All tags").click();
    h.run_steps(2);
    h.get_by_label("1 annotation");

    // Export as W3C JSON-LD.
    let out = dir.path().join("export.jsonld");
    h.state_mut().ui.session_mut().export_w3c(&out);
    bench_wait(&mut h, "the export", |_| out.exists());
    let doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let item = &doc["first"]["items"][0];
    assert_eq!(doc["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(item["target"]["selector"][0]["exact"], PASSAGE);
    assert_eq!(item["target"]["selector"][1]["start"], start as u64);
    assert_eq!(item["creator"]["name"], "Analyst A");
    // The seed has no web address: the target is the article's Dossier URN.
    assert_eq!(
        item["target"]["source"],
        format!("urn:dossier:article:{ARTICLE}")
    );

    // Save as another file: it is used from now on, the default file is left as it was.
    let elsewhere = dir.path().join("elsewhere.json");
    h.state_mut().ui.session_mut().save_as(&elsewhere);
    bench_wait(&mut h, "the save as", |b| {
        b.ui.session().file() == Some(elsewhere.as_path())
    });
    assert!(
        h.state()
            .ui
            .session()
            .status()
            .unwrap()
            .contains("elsewhere.json")
    );
    let id = h.state().ui.session().annotations()[0].id.clone();
    h.state_mut().ui.session_mut().delete(id);
    h.state_mut().ui.session_mut().flush();
    let saved: AnnotationFile =
        serde_json::from_slice(&std::fs::read(&elsewhere).unwrap()).unwrap();
    assert!(saved.annotations.is_empty());

    // Undo goes to the new file too; the default file still holds what was saved there.
    h.state_mut().ui.session_mut().undo();
    h.state_mut().ui.session_mut().flush();
    let saved: AnnotationFile =
        serde_json::from_slice(&std::fs::read(&elsewhere).unwrap()).unwrap();
    assert_eq!(saved.annotations.len(), 1);
    let still: AnnotationFile = serde_json::from_slice(&std::fs::read(&default).unwrap()).unwrap();
    assert_eq!(still, before);

    // Open the default file again.
    h.state_mut().ui.session_mut().open_file(&default);
    bench_wait(&mut h, "the default file to load", |b| {
        b.ui.session().is_loaded()
    });
    assert_eq!(h.state().ui.session().file(), Some(default.as_path()));
    assert_eq!(
        h.state().ui.session().annotations(),
        &before.annotations[..]
    );
}
