use super::*;
use crate::corpus::{Article, Corpus};
use crate::decisions::model::{Change, Decision, FigureAnchor, FigureEdit};
use crate::extract::{Entity, EntityKind, Extraction, Mention};
use crate::partial_date::PartialDate;

const TEXT: &str = "Hackers stole $75,000 from Acme Bank in March 2016. \
    The same week, attackers took $2 million from Bitfront.";

fn char_at(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].chars().count()
}

fn amount(text: &str, needle: &str, usd: f64, victim: &str) -> Amount {
    let start = char_at(text, needle);
    Amount {
        article: "a1".into(),
        start: start as u32,
        end: (start + needle.chars().count()) as u32,
        text: needle.into(),
        value: usd,
        min: None,
        max: None,
        currency: "USD".into(),
        usd: Some(usd),
        kind: AmountKind::Stolen,
        event_date: PartialDate::of_year(2017),
        event_date_inferred: false,
        event_date_suspicious: false,
        victim: Some(victim.into()),
        victim_id: None,
        actor: None,
        sub_group: None,
        cue: None,
        main: false,
        probability: None,
    }
}

fn entity(name: &str, kind: EntityKind, text: &str, surfaces: &[&str]) -> Entity {
    let mentions: Vec<Mention> = surfaces
        .iter()
        .map(|s| {
            let start = char_at(text, s);
            Mention::new("a1".into(), start, start + s.chars().count())
        })
        .collect();
    Entity {
        name: name.into(),
        kind,
        aliases: Vec::new(),
        parent: None,
        mention_count: mentions.len(),
        article_count: 1,
        mentions,
        roles: Vec::new(),
    }
}

/// The machine's analysis of one article `text`.
fn analysis(text: &str) -> Analysis {
    let amounts = vec![
        amount(text, "$75,000", 75_000.0, "Acme Bank"),
        amount(text, "$2 million", 2_000_000.0, "Bitfront"),
    ];
    let entities = vec![
        entity("Acme Bank", EntityKind::Organization, text, &["Acme Bank"]),
        entity("Bitfront", EntityKind::Person, text, &["Bitfront"]),
    ];
    let incidents = incidents::merge(&amounts);
    Analysis {
        corpus: Corpus {
            articles: vec![Article {
                id: "a1".into(),
                path: "a1.txt".into(),
                published: None,
                title: "t".into(),
                source: None,
                text: text.into(),
            }],
            ..Default::default()
        },
        extraction: Extraction { entities, amounts },
        incidents,
    }
}

fn figure(text: &str, needle: &str) -> FigureAnchor {
    let s = char_at(text, needle);
    FigureAnchor::at("a1", text, s, s + needle.chars().count())
}

fn on_figure(needle: &str, edit: FigureEdit) -> Decision {
    Decision::new(
        Change::Figure {
            figure: figure(TEXT, needle),
            edit,
        },
        "",
        "ana",
    )
}

fn amount_at<'a>(a: &'a Analysis, needle: &str) -> &'a Amount {
    a.extraction
        .amounts
        .iter()
        .find(|x| x.text.starts_with(needle))
        .unwrap()
}

#[test]
fn reject_takes_a_figure_out_of_the_incidents_and_keeps_the_original() {
    let mut a = analysis(TEXT);
    assert_eq!(a.incidents.len(), 2);
    let d = on_figure("$75,000", FigureEdit::Reject);
    let report = replay(&mut a, std::slice::from_ref(&d));
    assert_eq!(amount_at(&a, "$75,000").kind, AmountKind::Other);
    assert_eq!(a.incidents.len(), 1);
    let f = report.figure("a1", char_at(TEXT, "$75,000")).unwrap();
    assert!(f.corrected && !f.confirmed);
    assert_eq!(f.original.kind, AmountKind::Stolen);
    assert_eq!(report.applied, vec![d.id]);
    assert!(report.orphans.is_empty());
}

