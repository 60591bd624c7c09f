//! Whole-corpus figures, side by side in one run: extraction throughput on 1 thread and on 2,
//! the raw-scan reference on the same texts (the ratio Dossier / raw scan), where the time goes
//! per stage, load + extract + incidents end to end and its peak memory (a child process reads
//! its own `VmHWM`), incident merging, and search latency per query and per keystroke.
//!
//! `cargo bench --no-default-features --bench scale` runs both corpora: the BBC set from
//! `../shared/corpus/bbc` (skipped with a note when absent) and a generated corpus of 100,000
//! articles (`dossier::synthetic`, seed 1, written once to the temp folder). Options after `--`:
//! `--set bbc|gen`, `--articles N`, `--runs N` (best of N, default 3), `--only PARTS` (a comma
//! list of `extract,stages,incidents,memory,search,index,cache`; `cache`: a cold open through an
//! empty result cache against the reopen of the unchanged corpus from it).
//!
//! The window's frame times (the 2 MB article in the reader among them) are `benches/frames.rs`,
//! which needs the GUI: `cargo bench --features ui-tests --bench scale --bench frames -- --set gen`
//! runs both in one command (cargo holds the build directory's lock while a bench runs, so this
//! bench cannot start a `cargo bench` of its own). `frames` reads `--articles` and ignores the
//! options it does not know, as this bench ignores `--frames`.
//!
//! Criterion's ten samples of a ten-second run would take minutes per figure on the two shared
//! cores this is developed on, so this bench times best-of-N runs itself; `benches/extract.rs`
//! keeps the per-stage criterion benchmarks.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use dossier::analysis::Analysis;
use dossier::corpus::{self, Article};
use dossier::extract::entities::gazetteer::THREAT_ACTORS;
use dossier::extract::entities::places::PLACES;
use dossier::search::{self, Query};
use dossier::{extract, incidents, synthetic};
use rayon::prelude::*;
use regex::Regex;

struct Options {
    set: Option<String>,
    articles: u64,
    runs: usize,
    /// Parts to run (`extract,stages,incidents,memory,search,index,cache`); all when empty.
    only: Vec<String>,
}

impl Options {
    fn runs(&self, part: &str) -> bool {
        self.only.is_empty() || self.only.iter().any(|p| p == part)
    }
}

fn options() -> Options {
    let mut o = Options {
        set: None,
        articles: 100_000,
        runs: 3,
        only: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--set" => o.set = args.next(),
            "--articles" => {
                o.articles = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .unwrap_or(o.articles)
            }
            "--runs" => o.runs = args.next().and_then(|n| n.parse().ok()).unwrap_or(o.runs),
            "--only" => {
                o.only = args
                    .next()
                    .map(|l| l.split(',').map(String::from).collect())
                    .unwrap_or_default()
            }
            _ => {} // `--bench` and filters from cargo
        }
    }
    o
}

fn main() {
    let mut args = std::env::args().skip(1);
    if args.next().as_deref() == Some("--peak-child") {
        peak_child(args.map(PathBuf::from).collect());
        return;
    }
    let o = options();
    println!(
        "# dossier scale bench, {} cores, {}, load average {}",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC"),
        std::fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    let raw = RawScan::new();
    // `../shared` beside the repository (`../../shared` from a worktree under `wt/`).
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = ["../shared/corpus/bbc", "../../shared/corpus/bbc"]
        .map(|p| manifest.join(p))
        .into_iter()
        .find(|p| p.is_dir())
        .unwrap_or_else(|| manifest.join("../shared/corpus/bbc"));
    if o.set.as_deref().is_none_or(|s| s == "bbc") {
        if shared.is_dir() {
            run_set("BBC (../shared/corpus/bbc)", &[shared], &raw, &o);
        } else {
            println!("note: {} not found; BBC figures skipped", shared.display());
        }
    }
    if o.set.as_deref().is_none_or(|s| s == "gen") {
        let folder = std::env::temp_dir().join(format!("dossier-bench-gen-{}-seed1", o.articles));
        if !folder.join("done").exists() {
            eprintln!(
                "writing {} generated articles to {}",
                o.articles,
                folder.display()
            );
            synthetic::write_shards(&folder, 1, o.articles, 10_000).expect("write the corpus");
            std::fs::write(folder.join("done"), "").expect("mark the corpus written");
        }
        let name = format!("generated, {} articles (seed 1)", o.articles);
        run_set(&name, &[folder], &raw, &o);
    }
}

/// Best wall time of `runs` runs of `f`, and the process CPU time of the best run.
fn best<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut best = (Duration::MAX, Duration::ZERO);
    for _ in 0..runs.max(1) {
        let cpu = cpu_time();
        let t = Instant::now();
        black_box(f());
        let wall = t.elapsed();
        if wall < best.0 {
            best = (wall, cpu_time().saturating_sub(cpu));
        }
    }
    best
}

