//! A figure-dense article (long tables of transactions, court filings, data dumps) must cost
//! about what an ordinary article of the same length costs: every per-article stage has to be
//! near-linear in the text and in its number of figures, names and dates.
//!
//! A benchmark, not a test (timings do not belong in tests: a busy machine would fail them):
//! `cargo bench --bench dense` prints each stage's time on a dense and an ordinary article of
//! the same size, and on 4x the text without full stops, against relative budgets (dense
//! against ordinary, measured in the same run), and exits non-zero when a stage is over its
//! budget: a super-linear stage is, by a wide margin.

use std::path::PathBuf;
use std::process::ExitCode;
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

/// Whether `f` on the dense article stays within [`BUDGET`] times its cost on ordinary text.
fn within_budget(stage: &str, f: impl Fn(&Article)) -> bool {
    let (dense, ordinary) = (dense(), ordinary());
    let d = time(|| f(&dense));
    let o = time(|| f(&ordinary)).max(Duration::from_millis(1));
    let ok = d <= o * BUDGET;
    println!(
        "{stage}: dense {d:?}, ordinary {o:?} ({:.1}x, budget {BUDGET}x){}",
        d.as_secs_f64() / o.as_secs_f64(),
        if ok { "" } else { "  OVER BUDGET" }
    );
    ok
}

/// A table-like text with no full stop at all: a figure, a year, a group, a bank and a person
/// every 70 bytes, so that the whole text is one "sentence".
fn dense_without_full_stops(size: usize) -> Article {
    let row = " $1 million stolen in 2016 by Lazarus from Acme Bank, John Smith said";
    article(row.repeat(size / row.len()))
}

/// Four times the text must cost about four times as much: a stage that scans the whole
/// sentence per figure or name (quadratic here) costs sixteen times as much.
fn without_full_stops_grows_linearly() -> bool {
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
    let ok = l <= s * 8;
    println!(
        "no full stops: {} KB {s:?}, {} KB {l:?} ({:.1}x for 4x the text, budget 8x){}",
        SIZE / 2000,
        SIZE * 2 / 1000,
        l.as_secs_f64() / s.as_secs_f64(),
        if ok {
            ""
        } else {
            "  OVER BUDGET: a stage is super-linear"
        }
    );
    ok
}

fn main() -> ExitCode {
    let results = [
        within_budget("dates", |a| {
            dates::find(a);
        }),
        within_budget("entities", |a| {
            entities::find(a);
        }),
        within_budget("extraction and incidents", |a| {
            let ex = extract::extract_corpus(std::slice::from_ref(a));
            dossier::incidents::merge(&ex.amounts);
        }),
        without_full_stops_grows_linearly(),
    ];
    if results.iter().all(|ok| *ok) {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
