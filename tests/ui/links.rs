//! The Links view driven headless through egui_kittest: who stole from whom on the fixture
//! corpus, the kind and period filters it shares with the timeline, a click leading to the
//! passage or filtering by an actor, a dragged node kept across a restart until "Re-layout",
//! and the copies.

use dossier::extract::EntityKind;
use dossier::ui::app::State;
use dossier::ui::clipboard::RecordingClipboard;
use dossier::ui::commands::Command;
use dossier::ui::links::LinksCommand;
use dossier::ui::{DossierApp, Startup};
use dossier::workbench::filter::EntityFilter;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::chart::open;
use super::report_fixture;

fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    report_fixture::write(dir.path());
    dir
}

/// The app on the fixture, its Links view shown with the view's key (Ctrl+L).
fn links(dir: &std::path::Path, clip: &RecordingClipboard) -> Harness<'static, DossierApp> {
    let mut harness = open(dir, clip);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::L);
    harness.run();
    harness
}

/// The accessible names of the chart's nodes of one kind ("Incident ", "Victim " …).
fn nodes(harness: &Harness<'static, DossierApp>, prefix: &str) -> Vec<String> {
    let mut names: Vec<String> = harness
        .query_all_by(|n| n.label().is_some_and(|l| l.starts_with(prefix)))
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    names.sort();
    names
}

fn centre(harness: &Harness<'static, DossierApp>, name: &str) -> egui::Pos2 {
    harness.get_by_label(name).rect().center()
}

#[test]
fn the_sample_corpus_shows_actors_incidents_and_victims() {
    let dir = fixture();
    let clip = RecordingClipboard::default();
    let harness = links(dir.path(), &clip);
    assert_eq!(
        harness.state().save_state().bottom_tab,
        dossier::ui::state::BottomTab::Links
    );
    assert_eq!(
        nodes(&harness, "Incident "),
        [
            "Incident $120 million · 2021-05-30",
            "Incident $45 million · 2019-03-12",
            "Incident $9 million · 2019-12"
        ]
    );
    assert_eq!(
        nodes(&harness, "Victim "),
        [
            "Victim Marlow Credit Union",
            "Victim Quillon Bank",
            "Victim Vesper Exchange"
        ]
    );
    assert_eq!(
        nodes(&harness, "Threat actor "),
        ["Threat actor Lazarus Group"]
    );
    // Read left to right: actor, incident, victim.
    let actor = centre(&harness, "Threat actor Lazarus Group");
    let theft = centre(&harness, "Incident $120 million · 2021-05-30");
    let victim = centre(&harness, "Victim Vesper Exchange");
    assert!(actor.x < theft.x && theft.x < victim.x);
}

#[test]
fn hovering_a_node_shows_its_figures_and_sources() {
    let dir = fixture();
    let clip = RecordingClipboard::default();
    let mut harness = links(dir.path(), &clip);
    harness.get_by_label("Victim Vesper Exchange").hover();
    harness.run_steps(40);
    let tip = harness
        .query_all_by_label_contains("stolen in 1 incident")
        .next()
        .and_then(|n| n.accesskit_node().label().or_else(|| n.value()))
        .expect("the hover text");
    assert!(tip.contains("$120 million stolen"), "{tip}");
    assert!(
        tip.contains("Vesper Exchange drained: “$120 million”"),
        "the source's title and figure: {tip}"
    );
}

#[test]
fn the_kind_and_period_filters_are_the_timelines() {
    let dir = fixture();
    let clip = RecordingClipboard::default();
    let mut harness = links(dir.path(), &clip);
    harness.get_by_label("attempted").click();
    harness.run();
    assert!(!harness.state().save_state().timeline.kinds.attempted);
    assert_eq!(nodes(&harness, "Incident ").len(), 2);
    assert!(nodes(&harness, "Victim Marlow").is_empty());
    // The timeline hides what the chart hides.
    harness.get_by_label("Timeline view").click();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("— Marlow Credit Union —")
            .is_none()
    );
    assert!(
        harness
            .query_by_label_contains("— Quillon Bank —")
            .is_some()
    );
    // A period typed on the timeline applies to the chart.
    let from = harness.get_by_role_and_label(egui::accesskit::Role::TextInput, "From");
    from.focus();
    from.type_text("2021");
    harness.key_press(egui::Key::Enter);
    harness.run();
    harness.get_by_label("Links view").click();
    harness.run();
    assert_eq!(
        nodes(&harness, "Incident "),
        ["Incident $120 million · 2021-05-30"]
    );
    assert!(
        harness
            .query_by_label_contains("1 of 1 incidents")
            .is_some()
    );
}

