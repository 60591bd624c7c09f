//! Entity recall and precision on the hand-labelled sample (`tests/data/entity-labels.json`:
//! names per article and kind, read from `../shared/corpus`; no article text is stored here).
//!
//! Run: `cargo test --release --test entity_eval -- --ignored --nocapture score`
//! (`DOSSIER_EVAL_VERBOSE=1` also lists every miss and every extra name). It prints the rules
//! alone, the model cross-validated by article (5 folds: each fold's articles are typed by a
//! model trained on the other folds only) and the shipped model (trained on all, in-sample).
//!
//! Train (rewrites `assets/entity-model.tsv` and `assets/entity-words/common-words.txt`):
//! `DOSSIER_TRAIN_ENTITIES=1 cargo test --release --test entity_eval -- --ignored train`
//!
//! Training uses the hand labels. `DOSSIER_SILVER=1` adds the teacher's silver labels of the
//! BBC stories that are not hand-labelled (`tests/data/entity-silver.json`, written by
//! `tests/teacher/label_with_spacy.py`), with each hand example counted `GOLD_WEIGHT` times;
//! `DOSSIER_SILVER_CORPORA=bbc/,rekt-dev/` picks the corpora it labels, and
//! `DOSSIER_GOLD_WEIGHT=N` changes the weight, to compare. On 349 hand-labelled articles the
//! teacher lowers precision more than it raises recall (its BBC people and places are noisy),
//! so the shipped model is trained without it.
//!
//! An entity found in an article counts once per article (however often it is mentioned); it
//! matches a label when its canonical name or any of its surfaces equals one of the label's
//! spellings (case, apostrophes and a leading `@` aside). Names listed under `ignore` (tokens,
//! chains, events, titles of works) count neither way.

#[path = "common/python_venv.rs"]
mod python_venv;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use dossier::corpus::Article;
use dossier::extract::EntityKind;
use dossier::extract::entities::{self, model::Model};
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

/// A spelling compared case-, space- and trailing-period-blind ("Paper Bird Inc." written at
/// the end of a sentence is "Paper Bird Inc").
fn norm(s: &str) -> String {
    let s = s
        .trim()
        .trim_start_matches('@')
        .trim_end_matches('.')
        .replace('’', "'");
    let s = s
        .strip_suffix("'s")
        .map(str::to_string)
        .unwrap_or(s.to_string());
    let s = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    // "the Fed" and "Fed", "The Times" and "Times": one name with or without its article.
    s.strip_prefix("the ").map(str::to_string).unwrap_or(s)
}

/// A label's accepted spellings, each also without a leading honorific: the extractor keeps
/// titles off names by design ("Dr. Eli David" is found as "Eli David" with the role "Dr."),
/// while some labels wrote them in.
fn spellings(label: &str) -> Vec<String> {
    let honorifics: Vec<&str> = include_str!("../assets/entity-words/honorifics.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let mut out: Vec<String> = label.split('|').map(norm).collect();
    for s in label.split('|') {
        let s = s.trim();
        if let Some((first, rest)) = s.split_once(' ')
            && honorifics.contains(&first)
        {
            out.push(norm(rest));
        }
    }
    out
}

/// One article's labels: per kind, the entities (each a list of accepted spellings).
struct Labels {
    kinds: HashMap<&'static str, Vec<Vec<String>>>,
    ignore: Vec<String>,
}

fn load_labels() -> Vec<(String, Labels)> {
    read_labels("entity-labels.json")
}

/// Labels in `tests/data/<file>`: the hand labels, or the teacher's silver labels.
fn read_labels(file: &str) -> Vec<(String, Labels)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(file);
    let json: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let obj = json.as_object().unwrap();
    let everywhere: Vec<String> = obj
        .get("_ignore_everywhere")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(norm)
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
            let ents = strings(v.get(k)).iter().map(|e| spellings(e)).collect();
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
    let corpus = dossier::corpus::load(
        std::slice::from_ref(&path),
        &|_| {},
        &AtomicBool::new(false),
    );
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
    fn line(&self) -> String {
        format!(
            "{:.2} ({:3}/{:3})  {:.2} ({:3}/{:3})",
            self.recall(),
            self.found,
            self.labelled,
            self.precision(),
            self.correct,
            self.predicted
        )
    }
}

/// Whether every mention of the location `canonical` is written as a demonym ("German").
fn only_demonyms(canonical: &str, mentions: &[dossier::extract::EntityMention]) -> bool {
    use dossier::extract::entities::places::PLACES;
    mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Location && m.canonical == canonical)
        .all(|m| {
            PLACES
                .iter()
                .any(|p| p.demonyms.iter().any(|d| d == &m.surface))
        })
}

