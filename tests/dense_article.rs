//! A figure-dense article (long tables of transactions, court filings, data dumps) must cost
//! about what an ordinary article of the same length costs: every per-article stage has to be
//! near-linear in the text and in its number of figures, names and dates.
//!
//! Budgets are relative (dense against ordinary text of the same size, measured in the same
//! run), never wall-clock limits, so a slow or busy machine does not fail them; a super-linear
//! stage does, by a wide margin.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use dossier::corpus::Article;
use dossier::extract::{self, dates, entities};

/// Size of both articles: large enough that a quadratic stage is 50 times slower than a linear
/// one, small enough for an unoptimised test build.
const SIZE: usize = 200_000;
/// How much slower the dense article may be: it has far more figures per byte, so some extra
/// work is fair; a quadratic stage exceeds this by an order of magnitude at `SIZE`.
const BUDGET: u32 = 20;

fn article(text: String) -> Article {
    Article {
        id: "a".to_owned(),
        path: PathBuf::from("a.txt"),
        published: None,
        title: "t".to_owned(),
        source: None,
        text,
    }
}

/// The sentence of the report, repeated: a figure, a year and a group every 38 bytes.
fn dense() -> Article {
    let sentence = " $1 million stolen in 2016 by Lazarus";
    article(sentence.repeat(SIZE / sentence.len()))
}

/// The embedded sample articles, repeated: ordinary news prose.
fn ordinary() -> Article {
    let sample: String = dossier::corpus::sample()
        .articles
        .iter()
        .map(|a| a.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    article(sample.repeat(SIZE / sample.len() + 1)[..SIZE].to_owned())
}

/// The fastest of three runs (the least disturbed by other work on the machine).
fn time(f: impl Fn()) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn assert_within_budget(stage: &str, f: impl Fn(&Article)) {
    let (dense, ordinary) = (dense(), ordinary());
    let d = time(|| f(&dense));
    let o = time(|| f(&ordinary)).max(Duration::from_millis(1));
    println!("{stage}: dense {d:?}, ordinary {o:?}");
    assert!(
        d <= o * BUDGET,
        "{stage} on a dense article took {d:?}, more than {BUDGET}x the {o:?} of ordinary text of \
         the same size"
    );
}

#[test]
fn dates_of_a_dense_article_are_near_linear() {
    assert_within_budget("dates", |a| {
        dates::find(a);
    });
}

#[test]
fn entities_of_a_dense_article_are_near_linear() {
    assert_within_budget("entities", |a| {
        entities::find(a);
    });
}

#[test]
fn whole_extraction_of_a_dense_article_is_near_linear() {
    assert_within_budget("extraction and incidents", |a| {
        let ex = extract::extract_corpus(std::slice::from_ref(a));
        dossier::incidents::merge(&ex.amounts);
    });
}

/// A table-like text with no full stop at all: a figure, a year, a group, a bank and a person
/// every 70 bytes, so that the whole text is one "sentence".
fn dense_without_full_stops(size: usize) -> Article {
    let row = " $1 million stolen in 2016 by Lazarus from Acme Bank, John Smith said";
    article(row.repeat(size / row.len()))
}

/// Four times the text must cost about four times as much: a stage that scans the whole
/// sentence per figure or name (quadratic here) costs sixteen times as much.
#[test]
fn extraction_without_full_stops_grows_linearly() {
    let run = |a: &Article| {
        let ex = extract::extract_corpus(std::slice::from_ref(a));
        dossier::incidents::merge(&ex.amounts);
    };
    let (small, large) = (
        dense_without_full_stops(SIZE / 2),
        dense_without_full_stops(SIZE * 2),
    );
    let s = time(|| run(&small)).max(Duration::from_millis(1));
    let l = time(|| run(&large));
    println!(
        "no full stops: {} KB {s:?}, {} KB {l:?}",
        SIZE / 2000,
        SIZE * 2 / 1000
    );
    assert!(
        l <= s * 8,
        "4x the text took {l:?}, more than 8x the {s:?} of the smaller one: a stage is \
         super-linear"
    );
}
