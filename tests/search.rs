//! The query language analysts type (issue 28), through the core and through `dossier search`,
//! on the report fixture's three invented articles (quillon, vesper, marlow). Each query form is
//! checked through the index and through the scan used until the index is ready: both must give
//! the same articles.

use std::path::Path;
use std::process::{Command, Output};

use dossier::analysis::Analysis;
use dossier::query::{self, Fields, SearchIndex};
use serde_json::Value;

mod report_fixture;

fn corpus() -> (tempfile::TempDir, Analysis) {
    let dir = tempfile::tempdir().unwrap();
    report_fixture::write(dir.path());
    let analysis = report_fixture::load(dir.path());
    (dir, analysis)
}

/// The ids of the articles `q` finds, in corpus order, after checking that the index and the
/// scan agree on them.
fn found(analysis: &Analysis, index: &SearchIndex, q: &str) -> Vec<String> {
    let expr = query::parse(q).unwrap().unwrap();
    let fields = Fields::of(analysis);
    let ids = |hits: Vec<query::Hit>| {
        let mut ids: Vec<String> = hits
            .into_iter()
            .map(|h| analysis.corpus.articles[h.article].id.clone())
            .collect();
        ids.sort();
        ids
    };
    let indexed = ids(query::search(analysis, &fields, Some(index), &expr).unwrap());
    let scanned = ids(query::search(analysis, &fields, None, &expr).unwrap());
    assert_eq!(indexed, scanned, "index and scan disagree on {q}");
    indexed
}

#[test]
fn every_query_form_finds_what_an_analyst_expects() {
    let (_dir, analysis) = corpus();
    let index = SearchIndex::build(&analysis.corpus.articles).unwrap();
    let f = |q| found(&analysis, &index, q);
    // Stemming: a bare word finds its inflections; quoted, only itself.
    assert_eq!(f("transfer"), ["marlow"]);
    assert_eq!(f("banks"), ["quillon", "vesper"]);
    assert_eq!(f("\"transfer\""), Vec::<String>::new());
    assert_eq!(f("\"Transfers\""), ["marlow"]);
    // Phrases are exact and in order.
    assert_eq!(f("\"quillon bank\""), ["quillon", "vesper"]);
    assert!(f("\"bank quillon\"").is_empty());
    // Booleans and -word.
    assert_eq!(f("hackers AND lazarus"), ["vesper"]);
    assert_eq!(f("lazarus OR marlow"), ["marlow", "vesper"]);
    assert_eq!(f("hackers -lazarus"), ["marlow", "quillon"]);
    assert_eq!(f("hackers NOT lazarus"), ["marlow", "quillon"]);
    assert_eq!(f("NOT bank"), ["marlow"]);
    assert_eq!(f("(lazarus OR marlow) AND blocked"), ["marlow"]);
    // Prefix, as typed letter by letter.
    assert_eq!(f("quil*"), ["quillon", "vesper"]);
    assert_eq!(f("inv*"), ["vesper"]);
    // Fuzzy: one edit (a transposition counts one), two edits.
    assert_eq!(f("lazarsu~1"), ["vesper"]);
    assert!(f("lazxxus~1").is_empty());
    assert_eq!(f("lazxxus~2"), ["vesper"]);
    // Proximity: "hackers … bank" with five words between them.
    assert_eq!(f("\"hackers bank\"~5"), ["quillon", "vesper"]);
    assert!(f("\"hackers bank\"~4").is_empty());
    // Fields on the title and on the articles' thefts.
    assert_eq!(f("title:drained"), ["vesper"]);
    assert_eq!(f("title:exchanges"), ["vesper"]);
    assert_eq!(f("kind:attempted"), ["marlow"]);
    assert_eq!(f("date:[2021 TO 2022]"), ["vesper"]);
    assert_eq!(f("hackers date:2021"), ["vesper"]);
}

#[test]
fn hits_are_ranked_and_spans_are_the_matching_words() {
    let (_dir, analysis) = corpus();
    let index = SearchIndex::build(&analysis.corpus.articles).unwrap();
    let fields = Fields::of(&analysis);
    let expr = query::parse("bank").unwrap().unwrap();
    let hits = query::search(&analysis, &fields, Some(&index), &expr).unwrap();
    // quillon says "Bank" and "bank" in a shorter text: it ranks first.
    assert_eq!(analysis.corpus.articles[hits[0].article].id, "quillon");
    assert!(hits[0].score > hits[1].score);
    let text = &analysis.corpus.articles[hits[0].article].text;
    let words: Vec<String> = hits[0]
        .spans
        .iter()
        .map(|&(s, e)| text.chars().skip(s).take(e - s).collect())
        .collect();
    assert_eq!(words, ["Bank", "bank"]);
}

#[test]
fn an_index_kept_in_a_folder_is_reused_and_rebuilt_when_the_corpus_changes() {
    let (dir, analysis) = corpus();
    let kept = dir.path().join("index");
    let built = SearchIndex::open_or_build(Some(&kept), &analysis.corpus.articles).unwrap();
    assert_eq!(found(&analysis, &built, "lazarus"), ["vesper"]);
    drop(built);
    let reopened = SearchIndex::open_or_build(Some(&kept), &analysis.corpus.articles).unwrap();
    assert_eq!(found(&analysis, &reopened, "lazarus"), ["vesper"]);
    drop(reopened);
    let fewer = &analysis.corpus.articles[..2];
    let rebuilt = SearchIndex::open_or_build(Some(&kept), fewer).unwrap();
    assert_eq!(rebuilt.len(), 2);
    // A folder that holds something else is never emptied.
    let other = dir.path().join("notes");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("mine.txt"), "keep me").unwrap();
    let refused = SearchIndex::open_or_build(Some(&other), fewer).unwrap_err();
    assert!(
        refused.to_string().contains("holds no Dossier index"),
        "{refused}"
    );
    assert!(other.join("mine.txt").exists());
}

