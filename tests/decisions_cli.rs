//! `dossier decide`, `dossier decisions` and the decisions applied by `dossier extract` and
//! `dossier merge`, run as an analyst would, on the report fixture's corpus.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

mod report_fixture;

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .unwrap()
}

fn ok(args: &[&str]) -> String {
    let out = dossier(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    report_fixture::write(dir.path());
    dir
}

fn extract(dir: &Path, extra: &[&str]) -> Value {
    let d = dir.to_str().unwrap();
    let mut args = vec!["extract", d];
    args.extend_from_slice(extra);
    serde_json::from_str(&ok(&args)).unwrap()
}

/// The extracted figure of `article` whose text starts with `figure`.
fn figure<'a>(report: &'a Value, article: &str, figure: &str) -> &'a Value {
    report["amounts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["article"] == article && a["text"].as_str().unwrap().starts_with(figure))
        .unwrap_or_else(|| panic!("no {figure} in {article}"))
}

fn decide(dir: &Path, args: &[&str]) -> String {
    let d = dir.to_str().unwrap();
    let mut all = vec!["decide", d];
    all.extend_from_slice(args);
    ok(&all)
}

const QUILLON: [&str; 4] = ["--article", "quillon", "--figure", "$45 million"];

fn with<'a>(base: &[&'a str], more: &[&'a str]) -> Vec<&'a str> {
    let mut v = base.to_vec();
    v.extend_from_slice(more);
    v
}

#[test]
fn reject_is_kept_beside_the_corpus_and_applied_by_extract_unless_told_not_to() {
    let dir = corpus();
    let machine = extract(dir.path(), &[]);
    assert_eq!(figure(&machine, "quillon", "$45 million")["kind"], "stolen");
    let said = decide(
        dir.path(),
        &with(
            &["reject"],
            &with(&QUILLON, &["--note", "a fine, not a theft"]),
        ),
    );
    assert!(said.contains("dossier-decisions.json"), "{said}");
    let file: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("dossier-decisions.json")).unwrap(),
    )
    .unwrap();
    let d = &file["decisions"][0];
    assert_eq!(d["change"]["edit"], "reject");
    assert_eq!(d["change"]["figure"]["quote"]["exact"], "$45 million");
    assert_eq!(d["note"], "a fine, not a theft");

    let corrected = extract(dir.path(), &[]);
    assert_eq!(
        figure(&corrected, "quillon", "$45 million")["kind"],
        "other"
    );
    let alone = extract(dir.path(), &["--no-decisions"]);
    assert_eq!(figure(&alone, "quillon", "$45 million")["kind"], "stolen");
    // Another file given with --decisions replaces the one beside the corpus.
    let empty = dir.path().join("none.json");
    std::fs::write(
        &empty,
        r#"{"format":"dossier-decisions","version":1,"decisions":[]}"#,
    )
    .unwrap();
    let other = extract(dir.path(), &["--decisions", empty.to_str().unwrap()]);
    assert_eq!(figure(&other, "quillon", "$45 million")["kind"], "stolen");
}

#[test]
fn every_figure_form_changes_the_extraction() {
    let dir = corpus();
    let marlow = ["--article", "marlow", "--figure", "$9 million"];
    let vesper = ["--article", "vesper", "--figure", "$120 million"];
    decide(
        dir.path(),
        &with(&["set-kind"], &with(&marlow, &["--kind", "damage"])),
    );
    decide(
        dir.path(),
        &with(&["set-date"], &with(&vesper, &["--date", "2016-02"])),
    );
    decide(
        dir.path(),
        &with(&["set-value"], &with(&vesper, &["--value", "130000000"])),
    );
    decide(
        dir.path(),
        &with(&["set-victim"], &with(&vesper, &["--victim", "Vesper Ltd"])),
    );
    decide(
        dir.path(),
        &with(&["set-actor"], &with(&vesper, &["--actor", "APT38"])),
    );
    decide(dir.path(), &with(&["confirm"], &QUILLON));
    let r = extract(dir.path(), &[]);
    assert_eq!(figure(&r, "marlow", "$9 million")["kind"], "damage");
    let v = figure(&r, "vesper", "$120 million");
    assert_eq!(v["event_date"], "2016-02");
    assert_eq!(v["usd"], 130_000_000.0);
    assert_eq!(v["victim"], "Vesper Ltd");
    assert_eq!(v["actor"], "APT38");
    let listing: Value =
        serde_json::from_str(&ok(&["decisions", dir.path().to_str().unwrap(), "--json"])).unwrap();
    let items = listing["decisions"].as_array().unwrap();
    assert_eq!(items.len(), 6);
    assert!(items.iter().all(|d| d["status"] == "applied"), "{listing}");
}

