//! The result cache in the window: a reopened corpus comes from the cache (the loaded corpus
//! says so, in the status bar's words), a changed or added file is extracted alone, damaged
//! entries are extracted again with a note naming them, another extractor uses none of them, the
//! analyst's decisions are replayed on the cached results, and File → Clear cache empties it.

use super::commands::click_menu_entry;
use super::report_fixture;
use super::search_language::search;
use super::window::*;

use std::path::Path;

use dossier::cache::ResultCache;
use dossier::ui::clipboard::RecordingClipboard;
use egui_kittest::kittest::Queryable as _;

/// The window on `dir` with its result cache in `cache`.
fn open_with(dir: &Path, cache: &ResultCache) -> Opened {
    let clip = RecordingClipboard::default();
    open(fresh(vec![dir.to_owned()], &clip).with_cache(cache.clone()))
}

/// What the window's loaded corpus says the cache gave (the status bar's words), if anything.
fn cache_label(opened: &Opened) -> Option<String> {
    opened.state().loaded().cache.summary()
}

#[test]
fn a_reopened_corpus_comes_from_the_cache_and_a_changed_or_added_file_is_extracted_alone() {
    let dir = tempfile::tempdir().unwrap();
    report_fixture::write(dir.path());
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = ResultCache::at(cache_dir.path());

    let cold = open_with(dir.path(), &cache);
    let rows = article_rows(&cold);
    assert_eq!(rows.len(), 3);
    assert_eq!(cache_label(&cold), None, "nothing was cached yet");
    cold.close();

    let warm = open_with(dir.path(), &cache);
    assert_eq!(cache_label(&warm).as_deref(), Some("from the result cache"));
    assert_eq!(article_rows(&warm), rows);
    assert!(
        warm.query_by_label_contains("— Marlow Credit Union —")
            .is_some()
    );
    warm.close();

    let marlow = dir.path().join("marlow.md");
    let text = std::fs::read_to_string(&marlow).unwrap();
    std::fs::write(&marlow, text.replace("Hackers tried", "Criminals tried")).unwrap();
    let changed = open_with(dir.path(), &cache);
    assert_eq!(
        cache_label(&changed).as_deref(),
        Some("2 of 3 files from the result cache, 1 extracted")
    );
    changed.close();

    std::fs::write(
        dir.path().join("orrin.md"),
        "---\ntitle: Orrin Savings hit\ndate: 2022-02-02\n---\n\
         Thieves stole $3 million from Orrin Savings on January 30, 2022.\n",
    )
    .unwrap();
    let added = open_with(dir.path(), &cache);
    assert_eq!(
        cache_label(&added).as_deref(),
        Some("3 of 4 files from the result cache, 1 extracted")
    );
    assert_eq!(article_rows(&added).len(), 4);
    let amounts = &added.state().loaded().analysis.extraction.amounts;
    assert!(
        amounts
            .iter()
            .any(|a| &*a.article == "orrin" && &*a.text == "$3 million")
    );
}

#[test]
fn damaged_entries_are_extracted_again_and_another_extractor_uses_none() {
    let dir = tempfile::tempdir().unwrap();
    report_fixture::write(dir.path());
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = ResultCache::at(cache_dir.path());
    let rows = article_rows(&open_with(dir.path(), &cache).harness);

    // What a changed model or word list makes of the same cache: every file extracted.
    let other = open_with(
        dir.path(),
        &cache.clone().with_extractor(cache.extractor() ^ 1),
    );
    assert_eq!(cache_label(&other), None);
    assert_eq!(article_rows(&other), rows);
    other.close();

    for e in walkdir::WalkDir::new(cache_dir.path())
        .into_iter()
        .flatten()
    {
        if e.file_type().is_file() {
            let bytes = std::fs::read(e.path()).unwrap();
            std::fs::write(e.path(), &bytes[..bytes.len() / 2]).unwrap();
        }
    }
    let damaged = open_with(dir.path(), &cache);
    assert_eq!(article_rows(&damaged), rows, "the corpus is shown whole");
    assert_eq!(cache_label(&damaged), None, "nothing damaged was used");
    let note = damaged
        .state()
        .note_text()
        .expect("a note names the damaged entry")
        .to_owned();
    assert!(note.starts_with("Result cache: cache entry "), "{note}");
    assert!(
        note.contains("truncated") && note.contains("extracted again"),
        "{note}"
    );
    damaged.close();
    let repaired = open_with(dir.path(), &cache);
    assert_eq!(
        cache_label(&repaired).as_deref(),
        Some("from the result cache")
    );
}

#[test]
fn decisions_are_replayed_on_the_cached_corpus_and_clear_cache_empties_it() {
    let dir = tempfile::tempdir().unwrap();
    report_fixture::write(dir.path());
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = ResultCache::at(cache_dir.path());
    open_with(dir.path(), &cache).close();
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("decide")
        .arg(dir.path())
        .args(["reject", "--article", "marlow", "--figure", "$9 million"])
        .env("DOSSIER_CACHE_DIR", cache_dir.path())
        .status()
        .unwrap();
    assert!(status.success());

    let mut decided = open_with(dir.path(), &cache);
    assert_eq!(
        cache_label(&decided).as_deref(),
        Some("from the result cache")
    );
    assert!(
        decided
            .query_by_label_contains("— Marlow Credit Union —")
            .is_none(),
        "the rejection is replayed on the cached results"
    );
    assert!(
        decided
            .query_by_label_contains("— Vesper Exchange —")
            .is_some()
    );

    assert!(cache.usage().entries > 0);
    click_menu_entry(&mut decided, "Clear cache");
    wait_idle(&mut decided);
    assert!(
        decided
            .query_by_label_contains("Cleared the result cache: ")
            .is_some()
    );
    assert_eq!(cache.usage().entries, 0);
    decided.close();
    let after = open_with(dir.path(), &cache);
    assert_eq!(cache_label(&after), None);
    assert!(
        after
            .query_by_label_contains("— Marlow Credit Union —")
            .is_none()
    );
}

#[test]
fn the_search_index_is_kept_with_the_corpus_in_the_cache_and_reused_on_reopen() {
    let dir = tempfile::tempdir().unwrap();
    report_fixture::write(dir.path());
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = ResultCache::at(cache_dir.path());
    let index_meta = || {
        walkdir::WalkDir::new(cache_dir.path())
            .into_iter()
            .flatten()
            .find(|e| e.file_name() == "meta.json")
            .map(|e| e.into_path())
    };

    let cold = open_with(dir.path(), &cache);
    assert!(cold.state().has_search_index());
    let meta = index_meta().expect("the index is written into the cache");
    assert!(meta.parent().unwrap().ends_with("search-index"));
    let written = std::fs::metadata(&meta).unwrap().modified().unwrap();
    cold.close();

    let mut warm = open_with(dir.path(), &cache);
    assert!(warm.state().has_search_index());
    assert_eq!(
        std::fs::metadata(&meta).unwrap().modified().unwrap(),
        written,
        "the kept index is reopened, not built again"
    );
    assert_eq!(warm.state().note_text(), None);
    search(&mut warm, "marlow");
    assert_eq!(article_rows(&warm).len(), 1, "the reopened index answers");
}