/// User + system time of this process so far (all threads), from `/proc/self/stat`.
fn cpu_time() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    // Fields 14 and 15 of stat (utime, stime) are 11 and 12 after the command name; 100 Hz.
    Duration::from_millis((ticks(11) + ticks(12)) * 10)
}

fn mb_s(bytes: usize, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool")
}

fn run_set(name: &str, roots: &[PathBuf], raw: &RawScan, o: &Options) {
    let never = AtomicBool::new(false);
    let (load_wall, _) = best(1, || corpus::load(roots, &|_| {}, &never));
    let corpus = corpus::load(roots, &|_| {}, &never);
    let articles = &corpus.articles;
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let file_bytes: u64 = walk_bytes(roots);
    println!(
        "\n## {name}: {} articles, {:.1} MB of text ({:.1} MB of files), load {:.2} s ({:.0} MB/s of files)\n",
        articles.len(),
        bytes as f64 / 1e6,
        file_bytes as f64 / 1e6,
        load_wall.as_secs_f64(),
        file_bytes as f64 / 1e6 / load_wall.as_secs_f64()
    );
    // On a shared machine the wall time includes waiting for a core; MB per CPU-second does not.
    println!(
        "| measure | threads | best wall | CPU | MB/s (wall) | articles/s (wall) | MB per CPU-s |"
    );
    println!("|---|---|---|---|---|---|---|");
    let row = |what: &str, threads: usize, (wall, cpu): (Duration, Duration)| {
        println!(
            "| {what} | {threads} | {:.2} s | {:.2} s | {:.1} | {:.0} | {:.1} |",
            wall.as_secs_f64(),
            cpu.as_secs_f64(),
            mb_s(bytes, wall),
            articles.len() as f64 / wall.as_secs_f64(),
            mb_s(bytes, cpu)
        );
    };
    if o.runs("cache") {
        cache_reopen(roots, o.runs);
    }
    if o.runs("extract") {
        let mut ratio = Vec::new();
        for threads in [1, 2] {
            let p = pool(threads);
            let ex = p.install(|| best(o.runs, || extract::extract_corpus(articles)));
            row("dossier extraction (extract_corpus)", threads, ex);
            let rs = p.install(|| best(o.runs, || raw.scan_corpus(articles)));
            row("raw scan (split + Aho-Corasick + money regex)", threads, rs);
            ratio.push((threads, rs.0.as_secs_f64() / ex.0.as_secs_f64()));
        }
        for (threads, r) in ratio {
            println!(
                "\nDossier / raw scan on {threads} thread(s): {:.1}% of the raw-scan throughput",
                r * 100.0
            );
        }
        let counts = raw.scan_corpus(articles);
        println!(
            "raw scan found {} sentences, {} name hits, {} money hits",
            counts.0, counts.1, counts.2
        );
    }

    if o.runs("stages") {
        // Where the time goes on one thread (every 5th article).
        let sample: Vec<&Article> = articles.iter().step_by(5).collect();
        let sample_bytes: usize = sample.iter().map(|a| a.text.len()).sum();
        let p1 = pool(1);
        let (ents, dates) = p1.install(|| {
            let e: Vec<_> = sample.iter().map(|a| extract::entities::find(a)).collect();
            let d: Vec<_> = sample.iter().map(|a| extract::dates::find(a)).collect();
            (e, d)
        });
        let stage = |what: &str, d: (Duration, Duration)| {
            println!(
                "| {what} | {:.3} s | {:.2} s | {:.1} MB/s |",
                d.0.as_secs_f64(),
                d.1.as_secs_f64(),
                mb_s(sample_bytes, d.0)
            );
        };
        println!(
            "\nStages on 1 thread, every 5th article ({:.1} MB):\n",
            sample_bytes as f64 / 1e6
        );
        println!("| stage | best wall | CPU | MB/s (wall) |\n|---|---|---|---|");
        // What reading the text once costs: the parts every stage shares (built lazily in
        // extraction; here all of them, so this is the most the document can cost).
        stage(
            "document (sentences, tokens, lower case, offsets, signals)",
            best(o.runs, || {
                sample
                    .iter()
                    .map(|a| {
                        let doc = extract::document::Document::new(&a.text);
                        let n = doc.sentences().len() + doc.tokens().len() + doc.lower().len();
                        n + doc.unwrapped().len()
                            + doc.char_of(a.text.len())
                            + usize::from(doc.signals().crypto_story)
                    })
                    .sum::<usize>()
            }),
        );
        stage(
            "entities::find",
            best(o.runs, || {
                sample
                    .iter()
                    .map(|a| extract::entities::find(a).len())
                    .sum::<usize>()
            }),
        );
        stage(
            "dates::find",
            best(o.runs, || {
                sample
                    .iter()
                    .map(|a| extract::dates::find(a).len())
                    .sum::<usize>()
            }),
        );
        stage(
            "money::find",
            best(o.runs, || {
                sample
                    .iter()
                    .zip(ents.iter().zip(&dates))
                    .map(|(a, (e, d))| extract::money::find(a, d, e).len())
                    .sum::<usize>()
            }),
        );
        let per_article: Vec<_> = articles.par_iter().map(extract::extract_article).collect();
        let sampled: Vec<_> = per_article.iter().step_by(5).cloned().collect();
        let ids: Vec<Article> = sample.iter().map(|a| (*a).clone()).collect();
        stage(
            "gather (entities across articles)",
            best(o.runs, || extract::gather(&ids, sampled.clone())),
        );
        drop(per_article);
    }

    if o.runs("incidents") {
        // Incidents.
        let extraction = extract::extract_corpus(articles);
        let (merge, merge_cpu) = best(o.runs, || incidents::merge(&extraction.amounts));
        let thefts = extraction
            .amounts
            .iter()
            .filter(|a| a.kind.is_theft())
            .count();
        println!(
            "\nincidents::merge: {} amounts ({thefts} theft kinds) -> {} incidents in {:.1} ms (CPU {:.2} s)",
            extraction.amounts.len(),
            incidents::merge(&extraction.amounts).len(),
            merge.as_secs_f64() * 1e3,
            merge_cpu.as_secs_f64()
        );
        drop(extraction);
    }

    if o.runs("memory") {
        // End to end and peak memory, in a child process so the figure is that of this work alone.
        let exe = std::env::current_exe().expect("own path");
        let mut end_to_end = Vec::new();
        for _ in 0..o.runs.max(1) {
            let out = std::process::Command::new(&exe)
                .arg("--peak-child")
                .args(roots)
                .output()
                .expect("run the child");
            end_to_end.push(String::from_utf8_lossy(&out.stdout).trim().to_owned());
        }
        let best_run = end_to_end
            .iter()
            .min_by(|a, b| field(last_line(a), "secs").total_cmp(&field(last_line(b), "secs")))
            .cloned()
            .unwrap_or_default();
        let (breakdown, best_line) = best_run.rsplit_once('\n').unwrap_or(("", &best_run));
        println!("\nwhere the memory goes (best run):\n{breakdown}");
        let peak_mb = field(best_line, "peak_kb") / 1024.0;
        let text_mb = bytes as f64 / (1024.0 * 1024.0);
        println!(
            "\nload + extract + incidents (Analysis::load, 2 threads, own process): best {:.2} s of {} runs; peak memory (VmHWM) {:.0} MiB (target: 3 x {:.0} MiB of text + 100 = {:.0} MiB)",
            field(best_line, "secs"),
            end_to_end.len(),
            peak_mb,
            text_mb,
            3.0 * text_mb + 100.0
        );
    }

    if o.runs("search") {
        // Search: words, a phrase, a miss, and the keystrokes of typing a word.
        println!(
            "\n| search query (2 threads) | articles | hits | best of {} | its CPU |\n|---|---|---|---|---|",
            o.runs
        );
        let p2 = pool(2);
        let mut queries: Vec<String> = [
            "bank",
            "million",
            "lazarus",
            "\"central bank\"",
            "hackers stole",
            "zyxwvut",
        ]
        .map(String::from)
        .into();
        let typed = "exchange";
        queries.extend((1..=typed.len()).map(|n| typed[..n].to_owned()));
        for q in &queries {
            let query = Query::parse(q);
            let hits = p2.install(|| search::corpus_hits(articles, &query));
            let (wall, cpu) =
                p2.install(|| best(o.runs, || search::corpus_hits(articles, &Query::parse(q))));
            println!(
                "| `{q}` | {} | {} | {:.1} ms | {:.0} ms |",
                hits.len(),
                hits.values().map(Vec::len).sum::<usize>(),
                wall.as_secs_f64() * 1e3,
                cpu.as_secs_f64() * 1e3
            );
        }
    }
    if o.runs("index") {
        index_queries(&corpus, o);
    }
}