#[test]
fn every_name_form_is_recorded_and_an_unknown_name_is_listed_as_orphan() {
    let dir = corpus();
    let machine = extract(dir.path(), &[]);
    let names: Vec<&str> = machine["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Quillon Bank") && names.contains(&"Vesper Exchange"));
    decide(
        dir.path(),
        &["merge-entities", "Quillon Bank", "Vesper Exchange"],
    );
    decide(
        dir.path(),
        &["unmerge-entity", "Quillon Bank", "Vesper Exchange"],
    );
    decide(
        dir.path(),
        &["rename-entity", "Marlow Credit Union", "Marlow CU"],
    );
    decide(dir.path(), &["set-entity-kind", "Marlow CU", "location"]);
    decide(dir.path(), &["not-a-name", "Nobody In Particular"]);
    let r = extract(dir.path(), &[]);
    let entity = |name: &str| {
        r["entities"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["name"] == name)
            .cloned()
    };
    let marlow = entity("Marlow CU").expect("renamed");
    assert_eq!(marlow["kind"], "location");
    assert!(entity("Vesper Exchange").is_some(), "the merge was undone");
    let text = ok(&["decisions", dir.path().to_str().unwrap()]);
    assert!(text.starts_with("5 decision(s)"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("orphan") && l.contains("Nobody In Particular")),
        "{text}"
    );
}

#[test]
fn a_figure_not_in_the_article_is_refused_with_a_reason() {
    let dir = corpus();
    let d = dir.path().to_str().unwrap();
    let out = dossier(&[
        "decide",
        d,
        "reject",
        "--article",
        "quillon",
        "--figure",
        "$7",
    ]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no occurrence 1 of \"$7\""));
    let out = dossier(&[
        "decide",
        d,
        "reject",
        "--article",
        "vesper",
        "--figure",
        "$45 million",
        "--occurrence",
        "2",
    ]);
    assert!(!out.status.success());
    assert!(!dir.path().join("dossier-decisions.json").exists());
}

#[test]
fn a_decision_whose_figure_left_the_text_is_listed_as_orphan_and_kept() {
    let dir = corpus();
    decide(dir.path(), &with(&["reject"], &QUILLON));
    let path = dir.path().join("quillon.md");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("stole $45 million", "stole an unknown sum"),
    )
    .unwrap();
    let listing: Value =
        serde_json::from_str(&ok(&["decisions", dir.path().to_str().unwrap(), "--json"])).unwrap();
    assert_eq!(listing["decisions"][0]["status"], "orphan");
    let out = dossier(&["extract", dir.path().to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("orphaned"));
    let file = std::fs::read_to_string(dir.path().join("dossier-decisions.json")).unwrap();
    assert!(file.contains("$45 million"));
}

#[test]
fn merge_applies_a_decisions_file_to_record_files() {
    let dir = corpus();
    decide(
        dir.path(),
        &with(&["set-kind"], &with(&QUILLON, &["--kind", "damage"])),
    );
    let jsonl = dir.path().join("articles.jsonl");
    let lines: Vec<String> = report_fixture::ARTICLES
        .iter()
        .map(|(name, _)| {
            let a = report_fixture::load(dir.path());
            let art = a
                .corpus
                .articles
                .iter()
                .find(|x| format!("{}.md", x.id) == *name)
                .unwrap()
                .clone();
            serde_json::json!({"id": art.id, "text": art.text}).to_string()
        })
        .collect();
    std::fs::write(&jsonl, lines.join("\n")).unwrap();
    let records = dir.path().join("records.jsonl");
    ok(&[
        "extract",
        "--jsonl",
        jsonl.to_str().unwrap(),
        "--out",
        records.to_str().unwrap(),
    ]);
    let decisions = dir.path().join("dossier-decisions.json");
    let merged: Value = serde_json::from_str(&ok(&[
        "merge",
        records.to_str().unwrap(),
        "--decisions",
        decisions.to_str().unwrap(),
    ]))
    .unwrap();
    assert_eq!(figure(&merged, "quillon", "$45 million")["kind"], "damage");
    let plain: Value = serde_json::from_str(&ok(&["merge", records.to_str().unwrap()])).unwrap();
    assert_eq!(figure(&plain, "quillon", "$45 million")["kind"], "stolen");
}

