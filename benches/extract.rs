//! Throughput of the core pipeline on a large corpus: extraction (MB/s of article text, whole
//! corpus in parallel, then per stage on one thread), corpus loading (MB/s of files read) and the
//! merging of amounts into incidents (amounts/s).
//!
//! The corpus is the BBC News set plus the DPRK theft articles from `../shared/corpus` (the DPRK
//! articles give `incidents::merge` real thefts to merge), repeated to at least 20 MB. Without
//! `../shared`, generated articles (`dossier::synthetic`) stand in, so the bench always runs.
//!
//! `cargo bench --no-default-features --bench extract` (add `-- --quick` for a fast look).

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use dossier::corpus::{self, Article};
use dossier::{extract, incidents};
use rayon::prelude::*;

/// Extraction runs over at least this much article text.
const TARGET_BYTES: usize = 20 * 1024 * 1024;

/// Where the articles come from: folders to load, kept alive with any scratch folder.
struct Input {
    roots: Vec<PathBuf>,
    /// Bytes of the files under `roots`: what a load reads.
    file_bytes: u64,
    _scratch: Option<tempfile::TempDir>,
}

fn input() -> Input {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let roots: Vec<PathBuf> = ["bbc", "dprk"]
        .iter()
        .map(|d| shared.join(d))
        .filter(|p| p.is_dir())
        .collect();
    if roots.is_empty() {
        eprintln!(
            "note: {} not found; using synthetic articles",
            shared.display()
        );
        let scratch = tempfile::tempdir().unwrap();
        dossier::synthetic::write_shards(scratch.path(), 1, 2_000, 2_000).unwrap();
        let roots = vec![scratch.path().to_path_buf()];
        let file_bytes = file_len(&scratch.path().join("gen-0000.jsonl"));
        return Input {
            roots,
            file_bytes,
            _scratch: Some(scratch),
        };
    }
    let file_bytes = text_files(&roots).iter().map(|p| file_len(p)).sum();
    Input {
        roots,
        file_bytes,
        _scratch: None,
    }
}

fn file_len(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// Every `.txt` file under `roots`, sorted.
fn text_files(roots: &[PathBuf]) -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "txt") {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    for root in roots {
        walk(root, &mut out);
    }
    out.sort();
    out
}

/// The articles under `roots`: through the real loader, or read directly (title on the first
/// line) while the loader returns nothing.
fn load_articles(roots: &[PathBuf]) -> Vec<Article> {
    let loaded = corpus::load(roots, &|_| {}, &AtomicBool::new(false));
    if !loaded.articles.is_empty() {
        return loaded.articles;
    }
    eprintln!("note: corpus::load returned no article; reading the .txt files directly");
    text_files(roots)
        .into_iter()
        .filter_map(|path| {
            let raw = std::fs::read(&path).ok()?;
            let raw = String::from_utf8_lossy(&raw).into_owned();
            let (title, text) = raw.split_once('\n').unwrap_or((raw.as_str(), ""));
            Some(Article {
                id: path.to_string_lossy().into_owned(),
                path: path.clone(),
                published: None,
                title: title.trim().to_owned(),
                source: None,
                text: text.to_owned(),
            })
        })
        .collect()
}

/// `articles` repeated (with distinct ids) until their text reaches `target` bytes.
fn repeat_to(articles: &[Article], target: usize) -> Vec<Article> {
    assert!(!articles.is_empty(), "no article to benchmark");
    let mut out = Vec::new();
    let mut bytes = 0;
    for round in 0.. {
        for a in articles {
            let mut copy = a.clone();
            copy.id = format!("{}#{round}", a.id);
            bytes += copy.text.len();
            out.push(copy);
        }
        if bytes >= target {
            break;
        }
    }
    out
}

fn benches(c: &mut Criterion) {
    let input = input();
    let base = load_articles(&input.roots);
    let big = repeat_to(&base, TARGET_BYTES);
    let text_bytes: usize = big.iter().map(|a| a.text.len()).sum();
    eprintln!(
        "corpus: {} articles ({:.1} MB of files) repeated to {} articles, {:.1} MB of text",
        base.len(),
        input.file_bytes as f64 / 1e6,
        big.len(),
        text_bytes as f64 / 1e6
    );

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(text_bytes as u64));
    group.bench_function("extract_corpus", |b| {
        b.iter(|| extract::extract_corpus(black_box(&big)))
    });
    // The corpus-wide gathering alone (its input is cloned outside the timing).
    let per_article: Vec<extract::ArticleExtraction> =
        big.par_iter().map(extract::extract_article).collect();
    group.bench_function("gather", |b| {
        b.iter_batched(
            || per_article.clone(),
            |pa| extract::gather(black_box(&big), pa),
            BatchSize::LargeInput,
        )
    });
    drop(per_article);
    group.finish();

    // Where the time goes, one thread, on every fifth article (about 1 MB): the whole
    // per-article pipeline and its two stages with a plain signature; money is the rest.
    let sample: Vec<Article> = base.iter().step_by(5).cloned().collect();
    let sample_bytes: usize = sample.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(sample_bytes as u64));
    group.bench_function("extract_article", |b| {
        b.iter(|| {
            for a in &sample {
                black_box(extract::extract_article(black_box(a)));
            }
        })
    });
    group.bench_function("entities", |b| {
        b.iter(|| {
            for a in &sample {
                black_box(extract::entities::find(black_box(a)));
            }
        })
    });
    group.bench_function("dates", |b| {
        b.iter(|| {
            for a in &sample {
                black_box(extract::dates::find(black_box(a)));
            }
        })
    });
    group.finish();

    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Bytes(input.file_bytes));
    group.bench_function("load", |b| {
        b.iter(|| corpus::load(black_box(&input.roots), &|_| {}, &AtomicBool::new(false)))
    });
    group.finish();

    // The amounts of the repeated corpus: the base corpus's, once per round, as `repeat_to`
    // names the copies (cheaper than extracting the big corpus again when only this runs).
    let base_amounts = extract::extract_corpus(&base).amounts;
    let rounds = big.len() / base.len();
    let amounts: Vec<_> = (0..rounds)
        .flat_map(|round| {
            base_amounts.iter().map(move |a| {
                let mut copy = a.clone();
                copy.article = format!("{}#{round}", a.article).into();
                copy
            })
        })
        .collect();
    let thefts = amounts.iter().filter(|a| a.kind.is_theft()).count();
    eprintln!(
        "incidents: merging {} amounts ({thefts} theft-kind)",
        amounts.len()
    );
    let mut group = c.benchmark_group("incidents");
    group.throughput(Throughput::Elements(amounts.len() as u64));
    group.bench_function("merge", |b| {
        b.iter(|| incidents::merge(black_box(&amounts)))
    });
    group.finish();
}

criterion_group! {
    name = extract_benches;
    // Two cores: few samples, short runs.
    config = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    targets = benches
}
criterion_main!(extract_benches);
