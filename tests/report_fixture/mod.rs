//! A small invented corpus with annotations, for the chart and report tests: three articles (one
//! with a URL, two cited by file), thefts reported twice, an attempt, and annotations under two
//! tags and none.
#![allow(dead_code)]

use std::path::Path;
use std::sync::atomic::AtomicBool;

use dossier::analysis::Analysis;
use dossier::annotations::{Annotation, AnnotationFile};

pub const ARTICLES: [(&str, &str); 3] = [
    (
        "quillon.md",
        "---\ntitle: Quillon Bank loses $45 million\ndate: 2019-03-20\n\
         url: https://news.example.org/quillon\n---\n\
         Hackers stole $45 million from Quillon Bank on March 12, 2019, officials said. \
         The bank said customer deposits were safe.\n",
    ),
    (
        "vesper.md",
        "---\ntitle: Vesper Exchange drained\ndate: 2021-06-02\n---\n\
         Attackers stole $120 million from Vesper Exchange on May 30, 2021. \
         Investigators linked the theft to the Lazarus Group. \
         Two years earlier, hackers stole $45 million from Quillon Bank in March 2019.\n",
    ),
    (
        "marlow.md",
        "---\ntitle: Transfer blocked at Marlow Credit Union\ndate: 2020-01-10\n---\n\
         Hackers tried to steal $9 million from Marlow Credit Union in December 2019, \
         but the transfers were blocked. Analysts called the attempt unusual.\n",
    ),
];

/// (article id, quoted text, tag, note) of the fixture's annotations.
pub const NOTES: [(&str, &str, &str, &str); 3] = [
    (
        "quillon",
        "customer deposits were safe",
        "claims",
        "Bank statement; not verified.",
    ),
    (
        "vesper",
        "linked the theft to the Lazarus Group",
        "attribution",
        "",
    ),
    ("marlow", "the transfers were blocked", "", "Why blocked?"),
];

/// Writes the corpus and its annotation file into `dir`.
pub fn write(dir: &Path) {
    for (name, text) in ARTICLES {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let analysis = load(dir);
    let annotations: Vec<Annotation> = NOTES
        .iter()
        .map(|(article, quote, tag, note)| {
            let a = analysis
                .corpus
                .articles
                .iter()
                .find(|a| a.id == *article)
                .unwrap_or_else(|| panic!("no article {article}"));
            let byte = a.text.find(quote).unwrap();
            let start = a.text[..byte].chars().count();
            Annotation::new(
                article,
                &a.text,
                start,
                start + quote.chars().count(),
                tag,
                note,
            )
        })
        .collect();
    let file = AnnotationFile::new("fixture", annotations);
    std::fs::write(
        dir.join(dossier::annotations::store::FILE_NAME),
        serde_json::to_string_pretty(&file).unwrap(),
    )
    .unwrap();
}

pub fn load(dir: &Path) -> Analysis {
    Analysis::load(&[dir.to_owned()], &|_| {}, &AtomicBool::new(false))
}

/// The fixture's annotations as written by [`write`].
pub fn annotations(dir: &Path) -> Vec<Annotation> {
    let path = dir.join(dossier::annotations::store::FILE_NAME);
    dossier::annotations::store::read(&path)
        .unwrap()
        .unwrap()
        .0
        .annotations
}
