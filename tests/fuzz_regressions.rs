//! Replays every input the fuzz targets in `fuzz/` ever failed on (kept in
//! `tests/fuzz_regressions/TARGET/`), through the same checks, so a fixed crash stays fixed.

#[path = "common/fuzz_checks.rs"]
mod check;

use std::path::Path;

fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz_regressions")
        .join(target);
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        println!("{target}: {}", path.display());
        check(&std::fs::read(&path).unwrap());
        n += 1;
    }
    n
}

#[test]
fn corpus_formats() {
    assert!(replay("corpus_formats", check::corpus_formats) > 0);
}

#[test]
fn money() {
    assert!(replay("money", check::money) > 0);
}

#[test]
fn dates() {
    assert!(replay("dates", check::dates) > 0);
}

#[test]
fn annotation_file() {
    assert!(replay("annotation_file", check::annotation_file) > 0);
}

#[test]
fn article() {
    assert!(replay("article", check::article_extraction) > 0);
}