#[test]
fn each_figure_edit_changes_what_it_says() {
    let mut a = analysis(TEXT);
    let decisions = [
        on_figure(
            "$75,000",
            FigureEdit::SetKind {
                kind: AmountKind::Damage,
            },
        ),
        on_figure(
            "$2 million",
            FigureEdit::SetValue {
                value: 3.0,
                currency: "USD".into(),
            },
        ),
        on_figure(
            "$2 million",
            FigureEdit::SetDate {
                date: "2016-02".parse().unwrap(),
            },
        ),
        on_figure(
            "$2 million",
            FigureEdit::SetVictim {
                victim: "Bitfront Exchange".into(),
            },
        ),
        on_figure(
            "$2 million",
            FigureEdit::SetActor {
                actor: "Lazarus Group".into(),
            },
        ),
    ];
    let report = replay(&mut a, &decisions);
    assert_eq!(report.applied.len(), 5);
    assert_eq!(amount_at(&a, "$75,000").kind, AmountKind::Damage);
    let m = amount_at(&a, "$2 million");
    assert_eq!((m.value, m.usd), (3.0, Some(3.0)));
    assert_eq!(m.event_date, Some("2016-02".parse().unwrap()));
    assert_eq!(m.victim.as_deref(), Some("Bitfront Exchange"));
    assert_eq!(m.actor.as_deref(), Some("Lazarus Group"));
    // The incidents are merged again from the corrected figures.
    assert_eq!(a.incidents.len(), 1);
    assert_eq!(a.incidents[0].usd, 3.0);
    assert_eq!(a.incidents[0].victim.as_deref(), Some("Bitfront Exchange"));
    let f = report.figure("a1", char_at(TEXT, "$2 million")).unwrap();
    assert_eq!(f.original.usd, Some(2_000_000.0));
    assert_eq!(f.decisions.len(), 4);
}

#[test]
fn confirm_marks_without_changing() {
    let mut a = analysis(TEXT);
    let before = a.extraction.clone();
    let report = replay(&mut a, &[on_figure("$75,000", FigureEdit::Confirm)]);
    assert_eq!(a.extraction, before);
    let f = report.figure("a1", char_at(TEXT, "$75,000")).unwrap();
    assert!(f.confirmed && !f.corrected);
}

#[test]
fn decisions_follow_the_figure_after_the_text_moves() {
    let edited = format!("Update, 4 March: a correction was added above. {TEXT}");
    let mut a = analysis(&edited);
    let report = replay(&mut a, &[on_figure("$75,000", FigureEdit::Reject)]);
    assert!(report.orphans.is_empty());
    assert_eq!(amount_at(&a, "$75,000").kind, AmountKind::Other);
    assert_eq!(amount_at(&a, "$2 million").kind, AmountKind::Stolen);
}

#[test]
fn decisions_follow_the_figure_when_the_extractor_takes_in_more_text() {
    let mut a = analysis(TEXT);
    // A newer extractor reads "$75,000 from" as the figure's text (a wider span).
    let m = &mut a.extraction.amounts[0];
    m.end += " from".len() as u32;
    m.text = "$75,000 from".into();
    let report = replay(&mut a, &[on_figure("$75,000", FigureEdit::Reject)]);
    assert!(report.orphans.is_empty());
    assert_eq!(a.extraction.amounts[0].kind, AmountKind::Other);
}

#[test]
fn a_decision_whose_figure_is_gone_is_an_orphan_and_changes_nothing() {
    let edited = TEXT.replace("$75,000", "an undisclosed sum");
    let mut a = analysis(TEXT);
    a.corpus.articles[0].text = edited;
    a.extraction.amounts.remove(0);
    let before = a.extraction.clone();
    let d = on_figure("$75,000", FigureEdit::Reject);
    let gone_article = Decision::new(
        Change::Figure {
            figure: FigureAnchor {
                article: "zz".into(),
                ..figure(TEXT, "$75,000")
            },
            edit: FigureEdit::Confirm,
        },
        "",
        "",
    );
    // The text is still there but the extractor no longer finds a figure in it.
    let mut b = analysis(TEXT);
    b.extraction.amounts.remove(0);
    let report_b = replay(&mut b, std::slice::from_ref(&d));
    let report = replay(&mut a, &[d.clone(), gone_article.clone()]);
    assert_eq!(a.extraction, before);
    assert!(report.applied.is_empty());
    let mut ids: Vec<&str> = report.orphans.iter().map(|o| o.id.as_str()).collect();
    ids.sort();
    let mut want = [d.id.as_str(), gone_article.id.as_str()];
    want.sort();
    assert_eq!(ids, want);
    assert!(report.orphans.iter().any(|o| o.reason.contains("$75,000")));
    assert!(report.orphans.iter().any(|o| o.reason.contains("zz")));
    assert_eq!(report_b.orphans.len(), 1);
    assert!(report_b.orphans[0].reason.contains("no figure"));
}

