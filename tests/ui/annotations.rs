//! Annotations through the real app (egui_kittest): select a passage, annotate, edit, delete,
//! undo, reload, re-anchoring after the article changed on disk, a corrupt file kept, and the
//! copy commands. Each test works on its own copy of the seed corpus in a temporary folder.

use super::ui_support;

use std::path::{Path, PathBuf};

use dossier::annotations::model::AnnotationFile;
use dossier::annotations::store::{FILE_NAME, Store};
use dossier::annotations::{AnchorStatus, Annotation};
use dossier::export;
use dossier::ui::app::{RightTab, State};
use dossier::ui::clipboard::RecordingClipboard;
use dossier::ui::commands::Command;
use dossier::ui::{DossierApp, Startup};
use eframe::egui::{self, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

pub const ARTICLE: &str = "004_b52b360fd082bb0b";
pub const PASSAGE: &str = "$81 million (€72 million)";

pub fn seed_corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for e in std::fs::read_dir(seeds).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, dir.path().join(p.file_name().unwrap())).unwrap();
    }
    dir
}

/// The app on `dir` with the annotations tab open, once the corpus and annotations are loaded.
fn open(dir: &Path, clip: &RecordingClipboard) -> Harness<'static, DossierApp> {
    let state = State {
        right_tab: RightTab::Annotations,
        ..State::default()
    };
    let startup = Startup::new(vec![dir.to_owned()])
        .with_clipboard(Box::new(clip.clone()))
        .with_state(state)
        .with_cache(super::window::shared_test_cache());
    let mut harness = Harness::builder()
        .with_size([1500.0, 950.0])
        .build_eframe(move |cc| DossierApp::new(cc, startup));
    wait_until(
        &mut harness,
        "the corpus and its annotations to load",
        |h| {
            h.state().is_idle()
                && h.query_all_by(|n| {
                    n.role() == Role::Label
                        && n.value().is_some_and(|v| {
                            v.split_once(" annotation")
                                .is_some_and(|(count, _)| count.parse::<usize>().is_ok())
                        })
                })
                .next()
                .is_some()
        },
    );
    harness
}

/// Steps the app until `done`, waiting on its background threads between frames.
fn wait_until(
    harness: &mut Harness<'static, DossierApp>,
    what: &str,
    done: impl Fn(&Harness<'static, DossierApp>) -> bool,
) {
    ui_support::run_until(harness, what, done);
}

/// The annotation file at `path`, if it is there and readable.
fn read_file(path: &Path) -> Option<AnnotationFile> {
    let bytes = std::fs::read(path).ok()?;
    serde_json::from_slice::<AnnotationFile>(&bytes).ok()
}

/// Waits until the annotation file on disk satisfies `ok` (saves are debounced by a second; the
/// worker reports each save, which ends the wait for it).
fn wait_for_file(
    harness: &mut Harness<'static, DossierApp>,
    path: &Path,
    ok: impl Fn(&AnnotationFile) -> bool,
) -> AnnotationFile {
    let what = format!("{} to reach the expected content", path.display());
    wait_until(harness, &what, |_| read_file(path).is_some_and(|f| ok(&f)));
    read_file(path).expect("just read")
}

fn article_index(harness: &Harness<'static, DossierApp>, id: &str) -> usize {
    harness
        .state()
        .loaded()
        .analysis
        .corpus
        .articles
        .iter()
        .position(|a| a.id == id)
        .unwrap()
}

fn article_text(harness: &Harness<'static, DossierApp>, id: &str) -> String {
    let i = article_index(harness, id);
    harness.state().loaded().analysis.corpus.articles[i]
        .text
        .clone()
}

/// Character range of the first `needle` in `text`.
pub fn char_range(text: &str, needle: &str) -> (usize, usize) {
    let start = text[..text.find(needle).unwrap()].chars().count();
    (start, start + needle.chars().count())
}

/// Opens the article and selects `needle` in the reader, as a drag would.
fn select_passage(harness: &mut Harness<'static, DossierApp>, needle: &str) -> (usize, usize) {
    let index = article_index(harness, ARTICLE);
    harness.state_mut().send(Command::SelectArticle(index));
    harness.run_steps(3);
    let (start, end) = char_range(&article_text(harness, ARTICLE), needle);
    let id = dossier::ui::reader::reader_id();
    let ctx = harness.ctx.clone();
    let mut state = egui::TextEdit::load_state(&ctx, id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::two(
            egui::text::CCursor::new(start),
            egui::text::CCursor::new(end),
        )));
    state.store(&ctx, id);
    ctx.memory_mut(|m| m.request_focus(id));
    harness.run_steps(3);
    (start, end)
}

