//! Corpus-wide search as the workbench shows it: hits per article, their total, and how long the
//! search took. The matching itself is [`crate::search`].

use std::collections::HashMap;

use crate::analysis::Analysis;
use crate::search::Query;

/// Search hits per article index (only articles that match every term).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResult {
    pub query: String,
    pub hits: HashMap<usize, Vec<(usize, usize)>>,
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

    /// "3 hits in 1 article".
    pub fn summary(&self) -> String {
        use crate::workbench::format::count;
        format!(
            "{} in {}",
            count(self.total, "hit"),
            count(self.hits.len(), "article")
        )
    }
}

/// Searches every article (in parallel). Runs on a worker: 100,000 articles take seconds.
pub fn search(analysis: &Analysis, query: &str) -> SearchResult {
    let started = std::time::Instant::now();
    let parsed = Query::parse(query);
    let hits = crate::search::corpus_hits(&analysis.corpus.articles, &parsed);
    SearchResult {
        query: query.to_owned(),
        total: hits.values().map(Vec::len).sum(),
        hits,
        took: started.elapsed(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbench::fixture;

    #[test]
    fn hits_are_counted_per_article_and_summarised_in_words() {
        let loaded = fixture::loaded();
        let result = search(&loaded.analysis, "Northwind");
        assert_eq!(result.hits.len(), 2);
        assert_eq!(result.total, 3);
        assert_eq!(result.summary(), "3 hits in 2 articles");
        let one = search(&loaded.analysis, "sandwiches");
        assert_eq!(one.summary(), "1 hit in 1 article");
        assert!(one.hits_in(99).is_empty());
    }
}