#[test]
fn clicking_an_incident_opens_its_passage_and_an_actor_filters() {
    let dir = fixture();
    let clip = RecordingClipboard::default();
    let mut harness = links(dir.path(), &clip);
    harness
        .get_by_label("Incident $45 million · 2019-03-12")
        .click();
    harness.run();
    let article = harness.state().selected_article().map(|a| a.id.clone());
    assert_eq!(article.as_deref(), Some("quillon"));
    assert!(
        harness
            .state()
            .applied()
            .iter()
            .any(|c| matches!(c, Command::ShowPassage { article, .. } if article == "quillon"))
            || harness.state().selected_article().is_some()
    );

    harness.get_by_label("Threat actor Lazarus Group").click();
    harness.run();
    assert_eq!(
        harness.state().save_state().entity_filter,
        Some(EntityFilter {
            kind: EntityKind::ThreatActor,
            name: "Lazarus Group".to_owned(),
            family: true,
        })
    );
    // The reader's list and the chart now hold only the actor's articles and thefts.
    let ids: Vec<String> = harness
        .state()
        .visible_articles()
        .iter()
        .map(|&i| {
            harness.state().loaded().analysis.corpus.articles[i]
                .id
                .clone()
        })
        .collect();
    assert_eq!(ids, ["vesper"]);
    assert!(nodes(&harness, "Victim Marlow").is_empty());
}

#[test]
fn a_dragged_node_stays_across_a_restart_until_relayout() {
    let dir = fixture();
    let clip = RecordingClipboard::default();
    let mut harness = links(dir.path(), &clip);
    let name = "Victim Quillon Bank";
    let before = centre(&harness, name);
    let target = before + egui::vec2(-120.0, 50.0);
    harness.drag_at(before);
    harness.step();
    harness.hover_at(before + egui::vec2(-60.0, 25.0));
    harness.step();
    harness.hover_at(target);
    harness.step();
    harness.drop_at(target);
    harness.run();
    // The node followed the pointer.
    let moved = centre(&harness, name);
    assert!((moved - target).length() < 2.0, "{before:?} → {moved:?}");
    let saved: State = harness.state().save_state();
    assert_eq!(saved.link_positions.corpora.len(), 1);

    // A restart on the saved session draws the node where it was left.
    let startup = Startup::new(vec![dir.path().to_owned()])
        .with_clipboard(Box::new(clip.clone()))
        .with_state(saved)
        .with_data_home(dir.path().join("data-home"));
    drop(harness);
    let mut harness = Harness::builder()
        .with_size([1500.0, 950.0])
        .build_eframe(move |cc| DossierApp::new(cc, startup));
    super::ui_support::run_until(&mut harness, "the corpus", |h| {
        h.query_by_label(name).is_some()
    });
    let restored = centre(&harness, name);
    assert!(
        (restored - moved).length() < 1.0,
        "{moved:?} vs {restored:?}"
    );

    harness.get_by_label("Re-layout").click();
    harness.run();
    assert!((centre(&harness, name) - before).length() < 1.0);
    assert!(
        harness
            .state()
            .save_state()
            .link_positions
            .corpora
            .is_empty()
    );
}

#[test]
fn copy_and_save_the_link_chart() {
    let dir = fixture();
    let clip = RecordingClipboard::default();
    let mut harness = links(dir.path(), &clip);
    harness.get_by_label("Copy links").click();
    harness.run();
    {
        let images = clip.images.lock().unwrap();
        let (image, alt) = images.last().expect("an image was copied");
        assert!(alt.contains("Link chart of 3 incidents"), "{alt}");
        assert!(image.width > 500 && image.height > 100);
        assert!(image.distinct_colors() > 10, "{}", image.distinct_colors());
    }
    assert!(
        harness
            .query_all_by_label_contains("Copied the link chart")
            .next()
            .is_some()
    );

    let path = dir.path().join("links.png");
    harness
        .state_mut()
        .send(Command::Links(LinksCommand::Save(Some(path.clone()))));
    super::ui_support::run_until(&mut harness, "the saved link chart", |h| {
        h.state().is_idle()
    });
    let png = std::fs::read(&path).expect("the PNG was written");
    assert!(png.starts_with(b"\x89PNG"));
    let svg = std::fs::read_to_string(dir.path().join("links.svg")).unwrap();
    assert!(
        svg.contains("<svg") && svg.contains("Vesper Exchange"),
        "{svg}"
    );
}
