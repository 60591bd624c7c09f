//! The query language and watchlists in the window (issue 28): a query that does not parse says
//! why under the search box; field clauses answer with the analyst's decisions; a watchlist
//! counts the articles per name, filters on a click and copies as TSV.

use super::report_fixture;
use super::window::{self, Opened, article_rows, wait_idle};

use std::path::Path;

use dossier::ui::Startup;
use dossier::ui::app::State;
use dossier::ui::clipboard::RecordingClipboard;
use eframe::egui;
use egui_kittest::kittest::Queryable as _;

fn open(dir: &Path, clip: &RecordingClipboard) -> Opened {
    let mut opened = window::open(
        Startup::new(vec![dir.to_owned()])
            .with_clipboard(Box::new(clip.clone()))
            .with_state(State::default())
            .without_file_dialog("No file dialog can open here (test desktop)"),
    );
    wait_idle(&mut opened);
    opened
}

/// Replaces the search box's text with `query`, as typed, and waits for the result.
pub(super) fn search(opened: &mut Opened, query: &str) {
    let is_field = |n: &egui_kittest::kittest::AccessKitNode<'_>| {
        n.data()
            .placeholder()
            .is_some_and(|p| p.starts_with("Search articles"))
    };
    opened.get_by(is_field).focus();
    opened.run();
    opened.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    opened.run_steps(1);
    opened.get_by(is_field).type_text(query);
    opened.step();
    wait_idle(opened);
}

fn rows(opened: &Opened) -> Vec<String> {
    let mut titles: Vec<String> = article_rows(opened)
        .into_iter()
        .filter_map(|r| r.split_once(" · ").map(|(_, t)| t.to_owned()))
        .collect();
    titles.sort();
    titles
}

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    report_fixture::write(dir.path());
    dir
}

#[test]
fn a_query_that_does_not_parse_says_why_under_the_search_box() {
    let dir = fixture();
    let mut opened = open(dir.path(), &RecordingClipboard::default());
    assert!(
        opened.state().has_search_index(),
        "the index is built after the load"
    );
    search(&mut opened, "hackers -lazarus");
    assert_eq!(
        rows(&opened),
        [
            "Quillon Bank loses $45 million",
            "Transfer blocked at Marlow Credit Union"
        ]
    );
    search(&mut opened, "\"quillon bank");
    opened.get_by_label_contains("the quote opened here is never closed");
    search(&mut opened, "heist~3");
    opened.get_by_label_contains("fuzzy distance must be 1 or 2");
    search(&mut opened, "lazarsu~1");
    assert_eq!(rows(&opened), ["Vesper Exchange drained"]);
    assert!(opened.query_by_label_contains("never closed").is_none());
}

#[test]
fn every_query_form_typed_in_the_search_box_lists_what_it_finds() {
    const MARLOW: &str = "Transfer blocked at Marlow Credit Union";
    const QUILLON: &str = "Quillon Bank loses $45 million";
    const VESPER: &str = "Vesper Exchange drained";
    let dir = fixture();
    let mut opened = open(dir.path(), &RecordingClipboard::default());
    assert!(opened.state().has_search_index());
    // The same forms as the core's test (tests/search.rs), as an analyst types them.
    let cases: &[(&str, &[&str])] = &[
        ("transfer", &[MARLOW]),
        ("banks", &[QUILLON, VESPER]),
        ("\"transfer\"", &[]),
        ("\"Transfers\"", &[MARLOW]),
        ("\"quillon bank\"", &[QUILLON, VESPER]),
        ("hackers AND lazarus", &[VESPER]),
        ("lazarus OR marlow", &[MARLOW, VESPER]),
        ("hackers NOT lazarus", &[QUILLON, MARLOW]),
        ("NOT bank", &[MARLOW]),
        ("(lazarus OR marlow) AND blocked", &[MARLOW]),
        ("quil*", &[QUILLON, VESPER]),
        ("lazxxus~2", &[VESPER]),
        ("\"hackers bank\"~5", &[QUILLON, VESPER]),
        ("\"hackers bank\"~4", &[]),
        ("title:drained", &[VESPER]),
        ("date:[2021 TO 2022]", &[VESPER]),
        ("hackers date:2021", &[VESPER]),
    ];
    for (query, expected) in cases {
        search(&mut opened, query);
        let mut expected: Vec<&str> = expected.to_vec();
        expected.sort();
        assert_eq!(rows(&opened), expected, "the list for {query}");
    }
    // Each error names what is wrong under the box; the list keeps no stale rows.
    for (query, why) in [
        ("lazarus AND", "AND needs a term on both sides"),
        ("(lazarus", "this ( is never closed"),
        ("*ank", "a wildcard may only end a word"),
        ("kind:borrowed", "is not a kind"),
        ("date:[2018 TO 2016]", "ends before it starts"),
    ] {
        search(&mut opened, query);
        assert!(
            opened.query_by_label_contains(why).is_some(),
            "{query}: no message containing {why:?}"
        );
    }
}

#[test]
fn field_queries_show_the_world_after_the_analysts_decision() {
    let dir = fixture();
    let before = open(dir.path(), &RecordingClipboard::default());
    drop(before);
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("decide")
        .arg(dir.path())
        .args(["set-kind", "--article", "marlow", "--figure", "$9 million"])
        .args(["--kind", "damage"])
        .status()
        .unwrap();
    assert!(status.success());
    let mut opened = open(dir.path(), &RecordingClipboard::default());
    search(&mut opened, "kind:attempted");
    assert!(rows(&opened).is_empty());
    search(&mut opened, "kind:damage");
    assert_eq!(rows(&opened), ["Transfer blocked at Marlow Credit Union"]);
}

#[test]
fn a_watchlist_counts_names_filters_on_a_click_and_copies_as_tsv() {
    let dir = fixture();
    let lists = tempfile::tempdir().unwrap();
    let list = lists.path().join("names.txt");
    std::fs::write(&list, "Quillon Bank\nLazarus Group\nNobody Here\n").unwrap();
    let clip = RecordingClipboard::default();
    let mut opened = open(dir.path(), &clip);
    opened.get_by_label("File").click();
    opened.run();
    opened.get_by_label("Search a watchlist…").click();
    // The dialog is asked on a worker: no settling run here, the wait below steps the frames.
    opened.step();
    let label = "Path of the watchlist (names, text or CSV) (Tab completes)";
    super::ui_support::run_until(&mut opened, "the typed-path field", |h| {
        h.query_by_label(label).is_some()
    });
    opened.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    opened.run_steps(1);
    opened
        .get_by_role_and_label(egui::accesskit::Role::TextInput, label)
        .type_text(&list.display().to_string());
    opened.run_steps(1);
    opened.key_press(egui::Key::Enter);
    super::ui_support::run_until(&mut opened, "the watchlist's counts", |h| {
        h.query_by_label("Copy table").is_some()
    });
    opened.get_by_label_contains("Watchlist: names.txt");
    opened.get_by_label("Copy table").click();
    opened.run_steps(2);
    let (text, _) = clip.last().unwrap();
    assert_eq!(
        text,
        "name\tarticles\nQuillon Bank\t2\nLazarus Group\t1\nNobody Here\t0\n"
    );
    opened
        .get_by_role_and_label(egui::accesskit::Role::Button, "Lazarus Group")
        .click();
    opened.step();
    wait_idle(&mut opened);
    assert_eq!(opened.state().save_state().search, "\"lazarus group\"");
    assert_eq!(rows(&opened), ["Vesper Exchange drained"]);
}
