//! How the hand amount labels (`tests/data/amount-labels.json`) read a corpus's figures: which
//! figures in the theft family are real thefts, for the tests that count false ones.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use dossier::extract::Amount;
use serde_json::Value;

/// The figures the labels read as thefts (stolen, attempted or cumulative) in `corpus`, by
/// article id, text and occurrence.
pub fn labelled_thefts(corpus: &str) -> HashSet<(String, String, usize)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/amount-labels.json");
    let labels: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("amount labels"))
            .expect("amount labels JSON");
    let prefix = format!("{corpus}/");
    let mut out = HashSet::new();
    for (key, rows) in labels["articles"].as_object().expect("articles") {
        let Some(id) = key.strip_prefix(&prefix) else {
            continue;
        };
        for r in rows.as_array().into_iter().flatten() {
            if matches!(
                r["role"].as_str(),
                Some("stolen" | "attempted" | "cumulative")
            ) {
                out.insert((
                    id.to_string(),
                    r["text"].as_str().unwrap_or("").to_string(),
                    r["occurrence"].as_u64().unwrap_or(1) as usize,
                ));
            }
        }
    }
    out
}

/// The figures of `amounts` (one corpus's, in article order) in the theft family, each with
/// whether the labels read it as a real theft; each is printed.
pub fn theft_family<'a>(corpus: &str, amounts: &'a [Amount]) -> Vec<(&'a Amount, bool)> {
    let real = labelled_thefts(corpus);
    let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
    let mut out = Vec::new();
    for a in amounts {
        let occ = seen.entry((&*a.article, &*a.text)).or_default();
        *occ += 1;
        if a.kind.is_theft() {
            let is_real = real.contains(&(a.article.to_string(), a.text.to_string(), *occ));
            let reading = if is_real { "a real theft" } else { "no theft" };
            println!(
                "  {corpus} {:?} ({reading}): {} {}",
                a.kind, a.article, a.text
            );
            out.push((a, is_real));
        }
    }
    out
}
