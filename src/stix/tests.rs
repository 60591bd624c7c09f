use std::path::PathBuf;

use chrono::TimeZone;

use super::*;
use crate::extract::{AmountKind, Mention};
use crate::incidents::Source;

const TEXT: &str = "Hackers stole $5 million from Zorbank in March 2021. Police are looking into it. \
                    A week later $2 million was taken from Zorbank again.";

fn article() -> Article {
    Article {
        id: "a1".into(),
        path: PathBuf::from("corpus/a1.txt"),
        published: NaiveDate::from_ymd_opt(2021, 4, 2),
        title: "Zorbank robbed twice".into(),
        source: Some("https://news.example/zorbank".into()),
        text: TEXT.into(),
    }
}

fn incident(figure: &str, usd: f64, victim: Option<&str>, actor: Option<&str>) -> Incident {
    let start = TEXT.find(figure).expect("figure in text");
    let start = TEXT[..start].chars().count();
    Incident {
        id: "inc".into(),
        kind: AmountKind::Stolen,
        event_date: Some("2021-03".parse().expect("date")),
        usd,
        usd_min: usd,
        usd_max: usd,
        victim: victim.map(str::to_owned),
        victim_id: None,
        actor: actor.map(str::to_owned),
        sub_group: None,
        sources: vec![Source {
            mention: Mention::new("a1".into(), start, start + figure.chars().count()),
            usd,
            text: figure.into(),
            main: true,
        }],
    }
}

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, hour, 0, 0)
        .single()
        .expect("time")
}

fn export<'a>(
    incidents: &'a [Incident],
    articles: &'a [Article],
    annotations: &'a [Annotation],
) -> Value {
    bundle(
        &Export {
            incidents: incidents.iter().collect(),
            amounts: &[],
            articles,
            annotations: annotations.iter().collect(),
            corpus_name: "test".into(),
            decisions: None,
        },
        at(9),
    )
}

fn of_type<'v>(bundle: &'v Value, kind: &str) -> Vec<&'v Value> {
    bundle["objects"]
        .as_array()
        .expect("objects")
        .iter()
        .filter(|o| o["type"] == kind)
        .collect()
}

#[test]
fn an_incident_without_victim_or_actor_is_an_incident_alone() {
    let incidents = [incident("$5 million", 5e6, None, None)];
    let articles = [article()];
    let b = export(&incidents, &articles, &[]);
    let found = of_type(&b, "incident");
    assert_eq!(found.len(), 1);
    assert!(of_type(&b, "relationship").is_empty());
    assert!(of_type(&b, "intrusion-set").is_empty());
    let ext = &found[0]["extensions"][extension_id()];
    assert_eq!(ext["extension_type"], "property-extension");
    assert_eq!(ext["kind"], "stolen");
    assert_eq!(ext["usd"], 5e6);
    assert_eq!(ext["event_date"], "2021-03");
    assert_eq!(ext["event_date_precision"], "month");
    // Created on the day its article was published; modified at the export.
    assert_eq!(found[0]["created"], "2021-04-02T00:00:00.000Z");
    assert_eq!(found[0]["modified"], "2026-12-06T09:00:00.000Z");
    let report = &of_type(&b, "report")[0];
    assert!(
        report["object_refs"]
            .as_array()
            .expect("refs")
            .contains(&found[0]["id"])
    );
    assert_eq!(
        report["external_references"][0]["url"],
        "https://news.example/zorbank"
    );
    assert_eq!(of_type(&b, "extension-definition").len(), 1);
}

#[test]
fn one_victim_hit_twice_is_one_identity_targeted_twice() {
    let incidents = [
        incident("$5 million", 5e6, Some("Zorbank"), None),
        incident("$2 million", 2e6, Some("ZORBANK"), None),
    ];
    let articles = [article()];
    let b = export(&incidents, &articles, &[]);
    let identities: Vec<_> = of_type(&b, "identity")
        .into_iter()
        .filter(|i| i["identity_class"] == "organization")
        .collect();
    assert_eq!(identities.len(), 1, "{b:#}");
    let targets: Vec<_> = of_type(&b, "relationship")
        .into_iter()
        .filter(|r| r["relationship_type"] == "targets")
        .collect();
    assert_eq!(targets.len(), 2);
    assert!(
        targets
            .iter()
            .all(|r| r["target_ref"] == identities[0]["id"])
    );
    assert_ne!(targets[0]["source_ref"], targets[1]["source_ref"]);
}

