//! What each fuzz target checks, shared by the targets in `fuzz/` and by
//! `tests/fuzz_regressions.rs`, which replays the inputs that once failed. Each check takes raw
//! bytes and panics on a violated property.

use std::path::Path;

use chrono::NaiveDate;
use dossier::annotations::model::AnnotationFile;
use dossier::annotations::{store, w3c};
use dossier::corpus::{Article, Limits, parse_bytes};
use dossier::extract::{dates, extract_corpus, money};
use dossier::text::slice_chars;

fn article(text: &str, published: Option<NaiveDate>) -> Article {
    Article {
        id: "f".into(),
        path: "f.txt".into(),
        published,
        title: String::new(),
        source: None,
        text: text.to_owned(),
    }
}

const NAMES: [&str; 8] = [
    "a.txt",
    "a.md",
    "a.html",
    "a.jsonl",
    "a.json",
    "a.csv",
    "a.tsv",
    "a.unknown",
];

/// The corpus loader: the first byte picks the file name (and so the format), the rest is the
/// file. Every article has text; a file gives articles or errors, never nothing.
pub fn corpus_formats(data: &[u8]) {
    let Some((&pick, bytes)) = data.split_first() else {
        return;
    };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    // Small limits, so that the limit paths are reached too.
    let limits = Limits {
        max_file_bytes: 4096,
        max_record_bytes: 512,
    };
    let (articles, errors) = parse_bytes(Path::new(name), bytes, &limits);
    for a in &articles {
        assert!(!a.text.trim().is_empty(), "{name}: article without text");
    }
    assert!(
        !articles.is_empty() || !errors.is_empty(),
        "{name}: neither articles nor errors"
    );
}

/// The money parser and classifier: amounts lie inside the text, slice out what they say they
/// are, and have finite values.
pub fn money(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let chars = text.chars().count();
    for a in money::find(&article(text, None), &[], &[]) {
        assert!(a.start <= a.end && a.end as usize <= chars, "{a:?}");
        assert_eq!(
            slice_chars(text, a.start as usize, a.end as usize),
            &*a.text
        );
        assert!(a.value.is_finite(), "{a:?}");
    }
}

/// The date resolver, with and without a publication date (from the first two bytes): mentions
/// lie inside the text in order without overlapping, and their values are real dates.
pub fn dates(data: &[u8]) {
    if data.len() < 2 {
        return;
    }
    let Ok(text) = std::str::from_utf8(&data[2..]) else {
        return;
    };
    let days = u64::from(u16::from_le_bytes([data[0], data[1]])) % 20_000;
    let published = NaiveDate::from_ymd_opt(1990, 1, 1)
        .and_then(|d| d.checked_add_days(chrono::Days::new(days)));
    let chars = text.chars().count();
    for published in [None, published] {
        let mut last_end = 0;
        for d in dates::find_in(text, published) {
            assert!(
                d.start >= last_end && d.start < d.end && d.end <= chars,
                "{d:?}"
            );
            last_end = d.end;
            assert_eq!(slice_chars(text, d.start, d.end), d.text);
            // A real date (the type allows no other) whose text reads back as itself.
            let text = d.value.to_string();
            assert_eq!(
                text.parse::<dossier::partial_date::PartialDate>(),
                Ok(d.value)
            );
        }
    }
}

/// The annotation file reader and the W3C import: never a panic; a file that reads writes back
/// to one that reads to the same annotations.
pub fn annotation_file(data: &[u8]) {
    let path = Path::new("dossier-annotations.json");
    if let Ok(file) = store::parse(path, data) {
        let bytes = serde_json::to_vec(&file).expect("serialise");
        let again: AnnotationFile = store::parse(path, &bytes).expect("re-read");
        assert_eq!(again.annotations, file.annotations);
    }
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = w3c::import(text, &|_| None);
    }
}

/// One whole article through extraction and incident merging: every offset inside the text.
pub fn article_extraction(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let a = article(text, NaiveDate::from_ymd_opt(2020, 6, 15));
    let chars = text.chars().count();
    let ex = extract_corpus(std::slice::from_ref(&a));
    for a in &ex.amounts {
        assert!(a.start <= a.end && a.end as usize <= chars, "{a:?}");
    }
    for e in &ex.entities {
        for m in &e.mentions {
            assert!(m.start <= m.end && m.end as usize <= chars, "{m:?}");
        }
    }
    let _ = dossier::incidents::merge(&ex.amounts);
}
