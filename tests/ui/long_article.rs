//! The reader on a 2 MB article (a court filing, a data dump): only what is on screen is laid
//! out, yet a selection still spans paragraphs and is annotated, copied and jumped to as in a
//! short one. The article is generated (`dossier::synthetic`), in paragraphs of 1,500 characters
//! or more, so each paragraph break is also a break between the reader's blocks.

use std::path::Path;

use dossier::annotations::model::AnnotationFile;
use dossier::annotations::store::FILE_NAME;
use dossier::text::slice_chars;
use dossier::ui::app::{RightTab, State};
use dossier::ui::clipboard::RecordingClipboard;
use dossier::ui::commands::Command;
use dossier::ui::{DossierApp, Startup};
use eframe::egui::{self, OutputCommand, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

use super::ui_support;

const TITLE: &str = "One long filing";

/// About 2 MB of generated news in long paragraphs separated by blank lines.
fn long_text() -> String {
    let mut text = String::new();
    let mut paragraph = String::new();
    let mut k = 0;
    while text.len() < 2_000_000 {
        let article = dossier::synthetic::article(11, k).text;
        k += 1;
        for sentence in article.split_inclusive(". ") {
            paragraph.push_str(&sentence.replace('\n', " "));
            if paragraph.chars().count() >= 1_500 {
                text.push_str(paragraph.trim());
                text.push_str("\n\n");
                paragraph.clear();
            }
        }
    }
    text.trim_end().to_owned()
}

/// The app on a folder holding the long article, opened in the reader; and the article's text
/// as loaded (its title line first).
fn open_long(dir: &Path, text: &str) -> (Harness<'static, DossierApp>, String) {
    std::fs::write(
        dir.join("long-filing.txt"),
        format!(" date 2020-01-01 {TITLE}\n{text}"),
    )
    .unwrap();
    let state = State {
        right_tab: RightTab::Annotations,
        ..State::default()
    };
    let startup = Startup::new(vec![dir.to_owned()])
        .with_clipboard(Box::new(RecordingClipboard::default()))
        .with_state(state)
        .with_cache(super::window::shared_test_cache());
    let mut h = Harness::builder()
        .with_size([1500.0, 950.0])
        .build_eframe(move |cc| DossierApp::new(cc, startup));
    ui_support::run_until(&mut h, "the long article to load", |h| {
        h.state().is_idle()
            && h.state().annotations().session().is_loaded()
            && !h.state().loaded().analysis.corpus.articles.is_empty()
    });
    let index = h
        .state()
        .loaded()
        .analysis
        .corpus
        .articles
        .iter()
        .position(|a| a.title == TITLE)
        .expect("the long article is loaded");
    let loaded = h.state().loaded().analysis.corpus.articles[index]
        .text
        .clone();
    assert!(loaded.ends_with(text), "the article is the text written");
    h.state_mut().send(Command::SelectArticle(index));
    h.run_steps(3);
    (h, loaded)
}

/// The text the reader exposes to a screen reader (what it shows).
fn reader_text(h: &Harness<'static, DossierApp>) -> String {
    h.get_by(|n| n.role() == Role::MultilineTextInput)
        .value()
        .unwrap_or_default()
}

/// Character offset of the paragraph break nearest `share` of the way into `text`.
fn paragraph_break(text: &str, share: f64) -> usize {
    let byte = (text.len() as f64 * share) as usize;
    let at = byte + text[byte..].find("\n\n").expect("a paragraph break after");
    text[..at].chars().count()
}

#[test]
fn a_passage_across_two_paragraphs_of_a_2_mb_article_is_selected_copied_and_annotated() {
    let dir = tempfile::tempdir().unwrap();
    let written = long_text();
    assert!(written.len() >= 2_000_000);
    let (mut h, text) = open_long(dir.path(), &written);

    // From inside one paragraph to inside the next, deep in the article.
    let gap = paragraph_break(&text, 0.7);
    let (start, end) = (gap - 40, gap + 2 + 35);
    h.state_mut().send(Command::ShowPassage {
        article: "long-filing".to_owned(),
        start,
        end: start + 1,
    });
    h.run_steps(4);
    let from = h
        .state()
        .reader_char_pos(start)
        .expect("the start is on screen");
    let to = h
        .state()
        .reader_char_pos(end)
        .expect("the end is on screen");
    assert!(to.y > from.y, "the next paragraph is below");
    h.drag_at(from);
    h.step();
    h.hover_at(from + egui::vec2(30.0, 10.0));
    h.step();
    h.hover_at(to);
    h.step();
    h.drop_at(to);
    h.run_steps(2);

    let passage = slice_chars(&text, start, end).to_owned();
    assert!(
        passage.contains("\n\n"),
        "the passage spans a paragraph break"
    );
    // Ctrl+C, as the window system hands it over.
    h.event(egui::Event::Copy);
    h.step();
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        });
    assert!(
        copied.as_deref() == Some(passage.as_str()),
        "Ctrl+C copies it: {copied:?}"
    );

    h.get_by_label("Annotate").click();
    h.run_steps(3);
    h.get_by_role_and_label(Role::TextInput, "Tag")
        .type_text("transfer");
    h.run_steps(1);
    h.get_by_role_and_label(Role::MultilineTextInput, "Note")
        .focus();
    h.run_steps(1);
    h.get_by_role_and_label(Role::MultilineTextInput, "Note")
        .type_text("spans two paragraphs");
    h.run_steps(1);
    h.key_press(egui::Key::Enter);
    h.run_steps(3);

    let file = dir.path().join(FILE_NAME);
    let read = || {
        std::fs::read(&file)
            .ok()
            .and_then(|b| serde_json::from_slice::<AnnotationFile>(&b).ok())
    };
    ui_support::run_until(&mut h, "the annotation to be saved", |_| {
        read().is_some_and(|f| f.annotations.len() == 1)
    });
    let saved = read().expect("just read");
    let a = &saved.annotations[0];
    assert_eq!(a.article, "long-filing");
    assert_eq!(a.tag, "transfer");
    assert_eq!(a.note, "spans two paragraphs");
    assert_eq!((a.position.start, a.position.end), (start, end));
    assert!(
        a.quote.exact == passage,
        "{:?} quoted, {passage:?} selected",
        a.quote.exact
    );
}

