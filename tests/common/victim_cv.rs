//! The victim scorer trained and measured on `tests/data/victim-labels.json`: the victim of
//! every theft figure of the labelled dev articles, cross-validated by article with the amount
//! model's folds; the old hand rule measured on the same figures.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use dossier::corpus::Corpus;
use dossier::extract::money::{normalized_victim, victim_examples};
use dossier::extract::victims::identity;
use dossier::extract::victims::model::VictimModel;
use dossier::extract::{dates, entities};
use dossier::learn::{Features, RankExample};
use serde::Deserialize;

#[derive(Deserialize)]
struct LabelFile {
    articles: BTreeMap<String, Vec<Label>>,
}

#[derive(Deserialize)]
struct Label {
    text: String,
    occurrence: usize,
    victim: Option<String>,
}

pub fn labels_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/victim-labels.json")
}

/// One labelled theft figure: its candidates' features, which are right, what the old rule
/// and each candidate name.
pub struct Example {
    pub fold: usize,
    pub key: String,
    label: Option<String>,
    rule: Option<String>,
    names: Vec<String>,
    features: Vec<Features>,
    right: Vec<bool>,
}

/// Whether two victims' names name one organisation: the same identity, or the same name once
/// kind words are dropped, or one the other's leading words ("Harmony", "Harmony Bridge").
pub fn same(a: &str, b: &str) -> bool {
    let squeezed = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    if identity(a) == identity(b) || squeezed(a) == squeezed(b) {
        return true;
    }
    let (a, b) = (normalized_victim(a), normalized_victim(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut words = long.split_whitespace();
    !short.is_empty() && short.split_whitespace().all(|w| words.next() == Some(w))
}

fn agrees(predicted: Option<&str>, label: Option<&str>) -> bool {
    match (predicted, label) {
        (None, None) => true,
        (Some(p), Some(l)) => same(p, l),
        _ => false,
    }
}

/// The labelled figures of `corpora`, and the hash of the labels and texts.
pub fn examples(
    corpora: &HashMap<&str, Corpus>,
    fold_of: impl Fn(&str) -> usize,
) -> (Vec<Example>, String) {
    let bytes = std::fs::read(labels_path()).expect("tests/data/victim-labels.json");
    let labels: LabelFile = serde_json::from_slice(&bytes).expect("victim labels JSON");
    let mut h = fnv(&bytes, 0xcbf2_9ce4_8422_2325);
    let mut out = Vec::new();
    let mut unmatched = Vec::new();
    for (key, rows) in &labels.articles {
        let (corpus, id) = key.split_once('/').expect("<corpus>/<id>");
        let article = corpora[corpus]
            .articles
            .iter()
            .find(|a| a.id == id)
            .unwrap_or_else(|| panic!("labelled article {key} is not in ../shared"));
        h = fnv(article.text.as_bytes(), h);
        let figures = victim_examples(article, &dates::find(article), &entities::find(article));
        let mut seen: HashMap<&str, usize> = HashMap::new();
        let mut found = vec![false; rows.len()];
        for f in &figures {
            let occ = seen.entry(f.text.as_str()).or_default();
            *occ += 1;
            let Some(at) = rows
                .iter()
                .position(|l| l.text == f.text && l.occurrence == *occ)
            else {
                continue;
            };
            found[at] = true;
            let label = rows[at].victim.clone();
            let names: Vec<String> = f
                .candidates
                .victims
                .iter()
                .map(|v| v.name.clone())
                .collect();
            let right = std::iter::once(label.is_none())
                .chain(
                    names
                        .iter()
                        .map(|n| label.as_deref().is_some_and(|l| same(n, l))),
                )
                .collect();
            out.push(Example {
                fold: fold_of(&article.text),
                key: format!("{key} {} #{occ}", f.text),
                label,
                rule: f.rule.clone(),
                names,
                features: f.candidates.features.clone(),
                right,
            });
        }
        for (l, _) in rows.iter().zip(&found).filter(|(_, f)| !**f) {
            unmatched.push(format!("{key}: {} #{}", l.text, l.occurrence));
        }
    }
    println!(
        "victim labels no extracted figure matches: {}",
        unmatched.len()
    );
    for u in unmatched.iter().take(10) {
        println!("  {u}");
    }
    assert!(
        unmatched.len() <= 20,
        "{} victim labels unmatched",
        unmatched.len()
    );
    let trained_on = format!(
        "fnv64:{h:016x} ({} figures of tests/data/victim-labels.json)",
        out.len()
    );
    (out, trained_on)
}

fn fnv(bytes: &[u8], mut h: u64) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// How the scorer is fitted (`DOSSIER_VICTIM_EPOCHS`, `DOSSIER_VICTIM_L2` try others).
fn fit() -> (usize, f32) {
    let env = |name: &str| std::env::var(name).ok();
    (
        env("DOSSIER_VICTIM_EPOCHS")
            .and_then(|v| v.parse().ok())
            .unwrap_or(30),
        env("DOSSIER_VICTIM_L2")
            .and_then(|v| v.parse().ok())
            .unwrap_or(1e-2),
    )
}

/// The scorer trained on `examples`. A labelled victim that is none of the candidates (the
/// entity layer did not find it as an organisation) makes "none" the right answer: better no
/// victim than another organisation of the sentence.
pub fn train(examples: &[&Example], trained_on: String) -> VictimModel {
    let lists: Vec<RankExample> = examples
        .iter()
        .map(|e| {
            let mut right = e.right.clone();
            if !right.iter().any(|r| *r) {
                right[0] = true;
            }
            (e.features.clone(), right)
        })
        .collect();
    let (epochs, l2) = fit();
    // Through the asset's text, as the shipped model is read.
    VictimModel::parse(&VictimModel::train(&lists, epochs, l2, trained_on).to_asset())
}

/// Victim accuracy of the old rule and of the scorer cross-validated by article, on the same
/// figures: (rule, scorer).
pub fn cross_validate(examples: &[Example], folds: usize) -> (f64, f64) {
    let models: Vec<VictimModel> = (0..folds)
        .map(|k| {
            let train_set: Vec<&Example> = examples.iter().filter(|e| e.fold != k).collect();
            train(&train_set, format!("fold {k}"))
        })
        .collect();
    let (mut rule_right, mut model_right, mut reachable) = (0usize, 0usize, 0usize);
    let mut wrong = Vec::new();
    // Wrong answers by kind: a victim where the label has none, none where it has one, another.
    let mut kinds = [0usize; 3];
    for e in examples {
        let p = models[e.fold].probabilities(&e.features);
        let best = (0..p.len())
            .max_by(|&a, &b| p[a].total_cmp(&p[b]))
            .unwrap_or(0);
        let chosen = (best > 0).then(|| e.names[best - 1].as_str());
        let label = e.label.as_deref();
        rule_right += usize::from(agrees(e.rule.as_deref(), label));
        reachable += usize::from(e.right.iter().any(|r| *r));
        if agrees(chosen, label) {
            model_right += 1;
        } else {
            kinds[match (chosen, label) {
                (Some(_), None) => 0,
                (None, Some(_)) => 1,
                _ => 2,
            }] += 1;
            wrong.push(format!("{}: {chosen:?}, label {label:?}", e.key));
        }
    }
    let n = examples.len().max(1) as f64;
    let (rule, model) = (rule_right as f64 / n, model_right as f64 / n);
    println!("\nvictims of {} labelled theft figures:", examples.len());
    println!("  old rule            {rule:.3} ({rule_right})");
    println!("  scorer, CV by article {model:.3} ({model_right})");
    println!(
        "  labelled victim among the candidates (or none): {reachable} ({:.3})",
        reachable as f64 / n
    );
    println!(
        "  scorer wrong: {} a victim where the label has none, {} none where it has one, {} another",
        kinds[0], kinds[1], kinds[2]
    );
    for w in wrong
        .iter()
        .take(if std::env::var_os("DOSSIER_VICTIM_ERRORS").is_some() {
            usize::MAX
        } else {
            20
        })
    {
        println!("  wrong: {w}");
    }
    (rule, model)
}
