//! A small invented corpus for the workbench's unit tests.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::analysis::Analysis;
use crate::corpus::{Article, Corpus};
use crate::workbench::source::{CorpusSource, Loaded};

pub fn article(id: &str, date: Option<(i32, u32, u32)>, title: &str, text: &str) -> Article {
    Article {
        id: id.to_owned(),
        path: PathBuf::from(format!("/invented/{id}.txt")),
        published: date.and_then(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d)),
        title: title.to_owned(),
        source: None,
        text: text.to_owned(),
    }
}

/// Three articles: a theft at an invented bank (newest), a follow-up naming it twice, and one
/// about something else (undated).
pub fn loaded() -> Loaded {
    let articles = vec![
        article(
            "follow-up",
            Some((2021, 4, 2)),
            "Bank counts the cost",
            "Northwind Bank said the Lazarus Group was behind the attack. Northwind has since \
             replaced its payment software.",
        ),
        article(
            "theft",
            Some((2021, 3, 20)),
            "Zebra heist",
            "Hackers stole $12 million from Northwind Bank in March 2021. Investigators blamed \
             the Lazarus Group for the theft.",
        ),
        article(
            "other",
            None,
            "A quiet bakery",
            "A bakery in a small town sold sandwiches and nothing else happened.",
        ),
    ];
    loaded_from(articles)
}

/// A corpus of these articles, analysed as the window would.
pub fn loaded_from(articles: Vec<Article>) -> Loaded {
    let corpus = Corpus {
        roots: vec![PathBuf::from("/invented")],
        articles,
        errors: Vec::new(),
        embedded: false,
    };
    Loaded::of(
        CorpusSource::Paths(vec![PathBuf::from("/invented")]),
        Analysis::of(corpus),
    )
}

/// Index of the article with this id.
pub fn index(loaded: &Loaded, id: &str) -> usize {
    loaded.index.by_id[id]
}
