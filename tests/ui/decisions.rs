//! The analyst's decisions in the window: the file beside the corpus is replayed on every load,
//! and decisions taken where the mistake is seen (the incidents table, the reader, a timeline
//! point, the sidebar) are written to that file and replayed in every view. The panels, the
//! review queue and undo are in `decisions_panels`.

use super::report_fixture;
use super::ui_support;

use std::path::Path;
use std::process::Command;

use dossier::decisions::store::{FILE_NAME, load};
use dossier::ui::app::DossierApp;
use dossier::ui::clipboard::RecordingClipboard;
use dossier::ui::commands::Command as AppCommand;
use dossier::ui::timeline;
use eframe::egui::{self, Key, Modifiers, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

pub(super) type App = Harness<'static, DossierApp>;

/// The window on `dir`, as the chart tests open it.
pub(super) fn open(dir: &Path) -> App {
    super::chart::open(dir, &RecordingClipboard::default())
}

pub(super) fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    report_fixture::write(dir.path());
    dir
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

/// Lets the clicked decision be saved and replayed (a worker thread) and the views redrawn.
pub(super) fn settle(h: &mut App) {
    h.run_steps(4);
    ui_support::run_until(h, "the decision to be saved and replayed", |h| {
        h.state().is_idle()
    });
}

/// The decisions on disk, by their labels ("reject", "set_victim", …).
pub(super) fn on_disk(dir: &Path) -> Vec<String> {
    load(&dir.join(FILE_NAME))
        .expect("the decisions file reads")
        .iter()
        .map(|d| d.change.label())
        .collect()
}

pub(super) fn has(h: &App, text: &str) -> bool {
    h.query_by_label_contains(text).is_some()
}

/// Selects the (first) incidents table row containing `row` and opens the decision form on it.
pub(super) fn decide_on_row(h: &mut App, row: &str) {
    h.get_all_by_label_contains(row)
        .next()
        .expect("the row is listed")
        .click();
    h.run_steps(4);
    h.get_by_label("Decide…").click();
    h.run_steps(4);
    assert!(has(h, "Correct a figure"), "the form opened on {row}");
}

/// Replaces the text of the form's field `label` with `text`.
pub(super) fn fill(h: &mut App, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).click();
    h.run_steps(1);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run_steps(1);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run_steps(1);
}

#[test]
fn a_rejected_figure_leaves_the_incidents_table_when_the_corpus_opens() {
    let dir = fixture();
    let before = open(dir.path());
    assert!(
        has(&before, "— Marlow Credit Union —"),
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
        !has(&after, "— Marlow Credit Union —"),
        "the analyst's rejection is replayed"
    );
    assert!(has(&after, "— Vesper Exchange —"));
}