/// The query language through the index (issue 28): build time, then each query form and the
/// prefixes typed key by key, as the window runs them (parse, fields from the analysis, index,
/// highlight spans of every hit).
fn index_queries(corpus: &dossier::corpus::Corpus, o: &Options) {
    use dossier::query::SearchIndex;
    use dossier::workbench::search::search;
    let p2 = pool(2);
    let analysis = std::sync::Arc::new(p2.install(|| Analysis::of(corpus.clone())));
    // Kept across queries, as the window keeps it per analysis.
    let fields = std::sync::OnceLock::new();
    let t = Instant::now();
    let index = p2
        .install(|| SearchIndex::build(&analysis.corpus.articles))
        .expect("index");
    println!(
        "\nsearch index built in {:.2} s (2 threads)\n\n| query (index, 2 threads) | articles | hits | best of {} | its CPU |\n|---|---|---|---|---|",
        t.elapsed().as_secs_f64(),
        o.runs
    );
    let queries = [
        "bank",
        "\"banks\"",
        "\"central bank\"",
        "\"bank hackers\"~5",
        "bank AND hackers",
        "bank OR exchange",
        "bank -hackers",
        "bang*",
        "heist~1",
        "heist~2",
        "title:bank",
        "kind:stolen",
        "date:[2016 TO 2018]",
        "actor:lazarus",
        "bank kind:stolen date:[2016 TO 2018]",
        "b*",
        "ba*",
        "ban*",
        "bank*",
    ];
    for q in queries {
        let result = p2.install(|| search(&analysis, &fields, Some(&index), q));
        assert!(result.error.is_none(), "{q}: {:?}", result.error);
        let (wall, cpu) =
            p2.install(|| best(o.runs, || search(&analysis, &fields, Some(&index), q)));
        println!(
            "| `{q}` | {} | {} | {:.1} ms | {:.0} ms |",
            result.article_count(),
            result
                .total
                .map_or("found when shown".to_owned(), |t| t.to_string()),
            wall.as_secs_f64() * 1e3,
            cpu.as_secs_f64() * 1e3
        );
    }
}