#[test]
fn a_sub_group_is_attributed_and_related_to_its_umbrella() {
    let incidents = [incident("$5 million", 5e6, Some("Zorbank"), Some("APT38"))];
    let articles = [article()];
    let b = export(&incidents, &articles, &[]);
    let sets = of_type(&b, "intrusion-set");
    let names: Vec<&str> = sets.iter().filter_map(|s| s["name"].as_str()).collect();
    assert!(
        names.contains(&"APT38") && names.contains(&"Lazarus Group"),
        "{names:?}"
    );
    let set_id = |name: &str| {
        sets.iter()
            .find(|s| s["name"] == name)
            .map(|s| s["id"].clone())
            .expect("set")
    };
    let rels = of_type(&b, "relationship");
    assert!(
        rels.iter()
            .any(|r| r["relationship_type"] == "attributed-to"
                && r["source_ref"] == of_type(&b, "incident")[0]["id"]
                && r["target_ref"] == set_id("APT38"))
    );
    assert!(rels.iter().any(|r| r["relationship_type"] == "related-to"
        && r["source_ref"] == set_id("APT38")
        && r["target_ref"] == set_id("Lazarus Group")));
    // The umbrella carries its MISP galaxy UUID and its aliases.
    let lazarus = sets
        .iter()
        .find(|s| s["name"] == "Lazarus Group")
        .expect("Lazarus");
    assert_eq!(
        lazarus["external_references"][0]["source_name"],
        "MISP galaxy threat-actor"
    );
    assert!(
        lazarus["aliases"]
            .as_array()
            .expect("aliases")
            .iter()
            .any(|a| a == "Hidden Cobra")
    );
}

#[test]
fn a_re_export_keeps_every_object_id() {
    let incidents = [incident(
        "$5 million",
        5e6,
        Some("Zorbank"),
        Some("Lazarus Group"),
    )];
    let articles = [article()];
    let make = |hour| {
        bundle(
            &Export {
                incidents: incidents.iter().collect(),
                amounts: &[],
                articles: &articles,
                annotations: Vec::new(),
                corpus_name: "test".into(),
                decisions: None,
            },
            at(hour),
        )
    };
    let (first, later) = (make(9), make(17));
    let ids = |b: &Value| -> Vec<(String, String)> {
        b["objects"]
            .as_array()
            .expect("objects")
            .iter()
            .map(|o| (o["id"].to_string(), o["created"].to_string()))
            .collect()
    };
    assert_eq!(ids(&first), ids(&later));
    assert_ne!(first["id"], later["id"], "a bundle is a new message");
    assert_ne!(
        first["objects"][2]["modified"],
        later["objects"][2]["modified"]
    );
}

#[test]
fn an_annotation_on_a_cited_sentence_is_a_note_on_its_incident() {
    let incidents = [incident("$5 million", 5e6, Some("Zorbank"), None)];
    let articles = [article()];
    let on_figure = {
        let s = TEXT.find("from Zorbank in March").expect("passage");
        Annotation::new("a1", TEXT, s, s + 12, "victim", "the bank, not its parent")
    };
    let elsewhere = {
        let s = TEXT.find("Police").expect("passage");
        Annotation::new("a1", TEXT, s, s + 6, "lead", "")
    };
    let annotations = [on_figure, elsewhere];
    // Two incidents of one article: the note on a figure's sentence is on that incident
    // alone; one elsewhere in the article is on both.
    let two = [
        incidents[0].clone(),
        incident("$2 million", 2e6, Some("Zorbank"), None),
    ];
    let b = export(&two, &articles, &annotations);
    let notes = of_type(&b, "note");
    assert_eq!(notes.len(), 2, "{b:#}");
    let on = notes
        .iter()
        .find(|n| n["abstract"] == "victim")
        .expect("victim note");
    assert_eq!(on["content"], "“from Zorbank” — the bank, not its parent");
    let first = of_type(&b, "incident")
        .into_iter()
        .find(|i| i["name"].as_str().is_some_and(|n| n.starts_with("$5")))
        .expect("incident")["id"]
        .clone();
    assert_eq!(on["object_refs"], json!([first]));
    let elsewhere = notes
        .iter()
        .find(|n| n["abstract"] == "lead")
        .expect("lead note");
    assert_eq!(elsewhere["content"], "“Police”");
    assert_eq!(elsewhere["object_refs"].as_array().map(Vec::len), Some(2));
}
