//! The analyst's decisions as training labels: figures in the format of
//! `tests/data/amount-labels.json`, names in that of `tests/data/entity-labels.json`, so that a
//! team's corrections can join the labels the next model is trained on.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use super::model::{Change, Decision};
use super::replay::ReplayReport;
use crate::analysis::Analysis;
use crate::extract::{Entity, EntityKind};

/// The entity labels' key for a kind (`None`: a kind the labels do not hold).
fn kind_key(kind: EntityKind) -> Option<&'static str> {
    match kind {
        EntityKind::Person => Some("person"),
        EntityKind::Organization => Some("org"),
        EntityKind::Location => Some("location"),
        EntityKind::ThreatActor => Some("actor"),
        EntityKind::Money | EntityKind::Date => None,
    }
}

/// Amount labels for every figure a decision touched, as corrected: its text, its occurrence
/// among the article's figures of that text, its role and whether it is the article's headline.
/// Articles are keyed `CORPUS/ID`.
pub fn amount_labels(corrected: &Analysis, report: &ReplayReport, corpus: &str) -> Value {
    let mut articles: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for f in &report.figures {
        let amounts = &corrected.extraction.amounts;
        let Some(a) = amounts
            .iter()
            .find(|a| *a.article == *f.article && a.start as usize == f.start)
        else {
            continue;
        };
        let occurrence = amounts
            .iter()
            .filter(|b| b.article == a.article && b.text == a.text && b.start <= a.start)
            .count();
        articles
            .entry(format!("{corpus}/{}", a.article))
            .or_default()
            .push(json!({"text": a.text, "occurrence": occurrence,
                "role": a.kind.as_str(), "headline": a.main}));
    }
    json!({
        "about": "Roles of money figures as analysts corrected or confirmed them (dossier decisions --as-training).",
        "articles": articles,
    })
}

/// Entity labels for the names a decision touched: per article the entity under its (corrected)
/// kind with its spellings joined by `|`, and what was *not a name* under `ignore`. Articles are
/// keyed `CORPUS/ID`.
pub fn entity_labels(
    machine: &Analysis,
    corrected: &Analysis,
    decisions: &[Decision],
    report: &ReplayReport,
    corpus: &str,
) -> Value {
    let applied: BTreeSet<&str> = report.applied.iter().map(String::as_str).collect();
    let mut out: BTreeMap<String, BTreeMap<&'static str, BTreeSet<String>>> = BTreeMap::new();
    let find = |entities: &'_ [Entity], name: &str| -> Option<Entity> {
        entities
            .iter()
            .find(|e| {
                e.name.eq_ignore_ascii_case(name)
                    || e.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
            })
            .cloned()
    };
    for d in decisions.iter().filter(|d| applied.contains(d.id.as_str())) {
        let (name, ignored) = match &d.change {
            Change::RenameEntity { to, .. } => (to, false),
            Change::SetEntityKind { name, .. }
            | Change::MergeEntities { name, .. }
            | Change::UnmergeEntity { name, .. } => (name, false),
            Change::NotAName { name } => (name, true),
            _ => continue,
        };
        let source = if ignored {
            &machine.extraction.entities
        } else {
            &corrected.extraction.entities
        };
        let Some(e) = find(source, name) else {
            continue;
        };
        let (key, label) = if ignored {
            ("ignore", e.name.clone())
        } else {
            let Some(key) = kind_key(e.kind) else {
                continue;
            };
            let mut spellings = vec![e.name.clone()];
            spellings.extend(e.aliases.iter().cloned());
            (key, spellings.join("|"))
        };
        for m in &e.mentions {
            out.entry(format!("{corpus}/{}", m.article))
                .or_default()
                .entry(key)
                .or_default()
                .insert(label.clone());
        }
    }
    let mut doc = serde_json::Map::new();
    doc.insert(
        "_note".into(),
        "Names as analysts corrected them (dossier decisions --as-training); 'a|b' = spellings of one entity.".into(),
    );
    for (article, kinds) in out {
        doc.insert(article, json!(kinds));
    }
    Value::Object(doc)
}