/// The last line of a child's output (its figures; the lines before are the breakdown).
fn last_line(out: &str) -> &str {
    out.lines().last().unwrap_or("")
}

fn field(line: &str, name: &str) -> f64 {
    line.split_whitespace()
        .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
        .and_then(|v| v.parse().ok())
        .unwrap_or(f64::NAN)
}

/// The child: load + extract + incidents (the steps of `Analysis::load`), then its wall time and
/// peak resident memory. Between steps it prints what is resident and the peak so far, and after
/// them the bytes each result holds, so the README can say what holds the peak.
fn peak_child(roots: Vec<PathBuf>) {
    let t = Instant::now();
    let corpus = corpus::load(&roots, &|_| {}, &AtomicBool::new(false));
    let (load_secs, after_load) = (t.elapsed(), memory_now());
    let extraction = extract::extract_corpus(&corpus.articles);
    let (extract_secs, after_extract) = (t.elapsed(), memory_now());
    let incidents = incidents::merge(&extraction.amounts);
    let elapsed = t.elapsed();
    let secs = elapsed.as_secs_f64();
    let (rss_kb, peak_kb) = memory_now();
    for (stage, took, (rss, peak)) in [
        ("load", load_secs, after_load),
        (
            "extract and gather",
            extract_secs - load_secs,
            after_extract,
        ),
        ("incidents", elapsed - extract_secs, (rss_kb, peak_kb)),
    ] {
        println!(
            "stage {stage}: {:.2} s, resident {} MiB, peak so far {} MiB",
            took.as_secs_f64(),
            rss / 1024,
            peak / 1024
        );
    }
    for (holder, bytes) in holders(&corpus.articles, &extraction, &incidents) {
        println!(
            "holds {holder}: {:.1} MiB",
            bytes as f64 / (1024.0 * 1024.0)
        );
    }
    println!(
        "secs={secs:.3} peak_kb={peak_kb} articles={} incidents={}",
        corpus.articles.len(),
        incidents.len()
    );
}

