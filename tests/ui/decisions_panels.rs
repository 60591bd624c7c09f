//! The Decisions panel, the review queue and the one undo history, in the window: orphans listed
//! apart, entries of the queue decided where they open, and Ctrl+Z / Ctrl+Shift+Z walking
//! annotations and decisions in the order made.

use super::decisions::{App, decide_on_row, fixture, has, on_disk, open, settle};
use super::report_fixture;
use super::ui_support;

use dossier::decisions::store::FILE_NAME;
use dossier::decisions::{Change, Decision, DecisionFile, FigureAnchor, FigureEdit};
use dossier::ui::commands::Command as AppCommand;
use dossier::ui::timeline;
use eframe::egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT as _, Queryable as _};

#[test]
fn undo_and_redo_walk_annotations_and_decisions_in_the_order_made() {
    let dir = fixture();
    let mut h = open(dir.path());
    let notes = |h: &App| h.state().annotations().session().annotations().len();
    ui_support::run_until(&mut h, "the annotations to be read", |h| {
        h.state().annotations().session().is_loaded()
    });
    let start_notes = notes(&h);
    assert_eq!(start_notes, report_fixture::NOTES.len());
    // An annotation (what the editor's Save sends), then a decision.
    h.state_mut().send(AppCommand::CreateAnnotation {
        article: "vesper".into(),
        start: 0,
        end: 9,
        quote: "Attackers".into(),
        tag: "actor".into(),
        note: String::new(),
    });
    h.run_steps(4);
    assert_eq!(notes(&h), start_notes + 1);
    decide_on_row(&mut h, "— Marlow Credit Union —");
    h.get_by_label("Not a theft").click();
    settle(&mut h);
    assert!(!has(&h, "— Marlow Credit Union —"));
    let undo = |h: &mut App, shift: bool| {
        let m = if shift {
            Modifiers::COMMAND | Modifiers::SHIFT
        } else {
            Modifiers::COMMAND
        };
        h.key_press_modifiers(m, Key::Z);
        settle(h);
    };
    undo(&mut h, false);
    assert!(has(&h, "— Marlow Credit Union —"), "the decision is undone");
    assert!(on_disk(dir.path()).is_empty());
    assert_eq!(notes(&h), start_notes + 1, "the annotation is not");
    undo(&mut h, false);
    assert_eq!(notes(&h), start_notes, "then the annotation");
    undo(&mut h, true);
    assert_eq!(
        notes(&h),
        start_notes + 1,
        "redo brings the annotation back"
    );
    assert!(has(&h, "— Marlow Credit Union —"));
    undo(&mut h, true);
    assert!(!has(&h, "— Marlow Credit Union —"), "then the decision");
    assert_eq!(on_disk(dir.path()), ["reject"]);
}

#[test]
fn an_orphaned_decision_is_listed_apart_in_the_decisions_panel() {
    let dir = fixture();
    // A decision on an article since removed from the corpus.
    let gone = "Thieves took $77 million from a bank.";
    let orphan = Decision::new(
        Change::Figure {
            figure: FigureAnchor::at("removed", gone, 13, 24),
            edit: FigureEdit::Reject,
        },
        "an article since removed",
        "ana",
    );
    let kept = Decision::new(
        Change::NotAName {
            name: "Vesper Exchange".into(),
        },
        "",
        "ana",
    );
    let file = DecisionFile::new("fixture", vec![orphan, kept]);
    std::fs::write(
        dir.path().join(FILE_NAME),
        serde_json::to_string(&file).unwrap(),
    )
    .unwrap();
    let mut h = open(dir.path());
    assert_eq!(h.state().loaded().decisions.orphans.len(), 1);
    h.get_by_label("Decisions").click();
    h.run_steps(4);
    assert!(has(&h, "Orphans (1)"));
    assert!(has(
        &h,
        "Orphan: no figure \"$77 million\" in article removed"
    ));
    assert!(has(&h, "Note: an article since removed"));
    // Taking the orphan back removes it from the file; the applied decision stays.
    let take_back: Vec<_> = h.query_all_by_label("Take back").collect();
    assert_eq!(take_back.len(), 2);
    take_back[1].click();
    settle(&mut h);
    assert!(!has(&h, "Orphans (1)"));
    assert_eq!(on_disk(dir.path()), ["not_a_name"]);
}

#[test]
fn a_decision_taken_from_the_review_queue_removes_the_entry_and_changes_the_chart() {
    let dir = fixture();
    // A theft with no victim: the machine cannot say whose money it was.
    std::fs::write(
        dir.path().join("orwell.md"),
        "---\ntitle: Heist at a port\ndate: 2020-07-01\n---\n\
         Thieves stole $3 million in a cyber heist on June 4, 2020, police said.\n",
    )
    .unwrap();
    let mut h = open(dir.path());
    let queue = |h: &App| {
        let l = h.state().loaded();
        dossier::decisions::review::queue(
            &l.analysis.extraction.amounts,
            &l.analysis.incidents,
            &l.decisions,
        )
    };
    let before = queue(&h).len();
    assert!(before > 0);
    assert!(has(&h, &format!("{before} to review")), "the status bar");
    let points = timeline::point_positions(&h.ctx).len();
    h.get_by_label(&format!("{before} to review")).click();
    h.run_steps(4);
    let entry = "no victim: $3 million";
    h.get_by_label_contains(entry).click();
    h.run_steps(3);
    assert_eq!(
        h.state().selected_article().map(|a| a.id.as_str()),
        Some("orwell"),
        "the entry opens its passage"
    );
    assert!(has(&h, "Correct a figure"), "with the decision form");
    h.get_by_label("Not a theft").click();
    settle(&mut h);
    assert!(!has(&h, entry), "deciding removes the entry");
    let after = queue(&h).len();
    assert!(after < before);
    if after > 0 {
        assert!(has(&h, &format!("{after} to review")));
    }
    assert_eq!(timeline::point_positions(&h.ctx).len(), points - 1);
}

#[test]
fn one_heist_counted_twice_is_merged_from_the_review_queue() {
    let dir = fixture();
    // The Quillon theft again, under another victim's name and a few days off.
    std::fs::write(
        dir.path().join("orion.md"),
        "---\ntitle: Orion Bank hit\ndate: 2019-03-25\n---\n\
         Hackers stole $48 million from Orion Bank on March 15, 2019, the bank said.\n",
    )
    .unwrap();
    let mut h = open(dir.path());
    let points = timeline::point_positions(&h.ctx).len();
    h.get_by_label("To review").click();
    h.run_steps(4);
    let entry = "counted twice?: $45 million — Quillon Bank";
    let listed: Vec<String> = h
        .query_all_by_label_contains("counted twice?")
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    let incidents: Vec<String> = h
        .state()
        .loaded()
        .analysis
        .incidents
        .iter()
        .map(timeline::incident_label)
        .collect();
    assert!(
        has(&h, entry),
        "the pair is listed: {listed:?} {incidents:?}"
    );
    h.get_by_label_contains(entry).click();
    h.run_steps(4);
    assert!(has(&h, "Correct a figure"));
    h.get_by_label_contains("Merge with: $48 million — Orion Bank")
        .click();
    settle(&mut h);
    assert!(!has(&h, entry), "deciding removes the entry");
    assert_eq!(on_disk(dir.path()), ["merge_incidents"]);
    assert_eq!(
        timeline::point_positions(&h.ctx).len(),
        points - 1,
        "the chart plots one theft where it plotted two"
    );
}
