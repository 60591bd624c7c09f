//! Corpus-wide search as the workbench shows it: hits per article, their total, and how long the
//! search took. The matching itself is [`crate::search`].

use std::collections::HashMap;

use crate::analysis::Analysis;
use crate::query::{self, Fields, SearchIndex};

/// Search hits per article index (only articles that match the query).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResult {
    pub query: String,
    pub hits: HashMap<usize, Vec<(usize, usize)>>,
    /// The matching articles, best first.
    pub ranked: Vec<usize>,
    /// Why the query does not parse (shown under the search box); then there are no hits.
    pub error: Option<String>,
    /// Hits over all articles.
    pub total: usize,
    /// How long the search took (logged with `DOSSIER_FRAME_LOG=1`).
    pub took: std::time::Duration,
}

impl SearchResult {
    /// Hits in one article, in text order.
    pub fn hits_in(&self, article: usize) -> &[(usize, usize)] {
        self.hits.get(&article).map_or(&[], Vec::as_slice)
    }

    /// "3 hits in 1 article", or why the query does not parse.
    pub fn summary(&self) -> String {
        use crate::workbench::format::count;
        if let Some(e) = &self.error {
            return e.clone();
        }
        // Only field clauses (`kind:stolen`): articles, no words to highlight.
        if self.total == 0 && !self.hits.is_empty() {
            return count(self.hits.len(), "article");
        }
        format!(
            "{} in {}",
            count(self.total, "hit"),
            count(self.hits.len(), "article")
        )
    }
}

/// Searches every article with the query language ([`crate::query`]): through `index` when it
/// is built for this corpus, else by scanning (in parallel). Field clauses read `analysis`, the
/// one the views show. Runs on a worker.
pub fn search(analysis: &Analysis, index: Option<&SearchIndex>, text: &str) -> SearchResult {
    let started = std::time::Instant::now();
    let mut result = SearchResult {
        query: text.to_owned(),
        ..SearchResult::default()
    };
    let found = query::parse(text)
        .map_err(|e| format!("Query not understood: {e}"))
        .and_then(|expr| match expr {
            Some(expr) => {
                // Reading every article's fields costs more than most queries: only when asked.
                let fields = if expr.has_fields() {
                    Fields::of(analysis)
                } else {
                    Fields::default()
                };
                query::search(analysis, &fields, index, &expr)
            }
            None => Ok(Vec::new()),
        });
    match found {
        Ok(hits) => {
            result.ranked = hits.iter().map(|h| h.article).collect();
            result.total = hits.iter().map(|h| h.spans.len()).sum();
            result.hits = hits.into_iter().map(|h| (h.article, h.spans)).collect();
        }
        Err(e) => result.error = Some(e),
    }
    result.took = started.elapsed();
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbench::fixture;

    #[test]
    fn hits_are_counted_per_article_and_summarised_in_words() {
        let loaded = fixture::loaded();
        let result = search(&loaded.analysis, None, "Northwind");
        assert_eq!(result.hits.len(), 2);
        assert_eq!(result.total, 3);
        assert_eq!(result.summary(), "3 hits in 2 articles");
        let one = search(&loaded.analysis, None, "sandwiches");
        assert_eq!(one.summary(), "1 hit in 1 article");
        assert!(one.hits_in(99).is_empty());
    }
}