#[test]
fn a_jump_deep_into_a_2_mb_article_shows_the_passage_and_it_stays_put() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, text) = open_long(dir.path(), &long_text());
    let gap = paragraph_break(&text, 0.93);
    let (start, end) = (gap + 2, gap + 2 + 60);
    let passage = slice_chars(&text, start, end).to_owned();
    assert!(
        h.state().reader_char_pos(start).is_none(),
        "not on screen before the jump"
    );

    h.state_mut().send(Command::ShowPassage {
        article: "long-filing".to_owned(),
        start,
        end,
    });
    h.run_steps(3);
    assert!(reader_text(&h).contains(&passage), "on screen after it");
    let at = h
        .state()
        .reader_char_pos(start)
        .expect("the passage is on screen");
    assert!(h.state().save_state().reader_offset > 100_000.0);

    // As the blocks around it are measured, what is on screen does not move.
    h.run_steps(20);
    assert_eq!(h.state().reader_char_pos(start), Some(at));
}

/// One key press with `modifiers`, in a frame of its own.
fn press(h: &mut Harness<'static, DossierApp>, key: egui::Key, modifiers: egui::Modifiers) {
    h.event(egui::Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    });
    h.step();
}

#[test]
fn shift_and_the_arrows_extend_a_selection_into_the_next_paragraph_and_zooming_keeps_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, text) = open_long(dir.path(), &long_text());
    let start = paragraph_break(&text, 0.5) - 30;
    h.state_mut().send(Command::ShowPassage {
        article: "long-filing".to_owned(),
        start,
        end: start + 1,
    });
    h.run_steps(4);
    let from = h.state().reader_char_pos(start).expect("on screen");
    h.drag_at(from);
    h.step();
    h.hover_at(from + egui::vec2(40.0, 0.0));
    h.step();
    h.drop_at(from + egui::vec2(40.0, 0.0));
    h.run_steps(2);
    for _ in 0..3 {
        press(&mut h, egui::Key::ArrowDown, egui::Modifiers::SHIFT);
    }
    press(&mut h, egui::Key::ArrowRight, egui::Modifiers::SHIFT);
    h.event(egui::Event::Copy);
    h.step();
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .expect("the selection is copied");
    let n = copied.chars().count();
    assert!(
        copied == slice_chars(&text, start, start + n),
        "the copy is the text from where the drag began: {copied:?}"
    );
    assert!(
        copied.contains("\n\n") && !copied.ends_with('\n'),
        "three rows down and one character right end inside the next paragraph: {copied:?}"
    );

    // A larger font lays everything out again; the reader stays on the same lines.
    for _ in 0..4 {
        h.state_mut().send(Command::ZoomReader(1.0));
        h.run_steps(2);
    }
    h.run_steps(3);
    assert!(
        h.state().reader_char_pos(start).is_some(),
        "where the drag began is still on screen after zooming"
    );
}
