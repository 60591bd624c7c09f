//! The development figures of theft extraction, on the corpora in `../shared`:
//!
//! - rekt-dev: the main theft of each article found (a stolen or attempted figure within 10% of
//!   the site's own figure) and its event month, as `../shared/tools/score_main.py` counts them;
//! - the whole BBC set: at most five figures in the theft family that are no thefts (the real
//!   frauds the amount labels read as thefts are listed apart);
//! - the DPRK corpus: no theft of $20M or more drawn twice, no person as a victim.
//!
//! They read data outside the repository, so they are `#[ignore]`d in a plain `cargo test` and
//! run by `.ci/run` with `--ignored`, where a missing `../shared` fails them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use dossier::analysis::Analysis;
use dossier::corpus;
use dossier::extract::{Amount, AmountKind};
use serde_json::Value;

#[path = "common/theft_reading.rs"]
mod theft_reading;

/// `../shared/<rel>`, which must exist: these tests never pass without their data.
fn shared(rel: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    assert!(
        path.exists(),
        "{} is missing: these tests need ../shared beside the checkout",
        path.display()
    );
    path
}

fn analyse(rel: &str) -> Analysis {
    let loaded = corpus::load(&[shared(rel)], &|_| {}, &AtomicBool::new(false));
    Analysis::of(loaded)
}

/// Distance of an amount to a gold dollar figure: its value, or a USD range's min or max.
fn distance(a: &Amount, gold: f64) -> f64 {
    let mut values: Vec<f64> = a.usd.into_iter().collect();
    if &*a.currency == "USD" {
        values.extend(a.min);
        values.extend(a.max);
    }
    values
        .iter()
        .map(|v| (v - gold).abs())
        .fold(f64::INFINITY, f64::min)
}

#[test]
#[ignore = "reads ../shared/corpus/rekt-dev; .ci/run runs it with --ignored"]
fn rekt_dev_main_theft_and_its_month() {
    let gold: Value = serde_json::from_str(
        &std::fs::read_to_string(shared("gold/rekt-dev.json")).expect("gold file"),
    )
    .expect("gold JSON");
    let gold = gold["articles"].as_object().expect("articles");
    let analysis = analyse("corpus/rekt-dev");
    let mut by_article: HashMap<&str, Vec<&Amount>> = HashMap::new();
    for a in &analysis.extraction.amounts {
        by_article.entry(&*a.article).or_default().push(a);
    }
    let (mut found, mut month) = (0usize, 0usize);
    for (id, g) in gold {
        let usd = g["usd"].as_f64().expect("usd");
        let date = g["event_date"].as_str().unwrap_or("");
        let best = by_article
            .get(id.as_str())
            .into_iter()
            .flatten()
            .filter(|a| matches!(a.kind, AmountKind::Stolen | AmountKind::Attempted))
            .filter(|a| distance(a, usd) <= 0.10 * usd)
            .min_by(|a, b| distance(a, usd).total_cmp(&distance(b, usd)));
        match best {
            Some(a) => {
                found += 1;
                let pred = a.event_date.map(|d| d.to_string()).unwrap_or_default();
                if pred.get(..7).is_some() && pred.get(..7) == date.get(..7) {
                    month += 1;
                } else {
                    println!("month {id}: {} predicted {pred}, gold {date}", a.text);
                }
            }
            None => println!("miss  {id}: gold {usd}"),
        }
    }
    let recall = found as f64 / gold.len() as f64;
    let month_acc = month as f64 / found.max(1) as f64;
    println!(
        "rekt-dev main theft found {found}/{} = {recall:.2}, month {month_acc:.2}",
        gold.len()
    );
    // The target is 0.95; the floor below guards what is reached (see README).
    assert!(recall >= 0.92, "main theft recall {recall:.2} < 0.92");
    assert!(
        month_acc >= 0.88,
        "event month accuracy {month_acc:.2} < 0.88"
    );
    // Every article has at most one main theft.
    let mut mains: HashMap<&str, usize> = HashMap::new();
    for a in analysis.extraction.amounts.iter().filter(|a| a.main) {
        *mains.entry(&*a.article).or_default() += 1;
    }
    assert!(
        mains.values().all(|&n| n == 1),
        "an article with two main thefts"
    );
}

#[test]
#[ignore = "reads ../shared/corpus/bbc; .ci/run runs it with --ignored"]
fn bbc_stories_report_at_most_five_figures_as_thefts_that_are_none() {
    let analysis = analyse("corpus/bbc");
    let amounts = &analysis.extraction.amounts;
    // Business news is full of figures that are no thefts; the set also holds a few real ones
    // (card-fraud totals, an embezzlement, scam victims' losses), which the hand labels read as
    // thefts. Those are listed; any other figure in the theft family is a false theft.
    let false_thefts = theft_reading::theft_family("bbc", amounts)
        .into_iter()
        .filter(|(_, real)| !real)
        .count();
    assert!(
        amounts.len() > 2_000,
        "only {} figures found",
        amounts.len()
    );
    assert!(
        false_thefts <= 5,
        "{false_thefts} of {} figures reported as thefts that are none",
        amounts.len()
    );
}

#[test]
#[ignore = "reads ../shared/corpus/dprk; .ci/run runs it with --ignored"]
fn dprk_incidents_no_big_theft_twice_and_no_person_victims() {
    let analysis = analyse("corpus/dprk");
    // No theft of $20M or more drawn twice: two stolen incidents of one victim (or one with no
    // victim) within 10% in the same year.
    let big: Vec<&dossier::incidents::Incident> = analysis
        .incidents
        .iter()
        .filter(|i| i.kind == AmountKind::Stolen && i.usd >= 20e6)
        .collect();
    let key = |v: &Option<String>| {
        v.as_deref()
            .map(dossier::extract::money::normalized_victim)
            .and_then(|n| n.split_whitespace().next().map(str::to_string))
    };
    for (n, a) in big.iter().enumerate() {
        for b in &big[n + 1..] {
            let same_victim = match (key(&a.victim), key(&b.victim)) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            };
            let close = (a.usd - b.usd).abs() <= 0.10 * a.usd.max(b.usd);
            let same_year = a.event_date.map(|d| d.year()) == b.event_date.map(|d| d.year());
            assert!(
                !(same_victim && close && same_year),
                "one theft drawn twice: {a:#?} {b:#?}"
            );
        }
    }
    let people: Vec<&str> = analysis
        .extraction
        .entities
        .iter()
        .filter(|e| e.kind == dossier::extract::EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    for i in &analysis.incidents {
        if let Some(v) = &i.victim {
            assert!(!people.contains(&v.as_str()), "a person as victim: {v}");
        }
    }
}