#[test]
fn every_figure_decision_from_the_incidents_table_is_saved_and_shown() {
    let dir = fixture();
    let mut h = open(dir.path());
    // Victim, date, actor and value: each typed in the form, each reaching the table's row.
    decide_on_row(&mut h, "— Vesper Exchange —");
    fill(&mut h, "Victim", "Vesper Exchange Ltd");
    fill(&mut h, "Note", "its legal name");
    h.get_by_label("Set victim").click();
    settle(&mut h);
    assert!(has(&h, "— Vesper Exchange Ltd —"));
    assert!(!has(&h, "Correct a figure"), "the form closes once decided");
    decide_on_row(&mut h, "— Vesper Exchange Ltd —");
    fill(&mut h, "Event date", "2021-05");
    h.get_by_label("Set date").click();
    settle(&mut h);
    assert!(has(&h, "— Vesper Exchange Ltd — 2021-05"));
    decide_on_row(&mut h, "— Vesper Exchange Ltd —");
    fill(&mut h, "Actor", "APT38");
    h.get_by_label("Set actor").click();
    settle(&mut h);
    decide_on_row(&mut h, "— Vesper Exchange Ltd —");
    fill(&mut h, "Value", "125000000");
    fill(&mut h, "Currency", "usd");
    h.get_by_label("Set value").click();
    settle(&mut h);
    assert!(has(&h, "$125 million — Vesper Exchange Ltd"));
    // The row marks the correction and names the machine's original on hover.
    assert!(has(&h, "corrected"));
    // Kind, confirm and not a theft on the attempt.
    decide_on_row(&mut h, "— Marlow Credit Union —");
    h.get_by_label("Confirm figure").click();
    settle(&mut h);
    assert!(has(&h, "confirmed"));
    decide_on_row(&mut h, "— Marlow Credit Union —");
    h.get_by_label("Kind: stolen").click();
    settle(&mut h);
    decide_on_row(&mut h, "— Marlow Credit Union —");
    h.get_by_label("Not a theft").click();
    settle(&mut h);
    assert!(!has(&h, "— Marlow Credit Union —"));
    assert_eq!(
        on_disk(dir.path()),
        [
            "set_victim",
            "set_date",
            "set_actor",
            "set_value",
            "confirm",
            "set_kind",
            "reject"
        ]
    );
    let notes: Vec<String> = load(&dir.path().join(FILE_NAME))
        .unwrap()
        .into_iter()
        .map(|d| d.note)
        .collect();
    assert_eq!(notes[0], "its legal name");
    let vesper = h
        .state()
        .loaded()
        .analysis
        .incidents
        .iter()
        .find(|i| i.victim.as_deref() == Some("Vesper Exchange Ltd"))
        .expect("the corrected incident");
    assert_eq!(vesper.actor.as_deref(), Some("APT38"));
    // The Decisions panel lists them, filters by kind and jumps to the figure.
    h.get_by_label("Decisions").click();
    h.run_steps(4);
    assert_eq!(h.query_all_by_label("Take back").count(), 7);
    assert!(has(&h, "Note: its legal name"));
    h.get_by_label("Filter").click();
    h.run_steps(4);
    h.get_by_label("set victim only").click();
    h.run_steps(4);
    assert_eq!(h.query_all_by_label("Take back").count(), 1);
    let quillon = h.state().loaded().index.by_id["quillon"];
    h.state_mut().send(AppCommand::SelectArticle(quillon));
    h.run_steps(2);
    h.get_by_label("Go to").click();
    h.run_steps(4);
    assert_eq!(
        h.state().selected_article().map(|a| a.id.as_str()),
        Some("vesper")
    );
}

#[test]
fn incidents_are_split_merged_and_confirmed_from_the_table() {
    let dir = fixture();
    let mut h = open(dir.path());
    let count = |h: &App| h.state().loaded().analysis.incidents.len();
    let before = count(&h);
    // Quillon's theft is reported by two articles: one is split off.
    decide_on_row(&mut h, "— Quillon Bank —");
    h.get_by_label("Split this source off").click();
    settle(&mut h);
    assert_eq!(count(&h), before + 1);
    assert_eq!(h.query_all_by_label_contains("— Quillon Bank —").count(), 2);
    // And merged back.
    decide_on_row(&mut h, "— Quillon Bank —");
    let others = h
        .query_all_by_label_contains("Merge with: $45 million — Quillon Bank")
        .count();
    assert_eq!(others, 1, "the split-off source is offered first");
    h.get_by_label_contains("Merge with: $45 million — Quillon Bank")
        .click();
    settle(&mut h);
    assert_eq!(count(&h), before);
    decide_on_row(&mut h, "— Quillon Bank —");
    h.get_by_label("Confirm incident").click();
    settle(&mut h);
    assert_eq!(
        on_disk(dir.path()),
        ["split_source", "merge_incidents", "confirm_incident"]
    );
    assert_eq!(h.state().loaded().decisions.confirmed_incidents.len(), 1);
    assert!(has(&h, "confirmed"));
}

/// Opens `article` and selects `needle` in the reader, as a drag would.
fn select_in_reader(h: &mut App, article: &str, needle: &str) {
    let loaded = h.state().loaded();
    let index = loaded.index.by_id[article];
    let text = loaded.analysis.corpus.articles[index].text.clone();
    h.state_mut().send(AppCommand::SelectArticle(index));
    h.run_steps(3);
    let start = text[..text.find(needle).expect("needle in text")]
        .chars()
        .count();
    let end = start + needle.chars().count();
    let id = dossier::ui::reader::reader_id();
    let ctx = h.ctx.clone();
    let mut state = egui::TextEdit::load_state(&ctx, id).unwrap_or_default();
    state
        .cursor
        .set_char_range(Some(egui::text::CCursorRange::two(
            egui::text::CCursor::new(start),
            egui::text::CCursor::new(end),
        )));
    state.store(&ctx, id);
    ctx.memory_mut(|m| m.request_focus(id));
    h.run_steps(3);
}