/// `VmRSS` and `VmHWM` of this process, in KiB.
fn memory_now() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let read = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .unwrap_or(0)
    };
    (read("VmRSS:"), read("VmHWM:"))
}

/// Heap bytes each part of the results holds (capacities, not lengths: what is allocated).
fn holders(
    articles: &[Article],
    ex: &extract::Extraction,
    incidents: &[incidents::Incident],
) -> Vec<(&'static str, usize)> {
    use std::mem::size_of;
    let opt = |s: &Option<String>| s.as_ref().map_or(0, String::capacity);
    let texts: usize = articles.iter().map(|a| a.text.capacity()).sum();
    let article_rest: usize = std::mem::size_of_val(articles)
        + articles
            .iter()
            .map(|a| a.id.capacity() + a.title.capacity() + opt(&a.source) + a.path.capacity())
            .sum::<usize>();
    let mentions: usize = ex
        .entities
        .iter()
        .map(|e| e.mentions.capacity() * size_of::<extract::Mention>())
        .sum();
    // A shared string (`ThinStr`) is its text and a reference-counted `String` (40 bytes).
    let shared = |s: &str| s.len() + 40;
    let mut ids = std::collections::HashSet::new();
    let mention_ids: usize = ex
        .entities
        .iter()
        .flat_map(|e| &e.mentions)
        .filter(|m| ids.insert(m.article.as_ptr() as usize))
        .map(|m| shared(&m.article))
        .sum();
    let names: usize = ex.entities.capacity() * size_of::<extract::Entity>()
        + ex.entities
            .iter()
            .map(|e| {
                e.name.capacity()
                    + opt(&e.parent)
                    + e.aliases.capacity() * size_of::<String>()
                    + e.aliases.iter().map(String::capacity).sum::<usize>()
                    + e.roles.iter().map(String::capacity).sum::<usize>()
            })
            .sum::<usize>();
    // The words of the amounts (the figure as written, victim, actor, cue, …) are shared: each
    // allocation counts once (the article id and currency are counted elsewhere).
    let mut words = std::collections::HashSet::new();
    let word_bytes: usize = ex
        .amounts
        .iter()
        .flat_map(|a| {
            [&a.victim, &a.victim_id, &a.actor, &a.sub_group, &a.cue]
                .into_iter()
                .flatten()
                .chain([&a.text])
        })
        .filter(|w| words.insert(w.as_ptr() as usize))
        .map(|w| shared(w))
        .sum();
    let amounts: usize = ex.amounts.capacity() * size_of::<extract::Amount>() + word_bytes;
    let incident_bytes: usize = std::mem::size_of_val(incidents)
        + incidents
            .iter()
            .map(|i| {
                i.id.capacity()
                    + opt(&i.victim)
                    + opt(&i.actor)
                    // A source's figure text and article id are the amount's shared strings.
                    + i.sources.capacity() * size_of::<incidents::Source>()
            })
            .sum::<usize>();
    let count: usize = ex.entities.iter().map(|e| e.mentions.len()).sum();
    println!(
        "counts: {} articles, {} entities, {count} mentions, {} amounts, {} incidents; bytes each: Amount {}, Entity {}, Mention {}, Article {}",
        articles.len(),
        ex.entities.len(),
        ex.amounts.len(),
        incidents.len(),
        size_of::<extract::Amount>(),
        size_of::<extract::Entity>(),
        size_of::<extract::Mention>(),
        size_of::<Article>()
    );
    vec![
        ("article texts", texts),
        ("articles' other fields", article_rest),
        ("Entity.mentions (vectors)", mentions),
        ("article ids shared by mentions and amounts", mention_ids),
        ("entity names, aliases, roles", names),
        ("amounts", amounts),
        ("incidents", incident_bytes),
    ]
}