/// Counts one kind's predicted entities (canonical name -> every spelling it was found as)
/// against the labels; `skip` leaves an unlabelled prediction unscored. Dossier and the spaCy
/// baseline are both scored by this one function.
fn match_kind(
    k: &str,
    predicted: &BTreeMap<String, Vec<String>>,
    labels: &Labels,
    skip: &dyn Fn(&str) -> bool,
    notes: &mut Vec<String>,
    missed: &dyn Fn(&[String]) -> &'static str,
) -> Counts {
    let gold = &labels.kinds[k];
    let hits =
        |spellings: &Vec<String>, alts: &Vec<String>| spellings.iter().any(|s| alts.contains(s));
    let mut c = Counts {
        labelled: gold.len(),
        ..Counts::default()
    };
    for g in gold {
        if predicted.values().any(|p| hits(p, g)) {
            c.found += 1;
        } else {
            notes.push(format!("  miss  {k:8} {}{}", g[0], missed(g)));
        }
    }
    for (canon, p) in predicted {
        if gold.iter().any(|g| hits(p, g)) {
            c.predicted += 1;
            c.correct += 1;
        } else if !skip(canon) && !p.iter().any(|s| labels.ignore.contains(s)) {
            c.predicted += 1;
            notes.push(format!("  extra {k:8} {canon}"));
        }
    }
    c
}

/// Scores one article; returns counts per kind and the misses/extras for the verbose listing.
fn score(
    article: &Article,
    labels: &Labels,
    model: &Model,
) -> (HashMap<&'static str, Counts>, Vec<String>) {
    let mentions = entities::find_with(article, model);
    let proposals = entities::proposals(article);
    let mut notes = Vec::new();
    let mut out = HashMap::new();
    // Whether a missed name was never proposed (a candidate problem) or turned down.
    let missed = |g: &[String]| {
        if proposals.iter().any(|p| g.contains(&norm(&p.name))) {
            ""
        } else {
            "  (not proposed)"
        }
    };
    for (k, kind) in KINDS {
        let mut predicted: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for m in mentions.iter().filter(|m| m.kind == kind) {
            let v = predicted.entry(m.canonical.clone()).or_default();
            v.push(norm(&m.canonical));
            v.push(norm(&m.surface));
        }
        // A country found only through its adjective ("a German firm" as Germany) is linked on
        // purpose, and the labels list places named, not adjectives: not scored.
        let skip = |canon: &str| k == "location" && only_demonyms(canon, &mentions);
        out.insert(
            k,
            match_kind(k, &predicted, labels, &skip, &mut notes, &missed),
        );
    }
    (out, notes)
}

/// spaCy's names on the labelled articles (`tests/data/spacy-entities.json`, written by
/// `tests/spacy/compare.py`), scored as Dossier's are: counts per corpus and kind.
fn spacy_baseline(data: &[(String, Article, Labels)]) -> BTreeMap<(String, &'static str), Counts> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/spacy-entities.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = BTreeMap::new();
    for (id, _, labels) in data {
        let found = json.get(id).unwrap_or_else(|| {
            panic!(
                "{} has no entry for {id}: run cargo test --release --test \
                 entity_eval -- --ignored spacy",
                path.display()
            )
        });
        let corpus = id.split('/').next().unwrap_or("").to_string();
        for (k, _) in KINDS {
            let predicted: BTreeMap<String, Vec<String>> = found
                .get(k)
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(|e| (e.to_string(), e.split('|').map(norm).collect()))
                .collect();
            let c = match_kind(k, &predicted, labels, &|_| false, &mut Vec::new(), &|_| "");
            out.entry((corpus.clone(), k))
                .or_insert_with(Counts::default)
                .add(c);
        }
    }
    out
}

