//! The result cache through the core and the command line: a reopen takes the corpus's results
//! from the cache, a changed or added file is extracted alone, damaged entries are extracted
//! again, another extractor uses none of them, the size limit holds, and the analyst's decisions
//! are replayed on top of what the cache gives, never stored in it.

#[path = "report_fixture/mod.rs"]
mod report_fixture;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;

use dossier::analysis::Analysis;
use dossier::cache::{CacheUse, ResultCache};

/// The fixture corpus and the two seed articles, in a folder of their own.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    report_fixture::write(dir.path());
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    for e in std::fs::read_dir(seeds).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
    }
    dir
}

fn open(dir: &Path, cache: &ResultCache) -> (Analysis, CacheUse) {
    Analysis::open(
        &[dir.to_owned()],
        &|_| {},
        &AtomicBool::new(false),
        Some(cache),
    )
}

/// What an analysis says, for comparing a cached one with a fresh one.
fn assert_same(got: &Analysis, want: &Analysis) {
    assert_eq!(got.corpus.articles, want.corpus.articles);
    assert_eq!(got.extraction, want.extraction);
    assert_eq!(got.incidents, want.incidents);
}

fn fresh(dir: &Path) -> Analysis {
    report_fixture::load(dir)
}

fn entries(cache: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(cache)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect()
}

#[test]
fn a_reopen_takes_the_whole_analysis_from_the_cache() {
    let dir = corpus();
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = ResultCache::at(cache_dir.path());
    let (cold, used) = open(dir.path(), &cache);
    assert_eq!((used.files_extracted, used.files_cached), (5, 0));
    assert!(!used.corpus_hit && used.refused.is_empty() && used.write_error.is_none());
    // Amounts with and without a model probability, people with roles: every field round-trips.
    assert!(
        cold.extraction
            .amounts
            .iter()
            .any(|a| a.probability.is_some())
    );
    assert!(!cold.incidents.is_empty());

    let (warm, used) = open(dir.path(), &cache);
    assert!(used.corpus_hit, "{used:?}");
    assert_eq!(used.files_extracted, 0);
    assert_eq!(used.summary().as_deref(), Some("from the result cache"));
    assert_same(&warm, &cold);
    assert_same(&warm, &fresh(dir.path()));
}

#[test]
fn a_changed_file_is_extracted_alone() {
    let dir = corpus();
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = ResultCache::at(cache_dir.path());
    open(dir.path(), &cache);
    let marlow = dir.path().join("marlow.md");
    let text = std::fs::read_to_string(&marlow).unwrap();
    std::fs::write(&marlow, text.replace("$9 million", "$19 million")).unwrap();
    let (changed, used) = open(dir.path(), &cache);
    assert_eq!(
        (used.files_extracted, used.files_cached),
        (1, 4),
        "{used:?}"
    );
    assert!(!used.corpus_hit);
    assert!(
        changed
            .extraction
            .amounts
            .iter()
            .any(|a| &*a.text == "$19 million")
    );
    assert!(
        !changed
            .extraction
            .amounts
            .iter()
            .any(|a| &*a.text == "$9 million")
    );
    assert_same(&changed, &fresh(dir.path()));
}

#[test]
fn an_added_file_is_extracted_alone() {
    let dir = corpus();
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = ResultCache::at(cache_dir.path());
    open(dir.path(), &cache);
    std::fs::write(
        dir.path().join("orrin.md"),
        "---\ntitle: Orrin Savings hit\ndate: 2022-02-02\n---\n\
         Thieves stole $3 million from Orrin Savings on January 30, 2022.\n",
    )
    .unwrap();
    let (added, used) = open(dir.path(), &cache);
    assert_eq!(
        (used.files_extracted, used.files_cached),
        (1, 5),
        "{used:?}"
    );
    assert!(
        added
            .extraction
            .amounts
            .iter()
            .any(|a| &*a.article == "orrin")
    );
    assert_same(&added, &fresh(dir.path()));
}

#[test]
fn corrupt_truncated_and_foreign_entries_are_extracted_again_and_replaced() {
    let dir = corpus();
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = ResultCache::at(cache_dir.path());
    let (cold, _) = open(dir.path(), &cache);
    let all = entries(cache_dir.path());
    assert_eq!(all.len(), 6, "five files and the corpus: {all:?}");
    for (i, path) in all.iter().enumerate() {
        let mut bytes = std::fs::read(path).unwrap();
        match i % 3 {
            0 => bytes.truncate(bytes.len() / 2),
            1 => {
                let at = bytes.len() - 5;
                bytes[at] ^= 0x21;
            }
            _ => bytes = b"{\"not\": \"a cache entry\"}".to_vec(),
        }
        std::fs::write(path, bytes).unwrap();
    }
    let (again, used) = open(dir.path(), &cache);
    assert_same(&again, &cold);
    assert_eq!(used.files_extracted, 5);
    assert_eq!(used.refused.len(), 6, "{:?}", used.refused);
    let said = used.refused.join("\n");
    for why in [
        "truncated",
        "checksum mismatch",
        "not a Dossier cache entry",
    ] {
        assert!(said.contains(why), "{why} in {said}");
    }
    // Each refusal names its entry.
    assert!(used.refused.iter().all(|r| r.contains(".bin:")));
    let (third, used) = open(dir.path(), &cache);
    assert!(used.corpus_hit && used.refused.is_empty(), "{used:?}");
    assert_same(&third, &cold);
}

