//! One analysed corpus: the articles, what was extracted, and the merged incidents. This is what
//! both the headless commands and the GUI's worker thread produce.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::cache::{self, CacheUse, FileSpan, ResultCache};
use crate::corpus::{self, Article, Corpus, LoadProgress};
use crate::extract::{self, ArticleExtraction, Extraction, Gatherer};
use crate::incidents::{self, Incident};

/// A loaded and analysed corpus.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    pub corpus: Corpus,
    pub extraction: Extraction,
    pub incidents: Vec<Incident>,
}

/// Stage of the work, for progress displays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Loading(LoadProgress),
    /// `done` of `total` articles extracted (reported about 200 times per corpus, not per article).
    Extracting {
        done: usize,
        total: usize,
    },
}

impl Analysis {
    /// Extracts and merges an already loaded corpus.
    pub fn of(corpus: Corpus) -> Self {
        Self::of_with_progress(corpus, &|_| {})
    }

    /// [`Self::of`], reporting extraction progress: extraction, not reading, is the long stage.
    pub fn of_with_progress(corpus: Corpus, progress: &(dyn Fn(Stage) + Sync)) -> Self {
        let total = corpus.articles.len();
        progress(Stage::Extracting { done: 0, total });
        let extraction = extract::extract_corpus_with_progress(&corpus.articles, &|done| {
            progress(Stage::Extracting { done, total })
        });
        let incidents = incidents::merge(&extraction.amounts);
        Self {
            corpus,
            extraction,
            incidents,
        }
    }

    /// Loads `paths`, then extracts, reporting each stage.
    pub fn load(paths: &[PathBuf], progress: &(dyn Fn(Stage) + Sync), cancel: &AtomicBool) -> Self {
        let corpus = corpus::load(paths, &|p| progress(Stage::Loading(p)), cancel);
        Self::of_with_progress(corpus, progress)
    }

    /// [`Self::load`] through the result cache when there is one: files whose results are cached
    /// are not extracted, and a corpus whose merged results are cached is neither extracted nor
    /// merged. What the cache gave and refused is in the [`CacheUse`]. The window and the
    /// commands open corpora through here.
    pub fn open(
        paths: &[PathBuf],
        progress: &(dyn Fn(Stage) + Sync),
        cancel: &AtomicBool,
        cache: Option<&ResultCache>,
    ) -> (Self, CacheUse) {
        let corpus = corpus::load(paths, &|p| progress(Stage::Loading(p)), cancel);
        if cancel.load(Ordering::Relaxed) {
            // A cancelled load is thrown away: extracting (or caching) part of a corpus is waste.
            return (
                Self {
                    corpus,
                    ..Self::default()
                },
                CacheUse::default(),
            );
        }
        match cache {
            Some(cache) => Self::of_cached(corpus, progress, cache),
            None => (
                Self::of_with_progress(corpus, progress),
                CacheUse::default(),
            ),
        }
    }

    /// [`Self::of_with_progress`] through `cache`.
    pub fn of_cached(
        corpus: Corpus,
        progress: &(dyn Fn(Stage) + Sync),
        cache: &ResultCache,
    ) -> (Self, CacheUse) {
        let total = corpus.articles.len();
        progress(Stage::Extracting { done: 0, total });
        let files = cache::keys::file_spans(&corpus.articles, cache.extractor());
        let key = cache::keys::corpus(&corpus.articles, &files, cache.extractor());
        let mut used = CacheUse {
            corpus_key: Some(key),
            ..CacheUse::default()
        };
        match cache.read_corpus(key) {
            Ok(Some((extraction, incidents))) => {
                progress(Stage::Extracting { done: total, total });
                used.corpus_hit = true;
                used.files_cached = files.len();
                return (
                    Self {
                        corpus,
                        extraction,
                        incidents,
                    },
                    used,
                );
            }
            Ok(None) => {}
            Err(refused) => used.refused.push(refused),
        }
        let extraction = extract_files(&corpus.articles, &files, cache, progress, &mut used);
        let incidents = incidents::merge(&extraction.amounts);
        let written = cache
            .write_corpus(key, &extraction, &incidents)
            .and_then(|()| cache.trim().map(|_| ()));
        if let Err(e) = written {
            used.write_error.get_or_insert(e);
        }
        (
            Self {
                corpus,
                extraction,
                incidents,
            },
            used,
        )
    }

    /// The embedded sample corpus, analysed.
    pub fn sample() -> Self {
        Self::of(corpus::sample())
    }
}