/// Opening through an empty result cache (load, extract, merge, write the entries), then
/// reopening the unchanged corpus from it: to the analysis, and to the window's corpus index
/// built on it (what the window needs before it shows the corpus). Drops are not timed.
fn cache_reopen(roots: &[PathBuf], runs: usize) {
    let never = AtomicBool::new(false);
    let dir = tempfile::tempdir().expect("a temporary cache folder");
    let cache = dossier::cache::ResultCache::at(dir.path());
    let t = Instant::now();
    let (cold, used) = Analysis::open(roots, &|_| {}, &never, Some(&cache));
    let cold_wall = t.elapsed();
    assert!(!used.corpus_hit && used.write_error.is_none(), "{used:?}");
    drop(cold);
    let usage = cache.usage();
    let (mut reopen, mut shown) = (Duration::MAX, Duration::MAX);
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let (warm, used) = Analysis::open(roots, &|_| {}, &never, Some(&cache));
        let opened = t.elapsed();
        let index = dossier::workbench::corpus_index::CorpusIndex::build(&warm);
        let indexed = t.elapsed();
        assert!(used.corpus_hit, "{used:?}");
        reopen = reopen.min(opened);
        shown = shown.min(indexed);
        drop((warm, index));
    }
    println!(
        "result cache: cold open {:.2} s (load, extract, merge, write {:.0} MB in {} entries); \
         reopen {:.3} s ({:.1} % of cold), with the window's corpus index {:.3} s ({:.1} %), \
         best of {runs}\n",
        cold_wall.as_secs_f64(),
        usage.bytes as f64 / 1e6,
        usage.entries,
        reopen.as_secs_f64(),
        100.0 * reopen.as_secs_f64() / cold_wall.as_secs_f64(),
        shown.as_secs_f64(),
        100.0 * shown.as_secs_f64() / cold_wall.as_secs_f64(),
    );
}

fn walk_bytes(roots: &[PathBuf]) -> u64 {
    fn walk(p: &Path) -> u64 {
        if p.is_dir() {
            std::fs::read_dir(p)
                .map(|d| d.flatten().map(|e| walk(&e.path())).sum())
                .unwrap_or(0)
        } else {
            std::fs::metadata(p).map_or(0, |m| m.len())
        }
    }
    roots.iter().map(|r| walk(r)).sum()
}

/// The bare pass Dossier's extraction cannot beat: split sentences, find gazetteer names (threat
/// actors, places, given names: about 5,000) with one Aho-Corasick automaton and money with one
/// regex, classifying nothing.
struct RawScan {
    names: AhoCorasick,
    money: Regex,
}

impl RawScan {
    fn new() -> Self {
        let mut names: Vec<String> = Vec::new();
        for a in THREAT_ACTORS.iter() {
            names.push(a.name.clone());
            names.extend(a.synonyms.iter().cloned());
        }
        for p in PLACES.iter() {
            names.push(p.canonical.clone());
            names.extend(p.aliases.iter().cloned());
            names.extend(p.demonyms.iter().cloned());
        }
        names.extend(
            include_str!("../assets/given-names.txt")
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(String::from),
        );
        eprintln!("raw scan: {} names", names.len());
        let names = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&names)
            .expect("names automaton");
        let money = Regex::new(
            r"(?:US\$|\$|€|£|¥)[ ]?[0-9]{1,3}(?:,[0-9]{3})*(?:\.[0-9]+)?(?:[ ]?(?:million|billion|bn|m|k)(?-u:\b))?|(?-u:\b)[0-9]+(?:[.,][0-9]+)*[ ]?(?:million |billion )?(?:dollars|euros|pounds|BTC|ETH|yen)(?-u:\b)",
        )
        .expect("money pattern");
        Self { names, money }
    }

    /// (sentences, names, amounts) of one text.
    fn scan(&self, text: &str) -> (usize, usize, usize) {
        let (mut sentences, mut names, mut money) = (0, 0, 0);
        let bytes = text.as_bytes();
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let end_of_sentence = matches!(b, b'.' | b'!' | b'?' | b'\n')
                && bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
            if end_of_sentence || i + 1 == bytes.len() {
                let s = &text[start..=i];
                sentences += 1;
                names += self
                    .names
                    .find_iter(s)
                    .filter(|m| {
                        let before = s[..m.start()].chars().next_back();
                        let after = s[m.end()..].chars().next();
                        !before.is_some_and(char::is_alphanumeric)
                            && !after.is_some_and(char::is_alphanumeric)
                    })
                    .count();
                money += self.money.find_iter(s).count();
                start = i + 1;
            }
        }
        (sentences, names, money)
    }

    fn scan_corpus(&self, articles: &[Article]) -> (usize, usize, usize) {
        articles
            .par_iter()
            .map(|a| self.scan(&a.text))
            .reduce(|| (0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2))
    }
}