#[test]
fn a_figure_and_a_name_are_corrected_from_the_reader() {
    let dir = fixture();
    let mut h = open(dir.path());
    // A figure: selected, then key D.
    select_in_reader(&mut h, "marlow", "$9 million");
    h.key_press(Key::D);
    h.run_steps(4);
    assert!(has(&h, "Correct a figure"));
    h.get_by_label("Kind: stolen").click();
    settle(&mut h);
    let marlow = h
        .state()
        .loaded()
        .analysis
        .incidents
        .iter()
        .find(|i| i.victim.as_deref() == Some("Marlow Credit Union"))
        .expect("still listed");
    assert_eq!(marlow.kind.as_str(), "stolen");
    // A name: selected, then the reader's button.
    select_in_reader(&mut h, "vesper", "Lazarus Group");
    h.get_by_label("Correct…").click();
    h.run_steps(4);
    assert!(has(&h, "Correct a name"));
    fill(&mut h, "New name", "Lazarus");
    h.get_by_label("Rename").click();
    settle(&mut h);
    let names: Vec<&str> = h
        .state()
        .loaded()
        .analysis
        .extraction
        .entities
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert!(names.contains(&"Lazarus"), "{names:?}");
    assert!(!names.contains(&"Lazarus Group"), "{names:?}");
    assert_eq!(on_disk(dir.path()), ["set_kind", "rename_entity"]);
}

#[test]
fn a_right_click_on_a_timeline_point_opens_the_form_on_its_incident() {
    let dir = fixture();
    let mut h = open(dir.path());
    let loaded = h.state().loaded();
    let marlow = loaded
        .analysis
        .incidents
        .iter()
        .position(|i| i.victim.as_deref() == Some("Marlow Credit Union"))
        .expect("the attempt");
    let points = timeline::point_positions(&h.ctx);
    let before = points.len();
    let (_, at) = *points
        .iter()
        .find(|(i, _)| *i == marlow)
        .expect("the attempt is plotted");
    h.hover_at(at);
    h.run_steps(1);
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Secondary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.run_steps(1);
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Secondary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run_steps(4);
    assert!(has(&h, "Correct a figure"));
    assert!(has(&h, "Incident: $9 million — Marlow Credit Union"));
    h.get_by_label("Not a theft").click();
    settle(&mut h);
    assert_eq!(timeline::point_positions(&h.ctx).len(), before - 1);
    assert_eq!(on_disk(dir.path()), ["reject"]);
}

#[test]
fn names_are_corrected_from_the_sidebar() {
    let dir = fixture();
    let mut h = open(dir.path());
    let entity = |h: &App, name: &str| {
        h.state()
            .loaded()
            .analysis
            .extraction
            .entities
            .iter()
            .any(|e| e.name == name)
    };
    assert!(entity(&h, "Quillon Bank"));
    h.get_by_role_and_label(Role::ListItem, "Quillon Bank")
        .click_secondary();
    h.run_steps(4);
    assert!(has(&h, "Correct a name"));
    fill(&mut h, "New name", "Quillon Bank plc");
    h.get_by_label("Rename").click();
    settle(&mut h);
    assert!(entity(&h, "Quillon Bank plc"));
    assert!(has(&h, "— Quillon Bank plc —"), "the victim is renamed too");
    // Kind, merge, undo the merge, not a name.
    h.get_by_role_and_label(Role::ListItem, "Quillon Bank plc")
        .click_secondary();
    h.run_steps(4);
    h.get_by_label("Name kind: location").click();
    settle(&mut h);
    h.get_by_role_and_label(Role::ListItem, "Vesper Exchange")
        .click_secondary();
    h.run_steps(4);
    fill(&mut h, "Same as", "Quillon Bank plc");
    h.get_by_label("Merge into it").click();
    settle(&mut h);
    assert!(!entity(&h, "Vesper Exchange"));
    h.get_by_role_and_label(Role::ListItem, "Quillon Bank plc")
        .click_secondary();
    h.run_steps(4);
    h.get_by_label("Split off Vesper Exchange").click();
    settle(&mut h);
    assert!(entity(&h, "Vesper Exchange"));
    h.get_by_role_and_label(Role::ListItem, "Vesper Exchange")
        .click_secondary();
    h.run_steps(4);
    h.get_by_label("Not a name").click();
    settle(&mut h);
    assert!(!entity(&h, "Vesper Exchange"));
    assert!(h.state().loaded().decisions.orphans.is_empty());
    assert_eq!(
        on_disk(dir.path()),
        [
            "rename_entity",
            "set_entity_kind",
            "merge_entities",
            "unmerge_entity",
            "not_a_name"
        ]
    );
}

