//! The window on a corpus: the list, the reader, the incidents table, filters, search, bad files,
//! and the session restored on restart.

use std::path::PathBuf;

use dossier::ui::Startup;
use dossier::ui::app::State;
use dossier::ui::clipboard::RecordingClipboard;
use dossier::ui::commands::Command;
use dossier::workbench::CorpusSource;
use eframe::egui;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::window::*;

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
    harness.get_by_label("$81 million — Bangladesh central bank — 2016-02");
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
fn hovering_a_person_in_the_sidebar_shows_the_role_the_articles_give() {
    let clip = RecordingClipboard::default();
    let mut harness = open(fresh(vec![], &clip));
    harness
        .query_all_by(|n| {
            n.role() == egui::accesskit::Role::ListItem
                && n.label().is_some_and(|l| l.starts_with("Moon Jae-in"))
        })
        .next()
        .expect("a Moon Jae-in row in the entity sidebar")
        .hover();
    // The tooltip waits for the pointer to rest.
    for _ in 0..90 {
        harness.step();
    }
    harness.get_by(|n| {
        n.label()
            .or(n.value())
            .is_some_and(|l| l.contains("Role: South Korean President"))
    });
}

#[test]
fn hovering_an_entity_in_the_reader_names_it_with_its_counts() {
    let clip = RecordingClipboard::default();
    let mut harness = open(fresh(vec![], &clip));
    let rect = open_article(&mut harness, "2017-12-19");
    // The article opens with "North Korea".
    harness.hover_at(egui::pos2(rect.left() + 20.0, rect.top() + 8.0));
    for _ in 0..90 {
        harness.step();
    }
    let tip = harness.get_by(|n| {
        n.label()
            .or(n.value())
            .is_some_and(|l| l.contains("mentions in") && l.contains("article"))
    });
    let node = tip.accesskit_node();
    let text = node.label().or(node.value()).unwrap_or_default();
    assert!(text.starts_with(|c: char| c.is_ascii_digit()), "{text}");
    assert!(
        harness
            .query_all_by(|n| n.label().or(n.value()).is_some_and(|l| l == "North Korea"))
            .next()
            .is_some(),
        "the tooltip names the entity"
    );
}
