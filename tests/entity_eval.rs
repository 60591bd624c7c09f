//! Entity recall and precision on the hand-labelled sample (`tests/data/entity-labels.json`:
//! names per article and kind, read from `../shared/corpus`; no article text is stored here).
//!
//! Run: `cargo test --release --test entity_eval -- --ignored --nocapture`
//! (`DOSSIER_EVAL_VERBOSE=1` also lists every miss and every extra name).
//!
//! An entity found in an article counts once per article (however often it is mentioned); it
//! matches a label when its canonical name or any of its surfaces equals one of the label's
//! spellings (case, apostrophes and a leading `@` aside). Names listed under `ignore` (tokens,
//! chains, events, titles of works) count neither way.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use dossier::corpus::Article;
use dossier::extract::EntityKind;
use dossier::extract::entities;
use serde_json::Value;

const KINDS: [(&str, EntityKind); 4] = [
    ("person", EntityKind::Person),
    ("org", EntityKind::Organization),
    ("location", EntityKind::Location),
    ("actor", EntityKind::ThreatActor),
];

/// `../shared/corpus` beside the checkout (or beside a parent folder, for a worktree).
fn shared_corpus() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    root.ancestors()
        .skip(1)
        .map(|a| a.join("shared/corpus"))
        .find(|p| p.is_dir())
        .unwrap_or_else(|| root.join("../shared/corpus"))
}

fn norm(s: &str) -> String {
    let s = s.trim().trim_start_matches('@').replace('’', "'");
    let s = s
        .strip_suffix("'s")
        .map(str::to_string)
        .unwrap_or(s.to_string());
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// One article's labels: per kind, the entities (each a list of accepted spellings).
struct Labels {
    kinds: HashMap<&'static str, Vec<Vec<String>>>,
    ignore: Vec<String>,
}

fn load_labels() -> Vec<(String, Labels)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/entity-labels.json");
    let json: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let obj = json.as_object().unwrap();
    let everywhere: Vec<String> = obj["_ignore_everywhere"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| norm(v.as_str().unwrap()))
        .collect();
    let strings = |v: Option<&Value>| -> Vec<String> {
        v.and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for (id, v) in obj.iter().filter(|(k, _)| !k.starts_with('_')) {
        let mut kinds = HashMap::new();
        for (k, _) in KINDS {
            let ents = strings(v.get(k))
                .iter()
                .map(|e| e.split('|').map(norm).collect())
                .collect();
            kinds.insert(k, ents);
        }
        let mut ignore: Vec<String> = strings(v.get("ignore")).iter().map(|s| norm(s)).collect();
        ignore.extend(everywhere.iter().cloned());
        out.push((id.clone(), Labels { kinds, ignore }));
    }
    out
}

fn load_article(id: &str) -> Article {
    let path = shared_corpus().join(format!("{id}.txt"));
    let corpus = dossier::corpus::load(&[path.clone()], &|_| {}, &AtomicBool::new(false));
    corpus
        .articles
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{} did not load", path.display()))
}

#[derive(Default, Clone, Copy)]
struct Counts {
    labelled: usize,
    found: usize,
    predicted: usize,
    correct: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.labelled += o.labelled;
        self.found += o.found;
        self.predicted += o.predicted;
        self.correct += o.correct;
    }
    fn recall(&self) -> f64 {
        self.found as f64 / self.labelled.max(1) as f64
    }
    fn precision(&self) -> f64 {
        self.correct as f64 / self.predicted.max(1) as f64
    }
}

/// Scores one article; returns counts per kind and the misses/extras for the verbose listing.
fn score(article: &Article, labels: &Labels) -> (HashMap<&'static str, Counts>, Vec<String>) {
    let mentions = entities::find(article);
    let mut notes = Vec::new();
    let mut out = HashMap::new();
    for (k, kind) in KINDS {
        // canonical -> every spelling it was found as
        let mut predicted: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for m in mentions.iter().filter(|m| m.kind == kind) {
            let v = predicted.entry(m.canonical.as_str()).or_default();
            v.push(norm(&m.canonical));
            v.push(norm(&m.surface));
        }
        let gold = &labels.kinds[k];
        let hits = |spellings: &Vec<String>, alts: &Vec<String>| {
            spellings.iter().any(|s| alts.contains(s))
        };
        let mut c = Counts {
            labelled: gold.len(),
            ..Counts::default()
        };
        for g in gold {
            if predicted.values().any(|p| hits(p, g)) {
                c.found += 1;
            } else {
                notes.push(format!("  miss  {k:8} {}", g[0]));
            }
        }
        for (canon, p) in &predicted {
            if gold.iter().any(|g| hits(p, g)) {
                c.predicted += 1;
                c.correct += 1;
            } else if !p.iter().any(|s| labels.ignore.contains(s)) {
                c.predicted += 1;
                notes.push(format!("  extra {k:8} {canon}"));
            }
        }
        out.insert(k, c);
    }
    (out, notes)
}

#[test]
#[ignore = "reads ../shared/corpus; run with --ignored to print the figures"]
fn entity_recall_and_precision_on_the_labelled_sample() {
    assert!(
        shared_corpus().is_dir(),
        "{} is missing: the labelled sample cannot be scored",
        shared_corpus().display()
    );
    let verbose = std::env::var("DOSSIER_EVAL_VERBOSE").is_ok_and(|v| v == "1");
    let labels = load_labels();
    assert!(labels.len() >= 40, "{} labelled articles", labels.len());
    let mut total: BTreeMap<&str, Counts> = BTreeMap::new();
    let mut by_corpus: BTreeMap<(String, &str), Counts> = BTreeMap::new();
    for (id, l) in &labels {
        let article = load_article(id);
        let (counts, notes) = score(&article, l);
        let corpus = id.split('/').next().unwrap_or("").to_string();
        for (k, c) in counts {
            total.entry(k).or_default().add(c);
            by_corpus.entry((corpus.clone(), k)).or_default().add(c);
        }
        if verbose && !notes.is_empty() {
            println!("{id}");
            for n in notes {
                println!("{n}");
            }
        }
    }
    println!("{} labelled articles", labels.len());
    println!("kind      recall            precision");
    for (k, _) in KINDS {
        let c = total[k];
        println!(
            "{k:9} {:.2} ({:3}/{:3})  {:.2} ({:3}/{:3})",
            c.recall(),
            c.found,
            c.labelled,
            c.precision(),
            c.correct,
            c.predicted
        );
    }
    for ((corpus, k), c) in &by_corpus {
        println!(
            "  {corpus:9} {k:9} recall {:.2} ({}/{})  precision {:.2} ({}/{})",
            c.recall(),
            c.found,
            c.labelled,
            c.precision(),
            c.correct,
            c.predicted
        );
    }
}