fn tag_input<'a>(harness: &'a Harness<'static, DossierApp>) -> egui_kittest::Node<'a> {
    harness.get_by_role_and_label(Role::TextInput, "Tag")
}

#[test]
fn annotate_edit_delete_undo_and_reload() {
    let dir = seed_corpus();
    let file = dir.path().join(FILE_NAME);
    let clip = RecordingClipboard::default();
    let mut harness = open(dir.path(), &clip);
    let (start, end) = select_passage(&mut harness, PASSAGE);

    // Annotate through the reader's button: the editor opens with the tag field focused.
    harness.get_by_label("Annotate").click();
    harness.run_steps(3);
    tag_input(&harness).type_text("amount");
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Note")
        .focus();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::MultilineTextInput, "Note")
        .type_text("Bangladesh Bank heist, €-figure too");
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(3);
    assert!(
        harness.query_by_label("New annotation").is_none(),
        "Enter closes the editor"
    );

    let saved = wait_for_file(&mut harness, &file, |f| f.annotations.len() == 1);
    let raw: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(raw["format"], "dossier-annotations");
    assert_eq!(raw["version"], 1);
    let a = &saved.annotations[0];
    assert_eq!(a.article, ARTICLE);
    assert_eq!(a.tag, "amount");
    assert_eq!(a.note, "Bangladesh Bank heist, €-figure too");
    assert_eq!((a.position.start, a.position.end), (start, end));
    assert_eq!(a.quote.exact, PASSAGE);
    let text = article_text(&harness, ARTICLE);
    assert_eq!(
        a.quote.prefix,
        dossier::text::slice_chars(&text, start - 32, start)
    );
    assert_eq!(
        a.quote.suffix,
        dossier::text::slice_chars(&text, end, end + 32)
    );
    assert!(
        raw["annotations"][0]["created"]
            .as_str()
            .unwrap()
            .ends_with('Z')
    );
    let id = a.id.clone();

    // The panel lists it; edit it: pick the "victim" tag and press Enter.
    harness.get_by_label(&format!("“{PASSAGE}”"));
    harness.get_by_label("Edit").click();
    harness.run_steps(3);
    harness.get_by_label("Edit annotation");
    harness
        .get_by_role_and_label(Role::Button, "victim")
        .click();
    harness.run_steps(1);
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    wait_for_file(&mut harness, &file, |f| {
        f.annotations.len() == 1 && f.annotations[0].tag == "victim" && f.annotations[0].id == id
    });

    // Delete, then undo with Ctrl+Z: it comes back with its edit.
    harness.get_by_label("Delete").click();
    harness.run_steps(2);
    wait_for_file(&mut harness, &file, |f| f.annotations.is_empty());
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run_steps(2);
    wait_for_file(&mut harness, &file, |f| {
        f.annotations.len() == 1 && f.annotations[0].tag == "victim"
    });
    // Redo deletes it again, undo restores it.
    harness.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    harness.run_steps(2);
    wait_for_file(&mut harness, &file, |f| f.annotations.is_empty());
    harness.state_mut().send(Command::Undo);
    harness.run_steps(2);
    wait_for_file(&mut harness, &file, |f| f.annotations.len() == 1);
    drop(harness);

    // A new window on the same corpus shows it again, highlighted.
    let mut harness = open(dir.path(), &clip);
    let index = article_index(&harness, ARTICLE);
    harness.state_mut().send(Command::SelectArticle(index));
    harness.run_steps(3);
    harness.get_by_label("1 annotation");
    harness.get_by_label(&format!("“{PASSAGE}”"));
    harness.get_by_label("victim");
}

/// Writes an annotation file for the seed article the way the app would.
fn annotate_on_disk(dir: &Path, needles: &[(&str, &str)]) -> Vec<Annotation> {
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let corpus = dossier::corpus::load(&[dir.to_owned()], &|_| {}, &cancel);
    let article = corpus.articles.iter().find(|a| a.id == ARTICLE).unwrap();
    let items: Vec<Annotation> = needles
        .iter()
        .map(|(needle, tag)| {
            let (s, e) = char_range(&article.text, needle);
            Annotation::new(ARTICLE, &article.text, s, e, tag, "")
        })
        .collect();
    Store::open(&dir.join(FILE_NAME), "c")
        .store
        .save(&items)
        .unwrap();
    items
}