#[test]
fn the_report_applies_the_decisions_and_marks_the_corrected_figure() {
    let dir = corpus();
    decide(
        dir.path(),
        &with(&["set-date"], &with(&QUILLON, &["--date", "2019-02"])),
    );
    let md = ok(&["report", dir.path().to_str().unwrap(), "--format", "md"]);
    let md = md.replace('\\', "");
    assert!(
        md.contains("corrected by the analyst (machine: stolen"),
        "{md}"
    );
    assert!(md.contains("2019-02"), "{md}");
}

#[test]
fn as_training_writes_figure_and_name_decisions_in_the_label_formats() {
    let dir = corpus();
    decide(
        dir.path(),
        &with(&["set-kind"], &with(&QUILLON, &["--kind", "damage"])),
    );
    decide(
        dir.path(),
        &["rename-entity", "Marlow Credit Union", "Marlow CU"],
    );
    let out = dir.path().join("labels");
    ok(&[
        "decisions",
        dir.path().to_str().unwrap(),
        "--as-training",
        out.to_str().unwrap(),
    ]);
    let name = dir.path().file_name().unwrap().to_str().unwrap();
    let amounts: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("amount-labels.json")).unwrap())
            .unwrap();
    let labels = &amounts["articles"][format!("{name}/quillon")];
    assert_eq!(labels[0]["text"], "$45 million");
    assert_eq!(labels[0]["occurrence"], 1);
    assert_eq!(labels[0]["role"], "damage");
    assert!(labels[0]["headline"].is_boolean());
    let names: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("entity-labels.json")).unwrap())
            .unwrap();
    let org = names[format!("{name}/marlow")]["org"][0].as_str().unwrap();
    assert!(org.starts_with("Marlow CU|Marlow Credit Union"), "{names}");
}

#[test]
fn incident_forms_split_merge_and_confirm() {
    let dir = corpus();
    let count = |r: &Value| r["incidents"].as_array().unwrap().len();
    let sources_of = |r: &Value, article: &str| {
        r["incidents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| {
                i["sources"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|s| s["article"] == article)
            })
            .map(|i| i["sources"].as_array().unwrap().len())
            .unwrap()
    };
    let machine = extract(dir.path(), &[]);
    // Quillon's $45 million is reported by two articles: one incident of two sources.
    assert_eq!(sources_of(&machine, "quillon"), 2);
    let vesper45 = ["--article", "vesper", "--figure", "$45 million"];
    decide(dir.path(), &with(&["split-source"], &vesper45));
    let split = extract(dir.path(), &[]);
    assert_eq!(count(&split), count(&machine) + 1);
    assert_eq!(sources_of(&split, "quillon"), 1);
    decide(
        dir.path(),
        &with(
            &["merge-incidents"],
            &with(
                &QUILLON,
                &["--other-article", "marlow", "--other-figure", "$9 million"],
            ),
        ),
    );
    decide(dir.path(), &with(&["confirm-incident"], &QUILLON));
    let merged = extract(dir.path(), &[]);
    assert_eq!(count(&merged), count(&split) - 1);
    assert_eq!(sources_of(&merged, "marlow"), 2);
    let listing: Value =
        serde_json::from_str(&ok(&["decisions", dir.path().to_str().unwrap(), "--json"])).unwrap();
    assert!(
        listing["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["status"] == "applied"),
        "{listing}"
    );
}