fn on_names(change: Change) -> Decision {
    Decision::new(change, "", "ana")
}

#[test]
fn rename_and_kind_reach_entities_and_figures() {
    let mut a = analysis(TEXT);
    let mut kind = on_names(Change::SetEntityKind {
        name: "bitfront exchange".into(),
        kind: EntityKind::Organization,
    });
    kind.created += chrono::Duration::seconds(1);
    let rename = on_names(Change::RenameEntity {
        name: "Bitfront".into(),
        to: "Bitfront Exchange".into(),
    });
    let report = replay(&mut a, &[kind, rename]);
    assert_eq!(report.applied.len(), 2);
    let e = &a.extraction.entities[1];
    assert_eq!(e.name, "Bitfront Exchange");
    assert_eq!(e.aliases, ["Bitfront"]);
    assert_eq!(e.kind, EntityKind::Organization);
    assert_eq!(
        amount_at(&a, "$2 million").victim.as_deref(),
        Some("Bitfront Exchange")
    );
}

#[test]
fn merge_entities_makes_the_other_an_alias_and_unmerge_undoes_it() {
    let mut a = analysis(TEXT);
    let merge = on_names(Change::MergeEntities {
        name: "Acme Bank".into(),
        other: "Bitfront".into(),
    });
    replay(&mut a, std::slice::from_ref(&merge));
    assert_eq!(a.extraction.entities.len(), 1);
    let e = &a.extraction.entities[0];
    assert_eq!(e.aliases, ["Bitfront"]);
    assert_eq!(e.mention_count, 2);
    assert_eq!(
        amount_at(&a, "$2 million").victim.as_deref(),
        Some("Acme Bank")
    );

    let mut b = analysis(TEXT);
    let mut undo = on_names(Change::UnmergeEntity {
        name: "Acme Bank".into(),
        alias: "Bitfront".into(),
    });
    undo.created += chrono::Duration::seconds(1);
    let report = replay(&mut b, &[merge, undo]);
    assert!(report.orphans.is_empty());
    let names: Vec<&str> = b
        .extraction
        .entities
        .iter()
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(names, ["Acme Bank", "Bitfront"]);
    assert_eq!(b.extraction.entities[0].mention_count, 1);
    assert!(b.extraction.entities[0].aliases.is_empty());
}

#[test]
fn not_a_name_removes_the_entity_and_unknown_names_are_orphans() {
    let mut a = analysis(TEXT);
    let report = replay(
        &mut a,
        &[
            on_names(Change::NotAName {
                name: "Bitfront".into(),
            }),
            on_names(Change::RenameEntity {
                name: "Nobody".into(),
                to: "X".into(),
            }),
        ],
    );
    assert_eq!(a.extraction.entities.len(), 1);
    assert_eq!(amount_at(&a, "$2 million").victim, None);
    assert_eq!(report.orphans.len(), 1);
    assert!(report.orphans[0].reason.contains("Nobody"));
}

#[test]
fn incidents_merge_split_and_confirm() {
    let mut a = analysis(TEXT);
    let merge = Decision::new(
        Change::MergeIncidents {
            figure: figure(TEXT, "$75,000"),
            other: figure(TEXT, "$2 million"),
        },
        "same heist",
        "ana",
    );
    let report = replay(&mut a, std::slice::from_ref(&merge));
    assert_eq!(a.incidents.len(), 1);
    assert_eq!(a.incidents[0].sources.len(), 2);
    assert_eq!(
        (a.incidents[0].usd_min, a.incidents[0].usd_max),
        (75_000.0, 2_000_000.0)
    );
    assert_eq!(report.applied, vec![merge.id.clone()]);

    let mut split = Decision::new(
        Change::SplitSource {
            figure: figure(TEXT, "$75,000"),
        },
        "",
        "",
    );
    split.created += chrono::Duration::seconds(1);
    let mut confirm = Decision::new(
        Change::ConfirmIncident {
            figure: figure(TEXT, "$2 million"),
        },
        "",
        "",
    );
    confirm.created += chrono::Duration::seconds(2);
    let mut b = analysis(TEXT);
    let report = replay(&mut b, &[merge, split, confirm]);
    assert_eq!(b.incidents.len(), 2);
    assert!(b.incidents.iter().all(|i| i.sources.len() == 1));
    assert_eq!(report.confirmed_incidents.len(), 1);
    assert!(report.orphans.is_empty());
}