#[test]
fn changed_article_text_is_reanchored_and_a_lost_passage_becomes_an_orphan() {
    let dir = seed_corpus();
    let items = annotate_on_disk(
        dir.path(),
        &[(PASSAGE, "amount"), ("Taiwan's Far Eastern bank", "victim")],
    );
    let seed = dir.path().join(format!("{ARTICLE}.txt"));
    let text = std::fs::read_to_string(&seed).unwrap();
    let inserted = "An inserted sentence – “quoted” for €5. ";
    let text = text
        .replace("One high-profile", &format!("{inserted}One high-profile"))
        .replace("from Taiwan's Far Eastern bank after", "from a bank after");
    std::fs::write(&seed, text).unwrap();

    let clip = RecordingClipboard::default();
    let mut harness = open(dir.path(), &clip);
    harness.get_by_label("Whole corpus").click();
    harness.run_steps(2);
    harness.get_by_label("2 annotations, 1 orphaned");
    harness.get_by_label("Orphaned (1): the passage is no longer in the text");
    harness.get_by_label("“Taiwan's Far Eastern bank”");
    harness.get_by_label("orphan");
    harness.get_by_label("moved");

    // Clicking the moved passage opens the article at its new place.
    harness.get_by_label(&format!("“{PASSAGE}”")).click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().selected_article().map(|a| a.id.as_str()),
        Some(ARTICLE)
    );
    let new_text = article_text(&harness, ARTICLE);
    let (start, _) = char_range(&new_text, PASSAGE);
    assert_eq!(start, items[0].position.start + inserted.chars().count());

    // The orphan is never dropped: a change elsewhere saves it untouched, the moved one updated.
    let mut harness = harness;
    select_passage(&mut harness, "Lazarus");
    harness.state_mut().send(Command::Annotate);
    harness.run_steps(3);
    tag_input(&harness).type_text("attribution");
    harness.key_press(egui::Key::Enter);
    let file = dir.path().join(FILE_NAME);
    let saved = wait_for_file(&mut harness, &file, |f| f.annotations.len() == 3);
    let orphan = saved
        .annotations
        .iter()
        .find(|a| a.id == items[1].id)
        .unwrap();
    assert_eq!(orphan, &items[1]);
    let moved = saved
        .annotations
        .iter()
        .find(|a| a.id == items[0].id)
        .unwrap();
    assert_eq!(moved.position.start, start);
    assert_eq!(moved.quote.exact, PASSAGE);
    let _ = AnchorStatus::Orphan;
}

#[test]
fn a_corrupt_annotation_file_is_not_overwritten() {
    let dir = seed_corpus();
    let file = dir.path().join(FILE_NAME);
    let garbage = "{\"format\": \"dossier-annotations\", \"annotations\": [";
    std::fs::write(&file, garbage).unwrap();
    let clip = RecordingClipboard::default();
    let mut harness = open(dir.path(), &clip);
    let warning = harness
        .query_all_by(|n| {
            n.role() == Role::Label
                && n.value().is_some_and(|l| {
                    l.contains(&file.display().to_string()) && l.contains("kept untouched")
                })
        })
        .next();
    assert!(warning.is_some(), "no message names the corrupt file");

    select_passage(&mut harness, PASSAGE);
    harness.state_mut().send(Command::Annotate);
    harness.run_steps(3);
    tag_input(&harness).type_text("amount");
    harness.key_press(egui::Key::Enter);
    // The new annotation goes to a recovery file beside it.
    let recovery = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| {
                p.file_name()
                    .unwrap()
                    .to_string_lossy()
                    .starts_with("dossier-annotations.recovered-")
            })
    };
    wait_until(&mut harness, "a recovery file", |_| recovery().is_some());
    let recovered: PathBuf = recovery().expect("no recovery file was written");
    let saved = wait_for_file(&mut harness, &recovered, |f| f.annotations.len() == 1);
    assert_eq!(saved.annotations[0].quote.exact, PASSAGE);
    drop(harness);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), garbage);
}