/// Dossier (cross-validated) beside spaCy, per corpus and kind: recall / precision each.
fn print_beside_spacy(
    dossier: &BTreeMap<(String, &'static str), Counts>,
    spacy: &BTreeMap<(String, &'static str), Counts>,
) {
    println!("by corpus: Dossier (cross-validated) beside spaCy 3.8 en_core_web_sm 3.8.0");
    println!("  corpus    kind      Dossier recall / precision          spaCy recall / precision");
    let corpora: Vec<&String> = {
        let mut v: Vec<&String> = dossier.keys().map(|(c, _)| c).collect();
        v.dedup();
        v
    };
    for corpus in corpora {
        for k in ["person", "org", "location"] {
            let key = (corpus.clone(), k);
            let (Some(d), Some(s)) = (dossier.get(&key), spacy.get(&key)) else {
                continue;
            };
            println!("  {corpus:9} {k:9} {}   {}", d.line(), s.line());
        }
    }
}

/// The model's training examples from one labelled article: each proposed name with the kind
/// its label gives (names labelled under `ignore` or not at all are "nothing").
fn examples(article: &Article, labels: &Labels) -> Vec<(entities::model::Features, usize)> {
    entities::proposals(article)
        .into_iter()
        .filter_map(|p| {
            let n = norm(&p.name);
            let labelled = |k: &str| labels.kinds[k].iter().any(|alts| alts.contains(&n));
            // Threat actors come from the gazetteer only: not an example either way.
            if labelled("actor") {
                return None;
            }
            let kind = KINDS
                .iter()
                .find(|(k, _)| labelled(k))
                .map(|(_, kind)| *kind);
            Some((p.features, entities::model::class_of(kind)))
        })
        .collect()
}

/// The teacher's examples: the proposals of every article the teacher labelled
/// (`tests/data/entity-silver.json`, see `tests/teacher/`), except the hand-labelled ones,
/// which stay the test set.
fn silver_examples(gold: &[(String, Article, Labels)]) -> Vec<(entities::model::Features, usize)> {
    let root = shared_corpus();
    let dirs: Vec<PathBuf> = ["bbc", "rekt-dev", "dprk"]
        .iter()
        .map(|c| root.join(c))
        .collect();
    let corpus = dossier::corpus::load(&dirs, &|_| {}, &AtomicBool::new(false));
    let by_id: HashMap<String, &Article> = corpus
        .articles
        .iter()
        .filter_map(|a| {
            let rel = a.path.strip_prefix(&root).ok()?.with_extension("");
            Some((rel.to_string_lossy().replace('\\', "/"), a))
        })
        .collect();
    let mut out = Vec::new();
    for (id, labels) in read_labels("entity-silver.json") {
        if gold.iter().any(|(g, _, _)| *g == id)
            || !silver_corpora().iter().any(|c| id.starts_with(c.as_str()))
        {
            continue;
        }
        if let Some(a) = by_id.get(&id) {
            out.extend(examples(a, &labels));
        }
    }
    out
}

/// The corpora whose teacher labels are trained on: the BBC only by default, as the teacher
/// (trained on general news) calls most crypto protocols people.
fn silver_corpora() -> Vec<String> {
    std::env::var("DOSSIER_SILVER_CORPORA")
        .unwrap_or("bbc/".into())
        .split(',')
        .map(String::from)
        .collect()
}

/// How many times each hand-labelled example counts against one of the teacher's.
fn prune() -> f32 {
    std::env::var("DOSSIER_PRUNE")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(PRUNE)
}

/// Epochs of training (`DOSSIER_EPOCHS`, for a sweep; by default [`EPOCHS`]).
fn epochs() -> usize {
    std::env::var("DOSSIER_EPOCHS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(EPOCHS)
}

/// The L2 penalty per step (`DOSSIER_L2`, for a sweep; by default [`L2`]).
fn l2() -> f32 {
    std::env::var("DOSSIER_L2")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(L2)
}

fn gold_weight() -> usize {
    std::env::var("DOSSIER_GOLD_WEIGHT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(GOLD_WEIGHT)
}

/// Whether the teacher's examples are used (`DOSSIER_SILVER=1`; by default the hand labels only).
fn use_silver() -> bool {
    std::env::var("DOSSIER_SILVER").is_ok_and(|v| v == "1")
}

/// The training set: the teacher's examples, then the hand-labelled ones `gold_weight` times.
fn training_set(
    silver: &[(entities::model::Features, usize)],
    gold: impl Iterator<Item = (entities::model::Features, usize)> + Clone,
) -> Vec<(entities::model::Features, usize)> {
    let mut out = silver.to_vec();
    for _ in 0..gold_weight() {
        out.extend(gold.clone());
    }
    out
}

const GOLD_WEIGHT: usize = 10;
/// Features whose weights all stay under this are dropped from the model.
const PRUNE: f32 = 0.1;
const EPOCHS: usize = 12;
/// The penalty `Model::train` uses (`learn::Linear::train`).
const L2: f32 = 1e-4;
const THRESHOLD: f32 = 0.4;
const FOLDS: usize = 5;

type Table = BTreeMap<&'static str, Counts>;

/// Scores every article with the model `model_for(index)` gives it.
fn evaluate(
    data: &[(String, Article, Labels)],
    model_for: &dyn Fn(usize) -> Model,
    verbose: bool,
) -> (Table, BTreeMap<(String, &'static str), Counts>) {
    let mut total = Table::new();
    let mut by_corpus = BTreeMap::new();
    for (i, (id, article, l)) in data.iter().enumerate() {
        let (counts, notes) = score(article, l, &model_for(i));
        let corpus = id.split('/').next().unwrap_or("").to_string();
        for (k, c) in counts {
            total.entry(k).or_default().add(c);
            by_corpus
                .entry((corpus.clone(), k))
                .or_insert_with(Counts::default)
                .add(c);
        }
        if verbose && !notes.is_empty() {
            println!("{id}");
            for n in notes {
                println!("{n}");
            }
        }
    }
    (total, by_corpus)
}

fn print_table(title: &str, total: &Table) {
    println!("{title}");
    println!("  kind      recall            precision");
    for (k, _) in KINDS {
        println!("  {k:9} {}", total[k].line());
    }
}

fn labelled_data() -> Vec<(String, Article, Labels)> {
    assert!(
        shared_corpus().is_dir(),
        "{} is missing: the labelled sample cannot be scored",
        shared_corpus().display()
    );
    let labels = load_labels();
    assert!(labels.len() >= 40, "{} labelled articles", labels.len());
    labels
        .into_iter()
        .map(|(id, l)| {
            let a = load_article(&id);
            (id, a, l)
        })
        .collect()
}

#[test]
#[ignore = "reads ../shared/corpus; .ci/run runs it with --ignored"]
fn score_entities_on_the_labelled_sample() {
    let verbose = std::env::var("DOSSIER_EVAL_VERBOSE").is_ok_and(|v| v == "1");
    let data = labelled_data();
    println!("{} labelled articles", data.len());
    let (rules, _) = evaluate(&data, &|_| Model::default(), false);
    print_table("rules alone (no model)", &rules);

    let ex: Vec<_> = data.iter().map(|(_, a, l)| examples(a, l)).collect();
    let silver = if use_silver() {
        silver_examples(&data)
    } else {
        Vec::new()
    };
    println!(
        "{} teacher examples, hand examples ×{}",
        silver.len(),
        gold_weight()
    );
    let folds: Vec<Model> = (0..FOLDS)
        .map(|f| {
            let gold = ex
                .iter()
                .enumerate()
                .filter(|(i, _)| i % FOLDS != f)
                .flat_map(|(_, e)| e.iter().cloned());
            Model::train_with(&training_set(&silver, gold), epochs(), l2(), THRESHOLD)
                .pruned(prune())
        })
        .collect();
    for t in [0.3f32, 0.35, 0.45, 0.5, 0.6] {
        let (cv, _) = evaluate(
            &data,
            &|i| {
                let mut m = folds[i % FOLDS].clone();
                m.threshold = t;
                m
            },
            false,
        );
        print_table(
            &format!("cross-validated ({FOLDS} folds by article), threshold {t}"),
            &cv,
        );
    }
    let (cv, by_corpus) = evaluate(&data, &|i| folds[i % FOLDS].clone(), verbose);
    print_table(
        &format!("cross-validated ({FOLDS} folds by article), threshold {THRESHOLD}"),
        &cv,
    );
    for ((corpus, k), c) in &by_corpus {
        println!("    {corpus:9} {k:9} {}", c.line());
    }
    print_beside_spacy(&by_corpus, &spacy_baseline(&data));
    // Floors: the cross-validated figures this release reaches (README), less a retrain's noise
    // (a few names either way). On 469 articles, 120 of them general news (wire-dev, BBC
    // business and politics), it reaches person 0.899 / 0.944, organisation 0.889 / 0.929,
    // place 0.963 / 0.961: the organisation floor is the issue's target.
    for (kind, recall, precision) in [
        ("person", 0.89, 0.935),
        ("org", 0.88, 0.92),
        ("location", 0.955, 0.95),
        ("actor", 0.80, 0.95),
    ] {
        let c = &cv[kind];
        assert!(
            c.recall() >= recall && c.precision() >= precision,
            "{kind}: {} under the floor {recall} / {precision}",
            c.line()
        );
    }
    let (shipped, _) = evaluate(&data, &|_| entities::model::SHIPPED.clone(), false);
    print_table(
        "shipped model (trained on all of the sample: in-sample)",
        &shipped,
    );
}

/// Lower-case words used at least three times in the corpora: ordinary words, for the model's
/// "a common word at a sentence start" feature.
fn common_words() -> String {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let root = shared_corpus();
    let mut files = Vec::new();
    for corpus in ["bbc", "rekt-dev", "dprk"] {
        let mut stack = vec![root.join(corpus)];
        while let Some(dir) = stack.pop() {
            for e in std::fs::read_dir(&dir).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|x| x == "txt") {
                    files.push(p);
                }
            }
        }
    }
    files.sort();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        let mut prev = ' ';
        let mut word = String::new();
        for c in text.chars().chain([' ']) {
            if c.is_alphanumeric() || c == '_' {
                word.push(c);
                continue;
            }
            if !word.is_empty() {
                let glued = matches!(prev, '@' | '.');
                if !glued && word.len() > 1 && word.chars().all(|c| c.is_ascii_lowercase()) {
                    *counts.entry(std::mem::take(&mut word)).or_default() += 1;
                }
                word.clear();
            }
            prev = c;
        }
    }
    let mut words: Vec<String> = counts
        .into_iter()
        .filter(|(_, n)| *n >= 3)
        .map(|(w, _)| w)
        .collect();
    words.sort();
    format!(
        "# Lower-case words used at least 3 times in the bbc, rekt-dev and dprk corpora.\n\
         # Regenerate: DOSSIER_TRAIN_ENTITIES=1 cargo test --release --test entity_eval -- --ignored train\n{}\n",
        words.join("\n")
    )
}

#[test]
#[ignore = "reads ../shared/corpus and rewrites the model's assets when DOSSIER_TRAIN_ENTITIES=1"]
fn train_entity_model() {
    if std::env::var("DOSSIER_TRAIN_ENTITIES").is_ok_and(|v| v == "1") {
        let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
        // The library embeds the word list: when it changes, train again with the new build.
        let words = assets.join("entity-words/common-words.txt");
        let fresh = common_words();
        if std::fs::read_to_string(&words).ok().as_deref() != Some(fresh.as_str()) {
            std::fs::write(&words, fresh).unwrap();
            println!("common-words.txt changed: run the training command once more");
        }
        let data = labelled_data();
        let ex: Vec<_> = data.iter().flat_map(|(_, a, l)| examples(a, l)).collect();
        let silver = if use_silver() {
            silver_examples(&data)
        } else {
            Vec::new()
        };
        let model = Model::train(
            &training_set(&silver, ex.iter().cloned()),
            EPOCHS,
            THRESHOLD,
        )
        .pruned(prune());
        std::fs::write(assets.join("entity-model.tsv"), model.to_asset()).unwrap();
        println!("{} examples; wrote the model", ex.len());
    }
}

/// Runs spaCy over the labelled articles and rewrites `tests/data/spacy-entities.json`, in a
/// virtual environment under `target/` with the pinned `tests/spacy/requirements.txt`.
#[test]
#[ignore = "needs python3 and PyPI, and rewrites tests/data/spacy-entities.json: run by hand"]
fn spacy_names_on_the_labelled_sample() {
    use std::process::Command;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let requirements = root.join("tests/spacy/requirements.txt");
    let requirements = requirements.to_str().expect("a UTF-8 path");
    let python = python_venv::venv("spacy-venv", &["-r", requirements]).join("bin/python");
    let ran = Command::new(&python)
        .arg(root.join("tests/spacy/compare.py"))
        .arg(shared_corpus())
        .status()
        .expect("python runs");
    assert!(ran.success(), "tests/spacy/compare.py failed");
}

/// Prints how long entity extraction takes over the bbc corpus, rules alone and with the model
/// (informational: no timed assertion).
#[test]
#[ignore = "reads ../shared/corpus; prints timings"]
fn time_entities_on_bbc() {
    let root = shared_corpus().join("bbc");
    let corpus = dossier::corpus::load(&[root], &|_| {}, &AtomicBool::new(false));
    let articles = corpus.articles;
    assert!(articles.len() > 2000);
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let _ = entities::find(&articles[0]);
    for (name, model) in [
        ("rules alone", Model::default()),
        ("rules and model", entities::model::SHIPPED.clone()),
    ] {
        let t = std::time::Instant::now();
        let n: usize = articles
            .iter()
            .map(|a| entities::find_with(a, &model).len())
            .sum();
        let s = t.elapsed().as_secs_f64();
        println!(
            "{name}: {} articles, {:.1} MB, {n} mentions in {s:.2} s on one thread ({:.1} MB/s)",
            articles.len(),
            bytes as f64 / 1e6,
            bytes as f64 / 1e6 / s
        );
    }
}