#[test]
fn another_extractor_uses_none_of_the_entries() {
    let dir = corpus();
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = ResultCache::at(cache_dir.path());
    open(dir.path(), &cache);
    // What a changed model or word list makes of the same folder.
    let other = cache.clone().with_extractor(cache.extractor() ^ 1);
    let (_, used) = open(dir.path(), &other);
    assert_eq!(
        (used.files_extracted, used.files_cached),
        (5, 0),
        "{used:?}"
    );
    assert!(!used.corpus_hit && used.refused.is_empty());
    // The old extractor's entries are still there for it.
    assert!(open(dir.path(), &cache).1.corpus_hit);
}

#[test]
fn the_size_limit_evicts_the_least_recently_used_and_clear_empties_it() {
    let one = corpus();
    let two = tempfile::tempdir().unwrap();
    std::fs::write(
        two.path().join("solo.md"),
        "---\ntitle: Solo\ndate: 2020-05-05\n---\nHackers stole $7 million from Brisk Bank.\n",
    )
    .unwrap();
    let cache_dir = tempfile::tempdir().unwrap();
    let unlimited = ResultCache::at(cache_dir.path());
    open(one.path(), &unlimited);
    let first = unlimited.usage();
    // Room for a little more than the first corpus: opening the second evicts the first's
    // oldest entries, never the second's, and the cache ends within its limit.
    let limited = unlimited.clone().with_limit(first.bytes + 64);
    std::thread::sleep(std::time::Duration::from_millis(20));
    open(two.path(), &limited);
    assert!(limited.usage().bytes <= first.bytes + 64);
    let (_, used) = open(two.path(), &limited);
    assert!(used.corpus_hit, "the newest corpus stays: {used:?}");
    let cleared = limited.clear().unwrap();
    assert!(cleared.entries > 0);
    assert_eq!(limited.usage().entries, 0);
    let (_, used) = open(two.path(), &limited);
    assert_eq!(used.files_extracted, 1);
}

/// `dossier ARGS` with its cache in `cache`; its standard output.
fn dossier(args: &[&str], dir: &Path, cache: &Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .arg(dir)
        .env("DOSSIER_CACHE_DIR", cache)
        .output()
        .expect("dossier runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn decisions_are_replayed_on_the_cached_results_and_never_stored() {
    let dir = corpus();
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = ResultCache::at(cache_dir.path());
    let machine = dossier(&["extract"], dir.path(), cache_dir.path());
    assert!(machine.contains("Marlow Credit Union"));
    let status = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["decide"])
        .arg(dir.path())
        .args(["reject", "--article", "marlow", "--figure", "$9 million"])
        .env("DOSSIER_CACHE_DIR", cache_dir.path())
        .status()
        .unwrap();
    assert!(status.success());

    // The command line: the decision shows on the cached results; `--no-decisions` and
    // `--no-cache` give the machine's and the same.
    let decided = dossier(&["extract"], dir.path(), cache_dir.path());
    assert_ne!(decided, machine);
    let paths = [dir.path().to_owned()];
    let (mut analysis, used) = open(dir.path(), &cache);
    assert!(used.corpus_hit);
    dossier::decisions::replay_beside(&paths, &mut analysis).unwrap();
    let mut uncached = fresh(dir.path());
    dossier::decisions::replay_beside(&paths, &mut uncached).unwrap();
    assert_same(&analysis, &uncached);
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(
        dossier(&["extract", "--no-cache"], dir.path(), empty.path()),
        decided
    );
    assert!(
        entries(empty.path()).is_empty(),
        "--no-cache writes nothing"
    );
    assert_eq!(
        dossier(&["extract", "--no-decisions"], dir.path(), cache_dir.path()),
        machine
    );
    // The cache holds the machine's figure: the decision is not in it.
    let key = used.corpus_key.unwrap();
    let (stored, incidents) = cache.read_corpus(key).unwrap().unwrap();
    let machine_analysis = fresh(dir.path());
    assert_eq!(stored, machine_analysis.extraction);
    assert_eq!(incidents, machine_analysis.incidents);
}