#[test]
fn copy_figure_and_copy_table_put_citations_on_the_clipboard() {
    let dir = seed_corpus();
    let clip = RecordingClipboard::default();
    let mut harness = open(dir.path(), &clip);

    harness.get_by_label("Copy incidents table").click();
    harness.run_steps(2);
    let analysis = harness.state().loaded().analysis.clone();
    let (tsv, html) = clip.last().expect("nothing copied");
    let html = html.expect("the table is copied as HTML too");
    assert!(
        tsv.starts_with("Event date\tKind\tVictim\tAttributed to\tAmount\tUSD"),
        "{tsv}"
    );
    assert!(
        tsv.contains("2016-02\tstolen\tBangladesh central bank\t"),
        "{tsv}"
    );
    assert_eq!(tsv.lines().count(), analysis.incidents.len() + 1);
    assert!(html.starts_with("<table>") && html.contains("<td>Bangladesh central bank</td>"));

    let i = analysis
        .incidents
        .iter()
        .position(|inc| inc.victim.as_deref() == Some("Bangladesh central bank"))
        .unwrap();
    harness.state_mut().send(Command::CopyFigure(i));
    harness.run_steps(2);
    let (figure, html) = clip.last().unwrap();
    assert_eq!(html, None);
    assert!(
        figure.starts_with("$81 million stolen from Bangladesh central bank (2016-02)"),
        "{figure}"
    );
    assert!(figure.contains("$81 million (€72 million) from the account of the Bangladesh"));
    assert!(
        figure.ends_with("\" (004_b52b360fd082bb0b, 2017-12-19)"),
        "{figure}"
    );
    let (amount, article) =
        dossier::workbench::links::source_amount(harness.state().loaded(), i).unwrap();
    assert_eq!(article.id, ARTICLE);
    assert_eq!(figure, export::figure_citation(amount, article));
}

#[test]
fn two_windows_on_one_corpus_keep_each_others_annotations() {
    let dir = seed_corpus();
    let file = dir.path().join(FILE_NAME);
    let clip = RecordingClipboard::default();
    let mut first = open(dir.path(), &clip);
    let mut second = open(dir.path(), &clip);

    let annotate = |h: &mut Harness<'static, DossierApp>, needle: &str, tag: &str| {
        select_passage(h, needle);
        h.state_mut().send(Command::Annotate);
        h.run_steps(3);
        tag_input(h).type_text(tag);
        h.key_press(egui::Key::Enter);
        h.run_steps(2);
    };
    annotate(&mut first, PASSAGE, "amount");
    wait_for_file(&mut first, &file, |f| f.annotations.len() == 1);
    // The second window read the file before the first saved: its save merges, not overwrites.
    annotate(&mut second, "Far Eastern bank", "victim");
    wait_for_file(&mut second, &file, |f| f.annotations.len() == 2);
    // And the first window, saving again, keeps the second's annotation.
    annotate(&mut first, "Lazarus", "attribution");
    let f = wait_for_file(&mut first, &file, |f| f.annotations.len() == 3);
    let mut tags: Vec<&str> = f.annotations.iter().map(|a| a.tag.as_str()).collect();
    tags.sort();
    assert_eq!(tags, ["amount", "attribution", "victim"]);
    // The first window now shows the second's annotation too (its worker reports the merge just
    // after writing the file, so this may take a frame or two more).
    first.run_steps(2);
    first.get_by_label("Whole corpus").click();
    wait_until(
        &mut first,
        "the merged annotation in the first window",
        |h| h.query_by_label("“Far Eastern bank”").is_some(),
    );
}

#[test]
fn switching_corpus_saves_the_pending_annotation_and_reopening_shows_it() {
    let dir = seed_corpus();
    let other = seed_corpus();
    let file = dir.path().join(FILE_NAME);
    let clip = RecordingClipboard::default();
    let mut harness = open(dir.path(), &clip);
    select_passage(&mut harness, PASSAGE);
    harness.state_mut().send(Command::Annotate);
    harness.run_steps(3);
    tag_input(&harness).type_text("amount");
    harness.key_press(egui::Key::Enter);
    harness.run_steps(2);
    // Open another corpus at once, most likely before the debounced save: the first corpus's
    // worker is let go and still writes what it was given.
    harness
        .state_mut()
        .send(Command::OpenPaths(vec![other.path().to_owned()]));
    wait_until(&mut harness, "the other corpus", |h| h.state().is_idle());
    let saved = wait_for_file(&mut harness, &file, |f| f.annotations.len() == 1);
    assert_eq!(saved.annotations[0].tag, "amount");
    // Back to the first corpus: its annotation is read again.
    harness
        .state_mut()
        .send(Command::OpenPaths(vec![dir.path().to_owned()]));
    wait_until(&mut harness, "the first corpus", |h| h.state().is_idle());
    let index = article_index(&harness, ARTICLE);
    harness.state_mut().send(Command::SelectArticle(index));
    wait_until(&mut harness, "the first corpus's annotation", |h| {
        h.query_by_label(&format!("“{PASSAGE}”")).is_some()
    });
}