/// Takes every figure decision on Marlow's attempt in turn, opening the form with `open_form`
/// each time (a place where the figure is seen); checks the file and the corrected figure.
fn every_figure_decision(h: &mut App, dir: &Path, open_form: impl Fn(&mut App)) {
    let steps: [(&str, &[(&str, &str)]); 7] = [
        ("Confirm figure", &[]),
        ("Kind: stolen", &[]),
        ("Set victim", &[("Victim", "Marlow CU")]),
        ("Set actor", &[("Actor", "APT38")]),
        ("Set date", &[("Event date", "2019-11")]),
        ("Set value", &[("Value", "9500000"), ("Currency", "USD")]),
        ("Not a theft", &[]),
    ];
    for (button, fields) in steps {
        open_form(h);
        assert!(has(h, "Correct a figure"), "the form opened for {button}");
        for (label, text) in fields {
            fill(h, label, text);
        }
        h.get_by_label(button).click();
        settle(h);
    }
    assert_eq!(
        on_disk(dir),
        [
            "confirm",
            "set_kind",
            "set_victim",
            "set_actor",
            "set_date",
            "set_value",
            "reject"
        ]
    );
    let a = h
        .state()
        .loaded()
        .analysis
        .extraction
        .amounts
        .iter()
        .find(|a| &*a.article == "marlow" && a.text.contains("$9 million"))
        .expect("a rejected figure is kept");
    assert_eq!(a.kind.as_str(), "other");
    assert_eq!(
        (a.victim.as_deref(), a.actor.as_deref(), a.value),
        (Some("Marlow CU"), Some("APT38"), 9_500_000.0)
    );
    assert_eq!(
        a.event_date.map(|d| d.to_string()).as_deref(),
        Some("2019-11")
    );
    assert!(h.state().loaded().decisions.orphans.is_empty());
}

#[test]
fn every_figure_decision_is_offered_from_the_reader() {
    let dir = fixture();
    let mut h = open(dir.path());
    every_figure_decision(&mut h, dir.path(), |h| {
        select_in_reader(h, "marlow", "$9 million");
        h.key_press(Key::D);
        h.run_steps(4);
    });
}

/// Right-clicks the timeline point of the incident holding Marlow's figure.
fn right_click_marlow_point(h: &mut App) {
    let marlow = h
        .state()
        .loaded()
        .analysis
        .incidents
        .iter()
        .position(|i| i.sources.iter().any(|s| &*s.mention.article == "marlow"))
        .expect("Marlow's figure is in an incident");
    let (_, at) = *timeline::point_positions(&h.ctx)
        .iter()
        .find(|(i, _)| *i == marlow)
        .expect("Marlow's incident is plotted");
    h.hover_at(at);
    h.run_steps(1);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        h.run_steps(1);
    }
    h.run_steps(4);
}

#[test]
fn every_figure_decision_is_offered_from_a_timeline_point() {
    let dir = fixture();
    let mut h = open(dir.path());
    every_figure_decision(&mut h, dir.path(), right_click_marlow_point);
}

#[test]
fn every_name_decision_is_offered_from_the_reader() {
    let dir = fixture();
    let mut h = open(dir.path());
    let open_on = |h: &mut App, needle: &str| {
        select_in_reader(h, "quillon", needle);
        h.key_press(Key::D);
        h.run_steps(4);
        assert!(has(h, "Correct a name"), "the form opened on {needle}");
    };
    open_on(&mut h, "Quillon Bank");
    fill(&mut h, "New name", "Quillon");
    h.get_by_label("Rename").click();
    settle(&mut h);
    open_on(&mut h, "Quillon Bank");
    h.get_by_label("Name kind: location").click();
    settle(&mut h);
    open_on(&mut h, "Quillon Bank");
    fill(&mut h, "Same as", "Vesper Exchange");
    h.get_by_label("Merge into it").click();
    settle(&mut h);
    open_on(&mut h, "Quillon Bank");
    h.get_by_label("Split off Quillon Bank").click();
    settle(&mut h);
    open_on(&mut h, "Quillon Bank");
    h.get_by_label("Not a name").click();
    settle(&mut h);
    assert_eq!(
        on_disk(dir.path()),
        [
            "rename_entity",
            "set_entity_kind",
            "merge_entities",
            "unmerge_entity",
            "not_a_name"
        ]
    );
    let names: Vec<&str> = h
        .state()
        .loaded()
        .analysis
        .extraction
        .entities
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert!(names.contains(&"Vesper Exchange"), "{names:?}");
    assert!(!names.contains(&"Quillon Bank"), "{names:?}");
    assert!(h.state().loaded().decisions.orphans.is_empty());
}