#[test]
fn a_damaged_kept_index_is_never_trusted_but_rebuilt() {
    let (dir, analysis) = corpus();
    let kept = dir.path().join("index");
    let articles = &analysis.corpus.articles;
    let (first, problem) = SearchIndex::kept_in(&kept, articles).unwrap();
    assert_eq!(problem, None);
    drop(first);
    // Every file of the index cut in half; the fingerprint still says "built from these".
    for e in std::fs::read_dir(&kept).unwrap().flatten() {
        let path = e.path();
        if path.is_file() && !path.ends_with("dossier-corpus.fingerprint") {
            let bytes = std::fs::read(&path).unwrap();
            std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
        }
    }
    let (rebuilt, problem) = SearchIndex::kept_in(&kept, articles).unwrap();
    let problem = problem.expect("the refused index is reported");
    assert!(problem.contains("rebuilt"), "{problem}");
    assert_eq!(found(&analysis, &rebuilt, "lazarus"), ["vesper"]);
    drop(rebuilt);
    let (again, problem) = SearchIndex::kept_in(&kept, articles).unwrap();
    assert_eq!(problem, None, "the rebuilt index is kept and reopened");
    assert_eq!(found(&analysis, &again, "lazarus"), ["vesper"]);
}

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .unwrap()
}

fn search_json(dir: &Path, q: &str) -> Value {
    let out = dossier(&["search", dir.to_str().unwrap(), q, "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn ids(v: &Value) -> Vec<&str> {
    let mut ids: Vec<&str> = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["article"].as_str().unwrap())
        .collect();
    ids.sort();
    ids
}

#[test]
fn the_command_prints_hits_as_json_and_refuses_a_query_that_does_not_parse() {
    let (dir, _) = corpus();
    let v = search_json(dir.path(), "\"quillon bank\" -lazarus");
    assert_eq!(ids(&v), ["quillon"]);
    let hit = &v["hits"][0];
    assert_eq!(hit["title"], "Quillon Bank loses $45 million");
    assert!(hit["score"].as_f64().unwrap() > 0.0);
    assert_eq!(hit["spans"].as_array().unwrap().len(), 1);

    let out = dossier(&["search", dir.path().to_str().unwrap(), "\"central bank"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("the quote opened here is never closed"),
        "{err}"
    );
    let out = dossier(&["search", dir.path().to_str().unwrap(), "kind:borrowed"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("kind:borrowed is not a kind"));
}

#[test]
fn field_queries_answer_with_the_analysts_decisions() {
    let (dir, _) = corpus();
    let d = dir.path().to_str().unwrap();
    assert_eq!(ids(&search_json(dir.path(), "kind:attempted")), ["marlow"]);
    assert!(ids(&search_json(dir.path(), "actor:apt38")).is_empty());
    let decide = |args: &[&str]| {
        let mut all = vec!["decide", d];
        all.extend_from_slice(args);
        let out = dossier(&all);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    decide(&[
        "set-kind",
        "--article",
        "marlow",
        "--figure",
        "$9 million",
        "--kind",
        "damage",
    ]);
    decide(&[
        "set-actor",
        "--article",
        "vesper",
        "--figure",
        "$120 million",
        "--actor",
        "APT38",
    ]);
    assert!(ids(&search_json(dir.path(), "kind:attempted")).is_empty());
    assert_eq!(ids(&search_json(dir.path(), "kind:damage")), ["marlow"]);
    assert_eq!(ids(&search_json(dir.path(), "actor:apt38")), ["vesper"]);
    // The text clause still comes from the index, the field clause from the corrected analysis.
    assert_eq!(
        ids(&search_json(dir.path(), "attackers actor:APT38")),
        ["vesper"]
    );
}

#[test]
fn a_watchlist_counts_the_articles_naming_each_name() {
    let (dir, _) = corpus();
    let d = dir.path().to_str().unwrap();
    // The lists live outside the corpus folder (a file in it would be read as an article).
    let lists = tempfile::tempdir().unwrap();
    let list = lists.path().join("names.txt");
    std::fs::write(
        &list,
        "# who we follow\nQuillon Bank\nLazarus Group\n\nNobody Here\n",
    )
    .unwrap();
    let out = dossier(&["search", d, "--watchlist", list.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "name\tarticles\nQuillon Bank\t2\nLazarus Group\t1\nNobody Here\t0\n"
    );
    let csv = lists.path().join("names.csv");
    std::fs::write(
        &csv,
        "name,notes\n\"Marlow Credit Union\",bank\nVesper,exchange\n",
    )
    .unwrap();
    let out = dossier(&["search", d, "--watchlist", csv.to_str().unwrap(), "--json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["watchlist"][0]["name"], "Marlow Credit Union");
    assert_eq!(v["watchlist"][0]["articles"], serde_json::json!(["marlow"]));
    assert_eq!(v["watchlist"][1]["count"], 1);
    // A list with a line that has nothing to search is refused, naming the file and the line.
    let bad = lists.path().join("bad.txt");
    std::fs::write(&bad, "Quillon\n$$$\n").unwrap();
    let out = dossier(&["search", d, "--watchlist", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.txt: line 2: “$$$” has no letters or digits"),
        "{err}"
    );
}
