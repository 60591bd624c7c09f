//! What a cached result is keyed by: the extractor (the crate version and the hash of the
//! embedded models, word lists and code that `build.rs` computes), each file's content as the
//! loader parsed it, and for a corpus the set of its files and article ids.

use std::ops::Range;

use rayon::prelude::*;
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

use crate::corpus::Article;

/// The extractor that made a result: another version or changed assets mean another key.
pub fn extractor() -> u128 {
    xxh3_128(
        concat!(
            env!("CARGO_PKG_VERSION"),
            "\0",
            env!("DOSSIER_EXTRACTOR_HASH")
        )
        .as_bytes(),
    )
}

/// The articles of one file (a contiguous run of the corpus) and their key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileSpan {
    pub articles: Range<usize>,
    pub key: u128,
}

/// A corpus's key: names its merged results and its folder ([`super::ResultCache::corpus_dir`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CorpusKey(pub u128);

impl std::fmt::Display for CorpusKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

/// Splits `articles` (in load order: a file's articles are contiguous) into files, each keyed by
/// the extractor and what extraction reads of its articles: title, date, source and text. The
/// ids are left out (they depend on the folder, and are set again on a hit), so a moved corpus
/// keeps its entries.
pub fn file_spans(articles: &[Article], extractor: u128) -> Vec<FileSpan> {
    let mut starts = Vec::new();
    for (i, a) in articles.iter().enumerate() {
        if i == 0 || articles[i - 1].path != a.path {
            starts.push(i);
        }
    }
    starts
        .par_iter()
        .enumerate()
        .map(|(n, &start)| {
            let end = starts.get(n + 1).copied().unwrap_or(articles.len());
            let mut h = Xxh3::new();
            h.update(&extractor.to_le_bytes());
            for a in &articles[start..end] {
                field(&mut h, a.title.as_bytes());
                field(
                    &mut h,
                    a.published
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                        .as_bytes(),
                );
                field(
                    &mut h,
                    a.source.as_deref().unwrap_or("\u{0}none").as_bytes(),
                );
                field(&mut h, a.text.as_bytes());
            }
            FileSpan {
                articles: start..end,
                key: h.digest128(),
            }
        })
        .collect()
}

/// The key of a corpus: its files' keys, in order, with each article's id and path (the merged
/// results name articles by id).
pub fn corpus(articles: &[Article], files: &[FileSpan], extractor: u128) -> CorpusKey {
    let mut h = Xxh3::new();
    h.update(&extractor.to_le_bytes());
    for f in files {
        h.update(&f.key.to_le_bytes());
        for a in &articles[f.articles.clone()] {
            field(&mut h, a.id.as_bytes());
            field(&mut h, a.path.as_os_str().as_encoded_bytes());
        }
    }
    CorpusKey(h.digest128())
}

/// A length-prefixed field, so that moving bytes from one field to the next changes the key.
fn field(h: &mut Xxh3, bytes: &[u8]) {
    h.update(&(bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}
