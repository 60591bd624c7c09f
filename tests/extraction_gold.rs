//! Extraction scored against the hand-made gold file for the DPRK corpus, with the rules of
//! `../shared/tools/score.py`: amounts match within 5% (a USD range or bound by its value, min or
//! max), greedy one-to-one matching preferring date agreement, a restatement of a gold figure is
//! neutral, and no `not_stolen` figure (within 2%) may be reported as a theft.
//!
//! Reads `../shared/gold/dprk.json` and `../shared/corpus/dprk`; ignored when absent (failing under `CI=true`).

use std::sync::atomic::AtomicBool;

use dossier::analysis::Analysis;
use dossier::corpus;
use dossier::extract::Amount;
use serde_json::Value;

#[path = "common/shared.rs"]
mod shared_data;
use shared_data::path as shared;

fn candidates(a: &Amount) -> Vec<f64> {
    let mut c = Vec::new();
    let usd = a.usd.or((&*a.currency == "USD").then_some(a.value));
    c.extend(usd);
    if &*a.currency == "USD" {
        c.extend(a.min);
        c.extend(a.max);
    }
    c
}

fn near(a: &Amount, gold: f64, tol: f64) -> bool {
    candidates(a)
        .iter()
        .any(|v| (v - gold).abs() <= tol * gold.abs().max(1.0))
}

fn dist(a: &Amount, gold: f64) -> f64 {
    candidates(a)
        .iter()
        .map(|v| (v - gold).abs())
        .fold(f64::INFINITY, f64::min)
}

fn date_ok(pred: Option<&str>, gold: Option<&str>) -> bool {
    match (pred, gold) {
        (_, None) | (_, Some("")) => true,
        (None, Some(_)) => false,
        (Some(p), Some(g)) => p.get(..g.len()) == Some(g),
    }
}

#[derive(Default, Debug)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    kind_ok: usize,
    date_ok: usize,
    false_theft: usize,
}

fn score(analysis: &Analysis, gold: &Value) -> Score {
    let mut s = Score::default();
    let Some(articles) = gold["articles"].as_object() else {
        panic!("gold file has no articles");
    };
    for (id, g) in articles {
        let preds: Vec<&Amount> = analysis
            .extraction
            .amounts
            .iter()
            .filter(|a| *a.article == **id && a.kind.is_theft())
            .collect();
        let golds: Vec<&Value> = g["amounts"].as_array().into_iter().flatten().collect();
        let mut used = vec![false; preds.len()];
        let mut matched = vec![false; golds.len()];
        for (gi, gv) in golds.iter().enumerate() {
            let usd = gv["usd"].as_f64().unwrap_or(0.0);
            let gdate = gv["event_date"].as_str();
            let best = preds
                .iter()
                .enumerate()
                .filter(|(i, p)| !used[*i] && near(p, usd, 0.05))
                .min_by(|(_, a), (_, b)| {
                    let ka = (
                        !date_ok(a.event_date.map(|d| d.to_string()).as_deref(), gdate),
                        dist(a, usd),
                    );
                    let kb = (
                        !date_ok(b.event_date.map(|d| d.to_string()).as_deref(), gdate),
                        dist(b, usd),
                    );
                    ka.partial_cmp(&kb).unwrap_or(std::cmp::Ordering::Equal)
                })
                .map(|(i, _)| i);
            if let Some(i) = best {
                used[i] = true;
                matched[gi] = true;
                s.tp += 1;
                let p = preds[i];
                if Some(p.kind.as_str()) == gv["kind"].as_str() {
                    s.kind_ok += 1;
                } else {
                    println!("kind  {id}: {} {:?} gold={}", p.text, p.kind, gv["kind"]);
                }
                if date_ok(p.event_date.map(|d| d.to_string()).as_deref(), gdate) {
                    s.date_ok += 1;
                } else {
                    println!("date  {id}: {} {:?} gold={gdate:?}", p.text, p.event_date);
                }
            }
        }
        for (gi, gv) in golds.iter().enumerate() {
            if !matched[gi] {
                s.fn_ += 1;
                println!("miss  {id}: {gv}");
            }
        }
        for (i, p) in preds.iter().enumerate() {
            let restatement = golds
                .iter()
                .any(|gv| near(p, gv["usd"].as_f64().unwrap_or(0.0), 0.05));
            if !used[i] && !restatement {
                s.fp += 1;
                println!("extra {id}: {} {:?}", p.text, p.kind);
            }
        }
        for ns in g["not_stolen"].as_array().into_iter().flatten() {
            let usd = ns["usd"].as_f64().unwrap_or(0.0);
            if preds.iter().any(|p| near(p, usd, 0.02)) {
                s.false_theft += 1;
                println!("false theft {id}: {ns}");
            }
        }
    }
    s
}

#[test]
#[cfg_attr(no_shared_data, ignore = "needs ../shared/gold and ../shared/corpus")]
fn dprk_gold_scores() {
    let gold_path = shared("gold/dprk.json");
    let corpus_dir = shared("corpus/dprk");
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
    let loaded = corpus::load(&[corpus_dir], &|_| {}, &AtomicBool::new(false));
    assert!(!loaded.articles.is_empty(), "no article loaded");
    let analysis = Analysis::of(loaded);
    let s = score(&analysis, &gold);
    let p = s.tp as f64 / (s.tp + s.fp).max(1) as f64;
    let r = s.tp as f64 / (s.tp + s.fn_).max(1) as f64;
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    let kind_acc = s.kind_ok as f64 / s.tp.max(1) as f64;
    let date_acc = s.date_ok as f64 / s.tp.max(1) as f64;
    println!(
        "amounts P={p:.2} R={r:.2} F1={f1:.2} ({s:?}) kind_acc={kind_acc:.2} date_acc={date_acc:.2}"
    );
    assert!(f1 >= 0.9, "theft amounts F1 {f1:.2} < 0.9");
    assert!(kind_acc >= 0.9, "kind accuracy {kind_acc:.2} < 0.9");
    assert!(date_acc >= 0.85, "event date accuracy {date_acc:.2} < 0.85");
    assert_eq!(
        s.false_theft, 0,
        "figures that are not thefts reported as thefts"
    );
}

#[test]
#[cfg_attr(no_shared_data, ignore = "needs ../shared/corpus")]
fn bbc_business_figures_are_not_thefts() {
    let dir = shared("corpus/bbc/business");
    let loaded = corpus::load(&[dir], &|_| {}, &AtomicBool::new(false));
    let analysis = Analysis::of(loaded);
    let amounts = &analysis.extraction.amounts;
    let thefts: Vec<&Amount> = amounts.iter().filter(|a| a.kind.is_theft()).collect();
    for t in &thefts {
        println!(
            "theft in business news: {} {} {:?}",
            t.article, t.text, t.cue
        );
    }
    assert!(amounts.len() > 500, "only {} figures found", amounts.len());
    // Hundreds of profits, prices and deals; at most a handful of real frauds.
    assert!(
        thefts.len() * 100 <= amounts.len(),
        "{} thefts among {} business figures",
        thefts.len(),
        amounts.len()
    );
}