/// What one file gave: its articles' results, and whether they came from the cache.
struct FileResult {
    results: Vec<ArticleExtraction>,
    cached: bool,
    refused: Option<String>,
    write_error: Option<String>,
}

/// Extracts the files the cache does not hold (writing their entries), takes the others from
/// it, and gathers all of them in corpus order, a chunk of files at a time as
/// [`extract::extract_corpus_with_progress`] does.
fn extract_files(
    articles: &[Article],
    files: &[FileSpan],
    cache: &ResultCache,
    progress: &(dyn Fn(Stage) + Sync),
    used: &mut CacheUse,
) -> Extraction {
    let total = articles.len();
    let step = (total / 200).max(1);
    let done = AtomicUsize::new(0);
    let advance = |n: usize| {
        let before = done.fetch_add(n, Ordering::Relaxed);
        let now = before + n;
        if now / step != before / step || now == total {
            progress(Stage::Extracting { done: now, total });
        }
    };
    let one_file = |span: &FileSpan| {
        let range = span.articles.clone();
        let mut refused = None;
        match cache.read_file(span.key) {
            Ok(Some(mut results)) if results.len() == range.len() => {
                // Entries are shared by identical files: the ids are this corpus's.
                for (ex, article) in results.iter_mut().zip(&articles[range.clone()]) {
                    for a in &mut ex.amounts {
                        a.article = article.id.as_str().into();
                    }
                }
                advance(range.len());
                return FileResult {
                    results,
                    cached: true,
                    refused: None,
                    write_error: None,
                };
            }
            Ok(Some(results)) => {
                refused = Some(format!(
                    "for {}: holds {} articles, the file has {}",
                    articles[range.start].path.display(),
                    results.len(),
                    range.len()
                ))
            }
            Ok(None) => {}
            Err(e) => refused = Some(e),
        }
        let results: Vec<ArticleExtraction> = articles[range]
            .par_iter()
            .map(|a| {
                let ex = extract::extract_article(a);
                advance(1);
                ex
            })
            .collect();
        let write_error = cache.write_file(span.key, &results).err();
        FileResult {
            results,
            cached: false,
            refused,
            write_error,
        }
    };
    let mut gatherer = Gatherer::default();
    let mut gather = |chunk: &[FileSpan], results: Vec<FileResult>, used: &mut CacheUse| {
        for (span, file) in chunk.iter().zip(results) {
            if file.cached {
                used.files_cached += 1;
            } else {
                used.files_extracted += 1;
            }
            used.refused.extend(file.refused);
            if used.write_error.is_none() {
                used.write_error = file.write_error;
            }
            gatherer.add_all(&articles[span.articles.clone()], file.results);
        }
    };
    let mut pending: Option<(&[FileSpan], Vec<FileResult>)> = None;
    for chunk in chunks(files) {
        let (results, ()) = rayon::join(
            || chunk.par_iter().map(one_file).collect::<Vec<_>>(),
            || {
                if let Some((previous, results)) = pending.take() {
                    gather(previous, results, used);
                }
            },
        );
        pending = Some((chunk, results));
    }
    if let Some((previous, results)) = pending {
        gather(previous, results, used);
    }
    gatherer.finish()
}

/// Runs of whole files of about [`extract::GATHER_CHUNK`] articles (a file larger than that is a
/// chunk of its own).
fn chunks(files: &[FileSpan]) -> Vec<&[FileSpan]> {
    let mut out = Vec::new();
    let (mut start, mut articles) = (0, 0);
    for (i, f) in files.iter().enumerate() {
        articles += f.articles.len();
        if articles >= extract::GATHER_CHUNK {
            out.push(&files[start..=i]);
            (start, articles) = (i + 1, 0);
        }
    }
    if start < files.len() {
        out.push(&files[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn extraction_progress_reaches_every_article() {
        let corpus = corpus::sample();
        let total = corpus.articles.len();
        let seen = Mutex::new(Vec::new());
        let analysis = Analysis::of_with_progress(corpus, &|s| {
            if let Stage::Extracting { done, total } = s {
                seen.lock().unwrap().push((done, total));
            }
        });
        let seen = seen.into_inner().unwrap();
        assert_eq!(seen.first(), Some(&(0, total)));
        assert_eq!(seen.last(), Some(&(total, total)));
        assert_eq!(analysis.corpus.articles.len(), total);
        assert!(!analysis.incidents.is_empty());
    }
}
